//! Reading a mother's log (issue "Her own numbers", part 1): lactosim's CSV and two tracker apps'
//! exports, matched on their headers; every bad row reported with its line and column, none
//! dropped silently; ml and oz; what is left out said.

use std::path::PathBuf;

use lactosim::log::{Format, LogKind, LogSide, MAX_LOG_BYTES, ML_PER_OZ, read_file, read_str};

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/logs")).join(name)
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn lactosim_pump_log_in_ml_and_oz() {
    let log = read_file(&data("pump-log.csv"), None).expect("reads");
    assert_eq!(log.format, Format::Lactosim);
    assert_eq!(log.origin.unwrap().to_string(), "2026-11-30");
    assert_eq!(log.sessions.len(), 7);
    let s = &log.sessions;
    assert!(s.iter().all(|s| s.kind == LogKind::Pump));
    assert!(near(s[0].start_h, 6.0) && near(s[0].end_h.unwrap(), 6.25));
    assert_eq!((s[0].left_ml, s[0].right_ml), (Some(62.0), Some(58.0)));
    // Ounces converted; a total without sides kept as a total.
    assert!(near(s[2].left_ml.unwrap(), 2.0 * ML_PER_OZ));
    assert_eq!(s[3].side, LogSide::Unknown);
    assert_eq!(s[3].ml(), Some(90.0));
    // After midnight counts on from the first day.
    assert!(near(s[6].start_h, 24.5));
    // The note column is read and not used; what was read one way or another is said.
    assert_eq!(
        log.notes,
        [
            "1 row in oz, read as ml at 29.5735 ml per oz",
            "1 session without a side: read as both breasts"
        ]
    );
}

#[test]
fn test_weighing_in_hours_since_birth() {
    let log = read_file(&data("test-weighing.csv"), Some(Format::Lactosim)).expect("reads");
    assert_eq!(log.origin, None);
    let s = &log.sessions;
    assert_eq!(s.len(), 3);
    assert!(near(s[1].start_h, 722.5) && near(s[1].end_h.unwrap(), 722.75));
    assert_eq!(s[0].ml(), Some(78.0), "the weight gained is the milk taken");
    assert_eq!(s[2].side, LogSide::Both);
}

#[test]
fn huckleberry_export_feeds_bottles_and_pumps() {
    let log = read_file(&data("huckleberry.csv"), None).expect("reads");
    assert_eq!(log.format, Format::Huckleberry);
    let kinds: Vec<LogKind> = log.sessions.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            LogKind::Breastfeed,
            LogKind::Breastfeed,
            LogKind::Pump,
            LogKind::Bottle,
            LogKind::Pump
        ]
    );
    let s = &log.sessions;
    assert_eq!(s[0].side, LogSide::Both);
    assert_eq!(s[1].side, LogSide::Right);
    assert_eq!((s[2].left_ml, s[2].right_ml), (Some(60.0), Some(55.0)));
    assert_eq!(s[3].total_ml, Some(90.0));
    assert!(near(s[4].total_ml.unwrap(), 4.0 * ML_PER_OZ));
    // The sleep, the nappy and the growth entry are said to be left out, and the pump logged
    // without a side said to be read as both.
    assert_eq!(
        log.notes,
        [
            "3 rows that are not feeds or pump sessions were left out (1 Diaper, 1 Growth, 1 Sleep)",
            "1 session without a side: read as both breasts"
        ]
    );
}

#[test]
fn baby_tracker_nursing_and_pumping_exports() {
    let nursing = read_file(&data("babytracker-nursing.csv"), None).expect("reads");
    assert_eq!(nursing.format, Format::BabyTracker);
    let s = &nursing.sessions;
    assert_eq!(
        s.iter().map(|s| s.side).collect::<Vec<_>>(),
        [LogSide::Both, LogSide::Right, LogSide::Left]
    );
    assert!(near(s[0].start_h, 6.0 + 5.0 / 60.0));
    assert!(
        near(s[2].start_h, 12.0 + 20.0 / 60.0),
        "12:20 PM is after noon"
    );
    assert!(near(s[0].end_h.unwrap() - s[0].start_h, 21.0 / 60.0));

    let pumping = read_file(&data("babytracker-pumping.csv"), None).expect("reads");
    let p = &pumping.sessions;
    assert!(p.iter().all(|s| s.kind == LogKind::Pump));
    assert!(
        near(p[0].ml().unwrap(), 3.5 * ML_PER_OZ),
        "sides summed, total not added again"
    );
    assert_eq!(p[1].side, LogSide::Unknown);
    assert!(near(p[1].ml().unwrap(), 3.0 * ML_PER_OZ));
}

#[test]
fn every_bad_row_is_reported_with_line_and_column_and_none_dropped() {
    let text = "start,kind,side,left,right,unit\n\
                2026-11-30 06:00,pump,both,60,55,ml\n\
                2026-11-30 25:00,pump,both,60,55,ml\n\
                2026-11-30 09:00,drink,both,60,55,ml\n\
                2026-11-30 12:00,pump,middle,60,55,ml\n\
                2026-11-30 15:00,pump,both,sixty,55,ml\n\
                2026-11-30 18:00,pump,both,60,55,pints\n\
                2026-11-30 21:00,pump,both,60,5000,ml\n";
    let problems = read_str(text, None).expect_err("bad rows");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8], "{said:#?}");
    assert!(
        said[0].starts_with("line 3, column “start”: “2026-11-30 25:00” is not a time"),
        "{}",
        said[0]
    );
    assert!(
        said[1].contains("“drink” is not a kind of session"),
        "{}",
        said[1]
    );
    assert!(said[2].contains("column “side”"), "{}", said[2]);
    assert!(said[3].contains("“sixty” is not an amount"), "{}", said[3]);
    assert!(said[4].contains("“pints” is not a unit"), "{}", said[4]);
    assert!(
        said[5].contains("5000 ml is not an amount one session removes"),
        "{}",
        said[5]
    );
}

#[test]
fn bad_files_are_refused_in_plain_words() {
    let err = |text: &str| read_str(text, None).expect_err("refused")[0].to_string();
    assert!(err("").contains("empty"));
    assert!(err("when,what\n1,2\n").contains("is not one lactosim reads"));
    assert!(err("start,kind\n").contains("no feeding, pumping or bottle entries"));
    assert!(err("start,kind\n2026-11-30 06:00,pump\n3.5,pump\n").contains("one way"));
    assert!(
        err("start,end,kind\n2026-11-30 06:00,2026-11-30 05:00,pump\n")
            .contains("ends before its start")
    );
    // A quote left open swallows the rest of the file into one cell: said as its time.
    let open_quote = err("start,kind\n\"2026-11-30 06:00,pump\n");
    assert!(open_quote.contains("is not a time"), "{open_quote}");
    // A file over the limit is refused before it is read.
    let big = format!(
        "start,kind\n{}",
        "2026-11-30 06:00,pump\n".repeat(MAX_LOG_BYTES / 20 + 1)
    );
    assert!(err(&big).contains("lactosim reads logs up to 10 MB"));
}

#[test]
fn zone_offsets_are_left_out_and_said() {
    let log = read_str(
        "start,kind,total\n2026-11-30T06:00:00+01:00,pump,100\n2026-11-30T09:00:00+01:00,pump,90\n",
        None,
    )
    .unwrap();
    assert!(near(log.sessions[1].start_h, 9.0));
    assert!(
        log.notes.iter().any(|n| n.contains("zone offsets")),
        "{:?}",
        log.notes
    );
}

#[test]
fn test_weights_swapped_and_an_end_written_another_way_are_refused() {
    let weights = read_str(
        "start,minutes,kind,side,weight_before_g,weight_after_g\n720,12,breastfeed,left,4288,4210\n",
        None,
    )
    .expect_err("swapped");
    assert!(
        weights[0]
            .to_string()
            .contains("weighs less after the feed"),
        "{}",
        weights[0]
    );
    // "15" meant as minutes in the end column of a dated log.
    let end = read_str("start,end,kind,total\n2026-11-30 06:00,15,pump,100\n", None)
        .expect_err("end in hours");
    assert!(
        end[0]
            .to_string()
            .starts_with("line 2, column “end”: the end is written another way"),
        "{}",
        end[0]
    );
}
