//! Untrusted preset input: no panic, no hang, no huge allocation; every limit a clear error.

use lactosim::preset;

fn err(text: &str) -> String {
    preset::from_str(text, None).unwrap_err().to_string()
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("(version: 1, mother: {}", "(".repeat(100_000));
    assert!(!err(&text).is_empty());
}

#[test]
fn non_finite_and_huge_numbers_are_range_errors() {
    assert!(err("(version: 1, horizon_days: NaN)").contains("horizon_days"));
    assert!(err("(version: 1, horizon_days: inf)").contains("horizon_days"));
    assert!(err("(version: 1, horizon_days: 1000000)").contains("horizon_days"));
    assert!(err("(version: 1, mother: (stress_0_to_1: 1e308))").contains("stress_0_to_1"));
}

#[test]
fn too_many_sessions_are_refused() {
    let one = "(at_h: 1, duration_min: 1, side: Left),";
    let text = format!(
        "(version: 1, schedule: (sessions: [{}]))",
        one.repeat(2_001)
    );
    assert!(err(&text).contains("at most 2000"), "{}", err(&text));
    // A rule that would expand to more sessions than allowed.
    let text = "(version: 1, horizon_days: 365, schedule: (responsive: None, rules: [(every_h: 0.25, to_day: 365, duration_min: 1, side: Left)]))";
    assert!(err(text).contains("more than 20000"), "{}", err(text));
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let e = preset::read_file(&p).unwrap_err().to_string();
    assert!(e.contains("at most"), "{e}");
}

#[test]
fn garbage_bytes_never_panic() {
    for text in [
        "",
        "(",
        ")",
        "(version: 1,",
        "[[[",
        "\"",
        "(version: -1)",
        "(version: 1, seed: -5)",
        "(version: 1, schedule: (rules: [(side: Up)]))",
    ] {
        assert!(preset::from_str(text, None).is_err(), "{text:?}");
    }
}

#[test]
fn saving_is_atomic_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.ron");
    std::fs::write(&p, "old").unwrap();
    let sc = lactosim::Scenario::default();
    preset::write_file(&p, &sc).unwrap();
    let back = preset::read_file(&p).unwrap();
    assert_eq!(back.mother, sc.mother);
    assert_eq!(back.schedule, sc.schedule);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_version_1_file_reads_forever() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/version-1.ron");
    let sc = preset::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sc.version, lactosim::scenario::FORMAT_VERSION);
    assert_eq!(sc.mother.storage_capacity_left_ml, 180.0);
    assert_eq!(sc.schedule.rules.len(), 1);
    assert_eq!(sc.schedule.sessions[0].at_h, 200.0);
    assert!(lactosim::simulate(&sc).is_ok());
}

#[test]
fn the_examples_in_docs_presets_md_read() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/presets.md")).unwrap();
    let mut n = 0;
    for block in doc.split("```ron").skip(1) {
        let text = block.split("```").next().unwrap();
        let sc = preset::from_str(text, None).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(lactosim::simulate(&sc).is_ok());
        n += 1;
    }
    assert_eq!(n, 3);
}

#[test]
fn a_syntax_error_is_said_in_plain_words_with_its_line() {
    // A comma missing after a value: said so, on the line where the reader stopped, shown.
    let e = err("(\n    version: 2,\n    name: \"x\"\n    horizon_days: 28,\n)\n");
    assert!(e.contains(":4:5:"), "{e}");
    assert!(e.contains("a comma is missing"), "{e}");
    assert!(e.contains("4 |     horizon_days: 28,"), "{e}");
    assert!(!e.contains("Expected comma"), "no programmer language: {e}");
    // A bracket left open inside: the error surfaces at the end, the cause is named where it is.
    let e = err("(\n    version: 2,\n    schedule: (rules: [],\n    horizon_days: 28,\n)\n");
    assert!(
        e.contains("Likely cause: the `(` opened on line 3 is never closed"),
        "{e}"
    );
    assert!(e.contains("3 |     schedule: (rules: [],"), "{e}");
    // A quote left open, and a decimal comma.
    assert!(
        err("(version: 2, name: \"x, horizon_days: 28)")
            .contains("not closed: add the missing `\"`")
    );
    assert!(err("(version: 2, horizon_days: 2,8)").contains("decimals take a dot"));
}

proptest::proptest! {
    /// A link is untrusted input: whatever is pasted, reading it gives a scenario or problems,
    /// never a panic (arbitrary text, and arbitrary base64url after `#s=`).
    #[test]
    fn a_pasted_link_never_panics(text in "\\PC{0,300}", payload in "[A-Za-z0-9_\\-%#&= \n]{0,400}") {
        let _ = lactosim::share_link::read_link(&text);
        let _ = lactosim::share_link::read_link(&format!("https://x/#s={payload}"));
        let _ = lactosim::share_link::is_link(&text);
    }
}
