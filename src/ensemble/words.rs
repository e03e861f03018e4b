//! An ensemble's answer in words: the range for most mothers like her (10th to 90th percentile),
//! beside the one run's answer, and for a comparison the range of the change itself.

use super::bands::Bands;
use super::run::{DayQuantity, EnsembleRun};
use crate::summary::round_to;

/// "430–690": a 10th–90th percentile range of ml/day, rounded to 10 ml.
pub fn range(b: &Bands) -> String {
    format!("{:.0}–{:.0}", round_to(b.p10, 10.0), round_to(b.p90, 10.0))
}

/// The range of the milk made on `day` (the run's last day if past it), as a sentence to follow
/// the summary. `None` for an ensemble without that day.
pub fn range_words(ens: &EnsembleRun, day: usize) -> Option<String> {
    let made = ens.days(DayQuantity::Production);
    // A last, partial day would read as a low one: the last whole day at most.
    let day = day.min(made.len().min(ens.complete_days).checked_sub(1)?);
    let b = made[day];
    b.p50.is_finite().then(|| {
        format!(
            "Most mothers like her (8 in 10 of {} simulated) make {} ml/day on day {day} (median {:.0}).",
            ens.members.len(),
            range(&b),
            round_to(b.p50, 10.0)
        )
    })
}

/// The change from `before` to `after` on `day`, for most mothers like her: where each ensemble
/// is, and the range of the change itself, each mother compared with herself (narrower than the
/// two ranges side by side, which also hold how mothers differ). `None` if they do not pair.
pub fn compared_range_words(
    before: &EnsembleRun,
    after: &EnsembleRun,
    day: usize,
) -> Option<String> {
    let n = before
        .days(DayQuantity::Production)
        .len()
        .min(after.days(DayQuantity::Production).len())
        .min(before.complete_days)
        .min(after.complete_days);
    let day = day.min(n.checked_sub(1)?);
    let b = before.days(DayQuantity::Production)[day];
    let a = after.days(DayQuantity::Production)[day];
    let effect = before.effect(after, DayQuantity::Production, day, day + 1)?;
    if !(a.p50.is_finite() && b.p50.is_finite() && effect.p50.is_finite()) {
        return None;
    }
    Some(format!(
        "For most mothers like her: {} ml/day instead of {}; the change itself, each mother compared with herself, is {:+.0} to {:+.0} ml/day.",
        range(&a),
        range(&b),
        round_to(effect.p10, 10.0),
        round_to(effect.p90, 10.0),
    ))
}
