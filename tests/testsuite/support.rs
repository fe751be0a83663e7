use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(case: &str) -> PathBuf {
    root().join("tests/fixtures").join(case)
}

/// `mizan` run from the repository root.
pub fn mizan() -> Command {
    let mut c = Command::cargo_bin("mizan").expect("the binary is built");
    c.current_dir(root());
    c
}

/// Run `brief` on a fixture case into a fresh folder and return the facts document.
pub fn brief_fixture(case: &str, inputs: &[&str]) -> (tempfile::TempDir, serde_json::Value) {
    let out = tempfile::tempdir().unwrap();
    let dir = fixture(case);
    let mut cmd = mizan();
    cmd.arg("brief");
    for i in inputs {
        cmd.arg(dir.join("articles").join(i));
    }
    // fixture glossaries stand alone: no world glossary under them
    cmd.arg("--no-world-glossary")
        .arg("--glossary")
        .arg(dir.join("glossary.yaml"))
        .arg("--out")
        .arg(out.path());
    cmd.assert().success();
    let facts = read_json(&out.path().join("facts.json"));
    (out, facts)
}

pub fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// A figure disagreement: (status, subject, [(article, value)]).
pub type Group = (String, Option<String>, Vec<(String, f64)>);

pub fn figure_groups(facts: &serde_json::Value) -> Vec<Group> {
    facts["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "figure")
        .map(|d| {
            (
                d["status"].as_str().unwrap().to_string(),
                d["subject"].as_str().map(str::to_string),
                d["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| {
                        (
                            c["article"].as_str().unwrap().to_string(),
                            c["value"].as_f64().unwrap(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

/// Run `brief` on the demo corpus into a fresh folder.
pub fn demo_out() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    mizan()
        .args(["brief", "examples/karabakh", "--out"])
        .arg(out.path())
        .assert()
        .success();
    out
}

/// Run `brief` on the demo corpus with `extra` arguments and `--out out_dir`, expecting the
/// fatal exit code 2; returns stderr.
pub fn brief_fails(extra: &[&std::ffi::OsStr], out_dir: &Path) -> String {
    let out = mizan()
        .args(["brief", "examples/karabakh"])
        .args(extra)
        .arg("--out")
        .arg(out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8(out.stderr).unwrap()
}

/// The files `brief` writes.
pub const OUTPUTS: [&str; 5] = [
    "facts.json",
    "briefing.md",
    "briefing.html",
    "disagreements.md",
    "names.md",
];
