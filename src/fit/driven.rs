//! Her log as a scenario: the model driven by the sessions she logged, so that what it removes
//! at each can be set beside what she measured.
//!
//! Before the log, the mother's state has a history the log does not show. The days just before
//! it repeat the log's first day (its sessions at the same clock times, daily) for
//! [`WARM_UP_DAYS`]; before those, the base scenario's own schedule runs (on demand, by default).
//! During the log, only the logged sessions remove milk: feeding on demand is off from its first
//! day, and so are the base's rules and single sessions. After it, her plan is her log's last
//! day as recurring rules ([`plan`]).

use super::plan;
use crate::log::{Log, LogKind, LogSide, ObservedSession};
use crate::run::Run;
use crate::scenario::Breast;
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

/// Where the log sits in her baby's life, and what came before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Hours since birth at the log's hour 0 (midnight of its first day, or birth for a log in
    /// hours since birth).
    pub log_zero_h: f64,
    pub before: Before,
}

/// What she did before her log, which the log does not show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// The base scenario's plan (feeding on demand, by default), then [`WARM_UP_DAYS`] of the
    /// log's first day.
    ScenarioPlan,
    /// The log's first day, from birth, as recurring rules: an exclusive pumper's history (the
    /// base's feeds on demand would give her a breastfeeding she never had).
    FirstDayFromBirth,
}

impl Before {
    /// What to take when nobody says: pumping from birth for a log of pumping alone, else the
    /// scenario's plan.
    pub fn usual_for(log: &Log) -> Self {
        if pumping_only(log) {
            Before::FirstDayFromBirth
        } else {
            Before::ScenarioPlan
        }
    }
}

impl Placement {
    /// A log whose first day is the baby's day `day_of_life` (0 = the day of birth), after the
    /// scenario's plan.
    pub fn first_day_is(day_of_life: f64) -> Self {
        Self {
            log_zero_h: day_of_life * 24.0,
            before: Before::ScenarioPlan,
        }
    }

    /// The same, with what she did before the log.
    pub fn after(self, before: Before) -> Self {
        Self { before, ..self }
    }
}

/// The day (since birth) her warm-up starts: [`WARM_UP_DAYS`] before the log's first day, or
/// birth (and from birth with [`Before::FirstDayFromBirth`]).
pub fn warm_up_from_day(log: &Log, at: Placement) -> f64 {
    if at.before == Before::FirstDayFromBirth {
        return 0.0;
    }
    let log_start_h = at.log_zero_h + log.sessions.first().map_or(0.0, |s| s.start_h);
    ((log_start_h / 24.0).floor() - WARM_UP_DAYS).max(0.0)
}

/// The log's end, hours since birth: the end of its last feed or pump (a bottle is not a
/// session of hers; one without an end lasts [`UNTIMED_SESSION_MIN`]).
pub fn log_end_h(log: &Log, at: Placement) -> f64 {
    at.log_zero_h
        + log
            .sessions
            .iter()
            .filter(|s| s.kind != LogKind::Bottle)
            .map(|s| s.end_h.unwrap_or(s.start_h + UNTIMED_SESSION_MIN / 60.0))
            .fold(0.0, f64::max)
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
    // A breastfeed's time is the most the baby may stay on each breast: it stops when
    // satisfied, and a feed logged on both sides may have ended on the first (halving the
    // logged time would cut that side short).
    let per_breast = minutes;
    Some(Session {
        label: format!("logged, line {}", s.line),
        kind,
        side,
        at_h: zero_h + s.start_h,
        duration_min: per_breast.clamp(1.0, MAX_SESSION_MIN),
    })
}

/// The base scenario driven by her log: its history before, her sessions during, and the run
/// ending with the log's last day — or `days_after` days later, her plan going on as the log's
/// last 24 hours were, as recurring rules (her plan as it is, to be changed in the explorer).
pub fn driven_scenario(base: &Scenario, log: &Log, at: Placement, days_after: f64) -> Scenario {
    let mut sc = base.clone();
    let zero = at.log_zero_h;
    let log_start_h = zero + log.sessions.first().map_or(0.0, |s| s.start_h);
    let warm_from_day = warm_up_from_day(log, at);
    let schedule = &mut sc.schedule;
    // The base's own plan stops where the warm-up starts: feeding on demand, rules, single
    // sessions, and times away and skips (which would drop logged sessions without a word).
    let warm_from_h = warm_from_day * 24.0;
    if let Some(r) = &mut schedule.responsive {
        r.until_day = Some(r.until_day.map_or(warm_from_day, |u| u.min(warm_from_day)));
    }
    for rule in &mut schedule.rules {
        rule.to_day = rule.to_day.min(warm_from_day);
    }
    schedule.rules.retain(|r| r.to_day > r.from_day);
    schedule.sessions.retain(|s| s.at_h < warm_from_h);
    for a in &mut schedule.absences {
        a.to_day = Some(a.to_day.map_or(warm_from_day, |t| t.min(warm_from_day)));
    }
    schedule
        .absences
        .retain(|a| a.to_day.is_none_or(|t| t > a.from_day));
    schedule.skips.retain(|k| k.from_h < warm_from_h);
    for k in &mut schedule.skips {
        k.to_h = k.to_h.min(warm_from_h);
    }
    let logged: Vec<Session> = log
        .sessions
        .iter()
        .filter_map(|s| as_session(s, zero))
        .collect();
    let last_h = log_end_h(log, at);
    sc.horizon_days = ((last_h / 24.0).ceil() + days_after).clamp(1.0, MAX_HORIZON_DAYS);
    let end_h = sc.horizon_days * 24.0;
    // The warm-up: the log's first 24 hours, repeated daily at the same times, back to where
    // the warm-up starts.
    let first_day: Vec<&Session> = logged
        .iter()
        .filter(|s| ends_h(s) <= log_start_h + 24.0)
        .collect();
    let days_before = ((log_start_h - warm_from_h) / 24.0).ceil() as usize;
    let warm_up = without_overlaps(
        repeated(&first_day, -1.0, days_before, WARM_UP_LABEL)
            .filter(|s| s.at_h >= warm_from_h && ends_h(s) <= log_start_h)
            .collect(),
    );
    // Her log's first day from birth, as recurring rules, each stopping in time to end before
    // the log's first session.
    let history_rules: Vec<crate::schedule::Rule> = if at.before == Before::FirstDayFromBirth {
        plan::daily_rules(&first_day, 0.0, log_start_h / 24.0, HISTORY_LABEL)
            .into_iter()
            .map(|mut r| {
                r.to_day = (log_start_h - r.duration_min / 60.0) / 24.0;
                r
            })
            .filter(|r| r.to_day > r.from_day)
            .collect()
    } else {
        Vec::new()
    };
    // After the log, her plan goes on as its last day was: its last 24 hours as recurring rules
    // (one a kind and side, to be changed in the explorer), or, should those collide on a
    // breast, the last day's sessions copied day by day to the end of the run.
    let last_day: Vec<&Session> = logged.iter().filter(|s| s.at_h > last_h - 24.0).collect();
    let after_rules = if days_after > 0.0 {
        plan::daily_rules(&last_day, last_h, MAX_HORIZON_DAYS, PLAN_AFTER_LABEL)
    } else {
        Vec::new()
    };
    let copies_after = if days_after > 0.0 {
        // As many days as reach the end of the run (the log's last day ends part-way into a day).
        let days = ((end_h - (last_h - 24.0)) / 24.0).ceil().max(0.0) as usize;
        without_overlaps(
            repeated(&last_day, 1.0, days, PLAN_AFTER_LABEL)
                .filter(|s| s.at_h >= last_h && ends_h(s) <= end_h)
                .collect(),
        )
    } else {
        Vec::new()
    };
    schedule.sessions.extend(logged);
    let runs = |sc: &Scenario| {
        sc.schedule
            .expand(sc.horizon_days * 24.0, sc.calendar())
            .is_ok()
    };
    // Before the log: her pumping as rules, or, should they collide with her log (or without
    // them), the warm-up's copies.
    let base_rules = sc.schedule.rules.len();
    sc.schedule.rules.extend(history_rules);
    if sc.schedule.rules.len() == base_rules || !runs(&sc) {
        sc.schedule.rules.truncate(base_rules);
        sc.schedule.sessions.extend(warm_up);
    }
    sc.schedule
        .sessions
        .sort_by(|a, b| a.at_h.total_cmp(&b.at_h));
    let rules_from = sc.schedule.rules.len();
    let sessions_from = sc.schedule.sessions.len();
    // A rule starts with its first session on or after the log's end; her day's sessions
    // before that (the small hours of a day whose pattern began the evening before, which a
    // rule's days do not reach back to) are her last day's copies.
    let bridge: Vec<Session> = after_rules
        .iter()
        .flat_map(|r| {
            let first = first_start_h(r, end_h);
            copies_after
                .iter()
                .filter(move |s| {
                    s.kind == r.kind && s.side == r.side && ends_h(s) <= first.unwrap_or(end_h)
                })
                .cloned()
        })
        .collect();
    sc.schedule.rules.extend(after_rules);
    sc.schedule.sessions.extend(bridge);
    if !runs(&sc) {
        let schedule = &mut sc.schedule;
        schedule.rules.truncate(rules_from);
        schedule.sessions.truncate(sessions_from);
        schedule.sessions.extend(copies_after);
    }
    sc.schedule
        .sessions
        .sort_by(|a, b| a.at_h.total_cmp(&b.at_h));
    sc
}

/// When `rule`'s first session starts (before `end_h`), if it has one.
fn first_start_h(rule: &crate::schedule::Rule, end_h: f64) -> Option<f64> {
    let alone = crate::schedule::Schedule {
        responsive: None,
        rules: vec![rule.clone()],
        ..Default::default()
    };
    alone
        .expand(end_h, crate::calendar::Calendar::default())
        .ok()?
        .first()
        .map(|s| s.start_h)
}

/// The label of the warm-up's copies of the log's first day.
pub const WARM_UP_LABEL: &str = "warm-up: the log's first day";
/// The label of an exclusive pumper's history before the log (rules).
pub const HISTORY_LABEL: &str = "before her log, as its first day";

/// Is her log pumping alone (bottles aside)? Then nothing before it was breastfeeding either.
pub fn pumping_only(log: &Log) -> bool {
    log.sessions.iter().any(|s| s.kind == LogKind::Pump)
        && !log.sessions.iter().any(|s| s.kind == LogKind::Breastfeed)
}

/// The label of her plan after the log (rules or copied sessions).
pub const PLAN_AFTER_LABEL: &str = "after her log, as its last day";

/// The sessions in time order, leaving out a copy that would overlap one before it on the same
/// breast (the schedule refuses overlaps; sessions on different breasts may run together).
fn without_overlaps(mut added: Vec<Session>) -> Vec<Session> {
    added.sort_by(|a, b| a.at_h.total_cmp(&b.at_h));
    let mut kept: Vec<Session> = Vec::with_capacity(added.len());
    let mut free_from_h = [f64::NEG_INFINITY; 2];
    for s in added {
        let breasts: &[usize] = match s.side {
            Side::Left => &[0],
            Side::Right => &[1],
            Side::Both | Side::Alternate => &[0, 1],
        };
        if breasts.iter().all(|&b| free_from_h[b] <= s.at_h) {
            for &b in breasts {
                free_from_h[b] = ends_h(&s);
            }
            kept.push(s);
        }
    }
    kept
}

/// When a session can end at the latest: both sides of a breastfeed one after the other.
fn ends_h(s: &Session) -> f64 {
    let sides = if s.kind == Kind::Breastfeed && s.side == Side::Both {
        2.0
    } else {
        1.0
    };
    s.at_h + sides * s.duration_min / 60.0
}

/// `day`'s sessions copied `days` times, each copy a day further (`direction` +1) or earlier (−1).
fn repeated<'a>(
    day: &'a [&'a Session],
    direction: f64,
    days: usize,
    label: &'a str,
) -> impl Iterator<Item = Session> + 'a {
    (1..=days).flat_map(move |k| {
        day.iter().map(move |s| Session {
            label: label.to_owned(),
            at_h: s.at_h + direction * 24.0 * k as f64,
            ..(*s).clone()
        })
    })
}

/// A logged amount beside the model's.
#[derive(Clone, Debug, PartialEq)]
pub struct Residual {
    /// The line of the log.
    pub line: usize,
    /// When (hours since birth).
    pub t_h: f64,
    /// The breast, when the log gives each on its own (else both together).
    pub breast: Option<Breast>,
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
        .flat_map(|s| {
            let t = at.log_zero_h + s.start_h;
            let kind = match s.kind {
                LogKind::Pump => Kind::Pump,
                _ => Kind::Breastfeed,
            };
            // The run's session of the same kind that starts then (a pump on one side and a
            // feed on the other may start in the same minute).
            let i = run
                .sessions
                .partition_point(|r| r.start_h < t - MATCH_WITHIN_H);
            let r = run.sessions[i..]
                .iter()
                .take_while(|r| r.start_h <= t + MATCH_WITHIN_H)
                .find(|r| r.kind == kind && r.end_h < run.horizon_h);
            let residual = |breast: Option<Breast>, observed_ml: f64, model_ml: f64| Residual {
                line: s.line,
                t_h: t,
                breast,
                observed_ml,
                model_ml,
            };
            let mut out = Vec::new();
            let Some(r) = r else { return out };
            match (s.left_ml, s.right_ml) {
                // Each breast on its own when the log gives both: what tells one breast's
                // storage from the other's.
                (Some(l), Some(rr)) => {
                    out.push(residual(Some(Breast::Left), l, r.removed_ml[0]));
                    out.push(residual(Some(Breast::Right), rr, r.removed_ml[1]));
                }
                _ => {
                    if let Some(observed) = s.ml() {
                        out.push(residual(None, observed, r.removed_ml.iter().sum()));
                    }
                }
            }
            out
        })
        .collect()
}

/// The mean absolute misfit, ml (`None` without residuals).
pub fn mean_abs_misfit_ml(res: &[Residual]) -> Option<f64> {
    (!res.is_empty())
        .then(|| res.iter().map(|r| r.misfit_ml().abs()).sum::<f64>() / res.len() as f64)
}
