//! lactosim's own log (docs/logs.md): one row per session, headers in any case and order:
//! `start` and `kind` required; `end` or `minutes`, `side`, `left`, `right`, `total`, `unit`
//! (ml or oz), `weight_before_g`, `weight_after_g` and `note` optional.

use super::clock::When;
use super::table::{Table, cell};
use super::{
    LogKind, LogProblem, LogSide, ML_PER_OZ, Row, Rows, amount_ml, minutes_cell, time_cell,
};

/// Every header this reader knows (the rest is said to be left out).
const KNOWN: [&str; 12] = [
    "start",
    "end",
    "minutes",
    "kind",
    "side",
    "left",
    "right",
    "total",
    "unit",
    "weight_before_g",
    "weight_after_g",
    "note",
];

pub(crate) fn kind_of(text: &str) -> Option<LogKind> {
    match text.trim().to_lowercase().as_str() {
        "breastfeed" | "breastfeeding" | "breast" | "feed" | "nursing" => Some(LogKind::Breastfeed),
        "pump" | "pumping" | "expressed" | "expressing" => Some(LogKind::Pump),
        "bottle" | "formula" => Some(LogKind::Bottle),
        _ => None,
    }
}

pub(crate) fn side_of(text: &str) -> Option<LogSide> {
    match text.trim().to_lowercase().as_str() {
        "left" | "l" => Some(LogSide::Left),
        "right" | "r" => Some(LogSide::Right),
        "both" | "b" | "lr" | "l+r" | "left and right" => Some(LogSide::Both),
        "" => Some(LogSide::Unknown),
        _ => None,
    }
}

/// The side a session used, from what the log says and the amounts it gives.
pub(crate) fn side_from_amounts(side: LogSide, left: Option<f64>, right: Option<f64>) -> LogSide {
    match (side, left, right) {
        (LogSide::Unknown, Some(_), Some(_)) => LogSide::Both,
        (LogSide::Unknown, Some(_), None) => LogSide::Left,
        (LogSide::Unknown, None, Some(_)) => LogSide::Right,
        (s, _, _) => s,
    }
}

pub(crate) fn read(t: &Table) -> Result<Rows, Vec<LogProblem>> {
    if t.column("start").is_none() || t.column("kind").is_none() {
        return Err(vec![LogProblem {
            line: 1,
            column: None,
            message: "a lactosim log needs the columns “start” and “kind” (docs/logs.md)"
                .to_owned(),
        }]);
    }
    let col = |n: &str| t.column(n);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut rows_in_oz = 0usize;
    let mut offsets_ignored = false;
    for (line, r) in &t.rows {
        let line = *line;
        let mut bad = |column: &str, message: String| {
            problems.push(LogProblem {
                line,
                column: Some(column.to_owned()),
                message,
            })
        };
        let mut time = |column: &str, required: bool| -> Option<When> {
            time_cell(cell(r, col(column)), required, &mut offsets_ignored).unwrap_or_else(|e| {
                bad(column, e);
                None
            })
        };
        let start = time("start", true);
        let end = time("end", false);
        let Some(kind) = kind_of(cell(r, col("kind"))) else {
            bad(
                "kind",
                format!(
                    "“{}” is not a kind of session: write breastfeed, pump or bottle",
                    cell(r, col("kind"))
                ),
            );
            continue;
        };
        let Some(side) = side_of(cell(r, col("side"))) else {
            bad(
                "side",
                format!(
                    "“{}” is not a side: write left, right or both (or leave it empty)",
                    cell(r, col("side"))
                ),
            );
            continue;
        };
        let unit_ml = match cell(r, col("unit")).to_lowercase().as_str() {
            "" | "ml" => 1.0,
            "oz" | "oz." | "fl oz" => {
                rows_in_oz += 1;
                ML_PER_OZ
            }
            other => {
                bad("unit", format!("“{other}” is not a unit: write ml or oz"));
                continue;
            }
        };
        let mut amount = |column: &str| match amount_ml(cell(r, col(column)), unit_ml) {
            Ok(v) => v,
            Err(e) => {
                bad(column, e);
                None
            }
        };
        let (left_ml, right_ml, total_ml) = (amount("left"), amount("right"), amount("total"));
        let mut grams = |column: &str| {
            let text = cell(r, col(column));
            if text.is_empty() {
                return None;
            }
            match text.parse::<f64>() {
                Ok(g) if (500.0..=15_000.0).contains(&g) => Some(g),
                _ => {
                    bad(
                        column,
                        format!("“{text}” is not a baby's weight in grams (500 to 15000)"),
                    );
                    None
                }
            }
        };
        let (weight_before_g, weight_after_g) = (grams("weight_before_g"), grams("weight_after_g"));
        if let (Some(b), Some(a)) = (weight_before_g, weight_after_g)
            && a < b
        {
            bad(
                "weight_after_g",
                format!(
                    "the baby weighs less after the feed ({a} g) than before ({b} g): were the two swapped?"
                ),
            );
            continue;
        }
        let minutes = minutes_cell(cell(r, col("minutes"))).unwrap_or_else(|e| {
            bad("minutes", e);
            None
        });
        let Some(start) = start else { continue };
        if kind == LogKind::Bottle && (left_ml.is_some() || right_ml.is_some()) {
            bad(
                "left",
                "a bottle has no left or right: give its amount in “total”".to_owned(),
            );
            continue;
        }
        rows.push(Row {
            line,
            kind,
            side: side_from_amounts(side, left_ml, right_ml),
            start,
            end,
            minutes,
            left_ml,
            right_ml,
            total_ml,
            weight_before_g,
            weight_after_g,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let unread: Vec<String> = t
        .headers
        .iter()
        .filter(|h| !KNOWN.contains(&h.trim().to_lowercase().as_str()))
        .cloned()
        .collect();
    let mut notes = Vec::new();
    if !unread.is_empty() {
        notes.push(format!("columns not read: {}", unread.join(", ")));
    }
    if rows_in_oz > 0 {
        notes.push(format!(
            "{rows_in_oz} {} in oz, read as ml at {ML_PER_OZ} ml per oz",
            if rows_in_oz == 1 { "row" } else { "rows" }
        ));
    }
    Ok(Rows {
        rows,
        notes,
        offsets_ignored,
    })
}
