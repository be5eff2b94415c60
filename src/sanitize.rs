//! Making article text harmless for a terminal.
//!
//! An article is untrusted input: no byte of it may reach the terminal as a
//! control sequence. C0 controls (ESC, BEL, backspace, …) are shown as their
//! visible Unicode "control pictures" (␛, ␇, ␈); C1 controls, bidi overrides
//! and isolates, and other invisible format characters that could reorder or
//! hide text are dropped; tabs become a space. Everything else is kept.

use std::borrow::Cow;

/// How one character of article text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Printed as it is.
    Keep,
    /// Printed as this visible stand-in.
    As(char),
    /// Not printed at all.
    Drop,
}

/// How `c` is shown; newline is kept so callers can split on it.
pub fn show(c: char) -> Shown {
    match c {
        '\n' => Shown::Keep,
        '\t' => Shown::As(' '),
        '\u{0}'..='\u{1F}' => Shown::As(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => Shown::As('\u{2421}'),
        '\u{80}'..='\u{9F}' => Shown::Drop,
        // Bidi embeddings, overrides, isolates and marks.
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Shown::Drop,
        // Zero-width and other invisible format characters that can hide text.
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Shown::Drop,
        _ => Shown::Keep,
    }
}

/// `text` with every character replaced as [`show`] says.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| show(c) == Shown::Keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match show(c) {
            Shown::Keep => out.push(c),
            Shown::As(stand_in) => out.push(stand_in),
            Shown::Drop => {}
        }
    }
    Cow::Owned(out)
}

/// Like [`clean`], and a newline too becomes a space (for one-line fields).
pub fn clean_line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let hostile = "a\u{1b}[2Jb\u{1b}]52;c;aGk=\u{7}c\u{9b}31md\u{202E}e\u{2066}f";
        let shown = clean(hostile);
        assert_eq!(shown, "a\u{241B}[2Jb\u{241B}]52;c;aGk=\u{2407}c31mdef");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(
            clean("Plain words, \u{201C}quoted\u{201D}.\n"),
            Cow::Borrowed(_)
        ));
    }
}
