//! Aligned sentences and word diffs: spelling-only vs content.
use crate::support::*;

#[test]
fn spelling_only_and_content_differences_are_told_apart() {
    let (_d, facts) = brief_fixture("wording", &["one.txt", "two.txt"]);
    let al = facts["alignments"].as_array().unwrap();
    assert_eq!(al.len(), 2, "{al:?}");
    let kind = |sid: &str| {
        al.iter()
            .find(|a| a["sentences"][0] == sid)
            .map(|a| a["diff"].as_str().unwrap().to_string())
    };
    assert_eq!(kind("one:0").as_deref(), Some("spelling"));
    assert_eq!(kind("one:1").as_deref(), Some("content"));
    // only the content change is a wording disagreement
    let wording: Vec<_> = facts["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "wording")
        .collect();
    assert_eq!(wording.len(), 1);
}

#[test]
fn the_diff_view_shows_the_changed_word_and_the_respelled_name() {
    let dir = fixture("wording");
    let out = mizan()
        .arg("diff")
        .arg(dir.join("articles"))
        .arg("--no-world-glossary")
        .arg("--glossary")
        .arg(dir.join("glossary.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("~~ثلاث~~"), "{md}");
    assert!(md.contains("**خمس**"), "{md}");
    assert!(
        md.contains("Zohrab Mnatsakanyan: «زهراب» → «زوهراب»"),
        "{md}"
    );
    assert!(md.contains("_زوهراب_"), "{md}");
    // content first
    assert!(md.find("content").unwrap() < md.find("spelling").unwrap());
}
