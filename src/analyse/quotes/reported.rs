//! Reported speech without quote marks: "Lee said (that) …", "…, Lee
//! said.", "According to Lee, …". Only sentences with no quote marks are
//! read; a sentence that holds a quote is already a direct statement.

use std::ops::Range;
use std::sync::OnceLock;

use super::EntityIndex;
use super::lexicon::{self, Cue, Shapes};
use super::speaker::Scanner;
use crate::analyse::Quote;
use crate::analyse::text::{Document, TokenKind};
use crate::span::Span;

/// “ in UTF-8.
const LEFT_DOUBLE: &[u8] = "\u{201C}".as_bytes();
/// ” in UTF-8.
const RIGHT_DOUBLE: &[u8] = "\u{201D}".as_bytes();

/// Reported content shorter than this (in words) is not kept.
const MIN_WORDS: usize = 4;

/// Cues that introduce a reported clause ("said that …").
const REPORTS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "warned",
    "warns",
    "suggested",
    "suggests",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "added",
    "noted",
    "explained",
    "declared",
    "announced",
    "acknowledged",
    "admitted",
    "predicted",
    "predicts",
    "asserted",
    "contended",
    "maintained",
    "conceded",
    "confirmed",
    "wrote",
    "writes",
    "tweeted",
    "believes",
    "thinks",
    "stressed",
    "emphasized",
    "emphasised",
    "promised",
    "vowed",
    "according",
];

/// Whether a cue introduces a reported clause.
fn reports(word: &str) -> bool {
    REPORTS.contains(&word)
}

/// Whether token `i` may be a cue of [`REPORTS`]: a cheap test of its shape
/// that turns nearly every other word away.
fn may_report(doc: &Document, i: usize) -> bool {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES
        .get_or_init(|| Shapes::new(REPORTS.iter().copied()))
        .may_hold_token(doc, i)
}

/// Every reported statement in sentences without quote marks.
pub(super) fn find(scanner: &Scanner, index: &EntityIndex) -> Vec<Quote> {
    let doc = scanner.doc;
    let mut out = Vec::new();
    let mut last = None;
    for sentence in doc.sentences.iter().skip(1) {
        let range = sentence.tokens.clone();
        if may_hold_quote_char(sentence.span.of(doc.text))
            && has_quote_marks(scanner, range.clone())
        {
            continue;
        }
        let Some((mention, cue, content)) = statement(scanner, range) else {
            continue;
        };
        let words = content
            .clone()
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .count();
        if words < MIN_WORDS {
            continue;
        }
        let span = doc.tokens_span(content);
        let speaker = index.speaker(doc, mention, last);
        last = speaker.or(last);
        let cue_span = doc.tokens_span(cue.first..cue.end());
        out.push(Quote {
            span,
            text: span.of(doc.text).to_string(),
            speaker,
            speaker_mention: Some(mention),
            cue: Some(cue_span.of(doc.text).to_lowercase()),
            direct: false,
        });
    }
    out
}

/// Whether `text` may hold a quote character (a token [`has_quote_marks`]
/// reads): a byte search that clears most sentences without their tokens.
fn may_hold_quote_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Every quote character is ASCII or opens with one of these bytes.
    memchr::memchr3(b'"', b'\'', 0xE2, bytes).is_some() || memchr::memchr(0xC2, bytes).is_some()
}

/// Whether a sentence holds quote marks: a paired one, a double quote
/// mark, or the ''…'' some wires use. One pass, and only tokens opening
/// with a mark's first byte are read further.
fn has_quote_marks(scanner: &Scanner, range: Range<usize>) -> bool {
    let doc = scanner.doc;
    let bytes = doc.text.as_bytes();
    let mut apostrophe = false;
    for i in range {
        let token = &doc.tokens[i];
        if token.kind == TokenKind::Quote && scanner.quoted[i] {
            return true;
        }
        // Every mark opens with one of these bytes.
        if !matches!(bytes[token.span.start], b'"' | b'\'' | 0xE2) {
            apostrophe = false;
            continue;
        }
        let text = match token.span.end - token.span.start {
            1 | 3 => &bytes[token.span.start..token.span.end],
            _ => b"",
        };
        if matches!(text, b"\"" | LEFT_DOUBLE | RIGHT_DOUBLE) {
            return true;
        }
        let is_apostrophe = text == b"'";
        if apostrophe && is_apostrophe {
            return true;
        }
        apostrophe = is_apostrophe;
    }
    false
}

/// The speaker, cue and content tokens of a reported statement.
fn statement(scanner: &Scanner, range: Range<usize>) -> Option<(Span, Cue, Range<usize>)> {
    let doc = scanner.doc;
    let mut end = range.end;
    while end > range.start && doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    // "According to Lee, …"
    if let Some(cue) = scanner
        .cue(range.start)
        .filter(|&c| lexicon::is_according(doc, c))
    {
        let comma = (cue.end()..end).find(|&i| doc.token_text(i) == ",")?;
        let mention = scanner.phrase_after(cue.end(), comma)?;
        return Some((mention, cue, comma + 1..end));
    }
    // "…, Lee said." / "…, said Lee."
    let tail = end.saturating_sub(7).max(range.start)..end;
    if let Some(comma) = tail.clone().rev().find(|&i| scanner.is_byte(i, b',')) {
        let cue = (comma + 1..end).find_map(|i| scanner.cue(i));
        if let Some(cue) = cue.filter(|c| reports(doc.token_text(c.first))) {
            let mention = if cue.first == comma + 1 {
                scanner.phrase_after(cue.end(), end)
            } else {
                scanner.phrase_before(cue.first, comma + 1)
            };
            // The attribution closes the sentence: at most "on Tuesday" after it.
            let closes = |m: &Span| {
                (comma..end)
                    .filter(|&i| doc.tokens[i].span.start >= m.end)
                    .count()
                    <= 3
            };
            let opens_clause = !lexicon::is_closed_class(doc.token_text(range.start));
            if let Some(mention) = mention.filter(|m| is_named(scanner, *m) && closes(m))
                && opens_clause
            {
                return Some((mention, cue, range.start..comma));
            }
        }
    }
    // "Lee criticised the visit, suggesting that …"
    if let Some(found) = participle_clause(scanner, range.start, end) {
        return Some(found);
    }
    // "Lee said (that) …": the first cue, when it reports, so none without
    // a word that may.
    let mut window = (range.start + 1..end).take(12);
    if !window.clone().any(|i| may_report(doc, i)) {
        return None;
    }
    let cue = window
        .find_map(|i| scanner.cue(i))
        .filter(|c| reports(doc.token_text(c.first)) && !lexicon::is_according(doc, *c))?;
    let mention = scanner
        .phrase_before(cue.first, range.start)
        .filter(|m| is_named(scanner, *m))?;
    // The speaker opens the sentence, or follows an opening phrase and comma.
    let first = (range.start..cue.first).find(|&i| doc.tokens[i].span.start >= mention.start)?;
    if first > range.start && doc.token_text(first - 1) != "," {
        return None;
    }
    let mut start = cue.end();
    if doc.token_text(cue.first) == "told" {
        let object = scanner.phrase_after(start, end)?;
        start = (start..end).find(|&i| doc.tokens[i].span.start >= object.end)?;
    }
    while start < end
        && (lexicon::is_skippable(doc.token_text(start)) || doc.token_text(start) == ",")
    {
        start += 1;
    }
    let that = start < end && doc.token_text(start) == "that";
    if that {
        start += 1;
    }
    while start < end && doc.token_text(start) == "," {
        start += 1;
    }
    // Beyond "said", a verb may take a plain object ("added a note"): only
    // a clause counts.
    let say = matches!(
        doc.token_text(cue.first),
        "said" | "says" | "told" | "tells"
    );
    let opener = doc.token_text(start.min(end.saturating_sub(1)));
    let clause = that
        || opener == "to"
        || lexicon::is_pronoun(opener)
        || (opener.starts_with(|c: char| c.is_uppercase()) && !lexicon::is_determiner(opener));
    (start < end && (say || clause)).then_some((mention, cue, start..end))
}

/// "…, suggesting that …" after a main clause: the clause's subject is the
/// speaker and what follows "that" the content ("saying" may drop "that").
fn participle_clause(
    scanner: &Scanner,
    start: usize,
    end: usize,
) -> Option<(Span, Cue, Range<usize>)> {
    let doc = scanner.doc;
    let comma = (start + 2..end.saturating_sub(2)).find(|&i| {
        scanner.is_byte(i, b',')
            && matches!(
                doc.token_text(i + 1),
                "saying"
                    | "suggesting"
                    | "arguing"
                    | "warning"
                    | "claiming"
                    | "insisting"
                    | "noting"
                    | "adding"
                    | "stressing"
                    | "explaining"
                    | "asserting"
            )
    })?;
    let cue = Cue {
        first: comma + 1,
        len: 1,
    };
    let that = doc.token_text(comma + 2) == "that";
    if !that && doc.token_text(cue.first) != "saying" {
        return None;
    }
    let mention = scanner
        .clause_subject(start, comma)
        .filter(|m| is_named(scanner, *m))?;
    let content = comma + 2 + usize::from(that);
    (content < end).then_some((mention, cue, content..end))
}

/// Whether a speaker phrase names someone: a capitalised name, a pronoun
/// or a phrase with a determiner ("the minister").
fn is_named(scanner: &Scanner, mention: Span) -> bool {
    let text = mention.of(scanner.doc.text);
    let first = text.split_whitespace().next().unwrap_or("");
    let single = !text.contains(' ');
    if lexicon::is_pronoun(text) {
        return true;
    }
    if first.ends_with("ing") || lexicon::is_closed_class(first) && !lexicon::is_determiner(first) {
        return false;
    }
    if single && lexicon::is_determiner(first) {
        return false;
    }
    first.starts_with(|c: char| c.is_uppercase()) || lexicon::is_determiner(first)
}

#[cfg(test)]
mod tests {
    use super::may_hold_quote_char;
    use crate::analyse::text::is_quote_char;

    #[test]
    fn the_byte_search_finds_every_quote_char() {
        // The search hand-codes the first bytes of the quote characters; one
        // added to `is_quote_char` must be added there too.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if is_quote_char(c) {
                assert!(may_hold_quote_char(&format!("a{c}b")), "{c:?}");
            }
        }
    }
}
