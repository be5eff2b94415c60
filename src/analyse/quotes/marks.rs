//! Quote marks paired into quoted passages, paragraph by paragraph.
//!
//! Straight marks alternate; curly marks say which way they face, except
//! when a writer turned them the wrong way round (an opening mark followed
//! by a space closes, a closing mark glued to the next word opens). A quote
//! left open at the end of a paragraph runs to the paragraph's end; the
//! next paragraph usually reopens it. Marks inside markup tags
//! (`<tweet author="…">`) are not quotes.

use std::ops::Range;

use crate::analyse::text::{Document, TokenKind};
use crate::span::Span;

/// One passage between double quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// Index of the paragraph it lies in.
    pub paragraph: usize,
    /// From the opening mark to the closing mark (or the paragraph's end).
    pub span: Span,
}

impl Passage {
    /// Token indices strictly inside the marks.
    pub fn inner_tokens(&self, paragraph_end: usize) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(paragraph_end)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Opening,
    Closing,
}

fn mark(text: &str) -> Option<Mark> {
    match text {
        "\"" => Some(Mark::Straight),
        "\u{201C}" | "\u{201E}" | "\u{00AB}" => Some(Mark::Opening),
        "\u{201D}" | "\u{00BB}" => Some(Mark::Closing),
        _ => None,
    }
}

/// Token ranges of each paragraph, from the sentences.
pub fn paragraph_tokens(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = vec![0..0; doc.paragraphs.len()];
    for sentence in &doc.sentences {
        let range = &mut out[sentence.paragraph];
        if range.start == range.end {
            *range = sentence.tokens.clone();
        } else {
            range.end = sentence.tokens.end;
        }
    }
    out
}

/// Every quoted passage of the document, in text order.
pub fn passages(doc: &Document, paragraphs: &[Range<usize>]) -> Vec<Passage> {
    let mut out = Vec::new();
    for (index, range) in paragraphs.iter().enumerate() {
        if !range.is_empty() && has_double_mark(doc.tokens_span(range.clone()).of(doc.text)) {
            paragraph_passages(doc, index, range.clone(), &mut out);
        }
    }
    out
}

/// Whether `text` holds a double quote mark ([`mark`]): most paragraphs
/// hold none, and a byte search tells so faster than their tokens.
fn has_double_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    let curly = |at: usize| matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C..=0x9E]));
    let angled = |at: usize| matches!(bytes.get(at + 1), Some(0xAB | 0xBB));
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).any(|at| match bytes[at] {
        b'"' => true,
        0xE2 => curly(at),
        _ => angled(at),
    })
}

fn paragraph_passages(
    doc: &Document,
    paragraph: usize,
    range: Range<usize>,
    out: &mut Vec<Passage>,
) {
    let text = doc.text;
    let mut open: Option<usize> = None;
    let mut opened_by = Mark::Straight;
    let mut nested = 0usize;
    let mut in_tag = false;
    for i in range.clone() {
        let token = doc.tokens[i];
        if token.kind == TokenKind::Word || token.kind == TokenKind::Number {
            continue;
        }
        let word = token.span.of(text);
        if token.kind == TokenKind::Punct {
            if word == "<" && glued_to_next(doc, i, range.end) {
                in_tag = true;
            } else if word == ">" {
                in_tag = false;
            }
            continue;
        }
        if token.kind != TokenKind::Quote || in_tag {
            continue;
        }
        let Some(kind) = mark(word) else { continue };
        let space_after = !glued_to_next(doc, i, range.end);
        let space_before = i == range.start || doc.tokens[i - 1].span.end < token.span.start;
        if open.is_some() && opened_by == Mark::Straight && kind != Mark::Straight {
            // Curly marks inside a straight-quoted passage quote within it;
            // a closing one with nothing open inside ends the passage.
            if kind == Mark::Opening && (space_before || !space_after) {
                nested += 1;
                continue;
            }
            if nested > 0 {
                nested -= 1;
                continue;
            }
            if kind == Mark::Opening {
                continue;
            }
        }
        let closes = match (open, kind) {
            (None, Mark::Closing) => {
                // A closing mark glued to a word on its right opens.
                if !space_after {
                    open = Some(i);
                    opened_by = Mark::Opening;
                }
                continue;
            }
            (None, _) => {
                open = Some(i);
                opened_by = kind;
                nested = 0;
                continue;
            }
            (Some(_), Mark::Opening) => {
                // Turned the wrong way round: closes when it ends a word.
                if space_after && !space_before {
                    true
                } else {
                    open = Some(i);
                    continue;
                }
            }
            (Some(start), Mark::Straight)
                if opened_by == Mark::Straight
                    && space_before
                    && !space_after
                    && i > start + 3
                    && ends_sentence(doc.tokens[i - 1].span.of(text)) =>
            {
                // `… 26 weeks. "We are going …`: a quote that runs on into
                // a new paragraph written on the same line; the mark that
                // opens the next one ends this one.
                out.push(Passage {
                    open: start,
                    close: Some(i),
                    paragraph,
                    span: Span::new(doc.tokens[start].span.start, doc.tokens[i - 1].span.end),
                });
                open = Some(i);
                continue;
            }
            (Some(_), _) => true,
        };
        if let (true, Some(start)) = (closes, open) {
            if i > start + 1 {
                out.push(Passage {
                    open: start,
                    close: Some(i),
                    paragraph,
                    span: Span::new(doc.tokens[start].span.start, token.span.end),
                });
            }
            open = None;
        }
    }
    if let Some(start) = open
        && start + 1 < range.end
    {
        out.push(Passage {
            open: start,
            close: None,
            paragraph,
            span: Span::new(
                doc.tokens[start].span.start,
                doc.tokens[range.end - 1].span.end,
            ),
        });
    }
}

/// Whether a token ends a sentence ("." "?" "!").
fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "?" | "!")
}

/// Whether token `i` touches the next token of its paragraph.
fn glued_to_next(doc: &Document, i: usize, end: usize) -> bool {
    i + 1 < end && doc.tokens[i].span.end == doc.tokens[i + 1].span.start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let paragraphs = paragraph_tokens(&doc);
        passages(&doc, &paragraphs)
            .iter()
            .map(|p| p.span.of(text))
            .collect()
    }

    #[test]
    fn the_byte_search_finds_every_double_mark() {
        // The search hand-codes the marks' bytes; a mark added to `mark`
        // must be added there too.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            let inside = format!("a{c}b");
            assert_eq!(has_double_mark(&alone), mark(&alone).is_some(), "{c:?}");
            assert_eq!(has_double_mark(&inside), mark(&alone).is_some(), "{c:?}");
        }
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            quoted("\u{201C}We won,\u{201D} she said. \"It was close.\""),
            ["\u{201C}We won,\u{201D}", "\"It was close.\""]
        );
    }

    #[test]
    fn mends_marks_turned_the_wrong_way() {
        assert_eq!(
            quoted("He called it \u{201C}a mess\u{201C} and left."),
            ["\u{201C}a mess\u{201C}"]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            quoted("\u{201C}First part.\n\n\u{201C}Second part.\u{201D}"),
            ["\u{201C}First part.", "\u{201C}Second part.\u{201D}"]
        );
    }

    #[test]
    fn a_quote_reopened_on_the_same_line_ends_the_one_before() {
        assert_eq!(
            quoted(
                "She said: \"We doubled it this year. \"We will double it again.\" \
                 She left."
            ),
            ["\"We doubled it this year.", "\"We will double it again.\""]
        );
        // A mark after a full stop inside a short quote still closes it.
        assert_eq!(quoted("He said \"No.\" Then left."), ["\"No.\""]);
    }

    #[test]
    fn tells_paragraphs_with_double_marks() {
        for text in [
            "a \"b",
            "\u{201C}a",
            "a\u{201D}",
            "\u{201E}a",
            "\u{00AB}a\u{00BB}",
        ] {
            assert!(has_double_mark(text), "{text}");
        }
        for text in ["a 'b' c", "\u{2019}s \u{2014} \u{2018}a", "\u{00E9}", ""] {
            assert!(!has_double_mark(text), "{text}");
        }
    }

    #[test]
    fn skips_marks_in_tags() {
        assert_eq!(
            quoted("<tweet author=\"@lee\">\"Great day\" for us</tweet>"),
            ["\"Great day\""]
        );
    }
}
