//! Aligned sentence pairs → a label (same / spelling / content) for every pair, and the word diff
//! of the few pairs a report shows.
//!
//! A sentence is read as *tokens*: its normalised words without clitics, where the words of one
//! linked glossary name count as one token (the entity). Two sentences are the **same** when their
//! words are equal, a **spelling** difference when their tokens are equal (only the writing of
//! names differs: «زهراب ناتساكانيان» / «زوهراب مناتساكانيان», or a full name / its surname), and
//! a **content** difference otherwise. Labelling needs no diff: every pair gets a label from its
//! token sequences (hashed once per sentence, compared exactly when the hashes agree); the Myers
//! diff (crate `similar`) runs on the same tokens only for the pairs a report shows, so the
//! label and the pieces shown always agree.

use crate::align::Alignment;
use crate::glossary::Glossary;
use crate::normalize::{words, Normalized};
use crate::Analyzed;
use serde::Serialize;
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words of a word diff, in the original text of its side.
#[derive(Debug, Clone, Serialize)]
pub struct Piece {
    pub op: Op,
    pub text: String,
    /// The glossary entity when the change is only a different spelling of it.
    pub spelling_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Same words after normalisation.
    Same,
    /// Only spellings of the same glossary entities differ.
    Spelling,
    /// Words, figures or dates differ.
    Content,
}

#[derive(Debug, Clone)]
pub struct WordDiff {
    pub alignment: usize,
    pub kind: DiffKind,
    pub pieces: Vec<Piece>,
}

/// One word of a prepared sentence: key span without clitics, original span (in the article).
#[derive(Debug, Clone, Copy)]
struct SWord {
    key: (usize, usize),
    orig: (usize, usize),
    entity: Option<usize>,
}

/// One sentence made ready for labelling and diffing.
pub struct Prepared {
    key: String,
    ws: Vec<SWord>,
}

/// A token: a word, or the words of one linked name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Tok<'a> {
    Word(&'a str),
    Entity(usize),
}

impl Prepared {
    /// The words of `text[start..end]`; `entity_at(orig_start, orig_end)` is the glossary entity
    /// a word belongs to.
    fn new(
        text: &str,
        start: usize,
        end: usize,
        entity_at: impl Fn(usize, usize) -> Option<usize>,
    ) -> Prepared {
        let norm = Normalized::new(&text[start..end]);
        let ws = words(norm.key())
            .into_iter()
            .map(|w| {
                let (s, e) = norm.orig_span(w.start, w.end);
                let bare = crate::lexicon::strip_clitics(&norm.key()[w.start..w.end], 3);
                let orig = (start + s, start + e);
                SWord {
                    key: (w.end - bare.len(), w.end),
                    orig,
                    entity: entity_at(orig.0, orig.1),
                }
            })
            .collect();
        Prepared {
            key: norm.into_key(),
            ws,
        }
    }

    /// The sentence `si` of article `ai`.
    fn of(arts: &[Analyzed], (ai, si): (usize, usize)) -> Prepared {
        let a = &arts[ai];
        let s = &a.article.sentences[si];
        // mentions are sorted by start and do not overlap
        Prepared::new(&a.article.text, s.start, s.end, |ws, we| {
            let i = a.mentions.partition_point(|m| m.end <= ws);
            a.mentions.get(i).filter(|m| m.start < we).map(|m| m.entity)
        })
    }

    fn word(&self, i: usize) -> &str {
        let (s, e) = self.ws[i].key;
        &self.key[s..e]
    }

    /// The tokens and the words each covers.
    fn tokens(&self) -> (Vec<Tok<'_>>, Vec<std::ops::Range<usize>>) {
        let (mut toks, mut spans) = (Vec::new(), Vec::<std::ops::Range<usize>>::new());
        for (i, w) in self.ws.iter().enumerate() {
            match w.entity {
                Some(e) if i > 0 && self.ws[i - 1].entity == Some(e) => {
                    spans.last_mut().expect("a token before").end = i + 1;
                }
                Some(e) => {
                    toks.push(Tok::Entity(e));
                    spans.push(i..i + 1);
                }
                None => {
                    toks.push(Tok::Word(self.word(i)));
                    spans.push(i..i + 1);
                }
            }
        }
        (toks, spans)
    }

    /// Hashes of the word sequence and of the token sequence: different hashes mean different
    /// sequences, equal ones are checked word by word ([`label`]).
    fn signature(&self) -> (u64, u64) {
        let mut w = std::collections::hash_map::DefaultHasher::new();
        for i in 0..self.ws.len() {
            self.word(i).hash(&mut w);
        }
        let mut t = std::collections::hash_map::DefaultHasher::new();
        self.tokens().0.hash(&mut t);
        (w.finish(), t.finish())
    }
}

/// The label of a pair from its words and tokens.
fn label(pa: &Prepared, pb: &Prepared) -> DiffKind {
    let same_words =
        pa.ws.len() == pb.ws.len() && (0..pa.ws.len()).all(|i| pa.word(i) == pb.word(i));
    if same_words {
        DiffKind::Same
    } else if pa.tokens().0 == pb.tokens().0 {
        DiffKind::Spelling
    } else {
        DiffKind::Content
    }
}

/// The label of every aligned pair (same index as `alignments`), in parallel. Each sentence is
/// read once; only pairs whose hashes say same or spelling are compared again word by word.
pub fn labels(arts: &[Analyzed], alignments: &[Alignment]) -> Vec<DiffKind> {
    use rayon::prelude::*;
    let mut sents: Vec<(usize, usize)> = alignments.iter().flat_map(|al| [al.a, al.b]).collect();
    sents.sort_unstable();
    sents.dedup();
    let sigs: Vec<(u64, u64)> = sents
        .par_iter()
        .map(|&s| Prepared::of(arts, s).signature())
        .collect();
    let sig = |s: (usize, usize)| sigs[sents.binary_search(&s).expect("a prepared sentence")];
    alignments
        .par_iter()
        .map(|al| {
            let (a, b) = (sig(al.a), sig(al.b));
            if a.0 != b.0 && a.1 != b.1 {
                return DiffKind::Content;
            }
            label(&Prepared::of(arts, al.a), &Prepared::of(arts, al.b))
        })
        .collect()
}

/// The word diff of one aligned pair (`idx`, its index among the alignments), with the text of
/// every piece: for the pairs a report shows. Its `kind` is the pair's label.
pub fn word_diff(g: &Glossary, arts: &[Analyzed], idx: usize, al: &Alignment) -> WordDiff {
    let (pa, pb) = (Prepared::of(arts, al.a), Prepared::of(arts, al.b));
    let sides = Sides {
        a: (&pa, &arts[al.a.0].article.text),
        b: (&pb, &arts[al.b.0].article.text),
    };
    WordDiff {
        alignment: idx,
        kind: label(&pa, &pb),
        pieces: sides.pieces(g),
    }
}

/// The two sentences of a pair with their articles' text.
struct Sides<'a> {
    a: (&'a Prepared, &'a str),
    b: (&'a Prepared, &'a str),
}

/// Pieces under construction: runs of equal words (side a's) are merged into one piece.
struct Pieces<'a> {
    a: (&'a Prepared, &'a str),
    out: Vec<Piece>,
    /// The pending run of equal words (side a's word indexes).
    equal: Option<std::ops::Range<usize>>,
}

impl Pieces<'_> {
    fn equal(&mut self, r: std::ops::Range<usize>) {
        if r.is_empty() {
            return;
        }
        match &mut self.equal {
            Some(p) if p.end == r.start => p.end = r.end,
            _ => {
                self.flush();
                self.equal = Some(r);
            }
        }
    }

    fn push(&mut self, op: Op, text: String, spelling_of: Option<String>) {
        self.flush();
        self.out.push(Piece {
            op,
            text,
            spelling_of,
        });
    }

    fn flush(&mut self) {
        if let Some(r) = self.equal.take() {
            let text = span_text(self.a.0, self.a.1, r);
            self.out.push(Piece {
                op: Op::Equal,
                text,
                spelling_of: None,
            });
        }
    }

    fn finish(mut self) -> Vec<Piece> {
        self.flush();
        self.out
    }
}

/// The original text from the first word's start to the last word's end.
fn span_text(p: &Prepared, t: &str, r: std::ops::Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    t[p.ws[r.start].orig.0..p.ws[r.end - 1].orig.1].to_string()
}

/// The words' original text joined by spaces.
fn joined(p: &Prepared, t: &str, r: std::ops::Range<usize>) -> String {
    r.map(|k| &t[p.ws[k].orig.0..p.ws[k].orig.1])
        .collect::<Vec<_>>()
        .join(" ")
}

impl Sides<'_> {
    /// The Myers diff of the token sequences, as pieces in the original text.
    fn pieces(&self, g: &Glossary) -> Vec<Piece> {
        let ((ta, sa), (tb, sb)) = (self.a.0.tokens(), self.b.0.tokens());
        let words = |s: &[std::ops::Range<usize>], r: std::ops::Range<usize>| {
            if r.is_empty() {
                0..0
            } else {
                s[r.start].start..s[r.end - 1].end
            }
        };
        let mut ps = Pieces {
            a: self.a,
            out: Vec::new(),
            equal: None,
        };
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ta, &tb) {
            let (_, ra, rb) = op.as_tag_tuple();
            match op {
                similar::DiffOp::Equal { .. } => {
                    for k in 0..ra.len() {
                        let (x, y) = (sa[ra.start + k].clone(), sb[rb.start + k].clone());
                        self.equal_token(g, &mut ps, ta[ra.start + k], x, y);
                    }
                }
                similar::DiffOp::Delete { .. } => {
                    let text = span_text(self.a.0, self.a.1, words(&sa, ra));
                    ps.push(Op::Delete, text, None);
                }
                similar::DiffOp::Insert { .. } => {
                    let text = span_text(self.b.0, self.b.1, words(&sb, rb));
                    ps.push(Op::Insert, text, None);
                }
                similar::DiffOp::Replace { .. } => {
                    let del = joined(self.a.0, self.a.1, words(&sa, ra));
                    let ins = joined(self.b.0, self.b.1, words(&sb, rb));
                    ps.push(Op::Delete, del, None);
                    ps.push(Op::Insert, ins, None);
                }
            }
        }
        ps.finish()
    }

    /// An equal token: equal words, or one name written two ways. Of a respelled name, the words
    /// both sides share at its start and end stay equal and the rest is shown respelled (the
    /// whole name when one side's rest is empty: a full name against its surname).
    fn equal_token(
        &self,
        g: &Glossary,
        ps: &mut Pieces<'_>,
        tok: Tok<'_>,
        x: std::ops::Range<usize>,
        y: std::ops::Range<usize>,
    ) {
        let (pa, pb) = (self.a.0, self.b.0);
        let same = |i: usize, j: usize| pa.word(i) == pb.word(j);
        let Tok::Entity(e) = tok else {
            return ps.equal(x);
        };
        if x.len() == y.len() && x.clone().zip(y.clone()).all(|(i, j)| same(i, j)) {
            return ps.equal(x);
        }
        let n = x.len().min(y.len());
        let pre = (0..n)
            .take_while(|&k| same(x.start + k, y.start + k))
            .count();
        let suf = (0..n - pre)
            .take_while(|&k| same(x.end - 1 - k, y.end - 1 - k))
            .count();
        let (mut mx, mut my) = (x.start + pre..x.end - suf, y.start + pre..y.end - suf);
        if mx.is_empty() || my.is_empty() {
            (mx, my) = (x.clone(), y.clone());
        }
        ps.equal(x.start..mx.start);
        let id = Some(g.entities[e].id.clone());
        let del = joined(pa, self.a.1, mx.clone());
        ps.push(Op::Delete, del, id.clone());
        let ins = joined(pb, self.b.1, my);
        ps.push(Op::Insert, ins, id);
        ps.equal(mx.end..x.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence whose words listed in `names` (by their original text) belong to entity 0.
    fn prep(text: &str, names: &[&str]) -> Prepared {
        Prepared::new(text, 0, text.len(), |s, e| {
            names.contains(&&text[s..e]).then_some(0)
        })
    }

    #[test]
    fn equal_words_are_the_same() {
        // diacritics and a clitic-free key: the same words
        let a = prep("وصل الوزير كمال إلى المدينة", &["كمال"]);
        let b = prep("وصل الوزيرُ كمال الى المدينة", &["كمال"]);
        assert_eq!(label(&a, &b), DiffKind::Same);
        assert_eq!(a.signature(), b.signature());
    }

    #[test]
    fn a_respelled_name_is_a_spelling_difference() {
        let a = prep("وصل الوزير كمال حسنين إلى المدينة", &["كمال", "حسنين"]);
        let b = prep("وصل الوزير كامل حسانين إلى المدينة", &["كامل", "حسانين"]);
        assert_eq!(label(&a, &b), DiffKind::Spelling);
        // a full name against the surname alone is a spelling difference too
        let c = prep("وصل الوزير حسنين إلى المدينة", &["حسنين"]);
        assert_eq!(label(&a, &c), DiffKind::Spelling);
        assert_ne!(a.signature().0, c.signature().0);
        assert_eq!(a.signature().1, c.signature().1);
    }

    #[test]
    fn a_changed_word_beside_a_name_is_content() {
        let a = prep("وصل الوزير كمال إلى المدينة أمس", &["كمال"]);
        let b = prep("وصل الوزير كامل إلى القرية أمس", &["كامل"]);
        assert_eq!(label(&a, &b), DiffKind::Content);
        // equal words are the same sentence whether or not a name was linked in it
        let c = prep("وصل الوزير كمال إلى المدينة أمس", &[]);
        let a2 = prep("وصل الوزير كمال إلى المدينة أمس", &["كمال"]);
        assert_eq!(label(&a2, &c), DiffKind::Same);
        // a name on one side against an ordinary word on the other is content
        let d = prep("وصل الوزير سعيد إلى المدينة أمس", &[]);
        assert_eq!(label(&a2, &d), DiffKind::Content);
    }

    fn diff(a: &str, an: &[&str], b: &str, bn: &[&str]) -> Vec<(Op, String, bool)> {
        let g = Glossary::layered(&[crate::glossary::Layer::world()]).unwrap();
        let (pa, pb) = (prep(a, an), prep(b, bn));
        let sides = Sides {
            a: (&pa, a),
            b: (&pb, b),
        };
        sides
            .pieces(&g)
            .into_iter()
            .map(|p| (p.op, p.text, p.spelling_of.is_some()))
            .collect()
    }

    #[test]
    fn pieces_show_the_respelled_word_and_the_changed_word() {
        let d = diff(
            "قال الوزير كمال حسنين، إن ثلاثة جرحى نقلوا",
            &["كمال", "حسنين"],
            "قال الوزير كامل حسنين، إن خمسة جرحى نقلوا",
            &["كامل", "حسنين"],
        );
        let want = [
            (Op::Equal, "قال الوزير", false),
            (Op::Delete, "كمال", true),
            (Op::Insert, "كامل", true),
            (Op::Equal, "حسنين، إن", false),
            (Op::Delete, "ثلاثة", false),
            (Op::Insert, "خمسة", false),
            (Op::Equal, "جرحى نقلوا", false),
        ];
        let got: Vec<(Op, &str, bool)> = d.iter().map(|(o, t, s)| (*o, t.as_str(), *s)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_surname_against_the_full_name_shows_the_whole_name() {
        let d = diff(
            "وصل كمال حسنين أمس",
            &["كمال", "حسنين"],
            "وصل حسنين أمس",
            &["حسنين"],
        );
        assert_eq!(d[1], (Op::Delete, "كمال حسنين".to_string(), true));
        assert_eq!(d[2], (Op::Insert, "حسنين".to_string(), true));
        assert_eq!(d.len(), 4, "{d:?}");
    }
}
