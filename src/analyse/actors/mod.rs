//! Actors: name mentions merged into one entity per real-world actor, with
//! roles, references and salience.
//!
//! [`resolve`] first repairs what the tagger got wrong and can be seen from
//! the whole article (`repair`: a headline-case run split by the names of the
//! body, a title caught inside a name, a possessive "'s"), then merges
//! mentions (`group`): the same name, a surname with its full name, an
//! acronym with what it stands for. Roles come from the words around a name
//! (`roles`), pronouns and descriptions from `references`, word lists from
//! `assets/data/` (`lexicon`). [`rank`] scores salience and sorts.
//!
//! Everything is near-linear in the article's length: mentions are looked up
//! by hash maps keyed on lower-case words, never compared pairwise.

mod group;
mod lexicon;
mod references;
mod repair;
mod roles;
mod salience;
#[cfg(test)]
mod tests;

use std::cell::OnceCell;

use super::text::{Document, TokenKind};
use super::{EntityKind, Mention};
use crate::span::Span;
use lexicon::{FastSet, possessive_len};
use repair::{
    KeyHashes, drop_headline_words, institution_not_place, is_bare_title, person_after_title,
    push_key, split_firms, split_headline, split_possessives, token_ranges, trim_title,
};

use super::Entity;
pub use salience::rank;

/// One mention after repair, with what later steps need to know about it.
#[derive(Debug, Clone)]
struct Named {
    /// The name, possessive ending excluded.
    span: Span,
    /// What the tagger said it is.
    kind: EntityKind,
    /// First token of the name.
    first: usize,
    /// Last token of the name (inclusive).
    last: usize,
    /// The name in lower case, words joined by single spaces: where it lies
    /// in the buffer of the document's keys.
    key: Span,
    /// Whether a possessive "'s" followed the name.
    possessive: bool,
    /// The title or description next to this mention.
    role: Option<Span>,
}

/// Merge the tagger's mentions into one entity per real-world actor, so that
/// later stages (quotes, events, the actor index) count "Putin", "Vladimir
/// Putin" and "the Russian leader" once. Entities come in order of first
/// mention with roles and references filled; [`rank`] sets salience.
pub fn resolve(doc: &Document, mentions: &[Mention]) -> Vec<Entity> {
    let ranges = token_ranges(doc, mentions);
    let mut keys = KeyHashes::default();
    let ranges = split_firms(doc, split_possessives(doc, ranges));
    let ranges = split_headline(doc, ranges, &mut keys);
    let ranges = drop_headline_words(doc, ranges);
    // Whether a name is used elsewhere; only needed when a title is trimmed.
    // Only one-word names are ever asked about ("Putin" of "President Putin").
    let all_keys: OnceCell<FastSet<u64>> = OnceCell::new();
    let known_keys = || {
        all_keys.get_or_init(|| {
            let mut keys = KeyHashes::default();
            let single = ranges.iter().filter(|r| r.1 == r.2);
            single.map(|r| keys.of(doc, r.1, r.2)).collect()
        })
    };
    let lex = lexicon::lexicon();
    let mut named: Vec<Named> = Vec::with_capacity(ranges.len());
    // Every key in one buffer: one allocation, not one per mention.
    let mut key_bytes = Vec::with_capacity(16 * ranges.len());
    for &(kind, first, last) in &ranges {
        let kind = person_after_title(
            doc,
            institution_not_place(doc, kind, first, last),
            first,
            last,
        );
        let start = if is_bare_title(doc, kind, last) {
            last + 1
        } else if first < last {
            trim_title(doc, kind, first, last, &known_keys, &mut keys)
        } else {
            first
        };
        for index in first..start {
            let text = doc.token_text(index);
            let known = !lex.class_of(text).modifier()
                && known_keys().contains(&keys.of(doc, index, index));
            if is_acronym(text) || known {
                named.push(named_at(
                    doc,
                    &mut key_bytes,
                    EntityKind::Other,
                    index,
                    index,
                ));
            }
        }
        if start <= last {
            named.push(named_at(doc, &mut key_bytes, kind, start, last));
        }
    }
    add_acronyms(doc, &mut key_bytes, &mut named);
    // Keys are cut from the text and lowered in whole characters (a short
    // ASCII word's bytes at once, else a character at a time), so the buffer
    // is UTF-8: the check passes and nothing is copied. The lossy branch
    // never runs (it would shift the keys' spans).
    let key_text = String::from_utf8(key_bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    named.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    let mut end = 0;
    named.retain(|n| {
        let keep = n.span.start >= end && !n.span.is_empty();
        if keep {
            end = n.span.end;
        }
        keep
    });
    drop_portfolios(doc, &mut named);
    names_ending_in_s(doc, &key_text, &mut named);
    let links = acronym_links(doc, &key_text, &named);
    let (mut entities, owner) = group::merge(doc, &named, &key_text, &links);
    references::find(doc, &named, &owner, &mut entities);
    entities
}

/// "Trade" of "Trade and Industry Secretary Patricia Hewitt" is part of her
/// role, not an organisation: drop the mentions made only of portfolio words
/// inside a person's role that joins portfolios or names one after "of" or
/// "for" ("Minister of Foreign Affairs"). (In "Labour MP Tom Watson"
/// "Labour" is the party.)
fn drop_portfolios(doc: &Document, named: &mut Vec<Named>) {
    // Each role that may hold portfolios, and whether it joins them.
    let roles: Vec<(Span, bool)> = named
        .iter()
        .filter(|n| n.kind == EntityKind::Person)
        .filter_map(|n| n.role)
        .filter_map(|r| {
            let role = r.of(doc.text);
            let joins = role.contains(" and ") || role.contains(',');
            (joins || role.contains(" of ") || role.contains(" for ")).then_some((r, joins))
        })
        .collect();
    if roles.is_empty() {
        return;
    }
    let lex = lexicon::lexicon();
    // "Minister of Foreign Affairs", not "leader of the Labour group".
    let after_of = |n: &Named| n.first > 0 && matches!(doc.token_text(n.first - 1), "of" | "for");
    named.retain(|n| {
        let in_role = roles.iter().any(|&(r, joins)| {
            r.start <= n.span.start && n.span.end <= r.end && (joins || after_of(n))
        });
        let portfolio = || (n.first..=n.last).all(|i| lex.class_of(doc.token_text(i)).portfolio());
        n.kind == EntityKind::Person || !in_role || !portfolio()
    });
}

/// Words that follow a subject, never a possessor: after "Moody's" they show
/// that its "'s" belongs to the name.
const VERBS_AFTER_SUBJECT: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "said",
    "says",
    "would",
    "could",
    "should",
    "did",
    "does",
    "announced",
    "declined",
    "agreed",
    "added",
    "told",
    "expects",
];

/// "Lloyd's", "Moody's", "McDonald's": a firm whose name ends in "'s". When a
/// name's "'s" is followed somewhere in the article by a verb that is no
/// noun ("Moody's said", not "Labour's plans"), it is part of the name there and at every other
/// mention of that name: each takes its "'s" back, and one read as a person
/// is a firm (no person's name ends in "'s").
fn names_ending_in_s(doc: &Document, key_text: &str, named: &mut [Named]) {
    // Where the "'s" after a mention ends: in its last token or the next.
    let ending = |n: &Named| {
        if possessive_len(doc.token_text(n.last)) > 0 {
            Some(n.last)
        } else {
            is_clitic(doc, n.last + 1).then_some(n.last + 1)
        }
    };
    let subjects: FastSet<&str> = named
        .iter()
        .filter(|n| n.possessive && n.kind != EntityKind::Place)
        .filter(|n| {
            ending(n)
                .and_then(|e| doc.tokens.get(e + 1))
                .is_some_and(|t| {
                    let word = t.span.of(doc.text);
                    VERBS_AFTER_SUBJECT.contains(&word)
                })
        })
        .map(|n| n.key.of(key_text))
        .collect();
    if subjects.is_empty() {
        return;
    }
    for n in named.iter_mut() {
        if n.possessive
            && subjects.contains(n.key.of(key_text))
            && let Some(e) = ending(n)
        {
            n.span.end = doc.tokens[e].span.end;
            n.possessive = false;
            if n.kind == EntityKind::Person {
                n.kind = EntityKind::Organization;
            }
        }
    }
}

/// Index of the sentence holding token `index`.
pub(super) fn sentence_of(doc: &Document, index: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.tokens.end <= index)
        .min(doc.sentences.len().saturating_sub(1))
}

/// Whether token `index` is a possessive "'s" that the tokenizer cut from
/// the word it touches ("Tusk" "'s"): the name ends before it. Documents
/// that keep it attached ("Tusk's") are read through [`possessive_len`].
#[inline]
pub(super) fn is_clitic(doc: &Document, index: usize) -> bool {
    let Some(token) = doc.tokens.get(index) else {
        return false;
    };
    index > 0
        && token.kind == TokenKind::Word
        && doc.tokens[index - 1].span.end == token.span.start
        && matches!(
            token.span.of(doc.text),
            "'s" | "'S" | "\u{2019}s" | "\u{2019}S"
        )
}

/// A repaired mention of tokens `first..=last`, with its role; its key goes
/// to `keys`.
fn named_at(
    doc: &Document,
    keys: &mut Vec<u8>,
    kind: EntityKind,
    first: usize,
    last: usize,
) -> Named {
    let cut = possessive_len(doc.token_text(last));
    let possessive = cut > 0 || is_clitic(doc, last + 1);
    let span = Span::new(
        doc.tokens[first].span.start,
        doc.tokens[last].span.end - cut,
    );
    let (floor, ceiling) = match doc.sentences.get(sentence_of(doc, first)) {
        Some(s) => (s.tokens.start, s.tokens.end),
        None => (first, last + 1),
    };
    let role = roles::left_of(doc, floor, first).or_else(|| {
        (!possessive)
            .then(|| roles::right_of(doc, last, ceiling))
            .flatten()
    });
    Named {
        span,
        kind,
        first,
        last,
        key: push_key(doc, first, last, keys),
        possessive,
        role,
    }
}

/// Whether a word is an acronym: two to eight letters, all capitals
/// (dots allowed: "U.S.").
pub(super) fn is_acronym(text: &str) -> bool {
    // Most names fail on their second letter, before anything is counted.
    text.chars()
        .all(|c| c == '.' || c.is_uppercase() || c == '&')
        && (2..=8).contains(&text.chars().filter(|c| *c != '.').count())
}

/// "Full Name (ACR)": the acronym in brackets after a name is a mention too.
fn add_acronyms(doc: &Document, keys: &mut Vec<u8>, named: &mut Vec<Named>) {
    let inner: Vec<(EntityKind, usize)> = named
        .iter()
        .map(|n| (n.kind, n.last + 2))
        .filter(|&(_, inner)| {
            inner + 1 < doc.tokens.len()
                && doc.token_text(inner - 1) == "("
                && doc.token_text(inner + 1) == ")"
                && is_acronym(doc.token_text(inner))
        })
        .collect();
    // Few names have one: only then are the names' starts gathered.
    if inner.is_empty() {
        return;
    }
    let starts: FastSet<usize> = named.iter().map(|n| n.first).collect();
    for (kind, inner) in inner {
        if !starts.contains(&inner) {
            let mut acronym = named_at(doc, keys, kind, inner, inner);
            acronym.role = None;
            named.push(acronym);
        }
    }
}

/// Pairs of indices into `named` that the text links as name and acronym;
/// `keys` holds their keys.
fn acronym_links(doc: &Document, keys: &str, named: &[Named]) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    for (index, n) in named.iter().enumerate() {
        let inner = n.last + 2;
        if n.last == n.first || inner + 1 >= doc.tokens.len() || doc.token_text(n.last + 1) != "(" {
            continue;
        }
        if let Some(next) = named
            .get(index + 1)
            .filter(|m| m.first == inner && m.last == inner)
        {
            let first_letter = |s: &str| s.chars().next().map(|c| c.to_ascii_lowercase());
            if is_acronym(doc.token_text(inner))
                && first_letter(next.key.of(keys)) == first_letter(n.key.of(keys))
            {
                links.push((index, index + 1));
            }
        }
    }
    links
}
