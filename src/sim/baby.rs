//! When the baby feeds on demand: whether feeding on demand is on now, how fast hunger builds,
//! the earliest a feed may start, and when the next one will.

use super::*;

impl Sim {
    pub(super) fn responsive_on(&self, t: f64) -> bool {
        self.sc
            .schedule
            .responsive
            .as_ref()
            .is_some_and(|r| r.active_at(t))
            && !self.sc.schedule.skipped(t)
            && !self.away(t)
    }

    /// Is the mother away from the baby (an absence of the schedule)?
    pub(super) fn away(&self, t: f64) -> bool {
        self.sc.schedule.away(t, self.sc.calendar())
    }

    /// Rate at which the baby's hunger builds, ml/h (zero in a responsive night gap: someone
    /// else feeds the baby then, or it sleeps; zero while the mother is away: someone else
    /// feeds the baby).
    pub(super) fn hunger_rate_ml_per_h(&self, t: f64, appetite_ml_per_day: f64) -> f64 {
        let night = self
            .sc
            .schedule
            .responsive
            .as_ref()
            .and_then(|r| r.night_gap.as_ref())
            .is_some_and(|g| g.contains(t));
        if night || self.away(t) {
            return 0.0;
        }
        appetite_ml_per_day / 24.0 * breast_share(&self.sc.infant, t)
    }

    /// The earliest a feed on demand may start: a little after the last feed ended, a while
    /// after it started, and not before the next day once a day has had its most feeds (D7).
    pub(super) fn earliest_feed_h(&self) -> f64 {
        // A weak or sleepy baby also sleeps longer before it cues again (it has to be woken).
        let spacing_h = MIN_FEED_SPACING_H / self.sc.infant.effectiveness_0_to_1.max(0.1);
        let after = (self.last_feed_end_h + MIN_GAP_BETWEEN_FEEDS_H)
            .max(self.last_feed_start_h + spacing_h);
        // Room is kept for the planned breastfeeds still to come today (D7).
        if self.day.breastfeeds + self.planned_feeds_left_today() >= MAX_BREASTFEEDS_A_DAY {
            after.max(self.next_midnight_h())
        } else {
            after
        }
    }

    /// Planned breastfeeds still to start before the next midnight.
    pub(super) fn planned_feeds_left_today(&self) -> usize {
        let midnight = self.next_midnight_h();
        self.planned[self.next_planned..]
            .iter()
            .take_while(|p| p.start_h < midnight)
            .filter(|p| p.kind == Kind::Breastfeed)
            .count()
    }

    pub(super) fn hunger_trigger_h(&self) -> Option<f64> {
        let t = self.t;
        if !self.responsive_on(t) {
            return None;
        }
        let earliest = self.earliest_feed_h();
        if t < earliest {
            return Some(earliest);
        }
        let need = meal_ml(&self.sc.infant, t) * breast_share(&self.sc.infant, t) - self.hunger_ml;
        let rate = self.hunger_rate_ml_per_h(t, appetite_ml_per_day(&self.sc.infant, t));
        if need <= 0.0 {
            return Some(t);
        }
        (rate > 0.0).then(|| t + need / rate)
    }
}
