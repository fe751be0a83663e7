//! One article → the candidate names in it (occurrences), found by the words before them.

use super::words::*;
use super::{Cue, Occurrence};
use crate::corpus::Article;
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;
use crate::link::{self, Mention};
use crate::names;
use crate::normalize::{self, Normalized};

pub(super) fn scan_article(
    g: &Glossary,
    ai: usize,
    a: &Article,
    norm: &Normalized,
    mentions: &[Mention],
    out: &mut Vec<Occurrence>,
) {
    let key = norm.key();
    let ws = normalize::words(key);
    let mention_at = |s: usize, e: usize| mentions.iter().find(|m| m.kstart < e && s < m.kend);
    let country_adjective = |s: usize, e: usize| {
        mention_at(s, e)
            .filter(|m| m.adjective && g.entities[m.entity].kind == EntityKind::Country)
            .map(|m| m.entity)
    };
    let word = |j: usize| &key[ws[j].start..ws[j].end];
    let joined = |j: usize| j > 0 && key[ws[j - 1].end..ws[j].start].trim().is_empty();
    let comma_before =
        |j: usize| j > 0 && matches!(key[ws[j - 1].end..ws[j].start].trim(), "،" | ",");
    let content = |pos: usize| {
        link::sentence_at(&a.sentences, norm.orig_start(pos))
            .is_some_and(|s| a.sentences[s].kind.is_content())
    };
    let place_of = |pos: usize| {
        let o = norm.orig_start(pos);
        let before = &a.text[..o];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{}:{line}:{col}", a.path)
    };
    let mut push = |first: usize, last: usize, skip: usize, kind, cue, role, side| {
        let (ks, ke) = (ws[first].start + skip, ws[last].end);
        let (s, e) = norm.orig_span(ks, ke);
        let surface = normalize::display_form(&a.text[s..e]);
        let n = last + 1;
        let alt = (kind == EntityKind::Place
            && first == last
            && n < ws.len()
            && joined(n)
            && mention_at(ws[n].start, ws[n].end).is_none()
            && name_word(word(n))
            && !word(n).starts_with("ال")
            && !word(n).starts_with('و'))
        .then(|| {
            let (_, e2) = norm.orig_span(ws[n].start, ws[n].end);
            let surface = normalize::display_form(&a.text[s..e2]);
            (normalize::key(&surface).as_str().to_string(), surface)
        });
        out.push(Occurrence {
            key: normalize::key(&surface).as_str().to_string(),
            surface,
            kind,
            cue,
            role,
            side,
            article: ai,
            place: place_of(ks),
            raw: key[ws[first].start..ws[last].end].to_string(),
            alt,
        });
    };
    let is_place_mention = |j: usize| {
        mention_at(ws[j].start, ws[j].end)
            .is_some_and(|m| !m.adjective && g.entities[m.entity].kind == EntityKind::Place)
    };
    // the words of a name from `start`: up to `max` name words on one line of text
    let is_adjective = |j: usize| mention_at(ws[j].start, ws[j].end).is_some_and(|m| m.adjective);
    // the words of a name from `start`: up to `max` name words on one line of text
    let name_run = |start: usize, max: usize, allow_article_first: bool| {
        let mut j = start;
        let mut words = 0;
        while j < ws.len() && words < max && (j == start || joined(j)) {
            let t = word(j);
            // بن، عبد… do not count towards the length (فيصل بن خالد بن عبدالعزيز)
            if !lexicon::is_name_connector(t) {
                words += 1;
            }
            // علي inside a name is the name Ali, not the preposition على
            if t == "علي"
                && j + 1 < ws.len()
                && name_word(word(j + 1))
                && !word(j + 1).starts_with("ال")
            {
                j += 1;
                continue;
            }
            // after بن a nationality adjective is a name (سعد بن تركي)
            if j > start && word(j - 1) == "بن" && is_adjective(j) {
                j += 1;
                continue;
            }
            // after a personal name a definite nisba that is also a nationality adjective is
            // the family name, and the last word (اللواء منصور التركي)
            if j > start && is_nisba(t) && is_adjective(j) && !is_title(word(j - 1)) {
                j += 1;
                break;
            }
            // عبد and أبو open a name (عبد الله، أبو سنان); بن and ال do not
            let opener = matches!(t, "عبد" | "ابو");
            if mention_at(ws[j].start, ws[j].end).is_some()
                || !name_word(t)
                || is_place_word(t)
                || (t.starts_with('و') && !is_first_name(t))
                || (is_present_verb(t)
                    && (j > start || !(j + 1 < ws.len() && names::foreign_shape(word(j + 1)))))
                || (j == start
                    && ((!allow_article_first && t.starts_with("ال"))
                        || (lexicon::is_name_connector(t)
                            && !opener
                            && !(start > 0 && first_name(word(start - 1)).is_some()))
                        || PARTICLES.contains(&t)))
                || (j > start && lexicon::clitic_forms(t).any(|r| r.starts_with("ال")))
            {
                break;
            }
            j += 1;
            // a family name with the article ends the name (خالد الزهراني), but not the
            // second part of a theophoric name (عبد العزيز، نور الدين)
            let compound = j - 1 > start && word(j - 2) == "عبد" || matches!(t, "الدين" | "الله");
            let family = t.starts_with("ال") && t != "ال" && !compound;
            if (j - 1 > start || allow_article_first) && family {
                break;
            }
            // أبو and one word make a family name (محمد أبو قرنين), with a nisba after it
            // (أبو سنان النجدي)
            if j - 1 > start && word(j - 2) == "ابو" {
                if j < ws.len() && joined(j) && is_nisba(word(j)) && name_word(word(j)) {
                    j += 1;
                }
                break;
            }
        }
        // a name does not end on a connector or particle (بن، عبد، دي)
        while j > start
            && (lexicon::is_name_connector(word(j - 1)) || PARTICLES.contains(&word(j - 1)))
        {
            j -= 1;
        }
        j
    };
    // places joined by و to the place that ends before `j` (حلب والحسكة وعين العرب)
    let coordinated = |mut j: usize| {
        let mut found = Vec::new();
        while j < ws.len() && joined(j) && mention_at(ws[j].start, ws[j].end).is_none() {
            let t = word(j);
            let Some(rest) = t.strip_prefix('و') else {
                break;
            };
            // a place name has the article, opens a compound, or is long enough not to be
            // a short verb or noun (وسيطر، وأماكن)
            let shaped = rest.starts_with("ال")
                || COMPOUND_HEADS.contains(&rest)
                || lexicon::at_least_chars(rest, 5);
            if !name_word(rest) || !shaped || is_place_word(rest) {
                break;
            }
            let mut end = j + 1;
            if COMPOUND_HEADS.contains(&rest)
                && end < ws.len()
                && joined(end)
                && name_word(word(end))
                && mention_at(ws[end].start, ws[end].end).is_none()
            {
                end += 1;
            }
            // a participle or verbal noun goes on with its preposition (ومتجهة إلى)
            if end < ws.len() && joined(end) && matches!(word(end), "الي" | "علي" | "عن") {
                break;
            }
            found.push((j, end - 1));
            j = end;
        }
        found
    };
    // the word as written (with its hamza), for tests the matching key cannot make
    let shown = |j: usize| {
        let (s, e) = norm.orig_span(ws[j].start, ws[j].end);
        normalize::display_form(&a.text[s..e])
    };
    let dot_after = |j: usize| {
        j + 1 < ws.len()
            && key[ws[j].end..ws[j + 1].start].trim() == "."
            && !key[ws[j].end..ws[j + 1].start].contains('\n')
    };
    // a kunya (أبو + one name word, or written as one word) and a nisba: the end of the name
    let kunya = |i: usize| {
        let w = word(i);
        let one_word = w.starts_with("ابو") && lexicon::at_least_chars(w, 6);
        let name_at = |j: usize| {
            j < ws.len()
                && (joined(j) || j == i)
                && mention_at(ws[j].start, ws[j].end).is_none()
                && name_word(word(j))
        };
        let nisba_at = if one_word {
            i + 1
        } else if w == "ابو" && name_at(i + 1) && !word(i + 1).starts_with("ال") {
            i + 2
        } else {
            return None;
        };
        (name_at(i) || w == "ابو")
            .then_some(())
            .filter(|_| name_at(nisba_at) && is_nisba(word(nisba_at)))
            .map(|_| nisba_at + 1)
    };
    // after a first name, only words a name is made of: a family name with the article, a
    // father's name (a first name, after بن), a kunya, a transliteration
    let first_name_tail = |start: usize, end: usize| {
        let mut j = start;
        while j < end {
            let t = word(j);
            let after_connector = j > start && lexicon::is_name_connector(word(j - 1));
            // a feminine adjective (العسكرية) is no family name
            let ok = (t.starts_with("ال") && !shown(j).ends_with('ة'))
                || is_first_name(t)
                || lexicon::is_name_connector(t)
                || after_connector
                || names::foreign_shape(t);
            if !ok {
                break;
            }
            j += 1;
        }
        while j > start && lexicon::is_name_connector(word(j - 1)) {
            j -= 1;
        }
        j
    };
    // places joined by و: push each without its و
    macro_rules! push_places {
        ($list:expr) => {
            for (f, l) in $list {
                let skip = 'و'.len_utf8();
                push(f, l, skip, EntityKind::Place, Cue::Coordinated, None, None);
            }
        };
    }
    let mut i = 0;
    while i < ws.len() {
        let w = word(i);
        if is_place_mention(i) {
            let mut j = i + 1;
            while j < ws.len() && is_place_mention(j) && ws[j].start < ws[i].end {
                j += 1;
            }
            push_places!(coordinated(j));
            i += 1;
            continue;
        }
        if mention_at(ws[i].start, ws[i].end).is_some() || !content(ws[i].start) {
            i += 1;
            continue;
        }
        // a person after a title and its filler words (a nationality adjective, an
        // organisation or a country named in the title allowed: أمين عام حزب الله حسن نصرالله)
        if is_title(w) {
            let mut j = i + 1;
            let mut side = None;
            while j < ws.len() && j <= i + 6 && (joined(j) || comma_before(j)) {
                let (s, e) = (ws[j].start, ws[j].end);
                let t = word(j);
                if let Some(c) = country_adjective(s, e) {
                    side = Some(c);
                } else if let Some(m) = mention_at(s, e) {
                    if g.entities[m.entity].kind == EntityKind::Person {
                        break;
                    }
                    // skip the rest of the mention's words
                    while j + 1 < ws.len() && ws[j + 1].start < m.kend {
                        j += 1;
                    }
                } else if !(lexicon::is_title_filler(t)
                    || matches!(t, "عام" | "ل" | "ركن" | "م")
                    || (t == "في"
                        && j + 1 < ws.len()
                        && mention_at(ws[j + 1].start, ws[j + 1].end).is_some()))
                {
                    break;
                }
                j += 1;
            }
            let start = j;
            let end = if start < ws.len() && (joined(start) || comma_before(start)) {
                name_run(start, 3, false)
            } else {
                start
            };
            if end > start
                && lexicon::at_least_chars(word(start), 3)
                && !is_noun_not_name(word(start), &shown(start))
            {
                let (s, e) = norm.orig_span(ws[i].start, ws[start - 1].end);
                let role = normalize::display_form(&a.text[s..e]);
                let role = role.trim_end_matches(['،', ',']);
                // the conjunction before a title is not part of it (واللواء)
                let role = role
                    .strip_prefix('و')
                    .filter(|r| is_title(normalize::key(r.split(' ').next().unwrap_or(r)).as_str()))
                    .unwrap_or(role)
                    .to_string();
                push(
                    start,
                    end - 1,
                    0,
                    EntityKind::Person,
                    Cue::Title,
                    Some(role),
                    side,
                );
                i = end;
                continue;
            }
            i += 1;
            continue;
        }
        // a name after an abbreviated title and its dot (م. شاكر آل نوح)
        if ABBREVIATED_TITLES.contains(&w) && dot_after(i) {
            let end = name_run(i + 1, 3, false);
            if end > i + 1 && lexicon::at_least_chars(word(i + 1), 3) {
                let role = Some(shown(i) + ".");
                push(
                    i + 1,
                    end - 1,
                    0,
                    EntityKind::Person,
                    Cue::Title,
                    role,
                    None,
                );
                i = end;
                continue;
            }
        }
        // a kunya and a nisba (أبو سنان النجدي، أبوسنان النجدي)
        if let Some(end) = kunya(i) {
            push(i, end - 1, 0, EntityKind::Person, Cue::Kunya, None, None);
            i = end;
            continue;
        }
        // a common first name and the name words after it (a father's name after بن)
        if let Some(skip) = first_name(w) {
            let end = first_name_tail(i + 1, name_run(i + 1, 3, true));
            if end > i + 1 {
                push(
                    i,
                    end - 1,
                    skip,
                    EntityKind::Person,
                    Cue::FirstName,
                    None,
                    None,
                );
                i = end;
                continue;
            }
        }
        // a place after a place word in its construct form (مدينة حلب, not المدينة)
        if is_place_word(w) && !has_article(w) && !matches!(w, "لقضاء" | "ولقضاء") {
            let start = i + 1;
            let mut j = start;
            while j < ws.len() && j < start + 2 && joined(j) {
                let t = word(j);
                // a second word only after a compound head (دير الزور) or with the article
                // (عيناتا الجنوبية)
                let second_ok = COMPOUND_HEADS.contains(&word(start))
                    || (t.starts_with("ال") && !word(start).starts_with("ال"));
                if mention_at(ws[j].start, ws[j].end).is_some()
                    || !name_word(t)
                    || (j == start && PARTICLES.contains(&t))
                    || (j > start && !second_ok)
                {
                    break;
                }
                j += 1;
            }
            if j > start
                && lexicon::at_least_chars(word(start), 3)
                && !(j == start + 1 && is_indefinite_adjective(word(start)))
            {
                push(
                    start,
                    j - 1,
                    0,
                    EntityKind::Place,
                    Cue::PlaceWord,
                    None,
                    None,
                );
                let more = coordinated(j);
                let next = more.last().map_or(j, |&(_, l)| l + 1);
                push_places!(more);
                i = next;
                continue;
            }
        }
        // an organisation: its opening word and up to three more (a nationality adjective ends it)
        if let Some((outlet, skip)) = org_word(w).filter(|_| !has_article(w)) {
            let start = i + 1;
            let mut j = start;
            let mut side = None;
            while j < ws.len() && j < start + 3 && joined(j) {
                let (s, e) = (ws[j].start, ws[j].end);
                if let Some(c) = country_adjective(s, e).filter(|_| j > start) {
                    side = Some(c);
                    j += 1;
                    break;
                }
                let t = word(j);
                // an organisation's name goes on with the article (جبهة النصرة، حزب العمال);
                // a verb or a plain noun after the opening word is no name
                if mention_at(s, e).is_some()
                    || !name_word(t)
                    || is_place_word(t)
                    || !t.starts_with("ال")
                {
                    break;
                }
                j += 1;
            }
            if j > start {
                let kind = if outlet || word(start) == "الانباء" {
                    EntityKind::Outlet
                } else {
                    EntityKind::Organisation
                };
                push(i, j - 1, skip, kind, Cue::OrgWord, None, side);
                i = j;
                continue;
            }
        }
        // a transliterated-looking word (kept when it recurs across articles)
        let tb = lexicon::strip_clitics(w, 4);
        if names::foreign_shape(tb) {
            push(
                i,
                i,
                w.len() - tb.len(),
                EntityKind::Person,
                Cue::Shape,
                None,
                None,
            );
        }
        i += 1;
    }
}
