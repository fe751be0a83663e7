//! Errors of the library: each names the file, and the line and column where they apply.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },

    #[error("{path}:{line}:{column}: {message}")]
    At {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{name}: {message}")]
    Template { name: String, message: String },

    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }

    pub fn at(
        path: impl Into<PathBuf>,
        line: u64,
        column: u64,
        message: impl Into<String>,
    ) -> Error {
        Error::At {
            path: path.into(),
            line,
            column,
            message: message.into(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Turn a serde-saphyr error into one that names the file, with line and column when known.
pub fn yaml_error(path: &std::path::Path, err: serde_saphyr::Error) -> Error {
    let message = err.to_string();
    // serde-saphyr renders "… at line L, column C" followed by a snippet; keep the first line.
    let mut first = message
        .lines()
        .next()
        .unwrap_or("invalid YAML")
        .trim()
        .to_string();
    // drop the location serde-saphyr puts in front; we print our own
    if let Some(rest) = first.strip_prefix("error: ") {
        first = rest.to_string();
    }
    if first.starts_with("line ") {
        if let Some(i) = first.find(": ") {
            first = first[i + 2..].to_string();
        }
    }
    let first = in_words(&first);
    match err.location() {
        Some(loc) if loc.line() > 0 => Error::at(path, loc.line(), loc.column(), first),
        _ => Error::input(path, first),
    }
}

/// serde-saphyr's message for a person editing the YAML: its advice to the program's author
/// ("set DuplicateKeyPolicy in Options") is dropped, and a breached budget is said in words.
fn in_words(message: &str) -> String {
    let mut m = message.to_string();
    if let Some(i) = m.find(", set ") {
        if m[i..].contains(" in Options") {
            m.truncate(i);
        }
    }
    if m.contains("duplicate mapping key") {
        m = m.replace("duplicate mapping key", "key given twice");
    }
    // a position at the end of the message repeats (or contradicts) the one printed in front
    if let Some(i) = m.find(" at line ") {
        if m[i + 9..].starts_with(|c: char| c.is_ascii_digit()) {
            m.truncate(i);
        }
    }
    if let Some(rest) = m.strip_prefix("budget breached: ") {
        let what = rest
            .split([' ', '{', '('])
            .next()
            .unwrap_or(rest)
            .to_lowercase();
        m = format!("too large or too deeply nested for mizan to read (limit on {what} reached)");
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_errors_carry_no_advice_for_programmers() {
        let e =
            serde_saphyr::from_str::<std::collections::BTreeMap<String, String>>("a: 1\na: 2\n")
                .unwrap_err();
        let msg = yaml_error(std::path::Path::new("x.yaml"), e).to_string();
        assert!(msg.starts_with("x.yaml:2:1: key given twice: a"), "{msg}");
        assert!(!msg.contains("Options"), "{msg}");
    }
}
