//! Byte spans into an article's text, the unit every later stage points with.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into an article's `text`.
///
/// Every stage keeps spans on character boundaries so that `&text[span]`
/// never panics and the JSON contract's offsets can be trusted by scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; callers keep `start <= end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether the span lies inside `text`, in order and on character
    /// boundaries: what every offset the program prints must satisfy.
    pub fn fits(self, text: &str) -> bool {
        text.get(self.start..self.end).is_some()
    }

    /// The text this span covers, or `""` when it does not fit `text`.
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn a_span_fits_only_in_order_inside_and_on_character_boundaries() {
        let text = "Łódź";
        assert!(Span::new(0, 2).fits(text));
        assert!(Span::new(0, text.len()).fits(text));
        assert!(!Span::new(0, 1).fits(text), "splits Ł");
        assert!(!Span::new(2, 0).fits(text), "reversed");
        assert!(!Span::new(0, text.len() + 1).fits(text), "past the end");
    }
}
