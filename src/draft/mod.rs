//! Articles + glossary → a draft story glossary (`mizan glossary suggest`).
//!
//! In: the articles and the glossary layers already known (world and story). Out: a [`Draft`]
//! of the names no layer has yet — people after a title (with a nationality adjective between
//! title and name allowed), places after a place word (مدينة، بلدة…), organisations after an
//! organisation word (وزارة، حزب…) and transliterated-looking words that recur across
//! articles — grouped by consonant skeleton into one entry with its other spellings, printed as
//! YAML that loads as a glossary as it is. The English forms are transliteration guesses.

mod group;
mod scan;
mod words;
mod yaml;

pub use yaml::transliterate;

use group::{add_surnames, group_key};
use scan::scan_article;

use crate::corpus::Article;
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;
use crate::link;
use crate::normalize::{self, Normalized};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Where a candidate name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cue {
    Title,
    PlaceWord,
    OrgWord,
    Shape,
    FirstName,
    Coordinated,
    Kunya,
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
            Cue::Kunya => "a kunya and a family name (أبو … الـ…ي)",
        }
    }
}

/// One occurrence of a candidate name.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
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
    let mut nouns = Nouns::default();
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
            nouns.add(raw);
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
    let occ = drop_nouns_and_roles(occ, &nouns);
    let occ = cut_organisations(occ);
    let mut entries = group::group(g, occ, &known);
    add_surnames(&mut entries, &free_words, &known);
    Draft {
        entries,
        articles: articles.len(),
    }
}

/// The words of the articles as written, and the words that also occur with the article ال:
/// what the articles themselves say about which words are common nouns.
#[derive(Default)]
struct Nouns {
    plain: HashSet<String>,
    definite: HashSet<String>,
}

impl Nouns {
    fn add(&mut self, w: &str) {
        self.plain.insert(w.to_string());
        if let Some(d) = lexicon::with_article(w) {
            self.definite.insert(d["ال".len()..].to_string());
        }
    }

    /// A word the articles also use as a common noun: «القناة» where «قناة» occurs bare, «إجازة»
    /// or «لمشروع» where «الإجازة» or «المشروع» occurs. Known first names are left alone (المحمد).
    fn is_common(&self, w: &str) -> bool {
        if let Some(bare) = w.strip_prefix("ال") {
            return lexicon::at_least_chars(bare, 3) && self.plain.contains(bare);
        }
        if words::is_first_name(w) {
            return false;
        }
        self.definite.contains(w)
            || ["ب", "ل", "ك"].iter().any(|c| {
                w.strip_prefix(c)
                    .is_some_and(|r| lexicon::at_least_chars(r, 3) && self.definite.contains(r))
            })
    }
}

/// Candidates whose first word the articles use as a common noun, and «أمير عسير»: a title
/// followed by a place the articles name with a place word is a role, not a person's name.
fn drop_nouns_and_roles(occ: Vec<Occurrence>, nouns: &Nouns) -> Vec<Occurrence> {
    let places: HashSet<String> = occ
        .iter()
        .filter(|o| o.kind == EntityKind::Place && o.cue == Cue::PlaceWord)
        .map(|o| o.key.clone())
        .collect();
    occ.into_iter()
        .filter(|o| {
            let first = o.key.split(' ').next().unwrap_or("");
            let checked = matches!(o.cue, Cue::Title | Cue::PlaceWord | Cue::Coordinated);
            let noun = checked && nouns.is_common(first);
            let role = o.kind == EntityKind::Person && places.contains(first);
            !(noun || role)
        })
        .collect()
}

/// An organisation's name that goes on past a shorter form found on its own (قناة السويس
/// الجديدة / القديمة where «قناة السويس» occurs alone) is that shorter name and an adjective.
fn cut_organisations(mut occ: Vec<Occurrence>) -> Vec<Occurrence> {
    let org = |o: &Occurrence| matches!(o.kind, EntityKind::Organisation | EntityKind::Outlet);
    let alone: HashSet<String> = occ
        .iter()
        .filter(|o| org(o))
        .map(|o| o.key.clone())
        .collect();
    for o in occ.iter_mut().filter(|o| org(o)) {
        let ws: Vec<&str> = o.key.split(' ').collect();
        let shorter = (2..ws.len())
            .map(|n| ws[..n].join(" "))
            .find(|p| alone.contains(p));
        if let Some(p) = shorter {
            let n = p.split(' ').count();
            o.surface = o
                .surface
                .split_whitespace()
                .take(n)
                .collect::<Vec<_>>()
                .join(" ");
            o.key = p;
        }
    }
    occ
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_guesses() {
        assert_eq!(transliterate("كراسنودار"), "Krasnudar");
        assert_eq!(transliterate("بشار الأسد"), "Bshar al-Asd");
        assert_eq!(yaml::ascii_id("Bshar al-Asd"), "bshar_al_asd");
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
