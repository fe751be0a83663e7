//! The briefing: structure of the generated Markdown, HTML, determinism.
use crate::support::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Headings (level 2 and 3) and, per table, the number of columns of each row as written.
fn structure(md: &str) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut headings = Vec::new();
    let mut tables = Vec::new();
    let mut in_heading = None::<String>;
    for (ev, range) in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter()
    {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2 | HeadingLevel::H3,
                ..
            }) => in_heading = Some(String::new()),
            Event::Text(t) if in_heading.is_some() => in_heading.as_mut().unwrap().push_str(&t),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = in_heading.take() {
                    headings.push(h);
                }
            }
            Event::Start(Tag::Table(_)) => {
                // count unescaped pipes on each source line of the table
                let rows = md[range]
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| {
                        let mut n = 0;
                        let mut prev = ' ';
                        for c in l.chars() {
                            if c == '|' && prev != '\\' {
                                n += 1;
                            }
                            prev = c;
                        }
                        n
                    })
                    .collect();
                tables.push(rows);
            }
            _ => {}
        }
    }
    (headings, tables)
}

#[test]
fn the_briefing_has_every_section_in_both_languages() {
    let out = demo_out();
    let md = std::fs::read_to_string(out.path().join("briefing.md")).unwrap();
    let (headings, tables) = structure(&md);
    for h in [
        "English",
        "In brief",
        "Contested",
        "Key figures",
        "Timeline",
        "Quotes",
        "Sources",
        "العربية",
        "الخلاصة",
        "المتنازع عليه",
        "أبرز الأرقام",
        "التسلسل الزمني",
        "الاقتباسات",
        "Appendix for translators",
        "People, places and organisations",
        "Spellings",
        "Other figures, by report",
        "Coverage",
    ] {
        assert!(
            headings.iter().any(|x| x == h),
            "missing heading {h:?} in {headings:?}"
        );
    }
    assert!(tables.len() >= 7, "{} tables", tables.len());
    for rows in &tables {
        assert!(rows.len() >= 3, "a table with no rows: {rows:?}");
        assert!(
            rows.iter().all(|&n| n == rows[0]),
            "rows with different column counts: {rows:?}"
        );
    }
    for garbage in ["&amp;", "&#x27;", "&quot;", "&lt;", "&#"] {
        assert!(
            !md.contains(garbage),
            "escaped-HTML garbage {garbage:?} in the Markdown"
        );
    }
    // every section is filled: the summary has items, figures have rows, quotes have speakers
    assert!(
        md.contains("according to Armenia"),
        "attribution in the figures table"
    );
    assert!(
        md.contains("**Vladimir Putin (President of Russia)**"),
        "a quote with its speaker"
    );
    assert!(md.contains("| 2020-10-09 |"), "a dated timeline entry");
}

#[test]
fn html_is_self_contained_with_directions() {
    let out = demo_out();
    let html = std::fs::read_to_string(out.path().join("briefing.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<div lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<table>"));
    // the Arabic half isolates its Latin labels; the English half's Arabic cells read right to
    // left; dates do not break
    assert!(
        html.contains("<bdi dir=\"ltr\">Demo Wire, 28 Sep"),
        "Latin in Arabic text"
    );
    assert!(
        html.contains("<td dir=\"rtl\">لقاء في جنيف مع مجموعة مينسك</td>"),
        "an Arabic cell"
    );
    assert!(html.contains("<span class=\"nowrap\">2020-10-21</span>"));
    assert!(
        !html.contains('\u{2068}'),
        "isolate controls became bdi elements"
    );
    assert!(
        !html.contains("<link") && !html.contains("<script"),
        "no outside resources"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = demo_out();
    let b = demo_out();
    for f in OUTPUTS {
        let x = std::fs::read(a.path().join(f)).unwrap();
        let y = std::fs::read(b.path().join(f)).unwrap();
        assert!(x == y, "{f} differs between two runs");
    }
}

#[test]
fn facts_follow_the_schema() {
    let out = demo_out();
    let facts = read_json(&out.path().join("facts.json"));
    assert_eq!(facts["schema"], "mizan.facts/2");
    for key in [
        "articles",
        "entities",
        "mentions",
        "numbers",
        "dates",
        "quotes",
        "alignments",
        "disagreements",
        "names",
        "suggestions",
    ] {
        assert!(facts[key].is_array(), "{key} missing");
    }
    // every mention's surface is exactly the bytes it points at
    for m in facts["mentions"].as_array().unwrap() {
        let id = m["article"].as_str().unwrap();
        let art = facts["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap();
        let text = std::fs::read(root().join(art["path"].as_str().unwrap())).unwrap();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["surface"].as_str().unwrap().as_bytes());
    }
}

#[test]
fn dump_context_prints_the_template_context() {
    let out = mizan()
        .args(["brief", "examples/karabakh", "--dump-context"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article_count"], 5);
    assert!(v["lede"].as_array().unwrap().len() >= 3);
    assert_eq!(v["lede"][0]["kind"], "event");
    assert!(v["lede"][0]["sentence"]["shape"].is_string());
    assert!(v["figures"][0]["latest"]["value_en"].is_string());
}

#[test]
fn an_agent_the_glossary_does_not_know_shows_as_written_and_unverified() {
    let d = tempfile::tempdir().unwrap();
    let art = d.path().join("a.txt");
    std::fs::write(
        &art,
        "خبر قصير\n\nاستهدفت القوات الحكومية مدينة غنجة فجر الأحد.\n",
    )
    .unwrap();
    let out = d.path().join("out");
    let st = mizan()
        .arg("brief")
        .arg(&art)
        .arg("--glossary")
        .arg(root().join("glossary.yaml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let facts = read_json(&out.join("facts.json"));
    let ev = &facts["events"][0];
    assert_eq!(ev["agent"], serde_json::Value::Null, "{ev}");
    assert_eq!(ev["agent_surface"], "القوات الحكومية", "{ev}");
    let md = std::fs::read_to_string(out.join("briefing.md")).unwrap();
    assert!(
        md.contains("a strike by «القوات الحكومية» (as written; unverified) in Ganja."),
        "{md}"
    );
}
