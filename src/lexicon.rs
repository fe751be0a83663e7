//! General Arabic word lists used by every stage: clitics, number words, months, weekdays,
//! qualifiers, attribution verbs, titles. Nothing here is about a story; story words (names,
//! measures, events) live in `glossary.yaml`.
//!
//! In: normalised words ([`Key`] strings). Out: their meaning. All lists are written in the
//! normalised form (no hamza on alef, `ه` for `ه`, `ي` for `ي`).

use crate::normalize::Key;

/// Proclitics that may stand before a name or a word, longest first: conjunctions و ف,
/// prepositions ب ل ك, the article ال and their combinations. `لل` is ل + ال with the alef
/// elided.
pub const CLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "وللا", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "فب",
    "ول", "فل", "وك", "فك", "وس", "ال", "و", "ف", "ب", "ل", "ك",
];

/// Does `w` start with `p`? (Inline byte compare: these are two- to eight-byte prefixes and a
/// call to `memcmp` for each costs more than the compare.)
#[inline]
fn starts(w: &[u8], p: &[u8]) -> bool {
    p.len() <= w.len() && p.iter().zip(w).all(|(a, b)| a == b)
}

/// At least `n` characters?
#[inline]
pub fn at_least_chars(s: &str, n: usize) -> bool {
    n == 0 || s.char_indices().nth(n - 1).is_some()
}

/// The word without each clitic prefix it may carry, leaving at least two characters, longest
/// clitic first. Allocation-free.
pub fn clitic_forms(w: &str) -> impl Iterator<Item = &str> {
    let b = w.as_bytes();
    clitics_starting(b)
        .iter()
        .filter(move |c| starts(b, c.as_bytes()))
        .map(move |c| &w[c.len()..])
        .filter(|r| at_least_chars(r, 2))
}

/// The clitics (in [`CLITICS`] order) that start with the first letter of `b`: none for most
/// words, so the hot loops do not compare a word with all 24 clitics.
fn clitics_starting(b: &[u8]) -> &'static [&'static str] {
    // every clitic starts with a two-byte letter (0xD8 or 0xD9 and a second byte)
    static BY_LETTER: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    if b.len() < 2 || !matches!(b[0], 0xD8 | 0xD9) {
        return &[];
    }
    let table = BY_LETTER.get_or_init(|| {
        (0..512usize)
            .map(|k| {
                let letter = [0xD8 + (k >> 8) as u8, (k & 0xFF) as u8];
                let on = |c: &&&str| c.as_bytes()[..2] == letter;
                CLITICS.iter().filter(on).copied().collect()
            })
            .collect()
    });
    &table[((b[0] - 0xD8) as usize) << 8 | b[1] as usize]
}

/// True when `prefix` (a normalised string) is a sequence of proclitics.
pub fn is_clitic_prefix(prefix: &str) -> bool {
    prefix.is_empty() || CLITICS.contains(&prefix)
}

/// Suffixes that nationality adjectives take (feminine, accusative, plural, dual).
pub const ADJECTIVE_SUFFIXES: &[&str] = &[
    "", "ه", "ا", "ين", "ون", "يين", "يون", "ان", "تين", "تان", "يه",
];

/// Strip the longest clitic prefix that leaves at least `min_rest` characters.
pub fn strip_clitics(word: &str, min_rest: usize) -> &str {
    let b = word.as_bytes();
    for c in CLITICS {
        if starts(b, c.as_bytes()) {
            let rest = &word[c.len()..];
            if at_least_chars(rest, min_rest) {
                return rest;
            }
        }
    }
    word
}

fn has(list: &[&str], k: &str) -> bool {
    list.contains(&k)
}

/// Does `f` hold for the word as written, or for it without one of its possible clitics?
/// (The word as written comes first: بينهم is not ب + ينهم.)
pub fn any_form(w: &str, f: impl Fn(&str) -> bool) -> bool {
    f(w) || clitic_forms(w).any(f)
}

/// Verbs of saying and announcing (normalised, with common conjugations).
const SPEECH: &[&str] = &[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "اعلن",
    "اعلنت",
    "يعلن",
    "تعلن",
    "اكد",
    "اكدت",
    "يوكد",
    "توكد",
    "افاد",
    "افادت",
    "ابلغ",
    "ابلغت",
    "كشفت",
    "يكشف",
    "ذكر",
    "ذكرت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "اعتبر",
    "اعتبرت",
    "قالوا",
    "اعلنوا",
    "اكدوا",
    "نفي",
    "نفت",
    "ينفي",
    "اتهم",
    "اتهمت",
    "اقر",
    "اقرت",
    "اعرب",
    "اعربت",
    "تعهد",
    "تعهدت",
    "يتعهد",
    "استبعد",
    "استبعدت",
    "يدعو",
    "تدعو",
    "حذر",
    "حذرت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "وصف",
    "وصفت",
    "يصف",
    "تصف",
];

pub fn is_speech_verb(k: &Key) -> bool {
    is_speech_word(k.as_str())
}

/// [`is_speech_verb`] for a word that is already normalised.
pub fn is_speech_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| SPEECH.iter().copied().collect());
    any_form(w, |x| set.contains(x))
}

/// Words that introduce a source: "according to", "quoting".
const ACCORDING: &[&str] = &[
    "وفق",
    "وفقا",
    "حسب",
    "بحسب",
    "طبقا",
    "نقلا",
    "استنادا",
    "لسان",
];

pub fn is_according(k: &Key) -> bool {
    is_according_word(k.as_str())
}

/// [`is_according`] for a word that is already normalised.
pub fn is_according_word(w: &str) -> bool {
    any_form(w, |x| has(ACCORDING, x))
}

/// The closing "source:" line of a scraped article.
pub fn is_source_line(k: &Key) -> bool {
    let s = k.as_str();
    s.starts_with("المصدر") || s.starts_with("مصدر :") || s.starts_with("source")
}

/// Qualifiers before a number, as word sequences, with their schema name.
pub const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["اكثر", "من"], "more_than"),
    (&["ازيد", "من"], "more_than"),
    (&["ما", "يزيد", "عن"], "more_than"),
    (&["ما", "يزيد", "علي"], "more_than"),
    (&["اقل", "من"], "less_than"),
    (&["ما", "لا", "يقل", "عن"], "at_least"),
    (&["ما", "لا", "يقل", "علي"], "at_least"),
    (&["ما", "لا", "يزيد", "عن"], "at_most"),
    (&["ما", "لا", "يزيد", "علي"], "at_most"),
    (&["ما", "يقارب"], "about"),
    (&["ما", "يناهز"], "about"),
    (&["نحو"], "about"),
    (&["بنحو"], "about"),
    (&["حوالي"], "about"),
    (&["بحوالي"], "about"),
    (&["قرابه"], "about"),
    (&["بقرابه"], "about"),
    (&["زهاء"], "about"),
    (&["بزهاء"], "about"),
    (&["قرابه"], "about"),
    (&["يناهز"], "about"),
    (&["تقريبا"], "about"),
    // verbs of exceeding, after the longer forms above («ما لا يزيد على» is at_most)
    (&["ما", "يربو", "علي"], "more_than"),
    (&["يربو", "علي"], "more_than"),
    (&["يزيد", "علي"], "more_than"),
    (&["يزيد", "عن"], "more_than"),
    (&["تزيد", "علي"], "more_than"),
    (&["تزيد", "عن"], "more_than"),
    (&["يفوق"], "more_than"),
    (&["تفوق"], "more_than"),
    (&["يتجاوز"], "more_than"),
    (&["تتجاوز"], "more_than"),
    (&["تجاوز"], "more_than"),
];

/// Qualifiers after a number.
pub const POST_QUALIFIERS: &[(&[&str], &str)] = &[
    (&["علي", "الاقل"], "at_least"),
    (&["علي", "الاكثر"], "at_most"),
    (&["تقريبا"], "about"),
];

/// Every word (without clitics) that some function of this module gives a meaning to, besides
/// number words: a word that is none of these, and not a number word, can skip them all.
const LEXICAL: &[&str] = &[
    // the first half of twelve (اثنا عشر)
    "اثنا",
    "اثني",
    "اثنتا",
    "اثنتي",
    // the first half of eleven (أحد عشر، إحدى عشرة)
    "احدي",
    // vague amounts and fractions
    "عشرات",
    "ميات",
    "الاف",
    "نصف",
    "ثلث",
    "ربع",
    // weekdays and relative days
    "الاحد",
    "احد",
    "الاثنين",
    "اثنين",
    "الثلاثاء",
    "ثلاثاء",
    "الاربعاء",
    "اربعاء",
    "الخميس",
    "خميس",
    "الجمعه",
    "جمعه",
    "السبت",
    "سبت",
    "امس",
    "بالامس",
    "اليوم",
    "غدا",
    // ordinal days
    "الاول",
    "الحادي",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "العشرين",
    "الثلاثين",
];

/// Could the word (or the word without a clitic) mean something to [`number_word`],
/// [`vague_amount`], [`fraction_word`], [`weekday`], [`relative_day`], [`ordinal_day`],
/// [`is_speech_word`] or [`is_according_word`]? One hash probe per form, for the hot loop.
pub fn is_lexical(w: &str) -> bool {
    type Set = crate::fasthash::FastSet<&'static str>;
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        LEXICAL
            .iter()
            .chain(SPEECH)
            .chain(ACCORDING)
            .copied()
            .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
            .collect()
    });
    set.contains(w) || clitic_forms(w).any(|f| set.contains(f))
}

/// Cardinal number words and their value (normalised, with case endings).
pub fn number_word(w: &str) -> Option<f64> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, f64>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| NUMBER_WORDS.iter().copied().collect())
        .get(w)
        .copied()
}

/// Cardinal number words and their values (normalised, with case endings).
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("واحد", 1.0),
    ("واحده", 1.0),
    ("اثنان", 2.0),
    ("اثنين", 2.0),
    ("اثنتان", 2.0),
    ("اثنتين", 2.0),
    ("ثلاث", 3.0),
    ("ثلاثه", 3.0),
    ("اربع", 4.0),
    ("اربعه", 4.0),
    ("خمس", 5.0),
    ("خمسه", 5.0),
    ("ست", 6.0),
    ("سته", 6.0),
    ("سبع", 7.0),
    ("سبعه", 7.0),
    ("ثمان", 8.0),
    ("ثماني", 8.0),
    ("ثمانيه", 8.0),
    ("تسع", 9.0),
    ("تسعه", 9.0),
    ("عشر", 10.0),
    ("عشره", 10.0),
    ("عشرون", 20.0),
    ("عشرين", 20.0),
    ("ثلاثون", 30.0),
    ("ثلاثين", 30.0),
    ("اربعون", 40.0),
    ("اربعين", 40.0),
    ("خمسون", 50.0),
    ("خمسين", 50.0),
    ("ستون", 60.0),
    ("ستين", 60.0),
    ("سبعون", 70.0),
    ("سبعين", 70.0),
    ("ثمانون", 80.0),
    ("ثمانين", 80.0),
    ("تسعون", 90.0),
    ("تسعين", 90.0),
    ("ميه", 100.0),
    ("مايه", 100.0),
    // two hundred (not «ميتا», «dead»)
    ("ميتان", 200.0),
    ("ميتين", 200.0),
    ("ميتي", 200.0),
    ("مايتان", 200.0),
    ("مايتين", 200.0),
    ("مايتي", 200.0),
    ("ثلاثميه", 300.0),
    ("ثلاثمايه", 300.0),
    ("اربعميه", 400.0),
    ("اربعمايه", 400.0),
    ("خمسميه", 500.0),
    ("خمسمايه", 500.0),
    ("ستميه", 600.0),
    ("ستمايه", 600.0),
    ("سبعميه", 700.0),
    ("سبعمايه", 700.0),
    ("ثمانميه", 800.0),
    ("ثمانمايه", 800.0),
    ("تسعميه", 900.0),
    ("تسعمايه", 900.0),
    ("الف", 1000.0),
    ("الفان", 2000.0),
    ("الفين", 2000.0),
    ("الفي", 2000.0),
    ("مليون", 1e6),
    ("مليونان", 2e6),
    ("مليونين", 2e6),
    ("مليار", 1e9),
];

/// Multipliers after a number: "30 الف", "ثلاثه الاف", "2 مليون".
pub fn scale_word(w: &str) -> Option<f64> {
    match w {
        "الف" | "الاف" | "الفا" => Some(1e3),
        "مليون" | "ملايين" | "مليونا" => Some(1e6),
        "مليار" | "مليارات" | "مليارا" => Some(1e9),
        _ => None,
    }
}

/// Vague amounts, kept with their meaning: (low, high, label).
pub fn vague_amount(w: &str) -> Option<(f64, f64, &'static str)> {
    let one = |w: &str| -> Option<(f64, f64, &'static str)> {
        match w {
            "عشرات" => Some((10.0, 99.0, "tens")),
            "ميات" => Some((100.0, 999.0, "hundreds")),
            "الاف" => Some((1000.0, 9999.0, "thousands")),
            _ => None,
        }
    };
    one(w).or_else(|| clitic_forms(w).find_map(one))
}

/// "Half", "a third", "a quarter" of something, as a percentage.
pub fn fraction_word(w: &str) -> Option<f64> {
    let one = |w: &str| match w {
        "نصف" => Some(50.0),
        "ثلث" => Some(100.0 / 3.0),
        "ربع" => Some(25.0),
        _ => None,
    };
    one(w).or_else(|| clitic_forms(w).find_map(one))
}

/// Month names of both series (Levantine and Western) and the Hijri months.
/// Returns (month, series) where series is "levant", "western" or "hijri"; two-word Levantine
/// names are matched on their first word plus the next word.
pub fn month(w: &str, next: Option<&str>) -> Option<(u32, &'static str, usize)> {
    let two = |m: u32| Some((m, "levant", 2));
    match (w, next) {
        ("كانون", Some("الثاني")) => return two(1),
        ("كانون", Some("الاول")) => return two(12),
        ("تشرين", Some("الاول")) => return two(10),
        ("تشرين", Some("الثاني")) => return two(11),
        _ => {}
    }
    let one = |m: u32, s: &'static str| Some((m, s, 1));
    match w {
        "شباط" => one(2, "levant"),
        "اذار" => one(3, "levant"),
        "نيسان" => one(4, "levant"),
        "ايار" => one(5, "levant"),
        "حزيران" => one(6, "levant"),
        "تموز" => one(7, "levant"),
        "اب" => one(8, "levant"),
        "ايلول" => one(9, "levant"),
        "يناير" => one(1, "western"),
        "فبراير" | "فبرابر" => one(2, "western"),
        "مارس" => one(3, "western"),
        "ابريل" | "افريل" => one(4, "western"),
        "مايو" | "ماي" => one(5, "western"),
        "يونيو" | "يونيه" | "جوان" => one(6, "western"),
        "يوليو" | "يوليه" | "جويليه" => one(7, "western"),
        "اغسطس" | "اغشت" | "اوت" => one(8, "western"),
        "سبتمبر" => one(9, "western"),
        "اكتوبر" => one(10, "western"),
        "نوفمبر" => one(11, "western"),
        "ديسمبر" => one(12, "western"),
        "محرم" => one(1, "hijri"),
        "صفر" => one(2, "hijri"),
        "رجب" => one(7, "hijri"),
        "شعبان" => one(8, "hijri"),
        "رمضان" => one(9, "hijri"),
        "شوال" => one(10, "hijri"),
        "القعده" => one(11, "hijri"),
        "الحجه" => one(12, "hijri"),
        _ => None,
    }
}

/// Weekdays, as days since Sunday.
pub fn weekday(w: &str) -> Option<u32> {
    let one = |w: &str| match w {
        "الاحد" | "احد" => Some(0),
        "الاثنين" | "اثنين" => Some(1),
        "الثلاثاء" | "ثلاثاء" => Some(2),
        "الاربعاء" | "اربعاء" => Some(3),
        "الخميس" | "خميس" => Some(4),
        "الجمعه" | "جمعه" => Some(5),
        "السبت" | "سبت" => Some(6),
        _ => None,
    };
    one(w).or_else(|| clitic_forms(w).find_map(one))
}

/// Days relative to the article's date.
pub fn relative_day(w: &str) -> Option<i64> {
    let one = |w: &str| match w {
        "امس" | "بالامس" => Some(-1),
        "اليوم" => Some(0),
        "غدا" => Some(1),
        _ => None,
    };
    one(w).or_else(|| {
        ["و", "ف"]
            .iter()
            .find_map(|c| w.strip_prefix(c).and_then(one))
    })
}

/// The unit of a compound ordinal, masculine or feminine, with or without the article
/// («الثامنة عشرة»، «الحادي عشر»، «ثالث عشر»): «عشر» after it is no count.
pub fn is_ordinal_unit(w: &str) -> bool {
    any_form(w, |w| {
        let w = w.strip_prefix("ال").unwrap_or(w);
        let w = w.strip_suffix('ه').unwrap_or(w);
        matches!(
            w,
            "حادي"
                | "ثاني"
                | "ثالث"
                | "رابع"
                | "خامس"
                | "سادس"
                | "سابع"
                | "ثامن"
                | "تاسع"
        )
    })
}

/// Nouns of a time of day: «فجر أمس»، «صباح اليوم», «مساء الاثنين».
pub fn is_time_of_day(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "فجر" | "صباح" | "مساء" | "ظهر" | "عصر" | "ليل" | "ليله" | "ظهيره"
        )
    })
}

/// A word naming a day: «أمس»، «اليوم»، «غد»، «يوم», or a weekday with the article (bare
/// «أحد»، «اثنين» are "one (of)", "two").
pub fn is_day_word(w: &str) -> bool {
    matches!(w, "امس" | "بالامس" | "اليوم" | "غد" | "غدا" | "الغد" | "يوم")
        || (w.starts_with("ال") && weekday(w).is_some())
}

/// A time-of-day noun directly followed by a day word is a time phrase («فجر أمس الاثنين»:
/// at dawn yesterday), whatever else the noun could be read as (فجّر "blew up").
pub fn is_time_phrase(w: &str, next: Option<&str>) -> bool {
    next.is_some_and(is_day_word) && is_time_of_day(w)
}

/// A preposition with a pronoun («فيها»، «له»، «عنه»، «منها»): it ends a noun phrase, and is
/// never who speaks or acts.
pub fn is_prep_pronoun(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    let Some(stem) = ["هما", "هم", "هن", "ها", "ه"]
        .iter()
        .find_map(|p| w.strip_suffix(p))
    else {
        return false;
    };
    matches!(
        stem,
        "في" | "ل"
            | "عن"
            | "من"
            | "علي"
            | "الي"
            | "مع"
            | "ب"
            | "لدي"
            | "عند"
            | "بين"
            | "امام"
            | "حول"
            | "ضد"
    )
}

/// Ordinal day words ("التاسع من ..."), 1–31.
pub fn ordinal_day(w: &str, next2: Option<(&str, &str)>) -> Option<(u32, usize)> {
    let units = |w: &str| -> Option<u32> {
        Some(match w {
            "الاول" => 1,
            "الحادي" => 1,
            "الثاني" => 2,
            "الثالث" => 3,
            "الرابع" => 4,
            "الخامس" => 5,
            "السادس" => 6,
            "السابع" => 7,
            "الثامن" => 8,
            "التاسع" => 9,
            "العاشر" => 10,
            _ => return None,
        })
    };
    let w = with_article(w)?;
    if w == "العشرين" {
        return Some((20, 1));
    }
    if w == "الثلاثين" {
        return Some((30, 1));
    }
    let u = units(w)?;
    match next2 {
        Some(("عشر", _)) if u < 10 => Some((10 + u, 2)),
        Some(("والعشرين", _)) => Some((20 + u, 2)),
        Some(("والثلاثين", _)) => Some((30 + u, 2)),
        _ => Some((u, 1)),
    }
}

/// Words before a four-digit number that make it a year.
pub fn is_year_cue(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "عام"
                | "العام"
                | "سنه"
                | "السنه"
                | "منذ"
                | "في"
                | "خلال"
                | "مطلع"
                | "اوايل"
                | "اواخر"
                | "نهايه"
                | "بدايه"
                | "حتي"
                | "قبل"
                | "بعد"
                | "موسم"
                | "ميزانيه"
        )
    })
}

/// Time units: number + unit is a duration.
pub fn duration_unit(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "عاما"
                | "عام"
                | "اعوام"
                | "سنه"
                | "سنوات"
                | "سنين"
                | "شهر"
                | "شهرا"
                | "اشهر"
                | "شهور"
                | "اسبوع"
                | "اسبوعا"
                | "اسابيع"
                | "يوم"
                | "يوما"
                | "ايام"
                | "ساعه"
                | "ساعات"
                | "دقيقه"
                | "دقايق"
                | "ثانيه"
                | "ثوان"
                | "عقد"
                | "عقود"
                | "قرن"
                | "قرون"
                | "ليله"
                | "ليال"
        )
    })
}

/// Units after which a number is an age when the context speaks of age.
pub fn is_age_context(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "العمر"
                | "عمر"
                | "عمره"
                | "عمرها"
                | "عمرهم"
                | "يبلغ"
                | "تبلغ"
                | "البالغ"
                | "البالغه"
                | "سن"
                | "سنه"
        )
    })
}

/// Words marking a clock time near a number.
pub fn is_time_cue(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "الساعه"
                | "ساعه"
                | "بتوقيت"
                | "توقيت"
                | "صباحا"
                | "مساء"
                | "ظهرا"
                | "فجرا"
                | "غرينتش"
                | "جرينتش"
                | "ت"
        )
    })
}

/// Percent words after a number: "في الميه", "بالميه".
pub fn is_percent_words(a: &str, b: Option<&str>) -> usize {
    match (a, b) {
        ("في", Some("الميه" | "المايه")) => 2,
        ("بالميه" | "بالمايه" | "%", _) => 1,
        _ => 0,
    }
}

/// Titles after which a new name is expected (for glossary suggestions).
/// «بعد»، «غداة»، «إثر»…: before an event's name, a reference to an event told elsewhere.
pub fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "غداه" | "بعد" | "قبل" | "عقب" | "اثر" | "اثناء" | "خلال" | "اعقاب"
    )
}

/// «بالتزامن مع»، «تزامناً مع»: before «مع» and an event's name, a reference to an event told
/// elsewhere («بالتزامن مع هجوم X، فجّر …» tells of another one).
pub fn is_simultaneity_word(w: &str) -> bool {
    matches!(
        w,
        "بالتزامن"
            | "تزامنا"
            | "تزامن"
            | "متزامنا"
            | "بالتوازي"
            | "توازيا"
            | "بموازاه"
    )
}

/// A noun that names an event before its verbal noun: «جريمة الإحراق»، «عملية القصف».
pub fn is_event_noun(w: &str) -> bool {
    matches!(w, "جريمه" | "حادث" | "حادثه" | "عمليه" | "واقعه" | "مجزره")
}

/// A risk or a possibility: what follows has not happened («خطر حدوث هجوم»).
pub fn is_risk_word(w: &str) -> bool {
    matches!(
        w,
        "خطر"
            | "مخاطر"
            | "احتمال"
            | "امكانيه"
            | "مخاوف"
            | "تهديد"
            | "منع"
            | "احباط"
            | "تحسبا"
            | "خشيه"
    )
}

/// A call, demand or effort for something («دعوات إلى هدنة»), with a possessive pronoun too
/// («دعواتها»): what it is for has not happened.
pub fn is_call_word(w: &str) -> bool {
    let call = |p: &str| {
        matches!(
            p,
            "دعا"
                | "دعت"
                | "يدعو"
                | "تدعو"
                | "دعوه"
                | "دعوات"
                | "دعوا"
                | "طالب"
                | "طالبت"
                | "يطالب"
                | "تطالب"
                | "مطالبه"
                | "مطالبات"
                | "سعي"
                | "يسعي"
                | "تسعي"
                | "جهود"
                | "مساعي"
                | "حث"
                | "حثت"
                | "يحث"
        )
    };
    call(w)
        || ["هما", "هم", "ها", "ه"].iter().any(|x| {
            w.strip_suffix(x)
                .is_some_and(|r| r.chars().count() >= 3 && call(r))
        })
}

pub fn is_title(w: &str) -> bool {
    any_form(w, |w| {
        matches!(
            w,
            "الرييس"
                | "رييس"
                | "وزير"
                | "الوزير"
                | "وزيره"
                | "المتحدث"
                | "المتحدثه"
                | "الناطق"
                | "السفير"
                | "الامين"
                | "الجنرال"
                | "العقيد"
                | "اللواء"
                | "الشيخ"
                | "الامير"
                | "الملك"
                | "المستشار"
                | "النايب"
                | "زعيم"
                | "الزعيم"
                | "المبعوث"
                | "القايد"
                | "مدير"
                | "المدير"
                | "رييسه"
                | "الرييسه"
                | "نظيره"
                | "نظيرها"
                | "نظيرته"
                | "الدكتور"
                | "السيد"
                | "السيده"
        )
    })
}

/// A noun for a person who gives information (an official, a source, a witness): a nationality
/// adjective after it describes them («مسؤول تركي»), not what they count.
pub fn is_source_noun(w: &str) -> bool {
    is_title(w)
        || any_form(w, |w| {
            let w = w.strip_prefix("ال").unwrap_or(w);
            matches!(
                w,
                "مسوول"
                    | "مسوولون"
                    | "مسوولين"
                    | "مصدر"
                    | "مصادر"
                    | "متحدث"
                    | "متحدثه"
                    | "ناطق"
                    | "مراسل"
                    | "شاهد"
                    | "شهود"
                    | "دبلوماسي"
                    | "ضابط"
                    | "خبير"
                    | "محلل"
            )
        })
}

/// Words that follow a title before the name itself: "وزير الخارجيه الروسي سيرغي لافروف".
pub fn is_title_filler(w: &str) -> bool {
    with_article(w).is_some()
        || any_form(w, |w| {
            matches!(
                w,
                "باسم"
                    | "عام"
                    | "خارجيه"
                    | "خارجيتها"
                    | "خارجيته"
                    | "دفاع"
                    | "داخليه"
                    | "مجلس"
                    | "حزب"
                    | "وزراء"
                    | "حكومه"
                    | "هييه"
                    | "لجنه"
                    | "مكتب"
                    | "دوله"
                    | "جمهوريه"
                    | "مملكه"
                    | "منظمه"
                    | "وزاره"
            )
        })
}

/// Words that join the parts of an Arabic name: بن، بنت، عبد، أبو.
pub fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "بن" | "بنت" | "ابن" | "عبد" | "ابو" | "ابي" | "ام" | "ال"
    )
}

/// The word with the article ال, after at most one conjunction or preposition (والتاسع).
pub fn with_article(w: &str) -> Option<&str> {
    if w.starts_with("ال") {
        return Some(w);
    }
    ["و", "ف", "ب", "ك"]
        .iter()
        .find_map(|c| w.strip_prefix(c).filter(|r| r.starts_with("ال")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_forms_are_every_clitic_the_word_starts_with_longest_first() {
        // the first-letter table gives the forms a scan of every clitic gives, in its order
        let words = [
            "وبالمدينة",
            "فللحكومة",
            "بالقرب",
            "الحرب",
            "كتاب",
            "سيارة",
            "وسيقول",
            "ل",
            "abc",
            "",
        ];
        for w in words {
            let scan: Vec<&str> = CLITICS
                .iter()
                .filter(|c| w.starts_with(**c))
                .map(|c| &w[c.len()..])
                .filter(|r| at_least_chars(r, 2))
                .collect();
            assert_eq!(clitic_forms(w).collect::<Vec<_>>(), scan, "{w}");
        }
        assert_eq!(clitic_forms("وبالمدينة").next(), Some("مدينة"));
        assert_eq!(clitic_forms("كتاب").collect::<Vec<_>>(), vec!["تاب"]);
        assert_eq!(clitic_forms("سيارة").count(), 0);
    }
}
