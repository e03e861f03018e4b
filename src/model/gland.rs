//! One breast: milk stored in two pools (ducts and alveoli), its fat and solutes, synthesis
//! braked by local fullness, secretory capacity adapting over days, the tight junctions.
//!
//! - Synthesis = secretory capacity × activation × local inhibition (E5, H3). The inhibitor (FIL)
//!   rises with the milk left in the breast: an empty breast makes milk fastest.
//! - Secretory capacity adapts to the mean fullness of the past day: a breast emptied often and
//!   thoroughly (mean fullness below the set point) grows towards the ceiling that prolactin
//!   supports; one left full shrinks, steeply so after long stasis (involution) (L1–L3; Neal &
//!   Thornley 1983, Vetharaniam 2003).
//! - Milk flows from alveoli to ducts slowly by itself (the lean milk drains) and fast during a
//!   let-down; only the ducts can be emptied by a baby or a pump.
//! - Long fullness reopens the tight junctions (L3): sodium and chloride rise, lactose falls.

use super::composition::{Solutes, fat_release_factor};

/// Strength of the fullness brake: inhibition = (1 − f)(1 + k)/(1 − f + k). Small k: synthesis
/// stays near its maximum over most of the range and stops as the breast fills (E5: roughly
/// linear for up to 6 h; Daly 1993: faster after a fuller emptying).
pub const INHIBITION_K: f64 = 0.3;
/// Mean fullness at which secretory capacity neither grows nor shrinks.
pub const FULLNESS_SET_POINT: f64 = 0.4;
/// Time constant of the mean fullness the gland senses (a day: L1 acts within days).
pub const FULLNESS_MEMORY_H: f64 = 24.0;
/// Rate of growth of capacity towards its ceiling at full demand, per hour (L1: +10–40% within
/// 3–10 days of more removal).
pub const CAPACITY_GROWTH_PER_H: f64 = 0.6 / 24.0;
/// Rate of loss of capacity when the mean fullness is high, per hour (L1: −7–34% for fewer removals).
pub const CAPACITY_LOSS_PER_H: f64 = 0.5 / 24.0;
/// Steepening of the loss with sustained fullness (Neal & Thornley's Hill term, exponent 10):
/// involution after prolonged stasis (L3).
pub const INVOLUTION_GAIN: f64 = 2.0;
pub const INVOLUTION_HILL: i32 = 10;
/// Rate at which capacity above the prolactin-supported ceiling is lost, per hour.
pub const CEILING_RELAXATION_PER_H: f64 = 0.3 / 24.0;
/// Capacity never falls below this (a few cells remain; relactation is slow, not impossible).
pub const MIN_CAPACITY_ML_PER_H: f64 = 0.05;
/// Share of the stored milk that rests in the ducts between let-downs (Ramsay 2004: little milk
/// is available before the first ejection).
pub const DUCTAL_SHARE: f64 = 0.15;
/// Rate at which lean milk drains from the alveoli into the ducts, per hour.
pub const DRAINAGE_PER_H: f64 = 2.0;
/// Fullness above which the junctions start to reopen, and the span to fully open (L3): a
/// breast held near capacity (engorged) for hours.
pub const JUNCTION_REOPEN_FULLNESS: f64 = 0.85;
pub const JUNCTION_REOPEN_SPAN: f64 = 0.13;
/// How far stasis reopens the junctions at most (0–1; 1 = as open as in pregnancy). Partly:
/// the cells keep pumping sodium out, and weaning milk Na reaches tens of mmol/L over days
/// (Hartmann & Kulski 1978), not plasma levels within a day.
pub const STASIS_LEAK_MAX: f64 = 0.35;
/// Time constant of reopening and resealing, hours (L3: Na rises after 24–48 h without removal).
pub const JUNCTION_TIME_CONSTANT_H: f64 = 12.0;
/// Milk in each breast at birth (colostrum), ml.
pub const COLOSTRUM_AT_BIRTH_ML: f64 = 2.0;
/// Fat of that colostrum, g/L.
pub const COLOSTRUM_FAT_G_PER_L: f64 = 25.0;
/// Fullness above which a breast counts as engorged.
pub const ENGORGED_FULLNESS: f64 = 0.95;
/// Fullness below which an engorged breast no longer counts as engorged (a gap, so that a breast
/// hovering near the threshold is one episode, not many).
pub const ENGORGEMENT_EASED_FULLNESS: f64 = 0.85;

/// The decay factors of one step length that both glands share. Computing them once per distinct
/// step length (most steps have one of two lengths) keeps `exp` out of the hot loop.
#[derive(Clone, Copy, Debug)]
pub struct StepDecay {
    pub dt_h: f64,
    /// Share of the missing ductal milk that drains in over the step.
    pub drained: f64,
    /// Weight of the present fullness in the day-long mean.
    pub fullness_blend: f64,
    /// Share of the way the junctions move towards their target.
    pub junction_blend: f64,
}

impl StepDecay {
    pub fn new(dt_h: f64) -> Self {
        Self {
            dt_h,
            drained: -(-DRAINAGE_PER_H * dt_h).exp_m1(),
            fullness_blend: -(-dt_h / FULLNESS_MEMORY_H).exp_m1(),
            junction_blend: -(-dt_h / JUNCTION_TIME_CONSTANT_H).exp_m1(),
        }
    }
}

/// Share of a pool a first-order flow at `rate_per_h` moves in `dt_h`.
pub fn moved_share(rate_per_h: f64, dt_h: f64) -> f64 {
    -(-rate_per_h * dt_h).exp_m1()
}

/// Local (autocrine) inhibition of synthesis at `fullness` (0–1).
pub fn local_inhibition(fullness: f64) -> f64 {
    let f = fullness.clamp(0.0, 1.0);
    (1.0 - f) * (1.0 + INHIBITION_K) / (1.0 - f + INHIBITION_K)
}

/// The state of one breast.
#[derive(Clone, Debug)]
pub struct Gland {
    pub storage_capacity_ml: f64,
    pub alveolar_ml: f64,
    pub ductal_ml: f64,
    /// Fat in the whole breast (stratified, see `composition`).
    pub fat_g: f64,
    pub solutes: Solutes,
    pub capacity_ml_per_h: f64,
    /// Birth capacity, the reference for "cell activity" of the absolute secretions.
    pub capacity_at_birth_ml_per_h: f64,
    /// Exponentially weighted mean fullness over the last day.
    pub mean_fullness: f64,
    /// How open the junctions are because of stasis (0–1).
    pub stasis_leak: f64,
    /// Synthesis rate at the last step, for sampling.
    pub synthesis_ml_per_h: f64,
}

/// What one removal step took out of a gland.
#[derive(Clone, Copy, Debug, Default)]
pub struct Removed {
    pub volume_ml: f64,
    pub fat_g: f64,
    pub solutes: Solutes,
}

impl Gland {
    pub fn new(storage_capacity_ml: f64, capacity_at_birth_ml_per_h: f64) -> Self {
        let v = COLOSTRUM_AT_BIRTH_ML;
        Self {
            storage_capacity_ml,
            alveolar_ml: v * (1.0 - DUCTAL_SHARE),
            ductal_ml: v * DUCTAL_SHARE,
            fat_g: v * COLOSTRUM_FAT_G_PER_L / 1000.0,
            solutes: Solutes::colostrum(v),
            capacity_ml_per_h: capacity_at_birth_ml_per_h,
            capacity_at_birth_ml_per_h,
            mean_fullness: 0.0,
            stasis_leak: 0.0,
            synthesis_ml_per_h: 0.0,
        }
    }

    pub fn stored_ml(&self) -> f64 {
        self.alveolar_ml + self.ductal_ml
    }

    pub fn fullness(&self) -> f64 {
        self.stored_ml() / self.storage_capacity_ml
    }

    /// Share (0–1) of the birth complement of secretory cells still at work.
    pub fn cell_activity(&self) -> f64 {
        (self.capacity_ml_per_h / self.capacity_at_birth_ml_per_h).clamp(0.0, 1.0)
    }

    fn synthesis_at(&self, stored_ml: f64, activation: f64) -> f64 {
        self.capacity_ml_per_h * activation * local_inhibition(stored_ml / self.storage_capacity_ml)
    }

    /// Make milk over `dt_h`: the midpoint rule on the fullness brake (the one nonlinear, fast-ish
    /// term), everything secreted at once into the alveoli. Returns the volume made.
    pub fn synthesize(
        &mut self,
        activation: f64,
        fat_g_per_l: f64,
        siga_g_per_h: f64,
        lactoferrin_extra_g_per_h: f64,
        dt_h: f64,
    ) -> f64 {
        let v0 = self.stored_ml();
        let first = self.synthesis_at(v0, activation);
        let rate = self.synthesis_at(v0 + 0.5 * first * dt_h, activation);
        // Never overfill: the brake reaches zero at capacity; the midpoint may overshoot it a hair.
        let made = (rate * dt_h)
            .min((self.storage_capacity_ml - v0).max(0.0))
            .max(0.0);
        self.synthesis_ml_per_h = rate;
        self.alveolar_ml += made;
        self.fat_g += made * fat_g_per_l / 1000.0;
        let mut s = Solutes::secreted_with(made);
        s.siga_g += siga_g_per_h * dt_h;
        s.lactoferrin_g += lactoferrin_extra_g_per_h * dt_h;
        self.solutes.add(&s);
        made
    }

    /// Lean milk drains into the ducts until they hold their resting share.
    pub fn drain(&mut self, step: &StepDecay) {
        let want = DUCTAL_SHARE * self.stored_ml() - self.ductal_ml;
        if want > 0.0 {
            let moved = (want * step.drained).min(self.alveolar_ml);
            self.alveolar_ml -= moved;
            self.ductal_ml += moved;
        }
    }

    /// A let-down squeezes `share` (see [`moved_share`]) of the alveolar milk into the ducts.
    /// Returns the volume moved.
    pub fn eject(&mut self, share: f64) -> f64 {
        let moved = self.alveolar_ml * share;
        self.alveolar_ml -= moved;
        self.ductal_ml += moved;
        moved
    }

    /// A baby or pump takes `share` (see [`moved_share`]) of the milk in the ducts.
    pub fn remove(&mut self, share: f64) -> Removed {
        let v = self.stored_ml();
        if v <= 0.0 || share <= 0.0 {
            return Removed::default();
        }
        let volume_ml = self.ductal_ml * share;
        if volume_ml <= 0.0 {
            return Removed::default();
        }
        // Fat of the layer leaving, taken at the fullness half-way through the removal.
        let mid_fullness = (v - 0.5 * volume_ml) / self.storage_capacity_ml;
        let fat_g = (self.fat_g / v * fat_release_factor(mid_fullness) * volume_ml).min(self.fat_g);
        let solutes = self.solutes.scaled(volume_ml / v);
        self.ductal_ml -= volume_ml;
        self.fat_g -= fat_g;
        self.solutes.add(&solutes.scaled(-1.0));
        Removed {
            volume_ml,
            fat_g,
            solutes,
        }
    }

    /// Slow processes over `dt_h`: mean fullness, capacity adaptation, junctions, paracellular
    /// exchange. `ceiling_ml_per_h` is the prolactin-supported ceiling, `growth_gate` (0–1) lets
    /// capacity grow only once secretory activation allows it, `birth_leak` is how open the
    /// junctions still are from pregnancy.
    pub fn adapt(
        &mut self,
        ceiling_ml_per_h: f64,
        growth_gate: f64,
        birth_leak: f64,
        step: &StepDecay,
    ) {
        let dt_h = step.dt_h;
        let f = self.fullness().clamp(0.0, 1.0);
        self.mean_fullness += (f - self.mean_fullness) * step.fullness_blend;
        let m = self.mean_fullness;
        let s = self.capacity_ml_per_h;
        let mut ds = 0.0;
        // The signal is the fullness of the moment: capacity integrates it, so the loop has no
        // extra delay (a day-long mean here makes supply overshoot and ring for weeks).
        if f < FULLNESS_SET_POINT && ceiling_ml_per_h > s {
            ds += CAPACITY_GROWTH_PER_H * growth_gate * (FULLNESS_SET_POINT - f)
                / FULLNESS_SET_POINT
                * (ceiling_ml_per_h - s);
        }
        if f > FULLNESS_SET_POINT {
            // Sustained fullness (the day's mean) steepens the loss: involution.
            ds -= CAPACITY_LOSS_PER_H * (f - FULLNESS_SET_POINT) / (1.0 - FULLNESS_SET_POINT)
                * s
                * (1.0 + INVOLUTION_GAIN * m.powi(INVOLUTION_HILL));
        }
        if s > ceiling_ml_per_h {
            ds -= CEILING_RELAXATION_PER_H * (s - ceiling_ml_per_h);
        }
        // Loss is proportional to s: integrate it as a decay so one long step cannot go negative.
        self.capacity_ml_per_h = if ds < 0.0 {
            s * (ds / s * dt_h).exp()
        } else {
            s + ds * dt_h
        }
        .max(MIN_CAPACITY_ML_PER_H);

        let x = ((f - JUNCTION_REOPEN_FULLNESS) / JUNCTION_REOPEN_SPAN).clamp(0.0, 1.0);
        let target = STASIS_LEAK_MAX * x * x * (3.0 - 2.0 * x);
        self.stasis_leak += (target - self.stasis_leak) * step.junction_blend;
        let leak = self.leak(birth_leak);
        self.solutes
            .exchange_with_plasma(leak, self.stored_ml(), dt_h);
    }

    /// How open the junctions are: from pregnancy, or reopened by stasis.
    pub fn leak(&self, birth_leak: f64) -> f64 {
        birth_leak.max(self.stasis_leak)
    }

    /// Fat of the next milk to leave, g/L.
    pub fn outflow_fat_g_per_l(&self) -> f64 {
        let v = self.stored_ml();
        if v <= 1e-9 {
            return f64::NAN;
        }
        self.fat_g / v * 1000.0 * fat_release_factor(self.fullness())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inhibition_is_one_empty_and_zero_full() {
        assert!((local_inhibition(0.0) - 1.0).abs() < 1e-12);
        assert_eq!(local_inhibition(1.0), 0.0);
        assert!(local_inhibition(0.4) > 0.8);
    }

    #[test]
    fn removal_conserves_volume_and_fat() {
        let mut g = Gland::new(200.0, 20.0);
        for _ in 0..100 {
            g.synthesize(1.0, 41.0, 0.0, 0.0, 0.05);
        }
        let (v0, f0) = (g.stored_ml(), g.fat_g);
        g.drain(&StepDecay::new(1.0));
        g.eject(0.5);
        let r = g.remove(0.6);
        assert!((g.stored_ml() + r.volume_ml - v0).abs() < 1e-9);
        assert!((g.fat_g + r.fat_g - f0).abs() < 1e-12);
        // The first milk is leaner than the breast's mean.
        assert!(r.fat_g / r.volume_ml < f0 / v0);
    }
}
