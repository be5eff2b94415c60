//! Tokens, paragraphs and sentences: the first stage every other one reads.

use std::ops::Range;

use crate::span::Span;

/// What a token is, as far as later stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("U.S.", "al-Assad").
    Word,
    /// Digits, possibly with separators ("1,200", "3.5").
    Number,
    /// A quotation mark, straight or curly, single or double.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token with its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence: its span and the tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From its first to its last token.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Document::paragraphs`] of the paragraph it belongs to.
    pub paragraph: usize,
}

/// An article's text cut into paragraphs, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The whole text, headline line included.
    pub text: &'t str,
    /// Every token in text order.
    pub tokens: Vec<Token>,
    /// Every sentence in text order; the headline line is the first.
    pub sentences: Vec<Sentence>,
    /// Paragraph spans (lines or blank-line separated blocks) in text order.
    pub paragraphs: Vec<Span>,
}

impl<'t> Document<'t> {
    /// Cut `text` into paragraphs, tokens and sentences.
    pub fn new(text: &'t str) -> Self {
        Self::cut(text, false)
    }

    /// Like [`Document::new`], but a possessive "'s" is a token of its own
    /// ("Israel" + "'s"), so that a name's span never includes it; the name
    /// tagger reads documents cut this way.
    pub fn with_possessives_split(text: &'t str) -> Self {
        Self::cut(text, true)
    }

    /// This document as [`Document::with_possessives_split`] cuts it, made
    /// from its own tokens (only those around an apostrophe are cut again,
    /// and only their paragraphs split into sentences again), or `None` when
    /// no word has a possessive.
    pub fn possessives_split(&self) -> Option<Self> {
        let (text, old) = (self.text, &self.tokens);
        // Runs of old tokens to cut again, with where the tokens they become
        // lie in `cuts`.
        let mut groups: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let mut cuts = Vec::new();
        let mut next = 0;
        for at in apostrophes(text) {
            let i = next + old[next..].partition_point(|t| t.span.end <= at);
            let Some(token) = old.get(i).filter(|t| t.span.start <= at) else {
                continue;
            };
            next = i + 1;
            if !self.may_hide_possessive(token) {
                continue;
            }
            // Cut again with what the word may swallow once split: the "s"
            // after an apostrophe token, a dot ending an initialism.
            let (mut span, mut end) = (token.span, i + 1);
            while let Some(n) = old.get(end).filter(|n| {
                n.span.start == span.end
                    && (end == i + 1 && token.kind == TokenKind::Quote || n.span.of(text) == ".")
            }) {
                span.end = n.span.end;
                end += 1;
            }
            let from = cuts.len();
            tokenize(text, span, true, false, &mut cuts);
            if cuts[from..] == old[i..end] {
                cuts.truncate(from);
            } else {
                groups.push((i..end, from..cuts.len()));
            }
            next = end;
        }
        if groups.is_empty() {
            return None;
        }
        let mut tokens = Vec::with_capacity(old.len() + groups.len());
        let mut copied = 0;
        for (range, cut) in &groups {
            tokens.extend_from_slice(&old[copied..range.start]);
            tokens.extend_from_slice(&cuts[cut.clone()]);
            copied = range.end;
        }
        tokens.extend_from_slice(&old[copied..]);
        // Sentences: paragraphs holding a changed run are split again (a
        // split word may start one: "'s" opens like a quote); the others
        // only move by the tokens added before them.
        let mut sentences = Vec::with_capacity(self.sentences.len());
        let (mut rest, mut group, mut shift) = (&self.sentences[..], 0, 0isize);
        while let Some(first) = rest.first() {
            let count = rest
                .iter()
                .take_while(|s| s.paragraph == first.paragraph)
                .count();
            let old_range = first.tokens.start..rest[count - 1].tokens.end;
            let start = first.tokens.start.wrapping_add_signed(shift);
            let mut changed = false;
            while let Some((range, cut)) = groups.get(group)
                && range.start < old_range.end
            {
                shift += cut.len() as isize - range.len() as isize;
                changed = true;
                group += 1;
            }
            if changed {
                let end = old_range.end.wrapping_add_signed(shift);
                split_sentences(text, &tokens, start..end, first.paragraph, &mut sentences);
            } else {
                let moved = |s: &Sentence| Sentence {
                    tokens: s.tokens.start.wrapping_add_signed(shift)
                        ..s.tokens.end.wrapping_add_signed(shift),
                    ..s.clone()
                };
                sentences.extend(rest[..count].iter().map(moved));
            }
            rest = &rest[count..];
        }
        Some(Self {
            text,
            tokens,
            sentences,
            paragraphs: self.paragraphs.clone(),
        })
    }

    /// Whether cutting `token` with possessives split may change it: a word
    /// holding an apostrophe, or an apostrophe token inside a paragraph
    /// ("U.S." + "'" + "s").
    fn may_hide_possessive(&self, token: &Token) -> bool {
        let text = self.text;
        match token.kind {
            TokenKind::Word => true,
            TokenKind::Quote => {
                let opens_paragraph = self
                    .paragraphs
                    .binary_search_by_key(&token.span.start, |p| p.start)
                    .is_ok();
                matches!(token.span.of(text), "'" | "\u{2019}")
                    && possessive(&text[token.span.start..])
                    && !opens_paragraph
            }
            _ => false,
        }
    }

    fn cut(text: &'t str, split_possessives: bool) -> Self {
        let paragraphs = paragraphs(text);
        // News runs at about one token every five bytes.
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *paragraph, split_possessives, true, &mut tokens);
            split_sentences(text, &tokens, first..tokens.len(), index, &mut sentences);
        }
        Self {
            text,
            tokens,
            sentences,
            paragraphs,
        }
    }

    /// From the start of the first token of `tokens` to the end of its last
    /// (a non-empty range).
    pub fn tokens_span(&self, tokens: Range<usize>) -> Span {
        Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        )
    }

    /// The text of token `index`.
    pub fn token_text(&self, index: usize) -> &'t str {
        self.tokens[index].span.of(self.text)
    }
}

/// Paragraph spans: each non-blank line is a paragraph (news text puts one
/// paragraph on a line, with or without blank lines between them).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let (lead, end) = trim(text, start, newline);
        if lead < end {
            out.push(Span::new(lead, end));
        }
        start = newline + 1;
    }
    out
}

/// The bytes `start..end` of `text` (on character boundaries) without the
/// whitespace around them, as `str::trim` has it, ASCII spaces skipped a byte
/// at a time.
fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    while start < end && bytes.get(end - 1).is_some_and(is_space) {
        end -= 1;
    }
    if start < end && bytes.get(end - 1).is_some_and(|b| !b.is_ascii()) {
        end = start + text.get(start..end).map_or(0, |s| s.trim_end().len());
    }
    while start < end && bytes.get(start).is_some_and(is_space) {
        start += 1;
    }
    if start < end && bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        start = end - text.get(start..end).map_or(0, |s| s.trim_start().len());
    }
    (start, end)
}

/// Whether `c` is a quote mark, straight, curly or angled, single or double:
/// a token of its own.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
    )
}

/// The character at byte `at` of `s` (ASCII fast path), if any.
#[inline]
fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(at..)?.chars().next(),
        None => None,
    }
}

/// Append the tokens of `span` to `out`; `paragraph_start` says whether
/// `span` starts a paragraph (where an apostrophe is never a possessive).
///
/// ASCII, nearly all of news text, is classed by a table of first bytes,
/// with runs of letters and digits read sixteen bytes at a time; what may
/// join on, and any other character, is decoded and classed by
/// [`word_end`], [`number_end`] and [`char_token`].
fn tokenize(
    text: &str,
    span: Span,
    split_possessives: bool,
    paragraph_start: bool,
    out: &mut Vec<Token>,
) {
    let s = span.of(text);
    let bytes = s.as_bytes();
    // The text from the span on: letter runs are read sixteen bytes at a
    // time, which may look past the span's end, and then cut back to it.
    let wide = text.as_bytes().get(span.start..).unwrap_or_default();
    let mut i = 0;
    loop {
        // One space between tokens, the common case, skipped without a branch.
        i += usize::from(
            bytes
                .get(i)
                .is_some_and(|&b| CLASSES[usize::from(b)] & SPACE != 0),
        );
        i += space_run(bytes.get(i..).unwrap_or_default());
        let Some(&b) = bytes.get(i) else { break };
        let start = STARTS[usize::from(b)];
        let run = alphanumeric_run(wide.get(i..).unwrap_or_default()).min(bytes.len() - i);
        let end = i + run.max(1);
        let stops = bytes
            .get(end)
            .is_some_and(|&n| CLASSES[usize::from(n)] & start.stops != 0);
        let (end, kind) = if !start.slow && !stops {
            // Nearly every token: a word followed by a space or a comma, a
            // number followed by a space, or a single punctuation mark.
            (end, start.kind)
        } else {
            let may_split = split_possessives && (i > 0 || !paragraph_start);
            match b {
                // What may join on ("U.S.", "al-Assad", "O'Brien", "Łódź").
                b'a'..=b'z' | b'A'..=b'Z' => {
                    (word_end(s, i, end, split_possessives), TokenKind::Word)
                }
                b'0'..=b'9' => (number_end(s, end), TokenKind::Number),
                b'\'' => char_token(s, i, '\'', may_split, split_possessives),
                _ => {
                    let Some(c) = char_at(s, i) else { break };
                    if c.is_whitespace() {
                        i += c.len_utf8();
                        continue;
                    }
                    char_token(s, i, c, may_split, split_possessives)
                }
            }
        };
        out.push(Token {
            span: Span::new(span.start + i, span.start + end),
            kind,
        });
        i = end;
    }
}

/// Where the token that starts with `c` (not whitespace) at byte `start` of
/// `s` ends, and its kind; `may_split` says whether an apostrophe there may
/// start a possessive "'s".
fn char_token(
    s: &str,
    start: usize,
    c: char,
    may_split: bool,
    split_possessives: bool,
) -> (usize, TokenKind) {
    let end = start + c.len_utf8();
    if may_split && matches!(c, '\'' | '\u{2019}') && s.get(start..).is_some_and(possessive) {
        // "Israel's": the clitic is its own word so the name stays whole.
        (end + 1, TokenKind::Word)
    } else if c.is_alphabetic() {
        (word_end(s, start, end, split_possessives), TokenKind::Word)
    } else if c.is_ascii_digit() {
        (number_end(s, end), TokenKind::Number)
    } else if is_quote_char(c) {
        (end, TokenKind::Quote)
    } else {
        (end, TokenKind::Punct)
    }
}

/// Whether the character at byte `at` of `s` is a letter or digit.
#[inline]
fn alphanumeric_at(s: &str, at: usize) -> bool {
    match s.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(s, at).is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// Where the number whose first digit ends at byte `end` ends: letters and
/// digits, with inner commas, dots and colons before a digit ("1,200", "3.5").
fn number_end(s: &str, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => end += 1,
            Some(b',' | b'.' | b':') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                end += 2;
            }
            Some(b) if !b.is_ascii() => match char_at(s, end) {
                Some(d) if d.is_alphanumeric() => end += d.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    end
}

/// Where the word that starts at byte `start` (its first character ending at
/// `end`) ends: letters and digits, with inner apostrophes, hyphens, dots and
/// ampersands, and a final dot after an initialism ("U.S.").
fn word_end(s: &str, start: usize, mut end: usize, split_possessives: bool) -> usize {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits, the common case, sixteen bytes at a time.
        end += bytes.get(end..).map_or(0, alphanumeric_run);
        let Some(&b) = bytes.get(end) else { break };
        let d = if b.is_ascii() {
            char::from(b)
        } else {
            match char_at(s, end) {
                Some(d) if d.is_alphanumeric() => {
                    end += d.len_utf8();
                    continue;
                }
                Some(d) => d,
                None => break,
            }
        };
        match d {
            '\'' | '\u{2019}' if split_possessives && s.get(end..).is_some_and(possessive) => break,
            '\'' | '\u{2019}' | '-' | '.' | '&' if alphanumeric_at(s, end + d.len_utf8()) => {
                end += d.len_utf8();
            }
            '.' => {
                if s.get(start..end).is_some_and(is_initialism) {
                    end += 1;
                }
                break;
            }
            _ => break,
        }
    }
    end
}

/// How many ASCII letters and digits `bytes` starts with, sixteen bytes at a
/// time so that where a word ends is found without a branch per byte.
#[inline]
fn alphanumeric_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..).and_then(<[u8]>::first_chunk) {
        let ahead = alphanumeric_prefix(u128::from_le_bytes(*chunk));
        run += ahead;
        if ahead < 16 {
            return run;
        }
    }
    let rest = bytes.get(run..).unwrap_or_default();
    run + rest
        .iter()
        .position(|&b| CLASSES[usize::from(b)] & ALPHANUMERIC == 0)
        .unwrap_or(rest.len())
}

/// How many ASCII letters and digits the sixteen bytes of `chunk` (first
/// byte lowest) start with, each byte tested at once by carry-free adds.
#[inline]
fn alphanumeric_prefix(chunk: u128) -> usize {
    const ONES: u128 = u128::MAX / 0xFF;
    const HIGH: u128 = ONES * 0x80;
    /// Set in each byte, it lower-cases ASCII letters.
    const LOWER: u128 = ONES * 0x20;
    // Each byte's high bit, after the adds, says whether it is at least
    // `lo`, or more than `hi`; with the high bits cleared first no byte
    // carries into the next.
    let within = |bytes: u128, lo: u8, hi: u8| {
        (bytes + ONES * u128::from(0x80 - lo)) & !(bytes + ONES * u128::from(0x7F - hi)) & HIGH
    };
    let low = chunk & !HIGH;
    let letters = within(low | LOWER, b'a', b'z');
    let digits = within(low, b'0', b'9');
    // Bytes with the high bit set are not ASCII.
    let alphanumeric = (letters | digits) & !chunk;
    (!alphanumeric & HIGH).trailing_zeros() as usize / 8
}

/// How many ASCII whitespace characters `bytes` starts with.
#[inline]
fn space_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| CLASSES[usize::from(b)] & SPACE == 0)
        .unwrap_or(bytes.len())
}

/// Class bit of an ASCII letter or digit.
const ALPHANUMERIC: u8 = 1;
/// Class bit of the ASCII characters `char::is_whitespace` accepts.
const SPACE: u8 = 4;
/// Class bit of what may join a word on after its letters: an apostrophe,
/// hyphen, dot or ampersand, or any byte of a non-ASCII character.
const JOINS: u8 = 2;
/// Class bit of what may join a number on after its digits: a comma, dot or
/// colon, or any byte of a non-ASCII character.
const NUMBER_JOINS: u8 = 8;

/// The class bits of each byte, one look-up in the tokeniser's hot loops.
static CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else if matches!(byte, b'\'' | b'-' | b'.' | b'&') || !byte.is_ascii() {
            JOINS
        } else if matches!(byte, b'\t'..=b'\r' | b' ') {
            SPACE
        } else {
            0
        };
        if matches!(byte, b',' | b'.' | b':') || !byte.is_ascii() {
            classes[b] |= NUMBER_JOINS;
        }
        b += 1;
    }
    classes
};

/// How the tokeniser's fast path reads a token by its first byte.
#[derive(Clone, Copy)]
struct Start {
    /// The token's kind, unless the slow path decides.
    kind: TokenKind,
    /// The class bits of a byte after the token's letters or digits that
    /// send it to the slow path, as it may join on.
    stops: u8,
    /// Whether the slow path decides in any case: an apostrophe (which may
    /// open a possessive) or a non-ASCII character.
    slow: bool,
}

/// How each byte starts a token (the non-space ones).
static STARTS: [Start; 256] = {
    let mut starts = [Start {
        kind: TokenKind::Punct,
        stops: 0,
        slow: false,
    }; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        starts[b] = if byte.is_ascii_alphabetic() {
            Start {
                kind: TokenKind::Word,
                stops: JOINS,
                slow: false,
            }
        } else if byte.is_ascii_digit() {
            Start {
                kind: TokenKind::Number,
                stops: NUMBER_JOINS,
                slow: false,
            }
        } else if byte == b'"' {
            Start {
                kind: TokenKind::Quote,
                stops: 0,
                slow: false,
            }
        } else {
            Start {
                kind: TokenKind::Punct,
                stops: 0,
                slow: byte == b'\'' || !byte.is_ascii(),
            }
        };
        b += 1;
    }
    starts
};

/// Byte offsets of every apostrophe, straight or curly, in `text`.
fn apostrophes(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    // U+2019 is E2 80 99 in UTF-8.
    memchr::memchr2_iter(b'\'', 0x99, bytes).filter_map(move |i| match bytes[i] {
        b'\'' => Some(i),
        _ if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 => Some(i - 2),
        _ => None,
    })
}

/// Whether `rest` (starting at an apostrophe) is a possessive "'s" that ends the word.
fn possessive(rest: &str) -> bool {
    let mut chars = rest.chars().skip(1);
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// "U.S" or "U" before a final dot: single letters joined by dots.
fn is_initialism(word: &str) -> bool {
    word.split('.').all(|p| {
        let mut chars = p.chars();
        chars.next().is_some() && chars.next().is_none()
    })
}

/// Whether token `i`, an initialism in capitals ("U.S.", "U.N."), goes on
/// into the capitalised word after it ("the U.S. Court of Appeals", "U.N.
/// Secretary-General"), as it mostly does in news: its dot ends the sentence
/// only before a function word ("… in the U.S. The talks …"), a quote mark,
/// a bracket or nothing.
fn initialism_runs_on(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let word = tokens[i].span.of(text);
    let Some(letters) = word.strip_suffix('.') else {
        return false;
    };
    if !letters.contains('.') || !is_initialism(letters) || letters.contains(char::is_lowercase) {
        return false;
    }
    let Some(next) = tokens.get(i + 1).filter(|_| i + 1 < end) else {
        return false;
    };
    let next = next.span.of(text);
    next.starts_with(|c: char| c.is_uppercase())
        && !crate::analyse::ner::gazetteer::is_function_word(next)
}

/// Append the sentences of the tokens in `range` (one paragraph) to `out`.
fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut first = range.start;
    if range.start < range.end
        && let (Some(head), Some(tail)) = (tokens.get(range.start), tokens.get(range.end - 1))
    {
        let from = head.span.start;
        let marks = text.as_bytes().get(from..tail.span.end).unwrap_or_default();
        // Only a token ending in . ! or ? may end a sentence: find those
        // bytes, then the token each one ends, if any.
        let mut i = range.start;
        for at in memchr::memchr3_iter(b'.', b'!', b'?', marks).map(|m| from + m) {
            let ahead = tokens.get(i..range.end).unwrap_or_default();
            i += ahead.partition_point(|t| t.span.end <= at);
            let Some(&token) = tokens.get(i).filter(|_| i < range.end) else {
                break;
            };
            if token.span.end != at + 1 {
                continue;
            }
            let ends = match text.as_bytes()[at] {
                b'.' => {
                    token.span.len() == 1 || token.kind == TokenKind::Word && token.span.len() > 2
                }
                _ => token.span.len() == 1,
            };
            if !ends
                || is_abbreviation(text, tokens, i)
                || initialism_runs_on(text, tokens, i, range.end)
            {
                continue;
            }
            // Closing quotes and brackets stay with the sentence they close.
            let mut last = i;
            while last + 1 < range.end && closes(text, tokens, last + 1) {
                last += 1;
            }
            let next_starts = tokens
                .get(last + 1)
                .filter(|_| last + 1 < range.end)
                .is_none_or(|n| {
                    n.span.of(text).chars().next().is_some_and(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || is_quote_char(c) || c == '('
                    })
                });
            if next_starts {
                push_sentence(tokens, first..last + 1, paragraph, out);
                first = last + 1;
                i = last + 1;
            }
        }
    }
    if first < range.end {
        push_sentence(tokens, first..range.end, paragraph, out);
    }
}

/// Whether token `i` is a closing quote or bracket: one that hugs the token
/// before it ("good.\"" closes, "cent. \"It" opens the next sentence).
fn closes(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let attached = i > 0 && tokens[i - 1].span.end == t.span.start;
    let s = t.span.of(text);
    attached && (t.kind == TokenKind::Quote && s != "'" || s == ")" || s == "]")
}

fn is_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = if tokens[i].span.of(text) == "." {
        match i.checked_sub(1) {
            Some(p) if tokens[p].span.end == tokens[i].span.start => tokens[p].span.of(text),
            _ => return false,
        }
    } else {
        tokens[i].span.of(text).trim_end_matches('.')
    };
    let known = if word.is_ascii() {
        let mut lower = [0; 6];
        let lower = lower.get_mut(..word.len()).map(|lower| {
            for (l, b) in lower.iter_mut().zip(word.bytes()) {
                *l = b.to_ascii_lowercase();
            }
            &*lower
        });
        lower.is_some_and(is_abbreviation_word)
    } else {
        is_abbreviation_word(word.to_lowercase().as_bytes())
    };
    known || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Whether `lower` (lower-case) is a word whose dot does not end a
/// sentence: titles, months and the like ("Mr.", "Jan.", "etc.").
fn is_abbreviation_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"cmdr"
            | b"adm"
            | b"gov"
            | b"sen"
            | b"rep"
            | b"rev"
            | b"st"
            | b"mt"
            | b"jr"
            | b"sr"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"no"
            | b"vs"
            | b"etc"
            | b"inc"
            | b"corp"
            | b"ltd"
            | b"co"
            | b"approx"
    )
}

fn push_sentence(tokens: &[Token], range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = Span::new(
        tokens[range.start].span.start,
        tokens[range.end - 1].span.end,
    );
    out.push(Sentence {
        span,
        tokens: range,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    #[test]
    fn splits_on_full_stops_but_not_abbreviations() {
        assert_eq!(
            sentences("Mr. Lee met Gen. Park in the U.S. on Jan. 5. They talked."),
            [
                "Mr. Lee met Gen. Park in the U.S. on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn an_initialism_runs_on_into_a_name_but_not_into_a_new_sentence() {
        assert_eq!(
            sentences("The U.S. Court of Appeals ruled. Talks moved to the U.S. The aides left."),
            [
                "The U.S. Court of Appeals ruled.",
                "Talks moved to the U.S.",
                "The aides left."
            ]
        );
        assert_eq!(
            sentences("She flew in at 9 p.m. Officials met her."),
            ["She flew in at 9 p.m.", "Officials met her."]
        );
    }

    #[test]
    fn keeps_decimals_and_closing_quotes() {
        assert_eq!(
            sentences("Growth was 3.5 per cent. \"It is good.\" She left."),
            ["Growth was 3.5 per cent.", "\"It is good.\"", "She left."]
        );
    }

    #[test]
    fn possessive_s_is_its_own_token() {
        let text = "Israel's army and O'Brien's dog don't.";
        let doc = Document::with_possessives_split(text);
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(
            words,
            [
                "Israel", "'s", "army", "and", "O'Brien", "'s", "dog", "don't", "."
            ]
        );
    }

    #[test]
    fn splitting_possessives_afterwards_matches_cutting_them() {
        for text in [
            "Israel's army and O'Brien's dog don't.\nThe U.S.'s view. It's Kim\u{2019}s.",
            "No apostrophes here. None at all.",
            "'s alone, rock 'n' roll, the Jones' house and JONES'S hat.",
        ] {
            let cut = Document::with_possessives_split(text);
            let split = Document::new(text).possessives_split();
            let split = split.as_ref().unwrap_or(&cut);
            assert_eq!(split.tokens, cut.tokens, "{text}");
            assert_eq!(split.sentences, cut.sentences, "{text}");
        }
        assert!(Document::new("Plain words.").possessives_split().is_none());
    }

    #[test]
    fn each_line_is_a_paragraph() {
        let doc = Document::new("Headline here\nFirst para.\n\nSecond para.");
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.sentences.len(), 3);
    }
}

/// The tokeniser as it was before its ASCII fast path: one character at a
/// time. Kept as the oracle the fast path must agree with on any input.
#[cfg(test)]
mod by_chars {
    use super::{Span, Token, TokenKind, char_at, is_quote_char, possessive};

    pub fn tokenize(
        text: &str,
        span: Span,
        split_possessives: bool,
        paragraph_start: bool,
        out: &mut Vec<Token>,
    ) {
        let s = span.of(text);
        let mut i = 0;
        while let Some(c) = char_at(s, i) {
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if split_possessives
                && matches!(c, '\'' | '\u{2019}')
                && (i > 0 || !paragraph_start)
                && possessive(&s[i..])
            {
                end += 1;
                TokenKind::Word
            } else if c.is_alphabetic() {
                end = word_end(s, i, end, split_possessives);
                TokenKind::Word
            } else if c.is_ascii_digit() {
                while let Some(d) = char_at(s, end) {
                    let next_digit =
                        char_at(s, end + d.len_utf8()).is_some_and(|n| n.is_ascii_digit());
                    if d.is_alphanumeric() || (matches!(d, ',' | '.' | ':') && next_digit) {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            } else if is_quote_char(c) {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                span: Span::new(span.start + i, span.start + end),
                kind,
            });
            i = end;
        }
    }

    fn word_end(s: &str, start: usize, mut end: usize, split_possessives: bool) -> usize {
        while let Some(d) = char_at(s, end) {
            if d.is_alphanumeric() {
                end += d.len_utf8();
                continue;
            }
            if split_possessives && matches!(d, '\'' | '\u{2019}') && possessive(&s[end..]) {
                break;
            }
            let inner = matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&');
            if inner && char_at(s, end + d.len_utf8()).is_some_and(char::is_alphanumeric) {
                end += d.len_utf8();
            } else {
                if d == '.' && s[start..end].split('.').all(|p| p.chars().count() == 1) {
                    end += 1;
                }
                break;
            }
        }
        end
    }
}

#[cfg(test)]
mod fast_path {
    use proptest::prelude::*;

    use super::{Span, by_chars, tokenize};

    /// Text dense in what the tokeniser decides on: ASCII and other letters,
    /// digits and separators, apostrophes, quotes, initials, odd spaces and
    /// control characters.
    fn tricky() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Kim"),
            Just("'"),
            Just("\u{2019}"),
            Just("s"),
            Just("S"),
            Just("U.S."),
            Just("."),
            Just(","),
            Just(":"),
            Just(" "),
            Just("\u{a0}"),
            Just("\u{b}"),
            Just("\u{85}"),
            Just("-"),
            Just("&"),
            Just("1"),
            Just("3.5"),
            Just("\u{663}"),
            Just("\u{e9}"),
            Just("\u{141}\u{f3}d\u{17a}"),
            Just("\u{65e5}"),
            Just("\u{300}"),
            Just("\""),
            Just("\u{201c}"),
            Just("\n"),
            Just("\u{0}"),
            Just("\u{1b}"),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    /// The fast path and the oracle agree on `text` and on every span that
    /// ends early (the fast path reads letter runs past a span's end and
    /// cuts them back, as when possessives are split in a sub-span).
    fn same_tokens(text: &str) {
        let ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        for span in ends.map(|end| Span::new(0, end)) {
            for (split, start) in [(false, true), (true, true), (true, false)] {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                tokenize(text, span, split, start, &mut fast);
                by_chars::tokenize(text, span, split, start, &mut slow);
                assert_eq!(fast, slow, "{text:?} {span:?} split {split} start {start}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn fast_path_tokenizes_tricky_text_as_by_chars(text in tricky()) {
            same_tokens(&text);
        }

        #[test]
        fn fast_path_tokenizes_any_chars_as_by_chars(chars in prop::collection::vec(any::<char>(), 0..60)) {
            same_tokens(&chars.into_iter().collect::<String>());
        }
    }
}
