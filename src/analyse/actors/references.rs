//! References: pronouns ("he", "their") and descriptions used alone ("the
//! Russian leader", "the minister") resolved to the actor they stand for,
//! only when the text leaves one clear candidate.

use super::lexicon::{
    FastMap, FastSet, Gender, PronounClass, Word, is_of, lexicon, normalize, possessive_len,
};
use super::{Named, is_clitic, roles};
use crate::analyse::text::{Document, TokenKind};
use crate::analyse::{Entity, EntityKind, Reference, ReferenceKind};
use crate::span::Span;

/// How many sentences back a pronoun may find its referent.
const LOOK_BACK: usize = 3;

/// Longest description looked at after "the", in tokens.
const MAX_TITLE_TOKENS: usize = 6;

/// What a pronoun or description needs to know about each entity.
struct Facts {
    /// Gender from a first name, honorific or gendered title.
    gender: Vec<Option<Gender>>,
    /// Role words, lower case, "of" left out.
    role_words: Vec<FastSet<String>>,
    /// Entities with a role, by each word of the role.
    by_role_word: FastMap<String, Vec<usize>>,
    /// Entities whose role is a head of state or government.
    leaders: Vec<usize>,
}

impl Facts {
    fn new(doc: &Document, named: &[Named], owner: &[usize], entities: &[Entity]) -> Self {
        let lex = lexicon();
        let mut gender = vec![None; entities.len()];
        let mut role_words = vec![FastSet::default(); entities.len()];
        let mut by_role_word: FastMap<String, Vec<usize>> = FastMap::default();
        let mut leaders = Vec::new();
        for (e, entity) in entities.iter().enumerate() {
            let first_name = || {
                let first = entity.name.split_whitespace().next().unwrap_or("");
                lex.gender_of(first)
            };
            // Most entities have no role: only a first name can tell.
            let Some(role) = entity.role.as_deref() else {
                if entity.kind == EntityKind::Person {
                    gender[e] = first_name();
                }
                continue;
            };
            let words: FastSet<String> = role
                .split_whitespace()
                .map(|w| normalize(w).into_owned())
                .filter(|w| w != "of")
                .collect();
            if entity.kind == EntityKind::Person {
                gender[e] = first_name().or_else(|| words.iter().find_map(|w| lex.gender(w)));
            }
            for word in &words {
                by_role_word.entry(word.clone()).or_default().push(e);
            }
            if words.iter().any(|w| lex.is_leader(w)) || names_prime_minister(role) {
                leaders.push(e);
            }
            role_words[e] = words;
        }
        for (n, &e) in named.iter().zip(owner) {
            if entities[e].kind != EntityKind::Person || gender[e].is_some() {
                continue;
            }
            // "Mr Cook", "Mrs. May": the word before, past an abbreviation dot.
            let mut before = n.first.checked_sub(1);
            if before.is_some_and(|i| i > 0 && doc.token_text(i) == ".") {
                before = before.map(|i| i - 1);
            }
            if let Some(g) = before.and_then(|i| lex.gender_of(doc.token_text(i))) {
                gender[e] = Some(g);
            }
        }
        Self {
            gender,
            role_words,
            by_role_word,
            leaders,
        }
    }

    /// Whether any entity has a role a description could match.
    fn has_roles(&self) -> bool {
        !self.by_role_word.is_empty() || !self.leaders.is_empty()
    }
}

/// Whether a role says "prime minister" in any case. No letter beyond ASCII
/// lowers to one of its letters followed by the next, so comparing ASCII
/// bytes answers as lowering the role would, without a copy or a searcher.
pub(super) fn names_prime_minister(role: &str) -> bool {
    const PRIME_MINISTER: &[u8] = b"prime minister";
    role.as_bytes()
        .windows(PRIME_MINISTER.len())
        .any(|w| w.eq_ignore_ascii_case(PRIME_MINISTER))
}

/// Find every pronoun and description that refers to an entity and add it to
/// that entity's references.
pub(super) fn find(doc: &Document, named: &[Named], owner: &[usize], entities: &mut [Entity]) {
    let lex = lexicon();
    let facts = Facts::new(doc, named, owner, entities);
    let mut found: Vec<(usize, Reference)> = Vec::new();
    let mut window = Vec::new();
    let mut paragraph = usize::MAX;
    let mut quoted = false;
    let bytes = doc.text.as_bytes();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph;
            quoted = false;
        }
        let tokens = doc.tokens.get(sentence.tokens.clone()).unwrap_or_default();
        for (t, &token) in sentence.tokens.clone().zip(tokens) {
            // Most tokens fail on their first two bytes, words or not; testing
            // those before the kind spares a branch that goes either way.
            if !lex.may_start_reference(bytes, token.span.start) {
                continue;
            }
            match token.kind {
                TokenKind::Word if !quoted => {}
                TokenKind::Quote => {
                    quoted = quote_state(doc.token_text(t), quoted);
                    continue;
                }
                _ => continue,
            }
            let text = doc.token_text(t);
            if !may_refer(text) {
                continue;
            }
            // "the" is the commonest word here and no pronoun; a description
            // after it can only match a role, and many articles give none.
            let the = text.eq_ignore_ascii_case("the");
            if the && !facts.has_roles() {
                continue;
            }
            let lower = if the {
                Word::Borrowed("the")
            } else {
                normalize(text)
            };
            let named_here = |at: usize| named.binary_search_by_key(&at, |n| n.span.start).is_ok();
            let pronoun_class = if the { None } else { lex.pronoun(&lower) };
            let target = if let Some(class) = pronoun_class {
                if named_here(token.span.start) {
                    continue;
                }
                pronoun(
                    doc,
                    named,
                    owner,
                    entities,
                    &facts,
                    s,
                    token.span.start,
                    class,
                    &mut window,
                )
                .map(|e| {
                    // "He's" refers with "He".
                    let end = token.span.end - possessive_len(text);
                    (e, Span::new(token.span.start, end), ReferenceKind::Pronoun)
                })
            } else if lower == "the" {
                // "the Foreign Ministry" tagged as a name is a mention.
                let next = doc.tokens.get(t + 1).map_or(usize::MAX, |n| n.span.start);
                let covering = named
                    .binary_search_by_key(&next, |n| n.span.start)
                    .ok()
                    .map(|i| named[i].span.end);
                title(doc, entities, &facts, t, sentence.tokens.end)
                    .filter(|(_, span)| covering.is_none_or(|end| end < span.end))
                    .map(|(e, span)| (e, span, ReferenceKind::Title))
            } else {
                None
            };
            if let Some((e, span, kind)) = target {
                found.push((e, Reference { span, kind }));
            }
        }
    }
    for (e, reference) in found {
        entities[e].references.push(reference);
    }
}

/// Whether a word can be a pronoun or "the": a cheap test that spares
/// looking up every word of the article.
fn may_refer(text: &str) -> bool {
    text.eq_ignore_ascii_case("the") || lexicon().may_be_pronoun(text)
}

/// Whether the text is inside a quotation after quote mark `mark`.
fn quote_state(mark: &str, quoted: bool) -> bool {
    match mark {
        "\"" => !quoted,
        "\u{201C}" | "\u{00AB}" | "\u{201E}" => true,
        "\u{201D}" | "\u{00BB}" => false,
        _ => quoted,
    }
}

/// Distinct entities named in sentence `s` before byte `before`, each with
/// whether every mention of it there is a possessive ("Kim's"), into `out`.
fn named_in(
    doc: &Document,
    named: &[Named],
    owner: &[usize],
    s: usize,
    before: usize,
    out: &mut Vec<(usize, bool)>,
) {
    out.clear();
    let span = doc.sentences[s].span;
    let from = named.partition_point(|n| n.span.start < span.start);
    for (n, &e) in named[from..].iter().zip(&owner[from..]) {
        if n.span.start >= before.min(span.end) {
            break;
        }
        match out.iter_mut().find(|(seen, _)| *seen == e) {
            Some((_, possessive)) => *possessive &= n.possessive,
            None => out.push((e, n.possessive)),
        }
    }
}

/// The one item of `items`, if it has exactly one.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// The entity a pronoun at byte `at` of sentence `s` stands for, when clear;
/// `window` is scratch space, reused from one pronoun to the next.
#[allow(clippy::too_many_arguments)]
fn pronoun(
    doc: &Document,
    named: &[Named],
    owner: &[usize],
    entities: &[Entity],
    facts: &Facts,
    s: usize,
    at: usize,
    class: PronounClass,
    window: &mut Vec<(usize, bool)>,
) -> Option<usize> {
    let fits = |e: usize| match class {
        PronounClass::Person(g) => {
            entities[e].kind == EntityKind::Person && facts.gender[e].is_none_or(|h| h == g)
        }
        PronounClass::Plural => entities[e].kind == EntityKind::Organization,
    };
    named_in(doc, named, owner, s, at, window);
    let mut in_sentence = true;
    // Nothing named yet in this sentence: the last sentence that names a
    // possible referent, a few back at most.
    for back in 1..=LOOK_BACK.min(s) {
        if window.iter().any(|(e, _)| fits(*e)) {
            break;
        }
        named_in(doc, named, owner, s - back, usize::MAX, window);
        in_sentence = false;
    }
    if let PronounClass::Plural = class {
        return match window.as_slice() {
            [(e, _)] if fits(*e) => Some(*e),
            _ => None,
        };
    }
    let candidates = || window.iter().copied().filter(|(e, _)| fits(*e));
    match candidates().count() {
        0 => None,
        1 => candidates().next().map(|(e, _)| e),
        // One woman known as such beats people of unknown gender for "she";
        // for "he" unknown names are as likely men, so knowing proves nothing.
        _ => only(candidates().filter(|(e, _)| facts.gender[*e] == Some(Gender::Female)))
            .map(|(e, _)| e)
            .or_else(|| {
                if in_sentence {
                    only(candidates().filter(|(_, possessive)| !possessive)).map(|(e, _)| e)
                } else {
                    window
                        .first()
                        .filter(|(e, possessive)| !possessive && fits(*e))
                        .map(|(e, _)| *e)
                }
            }),
    }
}

/// A description after "the" at token `the` ("the Russian leader") that
/// matches one entity's role, with its span.
fn title(
    doc: &Document,
    entities: &[Entity],
    facts: &Facts,
    the: usize,
    ceiling: usize,
) -> Option<(usize, Span)> {
    let lex = lexicon();
    let mut end = None;
    let mut index = the + 1;
    while index < ceiling && index - the <= MAX_TITLE_TOKENS {
        if doc.tokens[index].kind != TokenKind::Word {
            break;
        }
        let text = doc.token_text(index);
        let class = lex.class_of(text);
        let of = is_of(text);
        let joins = of
            && end.is_some()
            && doc
                .tokens
                .get(index + 1)
                .is_some_and(|_| index + 1 < ceiling)
            && roles::capitalised(doc.token_text(index + 1));
        let allowed = joins || (!class.stop() && (roles::capitalised(text) || class.modifier()));
        if !allowed {
            break;
        }
        let title_end =
            class.head() || (class.multi_end() && roles::ends_title(doc, the + 1, index));
        if !of && title_end {
            end = Some(index);
        }
        // "the Russian leader's visit": the description ends at the owner.
        if possessive_len(text) > 0 || is_clitic(doc, index + 1) {
            break;
        }
        index += 1;
    }
    let end = end?;
    let after = end + 1;
    if after < ceiling
        && doc.tokens[after].kind == TokenKind::Word
        && roles::capitalised(doc.token_text(after))
    {
        return None;
    }
    let words: Vec<Word> = (the + 1..=end)
        .map(|i| normalize(doc.token_text(i)))
        .filter(|w| *w != "of")
        .collect();
    let (head, modifiers) = words.split_last()?;
    let start = doc.tokens[the].span.start;
    let mut candidates: Vec<usize> = facts.by_role_word.get(&**head).cloned().unwrap_or_default();
    if lex.is_leader(head) {
        candidates.extend(&facts.leaders);
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for e in candidates {
        let role = &facts.role_words[e];
        let mentioned = entities[e]
            .mentions
            .first()
            .is_some_and(|m| m.start < start);
        if !mentioned || !modifiers.iter().all(|m| role.contains(&**m)) {
            continue;
        }
        let score = modifiers.len() + if role.contains(&**head) { 2 } else { 1 };
        match best {
            Some((_, s)) if s > score => {}
            Some((_, s)) if s == score => tied = true,
            _ => {
                best = Some((e, score));
                tied = false;
            }
        }
    }
    let (e, _) = best.filter(|_| !tied)?;
    let last = doc.tokens[end].span;
    let cut = possessive_len(last.of(doc.text));
    Some((e, Span::new(start, last.end - cut)))
}
