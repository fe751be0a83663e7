//! A fast, non-cryptographic hasher for the hot maps (term ids, words, trigger prefixes): keys
//! come from the program's own data, not from an adversary, so SipHash's protection is not needed.
//!
//! In: bytes or `u64`s. Out: a `u64`. Used by every stage; depends on none.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing, eight bytes at a time; a `u64` key (already a hash) costs one multiply.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl IdHasher {
    /// The state before [`Hasher::finish`]'s final fold: the value fingerprints were sampled
    /// by before the fold existed (kept so that which fingerprints are kept does not change).
    pub fn unfolded(&self) -> u64 {
        self.0
    }
}

impl Hasher for IdHasher {
    /// The multiply leaves the low bits (which pick a hash table's bucket) depending only on
    /// the low bits of the input: fold the well-mixed high half into them.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The high and low halves of a 128-bit product, xored: a strong mix of two `u64`s.
#[inline]
fn folded_multiply(x: u64, y: u64) -> u64 {
    let p = (x as u128) * (y as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// A well-distributed 64-bit hash of a short byte string (a word), eight bytes per step with a
/// folded 128-bit multiply: strong enough to stand for the word itself as a cache key (two
/// words of a corpus share a hash with a chance of about n² / 2⁶⁵), where the multiply-rotate
/// [`IdHasher`] is only good enough to pick a bucket.
pub fn word_hash(bytes: &[u8]) -> u64 {
    const K: [u64; 3] = [
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
    ];
    let mut h = K[0] ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = folded_multiply(h ^ v, K[1]);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = folded_multiply(h ^ u64::from_le_bytes(last), K[1]);
    }
    folded_multiply(h, K[2])
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A set with [`IdHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<IdHasher>>;
/// A map with [`IdHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hashes_of_distinct_words_differ_and_spread_over_low_bits() {
        // words that differ in one letter, in their length or only in a trailing zero byte
        let words = ["كتب", "كتاب", "كتابة", "الكتاب", "كتب\0", "a", "b", "ab"];
        let hs: Vec<u64> = words.iter().map(|w| word_hash(w.as_bytes())).collect();
        for i in 0..hs.len() {
            for j in i + 1..hs.len() {
                assert_ne!(hs[i], hs[j], "{} / {}", words[i], words[j]);
            }
        }
        // a table of 2^10 buckets: 2,000 Arabic-looking words fill most of them
        let mut used = std::collections::HashSet::new();
        for n in 0..2000u32 {
            let w = format!("ال{}ون", char::from_u32(0x628 + n % 20).unwrap())
                .repeat(1 + (n / 20) as usize % 5)
                + &n.to_string();
            used.insert(word_hash(w.as_bytes()) & 1023);
        }
        assert!(used.len() > 800, "{} buckets", used.len());
    }

    #[test]
    fn the_folded_finish_spreads_words_over_low_bits() {
        let mut used = std::collections::HashSet::new();
        for n in 0..2000u32 {
            let w = format!("وال{}", char::from_u32(0x628 + n % 20).unwrap())
                .repeat(1 + (n / 20) as usize % 7);
            let mut h = IdHasher::default();
            std::hash::Hash::hash(&(w + &(n / 140).to_string()), &mut h);
            used.insert(h.finish() & 1023);
        }
        assert!(used.len() > 600, "{} buckets", used.len());
    }
}
