//! `sources.yaml` (a folder's dates, outlets, titles and links) and the article metadata that
//! `.md` front matter gives. A bad entry or field is reported with `file:line:col` and only it
//! is dropped.
//!
//! In: YAML text. Out: [`Meta`] per file name, and one [`Error`] per dropped entry or field.

use crate::error::{yaml_error, Error};
use serde::Deserialize;
use serde_json::Value;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::Path;

/// What the user tells us about an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

impl Meta {
    /// `self`, with the fields `other` leaves empty filled from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            date: self.date.or(other.date),
            outlet: self.outlet.or(other.outlet),
            url: self.url.or(other.url),
        }
    }
}

const FIELDS: [&str; 4] = ["title", "date", "outlet", "url"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    articles: Vec<Spanned<BTreeMap<String, Spanned<Value>>>>,
}

/// `YYYY-MM-DD`, a real calendar day (2021-02-29 is not one).
pub fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| {
        d.get(r.clone())
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A YAML scalar as text (`date: 2020-10-09` may arrive as a string or, from other YAML
/// libraries' habits, a number); lists and maps are not text.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// One metadata field, checked: text, and a real `YYYY-MM-DD` for `date`.
fn field(key: &str, v: &Value) -> Result<String, String> {
    let text = as_text(v).ok_or_else(|| format!("`{key}` is not text"))?;
    if key == "date" && !is_iso_date(&text) {
        return Err(format!("date {text:?} is not a real YYYY-MM-DD date"));
    }
    Ok(text)
}

/// Read a folder's `sources.yaml`: file name → metadata. A file that is not YAML of the right
/// shape is one error; otherwise each bad entry (no `file`, a file not in the folder or outside
/// it, a second entry for a file, an unknown field, a bad date) is one error with its
/// line and column, and only that entry is skipped.
pub fn read(path: &Path) -> (BTreeMap<String, Meta>, Vec<Error>) {
    let mut out = BTreeMap::new();
    let text = match super::decode::read_small(path) {
        Ok(t) => t,
        Err(e) => return (out, vec![e]),
    };
    let file: SourcesFile = match serde_saphyr::from_str(&text) {
        Ok(f) => f,
        Err(e) => return (out, vec![yaml_error(path, e)]),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut errors = Vec::new();
    let mut first_line: BTreeMap<String, u64> = BTreeMap::new();
    for entry in file.articles {
        let at = |loc: &serde_saphyr::Location, msg: String| {
            Error::at(path, loc.line(), loc.column(), msg)
        };
        let eloc = entry.referenced;
        match parse_entry(dir, &entry.value, &first_line) {
            Ok((name, meta)) => {
                first_line.insert(name.clone(), eloc.line());
                out.insert(name, meta);
            }
            Err((loc, msg)) => errors.push(at(&loc.unwrap_or(eloc), msg + "; entry skipped")),
        }
    }
    (out, errors)
}

type EntryError = (Option<serde_saphyr::Location>, String);

fn parse_entry(
    dir: &Path,
    entry: &BTreeMap<String, Spanned<Value>>,
    first_line: &BTreeMap<String, u64>,
) -> Result<(String, Meta), EntryError> {
    for (k, v) in entry {
        if k != "file" && !FIELDS.contains(&k.as_str()) {
            return Err((
                Some(v.referenced),
                format!("unknown field `{k}` (expected file, {})", FIELDS.join(", ")),
            ));
        }
    }
    let file = entry
        .get("file")
        .ok_or((None, "entry has no `file`".to_string()))?;
    let floc = Some(file.referenced);
    let name = as_text(&file.value).ok_or((floc, "`file` is not text".to_string()))?;
    let plain = Path::new(&name)
        .file_name()
        .is_some_and(|n| n == name.as_str());
    if !plain || name.contains(['/', '\\']) {
        return Err((
            floc,
            format!(
                "{name:?} is outside the folder (a sources.yaml describes the files beside it)"
            ),
        ));
    }
    if !dir.join(&name).is_file() {
        return Err((floc, format!("{name:?} is not a file in this folder")));
    }
    if let Some(line) = first_line.get(&name) {
        return Err((
            floc,
            format!("second entry for {name:?} (the first is on line {line})"),
        ));
    }
    let mut meta = Meta::default();
    for key in FIELDS {
        // `outlet: null` says there is none, like leaving the field out
        if let Some(v) = entry.get(key).filter(|v| !v.value.is_null()) {
            let text = field(key, &v.value).map_err(|m| (Some(v.referenced), m))?;
            set(&mut meta, key, text);
        }
    }
    Ok((name, meta))
}

fn set(meta: &mut Meta, key: &str, text: String) {
    match key {
        "title" => meta.title = Some(text),
        "date" => meta.date = Some(text),
        "outlet" => meta.outlet = Some(text),
        _ => meta.url = Some(text),
    }
}

/// The metadata in an `.md` file's front matter, whose first line is line `first_line` of the
/// file. A bad field (wrong type, impossible date, a line YAML cannot read, a repeated key) is
/// dropped with an error naming its line in the file; the rest is kept. Unknown fields are
/// ignored: front matter often carries fields for other tools.
pub fn front_matter(path: &Path, yaml: &str, first_line: u64) -> (Meta, Vec<Error>) {
    let mut errors = Vec::new();
    let mut lines: Vec<&str> = yaml.lines().collect();
    // a line YAML cannot read is blanked and the rest read again (line numbers stay)
    let map: BTreeMap<String, Spanned<Value>> = loop {
        let text = lines.join("\n");
        if text.trim().is_empty() {
            break BTreeMap::new();
        }
        match serde_saphyr::from_str::<Option<BTreeMap<String, Spanned<Value>>>>(&text) {
            Ok(m) => break m.unwrap_or_default(),
            Err(e) => {
                let err = yaml_error(path, e);
                let line = match &err {
                    Error::At { line, .. } if *line >= 1 && (*line as usize) <= lines.len() => {
                        *line as usize
                    }
                    _ => {
                        errors.push(shift(err, first_line, "front matter ignored"));
                        break BTreeMap::new();
                    }
                };
                errors.push(shift(err, first_line, "line dropped"));
                if lines[line - 1].trim().is_empty() {
                    break BTreeMap::new(); // nothing left to drop: give up on the block
                }
                lines[line - 1] = "";
            }
        }
    };
    let mut meta = Meta::default();
    for key in FIELDS {
        if let Some(v) = map.get(key).filter(|v| !v.value.is_null()) {
            match field(key, &v.value) {
                Ok(t) => set(&mut meta, key, t),
                Err(m) => errors.push(Error::at(
                    path,
                    v.referenced.line() + first_line - 1,
                    v.referenced.column(),
                    m + "; the field is dropped",
                )),
            }
        }
    }
    (meta, errors)
}

/// An error about front matter, with its line counted from the start of the file.
fn shift(err: Error, first_line: u64, what: &str) -> Error {
    match err {
        Error::At {
            path,
            line,
            column,
            message,
        } => Error::at(
            path,
            line + first_line - 1,
            column,
            format!("{message}; {what}"),
        ),
        Error::Input { path, message } => Error::input(path, format!("{message}; {what}")),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates() {
        assert!(is_iso_date("2020-10-21"));
        assert!(is_iso_date("2020-02-29"));
        assert!(!is_iso_date("2021-02-29"));
        assert!(!is_iso_date("2021-04-31"));
        assert!(!is_iso_date("2020-13-01"));
        assert!(!is_iso_date("2020-00-10"));
        assert!(!is_iso_date("+020-10-21"));
        assert!(!is_iso_date("21/10/2020"));
    }

    #[test]
    fn front_matter_drops_only_the_bad_field_and_counts_lines_from_the_file() {
        let yaml = "title: عنوان\ndate: 2021-02-29\noutlet: [a, b]\nurl: https://x.test\nx: null\n";
        let (m, errs) = front_matter(Path::new("a.md"), yaml, 2);
        assert_eq!(m.title.as_deref(), Some("عنوان"));
        assert_eq!(m.url.as_deref(), Some("https://x.test"));
        assert_eq!(m.date, None);
        assert_eq!(m.outlet, None);
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(
            text[0].starts_with("a.md:3:7: date \"2021-02-29\""),
            "{text:?}"
        );
        assert!(text[1].starts_with("a.md:4:"), "{text:?}");
    }

    #[test]
    fn front_matter_duplicate_key_drops_one_line_without_library_advice() {
        let yaml = "title: أ\ndate: 2020-10-09\ntitle: ب\n";
        let (m, errs) = front_matter(Path::new("a.md"), yaml, 2);
        assert_eq!(m.date.as_deref(), Some("2020-10-09"));
        assert_eq!(errs.len(), 1, "{errs:?}");
        let e = errs[0].to_string();
        assert!(e.starts_with("a.md:4:"), "{e}");
        assert!(
            !e.contains("Options") && e.contains("key given twice: title"),
            "{e}"
        );
    }
}
