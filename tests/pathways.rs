//! From blood to milk (issue "From blood to milk"): what the five secretory pathways moved adds
//! up to the milk the run stores and removes — session by session, for water, lactose, fat,
//! sodium and protein.

use lactosim::Scenario;
use lactosim::model::pathways::{PathwayTotals, from_blood};
use lactosim::run::{MilkHeld, Run};
use lactosim::scenario::Breast;

/// The sample taken at `t_h`.
fn at(run: &Run, t_h: f64) -> usize {
    let i = run.series.t_h.partition_point(|&t| t < t_h - 1e-9);
    assert!((run.series.t_h[i] - t_h).abs() < 1e-9, "a sample at {t_h}");
    i
}

/// Both breasts' totals at sample `i`.
fn totals(run: &Run, i: usize) -> PathwayTotals {
    let [l, r] = Breast::BOTH.map(|b| run.series.glands[b.index()].pathways[i]);
    l.plus(&r)
}

#[test]
fn the_pathways_add_up_to_the_milk_stored_and_removed_session_by_session() {
    let run = lactosim::simulate(&Scenario::default()).unwrap();
    let mut checked = 0;
    let mut worst = [0.0f64; 7];
    for (k, s) in run.sessions.iter().enumerate() {
        // A session alone (no other one removing milk meanwhile), ended inside the run.
        let alone = run
            .sessions
            .iter()
            .enumerate()
            .all(|(j, o)| j == k || o.end_h <= s.start_h || o.start_h >= s.end_h);
        if !alone || s.end_h >= run.horizon_h {
            continue;
        }
        let p = s.pathways[0].plus(&s.pathways[1]);
        assert!(
            p.resorbed_ml.abs() < 1e-12,
            "nothing resorbed while milk is removed"
        );
        let held = |h: &[MilkHeld; 2], f: fn(&MilkHeld) -> f64| f(&h[0]) + f(&h[1]);
        let removed_ml: f64 = s.removed_ml.iter().sum();
        let l = removed_ml / 1000.0;
        let m = &s.milk;
        // Put in by the pathways = more held + removed (the composition the session reports).
        let went = |f: fn(&MilkHeld) -> f64, removed: f64| {
            held(&s.held_at_end, f) - held(&s.held_at_start, f) + removed
        };
        let checks = [
            (p.exocytosis_water_ml, went(|h| h.ml, removed_ml)),
            (
                p.exocytosis_lactose_g + p.paracellular_lactose_g,
                went(|h| h.lactose_g, m.lactose_g_l * l),
            ),
            (p.lipid_fat_g, went(|h| h.fat_g, m.fat_g_l * l)),
            (
                p.apical_sodium_mmol + p.paracellular_sodium_mmol,
                went(|h| h.sodium_mmol, m.sodium_mmol_l * l),
            ),
            (
                p.apical_potassium_mmol + p.paracellular_potassium_mmol,
                went(|h| h.potassium_mmol, m.potassium_mmol_l * l),
            ),
            (
                p.apical_chloride_mmol + p.paracellular_chloride_mmol,
                went(|h| h.chloride_mmol, m.chloride_mmol_l * l),
            ),
            (
                p.exocytosis_protein_g + p.transcytosis_siga_g,
                went(|h| h.protein_g, m.protein_g_l * l),
            ),
        ];
        for (n, (put_in, went)) in checks.iter().enumerate() {
            let scale = put_in.abs().max(went.abs()).max(1e-3);
            worst[n] = worst[n].max((put_in - went).abs() / scale);
        }
        checked += 1;
    }
    eprintln!(
        "{checked} sessions; worst relative misses (water, lactose, fat, Na, K, Cl, protein): {worst:?}"
    );
    assert!(checked > 100, "{checked}");
    for (n, w) in worst.iter().enumerate() {
        assert!(*w < 1e-9, "quantity {n} misses by {w}");
    }
}

/// A day's milk by the pathways, against the day's summary, and the glucose it took.
#[test]
fn a_days_milk_and_the_blood_it_took() {
    let run = lactosim::simulate(&Scenario::default()).unwrap();
    let (i0, i1) = (at(&run, 20.0 * 24.0), at(&run, 21.0 * 24.0));
    let day = totals(&run, i1).rate_since(&totals(&run, i0), 1.0);
    let blood = from_blood(&day);
    let made = day.exocytosis_water_ml;
    assert!((650.0..950.0).contains(&made), "{made} ml made on day 20");
    // The pathways' water is the milk the day's summary says was made (another account).
    let summary: f64 = run.days[20].production_ml.iter().sum();
    assert!(
        (made / summary - 1.0).abs() < 0.005,
        "{made} vs {summary} ml"
    );
    // Lactose ≈ 70 g/L of milk → ≈ 74 g of glucose per litre.
    assert!(
        (blood.glucose_g / made * 1000.0 - 73.7).abs() < 0.5,
        "{blood:?}"
    );
    // The junctions are sealed by then: the paracellular route moves (almost) nothing.
    assert!(
        day.paracellular_sodium_mmol.abs() < 1e-3 * day.apical_sodium_mmol,
        "{day:?}"
    );
    // In the first hours after birth they are open: sodium comes in between the cells, lactose leaks out.
    let early = totals(&run, at(&run, 12.0));
    assert!(
        early.paracellular_sodium_mmol > 0.0 && early.paracellular_lactose_g < 0.0,
        "{early:?}"
    );
}
