//! mizan weighs Arabic news sources against each other.
//!
//! The pipeline, one module a stage, types flowing one way:
//! `corpus` (files → articles) → `normalize` (text → matching keys) → `glossary` (YAML →
//! compiled matcher) → `link` (mentions) → `extract` (numbers, dates, quotes, attribution) →
//! `align` (same sentence across sources) → `compare` (agree / update / conflict, word diffs) →
//! `names` (spelling consistency; `draft` and `lint` make `glossary suggest` and `glossary
//! check`) and `framing` (loaded wording by outlet) → `report` (the facts document) →
//! `render` (JSON, Markdown, HTML). Only `corpus` and `glossary` read files; only `render`
//! and `cli` write.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod draft;
pub mod error;
pub mod explain;
pub mod extract;
pub mod fasthash;
pub mod framing;
pub mod glossary;
pub mod lexicon;
pub mod link;
pub mod lint;
pub mod names;
pub mod normalize;
pub mod render;
pub mod report;

pub use render::context::Context;

use corpus::Article;
use glossary::Glossary;
use rayon::prelude::*;

/// Everything the per-article stages found in one article.
pub struct Analyzed {
    pub article: Article,
    pub mentions: Vec<link::Mention>,
    pub facts: extract::Facts,
    pub features: Vec<align::SentenceFeatures>,
    pub candidates: Vec<names::Candidate>,
    /// Hashes of runs of words, to find copies of one wire story.
    pub fingerprints: Vec<u64>,
    /// Words of the glossary's framing sets (loaded wording).
    pub framing: Vec<framing::Use>,
}

impl Analyzed {
    /// Give back what the growing lists reserved and did not use: the analysis of every
    /// article is kept to the end of the run.
    fn shrink(&mut self) {
        self.article.sentences.shrink_to_fit();
        self.mentions.shrink_to_fit();
        let f = &mut self.facts;
        f.numbers.shrink_to_fit();
        f.dates.shrink_to_fit();
        f.quotes.shrink_to_fit();
        f.events.shrink_to_fit();
        f.attribution.shrink_to_fit();
        self.framing.shrink_to_fit();
    }

    /// Free what only the cross-article stages read (alignment features, name candidates,
    /// fingerprints): the outputs are rendered from the rest, and memory peaks while they are.
    fn drop_intermediates(&mut self) {
        self.features = Vec::new();
        self.candidates = Vec::new();
        self.fingerprints = Vec::new();
    }
}

/// Run the per-article stages (normalise, link, extract, align features, name candidates) in
/// parallel. The normalised key is dropped after each article, so memory stays proportional to
/// the findings, not to the text.
pub fn analyze(g: &Glossary, articles: Vec<Article>) -> Vec<Analyzed> {
    let stemmer = align::Stemmer::new();
    let fuzzy = names::FuzzyIndex::new(g);
    let people: Vec<usize> = (0..g.entities.len())
        .filter(|&e| g.entities[e].kind == glossary::EntityKind::Person)
        .collect();
    let out = articles
        .into_par_iter()
        .map(|article| {
            let mut a = analyze_with(g, &stemmer, &fuzzy, &people, article);
            // only `--explain` reads the clauses, and it analyses its article again
            a.facts.clauses = Default::default();
            a.facts.clause_speakers = Vec::new();
            a.shrink();
            a
        })
        .collect();
    // the stem caches would otherwise live as long as the worker threads
    align::Stemmer::clear_caches();
    out
}

/// The per-article stages of one article (what `--explain` looks into).
pub fn analyze_one(g: &Glossary, article: Article) -> Analyzed {
    let people: Vec<usize> = (0..g.entities.len())
        .filter(|&e| g.entities[e].kind == glossary::EntityKind::Person)
        .collect();
    let fuzzy = names::FuzzyIndex::new(g);
    analyze_with(g, &align::Stemmer::new(), &fuzzy, &people, article)
}

fn analyze_with(
    g: &Glossary,
    stemmer: &align::Stemmer,
    fuzzy: &names::FuzzyIndex,
    people: &[usize],
    article: Article,
) -> Analyzed {
    let norm = normalize::Normalized::new(&article.text);
    let mentions = link::link(g, &norm, &article.sentences);
    let ws = normalize::words(norm.key());
    let facts = extract::extract(g, &article, &norm, &ws, &mentions);
    let features = align::features(stemmer, people, &article, &norm, &ws, &mentions, &facts);
    let candidates = names::scan(fuzzy, g, &article, &norm, &mentions);
    let fingerprints = align::fingerprints(&norm, &ws);
    let framing = framing::scan(g, &article, &norm, &ws, &facts.quotes);
    Analyzed {
        article,
        mentions,
        facts,
        features,
        candidates,
        fingerprints,
        framing,
    }
}

/// When the process started (the first call), for `MIZAN_TIMING`.
pub fn started() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

/// With `MIZAN_TIMING` set, say on stderr that a step is done, with the time since the process
/// started.
pub fn lap(what: &str) {
    if std::env::var_os("MIZAN_TIMING").is_some() {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("mizan: {what} at {:.2?}", started().elapsed());
        }
    }
}

/// The cross-article result: what `report` turns into the facts document.
pub struct Analysis {
    pub articles: Vec<Analyzed>,
    pub alignments: Vec<align::Alignment>,
    pub comparison: compare::Comparison,
    pub names: names::NameReport,
    /// Groups of articles (indexes) that reprint one wire story.
    pub copies: Vec<Vec<usize>>,
}

/// The whole pipeline after reading.
pub fn run_pipeline(g: &Glossary, articles: Vec<Article>) -> Analysis {
    let lap = |what: &str| lap(&format!("{what} done"));
    let articles = analyze(g, articles);
    lap("per-article stages");
    // alignment and the labels of its pairs, beside the figure groups and the names report
    let ((alignments, labels), (figures, names)) = rayon::join(
        || {
            let alignments = align::align(&articles);
            let labels = compare::labels(&articles, &alignments);
            (alignments, labels)
        },
        || {
            (
                compare::figure_groups(g, &articles),
                names::report(g, &articles),
            )
        },
    );
    let comparison = compare::Comparison { figures, labels };
    let prints: Vec<&[u64]> = articles.iter().map(|a| a.fingerprints.as_slice()).collect();
    let copies = align::copies(&prints);
    let mut articles = articles;
    articles
        .par_iter_mut()
        .for_each(Analyzed::drop_intermediates);
    lap("alignment, comparison and names");
    Analysis {
        articles,
        alignments,
        comparison,
        names,
        copies,
    }
}
