//! Analysed articles → alignments: pairs of sentences from different articles that report the
//! same thing.
//!
//! In: per sentence, its content terms (Snowball-stemmed words, glossary entities instead of the
//! words that spell them, quantities). Out: [`Alignment`]s with a score in 0..1.
//!
//! Cost stays about linear in the number of sentences: candidate pairs come from an inverted
//! index of *rare* terms (those in at most [`MAX_POSTINGS`] sentences), a pair needs two shared
//! rare terms before it is scored, and each sentence keeps only its best partner in each other
//! article.

use crate::corpus::Article;
use crate::extract::{Facts, NumberKind};
use crate::link::Mention;
use crate::normalize::{words, Normalized};
use crate::Analyzed;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Score above which two sentences are aligned (weighted Dice over IDF-weighted terms).
/// Calibrated on the seed pairs and on SaudiNewsNet; see the README.
pub const THRESHOLD: f64 = 0.42;
/// A term found in more sentences than this is too common to propose candidates.
pub const MAX_POSTINGS: usize = 200;
/// Sentences with fewer content terms than this are not aligned (labels, captions).
pub const MIN_TERMS: usize = 4;

/// Words too common to say what a sentence is about (normalised).
const STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "او",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "كان",
    "كانت",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "مع",
    "بين",
    "بعد",
    "قبل",
    "حتي",
    "منذ",
    "كما",
    "كل",
    "هو",
    "هي",
    "هم",
    "انه",
    "انها",
    "الا",
    "اي",
    "ثم",
    "حيث",
    "عند",
    "غير",
    "لكن",
    "ولكن",
    "اذا",
    "اذ",
    "فيما",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "عليه",
    "عليها",
    "له",
    "لها",
    "به",
    "بها",
    "وقد",
    "وفي",
    "ومن",
    "الي",
    "امام",
    "خلال",
    "دون",
    "ضد",
    "لدي",
    "نحو",
    "اكثر",
    "ايضا",
    "وهو",
    "وهي",
    "يكون",
    "تكون",
];

/// The Arabic Snowball stemmer (rust-stemmers), shared by all threads.
pub struct Stemmer(rust_stemmers::Stemmer);

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer::new()
    }
}

impl Stemmer {
    pub fn new() -> Stemmer {
        Stemmer(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::Arabic,
        ))
    }
    /// Stem a normalised word after taking off its clitics (و، ب، ال…).
    pub fn stem_word<'a>(&self, w: &'a str) -> std::borrow::Cow<'a, str> {
        self.0.stem(crate::lexicon::strip_clitics(w, 4))
    }
}

#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Sorted, unique term hashes.
    pub terms: Vec<u64>,
    /// Glossary people named in the sentence (sorted, unique).
    pub people: Vec<usize>,
}

fn h<T: Hash + ?Sized>(tag: u8, t: &T) -> u64 {
    let mut s = std::collections::hash_map::DefaultHasher::new();
    tag.hash(&mut s);
    t.hash(&mut s);
    s.finish()
}

/// Is the normalised word a stop word?
pub fn is_stop(w: &str) -> bool {
    w.chars().count() <= 2 || STOP.contains(&w)
}

/// The content terms of every sentence of one article.
pub fn features(
    stemmer: &Stemmer,
    people: &[usize],
    article: &Article,
    norm: &Normalized,
    mentions: &[Mention],
    facts: &Facts,
) -> Vec<SentenceFeatures> {
    let key = norm.key();
    let mut out: Vec<SentenceFeatures> = vec![SentenceFeatures::default(); article.sentences.len()];
    let mut mi = 0;
    for w in words(key) {
        let start = norm.orig_start(w.start);
        let Some(si) = crate::link::sentence_at(&article.sentences, start) else {
            continue;
        };
        while mi < mentions.len() && mentions[mi].kend <= w.start {
            mi += 1;
        }
        if mi < mentions.len() && mentions[mi].kstart <= w.start {
            let m = &mentions[mi];
            if people.binary_search(&m.entity).is_ok() {
                out[si].people.push(m.entity);
            }
            if !m.adjective {
                out[si].terms.push(h(1, &m.entity));
            } else {
                out[si].terms.push(h(3, &m.entity));
            }
            continue;
        }
        let word = &key[w.start..w.end];
        if is_stop(word) || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        out[si].terms.push(h(0, stemmer.stem_word(word).as_ref()));
    }
    for n in &facts.numbers {
        if let (Some(si), NumberKind::Quantity | NumberKind::Percent | NumberKind::Date, Some(v)) =
            (n.sentence, n.kind, n.value)
        {
            out[si].terms.push(h(2, &(v as i64)));
        }
    }
    for f in &mut out {
        f.terms.sort_unstable();
        f.terms.dedup();
        f.people.sort_unstable();
        f.people.dedup();
    }
    for (f, s) in out.iter_mut().zip(&article.sentences) {
        if !s.kind.is_content() {
            f.terms.clear();
        }
    }
    out
}

/// (article index, sentence index), compact.
type SentenceRef = (u32, u32);

/// Two sentences that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// (article index, sentence index), the earlier article first.
    pub a: (usize, usize),
    pub b: (usize, usize),
    pub score: f64,
}

/// Weighted Dice coefficient of two sorted term lists.
fn dice(a: &[u64], b: &[u64], idf: &HashMap<u64, f64>) -> f64 {
    let w = |t: &u64| idf.get(t).copied().unwrap_or(1.0);
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += w(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    let total: f64 = a.iter().map(w).sum::<f64>() + b.iter().map(w).sum::<f64>();
    if total == 0.0 {
        0.0
    } else {
        2.0 * shared / total
    }
}

/// Align sentences across articles.
pub fn align(articles: &[Analyzed]) -> Vec<Alignment> {
    // document frequency over sentences
    let mut df: HashMap<u64, u32> = HashMap::new();
    let mut nsent = 0usize;
    for a in articles {
        for f in &a.features {
            if f.terms.len() >= MIN_TERMS {
                nsent += 1;
                for t in &f.terms {
                    *df.entry(*t).or_insert(0) += 1;
                }
            }
        }
    }
    let idf: HashMap<u64, f64> = df
        .iter()
        .map(|(t, d)| (*t, ((nsent as f64 + 1.0) / (*d as f64)).ln().max(0.1)))
        .collect();
    // postings of rare terms
    let mut postings: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for (si, f) in a.features.iter().enumerate() {
            if f.terms.len() < MIN_TERMS {
                continue;
            }
            for t in &f.terms {
                if df[t] as usize <= MAX_POSTINGS && df[t] >= 2 {
                    postings.entry(*t).or_default().push((ai as u32, si as u32));
                }
            }
        }
    }
    // count shared rare terms per candidate pair
    let mut shared: HashMap<(SentenceRef, SentenceRef), u32> = HashMap::new();
    let mut keys: Vec<&u64> = postings.keys().collect();
    keys.sort_unstable();
    for t in keys {
        let list = &postings[t];
        for x in 0..list.len() {
            for y in (x + 1)..list.len() {
                if list[x].0 != list[y].0 {
                    let (p, q) = if list[x] < list[y] {
                        (list[x], list[y])
                    } else {
                        (list[y], list[x])
                    };
                    *shared.entry((p, q)).or_insert(0) += 1;
                }
            }
        }
    }
    let mut scored: Vec<Alignment> = shared
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .filter_map(|((p, q), _)| {
            let fa = &articles[p.0 as usize].features[p.1 as usize];
            let fb = &articles[q.0 as usize].features[q.1 as usize];
            // two sentences that name people, but none in common, report different statements
            if !fa.people.is_empty()
                && !fb.people.is_empty()
                && !fa.people.iter().any(|x| fb.people.contains(x))
            {
                return None;
            }
            let s = dice(&fa.terms, &fb.terms, &idf);
            (s >= THRESHOLD).then_some(Alignment {
                a: (p.0 as usize, p.1 as usize),
                b: (q.0 as usize, q.1 as usize),
                score: (s * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    // keep, for each sentence, only its best partner in each other article (mutual best)
    scored.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut best: HashMap<((usize, usize), usize), ()> = HashMap::new();
    let mut out = Vec::new();
    for al in scored {
        let ka = (al.a, al.b.0);
        let kb = (al.b, al.a.0);
        if best.contains_key(&ka) || best.contains_key(&kb) {
            continue;
        }
        best.insert(ka, ());
        best.insert(kb, ());
        out.push(al);
    }
    out.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_is_one_for_identical_and_zero_for_disjoint() {
        let idf = HashMap::new();
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3], &idf), 1.0);
        assert_eq!(dice(&[1, 2], &[3, 4], &idf), 0.0);
        assert!((dice(&[1, 2, 3, 4], &[1, 2, 5, 6], &idf) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn stemmer_folds_inflections() {
        let s = Stemmer::new();
        assert_eq!(s.stem_word("والمفاوضات"), s.stem_word("مفاوضات"));
        assert_eq!(s.stem_word("الاشتباكات"), s.stem_word("اشتباكات"));
    }
}
