//! One breast: milk stored in two pools (ducts and alveoli), its fat and solutes, synthesis
//! braked by local fullness, secretory tissue built or lost over days, the tight junctions.
//!
//! Local (autocrine) control acts at two speeds:
//! - **at once**: synthesis = secretory tissue × activation × prolactin's permission × local
//!   inhibition (E5, H3). The inhibitor (FIL) rises with the milk left in the breast, so a breast
//!   emptied more often makes milk faster the same day (D2);
//! - **over days**: the tissue moves towards a level set by how full the breast is held, bounded
//!   by the mother's ceiling: built over about five days, falling quiescent over about four
//!   (Vetharaniam et al. 2003's active and quiescent alveoli), lost steeply after a day held full
//!   (involution, Neal & Thornley 1983) or while prolactin is withdrawn (D5). Because the level is
//!   *proportional* to how full the breast is held, supply answers a change by tens of percent
//!   over one to two weeks (D1, D3), not by whatever is asked within a day.
//!
//! Milk flows from alveoli to ducts slowly by itself (the lean milk drains) and fast during a
//! let-down; only the ducts can be emptied by a baby or a pump. Stasis and involution reopen the
//! tight junctions (L3, D9): sodium and chloride rise, lactose falls, and milk held in the breast
//! is slowly resorbed (D8).

use super::composition::{Solutes, fat_release_factor};
use super::pathways::PathwayTotals;
use crate::same_math::SameMath;

/// Strength of the fullness brake: inhibition = (1 − f)(1 + k)/(1 − f + k). Small k: synthesis
/// stays near its maximum over most of the range and stops as the breast fills (E5: roughly
/// linear for up to 6 h; Daly 1993: faster after a fuller emptying).
pub const INHIBITION_K: f64 = 0.3;
/// Time constant of the fullness the gland senses for involution (a day: L3, stasis acts over a
/// day or more).
pub const FULLNESS_MEMORY_H: f64 = 24.0;
/// How much the secretory tissue a breast keeps depends on how full it is held (the slow,
/// proportional part of local control). The tissue tends towards
/// `ceiling × (1 − TISSUE_FULLNESS_GAIN × fullness)`: a breast held emptier keeps more active
/// alveoli, one held fuller fewer (Vetharaniam et al. 2003: active and quiescent alveoli; Daly &
/// Hartmann 1995: frequency acts through the degree of emptying). The gain is chosen so that
/// four to six extra pump sessions a day raise supply by tens of percent, not without limit (D1:
/// +17% mean, Dewey & Lönnerdal 1986), and halving removals lowers it 15–40% (D3).
pub const TISSUE_FULLNESS_GAIN: f64 = 0.3;
/// Time constant with which secretory tissue is built (more active alveoli), hours: one to
/// several weeks for a change in removal to show fully (Wall & McFadden 2007; D1, D3).
pub const TISSUE_BUILD_TIME_H: f64 = 5.0 * 24.0;
/// Time constant with which secretory tissue falls quiescent when the breast is held fuller,
/// hours (D3: supply falls over the first days after removals are halved).
pub const TISSUE_QUIESCENCE_TIME_H: f64 = 4.0 * 24.0;
/// Rate of involution (loss of secretory cells) when the breast has been held full for a day,
/// per hour, steepened by the day's mean fullness to the power `INVOLUTION_HILL` (Neal &
/// Thornley 1983, p = 10). About 2 days' time constant: reversible for a day or so, production
/// under 5% of its peak within two weeks of no removal (L3, D8; Watson & Streuli 2007).
pub const INVOLUTION_PER_H: f64 = 1.0 / 40.0;
pub const INVOLUTION_HILL: i32 = 10;
/// Rate at which secretory cells are lost while prolactin is withdrawn, per hour at no support
/// (D5: in established lactation synthesis falls within about 2 days of a dopamine agonist).
pub const PROLACTIN_WITHDRAWAL_LOSS_PER_H: f64 = 1.0 / 36.0;
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
/// the cells keep pumping sodium out, and after weaning milk Na climbs over days to weeks
/// (Hartmann & Kulski 1978: steadily over 42 days; D9), not to plasma within three days.
pub const STASIS_LEAK_MAX: f64 = 0.1;
/// Share of its peak secretory capacity a breast must have lost before involution starts to open
/// its junctions (D9: during gradual weaning Na rises once daily volume falls below ≈ 300 ml).
pub const INVOLUTION_LEAK_FROM: f64 = 0.5;
/// Time constant of reopening and resealing, hours (L3: Na rises after 24–48 h without removal;
/// D9: and goes on rising over days).
pub const JUNCTION_TIME_CONSTANT_H: f64 = 48.0;
/// Stasis leak above which the junctions count as reopened (an event), and below which they count
/// as sealed again.
pub const JUNCTIONS_REOPENED_LEAK: f64 = 0.3 * STASIS_LEAK_MAX;
pub const JUNCTIONS_SEALED_LEAK: f64 = 0.1 * STASIS_LEAK_MAX;
/// Rate at which milk held in a breast whose junctions stasis has opened is resorbed into the
/// blood, per hour at a fully reopened leak (D8: after birth without removal, the engorgement of
/// day 4 subsides and composition reverses over the next 6 days, Kulski & Hartmann 1981;
/// a stored-milk half-life of about four days).
pub const RESORPTION_PER_H: f64 = 1.0 / 140.0;
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
    /// Weight of the present fullness in the day-long mean.
    pub fullness_blend: f64,
    /// Share of the way the junctions move towards their target.
    pub junction_blend: f64,
    /// Share of the way secretory tissue moves towards its target, built or quiescing.
    pub build_blend: f64,
    pub quiesce_blend: f64,
}

impl StepDecay {
    pub fn new(dt_h: f64) -> Self {
        Self {
            dt_h,
            fullness_blend: -(-dt_h / FULLNESS_MEMORY_H).libm_exp_m1(),
            junction_blend: -(-dt_h / JUNCTION_TIME_CONSTANT_H).libm_exp_m1(),
            build_blend: -(-dt_h / TISSUE_BUILD_TIME_H).libm_exp_m1(),
            quiesce_blend: -(-dt_h / TISSUE_QUIESCENCE_TIME_H).libm_exp_m1(),
        }
    }
}

/// Share of a pool a first-order flow at `rate_per_h` moves in `dt_h`.
pub fn moved_share(rate_per_h: f64, dt_h: f64) -> f64 {
    -(-rate_per_h * dt_h).libm_exp_m1()
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
    /// What activation and prolactin allowed of the tissue at the last step (0–1), so that the
    /// rate of synthesis can be read at any moment ([`Gland::synthesis_now_ml_per_h`]).
    pub allowed_0_to_1: f64,
    /// Most secretory capacity this breast has had since secretory activation: the reference
    /// for how far involution has gone.
    pub peak_capacity_ml_per_h: f64,
    /// What each secretory pathway has moved since birth.
    pub pathways: PathwayTotals,
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
            allowed_0_to_1: 0.0,
            peak_capacity_ml_per_h: 0.0,
            pathways: PathwayTotals::default(),
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

    /// The rate of synthesis now: the tissue, what activation and prolactin allowed of it at the
    /// last step, and the brake of the present fullness.
    pub fn synthesis_now_ml_per_h(&self) -> f64 {
        self.synthesis_at(self.stored_ml(), self.allowed_0_to_1)
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
        self.allowed_0_to_1 = activation;
        self.alveolar_ml += made;
        let fat_g = made * fat_g_per_l / 1000.0;
        self.fat_g += fat_g;
        let mut s = Solutes::secreted_with(made);
        s.siga_g += siga_g_per_h * dt_h;
        s.lactoferrin_g += lactoferrin_extra_g_per_h * dt_h;
        self.solutes.add(&s);
        let p = &mut self.pathways;
        p.exocytosis_water_ml += made;
        p.exocytosis_lactose_g += s.lactose_g;
        p.exocytosis_protein_g += s.protein_g + s.lactoferrin_g;
        p.lipid_fat_g += fat_g;
        p.apical_sodium_mmol += s.sodium_mmol;
        p.apical_potassium_mmol += s.potassium_mmol;
        p.apical_chloride_mmol += s.chloride_mmol;
        p.transcytosis_siga_g += s.siga_g;
        made
    }

    /// Lean milk drains into the ducts until they hold their resting share; `drained` is the
    /// share of the missing ductal milk that drains in over the step
    /// ([`moved_share`]`(DRAINAGE_PER_H, dt)`).
    pub fn drain(&mut self, drained: f64) {
        let want = DUCTAL_SHARE * self.stored_ml() - self.ductal_ml;
        if want > 0.0 {
            let moved = (want * drained).min(self.alveolar_ml);
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

    /// Slow processes over `dt_h`: the secretory tissue built or lost, the junctions, the
    /// paracellular exchange and the resorption of milk held in a breast left full.
    ///
    /// - `ceiling_ml_per_h` is the most tissue the mother's gland can become (a parameter);
    /// - `support` (0–1) is how far prolactin allows it ([`super::prolactin::capacity_support`]):
    ///   permissive near 1 over the lactating range, near 0 when prolactin is held low (D5);
    /// - `growth_gate` (0–1) lets tissue be built only once secretory activation allows it, so
    ///   pumping from birth does not hurry the hormonal switch (A1–A3);
    /// - `birth_leak` is how open the junctions still are from pregnancy.
    ///
    /// `fullness_before` is the fullness at the start of the step (before this step's
    /// synthesis): the tissue and junctions answer the mean of it and the fullness now.
    ///
    /// Returns what was resorbed into the blood over the step.
    #[allow(clippy::too_many_arguments)]
    pub fn adapt(
        &mut self,
        fullness_before: f64,
        ceiling_ml_per_h: f64,
        support: f64,
        growth_gate: f64,
        birth_leak: f64,
        step: &StepDecay,
    ) -> Removed {
        let dt_h = step.dt_h;
        let f = (0.5 * (fullness_before + self.fullness())).clamp(0.0, 1.0);
        self.mean_fullness += (f - self.mean_fullness) * step.fullness_blend;
        let s = self.capacity_ml_per_h;

        // The slow, proportional part of local control: tissue moves towards a level set by how
        // full the breast is held. The fullness of the moment is the signal; the tissue's own
        // time constant (days) averages it, so the loop has no extra delay to ring with.
        let target = ceiling_ml_per_h * support * (1.0 - TISSUE_FULLNESS_GAIN * f);
        let mut next = if target > s {
            s + (target - s) * step.build_blend * growth_gate
        } else {
            s + (target - s) * step.quiesce_blend
        };
        // Losses of cells, integrated as decays so one long step cannot go negative: involution
        // after a day held full (steep in the day's mean fullness, Neal & Thornley's Hill term),
        // and the withdrawal of prolactin (D5).
        let loss = (INVOLUTION_PER_H * self.mean_fullness.same_powi(INVOLUTION_HILL)
            + PROLACTIN_WITHDRAWAL_LOSS_PER_H * (1.0 - support))
            * dt_h;
        // Mostly a tiny loss over a short step: three terms of the exponential's series are exact
        // to 1e-10 there and keep `exp` out of the hot loop.
        next *= if loss < 1e-3 {
            1.0 - loss + 0.5 * loss * loss
        } else {
            (-loss).libm_exp()
        };
        self.capacity_ml_per_h = next.max(MIN_CAPACITY_ML_PER_H);
        if growth_gate > 0.9 {
            self.peak_capacity_ml_per_h = self.peak_capacity_ml_per_h.max(self.capacity_ml_per_h);
        }

        // The junctions reopen in a breast held full (stasis) and in one whose secretory cells are
        // being lost (involution: the epithelium comes apart), so that after weaning sodium goes
        // on climbing for weeks, not only while the breast is full (D9; Hartmann & Kulski 1978).
        let smooth = |x: f64| {
            let x = x.clamp(0.0, 1.0);
            x * x * (3.0 - 2.0 * x)
        };
        let stasis = smooth((f - JUNCTION_REOPEN_FULLNESS) / JUNCTION_REOPEN_SPAN);
        let involuted = if self.peak_capacity_ml_per_h > 0.0 {
            1.0 - self.capacity_ml_per_h / self.peak_capacity_ml_per_h
        } else {
            0.0
        };
        let involution = smooth((involuted - INVOLUTION_LEAK_FROM) / (1.0 - INVOLUTION_LEAK_FROM));
        let target = STASIS_LEAK_MAX * stasis.max(involution);
        self.stasis_leak += (target - self.stasis_leak) * step.junction_blend;
        let leak = self.leak(birth_leak);
        let before = self.solutes;
        if self
            .solutes
            .exchange_with_plasma(leak, self.stored_ml(), dt_h)
        {
            let (a, p) = (&self.solutes, &mut self.pathways);
            p.paracellular_sodium_mmol += a.sodium_mmol - before.sodium_mmol;
            p.paracellular_potassium_mmol += a.potassium_mmol - before.potassium_mmol;
            p.paracellular_chloride_mmol += a.chloride_mmol - before.chloride_mmol;
            p.paracellular_lactose_g += a.lactose_g - before.lactose_g;
        }
        if self.stasis_leak < 1e-6 {
            // Sealed junctions (nearly always while milk is removed): nothing is resorbed.
            return Removed::default();
        }
        self.resorb(moved_share(
            RESORPTION_PER_H * self.stasis_leak / STASIS_LEAK_MAX,
            dt_h,
        ))
    }

    /// Milk held in a breast whose junctions stasis has opened is taken back into the blood:
    /// `share` of the alveolar milk, its fat and solutes with it (the milk held shrinks; its
    /// composition is changed by the paracellular exchange, not by this).
    fn resorb(&mut self, share: f64) -> Removed {
        let v = self.stored_ml();
        let volume_ml = self.alveolar_ml * share;
        if share <= 0.0 || v <= 0.0 || volume_ml <= 0.0 {
            return Removed::default();
        }
        let part = volume_ml / v;
        let taken = Removed {
            volume_ml,
            fat_g: self.fat_g * part,
            solutes: self.solutes.scaled(part),
        };
        self.alveolar_ml -= volume_ml;
        self.fat_g -= taken.fat_g;
        self.solutes.add(&taken.solutes.scaled(-1.0));
        self.pathways.resorbed_ml += volume_ml;
        taken
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
        g.drain(moved_share(DRAINAGE_PER_H, 1.0));
        g.eject(0.5);
        let r = g.remove(0.6);
        assert!((g.stored_ml() + r.volume_ml - v0).abs() < 1e-9);
        assert!((g.fat_g + r.fat_g - f0).abs() < 1e-12);
        // The first milk is leaner than the breast's mean.
        assert!(r.fat_g / r.volume_ml < f0 / v0);
    }
}
