//! Time expressions: "on Wednesday", "last year", "in 24 years", "in June
//! 2024", "yesterday", "three days ago", from the word groups in
//! `assets/data/time_words.txt`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::analyse::quotes::FastHash;
use crate::analyse::text::{Document, TokenKind};

const TIME_WORDS: &str = include_str!("../../../assets/data/time_words.txt");

/// Which group of the time word list a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Day,
    Month,
    Unit,
    Deictic,
    Relative,
    Period,
}

impl Group {
    /// The group's bit in a word's [`Class`].
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A word's groups as bits ([`Group::bit`]), and [`CAPITAL`].
type Class = u8;

/// The class bit of a word that opens with a capital.
const CAPITAL: Class = 1 << 7;

/// Every time word, lower-cased, with the bits of its groups.
fn groups() -> &'static HashMap<String, Class, FastHash> {
    static GROUPS: OnceLock<HashMap<String, Class, FastHash>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut map: HashMap<String, Class, FastHash> = HashMap::default();
        for line in TIME_WORDS.lines().map(str::trim) {
            let mut words = line.split_whitespace();
            let group = match words.next() {
                Some("day") => Group::Day,
                Some("month") => Group::Month,
                Some("unit") => Group::Unit,
                Some("deictic") => Group::Deictic,
                Some("relative") => Group::Relative,
                Some("period") => Group::Period,
                _ => continue,
            };
            for word in words {
                *map.entry(word.to_lowercase()).or_default() |= group.bit();
            }
        }
        map
    })
}

/// Whether `word` names a month ("May", "june").
pub fn is_month(word: &str) -> bool {
    groups()
        .get(&word.to_lowercase())
        .is_some_and(|class| class & Group::Month.bit() != 0)
}

/// The class of token `i`: the groups of a word (matched in lower case),
/// and whether it opens with a capital; 0 for other tokens.
fn class(doc: &Document, i: usize) -> Class {
    if doc.tokens[i].kind != TokenKind::Word {
        return 0;
    }
    let word = doc.token_text(i);
    let found = |w: &str| groups().get(w).copied().unwrap_or(0);
    let groups = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        found(&word.to_lowercase())
    } else {
        found(word)
    };
    if word.starts_with(|c: char| c.is_uppercase()) {
        groups | CAPITAL
    } else {
        groups
    }
}

/// A sentence's tokens with their classes worked out once.
struct Words<'d, 't> {
    /// The document.
    doc: &'d Document<'t>,
    /// The sentence's tokens.
    range: Range<usize>,
    /// Per token of `range`: its class.
    classes: Vec<Class>,
}

fn is_number(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Number
        || matches!(
            doc.token_text(i),
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "a"
                | "several"
        )
}

fn is_year(doc: &Document, i: usize) -> bool {
    let w = doc.token_text(i);
    doc.tokens[i].kind == TokenKind::Number
        && w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
}

/// The first time expression in `range`, as token indices.
pub fn find(doc: &Document, range: Range<usize>) -> Option<Range<usize>> {
    let words = Words {
        doc,
        range: range.clone(),
        classes: range.clone().map(|i| class(doc, i)).collect(),
    };
    range.clone().find_map(|i| words.at(i))
}

impl Words<'_, '_> {
    /// Whether token `i` is a word of `group`: day and month names must
    /// open with a capital, units and periods must not, deictic and
    /// relative words may either way.
    fn is(&self, i: usize, group: Group) -> bool {
        let class = self.classes[i - self.range.start];
        let capital = class & CAPITAL != 0;
        if matches!(group, Group::Day | Group::Month) != capital
            && !matches!(group, Group::Deictic | Group::Relative)
        {
            return false;
        }
        class & group.bit() != 0
    }

    /// A time expression starting at token `i`, ending in the sentence.
    fn at(&self, i: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        let end = self.range.end;
        let word = doc.token_text(i);
        let has = |k: usize| k < end;
        if self.is(i, Group::Deictic) {
            return Some(i..i + 1);
        }
        if self.is(i, Group::Relative) && has(i + 1) {
            // "last year", "earlier this month", "next Tuesday"
            let mut k = i + 1;
            if self.is(k, Group::Relative) && has(k + 1) {
                k += 1;
            }
            if self.is(k, Group::Period) || self.is(k, Group::Day) || self.is(k, Group::Month) {
                return Some(i..k + 1);
            }
            return None;
        }
        if word == "on"
            && has(i + 1)
            && (self.is(i + 1, Group::Day) || self.is(i + 1, Group::Month))
        {
            return Some(i..dated(doc, i + 1, end));
        }
        if word == "in" && has(i + 1) {
            if self.is(i + 1, Group::Month) || is_year(doc, i + 1) {
                return Some(i..dated(doc, i + 1, end));
            }
            if has(i + 2) && is_number(doc, i + 1) && self.is(i + 2, Group::Unit) {
                return Some(i..i + 3);
            }
            return None;
        }
        if is_number(doc, i)
            && has(i + 2)
            && self.is(i + 1, Group::Unit)
            && doc.token_text(i + 2) == "ago"
        {
            return Some(i..i + 3);
        }
        if self.is(i, Group::Day) {
            return Some(i..i + 1);
        }
        None
    }
}

/// The end of a date that starts with a day or month name at `i`: "June 5,
/// 2024", "Wednesday", "June 2024".
fn dated(doc: &Document, i: usize, end: usize) -> usize {
    let mut k = i + 1;
    if k < end && doc.tokens[k].kind == TokenKind::Number && !is_year(doc, k) {
        k += 1;
        if k + 1 < end && doc.token_text(k) == "," && is_year(doc, k + 1) {
            k += 2;
        }
    }
    if k < end && is_year(doc, k) {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> Option<&str> {
        let doc = Document::new(text);
        let range = find(&doc, 0..doc.tokens.len())?;
        let span = doc.tokens[range.start].span.start..doc.tokens[range.end - 1].span.end;
        text.get(span)
    }

    #[test]
    fn finds_common_time_expressions() {
        assert_eq!(time("The ship docked on Wednesday."), Some("on Wednesday"));
        assert_eq!(time("Rates rose last year."), Some("last year"));
        assert_eq!(
            time("It is the first visit in 24 years."),
            Some("in 24 years")
        );
        assert_eq!(
            time("Talks began in June 2024 in Oslo."),
            Some("in June 2024")
        );
        assert_eq!(time("They left yesterday."), Some("yesterday"));
        assert_eq!(
            time("The vote was held on March 3, 2021."),
            Some("on March 3, 2021")
        );
        assert_eq!(
            time("She moved here three days ago."),
            Some("three days ago")
        );
        assert_eq!(time("He may visit in spring."), None);
    }
}
