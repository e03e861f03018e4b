//! Percentile bands: what most mothers like her come to, at one moment or on one day.

use serde::Serialize;

/// The 10th, 25th, 50th, 75th and 90th percentiles of one quantity across the members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Bands {
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
}

impl Bands {
    pub const COLUMNS: [&'static str; 5] = ["p10", "p25", "p50", "p75", "p90"];

    /// The bands of `values` (NaN left out: a quantity a member has no value for, such as the
    /// sodium of an empty breast). All NaN when no value is left. `values` is reordered.
    pub fn of(values: &mut [f64]) -> Self {
        // NaNs to the end, then only the rest is read.
        let mut n = 0;
        for i in 0..values.len() {
            if !values[i].is_nan() {
                values.swap(i, n);
                n += 1;
            }
        }
        let values = &mut values[..n];
        const Q: [f64; 5] = [0.10, 0.25, 0.50, 0.75, 0.90];
        if n < 2 {
            let v = values.first().copied().unwrap_or(f64::NAN);
            return Self::from_values([v; 5]);
        }
        // Only the ranks the percentiles read are put in place (each selection works on what
        // lies above the last): a few passes over the values instead of sorting them all, for
        // the same figures.
        let mut start = 0;
        for q in Q {
            let (lo, hi) = ranks(n, q);
            for r in [lo, hi] {
                if r >= start {
                    values[start..].select_nth_unstable_by(r - start, f64::total_cmp);
                    start = r + 1;
                }
            }
        }
        Self::from_values(Q.map(|q| {
            let (lo, hi) = ranks(n, q);
            let h = q * (n - 1) as f64;
            values[lo] + (h - lo as f64) * (values[hi] - values[lo])
        }))
    }

    fn from_values(v: [f64; 5]) -> Self {
        Self {
            p10: v[0],
            p25: v[1],
            p50: v[2],
            p75: v[3],
            p90: v[4],
        }
    }

    pub fn values(&self) -> [f64; 5] {
        [self.p10, self.p25, self.p50, self.p75, self.p90]
    }
}

/// The two ranks (0-based, in order) between which the `q` quantile of `n` values lies.
fn ranks(n: usize, q: f64) -> (usize, usize) {
    let lo = (q.clamp(0.0, 1.0) * (n - 1) as f64).floor() as usize;
    (lo, (lo + 1).min(n - 1))
}

/// The `q` quantile of sorted values, linear between the nearest ranks (the usual "type 7"
/// definition of R and NumPy). NaN for no values.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = q.clamp(0.0, 1.0) * (n - 1) as f64;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks_and_leave_out_nan() {
        let mut v: Vec<f64> = (1..=11).rev().map(f64::from).collect();
        v.push(f64::NAN);
        let b = Bands::of(&mut v);
        assert_eq!(b.values(), [2.0, 3.5, 6.0, 8.5, 10.0]);
        assert!(Bands::of(&mut [f64::NAN]).p50.is_nan());
        assert_eq!(Bands::of(&mut [4.0]).p90, 4.0);
    }

    proptest::proptest! {
        /// Selecting only the ranks read gives the figures of sorting everything.
        #[test]
        fn bands_are_the_percentiles_of_the_sorted_values(
            mut v in proptest::collection::vec(
                proptest::prop_oneof![-1e3..1e3f64, proptest::strategy::Just(f64::NAN),
                    proptest::strategy::Just(7.0)],
                0..300,
            )
        ) {
            let mut sorted: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
            sorted.sort_by(f64::total_cmp);
            let b = Bands::of(&mut v);
            for (got, q) in b.values().into_iter().zip([0.10, 0.25, 0.50, 0.75, 0.90]) {
                let want = percentile(&sorted, q);
                proptest::prop_assert!(got == want || (got.is_nan() && want.is_nan()));
            }
        }
    }
}
