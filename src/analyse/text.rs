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
        // Runs of old tokens to cut again, with the tokens they become.
        let mut groups: Vec<(Range<usize>, Vec<Token>)> = Vec::new();
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
            let mut cut = Vec::new();
            tokenize(text, span, true, false, &mut cut);
            if cut[..] != old[i..end] {
                groups.push((i..end, cut));
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
            tokens.extend_from_slice(cut);
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
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        if !trimmed.trim().is_empty() {
            out.push(Span::new(start + lead, start + trimmed.len()));
        }
        start += line.len();
    }
    out
}

fn is_quote_char(c: char) -> bool {
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
fn tokenize(
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
            // "Israel's": the clitic is its own word so the name stays whole.
            end += 1;
            TokenKind::Word
        } else if c.is_alphabetic() {
            end = word_end(s, i, end, split_possessives);
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while let Some(d) = char_at(s, end) {
                let next_digit = char_at(s, end + d.len_utf8()).is_some_and(|n| n.is_ascii_digit());
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

/// Where the word that starts at byte `start` (its first character ending at
/// `end`) ends: letters and digits, with inner apostrophes, hyphens, dots and
/// ampersands, and a final dot after an initialism ("U.S.").
fn word_end(s: &str, start: usize, mut end: usize, split_possessives: bool) -> usize {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits, the common case, a byte at a time.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let Some(d) = char_at(s, end) else { break };
        if !d.is_ascii() && d.is_alphanumeric() {
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
            if d == '.' && is_initialism(&s[start..end]) {
                end += 1;
            }
            break;
        }
    }
    end
}

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
    word.split('.').all(|p| p.chars().count() == 1)
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "st", "mt", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "ltd", "co", "approx",
];

/// Append the sentences of the tokens in `range` (one paragraph) to `out`.
fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut first = range.start;
    let mut i = range.start;
    while i < range.end {
        // By bytes: this runs on every token.
        let span = tokens[i].span;
        let ends = match text.as_bytes()[span.end - 1] {
            b'.' => span.len() == 1 || tokens[i].kind == TokenKind::Word && span.len() > 2,
            b'!' | b'?' => span.len() == 1,
            _ => false,
        };
        if ends && !is_abbreviation(text, tokens, i) {
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
                continue;
            }
        }
        i += 1;
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
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    known || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
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
