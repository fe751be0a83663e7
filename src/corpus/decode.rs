//! Bytes → text. Only regular files are opened, and at most a limit of bytes is read from
//! each; a UTF-8 byte-order mark is dropped, UTF-16 is named as such, NUL bytes mean a binary
//! file. Line ends may be LF or CRLF: every reader accepts both.
//!
//! In: a path and a size limit. Out: the text, or one [`Error`] naming the file.

use crate::error::Error;
use std::io::Read;
use std::path::Path;

/// The default per-article limit: 5 MB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 5_000_000;

/// A size for people: `5 MB`, `200 kB`, `12 bytes`.
pub fn human_size(n: u64) -> String {
    if n >= 1_000_000 && n.is_multiple_of(100_000) {
        format!("{} MB", n as f64 / 1e6)
    } else if n >= 1000 && n.is_multiple_of(100) {
        format!("{} kB", n as f64 / 1e3)
    } else {
        format!("{n} bytes")
    }
}

/// Read at most `limit` bytes of a regular file; more is an error (a FIFO or a device never
/// gets here: the walk only lists regular files, and this checks again on the open file).
pub fn read_bytes(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Error> {
    let io = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let md = f.metadata().map_err(io)?;
    if !md.is_file() {
        return Err(Error::input(
            path,
            "not a regular file (a FIFO, socket or device); only regular files are read",
        ));
    }
    let mut bytes = Vec::with_capacity(md.len().min(limit) as usize);
    f.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Error::input(
            path,
            format!(
                "larger than the limit of {} per {what} (--max-article-size); skipped",
                human_size(limit)
            ),
        ));
    }
    Ok(bytes)
}

/// A side file (sources.yaml) is small: the article limit applies to it too.
pub fn read_small(path: &Path) -> Result<String, Error> {
    let bytes = read_bytes(path, DEFAULT_MAX_ARTICLE_BYTES, "file")?;
    decode(path, bytes)
}

/// The text of a file: UTF-8, with a byte-order mark dropped. Empty, binary, UTF-16 and other
/// non-UTF-8 files are errors that say which.
pub fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(&bytes) {
        return Err(Error::input(
            path,
            "UTF-16, convert to UTF-8 (for example: iconv -f UTF-16 -t UTF-8)",
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(path, "empty file"));
    }
    if bytes.contains(&0) {
        return Err(Error::input(path, "binary file (contains NUL bytes)"));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::input(
            path,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// UTF-16 without a byte-order mark: text in which every other byte of the first few hundred
/// is NUL.
fn looks_utf16(b: &[u8]) -> bool {
    let head = &b[..b.len().min(512)];
    if head.len() < 4 {
        return false;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, c)| i % 2 == parity && **c == 0)
            .count()
    };
    let half = head.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    (odd * 10 >= half * 7 && even * 10 <= half) || (even * 10 >= half * 7 && odd * 10 <= half)
}

/// Does the text hold any Arabic letter?
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(bytes: &[u8]) -> String {
        decode(Path::new("a.txt"), bytes.to_vec())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bom_is_dropped_and_utf16_is_named() {
        assert_eq!(
            decode(Path::new("a"), b"\xEF\xBB\xBFabc".to_vec()).unwrap(),
            "abc"
        );
        let utf16: Vec<u8> = "نص عربي"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(
            msg(&[b"\xFF\xFE".as_slice(), &utf16].concat()).contains("UTF-16, convert to UTF-8")
        );
        let latin: Vec<u8> = "plain text here"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(msg(&latin).contains("UTF-16"));
        assert!(msg(b"\x00\x01\x02abc").contains("binary"));
        assert!(msg(b"\xEF\xBB\xBF \r\n").contains("empty"));
        assert!(msg(b"caf\xe9").contains("not valid UTF-8"));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(5_000_000), "5 MB");
        assert_eq!(human_size(200_000), "200 kB");
        assert_eq!(human_size(12), "12 bytes");
    }

    #[test]
    fn arabic_or_not() {
        assert!(has_arabic("Reuters: قال"));
        assert!(!has_arabic("English only, 123"));
    }
}
