//! docs/model.md stays true: every parameter (path, default, range) and every internal constant
//! of the model appears in it.

use std::fs;

fn model_md() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md")).unwrap()
}

fn fmt(v: f64) -> String {
    format!("{v}")
}

#[test]
fn every_parameter_is_documented_with_its_default_and_range() {
    let doc = model_md();
    for p in lactosim::params::PARAMS {
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", p.path)))
            .unwrap_or_else(|| panic!("docs/model.md has no row for {}", p.path));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert_eq!(cells[3], p.unit, "{}: unit", p.path);
        assert_eq!(cells[4], fmt(p.default_value()), "{}: default", p.path);
        assert_eq!(
            cells[5],
            format!("{} – {}", fmt(p.min), fmt(p.max)),
            "{}: range",
            p.path
        );
    }
}

#[test]
fn every_model_constant_is_documented() {
    let doc = model_md();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let sim = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sim");
    files.extend(fs::read_dir(sim).unwrap().map(|e| e.unwrap().path()));
    let mut n = 0;
    for f in files {
        for line in fs::read_to_string(&f).unwrap().lines() {
            if let Some(rest) = line.trim().strip_prefix("pub const ") {
                let name = rest.split(':').next().unwrap();
                assert!(
                    doc.contains(&format!("`{name}`")),
                    "docs/model.md does not mention {name} ({})",
                    f.display()
                );
                n += 1;
            }
        }
    }
    assert!(n > 40);
}
