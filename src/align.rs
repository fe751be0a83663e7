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
use crate::normalize::Normalized;
use crate::Analyzed;
use std::hash::{Hash, Hasher};

/// Score above which two sentences are aligned (weighted Dice over IDF-weighted terms).
/// Calibrated on the seed pairs and on SaudiNewsNet; see the README.
pub const THRESHOLD: f64 = 0.40;
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

/// Per thread: word hash → stem hash, in two levels. A probe of the big map misses the
/// processor cache twice (its control bytes, then its entry); the small direct-mapped table in
/// front of it (one cache line a probe) answers about six probes in seven, as news vocabulary
/// repeats.
#[derive(Default)]
struct StemCache {
    /// (word hash, stem hash) at the slot the word hash picks; a word hash of 0 marks an
    /// empty slot (and is never stored).
    near: Vec<(u64, u64)>,
    all: crate::fasthash::IdMap<u64>,
}

/// Slots of [`StemCache::near`]: 1 MiB.
const NEAR_BITS: u32 = 16;

impl StemCache {
    fn slot(key: u64) -> usize {
        (key >> (64 - NEAR_BITS)) as usize
    }

    fn near(&self, key: u64) -> Option<u64> {
        let &(k, v) = self.near.get(Self::slot(key))?;
        (k == key && key != 0).then_some(v)
    }

    fn far(&mut self, key: u64, stem: impl FnOnce() -> u64) -> u64 {
        let v = match self.all.get(&key) {
            Some(&v) => v,
            None => {
                let v = stem();
                if self.all.len() > 1 << 20 {
                    self.all.clear();
                }
                self.all.insert(key, v);
                v
            }
        };
        if self.near.is_empty() {
            self.near = vec![(0, 0); 1 << NEAR_BITS];
        }
        self.near[Self::slot(key)] = (key, v);
        v
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<StemCache> = std::cell::RefCell::new(Default::default());
}

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
    /// The hashes of the stems of normalised words (one article's), in order, cached per
    /// thread (stemming is the costly part of the features and news vocabulary repeats). The
    /// cache is keyed by a strong 64-bit hash of the word, not the word: no allocation per
    /// word, 16 bytes an entry (the stem's hash is itself the 64-bit term id alignment
    /// compares). All words are looked up in the small table first, in one tight loop whose
    /// cache misses overlap, then the rest in the big table.
    pub fn stem_hashes(&self, words: &[&str]) -> Vec<u64> {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let keys: Vec<u64> = words
                .iter()
                .map(|w| crate::fasthash::word_hash(w.as_bytes()))
                .collect();
            let near: Vec<Option<u64>> = keys.iter().map(|&k| c.near(k)).collect();
            let far = |(i, v): (usize, Option<u64>)| {
                v.unwrap_or_else(|| c.far(keys[i], || h(0, self.stem_word(words[i]).as_ref())))
            };
            near.into_iter().enumerate().map(far).collect()
        })
    }

    /// Empty every thread's stem cache (at the end of the per-article stages).
    pub fn clear_caches() {
        rayon::broadcast(|_| CACHE.with(|c| *c.borrow_mut() = Default::default()));
        CACHE.with(|c| *c.borrow_mut() = Default::default());
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
    type Set = crate::fasthash::FastSet<&'static str>;
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    !crate::lexicon::at_least_chars(w, 3)
        || SET
            .get_or_init(|| STOP.iter().copied().collect())
            .contains(w)
}

/// The content terms of every sentence of one article.
pub fn features(
    stemmer: &Stemmer,
    people: &[usize],
    article: &Article,
    norm: &Normalized,
    ws: &[crate::normalize::Word],
    mentions: &[Mention],
    facts: &Facts,
) -> Vec<SentenceFeatures> {
    let key = norm.key();
    let mut out: Vec<SentenceFeatures> = vec![SentenceFeatures::default(); article.sentences.len()];
    let mut mi = 0;
    // (sentence, word) to stem, stemmed together after the loop
    let mut words: Vec<(usize, &str)> = Vec::new();
    for &w in ws {
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
        words.push((si, word));
    }
    let (at, ws): (Vec<usize>, Vec<&str>) = words.into_iter().unzip();
    for (si, t) in at.into_iter().zip(stemmer.stem_hashes(&ws)) {
        out[si].terms.push(t);
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
        f.terms.shrink_to_fit();
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

/// Two sentences that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// (article index, sentence index), the earlier article first.
    pub a: (usize, usize),
    pub b: (usize, usize),
    pub score: f64,
}

pub use crate::fasthash::{IdHasher, IdMap};

/// Weighted Dice coefficient of two sorted lists of dense term ids.
fn dice(a: &[u32], b: &[u32], idf: &[f32]) -> f64 {
    let w = |t: &u32| idf[*t as usize] as f64;
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

/// How many of a sentence's rarest terms propose candidates.
pub const PROBE_TERMS: usize = 8;

/// Align sentences across articles.
pub fn align(articles: &[Analyzed]) -> Vec<Alignment> {
    use rayon::prelude::*;
    // dense sentence and term ids
    let mut sref: Vec<(u32, u32)> = Vec::new();
    let mut dense: IdMap<u32> = IdMap::default();
    let mut sent_terms: Vec<Vec<u32>> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for (si, f) in a.features.iter().enumerate() {
            if f.terms.len() < MIN_TERMS {
                continue;
            }
            let mut ts: Vec<u32> = f
                .terms
                .iter()
                .map(|t| {
                    let next = dense.len() as u32;
                    let id = *dense.entry(*t).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    id
                })
                .collect();
            ts.sort_unstable();
            sref.push((ai as u32, si as u32));
            sent_terms.push(ts);
        }
    }
    let nsent = sent_terms.len();
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((nsent as f32 + 1.0) / d as f32).ln().max(0.1))
        .collect();
    // each sentence posts its rarest terms (seen at least twice, at most MAX_POSTINGS times)
    let probes: Vec<Vec<u32>> = sent_terms
        .iter()
        .map(|ts| {
            let mut rare: Vec<u32> = ts
                .iter()
                .copied()
                .filter(|&t| (2..=MAX_POSTINGS as u32).contains(&df[t as usize]))
                .collect();
            rare.sort_by_key(|&t| (df[t as usize], t));
            rare.truncate(PROBE_TERMS);
            rare.shrink_to_fit();
            rare
        })
        .collect();
    let postings = Postings::new(df.len(), &probes);
    // for each sentence, count shared probe terms with later sentences of other articles
    let scored: Vec<Alignment> = (0..nsent)
        .into_par_iter()
        .with_min_len(4096)
        .fold(
            || (vec![0u8; nsent], Vec::<u32>::new(), Vec::<Alignment>::new()),
            |(mut count, mut touched, mut out), p| {
                for &t in &probes[p] {
                    for &q in postings.after(t, p) {
                        let q = q as usize;
                        if sref[q].0 == sref[p].0 {
                            continue;
                        }
                        if count[q] == 0 {
                            touched.push(q as u32);
                        }
                        count[q] = count[q].saturating_add(1);
                    }
                }
                for &q in &touched {
                    let q = q as usize;
                    if count[q] >= 2 {
                        let s = dice(&sent_terms[p], &sent_terms[q], &idf);
                        let (fa, fb) = (
                            &articles[sref[p].0 as usize].features[sref[p].1 as usize],
                            &articles[sref[q].0 as usize].features[sref[q].1 as usize],
                        );
                        // two sentences that name people, but none in common, report different statements
                        let people_differ = !fa.people.is_empty()
                            && !fb.people.is_empty()
                            && !fa.people.iter().any(|x| fb.people.contains(x));
                        if s >= THRESHOLD && !people_differ {
                            out.push(Alignment {
                                a: (sref[p].0 as usize, sref[p].1 as usize),
                                b: (sref[q].0 as usize, sref[q].1 as usize),
                                score: (s * 1000.0).round() / 1000.0,
                            });
                        }
                    }
                    count[q] = 0;
                }
                touched.clear();
                (count, touched, out)
            },
        )
        .map(|(_, _, out)| out)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    best_partners(scored)
}

/// For each term, the sentences that post it, in one flat array (a `Vec` per term would cost
/// its header for each of the millions of terms that no sentence posts).
struct Postings {
    /// `starts[t]..starts[t + 1]` is term `t`'s range of `sentences`.
    starts: Vec<u32>,
    sentences: Vec<u32>,
}

impl Postings {
    fn new(nterms: usize, probes: &[Vec<u32>]) -> Postings {
        let mut starts = vec![0u32; nterms + 1];
        for &t in probes.iter().flatten() {
            starts[t as usize + 1] += 1;
        }
        for t in 0..nterms {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut sentences = vec![0u32; starts[nterms] as usize];
        // sentences in increasing order within each term, as they were pushed before
        for (s, rare) in probes.iter().enumerate() {
            for &t in rare {
                sentences[fill[t as usize] as usize] = s as u32;
                fill[t as usize] += 1;
            }
        }
        Postings { starts, sentences }
    }

    fn of(&self, t: u32) -> &[u32] {
        let t = t as usize;
        &self.sentences[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// The sentences after sentence `p` that post term `t` (a binary search: the sentences
    /// of a term are in increasing order).
    fn after(&self, t: u32, p: usize) -> &[u32] {
        let all = self.of(t);
        &all[all.partition_point(|&q| q as usize <= p)..]
    }
}

/// Keep, for each sentence, only its best partner in each other article.
fn best_partners(mut scored: Vec<Alignment>) -> Vec<Alignment> {
    scored.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut taken: std::collections::HashSet<((usize, usize), usize)> =
        std::collections::HashSet::new();
    let mut out = Vec::new();
    for al in scored {
        let ka = (al.a, al.b.0);
        let kb = (al.b, al.a.0);
        if taken.contains(&ka) || taken.contains(&kb) {
            continue;
        }
        taken.insert(ka);
        taken.insert(kb);
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
        let idf = vec![1.0; 8];
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

// ---- copies of one wire story

/// Fingerprints of an article's text: hashes of runs of eight normalised words, one in eight
/// kept (by hash value, so two copies keep the same ones), sorted and deduplicated.
pub fn fingerprints(norm: &Normalized, ws: &[crate::normalize::Word]) -> Vec<u64> {
    const RUN: usize = 8;
    let key = norm.key();
    let word_hash: Vec<u64> = ws
        .iter()
        .map(|w| {
            let mut h = crate::fasthash::IdHasher::default();
            key[w.start..w.end].hash(&mut h);
            h.unfolded()
        })
        .collect();
    let mut out: Vec<u64> = word_hash
        .windows(RUN)
        .map(|win| {
            win.iter().fold(0xcbf2_9ce4_8422_2325u64, |acc, &h| {
                (acc ^ h).wrapping_mul(0x0100_0000_01b3).rotate_left(5)
            })
        })
        .filter(|h| h % 8 == 0)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Groups of articles (indexes, sorted) that reprint one story: two articles are copies when at
/// least three fifths of the smaller one's fingerprints (and at least six) are shared. A fingerprint seen
/// in more than 20 articles is boilerplate and does not count. Linear in the fingerprints.
pub fn copies(prints: &[&[u64]]) -> Vec<Vec<usize>> {
    let mut posting: crate::fasthash::FastMap<u64, Vec<u32>> = Default::default();
    for (ai, p) in prints.iter().enumerate() {
        for &h in p.iter() {
            posting.entry(h).or_default().push(ai as u32);
        }
    }
    let mut shared: crate::fasthash::FastMap<(u32, u32), u32> = Default::default();
    for list in posting.values().filter(|l| (2..=20).contains(&l.len())) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..prints.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut pairs: Vec<(u32, u32)> = shared
        .into_iter()
        .filter(|&((a, b), n)| {
            let small = prints[a as usize].len().min(prints[b as usize].len()) as u32;
            n >= 6 && 5 * n >= 3 * small
        })
        .map(|(k, _)| k)
        .collect();
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (ra, rb) = (root(&mut parent, a as usize), root(&mut parent, b as usize));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for a in 0..prints.len() {
        let r = root(&mut parent, a);
        groups.entry(r).or_default().push(a);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

#[cfg(test)]
mod copy_tests {
    use super::*;

    fn prints(text: &str) -> Vec<u64> {
        let norm = Normalized::new(text);
        fingerprints(&norm, &crate::normalize::words(norm.key()))
    }

    #[test]
    fn reprints_of_one_story_are_copies_and_other_stories_are_not() {
        let wire = "أعلنت وزارة الصحة في بيان صدر مساء اليوم أن عدد المصابين بالحمى في المحافظة الشمالية ارتفع خلال الأسبوع الماضي إلى مستوى لم يسجل منذ سنوات طويلة وأن الفرق الطبية انتشرت في القرى البعيدة لتقديم اللقاحات للأطفال وكبار السن وأن المستشفيات رفعت درجة الاستعداد إلى الحد الأقصى تحسبا لموجة جديدة من الإصابات في الأيام المقبلة. ";
        let a = format!("{wire}{wire}");
        let b = format!("عاجل: {wire}{wire} (وكالات)");
        let c = "افتتح المعرض الدولي للكتاب أبوابه أمس بمشاركة مئات دور النشر من بلدان عربية وأجنبية وسط إقبال كبير من الزوار الذين توافدوا منذ الصباح على أجنحة المعرض المختلفة لاقتناء أحدث الإصدارات في الأدب والتاريخ والعلوم والفنون وقصص الأطفال والكتب المترجمة من لغات عدة.".repeat(2);
        let (pa, pb, pc) = (prints(&a), prints(&b), prints(&c));
        assert!(pa.len() >= 6, "{}", pa.len());
        let groups = copies(&[pa.as_slice(), pb.as_slice(), pc.as_slice()]);
        assert_eq!(groups, vec![vec![0, 1]]);
    }
}
