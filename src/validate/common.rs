//! What the rows A, E, H and L share: the longer scenarios they read, and how they read a run.

use crate::run::{Run, SessionResult};
use crate::scenario::{Breast, Scenario};
use crate::schedule::{Kind, Rule, Side};

use super::{Outcome, Reads};

/// The default scenario carried on to 6 months (E1 from day 31, H1/H2 over months).
pub(super) fn long_scenario() -> Scenario {
    Scenario {
        horizon_days: 180.0,
        ..Scenario::default()
    }
}

pub(super) fn the_long_run() -> Reads {
    Reads::scenarios([long_scenario()])
}

/// The default scenario with only a 15-min double pump every 3 h, 14 days (H5).
pub fn pump_scenario() -> Scenario {
    let mut sc = Scenario::default();
    sc.schedule.responsive = None;
    sc.schedule.rules = vec![Rule {
        label: "double pump".into(),
        kind: Kind::Pump,
        side: Side::Both,
        every_h: 3.0,
        from_day: 0.0,
        to_day: 28.0,
        duration_min: 15.0,
        ..Rule::default()
    }];
    sc.horizon_days = 14.0;
    sc
}

/// Mean of the values, `None` when there are none.
pub(super) fn mean(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    (n > 0).then(|| s / n as f64)
}

/// Milk removed on day index `day` (0 = the first 24 h).
pub(super) fn removed(run: &Run, day: usize) -> Option<f64> {
    run.days.get(day).map(|d| d.total_removed_ml())
}

pub(super) fn breastfeeds(run: &Run) -> impl Iterator<Item = &SessionResult> {
    run.sessions.iter().filter(|s| s.kind == Kind::Breastfeed)
}

/// Breastfeeds that start after `day` days.
pub(super) fn breastfeeds_after(run: &Run, day: f64) -> Vec<&SessionResult> {
    breastfeeds(run)
        .filter(|s| s.start_h > day * 24.0)
        .collect()
}

/// The session that removed milk nearest a time.
pub(super) fn session_near(run: &Run, t_h: f64) -> Option<&SessionResult> {
    run.sessions
        .iter()
        .filter(|s| s.total_removed_ml() > 0.5)
        .min_by(|a, b| (a.start_h - t_h).abs().total_cmp(&(b.start_h - t_h).abs()))
}

/// Lowest and highest of `(day index, value)` pairs: `((day, low), (day, high))`.
pub(super) fn extremes(
    v: impl IntoIterator<Item = (usize, f64)>,
) -> Option<((usize, f64), (usize, f64))> {
    let mut out: Option<((usize, f64), (usize, f64))> = None;
    for (d, x) in v {
        out = Some(match out {
            None => ((d, x), (d, x)),
            Some((lo, hi)) => (
                if x.total_cmp(&lo.1).is_lt() {
                    (d, x)
                } else {
                    lo
                },
                if x.total_cmp(&hi.1).is_gt() {
                    (d, x)
                } else {
                    hi
                },
            ),
        });
    }
    out
}

/// Pearson correlation of two series (`None` if empty or of different lengths).
pub(super) fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    let (mx, my) = (mean(x.iter().copied())?, mean(y.iter().copied())?);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    Some(sxy / (sxx * syy).sqrt())
}

/// Between-feed synthesis of one breast: (stored at the next start − stored after this end) / gap,
/// with the share of the breast that session emptied. Only gaps over half an hour in which no
/// other session touched the breast, after `from_day`.
pub(super) fn between_feed_rates(run: &Run, from_day: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for b in Breast::BOTH {
        let i = b.index();
        let used: Vec<&SessionResult> = run
            .sessions
            .iter()
            .filter(|s| s.start_h > from_day * 24.0 && s.removed_ml[i] > 1.0)
            .collect();
        for w in used.windows(2) {
            let (a, n) = (w[0], w[1]);
            let after = a.stored_at_start_ml[i] - a.removed_ml[i];
            let gap_h = n.start_h - a.end_h;
            let touched = run
                .sessions
                .iter()
                .any(|s| s.start_h > a.start_h && s.start_h < n.start_h && s.removed_ml[i] > 0.0);
            if gap_h > 0.5 && !touched {
                out.push((
                    (n.stored_at_start_ml[i] - after) / gap_h,
                    a.removed_ml[i] / a.stored_at_start_ml[i],
                ));
            }
        }
    }
    out
}

pub(super) fn fail(why: impl Into<String>) -> Outcome {
    Outcome::new(false, why)
}
