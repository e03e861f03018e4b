//! Responses to change (targets D1–D10 of `../shared/physiology/targets.md`), each a pair of
//! scenarios differing only in the change, run by the library's validation rows
//! (`lactosim::validate`, the same code `lactosim validate` prints); plus the questions a
//! clinician asks that no single row pins (a weak suck, a return to work), the day counts, the
//! medicines in the schedule and the validation report in `docs/validation.md`.

use lactosim::model::pharmacology::Substance;
use lactosim::mother_takes::Dosing;
use lactosim::run::{EventKind, Run};
use lactosim::scenario::Scenario;
use lactosim::schedule::{Kind, NightGap, Rule, Session, Side};
use lactosim::{preset, simulate, validate};

fn assert_row(id: &str) {
    let o = validate::check(id).unwrap_or_else(|| panic!("no row {id}"));
    assert!(o.pass, "{id}: {}", o.model);
}

#[test]
fn d1_extra_pumping_raises_supply_by_tens_of_percent_over_weeks() {
    assert_row("D1");
}

#[test]
fn d2_a_change_on_one_breast_moves_that_breast_only() {
    assert_row("D2");
}

#[test]
fn d3_halving_removals_lowers_supply_and_it_recovers() {
    assert_row("D3");
}

#[test]
fn d4_a_pump_removes_what_kent_measured_and_pumping_makes_what_feeding_makes() {
    assert_row("D4");
}

#[test]
fn d5_a_dopamine_agonist_stops_lactation() {
    assert_row("D5");
}

#[test]
fn d6_a_dopamine_antagonist_raises_prolactin_and_supply_only_where_it_was_limiting() {
    assert_row("D6");
}

#[test]
fn d7_feeds_in_the_first_week_and_never_more_than_18() {
    assert_row("D7");
}

#[test]
fn d8_without_removal_milk_comes_in_and_is_resorbed() {
    assert_row("D8");
}

#[test]
fn d9_after_weaning_sodium_climbs_over_weeks() {
    assert_row("D9");
}

#[test]
fn d10_stress_thins_letdowns_more_than_yield() {
    assert_row("D10");
}

fn made(r: &Run, days: std::ops::Range<usize>) -> f64 {
    let n = days.len() as f64;
    days.map(|d| r.days[d].total_production_ml()).sum::<f64>() / n
}

#[test]
fn a_weak_suck_leaves_milk_behind_and_supply_falls() {
    let healthy = simulate(&Scenario::default()).unwrap();
    let mut sc = Scenario::default();
    sc.infant.effectiveness_0_to_1 = 0.45;
    let weak = simulate(&sc).unwrap();
    let (h, w) = (made(&healthy, 21..28), made(&weak, 21..28));
    assert!(w < 0.9 * h, "weak suck {w:.0} vs healthy {h:.0} ml/day");
    // The baby does not make up for it by feeding without end.
    assert!(weak.days.iter().all(|d| d.breastfeeds <= 18));
}

/// Back to work from day 90: nobody feeds 08:00–17:00 on any day, with or without three pumps.
fn back_to_work(pumps: bool) -> Scenario {
    let mut sc = Scenario {
        horizon_days: 120.0,
        ..Scenario::default()
    };
    if let Some(r) = sc.schedule.responsive.as_mut() {
        r.night_gap = Some(NightGap {
            from_clock_h: 8.0,
            to_clock_h: 17.0,
            from_day: 90.0,
        });
    }
    if pumps {
        sc.schedule.rules = vec![Rule {
            label: "pump at work".into(),
            kind: Kind::Pump,
            side: Side::Both,
            every_h: 3.0,
            first_at_clock_h: 9.5,
            from_day: 90.0,
            to_day: 120.0,
            max_per_day: Some(3),
            duration_min: 15.0,
            ..Rule::default()
        }];
    }
    sc
}

#[test]
fn back_to_work_lowers_supply_over_days_and_pumping_at_work_holds_it() {
    let home = simulate(&Scenario {
        horizon_days: 120.0,
        ..Scenario::default()
    })
    .unwrap();
    let away = simulate(&back_to_work(false)).unwrap();
    let pumping = simulate(&back_to_work(true)).unwrap();
    let before = made(&home, 83..90);
    // Not within a day and then flat: it goes on falling over the first week.
    let first = made(&away, 90..91) / before;
    let week = made(&away, 96..97) / before;
    let month = made(&away, 113..120) / before;
    assert!(first > 0.75, "first day at work {first:.2}");
    assert!(week < first, "falls over days: {first:.2} → {week:.2}");
    assert!(month < 0.85, "a month later {month:.2}");
    // Pumps at work replace feeds: supply is held (three thorough double pumps empty the breasts
    // a little better than the feeds they replace: a few percent more, not the old +13% in a day).
    let first_day = made(&pumping, 90..91) / before;
    let held = made(&pumping, 113..120) / before;
    assert!(first_day < 1.05, "first day with pumping {first_day:.2}");
    assert!((0.85..=1.1).contains(&held), "with pumping {held:.2}");
}

#[test]
fn a_session_starting_at_midnight_counts_in_the_day_it_starts() {
    let mut sc = Scenario::default();
    sc.schedule.responsive = None;
    sc.schedule.sessions = vec![Session {
        at_h: 48.0,
        kind: Kind::Pump,
        ..Session::default()
    }];
    sc.horizon_days = 4.0;
    let r = simulate(&sc).unwrap();
    assert_eq!(r.days[1].pump_sessions, 0);
    assert_eq!(r.days[2].pump_sessions, 1);
    assert!(lactosim::export::day_table(&r).lines().any(|l| {
        let c: Vec<&str> = l.split_whitespace().collect();
        c.first() == Some(&"2") && c.get(6) == Some(&"1")
    }));
}

#[test]
fn more_than_18_planned_feeds_a_day_is_a_problem_and_many_pumps_a_warning() {
    let mut sc = Scenario::default();
    sc.schedule.responsive = None;
    sc.schedule.rules = vec![Rule {
        every_h: 1.0,
        duration_min: 10.0,
        to_day: 2.0,
        ..Rule::default()
    }];
    let problems = sc.validate();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("18 breastfeeds")),
        "{problems:?}"
    );
    sc.schedule.rules[0].kind = Kind::Pump;
    let r = simulate(&sc).unwrap();
    assert!(
        r.warnings
            .iter()
            .any(|w| w.message.contains("pump sessions")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_medicine_is_taken_on_its_days_and_acts_on_prolactin() {
    let mut sc = Scenario::default();
    sc.schedule.mother_takes = vec![Dosing::usual(Substance::Domperidone, 10.0, 14.0)];
    let r = simulate(&sc).unwrap();
    let doses: Vec<f64> = r
        .events
        .iter()
        .filter_map(|e| matches!(e.kind, EventKind::Dose { .. }).then_some(e.t_h))
        .collect();
    // Every 8 h from 08:00 on day 10 until day 14: 08:00, 16:00 and midnight, 11 doses.
    assert_eq!(doses.len(), 11);
    assert!(doses.iter().all(|&t| (248.0..336.0).contains(&t)));
    let s = &r.series;
    let at = |h: f64| s.prolactin_release_factor[s.t_h.partition_point(|&t| t < h)];
    assert_eq!(at(200.0), 1.0);
    assert!(at(13.0 * 24.0) > 2.0);
    assert!(at(20.0 * 24.0) < 1.01, "cleared a week after the last dose");
}

#[test]
fn an_old_preset_with_drug_factor_reads_as_a_course() {
    let text = "(version: 1, mother: (prolactin: (drug_factor: 3.0)), horizon_days: 21)";
    let sc = preset::from_str(text, None).unwrap();
    assert_eq!(sc.version, lactosim::scenario::FORMAT_VERSION);
    assert_eq!(sc.mother.prolactin.drug_factor, None);
    let c = &sc.schedule.mother_takes[..];
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].substance, Substance::Domperidone);
    assert_eq!((c[0].from_day, c[0].to_day), (0.0, 21.0));
    // The course gives about the old factor.
    let r = simulate(&sc).unwrap();
    let late = &r.series.prolactin_release_factor[r.series.len() / 2..];
    let mean = late.iter().sum::<f64>() / late.len() as f64;
    assert!((2.6..=3.4).contains(&mean), "{mean}");
    // Written back, it is format 2 without drug_factor, and reads again unchanged.
    let mut again = preset::from_str(&preset::to_string(&sc), None).unwrap();
    again.written_by.clear();
    assert_eq!(again, sc);
    // A version-2 file may not use it.
    let err = preset::from_str(
        "(version: 2, mother: (prolactin: (drug_factor: 2.0)))",
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("mother_takes"), "{err}");
}

#[test]
fn the_validation_report_in_docs_is_what_the_command_writes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/validation.md");
    let written = std::fs::read_to_string(path).unwrap_or_default();
    let now = validate::markdown(&validate::check_all());
    assert!(
        written == now,
        "docs/validation.md is out of date: run `cargo run --release -- validate --out docs/validation.md`"
    );
}

/// Checked a piece at a time, as in the browser (each run a row reads a week at a time before
/// the row, the mothers of the P rows a month of one at a time, not on every core at once),
/// the report is the same, row for row, and no row's check simulates anything itself (a row
/// that does not say all it reads would hold the page for the whole of that run).
#[test]
fn the_validation_checked_in_pieces_is_the_same_report() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/validation.md");
    let written = std::fs::read_to_string(path).unwrap_or_default();
    let mut checking = validate::Checking::start();
    let mut steps = 0;
    let mut fractions = vec![checking.done_fraction()];
    while checking.step() {
        steps += 1;
        fractions.push(checking.done_fraction());
    }
    // More steps than rows: the mothers were simulated in pieces of their own.
    assert!(steps > checking.checked.len() + 300, "{steps} steps");
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(fractions.last(), Some(&1.0));
    assert_eq!(checking.checked.len(), checking.rows());
    assert_eq!(
        checking.simulated_by_checks(),
        0,
        "a row's check simulated a run its row does not say it reads"
    );
    assert!(
        written == validate::markdown(&checking.checked),
        "the report checked in pieces differs from docs/validation.md"
    );
}

/// A check begun a piece at a time and finished whole (a run half simulated, then the rest at
/// once) gives the outcomes of a check done whole, and its progress only rises.
#[test]
fn a_check_begun_in_pieces_can_be_finished_whole() {
    let rows = || {
        ["D1", "D3"]
            .map(|id| validate::row(id).unwrap())
            .into_iter()
            .collect::<Vec<_>>()
    };
    let mut whole = validate::Checking::of_rows(rows());
    while whole.advance() {}
    let mut mixed = validate::Checking::of_rows(rows());
    let mut fractions = vec![mixed.done_fraction()];
    // Into the first run: begun, and a few weeks of it.
    for _ in 0..4 {
        assert!(mixed.step());
        fractions.push(mixed.done_fraction());
    }
    assert!(mixed.checked.is_empty());
    assert!(fractions.last().is_some_and(|f| *f > 0.0));
    while mixed.advance() {
        fractions.push(mixed.done_fraction());
    }
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    assert_eq!(fractions.last(), Some(&1.0));
    assert_eq!(mixed.simulated_by_checks(), 0);
    let outcomes = |c: &validate::Checking| {
        c.checked
            .iter()
            .map(|c| (c.row.id, c.outcome.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(outcomes(&mixed), outcomes(&whole));
    assert_eq!(mixed.checked.len(), 2);
}

#[test]
fn plans_a_mother_cannot_keep_are_flagged_and_ordinary_ones_are_not() {
    let flagged = |sc: &Scenario, words: &str| {
        simulate(sc)
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.message.contains(words))
    };
    let (busy, no_sleep, too_short) = (
        "little time to sleep or eat",
        "no stretch of",
        "ended before the first let-down",
    );
    // The rescue plan: 8 feeds and 8 pumps a day, sessions all round the clock.
    let rescue = lactosim::examples::Example::named("sleepy-baby-rescue.ron")
        .unwrap()
        .scenario()
        .unwrap();
    assert!(flagged(&rescue, busy) && flagged(&rescue, no_sleep));
    // A one-minute pump session is over before the first let-down.
    let mut short = Scenario::default();
    short.schedule.sessions = vec![Session {
        at_h: 5.0 * 24.0 + 10.0,
        kind: Kind::Pump,
        duration_min: 1.0,
        ..Session::default()
    }];
    assert!(flagged(&short, too_short));
    // Feeding on demand, and 8 pump sessions a day (every 3 h), are not flagged.
    for sc in [
        Scenario::default(),
        lactosim::validate::common::pump_scenario(),
    ] {
        for words in [busy, no_sleep, too_short] {
            assert!(!flagged(&sc, words), "{}: {words}", sc.name);
        }
    }
}
