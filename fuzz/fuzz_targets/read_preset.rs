//! Arbitrary bytes into the preset reader: it must never panic, hang or allocate without bound.
//! A preset that reads is also simulated (its checks bound the work) on a short horizon.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(mut scenario) = lactosim::preset::from_str(text, None)
    {
        scenario.horizon_days = scenario.horizon_days.min(3.0);
        let _ = lactosim::simulate(&scenario);
    }
});
