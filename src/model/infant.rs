//! The baby: an appetite that grows over the first weeks, hunger that builds between feeds, how
//! often it wakes to feed (at most 18 times a day, D7) and how fast and how long it takes milk from
//! the ducts: a weak or sleepy baby takes less a minute, tires sooner and sleeps longer.

use crate::same_math::SameMath;
use crate::scenario::Infant;

/// A newborn's appetite on the first day, ml/day (A1: ≈ 20–50 ml on day 1; stomach ≈ 5–7 ml).
pub const NEWBORN_APPETITE_ML_PER_DAY: f64 = 35.0;
/// Steepness of the appetite's growth (Hill exponent).
pub const APPETITE_HILL: f64 = 2.5;
/// Rate at which a healthy baby drains the milk in the ducts, per hour (≈ 10% a minute): peak
/// flows of 5–10 ml/min just after a let-down, feeds of 10–15 minutes for 60–90 ml (E3).
pub const SUCKLING_DRAIN_PER_H: f64 = 6.0;
/// The baby gives up on a side when the flow stays below this …
pub const GIVE_UP_FLOW_ML_PER_MIN: f64 = 1.0;
/// … after at least this long on it, and this long after the last let-down.
pub const GIVE_UP_AFTER_MIN: f64 = 4.0;
pub const GIVE_UP_AFTER_LETDOWN_MIN: f64 = 1.5;
/// Minutes a healthy baby can keep sucking in one feed; a weak or sleepy one tires in
/// proportion to its effectiveness and falls asleep at the breast, leaving milk behind (a weak
/// suck removes less per minute *and* for fewer minutes: it cannot make up for itself by
/// feeding longer; Kent 2006 E3b; the clinical picture of the sleepy, ineffective feeder).
pub const FEED_STAMINA_MIN: f64 = 40.0;
/// Shortest pause between the end of a feed and the next feed on demand.
pub const MIN_GAP_BETWEEN_FEEDS_H: f64 = 0.5;
/// Shortest time from the start of one breastfeed to the start of the next on demand: a hungry
/// baby that got little still falls asleep and wakes, so feeds never pass 18 a day (D7: at most
/// ≈ 18 a day for one baby; Kent 2006: 6–18).
pub const MIN_FEED_SPACING_H: f64 = 24.0 / 18.0;
/// Meals a day a newborn's hunger is divided into, rising to the settled number as the stomach
/// grows (D7: 7.3 ± 1.9 feeds on day 1, 9.4 on day 3 in the GLOW study; 4.3 in Yamauchi 1990).
pub const NEWBORN_MEALS_PER_DAY: f64 = 7.0;
/// Hunger is capped at this many meals: what a hungrier baby would want is unmet appetite.
pub const MAX_HUNGER_MEALS: f64 = 2.0;

/// How far (0–1) the baby has grown from a newborn's appetite to its settled one at `t_h`.
fn growth(infant: &Infant, t_h: f64) -> f64 {
    let x = (t_h / 24.0 / infant.appetite_half_age_days).max(0.0);
    // x^2.5 as x²·√x: this runs several times a step, and `powf` was a sixth of a run's time.
    let xh = if APPETITE_HILL == 2.5 {
        x * x * x.sqrt()
    } else {
        x.libm_powf(APPETITE_HILL)
    };
    xh / (1.0 + xh)
}

/// What the baby would drink in a day at age `t_h` if milk were unlimited.
pub fn appetite_ml_per_day(infant: &Infant, t_h: f64) -> f64 {
    NEWBORN_APPETITE_ML_PER_DAY
        + (infant.appetite_plateau_ml_per_day - NEWBORN_APPETITE_ML_PER_DAY).max(0.0)
            * growth(infant, t_h)
}

/// How many meals a day the baby's hunger is divided into at `t_h`: fewer, longer sleeps in the
/// first days, the settled number once the appetite has grown.
pub fn meals_per_day(infant: &Infant, t_h: f64) -> f64 {
    let settled = infant.meals_per_day.max(1.0);
    let newborn = NEWBORN_MEALS_PER_DAY.min(settled);
    newborn + (settled - newborn) * growth(infant, t_h)
}

/// Share (0–1) of the appetite met at the breast (falls during weaning).
pub fn breast_share(infant: &Infant, t_h: f64) -> f64 {
    match &infant.weaning {
        None => 1.0,
        Some(w) => {
            let d = t_h / 24.0;
            if d <= w.start_day {
                1.0
            } else if d >= w.end_day || w.end_day <= w.start_day {
                0.0
            } else {
                1.0 - (d - w.start_day) / (w.end_day - w.start_day)
            }
        }
    }
}

/// How much the baby wants at one feed on demand.
pub fn meal_ml(infant: &Infant, t_h: f64) -> f64 {
    appetite_ml_per_day(infant, t_h) / meals_per_day(infant, t_h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appetite_grows_to_plateau() {
        let i = Infant::default();
        let a = |d: f64| appetite_ml_per_day(&i, d * 24.0);
        assert!(a(0.5) < 60.0);
        assert!(a(2.5) > 150.0 && a(2.5) < 450.0, "{}", a(2.5));
        assert!(a(30.0) > 0.95 * 790.0);
    }

    #[test]
    fn weaning_share_ramps_down() {
        let i = Infant {
            weaning: Some(crate::scenario::Weaning {
                start_day: 10.0,
                end_day: 20.0,
            }),
            ..Infant::default()
        };
        assert_eq!(breast_share(&i, 5.0 * 24.0), 1.0);
        assert!((breast_share(&i, 15.0 * 24.0) - 0.5).abs() < 1e-12);
        assert_eq!(breast_share(&i, 25.0 * 24.0), 0.0);
    }
}
