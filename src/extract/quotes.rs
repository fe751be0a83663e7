//! Quoted passages and who said them.
//!
//! “…”, «…» and "…" are paired within a paragraph (a paragraph with an odd number of straight
//! quotes pairs none of them, so one stray mark cannot shift every later pair). A name, an
//! outlet or a party in quotation marks («"مجموعة مينسك"») is not speech: a passage of two words
//! with no figure, of up to four words all with the article, or one that is a glossary name, is
//! left out. The speaker is the speaker of the
//! clause the quotation opens in.

use super::clauses::Clauses;
use super::speakers::Speakers;
use super::{Ctx, Quote};
use crate::glossary::Glossary;
use crate::lexicon;

/// Spans of quoted text (without the marks), speech or not, in text order.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut base = 0;
    for para in text.split_inclusive('\n') {
        let straight_ok = para.matches('"').count() % 2 == 0 && !inverted(para);
        let mut open: Option<(usize, char)> = None;
        for (i, ch) in para.char_indices() {
            let i = base + i;
            match (open, ch) {
                (None, '“' | '«') => open = Some((i + ch.len_utf8(), ch)),
                (None, '"') if straight_ok => open = Some((i + 1, ch)),
                (Some((s, o)), c2)
                    if (o == '“' && c2 == '”')
                        || (o == '«' && c2 == '»')
                        || (o == '"' && c2 == '"') =>
                {
                    out.push((s, i));
                    open = None;
                }
                _ => {}
            }
        }
        base += para.len();
    }
    out
}

/// Straight quotes paired the wrong way round: a pair whose inside starts and ends with a
/// space, or starts with a comma, is the gap between a closing and an opening mark (nested
/// quotes such as «قالت المصادر " ان "سعد" توفي»). Then no straight pair of the paragraph is
/// trusted.
fn inverted(para: &str) -> bool {
    para.split('"').skip(1).step_by(2).any(|inner| {
        let first = inner.chars().next();
        let last = inner.chars().next_back();
        (first.is_some_and(char::is_whitespace) && last.is_some_and(char::is_whitespace))
            || matches!(first, Some('،' | ',' | '.' | ':' | '؛'))
    })
}

/// Quoted passages that can be speech: two words or more (see [`spans`]).
pub fn quotes(text: &str) -> Vec<(usize, usize)> {
    spans(text)
        .into_iter()
        .filter(|&(s, e)| text[s..e].split_whitespace().count() >= 2)
        .collect()
}

/// Is the quoted passage a name rather than speech? Short passages that name a person
/// («"علي دوابشة - عام ونصف"») are labels, not what someone said.
fn is_name(g: &Glossary, c: &Ctx, s: usize, e: usize) -> bool {
    let inner = &c.text[s..e];
    let words = inner.split_whitespace().count();
    if words < 2 {
        return true;
    }
    let has_figure = inner.chars().any(|ch| ch.is_numeric());
    if words == 2 && !has_figure {
        return true;
    }
    // the whole passage is one glossary name
    let (a, b) = (c.word_at_offset(s), c.word_at_offset(e));
    // «قناة "العربية"»، «صحيفة "صباح"»، «حزب "الحركة القومية"»: a name after the noun that
    // introduces it, when short
    let introduced = a > 0
        && words <= 4
        && !has_figure
        && lexicon::any_form(c.w[a - 1], |w| {
            let w = w.strip_prefix("ال").unwrap_or(w);
            matches!(
                w,
                "قناه"
                    | "صحيفه"
                    | "وكاله"
                    | "موقع"
                    | "حزب"
                    | "حركه"
                    | "جماعه"
                    | "تنظيم"
                    | "مجموعه"
                    | "شبكه"
                    | "مجله"
                    | "برنامج"
                    | "عمليه"
                    | "مبادره"
                    | "منظمه"
                    | "جبهه"
                    | "تحالف"
                    | "اذاعه"
                    | "تلفزيون"
                    | "مركز"
                    | "كتاب"
                    | "فيلم"
            )
        });
    if introduced {
        return true;
    }
    // «"الجيش السوري الحر"»، «"الحرية والعدالة"»: a short definite noun phrase, every word with
    // the article, names something; speech has a verb or a word without it
    let definite = b > a
        && b - a <= 4
        && !has_figure
        && (a..b).all(|k| c.w[k].starts_with("ال") || c.w[k].starts_with("وال"));
    if definite {
        return true;
    }
    let names_person = (a..b).any(|k| {
        c.mention(k).is_some_and(|(ent, adj)| {
            !adj && g.entities[ent].kind == crate::glossary::EntityKind::Person
        })
    });
    // «"سعد محمد دوابشة -38 عاما"»: a name with an age
    let age = inner.contains(|ch: char| ch.is_numeric())
        && inner.split_whitespace().any(|w| {
            let w = w.trim_start_matches(|ch: char| ch.is_numeric() || ch == '-');
            matches!(
                w,
                "عاما" | "عامًا" | "عام" | "سنة" | "سنوات" | "أعوام" | "اعوام"
            )
        });
    if words <= 5 && (names_person || age) {
        return true;
    }
    b > a && (a..b).all(|k| c.mention_first.get(k).copied().flatten() == Some(a))
}

/// The speech passages of the article, each with the speaker of the clause it opens in.
pub fn with_speakers(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    speakers: &Speakers,
    spans: &[(usize, usize)],
) -> Vec<Quote> {
    let mut out = Vec::new();
    for &(s, e) in spans {
        if is_name(g, c, s, e) {
            continue;
        }
        let wi = c.word_at_offset(s);
        let sentence = crate::link::sentence_at(&c.article.sentences, s);
        // the clause the quotation opens in: the word before the mark, in the same sentence
        let before = wi
            .checked_sub(1)
            .filter(|&b| sentence.is_some() && c.sent_of_word[b] == sentence);
        let sp = before
            .or((wi < c.len()).then_some(wi))
            .map(|k| speakers.of_clause(clauses.of(k)))
            .unwrap_or_default();
        out.push(Quote {
            sentence,
            start: s,
            end: e,
            speaker: sp.entity,
            speaker_surface: sp.surface,
        });
    }
    out
}
