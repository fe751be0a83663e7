//! Glossary (+ analysed articles) → lint findings (`mizan glossary check`).
//!
//! In: the layered glossary and, when articles are given, the analysis of them. Out:
//! [`LintFinding`]s: spellings a later layer took from an earlier entity, variants that are an
//! inflected nationality adjective, and — with articles — spellings and triggers that never
//! matched, measures that never fire, and organisation names matched right after a place word.

use crate::glossary::{FormKind, Glossary, Term};
use crate::lexicon;
use crate::names::Severity;
use crate::normalize::{self, Normalized};
use crate::Analysis;
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct LintFinding {
    pub severity: Severity,
    pub kind: &'static str,
    /// `file:line:col`, or the glossary file.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for LintFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} [{}] {}",
            self.at,
            self.severity.as_str(),
            self.kind,
            self.message
        )
    }
}

fn layer_name(g: &Glossary, e: usize) -> String {
    g.layers[g.entities[e].layer].display().to_string()
}

/// Every finding, most severe first.
pub fn check(g: &Glossary, analysis: Option<&Analysis>) -> Vec<LintFinding> {
    let mut out = Vec::new();
    for s in &g.shadowed {
        out.push(LintFinding {
            severity: Severity::Info,
            kind: "shadowed",
            at: s.at.clone(),
            message: format!(
                "«{}» is claimed by {} here and by {} in an earlier glossary: the later glossary wins it",
                s.spelling, s.won_by, s.lost_by
            ),
        });
    }
    adjective_variants(g, &mut out);
    if let Some(a) = analysis {
        unused_spellings(g, a, &mut out);
        unused_triggers(g, a, &mut out);
        after_place_words(g, a, &mut out);
    }
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.at.cmp(&b.at)));
    out
}

/// A variant or name that is also a nationality adjective with an ending (سورية = سوري + ة):
/// in «السورية» it is the adjective.
fn adjective_variants(g: &Glossary, out: &mut Vec<LintFinding>) {
    for (ei, e) in g.entities.iter().enumerate() {
        for s in e.spellings.iter().filter(|s| s.kind != FormKind::Adjective) {
            for (oi, o) in g.entities.iter().enumerate() {
                if g.is_world(ei) && g.is_world(oi) {
                    continue;
                }
                for adj in o.spellings.iter().filter(|s| s.kind == FormKind::Adjective) {
                    let Some(rest) = s.key.as_str().strip_prefix(adj.key.as_str()) else {
                        continue;
                    };
                    // ا is the accusative ending (روسياً), never after ال: روسيا is no adjective
                    if rest.is_empty()
                        || rest == "ا"
                        || !lexicon::ADJECTIVE_SUFFIXES.contains(&rest)
                    {
                        continue;
                    }
                    let (severity, whose) = if oi == ei {
                        (Severity::Info, "its own".to_string())
                    } else {
                        (Severity::Warning, format!("{}'s", o.id))
                    };
                    out.push(LintFinding {
                        severity,
                        kind: "adjective_variant",
                        at: layer_name(g, ei),
                        message: format!(
                            "{}: «{}» is also {whose} adjective «{}» with an ending; after ال it is read as the adjective",
                            e.id, s.text, adj.text
                        ),
                    });
                }
            }
        }
    }
}

/// Story-layer spellings that no article used.
fn unused_spellings(g: &Glossary, a: &Analysis, out: &mut Vec<LintFinding>) {
    let used: HashSet<(usize, usize)> = a
        .articles
        .iter()
        .flat_map(|x| x.mentions.iter().map(|m| (m.entity, m.spelling)))
        .collect();
    for (ei, e) in g.entities.iter().enumerate() {
        if g.is_world(ei) {
            continue;
        }
        let unused: Vec<&str> = e
            .spellings
            .iter()
            .enumerate()
            .filter(|(si, _)| !used.contains(&(ei, *si)))
            .map(|(_, s)| s.text.as_str())
            .collect();
        if unused.is_empty() {
            continue;
        }
        let message = if unused.len() == e.spellings.len() {
            format!("{}: no spelling matched in the articles", e.id)
        } else {
            format!(
                "{}: never matched: {}",
                e.id,
                unused
                    .iter()
                    .map(|s| format!("«{s}»"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push(LintFinding {
            severity: Severity::Info,
            kind: "unused_spelling",
            at: layer_name(g, ei),
            message,
        });
    }
}

/// Triggers that never matched a word, and measures, subjects and events none of whose
/// triggers did.
fn unused_triggers(g: &Glossary, a: &Analysis, out: &mut Vec<LintFinding>) {
    let mut keys = Vec::new();
    for x in &a.articles {
        keys.push(Normalized::new(&x.article.text).key().to_string());
    }
    let lists: [(&[Term], &str); 3] = [
        (&g.measures, "measure"),
        (&g.subjects, "subject"),
        (&g.events, "event"),
    ];
    for (terms, what) in lists {
        for t in terms {
            let mut fired = vec![false; t.triggers.len()];
            for k in &keys {
                let ws: Vec<&str> = normalize::words(k)
                    .iter()
                    .map(|w| &k[w.start..w.end])
                    .collect();
                for i in 0..ws.len() {
                    for (ti, tr) in t.triggers.iter().enumerate() {
                        if !fired[ti] && tr.matches(&ws[i..]).is_some() {
                            fired[ti] = true;
                        }
                    }
                }
            }
            let at = g.path.display().to_string();
            if fired.iter().all(|f| !f) {
                out.push(LintFinding {
                    severity: Severity::Warning,
                    kind: "never_fires",
                    at,
                    message: format!("{what} {}: none of its triggers matched a word", t.id),
                });
                continue;
            }
            for (tr, _) in t.triggers.iter().zip(&fired).filter(|(_, f)| !**f) {
                out.push(LintFinding {
                    severity: Severity::Info,
                    kind: "unused_trigger",
                    at: at.clone(),
                    message: format!("{what} {}: trigger «{}» never matched", t.id, tr.text),
                });
            }
        }
    }
}

/// An organisation or outlet named right after a place word (بلدة الجزيرة): that is a town of
/// the same name, and linking leaves it out.
fn after_place_words(g: &Glossary, a: &Analysis, out: &mut Vec<LintFinding>) {
    for x in &a.articles {
        let norm = Normalized::new(&x.article.text);
        for (ks, ke, e) in crate::link::after_place_word(g, &norm) {
            let (s, end) = norm.orig_span(ks, ke);
            let before = &x.article.text[..s];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            out.push(LintFinding {
                severity: Severity::Warning,
                kind: "place_word_before",
                at: format!("{}:{line}:{col}", x.article.path),
                message: format!(
                    "{} ({}) follows a place word in «{}»: linking leaves it out there; add the place to the glossary",
                    g.entities[e].id,
                    g.entities[e].kind.as_str(),
                    &x.article.text[s..end]
                ),
            });
        }
    }
}
