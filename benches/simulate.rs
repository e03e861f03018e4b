//! Speed of the simulation core (issue: a 28-day default scenario under 10 ms, 365 days under
//! 150 ms on one core). Run with `cargo bench --bench simulate`.

use criterion::{Criterion, criterion_group, criterion_main};
use lactosim::{Scenario, simulate};

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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
