//! Huckleberry's CSV export: `Type, Start, End, Duration, Start Condition, Start Location, End
//! Condition, Notes`. A breastfeed is a `Feed` at the breast, with the time on each side in
//! `Start Condition` ("0:12L, 0:10R"); a bottle is a `Feed` from a bottle, its amount in `End
//! Condition` ("Formula, 90ml"); a pump session is `Pump`, its amounts in `End Condition` ("L
//! 60ml, R 55ml", or one total "4oz"). Every other type (sleep, nappies, growth…) is left out and
//! counted in the log's notes. Real exports differ in details: amounts with or without a space
//! or a unit (ml unless it says oz), sides as "L"/"R" or "left"/"right".

use std::collections::BTreeMap;

use super::clock::When;
use super::lactosim_csv::side_from_amounts;
use super::table::{Table, cell};
use super::{LogKind, LogProblem, LogSide, Row, Rows, amount_ml, time_cell};

pub(crate) fn read(t: &Table) -> Result<Rows, Vec<LogProblem>> {
    let col = |n: &str| t.column(n);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut left_out: BTreeMap<String, usize> = BTreeMap::new();
    let mut offsets_ignored = false;
    for (line, r) in &t.rows {
        let line = *line;
        let kind_text = cell(r, col("type"));
        let location = cell(r, col("start location")).to_lowercase();
        let kind = match kind_text.to_lowercase().as_str() {
            "feed" | "feeding" | "nursing" if location.contains("bottle") => LogKind::Bottle,
            "feed" | "feeding" | "nursing" => LogKind::Breastfeed,
            "pump" | "pumping" => LogKind::Pump,
            _ => {
                *left_out.entry(kind_text.to_owned()).or_default() += 1;
                continue;
            }
        };
        let mut bad = |column: &str, message: String| {
            problems.push(LogProblem {
                line,
                // The header as written, or the name looked for when the file lacks it.
                column: Some(col(column).map_or_else(|| column.to_owned(), |c| t.header(c))),
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
        let minutes = match duration_minutes(cell(r, col("duration"))) {
            Ok(m) => m,
            Err(e) => {
                bad("duration", e);
                None
            }
        };
        let (side, left_ml, right_ml, total_ml) = match kind {
            LogKind::Breastfeed => (
                sides_by_time(cell(r, col("start condition"))),
                None,
                None,
                None,
            ),
            LogKind::Pump | LogKind::Bottle => match amounts(cell(r, col("end condition"))) {
                Ok((l, rr, total)) => (side_from_amounts(LogSide::Unknown, l, rr), l, rr, total),
                Err(e) => {
                    bad("end condition", e);
                    continue;
                }
            },
        };
        let Some(start) = start else { continue };
        rows.push(Row {
            line,
            kind,
            side,
            start,
            end,
            minutes,
            left_ml,
            right_ml,
            total_ml,
            weight_before_g: None,
            weight_after_g: None,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut notes = Vec::new();
    if !left_out.is_empty() {
        let n: usize = left_out.values().sum();
        let kinds: Vec<String> = left_out
            .iter()
            .map(|(k, n)| format!("{n} {}", if k.is_empty() { "without a type" } else { k }))
            .collect();
        notes.push(format!(
            "{n} rows that are not feeds or pump sessions were left out ({})",
            kinds.join(", ")
        ));
    }
    Ok(Rows {
        rows,
        notes,
        offsets_ignored,
    })
}

/// "00:22", "0:22:30", "22m", "22" (minutes) → minutes; empty → `None`.
fn duration_minutes(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || format!("“{text}” is not a duration: write 00:22 (hours:minutes) or 22m");
    let m = if let Some(x) = t.strip_suffix("min").or_else(|| t.strip_suffix('m')) {
        x.trim().parse::<f64>().map_err(|_| bad())?
    } else if t.contains(':') {
        let parts: Vec<f64> = t
            .split(':')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        match parts[..] {
            [h, m] => h * 60.0 + m,
            [h, m, s] => h * 60.0 + m + s / 60.0,
            _ => return Err(bad()),
        }
    } else {
        t.parse::<f64>().map_err(|_| bad())?
    };
    if (0.0..=360.0).contains(&m) {
        Ok(Some(m))
    } else {
        Err(bad())
    }
}

/// The sides a breastfeed used, from the time on each in "0:12L, 0:10R" (a side with no time,
/// or 0:00, was not used).
fn sides_by_time(text: &str) -> LogSide {
    let (mut left, mut right) = (false, false);
    for part in text.split(',') {
        let p = part.trim().to_lowercase();
        let digits_nonzero = p.chars().any(|c| c.is_ascii_digit() && c != '0');
        if p.ends_with('l') || p.starts_with("l ") || p.starts_with("left") {
            left |= digits_nonzero || !p.chars().any(|c| c.is_ascii_digit());
        } else if p.ends_with('r') || p.starts_with("r ") || p.starts_with("right") {
            right |= digits_nonzero || !p.chars().any(|c| c.is_ascii_digit());
        }
    }
    match (left, right) {
        (true, true) => LogSide::Both,
        (true, false) => LogSide::Left,
        (false, true) => LogSide::Right,
        (false, false) => LogSide::Unknown,
    }
}

/// Millilitres from the left, from the right, and in all when no side is said.
type Amounts = (Option<f64>, Option<f64>, Option<f64>);

/// Amounts in "L 60ml, R 55ml", "60ml L", "4oz" or "Formula, 90ml": (left, right, total). Parts
/// with no number (what was in the bottle) are left out.
fn amounts(text: &str) -> Result<Amounts, String> {
    let (mut left, mut right, mut total) = (None, None, None);
    for part in text.split([',', ';']) {
        let p = part.trim();
        if !p.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let lower = p.to_lowercase();
        let (side, rest) = if let Some(x) = lower
            .strip_prefix("left")
            .or_else(|| lower.strip_prefix("l "))
            .or_else(|| lower.strip_prefix("l:"))
        {
            (Some(LogSide::Left), x.to_owned())
        } else if let Some(x) = lower
            .strip_prefix("right")
            .or_else(|| lower.strip_prefix("r "))
            .or_else(|| lower.strip_prefix("r:"))
        {
            (Some(LogSide::Right), x.to_owned())
        } else if let Some(x) = lower
            .strip_suffix(" l")
            .or_else(|| lower.strip_suffix(" left"))
        {
            (Some(LogSide::Left), x.to_owned())
        } else if let Some(x) = lower
            .strip_suffix(" r")
            .or_else(|| lower.strip_suffix(" right"))
        {
            (Some(LogSide::Right), x.to_owned())
        } else {
            (None, lower.clone())
        };
        let ml = amount_ml(rest.trim_matches([' ', ':']), 1.0)?;
        match side {
            Some(LogSide::Left) => left = ml,
            Some(LogSide::Right) => right = ml,
            _ => total = Some(total.unwrap_or(0.0) + ml.unwrap_or(0.0)),
        }
    }
    Ok((left, right, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_and_amounts_as_the_app_writes_them() {
        assert_eq!(sides_by_time("0:12L, 0:10R"), LogSide::Both);
        assert_eq!(sides_by_time("0:12L, 0:00R"), LogSide::Left);
        assert_eq!(sides_by_time("R"), LogSide::Right);
        assert_eq!(sides_by_time(""), LogSide::Unknown);
        assert_eq!(
            amounts("L 60ml, R 55ml").unwrap(),
            (Some(60.0), Some(55.0), None)
        );
        assert_eq!(amounts("60ml L; 2oz R").unwrap().0, Some(60.0));
        let (_, r, _) = amounts("60ml L; 2oz R").unwrap();
        assert!((r.unwrap() - 59.147).abs() < 0.01);
        assert_eq!(amounts("Formula, 90ml").unwrap(), (None, None, Some(90.0)));
        assert!(amounts("L lots").is_ok(), "no number: left out");
        assert!(amounts("L 6x0ml").is_err());
        assert_eq!(duration_minutes("00:22").unwrap(), Some(22.0));
        assert_eq!(duration_minutes("22m").unwrap(), Some(22.0));
        assert!(duration_minutes("soon").is_err());
    }
}
