//! Fast, allocation-free hashing of words and feature templates.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One FxHash step: fold `x` into `h`.
#[inline]
pub const fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Spread the bits of `h` so that its low bits can pick a table slot; never 0.
#[inline]
pub const fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 29)) | 1
}

/// Hash of a feature template and one value.
#[inline]
pub const fn feature(template: u64, a: u64) -> u64 {
    finish(mix(mix(0x1234_5678, template), a))
}

/// Hash of a feature template and two values.
#[inline]
pub const fn feature2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x1234_5678, template), a), b))
}

/// Lower-case one character cheaply (ASCII fast path).
#[inline]
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Where every word hash starts.
pub const WORD_SEED: u64 = 0x9ae1_6a3b_2f90_404f;

/// Hash of a word, lower-cased, with curly apostrophes folded to straight ones.
#[inline]
pub fn word(text: &str) -> u64 {
    let mut h = WORD_SEED;
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { lower(c) };
        h = mix(h, c as u64);
    }
    h
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = finish(n);
    }
}

/// Build hasher for maps keyed by pre-hashed `u64`s.
pub type IdBuild = BuildHasherDefault<IdHasher>;
