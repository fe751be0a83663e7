//! Arabic text → matching key, with a map from every byte of the key back to the original bytes.
//!
//! In: any `&str` as read from disk. Out: [`Normalized`] (the key plus the offset map) and
//! [`Key`], the only type the glossary and the linker accept for lookups.
//!
//! The rules, applied character by character (each is tested below):
//!
//! 1. **Compatibility decomposition** (the NFKD half of NFKC): Arabic presentation forms
//!    (U+FB50–U+FDFF, U+FE70–U+FEFF) become base letters, `ﻻ` becomes `لا`, full-width digits
//!    become ASCII, and a letter with hamza or madda decomposes into its base + a mark.
//! 2. **Marks are dropped**: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks,
//!    hamza/madda above and below (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED), and
//!    any other combining mark. So `أ إ آ → ا`, `ؤ → و`, `ئ → ي`.
//! 3. **Tatweel** (U+0640) and every **default-ignorable code point** are dropped: zero-width
//!    and bidi controls (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+061C), the word joiner
//!    and invisible operators (U+2060–U+2064), U+180E, U+FEFF, U+00AD, U+034F, variation
//!    selectors, tags.
//! 4. **Letter folding**: `ٱ → ا`, `ى → ي`, `ة → ه`, Persian look-alikes `ی → ي`, `ک → ك`,
//!    `ە ۃ → ه`, and the transliteration letters `ڤ → ف`, `پ → ب`, `چ → ج`, `گ → ك`.
//! 5. **Digits**: Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII; `٫ → .`, `٬ → ,`,
//!    `٪ → %`.
//! 6. **Case**: letters are lower-cased.
//! 7. **White space**: every run of white space becomes one ASCII space, or one line feed when
//!    the run holds a line break (so later stages still see line boundaries).
//!
//! A dropped character is charged to the key character before it, so a span of the key always
//! maps back to a span of the original that starts and ends on character boundaries and covers
//! the marks that belong to its last letter.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A normalised matching key. Only [`key`] and [`Normalized`] build one, so a lookup can never
/// bypass normalisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(String);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key of a short string (a glossary spelling, a trigger word), trimmed.
pub fn key(text: &str) -> Key {
    Key(Normalized::new(text).key.trim().to_string())
}

/// A normalised text with, for every byte of the key, the span of the original character that
/// produced it.
#[derive(Debug, Clone)]
pub struct Normalized {
    key: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

/// What one original character becomes.
enum Fold {
    Drop,
    Space(bool),
    Char(char),
}

fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}')
        || is_invisible(c)
        || is_combining_mark(c)
}

/// True for the invisible characters that rule 3 drops (used by the name checks): every
/// Unicode default-ignorable code point (DerivedCoreProperties.txt, Unicode 15), which covers
/// the zero-width and bidi controls, the word joiner and invisible operators U+2060–U+2064,
/// the Mongolian vowel separator U+180E, soft hyphen, combining grapheme joiner, variation
/// selectors, Hangul fillers and tags.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// True for Arabic diacritics and tatweel (rule 2 and 3 without the invisible controls).
pub fn is_diacritic(c: char) -> bool {
    is_dropped(c) && !is_invisible(c)
}

/// True for the Persian look-alike letters of rule 4.
pub fn is_persian_lookalike(c: char) -> bool {
    matches!(c, 'ی' | 'ک' | 'ە' | 'ۃ')
}

fn fold_one(c: char) -> Fold {
    if is_dropped(c) {
        return Fold::Drop;
    }
    if c.is_whitespace() {
        return Fold::Space(matches!(
            c,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'
        ));
    }
    let c = match c {
        'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ی' => 'ي',
        'ک' => 'ك',
        'ە' | 'ۃ' | 'ۀ' => 'ه',
        'ڤ' => 'ف',
        'پ' => 'ب',
        'چ' => 'ج',
        'گ' => 'ك',
        '٫' => '.',
        '٬' => ',',
        '٪' => '%',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    };
    Fold::Char(c)
}

impl Normalized {
    pub fn new(text: &str) -> Normalized {
        let mut n = Normalized {
            key: String::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len()),
        };
        let mut last_space = false;
        for (pos, c) in text.char_indices() {
            let (s, e) = (pos as u32, (pos + c.len_utf8()) as u32);
            // fast path: plain Arabic letters other than the folded ones, ASCII letters and digits
            if matches!(c, '\u{0628}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}' | 'a'..='z' | '0'..='9')
                && c != 'ة'
            {
                n.push(c, s, e);
                last_space = false;
                continue;
            }
            if c == ' ' {
                if last_space {
                    n.extend_last(e);
                } else {
                    n.push(' ', s, e);
                    last_space = true;
                }
                continue;
            }
            // Rule 1: decompose compatibility characters first, then fold each piece.
            let mut pieces: [char; 8] = ['\0'; 8];
            let mut count = 0;
            decompose_compatible(c, |d| {
                if count < pieces.len() {
                    pieces[count] = d;
                    count += 1;
                }
            });
            if count == 0 {
                pieces[0] = c;
                count = 1;
            }
            for &d in &pieces[..count] {
                match fold_one(d) {
                    Fold::Drop => n.extend_last(e),
                    Fold::Space(newline) if last_space => {
                        if newline && n.key.ends_with(' ') {
                            // the run holds a line break: it becomes one
                            n.key.pop();
                            n.key.push('\n');
                        }
                        n.extend_last(e)
                    }
                    Fold::Space(newline) => {
                        n.push(if newline { '\n' } else { ' ' }, s, e);
                        last_space = true;
                    }
                    Fold::Char(out) => {
                        if out.is_ascii() {
                            n.push(out.to_ascii_lowercase(), s, e);
                        } else if ('\u{0600}'..='\u{06FF}').contains(&out) {
                            // Arabic has no case
                            n.push(out, s, e);
                        } else {
                            for low in out.to_lowercase() {
                                n.push(low, s, e);
                            }
                        }
                        last_space = false;
                    }
                }
            }
        }
        n
    }

    #[inline]
    fn push(&mut self, c: char, s: u32, e: u32) {
        let added = c.len_utf8();
        self.key.push(c);
        self.starts.extend_from_slice(&[s; 4][..added]);
        self.ends.extend_from_slice(&[e; 4][..added]);
    }

    /// Charge a dropped character (ending at `e`) to the key character before it.
    fn extend_last(&mut self, e: u32) {
        if let Some(last) = self.key.chars().next_back() {
            let n = self.ends.len();
            for slot in &mut self.ends[n - last.len_utf8()..] {
                *slot = e;
            }
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The key, keeping it when the byte map is no longer needed.
    pub fn into_key(self) -> String {
        self.key
    }

    /// The original byte span of the key span `ks..ke` (half-open, `ks < ke`, both on char
    /// boundaries of the key).
    pub fn orig_span(&self, ks: usize, ke: usize) -> (usize, usize) {
        debug_assert!(ks < ke && ke <= self.key.len());
        (self.starts[ks] as usize, self.ends[ke - 1] as usize)
    }

    /// The original byte offset where key byte `k` starts (`k == len` gives the end of the text
    /// as far as the key reaches).
    pub fn orig_start(&self, k: usize) -> usize {
        if k < self.starts.len() {
            self.starts[k] as usize
        } else {
            self.ends.last().copied().unwrap_or(0) as usize
        }
    }
}

/// A word of the key: a maximal run of letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// True for the characters that make up words in a key.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        // the Arabic letters (hamza to yaa, and the extended letters)
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' => true,
        c if c.is_ascii() => false,
        // the rest of the Arabic block (punctuation, marks) and general punctuation
        '\u{0600}'..='\u{06FF}' | '\u{2000}'..='\u{206F}' | '\u{00A0}'..='\u{00BF}' => false,
        c => c.is_alphanumeric(),
    }
}

/// The words of a key, in order.
pub fn words(key: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in key.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Word { start: s, end: i });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: key.len(),
        });
    }
    out
}

/// The text shown for a surface: the original with diacritics, tatweel and invisible controls
/// removed and white space collapsed, letters unchanged (hamza forms are kept).
pub fn display_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if is_dropped(c) {
            continue;
        }
        if c.is_whitespace() {
            if !last_space && !out.is_empty() {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.push(c);
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn k(s: &str) -> String {
        key(s).as_str().to_string()
    }

    #[test]
    fn folds_alef_forms_and_hamza_carriers() {
        assert_eq!(k("أإآٱا"), "ااااا");
        assert_eq!(k("مؤتمر"), "موتمر");
        assert_eq!(k("جبرائيل"), "جبراييل");
    }

    #[test]
    fn folds_yaa_taa_marbuta_and_persian_lookalikes() {
        assert_eq!(k("مصطفى"), "مصطفي");
        assert_eq!(k("قرة"), "قره");
        assert_eq!(k("ایران"), "ايران");
        assert_eq!(k("کاراباخ"), "كاراباخ");
    }

    #[test]
    fn drops_diacritics_tatweel_and_invisible_controls() {
        assert_eq!(k("مُسَيَّرَةٌ"), "مسيره");
        assert_eq!(k("قـــره"), "قره");
        assert_eq!(k("لاف\u{200c}روف"), "لافروف");
        assert_eq!(k("\u{202b}باكو\u{202c}"), "باكو");
    }

    #[test]
    fn drops_every_default_ignorable_code_point() {
        // word joiner and invisible operators, Mongolian vowel separator, CGJ, soft hyphen,
        // variation selector, BOM, a tag character: none splits a number or a name
        for c in [
            '\u{2060}',
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{180E}',
            '\u{034F}',
            '\u{00AD}',
            '\u{FE0F}',
            '\u{FEFF}',
            '\u{200B}',
            '\u{E0041}',
        ] {
            assert_eq!(k(&format!("5{c}8")), "58", "U+{:04X}", c as u32);
            assert_eq!(k(&format!("با{c}كو")), "باكو", "U+{:04X}", c as u32);
            assert!(is_invisible(c));
        }
        assert!(!is_invisible('\u{2028}') && !is_invisible('ا'));
    }

    #[test]
    fn presentation_forms_become_base_letters() {
        // ﻻ is the lam-alef ligature; ﺑﺎﻛﻮ is باكو in presentation forms
        assert_eq!(k("ﻻ"), "لا");
        assert_eq!(k("ﺑﺎﻛﻮ"), "باكو");
    }

    #[test]
    fn digits_and_space() {
        assert_eq!(k("٢٧ و۳۰ ٪"), "27 و30 %");
        assert_eq!(k("a \t b"), "a b");
        assert_eq!(k("a \n\t b"), "a\nb");
        assert_eq!(k("NATO"), "nato");
    }

    #[test]
    fn spans_map_back_with_marks() {
        let text = "قال لافروفُ اليوم";
        let n = Normalized::new(text);
        let ks = n.key().find("لافروف").unwrap();
        let (s, e) = n.orig_span(ks, ks + "لافروف".len());
        assert_eq!(&text[s..e], "لافروفُ");
    }

    #[test]
    fn words_split_on_punctuation() {
        let w = words("قال، لافروف: نعم");
        assert_eq!(w.len(), 3);
    }

    #[test]
    fn display_form_keeps_hamza_drops_marks() {
        assert_eq!(display_form("آرمينُ  ساركيسيان"), "آرمين ساركيسيان");
    }

    proptest! {
        #[test]
        fn key_is_idempotent(s in "\\PC{0,40}") {
            let once = Normalized::new(&s).key().to_string();
            let twice = Normalized::new(&once).key().to_string();
            prop_assert_eq!(once, twice);
        }

        #[test]
        fn spans_land_on_char_boundaries(s in "[ا-ي ًٌٍَُِّْـ\u{200c}ﻻﺑ٠-٩a-zA-Z.,،]{0,40}") {
            let n = Normalized::new(&s);
            let key = n.key();
            let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).chain([key.len()]).collect();
            for w in bounds.windows(2) {
                let (a, b) = n.orig_span(w[0], w[1]);
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b) && a < b);
                // the original piece normalises to something holding the key piece (a
                // ligature such as ﻻ gives two key characters from one original character)
                let piece = Normalized::new(&s[a..b]).key().to_string();
                prop_assert!(piece.contains(key[w[0]..w[1]].trim()), "{:?} {:?}", piece, &key[w[0]..w[1]]);
            }
        }

        #[test]
        fn arabic_letters_survive(s in "[بتثجحخدذرزسشصضطظعغفقكلمنهوي]{1,20}") {
            prop_assert_eq!(k(&s), s);
        }
    }
}
