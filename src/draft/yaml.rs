//! Draft entries → YAML that loads as a glossary; the English guesses (transliteration, ids).

use super::Draft;
use crate::normalize;

/// A rough Latin form of an Arabic name: how Arabic writes foreign sounds, read back. Vowels
/// are guessed (و → o/u, ي → i/y), so every form is marked for review.
pub fn transliterate(ar: &str) -> String {
    let mut words = Vec::new();
    for w in normalize::display_form(ar).split_whitespace() {
        let (article, rest) = match w.strip_prefix("ال") {
            Some(r) if r.chars().count() >= 2 => (true, r),
            _ => (false, w),
        };
        let chars: Vec<char> = rest
            .chars()
            .filter(|c| !normalize::is_diacritic(*c))
            .collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let first = i == 0;
            let last = i + 1 == chars.len();
            let s = match c {
                'ا' | 'آ' | 'أ' | 'ى' => {
                    if first && (c == 'أ' || c == 'ا') {
                        "a"
                    } else if out.ends_with('a') {
                        ""
                    } else {
                        "a"
                    }
                }
                'إ' => "i",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' | 'ص' => "s",
                'ش' => "sh",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' => {
                    if first {
                        ""
                    } else {
                        "'"
                    }
                }
                'غ' => "g",
                'ف' | 'ڤ' => "f",
                'ق' => "q",
                'ك' | 'گ' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'ه' => "h",
                'ة' => "a",
                'و' => {
                    if first {
                        "w"
                    } else if last {
                        "o"
                    } else if chars.get(i + 1).is_some_and(|n| "اوي".contains(*n)) {
                        "w"
                    } else {
                        "u"
                    }
                }
                'ي' => {
                    if first || chars.get(i + 1).is_some_and(|n| "اوي".contains(*n)) {
                        "y"
                    } else {
                        "i"
                    }
                }
                'ء' | 'ئ' | 'ؤ' => "'",
                'پ' => "p",
                'چ' => "ch",
                c => {
                    if c.is_alphanumeric() && c.is_ascii() {
                        out.push(c);
                    }
                    ""
                }
            };
            out.push_str(s);
        }
        let mut cap = String::new();
        let mut it = out.trim_matches('\'').chars();
        if let Some(f) = it.next() {
            cap.extend(f.to_uppercase());
            cap.extend(it);
        }
        if cap.is_empty() {
            continue;
        }
        words.push(if article { format!("al-{cap}") } else { cap });
    }
    words.join(" ")
}

/// An id from an English form: lower-case ASCII letters, digits and _.
pub(super) fn ascii_id(en: &str) -> String {
    let mut id = String::new();
    for c in en.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() && c != '\'' {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_string()
}

/// A YAML double-quoted string (JSON's form is valid YAML).
pub(super) fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

pub(super) fn list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
}

impl Draft {
    /// The draft as YAML that loads as a glossary (layered over the ones it was made with).
    pub fn to_yaml(&self) -> String {
        let mut y = String::new();
        y.push_str(&format!(
            "# Draft story glossary: {} names from {} articles that no glossary has yet\n\
             # (mizan glossary suggest). Check every entry before use: kinds come from the words\n\
             # before a name, the English forms and roles are guesses from a transliteration table,\n\
             # and spellings of one name are grouped by their consonants.\n\
             # Use: mizan brief ARTICLES --glossary THIS_FILE\n",
            self.entries.len(),
            self.articles
        ));
        if self.entries.is_empty() {
            y.push_str(
                "# No new names found: the glossaries given already cover these articles.\n",
            );
            return y;
        }
        y.push_str("entities:\n");
        for e in &self.entries {
            y.push_str(&format!(
                "  # {}× in {} article{}; first at {}; {}\n",
                e.count,
                e.articles,
                if e.articles == 1 { "" } else { "s" },
                e.first,
                e.cue
            ));
            y.push_str(&format!("  - id: {}\n", e.id));
            y.push_str(&format!("    kind: {}\n", e.kind.as_str()));
            y.push_str(&format!("    en: {}   # guess: check\n", q(&e.en)));
            y.push_str(&format!("    ar: {}\n", q(&e.ar)));
            if !e.variants.is_empty() {
                y.push_str(&format!("    variants: {}\n", list(&e.variants)));
            }
            if !e.short.is_empty() {
                y.push_str(&format!("    short: {}\n", list(&e.short)));
            }
            if let Some((en, ar)) = &e.role {
                y.push_str(&format!("    role: {{en: {}, ar: {}}}\n", q(en), q(ar)));
            }
            if let Some(s) = &e.side {
                y.push_str(&format!("    side: {s}\n"));
            }
        }
        y
    }
}
