//! A run in a few numbers and a sentence: the comparison table's metrics and the plain-words
//! summary a parent reads.

use crate::run::{DaySummary, Run};
use crate::same_math::SameMath;
use crate::scenario::Breast;

/// The headline numbers of a run at one day (what the comparison table shows): that day's
/// totals, and means over the week that ends with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// The day (since birth; 0 = the day of birth) the figures are read at.
    pub day: usize,
    /// Milk removed on that day, ml (what a test-weighing study calls production). The name is
    /// from when the table read only the last day: for [`Metrics::of`] it still is.
    pub last_day_removed_ml: f64,
    /// Milk made on that day, ml.
    pub last_day_production_ml: f64,
    /// First day, up to that day, on which 500 ml or more was removed.
    pub day_reaching_500_ml: Option<usize>,
    /// Sessions (breastfeeds and pump sessions) a day over the 7 days ending with that day.
    pub sessions_per_day: f64,
    /// Mean let-downs per session over the 7 days ending with that day.
    pub letdowns_per_session: f64,
    /// Volume-weighted fat of the milk removed over the 7 days ending with that day, g/L.
    pub mean_fat_g_l: f64,
    /// Highest fullness of either breast from day 5 up to that day (0–1; 0 before day 5).
    pub peak_fullness_after_day_5: f64,
    /// Share of the milk removed over the 7 days ending with that day that came from the left
    /// breast.
    pub left_share: f64,
}

/// The days a week's means are taken over.
pub const WEEK_DAYS: usize = 7;

impl Metrics {
    /// The figures at the last complete day (a last, partial day's totals are not a day's); for a
    /// run shorter than a day, at the part of a day it has.
    pub fn of(run: &Run) -> Self {
        let day = complete_days(run)
            .checked_sub(1)
            .unwrap_or(run.days.len().saturating_sub(1));
        Self::at_day(run, day)
    }

    /// The figures as they stand at the end of `day` (days since birth): that day's totals, the
    /// means over the 7 days ending with it (over fewer in the first week: none come before day
    /// 0), and "the first day" and "the highest" over the days up to it. A day past the run's end
    /// is read as its last summarised day.
    pub fn at_day(run: &Run, day: usize) -> Self {
        let upto = &run.days[..(day + 1).min(run.days.len())];
        let day = upto.last().map_or(day, |d| d.day);
        let week: &[DaySummary] = &upto[upto.len().saturating_sub(WEEK_DAYS)..];
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
        let that_day = upto.last();
        Self {
            day,
            last_day_removed_ml: that_day.map_or(0.0, |d| d.total_removed_ml()),
            last_day_production_ml: that_day.map_or(0.0, |d| d.total_production_ml()),
            day_reaching_500_ml: upto
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
            peak_fullness_after_day_5: upto
                .iter()
                .skip(5)
                .map(|d| d.peak_fullness_0_to_1)
                .fold(0.0, f64::max),
            left_share: if total > 0.0 { left / total } else { 0.5 },
        }
    }
}

/// The first day from which the milk made stays within 5% of where it ends — of the last day, or
/// of the mean of the last 7 days, whichever finds it settled sooner: the mean, so that a week of
/// days at work and days at home is not read as still changing; the last day, so that a dip
/// within the last week that has passed is not either. (Milk made, not removed: removal jumps by
/// a feed from one day to the next, synthesis is smooth.)
pub fn settling_day(run: &Run) -> Option<usize> {
    settled_from(&run.days)
}

/// [`settling_day`] of a run made of `days`.
fn settled_from(days: &[crate::run::DaySummary]) -> Option<usize> {
    let made = |d: &crate::run::DaySummary| d.total_production_ml();
    let week = &days[days.len().saturating_sub(7)..];
    let last = week.last().map(made)?;
    let week_mean = week.iter().map(made).sum::<f64>() / week.len() as f64;
    let settled_near = |level: f64| {
        if level <= 0.0 {
            return None;
        }
        let mut settled = None;
        for d in days.iter().rev() {
            if (made(d) - level).abs() <= 0.05 * level {
                settled = Some(d.day);
            } else {
                break;
            }
        }
        settled
    };
    match (settled_near(last), settled_near(week_mean)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The first day from which every day before `until` made within 5% of `level`: when supply
/// reached a level it then held.
fn held_since(made: &[f64], until: usize, level: f64) -> usize {
    (0..until)
        .rposition(|d| (made[d] - level).abs() > 0.05 * level)
        .map_or(0, |i| i + 1)
}

/// A level the supply held for a week or more (flat within 2%) just before the day it settled
/// where it is, that differs from the last week's mean by more than [`PARTING_SHARE`]: a change
/// that moved a settled supply further than the settling band reaches (back to work with pumps
/// whose weekdays and weekends differ). The same four figures as [`later_level`].
fn earlier_level(run: &Run, settled_day: usize) -> Option<(f64, usize, usize, f64)> {
    let made: Vec<f64> = run.days.iter().map(|d| d.total_production_ml()).collect();
    let n = made.len();
    if settled_day < 7 || settled_day >= n {
        return None;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let before = &made[settled_day - 7..settled_day];
    let early = mean(before);
    if before.iter().any(|m| (m - early).abs() > 0.02 * early) {
        return None;
    }
    let late = mean(&made[n.saturating_sub(7)..]);
    if (late - early).abs() <= PARTING_SHARE * early {
        return None;
    }
    // A change, not a drift: within three days of the settling day supply is most of the way to
    // the later level (a change moves it there in days; a drift still creeps into the band). On
    // the settling day alone a change may be only half-way, and which side of half-way it fell
    // was a matter of the integration's last digits.
    let moved = made[settled_day..(settled_day + 3).min(n)]
        .iter()
        .map(|m| (m - early).abs())
        .fold(0.0, f64::max);
    if moved <= 0.5 * (late - early).abs() {
        return None;
    }
    let early_from = held_since(&made, settled_day, early);
    Some((early, early_from, settled_day, late))
}

/// Within the days counted as settled (from `settled_day`), a later level that differs from the
/// first week's by more than [`PARTING_SHARE`]: the first week's mean and the day it was reached,
/// the day the later level begins (from it on, every day is within 4% of the last week's mean)
/// and the last week's mean.
fn later_level(run: &Run, settled_day: usize) -> Option<(f64, usize, usize, f64)> {
    let made: Vec<f64> = run.days.iter().map(|d| d.total_production_ml()).collect();
    let n = made.len();
    if settled_day + 14 > n {
        return None;
    }
    let mean = |r: std::ops::Range<usize>| made[r.clone()].iter().sum::<f64>() / r.len() as f64;
    let (early, late) = (mean(settled_day..settled_day + 7), mean(n - 7..n));
    if (late - early).abs() <= PARTING_SHARE * early {
        return None;
    }
    let from = (settled_day..n)
        .rposition(|d| (made[d] - late).abs() > 0.04 * late)
        .map_or(settled_day, |i| settled_day + i + 1);
    if from < settled_day + 7 {
        return None;
    }
    // The first level settled sooner than the band around the last one says: where a run that
    // ended before the change would say it settled (so the same first weeks are told the same
    // way whatever comes after them), or else from the first day after which, up to the change,
    // every day is within 5% of it.
    let early_from =
        settled_from(&run.days[..from]).unwrap_or_else(|| held_since(&made, from, early));
    Some((early, early_from.min(settled_day), from, late))
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
        Some(d) if d + 2 < run.days.len() => match later_level(run, d).or_else(|| earlier_level(run, d)) {
            // A change late in the run (back to work, extra pumps) moved a settled supply a
            // little: say where it settled first and where it went, not only the last day.
            Some((early, early_day, from, late)) => s.push_str(&format!(
                "Supply settles near {:.0} ml/day by day {early_day} and {} to about {:.0} from day {from}",
                round_to(early, 10.0),
                if late > early { "rises" } else { "falls" },
                round_to(late, 10.0)
            )),
            None => s.push_str(&format!(
                "Supply settles near {:.0} ml/day by day {}",
                round_to(made, 10.0),
                d
            )),
        },
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
        // Absences come and go with the week: speak of the last 7 days when she was away in them.
        let week: Vec<&crate::run::DaySummary> =
            run.days[..=day.day].iter().rev().take(7).collect();
        let away = week.iter().map(|d| d.appetite_while_away_ml).sum::<f64>() / week.len() as f64;
        if away > 0.0 {
            let wanted = week.iter().map(|d| d.appetite_ml).sum::<f64>() / week.len() as f64;
            let at_breast =
                week.iter().map(|d| d.appetite_at_breast_ml).sum::<f64>() / week.len() as f64;
            let other = wanted - at_breast - away;
            s.push_str(&format!(
                " Over the last week, of the {:.0} ml a day the baby wants, about {:.0} ml is \
                 given by someone else while the mother is away",
                round_to(wanted, 10.0),
                round_to(away, 10.0)
            ));
            if other > 0.05 * wanted {
                s.push_str(&format!(
                    " and {:.0} ml at night or as weaning goes on",
                    round_to(other, 10.0)
                ));
            }
            s.push('.');
        } else {
            let elsewhere = day.appetite_ml - day.appetite_at_breast_ml;
            if elsewhere > 0.05 * day.appetite_ml && day.appetite_ml > 0.0 {
                s.push_str(&format!(
                    " Of the {:.0} ml a day the baby wants, about {:.0} ml is not asked of the \
                     breast (given by someone else at night, or weaned).",
                    round_to(day.appetite_ml, 10.0),
                    round_to(elsewhere, 10.0)
                ));
            }
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
pub const PARTING_SHARE: f64 = 0.03;

/// Days the run covers in full (a last, partial day's totals are not a day's).
pub fn complete_days(run: &Run) -> usize {
    (((run.horizon_h / 24.0) + 1e-9).floor() as usize).min(run.days.len())
}

/// Days both runs cover in full: the days a comparison can be read at are `0..` this.
pub fn shared_complete_days(now: &Run, baseline: &Run) -> usize {
    complete_days(now).min(complete_days(baseline))
}

/// The sentence comparing two runs at `day` (`None`: when they share no complete day): how
/// supply parts and settles ([`compared_words_at`]), or, when the milk made stays within
/// [`PARTING_SHARE`] every day, that — with the day's ml if they differ at all (a small change
/// that lasts is still a change, and a reader should know how close "close" is).
pub fn comparison_sentence(now: &Run, baseline: &Run, day: Option<usize>) -> String {
    if let Some(s) = day.and_then(|d| compared_words_at(now, baseline, d)) {
        return s;
    }
    let pct = 100.0 * PARTING_SHARE;
    let mut s = match day {
        Some(d) => format!(
            "Up to day {d}, the milk made stays within {pct:.0}% of the baseline's every day"
        ),
        None => format!("The milk made stays within {pct:.0}% of the baseline's every day"),
    };
    let last = shared_complete_days(now, baseline)
        .checked_sub(1)
        .map(|l| day.map_or(l, |d| d.min(l)));
    if let Some(d) = last {
        let (n, o) = (
            now.days[d].total_production_ml(),
            baseline.days[d].total_production_ml(),
        );
        if (n - o).abs() >= 1.0 {
            s += &format!(
                "; on day {d} it is {n:.0} ml instead of {o:.0} ({:+.0} ml)",
                n - o
            );
        }
    }
    s + "."
}

/// [`compared_words_at`] the last day both runs cover in full. `None` also when they share no
/// complete day.
pub fn compared_words(now: &Run, baseline: &Run) -> Option<String> {
    let last = shared_complete_days(now, baseline).checked_sub(1)?;
    compared_words_at(now, baseline, last)
}

/// One sentence comparing a run with a baseline at a chosen day, answering "what happens, and
/// how fast": supply that day against the baseline's, the day it parted from the baseline's, and
/// how many days it took to settle — or, when it has come back, how long it stayed away. Only the
/// days up to `day` count (what a clinician sees "one week after the change"), and only days
/// both runs cover in full (a `day` past them is read as the last of them). `None` when the runs
/// make the same milk every such day.
pub fn compared_words_at(now: &Run, baseline: &Run, day: usize) -> Option<String> {
    let end = day.min(shared_complete_days(now, baseline).checked_sub(1)?);
    // The days looked at: 0..=end.
    let shared = end + 1;
    let made = |r: &Run, d: usize| r.days[d].total_production_ml();
    let differs = |d: usize| {
        let (n, b) = (made(now, d), made(baseline, d));
        (n - b).abs() > PARTING_SHARE * b.max(1.0)
    };
    let part = (0..shared).find(|&d| differs(d))?;
    let below = made(now, part) < made(baseline, part);
    // Back only when well inside the line it parted at: a change that hovers near it (+3% one
    // day, +2.9% the next) has not gone away, and "back with the baseline's" beside +14 ml a
    // day read as if it had.
    let close = |d: usize| {
        let (n, b) = (made(now, d), made(baseline, d));
        (n - b).abs() <= 0.5 * PARTING_SHARE * b.max(1.0)
    };
    if close(end) {
        // A dip (or a bump) that passed: it is back the day after the last one that differs.
        let back = (part..shared)
            .rposition(|d| !close(d))
            .map_or(part, |i| part + i + 1);
        return Some(format!(
            "On day {end}, supply is back with the baseline's: it {} it on day {part} and is back \
             by day {back}.",
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
        "On day {end}, supply is {:.0} ml/day instead of {:.0}{change}: it parts from the baseline \
         on day {part} and {verb}",
        round_to(last, 10.0),
        round_to(base, 10.0),
    );
    // Settled: from the first day (once parted) after which it stays within 5% of where it is on
    // the day compared.
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
        s.push_str("; it is still changing.");
    }
    Some(s)
}

/// `v` to `digits` significant figures (amounts that span many sizes in sentences: 0.012 mg,
/// 1.4 mg, 140 mg).
pub fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 {
        // −0.0 reads "-0".
        return 0.0;
    }
    if !v.is_finite() {
        return v;
    }
    let scale = 10f64.same_powi(digits - 1 - v.abs().libm_log10().floor() as i32);
    (v * scale).round() / scale
}

/// `v` to the nearest multiple of `step` (figures in sentences: "about 790").
pub(crate) fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    #[test]
    fn significant_figures() {
        assert_eq!(round_sig(0.012345, 2), 0.012);
        assert_eq!(round_sig(1.46, 2), 1.5);
        assert_eq!(round_sig(1234.0, 2), 1200.0);
        assert_eq!(round_sig(0.0, 2), 0.0);
        assert_eq!(format!("{}", round_sig(-0.0, 2)), "0");
    }
    use crate::schedule::{Kind, Rule, Side, Skip};

    fn run(sc: &Scenario) -> Run {
        crate::simulate(sc).expect("runs")
    }

    #[test]
    fn a_weekly_cycle_above_the_band_is_told_as_a_change_from_the_first_level() {
        // Weekdays at work with pumps near 848, weekends near 800: the last week's mean (834) is
        // 5.5% above the 790 held before, further than the settling band reaches. Still "settles
        // near 790 … and rises", not "settles near 840 by day 21".
        let mut r = run(&Scenario::default());
        let cycle = [848.0, 848.0, 848.0, 827.0, 800.0, 822.0, 843.0];
        for (d, day) in r.days.iter_mut().enumerate() {
            let made = match d {
                0..=8 => 300.0 + 50.0 * d as f64,
                9..=20 => 790.0,
                _ => cycle[(d - 21) % 7],
            };
            day.production_ml = [made / 2.0, made / 2.0];
        }
        let words = plain_words(&r);
        assert!(
            words.starts_with(
                "Supply settles near 790 ml/day by day 9 and rises to about 830 from day 21"
            ),
            "{words}"
        );
    }

    #[test]
    fn a_late_change_is_told_apart_from_where_supply_first_settled() {
        // Back to work with three pumps from day 90: settled near 790 by day 9, then higher; the
        // weekdays at work and the weekends at home are not "still changing".
        let sc = crate::examples::Example::named("back-to-work-pumping.ron")
            .unwrap()
            .scenario()
            .unwrap();
        let words = plain_words(&run(&sc));
        assert!(
            words.starts_with("Supply settles near 790 ml/day by day 9 and rises to about 8"),
            "{words}"
        );
        assert!(words.contains("from day 90"), "{words}");
        // Without a late change, one level as before.
        let plain = plain_words(&run(&Scenario::default()));
        assert!(
            plain.starts_with("Supply settles near 790 ml/day by day 9."),
            "{plain}"
        );
    }

    /// The default scenario with three double-pump sessions a day from day 14.
    fn pumping_from_day_14() -> Scenario {
        let mut sc = Scenario::default();
        sc.schedule.rules.push(Rule {
            label: "extra pumping".into(),
            kind: Kind::Pump,
            side: Side::Both,
            every_h: 8.0,
            first_at_clock_h: 10.5,
            from_day: 14.0,
            to_day: 28.0,
            duration_min: 15.0,
            ..Rule::default()
        });
        sc
    }

    #[test]
    fn metrics_at_a_day_are_that_day_s_and_the_week_ending_with_it() {
        let r = run(&pumping_from_day_14());
        assert_eq!(Metrics::of(&r), Metrics::at_day(&r, 27));
        for day in [3, 10, 20] {
            let m = Metrics::at_day(&r, day);
            assert_eq!(m.day, day);
            assert_eq!(m.last_day_production_ml, r.days[day].total_production_ml());
            assert_eq!(m.last_day_removed_ml, r.days[day].total_removed_ml());
            // The week ending with that day: days 0..=3 (four) for day 3.
            let week = &r.days[day.saturating_sub(6)..=day];
            let sessions: usize = week.iter().map(|d| d.breastfeeds + d.pump_sessions).sum();
            let mean = sessions as f64 / week.len() as f64;
            assert!((m.sessions_per_day - mean).abs() < 1e-12, "day {day}");
            let left: f64 = week.iter().map(|d| d.removed_ml[0]).sum();
            let all: f64 = week.iter().map(|d| d.total_removed_ml()).sum();
            assert!((m.left_share - left / all).abs() < 1e-12, "day {day}");
        }
        // The pumps are in the week's sessions at day 20, not at day 10.
        let (d10, d20) = (Metrics::at_day(&r, 10), Metrics::at_day(&r, 20));
        let b = run(&Scenario::default());
        let (b10, b20) = (Metrics::at_day(&b, 10), Metrics::at_day(&b, 20));
        assert!((d10.sessions_per_day - b10.sessions_per_day).abs() < 0.5);
        assert!(d20.sessions_per_day > b20.sessions_per_day + 2.0);
        assert_ne!(d10.last_day_production_ml, d20.last_day_production_ml);
        // Reached by day 3 in the default run, "not yet" at day 2.
        assert_eq!(Metrics::at_day(&b, 27).day_reaching_500_ml, Some(3));
        assert_eq!(Metrics::at_day(&b, 2).day_reaching_500_ml, None);
        // Peak fullness counts from day 5 and only up to the day.
        assert_eq!(Metrics::at_day(&b, 4).peak_fullness_after_day_5, 0.0);
        let peak_to_10 = b.days[5..=10]
            .iter()
            .map(|d| d.peak_fullness_0_to_1)
            .fold(0.0, f64::max);
        assert_eq!(b10.peak_fullness_after_day_5, peak_to_10);
        // Past the end: the last day.
        assert_eq!(Metrics::at_day(&b, 400), Metrics::at_day(&b, 27));
    }

    #[test]
    fn the_comparison_sentence_names_its_day_and_counts_only_days_up_to_it() {
        let base = run(&Scenario::default());
        let now = run(&pumping_from_day_14());
        // Before the pumps start, nothing differs.
        assert_eq!(compared_words_at(&now, &base, 12), None);
        let made = |r: &Run, d: usize| round_to(r.days[d].total_production_ml(), 10.0);
        let at_20 = compared_words_at(&now, &base, 20).unwrap();
        let at_27 = compared_words_at(&now, &base, 27).unwrap();
        for (day, s) in [(20, &at_20), (27, &at_27)] {
            assert!(
                s.starts_with(&format!(
                    "On day {day}, supply is {:.0} ml/day instead of {:.0} (+",
                    made(&now, day),
                    made(&base, day)
                )),
                "{s}"
            );
            assert!(s.contains("it parts from the baseline on day 1"), "{s}");
            assert!(s.contains("and rises"), "{s}");
        }
        assert_ne!(at_20, at_27);
        // The last shared day is what the sentence without a day speaks of.
        assert_eq!(compared_words(&now, &base), Some(at_27));
        assert_eq!(
            compared_words_at(&now, &base, 99),
            compared_words(&now, &base)
        );
    }

    #[test]
    fn a_dip_reads_as_a_dip_during_it_and_as_passed_after_it() {
        let base = run(&Scenario::default());
        let mut sc = Scenario::default();
        sc.schedule.skips.push(Skip {
            label: "away".into(),
            from_h: 14.0 * 24.0 + 20.0,
            to_h: 15.0 * 24.0 + 14.0,
        });
        let dip = run(&sc);
        let last = compared_words_at(&dip, &base, 27).unwrap();
        assert!(
            last.starts_with(
                "On day 27, supply is back with the baseline's: it falls below it on day 1"
            ),
            "{last}"
        );
        // During the dip the same two runs read differently: that day's figures, still changing.
        let part = (0..28)
            .find(|&d| {
                let (a, b) = (
                    dip.days[d].total_production_ml(),
                    base.days[d].total_production_ml(),
                );
                (a - b).abs() > PARTING_SHARE * b
            })
            .unwrap();
        let during = compared_words_at(&dip, &base, part).unwrap();
        assert!(
            during.starts_with(&format!("On day {part}, supply is "))
                && during.contains(&format!(
                    "it parts from the baseline on day {part} and falls"
                ))
                && during.ends_with("it is still changing."),
            "{during}"
        );
    }
}
