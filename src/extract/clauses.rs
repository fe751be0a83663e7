//! Words → clauses. A sentence is cut before punctuation, before a word that opens a clause
//! («فيما»، «بينما»، «في حين»، «حيث»، «إذ»، «بعد أن»، «قبل أن»، «مما»), before a relative pronoun
//! («الذي»، «التي»، «الذين»), before the «إن/أن» that opens reported speech after a verb of
//! saying, and before «و/ف» + a verb the glossary or the lexicon knows («وأصيب»، «وقال»).
//!
//! In: the article's words. Out: [`Clauses`], the clause of every word. Only general Arabic.

use super::Ctx;
use crate::glossary::Glossary;
use crate::lexicon;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    Main,
    /// After «إن/أن» that follows a verb of saying: what someone said.
    Reported,
    /// After «الذي/التي/الذين»: a description of a noun, the narrator's background.
    Relative,
    /// After «فيما/بينما/في حين/حيث/إذ/بعد أن/قبل أن/مما».
    Circumstantial,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub sentence: Option<usize>,
    /// First and last word.
    pub first: usize,
    pub last: usize,
    pub kind: ClauseKind,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Clauses {
    of_word: Vec<u32>,
    pub list: Vec<Clause>,
}

impl Clauses {
    /// The clause of word `i`.
    pub fn of(&self, i: usize) -> usize {
        self.of_word[i] as usize
    }
    pub fn same(&self, a: usize, b: usize) -> bool {
        self.of_word.get(a).is_some() && self.of_word.get(a) == self.of_word.get(b)
    }
    pub fn get(&self, ci: usize) -> &Clause {
        &self.list[ci]
    }
    /// The clauses without the clause of each word, once the parts have read them: what is
    /// kept per article (`--explain` lists the clauses) must not grow with its every word.
    pub fn without_words(mut self) -> Clauses {
        self.of_word = Vec::new();
        self.list.shrink_to_fit();
        self
    }
}

/// Words that open a clause of their own, with what kind of clause they open.
fn opener(w: &str, next: Option<&str>) -> Option<ClauseKind> {
    let bare = w
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w);
    match bare {
        "فيما" | "بينما" | "حيث" | "اذ" | "مما" | "بعدما" | "قبلما" | "عندما" | "حين" => {
            Some(ClauseKind::Circumstantial)
        }
        "بعد" | "قبل" if next == Some("ان") => Some(ClauseKind::Circumstantial),
        "في" if next == Some("حين") => Some(ClauseKind::Circumstantial),
        "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان" | "اللواتي"
        | "اللاتي" => Some(ClauseKind::Relative),
        _ => None,
    }
}

/// «إن/أن» and their forms with a pronoun: what opens reported speech.
pub fn is_reported_opener(w: &str) -> bool {
    let bare = w.strip_prefix('و').unwrap_or(w);
    let bare = bare.strip_prefix('ب').unwrap_or(bare);
    matches!(
        bare,
        "ان" | "انه" | "انها" | "انهم" | "انهما" | "انني" | "اننا"
    )
}

/// «و/ف» + a verb: a new clause with its own verb.
fn joined_verb(g: &Glossary, c: &Ctx, i: usize) -> bool {
    let w = c.w[i];
    if !(w.starts_with('و') || w.starts_with('ف')) || w.chars().count() < 4 {
        return false;
    }
    let rest = &c.w[i..(i + 3).min(c.len())];
    (c.lexical[i] && lexicon::is_speech_word(w))
        || c.has_event[i]
        || (verb_like(&w[2..]) && g.measure_at(rest).is_some())
}

/// A word that looks like a verb in the past or present tense (not a noun with the article or a
/// plural ending): used only to tell «وأصيب» from «وجرحى».
fn verb_like(w: &str) -> bool {
    !w.starts_with("ال")
        && !w.ends_with("ات")
        && !w.ends_with("ي")
        && !w.ends_with("ه")
        && !w.ends_with("ين")
}

/// Cut the article's words into clauses.
pub fn segment(g: &Glossary, c: &Ctx) -> Clauses {
    let n = c.len();
    let mut out = Clauses {
        of_word: Vec::with_capacity(n),
        list: Vec::new(),
    };
    let mut speech_seen = false;
    for i in 0..n {
        let sent = c.sent_of_word[i];
        let new_sentence = i == 0 || c.sent_of_word[i - 1] != sent;
        if new_sentence {
            speech_seen = false;
        }
        let kind = if new_sentence {
            Some(ClauseKind::Main)
        } else if let Some(k) = opener(c.w[i], c.word(i + 1)) {
            Some(k)
        } else if speech_seen && is_reported_opener(c.w[i]) {
            Some(ClauseKind::Reported)
        } else if c.clause_break_before(i) || joined_verb(g, c, i) {
            Some(ClauseKind::Main)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.list.push(Clause {
                sentence: sent,
                first: i,
                last: i,
                kind,
                start: 0,
                end: 0,
            });
        }
        if c.lexical[i] && !c.quoted[i] && lexicon::is_speech_word(c.w[i]) {
            speech_seen = true;
        }
        let ci = out.list.len() - 1;
        out.list[ci].last = i;
        out.of_word.push(ci as u32);
    }
    for cl in &mut out.list {
        (cl.start, cl.end) = c.span(cl.first, cl.last);
    }
    out
}
