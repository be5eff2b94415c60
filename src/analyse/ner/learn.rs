//! Training the tagger: an averaged perceptron over the same features and
//! greedy decoding that [`super::tag`] uses. Only the training example calls this.

use std::collections::HashMap;
use std::ops::Range;

use super::features::{self, STACKED, TokenInfo};
use super::hash::IdBuild;
use super::model::{self, Scorer};
use super::{KINDS, LABELS, OUTSIDE};
use crate::analyse::EntityKind;
use crate::analyse::text::Document;
use crate::span::Span;

/// One training document: its text and its gold names.
#[derive(Debug, Clone)]
pub struct Example {
    /// The document as the tagger would see it (headline line first).
    pub text: String,
    /// Gold name spans; `Other` stands for miscellaneous names.
    pub entities: Vec<(Span, EntityKind)>,
}

/// A document turned into what training needs, computed once.
pub struct Prepared {
    infos: Vec<TokenInfo>,
    sentences: Vec<Range<usize>>,
    gold: Vec<u8>,
    stacked: Vec<[u64; STACKED]>,
}

impl Prepared {
    /// Label the document with a trained model (and its stacked features, if set).
    pub fn label<S: Scorer>(&self, scorer: &S) -> Vec<u8> {
        let mut labels = vec![OUTSIDE; self.infos.len()];
        super::label(
            scorer,
            &self.infos,
            &self.sentences,
            &self.stacked,
            &mut labels,
        );
        labels
    }

    /// Give the second pass its features from first-pass `labels`.
    pub fn stack(&mut self, labels: &[u8]) {
        self.stacked = features::stacked_features(&self.infos, &self.sentences, labels);
    }
}

/// Tokenise an example and give each token its gold BIO label; names whose
/// edges fall inside a token are dropped. Returns the document and the names
/// that could not be aligned.
pub fn prepare(example: &Example) -> (Prepared, Vec<Span>) {
    let doc = Document::new(&example.text);
    let mut gold = vec![OUTSIDE; doc.tokens.len()];
    let mut lost = Vec::new();
    for &(span, kind) in &example.entities {
        let begin = 1 + 2 * KINDS.iter().position(|k| *k == kind).unwrap_or(3) as u8;
        let first = doc.tokens.iter().position(|t| t.span.start == span.start);
        let last = doc.tokens.iter().position(|t| t.span.end == span.end);
        match (first, last) {
            (Some(a), Some(b)) if a <= b => {
                gold[a] = begin;
                for g in &mut gold[a + 1..=b] {
                    *g = begin + 1;
                }
            }
            _ => lost.push(span),
        }
    }
    let prepared = Prepared {
        infos: features::token_infos(&doc),
        sentences: doc.sentences.iter().map(|s| s.tokens.clone()).collect(),
        gold,
        stacked: Vec::new(),
    };
    (prepared, lost)
}

/// Averaged-perceptron weights while training.
#[derive(Default)]
pub struct Trainer {
    index: HashMap<u64, usize, IdBuild>,
    weights: Vec<[f32; LABELS]>,
    totals: Vec<[f64; LABELS]>,
    stamps: Vec<[u32; LABELS]>,
    step: u32,
}

impl Scorer for Trainer {
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        if let Some(&i) = self.index.get(&feature) {
            for (s, w) in scores.iter_mut().zip(&self.weights[i]) {
                *s += w;
            }
        }
    }
}

/// Token-level counts of one epoch.
#[derive(Debug, Default, Clone, Copy)]
pub struct EpochStats {
    /// Tokens the model scored.
    pub scored: usize,
    /// Of those, how many it labelled wrongly.
    pub errors: usize,
}

impl Trainer {
    fn update(&mut self, feature: u64, label: u8, delta: f32) {
        let next = self.weights.len();
        let i = *self.index.entry(feature).or_insert(next);
        if i == next {
            self.weights.push([0.0; LABELS]);
            self.totals.push([0.0; LABELS]);
            self.stamps.push([0; LABELS]);
        }
        let l = usize::from(label);
        let elapsed = self.step - self.stamps[i][l];
        self.totals[i][l] += f64::from(elapsed) * f64::from(self.weights[i][l]);
        self.stamps[i][l] = self.step;
        self.weights[i][l] += delta;
    }

    /// One pass over the documents in the given order.
    pub fn epoch(&mut self, docs: &[Prepared], order: &[usize]) -> EpochStats {
        let mut stats = EpochStats::default();
        let mut buffer = Vec::with_capacity(40);
        let mut history = [0u64; 4];
        for &d in order {
            let doc = &docs[d];
            for range in &doc.sentences {
                let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
                for i in range.clone() {
                    let info = &doc.infos[i];
                    let gold = doc.gold[i];
                    let label = if super::skipped(info.flags, prev) {
                        OUTSIDE
                    } else {
                        self.step += 1;
                        stats.scored += 1;
                        buffer.clear();
                        features::static_features(&doc.infos, range, i, &mut buffer);
                        if let Some(extra) = doc.stacked.get(i) {
                            buffer.extend_from_slice(extra);
                        }
                        let scores = super::score(self, info, &buffer, prev, prev2);
                        let guess = super::best(&scores, prev);
                        if guess != gold {
                            stats.errors += 1;
                            features::history_features(info, prev, prev2, &mut history);
                            for &f in buffer.iter().chain(&history) {
                                self.update(f, gold, 1.0);
                                self.update(f, guess, -1.0);
                            }
                        }
                        guess
                    };
                    (prev2, prev) = (prev, label);
                }
            }
        }
        stats
    }

    /// Average, quantise and prune the weights (dropping those whose size is
    /// under `prune` of the largest) into the embedded file format.
    pub fn finish(&self, prune: f64) -> Vec<u8> {
        let step = f64::from(self.step.max(1));
        let averaged: Vec<(u64, [f64; LABELS])> = self
            .index
            .iter()
            .map(|(&key, &i)| {
                let mut avg = [0.0; LABELS];
                for (l, a) in avg.iter_mut().enumerate() {
                    let elapsed = f64::from(self.step - self.stamps[i][l]);
                    let total = self.totals[i][l] + elapsed * f64::from(self.weights[i][l]);
                    *a = total / step;
                }
                (key, avg)
            })
            .collect();
        let largest = averaged
            .iter()
            .flat_map(|(_, w)| w.iter().map(|v| v.abs()))
            .fold(0.0, f64::max)
            .max(1e-9);
        let scale = 32767.0 / largest;
        let mut kept: Vec<(u64, [i16; LABELS])> = averaged
            .iter()
            .filter_map(|(key, w)| {
                let mut q = [0i16; LABELS];
                for (slot, v) in q.iter_mut().zip(w) {
                    if v.abs() >= prune * largest {
                        *slot = (v * scale).round() as i16;
                    }
                }
                q.iter().any(|v| *v != 0).then_some((*key, q))
            })
            .collect();
        kept.sort_unstable_by_key(|(k, _)| *k);
        model::encode(&kept)
    }
}
