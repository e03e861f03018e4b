//! How a change moved her supply, read from two runs of the same mother (as now, and with the
//! change): how much, how fast, and whether it came back after going back.

use crate::run::Run;
use crate::summary::complete_days;

/// Share of the full effect that counts as "most of it" (how fast).
const MOST_OF_IT: f64 = 0.9;
/// What is left of the effect when it counts as gone again: a tenth of it …
const GONE_SHARE: f64 = 0.1;
/// … or this many ml a day, whichever is more (the day-to-day jitter of feeds on demand: a feed
/// more or less in a day moves that day's milk made by a few ml).
const GONE_ML_PER_DAY: f64 = 8.0;
/// Days over which a lasting change's full effect is read, at the end of the change.
pub const SETTLED_DAYS: usize = 5;

/// The effect of a change on the milk made a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// Milk made a day with the change minus as now, at its full effect (ml/day).
    pub ml_per_day: f64,
    /// Milk made a day as now over the same days (ml/day).
    pub as_now_ml_per_day: f64,
    /// Days from the start of the change until most (90%) of the effect had happened.
    pub days_to_most: usize,
    /// The days the full effect is read over (since birth): the last days of a lasting change,
    /// the worst day of a one-off.
    pub read_over: std::ops::Range<usize>,
    /// Days from going back until the effect was gone (within a tenth of it, or 8 ml a day);
    /// `None`: not within the run.
    pub days_to_come_back: Option<usize>,
    /// The largest difference on any day from the start of the change to the end of the run
    /// (ml/day, smoothed over three days as the rest).
    pub largest_ml_per_day: f64,
    /// The effect left on the run's last whole day (ml/day).
    pub left_at_end_ml_per_day: f64,
    /// Days the run goes on after going back.
    pub days_after_going_back: usize,
}

impl Effect {
    /// The effect as a share of the milk made as now (%).
    pub fn percent(&self) -> f64 {
        100.0 * self.ml_per_day / self.as_now_ml_per_day.max(1.0)
    }

    /// The effect of a change from day `from` (inclusive) to day `back` (the day things are as
    /// before again). A `lasting` change is read at its end (its last days, once it has settled);
    /// a one-off (a night away) at its largest. `None` when the runs do not cover the days.
    pub fn measure(
        as_now: &Run,
        changed: &Run,
        from: usize,
        back: usize,
        lasting: bool,
    ) -> Option<Effect> {
        let n = complete_days(as_now).min(complete_days(changed));
        if !(from < back && back < n) {
            return None;
        }
        let made = |r: &Run, d: usize| r.days[d].production_ml.iter().sum::<f64>();
        // Each day's difference, smoothed over three days: a feed on demand falls one side of
        // midnight or the other, and one day's milk made jitters by a feed's worth of synthesis.
        let raw: Vec<f64> = (0..n).map(|d| made(changed, d) - made(as_now, d)).collect();
        let diff: Vec<f64> = (0..n)
            .map(|d| {
                let lo = d.saturating_sub(1).max(from.min(d));
                let hi = (d + 2).min(n);
                raw[lo..hi].iter().sum::<f64>() / (hi - lo) as f64
            })
            .collect();
        let mean = |r: &Run, days: std::ops::Range<usize>| {
            let len = days.len().max(1) as f64;
            days.map(|d| made(r, d)).sum::<f64>() / len
        };
        // The full effect: at the end of a lasting change (its last days), or where a one-off's
        // is largest (in the week after it).
        let (full, full_day, level) = if lasting {
            let settled = back.saturating_sub(SETTLED_DAYS).max(from)..back;
            let level = mean(as_now, settled.clone());
            let full = settled.clone().map(|d| raw[d]).sum::<f64>() / settled.len() as f64;
            (full, back - 1, level)
        } else {
            let week = from..(from + 7).min(n);
            let d = week
                .clone()
                .max_by(|&a, &b| raw[a].abs().total_cmp(&raw[b].abs()))?;
            (raw[d], d, made(as_now, d))
        };
        let days_to_most = (from..=full_day)
            .find(|&d| diff[d] * full.signum() >= MOST_OF_IT * full.abs())
            .unwrap_or(full_day)
            + 1
            - from;
        let gone = (GONE_SHARE * full.abs()).max(GONE_ML_PER_DAY);
        // Back from where it was going back (the end of a lasting change, the day after the
        // largest effect of a one-off).
        let back_from = if lasting { back } else { full_day + 1 };
        let days_to_come_back = (back_from..n)
            .find(|&d| raw[d].abs() <= gone && diff[d].abs() <= gone)
            .map(|d| d + 1 - back_from);
        let largest = diff[from..].iter().fold(0.0_f64, |m, d| m.max(d.abs()));
        let read_over = if lasting {
            back.saturating_sub(SETTLED_DAYS).max(from)..back
        } else {
            full_day..full_day + 1
        };
        Some(Effect {
            read_over,
            ml_per_day: full,
            largest_ml_per_day: largest,
            as_now_ml_per_day: level,
            days_to_most,
            days_to_come_back,
            left_at_end_ml_per_day: diff[n - 1],
            days_after_going_back: n - back_from,
        })
    }
}
