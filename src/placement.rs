//! Where a copied (or newly added) schedule entry goes so that the schedule still runs: a copy
//! of a session or a rule is moved off the original — to the other breast, a later clock time or
//! later days — until nothing overlaps and the scenario validates. The window's *Copy* and *Add*
//! use it; it is plain schedule logic, so it lives beside the schedule, not in the window.

use crate::scenario::{Breast, MAX_HORIZON_DAYS, Scenario};
use crate::schedule::{Kind, Rule, Session, SessionSide, Side};

/// Minutes left free between a moved copy and the session it would have overlapped.
const COPY_GAP_MIN: f64 = 5.0;

/// Does the scenario pass the checks that stop it from running?
fn runs(sc: &Scenario) -> bool {
    sc.validate().is_empty()
}

/// How long a session keeps a breast busy at most, hours (both sides of a breastfeed one after
/// the other).
fn span_h(kind: Kind, side: Side, duration_min: f64) -> f64 {
    let per = duration_min.max(0.0) / 60.0;
    match (kind, side) {
        (Kind::Breastfeed, Side::Both) => 2.0 * per,
        _ => per,
    }
}

/// `h` rounded up to a whole minute.
fn ceil_minute(h: f64) -> f64 {
    (h * 60.0 - 1e-6).ceil() / 60.0
}

fn other_side(side: Side) -> Option<Side> {
    match side {
        Side::Left => Some(Side::Right),
        Side::Right => Some(Side::Left),
        Side::Both | Side::Alternate => None,
    }
}

/// The rule to insert at index `at` of the rules: `r` itself when `shift` is false and it fits,
/// else `r` on the other breast, or with its first clock time moved past its own sessions, or
/// on the days after it; the first of these that leaves the schedule runnable. A schedule that
/// does not run to begin with gets the first move.
pub fn placed_rule(sc: &Scenario, r: &Rule, at: usize, shift: bool) -> Rule {
    let fits = |c: &Rule| {
        let mut s = sc.clone();
        let rules = &mut s.schedule.rules;
        rules.insert(at.min(rules.len()), c.clone());
        runs(&s)
    };
    let step = span_h(r.kind, r.side, r.duration_min) + COPY_GAP_MIN / 60.0;
    let at_clock = |k: usize| Rule {
        first_at_clock_h: ceil_minute(r.first_at_clock_h + k as f64 * step).rem_euclid(24.0),
        ..r.clone()
    };
    let mut candidates = Vec::new();
    if !shift {
        candidates.push(r.clone());
    }
    let other = other_side(r.side);
    if let Some(o) = other {
        candidates.push(Rule {
            side: o,
            ..r.clone()
        });
    }
    let steps = ((24.0 / step).ceil() as usize).clamp(1, 96);
    for k in 1..=steps {
        let c = at_clock(k);
        if let Some(o) = other {
            candidates.push(Rule {
                side: o,
                ..c.clone()
            });
        }
        candidates.push(c);
    }
    let fallback = if shift { at_clock(1) } else { r.clone() };
    if !runs(sc) {
        return fallback;
    }
    // The same sessions on the days after the rule, then (last resort) a copy with no days yet.
    let days = r.to_day - r.from_day;
    if days > 0.0 && r.to_day < MAX_HORIZON_DAYS {
        candidates.push(Rule {
            from_day: r.to_day,
            to_day: (r.to_day + days).min(MAX_HORIZON_DAYS),
            ..r.clone()
        });
    }
    candidates.push(Rule {
        from_day: r.to_day,
        ..r.clone()
    });
    candidates.into_iter().find(fits).unwrap_or(fallback)
}

/// The session to insert at index `at` of the single sessions: `x` itself when `shift` is false
/// and it fits, else the same session moved later, just after whatever it would overlap on the
/// same breast (and out of skips), until the schedule runs.
pub fn placed_session(sc: &Scenario, x: &Session, at: usize, shift: bool) -> Session {
    let schedule = &sc.schedule;
    let span = span_h(x.kind, x.side, x.duration_min);
    let gap = COPY_GAP_MIN / 60.0;
    let max_h = MAX_HORIZON_DAYS * 24.0;
    let first = if shift {
        ceil_minute(x.at_h + span + gap)
    } else {
        x.at_h
    };
    let at_h = |t: f64| Session {
        at_h: t.min(max_h),
        ..x.clone()
    };
    if !runs(sc) {
        return at_h(first);
    }
    let Ok(planned) = schedule.expand(sc.horizon_days * 24.0, sc.calendar()) else {
        return at_h(first);
    };
    let side = match x.side {
        Side::Left | Side::Alternate => SessionSide::One(Breast::Left),
        Side::Right => SessionSide::One(Breast::Right),
        Side::Both => SessionSide::Both,
    };
    let shares = |o: SessionSide| Breast::BOTH.iter().any(|&b| o.uses(b) && side.uses(b));
    let fits = |c: &Session| {
        let mut s = sc.clone();
        let sessions = &mut s.schedule.sessions;
        sessions.insert(at.min(sessions.len()), c.clone());
        runs(&s)
    };
    let mut t = first;
    for _ in 0..2_000 {
        if t > max_h {
            break;
        }
        let end = t + span;
        let clash = planned
            .iter()
            .filter(|p| shares(p.side) && p.start_h < end - 1e-9 && t < p.latest_end_h() - 1e-9)
            .map(|p| p.latest_end_h())
            .reduce(f64::max);
        if let Some(e) = clash {
            t = ceil_minute(e + gap);
            continue;
        }
        // A session that starts in a skip is left out: put the copy after the skip.
        if let Some(k) = schedule.skips.iter().find(|k| t >= k.from_h && t < k.to_h) {
            t = ceil_minute(k.to_h);
            continue;
        }
        let c = at_h(t);
        if fits(&c) {
            return c;
        }
        t = ceil_minute(t + span + gap);
    }
    at_h(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::Example;

    #[test]
    fn a_copy_of_each_rule_and_session_leaves_the_scenario_valid() {
        let mut sc = Example::named("exclusive-pumping.ron")
            .unwrap()
            .scenario()
            .unwrap();
        sc.schedule.sessions.push(Session {
            at_h: 30.5,
            ..Session::default()
        });
        for i in 0..sc.schedule.rules.len() {
            let mut copy = sc.clone();
            let r = placed_rule(&sc, &sc.schedule.rules[i], i + 1, true);
            copy.schedule.rules.insert(i + 1, r);
            assert!(copy.validate().is_empty(), "{:?}", copy.validate());
        }
        for i in 0..sc.schedule.sessions.len() {
            let mut copy = sc.clone();
            let x = &sc.schedule.sessions[i];
            let placed = placed_session(&sc, x, i + 1, true);
            assert!(placed.at_h > x.at_h, "moved later");
            copy.schedule.sessions.insert(i + 1, placed);
            assert!(copy.validate().is_empty(), "{:?}", copy.validate());
        }
    }
}
