//! Actors: name mentions merged into one entity per real-world actor, with
//! roles, references and salience.
//!
//! [`resolve`] first repairs what the tagger got wrong and can be seen from
//! the whole article (a headline-case run split by the names of the body, a
//! title caught inside a name, a possessive "'s"), then merges mentions: the
//! same name, a surname with its full name, an acronym with what it stands
//! for. Roles come from the words around a name ([`roles`]), pronouns and
//! descriptions from [`references`]. [`rank`] scores salience and sorts.
//!
//! Everything is near-linear in the article's length: mentions are looked up
//! by hash maps keyed on lower-case words, never compared pairwise.

mod group;
mod lexicon;
mod references;
mod roles;
#[cfg(test)]
mod tests;

use std::cell::OnceCell;

use super::text::Document;
use super::{Analysis, EntityKind, Mention};
use crate::span::Span;
use lexicon::{FastSet, normalize, possessive_len};

pub use super::Entity;

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
    /// The name in lower case, words joined by single spaces.
    key: String,
    /// Whether "'s" followed the name.
    possessive: bool,
    /// The title or description next to this mention.
    role: Option<Span>,
}

/// Honorifics the tagger may catch in a name; trimmed but not kept as a role.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame"];

/// Merge mentions into entities (in order of first mention).
pub fn resolve(doc: &Document, mentions: &[Mention]) -> Vec<Entity> {
    let ranges = token_ranges(doc, mentions);
    let mut keys = KeyHashes::default();
    let ranges = split_headline(doc, split_possessives(doc, ranges), &mut keys);
    // Whether a name is used elsewhere; only needed when a title is trimmed.
    let all_keys: OnceCell<FastSet<u64>> = OnceCell::new();
    let known_keys = || {
        all_keys.get_or_init(|| {
            let mut keys = KeyHashes::default();
            ranges.iter().map(|r| keys.of(doc, r.1, r.2)).collect()
        })
    };
    let lex = lexicon::lexicon();
    let mut named: Vec<Named> = Vec::with_capacity(ranges.len());
    for &(kind, first, last) in &ranges {
        let start = if is_bare_title(doc, kind, last) {
            last + 1
        } else if first < last {
            trim_title(doc, kind, first, last, &known_keys, &mut keys)
        } else {
            first
        };
        for index in first..start {
            let text = doc.token_text(index);
            let known = !lex.is_modifier(&normalize(text))
                && known_keys().contains(&keys.of(doc, index, index));
            if is_acronym(text) || known {
                named.push(named_at(doc, EntityKind::Other, index, index));
            }
        }
        if start <= last {
            named.push(named_at(doc, kind, start, last));
        }
    }
    add_acronyms(doc, &mut named);
    named.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    let mut end = 0;
    named.retain(|n| {
        let keep = n.span.start >= end && !n.span.is_empty();
        if keep {
            end = n.span.end;
        }
        keep
    });
    let links = acronym_links(doc, &named);
    let (mut entities, owner) = group::merge(doc, &named, &links);
    references::find(doc, &named, &owner, &mut entities);
    entities
}

/// Each mention as (kind, first token, last token), in text order.
fn token_ranges(doc: &Document, mentions: &[Mention]) -> Vec<(EntityKind, usize, usize)> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.span.start, m.span.end));
    let tokens = &doc.tokens;
    let mut out = Vec::with_capacity(sorted.len());
    let mut first = 0;
    for m in sorted {
        // Mentions come in text order, so a cursor finds their tokens.
        if first > 0 && tokens[first - 1].span.end > m.span.start {
            first = tokens.partition_point(|t| t.span.end <= m.span.start);
        }
        while first < tokens.len() && tokens[first].span.end <= m.span.start {
            first += 1;
        }
        let mut last = first;
        while last < tokens.len() && tokens[last].span.start < m.span.end {
            last += 1;
        }
        if first < last {
            out.push((m.kind, first, last - 1));
        }
    }
    out
}

/// Hashes of name keys, built in one reused buffer: the sets that only ask
/// "is this name used elsewhere?" need no owned strings.
#[derive(Default)]
struct KeyHashes {
    buffer: String,
}

impl KeyHashes {
    /// The hash of the key of tokens `first..=last`.
    fn of(&mut self, doc: &Document, first: usize, last: usize) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        self.buffer.clear();
        for index in first..=last {
            if index > first {
                self.buffer.push(' ');
            }
            push_key_word(doc.token_text(index), &mut self.buffer);
        }
        BuildHasherDefault::<lexicon::FxHasher>::default().hash_one(self.buffer.as_str())
    }
}

/// Split runs at a possessive inside them ("Vietnam's Hanoi"): no name of a
/// person or place holds one, so the tagger joined two names.
fn split_possessives(
    doc: &Document,
    ranges: Vec<(EntityKind, usize, usize)>,
) -> Vec<(EntityKind, usize, usize)> {
    let mut out = Vec::with_capacity(ranges.len());
    for (kind, first, last) in ranges {
        let mut start = first;
        if kind != EntityKind::Organization {
            for index in first..last {
                if possessive_len(doc.token_text(index)) > 0 {
                    out.push((kind, start, index));
                    start = index + 1;
                }
            }
        }
        out.push((kind, start, last));
    }
    out
}

/// Append a word as names are compared: lower case, no possessive, "U.S."
/// as "us".
fn push_key_word(text: &str, out: &mut String) {
    let text = &text[..text.len() - possessive_len(text)];
    if text.is_ascii() && !text.contains('.') {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
        return;
    }
    let initialism = text.contains('.') && text.split('.').all(|p| p.chars().count() <= 1);
    for c in text.chars() {
        match c {
            '.' if initialism => {}
            '\u{2019}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The lower-case key of tokens `first..=last`.
fn key(doc: &Document, first: usize, last: usize) -> String {
    let bytes = doc.tokens[last].span.end - doc.tokens[first].span.start;
    let mut out = String::with_capacity(bytes);
    for index in first..=last {
        if index > first {
            out.push(' ');
        }
        push_key_word(doc.token_text(index), &mut out);
    }
    out
}

/// Split headline-case runs on the first line ("Putin Visits North Korea")
/// into the names the body uses; runs with no known name are kept whole.
fn split_headline(
    doc: &Document,
    ranges: Vec<(EntityKind, usize, usize)>,
    keys: &mut KeyHashes,
) -> Vec<(EntityKind, usize, usize)> {
    let Some(headline) = doc.paragraphs.first().filter(|_| doc.paragraphs.len() > 1) else {
        return ranges;
    };
    let in_headline = |r: &(EntityKind, usize, usize)| headline.contains(doc.tokens[r.1].span);
    if !ranges.iter().any(|r| r.2 > r.1 && in_headline(r)) {
        return ranges;
    }
    let mut body = FastSet::default();
    let mut parts = FastSet::default();
    for r in ranges.iter().filter(|r| !in_headline(r)) {
        body.insert(keys.of(doc, r.1, r.2));
        // Proper suffixes of two words or more: "Jong Un" of "Kim Jong Un".
        for from in r.1 + 1..r.2 {
            body.insert(keys.of(doc, from, r.2));
        }
        if r.2 > r.1 {
            parts.insert(keys.of(doc, r.1, r.1));
            parts.insert(keys.of(doc, r.2, r.2));
        }
    }
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        let (kind, first, last) = range;
        if !in_headline(&range) || first == last || body.contains(&keys.of(doc, first, last)) {
            out.push(range);
            continue;
        }
        let mut pieces = Vec::new();
        let mut i = first;
        while i <= last {
            let found = (i..=last).rev().find(|&j| {
                let hash = keys.of(doc, i, j);
                body.contains(&hash) || (i == j && parts.contains(&hash))
            });
            match found {
                Some(j) => {
                    pieces.push((EntityKind::Other, i, j));
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        if pieces.is_empty() {
            out.push((kind, first, last));
        } else {
            out.extend(pieces);
        }
    }
    out
}

/// Whether a mention is a title, not a name ("US Secretary" before "of
/// State", "Prime Minister" used alone): it ends with a person's title and
/// is not known to be a person, or is followed by more of a title or a name.
fn is_bare_title(doc: &Document, kind: EntityKind, last: usize) -> bool {
    let lex = lexicon::lexicon();
    let word = normalize(doc.token_text(last));
    if !lex.is_person_title(&word) {
        return false;
    }
    match kind {
        EntityKind::Other => true,
        EntityKind::Person => doc.tokens.get(last + 1).is_some_and(|t| {
            let next = t.span.of(doc.text);
            t.kind == super::text::TokenKind::Word && (next == "of" || roles::capitalised(next))
        }),
        _ => false,
    }
}

/// The first token of the name once a title caught inside the mention
/// ("President Putin", "Defence Minister Andrei Belousov") is left out.
fn trim_title<'k>(
    doc: &Document,
    kind: EntityKind,
    first: usize,
    last: usize,
    known_keys: &dyn Fn() -> &'k FastSet<u64>,
    keys: &mut KeyHashes,
) -> usize {
    if !matches!(kind, EntityKind::Person | EntityKind::Other) {
        return first;
    }
    let floor = doc
        .sentences
        .get(sentence_of(doc, first))
        .map_or(first, |s| s.tokens.start);
    let cut = (first..last).rev().find(|&i| {
        HONORIFICS.contains(&&*normalize(doc.token_text(i))) || roles::ends_title(doc, floor, i)
    });
    let Some(cut) = cut else {
        return first;
    };
    let rest = cut + 1;
    let worth = kind == EntityKind::Person
        || last > rest
        || known_keys().contains(&keys.of(doc, rest, last));
    if worth && roles::capitalised(doc.token_text(rest)) {
        rest
    } else {
        first
    }
}

/// Index of the sentence holding token `index`.
fn sentence_of(doc: &Document, index: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.tokens.end <= index)
        .min(doc.sentences.len().saturating_sub(1))
}

/// A repaired mention of tokens `first..=last`, with its role.
fn named_at(doc: &Document, kind: EntityKind, first: usize, last: usize) -> Named {
    let last_text = doc.token_text(last);
    let cut = possessive_len(last_text);
    let span = Span::new(
        doc.tokens[first].span.start,
        doc.tokens[last].span.end - cut,
    );
    let (floor, ceiling) = match doc.sentences.get(sentence_of(doc, first)) {
        Some(s) => (s.tokens.start, s.tokens.end),
        None => (first, last + 1),
    };
    let role = roles::left_of(doc, floor, first).or_else(|| {
        (cut == 0)
            .then(|| roles::right_of(doc, last, ceiling))
            .flatten()
    });
    Named {
        span,
        kind,
        first,
        last,
        key: key(doc, first, last),
        possessive: cut > 0,
        role,
    }
}

/// Whether a word is an acronym: two to eight letters, all capitals
/// (dots allowed: "U.S.").
fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| *c != '.').count();
    (2..=8).contains(&letters)
        && text
            .chars()
            .all(|c| c == '.' || c.is_uppercase() || c == '&')
}

/// "Full Name (ACR)": the acronym in brackets after a name is a mention too.
fn add_acronyms(doc: &Document, named: &mut Vec<Named>) {
    let starts: FastSet<usize> = named.iter().map(|n| n.first).collect();
    let mut added = Vec::new();
    for n in named.iter() {
        let inner = n.last + 2;
        if inner + 1 < doc.tokens.len()
            && doc.token_text(n.last + 1) == "("
            && doc.token_text(inner + 1) == ")"
            && is_acronym(doc.token_text(inner))
            && !starts.contains(&inner)
        {
            let mut acronym = named_at(doc, n.kind, inner, inner);
            acronym.role = None;
            added.push(acronym);
        }
    }
    named.extend(added);
}

/// Pairs of indices into `named` that the text links as name and acronym.
fn acronym_links(doc: &Document, named: &[Named]) -> Vec<(usize, usize)> {
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
            if is_acronym(doc.token_text(inner)) && first_letter(&next.key) == first_letter(&n.key)
            {
                links.push((index, index + 1));
            }
        }
    }
    links
}

/// Score salience, sort entities by it and renumber every index into them.
///
/// A mention in the headline counts most, then one in the lede (the first
/// paragraph after it), then any mention, reference or quote spoken.
pub fn rank(doc: &Document, analysis: &mut Analysis) {
    let headline = doc.paragraphs.first().copied().unwrap_or_default();
    let lede = doc.paragraphs.get(1).copied().unwrap_or_default();
    let mut spoken = vec![0usize; analysis.entities.len()];
    for quote in &analysis.quotes {
        if let Some(count) = quote.speaker.and_then(|i| spoken.get_mut(i)) {
            *count += 1;
        }
    }
    for (entity, said) in analysis.entities.iter_mut().zip(&spoken) {
        let spans = entity
            .mentions
            .iter()
            .copied()
            .chain(entity.references.iter().map(|r| r.span));
        let (mut top, mut lead) = (0usize, 0usize);
        for span in spans {
            top += usize::from(headline.contains(span));
            lead += usize::from(lede.contains(span));
        }
        entity.salience = 4.0 * top.min(2) as f32
            + 2.0 * lead.min(3) as f32
            + entity.mentions.len() as f32
            + 0.5 * entity.references.len() as f32
            + 1.5 * *said as f32;
    }
    let first_mention = |e: &Entity| e.mentions.first().map_or(usize::MAX, |s| s.start);
    let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&analysis.entities[a], &analysis.entities[b]);
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| first_mention(a).cmp(&first_mention(b)))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut entities: Vec<Option<Entity>> = analysis.entities.drain(..).map(Some).collect();
    analysis.entities = order
        .iter()
        .filter_map(|&old| entities[old].take())
        .collect();
    // An index that points nowhere is dropped rather than left pointing at
    // whichever entity lands there.
    for quote in &mut analysis.quotes {
        quote.speaker = quote.speaker.and_then(|i| new_index.get(i).copied());
    }
    for event in &mut analysis.events {
        event.actors = event
            .actors
            .iter()
            .filter_map(|&i| new_index.get(i).copied())
            .collect();
    }
}
