//! Analysis → the typed template context of the briefing, the disagreements and the names
//! report. Every field is documented here because users write templates against it
//! (`mizan brief --dump-context` prints it as JSON).
//!
//! The English half is built only from structured data (glossary names and roles, measure and
//! event words, figures, dates); the Arabic half quotes the original sentences.

use crate::compare::{DiffKind, FigureGroup, Op, Status};
use crate::corpus::SentenceKind;
use crate::extract::{NumberKind, Qualifier};
use crate::glossary::{EntityKind, Glossary};
use crate::names::FindingKind;
use crate::{Analysis, Analyzed};
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
    /// Sentences most sources support, each with an English line built from its facts.
    pub summary: Vec<SummaryItem>,
    /// One row per figure group: the same measure about the same subject across sources.
    pub figures: Vec<FigureRow>,
    /// Dated events, oldest first.
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

#[derive(Debug, Serialize)]
pub struct SummaryItem {
    /// The original Arabic sentence.
    pub ar: String,
    /// A line in English built from the sentence's structure.
    pub en: String,
    /// Labels of the sources that report it (the first [`LIST_MAX`]).
    pub sources: Vec<String>,
    /// How many sources are left out of `sources`.
    pub more_sources: usize,
    pub support: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimItem {
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

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub id: String,
    /// e.g. "killed — civilians (Armenia)".
    pub what_en: String,
    pub what_ar: String,
    pub status: &'static str,
    pub status_ar: &'static str,
    pub latest: ClaimItem,
    /// Earlier or other claims, oldest first.
    pub others: Vec<ClaimItem>,
    /// All claims, oldest first.
    pub claims: Vec<ClaimItem>,
    pub source_count: usize,
    /// "103 → more than 400 → more than 800".
    pub trail_en: String,
}

#[derive(Debug, Serialize)]
pub struct TimelineItem {
    pub date: String,
    pub en: String,
    pub ar: String,
    pub source: String,
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
pub struct QuoteItem {
    pub ar: String,
    pub speaker_en: String,
    pub speaker_ar: String,
    pub source: String,
    pub date: Option<String>,
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

/// How many summary sentences, timeline entries and coverage rows at most.
const SUMMARY_MAX: usize = 8;
const TIMELINE_MAX: usize = 25;
const COVERAGE_MAX: usize = 30;
const COVERAGE_COLUMNS: usize = 12;
/// Source lists in the briefing name at most this many.
pub const LIST_MAX: usize = 8;
/// The sources table lists at most this many.
pub const SOURCES_MAX: usize = 200;
const FIGURES_MAX: usize = 25;
const ENTITIES_MAX: usize = 60;
const QUOTES_MAX: usize = 30;
const WORDING_MAX: usize = 300;

/// 2^53: above it an f64 no longer holds every integer, and a figure shown from its value
/// would not be the one the source wrote.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// A figure's value for the English half, or the source's own written form when the value is
/// beyond what can be shown exactly (`9223372036854775807` would otherwise print as the
/// largest i64, `1e400` as infinity).
fn fmt_count(v: f64, written: &str) -> String {
    if v.is_finite() && v.abs() <= MAX_EXACT {
        fmt_value(v)
    } else {
        written.trim().to_string()
    }
}

fn fmt_value(v: f64) -> String {
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

fn qualifier_en(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::LessThan => "fewer than ",
        Qualifier::About => "about ",
        Qualifier::AtLeast => "at least ",
        Qualifier::AtMost => "at most ",
    }
}

fn status_ar(s: Status) -> &'static str {
    match s {
        Status::Agree => "متفق",
        Status::Update => "تحديث",
        Status::Conflict => "تعارض",
    }
}

struct Labels<'a> {
    arts: &'a [Analyzed],
}

impl Labels<'_> {
    fn of(&self, ai: usize) -> String {
        let a = &self.arts[ai].article;
        match &a.outlet {
            Some(o) => format!("{o} ({})", a.id),
            None => a.id.clone(),
        }
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

fn entity_label(g: &Glossary, e: usize) -> String {
    let ent = &g.entities[e];
    match (&ent.role, ent.kind) {
        (Some(r), EntityKind::Person) => format!("{} ({})", ent.en, r.en),
        _ => ent.en.clone(),
    }
}

/// The items of one sentence: facts are stored in text order, so their sentences never go down
/// and two binary searches find them (no scan of the whole article per sentence).
fn of_sentence<T>(items: &[T], si: usize, sentence: impl Fn(&T) -> Option<usize>) -> &[T] {
    let lo = items.partition_point(|x| sentence(x) < Some(si));
    let hi = items.partition_point(|x| sentence(x) <= Some(si));
    &items[lo..hi.max(lo)]
}

/// The English form of one figure: «about 100 wounded», «27 civilians killed».
fn figure_en(g: &Glossary, a: &Analyzed, n: &crate::extract::Number) -> Option<String> {
    let v = n.value?;
    let written = &a.article.text[n.start..n.end];
    let mut s = format!("{}{}", qualifier_en(n.qualifier), fmt_count(v, written));
    if let (Some(h), None) = (n.high, n.vague) {
        s = format!(
            "{}{}–{}",
            qualifier_en(n.qualifier),
            fmt_value(v),
            fmt_value(h)
        );
    }
    match n.vague {
        Some("fraction") => s = fmt_value(v),
        Some(vg) => s = vg.replace('_', " "),
        None => {}
    }
    if n.kind == NumberKind::Percent {
        s.push('%');
    }
    if let Some(sj) = n.subject {
        s.push(' ');
        s.push_str(&g.subjects[sj].en);
    }
    if let Some(sd) = n.side {
        s.push_str(&format!(" ({})", g.entities[sd].en));
    }
    s.push(' ');
    s.push_str(&g.measures[n.measure?].en);
    if let Some(i) = n.item {
        s.push_str(&format!(" ({})", g.items[i].en));
    }
    if n.era_kind == crate::extract::Era::Historical {
        s.push_str(" (an earlier time)");
    }
    Some(s)
}

/// The English of one frame, from its fields only: «Ilham Aliyev visits Moscow», or — with no
/// agent in the text — the event's noun («strike on Ganja»). Nothing is invented: a frame that
/// names no one says so by saying less.
fn frame_en(g: &Glossary, f: &crate::extract::Frame) -> String {
    use crate::extract::Polarity;
    let ev = &g.events[f.event];
    let mut line = match f.agent {
        Some(ag) => {
            let mut l = format!("{} {}", entity_label(g, ag), ev.en);
            if let Some(t) = f.target {
                l.push(' ');
                l.push_str(&g.entities[t].en);
            }
            l
        }
        None => {
            let mut l = ev
                .noun
                .clone()
                .unwrap_or_else(|| format!("{} (who did it: not identified)", ev.en));
            if let Some(t) = f.target {
                l.push_str(" involving ");
                l.push_str(&g.entities[t].en);
            }
            l
        }
    };
    if let Some(p) = f
        .place
        .filter(|&p| Some(p) != f.target && Some(p) != f.agent)
    {
        line.push_str(" in ");
        line.push_str(&g.entities[p].en);
    }
    match f.polarity {
        Polarity::Affirmed => {}
        Polarity::Negated => line.insert_str(0, "not: "),
        Polarity::Denied => line.push_str(" (denied)"),
        Polarity::Future => line.push_str(" (planned)"),
    }
    line
}

/// An English line for one sentence, built only from its frames and figures, each with who says
/// so: «According to Turkey: explosion in Suruç; 27 killed, about 100 wounded». Names that are in
/// the sentence but in no frame are not strung together: word order would invent relations.
pub fn english_line(g: &Glossary, a: &Analyzed, si: usize) -> String {
    // who says so: glossary entities by name, others as the text names them
    let mut said: Vec<String> = Vec::new();
    let text = &a.article.text;
    let mut note = |e: Option<usize>, surface: Option<(usize, usize)>| {
        let who = match (e, surface) {
            (Some(e), _) => entity_label(g, e),
            (None, Some((s, t))) => {
                format!("a source the glossary does not name («{}»)", &text[s..t])
            }
            _ => return,
        };
        if !said.contains(&who) {
            said.push(who);
        }
    };
    let mut events: Vec<String> = Vec::new();
    // one frame per event type: the one that says most (agent, target, place)
    let mut frames: Vec<&crate::extract::Frame> = Vec::new();
    for f in of_sentence(&a.facts.events, si, |e| Some(e.sentence)) {
        let weight = |f: &crate::extract::Frame| {
            f.agent.is_some() as u8 * 4 + f.target.is_some() as u8 * 2 + f.place.is_some() as u8
        };
        match frames.iter_mut().find(|k| k.event == f.event) {
            Some(k) if weight(f) > weight(k) => *k = f,
            Some(_) => {}
            None => frames.push(f),
        }
    }
    for f in frames {
        let en = frame_en(g, f);
        if !events.contains(&en) {
            events.push(en);
        }
        if f.said_by.is_none() || f.said_by != f.agent {
            note(f.said_by, f.said_by_surface);
        }
    }
    let mut figures: Vec<String> = Vec::new();
    for n in of_sentence(&a.facts.numbers, si, |n| n.sentence)
        .iter()
        .filter(|n| matches!(n.kind, NumberKind::Quantity | NumberKind::Percent))
    {
        if let Some(s) = figure_en(g, a, n) {
            note(n.attributed_to, n.said_by_surface);
            if !figures.contains(&s) {
                figures.push(s);
            }
        }
    }
    let dates: BTreeSet<String> = of_sentence(&a.facts.dates, si, |d| d.sentence)
        .iter()
        .filter(|d| d.event.is_some())
        .map(|d| d.date.clone())
        .collect();
    let mut body: Vec<String> = Vec::new();
    if !events.is_empty() {
        body.push(events.join("; "));
    }
    if !figures.is_empty() {
        body.push(figures.join(", "));
    }
    if body.is_empty() {
        return "(no event or figure the glossary knows in this sentence)".to_string();
    }
    let mut line = body.join("; ");
    if !dates.is_empty() {
        line.push_str(" (");
        line.push_str(&dates.into_iter().collect::<Vec<_>>().join(", "));
        line.push(')');
    }
    if !said.is_empty() {
        line = format!("According to {}: {line}", said.join(" and "));
    }
    let mut chars = line.chars();
    match chars.next() {
        Some(c0) => c0.to_uppercase().collect::<String>() + chars.as_str(),
        None => line,
    }
}

fn figure_row(g: &Glossary, arts: &[Analyzed], labels: &Labels, fg: &FigureGroup) -> FigureRow {
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
        crate::extract::Era::Historical => {
            what_en.push_str(" — an earlier time, not today's events");
            what_ar.push_str(" — في وقت سابق");
        }
        crate::extract::Era::Planned => {
            what_en.push_str(" — planned or agreed");
            what_ar.push_str(" — مخطط أو متفق عليه");
        }
        crate::extract::Era::Current => {}
    }
    let claim = |c: &crate::compare::Claim| -> ClaimItem {
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
        ClaimItem {
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
    };
    let mut order: Vec<&crate::compare::Claim> = fg.claims.iter().collect();
    order.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.value.total_cmp(&b.value))
            .then(a.article.cmp(&b.article))
    });
    let latest = fg.latest();
    let claims: Vec<ClaimItem> = order.iter().map(|c| claim(c)).collect();
    let others: Vec<ClaimItem> = order
        .iter()
        .filter(|c| !std::ptr::eq(**c, latest))
        .map(|c| claim(c))
        .collect();
    let mut trail: Vec<String> = Vec::new();
    for c in &claims {
        if trail.last() != Some(&c.value_en) {
            trail.push(c.value_en.clone());
        }
    }
    FigureRow {
        id: fg.id.clone(),
        what_en,
        what_ar,
        status: if fg.sources < 2 {
            "single source"
        } else {
            fg.status.as_str()
        },
        status_ar: if fg.sources < 2 {
            "مصدر واحد"
        } else {
            status_ar(fg.status)
        },
        latest: claim(latest),
        others,
        claims,
        source_count: fg.sources,
        trail_en: trail.join(" → "),
    }
}

pub fn build(g: &Glossary, an: &Analysis) -> Context {
    let arts = &an.articles;
    let labels = Labels { arts };
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

    // ---- summary: sentences with the most supporting sources
    let mut support: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
    for al in &an.alignments {
        support.entry(al.a).or_default().insert(al.b.0);
        support.entry(al.b).or_default().insert(al.a.0);
    }
    let mut cands: Vec<((usize, usize), usize, usize)> = Vec::new(); // (sentence, support, facts)
    for (ai, a) in arts.iter().enumerate() {
        for (si, s) in a.article.sentences.iter().enumerate() {
            if s.kind != SentenceKind::Body {
                continue;
            }
            let facts = of_sentence(&a.mentions, si, |m| m.sentence)
                .iter()
                .filter(|m| !m.adjective)
                .count()
                + 2 * of_sentence(&a.facts.numbers, si, |n| n.sentence)
                    .iter()
                    .filter(|n| n.measure.is_some())
                    .count()
                + of_sentence(&a.facts.events, si, |e| Some(e.sentence)).len();
            let sup = support.get(&(ai, si)).map(|s| s.len()).unwrap_or(0) + 1;
            if facts > 0 {
                cands.push(((ai, si), sup, facts));
            }
        }
    }
    cands.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)).then(x.0.cmp(&y.0)));
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    let mut covered: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (s, _, _) in &cands {
        if chosen.len() >= SUMMARY_MAX {
            break;
        }
        if covered.contains(s) {
            continue;
        }
        chosen.push(*s);
        covered.insert(*s);
        for al in &an.alignments {
            if al.a == *s {
                covered.insert(al.b);
            }
            if al.b == *s {
                covered.insert(al.a);
            }
        }
    }
    let summary = chosen
        .iter()
        .map(|&(ai, si)| {
            let a = &arts[ai];
            let s = &a.article.sentences[si];
            let mut srcs: Vec<String> = vec![labels.of(ai)];
            if let Some(others) = support.get(&(ai, si)) {
                srcs.extend(others.iter().map(|&o| labels.of(o)));
            }
            let support = srcs.len();
            srcs.truncate(LIST_MAX);
            SummaryItem {
                ar: a.article.text[s.start..s.end].to_string(),
                en: english_line(g, a, si),
                support,
                more_sources: support - srcs.len(),
                sources: srcs,
            }
        })
        .collect();

    // ---- figures
    // key figures: the most widely reported first
    let mut by_reach: Vec<&FigureGroup> = an.comparison.figures.iter().collect();
    by_reach.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.id.cmp(&b.id)));
    let figures: Vec<FigureRow> = by_reach
        .into_iter()
        .take(FIGURES_MAX)
        .map(|f| figure_row(g, arts, &labels, f))
        .collect();
    let figure_disagreements: Vec<FigureRow> = an
        .comparison
        .figures
        .iter()
        .filter(|f| f.sources >= 2)
        .map(|f| figure_row(g, arts, &labels, f))
        .collect();
    let mut status_counts = StatusCounts::default();
    for f in an.comparison.figures.iter().filter(|f| f.sources >= 2) {
        match f.status {
            Status::Conflict => status_counts.conflict += 1,
            Status::Update => status_counts.update += 1,
            Status::Agree => status_counts.agree += 1,
        }
    }

    // ---- timeline: full dates, one entry per sentence
    let mut seen: BTreeSet<(String, usize, usize)> = BTreeSet::new();
    let mut timeline: Vec<TimelineItem> = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        for d in &a.facts.dates {
            let Some(si) = d.sentence else { continue };
            if d.date.starts_with("--") || !a.article.sentences[si].kind.is_content() {
                continue;
            }
            // dated by an event's date, never by a dateline, a «since» or a deadline; and only
            // a sentence that reports an event has a row
            let event_date = d.role == crate::extract::DateRole::Event;
            if !event_date || of_sentence(&a.facts.events, si, |e| Some(e.sentence)).is_empty() {
                continue;
            }
            if !seen.insert((d.date.clone(), ai, si)) {
                continue;
            }
            let s = &a.article.sentences[si];
            timeline.push(TimelineItem {
                date: d.date.clone(),
                en: english_line(g, a, si),
                ar: a.article.text[s.start..s.end].to_string(),
                source: labels.of(ai),
            });
        }
    }
    timeline.sort_by(|a, b| a.date.cmp(&b.date).then(a.source.cmp(&b.source)));
    // one entry per date and English line
    timeline.dedup_by(|a, b| a.date == b.date && a.en == b.en);
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
        columns: cols.iter().map(|&ai| arts[ai].article.id.clone()).collect(),
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

    // ---- quotes
    let mut quotes = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        for q in &a.facts.quotes {
            let sp = q.speaker;
            quotes.push(QuoteItem {
                ar: a.article.text[q.start..q.end].to_string(),
                speaker_en: sp
                    .map(|e| entity_label(g, e))
                    .unwrap_or_else(|| "unattributed".to_string()),
                speaker_ar: sp
                    .map(|e| g.entities[e].ar.clone())
                    .unwrap_or_else(|| "غير منسوب".to_string()),
                source: labels.of(ai),
                date: a.article.date.clone(),
            });
        }
    }

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
    quotes.truncate(QUOTES_MAX);

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
                    message: f.message.clone(),
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
        summary,
        figures,
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
    }
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
