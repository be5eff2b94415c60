//! Events a noun names: "Putin's visit to Hanoi", "weapons tests by North
//! Korea", "UN sanctions", "military exercises in South Korea". A noun from
//! `assets/data/event_nouns.txt` is an event only when an actor or a place
//! is tied to it — a name or possessive right before it (over a few
//! modifiers), or "by", "with", "between", "of", "to", "in" or "at" and an
//! actor right after it — so "the visit" alone is not.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::is_place;
use crate::analyse::quotes::{self, FastHash, Shapes};
use crate::analyse::text::{Document, TokenKind};
use crate::analyse::{Entity, EntityKind, Event};
use crate::span::Span;

const NOUNS: &str = include_str!("../../../assets/data/event_nouns.txt");

/// The entity span overlapping token `k`: a name, or a name with its
/// possessive attached ("Putin's").
fn actor_at(doc: &Document, spans: &[(Span, usize)], k: usize) -> Option<(Span, usize)> {
    super::actor_where(doc, spans, k, |span, token| span.end > token.start)
}

/// The actor a linking word leads to at token `k`: the first name among
/// the capitalised words there that is not a nationality or a title word
/// ("with Russian President Vladimir Putin" → Vladimir Putin; "tour of
/// African states" → none).
fn linked_actor(
    doc: &Document,
    entities: &[Entity],
    spans: &[(Span, usize)],
    k: usize,
    end: usize,
) -> Option<(Span, usize)> {
    // "of their", "at London's": the name belongs to a noun further on.
    let at = doc.token_text(k);
    if is_possessive_pronoun(at) || at.ends_with("'s") || at.ends_with("\u{2019}s") {
        return None;
    }
    for n in k..end.min(k + 4) {
        if let Some((span, who)) = actor_at(doc, spans, n) {
            if entities[who].kind != EntityKind::Other {
                return Some((span, who));
            }
        } else if !doc.token_text(n).starts_with(char::is_uppercase) {
            break;
        }
    }
    None
}

/// The shapes of the event nouns: a cheap test that spares most words
/// the table look-up.
pub(super) fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| Shapes::new(nouns().keys().copied()))
}

/// Modifiers stepped over between a noun and the actor before it
/// ("Putin's *first* visit", "UN *nuclear* inspections").
const MODIFIERS: usize = 2;

fn nouns() -> &'static HashMap<&'static str, &'static str, FastHash> {
    static NOUN_KINDS: OnceLock<HashMap<&'static str, &'static str, FastHash>> = OnceLock::new();
    NOUN_KINDS.get_or_init(|| {
        let mut map = HashMap::default();
        for line in NOUNS.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace();
            if let Some(kind) = words.next() {
                for noun in words {
                    map.insert(noun, kind);
                }
            }
        }
        map
    })
}

/// The event named by the noun at token `i` of `sentence`, if an actor or
/// place is tied to it.
pub(super) fn event_at(
    doc: &Document,
    entities: &[Entity],
    spans: &[(Span, usize)],
    quoted: &[bool],
    sentence: Range<usize>,
    i: usize,
) -> Option<Event> {
    let kind = *nouns().get(doc.token_text(i))?;
    let word = |k: usize| doc.token_text(k);
    // "election campaign": the noun modifies the next one.
    if let Some(next) = (i + 1 < sentence.end).then(|| word(i + 1))
        && next.starts_with(|c: char| c.is_lowercase())
        && !is_link(next)
        && !quotes::is_closed_class(next)
        && !super::breaks_phrase(next)
    {
        return None;
    }
    // Before: over lower-case modifiers and numbers to a name or possessive.
    let mut left = i;
    while left > sentence.start
        && i - left < MODIFIERS
        && !quoted[left - 1]
        && is_modifier(doc, left - 1)
    {
        left -= 1;
    }
    let mut actors = Vec::new();
    let mut first;
    if left > sentence.start
        && !quoted[left - 1]
        && let Some((span, who)) = actor_at(doc, spans, left - 1)
        && span.end <= doc.tokens[left].span.start
        && !quotes::is_closed_class(span.of(doc.text))
    {
        actors.push(who);
        first = (sentence.start..left)
            .find(|&k| doc.tokens[k].span.end > span.start)
            .unwrap_or(left - 1);
    } else {
        // Without an actor before them, modifiers count from a function
        // word or a comma on ("with increased weapons tests"), so a verb
        // is not taken for one ("came naval drills").
        first = (left..i)
            .find(|&c| {
                c == sentence.start
                    || doc.tokens[c - 1].kind == TokenKind::Punct
                    || matches!(
                        word(c - 1),
                        "a" | "an"
                            | "the"
                            | "with"
                            | "of"
                            | "in"
                            | "at"
                            | "by"
                            | "for"
                            | "and"
                            | "or"
                            | "to"
                            | "from"
                            | "amid"
                            | "after"
                            | "before"
                            | "during"
                            | "over"
                            | "on"
                            | "despite"
                    )
            })
            .unwrap_or(i);
    }
    // After: linking words and the actors they lead to.
    let mut last = i;
    let mut place = None;
    let mut k = i + 1;
    let mut between = false;
    while k + 1 < sentence.end && !quoted[k + 1] {
        let link = word(k);
        if !is_link(link) || link == "and" && !between {
            break;
        }
        between = link == "between";
        let Some((span, who)) = linked_actor(doc, entities, spans, k + 1, sentence.end) else {
            break;
        };
        if quotes::is_closed_class(span.of(doc.text)) || actors.contains(&who) {
            break;
        }
        match link {
            "in" | "at" | "to" if is_place(&entities[who]) => {
                place.get_or_insert(span);
                if link == "to" {
                    actors.push(who);
                }
            }
            "in" | "at" | "to" => break,
            _ => actors.push(who),
        }
        // Past the actor's last token.
        k += 1;
        while k < sentence.end && doc.tokens[k].span.start < span.end {
            k += 1;
        }
        last = k - 1;
    }
    if actors.is_empty() && place.is_none() {
        return None;
    }
    while first < i && matches!(word(first), "a" | "an" | "the") {
        first += 1;
    }
    let summary = summary(doc, entities, spans, first, last);
    let time = super::time_of(doc, sentence.clone());
    Some(Event {
        kind: kind.to_string(),
        summary,
        actors,
        place: place.map(|p| p.of(doc.text).to_string()),
        time,
        span: doc.tokens_span(sentence),
    })
}

/// A word that may stand between an actor and its event noun: lower-case
/// words that are not function words ("first", "military", "large-scale"),
/// and numbers ("2018").
fn is_modifier(doc: &Document, k: usize) -> bool {
    let w = doc.token_text(k);
    match doc.tokens[k].kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            matches!(
                w,
                "first" | "second" | "third" | "last" | "latest" | "recent"
            ) || w.starts_with(|c: char| c.is_lowercase())
                && !quotes::is_closed_class(w)
                && !super::breaks_phrase(w)
        }
        _ => false,
    }
}

/// The words from `first` to `last`, with a possessive pronoun that opens
/// them replaced by the name it stands for ("his visit" → "Vladimir Putin's
/// visit").
fn summary(
    doc: &Document,
    entities: &[Entity],
    spans: &[(Span, usize)],
    first: usize,
    last: usize,
) -> String {
    let rest = doc.tokens_span(first..last + 1);
    let opener = doc.token_text(first);
    if is_possessive_pronoun(opener)
        && first < last
        && let Some((_, who)) = actor_at(doc, spans, first)
    {
        let tail = Span::new(doc.tokens[first + 1].span.start, rest.end);
        return format!("{}'s {}", entities[who].name, tail.of(doc.text));
    }
    if is_possessive_pronoun(opener) && first < last {
        // Whose it is was not resolved: the rest reads on its own.
        return Span::new(doc.tokens[first + 1].span.start, rest.end)
            .of(doc.text)
            .to_string();
    }
    rest.of(doc.text).to_string()
}

fn is_possessive_pronoun(word: &str) -> bool {
    matches!(
        word,
        "his" | "her" | "its" | "their" | "His" | "Her" | "Its" | "Their"
    )
}

/// Words that tie an actor after an event noun to it.
fn is_link(word: &str) -> bool {
    matches!(
        word,
        "by" | "with" | "between" | "and" | "of" | "to" | "in" | "at"
    )
}
