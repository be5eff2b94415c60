//! Word classes learned from unlabeled newswire by `examples/word_clusters.rs`:
//! a table from the tagger's word hash to a class number and to how often the
//! word is capitalised inside a sentence, embedded and decoded once. Words
//! that occur in the same contexts share a class, so the tagger can generalise
//! from "Essex" to a county it never saw labelled; a word that running text
//! writes in lower case ("visits") is no name in a Title Case headline.

use std::sync::OnceLock;

use super::hash;
use super::table::Table;

const CLUSTERS: &[u8] = include_bytes!("../../../assets/ner/clusters.bin");
const MAGIC: &[u8; 4] = b"BWC1";

/// Packed [`WordClass`]es by the stored part of the word's hash, repeated
/// in both halves of the table's hash.
#[derive(Debug, Default)]
pub struct Clusters(Table<u16>);

/// The part of a word hash that is stored; never 0.
#[inline]
fn key(word: u64) -> u32 {
    (hash::finish(word) >> 32) as u32 | 1
}

/// The [`Table`] hash of a stored key: the key in both halves, so that it
/// picks the bucket and is the key compared.
#[inline]
fn stored(key: u32) -> u64 {
    u64::from(key) << 32 | u64::from(key)
}

static CELL: OnceLock<Clusters> = OnceLock::new();

impl Clusters {
    /// The embedded classes, decoded on first use (empty if the file is bad).
    pub fn get() -> &'static Clusters {
        CELL.get_or_init(|| Clusters::decode(CLUSTERS).unwrap_or_default())
    }

    /// Use these classes instead of the embedded ones (for training with a
    /// new file); false if classes were already in use or `bytes` is bad.
    pub fn replace(bytes: &[u8]) -> bool {
        Clusters::decode(bytes).is_some_and(|c| CELL.set(c).is_ok())
    }

    /// The class of a word hash ([`hash::word`]), or the default for an
    /// unknown word.
    #[inline]
    pub fn class(&self, word: u64) -> WordClass {
        WordClass(*self.0.get(stored(key(word))))
    }

    /// Read the format written by [`encode`].
    pub fn decode(bytes: &[u8]) -> Option<Clusters> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let body = rest.get(4..4 + count * 6)?;
        let entries = body
            .chunks_exact(6)
            .map(|entry| {
                let (k, class) = entry.split_at(4);
                let k = u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
                (stored(k), u16::from_le_bytes([class[0], class[1]]))
            })
            .collect();
        Some(Clusters(Table::new(entries)))
    }
}

/// What the table knows of a word: its class plus one (0: none) in the low
/// 12 bits, how often it is capitalised inside a sentence in the top 4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u16);

impl WordClass {
    /// Largest number of classes the format holds.
    pub const CLASSES: usize = 4095;

    /// A word in class `class` (below [`Self::CLASSES`]) whose capitalisation
    /// bucket is `case` (0: unknown, 1: always lower case … 5: always capitalised).
    pub fn new(class: usize, case: u8) -> WordClass {
        WordClass((class.min(Self::CLASSES - 1) as u16 + 1) | u16::from(case.min(15)) << 12)
    }

    /// The class plus one, 0 for none.
    #[inline]
    pub fn class(self) -> u16 {
        self.0 & 0xfff
    }

    /// The capitalisation bucket, 0 for unknown.
    #[inline]
    pub fn case(self) -> u16 {
        self.0 >> 12
    }
}

/// Write word classes: magic, count, then per word the stored part of its
/// hash and its packed [`WordClass`], both little-endian, sorted by hash.
pub fn encode(words: &[(u64, WordClass)]) -> Vec<u8> {
    let mut entries: Vec<(u32, u16)> = words.iter().map(|&(w, c)| (key(w), c.0)).collect();
    entries.sort_unstable();
    entries.dedup_by_key(|e| e.0);
    let mut out = Vec::with_capacity(8 + 6 * entries.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for (k, c) in entries {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&c.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_survive_encoding() {
        let words = [
            (hash::word("essex"), WordClass::new(7, 5)),
            (hash::word("beat"), WordClass::new(0, 1)),
        ];
        let table = Clusters::decode(&encode(&words)).expect("decodes");
        let essex = table.class(hash::word("essex"));
        assert_eq!((essex.class(), essex.case()), (8, 5));
        assert_eq!(table.class(hash::word("beat")).class(), 1);
        assert_eq!(table.class(hash::word("unseen")), WordClass::default());
    }
}
