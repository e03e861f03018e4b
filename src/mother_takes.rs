//! What the mother takes, and when: a list of courses in the schedule (`schedule.mother_takes`),
//! each a substance, a dose, how many hours apart (at most so many a day) and between which
//! days. What a substance does to prolactin is [`crate::model::pharmacology`]; what of it reaches
//! the milk and the baby, [`crate::model::milk_transfer`].

use serde::{Deserialize, Serialize};

use crate::model::pharmacology::{STANDARD_DRINK_MG, Substance};
use crate::scenario::{MAX_HORIZON_DAYS, Problem, check_day, check_range};

/// A course of one substance: `dose_mg` every `every_h` hours from day `from_day` (at
/// `first_at_clock_h`) until day `to_day` (exclusive). One dose: `to_day` within `every_h` of the
/// first. With `max_per_day`, each day starts afresh at `first_at_clock_h` (as a schedule rule
/// does): two coffees a day are every 6 h from 08:00, at most 2 a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dosing {
    pub substance: Substance,
    pub dose_mg: f64,
    /// Hours between two doses.
    pub every_h: f64,
    /// Clock hour of the first dose (0–24).
    pub first_at_clock_h: f64,
    /// First day of the course (days since birth).
    pub from_day: f64,
    /// Day the course ends (exclusive).
    pub to_day: f64,
    /// At most this many a day, each day from `first_at_clock_h` (`None`: around the clock).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_per_day: Option<u32>,
}

impl Default for Dosing {
    fn default() -> Self {
        let f = Substance::Domperidone.figures();
        Self {
            substance: Substance::Domperidone,
            dose_mg: f.usual_dose_mg,
            every_h: f.usual_every_h,
            first_at_clock_h: 8.0,
            from_day: 14.0,
            to_day: 28.0,
            max_per_day: None,
        }
    }
}

impl Dosing {
    /// The usual course of `substance` from `from_day` to `to_day`.
    pub fn usual(substance: Substance, from_day: f64, to_day: f64) -> Self {
        let f = substance.figures();
        Self {
            substance,
            dose_mg: f.usual_dose_mg,
            every_h: f.usual_every_h,
            first_at_clock_h: 8.0,
            from_day,
            to_day,
            max_per_day: None,
        }
    }

    /// An everyday course of `substance` from `from_day` to `to_day`, as people take it: two
    /// coffees a day (08:00 and 14:00), a glass of wine at 20:00, a bowl of bran in the
    /// morning, a medicine at its usual dose and interval from 08:00.
    pub fn everyday(substance: Substance, from_day: f64, to_day: f64) -> Self {
        let usual = Self::usual(substance, from_day, to_day);
        match substance {
            Substance::Caffeine => Self {
                max_per_day: Some(2),
                ..usual
            },
            Substance::Alcohol => Self {
                first_at_clock_h: 20.0,
                ..usual
            },
            _ => usual,
        }
    }

    /// A single dose of `dose_mg` at hour `at_h` since birth (a course of one day).
    pub fn once(substance: Substance, dose_mg: f64, at_h: f64) -> Self {
        let day = (at_h / 24.0).floor();
        Self {
            substance,
            dose_mg,
            every_h: 24.0,
            first_at_clock_h: at_h - day * 24.0,
            from_day: day,
            to_day: day + 1.0,
            max_per_day: None,
        }
    }

    /// Times of the doses (hours since birth) before `horizon_h`.
    pub fn times_h(&self, horizon_h: f64) -> impl Iterator<Item = f64> + '_ {
        let start = self.from_day.floor() * 24.0 + self.first_at_clock_h;
        let start = if start < self.from_day * 24.0 {
            start + 24.0
        } else {
            start
        };
        let end = (self.to_day * 24.0).min(horizon_h);
        let every = self.every_h;
        // At most so many a day: the k-th dose of each day, each day from the first clock time
        // (the first day from `start`, which a course starting mid-day may have moved on).
        let per_day = self.max_per_day.map(|n| n as u64);
        let day0 = (start / 24.0).floor();
        let clock = self.first_at_clock_h;
        let mut k: u64 = 0;
        let mut day: f64 = day0;
        std::iter::from_fn(move || {
            let t = match per_day {
                None => start + k as f64 * every,
                Some(n) => {
                    if k >= n || k as f64 * every >= 24.0 {
                        k = 0;
                        day += 1.0;
                    }
                    if n == 0 {
                        return None;
                    }
                    day * 24.0 + clock + k as f64 * every
                }
            };
            k += 1;
            (t < end).then_some(t)
        })
    }

    /// A dose in the words of its substance: "2 standard drinks (28 g)", "95 mg".
    pub fn dose_words(&self) -> String {
        dose_words(self.substance, self.dose_mg)
    }

    /// "domperidone 10 mg every 8 h, from day 14 to day 28 (14 days)": day ranges in the words
    /// of [`crate::calendar::day_range_words`], as everywhere.
    pub fn describe(&self) -> String {
        let clock = crate::schedule_words::format_clock;
        let how_often = match self.max_per_day {
            Some(n) => {
                // As `times_h` gives them: the k-th dose of each day while k spacings stay
                // within a day (the last may fall after midnight).
                let times: Vec<String> = (0..n)
                    .map(|k| k as f64 * self.every_h)
                    .take_while(|&after| after < 24.0)
                    .map(|after| clock((self.first_at_clock_h + after).rem_euclid(24.0)))
                    .collect();
                match times.as_slice() {
                    [one] => format!("once a day at {one}"),
                    [rest @ .., last] => {
                        format!("{} a day at {} and {last}", times.len(), rest.join(", "))
                    }
                    [] => String::new(),
                }
            }
            None if self.every_h == 24.0 => {
                format!("once a day at {}", clock(self.first_at_clock_h))
            }
            None => format!("every {} h", self.every_h),
        };
        format!(
            "{} {} {how_often}, {}",
            self.substance.name(),
            self.dose_words(),
            crate::calendar::day_range_words(self.from_day, Some(self.to_day))
        )
    }
}

/// An amount in mg in words that fit its size: "0.82 mg", "14 µg", "2.1 g".
pub fn mg_words(mg: f64) -> String {
    if mg <= 0.0 {
        "nothing".to_owned()
    } else if mg < 0.1 {
        format!("{} µg", crate::summary::round_sig(mg * 1000.0, 2))
    } else if mg >= 1000.0 {
        format!("{} g", crate::summary::round_sig(mg / 1000.0, 2))
    } else {
        format!("{} mg", crate::summary::round_sig(mg, 2))
    }
}

/// A dose of `substance` in its usual words: alcohol in standard drinks and grams, a few grams
/// of fibre in g, the rest in mg.
pub fn dose_words(substance: Substance, dose_mg: f64) -> String {
    let g = dose_mg / 1000.0;
    match substance {
        Substance::Alcohol => {
            let drinks = dose_mg / STANDARD_DRINK_MG;
            let n = crate::summary::round_sig(drinks, 2);
            let plural = if (n - 1.0).abs() < 1e-9 { "" } else { "s" };
            format!(
                "{n} standard drink{plural} ({} g)",
                crate::summary::round_sig(g, 3)
            )
        }
        Substance::Fibre => format!("{} g", crate::summary::round_sig(g, 3)),
        _ => format!("{} mg", crate::summary::round_sig(dose_mg, 3)),
    }
}

/// Most doses a scenario may expand to (a guard against runaway courses).
pub const MAX_DOSES: usize = 10_000;

/// One dose at a known time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dose {
    pub t_h: f64,
    pub substance: Substance,
    pub mg: f64,
    /// Index of the course in `schedule.mother_takes`.
    pub course: usize,
}

/// Problems with the courses' fields.
pub fn validate(courses: &[Dosing], problems: &mut Vec<Problem>) {
    for (i, c) in courses.iter().enumerate() {
        let path = format!("schedule.mother_takes[{i}]");
        check_range(
            problems,
            &format!("{path}.dose_mg"),
            "a dose (mg)",
            c.dose_mg,
            0.001,
            c.substance.figures().max_dose_mg,
        );
        if c.max_per_day == Some(0) {
            problems.push(Problem::new(
                format!("{path}.max_per_day"),
                "at most 0 a day is no course: leave it out, or at least 1",
            ));
        }
        if c.max_per_day.is_some() && c.every_h >= 24.0 {
            problems.push(Problem::new(
                format!("{path}.every_h"),
                format!(
                    "with at most so many a day, the hours between doses are within a day (under 24, not {})",
                    c.every_h
                ),
            ));
        }
        check_range(
            problems,
            &format!("{path}.every_h"),
            "hours between doses",
            c.every_h,
            1.0,
            24.0 * 14.0,
        );
        check_range(
            problems,
            &format!("{path}.first_at_clock_h"),
            "a clock hour",
            c.first_at_clock_h,
            0.0,
            24.0,
        );
        check_day(problems, &format!("{path}.from_day"), c.from_day);
        check_day(problems, &format!("{path}.to_day"), c.to_day);
        if c.to_day <= c.from_day {
            problems.push(Problem::new(
                format!("{path}.to_day"),
                format!(
                    "the course ends (day {}) before it starts (day {}): for one dose, end it a day later",
                    c.to_day, c.from_day
                ),
            ));
        }
    }
    let total: usize = courses
        .iter()
        .filter(|c| c.every_h >= 1.0)
        .map(|c| c.times_h(MAX_HORIZON_DAYS * 24.0).count())
        .sum();
    if total > MAX_DOSES {
        problems.push(Problem::new(
            "schedule.mother_takes",
            format!("the courses add up to {total} doses; at most {MAX_DOSES} are allowed"),
        ));
    }
}

/// Every dose before `horizon_h`, sorted by time. Call on a validated list.
pub fn doses(courses: &[Dosing], horizon_h: f64) -> Vec<Dose> {
    let mut out: Vec<Dose> = courses
        .iter()
        .enumerate()
        .flat_map(|(course, c)| {
            c.times_h(horizon_h).map(move |t_h| Dose {
                t_h,
                substance: c.substance,
                mg: c.dose_mg,
                course,
            })
        })
        .collect();
    out.sort_by(|a, b| a.t_h.total_cmp(&b.t_h));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_in_their_size() {
        assert_eq!(mg_words(0.82), "0.82 mg");
        assert_eq!(mg_words(0.014), "14 µg");
        assert_eq!(mg_words(2100.0), "2.1 g");
        assert_eq!(mg_words(0.0), "nothing");
        assert_eq!(
            dose_words(Substance::Alcohol, 14_000.0),
            "1 standard drink (14 g)"
        );
        assert_eq!(
            dose_words(Substance::Alcohol, 21_000.0),
            "1.5 standard drinks (21 g)"
        );
        assert_eq!(dose_words(Substance::Caffeine, 95.0), "95 mg");
    }

    #[test]
    fn a_day_that_reaches_past_midnight_reads_as_it_is_taken() {
        let c = Dosing {
            every_h: 8.0,
            max_per_day: Some(4),
            ..Dosing::usual(Substance::Paracetamol, 2.0, 5.0)
        };
        // 08:00, 16:00 and 00:00 (the third spacing ends the day): three doses, not four.
        assert_eq!(
            c.times_h(1000.0).take(4).collect::<Vec<_>>(),
            vec![56.0, 64.0, 72.0, 80.0]
        );
        assert!(
            c.describe().contains("3 a day at 08:00, 16:00 and 00:00"),
            "{}",
            c.describe()
        );
        let mut p = Vec::new();
        validate(
            &[Dosing {
                every_h: 24.0,
                max_per_day: Some(2),
                ..c
            }],
            &mut p,
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "schedule.mother_takes[0].every_h");
    }

    #[test]
    fn two_a_day_start_afresh_each_day() {
        let c = Dosing::everyday(Substance::Caffeine, 2.0, 4.0);
        assert_eq!(
            c.times_h(1000.0).collect::<Vec<_>>(),
            vec![56.0, 62.0, 80.0, 86.0]
        );
        assert_eq!(
            c.describe(),
            "caffeine 95 mg 2 a day at 08:00 and 14:00, from day 2 to day 4 (2 days)"
        );
    }

    #[test]
    fn doses_fall_between_the_days() {
        let c = Dosing {
            from_day: 2.0,
            to_day: 4.0,
            every_h: 8.0,
            first_at_clock_h: 8.0,
            ..Dosing::default()
        };
        let t: Vec<f64> = c.times_h(1000.0).collect();
        // Day 4 08:00 (96 h) is on the day the course ends: not taken.
        assert_eq!(t, vec![56.0, 64.0, 72.0, 80.0, 88.0]);
        // One dose: a course of one day, every 24 h.
        let once = Dosing::once(Substance::Cabergoline, 1.0, 2.0);
        assert_eq!(once.times_h(1000.0).collect::<Vec<_>>(), vec![2.0]);
        let later = Dosing::once(Substance::Cabergoline, 1.0, 50.5);
        assert_eq!(later.times_h(1000.0).collect::<Vec<_>>(), vec![50.5]);
        assert_eq!(doses(&[c, once], 60.0).len(), 2);
    }

    #[test]
    fn a_course_that_ends_before_it_starts_is_a_problem() {
        let mut p = Vec::new();
        validate(
            &[Dosing {
                from_day: 5.0,
                to_day: 5.0,
                ..Dosing::default()
            }],
            &mut p,
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "schedule.mother_takes[0].to_day");
    }
}
