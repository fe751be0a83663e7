//! Analysis → the facts document (`facts.json`, schema `mizan.facts/2`, see
//! `../shared/docs/facts-schema.md`): plain serialisable structs with ids instead of indexes.
//!
//! In: [`Analysis`] and the glossary. Out: [`FactsDoc`]. Everything is sorted so the same input
//! gives the same bytes.

use crate::compare::{DiffKind, Status};
use crate::corpus::SentenceKind;
use crate::extract::{DateRole, Era, FigureStatus, NumberKind, Polarity, Qualifier};
use crate::glossary::{Bilingual, Glossary};
use crate::{Analysis, Analyzed};
use serde::Serialize;
use std::collections::BTreeMap;

mod view;

pub const SCHEMA: &str = "mizan.facts/2";

#[derive(Debug, Serialize)]
pub struct FactsDoc<'a> {
    pub schema: &'static str,
    pub articles: Section<'a, ArticleOut<'a>>,
    pub entities: Vec<EntityOut<'a>>,
    pub mentions: Section<'a, MentionOut<'a>>,
    pub numbers: Section<'a, NumberOut<'a>>,
    pub dates: Section<'a, DateOut<'a>>,
    pub quotes: Section<'a, QuoteOut<'a>>,
    pub events: Section<'a, EventOut<'a>>,
    /// Articles that reprint one agency story.
    pub copies: Vec<CopiesOut<'a>>,
    pub alignments: Section<'a, AlignmentOut<'a>>,
    pub disagreements: Section<'a, DisagreementOut<'a>>,
    pub names: Vec<NamesOut<'a>>,
    pub suggestions: Vec<SuggestionOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub sentences: Vec<SentenceOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SentenceOut<'a> {
    pub id: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
    /// The sentence's text, only for the sentences a `wording` disagreement refers to: listed
    /// once here, not in every disagreement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub id: &'a str,
    pub en: &'a str,
    pub ar: &'a str,
    pub kind: &'static str,
    pub role: Option<&'a Bilingual>,
}

#[derive(Debug, Serialize)]
pub struct MentionOut<'a> {
    pub article: &'a str,
    pub sentence: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
    pub entity: &'a str,
    /// The mention is a nationality adjective (الأذربيجانية → azerbaijan).
    pub adjective: bool,
}

#[derive(Debug, Serialize)]
pub struct NumberOut<'a> {
    pub article: &'a str,
    pub sentence: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
    pub kind: NumberKind,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub vague: Option<&'static str>,
    pub measure: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub side: Option<&'a str>,
    pub attributed_to: Option<&'a str>,
    pub date: Option<&'a str>,
    /// What a destroyed, sent or captured figure counts (English).
    pub item: Option<&'a str>,
    pub era: Option<Era>,
    pub status: Option<FigureStatus>,
    /// Who gives the figure: the speaker of its clause (null: the outlet's own narration).
    pub said_by: Option<&'a str>,
    /// The speaker as written when the glossary does not know them.
    pub said_by_surface: Option<&'a str>,
    /// The frame the figure belongs to.
    pub event: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CopiesOut<'a> {
    pub articles: Vec<&'a str>,
    pub wire: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct DateOut<'a> {
    pub article: &'a str,
    pub sentence: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
    pub date: &'a str,
    pub role: DateRole,
    pub event: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuoteOut<'a> {
    pub article: &'a str,
    pub sentence: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    /// The speaker as written when the glossary does not know them.
    pub speaker_surface: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EventOut<'a> {
    pub article: &'a str,
    pub sentence: &'a str,
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub surface: &'a str,
    pub event: &'a str,
    pub agent: Option<&'a str>,
    pub agent_surface: Option<&'a str>,
    pub target: Option<&'a str>,
    pub place: Option<&'a str>,
    pub date: Option<&'a str>,
    pub said_by: Option<&'a str>,
    pub said_by_surface: Option<&'a str>,
    pub polarity: Polarity,
    /// Indexes into `numbers`.
    pub figures: Vec<usize>,
    pub english: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AlignmentOut<'a> {
    pub id: String,
    pub sentences: Vec<&'a str>,
    pub score: f64,
    pub diff: DiffKind,
}

#[derive(Debug, Serialize)]
pub struct DisagreementOut<'a> {
    pub id: String,
    pub kind: &'static str,
    pub measure: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub side: Option<&'a str>,
    pub entity: Option<&'a str>,
    pub status: Status,
    pub claims: Vec<ClaimOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub article: &'a str,
    pub sentence: Option<&'a str>,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Option<Qualifier>,
    /// The figure as written (a sum of parts joined with " + "); absent in a `wording`
    /// claim, whose sentence's text is in `articles[].sentences[].text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surface: Option<std::borrow::Cow<'a, str>>,
    pub date: Option<&'a str>,
    pub attributed_to: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct NamesOut<'a> {
    pub entity: &'a str,
    pub forms: BTreeMap<&'a str, &'a [String]>,
    pub findings: Vec<FindingOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FindingOut<'a> {
    pub kind: &'static str,
    pub severity: &'static str,
    pub article: Option<&'a str>,
    pub sentence: Option<&'a str>,
    pub message: &'a str,
    pub forms: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct SuggestionOut<'a> {
    pub surface: &'a str,
    pub article: &'a str,
    pub articles: Vec<&'a str>,
    /// Every sentence it was seen in.
    pub sentences: Vec<&'a str>,
    pub near_entity: Option<&'a str>,
    pub reason: &'a str,
}

/// The document: every section serialised straight from the analysis (see [`view`]).
pub fn build<'a>(g: &'a Glossary, an: &'a Analysis) -> FactsDoc<'a> {
    let v = std::rc::Rc::new(view::View::new(g, an));
    let n = an.articles.len();
    let used = v.used_entities();
    let mut entities: Vec<EntityOut> = g
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| used[*i])
        .map(|(_, e)| EntityOut {
            id: e.id.as_str(),
            en: &e.en,
            ar: &e.ar,
            kind: e.kind.as_str(),
            role: e.role.as_ref(),
        })
        .collect();
    entities.sort_by(|a, b| a.id.cmp(b.id));
    let copies = an.copies.iter().map(|grp| CopiesOut {
        articles: grp
            .iter()
            .map(|&i| an.articles[i].article.id.as_str())
            .collect(),
        wire: None,
    });
    // per article, its items of one kind
    macro_rules! per_article {
        ($method:ident) => {{
            let v = v.clone();
            Section::new(move || {
                let v = v.clone();
                Box::new((0..n).flat_map(move |ai| v.$method(ai).collect::<Vec<_>>()))
            })
        }};
    }
    let (va, val, vd) = (v.clone(), v.clone(), v.clone());
    FactsDoc {
        schema: SCHEMA,
        articles: Section::new(move || {
            let v = va.clone();
            Box::new((0..n).map(move |ai| v.article(ai)))
        }),
        entities,
        mentions: per_article!(mentions),
        numbers: per_article!(numbers),
        dates: per_article!(dates),
        quotes: per_article!(quotes),
        events: per_article!(events),
        copies: copies.collect(),
        alignments: Section::new(move || {
            let v = val.clone();
            Box::new((0..an.alignments.len()).map(move |i| v.alignment(i)))
        }),
        // figures first (conflicts first), then wordings, then spellings
        disagreements: Section::new(move || {
            let v = vd.clone();
            let items = v.figure_disagreements().collect::<Vec<_>>();
            let spellings = v.spelling_disagreements().collect::<Vec<_>>();
            let labels = an.comparison.labels.iter().enumerate();
            let wordings = labels
                .filter(|(_, &k)| k == DiffKind::Content)
                .map(move |(i, _)| v.wording(i));
            Box::new(items.into_iter().chain(wordings).chain(spellings))
        }),
        names: v.names(),
        suggestions: v.suggestions(),
    }
}

/// A section of the document whose items are made as they are written, so the whole document
/// is never held in memory (each call of the closure makes them afresh).
pub struct Section<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Section<'a, T> {
    fn new(items: impl Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a) -> Section<'a, T> {
        Section(Box::new(items))
    }

    /// The items, made afresh.
    pub fn iter(&self) -> Box<dyn Iterator<Item = T> + 'a> {
        (self.0)()
    }
}

impl<T: Serialize> Serialize for Section<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<T> std::fmt::Debug for Section<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Section(made as written)")
    }
}
