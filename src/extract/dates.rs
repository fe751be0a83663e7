//! Calendar arithmetic and the date words: day + month of either series, numeric dates,
//! ordinal days, weekdays, «أمس/اليوم/غداً», «اليوم التالي», and what a date is to its clause
//! (an event, the dateline, «منذ», a deadline, a plan).
//!
//! In: the words around a date. Out: resolved `YYYY-MM-DD` strings and [`DateRole`]s.

use super::clauses::{is_reported_opener, Clauses};
use super::{Ctx, DateRole};
use crate::glossary::Glossary;
use crate::lexicon;

/// Resolve a day and month against the article's date when the year is not given.
pub fn date_string(
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

pub fn parse_iso(d: &str) -> Option<(i64, u32, u32)> {
    Some((
        d.get(0..4)?.parse().ok()?,
        d.get(5..7)?.parse().ok()?,
        d.get(8..10)?.parse().ok()?,
    ))
}

/// Days since 1970-01-01 (proleptic Gregorian), and back.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
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

pub fn fmt_days(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Three groups of digits joined by the same `/`, `-` or `.` with nothing else between them,
/// read as day/month/year, or year-month-day when the first group has four digits.
pub fn numeric_date(c: &Ctx, i: usize) -> Option<(i64, u32, u32, usize)> {
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
    let valid = (1..=12).contains(&m)
        && (1800..=2100).contains(&y)
        && day >= 1
        && day <= days_in_month(y, m as u32) as i64;
    valid.then_some((y, m as u32, day as u32, i + 2))
}

/// 28–31: the length of a month of the Gregorian calendar.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Month at word i (one or two words), possibly followed by "/ other-series month": returns
/// (month, series, last word index).
pub fn month_at(c: &Ctx, i: usize) -> Option<(u32, &'static str, usize)> {
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
    // «19 يوليو (تموز) 2012»، «تموز (يوليو)»: the other series' name in brackets
    if c.gap_before(last + 1).trim() == "(" {
        if let Some((m2, _, n2)) = c
            .word(last + 1)
            .and_then(|w| lexicon::month(w, c.word(last + 2)))
        {
            if m2 == m && c.gap_before(last + 1 + n2).trim_start().starts_with(')') {
                last += n2;
            }
        }
    }
    Some((m, series, last))
}

/// «أمس الأول»، «أول أمس»، «أول من أمس»: the day before yesterday. `i` is the word «أمس»;
/// returns the phrase's first and last word.
pub fn before_yesterday(c: &Ctx, i: usize) -> Option<(usize, usize)> {
    if !matches!(c.w[i], "امس" | "وامس") {
        return None;
    }
    let first = |w: &str| matches!(w, "اول" | "واول");
    // «أمس الأول» (not «أمس الأول من تموز», yesterday the first of July)
    if c.word(i + 1) == Some("الاول") && !c.clause_break_before(i + 1) && c.word(i + 2) != Some("من")
    {
        return Some((i, i + 1));
    }
    if i >= 1 && first(c.w[i - 1]) && !c.clause_break_before(i) {
        return Some((i - 1, i));
    }
    if i >= 2
        && c.w[i - 1] == "من"
        && first(c.w[i - 2])
        && !c.clause_break_before(i)
        && !c.clause_break_before(i - 1)
    {
        return Some((i - 2, i));
    }
    None
}

/// «وكان X قد اجتمع … يوم الخميس»: a pluperfect tells what happened before the story's time,
/// so a bare weekday in it may be any earlier week's; it is not resolved.
pub fn pluperfect_before(c: &Ctx, i: usize) -> bool {
    let s = c.sent_of_word[i];
    let from = i.saturating_sub(12);
    (from..i)
        .rev()
        .take_while(|&k| c.sent_of_word[k] == s)
        .any(|k| {
            c.w[k] == "قد"
                && (k.saturating_sub(8)..k).any(|j| {
                    c.sent_of_word[j] == s
                        && lexicon::any_form(c.w[j], |w| matches!(w, "كان" | "كانت" | "كانوا"))
                })
        })
}

/// A weekday name at word `i`: only with the article («الأحد») or after «يوم/مساء/صباح…»;
/// bare «أحد»، «واحد»، «اثنين» mean "one (of)" and "two".
pub fn weekday_at(c: &Ctx, i: usize) -> Option<u32> {
    let w = c.w[i];
    let wd = lexicon::weekday(w)?;
    let cue = i > 0
        && lexicon::any_form(c.w[i - 1], |p| {
            matches!(
                p,
                "يوم" | "ليله" | "صباح" | "مساء" | "فجر" | "ظهر" | "عصر" | "ليل"
            )
        });
    (lexicon::with_article(w).is_some() || cue).then_some(wd)
}

/// Words that say a clause is about the future or a plan.
fn is_future_word(g: &Glossary, w: &str) -> bool {
    if lexicon::any_form(w, |x| {
        matches!(
            x,
            "سوف"
                | "المقرر"
                | "المتوقع"
                | "المزمع"
                | "يعتزم"
                | "تعتزم"
                | "ينوي"
                | "تنوي"
                | "المقبل"
                | "المقبله"
                | "القادم"
                | "القادمه"
                | "سيتم"
                | "غدا"
        )
    }) {
        return true;
    }
    // «سيلتقي»، «ستعقد»: the future prefix on a verb the glossary or the lexicon knows
    let bare = w.strip_prefix('و').unwrap_or(w);
    bare.strip_prefix('س').is_some_and(|rest| {
        (rest.starts_with('ي') || rest.starts_with('ت') || rest.starts_with('ن'))
            && rest.chars().count() >= 4
            && (!g.events_at(&[bare]).is_empty() || lexicon::is_speech_word(rest))
    })
}

/// Is word `i` in a clause about the future? Looks back up to 12 words in its clause, and
/// into the clause before when this one opens with «أن» («من المقرر أن يلتقي»).
pub fn future_at(g: &Glossary, c: &Ctx, clauses: &Clauses, i: usize) -> bool {
    let ci = clauses.of(i);
    let mut first = clauses.get(ci).first;
    if ci > 0
        && is_reported_opener(c.w[first])
        && clauses.get(ci - 1).sentence == clauses.get(ci).sentence
    {
        first = clauses.get(ci - 1).first;
    }
    let from = first.max(i.saturating_sub(12));
    (from..=i).any(|k| is_future_word(g, c.w[k]))
}

/// What the date at words `first..=last` is to the article.
pub fn role(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    first: usize,
    sentence_words: usize,
    sentence: usize,
) -> DateRole {
    let before = |k: usize| first.checked_sub(k).and_then(|b| c.word(b));
    let is = |w: Option<&str>, f: &dyn Fn(&str) -> bool| w.is_some_and(|w| lexicon::any_form(w, f));
    let since = |x: &str| x == "منذ";
    if is(before(1), &since)
        || (is(before(2), &since)
            && is(before(1), &|x| {
                matches!(x, "يوم" | "مساء" | "صباح" | "ليله")
            }))
    {
        return DateRole::Since;
    }
    // «منذ بدء المعارك في 27 سبتمبر»، «منذ اندلاع القتال في …»: the start of what has gone on
    // since
    let start_word = |x: &str| {
        matches!(
            x,
            "بدء" | "بدايه" | "اندلاع" | "انطلاق" | "تجدد" | "نشوب" | "اشتعال"
        )
    };
    if is(before(1), &|x| x == "في")
        && (2..=4).any(|k| {
            is(before(k), &start_word)
                && is(before(k + 1), &since)
                && clauses.same(first - k, first)
        })
    {
        return DateRole::Since;
    }
    if is(before(1), &|x| {
        matches!(x, "بحلول" | "اقصاه" | "اقصاها" | "موعد")
    }) || is(before(2), &|x| x == "بحلول")
    {
        return DateRole::Deadline;
    }
    if sentence < 3 && sentence_words <= 9 && !c.article.sentences[sentence].kind.is_content() {
        return DateRole::Dateline;
    }
    if sentence < 3
        && sentence_words <= 9
        && (first..first + sentence_words).any(|k| c.gap_before(k).contains(':'))
    {
        return DateRole::Dateline;
    }
    if future_at(g, c, clauses, first) {
        return DateRole::Future;
    }
    DateRole::Event
}

/// «اليوم» is a date unless it is part of a name («اليوم السابع») or «اليوم التالي».
pub fn today_is_name(c: &Ctx, i: usize) -> bool {
    c.word(i + 1).is_some_and(|nx| {
        lexicon::ordinal_day(nx, None).is_some()
            || matches!(nx, "التالي" | "الموالي" | "الثاني" | "الاخير")
    })
}
