//! A story laid out for a given width: the headline, sections and paragraphs
//! wrapped into display lines that remember which bytes of the article they
//! show, so search hits, quotes and mentions can be found and styled.

use crate::load::Article;
use crate::sanitize::{Shown, clean_line, show};
use crate::span::Span;

/// Paragraphs ending past this byte of an article are wrapped greedily (see
/// `Layout::wrap_fast`); before it, with `textwrap`'s optimal fit.
pub const FAST_WRAP_AFTER: usize = 4 << 20;

/// Paragraphs longer than this are wrapped greedily wherever they are.
pub const FAST_WRAP_PARAGRAPH: usize = 64 << 10;

/// What a display line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Part of the headline.
    Headline,
    /// Source, date and byline.
    Meta,
    /// A section heading (its index in the article's sections).
    Heading(usize),
    /// Part of a paragraph (its index in the article's paragraphs).
    Body(usize),
    /// Space between blocks.
    Blank,
}

/// One row of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayLine {
    /// What it is.
    pub kind: LineKind,
    /// The bytes of the article it shows; empty for lines made up by the reader.
    pub source: Span,
    /// The text of a made-up line (meta, derived heading); `None` for article text.
    pub label: Option<String>,
}

/// A story wrapped to one width.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The width it was wrapped to.
    pub width: usize,
    /// Every row, top to bottom.
    pub lines: Vec<DisplayLine>,
    /// First row of each section (its heading; the lede starts at row 0).
    pub section_rows: Vec<usize>,
}

impl Layout {
    /// Wrap `article` to `width` columns (at least 1).
    pub fn new(article: &Article, width: usize) -> Self {
        let width = width.max(1);
        let mut layout = Self {
            width,
            ..Self::default()
        };
        if let Some(&headline) = article.paragraphs.first() {
            layout.wrap(&article.text, headline, LineKind::Headline);
        }
        let meta: Vec<String> = article.meta.parts().map(clean_line).collect();
        if !meta.is_empty() {
            for line in textwrap::wrap(&meta.join(" · "), width) {
                layout.push_label(LineKind::Meta, line.into_owned());
            }
        }
        for (index, section) in article.sections.iter().enumerate() {
            if index == 0 {
                layout.section_rows.push(0);
            } else {
                layout.push_label(LineKind::Blank, String::new());
                layout.section_rows.push(layout.lines.len());
                for line in textwrap::wrap(&clean_line(&section.heading), width) {
                    layout.push_label(LineKind::Heading(index), line.into_owned());
                }
            }
            for p in section.paragraphs.clone() {
                layout.push_label(LineKind::Blank, String::new());
                layout.wrap(&article.text, article.paragraphs[p], LineKind::Body(p));
            }
        }
        layout
    }

    fn push_label(&mut self, kind: LineKind, text: String) {
        self.lines.push(DisplayLine {
            kind,
            source: Span::default(),
            label: Some(text),
        });
    }

    /// Wrap the article bytes `span`, keeping for every row the bytes it shows.
    fn wrap(&mut self, text: &str, span: Span, kind: LineKind) {
        if span.end > FAST_WRAP_AFTER || span.end - span.start > FAST_WRAP_PARAGRAPH {
            self.wrap_fast(text, span, kind);
            return;
        }
        let (shown, origin) = displayed(span.of(text), span.start);
        let options = textwrap::Options::new(self.width).break_words(true);
        let mut cursor = 0;
        for line in textwrap::wrap(&shown, options) {
            let piece = line.trim_end();
            let Some(found) = shown[cursor..].find(piece) else {
                continue;
            };
            let start = cursor + found;
            let end = start + piece.len();
            cursor = end;
            self.lines.push(DisplayLine {
                kind,
                source: Span::new(origin[start], origin[end]),
                label: None,
            });
        }
    }

    /// Greedy wrapping straight over the article bytes, with no copy and no
    /// offset map: for the part of a huge article past [`FAST_WRAP_AFTER`] and
    /// for paragraphs too long to be prose, where `textwrap` (optimal fit, a
    /// copy and a `usize` per byte) would make opening a 200 MB file take a
    /// minute and several times its size in memory. Breaks after the last
    /// space that fits, or inside a word longer than the width.
    fn wrap_fast(&mut self, text: &str, span: Span, kind: LineKind) {
        use unicode_width::UnicodeWidthChar as _;
        let source = span.of(text);
        let (mut start, mut column) = (0, 0);
        // Byte just after the last space on this row, and the column there.
        let mut space: Option<(usize, usize)> = None;
        for (i, c) in source.char_indices() {
            let width = match show(c) {
                Shown::Keep => c.width().unwrap_or(0),
                Shown::As(stand_in) => stand_in.width().unwrap_or(0),
                Shown::Drop => 0,
            };
            if column + width > self.width && column > 0 {
                let (end, carried) = match space {
                    Some((after, at)) if after > start => (after, column - at),
                    _ => (i, 0),
                };
                self.push_source(source, span.start, start, end, kind);
                (start, column, space) = (end, carried, None);
            }
            column += width;
            if c == ' ' {
                space = Some((i + 1, column));
            }
        }
        self.push_source(source, span.start, start, source.len(), kind);
    }

    /// A row showing `source[start..end]` (trailing spaces left out), if any.
    fn push_source(&mut self, source: &str, base: usize, start: usize, end: usize, kind: LineKind) {
        let piece = source[start..end].trim_end();
        if piece.is_empty() {
            return;
        }
        self.lines.push(DisplayLine {
            kind,
            source: Span::new(base + start, base + start + piece.len()),
            label: None,
        });
    }

    /// The row that shows byte `offset` of the article (the nearest before it).
    pub fn row_of(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .rposition(|l| l.label.is_none() && l.source.start <= offset)
            .unwrap_or(0)
    }
}

/// The text as shown (see [`crate::sanitize`]) and, for every byte of it plus
/// one past the end, the article offset it came from.
pub fn displayed(text: &str, base: usize) -> (String, Vec<usize>) {
    let mut shown = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let replacement = match show(c) {
            Shown::Keep => c,
            Shown::As(stand_in) => stand_in,
            Shown::Drop => continue,
        };
        for _ in 0..replacement.len_utf8() {
            origin.push(base + i);
        }
        shown.push(replacement);
    }
    origin.push(base + text.len());
    (shown, origin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Article, Meta};

    fn article(text: &str) -> Article {
        Article::from_text("t".into(), "t.txt".into(), text.into(), Meta::default())
    }

    #[test]
    fn rows_point_back_at_the_article() {
        let a = article(
            "Headline words here\nThe first paragraph has quite a few words in it.\nSecond.",
        );
        let layout = Layout::new(&a, 20);
        let rows: Vec<&str> = layout
            .lines
            .iter()
            .map(|l| l.label.as_deref().unwrap_or_else(|| l.source.of(&a.text)))
            .collect();
        assert_eq!(
            rows,
            [
                "Headline words here",
                "",
                "The first paragraph",
                "has quite a few",
                "words in it.",
                "",
                "Second",
                "",
                "Second."
            ]
        );
        assert_eq!(layout.section_rows, [0, 6]);
    }

    #[test]
    fn wide_characters_fit_the_width() {
        let a = article("見出し\n日本語の文章はとても長いのでここで折り返されるべきです。");
        let layout = Layout::new(&a, 10);
        for line in layout.lines.iter().filter(|l| l.label.is_none()) {
            assert!(unicode_width::UnicodeWidthStr::width(line.source.of(&a.text)) <= 10);
        }
    }

    #[test]
    fn fast_wrap_fits_the_width_and_covers_every_word() {
        let long = "word ".repeat(20_000)
            + "\u{1b}[31m 日本語の文章 unbreakableverylongtokenthatexceedsthewidth end";
        let a = article(&format!("Head\n{long}"));
        let layout = Layout::new(&a, 17);
        let rows: Vec<&str> = layout
            .lines
            .iter()
            .filter(|l| l.label.is_none())
            .map(|l| l.source.of(&a.text))
            .skip(1)
            .collect();
        assert!(rows.len() > 5000);
        for row in &rows {
            let shown = crate::sanitize::clean(row);
            assert!(
                unicode_width::UnicodeWidthStr::width(shown.as_ref()) <= 17,
                "{row:?}"
            );
            assert!(!row.ends_with(' ') && !row.is_empty(), "{row:?}");
        }
        let words: Vec<&str> = long.split_whitespace().collect();
        let again: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
        assert_eq!(again.concat(), words.concat(), "nothing lost or repeated");
        assert_eq!(rows[0], "word word word");
    }

    #[test]
    fn control_characters_are_mapped_not_lost() {
        let (shown, origin) = displayed("a\u{1b}b\u{202e}c", 10);
        assert_eq!(shown, "a\u{241B}bc");
        assert_eq!(origin[shown.len()], 10 + "a\u{1b}b\u{202e}c".len());
        assert_eq!(
            origin[shown.find('c').unwrap()],
            10 + "a\u{1b}b\u{202e}".len()
        );
    }
}
