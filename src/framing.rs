//! Loaded wording by outlet: which outlet used which word of the glossary's `framing:` sets
//! («قتلى» / «شهداء» / «لقوا حتفهم» for the same dead).
//!
//! In: the glossary's [`Framing`](crate::glossary::Framing), and per article its normalised
//! words and quotations ([`scan`] → [`Use`]); then the analysed articles ([`report`]). Out:
//! [`FramingReport`]: per set, one row per outlet with the words it used for each stance and the
//! sentences they are in. Words inside quotation marks are the speaker's, not the outlet's: they
//! are listed apart.

use crate::corpus::{Article, SentenceKind};
use crate::extract::Quote;
use crate::glossary::Glossary;
use crate::normalize::{self, Normalized, Word};
use crate::Analyzed;
use serde::Serialize;
use std::collections::BTreeMap;

/// Outlets shown per set (the ones with most uses).
pub const OUTLETS_MAX: usize = 12;
/// Sentences linked per cell.
pub const REFS_MAX: usize = 3;
/// Uses inside quotations listed.
pub const QUOTED_MAX: usize = 20;

/// One framing word in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub set: usize,
    pub stance: usize,
    /// The sentence it is in (index into the article's sentences).
    pub sentence: usize,
    /// Original byte span of the words.
    pub start: usize,
    pub end: usize,
    /// Inside a quotation: the speaker's word.
    pub quoted: bool,
}

/// Sentences whose words are the outlet's own: not a foreign-language line or the closing
/// «source:» line.
fn counts(kind: SentenceKind) -> bool {
    !matches!(kind, SentenceKind::Foreign | SentenceKind::Source)
}

/// The sentence holding the original span `start..end` whole, if any.
fn sentence_of(article: &Article, start: usize, end: usize) -> Option<usize> {
    let i = article.sentences.partition_point(|s| s.end <= start);
    let s = article.sentences.get(i)?;
    (s.start <= start && end <= s.end && counts(s.kind)).then_some(i)
}

/// The framing words of one article, left to right; where sets overlap the longest phrase wins
/// and the words it covers are not matched again.
pub fn scan(
    g: &Glossary,
    article: &Article,
    norm: &Normalized,
    ws: &[Word],
    quotes: &[Quote],
) -> Vec<Use> {
    if g.framing.is_empty() {
        return Vec::new();
    }
    let key = norm.key();
    let w: Vec<&str> = ws.iter().map(|x| &key[x.start..x.end]).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let found = g.framing.at(&w[i..]).into_iter().find_map(|h| {
            let (start, end) = norm.orig_span(ws[i].start, ws[i + h.len - 1].end);
            let sentence = sentence_of(article, start, end)?;
            let quoted = quotes.iter().any(|q| q.start <= start && end <= q.end);
            Some(Use {
                set: h.set,
                stance: h.stance,
                sentence,
                start,
                end,
                quoted,
            })
        });
        match found {
            Some(u) => {
                i += ws[i..]
                    .iter()
                    .take_while(|x| norm.orig_start(x.start) < u.end)
                    .count();
                out.push(u);
            }
            None => i += 1,
        }
    }
    out
}

/// What the appendix shows.
#[derive(Debug, Default, Serialize)]
pub struct FramingReport {
    /// How many framing sets the glossary defines (0: the appendix says so).
    pub sets_defined: usize,
    /// The sets with at least one use outside quotations, in glossary order.
    pub sets: Vec<SetUse>,
    /// Uses inside quotations (the first [`QUOTED_MAX`]).
    pub quoted: Vec<QuotedUse>,
    pub quoted_more: usize,
    /// The addresses of the articles cited above, once each (Markdown reference links, so the
    /// tables stay short).
    pub links: Vec<ArticleLink>,
}

#[derive(Debug, Serialize)]
pub struct SetUse {
    pub id: String,
    /// The neutral English rendering.
    pub en: String,
    /// The stances, in glossary order: the columns.
    pub stances: Vec<String>,
    /// One row per outlet, most uses first (the first [`OUTLETS_MAX`]).
    pub outlets: Vec<OutletRow>,
    pub outlets_more: usize,
}

#[derive(Debug, Serialize)]
pub struct OutletRow {
    pub outlet: String,
    /// One cell per stance, in the order of [`SetUse::stances`].
    pub cells: Vec<Cell>,
}

#[derive(Debug, Default, Serialize)]
pub struct Cell {
    /// The words as written, each with its count when above 1 («الشهداء ×2، قتلى»).
    pub words: String,
    /// The sentences (the first [`REFS_MAX`]).
    pub refs: Vec<SentenceRef>,
    pub refs_more: usize,
}

/// A sentence: its id in facts.json, and its article (with `linked` when the article's
/// address is among [`FramingReport::links`]).
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRef {
    pub id: String,
    pub article: String,
    pub linked: bool,
}

/// An article's address.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ArticleLink {
    pub article: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct QuotedUse {
    pub en: String,
    pub stance: String,
    pub outlet: String,
    pub word: String,
    pub sentence: SentenceRef,
}

/// The outlet an article is from: its `outlet`, else the host of its URL, else its id.
pub fn outlet_of(a: &Article) -> String {
    if let Some(o) = a.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        return o.to_string();
    }
    let host = a.url.as_deref().and_then(|u| {
        let rest = u.split_once("://").map_or(u, |p| p.1);
        let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
        let host = host.split(':').next()?.trim_start_matches("www.");
        (!host.is_empty()).then(|| host.to_string())
    });
    host.unwrap_or_else(|| a.id.clone())
}

/// A link target that Markdown keeps whole: spaces and brackets percent-encoded.
fn link_target(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

fn sentence_ref(a: &Article, si: usize) -> SentenceRef {
    SentenceRef {
        id: a.sentences[si].id.clone(),
        article: a.id.clone(),
        linked: a.url.is_some(),
    }
}

/// The addresses of the articles that `refs` cite, sorted, once each.
fn links<'r>(arts: &[Analyzed], refs: impl Iterator<Item = &'r SentenceRef>) -> Vec<ArticleLink> {
    let cited: std::collections::BTreeSet<&str> = refs
        .filter(|r| r.linked)
        .map(|r| r.article.as_str())
        .collect();
    arts.iter()
        .filter(|a| cited.contains(a.article.id.as_str()))
        .filter_map(|a| {
            Some(ArticleLink {
                article: a.article.id.clone(),
                url: link_target(a.article.url.as_deref()?),
            })
        })
        .collect()
}

/// One outlet's uses of one stance: (word as written → count), sentences.
#[derive(Default)]
struct Tally {
    words: BTreeMap<String, usize>,
    /// (first use in input order) the words' sentences
    refs: Vec<SentenceRef>,
    uses: usize,
}

impl Tally {
    fn add(&mut self, word: String, r: SentenceRef) {
        *self.words.entry(word).or_default() += 1;
        if !self.refs.iter().any(|x| x.id == r.id) {
            self.refs.push(r);
        }
        self.uses += 1;
    }

    fn cell(mut self) -> Cell {
        let mut words: Vec<(String, usize)> = self.words.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let words: Vec<String> = words
            .into_iter()
            .map(|(w, n)| if n > 1 { format!("{w} ×{n}") } else { w })
            .collect();
        let refs_more = self.refs.len().saturating_sub(REFS_MAX);
        self.refs.truncate(REFS_MAX);
        Cell {
            words: words.join("، "),
            refs: self.refs,
            refs_more,
        }
    }
}

/// Every article's uses → the appendix: per set, per outlet, per stance.
pub fn report(g: &Glossary, arts: &[Analyzed]) -> FramingReport {
    let sets = &g.framing.sets;
    // set → outlet → stance → tally
    let mut by_set: Vec<BTreeMap<String, BTreeMap<usize, Tally>>> =
        (0..sets.len()).map(|_| BTreeMap::new()).collect();
    let mut quoted = Vec::new();
    for a in arts {
        let outlet = outlet_of(&a.article);
        for u in &a.framing {
            let word = normalize::display_form(&a.article.text[u.start..u.end]);
            let r = sentence_ref(&a.article, u.sentence);
            if u.quoted {
                quoted.push(QuotedUse {
                    en: sets[u.set].en.clone(),
                    stance: stance_label(&sets[u.set].stances[u.stance].name),
                    outlet: outlet.clone(),
                    word,
                    sentence: r,
                });
                continue;
            }
            by_set[u.set]
                .entry(outlet.clone())
                .or_default()
                .entry(u.stance)
                .or_default()
                .add(word, r);
        }
    }
    let quoted_more = quoted.len().saturating_sub(QUOTED_MAX);
    quoted.truncate(QUOTED_MAX);
    let sets: Vec<SetUse> = by_set
        .into_iter()
        .enumerate()
        .filter(|(_, outlets)| !outlets.is_empty())
        .map(|(si, outlets)| set_use(g, si, outlets))
        .collect();
    let cells = sets.iter().flat_map(|s| &s.outlets).flat_map(|o| &o.cells);
    let refs = cells
        .flat_map(|c| &c.refs)
        .chain(quoted.iter().map(|q| &q.sentence));
    FramingReport {
        sets_defined: g.framing.sets.len(),
        links: links(arts, refs),
        sets,
        quoted,
        quoted_more,
    }
}

/// A stance as shown: its name with spaces for underscores.
fn stance_label(name: &str) -> String {
    name.replace('_', " ")
}

fn set_use(g: &Glossary, si: usize, outlets: BTreeMap<String, BTreeMap<usize, Tally>>) -> SetUse {
    let set = &g.framing.sets[si];
    let mut rows: Vec<(usize, String, BTreeMap<usize, Tally>)> = outlets
        .into_iter()
        .map(|(o, t)| (t.values().map(|x| x.uses).sum(), o, t))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let outlets_more = rows.len().saturating_sub(OUTLETS_MAX);
    rows.truncate(OUTLETS_MAX);
    SetUse {
        id: set.id.clone(),
        en: set.en.clone(),
        stances: set.stances.iter().map(|s| stance_label(&s.name)).collect(),
        outlets: rows
            .into_iter()
            .map(|(_, outlet, mut tallies)| OutletRow {
                outlet,
                cells: (0..set.stances.len())
                    .map(|k| tallies.remove(&k).map(Tally::cell).unwrap_or_default())
                    .collect(),
            })
            .collect(),
        outlets_more,
    }
}

#[cfg(test)]
mod tests;
