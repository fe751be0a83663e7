//! `out/` holds what `mizan brief examples/karabakh` makes; it must stay current. Snapshots of the
//! demo briefing are reviewed with `cargo insta review`.
use crate::support::*;

#[test]
fn the_committed_sample_output_is_current() {
    let d = demo_out();
    for f in OUTPUTS {
        let fresh = std::fs::read_to_string(d.path().join(f)).unwrap();
        let committed = std::fs::read_to_string(root().join("out").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "out/{f} is stale: run `cargo run --release -- brief examples/karabakh` and commit out/"
        );
    }
}

#[test]
fn demo_briefing_snapshot() {
    let d = demo_out();
    insta::assert_snapshot!(
        "briefing",
        std::fs::read_to_string(d.path().join("briefing.md")).unwrap()
    );
    insta::assert_snapshot!(
        "disagreements",
        std::fs::read_to_string(d.path().join("disagreements.md")).unwrap()
    );
    insta::assert_snapshot!(
        "names",
        std::fs::read_to_string(d.path().join("names.md")).unwrap()
    );
}
