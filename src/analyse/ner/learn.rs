//! Training the tagger: an averaged perceptron over the same features and
//! greedy decoding that [`super::tag`] uses. Only the training example calls this.

use std::collections::HashMap;
use std::ops::Range;

use super::Emissions;
use super::features::{self, STACKED, TokenInfo};
use super::hash::IdBuild;
use super::model::{self, Model, Scorer};
use super::{KINDS, LABELS, OUTSIDE};
use crate::analyse::EntityKind;
use crate::analyse::text::{Document, Token};
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
    text: String,
    tokens: Vec<Token>,
    infos: Vec<TokenInfo>,
    topic: u64,
    sentences: Vec<Range<usize>>,
    gold: Vec<u8>,
    stacked: Vec<[u64; STACKED]>,
    base: Vec<[f32; LABELS]>,
}

impl Prepared {
    /// Label the document with a first-pass model, as [`super::tag`] does.
    pub fn label_first(&self, first: &Model) -> Vec<u8> {
        let mut labels = vec![OUTSIDE; self.infos.len()];
        let mut emissions =
            Emissions::new(first, &self.text, &self.tokens, &self.infos, self.topic);
        for range in &self.sentences {
            super::greedy(&self.infos, range, &mut labels, |i, prev, prev2| {
                let mut scores = emissions.get(range, i);
                super::add_history(first, &self.infos[i], prev, prev2, &mut scores);
                scores
            });
        }
        labels
    }

    /// Prepare for training the second pass: the first model's static scores
    /// of every token, and stacked features from its `labels`.
    pub fn stack(&mut self, first: &Model, labels: &[u8]) {
        self.stacked = features::stacked_features(&self.infos, &self.sentences, labels);
        let mut emissions =
            Emissions::new(first, &self.text, &self.tokens, &self.infos, self.topic);
        self.base = vec![[0.0; LABELS]; self.infos.len()];
        for range in &self.sentences {
            for i in range.clone() {
                self.base[i] = emissions.get(range, i);
            }
        }
    }
}

/// Tokenise an example and give each token its gold BIO label; names whose
/// edges fall inside a token are dropped. Returns the document and the names
/// that could not be aligned.
pub fn prepare(example: &Example) -> (Prepared, Vec<Span>) {
    let whole = Document::new(&example.text);
    let doc = whole.possessives_split().unwrap_or(whole);
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
    let infos = features::token_infos(&doc);
    let prepared = Prepared {
        text: example.text.clone(),
        topic: features::topic(&doc, &infos),
        tokens: doc.tokens,
        infos,
        sentences: doc.sentences.iter().map(|s| s.tokens.clone()).collect(),
        gold,
        stacked: Vec::new(),
        base: Vec::new(),
    };
    (prepared, lost)
}

/// Averaged-perceptron weights while training.
#[derive(Default)]
/// (The update size for the second pass is `rate`; set it before training.)
pub struct Trainer {
    index: HashMap<u64, usize, IdBuild>,
    weights: Vec<[f32; LABELS]>,
    totals: Vec<[f64; LABELS]>,
    stamps: Vec<[u32; LABELS]>,
    step: u32,
    /// Size of an update on top of fixed first-pass scores (second pass).
    pub rate: f32,
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
        let mut history = [0u64; features::HISTORY];
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
                        let mut scores = [0.0; LABELS];
                        if let (Some(base), Some(extra)) = (doc.base.get(i), doc.stacked.get(i)) {
                            scores = *base;
                            buffer.extend_from_slice(extra);
                        } else {
                            let flags = features::static_features(
                                &doc.infos,
                                range,
                                i,
                                doc.tokens[i].span.of(&doc.text),
                                doc.topic,
                                &mut buffer,
                            );
                            buffer.extend_from_slice(&flags.features());
                        }
                        features::history_features(info, prev, prev2, &mut history);
                        buffer.extend_from_slice(&history);
                        for &f in &buffer {
                            self.add(f, &mut scores);
                        }
                        let guess = super::best(&scores, prev);
                        // After a wrong label before it, the gold label may
                        // not be allowed at all ("I-ORG" after "O"): pushing
                        // towards it would only teach an impossible step, and
                        // does so again every epoch.
                        stats.errors += usize::from(guess != gold);
                        if guess != gold && super::allowed(prev, gold) {
                            let rate = if doc.base.is_empty() { 1.0 } else { self.rate };
                            for &f in &buffer {
                                self.update(f, gold, rate);
                                self.update(f, guess, -rate);
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
    /// under `prune` of the largest, and all but the `most` that matter
    /// most) into the embedded file format.
    pub fn finish(&self, prune: f64, most: usize) -> Vec<u8> {
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
            .fold(0.0, f64::max);
        let mut kept: Vec<(u64, [f64; LABELS])> = averaged
            .into_iter()
            .map(|(key, w)| {
                (
                    key,
                    w.map(|v| if v.abs() < prune * largest { 0.0 } else { v }),
                )
            })
            .collect();
        // Keep at most `most` features, those whose weights spread widest
        // (only differences between labels matter), so the table stays small.
        let spread = |w: &[f64; LABELS]| {
            let (low, high) = w
                .iter()
                .fold((f64::MAX, f64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
            high - low
        };
        kept.retain(|(_, w)| spread(w) > 0.0);
        if kept.len() > most {
            kept.sort_unstable_by(|a, b| spread(&b.1).total_cmp(&spread(&a.1)));
            kept.truncate(most);
        }
        kept.sort_unstable_by_key(|(k, _)| *k);
        model::encode(&kept)
    }
}
