//! `mizan brief --explain ARTICLE:SENTENCE`: the clauses and frames of one sentence, so a user
//! can see why a figure got its measure, a quote its speaker, an event its agent.
//!
//! In: the analysis and a sentence id. Out: a text for people.

use crate::extract::{Facts, Speaker};
use crate::glossary::Glossary;
use crate::Analysis;
use std::fmt::Write;

/// The explanation of sentence `id` (`ARTICLE:N`), or why there is none.
pub fn explain(g: &Glossary, an: &Analysis, id: &str) -> Result<String, String> {
    let (art, _) = id.rsplit_once(':').ok_or_else(|| {
        format!("--explain wants ARTICLE:SENTENCE (such as 01-first-days:3), not {id:?}")
    })?;
    let a = an
        .articles
        .iter()
        .find(|a| a.article.id == art)
        .ok_or_else(|| format!("no article {art:?} among the inputs"))?;
    let si = a
        .article
        .sentences
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| {
            format!(
                "article {art:?} has no sentence {id:?} (it has {})",
                a.article.sentences.len()
            )
        })?;
    let text = &a.article.text;
    let s = &a.article.sentences[si];
    // the pipeline keeps no clauses (they would grow with every word of a large run): the
    // article is analysed again on its own, which gives the same facts
    let again = crate::analyze_one(g, a.article.clone());
    let f = &again.facts;
    let ent = |e: Option<usize>| e.map_or("—".to_string(), |e| g.entities[e].id.clone());
    let mut o = String::new();
    let _ = writeln!(o, "{id} ({:?}) «{}»", s.kind, text[s.start..s.end].trim());
    let _ = writeln!(o, "clauses:");
    for (ci, cl) in f
        .clauses
        .list
        .iter()
        .enumerate()
        .filter(|(_, c)| c.sentence == Some(si))
    {
        let sp = who(g, text, speaker_of(f, ci));
        let _ = writeln!(
            o,
            "  c{ci} {:?} «{}» — says: {sp}",
            cl.kind,
            &text[cl.start..cl.end]
        );
    }
    let _ = writeln!(o, "figures:");
    for n in f.numbers.iter().filter(|n| n.sentence == Some(si)) {
        let name = |v: Option<usize>, list: &[crate::glossary::Term]| {
            v.map_or("—".to_string(), |m| list[m].id.clone())
        };
        let said = Speaker {
            entity: n.attributed_to,
            surface: n.said_by_surface,
            witness: false,
        };
        let _ = writeln!(
            o,
            "  «{}» {:?} value {:?}{} {:?} — measure {} (clause c{}), subject {}, side {}, item {}, era {:?}, status {:?}, said by {}",
            &text[n.start..n.end],
            n.kind,
            n.value,
            n.high.map_or(String::new(), |h| format!("–{h}")),
            n.qualifier,
            name(n.measure, &g.measures),
            n.clause.map_or("?".to_string(), |c| c.to_string()),
            name(n.subject, &g.subjects),
            ent(n.side),
            name(n.item, &g.items),
            n.era_kind,
            n.status,
            who(g, text, said),
        );
    }
    for d in f.dates.iter().filter(|d| d.sentence == Some(si)) {
        let _ = writeln!(
            o,
            "date: «{}» {} ({:?})",
            &text[d.start..d.end],
            d.date,
            d.role
        );
    }
    for q in f.quotes.iter().filter(|q| q.sentence == Some(si)) {
        let sp = Speaker {
            entity: q.speaker,
            surface: q.speaker_surface,
            witness: false,
        };
        let _ = writeln!(
            o,
            "quote: «{}» — speaker {}",
            &text[q.start..q.end],
            who(g, text, sp)
        );
    }
    let _ = writeln!(o, "frames:");
    for e in f.events.iter().filter(|e| e.sentence == si) {
        let _ = writeln!(
            o,
            "  «{}» {} in c{} — agent {}, target {}, place {}, date {}, said by {}, {:?}, figures {:?}",
            &text[e.start..e.end],
            g.events[e.event].id,
            e.clause,
            ent(e.agent),
            ent(e.target),
            ent(e.place),
            e.date.as_deref().unwrap_or("—"),
            ent(e.said_by),
            e.polarity,
            e.figures.iter().map(|&k| &text[f.numbers[k].start..f.numbers[k].end]).collect::<Vec<_>>(),
        );
    }
    Ok(o)
}

/// The speaker of clause `ci` as the numbers of that clause recorded it.
fn speaker_of(f: &Facts, ci: usize) -> Speaker {
    f.clause_speakers.get(ci).copied().unwrap_or_default()
}

fn who(g: &Glossary, text: &str, s: Speaker) -> String {
    match (s.entity, s.surface) {
        (Some(e), _) => g.entities[e].id.clone(),
        (None, Some((a, b))) => format!("«{}» (not in the glossary)", &text[a..b]),
        _ => "— (the outlet's narration)".to_string(),
    }
}
