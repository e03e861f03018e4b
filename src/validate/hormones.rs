//! Hormones and the let-down reflex: rows H of `../shared/physiology/targets.md` (prolactin's
//! trough and surge, synthesis following fullness, let-downs and stress).

use crate::run::{EventKind, Run, SessionResult};
use crate::scenario::Scenario;
use crate::schedule::Kind;

use super::common::{
    breastfeeds, breastfeeds_after, correlation, extremes, fail, long_scenario, mean,
    pump_scenario, the_long_run,
};
use super::{Outcome, Reads, Row, Runs};

/// The hormone and let-down rows, in the order of `targets.md`.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "H1",
            measured: "prolactin between feeds",
            published: "≈ 200 ng/ml at term; 119 ± 93 at 1 month → 59 ± 29 at 6 months; \
                        < 25 non-lactating. Hit: pre-feed trough falls days 3–7 → month 1 → \
                        month 6 and stays above 25 ng/ml",
            source: "Cox et al. 1996; Tay, Glasier & McNeilly 1996; review figures",
            note: None,
            reads: the_long_run,
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
            reads: the_long_run,
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
    ]
}

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
