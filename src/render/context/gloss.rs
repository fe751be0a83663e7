//! English glosses of the generic nouns that name unnamed sources («ثلاثة شهود», «مسؤول حكومي»,
//! «مصادر أمنية»), so an editor who reads no Arabic knows what kind of source speaks. General
//! Arabic only: a speaker phrase whose head is not one of these keeps its Arabic alone.

use crate::lexicon;
use crate::normalize;

/// Generic head nouns: (singular forms, plural forms, English singular, English plural), by
/// their normalised Arabic forms.
const HEADS: &[(&[&str], &[&str], &str, &str)] = &[
    (&["شاهد"], &["شهود"], "witness", "witnesses"),
    (
        &["مسوول"],
        &["مسوولون", "مسوولين", "مسوولو"],
        "official",
        "officials",
    ),
    (&["مصدر"], &["مصادر"], "source", "sources"),
    (&["متحدث", "متحدثه"], &[], "spokesperson", "spokespeople"),
    (
        &["مراسل"],
        &["مراسلون", "مراسلين"],
        "correspondent",
        "correspondents",
    ),
    (&["ساكن"], &["سكان"], "resident", "residents"),
    (&["ناشط"], &["ناشطون", "ناشطين"], "activist", "activists"),
    (&["محلل"], &["محللون", "محللين"], "analyst", "analysts"),
    (&["خبير"], &["خبراء"], "expert", "experts"),
    (
        &["دبلوماسي"],
        &["دبلوماسيون", "دبلوماسيين"],
        "diplomat",
        "diplomats",
    ),
    (&["مسعف"], &["مسعفون", "مسعفين"], "paramedic", "paramedics"),
    (&["طبيب"], &["اطباء"], "doctor", "doctors"),
    (&["ضابط"], &["ضباط"], "officer", "officers"),
    (
        &["نايب"],
        &["نواب"],
        "member of parliament",
        "members of parliament",
    ),
    (&[], &["سلطات"], "authorities", "authorities"),
];

/// The English (singular, plural) of a head noun, and whether this form is plural.
fn head(w: &str) -> Option<(&'static str, &'static str, bool)> {
    HEADS.iter().find_map(|&(sg, pl, en_sg, en_pl)| {
        let plural = pl.contains(&w);
        (plural || sg.contains(&w)).then_some((en_sg, en_pl, plural))
    })
}

/// An adjective of kind after the head, in any of its forms («أمني، الأمنية، أمنيون»): «مصادر
/// أمنية» → security sources.
fn kind_of(w: &str) -> Option<&'static str> {
    let w = w.strip_prefix("ال").unwrap_or(w);
    let stem = w
        .strip_suffix("ون")
        .or_else(|| w.strip_suffix("ين"))
        .or_else(|| w.strip_suffix('ه'))
        .unwrap_or(w);
    Some(match stem {
        "امني" => "security",
        "حكومي" => "government",
        "عسكري" => "military",
        "طبي" => "medical",
        "محلي" => "local",
        "رسمي" => "official",
        "دبلوماسي" => "diplomatic",
        "مطلع" => "informed",
        _ => return None,
    })
}

const SMALL: [&str; 11] = [
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// «three witnesses», «one of the officials», «a security source» — or none when the phrase's
/// head is not a generic noun of this list.
pub fn english(arabic: &str) -> Option<String> {
    parse(arabic).map(|(en, _)| en)
}

/// Does the gloss name several people («three witnesses» report, not reports)?
pub fn plural(arabic: &str) -> bool {
    parse(arabic).is_some_and(|(_, p)| p)
}

fn parse(arabic: &str) -> Option<(String, bool)> {
    let key = normalize::key(arabic);
    let words: Vec<&str> = key.as_str().split(' ').collect();
    let mut i = 0;
    let mut count: Option<usize> = None;
    let mut one_of = false;
    if let Some(&w) = words.first() {
        if matches!(w, "احد" | "احدي") {
            one_of = true;
            i = 1;
        } else if let Some(v) = lexicon::number_word(w) {
            count = Some(Some(v as usize).filter(|&n| (2..=10).contains(&n))?);
            i = 1;
        }
    }
    let w = *words.get(i)?;
    let bare = w.strip_prefix("ال").unwrap_or(w);
    let definite = bare.len() < w.len();
    let (sg, pl, plural) = head(bare)?;
    let adj = words.get(i + 1).and_then(|a| kind_of(a));
    let noun = |n: &str| match adj {
        Some(a) => format!("{a} {n}"),
        None => n.to_string(),
    };
    let en = match (one_of, count, plural) {
        (true, _, _) => format!("one of the {}", noun(pl)),
        (_, Some(n), _) => format!("{} {}", SMALL[n], noun(pl)),
        (_, None, true) => noun(pl),
        (_, None, false) if definite => format!("the {}", noun(sg)),
        (_, None, false) => super::sentence::with_article(&noun(sg)),
    };
    Some((en, !one_of && (count.is_some() || plural)))
}

#[cfg(test)]
mod tests {
    use super::english;

    #[test]
    fn generic_sources_in_english() {
        assert_eq!(english("ثلاثة شهود").as_deref(), Some("three witnesses"));
        assert!(super::plural("ثلاثة شهود") && !super::plural("أحد الشهود"));
        assert_eq!(
            english("أحد الشهود").as_deref(),
            Some("one of the witnesses")
        );
        assert_eq!(
            english("مسؤول حكومي").as_deref(),
            Some("a government official")
        );
        assert_eq!(english("مصادر أمنية").as_deref(), Some("security sources"));
        assert_eq!(
            english("السلطات الأمنية").as_deref(),
            Some("security authorities")
        );
        assert_eq!(
            english("مسؤول أمني تركي").as_deref(),
            Some("a security official")
        );
        assert_eq!(english("المتحدث").as_deref(), Some("the spokesperson"));
        // not a generic noun: no gloss, the Arabic stands alone
        assert_eq!(english("الزعنون"), None);
        assert_eq!(english("خمسون شاهدا"), None);
    }
}
