//! Figures and calendar dates, bound to their clause.
//!
//! A number phrase (digits of three scripts, number words, scales, ranges, qualifiers before and
//! after, verbs of exceeding) is read, told apart from years, dates, times, ages, durations and
//! model names, and — when it counts something — given the measure of the trigger in **its own
//! clause** (the counted noun first, then the words before it in the clause, then the rest of
//! its noun phrase), a subject group, a side, an item, an era, a status and the speaker of its
//! clause.

use super::clauses::Clauses;
use super::dates::{self, date_string, month_at, numeric_date};
use super::speakers::Speakers;
use super::{
    blank_number, Ctx, DateRef, DateRole, Era, Facts, FigureStatus, NumberKind, Qualifier,
};
use crate::fasthash::FastMap;
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon::{self, strip_clitics};

/// 2^53, the largest integer an f64 holds exactly: a longer figure is not read as a count (a
/// serial number, a misread); the text keeps its written form.
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

fn parse_digits(s: &str) -> Option<f64> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v <= MAX_COUNT)
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

/// «اثنا/اثني/اثنتا/اثنتي» (the first half of twelve), «أحد/إحدى» (of eleven): 12 or 11.
fn teen_head(w: &str) -> Option<f64> {
    if !w.contains("اثن") && !w.contains("احد") {
        return None;
    }
    let w = strip_clitics(w, 3);
    match w.strip_prefix("ال").unwrap_or(w) {
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => Some(12.0),
        "احد" | "احدي" => Some(11.0),
        _ => None,
    }
}

fn is_ten(w: Option<&str>) -> bool {
    matches!(w, Some("عشر" | "عشره"))
}

/// Parse a number at word `i`: digits (with `,`/`.` groups), a clitic و/ب + digits, number
/// words, then an optional scale word.
fn parse_at(c: &Ctx, i: usize) -> Option<Phrase> {
    let w = c.word(i)?;
    // «الثامنة عشرة»، «الحادي عشر»: the second half of a compound ordinal is no count
    if is_ten(Some(w)) && i > 0 && !c.clause_break_before(i) && lexicon::is_ordinal_unit(c.w[i - 1])
    {
        return None;
    }
    let teen = teen_head(w).filter(|_| is_ten(c.word(i + 1)));
    let mut last = i;
    let mut prefix = 0;
    let (mut value, digits) = if c.is_digits(i) {
        let mut text = w.to_string();
        // 30,000 / 12,00 / 2.5 written as one token in the original
        while let (Some(next), gap) = (c.word(last + 1), c.gap_before(last + 1)) {
            let glued = next.starts_with(|ch: char| ch.is_ascii_digit())
                && !next.bytes().all(|b| b.is_ascii_digit());
            if (gap == "," || gap == ".") && glued {
                return None; // 1.79e308, 2.5x: digits glued to letters are not a count
            }
            if (gap == "," || gap == ".") && next.bytes().all(|b| b.is_ascii_digit()) {
                if gap == "," && next.len() == 3 {
                    text.push_str(next);
                } else {
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
        } else if let Some(v) = teen {
            prefix = w.len() - strip_clitics(w, 3).len();
            last += 1;
            (v, false)
        } else {
            let bare = strip_clitics(w, 2);
            let v = lexicon::number_word(bare)?;
            prefix = w.len() - bare.len();
            (v, false)
        }
    } else if let Some(v) = teen {
        last += 1;
        (v, false)
    } else if let Some(v) = lexicon::number_word(w) {
        (v, false)
    } else if let Some((lo, hi, label)) = lexicon::vague_amount(w) {
        return Some(Phrase {
            first: i,
            last: i,
            value: lo,
            scaled: true,
            digits: false,
            vague: Some((label, hi)),
            prefix: 0,
        });
    } else {
        return None;
    };
    // «ثلاثة عشر»، «خمس عشرة»: 13, 15
    if !digits && (1.0..10.0).contains(&value) && is_ten(c.word(last + 1)) {
        value += 10.0;
        last += 1;
    }
    // compound number words: خمسة وعشرين
    if !digits {
        if let Some(rest) = c.word(last + 1).and_then(|n| n.strip_prefix('و')) {
            if let Some(v2) = lexicon::number_word(rest) {
                if v2 > value && v2 < 100.0 {
                    value += v2;
                    last += 1;
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

/// «على الأقل» after the figure's noun phrase: up to six words on, in the same clause, with no
/// other number between.
fn qualifier_after_phrase(c: &Ctx, clauses: &Clauses, last: usize) -> Option<Qualifier> {
    for k in (last + 1)..(last + 7).min(c.len()) {
        if !clauses.same(k, last) || c.clause_break_before(k) || (k > last + 1 && c.is_digits(k)) {
            return None;
        }
        if let Some((_, q)) = qualifier_after(c, k) {
            return Some(q);
        }
    }
    None
}

/// «تجاوز عدد المصابين 60»، «يفوق»: a verb of exceeding up to four words before, in the clause.
fn exceeding_verb_before(c: &Ctx, clauses: &Clauses, first: usize) -> bool {
    (first.saturating_sub(4)..first).any(|k| {
        clauses.same(k, first)
            && lexicon::any_form(c.w[k], |w| {
                matches!(
                    w,
                    "تجاوز"
                        | "يتجاوز"
                        | "تتجاوز"
                        | "تجاوزت"
                        | "تخطي"
                        | "يتخطي"
                        | "تخطت"
                        | "فاق"
                        | "يفوق"
                        | "تفوق"
                        | "فاقت"
                )
            })
    })
}

/// «ارتفعت الحصيلة من 14 إلى 17»: a change of one figure, not a range.
fn change_verb_before(c: &Ctx, clauses: &Clauses, first: usize) -> bool {
    first >= 1
        && c.w[first - 1] == "من"
        && (first.saturating_sub(5)..first - 1).any(|k| {
            clauses.same(k, first)
                && lexicon::any_form(c.w[k], |w| {
                    w.starts_with("ارتفع")
                        || w.starts_with("يرتفع")
                        || w.starts_with("ترتفع")
                        || w.starts_with("تراجع")
                        || w.starts_with("انخفض")
                        || w.starts_with("قفز")
                        || w == "زاد"
                })
        })
}

/// Decades and "the last century": the clause is about an earlier time.
fn is_decade_word(w: &str) -> bool {
    if !w.ends_with("ات") {
        return false;
    }
    let w = strip_clitics(w, 3);
    let w = w.strip_prefix("ال").unwrap_or(w);
    ["تسعين", "ثمانين", "سبعين", "ستين", "خمسين", "اربعين"]
        .iter()
        .any(|d| w.starts_with(d) && (w.ends_with("يات") || w.ends_with("ات")) && w != *d)
}

/// What the clauses of the article say about time, collected while scanning.
#[derive(Default)]
struct ClauseTime {
    /// The earliest year before the article's in each clause.
    years: FastMap<usize, i64>,
    /// Clauses that name a decade («التسعينات») or «القرن الماضي».
    decades: FastMap<usize, ()>,
}

/// Scan the article for numbers and dates.
pub fn scan(g: &Glossary, c: &Ctx, clauses: &Clauses, speakers: &Speakers, facts: &mut Facts) {
    let n = c.len();
    let mut time = ClauseTime::default();
    let mut sentence_words = vec![0usize; c.article.sentences.len()];
    for s in c.sent_of_word.iter().flatten() {
        sentence_words[*s] += 1;
    }
    let mut i = 0;
    let mut last_number_end: Option<(usize, usize)> = None; // (word index, number index)
    let last_date_cell = std::cell::Cell::new(None::<i64>); // days of the last event date read
    while i < n {
        let Some(sent) = c.sent_of_word[i] else {
            i += 1; // outside every sentence: front matter
            continue;
        };
        let content = c.article.sentences[sent].kind.is_content();
        let ci = clauses.of(i);
        if is_decade_word(c.w[i]) || (c.w[i] == "القرن" && c.word(i + 1) == Some("الماضي"))
        {
            time.decades.insert(ci, ());
        }
        // most words are no number, date or calendar word: one hash probe rules them out
        if !c.lexical[i] && !c.w[i].bytes().any(|b| b.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let push_date = |facts: &mut Facts, s: usize, e: usize, first: usize, date: String| {
            let sw = sentence_words[sent];
            push_date_ref(
                g,
                c,
                clauses,
                facts,
                &last_date_cell,
                (s, e, first, sw, sent),
                date,
            );
        };
        if let Some(next) = ordinal_date(c, i) {
            let (s, e) = c.span(i, next.1);
            push_date(facts, s, e, i, next.0);
            i = next.1 + 1;
            continue;
        }
        // weekdays and yesterday/today, resolved against the article's date
        if let Some(adt) = c.adate {
            let base = dates::days_from_civil(adt.0, adt.1, adt.2);
            // a weekday or «اليوم» inside a quotation is the speaker's day, which the article
            // does not give; a weekday before its own date («الجمعة 31 يوليو») is that date's
            let spoken = c.quoted.get(i).copied().unwrap_or(false);
            let dated = (i + 1..(i + 3).min(c.len()))
                .any(|k| c.is_digits(k) && dates::month_at(c, k + 1).is_some());
            // a date word inside a linked name («روسيا اليوم») is part of the name
            let in_name = c.mention_first[i].is_some();
            if (spoken || dated || in_name)
                && (dates::weekday_at(c, i).is_some() || lexicon::relative_day(c.w[i]).is_some())
            {
                i += 1;
                continue;
            }
            if let Some(wd) = dates::weekday_at(c, i).filter(|_| !dates::pluperfect_before(c, i)) {
                // 1970-01-01 was a Thursday (4)
                let awd = (base % 7 + 7 + 4) % 7;
                let day = if dates::future_at(g, c, clauses, i) {
                    base + (wd as i64 - awd + 7) % 7
                } else {
                    base - (awd - wd as i64 + 7) % 7
                };
                let (s, e) = c.span(i, i);
                push_date(facts, s, e, i, dates::fmt_days(day));
            } else if let Some(r) = lexicon::relative_day(c.w[i]) {
                if r == 0
                    && c.word(i + 1)
                        .is_some_and(|nx| matches!(nx, "التالي" | "الموالي"))
                {
                    // «اليوم التالي»: the day after the last date told, if there is one
                    if let Some(d) = last_date_cell.get() {
                        let (s, e) = c.span(i, i + 1);
                        push_date(facts, s, e, i, dates::fmt_days(d + 1));
                    }
                    i += 2;
                    continue;
                }
                // «اليوم (الاثنين)»، «أمس الأحد»: the weekday says which day (a reprint's
                // «today» is the original's)
                let weekday_next = c.word(i + 1).is_some() && dates::weekday_at(c, i + 1).is_some();
                let named = r == 0 && dates::today_is_name(c, i);
                if !named && !weekday_next {
                    // «أمس الأول»، «أول من أمس»: the day before yesterday
                    let (a, b, r) = match dates::before_yesterday(c, i) {
                        Some((a, b)) => (a, b, -2),
                        None => (i, i, r),
                    };
                    let (s, e) = c.span(a, b);
                    push_date(facts, s, e, a, dates::fmt_days(base + r));
                }
            }
        }
        // a numeric date: 21/10/2020, 21-10-2020, 2020-10-21, 2020/10/21
        if let Some((y, m, d, last)) = numeric_date(c, i) {
            let (s, e) = c.span(i, last);
            let date = format!("{y:04}-{m:02}-{d:02}");
            let mut num = blank_number(Some(sent), s, e, NumberKind::Date, parse_digits(c.w[i]));
            num.date = Some(date.clone());
            facts.numbers.push(num);
            push_date(facts, s, e, i, date);
            i = last + 1;
            continue;
        }
        // a code name like إس-300 / F-16: digits glued by '-' to letters
        if c.is_digits(i) && i > 0 && c.gap_before(i) == "-" && !c.is_digits(i - 1) {
            let (s, e) = c.span(i - 1, i);
            let v = parse_digits(c.w[i]);
            facts
                .numbers
                .push(blank_number(Some(sent), s, e, NumberKind::Name, v));
            i += 1;
            continue;
        }
        // fraction of a group: نصف سكان
        if let Some(pct) = lexicon::fraction_word(c.w[i]) {
            let next_ok = c.word(i + 1).is_some_and(|nx| {
                lexicon::number_word(nx).is_none() && !c.clause_break_before(i + 1)
            });
            if content && next_ok {
                let (s, e) = c.span(i, i);
                let mut num = blank_number(Some(sent), s, e, NumberKind::Percent, Some(pct));
                num.vague = Some("fraction");
                let idx = facts.numbers.len();
                facts.numbers.push(num);
                annotate(g, c, clauses, facts, idx, i, i, last_number_end);
                last_number_end = Some((i, idx));
                i += 1;
                continue;
            }
        }
        let Some(ph) = parse_at(c, i) else {
            i += 1;
            continue;
        };
        let Some(read) = read_figure(g, c, clauses, &ph, sent) else {
            i = ph.last + 1;
            continue;
        };
        let Figure {
            first,
            end_word,
            mut num,
            date,
        } = read;
        if let Some(d) = &date {
            push_date(facts, num.start, num.end, first, d.clone());
        }
        if num.kind == NumberKind::Year {
            if let (Some(v), Some((ay, _, _))) = (num.value, c.adate) {
                if (v as i64) < ay {
                    let y = time.years.entry(clauses.of(first)).or_insert(v as i64);
                    *y = (*y).min(v as i64);
                }
            }
        }
        num.clause = Some(clauses.of(first));
        let idx = facts.numbers.len();
        let counted = matches!(num.kind, NumberKind::Quantity | NumberKind::Percent);
        facts.numbers.push(num);
        if counted && content {
            annotate(g, c, clauses, facts, idx, first, end_word, last_number_end);
            last_number_end = Some((end_word, idx));
        }
        i = end_word + 1;
    }
    finish(g, c, clauses, speakers, &time, facts);
}

/// Record a date with its role; an event date becomes the base of «اليوم التالي».
fn push_date_ref(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    facts: &mut Facts,
    last_date: &std::cell::Cell<Option<i64>>,
    (s, e, first, sentence_words, sent): (usize, usize, usize, usize, usize),
    date: String,
) {
    let role = dates::role(g, c, clauses, first, sentence_words, sent);
    if role == DateRole::Event {
        if let Some((y, m, d)) = dates::parse_iso(&date) {
            last_date.set(Some(dates::days_from_civil(y, m, d)));
        }
    }
    facts.dates.push(DateRef {
        sentence: Some(sent),
        start: s,
        end: e,
        date,
        role,
        event: None,
        clause: Some(clauses.of(first)),
    });
}

/// «التاسع من تشرين الأول», «التاسع من الشهر الحالي»: (date, last word).
fn ordinal_date(c: &Ctx, i: usize) -> Option<(String, usize)> {
    let (day, nw) = lexicon::ordinal_day(c.w[i], c.word(i + 1).zip(c.word(i + 2)))?;
    let j = i + nw;
    if c.word(j) != Some("من") {
        return None;
    }
    if let Some((m, _, last)) = month_at(c, j + 1) {
        return Some((date_string(None, m, day, c.adate), last));
    }
    if c.word(j + 1) == Some("الشهر") {
        let rel = match c.word(j + 2) {
            Some("الحالي" | "الجاري") => 0,
            Some("الماضي") => -1,
            _ => return None,
        };
        let (ay, am, _) = c.adate?;
        let (y, m) = if rel == -1 && am == 1 {
            (ay - 1, 12)
        } else {
            (ay, (am as i64 + rel) as u32)
        };
        return Some((format!("{y:04}-{m:02}-{day:02}"), j + 2));
    }
    None
}

struct Figure {
    first: usize,
    end_word: usize,
    num: super::Number,
    date: Option<String>,
}

/// Read the figure of a parsed phrase: qualifiers, ranges, and what kind of number it is.
fn read_figure(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    ph: &Phrase,
    sent: usize,
) -> Option<Figure> {
    let mut first = ph.first;
    let mut last = ph.last;
    let mut qualifier = Qualifier::Exact;
    if let Some((qf, q)) = qualifier_before(c, first) {
        if !c.clause_break_before(first) {
            qualifier = q;
            first = qf;
        }
    }
    if qualifier == Qualifier::Exact && exceeding_verb_before(c, clauses, first) {
        qualifier = Qualifier::MoreThan;
    }
    let mut value = ph.value;
    let mut high = None;
    // range: "سبعين إلى 75 ألف", "بين 10 و15", "10-15" — but not «ارتفعت من 14 إلى 17»
    let dash = c.gap_before(last + 1).trim() == "-";
    let (hi_at, joiner) = match c.word(last + 1) {
        Some("الي" | "حتي") => (last + 2, true),
        _ if dash && c.is_digits(last + 1) => (last + 1, true),
        Some(wd)
            if wd.starts_with('و')
                && c.word(first.saturating_sub(1)) == Some("بين")
                && first > 0 =>
        {
            (last + 1, true)
        }
        // «بين 20 أو 30»
        Some("او") if c.word(first.saturating_sub(1)) == Some("بين") && first > 0 => {
            (last + 2, true)
        }
        _ => (0, false),
    };
    if joiner && !c.clause_break_before(last + 1) && !change_verb_before(c, clauses, ph.first) {
        if let Some(ph2) = parse_at(c, hi_at) {
            let mut lo = value;
            if !ph.scaled && ph2.scaled && ph2.vague.is_none() {
                if let Some(s) = [1e9, 1e6, 1e3]
                    .into_iter()
                    .find(|s| ph2.value >= *s && lo * s <= ph2.value)
                {
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
    if value > MAX_COUNT || high.is_some_and(|h| h > MAX_COUNT) {
        return None;
    }
    // "5 جنود على الأقل": after the number or after its noun phrase
    if qualifier == Qualifier::Exact {
        if let Some(q) = qualifier_after(c, last + 1)
            .map(|x| x.1)
            .or_else(|| qualifier_after_phrase(c, clauses, last))
        {
            qualifier = q;
        }
    }
    let (kind, end_word, date) = number_kind(g, c, ph, first, last, value, high.is_some());
    let (mut s, mut e) = c.span(first, end_word);
    if first == ph.first && ph.prefix > 0 {
        // the figure starts after a glued conjunction or preposition (و22)
        s = c
            .norm
            .orig_span(c.ws[first].start + ph.prefix, c.ws[end_word].end)
            .0;
    }
    if kind == NumberKind::Percent && c.key[c.ws[end_word].end..].starts_with('%') {
        e = c
            .norm
            .orig_span(c.ws[end_word].end, c.ws[end_word].end + 1)
            .1;
    }
    let mut num = blank_number(Some(sent), s, e, kind, Some(value));
    num.high = high.or(ph.vague.map(|v| v.1));
    num.qualifier = qualifier;
    num.vague = ph.vague.map(|v| v.0);
    num.date = date.clone();
    if change_verb_before(c, clauses, ph.first) && c.word(last + 1) == Some("الي") {
        num.status = FigureStatus::Initial; // the figure it rose from
    }
    Some(Figure {
        first,
        end_word,
        num,
        date,
    })
}

/// What follows decides the kind: (kind, last word, resolved date).
fn number_kind(
    g: &Glossary,
    c: &Ctx,
    ph: &Phrase,
    first: usize,
    last: usize,
    value: f64,
    ranged: bool,
) -> (NumberKind, usize, Option<String>) {
    let next = c.word(last + 1);
    let prev = if first > 0 { c.word(first - 1) } else { None };
    let is_int = value.fract() == 0.0;
    if ph.vague.is_some() {
        return (NumberKind::Quantity, last, None);
    }
    if ph.digits && is_int && (1.0..=31.0).contains(&value) && !ph.scaled && !ranged {
        if let Some((m, series, ml)) = month_at(c, last + 1) {
            let mut end_word = ml;
            let mut year = None;
            if series != "hijri" && c.is_digits(ml + 1) && c.w[ml + 1].len() == 4 {
                year = c.w[ml + 1].parse::<i64>().ok();
                end_word = ml + 1;
            }
            let valid = year.is_none_or(|y| value as u32 <= dates::days_in_month(y, m));
            let date =
                (series != "hijri" && valid).then(|| date_string(year, m, value as u32, c.adate));
            return (NumberKind::Date, end_word, date);
        }
    }
    let pct = next
        .map(|nx| lexicon::is_percent_words(nx, c.word(last + 2)))
        .unwrap_or(0);
    let glued_pct = c.gap_before(last + 1).trim_start().starts_with('%')
        || c.key[c.ws[last].end..].starts_with('%');
    if glued_pct {
        return (NumberKind::Percent, last, None);
    }
    if pct > 0 {
        return (NumberKind::Percent, last + pct, None);
    }
    if c.gap_before(last + 1).trim() == ":" && c.is_digits(last + 1) && value < 25.0 {
        return (NumberKind::Time, last + 1, None);
    }
    let clock = next.is_some_and(|nx| matches!(nx, "ت" | "بتوقيت" | "غرينتش" | "صباحا" | "مساء"));
    if prev.is_some_and(lexicon::is_time_cue) || (clock && ph.digits) {
        return (NumberKind::Time, last, None);
    }
    if next.is_some_and(lexicon::duration_unit) && !ph.scaled {
        let age = (first.saturating_sub(4)..first)
            .any(|k| c.word(k).is_some_and(lexicon::is_age_context))
            || (c.word(last + 2) == Some("من") && c.word(last + 3) == Some("العمر"));
        let kind = if age {
            NumberKind::Age
        } else {
            NumberKind::Duration
        };
        return (kind, last + 1, None);
    }
    if ph.digits
        && is_int
        && !ph.scaled
        && !ranged
        && (1800.0..=2100.0).contains(&value)
        && c.w[ph.first].len() == 4
    {
        let month_before = first >= 1
            && (lexicon::month(c.w[first - 1], c.word(first)).is_some()
                || (first >= 2 && lexicon::month(c.w[first - 2], Some(c.w[first - 1])).is_some()));
        let cue = prev.is_some_and(lexicon::is_year_cue);
        let hijri_mark = next.is_some_and(|nx| nx == "م" || nx == "ه" || nx == "هـ");
        let counted =
            next.is_some_and(|nx| g.measure_at(&[nx]).is_some() || g.subject_at(&[nx]).is_some());
        if (month_before || cue || hijri_mark || next.is_none() || c.clause_break_before(last + 1))
            && !counted
        {
            return (NumberKind::Year, last, None);
        }
    }
    (NumberKind::Quantity, last, None)
}

/// Does the measure apply in the clause of word `at`? (A measure with `requires` needs one of
/// those words within 15 words of the figure, in its clause.)
fn measure_applies(g: &Glossary, c: &Ctx, clauses: &Clauses, m: usize, at: usize) -> bool {
    let req = &g.measures[m].requires;
    if req.is_empty() {
        return true;
    }
    let n = c.len();
    (at.saturating_sub(15)..(at + 15).min(n)).any(|k| {
        clauses.same(k, at)
            && req
                .iter()
                .any(|t| t.matches(&c.w[k..(k + 3).min(n)]).is_some())
    })
}

/// Measure, subject, side, item and "among them" for the quantity at words `first..=last`.
#[allow(clippy::too_many_arguments)]
fn annotate(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    facts: &mut Facts,
    idx: usize,
    first: usize,
    last: usize,
    prev_number: Option<(usize, usize)>,
) {
    let n = c.len();
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
            || !clauses.same(k, last)
            || c.is_digits(k)
            || among_word
            || (k > after && c.w[k].starts_with('و'))
        {
            break;
        }
        phrase_end += 1;
    }
    let measure_at = |k: usize| {
        g.measure_at(window(k, k + 3))
            .filter(|&m| measure_applies(g, c, clauses, m, first))
    };
    let subject_at = |k: usize| g.subject_at(window(k, k + 3));
    // a share's noun (after من, or after نصف) is the whole it is a share of, not what is counted
    let partitive = after > last + 1;
    let percent = facts.numbers[idx].kind == NumberKind::Percent;
    let item = (phrase_end > after)
        .then(|| g.item_at(window(after, after + 3)))
        .flatten();
    // the counted noun after decides first: «30 قتيلا ومئة جريح» are 100 wounded
    if phrase_end > after && !percent && !partitive {
        measure = measure_at(after);
    }
    // coordinated figures without their own noun share their verb: «نزح 50% من السكان و90%
    // من الأطفال»
    let (pw_near, among) = near_previous(c, first, prev_number);
    if measure.is_none() && pw_near && coordinated && !among {
        if let Some((_, pi)) = prev_number {
            measure = facts.numbers[pi].measure;
        }
    }
    for k in after..phrase_end {
        if subject.is_none() {
            subject = subject_at(k);
        }
    }
    // then the words before, up to 6 within the clause
    let mut k = first;
    let mut steps = 0;
    while measure.is_none()
        && k > 0
        && steps < 6
        && !c.clause_break_before(k)
        && clauses.same(k - 1, first)
    {
        k -= 1;
        steps += 1;
        if c.is_digits(k) {
            break;
        }
        measure = measure_at(k);
    }
    // then the rest of the noun phrase after
    if !(percent && partitive) {
        for k in (after + 1)..phrase_end {
            if measure.is_none() {
                measure = measure_at(k);
            }
        }
    }
    // «تعرض سبعة من رجال الأمن للإصابة»: what befell them, with «ل», right after the phrase
    let befell = phrase_end < n
        && clauses.same(phrase_end, last)
        && !c.clause_break_before(phrase_end)
        && c.w[phrase_end].starts_with('ل');
    if measure.is_none() && befell && !percent {
        measure = measure_at(phrase_end);
    }
    // "بينهم 22 مدنيا" / "منهم": a part of the previous total
    if among {
        if let Some((_, pi)) = prev_number {
            facts.numbers[idx].part_of = Some(pi);
            if measure.is_none() {
                measure = facts.numbers[pi].measure;
            }
        }
    }
    if let Some((_, pi)) = prev_number.filter(|_| pw_near && coordinated && !among) {
        if subject.is_none() {
            subject = facts.numbers[pi].subject;
        }
    }
    let side = side_of(g, c, clauses, first, last, measure);
    let num = &mut facts.numbers[idx];
    num.measure = measure;
    num.subject = subject;
    num.side = side;
    num.item = item;
}

/// Is the figure at `first` right after the previous one (within 4 words), and is it a part of it
/// («بينهم»)?
fn near_previous(c: &Ctx, first: usize, prev: Option<(usize, usize)>) -> (bool, bool) {
    let among = (first.saturating_sub(2)..first).any(|k| {
        lexicon::any_form(c.w[k], |w| {
            matches!(w, "بينهم" | "بينها" | "منهم" | "منها" | "بينهن")
        })
    });
    let near = prev.is_some_and(|(pw, _)| first > pw && first - pw <= 4);
    (near, among && prev.is_some())
}

/// The side: a country or nationality adjective in the noun phrase after, else in the clause
/// before; for a per-place measure (a population), the place named last before it.
fn side_of(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    first: usize,
    last: usize,
    measure: Option<usize>,
) -> Option<usize> {
    let n = c.len();
    let country = |k: usize, adj_only: bool| -> Option<usize> {
        let (e, adj) = c.mention(k)?;
        let e = side_entity(g, e);
        (g.entities[e].kind == EntityKind::Country && (adj || !adj_only)).then_some(e)
    };
    if measure.is_some_and(|m| g.measures[m].per_place) {
        return (first.saturating_sub(12)..first)
            .rev()
            .take_while(|&k| c.sent_of_word[k] == c.sent_of_word[first])
            .find_map(|k| {
                let (e, adj) = c.mention(k)?;
                (!adj && matches!(g.entities[e].kind, EntityKind::Place | EntityKind::Country))
                    .then_some(e)
            });
    }
    for k in (last + 1)..(last + 4).min(n) {
        if c.clause_break_before(k) || c.is_digits(k) || !clauses.same(k, last) {
            break;
        }
        if let Some(e) = country(k, false) {
            return Some(e);
        }
    }
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 5 && !c.clause_break_before(k) && clauses.same(k - 1, first) {
        k -= 1;
        steps += 1;
        if c.is_digits(k) {
            break;
        }
        // «أشار مسؤول (أمني) تركي إلى …»: the adjective of whoever gives the figure
        let of_source = (k.saturating_sub(2)..k).any(|p| lexicon::is_source_noun(c.w[p]));
        if let Some(e) = country(k, true).filter(|_| !of_source) {
            return Some(e);
        }
    }
    None
}

/// The entity a place or body speaks for (`side:` in the glossary), else itself.
fn side_entity(g: &Glossary, e: usize) -> usize {
    g.entities[e].side.unwrap_or(e)
}

/// After the scan: who says each figure, its era and its status.
fn finish(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    speakers: &Speakers,
    time: &ClauseTime,
    facts: &mut Facts,
) {
    for num in &mut facts.numbers {
        let Some(ci) = num.clause else { continue };
        if !matches!(num.kind, NumberKind::Quantity | NumberKind::Percent) {
            continue;
        }
        let sp = speakers.of_clause(ci);
        num.attributed_to = sp.entity;
        num.said_by_surface = sp.surface;
        num.era = time.years.get(&ci).copied();
        let first = c.word_at_offset(num.start).min(c.len().saturating_sub(1));
        // «أشعل ذلك آنذاك نزاعا خلف 30 ألف قتيل»: «then», «at that time» in the clause
        let then = (c.word_at_offset(num.start).saturating_sub(12)..first).any(|k| {
            clauses.of(k) == ci
                && lexicon::any_form(c.w[k], |w| {
                    matches!(
                        w,
                        "حينها"
                            | "حينذاك"
                            | "انذاك"
                            | "وقتها"
                            | "وقتذاك"
                            | "يومها"
                            | "انئذ"
                    )
                })
        });
        num.era_kind = if num.era.is_some() || time.decades.contains_key(&ci) || then {
            Era::Historical
        } else if dates::future_at(g, c, clauses, first) || agreed_before(c, clauses, first) {
            Era::Planned
        } else {
            Era::Current
        };
        if num.status == FigureStatus::Initial {
            continue;
        }
        num.status = if sp.witness {
            FigureStatus::Eyewitness
        } else if preliminary(c, clauses, first) {
            FigureStatus::Initial
        } else if num.measure.is_some_and(|m| g.measures[m].cumulative) {
            FigureStatus::Toll
        } else {
            FigureStatus::Other
        };
    }
}

/// «اتفق الطرفان على تبادل 50 أسيراً»: an agreed number.
fn agreed_before(c: &Ctx, clauses: &Clauses, first: usize) -> bool {
    (first.saturating_sub(8)..first).any(|k| {
        clauses.same(k, first)
            && lexicon::any_form(c.w[k], |w| {
                matches!(w, "اتفق" | "اتفقت" | "اتفقا" | "اتفقوا" | "يتفق")
            })
    })
}

/// «حصيلة أولية»، «… قبل أن ترتفع لاحقاً»: a first count.
fn preliminary(c: &Ctx, clauses: &Clauses, first: usize) -> bool {
    let ci = clauses.of(first);
    let cl = clauses.get(ci);
    let prelim =
        |w: &str| lexicon::any_form(w, |x| matches!(x, "اوليه" | "مبدييه" | "اولي" | "مبديي"));
    let here =
        (cl.first.max(first.saturating_sub(8))..=(cl.last.min(first + 8))).any(|k| prelim(c.w[k]));
    let rises_later = clauses.list.get(ci + 1).is_some_and(|next| {
        next.sentence == cl.sentence
            && c.w[next.first] == "قبل"
            && (next.first..=next.last.min(next.first + 5)).any(|k| {
                lexicon::any_form(c.w[k], |w| {
                    w.starts_with("ترتفع") || w.starts_with("يرتفع") || w.starts_with("ارتفع")
                })
            })
    });
    here || rises_later
}
