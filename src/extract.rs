//! Article + mentions → typed facts: numbers (with measure, subject, side, qualifier and who says
//! so), dates, quotes with their speakers, and event words.
//!
//! In: the article, its [`Normalized`] key, its mentions and the glossary. Out: [`Facts`]. All
//! matching is on the key's words; every span is mapped back to the original bytes.

use crate::corpus::{Article, SentenceKind};
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon::{self, strip_clitics};
use crate::link::{sentence_at, Mention};
use crate::normalize::{Normalized, Word};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Quantity,
    Percent,
    Year,
    Date,
    Time,
    Age,
    Duration,
    Ordinal,
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    LessThan,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
    fn from_name(s: &str) -> Qualifier {
        match s {
            "more_than" => Qualifier::MoreThan,
            "less_than" => Qualifier::LessThan,
            "about" => Qualifier::About,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            _ => Qualifier::Exact,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Number {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub kind: NumberKind,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// "tens", "hundreds", "thousands", "half"… for vague amounts.
    pub vague: Option<&'static str>,
    pub measure: Option<usize>,
    pub subject: Option<usize>,
    /// The country (entity) the counted people belong to, from a nationality adjective.
    pub side: Option<usize>,
    pub attributed_to: Option<usize>,
    /// "among them": the index (in this article's numbers) of the total this is a part of.
    pub part_of: Option<usize>,
    /// For kind `date`: the resolved date.
    pub date: Option<String>,
    /// A figure in a sentence that names an earlier year than the article's is about that year
    /// (a past war, an earlier clash), not about the current events.
    pub era: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct DateRef {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub date: String,
}

#[derive(Debug, Clone)]
pub struct Quote {
    pub sentence: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct EventHit {
    pub sentence: usize,
    pub event: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub numbers: Vec<Number>,
    pub dates: Vec<DateRef>,
    pub quotes: Vec<Quote>,
    pub events: Vec<EventHit>,
    /// Per sentence: who the sentence attributes its statements to.
    pub attribution: Vec<Option<usize>>,
}

/// The words of the key with helpers to look around.
struct Ctx<'a> {
    key: &'a str,
    ws: &'a [Word],
    w: Vec<&'a str>,
    norm: &'a Normalized,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        self.w.get(i).copied()
    }
    /// Text between word i-1 and word i.
    fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.ws.len() {
            return "";
        }
        &self.key[self.ws[i - 1].end..self.ws[i].start]
    }
    /// A clause boundary (punctuation other than '/' and '-') between word i-1 and word i.
    fn clause_break_before(&self, i: usize) -> bool {
        self.gap_before(i).chars().any(|c| {
            matches!(
                c,
                '،' | ','
                    | '.'
                    | '؛'
                    | ';'
                    | ':'
                    | '؟'
                    | '?'
                    | '!'
                    | '('
                    | ')'
                    | '"'
                    | '«'
                    | '»'
                    | '“'
                    | '”'
                    | '\n'
            )
        })
    }
    /// A sentence boundary (final punctuation or a line break) between word i-1 and word i.
    fn sentence_break_before(&self, i: usize) -> bool {
        self.gap_before(i)
            .chars()
            .any(|c| matches!(c, '.' | '؟' | '?' | '!' | '؛' | '\n'))
    }
    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        self.norm.orig_span(self.ws[a].start, self.ws[b].end)
    }
    fn is_digits(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    }
}

fn parse_digits(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// A parsed number phrase: words `first..=last`, value, scale applied.
struct Phrase {
    first: usize,
    last: usize,
    value: f64,
    scaled: bool,
    digits: bool,
    vague: Option<(&'static str, f64)>,
    /// Key bytes of a clitic glued to the first word (و15, وخمسة): not part of the figure.
    prefix: usize,
}

/// Parse a number at word `i`: digits (with `,`/`.` groups), a clitic و/ب + digits, number
/// words, then an optional scale word.
fn parse_at(c: &Ctx, i: usize) -> Option<Phrase> {
    let w = c.word(i)?;
    let mut last = i;
    let mut prefix = 0;
    let (mut value, digits) = if c.is_digits(i) {
        let mut text = w.to_string();
        // 30,000 / 12,00 / 2.5 written as one token in the original
        while let (Some(next), gap) = (c.word(last + 1), c.gap_before(last + 1)) {
            if (gap == "," || gap == ".") && next.bytes().all(|b| b.is_ascii_digit()) {
                if gap == "," && next.len() == 3 {
                    text.push_str(next);
                } else if gap == "," || gap == "." {
                    text.push('.');
                    text.push_str(next);
                }
                last += 1;
            } else {
                break;
            }
        }
        (parse_digits(&text)?, true)
    } else if let Some(rest) = ["و", "ب", "ل", "ف"].iter().find_map(|p| w.strip_prefix(p)) {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            prefix = w.len() - rest.len();
            (parse_digits(rest)?, true)
        } else {
            let bare = strip_clitics(w, 2);
            let v = lexicon::number_word(bare)?;
            prefix = w.len() - bare.len();
            (v, false)
        }
    } else if let Some(v) = lexicon::number_word(w) {
        (v, false)
    } else if let Some((lo, _hi, label)) = lexicon::vague_amount(w) {
        return Some(Phrase {
            first: i,
            last: i,
            value: lo,
            scaled: true,
            digits: false,
            vague: Some((label, _hi)),
            prefix: 0,
        });
    } else {
        return None;
    };
    // compound number words: خمسة وعشرين
    if !digits {
        if let Some(n) = c.word(last + 1) {
            if let Some(rest) = n.strip_prefix('و') {
                if let Some(v2) = lexicon::number_word(rest) {
                    if v2 > value && v2 < 100.0 {
                        value += v2;
                        last += 1;
                    }
                }
            }
        }
    }
    let mut scaled = false;
    if let Some(s) = c.word(last + 1).and_then(lexicon::scale_word) {
        if !c.clause_break_before(last + 1) && value < 1000.0 {
            value *= s;
            last += 1;
            scaled = true;
        }
    }
    Some(Phrase {
        first: i,
        last,
        value,
        scaled,
        digits,
        vague: None,
        prefix,
    })
}

fn match_seq(c: &Ctx, start: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, s)| c.word(start + k) == Some(*s))
}

/// A qualifier ending right before word `i`: (first word, qualifier).
fn qualifier_before(c: &Ctx, i: usize) -> Option<(usize, Qualifier)> {
    for (seq, q) in lexicon::QUALIFIERS {
        if i >= seq.len() && match_seq(c, i - seq.len(), seq) {
            return Some((i - seq.len(), Qualifier::from_name(q)));
        }
    }
    None
}

fn qualifier_after(c: &Ctx, i: usize) -> Option<(usize, Qualifier)> {
    for (seq, q) in lexicon::POST_QUALIFIERS {
        if match_seq(c, i, seq) {
            return Some((i + seq.len() - 1, Qualifier::from_name(q)));
        }
    }
    None
}

/// Resolve a day and month against the article's date when the year is not given.
fn date_string(
    year: Option<i64>,
    month: u32,
    day: u32,
    article: Option<(i64, u32, u32)>,
) -> String {
    match (year, article) {
        (Some(y), _) => format!("{y:04}-{month:02}-{day:02}"),
        (None, Some((ay, am, _))) => {
            // a month well after the article's month is last year's
            let y = if month > am + 1 { ay - 1 } else { ay };
            format!("{y:04}-{month:02}-{day:02}")
        }
        (None, None) => format!("--{month:02}-{day:02}"),
    }
}

fn parse_iso(d: &str) -> Option<(i64, u32, u32)> {
    Some((
        d.get(0..4)?.parse().ok()?,
        d.get(5..7)?.parse().ok()?,
        d.get(8..10)?.parse().ok()?,
    ))
}

/// Days since 1970-01-01 (proleptic Gregorian), and back.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn fmt_days(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Three groups of digits joined by the same `/`, `-` or `.` with nothing else between them,
/// read as day/month/year, or year-month-day when the first group has four digits.
fn numeric_date(c: &Ctx, i: usize) -> Option<(i64, u32, u32, usize)> {
    if !(c.is_digits(i) && c.is_digits(i + 1) && c.is_digits(i + 2)) {
        return None;
    }
    let sep = c.gap_before(i + 1);
    if !matches!(sep, "/" | "-" | ".") || c.gap_before(i + 2) != sep {
        return None;
    }
    let n = |k: usize| c.w[k].parse::<i64>().ok();
    let (a, b, d) = (n(i)?, n(i + 1)?, n(i + 2)?);
    let (y, m, day) = if c.w[i].len() == 4 {
        (a, b, d)
    } else if c.w[i + 2].len() == 4 {
        (d, b, a)
    } else {
        return None;
    };
    ((1..=12).contains(&m) && (1..=31).contains(&day) && (1800..=2100).contains(&y)).then_some((
        y,
        m as u32,
        day as u32,
        i + 2,
    ))
}

/// Month at word i (one or two words), possibly followed by "/ other-series month": returns
/// (month, last word index).
fn month_at(c: &Ctx, i: usize) -> Option<(u32, &'static str, usize)> {
    let (m, series, n) = lexicon::month(c.word(i)?, c.word(i + 1))?;
    let mut last = i + n - 1;
    // "أيلول/سبتمبر", "سبتمبر/أيلول"
    if c.gap_before(last + 1).trim() == "/" {
        if let Some((m2, _, n2)) = c
            .word(last + 1)
            .and_then(|w| lexicon::month(w, c.word(last + 2)))
        {
            if m2 == m {
                last += n2;
            }
        }
    }
    Some((m, series, last))
}

/// Extract everything from one article.
pub fn extract(
    g: &Glossary,
    article: &Article,
    norm: &Normalized,
    ws: &[Word],
    mentions: &[Mention],
) -> Facts {
    let key = norm.key();
    let w: Vec<&str> = ws.iter().map(|x| &key[x.start..x.end]).collect();
    let c = Ctx { key, ws, w, norm };
    let n = c.ws.len();
    let adate = article.date.as_deref().and_then(parse_iso);
    let sent_of_word: Vec<Option<usize>> = (0..n)
        .map(|i| sentence_at(&article.sentences, norm.orig_start(c.ws[i].start)))
        .collect();
    // mentions by first word index
    let mut mention_at: Vec<Option<usize>> = vec![None; n];
    {
        let mut wi = 0;
        for (mi, m) in mentions.iter().enumerate() {
            while wi < n && c.ws[wi].end <= m.kstart {
                wi += 1;
            }
            if wi < n && mention_at[wi].is_none() {
                mention_at[wi] = Some(mi);
            }
        }
    }
    let resolve = |mi: usize| -> usize {
        let m = &mentions[mi];
        m.entity
    };

    let mut facts = Facts {
        attribution: vec![None; article.sentences.len()],
        ..Facts::default()
    };

    // which words could mean something to the lexicon (one hash probe per word, used twice)
    let lexical: Vec<bool> = c.w.iter().map(|w| lexicon::is_lexical(w)).collect();

    // ---- attribution per sentence: speech verb / "according to" + entity, or entity + verb
    let mut attr_words: Vec<(usize, usize)> = Vec::new(); // (word index, entity)
    for i in 0..n {
        let wk = c.w[i];
        if !lexical[i] {
            continue;
        }
        let is_verb = lexicon::is_speech_word(wk);
        let is_acc = lexicon::is_according_word(wk);
        if is_verb || is_acc {
            // entity within the next 4 words of the clause (skip title words)
            let mut j = i + 1;
            // who speaks: within 6 words of the clause and before the reported speech begins
            // (إن/أن), a person ("قائد قوات الدعم السريع محمد حمدان دقلو" → the person), else
            // the first name, else a nationality adjective ("الخارجية الأذربيجانية" → its country)
            let mut person = None;
            let mut name = None;
            let mut adjective = None;
            while j < n && (j <= i + 6 && !c.clause_break_before(j) || j == i + 1) {
                if j > i + 1 && matches!(c.w[j], "ان" | "بان" | "انه" | "انها") {
                    break;
                }
                if let Some(mi) = mention_at[j] {
                    let e = resolve(mi);
                    if mentions[mi].adjective {
                        adjective.get_or_insert(e);
                    } else if g.entities[e].kind == EntityKind::Person {
                        person.get_or_insert(e);
                        break;
                    } else {
                        name.get_or_insert(e);
                    }
                }
                j += 1;
            }
            let mut found = person.or(name).or(adjective);
            if found.is_none() && is_verb && i > 0 {
                // SVO: "لودريان اتهم"
                if let Some(mi) = mention_at[i - 1] {
                    if !mentions[mi].adjective {
                        found = Some(resolve(mi));
                    }
                }
            }
            if found.is_none() && is_verb {
                // an elided subject ("… وأشار"): the last person named before, same sentence
                let sent = sent_of_word[i];
                found = (0..i)
                    .rev()
                    .take_while(|&k| sent_of_word[k] == sent)
                    .filter_map(|k| mention_at[k].map(resolve))
                    .find(|&e| g.entities[e].kind == EntityKind::Person);
            }
            if let Some(e) = found {
                attr_words.push((i, e));
            }
        }
    }
    for (i, e) in &attr_words {
        if let Some(s) = sent_of_word[*i] {
            facts.attribution[s].get_or_insert(*e);
        }
    }
    // a sentence that opens with a speech verb and names no one continues the previous speaker
    for s in 1..article.sentences.len() {
        if facts.attribution[s].is_none() {
            let first_word = (0..n).find(|&i| sent_of_word[i] == Some(s));
            if let Some(fw) = first_word {
                let opens_with_verb = (fw..(fw + 3).min(n))
                    .any(|i| sent_of_word[i] == Some(s) && lexicon::is_speech_word(c.w[i]));
                if opens_with_verb {
                    facts.attribution[s] = facts.attribution[s - 1];
                }
            }
        }
    }

    // ---- numbers and dates
    let mut i = 0;
    let mut last_number_end: Option<(usize, usize)> = None; // (word index, number index)
    while i < n {
        let sent = sent_of_word[i];
        if sent.is_none() {
            // outside every sentence: front matter
            i += 1;
            continue;
        }
        let content = sent.is_some_and(|s| article.sentences[s].kind.is_content());
        // most words are no number, date or calendar word: one hash probe rules them out
        if !lexical[i] && !c.w[i].bytes().any(|b| b.is_ascii_digit()) {
            i += 1;
            continue;
        }
        // ordinal day: "التاسع من تشرين الأول" / "التاسع من الشهر الحالي"
        if let Some((day, nw)) = lexicon::ordinal_day(c.w[i], c.word(i + 1).zip(c.word(i + 2))) {
            let j = i + nw;
            if c.word(j) == Some("من") {
                if let Some((m, _, last)) = month_at(&c, j + 1) {
                    let (s, e) = c.span(i, last);
                    let d = date_string(None, m, day, adate);
                    facts.dates.push(DateRef {
                        sentence: sent,
                        start: s,
                        end: e,
                        date: d,
                    });
                    i = last + 1;
                    continue;
                }
                if c.word(j + 1) == Some("الشهر") {
                    let rel = match c.word(j + 2) {
                        Some("الحالي" | "الجاري") => Some(0),
                        Some("الماضي") => Some(-1),
                        _ => None,
                    };
                    if let (Some(r), Some((ay, am, _))) = (rel, adate) {
                        let (y, m) = if r == -1 && am == 1 {
                            (ay - 1, 12)
                        } else {
                            (ay, (am as i64 + r) as u32)
                        };
                        let (s, e) = c.span(i, j + 2);
                        facts.dates.push(DateRef {
                            sentence: sent,
                            start: s,
                            end: e,
                            date: format!("{y:04}-{m:02}-{day:02}"),
                        });
                        i = j + 3;
                        continue;
                    }
                }
            }
        }
        // weekdays and yesterday/today, resolved against the article's date
        if let Some(adt) = adate {
            let base = days_from_civil(adt.0, adt.1, adt.2);
            if let Some(wd) = lexicon::weekday(c.w[i]) {
                // 1970-01-01 was a Thursday (4)
                let awd = (base % 7 + 7 + 4) % 7;
                let back = (awd - wd as i64 + 7) % 7;
                let (s, e) = c.span(i, i);
                facts.dates.push(DateRef {
                    sentence: sent,
                    start: s,
                    end: e,
                    date: fmt_days(base - back),
                });
            } else if let Some(r) = lexicon::relative_day(c.w[i]) {
                let (s, e) = c.span(i, i);
                facts.dates.push(DateRef {
                    sentence: sent,
                    start: s,
                    end: e,
                    date: fmt_days(base + r),
                });
            }
        }
        // a numeric date: 21/10/2020, 21-10-2020, 2020-10-21, 2020/10/21
        if let Some((y, m, d, last)) = numeric_date(&c, i) {
            let (s, e) = c.span(i, last);
            let date = format!("{y:04}-{m:02}-{d:02}");
            let mut num = blank_number(sent, s, e, NumberKind::Date, parse_digits(c.w[i]));
            num.date = Some(date.clone());
            facts.numbers.push(num);
            facts.dates.push(DateRef {
                sentence: sent,
                start: s,
                end: e,
                date,
            });
            i = last + 1;
            continue;
        }
        // a code name like إس-300 / F-16: digits glued by '-' to letters
        if c.is_digits(i) && i > 0 && c.gap_before(i) == "-" && !c.is_digits(i - 1) {
            let (s, e) = c.span(i - 1, i);
            facts.numbers.push(blank_number(
                sent,
                s,
                e,
                NumberKind::Name,
                parse_digits(c.w[i]),
            ));
            i += 1;
            continue;
        }
        // fraction of a group: نصف سكان
        if let Some(pct) = lexicon::fraction_word(c.w[i]) {
            if content
                && c.word(i + 1).is_some_and(|nx| {
                    lexicon::number_word(nx).is_none() && !c.clause_break_before(i + 1)
                })
            {
                let (s, e) = c.span(i, i);
                let mut num = blank_number(sent, s, e, NumberKind::Percent, Some(pct));
                num.vague = Some("fraction");
                let idx = facts.numbers.len();
                facts.numbers.push(num);
                annotate(
                    g,
                    &c,
                    &mut facts,
                    idx,
                    i,
                    i,
                    &mention_at,
                    mentions,
                    last_number_end,
                );
                last_number_end = Some((i, idx));
                i += 1;
                continue;
            }
        }
        let Some(ph) = parse_at(&c, i) else {
            i += 1;
            continue;
        };
        let mut first = ph.first;
        let mut last = ph.last;
        let mut qualifier = Qualifier::Exact;
        if let Some((qf, q)) = qualifier_before(&c, first) {
            if !c.clause_break_before(first) {
                qualifier = q;
                first = qf;
            }
        }
        let mut value = ph.value;
        let mut high = None;
        // range: "سبعين إلى 75 ألف", "بين 10 و15", "10-15"
        let range_word = c.word(last + 1);
        let dash = c.gap_before(last + 1).trim() == "-";
        let (hi_at, joiner) = match range_word {
            Some("الي" | "حتي") => (last + 2, true),
            _ if dash && c.is_digits(last + 1) => (last + 1, true),
            Some(wd)
                if wd.starts_with('و')
                    && i > 0
                    && c.word(first.saturating_sub(1)) == Some("بين") =>
            {
                (last + 1, true)
            }
            _ => (0, false),
        };
        if joiner && !c.clause_break_before(last + 1) {
            if let Some(ph2) = parse_at(&c, hi_at) {
                let mut lo = value;
                if !ph.scaled && ph2.scaled && ph2.vague.is_none() {
                    let scale = [1e9, 1e6, 1e3]
                        .into_iter()
                        .find(|s| ph2.value >= *s && lo * s <= ph2.value);
                    if let Some(s) = scale {
                        lo *= s;
                    }
                }
                if ph2.value > lo {
                    value = lo;
                    high = Some(ph2.value);
                    last = ph2.last;
                }
            }
        }
        // "5 جنود على الأقل": after the number or after its counted noun
        if qualifier == Qualifier::Exact {
            if let Some((_, q)) = qualifier_after(&c, last + 1).or_else(|| {
                qualifier_after(&c, last + 2).filter(|_| !c.clause_break_before(last + 2))
            }) {
                qualifier = q;
            }
        }
        // what follows decides the kind
        let next = c.word(last + 1);
        let prev = if first > 0 { c.word(first - 1) } else { None };
        let is_int = value.fract() == 0.0;
        let mut kind = NumberKind::Quantity;
        let mut end_word = last;
        let mut date = None;
        if ph.vague.is_some() {
            kind = NumberKind::Quantity;
        } else if ph.digits
            && is_int
            && (1.0..=31.0).contains(&value)
            && !ph.scaled
            && high.is_none()
        {
            if let Some((m, series, ml)) = month_at(&c, last + 1) {
                kind = NumberKind::Date;
                end_word = ml;
                let mut year = None;
                if series != "hijri" && c.is_digits(ml + 1) && c.w[ml + 1].len() == 4 {
                    year = c.w[ml + 1].parse::<i64>().ok();
                    end_word = ml + 1;
                }
                if series != "hijri" {
                    date = Some(date_string(year, m, value as u32, adate));
                }
            }
        }
        if kind == NumberKind::Quantity && ph.vague.is_none() {
            let pct = next
                .map(|nx| lexicon::is_percent_words(nx, c.word(last + 2)))
                .unwrap_or(0);
            let glued_pct = c.gap_before(last + 1).trim_start().starts_with('%')
                || c.key[c.ws[last].end..].starts_with('%');
            if glued_pct {
                kind = NumberKind::Percent;
                // extend the span over the sign
            } else if pct > 0 {
                kind = NumberKind::Percent;
                end_word = last + pct;
            } else if c.gap_before(last + 1).trim() == ":" && c.is_digits(last + 1) && value < 25.0
            {
                kind = NumberKind::Time;
                end_word = last + 1;
            } else if prev.is_some_and(lexicon::is_time_cue)
                || (next.is_some_and(|nx| {
                    nx == "ت" || nx == "بتوقيت" || nx == "غرينتش" || nx == "صباحا" || nx == "مساء"
                }) && ph.digits)
            {
                kind = NumberKind::Time;
            } else if next.is_some_and(lexicon::duration_unit) && !ph.scaled {
                let age = (first.saturating_sub(4)..first)
                    .any(|k| c.word(k).is_some_and(lexicon::is_age_context))
                    || (c.word(last + 2) == Some("من") && c.word(last + 3) == Some("العمر"));
                kind = if age {
                    NumberKind::Age
                } else {
                    NumberKind::Duration
                };
                end_word = last + 1;
            } else if ph.digits
                && is_int
                && !ph.scaled
                && high.is_none()
                && (1800.0..=2100.0).contains(&value)
                && c.w[ph.first].len() == 4
            {
                let month_before = first >= 1
                    && (lexicon::month(c.w[first - 1], c.word(first)).is_some()
                        || (first >= 2
                            && lexicon::month(c.w[first - 2], Some(c.w[first - 1])).is_some()));
                let cue = prev.is_some_and(lexicon::is_year_cue);
                let hijri_mark = next.is_some_and(|nx| nx == "م" || nx == "ه" || nx == "هـ");
                let counted = next.is_some_and(|nx| {
                    g.measure_at(&[nx]).is_some() || g.subject_at(&[nx]).is_some()
                });
                if (month_before
                    || cue
                    || hijri_mark
                    || next.is_none()
                    || c.clause_break_before(last + 1))
                    && !counted
                {
                    kind = NumberKind::Year;
                }
            }
        }
        let (mut s, mut e) = c.span(first, end_word);
        if first == ph.first && ph.prefix > 0 {
            // the figure starts after a glued conjunction or preposition (و22)
            s = c
                .norm
                .orig_span(c.ws[first].start + ph.prefix, c.ws[end_word].end)
                .0;
        }
        if kind == NumberKind::Percent && c.norm.key()[c.ws[end_word].end..].starts_with('%') {
            e = c
                .norm
                .orig_span(c.ws[end_word].end, c.ws[end_word].end + 1)
                .1;
        }
        let mut num = blank_number(sent, s, e, kind, Some(value));
        num.high = high.or(ph.vague.map(|v| v.1));
        num.qualifier = qualifier;
        num.vague = ph.vague.map(|v| v.0);
        if let Some(d) = &date {
            facts.dates.push(DateRef {
                sentence: sent,
                start: s,
                end: e,
                date: d.clone(),
            });
            num.date = date;
        }
        let idx = facts.numbers.len();
        facts.numbers.push(num);
        if matches!(kind, NumberKind::Quantity | NumberKind::Percent) && content {
            annotate(
                g,
                &c,
                &mut facts,
                idx,
                first,
                end_word,
                &mention_at,
                mentions,
                last_number_end,
            );
            last_number_end = Some((end_word, idx));
        }
        i = end_word + 1;
    }
    // the attribution of each number is its sentence's; the era, an earlier year it names
    let mut years: Vec<(usize, i64)> = Vec::new(); // (end offset, year)
    for num in &facts.numbers {
        if let (NumberKind::Year, Some(v), Some((ay, _, _))) = (num.kind, num.value, adate) {
            if (v as i64) < ay {
                years.push((num.end, v as i64));
            }
        }
    }
    let same_clause =
        |a: usize, b: usize| !article.text[a..b].contains(['،', ',', '.', '؛', ';', '\n']);
    for num in &mut facts.numbers {
        if let Some(s) = num.sentence {
            num.attributed_to = facts.attribution[s];
            if matches!(num.kind, NumberKind::Quantity | NumberKind::Percent) {
                num.era = years
                    .iter()
                    .filter(|(ye, _)| *ye <= num.start && same_clause(*ye, num.start))
                    .map(|(_, y)| *y)
                    .max();
            }
        }
    }

    // ---- quotes
    facts.quotes = quotes(&article.text)
        .into_iter()
        .map(|(s, e)| {
            let sentence = sentence_at(&article.sentences, s);
            let speaker = sentence.and_then(|si| facts.attribution[si]).filter(|&e| {
                matches!(
                    g.entities[e].kind,
                    EntityKind::Person
                        | EntityKind::Organisation
                        | EntityKind::Country
                        | EntityKind::Place
                )
            });
            Quote {
                sentence,
                start: s,
                end: e,
                speaker,
            }
        })
        .collect();

    // ---- events
    for (i, sent) in sent_of_word.iter().enumerate() {
        let Some(s) = *sent else { continue };
        if article.sentences[s].kind == SentenceKind::Source {
            continue;
        }
        for (ei, k) in g.events_at(&c.w[i..(i + 4).min(n)]) {
            {
                let (st, en) = c.span(i, i + k - 1);
                facts.events.push(EventHit {
                    sentence: s,
                    event: ei,
                    start: st,
                    end: en,
                });
            }
        }
    }
    facts
}

fn blank_number(
    sentence: Option<usize>,
    start: usize,
    end: usize,
    kind: NumberKind,
    value: Option<f64>,
) -> Number {
    Number {
        sentence,
        start,
        end,
        kind,
        value,
        high: None,
        qualifier: Qualifier::Exact,
        vague: None,
        measure: None,
        subject: None,
        side: None,
        attributed_to: None,
        part_of: None,
        date: None,
        era: None,
    }
}

/// Measure, subject, side and "among them" for the quantity at words `first..=last`.
#[allow(clippy::too_many_arguments)]
fn annotate(
    g: &Glossary,
    c: &Ctx,
    facts: &mut Facts,
    idx: usize,
    first: usize,
    last: usize,
    mention_at: &[Option<usize>],
    mentions: &[Mention],
    prev_number: Option<(usize, usize)>,
) {
    let n = c.ws.len();
    let window = |a: usize, b: usize| -> &[&str] { &c.w[a.min(n)..b.min(n)] };
    // the counted noun right after (skipping a partitive من)
    let mut after = last + 1;
    if c.word(after) == Some("من") {
        after += 1;
    }
    let mut measure = None;
    let mut subject = None;
    let coordinated = c.w[first].starts_with('و') || (first > 0 && c.w[first - 1] == "و");
    // the noun phrase after: up to 3 words, ending at a clause break, another number or a new
    // phrase joined by و; its first word (the counted noun) decides first
    let mut phrase_end = after;
    while phrase_end < n.min(after + 3) {
        let k = phrase_end;
        let among_word =
            lexicon::any_form(c.w[k], |w| matches!(w, "بينهم" | "بينها" | "منهم" | "منها"));
        if c.clause_break_before(k)
            || c.is_digits(k)
            || among_word
            || (k > after && c.w[k].starts_with('و'))
        {
            break;
        }
        phrase_end += 1;
    }
    let measure_at = |k: usize| g.measure_at(window(k, k + 3));
    let subject_at = |k: usize| g.subject_at(window(k, k + 3));
    // a percentage's noun after من is the whole it is a share of, not what is counted
    let partitive = after > last + 1;
    let percent = facts.numbers[idx].kind == NumberKind::Percent;
    if phrase_end > after && !(percent && partitive) {
        measure = measure_at(after);
    }
    for k in after..phrase_end {
        if subject.is_none() {
            subject = subject_at(k);
        }
    }
    // then the words before, up to 6 within the clause
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 6 && !c.clause_break_before(k) {
        k -= 1;
        steps += 1;
        if c.is_digits(k) {
            break;
        }
        if measure.is_none() {
            measure = measure_at(k);
        }
    }
    // then the rest of the noun phrase after
    for k in (after + 1)..phrase_end {
        if measure.is_none() {
            measure = measure_at(k);
        }
    }
    // "بينهم 22 مدنيا" / "منهم": a part of the previous total
    let among = (first.saturating_sub(2)..first).any(|k| {
        lexicon::any_form(c.w[k], |w| {
            matches!(w, "بينهم" | "بينها" | "منهم" | "منها" | "بينهن")
        })
    });
    if among && first >= 1 {
        // the clause break before "بينهم" is expected
        if let Some((_, pi)) = prev_number {
            facts.numbers[idx].part_of = Some(pi);
            if measure.is_none() {
                measure = facts.numbers[pi].measure;
            }
        }
    }
    if let Some((pw, pi)) = prev_number {
        let near = first > pw && first - pw <= 4;
        if near && (coordinated || among) {
            if measure.is_none() {
                measure = facts.numbers[pi].measure;
            }
            if subject.is_none() && coordinated && !among {
                subject = facts.numbers[pi].subject;
            }
        }
    }
    // side: a country or nationality adjective in the noun phrase after, else the clause before
    let country = |k: usize| -> Option<usize> {
        let mi = mention_at.get(k).copied().flatten()?;
        let e = mentions[mi].entity;
        (g.entities[e].kind == EntityKind::Country && (mentions[mi].adjective || k > last))
            .then_some(e)
    };
    let mut side = None;
    for k in (last + 1)..(last + 4).min(n) {
        if c.clause_break_before(k) || c.is_digits(k) {
            break;
        }
        if let Some(e) = country(k) {
            side = Some(e);
            break;
        }
    }
    if side.is_none() {
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 5 && !c.clause_break_before(k) {
            k -= 1;
            steps += 1;
            if c.is_digits(k) {
                break;
            }
            if let Some(mi) = mention_at[k] {
                if mentions[mi].adjective
                    && g.entities[mentions[mi].entity].kind == EntityKind::Country
                {
                    side = Some(mentions[mi].entity);
                    break;
                }
            }
        }
    }
    // a per-place measure (a population) belongs to the place named last before it
    if measure.is_some_and(|m| g.measures[m].per_place) {
        let sentence_start = (0..first)
            .rev()
            .take_while(|&k| !c.sentence_break_before(k + 1))
            .last()
            .unwrap_or(first);
        side = (first.saturating_sub(12).max(sentence_start)..first)
            .rev()
            .find_map(|k| {
                let mi = mention_at[k]?;
                let e = mentions[mi].entity;
                (!mentions[mi].adjective
                    && matches!(g.entities[e].kind, EntityKind::Place | EntityKind::Country))
                .then_some(e)
            });
    }
    let num = &mut facts.numbers[idx];
    num.measure = measure;
    num.subject = subject;
    num.side = side;
}

/// Quoted passages: “…”, «…», "…" (straight quotes paired in order). Returns the spans of the
/// quoted text without the marks; one-word scare quotes are left out.
pub fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, ch) in text.char_indices() {
        match (open, ch) {
            (None, '“' | '«' | '"') => open = Some((i + ch.len_utf8(), ch)),
            (Some((s, o)), c2)
                if (o == '“' && c2 == '”')
                    || (o == '«' && c2 == '»')
                    || (o == '"' && c2 == '"') =>
            {
                let inner = &text[s..i];
                if inner.split_whitespace().count() >= 2 {
                    out.push((s, i));
                }
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::normalize::words;
    use std::path::Path;

    const G: &str = "entities:
  - id: armenia
    kind: country
    en: Armenia
    ar: أرمينيا
    adjectives: [أرمني, أرميني, أرمن]
  - id: yerevan
    kind: place
    en: Yerevan
    ar: يريفان
    side: armenia
measures:
  - id: killed
    en: killed
    ar: قتلى
    triggers: [مقتل, قتيل*, قتلى, قتلت]
  - id: wounded
    en: wounded
    ar: جرحى
    triggers: [جروح, جرحى, إصابة]
  - id: displaced
    en: displaced
    ar: نازحون
    triggers: [نزح*]
subjects:
  - id: civilians
    en: civilians
    ar: مدنيون
    triggers: [مدني*]
  - id: military
    en: military
    ar: عسكريون
    triggers: [جنود, جندي, عسكري*, مقاتل*]
";

    /// Extract from `text` with the glossary `g`.
    fn extract_with(g: &Glossary, text: &str, date: Option<&str>) -> Facts {
        let article = Article {
            id: "t".into(),
            path: "t".into(),
            title: None,
            date: date.map(str::to_string),
            outlet: None,
            url: None,
            sentences: corpus::segment(text, 0, None),
            text: text.to_string(),
        };
        let norm = Normalized::new(text);
        let ms = crate::link::link(g, &norm, &article.sentences);
        extract(g, &article, &norm, &words(norm.key()), &ms)
    }

    fn run(text: &str, date: Option<&str>) -> (Glossary, Facts, String) {
        let g = Glossary::parse(Path::new("g.yaml"), G).unwrap();
        let f = extract_with(&g, text, date);
        (g, f, text.to_string())
    }

    fn nums(text: &str) -> Vec<(String, NumberKind, Option<f64>, Option<f64>)> {
        let (_, f, t) = run(text, Some("2020-10-21"));
        f.numbers
            .iter()
            .map(|n| (t[n.start..n.end].to_string(), n.kind, n.value, n.high))
            .collect()
    }

    #[test]
    fn digits_in_three_scripts_and_scales() {
        let v = nums("قتل ٣٦ شخصا و۴۰ آخرون ونزح 30 ألف شخص.");
        assert_eq!(v[0].2, Some(36.0));
        assert_eq!(v[1].2, Some(40.0));
        assert_eq!(
            v[2],
            ("30 ألف".into(), NumberKind::Quantity, Some(30000.0), None)
        );
    }

    #[test]
    fn ranges_and_number_words() {
        let v = nums("نزح ما بين سبعين إلى 75 ألف شخص. وقتل بين 10 و15 جنديا. ومر ثلاثة أسابيع.");
        assert_eq!((v[0].2, v[0].3), (Some(70000.0), Some(75000.0)));
        assert_eq!((v[1].2, v[1].3), (Some(10.0), Some(15.0)));
        assert_eq!((v[2].1, v[2].2), (NumberKind::Duration, Some(3.0)));
    }

    #[test]
    fn qualifiers() {
        let (_, f, _) = run(
            "سقط أكثر من 800 قتيل بينهم نحو 100 مدني، وقتل 5 جنود على الأقل.",
            None,
        );
        let q: Vec<Qualifier> = f.numbers.iter().map(|n| n.qualifier).collect();
        assert_eq!(
            q,
            vec![Qualifier::MoreThan, Qualifier::About, Qualifier::AtLeast]
        );
        assert_eq!(f.numbers[1].part_of, Some(0));
    }

    #[test]
    fn percentages() {
        let v = nums("نزح 50% من السكان و٩٠ في المئة من الأطفال.");
        assert_eq!((v[0].1, v[0].2), (NumberKind::Percent, Some(50.0)));
        assert_eq!(v[0].0, "50%");
        assert_eq!((v[1].1, v[1].2), (NumberKind::Percent, Some(90.0)));
    }

    #[test]
    fn traps_years_dates_times_ages_names() {
        let v = nums("انفصل في عام 1991 وأعلنت الهدنة في 1994. بدأ القتال في 27 أيلول/سبتمبر، والاجتماع الساعة 12,00 ت غ. قال رجل يبلغ من العمر 63 عاماً إن صواريخ إس-300 وصلت.");
        let kinds: Vec<NumberKind> = v.iter().map(|x| x.1).collect();
        assert_eq!(
            kinds,
            vec![
                NumberKind::Year,
                NumberKind::Year,
                NumberKind::Date,
                NumberKind::Time,
                NumberKind::Age,
                NumberKind::Name
            ]
        );
    }

    #[test]
    fn numeric_dates_are_dates_not_counts() {
        let (_, f, t) = run(
            "وقع الهجوم في 21/10/2020 وأعلن عنه في ٢٠٢٠-١٠-٢٢ رسميا.",
            None,
        );
        let d: Vec<(&str, &str)> = f
            .dates
            .iter()
            .map(|d| (&t[d.start..d.end], d.date.as_str()))
            .collect();
        assert_eq!(
            d,
            vec![("21/10/2020", "2020-10-21"), ("٢٠٢٠-١٠-٢٢", "2020-10-22")]
        );
        assert!(f.numbers.iter().all(|n| n.kind == NumberKind::Date));
    }

    #[test]
    fn wounded_1900_is_a_count_not_a_year() {
        let (_, f, _) = run("أشارت إلى مقتل 790 عسكرياً وإصابة 1900 بجروح.", None);
        assert_eq!(f.numbers[1].kind, NumberKind::Quantity);
        assert_eq!(f.numbers[1].value, Some(1900.0));
    }

    #[test]
    fn two_figures_with_measures_subjects_and_sides() {
        let (g, f, t) = run("أعلنت يريفان مقتل 710 جنود أرمن و36 مدنياً في القتال.", None);
        let a = &f.numbers[0];
        let b = &f.numbers[1];
        // the conjunction glued to the figure is not part of it
        assert_eq!(&t[b.start..b.end], "36");
        assert_eq!(g.measures[a.measure.unwrap()].id, "killed");
        assert_eq!(g.subjects[a.subject.unwrap()].id, "military");
        assert_eq!(g.entities[a.side.unwrap()].id, "armenia");
        assert_eq!(g.measures[b.measure.unwrap()].id, "killed");
        assert_eq!(g.subjects[b.subject.unwrap()].id, "civilians");
        assert_eq!(g.entities[a.attributed_to.unwrap()].id, "yerevan");
    }

    #[test]
    fn dates_in_both_series_and_relative_words() {
        let (_, f, t) = run("عقد الاجتماع في التاسع من تشرين الأول/أكتوبر. وبدأ في 27 سبتمبر/أيلول. وتحدث الأربعاء وأمس.", Some("2020-10-21"));
        let d: Vec<(&str, &str)> = f
            .dates
            .iter()
            .map(|d| (&t[d.start..d.end], d.date.as_str()))
            .collect();
        assert_eq!(d[0].1, "2020-10-09");
        assert_eq!(d[1].1, "2020-09-27");
        assert_eq!(d[2], ("الأربعاء", "2020-10-21"));
        assert_eq!(d[3].1, "2020-10-20");
    }

    #[test]
    fn this_month_resolves_against_the_article_date() {
        let (_, f, _) = run(
            "الاجتماع الذي عقد في التاسع من الشهر الحالي.",
            Some("2020-10-21"),
        );
        assert_eq!(f.dates[0].date, "2020-10-09");
    }

    #[test]
    fn quotes_with_speakers() {
        let (g, f, t) = run(
            "وقالت يريفان «لن نتراجع عن موقفنا». وقال آخر \"نعم\".",
            None,
        );
        assert_eq!(f.quotes.len(), 1);
        assert_eq!(
            &t[f.quotes[0].start..f.quotes[0].end],
            "لن نتراجع عن موقفنا"
        );
        assert_eq!(g.entities[f.quotes[0].speaker.unwrap()].id, "yerevan");
    }

    #[test]
    fn the_speaker_is_the_person_not_the_body_they_lead() {
        let g = "entities:
  - {id: rsf, kind: organisation, en: RSF, ar: قوات الدعم السريع}
  - {id: dagalo, kind: person, en: Mohamed Dagalo, ar: محمد حمدان دقلو}
  - {id: un, kind: organisation, en: UN, ar: الأمم المتحدة}
  - {id: burhan, kind: person, en: Burhan, ar: البرهان}
";
        let g = Glossary::parse(Path::new("g.yaml"), g).unwrap();
        let who = |text: &str| {
            extract_with(&g, text, None).attribution[0].map(|e| g.entities[e].id.clone())
        };
        assert_eq!(
            who("وقال قائد قوات الدعم السريع محمد حمدان دقلو إن قواته مستعدة.").as_deref(),
            Some("dagalo")
        );
        // the reported speech starts at إن: the person after it is not the speaker
        assert_eq!(
            who("قالت الأمم المتحدة إن البرهان وافق على الهدنة.").as_deref(),
            Some("un")
        );
    }

    #[test]
    fn civil_days_roundtrip() {
        for z in [-1000, 0, 18500, 18556] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(fmt_days(days_from_civil(2020, 10, 21)), "2020-10-21");
    }
}
