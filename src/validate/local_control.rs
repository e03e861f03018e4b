//! Local (autocrine) control: rows L of `../shared/physiology/targets.md` (supply following
//! removal, each breast on its own, stasis and involution).

use crate::run::{EventKind, Run};
use crate::scenario::Scenario;
use crate::schedule::{Kind, NightGap, Rule, Side};

use super::common::fail;
use super::{Outcome, Reads, Row, Runs};

/// The local-control rows, in the order of `targets.md`.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "L1",
            measured: "supply follows removal",
            published: "more frequent emptying raises synthesis within days (+7–40%); fewer \
                        removals lower it. Hit: 3 extra pumps a day from day 21 raise production \
                        > 10% within days 25–31 and > 5% above no pumping on day 31; dropping \
                        night feeds from day 21 lowers days 29–35 by > 7%",
            source: "Henderson & Peaker 1984; Vetharaniam et al. 2001; IOM 1991",
            note: None,
            reads: l1_reads,
            check: l1_supply_follows_removal,
        },
        Row {
            id: "L2",
            measured: "each breast on its own",
            published: "frequent milking of one gland raises that gland's yield alone. Hit: left \
                        fed every 3 h, right every 8 h from day 10: balanced (±5%) on day 10, \
                        left > 1.3× right on day 28, left capacity higher",
            source: "Henderson & Peaker 1984; Wilde et al. 1995; Wall & McFadden 2007",
            note: None,
            reads: l2_reads,
            check: l2_each_breast_on_its_own,
        },
        Row {
            id: "L3",
            measured: "prolonged stasis (feeding stops on day 20)",
            published: "involution reversible for ≈ 30–36 h; Na rises after weaning; weeks \
                        without removal end lactation. Hit: stored-milk Na > 2× after 48 h, \
                        < 1.5× after 12 h; capacity > 60% after 1 day, < 15% after 14 days; \
                        an involution event",
            source: "Neville overview; Hartmann & Kulski 1978; Watson & Streuli 2007",
            note: None,
            reads: l3_reads,
            check: l3_stasis,
        },
    ]
}

/// L1's runs: the default over 35 days, with three extra double pumps a day from day 21, and
/// with the night feeds (22–6 h) dropped from day 21.
fn l1_scenarios() -> [Scenario; 3] {
    let base_sc = Scenario {
        horizon_days: 35.0,
        ..Scenario::default()
    };
    let mut more_sc = base_sc.clone();
    more_sc.schedule.rules.push(Rule {
        label: "extra pumping".into(),
        kind: Kind::Pump,
        side: Side::Both,
        every_h: 8.0,
        first_at_clock_h: 10.5,
        from_day: 21.0,
        to_day: 35.0,
        duration_min: 15.0,
        ..Rule::default()
    });
    let mut fewer_sc = base_sc.clone();
    if let Some(responsive) = fewer_sc.schedule.responsive.as_mut() {
        responsive.night_gap = Some(NightGap {
            from_clock_h: 22.0,
            to_clock_h: 6.0,
            from_day: 21.0,
        });
    }
    [base_sc, more_sc, fewer_sc]
}

fn l1_reads() -> Reads {
    Reads::scenarios(l1_scenarios())
}

/// L1: with three extra double pumps a day from day 21 (35-day runs), the highest production of
/// days 25–31 is > 10% above day 21's, and day 31's > 5% above the run without; dropping the
/// night feeds (22–6 h) from day 21 lowers the mean of days 29–35 by > 7%.
fn l1_supply_follows_removal(runs: &Runs) -> Outcome {
    if Scenario::default().schedule.responsive.is_none() {
        return fail("the default scenario has no responsive feeding");
    }
    let [base_sc, more_sc, fewer_sc] = l1_scenarios();
    let (base, more, fewer) = (runs.of(&base_sc), runs.of(&more_sc), runs.of(&fewer_sc));
    if [&base, &more, &fewer].iter().any(|r| r.days.len() < 35) {
        return fail("run shorter than 35 days");
    }
    let made = |r: &Run, d: usize| r.days[d].total_production_ml();
    let before = made(&more, 20);
    let after = (24..=30).map(|d| made(&more, d)).fold(0.0, f64::max);
    let (more31, base31) = (made(&more, 30), made(&base, 30));
    let late = |r: &Run| (28..35).map(|d| made(r, d)).sum::<f64>() / 7.0;
    let (late_fewer, late_base) = (late(&fewer), late(&base));
    Outcome::new(
        after > 1.10 * before && more31 > 1.05 * base31 && late_fewer < 0.93 * late_base,
        format!(
            "extra pumps: {before:.0} → {after:.0} ml/day (day 30: {more31:.0} vs {base31:.0} \
             without); night feeds dropped: {late_fewer:.0} vs {late_base:.0} ml/day (days 28–34)"
        ),
    )
}

/// L2's run: responsive feeding until day 10, then the left breast fed every 3 h and the right
/// every 8 h, 28 days.
fn l2_scenario() -> Scenario {
    let mut sc = Scenario {
        horizon_days: 28.0,
        ..Scenario::default()
    };
    if let Some(responsive) = sc.schedule.responsive.as_mut() {
        responsive.until_day = Some(10.0);
    }
    for (side, every_h) in [(Side::Left, 3.0), (Side::Right, 8.0)] {
        sc.schedule.rules.push(Rule {
            kind: Kind::Breastfeed,
            side,
            every_h,
            first_at_clock_h: if side == Side::Left { 0.0 } else { 1.5 },
            from_day: 10.0,
            to_day: 28.0,
            duration_min: 20.0,
            ..Rule::default()
        });
    }
    sc
}

fn l2_reads() -> Reads {
    Reads::scenarios([l2_scenario()])
}

/// L2: responsive feeding until day 10, then the left breast fed every 3 h and the right every
/// 8 h: production balanced (within 5%) on day 10; on day 28 left > 1.3× right and the left's
/// secretory capacity higher.
fn l2_each_breast_on_its_own(runs: &Runs) -> Outcome {
    if Scenario::default().schedule.responsive.is_none() {
        return fail("the default scenario has no responsive feeding");
    }
    let r = runs.of(&l2_scenario());
    let (Some(before), Some(d)) = (r.days.get(9), r.days.get(27)) else {
        return fail("run shorter than 28 days");
    };
    let (l10, r10) = (before.production_ml[0], before.production_ml[1]);
    let (l, rr) = (d.production_ml[0], d.production_ml[1]);
    let cap = d.secretory_capacity_ml_per_h;
    Outcome::new(
        (l10 / r10 - 1.0).abs() < 0.05 && l > 1.3 * rr && cap[0] > cap[1],
        format!(
            "day 9: left {l10:.0}, right {r10:.0} ml; day 27: left {l:.0}, right {rr:.0} ml; \
             capacity {:.1} vs {:.1} ml/h",
            cap[0], cap[1]
        ),
    )
}

/// L3's run: feeding stops on day 20, 36 days.
fn l3_scenario() -> Scenario {
    let mut sc = Scenario {
        horizon_days: 36.0,
        ..Scenario::default()
    };
    if let Some(responsive) = sc.schedule.responsive.as_mut() {
        responsive.until_day = Some(20.0);
    }
    sc
}

fn l3_reads() -> Reads {
    Reads::scenarios([l3_scenario()])
}

/// L3: feeding stops on day 20 (36-day run): stored-milk Na more than doubles within 48 h but
/// not 1.5× within 12 h; the left breast's secretory capacity keeps > 60% after 1 day and falls
/// below 15% after 14 days; an involution event.
fn l3_stasis(runs: &Runs) -> Outcome {
    if Scenario::default().schedule.responsive.is_none() {
        return fail("the default scenario has no responsive feeding");
    }
    let r = runs.of(&l3_scenario());
    let s = &r.series;
    let at = |t_h: f64| s.t_h.iter().position(|&t| t >= t_h);
    let na = |t_h: f64| Some(s.stored_milk.get(at(t_h)?)?.sodium_mmol_l);
    let cap = |t_h: f64| Some(*s.glands[0].secretory_capacity_ml_per_h.get(at(t_h)?)?);
    let stop = 20.0 * 24.0;
    let (Some(na0), Some(na12), Some(na48)) = (na(stop), na(stop + 12.0), na(stop + 48.0)) else {
        return fail("series ends before 48 h after the last feed");
    };
    let (Some(c0), Some(c1), Some(c14)) = (cap(stop), cap(stop + 24.0), cap(stop + 14.0 * 24.0))
    else {
        return fail("series ends before 14 days after the last feed");
    };
    let involution = r
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Involution { .. }));
    Outcome::new(
        na48 > 2.0 * na0 && na12 < 1.5 * na0 && c1 > 0.6 * c0 && c14 < 0.15 * c0 && involution,
        format!(
            "Na {na0:.1} → {na12:.1} (12 h) → {na48:.1} mmol/L (48 h); capacity {c0:.1} → \
             {c1:.1} (1 day) → {c14:.1} ml/h (14 days); involution event: {}",
            if involution { "yes" } else { "no" }
        ),
    )
}
