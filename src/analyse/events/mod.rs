//! Events: who did what to whom, where and when.
//!
//! A verb from `assets/data/events.txt` is an event only when an actor is
//! named right before it ("Lee *visited* Oslo", "Lee has *signed*") — or,
//! in the passive, after "by" — so "the visit" or "a bombing" alone is not.
//! The object is the first actor after the verb in its clause, the place an
//! actor after "in", "at" or "to", the time the first time expression of the
//! sentence. Words inside quote marks are claims, not events, and are
//! skipped.

mod nominal;
mod time;

pub use time::is_month;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::quotes;
use super::text::{Document, TokenKind};
use super::{Entity, EntityKind, Event, ReferenceKind};
use crate::span::Span;

const EVENTS: &str = include_str!("../../../assets/data/events.txt");

/// What a trigger word means.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    /// The event kind ("visit").
    kind: &'static str,
    /// The verb as summaries use it ("visits").
    summary: &'static str,
    /// What the object must be: "" anything, "@" a named actor, else one of
    /// these space-separated words.
    needs: &'static str,
}

type Triggers = HashMap<&'static str, Trigger, quotes::FastHash>;

/// The trigger table with the cheap tests that spare most words the
/// look-up.
struct Lexicon {
    /// Every trigger form.
    triggers: Triggers,
    /// The shapes of the forms.
    shapes: quotes::Shapes,
    /// The letters (lower-cased, as bits from "a") some form ends in.
    last_letters: u32,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut triggers = Triggers::default();
        for line in EVENTS.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            let (forms, needs) = line.split_once('|').unwrap_or((line, ""));
            let mut words = forms.split_whitespace();
            let (Some(kind), Some(summary)) = (words.next(), words.next()) else {
                continue;
            };
            let trigger = Trigger {
                kind,
                summary,
                needs: needs.trim(),
            };
            triggers.insert(summary, trigger);
            for form in words {
                triggers.entry(form).or_insert(trigger);
            }
        }
        let last_letters = triggers.keys().fold(0, |bits, w| {
            let b = w.as_bytes()[w.len() - 1].to_ascii_lowercase();
            if b.is_ascii_lowercase() {
                bits | 1 << (b - b'a')
            } else {
                bits
            }
        });
        Lexicon {
            shapes: quotes::Shapes::new(triggers.keys().copied()),
            triggers,
            last_letters,
        }
    })
}

impl Lexicon {
    /// Whether `word` ends in a letter some trigger form ends in.
    fn ends_like_trigger(&self, word: &[u8]) -> bool {
        let letter = word[word.len() - 1].to_ascii_lowercase().wrapping_sub(b'a');
        (letter < 26) & (self.last_letters >> (letter % 32) & 1 != 0)
    }

    /// Whether `word`, as written, of `shape`, may be a trigger form: a
    /// cheap test before the look-up.
    fn may_be_trigger(&self, word: &[u8], shape: quotes::Shape) -> bool {
        self.ends_like_trigger(word) & self.shapes.holds(shape)
    }

    /// The trigger a word of the headline is, matched in lower case.
    fn headline_trigger(&self, word: &str) -> Option<Trigger> {
        if !self.ends_like_trigger(word.as_bytes()) {
            None
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.triggers.get(word.to_lowercase().as_str()).copied()
        } else {
            self.triggers.get(word).copied()
        }
    }
}

/// Words between an actor and its verb ("Lee *has also* signed").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "also"
            | "then"
            | "later"
            | "again"
            | "reportedly"
            | "formally"
            | "officially"
            | "jointly"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "be"
            | "to"
            | "plans"
            | "planned"
            | "agreed"
            | "expected"
            | "set"
            | "did"
            | "not"
            | "never"
            | "finally"
            | "just"
            | "recently"
    )
}

fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "been" | "be" | "being"
    )
}

/// Every name, title or pronoun span of an entity, sorted by start.
fn actor_spans(entities: &[Entity]) -> Vec<(Span, usize)> {
    let most = entities
        .iter()
        .map(|e| e.mentions.len() + e.references.len())
        .sum();
    let mut spans = Vec::with_capacity(most);
    for (index, e) in entities.iter().enumerate() {
        spans.extend(e.mentions.iter().map(|m| (*m, index)));
        spans.extend(
            e.references
                .iter()
                .filter(|r| r.kind == ReferenceKind::Pronoun)
                .map(|r| (r.span, index)),
        );
    }
    spans.sort_unstable();
    spans
}

/// The entity whose span covers token `i`, if any.
fn actor_at(doc: &Document, spans: &[(Span, usize)], i: usize) -> Option<(Span, usize)> {
    actor_where(doc, spans, i, |span, token| span.contains(token))
}

/// The entity starting at or before token `i` whose span and the token's
/// pass `test`, if any.
fn actor_where(
    doc: &Document,
    spans: &[(Span, usize)],
    i: usize,
    test: impl Fn(Span, Span) -> bool,
) -> Option<(Span, usize)> {
    let token = doc.tokens[i].span;
    let after = spans.partition_point(|(s, _)| s.start <= token.start);
    spans[..after]
        .iter()
        .rev()
        .take(4)
        .find(|(s, _)| test(*s, token))
        .copied()
}

/// Every event in the document, in text order.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Event> {
    if entities.is_empty() {
        return Vec::new();
    }
    find_with(doc, entities, &quotes::quoted_tokens(doc))
}

/// [`find`] with each token's being inside quote marks already known
/// ([`quotes::Marks::quoted`]), as the statements stage worked it out.
pub fn find_with(doc: &Document, entities: &[Entity], quoted: &[bool]) -> Vec<Event> {
    if entities.is_empty() {
        return Vec::new();
    }
    let spans = actor_spans(entities);
    let lexicon = lexicon();
    let nouns = nominal::shapes();
    let bytes = doc.text.as_bytes();
    let mut events: Vec<Event> = Vec::new();
    let mut named: Vec<Event> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        for i in range.clone() {
            let token = doc.tokens[i];
            let word = &bytes[token.span.start..token.span.end];
            let open_word = !quoted[i] & (token.kind == TokenKind::Word) & (word.len() >= 3);
            let trigger = if index == 0 {
                if !open_word {
                    continue;
                }
                lexicon.headline_trigger(doc.token_text(i))
            } else {
                // Nearly every token is turned away: all the tests are
                // worked out first, joined without a branch each, as which
                // of them fails is a coin toss from token to token.
                let shape = quotes::Shape::of_token(doc, i);
                let noun = nouns.holds(shape);
                let verb = lexicon.may_be_trigger(word, shape);
                if !(open_word & word[0].is_ascii_lowercase() & (noun | verb)) {
                    continue;
                }
                if noun
                    && let Some(event) =
                        nominal::event_at(doc, entities, &spans, quoted, range.clone(), i)
                {
                    named.push(event);
                }
                if !verb {
                    continue;
                }
                lexicon.triggers.get(doc.token_text(i)).copied()
            };
            let Some(trigger) = trigger else { continue };
            let Some(event) = event_at(doc, entities, &spans, quoted, range.clone(), i, trigger)
            else {
                continue;
            };
            let duplicate = events
                .iter()
                .any(|e| e.span == event.span && e.kind == event.kind && e.actors == event.actors);
            if !duplicate {
                events.push(event);
            }
        }
    }
    // The headline's event is dropped when the body tells it again.
    if let Some(headline) = doc.sentences.first().map(|s| s.span) {
        let told = |e: &Event| {
            events.iter().any(|b| {
                b.span.start > headline.end
                    && b.kind == e.kind
                    && b.actors.first() == e.actors.first()
            })
        };
        let restated: Vec<bool> = events
            .iter()
            .map(|e| e.span.start < headline.end && told(e))
            .collect();
        let mut keep = restated.iter().map(|r| !r);
        events.retain(|_| keep.next().unwrap_or(true));
    }
    // A noun's event counts when no verb in its sentence told the same kind.
    named.retain(|n| !events.iter().any(|e| e.span == n.span && e.kind == n.kind));
    named.dedup_by(|b, a| a.span == b.span && a.kind == b.kind && a.actors == b.actors);
    events.extend(named);
    events.sort_by_key(|e| e.span.start);
    events
}

/// The event a trigger at token `i` states, when its actor is named.
fn event_at(
    doc: &Document,
    entities: &[Entity],
    spans: &[(Span, usize)],
    quoted: &[bool],
    sentence: std::ops::Range<usize>,
    i: usize,
    trigger: Trigger,
) -> Option<Event> {
    let mut j = i.checked_sub(1).filter(|&j| j >= sentence.start)?;
    let mut passive = false;
    while j > sentence.start && is_auxiliary(doc.token_text(j)) {
        passive |= is_be(doc.token_text(j)) && doc.token_text(i).ends_with("ed");
        j -= 1;
    }
    let (subject_span, subject) = actor_at(doc, spans, j)?;
    if quoted[j] || !names_actor(doc, subject_span, sentence.start) {
        return None;
    }
    // The clause after the verb: up to a comma, semicolon or full stop.
    let clause_end = (i + 1..sentence.end)
        .find(|&k| quoted[k] || matches!(doc.token_text(k), "," | ";" | "." | ":" | "?" | "!"))
        .unwrap_or(sentence.end);
    // The object: the phrase right after the verb, up to a preposition; "to"
    // and a verb ("pledged to cut taxes") belong to it.
    let infinitive = i + 2 < clause_end
        && doc.token_text(i + 1) == "to"
        && doc
            .token_text(i + 2)
            .starts_with(|c: char| c.is_lowercase());
    let phrase_start = if infinitive { i + 2 } else { i + 1 };
    let mut phrase_end = (phrase_start..clause_end)
        .find(|&k| {
            k > i + 6
                || !matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                || breaks_phrase(doc.token_text(k))
        })
        .unwrap_or(clause_end);
    while phrase_end > i + 1
        && matches!(
            doc.token_text(phrase_end - 1),
            "a" | "an" | "the" | "its" | "his" | "her" | "their"
        )
    {
        phrase_end -= 1;
    }
    let object = (i + 1..phrase_end)
        .find_map(|k| actor_at(doc, spans, k))
        .filter(|(_, who)| *who != subject);
    // "pledged “full support”": a short quote right after the verb is what
    // was pledged.
    let quoted_object =
        (i + 1 < sentence.end && quoted[i + 1] && doc.tokens[i + 1].kind == TokenKind::Quote)
            .then(|| {
                (i + 2..sentence.end.min(i + 14))
                    .find(|&k| doc.tokens[k].kind == TokenKind::Quote)
                    .filter(|&close| quoted[close] && close > i + 2)
            })
            .flatten()
            .map(|close| doc.tokens_span(i + 1..close + 1).of(doc.text).to_string());
    let object_text = match object {
        _ if let Some(text) = quoted_object => text,
        // A name alone reads best; a longer phrase keeps its words.
        Some((span, who))
            if span.start == doc.tokens[i + 1].span.start
                && span.end >= doc.tokens[phrase_end - 1].span.end =>
        {
            entities[who].name.clone()
        }
        _ if phrase_end > i + 1 => doc.tokens_span(i + 1..phrase_end).of(doc.text).to_string(),
        _ => String::new(),
    };
    let mut partner = None;
    let mut agent = None;
    let mut place = None;
    for k in phrase_end..clause_end.saturating_sub(1) {
        let Some((span, who)) = actor_at(doc, spans, k + 1) else {
            continue;
        };
        match doc.token_text(k) {
            "with" if partner.is_none() && k == phrase_end => partner = Some(who),
            "by" if passive => agent = agent.or(Some(who)),
            "in" | "at" | "to"
                if is_place(&entities[who])
                    && who != subject
                    && !quotes::is_closed_class(span.of(doc.text)) =>
            {
                place = place.or(Some(span));
            }
            _ => {}
        }
    }
    let satisfied = match trigger.needs {
        "" => true,
        "@" => object.is_some() || partner.is_some() || (passive && agent.is_some()),
        words => object_text
            .split_whitespace()
            .any(|w| words.split_whitespace().any(|n| n.eq_ignore_ascii_case(w))),
    };
    // "pledges", "attacks" are nouns as often as verbs: they need an object.
    let bare_present =
        doc.token_text(i) == trigger.summary && object_text.is_empty() && partner.is_none();
    if !satisfied || (bare_present && !passive) {
        return None;
    }
    let name = |who: usize| entities[who].name.as_str();
    let (mut actors, mut summary) = if passive {
        match agent {
            Some(by) => (
                vec![by, subject],
                format!("{} {} {}", name(by), trigger.summary, name(subject)),
            ),
            None => (
                vec![subject],
                format!("{} was {}", name(subject), doc.token_text(i)),
            ),
        }
    } else {
        let mut actors = vec![subject];
        actors.extend(object.map(|(_, who)| who));
        let mut summary = format!("{} {}", name(subject), trigger.summary);
        if !object_text.is_empty() {
            summary.push(' ');
            summary.push_str(&object_text);
        }
        (actors, summary)
    };
    if let Some(with) = partner.filter(|w| !actors.contains(w)) {
        actors.push(with);
        summary.push_str(" with ");
        summary.push_str(name(with));
    }
    let time = time_of(doc, sentence.clone());
    Some(Event {
        kind: trigger.kind.to_string(),
        summary,
        actors,
        place: place.map(|p| p.of(doc.text).to_string()),
        time,
        span: doc.tokens_span(sentence),
    })
}

/// The first time expression of `sentence`, as the text says it.
fn time_of(doc: &Document, sentence: std::ops::Range<usize>) -> Option<String> {
    time::find(doc, sentence).map(|t| doc.tokens_span(t).of(doc.text).to_string())
}

/// Whether a subject span heads its phrase and names someone: not a
/// closed-class word ("The", "September"), not after "of", "from" or a
/// possessive ("a man from Leeds was arrested" is not about Leeds).
fn names_actor(doc: &Document, span: Span, floor: usize) -> bool {
    let text = span.of(doc.text);
    if text.split_whitespace().all(quotes::is_closed_class) {
        return false;
    }
    // Tokens start in text order: the one starting the span, by bisection.
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    if doc
        .tokens
        .get(first)
        .is_none_or(|t| t.span.start != span.start)
    {
        return true;
    }
    let mut k = first;
    while k > floor && matches!(doc.token_text(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    if k == floor {
        return true;
    }
    let before = doc.token_text(k - 1);
    !(matches!(
        before,
        "of" | "from" | "in" | "at" | "for" | "with" | "by" | "to" | "on"
    ) || before.ends_with("'s")
        || before.ends_with("’s"))
}

/// Words that end the object phrase after a verb.
fn breaks_phrase(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "on"
            | "to"
            | "with"
            | "by"
            | "for"
            | "from"
            | "over"
            | "during"
            | "after"
            | "before"
            | "and"
            | "but"
            | "that"
            | "which"
            | "who"
            | "as"
            | "since"
            | "amid"
            | "last"
            | "this"
            | "next"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "would"
            | "will"
            | "could"
            | "should"
            | "must"
            | "can"
            | "may"
            | "might"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "if"
            | "because"
            | "while"
            | "when"
    )
}

/// Whether an entity can be a place: tagged as one, or untagged.
fn is_place(entity: &Entity) -> bool {
    matches!(entity.kind, EntityKind::Place | EntityKind::Other)
}

#[cfg(test)]
mod tests;
