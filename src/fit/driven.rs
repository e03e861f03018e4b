//! Her log as a scenario: the model driven by the sessions she logged, so that what it removes
//! at each can be set beside what she measured.
//!
//! Before the log, the mother's state has a history the log does not show. The days just before
//! it repeat the log's first day (its sessions at the same clock times, daily) for
//! [`WARM_UP_DAYS`]; before those, the base scenario's own schedule runs (on demand, by default).
//! During the log, only the logged sessions remove milk: feeding on demand is off from its first
//! day, and so are the base's rules and single sessions.

use crate::log::{Log, LogKind, LogSide, ObservedSession};
use crate::run::Run;
use crate::scenario::{MAX_HORIZON_DAYS, Scenario};
use crate::schedule::{Kind, MAX_SESSION_MIN, Session, Side};

/// Days before the log that repeat its first day: supply settles to a new pattern of removals
/// within about a week (D1, D3), so two weeks carry her there whatever came before.
pub const WARM_UP_DAYS: f64 = 14.0;
/// A logged session without an end or a duration lasts this long (a typical feed or pump
/// session, E3, D4).
pub const UNTIMED_SESSION_MIN: f64 = 15.0;
/// A logged session matches a simulated one that starts within this many hours of it.
const MATCH_WITHIN_H: f64 = 1.0 / 60.0;

/// Where the log sits in her baby's life.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Hours since birth at the log's hour 0 (midnight of its first day, or birth for a log in
    /// hours since birth).
    pub log_zero_h: f64,
}

impl Placement {
    /// A log whose first day is the baby's day `day_of_life` (0 = the day of birth).
    pub fn first_day_is(day_of_life: f64) -> Self {
        Self {
            log_zero_h: day_of_life * 24.0,
        }
    }
}

/// A logged session as the schedule's single session (times since birth).
fn as_session(s: &ObservedSession, zero_h: f64) -> Option<Session> {
    let kind = match s.kind {
        LogKind::Breastfeed => Kind::Breastfeed,
        LogKind::Pump => Kind::Pump,
        LogKind::Bottle => return None,
    };
    let side = match s.side {
        LogSide::Left => Side::Left,
        LogSide::Right => Side::Right,
        LogSide::Both | LogSide::Unknown => Side::Both,
    };
    let minutes = s
        .end_h
        .map_or(UNTIMED_SESSION_MIN, |e| (e - s.start_h) * 60.0);
    // A breastfeed on both sides gives the time on each breast (one after the other).
    let per_breast = if kind == Kind::Breastfeed && side == Side::Both {
        minutes / 2.0
    } else {
        minutes
    };
    Some(Session {
        label: format!("logged, line {}", s.line),
        kind,
        side,
        at_h: zero_h + s.start_h,
        duration_min: per_breast.clamp(1.0, MAX_SESSION_MIN),
    })
}

/// The base scenario driven by her log: its history before, her sessions during, and the run
/// ending with the log's last day — or `days_after` days later, the log's last 24 hours
/// repeated daily (her plan as it is, to be changed in the explorer).
pub fn driven_scenario(base: &Scenario, log: &Log, at: Placement, days_after: f64) -> Scenario {
    let mut sc = base.clone();
    let zero = at.log_zero_h;
    let log_start_h = zero + log.sessions.first().map_or(0.0, |s| s.start_h);
    let log_start_day = (log_start_h / 24.0).floor();
    let warm_from_day = (log_start_day - WARM_UP_DAYS).max(0.0);
    let schedule = &mut sc.schedule;
    // The base's own plan stops where the warm-up starts.
    if let Some(r) = &mut schedule.responsive {
        r.until_day = Some(r.until_day.map_or(warm_from_day, |u| u.min(warm_from_day)));
    }
    for rule in &mut schedule.rules {
        rule.to_day = rule.to_day.min(warm_from_day);
    }
    schedule.rules.retain(|r| r.to_day > r.from_day);
    schedule.sessions.retain(|s| s.at_h < warm_from_day * 24.0);
    // The warm-up: the log's first 24 hours, repeated daily at the same times.
    let first_day: Vec<Session> = log
        .sessions
        .iter()
        .filter(|s| s.start_h + zero < log_start_h + 24.0)
        .filter_map(|s| as_session(s, zero))
        .collect();
    let mut day = (log_start_h / 24.0 - 1.0).floor();
    while day >= warm_from_day {
        for s in &first_day {
            let mut copy = s.clone();
            copy.at_h -= (log_start_day - day) * 24.0;
            copy.label = "warm-up: the log's first day".to_owned();
            // Both sides of a breastfeed one after the other: twice the time per breast.
            let sides = if copy.kind == Kind::Breastfeed && copy.side == Side::Both {
                2.0
            } else {
                1.0
            };
            let ends_h = copy.at_h + sides * copy.duration_min / 60.0;
            if copy.at_h >= warm_from_day * 24.0 && ends_h <= log_start_h {
                schedule.sessions.push(copy);
            }
        }
        day -= 1.0;
    }
    schedule
        .sessions
        .extend(log.sessions.iter().filter_map(|s| as_session(s, zero)));
    let last_h = zero
        + log
            .sessions
            .iter()
            .map(|s| s.end_h.unwrap_or(s.start_h + UNTIMED_SESSION_MIN / 60.0))
            .fold(0.0, f64::max);
    sc.horizon_days = ((last_h / 24.0).ceil() + days_after).clamp(1.0, MAX_HORIZON_DAYS);
    // After the log, her plan goes on as its last day was: its sessions repeated daily.
    let end_h = sc.horizon_days * 24.0;
    let last_day: Vec<Session> = log
        .sessions
        .iter()
        .filter(|s| s.start_h + zero > last_h - 24.0)
        .filter_map(|s| as_session(s, zero))
        .collect();
    let mut k = 1.0;
    while days_after > 0.0 && !last_day.is_empty() {
        let copies: Vec<Session> = last_day
            .iter()
            .map(|s| Session {
                label: "after the log: its last day".to_owned(),
                at_h: s.at_h + 24.0 * k,
                ..s.clone()
            })
            .filter(|s| s.at_h + 2.0 * s.duration_min / 60.0 <= end_h)
            .collect();
        if copies.is_empty() {
            break;
        }
        schedule.sessions.extend(copies);
        k += 1.0;
    }
    schedule.sessions.sort_by(|a, b| a.at_h.total_cmp(&b.at_h));
    sc
}

/// A logged amount beside the model's.
#[derive(Clone, Debug, PartialEq)]
pub struct Residual {
    /// The line of the log.
    pub line: usize,
    /// When (hours since birth).
    pub t_h: f64,
    pub observed_ml: f64,
    pub model_ml: f64,
}

impl Residual {
    pub fn misfit_ml(&self) -> f64 {
        self.model_ml - self.observed_ml
    }
}

/// Each logged session with an amount, beside what the driven run removed at it (both breasts;
/// a bottle is not a removal). Sessions the run did not reach, or without an amount, are left out.
pub fn residuals(log: &Log, at: Placement, run: &Run) -> Vec<Residual> {
    log.sessions
        .iter()
        .filter(|s| s.kind != LogKind::Bottle)
        .filter_map(|s| {
            let observed = s.ml()?;
            let t = at.log_zero_h + s.start_h;
            let i = run
                .sessions
                .partition_point(|r| r.start_h < t - MATCH_WITHIN_H);
            let r = run
                .sessions
                .get(i)
                .filter(|r| (r.start_h - t).abs() <= MATCH_WITHIN_H && r.end_h < run.horizon_h)?;
            Some(Residual {
                line: s.line,
                t_h: t,
                observed_ml: observed,
                model_ml: r.removed_ml.iter().sum(),
            })
        })
        .collect()
}

/// The mean absolute misfit, ml (`None` without residuals).
pub fn mean_abs_misfit_ml(res: &[Residual]) -> Option<f64> {
    (!res.is_empty())
        .then(|| res.iter().map(|r| r.misfit_ml().abs()).sum::<f64>() / res.len() as f64)
}
