//! Mentions → name-consistency findings, unknown near-spellings and candidate new names.
//!
//! In: per article, its mentions and (during the per-article pass, [`scan`]) its normalised key.
//! Out: [`NameReport`]: for every entity the forms each article used and the findings
//! (`within_source`, `cross_source`, `not_preferred`, `unknown_variant`, `confusable`), plus
//! [`Suggestion`]s of names to add to the glossary.
//!
//! Unknown variants are words close to a glossary spelling: the same consonant skeleton (vowel
//! letters dropped, ج غ ك ق / ت ط / س ص ث / ز ذ ظ / د ض folded) within two edits, or one edit
//! away from a spelling word of six letters or more. Lookups go through hash indexes of
//! skeletons and single-letter deletions built once per glossary, so a word costs a few hash
//! probes, not a scan of the glossary.

use crate::corpus::Article;
use crate::glossary::{FormKind, Glossary};
use crate::lexicon;
use crate::link::{sentence_at, Mention};
use crate::normalize::{self, words, Normalized};
use crate::Analyzed;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Confusable,
    WithinSource,
    UnknownVariant,
    CrossSource,
    NotPreferred,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Confusable => "confusable",
            FindingKind::WithinSource => "within_source",
            FindingKind::UnknownVariant => "unknown_variant",
            FindingKind::CrossSource => "cross_source",
            FindingKind::NotPreferred => "not_preferred",
        }
    }
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Confusable => Severity::Error,
            FindingKind::WithinSource | FindingKind::UnknownVariant => Severity::Warning,
            FindingKind::CrossSource | FindingKind::NotPreferred => Severity::Info,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub article: Option<usize>,
    /// The sentence (index in the article) for findings about one place in the text.
    pub sentence: Option<usize>,
    pub message: String,
    /// The forms the finding is about, as written.
    pub forms: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct EntityNames {
    pub entity: usize,
    /// article index → distinct forms used there, in order of first use.
    pub forms: BTreeMap<usize, Vec<String>>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone)]
pub struct Suggestion {
    pub surface: String,
    pub articles: Vec<usize>,
    /// (article, sentence) where it was seen.
    pub sentences: Vec<(usize, usize)>,
    pub near_entity: Option<usize>,
    pub reason: String,
}

pub struct NameReport {
    pub entities: Vec<EntityNames>,
    pub suggestions: Vec<Suggestion>,
}

/// Something [`scan`] found in one article.
#[derive(Debug, Clone)]
pub enum Candidate {
    /// A word sequence close to a spelling of `entity`.
    Variant {
        entity: usize,
        spelling: usize,
        surface: String,
        sentence: Option<usize>,
    },
    /// A name-like word sequence not in the glossary.
    NewName {
        surface: String,
        reason: &'static str,
        sentence: Option<usize>,
    },
}

fn skeleton_class(c: char) -> Option<char> {
    match c {
        'ا' | 'و' | 'ي' | 'ء' => None,
        'ج' | 'غ' | 'ك' | 'ق' => Some('ك'),
        'ت' | 'ط' => Some('ت'),
        'س' | 'ص' | 'ث' => Some('س'),
        'ز' | 'ذ' | 'ظ' => Some('ز'),
        'د' | 'ض' => Some('د'),
        c => Some(c),
    }
}

#[inline]
fn mix(h: u64, c: u32) -> u64 {
    (h ^ c as u64).wrapping_mul(0x100000001b3)
}

const SEED: u64 = 0xcbf29ce484222325;

fn skeleton_hash(w: &str) -> (u64, usize) {
    let mut h = SEED;
    let mut n = 0;
    for c in w.chars().filter_map(skeleton_class) {
        h = mix(h, c as u32);
        n += 1;
    }
    (h, n)
}

fn hash_skip(chars: &[char], skip: usize) -> u64 {
    let mut h = SEED;
    for (i, c) in chars.iter().enumerate() {
        if i != skip {
            h = mix(h, *c as u32);
        }
    }
    h
}

/// Levenshtein distance, bounded: returns `max + 1` once it is certainly above `max`.
pub fn edit_distance(a: &[char], b: &[char], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// One word of one glossary spelling.
struct SpellingWord {
    entity: usize,
    spelling: usize,
    index: usize,
    words: usize,
    chars: Vec<char>,
}

/// Indexes over the words of every glossary spelling, built once per run.
pub struct FuzzyIndex {
    words: Vec<SpellingWord>,
    by_skeleton: crate::fasthash::IdMap<Vec<u32>>,
    by_deletion: crate::fasthash::IdMap<Vec<u32>>,
    exact: HashMap<String, Vec<u32>>,
}

/// Spelling words shorter than this are not used for fuzzy matching.
const MIN_LEN: usize = 5;
/// One edit away is enough only for words at least this long.
const MIN_LEN_ONE_EDIT: usize = 6;

impl FuzzyIndex {
    pub fn new(g: &Glossary) -> FuzzyIndex {
        let mut idx = FuzzyIndex {
            words: vec![],
            by_skeleton: Default::default(),
            by_deletion: Default::default(),
            exact: HashMap::new(),
        };
        for (ei, e) in g.entities.iter().enumerate() {
            // near-spellings are looked for around the story's names: the world glossary's
            // thousands of names would find a near-spelling in every ordinary word
            if g.is_world(ei) {
                continue;
            }
            // organisation names are made of common nouns (منظمة، مجلس); people and places are
            // transliterations, where near-spellings matter
            // countries are well known and their other forms are adjectives
            if matches!(
                e.kind,
                crate::glossary::EntityKind::Organisation | crate::glossary::EntityKind::Country
            ) {
                continue;
            }
            for (si, s) in e.spellings.iter().enumerate() {
                if s.kind == FormKind::Adjective {
                    continue;
                }
                let parts: Vec<&str> = s.key.as_str().split(' ').collect();
                for (k, p) in parts.iter().enumerate() {
                    let id = idx.words.len() as u32;
                    let chars: Vec<char> = p.chars().collect();
                    idx.exact.entry(p.to_string()).or_default().push(id);
                    // words with the article (الأمن، المتحدة) are common nouns inside names
                    if chars.len() >= MIN_LEN && !p.starts_with("ال") {
                        let (sk, n) = skeleton_hash(p);
                        if n >= 3 {
                            idx.by_skeleton.entry(sk).or_default().push(id);
                        }
                        if chars.len() >= MIN_LEN_ONE_EDIT {
                            idx.by_deletion
                                .entry(hash_skip(&chars, usize::MAX))
                                .or_default()
                                .push(id);
                            for i in 0..chars.len() {
                                idx.by_deletion
                                    .entry(hash_skip(&chars, i))
                                    .or_default()
                                    .push(id);
                            }
                        }
                    }
                    idx.words.push(SpellingWord {
                        entity: ei,
                        spelling: si,
                        index: k,
                        words: parts.len(),
                        chars,
                    });
                }
            }
        }
        idx
    }

    /// Spelling words close to `w` (but not equal to it).
    fn near(&self, w: &str) -> Vec<u32> {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() < MIN_LEN - 1 {
            return vec![];
        }
        let mut out: Vec<u32> = Vec::new();
        let (sk, n) = skeleton_hash(w);
        if n >= 3 {
            if let Some(ids) = self.by_skeleton.get(&sk) {
                for &id in ids {
                    let sw = &self.words[id as usize];
                    let d = edit_distance(&chars, &sw.chars, 2);
                    if d == 1 || (d == 2 && sw.chars.len() >= MIN_LEN_ONE_EDIT) {
                        out.push(id);
                    }
                }
            }
        }
        let mut probe = |h: u64| {
            if let Some(ids) = self.by_deletion.get(&h) {
                for &id in ids {
                    let sw = &self.words[id as usize];
                    if edit_distance(&chars, &sw.chars, 1) == 1 {
                        out.push(id);
                    }
                }
            }
        };
        if chars.len() + 1 >= MIN_LEN_ONE_EDIT {
            probe(hash_skip(&chars, usize::MAX));
            for i in 0..chars.len() {
                probe(hash_skip(&chars, i));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn is_calendar_or_number(w: &str) -> bool {
    lexicon::month(w, None).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::number_word(w).is_some()
}

/// The consonant skeleton of a word: vowel letters dropped, look-alike consonants folded.
pub fn skeleton(w: &str) -> String {
    w.chars().filter_map(skeleton_class).collect()
}

/// Words that look like transliterated foreign names (general Arabic transliteration endings).
pub fn foreign_shape(w: &str) -> bool {
    let n = w.chars().count();
    n >= 6
        && [
            "وف",
            "يان",
            "سكي",
            "فيتش",
            "ينكو",
            "شفيلي",
            "يفا",
            "وفا",
            "ستين",
            "بيرغ",
            "بيرج",
        ]
        .iter()
        .any(|e| w.ends_with(e))
        && !w.starts_with("ال")
}

/// The key-space spans of an article's mentions, merged and sorted, so asking whether a word
/// overlaps a mention is a binary search rather than a pass over every mention (which made
/// the scan quadratic in article size).
struct MentionSpans(Vec<(usize, usize)>);

impl MentionSpans {
    fn new(mentions: &[Mention]) -> MentionSpans {
        let mut v: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| m.kstart < m.kend)
            .map(|m| (m.kstart, m.kend))
            .collect();
        v.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(v.len());
        for (s, e) in v {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        MentionSpans(merged)
    }

    /// Does `[s, e)` overlap any mention?
    fn overlaps(&self, s: usize, e: usize) -> bool {
        // the first span that ends after s is the only candidate
        let i = self.0.partition_point(|&(_, end)| end <= s);
        self.0.get(i).is_some_and(|&(start, _)| start < e)
    }
}

/// The per-article pass: unknown near-spellings of glossary names and candidate new names.
pub fn scan(
    idx: &FuzzyIndex,
    g: &Glossary,
    article: &Article,
    norm: &Normalized,
    mentions: &[Mention],
) -> Vec<Candidate> {
    let key = norm.key();
    let ws = words(key);
    let spans = MentionSpans::new(mentions);
    let covered = |s: usize, e: usize| spans.overlaps(s, e);
    let mut out = Vec::new();
    // Near-spellings and new names matter in text about the story: an article that names at
    // least two of the glossary's people or places (countries and organisations are too
    // common to tell). Elsewhere an ordinary word that looks like a name is only noise.
    let on_topic = {
        let distinct: BTreeSet<usize> = mentions
            .iter()
            .filter(|m| {
                !g.is_world(m.entity)
                    && matches!(
                        g.entities[m.entity].kind,
                        crate::glossary::EntityKind::Person | crate::glossary::EntityKind::Place
                    )
            })
            .map(|m| m.entity)
            .collect();
        distinct.len() >= 2
    };
    if !on_topic {
        return out;
    }
    let content = |pos: usize| {
        sentence_at(&article.sentences, norm.orig_start(pos))
            .is_some_and(|s| article.sentences[s].kind.is_content())
    };
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        let raw = &key[w.start..w.end];
        if covered(w.start, w.end) || !content(w.start) {
            i += 1;
            continue;
        }
        // strip clitics, trying the bare word first
        let forms: Vec<&str> = std::iter::once(raw)
            .chain(
                lexicon::CLITICS
                    .iter()
                    .filter_map(|c| raw.strip_prefix(c))
                    .filter(|r| lexicon::at_least_chars(r, MIN_LEN - 1)),
            )
            .collect();
        let mut hit: Option<(u32, &str)> = None;
        // a clitic before a word of a glossary name (بمعاهدة) is no new spelling
        let is_known_word = forms.iter().any(|f| idx.exact.contains_key(*f));
        for f in forms.iter().filter(|_| !is_known_word) {
            // words with the article, and calendar or number words, are not names
            if f.starts_with("ال") || is_calendar_or_number(f) {
                continue;
            }
            if let Some(id) = idx.near(f).into_iter().next() {
                // a word that is itself a glossary spelling word of another entity is no variant
                if !idx.exact.contains_key(*f) {
                    hit = Some((id, f));
                    break;
                }
            }
        }
        if let Some((id, form)) = hit {
            let sw = &idx.words[id as usize];
            // extend over neighbouring words that belong to the same spelling
            let mut first = i;
            let mut last = i;
            let spelling_words: Vec<&str> = g.entities[sw.entity].spellings[sw.spelling]
                .key
                .as_str()
                .split(' ')
                .collect();
            let close = |a: &str, b: &str| {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                edit_distance(&ca, &cb, 2) <= 2
            };
            let mut k = sw.index;
            while k > 0 && first > 0 && !covered(ws[first - 1].start, ws[first - 1].end) {
                let prev = lexicon::strip_clitics(&key[ws[first - 1].start..ws[first - 1].end], 3);
                if key[ws[first - 1].end..ws[first].start].trim().is_empty()
                    && close(prev, spelling_words[k - 1])
                {
                    first -= 1;
                    k -= 1;
                } else {
                    break;
                }
            }
            let mut k = sw.index;
            while k + 1 < sw.words
                && last + 1 < ws.len()
                && !covered(ws[last + 1].start, ws[last + 1].end)
            {
                let next = &key[ws[last + 1].start..ws[last + 1].end];
                if key[ws[last].end..ws[last + 1].start].trim().is_empty()
                    && close(next, spelling_words[k + 1])
                {
                    last += 1;
                    k += 1;
                } else {
                    break;
                }
            }
            // a lone word of a longer name must be its last (a surname); a first name alone
            // says nothing
            if first == last && sw.words > 1 && sw.index + 1 != sw.words {
                i += 1;
                continue;
            }
            let prefix_len = raw.len() - form.len();
            let (s, e) = if first == i {
                norm.orig_span(w.start + prefix_len, ws[last].end)
            } else {
                norm.orig_span(ws[first].start, ws[last].end)
            };
            out.push(Candidate::Variant {
                entity: sw.entity,
                spelling: sw.spelling,
                surface: normalize::display_form(&article.text[s..e]),
                sentence: sentence_at(&article.sentences, s),
            });
            i = last + 1;
            continue;
        }
        // candidate new names: after a title (and its filler words), in a sentence about the story
        if on_topic && lexicon::is_title(raw) {
            let sent = sentence_at(&article.sentences, norm.orig_start(w.start));
            // mentions are in text order: the sentence's are found by two binary searches
            let lo = mentions.partition_point(|m| m.sentence < sent);
            let hi = mentions.partition_point(|m| m.sentence <= sent);
            let sentence_mentions_story = mentions[lo..hi.max(lo)].iter().any(|m| {
                m.sentence == sent
                    && !g.is_world(m.entity)
                    && g.entities[m.entity].kind != crate::glossary::EntityKind::Country
                    && !m.adjective
            });
            let mut j = i + 1;
            let mut steps = 0;
            while j < ws.len()
                && steps < 4
                && lexicon::is_title_filler(&key[ws[j].start..ws[j].end])
                && !covered(ws[j].start, ws[j].end)
            {
                j += 1;
                steps += 1;
            }
            let mut run = Vec::new();
            while j < ws.len() && run.len() < 3 {
                let t = &key[ws[j].start..ws[j].end];
                let gap = &key[ws[j - 1].end..ws[j].start];
                // a name's later words may carry the article (عادل الجبير), its first may not
                if covered(ws[j].start, ws[j].end)
                    || !gap.trim().is_empty()
                    || (t.starts_with("ال") && run.is_empty())
                    || lexicon::clitic_forms(t).any(|r| r.starts_with("ال"))
                    || (crate::align::is_stop(t)
                        && (run.is_empty() || !lexicon::is_name_connector(t)))
                    || t.bytes().any(|b| b.is_ascii_digit())
                    || lexicon::is_speech_word(t)
                    || lexicon::is_title(t)
                {
                    break;
                }
                run.push(j);
                j += 1;
            }
            if sentence_mentions_story && !run.is_empty() {
                let (s, e) =
                    norm.orig_span(ws[run[0]].start, ws[*run.last().unwrap_or(&run[0])].end);
                out.push(Candidate::NewName {
                    surface: normalize::display_form(&article.text[s..e]),
                    reason: "after a title",
                    sentence: sent,
                });
            }
            i = j.max(i + 1);
            continue;
        }
        if on_topic && foreign_shape(lexicon::strip_clitics(raw, 4)) {
            let p = raw.len() - lexicon::strip_clitics(raw, 4).len();
            let (s, e) = norm.orig_span(w.start + p, w.end);
            out.push(Candidate::NewName {
                surface: normalize::display_form(&article.text[s..e]),
                reason: "foreign name shape",
                sentence: sentence_at(&article.sentences, s),
            });
        }
        i += 1;
    }
    out
}

/// What kind of invisible or look-alike trouble a surface has.
fn confusable_reason(surface: &str) -> Option<&'static str> {
    if surface.chars().any(normalize::is_invisible) {
        Some("contains an invisible (zero-width or bidi) character")
    } else if surface.chars().any(normalize::is_persian_lookalike) {
        Some("uses a Persian look-alike letter (ی or ک)")
    } else if surface
        .trim_end_matches(normalize::is_diacritic)
        .chars()
        .any(normalize::is_diacritic)
    {
        Some("differs only in diacritics or tatweel")
    } else {
        None
    }
}

/// The cross-article report.
pub fn report(g: &Glossary, arts: &[Analyzed]) -> NameReport {
    let mut per: BTreeMap<usize, EntityNames> = BTreeMap::new();
    let id = |ai: usize| arts[ai].article.id.as_str();
    for (ai, a) in arts.iter().enumerate() {
        for m in &a.mentions {
            if m.adjective {
                continue;
            }
            let raw = &a.article.text[m.start..m.end];
            let mut form = normalize::display_form(raw);
            // after the preposition ل a name's ال loses its alef (للزبداني): the name is still
            // written with ال, which is not a second spelling
            let spelling = &g.entities[m.entity].spellings[m.spelling];
            if spelling.key.as_str().starts_with("ال")
                && form.starts_with('ل')
                && !normalize::key(&form).as_str().starts_with("ال")
            {
                form.insert(0, 'ا');
            }
            let en = per.entry(m.entity).or_insert_with(|| EntityNames {
                entity: m.entity,
                forms: BTreeMap::new(),
                findings: vec![],
            });
            let list = en.forms.entry(ai).or_default();
            if !list.contains(&form) {
                list.push(form.clone());
            }
            if let Some(why) = confusable_reason(raw) {
                if !en.findings.iter().any(|f| {
                    f.kind == FindingKind::Confusable && f.article == Some(ai) && f.forms[0] == raw
                }) {
                    en.findings.push(Finding {
                        kind: FindingKind::Confusable,
                        article: Some(ai),
                        sentence: m.sentence,
                        message: format!("{}: «{}» {why}", id(ai), form),
                        forms: vec![raw.to_string()],
                    });
                }
            }
        }
    }
    for (&ei, en) in per.iter_mut() {
        let e = &g.entities[ei];
        let preferred = normalize::display_form(&e.ar);
        let kind_of = |form: &str| -> FormKind {
            let k = normalize::key(form);
            e.spellings
                .iter()
                .find(|s| s.key == k)
                .map(|s| s.kind)
                .unwrap_or(FormKind::Variant)
        };
        let full = |form: &&String| kind_of(form) != FormKind::Short;
        // within one article
        for (&ai, forms) in &en.forms {
            let fulls: Vec<&String> = forms.iter().filter(full).collect();
            let mut by_key: BTreeMap<String, Vec<&String>> = BTreeMap::new();
            for f in forms {
                by_key
                    .entry(normalize::key(f).as_str().to_string())
                    .or_default()
                    .push(f);
            }
            let same_key_differs = by_key.values().find(|v| v.len() > 1);
            let differing: Option<Vec<String>> = if fulls.len() > 1 {
                Some(fulls.iter().map(|s| s.to_string()).collect())
            } else {
                same_key_differs.map(|v| v.iter().map(|s| s.to_string()).collect())
            };
            if let Some(d) = differing {
                en.findings.push(Finding {
                    kind: FindingKind::WithinSource,
                    article: Some(ai),
                    sentence: None,
                    message: format!(
                        "{} spells {} {} ways: {}",
                        id(ai),
                        e.en,
                        d.len(),
                        quote_list(&d)
                    ),
                    forms: d,
                });
            }
            // the world glossary's spelling is no house style: only a story glossary prefers
            let prefers = !g.is_world(en.entity);
            for f in fulls.into_iter().filter(|_| prefers) {
                if *f != preferred && kind_of(f) != FormKind::Preferred {
                    en.findings.push(Finding {
                        kind: FindingKind::NotPreferred,
                        article: Some(ai),
                        sentence: None,
                        message: format!(
                            "{} uses «{}»; the glossary prefers «{}»",
                            id(ai),
                            f,
                            preferred
                        ),
                        forms: vec![f.clone()],
                    });
                }
            }
        }
        // across articles: the full forms each article used
        let mut who: BTreeMap<&String, Vec<usize>> = BTreeMap::new();
        for (&ai, forms) in &en.forms {
            for f in forms.iter().filter(full) {
                who.entry(f).or_default().push(ai);
            }
        }
        if who.len() > 1 && en.forms.len() > 1 && !g.is_world(en.entity) {
            let parts: Vec<String> = who
                .iter()
                .map(|(f, arts_)| {
                    format!(
                        "«{}» in {}",
                        f,
                        arts_.iter().map(|&a| id(a)).collect::<Vec<_>>().join(", ")
                    )
                })
                .collect();
            en.findings.push(Finding {
                kind: FindingKind::CrossSource,
                article: None,
                sentence: None,
                message: format!("sources spell {} differently: {}", e.en, parts.join("; ")),
                forms: who.keys().map(|s| s.to_string()).collect(),
            });
        }
    }
    // unknown variants (one finding per article and spelling) and suggestions (every sentence)
    type Seen = (BTreeSet<usize>, Vec<(usize, usize)>);
    let mut near: BTreeMap<(String, usize), Seen> = BTreeMap::new();
    let mut fresh: BTreeMap<String, (Seen, &'static str)> = BTreeMap::new();
    for (ai, a) in arts.iter().enumerate() {
        for c in &a.candidates {
            match c {
                Candidate::Variant {
                    entity,
                    spelling,
                    surface,
                    sentence,
                } => {
                    let seen = near.entry((surface.clone(), *entity)).or_default();
                    seen.0.insert(ai);
                    seen.1.extend(sentence.map(|s| (ai, s)));
                    let en = per.entry(*entity).or_insert_with(|| EntityNames {
                        entity: *entity,
                        forms: BTreeMap::new(),
                        findings: vec![],
                    });
                    if en.findings.iter().any(|f| {
                        f.kind == FindingKind::UnknownVariant
                            && f.article == Some(ai)
                            && f.forms[0] == *surface
                    }) {
                        continue;
                    }
                    let close_to = &g.entities[*entity].spellings[*spelling].text;
                    en.findings.push(Finding {
                        kind: FindingKind::UnknownVariant,
                        article: Some(ai),
                        sentence: *sentence,
                        message: format!(
                            "{}: «{}» is not in the glossary but is close to «{}» ({})",
                            id(ai),
                            surface,
                            close_to,
                            g.entities[*entity].en
                        ),
                        forms: vec![surface.clone()],
                    });
                    en.forms.entry(ai).or_default();
                }
                Candidate::NewName {
                    surface,
                    reason,
                    sentence,
                } => {
                    let e = fresh
                        .entry(surface.clone())
                        .or_insert(((BTreeSet::new(), vec![]), reason));
                    e.0 .0.insert(ai);
                    e.0 .1.extend(sentence.map(|s| (ai, s)));
                }
            }
        }
    }
    let mut suggestions: Vec<Suggestion> = near
        .into_iter()
        .map(|((surface, ei), (articles, sentences))| Suggestion {
            reason: format!(
                "close to «{}»; add it to the variants of {} if it is the same name",
                g.entities[ei].ar, g.entities[ei].id
            ),
            surface,
            articles: articles.into_iter().collect(),
            sentences,
            near_entity: Some(ei),
        })
        .collect();
    for (surface, ((articles, sentences), reason)) in fresh {
        suggestions.push(Suggestion {
            surface,
            articles: articles.into_iter().collect(),
            sentences,
            near_entity: None,
            reason: reason.to_string(),
        });
    }
    suggestions.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.surface.cmp(&b.surface))
    });
    let mut entities: Vec<EntityNames> = per.into_values().collect();
    for en in &mut entities {
        en.findings.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(a.article.cmp(&b.article))
                .then(a.message.cmp(&b.message))
        });
    }
    entities.sort_by_key(|en| g.entities[en.entity].id.clone());
    NameReport {
        entities,
        suggestions,
    }
}

fn quote_list(forms: &[String]) -> String {
    forms
        .iter()
        .map(|f| format!("«{f}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_edit_distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("ناتساكانيان"), &c("مناتساكانيان"), 2), 1);
        assert_eq!(edit_distance(&c("بيرموف"), &c("بيراموف"), 2), 1);
        assert_eq!(edit_distance(&c("abc"), &c("xyz"), 1), 2);
    }

    #[test]
    fn skeletons_fold_transliteration_letters() {
        assert_eq!(skeleton_hash("كنجه").0, skeleton_hash("غنجه").0);
        assert_eq!(skeleton_hash("ستولتنبرج").0, skeleton_hash("ستولتنبرغ").0);
        assert_ne!(skeleton_hash("باكو").0, skeleton_hash("موسكو").0);
    }

    #[test]
    fn confusables() {
        assert!(confusable_reason("لاف\u{200c}روف")
            .unwrap()
            .contains("invisible"));
        assert!(confusable_reason("کاراباخ").unwrap().contains("Persian"));
        assert!(confusable_reason("لافرُوف").unwrap().contains("diacritics"));
        // a case ending after the last letter is ordinary spelling
        assert!(confusable_reason("لافروفُ").is_none());
        assert!(confusable_reason("لافروف").is_none());
    }

    #[test]
    fn mention_spans_answer_like_a_scan_over_every_mention() {
        let m = |kstart, kend| Mention {
            sentence: None,
            start: kstart,
            end: kend,
            kstart,
            kend,
            entity: 0,
            spelling: 0,
            adjective: false,
        };
        let mentions = vec![m(10, 15), m(3, 6), m(12, 20), m(30, 31)];
        let spans = MentionSpans::new(&mentions);
        for s in 0..35 {
            for e in s + 1..36 {
                let scan = mentions.iter().any(|x| x.kstart < e && s < x.kend);
                assert_eq!(spans.overlaps(s, e), scan, "[{s}, {e})");
            }
        }
    }
}
