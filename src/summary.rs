//! A run in a few numbers and a sentence: the comparison table's metrics and the plain-words
//! summary a parent reads.

use crate::run::{DaySummary, Run};
use crate::scenario::Breast;

/// The headline numbers of a run (what the comparison table shows).
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Milk removed on the last full day, ml (what a test-weighing study calls production).
    pub last_day_removed_ml: f64,
    /// Milk made on the last full day, ml.
    pub last_day_production_ml: f64,
    /// First day (0 = the day of birth) on which 500 ml or more was removed.
    pub day_reaching_500_ml: Option<usize>,
    /// Sessions (breastfeeds and pump sessions) a day over the last week.
    pub sessions_per_day: f64,
    /// Mean let-downs per session over the last week.
    pub letdowns_per_session: f64,
    /// Volume-weighted fat of the milk removed over the last week, g/L.
    pub mean_fat_g_l: f64,
    /// Highest fullness of either breast from day 5 on (0–1).
    pub peak_fullness_after_day_5: f64,
    /// Share of the last week's milk removed from the left breast.
    pub left_share: f64,
}

impl Metrics {
    pub fn of(run: &Run) -> Self {
        let days = &run.days;
        let last = days.last();
        let week: &[DaySummary] = &days[days.len().saturating_sub(7)..];
        let n = week.len().max(1) as f64;
        let sessions: usize = week.iter().map(|d| d.breastfeeds + d.pump_sessions).sum();
        let letdowns: usize = week.iter().map(|d| d.letdowns).sum();
        let (mut vol, mut fat) = (0.0, 0.0);
        let (mut left, mut total) = (0.0, 0.0);
        for d in week {
            let v = d.total_removed_ml();
            if v > 0.0 && d.milk.fat_g_l.is_finite() {
                vol += v;
                fat += v * d.milk.fat_g_l;
            }
            left += d.removed_ml[0];
            total += v;
        }
        Self {
            last_day_removed_ml: last.map_or(0.0, |d| d.total_removed_ml()),
            last_day_production_ml: last.map_or(0.0, |d| d.total_production_ml()),
            day_reaching_500_ml: days
                .iter()
                .find(|d| d.total_removed_ml() >= 500.0)
                .map(|d| d.day),
            sessions_per_day: sessions as f64 / n,
            letdowns_per_session: if sessions > 0 {
                letdowns as f64 / sessions as f64
            } else {
                0.0
            },
            mean_fat_g_l: if vol > 0.0 { fat / vol } else { f64::NAN },
            peak_fullness_after_day_5: days
                .iter()
                .skip(5)
                .map(|d| d.peak_fullness_0_to_1)
                .fold(0.0, f64::max),
            left_share: if total > 0.0 { left / total } else { 0.5 },
        }
    }
}

/// The first day from which the milk made stays within 5% of the last day's value. (Milk made,
/// not removed: removal jumps by a feed from one day to the next, synthesis is smooth.)
pub fn settling_day(run: &Run) -> Option<usize> {
    let last = run.days.last()?.total_production_ml();
    if last <= 0.0 {
        return None;
    }
    let mut settled = None;
    for d in run.days.iter().rev() {
        if (d.total_production_ml() - last).abs() <= 0.05 * last {
            settled = Some(d.day);
        } else {
            break;
        }
    }
    settled
}

/// One or two sentences a parent can read.
pub fn plain_words(run: &Run) -> String {
    let Some(last) = run.days.last() else {
        return "The run is shorter than a day: nothing to summarise yet.".to_owned();
    };
    let m = Metrics::of(run);
    let mut s = String::new();
    let removed = last.total_removed_ml();
    let made = last.total_production_ml();
    match settling_day(run) {
        Some(d) if d + 2 < run.days.len() => s.push_str(&format!(
            "Supply settles near {:.0} ml/day by day {}",
            round_to(made, 10.0),
            d
        )),
        _ => s.push_str(&format!(
            "Supply is {:.0} ml/day on day {} and still changing",
            round_to(made, 10.0),
            last.day
        )),
    }
    let diff = m.left_share - 0.5;
    if removed > 50.0 && diff.abs() > 0.02 {
        let (more, less) = if diff > 0.0 {
            (Breast::Left, Breast::Right)
        } else {
            (Breast::Right, Breast::Left)
        };
        let pct = (m.left_share.max(1.0 - m.left_share) / m.left_share.min(1.0 - m.left_share)
            - 1.0)
            * 100.0;
        let why = more_emptied(run, more, less);
        s.push_str(&format!(
            "; the {} breast makes {:.0}% more{}",
            more.name(),
            pct,
            why
        ));
    }
    s.push('.');
    if let Some(d) = m.day_reaching_500_ml {
        s.push_str(&format!(" It passes 500 ml/day on day {d}."));
    } else if run.days.len() >= 5 {
        s.push_str(" It never reaches 500 ml/day.");
    }
    let intake = last.intake_ml;
    let wanted = last.appetite_at_breast_ml;
    if wanted > 0.0 && intake > 0.0 && intake < 0.85 * wanted {
        s.push_str(&format!(
            " The baby gets {intake:.0} of the {wanted:.0} ml a day it wants at the breast."
        ));
    }
    // What the baby wants that is not asked of the breast (a night gap, weaning): say where it
    // comes from, so that appetite and intake are not read as a hungry baby.
    if let Some(day) = complete_days(run)
        .checked_sub(1)
        .and_then(|d| run.days.get(d))
    {
        // Pumped milk is not drunk at the breast: say how the milk removed divides.
        if day.pumped_ml > 0.05 * day.total_removed_ml() && day.total_removed_ml() > 0.0 {
            s.push_str(&format!(
                " Of the {:.0} ml a day removed, about {:.0} ml is pumped and {:.0} ml taken by the \
                 baby at the breast.",
                round_to(day.total_removed_ml(), 10.0),
                round_to(day.pumped_ml, 10.0),
                round_to(day.intake_ml, 10.0)
            ));
        }
        let elsewhere = day.appetite_ml - day.appetite_at_breast_ml;
        if elsewhere > 0.05 * day.appetite_ml && day.appetite_ml > 0.0 {
            s.push_str(&format!(
                " Of the {:.0} ml a day the baby wants, about {:.0} ml is not asked of the breast \
                 (given by someone else at night, or weaned).",
                round_to(day.appetite_ml, 10.0),
                round_to(elsewhere, 10.0)
            ));
        }
    }
    s
}

/// Why one breast makes more: compare how often and how completely each is emptied over the
/// last week.
fn more_emptied(run: &Run, more: Breast, less: Breast) -> &'static str {
    let from = run.horizon_h - 7.0 * 24.0;
    let (mut n, mut share) = ([0usize; 2], [0.0f64; 2]);
    for s in run.sessions.iter().filter(|s| s.start_h >= from) {
        for b in Breast::BOTH {
            let i = b.index();
            if s.removed_ml[i] > 1.0 {
                n[i] += 1;
                if s.stored_at_start_ml[i] > 0.0 {
                    share[i] += s.removed_ml[i] / s.stored_at_start_ml[i];
                }
            }
        }
    }
    let (a, b) = (more.index(), less.index());
    if n[a] > n[b] + n[b] / 10 {
        " because it is emptied more often"
    } else if n[a] > 0 && n[b] > 0 && share[a] / n[a] as f64 > share[b] / n[b] as f64 * 1.05 {
        " because it is emptied more completely"
    } else {
        ""
    }
}

/// Supply of two runs differs from the first day the milk made differs by more than this share.
const PARTING_SHARE: f64 = 0.03;

/// Days the run covers in full (a last, partial day's totals are not a day's).
fn complete_days(run: &Run) -> usize {
    (((run.horizon_h / 24.0) + 1e-9).floor() as usize).min(run.days.len())
}

/// One sentence comparing a run with a baseline, answering "what happens, and how fast": the day
/// supply parts from the baseline's, where it goes, and how many days it takes to settle there —
/// or, when it comes back, how long it stayed away. Only days both runs cover in full count.
/// `None` when the runs make the same milk every such day.
pub fn compared_words(now: &Run, baseline: &Run) -> Option<String> {
    let shared = complete_days(now).min(complete_days(baseline));
    let made = |r: &Run, d: usize| r.days[d].total_production_ml();
    let differs = |d: usize| {
        let (n, b) = (made(now, d), made(baseline, d));
        (n - b).abs() > PARTING_SHARE * b.max(1.0)
    };
    let part = (0..shared).find(|&d| differs(d))?;
    let end = shared - 1;
    let below = made(now, part) < made(baseline, part);
    if !differs(end) {
        // A dip (or a bump) that passed: it is back the day after the last one that differs.
        let back = (part..shared)
            .rposition(differs)
            .map_or(part, |i| part + i + 1);
        return Some(format!(
            "Supply {} the baseline's on day {part} and is back with it by day {back}.",
            if below { "falls below" } else { "rises above" }
        ));
    }
    let (last, base) = (made(now, end), made(baseline, end));
    let verb = if last < base { "falls" } else { "rises" };
    let change = if base > 0.0 {
        format!(" ({:+.0}%)", 100.0 * (last - base) / base)
    } else {
        String::new()
    };
    let mut s = format!(
        "Supply parts from the baseline on day {part} and {verb} to {:.0} ml/day instead of {:.0}{change}",
        round_to(last, 10.0),
        round_to(base, 10.0),
    );
    // Settled: from the first day (once parted) after which it stays within 5% of where it ends.
    let settled = (part..shared)
        .rposition(|e| (made(now, e) - last).abs() > 0.05 * last.max(1.0))
        .map_or(part, |i| part + i + 1);
    if settled + 2 < shared {
        let took = settled - part;
        if took == 0 {
            s.push_str(", settling within a day.");
        } else {
            s.push_str(&format!(
                ", settling by day {settled} ({took} day{} after it parts).",
                if took == 1 { "" } else { "s" }
            ));
        }
    } else {
        s.push_str(&format!(" and is still changing on day {end}."));
    }
    Some(s)
}

fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}
