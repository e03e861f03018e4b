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
    /// sodium of an empty breast). All NaN when no value is left.
    pub fn of(values: &mut [f64]) -> Self {
        let mut n = values.len();
        // NaNs to the end, then only the rest is read.
        values.sort_unstable_by(|a, b| match (a.is_nan(), b.is_nan()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            (false, false) => a.total_cmp(b),
        });
        while n > 0 && values[n - 1].is_nan() {
            n -= 1;
        }
        let sorted = &values[..n];
        Self {
            p10: percentile(sorted, 0.10),
            p25: percentile(sorted, 0.25),
            p50: percentile(sorted, 0.50),
            p75: percentile(sorted, 0.75),
            p90: percentile(sorted, 0.90),
        }
    }

    pub fn values(&self) -> [f64; 5] {
        [self.p10, self.p25, self.p50, self.p75, self.p90]
    }
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
}
