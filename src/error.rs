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
    match err.location() {
        Some(loc) if loc.line() > 0 => Error::at(path, loc.line(), loc.column(), first),
        _ => Error::input(path, first),
    }
}
