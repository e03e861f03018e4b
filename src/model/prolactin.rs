//! Prolactin: a baseline that falls over the months, surges with nipple stimulation, first-order
//! clearance. It is permissive (H3): over the lactating range its daily mean lets the secretory
//! tissue be kept; it does not set the rate of the moment. Held below ≈ 25 ng/ml for a day or
//! two (a dopamine agonist, D5) it no longer does, and the secretory cells stop. Medicines the
//! mother takes scale its release ([`super::pharmacology`]).

use crate::same_math::SameMath;
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
/// Half-saturation of the prolactin support of the secretory tissue, ng/ml (daily mean), and the
/// steepness of the switch. Permissive: lactating levels (≥ 60 ng/ml, H1 at 6 months) support
/// ≥ 99% of it, so the rate does not follow prolactin (H3); below ≈ 25 ng/ml the support is
/// mostly gone and the cells stop within days (D5: milk stops while prolactin stays below ≈ 25).
pub const SUPPORT_HALF_NG_PER_ML: f64 = 30.0;
pub const SUPPORT_HILL: i32 = 6;

/// Baseline (between-feed) level at age `t_h` when `feeds_per_day` sessions stimulate the
/// nipples and nothing the mother takes acts on release.
pub fn baseline_ng_per_ml(p: &Prolactin, t_h: f64, feeds_per_day: f64) -> f64 {
    baseline_with(p, Declines::at(t_h), feeds_per_day)
}

/// How far the baseline and the surge have declined with age (both a power of the same
/// quantity: one logarithm and two exponentials, not two powers, in the hot loop).
#[derive(Clone, Copy, Debug)]
pub struct Declines {
    pub baseline: f64,
    pub surge: f64,
}

impl Declines {
    pub fn at(t_h: f64) -> Self {
        let ln_age = (t_h / 24.0 / DECLINE_AGE_DAYS).libm_ln_1p();
        Self {
            baseline: (-BASELINE_DECLINE_EXPONENT * ln_age).libm_exp(),
            surge: (-SURGE_DECLINE_EXPONENT * ln_age).libm_exp(),
        }
    }
}

/// [`baseline_ng_per_ml`] with the declines worked out.
pub fn baseline_with(p: &Prolactin, declines: Declines, feeds_per_day: f64) -> f64 {
    let decline = declines.baseline;
    let kept_up = (feeds_per_day / FEEDS_PER_DAY_FOR_FULL_BASELINE).clamp(0.0, 1.0);
    let lactating = (p.baseline_at_birth_ng_per_ml - p.non_lactating_ng_per_ml).max(0.0);
    p.non_lactating_ng_per_ml + lactating * decline * kept_up
}

/// Release rate during stimulation of one breast at age `t_h`, before medicines.
pub fn surge_release_ng_per_ml_per_h(p: &Prolactin, t_h: f64) -> f64 {
    surge_with(p, Declines::at(t_h))
}

/// [`surge_release_ng_per_ml_per_h`] with the declines worked out.
pub fn surge_with(p: &Prolactin, declines: Declines) -> f64 {
    p.surge_release_ng_per_ml_per_h * declines.surge
}

/// Share (0–1) of the secretory tissue that a daily-mean prolactin level supports.
pub fn capacity_support(mean_ng_per_ml: f64) -> f64 {
    let p = mean_ng_per_ml.max(0.0).same_powi(SUPPORT_HILL);
    p / (p + SUPPORT_HALF_NG_PER_ML.same_powi(SUPPORT_HILL))
}

/// Advance the release drive towards the present stimulation; `kept` = exp(−dt/lag).
pub fn lag_step(drive: f64, stimulation: f64, kept: f64) -> f64 {
    stimulation + (drive - stimulation) * kept
}

/// Clearance time constant, hours.
pub fn clearance_tau_h(half_life_min: f64) -> f64 {
    half_life_min / 60.0 / std::f64::consts::LN_2
}

/// The level over one step, solved exactly while the stimulation is constant: clearance towards
/// the baseline (time constant τ) plus a release proportional to the drive, which follows the
/// stimulation with the lag [`RELEASE_LAG_H`]:
///
/// dD/dt = (S − D)/lag,  dP/dt = −(P − baseline)/τ + R·D
///
/// so P(t) = settle + clearance·e^(−t/τ) + drive·e^(−t/lag). The drive falls within minutes of
/// a session's end; taking the release at the mean of the drive at both ends of a step (the
/// trapezoid rule) overstated it by a fifth over a 15-minute step, and this form is exact for
/// any step, and at any time inside it (the sampled series between sessions reads it there).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Course {
    /// Where the level settles under the present stimulation.
    settle: f64,
    /// Amplitudes of the clearance mode and the drive mode at the start of the step.
    clearance: f64,
    drive: f64,
    tau_h: f64,
}

impl Course {
    /// From `level` and `drive_before` at the start of the step, under `stimulation` (sessions
    /// at work) and a release of `release_per_drive` ng/ml/h per unit of drive.
    pub fn new(
        level: f64,
        baseline: f64,
        release_per_drive: f64,
        drive_before: f64,
        stimulation: f64,
        tau_h: f64,
    ) -> Self {
        let settle = baseline + release_per_drive * stimulation * tau_h;
        // 1/τ − 1/lag: never near zero (τ ≥ 29 min for every half-life a scenario accepts, lag
        // 10 min), but kept away from it so that no scenario can divide by it.
        let rates = (1.0 / tau_h - 1.0 / RELEASE_LAG_H).min(-1e-6);
        let drive = release_per_drive * (drive_before - stimulation) / rates;
        Self {
            settle,
            clearance: level - settle - drive,
            drive,
            tau_h,
        }
    }

    /// The level after a time with `kept` = e^(−t/τ) and `lag_kept` = e^(−t/lag).
    pub fn level(&self, kept: f64, lag_kept: f64) -> f64 {
        self.settle + self.clearance * kept + self.drive * lag_kept
    }

    /// The level `t_h` into the step.
    pub fn level_at(&self, t_h: f64) -> f64 {
        let [kept, lag_kept] = self.decays(t_h);
        self.level(kept, lag_kept)
    }

    /// What [`Course::level`] takes for a time `t_h`: e^(−t/τ) and e^(−t/lag). Those of a sum
    /// of times are the products of each's.
    pub fn decays(&self, t_h: f64) -> [f64; 2] {
        [
            (-t_h / self.tau_h).libm_exp(),
            (-t_h / RELEASE_LAG_H).libm_exp(),
        ]
    }

    /// The highest level over the first `dt_h` of the step and when (hours into it): at one of
    /// its ends, or where the falling drive no longer outweighs clearance.
    pub fn peak_within(&self, dt_h: f64) -> (f64, f64) {
        let mut best = (0.0, self.level(1.0, 1.0));
        let end = self.level_at(dt_h);
        if end > best.1 {
            best = (dt_h, end);
        }
        // dP/dt = −a·clearance·e^(−at) − c·drive·e^(−ct) is zero where e^((c−a)t) = −c·drive /
        // (a·clearance).
        let (a, c) = (1.0 / self.tau_h, 1.0 / RELEASE_LAG_H);
        let ratio = -c * self.drive / (a * self.clearance);
        if ratio > 0.0 && ratio.is_finite() {
            let t = ratio.libm_ln() / (c - a);
            if t > 0.0 && t < dt_h {
                let inside = self.level_at(t);
                if inside > best.1 {
                    best = (t, inside);
                }
            }
        }
        best
    }

    /// The mean level over the first `dt_h` of the step (its factors as for [`Course::level`]).
    pub fn mean(&self, dt_h: f64, kept: f64, lag_kept: f64) -> f64 {
        if dt_h <= 0.0 {
            return self.level(1.0, 1.0);
        }
        self.settle
            + (self.clearance * self.tau_h * (1.0 - kept)
                + self.drive * RELEASE_LAG_H * (1.0 - lag_kept))
                / dt_h
    }
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

    /// The closed form against a fine Euler integration of the two equations, over a step that
    /// starts just after a session (high drive, no stimulation) and one inside it.
    #[test]
    fn the_lagged_course_is_exact() {
        let tau = clearance_tau_h(37.0);
        for (level, drive0, stim) in [(150.0, 1.0, 0.0), (80.0, 0.2, 1.4), (60.0, 0.0, 0.0)] {
            let (baseline, r) = (90.0, 2000.0);
            let course = Course::new(level, baseline, r, drive0, stim, tau);
            let (mut p, mut d, mut area) = (level, drive0, 0.0);
            let n = 200_000;
            let dt = 0.5 / n as f64;
            for _ in 0..n {
                let dp = -(p - baseline) / tau + r * d;
                let dd = (stim - d) / RELEASE_LAG_H;
                area += p * dt + 0.5 * dp * dt * dt;
                p += dp * dt;
                d += dd * dt;
            }
            let (kept, lag_kept) = ((-0.5 / tau).libm_exp(), (-0.5 / RELEASE_LAG_H).libm_exp());
            let exact = course.level(kept, lag_kept);
            assert!((exact - p).abs() < 1e-3 * p, "{exact} vs {p}");
            let mean = course.mean(0.5, kept, lag_kept);
            assert!(
                (mean - area / 0.5).abs() < 1e-3 * mean,
                "{mean} vs {}",
                area / 0.5
            );
            assert_eq!(course.level(1.0, 1.0), level);
        }
    }

    #[test]
    fn the_peak_inside_a_step_is_found() {
        let tau = clearance_tau_h(37.0);
        // Just after the stimulation stopped: the level still rises for a while, then falls.
        let course = Course::new(100.0, 60.0, 2000.0, 1.0, 0.0, tau);
        let (t, peak) = course.peak_within(1.0);
        let fine = (0..=10_000)
            .map(|i| (i as f64 * 1e-4, course.level_at(i as f64 * 1e-4)))
            .fold((0.0, f64::MIN), |b, x| if x.1 > b.1 { x } else { b });
        assert!((peak - fine.1).abs() < 1e-6 * peak, "{peak} vs {}", fine.1);
        assert!((t - fine.0).abs() < 2e-4, "{t} vs {}", fine.0);
        assert!(t > 0.0 && t < 1.0);
        // Falling from the start: the peak is the start.
        let falling = Course::new(150.0, 60.0, 2000.0, 0.0, 0.0, tau);
        assert_eq!(falling.peak_within(0.5), (0.0, 150.0));
    }

    #[test]
    fn half_life_is_honoured() {
        let tau = clearance_tau_h(37.0);
        let course = Course::new(100.0, 0.0, 0.0, 0.0, 0.0, tau);
        let after = course.level((-(37.0 / 60.0) / tau).libm_exp(), 0.0);
        assert!((after - 50.0).abs() < 1e-9);
    }
}
