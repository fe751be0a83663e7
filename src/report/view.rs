//! The items of the facts document, built one at a time from the analysis as they are
//! serialised: borrowed views (`&str` into the articles and the glossary), never a copy of the
//! whole document.

use super::*;

/// What the items are built from: the analysis, the glossary and a few indexes over them.
pub(super) struct View<'a> {
    pub g: &'a Glossary,
    pub an: &'a Analysis,
    /// The sentences a `wording` disagreement refers to (their text is listed once).
    quoted: Vec<(usize, usize)>,
    /// Per article, how many numbers and events the articles before it have (their ids and
    /// indexes are global).
    num_base: Vec<usize>,
    ev_base: Vec<usize>,
}

/// The sentences (article, sentence) a `wording` disagreement refers to, sorted.
fn quoted_sentences(an: &Analysis) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = an
        .comparison
        .labels
        .iter()
        .zip(&an.alignments)
        .filter(|(&k, _)| k == DiffKind::Content)
        .flat_map(|(_, al)| [al.a, al.b])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Running totals: the first global index of each article's items.
fn bases(an: &Analysis, count: impl Fn(&Analyzed) -> usize) -> Vec<usize> {
    an.articles
        .iter()
        .scan(0, |acc, a| {
            let base = *acc;
            *acc += count(a);
            Some(base)
        })
        .collect()
}

fn sid(a: &Analyzed, s: Option<usize>) -> Option<&str> {
    s.map(|i| a.article.sentences[i].id.as_str())
}

impl<'a> View<'a> {
    pub fn new(g: &'a Glossary, an: &'a Analysis) -> View<'a> {
        View {
            g,
            an,
            quoted: quoted_sentences(an),
            num_base: bases(an, |a| a.facts.numbers.len()),
            ev_base: bases(an, |a| a.facts.events.len()),
        }
    }

    fn ent(&self, i: usize) -> &'a str {
        self.g.entities[i].id.as_str()
    }

    fn art(&self, ai: usize) -> &'a Analyzed {
        &self.an.articles[ai]
    }

    /// The entities named by a mention or an event (role) of any article.
    pub fn used_entities(&self) -> Vec<bool> {
        let mut used = vec![false; self.g.entities.len()];
        for a in &self.an.articles {
            a.mentions.iter().for_each(|m| used[m.entity] = true);
            for e in &a.facts.events {
                for x in [e.agent, e.target, e.place, e.said_by]
                    .into_iter()
                    .flatten()
                {
                    used[x] = true;
                }
            }
        }
        used
    }

    pub fn article(&self, ai: usize) -> ArticleOut<'a> {
        let ar = &self.art(ai).article;
        let text = &ar.text;
        ArticleOut {
            id: ar.id.as_str(),
            path: ar.path.as_str(),
            title: ar.title.as_deref(),
            date: ar.date.as_deref(),
            outlet: ar.outlet.as_deref(),
            url: ar.url.as_deref(),
            sentences: ar
                .sentences
                .iter()
                .enumerate()
                .map(|(si, s)| SentenceOut {
                    id: s.id.as_str(),
                    start: s.start,
                    end: s.end,
                    kind: s.kind,
                    text: (self.quoted.binary_search(&(ai, si)).is_ok())
                        .then(|| &text[s.start..s.end]),
                })
                .collect(),
        }
    }

    pub fn mentions(&self, ai: usize) -> impl Iterator<Item = MentionOut<'a>> + '_ {
        let a = self.art(ai);
        a.mentions.iter().map(move |m| MentionOut {
            article: a.article.id.as_str(),
            sentence: sid(a, m.sentence),
            start: m.start,
            end: m.end,
            surface: &a.article.text[m.start..m.end],
            entity: self.ent(m.entity),
            adjective: m.adjective,
        })
    }

    fn event_id(&self, ai: usize, fi: usize) -> String {
        format!("e{}", self.ev_base[ai] + fi)
    }

    fn surf(&self, ai: usize, sp: Option<(usize, usize)>) -> Option<&'a str> {
        let text = &self.art(ai).article.text;
        sp.map(|(s, e)| &text[s..e])
    }

    pub fn numbers(&self, ai: usize) -> impl Iterator<Item = NumberOut<'a>> + '_ {
        let (g, a) = (self.g, self.art(ai));
        a.facts.numbers.iter().map(move |n| {
            let counted = matches!(n.kind, NumberKind::Quantity | NumberKind::Percent);
            NumberOut {
                article: a.article.id.as_str(),
                sentence: sid(a, n.sentence),
                start: n.start,
                end: n.end,
                surface: &a.article.text[n.start..n.end],
                kind: n.kind,
                value: n.value,
                high: n.high,
                qualifier: n.qualifier,
                vague: n.vague,
                measure: n.measure.map(|m| g.measures[m].id.as_str()),
                subject: n.subject.map(|m| g.subjects[m].id.as_str()),
                side: n.side.map(|e| self.ent(e)),
                attributed_to: n.attributed_to.map(|e| self.ent(e)),
                date: n.date.as_deref(),
                item: n.item.map(|i| g.items[i].en.as_str()),
                era: counted.then_some(n.era_kind),
                status: (counted && n.measure.is_some()).then_some(n.status),
                said_by: n.attributed_to.map(|e| self.ent(e)),
                said_by_surface: self.surf(ai, n.said_by_surface),
                event: n.event.map(|fi| self.event_id(ai, fi)),
            }
        })
    }

    pub fn dates(&self, ai: usize) -> impl Iterator<Item = DateOut<'a>> + '_ {
        let a = self.art(ai);
        a.facts.dates.iter().map(move |d| DateOut {
            article: a.article.id.as_str(),
            sentence: sid(a, d.sentence),
            start: d.start,
            end: d.end,
            surface: &a.article.text[d.start..d.end],
            date: &d.date,
            role: d.role,
            event: d.event.map(|fi| self.event_id(ai, fi)),
        })
    }

    pub fn quotes(&self, ai: usize) -> impl Iterator<Item = QuoteOut<'a>> + '_ {
        let a = self.art(ai);
        a.facts.quotes.iter().map(move |q| QuoteOut {
            article: a.article.id.as_str(),
            sentence: sid(a, q.sentence),
            start: q.start,
            end: q.end,
            text: &a.article.text[q.start..q.end],
            speaker: q.speaker.map(|e| self.ent(e)),
            speaker_surface: self.surf(ai, q.speaker_surface),
        })
    }

    pub fn events(&self, ai: usize) -> impl Iterator<Item = EventOut<'a>> + '_ {
        let (g, a) = (self.g, self.art(ai));
        let ent = move |e: Option<usize>| e.map(|e| self.ent(e));
        a.facts
            .events
            .iter()
            .enumerate()
            .map(move |(fi, e)| EventOut {
                article: a.article.id.as_str(),
                sentence: a.article.sentences[e.sentence].id.as_str(),
                start: e.start,
                end: e.end,
                id: self.event_id(ai, fi),
                surface: &a.article.text[e.start..e.end],
                event: g.events[e.event].id.as_str(),
                agent: ent(e.agent),
                agent_surface: self.surf(ai, e.agent_surface),
                target: ent(e.target),
                place: ent(e.place),
                date: e.date.as_deref(),
                said_by: ent(e.said_by),
                said_by_surface: self.surf(ai, e.said_by_surface),
                polarity: e.polarity,
                figures: e.figures.iter().map(|f| self.num_base[ai] + f).collect(),
                english: crate::extract::english(g, e),
            })
    }

    pub fn alignment(&self, i: usize) -> AlignmentOut<'a> {
        let al = &self.an.alignments[i];
        let s = |(ai, si): (usize, usize)| self.art(ai).article.sentences[si].id.as_str();
        AlignmentOut {
            id: format!("a{}", i + 1),
            sentences: vec![s(al.a), s(al.b)],
            score: al.score,
            diff: self.an.comparison.labels[i],
        }
    }

    /// Figure groups reported by two sources or more, conflicts first.
    pub fn figure_disagreements(&self) -> impl Iterator<Item = DisagreementOut<'a>> + '_ {
        let (g, arts) = (self.g, &self.an.articles);
        let claim = move |c: &'a crate::compare::Claim| {
            let a = &arts[c.article];
            ClaimOut {
                article: a.article.id.as_str(),
                sentence: c.number.and_then(|ni| sid(a, a.facts.numbers[ni].sentence)),
                value: Some(c.value),
                high: c.high,
                qualifier: Some(c.qualifier),
                surface: Some(c.surface(arts).into()),
                date: c.date.as_deref(),
                attributed_to: c.attributed_to(arts).map(|e| self.ent(e)),
            }
        };
        let groups = self.an.comparison.figures.iter();
        groups
            .filter(|f| f.sources >= 2)
            .map(move |fg| DisagreementOut {
                id: fg.id.clone(),
                kind: "figure",
                measure: Some(g.measures[fg.measure].id.as_str()),
                subject: fg.subject.map(|s| g.subjects[s].id.as_str()),
                side: fg.side.map(|e| self.ent(e)),
                entity: None,
                status: fg.status,
                claims: fg.claims.iter().map(claim).collect(),
            })
    }

    /// The aligned pair `i`, whose content differs: the two sentences by id (their text is
    /// listed once, on the article's sentence).
    pub fn wording(&self, i: usize) -> DisagreementOut<'a> {
        let al = &self.an.alignments[i];
        let claim = |(ai, si): (usize, usize)| {
            let a = self.art(ai);
            ClaimOut {
                article: a.article.id.as_str(),
                sentence: Some(a.article.sentences[si].id.as_str()),
                value: None,
                high: None,
                qualifier: None,
                surface: None,
                date: a.article.date.as_deref(),
                attributed_to: a.facts.attribution[si].map(|e| self.ent(e)),
            }
        };
        let (ca, cb) = (claim(al.a), claim(al.b));
        let status = match (&ca.date, &cb.date) {
            (Some(x), Some(y)) if x != y => Status::Update,
            _ => Status::Conflict,
        };
        DisagreementOut {
            id: format!("w{}", i + 1),
            kind: "wording",
            measure: None,
            subject: None,
            side: None,
            entity: None,
            status,
            claims: vec![ca, cb],
        }
    }

    /// Names the sources spell differently.
    pub fn spelling_disagreements(&self) -> impl Iterator<Item = DisagreementOut<'a>> + '_ {
        let arts = &self.an.articles;
        let cross = |en: &&crate::names::EntityNames| {
            en.findings
                .iter()
                .any(|f| f.kind == crate::names::FindingKind::CrossSource)
        };
        self.an.names.entities.iter().filter(cross).map(move |en| {
            let claims = en.forms.iter().flat_map(|(&ai, fs)| {
                fs.iter().map(move |f| ClaimOut {
                    article: arts[ai].article.id.as_str(),
                    sentence: None,
                    value: None,
                    high: None,
                    qualifier: None,
                    surface: Some(f.as_str().into()),
                    date: arts[ai].article.date.as_deref(),
                    attributed_to: None,
                })
            });
            DisagreementOut {
                id: format!("s-{}", self.g.entities[en.entity].id),
                kind: "spelling",
                measure: None,
                subject: None,
                side: None,
                entity: Some(self.ent(en.entity)),
                status: Status::Conflict,
                claims: claims.collect(),
            }
        })
    }

    pub fn names(&self) -> Vec<NamesOut<'a>> {
        let arts = &self.an.articles;
        let finding = |f: &'a crate::names::Finding| FindingOut {
            kind: f.kind.as_str(),
            severity: f.kind.severity().as_str(),
            article: f.article.map(|a| arts[a].article.id.as_str()),
            sentence: f
                .article
                .zip(f.sentence)
                .map(|(a, s)| arts[a].article.sentences[s].id.as_str()),
            message: &f.message,
            forms: &f.forms,
        };
        let names = self.an.names.entities.iter();
        names
            .map(|en| NamesOut {
                entity: self.ent(en.entity),
                forms: en
                    .forms
                    .iter()
                    .map(|(&ai, f)| (arts[ai].article.id.as_str(), f.as_slice()))
                    .collect(),
                findings: en.findings.iter().map(finding).collect(),
            })
            .collect()
    }

    pub fn suggestions(&self) -> Vec<SuggestionOut<'a>> {
        let arts = &self.an.articles;
        let id = |a: usize| arts[a].article.id.as_str();
        let suggestions = self.an.names.suggestions.iter();
        suggestions
            .map(|s| SuggestionOut {
                surface: &s.surface,
                article: id(s.articles[0]),
                articles: s.articles.iter().map(|&a| id(a)).collect(),
                sentences: s
                    .sentences
                    .iter()
                    .map(|&(a, si)| arts[a].article.sentences[si].id.as_str())
                    .collect(),
                near_entity: s.near_entity.map(|e| self.ent(e)),
                reason: &s.reason,
            })
            .collect()
    }
}
