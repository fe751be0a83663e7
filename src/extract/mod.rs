//! Article + mentions → typed facts: numbers (with measure, subject, side, qualifier, item, era,
//! status and who says so), dates (with their role), quotes with their speakers, and clause
//! frames — who did what to whom, where, when, according to whom.
//!
//! In: the article, its [`Normalized`] key, its mentions and the glossary. Out: [`Facts`]. All
//! matching is on the key's words; every span is mapped back to the original bytes.
//!
//! The parts run in this order, each a file:
//! [`clauses`] (words → clauses) → [`speakers`] (who says what each clause says) →
//! [`numbers`] (figures and calendar dates, bound to their clause) → [`quotes`] →
//! [`frames`] (one frame per event trigger, with agent, target, place, date and figures).

mod clauses;
pub(crate) mod dates;
mod frames;
mod numbers;
mod quotes;
mod speakers;
#[cfg(test)]
mod tests;

pub use clauses::{ClauseKind, Clauses};
pub use dates::{civil_from_days, days_from_civil, fmt_days, parse_iso};
pub use frames::english;
pub use quotes::quotes;

use crate::corpus::Article;
use crate::glossary::Glossary;
use crate::lexicon;
use crate::link::Mention;
use crate::normalize::{Normalized, Word};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Quantity,
    Percent,
    Year,
    Date,
    Time,
    Age,
    Duration,
    Ordinal,
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    LessThan,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
    fn from_name(s: &str) -> Qualifier {
        match s {
            "more_than" => Qualifier::MoreThan,
            "less_than" => Qualifier::LessThan,
            "about" => Qualifier::About,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            _ => Qualifier::Exact,
        }
    }
}

/// Is a figure about the events of the day, an earlier time, or a plan?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    Current,
    Historical,
    Planned,
}

/// What kind of report a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureStatus {
    /// A count of losses as reported.
    Toll,
    /// A first count, marked as preliminary or superseded in the same text.
    Initial,
    /// What one witness says they saw: not a toll.
    Eyewitness,
    Other,
}

/// What a date is to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    Event,
    /// The date line at the top of the article: metadata, never an event.
    Dateline,
    /// «منذ …»: the start of a state.
    Since,
    /// «بحلول …», «في موعد أقصاه …».
    Deadline,
    /// A date in a clause about what is planned or expected.
    Future,
}

/// Is the frame's event said to have happened?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    /// Someone denies it (a denial frame governs it).
    Denied,
    /// Negated in the text (لم، لن، ليس، لا).
    Negated,
    Future,
}

/// Who says so: a glossary entity, or the words the text uses when the glossary does not know
/// the speaker («متطوع أرمني»), as a span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Speaker {
    pub entity: Option<usize>,
    pub surface: Option<(usize, usize)>,
    /// One of a group («أحد السكان»), or a witness: what they report is not a toll.
    pub witness: bool,
}

impl Speaker {
    pub fn is_known(&self) -> bool {
        self.entity.is_some() || self.surface.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct Number {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub kind: NumberKind,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// "tens", "hundreds", "thousands", "half"… for vague amounts.
    pub vague: Option<&'static str>,
    pub measure: Option<usize>,
    pub subject: Option<usize>,
    /// The country (entity) the counted people belong to, from a nationality adjective.
    pub side: Option<usize>,
    /// Who says so (the speaker of the figure's clause).
    pub attributed_to: Option<usize>,
    /// The speaker as written, when the glossary does not know them.
    pub said_by_surface: Option<(usize, usize)>,
    /// "among them": the index (in this article's numbers) of the total this is a part of.
    pub part_of: Option<usize>,
    /// For kind `date`: the resolved date.
    pub date: Option<String>,
    /// The earlier year a figure is about (a past war, an earlier clash), when its clause names one.
    pub era: Option<i64>,
    /// Current, historical (an earlier year or decade in its clause) or planned.
    pub era_kind: Era,
    pub status: FigureStatus,
    /// What is counted (an item of the glossary: tanks, homes).
    pub item: Option<usize>,
    /// The frame (index into `Facts::events`) the figure belongs to.
    pub event: Option<usize>,
    /// The clause the figure is in.
    pub clause: Option<usize>,
    /// Its clause names several events («في الهجومين»، «في غارات»): a total over them, never
    /// the same figure as one incident's.
    pub several: bool,
    /// The date of the incident it counts: its frame's, or an event date in its own clause.
    pub event_date: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DateRef {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub date: String,
    pub role: DateRole,
    pub event: Option<usize>,
    pub clause: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Quote {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
    /// The speaker as written, when the glossary does not know them.
    pub speaker_surface: Option<(usize, usize)>,
}

/// One clause that reports an event: who did what to whom, where, when, according to whom.
#[derive(Debug, Clone)]
pub struct Frame {
    pub sentence: usize,
    pub clause: usize,
    /// The event type (index into the glossary's events).
    pub event: usize,
    /// The trigger's span.
    pub start: usize,
    pub end: usize,
    pub agent: Option<usize>,
    pub agent_surface: Option<(usize, usize)>,
    pub target: Option<usize>,
    pub place: Option<usize>,
    pub date: Option<String>,
    pub said_by: Option<usize>,
    pub said_by_surface: Option<(usize, usize)>,
    pub polarity: Polarity,
    /// Indexes into `Facts::numbers`.
    pub figures: Vec<usize>,
    /// The trigger names several events: a dual or a sound feminine plural of the event's noun.
    pub several: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub numbers: Vec<Number>,
    pub dates: Vec<DateRef>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Frame>,
    /// Per sentence: the first known speaker of its clauses.
    pub attribution: Vec<Option<usize>>,
    pub clauses: Clauses,
    /// The speaker of each clause.
    pub clause_speakers: Vec<Speaker>,
}

/// The words of the key with what the parts need to look around them.
pub(crate) struct Ctx<'a> {
    pub key: &'a str,
    pub ws: &'a [Word],
    pub w: Vec<&'a str>,
    pub norm: &'a Normalized,
    pub text: &'a str,
    /// The sentence of each word (None: outside every sentence, such as front matter).
    pub sent_of_word: Vec<Option<usize>>,
    /// The first word of each sentence (n when it has none).
    pub first_word: Vec<usize>,
    /// The mention that starts at each word.
    pub mention_at: Vec<Option<usize>>,
    /// The first word of the mention that covers each word.
    pub mention_first: Vec<Option<usize>>,
    pub mentions: &'a [Mention],
    /// Could the word mean something to the lexicon (one hash probe per word)?
    pub lexical: Vec<bool>,
    /// Is the word inside quotation marks?
    pub quoted: Vec<bool>,
    /// The event triggers of the glossary that start at each word: (word, event, words covered).
    pub event_hits: Vec<(usize, usize, usize)>,
    /// Does an event trigger start at the word?
    pub has_event: Vec<bool>,
    /// The article's date.
    pub adate: Option<(i64, u32, u32)>,
    pub article: &'a Article,
}

impl<'a> Ctx<'a> {
    fn new(
        g: &Glossary,
        article: &'a Article,
        norm: &'a Normalized,
        ws: &'a [Word],
        mentions: &'a [Mention],
        quote_spans: &[(usize, usize)],
    ) -> Ctx<'a> {
        let key = norm.key();
        let w: Vec<&str> = ws.iter().map(|x| &key[x.start..x.end]).collect();
        let n = w.len();
        let starts: Vec<usize> = ws.iter().map(|x| norm.orig_start(x.start)).collect();
        // sentences and quotes are sorted: walk them beside the words, once
        let mut sent_of_word = Vec::with_capacity(n);
        let mut first_word = vec![n; article.sentences.len()];
        let mut quoted = Vec::with_capacity(n);
        let (mut q, mut s) = (0, 0);
        for (i, &st) in starts.iter().enumerate() {
            let sent = sentence_at_from(&article.sentences, st, &mut s);
            if let Some(si) = sent {
                first_word[si] = first_word[si].min(i);
            }
            sent_of_word.push(sent);
            while q < quote_spans.len() && quote_spans[q].1 <= st {
                q += 1;
            }
            quoted.push(q < quote_spans.len() && quote_spans[q].0 <= st);
        }
        let mut mention_at: Vec<Option<usize>> = vec![None; n];
        let mut wi = 0;
        for (mi, m) in mentions.iter().enumerate() {
            while wi < n && ws[wi].end <= m.kstart {
                wi += 1;
            }
            if wi < n && mention_at[wi].is_none() {
                mention_at[wi] = Some(mi);
            }
        }
        let mut mention_first: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            if let Some(mi) = mention_at[i] {
                let kend = mentions[mi].kend;
                let mut j = i;
                while j < n && ws[j].start < kend && (j == i || mention_at[j].is_none()) {
                    mention_first[j] = Some(i);
                    j += 1;
                }
            }
        }
        let lexical = w.iter().map(|x| lexicon::is_lexical(x)).collect();
        let mut event_hits = Vec::new();
        let mut has_event = vec![false; n];
        for i in 0..n {
            let hits = g.events_at(&w[i..(i + 4).min(n)]);
            // «فجر أمس»: a time of day before a day word is no trigger (فجّر "blew up")
            if hits.is_empty() || lexicon::is_time_phrase(w[i], w.get(i + 1).copied()) {
                continue;
            }
            for (ei, k) in hits {
                event_hits.push((i, ei, k));
                has_event[i] = true;
            }
        }
        Ctx {
            key,
            ws,
            w,
            norm,
            text: &article.text,
            sent_of_word,
            first_word,
            mention_at,
            mention_first,
            mentions,
            lexical,
            quoted,
            event_hits,
            has_event,
            adate: article.date.as_deref().and_then(parse_iso),
            article,
        }
    }

    pub fn len(&self) -> usize {
        self.w.len()
    }
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.w.get(i).copied()
    }
    /// Text between word i-1 and word i.
    pub fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.ws.len() {
            return "";
        }
        &self.key[self.ws[i - 1].end..self.ws[i].start]
    }
    /// A clause boundary (punctuation other than '/' and '-') between word i-1 and word i.
    pub fn clause_break_before(&self, i: usize) -> bool {
        self.gap_before(i).chars().any(|c| {
            matches!(
                c,
                '،' | ','
                    | '.'
                    | '؛'
                    | ';'
                    | ':'
                    | '؟'
                    | '?'
                    | '!'
                    | '('
                    | ')'
                    | '"'
                    | '«'
                    | '»'
                    | '“'
                    | '”'
                    | '\n'
            )
        })
    }
    /// Only a comma between word i-1 and word i (an apposition may continue across it).
    pub fn comma_before(&self, i: usize) -> bool {
        let g = self.gap_before(i).trim();
        g == "،" || g == ","
    }
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        self.norm.orig_span(self.ws[a].start, self.ws[b].end)
    }
    pub fn is_digits(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    }
    /// The mention starting at word i, as (entity, is a nationality adjective).
    pub fn mention(&self, i: usize) -> Option<(usize, bool)> {
        let mi = self.mention_at.get(i).copied().flatten()?;
        Some((self.mentions[mi].entity, self.mentions[mi].adjective))
    }
    /// The word index of the original byte offset `at` (the first word starting at or after it).
    pub fn word_at_offset(&self, at: usize) -> usize {
        self.ws
            .partition_point(|w| self.norm.orig_start(w.start) < at)
    }
}

/// [`sentence_at`] for offsets that only grow: `cursor` remembers where the last one was.
fn sentence_at_from(
    sentences: &[crate::corpus::Sentence],
    at: usize,
    cursor: &mut usize,
) -> Option<usize> {
    while *cursor < sentences.len() && sentences[*cursor].end <= at {
        *cursor += 1;
    }
    let s = sentences.get(*cursor)?;
    (s.start <= at && at < s.end).then_some(*cursor)
}

/// Extract everything from one article.
pub fn extract(
    g: &Glossary,
    article: &Article,
    norm: &Normalized,
    ws: &[Word],
    mentions: &[Mention],
) -> Facts {
    let quote_spans = quotes::spans(&article.text);
    let c = Ctx::new(g, article, norm, ws, mentions, &quote_spans);
    let clauses = clauses::segment(g, &c);
    let speakers = speakers::attribute(g, &c, &clauses);
    let mut facts = Facts {
        attribution: speakers.per_sentence(article.sentences.len(), &clauses),
        ..Facts::default()
    };
    numbers::scan(g, &c, &clauses, &speakers, &mut facts);
    facts.quotes = quotes::with_speakers(g, &c, &clauses, &speakers, &quote_spans);
    frames::build(g, &c, &clauses, &speakers, &mut facts);
    facts.clauses = clauses.without_words();
    facts.clause_speakers = speakers.by_clause;
    facts
}

fn blank_number(
    sentence: Option<usize>,
    start: usize,
    end: usize,
    kind: NumberKind,
    value: Option<f64>,
) -> Number {
    Number {
        sentence,
        start,
        end,
        kind,
        value,
        high: None,
        qualifier: Qualifier::Exact,
        vague: None,
        measure: None,
        subject: None,
        side: None,
        attributed_to: None,
        said_by_surface: None,
        part_of: None,
        date: None,
        era: None,
        era_kind: Era::Current,
        status: FigureStatus::Other,
        item: None,
        event: None,
        clause: None,
        several: false,
        event_date: None,
    }
}
