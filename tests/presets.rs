//! Every shipped preset loads, runs, and tells the story its description promises.

use std::path::Path;

use lactosim::run::{EventKind, Run};
use lactosim::{Scenario, preset, simulate};

fn load(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(name);
    preset::read_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn run(sc: &Scenario) -> Run {
    simulate(sc).unwrap()
}

fn made(r: &Run, day: usize) -> f64 {
    r.days[day].total_production_ml()
}

fn mean_made(r: &Run, days: std::ops::Range<usize>) -> f64 {
    let n = days.len() as f64;
    days.map(|d| made(r, d)).sum::<f64>() / n
}

#[test]
fn every_preset_loads_runs_and_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ron") {
            let sc = preset::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                !sc.description.is_empty(),
                "{} has no description",
                p.display()
            );
            let back = preset::from_str(&preset::to_string(&sc), None).unwrap();
            assert_eq!(back.schedule, sc.schedule);
            assert_eq!(back.mother, sc.mother);
            let r = run(&sc);
            assert!(r.balance.volume_error() < 1e-9);
            n += 1;
        }
    }
    assert!(n >= 11, "only {n} presets");
}

#[test]
fn healthy_on_demand_is_the_default_scenario() {
    let sc = load("healthy-on-demand.ron");
    let d = Scenario::default();
    assert_eq!(
        (sc.mother, sc.infant, sc.schedule),
        (d.mother, d.infant, d.schedule)
    );
}

#[test]
fn scheduled_feeds_make_eight_feeds_a_day_and_supply_comes_in() {
    let r = run(&load("scheduled-3-hourly.ron"));
    assert_eq!(r.days[10].breastfeeds, 8);
    assert!(made(&r, 20) > 600.0, "{}", made(&r, 20));
}

#[test]
fn dropping_night_feeds_lowers_supply_within_a_week() {
    let r = run(&load("night-feeds-dropped.ron"));
    let before = mean_made(&r, 17..21);
    let after = mean_made(&r, 28..35);
    assert!(after < 0.85 * before, "{before:.0} → {after:.0} ml/day");
    assert!(r.days[30].breastfeeds < r.days[18].breastfeeds);
}

#[test]
fn exclusive_pumping_builds_supply_with_several_letdowns_a_session() {
    let r = run(&load("exclusive-pumping.ron"));
    assert!(made(&r, 14) > 500.0);
    let late: Vec<_> = r
        .sessions
        .iter()
        .filter(|s| s.start_h > 7.0 * 24.0)
        .collect();
    let ld = late.iter().map(|s| s.letdowns_h.len()).sum::<usize>() as f64 / late.len() as f64;
    assert!((3.0..=7.0).contains(&ld), "{ld:.1} let-downs per session");
    assert!(
        r.sessions
            .iter()
            .all(|s| s.kind == lactosim::schedule::Kind::Pump)
    );
}

#[test]
fn power_pumping_raises_supply() {
    let sc = load("power-pumping.ron");
    let mut without = sc.clone();
    without.schedule.rules.clear();
    let (with, without) = (run(&sc), run(&without));
    assert!(
        mean_made(&with, 28..35) > 1.05 * mean_made(&without, 28..35),
        "{:.0} vs {:.0}",
        mean_made(&with, 28..35),
        mean_made(&without, 28..35)
    );
    assert_eq!(with.days[20].pump_sessions, 3);
    assert!(
        mean_made(&without, 10..14) < 600.0,
        "a low supply to start with"
    );
}

#[test]
fn delayed_activation_brings_the_milk_in_later() {
    let late = run(&load("delayed-activation.ron"));
    let normal = run(&Scenario::default());
    let vol = |r: &Run, d: usize| r.days[d].total_removed_ml();
    assert!(
        vol(&late, 2) < 0.5 * vol(&normal, 2),
        "day 3: {:.0} vs {:.0}",
        vol(&late, 2),
        vol(&normal, 2)
    );
    assert!(late.days[2].milk.sodium_mmol_l > 1.5 * normal.days[2].milk.sodium_mmol_l);
    assert!(vol(&late, 9) > 600.0, "it does come in");
}

#[test]
fn the_favoured_breast_makes_more_and_the_other_involutes() {
    let r = run(&load("one-breast-favoured.ron"));
    let d = &r.days[27];
    assert!(
        d.production_ml[0] > 1.5 * d.production_ml[1],
        "{:?}",
        d.production_ml
    );
    assert!(d.secretory_capacity_ml_per_h[0] > d.secretory_capacity_ml_per_h[1]);
    assert!(lactosim::summary::plain_words(&r).contains("left breast makes"));
}

#[test]
fn pumping_after_feeds_rescues_a_sleepy_babys_supply() {
    let sc = load("sleepy-baby-rescue.ron");
    let mut without = sc.clone();
    without.schedule.rules.truncate(1);
    let (with, without) = (run(&sc), run(&without));
    assert!(
        mean_made(&with, 20..28) > 1.2 * mean_made(&without, 20..28),
        "{:.0} vs {:.0}",
        mean_made(&with, 20..28),
        mean_made(&without, 20..28)
    );
}

#[test]
fn a_missed_night_engorges_and_sodium_rises_then_falls() {
    let r = run(&load("missed-night-engorgement.ron"));
    assert!(
        r.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Engorgement { .. }) && e.t_h > 356.0)
    );
    assert!(
        r.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::JunctionsReopened { .. }))
    );
    let s = &r.series;
    let at = |t: f64| s.stored_milk[s.t_h.iter().position(|&x| x >= t).unwrap()].sodium_mmol_l;
    assert!(
        at(373.0) > 1.5 * at(350.0),
        "Na {:.1} → {:.1}",
        at(350.0),
        at(373.0)
    );
    assert!(
        at(20.0 * 24.0) < 1.2 * at(350.0),
        "Na back to {:.1}",
        at(20.0 * 24.0)
    );
}

#[test]
fn weaning_ends_production_and_prolactin_falls() {
    let sc = load("gradual-weaning.ron");
    let r = run(&sc);
    assert!(
        made(&r, 66) < 0.1 * made(&r, 40),
        "{:.0} → {:.0}",
        made(&r, 40),
        made(&r, 66)
    );
    assert!(r.days[66].mean_prolactin_ng_ml < 0.5 * r.days[40].mean_prolactin_ng_ml);
    assert!(
        r.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Involution { .. }))
    );
}

#[test]
fn stress_delays_letdowns() {
    let r = run(&load("stressed-mother.ron"));
    let calm = run(&Scenario::default());
    let latency = |r: &Run| {
        let v: Vec<f64> = r
            .sessions
            .iter()
            .filter(|s| s.start_h > 7.0 * 24.0)
            .filter_map(|s| s.letdowns_h.first().map(|t| (t - s.start_h) * 60.0))
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(
        latency(&r) > 2.0 * latency(&calm),
        "{:.1} vs {:.1} min",
        latency(&r),
        latency(&calm)
    );
    assert!(r.days[20].letdowns < calm.days[20].letdowns);
}

#[test]
fn three_extra_pumps_raise_supply_within_days() {
    let r = run(&load("three-extra-pumps.ron"));
    let before = made(&r, 20);
    let after = mean_made(&r, 28..35);
    assert!(after > 1.15 * before, "{before:.0} → {after:.0}");
}

/// The shaded episodes of engorgement in the explorer start where the simulation's engorgement
/// events are, one episode per event.
#[test]
fn engorgement_episodes_match_the_engorgement_events() {
    let r = run(&load("missed-night-engorgement.ron"));
    let events: Vec<(lactosim::scenario::Breast, f64)> = r
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Engorgement { breast } => Some((breast, e.t_h)),
            _ => None,
        })
        .collect();
    let spans = r.engorged_spans();
    assert!(!events.is_empty(), "the missed night engorges");
    assert_eq!(spans.len(), events.len());
    for (breast, t) in events {
        assert!(
            spans
                .iter()
                .any(|&(b, t0, t1)| b == breast && (t0 - t).abs() <= 5.0 / 60.0 + 1e-9 && t1 > t0),
            "an episode of the {} breast starts within a sample of {t} h",
            breast.name()
        );
    }
}

/// A session that the end of the run cuts short is not a completed one (its milk is the first,
/// thin milk only).
#[test]
fn a_session_cut_by_the_end_of_the_run_is_not_a_completed_one() {
    let mut sc = Scenario {
        horizon_days: 2.0,
        ..Scenario::default()
    };
    sc.schedule.responsive = None;
    for at_h in [30.0, 47.9] {
        sc.schedule.sessions.push(lactosim::schedule::Session {
            at_h,
            duration_min: 20.0,
            ..Default::default()
        });
    }
    let r = run(&sc);
    assert_eq!(r.sessions.len(), 2);
    let completed: Vec<_> = r.completed_sessions().collect();
    assert_eq!(completed.len(), 1);
    assert!((completed[0].start_h - 30.0).abs() < 1e-6);
}

/// "What happens to supply if the night feeds stop at day 14, and how fast?" in one sentence.
#[test]
fn the_comparison_sentence_says_when_supply_parts_where_it_goes_and_how_fast() {
    let baseline = run(&Scenario::default());
    let mut sc = Scenario::default();
    sc.schedule.responsive.as_mut().unwrap().night_gap = Some(lactosim::schedule::NightGap {
        from_clock_h: 23.0,
        to_clock_h: 6.0,
        from_day: 14.0,
    });
    let now = run(&sc);
    let s = lactosim::summary::compared_words(&now, &baseline).unwrap();
    // Nights from day 14: the first night without feeds starts at 23:00 on day 14, so the first
    // day that makes clearly less milk is day 15 (days since birth, as on the time axis).
    assert!(
        s.starts_with("Supply parts from the baseline on day 15 and falls to ")
            && s.contains("ml/day instead of 790 ("),
        "{s}"
    );
    assert!(s.contains("settling by day"), "{s}");
    // The same scenario against itself: nothing to say.
    assert_eq!(
        lactosim::summary::compared_words(&baseline, &baseline),
        None
    );
    // The other way round it rises.
    let back = lactosim::summary::compared_words(&baseline, &now).unwrap();
    assert!(back.contains("rises"), "{back}");
}

/// With the night feeds given by someone else, the summary says so: appetite above intake is
/// not a hungry baby.
#[test]
fn the_summary_says_where_the_milk_not_asked_of_the_breast_comes_from() {
    let r = run(&load("night-feeds-dropped.ron"));
    let s = lactosim::summary::plain_words(&r);
    assert!(s.contains("is not asked of the breast"), "{s}");
    let d = run(&Scenario::default());
    assert!(!lactosim::summary::plain_words(&d).contains("not asked"));
}

/// The comparison sentence in the cases that are not a clean fall: a dip that passes, and a last
/// day that only part of the run covers.
#[test]
fn the_comparison_sentence_for_a_dip_that_passes_and_for_unequal_runs() {
    let baseline = run(&Scenario::default());
    // One night without feeds, then back to feeding on demand: supply dips and recovers.
    let mut sc = Scenario::default();
    sc.schedule.skips.push(lactosim::schedule::Skip {
        label: "away".into(),
        from_h: 14.0 * 24.0 + 20.0,
        to_h: 15.0 * 24.0 + 14.0,
    });
    let dip = run(&sc);
    let s = lactosim::summary::compared_words(&dip, &baseline).unwrap();
    assert!(
        s.starts_with("Supply falls below the baseline's on day 1")
            && s.contains("is back with it by day"),
        "{s}"
    );
    // A run that ends partway through a day is compared on the days both cover in full.
    let short = run(&Scenario {
        horizon_days: 20.6,
        ..Scenario::default()
    });
    assert_eq!(
        lactosim::summary::compared_words(&short, &baseline),
        None,
        "the same milk on days 0-19"
    );
}

/// With pumping, the summary says how much of the milk is pumped and how much the baby drinks.
#[test]
fn the_summary_says_how_much_is_pumped() {
    let s = lactosim::summary::plain_words(&run(&load("three-extra-pumps.ron")));
    assert!(s.contains("ml is pumped and"), "{s}");
    assert!(!lactosim::summary::plain_words(&run(&Scenario::default())).contains("pumped"));
}
