//! Reading inputs: bad files are reported one line each, the rest are still processed.
use crate::support::*;
use std::fs;

const ARTICLE: &str = "عنوان تجريبي\n\nقال الوزير سيرغي لافروف إن المحادثات ستبدأ في موسكو.\n";

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    fs::write(p.join("good.txt"), ARTICLE).unwrap();
    fs::write(p.join("latin1.txt"), b"caf\xe9 \xff\xfe").unwrap();
    fs::write(p.join("empty.txt"), b"").unwrap();
    fs::write(p.join("binary.txt"), b"\x00\x01\x02abc").unwrap();
    let out = p.join("out");
    let res = mizan()
        .arg("brief")
        .arg(p)
        .arg(p.join("missing.txt"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        res.status.code(),
        Some(3),
        "partial failure has its own exit code"
    );
    let err = String::from_utf8(res.stderr).unwrap();
    let line = |needle: &str| {
        err.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line for {needle}: {err}"))
            .to_string()
    };
    assert!(line("latin1.txt").contains("not valid UTF-8"));
    assert!(line("empty.txt").contains("empty file"));
    assert!(line("binary.txt").contains("binary file"));
    assert!(line("missing.txt").contains("No such file"));
    let facts = read_json(&out.join("facts.json"));
    assert_eq!(facts["articles"].as_array().unwrap().len(), 1);
    assert!(facts["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["entity"] == "sergey_lavrov"));
}

#[test]
fn markdown_front_matter_and_jsonl_feeds() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    fs::write(
        p.join("a.md"),
        "---\ntitle: لقاء في موسكو\ndate: 2020-10-09\noutlet: Test Outlet\n---\n\n# لقاء في موسكو\n\nالتقى لافروف نظيره في موسكو.\n",
    )
    .unwrap();
    let line1 = serde_json::json!({"id": "feed-1", "title": "خبر", "date": "2020-10-10", "outlet": "Feed", "text": "وصل بوتين إلى أنقرة."});
    fs::write(p.join("feed.jsonl"), format!("{line1}\nnot json\n")).unwrap();
    let g = p.join("g.yaml");
    fs::write(&g, "entities:\n  - {id: lavrov, kind: person, en: Sergey Lavrov, ar: سيرغي لافروف, short: [لافروف]}\n  - {id: moscow, kind: place, en: Moscow, ar: موسكو}\n  - {id: putin, kind: person, en: Vladimir Putin, ar: فلاديمير بوتين, short: [بوتين]}\n  - {id: ankara, kind: place, en: Ankara, ar: أنقرة}\n").unwrap();
    let out = p.join("out");
    let res = mizan()
        .arg("brief")
        .arg(p)
        .arg("--no-world-glossary")
        .arg("--glossary")
        .arg(&g)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(3));
    let err = String::from_utf8(res.stderr).unwrap();
    assert!(
        err.contains("feed.jsonl:2:"),
        "a bad feed line is named with its line: {err}"
    );
    let facts = read_json(&out.join("facts.json"));
    let arts = facts["articles"].as_array().unwrap();
    let md = arts.iter().find(|a| a["id"] == "a").unwrap();
    assert_eq!(md["date"], "2020-10-09");
    assert_eq!(md["outlet"], "Test Outlet");
    let feed = arts.iter().find(|a| a["id"] == "feed-1").unwrap();
    assert_eq!(feed["outlet"], "Feed");
    let ents: Vec<&str> = facts["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["entity"].as_str().unwrap())
        .collect();
    assert!(ents.contains(&"lavrov") && ents.contains(&"putin") && ents.contains(&"ankara"));
    // the front matter's title is not counted as a mention: one Moscow in the heading, one in the body
    assert_eq!(ents.iter().filter(|e| **e == "moscow").count(), 2);
}
