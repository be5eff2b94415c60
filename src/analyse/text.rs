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
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2018}' | '\u{2019}' | '\''
    )
}

/// Append the tokens of `span` to `out`.
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.of(text);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while let Some(&(j, d)) = chars.peek() {
                let inner = matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&');
                let next_alpha = s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric());
                if d.is_alphanumeric() || (inner && next_alpha) {
                    chars.next();
                    end = span.start + j + d.len_utf8();
                } else if d == '.' && is_initialism(&s[i..j]) {
                    chars.next();
                    end = span.start + j + 1;
                    break;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while let Some(&(j, d)) = chars.peek() {
                let next_digit = s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit());
                if d.is_alphanumeric() || (matches!(d, ',' | '.' | ':') && next_digit) {
                    chars.next();
                    end = span.start + j + d.len_utf8();
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
            span: Span::new(start, end),
            kind,
        });
    }
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
            while last + 1 < range.end && {
                let n = tokens[last + 1].span.of(text);
                tokens[last + 1].kind == TokenKind::Quote && n != "'" || n == ")"
            } {
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
    let span = Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end);
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
            ["Mr. Lee met Gen. Park in the U.S. on Jan. 5.", "They talked."]
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
    fn each_line_is_a_paragraph() {
        let doc = Document::new("Headline here\nFirst para.\n\nSecond para.");
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.sentences.len(), 3);
    }
}
