//! The steady state and the hormones: rows A (onset), E (established lactation), H (hormones and
//! let-down) and L (local control) of `../shared/physiology/targets.md`.
//!
//! Each row's check computes what its test in `tests/targets.rs` used to assert, with the same
//! scenarios and the same thresholds, and says what the model gave. Days in the model's words are
//! counted from 1 (day 1 = the first 24 h, as in the sources), while `Run::days` is indexed from 0.

use crate::model::composition::daly_fat_g_per_l;
use crate::run::{EventKind, Run, SessionResult};
use crate::scenario::{Breast, Scenario};
use crate::schedule::{Kind, NightGap, Rule, Side};

use super::{Outcome, Reads, Row, Runs, WantedRun};

/// Every steady-state row, in the order of `targets.md`.
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
            reads: long_run,
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
        Row {
            id: "H1",
            measured: "prolactin between feeds",
            published: "≈ 200 ng/ml at term; 119 ± 93 at 1 month → 59 ± 29 at 6 months; \
                        < 25 non-lactating. Hit: pre-feed trough falls days 3–7 → month 1 → \
                        month 6 and stays above 25 ng/ml",
            source: "Cox et al. 1996; Tay, Glasier & McNeilly 1996; review figures",
            note: None,
            reads: long_run,
            check: h1_prolactin_trough,
        },
        Row {
            id: "H2",
            measured: "prolactin surge with suckling",
            published: "peak 286 vs basal 119 at 1 month, 91 vs 59 at 6 months; up to 6–8.5× \
                        early. Hit: mean peak 1.5–8× pre-feed, median peak 10–60 min after the \
                        start, at 2 weeks and 3 months; surge smaller at 3 months",
            source: "Cox et al. 1996; Noel, Suh & Frantz 1974; Johnston & Amico 1986",
            note: None,
            reads: long_run,
            check: h2_prolactin_surge,
        },
        Row {
            id: "H3",
            measured: "prolactin and short-term synthesis",
            published: "no correlation between prolactin and the short-term rate of synthesis. \
                        Hit: after day 14, r(synthesis, fullness) < −0.7 and \
                        |r(synthesis, prolactin)| < 0.4",
            source: "Cox et al. 1996",
            note: None,
            reads: Reads::the_default_run,
            check: h3_synthesis_follows_fullness,
        },
        Row {
            id: "H4",
            measured: "first let-down after a breastfeed starts",
            published: "≈ 1 min after suckling starts. Hit: 30–150 s in every breastfeed after day 1",
            source: "Ramsay et al. 2004; Gardner et al. 2015; Ramsay et al. 2005",
            note: Some("The ≈ 1 min figure is not confirmed in a primary text: treat loosely."),
            reads: Reads::the_default_run,
            check: h4_first_letdown,
        },
        Row {
            id: "H5",
            measured: "milk ejections per session",
            published: "2.5 ± 1.5 per breastfeed; 5.1 ± 2.0 in 15 min of double pumping. \
                        Hit: mean 1.5–4 per breastfeed (after day 7); 3–7 per 15-min double pump",
            source: "Ramsay et al. 2004 Pediatrics 113:361; Ramsay et al. 2005; Prime et al. 2011",
            note: None,
            reads: h5_reads,
            check: h5_letdowns_per_session,
        },
        Row {
            id: "H6",
            measured: "let-down in both breasts",
            published: "left and right ejections 95.5% synchronous. Hit: every let-down during \
                        a breastfeed after day 7 moves > 0.5 ml in each breast (over 100 seen)",
            source: "Prime et al. 2009 Int Breastfeed J 4:10",
            note: None,
            reads: Reads::the_default_run,
            check: h6_letdown_in_both_breasts,
        },
        Row {
            id: "H7",
            measured: "stress and let-down (oxytocin)",
            published: "stress makes oxytocin pulses later and fewer. Hit: at stress 0.8, first \
                        let-down > 1.5× later and let-downs a minute < 0.8× the calm default",
            source: "Johnston & Amico 1986; Uvnäs-Moberg et al. 2020; McNeilly et al. 1983; \
                     Ueda et al. 1994",
            note: None,
            reads: h7_reads,
            check: h7_stress_and_letdown,
        },
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

// ----------------------------------------------------------------------------------------------
// Helpers

/// The default scenario carried on to 6 months (E1 from day 31, H1/H2 over months).
fn long_scenario() -> Scenario {
    Scenario {
        horizon_days: 180.0,
        ..Scenario::default()
    }
}

fn long_run() -> Reads {
    Reads::scenarios([long_scenario()])
}

fn nothing() -> Reads {
    Reads::Nothing
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
fn mean(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    (n > 0).then(|| s / n as f64)
}

/// Milk removed on day index `day` (0 = the first 24 h).
fn removed(run: &Run, day: usize) -> Option<f64> {
    run.days.get(day).map(|d| d.total_removed_ml())
}

fn breastfeeds(run: &Run) -> impl Iterator<Item = &SessionResult> {
    run.sessions.iter().filter(|s| s.kind == Kind::Breastfeed)
}

/// Breastfeeds that start after `day` days.
fn breastfeeds_after(run: &Run, day: f64) -> Vec<&SessionResult> {
    breastfeeds(run)
        .filter(|s| s.start_h > day * 24.0)
        .collect()
}

/// The session that removed milk nearest a time.
fn session_near(run: &Run, t_h: f64) -> Option<&SessionResult> {
    run.sessions
        .iter()
        .filter(|s| s.total_removed_ml() > 0.5)
        .min_by(|a, b| (a.start_h - t_h).abs().total_cmp(&(b.start_h - t_h).abs()))
}

/// Lowest and highest of `(day index, value)` pairs: `((day, low), (day, high))`.
fn extremes(v: impl IntoIterator<Item = (usize, f64)>) -> Option<((usize, f64), (usize, f64))> {
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
fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
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
fn between_feed_rates(run: &Run, from_day: f64) -> Vec<(f64, f64)> {
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

fn fail(why: impl Into<String>) -> Outcome {
    Outcome::new(false, why)
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

// ----------------------------------------------------------------------------------------------
// Hormones and let-down (H)

/// H1: over the 6-month run, the mean pre-session prolactin falls from days 3–7 to days 26–35 to
/// days 171–180, and stays above 25 ng/ml at 6 months.
fn h1_prolactin_trough(runs: &Runs) -> Outcome {
    let r = runs.of(&long_scenario());
    let trough = |from: f64, to: f64| {
        mean(
            r.sessions
                .iter()
                .filter(|s| s.start_h >= from * 24.0 && s.start_h < to * 24.0)
                .map(|s| s.prolactin_start_ng_ml),
        )
    };
    let (Some(w1), Some(m1), Some(m6)) =
        (trough(2.0, 7.0), trough(25.0, 35.0), trough(170.0, 180.0))
    else {
        return fail("no sessions in days 3–7, 26–35 or 171–180");
    };
    Outcome::new(
        w1 > m1 && m1 > m6 && m6 > 25.0,
        format!("trough {w1:.0} (days 3–7) → {m1:.0} (month 1) → {m6:.0} ng/ml (month 6)"),
    )
}

/// The prolactin surge of the sessions starting in days `from`..`to` (0-based days): mean
/// peak / pre-session ratio, median minutes from the start to the peak, mean rise (ng/ml).
fn surge(r: &Run, from: f64, to: f64) -> Option<(f64, f64, f64)> {
    let s: Vec<&SessionResult> = r
        .sessions
        .iter()
        .filter(|s| s.start_h >= from * 24.0 && s.start_h < to * 24.0)
        .collect();
    // Cox 1996 reports means: the mean ratio and the median time of the peak.
    let ratio = mean(
        s.iter()
            .map(|x| x.prolactin_peak_ng_ml / x.prolactin_start_ng_ml),
    )?;
    let mut after: Vec<f64> = s
        .iter()
        .map(|x| (x.prolactin_peak_h - x.start_h) * 60.0)
        .collect();
    after.sort_by(f64::total_cmp);
    let median = *after.get(after.len() / 2)?;
    let rise = mean(
        s.iter()
            .map(|x| x.prolactin_peak_ng_ml - x.prolactin_start_ng_ml),
    )?;
    Some((ratio, median, rise))
}

/// H2: at 2 weeks (days 14–15) and at 3 months (days 90–91) the mean prolactin peak is 1.5–8×
/// the pre-session level, its median time 10–60 min after the start; the rise is smaller at
/// 3 months.
fn h2_prolactin_surge(runs: &Runs) -> Outcome {
    let r = runs.of(&long_scenario());
    let (Some(w2), Some(m3)) = (surge(&r, 13.0, 15.0), surge(&r, 89.0, 91.0)) else {
        return fail("no sessions in days 14–15 or 90–91");
    };
    let ok = |(ratio, median, _): (f64, f64, f64)| {
        (1.5..=8.0).contains(&ratio) && (10.0..=60.0).contains(&median)
    };
    Outcome::new(
        ok(w2) && ok(m3) && m3.2 < w2.2,
        format!(
            "2 weeks: peak {:.1}× pre-feed, {:.0} min after the start, +{:.0} ng/ml; \
             3 months: {:.1}×, {:.0} min, +{:.0} ng/ml",
            w2.0, w2.1, w2.2, m3.0, m3.1, m3.2
        ),
    )
}

/// H3: after day 14 the left breast's rate of synthesis correlates with its fullness
/// (r < −0.7) and not with prolactin (|r| < 0.4).
fn h3_synthesis_follows_fullness(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let s = &r.series;
    let Some(from) = s.t_h.iter().position(|&t| t > 14.0 * 24.0) else {
        return fail("run shorter than 14 days");
    };
    let g = &s.glands[0];
    let (Some(synth), Some(full), Some(prl)) = (
        g.synthesis_ml_per_h.get(from..),
        g.fullness_0_to_1.get(from..),
        s.prolactin_ng_ml.get(from..),
    ) else {
        return fail("series of different lengths");
    };
    let (Some(with_fullness), Some(with_prolactin)) =
        (correlation(full, synth), correlation(prl, synth))
    else {
        return fail("series of different lengths");
    };
    Outcome::new(
        with_fullness < -0.7 && with_prolactin.abs() < 0.4,
        format!(
            "r(synthesis, fullness) {with_fullness:.2}; r(synthesis, prolactin) \
             {with_prolactin:.2} (left breast, after day 14)"
        ),
    )
}

/// H4: in every breastfeed after day 1 (that ends within the run), the first let-down comes
/// 30–150 s after the start.
fn h4_first_letdown(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    // (A feed cut short by the end of the run may not have reached its first let-down.)
    let feeds: Vec<&SessionResult> = breastfeeds(&r)
        .filter(|s| s.start_h > 24.0 && s.end_h < r.horizon_h)
        .collect();
    if feeds.is_empty() {
        return fail("no breastfeeds after day 1");
    }
    let secs: Vec<f64> = feeds
        .iter()
        .filter_map(|s| s.letdowns_h.first().map(|t| (t - s.start_h) * 3600.0))
        .collect();
    let without = feeds.len() - secs.len();
    let outside = secs.iter().filter(|x| !(30.0..=150.0).contains(*x)).count();
    let mut model = match extremes(secs.iter().map(|&x| (0, x))) {
        Some(((_, lo), (_, hi))) => format!(
            "first let-down {lo:.0}–{hi:.0} s after the start ({} breastfeeds after day 1)",
            feeds.len()
        ),
        None => "no let-downs".to_string(),
    };
    if without > 0 {
        model.push_str(&format!("; {without} without a let-down"));
    }
    Outcome::new(without == 0 && outside == 0, model)
}

fn h5_reads() -> Reads {
    Reads::scenarios([Scenario::default(), pump_scenario()])
}

/// H5: after day 7, 1.5–4 let-downs per breastfeed (mean); 3–7 per 15-min double pump (mean,
/// pumping only, 14 days).
fn h5_letdowns_per_session(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let Some(feed) = mean(
        breastfeeds_after(&r, 7.0)
            .iter()
            .map(|s| s.letdowns_h.len() as f64),
    ) else {
        return fail("no breastfeeds after day 7");
    };
    let p = runs.of(&pump_scenario());
    let Some(pump) = mean(p.sessions.iter().map(|s| s.letdowns_h.len() as f64)) else {
        return fail("no pump sessions");
    };
    Outcome::new(
        (1.5..=4.0).contains(&feed) && (3.0..=7.0).contains(&pump),
        format!("{feed:.2} per breastfeed; {pump:.2} per 15-min double pump"),
    )
}

/// H6: every let-down during a breastfeed after day 7 makes > 0.5 ml available in each breast;
/// more than 100 such let-downs.
fn h6_letdown_in_both_breasts(runs: &Runs) -> Outcome {
    let r = runs.default_run();
    let (mut seen, mut both) = (0usize, 0usize);
    let mut least = f64::INFINITY;
    for e in &r.events {
        if let EventKind::LetDown {
            session,
            made_available_ml,
        } = e.kind
        {
            let Some(s) = r.sessions.get(session) else {
                continue;
            };
            if e.t_h > 7.0 * 24.0 && s.kind == Kind::Breastfeed {
                seen += 1;
                if made_available_ml[0] > 0.5 && made_available_ml[1] > 0.5 {
                    both += 1;
                }
                least = least.min(made_available_ml[0].min(made_available_ml[1]));
            }
        }
    }
    if seen == 0 {
        return fail("no let-downs during breastfeeds after day 7");
    }
    Outcome::new(
        both == seen && seen > 100,
        format!(
            "{both} of {seen} let-downs (breastfeeds after day 7) moved milk in both breasts; \
             least {least:.1} ml"
        ),
    )
}

/// First let-down latency (s, mean) and let-downs a minute over breastfeeds after day 7.
fn letdown_stats(r: &Run) -> Option<(f64, f64)> {
    let late = breastfeeds_after(r, 7.0);
    let latency = mean(
        late.iter()
            .filter_map(|s| s.letdowns_h.first().map(|t| (t - s.start_h) * 3600.0)),
    )?;
    let minutes: f64 = late.iter().map(|s| s.duration_min()).sum();
    if minutes <= 0.0 {
        return None;
    }
    let per_min = late.iter().map(|s| s.letdowns_h.len() as f64).sum::<f64>() / minutes;
    Some((latency, per_min))
}

/// The default scenario with a mother at stress 0.8 (H7).
fn h7_stressed() -> Scenario {
    let mut sc = Scenario::default();
    sc.mother.stress_0_to_1 = 0.8;
    sc
}

fn h7_reads() -> Reads {
    Reads::scenarios([Scenario::default(), h7_stressed()])
}

/// H7: at stress 0.8, breastfeeds after day 7 have their first let-down > 1.5× later and
/// < 0.8× as many let-downs a minute as the calm default.
fn h7_stress_and_letdown(runs: &Runs) -> Outcome {
    let calm = runs.default_run();
    let stressed = runs.of(&h7_stressed());
    let Some((lc, rc)) = letdown_stats(&calm) else {
        return fail("no let-downs in breastfeeds after day 7 (calm)");
    };
    let Some((ls, rs)) = letdown_stats(&stressed) else {
        return fail("no let-downs in breastfeeds after day 7 (stressed)");
    };
    Outcome::new(
        ls > 1.5 * lc && rs < 0.8 * rc,
        format!(
            "first let-down {lc:.0} s calm vs {ls:.0} s stressed; {rc:.3} vs {rs:.3} let-downs \
             a minute"
        ),
    )
}

// ----------------------------------------------------------------------------------------------
// Local (autocrine) control (L)

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
