//! Statements: direct quotes and reported speech, each with its speaker.
//!
//! Three passes over the text: quote marks are paired into passages
//! (`marks`); each passage looks for its own cue and speaker next to it
//! (`speaker`); passages without one borrow the speaker of a neighbour (the
//! earlier quote of a "“…,” he said. “…”" paragraph, a "Lee said:" line
//! before, a bare quote paragraph continuing the last speaker). Titles and
//! scare quotes are dropped on the way. Reported speech without marks comes
//! from `reported`.

mod lexicon;
mod marks;
mod reported;
mod speaker;

use std::ops::Range;

use self::marks::Passage;
use self::speaker::{Attribution, Scanner};
use super::text::{Document, TokenKind};
use super::{Entity, EntityKind, Quote};
use crate::span::Span;

/// How many paragraphs back a bare quote paragraph may borrow a speaker.
const CARRY_PARAGRAPHS: usize = 2;
/// Quotes this short (in words) need a cue nearby to count as statements.
const SHORT_WORDS: usize = 4;
/// Titles ("This Week with George Stephanopoulos") run to this many words.
const TITLE_WORDS: usize = 6;

pub use self::lexicon::{FastHash, Shape, Shapes, is_closed_class, is_pronoun};

/// Per token: whether it lies inside quote marks (marks included), for
/// stages that must tell what the article says from what it quotes.
pub fn quoted_tokens(doc: &Document) -> Vec<bool> {
    Marks::new(doc).quoted
}

/// A document's quote marks paired into passages, once for both the
/// statements and the events ([`find_with`], `events::find_with`).
pub struct Marks {
    /// Each paragraph's tokens.
    paragraphs: Vec<Range<usize>>,
    /// The paired marks, in text order.
    passages: Vec<Passage>,
    /// Per token: whether it lies inside quote marks (marks included).
    quoted: Vec<bool>,
}

impl Marks {
    /// Pair the quote marks of `doc`.
    pub fn new(doc: &Document) -> Self {
        let paragraphs = marks::paragraph_tokens(doc);
        let passages = marks::passages(doc, &paragraphs);
        let quoted = quoted_in(doc, &paragraphs, &passages);
        Self {
            paragraphs,
            passages,
            quoted,
        }
    }

    /// Per token: whether it lies inside quote marks, as [`quoted_tokens`].
    pub fn quoted(&self) -> &[bool] {
        &self.quoted
    }
}

fn quoted_in(doc: &Document, paragraphs: &[Range<usize>], passages: &[Passage]) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    for passage in passages {
        let last = passage
            .close
            .unwrap_or(paragraphs[passage.paragraph].end - 1);
        quoted[passage.open..=last].fill(true);
    }
    quoted
}

/// Every statement in the document, in text order.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    find_with(doc, entities, &Marks::new(doc))
}

/// [`find`] with the document's quote marks already paired.
pub fn find_with(doc: &Document, entities: &[Entity], marks: &Marks) -> Vec<Quote> {
    let Marks {
        paragraphs,
        passages,
        quoted,
    } = marks;
    let cues = speaker::cue_cache(doc);
    let scanner = Scanner {
        doc,
        quoted,
        cues: &cues,
    };
    let own: Vec<Option<Attribution>> = passages
        .iter()
        .map(|p| own_attribution(&scanner, p, paragraphs))
        .collect();
    let keep: Vec<bool> = passages
        .iter()
        .zip(&own)
        .map(|(p, a)| is_statement(&scanner, p, a.is_some(), paragraphs))
        .collect();
    let mut attributions = own.clone();
    for index in 0..passages.len() {
        if keep[index] && attributions[index].is_none() {
            attributions[index] = borrowed(
                &scanner,
                passages,
                &own,
                &attributions,
                &keep,
                index,
                paragraphs,
            );
        }
    }
    let lookup = EntityIndex::new(entities);
    let mut quotes = Vec::new();
    let mut last_speaker = None;
    for (index, passage) in passages.iter().enumerate() {
        if !keep[index] {
            continue;
        }
        let attribution = attributions[index];
        let mention = attribution.map(|a| a.mention);
        let speaker = mention.and_then(|m| lookup.speaker(doc, m, last_speaker));
        last_speaker = speaker.or(last_speaker);
        let inner = passage.inner_tokens(paragraphs[passage.paragraph].end);
        quotes.push(Quote {
            span: passage.span,
            text: inner_text(doc, inner).to_string(),
            speaker,
            speaker_mention: mention,
            cue: attribution.and_then(|a| a.cue).map(|c| {
                doc.tokens_span(c.first..c.end())
                    .of(doc.text)
                    .to_lowercase()
            }),
            direct: true,
        });
    }
    quotes.extend(reported::find(&scanner, &lookup));
    quotes.sort_by_key(|q| q.span);
    quotes
}

/// The quoted words without marks or surrounding space.
fn inner_text<'t>(doc: &Document<'t>, inner: Range<usize>) -> &'t str {
    if inner.is_empty() {
        return "";
    }
    doc.tokens_span(inner).of(doc.text)
}

/// Index of the sentence holding token `token`.
fn sentence_of(doc: &Document, token: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.tokens.end <= token)
        .min(doc.sentences.len().saturating_sub(1))
}

/// The speaker a passage names itself: a transcript head, a cue right
/// after a quote that opens its sentence or ends on a comma, the first cue
/// before it in its clause, a cue closing the sentence, or the name before a
/// colon.
fn own_attribution(
    scanner: &Scanner,
    passage: &Passage,
    paragraphs: &[Range<usize>],
) -> Option<Attribution> {
    let doc = scanner.doc;
    let paragraph = paragraphs[passage.paragraph].clone();
    let inner = passage.inner_tokens(paragraph.end);
    if let Some(mention) = scanner.transcript_speaker(inner.clone()) {
        return Some(Attribution { mention, cue: None });
    }
    let sentence = doc.sentences[sentence_of(doc, passage.open)].tokens.clone();
    // An opening mark the sentence splitter left at the end of the sentence
    // before opens a sentence of its own.
    let floor = if passage.open + 1 == sentence.end {
        passage.open
    } else {
        scanner.clause_start(passage.open, sentence.start.max(paragraph.start))
    };
    let after_colon = passage.open > floor && doc.token_text(passage.open - 1) == ":";
    let opens = passage.open == floor || after_colon;
    let ends_open = passage.close.is_some_and(|close| {
        let last_inner = doc.token_text(close - 1);
        let next = doc
            .tokens
            .get(close + 1)
            .filter(|_| close + 1 < paragraph.end);
        matches!(last_inner, "," | "?" | "!" | "—" | "-" | "…")
            || next.is_some_and(|t| t.span.of(doc.text) == ",")
    });
    let last = passage.close.unwrap_or(paragraph.end - 1);
    let closing = doc.sentences[sentence_of(doc, last)].tokens.clone();
    if let Some(found) = scanner.according_to(floor..closing.end.min(paragraph.end)) {
        return Some(found);
    }
    let after = passage
        .close
        .and_then(|close| scanner.after_quote(close + 1, paragraph.end));
    if (opens || ends_open) && after.is_some() {
        return after;
    }
    if let Some(found) = scanner.before_quote(passage.open, floor..passage.open) {
        return Some(found);
    }
    if let Some(found) = scanner.tail_attribution(closing.start.max(last + 1)..closing.end) {
        return Some(found);
    }
    if after_colon {
        let colon = passage.open - 1;
        let mention = scanner
            .phrase_before(colon, floor)
            .filter(|m| m.of(doc.text).starts_with(|c: char| c.is_uppercase()))
            .or_else(|| scanner.clause_subject(floor, colon))?;
        return Some(Attribution { mention, cue: None });
    }
    None
}

/// Whether a passage is a statement rather than a title or scare quote.
fn is_statement(
    scanner: &Scanner,
    passage: &Passage,
    attributed: bool,
    paragraphs: &[Range<usize>],
) -> bool {
    let doc = scanner.doc;
    let paragraph = paragraphs[passage.paragraph].clone();
    let inner = passage.inner_tokens(paragraph.end);
    let words: Vec<usize> = inner
        .clone()
        .filter(|&i| matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number))
        .collect();
    if words.is_empty() {
        return false;
    }
    let before = (passage.open > paragraph.start).then(|| doc.token_text(passage.open - 1));
    if before.is_some_and(|w| w.eq_ignore_ascii_case("so-called")) {
        return false;
    }
    // "Meet the Press", "State of the Union": capitals but for small words.
    let title_case = words.len() <= TITLE_WORDS
        && words.iter().enumerate().all(|(n, &i)| {
            let w = doc.token_text(i);
            w.starts_with(|c: char| !c.is_lowercase())
                || (n > 0
                    && matches!(
                        w,
                        "the"
                            | "of"
                            | "and"
                            | "with"
                            | "a"
                            | "an"
                            | "in"
                            | "on"
                            | "for"
                            | "to"
                            | "at"
                    ))
        })
        && !inner
            .clone()
            .any(|i| matches!(doc.token_text(i), "?" | "!"));
    let named = passage.open > paragraph.start + 1
        && before.is_some_and(|w| matches!(w, "called" | "named" | "titled" | "dubbed"))
        && doc
            .token_text(passage.open - 2)
            .starts_with(|c: char| c.is_lowercase())
        && !lexicon::is_pronoun(doc.token_text(passage.open - 2));
    let title_cue = named
        || before.is_some_and(|w| {
            w.ends_with("’s")
                || w.ends_with("'s")
                || matches!(
                    w,
                    "on" | "show"
                        | "program"
                        | "film"
                        | "movie"
                        | "book"
                        | "titled"
                        | "entitled"
                        | "named"
                        | "the"
                )
        });
    if title_case && title_cue {
        return false;
    }
    if words.len() > SHORT_WORDS {
        return true;
    }
    if attributed {
        return true;
    }
    // A lower-case phrase in a paragraph that reports speech is a partial
    // quote; elsewhere it is a scare quote.
    !title_case && scanner.cue_before(paragraph.end, paragraph.start).is_some()
}

/// A speaker borrowed from a neighbouring passage, the line before, or
/// failing all else the subject of the quote's own sentence.
fn borrowed(
    scanner: &Scanner,
    passages: &[Passage],
    own: &[Option<Attribution>],
    so_far: &[Option<Attribution>],
    keep: &[bool],
    index: usize,
    paragraphs: &[Range<usize>],
) -> Option<Attribution> {
    let doc = scanner.doc;
    let passage = passages[index];
    let kept = |i: &usize| keep[*i];
    let previous = (0..index).rev().find(kept);
    let same_paragraph = |i: usize| passages[i].paragraph == passage.paragraph;
    let sentence = sentence_of(doc, passage.open);
    if let Some(p) = previous.filter(|&p| same_paragraph(p))
        && so_far[p].is_some()
    {
        // A partial quote in a sentence of its own whose subject is a name
        // ("Lee thanked him for his “unwavering” help") is that name's.
        let named_subject = (sentence_of(doc, passages[p].open) != sentence)
            .then(|| {
                let range = doc.sentences[sentence].tokens.clone();
                let floor = scanner.clause_start(passage.open, range.start);
                scanner.clause_subject(floor, passage.open)
            })
            .flatten()
            .filter(|m| scanner.is_name(*m));
        if let Some(mention) = named_subject {
            return Some(Attribution { mention, cue: None });
        }
        // A quote opening its sentence after a sentence with its own cue
        // ("X said it was … . “…”") is that sentence's speaker's.
        let previous_end = passages[p].close.unwrap_or(passages[p].open) + 1;
        let floor = scanner.clause_start(passage.open, previous_end);
        if passage.open == floor && floor > previous_end {
            let start = scanner.clause_start(floor - 1, previous_end);
            if let Some(found) = scanner.before_quote(floor, start..floor) {
                return Some(found);
            }
        }
        return so_far[p];
    }
    if let Some(n) = (index + 1..passages.len())
        .find(kept)
        .filter(|&n| same_paragraph(n))
        && own[n].is_some()
    {
        return own[n];
    }
    let starts_paragraph = passage.open == paragraphs[passage.paragraph].start;
    if starts_paragraph {
        let before = passage
            .paragraph
            .checked_sub(1)
            .map(|p| paragraphs[p].clone())
            .filter(|r| !r.is_empty());
        let colon = before
            .clone()
            .is_some_and(|r| doc.token_text(r.end - 1) == ":");
        let gap = |p: usize| passage.paragraph - passages[p].paragraph;
        if let (false, Some(p)) = (colon, previous.filter(|&p| gap(p) == 1))
            && so_far[p].is_some()
        {
            return so_far[p];
        }
        let last_sentence = before.map(|range| {
            let end = if colon { range.end - 1 } else { range.end };
            let start = doc.sentences[sentence_of(doc, end - 1)]
                .tokens
                .start
                .max(range.start);
            start..end
        });
        if let Some(range) = last_sentence.clone()
            && let Some(found) = scanner.before_quote(range.end, range)
        {
            return Some(found);
        }
        if let (false, Some(p)) = (colon, previous.filter(|&p| gap(p) <= CARRY_PARAGRAPHS))
            && so_far[p].is_some()
        {
            return so_far[p];
        }
        if let Some(range) = last_sentence
            && let Some(mention) = scanner.clause_subject(range.start, range.end)
        {
            return Some(Attribution { mention, cue: None });
        }
        if let Some(p) = previous {
            return so_far[p];
        }
    }
    let paragraph = paragraphs[passage.paragraph].clone();
    let sentence = doc.sentences[sentence_of(doc, passage.open)].tokens.clone();
    let floor = scanner.clause_start(passage.open, sentence.start.max(paragraph.start));
    if passage.open == floor || passage.open + 1 == sentence.end {
        // A quote opening a sentence: the sentence before in the paragraph.
        let end = passage.open;
        let start = scanner.clause_start(end.saturating_sub(1), paragraph.start);
        if start < end {
            if let Some(found) = scanner.before_quote(end, start..end) {
                return Some(found);
            }
            return scanner
                .clause_subject(start, end)
                .map(|mention| Attribution { mention, cue: None });
        }
    }
    scanner
        .clause_subject(floor, passage.open)
        .map(|mention| Attribution { mention, cue: None })
}

/// Every entity span (names and references) sorted for look-ups by
/// position, so mapping a speaker costs a binary search, not a scan.
struct EntityIndex<'e> {
    entities: &'e [Entity],
    /// (span, entity) for every mention and reference, by start.
    spans: Vec<(Span, usize)>,
    /// (end, entity) for every mention of a person, by end.
    persons: Vec<(usize, usize)>,
}

impl<'e> EntityIndex<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let mut spans = Vec::new();
        let mut persons = Vec::new();
        for (index, entity) in entities.iter().enumerate() {
            spans.extend(entity.mentions.iter().map(|m| (*m, index)));
            spans.extend(entity.references.iter().map(|r| (r.span, index)));
            if entity.kind == EntityKind::Person {
                persons.extend(entity.mentions.iter().map(|m| (m.end, index)));
            }
        }
        spans.sort_unstable();
        persons.sort_unstable();
        Self {
            entities,
            spans,
            persons,
        }
    }

    /// The entity a speaker mention stands for: the one named there (the
    /// longest overlap), the one a pronoun refers to, or else the nearest
    /// person named before the pronoun, or the last speaker.
    fn speaker(&self, doc: &Document, mention: Span, last: Option<usize>) -> Option<usize> {
        let before_end = self.spans.partition_point(|(s, _)| s.start < mention.end);
        let best = self.spans[..before_end]
            .iter()
            .rev()
            .take(16)
            .filter(|(s, _)| s.overlaps(mention))
            .map(|&(s, index)| (s.end.min(mention.end) - s.start.max(mention.start), index))
            .max_by_key(|&(hit, index)| (hit, std::cmp::Reverse(index)));
        if let Some((_, index)) = best {
            return Some(index);
        }
        let text = mention.of(doc.text);
        if !lexicon::is_pronoun(text) {
            // A name the tagger missed here: the entity whose name ends alike.
            let last = text
                .rsplit(' ')
                .next()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))?;
            return self.entities.iter().position(|e| {
                e.name.rsplit(' ').next() == Some(last) && e.kind != EntityKind::Place
            });
        }
        let before = self
            .persons
            .partition_point(|&(end, _)| end <= mention.start);
        let person = before.checked_sub(1).map(|i| self.persons[i].1);
        person.or(last).filter(|&i| i < self.entities.len())
    }
}

#[cfg(test)]
mod tests;
