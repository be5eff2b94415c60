//! Sparse unit vectors over a briefing-wide vocabulary, with idf weights and
//! an inverted index: the arithmetic behind related stories.

use rayon::prelude::*;

/// BM25 term-frequency saturation.
const BM25_K1: f32 = 1.2;
/// BM25 length normalisation.
const BM25_B: f32 = 0.75;

/// A unit-length sparse vector: (feature id, weight), ids ascending.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    entries: Vec<(u32, f32)>,
}

impl SparseVector {
    /// Sort by id, drop non-positive weights and scale to unit length.
    pub fn normalized(mut entries: Vec<(u32, f32)>) -> Self {
        entries.retain(|&(_, w)| w > 0.0 && w.is_finite());
        entries.sort_unstable_by_key(|&(id, _)| id);
        let norm = entries.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut entries {
                *w /= norm;
            }
        }
        Self { entries }
    }

    /// Whether no feature has weight.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// (id, weight) in id order.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// The `k` heaviest entries, in no particular order.
    pub fn heaviest(&self, k: usize) -> Vec<(u32, f32)> {
        let mut entries = self.entries.clone();
        if entries.len() > k {
            entries.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            entries.truncate(k);
        }
        entries
    }
}

/// Cosine of two unit vectors, in [0, 1].
pub fn cosine(a: &SparseVector, b: &SparseVector) -> f32 {
    let (a, b) = (&a.entries, &b.entries);
    let (mut i, mut j, mut dot) = (0, 0, 0.0_f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

/// Documents as idf-weighted unit vectors over the features they share.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// One vector per document, in input order.
    pub vectors: Vec<SparseVector>,
    /// Document frequency of each feature id.
    pub df: Vec<u32>,
    /// The feature hash of each id, ascending.
    pub hashes: Vec<u64>,
}

impl Vocabulary {
    /// Weigh each document's (feature hash, count) pairs by BM25's saturating
    /// tf (k1 = 1.2, b = 0.75, so long stories do not drown short ones) times
    /// the square root of a smoothed idf, sqrt(ln((1 + N) / (1 + df)) + 1):
    /// rare words still count more, but a single rare word two stories share
    /// no longer outweighs the many ordinary words that say what both are
    /// about. Feature ids follow hash order.
    pub fn build(counts: Vec<Vec<(u64, f32)>>) -> Self {
        let mut hashes: Vec<u64> = counts.iter().flatten().map(|&(h, _)| h).collect();
        hashes.par_sort_unstable();
        let mut features: Vec<u64> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        for h in hashes {
            if features.last() == Some(&h) {
                if let Some(d) = df.last_mut() {
                    *d += 1;
                }
            } else {
                features.push(h);
                df.push(1);
            }
        }
        let n = counts.len() as f32;
        let length = |doc: &[(u64, f32)]| doc.iter().map(|&(_, tf)| tf).sum::<f32>();
        let average = (counts.iter().map(|d| length(d)).sum::<f32>() / n.max(1.0)).max(1.0);
        let vectors = counts
            .into_par_iter()
            .map(|doc| {
                let relative = length(&doc) / average;
                let entries = doc
                    .into_iter()
                    .filter(|&(_, tf)| tf > 0.0)
                    .filter_map(|(h, tf)| {
                        let id = features.binary_search(&h).ok()?;
                        let idf = (((1.0 + n) / (1.0 + df[id] as f32)).ln() + 1.0).sqrt();
                        let tf = tf * (BM25_K1 + 1.0)
                            / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * relative));
                        Some((id as u32, tf * idf))
                    })
                    .collect();
                SparseVector::normalized(entries)
            })
            .collect();
        Self {
            vectors,
            df,
            hashes: features,
        }
    }

    /// For each feature shared by at least two and at most `common`
    /// documents, the documents that have it as (document, weight), heaviest
    /// first, at most `cap` of them.
    pub fn postings(&self, cap: usize, common: usize) -> Vec<Vec<(u32, f32)>> {
        let wanted = |d: u32| d >= 2 && d as usize <= common;
        let mut postings: Vec<Vec<(u32, f32)>> = self
            .df
            .iter()
            .map(|&d| {
                if wanted(d) {
                    Vec::with_capacity(d as usize)
                } else {
                    Vec::new()
                }
            })
            .collect();
        for (doc, vector) in self.vectors.iter().enumerate() {
            for &(id, w) in vector.entries() {
                if wanted(self.df[id as usize]) {
                    postings[id as usize].push((doc as u32, w));
                }
            }
        }
        postings.par_iter_mut().for_each(|list| {
            if list.len() > cap {
                list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                list.truncate(cap);
            }
        });
        postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_a_vector_with_itself_is_one() {
        let v = SparseVector::normalized(vec![(3, 2.0), (1, 1.0), (7, 0.5)]);
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&v, &SparseVector::default()), 0.0);
    }

    #[test]
    fn rare_features_weigh_more() {
        let vocab = Vocabulary::build(vec![
            vec![(1, 1.0), (2, 1.0)],
            vec![(1, 1.0)],
            vec![(1, 1.0), (2, 1.0)],
            vec![(1, 1.0), (3, 1.0)],
        ]);
        assert_eq!(vocab.df, [4, 2, 1]);
        let first = vocab.vectors[0].entries();
        assert!(first[1].1 > first[0].1);
        let postings = vocab.postings(1, 4);
        assert_eq!(postings[1].len(), 1);
        assert!(postings[2].is_empty());
        // A feature in more than `common` documents finds none.
        let postings = vocab.postings(10, 3);
        assert!(postings[0].is_empty());
        assert_eq!(postings[1].len(), 2);
    }
}
