//! Analysis → the typed template context of the briefing, the disagreements and the names
//! report. Every field is documented here because users write templates against it
//! (`mizan brief --dump-context` prints it as JSON).
//!
//! The English half is built only from structured data (glossary names and roles, measure and
//! event words, figures, dates); the Arabic half quotes the original sentences.

#[cfg(test)]
mod check;
mod events;
mod figures;
mod gloss;
mod labels;
mod lede;
mod quotes;
pub mod sentence;

pub use figures::MinorFigures;
pub use labels::{human_date, short_date};
pub use lede::Line;
pub use quotes::QuoteItem;
pub use sentence::Sentence;

use crate::compare::{DiffKind, Op, Status};
use crate::extract::{Polarity, Qualifier};
use crate::glossary::{EntityKind, Glossary};
use crate::names::FindingKind;
use crate::Analysis;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Everything the templates see.
#[derive(Debug, Serialize)]
pub struct Context {
    /// Number of articles read.
    pub article_count: usize,
    /// Earliest and latest article dates (YYYY-MM-DD), if any article is dated.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The sources, in input order (the first [`SOURCES_MAX`]).
    pub sources: Vec<Source>,
    /// How many sources are left out of `sources` (all are in facts.json).
    pub sources_more: usize,
    /// Independent reports: copies of one wire story count once.
    pub report_count: usize,
    /// Articles that reprint another one's story (`article_count - report_count`).
    pub copy_count: usize,
    /// 3 to 5 lines: the events most sources report, the best current figures, the main dispute.
    pub lede: Vec<Line>,
    /// Denials beside what they deny, conflicting figures, figures from one side only.
    pub contested: Vec<Line>,
    /// Key figures: at most [`figures::KEY_FIGURES_MAX`] rows of figures that two or more
    /// independent reports give, most reported and newest first.
    pub figures: Vec<FigureRow>,
    /// Figures of an earlier time (a past war's toll), one line each.
    pub background: Vec<String>,
    /// Figures that only one report gives, per article (appendix).
    pub minor_figures: Vec<MinorFigures>,
    /// One row per event (the same frame in several articles merged), oldest first, dated by
    /// the event's own date.
    pub timeline: Vec<TimelineItem>,
    /// People, places, countries and organisations mentioned, most mentioned first.
    pub entities: Vec<EntityRow>,
    /// Entity × source: the column labels and one row per entity.
    pub coverage: Coverage,
    /// Quoted statements with their speakers.
    pub quotes: Vec<QuoteItem>,
    /// Figure groups with two or more sources, conflicts first.
    pub figure_disagreements: Vec<FigureRow>,
    /// Aligned sentence pairs that differ, content changes first.
    pub wording: Vec<WordingItem>,
    /// Counts of figure statuses: conflicts, updates, agreements.
    pub status_counts: StatusCounts,
    /// Name consistency: one entry per entity with findings.
    pub names: Vec<NameItem>,
    /// Counts of name findings by kind.
    pub name_counts: NameCounts,
    /// Candidate glossary additions, as a YAML snippet (empty when there are none).
    pub suggestions_yaml: String,
    pub suggestions: Vec<SuggestionItem>,
    /// Loaded wording by outlet (the glossary's `framing:` sets), for the appendix.
    pub framing: crate::framing::FramingReport,
}

#[derive(Debug, Serialize)]
pub struct Source {
    pub id: String,
    /// The outlet when known, else the article id.
    pub label: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimItem {
    #[serde(skip)]
    pub article: usize,
    pub source: String,
    pub date: Option<String>,
    /// The figure as written (Arabic), e.g. "أكثر من 800".
    pub surface: String,
    /// The figure in English words, e.g. "more than 800".
    pub value_en: String,
    /// Who says so, in English and Arabic (empty when the sentence names no one).
    pub attributed_en: String,
    pub attributed_ar: String,
}

/// One value of a figure and the reports that give it.
#[derive(Debug, Clone, Serialize)]
pub struct ValueItem {
    pub value_en: String,
    /// As the first report wrote it.
    pub surface: String,
    /// The report's label, or «5 reports» (independent ones) when several give it.
    pub sources_en: String,
    pub sources_ar: String,
    /// Who says so, each name once: «Armenia, Azerbaijan».
    pub attributed_en: String,
    pub attributed_ar: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub id: String,
    /// e.g. "killed — civilians (Armenia)", with the incident («in Ganja, 4 Oct») when another
    /// row counts the same thing in another incident.
    pub what_en: String,
    /// The same without the incident.
    pub base_en: String,
    pub what_ar: String,
    pub status: &'static str,
    pub status_ar: &'static str,
    pub latest: ClaimItem,
    /// Earlier or other claims, oldest first (one per article and value).
    pub others: Vec<ClaimItem>,
    /// Every claim, oldest first, one per article and value.
    pub shown: Vec<ClaimItem>,
    /// The claims by value, in order of first report: what a long list of reports says in short.
    pub by_value: Vec<ValueItem>,
    /// The same without the latest claim's value.
    pub others_by_value: Vec<ValueItem>,
    /// All claims, oldest first.
    pub claims: Vec<ClaimItem>,
    pub source_count: usize,
    /// Independent reports (copies of one wire story count once).
    pub reports: usize,
    /// "103 → more than 400 → more than 800".
    pub trail_en: String,
    /// The latest value, or the range of the latest day's counts: «12 to 13».
    pub best_en: String,
    /// Who gives the figures, by name: «Armenia, Azerbaijan; 2 with no speaker identified».
    pub according_en: String,
    /// When every figure of the row comes from one side: that side.
    pub one_sided_en: String,
}

#[derive(Debug, Serialize)]
pub struct TimelineItem {
    /// ISO date of the event.
    pub date: String,
    pub line: Line,
}

#[derive(Debug, Serialize)]
pub struct EntityRow {
    pub id: String,
    pub en: String,
    pub ar: String,
    pub kind: &'static str,
    pub role_en: String,
    pub role_ar: String,
    /// Other names of the same place or body (`same_as` either way), with the glossary's note;
    /// empty when there are none.
    pub same_as_en: String,
    pub same_as_ar: String,
    pub mentions: usize,
    /// Labels of the sources that mention it (the first [`LIST_MAX`]).
    pub sources: Vec<String>,
    /// How many sources mention it, and how many are left out of `sources`.
    pub source_count: usize,
    pub more_sources: usize,
}

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub columns: Vec<String>,
    pub rows: Vec<CoverageRow>,
}

#[derive(Debug, Serialize)]
pub struct CoverageRow {
    pub en: String,
    /// Mentions per source, in column order ("" for none).
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct WordingItem {
    pub id: String,
    /// "content" or "spelling".
    pub kind: &'static str,
    pub score: f64,
    pub a_source: String,
    pub b_source: String,
    pub a_date: Option<String>,
    pub b_date: Option<String>,
    pub a_text: String,
    pub b_text: String,
    /// The word diff as Markdown: ~~removed~~ and **added**.
    pub diff_md: String,
    /// Spelling differences of one entity, e.g. "Zohrab Mnatsakanyan: زهراب ناتساكانيان → زوهراب مناتساكانيان".
    pub spellings: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct StatusCounts {
    pub conflict: usize,
    pub update: usize,
    pub agree: usize,
}

#[derive(Debug, Serialize)]
pub struct NameItem {
    pub entity: String,
    pub en: String,
    pub ar: String,
    /// As [`EntityRow::same_as_en`]: the other names of the same place, with the note.
    pub same_as_en: String,
    pub same_as_ar: String,
    /// One row per source: its label and the forms it used.
    pub forms: Vec<FormRow>,
    pub findings: Vec<FindingItem>,
}

#[derive(Debug, Serialize)]
pub struct FormRow {
    pub source: String,
    pub forms: String,
}

#[derive(Debug, Serialize)]
pub struct FindingItem {
    pub kind: &'static str,
    pub severity: &'static str,
    pub message: String,
}

#[derive(Debug, Default, Serialize)]
pub struct NameCounts {
    pub within_source: usize,
    pub cross_source: usize,
    pub not_preferred: usize,
    pub unknown_variant: usize,
    pub confusable: usize,
}

#[derive(Debug, Serialize)]
pub struct SuggestionItem {
    pub surface: String,
    pub sources: Vec<String>,
    pub near_en: String,
    pub reason: String,
}

/// How many timeline entries and coverage rows at most.
const TIMELINE_MAX: usize = 25;
const COVERAGE_MAX: usize = 30;
const COVERAGE_COLUMNS: usize = 12;
/// Source lists in the briefing name at most this many.
pub const LIST_MAX: usize = 8;
/// The sources table lists at most this many.
pub const SOURCES_MAX: usize = 200;
const ENTITIES_MAX: usize = 60;
const WORDING_MAX: usize = 300;

/// 2^53: above it an f64 no longer holds every integer, and a figure shown from its value
/// would not be the one the source wrote.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// A figure's value for the English half, or the source's own written form when the value is
/// beyond what can be shown exactly (`9223372036854775807` would otherwise print as the
/// largest i64, `1e400` as infinity).
pub(crate) fn fmt_count(v: f64, written: &str) -> String {
    if v.is_finite() && v.abs() <= MAX_EXACT {
        fmt_value(v)
    } else {
        written.trim().to_string()
    }
}

pub(crate) fn fmt_value(v: f64) -> String {
    if !v.is_finite() || v.abs() > MAX_EXACT {
        return format!("{v:e}");
    }
    if v.fract() == 0.0 {
        let n = v as i64;
        let s = n.abs().to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{v:.1}")
    }
}

pub(crate) fn qualifier_en(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::LessThan => "fewer than ",
        Qualifier::About => "about ",
        Qualifier::AtLeast => "at least ",
        Qualifier::AtMost => "at most ",
    }
}

pub(crate) fn status_ar(s: Status) -> &'static str {
    match s {
        Status::Agree => "متفق",
        Status::Update => "تحديث",
        Status::Conflict => "تعارض",
    }
}

/// The entities `same_as` ties to `e` (its own `same_as`, and those that name it), as English
/// and Arabic text: "Martakert (Azerbaijani name of Martakert)".
fn same_as_text(g: &Glossary, e: usize) -> (String, String) {
    let mut en = Vec::new();
    let mut ar = Vec::new();
    if let Some((t, note)) = &g.entities[e].same_as {
        en.push(format!("{} ({})", g.entities[*t].en, note.en));
        ar.push(format!("{} ({})", g.entities[*t].ar, note.ar));
    }
    for o in g
        .entities
        .iter()
        .filter(|o| o.same_as.as_ref().is_some_and(|s| s.0 == e))
    {
        let note = &o.same_as.as_ref().expect("filtered on same_as").1;
        en.push(format!("{} ({})", o.en, note.en));
        ar.push(format!("{} ({})", o.ar, note.ar));
    }
    (en.join("; "), ar.join("؛ "))
}

pub(crate) fn entity_label(g: &Glossary, e: usize) -> String {
    let ent = &g.entities[e];
    match (&ent.role, ent.kind) {
        (Some(r), EntityKind::Person) => format!("{} ({})", ent.en, r.en),
        _ => ent.en.clone(),
    }
}

pub fn build(g: &Glossary, an: &Analysis) -> Context {
    let arts = &an.articles;
    let labels = labels::Labels::new(arts, &an.copies);
    let dates: Vec<&String> = arts
        .iter()
        .filter_map(|a| a.article.date.as_ref())
        .collect();
    let sources_more = arts.len().saturating_sub(SOURCES_MAX);
    let sources: Vec<Source> = arts
        .iter()
        .take(SOURCES_MAX)
        .enumerate()
        .map(|(i, a)| Source {
            id: a.article.id.clone(),
            label: labels.of(i),
            outlet: a.article.outlet.clone(),
            date: a.article.date.clone(),
            title: a.article.title.clone(),
            url: a.article.url.clone(),
        })
        .collect();
    let report_count = labels.independent(0..arts.len());

    // ---- events, figures, and the lines built from them
    let sentence_ar = |ai: usize, fi: usize| {
        let a = &arts[ai];
        let s = &a.article.sentences[a.facts.events[fi].sentence];
        a.article.text[s.start..s.end].trim().to_string()
    };
    let events = events::groups(g, arts, &labels);
    let key = figures::key_figures(g, arts, &labels, &an.comparison.figures);
    let contested = lede::contested(&events, &key.main, &labels, sentence_ar);
    let lede = lede::lede(&events, &key.main, &contested, &labels, sentence_ar);
    let figure_disagreements: Vec<FigureRow> = an
        .comparison
        .figures
        .iter()
        .filter(|f| f.sources >= 2)
        .map(|f| figures::figure_row(g, arts, &labels, f))
        .collect();
    let mut status_counts = StatusCounts::default();
    for f in an.comparison.figures.iter().filter(|f| f.sources >= 2) {
        match f.status {
            Status::Conflict => status_counts.conflict += 1,
            Status::Update => status_counts.update += 1,
            Status::Agree => status_counts.agree += 1,
        }
    }

    // ---- timeline: one row per event that happened, by the event's own date
    let mut timeline: Vec<TimelineItem> = events
        .iter()
        .filter(|e| matches!(e.polarity, Polarity::Affirmed | Polarity::Denied))
        .filter_map(|e| {
            Some(TimelineItem {
                date: e.date.clone()?,
                line: lede::event_line("event", e, &labels, sentence_ar),
            })
        })
        .collect();
    timeline.sort_by(|a, b| a.date.cmp(&b.date));
    if timeline.len() > TIMELINE_MAX {
        // keep the latest entries: the morning reader wants what is new
        timeline.drain(..timeline.len() - TIMELINE_MAX);
    }

    // ---- entities and coverage
    let mut count: BTreeMap<usize, (usize, BTreeSet<usize>)> = BTreeMap::new();
    let mut per_source: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (ai, a) in arts.iter().enumerate() {
        for m in &a.mentions {
            let e = count.entry(m.entity).or_default();
            e.0 += 1;
            e.1.insert(ai);
            *per_source.entry((m.entity, ai)).or_default() += 1;
        }
    }
    let mut ents: Vec<(usize, usize, BTreeSet<usize>)> =
        count.into_iter().map(|(e, (n, s))| (e, n, s)).collect();
    ents.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(g.entities[a.0].id.cmp(&g.entities[b.0].id))
    });
    let entities: Vec<EntityRow> = ents
        .iter()
        .take(ENTITIES_MAX)
        .map(|(e, n, srcs)| {
            let ent = &g.entities[*e];
            let (same_as_en, same_as_ar) = same_as_text(g, *e);
            EntityRow {
                id: ent.id.clone(),
                en: ent.en.clone(),
                ar: ent.ar.clone(),
                kind: ent.kind.as_str(),
                role_en: ent.role.as_ref().map(|r| r.en.clone()).unwrap_or_default(),
                role_ar: ent.role.as_ref().map(|r| r.ar.clone()).unwrap_or_default(),
                same_as_en,
                same_as_ar,
                mentions: *n,
                sources: srcs.iter().take(LIST_MAX).map(|&s| labels.of(s)).collect(),
                source_count: srcs.len(),
                more_sources: srcs.len().saturating_sub(LIST_MAX),
            }
        })
        .collect();
    // columns: every source, or the COVERAGE_COLUMNS with the most mentions in a large corpus
    let mut cols: Vec<usize> = (0..arts.len()).collect();
    if cols.len() > COVERAGE_COLUMNS {
        cols.sort_by_key(|&ai| (std::cmp::Reverse(arts[ai].mentions.len()), ai));
        cols.truncate(COVERAGE_COLUMNS);
        cols.sort_unstable();
    }
    let coverage = Coverage {
        columns: cols.iter().map(|&ai| labels.of(ai)).collect(),
        rows: ents
            .iter()
            .take(COVERAGE_MAX)
            .map(|(e, _, _)| CoverageRow {
                en: g.entities[*e].en.clone(),
                cells: cols
                    .iter()
                    .copied()
                    .map(|ai| {
                        per_source
                            .get(&(*e, ai))
                            .map(|n| n.to_string())
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect(),
    };

    let quotes = quotes::quotes(g, arts, &labels);

    // ---- wording diffs: content changes first, then respellings; text only for those shown
    let kinds = &an.comparison.labels;
    let mut order: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] != DiffKind::Same)
        .collect();
    order.sort_by_key(|&i| (kinds[i] != DiffKind::Content, i));
    order.truncate(WORDING_MAX);
    let mut wording: Vec<WordingItem> = Vec::new();
    for i in order {
        let al = &an.alignments[i];
        let d = crate::compare::word_diff(g, arts, i, al);
        let text = |(ai, si): (usize, usize)| {
            let a = &arts[ai];
            let s = &a.article.sentences[si];
            a.article.text[s.start..s.end].to_string()
        };
        let mut md = String::new();
        let mut spellings = Vec::new();
        let mut k = 0;
        while k < d.pieces.len() {
            let p = &d.pieces[k];
            if !md.is_empty() {
                md.push(' ');
            }
            match p.op {
                Op::Equal => md.push_str(&super::escape_md(&p.text)),
                Op::Delete => {
                    if let (Some(ent), Some(next)) = (&p.spelling_of, d.pieces.get(k + 1)) {
                        let en = g
                            .entity(ent)
                            .map(|e| g.entities[e].en.clone())
                            .unwrap_or_default();
                        spellings.push(format!("{en}: «{}» → «{}»", p.text, next.text));
                        md.push_str(&format!("_{}_", super::escape_md(&next.text)));
                        k += 2;
                        continue;
                    }
                    md.push_str(&format!("~~{}~~", super::escape_md(&p.text)));
                }
                Op::Insert => md.push_str(&format!("**{}**", super::escape_md(&p.text))),
            }
            k += 1;
        }
        wording.push(WordingItem {
            id: format!("a{}", i + 1),
            kind: if kinds[i] == DiffKind::Content {
                "content"
            } else {
                "spelling"
            },
            score: al.score,
            a_source: labels.of(al.a.0),
            b_source: labels.of(al.b.0),
            a_date: arts[al.a.0].article.date.clone(),
            b_date: arts[al.b.0].article.date.clone(),
            a_text: text(al.a),
            b_text: text(al.b),
            diff_md: md,
            spellings,
        });
    }

    // ---- names
    let mut name_counts = NameCounts::default();
    let mut names = Vec::new();
    for en in &an.names.entities {
        let tied = g.entities[en.entity].same_as.is_some()
            || g.entities
                .iter()
                .any(|o| o.same_as.as_ref().is_some_and(|s| s.0 == en.entity));
        if en.findings.is_empty() && !tied {
            continue;
        }
        for f in &en.findings {
            match f.kind {
                FindingKind::WithinSource => name_counts.within_source += 1,
                FindingKind::CrossSource => name_counts.cross_source += 1,
                FindingKind::NotPreferred => name_counts.not_preferred += 1,
                FindingKind::UnknownVariant => name_counts.unknown_variant += 1,
                FindingKind::Confusable => name_counts.confusable += 1,
            }
        }
        let e = &g.entities[en.entity];
        let (same_as_en, same_as_ar) = same_as_text(g, en.entity);
        names.push(NameItem {
            entity: e.id.clone(),
            en: e.en.clone(),
            ar: e.ar.clone(),
            same_as_en,
            same_as_ar,
            forms: en
                .forms
                .iter()
                .filter(|(_, f)| !f.is_empty())
                .map(|(&ai, f)| FormRow {
                    source: labels.of(ai),
                    forms: f
                        .iter()
                        .map(|x| format!("«{x}»"))
                        .collect::<Vec<_>>()
                        .join("، "),
                })
                .collect(),
            findings: en
                .findings
                .iter()
                .map(|f| FindingItem {
                    kind: f.kind.as_str(),
                    severity: f.kind.severity().as_str(),
                    message: labels.relabel(&f.message),
                })
                .collect(),
        });
    }
    // most severe first
    names.sort_by(|a, b| {
        let sev = |n: &NameItem| {
            n.findings
                .iter()
                .map(|f| sev_rank(f.severity))
                .max()
                .unwrap_or(0)
        };
        sev(b).cmp(&sev(a)).then(a.entity.cmp(&b.entity))
    });
    let suggestions: Vec<SuggestionItem> = an
        .names
        .suggestions
        .iter()
        .map(|s| SuggestionItem {
            surface: s.surface.clone(),
            sources: s.articles.iter().map(|&a| labels.of(a)).collect(),
            near_en: s
                .near_entity
                .map(|e| g.entities[e].en.clone())
                .unwrap_or_default(),
            reason: s.reason.clone(),
        })
        .collect();
    Context {
        article_count: arts.len(),
        sources_more,
        first_date: dates.iter().min().map(|s| s.to_string()),
        last_date: dates.iter().max().map(|s| s.to_string()),
        sources,
        report_count,
        copy_count: arts.len() - report_count,
        lede,
        contested,
        figures: key.main,
        background: key.background,
        minor_figures: key.minor,
        timeline,
        entities,
        coverage,
        quotes,
        figure_disagreements,
        wording,
        status_counts,
        names,
        name_counts,
        suggestions_yaml: suggestions_yaml(g, an),
        suggestions,
        framing: relabel_framing(crate::framing::report(g, arts), &labels),
    }
}

/// The framing appendix names sentences by their facts.json id («02-toll-rises:3»): show the
/// source's label instead («Al-Mizan Daily, 5 Oct §3»), and key the links by label, so no file
/// name or hash stands in the Markdown where an outlet or address is known.
fn relabel_framing(
    mut r: crate::framing::FramingReport,
    labels: &labels::Labels,
) -> crate::framing::FramingReport {
    let fix = |s: &mut crate::framing::SentenceRef| {
        if let Some((art, n)) = s.id.rsplit_once(':') {
            s.id = format!("{} §{n}", labels.relabel(art));
        }
        s.article = labels.relabel(&s.article);
    };
    for set in &mut r.sets {
        for row in &mut set.outlets {
            row.outlet = labels.relabel(&row.outlet);
            for cell in &mut row.cells {
                cell.refs.iter_mut().for_each(fix);
            }
        }
    }
    for q in &mut r.quoted {
        q.outlet = labels.relabel(&q.outlet);
        fix(&mut q.sentence);
    }
    for l in &mut r.links {
        l.article = labels.relabel(&l.article);
    }
    r
}

fn sev_rank(s: &str) -> u8 {
    match s {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    }
}

/// Suggestions as glossary YAML to paste: variants for known entities, new entries otherwise.
pub fn suggestions_yaml(g: &Glossary, an: &Analysis) -> String {
    let mut by_entity: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut new_names: Vec<String> = Vec::new();
    for s in &an.names.suggestions {
        match s.near_entity {
            Some(e) => by_entity
                .entry(g.entities[e].id.clone())
                .or_default()
                .push(s.surface.clone()),
            None => new_names.push(s.surface.clone()),
        }
    }
    let mut out = String::new();
    if !by_entity.is_empty() {
        out.push_str("# add to the variants of these entities (check each one first):\n");
        for (id, forms) in &by_entity {
            out.push_str(&format!(
                "# - id: {id}\n#   variants: [{}]\n",
                forms.join(", ")
            ));
        }
    }
    if !new_names.is_empty() {
        out.push_str("# candidate new entries: fill in id, kind and en\n");
        for n in &new_names {
            out.push_str(&format!(
                "- id: TODO\n  kind: person\n  en: TODO\n  ar: {n}\n"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_beyond_exact_integers_show_as_written() {
        assert_eq!(fmt_count(36.0, "36"), "36");
        assert_eq!(fmt_count(30000.0, "30 ألف"), "30,000");
        let big = 9_223_372_036_854_775_807u64 as f64;
        assert_eq!(
            fmt_count(big, " 9223372036854775807 "),
            "9223372036854775807"
        );
        assert_eq!(fmt_count(f64::INFINITY, "1e400"), "1e400");
        assert!(!fmt_value(big).contains("9,223,372,036,854,775,807"));
    }
}
