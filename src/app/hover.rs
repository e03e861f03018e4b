//! The hover read-out: the time under the pointer and every shown curve's value there, each
//! in its own unit.

use super::day_summary::{DETAIL_MAX_VIEW_DAYS, summarised};
use super::plot_data::{Curve, DayValue, PlotData};
use crate::calendar::Calendar;
use crate::schedule::format_time_h;

/// The value of a curve nearest to `x` (a curve sampled at sessions has no value in between).
#[cfg(test)]
fn value_near(c: &Curve, x: f64) -> Option<f64> {
    point_near(c, x).map(|(_, y)| y)
}

/// The point of a curve nearest to `x`, as (x, y), if its value is finite.
fn point_near(c: &Curve, x: f64) -> Option<(f64, f64)> {
    let i = c.points.partition_point(|p| p.x < x);
    let candidates = [i.checked_sub(1), (i < c.points.len()).then_some(i)];
    candidates
        .into_iter()
        .flatten()
        .map(|j| c.points[j])
        .min_by(|a, b| (a.x - x).abs().total_cmp(&(b.x - x).abs()))
        .filter(|p| p.y.is_finite())
        .map(|p| (p.x, p.y))
}

/// The hover text: the time, then every curve's value at that time with its unit, then the doses
/// within `dose_tolerance` days of it (none when the dose marks are hidden).
/// `shown` says, curve by curve, which are on (the baseline's curves come in the same order: the
/// same code prepared them). A curve drawn as its daily summary in a view of `view_days` is read
/// out as that summary, and a curve that has one says which form it is in.
pub(super) fn hover_text(
    x: f64,
    data: &PlotData,
    // The pinned run, and what it is called.
    baseline: Option<(&PlotData, &str)>,
    shown: &[bool],
    view_days: f64,
    dose_tolerance: Option<f64>,
    calendar: Calendar,
) -> String {
    let mut s = calendar.time_words(x * 24.0);
    let suffix = baseline.map_or(String::new(), |(_, word)| format!(" ({word})"));
    let runs = [
        ("", Some(data)),
        (suffix.as_str(), baseline.map(|(b, _)| b)),
    ];
    for (i, (suffix, d)) in runs.into_iter().enumerate() {
        let Some(d) = d else { continue };
        let pinned = i == 1;
        for (c, _) in d
            .curves
            .iter()
            .zip(shown)
            .filter(|(c, on)| **on && !(pinned && c.same_in_baseline))
        {
            if let Some(line) = curve_line(c, x, suffix, view_days) {
                s.push('\n');
                s.push_str(&line);
            }
        }
    }
    if let Some(tol) = dose_tolerance {
        for (suffix, d) in runs {
            let Some(d) = d else { continue };
            let from = d.doses.partition_point(|m| m.t_days < x - tol);
            for m in d.doses[from..].iter().take_while(|m| m.t_days <= x + tol) {
                s.push_str(&format!(
                    "\ndose{suffix}: {} at {}",
                    m.describe(),
                    format_time_h(m.t_days * 24.0)
                ));
            }
        }
    }
    s
}

/// One curve's line of the read-out at `x`, if it has a value there.
fn curve_line(c: &Curve, x: f64, suffix: &str, view_days: f64) -> Option<String> {
    match &c.daily {
        Some(daily) if summarised(view_days, DETAIL_MAX_VIEW_DAYS) => {
            let DayValue { day, mean, range } = daily.day_at(x)?;
            let f = |v: f64| c.readout.format(v / c.axis_scale);
            Some(match range {
                Some((low, high)) => format!(
                    "{}{suffix}, day {day}: mean {}, range {} to {}",
                    c.name,
                    f(mean),
                    f(low),
                    f(high)
                ),
                None => format!(
                    "{}{suffix}, day {day} ({}): {}",
                    c.name,
                    daily.form.summary(),
                    f(mean)
                ),
            })
        }
        _ => {
            let (at, v) = point_near(c, x)?;
            let form = c
                .daily
                .as_ref()
                .map(|d| format!(" ({})", d.form.detail()))
                .unwrap_or_default();
            let mut line = format!(
                "{}{form}{suffix}: {}",
                c.name,
                c.readout.format(v / c.axis_scale)
            );
            if c.per_day {
                // A calendar day's total, not the last 24 h: say which day.
                line.push_str(&format!(", total of day {}", at.floor() as i64));
            }
            Some(line)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::plot_data::{PlotKind, RunPlots};

    #[test]
    fn the_hover_read_out_gives_every_shown_curve_with_its_unit() {
        let sc = crate::Scenario::default();
        let run = crate::simulate(&sc).unwrap();
        let plots = RunPlots::prepare(&sc, &run);
        let supply = plots.get(PlotKind::Supply);
        let shown: Vec<bool> = supply
            .curves
            .iter()
            .map(|c| c.name != "baby's appetite")
            .collect();
        let text = hover_text(
            20.0,
            supply,
            Some((supply, "baseline")),
            &shown,
            1.0,
            Some(0.01),
            Calendar::default(),
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "day 20 00:00");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("milk made, last 24 h: ") && l.ends_with(" ml/day"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("left secretory capacity: ") && l.ends_with(" ml/h)"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("milk made, last 24 h (baseline): "))
        );
        assert!(!text.contains("appetite"), "a hidden curve is left out");
        // A calendar day's total says which day; a rolling 24 h sum says so in its name.
        let text = hover_text(20.2, supply, None, &shown, 1.0, None, Calendar::default());
        assert!(
            text.lines()
                .any(|l| l.starts_with("baby's intake at the breast, per day: ")
                    && l.ends_with(" ml/day, total of day 20")),
            "{text}"
        );
        assert!(text.contains("milk removed, last 24 h: "), "{text}");
        // Oxytocin is drawn ×10 against the prolactin axis but read out in its own unit.
        let hormones = plots.get(PlotKind::Hormones);
        let ox = hormones
            .curves
            .iter()
            .find(|c| c.name.starts_with("oxytocin"))
            .unwrap();
        let text = hover_text(
            20.0,
            hormones,
            None,
            &[true; 2],
            1.0,
            Some(0.01),
            Calendar::default(),
        );
        let shown: f64 = text
            .lines()
            .find(|l| l.starts_with("oxytocin"))
            .and_then(|l| l.split(": ").nth(1))
            .and_then(|v| v.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        let drawn = value_near(ox, 20.0).unwrap();
        assert!(
            (shown - drawn / 10.0).abs() < 0.06,
            "{shown} pg/ml vs drawn {drawn}"
        );
    }

    #[test]
    fn over_a_long_view_the_read_out_gives_the_day_s_summary_and_says_so() {
        let sc = crate::Scenario::default();
        let run = crate::simulate(&sc).unwrap();
        let plots = RunPlots::prepare(&sc, &run);
        let hormones = plots.get(PlotKind::Hormones);
        let line = |text: &str, start: &str| {
            text.lines()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no {start} in {text}"))
                .to_owned()
        };
        // Zoomed out: the day's mean and range, the same figures as the drawn summary.
        let wide = hover_text(
            20.3,
            hormones,
            None,
            &[true; 2],
            28.0,
            None,
            Calendar::default(),
        );
        let prolactin = line(&wide, "prolactin");
        let day = hormones.curves[0].daily.as_ref().unwrap().ranges[20];
        assert_eq!(day.day, 20);
        assert_eq!(
            prolactin,
            format!(
                "prolactin, day 20: mean {:.0} ng/ml, range {:.0} ng/ml to {:.0} ng/ml",
                day.mean, day.low, day.high
            )
        );
        assert!(day.low < day.mean && day.mean < day.high, "{day:?}");
        // Zoomed in: the value at that moment, said to be the pulses.
        let narrow = hover_text(
            20.3,
            hormones,
            None,
            &[true; 2],
            1.0,
            None,
            Calendar::default(),
        );
        assert!(line(&narrow, "prolactin").starts_with("prolactin (pulses): "));
        // The composition likewise: a day's mean by volume, or a session's value.
        let composition = plots.get(PlotKind::Composition);
        let on = [true; 5];
        let wide = hover_text(
            20.3,
            composition,
            Some((composition, "baseline")),
            &on,
            28.0,
            None,
            Calendar::default(),
        );
        assert!(
            line(&wide, "fat").starts_with("fat, day 20 (daily mean, weighted by milk removed): "),
            "{wide}"
        );
        assert!(line(&wide, "fat (baseline)").starts_with("fat (baseline), day 20 ("));
        let narrow = hover_text(20.3, composition, None, &on, 1.0, None, Calendar::default());
        assert!(
            line(&narrow, "fat").starts_with("fat (per session): "),
            "{narrow}"
        );
    }
}
