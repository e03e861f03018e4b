//! The decay factors of a step length: everything about a step that depends only on its length
//! (and the scenario's constants), computed once per distinct length and kept in a small cache,
//! so that `exp` stays out of the hot loop.

use super::*;
use crate::same_math::SameMath;

/// Step lengths whose factors are kept: the regular ones and a few cut short by events.
pub(super) const FACTOR_CACHE: usize = 8;

/// Keep `f` in a small round-robin cache.
fn cache_put<T>(cache: &mut Vec<T>, next: &mut usize, f: T) {
    if cache.len() < FACTOR_CACHE {
        cache.push(f);
    } else {
        cache[*next] = f;
        *next = (*next + 1) % FACTOR_CACHE;
    }
}

/// Everything about a fast step that depends only on its length (and the scenario's
/// constants), computed once per distinct length: most steps have one of two lengths, so `exp`
/// stays out of the hot loop.
#[derive(Clone, Copy)]
pub(super) struct FastFactors {
    pub(super) dt_h: f64,
    /// Share of the missing ductal milk that drains in.
    pub(super) drained: f64,
    pub(super) baby_share: f64,
    pub(super) pump_share: f64,
    pub(super) eject_share: f64,
    pub(super) oxytocin_kept: f64,
}

impl FastFactors {
    fn new(sc: &Scenario, ejection_rate_per_h: f64, dt_h: f64) -> Self {
        Self {
            dt_h,
            drained: moved_share(DRAINAGE_PER_H, dt_h),
            baby_share: moved_share(SUCKLING_DRAIN_PER_H * sc.infant.effectiveness_0_to_1, dt_h),
            pump_share: moved_share(SUCKLING_DRAIN_PER_H * sc.pump.efficiency_0_to_1, dt_h),
            eject_share: moved_share(ejection_rate_per_h, dt_h),
            oxytocin_kept: (-dt_h / oxytocin::clearance_tau_h(&sc.mother.oxytocin)).libm_exp(),
        }
    }
}

/// The same for a slow step.
#[derive(Clone, Copy)]
pub(super) struct SlowFactors {
    pub(super) dt_h: f64,
    pub(super) gland: StepDecay,
    pub(super) prolactin_kept: f64,
    pub(super) lag_kept: f64,
    pub(super) mean_blend: f64,
    pub(super) session_rate_kept: f64,
    /// Share of each substance the mother has taken left after the step, and after half of it.
    /// `None` when the mother takes nothing.
    pub(super) substance_kept: Option<SubstanceKept>,
}

/// Shares of each substance left after a step and after half of it.
type SubstanceKept = ([f64; Substance::ALL.len()], [f64; Substance::ALL.len()]);

impl SlowFactors {
    fn new(sc: &Scenario, dt_h: f64) -> Self {
        let m = &sc.mother;
        let kept = |tau_h: f64| (-dt_h / tau_h).libm_exp();
        let takes = sc
            .schedule
            .mother_takes
            .iter()
            .any(|c| c.substance.acts_on_prolactin());
        Self {
            dt_h,
            gland: StepDecay::new(dt_h),
            prolactin_kept: kept(prolactin::clearance_tau_h(m.prolactin.half_life_min)),
            lag_kept: kept(prolactin::RELEASE_LAG_H),
            mean_blend: 1.0 - kept(PROLACTIN_MEMORY_H),
            session_rate_kept: kept(SESSION_RATE_MEMORY_H),
            // Only a mother who takes something that acts on prolactin needs them (two `exp`s a
            // substance per step length).
            substance_kept: takes.then(|| {
                (
                    Substance::ALL.map(|s| s.kept_after(dt_h)),
                    Substance::ALL.map(|s| s.kept_after(0.5 * dt_h)),
                )
            }),
        }
    }
}

impl Sim {
    pub(super) fn fast_factors(&mut self, dt: f64) -> FastFactors {
        if let Some(f) = self.fast_cache.iter().find(|f| f.dt_h == dt) {
            return *f;
        }
        let f = FastFactors::new(&self.sc, self.ejection_rate_per_h, dt);
        cache_put(&mut self.fast_cache, &mut self.fast_next, f);
        f
    }

    pub(super) fn slow_factors(&mut self, dt: f64) -> SlowFactors {
        if let Some(f) = self.slow_cache.iter().find(|f| f.dt_h == dt) {
            return *f;
        }
        let f = SlowFactors::new(&self.sc, dt);
        cache_put(&mut self.slow_cache, &mut self.slow_next, f);
        f
    }
}
