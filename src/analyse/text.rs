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
        let paragraphs = paragraphs(text);
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *paragraph, &mut tokens);
            split_sentences(text, &tokens, first..tokens.len(), index, &mut sentences);
        }
        Self {
            text,
            tokens,
            sentences,
            paragraphs,
        }
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

/// Append the tokens of `span` to `out`.
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.of(text);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        let kind = if matches!(c, '\'' | '\u{2019}') && i > 0 && possessive(&s[i..]) {
            // "Israel's": the clitic is its own word so the name stays whole.
            end += 1;
            TokenKind::Word
        } else if c.is_alphabetic() {
            end = word_end(s, i, end);
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
fn word_end(s: &str, start: usize, mut end: usize) -> usize {
    while let Some(d) = char_at(s, end) {
        if d.is_ascii_alphanumeric() || !d.is_ascii() && d.is_alphanumeric() {
            end += d.len_utf8();
            continue;
        }
        if matches!(d, '\'' | '\u{2019}') && possessive(&s[end..]) {
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
        let t = tokens[i].span.of(text);
        let ends = matches!(t, "." | "!" | "?")
            || (tokens[i].kind == TokenKind::Word && t.ends_with('.') && t.len() > 2);
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
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
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
        let doc = Document::new(text);
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(
            words,
            [
                "Israel", "'s", "army", "and", "O'Brien", "'s", "dog", "don't", "."
            ]
        );
    }

    #[test]
    fn each_line_is_a_paragraph() {
        let doc = Document::new("Headline here\nFirst para.\n\nSecond para.");
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.sentences.len(), 3);
    }
}
