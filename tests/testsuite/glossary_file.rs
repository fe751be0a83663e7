//! The shipped glossary is canonical; a bad glossary stops the run with file:line:col.
use crate::support::*;
use mizan::glossary::{EntityKind, FormKind, Glossary};
use std::fs;

#[test]
fn the_shipped_glossary_is_canonical() {
    // loading checks: known fields only, unique ids, no spelling claimed twice after
    // normalisation, English and Arabic for every entity
    let g = Glossary::load(&root().join("glossary.yaml")).unwrap();
    assert!(g.entities.len() >= 45, "{} entities", g.entities.len());
    for e in &g.entities {
        assert!(
            e.role.is_some() || e.kind != EntityKind::Person,
            "{} has no role",
            e.id
        );
        // the preferred spelling comes first
        assert_eq!(e.spellings[0].kind, FormKind::Preferred);
        // spellings are written without diacritics, tatweel or invisible characters
        for s in &e.spellings {
            assert_eq!(
                mizan::normalize::display_form(&s.text),
                s.text,
                "{} spelling {:?}",
                e.id,
                s.text
            );
        }
    }
    for m in &g.measures {
        assert!(!m.triggers.is_empty());
    }
    assert!(g.measures.iter().any(|m| m.id == "killed"));
    assert!(g.events.iter().any(|m| m.id == "meet"));
}

#[test]
fn a_bad_glossary_stops_the_run_with_its_location() {
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("g.yaml");
    fs::write(&g, "entities:\n  - id: a\n    kind: person\n    en: A\n    ar: بوتين\n  - id: b\n    kind: person\n    en: B\n    ar: بوتينْ\n").unwrap();
    let err = brief_fails(
        &["--glossary".as_ref(), g.as_os_str()],
        &d.path().join("out"),
    );
    assert!(err.contains("g.yaml:9:"), "{err}");
    assert!(err.contains("claimed by two entities"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!d.path().join("out").exists());
}

#[test]
fn unknown_fields_are_named() {
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("g.yaml");
    fs::write(
        &g,
        "entities:\n  - id: a\n    kind: person\n    en: A\n    ar: بوتين\n    nickname: x\n",
    )
    .unwrap();
    let out = mizan()
        .args(["names", "examples/karabakh", "--glossary"])
        .arg(&g)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("g.yaml:6:") && err.contains("nickname"),
        "{err}"
    );
}
