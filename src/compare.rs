//! Facts and alignments → what the sources agree and disagree on.
//!
//! In: analysed articles and alignments. Out: [`FigureGroup`]s (the same measure about the same
//! subject and side across sources, with status agree / update / conflict) and [`WordDiff`]s of
//! aligned sentences (spelling-only differences told apart from changes of content; see
//! [`wording`]).

mod wording;
pub use wording::{labels, word_diff, DiffKind, Op, Piece, WordDiff};

use crate::extract::{NumberKind, Qualifier};
use crate::glossary::Glossary;
use crate::Analyzed;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Conflict,
    Update,
    Agree,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agree => "agree",
            Status::Update => "update",
            Status::Conflict => "conflict",
        }
    }
}

/// One figure as one source gives it.
#[derive(Debug, Clone)]
pub struct Claim {
    pub article: usize,
    /// Index into the article's numbers; `None` for a sum of parts.
    pub number: Option<usize>,
    /// For a sum of parts: the numbers added up.
    pub parts: Vec<usize>,
    pub value: f64,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub date: Option<String>,
    /// The date of the event the figure is told with (its clause's frame), when the text gives
    /// one: tolls of differently dated incidents are different figures.
    pub event_date: Option<String>,
    /// Where that event happened (its frame's place or target), when the text says: tolls of
    /// incidents in different places are different figures.
    pub event_place: Option<usize>,
    /// A first count its own text marks as preliminary or superseded («حصيلة أولية»,
    /// «ارتفعت … لاحقاً»): a later count of the same day updates it.
    pub initial: bool,
    /// A total over several events («في الهجومين»): never the same figure as one incident's,
    /// even when the numbers are equal.
    pub several: bool,
}

impl Claim {
    /// The figure as the source wrote it; for a sum of parts, the parts joined with " + ".
    pub fn surface(&self, arts: &[Analyzed]) -> String {
        let a = &arts[self.article];
        let text = |ni: usize| {
            let n = &a.facts.numbers[ni];
            &a.article.text[n.start..n.end]
        };
        match self.number {
            Some(ni) => text(ni).to_string(),
            None => self
                .parts
                .iter()
                .map(|&p| text(p))
                .collect::<Vec<_>>()
                .join(" + "),
        }
    }

    /// Who the source says gave the figure (none for a sum of parts).
    pub fn attributed_to(&self, arts: &[Analyzed]) -> Option<usize> {
        self.number
            .and_then(|ni| arts[self.article].facts.numbers[ni].attributed_to)
    }

    /// The values the claim allows, as a closed interval.
    fn range(&self) -> (f64, f64) {
        let v = self.value;
        if let Some(h) = self.high {
            return (v, h);
        }
        match self.qualifier {
            Qualifier::Exact => (v, v),
            Qualifier::About => (v * 0.9, v * 1.1),
            Qualifier::MoreThan | Qualifier::AtLeast => (v, v * 1.25),
            Qualifier::LessThan | Qualifier::AtMost => (v * 0.8, v),
        }
    }
}

/// Do two claims allow a common value?
pub fn compatible(a: &Claim, b: &Claim) -> bool {
    let (a0, a1) = a.range();
    let (b0, b1) = b.range();
    a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9
}

#[derive(Debug, Clone)]
pub struct FigureGroup {
    pub id: String,
    pub measure: usize,
    pub subject: Option<usize>,
    pub side: Option<usize>,
    pub percent: bool,
    /// Current, historical (an earlier year or decade) or planned.
    pub era: crate::extract::Era,
    pub claims: Vec<Claim>,
    pub status: Status,
    /// Distinct articles among the claims.
    pub sources: usize,
    /// The incident the figures count, when their frames or clauses say: its date and place,
    /// and whether it is a total over several events.
    pub incident_date: Option<String>,
    pub incident_place: Option<usize>,
    pub several: bool,
}

impl FigureGroup {
    /// The claim of the latest-dated source (the largest figure among equals).
    pub fn latest(&self) -> &Claim {
        self.claims
            .iter()
            .max_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then(a.value.total_cmp(&b.value))
                    .then(b.article.cmp(&a.article))
            })
            .expect("a group has claims")
    }
}

pub struct Comparison {
    pub figures: Vec<FigureGroup>,
    /// The label of each alignment (same index): same, spelling or content.
    pub labels: Vec<DiffKind>,
}

/// measure, subject, side, percent, era
type GroupKey = (usize, Option<usize>, Option<usize>, bool, Option<i64>);

/// Figure groups: the same measure about the same subject and side across sources.
pub fn figure_groups(g: &Glossary, arts: &[Analyzed]) -> Vec<FigureGroup> {
    let mut by_key: BTreeMap<GroupKey, Vec<Claim>> = BTreeMap::new();
    for (ai, a) in arts.iter().enumerate() {
        for (ni, n) in a.facts.numbers.iter().enumerate() {
            let (Some(m), Some(v)) = (n.measure, n.value) else {
                continue;
            };
            if n.vague.is_some() || !matches!(n.kind, NumberKind::Quantity | NumberKind::Percent) {
                continue;
            }
            // what one witness saw is no toll: never a figure to compare
            if n.status == crate::extract::FigureStatus::Eyewitness {
                continue;
            }
            let percent = n.kind == NumberKind::Percent;
            // an earlier war's toll (named by year or by decade) and a planned number are never
            // grouped with today's figures
            let era = match n.era_kind {
                crate::extract::Era::Current => None,
                crate::extract::Era::Historical => Some(n.era.unwrap_or(i64::MIN)),
                crate::extract::Era::Planned => Some(i64::MAX),
            };
            by_key
                .entry((m, n.subject, n.side, percent, era))
                .or_default()
                .push(Claim {
                    article: ai,
                    number: Some(ni),
                    parts: vec![],
                    value: v,
                    high: n.high,
                    qualifier: n.qualifier,
                    date: a.article.date.clone(),
                    event_date: incident_date(a, n),
                    event_place: n
                        .event
                        .and_then(|fi| a.facts.events.get(fi))
                        .and_then(|f| f.place.or(f.target)),
                    initial: n.status == crate::extract::FigureStatus::Initial,
                    several: n.several,
                });
        }
    }
    // parts that add up: sided figures of one article summed into the unsided group
    let mut sums: Vec<(GroupKey, Claim)> = Vec::new();
    for (&(m, subj, side, pct, era), claims) in &by_key {
        if side.is_some() || subj.is_none() {
            continue;
        }
        let mut per_article: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
        for (&(m2, s2, side2, p2, e2), cl2) in &by_key {
            if m2 == m && s2 == subj && p2 == pct && e2 == era && side2.is_some() {
                for c in cl2 {
                    per_article.entry(c.article).or_default().push(c);
                }
            }
        }
        for (ai, parts) in per_article {
            if parts.len() < 2 || claims.iter().any(|c| c.article == ai) {
                continue;
            }
            let value: f64 = parts.iter().map(|c| c.value).sum();
            let qualifier = if parts.iter().all(|c| c.qualifier == Qualifier::Exact) {
                Qualifier::Exact
            } else {
                Qualifier::AtLeast
            };
            let sum = Claim {
                article: ai,
                number: None,
                parts: parts.iter().filter_map(|c| c.number).collect(),
                value,
                high: None,
                qualifier,
                date: parts[0].date.clone(),
                event_date: None,
                event_place: None,
                initial: false,
                several: false,
            };
            // parts are recognised as a whole only where another source gives that whole
            if claims.iter().any(|c| compatible(c, &sum)) {
                sums.push(((m, subj, side, pct, era), sum));
            }
        }
    }
    for (k, c) in sums {
        by_key.entry(k).or_default().push(c);
    }
    let mut groups = Vec::new();
    for ((m, subject, side, percent, era_key), claims) in by_key {
        let era = match era_key {
            None => crate::extract::Era::Current,
            Some(i64::MAX) => crate::extract::Era::Planned,
            Some(_) => crate::extract::Era::Historical,
        };
        // figures of incidents of different dates or places (and undated, unplaced totals), and
        // a total over several incidents and one incident's figure, are never one group
        let mut by_event: BTreeMap<(Option<String>, Option<usize>, bool), Vec<Claim>> =
            BTreeMap::new();
        let mut claims = claims;
        same_day_give_or_take_one(&mut claims);
        let (only_date, only_place) = one_incident(&claims);
        for c in claims {
            let own_recent = c
                .event_date
                .as_ref()
                .is_none_or(|d| recent(d, c.date.as_deref()));
            let date = c
                .event_date
                .clone()
                .or_else(|| only_date.clone().filter(|d| recent(d, c.date.as_deref())));
            // an older incident told without a place is not the recent one's
            let place = c.event_place.or(only_place.filter(|_| own_recent));
            by_event
                .entry((date, place, c.several))
                .or_default()
                .push(c);
        }
        for ((incident_date, incident_place, several), cluster) in by_event
            .into_iter()
            .flat_map(|(k, v)| split_events(v).into_iter().map(move |c| (k.clone(), c)))
        {
            let sources = {
                let mut a: Vec<usize> = cluster.iter().map(|c| c.article).collect();
                a.sort_unstable();
                a.dedup();
                a.len()
            };
            let status = status(&cluster, g.measures[m].cumulative);
            groups.push(FigureGroup {
                id: String::new(),
                measure: m,
                subject,
                side,
                percent,
                era,
                claims: cluster,
                status,
                sources,
                incident_date,
                incident_place,
                several,
            });
        }
    }
    // conflicts first, then by measure order and size
    groups.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then(b.sources.cmp(&a.sources))
            .then(a.measure.cmp(&b.measure))
            .then(a.subject.cmp(&b.subject))
            .then(a.side.cmp(&b.side))
            .then(a.claims[0].value.total_cmp(&b.claims[0].value))
    });
    for (i, gr) in groups.iter_mut().enumerate() {
        gr.id = format!("f{}", i + 1);
    }
    groups
}

/// The date of the incident a figure counts: its frame's date; else a date told in its own
/// clause when that is more than 7 days before the report (an earlier attack named beside
/// today's toll) — a recent one there («ارتفع العدد صباح الجمعة إلى …») dates the count.
fn incident_date(a: &Analyzed, n: &crate::extract::Number) -> Option<String> {
    let framed = n.event.and_then(|fi| a.facts.events.get(fi)?.date.clone());
    let date = match framed {
        Some(d) => d,
        None => n
            .event_date
            .clone()
            .filter(|d| !recent(d, a.article.date.as_deref()))?,
    };
    (!date.starts_with('-')).then_some(date)
}

/// A figure told without a date (or place) is of the one dated (placed) incident when the
/// others name only one recent one (at most 7 days before its report; an older incident named
/// beside it is another), and it is recent for the figure's own report too. Returns
/// that date and that place; with several, or an older incident (a background attack named
/// beside today's toll), figures without them stay apart.
fn one_incident(claims: &[Claim]) -> (Option<String>, Option<usize>) {
    // older incidents (named beside today's) do not compete for the recent one
    let date = only_one(claims.iter().filter_map(|c| {
        c.event_date
            .as_ref()
            .filter(|d| recent(d, c.date.as_deref()))
    }))
    .cloned();
    let place = only_one(claims.iter().filter_map(|c| c.event_place)).filter(|&p| {
        claims.iter().filter(|c| c.event_place == Some(p)).all(|c| {
            c.event_date
                .as_ref()
                .is_none_or(|d| recent(d, c.date.as_deref()))
        })
    });
    (date, place)
}

/// Incident dates a day apart are one incident's (a paper dated the next morning says «أمس» of
/// the day another calls «اليوم»): each date becomes the earliest of its run of dates at most a
/// day after the run's first.
fn same_day_give_or_take_one(claims: &mut [Claim]) {
    use crate::extract::dates::{days_from_civil, parse_iso};
    let day = |s: &str| parse_iso(s).map(|(y, m, d)| days_from_civil(y, m, d));
    let mut dates: Vec<(i64, String)> = claims
        .iter()
        .filter_map(|c| c.event_date.as_ref())
        .filter_map(|d| Some((day(d)?, d.clone())))
        .collect();
    dates.sort();
    dates.dedup();
    let mut first: Option<(i64, String)> = None;
    let mut to: BTreeMap<String, String> = BTreeMap::new();
    for (n, d) in dates {
        match &first {
            Some((f, fd)) if n - f <= 1 => {
                to.insert(d, fd.clone());
            }
            _ => first = Some((n, d)),
        }
    }
    for c in claims.iter_mut() {
        if let Some(r) = c.event_date.as_ref().and_then(|d| to.get(d)) {
            c.event_date = Some(r.clone());
        }
    }
}

/// Is the incident date `d` at most 7 days before the report's date (and not after it)? (A
/// reprint runs days after the event; an earlier attack named beside it, weeks or years.)
fn recent(d: &str, report: Option<&str>) -> bool {
    use crate::extract::dates::{days_from_civil, parse_iso};
    let day = |s: &str| parse_iso(s).map(|(y, m, d)| days_from_civil(y, m, d));
    match (day(d), report.and_then(day)) {
        (Some(d), Some(r)) => (0..=7).contains(&(r - d)),
        _ => false,
    }
}

/// The one value the iterator yields (any number of times), or none when it yields none or
/// several different ones.
fn only_one<T: PartialEq>(mut it: impl Iterator<Item = T>) -> Option<T> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}

/// An article does not contradict itself: when one article gives two incompatible figures for
/// the same measure, subject and side (neither a first count it supersedes), they are about
/// different events (a past war and the
/// current fighting). With the claims sorted by value, each such pair needs a cut between
/// them; cuts go, greedily, at the widest gap (in log scale) of the range that needs one.
fn split_events(mut claims: Vec<Claim>) -> Vec<Vec<Claim>> {
    claims.sort_by(|a, b| a.value.total_cmp(&b.value).then(a.article.cmp(&b.article)));
    let n = claims.len();
    // ranges (lo, hi] of positions between which a cut is needed
    let mut need: Vec<(usize, usize)> = Vec::new();
    let mut by_article: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_article.entry(c.article).or_default().push(i);
    }
    for pos in by_article.values() {
        for w in pos.windows(2) {
            // a first count the same text supersedes is no other event
            let (a, b) = (&claims[w[0]], &claims[w[1]]);
            if !compatible(a, b) && !a.initial && !b.initial {
                need.push((w[0], w[1]));
            }
        }
    }
    need.sort_by_key(|&(lo, hi)| (hi, lo));
    let gap = |i: usize| (claims[i].value.max(1e-9) / claims[i - 1].value.max(1e-9)).ln();
    let mut cuts: Vec<usize> = Vec::new(); // a cut at i separates i-1 and i
    for (lo, hi) in need {
        if cuts.iter().any(|&c| lo < c && c <= hi) {
            continue;
        }
        let at = ((lo + 1)..=hi)
            .max_by(|&x, &y| gap(x).total_cmp(&gap(y)).then(y.cmp(&x)))
            .unwrap_or(hi);
        cuts.push(at);
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut rest = claims;
    for &c in cuts.iter().rev() {
        let tail = rest.split_off(c);
        out.push(tail);
    }
    out.push(rest);
    out.retain(|c| !c.is_empty());
    out.reverse();
    debug_assert_eq!(out.iter().map(Vec::len).sum::<usize>(), n);
    out
}

/// agree: the claims allow a common value (for intervals on a line, pairwise overlap is a
/// common point). update: the figures differ, every difference is between sources of different
/// dates, and for a cumulative measure no later figure is below an earlier one. conflict:
/// otherwise (same day, unknown dates, or a toll that went down).
pub fn status(claims: &[Claim], cumulative: bool) -> Status {
    let common = |cs: &mut dyn Iterator<Item = &Claim>| {
        let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
        for c in cs {
            let (a, b) = c.range();
            lo = lo.max(a);
            hi = hi.min(b);
        }
        lo <= hi + 1e-9
    };
    if common(&mut claims.iter()) {
        return Status::Agree;
    }
    if claims.iter().any(|c| c.date.is_none()) {
        return Status::Conflict;
    }
    let mut by_date: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_date
            .entry(c.date.as_deref().unwrap_or_default())
            .or_default()
            .push(c);
    }
    let mut earlier_lo = f64::NEG_INFINITY;
    for day in by_date.values_mut() {
        if !common(&mut day.iter().copied()) {
            // a preliminary count and the day's later one: an update within the day when the
            // later counts agree and none is below a preliminary one
            let (first, later): (Vec<&Claim>, Vec<&Claim>) = day.iter().partition(|c| c.initial);
            let grew = first.iter().all(|f| {
                later
                    .iter()
                    .all(|l| !cumulative || l.range().1 + 1e-9 >= f.range().0)
            });
            if first.is_empty() || later.is_empty() || !grew || !common(&mut later.iter().copied())
            {
                return Status::Conflict;
            }
            for c in &first {
                earlier_lo = earlier_lo.max(c.range().0);
            }
            *day = later;
        }
        if cumulative && day.iter().any(|c| c.range().1 < earlier_lo - 1e-9) {
            return Status::Conflict;
        }
        for c in day {
            earlier_lo = earlier_lo.max(c.range().0);
        }
    }
    Status::Update
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(article: usize, value: f64, q: Qualifier, date: Option<&str>) -> Claim {
        Claim {
            article,
            number: Some(0),
            parts: vec![],
            value,
            high: None,
            qualifier: q,
            date: date.map(str::to_string),
            event_date: None,
            event_place: None,
            initial: false,
            several: false,
        }
    }

    #[test]
    fn rising_toll_over_dates_is_an_update() {
        let c = vec![
            claim(0, 103.0, Qualifier::Exact, Some("2020-09-30")),
            claim(1, 400.0, Qualifier::MoreThan, Some("2020-10-09")),
            claim(2, 800.0, Qualifier::MoreThan, Some("2020-10-21")),
        ];
        assert_eq!(status(&c, true), Status::Update);
    }

    #[test]
    fn same_day_difference_is_a_conflict() {
        let c = vec![
            claim(0, 700.0, Qualifier::Exact, Some("2020-10-21")),
            claim(1, 800.0, Qualifier::Exact, Some("2020-10-21")),
        ];
        assert_eq!(status(&c, true), Status::Conflict);
        let c = vec![
            claim(0, 700.0, Qualifier::Exact, None),
            claim(1, 800.0, Qualifier::Exact, None),
        ];
        assert_eq!(status(&c, true), Status::Conflict);
    }

    #[test]
    fn a_toll_that_rises_within_one_day_is_an_update() {
        let first = Claim {
            initial: true,
            ..claim(0, 12.0, Qualifier::Exact, Some("2021-03-02"))
        };
        let c = vec![
            first.clone(),
            claim(1, 13.0, Qualifier::Exact, Some("2021-03-02")),
        ];
        assert_eq!(status(&c, true), Status::Update);
        // the later count below the preliminary one is no update
        let c = vec![
            Claim {
                value: 15.0,
                ..first.clone()
            },
            claim(1, 13.0, Qualifier::Exact, Some("2021-03-02")),
        ];
        assert_eq!(status(&c, true), Status::Conflict);
        // without a preliminary mark, the same two figures conflict
        let c = vec![
            claim(0, 12.0, Qualifier::Exact, Some("2021-03-02")),
            claim(1, 13.0, Qualifier::Exact, Some("2021-03-02")),
        ];
        assert_eq!(status(&c, true), Status::Conflict);
    }

    #[test]
    fn falling_toll_is_a_conflict_even_with_dates() {
        let c = vec![
            claim(0, 800.0, Qualifier::Exact, Some("2020-09-30")),
            claim(1, 400.0, Qualifier::Exact, Some("2020-10-09")),
        ];
        assert_eq!(status(&c, true), Status::Conflict);
        assert_eq!(status(&c, false), Status::Update);
    }

    #[test]
    fn qualifiers_make_figures_agree() {
        // "about 100" agrees with 96 (36 + 60); "more than 800" agrees with 800
        let c = vec![
            claim(0, 100.0, Qualifier::About, None),
            claim(1, 96.0, Qualifier::Exact, None),
        ];
        assert_eq!(status(&c, true), Status::Agree);
        let c = vec![
            claim(0, 800.0, Qualifier::MoreThan, None),
            claim(1, 800.0, Qualifier::Exact, None),
        ];
        assert_eq!(status(&c, true), Status::Agree);
    }

    #[test]
    fn an_article_with_two_figures_splits_events() {
        let c = vec![
            claim(0, 103.0, Qualifier::Exact, Some("2020-09-30")),
            claim(0, 30000.0, Qualifier::Exact, Some("2020-09-30")),
            claim(1, 800.0, Qualifier::MoreThan, Some("2020-10-21")),
            claim(1, 30000.0, Qualifier::Exact, Some("2020-10-21")),
        ];
        let parts = split_events(c);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].len(), 2);
        assert_eq!(status(&parts[1], true), Status::Agree);
        assert_eq!(status(&parts[0], true), Status::Update);
    }

    #[test]
    fn a_first_count_and_the_later_one_of_one_article_are_one_event() {
        let first = Claim {
            initial: true,
            ..claim(0, 10.0, Qualifier::Exact, Some("2021-03-02"))
        };
        let c = vec![
            first,
            claim(0, 27.0, Qualifier::Exact, Some("2021-03-02")),
            claim(1, 27.0, Qualifier::Exact, Some("2021-03-02")),
        ];
        let parts = split_events(c);
        assert_eq!(parts.len(), 1);
        assert_eq!(status(&parts[0], true), Status::Update);
    }
}
