//! Roles: the title or description an article gives an actor, found left of
//! its name ("Defence Minister Andrei Belousov") or in an apposition after it
//! ("Jens Stoltenberg, NATO's secretary general,").

use super::is_clitic;
use super::lexicon::{is_of, lexicon, normalize, possessive_len};
use crate::analyse::text::{Document, TokenKind};
use crate::span::Span;

/// Longest title phrase looked at, in tokens.
const MAX_ROLE_TOKENS: usize = 8;

/// Whether a token starts with a capital letter.
#[inline]
pub fn capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `index` ends a title: a one-word title, or the last word of
/// a multi-word one ("Secretary of State").
pub fn ends_title(doc: &Document, floor: usize, index: usize) -> bool {
    let lex = lexicon();
    let class = lex.class_of(doc.token_text(index));
    if class.head() {
        return true;
    }
    if !class.multi_end() {
        return portfolio_after_title(doc, floor, index);
    }
    let from = index.saturating_sub(3).max(floor);
    let words: Vec<_> = (from..=index)
        .map(|i| normalize(doc.token_text(i)))
        .collect();
    let words: Vec<&str> = words.iter().map(|w| &**w).collect();
    lex.ends_multi(&words)
}

/// Whether token `index` ends a portfolio after a person's title and "of"
/// or "for": "Minister for Finance", "Minister of Foreign Affairs",
/// "Minister for Work and Pensions", "Director of Intelligence" (at most
/// five words, each a capitalised listed title word or "and", so that
/// "Mayor of London" and the name after the title are not taken).
fn portfolio_after_title(doc: &Document, floor: usize, index: usize) -> bool {
    let lex = lexicon();
    let mut at = index;
    while at > floor && index - at < 5 {
        let text = doc.token_text(at);
        let joined = text == "and" && at < index;
        if !joined && (!capitalised(text) || !lex.class_of(text).modifier()) {
            break;
        }
        at -= 1;
    }
    at < index
        && at > floor
        && matches!(doc.token_text(at), "of" | "for")
        && lex.class_of(doc.token_text(at - 1)).person_title()
}

/// The title phrase that ends just before token `first` (a name's first
/// token), not reaching before token `floor` (its sentence's first token).
pub fn left_of(doc: &Document, floor: usize, first: usize) -> Option<Span> {
    let lex = lexicon();
    // `start` is the first token surely in the phrase; `cursor` may run ahead
    // over lower-case words the lists do not know ("EU competition chief"),
    // kept only when a capitalised word or a listed word lies beyond them.
    let mut start = first;
    let mut cursor = first;
    // Whether an "and" joined two portfolios, so that a comma may join more.
    let mut listed = false;
    while cursor > floor && first - cursor < MAX_ROLE_TOKENS {
        let index = cursor - 1;
        let text = doc.token_text(index);
        // "Trade and Industry Secretary", "Culture, Media and Sport
        // Secretary": portfolios joined into one title.
        let joiner = text == "and" || (listed && text == ",");
        if joiner && start == cursor && start < first && joins_portfolios(doc, floor, index) {
            listed = true;
            cursor = index;
            continue;
        }
        if doc.tokens[index].kind != TokenKind::Word {
            break;
        }
        // "Russia's President": the owner is no part of the title.
        if is_clitic(doc, index) || possessive_len(text) > 0 {
            break;
        }
        let class = lex.class_of(text);
        // "for" joins a title to its portfolio ("Minister for Finance"), not
        // to another title ("a spokesman for EU trade commissioner").
        let portfolio_for = || {
            text == "for"
                && (start..first).all(|i| !lex.class_of(doc.token_text(i)).head())
                && index > floor
                && lex.class_of(doc.token_text(index - 1)).person_title()
        };
        if is_of(text) || portfolio_for() {
            let joins = index > floor && start < first && start == cursor && {
                let left = doc.token_text(index - 1);
                capitalised(left) || lex.class_of(left).head()
            };
            if !joins {
                break;
            }
        } else if class.stop() {
            break;
        } else if !(capitalised(text) || class.modifier()) {
            let right = doc.token_text(cursor);
            let unknown_ok = cursor < first
                && start - index <= 2
                && !capitalised(right)
                && !["ed", "ing", "ly"]
                    .iter()
                    .any(|end| normalize(text).ends_with(end));
            if !unknown_ok {
                break;
            }
            cursor = index;
            continue;
        }
        cursor = index;
        start = index;
    }
    while start < first && doc.token_text(start) == "of" {
        start += 1;
    }
    let end = (start..first).rev().find(|&i| ends_title(doc, floor, i))?;
    Some(Span::new(
        doc.tokens[start].span.start,
        doc.tokens[end].span.end,
    ))
}

/// Whether the "and" or comma at token `index` joins portfolios in a title:
/// the word before it is a listed portfolio ("Trade", "Culture"), not a name
/// ("Putin and Defence Minister Andrei Belousov") or a title of its own
/// ("the Queen and Prince Philip").
fn joins_portfolios(doc: &Document, floor: usize, index: usize) -> bool {
    index > floor && doc.tokens[index - 1].kind == TokenKind::Word && {
        let left = doc.token_text(index - 1);
        capitalised(left) && lexicon().class_of(left).portfolio()
    }
}

/// The apposition after token `last` (a name's last token) that gives a title,
/// ", NATO's secretary general,", not reaching token `ceiling`.
pub fn right_of(doc: &Document, last: usize, ceiling: usize) -> Option<Span> {
    let lex = lexicon();
    let comma = last + 1;
    if comma >= ceiling || doc.token_text(comma) != "," {
        return None;
    }
    let mut start = comma + 1;
    if start < ceiling && matches!(doc.token_text(start), "the" | "a" | "an") {
        start += 1;
    }
    // Until a title is seen, only title words; after it, any words up to the
    // closing comma ("a spokeswoman for the ministry,").
    let mut titled = false;
    let mut linked = false;
    let mut end = start;
    while end < ceiling && end - start < MAX_ROLE_TOKENS + 2 {
        let token = doc.tokens[end];
        let text = doc.token_text(end);
        match token.kind {
            TokenKind::Word => {
                let word = normalize(text);
                let class = lex.class(&word);
                // After the title a name needs a preposition before it:
                // "leader of North Korea", not "President Xi and Kim".
                let after_title = titled && (linked || !capitalised(text) || class.modifier());
                linked = linked || (titled && matches!(&*word, "of" | "for" | "at" | "in"));
                let allowed = if titled {
                    after_title
                } else {
                    word == "of"
                        || possessive_len(text) > 0
                        || is_clitic(doc, end)
                        || (!class.stop() && (capitalised(text) || class.modifier()))
                };
                if !allowed {
                    return None;
                }
                titled = titled || ends_title(doc, start, end);
            }
            TokenKind::Number if titled => {}
            TokenKind::Punct if matches!(text, "," | "." | ";" | ")" | "\u{2014}") => break,
            _ => return None,
        }
        end += 1;
    }
    let closed = end == ceiling || doc.tokens[end].kind == TokenKind::Punct;
    if !closed || end == start || !titled {
        return None;
    }
    Some(Span::new(
        doc.tokens[start].span.start,
        doc.tokens[end - 1].span.end,
    ))
}
