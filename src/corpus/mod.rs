//! Files → articles. The only stage that reads from disk.
//!
//! In: paths of files and folders (`.txt`, `.md` with YAML front matter, `.jsonl` feeds, and a
//! `sources.yaml` per folder for dates and outlets). Out: [`Article`]s with their text exactly as
//! read and their sentences as byte spans, plus one [`Error`] per input that could not be read.
//!
//! Parts: `walk` (inputs → the files to read, each once, never mizan's own output), `decode`
//! (bytes → UTF-8 text, with a size limit), `sources` (sources.yaml and front matter → metadata,
//! dropping only a bad entry or field); this file holds the three readers (`.txt`, `.md`,
//! `.jsonl`) and the sentence splitter.

mod decode;
mod sources;
mod walk;

pub use decode::{has_arabic, human_size, DEFAULT_MAX_ARTICLE_BYTES};
pub use sources::{is_iso_date, Meta};
pub use walk::{is_output_folder, OUTPUT_FILES};

use crate::error::Error;
use crate::lexicon;
use crate::normalize;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    #[serde(skip)]
    pub text: String,
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// The headline.
    Title,
    /// Running text.
    Body,
    /// A photo caption: a short line ending in a parenthesised credit.
    Caption,
    /// A section label: a short line without final punctuation, or a few words before ':'.
    Label,
    /// A line that is mostly in Latin script.
    Foreign,
    /// The closing "source:" line.
    Source,
}

impl SentenceKind {
    /// Sentences that carry reported facts.
    pub fn is_content(self) -> bool {
        matches!(self, SentenceKind::Title | SentenceKind::Body)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
}

#[derive(Debug, Deserialize)]
struct JsonlArticle {
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    text: String,
}

/// How to read.
#[derive(Debug, Clone)]
pub struct Options {
    /// The largest article read, in bytes (a `.txt` or `.md` file, or one line of a feed).
    pub max_article_bytes: u64,
    /// Folders never read (the output folder).
    pub skip: Vec<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            skip: Vec::new(),
        }
    }
}

/// The result of reading all inputs: the articles sorted by path, the inputs (or parts of
/// inputs) that could not be used, and notes about what was skipped on purpose.
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Something given could not be used: a file, a feed line, a sources.yaml entry, a field.
    pub errors: Vec<Error>,
    /// Nothing was lost: mizan's own output skipped, a file reached twice read once, a
    /// repeated feed id renamed, a symlink loop not followed.
    pub notes: Vec<Error>,
}

/// Read every input with the default [`Options`].
pub fn read(inputs: &[PathBuf]) -> Corpus {
    read_with(inputs, &Options::default())
}

/// Read every input. A missing path, an unreadable, empty, binary or non-UTF-8 file is an error
/// for that input only; the others are still read. The result does not depend on the order of
/// `inputs`: files are read in path order, each once.
pub fn read_with(inputs: &[PathBuf], opts: &Options) -> Corpus {
    let mut walk = walk::Walk::run(inputs, &opts.skip);
    let jobs = walk.jobs();
    let mut errors = std::mem::take(&mut walk.errors);
    let mut notes = std::mem::take(&mut walk.notes);
    let results: Vec<Read> = jobs
        .into_par_iter()
        .map(|j| read_job(j, opts.max_article_bytes))
        .collect();
    let mut articles = Vec::new();
    for r in results {
        articles.extend(r.articles);
        errors.extend(r.errors);
    }
    // Ids are file stems or feed ids; a repeated one gets ~2, ~3 in path order. A repeated feed
    // id is worth a note: the feed meant it to identify the article.
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    for (a, explicit) in &mut articles {
        let (n, first) = seen
            .entry(a.id.clone())
            .or_insert_with(|| (0, a.path.clone()));
        *n += 1;
        if *n > 1 {
            let renamed = format!("{}~{}", a.id, n);
            if *explicit {
                notes.push(Error::input(
                    &a.path,
                    format!(
                        "id {:?} is already used by {first}; this article is {renamed:?}",
                        a.id
                    ),
                ));
            }
            a.id = renamed;
        }
        let id = a.id.clone();
        for (i, s) in a.sentences.iter_mut().enumerate() {
            s.id = format!("{id}:{i}");
        }
    }
    errors.sort_by_cached_key(order);
    notes.sort_by_cached_key(order);
    Corpus {
        articles: articles.into_iter().map(|(a, _)| a).collect(),
        errors,
        notes,
    }
}

/// Messages in file order, then line and column order within a file.
fn order(e: &Error) -> (String, u64, u64, String) {
    match e {
        Error::At {
            path, line, column, ..
        } => (path.display().to_string(), *line, *column, e.to_string()),
        _ => (e.to_string(), 0, 0, String::new()),
    }
}

/// What one file gave: articles (each with whether its id was given explicitly) and errors.
#[derive(Default)]
struct Read {
    articles: Vec<(Article, bool)>,
    errors: Vec<Error>,
}

impl Read {
    fn error(e: Error) -> Read {
        Read {
            articles: vec![],
            errors: vec![e],
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

fn read_job(job: walk::Job, limit: u64) -> Read {
    let ext = job.path.extension().and_then(|e| e.to_str()).unwrap_or("");
    // a feed holds many articles: the limit applies to each line
    let file_limit = if ext == "jsonl" { u64::MAX } else { limit };
    let text = match decode::read_bytes(&job.path, file_limit, "article")
        .and_then(|b| decode::decode(&job.path, b))
    {
        Ok(t) => t,
        Err(e) => return Read::error(e),
    };
    parse(&job.path, text, job.meta, limit)
}

/// Parse the text of one file by its extension (`.jsonl` feed, `.md`, anything else as plain
/// text), with the metadata its folder gives it.
fn parse(path: &Path, text: String, meta: Meta, limit: u64) -> Read {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "jsonl" {
        return read_jsonl(path, &text, limit);
    }
    if !decode::has_arabic(&text) {
        return Read::error(Error::input(path, "no Arabic text; skipped"));
    }
    if ext == "md" {
        let (a, errors) = read_md(path, text, meta);
        Read {
            articles: vec![(a, false)],
            errors,
        }
    } else {
        Read {
            articles: vec![(read_txt(path, text, meta), false)],
            errors: vec![],
        }
    }
}

/// [`parse`] for the property tests: the articles and the errors' messages.
pub fn parse_for_test(path: &Path, text: String) -> (Vec<Article>, Vec<String>) {
    let r = parse(path, text, Meta::default(), DEFAULT_MAX_ARTICLE_BYTES);
    (
        r.articles.into_iter().map(|a| a.0).collect(),
        r.errors.iter().map(|e| e.to_string()).collect(),
    )
}

/// Read a `sources.yaml` for the property tests: how many entries were kept, the errors.
pub fn sources_for_test(path: &Path) -> (usize, Vec<String>) {
    let (m, e) = sources::read(path);
    (m.len(), e.iter().map(|e| e.to_string()).collect())
}

fn read_txt(path: &Path, text: String, meta: Meta) -> Article {
    let headline = headline_line(&text);
    let title = meta
        .title
        .or_else(|| headline.map(|(s, e)| text[s..e].trim().to_string()));
    let sentences = segment(&text, 0, headline);
    Article {
        id: stem(path),
        path: path.display().to_string(),
        title,
        date: meta.date,
        outlet: meta.outlet,
        url: meta.url,
        text,
        sentences,
    }
}

/// The YAML front matter of a Markdown file: a first line `---`, then the YAML, then a line
/// `---` or `...` (LF or CRLF). Returns the YAML and the offset where the body starts.
fn split_front_matter(text: &str) -> Option<(&str, usize)> {
    let first = text.split_inclusive('\n').next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let yaml_start = first.len();
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((&text[yaml_start..pos], pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// A Markdown article: front matter (a bad field is dropped with an error, the article kept),
/// then the first heading as the headline.
fn read_md(path: &Path, text: String, meta: Meta) -> (Article, Vec<Error>) {
    use pulldown_cmark::{Event, Parser, Tag};
    let (fm, body_start, errors) = match split_front_matter(&text) {
        // the YAML starts on the second line of the file
        Some((yaml, body)) => {
            let (fm, errors) = sources::front_matter(path, yaml, 2);
            (fm, body, errors)
        }
        None => (Meta::default(), 0, vec![]),
    };
    let m = fm.or(meta);
    let mut heading: Option<(usize, usize)> = None;
    let mut in_heading = false;
    let parser = Parser::new(&text[body_start..]);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::Text(_) if in_heading => {
                heading = Some((body_start + range.start, body_start + range.end));
                break;
            }
            _ => {}
        }
    }
    let title_line = heading.map(|(s, _)| line_of(&text, s));
    let title = m
        .title
        .or_else(|| heading.map(|(s, e)| text[s..e].trim().to_string()));
    let article = Article {
        id: stem(path),
        path: path.display().to_string(),
        title,
        date: m.date,
        outlet: m.outlet,
        url: m.url,
        sentences: segment(&text, body_start, title_line),
        text,
    };
    (article, errors)
}

/// serde_json's message without the position it appends (we print our own `file:line:col`).
fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn read_jsonl(path: &Path, text: &str, limit: u64) -> Read {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let results: Vec<Result<Article, Error>> = lines
        .par_iter()
        .map(|&(n, line)| feed_line(path, n + 1, line, limit))
        .collect();
    let mut r = Read::default();
    for x in results {
        match x {
            Ok(a) => r.articles.push((a, true)),
            Err(e) => r.errors.push(e),
        }
    }
    r
}

/// One line of a feed, line `n` of the file.
fn feed_line(path: &Path, n: usize, line: &str, limit: u64) -> Result<Article, Error> {
    let where_ = format!("{}:{n}", path.display());
    if line.len() as u64 > limit {
        return Err(Error::input(
            &where_,
            format!(
                "article larger than the limit of {} (--max-article-size); skipped",
                decode::human_size(limit)
            ),
        ));
    }
    let j: JsonlArticle = serde_json::from_str(line)
        .map_err(|e| Error::at(path, n as u64, e.column() as u64, json_reason(&e)))?;
    if let Some(d) = j.date.as_deref().filter(|d| !is_iso_date(d)) {
        return Err(Error::input(
            &where_,
            format!("date {d:?} is not a real YYYY-MM-DD date"),
        ));
    }
    if j.text.trim().is_empty() {
        return Err(Error::input(where_, "empty text"));
    }
    if !decode::has_arabic(&j.text) {
        return Err(Error::input(where_, "no Arabic text; skipped"));
    }
    let id = j.id.unwrap_or_else(|| format!("{}:{n}", stem(path)));
    let headline = j.title.is_none().then(|| headline_line(&j.text)).flatten();
    let title = j
        .title
        .or_else(|| headline.map(|(s, e)| j.text[s..e].trim().to_string()));
    Ok(Article {
        id,
        path: where_,
        title,
        date: j.date,
        outlet: j.outlet,
        url: j.url,
        sentences: segment(&j.text, 0, headline),
        text: j.text,
    })
}

/// The span of the line containing byte `pos`.
fn line_of(text: &str, pos: usize) -> (usize, usize) {
    let s = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let e = text[pos..]
        .find('\n')
        .map(|i| pos + i)
        .unwrap_or(text.len());
    (s, e)
}

/// The first line of a plain-text article is its headline when it is short, is not the only
/// line, and does not end like a sentence.
fn headline_line(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    let (s, e) = line_of(text, start);
    let line = text[s..e].trim();
    let rest = text[e..].trim();
    if line.is_empty() || rest.is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    let ends_like_sentence =
        line.ends_with('.') && !line.ends_with("..") || line.ends_with(':') || line.ends_with('،');
    (words <= 20 && !ends_like_sentence).then_some((s, e))
}

fn is_final_punct(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '\'' | ')' | '’')
}

/// Split `text[from..]` into sentences. Lines are always boundaries; inside a line a sentence
/// ends at `. ؟ ? ! ؛` followed by space, a comma (the `.,` paragraph joins of some scrapes), a
/// closing quote or the end of the line. A run of two or more dots (`..`) is not a boundary.
pub fn segment(text: &str, from: usize, title: Option<(usize, usize)>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = from;
    for line in text[from..].split_inclusive('\n') {
        let ls = line_start;
        line_start += line.len();
        let le = ls + line.trim_end().len();
        if le <= ls || text[ls..le].trim().is_empty() {
            continue;
        }
        if title.is_some_and(|(s, _)| s == ls) {
            if let Some((s, e)) = trim_span(text, ls, le) {
                out.push(sentence(s, e, SentenceKind::Title));
            }
            continue;
        }
        let line_kind = classify_line(&text[ls..le]);
        let mut spans = split_line(text, ls, le);
        // A few words before ':' at the start of a line are a section label.
        if line_kind == SentenceKind::Body {
            if let Some(first) = spans.first().copied() {
                if let Some((label, rest)) = split_label(text, first.0, first.1) {
                    spans[0] = rest;
                    spans.insert(0, label);
                    out.push(sentence(label.0, label.1, SentenceKind::Label));
                    for &(s, e) in &spans[1..] {
                        out.push(sentence(s, e, SentenceKind::Body));
                    }
                    continue;
                }
            }
        }
        for (s, e) in spans {
            out.push(sentence(s, e, line_kind));
        }
    }
    out
}

fn sentence(start: usize, end: usize, kind: SentenceKind) -> Sentence {
    Sentence {
        id: String::new(),
        start,
        end,
        kind,
    }
}

fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let piece = &text[s..e];
    let lead = piece.len()
        - piece
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '،' | '-' | '#' | '>' | '*' | '•')
            })
            .len();
    let trail = piece.len() - piece.trim_end().len();
    let (s2, e2) = (s + lead, e - trail);
    (s2 < e2).then_some((s2, e2))
}

fn split_line(text: &str, ls: usize, le: usize) -> Vec<(usize, usize)> {
    let line = &text[ls..le];
    let mut spans = Vec::new();
    let mut start = 0;
    // only the punctuation is visited; the rest of the line is skipped at byte speed
    let mut from = 0;
    while let Some(off) = line[from..].find(is_final_punct) {
        let i = from + off;
        let c = line[i..].chars().next().unwrap_or(' ');
        let mut j = i + c.len_utf8();
        // a run of two or more dots is not a boundary
        if c == '.' && line[j..].starts_with('.') {
            from = j + line[j..].len() - line[j..].trim_start_matches('.').len();
            continue;
        }
        // swallow closing quotes right after the punctuation
        let rest = &line[j..];
        j += rest.len() - rest.trim_start_matches(is_closing).len();
        let next = line[j..].chars().next();
        let prev = line[..i].chars().next_back();
        if c == '.'
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            from = j;
            continue;
        }
        let boundary = match next {
            None => true,
            Some(n) => n.is_whitespace() || n == ',' || n == '،',
        };
        if boundary {
            if let Some(span) = trim_span(text, ls + start, ls + j) {
                spans.push(span);
            }
            start = j;
        }
        from = j.max(i + c.len_utf8());
    }
    if let Some(span) = trim_span(text, ls + start, le) {
        spans.push(span);
    }
    spans
}

fn split_label(text: &str, s: usize, e: usize) -> Option<((usize, usize), (usize, usize))> {
    let piece = &text[s..e];
    let colon = piece.find(':')?;
    let head = &piece[..colon];
    let nwords = head.split_whitespace().count();
    if nwords == 0 || nwords > 3 || head.contains(['"', '«', '“', '.', '،']) {
        return None;
    }
    if head
        .split_whitespace()
        .any(|w| lexicon::is_speech_verb(&normalize::key(w)))
    {
        return None;
    }
    let rest = trim_span(text, s + colon + 1, e)?;
    Some(((s, s + colon + 1), rest))
}

fn classify_line(line: &str) -> SentenceKind {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let letters = t
        .chars()
        .filter(|c| crate::normalize::is_word_char(*c) && !c.is_ascii_digit())
        .count()
        .max(1);
    let latin = t.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if latin * 2 > letters {
        return SentenceKind::Foreign;
    }
    if words <= 8 && lexicon::is_source_line(&normalize::key(t)) {
        return SentenceKind::Source;
    }
    let last = t.chars().last().unwrap_or(' ');
    if is_final_punct(last)
        || is_closing(last) && t.chars().rev().nth(1).is_some_and(is_final_punct)
    {
        return SentenceKind::Body;
    }
    if last == ')' && words <= 20 {
        return SentenceKind::Caption;
    }
    if words <= 4 || (last == ':' && words <= 6) {
        return SentenceKind::Label;
    }
    SentenceKind::Body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, SentenceKind)> {
        segment(text, 0, headline_line(text))
            .into_iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect()
    }

    #[test]
    fn headline_then_sentences() {
        let t = "عنوان قصير للخبر\n\nقال الوزير إن المحادثات بدأت. وأضاف أنها ستستمر؟ نعم!\n";
        let s = spans(t);
        assert_eq!(s[0], ("عنوان قصير للخبر", SentenceKind::Title));
        assert_eq!(s[1].0, "قال الوزير إن المحادثات بدأت.");
        assert_eq!(s[2].0, "وأضاف أنها ستستمر؟");
        assert_eq!(s[3].0, "نعم!");
    }

    #[test]
    fn dot_comma_joins_split_and_double_dots_do_not() {
        let t =
            "سطر أول طويل بما يكفي ليكون جملة كاملة هنا وهناك.، ثم جملة ثانية., ثم ثالثة.. تكملة.";
        let s = spans(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[1].0, "ثم جملة ثانية.");
        assert_eq!(s[2].0, "ثم ثالثة.. تكملة.");
    }

    #[test]
    fn decimals_and_quotes() {
        let t = "نص أول للعنوان\n\nبلغت النسبة 12.5 في المئة. وقال \"انتهى الأمر.\" ثم غادر.";
        let s = spans(t);
        assert_eq!(s[1].0, "بلغت النسبة 12.5 في المئة.");
        assert_eq!(s[2].0, "وقال \"انتهى الأمر.\"");
    }

    #[test]
    fn captions_labels_foreign_and_source_lines() {
        let t = "عنوان الخبر هنا\n\nCeasefire Fails To Hold\nجندي في أحد الخنادق (غيتي)\n\nتطورات الميدان\n\nقال المراسل إن القتال مستمر.\n\nالمصدر : وكالات\n";
        let kinds: Vec<SentenceKind> = spans(t).into_iter().map(|x| x.1).collect();
        assert_eq!(
            kinds,
            vec![
                SentenceKind::Title,
                SentenceKind::Foreign,
                SentenceKind::Caption,
                SentenceKind::Label,
                SentenceKind::Body,
                SentenceKind::Source
            ]
        );
    }

    #[test]
    fn inline_label_before_colon_but_not_speech() {
        let t = "جملة أولى طويلة لا تعد عنوانا لأنها تنتهي بنقطة هنا.\nمواصلة القتال: وجاء ذلك بعد الهجوم.\nوقال الوزير: سنواصل.";
        let s = spans(t);
        assert_eq!(s[1], ("مواصلة القتال:", SentenceKind::Label));
        assert_eq!(s[2].0, "وجاء ذلك بعد الهجوم.");
        assert_eq!(s[3], ("وقال الوزير: سنواصل.", SentenceKind::Body));
    }
}
