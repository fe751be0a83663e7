//! Output: the facts document as JSON, Markdown from Handlebars templates, HTML from Markdown.
//! The only stage besides `cli` that writes, and it writes atomically (temp file + rename).
//!
//! In: [`crate::report::FactsDoc`] and [`context::Context`]. Out: bytes and files.

pub mod context;
mod html;

pub use html::html;

use crate::error::{Error, Result};
use handlebars::Handlebars;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default templates, embedded in the binary: (name, file under `templates/`, source).
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "briefing",
        "briefing.md.hbs",
        include_str!("../../templates/briefing.md.hbs"),
    ),
    (
        "disagreements",
        "disagreements.md.hbs",
        include_str!("../../templates/disagreements.md.hbs"),
    ),
    (
        "names",
        "names.md.hbs",
        include_str!("../../templates/names.md.hbs"),
    ),
];

/// Partials, usable as `{{> figure-table}}` from any template.
pub const PARTIALS: &[(&str, &str, &str)] = &[
    (
        "figure-table",
        "partials/figure-table.md.hbs",
        include_str!("../../templates/partials/figure-table.md.hbs"),
    ),
    (
        "word-diff",
        "partials/word-diff.md.hbs",
        include_str!("../../templates/partials/word-diff.md.hbs"),
    ),
    (
        "sources",
        "partials/sources.md.hbs",
        include_str!("../../templates/partials/sources.md.hbs"),
    ),
    (
        "sentence",
        "partials/sentence.md.hbs",
        include_str!("../../templates/partials/sentence.md.hbs"),
    ),
    (
        "sentence-active",
        "partials/sentence-active.md.hbs",
        include_str!("../../templates/partials/sentence-active.md.hbs"),
    ),
    (
        "sentence-passive",
        "partials/sentence-passive.md.hbs",
        include_str!("../../templates/partials/sentence-passive.md.hbs"),
    ),
    (
        "sentence-noun",
        "partials/sentence-noun.md.hbs",
        include_str!("../../templates/partials/sentence-noun.md.hbs"),
    ),
    (
        "sentence-figure",
        "partials/sentence-figure.md.hbs",
        include_str!("../../templates/partials/sentence-figure.md.hbs"),
    ),
    (
        "line",
        "partials/line.md.hbs",
        include_str!("../../templates/partials/line.md.hbs"),
    ),
    (
        "framing",
        "partials/framing.md.hbs",
        include_str!("../../templates/partials/framing.md.hbs"),
    ),
];

/// Escape text for Markdown (inline and inside table cells). Handlebars' HTML escaping would
/// turn `'` into `&#x27;`; Markdown needs its own punctuation escaped instead.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `{{isolate x}}`: the escaped text between U+2068 FIRST STRONG ISOLATE and U+2069 POP
/// DIRECTIONAL ISOLATE, so a Latin source label or a date inside Arabic text (or the reverse)
/// keeps its own direction instead of reordering its neighbours.
fn isolate(
    h: &handlebars::Helper,
    _: &Handlebars,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let v = h
        .param(0)
        .ok_or_else(|| handlebars::RenderErrorReason::ParamNotFoundForIndex("isolate", 0))?;
    let text = match v.value() {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    if !text.is_empty() {
        out.write(&format!("\u{2068}{}\u{2069}", escape_md(&text)))?;
    }
    Ok(())
}

/// The compiled templates.
pub struct Templates {
    hb: Handlebars<'static>,
    /// template name → where its text came from (a file of --templates, or built in)
    origins: std::collections::BTreeMap<String, String>,
}

/// A template compile error in words.
fn template_reason(r: &handlebars::TemplateErrorReason) -> String {
    use handlebars::TemplateErrorReason as R;
    match r {
        R::MismatchingClosedHelper(open, close) => {
            format!("block `{{{{#{open}}}}}` is closed by `{{{{/{close}}}}}`")
        }
        R::InvalidSyntax(_) => "invalid Handlebars syntax: an unclosed `{{`, a stray `}}` or \
                                a block without its end"
            .to_string(),
        R::InvalidParam(p) => format!("invalid parameter `{p}`"),
        other => first_line(&other.to_string(), "invalid template"),
    }
}

/// A render error in words.
fn render_reason(r: &handlebars::RenderErrorReason) -> String {
    use handlebars::RenderErrorReason as R;
    let partials: Vec<&str> = PARTIALS.iter().map(|p| p.0).collect();
    match r {
        R::MissingVariable(v) => format!(
            "{} is not in the context (strict mode: a template may use only the fields that \
             `mizan brief --dump-context` shows)",
            v.as_deref()
                .map(|v| format!("`{v}`"))
                .unwrap_or_else(|| "a field".to_string())
        ),
        R::PartialNotFound(p) => format!(
            "no partial named `{p}` (the partials are {})",
            partials.join(", ")
        ),
        R::HelperNotFound(h) => format!(
            "no helper named `{h}` (the helpers are Handlebars' built-in ones and `isolate`)"
        ),
        R::TemplateNotFound(t) => format!("no template named `{t}`"),
        R::ParamNotFoundForIndex(h, i) => format!("`{h}` needs a parameter number {}", i + 1),
        R::InvalidParamType(t) => format!("a parameter has the wrong type: {t} expected"),
        R::TemplateError(t) => template_reason(t.reason()),
        other => first_line(&other.to_string(), "render error"),
    }
}

fn first_line(s: &str, fallback: &str) -> String {
    s.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(fallback)
        .to_string()
}

/// The partials a template includes (`{{> name}}`, `{{#> name}}`, with `~` trimming), each
/// with the 1-based line and column of its `{{`.
fn includes(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("{{") {
        let at = from + i;
        from = at + 2;
        let rest = text[at + 2..].trim_start_matches(['~', '#']).trim_start();
        let Some(rest) = rest.strip_prefix('>') else {
            continue;
        };
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
            .collect();
        if !name.is_empty() {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            out.push((name, line, col));
        }
    }
    out
}

/// Partials that include each other (directly or through others) would recurse until the
/// stack overflows: find such a cycle before rendering. `partials` is (name, origin, text).
fn check_partial_cycles(partials: &[(String, String, String)]) -> Result<()> {
    let edges: std::collections::BTreeMap<&str, Vec<(String, usize, usize)>> = partials
        .iter()
        .map(|(n, _, t)| (n.as_str(), includes(t)))
        .collect();
    // depth-first from each partial, in name order, following includes of known partials
    fn walk<'a>(
        node: &'a str,
        edges: &'a std::collections::BTreeMap<&str, Vec<(String, usize, usize)>>,
        path: &mut Vec<(&'a str, usize, usize)>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) -> Option<Vec<(&'a str, usize, usize)>> {
        if done.contains(node) {
            return None;
        }
        for (target, line, col) in edges.get(node).into_iter().flatten() {
            let Some((t, _)) = edges.get_key_value(target.as_str()) else {
                continue;
            };
            path.push((node, *line, *col));
            if let Some(i) = path.iter().position(|p| p.0 == *t) {
                let mut cycle = path[i..].to_vec();
                cycle.push((t, 0, 0));
                return Some(cycle);
            }
            if let Some(c) = walk(t, edges, path, done) {
                return Some(c);
            }
            path.pop();
        }
        done.insert(node);
        None
    }
    let mut done = std::collections::BTreeSet::new();
    for name in edges.keys() {
        if let Some(cycle) = walk(name, &edges, &mut Vec::new(), &mut done) {
            let (first, line, col) = cycle[0];
            let origin = partials
                .iter()
                .find(|p| p.0 == first)
                .map_or(first.to_string(), |p| p.1.clone());
            let names: Vec<&str> = cycle.iter().map(|c| c.0).collect();
            return Err(Error::Template {
                name: format!("{origin}:{line}:{col}"),
                message: format!("partials include each other: {}", names.join(" → ")),
            });
        }
    }
    Ok(())
}

fn template_error(origin: &str, e: &handlebars::TemplateError) -> Error {
    let reason = template_reason(e.reason());
    match e.pos() {
        Some((line, col)) => Error::Template {
            name: format!("{origin}:{line}:{col}"),
            message: reason,
        },
        None => Error::Template {
            name: origin.to_string(),
            message: reason,
        },
    }
}

impl Templates {
    /// The embedded templates, each replaced by the file of the same name in `overrides`
    /// (`briefing.md.hbs`, `partials/figure-table.md.hbs`, …). An unknown file there, or one
    /// that does not compile, is an error naming it.
    pub fn load(overrides: Option<&Path>) -> Result<Templates> {
        let mut hb = Handlebars::new();
        let mut origins = std::collections::BTreeMap::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(escape_md);
        hb.register_helper("isolate", Box::new(isolate));
        let source = |file: &str, default: &'static str| -> Result<(String, String)> {
            if let Some(dir) = overrides {
                let p = dir.join(file);
                if p.is_file() {
                    let text = std::fs::read_to_string(&p).map_err(|e| Error::Io {
                        path: p.clone(),
                        source: e,
                    })?;
                    return Ok((text, p.display().to_string()));
                }
            }
            Ok((default.to_string(), format!("templates/{file} (built in)")))
        };
        if let Some(dir) = overrides {
            check_known(dir)?;
        }
        let mut partials = Vec::new();
        for (name, file, default) in PARTIALS {
            let (mut text, origin) = source(file, default)?;
            if name.starts_with("sentence") || *name == "line" {
                // a sentence is inline: the file's final newline would break its line
                text.truncate(text.trim_end_matches(['\n', '\r']).len());
            }
            hb.register_partial(name, &text)
                .map_err(|e| template_error(&origin, &e))?;
            origins.insert(name.to_string(), origin.clone());
            partials.push((name.to_string(), origin, text));
        }
        check_partial_cycles(&partials)?;
        for (name, file, default) in TEMPLATES {
            let (text, origin) = source(file, default)?;
            hb.register_template_string(name, text)
                .map_err(|e| template_error(&origin, &e))?;
            origins.insert(name.to_string(), origin);
        }
        Ok(Templates { hb, origins })
    }

    /// One partial on its own data: `render_partial("sentence", &s)` is the English line the
    /// briefing shows for `s`.
    pub fn render_partial<T: serde::Serialize>(&self, partial: &str, ctx: &T) -> Result<String> {
        self.hb
            .render_template(&format!("{{{{> {partial}}}}}"), ctx)
            .map_err(|e| Error::Template {
                name: partial.to_string(),
                message: render_reason(e.reason()),
            })
    }

    pub fn render<T: serde::Serialize>(&self, name: &str, ctx: &T) -> Result<String> {
        let ctx = handlebars::Context::wraps(ctx).map_err(|e| self.error(name, e))?;
        self.render_value(name, &ctx)
    }

    /// The context as Handlebars reads it: converted once for several templates.
    pub fn value<T: serde::Serialize>(&self, ctx: &T) -> Result<handlebars::Context> {
        handlebars::Context::wraps(ctx).map_err(|e| self.error("context", e))
    }

    /// Render with a context [`Templates::value`] converted.
    pub fn render_value(&self, name: &str, ctx: &handlebars::Context) -> Result<String> {
        self.hb
            .render_with_context(name, ctx)
            .map_err(|e| self.error(name, e))
    }

    /// A render error as the template (or partial) where it failed, with its line and column.
    fn error(&self, name: &str, e: handlebars::RenderError) -> Error {
        let at = e.template_name.clone().unwrap_or_else(|| name.to_string());
        let origin = self.origins.get(&at).cloned().unwrap_or(at);
        let reason = render_reason(e.reason());
        match (e.line_no, e.column_no) {
            (Some(l), Some(c)) => Error::Template {
                name: format!("{origin}:{l}:{c}"),
                message: reason,
            },
            _ => Error::Template {
                name: origin,
                message: reason,
            },
        }
    }
}

fn check_known(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Err(Error::input(dir, "--templates is not a folder"));
    }
    let known: Vec<&str> = TEMPLATES.iter().chain(PARTIALS).map(|t| t.1).collect();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| Error::Io {
            path: d.clone(),
            source: e,
        })?;
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "hbs") {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                if !known.contains(&rel.as_str()) {
                    return Err(Error::input(
                        &p,
                        format!("unknown template; the templates are {}", known.join(", ")),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half a file and a failed run leaves the old file in place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, |w| w.write_all(bytes))?.commit()
}

/// An output written in full to a temporary file beside its destination, waiting for
/// [`commit_all`]. Dropped without a commit, it removes its temporary file.
#[derive(Debug)]
#[must_use = "a staged file is only written by commit"]
pub struct Staged {
    tmp: PathBuf,
    dest: PathBuf,
}

impl Staged {
    /// Rename the temporary file onto its destination.
    pub fn commit(self) -> Result<()> {
        let r = std::fs::rename(&self.tmp, &self.dest).map_err(|e| Error::Io {
            path: self.dest.clone(),
            source: e,
        });
        if r.is_ok() {
            std::mem::forget(self);
        }
        r
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Rename every staged output onto its destination: called only when all were written, so a
/// full disk or a failed render leaves the previous outputs as they were, never half a set.
pub fn commit_all(staged: Vec<Staged>) -> Result<()> {
    staged.into_iter().try_for_each(Staged::commit)
}

/// Write the contents `fill` streams into a temporary file beside `path` (synced to disk); the
/// destination is untouched until [`Staged::commit`].
pub fn stage(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<Staged> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staged = Staged {
        tmp: dir.join(format!(".{name}.tmp{}", std::process::id())),
        dest: path.to_path_buf(),
    };
    let written = (|| {
        let f = std::fs::File::create(&staged.tmp)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()
    })();
    written.map_err(io)?;
    Ok(staged)
}

/// Stage a value as JSON (with a final newline), streaming: indented when `pretty` (for
/// documents people open), compact otherwise (large runs write faster).
pub fn stage_json<T: serde::Serialize>(path: &Path, value: &T, pretty: bool) -> Result<Staged> {
    stage(path, |w| {
        if pretty {
            serde_json::to_writer_pretty(&mut *w, value).map_err(std::io::Error::other)?;
        } else {
            serde_json::to_writer(&mut *w, value).map_err(std::io::Error::other)?;
        }
        w.write_all(b"\n")
    })
}

/// Up to this many articles facts.json is indented; above, it is compact.
pub const PRETTY_MAX_ARTICLES: usize = 1000;

pub fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("the facts document serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escape_keeps_apostrophes_and_escapes_pipes() {
        assert_eq!(escape_md("it's a|b *c*"), "it's a\\|b \\*c\\*");
        assert_eq!(escape_md("سطر\nثان"), "سطر ثان");
    }

    #[test]
    fn isolate_wraps_embedded_text_in_bidi_isolates() {
        let mut hb = Handlebars::new();
        hb.register_escape_fn(escape_md);
        hb.register_helper("isolate", Box::new(isolate));
        let out = hb
            .render_template(
                "مصدر {{isolate s}}",
                &serde_json::json!({"s": "Demo Wire (01)"}),
            )
            .unwrap();
        assert_eq!(out, "مصدر \u{2068}Demo Wire (01)\u{2069}");
    }

    #[test]
    fn partials_that_include_each_other_are_found_with_their_place() {
        let p = |n: &str, t: &str| (n.to_string(), format!("{n}.hbs"), t.to_string());
        let e = check_partial_cycles(&[
            p("a", "x\n  {{> b}}"),
            p("b", "{{#each xs}}{{~> a }}{{/each}}"),
            p("c", "{{> a}}"),
        ])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.hbs:2:3: partials include each other: a → b → a"
        );
        let e = check_partial_cycles(&[p("s", "{{> s}}")]).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("partials include each other: s → s"),
            "{e}"
        );
        assert!(check_partial_cycles(&[p("a", "{{> b}}"), p("b", "{{x}} {{> unknown}}")]).is_ok());
    }

    #[test]
    fn embedded_templates_compile() {
        Templates::load(None).unwrap();
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn staged_outputs_appear_only_on_commit_and_vanish_when_dropped() {
        let d = tempfile::tempdir().unwrap();
        let a = stage(&d.path().join("a.md"), |w| w.write_all(b"a")).unwrap();
        let b = stage(&d.path().join("b.md"), |w| w.write_all(b"b")).unwrap();
        assert!(
            !d.path().join("a.md").exists(),
            "nothing renamed before commit"
        );
        commit_all(vec![a, b]).unwrap();
        assert_eq!(std::fs::read_to_string(d.path().join("b.md")).unwrap(), "b");
        let c = stage(&d.path().join("c.md"), |w| w.write_all(b"c")).unwrap();
        let failed = stage(&d.path().join("d.md"), |_| {
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.unwrap_err().to_string().contains("disk full"));
        drop(c);
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            2,
            "only a.md and b.md"
        );
    }
}
