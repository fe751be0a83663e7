//! Articles + glossary → a draft story glossary (`mizan glossary suggest`).
//!
//! In: the articles and the glossary layers already known (world and story). Out: a [`Draft`]
//! of the names no layer has yet — people after a title (with a nationality adjective between
//! title and name allowed), places after a place word (مدينة، بلدة…), organisations after an
//! organisation word (وزارة، حزب…) and transliterated-looking words that recur across
//! articles — grouped by consonant skeleton into one entry with its other spellings, printed as
//! YAML that loads as a glossary as it is. The English forms are transliteration guesses.

use crate::corpus::Article;
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;
use crate::link::{self, Mention};
use crate::names;
use crate::normalize::{self, Normalized};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Words that open an organisation's name, and whether the organisation is a news outlet.
const ORG_WORDS: &[(&str, bool)] = &[
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
const NOT_NAME: &[&str] = &[
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
    "تحت",
    "فوق",
    "امام",
    "وراء",
    "منذ",
];

/// Where a candidate name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    Title,
    PlaceWord,
    OrgWord,
    Shape,
    FirstName,
    Coordinated,
}

impl Cue {
    fn as_str(self) -> &'static str {
        match self {
            Cue::Title => "after a title",
            Cue::PlaceWord => "after a place word",
            Cue::OrgWord => "an organisation's name",
            Cue::Shape => "a transliterated name recurring across articles",
            Cue::FirstName => "a common first name and the words after it",
            Cue::Coordinated => "joined by و to a place",
        }
    }
}

/// One occurrence of a candidate name.
#[derive(Debug, Clone)]
struct Occurrence {
    /// As written, without clitics.
    surface: String,
    key: String,
    kind: EntityKind,
    cue: Cue,
    /// The title before a person's name, as written (الرئيس السوري).
    role: Option<String>,
    /// The country of a nationality adjective in the title or after the name.
    side: Option<usize>,
    article: usize,
    /// `path:line:col`.
    place: String,
    /// The words as found, clitics included (matching form).
    raw: String,
    /// For a one-word place, the same with the next word (كراسنو دار), used when that
    /// spelling groups with another candidate.
    alt: Option<(String, String)>,
}

/// One entry of the draft.
#[derive(Debug, Clone)]
pub struct DraftEntry {
    pub id: String,
    pub kind: EntityKind,
    pub en: String,
    pub ar: String,
    pub variants: Vec<String>,
    pub short: Vec<String>,
    pub role: Option<(String, String)>,
    pub side: Option<String>,
    pub count: usize,
    pub articles: usize,
    pub first: String,
    pub cue: &'static str,
}

/// The draft glossary.
#[derive(Debug, Clone)]
pub struct Draft {
    pub entries: Vec<DraftEntry>,
    pub articles: usize,
}

fn is_place_word(w: &str) -> bool {
    lexicon::any_form(w, |f| {
        link::PLACE_WORDS.contains(&f) || MORE_PLACE_WORDS.contains(&f)
    })
}

fn is_title(w: &str) -> bool {
    lexicon::is_title(w) || lexicon::any_form(w, |f| MORE_TITLES.contains(&f))
}

/// A common first name, alone or after و.
fn first_name(w: &str) -> Option<usize> {
    if FIRST_NAMES.contains(&w) {
        Some(0)
    } else {
        w.strip_prefix('و')
            .filter(|r| FIRST_NAMES.contains(r))
            .map(|_| 'و'.len_utf8())
    }
}

/// Is this word (after clitics) one that opens an organisation's name? Returns "is an outlet"
/// and the bytes of clitics before it (لوزارة → 2).
fn org_word(w: &str) -> Option<(bool, usize)> {
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
fn has_article(w: &str) -> bool {
    lexicon::with_article(w).is_some() || w.starts_with("لل")
}

/// Short particles inside foreign and Arabic names (ستيفان دي ميستورا، أبو بكر).
const PARTICLES: &[&str] = &[
    "دي", "دو", "دا", "فان", "فون", "لو", "لا", "بن", "ابو", "ابن", "عبد", "ال",
];

/// More words before a place name: duals (قريتي نبل والزهراء) and barren hills (جرود عرسال).
const MORE_PLACE_WORDS: &[&str] = &[
    "قريتي",
    "قريتين",
    "بلدتي",
    "بلدتين",
    "مدينتي",
    "مدينتين",
    "جرود",
];

/// Titles beside the general ones: a deputy, a secretary, a commander in the field.
const MORE_TITLES: &[&str] = &[
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
];

/// Common Arabic first names that open a person's name where no title does (وهو محمد قاسم
/// عزقي). Only names that are not also common words.
const FIRST_NAMES: &[&str] = &[
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
];

/// Words that open a place name of two words (دير الزور، تل أبيض، كفر نبل).
const COMPOUND_HEADS: &[&str] = &[
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
fn name_word(w: &str) -> bool {
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

/// The draft for these articles: names that no glossary layer links.
pub fn suggest(g: &Glossary, articles: &[Article]) -> Draft {
    let known: HashSet<&str> = g
        .entities
        .iter()
        .flat_map(|e| e.spellings.iter().map(|s| s.key.as_str()))
        .collect();
    let mut occ: Vec<Occurrence> = Vec::new();
    // how often each word not linked to a glossary name occurs, clitics stripped
    let mut free_words: HashMap<String, usize> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        let norm = Normalized::new(&a.text);
        let mentions = link::link(g, &norm, &a.sentences);
        scan_article(g, ai, a, &norm, &mentions, &mut occ);
        let key = norm.key();
        for w in normalize::words(key) {
            if mentions
                .iter()
                .any(|m| m.kstart < w.end && w.start < m.kend)
            {
                continue;
            }
            let raw = &key[w.start..w.end];
            *free_words.entry(raw.to_string()).or_default() += 1;
            for f in lexicon::clitic_forms(raw).filter(|f| lexicon::at_least_chars(f, 3)) {
                *free_words.entry(f.to_string()).or_default() += 1;
            }
        }
    }
    // a transliterated-looking word counts only when it recurs across articles
    let shape_articles: HashMap<&str, BTreeSet<usize>> = occ
        .iter()
        .filter(|o| o.cue == Cue::Shape)
        .fold(HashMap::new(), |mut m, o| {
            m.entry(o.key.as_str()).or_default().insert(o.article);
            m
        });
    let keep: Vec<bool> = occ
        .iter()
        .map(|o| o.cue != Cue::Shape || shape_articles[o.key.as_str()].len() >= 2)
        .collect();
    let mut occ: Vec<Occurrence> = occ
        .into_iter()
        .zip(keep)
        .filter(|(o, k)| *k && !known.contains(o.key.as_str()))
        .map(|(o, _)| o)
        .collect();
    // a person's name that runs on into the next word (حسن نصرالله رسالة، حسن نصرالله
    // ونائبه): two different continuations of the same two words cut both to those two
    let mut continuations: HashMap<String, BTreeSet<String>> = HashMap::new();
    // the words up to the second that is not a connector (فيصل بن خالد)
    let head = |key: &str| -> Option<usize> {
        let ws: Vec<&str> = key.split(' ').collect();
        let mut n = 0;
        for (i, w) in ws.iter().enumerate() {
            if !lexicon::is_name_connector(w) {
                n += 1;
                if n == 2 {
                    return Some(i + 1);
                }
            }
        }
        None
    };
    for o in occ.iter().filter(|o| o.kind == EntityKind::Person) {
        if let Some(h) = head(&o.key) {
            let ws: Vec<&str> = o.key.split(' ').collect();
            continuations
                .entry(ws[..h].join(" "))
                .or_default()
                .insert(o.key.clone());
        }
    }
    for o in occ.iter_mut().filter(|o| o.kind == EntityKind::Person) {
        let Some(h) = head(&o.key) else { continue };
        let ws: Vec<&str> = o.key.split(' ').collect();
        let prefix = ws[..h].join(" ");
        if ws.len() > h && continuations.get(&prefix).is_some_and(|c| c.len() >= 2) {
            o.key = prefix;
            o.surface = o
                .surface
                .split_whitespace()
                .take(h)
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    // a place written in two words (كراسنو دار) where another candidate has it in one
    let skeletons: HashSet<String> = occ.iter().map(|o| group_key(&o.key)).collect();
    for o in occ.iter_mut() {
        if let Some((k, surface)) = o.alt.take() {
            if skeletons.contains(&group_key(&k)) && group_key(&k) != group_key(&o.key) {
                o.key = k;
                o.surface = surface;
            }
        }
    }
    // a transliterated word that is part of a name found another way is left to that name
    // (its short form), also when a clitic letter was taken off it (كوليكوف → وليكوف)
    let name_words: HashSet<String> = occ
        .iter()
        .filter(|o| o.cue != Cue::Shape)
        .flat_map(|o| o.key.split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect();
    occ.retain(|o| {
        o.cue != Cue::Shape || !(name_words.contains(&o.key) || name_words.contains(&o.raw))
    });
    // «جبهة الزبداني» is the front at a place the articles name, not an organisation
    let places: HashSet<String> = occ
        .iter()
        .filter(|o| o.kind == EntityKind::Place)
        .map(|o| o.key.clone())
        .collect();
    let occ: Vec<Occurrence> = occ
        .into_iter()
        .filter(|o| {
            !(matches!(o.kind, EntityKind::Organisation | EntityKind::Outlet)
                && o.key
                    .split_once(' ')
                    .is_some_and(|(_, rest)| places.contains(rest)))
        })
        .collect();
    let mut entries = group(g, occ, &known);
    add_surnames(&mut entries, &free_words, &known);
    Draft {
        entries,
        articles: articles.len(),
    }
}

fn scan_article(
    g: &Glossary,
    ai: usize,
    a: &Article,
    norm: &Normalized,
    mentions: &[Mention],
    out: &mut Vec<Occurrence>,
) {
    let key = norm.key();
    let ws = normalize::words(key);
    let mention_at = |s: usize, e: usize| mentions.iter().find(|m| m.kstart < e && s < m.kend);
    let country_adjective = |s: usize, e: usize| {
        mention_at(s, e)
            .filter(|m| m.adjective && g.entities[m.entity].kind == EntityKind::Country)
            .map(|m| m.entity)
    };
    let word = |j: usize| &key[ws[j].start..ws[j].end];
    let joined = |j: usize| j > 0 && key[ws[j - 1].end..ws[j].start].trim().is_empty();
    let comma_before =
        |j: usize| j > 0 && matches!(key[ws[j - 1].end..ws[j].start].trim(), "،" | ",");
    let content = |pos: usize| {
        link::sentence_at(&a.sentences, norm.orig_start(pos))
            .is_some_and(|s| a.sentences[s].kind.is_content())
    };
    let place_of = |pos: usize| {
        let o = norm.orig_start(pos);
        let before = &a.text[..o];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{}:{line}:{col}", a.path)
    };
    let mut push = |first: usize, last: usize, skip: usize, kind, cue, role, side| {
        let (ks, ke) = (ws[first].start + skip, ws[last].end);
        let (s, e) = norm.orig_span(ks, ke);
        let surface = normalize::display_form(&a.text[s..e]);
        let n = last + 1;
        let alt = (kind == EntityKind::Place
            && first == last
            && n < ws.len()
            && joined(n)
            && mention_at(ws[n].start, ws[n].end).is_none()
            && name_word(word(n))
            && !word(n).starts_with("ال")
            && !word(n).starts_with('و'))
        .then(|| {
            let (_, e2) = norm.orig_span(ws[n].start, ws[n].end);
            let surface = normalize::display_form(&a.text[s..e2]);
            (normalize::key(&surface).as_str().to_string(), surface)
        });
        out.push(Occurrence {
            key: normalize::key(&surface).as_str().to_string(),
            surface,
            kind,
            cue,
            role,
            side,
            article: ai,
            place: place_of(ks),
            raw: key[ws[first].start..ws[last].end].to_string(),
            alt,
        });
    };
    let is_place_mention = |j: usize| {
        mention_at(ws[j].start, ws[j].end)
            .is_some_and(|m| !m.adjective && g.entities[m.entity].kind == EntityKind::Place)
    };
    // the words of a name from `start`: up to `max` name words on one line of text
    let name_run = |start: usize, max: usize, allow_article_first: bool| {
        let mut j = start;
        let mut words = 0;
        while j < ws.len() && words < max && (j == start || joined(j)) {
            let t = word(j);
            // بن، عبد… do not count towards the length (فيصل بن خالد بن عبدالعزيز)
            if !lexicon::is_name_connector(t) {
                words += 1;
            }
            // علي inside a name is the name Ali, not the preposition على
            if t == "علي"
                && j + 1 < ws.len()
                && name_word(word(j + 1))
                && !word(j + 1).starts_with("ال")
            {
                j += 1;
                continue;
            }
            // after بن a nationality adjective is a name (سعد بن تركي)
            let adjective_name = j > start
                && word(j - 1) == "بن"
                && mention_at(ws[j].start, ws[j].end).is_some_and(|m| m.adjective);
            if adjective_name {
                j += 1;
                continue;
            }
            // عبد and أبو open a name (عبد الله، أبو سنان); بن and ال do not
            let opener = matches!(t, "عبد" | "ابو");
            if mention_at(ws[j].start, ws[j].end).is_some()
                || !name_word(t)
                || is_place_word(t)
                || (t.starts_with('و') && !FIRST_NAMES.contains(&t))
                || (j == start
                    && ((!allow_article_first && t.starts_with("ال"))
                        || (lexicon::is_name_connector(t) && !opener)
                        || PARTICLES.contains(&t)))
                || (j > start && lexicon::clitic_forms(t).any(|r| r.starts_with("ال")))
            {
                break;
            }
            j += 1;
        }
        // a name does not end on a connector or particle (بن، عبد، دي)
        while j > start
            && (lexicon::is_name_connector(word(j - 1)) || PARTICLES.contains(&word(j - 1)))
        {
            j -= 1;
        }
        j
    };
    // places joined by و to the place that ends before `j` (حلب والحسكة وعين العرب)
    let coordinated = |mut j: usize| {
        let mut found = Vec::new();
        while j < ws.len() && joined(j) && mention_at(ws[j].start, ws[j].end).is_none() {
            let t = word(j);
            let Some(rest) = t.strip_prefix('و') else {
                break;
            };
            // a place name has the article, opens a compound, or is long enough not to be
            // a short verb or noun (وسيطر، وأماكن)
            let shaped = rest.starts_with("ال")
                || COMPOUND_HEADS.contains(&rest)
                || lexicon::at_least_chars(rest, 5);
            if !name_word(rest) || !shaped || is_place_word(rest) {
                break;
            }
            let mut end = j + 1;
            if COMPOUND_HEADS.contains(&rest)
                && end < ws.len()
                && joined(end)
                && name_word(word(end))
                && mention_at(ws[end].start, ws[end].end).is_none()
            {
                end += 1;
            }
            found.push((j, end - 1));
            j = end;
        }
        found
    };
    let mut i = 0;
    while i < ws.len() {
        let w = word(i);
        if is_place_mention(i) {
            let mut j = i + 1;
            while j < ws.len() && is_place_mention(j) && ws[j].start < ws[i].end {
                j += 1;
            }
            for (f, l) in coordinated(j) {
                push(
                    f,
                    l,
                    'و'.len_utf8(),
                    EntityKind::Place,
                    Cue::Coordinated,
                    None,
                    None,
                );
            }
            i += 1;
            continue;
        }
        if mention_at(ws[i].start, ws[i].end).is_some() || !content(ws[i].start) {
            i += 1;
            continue;
        }
        // a person after a title and its filler words (a nationality adjective, an
        // organisation or a country named in the title allowed: أمين عام حزب الله حسن نصرالله)
        if is_title(w) {
            let mut j = i + 1;
            let mut side = None;
            while j < ws.len() && j <= i + 6 && (joined(j) || comma_before(j)) {
                let (s, e) = (ws[j].start, ws[j].end);
                let t = word(j);
                if let Some(c) = country_adjective(s, e) {
                    side = Some(c);
                } else if let Some(m) = mention_at(s, e) {
                    if g.entities[m.entity].kind == EntityKind::Person {
                        break;
                    }
                    // skip the rest of the mention's words
                    while j + 1 < ws.len() && ws[j + 1].start < m.kend {
                        j += 1;
                    }
                } else if !(lexicon::is_title_filler(t)
                    || matches!(t, "في" | "عام" | "ل" | "ركن" | "م"))
                {
                    break;
                }
                j += 1;
            }
            let start = j;
            let end = if start < ws.len() && (joined(start) || comma_before(start)) {
                name_run(start, 3, false)
            } else {
                start
            };
            if end > start && lexicon::at_least_chars(word(start), 3) {
                let (s, e) = norm.orig_span(ws[i].start, ws[start - 1].end);
                let role = normalize::display_form(&a.text[s..e]);
                let role = role.trim_end_matches(['،', ',']);
                // the conjunction before a title is not part of it (واللواء)
                let role = role
                    .strip_prefix('و')
                    .filter(|r| is_title(normalize::key(r.split(' ').next().unwrap_or(r)).as_str()))
                    .unwrap_or(role)
                    .to_string();
                push(
                    start,
                    end - 1,
                    0,
                    EntityKind::Person,
                    Cue::Title,
                    Some(role),
                    side,
                );
                i = end;
                continue;
            }
            i += 1;
            continue;
        }
        // a common first name and the name words after it
        if let Some(skip) = first_name(w) {
            let end = name_run(i + 1, 3, true);
            if end > i + 1 {
                push(
                    i,
                    end - 1,
                    skip,
                    EntityKind::Person,
                    Cue::FirstName,
                    None,
                    None,
                );
                i = end;
                continue;
            }
        }
        // a place after a place word in its construct form (مدينة حلب, not المدينة)
        if is_place_word(w) && !has_article(w) {
            let start = i + 1;
            let mut j = start;
            while j < ws.len() && j < start + 2 && joined(j) {
                let t = word(j);
                // a second word only after a compound head (دير الزور) or with the article
                // (عيناتا الجنوبية)
                let second_ok = COMPOUND_HEADS.contains(&word(start))
                    || (t.starts_with("ال") && !word(start).starts_with("ال"));
                if mention_at(ws[j].start, ws[j].end).is_some()
                    || !name_word(t)
                    || (j == start && PARTICLES.contains(&t))
                    || (j > start && !second_ok)
                {
                    break;
                }
                j += 1;
            }
            if j > start && lexicon::at_least_chars(word(start), 3) {
                push(
                    start,
                    j - 1,
                    0,
                    EntityKind::Place,
                    Cue::PlaceWord,
                    None,
                    None,
                );
                let more = coordinated(j);
                let next = more.last().map_or(j, |&(_, l)| l + 1);
                for (f, l) in more {
                    push(
                        f,
                        l,
                        'و'.len_utf8(),
                        EntityKind::Place,
                        Cue::Coordinated,
                        None,
                        None,
                    );
                }
                i = next;
                continue;
            }
        }
        // an organisation: its opening word and up to three more (a nationality adjective ends it)
        if let Some((outlet, skip)) = org_word(w).filter(|_| !has_article(w)) {
            let start = i + 1;
            let mut j = start;
            let mut side = None;
            while j < ws.len() && j < start + 3 && joined(j) {
                let (s, e) = (ws[j].start, ws[j].end);
                if let Some(c) = country_adjective(s, e).filter(|_| j > start) {
                    side = Some(c);
                    j += 1;
                    break;
                }
                let t = word(j);
                // an organisation's name goes on with the article (جبهة النصرة، حزب العمال);
                // a verb or a plain noun after the opening word is no name
                if mention_at(s, e).is_some()
                    || !name_word(t)
                    || is_place_word(t)
                    || !t.starts_with("ال")
                {
                    break;
                }
                j += 1;
            }
            if j > start {
                let kind = if outlet || word(start) == "الانباء" {
                    EntityKind::Outlet
                } else {
                    EntityKind::Organisation
                };
                push(i, j - 1, skip, kind, Cue::OrgWord, None, side);
                i = j;
                continue;
            }
        }
        // a transliterated-looking word (kept when it recurs across articles)
        let tb = lexicon::strip_clitics(w, 4);
        if names::foreign_shape(tb) {
            push(
                i,
                i,
                w.len() - tb.len(),
                EntityKind::Person,
                Cue::Shape,
                None,
                None,
            );
        }
        i += 1;
    }
}

/// The consonant skeleton of a name without its spaces: كراسنودار, كراسنودر and كراسنو دار
/// are one name.
fn group_key(key: &str) -> String {
    let joined: String = key.chars().filter(|c| *c != ' ').collect();
    let sk = names::skeleton(&joined);
    if sk.chars().count() >= 3 {
        sk
    } else {
        joined
    }
}

fn most_common<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for it in items {
        *counts.entry(it).or_default() += 1;
    }
    // highest count; ties: the smallest value, so the output is stable
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(t, _)| t)
}

fn group(g: &Glossary, occ: Vec<Occurrence>, known: &HashSet<&str>) -> Vec<DraftEntry> {
    let mut groups: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for o in occ {
        groups.entry(group_key(&o.key)).or_default().push(o);
    }
    // a one-word group that is the last word of a longer person's name is that person's short form
    let mut short_of: BTreeMap<String, String> = BTreeMap::new();
    for (gk, os) in &groups {
        if os[0].kind != EntityKind::Person {
            continue;
        }
        for o in os {
            if let Some(last) = o.key.rsplit(' ').next().filter(|_| o.key.contains(' ')) {
                let lk = group_key(last);
                // only a person's one-word name (a place named like a surname stays a place)
                let person = groups
                    .get(&lk)
                    .is_some_and(|g| g.iter().all(|o| o.kind == EntityKind::Person));
                if &lk != gk && person && lexicon::at_least_chars(last, 4) {
                    short_of.entry(lk).or_insert_with(|| gk.clone());
                }
            }
        }
    }
    let mut merged_short: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for (from, to) in &short_of {
        if short_of.contains_key(to) {
            continue;
        }
        if let Some(os) = groups.remove(from) {
            merged_short.entry(to.clone()).or_default().extend(os);
        }
    }
    let mut claimed: HashSet<String> = known.iter().map(|s| s.to_string()).collect();
    let mut ids: HashSet<String> = g.entities.iter().map(|e| e.id.clone()).collect();
    let mut entries = Vec::new();
    for (gk, os) in groups {
        let shorts = merged_short.remove(&gk).unwrap_or_default();
        let kind = most_common(os.iter().map(|o| o.kind)).unwrap_or(EntityKind::Person);
        let ar = most_common(os.iter().map(|o| o.surface.clone())).unwrap_or_default();
        let ar_key = normalize::key(&ar).as_str().to_string();
        if !claimed.insert(ar_key) {
            continue;
        }
        let mut variants = Vec::new();
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for o in &os {
            by_key
                .entry(o.key.clone())
                .or_default()
                .push(o.surface.clone());
        }
        for (k, surfaces) in by_key {
            if claimed.insert(k) {
                variants.push(most_common(surfaces.into_iter()).unwrap_or_default());
            }
        }
        let mut short = Vec::new();
        let mut short_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for o in &shorts {
            short_keys
                .entry(o.key.clone())
                .or_default()
                .push(o.surface.clone());
        }
        for (k, surfaces) in short_keys {
            if claimed.insert(k) {
                short.push(most_common(surfaces.into_iter()).unwrap_or_default());
            }
        }
        let all: Vec<&Occurrence> = os.iter().chain(&shorts).collect();
        let first = all
            .iter()
            .min_by_key(|o| (o.article, o.place.clone()))
            .map(|o| o.place.clone())
            .unwrap_or_default();
        let articles: BTreeSet<usize> = all.iter().map(|o| o.article).collect();
        let side = most_common(os.iter().filter_map(|o| o.side));
        let role = (kind == EntityKind::Person)
            .then(|| most_common(os.iter().filter_map(|o| o.role.clone())))
            .flatten()
            .map(|r| (role_en(&r, side.map(|s| g.entities[s].en.as_str())), r));
        let en = transliterate(&ar);
        let mut id = ascii_id(&en);
        if id.is_empty() {
            id = "name".to_string();
        }
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        let cue = most_common(os.iter().map(|o| o.cue)).unwrap_or(Cue::Shape);
        entries.push(DraftEntry {
            id,
            kind,
            en,
            ar,
            variants,
            short,
            role,
            side: side.map(|s| g.entities[s].id.clone()),
            count: all.len(),
            articles: articles.len(),
            first,
            cue: cue.as_str(),
        });
    }
    // most frequent first, then by id
    entries.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    entries
}

/// A person's last name used alone elsewhere in the articles (قوات الأسد) becomes a `short`
/// form, when it is long enough and no other name has it.
fn add_surnames(
    entries: &mut [DraftEntry],
    free_words: &HashMap<String, usize>,
    known: &HashSet<&str>,
) {
    let mut claimed: HashSet<String> = entries
        .iter()
        .flat_map(|e| std::iter::once(&e.ar).chain(&e.variants).chain(&e.short))
        .map(|s| normalize::key(s).as_str().to_string())
        .collect();
    for e in entries.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        let full = normalize::key(&e.ar);
        let words: Vec<&str> = full.as_str().split(' ').collect();
        let Some(&last) = words.last().filter(|_| words.len() >= 2) else {
            continue;
        };
        // after بن the last word is the father's name, not a surname (فيصل بن خالد)
        let after_connector =
            words.len() >= 2 && lexicon::is_name_connector(words[words.len() - 2]);
        if after_connector
            || !lexicon::at_least_chars(last, 4)
            || known.contains(last)
            || claimed.contains(last)
        {
            continue;
        }
        // more uses than the full names account for
        if free_words.get(last).copied().unwrap_or(0) > e.count {
            let shown = e.ar.split_whitespace().last().unwrap_or(last).to_string();
            claimed.insert(last.to_string());
            e.short.push(shown);
        }
    }
}

/// An English role from the words of an Arabic title (a guess, for review).
fn role_en(title: &str, country: Option<&str>) -> String {
    let k = normalize::key(title);
    let k = k.as_str();
    const ROLES: &[(&str, &str)] = &[
        ("وزير الخارجيه", "foreign minister"),
        ("وزير الدفاع", "defence minister"),
        ("وزير الداخليه", "interior minister"),
        ("رييس الوزراء", "prime minister"),
        ("رييس الحكومه", "prime minister"),
        ("الامين العام", "secretary-general"),
        ("المتحدث", "spokesperson"),
        ("المتحدثه", "spokesperson"),
        ("الناطق", "spokesperson"),
        ("وزير", "minister"),
        ("وزيره", "minister"),
        ("رييس", "president"),
        ("رييسه", "president"),
        ("النايب", "member of parliament or deputy"),
        ("زعيم", "leader"),
        ("الملك", "king"),
        ("الامير", "prince"),
        ("الشيخ", "sheikh"),
        ("السفير", "ambassador"),
        ("المبعوث", "envoy"),
        ("الجنرال", "general"),
        ("اللواء", "major general"),
        ("العقيد", "colonel"),
        ("المستشار", "adviser or chancellor"),
        ("مدير", "director"),
        ("القايد", "commander"),
    ];
    let words: Vec<&str> = k
        .split(' ')
        .map(|w| w.strip_prefix("ال").unwrap_or(w))
        .collect();
    let plain = words.join(" ");
    let role = ROLES
        .iter()
        .find(|(ar, _)| {
            let ar = ar.split(' ').map(|w| w.strip_prefix("ال").unwrap_or(w));
            let ar: Vec<&str> = ar.collect();
            plain.contains(&ar.join(" "))
        })
        .map_or("title", |(_, en)| en);
    match country {
        Some(c) => format!("{role} ({c}) [guess]"),
        None => format!("{role} [guess]"),
    }
}

/// A rough Latin form of an Arabic name: how Arabic writes foreign sounds, read back. Vowels
/// are guessed (و → o/u, ي → i/y), so every form is marked for review.
pub fn transliterate(ar: &str) -> String {
    let mut words = Vec::new();
    for w in normalize::display_form(ar).split_whitespace() {
        let (article, rest) = match w.strip_prefix("ال") {
            Some(r) if r.chars().count() >= 2 => (true, r),
            _ => (false, w),
        };
        let chars: Vec<char> = rest
            .chars()
            .filter(|c| !normalize::is_diacritic(*c))
            .collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let first = i == 0;
            let last = i + 1 == chars.len();
            let s = match c {
                'ا' | 'آ' | 'أ' | 'ى' => {
                    if first && (c == 'أ' || c == 'ا') {
                        "a"
                    } else if out.ends_with('a') {
                        ""
                    } else {
                        "a"
                    }
                }
                'إ' => "i",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' | 'ص' => "s",
                'ش' => "sh",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' => {
                    if first {
                        ""
                    } else {
                        "'"
                    }
                }
                'غ' => "g",
                'ف' | 'ڤ' => "f",
                'ق' => "q",
                'ك' | 'گ' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'ه' => "h",
                'ة' => "a",
                'و' => {
                    if first {
                        "w"
                    } else if last {
                        "o"
                    } else if chars.get(i + 1).is_some_and(|n| "اوي".contains(*n)) {
                        "w"
                    } else {
                        "u"
                    }
                }
                'ي' => {
                    if first || chars.get(i + 1).is_some_and(|n| "اوي".contains(*n)) {
                        "y"
                    } else {
                        "i"
                    }
                }
                'ء' | 'ئ' | 'ؤ' => "'",
                'پ' => "p",
                'چ' => "ch",
                c => {
                    if c.is_alphanumeric() && c.is_ascii() {
                        out.push(c);
                    }
                    ""
                }
            };
            out.push_str(s);
        }
        let mut cap = String::new();
        let mut it = out.trim_matches('\'').chars();
        if let Some(f) = it.next() {
            cap.extend(f.to_uppercase());
            cap.extend(it);
        }
        if cap.is_empty() {
            continue;
        }
        words.push(if article { format!("al-{cap}") } else { cap });
    }
    words.join(" ")
}

/// An id from an English form: lower-case ASCII letters, digits and _.
fn ascii_id(en: &str) -> String {
    let mut id = String::new();
    for c in en.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() && c != '\'' {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_string()
}

/// A YAML double-quoted string (JSON's form is valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
}

impl Draft {
    /// The draft as YAML that loads as a glossary (layered over the ones it was made with).
    pub fn to_yaml(&self) -> String {
        let mut y = String::new();
        y.push_str(&format!(
            "# Draft story glossary: {} names from {} articles that no glossary has yet\n\
             # (mizan glossary suggest). Check every entry before use: kinds come from the words\n\
             # before a name, the English forms and roles are guesses from a transliteration table,\n\
             # and spellings of one name are grouped by their consonants.\n\
             # Use: mizan brief ARTICLES --glossary THIS_FILE\n",
            self.entries.len(),
            self.articles
        ));
        if self.entries.is_empty() {
            y.push_str(
                "# No new names found: the glossaries given already cover these articles.\n",
            );
            return y;
        }
        y.push_str("entities:\n");
        for e in &self.entries {
            y.push_str(&format!(
                "  # {}× in {} article{}; first at {}; {}\n",
                e.count,
                e.articles,
                if e.articles == 1 { "" } else { "s" },
                e.first,
                e.cue
            ));
            y.push_str(&format!("  - id: {}\n", e.id));
            y.push_str(&format!("    kind: {}\n", e.kind.as_str()));
            y.push_str(&format!("    en: {}   # guess: check\n", q(&e.en)));
            y.push_str(&format!("    ar: {}\n", q(&e.ar)));
            if !e.variants.is_empty() {
                y.push_str(&format!("    variants: {}\n", list(&e.variants)));
            }
            if !e.short.is_empty() {
                y.push_str(&format!("    short: {}\n", list(&e.short)));
            }
            if let Some((en, ar)) = &e.role {
                y.push_str(&format!("    role: {{en: {}, ar: {}}}\n", q(en), q(ar)));
            }
            if let Some(s) = &e.side {
                y.push_str(&format!("    side: {s}\n"));
            }
        }
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_guesses() {
        assert_eq!(transliterate("كراسنودار"), "Krasnudar");
        assert_eq!(transliterate("بشار الأسد"), "Bshar al-Asd");
        assert_eq!(ascii_id("Bshar al-Asd"), "bshar_al_asd");
    }

    #[test]
    fn one_group_for_spellings_with_the_same_consonants() {
        let a = group_key(normalize::key("كراسنودار").as_str());
        let b = group_key(normalize::key("كراسنودر").as_str());
        let c = group_key(normalize::key("كراسنو دار").as_str());
        assert_eq!(a, b);
        assert_eq!(a, c);
    }
}
