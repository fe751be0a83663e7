//! Articles + compiled glossary → mentions: every place a glossary spelling occurs, whatever
//! clitics stand before it, on word boundaries, longest match first.
//!
//! In: an article's text, its [`Normalized`] key and the [`Glossary`]. Out: [`Mention`]s with
//! byte spans into the original text that exclude the clitics.

use crate::corpus::Sentence;
use crate::glossary::{FormKind, Glossary};
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

/// Find every mention in one article.
pub fn link(g: &Glossary, norm: &Normalized, sentences: &[Sentence]) -> Vec<Mention> {
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
        cands.push((ks, ke, m.pattern().as_usize()));
    }
    // longest first; ties: earlier first, then preferred spellings (lower pattern index)
    cands.sort_by_key(|&(s, e, p)| (std::cmp::Reverse(e - s), s, p));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    let has_sentences = !sentences.is_empty();
    for (ks, ke, pi) in cands {
        if taken.iter().any(|&(s, e)| ks < e && s < ke) {
            continue;
        }
        taken.push((ks, ke));
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
            adjective: g.entities[p.entity].spellings[p.spelling].kind == FormKind::Adjective,
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
