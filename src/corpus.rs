//! Files → articles. The only stage that reads from disk.
//!
//! In: paths of files and folders (`.txt`, `.md` with YAML front matter, `.jsonl` feeds, and a
//! `sources.yaml` per folder for dates and outlets). Out: [`Article`]s with their text exactly as
//! read and their sentences as byte spans, plus one [`Error`] per input that could not be read.

use crate::error::{yaml_error, Error};
use crate::lexicon;
use crate::normalize;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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

/// What the user tells us about an article besides its text.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    articles: Vec<SourceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    file: String,
    #[serde(flatten)]
    meta: MetaLoose,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct MetaLoose {
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

impl From<MetaLoose> for Meta {
    fn from(m: MetaLoose) -> Meta {
        Meta {
            title: m.title,
            date: m.date,
            outlet: m.outlet,
            url: m.url,
        }
    }
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

/// The result of reading all inputs: the articles in input order, and the inputs that failed.
pub struct Corpus {
    pub articles: Vec<Article>,
    pub errors: Vec<Error>,
}

/// One file to read, with the metadata its folder's `sources.yaml` gives it.
struct Job {
    path: PathBuf,
    meta: Meta,
}

/// Read every input. A missing path, an unreadable, empty, binary or non-UTF-8 file is an error
/// for that input only; the others are still read.
pub fn read(inputs: &[PathBuf]) -> Corpus {
    let mut errors = Vec::new();
    let mut jobs = Vec::new();
    for input in inputs {
        collect(input, &mut jobs, &mut errors);
    }
    let results: Vec<(Vec<Article>, Vec<Error>)> = jobs.into_par_iter().map(read_job).collect();
    let mut articles = Vec::new();
    for (a, e) in results {
        articles.extend(a);
        errors.extend(e);
    }
    // Ids are file stems; a repeated stem gets ~2, ~3 in input order.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in &mut articles {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}~{}", a.id, n);
        }
        let id = a.id.clone();
        for (i, s) in a.sentences.iter_mut().enumerate() {
            s.id = format!("{id}:{i}");
        }
    }
    Corpus { articles, errors }
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "jsonl")
    )
}

fn collect(input: &Path, jobs: &mut Vec<Job>, errors: &mut Vec<Error>) {
    let md = match std::fs::metadata(input) {
        Ok(md) => md,
        Err(e) => {
            errors.push(Error::Io {
                path: input.to_path_buf(),
                source: e,
            });
            return;
        }
    };
    if md.is_file() {
        // a file named on its own still takes its folder's sources.yaml
        let mut meta = Meta::default();
        let sources = input.parent().map(|d| d.join("sources.yaml"));
        if let Some(sources) = sources.filter(|s| s.is_file() && s.as_path() != input) {
            match read_sources(&sources) {
                Ok(m) => {
                    let name = input
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    meta = m.get(&name).cloned().unwrap_or_default();
                }
                Err(e) => errors.push(e),
            }
        }
        jobs.push(Job {
            path: input.to_path_buf(),
            meta,
        });
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(input) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(Error::Io {
                path: input.to_path_buf(),
                source: e,
            });
            return;
        }
    };
    entries.sort();
    let sources = input.join("sources.yaml");
    let mut meta: BTreeMap<String, Meta> = BTreeMap::new();
    if sources.is_file() {
        match read_sources(&sources) {
            Ok(m) => meta = m,
            Err(e) => errors.push(e),
        }
    }
    for p in entries {
        if p.is_dir() {
            collect(&p, jobs, errors);
        } else if is_article_file(&p) {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            jobs.push(Job {
                meta: meta.get(&name).cloned().unwrap_or_default(),
                path: p,
            });
        }
    }
}

fn read_sources(path: &Path) -> Result<BTreeMap<String, Meta>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let file: SourcesFile = serde_saphyr::from_str(&text).map_err(|e| yaml_error(path, e))?;
    let mut out = BTreeMap::new();
    for entry in file.articles {
        let meta: Meta = entry.meta.into();
        if let Some(d) = &meta.date {
            if !is_iso_date(d) {
                return Err(Error::input(
                    path,
                    format!("{}: date {d:?} is not YYYY-MM-DD", entry.file),
                ));
            }
        }
        out.insert(entry.file, meta);
    }
    Ok(out)
}

/// `YYYY-MM-DD` with plausible month and day.
pub fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| d.get(r).and_then(|s| s.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(dd)) if (1..=12).contains(&m) && (1..=31).contains(&dd))
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(path, "empty file"));
    }
    if bytes.contains(&0) {
        return Err(Error::input(path, "binary file (contains NUL bytes)"));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::input(
            path,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

fn read_job(job: Job) -> (Vec<Article>, Vec<Error>) {
    let text = match read_text(&job.path) {
        Ok(t) => t,
        Err(e) => return (vec![], vec![e]),
    };
    let ext = job.path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "jsonl" => read_jsonl(&job.path, &text),
        "md" => match read_md(&job.path, text, job.meta) {
            Ok(a) => (vec![a], vec![]),
            Err(e) => (vec![], vec![e]),
        },
        _ => (vec![read_txt(&job.path, text, job.meta)], vec![]),
    }
}

fn check_date(path: &Path, date: &Option<String>) -> Result<(), Error> {
    match date {
        Some(d) if !is_iso_date(d) => {
            Err(Error::input(path, format!("date {d:?} is not YYYY-MM-DD")))
        }
        _ => Ok(()),
    }
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

fn read_md(path: &Path, text: String, meta: Meta) -> Result<Article, Error> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut front: Option<String> = None;
    let mut body_start = 0;
    let mut heading: Option<(usize, usize)> = None;
    let mut in_meta = false;
    let mut in_heading = false;
    let parser = Parser::new_ext(&text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::Text(t) if in_meta => front = Some(t.into_string()),
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_meta = false;
                body_start = range.end;
            }
            Event::Start(Tag::Heading { .. }) if heading.is_none() => in_heading = true,
            Event::Text(_) if in_heading => {
                heading = Some((range.start, range.end));
                in_heading = false;
            }
            _ => {}
        }
    }
    let mut m = meta;
    if let Some(yaml) = front {
        let fm: MetaLoose = serde_saphyr::from_str(&yaml).map_err(|e| yaml_error(path, e))?;
        let fm: Meta = fm.into();
        m.title = fm.title.or(m.title);
        m.date = fm.date.or(m.date);
        m.outlet = fm.outlet.or(m.outlet);
        m.url = fm.url.or(m.url);
    }
    check_date(path, &m.date)?;
    let title_line = heading.map(|(s, _)| line_of(&text, s));
    let title = m
        .title
        .or_else(|| heading.map(|(s, e)| text[s..e].trim().to_string()));
    Ok(Article {
        id: stem(path),
        path: path.display().to_string(),
        title,
        date: m.date,
        outlet: m.outlet,
        url: m.url,
        sentences: segment(&text, body_start, title_line),
        text,
    })
}

fn read_jsonl(path: &Path, text: &str) -> (Vec<Article>, Vec<Error>) {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let results: Vec<Result<Article, Error>> = lines
        .par_iter()
        .map(|&(n, line)| {
            let j: JsonlArticle = serde_json::from_str(line)
                .map_err(|e| Error::at(path, n as u64 + 1, e.column() as u64, e.to_string()))?;
            let where_ = format!("{}:{}", path.display(), n + 1);
            check_date(Path::new(&where_), &j.date)?;
            if j.text.trim().is_empty() {
                return Err(Error::input(where_, "empty text"));
            }
            let id = j.id.unwrap_or_else(|| format!("{}:{}", stem(path), n + 1));
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
        })
        .collect();
    let mut arts = Vec::new();
    let mut errs = Vec::new();
    for r in results {
        match r {
            Ok(a) => arts.push(a),
            Err(e) => errs.push(e),
        }
    }
    (arts, errs)
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

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2020-10-21"));
        assert!(!is_iso_date("2020-13-01"));
        assert!(!is_iso_date("21/10/2020"));
    }
}
