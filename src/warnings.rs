//! Notes that a scenario or its run left the range the model was checked against
//! (`docs/model.md`, `targets.md`), or that something clinically notable happened.

use crate::run::{EventKind, Run, Warning};
use crate::scenario::Scenario;
use crate::schedule_words::num;

/// More pump sessions than this in a day is flagged: more than a mother can keep up.
pub const MAX_PUMP_SESSIONS_A_DAY: usize = 12;

/// More sessions than this in a day, pumping included, is flagged (issue: 16 feeds and pump
/// sessions a day passed silently).
pub const MAX_SESSIONS_WITH_PUMPING_A_DAY: usize = 14;
/// A plan should leave at least one stretch this long without a planned session each day. Short:
/// sessions every 3 h round the clock are what newborn care asks for (8 a day), so only a plan
/// tighter than that is flagged.
pub const MIN_SLEEP_WINDOW_H: f64 = 2.5;

/// The first whole day on which the *planned* sessions (rules and single sessions, not feeds on
/// demand, which follow the baby) leave no stretch of `MIN_SLEEP_WINDOW_H` hours free, with the
/// longest free stretch that day (counted across midnight into the next day).
fn no_sleep_window(run: &Run) -> Option<(usize, f64)> {
    let planned: Vec<(f64, f64)> = run
        .sessions
        .iter()
        .filter(|s| s.origin != crate::schedule::Origin::Responsive)
        .map(|s| (s.start_h, s.end_h))
        .collect();
    let whole_days = (run.horizon_h / 24.0).floor() as usize;
    for day in 0..whole_days.saturating_sub(1) {
        let (from, to) = (day as f64 * 24.0, (day + 1) as f64 * 24.0);
        let today: Vec<&(f64, f64)> = planned
            .iter()
            .filter(|(s, _)| *s >= from && *s < to)
            .collect();
        if today.len() < 2 {
            continue;
        }
        // Free stretches between one session's end and the next one's start, the last one
        // reaching to the first session of the next day.
        let next_day_first = planned.iter().find(|(s, _)| *s >= to).map(|(s, _)| *s);
        let mut longest = 0.0f64;
        for w in today.windows(2) {
            longest = longest.max(w[1].0 - w[0].1);
        }
        let last_end = today.last().map_or(from, |s| s.1);
        longest = longest.max(next_day_first.unwrap_or(run.horizon_h) - last_end);
        longest = longest.max(today[0].0 - from);
        if longest < MIN_SLEEP_WINDOW_H {
            return Some((day, longest));
        }
    }
    None
}

/// Two rules of the same kind and side where one stops and the other starts up to a day later:
/// the days between have neither (a person who reads "to day 27" as "up to and including day
/// 27" loses day 27). Rules meant to follow one another meet at the same day.
fn gaps_between_rules(sc: &Scenario) -> Vec<(usize, usize, f64, f64)> {
    let rules = &sc.schedule.rules;
    let mut gaps = Vec::new();
    for (i, a) in rules.iter().enumerate() {
        for (j, b) in rules.iter().enumerate() {
            let gap = b.from_day - a.to_day;
            let covered = rules.iter().any(|c| {
                c.kind == a.kind && c.from_day <= a.to_day && c.to_day >= b.from_day && c != a
            });
            if i != j
                && a.kind == b.kind
                && a.side == b.side
                && gap > 1e-9
                && gap <= 1.0 + 1e-9
                && !covered
                && a.to_day < sc.horizon_days
            {
                gaps.push((i, j, a.to_day, b.from_day));
            }
        }
    }
    gaps
}

pub fn warnings(sc: &Scenario, run: &Run) -> Vec<Warning> {
    let mut w = Vec::new();
    let mut say = |t_h: Option<f64>, message: String| w.push(Warning { t_h, message });
    for (i, j, stops, starts) in gaps_between_rules(sc) {
        say(
            Some(stops * 24.0),
            format!(
                "Rule {} stops as day {} begins and rule {} starts on day {}: nothing of theirs happens in between. For one to follow the other, let rule {} start on day {} (a rule to day {} and one from day {} meet without a gap).",
                i + 1,
                num(stops),
                j + 1,
                num(starts),
                j + 1,
                num(stops),
                num(stops),
                num(stops),
            ),
        );
    }
    let m = &sc.mother;
    if sc.horizon_days > 183.0 {
        say(
            None,
            "Beyond 6 months: the figures the model was checked against stop at 6 months, and solid foods change the baby's demand.".to_owned(),
        );
    }
    for (side, cap) in [
        ("left", m.storage_capacity_left_ml),
        ("right", m.storage_capacity_right_ml),
    ] {
        if !(74.0..=606.0).contains(&cap) {
            say(
                None,
                format!(
                    "The {side} storage capacity ({cap:.0} ml) is outside the 74–606 ml measured in women (E4)."
                ),
            );
        }
    }
    if m.stress_0_to_1 > 0.7 {
        say(
            None,
            "Very high stress: the model's let-down inhibition is qualitative (H7), not fitted to measurements at this level.".to_owned(),
        );
    }
    // The dose–response on prolactin (what leaves prolactin alone has none to leave).
    for (i, c) in sc.schedule.mother_takes.iter().enumerate() {
        if !c.substance.acts_on_prolactin() {
            continue;
        }
        let f = c.substance.figures();
        let usual = crate::model::pharmacology::mean_amount_mg(
            c.substance,
            f.usual_dose_mg,
            f.usual_every_h,
        );
        let this = crate::model::pharmacology::mean_amount_mg(c.substance, c.dose_mg, c.every_h);
        if this > 2.0 * usual {
            say(
                Some(c.from_day * 24.0),
                format!(
                    "Medicine {} ({}) is taken at more than twice the usual amount ({}): the model's dose–response was fitted to the usual doses.",
                    i + 1,
                    c.describe(),
                    f.usual_regimen
                ),
            );
        }
    }
    for (i, c) in sc.schedule.mother_takes.iter().enumerate() {
        if c.to_day > sc.horizon_days + 1e-9 {
            say(
                Some(c.from_day * 24.0),
                format!(
                    "Course {} of what the mother takes ({}) goes on past the end of the run (day {}): lengthen the run under Mother & baby → Run to see all of it and what follows.",
                    i + 1,
                    c.describe(),
                    sc.horizon_days
                ),
            );
        }
    }
    // Sessions a person can keep up with in a day (D7: a baby feeds at most ≈ 18 times a day).
    for d in &run.days {
        if d.pump_sessions > MAX_PUMP_SESSIONS_A_DAY {
            say(
                Some(d.day as f64 * 24.0),
                format!(
                    "Day {}: {} pump sessions; more than {MAX_PUMP_SESSIONS_A_DAY} a day is more than a mother can keep up for long.",
                    d.day, d.pump_sessions
                ),
            );
            break;
        }
        if d.pump_sessions > 0 && d.breastfeeds + d.pump_sessions > MAX_SESSIONS_WITH_PUMPING_A_DAY
        {
            say(
                Some(d.day as f64 * 24.0),
                format!(
                    "Day {}: {} breastfeeds and {} pump sessions; more than {MAX_SESSIONS_WITH_PUMPING_A_DAY} sessions a day leaves a mother little time to sleep or eat.",
                    d.day, d.breastfeeds, d.pump_sessions
                ),
            );
            break;
        }
    }
    if let Some((day, longest_h)) = no_sleep_window(run) {
        say(
            Some(day as f64 * 24.0),
            format!(
                "Day {day}: the planned sessions leave no stretch of {MIN_SLEEP_WINDOW_H} hours without one (the longest is {longest_h:.1} h): a plan that is hard to keep up for more than a few days."
            ),
        );
    }
    let short: Vec<&crate::run::SessionResult> = run
        .completed_sessions()
        .filter(|s| s.kind == crate::schedule::Kind::Pump && s.letdowns_h.is_empty())
        .collect();
    if let Some(first) = short.first() {
        say(
            Some(first.start_h),
            format!(
                "{} pump session(s) ended before the first let-down (from {}): a session of {:.0} min is too short for the milk to be released; pump for at least a few minutes past the first let-down.",
                short.len(),
                crate::schedule::format_time_h(first.start_h),
                first.duration_min()
            ),
        );
    }
    let mut unmet_from = None;
    let mut unmet_total = 0.0;
    let mut unmet_days = 0;
    for e in &run.events {
        if let EventKind::UnmetAppetite { day, unmet_ml } = e.kind {
            unmet_from.get_or_insert(day);
            unmet_total += unmet_ml;
            unmet_days += 1;
        }
    }
    if let Some(d) = unmet_from {
        say(
            Some(d as f64 * 24.0),
            format!(
                "From day {} the baby gets less than it wants at the breast on {} day(s), on average {:.0} ml/day short: in life it would need more feeds, a better latch or a supplement.",
                d,
                unmet_days,
                unmet_total / unmet_days as f64
            ),
        );
    }
    for kind in ["engorgement", "junctions_reopened", "involution"] {
        if let Some(e) = run.events.iter().find(|e| e.kind.name() == kind) {
            let day = (e.t_h / 24.0).floor() as i64;
            let (breast, what) = match &e.kind {
                EventKind::Engorgement { breast } => (
                    breast,
                    "became engorged (nearly full to capacity): a risk of blocked ducts and mastitis",
                ),
                EventKind::JunctionsReopened { breast } => (
                    breast,
                    "was left full for long, or is losing its secretory cells, and its tight junctions reopened: milk sodium rises, as in engorgement, mastitis or weaning",
                ),
                EventKind::Involution { breast } => (
                    breast,
                    "lost half of its secretory capacity: involution is under way",
                ),
                _ => continue,
            };
            say(
                Some(e.t_h),
                format!("Day {day}: the {} breast {what}.", breast.name()),
            );
        }
    }
    if run.days.len() > 14 {
        let late: Vec<f64> = run.days[14..]
            .iter()
            .map(|d| d.total_removed_ml())
            .collect();
        let min = late.iter().cloned().fold(f64::INFINITY, f64::min);
        let weaning = sc.infant.weaning.is_some();
        if min < 450.0 && !weaning {
            say(
                None,
                format!(
                    "Low supply: after two weeks less than 450 ml/day is removed on some days (lowest {min:.0} ml); the healthy range is 478–1356 ml/day (E1)."
                ),
            );
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Kind, Rule};

    fn two_pump_rules(first_to_day: f64, second_from_day: f64) -> Scenario {
        let mut sc = Scenario {
            horizon_days: 42.0,
            ..Scenario::default()
        };
        let rule = Rule {
            kind: Kind::Pump,
            from_day: 0.0,
            to_day: first_to_day,
            ..Rule::default()
        };
        sc.schedule.rules = vec![
            rule.clone(),
            Rule {
                from_day: second_from_day,
                to_day: 42.0,
                every_h: 4.0,
                ..rule
            },
        ];
        sc
    }

    #[test]
    fn a_day_lost_between_two_rules_is_named() {
        // "to day 27" read as "up to and including day 27": day 27 has neither rule.
        let gaps = gaps_between_rules(&two_pump_rules(27.0, 28.0));
        assert_eq!(gaps, vec![(0, 1, 27.0, 28.0)]);
        let sc = two_pump_rules(27.0, 28.0);
        let run = crate::simulate(&sc).unwrap();
        let w = run
            .warnings
            .iter()
            .find(|w| w.message.contains("nothing of theirs"))
            .expect("a warning");
        assert!(
            w.message.contains("let rule 2 start on day 27"),
            "{}",
            w.message
        );
        // Meeting at the same day: no gap, no overlap, no warning.
        assert!(gaps_between_rules(&two_pump_rules(28.0, 28.0)).is_empty());
        // A week apart is a pause someone chose, not a slip.
        assert!(gaps_between_rules(&two_pump_rules(21.0, 28.0)).is_empty());
    }
}
