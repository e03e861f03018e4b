//! The steady state: rows A (onset) and E (established lactation) of
//! `../shared/physiology/targets.md`; the hormones (H) are in [`super::hormones`], local control
//! (L) in [`super::local_control`].
//!
//! Each row's check computes what its test in `tests/targets.rs` used to assert, with the same
//! scenarios and the same thresholds, and says what the model gave. Days in the model's words are
//! counted from 1 (day 1 = the first 24 h, as in the sources), while `Run::days` is indexed from 0.

use crate::model::composition::daly_fat_g_per_l;
use crate::run::Run;
use crate::scenario::{Breast, Scenario};

use super::common::{
    between_feed_rates, breastfeeds_after, extremes, fail, long_scenario, mean, removed,
    session_near, the_long_run,
};
use super::{Outcome, Reads, Row, Runs, WantedRun};

/// The onset and established-lactation rows, in the order of `targets.md`.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "A1",
            measured: "milk volume, day 1 (0–24 h)",
            published: "≈ 20–50 ml (37 g, range 7–122; pooled 21.5 ml). Hit: 15–100 ml",
            source: "Saint, Smith & Hartmann 1984 Br J Nutr 52:87; Neville overview",
            note: None,
            reads: Reads::the_default_run,
            check: a1_day_one_volume,
        },
        Row {
            id: "A2",
            measured: "milk volume, day 3 and day 5",
            published: "day 3: 408 g (98–775); day 5: 500–705 ml (453–876). \
                        Hit: day 3 (the model's day 2) 150–500 ml, day 5 (its day 4) 400–800 ml",
            source: "Saint et al. 1984; Neville overview",
            note: None,
            reads: Reads::the_default_run,
            check: a2_day_three_and_five_volume,
        },
        Row {
            id: "A3",
            measured: "steepest rise in daily volume",
            published: "between days 2 and 4 (about 36–96 h). \
                        Hit: the largest day-to-day increase (days 1–10) is into day 3 or 4 (the model's day 2 or 3)",
            source: "Neville overview",
            note: None,
            reads: Reads::the_default_run,
            check: a3_steepest_rise,
        },
        Row {
            id: "A4",
            measured: "milk sodium falls from colostrum",
            published: "high in colostrum, falls from birth, mostly done by 72 h. \
                        Hit: Na day 1 ≥ 3× day 10 (the model's days 0 and 9); Na at 72 h ≤ 2× day 10",
            source: "Neville et al. 1991",
            note: None,
            reads: Reads::the_default_run,
            check: a4_sodium_falls,
        },
        Row {
            id: "A5",
            measured: "milk lactose rises as sodium falls",
            published: "rises as Na falls, done by ~72 h. Hit: lactose day 1 ≤ 0.75 × day 10 (the model's days 0 and 9)",
            source: "Neville et al. 1991",
            note: None,
            reads: Reads::the_default_run,
            check: a5_lactose_rises,
        },
        Row {
            id: "A6",
            measured: "sIgA and lactoferrin in early milk",
            published: "highest in the first 48 h, fall fast after day 2; lactoferrin peaks \
                        ~1 day after sIgA. Hit: sIgA day 1 ≥ 5× day 14 (the model's days 0 and 13); lactoferrin secretion \
                        (concentration × volume, days 1–10) peaks later than sIgA's",
            source: "Neville overview (Figure 5)",
            note: None,
            reads: Reads::the_default_run,
            check: a6_siga_and_lactoferrin,
        },
        Row {
            id: "A7",
            measured: "mature milk composition (day 21)",
            published: "lactose ≈ 70 g/L; protein ≈ 10.5 g/L (9–12); Na ≈ 8, K ≈ 13, \
                        Cl ≈ 12 mmol/L; sIgA ≈ 0.75 g/L (0.5–1); lactoferrin ≈ 2 g/L. \
                        Hit: each within ±30%",
            source: "Hartmann & Kulski 1978 J Physiol; Rai et al. 2014; reviews (sIgA)",
            note: None,
            reads: Reads::the_default_run,
            check: a7_mature_composition,
        },
        Row {
            id: "E1",
            measured: "24-h milk production (removed), months 1–6",
            published: "788 ± 169 ml/day (478–1356); 708–742 g (Cox); 818 g (Dewey). \
                        Hit: 600–1000 ml every day from the model's day 30 to 179",
            source: "Kent et al. 2006 Pediatrics 117:e387; Cox et al. 1996; Dewey et al. 1991",
            note: None,
            reads: the_long_run,
            check: e1_production,
        },
        Row {
            id: "E2",
            measured: "breastfeeds a day",
            published: "11 ± 3 (range 6–18). Hit: 8–14 every day from the model's day 7",
            source: "Kent et al. 2006",
            note: None,
            reads: Reads::the_default_run,
            check: e2_feeds_a_day,
        },
        Row {
            id: "E3",
            measured: "milk per breastfeed",
            published: "76 ± 13 g (0–240). Hit: mean 50–130 ml after day 14",
            source: "Kent et al. 2006",
            note: None,
            reads: Reads::the_default_run,
            check: e3_milk_per_breastfeed,
        },
        Row {
            id: "E3b",
            measured: "share of the available milk a breastfeed removes",
            published: "67 ± 8% (Kent); degree of emptying 76 ± 20% (Daly). \
                        Hit: mean 55–85% after day 14",
            source: "Kent et al. 2006; Daly et al. 1993; Gardner et al. 2019",
            note: None,
            reads: Reads::the_default_run,
            check: e3b_share_removed,
        },
        Row {
            id: "E4",
            measured: "storage capacity of one breast",
            published: "210 ± 11 ml (SEM); 74–382 ml; 81–606 between women. \
                        Hit: default 150–300 ml each",
            source: "Kent et al. 1999 Exp Physiol 84:435; Daly/Hartmann group",
            note: Some("A parameter, not an output: the row checks the default scenario's value."),
            reads: nothing,
            check: e4_storage_capacity,
        },
        Row {
            id: "E5",
            measured: "short-term rate of synthesis between feeds, per breast",
            published: "mean 23 ± 3.5 ml/h (< 6 to 90; 0–56 between feeds), higher when the \
                        breast is emptier. Hit: every gap 5–60 ml/h, mean 12–30, faster after a \
                        fuller emptying (over 50 gaps after day 14)",
            source: "Cox et al. 1996; Daly et al. 1996 Exp Physiol 81:861; \
                     Daly, Owens & Hartmann 1993 Exp Physiol 78:209",
            note: Some(
                "The model's rate after a fuller emptying is only slightly higher than after a \
                 partial one (hundredths of a ml/h): over the fullness a healthy breast works in, \
                 the brake is nearly flat, so this part of the row passes by a hair.",
            ),
            reads: Reads::the_default_run,
            check: e5_short_term_synthesis,
        },
        Row {
            id: "E6",
            measured: "mean fat content of a day's milk",
            published: "41 ± 8 g/L. Hit: volume-weighted 30–50 g/L every day from the model's day 7",
            source: "Kent et al. 2006",
            note: None,
            reads: Reads::the_default_run,
            check: e6_daily_fat,
        },
        Row {
            id: "E7",
            measured: "fat during a feed",
            published: "fat = 21.59 + 9.38·d + 70.99·d² g/L (d = degree of emptying): ≈ 22 full, \
                        ≈ 100 drained. Hit: last milk ≥ 1.8× the first (mean); every point of \
                        flow within ±30% of the curve (over 100 points)",
            source: "Daly, Di Rosso, Owens & Hartmann 1993 Exp Physiol 78:741; Mizuno 2009",
            note: None,
            reads: e7_reads,
            check: e7_fat_during_a_feed,
        },
    ]
}

fn nothing() -> Reads {
    Reads::Nothing
}

// ----------------------------------------------------------------------------------------------
// Onset of lactation (A)

/// A1: milk removed on day 1 in 15–100 ml.
fn a1_day_one_volume(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let Some(v) = removed(&r, 0) else {
        return fail("no day 1 in the run");
    };
    Outcome::new(
        (15.0..=100.0).contains(&v),
        format!("day 0 (the first 24 h): {v:.0} ml"),
    )
}

/// A2: milk removed on day 3 in 150–500 ml and on day 5 in 400–800 ml.
fn a2_day_three_and_five_volume(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let (Some(d3), Some(d5)) = (removed(&r, 2), removed(&r, 4)) else {
        return fail("run shorter than 5 days");
    };
    Outcome::new(
        (150.0..=500.0).contains(&d3) && (400.0..=800.0).contains(&d5),
        format!("day 2 (Saint's day 3): {d3:.0} ml; day 4 (day 5): {d5:.0} ml"),
    )
}

/// A3: of the day-to-day increases into days 2–10, the largest is into day 3 or day 4.
fn a3_steepest_rise(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let Some(v) = (0..10)
        .map(|d| removed(&r, d))
        .collect::<Option<Vec<f64>>>()
    else {
        return fail("run shorter than 10 days");
    };
    // rises[k] is the increase into day index k + 1.
    let rises: Vec<f64> = v.windows(2).map(|w| w[1] - w[0]).collect();
    let Some((k, rise)) = rises.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) else {
        return fail("no rises");
    };
    let day_index = k + 1;
    Outcome::new(
        day_index == 2 || day_index == 3,
        format!(
            "steepest rise into day {day_index} (Saint's day {}): +{rise:.0} ml",
            day_index + 1
        ),
    )
}

/// A4: milk Na on day 1 ≥ 3× day 10; Na of the session nearest 72 h ≤ 2× day 10.
fn a4_sodium_falls(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let (Some(d1), Some(d10)) = (r.days.first(), r.days.get(9)) else {
        return fail("run shorter than 10 days");
    };
    let Some(s72) = session_near(&r, 72.0) else {
        return fail("no session removed milk");
    };
    let (na1, na10, na72) = (
        d1.milk.sodium_mmol_l,
        d10.milk.sodium_mmol_l,
        s72.milk.sodium_mmol_l,
    );
    Outcome::new(
        na1 >= 3.0 * na10 && na72 <= 2.0 * na10,
        format!("Na day 0: {na1:.1}; at 72 h: {na72:.1}; day 9: {na10:.1} mmol/L"),
    )
}

/// A5: lactose on day 1 ≤ 0.75 × day 10.
fn a5_lactose_rises(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let (Some(d1), Some(d10)) = (r.days.first(), r.days.get(9)) else {
        return fail("run shorter than 10 days");
    };
    let (l1, l10) = (d1.milk.lactose_g_l, d10.milk.lactose_g_l);
    Outcome::new(
        l1 <= 0.75 * l10,
        format!("lactose day 0: {l1:.1} g/L; day 9: {l10:.1} g/L"),
    )
}

/// A6: sIgA on day 1 ≥ 5× day 14; over days 1–10 the secretion of lactoferrin
/// (concentration × volume, the pathways' own timing) peaks later than that of sIgA.
fn a6_siga_and_lactoferrin(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    if r.days.len() < 14 {
        return fail("run shorter than 14 days");
    }
    let (s1, s14) = (r.days[0].milk.siga_g_l, r.days[13].milk.siga_g_l);
    let peak =
        |f: &dyn Fn(usize) -> f64| (0..10).max_by(|&a, &b| f(a).total_cmp(&f(b))).unwrap_or(0);
    let siga = |d: usize| r.days[d].milk.siga_g_l * r.days[d].total_removed_ml();
    let lf = |d: usize| r.days[d].milk.lactoferrin_g_l * r.days[d].total_removed_ml();
    let (ps, pl) = (peak(&siga), peak(&lf));
    Outcome::new(
        s1 >= 5.0 * s14 && pl > ps,
        format!(
            "sIgA day 0: {s1:.2} g/L, day 13: {s14:.2} g/L; secretion peaks: sIgA day {ps}, \
             lactoferrin day {pl}"
        ),
    )
}

/// A7: on day 21 lactose, protein, Na, K, Cl, sIgA and lactoferrin each within ±30% of the
/// mature figure.
fn a7_mature_composition(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let Some(d) = r.days.get(20) else {
        return fail("run shorter than 21 days");
    };
    let m = d.milk;
    let rows = [
        ("lactose", m.lactose_g_l, 70.0, "g/L"),
        ("protein", m.protein_g_l, 10.5, "g/L"),
        ("Na", m.sodium_mmol_l, 8.0, "mmol/L"),
        ("K", m.potassium_mmol_l, 13.0, "mmol/L"),
        ("Cl", m.chloride_mmol_l, 12.0, "mmol/L"),
        ("sIgA", m.siga_g_l, 0.75, "g/L"),
        ("lactoferrin", m.lactoferrin_g_l, 2.0, "g/L"),
    ];
    let within = |v: f64, target: f64| (v - target).abs() <= 0.3 * target;
    let figures: Vec<String> = rows
        .iter()
        .map(|(name, v, _, unit)| format!("{name} {v:.2} {unit}"))
        .collect();
    let off: Vec<&str> = rows
        .iter()
        .filter(|(_, v, target, _)| !within(*v, *target))
        .map(|(name, ..)| *name)
        .collect();
    let mut model = format!("day 20: {}", figures.join(", "));
    if !off.is_empty() {
        model.push_str(&format!("; outside ±30%: {}", off.join(", ")));
    }
    Outcome::new(off.is_empty(), model)
}

// ----------------------------------------------------------------------------------------------
// Established lactation (E)

/// Every day of `run` from `from_day` on has `value` inside `range`: the outcome names the lowest
/// and highest day (`what` and `decimals` say how to write a value) and how many fall outside.
fn every_day_within(
    run: &Run,
    from_day: usize,
    range: std::ops::RangeInclusive<f64>,
    value: impl Fn(&crate::run::DaySummary) -> f64,
    what: &str,
    decimals: usize,
) -> Outcome {
    let Some(late) = run.days.get(from_day..).filter(|d| !d.is_empty()) else {
        return fail(format!("run shorter than {} days", from_day + 1));
    };
    let outside = late.iter().filter(|d| !range.contains(&value(d))).count();
    let Some(((dl, lo), (dh, hi))) = extremes(late.iter().map(|d| (d.day, value(d)))) else {
        return fail("no days");
    };
    let mut model = format!(
        "lowest {lo:.decimals$} {what} (day {dl}), highest {hi:.decimals$} {what} (day {dh}) from day {from_day} to day {}",
        run.days.len()
    );
    if outside > 0 {
        model.push_str(&format!("; {outside} days outside"));
    }
    Outcome::new(outside == 0, model)
}

/// E1: milk removed 600–1000 ml on every day from day 30 to 179 of the 6-month run.
fn e1_production(runs: &Runs) -> Outcome {
    let r = runs.of(&long_scenario());
    every_day_within(&r, 30, 600.0..=1000.0, |d| d.total_removed_ml(), "ml", 0)
}

/// E2: 8–14 breastfeeds on every day from day 7.
fn e2_feeds_a_day(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    every_day_within(
        &r,
        7,
        8.0..=14.0,
        |d| d.breastfeeds as f64,
        "breastfeeds",
        0,
    )
}

/// E3: mean milk per breastfeed after day 14 in 50–130 ml.
fn e3_milk_per_breastfeed(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let late = breastfeeds_after(&r, 14.0);
    let Some(m) = mean(late.iter().map(|s| s.total_removed_ml())) else {
        return fail("no breastfeeds after day 14");
    };
    Outcome::new(
        (50.0..=130.0).contains(&m),
        format!(
            "mean {m:.0} ml per breastfeed ({} after day 14)",
            late.len()
        ),
    )
}

/// E3b: mean share of the available milk a breastfeed removes, after day 14, in 55–85%.
fn e3b_share_removed(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let late = breastfeeds_after(&r, 14.0);
    let Some(m) = mean(late.iter().map(|s| s.share_removed())) else {
        return fail("no breastfeeds after day 14");
    };
    Outcome::new(
        (0.55..=0.85).contains(&m),
        format!(
            "mean {:.0}% removed ({} breastfeeds after day 14)",
            m * 100.0,
            late.len()
        ),
    )
}

/// E4: the default storage capacity of each breast in 150–300 ml.
fn e4_storage_capacity(_runs: &Runs) -> Outcome {
    let m = Scenario::default().mother;
    let (l, r) = (m.storage_capacity_left_ml, m.storage_capacity_right_ml);
    let range = 150.0..=300.0;
    Outcome::new(
        range.contains(&l) && range.contains(&r),
        format!("left {l:.0} ml, right {r:.0} ml"),
    )
}

/// E5: between-feed synthesis of one breast after day 14, over more than 50 gaps: every gap
/// 5–60 ml/h, mean 12–30 ml/h, and the more thoroughly emptied half faster than the other.
fn e5_short_term_synthesis(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let mut rates = between_feed_rates(&r, 14.0);
    let n = rates.len();
    let Some(m) = mean(rates.iter().map(|x| x.0)) else {
        return fail("no between-feed gaps after day 14");
    };
    let Some(((_, lo), (_, hi))) = extremes(rates.iter().map(|x| (0, x.0))) else {
        return fail("no between-feed gaps after day 14");
    };
    let every = rates.iter().all(|x| (5.0..=60.0).contains(&x.0));
    // Faster after a fuller emptying: the most and the least thorough halves.
    rates.sort_by(|a, b| a.1.total_cmp(&b.1));
    let half = n / 2;
    let (less, more) = (
        mean(rates[..half].iter().map(|x| x.0)),
        mean(rates[half..].iter().map(|x| x.0)),
    );
    let faster = matches!((less, more), (Some(l), Some(m)) if m > l);
    Outcome::new(
        n > 50 && every && (12.0..=30.0).contains(&m) && faster,
        format!(
            "mean {m:.1} ml/h (each {lo:.1}–{hi:.1}, {n} gaps); after fuller emptying {:.2} vs \
             {:.2} ml/h",
            more.unwrap_or(f64::NAN),
            less.unwrap_or(f64::NAN)
        ),
    )
}

/// E6: volume-weighted fat of the day's milk 30–50 g/L on every day from day 7.
fn e6_daily_fat(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    every_day_within(&r, 7, 30.0..=50.0, |d| d.milk.fat_g_l, "g/L", 1)
}

/// The same run as the others read, with the fine trace of every session recorded (E7).
fn e7_traced() -> WantedRun {
    WantedRun {
        options: crate::SimOptions {
            trace_sessions: crate::TraceSessions::All,
            ..crate::SimOptions::default()
        },
        ..WantedRun::new(Scenario::default())
    }
}

fn e7_reads() -> Reads {
    Reads::Runs(vec![e7_traced()])
}

/// E7: in breastfeeds after day 14, the last milk's fat ≥ 1.8× the first's (mean ratio), and at
/// every point of flow (≥ 0.5 ml/min, from a breast giving ≥ 5 ml) the fat of the milk leaving
/// within ±30% of Daly's curve at that degree of emptying; more than 100 such points.
fn e7_fat_during_a_feed(runs: &Runs) -> Outcome {
    let traced = e7_traced();
    let r = runs.of_with(&traced.scenario, &traced.options);
    let late = breastfeeds_after(&r, 14.0);
    let Some(ratio) = mean(
        late.iter()
            .map(|s| s.last_milk_fat_g_l / s.first_milk_fat_g_l),
    ) else {
        return fail("no breastfeeds after day 14");
    };
    let cap = Scenario::default().mother.storage_capacity_left_ml;
    let (mut checked, mut off) = (0usize, 0usize);
    // The point furthest from the curve: (relative deviation, fat, d, curve).
    let mut worst = (0.0_f64, f64::NAN, f64::NAN, f64::NAN);
    for s in &late {
        for b in Breast::BOTH {
            let i = b.index();
            if s.removed_ml[i] < 5.0 {
                continue;
            }
            let mut stored = s.stored_at_start_ml[i];
            let tr = &s.trace;
            let mut last_t = s.start_h;
            for (k, &t) in tr.t_h.iter().enumerate() {
                let dt_min = (t - last_t) * 60.0;
                last_t = t;
                let (Some(&flow), Some(&fat)) =
                    (tr.flow_ml_per_min[i].get(k), tr.fat_g_l[i].get(k))
                else {
                    break;
                };
                stored -= flow * dt_min;
                if flow < 0.5 || !fat.is_finite() {
                    continue;
                }
                let d = (1.0 - stored / cap).clamp(0.0, 1.0);
                let expected = daly_fat_g_per_l(d);
                let dev = (fat - expected).abs() / expected;
                if !(fat - expected).abs().le(&(0.3 * expected)) {
                    off += 1;
                }
                if dev > worst.0 || dev.is_nan() {
                    worst = (dev, fat, d, expected);
                }
                checked += 1;
            }
        }
    }
    Outcome::new(
        ratio >= 1.8 && off == 0 && checked > 100,
        format!(
            "last/first fat {ratio:.2}; {off} of {checked} points off the curve by > 30% \
             (furthest: {:.1} g/L at emptying {:.2}, curve {:.1})",
            worst.1, worst.2, worst.3
        ),
    )
}
