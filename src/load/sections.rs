//! Sections: headline, lede and body sections, with headings derived from the
//! content where the text has none.
//!
//! Without headings, body paragraphs are grouped at topic shifts: the gap
//! between two paragraphs whose neighbourhoods (two paragraphs each side)
//! share the fewest content words becomes a boundary, as in TextTiling, with
//! about one section per three paragraphs and at least two paragraphs each.
//! Each section is then named after its most distinctive name (a capitalised
//! phrase that is not just the start of a sentence), or failing that its most
//! frequent content word.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::ops::Range;

use serde::Serialize;

use crate::span::Span;

/// One section of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// "Lede", a heading from the text, or one derived from the content.
    pub heading: String,
    /// From the first to the last byte of the section (the lede starts at the headline).
    #[serde(flatten)]
    pub span: Span,
    /// Indices into the article's paragraphs (headline and heading lines excluded).
    #[serde(skip)]
    pub paragraphs: Range<usize>,
    /// Whether the heading comes from the text rather than from the content.
    #[serde(skip)]
    pub from_text: bool,
}

/// Build sections from paragraph spans. `paragraphs[0]` is the headline;
/// `headings` are indices of paragraphs that are headings in the source.
pub fn build(text: &str, paragraphs: &[Span], headings: &[usize]) -> Vec<Section> {
    let Some(headline) = paragraphs.first() else {
        return Vec::new();
    };
    let lede_end = if paragraphs.len() > 1 && !headings.contains(&1) {
        2
    } else {
        1
    };
    let mut sections = vec![Section {
        heading: "Lede".to_string(),
        span: Span::new(headline.start, paragraphs[lede_end - 1].end),
        paragraphs: 1..lede_end,
        from_text: false,
    }];
    if headings.is_empty() {
        sections.extend(derive(text, paragraphs, lede_end));
    } else {
        sections.extend(from_headings(text, paragraphs, headings, lede_end));
    }
    sections
}

fn from_headings(
    text: &str,
    paragraphs: &[Span],
    headings: &[usize],
    lede_end: usize,
) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(&first) = headings.first()
        && first > lede_end
    {
        out.extend(derive(text, &paragraphs[..first], lede_end));
    }
    for (n, &h) in headings.iter().enumerate() {
        let end = headings.get(n + 1).copied().unwrap_or(paragraphs.len());
        out.push(Section {
            heading: paragraphs[h].of(text).trim().to_string(),
            span: Span::new(paragraphs[h].start, paragraphs[end - 1].end),
            paragraphs: h + 1..end,
            from_text: true,
        });
    }
    out
}

/// Paragraphs that end past this many bytes of the article are not scanned
/// for topic shifts (a 200 MB dump is not a news story): they make one last
/// section, so loading costs about the size of the text, not several times it.
pub const MAX_SCANNED_BYTES: usize = 4 << 20;

/// Group `paragraphs[from..]` into sections at topic shifts.
fn derive(text: &str, paragraphs: &[Span], from: usize) -> Vec<Section> {
    let count = paragraphs.len().saturating_sub(from);
    if count == 0 {
        return Vec::new();
    }
    let scanned = paragraphs[from..]
        .iter()
        .take_while(|p| p.end <= MAX_SCANNED_BYTES)
        .count()
        .max(1);
    if scanned < count {
        let cut = from + scanned;
        let mut sections = derive(text, &paragraphs[..cut], from);
        sections.push(Section {
            heading: "The rest".to_string(),
            span: Span::new(paragraphs[cut].start, paragraphs[paragraphs.len() - 1].end),
            paragraphs: cut..paragraphs.len(),
            from_text: false,
        });
        return sections;
    }
    let scans: Vec<Scan> = paragraphs[from..].iter().map(|p| scan(text, *p)).collect();
    let target = (count as f32 / 3.0).round().clamp(1.0, 6.0) as usize;
    let mut gaps: Vec<(f32, usize)> = cohesions(&scans).into_iter().zip(1..count).collect();
    gaps.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut cuts = vec![0, count];
    for (_, gap) in gaps {
        if cuts.len() > target {
            break;
        }
        let at = cuts.partition_point(|&c| c < gap);
        if gap - cuts[at - 1] >= 2 && cuts[at] - gap >= 2 {
            cuts.insert(at, gap);
        }
    }
    let ranges: Vec<Range<usize>> = cuts.windows(2).map(|w| from + w[0]..from + w[1]).collect();
    let names: Vec<Vec<(String, usize)>> = ranges
        .iter()
        .map(|r| names_in(text, &scans[r.start - from..r.end - from]))
        .collect();
    let opening = Span::new(0, paragraphs[from - 1].end).of(text);
    ranges
        .iter()
        .enumerate()
        .map(|(n, range)| Section {
            heading: heading_for(text, &paragraphs[range.clone()], &names, n, opening),
            span: Span::new(paragraphs[range.start].start, paragraphs[range.end - 1].end),
            paragraphs: range.clone(),
            from_text: false,
        })
        .collect()
}

/// For each gap between paragraphs (before paragraph 1, 2, …), the word
/// overlap between the two paragraphs before it and the two after. Each
/// union of two neighbours is merged once and serves two gaps.
fn cohesions(scans: &[Scan]) -> Vec<f32> {
    let bag = |k: usize| scans[k].words.as_slice();
    // pairs[k]: the words of paragraphs k and k + 1 (of k alone at the end).
    let pairs: Vec<Vec<u64>> = (0..scans.len())
        .map(|k| match scans.get(k + 1) {
            Some(next) => union(bag(k), &next.words),
            None => bag(k).to_vec(),
        })
        .collect();
    (1..scans.len())
        .map(|g| {
            let left = if g >= 2 { &pairs[g - 2] } else { bag(0) };
            overlap(left, &pairs[g])
        })
        .collect()
}

/// Shared words over the geometric mean of the sizes of two sorted,
/// deduplicated word lists; 0 when either is empty.
fn overlap(left: &[u64], right: &[u64]) -> f32 {
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let (mut a, mut b, mut shared) = (0, 0, 0usize);
    while a < left.len() && b < right.len() {
        match left[a].cmp(&right[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                a += 1;
                b += 1;
            }
        }
    }
    shared as f32 / ((left.len() * right.len()) as f32).sqrt()
}

/// The sorted, deduplicated union of two sorted, deduplicated word lists.
fn union(left: &[u64], right: &[u64]) -> Vec<u64> {
    let mut all = Vec::with_capacity(left.len() + right.len());
    let (mut a, mut b) = (0, 0);
    while a < left.len() && b < right.len() {
        match left[a].cmp(&right[b]) {
            std::cmp::Ordering::Less => {
                all.push(left[a]);
                a += 1;
            }
            std::cmp::Ordering::Greater => {
                all.push(right[b]);
                b += 1;
            }
            std::cmp::Ordering::Equal => {
                all.push(left[a]);
                a += 1;
                b += 1;
            }
        }
    }
    all.extend_from_slice(&left[a..]);
    all.extend_from_slice(&right[b..]);
    all
}

/// Hashes of the stop words, as [`word_id`] makes them.
static STOP_IDS: std::sync::LazyLock<FxHashSet<u64>> =
    std::sync::LazyLock::new(|| STOP.iter().map(|w| word_id(w)).collect());

/// What one pass over a paragraph finds.
struct Scan {
    /// Sorted, deduplicated hashes of its content words, lower-cased.
    words: Vec<u64>,
    /// Capitalised phrases that do not start a sentence.
    names: Vec<Span>,
}

/// One pass over paragraph `span`: content words for cohesion, and runs of
/// capitalised words that do not start a sentence (names) for headings. A
/// run breaks at punctuation, a possessive or a lower-case word.
fn scan(text: &str, span: Span) -> Scan {
    let para = span.of(text);
    let mut words = Vec::new();
    let mut names = Vec::new();
    let mut run: Option<Span> = None;
    let mut sentence_start = true;
    let mut gap_breaks = false;
    let mut at = 0;
    while let Some(first) = unit_at(para, at) {
        let i = at;
        if first.class & ALNUM == 0 {
            gap_breaks |= first.class & BREAK != 0;
            sentence_start |= first.class & SENTENCE_END != 0;
            at += first.len;
            continue;
        }
        let word = read_word(para, i);
        at = word.end;
        let stem = &para[i..word.stem_end];
        let stop = is_stop_id(stem, word.id);
        if stem.len() > 2 && !stop && !stem.bytes().all(|b| b.is_ascii_digit()) {
            words.push(word.id);
        }
        if gap_breaks && let Some(name) = run.take() {
            names.push(name);
        }
        let capital = first.class & UPPER != 0 && !stop;
        let here = Span::new(span.start + i, span.start + word.stem_end);
        if capital && !sentence_start {
            run = Some(run.map_or(here, |r| Span::new(r.start, here.end)));
        } else if let Some(name) = run.take() {
            names.push(name);
        }
        if word.stem_end < word.end
            && let Some(name) = run.take()
        {
            names.push(name);
        }
        sentence_start = false;
        gap_breaks = false;
    }
    names.extend(run);
    words.sort_unstable();
    words.dedup();
    Scan { words, names }
}

/// A letter or digit.
const ALNUM: u8 = 1;
/// An upper-case letter.
const UPPER: u8 = 2;
/// Punctuation that ends a run of capitalised words.
const BREAK: u8 = 4;
/// Punctuation that ends a sentence.
const SENTENCE_END: u8 = 8;
/// An apostrophe, which belongs to a word between two letters or digits.
const APOSTROPHE: u8 = 16;

/// The classes of the ASCII characters, so that [`scan`] looks most
/// characters up rather than asking Unicode tables.
static ASCII_CLASSES: [u8; 128] = ascii_classes();

const fn ascii_classes() -> [u8; 128] {
    let mut classes = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            match c {
                b'.' | b'!' | b'?' => BREAK | SENTENCE_END,
                b':' | b';' | b',' | b'(' | b')' | b'"' => BREAK,
                b'\'' => APOSTROPHE,
                _ => 0,
            }
        };
        b += 1;
    }
    classes
}

/// The class of a character outside ASCII, as [`ASCII_CLASSES`] has them.
fn class_of(c: char) -> u8 {
    let mut class = match c {
        '\u{201C}' | '\u{201D}' | '\u{2014}' => BREAK,
        '\u{2019}' => APOSTROPHE,
        _ => 0,
    };
    if c.is_alphanumeric() {
        class |= ALNUM;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    class
}

/// One character of a paragraph with its class and length in bytes.
#[derive(Clone, Copy)]
struct Unit {
    ch: char,
    class: u8,
    len: usize,
}

/// The character at byte `at` of `para`, looked up in a table when ASCII.
#[inline]
fn unit_at(para: &str, at: usize) -> Option<Unit> {
    let &b = para.as_bytes().get(at)?;
    if b < 0x80 {
        return Some(Unit {
            ch: char::from(b),
            class: ASCII_CLASSES[usize::from(b)],
            len: 1,
        });
    }
    let ch = para.get(at..)?.chars().next()?;
    Some(Unit {
        ch,
        class: class_of(ch),
        len: ch.len_utf8(),
    })
}

/// A word as [`read_word`] finds it.
struct Word {
    /// Byte after its last character.
    end: usize,
    /// Byte after the word without a possessive "'s" (`end` when none).
    stem_end: usize,
    /// [`word_id`] of the word without the possessive.
    id: u64,
}

/// The word that starts at byte `start` of `para` (a letter or digit):
/// letters and digits with inner apostrophes, hashed as it is read, so that
/// its id is [`word_id`] of the word without a possessive "'s".
fn read_word(para: &str, start: usize) -> Word {
    use std::hash::Hasher as _;
    let mut hasher = rustc_hash::FxHasher::default();
    // The last inner apostrophe: where it starts, the byte after it and the
    // hash of the word before it.
    let mut apostrophe: Option<(usize, usize, rustc_hash::FxHasher)> = None;
    let bytes = para.as_bytes();
    let mut at = start;
    loop {
        // Most characters of most words: ASCII letters and digits.
        while let Some(&b) = bytes.get(at)
            && b < 0x80
            && ASCII_CLASSES[usize::from(b)] & ALNUM != 0
        {
            hasher.write_u8(b.to_ascii_lowercase());
            at += 1;
        }
        let Some(unit) = unit_at(para, at) else {
            break;
        };
        let next = at + unit.len;
        if unit.class & ALNUM == 0 {
            let inner = unit.class & APOSTROPHE != 0
                && unit_at(para, next).is_some_and(|n| n.class & ALNUM != 0);
            if !inner {
                break;
            }
            apostrophe = Some((at, next, hasher.clone()));
        }
        hash_lower(&mut hasher, unit.ch);
        at = next;
    }
    match apostrophe {
        Some((stem_end, after, before)) if after + 1 == at && para.as_bytes()[after] == b's' => {
            Word {
                end: at,
                stem_end,
                id: before.finish(),
            }
        }
        _ => Word {
            end: at,
            stem_end: at,
            id: hasher.finish(),
        },
    }
}

/// Feed the lower case of `c` to `hasher`, as [`word_id`] does.
#[inline]
fn hash_lower(hasher: &mut rustc_hash::FxHasher, c: char) {
    use std::hash::Hasher as _;
    if c.is_ascii() {
        hasher.write_u8(c.to_ascii_lowercase() as u8);
    } else {
        for lower in c.to_lowercase() {
            hasher.write_u32(lower as u32);
        }
    }
}

/// The longest stop word, in bytes.
const LONGEST_STOP: usize = 9;

/// Whether `word`, whose [`word_id`] is `id`, is a stop word. Stop words are
/// short ASCII, and no other character lower-cases into theirs, so a longer
/// word is not one and its id need not be looked up.
fn is_stop_id(word: &str, id: u64) -> bool {
    word.len() <= LONGEST_STOP && STOP_IDS.contains(&id)
}

/// A hash of the lower-cased word, without allocating.
fn word_id(word: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut hasher = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        for b in word.bytes() {
            hasher.write_u8(b.to_ascii_lowercase());
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(c as u32);
        }
    }
    hasher.finish()
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "that",
    "this",
    "which",
    "who",
    "their",
    "they",
    "he",
    "she",
    "his",
    "her",
    "will",
    "would",
    "said",
    "says",
    "not",
    "also",
    "after",
    "than",
    "more",
    "into",
    "about",
    "over",
    "there",
    "what",
    "when",
    "while",
    "could",
    "should",
    "can",
    "may",
    "some",
    "other",
    "such",
    "both",
    "these",
    "those",
    "them",
    "we",
    "our",
    "you",
    "your",
    "i",
    "mr",
    "mrs",
    "ms",
    "new",
    "two",
    "one",
    "last",
    "year",
    "years",
    "being",
    "including",
    "despite",
    "amid",
    "however",
    "if",
    "all",
    "any",
    "most",
    "many",
    "up",
    "out",
    "so",
    "no",
    "do",
    "did",
    "does",
    "just",
    "now",
];

fn is_stop(word: &str) -> bool {
    STOP_IDS.contains(&word_id(word))
}

fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() > 2 && !is_stop(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
}

/// The names of a section's paragraphs with their counts, most frequent first.
fn names_in(text: &str, scans: &[Scan]) -> Vec<(String, usize)> {
    let mut found: Vec<&str> = scans
        .iter()
        .flat_map(|s| &s.names)
        .map(|name| name.of(text))
        .collect();
    found.sort_unstable();
    let mut names: Vec<(String, usize)> = found
        .chunk_by(|a, b| a == b)
        .map(|same| (single_spaced(same[0]), same.len()))
        .collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    names
}

/// `name` with each run of white space made one space, and none at the ends.
fn single_spaced(name: &str) -> String {
    let spaced = name
        .split(' ')
        .all(|word| !word.is_empty() && !word.contains(char::is_whitespace));
    if spaced {
        name.to_string()
    } else {
        name.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The most distinctive name of section `n`, or its most frequent content word.
///
/// Names of the headline and lede (`opening`) say what the whole story is
/// about, not what this section adds, so they count for less.
fn heading_for(
    text: &str,
    paragraphs: &[Span],
    names: &[Vec<(String, usize)>],
    n: usize,
    opening: &str,
) -> String {
    let elsewhere = |name: &str| {
        names
            .iter()
            .enumerate()
            .filter(|(m, list)| *m != n && list.iter().any(|(other, _)| other == name))
            .count()
    };
    let best = names[n]
        .iter()
        .map(|(name, count)| {
            let words = name.split(' ').count().min(3) as f32;
            let known = if opening.contains(name.as_str()) {
                3.0
            } else {
                1.0
            };
            let score =
                *count as f32 * (1.0 + 0.2 * words) / (1.0 + elsewhere(name) as f32) / known;
            (score, name)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)));
    if let Some((_, name)) = best {
        return name.clone();
    }
    let mut counts: HashMap<String, usize> = HashMap::default();
    for p in paragraphs {
        for w in content_words(p.of(text)) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let word = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(w, _)| w)
        .unwrap_or_else(|| "More".to_string());
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::text::paragraphs;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn cohesion_is_the_overlap_of_the_two_paragraphs_each_side(
            bags in proptest::collection::vec(proptest::collection::vec(0u64..40, 0..12), 1..9)
        ) {
            let sorted = |words: &[u64]| {
                let mut words = words.to_vec();
                words.sort_unstable();
                words.dedup();
                words
            };
            let scans: Vec<Scan> = bags
                .iter()
                .map(|b| Scan { words: sorted(b), names: Vec::new() })
                .collect();
            let union_of = |range: std::ops::Range<usize>| {
                sorted(&scans[range].iter().flat_map(|s| s.words.clone()).collect::<Vec<_>>())
            };
            let expected: Vec<f32> = (1..scans.len())
                .map(|g| overlap(&union_of(g.saturating_sub(2)..g), &union_of(g..(g + 2).min(scans.len()))))
                .collect();
            prop_assert_eq!(cohesions(&scans), expected);
        }
    }

    /// [`scan`] as it was before its ASCII table and hashing while reading:
    /// one character at a time, the word hashed afterwards.
    fn scan_by_chars(text: &str, span: Span) -> Scan {
        let para = span.of(text);
        let char_at = |at: usize| para[at..].chars().next();
        let mut words = Vec::new();
        let mut names = Vec::new();
        let mut run: Option<Span> = None;
        let mut sentence_start = true;
        let mut gap_breaks = false;
        let mut at = 0;
        while let Some(c) = char_at(at) {
            let i = at;
            at += c.len_utf8();
            if !c.is_alphanumeric() {
                gap_breaks |= matches!(
                    c,
                    '.' | '!'
                        | '?'
                        | ':'
                        | ';'
                        | ','
                        | '('
                        | ')'
                        | '"'
                        | '\u{201C}'
                        | '\u{201D}'
                        | '\u{2014}'
                );
                sentence_start |= matches!(c, '.' | '!' | '?');
                continue;
            }
            while let Some(d) = char_at(at) {
                let next = at + d.len_utf8();
                let inner = matches!(d, '\'' | '\u{2019}')
                    && char_at(next).is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    at = next;
                } else {
                    break;
                }
            }
            let raw = &para[i..at];
            let possessive = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("\u{2019}s"));
            let word = possessive.unwrap_or(raw);
            let id = word_id(word);
            let stop = STOP_IDS.contains(&id);
            if word.len() > 2 && !stop && !word.bytes().all(|b| b.is_ascii_digit()) {
                words.push(id);
            }
            if gap_breaks && let Some(name) = run.take() {
                names.push(name);
            }
            let here = Span::new(span.start + i, span.start + i + word.len());
            if c.is_uppercase() && !stop && !sentence_start {
                run = Some(run.map_or(here, |r| Span::new(r.start, here.end)));
            } else if let Some(name) = run.take() {
                names.push(name);
            }
            if possessive.is_some()
                && let Some(name) = run.take()
            {
                names.push(name);
            }
            sentence_start = false;
            gap_breaks = false;
        }
        names.extend(run);
        words.sort_unstable();
        words.dedup();
        Scan { words, names }
    }

    fn assert_scans_agree(para: &str) {
        let text = format!("Headline\n{para}");
        let span = Span::new("Headline\n".len(), text.len());
        let (fast, slow) = (scan(&text, span), scan_by_chars(&text, span));
        assert_eq!(fast.words, slow.words, "words of {para:?}");
        assert_eq!(fast.names, slow.names, "names of {para:?}");
    }

    #[test]
    fn scan_agrees_with_the_scan_by_characters() {
        for para in [
            "The O'Brien family's dog's bone: DON\u{2019}T PANIC, it\u{2019}s Ruth Mackay\u{2019}s.",
            "\u{C9}mile Zola met \u{D6}zil and \u{130}stanbul\u{2019}s mayor Ekrem \u{130}mamo\u{11F}lu in Z\u{FC}rich.",
            "In 2024 the 3rd-quarter figures (up 12%) beat 1999's; 42 and 007 are digits, \u{661}\u{662}\u{663} too.",
            "Stra\u{DF}e and STRASSE, \u{3A3}\u{39F}\u{3A6}\u{39F}\u{3A3} and \u{3C3}\u{3bf}\u{3c6}\u{3bf}\u{3c2}, The And Or Said Mr Smith.",
            "rock'n'roll ''quote'' ' lone 'tis, it's' end's, a''b, x\u{2019}\u{2019}y \u{201C}Quoted Name\u{201D} \u{2014} Next One!",
            "Kelvin \u{212A}ing, \u{1C4}emal \u{1C5}emal, \u{FB01}nance, \u{2160}\u{2161} Roman, \u{FF26}\u{FF55}\u{FF4C}\u{FF4C} width.",
            "Trailing apostrophe' and possessive's",
            "'s",
            "",
        ] {
            assert_scans_agree(para);
        }
    }

    proptest! {
        #[test]
        fn scan_agrees_with_the_scan_by_characters_on_any_text(
            para in "([A-Za-z0-9 .,;:!?()\"'\u{2019}\u{201C}\u{201D}\u{2014}\u{E9}\u{C9}\u{DF}\u{130}\u{212A}\u{3A3}\u{661}-]|s|'s|The |Mr ){0,40}"
        ) {
            assert_scans_agree(&para);
        }
    }

    fn headings(text: &str) -> Vec<String> {
        build(text, &paragraphs(text), &[])
            .into_iter()
            .map(|s| s.heading)
            .collect()
    }

    #[test]
    fn stop_words_are_short_ascii() {
        assert!(STOP.iter().all(|w| w.is_ascii() && w.len() <= LONGEST_STOP));
    }

    #[test]
    fn paragraphs_past_the_scanned_bytes_make_one_last_section() {
        let mut text = String::from("Huge dump\nFirst paragraph.\n");
        let mut n = 0;
        while text.len() <= MAX_SCANNED_BYTES + 10_000 {
            text.push_str(&format!("Paragraph {n} about the harbour and the ferry.\n"));
            n += 1;
        }
        let paras = paragraphs(&text);
        let sections = build(&text, &paras, &[]);
        let last = sections.last().unwrap();
        assert_eq!(last.heading, "The rest");
        assert!(paras[last.paragraphs.start].start < MAX_SCANNED_BYTES + 1);
        assert!(paras[last.paragraphs.start].end > MAX_SCANNED_BYTES);
        assert_eq!(last.paragraphs.end, paras.len());
        for pair in sections.windows(2) {
            assert_eq!(pair[0].paragraphs.end, pair[1].paragraphs.start);
        }
    }

    #[test]
    fn short_story_is_lede_and_one_section() {
        let text = "Ferry returns\nThe ferry sailed at dawn from Port Ellen.\nCaptain Ruth Mackay said the crossing was calm.";
        assert_eq!(headings(text), ["Lede", "Ruth Mackay"]);
    }

    #[test]
    fn ten_paragraphs_make_a_handful_of_sections() {
        let mut text = String::from("Harbour news\nThe town council met on Monday.\n");
        for _ in 0..3 {
            text.push_str(
                "The council in Kirkwall voted on harbour fees and harbour dues for boats.\n",
            );
        }
        for _ in 0..3 {
            text.push_str(
                "Fishermen led by Morag Innes protested about quotas and catches at sea.\n",
            );
        }
        for _ in 0..3 {
            text.push_str(
                "Weather forecasts from the Met Office warned of gales, storms and rain.\n",
            );
        }
        let sections = build(&text, &paragraphs(&text), &[]);
        let names: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(names, ["Lede", "Kirkwall", "Morag Innes", "Met Office"]);
        assert_eq!(sections[0].span.start, 0);
        assert_eq!(sections.last().unwrap().span.end, text.trim_end().len());
    }
}
