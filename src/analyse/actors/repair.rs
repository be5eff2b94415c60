//! Repairs of the tagger's output that only the whole article shows: a
//! possessive inside a run, a headline-case run, a title caught in a name.

use super::lexicon::{self, FastSet, possessive_len};
use super::{is_clitic, roles, sentence_of};
use crate::analyse::EntityKind;
use crate::analyse::Mention;
use crate::analyse::text::{Document, TokenKind};
use crate::span::Span;

/// A mention as (kind, first token, last token).
pub(super) type Range = (EntityKind, usize, usize);

/// Honorifics the tagger may catch in a name; trimmed but not kept as a role.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame"];

/// Each mention as (kind, first token, last token), in text order.
pub(super) fn token_ranges(doc: &Document, mentions: &[Mention]) -> Vec<Range> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.span.start, m.span.end));
    let tokens = &doc.tokens;
    let mut out = Vec::with_capacity(sorted.len());
    let mut first = 0;
    for m in sorted {
        // Mentions come in text order, so a cursor finds their tokens.
        if first > 0 && tokens[first - 1].span.end > m.span.start {
            first = tokens.partition_point(|t| t.span.end <= m.span.start);
        }
        // The next name is a few tokens on: stepping there reads memory in
        // order, where a binary search over the rest of the text would miss
        // the cache at every probe.
        while tokens
            .get(first)
            .is_some_and(|t| t.span.end <= m.span.start)
        {
            first += 1;
        }
        let mut last = first;
        while last < tokens.len() && tokens[last].span.start < m.span.end {
            last += 1;
        }
        if let Some(range) = tidy(doc, first, last) {
            out.push((m.kind, range.0, range.1));
        }
    }
    out
}

/// Tokens `first..end` without what a name never starts or ends with:
/// punctuation, quote marks, a lower-case article ("the Kremlin"), a
/// possessive "'s" ("Tusk's").
fn tidy(doc: &Document, mut first: usize, mut end: usize) -> Option<(usize, usize)> {
    let word = |i: usize| {
        matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number) && !is_clitic(doc, i)
    };
    while first < end && (!word(first) || matches!(doc.token_text(first), "the" | "a" | "an")) {
        first += 1;
    }
    // "Acme Corp.": the tagger keeps an abbreviation's full stop in the name.
    let stop = |i: usize| {
        i > first
            && doc.token_text(i) == "."
            && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
            && crate::analyse::ner::ends_with_abbreviation(doc.token_text(i - 1))
    };
    // "Mladost (L)": a bracket that closes one opened inside the name.
    let closes =
        |i: usize| doc.token_text(i) == ")" && (first..i).any(|k| doc.token_text(k) == "(");
    while end > first && !word(end - 1) && !stop(end - 1) && !closes(end - 1) {
        end -= 1;
    }
    (first < end).then(|| (first, end - 1))
}

/// Hashes of name keys, built in one reused buffer: the sets that only ask
/// "is this name used elsewhere?" need no owned strings.
#[derive(Default)]
pub(super) struct KeyHashes {
    buffer: Vec<u8>,
}

impl KeyHashes {
    /// The hash of the key of tokens `first..=last`.
    pub(super) fn of(&mut self, doc: &Document, first: usize, last: usize) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        self.buffer.clear();
        for index in first..=last {
            push_key_word(doc, first, index, &mut self.buffer);
        }
        BuildHasherDefault::<lexicon::FxHasher>::default().hash_one(self.buffer.as_slice())
    }
}

/// Split runs at a possessive inside them ("Vietnam's Hanoi", "'s" attached
/// or a token of its own): no name of a person or place holds one, so the
/// tagger joined two names.
pub(super) fn split_possessives(doc: &Document, ranges: Vec<Range>) -> Vec<Range> {
    let mut out = Vec::with_capacity(ranges.len());
    for (kind, first, last) in ranges {
        let mut start = first;
        if kind != EntityKind::Organization {
            for index in first..last {
                if possessive_len(doc.token_text(index)) > 0 {
                    out.push((kind, start, index));
                    start = index + 1;
                } else if is_clitic(doc, index) {
                    if index > start {
                        out.push((kind, start, index - 1));
                    }
                    start = index + 1;
                }
            }
        }
        out.push((kind, start, last));
    }
    out
}

/// The words that end a firm's name with its legal form.
const LEGAL_FORMS: &[&str] = &[
    "ag",
    "bhd",
    "bv",
    "co",
    "corp",
    "corporation",
    "gmbh",
    "group",
    "holdings",
    "inc",
    "incorporated",
    "kk",
    "limited",
    "llc",
    "ltd",
    "nv",
    "plc",
    "pty",
    "sa",
    "spa",
];

/// Words that end the names of institutions, never of places.
const INSTITUTIONS: &[&str] = &[
    "association",
    "club",
    "college",
    "exchange",
    "institute",
    "league",
    "party",
    "university",
];

/// "Oklahoma State University", "Karachi Stock Exchange" read as a place: a
/// name of two words or more that ends with a legal form or an institution
/// word names an organisation.
pub(super) fn institution_not_place(
    doc: &Document,
    kind: EntityKind,
    first: usize,
    last: usize,
) -> EntityKind {
    if kind != EntityKind::Place || last == first {
        return kind;
    }
    let text = doc.token_text(last);
    if is_legal_form(doc, last) || INSTITUTIONS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        EntityKind::Organization
    } else {
        kind
    }
}

/// Whether token `index` is a legal form ("Corp", "Inc", "Ltd"), or the dot
/// of an abbreviated one ("Corp.").
fn is_legal_form(doc: &Document, index: usize) -> bool {
    let index = match doc.token_text(index) {
        "." if index > 0 => index - 1,
        _ => index,
    };
    let text = doc.token_text(index);
    LEGAL_FORMS.iter().any(|f| f.eq_ignore_ascii_case(text))
}

/// Split an organisation at an "and" that follows a legal form ("Chevron
/// Corp and Texaco Inc"): a firm's name ends with its form, so two firms were
/// joined. "Arthur Yates and Co" and "Securities and Exchange Commission"
/// stay whole.
pub(super) fn split_firms(doc: &Document, ranges: Vec<Range>) -> Vec<Range> {
    let mut out = Vec::with_capacity(ranges.len());
    for (kind, first, last) in ranges {
        let mut start = first;
        if kind == EntityKind::Organization && last >= first + 3 {
            for index in first + 2..last {
                if doc.token_text(index) == "and"
                    && is_legal_form(doc, index - 1)
                    && !is_legal_form(doc, index + 1)
                    && roles::capitalised(doc.token_text(index + 1))
                {
                    out.push((kind, start, index - 1));
                    start = index + 1;
                }
            }
        }
        out.push((kind, start, last));
    }
    out
}

/// Append word `index` of a name starting at token `first` as names are
/// compared: lower case, no possessive, "U.S." as "us", a space before it
/// unless it is the first or a clitic "'s" ("McDonald's").
fn push_key_word(doc: &Document, first: usize, index: usize, out: &mut Vec<u8>) {
    let start = doc.tokens[index].span.start;
    let text = doc.token_text(index);
    if text == "." {
        return;
    }
    if index > first && !is_clitic(doc, index) {
        out.push(b' ');
    }
    let len = text.len() - possessive_len(text);
    // A short word is read through a fixed window of the text, its tail
    // zeroed: whole-window passes without early exits or calls, where a loop
    // over its letters mispredicted where each word ends.
    let window = doc.text.as_bytes().get(start..);
    if let Some(&window) = window.and_then(|rest| rest.first_chunk::<KEY_WINDOW>())
        && len <= KEY_WINDOW
    {
        let mut word = window;
        for (i, b) in word.iter_mut().enumerate() {
            *b = if i < len { *b } else { 0 };
        }
        let high = word.iter().fold(0u8, |acc, &b| acc | b);
        let dot = word.iter().fold(false, |acc, &b| acc | (b == b'.'));
        if high.is_ascii() & !dot {
            word.make_ascii_lowercase();
            let end = out.len() + len;
            out.extend_from_slice(&word);
            out.truncate(end);
            return;
        }
    }
    let text = &text[..len];
    let initialism = text.contains('.') && text.split('.').all(|p| p.chars().count() <= 1);
    let mut utf8 = [0u8; 4];
    let mut push = |c: char| out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
    for c in text.chars() {
        match c {
            '.' if initialism => {}
            '\u{2019}' => push('\''),
            c if c.is_ascii() => push(c.to_ascii_lowercase()),
            c => c.to_lowercase().for_each(&mut push),
        }
    }
}

/// Bytes of a word that [`push_key_word`] lowers in one fixed window.
const KEY_WINDOW: usize = 24;

/// Append the lower-case key of tokens `first..=last` to `keys`, the one
/// buffer holding every key of a document; returns where it lies there.
#[inline]
pub(super) fn push_key(doc: &Document, first: usize, last: usize, keys: &mut Vec<u8>) -> Span {
    let start = keys.len();
    for index in first..=last {
        push_key_word(doc, first, index, keys);
    }
    Span::new(start, keys.len())
}

/// A few words compared without regard to case, with a pre-test on length
/// and first letter that rejects most other words in a handful of steps.
#[derive(Default)]
struct WordFilter<'t> {
    /// Bit `len % 64` set for each word's length.
    lengths: u64,
    /// Bit per lower-cased first byte.
    firsts: [u64; 4],
    /// The words.
    words: Vec<&'t str>,
}

impl<'t> WordFilter<'t> {
    fn insert(&mut self, word: &'t str) {
        let Some(&first) = word.as_bytes().first() else {
            return;
        };
        let first = first.to_ascii_lowercase();
        self.lengths |= 1 << (word.len() % 64);
        self.firsts[usize::from(first / 64)] |= 1 << (first % 64);
        self.words.push(word);
    }

    /// The pre-test alone, on a word's length and first byte.
    fn may_contain(&self, len: usize, first: u8) -> bool {
        let first = first.to_ascii_lowercase();
        len > 0
            && self.lengths & (1 << (len % 64)) != 0
            && self.firsts[usize::from(first / 64)] & (1 << (first % 64)) != 0
    }

    fn contains(&self, word: &str) -> bool {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        self.may_contain(word.len(), first)
            && self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// The headline (the first line, when more follow) and the number of tokens
/// that end inside it: a range starting past them is in the body, told
/// without reading its tokens.
fn headline_of(doc: &Document) -> Option<(Span, usize)> {
    let headline = *doc
        .paragraphs
        .first()
        .filter(|_| doc.paragraphs.len() > 1)?;
    let body = doc.tokens.partition_point(|t| t.span.end <= headline.end);
    Some((headline, body))
}

/// Split headline-case runs on the first line ("Putin Visits North Korea")
/// into the names the body uses; runs with no known name are kept whole.
pub(super) fn split_headline(
    doc: &Document,
    ranges: Vec<Range>,
    keys: &mut KeyHashes,
) -> Vec<Range> {
    let Some((headline, body)) = headline_of(doc) else {
        return ranges;
    };
    let in_headline = |r: &Range| r.1 < body && headline.contains(doc.tokens[r.1].span);
    if !ranges.iter().any(|r| r.2 > r.1 && in_headline(r)) {
        return ranges;
    }
    // Only body names sharing a word with the headline's runs can split them;
    // comparing raw words first spares hashing every other name.
    let stem = |i: usize| {
        let text = doc.token_text(i);
        &text[..text.len() - possessive_len(text)]
    };
    let mut headline_words = WordFilter::default();
    for r in ranges.iter().filter(|r| r.2 > r.1 && in_headline(r)) {
        for i in r.1..=r.2 {
            headline_words.insert(stem(i));
        }
    }
    // A piece of a headline run starts with a headline word, so only body
    // names (or their suffixes and parts) starting with one are hashed.
    let in_headline_words = |i: usize| headline_words.contains(stem(i));
    let mut body = FastSet::default();
    let mut parts = FastSet::default();
    for r in ranges.iter().filter(|r| !in_headline(r)) {
        // The whole name and its suffixes of two words or more ("Jong Un").
        for from in (r.1..r.2.max(r.1 + 1)).filter(|&i| in_headline_words(i)) {
            body.insert(keys.of(doc, from, r.2));
        }
        // A person's surname or family name alone ("Putin", "Kim"); a place's
        // first word ("New" of "New York") is no name.
        if r.2 > r.1 && matches!(r.0, EntityKind::Person | EntityKind::Other) {
            for i in [r.1, r.2].into_iter().filter(|&i| in_headline_words(i)) {
                parts.insert(keys.of(doc, i, i));
            }
        }
    }
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        let (kind, first, last) = range;
        if !in_headline(&range) || first == last || body.contains(&keys.of(doc, first, last)) {
            out.push(range);
            continue;
        }
        let mut pieces = Vec::new();
        let mut i = first;
        while i <= last {
            let found = (i..=last).rev().find(|&j| {
                let hash = keys.of(doc, i, j);
                body.contains(&hash) || (i == j && parts.contains(&hash))
            });
            match found {
                Some(j) => {
                    pieces.push((EntityKind::Other, i, j));
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        if pieces.is_empty() {
            out.push((kind, first, last));
        } else {
            out.extend(pieces);
        }
    }
    out
}

/// Drop one-word mentions in the headline that are words in Title Case, not
/// names: the body writes them in lower case ("visit" for "Putin Visits North
/// Korea") and never capitalised inside a sentence.
pub(super) fn drop_headline_words(doc: &Document, mut ranges: Vec<Range>) -> Vec<Range> {
    let Some((headline, body)) = headline_of(doc) else {
        return ranges;
    };
    // Most ranges fail on where they are, before their text is cut.
    let candidate = |r: &Range| {
        r.1 == r.2 && r.1 < body && headline.contains(doc.tokens[r.1].span) && {
            let text = doc.token_text(r.1);
            text.len() > 2
                && text.is_ascii()
                && roles::capitalised(text)
                && text[1..].bytes().all(|b| b.is_ascii_lowercase())
        }
    };
    let words: Vec<&str> = ranges
        .iter()
        .filter(|r| candidate(r))
        .map(|r| doc.token_text(r.1))
        .collect();
    if words.is_empty() {
        return ranges;
    }
    let Some(from) = doc.tokens.get(body).map(|t| t.span.start) else {
        return ranges;
    };
    let starts_sentence = |i: usize| {
        doc.sentences
            .binary_search_by_key(&i, |s| s.tokens.start)
            .is_ok()
    };
    // Per candidate: seen in lower case (or without a plural "s"), seen
    // capitalised. Only the word and its stem, capitalised or in lower case,
    // count, and each holds the stem past its first letter: a substring
    // search finds them where a pass over every token would test each.
    let bytes = doc.text.as_bytes();
    let seen: Vec<(bool, bool)> = words
        .iter()
        .map(|word| {
            let stem = word.strip_suffix('s').unwrap_or(word);
            let mut seen = (false, false);
            let finder = memchr::memmem::Finder::new(&stem.as_bytes()[1..]);
            let mut token = body;
            let mut at = from + 1;
            while let Some(found) = bytes.get(at..).and_then(|rest| finder.find(rest)) {
                // Overlapping matches too: search on from the next byte.
                let start = at + found - 1;
                at += found + 1;
                if !bytes[start].eq_ignore_ascii_case(&stem.as_bytes()[0]) {
                    continue;
                }
                token += doc.tokens[token..].partition_point(|t| t.span.start < start);
                if doc.tokens.get(token).is_none_or(|t| t.span.start != start) {
                    continue;
                }
                let text = doc.token_text(token);
                if text == *word || text == stem {
                    seen.1 |= !starts_sentence(token);
                } else if text.eq_ignore_ascii_case(word) || text.eq_ignore_ascii_case(stem) {
                    seen.0 |= text.bytes().all(|b| b.is_ascii_lowercase());
                }
            }
            seen
        })
        .collect();
    ranges.retain(|r| {
        !candidate(r)
            || words
                .iter()
                .position(|w| *w == doc.token_text(r.1))
                .is_none_or(|k| !seen[k].0 || seen[k].1)
    });
    ranges
}

/// Whether a mention is a title, not a name ("US Secretary" before "of
/// State", "Prime Minister" used alone): it ends with a person's title and
/// is not known to be a person, or is followed by more of a title or a name.
pub(super) fn is_bare_title(doc: &Document, kind: EntityKind, last: usize) -> bool {
    if !lexicon::lexicon()
        .class_of(doc.token_text(last))
        .person_title()
    {
        return false;
    }
    match kind {
        EntityKind::Other => true,
        EntityKind::Person => doc.tokens.get(last + 1).is_some_and(|t| {
            let next = t.span.of(doc.text);
            t.kind == TokenKind::Word && (next == "of" || roles::capitalised(next))
        }),
        _ => false,
    }
}

/// "US Secretary of State Antony Blinken" read as one organisation or place:
/// a title followed by a first name and a surname names a person.
pub(super) fn person_after_title(
    doc: &Document,
    kind: EntityKind,
    first: usize,
    last: usize,
) -> EntityKind {
    if !matches!(kind, EntityKind::Organization | EntityKind::Place) || last < first + 2 {
        return kind;
    }
    let floor = doc
        .sentences
        .get(sentence_of(doc, first))
        .map_or(first, |s| s.tokens.start);
    let titled = (first..last - 1)
        .rev()
        .find(|&i| roles::ends_title(doc, floor, i));
    match titled {
        Some(cut)
            if lexicon::lexicon()
                .gender_of(doc.token_text(cut + 1))
                .is_some() =>
        {
            EntityKind::Person
        }
        _ => kind,
    }
}

/// The first token of the name once a title caught inside the mention
/// ("President Putin", "Defence Minister Andrei Belousov") is left out.
pub(super) fn trim_title<'k>(
    doc: &Document,
    kind: EntityKind,
    first: usize,
    last: usize,
    known_keys: &dyn Fn() -> &'k FastSet<u64>,
    keys: &mut KeyHashes,
) -> usize {
    if !matches!(kind, EntityKind::Person | EntityKind::Other) {
        return first;
    }
    let floor = doc
        .sentences
        .get(sentence_of(doc, first))
        .map_or(first, |s| s.tokens.start);
    let cut = (first..last).rev().find(|&i| {
        // No word beyond ASCII lowers to an honorific: compared as it is.
        let text = doc.token_text(i);
        let stem = &text[..text.len() - possessive_len(text)];
        HONORIFICS.iter().any(|h| stem.eq_ignore_ascii_case(h)) || roles::ends_title(doc, floor, i)
    });
    let Some(cut) = cut else {
        return first;
    };
    let rest = cut + 1;
    let worth = kind == EntityKind::Person
        || last > rest
        || known_keys().contains(&keys.of(doc, rest, last));
    if worth && roles::capitalised(doc.token_text(rest)) {
        rest
    } else {
        first
    }
}
