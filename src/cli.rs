//! Command line: arguments → pipeline → outputs and exit code.

use crate::error::Error;
use crate::glossary::Glossary;
use crate::{corpus, render, report};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit codes, in one place.
pub mod exit {
    /// Everything read and written.
    pub const OK: i32 = 0;
    /// `names --check` found something at or above `--severity`.
    pub const FINDINGS: i32 = 1;
    /// Bad arguments, glossary or template: nothing was done.
    pub const FATAL: i32 = 2;
    /// Some inputs could not be read; the others were processed and written.
    pub const PARTIAL: i32 = 3;
}

#[derive(Parser, Debug)]
#[command(
    name = "mizan",
    version,
    about = "Weigh Arabic news sources against each other"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles and write facts.json (and the briefing) to --out.
    Brief {
        /// Files (.txt, .md, .jsonl) and folders.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The glossary.
        #[arg(long, default_value = "glossary.yaml")]
        glossary: PathBuf,
        /// Where to write.
        #[arg(long, default_value = "out")]
        out: PathBuf,
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

fn report_errors(errors: &[Error]) {
    for e in errors {
        eprintln!("mizan: {e}");
    }
}

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Brief {
            inputs,
            glossary,
            out,
        } => {
            let g = Glossary::load(&glossary)?;
            let corpus = corpus::read(&inputs);
            report_errors(&corpus.errors);
            let analysis = crate::run_pipeline(&g, corpus.articles);
            let doc = report::build(&g, &analysis);
            render::write_atomic(&out.join("facts.json"), render::json(&doc).as_bytes())?;
            Ok(if corpus.errors.is_empty() {
                exit::OK
            } else {
                exit::PARTIAL
            })
        }
    }
}
