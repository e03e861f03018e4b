//! The day's tally and what the glands did (engorgement, junctions reopened, involution), closed
//! at each midnight and at the end of the run.

use super::*;

#[derive(Clone)]
pub(super) struct DayTally {
    pub(super) production_ml: [f64; 2],
    pub(super) removed_ml: [f64; 2],
    pub(super) appetite_ml: f64,
    pub(super) appetite_at_breast_ml: f64,
    pub(super) appetite_while_away_ml: f64,
    pub(super) intake_ml: f64,
    pub(super) pumped_ml: f64,
    pub(super) breastfeeds: usize,
    pub(super) pump_sessions: usize,
    pub(super) letdowns: usize,
    pub(super) milk: MilkTally,
    pub(super) prolactin_integral: f64,
    pub(super) peak_fullness: f64,
}

impl DayTally {
    pub(super) fn new() -> Self {
        Self {
            production_ml: [0.0; 2],
            removed_ml: [0.0; 2],
            appetite_ml: 0.0,
            appetite_at_breast_ml: 0.0,
            appetite_while_away_ml: 0.0,
            intake_ml: 0.0,
            pumped_ml: 0.0,
            breastfeeds: 0,
            pump_sessions: 0,
            letdowns: 0,
            milk: MilkTally::default(),
            prolactin_integral: 0.0,
            peak_fullness: 0.0,
        }
    }
}

impl Sim {
    /// The midnight that ends the day in progress (every midnight passed closed a day; no
    /// rounding of the time needed).
    pub(super) fn next_midnight_h(&self) -> f64 {
        (self.run.days.len() + 1) as f64 * 24.0
    }

    /// What the glands did since the last stop: engorged (dated where the mark was crossed),
    /// eased, junctions reopened or sealed, involution begun or ended. Fullness rises, and the
    /// junctions and the tissue change, only in the slow part: the rest is looked at only after
    /// it ran (at most stops of a session it did not, and only an easing can have happened).
    pub(super) fn check_glands(&mut self) {
        if !std::mem::take(&mut self.slow_ran) {
            for (engorged, g) in self.engorged.iter_mut().zip(&self.glands) {
                if *engorged && g.fullness() < ENGORGEMENT_EASED_FULLNESS {
                    *engorged = false;
                }
            }
            return;
        }
        let t = self.t;
        for b in Breast::BOTH {
            let i = b.index();
            let g = &self.glands[i];
            let f = g.fullness();
            if !self.engorged[i] && f >= ENGORGED_FULLNESS {
                self.engorged[i] = true;
                // Fullness moves smoothly over a step: the mark was crossed inside it.
                let (t0, f0) = (self.step_from.0, self.step_from.1[i]);
                let crossed_h = if f0 < ENGORGED_FULLNESS && f > f0 {
                    t0 + (t - t0) * (ENGORGED_FULLNESS - f0) / (f - f0)
                } else {
                    t
                };
                // In time order: what this stop started comes after it.
                let at = self.run.events.partition_point(|e| e.t_h <= crossed_h);
                self.run.events.insert(
                    at,
                    Event {
                        t_h: crossed_h,
                        kind: EventKind::Engorgement { breast: b },
                    },
                );
            } else if self.engorged[i] && f < ENGORGEMENT_EASED_FULLNESS {
                self.engorged[i] = false;
            }
            if !self.reopened[i] && g.stasis_leak > JUNCTIONS_REOPENED_LEAK {
                self.reopened[i] = true;
                self.run.events.push(Event {
                    t_h: t,
                    kind: EventKind::JunctionsReopened { breast: b },
                });
            } else if self.reopened[i] && g.stasis_leak < JUNCTIONS_SEALED_LEAK {
                self.reopened[i] = false;
            }
            let peak = g.peak_capacity_ml_per_h;
            if !self.involuting[i] && peak > 0.0 && g.capacity_ml_per_h < 0.5 * peak {
                self.involuting[i] = true;
                self.run.events.push(Event {
                    t_h: t,
                    kind: EventKind::Involution { breast: b },
                });
            } else if self.involuting[i] && g.capacity_ml_per_h > 0.75 * peak {
                self.involuting[i] = false;
            }
        }
    }

    pub(super) fn close_day(&mut self) {
        self.flush_slow();
        let day = self.run.days.len();
        let d = std::mem::replace(&mut self.day, DayTally::new());
        let summary = DaySummary {
            day,
            production_ml: d.production_ml,
            removed_ml: d.removed_ml,
            appetite_ml: d.appetite_ml,
            appetite_at_breast_ml: d.appetite_at_breast_ml,
            appetite_while_away_ml: d.appetite_while_away_ml,
            intake_ml: d.intake_ml,
            pumped_ml: d.pumped_ml,
            breastfeeds: d.breastfeeds,
            pump_sessions: d.pump_sessions,
            letdowns: d.letdowns,
            milk: d.milk.composition(),
            mean_prolactin_ng_ml: d.prolactin_integral / 24.0,
            peak_fullness_0_to_1: d.peak_fullness,
            secretory_capacity_ml_per_h: [
                self.glands[0].capacity_ml_per_h,
                self.glands[1].capacity_ml_per_h,
            ],
        };
        // A scenario that feeds on demand, on a day it does, or on a day with breastfeeds after
        // it stopped (planned feeds: the baby may still be short at the breast). Not on a day of
        // pumping alone: the baby is fed her pumped milk by bottle.
        let day_start_h = day as f64 * 24.0;
        let responsive = summary.breastfeeds > 0 && self.sc.schedule.responsive.is_some()
            || self.sc.schedule.responsive.as_ref().is_some_and(|r| {
                r.from_day * 24.0 < day_start_h + 24.0
                    && r.until_day.is_none_or(|d| d * 24.0 > day_start_h)
            });
        let wanted = summary.appetite_at_breast_ml;
        if responsive && day >= 5 && wanted > 0.0 && summary.intake_ml < 0.85 * wanted {
            self.run.events.push(Event {
                t_h: self.t,
                kind: EventKind::UnmetAppetite {
                    day,
                    unmet_ml: wanted - summary.intake_ml,
                },
            });
        }
        self.run.days.push(summary);
    }

    pub(super) fn finish(mut self) -> Run {
        self.flush_slow();
        // A last, partial day is summarised only if it has most of a day in it.
        if self.t - (self.run.days.len() as f64) * 24.0 > 12.0 {
            self.close_day();
        }
        let b = &mut self.run.balance;
        b.stored_at_end_ml = self.glands.iter().map(|g| g.stored_ml()).sum();
        b.fat_stored_at_end_g = self.glands.iter().map(|g| g.fat_g).sum();
        self.flush_rows();
        self.run.warnings = crate::warnings::warnings(&self.sc, &self.run);
        self.run
    }
}
