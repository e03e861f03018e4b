//! Curves too dense to read over a long view, summarised one value a calendar day: prolactin as
//! each day's trough-to-peak range and mean, the composition of the milk removed as each day's
//! mean weighted by the milk each session removed. Pure functions, computed once per run.

use egui_plot::PlotPoint;

/// Over more days than this in view, a curve with a daily summary is drawn as the summary.
///
/// Prolactin pulses with every feed and the composition is one value per session: about 8–12 a
/// day either way. At 1280×800 the plots are about 750 points wide; over 7 days a day spans
/// ~110 points, so each feed's pulse or session gets ~10 points and the zig-zag between sessions
/// (foremilk, hindmilk) still reads as separate values. Over 14 days it is ~5 points a session
/// and the curve fills in as a solid band whose edges are all one can read. Over 7 days the
/// daily values take over: a week of daily means is only 7 points, the same scale as the
/// sessions, so the change of form costs nothing readable.
pub const DETAIL_MAX_VIEW_DAYS: f64 = 7.0;

/// Is a curve whose detail is readable over at most `max_detail_days` summarised in a view of
/// `view_days` days? A little slack, so that a view set to exactly the limit shows the detail.
pub fn summarised(view_days: f64, max_detail_days: f64) -> bool {
    view_days > max_detail_days * 1.001
}

/// One calendar day of a continuous signal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayRange {
    /// Day since birth (0 = the first 24 h).
    pub day: i64,
    /// The time the samples cover that day (days): the whole day but for a run that ends in it.
    pub from_days: f64,
    pub to_days: f64,
    /// Trough and peak of the day.
    pub low: f64,
    pub high: f64,
    /// Time-weighted mean over the day (the area under the curve over the time covered).
    pub mean: f64,
}

impl DayRange {
    /// Where the day's mean is drawn: the middle of the time it covers.
    pub fn mid_days(&self) -> f64 {
        (self.from_days + self.to_days) / 2.0
    }
}

/// Each calendar day's trough, peak and time-weighted mean of a curve sampled at `points`
/// (x in days, sorted). Non-finite values are left out; a stretch between two samples that
/// crosses midnight counts up to midnight for the day it starts in.
pub fn daily_ranges(points: &[PlotPoint]) -> Vec<DayRange> {
    let mut out: Vec<DayRange> = Vec::new();
    // The area and the time of the current day's stretches, for its mean.
    let (mut area, mut time) = (0.0, 0.0);
    let finite: Vec<&PlotPoint> = points.iter().filter(|p| p.y.is_finite()).collect();
    for (i, p) in finite.iter().enumerate() {
        let day = p.x.floor() as i64;
        if out.last().is_none_or(|d| d.day != day) {
            close_mean(out.last_mut(), area, time);
            (area, time) = (0.0, 0.0);
            out.push(DayRange {
                day,
                from_days: p.x,
                to_days: p.x,
                low: p.y,
                high: p.y,
                mean: p.y,
            });
        }
        let d = out.last_mut().expect("pushed above");
        d.low = d.low.min(p.y);
        d.high = d.high.max(p.y);
        d.to_days = p.x;
        if let Some(next) = finite.get(i + 1) {
            // The stretch to the next sample, up to midnight: the rest belongs to the next day.
            let end = next.x.min(day as f64 + 1.0);
            if end > p.x {
                let y_end = p.y + (next.y - p.y) * (end - p.x) / (next.x - p.x);
                area += (end - p.x) * (p.y + y_end) / 2.0;
                time += end - p.x;
                d.to_days = end;
                // The line as drawn reaches y_end within the day: the range holds the mean.
                d.low = d.low.min(y_end);
                d.high = d.high.max(y_end);
            }
        }
    }
    close_mean(out.last_mut(), area, time);
    // A day of a single instant (the run's last sample, at midnight) is no day's range.
    out.retain(|d| d.to_days > d.from_days);
    out
}

/// Set a day's mean from its area and time.
fn close_mean(day: Option<&mut DayRange>, area: f64, time: f64) {
    if let Some(d) = day
        && time > 0.0
    {
        d.mean = area / time;
    }
}

/// One session's value of a component of the milk it removed, and how much milk that was.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SessionValue {
    /// The middle of the session, days since birth.
    pub x_days: f64,
    pub value: f64,
    /// Milk the session removed, both breasts together (the session's composition is that of
    /// all of it).
    pub removed_ml: f64,
}

/// Each calendar day's mean of a per-session value, weighted by the milk each session removed
/// (so that a day's mean is the composition of all the milk removed that day, as a baby
/// drinking it or a jar collecting it would have it), drawn at the day's midday. A session
/// counts for the day its middle falls in; sessions with no value or no milk are left out.
pub fn daily_weighted_means(sessions: &[SessionValue]) -> Vec<PlotPoint> {
    let mut out: Vec<(i64, f64, f64)> = Vec::new();
    for s in sessions
        .iter()
        .filter(|s| s.value.is_finite() && s.removed_ml.is_finite() && s.removed_ml > 0.0)
    {
        let day = s.x_days.floor() as i64;
        match out.last_mut() {
            Some((d, sum, ml)) if *d == day => {
                *sum += s.value * s.removed_ml;
                *ml += s.removed_ml;
            }
            _ => out.push((day, s.value * s.removed_ml, s.removed_ml)),
        }
    }
    out.into_iter()
        .map(|(day, sum, ml)| PlotPoint::new(day as f64 + 0.5, sum / ml))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_s_range_is_its_trough_and_peak_and_its_mean_the_time_average() {
        // Two days sampled every hour: day 0 flat at 10 but one pulse to 100 at 06:00, day 1 a
        // ramp 0..23.
        let mut points: Vec<PlotPoint> = (0..24)
            .map(|h| PlotPoint::new(h as f64 / 24.0, if h == 6 { 100.0 } else { 10.0 }))
            .collect();
        points.extend((0..24).map(|h| PlotPoint::new(1.0 + h as f64 / 24.0, h as f64)));
        let days = daily_ranges(&points);
        assert_eq!(days.len(), 2);
        let [d0, d1] = [days[0], days[1]];
        // The line falls from 10 at 23:00 to day 1's 0 at midnight: day 0's trough is 0.
        assert_eq!((d0.day, d0.low, d0.high), (0, 0.0, 100.0));
        // The pulse's triangle (one hour either side, 90 high) adds 90/24 to a mean of 10: the
        // stretch from 23:00 to the next midnight counts for day 0 (at 10 then 0: 5 average).
        let expected = (23.0 * 10.0 + 90.0 + 5.0) / 24.0;
        assert!(
            (d0.mean - expected).abs() < 1e-9,
            "{} vs {expected}",
            d0.mean
        );
        assert_eq!((d1.day, d1.low, d1.high), (1, 0.0, 23.0));
        // The last day ends at its last sample: a ramp from 0 to 23 averages 11.5.
        assert!((d1.mean - 11.5).abs() < 1e-9, "{}", d1.mean);
        assert!((d0.from_days, d0.to_days) == (0.0, 1.0));
        assert!((d1.mid_days() - (1.0 + 11.5 / 24.0)).abs() < 1e-9);
    }

    #[test]
    fn a_gap_in_the_samples_is_left_out_of_the_range() {
        let points = [
            PlotPoint::new(0.1, 5.0),
            PlotPoint::new(0.2, f64::NAN),
            PlotPoint::new(0.3, 7.0),
            PlotPoint::new(2.5, 3.0),
            PlotPoint::new(2.7, 4.0),
            // The run's end, at midnight: an instant, not a day.
            PlotPoint::new(3.0, 4.0),
        ];
        let days = daily_ranges(&points);
        assert_eq!(
            days.iter().map(|d| d.day).collect::<Vec<_>>(),
            vec![0, 2],
            "no day without samples"
        );
        assert_eq!((days[0].low, days[0].high), (5.0, 7.0));
        // 3 to 4 over 0.2 day, then 4 until midnight (0.3 day).
        assert!((days[1].mean - 3.8).abs() < 1e-9, "{}", days[1].mean);
        assert_eq!(
            (days[1].low, days[1].high, days[1].to_days),
            (3.0, 4.0, 3.0)
        );
        assert!(daily_ranges(&[PlotPoint::new(1.5, 2.0)]).is_empty());
        assert!(daily_ranges(&[]).is_empty());
    }

    #[test]
    fn a_day_s_mean_composition_weighs_each_session_by_its_milk() {
        let s = |x_days, value, removed_ml| SessionValue {
            x_days,
            value,
            removed_ml,
        };
        let sessions = [
            // Day 3: 100 ml at 30 g/L and 50 ml at 60 g/L: 40 g/L, not the plain mean 45.
            s(3.1, 30.0, 100.0),
            s(3.6, 60.0, 50.0),
            // A session with no milk or no value does not count.
            s(3.9, 500.0, 0.0),
            s(3.95, f64::NAN, 80.0),
            // Day 5 (day 4 had none).
            s(5.2, 20.0, 10.0),
        ];
        let means = daily_weighted_means(&sessions);
        assert_eq!(means.len(), 2);
        assert_eq!(means[0].x, 3.5);
        assert!((means[0].y - 40.0).abs() < 1e-9, "{}", means[0].y);
        assert_eq!((means[1].x, means[1].y), (5.5, 20.0));
    }

    #[test]
    fn the_summary_takes_over_only_past_the_readable_view() {
        assert!(!summarised(DETAIL_MAX_VIEW_DAYS, DETAIL_MAX_VIEW_DAYS));
        assert!(!summarised(2.0, DETAIL_MAX_VIEW_DAYS));
        assert!(summarised(7.1, DETAIL_MAX_VIEW_DAYS));
        assert!(summarised(120.0, DETAIL_MAX_VIEW_DAYS));
        // A few days, not a month: a week of sessions is still readable one by one, a fortnight
        // is not.
        assert!((3.0..=10.0).contains(&DETAIL_MAX_VIEW_DAYS));
    }
}
