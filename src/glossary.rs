//! `glossary.yaml` → a validated [`Glossary`] with a compiled multi-pattern matcher.
//!
//! In: the YAML text and its path. Out: entities (with every spelling as a normalised [`Key`]),
//! measures, subjects and events with their trigger words, and one Aho–Corasick automaton over all
//! spellings. Errors stop the run and carry `file:line:col`.

use crate::error::{Error, Result};
use crate::lexicon;
use crate::normalize::{self, Key};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Country,
    Organisation,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Country => "country",
            EntityKind::Organisation => "organisation",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub en: String,
    pub ar: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    entities: Vec<RawEntity>,
    #[serde(default)]
    measures: Vec<RawTerm>,
    #[serde(default)]
    subjects: Vec<RawTerm>,
    #[serde(default)]
    events: Vec<RawTerm>,
    #[serde(default)]
    items: Vec<RawTerm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Spanned<String>,
    kind: EntityKind,
    en: Option<String>,
    ar: Option<Spanned<String>>,
    #[serde(default)]
    role: Option<Bilingual>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    short: Vec<Spanned<String>>,
    #[serde(default)]
    adjectives: Vec<Spanned<String>>,
    #[serde(default)]
    side: Option<Spanned<String>>,
    #[serde(default)]
    same_as: Option<RawSameAs>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSameAs {
    id: Spanned<String>,
    note: Bilingual,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    en: String,
    ar: String,
    #[serde(default)]
    triggers: Vec<Spanned<String>>,
    /// For measures: does the figure only grow over time (a death toll)? Default true.
    #[serde(default)]
    cumulative: Option<bool>,
    /// For measures: the figure belongs to the place named before it (a population).
    #[serde(default)]
    per_place: bool,
    /// For measures triggered by what is counted (tanks, homes): one of these words must be in
    /// the figure's clause (a verb of destroying), or the measure does not apply.
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    /// For events: the event denies what its clause reports (نفى).
    #[serde(default)]
    denial: bool,
    /// For events: the English noun, for a frame that names no agent («strike», «meeting»).
    #[serde(default)]
    noun: Option<String>,
}

/// How a spelling relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// The preferred spelling (`ar`).
    Preferred,
    /// Another full spelling (`variants`).
    Variant,
    /// A partial form, e.g. the surname alone (`short`).
    Short,
    /// A nationality adjective (`adjectives`), matched with its suffixes.
    Adjective,
}

#[derive(Debug, Clone, Serialize)]
pub struct Spelling {
    pub text: String,
    #[serde(skip)]
    pub key: Key,
    pub kind: FormKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub en: String,
    pub ar: String,
    pub role: Option<Bilingual>,
    pub spellings: Vec<Spelling>,
    /// The entity this one speaks for (a capital for its country, a ministry for its state).
    pub side: Option<usize>,
    pub same_as: Option<(usize, Bilingual)>,
}

/// A measure, subject group or event, with its trigger words.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub id: String,
    pub en: String,
    pub ar: String,
    #[serde(skip)]
    pub triggers: Vec<Trigger>,
    pub cumulative: bool,
    pub per_place: bool,
    /// Words one of which must be in the clause for this measure to apply.
    #[serde(skip)]
    pub requires: Vec<Trigger>,
    /// An event that denies what it reports.
    pub denial: bool,
    /// The English noun of an event.
    pub noun: Option<String>,
}

/// A trigger word: matched on a whole word after clitics are stripped; `*` at the end matches
/// any ending.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub prefix: bool,
}

impl Trigger {
    /// Does the trigger match the (normalised) words starting at `ws[0]`? Returns the number of
    /// words it covers.
    pub fn matches(&self, ws: &[&str]) -> Option<usize> {
        if ws.len() < self.words.len() {
            return None;
        }
        let last = self.words.len() - 1;
        for (i, t) in self.words.iter().enumerate() {
            let w = ws[i];
            let ok = |cand: &str| {
                if i == last && self.prefix {
                    cand.starts_with(t.as_str())
                } else {
                    cand == t
                }
            };
            let stripped_ok = if i == 0 {
                ok(w) || lexicon::clitic_forms(w).any(ok)
            } else {
                ok(w)
            };
            if !stripped_ok {
                return None;
            }
        }
        Some(self.words.len())
    }
}

impl Term {
    pub fn matches(&self, ws: &[&str]) -> Option<usize> {
        self.triggers.iter().filter_map(|t| t.matches(ws)).max()
    }
}

/// Trigger words of a list of terms, indexed by their first word (exact triggers) and by the
/// prefix of a `*` trigger, so a word costs a few hash lookups, not a scan of every trigger.
#[derive(Debug, Default)]
pub struct TriggerIndex {
    exact: crate::fasthash::FastMap<String, Vec<(u32, u32)>>,
    prefix: crate::fasthash::FastMap<String, Vec<(u32, u32)>>,
    longest_prefix: usize,
    /// The first two characters of every trigger word: a word starting otherwise matches none.
    starts: crate::fasthash::FastSet<(char, char)>,
}

fn first_two(w: &str) -> (char, char) {
    let mut it = w.chars();
    (it.next().unwrap_or('\0'), it.next().unwrap_or('\0'))
}

impl TriggerIndex {
    fn new(terms: &[Term]) -> TriggerIndex {
        let mut idx = TriggerIndex::default();
        for (ti, t) in terms.iter().enumerate() {
            for (ri, r) in t.triggers.iter().enumerate() {
                let first = r.words[0].clone();
                idx.starts.insert(first_two(&first));
                if r.prefix && r.words.len() == 1 {
                    idx.longest_prefix = idx.longest_prefix.max(first.chars().count());
                    idx.prefix
                        .entry(first)
                        .or_default()
                        .push((ti as u32, ri as u32));
                } else {
                    idx.exact
                        .entry(first)
                        .or_default()
                        .push((ti as u32, ri as u32));
                }
            }
        }
        idx
    }

    /// The terms with a trigger that matches the words starting at `ws[0]`, as (term, words
    /// covered), lowest term first.
    pub fn find(&self, terms: &[Term], ws: &[&str]) -> Vec<(usize, usize)> {
        let Some(&w) = ws.first() else { return vec![] };
        let mut hits: Vec<(usize, usize)> = Vec::new();
        let mut check = |form: &str| {
            if !self.starts.contains(&first_two(form)) {
                return;
            }
            let mut probe = |list: Option<&Vec<(u32, u32)>>| {
                for &(ti, ri) in list.into_iter().flatten() {
                    if let Some(n) = terms[ti as usize].triggers[ri as usize].matches(ws) {
                        hits.push((ti as usize, n));
                    }
                }
            };
            probe(self.exact.get(form));
            for (k, (i, _)) in form.char_indices().enumerate().skip(1) {
                if k > self.longest_prefix {
                    break;
                }
                probe(self.prefix.get(&form[..i]));
            }
            if form.chars().count() <= self.longest_prefix {
                probe(self.prefix.get(form));
            }
        };
        check(w);
        for r in lexicon::clitic_forms(w) {
            check(r);
        }
        hits.sort_unstable();
        hits.dedup_by_key(|h| h.0);
        hits
    }

    /// The first term (in glossary order) matching at `ws[0]`.
    pub fn first(&self, terms: &[Term], ws: &[&str]) -> Option<usize> {
        self.find(terms, ws).first().map(|h| h.0)
    }
}

/// One pattern of the automaton.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    pub entity: usize,
    pub spelling: usize,
    /// The pattern is a spelling starting with ال written without its alef, to be matched after
    /// the preposition ل (للاتحاد).
    pub lam_elided: bool,
}

pub struct Glossary {
    pub path: PathBuf,
    pub entities: Vec<Entity>,
    pub measures: Vec<Term>,
    pub subjects: Vec<Term>,
    pub events: Vec<Term>,
    pub matcher: AhoCorasick,
    pub patterns: Vec<Pattern>,
    pub measure_index: TriggerIndex,
    pub subject_index: TriggerIndex,
    pub event_index: TriggerIndex,
    /// What a figure counts (tanks, homes), in English for `numbers[].item`.
    pub items: Vec<Term>,
    pub item_index: TriggerIndex,
    by_id: HashMap<String, usize>,
}

impl std::fmt::Debug for Glossary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Glossary")
            .field("path", &self.path)
            .field("entities", &self.entities.len())
            .finish()
    }
}

impl Glossary {
    pub fn load(path: &Path) -> Result<Glossary> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        Glossary::parse(path, &text)
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        let raw: RawGlossary =
            serde_saphyr::from_str_with_options(text, crate::error::glossary_options())
                .map_err(|e| crate::error::glossary_yaml_error(path, e))?;
        let at = |s: &Spanned<String>, msg: String| {
            Error::at(path, s.referenced.line(), s.referenced.column(), msg)
        };
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (i, e) in raw.entities.iter().enumerate() {
            check_id(&e.id).map_err(|m| at(&e.id, m))?;
            if by_id.insert(e.id.value.clone(), i).is_some() {
                return Err(at(&e.id, format!("duplicate entity id {:?}", e.id.value)));
            }
        }
        let mut entities = Vec::with_capacity(raw.entities.len());
        // normalised spelling → (entity, the spelling as written) for the "claimed twice" check
        let mut claimed: BTreeMap<Key, (usize, String)> = BTreeMap::new();
        for (i, e) in raw.entities.iter().enumerate() {
            let en =
                e.en.clone()
                    .filter(|s| !s.trim().is_empty())
                    .ok_or_else(|| {
                        at(
                            &e.id,
                            format!("entity {:?} has no English name (en)", e.id.value),
                        )
                    })?;
            let ar =
                e.ar.as_ref()
                    .filter(|s| !s.value.trim().is_empty())
                    .ok_or_else(|| {
                        at(
                            &e.id,
                            format!("entity {:?} has no Arabic name (ar)", e.id.value),
                        )
                    })?;
            let mut spellings = Vec::new();
            let lists: [(&[Spanned<String>], FormKind); 4] = [
                (std::slice::from_ref(ar), FormKind::Preferred),
                (&e.variants, FormKind::Variant),
                (&e.short, FormKind::Short),
                (&e.adjectives, FormKind::Adjective),
            ];
            for (list, kind) in lists {
                for s in list {
                    let key = normalize::key(&s.value);
                    if key.is_empty() {
                        return Err(at(s, "empty spelling".to_string()));
                    }
                    if let Some((other, written)) = claimed.get(&key) {
                        if *other == i {
                            return Err(at(
                                s,
                                format!(
                                    "{:?} repeats {:?} of the same entity after normalisation",
                                    s.value, written
                                ),
                            ));
                        }
                        return Err(at(
                            s,
                            format!(
                                "{:?} is claimed by two entities after normalisation: {:?} and {:?} ({:?})",
                                s.value, raw.entities[*other].id.value, e.id.value, written
                            ),
                        ));
                    }
                    claimed.insert(key.clone(), (i, s.value.clone()));
                    spellings.push(Spelling {
                        text: s.value.trim().to_string(),
                        key,
                        kind,
                    });
                }
            }
            let side = match &e.side {
                Some(s) => Some(
                    *by_id
                        .get(&s.value)
                        .ok_or_else(|| at(s, format!("side {:?} is not an entity id", s.value)))?,
                ),
                None => None,
            };
            let same_as = match &e.same_as {
                Some(sa) => Some((
                    *by_id.get(&sa.id.value).ok_or_else(|| {
                        at(
                            &sa.id,
                            format!("same_as {:?} is not an entity id", sa.id.value),
                        )
                    })?,
                    sa.note.clone(),
                )),
                None => None,
            };
            entities.push(Entity {
                id: e.id.value.clone(),
                kind: e.kind,
                en: en.trim().to_string(),
                ar: ar.value.trim().to_string(),
                role: e.role.clone(),
                spellings,
                side,
                same_as,
            });
        }
        let terms = |list: &[RawTerm], what: &str| -> Result<Vec<Term>> {
            let mut seen = HashMap::new();
            let mut out = Vec::new();
            for t in list {
                check_id(&t.id).map_err(|m| at(&t.id, m))?;
                if seen.insert(t.id.value.clone(), ()).is_some() {
                    return Err(at(&t.id, format!("duplicate {what} id {:?}", t.id.value)));
                }
                if t.triggers.is_empty() {
                    return Err(at(
                        &t.id,
                        format!("{what} {:?} has no triggers", t.id.value),
                    ));
                }
                out.push(Term {
                    id: t.id.value.clone(),
                    en: t.en.clone(),
                    ar: t.ar.clone(),
                    triggers: compile_triggers(path, &t.triggers)?,
                    cumulative: t.cumulative.unwrap_or(true),
                    per_place: t.per_place,
                    requires: compile_triggers(path, &t.requires)?,
                    denial: t.denial,
                    noun: t.noun.clone(),
                });
            }
            Ok(out)
        };
        let measures = terms(&raw.measures, "measure")?;
        let subjects = terms(&raw.subjects, "subject")?;
        let events = terms(&raw.events, "event")?;
        let items = terms(&raw.items, "item")?;

        let mut pats: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            for (si, s) in e.spellings.iter().enumerate() {
                pats.push(s.key.as_str().to_string());
                patterns.push(Pattern {
                    entity: ei,
                    spelling: si,
                    lam_elided: false,
                });
                if let Some(rest) = s.key.as_str().strip_prefix("ال") {
                    pats.push(format!("ل{rest}"));
                    patterns.push(Pattern {
                        entity: ei,
                        spelling: si,
                        lam_elided: true,
                    });
                }
            }
        }
        // a DFA is about twice as fast as the default NFA; above a few tens of thousands of
        // spellings its tables grow large, and the contiguous NFA is the better trade
        let kind = if pats.len() <= 40_000 {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(&pats)
            .map_err(|e| Error::input(path, format!("cannot compile the glossary: {e}")))?;
        Ok(Glossary {
            path: path.to_path_buf(),
            measure_index: TriggerIndex::new(&measures),
            subject_index: TriggerIndex::new(&subjects),
            event_index: TriggerIndex::new(&events),
            item_index: TriggerIndex::new(&items),
            items,
            entities,
            measures,
            subjects,
            events,
            matcher,
            patterns,
            by_id,
        })
    }

    /// The measure whose trigger matches at `ws[0]`.
    pub fn measure_at(&self, ws: &[&str]) -> Option<usize> {
        self.measure_index.first(&self.measures, ws)
    }

    /// The subject group whose trigger matches at `ws[0]`.
    pub fn subject_at(&self, ws: &[&str]) -> Option<usize> {
        self.subject_index.first(&self.subjects, ws)
    }

    /// The item (what is counted) whose trigger matches at `ws[0]`.
    pub fn item_at(&self, ws: &[&str]) -> Option<usize> {
        self.item_index.first(&self.items, ws)
    }

    /// The events whose triggers match at `ws[0]`, with the number of words they cover.
    pub fn events_at(&self, ws: &[&str]) -> Vec<(usize, usize)> {
        self.event_index.find(&self.events, ws)
    }
}

/// Trigger words as written in the glossary → normalised words; `*` at the end = any ending.
fn compile_triggers(path: &Path, list: &[Spanned<String>]) -> Result<Vec<Trigger>> {
    let mut triggers = Vec::new();
    for tr in list {
        let raw = tr.value.trim();
        let prefix = raw.ends_with('*');
        let words: Vec<String> = normalize::key(raw.trim_end_matches('*'))
            .as_str()
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            let (line, col) = (tr.referenced.line(), tr.referenced.column());
            return Err(Error::at(path, line, col, "empty trigger".to_string()));
        }
        triggers.push(Trigger { words, prefix });
    }
    Ok(triggers)
}

fn check_id(id: &Spanned<String>) -> std::result::Result<(), String> {
    let v = &id.value;
    if v.is_empty()
        || !v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!(
            "id {v:?} must be lower-case ASCII letters, digits and _"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(y: &str) -> Result<Glossary> {
        Glossary::parse(Path::new("g.yaml"), y)
    }

    const OK: &str = "entities:\n  - id: sergey_lavrov\n    kind: person\n    en: Sergey Lavrov\n    ar: سيرغي لافروف\n    short: [لافروف]\nmeasures:\n  - id: killed\n    en: killed\n    ar: قتلى\n    triggers: [مقتل, قتيل*]\n";

    #[test]
    fn loads_a_small_glossary() {
        let g = parse(OK).unwrap();
        assert_eq!(g.entities.len(), 1);
        assert_eq!(g.entities[0].spellings.len(), 2);
        assert_eq!(g.measures[0].triggers.len(), 2);
        assert!(g.measures[0].triggers[1].prefix);
    }

    #[test]
    fn unknown_field_is_an_error_with_location() {
        let y = OK.replace("    short:", "    shrot:");
        let e = parse(&y).unwrap_err().to_string();
        assert!(e.starts_with("g.yaml:"), "{e}");
        assert!(e.contains("shrot"), "{e}");
    }

    #[test]
    fn duplicate_id_is_an_error_at_its_line() {
        let y = OK.replace(
            "measures:",
            "  - id: sergey_lavrov\n    kind: person\n    en: X\n    ar: س\nmeasures:",
        );
        let e = parse(&y).unwrap_err().to_string();
        assert!(e.starts_with("g.yaml:7:"), "{e}");
        assert!(e.contains("duplicate entity id"), "{e}");
    }

    #[test]
    fn spelling_claimed_twice_after_normalisation() {
        // لافرُوف with a damma normalises to the short form of the first entity
        let y = OK.replace(
            "measures:",
            "  - id: other\n    kind: person\n    en: Other\n    ar: لافرُوف\nmeasures:",
        );
        let e = parse(&y).unwrap_err().to_string();
        assert!(e.contains("claimed by two entities"), "{e}");
        assert!(e.starts_with("g.yaml:10:"), "{e}");
    }

    #[test]
    fn missing_english_or_arabic() {
        let y = OK.replace("    en: Sergey Lavrov\n", "");
        let e = parse(&y).unwrap_err().to_string();
        assert!(e.contains("no English name"), "{e}");
        let y = OK.replace("    ar: سيرغي لافروف\n", "");
        let e = parse(&y).unwrap_err().to_string();
        assert!(e.contains("no Arabic name"), "{e}");
    }

    #[test]
    fn trigger_matching_with_clitics_and_prefix() {
        let g = parse(OK).unwrap();
        let m = &g.measures[0];
        assert_eq!(m.matches(&["بمقتل"]), Some(1));
        assert_eq!(m.matches(&["قتيلا"]), Some(1));
        assert_eq!(m.matches(&["مقتلع"]), None);
        // the index finds the same
        assert_eq!(g.measure_at(&["بمقتل"]), Some(0));
        assert_eq!(g.measure_at(&["وقتيلا"]), Some(0));
        assert_eq!(g.measure_at(&["مقتلع"]), None);
    }
}
