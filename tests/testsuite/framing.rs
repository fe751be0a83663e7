//! The appendix «Loaded wording by outlet» from the glossary's `framing:` sets.

use crate::support::{fixture, mizan, root};

/// `brief` on `inputs` with the given glossary layers; the briefing's Markdown.
fn briefing(inputs: &[std::path::PathBuf], args: &[&str]) -> String {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = mizan();
    cmd.arg("brief")
        .args(inputs)
        .args(args)
        .arg("--out")
        .arg(out.path());
    cmd.assert().success();
    std::fs::read_to_string(out.path().join("briefing.md")).unwrap()
}

fn appendix(md: &str) -> &str {
    let at = md
        .find("### Loaded wording by outlet")
        .expect("the appendix is there");
    &md[at..]
}

#[test]
fn the_demo_appendix_shows_each_outlets_words_with_their_sentences() {
    let md = briefing(&[root().join("examples/karabakh")], &[]);
    let a = appendix(&md);
    // the world glossary's general sets; only `killed` has words in the demo
    assert!(a.contains("#### killed\n"), "{a}");
    assert!(!a.contains("#### withdrew"), "{a}");
    assert!(
        a.contains("| Outlet | neutral | honorific | euphemism | pejorative |"),
        "{a}"
    );
    let row = a
        .lines()
        .find(|l| l.starts_with("| Caspian Desk |"))
        .expect("a row for each outlet");
    // the Arabic words isolated (so the HTML cell stays left to right), then the sentences by
    // source label and number (no file name where the outlet is known)
    assert!(
        row.contains("\u{2068}قتيلا\u{2069}: Caspian Desk, 5 Oct §1"),
        "{row}"
    );
    assert!(!a.contains("03-same-day"), "{a}");
    // a sentence of an article with a URL links to it, the address defined once
    assert!(a.contains("[Al-Mizan Daily, 21 Oct §"), "{a}");
    assert!(a.contains("][Al-Mizan Daily, 21 Oct]"), "{a}");
    assert_eq!(
        a.matches("\n[Al-Mizan Daily, 21 Oct]: https://example.org/mizan-demo/05\n")
            .count(),
        1,
        "{a}"
    );
}

#[test]
fn a_glossary_without_sets_says_so_and_sets_without_words_say_none_were_found() {
    let case = fixture("newstory");
    let arts = [case.join("articles")];
    let g = case.join("glossary.yaml");
    let g = g.to_str().unwrap();
    let md = briefing(&arts, &["--no-world-glossary", "--glossary", g]);
    assert!(
        appendix(&md).contains("The glossary defines no framing sets"),
        "{md}"
    );
    let md = briefing(&arts, &["--glossary", g]);
    assert!(
        appendix(&md).contains("None of the glossary's 5 framing sets has a word"),
        "{}",
        appendix(&md)
    );
}
