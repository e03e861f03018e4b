//! Baby Tracker's CSV exports, one file per kind of entry, matched on their headers:
//! - nursing: `Baby, Time, Start Side, Left duration (min), Right duration (min), Total Duration
//!   (min), Note` — a breastfeed on the sides with minutes;
//! - pumping: `Baby, Time, …, Left amount (oz.), Right amount (oz.), Total amount (oz.), Note` —
//!   the unit is read from the header ("(oz.)" or "(ml)"), and the total used when the sides are
//!   not given.

use super::clock;
use super::table::{Table, cell};
use super::{LogKind, LogProblem, LogSide, ML_PER_OZ, Row, Rows, amount_ml, minutes_cell};

pub(crate) fn read(t: &Table) -> Result<Rows, Vec<LogProblem>> {
    let nursing = t.column_starting("left duration").is_some();
    let pumping =
        t.column_starting("total amount").is_some() || t.column_starting("left amount").is_some();
    if !(nursing || pumping) {
        return Err(vec![LogProblem {
            line: 1,
            column: None,
            message: "a Baby Tracker export lactosim reads is the nursing one (with “Left duration (min)”) or the pumping one (with “Total amount (oz.)”)".to_owned(),
        }]);
    }
    // The unit of an amount column, from its header.
    let unit = |header: &str| {
        if header.to_lowercase().contains("ml") {
            1.0
        } else {
            ML_PER_OZ
        }
    };
    let amount_col = |prefix: &str| t.column_starting(prefix).map(|(c, h)| (c, unit(h)));
    let (left_amount, right_amount, total_amount) = (
        amount_col("left amount"),
        amount_col("right amount"),
        amount_col("total amount"),
    );
    let minutes_col = |prefix: &str| t.column_starting(prefix).map(|(c, _)| c);
    let (left_min, right_min, total_min) = (
        minutes_col("left duration"),
        minutes_col("right duration"),
        minutes_col("total duration"),
    );
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut offsets_ignored = false;
    for (line, r) in &t.rows {
        let line = *line;
        let mut bad = |column: Option<usize>, message: String| {
            problems.push(LogProblem {
                line,
                column: column.map(|c| t.header(c)),
                message,
            })
        };
        let time_col = t.column("time");
        let start = match clock::parse(cell(r, time_col)) {
            Ok((w, read)) => {
                offsets_ignored |= read.offset_ignored;
                w
            }
            Err(e) => {
                bad(time_col, e);
                continue;
            }
        };
        let mut minutes = |c: Option<usize>| -> Option<f64> {
            minutes_cell(cell(r, c)).unwrap_or_else(|e| {
                bad(c, e);
                None
            })
        };
        let row = if nursing {
            let (l, rr, total) = (minutes(left_min), minutes(right_min), minutes(total_min));
            let used = |m: Option<f64>| m.is_some_and(|m| m > 0.0);
            let side = match (used(l), used(rr)) {
                (true, true) => LogSide::Both,
                (true, false) => LogSide::Left,
                (false, true) => LogSide::Right,
                (false, false) => LogSide::Unknown,
            };
            let total = total.or(match (l, rr) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
            });
            Row {
                line,
                kind: LogKind::Breastfeed,
                side,
                start,
                end: None,
                minutes: total,
                left_ml: None,
                right_ml: None,
                total_ml: None,
                weight_before_g: None,
                weight_after_g: None,
            }
        } else {
            let mut amount = |c: Option<(usize, f64)>| -> Option<f64> {
                let (col, unit_ml) = c?;
                match amount_ml(cell(r, Some(col)), unit_ml) {
                    Ok(v) => v,
                    Err(e) => {
                        bad(Some(col), e);
                        None
                    }
                }
            };
            let (l, rr, total) = (
                amount(left_amount),
                amount(right_amount),
                amount(total_amount),
            );
            let side = match (l, rr) {
                (Some(a), Some(b)) if a > 0.0 && b > 0.0 => LogSide::Both,
                (Some(a), _) if a > 0.0 => LogSide::Left,
                (_, Some(b)) if b > 0.0 => LogSide::Right,
                _ => LogSide::Unknown,
            };
            // With both sides given, the total is their sum (not read twice).
            let total = if l.is_some() || rr.is_some() {
                None
            } else {
                total
            };
            Row {
                line,
                kind: LogKind::Pump,
                side,
                start,
                end: None,
                minutes: None,
                left_ml: l,
                right_ml: rr,
                total_ml: total,
                weight_before_g: None,
                weight_after_g: None,
            }
        };
        rows.push(row);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut notes = Vec::new();
    if t.column("baby").is_some() {
        let babies: std::collections::BTreeSet<&str> = t
            .rows
            .iter()
            .map(|(_, r)| cell(r, t.column("baby")))
            .collect();
        if babies.len() > 1 {
            notes.push(format!(
                "the log names {} babies; all their entries were read as one",
                babies.len()
            ));
        }
    }
    Ok(Rows {
        rows,
        notes,
        offsets_ignored,
    })
}
