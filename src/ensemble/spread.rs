//! How far mothers like the one a scenario describes differ from her: one spread per quantity
//! that differs between mothers (P1–P4 of `targets.md`), and the drawing of one virtual mother
//! from them.
//!
//! The scenario is the centre: every member is the scenario with its sampled quantities moved,
//! so that the median member is the scenario's own mother. A scenario's `between_mothers` widens,
//! narrows or switches off each spread ("I measured her storage capacity": 0).
//!
//! Member `i` of a scenario draws from a random stream of its own, seeded by the scenario's seed
//! and `i` alone, and draws every quantity in a fixed order whether or not its spread is on: so
//! the same mother comes out on any number of threads, and switching one spread off leaves the
//! others' draws as they were. Two scenarios with the same seed have the same members: the
//! comparison of a change pairs each mother with herself.

use serde::{Deserialize, Serialize};

use crate::same_math::SameMath;
use crate::scenario::Scenario;

/// How wide each spread is, relative to the published one: 1 as published (the default), 0 off
/// (the scenario's value for every member), 2 twice as wide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BetweenMothers {
    pub storage_capacity: f64,
    pub left_right_difference: f64,
    pub secretory_capacity: f64,
    pub activation_delay: f64,
    pub appetite: f64,
    pub effectiveness: f64,
    pub letdown_latency: f64,
}

impl Default for BetweenMothers {
    fn default() -> Self {
        Self {
            storage_capacity: 1.0,
            left_right_difference: 1.0,
            secretory_capacity: 1.0,
            activation_delay: 1.0,
            appetite: 1.0,
            effectiveness: 1.0,
            letdown_latency: 1.0,
        }
    }
}

impl BetweenMothers {
    /// Written to a preset only when a spread differs from the published one.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Widest setting of a spread, relative to the published one.
pub const MAX_WIDTH: f64 = 3.0;

/// Log-normal spread of each breast's storage capacity: σ of ln, for a coefficient of variation
/// of about 36% (P1: SD ≈ 75 ml about a mean of 210 ml; 74–382 ml, 81–606 ml between women).
pub const STORAGE_CAPACITY_LOG_SD: f64 = 0.35;
/// Spread of the difference between a mother's two breasts: σ of ln(left / right) storage
/// capacity. P2 reports a 72% difference in short-term synthesis between the breasts, but with 85%
/// from feed to feed in the same breast: most of it is the feed, not the breast. A σ of 0.3 makes
/// one breast hold about a quarter more than the other in a typical mother.
pub const LEFT_RIGHT_LOG_SD: f64 = 0.3;
/// Log-normal spread of the secretory capacity (ceiling and at birth together). E5: short-term
/// synthesis 23 ± 3.5 ml/h per breast, range under 6 to 90; P2: per-breast production 454 ± 201
/// g/day (CV 44%, which includes the breast-to-breast and appetite differences).
pub const SECRETORY_CAPACITY_LOG_SD: f64 = 0.25;
/// Mean extra delay of secretory activation, hours, exponentially distributed: with the model's
/// midpoint at 54 h, 22% of mothers pass 72 h (P3: 22% after 72 h in a mixed cohort, Dewey 2003;
/// 44% of first-time mothers, Nommsen-Rivers 2010: widen the spread for them).
pub const ACTIVATION_DELAY_MEAN_H: f64 = 12.0;
/// Relative spread of the baby's appetite once settled: P4, intake 717 ± 119 g/day (CV 17%) by
/// test weighing (Nommsen-Rivers 2020); E1: 478–1356 ml/day.
pub const APPETITE_CV: f64 = 0.166;
/// Bounds on the appetite relative to the scenario's: E1's range about its mean (478–1356 about 788).
pub const APPETITE_BOUNDS: (f64, f64) = (0.61, 1.72);
/// Log-normal spread of the baby's effectiveness, capped at 1 (a healthy term baby with a good
/// latch): E3b, a breastfeed removes 67 ± 8% of the available milk (CV 12%), part of which is
/// the baby. No published spread of effectiveness itself: this is an assumption.
pub const EFFECTIVENESS_LOG_SD: f64 = 0.1;
/// Log-normal spread of the first let-down's latency, bounded to 30–150 s (H4: about 1 min,
/// "treat loosely").
pub const LETDOWN_LATENCY_LOG_SD: f64 = 0.4;
pub const LETDOWN_LATENCY_BOUNDS_S: (f64, f64) = (30.0, 150.0);

/// What one member's draws set: the quantities that differ between mothers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sampled {
    pub storage_capacity_ml: [f64; 2],
    pub secretory_capacity_ceiling_ml_per_h: f64,
    pub secretory_capacity_at_birth_ml_per_h: f64,
    pub activation_delay_h: f64,
    pub appetite_plateau_ml_per_day: f64,
    pub effectiveness_0_to_1: f64,
    pub first_letdown_latency_s: f64,
}

impl Sampled {
    /// The names of the columns of `members.csv`, in the order of [`Sampled::values`].
    pub const COLUMNS: [&'static str; 8] = [
        "storage_capacity_left_ml",
        "storage_capacity_right_ml",
        "secretory_capacity_ceiling_ml_per_h",
        "secretory_capacity_at_birth_ml_per_h",
        "activation_delay_h",
        "appetite_plateau_ml_per_day",
        "effectiveness_0_to_1",
        "first_letdown_latency_s",
    ];

    pub fn values(&self) -> [f64; 8] {
        [
            self.storage_capacity_ml[0],
            self.storage_capacity_ml[1],
            self.secretory_capacity_ceiling_ml_per_h,
            self.secretory_capacity_at_birth_ml_per_h,
            self.activation_delay_h,
            self.appetite_plateau_ml_per_day,
            self.effectiveness_0_to_1,
            self.first_letdown_latency_s,
        ]
    }

    fn of(sc: &Scenario) -> Self {
        let m = &sc.mother;
        Self {
            storage_capacity_ml: [m.storage_capacity_left_ml, m.storage_capacity_right_ml],
            secretory_capacity_ceiling_ml_per_h: m.secretory_capacity_ceiling_ml_per_h,
            secretory_capacity_at_birth_ml_per_h: m.secretory_capacity_at_birth_ml_per_h,
            activation_delay_h: m.activation_delay_h,
            appetite_plateau_ml_per_day: sc.infant.appetite_plateau_ml_per_day,
            effectiveness_0_to_1: sc.infant.effectiveness_0_to_1,
            first_letdown_latency_s: m.oxytocin.first_letdown_latency_s,
        }
    }
}

/// A standard normal draw (Box–Muller; one of the pair is enough here).
fn normal(rng: &mut fastrand::Rng) -> f64 {
    let u1 = 1.0 - rng.f64(); // (0, 1]: ln is finite
    let u2 = rng.f64();
    (-2.0 * u1.libm_ln()).sqrt() * (std::f64::consts::TAU * u2).libm_cos()
}

/// The seed of member `index`'s random stream (SplitMix64 of the scenario's seed and the index,
/// so that neighbouring members' streams are unrelated).
fn member_seed(seed: u64, index: usize) -> u64 {
    let mut z = seed ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Keep a sampled value inside the parameter's allowed range (so every member is a valid scenario).
fn within(path: &str, v: f64) -> f64 {
    match crate::params::param(path) {
        Some(p) => v.clamp(p.min, p.max),
        None => v,
    }
}

/// Member `index` of the ensemble around `centre`: the scenario with its sampled quantities
/// moved, its own let-down timing, and what was drawn.
pub fn member(centre: &Scenario, index: usize) -> (Scenario, Sampled) {
    let w = &centre.between_mothers;
    let mut rng = fastrand::Rng::with_seed(member_seed(centre.seed, index));
    // Every draw, in a fixed order, whatever the widths.
    let z_storage = normal(&mut rng);
    let z_left_right = normal(&mut rng);
    let z_secretory = normal(&mut rng);
    let u_delay = rng.f64();
    let z_appetite = normal(&mut rng);
    let z_effectiveness = normal(&mut rng);
    let z_latency = normal(&mut rng);
    let let_down_seed = rng.u64(..);

    let mut sc = centre.clone();
    sc.seed = let_down_seed;
    let m = &mut sc.mother;
    let storage = (w.storage_capacity * STORAGE_CAPACITY_LOG_SD * z_storage).libm_exp();
    let half_lr = 0.5 * w.left_right_difference * LEFT_RIGHT_LOG_SD * z_left_right;
    m.storage_capacity_left_ml = within(
        "mother.storage_capacity_left_ml",
        m.storage_capacity_left_ml * storage * half_lr.libm_exp(),
    );
    m.storage_capacity_right_ml = within(
        "mother.storage_capacity_right_ml",
        m.storage_capacity_right_ml * storage * (-half_lr).libm_exp(),
    );
    let secretory = (w.secretory_capacity * SECRETORY_CAPACITY_LOG_SD * z_secretory).libm_exp();
    m.secretory_capacity_ceiling_ml_per_h = within(
        "mother.secretory_capacity_ceiling_ml_per_h",
        m.secretory_capacity_ceiling_ml_per_h * secretory,
    );
    m.secretory_capacity_at_birth_ml_per_h = within(
        "mother.secretory_capacity_at_birth_ml_per_h",
        m.secretory_capacity_at_birth_ml_per_h * secretory,
    );
    m.activation_delay_h = within(
        "mother.activation_delay_h",
        m.activation_delay_h
            - w.activation_delay * ACTIVATION_DELAY_MEAN_H * (1.0 - u_delay).libm_ln(),
    );
    let latency = m.oxytocin.first_letdown_latency_s
        * (w.letdown_latency * LETDOWN_LATENCY_LOG_SD * z_latency).libm_exp();
    // The published bounds hold unless the scenario's own mother is outside them.
    let (lo, hi) = LETDOWN_LATENCY_BOUNDS_S;
    let centre_latency = m.oxytocin.first_letdown_latency_s;
    m.oxytocin.first_letdown_latency_s = within(
        "mother.oxytocin.first_letdown_latency_s",
        latency.clamp(lo.min(centre_latency), hi.max(centre_latency)),
    );
    let i = &mut sc.infant;
    let (lo, hi) = APPETITE_BOUNDS;
    let appetite = (1.0 + w.appetite * APPETITE_CV * z_appetite).clamp(lo, hi);
    i.appetite_plateau_ml_per_day = within(
        "infant.appetite_plateau_ml_per_day",
        i.appetite_plateau_ml_per_day * appetite,
    );
    let effectiveness = (w.effectiveness * EFFECTIVENESS_LOG_SD * z_effectiveness).libm_exp();
    i.effectiveness_0_to_1 = within(
        "infant.effectiveness_0_to_1",
        (i.effectiveness_0_to_1 * effectiveness).min(i.effectiveness_0_to_1.max(1.0)),
    );
    let sampled = Sampled::of(&sc);
    (sc, sampled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(sc: &Scenario, n: usize) -> Vec<Sampled> {
        (0..n).map(|i| member(sc, i).1).collect()
    }

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    }

    #[test]
    fn every_member_is_a_valid_scenario_and_the_same_on_every_call() {
        let mut sc = Scenario::default();
        sc.between_mothers.storage_capacity = MAX_WIDTH;
        sc.between_mothers.activation_delay = MAX_WIDTH;
        for i in 0..2000 {
            let (m, s) = member(&sc, i);
            assert!(m.validate().is_empty(), "member {i}: {:?}", m.validate());
            assert_eq!(member(&sc, i).1, s);
        }
    }

    #[test]
    fn the_spreads_are_those_published_and_centred_on_the_scenario() {
        let sc = Scenario::default();
        let all = members(&sc, 4000);
        let storage: Vec<f64> = all.iter().map(|s| s.storage_capacity_ml[0]).collect();
        let mean = storage.iter().sum::<f64>() / storage.len() as f64;
        let sd = (storage.iter().map(|x| (x - mean).same_powi(2)).sum::<f64>()
            / storage.len() as f64)
            .sqrt();
        // P1: CV ≈ 36% (the left–right difference adds a little).
        assert!((0.33..0.45).contains(&(sd / mean)), "CV {}", sd / mean);
        assert!((median(storage) - 210.0).abs() < 10.0);
        // P3: about 22% of mothers have milk in after 72 h (midpoint 54 h + delay > 72 h).
        let late = all.iter().filter(|s| s.activation_delay_h > 18.0).count() as f64;
        assert!((0.19..0.25).contains(&(late / all.len() as f64)));
        // P4: appetite CV ≈ 17%, median the scenario's.
        let appetite: Vec<f64> = all.iter().map(|s| s.appetite_plateau_ml_per_day).collect();
        assert!((median(appetite) - 790.0).abs() < 15.0);
        // A healthy baby is never better than healthy.
        assert!(all.iter().all(|s| s.effectiveness_0_to_1 <= 1.0));
        assert!(
            all.iter()
                .all(|s| (30.0..=150.0).contains(&s.first_letdown_latency_s))
        );
    }

    #[test]
    fn a_preset_keeps_the_spreads_only_when_they_differ_from_the_published() {
        let plain = crate::preset::to_string(&Scenario::default());
        assert!(!plain.contains("between_mothers"));
        let mut sc = Scenario::default();
        sc.between_mothers.storage_capacity = 0.0;
        sc.between_mothers.activation_delay = 2.0;
        let text = crate::preset::to_string(&sc);
        assert!(text.contains("between_mothers"));
        let back = crate::preset::from_str(&text, None).unwrap();
        assert_eq!(back.between_mothers, sc.between_mothers);
        sc.between_mothers.appetite = 3.5;
        assert!(
            sc.validate()
                .iter()
                .any(|p| p.path == "between_mothers.appetite")
        );
    }

    #[test]
    fn a_spread_switched_off_leaves_her_value_and_the_other_draws_alone() {
        let sc = Scenario::default();
        let mut measured = sc.clone();
        measured.between_mothers.storage_capacity = 0.0;
        measured.between_mothers.left_right_difference = 0.0;
        for i in 0..50 {
            let (a, b) = (member(&sc, i).1, member(&measured, i).1);
            assert_eq!(b.storage_capacity_ml, [210.0, 210.0]);
            assert_eq!(a.appetite_plateau_ml_per_day, b.appetite_plateau_ml_per_day);
            assert_eq!(a.activation_delay_h, b.activation_delay_h);
        }
    }
}
