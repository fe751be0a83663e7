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
    if m.starts_with("alias replay limit exceeded") {
        m = "aliases (*name) expand to more than mizan reads".to_string();
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

/// The most YAML nodes (mappings, lists and scalars) a glossary may hold: room for 200,000
/// entities with their variants, roles and notes (about 20 nodes each). Aliases stay under
/// serde-saphyr's default limits, so an alias bomb is still refused.
pub const GLOSSARY_MAX_NODES: usize = 8_000_000;

/// The serde-saphyr options a glossary is read with: [`GLOSSARY_MAX_NODES`] nodes (and two
/// parser events per node), the default limits on aliases, anchors, depth and text size.
pub fn glossary_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: GLOSSARY_MAX_NODES,
            max_events: 2 * GLOSSARY_MAX_NODES,
        },
    }
}

/// [`yaml_error`] for a glossary read with [`glossary_options`]: a breached budget says
/// "glossary too large (limit N nodes)".
pub fn glossary_yaml_error(path: &std::path::Path, err: serde_saphyr::Error) -> Error {
    let m = err.to_string();
    if m.contains("budget breached") || m.contains("alias replay limit") {
        return Error::input(
            path,
            format!("glossary too large (limit {GLOSSARY_MAX_NODES} nodes)"),
        );
    }
    yaml_error(path, err)
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

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "parses 200,000 entities: seconds in release (`cargo test --release`), half a minute in debug"
    )]
    fn a_glossary_budget_fits_200k_entities_and_refuses_an_alias_bomb() {
        use std::fmt::Write;
        let mut y = String::from("entities:\n");
        for i in 0..200_000 {
            writeln!(
                y,
                "  - {{id: e{i}, kind: person, en: E{i}, ar: اسم{i}, role: {{en: r, ar: ر}}, variants: [ا{i}, ب{i}], short: [ج{i}]}}"
            )
            .unwrap();
        }
        // every node is parsed and counted; IgnoredAny keeps the test quick
        let fits =
            serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(&y, glossary_options());
        assert!(fits.is_ok(), "200,000 entities fit the budget: {fits:?}");
        // the default budget would have refused it
        assert!(serde_saphyr::from_str::<serde::de::IgnoredAny>(&y).is_err());

        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let alias = format!("*a{}", i - 1);
            let list = [alias.as_str(); 10].join(", ");
            writeln!(bomb, "a{i}: &a{i} [{list}]").unwrap();
        }
        let e = serde_saphyr::from_str_with_options::<serde_json::Value>(&bomb, glossary_options())
            .unwrap_err();
        let msg = glossary_yaml_error(std::path::Path::new("g.yaml"), e).to_string();
        assert_eq!(
            msg,
            format!("g.yaml: glossary too large (limit {GLOSSARY_MAX_NODES} nodes)")
        );
    }
}
