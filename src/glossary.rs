//! `glossary.yaml` → a validated [`Glossary`] with a compiled multi-pattern matcher.
//!
//! In: the YAML text and its path. Out: entities (with every spelling as a normalised [`Key`]),
//! measures, subjects and events with their trigger words, and one Aho–Corasick automaton over all
//! spellings. Errors stop the run and carry `file:line:col`.

use crate::error::{yaml_error, Error, Result};
use crate::lexicon;
use crate::normalize::{self, Key};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod framing;
pub use framing::{Framing, FramingHit, FramingSet, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Country,
    Organisation,
    /// A news agency, channel or paper (رويترز، الأناضول، الجزيرة): a source, not an actor.
    Outlet,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Country => "country",
            EntityKind::Organisation => "organisation",
            EntityKind::Outlet => "outlet",
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
    /// Words that say the same thing with different stances (`framing.rs`).
    #[serde(default)]
    framing: Vec<framing::RawFraming>,
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
    /// Replace the entity of the same id from an earlier glossary layer.
    #[serde(default, rename = "override")]
    replaces: bool,
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
    /// A text, or for events the English forms of the verb (`{present, past, base, passive,
    /// noun}`).
    en: RawEn,
    ar: String,
    #[serde(default)]
    triggers: Vec<Spanned<String>>,
    /// For measures: does the figure only grow over time (a death toll)? Default true.
    #[serde(default)]
    cumulative: Option<bool>,
    /// For measures: the figure belongs to the place named before it (a population).
    #[serde(default)]
    per_place: bool,
    /// Replace the term of the same id from an earlier glossary layer.
    #[serde(default, rename = "override")]
    replaces: bool,
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

/// An event's English: one text (the present tense, «strikes»), or its forms.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawEn {
    Text(String),
    Forms(EnForms),
}

/// The English forms of an event's verb, for sentences built from clause frames. Only
/// `present` is required; a sentence shape whose form is missing is not used.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnForms {
    /// «strikes»: also the label of the event.
    pub present: String,
    /// «struck»
    #[serde(default)]
    pub past: Option<String>,
    /// «strike», after «did not» and «is to».
    #[serde(default)]
    pub base: Option<String>,
    /// «struck», in «Ganja was struck».
    #[serde(default)]
    pub passive: Option<String>,
    /// «strike», in «there was a strike».
    #[serde(default)]
    pub noun: Option<String>,
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
    /// A name that is also the entity's own nationality adjective with an ending (سورية =
    /// سوري + ة): after ال it is the adjective.
    #[serde(skip)]
    pub adjective_form: bool,
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
    /// The glossary layer (index into [`Glossary::layers`]) that defines it.
    pub layer: usize,
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
    /// An event's English verb forms (`present` is `en`).
    pub forms: EnForms,
}

/// A trigger word: matched on a whole word after clitics are stripped; `*` at the end matches
/// any ending.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub prefix: bool,
    /// As written in the glossary.
    pub text: String,
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
    /// The lengths (in characters) of the `*` triggers' prefixes: a word is probed only at these.
    prefix_lens: Vec<usize>,
    /// The first two characters of every trigger word: a word starting otherwise matches none.
    starts: Starts,
}

fn first_two(w: &str) -> (char, char) {
    let mut it = w.chars();
    (it.next().unwrap_or('\0'), it.next().unwrap_or('\0'))
}

/// A set of pairs of characters: one bit a pair when both are in the Arabic block (8 KiB, no
/// hashing for the words of the text), a hash set for the other pairs.
#[derive(Debug)]
struct Starts {
    arabic: Vec<u64>,
    other: crate::fasthash::FastSet<(char, char)>,
}

impl Default for Starts {
    fn default() -> Self {
        Starts {
            arabic: vec![0; 1 << 10],
            other: Default::default(),
        }
    }
}

impl Starts {
    /// The bit of a pair of Arabic-block characters.
    fn bit((a, b): (char, char)) -> Option<usize> {
        let block = |c: char| (c as u32).checked_sub(0x600).filter(|&k| k < 0x100);
        Some((block(a)? << 8 | block(b)?) as usize)
    }

    fn insert(&mut self, pair: (char, char)) {
        match Self::bit(pair) {
            Some(k) => self.arabic[k / 64] |= 1 << (k % 64),
            None => {
                self.other.insert(pair);
            }
        }
    }

    fn contains(&self, pair: (char, char)) -> bool {
        match Self::bit(pair) {
            Some(k) => self.arabic[k / 64] >> (k % 64) & 1 == 1,
            None => self.other.contains(&pair),
        }
    }
}

impl TriggerIndex {
    fn new(terms: &[Term]) -> TriggerIndex {
        TriggerIndex::over(terms.iter().map(|t| t.triggers.as_slice()))
    }

    /// An index over lists of triggers (one list a term, or a stance of a framing set).
    fn over<'t>(lists: impl Iterator<Item = &'t [Trigger]>) -> TriggerIndex {
        let mut idx = TriggerIndex::default();
        for (ti, triggers) in lists.enumerate() {
            for (ri, r) in triggers.iter().enumerate() {
                let first = r.words[0].clone();
                idx.starts.insert(first_two(&first));
                if r.prefix && r.words.len() == 1 {
                    let len = first.chars().count();
                    idx.longest_prefix = idx.longest_prefix.max(len);
                    if !idx.prefix_lens.contains(&len) {
                        idx.prefix_lens.push(len);
                    }
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
        let mut hits: Vec<(usize, usize)> = self
            .find_by(ws, |ti, ri| terms[ti].triggers[ri].matches(ws))
            .into_iter()
            .map(|(ti, _, n)| (ti, n))
            .collect();
        hits.sort_unstable();
        hits.dedup_by_key(|h| h.0);
        hits
    }

    /// Every (list, trigger, words covered) whose trigger may start at `ws[0]` (by its first
    /// word or prefix, after clitics) and for which `matches(list, trigger)` says how many
    /// words it covers.
    fn find_by(
        &self,
        ws: &[&str],
        matches: impl Fn(usize, usize) -> Option<usize>,
    ) -> Vec<(usize, usize, usize)> {
        let Some(&w) = ws.first() else { return vec![] };
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let mut check = |form: &str| {
            if !self.starts.contains(first_two(form)) {
                return;
            }
            let mut probe = |list: Option<&Vec<(u32, u32)>>| {
                for &(ti, ri) in list.into_iter().flatten() {
                    if let Some(n) = matches(ti as usize, ri as usize) {
                        hits.push((ti as usize, ri as usize, n));
                    }
                }
            };
            probe(self.exact.get(form));
            for (k, (i, _)) in form.char_indices().enumerate().skip(1) {
                if k > self.longest_prefix {
                    break;
                }
                if self.prefix_lens.contains(&k) {
                    probe(self.prefix.get(&form[..i]));
                }
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
        hits.dedup();
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
    /// The first file given (the story glossary when there is one), for messages.
    pub path: PathBuf,
    /// Every file, in layer order (the world glossary first when it is used).
    pub layers: Vec<PathBuf>,
    /// Is layer 0 the built-in world glossary?
    pub world: bool,
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
    /// Loaded wording: sets of words that say the same thing with different stances.
    pub framing: Framing,
    /// Spellings a later layer took from an entity of an earlier one.
    pub shadowed: Vec<Shadowed>,
    by_id: HashMap<String, usize>,
}

/// A spelling claimed by entities of two layers: the later layer wins it.
#[derive(Debug, Clone, Serialize)]
pub struct Shadowed {
    pub spelling: String,
    /// The entity of the earlier layer that lost it.
    pub lost_by: String,
    /// The entity of the later layer that has it now.
    pub won_by: String,
    /// `file:line:col` of the winning spelling.
    pub at: String,
}

/// One glossary file of a layered glossary.
#[derive(Debug, Clone)]
pub struct Layer {
    pub path: PathBuf,
    pub text: String,
}

/// The world glossary shipped inside the binary: countries, capitals and cities, international
/// organisations, outlets and heads of state (`scripts/world-glossary.py` regenerates it).
pub const WORLD_YAML: &str = include_str!("../glossaries/world.yaml");
/// How messages name the built-in world glossary.
pub const WORLD_PATH: &str = "glossaries/world.yaml";

impl Layer {
    /// The built-in world glossary.
    pub fn world() -> Layer {
        Layer {
            path: PathBuf::from(WORLD_PATH),
            text: WORLD_YAML.to_string(),
        }
    }

    /// Read a glossary file; a missing one says how to give or make one.
    pub fn read(path: &Path) -> Result<Layer> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Layer {
                path: path.to_path_buf(),
                text,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::input(
                path,
                "glossary not found; name the story's glossary with --glossary FILE, or draft one \
                 with `mizan glossary suggest ARTICLES... > glossary.yaml`",
            )),
            Err(e) => Err(Error::input(path, format!("cannot read the glossary: {e}"))),
        }
    }
}

impl std::fmt::Debug for Glossary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Glossary")
            .field("path", &self.path)
            .field("entities", &self.entities.len())
            .finish()
    }
}

/// One file parsed and checked on its own.
struct ParsedLayer {
    path: PathBuf,
    raw: RawGlossary,
}

fn at_span(path: &Path, s: &Spanned<String>, msg: String) -> Error {
    Error::at(path, s.referenced.line(), s.referenced.column(), msg)
}

fn place(path: &Path, s: &Spanned<String>) -> String {
    format!(
        "{}:{}:{}",
        path.display(),
        s.referenced.line(),
        s.referenced.column()
    )
}

/// serde-saphyr's type errors name parser events; say which field wanted a list or a text.
fn glossary_yaml_error(path: &Path, text: &str, err: serde_saphyr::Error) -> Error {
    let e = yaml_error(path, err);
    let Error::At {
        path,
        line,
        column,
        message,
    } = e
    else {
        return e;
    };
    let wanted = if message.contains("expected sequence") {
        Some("a list ([a, b] or lines starting with -)")
    } else if message.contains("expected string") {
        Some("a text")
    } else if message.contains("expected mapping") {
        Some("a mapping (key: value lines)")
    } else {
        None
    };
    let Some(wanted) = wanted else {
        return Error::At {
            path,
            line,
            column,
            message,
        };
    };
    // the field is the key written before the value on that line
    let field = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .and_then(|l| {
            let before: String = l.chars().take(column.saturating_sub(1) as usize).collect();
            let before = before.trim_end().strip_suffix(':')?.to_string();
            let key = before.trim_start().trim_start_matches("- ").trim();
            (!key.is_empty()).then(|| key.to_string())
        });
    let message = match field {
        Some(f) => format!("field `{f}` expected {wanted}"),
        None => format!("expected {wanted} here"),
    };
    Error::At {
        path,
        line,
        column,
        message,
    }
}

impl ParsedLayer {
    fn parse(layer: &Layer) -> Result<ParsedLayer> {
        let path = layer.path.as_path();
        let meaningful = layer
            .text
            .lines()
            .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        let empty = || {
            Error::input(
                path,
                "the glossary is empty: it defines no entities, measures, subjects, events or \
                 framing sets (draft one with `mizan glossary suggest ARTICLES...`)",
            )
        };
        if !meaningful {
            return Err(empty());
        }
        let raw: RawGlossary =
            serde_saphyr::from_str_with_options(&layer.text, crate::error::glossary_options())
                .map_err(|e| {
                    if e.to_string().contains("budget breached") {
                        crate::error::glossary_yaml_error(path, e)
                    } else {
                        glossary_yaml_error(path, &layer.text, e)
                    }
                })?;
        if raw.entities.is_empty()
            && raw.measures.is_empty()
            && raw.subjects.is_empty()
            && raw.events.is_empty()
            && raw.framing.is_empty()
        {
            return Err(empty());
        }
        let at = |s: &Spanned<String>, msg: String| at_span(path, s, msg);
        let mut ids: HashMap<&str, ()> = HashMap::new();
        // normalised spelling → (entity, the spelling as written) for the "claimed twice" check
        let mut claimed: HashMap<Key, (usize, &str)> = HashMap::new();
        for (i, e) in raw.entities.iter().enumerate() {
            check_id(&e.id).map_err(|m| at(&e.id, m))?;
            if ids.insert(e.id.value.as_str(), ()).is_some() {
                return Err(at(&e.id, format!("duplicate entity id {:?}", e.id.value)));
            }
            if e.en.as_ref().is_none_or(|s| s.trim().is_empty()) {
                return Err(at(
                    &e.id,
                    format!("entity {:?} has no English name (en)", e.id.value),
                ));
            }
            let Some(ar) = e.ar.as_ref().filter(|s| !s.value.trim().is_empty()) else {
                return Err(at(
                    &e.id,
                    format!("entity {:?} has no Arabic name (ar)", e.id.value),
                ));
            };
            let all = std::iter::once(ar)
                .chain(&e.variants)
                .chain(&e.short)
                .chain(&e.adjectives);
            for s in all {
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
                claimed.insert(key, (i, s.value.as_str()));
            }
        }
        for (list, what) in [
            (&raw.measures, "measure"),
            (&raw.subjects, "subject"),
            (&raw.events, "event"),
            (&raw.items, "item"),
        ] {
            let mut seen: HashMap<&str, ()> = HashMap::new();
            for t in list {
                check_id(&t.id).map_err(|m| at(&t.id, m))?;
                if seen.insert(t.id.value.as_str(), ()).is_some() {
                    return Err(at(&t.id, format!("duplicate {what} id {:?}", t.id.value)));
                }
                if t.triggers.is_empty() {
                    return Err(at(
                        &t.id,
                        format!("{what} {:?} has no triggers", t.id.value),
                    ));
                }
                for tr in t.triggers.iter().chain(&t.requires) {
                    if normalize::key(tr.value.trim().trim_end_matches('*')).is_empty() {
                        return Err(at(tr, "empty trigger".to_string()));
                    }
                }
            }
        }
        framing::check(path, &raw.framing)?;
        Ok(ParsedLayer {
            path: path.to_path_buf(),
            raw,
        })
    }
}

/// Merge items with ids across layers: a later layer's item with the same id replaces the
/// earlier one (keeping its place) only when marked `override: true`.
fn merge_layers<'a, T>(
    layers: &'a [ParsedLayer],
    items: impl Fn(&'a RawGlossary) -> &'a [T],
    id: impl Fn(&T) -> &Spanned<String>,
    replaces: impl Fn(&T) -> bool,
    what: &str,
) -> Result<Vec<(usize, &'a T)>> {
    let mut out: Vec<(usize, &T)> = Vec::new();
    let mut pos: HashMap<&str, usize> = HashMap::new();
    for (li, l) in layers.iter().enumerate() {
        for it in items(&l.raw) {
            let sid = id(it);
            match pos.get(sid.value.as_str()) {
                Some(&p) => {
                    let (earlier, prev) = out[p];
                    if !replaces(it) {
                        return Err(at_span(
                            &l.path,
                            sid,
                            format!(
                                "{what} id {:?} is also defined at {}; mark this one `override: true` \
                                 to replace it, or remove one",
                                sid.value,
                                place(&layers[earlier].path, id(prev))
                            ),
                        ));
                    }
                    out[p] = (li, it);
                }
                None => {
                    pos.insert(sid.value.as_str(), out.len());
                    out.push((li, it));
                }
            }
        }
    }
    Ok(out)
}

impl Glossary {
    /// One glossary file, without the world glossary.
    pub fn load(path: &Path) -> Result<Glossary> {
        Glossary::layered(&[Layer::read(path)?])
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// One glossary text, without the world glossary.
    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        Glossary::layered(&[Layer {
            path: path.to_path_buf(),
            text: text.to_string(),
        }])
    }

    /// Is entity `e` defined by the built-in world glossary?
    pub fn is_world(&self, e: usize) -> bool {
        self.world && self.entities[e].layer == 0
    }

    /// Layered glossaries: later files extend earlier ones. Within one file a spelling claimed
    /// by two entities is an error; across files the later file's entity takes the spelling
    /// and the earlier entity loses it (listed in [`Glossary::shadowed`]). An id defined in two
    /// files is an error unless the later one says `override: true`.
    pub fn layered(layers: &[Layer]) -> Result<Glossary> {
        let Some(first) = layers.first() else {
            return Err(Error::Usage("no glossary given".to_string()));
        };
        let parsed: Vec<ParsedLayer> = layers
            .iter()
            .map(ParsedLayer::parse)
            .collect::<Result<_>>()?;
        let world = first.path == Path::new(WORLD_PATH) && first.text == WORLD_YAML;
        let raw_entities = merge_layers(
            &parsed,
            |r| &r.entities,
            |e| &e.id,
            |e| e.replaces,
            "entity",
        )?;
        let by_id: HashMap<String, usize> = raw_entities
            .iter()
            .enumerate()
            .map(|(i, (_, e))| (e.id.value.clone(), i))
            .collect();
        // who owns each normalised spelling: the latest layer wins
        let mut order: Vec<usize> = (0..raw_entities.len()).collect();
        order.sort_by_key(|&i| raw_entities[i].0);
        let mut owner: HashMap<Key, usize> = HashMap::new();
        let mut shadowed = Vec::new();
        for &i in &order {
            let (li, e) = raw_entities[i];
            let ar = e.ar.as_ref().expect("checked when the layer was parsed");
            for s in std::iter::once(ar)
                .chain(&e.variants)
                .chain(&e.short)
                .chain(&e.adjectives)
            {
                let key = normalize::key(&s.value);
                if let Some(prev) = owner.insert(key, i) {
                    if prev != i {
                        shadowed.push(Shadowed {
                            spelling: s.value.trim().to_string(),
                            lost_by: raw_entities[prev].1.id.value.clone(),
                            won_by: e.id.value.clone(),
                            at: place(&parsed[li].path, s),
                        });
                    }
                }
            }
        }
        let mut entities = Vec::with_capacity(raw_entities.len());
        for (i, &(li, e)) in raw_entities.iter().enumerate() {
            let path = parsed[li].path.as_path();
            let at = |s: &Spanned<String>, msg: String| at_span(path, s, msg);
            let ar = e.ar.as_ref().expect("checked when the layer was parsed");
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
                    if owner.get(&key) != Some(&i) {
                        continue;
                    }
                    spellings.push(Spelling {
                        text: s.value.trim().to_string(),
                        key,
                        kind,
                        adjective_form: false,
                    });
                }
            }
            let adjectives: Vec<Key> = e
                .adjectives
                .iter()
                .map(|s| normalize::key(&s.value))
                .collect();
            for s in spellings
                .iter_mut()
                .filter(|s| s.kind != FormKind::Adjective)
            {
                s.adjective_form = adjectives.iter().any(|a| {
                    s.key.as_str().strip_prefix(a.as_str()).is_some_and(|rest| {
                        // ا is the accusative ending, which never follows ال
                        rest != "ا" && lexicon::ADJECTIVE_SUFFIXES.contains(&rest)
                    })
                });
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
                en: e.en.as_deref().unwrap_or_default().trim().to_string(),
                ar: ar.value.trim().to_string(),
                role: e.role.clone(),
                spellings,
                side,
                same_as,
                layer: li,
            });
        }
        let terms = |pick: fn(&RawGlossary) -> &[RawTerm], what: &str| -> Result<Vec<Term>> {
            let merged = merge_layers(&parsed, pick, |t| &t.id, |t| t.replaces, what)?;
            Ok(merged
                .into_iter()
                .map(|(_, t)| {
                    let forms = match &t.en {
                        RawEn::Text(s) => EnForms {
                            present: s.clone(),
                            noun: t.noun.clone(),
                            ..EnForms::default()
                        },
                        RawEn::Forms(f) => EnForms {
                            noun: f.noun.clone().or_else(|| t.noun.clone()),
                            ..f.clone()
                        },
                    };
                    Term {
                        id: t.id.value.clone(),
                        en: forms.present.clone(),
                        ar: t.ar.clone(),
                        triggers: t.triggers.iter().map(trigger).collect(),
                        cumulative: t.cumulative.unwrap_or(true),
                        per_place: t.per_place,
                        requires: t.requires.iter().map(trigger).collect(),
                        denial: t.denial,
                        noun: forms.noun.clone(),
                        forms,
                    }
                })
                .collect())
        };
        let measures = terms(|r| &r.measures, "measure")?;
        let subjects = terms(|r| &r.subjects, "subject")?;
        let events = terms(|r| &r.events, "event")?;
        let items = terms(|r| &r.items, "item")?;
        let framing_sets = merge_layers(
            &parsed,
            |r| &r.framing,
            |f| &f.id,
            |f| f.replaces,
            "framing",
        )?;
        let framing = Framing::new(&framing_sets.into_iter().map(|(_, f)| f).collect::<Vec<_>>());

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
        let path = layers
            .iter()
            .rev()
            .find(|l| !(world && l.path == Path::new(WORLD_PATH)))
            .unwrap_or(first)
            .path
            .clone();
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
            .map_err(|e| Error::input(&path, format!("cannot compile the glossary: {e}")))?;
        Ok(Glossary {
            path,
            layers: layers.iter().map(|l| l.path.clone()).collect(),
            world,
            measure_index: TriggerIndex::new(&measures),
            subject_index: TriggerIndex::new(&subjects),
            event_index: TriggerIndex::new(&events),
            item_index: TriggerIndex::new(&items),
            framing,
            items,
            entities,
            measures,
            subjects,
            events,
            matcher,
            patterns,
            shadowed,
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

/// A trigger word as written in the glossary → normalised words; `*` at the end = any ending.
fn trigger(tr: &Spanned<String>) -> Trigger {
    let raw = tr.value.trim();
    Trigger {
        words: normalize::key(raw.trim_end_matches('*'))
            .as_str()
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
        prefix: raw.ends_with('*'),
        text: raw.to_string(),
    }
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
