//! A read-only hash table for the tagger's look-ups, made so that finding a
//! key takes no branch the processor could mispredict: a hash picks a
//! bucket of keys (half a cache line), all of which are compared, and the
//! result selects the key's value or, for a key the table lacks, the
//! default. News text makes hit or miss a coin toss for many look-ups, and
//! a mispredicted branch costs more than comparing a few keys.

/// How many keys a bucket holds (with its start, half a cache line).
const BUCKET: usize = 7;

/// About how many keys a bucket holds on average, so that few run over.
const FILL: usize = 3;

/// Set in a bucket's start when its keys ran over into the next bucket.
const OVERFLOW: u32 = 1 << 31;

/// Values by 64-bit hash. The low bits of a hash but the lowest (every hash
/// the tagger makes is odd) pick its bucket; the high half, made odd, is the
/// key stored (0 marks an empty place). Two hashes that agree in both are
/// one key to the table: a hash it lacks is taken for a stored one about
/// once in 2³¹ look-ups.
#[derive(Debug)]
pub struct Table<V> {
    mask: usize,
    buckets: Vec<Bucket>,
    /// One value per key, bucket by bucket, then the default.
    values: Vec<V>,
}

/// The keys of one bucket, and where their values start in the table's
/// values, with [`OVERFLOW`].
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Bucket {
    keys: [u32; BUCKET],
    start: u32,
}

/// The part of a hash stored as its key; never 0.
#[inline]
fn key(hash: u64) -> u32 {
    (hash >> 32) as u32 | 1
}

/// The bucket a hash picks.
#[inline]
fn bucket(hash: u64, mask: usize) -> usize {
    (hash >> 1) as usize & mask
}

impl<V: Copy + Default> Table<V> {
    /// A table of `entries`; of two with the same key, the first is found.
    /// Each key goes to its hash's bucket, or to the first one after it
    /// with room.
    pub fn new(entries: Vec<(u64, V)>) -> Table<V> {
        // A bucket's start must stay below OVERFLOW, its flag bit.
        let count = entries.len().min(OVERFLOW as usize - 1);
        let mask = (count / FILL + 1).next_power_of_two() - 1;
        let mut buckets = vec![Bucket::default(); mask + 1];
        let mut fill = vec![0; mask + 1];
        let mut places = Vec::with_capacity(count);
        for &(hash, _) in &entries[..count] {
            let mut b = bucket(hash, mask);
            while fill[b] == BUCKET {
                buckets[b].start = OVERFLOW;
                b = (b + 1) & mask;
            }
            buckets[b].keys[fill[b]] = key(hash);
            places.push((b, fill[b]));
            fill[b] += 1;
        }
        let mut next = 0;
        for (bucket, &n) in buckets.iter_mut().zip(&fill) {
            bucket.start |= next;
            next += n as u32;
        }
        let mut values = vec![V::default(); count + 1];
        for ((_, value), (b, at)) in entries.into_iter().zip(places) {
            values[(buckets[b].start & !OVERFLOW) as usize + at] = value;
        }
        Table {
            mask,
            buckets,
            values,
        }
    }

    /// How many keys the table holds.
    pub fn len(&self) -> usize {
        self.values.len() - 1
    }

    /// Whether the table holds no key.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `hash`, or the default if the table lacks it.
    #[inline]
    pub fn get(&self, hash: u64) -> &V {
        let wanted = key(hash);
        let none = self.values.len() - 1;
        let mut b = bucket(hash, self.mask);
        // Ends: there are more buckets than keys / FILL, so some bucket
        // never overflows.
        loop {
            let bucket = &self.buckets[b];
            let start = (bucket.start & !OVERFLOW) as usize;
            let mut at = none;
            for (j, &k) in bucket.keys.iter().enumerate().rev() {
                at = std::hint::select_unpredictable(k == wanted, start + j, at);
            }
            if at != none || bucket.start & OVERFLOW == 0 {
                return &self.values[at];
            }
            b = (b + 1) & self.mask;
        }
    }
}

impl<V: Copy + Default> Default for Table<V> {
    fn default() -> Self {
        Table::new(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_share_a_bucket_run_over_into_the_next() {
        // Forty hashes that pick the same bucket, more than it holds; their
        // keys (the high halves, made odd) differ.
        let entries: Vec<(u64, u32)> = (1..=40)
            .map(|i| ((2 * i + 1) << 32 | 0x15, i as u32))
            .collect();
        let table = Table::new(entries.clone());
        assert_eq!(table.len(), 40);
        for (hash, value) in entries {
            assert_eq!(*table.get(hash), value, "{hash:x}");
        }
        assert_eq!(*table.get(99 << 32 | 0x15), 0);
        assert_eq!(*table.get(3 << 32 | 0x16), 0);
    }

    #[test]
    fn the_first_of_equal_keys_is_found() {
        let table = Table::new(vec![(7 << 32, 'a'), (7 << 32, 'b'), (9 << 32, 'c')]);
        assert_eq!((*table.get(7 << 32), *table.get(9 << 32)), ('a', 'c'));
        assert_eq!(*Table::<char>::default().get(7 << 32), '\0');
    }
}
