//! The `lactosim` command line: `run` and `check`, their files and their error messages.

use std::path::Path;
use std::process::{Command, Output};

fn lactosim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lactosim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn run_without_preset_prints_a_28_day_story() {
    let o = lactosim(&["run"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .collect();
    assert_eq!(rows.len(), 28, "{out}");
    assert!(out.contains("Supply"), "{out}");
}

#[test]
fn run_out_writes_four_csv_files_with_units_in_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let o = lactosim(&[
        "run",
        "--days",
        "3",
        "--out",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", text(&o).1);
    let header = |f: &str| {
        let body = std::fs::read_to_string(dir.path().join(f)).unwrap();
        let lines: Vec<String> = body.lines().map(str::to_owned).collect();
        assert!(lines.len() > 2, "{f} has no rows");
        lines[0].clone()
    };
    let series = header("series.csv");
    for col in [
        "t_h",
        "prolactin_ng_ml",
        "left_stored_ml",
        "production_24h_ml",
        "stored_fat_g_l",
        "stored_sodium_mmol_l",
    ] {
        assert!(
            series.split(',').any(|c| c == col),
            "series.csv lacks {col}: {series}"
        );
    }
    assert!(header("days.csv").starts_with("day,production_ml,"));
    assert!(header("sessions.csv").contains("first_milk_fat_g_l"));
    assert!(header("events.csv").starts_with("t_h,time,event"));
    // Three days of series every 5 minutes: 3 × 288 + 1 rows and a header.
    let n = std::fs::read_to_string(dir.path().join("series.csv"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(n, 3 * 288 + 2);
}

/// What reaches the milk is written too, when she takes something that does: each breastfeed
/// from her first dose with what it carried.
#[test]
fn run_out_writes_what_each_feed_carried_when_she_takes_coffee() {
    let dir = tempfile::tempdir().unwrap();
    let preset = write(
        dir.path(),
        "coffee.ron",
        "(version: 2, schedule: (responsive: Some((from_day: 0.0)), mother_takes: [(substance: Caffeine, dose_mg: 95.0, every_h: 6.0, first_at_clock_h: 8.0, from_day: 1.0, to_day: 3.0, max_per_day: Some(2))]), horizon_days: 3.0)",
    );
    let out = dir.path().join("out");
    let o = lactosim(&["run", &preset, "--out", out.to_str().unwrap()]);
    let (stdout, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        stdout.contains("pathways.csv, reaches_milk.csv"),
        "{stdout}"
    );
    let body = std::fs::read_to_string(out.join("reaches_milk.csv")).unwrap();
    let mut lines = body.lines();
    assert_eq!(
        lines.next(),
        Some("substance,session,start_h,start,drank_ml,milk_mg_per_l,carried_mg")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.len() > 10, "{body}");
    for r in &rows {
        assert_eq!(r[0], "caffeine");
        // Carried = concentration × what the baby drank (to the file's rounding).
        let (ml, c, mg): (f64, f64, f64) = (
            r[4].parse().unwrap(),
            r[5].parse().unwrap(),
            r[6].parse().unwrap(),
        );
        assert!((mg - c * ml / 1000.0).abs() < 1e-5, "{r:?}");
    }
    // Without anything taken, no such file.
    let plain = dir.path().join("plain");
    let o = lactosim(&["run", "--days", "2", "--out", plain.to_str().unwrap(), "-q"]);
    assert!(o.status.success());
    assert!(!plain.join("reaches_milk.csv").exists());
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let o = lactosim(&["run", "no-such-file.ron"]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("no-such-file.ron") && err.contains("cannot read"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn broken_ron_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "broken.ron",
        "(\n  version: 1,\n  horizon_days: [\n)",
    );
    let o = lactosim(&["run", &f]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(err.contains("broken.ron:"), "{err}");
    assert!(err.contains("horizon_days"), "{err}");
}

#[test]
fn check_reports_every_problem_with_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "bad.ron",
        "(\n  version: 1,\n  horizon_days: 400,\n  infant: (effectiveness_0_to_1: -1),\n)",
    );
    let good = write(dir.path(), "good.ron", "(version: 1, horizon_days: 5)");
    let o = lactosim(&["check", &good, &f]);
    let (out, err) = text(&o);
    assert!(!o.status.success());
    assert!(out.contains("good.ron: ok"), "{out}");
    assert!(err.contains("bad.ron:3:3: horizon_days:"), "{err}");
    assert!(
        err.contains("bad.ron:4:12: infant.effectiveness_0_to_1:"),
        "{err}"
    );
}

#[test]
fn overlapping_sessions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "overlap.ron",
        "(\n  version: 1,\n  schedule: (sessions: [\n    (at_h: 30, duration_min: 30, side: Left),\n    (at_h: 30.2, side: Left),\n  ]),\n)",
    );
    let o = lactosim(&["run", &f]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("overlap.ron:5:5: schedule.sessions[1]"),
        "{err}"
    );
    assert!(err.contains("overlaps"), "{err}");
}

#[test]
fn days_out_of_range_names_the_flag() {
    let o = lactosim(&["run", "--days", "1000"]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(err.contains("--days"), "{err}");
}

#[test]
fn ensemble_prints_per_day_ranges_and_writes_the_same_three_files_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let o = lactosim(&[
            "ensemble",
            "--mothers",
            "12",
            "--days",
            "6",
            "--out",
            out.to_str().unwrap(),
        ]);
        let (stdout, err) = text(&o);
        assert!(o.status.success(), "{err}");
        assert!(stdout.contains("12 mothers like her"), "{stdout}");
        assert!(stdout.contains("Most mothers like her (8 in 10 of 12 simulated)"));
        // Not a terminal here: no progress bar in what was written.
        assert!(!err.contains('#'), "{err}");
    }
    for name in [
        "days_percentiles.csv",
        "series_percentiles.csv",
        "members.csv",
    ] {
        let first = std::fs::read_to_string(a.join(name)).unwrap();
        assert_eq!(
            first,
            std::fs::read_to_string(b.join(name)).unwrap(),
            "{name}"
        );
        let lines: Vec<&str> = first.lines().collect();
        let expected = match name {
            "days_percentiles.csv" => 1 + 6,
            "series_percentiles.csv" => 1 + 6 * 24 + 1,
            _ => 1 + 12,
        };
        assert_eq!(lines.len(), expected, "{name}");
    }
    let days = std::fs::read_to_string(a.join("days_percentiles.csv")).unwrap();
    assert!(days.starts_with("day,production_ml_p10,production_ml_p25,production_ml_p50"));
    let members = std::fs::read_to_string(a.join("members.csv")).unwrap();
    assert!(members.starts_with("member,storage_capacity_left_ml,"));
    // Bad input: said like run's, non-zero.
    let o = lactosim(&["ensemble", "--mothers", "0"]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("1 to 10000 mothers"), "{}", text(&o).1);
}

#[test]
fn ask_answers_a_parents_question_from_her_babys_age() {
    let o = lactosim(&["ask", "night-bottle", "--age-days", "35"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.starts_with("What if my baby has a bottle of formula instead of one night feed"),
        "{out}"
    );
    assert!(out.contains("ml a day"), "{out}");
    assert!(out.contains("When the night feed comes back"), "{out}");
    assert!(out.contains("midwife"), "{out}");

    // Every question when none is named; a question that does not exist is refused by name.
    let all = text(&lactosim(&["ask", "--age-days", "35"])).0;
    for q in lactosim::questions::Question::ALL {
        assert!(all.contains(q.asked()), "{} missing", q.id());
    }
    let o = lactosim(&["ask", "coffee", "--age-days", "35"]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("the questions are night-bottle"));
}

#[test]
fn fit_prints_her_values_with_ranges_and_writes_a_preset_that_goes_on_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("her.ron");
    let log = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/logs/pump-log.csv");
    let o = lactosim(&[
        "fit",
        log,
        "--day-of-life",
        "40",
        "--out",
        out.to_str().unwrap(),
    ]);
    let (stdout, stderr) = text(&o);
    assert!(o.status.success(), "{stderr}");
    assert!(stdout.contains("storage capacity, left breast"), "{stdout}");
    assert!(stdout.contains("10th–90th"), "{stdout}");
    assert!(
        stdout.contains("The model fits her 7 sessions to within"),
        "{stdout}"
    );
    // Her scenario opens and runs: the log's days, then two weeks more.
    let sc = lactosim::preset::read_file(&out).expect("a preset");
    assert_eq!(sc.horizon_days, 42.0 + 14.0);
    assert!(lactosim::simulate(&sc).is_ok());

    // A log with dates needs to know where it sits in the baby's life.
    let o = lactosim(&["fit", log]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("--day-of-life"));
    // A bad log is reported by line.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "start,kind\n2026-11-30 06:00,drink\n").unwrap();
    let o = lactosim(&["fit", bad.to_str().unwrap(), "--day-of-life", "40"]);
    assert!(
        text(&o).1.contains("line 2, column “kind”"),
        "{}",
        text(&o).1
    );
}

/// A preset as a link, and the link in place of a file: the same scenario; a damaged link says
/// so (issue "lactosim in the browser").
#[test]
fn link_prints_a_link_that_run_and_check_read_as_the_preset() {
    let preset = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/presets/night-feeds-dropped.ron"
    );
    let o = lactosim(&["link", preset, "--base", "https://example.org/lactosim/"]);
    let (link, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let link = link.trim().to_owned();
    assert!(
        link.starts_with("https://example.org/lactosim/#s="),
        "{link}"
    );
    assert!(link.len() < 2000, "{} characters", link.len());
    let from_link = lactosim(&["run", &link, "--days", "3"]);
    let from_file = lactosim(&["run", preset, "--days", "3"]);
    assert!(from_link.status.success(), "{}", text(&from_link).1);
    assert_eq!(text(&from_link).0, text(&from_file).0);
    let o = lactosim(&["check", &link]);
    assert!(
        text(&o).0.contains("ok (Night feeds dropped"),
        "{}",
        text(&o).0
    );
    let o = lactosim(&["check", &link[..link.len() - 30]]);
    assert!(!o.status.success());
    assert!(
        text(&o).1.starts_with("the link: it is damaged"),
        "{}",
        text(&o).1
    );
}

/// `run --fingerprint`: every number of the run, bit for bit, hashed (the browser test compares
/// the page's with it). The same scenario gives the same fingerprint, in the same process or
/// another, and the simulation's own hash of the run agrees.
#[test]
fn run_prints_the_fingerprint_of_the_run() {
    let fingerprint = |args: &[&str]| {
        let o = lactosim(args);
        let (out, err) = text(&o);
        assert!(o.status.success(), "{err}");
        let line = out
            .lines()
            .find_map(|l| l.strip_prefix("fingerprint: "))
            .unwrap_or_else(|| panic!("no fingerprint in {out}"))
            .to_owned();
        assert_eq!(line.len(), 16, "{line}");
        assert!(line.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
        line
    };
    let default = fingerprint(&["run", "--fingerprint", "--quiet"]);
    assert_eq!(default, fingerprint(&["run", "--fingerprint"]));
    let run = lactosim::simulate(&lactosim::Scenario::default()).unwrap();
    assert_eq!(default, run.fingerprint());
    let night = fingerprint(&[
        "run",
        "--fingerprint",
        "--quiet",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/presets/night-feeds-dropped.ron"
        ),
    ]);
    assert_ne!(default, night);
}

/// `lactosim run | head`: when what reads the output stops early, the program ends quietly (it
/// panicked with a backtrace: "failed printing to stdout: Broken pipe").
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lactosim"))
        .args(["run", "--days", "365"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The reading end closed before the table is written (a year takes tens of milliseconds).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}
