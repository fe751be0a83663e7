//! Command line: arguments → pipeline → outputs and exit code.
// The command line is the edge of the program: it alone prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::error::Error;
use crate::glossary::{Glossary, Layer};
use crate::names::Severity;
use crate::render::{self, context, Templates};
use crate::{corpus, report};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit codes, in one place.
pub mod exit {
    /// Everything read and written; `names --check` found nothing at or above `--severity`.
    pub const OK: i32 = 0;
    /// `names --check` found something at or above `--severity`.
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
    after_help = "Exit codes: 0 done; 1 `names --check` found a finding at or above --severity; \
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

pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mizan: {e:#}");
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
fn load(common: &Common) -> anyhow::Result<Loaded> {
    let glossary = common.glossary.load()?;
    let templates = Templates::load(common.templates.as_deref())?;
    let corpus = read_inputs(&common.inputs)?;
    let analysis = crate::run_pipeline(&glossary, corpus.articles);
    Ok(Loaded {
        glossary,
        templates,
        analysis,
        input_errors: corpus.errors.len(),
    })
}

/// Read the articles, reporting the ones that cannot be read; none at all is an error.
fn read_inputs(inputs: &[PathBuf]) -> anyhow::Result<corpus::Corpus> {
    let t = std::time::Instant::now();
    let corpus = corpus::read(inputs);
    if std::env::var_os("MIZAN_TIMING").is_some() {
        eprintln!(
            "mizan: read {} articles in {:.2?}",
            corpus.articles.len(),
            t.elapsed()
        );
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

fn write(dir: &Path, name: &str, text: &str) -> anyhow::Result<()> {
    render::write_atomic(&dir.join(name), text.as_bytes())?;
    Ok(())
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
        } => {
            let l = load(&common)?;
            let t0 = std::time::Instant::now();
            let ctx = context::build(&l.glossary, &l.analysis);
            if std::env::var_os("MIZAN_TIMING").is_some() {
                eprintln!("mizan: context built in {:.2?}", t0.elapsed());
            }
            if dump_context {
                stdout(&render::json(&ctx))?;
                return Ok(status(&l));
            }
            let timing = std::env::var_os("MIZAN_TIMING").is_some();
            let t = std::time::Instant::now();
            // render every template first, so a template error writes nothing
            let briefing = l.templates.render("briefing", &ctx)?;
            let disagreements = l.templates.render("disagreements", &ctx)?;
            let names = l.templates.render("names", &ctx)?;
            if timing {
                eprintln!("mizan: templates rendered in {:.2?}", t.elapsed());
            }
            let (facts, pages) = rayon::join(
                || {
                    let t = std::time::Instant::now();
                    let doc = report::build(&l.glossary, &l.analysis);
                    if timing {
                        eprintln!("mizan: facts document built in {:.2?}", t.elapsed());
                    }
                    let pretty = doc.articles.len() <= render::PRETTY_MAX_ARTICLES;
                    let r = render::write_json(&out.join("facts.json"), &doc, pretty);
                    if timing {
                        eprintln!("mizan: facts.json written after {:.2?}", t.elapsed());
                    }
                    r
                },
                || -> anyhow::Result<()> {
                    let html = render::html(&briefing, "mizan briefing");
                    write(&out, "briefing.md", &briefing)?;
                    write(&out, "briefing.html", &html)?;
                    write(&out, "disagreements.md", &disagreements)?;
                    write(&out, "names.md", &names)
                },
            );
            facts?;
            pages?;
            if std::env::var_os("MIZAN_TIMING").is_some() {
                eprintln!("mizan: rendered and written");
            }
            eprintln!(
                "mizan: {} articles → {}",
                l.analysis.articles.len(),
                out.display()
            );
            let code = status(&l);
            // The process exits next: the system reclaims the analysis at once, where freeing
            // its millions of small allocations one by one takes a noticeable part of a large run.
            std::mem::forget(ctx);
            std::mem::forget(l);
            Ok(code)
        }
        Command::Diff { common } => {
            let l = load(&common)?;
            let ctx = context::build(&l.glossary, &l.analysis);
            stdout(&l.templates.render("disagreements", &ctx)?)?;
            Ok(status(&l))
        }
        Command::Glossary(GlossaryCommand::Suggest { inputs, glossary }) => {
            let g = glossary.load()?;
            let corpus = read_inputs(&inputs)?;
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
                let corpus = read_inputs(&inputs)?;
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
            let l = load(&common)?;
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
            if l.input_errors > 0 {
                return Ok(exit::PARTIAL);
            }
            if check && failing > 0 {
                eprintln!(
                    "mizan: {failing} name findings at or above {}",
                    threshold.as_str()
                );
                return Ok(exit::FINDINGS);
            }
            Ok(exit::OK)
        }
    }
}
