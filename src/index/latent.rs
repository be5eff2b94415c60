//! Latent topics: a low-rank (LSA) embedding of the stories' sparse text
//! vectors, found by a randomized truncated SVD. Two stories about the same
//! subject in different words ("striker", "goalkeeper"; "referee", "derby")
//! are close here though they share few words.
//!
//! The range finder of Halko, Martinsson and Tropp: multiply the
//! story × word matrix A by a random sign matrix, sharpen the result with
//! power iterations, and take the leading eigenvectors of the small
//! projected Gram matrix. Every step costs O(nonzeros × width) or
//! O(stories × width²), never stories².

use rayon::prelude::*;

use super::vectors::SparseVector;

/// Extra columns of the random sketch beyond the dimensions kept: they make
/// the leading subspace come out accurately.
const OVERSAMPLE: usize = 16;
/// Power iterations: each multiplies the sketch by A Aᵀ, so the leading
/// singular directions stand out from the many small ones of text. One is
/// enough here; none leaves the topics blurred.
const POWER_ITERATIONS: usize = 1;

/// Stories as dense unit rows of `dims` latent topics.
#[derive(Debug, Clone, Default)]
pub struct Latent {
    dims: usize,
    rows: Vec<f32>,
}

/// A dense row-major matrix.
struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f32>,
}

impl Matrix {
    fn zeros(rows: usize, cols: usize) -> Self {
        Self {
            rows,
            cols,
            data: vec![0.0; rows * cols],
        }
    }

    fn row(&self, r: usize) -> &[f32] {
        &self.data[r * self.cols..(r + 1) * self.cols]
    }

    /// self × m (m is cols × k).
    fn times(&self, m: &Matrix) -> Matrix {
        let mut out = Matrix::zeros(self.rows, m.cols);
        if m.cols == 0 {
            return out;
        }
        out.data
            .par_chunks_mut(m.cols)
            .enumerate()
            .for_each(|(r, row)| {
                for (c, &a) in self.row(r).iter().enumerate() {
                    if a != 0.0 {
                        axpy(row, a, m.row(c));
                    }
                }
            });
        out
    }

    /// selfᵀ × self, cols × cols.
    fn gram(&self) -> Matrix {
        self.cross(self)
    }

    /// selfᵀ × other (both with the same rows), self.cols × other.cols.
    /// Summed over fixed blocks of rows in order, so the result does not
    /// depend on how the threads shared the work.
    fn cross(&self, other: &Matrix) -> Matrix {
        let (cols, width) = (self.cols, other.cols);
        let block = 256;
        let partials: Vec<Vec<f32>> = (0..self.rows.div_ceil(block))
            .into_par_iter()
            .map(|b| {
                let mut g = vec![0.0_f32; cols * width];
                for r in b * block..((b + 1) * block).min(self.rows) {
                    let right = other.row(r);
                    for (a, &x) in self.row(r).iter().enumerate() {
                        if x != 0.0 {
                            axpy(&mut g[a * width..(a + 1) * width], x, right);
                        }
                    }
                }
                g
            })
            .collect();
        let mut data = vec![0.0; cols * width];
        for partial in &partials {
            axpy(&mut data, 1.0, partial);
        }
        Matrix {
            rows: cols,
            cols: width,
            data,
        }
    }
}

/// y += a·x.
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// The story × word matrix and its transpose, both sparse by rows.
struct Sparse<'v> {
    stories: &'v [SparseVector],
    /// Each feature's column among the kept words, `u32::MAX` if left out.
    column: Vec<u32>,
    /// Where each kept word's (story, weight) pairs start in `entries`, and
    /// where the last ends.
    starts: Vec<usize>,
    entries: Vec<(u32, f32)>,
}

impl<'v> Sparse<'v> {
    /// Words of one story only are left out: they relate no two stories.
    /// Laid out in one array, counted first, so it takes no more memory
    /// than its entries.
    fn new(stories: &'v [SparseVector], features: usize) -> Self {
        let mut counts = vec![0_u32; features];
        for v in stories {
            for &(id, _) in v.entries() {
                counts[id as usize] += 1;
            }
        }
        let mut column = vec![u32::MAX; features];
        let mut starts = vec![0];
        for (id, &count) in counts.iter().enumerate() {
            if count >= 2 {
                column[id] = (starts.len() - 1) as u32;
                starts.push(starts[starts.len() - 1] + count as usize);
            }
        }
        drop(counts);
        let mut next = starts.clone();
        let mut entries = vec![(0, 0.0); starts[starts.len() - 1]];
        for (s, v) in stories.iter().enumerate() {
            for &(id, w) in v.entries() {
                let c = column[id as usize];
                if c != u32::MAX {
                    entries[next[c as usize]] = (s as u32, w);
                    next[c as usize] += 1;
                }
            }
        }
        Self {
            stories,
            column,
            starts,
            entries,
        }
    }

    /// Words kept.
    fn words(&self) -> usize {
        self.starts.len() - 1
    }

    /// A × m, stories × m.cols (m is kept words × k).
    fn times(&self, m: &Matrix) -> Matrix {
        product(self.stories.len(), m.cols, |r, row| {
            for &(id, w) in self.stories[r].entries() {
                let c = self.column[id as usize];
                if c != u32::MAX {
                    axpy(row, w, m.row(c as usize));
                }
            }
        })
    }

    /// Aᵀ × m, words × m.cols (m is stories × k).
    fn transposed_times(&self, m: &Matrix) -> Matrix {
        product(self.words(), m.cols, |r, row| {
            for &(s, w) in &self.entries[self.starts[r]..self.starts[r + 1]] {
                axpy(row, w, m.row(s as usize));
            }
        })
    }
}

/// A rows × cols matrix whose rows `fill` writes, in parallel.
fn product(rows: usize, cols: usize, fill: impl Fn(usize, &mut [f32]) + Sync) -> Matrix {
    let mut out = Matrix::zeros(rows, cols);
    if cols > 0 {
        out.data
            .par_chunks_mut(cols)
            .enumerate()
            .for_each(|(r, row)| fill(r, row));
    }
    out
}

/// Eigenvalues (descending) and eigenvectors (as the columns of a row-major
/// matrix, in the same order) of a symmetric matrix (or its symmetric part), by cyclic Jacobi
/// rotations: exact enough and simple for the small matrices here.
fn symmetric_eigen(m: &Matrix) -> (Vec<f32>, Matrix) {
    let n = m.rows;
    // Made exactly symmetric: rounding in the products that built `m`
    // would leave an off-diagonal part no rotation removes.
    let mut a = vec![0.0_f64; n * n];
    for i in 0..n {
        for j in 0..n {
            a[i * n + j] = (f64::from(m.data[i * n + j]) + f64::from(m.data[j * n + i])) / 2.0;
        }
    }
    let mut v = vec![0.0_f64; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _sweep in 0..50 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j].powi(2))
            .sum();
        let total: f64 = a.iter().map(|x| x * x).sum();
        if off <= 1e-22 * total.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq == 0.0 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p * n + k], a[q * n + k]);
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[k * n + p], v[k * n + q]);
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| a[y * n + y].total_cmp(&a[x * n + x]).then(x.cmp(&y)));
    let values = order.iter().map(|&i| a[i * n + i] as f32).collect();
    let mut vectors = Matrix::zeros(n, n);
    for (col, &i) in order.iter().enumerate() {
        for k in 0..n {
            vectors.data[k * n + col] = v[k * n + i] as f32;
        }
    }
    (values, vectors)
}

/// An orthonormal basis of the columns of `y`, leaving out columns that
/// depend on earlier ones: Cholesky QR, twice (the second pass mends the
/// orthogonality the first loses in rounding).
/// Takes `y` so it is freed before the second pass.
fn orthonormal(y: Matrix) -> Matrix {
    let once = y.times(&inverse_cholesky(&y.gram()));
    drop(y);
    once.times(&inverse_cholesky(&once.gram()))
}

/// For a Gram matrix G = YᵀY, the matrix T with Y T orthonormal: T = R⁻¹
/// where G = RᵀR (Cholesky, in f64), restricted to the columns that are not
/// (nearly) combinations of earlier ones; G.rows × kept.
fn inverse_cholesky(g: &Matrix) -> Matrix {
    let n = g.rows;
    let at = |i: usize, j: usize| f64::from(g.data[i * n + j]);
    // L (lower, G = L Lᵀ on the kept columns): row i holds L[i][k] for
    // each kept column k, in the order kept.
    let mut l = vec![0.0_f64; n * n];
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    for j in 0..n {
        let k = kept.len();
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        let d = at(j, j) - dot(&l[j * n..j * n + k], &l[j * n..j * n + k]);
        if d.is_nan() || d <= 1e-6 * at(j, j) {
            continue;
        }
        let pivot = d.sqrt();
        l[j * n + k] = pivot;
        for i in j + 1..n {
            let s = at(i, j) - dot(&l[i * n..i * n + k], &l[j * n..j * n + k]);
            l[i * n + k] = s / pivot;
        }
        kept.push(j);
    }
    // Rows of L on the kept columns form a square lower-triangular matrix;
    // its inverse, transposed, is T on the kept rows.
    let m = kept.len();
    let mut inverse = vec![0.0_f64; m * m];
    for c in 0..m {
        for r in c..m {
            let row = &l[kept[r] * n..kept[r] * n + m];
            let sum: f64 = (c..r).map(|k| row[k] * inverse[k * m + c]).sum();
            let target = if r == c { 1.0 } else { 0.0 };
            inverse[r * m + c] = (target - sum) / row[r];
        }
    }
    let mut t = Matrix::zeros(n, m);
    for (r, &original) in kept.iter().enumerate() {
        for c in 0..m {
            // T = (L⁻¹)ᵀ: T[kept r][c] = L⁻¹[c][r].
            t.data[original * m + c] = inverse[c * m + r] as f32;
        }
    }
    t
}

/// The next value of a SplitMix64 generator: cheap, well-mixed bits for the
/// random signs of the sketch.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Latent {
    /// Embed unit sparse vectors over `features` words in (at most) `dims`
    /// latent topics, each weighted by its singular value: the geometry of
    /// the best rank-`dims` approximation of the stories. Deterministic.
    pub fn build(vectors: &[SparseVector], features: usize, dims: usize) -> Self {
        let a = Sparse::new(vectors, features);
        let width = (dims + OVERSAMPLE).min(vectors.len()).min(a.words());
        if dims == 0 || width == 0 {
            return Self::default();
        }
        // Random ±1 sketch, one generator per word so the order of work
        // does not matter.
        let mut omega = Matrix::zeros(a.words(), width);
        omega
            .data
            .par_chunks_mut(width)
            .enumerate()
            .for_each(|(word, row)| {
                let mut state = word as u64;
                let mut bits = 0;
                for (c, x) in row.iter_mut().enumerate() {
                    if c % 64 == 0 {
                        bits = splitmix(&mut state);
                    }
                    *x = if (bits >> (c % 64)) & 1 == 1 {
                        1.0
                    } else {
                        -1.0
                    };
                }
            });
        let y = a.times(&omega);
        drop(omega);
        let mut q = orthonormal(y);
        for _ in 0..POWER_ITERATIONS {
            let y = a.times(&a.transposed_times(&q));
            drop(q);
            q = orthonormal(y);
        }
        // Qᵀ A Aᵀ Q: its eigenvectors turn Q's basis into the leading
        // singular directions, its eigenvalues are σ².
        let projected = q.cross(&a.times(&a.transposed_times(&q)));
        drop(a);
        let (values, vectors) = symmetric_eigen(&projected);
        let keep = dims
            .min(q.cols)
            .min(values.iter().filter(|&&l| l > 0.0).count());
        let mut turn = Matrix::zeros(q.cols, keep);
        for r in 0..q.cols {
            for (c, &value) in values.iter().take(keep).enumerate() {
                turn.data[r * keep + c] = vectors.data[r * q.cols + c] * value.sqrt();
            }
        }
        let mut rows = q.times(&turn);
        rows.data.par_chunks_mut(keep.max(1)).for_each(|row| {
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        });
        Self {
            dims: keep,
            rows: rows.data,
        }
    }

    /// Topics per story (0 without an embedding).
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Whether there is no embedding (too few stories or words).
    pub fn is_empty(&self) -> bool {
        self.dims == 0
    }

    /// Story `i`'s unit row.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.rows[i * self.dims..(i + 1) * self.dims]
    }

    /// Cosine of stories `i` and `j`, in [-1, 1]; 0 without an embedding.
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        if self.dims == 0 {
            return 0.0;
        }
        self.row(i)
            .iter()
            .zip(self.row(j))
            .map(|(a, b)| a * b)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eigen_of_a_small_symmetric_matrix() {
        let m = Matrix {
            rows: 2,
            cols: 2,
            data: vec![2.0, 1.0, 1.0, 2.0],
        };
        let (values, vectors) = symmetric_eigen(&m);
        assert!((values[0] - 3.0).abs() < 1e-5 && (values[1] - 1.0).abs() < 1e-5);
        // First eigenvector ∝ (1, 1).
        assert!((vectors.data[0].abs() - vectors.data[2].abs()).abs() < 1e-5);
    }

    #[test]
    fn orthonormal_keeps_the_span_and_drops_dependent_columns() {
        // Columns: a, b, a + b, c.
        let y = Matrix {
            rows: 4,
            cols: 4,
            data: vec![
                1.0, 0.0, 1.0, 0.0, //
                2.0, 1.0, 3.0, 0.0, //
                0.0, 3.0, 3.0, 1.0, //
                1.0, 1.0, 2.0, 5.0, //
            ],
        };
        let q = orthonormal(y);
        assert_eq!(q.cols, 3);
        let g = q.gram();
        for i in 0..3 {
            for j in 0..3 {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((g.data[i * 3 + j] - want).abs() < 1e-5, "{:?}", g.data);
            }
        }
    }

    #[test]
    fn stories_with_related_words_meet_in_the_latent_space() {
        // Two subjects: words 0..4 and words 4..8. Stories 0 and 1 share no
        // word, but both share words with story 2 of their subject.
        let subject =
            |words: &[u32]| SparseVector::normalized(words.iter().map(|&w| (w, 1.0)).collect());
        let vectors = vec![
            subject(&[0, 1]),
            subject(&[2, 3]),
            subject(&[0, 1, 2, 3]),
            subject(&[4, 5]),
            subject(&[6, 7]),
            subject(&[4, 5, 6, 7]),
        ];
        let latent = Latent::build(&vectors, 8, 2);
        assert!(!latent.is_empty());
        assert!(latent.cosine(0, 1) > 0.9, "{}", latent.cosine(0, 1));
        assert!(latent.cosine(0, 3).abs() < 0.1, "{}", latent.cosine(0, 3));
        assert!((latent.cosine(4, 4) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn the_embedding_does_not_depend_on_the_threads() {
        // Enough stories for several blocks of rows.
        let mut state = 7;
        let vectors: Vec<SparseVector> = (0..1000)
            .map(|_| {
                let mut words: Vec<u32> = (0..12)
                    .map(|_| (splitmix(&mut state) % 400) as u32)
                    .collect();
                words.sort_unstable();
                words.dedup();
                SparseVector::normalized(words.into_iter().map(|w| (w, 1.0)).collect())
            })
            .collect();
        let build = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map(|pool| pool.install(|| Latent::build(&vectors, 400, 16)))
                .map(|latent| latent.rows)
        };
        let one = build(1).ok();
        assert!(one.as_ref().is_some_and(|rows| rows.len() == 1000 * 16));
        assert_eq!(one, build(4).ok());
    }
}
