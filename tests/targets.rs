//! The model against the published figures of `../shared/physiology/targets.md`.
//! Each target row is checked by `lactosim::validate` (the same code `lactosim validate` and
//! `docs/validation.md` use); a test here asserts one row by its id. The default scenario must
//! land inside every row marked **default**. The tests after the rows check the run itself.

use std::sync::OnceLock;

use lactosim::run::{EventKind, Run};
use lactosim::scenario::Scenario;
use lactosim::schedule::{Origin, Skip};
use lactosim::{SimOptions, simulate, simulate_with};

/// Assert the target row `id` of `lactosim::validate` passes.
fn assert_row(id: &str) {
    let o = lactosim::validate::check(id).unwrap_or_else(|| panic!("no row {id}"));
    assert!(o.pass, "{id}: {}", o.model);
}

#[test]
fn a1_day_one_volume() {
    assert_row("A1");
}

#[test]
fn a2_day_three_and_five_volume() {
    assert_row("A2");
}

#[test]
fn a3_steepest_rise_on_day_three_or_four() {
    assert_row("A3");
}

#[test]
fn a4_sodium_falls_from_colostrum_by_72_h() {
    assert_row("A4");
}

#[test]
fn a5_lactose_rises_as_sodium_falls() {
    assert_row("A5");
}

#[test]
fn a6_siga_falls_and_lactoferrin_peaks_later() {
    assert_row("A6");
}

#[test]
fn a7_mature_milk_composition() {
    assert_row("A7");
}

#[test]
fn e1_production_from_day_30() {
    assert_row("E1");
}

#[test]
fn e2_feeds_a_day() {
    assert_row("E2");
}

#[test]
fn e3_milk_per_breastfeed() {
    assert_row("E3");
}

#[test]
fn e3b_share_of_available_milk_removed() {
    assert_row("E3b");
}

#[test]
fn e4_default_storage_capacity() {
    assert_row("E4");
}

#[test]
fn e5_short_term_synthesis_rate() {
    assert_row("E5");
}

#[test]
fn e6_daily_fat() {
    assert_row("E6");
}

#[test]
fn e7_fat_rises_as_the_breast_empties() {
    assert_row("E7");
}

#[test]
fn h1_prolactin_trough_falls_but_stays_above_non_lactating() {
    assert_row("H1");
}

#[test]
fn h2_prolactin_surge_with_suckling() {
    assert_row("H2");
}

#[test]
fn h3_short_term_synthesis_follows_fullness_not_prolactin() {
    assert_row("H3");
}

#[test]
fn h4_first_letdown_after_about_a_minute() {
    assert_row("H4");
}

#[test]
fn h5_letdowns_per_session() {
    assert_row("H5");
}

#[test]
fn h6_letdown_moves_milk_in_both_breasts() {
    assert_row("H6");
}

#[test]
fn h7_stress_delays_and_removes_letdowns() {
    assert_row("H7");
}

#[test]
fn l1_supply_follows_removal() {
    assert_row("L1");
}

#[test]
fn l2_each_breast_on_its_own() {
    assert_row("L2");
}

#[test]
fn l3_stasis_raises_sodium_and_ends_production() {
    assert_row("L3");
}

fn default_run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| simulate(&Scenario::default()).unwrap())
}

/// The default scenario carried on to 6 months.
fn long_run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        simulate(&Scenario {
            horizon_days: 180.0,
            ..Scenario::default()
        })
        .unwrap()
    })
}

#[test]
fn volume_and_fat_are_conserved() {
    for r in [default_run(), long_run()] {
        let b = r.balance;
        assert!(
            b.volume_error() < 1e-9,
            "volume error {:.2e}",
            b.volume_error()
        );
        assert!(b.fat_error() < 1e-9, "fat error {:.2e}", b.fat_error());
        // The day tallies agree with the totals.
        let removed: f64 = r.days.iter().map(|d| d.total_removed_ml()).sum();
        assert!((removed - b.removed_ml).abs() < 1e-6 * b.removed_ml.max(1.0) + 1.0);
    }
}

#[test]
fn same_scenario_same_run() {
    let a = simulate(&Scenario::default()).unwrap();
    // Compared as text: a run holds NaN (no milk, no fat), and NaN != NaN.
    assert_eq!(format!("{a:?}"), format!("{:?}", default_run()));
    let other_seed = simulate(&Scenario {
        seed: 7,
        ..Scenario::default()
    })
    .unwrap();
    assert_ne!(a.events, other_seed.events);
}

#[test]
fn integration_error_below_half_a_percent() {
    for sc in [
        Scenario::default(),
        lactosim::validate::common::pump_scenario(),
    ] {
        let fine = simulate_with(&sc, &SimOptions::fine()).unwrap();
        // The window's run and an ensemble member's (longer steps: see `ensemble_member`).
        for options in [SimOptions::default(), SimOptions::ensemble_member()] {
            let coarse = simulate_with(&sc, &options).unwrap();
            let worst = coarse
                .days
                .iter()
                .zip(&fine.days)
                .skip(1)
                .map(|(c, f)| (c.total_production_ml() / f.total_production_ml() - 1.0).abs())
                .fold(0.0, f64::max);
            eprintln!(
                "largest daily production error against the fine run: {:.3}%",
                worst * 100.0
            );
            for (c, f) in coarse.days.iter().zip(&fine.days).skip(1) {
                let (pc, pf) = (c.total_production_ml(), f.total_production_ml());
                assert!(
                    (pc - pf).abs() <= 0.005 * pf,
                    "day {}: {pc:.2} vs fine {pf:.2} ml",
                    c.day + 1
                );
            }
        }
    }
}

#[test]
fn a_missed_night_engorges_and_reopens_junctions() {
    let mut sc = Scenario::default();
    sc.schedule.skips.push(Skip {
        label: "missed night".into(),
        from_h: 14.0 * 24.0 + 20.0,
        to_h: 15.0 * 24.0 + 14.0,
    });
    let r = simulate(&sc).unwrap();
    assert!(
        r.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Engorgement { .. }) && e.t_h > 14.0 * 24.0),
        "a missed night engorges"
    );
    // No feed started inside the skip.
    assert!(!r.sessions.iter().any(|s| s.origin == Origin::Responsive
        && s.start_h > 14.0 * 24.0 + 20.0
        && s.start_h < 15.0 * 24.0 + 14.0));
}
