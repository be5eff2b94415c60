//! Search in an article: smart case (case-insensitive unless the pattern has
//! a capital), every match as a byte span of the article text.

use crate::span::Span;

/// A search pattern and where it matched in the current story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What the user typed.
    pub pattern: String,
    /// Matches in text order.
    pub matches: Vec<Span>,
    /// The match last jumped to.
    pub current: Option<usize>,
}

/// Every non-overlapping match of `pattern` in `text`.
pub fn find_all(text: &str, pattern: &str) -> Vec<Span> {
    if pattern.is_empty() {
        return Vec::new();
    }
    if pattern.chars().any(char::is_uppercase) {
        return text
            .match_indices(pattern)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect();
    }
    let wanted: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let Some(first) =
            text[from..].find(|c: char| c.to_lowercase().eq(std::iter::once(wanted[0])))
        else {
            break;
        };
        let start = from + first;
        match match_at(text, start, &wanted) {
            Some(end) => {
                out.push(Span::new(start, end));
                from = end;
            }
            None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The end of a case-insensitive match of `wanted` starting at `start`.
fn match_at(text: &str, start: usize, wanted: &[char]) -> Option<usize> {
    let mut need = wanted.iter();
    let mut next = need.next();
    for (i, c) in text[start..].char_indices() {
        for lower in c.to_lowercase() {
            if next != Some(&lower) {
                return None;
            }
            next = need.next();
        }
        if next.is_none() {
            return Some(start + i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let text = "Treaty talks; the treaty was signed. TREATY!";
        assert_eq!(find_all(text, "treaty").len(), 3);
        assert_eq!(find_all(text, "Treaty"), [Span::new(0, 6)]);
    }

    #[test]
    fn unicode_case_folding_keeps_byte_offsets() {
        let text = "Ünïcode and ünïcode";
        let found = find_all(text, "ünïcode");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].of(text), "Ünïcode");
    }

    #[test]
    fn empty_pattern_finds_nothing() {
        assert!(find_all("abc", "").is_empty());
    }
}
