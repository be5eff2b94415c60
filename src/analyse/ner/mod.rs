//! Name mentions: which spans of the text name a person, organisation or place.
//!
//! A greedy left-to-right averaged-perceptron tagger over BIO labels, with
//! hashed sparse features (word, affixes, shape, neighbours, gazetteers, word
//! classes learned from unlabeled news, the line's capitalisation — headline,
//! capitals, Title Case — and how the same word is written elsewhere in the
//! document). A second pass adds, to the
//! first pass's scores, evidence from how the first pass labelled the same
//! word across the whole document. Lower-case words, numbers and function
//! words that would have to start a name are never scored, which keeps the
//! tagger fast. Weights are trained by `examples/train_ner.rs` and embedded.
//!
//! | module | holds |
//! |---|---|
//! | [`features`] | per-token facts and feature templates |
//! | [`gazetteer`] | embedded lists of places, first names, demonyms, organisation words |
//! | [`clusters`] | word classes and capitalisation learned from unlabeled news |
//! | [`model`] | the weights and their file format |
//! | [`table`] | the branch-free hash table the weights, classes and lists live in |
//! | [`learn`] | training (used by the example, not at run time) |
//! | [`hash`] | allocation-free hashing of words and features |

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod learn;
pub mod model;
pub mod table;

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::text::{Document, Token, TokenKind};
use super::{EntityKind, Mention};
use crate::span::Span;
use features::{
    F_BREAK, F_CANDIDATE, F_CAP, F_CAPS_LINE, F_FIRST_NAME, F_HEADLINE, F_INNER_CAP, F_NUMBER,
    F_PLACE_B, F_PLACE_HEAD, F_PLACE_I, F_SENT_START, F_STOP, F_TITLE_LINE, TokenInfo,
};

const CAPITALISED: features::Flags = F_CAP | F_INNER_CAP;
use model::{Model, Models};

/// Number of BIO labels: O, then B and I for person, organisation, place, other.
pub const LABELS: usize = 9;

/// The label of a token outside any name.
pub const OUTSIDE: u8 = 0;

/// The labels that begin and continue a person's name.
const PERSON: u8 = 1;
const PERSON_INSIDE: u8 = 2;

/// The labels that begin and continue an organisation.
const ORG: u8 = 3;
const ORG_INSIDE: u8 = 4;

/// The label that begins a place.
const PLACE: u8 = 5;

/// The kinds in label order: label `2k + 1` begins kind `k`, `2k + 2` continues it.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Other,
];

/// Whether `label` may follow `prev` (an inside label only continues its own kind).
#[inline]
pub fn allowed(prev: u8, label: u8) -> bool {
    (label == OUTSIDE) | (label % 2 == 1) | (prev == label) | (prev + 1 == label)
}

/// Every name mention in the document, in text order.
pub fn tag(doc: &Document) -> Vec<Mention> {
    tag_with(Models::get(), doc)
}

/// [`tag`] with other weights (the training example scores fresh ones).
pub fn tag_with(models: &Models, doc: &Document) -> Vec<Mention> {
    // The tagger reads possessives as tokens of their own ("Israel" + "'s").
    match doc.possessives_split() {
        Some(split) => tag_cut(models, &split),
        None => tag_cut(models, doc),
    }
}

/// [`tag`] on a document already cut as the tagger reads it.
fn tag_cut(models: &Models, doc: &Document) -> Vec<Mention> {
    if models.first.is_empty() {
        return Vec::new();
    }
    let infos = features::token_infos(doc);
    let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let mut labels = vec![OUTSIDE; infos.len()];
    let topic = features::topic(doc, &infos);
    let mut emissions = Emissions::new(&models.first, doc.text, &doc.tokens, &infos, topic);
    for range in &sentences {
        greedy(&infos, range, &mut labels, |i, prev, prev2| {
            let mut scores = emissions.get(range, i);
            add_history(&models.first, &infos[i], prev, prev2, &mut scores);
            scores
        });
    }
    if !models.second.is_empty() {
        let first = labels.clone();
        let votes = features::Votes::new(&infos, &sentences, &first);
        for range in &sentences {
            greedy(&infos, range, &mut labels, |i, prev, prev2| {
                let mut scores = emissions.get(range, i);
                let stack = votes.stack(&infos, range, &first, i);
                let second = &models.second;
                second.add_sum(&second.tables().stacked(&stack), &mut scores);
                add_history(second, &infos[i], prev, prev2, &mut scores);
                scores
            });
        }
    }
    keep_places_whole(&infos, &mut labels);
    for range in &sentences {
        // Line flags are the same for every token of a sentence.
        if infos[range.start].flags & (F_HEADLINE | F_CAPS_LINE | F_TITLE_LINE) != 0 {
            lower_words_out(&infos, &mut labels[..range.end], range.start);
        }
    }
    name_places(&infos, &mut labels);
    // After the rules above, which may cut a name short ("Kansai Electric
    // Power and" before the place "Kansai International Airport").
    trim(&infos, &mut labels);
    club_letters(doc, &mut labels);
    join_dotted_abbreviations(doc, &mut labels);
    month_surnames(doc, &infos, &mut labels);
    mentions(doc, &labels)
}

/// The first model's label-independent scores of each token of a text,
/// computed once and shared by both passes.
pub struct Emissions<'m> {
    model: &'m Model,
    text: &'m str,
    tokens: &'m [Token],
    infos: &'m [TokenInfo],
    /// The document's section words (see [`features::topic`]).
    topic: u64,
    /// Per token, where its scores are in `scores` (`NONE`: not yet scored).
    index: Vec<u32>,
    scores: Vec<[f32; LABELS]>,
    buffer: Vec<u64>,
}

/// An [`Emissions`] index for a token not scored yet.
const NONE: u32 = u32::MAX;

impl<'m> Emissions<'m> {
    /// Nothing computed yet for the `tokens` of `text`, described by
    /// `infos`, in a story about `topic` (see [`features::topic`]).
    pub fn new(
        model: &'m Model,
        text: &'m str,
        tokens: &'m [Token],
        infos: &'m [TokenInfo],
        topic: u64,
    ) -> Self {
        Emissions {
            model,
            text,
            tokens,
            infos,
            topic,
            index: vec![NONE; infos.len()],
            scores: Vec::new(),
            // Room for every static feature of a token.
            buffer: Vec::with_capacity(40),
        }
    }

    /// The static scores of token `i` in the sentence `range`.
    pub fn get(&mut self, range: &Range<usize>, i: usize) -> [f32; LABELS] {
        if let Some(scores) = self.scores.get(self.index[i] as usize) {
            return *scores;
        }
        self.buffer.clear();
        let word = self.tokens[i].span.of(self.text);
        let flags =
            features::static_features(self.infos, range, i, word, self.topic, &mut self.buffer);
        let mut sum = self.model.sum_of(&self.buffer);
        self.model.flag_tables().add(&flags, &mut sum);
        let mut scores = [0.0; LABELS];
        self.model.add_sum(&sum, &mut scores);
        self.index[i] = self.scores.len() as u32;
        self.scores.push(scores);
        scores
    }
}

/// Add the scores of the features that look at the two labels before: the
/// label-only ones by value from the model's tables, the one with the word
/// hashed.
#[inline]
pub fn add_history(
    model: &Model,
    info: &TokenInfo,
    prev: u8,
    prev2: u8,
    scores: &mut [f32; LABELS],
) {
    let mut sum = *model.tables().history(prev, prev2);
    model.sum_into(features::word_history(prev, info.word), &mut sum);
    model.add_sum(&sum, scores);
}

/// A name does not end in a lower-case word or a symbol ("Eagles organisation",
/// "Nortel Open in"): drop such tails. Only other names ("Apollo 13") end in
/// a number; a person, organisation or place followed by numbers is a row of
/// a results table ("Samsung 49 5 57").
fn trim(infos: &[TokenInfo], labels: &mut [u8]) {
    const OTHER_INSIDE: u8 = LABELS as u8 - 1;
    for i in (0..labels.len()).rev() {
        let inside = labels[i] != OUTSIDE && labels[i].is_multiple_of(2);
        let closes = labels.get(i + 1).is_none_or(|&n| n != labels[i]);
        let keeps = if labels[i] == OTHER_INSIDE {
            CAPITALISED | F_NUMBER
        } else {
            CAPITALISED
        };
        if inside && closes && infos[i].flags & keeps == 0 {
            labels[i] = OUTSIDE;
        }
    }
}

/// On a headline, capitals or Title Case line every word is capitalised, so
/// case tells nothing: a word that running text writes in lower case
/// ("Visits", "BEAT") neither starts nor ends a name there.
/// `labels` end with the line's sentence, which starts at `from`.
fn lower_words_out(infos: &[TokenInfo], labels: &mut [u8], from: usize) {
    let lower = |i: usize| infos[i].lower_in_running_text();
    let mut start = from;
    while start < labels.len() {
        if labels[start].is_multiple_of(2) {
            start += 1;
            continue;
        }
        let begin = labels[start];
        let mut end = start + 1;
        while end < labels.len() && labels[end] == begin + 1 {
            end += 1;
        }
        let (mut first, mut last) = (start, end);
        while first < last && lower(first) {
            labels[first] = OUTSIDE;
            first += 1;
        }
        while last > first && lower(last - 1) {
            labels[last - 1] = OUTSIDE;
            last -= 1;
        }
        if first < last {
            labels[first] = begin;
        }
        start = end;
    }
}

/// A known place's name that a name before it swallowed the start of
/// ("Visits North" + "Korea") is a place from its start.
fn keep_places_whole(infos: &[TokenInfo], labels: &mut [u8]) {
    for i in 0..labels.len().saturating_sub(1) {
        if infos[i].flags & F_PLACE_B == 0 || infos[i + 1].flags & F_PLACE_I == 0 {
            continue;
        }
        let cut = !matches!(labels[i], OUTSIDE | PLACE)
            && labels[i] != PLACE + 1
            && matches!(labels[i + 1], OUTSIDE | PLACE);
        if cut {
            labels[i] = PLACE;
            let mut k = i + 1;
            while k < labels.len() && infos[k].flags & F_PLACE_I != 0 {
                labels[k] = PLACE + 1;
                k += 1;
            }
        }
    }
}

/// Tokens that are outside any name without asking the model: breaking
/// punctuation, and lower-case words, numbers or function words ("The",
/// "But") that would have to start one.
#[inline]
pub fn skipped(flags: features::Flags, prev: u8) -> bool {
    // One branch on the result, none on its parts.
    (flags & F_BREAK != 0)
        | (prev == OUTSIDE) & ((flags & F_CANDIDATE == 0) | (flags & F_STOP != 0))
}

/// Label the tokens of one sentence greedily, left to right; `score` gives
/// every label's score for token `i` after the labels `prev2`, `prev`.
pub fn greedy(
    infos: &[TokenInfo],
    range: &Range<usize>,
    labels: &mut [u8],
    mut score: impl FnMut(usize, u8, u8) -> [f32; LABELS],
) {
    let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
    for i in range.clone() {
        let label = if skipped(infos[i].flags, prev) {
            OUTSIDE
        } else {
            best(&score(i, prev, prev2), prev)
        };
        labels[i] = label;
        (prev2, prev) = (prev, label);
    }
}

/// The best label allowed after `prev`.
#[inline]
pub fn best(scores: &[f32; LABELS], prev: u8) -> u8 {
    // A knock-out between neighbours rather than a scan, so that the
    // comparisons do not wait on one another; the left one, the lower
    // label, wins a tie, as the first best would in a scan.
    let entries: [(f32, u8); LABELS] = std::array::from_fn(|label| {
        let label = label as u8;
        let score = if allowed(prev, label) {
            scores[usize::from(label)]
        } else {
            f32::NEG_INFINITY
        };
        (score, label)
    });
    let pick = |a: (f32, u8), b: (f32, u8)| if b.0 > a.0 { b } else { a };
    let [l0, l1, l2, l3, l4, l5, l6, l7, l8] = entries;
    let low = pick(pick(l0, l1), pick(l2, l3));
    let high = pick(pick(l4, l5), pick(l6, l7));
    pick(pick(low, high), l8).1
}

/// "Kim Il Sung Square", "Grace Road": a run of capitalised words ending in a
/// place word ("Square", "Street") is a place, whatever the words before it name.
/// (Sentence starts and function words end the run; a following capitalised
/// word means the place word is part of a longer name.)
fn name_places(infos: &[TokenInfo], labels: &mut [u8]) {
    let named = |t: &TokenInfo| t.flags & CAPITALISED != 0 && t.flags & F_STOP == 0;
    for head in 1..infos.len() {
        let flags = infos[head].flags;
        if flags & F_PLACE_HEAD == 0 || flags & F_CAP == 0 || flags & F_SENT_START != 0 {
            continue;
        }
        // "Wall Street Journal" names a newspaper, not a street.
        if infos
            .get(head + 1)
            .is_some_and(|t| t.flags & CAPITALISED != 0)
        {
            continue;
        }
        let mut start = head;
        while start > 0 && named(&infos[start - 1]) && infos[start].flags & F_SENT_START == 0 {
            start -= 1;
        }
        if start == head {
            continue;
        }
        labels[start] = PLACE;
        for label in &mut labels[start + 1..=head] {
            *label = PLACE + 1;
        }
        let mut next = head + 1;
        while next < labels.len() && labels[next] != OUTSIDE && labels[next].is_multiple_of(2) {
            labels[next] = PLACE + 1;
            next += 1;
        }
    }
}

/// "Mladost (L) 4 2 1 1": in results tables, clubs that share a name carry
/// their town's initials in brackets, which belong to the club's name.
/// Only after an organisation, and only where a score, a dash or the end of
/// the line follows, so that an acronym in brackets ("Commission (EC)")
/// stays a name of its own.
fn club_letters(doc: &Document, labels: &mut [u8]) {
    let text = |i: usize| doc.token_text(i);
    for s in &doc.sentences {
        let range = s.tokens.clone();
        for open in range.start + 1..range.end.saturating_sub(2) {
            let close = open + 2;
            if !matches!(labels[open - 1], ORG | ORG_INSIDE)
                || text(open) != "("
                || text(close) != ")"
            {
                continue;
            }
            let letters = text(open + 1);
            let initials =
                (1..=2).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase());
            let next = close + 1;
            let table = next == range.end
                || doc.tokens[next].kind == TokenKind::Number
                || text(next) == "-";
            if initials && table && doc.tokens[open - 1].span.end + 1 == doc.tokens[open].span.start
            {
                labels[open..=close].fill(ORG_INSIDE);
            }
        }
    }
}

/// "U.S. Treasury", "U.N. Security Council": a dotted abbreviation
/// labelled as a name of its own right before an organisation is the start
/// of that organisation's name (a greedy tagger decides on "U.S." before it
/// sees what follows).
fn join_dotted_abbreviations(doc: &Document, labels: &mut [u8]) {
    for i in 0..labels.len().saturating_sub(1) {
        let alone = matches!(labels[i], ORG | PLACE) && labels[i + 1] == ORG;
        if !alone {
            continue;
        }
        let word = doc.token_text(i);
        let dotted = word.len() <= 6
            && word.ends_with('.')
            && word.contains(|c: char| c.is_ascii_uppercase())
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if dotted {
            labels[i] = ORG;
            labels[i + 1] = ORG_INSIDE;
        }
    }
}

/// "Theresa May", "Brian May": a month name right after a person's first
/// name is the surname, unless a number follows ("May 2005") or the line is
/// a headline, where Title Case makes a capital of the verb ("Kim May Visit").
fn month_surnames(doc: &Document, infos: &[TokenInfo], labels: &mut [u8]) {
    let lines = F_HEADLINE | F_CAPS_LINE | F_TITLE_LINE;
    for i in 0..labels.len().saturating_sub(1) {
        let (name, next) = (infos[i].flags, infos[i + 1].flags);
        let candidate = matches!(labels[i], PERSON | PERSON_INSIDE)
            && labels[i + 1] == OUTSIDE
            && name & F_FIRST_NAME != 0
            && next & F_CAP != 0
            && name & lines == 0
            && doc.tokens[i].span.end + 1 == doc.tokens[i + 1].span.start;
        if !candidate || !super::events::is_month(doc.token_text(i + 1)) {
            continue;
        }
        let numbered = doc
            .tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Number);
        if !numbered {
            labels[i + 1] = PERSON_INSIDE;
        }
    }
}

/// Turn BIO labels into mentions.
fn mentions(doc: &Document, labels: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &label) in labels.iter().enumerate() {
        let continues = matches!(open, Some((_, b)) if label == b + 1);
        if !continues {
            if let Some((start, b)) = open.take() {
                out.push(mention(doc, start, i, b));
            }
            if label % 2 == 1 {
                open = Some((i, label));
            }
        }
    }
    if let Some((start, b)) = open {
        out.push(mention(doc, start, labels.len(), b));
    }
    out
}

fn mention(doc: &Document, start: usize, end: usize, begin_label: u8) -> Mention {
    let last = doc.tokens[end - 1].span;
    // "Acme Corp., a maker of", "Sacramento, Calif., said": the abbreviation's
    // full stop is part of the name, unless it also ends the sentence
    // ("... said Acme Corp."), where it is the sentence's.
    let stop = doc
        .tokens
        .get(end)
        .filter(|t| t.span.start == last.end && t.span.of(doc.text) == ".")
        .filter(|_| ends_with_abbreviation(last.of(doc.text)))
        .filter(|_| !ends_sentence(doc, end));
    Mention {
        span: Span::new(
            doc.tokens[start].span.start,
            stop.map_or(last.end, |t| t.span.end),
        ),
        kind: KINDS[usize::from(begin_label / 2)],
    }
}

/// Whether token `i` is the last of its sentence but for closing quotes and brackets.
fn ends_sentence(doc: &Document, i: usize) -> bool {
    let s = doc.sentences.partition_point(|s| s.tokens.end <= i);
    doc.sentences.get(s).is_some_and(|s| {
        (i + 1..s.tokens.end).all(|k| {
            doc.tokens[k].kind == TokenKind::Quote || matches!(doc.token_text(k), ")" | "]")
        })
    })
}

/// Whether `word` is an abbreviation that ends names when a full stop
/// follows it: company forms, "Jr", US states as newswire writes them.
pub fn ends_with_abbreviation(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Ala", "Ariz", "Ark", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Del", "Fla", "Ga",
        "Ill", "Inc", "Ind", "Jr", "Kan", "Ky", "Ltd", "Mass", "Md", "Mich", "Minn", "Mo", "Mont",
        "Neb", "Nev", "Okla", "Ore", "Pa", "Sr", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    ];
    WORDS.contains(&word)
}
