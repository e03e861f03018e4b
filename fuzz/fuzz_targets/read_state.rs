//! Arbitrary bytes into the reader of the explorer's kept state (what a clean quit stores and the
//! recovery file holds): it must never panic, hang or allocate without bound. A state that reads
//! is restored as the window restores it: each scenario in it (working, as saved, baseline) is
//! simulated on a short horizon (the model's checks turn an invalid one into problems) and put in
//! words, and the view is worked out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(state) = lactosim::kept_state::read(text) else {
        return;
    };
    let _ = state.plots_to_show();
    let scenarios = state
        .document
        .into_iter()
        .flat_map(|d| [d.scenario, d.saved])
        .chain(state.baseline);
    for mut scenario in scenarios {
        scenario.horizon_days = scenario.horizon_days.min(3.0);
        if let Ok(run) = lactosim::simulate(&scenario) {
            let _ = lactosim::summary::plain_words(&run);
        }
    }
});
