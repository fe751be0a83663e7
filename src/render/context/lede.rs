//! The lede (what happened, the best current figures, the main dispute) and the contested
//! section (denials beside the claims they deny, conflicting figures, one-sided sourcing).
//! Every line is built from event groups and figure rows, never from free text.

use super::events::EventGroup;
use super::labels::Labels;
use super::sentence::Sentence;
use super::FigureRow;
use crate::extract::Polarity;
use serde::Serialize;

/// One line of the lede or of the contested section: an event sentence (rendered by the
/// `sentence` partial) or a figure sentence, with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// `event`, `figure`, `conflict`, `denial` or `one_sided`.
    pub kind: &'static str,
    /// For `event` and `denial`: the sentence.
    pub sentence: Option<Sentence>,
    /// For `figure`, `conflict` and `one_sided`: the figure row.
    pub figure: Option<FigureRow>,
    /// Source labels (the first few) and how many independent reports.
    pub sources: Vec<String>,
    pub more_sources: usize,
    pub reports: usize,
    /// The Arabic sentences the line is built from (one per source shown).
    pub ar: Vec<String>,
}

const SOURCES_SHOWN: usize = 4;
/// The lede has at most this many lines.
pub const LEDE_MAX: usize = 5;

fn sources_of(labels: &Labels, articles: impl IntoIterator<Item = usize>) -> (Vec<String>, usize) {
    let mut a: Vec<usize> = articles.into_iter().collect();
    a.sort_unstable();
    a.dedup();
    let more = a.len().saturating_sub(SOURCES_SHOWN);
    (
        a.iter()
            .take(SOURCES_SHOWN)
            .map(|&i| labels.of(i))
            .collect(),
        more,
    )
}

pub fn event_line(
    kind: &'static str,
    e: &EventGroup,
    labels: &Labels,
    ar: impl Fn(usize, usize) -> String,
) -> Line {
    let (sources, more_sources) = sources_of(labels, e.members.iter().map(|m| m.0));
    Line {
        kind,
        sentence: Some(e.sentence.clone()),
        figure: None,
        sources,
        more_sources,
        reports: e.reports,
        ar: e
            .members
            .iter()
            .take(1)
            .map(|&(ai, fi)| ar(ai, fi))
            .collect(),
    }
}

fn figure_line(kind: &'static str, r: &FigureRow, labels: &Labels) -> Line {
    let (sources, more_sources) = sources_of(labels, r.claims.iter().map(|c| c.article));
    Line {
        kind,
        sentence: None,
        figure: Some(r.clone()),
        sources,
        more_sources,
        reports: r.reports,
        ar: Vec::new(),
    }
}

/// The lede: the events most independent sources report (newest first), the best current
/// figures, and the main dispute.
pub fn lede(
    events: &[EventGroup],
    figures: &[FigureRow],
    contested: &[Line],
    labels: &Labels,
    ar: impl Fn(usize, usize) -> String + Copy,
) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut top: Vec<&EventGroup> = Vec::new();
    for e in events
        .iter()
        .filter(|e| e.polarity == Polarity::Affirmed && (e.reports > 1 || says_who_or_where(e)))
    {
        // the same event told again by another speaker (a headline and its body) is one line
        let told = |t: &&EventGroup| {
            let (a, b) = (&t.sentence, &e.sentence);
            (&a.noun_a, &a.target, &a.place, &a.date) == (&b.noun_a, &b.target, &b.place, &b.date)
        };
        if top.len() < 2 && !top.iter().any(told) {
            top.push(e);
        }
    }
    top.sort_by(|a, b| b.latest.cmp(&a.latest));
    out.extend(top.into_iter().map(|e| event_line("event", e, labels, ar)));
    // «the latest figure is …» only where the reports do not conflict: figures that conflict
    // may count different incidents, and the dispute line says they differ
    // of rows that count the same thing (incidents told apart), only the most reported one
    let mut seen: Vec<String> = Vec::new();
    let mut first_of_kind = |r: &&FigureRow| {
        let first = !seen.contains(&r.base_en);
        seen.push(r.base_en.clone());
        first
    };
    out.extend(
        figures
            .iter()
            .filter(|r| first_of_kind(r))
            .filter(|r| r.status != "conflict")
            .take(2)
            .map(|r| figure_line("figure", r, labels)),
    );
    // the main dispute: a denial, else a figure line not told above
    let told: Vec<&str> = out
        .iter()
        .filter_map(|l| l.figure.as_ref().map(|f| f.id.as_str()))
        .collect();
    let new = |l: &&Line| {
        l.figure
            .as_ref()
            .is_none_or(|f| !told.contains(&f.id.as_str()))
    };
    if let Some(d) = contested
        .iter()
        .find(|l| l.kind == "denial")
        .or_else(|| contested.iter().find(new))
    {
        out.push(d.clone());
    }
    out.truncate(LEDE_MAX);
    out
}

/// Denials beside what they deny, conflicting figures, and figures from one side only.
pub fn contested(
    events: &[EventGroup],
    figures: &[FigureRow],
    labels: &Labels,
    ar: impl Fn(usize, usize) -> String + Copy,
) -> Vec<Line> {
    let mut out = Vec::new();
    for d in events.iter().filter(|e| e.polarity == Polarity::Denied) {
        out.push(event_line("denial", d, labels, ar));
    }
    for r in figures.iter().filter(|r| r.status == "conflict") {
        out.push(figure_line("conflict", r, labels));
    }
    for r in figures.iter().filter(|r| !r.one_sided_en.is_empty()) {
        out.push(figure_line("one_sided", r, labels));
    }
    out
}

/// An event line that names who, whom or where: «there was a meeting» alone tells nothing.
fn says_who_or_where(e: &EventGroup) -> bool {
    let s = &e.sentence;
    !(s.agent.is_empty() && s.target.is_empty() && s.place.is_empty())
}
