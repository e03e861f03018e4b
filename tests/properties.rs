//! Property tests: any scenario inside the documented ranges simulates without panic, NaN or
//! negative volumes, conserves volume and fat, and never has more than 18 feeds in a day.

use lactosim::params::PARAMS;
use lactosim::scenario::Scenario;
use lactosim::schedule::{Kind, Rule, Side};
use lactosim::simulate;
use proptest::prelude::*;

fn scenario() -> impl Strategy<Value = Scenario> {
    let params = proptest::collection::vec(0.0f64..=1.0, PARAMS.len());
    let rule = (
        0.5f64..12.0,
        0.0f64..24.0,
        1.0f64..40.0,
        any::<bool>(),
        0usize..4,
    );
    (
        params,
        proptest::option::of(rule),
        any::<bool>(),
        any::<u64>(),
        2.0f64..8.0,
    )
        .prop_map(|(u, rule, responsive, seed, days)| {
            let mut sc = Scenario::default();
            for (p, u) in PARAMS.iter().zip(u) {
                (p.set)(&mut sc, p.min + u * (p.max - p.min));
            }
            sc.horizon_days = days;
            sc.seed = seed;
            if !responsive {
                sc.schedule.responsive = None;
            }
            if let Some((every_h, first, minutes, pump, side)) = rule {
                sc.schedule.rules.push(Rule {
                    kind: if pump { Kind::Pump } else { Kind::Breastfeed },
                    side: [Side::Left, Side::Right, Side::Both, Side::Alternate][side],
                    // Long enough that a rule never overlaps itself, and a valid scenario
                    // plans at most 18 breastfeeds a day (D7).
                    every_h: every_h.max(2.0 * minutes / 60.0 + 0.1).max(if pump {
                        0.0
                    } else {
                        24.0 / 18.0
                    }),
                    first_at_clock_h: first,
                    from_day: 0.0,
                    to_day: days,
                    duration_min: minutes,
                    ..Rule::default()
                });
            }
            sc
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn simulation_is_sound_for_any_valid_scenario(sc in scenario()) {
        let run = simulate(&sc).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let s = &run.series;
        for g in &s.glands {
            for (&v, &c) in g.stored_ml.iter().zip(&g.secretory_capacity_ml_per_h) {
                prop_assert!(v.is_finite() && v >= -1e-9, "stored {}", v);
                prop_assert!(c.is_finite() && c > 0.0, "capacity {}", c);
            }
        }
        for &p in &s.prolactin_ng_ml {
            prop_assert!(p.is_finite() && p >= 0.0);
        }
        for d in &run.days {
            prop_assert!(d.total_production_ml() >= 0.0 && d.total_removed_ml() >= 0.0);
            // D7: never more than 18 breastfeeds in a day, whatever the parameters.
            prop_assert!(d.breastfeeds <= 18, "{} breastfeeds on day {}", d.breastfeeds, d.day);
        }
        prop_assert!(run.balance.volume_error() < 1e-9, "volume {:e}", run.balance.volume_error());
        prop_assert!(run.balance.fat_error() < 1e-9, "fat {:e}", run.balance.fat_error());
    }
}
