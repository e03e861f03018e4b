//! The integration's own promises (the samples read inside a long step between sessions are
//! tested in `sim::sampling`): the fine trace of one feed, simulated when it is opened, is the trace the
//! whole run would have recorded; and recording traces changes nothing else.

use lactosim::{Scenario, SimOptions, TraceSessions, simulate_with, trace_of};

fn traced_run(sc: &Scenario) -> lactosim::run::Run {
    let all = SimOptions {
        trace_sessions: TraceSessions::All,
        ..SimOptions::default()
    };
    simulate_with(sc, &all).unwrap()
}

/// Every number of a trace, bit for bit (the fat is NaN where nothing flows).
fn bits(t: &lactosim::run::SessionTrace) -> Vec<u64> {
    let [f0, f1] = &t.flow_ml_per_min;
    let [g0, g1] = &t.fat_g_l;
    [&t.t_h, f0, f1, g0, g1, &t.removed_ml, &t.oxytocin_pg_ml]
        .iter()
        .flat_map(|v| v.iter().map(|x| x.to_bits()))
        .collect()
}

#[test]
fn a_trace_simulated_on_its_own_is_the_run_s_trace() {
    for path in [
        "presets/healthy-on-demand.ron",
        "presets/back-to-work-pumping.ron",
    ] {
        let sc = lactosim::preset::read_file(std::path::Path::new(path)).unwrap();
        let full = traced_run(&sc);
        let n = full.sessions.len();
        assert!(n > 20, "{path}: {n} sessions");
        for i in [0, 1, n / 2, n - 2, n - 1] {
            let s = &full.sessions[i];
            let one = trace_of(&sc, i, s.start_h).expect("the session exists");
            assert!(!one.t_h.is_empty(), "{path} session {i}: empty trace");
            assert_eq!(bits(&one), bits(&s.trace), "{path} session {i}");
        }
        assert_eq!(trace_of(&sc, n + 5, 1.0), None);
    }
}

#[test]
fn recording_traces_changes_nothing_else() {
    let sc = Scenario::default();
    let mut traced = traced_run(&sc);
    let plain = simulate_with(&sc, &SimOptions::default()).unwrap();
    assert!(plain.sessions.iter().all(|s| s.trace.t_h.is_empty()));
    for s in &mut traced.sessions {
        s.trace = Default::default();
    }
    // Compared as text: the run holds NaN (a fat where nothing flowed), which is never == itself.
    assert_eq!(format!("{traced:?}"), format!("{plain:?}"));
}

/// The browser steps a run a slice at a time between frames: the run it ends with is the run
/// simulated at once, bit for bit, however the slices fall (on a session, a dose, midnight).
#[test]
fn a_run_stepped_in_slices_is_the_run_simulated_at_once() {
    use lactosim::sim::Simulation;
    let mut scenarios = vec![("the default".to_owned(), Scenario::default())];
    for file in [
        "night-feeds-dropped.ron",
        "domperidone-low-supply.ron",
        "back-to-work-pumping.ron",
    ] {
        let path = format!("{}/presets/{file}", env!("CARGO_MANIFEST_DIR"));
        let sc = lactosim::preset::read_file(std::path::Path::new(&path)).unwrap();
        scenarios.push((file.to_owned(), sc));
    }
    for (file, sc) in scenarios {
        let options = SimOptions::default();
        let whole = simulate_with(&sc, &options).unwrap();
        for slice_h in [0.37, 5.0, 24.0, 1000.0] {
            let mut stepped = Simulation::start(&sc, &options).unwrap();
            let mut slices = 0;
            while !stepped.is_done() {
                let before = stepped.simulated_h();
                stepped.advance_to(before + slice_h);
                assert!(stepped.simulated_h() > before, "{file}: a slice moves on");
                assert!((0.0..=1.0).contains(&stepped.done_fraction()));
                slices += 1;
            }
            // A step may end past a slice's end (steps between feeds are up to half an hour).
            if slice_h < sc.horizon_days * 24.0 {
                assert!(slices > 1, "{file}: stepped in slices of {slice_h} h");
            }
            let stepped = stepped.finish();
            assert_eq!(
                stepped.fingerprint(),
                whole.fingerprint(),
                "{file} in slices of {slice_h} h: not the same bits"
            );
            assert_eq!(stepped, whole, "{file} in slices of {slice_h} h");
        }
    }
}
