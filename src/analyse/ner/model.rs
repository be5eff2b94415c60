//! The learned weights: a table from feature hash to one 16-bit weight per
//! label, decoded once from the embedded files.

use std::sync::OnceLock;

use super::LABELS;
use super::features::{FlagTables, LabelTables};
use super::table::Table;

const FIRST: &[u8] = include_bytes!("../../../assets/ner/pass1.bin");
const SECOND: &[u8] = include_bytes!("../../../assets/ner/pass2.bin");
const MAGIC: &[u8; 4] = b"BNE4";

/// Integer weights, one per label, summed before they are scaled once.
pub type Sum = [i32; LABELS];

/// Anything that can add a feature's weights to the label scores.
pub trait Scorer {
    /// Add the weights of `feature` (a hash) to `scores`, one per label.
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]);

    /// Add the weights of every feature in `features`.
    fn add_all(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        for &f in features {
            self.add(f, scores);
        }
    }
}

/// Quantised weights by feature hash, in a [`Table`] (a feature the model
/// lacks adds a row of zeros).
#[derive(Debug)]
pub struct Model {
    weights: Table<[i16; LABELS]>,
    unit: f32,
    /// The label-valued features' weights by value, built on first use.
    tables: OnceLock<LabelTables>,
    /// The flag-valued static features' weights by value, built on first
    /// use (only the first pass scores static features).
    flag_tables: OnceLock<FlagTables>,
}

impl Default for Model {
    fn default() -> Self {
        Model::new(Table::default(), 1.0)
    }
}

/// The two embedded passes; the second adds document-level votes from the first.
#[derive(Debug, Default)]
pub struct Models {
    /// Labels from the text alone.
    pub first: Model,
    /// Adds to the first pass's scores, with its labels document-wide as features.
    pub second: Model,
}

impl Models {
    /// The embedded models, decoded on first use (empty if a file is missing or bad).
    pub fn get() -> &'static Models {
        static CELL: OnceLock<Models> = OnceLock::new();
        CELL.get_or_init(|| Models {
            first: Model::decode(FIRST).unwrap_or_default(),
            second: Model::decode(SECOND).unwrap_or_default(),
        })
    }
}

impl Model {
    /// Whether the model has no weights (the tagger then finds nothing).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// A model of `weights`, in multiples of `unit`.
    fn new(weights: Table<[i16; LABELS]>, unit: f32) -> Model {
        Model {
            weights,
            unit,
            tables: OnceLock::new(),
            flag_tables: OnceLock::new(),
        }
    }

    /// Read the format written by [`encode`].
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        let unit = f32::from_le_bytes(r.take(4)?.try_into().ok()?);
        let count = u32::from_le_bytes(r.take(4)?.try_into().ok()?) as usize;
        let mut features = Vec::with_capacity(count.min(bytes.len() / (8 + 2 * LABELS)));
        for _ in 0..count {
            let hash = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let mut weights = [0i16; LABELS];
            for (w, b) in weights.iter_mut().zip(r.take(2 * LABELS)?.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            features.push((hash, weights));
        }
        Some(Model::new(Table::new(features), unit))
    }

    /// The integer weights of `features`, summed (absent ones add nothing).
    #[inline]
    pub fn sum_of(&self, features: &[u64]) -> Sum {
        let mut sum = [0; LABELS];
        for &f in features {
            self.sum_into(f, &mut sum);
        }
        sum
    }

    /// Add the integer weights of `feature` (none if the table lacks it) to `sum`.
    #[inline(always)]
    pub fn sum_into(&self, feature: u64, sum: &mut Sum) {
        for (s, &w) in sum.iter_mut().zip(self.weights.get(feature)) {
            *s += i32::from(w);
        }
    }

    /// Add `sum`, scaled once by the weights' shared unit, to `scores`.
    #[inline]
    pub fn add_sum(&self, sum: &Sum, scores: &mut [f32; LABELS]) {
        for (s, &v) in scores.iter_mut().zip(sum) {
            *s += v as f32 * self.unit;
        }
    }

    /// The weights of the features whose values are only labels, by value.
    pub fn tables(&self) -> &LabelTables {
        self.tables.get_or_init(|| LabelTables::new(self))
    }

    /// The weights of the flag-valued static features, by value.
    pub fn flag_tables(&self) -> &FlagTables {
        self.flag_tables.get_or_init(|| FlagTables::new(self))
    }
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        self.add_all(&[feature], scores);
    }

    fn add_all(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        self.add_sum(&self.sum_of(features), scores);
    }
}

/// Quantise and write weights: magic, unit, count, then per feature its hash
/// and one little-endian `i16` per label. Each feature's weights are first
/// centred (adding one number to every label changes no decision), and those
/// that quantise to zero everywhere are dropped.
pub fn encode(features: &[(u64, [f64; LABELS])]) -> Vec<u8> {
    let centred: Vec<(u64, [f64; LABELS])> = features
        .iter()
        .map(|(hash, w)| {
            let (low, high) = w
                .iter()
                .fold((f64::MAX, f64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
            let middle = (low + high) / 2.0;
            (*hash, w.map(|v| v - middle))
        })
        .collect();
    let largest = centred
        .iter()
        .flat_map(|(_, w)| w.iter().map(|v| v.abs()))
        .fold(0.0, f64::max)
        .max(1e-9);
    let unit = largest / 32767.0;
    let kept: Vec<(u64, [i16; LABELS])> = centred
        .iter()
        .map(|(hash, w)| (*hash, w.map(|v| (v / unit).round() as i16)))
        .filter(|(_, q)| q.iter().any(|&c| c != 0))
        .collect();
    let mut out = Vec::with_capacity(kept.len() * (8 + 2 * LABELS) + 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(unit as f32).to_le_bytes());
    out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
    for (hash, q) in kept {
        out.extend_from_slice(&hash.to_le_bytes());
        for c in q {
            out.extend_from_slice(&c.to_le_bytes());
        }
    }
    out
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_encoding() {
        let features = [
            (
                0x1234_5678_9abc_def1,
                [1.0, -2.0, 0.5, 0.0, 30.0, -0.25, 4.0, 0.0, -100.0],
            ),
            (
                0x0fed_cba9_8765_4321,
                [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7.5],
            ),
        ];
        let model = Model::decode(&encode(&features)).expect("decodes");
        for (hash, weights) in features {
            let mut scores = [0.0; LABELS];
            model.add(hash, &mut scores);
            // Only differences between labels matter (weights are centred).
            for (got, want) in scores.iter().zip(weights) {
                let got = f64::from(got - scores[0]);
                let want = want - weights[0];
                assert!((got - want).abs() <= 0.01, "{got} vs {want}");
            }
        }
        let mut scores = [0.0; LABELS];
        model.add(0x1111_2222_3333_4445, &mut scores);
        assert_eq!(scores, [0.0; LABELS]);
    }
}
