//! Related stories: for each story, the others of the briefing ranked by how
//! much they are about the same thing.
//!
//! A score mixes three cosines:
//!
//! | part | vector | weight |
//! |---|---|---|
//! | words | content words, BM25 tf (saturating, length-normalised) × idf, sparse | 1 − [`LATENT_WEIGHT`] |
//! | topics | the same words in [`LATENT_DIMS`] latent topics ([`Latent`], LSA) | [`LATENT_WEIGHT`] |
//! | actors | shared actors (merged by [`ActorIndex`]) weighted by salience | [`ACTOR_WEIGHT`] |
//!
//! The words say what a story is about exactly; the topics forgive different
//! words for the same subject ("striker" and "goalkeeper") and weigh a shared
//! word by the company it keeps, not by its rarity alone.
//!
//! Ranking takes two passes. The first scores each story's candidates with
//! those cosines. The second asks the story's [`FEEDBACK`] best neighbours
//! too (pseudo-relevance feedback): its text vector plus theirs, each by its
//! first-pass score (in words and in topics), is the query that scores the story's candidates and its
//! neighbours' best again — stories that the neighbourhood agrees on rise,
//! ones that share a single rare word with the story sink.
//!
//! A third pass reorders each list by how far the two stories' neighbourhoods
//! agree: the mean of the score each gives the other (0 when the other's list
//! leaves it out: reciprocal nearest neighbours), less the candidate's mean
//! score over its own list (hubness: a story close to everything says little
//! by being close to this one), plus [`SHARED_NEIGHBOURS`] times the share of
//! the two lists they have in common. Scores shown stay each story's own,
//! capped by the one above so the list reads best first.
//!
//! Exact duplicates score 1.0 and come first. To stay far from quadratic at
//! tens of thousands of stories, each story queries an inverted index with its
//! [`QUERY_TERMS`] heaviest words only, skips words in more than
//! 1/[`COMMON_SHARE`] of the stories, walks at most [`POSTING_CAP`] postings
//! a word (heaviest first), and scores exactly only its [`CANDIDATES`] best
//! candidates.

use std::collections::HashMap;

use rayon::prelude::*;

use super::actors::{ActorIndex, name_key};
use super::latent::Latent;
use super::terms::{for_each_term, term_hash};
use super::vectors::{SparseVector, Vocabulary, cosine};
use crate::analyse::EntityKind;
use crate::story::Story;

/// How many related stories each story keeps.
pub const MAX_RELATED: usize = 10;
/// Heaviest words of a story that look up candidates.
pub const QUERY_TERMS: usize = 32;
/// Postings walked per query word, heaviest first.
pub const POSTING_CAP: usize = 300;
/// Words in more than one story in this many (and more than
/// [`POSTING_CAP`] stories) find no candidates: they would find everything.
pub const COMMON_SHARE: usize = 10;
/// Candidates scored exactly per story.
pub const CANDIDATES: usize = 40;
/// Weight of the shared-actor cosine against the text cosine's 1. Small: the
/// text already holds the names, and a story naming one place would
/// otherwise match every story naming only that place.
pub const ACTOR_WEIGHT: f32 = 0.03;
/// Latent topics of the text (see [`Latent`]).
pub const LATENT_DIMS: usize = 64;
/// Share of the text score that the latent topics give, the rest coming
/// from the words themselves.
pub const LATENT_WEIGHT: f32 = 0.3;
/// Best first-pass neighbours whose text joins a story's query.
pub const FEEDBACK: usize = 3;
/// Weight of the share of two stories' related lists they have in common
/// (shared nearest neighbours) in the third pass.
pub const SHARED_NEIGHBOURS: f32 = 0.1;
/// The best score of stories that are not exact duplicates.
const BELOW_DUPLICATE: f32 = 0.999;

/// Fill `Story::related` of every story, best first, scores in [0, 1]. Reads
/// each story's text and entities, nothing else of its analysis. Returns how
/// rare each word is in the briefing, for [`reason`].
pub fn relate(stories: &mut [Story]) -> Rarity {
    let (related, rarity) = rank_all(stories);
    for (story, related) in stories.iter_mut().zip(related) {
        story.related = related;
    }
    rarity
}

/// How rare each word is across a briefing: the word two stories share that
/// says most about why they are related is a rare one ("treaty"), not a
/// common one ("government").
#[derive(Debug, Clone, Default)]
pub struct Rarity {
    /// Word hashes, ascending.
    hashes: Vec<u64>,
    /// Stories using each word.
    df: Vec<u32>,
    /// Stories in the briefing.
    stories: usize,
}

impl Rarity {
    /// The idf of `term`, ln((1 + N) / (1 + df)) + 1. Before the briefing is
    /// counted (no stories), longer words count as rarer.
    fn weight(&self, term: &str) -> f32 {
        if self.stories == 0 {
            return (term.chars().count().min(10) as f32).ln();
        }
        let df = self
            .hashes
            .binary_search(&term_hash(term))
            .map_or(0, |id| self.df[id]);
        ((1.0 + self.stories as f32) / (1.0 + df as f32)).ln() + 1.0
    }
}

/// For each story, up to [`MAX_RELATED`] others as (index, score), best
/// first, ties by index; and how rare each word is.
pub fn rank_all(stories: &[Story]) -> (Vec<Vec<(usize, f32)>>, Rarity) {
    let n = stories.len();
    if n < 2 {
        return (vec![Vec::new(); n], Rarity::default());
    }
    let text = Vocabulary::build(stories.par_iter().map(text_counts).collect());
    let actors = actor_vectors(stories);
    let postings = text.postings(POSTING_CAP, (n / COMMON_SHARE).max(POSTING_CAP));
    let duplicates = duplicate_groups(stories);
    let twins_of = |i: usize| duplicates.get(&i).map(Vec::as_slice).unwrap_or(&[]);
    let features = text.df.len();
    let latent = Latent::build(&text.vectors, features, LATENT_DIMS);
    let parts = Parts {
        text: &text.vectors,
        actors: &actors,
    };

    // First pass: candidates from the inverted index, scored exactly.
    let first: Vec<FirstPass> = (0..n)
        .into_par_iter()
        .map_init(
            || (Accumulator::new(n), Query::new(features, &latent)),
            |(acc, query), i| {
                for (term, weight) in text.vectors[i].heaviest(QUERY_TERMS) {
                    for &(other, w) in &postings[term as usize] {
                        acc.add(other as usize, weight * w);
                    }
                }
                let twins = twins_of(i);
                let candidates: Vec<u32> = acc
                    .take_best(CANDIDATES, i)
                    .into_iter()
                    .filter(|j| !twins.contains(j))
                    .map(|j| j as u32)
                    .collect();
                query.set(&text.vectors, &[(i, 1.0)]);
                let mut best: Vec<(usize, f32)> = candidates
                    .iter()
                    .map(|&j| (j as usize, parts.score(i, j as usize, query)))
                    .filter(|&(_, score)| score > 0.0)
                    .collect();
                query.clear();
                sort_best_first(&mut best);
                best.truncate(MAX_RELATED);
                FirstPass { candidates, best }
            },
        )
        .collect();

    // Second pass: the story and its best neighbours query together.
    let second: Vec<Vec<(usize, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || Query::new(features, &latent),
            |query, i| {
                let twins = twins_of(i);
                let mut pool: Vec<u32> = first[i].candidates.clone();
                let mut sources = vec![(i, 1.0)];
                for &(neighbour, score) in first[i].best.iter().take(FEEDBACK) {
                    sources.push((neighbour, score));
                    pool.extend(first[neighbour].best.iter().map(|&(j, _)| j as u32));
                }
                pool.sort_unstable();
                pool.dedup();
                query.set(&text.vectors, &sources);
                let mut scored: Vec<(usize, f32)> = twins.iter().map(|&j| (j, 1.0)).collect();
                scored.extend(
                    pool.into_iter()
                        .map(|j| j as usize)
                        .filter(|&j| j != i && !twins.contains(&j))
                        .map(|j| (j, parts.score(i, j, query)))
                        .filter(|&(_, score)| score > 0.0),
                );
                query.clear();
                sort_best_first(&mut scored);
                scored.truncate(MAX_RELATED);
                scored
            },
        )
        .collect();

    // Third pass: reorder each list by how far the neighbourhoods agree.
    let twin = |i: usize, j: usize| twins_of(i).contains(&j);
    let hubness: Vec<f32> = (0..n)
        .map(|j| {
            let scores: Vec<f32> = second[j]
                .iter()
                .filter(|&&(k, _)| !twin(j, k))
                .map(|&(_, s)| s)
                .collect();
            scores.iter().sum::<f32>() / scores.len().max(1) as f32
        })
        .collect();
    let lists = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut order: Vec<(usize, f32)> = second[i]
                .iter()
                .map(|&(j, score)| {
                    if twin(i, j) {
                        return (j, f32::INFINITY);
                    }
                    let back = second[j]
                        .iter()
                        .find(|&&(k, _)| k == i)
                        .map_or(0.0, |&(_, s)| s);
                    let shared = second[i]
                        .iter()
                        .filter(|&&(k, _)| second[j].iter().any(|&(l, _)| l == k))
                        .count() as f32
                        / second[i].len() as f32;
                    let agreement = (score + back) / 2.0 - hubness[j] + SHARED_NEIGHBOURS * shared;
                    (j, agreement)
                })
                .collect();
            sort_best_first(&mut order);
            // Shown: the story's own score, capped by the one above it.
            let mut cap = 1.0_f32;
            order
                .into_iter()
                .map(|(j, _)| {
                    let own = second[i]
                        .iter()
                        .find(|&&(k, _)| k == j)
                        .map_or(0.0, |&(_, s)| s);
                    cap = cap.min(own);
                    (j, cap)
                })
                .collect()
        })
        .collect();
    let rarity = Rarity {
        hashes: text.hashes,
        df: text.df,
        stories: n,
    };
    (lists, rarity)
}

/// What the first pass keeps of a story for the second.
struct FirstPass {
    /// Candidates from the inverted index (duplicates left out).
    candidates: Vec<u32>,
    /// The [`MAX_RELATED`] best of them with their scores, best first.
    best: Vec<(usize, f32)>,
}

/// Best first, ties by index.
fn sort_best_first(scored: &mut [(usize, f32)]) {
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// A text query written out densely over the vocabulary, so a candidate's
/// dot product with it is one look-up per word of the candidate; and the
/// same stories' sum in latent topics.
struct Query<'l> {
    weights: Vec<f32>,
    norm: f32,
    /// Word ids set in `weights`.
    ids: Vec<u32>,
    latent: &'l Latent,
    /// Unit sum of the sources' latent rows (empty without topics).
    topics: Vec<f32>,
}

impl<'l> Query<'l> {
    fn new(features: usize, latent: &'l Latent) -> Self {
        Self {
            weights: vec![0.0; features],
            norm: 0.0,
            ids: Vec::new(),
            latent,
            topics: vec![0.0; latent.dims()],
        }
    }

    /// The sum of these stories' text vectors, each times its weight, in
    /// words and in topics.
    fn set(&mut self, vectors: &[SparseVector], sources: &[(usize, f32)]) {
        for &(story, weight) in sources {
            for &(id, w) in vectors[story].entries() {
                self.weights[id as usize] += weight * w;
                self.ids.push(id);
            }
            if !self.latent.is_empty() {
                for (t, &x) in self.topics.iter_mut().zip(self.latent.row(story)) {
                    *t += weight * x;
                }
            }
        }
        self.ids.sort_unstable();
        self.ids.dedup();
        self.norm = self
            .ids
            .iter()
            .map(|&id| self.weights[id as usize].powi(2))
            .sum::<f32>()
            .sqrt();
        let norm = self.topics.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            self.topics.iter_mut().for_each(|t| *t /= norm);
        }
    }

    /// How close story `j` is in text, in [0, 1]: the cosines in words and
    /// in topics mixed by [`LATENT_WEIGHT`] (words alone without topics).
    fn cosine(&self, vectors: &[SparseVector], j: usize) -> f32 {
        let words = if self.norm > 0.0 {
            let dot: f32 = vectors[j]
                .entries()
                .iter()
                .map(|&(id, w)| self.weights[id as usize] * w)
                .sum();
            (dot / self.norm).clamp(0.0, 1.0)
        } else {
            0.0
        };
        if self.latent.is_empty() {
            return words;
        }
        let topics: f32 = self
            .topics
            .iter()
            .zip(self.latent.row(j))
            .map(|(q, x)| q * x)
            .sum();
        (1.0 - LATENT_WEIGHT) * words + LATENT_WEIGHT * topics.clamp(0.0, 1.0)
    }

    /// Back to all zeros, touching only the words set.
    fn clear(&mut self) {
        for &id in &self.ids {
            self.weights[id as usize] = 0.0;
        }
        self.ids.clear();
        self.topics.iter_mut().for_each(|t| *t = 0.0);
    }
}

/// The vectors of every story that a score mixes.
struct Parts<'v> {
    text: &'v [SparseVector],
    actors: &'v [SparseVector],
}

impl Parts<'_> {
    /// How related story `j` is to story `i` (whose text, perhaps with its
    /// neighbours', is `query`), in [0, 1) for stories that are not exact
    /// duplicates. The actor weight counts only when story `i` has actors,
    /// so one story's list is ranked on one scale.
    fn score(&self, i: usize, j: usize, query: &Query) -> f32 {
        let mut score = query.cosine(self.text, j);
        let mut total = 1.0;
        if !self.actors[i].is_empty() {
            score += ACTOR_WEIGHT * cosine(&self.actors[i], &self.actors[j]);
            total += ACTOR_WEIGHT;
        }
        (score / total).clamp(0.0, BELOW_DUPLICATE)
    }
}

/// A dense score per story, reset after each query.
struct Accumulator {
    scores: Vec<f32>,
    touched: Vec<usize>,
}

impl Accumulator {
    fn new(n: usize) -> Self {
        Self {
            scores: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, doc: usize, score: f32) {
        if self.scores[doc] == 0.0 {
            self.touched.push(doc);
        }
        self.scores[doc] += score;
    }

    /// The `k` best-scored stories other than `except`, and a clean slate.
    fn take_best(&mut self, k: usize, except: usize) -> Vec<usize> {
        let mut best: Vec<(usize, f32)> = self
            .touched
            .iter()
            .filter(|&&d| d != except)
            .map(|&d| (d, self.scores[d]))
            .collect();
        for &d in &self.touched {
            self.scores[d] = 0.0;
        }
        self.touched.clear();
        let by_score = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if best.len() > k {
            best.select_nth_unstable_by(k, by_score);
            best.truncate(k);
        }
        // Not `into_iter().collect()`: that would reuse (and keep) the
        // allocation sized for every touched story.
        best.iter().map(|&(d, _)| d).collect()
    }
}

/// Term counts of a story's text (headline line included).
fn text_counts(story: &Story) -> Vec<(u64, f32)> {
    let mut hashes: Vec<u64> = Vec::with_capacity(story.article.text.len() / 8);
    for_each_term(&story.article.text, |term| hashes.push(term_hash(term)));
    count(hashes)
}

/// (value, how often it occurs) of a list of hashes.
fn count(mut hashes: Vec<u64>) -> Vec<(u64, f32)> {
    hashes.sort_unstable();
    let mut counts: Vec<(u64, f32)> = Vec::with_capacity(hashes.len());
    for h in hashes {
        match counts.last_mut() {
            Some((last, n)) if *last == h => *n += 1.0,
            _ => counts.push((h, 1.0)),
        }
    }
    counts
}

/// Each story's people, organisations and places as a unit vector: salience
/// relative to the story's most salient actor, times how rare the actor is in
/// the briefing.
fn actor_vectors(stories: &[Story]) -> Vec<SparseVector> {
    let index = ActorIndex::build(stories);
    let n = stories.len() as f32;
    let df: Vec<f32> = index
        .actors()
        .iter()
        .map(|a| {
            let mut stories: Vec<usize> = a.appearances.iter().map(|p| p.story).collect();
            stories.dedup();
            stories.len() as f32
        })
        .collect();
    (0..stories.len())
        .into_par_iter()
        .map(|s| {
            let entities = &stories[s].analysis.entities;
            let top = entities.iter().map(|e| e.salience).fold(0.0_f32, f32::max);
            let mut weights: HashMap<u32, f32> = HashMap::new();
            for (e, entity) in entities.iter().enumerate() {
                // Nationalities, works and unknown capitalised words say little.
                if entity.kind == EntityKind::Other {
                    continue;
                }
                let Some(id) = index.actor_of(s, e) else {
                    continue;
                };
                if df[id] < 2.0 {
                    continue;
                }
                let salience = if top > 0.0 {
                    entity.salience.max(0.0) / top
                } else {
                    1.0
                };
                let idf = (1.0 + n / df[id]).ln();
                *weights.entry(id as u32).or_default() += salience * idf;
            }
            SparseVector::normalized(weights.into_iter().collect())
        })
        .collect()
}

/// Stories whose text is identical (ignoring surrounding blanks): each story
/// → the others with the same text.
fn duplicate_groups(stories: &[Story]) -> HashMap<usize, Vec<usize>> {
    let hashes: Vec<u64> = stories
        .par_iter()
        .map(|s| term_hash(s.article.text.trim()))
        .collect();
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &h) in hashes.iter().enumerate() {
        by_hash.entry(h).or_default().push(i);
    }
    let mut twins: HashMap<usize, Vec<usize>> = HashMap::new();
    for group in by_hash.values().filter(|g| g.len() > 1) {
        for &i in group {
            let same: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&j| {
                    j != i && stories[j].article.text.trim() == stories[i].article.text.trim()
                })
                .collect();
            if !same.is_empty() {
                twins.insert(i, same);
            }
        }
    }
    twins
}

/// Why two stories are related, for the reader: their two most salient
/// shared actors, then the word they share that says most, the rarest in the
/// briefing that both use most ("shares Putin, Kim Jong Un; treaty") — short
/// enough for one row of the summary pane.
/// Empty when they share nothing worth naming.
pub fn reason(a: &Story, b: &Story, rarity: &Rarity) -> String {
    let all = shared_actors(a, b, usize::MAX);
    let actors = &all[..all.len().min(2)];
    // No word of any shared actor ("north" of North Korea) is the word named.
    let actor_words: Vec<String> = all
        .iter()
        .flat_map(|name| {
            let mut words = Vec::new();
            for_each_term(name, |t| words.push(t.to_string()));
            words
        })
        .collect();
    let term = shared_term(a, b, &actor_words, rarity);
    match (actors.is_empty(), term) {
        (true, None) => String::new(),
        (true, Some(term)) => format!("shares {term}"),
        (false, None) => format!("shares {}", actors.join(", ")),
        (false, Some(term)) => format!("shares {}; {term}", actors.join(", ")),
    }
}

/// Names of actors both stories have, most salient in both first, fullest
/// spelling; a lone surname meets the full name it ends.
fn shared_actors(a: &Story, b: &Story, limit: usize) -> Vec<String> {
    fn weights(s: &Story) -> Vec<(String, f32, &str)> {
        let top = s
            .analysis
            .entities
            .iter()
            .map(|e| e.salience)
            .fold(0.0_f32, f32::max);
        s.analysis
            .entities
            .iter()
            .map(|e| {
                let w = if top > 0.0 {
                    e.salience.max(0.0) / top
                } else {
                    1.0
                };
                (name_key(&e.name), w, e.name.as_str())
            })
            .filter(|(key, _, _)| !key.is_empty())
            .collect()
    }
    let (left, right) = (weights(a), weights(b));
    let mut shared: Vec<(f32, &str)> = Vec::new();
    for (key_a, w_a, name_a) in &left {
        let best = right
            .iter()
            .filter(|(key_b, _, _)| same_actor(key_a, key_b))
            .map(|(_, w_b, name_b)| (*w_b, *name_b))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((w_b, name_b)) = best {
            let name = if name_b.len() > name_a.len() {
                name_b
            } else {
                name_a
            };
            if !shared.iter().any(|(_, n)| name_key(n) == name_key(name)) {
                shared.push((w_a + w_b, name));
            }
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    shared
        .into_iter()
        .take(limit)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// Same key, or one is a lone word that ends the other.
fn same_actor(a: &str, b: &str) -> bool {
    a == b
        || (!a.contains(' ') && b.rsplit_once(' ').is_some_and(|(_, last)| last == a))
        || (!b.contains(' ') && a.rsplit_once(' ').is_some_and(|(_, last)| last == b))
}

/// The shared word that says most: frequent in both, in a headline, long,
/// not generic news vocabulary and not part of an actor already named.
fn shared_term(a: &Story, b: &Story, skip: &[String], rarity: &Rarity) -> Option<String> {
    let counts = |s: &Story| {
        let mut counts: HashMap<String, f32> = HashMap::new();
        for_each_term(&s.article.text, |t| {
            *counts.entry(t.to_string()).or_default() += 1.0
        });
        for_each_term(&s.article.title, |t| {
            *counts.entry(t.to_string()).or_default() += 2.0
        });
        counts
    };
    let (left, right) = (counts(a), counts(b));
    left.iter()
        .filter(|(term, _)| {
            term.chars().any(char::is_alphabetic)
                && !super::terms::is_generic(term)
                && !skip.contains(term)
        })
        .filter_map(|(term, &ca)| {
            right
                .get(term)
                .map(|&cb| ((1.0 + ca.min(cb).ln()) * rarity.weight(term), term))
        })
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map(|(_, term)| term.clone())
}

#[cfg(test)]
mod tests;
