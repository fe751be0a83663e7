//! Every reader on arbitrary input: random bytes, Unicode and YAML-ish text through the `.txt`,
//! `.md` and `.jsonl` readers, `sources.yaml`, the glossary and the template loader. None may
//! panic or hang; an article that is read keeps its sentences on character boundaries, and an
//! error names its file.
use crate::support::*;
use mizan::corpus;
use mizan::glossary::Glossary;
use mizan::render::Templates;
use proptest::prelude::*;
use std::path::Path;

/// Text that looks like YAML: keys, lists, flow collections, anchors and aliases, quotes,
/// comments, Arabic and digits.
const YAMLISH: &str = "[a-z_:\\-\\[\\]{}&*!|>'\"#, \n0-9اأبتجدرسعفقلمنهوي]{0,240}";

fn check_articles(
    path: &str,
    arts: &[corpus::Article],
    errs: &[String],
) -> Result<(), TestCaseError> {
    for a in arts {
        for s in &a.sentences {
            prop_assert!(s.start < s.end && s.end <= a.text.len());
            prop_assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        }
        if let Some(d) = &a.date {
            prop_assert!(corpus::is_iso_date(d), "a kept date is a real date: {d}");
        }
    }
    for e in errs {
        prop_assert!(e.starts_with(path), "the error names the file: {e}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_in_any_article_file(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in "txt|md|jsonl") {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(format!("a.{ext}"));
        std::fs::write(&p, &bytes).unwrap();
        let c = corpus::read(std::slice::from_ref(&p));
        let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
        check_articles(&p.display().to_string(), &c.articles, &errs)?;
        prop_assert!(!c.articles.is_empty() || !c.errors.is_empty(), "a file is read or reported");
    }

    #[test]
    fn any_unicode_text_in_each_reader(
        text in "(\u{feff})?[\\PC\r\n]{0,200}",
        ext in "txt|md|jsonl",
    ) {
        let path = format!("t.{ext}");
        let (arts, errs) = corpus::parse_for_test(Path::new(&path), text);
        check_articles(&path, &arts, &errs)?;
    }

    #[test]
    fn markdown_with_any_front_matter(yaml in YAMLISH, crlf in any::<bool>()) {
        let mut text = format!("---\n{yaml}\n---\n\n# عنوان\n\nقال الوزير إن المحادثات بدأت.\n");
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let (arts, errs) = corpus::parse_for_test(Path::new("f.md"), text);
        // a bad front matter drops fields, never the article
        prop_assert_eq!(arts.len(), 1, "{:?}", errs);
        check_articles("f.md", &arts, &errs)?;
    }

    #[test]
    fn feeds_with_any_lines(lines in proptest::collection::vec("[{}\\[\\]\":, a-z0-9اأبتجدرسعفقلمنهوي\\\\]{0,60}", 0..6)) {
        let mut text = lines.join("\n");
        text.push_str("\n{\"id\": \"ok\", \"text\": \"وصل الوزير إلى باكو.\"}\n");
        let (arts, errs) = corpus::parse_for_test(Path::new("f.jsonl"), text);
        prop_assert!(arts.iter().any(|a| a.id == "ok"));
        check_articles("f.jsonl", &arts, &errs)?;
    }

    #[test]
    fn sources_yaml_of_any_shape(yaml in YAMLISH) {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.txt"), "نص").unwrap();
        let p = d.path().join("sources.yaml");
        std::fs::write(&p, format!("articles:\n  - file: a.txt\n{yaml}")).unwrap();
        let (_, errs) = corpus::sources_for_test(&p);
        for e in errs {
            prop_assert!(e.starts_with(&p.display().to_string()), "{}", e);
            prop_assert!(!e.contains("Options"), "{}", e);
        }
    }

    #[test]
    fn glossary_of_any_shape(yaml in YAMLISH) {
        let text = format!("entities:\n  - {{id: a, kind: person, en: A, ar: أحمد}}\n{yaml}");
        if let Err(e) = Glossary::parse(Path::new("g.yaml"), &text) {
            prop_assert!(e.to_string().starts_with("g.yaml"), "{}", e);
        }
    }

    #[test]
    fn templates_of_any_shape(
        body in "[a-z{}#/>~ .@\n]{0,120}",
        partial in "[a-z{}#/>~ .@\n-]{0,80}",
        include in proptest::option::of("figure-table|word-diff|sources"),
    ) {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("partials")).unwrap();
        std::fs::write(d.path().join("briefing.md.hbs"), &body).unwrap();
        let mut p = partial.clone();
        if let Some(i) = include {
            p.push_str(&format!("{{{{> {i}}}}}"));
        }
        std::fs::write(d.path().join("partials/sources.md.hbs"), &p).unwrap();
        if let Ok(t) = Templates::load(Some(d.path())) {
            let g = Glossary::load(&root().join("glossary.yaml")).unwrap();
            let an = mizan::run_pipeline(&g, vec![]);
            let ctx = mizan::render::context::build(&g, &an);
            let _ = t.render("briefing", &ctx);
        }
    }
}

#[test]
fn an_alias_bomb_glossary_is_refused_in_words() {
    // each entity's variants are ten copies of the previous one's: 10^8 strings if expanded
    let mut y = String::from(
        "entities:\n  - {id: a0, kind: person, en: A, ar: أحمد, variants: &v0 [س, س, س, س, س, س, س, س, س, س]}\n",
    );
    for i in 1..9 {
        let p = format!("*v{}", i - 1);
        let list = [p.as_str(); 10].join(", ");
        y.push_str(&format!(
            "  - {{id: a{i}, kind: person, en: A, ar: أحمد{i}, variants: &v{i} [{list}]}}\n"
        ));
    }
    let e = Glossary::parse(Path::new("g.yaml"), &y)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.yaml:"), "{e}");
    assert!(
        !e.contains("Options") && !e.contains("budget breached") && !e.contains(" at line "),
        "{e}"
    );
}
