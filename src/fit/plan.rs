//! Her day as recurring rules: the sessions of one day of her log, grouped by kind and side,
//! each group a rule that repeats it daily. "6 pumps a day, every 4 hours" is one rule a
//! clinician changes to ask "what if 8", where a copy of every session would be dozens of
//! entries to edit one by one.

use crate::schedule::{Kind, NightGap, Rule, Session, Side};

/// A gap between two sessions of a group this much longer than their even spacing, and at
/// least [`NIGHT_GAP_MIN_H`], is her night: the rule keeps her spacing through the day and
/// starts each day afresh after it (rather than spreading her sessions evenly round the clock,
/// which would put some in her night and shorten the longest time a breast goes unemptied).
const NIGHT_GAP_FACTOR: f64 = 1.5;
const NIGHT_GAP_MIN_H: f64 = 5.0;

/// Round to a multiple of `step` (rules read best in whole minutes and tidy hours).
fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}

/// The median of a non-empty list.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    }
}

/// The rules that repeat `day` (one day's sessions, times since birth) daily from `from_h`
/// (hours since birth) to `to_day`, one per kind and side, each labelled `label` and what it
/// repeats.
pub fn daily_rules(day: &[&Session], from_h: f64, to_day: f64, label: &str) -> Vec<Rule> {
    let mut groups: Vec<(Kind, Side, Vec<&Session>)> = Vec::new();
    for s in day {
        match groups
            .iter_mut()
            .find(|(k, side, _)| *k == s.kind && *side == s.side)
        {
            Some((_, _, g)) => g.push(s),
            None => groups.push((s.kind, s.side, vec![s])),
        }
    }
    groups
        .into_iter()
        .map(|(kind, side, sessions)| {
            let n = sessions.len();
            let mut clocks: Vec<f64> = sessions.iter().map(|s| s.at_h.rem_euclid(24.0)).collect();
            clocks.sort_by(f64::total_cmp);
            // The longest gap round the clock, and the session after it.
            let (gap_h, after_gap) = (0..n)
                .map(|i| {
                    let next = clocks[(i + 1) % n];
                    let gap = (next - clocks[i]).rem_euclid(24.0);
                    (if n == 1 { 24.0 } else { gap }, next)
                })
                .fold(
                    (0.0, clocks[0]),
                    |best, g| if g.0 > best.0 { g } else { best },
                );
            let even_h = 24.0 / n as f64;
            let night =
                n > 1 && gap_h >= NIGHT_GAP_MIN_H && gap_h >= NIGHT_GAP_FACTOR * even_h - 1e-9;
            // Round the clock, the rule steps on from her first session of the day (the one
            // she would come to next after it); with a night, each day starts after it.
            let first_in_time = sessions
                .iter()
                .map(|s| s.at_h)
                .fold(f64::INFINITY, f64::min)
                .rem_euclid(24.0);
            let (every_h, max_per_day, first_at) = if night {
                (
                    round_to((24.0 - gap_h) / (n - 1) as f64, 0.05).max(0.25),
                    Some(n as u32),
                    after_gap,
                )
            } else {
                // Exactly 24/n: a rounded spacing would drift round the clock over weeks.
                (even_h, None, first_in_time)
            };
            let what = match kind {
                Kind::Pump => "pump",
                Kind::Breastfeed => "breastfeed",
            };
            let plural = if n == 1 { "" } else { "s" };
            let first_at_clock_h = round_to(first_at, 1.0 / 60.0) % 24.0;
            // From the start of `from_h`'s day when the rule's first session that day comes
            // after it (it reads "from day 43"), else from `from_h` itself, a little later.
            let day = (from_h / 24.0).floor();
            let from_day = if day * 24.0 + first_at_clock_h >= from_h {
                day
            } else {
                (from_h / 24.0 * 100.0).ceil() / 100.0
            };
            Rule {
                label: format!("{label}: {n} {what}{plural} a day"),
                kind,
                side,
                every_h,
                first_at_clock_h,
                from_day,
                to_day,
                weekdays: Vec::new(),
                night_gap: None::<NightGap>,
                max_per_day,
                duration_min: round_to(
                    median(sessions.iter().map(|s| s.duration_min).collect()),
                    1.0,
                )
                .max(1.0),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(kind: Kind, side: Side, at_h: f64, duration_min: f64) -> Session {
        Session {
            label: String::new(),
            kind,
            side,
            at_h,
            duration_min,
        }
    }

    #[test]
    fn six_pumps_round_the_clock_are_one_rule_every_four_hours() {
        let day: Vec<Session> = [2.0, 6.1, 10.0, 13.9, 18.0, 22.0]
            .iter()
            .map(|&h| session(Kind::Pump, Side::Both, 30.0 * 24.0 + h, 20.0))
            .collect();
        let refs: Vec<&Session> = day.iter().collect();
        let rules = daily_rules(&refs, 31.25 * 24.0, 60.0, "after her log");
        assert_eq!(rules.len(), 1);
        let r = &rules[0];
        assert_eq!(r.every_h, 4.0);
        assert_eq!(r.max_per_day, None);
        assert_eq!(r.duration_min, 20.0);
        assert_eq!(r.label, "after her log: 6 pumps a day");
        // No night: the rule steps on from her first session of the day, at 02:00.
        assert!((r.first_at_clock_h - 2.0).abs() < 1e-9);
        // Its 02:00 on day 31 comes before 06:00, where it starts: it starts at 06:00.
        assert_eq!(r.from_day, 31.25);
    }

    #[test]
    fn a_night_without_sessions_is_kept_and_kinds_and_sides_each_get_a_rule() {
        // Feeds at 06:00, 09:00, 12:00, 15:00, 18:00, 21:00 and nothing in the night; a pump on
        // the right at 14:00.
        let mut day: Vec<Session> = (0..6)
            .map(|k| session(Kind::Breastfeed, Side::Both, 6.0 + 3.0 * k as f64, 15.0))
            .collect();
        day.push(session(Kind::Pump, Side::Right, 14.0, 15.0));
        let refs: Vec<&Session> = day.iter().collect();
        let rules = daily_rules(&refs, 24.0, 10.0, "x");
        assert_eq!(rules.len(), 2);
        let feeds = &rules[0];
        assert_eq!(feeds.kind, Kind::Breastfeed);
        assert_eq!(feeds.max_per_day, Some(6));
        assert_eq!(feeds.every_h, 3.0);
        assert!((feeds.first_at_clock_h - 6.0).abs() < 1e-9);
        assert_eq!(feeds.from_day, 1.0);
        let pump = &rules[1];
        assert_eq!(
            (pump.kind, pump.side, pump.every_h),
            (Kind::Pump, Side::Right, 24.0)
        );
        assert!((pump.first_at_clock_h - 14.0).abs() < 1e-9);
    }

    #[test]
    fn a_gap_of_exactly_one_and_a_half_spacings_is_a_night_and_even_days_do_not_drift() {
        // Three a day, 07:00, 13:00, 19:00: the 12-hour gap is exactly 1.5 times the even
        // spacing, and still her night (a day from 07:00, not 07:00, 15:00, 23:00).
        let three: Vec<Session> = [7.0, 13.0, 19.0]
            .iter()
            .map(|&h| session(Kind::Pump, Side::Both, 24.0 + h, 15.0))
            .collect();
        let refs: Vec<&Session> = three.iter().collect();
        let r = &daily_rules(&refs, 48.0, 10.0, "x")[0];
        assert_eq!((r.every_h, r.max_per_day), (6.0, Some(3)));
        assert!((r.first_at_clock_h - 7.0).abs() < 1e-9);
        // Seven round the clock: every 24/7 h exactly (no drift over weeks).
        let seven: Vec<Session> = (0..7)
            .map(|k| session(Kind::Pump, Side::Both, 24.0 + 24.0 / 7.0 * k as f64, 15.0))
            .collect();
        let refs: Vec<&Session> = seven.iter().collect();
        let r = &daily_rules(&refs, 48.0, 10.0, "x")[0];
        assert_eq!((r.every_h, r.max_per_day), (24.0 / 7.0, None));
    }
}
