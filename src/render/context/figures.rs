//! Key figures: one row per measure × subject × side × era, ranked by independent reports and
//! recency; today's figures apart from an earlier war's and from single-source minor figures.

use super::labels::Labels;
use super::{fmt_count, fmt_value, qualifier_en, status_ar, ClaimItem, FigureRow, ValueItem};
use crate::compare::{Claim, FigureGroup};
use crate::extract::Era;
use crate::glossary::Glossary;
use crate::Analyzed;
use serde::Serialize;

/// The main table holds at most this many rows.
pub const KEY_FIGURES_MAX: usize = 10;

/// One article's figures that no other source gives.
#[derive(Debug, Serialize)]
pub struct MinorFigures {
    pub source: String,
    /// «4 military equipment destroyed (drones), according to Azerbaijan».
    pub lines: Vec<String>,
}

pub struct KeyFigures {
    pub main: Vec<FigureRow>,
    /// Figures of an earlier time («about 30,000 killed — Demo Wire, 28 Sep»).
    pub background: Vec<String>,
    pub minor: Vec<MinorFigures>,
}

fn what(g: &Glossary, fg: &FigureGroup) -> (String, String) {
    let m = &g.measures[fg.measure];
    let mut what_en = m.en.clone();
    let mut what_ar = m.ar.clone();
    if let Some(s) = fg.subject {
        what_en = format!("{what_en} — {}", g.subjects[s].en);
        what_ar = format!("{what_ar} — {}", g.subjects[s].ar);
    }
    if let Some(sd) = fg.side {
        what_en = format!("{what_en} ({})", g.entities[sd].en);
        what_ar = format!("{what_ar} ({})", g.entities[sd].ar);
    }
    if fg.percent {
        what_en.push_str(", %");
        what_ar.push_str("، ٪");
    }
    match fg.era {
        Era::Historical => {
            what_en.push_str(" — an earlier time, not today's events");
            what_ar.push_str(" — في وقت سابق");
        }
        Era::Planned => {
            what_en.push_str(" — planned or agreed");
            what_ar.push_str(" — مخطط أو متفق عليه");
        }
        Era::Current => {}
    }
    (what_en, what_ar)
}

fn claim_item(
    g: &Glossary,
    arts: &[Analyzed],
    labels: &Labels,
    fg: &FigureGroup,
    c: &Claim,
) -> ClaimItem {
    let surface = c.surface(arts);
    let attributed = c.attributed_to(arts);
    let mut value_en = format!(
        "{}{}",
        qualifier_en(c.qualifier),
        fmt_count(c.value, &surface)
    );
    if let Some(h) = c.high {
        value_en = format!("{}–{}", fmt_value(c.value), fmt_value(h));
    }
    if fg.percent {
        value_en.push('%');
    }
    if c.number.is_none() {
        value_en = format!("{value_en} (sum of parts)");
    }
    if c.initial {
        value_en.push_str(" (first count)");
    }
    ClaimItem {
        article: c.article,
        source: labels.of(c.article),
        date: c.date.clone(),
        surface,
        value_en,
        attributed_en: attributed
            .map(|e| g.entities[e].en.clone())
            .unwrap_or_default(),
        attributed_ar: attributed
            .map(|e| g.entities[e].ar.clone())
            .unwrap_or_default(),
    }
}

/// The claims in the order of their stories' first print (a reprint counts on its first day),
/// then by value.
fn ordered<'a>(fg: &'a FigureGroup, labels: &Labels) -> Vec<&'a Claim> {
    let mut order: Vec<&Claim> = fg.claims.iter().collect();
    order.sort_by(|a, b| {
        labels
            .first_date(a.article)
            .cmp(&labels.first_date(b.article))
            .then(b.initial.cmp(&a.initial))
            .then(a.value.total_cmp(&b.value))
            .then(a.article.cmp(&b.article))
    });
    order
}

pub fn figure_row(g: &Glossary, arts: &[Analyzed], labels: &Labels, fg: &FigureGroup) -> FigureRow {
    let (what_en, what_ar) = what(g, fg);
    let order = ordered(fg, labels);
    let claims: Vec<ClaimItem> = order
        .iter()
        .map(|c| claim_item(g, arts, labels, fg, c))
        .collect();
    // the latest: the newest first print's counts that are not preliminary
    let last_day = order.last().and_then(|c| labels.first_date(c.article));
    let newest: Vec<usize> = (0..order.len())
        .filter(|&i| labels.first_date(order[i].article) == last_day && !order[i].initial)
        .collect();
    let newest = if newest.is_empty() {
        vec![order.len() - 1]
    } else {
        newest
    };
    let latest_i = *newest
        .iter()
        .max_by(|&&x, &&y| order[x].value.total_cmp(&order[y].value))
        .expect("a group has claims");
    let lo_i = *newest
        .iter()
        .min_by(|&&x, &&y| order[x].value.total_cmp(&order[y].value))
        .expect("a group has claims");
    // equal numbers with different qualifiers («about 100», «100») are no range
    let best_en = if order[lo_i].value == order[latest_i].value {
        claims[latest_i].value_en.clone()
    } else {
        format!("{} to {}", claims[lo_i].value_en, claims[latest_i].value_en)
    };
    let mut trail: Vec<String> = Vec::new();
    for c in &claims {
        if trail.last() != Some(&c.value_en) {
            trail.push(c.value_en.clone());
        }
    }
    let mut according: Vec<String> = Vec::new();
    let mut unattributed = 0;
    for c in &claims {
        if c.attributed_en.is_empty() {
            unattributed += 1;
        } else if !according.contains(&c.attributed_en) {
            according.push(c.attributed_en.clone());
        }
    }
    let mut according_en = according.join(", ");
    if unattributed > 0 && !according.is_empty() {
        according_en.push_str(&format!("; {unattributed} with no speaker identified"));
    }
    let reports = labels.independent(fg.claims.iter().map(|c| c.article));
    let single = reports < 2;
    FigureRow {
        id: fg.id.clone(),
        base_en: what_en.clone(),
        what_en,
        what_ar,
        status: if single {
            "single source"
        } else {
            fg.status.as_str()
        },
        status_ar: if single {
            "مصدر واحد"
        } else {
            status_ar(fg.status)
        },
        by_value: by_value(&claims, labels, None),
        others_by_value: by_value(&claims, labels, Some(&claims[latest_i])),
        latest: claims[latest_i].clone(),
        others: shown(&claims, latest_i),
        shown: shown(&claims, usize::MAX),
        best_en,
        according_en,
        one_sided_en: one_sided(g, arts, fg),
        reports,
        claims,
        source_count: fg.sources,
        trail_en: trail.join(" → "),
    }
}

/// The claims grouped by value, in order of first report; without `skip`'s report of its value
/// (the latest, shown on its own).
fn by_value(claims: &[ClaimItem], labels: &Labels, skip: Option<&ClaimItem>) -> Vec<ValueItem> {
    let kept =
        |c: &&ClaimItem| skip.is_none_or(|s| !(s.article == c.article && s.value_en == c.value_en));
    let mut values: Vec<&String> = Vec::new();
    for c in claims.iter().filter(kept) {
        if !values.contains(&&c.value_en) {
            values.push(&c.value_en);
        }
    }
    values
        .into_iter()
        .map(|v| {
            let of: Vec<&ClaimItem> = claims
                .iter()
                .filter(kept)
                .filter(|c| &c.value_en == v)
                .collect();
            let reports = labels.independent(of.iter().map(|c| c.article));
            let names = |f: fn(&ClaimItem) -> &String, sep: &str| {
                let mut out: Vec<&String> = Vec::new();
                for c in &of {
                    if !f(c).is_empty() && !out.contains(&f(c)) {
                        out.push(f(c));
                    }
                }
                out.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(sep)
            };
            let mut srcs: Vec<&str> = of.iter().map(|c| c.source.as_str()).collect();
            srcs.dedup();
            // two reports are named; more are counted (copies of one story count once)
            let (sources_en, sources_ar) = match (srcs.len(), reports) {
                (1 | 2, _) => (srcs.join("; "), srcs.join("؛ ")),
                (n, 1) => (
                    format!("{n} copies of one story"),
                    format!("{n} نسخ من خبر واحد"),
                ),
                (_, 2) => ("2 reports".into(), "تقريران".into()),
                (_, n) => (format!("{n} reports"), format!("{n} تقارير")),
            };
            ValueItem {
                value_en: v.clone(),
                // as the attributed report wrote it (a body sentence rather than its headline)
                surface: of
                    .iter()
                    .find(|c| !c.attributed_en.is_empty())
                    .unwrap_or(&of[0])
                    .surface
                    .clone(),
                sources_en,
                sources_ar,
                attributed_en: names(|c| &c.attributed_en, ", "),
                attributed_ar: names(|c| &c.attributed_ar, "، "),
            }
        })
        .collect()
}

/// The claims but `skip`, one per article and value (a headline and its body giving «more
/// than 230» twice are one claim; the attributed one is kept).
fn shown(claims: &[ClaimItem], skip: usize) -> Vec<ClaimItem> {
    let mut out: Vec<ClaimItem> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let same = |o: &ClaimItem| o.article == c.article && o.value_en == c.value_en;
        if i == skip || (skip < claims.len() && same(&claims[skip])) {
            continue;
        }
        match out.iter_mut().find(|o| same(o)) {
            Some(o) if o.attributed_en.is_empty() => *o = c.clone(),
            Some(_) => {}
            None => out.push(c.clone()),
        }
    }
    out
}

/// Every claim of the group attributed, and all to one side (a state and its ministries): the
/// English name of that side.
fn one_sided(g: &Glossary, arts: &[Analyzed], fg: &FigureGroup) -> String {
    let sides: Option<Vec<usize>> = fg
        .claims
        .iter()
        .map(|c| {
            c.attributed_to(arts)
                .map(|e| g.entities[e].side.unwrap_or(e))
        })
        .collect();
    match sides.as_deref() {
        Some([first, rest @ ..]) if fg.claims.len() > 1 && rest.iter().all(|s| s == first) => {
            g.entities[*first].en.clone()
        }
        _ => String::new(),
    }
}

/// Rows that count the same thing in different incidents say which: «killed — in Ganja, 4 Oct»,
/// «killed — several events». Rows the incident does not tell apart keep their name (the
/// briefing shows the most reported of them, the others with the figures of one report).
fn tell_incidents_apart(g: &Glossary, groups: &[FigureGroup], rows: &mut [FigureRow]) {
    let label = |fg: &FigureGroup| {
        let mut en: Vec<String> = Vec::new();
        let mut ar: Vec<String> = Vec::new();
        if fg.several {
            en.push("several events".into());
            ar.push("عدة أحداث".into());
        }
        if let Some(p) = fg.incident_place {
            en.push(format!("in {}", g.entities[p].en));
            ar.push(format!("في {}", g.entities[p].ar));
        }
        if let Some(d) = fg.incident_date.as_deref() {
            en.push(super::labels::short_date(d).unwrap_or_else(|| d.to_string()));
            ar.push(d.to_string());
        }
        if en.is_empty() {
            en.push("no incident named".into());
            ar.push("دون تحديد الحدث".into());
        }
        (en.join(", "), ar.join("، "))
    };
    let labels: Vec<(String, String)> = groups.iter().map(label).collect();
    let mut distinct: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for (r, l) in rows.iter().zip(&labels) {
        let v = distinct.entry(r.base_en.as_str()).or_default();
        if !v.contains(&l.0.as_str()) {
            v.push(&l.0);
        }
    }
    let apart: Vec<bool> = rows
        .iter()
        .map(|r| distinct[r.base_en.as_str()].len() > 1)
        .collect();
    for ((r, (en, ar)), apart) in rows.iter_mut().zip(&labels).zip(apart) {
        if apart {
            r.what_en = format!("{} — {en}", r.what_en);
            r.what_ar = format!("{} — {ar}", r.what_ar);
        }
    }
}

/// The groups of figures, split as the briefing shows them.
pub fn key_figures(
    g: &Glossary,
    arts: &[Analyzed],
    labels: &Labels,
    groups: &[FigureGroup],
) -> KeyFigures {
    let mut rows: Vec<FigureRow> = groups
        .iter()
        .map(|f| figure_row(g, arts, labels, f))
        .collect();
    tell_incidents_apart(g, groups, &mut rows);
    // most independent reports, then the newest, then the glossary's order of measures
    let newest: Vec<Option<&str>> = rows
        .iter()
        .map(|r| r.claims.iter().filter_map(|c| c.date.as_deref()).max())
        .collect();
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..rows.len()).collect();
        o.sort_by(|&a, &b| {
            rows[b]
                .reports
                .cmp(&rows[a].reports)
                .then(
                    newest[b]
                        .unwrap_or_default()
                        .cmp(newest[a].unwrap_or_default()),
                )
                .then(groups[a].measure.cmp(&groups[b].measure))
                .then(rows[a].id.cmp(&rows[b].id))
        });
        o
    };
    let mut main = Vec::new();
    let mut background = Vec::new();
    let mut minor: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    let mut taken: Vec<Option<FigureRow>> = rows.drain(..).map(Some).collect();
    for i in order {
        let row = taken[i].take().expect("each row once");
        if groups[i].era == Era::Historical {
            let srcs: Vec<String> = row.claims.iter().map(|c| c.source.clone()).collect();
            background.push(format!(
                "{} {} ({})",
                row.best_en,
                g.measures[groups[i].measure].en,
                srcs.join("; ")
            ));
        } else if row.reports >= 2
            && main.len() < KEY_FIGURES_MAX
            && !main.iter().any(|m: &FigureRow| m.what_en == row.what_en)
        {
            // one row per thing counted: a less reported count of the same (an early count, a
            // part) goes with the figures of one report
            main.push(row);
        } else {
            for c in &row.claims {
                let mut line = format!("{} — {}", c.value_en, row.what_en);
                if !c.attributed_en.is_empty() {
                    line.push_str(&format!(", according to {}", c.attributed_en));
                }
                minor.entry(c.article).or_default().push(line);
            }
        }
    }
    KeyFigures {
        main,
        background,
        minor: minor
            .into_iter()
            .map(|(ai, mut lines)| {
                lines.dedup();
                MinorFigures {
                    source: labels.of(ai),
                    lines,
                }
            })
            .collect(),
    }
}
