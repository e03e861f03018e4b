//! The schedule in plain words: one line per entry ("Pump both sides every 3 h from 06:00,
//! from day 14 to day 28 (14 days), 15 min"), clock times and numbers as people write them.
//!
//! The schedule editor shows these lines, the warnings and sentences quote them, so they live in
//! the library beside the schedule, not in the window. Day ranges are written one way only, by
//! [`day_range_words`].

use crate::absence::Absence;
use crate::calendar::{day_range_words, weekdays_words};
use crate::scenario::MAX_HORIZON_DAYS;
use crate::schedule::{Kind, Rule, Session, Side, Skip, format_time_h};

/// A number as a person writes it: "3", "0.25", "19.5" (no trailing zeros, at most three
/// decimals).
pub fn num(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    format!("{r}")
}

/// "07:30" for a clock hour.
pub fn format_clock(h: f64) -> String {
    let m = (h * 60.0).round() as i64;
    format!("{:02}:{:02}", m.div_euclid(60), m.rem_euclid(60))
}

/// "07:30", "7:30", "7", "7.5" → hours.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some((h, m)) = s.split_once(':') {
        let h: u32 = h.trim().parse().ok()?;
        let m: u32 = m.trim().parse().ok()?;
        return (m < 60).then(|| f64::from(h) + f64::from(m) / 60.0);
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub fn side_words(side: Side) -> &'static str {
    match side {
        Side::Left => "left side",
        Side::Right => "right side",
        Side::Both => "both sides",
        Side::Alternate => "alternating sides",
    }
}

fn every_words(h: f64) -> String {
    if h < 1.0 {
        format!("every {} min", num(h * 60.0))
    } else {
        format!("every {} h", num(h))
    }
}

fn minutes_words(kind: Kind, side: Side, min: f64) -> String {
    if kind == Kind::Breastfeed && side == Side::Both {
        format!("{} min a side", num(min))
    } else {
        format!("{} min", num(min))
    }
}

/// "at work: pump …" with a label a person typed, "Pump …" without: the words after the label
/// always say what the entry does, so a label that has gone stale is seen to be.
fn with_label(label: &str, text: String) -> String {
    let label = label.trim();
    if label.is_empty() {
        let mut c = text.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        format!("{label}: {text}")
    }
}

pub fn rule_summary(r: &Rule, horizon_days: f64) -> String {
    let mut s = format!(
        "{} {} {} from {}",
        r.kind.name(),
        side_words(r.side),
        every_words(r.every_h),
        format_clock(r.first_at_clock_h)
    );
    if let Some(n) = r.max_per_day {
        s += &format!(", at most {n} a day");
    }
    if !r.weekdays.is_empty() && r.weekdays.len() < 7 {
        s += &format!(", {}", weekdays_words(&r.weekdays));
    }
    if let Some(g) = &r.night_gap {
        s += &format!(
            ", none {}–{}",
            format_clock(g.from_clock_h),
            format_clock(g.to_clock_h)
        );
        if g.from_day > 0.0 {
            s += &format!(" from day {}", num(g.from_day));
        }
    }
    s += &format!(
        ", {}, {}",
        // A rule to the last day a run can reach goes on as long as the run does.
        day_range_words(
            r.from_day,
            (r.to_day < MAX_HORIZON_DAYS).then_some(r.to_day)
        ),
        minutes_words(r.kind, r.side, r.duration_min)
    );
    if r.from_day >= horizon_days {
        s += " (after the run ends)";
    }
    with_label(&r.label, s)
}

pub fn session_summary(x: &Session, horizon_days: f64) -> String {
    let side = match x.side {
        Side::Alternate => Side::Left,
        s => s,
    };
    let day = (x.at_h / 24.0).floor();
    let mut s = format!(
        "{} {} on day {} at {}, {}",
        x.kind.name(),
        side_words(side),
        num(day),
        format_clock(x.at_h - day * 24.0),
        minutes_words(x.kind, side, x.duration_min)
    );
    if x.at_h >= horizon_days * 24.0 {
        s += " (after the run ends)";
    }
    with_label(&x.label, s)
}

pub fn skip_summary(x: &Skip) -> String {
    with_label(
        &x.label,
        format!(
            "nothing starts from {} to {}",
            format_time_h(x.from_h),
            format_time_h(x.to_h)
        ),
    )
}

pub fn absence_summary(a: &Absence, horizon_days: f64) -> String {
    let mut s = a.words();
    if a.from_day >= horizon_days {
        s += " (after the run ends)";
    }
    with_label(&a.label, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Weekday;

    #[test]
    fn clock_round_trip() {
        assert_eq!(format_clock(19.5), "19:30");
        assert_eq!(format_clock(0.0), "00:00");
        assert_eq!(format_clock(24.0), "24:00");
        assert_eq!(parse_clock("07:30"), Some(7.5));
        assert_eq!(parse_clock(" 7 "), Some(7.0));
        assert_eq!(parse_clock("7:75"), None);
        assert_eq!(parse_clock("noon"), None);
    }

    #[test]
    fn summaries_read_plainly() {
        let r = Rule {
            kind: Kind::Pump,
            every_h: 3.0,
            first_at_clock_h: 6.0,
            from_day: 14.0,
            to_day: 28.0,
            ..Rule::default()
        };
        assert_eq!(
            rule_summary(&r, 28.0),
            "Pump both sides every 3 h from 06:00, from day 14 to day 28 (14 days), 15 min"
        );
        let r = Rule {
            label: "power pumping".into(),
            every_h: 0.5,
            max_per_day: Some(3),
            ..r
        };
        assert_eq!(
            rule_summary(&r, 10.0),
            "power pumping: pump both sides every 30 min from 06:00, at most 3 a day, \
             from day 14 to day 28 (14 days), 15 min (after the run ends)"
        );
        let at_work = Rule {
            label: String::new(),
            every_h: 3.0,
            first_at_clock_h: 11.0,
            max_per_day: Some(2),
            weekdays: Weekday::WORKDAYS.to_vec(),
            ..r
        };
        assert_eq!(
            rule_summary(&at_work, 120.0),
            "Pump both sides every 3 h from 11:00, at most 2 a day, Mon–Fri, \
             from day 14 to day 28 (14 days), 15 min"
        );
        let s = Skip {
            label: String::new(),
            from_h: 14.0 * 24.0 + 23.0,
            to_h: 15.0 * 24.0 + 6.0,
        };
        assert_eq!(
            skip_summary(&s),
            "Nothing starts from day 14 23:00 to day 15 06:00"
        );
        assert_eq!(
            absence_summary(&Absence::default(), 120.0),
            "Away from the baby 08:00–17:00 Mon–Fri, from day 90 on"
        );
    }
}
