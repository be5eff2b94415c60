//! What the tagger looks at: per-token facts computed once per document, and
//! the hashed feature templates built from them.

use std::collections::HashMap;
use std::ops::Range;

use super::LABELS;
use super::clusters::{Clusters, WordClass};
use super::gazetteer::{self, Gazetteer, MAX_PHRASE};
use super::hash::{self, IdBuild, feature, feature2};
use super::model::{Model, Sum};
use crate::analyse::text::{Document, Token, TokenKind};

/// Flags of one token; see the `F_*` constants.
pub type Flags = u32;

/// First character is upper case.
pub const F_CAP: Flags = 1;
/// Every letter is upper case (and there are at least two).
pub const F_ALL_CAPS: Flags = 1 << 1;
/// Every letter is lower case.
pub const F_LOWER: Flags = 1 << 2;
/// An upper-case letter after the first character ("McCain", "iPhone").
pub const F_INNER_CAP: Flags = 1 << 3;
/// First token of a known place name.
pub const F_PLACE_B: Flags = 1 << 4;
/// Later token of a known place name.
pub const F_PLACE_I: Flags = 1 << 5;
/// A known first name.
pub const F_FIRST_NAME: Flags = 1 << 6;
/// A nationality word.
pub const F_DEMONYM: Flags = 1 << 7;
/// A word that often ends or heads an organisation's name.
pub const F_ORG_WORD: Flags = 1 << 8;
/// The same word appears all in lower case elsewhere in the document.
pub const F_DOC_LOWER: Flags = 1 << 9;
/// The same word appears capitalised mid-sentence in running text elsewhere.
pub const F_DOC_CAP_MID: Flags = 1 << 10;
/// No word comes before it in its sentence.
pub const F_SENT_START: Flags = 1 << 11;
/// It is on the headline line.
pub const F_HEADLINE: Flags = 1 << 12;
/// Its sentence is written in capitals.
pub const F_CAPS_LINE: Flags = 1 << 13;
/// Its sentence is in Title Case.
pub const F_TITLE_LINE: Flags = 1 << 14;
/// Whether the token could start or continue a name at all.
pub const F_CANDIDATE: Flags = 1 << 15;
/// Punctuation that never sits inside a name (",", ":", brackets, quotes).
pub const F_BREAK: Flags = 1 << 16;
/// A number.
pub const F_NUMBER: Flags = 1 << 17;
/// A function word ("The", "But", "He") that never starts a name.
pub const F_STOP: Flags = 1 << 18;
/// A word that makes a place of the name before it ("Square", "Street").
pub const F_PLACE_HEAD: Flags = 1 << 19;
/// The same word appears elsewhere in the document in a run of capitalised
/// words that ends in an organisation word ("Pirelli" after "Pirelli SpA").
pub const F_DOC_ORG: Flags = 1 << 20;
/// A word that names a person's title or office ("Secretary", "Minister").
pub const F_TITLE: Flags = 1 << 21;
/// A word, not a number or punctuation.
const F_WORD: Flags = 1 << 22;
/// "&", which joins the words of a firm's name.
const F_AMPERSAND: Flags = 1 << 23;
/// The word starts a known place name, or is one ("New", "Paris").
pub const F_PLACE_START: Flags = 1 << 24;
/// The word alone is a known place name ("Paris").
pub const F_PLACE_ALONE: Flags = 1 << 25;

/// A small Bloom filter of the document's capitalised words, so that the
/// many lower-case words need a hash-map look-up only when they may matter.
struct Bloom([u64; 64]);

impl Bloom {
    fn insert(&mut self, h: u64) {
        self.0[(h >> 58) as usize] |= 1 << ((h >> 52) & 63);
    }

    fn may_contain(&self, h: u64) -> bool {
        self.0[(h >> 58) as usize] & 1 << ((h >> 52) & 63) != 0
    }
}

const GAZ: Flags = F_PLACE_B | F_PLACE_I | F_FIRST_NAME | F_DEMONYM | F_ORG_WORD | F_TITLE;
const POSITION: Flags = F_SENT_START | F_HEADLINE | F_CAPS_LINE | F_TITLE_LINE;

/// Facts about one token, computed once per document.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TokenInfo {
    /// Lower-cased word (see [`hash::word`]).
    pub word: u64,
    shape: u64,
    /// `F_*` flags.
    pub flags: Flags,
    /// Word class and capitalisation learned from unlabeled news.
    cluster: WordClass,
    /// Length in bytes, at most `u16::MAX`.
    len: u16,
}

impl TokenInfo {
    /// Whether running text writes this word in lower case (under 2% of the
    /// times it is seen inside a sentence of the unlabeled news).
    pub fn lower_in_running_text(&self) -> bool {
        self.cluster.case() == 1
    }
}

/// Hashes of a word's first three characters and of its last two, three
/// and four, lower-cased; shorter words are padded with `'\0'`.
#[derive(Debug, PartialEq)]
struct Affixes {
    prefix: u64,
    suffixes: [u64; 3],
}

impl Affixes {
    fn of(text: &str) -> Affixes {
        let (head, tail) = if text.is_ascii() {
            ascii_ends(text.as_bytes())
        } else {
            char_ends(text)
        };
        let suffix = |k: usize| {
            tail[4 - k..]
                .iter()
                .fold(k as u64, |h, &c| hash::mix(h, c as u64))
        };
        Affixes {
            prefix: head.iter().fold(3, |h, &c| hash::mix(h, c as u64)),
            suffixes: [suffix(2), suffix(3), suffix(4)],
        }
    }
}

/// The first three and the last four characters of a word, case folded,
/// padded with `'\0'`.
type Ends = ([char; 3], [char; 4]);

/// [`Ends`] of ASCII text, without decoding characters.
fn ascii_ends(text: &[u8]) -> Ends {
    let (mut head, mut tail) = (['\0'; 3], ['\0'; 4]);
    for (slot, b) in head.iter_mut().zip(text) {
        *slot = char::from(b.to_ascii_lowercase());
    }
    for (slot, b) in tail.iter_mut().rev().zip(text.iter().rev()) {
        *slot = char::from(b.to_ascii_lowercase());
    }
    (head, tail)
}

/// [`Ends`] of any text.
fn char_ends(text: &str) -> Ends {
    let (mut head, mut tail) = (['\0'; 3], ['\0'; 4]);
    for (count, c) in text.chars().map(fold_case).enumerate() {
        if count < 3 {
            head[count] = c;
        }
        tail = [tail[1], tail[2], tail[3], c];
    }
    (head, tail)
}

/// A character as word hashes and affixes see it: upper case lowered, a
/// curly apostrophe made straight.
fn fold_case(c: char) -> char {
    if c == '\u{2019}' {
        '\''
    } else if c.is_uppercase() {
        hash::lower(c)
    } else {
        c
    }
}

/// Set in a [`BYTES`] entry for a byte that is not an ASCII lower-case letter.
const NOT_LOWER: u16 = 1 << 8;

/// Per byte: the byte lower-cased (ASCII only), and [`NOT_LOWER`].
static BYTES: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.to_ascii_lowercase() as u16;
        if !byte.is_ascii_lowercase() {
            table[b] |= NOT_LOWER;
        }
        b += 1;
    }
    table
};

/// Word hash, shape and case flags of one token. Most words are ASCII
/// and all in lower case: one pass over the bytes describes those.
#[inline]
fn describe(text: &str) -> TokenInfo {
    let bytes = text.as_bytes();
    let mut word = hash::WORD_SEED;
    let mut seen = 0u16;
    for &b in bytes {
        let entry = BYTES[usize::from(b)];
        word = hash::mix(word, u64::from(entry & 0xff));
        seen |= entry;
    }
    if !bytes.is_empty() && seen & NOT_LOWER == 0 {
        let length = (bytes.len() as u64).min(6);
        TokenInfo {
            word,
            shape: hash::mix(hash::mix(0, u64::from(b'x')), length),
            flags: F_LOWER,
            ..TokenInfo::default()
        }
    } else if seen & 0x80 == 0 {
        // No byte had its top bit set: ASCII.
        describe_ascii(bytes, word)
    } else {
        describe_chars(text)
    }
}

/// [`describe`] character by character, for any text.
fn describe_chars(text: &str) -> TokenInfo {
    let mut info = TokenInfo::default();
    let mut word = hash::WORD_SEED;
    let mut shape = 0u64;
    let mut last = '\0';
    let (mut letters, mut upper, mut lower, mut count) = (0u32, 0u32, 0u32, 0u64);
    for c in text.chars() {
        let (class, l) = if c.is_ascii() {
            if c.is_ascii_uppercase() {
                ('X', c.to_ascii_lowercase())
            } else if c.is_ascii_lowercase() {
                ('x', c)
            } else if c.is_ascii_digit() {
                ('d', c)
            } else {
                (c, c)
            }
        } else if c.is_uppercase() {
            ('X', hash::lower(c))
        } else if c.is_lowercase() {
            ('x', c)
        } else if c == '\u{2019}' {
            ('\'', '\'')
        } else {
            (c, c)
        };
        match class {
            'X' => {
                upper += 1;
                letters += 1;
                if count == 0 {
                    info.flags |= F_CAP;
                } else {
                    info.flags |= F_INNER_CAP;
                }
            }
            'x' => {
                lower += 1;
                letters += 1;
            }
            _ => letters += u32::from(c.is_alphabetic() && !c.is_ascii()),
        }
        if class != last {
            shape = hash::mix(shape, class as u64);
            last = class;
        }
        word = hash::mix(word, l as u64);
        count += 1;
    }
    if upper >= 2 && lower == 0 {
        info.flags |= F_ALL_CAPS;
    }
    if letters > 0 && upper == 0 {
        info.flags |= F_LOWER;
    }
    info.word = word;
    info.shape = hash::mix(shape, count.min(6));
    info
}

/// [`describe`] for ASCII text that is not all in lower case, given its
/// `word` hash: the same facts, without decoding characters.
fn describe_ascii(text: &[u8], word: u64) -> TokenInfo {
    let mut info = TokenInfo {
        word,
        ..TokenInfo::default()
    };
    let length = (text.len() as u64).min(6);
    let mut shape = 0u64;
    let mut last = 0u8;
    let (mut upper, mut lower) = (0u32, 0u32);
    for (at, &b) in text.iter().enumerate() {
        let class = match b {
            b'A'..=b'Z' => {
                upper += 1;
                info.flags |= if at == 0 { F_CAP } else { F_INNER_CAP };
                b'X'
            }
            b'a'..=b'z' => {
                lower += 1;
                b'x'
            }
            b'0'..=b'9' => b'd',
            _ => b,
        };
        if class != last {
            shape = hash::mix(shape, u64::from(class));
            last = class;
        }
    }
    if upper >= 2 && lower == 0 {
        info.flags |= F_ALL_CAPS;
    }
    if upper + lower > 0 && upper == 0 {
        info.flags |= F_LOWER;
    }
    info.shape = hash::mix(shape, length);
    info
}

/// Per-token facts for a whole document, gazetteer and document-level flags included.
pub fn token_infos(doc: &Document) -> Vec<TokenInfo> {
    let gaz = Gazetteer::get();
    let mut bloom = Bloom([0; 64]);
    let mut candidates = Vec::new();
    let mut infos = Vec::with_capacity(doc.tokens.len());
    for (i, token) in doc.tokens.iter().enumerate() {
        let info = describe_token(doc.text, token, gaz);
        if info.flags & F_CANDIDATE != 0 {
            bloom.insert(hash::finish(info.word));
            candidates.push(i);
        }
        infos.push(info);
    }
    add_word_classes(&mut infos, &candidates);
    let mut seen: HashMap<u64, Flags, IdBuild> =
        HashMap::with_capacity_and_hasher(candidates.len(), IdBuild::default());
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let line = line_flags(&infos[range.clone()], sentence.paragraph == 0);
        let mut started = false;
        let mut org_words = false;
        for info in &mut infos[range.clone()] {
            info.flags |= line;
            if !started && info.flags & (F_WORD | F_NUMBER) != 0 {
                info.flags |= F_SENT_START;
                started = true;
            }
            let f = info.flags;
            if f & F_LOWER != 0 {
                if bloom.may_contain(hash::finish(info.word)) {
                    *seen.entry(info.word).or_default() |= F_DOC_LOWER;
                }
            } else if f & F_CAP != 0 && f & (F_SENT_START | POSITION) == 0 && f & F_ALL_CAPS == 0 {
                *seen.entry(vote_key(info)).or_default() |= F_DOC_CAP_MID;
            }
            org_words |= f & (F_ORG_WORD | F_CAP) == F_ORG_WORD | F_CAP;
        }
        mark_places(gaz, &mut infos, range.clone());
        if org_words {
            mark_org_runs(&infos, range, &mut seen);
        }
    }
    for &c in &candidates {
        // "UN" is another word than the "Un" of "Kim Jong Un", and "US"
        // than "us": an acronym reads only what is said of acronyms.
        let info = &mut infos[c];
        info.flags |= seen.get(&vote_key(info)).copied().unwrap_or(0);
    }
    infos
}

/// What one token says on its own: [`describe`], its kind as flags, and the
/// gazetteer's flags if it is capitalised.
fn describe_token(text: &str, token: &Token, gaz: &Gazetteer) -> TokenInfo {
    let text = token.span.of(text);
    let mut info = describe(text);
    info.len = u16::try_from(text.len()).unwrap_or(u16::MAX);
    match token.kind {
        TokenKind::Word => info.flags |= F_WORD,
        TokenKind::Number => info.flags = info.flags & !(F_LOWER | F_CAP | F_ALL_CAPS) | F_NUMBER,
        TokenKind::Quote | TokenKind::Punct => {
            info.flags &= !(F_LOWER | F_CAP | F_ALL_CAPS);
            match text {
                "&" => info.flags |= F_AMPERSAND,
                "-" | "." | "'" | "/" => {}
                _ => info.flags |= F_BREAK,
            }
        }
    }
    if info.flags & (F_CAP | F_INNER_CAP) != 0 {
        info.flags |= F_CANDIDATE | gaz.word_flags(info.word);
    }
    info
}

/// Word classes matter only near a word that may start a name: look them up
/// within two tokens of each of the `candidates`, each token once.
fn add_word_classes(infos: &mut [TokenInfo], candidates: &[usize]) {
    let clusters = Clusters::get();
    let number_class = clusters.class(hash::word("0"));
    let mut filled = 0;
    for &c in candidates {
        let end = (c + 3).min(infos.len());
        let from = c.saturating_sub(2).max(filled);
        for info in &mut infos[from..end] {
            if info.flags & F_WORD != 0 {
                info.cluster = clusters.class(info.word);
            } else if info.flags & F_NUMBER != 0 {
                info.cluster = number_class;
            }
        }
        filled = end;
    }
}

/// The hash of the section words that open a newswire headline before a
/// dash ("SOCCER - ...", "RUGBY UNION - ..."), or 0. Whether "Seattle" or
/// "Leicester" names a team or a town depends most on what the story is about.
pub fn topic(doc: &Document, infos: &[TokenInfo]) -> u64 {
    let Some(headline) = doc.sentences.first().filter(|s| s.paragraph == 0) else {
        return 0;
    };
    let words = headline.tokens.clone();
    (words.start + 1..words.end.min(words.start + 4))
        .find(|&i| doc.token_text(i) == "-")
        .map_or(0, |dash| {
            infos[words.start..dash]
                .iter()
                .fold(0x70_91c, |h, t| hash::mix(h, t.word))
        })
}

/// Note, as `F_DOC_ORG`, the words of every run of two or more capitalised
/// words (and "&") that ends in an organisation word: "Douglas & Lomason Co".
fn mark_org_runs(
    infos: &[TokenInfo],
    range: Range<usize>,
    seen: &mut HashMap<u64, Flags, IdBuild>,
) {
    let mut start = range.start;
    for i in range.clone() {
        let f = infos[i].flags;
        if f & F_ORG_WORD != 0 && f & F_CAP != 0 && i > start {
            for info in &infos[start..i] {
                if info.flags & F_CANDIDATE != 0 {
                    *seen.entry(vote_key(info)).or_default() |= F_DOC_ORG;
                }
            }
        }
        let joins = f & (F_CAP | F_INNER_CAP) != 0 && f & F_STOP == 0 || f & F_AMPERSAND != 0;
        if !joins {
            start = i + 1;
        }
    }
}

/// Headline, capitals-line and Title-Case flags shared by a sentence's tokens.
fn line_flags(sentence: &[TokenInfo], headline: bool) -> Flags {
    // Counted with `&` and `|`, not branches: which words are long or in
    // capitals follows no pattern the processor could learn.
    let (mut words, mut caps, mut lower_long, mut cap_long) = (0, 0, 0, 0);
    for info in sentence {
        let f = info.flags;
        let len = info.len;
        let word = f & F_WORD != 0;
        let long = word & (len > 3);
        words += usize::from(word);
        caps += usize::from(word & ((f & F_ALL_CAPS != 0) | (f & F_LOWER == 0) & (len == 1)));
        lower_long += usize::from(long & (f & F_LOWER != 0));
        cap_long += usize::from(long & (f & F_CAP != 0));
    }
    let mut flags = if headline { F_HEADLINE } else { 0 };
    if words >= 2 && caps * 10 >= words * 8 {
        flags |= F_CAPS_LINE;
    } else if cap_long >= 2 && cap_long >= 3 * lower_long {
        flags |= F_TITLE_LINE;
    }
    flags
}

/// Mark the longest known place names that start at capitalised tokens.
fn mark_places(gaz: &Gazetteer, infos: &mut [TokenInfo], range: Range<usize>) {
    let mut i = range.start;
    while i < range.end {
        let flags = infos[i].flags;
        if flags & (F_CAP | F_PLACE_START) != F_CAP | F_PLACE_START {
            i += 1;
            continue;
        }
        let mut phrase = gazetteer::extend(0, infos[i].word);
        let mut best = usize::from(flags & F_PLACE_ALONE != 0);
        for (n, info) in infos[i + 1..range.end.min(i + MAX_PHRASE)]
            .iter()
            .enumerate()
        {
            phrase = gazetteer::extend(phrase, info.word);
            match gaz.place(phrase) {
                Some(true) => best = n + 2,
                Some(false) => {}
                None => break,
            }
        }
        if best == 0 {
            i += 1;
            continue;
        }
        infos[i].flags |= F_PLACE_B;
        for info in &mut infos[i + 1..i + best] {
            info.flags |= F_PLACE_I;
        }
        i += best;
    }
}

const OUTSIDE: u64 = 0x00ed_0f5e_9a7e;

/// Label-independent features of token `i`, whose text is `word`, in a
/// sentence covering `range` of a document about `topic` (see [`topic`]):
/// those hashed go to `out`; those whose values are only flags come back by
/// value (see [`FlagValues`]).
pub fn static_features(
    infos: &[TokenInfo],
    range: &Range<usize>,
    i: usize,
    word: &str,
    topic: u64,
    out: &mut Vec<u64>,
) -> FlagValues {
    let sentence = &infos[range.clone()];
    let at = i - range.start;
    let (before, after) = (&sentence[..at], &sentence[at + 1..]);
    let (p1, p2) = (
        before.last(),
        before.len().checked_sub(2).map(|j| &before[j]),
    );
    let (n1, n2) = (after.first(), after.get(1));
    let word_of = |t: Option<&TokenInfo>| t.map_or(OUTSIDE, |t| t.word);
    let shape = |t: Option<&TokenInfo>| t.map_or(OUTSIDE, |t| t.shape);
    let class_of = |t: Option<&TokenInfo>| t.map_or(0xffff, |t| u64::from(t.cluster.class()));
    let t = &infos[i];
    let position = u64::from(t.flags & POSITION);
    let doc = u64::from(t.flags & (F_DOC_LOWER | F_DOC_CAP_MID | F_DOC_ORG));
    let class = u64::from(t.cluster.class());
    let affixes = Affixes::of(word);
    // Templates keep the numbers they were first written with; the missing
    // ones (the word alone, word pairs, how news capitalises the words
    // around, and others) were dropped when training showed that they added
    // lookups but no accuracy.
    out.extend_from_slice(&[
        feature(2, word_of(p1)),
        feature(3, word_of(n1)),
        feature(4, word_of(p2)),
        feature(5, word_of(n2)),
        feature(8, t.shape),
        feature2(11, shape(p1), t.shape),
        feature2(12, t.shape, shape(n1)),
        feature(13, affixes.prefix),
        feature(14, affixes.suffixes[0]),
        feature(15, affixes.suffixes[1]),
        feature(16, affixes.suffixes[2]),
        feature2(23, doc, t.shape),
        feature2(26, position, t.word),
        feature2(30, class_of(p1), class),
        feature2(31, class, class_of(n1)),
    ]);
    if topic != 0 {
        let own_gaz = u64::from(t.flags & GAZ);
        out.extend_from_slice(&[
            feature2(67, topic, own_gaz),
            feature2(68, topic, class),
            feature2(69, topic, t.shape),
        ]);
    }
    FlagValues::of(t, n1, n2)
}

/// The static features whose values are only flags, by value, so that a
/// model adds their weights from tables ([`FlagTables`]) without
/// hashing or probing: the token's own gazetteer flags, alone (template 17)
/// and with its position and document flags (24), and the next two tokens'
/// gazetteer flags (19 and 20).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlagValues {
    /// Position, document and gazetteer flags, packed (see [`Self::of`]).
    own: usize,
    /// The next token's and the one after's gazetteer flags, packed.
    next: usize,
}

/// Values the packed gazetteer flags take: the six flags' combinations,
/// and one for no token.
const GAZ_VALUES: usize = 65;

/// Values the packed position (four flags) and document flags (three) take.
const PLACES: usize = 16 * 8;

impl FlagValues {
    /// The values for token `t`, followed by `n1` and `n2` in its sentence.
    fn of(t: &TokenInfo, n1: Option<&TokenInfo>, n2: Option<&TokenInfo>) -> FlagValues {
        let f = t.flags;
        let position = (f & POSITION) >> 11;
        let doc = (f >> 9) & 3 | (f >> 20 & 1) << 2;
        let gaz = |t: Option<&TokenInfo>| t.map_or(GAZ_VALUES - 1, |t| pack_gaz(t.flags));
        FlagValues {
            own: (position * 8 + doc) as usize * GAZ_VALUES + pack_gaz(f),
            next: gaz(n1) * GAZ_VALUES + gaz(n2),
        }
    }

    /// The hashed features these values stand for, as training sees them.
    pub fn features(&self) -> [u64; 4] {
        let (place, gaz) = (self.own / GAZ_VALUES, self.own % GAZ_VALUES);
        let (position, doc) = ((place / 8) as Flags, (place % 8) as Flags);
        let position = u64::from(position << 11);
        let doc = u64::from((doc & 3) << 9 | (doc >> 2) << 20);
        let own_gaz = unpack_gaz(gaz);
        let (n1, n2) = (
            unpack_gaz(self.next / GAZ_VALUES),
            unpack_gaz(self.next % GAZ_VALUES),
        );
        [
            feature(17, own_gaz),
            feature(19, n1),
            feature2(20, n1, n2),
            feature2(24, position | doc << 16, own_gaz),
        ]
    }
}

/// The six gazetteer flags of `flags` as a number below 64.
fn pack_gaz(flags: Flags) -> usize {
    ((flags >> 4) & 0x1f | (flags >> 21 & 1) << 5) as usize
}

/// The gazetteer flags [`pack_gaz`] packed, as the hashed features read
/// them (no token: `0xff`).
fn unpack_gaz(packed: usize) -> u64 {
    if packed == GAZ_VALUES - 1 {
        return 0xff;
    }
    let packed = packed as Flags;
    u64::from((packed & 0x1f) << 4 | (packed >> 5) << 21)
}

/// How many stacked (second-pass) features each token gets.
pub const STACKED: usize = 5;

/// How many history features each scored token gets.
pub const HISTORY: usize = 3;

/// Features that depend on the labels chosen for the two tokens before.
pub fn history_features(info: &TokenInfo, prev: u8, prev2: u8, out: &mut [u64; HISTORY]) {
    let [a, b] = label_history(prev, prev2);
    *out = [a, b, word_history(prev, info.word)];
}

/// The history features that look at nothing but the two labels before.
fn label_history(prev: u8, prev2: u8) -> [u64; 2] {
    let (p, p2) = (u64::from(prev), u64::from(prev2));
    [feature(40, p), feature2(41, p, p2)]
}

/// The history feature of the label before and the token's own word.
pub fn word_history(prev: u8, word: u64) -> u64 {
    feature2(42, u64::from(prev), word)
}

/// What the first pass's labels say of one token, for the second pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stack {
    /// The token's own label.
    own: u8,
    /// The kind (0 for outside) the document most often gave the word.
    majority: u8,
    /// Whether the document ever labelled the word as part of a name.
    named: bool,
    /// The kinds the word was seen in inside longer names, as bits 1 to 4.
    multi: u8,
    /// The labels of the tokens either side ([`NO_LABEL`] at a sentence's edge).
    sides: [u8; 2],
}

/// A side of a [`Stack`] beyond the sentence.
const NO_LABEL: u8 = LABELS as u8;

impl Stack {
    /// Its hashed features.
    pub fn features(&self) -> [u64; STACKED] {
        let side = |label: u8| {
            if label == NO_LABEL {
                99
            } else {
                u64::from(label)
            }
        };
        let (own, majority) = (u64::from(self.own), u64::from(self.majority));
        [
            feature(50, own),
            feature2(51, own, majority),
            feature2(52, majority, u64::from(self.named)),
            feature(53, u64::from(self.multi)),
            feature2(54, side(self.sides[0]), side(self.sides[1])),
        ]
    }
}

/// A model's weights for the features whose values are only labels and
/// counts, by value, so that the tagger adds them without hashing or
/// probing: the two label-history features summed per pair of labels, and
/// each stacked template per value.
#[derive(Debug)]
pub struct LabelTables {
    /// Features 40 and 41 summed, at `prev * LABELS + prev2`.
    history: Vec<Sum>,
    /// Stacked templates: own label; own label and majority; majority and
    /// named; multi; the two sides.
    own: Vec<Sum>,
    own_majority: Vec<Sum>,
    majority_named: Vec<Sum>,
    multi: Vec<Sum>,
    sides: Vec<Sum>,
}

/// Values a [`Stack`]'s majority takes (outside and the four kinds).
const KINDS_AND_OUTSIDE: usize = 5;

/// Values a [`Stack`]'s multi takes (bits 1 to 4).
const MULTI: usize = 32;

/// Values a [`Stack`]'s side takes (a label or [`NO_LABEL`]).
const SIDES: usize = LABELS + 1;

impl LabelTables {
    /// Look every value's features up in `model` once.
    pub fn new(model: &Model) -> LabelTables {
        let labels = 0..LABELS as u8;
        let stack = |own, majority, named, multi, sides| Stack {
            own,
            majority,
            named,
            multi,
            sides,
        };
        let history = labels
            .clone()
            .flat_map(|p| labels.clone().map(move |p2| label_history(p, p2)))
            .map(|pair| model.sum_of(&pair))
            .collect();
        let one = |f: &dyn Fn(usize) -> Stack, slot: usize, count: usize| -> Vec<Sum> {
            (0..count)
                .map(|v| model.sum_of(&[f(v).features()[slot]]))
                .collect()
        };
        LabelTables {
            history,
            own: one(&|v| stack(v as u8, 0, false, 0, [0; 2]), 0, LABELS),
            own_majority: one(
                &|v| {
                    stack(
                        (v / KINDS_AND_OUTSIDE) as u8,
                        (v % KINDS_AND_OUTSIDE) as u8,
                        false,
                        0,
                        [0; 2],
                    )
                },
                1,
                LABELS * KINDS_AND_OUTSIDE,
            ),
            majority_named: one(
                &|v| stack(0, (v / 2) as u8, v % 2 == 1, 0, [0; 2]),
                2,
                KINDS_AND_OUTSIDE * 2,
            ),
            multi: one(&|v| stack(0, 0, false, v as u8, [0; 2]), 3, MULTI),
            sides: one(
                &|v| stack(0, 0, false, 0, [(v / SIDES) as u8, (v % SIDES) as u8]),
                4,
                SIDES * SIDES,
            ),
        }
    }

    /// The summed label-history weights after `prev2`, `prev`.
    pub fn history(&self, prev: u8, prev2: u8) -> &Sum {
        &self.history[usize::from(prev) * LABELS + usize::from(prev2)]
    }

    /// The summed weights of a stack's features.
    pub fn stacked(&self, stack: &Stack) -> Sum {
        let (own, majority) = (usize::from(stack.own), usize::from(stack.majority));
        let [before, after] = stack.sides.map(usize::from);
        let parts = [
            &self.own[own],
            &self.own_majority[own * KINDS_AND_OUTSIDE + majority],
            &self.majority_named[majority * 2 + usize::from(stack.named)],
            &self.multi[usize::from(stack.multi)],
            &self.sides[before * SIDES + after],
        ];
        let mut sum = [0; LABELS];
        add_parts(parts, &mut sum);
        sum
    }
}

/// The first model's weights for the flag-valued static features
/// ([`FlagValues`]) by value: templates 17 and 24 summed by
/// `FlagValues::own`, 19 and 20 by `FlagValues::next`.
#[derive(Debug)]
pub struct FlagTables {
    own: Vec<Sum>,
    next: Vec<Sum>,
}

impl FlagTables {
    /// Look every value's features up in `model` once.
    pub fn new(model: &Model) -> FlagTables {
        FlagTables {
            own: (0..PLACES * GAZ_VALUES)
                .map(|own| {
                    let [f17, _, _, f24] = FlagValues { own, next: 0 }.features();
                    model.sum_of(&[f17, f24])
                })
                .collect(),
            next: (0..GAZ_VALUES * GAZ_VALUES)
                .map(|next| {
                    let [_, f19, f20, _] = FlagValues { own: 0, next }.features();
                    model.sum_of(&[f19, f20])
                })
                .collect(),
        }
    }

    /// Add the summed weights of the flag-valued static features to `sum`.
    pub fn add(&self, values: &FlagValues, sum: &mut Sum) {
        add_parts([&self.own[values.own], &self.next[values.next]], sum);
    }
}

/// Add each of `parts` to `sum`.
fn add_parts<const N: usize>(parts: [&Sum; N], sum: &mut Sum) {
    for part in parts {
        for (s, w) in sum.iter_mut().zip(part) {
            *s += w;
        }
    }
}

/// How each capitalised word was labelled by the first pass across the whole
/// document: the second pass's evidence that "Rotor" or "Dole" is tagged the
/// same way throughout.
pub struct Votes {
    /// Per word: votes for O, person, organisation, place, other; and the
    /// kinds it was seen in inside names of two or more tokens, as bits.
    words: HashMap<u64, ([u16; 5], u8), IdBuild>,
}

impl Votes {
    /// Count the first pass's `labels` over the document.
    pub fn new(infos: &[TokenInfo], sentences: &[Range<usize>], labels: &[u8]) -> Votes {
        // About one token in six is a candidate (a story's worth reserved
        // at once; a huge document grows the table as it goes).
        let capacity = (infos.len() / 6).min(1 << 12);
        let mut words: HashMap<u64, ([u16; 5], u8), IdBuild> =
            HashMap::with_capacity_and_hasher(capacity, IdBuild::default());
        let kind = |label: u8| usize::from(label.div_ceil(2));
        for range in sentences {
            for i in range.clone() {
                if infos[i].flags & F_CANDIDATE == 0 {
                    continue;
                }
                let entry = words.entry(vote_key(&infos[i])).or_default();
                let k = kind(labels[i]);
                entry.0[k] = entry.0[k].saturating_add(1);
                let inside = labels[i].is_multiple_of(2) && labels[i] != 0;
                let before_inside =
                    i + 1 < range.end && labels[i + 1] != 0 && labels[i + 1].is_multiple_of(2);
                if k > 0 && (inside || before_inside) {
                    entry.1 |= 1 << k;
                }
            }
        }
        Votes { words }
    }

    /// The stacked features of token `i` of the sentence `range`.
    pub fn features(
        &self,
        infos: &[TokenInfo],
        range: &Range<usize>,
        labels: &[u8],
        i: usize,
    ) -> [u64; STACKED] {
        self.stack(infos, range, labels, i).features()
    }

    /// What the votes and `labels` say of token `i` of the sentence `range`.
    pub fn stack(
        &self,
        infos: &[TokenInfo],
        range: &Range<usize>,
        labels: &[u8],
        i: usize,
    ) -> Stack {
        let prev = if i > range.start {
            labels[i - 1]
        } else {
            NO_LABEL
        };
        let next = if i + 1 < range.end {
            labels[i + 1]
        } else {
            NO_LABEL
        };
        let (counts, multi) = if infos[i].flags & F_CANDIDATE != 0 {
            self.words
                .get(&vote_key(&infos[i]))
                .copied()
                .unwrap_or_default()
        } else {
            Default::default()
        };
        let majority = (0..5).max_by_key(|&k| (counts[k], 5 - k)).unwrap_or(0) as u8;
        Stack {
            own: labels[i],
            majority,
            named: counts[1..].iter().any(|&c| c > 0),
            multi,
            sides: [prev, next],
        }
    }
}

/// The word a vote counts for: an acronym in running text ("UN") is
/// another word than the same letters in a name ("Kim Jong Un"); in a line
/// of capitals every word is spelled in capitals.
fn vote_key(info: &TokenInfo) -> u64 {
    if info.flags & (F_ALL_CAPS | F_CAPS_LINE) == F_ALL_CAPS {
        hash::mix(info.word, 0xac)
    } else {
        info.word
    }
}

/// Stacked features of every token (for training the second pass).
pub fn stacked_features(
    infos: &[TokenInfo],
    sentences: &[Range<usize>],
    labels: &[u8],
) -> Vec<[u64; STACKED]> {
    let votes = Votes::new(infos, sentences, labels);
    let mut out = vec![[0u64; STACKED]; infos.len()];
    for range in sentences {
        for i in range.clone() {
            out[i] = votes.features(infos, range, labels, i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_description_matches_the_general_one(word in "[\\x00-\\x7f]{0,12}") {
            prop_assert_eq!(describe(&word), describe_chars(&word));
        }

        #[test]
        fn any_description_matches_the_general_one(word in "\\PC{0,8}") {
            prop_assert_eq!(describe(&word), describe_chars(&word));
        }

        #[test]
        fn ascii_ends_match_the_general_ones(word in "[\\x00-\\x7f]{0,12}") {
            prop_assert_eq!(ascii_ends(word.as_bytes()), char_ends(&word));
        }

        #[test]
        fn word_description_matches_the_general_one(word in "[a-zA-Z]{0,3}[a-z0-9.'-]{0,9}") {
            prop_assert_eq!(describe(&word), describe_chars(&word));
        }
    }

    #[test]
    fn known_places_are_marked_whole_and_longest_first() {
        let text = "Flights from New York reach Paris, York and New Haven, not New plans.";
        let doc = Document::new(text);
        let infos = token_infos(&doc);
        let marked: Vec<(&str, Flags)> = (0..doc.tokens.len())
            .map(|i| (doc.token_text(i), infos[i].flags & (F_PLACE_B | F_PLACE_I)))
            .filter(|&(_, f)| f != 0)
            .collect();
        assert_eq!(
            marked,
            [
                ("New", F_PLACE_B),
                ("York", F_PLACE_I),
                ("Paris", F_PLACE_B),
                ("York", F_PLACE_B),
                ("New", F_PLACE_B),
                ("Haven", F_PLACE_I),
            ]
        );
    }

    #[test]
    fn label_tables_add_what_the_hashed_features_add() {
        use crate::analyse::ner::model::{Models, Scorer};
        let models = Models::get();
        assert!(!models.second.is_empty());
        for model in [&models.first, &models.second] {
            let tables = model.tables();
            for (prev, prev2) in
                (0..LABELS as u8).flat_map(|p| (0..LABELS as u8).map(move |q| (p, q)))
            {
                let hashed = model.sum_of(&label_history(prev, prev2));
                assert_eq!(tables.history(prev, prev2), &hashed);
            }
        }
        let (model, tables) = (&models.second, models.second.tables());
        let mut differing = 0;
        for own in 0..LABELS as u8 {
            for majority in 0..KINDS_AND_OUTSIDE as u8 {
                for multi in (0..MULTI as u8).step_by(2) {
                    for sides in
                        (0..(SIDES * SIDES) as u8).map(|v| [v / SIDES as u8, v % SIDES as u8])
                    {
                        for named in [false, true] {
                            let stack = Stack {
                                own,
                                majority,
                                named,
                                multi,
                                sides,
                            };
                            let (mut hashed, mut by_value) = ([0.0; LABELS], [0.0; LABELS]);
                            model.add_all(&stack.features(), &mut hashed);
                            model.add_sum(&tables.stacked(&stack), &mut by_value);
                            assert_eq!(hashed, by_value, "{stack:?}");
                            differing += usize::from(hashed != [0.0; LABELS]);
                        }
                    }
                }
            }
        }
        // The comparison means something only if the weights are there.
        assert!(differing > 0);
        let (model, tables) = (&models.first, models.first.flag_tables());
        let values = (0..PLACES * GAZ_VALUES)
            .map(|own| FlagValues { own, next: 0 })
            .chain((0..GAZ_VALUES * GAZ_VALUES).map(|next| FlagValues { own: 0, next }));
        for values in values {
            let mut by_value = [0; LABELS];
            tables.add(&values, &mut by_value);
            assert_eq!(by_value, model.sum_of(&values.features()), "{values:?}");
        }
    }

    #[test]
    fn flag_values_stand_for_the_hashed_features() {
        let doc = F_DOC_LOWER | F_DOC_CAP_MID | F_DOC_ORG;
        let bits: Vec<Flags> = (0..32)
            .map(|b| 1 << b)
            .filter(|b| b & (GAZ | POSITION | doc) != 0)
            .collect();
        assert_eq!(bits.len(), 13);
        for set in 0..1u32 << bits.len() {
            let flags = bits
                .iter()
                .enumerate()
                .filter(|(k, _)| set >> k & 1 == 1)
                .fold(0, |f, (_, b)| f | b);
            let token = |flags| TokenInfo {
                flags: flags | F_CAP,
                ..TokenInfo::default()
            };
            let (t, n1, n2) = (token(flags), token(flags & GAZ), token(!flags & GAZ));
            let gaz = |t: &TokenInfo| u64::from(t.flags & GAZ);
            let place = u64::from(flags & POSITION) | u64::from(flags & doc) << 16;
            let want = [
                feature(17, gaz(&t)),
                feature(19, gaz(&n1)),
                feature2(20, gaz(&n1), gaz(&n2)),
                feature2(24, place, gaz(&t)),
            ];
            assert_eq!(
                FlagValues::of(&t, Some(&n1), Some(&n2)).features(),
                want,
                "{flags:x}"
            );
            let last = [feature(19, 0xff), feature2(20, 0xff, 0xff)];
            assert_eq!(FlagValues::of(&t, None, None).features()[1..3], last);
        }
    }

    #[test]
    fn affixes_fold_case_and_pad_short_words() {
        assert_eq!(Affixes::of("Obama"), Affixes::of("OBAMA"));
        assert_eq!(Affixes::of("Ça"), Affixes::of("ça"));
        assert_eq!(char_ends("Ça"), (['ç', 'a', '\0'], ['\0', '\0', 'ç', 'a']));
        let curly = (['r', 'o', 'c'], ['c', 'k', '\'', 'n']);
        assert_eq!(char_ends("Rock\u{2019}n"), curly);
    }
}
