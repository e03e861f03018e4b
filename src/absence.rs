//! Absences: recurring times the mother is away from the baby ("at work 08:00–17:00 on weekdays
//! from day 90").
//!
//! While she is away no breastfeed starts — neither on demand nor planned — and the baby's hunger
//! is met by someone else (a bottle of her pumped milk, or formula), so it is not asked of the
//! breast; pump sessions go on (she pumps at work). The milk the baby wants while she is away is
//! booked in the day's `appetite_while_away_ml`, so the summary can say where it comes from.

use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Weekday, day_range_words, weekdays_words};
use crate::scenario::{Problem, check_day, check_range};
use crate::schedule::daily_window_start;
use crate::schedule_words::{format_clock as clock, num};

/// A recurring absence: away from `from_clock_h` to `to_clock_h` on the chosen weekdays, from day
/// `from_day` up to day `to_day`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Absence {
    pub label: String,
    /// First day she is away (days since birth).
    pub from_day: f64,
    /// The day the absences stop (not included, as everywhere: an absence to day 120 and a
    /// rule from day 120 meet without a gap). `None`: to the end of the run.
    pub to_day: Option<f64>,
    /// Clock hour she leaves (0–24).
    pub from_clock_h: f64,
    /// Clock hour she is back (0–24); earlier than `from_clock_h` means the next morning (a
    /// night shift), and the absence then belongs to the day it starts on.
    pub to_clock_h: f64,
    /// The weekdays she is away (empty: every day). Weekdays follow the scenario's
    /// `birth_date`; without one, day 0 counts as a Monday.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<Weekday>,
}

impl Default for Absence {
    fn default() -> Self {
        Self {
            label: String::new(),
            from_day: 90.0,
            to_day: None,
            from_clock_h: 8.0,
            to_clock_h: 17.0,
            weekdays: Weekday::WORKDAYS.to_vec(),
        }
    }
}

impl Absence {
    /// Is she away at `t_h` (hours since birth)?
    pub fn contains(&self, t_h: f64, calendar: Calendar) -> bool {
        let Some(start) = daily_window_start(t_h, self.from_clock_h, self.to_clock_h) else {
            return false;
        };
        let day = (start / 24.0).floor();
        start >= self.from_day * 24.0
            && self.to_day.is_none_or(|to| day < to)
            && (self.weekdays.is_empty()
                || self.weekdays.contains(&calendar.weekday_of_day(day as i64)))
    }

    /// Hours she is away on a day she is away.
    pub fn hours(&self) -> f64 {
        (self.to_clock_h - self.from_clock_h).rem_euclid(24.0)
    }

    /// "away from the baby 08:00–17:00 Mon–Fri, from day 90 on" in words.
    pub fn words(&self) -> String {
        format!(
            "away from the baby {}–{} {}, {}",
            clock(self.from_clock_h),
            clock(self.to_clock_h),
            weekdays_words(&self.weekdays),
            day_range_words(self.from_day, self.to_day)
        )
    }
}

/// Problems with the absences' fields.
pub fn validate(absences: &[Absence], problems: &mut Vec<Problem>) {
    for (i, a) in absences.iter().enumerate() {
        let path = format!("schedule.absences[{i}]");
        check_day(problems, &format!("{path}.from_day"), a.from_day);
        if let Some(to) = a.to_day {
            check_day(problems, &format!("{path}.to_day"), to);
            if to <= a.from_day {
                problems.push(Problem::new(
                    format!("{path}.to_day"),
                    format!(
                        "the absences stop (day {}) before they start (day {}): set a later day, or none to go on to the end of the run",
                        num(to),
                        num(a.from_day)
                    ),
                ));
            }
        }
        for (field, v) in [
            ("from_clock_h", a.from_clock_h),
            ("to_clock_h", a.to_clock_h),
        ] {
            check_range(
                problems,
                &format!("{path}.{field}"),
                "a clock hour",
                v,
                0.0,
                24.0,
            );
        }
        if a.from_clock_h.rem_euclid(24.0) == a.to_clock_h.rem_euclid(24.0) {
            problems.push(Problem::new(
                format!("{path}.to_clock_h"),
                format!(
                    "she leaves and is back at the same hour ({}): the absence would be empty",
                    clock(a.from_clock_h)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn away_on_weekdays_from_a_day() {
        let work = Absence::default(); // 08:00–17:00 Mon–Fri from day 90, no date of birth
        let cal = Calendar::default(); // day 0 a Monday: day 90 a Sunday, day 91 a Monday
        let at = |day: f64, clock: f64| work.contains(day * 24.0 + clock, cal);
        assert!(!at(90.0, 10.0), "day 90 is a Sunday");
        assert!(at(91.0, 8.0) && at(91.0, 16.99));
        assert!(!at(91.0, 7.99) && !at(91.0, 17.0));
        assert!(at(95.0, 12.0), "Friday");
        assert!(!at(96.0, 12.0) && !at(97.0, 12.0), "the weekend at home");
        assert!(!at(84.0, 12.0), "before day 90");
        let born_on_a_sunday = Calendar::new(Some("2026-03-01".parse().unwrap()));
        assert!(!work.contains(91.0 * 24.0 + 12.0, born_on_a_sunday));
        assert_eq!(born_on_a_sunday.weekday_of_day(91), Weekday::Sun);
        assert_eq!(work.hours(), 9.0);
    }

    #[test]
    fn a_night_shift_belongs_to_the_day_it_starts() {
        let nights = Absence {
            from_day: 10.0,
            to_day: Some(12.0),
            from_clock_h: 22.0,
            to_clock_h: 6.0,
            weekdays: Vec::new(),
            ..Absence::default()
        };
        let cal = Calendar::default();
        assert!(
            !nights.contains(10.0 * 24.0 + 3.0, cal),
            "the night of day 9"
        );
        assert!(nights.contains(10.0 * 24.0 + 23.0, cal));
        assert!(nights.contains(11.0 * 24.0 + 5.0, cal));
        assert!(
            nights.contains(12.0 * 24.0 + 5.0, cal),
            "the night of day 11 ends on day 12"
        );
        assert!(
            !nights.contains(12.0 * 24.0 + 23.0, cal),
            "day 12 is not included"
        );
        assert_eq!(nights.hours(), 8.0);
    }

    #[test]
    fn words_and_problems() {
        assert_eq!(
            Absence::default().words(),
            "away from the baby 08:00–17:00 Mon–Fri, from day 90 on"
        );
        let mut p = Vec::new();
        validate(
            &[Absence {
                to_day: Some(80.0),
                to_clock_h: 8.0,
                ..Absence::default()
            }],
            &mut p,
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].path, "schedule.absences[0].to_day");
    }
}
