//! Prolactin: a baseline that falls over the months, surges with nipple stimulation, first-order
//! clearance. It acts slowly: its daily mean supports the ceiling of secretory capacity (H3).

use crate::scenario::Prolactin;

/// Age (days) over which the baseline and the surge shrink (fitted to H1: 200 → 119 → 59 ng/ml
/// at term, 1 and 6 months with a non-lactating floor of 20).
pub const DECLINE_AGE_DAYS: f64 = 21.0;
/// Exponent of the baseline's decline (H1 fit).
pub const BASELINE_DECLINE_EXPONENT: f64 = 0.68;
/// Exponent of the surge's decline (H2: rise of 167 ng/ml at 1 month, 32 at 6 months).
pub const SURGE_DECLINE_EXPONENT: f64 = 1.2;
/// Sessions a day that keep the baseline fully up (H1: > 8 feeds a day).
pub const FEEDS_PER_DAY_FOR_FULL_BASELINE: f64 = 8.0;
/// Extra stimulation of a double pump over one breast (both nipples at once).
pub const DOUBLE_STIMULATION: f64 = 1.4;
/// Lag between nipple stimulation and prolactin release reaching the blood, hours (H2: the peak
/// comes from ~15 min of suckling to just after the feed ends, later than clearance alone gives).
pub const RELEASE_LAG_H: f64 = 10.0 / 60.0;
/// Half-saturation of the prolactin support of secretory capacity, ng/ml (daily mean). Chosen so
/// that lactating levels (60–200) support 70–96% of the ceiling and non-lactating ones (≈ 20) 20%.
pub const SUPPORT_HALF_NG_PER_ML: f64 = 40.0;

/// Baseline (between-feed) level at age `t_h` when `feeds_per_day` sessions stimulate the nipples.
pub fn baseline_ng_per_ml(p: &Prolactin, t_h: f64, feeds_per_day: f64) -> f64 {
    let decline = (1.0 + t_h / 24.0 / DECLINE_AGE_DAYS).powf(-BASELINE_DECLINE_EXPONENT);
    let kept_up = (feeds_per_day / FEEDS_PER_DAY_FOR_FULL_BASELINE).clamp(0.0, 1.0);
    let lactating = (p.baseline_at_birth_ng_per_ml - p.non_lactating_ng_per_ml).max(0.0);
    (p.non_lactating_ng_per_ml + lactating * decline * kept_up) * p.drug_factor
}

/// Release rate during stimulation of one breast at age `t_h`.
pub fn surge_release_ng_per_ml_per_h(p: &Prolactin, t_h: f64) -> f64 {
    p.surge_release_ng_per_ml_per_h
        * p.drug_factor
        * (1.0 + t_h / 24.0 / DECLINE_AGE_DAYS).powf(-SURGE_DECLINE_EXPONENT)
}

/// Share (0–1) of the secretory-capacity ceiling that a daily-mean prolactin level supports.
pub fn capacity_support(mean_ng_per_ml: f64) -> f64 {
    let p2 = mean_ng_per_ml.max(0.0).powi(2);
    p2 / (p2 + SUPPORT_HALF_NG_PER_ML * SUPPORT_HALF_NG_PER_ML)
}

/// Advance the release drive towards the present stimulation; `kept` = exp(−dt/lag).
pub fn lag_step(drive: f64, stimulation: f64, kept: f64) -> f64 {
    stimulation + (drive - stimulation) * kept
}

/// Clearance time constant, hours.
pub fn clearance_tau_h(half_life_min: f64) -> f64 {
    half_life_min / 60.0 / std::f64::consts::LN_2
}

/// Advance the level over a step with the release `release_ng_per_ml_per_h` held constant:
/// exact solution of dP/dt = −(P − baseline)/τ + release, with `kept` = exp(−dt/τ).
pub fn step(level: f64, baseline: f64, release_ng_per_ml_per_h: f64, tau_h: f64, kept: f64) -> f64 {
    let target = baseline + release_ng_per_ml_per_h * tau_h;
    target + (level - target) * kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_fits_h1() {
        let p = Prolactin::default();
        let at = |days: f64| baseline_ng_per_ml(&p, days * 24.0, 10.0);
        assert!((at(0.0) - 200.0).abs() < 1.0);
        assert!((at(30.0) - 119.0).abs() < 119.0 * 0.1, "{}", at(30.0));
        assert!((at(180.0) - 59.0).abs() < 59.0 * 0.3, "{}", at(180.0));
        // Without feeds it returns to the non-lactating level.
        assert!((baseline_ng_per_ml(&p, 30.0 * 24.0, 0.0) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn half_life_is_honoured() {
        let tau = clearance_tau_h(37.0);
        let after = step(100.0, 0.0, 0.0, tau, (-(37.0 / 60.0) / tau).exp());
        assert!((after - 50.0).abs() < 1e-9);
    }
}
