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

pub const SCHEMA: &str = "mizan.facts/2";

#[derive(Debug, Serialize)]
pub struct FactsDoc {
    pub schema: &'static str,
    pub articles: Vec<ArticleOut>,
    pub entities: Vec<EntityOut>,
    pub mentions: Vec<MentionOut>,
    pub numbers: Vec<NumberOut>,
    pub dates: Vec<DateOut>,
    pub quotes: Vec<QuoteOut>,
    pub events: Vec<EventOut>,
    /// Articles that reprint one agency story.
    pub copies: Vec<CopiesOut>,
    pub alignments: Vec<AlignmentOut>,
    pub disagreements: Vec<DisagreementOut>,
    pub names: Vec<NamesOut>,
    pub suggestions: Vec<SuggestionOut>,
}

#[derive(Debug, Serialize)]
pub struct ArticleOut {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub sentences: Vec<SentenceOut>,
}

#[derive(Debug, Serialize)]
pub struct SentenceOut {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
}

#[derive(Debug, Serialize)]
pub struct EntityOut {
    pub id: String,
    pub en: String,
    pub ar: String,
    pub kind: &'static str,
    pub role: Option<Bilingual>,
}

#[derive(Debug, Serialize)]
pub struct MentionOut {
    pub article: String,
    pub sentence: Option<String>,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub entity: String,
    /// The mention is a nationality adjective (الأذربيجانية → azerbaijan).
    pub adjective: bool,
}

#[derive(Debug, Serialize)]
pub struct NumberOut {
    pub article: String,
    pub sentence: Option<String>,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub kind: NumberKind,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub vague: Option<&'static str>,
    pub measure: Option<String>,
    pub subject: Option<String>,
    pub side: Option<String>,
    pub attributed_to: Option<String>,
    pub date: Option<String>,
    /// What a destroyed, sent or captured figure counts (English).
    pub item: Option<String>,
    pub era: Option<Era>,
    pub status: Option<FigureStatus>,
    /// Who gives the figure: the speaker of its clause (null: the outlet's own narration).
    pub said_by: Option<String>,
    /// The speaker as written when the glossary does not know them.
    pub said_by_surface: Option<String>,
    /// The frame the figure belongs to.
    pub event: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CopiesOut {
    pub articles: Vec<String>,
    pub wire: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DateOut {
    pub article: String,
    pub sentence: Option<String>,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub date: String,
    pub role: DateRole,
    pub event: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuoteOut {
    pub article: String,
    pub sentence: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    /// The speaker as written when the glossary does not know them.
    pub speaker_surface: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EventOut {
    pub article: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub surface: String,
    pub event: String,
    pub agent: Option<String>,
    pub agent_surface: Option<String>,
    pub target: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub said_by: Option<String>,
    pub said_by_surface: Option<String>,
    pub polarity: Polarity,
    /// Indexes into `numbers`.
    pub figures: Vec<usize>,
    pub english: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AlignmentOut {
    pub id: String,
    pub sentences: Vec<String>,
    pub score: f64,
    pub diff: DiffKind,
}

#[derive(Debug, Serialize)]
pub struct DisagreementOut {
    pub id: String,
    pub kind: &'static str,
    pub measure: Option<String>,
    pub subject: Option<String>,
    pub side: Option<String>,
    pub entity: Option<String>,
    pub status: Status,
    pub claims: Vec<ClaimOut>,
}

#[derive(Debug, Serialize)]
pub struct ClaimOut {
    pub article: String,
    pub sentence: Option<String>,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub surface: String,
    pub date: Option<String>,
    pub attributed_to: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NamesOut {
    pub entity: String,
    pub forms: BTreeMap<String, Vec<String>>,
    pub findings: Vec<FindingOut>,
}

#[derive(Debug, Serialize)]
pub struct FindingOut {
    pub kind: &'static str,
    pub severity: &'static str,
    pub article: Option<String>,
    pub sentence: Option<String>,
    pub message: String,
    pub forms: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SuggestionOut {
    pub surface: String,
    pub article: String,
    pub articles: Vec<String>,
    /// Every sentence it was seen in.
    pub sentences: Vec<String>,
    pub near_entity: Option<String>,
    pub reason: String,
}

fn sid(a: &Analyzed, s: Option<usize>) -> Option<String> {
    s.map(|i| a.article.sentences[i].id.clone())
}

pub fn build(g: &Glossary, an: &Analysis) -> FactsDoc {
    let arts = &an.articles;
    let ent = |i: usize| g.entities[i].id.clone();
    let mut used = vec![false; g.entities.len()];
    let mut doc = FactsDoc {
        schema: SCHEMA,
        articles: vec![],
        entities: vec![],
        mentions: vec![],
        numbers: vec![],
        dates: vec![],
        quotes: vec![],
        events: vec![],
        copies: vec![],
        alignments: vec![],
        disagreements: vec![],
        names: vec![],
        suggestions: vec![],
    };
    for a in arts {
        let ar = &a.article;
        let text = &ar.text;
        doc.articles.push(ArticleOut {
            id: ar.id.clone(),
            path: ar.path.clone(),
            title: ar.title.clone(),
            date: ar.date.clone(),
            outlet: ar.outlet.clone(),
            url: ar.url.clone(),
            sentences: ar
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    id: s.id.clone(),
                    start: s.start,
                    end: s.end,
                    kind: s.kind,
                })
                .collect(),
        });
        for m in &a.mentions {
            used[m.entity] = true;
            doc.mentions.push(MentionOut {
                article: ar.id.clone(),
                sentence: sid(a, m.sentence),
                start: m.start,
                end: m.end,
                surface: text[m.start..m.end].to_string(),
                entity: ent(m.entity),
                adjective: m.adjective,
            });
        }
        let (num_base, ev_base) = (doc.numbers.len(), doc.events.len());
        let eid = |fi: usize| format!("e{}", ev_base + fi);
        let surf = |sp: Option<(usize, usize)>| sp.map(|(s, e)| text[s..e].to_string());
        for n in &a.facts.numbers {
            let counted = matches!(n.kind, NumberKind::Quantity | NumberKind::Percent);
            doc.numbers.push(NumberOut {
                article: ar.id.clone(),
                sentence: sid(a, n.sentence),
                start: n.start,
                end: n.end,
                surface: text[n.start..n.end].to_string(),
                kind: n.kind,
                value: n.value,
                high: n.high,
                qualifier: n.qualifier,
                vague: n.vague,
                measure: n.measure.map(|m| g.measures[m].id.clone()),
                subject: n.subject.map(|m| g.subjects[m].id.clone()),
                side: n.side.map(ent),
                attributed_to: n.attributed_to.map(ent),
                date: n.date.clone(),
                item: n.item.map(|i| g.items[i].en.clone()),
                era: counted.then_some(n.era_kind),
                status: (counted && n.measure.is_some()).then_some(n.status),
                said_by: n.attributed_to.map(ent),
                said_by_surface: surf(n.said_by_surface),
                event: n.event.map(eid),
            });
        }
        for d in &a.facts.dates {
            doc.dates.push(DateOut {
                article: ar.id.clone(),
                sentence: sid(a, d.sentence),
                start: d.start,
                end: d.end,
                surface: text[d.start..d.end].to_string(),
                date: d.date.clone(),
                role: d.role,
                event: d.event.map(eid),
            });
        }
        for q in &a.facts.quotes {
            doc.quotes.push(QuoteOut {
                article: ar.id.clone(),
                sentence: sid(a, q.sentence),
                start: q.start,
                end: q.end,
                text: text[q.start..q.end].to_string(),
                speaker: q.speaker.map(ent),
                speaker_surface: surf(q.speaker_surface),
            });
        }
        for (fi, e) in a.facts.events.iter().enumerate() {
            for x in [e.agent, e.target, e.place, e.said_by]
                .into_iter()
                .flatten()
            {
                used[x] = true;
            }
            doc.events.push(EventOut {
                article: ar.id.clone(),
                sentence: ar.sentences[e.sentence].id.clone(),
                start: e.start,
                end: e.end,
                id: eid(fi),
                surface: text[e.start..e.end].to_string(),
                event: g.events[e.event].id.clone(),
                agent: e.agent.map(ent),
                agent_surface: surf(e.agent_surface),
                target: e.target.map(ent),
                place: e.place.map(ent),
                date: e.date.clone(),
                said_by: e.said_by.map(ent),
                said_by_surface: surf(e.said_by_surface),
                polarity: e.polarity,
                figures: e.figures.iter().map(|f| num_base + f).collect(),
                english: crate::extract::english(g, e),
            });
        }
    }
    doc.copies = an
        .copies
        .iter()
        .map(|grp| CopiesOut {
            articles: grp.iter().map(|&i| arts[i].article.id.clone()).collect(),
            wire: None,
        })
        .collect();
    doc.entities = g
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| used[*i])
        .map(|(_, e)| EntityOut {
            id: e.id.clone(),
            en: e.en.clone(),
            ar: e.ar.clone(),
            kind: e.kind.as_str(),
            role: e.role.clone(),
        })
        .collect();
    doc.entities.sort_by(|a, b| a.id.cmp(&b.id));
    for (i, al) in an.alignments.iter().enumerate() {
        doc.alignments.push(AlignmentOut {
            id: format!("a{}", i + 1),
            sentences: vec![
                arts[al.a.0].article.sentences[al.a.1].id.clone(),
                arts[al.b.0].article.sentences[al.b.1].id.clone(),
            ],
            score: al.score,
            diff: an.comparison.diffs[i].kind,
        });
    }
    // figures first (conflicts first), then wordings, then spellings
    for fg in an.comparison.figures.iter().filter(|f| f.sources >= 2) {
        doc.disagreements.push(DisagreementOut {
            id: fg.id.clone(),
            kind: "figure",
            measure: Some(g.measures[fg.measure].id.clone()),
            subject: fg.subject.map(|s| g.subjects[s].id.clone()),
            side: fg.side.map(ent),
            entity: None,
            status: fg.status,
            claims: fg
                .claims
                .iter()
                .map(|c| {
                    let a = &arts[c.article];
                    let surface = c.surface(arts);
                    let sentence = c.number.and_then(|ni| sid(a, a.facts.numbers[ni].sentence));
                    let attributed_to = c.attributed_to(arts).map(ent);
                    ClaimOut {
                        article: a.article.id.clone(),
                        sentence,
                        value: Some(c.value),
                        high: c.high,
                        qualifier: Some(c.qualifier),
                        surface,
                        date: c.date.clone(),
                        attributed_to,
                    }
                })
                .collect(),
        });
    }
    for (i, d) in an.comparison.diffs.iter().enumerate() {
        if d.kind != DiffKind::Content {
            continue;
        }
        let al = &an.alignments[i];
        let claim = |(ai, si): (usize, usize)| {
            let a = &arts[ai];
            let s = &a.article.sentences[si];
            ClaimOut {
                article: a.article.id.clone(),
                sentence: Some(s.id.clone()),
                value: None,
                high: None,
                qualifier: None,
                surface: a.article.text[s.start..s.end].to_string(),
                date: a.article.date.clone(),
                attributed_to: a.facts.attribution[si].map(ent),
            }
        };
        let (ca, cb) = (claim(al.a), claim(al.b));
        let status = match (&ca.date, &cb.date) {
            (Some(x), Some(y)) if x != y => Status::Update,
            _ => Status::Conflict,
        };
        doc.disagreements.push(DisagreementOut {
            id: format!("w{}", i + 1),
            kind: "wording",
            measure: None,
            subject: None,
            side: None,
            entity: None,
            status,
            claims: vec![ca, cb],
        });
    }
    for en in &an.names.entities {
        let forms: BTreeMap<String, Vec<String>> = en
            .forms
            .iter()
            .map(|(&ai, f)| (arts[ai].article.id.clone(), f.clone()))
            .collect();
        if en
            .findings
            .iter()
            .any(|f| f.kind == crate::names::FindingKind::CrossSource)
        {
            doc.disagreements.push(DisagreementOut {
                id: format!("s-{}", g.entities[en.entity].id),
                kind: "spelling",
                measure: None,
                subject: None,
                side: None,
                entity: Some(ent(en.entity)),
                status: Status::Conflict,
                claims: en
                    .forms
                    .iter()
                    .flat_map(|(&ai, fs)| {
                        fs.iter().map(move |f| ClaimOut {
                            article: arts[ai].article.id.clone(),
                            sentence: None,
                            value: None,
                            high: None,
                            qualifier: None,
                            surface: f.clone(),
                            date: arts[ai].article.date.clone(),
                            attributed_to: None,
                        })
                    })
                    .collect(),
            });
        }
        doc.names.push(NamesOut {
            entity: ent(en.entity),
            forms,
            findings: en
                .findings
                .iter()
                .map(|f| FindingOut {
                    kind: f.kind.as_str(),
                    severity: f.kind.severity().as_str(),
                    article: f.article.map(|a| arts[a].article.id.clone()),
                    sentence: f
                        .article
                        .zip(f.sentence)
                        .map(|(a, s)| arts[a].article.sentences[s].id.clone()),
                    message: f.message.clone(),
                    forms: f.forms.clone(),
                })
                .collect(),
        });
    }
    for s in &an.names.suggestions {
        doc.suggestions.push(SuggestionOut {
            surface: s.surface.clone(),
            article: arts[s.articles[0]].article.id.clone(),
            articles: s
                .articles
                .iter()
                .map(|&a| arts[a].article.id.clone())
                .collect(),
            sentences: s
                .sentences
                .iter()
                .map(|&(a, si)| arts[a].article.sentences[si].id.clone())
                .collect(),
            near_entity: s.near_entity.map(ent),
            reason: s.reason.clone(),
        });
    }
    doc
}
