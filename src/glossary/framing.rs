//! The glossary's `framing:` sets: words that report the same thing with a different stance
//! («قُتل / لقي حتفه / استشهد»), each set with its neutral English rendering.
//!
//! In: the `framing:` entries of each glossary layer. Out: checked, merged [`Framing`] with one
//! [`TriggerIndex`] over every stance's words (matched like event triggers: whole words after
//! clitics, `*` = any ending).

use super::{at_span, check_id, place, trigger, Trigger, TriggerIndex};
use crate::error::Result;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::HashMap;
use std::path::Path;

/// One `framing:` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFraming {
    pub id: Spanned<String>,
    /// The neutral English rendering («killed»).
    pub en: Option<String>,
    /// Stance → its words, in the order written.
    #[serde(default)]
    pub words: Stances,
    /// Replace the set of the same id from an earlier glossary layer.
    #[serde(default, rename = "override")]
    pub replaces: bool,
}

/// The stances of a set in the order written (a YAML mapping of stance → list of words).
#[derive(Debug, Default)]
pub(super) struct Stances(pub Vec<(Spanned<String>, Vec<Spanned<String>>)>);

impl<'de> Deserialize<'de> for Stances {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Stances, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Stances;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of stance → list of words ({neutral: [قتلى], …})")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut m: A,
            ) -> std::result::Result<Stances, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<Spanned<String>>()? {
                    out.push((k, m.next_value::<Vec<Spanned<String>>>()?));
                }
                Ok(Stances(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A set of words that say the same thing with different stances.
#[derive(Debug, Clone)]
pub struct FramingSet {
    pub id: String,
    /// The neutral English rendering.
    pub en: String,
    pub stances: Vec<Stance>,
}

/// One stance of a set («honorific») and the words that take it.
#[derive(Debug, Clone)]
pub struct Stance {
    pub name: String,
    pub words: Vec<Trigger>,
}

/// Every framing set, with one index over all their words.
#[derive(Debug, Default)]
pub struct Framing {
    pub sets: Vec<FramingSet>,
    /// (set, stance) of each entry of the index.
    stances: Vec<(usize, usize)>,
    index: TriggerIndex,
}

/// A framing word found at a place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FramingHit {
    pub set: usize,
    pub stance: usize,
    /// The matched word of the stance (index into [`Stance::words`]).
    pub word: usize,
    /// How many words of the text it covers.
    pub len: usize,
}

/// Check one layer's `framing:` entries: ids, an English rendering, two stances or more, named
/// like ids, each with words, and no word given twice (after normalisation) in the file.
pub(super) fn check(path: &Path, sets: &[RawFraming]) -> Result<()> {
    let at = |s: &Spanned<String>, msg: String| at_span(path, s, msg);
    let mut ids: HashMap<&str, ()> = HashMap::new();
    // normalised word (with its `*`) → where it was first given
    let mut words: HashMap<String, (&str, &str, &Spanned<String>)> = HashMap::new();
    for f in sets {
        let id = f.id.value.as_str();
        check_id(&f.id).map_err(|m| at(&f.id, m))?;
        if ids.insert(id, ()).is_some() {
            return Err(at(&f.id, format!("duplicate framing id {id:?}")));
        }
        if f.en.as_ref().is_none_or(|s| s.trim().is_empty()) {
            return Err(at(
                &f.id,
                format!("framing set {id:?} has no neutral English rendering (en)"),
            ));
        }
        if f.words.0.len() < 2 {
            return Err(at(
                &f.id,
                format!(
                    "framing set {id:?} needs two stances or more under `words:` (the same \
                     thing said two ways), e.g. {{neutral: [...], honorific: [...]}}"
                ),
            ));
        }
        for (stance, list) in &f.words.0 {
            check_id(stance).map_err(|m| at(stance, format!("stance {m}")))?;
            if list.is_empty() {
                return Err(at(
                    stance,
                    format!(
                        "stance {:?} of framing set {id:?} has no words",
                        stance.value
                    ),
                ));
            }
            for w in list {
                let t = trigger(w);
                if t.words.is_empty() {
                    return Err(at(w, "empty framing word".to_string()));
                }
                let key = format!("{}{}", t.words.join(" "), if t.prefix { "*" } else { "" });
                if let Some((other, other_stance, first)) = words.get(&key) {
                    return Err(at(
                        w,
                        format!(
                            "{:?} is given twice after normalisation: here ({id}.{}) and at {} \
                             ({other}.{other_stance})",
                            w.value,
                            stance.value,
                            place(path, first)
                        ),
                    ));
                }
                words.insert(key, (id, stance.value.as_str(), w));
            }
        }
    }
    Ok(())
}

impl Framing {
    /// The merged sets (already checked) → the compiled framing.
    pub(super) fn new(raw: &[&RawFraming]) -> Framing {
        let sets: Vec<FramingSet> = raw
            .iter()
            .map(|f| FramingSet {
                id: f.id.value.clone(),
                en: f.en.as_deref().unwrap_or_default().trim().to_string(),
                stances: f
                    .words
                    .0
                    .iter()
                    .map(|(name, list)| Stance {
                        name: name.value.clone(),
                        words: list.iter().map(trigger).collect(),
                    })
                    .collect(),
            })
            .collect();
        let stances: Vec<(usize, usize)> = sets
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.stances.len()).map(move |k| (si, k)))
            .collect();
        let index = TriggerIndex::over(
            stances
                .iter()
                .map(|&(s, k)| sets[s].stances[k].words.as_slice()),
        );
        Framing {
            sets,
            stances,
            index,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// The framing words that start at `ws[0]` (normalised words of the text), longest first.
    pub fn at(&self, ws: &[&str]) -> Vec<FramingHit> {
        let mut hits: Vec<FramingHit> = self
            .index
            .find_by(ws, |i, w| {
                let (s, k) = self.stances[i];
                self.sets[s].stances[k].words[w].matches(ws)
            })
            .into_iter()
            .map(|(i, w, len)| {
                let (set, stance) = self.stances[i];
                FramingHit {
                    set,
                    stance,
                    word: w,
                    len,
                }
            })
            .collect();
        hits.sort_by_key(|h| (std::cmp::Reverse(h.len), h.set, h.stance, h.word));
        hits
    }
}

#[cfg(test)]
mod tests;
