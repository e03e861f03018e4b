//! The worst day of every preset: daily production with the default numerics against a run
//! with ten times finer steps (`docs/model.md`, Numerics). `cargo run --release --example
//! preset_error [STEP_BETWEEN_SESSIONS_MIN]`.

use lactosim::{SimOptions, simulate_with};
fn main() {
    let mut paths: Vec<_> = std::fs::read_dir("presets")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let alt = std::env::args().nth(1).map(|s| s.parse::<f64>().unwrap());
    for p in paths {
        let sc = lactosim::preset::read_file(&p).unwrap();
        let mut o = SimOptions::default();
        if let Some(b) = alt {
            o.step_between_sessions_min = b;
        }
        let c = simulate_with(&sc, &o).unwrap();
        let f = simulate_with(&sc, &SimOptions::fine()).unwrap();
        let (mut worst, mut at) = (0.0f64, 0);
        for (a, b) in c.days.iter().zip(&f.days).skip(1) {
            let e = (a.total_production_ml() / b.total_production_ml().max(1.0) - 1.0).abs();
            if b.total_production_ml() > 50.0 && e > worst {
                worst = e;
                at = a.day;
            }
        }
        println!(
            "{:40} worst {:.3}% (day {at})",
            p.file_name().unwrap().to_string_lossy(),
            worst * 100.0
        );
    }
}
