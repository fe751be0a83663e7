//! Template overrides: used file by file; a broken one is an error naming it.
use crate::support::*;
use std::fs;

#[test]
fn a_user_template_overrides_the_built_in_one() {
    let d = tempfile::tempdir().unwrap();
    fs::create_dir_all(d.path().join("partials")).unwrap();
    fs::write(
        d.path().join("names.md.hbs"),
        "NAMES {{len names}} entities\n",
    )
    .unwrap();
    fs::write(
        d.path().join("partials/sources.md.hbs"),
        "{{#each sources}}* {{id}}\n{{/each}}",
    )
    .unwrap();
    let out = d.path().join("out");
    mizan()
        .args(["brief", "examples/karabakh", "--templates"])
        .arg(d.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let names = fs::read_to_string(out.join("names.md")).unwrap();
    assert!(
        names.starts_with("NAMES ") && names.contains("entities"),
        "{names}"
    );
    let briefing = fs::read_to_string(out.join("briefing.md")).unwrap();
    assert!(
        briefing.contains("* 01-first-days"),
        "the overridden partial is used"
    );
    // the other templates stay built in
    assert!(fs::read_to_string(out.join("disagreements.md"))
        .unwrap()
        .starts_with("# Disagreements"));
}

#[test]
fn a_broken_override_is_an_error_naming_the_template_and_line() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("briefing.md.hbs"),
        "# ok\n\n{{#each summary}}\n{{en}}\n",
    )
    .unwrap();
    let err = brief_fails(
        &["--templates".as_ref(), d.path().as_os_str()],
        &d.path().join("out"),
    );
    let path = d.path().join("briefing.md.hbs").display().to_string();
    assert!(
        err.starts_with(&format!("mizan: {path}:")),
        "file:line:col first: {err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!d.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_missing_field_is_an_error_in_strict_mode() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("names.md.hbs"), "{{no_such_field}}\n").unwrap();
    let err = brief_fails(
        &["--templates".as_ref(), d.path().as_os_str()],
        &d.path().join("out"),
    );
    assert!(err.contains("no_such_field"), "{err}");
}

#[test]
fn an_unknown_template_file_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("brefing.md.hbs"), "typo\n").unwrap();
    let out = mizan()
        .args(["brief", "examples/karabakh", "--templates"])
        .arg(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("brefing.md.hbs"));
}
