//! Word lists the actor stage reads: titles, role words, pronouns, genders.
//!
//! They live in `assets/data/` as plain text (one entry a line, `#` comments)
//! so that a linguist can extend them without touching code; they are
//! embedded with `include_str!` and parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::analyse::ner::hash::{self, IdBuild};

/// FxHash (each step is [`hash::mix`]): a fast hasher for short word keys,
/// where SipHash's resistance to crafted collisions buys nothing and costs a
/// fifth of the stage's time.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut mix = |word: u64| self.0 = hash::mix(self.0, word);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            mix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            mix(padded_tail(tail));
        }
    }

    /// The end mark of every `str` key: one step, as [`Self::write`] would
    /// take for one byte, without its chunking.
    fn write_u8(&mut self, byte: u8) {
        self.0 = hash::mix(self.0, u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Up to eight bytes as a little-endian word padded with zeros, built in a
/// register from two overlapping loads: copying them into a buffer called
/// `memcpy` for every short word, and a loop over them mispredicted where
/// each word ends.
#[inline]
fn padded_tail(tail: &[u8]) -> u64 {
    let len = tail.len();
    if let (Some(low), Some(high)) = (tail.first_chunk::<4>(), tail.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*low))
            | u64::from(u32::from_le_bytes(*high)) << (8 * (len - 4))
    } else if let (Some(low), Some(high)) = (tail.first_chunk::<2>(), tail.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(*low))
            | u64::from(u16::from_le_bytes(*high)) << (8 * (len - 2))
    } else {
        tail.first().map_or(0, |&b| u64::from(b))
    }
}

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Words (as bytes) mapped to values. Most words looked up are short, and
/// one under eight bytes is packed with its length into one integer key:
/// hashing that is a multiplication, and a match needs no byte comparison.
#[derive(Debug)]
pub struct WordMap<V> {
    /// Words under eight bytes, by [`packed`] key.
    short: HashMap<u64, V, IdBuild>,
    /// Longer words.
    long: FastMap<Box<[u8]>, V>,
}

impl<V: Copy> WordMap<V> {
    /// The value of `word`, if it is in the map.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        match packed(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }
}

impl<V> FromIterator<(Box<[u8]>, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (Box<[u8]>, V)>>(entries: I) -> Self {
        let mut map = Self {
            short: HashMap::default(),
            long: FastMap::default(),
        };
        for (word, value) in entries {
            match packed(&word) {
                Some(key) => map.short.insert(key, value),
                None => map.long.insert(word, value),
            };
        }
        map
    }
}

/// The key of a word under eight bytes: its bytes, and its length in the top
/// byte, so that no two words share one.
#[inline]
fn packed(word: &[u8]) -> Option<u64> {
    (word.len() < 8).then(|| padded_tail(word) | (word.len() as u64) << 56)
}

/// Grammatical gender a pronoun or a name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his; Mr, spokesman, a man's first name.
    Male,
    /// she, her; Mrs, spokeswoman, a woman's first name.
    Female,
}

/// What a third-person pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    /// A person of that gender.
    Person(Gender),
    /// An organisation ("they", "their").
    Plural,
}

/// Every list, parsed.
pub struct Lexicon {
    /// Multi-word titles, keyed by their last word ("secretary of state").
    multi: FastMap<String, Vec<Vec<String>>>,
    /// Third-person pronouns. The word maps are keyed by bytes so that a
    /// word lowered on the stack ([`Word::Inline`]) is looked up as it is.
    pronouns: WordMap<PronounClass>,
    /// First two letters of every pronoun, lower case, for a cheap pre-test.
    pronoun_starts: Vec<[u8; 2]>,
    /// One bit per first two bytes of a pronoun or "the", in any case, or of
    /// a double quotation mark, so most tokens, whatever their kind, are
    /// passed over with one load and one well-predicted branch.
    reference_starts: Box<[u64; 1 << 10]>,
    /// Length in bytes of the longest pronoun, possessive "'s" included.
    pronoun_longest: usize,
    /// Honorifics, gendered titles and first names.
    genders: WordMap<Gender>,
    /// One bit per [`shape`] of the words in `genders`, as `class_shapes`.
    gender_shapes: Vec<u64>,
    /// What each title-list word is (a one-word title, a modifier, an
    /// organisation word, a stop word, a multi-word title's end), so one
    /// look-up answers every question.
    classes: WordMap<WordClass>,
    /// One bit per [`shape`] of the words in `classes`: most words looked up
    /// (names) have a shape no listed word has, and are answered without
    /// hashing.
    class_shapes: Vec<u64>,
}

/// What a word is to the title lists, from one look-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u8);

impl WordClass {
    const HEAD: u8 = 1;
    const MODIFIER: u8 = 2;
    const ORGANIZATION: u8 = 4;
    const STOP: u8 = 8;
    const MULTI_END: u8 = 16;

    /// A one-word title or role noun ("president", "agency").
    pub fn head(self) -> bool {
        self.0 & Self::HEAD != 0
    }

    /// A word that may stand inside a title before its head (heads included).
    pub fn modifier(self) -> bool {
        self.0 & (Self::MODIFIER | Self::HEAD) != 0
    }

    /// A listed title word that is neither a title nor an organisation word:
    /// a portfolio or a rank ("trade", "deputy").
    pub fn portfolio(self) -> bool {
        self.0 & (Self::MODIFIER | Self::HEAD | Self::ORGANIZATION) == Self::MODIFIER
    }

    /// A title a person holds ("minister"), not a description of an
    /// organisation ("agency").
    pub fn person_title(self) -> bool {
        self.0 & (Self::HEAD | Self::ORGANIZATION) == Self::HEAD
    }

    /// A word that describes an organisation.
    pub fn organization(self) -> bool {
        self.0 & Self::ORGANIZATION != 0
    }

    /// A word that ends a title phrase ("the", "with").
    pub fn stop(self) -> bool {
        self.0 & Self::STOP != 0
    }

    /// The last word of some multi-word title ("state" of "secretary of state").
    pub fn multi_end(self) -> bool {
        self.0 & Self::MULTI_END != 0
    }
}

/// Titles that make someone the leader of a country, so "the Russian
/// leader" can refer to the "Russian President".
const LEADERS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "leader",
    "dictator",
    "ruler",
    "monarch",
    "emir",
    "sheikh",
    "ayatollah",
];

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn set(list: &str) -> FastSet<String> {
    entries(list).map(str::to_lowercase).collect()
}

impl Lexicon {
    fn parse() -> Self {
        let mut heads = FastSet::default();
        let mut multi: FastMap<String, Vec<Vec<String>>> = FastMap::default();
        let organizations = set(include_str!("../../../assets/data/roles_organizations.txt"));
        let titles = entries(include_str!("../../../assets/data/titles.txt"));
        for title in titles.chain(organizations.iter().map(String::as_str)) {
            let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
            match words.as_slice() {
                [] => {}
                [one] => {
                    heads.insert(one.clone());
                }
                [.., last] => multi.entry(last.clone()).or_default().push(words.clone()),
            }
        }
        let pronouns: FastMap<Box<[u8]>, PronounClass> =
            entries(include_str!("../../../assets/data/pronouns.txt"))
                .filter_map(|line| {
                    let (word, class) = line.split_once(char::is_whitespace)?;
                    let class = match class.trim() {
                        "m" => PronounClass::Person(Gender::Male),
                        "f" => PronounClass::Person(Gender::Female),
                        "p" => PronounClass::Plural,
                        _ => return None,
                    };
                    Some((word.to_lowercase().into_bytes().into(), class))
                })
                .collect();
        let genders: FastMap<Box<[u8]>, Gender> =
            entries(include_str!("../../../assets/data/pronouns_gender.txt"))
                .filter_map(|line| {
                    let (word, gender) = line.split_once(char::is_whitespace)?;
                    let gender = match gender.trim() {
                        "m" => Gender::Male,
                        "f" => Gender::Female,
                        _ => return None,
                    };
                    Some((word.to_lowercase().into_bytes().into(), gender))
                })
                .collect();
        let mut pronoun_starts: Vec<[u8; 2]> = pronouns
            .keys()
            .filter_map(|p| Some([*p.first()?, *p.get(1)?]))
            .collect();
        pronoun_starts.sort_unstable();
        pronoun_starts.dedup();
        let mut reference_starts = Box::new([0u64; 1 << 10]);
        for start in pronoun_starts.iter().chain([b"th"]) {
            for first in [start[0], start[0].to_ascii_uppercase()] {
                for second in [start[1], start[1].to_ascii_uppercase()] {
                    let pair = pair(first, second);
                    reference_starts[pair / 64] |= 1 << (pair % 64);
                }
            }
        }
        // '"' with whatever follows it; '“', '”' and '„' share their first
        // two bytes, as '«' and '»' share their first.
        let quotes = (0..=u8::MAX).map(|next| pair(b'"', next));
        for pair in quotes.chain([pair(0xE2, 0x80), pair(0xC2, 0xAB), pair(0xC2, 0xBB)]) {
            reference_starts[pair / 64] |= 1 << (pair % 64);
        }
        let pronoun_longest = pronouns.keys().map(|p| p.len() + 3).max().unwrap_or(0);
        let modifiers = set(include_str!("../../../assets/data/titles_modifiers.txt"));
        let stops = set(include_str!("../../../assets/data/roles_stop.txt"));
        let mut classes: FastMap<Box<[u8]>, WordClass> = FastMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &String>, bit: u8| {
            for word in words {
                classes.entry(word.as_bytes().into()).or_default().0 |= bit;
            }
        };
        mark(&mut heads.iter(), WordClass::HEAD);
        mark(&mut modifiers.iter(), WordClass::MODIFIER);
        mark(&mut organizations.iter(), WordClass::ORGANIZATION);
        mark(&mut stops.iter(), WordClass::STOP);
        mark(&mut multi.keys(), WordClass::MULTI_END);
        let class_shapes = shapes(classes.keys());
        let gender_shapes = shapes(genders.keys());
        Self {
            classes: classes.into_iter().collect(),
            class_shapes,
            gender_shapes,
            pronoun_starts,
            reference_starts,
            pronoun_longest,
            multi,
            pronouns: pronouns.into_iter().collect(),
            genders: genders.into_iter().collect(),
        }
    }

    /// What `word` (lower case) is to the title lists.
    pub fn class(&self, word: impl AsRef<[u8]>) -> WordClass {
        let word = word.as_ref();
        if !has_shape(&self.class_shapes, word) {
            return WordClass::default();
        }
        self.classes.get(word).unwrap_or_default()
    }

    /// [`Self::class`] of a token's [`normalize`]d text. An ASCII word's
    /// shape is that of its normal form, so most names are answered from
    /// the text as it is, neither lowered nor hashed.
    #[inline]
    pub fn class_of(&self, text: &str) -> WordClass {
        if !may_be_listed(&self.class_shapes, text) {
            return WordClass::default();
        }
        self.class(normalize(text))
    }

    /// Whether `words` (lower case, in text order) end with a multi-word
    /// title; `words` holds the title's last word last.
    pub fn ends_multi(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        self.multi.get(*last).is_some_and(|titles| {
            titles.iter().any(|title| {
                title.len() <= words.len()
                    && title
                        .iter()
                        .zip(&words[words.len() - title.len()..])
                        .all(|(a, b)| a == b)
            })
        })
    }

    /// What a pronoun (lower case) can refer to, if it is one.
    pub fn pronoun(&self, word: impl AsRef<[u8]>) -> Option<PronounClass> {
        self.pronouns.get(word.as_ref())
    }

    /// Whether the token at byte `at` of `text` may be a pronoun or "the", or
    /// a double quotation mark that opens or closes a quotation, told from
    /// its first two bytes in either case. A one-byte token is read with the
    /// byte after it: it may pass here, never the exact test. A mark that
    /// ends the text fails, which is harmless: no token is left for it to
    /// quote.
    #[inline]
    pub fn may_start_reference(&self, text: &[u8], at: usize) -> bool {
        let Some(&[first, second]) = text.get(at..).and_then(<[u8]>::first_chunk) else {
            return false;
        };
        let pair = pair(first, second);
        self.reference_starts[pair / 64] & 1 << (pair % 64) != 0
    }

    /// Whether `word` (any case) may be a pronoun: a test on its length and
    /// first two letters that spares a look-up for most words.
    pub fn may_be_pronoun(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        bytes.len() >= 2
            && bytes.len() <= self.pronoun_longest
            && self
                .pronoun_starts
                .contains(&[bytes[0].to_ascii_lowercase(), bytes[1].to_ascii_lowercase()])
    }

    /// The gender a first name, honorific or title (lower case) implies.
    pub fn gender(&self, word: impl AsRef<[u8]>) -> Option<Gender> {
        self.genders.get(word.as_ref())
    }

    /// [`Self::gender`] of a token's [`normalize`]d text, most words told
    /// from their shape alone as in [`Self::class_of`].
    #[inline]
    pub fn gender_of(&self, text: &str) -> Option<Gender> {
        if !may_be_listed(&self.gender_shapes, text) {
            return None;
        }
        self.gender(normalize(text))
    }

    /// Whether a title (lower case, words joined by spaces) is a head of state
    /// or government.
    pub fn is_leader(&self, title: &str) -> bool {
        LEADERS.contains(&title)
    }
}

/// A 15-bit summary of a word (length, first and last byte, five bits each)
/// that equal words share: the index of its bit in [`Lexicon::class_shapes`].
fn shape(word: &[u8]) -> usize {
    let (first, last) = match word {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    (word.len() & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
}

/// The bits of the [`shape`]s of some words.
fn shapes<'w>(words: impl Iterator<Item = &'w Box<[u8]>>) -> Vec<u64> {
    let mut bits = vec![0u64; 1 << 9];
    for word in words {
        let shape = shape(word);
        bits[shape / 64] |= 1 << (shape % 64);
    }
    bits
}

/// Whether `word`'s shape is among the bits `shapes`.
#[inline]
fn has_shape(shapes: &[u64], word: &[u8]) -> bool {
    let shape = shape(word);
    shapes[shape / 64] & 1 << (shape % 64) != 0
}

/// Whether a token's text may normalize to a word whose shape is among
/// `shapes`. Lower-casing an ASCII word changes neither its length nor its
/// bytes' low five bits, so its shape is told before it is lowered; any
/// other word may change length and is not told.
#[inline]
fn may_be_listed(shapes: &[u64], text: &str) -> bool {
    let stem = &text.as_bytes()[..text.len() - possessive_len(text)];
    !stem.is_ascii() || has_shape(shapes, stem)
}

/// Index of two bytes in [`Lexicon::reference_starts`].
#[inline]
fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// Whether a token's text normalizes to "of", told without lowering it: no
/// lower-cased letter beyond ASCII is an "o" or an "f".
#[inline]
pub fn is_of(text: &str) -> bool {
    text[..text.len() - possessive_len(text)].eq_ignore_ascii_case("of")
}

/// The lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// A word in the form the lists use, kept on the stack when short: lists are
/// consulted for most tokens near a name, and allocating for each showed up
/// as a third of the stage's time.
#[derive(Debug, Clone)]
pub enum Word<'a> {
    /// The text was already in list form.
    Borrowed(&'a str),
    /// A short ASCII word, lowered in place: bytes and length.
    Inline([u8; 24], u8),
    /// Anything longer or beyond ASCII.
    Owned(String),
}

impl std::ops::Deref for Word<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Word::Borrowed(word) => word,
            Word::Inline(bytes, len) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or("")
            }
            Word::Owned(word) => word,
        }
    }
}

impl AsRef<[u8]> for Word<'_> {
    /// The bytes, without the check that [`Deref`](std::ops::Deref) makes
    /// of a lowered word.
    fn as_ref(&self) -> &[u8] {
        match self {
            Word::Borrowed(word) => word.as_bytes(),
            Word::Inline(bytes, len) => &bytes[..usize::from(*len)],
            Word::Owned(word) => word.as_bytes(),
        }
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_ref() == other.as_bytes()
    }
}

impl Word<'_> {
    /// The word as an owned string.
    pub fn into_owned(self) -> String {
        match self {
            Word::Owned(word) => word,
            other => other.to_string(),
        }
    }
}

/// A word in the form the lists use: lower case, curly apostrophes straight,
/// a possessive "'s" dropped.
pub fn normalize(word: &str) -> Word<'_> {
    let stem = &word[..word.len() - possessive_len(word)];
    let bytes = stem.as_bytes();
    let mut padded = [0u8; 24];
    let Some(head) = padded.get_mut(..bytes.len()) else {
        return normalize_long(stem);
    };
    head.copy_from_slice(bytes);
    // Whole-array passes without early exits, which the compiler turns into
    // a few vector instructions; the zero padding changes none of them.
    let high = padded.iter().fold(0u8, |acc, &b| acc | b);
    let apostrophe = padded.iter().fold(false, |acc, &b| acc | (b == b'\''));
    let mut lowered = padded;
    lowered.make_ascii_lowercase();
    if !high.is_ascii() || apostrophe {
        Word::Owned(stem.to_lowercase().replace('\u{2019}', "'"))
    } else if lowered != padded {
        Word::Inline(lowered, bytes.len() as u8)
    } else {
        Word::Borrowed(stem)
    }
}

/// [`normalize`] of a stem too long to lower on the stack.
fn normalize_long(stem: &str) -> Word<'_> {
    if stem
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\'')
    {
        Word::Borrowed(stem)
    } else {
        Word::Owned(stem.to_lowercase().replace('\u{2019}', "'"))
    }
}

/// Length in bytes of a possessive ending ("'s", "’s") on `word`, or 0.
#[inline]
pub fn possessive_len(word: &str) -> usize {
    let bytes = word.as_bytes();
    // Every ending is an "s" after an apostrophe; most words fail on the "s".
    if !matches!(bytes.last(), Some(b's' | b'S')) {
        return 0;
    }
    let before = &bytes[..bytes.len() - 1];
    if before.len() > 1 && before.ends_with(b"'") {
        2
    } else if before.len() > 3 && before.ends_with("\u{2019}".as_bytes()) {
        4
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short and long words are found alike, and a word is not found under
    /// its prefix padded with zero bytes.
    #[test]
    fn word_map_finds_short_and_long_words() {
        let words = ["a", "chair", "sevenby", "eightbyt", "chairwoman"];
        let map: WordMap<usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_bytes().into(), i))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w.as_bytes()), Some(i), "{w}");
        }
        assert_eq!(map.get(b"chair\0"), None);
        assert_eq!(map.get(b"chairs"), None);
        assert_eq!(map.get(b""), None);
        assert_eq!(map.get(b"chairwomen"), None);
    }

    /// The reference scan's first test lets through every pronoun, "the" and
    /// double quotation mark, in any case, and keeps out most other tokens.
    #[test]
    fn reference_starts_pass_pronouns_and_quotation_marks() {
        let lex = lexicon();
        let passes = |token: &str| lex.may_start_reference(format!("{token} x").as_bytes(), 0);
        for token in [
            "he", "She", "THEIR", "the", "\"", "\u{201C}", "\u{201E}", "\u{00BB}",
        ] {
            assert!(passes(token), "{token}");
        }
        for token in ["minister", "London", "5", ",", "\u{00A3}", "'"] {
            assert!(!passes(token), "{token}");
        }
    }

    /// A string's end mark hashes as the byte it is.
    #[test]
    fn one_byte_hashes_as_written() {
        for byte in [0, 0x2a, 0xff] {
            let mut direct = FxHasher(7);
            direct.write_u8(byte);
            let mut written = FxHasher(7);
            written.write(&[byte]);
            assert_eq!(direct.finish(), written.finish());
        }
    }

    /// The hash of each tail length is that of the word padded with zeros,
    /// as the maps were first built with.
    #[test]
    fn hash_pads_the_tail_with_zeros() {
        let bytes = b"secretary-general of the united nations";
        for len in 0..bytes.len() {
            let mut fast = FxHasher::default();
            fast.write(&bytes[..len]);
            let mut padded = FxHasher::default();
            for chunk in bytes[..len].chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                padded.0 = (padded.0.rotate_left(5) ^ u64::from_le_bytes(word))
                    .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
            assert_eq!(fast.finish(), padded.finish(), "{len}");
        }
    }
}
