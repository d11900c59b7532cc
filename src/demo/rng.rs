//! A small deterministic random source (SplitMix64): the same seed gives the same county on
//! every machine and every version of every crate.

pub struct Rng(u64);

impl Rng {
    /// An independent stream for one part of the county, like the generator's `"{seed}/children"`.
    pub fn new(seed: u64, stream: &str) -> Rng {
        // FNV-1a of the stream name, mixed with the seed.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in stream.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(hash ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn index(&mut self, len: usize) -> usize {
        if len == 0 { 0 } else { (self.next_u64() % len as u64) as usize }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.index(words.len())]
    }

    /// An index drawn with the weights behind `cumulative` (see [`cumulative`]).
    pub fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0.0);
        let target = self.unit() * total;
        cumulative.partition_point(|&c| c <= target).min(cumulative.len().saturating_sub(1))
    }
}

/// Running totals of `weights`, for [`Rng::weighted`].
pub fn cumulative(weights: &[f64]) -> Vec<f64> {
    weights
        .iter()
        .scan(0.0, |total, w| {
            *total += w;
            Some(*total)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_repeatable_and_distinct() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, "children");
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, "children");
                move |_| r.next_u64()
            })
            .collect();
        let c: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, "staff");
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn ranges_and_weights_stay_in_bounds() {
        let mut rng = Rng::new(7, "test");
        let cum = cumulative(&[1.0, 0.0, 3.0]);
        let mut counts = [0usize; 3];
        for _ in 0..10_000 {
            let r = rng.range(3, 5);
            assert!((3..=5).contains(&r));
            counts[rng.weighted(&cum)] += 1;
        }
        assert_eq!(counts[1], 0, "zero weight never drawn");
        assert!(counts[2] > counts[0] * 2, "{counts:?}");
    }
}
