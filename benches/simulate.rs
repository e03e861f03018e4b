//! Speed of the simulation core: one run as the window makes it (5-minute series; the trace of
//! one feed is simulated when it is opened, `trace_of`), one member of an ensemble (hourly
//! series), the trace of one feed, and whole ensembles on every core. Run with
//! `cargo bench --bench simulate`.

use criterion::{Criterion, criterion_group, criterion_main};
use lactosim::{Scenario, SimOptions, simulate, simulate_with};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("simulate");
    g.sample_size(20);
    for days in [28.0, 365.0] {
        let sc = Scenario {
            horizon_days: days,
            ..Scenario::default()
        };
        g.bench_function(format!("default_{days}_days"), |b| {
            b.iter(|| simulate(std::hint::black_box(&sc)).unwrap())
        });
    }
    let sc = Scenario {
        horizon_days: 28.0,
        ..Scenario::default()
    };
    let member = SimOptions::ensemble_member();
    g.bench_function("ensemble_member_28_days", |b| {
        b.iter(|| simulate_with(std::hint::black_box(&sc), &member).unwrap())
    });
    // Opening a feed of the last day of the 28 in the window.
    let run = simulate(&sc).unwrap();
    let last = run.sessions.len() - 2;
    let start_h = run.sessions[last].start_h;
    g.bench_function("trace_of_a_day_28_feed", |b| {
        b.iter(|| lactosim::trace_of(std::hint::black_box(&sc), last, start_h).unwrap())
    });
    g.finish();

    // An ensemble on every core: 200 mothers (the window's) and 1000.
    let mut g = c.benchmark_group("ensemble");
    g.sample_size(10);
    for mothers in [200, 1000] {
        g.bench_function(format!("{mothers}_mothers_28_days"), |b| {
            b.iter(|| {
                lactosim::ensemble::simulate_ensemble(std::hint::black_box(&sc), mothers).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
