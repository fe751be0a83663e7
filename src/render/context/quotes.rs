//! Quotes: the most prominent speakers first, spread across articles, identical quotes merged,
//! each with its speaker's English name and role, its date, and the event its sentence reports.

use super::entity_label;
use super::labels::Labels;
use super::sentence::{self, Sentence};
use crate::glossary::Glossary;
use crate::normalize::Normalized;
use crate::Analyzed;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The briefing shows at most this many quotes, and at most this many of one speaker or of
/// one article before every other has had its turn.
const QUOTES_MAX: usize = 12;
const PER_SPEAKER: usize = 2;
const PER_ARTICLE: usize = 3;
/// Quotes with no speaker are shown last, and this many at most.
const UNATTRIBUTED_MAX: usize = 2;

#[derive(Debug, Serialize)]
pub struct QuoteItem {
    /// The quotation as written.
    pub ar: String,
    /// «Ilham Aliyev (President of Azerbaijan)», the speaker as written (unverified) when the
    /// glossary does not know them, or «speaker not identified».
    pub speaker_en: String,
    pub speaker_ar: String,
    /// The first source that prints it, and every source that does.
    pub source: String,
    pub sources: Vec<String>,
    pub date: Option<String>,
    /// The event the quote's sentence reports, when it says who did what to whom.
    pub frame: Option<Sentence>,
}

struct Found {
    key: String,
    speaker: Option<usize>,
    prominence: usize,
    members: Vec<(usize, usize)>,
}

pub fn quotes(g: &Glossary, arts: &[Analyzed], labels: &Labels) -> Vec<QuoteItem> {
    // how often each entity is named: the prominent speakers first
    let mut mentions: HashMap<usize, usize> = HashMap::new();
    for a in arts {
        for m in &a.mentions {
            *mentions.entry(m.entity).or_default() += 1;
        }
    }
    let mut by_text: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: Vec<Found> = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        for (qi, q) in a.facts.quotes.iter().enumerate() {
            let key = Normalized::new(a.article.text[q.start..q.end].trim())
                .key()
                .to_string();
            match by_text.get(&key) {
                Some(&i) if found[i].speaker == q.speaker => found[i].members.push((ai, qi)),
                _ => {
                    by_text.insert(key.clone(), found.len());
                    found.push(Found {
                        key,
                        speaker: q.speaker,
                        prominence: q
                            .speaker
                            .map(|e| mentions.get(&e).copied().unwrap_or(0) + 1)
                            .unwrap_or(usize::from(q.speaker_surface.is_some())),
                        members: vec![(ai, qi)],
                    })
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&x, &y| {
        found[y]
            .prominence
            .cmp(&found[x].prominence)
            .then(found[y].members.len().cmp(&found[x].members.len()))
            .then(found[x].members[0].cmp(&found[y].members[0]))
            .then(found[x].key.cmp(&found[y].key))
    });
    // spread: a first pass with caps per speaker and per article, then the rest in order
    let mut chosen: Vec<usize> = Vec::new();
    let mut per_speaker: HashMap<Option<usize>, usize> = HashMap::new();
    let mut per_article: HashMap<usize, usize> = HashMap::new();
    for &i in &order {
        let sp = per_speaker.entry(found[i].speaker).or_default();
        let ar = per_article.entry(found[i].members[0].0).or_default();
        if *sp < PER_SPEAKER && *ar < PER_ARTICLE {
            *sp += 1;
            *ar += 1;
            chosen.push(i);
        }
    }
    let mut taken = vec![false; found.len()];
    for &i in &chosen {
        taken[i] = true;
    }
    chosen.extend(order.iter().copied().filter(|&i| !taken[i]));
    let mut unattributed = 0;
    chosen.retain(|&i| {
        let q = &found[i];
        let none = q.speaker.is_none() && q.prominence == 0;
        unattributed += usize::from(none);
        !none || unattributed <= UNATTRIBUTED_MAX
    });
    chosen.truncate(QUOTES_MAX);
    chosen
        .into_iter()
        .map(|i| item(g, arts, labels, &found[i]))
        .collect()
}

fn item(g: &Glossary, arts: &[Analyzed], labels: &Labels, f: &Found) -> QuoteItem {
    let (ai, qi) = f.members[0];
    let a = &arts[ai];
    let q = &a.facts.quotes[qi];
    let text = &a.article.text;
    let (speaker_en, speaker_ar) = match (q.speaker, q.speaker_surface) {
        (Some(e), _) => (entity_label(g, e), g.entities[e].ar.clone()),
        (None, Some(sp)) => (
            sentence::unverified(text, sp),
            text[sp.0..sp.1].trim().to_string(),
        ),
        // mizan did not find who speaks; the article may well say it
        _ => (
            "speaker not identified (see the Arabic)".to_string(),
            "متحدث لم يُحدَّد".to_string(),
        ),
    };
    let mut sources: Vec<String> = f.members.iter().map(|m| labels.of(m.0)).collect();
    sources.dedup();
    // the event of the quote's sentence, told outside the quotation marks
    let frame = q.sentence.and_then(|si| {
        let lo = a.facts.events.partition_point(|e| e.sentence < si);
        a.facts.events[lo..]
            .iter()
            .take_while(|e| e.sentence == si)
            .filter(|e| !(q.start..q.end).contains(&e.start) && !g.events[e.event].denial)
            .find_map(|e| sentence::of_frame(g, a, e, None, labels.name(ai)))
            // only who did what to whom: «X reports a strike» around a quotation would read
            // as the speaker's report of an event their words only refer to
            .filter(|s| s.shape == "active")
    });
    QuoteItem {
        ar: text[q.start..q.end].trim().to_string(),
        speaker_en,
        speaker_ar,
        source: labels.of(ai),
        sources,
        date: a.article.date.clone(),
        frame,
    }
}
