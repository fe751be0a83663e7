//! The world glossary, layered story glossaries, `glossary suggest` and `glossary check`, and
//! the messages about missing, empty and mistyped glossaries.

use crate::support::{fixture, mizan, root};
use mizan::glossary::{Glossary, Layer};
use std::fs;
use std::path::Path;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = mizan().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_world_glossary_loads_alone_and_under_the_shipped_story_glossary() {
    let world = Glossary::layered(&[Layer::world()]).unwrap();
    assert!(world.entities.len() > 400, "{}", world.entities.len());
    for id in [
        "armenia",
        "azerbaijan",
        "russia",
        "turkey",
        "france",
        "united_states",
        "iran",
        "georgia",
        "moscow",
        "baku",
        "yerevan",
        "ankara",
        "paris",
        "washington",
        "nato",
        "united_nations",
        "european_union",
        "reuters",
        "anadolu",
    ] {
        assert!(world.entity(id).is_some(), "{id} missing");
    }
    let story = Layer::read(&root().join("glossary.yaml")).unwrap();
    let g = Glossary::layered(&[Layer::world(), story]).unwrap();
    // the story's entries replace the world's (override: true), in the world's place
    let putin = &g.entities[g.entity("vladimir_putin").unwrap()];
    assert_eq!(putin.layer, 1);
    assert!(g.is_world(g.entity("paris").unwrap()));
    // the script that writes world.yaml is what made it
    if std::process::Command::new("python3")
        .args(["-c", "import babel, yaml"])
        .status()
        .is_ok_and(|s| s.success())
    {
        let st = std::process::Command::new("python3")
            .arg(root().join("scripts/world-glossary.py"))
            .arg("--check")
            .status()
            .unwrap();
        assert!(
            st.success(),
            "glossaries/world.yaml is stale: rerun the script"
        );
    }
}

#[test]
fn outlets_are_recognised_after_clitics() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("a.txt"),
        "خبر\n\nوقال المصدر لوكالة الأناضول إن الوضع هادئ، بحسب رويترز.\n",
    )
    .unwrap();
    let out = d.path().join("out");
    let (code, _, err) = run(&[
        "brief",
        d.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let facts: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("facts.json")).unwrap()).unwrap();
    let ids: Vec<&str> = facts["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["entity"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"anadolu") && ids.contains(&"reuters"),
        "{ids:?}"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn later_glossaries_extend_override_and_take_spellings() {
    let d = tempfile::tempdir().unwrap();
    let a = Layer {
        path: d.path().join("a.yaml"),
        text: "entities:\n  - {id: x, kind: place, en: X, ar: سين, variants: [شين]}\n  - {id: y, kind: place, en: Y, ar: صاد}\n".into(),
    };
    // extend: a new entity; take: شين goes to z; override: y replaced
    let b = Layer {
        path: d.path().join("b.yaml"),
        text: "entities:\n  - {id: z, kind: person, en: Z, ar: شين}\n  - {id: y, kind: place, en: Y2, ar: ضاد, override: true}\n".into(),
    };
    let g = Glossary::layered(&[a.clone(), b]).unwrap();
    assert_eq!(g.entities.len(), 3);
    let y = &g.entities[g.entity("y").unwrap()];
    assert_eq!((y.en.as_str(), y.layer), ("Y2", 1));
    let x = &g.entities[g.entity("x").unwrap()];
    assert_eq!(x.spellings.len(), 1, "x lost شين");
    assert_eq!(g.shadowed.len(), 1);
    assert_eq!(g.shadowed[0].lost_by, "x");
    assert!(g.shadowed[0].at.contains("b.yaml:2:"), "{:?}", g.shadowed);
    // the same id again without override: an error naming both files
    let c = Layer {
        path: d.path().join("c.yaml"),
        text: "entities:\n  - {id: x, kind: place, en: X, ar: عين}\n".into(),
    };
    let e = Glossary::layered(&[a, c]).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!("{}:2:", d.path().join("c.yaml").display())),
        "{e}"
    );
    assert!(
        e.contains("a.yaml:2:") && e.contains("override: true"),
        "{e}"
    );
}

#[test]
fn a_repeated_glossary_flag_layers_the_files() {
    let d = tempfile::tempdir().unwrap();
    let a = write(
        d.path(),
        "a.yaml",
        "entities:\n  - {id: krasnodar, kind: place, en: Krasnodar, ar: كراسنودار}\n",
    );
    let b = write(
        d.path(),
        "b.yaml",
        "entities:\n  - {id: krasnodar, kind: place, en: Krasnodar, ar: كراسنودر}\n",
    );
    let art = fixture("newstory").join("articles");
    let (code, _, err) = run(&[
        "names",
        art.to_str().unwrap(),
        "--glossary",
        &a,
        "--glossary",
        &b,
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("b.yaml:2:") && err.contains("a.yaml:2:"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_draft_loads_as_it_is_and_brief_runs_with_it() {
    let art = fixture("newstory").join("articles");
    let (code, draft, err) = run(&["glossary", "suggest", art.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let g = Glossary::layered(&[
        Layer::world(),
        Layer {
            path: "draft.yaml".into(),
            text: draft.clone(),
        },
    ])
    .unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let k = &g.entities[g.entity("krasnudar").expect(&draft)];
    let forms: Vec<&str> = k.spellings.iter().map(|s| s.text.as_str()).collect();
    // three writings of one name, grouped by their consonants
    assert_eq!(forms, ["كراسنودار", "كراسنو دار", "كراسنودر"], "{draft}");
    let p = &g.entities[g.entity("fladislaf_kulikuf").expect(&draft)];
    assert_eq!(p.role.as_ref().unwrap().ar, "وزير الداخلية الروسي");
    assert!(draft.contains("side: russia"), "{draft}");
    assert!(draft.contains("short: [\"كوليكوف\"]"), "{draft}");
    assert!(draft.contains("# guess: check"), "{draft}");
    // names the world glossary has are not suggested
    assert!(!draft.contains("\"موسكو\""), "{draft}");
    // brief with the draft
    let d = tempfile::tempdir().unwrap();
    let gpath = write(d.path(), "draft.yaml", &draft);
    let out = d.path().join("out");
    let (code, _, err) = run(&[
        "brief",
        art.to_str().unwrap(),
        "--glossary",
        &gpath,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    // the names check finds a misspelling of a name only the draft has
    let copy = d.path().join("articles");
    fs::create_dir(&copy).unwrap();
    for f in fs::read_dir(&art).unwrap() {
        let f = f.unwrap().path();
        let text = fs::read_to_string(&f).unwrap();
        fs::write(
            copy.join(f.file_name().unwrap()),
            text.replacen("أندريه سيمونوفسكي", "أندريه سيمنوفسكي", 1),
        )
        .unwrap();
    }
    let (_, report, _) = run(&["names", copy.to_str().unwrap(), "--glossary", &gpath]);
    assert!(
        report.contains("[unknown_variant] andrih_simunufski") && report.contains("سيمنوفسكي"),
        "{report}"
    );
}

#[test]
fn check_reports_lint_findings() {
    let dir = fixture("newstory");
    let g = dir.join("glossary.yaml");
    let (code, out, err) = run(&[
        "glossary",
        "check",
        "--glossary",
        g.to_str().unwrap(),
        dir.join("articles").to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "{err}\n{out}");
    // a variant that is another entity's adjective with an ending
    assert!(
        out.contains("[adjective_variant] rus_region: «روسية»"),
        "{out}"
    );
    // a measure none of whose triggers match
    assert!(out.contains("[never_fires] measure flooded_homes"), "{out}");
    assert!(!out.contains("measure displaced"), "{out}");
    // spellings never used
    assert!(
        out.contains("krasnodar: never matched: «كراسنودارا»"),
        "{out}"
    );
    // an outlet's name after a place word is the town
    assert!(
        out.contains("01-first.txt:5:") && out.contains("[place_word_before] al_jazeera"),
        "{out}"
    );
    // without articles: only what the glossary alone shows
    let (_, out, _) = run(&["glossary", "check", "--glossary", g.to_str().unwrap()]);
    assert!(
        out.contains("adjective_variant") && !out.contains("never_fires"),
        "{out}"
    );
}

#[test]
fn a_missing_glossary_says_how_to_give_or_make_one_once() {
    let (code, _, err) = run(&["names", "examples/karabakh", "--glossary", "nope.yaml"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("nope.yaml") && err.contains("--glossary"),
        "{err}"
    );
    assert!(err.contains("glossary suggest"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_empty_glossary_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    for text in ["", "# nothing\n", "entities: []\n"] {
        let g = write(d.path(), "g.yaml", text);
        let (code, out, err) = run(&["names", "examples/karabakh", "--glossary", &g]);
        assert_eq!(code, Some(2), "{text:?}: {out}");
        assert!(err.contains("g.yaml") && err.contains("empty"), "{err}");
    }
}

#[test]
fn yaml_type_errors_name_the_field_and_what_it_wanted() {
    let d = tempfile::tempdir().unwrap();
    let g = write(
        d.path(),
        "g.yaml",
        "entities:\n  - id: a\n    kind: person\n    en: A\n    ar: ا\n    variants: فلان\n",
    );
    let (_, _, err) = run(&["names", "examples/karabakh", "--glossary", &g]);
    assert!(
        err.contains("g.yaml:6:") && err.contains("field `variants` expected a list"),
        "{err}"
    );
    let g = write(
        d.path(),
        "g.yaml",
        "entities:\n  - id: a\n    kind: person\n    en: [A]\n    ar: ا\n",
    );
    let (_, _, err) = run(&["names", "examples/karabakh", "--glossary", &g]);
    assert!(
        err.contains("g.yaml:4:") && err.contains("field `en` expected a text"),
        "{err}"
    );
}

#[test]
fn same_as_shows_in_the_names_report() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.txt",
        "خبر\n\nقصفت القوات مدينة مارتاكيرت وبلدة أغدارا اليوم.\n",
    );
    let g = write(
        d.path(),
        "g.yaml",
        "entities:\n  - {id: martakert, kind: place, en: Martakert, ar: مارتاكيرت}\n  - {id: aghdara, kind: place, en: Aghdara, ar: أغدارا, same_as: {id: martakert, note: {en: Azerbaijani name, ar: الاسم الأذربيجاني}}}\n",
    );
    let (_, out, err) = run(&[
        "names",
        d.path().join("a.txt").to_str().unwrap(),
        "--no-world-glossary",
        "--glossary",
        &g,
    ]);
    assert!(
        out.contains("[same_as] aghdara") && out.contains("Azerbaijani name"),
        "{out}{err}"
    );
    let (_, md, _) = run(&[
        "names",
        d.path().join("a.txt").to_str().unwrap(),
        "--no-world-glossary",
        "--glossary",
        &g,
        "--format",
        "markdown",
    ]);
    assert!(md.contains("Same as Martakert (Azerbaijani name)"), "{md}");
}

/// The draft's entries as (kind, ar) pairs.
fn draft_entries(draft: &str) -> Vec<(String, String)> {
    let g = Glossary::layered(&[
        Layer::world(),
        Layer {
            path: "draft.yaml".into(),
            text: draft.to_string(),
        },
    ])
    .unwrap_or_else(|e| panic!("{e}\n{draft}"));
    (0..g.entities.len())
        .filter(|&e| !g.is_world(e))
        .map(|e| &g.entities[e])
        .map(|e| (e.kind.as_str().to_string(), e.spellings[0].text.clone()))
        .collect()
}

#[test]
fn the_draft_reads_general_arabic_name_cues_and_leaves_common_nouns_out() {
    let art = fixture("draftcues").join("articles");
    let (code, draft, err) = run(&["glossary", "suggest", art.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let entries = draft_entries(&draft);
    let has = |kind: &str, ar: &str| entries.iter().any(|(k, a)| k == kind && a == ar);
    // a nisba that is also a nationality adjective ends a name after a title
    assert!(has("person", "منصور المصري"), "{draft}");
    // a kunya and a nisba; an abbreviated title (م.) and a family name with آل
    assert!(has("person", "أبو عمار الحلبي"), "{draft}");
    assert!(has("person", "سامر آل فارس"), "{draft}");
    // a theophoric first name written as one word, after a title the lexicon lacks
    assert!(has("person", "عبدالكريم الدوسري"), "{draft}");
    // a first name and a family name, not the verb after them
    assert!(has("person", "حسين القحطاني"), "{draft}");
    assert!(has("place", "تيرانوفا"), "{draft}");
    // none of: «أمير تيرانوفا» (a title and a place is a role), «مدير شرطة» (a feminine
    // noun), «لقضاء إجازة» (to spend), «ممر ملاحي» (an adjective), «الإجازة»
    for (_, ar) in &entries {
        for bad in ["تيرانوفا موقع", "شرطة", "إجازة", "ملاحي", "يتفقد"]
        {
            assert!(!ar.contains(bad), "«{ar}» in the draft:\n{draft}");
        }
    }
    assert_eq!(entries.len(), 7, "{draft}");
}

#[test]
fn the_names_check_finds_three_spellings_of_a_district_only_the_draft_knows() {
    let art = fixture("district").join("articles");
    let (code, draft, err) = run(&["glossary", "suggest", art.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let d = tempfile::tempdir().unwrap();
    let gpath = write(d.path(), "draft.yaml", &draft);
    let (_, report, err) = run(&["names", art.to_str().unwrap(), "--glossary", &gpath]);
    let line = report
        .lines()
        .find(|l| l.contains("[cross_source]"))
        .unwrap_or_else(|| panic!("{report}{err}\n{draft}"));
    for spelling in [
        "«تشيرتانوفو» in 01-a",
        "«تشرتانوفو» in 02-b",
        "«تشيرتا نوفو» in 03-c",
    ] {
        assert!(line.contains(spelling), "{line}");
    }
}
