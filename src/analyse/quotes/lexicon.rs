//! Word lists the statement finder reads: speech cues and the small closed
//! classes (pronouns, determiners, adverbs) that shape a speaker's phrase.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::analyse::text::{Document, TokenKind};

/// The speech cue list, one word or phrase a line (see the file's header).
const SPEECH_VERBS: &str = include_str!("../../../assets/data/speech_verbs.txt");

/// FNV-1a: word look-ups run once per token, and short keys hash faster
/// this way than with the default SipHash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Hash-map builder for word-keyed tables.
pub type FastHash = BuildHasherDefault<Fnv>;

/// The shapes of a word list (a word's first three bytes, last byte and
/// length), hashed into a bit set: a test every word on the list passes and
/// nearly every other word fails, so most words are turned away before
/// they are hashed in full.
pub struct Shapes {
    /// One bit per hashed shape: a [`Shape`] indexes it without a bounds
    /// check.
    bits: Box<[u64; 1 << (Shapes::BITS - 6)]>,
}

impl Shapes {
    /// How many bits the hashed shapes index.
    const BITS: u32 = 12;

    /// The shapes of `words`.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = Box::new([0u64; 1 << (Self::BITS - 6)]);
        for word in words {
            let Shape(n) = Shape::of(word.as_bytes());
            bits[usize::from(n / 64)] |= 1 << (n % 64);
        }
        Self { bits }
    }

    /// Whether a word of `shape` may be on the list: false means it is not.
    #[inline]
    pub fn holds(&self, Shape(n): Shape) -> bool {
        self.bits[usize::from(n / 64)] & (1 << (n % 64)) != 0
    }

    /// Whether token `i` of `doc` may be on the list: false means it is not.
    #[inline]
    pub fn may_hold_token(&self, doc: &Document, i: usize) -> bool {
        self.holds(Shape::of_token(doc, i))
    }
}

/// A word's hashed shape ([`Shapes`]), worked out once to test against
/// several lists: `Shapes::BITS` bits, held in a `u16`.
#[derive(Debug, Clone, Copy)]
pub struct Shape(u16);

impl Shape {
    /// The shape of `word`.
    #[inline]
    pub fn of(word: &[u8]) -> Self {
        let bytes = match *word {
            [a, b, c, ..] => [a, b, c, word[word.len() - 1]],
            [a, b] => [a, b, 0, 0],
            [a] => [a, 0, 0, 0],
            [] => [0; 4],
        };
        Self::hash(u32::from_le_bytes(bytes), word.len())
    }

    /// The shape of token `i` of `doc`, as [`Shape::of`] its bytes. Words
    /// of one, two and three or more bytes mix unpredictably in a text, so
    /// the first bytes are read four at once from the text and cut to the
    /// length by a mask rather than by a branch on it.
    #[inline]
    pub fn of_token(doc: &Document, i: usize) -> Self {
        let span = doc.tokens[i].span;
        let text = doc.text.as_bytes();
        let len = span.end - span.start;
        let (Some(head), Some(&last)) = (
            text.get(span.start..).and_then(<[u8]>::first_chunk::<4>),
            text.get(span.end.wrapping_sub(1)).filter(|_| len > 0),
        ) else {
            return Self::of(token_bytes(doc, i));
        };
        // The first three bytes, or as many as the word has; the last byte
        // only for words of three or more.
        let first = u32::from_le_bytes(*head) & ((1 << (8 * len.min(3))) - 1);
        let last = (u32::from(last) << 24) & 0u32.wrapping_sub(u32::from(len >= 3));
        Self::hash(first | last, len)
    }

    /// The shape of a word of `len` bytes whose first three and last bytes
    /// are `bytes` (first byte lowest).
    #[inline]
    fn hash(bytes: u32, len: usize) -> Self {
        let shape = u64::from(bytes) | (len as u64) << 32;
        Self((shape.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Shapes::BITS)) as u16)
    }
}

/// Cues parsed once: every first word, whether it is a cue alone, and the
/// phrases it may open.
struct Cues {
    heads: HashMap<&'static str, Head, FastHash>,
    phrases: Vec<Vec<&'static str>>,
    /// The shapes of the first words.
    shapes: Shapes,
}

#[derive(Default)]
struct Head {
    alone: bool,
    phrases: Vec<usize>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut heads: HashMap<&'static str, Head, FastHash> = HashMap::default();
        let mut phrases = Vec::new();
        for line in SPEECH_VERBS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&'static str> = line.split_whitespace().collect();
            let head = heads.entry(parts[0]).or_default();
            if parts.len() == 1 {
                head.alone = true;
            } else {
                head.phrases.push(phrases.len());
                phrases.push(parts);
            }
        }
        // "According" is read as "according".
        let shapes = Shapes::new(heads.keys().copied().chain(["According"]));
        Cues {
            heads,
            phrases,
            shapes,
        }
    })
}

/// A speech cue found at a token: how many tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// First token of the cue.
    pub first: usize,
    /// Number of tokens ("according to" is two).
    pub len: usize,
}
impl Cue {
    /// One past the cue's last token.
    pub fn end(self) -> usize {
        self.first + self.len
    }
}

/// The speech cue starting at token `i`, if any. Cues are matched in lower
/// case only, except a sentence-opening "According to".
pub fn cue_at(doc: &Document, i: usize) -> Option<Cue> {
    let token = doc.tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let cues = cues();
    if !cues.shapes.may_hold_token(doc, i) {
        return None;
    }
    let mut word = doc.token_text(i);
    if word == "According" {
        word = "according";
    }
    let head = cues.heads.get(word)?;
    if head.alone {
        return Some(Cue { first: i, len: 1 });
    }
    head.phrases.iter().find_map(|&p| {
        let phrase = &cues.phrases[p];
        let fits = i + phrase.len() <= doc.tokens.len()
            && phrase[1..]
                .iter()
                .enumerate()
                .all(|(k, w)| doc.token_text(i + 1 + k) == *w);
        fits.then_some(Cue {
            first: i,
            len: phrase.len(),
        })
    })
}

/// The bytes of token `i`, sliced without the character-boundary checks
/// of [`Document::token_text`].
pub fn token_bytes<'t>(doc: &Document<'t>, i: usize) -> &'t [u8] {
    let span = doc.tokens[i].span;
    &doc.text.as_bytes()[span.start..span.end]
}

/// Whether a cue's text is "according to", whose speaker follows it.
pub fn is_according(doc: &Document, cue: Cue) -> bool {
    cue.len == 2 && doc.token_text(cue.first).eq_ignore_ascii_case("according")
}

/// Whether the cue is a participle ("saying", "adding") hung on a clause
/// whose subject is the speaker.
pub fn is_participle(doc: &Document, cue: Cue) -> bool {
    cue.len == 1 && doc.token_text(cue.first).ends_with("ing")
}

/// A closed list of lower-case ASCII words, matched in any ASCII case: a
/// hash look-up where a scan of the list would compare every word.
struct WordSet {
    /// The words.
    words: HashSet<&'static [u8], FastHash>,
    /// The longest word's length.
    longest: usize,
}

impl WordSet {
    /// The longest word a set may hold.
    const LONGEST: usize = 16;

    fn new(words: &[&'static str]) -> Self {
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        assert!(longest <= Self::LONGEST, "word lists hold short words");
        Self {
            words: words.iter().map(|w| w.as_bytes()).collect(),
            longest,
        }
    }

    /// Whether `word` is on the list, ignoring ASCII case.
    fn holds(&self, word: &str) -> bool {
        let word = word.as_bytes();
        if word.len() > self.longest {
            return false;
        }
        let mut buffer = [0u8; Self::LONGEST];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        self.words.contains(&*lower)
    }
}

/// Personal pronouns that can name a speaker.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "I" | "we" | "it" | "He" | "She" | "They" | "We" | "It"
    )
}

/// Words that open a noun phrase naming a speaker ("the spokesman").
pub fn is_determiner(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "some", "several",
        "two", "three", "many", "other", "most",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(WORDS)).holds(word)
}

/// Words skipped between a speaker and the cue ("Lee *also* said", "he
/// *has* said", "Lee *on Tuesday* said").
pub fn is_skippable(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ly") && word.starts_with(|c: char| c.is_lowercase()))
        || matches!(
            word,
            "also"
                | "has"
                | "had"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "then"
                | "later"
                | "once"
                | "again"
                | "even"
                | "just"
                | "still"
                | "already"
                | "further"
                | "often"
                | "quoted"
                | "as"
                | "first"
                | "ago"
                | "on"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "today"
                | "yesterday"
                | "tonight"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
        )
}

/// Capitalised words that open sentences without being part of a name.
pub fn is_closed_class(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "but",
        "and",
        "or",
        "so",
        "yet",
        "the",
        "in",
        "on",
        "at",
        "of",
        "for",
        "to",
        "by",
        "with",
        "from",
        "when",
        "while",
        "after",
        "before",
        "as",
        "also",
        "then",
        "later",
        "still",
        "however",
        "meanwhile",
        "now",
        "here",
        "there",
        "this",
        "that",
        "speaking",
        "asked",
        "earlier",
        "today",
        "yesterday",
        "if",
        "although",
        "though",
        "because",
        "since",
        "instead",
        "indeed",
        "yes",
        "no",
        "well",
        "said",
        "says",
        "according",
        "alongside",
        "despite",
        "even",
        "amid",
        "outside",
        "inside",
        "among",
        "following",
        "during",
        "without",
        "within",
        "under",
        "over",
        "against",
        "through",
        "across",
        "like",
        "unlike",
        "first",
        "finally",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "hours",
        "days",
        "moments",
        "minutes",
        "weeks",
        "months",
        "years",
        "what",
        "where",
        "how",
        "why",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(WORDS)).holds(word)
}

/// Words that open a clause without being part of it ("*But* Lee said").
pub fn is_conjunction(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "but",
        "and",
        "so",
        "yet",
        "then",
        "also",
        "still",
        "meanwhile",
        "however",
        "now",
        "even",
        "first",
        "finally",
        "later",
        "instead",
        "indeed",
        "again",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(WORDS)).holds(word)
}

/// Small words allowed inside a capitalised name ("Secretary *of* State").
pub fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "van" | "von" | "bin" | "al" | "la" | "del" | "da" | "der" | "le" | "&"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_phrases() {
        let doc = Document::new("Lee said so, according to Kim.");
        assert_eq!(cue_at(&doc, 1), Some(Cue { first: 1, len: 1 }));
        let according = cue_at(&doc, 4).expect("according to");
        assert_eq!(according.len, 2);
        assert!(is_according(&doc, according));
        assert_eq!(cue_at(&doc, 0), None);
    }

    #[test]
    fn token_shapes_are_the_shapes_of_their_bytes() {
        // Words of every length, with a last word that ends the text so
        // fewer than four bytes follow its start.
        let doc = Document::new("A to the Wharf, at sea: “Łódź” é 9,000 ok");
        assert!(doc.tokens.len() > 10);
        for i in 0..doc.tokens.len() {
            let Shape(of_token) = Shape::of_token(&doc, i);
            let Shape(of_bytes) = Shape::of(token_bytes(&doc, i));
            assert_eq!(of_token, of_bytes, "{}", doc.token_text(i));
        }
    }
}
