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
