//! Clauses → frames: for every event trigger of the glossary, who did it (agent), to whom
//! (target), where, when, according to whom, whether it is affirmed, negated, denied or
//! planned, and the figures of its clause.
//!
//! The agent comes from syntax only, and a frame without one says so rather than guess:
//! a nationality adjective on a verbal noun («قصف أرميني»، «ضربات روسية»); the subject before a
//! verb when it opens its clause («لكن لودريان اتهم»، «إن قوات الإقليم تسقط»); a pronoun after
//! «إن» that refers to the speaker («قال X إنه توجه»); the noun phrase right after the trigger
//! (VSO: «قصف الجيش X مدينة Y»، «دعا الرئيس الروسي، فلاديمير بوتين»). «تعرضت Y لقصف» and
//! «تم/جرى + verbal noun» are passive: no agent, Y the target.

use super::clauses::Clauses;
use super::dates;
use super::speakers::{chain_after, is_body, mention_last_word, subject_phrase_before, Speakers};
use super::{Ctx, DateRole, Facts, Frame, NumberKind, Polarity};
use crate::corpus::SentenceKind;
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;

/// Build the frames of the article and link figures and dates to them.
pub fn build(g: &Glossary, c: &Ctx, clauses: &Clauses, speakers: &Speakers, facts: &mut Facts) {
    // where events are only referred to: a date beyond one of them is that event's date
    let mut references: Vec<usize> = Vec::new();
    for &(i, ei, k) in &c.event_hits {
        let Some(s) = c.sent_of_word[i] else { continue };
        if c.article.sentences[s].kind == SentenceKind::Source {
            continue;
        }
        if told_elsewhere(c, i, s) {
            references.push(c.span(i, i + k - 1).0);
            continue;
        }
        let frame = frame_at(g, c, clauses, speakers, i, i + k - 1, ei, s);
        facts.events.push(frame);
    }
    deny(g, c, clauses, facts);
    attach(facts, &references);
}

/// Is the trigger at word `i` (sentence `s`) no report of an event? A reference to one told
/// elsewhere («غداة الهجوم»، «بعد جريمة الإحراق»: its clause's date belongs to what happened
/// after it), a risk or a possibility («خطر حدوث هجوم»), or what is called for («دعوات إلى
/// هدنة»، «طالب بوقف إطلاق النار»).
fn told_elsewhere(c: &Ctx, i: usize, s: usize) -> bool {
    let in_sentence = |k: usize| c.sent_of_word[k] == Some(s);
    let is = |k: usize, f: fn(&str) -> bool| lexicon::any_form(c.w[k], f);
    let reference = (i > 0 && is(i - 1, lexicon::is_reference_word))
        || (i > 1
            && c.w[i - 1] == "مع"
            && is(i - 2, lexicon::is_simultaneity_word)
            && in_sentence(i - 2))
        || (i > 1
            && is(i - 1, lexicon::is_event_noun)
            && is(i - 2, lexicon::is_reference_word)
            && in_sentence(i - 2));
    reference
        || (i.saturating_sub(4)..i).any(|k| in_sentence(k) && is(k, lexicon::is_risk_word))
        || (i > 0
            && (is(i - 1, |p| p == "الي") || c.w[i].starts_with('ب') || c.w[i].starts_with('ل'))
            && (i.saturating_sub(5)..i).any(|k| in_sentence(k) && is(k, lexicon::is_call_word)))
}

#[allow(clippy::too_many_arguments)]
fn frame_at(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    speakers: &Speakers,
    i: usize,
    last: usize,
    event: usize,
    sentence: usize,
) -> Frame {
    let ci = clauses.of(i);
    let (start, end) = c.span(i, last);
    let sp = speakers.of_clause(ci);
    let (agent, mut after_agent) = agent_of(g, c, clauses, speakers, i, last);
    let unlinked = agent
        .is_none()
        .then(|| unlinked_agent(g, c, clauses, i, last))
        .flatten();
    if let Some((_, b)) = unlinked {
        after_agent = b;
    }
    let agent_surface = unlinked.map(|(span, _)| span);
    let (mut target, place) = target_and_place(g, c, clauses, after_agent, i, agent);
    if let Some(aux) = passive(c, clauses, i) {
        // «تعرضت يريفان لقصف»: the one who suffered it stands between the auxiliary and the trigger
        target = (aux + 1..i).find_map(|k| c.mention(k).filter(|&(_, adj)| !adj).map(|(e, _)| e));
    }
    Frame {
        sentence,
        clause: ci,
        event,
        start,
        end,
        agent,
        agent_surface,
        target,
        place,
        date: None,
        said_by: sp.entity,
        said_by_surface: sp.surface,
        polarity: polarity(g, c, clauses, i),
        figures: Vec::new(),
        several: several(&g.events[event], c.w[last]),
    }
}

/// Does a trigger word name several events: a dual («الهجومين»، «التفجيرين»، «التفجيران») or a
/// sound feminine plural («غارات») of a noun the event's triggers match? Verbs take neither the
/// article nor «ات», so the nominative dual «ان» counts only after the article (not «يقصفان»).
fn several(term: &crate::glossary::Term, w: &str) -> bool {
    let singular = |stem: &str| {
        if stem.chars().count() < 3 {
            return false;
        }
        let mut cands = vec![stem.to_string(), format!("{stem}ه")];
        if let Some(s) = stem.strip_suffix('ت') {
            cands.push(format!("{s}ه"));
        }
        cands.iter().any(|s| term.matches(&[s.as_str()]).is_some())
    };
    std::iter::once(w).chain(lexicon::clitic_forms(w)).any(|f| {
        let definite = w[..w.len() - f.len()].ends_with("ال");
        f.strip_suffix("ين").is_some_and(singular)
            || f.strip_suffix("ات").is_some_and(singular)
            || (definite && f.strip_suffix("ان").is_some_and(singular))
    })
}

/// Is the trigger passive («تعرضت Y لقصف»، «تم قصف»)? Returns the word before the passive
/// auxiliary, where the target may stand.
fn passive(c: &Ctx, clauses: &Clauses, i: usize) -> Option<usize> {
    let aux = |w: &str| {
        lexicon::any_form(w, |x| {
            x.starts_with("تعرض")
                || x.starts_with("يتعرض")
                || x.starts_with("تتعرض")
                || matches!(x, "تم" | "جري" | "يتم" | "يجري")
        })
    };
    let k = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| clauses.same(k, i) && aux(c.w[k]))?;
    Some(k)
}

/// The agent of the trigger at words `i..=last`, and the word after which its target is sought.
fn agent_of(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    speakers: &Speakers,
    i: usize,
    last: usize,
) -> (Option<usize>, usize) {
    if passive(c, clauses, i).is_some() {
        return (None, last);
    }
    // a nationality adjective on a verbal noun: «قصف أرميني»، «ضربات روسية»
    if let Some((e, true)) = c.mention(last + 1).filter(|_| clauses.same(last + 1, i)) {
        if g.entities[e].kind == EntityKind::Country {
            return (Some(e), mention_last_word(c, last + 1));
        }
    }
    // «قال X إنه توجه»: the pronoun is the speaker
    if i > 0 && clauses.same(i - 1, i) && pronoun_is_speaker(c, i) {
        let sp = speakers.of_clause(clauses.of(i));
        if let Some(e) = sp.entity {
            return (Some(e), last);
        }
    }
    // «هجوماً انتحارياً نفذه تنظيم X»: a verb of carrying out, with a pronoun for the event
    if let Some(k) =
        (last + 1..(last + 3).min(c.len())).find(|&k| clauses.same(k, i) && is_done_by(c.w[k]))
    {
        if let Some((e, false)) = c.mention(k + 1) {
            return (acting(g, e, false), mention_last_word(c, k + 1));
        }
    }
    if let Some(e) =
        subject_phrase_before(g, c, clauses, i).and_then(|(e, body)| acting(g, e, body))
    {
        return (Some(e), last);
    }
    let ch = chain_after(g, c, last);
    if ch.words.is_some_and(|(a, _)| clauses.same(a, i)) && !ch.plain_head {
        if let (Some(e), Some((_, b))) = (ch.speaker.entity, ch.words) {
            // a bare country or city right after a verbal noun is where, not who («انفجار
            // تركيا»); after a verb it is the subject («قصفت روسيا»، «اقترحت موسكو»)
            // after a verbal noun the genitive may as well be the object («إحراق الرضيع علي»
            // is the burning of Ali, not by him): a verb's subject is an agent, and after a
            // verbal noun only a titled office-holder («دعا الرئيس الروسي، بوتين»)
            let titled = ch.words.is_some_and(|(a, _)| lexicon::is_title(c.w[a]));
            // a word that opens its clause is its verb («وقصف X غنجة»); a verbal noun stands
            // after a verb or a preposition («أدان الوزير قصف X»)
            // «وهو ما نفته الوزارة»: a verb with its object pronoun after «ما»
            let opens = i == 0
                || !clauses.same(i - 1, i)
                || lexicon::any_form(c.w[i - 1], |p| matches!(p, "ما" | "مما"));
            if verb_form(c.w[last]) || opens || titled {
                if let Some(e) = acting(g, e, ch.titled) {
                    return (Some(e), b);
                }
            }
        }
    }
    (None, last)
}

/// «قال X إنه توجه»، «قالت X إنها قصفت»: the pronoun after «إن» is the speaker when it agrees
/// with the verb of saying (not «أشارت السلطات إلى أنه فجّر نفسه»: he is someone else) and a verb
/// follows it (not «أنه هجوم»: «it is an attack»).
fn pronoun_is_speaker(c: &Ctx, i: usize) -> bool {
    let pronoun = match c.w[i - 1] {
        "انه" | "بانه" => 'm',
        "انها" | "بانها" => 'f',
        "انهم" | "بانهم" => 'p',
        _ => return false,
    };
    let sent = c.sent_of_word[i];
    let Some(v) = (i.saturating_sub(12)..i - 1)
        .rev()
        .take_while(|&k| c.sent_of_word[k] == sent)
        .find(|&k| lexicon::is_speech_word(c.w[k]))
    else {
        return false;
    };
    let verb = c.w[v].trim_start_matches(['و', 'ف']);
    let feminine = verb.ends_with('ت') || verb.starts_with('ت') || verb.ends_with('ه');
    let w = c.w[i];
    let chars = w.chars().count();
    match pronoun {
        'f' => feminine && verb_form(w),
        _ => {
            // a past verb: no long vowel after its second letter (قصف، توجه، هاجم، استهدف; not
            // هجوم، انفجار، اغتيال)
            let long_late = w.chars().skip(2).any(|ch| matches!(ch, 'ا' | 'و' | 'ي'));
            let past = (chars <= 4 || w.starts_with(['ا', 'ت'])) && !long_late;
            !feminine && (w.starts_with('ي') || past)
        }
    }
}

/// The agent as written when the glossary does not know it: only the noun phrase right after a
/// verb (VSO) that the speaker rules read as who acts, headed by a title or an institution
/// («قصفت القوات الحكومية»، «أعلن الجيش»), never a plain noun, an object after a verbal noun,
/// or a pronoun's referent. Used when [`agent_of`] found no glossary entity. Returns the span
/// and the phrase's last word (the target is sought after it).
fn unlinked_agent(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    i: usize,
    last: usize,
) -> Option<((usize, usize), usize)> {
    if passive(c, clauses, i).is_some() || !verb_form(c.w[last]) {
        return None;
    }
    let ch = chain_after(g, c, last);
    let (a, b) = ch.words?;
    let headed = lexicon::is_title(c.w[a]) || is_body(c.w[a]);
    let linked = (a..=b).any(|k| c.mention(k).is_some());
    (clauses.same(b, i) && ch.titled && headed && !ch.plain_head && !linked && b - a < 4)
        .then_some(ch.speaker.surface)
        .flatten()
        .map(|span| (span, b))
}

/// A verb whose subject can be a state (states are feminine): the past with «ـت» (قصفت، أعلنت)
/// or the present with «تـ» and no long vowel of a verbal noun (تقصف, not تفجير).
fn verb_form(w: &str) -> bool {
    let w = w
        .strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .unwrap_or(w);
    let chars: Vec<char> = w.chars().collect();
    let past = chars.len() >= 3 && chars.last() == Some(&'ت') && !w.ends_with("ات");
    let present = chars.len() >= 4
        && chars[0] == 'ت'
        && !chars[1..].contains(&'ي')
        && !chars[1..].contains(&'ا');
    past || present
}

/// «نفذه»، «شنّها»، «تبناه»، «ارتكبه»: carried it out.
fn is_done_by(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    ["نفذ", "شن", "تبن", "ارتكب"].iter().any(|v| {
        w.strip_prefix(v)
            .is_some_and(|rest| matches!(rest, "ه" | "ها" | "اه" | "ته" | "تها" | "وه" | "وها"))
    })
}

/// Who can act: a place only through its institutions («قوات إقليم X») or as the seat of its
/// state (`side:`), never a town by itself («انفجار هز بلدة سروج»).
fn acting(g: &Glossary, e: usize, through_body: bool) -> Option<usize> {
    match g.entities[e].kind {
        EntityKind::Place if through_body => Some(e),
        EntityKind::Place => g.entities[e].side,
        _ => Some(e),
    }
}

/// The target is the name right after the trigger or its agent (the object), or after «على»/«ضد»;
/// a place after «في/ب/فوق/قرب» is the place. Other names in the clause are neither.
fn target_and_place(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    from: usize,
    i: usize,
    agent: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    let (mut target, mut place) = (None, None);
    let mut k = from + 1;
    while k < c.len() && k <= from + 10 && clauses.same(k, i) {
        // «… وقضت على X»: a joined verb starts another event, and X is its object
        if c.w[k].starts_with(['و', 'ف']) && verb_form(c.w[k]) {
            break;
        }
        if let Some((e, adj)) = c.mention(k).filter(|_| c.mention_first[k] == Some(k)) {
            let mi = c.mention_at[k].unwrap_or(0);
            let glued = &c.key[c.ws[k].start..c.mentions[mi].kstart];
            let prev = k.checked_sub(1).map(|p| c.w[p]);
            let at_place = glued.ends_with('ب')
                || prev.is_some_and(|p| {
                    matches!(
                        p,
                        "في" | "فوق"
                            | "قرب"
                            | "داخل"
                            | "عند"
                            | "بمدينه"
                            | "مدينه"
                            | "بلده"
                            | "قريه"
                            | "منطقه"
                            | "جبهه"
                    )
                });
            // «من داخل اليمن»: where it came from, not where it happened
            let origin = k >= 2 && c.w[k - 2] == "من" && prev.is_some_and(|p| p != "في");
            let at_place = at_place && !origin;
            let titles_between = (from + 1..k).all(|m| {
                lexicon::is_title(c.w[m])
                    || lexicon::is_title_filler(c.w[m])
                    || c.mention(m).is_some_and(|(_, adj)| adj)
            });
            let object = titles_between
                || prev.is_some_and(|p| matches!(p, "علي" | "ضد"))
                || glued.ends_with("عل");
            if !adj && Some(e) != agent {
                if at_place && matches!(g.entities[e].kind, EntityKind::Place | EntityKind::Country)
                {
                    place.get_or_insert(e);
                } else if object && target.is_none() {
                    target = Some(e);
                }
            }
            k = mention_last_word(c, k) + 1;
            continue;
        }
        k += 1;
    }
    (target, place)
}

fn polarity(g: &Glossary, c: &Ctx, clauses: &Clauses, i: usize) -> Polarity {
    let negated = (i.saturating_sub(2)..i).any(|k| {
        clauses.same(k, i)
            && matches!(
                c.w[k],
                "لم" | "لن" | "ليس" | "لا" | "ولم" | "ولن" | "ولا" | "ليست"
            )
    });
    // «ليس … فحسب، بل …»: not only, but also
    let not_only = (i + 1..(i + 12).min(c.len()))
        .any(|k| lexicon::any_form(c.w[k], |w| matches!(w, "فحسب" | "فقط")));
    if negated && !not_only {
        Polarity::Negated
    } else if dates::future_at(g, c, clauses, i) {
        Polarity::Future
    } else {
        Polarity::Affirmed
    }
}

/// A denial («نفت X أن …») marks the frames of the clauses it governs as denied; «وهو ما نفته X»
/// marks the frames of the clause before it.
fn deny(g: &Glossary, c: &Ctx, clauses: &Clauses, facts: &mut Facts) {
    // frames are in text order, so clause numbers only grow: each denial looks at its neighbours
    for di in 0..facts.events.len() {
        if !g.events[facts.events[di].event].denial {
            continue;
        }
        let dc = facts.events[di].clause;
        let wi = c.word_at_offset(facts.events[di].start);
        let relative = wi > 0 && lexicon::any_form(c.w[wi - 1], |w| w == "ما");
        let sentence = clauses.get(dc).sentence;
        if relative && dc == 0 {
            continue;
        }
        let (lo, hi) = if relative {
            (dc.saturating_sub(2), dc - 1)
        } else {
            (dc + 1, dc + 2)
        };
        let from = facts.events.partition_point(|f| f.clause < lo);
        for f in facts.events[from..]
            .iter_mut()
            .take_while(|f| f.clause <= hi)
        {
            let governed = !g.events[f.event].denial && (lo..=hi).contains(&f.clause);
            if governed && clauses.get(f.clause).sentence == sentence {
                f.polarity = Polarity::Denied;
            }
        }
    }
}

/// Figures and dates belong to the frame of their clause (the first one, when it has several).
/// A date with a referred-to event between it and the frame («أعلنت الهدنة بعد هجوم … السبت»)
/// is that event's date, not the frame's: it is left unattached.
fn attach(facts: &mut Facts, references: &[usize]) {
    let mut first_of_clause: crate::fasthash::FastMap<usize, usize> = Default::default();
    let mut several: crate::fasthash::FastSet<usize> = Default::default();
    for (fi, f) in facts.events.iter().enumerate() {
        first_of_clause.entry(f.clause).or_insert(fi);
        if f.several {
            several.insert(f.clause);
        }
    }
    for (ni, num) in facts.numbers.iter_mut().enumerate() {
        let counted =
            matches!(num.kind, NumberKind::Quantity | NumberKind::Percent) && num.measure.is_some();
        num.several = counted && num.clause.is_some_and(|ci| several.contains(&ci));
        if let Some(&fi) = num.clause.and_then(|ci| first_of_clause.get(&ci)) {
            if counted {
                num.event = Some(fi);
                facts.events[fi].figures.push(ni);
            }
        }
    }
    for d in &mut facts.dates {
        let Some(ci) = d.clause else { continue };
        if !matches!(d.role, DateRole::Event | DateRole::Future) {
            continue;
        }
        // the frame of the date's clause only: a date in another clause («القتال الذي بدأ
        // في 27 أيلول») belongs to what that clause tells
        let fi = first_of_clause.get(&ci).copied();
        let between = |fi: usize| {
            let (a, b) = (
                facts.events[fi].start.min(d.start),
                facts.events[fi].start.max(d.start),
            );
            let k = references.partition_point(|&r| r <= a);
            references.get(k).is_some_and(|&r| r < b)
        };
        if let Some(fi) = fi.filter(|&fi| !between(fi)) {
            d.event = Some(fi);
            facts.events[fi].date.get_or_insert_with(|| d.date.clone());
        }
    }
    incident_dates(facts);
}

/// The date of the incident each figure counts: its frame's date, else an event date told in
/// its own clause («الهجوم الذي أوقع أربعة قتلى … في 5 حزيران»).
fn incident_dates(facts: &mut Facts) {
    let mut of_clause: crate::fasthash::FastMap<usize, &str> = Default::default();
    for d in &facts.dates {
        if let (DateRole::Event, Some(ci)) = (d.role, d.clause) {
            of_clause.entry(ci).or_insert(d.date.as_str());
        }
    }
    for num in facts.numbers.iter_mut().filter(|n| n.measure.is_some()) {
        let framed = num.event.and_then(|fi| facts.events[fi].date.as_deref());
        let told = num.clause.and_then(|ci| of_clause.get(&ci).copied());
        num.event_date = framed.or(told).map(str::to_string);
    }
}

/// A plain English line for a frame with an agent: «Vladimir Putin calls for» … Frames without an
/// agent get none: the briefing never invents one.
pub fn english(g: &Glossary, f: &Frame) -> Option<String> {
    let agent = &g.entities[f.agent?].en;
    let mut line = format!("{agent} {}", g.events[f.event].en);
    if let Some(t) = f.target {
        line.push(' ');
        line.push_str(&g.entities[t].en);
    }
    if let Some(p) = f.place.filter(|&p| Some(p) != f.target) {
        line.push_str(" in ");
        line.push_str(&g.entities[p].en);
    }
    if let Some(d) = &f.date {
        line.push_str(" on ");
        line.push_str(d);
    }
    match f.polarity {
        Polarity::Affirmed => {}
        Polarity::Negated => line.push_str(" (negated)"),
        Polarity::Denied => line.push_str(" (denied)"),
        Polarity::Future => line.push_str(" (planned)"),
    }
    if let Some(s) = f.said_by.filter(|&s| Some(s) != f.agent) {
        line = format!("{}: {line}", g.entities[s].en);
    }
    Some(line)
}
