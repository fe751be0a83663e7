//! English sentences from clause frames and figures, as typed data for the sentence partials
//! (`templates/partials/sentence*.md.hbs`): the shape and the words to fill in, nothing else.
//! A part the frame does not hold is left empty and its words are not said: no agent means a
//! passive sentence or «X reports a strike», never a guessed agent.

use super::{entity_label, human_date};
use crate::extract::{Frame, Polarity};
use crate::glossary::Glossary;
use crate::Analyzed;
use serde::Serialize;

/// One English sentence, as the partial `sentence` renders it.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Sentence {
    /// `active` («Azerbaijan struck Ganja»), `passive` («Ganja was struck») or `noun` («Armenia
    /// reports a strike on …»).
    pub shape: &'static str,
    /// `affirmed`, `negated`, `planned` or `denied` (the sentence, then «X denies this»).
    pub polarity: &'static str,
    /// Who denies it, for a denied frame («» when the text does not say).
    pub denied_by: String,
    /// Who says so, when the sentence names someone other than the agent («According to X, …»).
    pub speaker: String,
    /// Who reports it: the speaker, or else the outlet.
    pub reporter: String,
    /// The reporter is several people («three witnesses report»).
    pub reporter_plural: bool,
    pub agent: String,
    /// The verb for the shape: past (or present) tense for `active`, the base form after «did
    /// not» / «is to», the participle for `passive`.
    pub verb: String,
    /// The event's noun with its article: «a strike».
    pub noun_a: String,
    pub target: String,
    pub place: String,
    /// «4 October 2020».
    pub date: String,
    /// What the sentence states, for checking it against its frames: English names, figures
    /// (as shown) and ISO dates.
    #[serde(skip)]
    pub facts: Vec<String>,
}

/// «a strike», «an explosion».
pub fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// A speaker the glossary does not know, as the text names them.
/// With an English gloss of its generic head when it has one: «three witnesses («ثلاثة شهود»,
/// as written; unverified)».
pub fn unverified(text: &str, (s, t): (usize, usize)) -> String {
    let ar = text[s..t].trim();
    match super::gloss::english(ar) {
        Some(en) => format!("{en} («{ar}», as written; unverified)"),
        None => format!("«{ar}» (as written; unverified)"),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Who says so: a glossary entity, or the words the text uses.
fn who(g: &Glossary, text: &str, e: Option<usize>, surface: Option<(usize, usize)>) -> String {
    match (e, surface) {
        (Some(e), _) => entity_label(g, e),
        (None, Some(sp)) => unverified(text, sp),
        _ => String::new(),
    }
}

/// The sentence of one frame, or `None` when the glossary's verb forms cannot say it truly
/// (a negated frame with no base form: «did not …» needs one).
pub fn of_frame(
    g: &Glossary,
    a: &Analyzed,
    f: &Frame,
    denier: Option<String>,
    outlet: &str,
) -> Option<Sentence> {
    let ev = &g.events[f.event];
    let forms = &ev.forms;
    let text = &a.article.text;
    let name = |e: usize| g.entities[e].en.clone();
    let mut s = Sentence {
        polarity: "affirmed",
        noun_a: with_article(ev.noun.as_deref().unwrap_or(&forms.present)),
        target: f.target.map(name).unwrap_or_default(),
        place: f
            .place
            .filter(|&p| Some(p) != f.target && Some(p) != f.agent)
            .map(name)
            .unwrap_or_default(),
        date: f.date.as_deref().and_then(human_date).unwrap_or_default(),
        ..Sentence::default()
    };
    let speaker = if f.said_by.is_some() && f.said_by == f.agent {
        String::new()
    } else {
        who(g, text, f.said_by, f.said_by_surface)
    };
    s.reporter_plural = !speaker.is_empty()
        && f.said_by.is_none()
        && f.said_by_surface
            .is_some_and(|(a, b)| super::gloss::plural(&text[a..b]));
    s.reporter = if speaker.is_empty() {
        outlet.to_string()
    } else if f.said_by.is_none() {
        // a gloss opens the sentence: «Three witnesses («ثلاثة شهود», …) report»
        capitalised(&speaker)
    } else {
        speaker.clone()
    };
    s.speaker = speaker;
    s.agent = match (f.agent, f.agent_surface) {
        (Some(e), _) => entity_label(g, e),
        (None, Some(sp)) => unverified(text, sp),
        _ => String::new(),
    };
    // the past tense where the glossary gives it; a plain `en:` text is the present
    let finite = forms.past.clone().unwrap_or_else(|| forms.present.clone());
    match f.polarity {
        Polarity::Affirmed | Polarity::Denied => {
            // a transitive verb needs its object: «Russia proposed» says nothing true
            if !s.agent.is_empty() && !s.target.is_empty() {
                s.shape = "active";
                s.verb = finite;
            } else if let (Some(p), true, false) =
                (&forms.passive, s.agent.is_empty(), s.target.is_empty())
            {
                s.shape = "passive";
                s.verb = p.clone();
            } else {
                s.shape = "noun";
            }
            if f.polarity == Polarity::Denied {
                s.polarity = "denied";
                s.denied_by = denier.unwrap_or_default();
            }
        }
        Polarity::Negated | Polarity::Future => {
            s.polarity = if f.polarity == Polarity::Negated {
                "negated"
            } else {
                "planned"
            };
            match (&forms.base, s.agent.is_empty() || s.target.is_empty()) {
                (Some(b), false) => {
                    s.shape = "active";
                    s.verb = b.clone();
                }
                _ if f.polarity == Polarity::Negated => return None,
                _ => s.shape = "noun",
            }
        }
    }
    s.facts = frame_facts(g, f);
    s.facts.push(s.date.clone());
    s.facts.extend([s.speaker.clone(), s.denied_by.clone()]);
    s.facts.push(outlet.to_string());
    Some(s)
}

/// Names and the date a frame holds, in English.
fn frame_facts(g: &Glossary, f: &Frame) -> Vec<String> {
    let mut out: Vec<String> = [f.agent, f.target, f.place, f.said_by]
        .into_iter()
        .flatten()
        .map(|e| entity_label(g, e))
        .collect();
    out.extend(f.date.clone());
    out
}
