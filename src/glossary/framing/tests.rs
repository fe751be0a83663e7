//! `framing:` sets: what loading accepts and refuses, and how their words match.

use crate::glossary::Glossary;
use crate::normalize;
use std::path::Path;

fn parse(y: &str) -> crate::error::Result<Glossary> {
    Glossary::parse(Path::new("g.yaml"), y)
}

const SET: &str = "framing:
  - id: killed
    en: killed
    words:
      neutral: [قتلى, قتيل*]
      honorific: [شهداء, استشهد*]
      euphemism: [لقي حتف*]
";

/// The (set, stance, words covered) found at the start of `text`.
fn at(g: &Glossary, text: &str) -> Vec<(String, String, usize)> {
    let key = normalize::key(text);
    let ws: Vec<&str> = key.as_str().split(' ').collect();
    g.framing
        .at(&ws)
        .into_iter()
        .map(|h| {
            let s = &g.framing.sets[h.set];
            (s.id.clone(), s.stances[h.stance].name.clone(), h.len)
        })
        .collect()
}

fn hit(set: &str, stance: &str, len: usize) -> Vec<(String, String, usize)> {
    vec![(set.to_string(), stance.to_string(), len)]
}

#[test]
fn a_set_loads_with_its_stances_in_order() {
    let g = parse(SET).unwrap();
    let s = &g.framing.sets[0];
    assert_eq!((s.id.as_str(), s.en.as_str()), ("killed", "killed"));
    let names: Vec<&str> = s.stances.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["neutral", "honorific", "euphemism"]);
    assert!(s.stances[0].words[1].prefix);
}

#[test]
fn words_match_after_clitics_and_only_whole_words() {
    let g = parse(SET).unwrap();
    assert_eq!(at(&g, "والشهداء"), hit("killed", "honorific", 1));
    assert_eq!(at(&g, "للشهداء"), hit("killed", "honorific", 1));
    assert_eq!(at(&g, "القتلى"), hit("killed", "neutral", 1));
    assert_eq!(at(&g, "قتيلا"), hit("killed", "neutral", 1));
    assert_eq!(at(&g, "واستشهدوا"), hit("killed", "honorific", 1));
    // a phrase: the last word with any ending
    assert_eq!(at(&g, "لقي حتفهم"), hit("killed", "euphemism", 2));
    // a longer word that merely contains a framing word is not one
    assert!(at(&g, "الشهداءات").is_empty());
    assert!(at(&g, "مقتلى").is_empty());
    assert!(at(&g, "لقي ربه").is_empty());
}

#[test]
fn a_set_needs_english_and_two_stances() {
    let e = parse(&SET.replace("    en: killed\n", ""))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.yaml:2:"), "{e}");
    assert!(e.contains("no neutral English rendering"), "{e}");
    let one = "framing:\n  - id: killed\n    en: killed\n    words:\n      neutral: [قتلى]\n";
    let e = parse(one).unwrap_err().to_string();
    assert!(e.contains("needs two stances or more"), "{e}");
}

#[test]
fn bad_stances_and_words_are_errors_at_their_place() {
    let e = parse(&SET.replace("honorific:", "Honorific:"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.yaml:6:7:"), "{e}");
    assert!(e.contains("stance id \"Honorific\""), "{e}");
    let e = parse(&SET.replace("[لقي حتف*]", "[]"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.yaml:7:"), "{e}");
    assert!(e.contains("has no words"), "{e}");
    let e = parse(&SET.replace("[لقي حتف*]", "[\"ـ\"]"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("empty framing word"), "{e}");
    let e = parse(&SET.replace("words:", "word:"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.yaml:"), "{e}");
    assert!(e.contains("word"), "{e}");
}

#[test]
fn a_word_given_twice_names_both_places() {
    // شُهداء with a damma is شهداء after normalisation
    let y = SET.replace("[لقي حتف*]", "[شُهداء]");
    let e = parse(&y).unwrap_err().to_string();
    assert!(e.starts_with("g.yaml:7:"), "{e}");
    assert!(e.contains("g.yaml:6:"), "{e}");
    assert!(e.contains("killed.honorific"), "{e}");
}

#[test]
fn a_later_layer_overrides_a_set_only_when_it_says_so() {
    use crate::glossary::Layer;
    let layer = |name: &str, text: &str| Layer {
        path: name.into(),
        text: text.to_string(),
    };
    let again = SET.replace("honorific: [شهداء", "martyrdom: [شهداء");
    let e = Glossary::layered(&[layer("a.yaml", SET), layer("b.yaml", &again)])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("framing id \"killed\" is also defined at a.yaml:2:"),
        "{e}"
    );
    let over = again.replace("    en: killed\n", "    en: killed\n    override: true\n");
    let g = Glossary::layered(&[layer("a.yaml", SET), layer("b.yaml", &over)]).unwrap();
    assert_eq!(g.framing.sets.len(), 1);
    assert_eq!(g.framing.sets[0].stances[1].name, "martyrdom");
}
