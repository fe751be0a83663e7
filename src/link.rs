//! Articles + compiled glossary → mentions: every place a glossary spelling occurs, whatever
//! clitics stand before it, on word boundaries, longest match first.
//!
//! In: an article's text, its [`Normalized`] key and the [`Glossary`]. Out: [`Mention`]s with
//! byte spans into the original text that exclude the clitics.

use crate::corpus::Sentence;
use crate::glossary::{EntityKind, FormKind, Glossary};
use crate::lexicon;
use crate::normalize::{is_word_char, Normalized};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the sentence holding the mention (into `Article::sentences`).
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    /// Key-space span, for later stages that work on the key.
    pub kstart: usize,
    pub kend: usize,
    pub entity: usize,
    pub spelling: usize,
    pub adjective: bool,
}

/// The index of the sentence containing byte `pos`.
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= pos);
    (i > 0 && pos < sentences[i - 1].end).then(|| i - 1)
}

fn prev_char(key: &str, at: usize) -> Option<char> {
    key[..at].chars().next_back()
}

/// Words before a place name (in matching form: ة → ه, no hamza), in their construct form
/// (مدينة حلب): after one, a name that is also an organisation's is the place (بلدة الجزيرة).
pub const PLACE_WORDS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "منطقه",
    "اقليم",
    "محافظه",
    "ممر",
    "حي",
    "مخيم",
    "ولايه",
    "ناحيه",
    "قضاء",
    "جزيره",
    "ميناء",
    "مطار",
];

/// Is the word before key offset `ws` (a word start) a place word?
fn place_word_before(key: &str, ws: usize) -> Option<usize> {
    let before = key[..ws].trim_end_matches(' ');
    if before.len() + 1 != ws {
        return None;
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map(|(i, _)| i)?;
    let w = &before[start..];
    lexicon::any_form(w, |f| PLACE_WORDS.contains(&f)).then_some(start)
}

/// Organisations and outlets whose name follows a place word, as (key start of the place word,
/// key end of the name, entity): [`link`] leaves these out.
pub fn after_place_word(g: &Glossary, norm: &Normalized) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    link_inner(g, norm, &[], Some(&mut out));
    out
}

/// Find every mention in one article.
pub fn link(g: &Glossary, norm: &Normalized, sentences: &[Sentence]) -> Vec<Mention> {
    link_inner(g, norm, sentences, None)
}

fn link_inner(
    g: &Glossary,
    norm: &Normalized,
    sentences: &[Sentence],
    mut skipped: Option<&mut Vec<(usize, usize, usize)>>,
) -> Vec<Mention> {
    let key = norm.key();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (kstart, kend, pattern)
    for m in g.matcher.find_overlapping_iter(key) {
        let p = g.patterns[m.pattern().as_usize()];
        let spelling = &g.entities[p.entity].spellings[p.spelling];
        let (ks, mut ke) = (m.start(), m.end());
        // start: word start + clitics only
        let mut ws = ks;
        while let Some(c) = prev_char(key, ws) {
            if !is_word_char(c) {
                break;
            }
            ws -= c.len_utf8();
        }
        let prefix = &key[ws..ks];
        let ok_start = if p.lam_elided {
            matches!(prefix, "ل" | "ول" | "فل")
        } else {
            lexicon::is_clitic_prefix(prefix)
                && !(spelling.key.as_str().starts_with("ال") && prefix.ends_with("ال"))
        };
        if !ok_start {
            continue;
        }
        // end: word end, or an adjective suffix
        let mut we = ke;
        for c in key[ke..].chars() {
            if !is_word_char(c) {
                break;
            }
            we += c.len_utf8();
        }
        if we != ke {
            if spelling.kind == FormKind::Adjective
                && lexicon::ADJECTIVE_SUFFIXES.contains(&&key[ke..we])
            {
                ke = we;
            } else {
                continue;
            }
        }
        // a place word before an organisation's name makes it a place of the same name
        if matches!(
            g.entities[p.entity].kind,
            EntityKind::Organisation | EntityKind::Outlet
        ) {
            if let Some(pw) = place_word_before(key, ws) {
                if let Some(v) = skipped.as_deref_mut() {
                    v.push((pw, ke, p.entity));
                }
                continue;
            }
        }
        cands.push((ks, ke, m.pattern().as_usize()));
    }
    // longest first; ties: earlier first, then preferred spellings (lower pattern index)
    cands.sort_by_key(|&(s, e, p)| (std::cmp::Reverse(e - s), s, p));
    // the spans taken so far never overlap: the one starting last before `ke` is the only one
    // that can overlap [ks, ke)
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut out = Vec::new();
    let has_sentences = !sentences.is_empty();
    for (ks, ke, pi) in cands {
        if taken.range(..ke).next_back().is_some_and(|(_, &e)| ks < e) {
            continue;
        }
        taken.insert(ks, ke);
        let p = g.patterns[pi];
        let (start, end) = norm.orig_span(ks, ke);
        let sentence = sentence_at(sentences, start);
        // text outside every sentence (front matter) is not the article's
        if has_sentences && sentence.is_none() {
            continue;
        }
        out.push(Mention {
            sentence,
            start,
            end,
            kstart: ks,
            kend: ke,
            entity: p.entity,
            spelling: p.spelling,
            adjective: {
                let sp = &g.entities[p.entity].spellings[p.spelling];
                sp.kind == FormKind::Adjective || (sp.adjective_form && key[..ks].ends_with("ال"))
            },
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const G: &str = "entities:
  - id: nagorno_karabakh
    kind: place
    en: Nagorno-Karabakh
    ar: ناغورني قره باغ
    variants: [ناغورنو كاراباخ, قره باغ, كاراباخ]
  - id: ankara
    kind: place
    en: Ankara
    ar: أنقرة
  - id: putin
    kind: person
    en: Vladimir Putin
    ar: فلاديمير بوتين
    short: [بوتين]
  - id: eu
    kind: organisation
    en: European Union
    ar: الاتحاد الأوروبي
  - id: azerbaijan
    kind: country
    en: Azerbaijan
    ar: أذربيجان
    adjectives: [أذربيجاني]
";

    fn found(text: &str) -> Vec<(String, String)> {
        let g = Glossary::parse(Path::new("g.yaml"), G).unwrap();
        let n = Normalized::new(text);
        link(&g, &n, &[])
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    g.entities[m.entity].id.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn clitics_are_stripped_from_the_surface() {
        assert_eq!(found("وبوتين"), vec![("بوتين".into(), "putin".into())]);
        assert_eq!(
            found("بقره باغ"),
            vec![("قره باغ".into(), "nagorno_karabakh".into())]
        );
        assert_eq!(found("لأنقرة"), vec![("أنقرة".into(), "ankara".into())]);
        assert_eq!(
            found("وبالاتحاد الأوروبي"),
            vec![("الاتحاد الأوروبي".into(), "eu".into())]
        );
    }

    #[test]
    fn lam_with_elided_alef() {
        let f = found("للاتحاد الأوروبي");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "eu");
    }

    #[test]
    fn word_boundaries_are_respected() {
        // قرة must not match inside أنقرة; بوتين not inside a longer word
        assert_eq!(found("أنقرة باغ"), vec![("أنقرة".into(), "ankara".into())]);
        assert!(found("بوتينات").is_empty());
        assert!(found("مبوتين").is_empty());
    }

    #[test]
    fn longest_match_wins_and_spelling_variants_fold() {
        let f = found("في إقليم ناغورنيّ قرة باغ");
        assert_eq!(
            f,
            vec![("ناغورنيّ قرة باغ".into(), "nagorno_karabakh".into())]
        );
    }

    #[test]
    fn adjectives_take_suffixes() {
        let f = found("القوات الأذربيجانية والجنود الأذربيجانيين");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "أذربيجانية");
    }
}
