//! The same event in several articles: frames with the same event type, agent, target, place,
//! date, polarity and speaker are one event, reported by as many independent sources as their
//! articles' copy clusters. Frames that differ in any of these stay apart: merging «Azerbaijan
//! struck Ganja» with «Ganja was struck» would give one of them an agent it did not state.

use super::labels::Labels;
use super::sentence::{self, Sentence};
use crate::extract::{Frame, Polarity};
use crate::glossary::Glossary;
use crate::Analyzed;
use std::collections::BTreeMap;

pub struct EventGroup {
    /// (article, frame index), in input order.
    pub members: Vec<(usize, usize)>,
    /// Independent reports among the members' articles.
    pub reports: usize,
    /// The latest article date among the members.
    pub latest: Option<String>,
    /// The event's own date (full ISO dates only).
    pub date: Option<String>,
    pub polarity: Polarity,
    pub sentence: Sentence,
}

type Key = (
    usize,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<String>,
    u8,
    Option<usize>,
    Option<String>,
    Option<(usize, usize)>,
);

/// Two frames are one event when they agree on all of this. A frame that names no one, no
/// place and no date («a meeting») is its own event: two such are not known to be the same.
fn key(a: &Analyzed, f: &Frame, at: (usize, usize)) -> Key {
    let unknown = f.agent.is_none()
        && f.target.is_none()
        && f.place.is_none()
        && full_date(f.date.as_deref()).is_none();
    let surface = |s: Option<(usize, usize)>| {
        s.map(|(x, y)| {
            crate::normalize::Normalized::new(&a.article.text[x..y])
                .key()
                .to_string()
        })
    };
    (
        f.event,
        f.agent,
        f.target,
        f.place,
        full_date(f.date.as_deref()),
        f.polarity as u8,
        f.said_by,
        surface(f.said_by_surface.or(f.agent_surface)),
        unknown.then_some(at),
    )
}

/// A date with year, month and day, else nothing.
pub fn full_date(d: Option<&str>) -> Option<String> {
    d.filter(|d| super::labels::human_date(d).is_some())
        .map(str::to_string)
}

/// Who denies the frames a denial governs: the agent of the sentence's denial frame, or its
/// speaker.
fn denier(g: &Glossary, a: &Analyzed, f: &Frame) -> Option<String> {
    let lo = a.facts.events.partition_point(|x| x.sentence < f.sentence);
    a.facts.events[lo..]
        .iter()
        .take_while(|x| x.sentence == f.sentence)
        .filter(|x| g.events[x.event].denial)
        .find_map(|x| x.agent.or(x.said_by))
        .map(|e| super::entity_label(g, e))
}

/// Every frame of the content sentences, grouped; most reported first, then newest.
pub fn groups(g: &Glossary, arts: &[Analyzed], labels: &Labels) -> Vec<EventGroup> {
    let mut by_key: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
    for (ai, a) in arts.iter().enumerate() {
        for (fi, f) in a.facts.events.iter().enumerate() {
            // a denial is told through the frames it governs
            if g.events[f.event].denial || !a.article.sentences[f.sentence].kind.is_content() {
                continue;
            }
            by_key
                .entry(key(a, f, (ai, fi)))
                .or_default()
                .push((ai, fi));
        }
    }
    let mut out: Vec<EventGroup> = by_key
        .into_values()
        .filter_map(|members| {
            let (ai, fi) = members[0];
            let a = &arts[ai];
            let f = &a.facts.events[fi];
            let denier = (f.polarity == Polarity::Denied)
                .then(|| denier(g, a, f))
                .flatten();
            let mut sentence = sentence::of_frame(g, a, f, denier, labels.name(ai))?;
            sentence.date = full_date(f.date.as_deref())
                .and_then(|d| super::labels::human_date(&d))
                .unwrap_or_default();
            Some(EventGroup {
                reports: labels.independent(members.iter().map(|m| m.0)),
                latest: members
                    .iter()
                    .filter_map(|m| arts[m.0].article.date.clone())
                    .max(),
                date: full_date(f.date.as_deref()),
                polarity: f.polarity,
                sentence,
                members,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.reports
            .cmp(&x.reports)
            .then(y.latest.cmp(&x.latest))
            .then(x.members.cmp(&y.members))
    });
    out
}
