//! Command line: arguments → pipeline → outputs and exit code.
// The command line is the edge of the program: it alone prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::error::Error;
use crate::glossary::{Glossary, Layer};
use crate::names::Severity;
use crate::render::{self, context, Templates};
use crate::{corpus, lap, report};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit codes, in one place.
pub mod exit {
    /// Everything read and written; `names --check` found nothing at or above `--severity`.
    pub const OK: i32 = 0;
    /// `names --check` found something at or above `--severity` (even when some inputs could
    /// not be read: findings take precedence over [`PARTIAL`]).
    pub const FINDINGS: i32 = 1;
    /// Bad arguments, glossary or template, or an output that could not be written.
    pub const FATAL: i32 = 2;
    /// Some inputs could not be read; the others were processed and written.
    pub const PARTIAL: i32 = 3;
}

#[derive(Parser, Debug)]
#[command(
    name = "mizan",
    version,
    about = "Weigh Arabic news sources against each other",
    after_help = "Exit codes: 0 done; 1 `names --check` found a finding at or above --severity \
                  (even if some inputs could not be read); \
                  2 bad arguments, glossary or template (nothing written); 3 some inputs could not be \
                  read (the others were processed).\nMIZAN_TIMING=1 prints stage timings on stderr."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug)]
pub struct Common {
    /// Article files (.txt, .md with front matter, .jsonl feeds) and folders (a folder's
    /// sources.yaml gives dates and outlets).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// The largest article read: a .txt or .md file, or one line of a feed (`5MB`, `200kB`,
    /// or bytes).
    #[arg(long, default_value = "5MB", value_parser = parse_size)]
    pub max_article_size: u64,
    /// A folder of templates that replace the built-in ones file by file.
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

#[derive(clap::Args, Debug, Default)]
pub struct GlossaryArgs {
    /// A story glossary (names, measures, events), layered over the built-in world glossary.
    /// Repeatable: later files extend earlier ones; an id defined twice is an error unless the
    /// later entry says `override: true`. Default: ./glossary.yaml when it exists.
    #[arg(long = "glossary", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Do not use the built-in world glossary (countries, capitals, organisations, outlets,
    /// heads of state).
    #[arg(long)]
    pub no_world_glossary: bool,
}

impl GlossaryArgs {
    /// The glossary for `brief`, `diff` and `names`: a story glossary is required (the world
    /// glossary alone knows no story's people); a missing one stops the run with a hint.
    pub fn load_story(&self) -> anyhow::Result<Glossary> {
        if self.files.is_empty() && !Path::new("glossary.yaml").exists() {
            return Err(Error::Usage(
                "no glossary: glossary.yaml is not in this folder; name the story's glossary with \
                 --glossary FILE, or draft one with `mizan glossary suggest ARTICLES... > glossary.yaml`"
                    .to_string(),
            )
            .into());
        }
        self.load()
    }

    /// The glossary layers in order: the world glossary, then the story files.
    pub fn layers(&self) -> anyhow::Result<Vec<Layer>> {
        let mut layers = Vec::new();
        if !self.no_world_glossary {
            layers.push(Layer::world());
        }
        if self.files.is_empty() {
            let default = Path::new("glossary.yaml");
            if default.exists() {
                layers.push(Layer::read(default)?);
            } else if self.no_world_glossary {
                return Err(Error::Usage(
                    "no glossary: name the story's glossary with --glossary FILE, or draft one \
                     with `mizan glossary suggest ARTICLES... > glossary.yaml`"
                        .to_string(),
                )
                .into());
            } else {
                eprintln!(
                    "mizan: no ./glossary.yaml and no --glossary: using the world glossary alone \
                     (draft a story glossary with `mizan glossary suggest ARTICLES... > glossary.yaml`)"
                );
            }
        }
        for f in &self.files {
            layers.push(Layer::read(f)?);
        }
        Ok(layers)
    }

    pub fn load(&self) -> anyhow::Result<Glossary> {
        Ok(Glossary::layered(&self.layers()?)?)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A line per finding, for people.
    Human,
    /// The `names` and `suggestions` sections of facts.json.
    Json,
    /// names.md.
    Markdown,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write the briefing: facts.json, briefing.md, briefing.html, disagreements.md, names.md.
    Brief {
        #[command(flatten)]
        common: Common,
        /// Where to write.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Print the template context as JSON and write nothing.
        #[arg(long)]
        dump_context: bool,
        /// Print the clauses, figures, dates, quotes and frames of one sentence
        /// (ARTICLE:N, a sentence id of facts.json) and write nothing.
        #[arg(long, value_name = "ARTICLE:SENTENCE")]
        explain: Option<String>,
    },
    /// Print where the sources disagree (figures and reworded sentences) as Markdown.
    Diff {
        #[command(flatten)]
        common: Common,
    },
    /// Check how each source spells each name.
    Names {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Exit with 1 when there is a finding at or above --severity.
        #[arg(long)]
        check: bool,
        /// The lowest severity that fails --check.
        #[arg(long, value_enum, default_value = "warning")]
        severity: Level,
    },
    /// Draft or check a story glossary.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
}

#[derive(Subcommand, Debug)]
pub enum GlossaryCommand {
    /// Print a draft story glossary (YAML) of the names in the articles that no glossary has
    /// yet: people after titles, places after مدينة/بلدة…, organisations after وزارة/حزب…, and
    /// transliterated words that recur. Check every entry (the English forms are guesses).
    Suggest {
        /// Article files and folders.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        glossary: GlossaryArgs,
    },
    /// Lint the glossary; with articles, also report spellings and triggers that never match,
    /// variants that are another entity's adjective, and names matched after a place word.
    Check {
        /// Article files and folders (optional).
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        glossary: GlossaryArgs,
    },
}

/// `5MB`, `200kB`, `1000`: a size in bytes (decimal units, as disks are sold).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 5MB, 200kB or 1000"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        _ => return Err(format!("{s:?}: the unit is one of B, kB, MB, GB")),
    };
    match n.checked_mul(mult) {
        Some(0) | None => Err(format!("{s:?} is not a usable size")),
        Some(v) => Ok(v),
    }
}

/// An error and its causes, each said once (an I/O error's reason is often already part of
/// the message that wraps it).
pub fn describe(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}

pub fn main() -> i32 {
    crate::started();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mizan: {}", describe(&e));
            exit::FATAL
        }
    }
}

struct Loaded {
    glossary: Glossary,
    templates: Templates,
    analysis: crate::Analysis,
    input_errors: usize,
}

/// Glossary and templates first (a bad one stops the run before any work), then the articles
/// (a bad one is reported and skipped).
fn load(common: &Common, skip: &[PathBuf]) -> anyhow::Result<Loaded> {
    let glossary = common.glossary.load_story()?;
    let templates = Templates::load(common.templates.as_deref())?;
    let opts = corpus::Options {
        max_article_bytes: common.max_article_size,
        skip: skip.to_vec(),
    };
    let corpus = read_inputs(&common.inputs, &opts)?;
    let analysis = crate::run_pipeline(&glossary, corpus.articles);
    Ok(Loaded {
        glossary,
        templates,
        analysis,
        input_errors: corpus.errors.len(),
    })
}

/// Read the articles, reporting the ones that cannot be read; none at all is an error.
fn read_inputs(inputs: &[PathBuf], opts: &corpus::Options) -> anyhow::Result<corpus::Corpus> {
    let t = std::time::Instant::now();
    let corpus = corpus::read_with(inputs, opts);
    if std::env::var_os("MIZAN_TIMING").is_some() {
        eprintln!(
            "mizan: read {} articles in {:.2?}",
            corpus.articles.len(),
            t.elapsed()
        );
    }
    for e in &corpus.notes {
        eprintln!("mizan: note: {e}");
    }
    for e in &corpus.errors {
        eprintln!("mizan: {e}");
    }
    if corpus.articles.is_empty() {
        return Err(Error::Usage("no article could be read".to_string()).into());
    }
    Ok(corpus)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

fn status(l: &Loaded) -> i32 {
    if l.input_errors > 0 {
        exit::PARTIAL
    } else {
        exit::OK
    }
}

fn stage(dir: &Path, name: &str, text: &str) -> crate::error::Result<render::Staged> {
    render::stage(&dir.join(name), |w| w.write_all(text.as_bytes()))
}

/// `--out` must be a folder (or not exist yet), and no output name in it a folder: found
/// before any work, so that a run never fails half-way through renaming its outputs.
fn check_out(out: &Path) -> anyhow::Result<()> {
    if std::fs::metadata(out).is_ok_and(|md| !md.is_dir()) {
        let msg = format!("--out {}: is a file, not a folder", out.display());
        return Err(Error::Usage(msg).into());
    }
    for name in corpus::OUTPUT_FILES {
        let p = out.join(name);
        if p.is_dir() {
            let msg = format!(
                "{}: is a folder; mizan writes its {name} there",
                p.display()
            );
            return Err(Error::Usage(msg).into());
        }
    }
    Ok(())
}

/// The line `brief` ends with: what was written, and what a reader will find in it.
fn summary(l: &Loaded, out: &Path) -> String {
    let figures: usize = l
        .analysis
        .articles
        .iter()
        .map(|a| a.facts.numbers.len())
        .sum();
    let groups = &l.analysis.comparison.figures;
    let conflicts = groups
        .iter()
        .filter(|g| g.status == crate::compare::Status::Conflict)
        .count();
    let findings: usize = l
        .analysis
        .names
        .entities
        .iter()
        .map(|e| e.findings.len())
        .sum();
    format!(
        "mizan: {} articles → {}: {}\nmizan: {figures} figures, {} figure groups ({conflicts} in conflict), {findings} name findings",
        l.analysis.articles.len(),
        out.display(),
        corpus::OUTPUT_FILES.join(", "),
        groups.len(),
    )
}

/// Build the facts document (borrowed views of the analysis) and stage facts.json.
fn stage_facts(l: &Loaded, out: &Path) -> crate::error::Result<render::Staged> {
    let doc = report::build(&l.glossary, &l.analysis);
    lap("facts document built");
    let pretty = l.analysis.articles.len() <= render::PRETTY_MAX_ARTICLES;
    let staged = render::stage_json(&out.join("facts.json"), &doc, pretty);
    lap("facts.json written");
    staged
}

/// Build the template context, render the reports and stage them.
fn stage_pages(l: &Loaded, out: &Path) -> crate::error::Result<Vec<render::Staged>> {
    let ctx = context::build(&l.glossary, &l.analysis);
    lap("context built");
    let value = l.templates.value(&ctx)?;
    // freed before the templates render: a lower peak of memory
    drop(ctx);
    // the three reports render in parallel: the other thread takes one when facts.json is done
    let page = |name: &str| l.templates.render_value(name, &value);
    let (briefing, (disagreements, names)) = rayon::join(
        || page("briefing").map(|md| (render::html(&md, "mizan briefing"), md)),
        || rayon::join(|| page("disagreements"), || page("names")),
    );
    // a failed template is reported in the order the reports were rendered before
    let ((html, briefing), disagreements, names) = (briefing?, disagreements?, names?);
    lap("templates rendered");
    // the process exits soon: freeing the converted context's many small values is left to it
    std::mem::forget(value);
    Ok(vec![
        stage(out, "briefing.md", &briefing)?,
        stage(out, "briefing.html", &html)?,
        stage(out, "disagreements.md", &disagreements)?,
        stage(out, "names.md", &names)?,
    ])
}

fn stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Brief {
            common,
            out,
            dump_context,
            explain,
        } => {
            if explain.is_none() {
                check_out(&out)?;
            }
            let l = load(&common, std::slice::from_ref(&out))?;
            if let Some(id) = explain {
                return match crate::explain::explain(&l.glossary, &l.analysis, &id) {
                    Ok(text) => stdout(&text).map(|_| status(&l)),
                    Err(msg) => {
                        eprintln!("mizan: {msg}");
                        Ok(exit::FATAL)
                    }
                };
            }
            if dump_context {
                let ctx = context::build(&l.glossary, &l.analysis);
                stdout(&render::json(&ctx))?;
                return Ok(status(&l));
            }
            // the facts document is built and written while the reports render; each output is
            // staged in a temporary file, so a template error leaves every output as it was
            let (facts, pages) = rayon::join(|| stage_facts(&l, &out), || stage_pages(&l, &out));
            // every output is renamed into place only when all of them were written
            let (facts, pages) = (facts?, pages?);
            render::commit_all(std::iter::once(facts).chain(pages).collect())?;
            lap("rendered and written");
            eprintln!("{}", summary(&l, &out));
            let code = status(&l);
            // The process exits next: the system reclaims the analysis at once, where freeing
            // its millions of small allocations one by one takes a noticeable part of a large run.
            std::mem::forget(l);
            Ok(code)
        }
        Command::Diff { common } => {
            let l = load(&common, &[])?;
            let ctx = context::build(&l.glossary, &l.analysis);
            stdout(&l.templates.render("disagreements", &ctx)?)?;
            Ok(status(&l))
        }
        Command::Glossary(GlossaryCommand::Suggest { inputs, glossary }) => {
            let g = glossary.load()?;
            let corpus = read_inputs(&inputs, &corpus::Options::default())?;
            let draft = crate::draft::suggest(&g, &corpus.articles);
            stdout(&draft.to_yaml())?;
            Ok(if corpus.errors.is_empty() {
                exit::OK
            } else {
                exit::PARTIAL
            })
        }
        Command::Glossary(GlossaryCommand::Check { inputs, glossary }) => {
            let g = glossary.load()?;
            let (analysis, errors) = if inputs.is_empty() {
                (None, 0)
            } else {
                let corpus = read_inputs(&inputs, &corpus::Options::default())?;
                let n = corpus.errors.len();
                (Some(crate::run_pipeline(&g, corpus.articles)), n)
            };
            let findings = crate::lint::check(&g, analysis.as_ref());
            let mut text = String::new();
            for f in &findings {
                text.push_str(&f.to_string());
                text.push('\n');
            }
            text.push_str(&format!(
                "{} entities in {} layer(s); {} finding(s)\n",
                g.entities.len(),
                g.layers.len(),
                findings.len()
            ));
            stdout(&text)?;
            Ok(if errors > 0 {
                exit::PARTIAL
            } else if findings.iter().any(|f| f.severity >= Severity::Warning) {
                exit::FINDINGS
            } else {
                exit::OK
            })
        }
        Command::Names {
            common,
            format,
            check,
            severity,
        } => {
            let l = load(&common, &[])?;
            let g = &l.glossary;
            let arts = &l.analysis.articles;
            match format {
                Format::Json => {
                    let doc = report::build(g, &l.analysis);
                    let v =
                        serde_json::json!({ "names": doc.names, "suggestions": doc.suggestions });
                    stdout(&render::json(&v))?;
                }
                Format::Markdown => {
                    let ctx = context::build(g, &l.analysis);
                    stdout(&l.templates.render("names", &ctx)?)?;
                }
                Format::Human => {
                    // most severe first; a finding about one place says where (path:line:col)
                    let mut rows: Vec<(crate::names::Severity, String)> = Vec::new();
                    for en in &l.analysis.names.entities {
                        for f in &en.findings {
                            let place = match f.article {
                                Some(a) => {
                                    let art = &arts[a].article;
                                    match f.sentence {
                                        Some(si) => {
                                            let (line, col) =
                                                line_col(&art.text, art.sentences[si].start);
                                            format!("{}:{line}:{col}", art.path)
                                        }
                                        None => art.path.clone(),
                                    }
                                }
                                None => "(all sources)".to_string(),
                            };
                            rows.push((
                                f.kind.severity(),
                                format!(
                                    "{place}: {} [{}] {}: {}\n",
                                    f.kind.severity().as_str(),
                                    f.kind.as_str(),
                                    g.entities[en.entity].id,
                                    f.message
                                ),
                            ));
                        }
                    }
                    // names the glossary ties together with same_as (contested naming)
                    for en in &l.analysis.names.entities {
                        let e = &g.entities[en.entity];
                        if let Some((t, note)) = &e.same_as {
                            rows.push((
                                Severity::Info,
                                format!(
                                    "(all sources): info [same_as] {}: «{}» ({}) is the same as «{}» ({}): {}\n",
                                    e.id, e.ar, e.en, g.entities[*t].ar, g.entities[*t].en, note.en
                                ),
                            ));
                        }
                    }
                    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
                    let mut text: String = rows.into_iter().map(|r| r.1).collect();
                    let yaml = context::suggestions_yaml(g, &l.analysis);
                    if !yaml.is_empty() {
                        text.push_str(
                            "\n# Suggestions for glossary.yaml (mizan never edits it):\n",
                        );
                        text.push_str(&yaml);
                    }
                    stdout(&text)?;
                }
            }
            let threshold: Severity = severity.into();
            let failing = l
                .analysis
                .names
                .entities
                .iter()
                .flat_map(|e| &e.findings)
                .filter(|f| f.kind.severity() >= threshold)
                .count();
            // findings decide first: a CI gate must fail on them even when some inputs (listed
            // above) could not be read
            if check && failing > 0 {
                eprintln!(
                    "mizan: {failing} name findings at or above {}",
                    threshold.as_str()
                );
                return Ok(exit::FINDINGS);
            }
            Ok(status(&l))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_decimal_units() {
        assert_eq!(parse_size("5MB"), Ok(5_000_000));
        assert_eq!(parse_size("200kB"), Ok(200_000));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }

    #[test]
    fn an_error_chain_says_each_reason_once() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let reason = io.to_string();
        let e: anyhow::Error = Error::Io {
            path: "g.yaml".into(),
            source: io,
        }
        .into();
        let text = describe(&e.context("loading"));
        assert_eq!(text.matches(&reason).count(), 1, "{text}");
        assert!(text.starts_with("loading: g.yaml: "), "{text}");
    }
}
