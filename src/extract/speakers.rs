//! Clauses → who says what each clause says.
//!
//! A verb of saying names its speaker right after it (VSO: «قال بوتين»، «أكدت وزارة الدفاع
//! الأذربيجانية»، «دعا الرئيس الروسي، فلاديمير بوتين،») or before it («لكن لودريان اتهم»); a
//! person in that noun phrase wins over the body they lead, an institution with a nationality
//! adjective speaks for its state, and a speaker the glossary does not know is kept as written
//! («متطوع أرمني»). «لوكالة X» is whom they spoke to, not who spoke. A verb with no subject
//! continues the last speaker of the sentence, or — when it opens the sentence («وأضاف») — the
//! previous sentence's. The speaker covers the verb's clause and the clauses after it in the
//! sentence, except relative clauses (the narrator's background); «بحسب X» covers the clauses of
//! its sentence that have no speaker.

use super::clauses::{is_reported_opener, ClauseKind, Clauses};
use super::{Ctx, Speaker};
use crate::glossary::{EntityKind, Glossary};
use crate::lexicon;

pub struct Speakers {
    /// The speaker of each clause.
    pub by_clause: Vec<Speaker>,
}

impl Speakers {
    pub fn of_clause(&self, ci: usize) -> Speaker {
        self.by_clause.get(ci).copied().unwrap_or_default()
    }

    /// The first known speaker entity of each sentence.
    pub fn per_sentence(&self, n: usize, clauses: &Clauses) -> Vec<Option<usize>> {
        let mut out = vec![None; n];
        for (ci, cl) in clauses.list.iter().enumerate() {
            if let (Some(s), Some(e)) = (cl.sentence, self.by_clause[ci].entity) {
                if s < n {
                    out[s].get_or_insert(e);
                }
            }
        }
        out
    }
}

/// Institutions: with a nationality adjective and no name, they speak for their state.
pub(crate) fn is_body(w: &str) -> bool {
    lexicon::any_form(w, |w| {
        matches!(
            w,
            "وزاره"
                | "الوزاره"
                | "الخارجيه"
                | "الدفاع"
                | "الداخليه"
                | "الجيش"
                | "جيش"
                | "الحكومه"
                | "حكومه"
                | "الرياسه"
                | "رياسه"
                | "السلطات"
                | "سلطات"
                | "القوات"
                | "قوات"
                | "البرلمان"
                | "مكتب"
                | "الاركان"
                | "هييه"
                | "النيابه"
        )
    })
}

/// Nouns that head a phrase in construct with a name: «قوات إقليم ناغورنو كاراباخ».
fn is_np_head(w: &str) -> bool {
    lexicon::any_form(w, |w| {
        matches!(
            w,
            "اقليم"
                | "منطقه"
                | "مدينه"
                | "جمهوريه"
                | "ولايه"
                | "محافظه"
                | "مقاتلو"
                | "مسلحو"
                | "عناصر"
                | "زعيم"
                | "رييس"
                | "قاده"
                | "قايد"
        )
    })
}

/// Function words that end a speaker's noun phrase.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "علي"
            | "الي"
            | "عن"
            | "مع"
            | "منذ"
            | "خلال"
            | "بعد"
            | "قبل"
            | "امام"
            | "حتي"
            | "كما"
            | "ايضا"
            | "قد"
            | "لقد"
            | "ان"
            | "انه"
            | "انها"
            | "لا"
            | "لم"
            | "لن"
            | "ما"
            | "هذا"
            | "هذه"
            | "ذلك"
            | "عبر"
            | "بين"
            | "عقب"
            | "اثر"
            | "يوم"
            | "سوي"
            | "الا"
            | "غير"
    ) || lexicon::is_prep_pronoun(w)
}

/// A witness: «شاهد عيان»، «أحد السكان»، «أحد الشهود» — not «أحد المسؤولين», and not
/// paramedics («حسب المسعفين»), whose counts are tolls.
fn is_witness(c: &Ctx, head: usize) -> bool {
    let witness_word = |w: &str| {
        lexicon::any_form(w, |w| {
            matches!(
                w,
                "شاهد"
                    | "شهود"
                    | "الشهود"
                    | "مواطن"
                    | "مواطنه"
                    | "ساكن"
                    | "سكان"
                    | "السكان"
                    | "الاهالي"
                    | "المواطنين"
                    | "الناجين"
                    | "ناجون"
            )
        })
    };
    let one_of = lexicon::any_form(c.w[head], |w| matches!(w, "احد" | "احدي"));
    if one_of {
        return c.word(head + 1).is_some_and(witness_word);
    }
    witness_word(c.w[head])
}

/// A verb of saying with an object pronoun: «أرقام أعلنتها يريفان».
pub(crate) fn is_speech_with_suffix(w: &str) -> bool {
    // most words end otherwise: two byte comparisons rule them out
    ["ها", "هم"].iter().any(|suf| {
        w.strip_suffix(suf).is_some_and(|stem| {
            stem.len() >= 6 && lexicon::is_lexical(stem) && lexicon::is_speech_word(stem)
        })
    })
}

/// Outlets spoken to: «لوكالة»، «لقناة»، «لصحيفة».
fn is_addressee_word(w: &str) -> bool {
    let bare = w.strip_prefix('و').unwrap_or(w);
    bare.starts_with('ل')
        && matches!(
            &bare[2..],
            "وكاله"
                | "قناه"
                | "صحيفه"
                | "موقع"
                | "تلفزيون"
                | "اذاعه"
                | "شبكه"
                | "ـ"
                | ""
        )
}

/// The last word covered by the mention starting at word `i`.
pub(crate) fn mention_last_word(c: &Ctx, i: usize) -> usize {
    let Some(mi) = c.mention_at[i] else { return i };
    let kend = c.mentions[mi].kend;
    let mut j = i;
    while j + 1 < c.len() && c.ws[j + 1].start < kend {
        j += 1;
    }
    j
}

/// The noun phrase right after word `i`, read as who acts or speaks.
pub(crate) struct Chain {
    pub speaker: Speaker,
    /// A lone definite noun («الوزارة»): refers back to someone already named.
    pub anaphor: bool,
    /// The words of the noun phrase (first, last), when there is one.
    pub words: Option<(usize, usize)>,
    /// Does the phrase start with an institution or a title word?
    pub titled: bool,
    /// Did plain nouns come before the name («هز بلدة سروج»)? Then the name is not the head of
    /// the phrase, and may not be read as who acted.
    pub plain_head: bool,
    /// The nationality adjective of the phrase, if any.
    pub adjective: Option<usize>,
}

pub(crate) fn chain_after(g: &Glossary, c: &Ctx, i: usize) -> Chain {
    let n = c.len();
    let sent = c.sent_of_word[i];
    // «أعلنت فيه الرئاسة»، «قال له الوزير»: a preposition with a pronoun between the verb and
    // a definite or named subject is skipped; «قال فيها:», «دعا فيه لإعفاءات» name nobody
    let head = if c.word(i + 1).is_some_and(lexicon::is_prep_pronoun)
        && !c.clause_break_before(i + 1)
        && !c.clause_break_before(i + 2)
        && c.word(i + 2).is_some_and(|w| {
            w.starts_with("ال") || lexicon::is_title(w) || c.mention_first[i + 2] == Some(i + 2)
        }) {
        i + 2
    } else {
        i + 1
    };
    // «الحزب الذي اتهم السلطة المركزية»: after a relative pronoun the verb's subject is the
    // noun before it, and what follows is its object
    let relative = i > 0
        && c.sent_of_word[i - 1] == sent
        && matches!(
            c.w[i - 1],
            "الذي" | "التي" | "الذين" | "اللذان" | "اللتان" | "اللذين"
        );
    let n = if relative { head } else { n };
    let (mut person, mut name, mut adjective) = (None, None, None);
    let (mut body_head, mut titled, mut indefinite) = (false, false, 0);
    let mut last: Option<usize> = None;
    let mut j = head;
    while j < n && j <= i + 9 && c.sent_of_word[j] == sent {
        if c.clause_break_before(j) {
            // an apposition continues across a comma: «الرئيس الروسي، فلاديمير بوتين»
            let apposition = c.comma_before(j) && person.is_none() && name.is_none();
            if !apposition || j == head {
                break;
            }
        }
        let w = c.w[j];
        if is_reported_opener(w)
            || c.is_digits(j)
            || (c.lexical[j] && (lexicon::is_speech_word(w) || lexicon::is_according_word(w)))
            || is_addressee_word(w)
        {
            break;
        }
        if let Some((e, adj)) = c.mention(j) {
            let adj = adj || nisba_after_noun(g, c, e, j, head, indefinite);
            let mi = c.mention_at[j].unwrap_or(0);
            let prefix = &c.key[c.ws[j].start..c.mentions[mi].kstart];
            let titles_only = j > head
                && titled
                && indefinite == 0
                && person.is_none()
                && name.is_none()
                && adjective.is_none();
            if prefix.contains('ل') && !prefix.contains("ال") && !titles_only {
                break; // «لوكالة الأناضول», «لبوتين»: whom they spoke to
            }
            // otherwise «الأمين العام لحلف شمال الأطلسي»: the body the title belongs to
            let end = mention_last_word(c, j);
            // after «القوات الأذربيجانية» a place or body starts a new phrase (the object);
            // only a person continues it («الرئيس الأذربيجاني إلهام علييف»)
            if !adj && adjective.is_some() && g.entities[e].kind != EntityKind::Person {
                break;
            }
            // a definite noun is in construct with nothing: after «القوات الحكومية» a place or
            // body is the object («قصفت القوات الحكومية غنجة»), not whose forces they are
            let definite = j > head && lexicon::with_article(c.w[j - 1]).is_some();
            if !adj && definite && g.entities[e].kind != EntityKind::Person {
                break;
            }
            if adj {
                adjective.get_or_insert(e);
            } else if g.entities[e].kind == EntityKind::Person {
                person = Some(e);
                last = Some(end);
                break;
            } else {
                name.get_or_insert(e);
            }
            last = Some(end);
            j = end + 1;
            continue;
        }
        if w == "في" && body_head && person.is_none() && name.is_none() && adjective.is_none() {
            // «السلطات في إقليم X»: the body of a place speaks for it
            if let Some(k) = (j + 1..(j + 3).min(n)).find(|&k| c.mention_first[k] == Some(k)) {
                if (j + 1..k).all(|m| is_np_head(c.w[m])) {
                    if let Some((e, false)) = c.mention(k) {
                        name = Some(e);
                        last = Some(mention_last_word(c, k));
                        break;
                    }
                }
            }
        }
        if is_stop(w) {
            break;
        }
        if person.is_none() && name.is_none() && adjective.is_none() {
            if lexicon::is_title(w) || lexicon::is_title_filler(w) {
                if j == head {
                    body_head = is_body(w);
                    titled = true;
                }
                last = Some(j);
                j += 1;
                continue;
            }
            // an indefinite noun: the head, and one noun in construct after it («مراسل وكالة»);
            // «و» + a word after the head starts something new («أحد المسؤولين ورفض»)
            let joined = j > head && w.starts_with('و');
            if !joined && indefinite < 2 && (j == head || (indefinite == 1 && last == Some(j - 1)))
            {
                indefinite += 1;
                last = Some(j);
                j += 1;
                continue;
            }
        } else if (lexicon::is_title(w) || lexicon::is_title_filler(w)) && person.is_none() {
            // «وزارة الدفاع الأذربيجانية»: more of the phrase, until a person may follow
            last = Some(j);
            j += 1;
            continue;
        }
        break;
    }
    // a capital or seat of power speaks for its state («أعلنت موسكو»): the glossary's `side`
    let name = name.map(|e| match g.entities[e].kind {
        EntityKind::Place => g.entities[e].side.unwrap_or(e),
        _ => e,
    });
    let entity = person
        .or(name)
        .or(adjective.filter(|_| body_head && indefinite == 0));
    let words = last.map(|l| (head, l));
    let anaphor = entity.is_none()
        && adjective.is_none()
        && words == Some((head, head))
        && lexicon::with_article(c.w[head]).is_some();
    // an event does not speak: «أعلنت الهدنة» is «the truce was announced»
    // nor does what is counted: «أكد سقوط بعض القتلى» (a measure's verbal noun heads the
    // object), nor a phrase with a figure after its head («ثلاثة شهود» is a speaker)
    let surface = match (entity, words) {
        (None, Some((a, b)))
            if !c.has_event[a]
                && g.measure_at(&c.w[a..=b]).is_none()
                && !(a..=b).any(|k| {
                    c.w[k].bytes().any(|x| x.is_ascii_digit())
                        || (k > a
                            && lexicon::number_word(lexicon::strip_clitics(c.w[k], 2)).is_some())
                }) =>
        {
            Some(c.span(a, b))
        }
        _ => None,
    };
    let witness = words.is_some() && is_witness(c, head);
    Chain {
        speaker: Speaker {
            entity,
            surface,
            witness,
        },
        anaphor,
        words,
        titled,
        plain_head: indefinite > 0,
        adjective,
    }
}

/// «مصادر سورية»: a country's name in its feminine nisba form («سورية»، «تركية») right after
/// an indefinite plain noun is the adjective («Syrian sources»), not the country speaking.
fn nisba_after_noun(g: &Glossary, c: &Ctx, e: usize, j: usize, head: usize, nouns: usize) -> bool {
    j == head + 1
        && nouns == 1
        && g.entities[e].kind == EntityKind::Country
        && c.mention_first[j] == Some(j)
        && mention_last_word(c, j) == j
        && c.w[j].ends_with("يه")
}

/// The subject before word `i` (SVO): a noun phrase of names and titles that starts its clause
/// or follows «لكن/إن/و/ثم». Returns the person in it, else the first name.
pub(crate) fn subject_before(g: &Glossary, c: &Ctx, clauses: &Clauses, i: usize) -> Option<usize> {
    subject_phrase_before(g, c, clauses, i).map(|(e, _)| e)
}

/// [`subject_before`], and whether an institution heads the phrase («قوات إقليم X»: X acts
/// through its forces).
pub(crate) fn subject_phrase_before(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    i: usize,
) -> Option<(usize, bool)> {
    let mut k = i;
    let (mut person, mut name) = (None, None);
    let mut steps = 0;
    while k > 0 && steps < 6 && clauses.same(k - 1, i) && !c.clause_break_before(k) {
        let p = k - 1;
        if let Some(start) = c.mention_first[p] {
            if let Some((e, false)) = c.mention(start) {
                if g.entities[e].kind == EntityKind::Person {
                    person.get_or_insert(e);
                } else {
                    name = Some(e);
                }
            }
            k = start;
        } else if lexicon::is_title(c.w[p])
            || lexicon::is_title_filler(c.w[p])
            || is_body(c.w[p])
            || is_np_head(c.w[p])
        {
            k = p;
        } else {
            break;
        }
        steps += 1;
    }
    if k == i || (person.is_none() && name.is_none()) {
        return None;
    }
    let body = (k..i).any(|m| c.mention_first[m].is_none() && is_body(c.w[m]));
    let opens = k == clauses.get(clauses.of(i)).first
        || c.clause_break_before(k)
        || k.checked_sub(1).is_some_and(|b| {
            matches!(
                c.w[b],
                "لكن" | "ولكن" | "ان" | "وان" | "لان" | "ثم" | "و" | "كما" | "بينما" | "فيما"
            )
        });
    opens
        .then_some(person.or(name))
        .flatten()
        .map(|e| (e, body))
}

/// The first person of a sentence, when it comes within its first six words (its subject).
fn early_person(g: &Glossary, c: &Ctx, s: usize) -> Option<usize> {
    let first = *c.first_word.get(s)?;
    (first..(first + 6).min(c.len()))
        .take_while(|&k| c.sent_of_word[k] == Some(s))
        .filter_map(|k| c.mention(k))
        .find(|&(e, adj)| !adj && g.entities[e].kind == EntityKind::Person)
        .map(|(e, _)| e)
}

/// Every clause's speaker.
pub fn attribute(g: &Glossary, c: &Ctx, clauses: &Clauses) -> Speakers {
    let mut by_clause = vec![Speaker::default(); clauses.list.len()];
    let mut prev_sentence: (Option<usize>, Speaker) = (None, Speaker::default());
    let mut ci = 0;
    while ci < clauses.list.len() {
        let sent = clauses.list[ci].sentence;
        let mut cj = ci;
        while cj < clauses.list.len() && clauses.list[cj].sentence == sent {
            cj += 1;
        }
        let content = sent.is_some_and(|s| c.article.sentences[s].kind.is_content());
        // a sentence that opens inside quotation marks and has no verb of saying of its own
        // outside them continues a quotation («… هناك ناس يموتون.»); «"…" قال علييف» does not
        let (first, last) = (clauses.list[ci].first, clauses.list[cj - 1].last);
        let own_verb =
            (first..=last).any(|i| !c.quoted[i] && c.lexical[i] && lexicon::is_speech_word(c.w[i]));
        let continues_quote = c.quoted.get(first).copied().unwrap_or(false) && !own_verb;
        if content && continues_quote {
            // a sentence inside a quotation that goes on: the same speaker, kept for what follows
            for slot in &mut by_clause[ci..cj] {
                *slot = prev_sentence.1;
            }
        } else if content {
            let last = sentence_speakers(g, c, clauses, ci..cj, &prev_sentence, &mut by_clause);
            if last.is_known() {
                prev_sentence = (sent, last);
            } else {
                prev_sentence = (sent, Speaker::default());
                if let Some(p) = sent.and_then(|s| early_person(g, c, s)) {
                    prev_sentence.1.entity = Some(p);
                }
            }
        }
        ci = cj;
    }
    Speakers { by_clause }
}

/// The speakers of the clauses `range` of one sentence; returns the last speaker named.
fn sentence_speakers(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    range: std::ops::Range<usize>,
    prev: &(Option<usize>, Speaker),
    by_clause: &mut [Speaker],
) -> Speaker {
    let first_word = clauses.list[range.start].first;
    let mut current = Speaker::default();
    let mut according = Speaker::default();
    // the last speech verb of the sentence and whether reported speech follows it
    let mut trailing: Option<(usize, Speaker)> = None;
    for ci in range.clone() {
        let cl = &clauses.list[ci];
        let mut own = None;
        for i in cl.first..=cl.last {
            if c.quoted[i] {
                continue;
            }
            let suffixed = !c.lexical[i] && is_speech_with_suffix(c.w[i]);
            if !c.lexical[i] && !suffixed {
                continue;
            }
            if suffixed || lexicon::is_speech_word(c.w[i]) {
                let sp = speech_speaker(g, c, clauses, i, first_word, &current, prev);
                if sp.is_known() {
                    current = sp;
                    own.get_or_insert(sp);
                    trailing = Some((ci, sp));
                }
            } else if lexicon::is_according_word(c.w[i]) {
                let ch = chain_after(g, c, i);
                if ch.speaker.entity.is_some() || (ch.titled && ch.speaker.surface.is_some()) {
                    according = ch.speaker;
                }
            }
        }
        by_clause[ci] = match (own, cl.kind) {
            (Some(sp), _) => sp,
            (None, ClauseKind::Relative) => Speaker::default(),
            (None, _) => current,
        };
    }
    // «قُتل 5، قال الجيش»: a last verb of saying with no reported speech after it covers the
    // clauses before it that have no speaker
    if let Some((tc, sp)) = trailing {
        let reported_after =
            (tc + 1..range.end).any(|k| clauses.list[k].kind == ClauseKind::Reported);
        if !reported_after && tc > range.start {
            #[allow(clippy::needless_range_loop)]
            for k in range.start..tc {
                if !by_clause[k].is_known() && clauses.list[k].kind != ClauseKind::Relative {
                    by_clause[k] = sp;
                }
            }
        }
    }
    if according.is_known() {
        for k in range.clone() {
            if !by_clause[k].is_known() && clauses.list[k].kind != ClauseKind::Relative {
                by_clause[k] = according;
            }
        }
    }
    current
}

/// Who speaks through the verb of saying at word `i`.
fn speech_speaker(
    g: &Glossary,
    c: &Ctx,
    clauses: &Clauses,
    i: usize,
    sentence_first: usize,
    current: &Speaker,
    prev: &(Option<usize>, Speaker),
) -> Speaker {
    let ch = chain_after(g, c, i);
    if let Some(e) = titled_person_ahead(g, c, clauses, &ch) {
        return Speaker {
            entity: Some(e),
            ..Speaker::default()
        };
    }
    let last = if current.is_known() { current } else { &prev.1 };
    if let Some(sp) = refers_back(g, &ch, last) {
        return sp;
    }
    if ch.speaker.is_known() && !ch.anaphor {
        return ch.speaker;
    }
    if let Some(e) = subject_before(g, c, clauses, i) {
        return Speaker {
            entity: Some(e),
            ..Speaker::default()
        };
    }
    if current.is_known() {
        return *current;
    }
    // a verb that opens its sentence with no subject, or with a lone definite noun
    // («وقالت الوزارة»), continues the previous sentence's speaker; elsewhere a lone definite
    // noun after the verb may be its object («حذرت الحكومة»): then nobody is named
    let opens_sentence = i < sentence_first + 3;
    if opens_sentence && (ch.anaphor || !ch.speaker.is_known()) && prev.1.is_known() {
        return prev.1;
    }
    if ch.anaphor {
        return Speaker::default();
    }
    ch.speaker
}

/// «قال رئيس مركز الدراسات في برلين فلان»: a title whose phrase goes on (nouns of the body it
/// heads, «في» + a place) to a person named right after the place. The person is the speaker,
/// not anyone spoken of before. Nothing when a preposition other than «في» + a place, a verb of
/// saying, an event, a reported opener or a clause break comes first.
fn titled_person_ahead(g: &Glossary, c: &Ctx, clauses: &Clauses, ch: &Chain) -> Option<usize> {
    if !ch.titled || ch.speaker.entity.is_some() {
        return None;
    }
    let (a, b) = ch.words?;
    let is_place = |e: usize| matches!(g.entities[e].kind, EntityKind::Place | EntityKind::Country);
    let mut k = b + 1;
    let mut plain = 0;
    let mut after_place = false;
    while k < c.len() && k <= a + 12 && clauses.same(k, a) && !c.clause_break_before(k) {
        let w = c.w[k];
        if let Some((e, adj)) = c.mention(k) {
            let mi = c.mention_at[k]?;
            let prefix = &c.key[c.ws[k].start..c.mentions[mi].kstart];
            if !prefix.is_empty() {
                return None; // «لبوتين», «وبوتين»: not the title's name
            }
            if !adj && g.entities[e].kind == EntityKind::Person {
                // right after «في» + the place: «في ألمانيا نواف خليل»
                return after_place.then_some(e);
            }
            after_place = c.w[k - 1] == "في" && is_place(e);
            k = mention_last_word(c, k) + 1;
            continue;
        }
        after_place = false;
        if w == "في" {
            // only «في» + a place (where the body is)
            if !c.mention(k + 1).is_some_and(|(e, adj)| !adj && is_place(e)) {
                return None;
            }
            k += 1;
            continue;
        }
        if is_stop(w)
            || is_reported_opener(w)
            || is_addressee_word(w)
            || (c.lexical[k] && (lexicon::is_speech_word(w) || lexicon::is_according_word(w)))
            || c.has_event[k]
        {
            return None;
        }
        // the nouns of the body the title heads («مركز الدراسات الكردية»)
        plain += 1;
        if plain > 5 {
            return None;
        }
        k += 1;
    }
    None
}

/// «وقال المسؤول التركي»، «وأضاف رئيس الحكومة التركية» after Davutoğlu spoke: a definite
/// description with no name refers back to the last person who spoke, when its nationality (if
/// it gives one) is that person's side.
fn refers_back(g: &Glossary, ch: &Chain, last: &Speaker) -> Option<Speaker> {
    let person = last
        .entity
        .filter(|&e| g.entities[e].kind == EntityKind::Person)?;
    let definite = ch.titled && ch.speaker.entity.is_none() && !ch.plain_head;
    let same_side = ch
        .adjective
        .is_none_or(|adj| g.entities[person].side == Some(adj));
    (definite && same_side && !ch.speaker.witness).then_some(*last)
}
