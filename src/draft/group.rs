//! Occurrences → draft entries: spellings grouped by consonant skeleton, short forms, roles.

use super::yaml::{ascii_id, transliterate};
use super::{Cue, DraftEntry, Occurrence};
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;
use crate::names;
use crate::normalize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The consonant skeleton of a name without its spaces: كراسنودار, كراسنودر and كراسنو دار
/// are one name.
pub(super) fn group_key(key: &str) -> String {
    let joined: String = key.chars().filter(|c| *c != ' ').collect();
    let sk = names::skeleton(&joined);
    if sk.chars().count() >= 3 {
        sk
    } else {
        joined
    }
}

pub(super) fn most_common<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
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

pub(super) fn group(g: &Glossary, occ: Vec<Occurrence>, known: &HashSet<&str>) -> Vec<DraftEntry> {
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
pub(super) fn add_surnames(
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
pub(super) fn role_en(title: &str, country: Option<&str>) -> String {
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
        ("الفريق", "lieutenant general"),
        ("المهندس", "engineer"),
        ("الفنان", "artist"),
        ("دكتور", "doctor"),
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
