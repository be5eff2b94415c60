//! The learned weights: a compact open-addressing table from feature hash to
//! one small weight per label, decoded once from the embedded model file.

use std::sync::OnceLock;

use super::LABELS;

const FIRST: &[u8] = include_bytes!("../../../assets/ner/pass1.bin");
const SECOND: &[u8] = include_bytes!("../../../assets/ner/pass2.bin");
const MAGIC: &[u8; 4] = b"BNER";

/// Anything that can add a feature's weights to the label scores.
pub trait Scorer {
    /// Add the weights of `feature` (a hash) to `scores`, one per label.
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]);
}

/// One slot of the table: a feature hash (0 = empty) and its weights, in one cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Entry {
    key: u64,
    weights: [i16; LABELS],
}

/// Quantised weights in an open-addressing hash table.
#[derive(Debug, Default)]
pub struct Model {
    mask: usize,
    entries: Vec<Entry>,
}

/// The two embedded passes: the second also sees the first's labels document-wide.
#[derive(Debug, Default)]
pub struct Models {
    /// Labels from the text alone.
    pub first: Model,
    /// Relabels with the first pass's document-level votes as extra features.
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
        self.entries.is_empty()
    }

    /// Read the format written by [`encode`].
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        let count = r.u32()? as usize;
        let capacity = (count * 10 / 7 + 1).next_power_of_two();
        let mut model = Model {
            mask: capacity - 1,
            entries: vec![Entry::default(); capacity],
        };
        for _ in 0..count {
            let key = r.u64()? | 1;
            let present = r.u16()?;
            let mut w = [0i16; LABELS];
            for (label, slot) in w.iter_mut().enumerate() {
                if present & (1 << label) != 0 {
                    *slot = r.u16()? as i16;
                }
            }
            let mut slot = key as usize & model.mask;
            while model.entries[slot].key != 0 {
                slot = (slot + 1) & model.mask;
            }
            model.entries[slot] = Entry { key, weights: w };
        }
        Some(model)
    }
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        if self.entries.is_empty() {
            return;
        }
        let mut slot = feature as usize & self.mask;
        loop {
            let entry = &self.entries[slot];
            if entry.key == feature {
                for (s, &w) in scores.iter_mut().zip(&entry.weights) {
                    *s += f32::from(w);
                }
                return;
            }
            if entry.key == 0 {
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

/// Write quantised weights: magic, count, then per feature its hash, a bit
/// mask of the labels with a weight, and those weights.
pub fn encode(features: &[(u64, [i16; LABELS])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(features.len() * 16 + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    for (key, w) in features {
        out.extend_from_slice(&key.to_le_bytes());
        let present = w
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0)
            .fold(0u16, |m, (l, _)| m | 1 << l);
        out.extend_from_slice(&present.to_le_bytes());
        for v in w.iter().filter(|v| **v != 0) {
            out.extend_from_slice(&v.to_le_bytes());
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

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}
