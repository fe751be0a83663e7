//! Word lists and word tests of the draft: titles, place words, organisation words, first
//! names, particles and the words that cannot be part of a name.

use crate::lexicon;
use crate::link;

/// Words that open an organisation's name, and whether the organisation is a news outlet.
pub(super) const ORG_WORDS: &[(&str, bool)] = &[
    ("وزاره", false),
    ("وكاله", false),
    ("حزب", false),
    ("حركه", false),
    ("تنظيم", false),
    ("جماعه", false),
    ("جبهه", false),
    ("منظمه", false),
    ("قناه", true),
    ("صحيفه", true),
    ("اذاعه", true),
];

/// Words that end a name: directions and a few particles that the stop list misses.
pub(super) const NOT_NAME: &[&str] = &[
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "امس",
    "اليوم",
    "الماضي",
    "الماضيه",
    "الحالي",
    "الجاري",
    "السابق",
    "السابقه",
    "الجديد",
    "الجديده",
    "العام",
    "الذي",
    "التي",
    "الذين",
    "حيث",
    "بعد",
    "قبل",
    "خلال",
    "ضد",
    "عبر",
    "لدي",
    "مع",
    "عن",
    "الي",
    "علي",
    "في",
    "من",
    "ان",
    "انه",
    "انها",
    "كان",
    "كانت",
    "قد",
    "لقد",
    "تم",
    "وقال",
    "وقالت",
    "قرب",
    "نحو",
    "حول",
    "داخل",
    "خارج",
    "عند",
    "بين",
    "جميع",
    "كل",
    "بعض",
    "تحت",
    "فوق",
    "امام",
    "وراء",
    "منذ",
];

pub(super) fn is_place_word(w: &str) -> bool {
    lexicon::any_form(w, |f| {
        link::PLACE_WORDS.contains(&f) || MORE_PLACE_WORDS.contains(&f)
    })
}

pub(super) fn is_title(w: &str) -> bool {
    lexicon::is_title(w) || lexicon::any_form(w, |f| MORE_TITLES.contains(&f))
}

/// A common first name, alone or after و: one of [`FIRST_NAMES`], or a theophoric name written
/// as one word (عبدالله، عبدالعظيم).
pub(super) fn first_name(w: &str) -> Option<usize> {
    if is_first_name(w) {
        Some(0)
    } else {
        w.strip_prefix('و')
            .filter(|r| is_first_name(r))
            .map(|_| 'و'.len_utf8())
    }
}

/// A first name without a clitic (see [`first_name`]).
pub(super) fn is_first_name(w: &str) -> bool {
    FIRST_NAMES.contains(&w) || (w.starts_with("عبدال") && lexicon::at_least_chars(w, 6))
}

/// A definite nisba adjective (النجدي، الزهراني): after a personal name it is a family name.
pub(super) fn is_nisba(w: &str) -> bool {
    w.starts_with("ال") && w.ends_with('ي') && lexicon::at_least_chars(w, 5)
}

/// A word shaped like a verb in the present tense (يتفقد، يقف): it ends a name that is not a
/// first name (يونس) or a transliteration.
pub(super) fn is_present_verb(w: &str) -> bool {
    w.starts_with('ي')
        && lexicon::at_least_chars(w, 3)
        && !is_first_name(w)
        && !crate::names::foreign_shape(w)
}

/// An indefinite adjective after a place word (ممر ملاحي، منطقة سكنية) says what kind of
/// place it is; it is no name.
pub(super) fn is_indefinite_adjective(w: &str) -> bool {
    !w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه")) && lexicon::at_least_chars(w, 4)
}

/// Is this first word of a person's name after a title a common noun rather than a name? A
/// feminine noun (شرطة، دائرة، إدارة) unless a known first name (فاطمة، أسامة), or a preposition
/// on a noun with a written hamza (بإيقاف، لإرادة, from `shown`, the word as written).
pub(super) fn is_noun_not_name(w: &str, shown: &str) -> bool {
    let hamza_after_preposition = {
        let mut cs = shown.chars();
        matches!(cs.next(), Some('ب' | 'ل' | 'ك')) && matches!(cs.next(), Some('أ' | 'إ' | 'آ'))
    };
    // the taa marbuta as written: a final ه (أندريه) is no feminine ending
    (shown.ends_with('ة') && !is_first_name(w)) || hamza_after_preposition
}

/// Is this word (after clitics) one that opens an organisation's name? Returns "is an outlet"
/// and the bytes of clitics before it (لوزارة → 2).
pub(super) fn org_word(w: &str) -> Option<(bool, usize)> {
    let forms = std::iter::once(w).chain(lexicon::clitic_forms(w));
    for f in forms {
        if let Some((_, outlet)) = ORG_WORDS.iter().find(|(o, _)| *o == f) {
            return Some((*outlet, w.len() - f.len()));
        }
    }
    None
}

/// Does the word carry the article (الحزب، والمدينة، للحزب)? A name's opening word in its
/// construct form does not.
pub(super) fn has_article(w: &str) -> bool {
    lexicon::with_article(w).is_some() || w.starts_with("لل")
}

/// Short particles inside foreign and Arabic names (ستيفان دي ميستورا، أبو بكر).
pub(super) const PARTICLES: &[&str] = &[
    "دي", "دو", "دا", "فان", "فون", "لو", "لا", "بن", "ابو", "ابن", "عبد", "ال",
];

/// More words before a place name: duals (قريتي نبل والزهراء) and barren hills (جرود عرسال).
pub(super) const MORE_PLACE_WORDS: &[&str] = &[
    "قريتي",
    "قريتين",
    "بلدتي",
    "بلدتين",
    "مدينتي",
    "مدينتين",
    "جرود",
];

/// Titles beside the general ones: a deputy, a secretary, a commander in the field.
pub(super) const MORE_TITLES: &[&str] = &[
    "امير",
    "الفريق",
    "المهندس",
    "العميد",
    "امين",
    "نايب",
    "نايبه",
    "القيادي",
    "قيادي",
    "الناشط",
    "الشهيد",
    "المعارض",
    "الكاتب",
    "الصحفي",
    "المحلل",
    "الباحث",
    "القاضي",
    "المحامي",
    "المطران",
    "البطريرك",
    "الفنان",
    "الفنانه",
    "الشاعر",
    "الاعلامي",
    "الاخصايي",
    "دكتور",
    "الداعيه",
    "الامام",
];

/// One-letter abbreviations of titles written with a dot (م. for مهندس, د. for دكتور).
pub(super) const ABBREVIATED_TITLES: &[&str] = &["م", "د"];

/// Common Arabic first names that open a person's name where no title does (وهو محمد قاسم
/// عزقي). Only names that are not also common words.
pub(super) const FIRST_NAMES: &[&str] = &[
    "محمد",
    "احمد",
    "محمود",
    "مصطفي",
    "طارق",
    "خالد",
    "عمر",
    "عثمان",
    "ابراهيم",
    "يوسف",
    "عبدالله",
    "حسين",
    "حسن",
    "فيصل",
    "سلمان",
    "ماجد",
    "ياسر",
    "وليد",
    "نبيل",
    "جمال",
    "كمال",
    "سامي",
    "رامي",
    "زياد",
    "هشام",
    "عادل",
    "باسل",
    "بشار",
    "حسام",
    "عماد",
    "مروان",
    "فادي",
    "ناصر",
    "منصور",
    "جعفر",
    "مهدي",
    "عباس",
    "سليمان",
    "صالح",
    "فهد",
    "نايف",
    "بندر",
    "عبدالعزيز",
    "عبدالرحمن",
    "فاطمه",
    "مريم",
    "زينب",
    "عايشه",
    "نعيم",
    "ميشال",
    "جورج",
    "سمير",
    "رياض",
    "هاني",
    "وائل",
    "اسامه",
    "حمزه",
    "بلال",
    "معاذ",
    "انس",
    "يحيي",
    "زكريا",
    "سعيد",
    "يونس",
    "يعقوب",
    "طلحه",
    "عبيده",
    "معاويه",
    "خديجه",
];

/// Words that open a place name of two words (دير الزور، تل أبيض، كفر نبل).
pub(super) const COMPOUND_HEADS: &[&str] = &[
    "دير",
    "تل",
    "كفر",
    "عين",
    "جسر",
    "معره",
    "راس",
    "بيت",
    "خان",
    "داره",
    "جبل",
    "وادي",
    "ابو",
    "ام",
    "بني",
    "باب",
    "بير",
    "مرج",
    "سهل",
    "قلعه",
    "حمام",
    "بنت",
    "عرب",
    "جديده",
    "تلال",
];

/// May this word be part of a name?
pub(super) fn name_word(w: &str) -> bool {
    !(NOT_NAME.contains(&w)
        || w.bytes().any(|b| b.is_ascii_digit())
        || !w.chars().all(|c| ('\u{0621}'..='\u{064a}').contains(&c))
        || lexicon::is_speech_word(w)
        || is_title(w)
        || lexicon::month(w, None).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::number_word(w).is_some()
        || (crate::align::is_stop(w) && !lexicon::is_name_connector(w) && !PARTICLES.contains(&w)))
}
