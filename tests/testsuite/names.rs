//! `mizan names`: findings, unknown variants, --check exit codes and JSON.
use crate::support::*;
use std::fs;

#[test]
fn a_spelling_removed_from_the_glossary_comes_back_as_unknown_variant() {
    let d = tempfile::tempdir().unwrap();
    let glossary = fs::read_to_string(root().join("glossary.yaml")).unwrap();
    // drop ناتساكانيان (full and short) from a copy of the shipped glossary
    let reduced = glossary
        .replace(", زهراب ناتساكانيان]", "]")
        .replace("[مناتساكانيان, ناتساكانيان]", "[مناتساكانيان]");
    assert_ne!(
        glossary, reduced,
        "the glossary changed shape; update this test"
    );
    assert!(!reduced.contains("زهراب ناتساكانيان") && !reduced.contains(", ناتساكانيان]"));
    let g = d.path().join("glossary.yaml");
    fs::write(&g, reduced).unwrap();
    let a = d.path().join("a.txt");
    fs::write(
        &a,
        "وصل وزير الخارجية الأرميني زهراب ناتساكانيان إلى موسكو مساء الأحد للقاء نظيره سيرغي لافروف.\n",
    )
    .unwrap();
    let out = mizan()
        .arg("names")
        .arg(&a)
        .arg("--glossary")
        .arg(&g)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let z = v["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["entity"] == "zohrab_mnatsakanyan")
        .expect("the entity is reported");
    let f = z["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "unknown_variant")
        .expect("an unknown_variant finding");
    assert!(
        f["message"].as_str().unwrap().contains("زهراب ناتساكانيان"),
        "{f}"
    );
    // and it is offered as a suggestion near the right entity
    assert!(v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["near_entity"] == "zohrab_mnatsakanyan"));
}

#[test]
fn check_fails_on_findings_at_or_above_the_severity() {
    // the demo corpus has confusable letters (errors) and within-source variation (warnings)
    mizan()
        .args(["names", "examples/karabakh", "--check"])
        .assert()
        .code(1);
    mizan()
        .args([
            "names",
            "examples/karabakh",
            "--check",
            "--severity",
            "error",
        ])
        .assert()
        .code(1);
    // without --check the report is printed and the run succeeds
    let out = mizan()
        .args(["names", "examples/karabakh"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[confusable]"), "{text}");
    assert!(text.contains("[within_source] nagorno_karabakh"), "{text}");
    assert!(text.contains("# Suggestions for glossary.yaml"), "{text}");
}

#[test]
fn check_passes_on_a_consistent_source() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a.txt");
    fs::write(
        &a,
        "التقى سيرغي لافروف في موسكو وزير الخارجية التركي مولود تشاووش أوغلو.\n",
    )
    .unwrap();
    mizan()
        .arg("names")
        .arg(&a)
        .args(["--check", "--severity", "warning"])
        .assert()
        .code(0);
}

#[test]
fn within_and_cross_source_findings_on_the_demo() {
    let out = mizan()
        .args(["names", "examples/karabakh", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds = |entity: &str| -> Vec<String> {
        v["names"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["entity"] == entity)
            .unwrap()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(kinds("nagorno_karabakh").contains(&"within_source".to_string()));
    assert!(kinds("jeyhun_bayramov").contains(&"cross_source".to_string()));
    assert!(kinds("nikol_pashinyan").contains(&"confusable".to_string()));
    assert!(kinds("mikhail_mishustin").contains(&"unknown_variant".to_string()));
}
