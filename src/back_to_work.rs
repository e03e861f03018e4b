//! Back to work: the whole plan from a few answers — the day she goes back, the hours she is
//! away, the days of the week she works and how many times she pumps there.
//!
//! The plan is an [`Absence`] (no breastfeed while she is away; someone else feeds the baby) and
//! a pump [`Rule`] at work, spaced evenly through the hours away, on the same weekdays. On the
//! other days she is at home and the baby feeds as before (on demand, or by the rules already in
//! the schedule). Plain schedule logic, so it lives in the library and is tested without a window.

use crate::absence::Absence;
use crate::calendar::{Weekday, weekdays_words};
use crate::scenario::MAX_HORIZON_DAYS;
use crate::schedule::{Kind, Rule, Side};
use crate::schedule_words::{format_clock, num};

/// The answers the plan is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct BackToWork {
    /// The first day she goes back (days since birth).
    pub from_day: f64,
    /// Clock hour she leaves the baby.
    pub leaves_clock_h: f64,
    /// Clock hour she is back with the baby.
    pub back_clock_h: f64,
    /// The days she works.
    pub weekdays: Vec<Weekday>,
    /// Pump sessions at work each working day (0: none).
    pub pumps_at_work: u32,
    /// Minutes per pump session (both sides at once).
    pub pump_minutes: f64,
}

impl Default for BackToWork {
    fn default() -> Self {
        Self {
            from_day: 90.0,
            leaves_clock_h: 8.0,
            back_clock_h: 17.0,
            weekdays: Weekday::WORKDAYS.to_vec(),
            pumps_at_work: 2,
            pump_minutes: 15.0,
        }
    }
}

/// Most pump sessions at work a plan may have (one an hour in a long day).
pub const MAX_PUMPS_AT_WORK: u32 = 8;

impl BackToWork {
    /// Hours away each working day.
    pub fn hours_away(&self) -> f64 {
        self.absence().hours()
    }

    /// The absence: away on the working days from `from_day` on.
    pub fn absence(&self) -> Absence {
        Absence {
            label: "at work".to_owned(),
            from_day: self.from_day,
            to_day: None,
            from_clock_h: self.leaves_clock_h,
            to_clock_h: self.back_clock_h,
            weekdays: self.weekdays.clone(),
        }
    }

    /// Clock hours of the pump sessions at work: evenly spaced through the hours away, so the
    /// breasts are emptied about as often as the baby would have fed.
    pub fn pump_clock_hours(&self) -> Vec<f64> {
        let n = self.pumps_at_work;
        let gap = self.hours_away() / f64::from(n + 1);
        (1..=n)
            .map(|k| round_to_quarter(self.leaves_clock_h + f64::from(k) * gap).rem_euclid(24.0))
            .collect()
    }

    /// The pump sessions at work as one rule, or `None` when she does not pump there.
    pub fn pump_rule(&self) -> Option<Rule> {
        let times = self.pump_clock_hours();
        let first = *times.first()?;
        let every_h = if times.len() > 1 {
            (times[1] - times[0]).rem_euclid(24.0)
        } else {
            24.0
        };
        Some(Rule {
            label: "pumping at work".to_owned(),
            kind: Kind::Pump,
            side: Side::Both,
            every_h,
            first_at_clock_h: first,
            from_day: self.from_day,
            to_day: MAX_HORIZON_DAYS,
            night_gap: None,
            max_per_day: Some(self.pumps_at_work),
            duration_min: self.pump_minutes,
            weekdays: self.weekdays.clone(),
        })
    }

    /// The plan in one sentence, for the builder to show before it is added.
    pub fn words(&self) -> String {
        let days = weekdays_words(&self.weekdays);
        let mut s = format!(
            "From day {} she is away {}–{} ({} h) {days}",
            num(self.from_day),
            format_clock(self.leaves_clock_h),
            format_clock(self.back_clock_h),
            num(self.hours_away()),
        );
        let times = self.pump_clock_hours();
        if times.is_empty() {
            s += " and does not pump at work";
        } else {
            let list: Vec<String> = times.iter().map(|&h| format_clock(h)).collect();
            s += &format!(
                " and pumps {} min at {}",
                num(self.pump_minutes),
                list.join(", ")
            );
        }
        s += "; someone else feeds the baby while she is away";
        if !(self.weekdays.is_empty() || self.weekdays.len() == 7) {
            s += ", and on the other days she is at home and feeds as before";
        }
        s.push('.');
        s
    }
}

fn round_to_quarter(h: f64) -> f64 {
    (h * 4.0).round() / 4.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;
    use crate::calendar::Calendar;
    use crate::schedule::Kind;

    #[test]
    fn two_or_three_pumps_spaced_through_the_day_away() {
        let mut plan = BackToWork::default();
        assert_eq!(plan.pump_clock_hours(), vec![11.0, 14.0]);
        plan.pumps_at_work = 3;
        assert_eq!(plan.pump_clock_hours(), vec![10.25, 12.5, 14.75]);
        plan.pumps_at_work = 0;
        assert_eq!(plan.pump_rule(), None);
        assert!(
            plan.words().contains("does not pump at work"),
            "{}",
            plan.words()
        );
    }

    #[test]
    fn the_plan_runs_pumps_at_work_and_feeds_at_home_at_weekends() {
        let plan = BackToWork {
            from_day: 91.0, // a Monday when no date of birth is set
            ..BackToWork::default()
        };
        let mut sc = Scenario {
            horizon_days: 112.0,
            ..Scenario::default()
        };
        sc.schedule.absences.push(plan.absence());
        sc.schedule.rules.push(plan.pump_rule().unwrap());
        assert_eq!(sc.validate(), vec![]);
        let run = crate::simulate(&sc).unwrap();
        let cal = Calendar::default();
        let mut weekday_pumps = 0;
        for s in &run.sessions {
            let away = sc.schedule.away(s.start_h, cal);
            if s.kind == Kind::Breastfeed {
                assert!(!away, "a breastfeed at {} while she is away", s.start_h);
            }
            let day = (s.start_h / 24.0).floor() as i64;
            if s.kind == Kind::Pump {
                assert!(day >= 91, "pumping before she goes back");
                assert!(away, "the pump at {} is not at work", s.start_h);
                assert!(Weekday::WORKDAYS.contains(&cal.weekday_of_day(day)));
                weekday_pumps += 1;
            }
        }
        // Days 91–111: three working weeks of five days, two pumps each.
        assert_eq!(weekday_pumps, 3 * 5 * 2);
        // A working day has fewer breastfeeds than a weekend day, and the baby's appetite while
        // she is away is booked as met by someone else.
        let (mon, sat) = (&run.days[98], &run.days[103]);
        assert!(
            mon.breastfeeds < sat.breastfeeds,
            "{} vs {}",
            mon.breastfeeds,
            sat.breastfeeds
        );
        assert!(
            mon.appetite_while_away_ml > 200.0,
            "{}",
            mon.appetite_while_away_ml
        );
        assert_eq!(sat.appetite_while_away_ml, 0.0);
        let words = crate::summary::plain_words(&run);
        assert!(words.contains("while the mother is away"), "{words}");
    }
}
