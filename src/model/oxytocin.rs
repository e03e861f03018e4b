//! Oxytocin and the let-down (milk-ejection) reflex.
//!
//! Nipple stimulation starts a reflex: after a latency of about a minute (H4) the posterior
//! pituitary releases a burst of oxytocin, the myoepithelial cells of *both* breasts contract
//! (H6) and part of the milk held in the alveoli is squeezed into the ducts. Bursts repeat every
//! few minutes while stimulation goes on (H5). Stress delays them, spaces them out and blocks
//! some (H7). Timing jitter comes from the scenario's seed, so runs are reproducible.

use crate::same_math::SameMath;
use crate::scenario::Oxytocin;
use crate::schedule::Kind;

/// How long one ejection squeezes the alveoli (H4: each ejection lasts 45 s – 3.5 min).
pub const EJECTION_DURATION_H: f64 = 1.5 / 60.0;
/// A pump's first let-down comes later than a baby's (H4).
pub const PUMP_LATENCY_FACTOR: f64 = 1.5;
/// Double pumping stimulates more strongly: ejections come closer together (H5: 5.1 in 15 min
/// of double pumping against 3.3 in 10 min of single pumping).
pub const DOUBLE_PUMP_INTERVAL_FACTOR: f64 = 0.8;
/// Spread of the latency (± share of its mean) and of the intervals.
pub const LATENCY_JITTER: f64 = 0.3;
pub const INTERVAL_JITTER: f64 = 0.4;
/// At full stress (1): the first let-down comes twice as late, later ones × 1.5 further apart and
/// one in five of them blocked, pulses half as high: about half the let-downs of a calm feed
/// (D10, H7: oxytocin pulses 2.25 → ≈ 1.2 per 20-min feed under stress, Ueda et al. 1994; the
/// first is delayed, not lost: the reflex still fires once the nipple is stimulated).
pub const STRESS_LATENCY_GAIN: f64 = 1.0;
pub const STRESS_INTERVAL_GAIN: f64 = 0.5;
pub const STRESS_BLOCK_PROBABILITY: f64 = 0.2;
pub const STRESS_PULSE_LOSS: f64 = 0.5;

/// The reflex's state between steps.
#[derive(Clone, Debug)]
pub struct Reflex {
    pub level_pg_per_ml: f64,
    /// When the next burst is due, while stimulation goes on.
    pub next_burst_h: Option<f64>,
    /// End of the ejection in progress.
    pub ejecting_until_h: f64,
    kind: Kind,
    double: bool,
    /// The next burst is the first of this stimulation (never blocked, only delayed).
    first: bool,
}

impl Reflex {
    pub fn new(o: &Oxytocin) -> Self {
        Self {
            level_pg_per_ml: o.basal_pg_per_ml,
            next_burst_h: None,
            ejecting_until_h: f64::NEG_INFINITY,
            kind: Kind::Breastfeed,
            double: false,
            first: false,
        }
    }

    fn jitter(rng: &mut fastrand::Rng, spread: f64) -> f64 {
        1.0 + spread * (2.0 * rng.f64() - 1.0)
    }

    /// Stimulation of the nipple(s) begins at `t_h`.
    pub fn start(
        &mut self,
        o: &Oxytocin,
        stress: f64,
        kind: Kind,
        double: bool,
        t_h: f64,
        rng: &mut fastrand::Rng,
    ) {
        self.kind = kind;
        self.double = double;
        self.first = true;
        let mut latency_h = o.first_letdown_latency_s / 3600.0
            * (1.0 + STRESS_LATENCY_GAIN * stress)
            * Self::jitter(rng, LATENCY_JITTER);
        if kind == Kind::Pump {
            latency_h *= PUMP_LATENCY_FACTOR;
        }
        self.next_burst_h = Some(t_h + latency_h);
    }

    /// Stimulation stops: no further bursts.
    pub fn stop(&mut self) {
        self.next_burst_h = None;
    }

    /// The burst due now fires (or is blocked by stress); schedules the next one. `strength`
    /// (0–1) scales its pulse: what holds back release (alcohol, [`alcohol_ejection_strength`]).
    /// Returns true if a let-down happened.
    pub fn fire(
        &mut self,
        o: &Oxytocin,
        stress: f64,
        strength: f64,
        t_h: f64,
        rng: &mut fastrand::Rng,
    ) -> bool {
        let blocked = rng.f64() < STRESS_BLOCK_PROBABILITY * stress && !self.first;
        self.first = false;
        let mut interval_h = o.letdown_interval_min / 60.0
            * (1.0 + STRESS_INTERVAL_GAIN * stress)
            * Self::jitter(rng, INTERVAL_JITTER);
        if self.kind == Kind::Pump && self.double {
            interval_h *= DOUBLE_PUMP_INTERVAL_FACTOR;
        }
        self.next_burst_h = Some(t_h + interval_h);
        if blocked {
            return false;
        }
        self.level_pg_per_ml += o.pulse_pg_per_ml * (1.0 - STRESS_PULSE_LOSS * stress) * strength;
        self.ejecting_until_h = t_h + EJECTION_DURATION_H;
        true
    }

    pub fn ejecting(&self, t_h: f64) -> bool {
        t_h < self.ejecting_until_h - 1e-12
    }

    /// First-order clearance towards the basal level; `kept` = exp(−dt/τ), see [`clearance_tau_h`].
    pub fn clear(&mut self, o: &Oxytocin, kept: f64) {
        self.level_pg_per_ml = cleared(o, self.level_pg_per_ml, kept);
    }
}

/// `level` after clearance towards the basal level with `kept` = exp(−dt/τ) (no pulse meanwhile).
pub fn cleared(o: &Oxytocin, level_pg_per_ml: f64, kept: f64) -> f64 {
    o.basal_pg_per_ml + (level_pg_per_ml - o.basal_pg_per_ml) * kept
}

/// Clearance time constant, hours.
pub fn clearance_tau_h(o: &Oxytocin) -> f64 {
    o.half_life_min / 60.0 / std::f64::consts::LN_2
}

/// Blood alcohol that halves the let-down, mg/l. Alcohol holds back oxytocin release: after
/// 0.4 g/kg (about two drinks) oxytocin fell, the first milk came later and less was pumped
/// (Mennella, Pepino & Teff 2005, J Clin Endocrinol Metab 90:1979); targets.md B5 says only that
/// 5+ drinks reduce the let-down. No dose–response is published: half at 300 mg/l (about the
/// peak after 0.3 g/kg) is a judgment, not a fit, and weakens the let-down already at one drink
/// (to about 60% at its peak), more than B5's row says. The model's babies do not drink less
/// for it (`lactosim validate`, B5: they feed until full from milk already in the ducts): what
/// it changes is the let-downs themselves.
pub const ALCOHOL_HALF_LETDOWN_MG_PER_L: f64 = 300.0;

/// The share of a let-down's strength left at `blood_mg_per_l` of alcohol (1: none).
pub fn alcohol_ejection_strength(blood_mg_per_l: f64) -> f64 {
    let c = blood_mg_per_l.max(0.0);
    1.0 - c / (c + ALCOHOL_HALF_LETDOWN_MG_PER_L)
}

/// Rate constant (per hour) that moves `fraction` of the alveolar milk over one ejection.
pub fn ejection_rate_per_h(fraction: f64) -> f64 {
    -(1.0 - fraction.clamp(0.0, 0.99)).libm_ln() / EJECTION_DURATION_H
}
