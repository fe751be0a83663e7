//! Markdown → one self-contained HTML page, with the direction of every piece of text made
//! explicit.
//!
//! In: the briefing's Markdown: an English half and an Arabic half in `<div lang=… dir=…>`
//! blocks, with U+2066–U+2069 isolates around embedded text. Out: HTML where a table cell whose
//! text is in the other script carries its own `dir`, a run of the other script inside a cell,
//! paragraph or list item is a `<bdi>` (Latin and digits in Arabic text, Arabic in English
//! text), the Markdown's isolates are `<bdi>` elements, and dates and number ranges do not break
//! across lines. It rewrites pulldown-cmark's events; it never edits HTML text.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd, TextMergeStream};
use std::ops::Range;

/// Markdown → a self-contained HTML page. Sections marked `<div lang="ar" dir="rtl">` in the
/// Markdown read right to left; table cells take the direction of their own text.
pub fn html(markdown: &str, title: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    out.push_str(&title.replace('&', "&amp;").replace('<', "&lt;"));
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&body(markdown));
    out.push_str("</body>\n</html>\n");
    out
}

const CSS: &str = "body { font-family: system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1d1d1f; }
[lang=ar], [dir=rtl] { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', serif; }
[lang=ar] { font-size: 1.08em; }
[lang=ar] [dir=ltr] { font-family: system-ui, 'Noto Sans', sans-serif; font-size: .93em; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #c8c8cc; padding: .35rem .55rem; vertical-align: top; text-align: start; }
th { background: #f2f2f5; }
blockquote { border-inline-start: 4px solid #c8c8cc; margin: .5rem 0; padding: .2rem .8rem; color: #333; }
del { color: #a40000; } strong { color: #005a00; }
h1, h2, h3 { line-height: 1.25; }
code { background: #f2f2f5; padding: 0 .2rem; }
.nowrap { white-space: nowrap; }
";

/// The HTML of the Markdown's body.
pub fn body(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let events: Vec<Event> = TextMergeStream::new(parser).collect();
    let mut w = Walker::default();
    w.walk(&events);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, w.out.into_iter());
    out
}

/// A direction of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    fn attr(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }

    fn other(self) -> Dir {
        match self {
            Dir::Ltr => Dir::Rtl,
            Dir::Rtl => Dir::Ltr,
        }
    }
}

/// What a character is to the direction of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana).
    Rtl,
    /// Any other letter.
    Ltr,
    /// A European or Arabic-Indic digit.
    Digit,
    /// Space, punctuation, symbols.
    Neutral,
}

fn class(c: char) -> Class {
    if c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
        Class::Digit
    } else if !c.is_alphabetic() {
        Class::Neutral
    } else if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    {
        Class::Rtl
    } else {
        Class::Ltr
    }
}

fn strong(d: Dir) -> Class {
    match d {
        Dir::Ltr => Class::Ltr,
        Dir::Rtl => Class::Rtl,
    }
}

/// The isolate controls: LEFT-TO-RIGHT, RIGHT-TO-LEFT, FIRST STRONG ISOLATE, POP.
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

fn is_isolate_control(c: char) -> bool {
    matches!(c, LRI | RLI | FSI | PDI)
}

/// The direction of a piece of text: the script with more letters outside isolates; `None`
/// when it has no letters there (digits, punctuation).
pub fn text_dir(text: &str) -> Option<Dir> {
    let (mut rtl, mut ltr, mut depth) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c => match class(c) {
                Class::Rtl => rtl += 1,
                Class::Ltr => ltr += 1,
                _ => {}
            },
        }
    }
    match (rtl, ltr) {
        (0, 0) => None,
        (r, l) if r > l => Some(Dir::Rtl),
        _ => Some(Dir::Ltr),
    }
}

/// The direction of the first strong letter; text with only digits reads left to right.
fn first_strong(text: &str) -> Option<Dir> {
    let mut digits = false;
    for c in text.chars() {
        match class(c) {
            Class::Rtl => return Some(Dir::Rtl),
            Class::Ltr => return Some(Dir::Ltr),
            Class::Digit => digits = true,
            Class::Neutral => {}
        }
    }
    digits.then_some(Dir::Ltr)
}

/// Characters a run of the other script never crosses: quotation marks (a list of quoted
/// names is several runs, in the order written) and, inside Arabic text, Arabic punctuation
/// (the end of an embedded Latin phrase); inside English text, `;` (a list separator).
fn is_boundary(c: char, d: Dir) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '"')
        || match d {
            Dir::Rtl => matches!(c, '،' | '؛' | '؟'),
            Dir::Ltr => c == ';',
        }
}

/// A percent or per-mille sign belongs to the number before it.
fn is_number_suffix(c: char) -> bool {
    matches!(c, '%' | '٪' | '‰')
}

/// The runs of `text` (inside a block of direction `d`) that must be isolated: in Arabic text,
/// Latin words and numbers with what stands between them («Demo Wire (01-first-days)», «9–11»);
/// in English text, Arabic words with the digits and Arabic punctuation among them. A run
/// starts and ends at a letter of the other script or a digit (with its `%`), never crosses a
/// letter of the block's own script or a quotation mark, and takes in the bracket that closes
/// one it opened.
pub fn foreign_runs(text: &str, d: Dir) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let starts_run = |c: char| match class(c) {
        Class::Digit => d == Dir::Rtl,
        k => k == strong(d.other()),
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !starts_run(chars[i].1) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < chars.len() {
            let c = chars[k].1;
            if class(c) == strong(d) || is_boundary(c, d) || is_isolate_control(c) {
                break;
            }
            let counts = matches!(class(c), Class::Digit) || class(c) == strong(d.other());
            if counts || (is_number_suffix(c) && class(chars[k - 1].1) == Class::Digit) {
                last = k;
            }
            k += 1;
        }
        let mut end = last + 1;
        let inner: String = chars[i..end].iter().map(|p| p.1).collect();
        if inner.matches('(').count() > inner.matches(')').count()
            && chars.get(end).is_some_and(|p| p.1 == ')')
        {
            end += 1;
        }
        let stop = chars.get(end).map_or(text.len(), |p| p.0);
        runs.push(chars[i].0..stop);
        i = end;
    }
    runs
}

/// Dates, ranges of numbers, times and ids with a number (`2020-10-05`, `9–11`, `5/10`,
/// `10:30`, `02-toll-rises`, `snn-26:1`): letters and digits joined by hyphens, dashes,
/// slashes or colons, with a digit among them, kept on one line.
pub fn unbreakable(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: usize| chars.get(k).is_some_and(|p| p.1.is_alphanumeric());
    let joiner = |k: usize| {
        chars
            .get(k)
            .is_some_and(|p| matches!(p.1, '-' | '–' | '‐' | '‑' | '/' | ':' | '_'))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !alnum(i) {
            i += 1;
            continue;
        }
        let mut k = i;
        let (mut joined, mut digit) = (false, false);
        while alnum(k) || (joiner(k) && alnum(k + 1)) {
            joined |= joiner(k);
            digit |= class(chars[k].1) == Class::Digit;
            k += 1;
        }
        if joined && digit {
            let stop = chars.get(k).map_or(text.len(), |p| p.0);
            out.push(chars[i].0..stop);
        }
        i = k;
    }
    out
}

/// Where the walker is in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TablePart {
    Head,
    Body,
}

/// The table being walked: its column alignments and where in it the walker is.
#[derive(Debug)]
struct Table {
    align: Vec<Alignment>,
    part: TablePart,
    column: usize,
}

/// Rewrites the events: keeps the directions of the enclosing blocks, the table being walked
/// and the `<bdi>` elements opened by isolates and not yet closed.
#[derive(Debug, Default)]
struct Walker<'a> {
    out: Vec<Event<'a>>,
    /// One entry per open `<div>` of the Markdown: the direction it sets, if any.
    divs: Vec<Option<Dir>>,
    /// The direction of the table cell being walked (it overrides the divs).
    cell: Option<Dir>,
    table: Option<Table>,
    /// `<bdi>` elements opened by isolate controls and not yet closed.
    open: usize,
}

/// The index of the event that ends the element started at `events[i]`.
fn end_of(events: &[Event], i: usize) -> usize {
    let mut depth = 0usize;
    for (k, e) in events.iter().enumerate().skip(i) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// The direction a `<div …>` line sets (`dir="rtl"`, or `lang="ar"` without `dir`).
fn div_dir(html: &str) -> Option<Dir> {
    let attr = |name: &str| {
        let at = html.find(&format!("{name}=\""))? + name.len() + 2;
        html[at..].split('"').next()
    };
    match (attr("dir"), attr("lang")) {
        (Some("rtl"), _) => Some(Dir::Rtl),
        (Some("ltr"), _) => Some(Dir::Ltr),
        (_, Some(l)) if matches!(l.split('-').next(), Some("ar" | "fa" | "ur" | "he")) => {
            Some(Dir::Rtl)
        }
        (_, Some(_)) => Some(Dir::Ltr),
        _ => None,
    }
}

impl<'a> Walker<'a> {
    /// The direction of the text being walked: the cell's, else the innermost div's, else the
    /// page's (left to right).
    fn dir(&self) -> Dir {
        self.cell
            .or_else(|| self.divs.iter().rev().flatten().next().copied())
            .unwrap_or(Dir::Ltr)
    }

    fn walk(&mut self, events: &[Event<'a>]) {
        let mut i = 0;
        while i < events.len() {
            match &events[i] {
                Event::Start(Tag::CodeBlock(_)) => {
                    let j = end_of(events, i);
                    self.out.extend_from_slice(&events[i..=j]);
                    i = j;
                }
                Event::Start(Tag::TableCell) => {
                    let j = end_of(events, i);
                    self.table_cell(&events[i + 1..j]);
                    i = j;
                }
                e => self.event(e.clone()),
            }
            i += 1;
        }
    }

    fn event(&mut self, e: Event<'a>) {
        match &e {
            Event::Html(h) | Event::InlineHtml(h) => self.html_line(h),
            Event::Text(t) => {
                let t = t.clone();
                self.text(&t);
                return;
            }
            Event::Start(Tag::Table(align)) => {
                self.table = Some(Table {
                    align: align.clone(),
                    part: TablePart::Body,
                    column: 0,
                })
            }
            Event::End(TagEnd::Table) => self.table = None,
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                self.close_isolates();
                if let Some(t) = &mut self.table {
                    t.column = 0;
                    if matches!(e, Event::Start(Tag::TableHead)) {
                        t.part = TablePart::Head;
                    }
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.part = TablePart::Body;
                }
            }
            Event::Start(_) | Event::End(_) => self.close_isolates(),
            _ => {}
        }
        self.out.push(e);
    }

    /// `<div …>` opens a section (with the direction it sets), `</div>` closes the innermost.
    fn html_line(&mut self, h: &str) {
        let t = h.trim_start();
        if t.starts_with("<div") {
            self.divs.push(div_dir(t));
        } else if t.starts_with("</div") {
            self.divs.pop();
        }
    }

    /// A table cell: `<td>` (or `<th>`) with its own `dir` when its text is in the other
    /// script, then its content walked in that direction.
    fn table_cell(&mut self, inner: &[Event<'a>]) {
        let around = self.dir();
        let text: String = inner
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let dir = text_dir(&text).unwrap_or(around);
        let (name, align) = match &mut self.table {
            Some(t) => {
                let a = t.align.get(t.column).copied().unwrap_or(Alignment::None);
                t.column += 1;
                let name = if t.part == TablePart::Head {
                    "th"
                } else {
                    "td"
                };
                (name, a)
            }
            None => ("td", Alignment::None),
        };
        let mut open = format!("<{name}");
        if dir != around {
            open.push_str(&format!(" dir=\"{}\"", dir.attr()));
        }
        match align {
            Alignment::Left => open.push_str(" style=\"text-align: left\""),
            Alignment::Center => open.push_str(" style=\"text-align: center\""),
            Alignment::Right => open.push_str(" style=\"text-align: right\""),
            Alignment::None => {}
        }
        open.push('>');
        self.out.push(Event::Html(open.into()));
        let outer = self.cell.replace(dir);
        self.walk(inner);
        self.close_isolates();
        self.cell = outer;
        self.out.push(Event::Html(format!("</{name}>").into()));
    }

    fn close_isolates(&mut self) {
        for _ in 0..self.open {
            self.out.push(Event::InlineHtml("</bdi>".into()));
        }
        self.open = 0;
    }

    fn open_bdi(&mut self, dir: Option<Dir>) {
        let tag = match dir {
            Some(d) => format!("<bdi dir=\"{}\">", d.attr()),
            None => "<bdi>".to_string(),
        };
        self.out.push(Event::InlineHtml(tag.into()));
    }

    /// Text: isolate controls become `<bdi>`; outside them, runs of the other script are
    /// isolated; dates and ranges are kept whole.
    fn text(&mut self, t: &str) {
        let mut from = 0;
        for (at, c) in t.char_indices().filter(|p| is_isolate_control(p.1)) {
            self.plain(&t[from..at]);
            from = at + c.len_utf8();
            match c {
                PDI if self.open > 0 => {
                    self.out.push(Event::InlineHtml("</bdi>".into()));
                    self.open -= 1;
                }
                PDI => {}
                LRI => self.isolate(Some(Dir::Ltr)),
                RLI => self.isolate(Some(Dir::Rtl)),
                _ => {
                    let until = t[from..].find(PDI).map_or(t.len(), |k| from + k);
                    self.isolate(first_strong(&t[from..until]));
                }
            }
        }
        self.plain(&t[from..]);
    }

    fn isolate(&mut self, dir: Option<Dir>) {
        self.open_bdi(dir);
        self.open += 1;
    }

    /// Text without isolate controls: inside an isolate as it is; outside, with the runs of
    /// the other script in `<bdi>`.
    fn plain(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if self.open > 0 {
            self.unbreakable(t);
            return;
        }
        let d = self.dir();
        let mut from = 0;
        for r in foreign_runs(t, d) {
            self.unbreakable(&t[from..r.start]);
            self.open_bdi(Some(d.other()));
            self.unbreakable(&t[r.clone()]);
            self.out.push(Event::InlineHtml("</bdi>".into()));
            from = r.end;
        }
        self.unbreakable(&t[from..]);
    }

    /// Text with its dates and number ranges in `<span class="nowrap">`.
    fn unbreakable(&mut self, t: &str) {
        let mut from = 0;
        for r in unbreakable(t) {
            self.push_text(&t[from..r.start]);
            self.out
                .push(Event::InlineHtml("<span class=\"nowrap\">".into()));
            self.push_text(&t[r.clone()]);
            self.out.push(Event::InlineHtml("</span>".into()));
            from = r.end;
        }
        self.push_text(&t[from..]);
    }

    fn push_text(&mut self, t: &str) {
        if !t.is_empty() {
            self.out.push(Event::Text(t.to_string().into()));
        }
    }
}

#[cfg(test)]
mod tests;
