//! The English half says only what its frames and figures hold: every line of the lede, the
//! contested section, the timeline and the quotes is rendered with the built-in partials, and
//! each figure, date and glossary name in it must come from the data the line was built from.

use super::{build, Context, Line};
use crate::glossary::{Glossary, Layer};
use crate::render::Templates;
use std::path::{Path, PathBuf};

fn briefing_of(dir: &Path, glossary: &Path) -> (Glossary, Context) {
    let story = Layer {
        path: glossary.to_path_buf(),
        text: std::fs::read_to_string(glossary).expect("glossary"),
    };
    let g = Glossary::layered(&[Layer::world(), story]).expect("glossary loads");
    let corpus = crate::corpus::read(&[dir.to_path_buf()]);
    assert!(
        !corpus.articles.is_empty(),
        "{} has articles",
        dir.display()
    );
    let an = crate::run_pipeline(&g, corpus.articles);
    let ctx = build(&g, &an);
    (g, ctx)
}

/// Numbers written with digits («1,200», «2020», «12–13»), as the pieces an English line shows.
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == ',' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches(',').to_string());
            cur.clear();
        }
    }
    out
}

/// What a line may state: its sentence's facts, its figures' values and dates, its sources.
fn allowed(l: &Line) -> String {
    let mut a: Vec<String> = l.sources.clone();
    if let Some(s) = &l.sentence {
        a.extend(s.facts.iter().cloned());
        a.push(s.date.clone());
    }
    if let Some(f) = &l.figure {
        a.push(f.what_en.clone());
        a.push(f.best_en.clone());
        a.push(f.one_sided_en.clone());
        a.push(f.reports.to_string());
        for c in &f.claims {
            a.extend([
                c.value_en.clone(),
                c.source.clone(),
                c.attributed_en.clone(),
            ]);
        }
    }
    a.join(" | ")
}

fn check_line(g: &Glossary, t: &Templates, l: &Line, what: &str) {
    let text = t.render_partial("line", l).expect("line renders");
    assert!(!text.trim().is_empty(), "{what}: empty line");
    let ok = allowed(l);
    for n in numbers(&text) {
        assert!(
            ok.contains(&n),
            "{what}: «{n}» in «{text}» is not in its data: {ok}"
        );
    }
    for e in &g.entities {
        let named = |s: &str| {
            s.match_indices(e.en.as_str()).any(|(i, m)| {
                let before = s[..i].chars().next_back();
                let after = s[i + m.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        };
        if e.en.len() > 2 && named(&text) {
            assert!(
                named(&ok),
                "{what}: «{}» in «{text}» is not in its data: {ok}",
                e.en
            );
        }
    }
}

fn check(dir: &Path, glossary: &Path) {
    let (g, ctx) = briefing_of(dir, glossary);
    let t = Templates::load(None).expect("templates");
    assert!(
        (1..=super::lede::LEDE_MAX).contains(&ctx.lede.len()),
        "{}: {} lede lines",
        dir.display(),
        ctx.lede.len()
    );
    for (i, l) in ctx.lede.iter().enumerate() {
        check_line(&g, &t, l, &format!("{} lede {i}", dir.display()));
    }
    for (i, l) in ctx.contested.iter().enumerate() {
        check_line(&g, &t, l, &format!("{} contested {i}", dir.display()));
    }
    for row in &ctx.timeline {
        let s = row
            .line
            .sentence
            .as_ref()
            .expect("a timeline row has a sentence");
        assert!(!t.render_partial("sentence", s).expect("renders").is_empty());
        assert_eq!(
            Some(row.date.as_str()),
            s.facts
                .iter()
                .find(|f| f.len() == 10 && f.as_bytes()[4] == b'-')
                .map(String::as_str),
            "a timeline row is dated by its frame's own date"
        );
        check_line(&g, &t, &row.line, "timeline");
    }
    for f in &ctx.figures {
        assert!(!f.best_en.is_empty() && !f.latest.source.is_empty() && f.reports >= 2);
    }
    assert!(ctx.figures.len() <= super::figures::KEY_FIGURES_MAX);
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demo_english_lines_state_only_their_frames() {
    check(
        &root().join("examples/karabakh"),
        &root().join("glossary.yaml"),
    );
}

#[test]
fn seed_english_lines_state_only_their_frames() {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        // the seeds are not part of the repository; CI has them beside it
        return;
    }
    check(&seeds, &root().join("glossary.yaml"));
}
