//! Framing words found in articles, and the appendix built from them.

use super::*;
use crate::corpus;
use std::path::Path;

const G: &str = "entities:
  - {id: x, kind: place, en: X, ar: سينيا}
framing:
  - id: killed
    en: killed
    words:
      neutral: [قتلى, قتيل*]
      honorific: [شهداء, استشهد*]
      euphemism: [لقي حتف*, لقوا حتف*]
";

fn glossary() -> Glossary {
    Glossary::parse(Path::new("g.yaml"), G).unwrap()
}

fn article(id: &str, outlet: Option<&str>, url: Option<&str>, text: &str) -> Article {
    let mut sentences = corpus::segment(text, 0, None);
    for (i, s) in sentences.iter_mut().enumerate() {
        s.id = format!("{id}:{i}");
    }
    Article {
        id: id.into(),
        path: format!("{id}.txt"),
        title: None,
        date: None,
        outlet: outlet.map(str::to_string),
        url: url.map(str::to_string),
        sentences,
        text: text.to_string(),
    }
}

/// The (stance, words as written, sentence, quoted) of each use in `text`.
fn uses(text: &str) -> Vec<(String, String, usize, bool)> {
    let g = glossary();
    let an = crate::analyze(&g, vec![article("a", None, None, text)]);
    let a = &an[0];
    a.framing
        .iter()
        .map(|u| {
            let stance = g.framing.sets[u.set].stances[u.stance].name.clone();
            (
                stance,
                text[u.start..u.end].to_string(),
                u.sentence,
                u.quoted,
            )
        })
        .collect()
}

fn u(stance: &str, word: &str, sentence: usize, quoted: bool) -> (String, String, usize, bool) {
    (stance.to_string(), word.to_string(), sentence, quoted)
}

#[test]
fn words_are_found_with_clitics_and_whole_phrases() {
    assert_eq!(
        uses("سقط في سينيا عشرة قتلى والشهداء كثر. ولقوا حتفهم أمس."),
        [
            u("neutral", "قتلى", 0, false),
            u("honorific", "والشهداء", 0, false),
            u("euphemism", "ولقوا حتفهم", 1, false),
        ]
    );
}

#[test]
fn part_of_a_word_or_a_phrase_split_by_a_sentence_end_is_not_a_use() {
    assert!(uses("زار الوفد مقاتلى المدينة ثم عاد.").is_empty());
    assert!(uses("قال إنه لقي. حتفه ليس هنا").is_empty());
}

#[test]
fn a_word_inside_a_quotation_is_the_speakers() {
    let got = uses("وقال المتحدث: «سقط عشرة شهداء في سينيا» بحسب البيان.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].3, "inside the quotation: {got:?}");
}

#[test]
fn the_appendix_has_one_row_per_outlet_and_a_cell_per_stance() {
    let g = glossary();
    let arts = vec![
        article(
            "01",
            Some("Wire One"),
            Some("https://one.example/a b"),
            "سقط عشرة قتلى في سينيا. ثم قتيلان آخران.",
        ),
        article(
            "02",
            None,
            Some("https://www.two.example/x"),
            "ارتفع عدد الشهداء في سينيا.",
        ),
        article("03", Some("Wire One"), None, "قتلى جدد في سينيا."),
    ];
    let an = crate::analyze(&g, arts);
    let r = report(&g, &an);
    assert_eq!(r.sets_defined, 1);
    assert_eq!(r.sets.len(), 1);
    let s = &r.sets[0];
    assert_eq!(s.en, "killed");
    assert_eq!(s.stances, ["neutral", "honorific", "euphemism"]);
    let outlets: Vec<&str> = s.outlets.iter().map(|o| o.outlet.as_str()).collect();
    // most uses first; an outlet without a name is known by the host of its URL
    assert_eq!(outlets, ["Wire One", "two.example"]);
    let one = &s.outlets[0];
    assert_eq!(one.cells.len(), 3);
    assert_eq!(one.cells[0].words, "قتلى ×2، قتيلان");
    let refs: Vec<&str> = one.cells[0].refs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(refs, ["01:0", "01:1", "03:0"]);
    assert!(one.cells[0].refs[0].linked && !one.cells[0].refs[2].linked);
    let links: Vec<(&str, &str)> = r
        .links
        .iter()
        .map(|l| (l.article.as_str(), l.url.as_str()))
        .collect();
    // once per article, with a link target Markdown keeps whole
    assert_eq!(
        links,
        [
            ("01", "https://one.example/a%20b"),
            ("02", "https://www.two.example/x")
        ]
    );
    assert_eq!(one.cells[1].words, "", "no honorific word from this outlet");
    assert_eq!(s.outlets[1].cells[1].words, "الشهداء");
}

#[test]
fn quoted_uses_are_listed_apart_and_a_quiet_corpus_has_no_sets() {
    let g = glossary();
    let an = crate::analyze(
        &g,
        vec![article(
            "q",
            Some("Desk"),
            None,
            "قال الوزير: «هؤلاء شهداء الوطن» ثم غادر.",
        )],
    );
    let r = report(&g, &an);
    assert!(r.sets.is_empty(), "{:?}", r.sets);
    assert_eq!(r.quoted.len(), 1);
    assert_eq!(
        (r.quoted[0].stance.as_str(), r.quoted[0].word.as_str()),
        ("honorific", "شهداء")
    );
    assert_eq!(r.quoted[0].outlet, "Desk");
}
