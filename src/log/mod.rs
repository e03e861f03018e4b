//! A mother's own log, read into observed sessions: lactosim's CSV (`docs/logs.md`) and the
//! exports of two tracker apps (Huckleberry, Baby Tracker), matched on their headers.
//!
//! Untrusted input: every bad row is reported (file, line, column, what is wrong) and none is
//! dropped silently; what is read and left out on purpose (a sleep or a nappy in an app's
//! export, a zone offset) is said in [`Log::notes`]. Files over [`MAX_LOG_BYTES`] are refused.

mod babytracker;
pub mod clock;
mod huckleberry;
mod lactosim_csv;
mod table;

use std::fmt;
use std::path::Path;

use crate::calendar::CivilDate;
use clock::When;

/// The largest log read (a year of a tracker app's every entry is well under 2 MB).
pub const MAX_LOG_BYTES: usize = 10 * 1024 * 1024;
/// Millilitres in a US fluid ounce (what the apps' "oz." are).
pub const ML_PER_OZ: f64 = 29.5735;

/// How milk left the breast, or reached the baby.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    Breastfeed,
    Pump,
    /// A bottle given to the baby (formula or expressed milk): nothing removed from the breast,
    /// but the baby's hunger met.
    Bottle,
}

/// Which breast(s) a logged session used, as far as the log says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogSide {
    Left,
    Right,
    Both,
    /// Not said.
    Unknown,
}

/// One session as logged. Times are hours since [`Log::origin`]'s midnight (or since birth, for
/// a log written that way).
#[derive(Clone, Debug, PartialEq)]
pub struct ObservedSession {
    /// The line of the file it was read from (1 = the header).
    pub line: usize,
    pub kind: LogKind,
    pub side: LogSide,
    pub start_h: f64,
    /// The end, when the log gives it (or a duration).
    pub end_h: Option<f64>,
    /// Millilitres removed from each breast, when the log gives them per side.
    pub left_ml: Option<f64>,
    pub right_ml: Option<f64>,
    /// Millilitres in all (removed, or in a bottle), when the log gives only the total.
    pub total_ml: Option<f64>,
    /// The baby's weight before and after a breastfeed (test weighing), grams.
    pub weight_before_g: Option<f64>,
    pub weight_after_g: Option<f64>,
}

impl ObservedSession {
    /// Millilitres in all: the total, or the sum of the sides, or what test weighing gives
    /// (1 g of milk ≈ 1 ml).
    pub fn ml(&self) -> Option<f64> {
        self.total_ml
            .or(match (self.left_ml, self.right_ml) {
                (None, None) => None,
                (l, r) => Some(l.unwrap_or(0.0) + r.unwrap_or(0.0)),
            })
            .or(match (self.weight_before_g, self.weight_after_g) {
                (Some(b), Some(a)) => Some(a - b),
                _ => None,
            })
    }
}

/// Which reader a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Lactosim,
    Huckleberry,
    BabyTracker,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Lactosim, Format::Huckleberry, Format::BabyTracker];

    pub fn name(self) -> &'static str {
        match self {
            Format::Lactosim => "lactosim",
            Format::Huckleberry => "Huckleberry",
            Format::BabyTracker => "Baby Tracker",
        }
    }
}

/// A log read.
#[derive(Clone, Debug, PartialEq)]
pub struct Log {
    pub format: Format,
    /// The day the hours count from: the first logged day, when the log gives dates; `None`
    /// when it gives hours since birth.
    pub origin: Option<CivilDate>,
    /// The sessions, sorted by start.
    pub sessions: Vec<ObservedSession>,
    /// What was read and left out on purpose, in words ("14 rows of type Sleep, Diaper").
    pub notes: Vec<String>,
}

/// A bad row or a bad file: where, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct LogProblem {
    /// 1-based line of the file (0: the file as a whole).
    pub line: usize,
    /// The column's header, when one column is at fault.
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for LogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.column) {
            (0, _) => write!(f, "{}", self.message),
            (l, Some(c)) => write!(f, "line {l}, column “{c}”: {}", self.message),
            (l, None) => write!(f, "line {l}: {}", self.message),
        }
    }
}

fn whole_file(message: impl Into<String>) -> Vec<LogProblem> {
    vec![LogProblem {
        line: 0,
        column: None,
        message: message.into(),
    }]
}

/// Read a log file (`format`: `None` to tell it by its header).
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Log, Vec<LogProblem>> {
    let meta = std::fs::metadata(path)
        .map_err(|e| whole_file(format!("{} cannot be read: {e}", path.display())))?;
    if meta.len() > MAX_LOG_BYTES as u64 {
        return Err(too_big(meta.len() as usize));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| whole_file(format!("{} cannot be read: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        whole_file(format!(
            "{} is not text (UTF-8) at byte {}: save it from the spreadsheet as CSV UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    read_str(&text, format)
}

fn too_big(len: usize) -> Vec<LogProblem> {
    whole_file(format!(
        "the log is {:.1} MB; lactosim reads logs up to {} MB (a year of every entry is well under 2 MB)",
        len as f64 / 1e6,
        MAX_LOG_BYTES / (1024 * 1024)
    ))
}

/// Read a log from its text.
pub fn read_str(text: &str, format: Option<Format>) -> Result<Log, Vec<LogProblem>> {
    if text.len() > MAX_LOG_BYTES {
        return Err(too_big(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = table::Table::read(text)?;
    let format = match format {
        Some(f) => f,
        None => detect(&table).ok_or_else(|| {
            whole_file(format!(
                "this file's header ({}) is not one lactosim reads: a lactosim log starts with “start”, “kind”, … (docs/logs.md), a Huckleberry export with “Type, Start, End, …, Start Condition”, a Baby Tracker export with “Baby, Time”",
                table.headers.join(", ")
            ))
        })?,
    };
    let rows = match format {
        Format::Lactosim => lactosim_csv::read(&table),
        Format::Huckleberry => huckleberry::read(&table),
        Format::BabyTracker => babytracker::read(&table),
    }?;
    build(format, rows)
}

/// Tell the format by the header's names (case-insensitive).
fn detect(t: &table::Table) -> Option<Format> {
    let has = |name: &str| t.column(name).is_some();
    if has("type") && has("start") && has("start condition") {
        Some(Format::Huckleberry)
    } else if has("baby") && has("time") {
        Some(Format::BabyTracker)
    } else if has("start") && has("kind") {
        Some(Format::Lactosim)
    } else {
        None
    }
}

/// A row read by a reader: its times as written.
pub(crate) struct Row {
    pub line: usize,
    pub kind: LogKind,
    pub side: LogSide,
    pub start: When,
    pub end: Option<When>,
    /// Minutes, when the log gives a duration rather than an end.
    pub minutes: Option<f64>,
    pub left_ml: Option<f64>,
    pub right_ml: Option<f64>,
    pub total_ml: Option<f64>,
    pub weight_before_g: Option<f64>,
    pub weight_after_g: Option<f64>,
}

/// What a reader gives: the rows and its notes.
pub(crate) struct Rows {
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
    /// A zone offset was left out somewhere.
    pub offsets_ignored: bool,
}

/// The sessions on one time line: hours since the first logged day's midnight (or since birth).
fn build(format: Format, read: Rows) -> Result<Log, Vec<LogProblem>> {
    let Rows {
        rows,
        mut notes,
        offsets_ignored,
    } = read;
    if rows.is_empty() {
        return Err(whole_file(
            "the log has no feeding, pumping or bottle entries to read",
        ));
    }
    let local = |w: &When| matches!(w, When::Local(_));
    let all_local = rows.iter().all(|r| local(&r.start));
    let none_local = rows.iter().all(|r| !local(&r.start));
    if !(all_local || none_local) {
        let first_other = rows
            .iter()
            .find(|r| local(&r.start) != local(&rows[0].start))
            .map_or(0, |r| r.line);
        return Err(vec![LogProblem {
            line: first_other,
            column: Some("start".to_owned()),
            message: "this row gives its time one way (date and clock, or hours since birth) and the rows before it the other: write every row the same way".to_owned(),
        }]);
    }
    let origin = rows
        .iter()
        .filter_map(|r| match r.start {
            When::Local(l) => Some(l.date),
            When::HoursSinceBirth(_) => None,
        })
        .min();
    let hours = |w: When| match (w, origin) {
        (When::Local(l), Some(o)) => l.hours_since_midnight_of(o),
        (When::HoursSinceBirth(h), _) => h,
        (When::Local(_), None) => f64::NAN,
    };
    let mut problems = Vec::new();
    let mut sessions = Vec::new();
    for r in rows {
        let start_h = hours(r.start);
        if let Some(e) = r.end
            && local(&e) != local(&r.start)
        {
            problems.push(LogProblem {
                line: r.line,
                column: Some("end".to_owned()),
                message: "the end is written another way than the start (one a date and clock, the other hours since birth): write both the same way, or give the minutes".to_owned(),
            });
            continue;
        }
        let end_h = match (r.end, r.minutes) {
            (Some(e), _) => Some(hours(e)),
            (None, Some(m)) => Some(start_h + m / 60.0),
            (None, None) => None,
        };
        if let Some(e) = end_h
            && !(e >= start_h && e - start_h <= 6.0)
        {
            problems.push(LogProblem {
                line: r.line,
                column: Some("end".to_owned()),
                message: format!(
                    "the session ends {} its start: a feed or pump session lasts 0 to 6 hours",
                    if e < start_h {
                        "before"
                    } else {
                        "more than 6 hours after"
                    }
                ),
            });
            continue;
        }
        sessions.push(ObservedSession {
            line: r.line,
            kind: r.kind,
            side: r.side,
            start_h,
            end_h,
            left_ml: r.left_ml,
            right_ml: r.right_ml,
            total_ml: r.total_ml,
            weight_before_g: r.weight_before_g,
            weight_after_g: r.weight_after_g,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    sessions.sort_by(|a, b| a.start_h.total_cmp(&b.start_h));
    let sideless = sessions
        .iter()
        .filter(|s| s.kind != LogKind::Bottle && s.side == LogSide::Unknown)
        .count();
    if sideless > 0 {
        notes.push(format!(
            "{sideless} {} without a side: read as both breasts",
            if sideless == 1 { "session" } else { "sessions" }
        ));
    }
    if offsets_ignored {
        notes.push(
            "zone offsets in the times were left out: times are read as the local clock".to_owned(),
        );
    }
    Ok(Log {
        format,
        origin,
        sessions,
        notes,
    })
}

/// A time in a cell: `Ok(None)` when it is empty and not required; a zone offset left out is
/// noted in `offsets_ignored`.
pub(crate) fn time_cell(
    text: &str,
    required: bool,
    offsets_ignored: &mut bool,
) -> Result<Option<When>, String> {
    if text.trim().is_empty() && !required {
        return Ok(None);
    }
    let (w, read) = clock::parse(text)?;
    *offsets_ignored |= read.offset_ignored;
    Ok(Some(w))
}

/// The most minutes a logged session lasts (6 hours).
const MAX_MINUTES: f64 = 360.0;

/// Minutes in a cell (0 to 6 hours); `Ok(None)` when empty.
pub(crate) fn minutes_cell(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(m) if (0.0..=MAX_MINUTES).contains(&m) => Ok(Some(m)),
        _ => Err(format!("“{t}” is not a number of minutes (0 to 360)")),
    }
}

/// An amount as written: "60", "60 ml", "2oz", "2.5 oz." in the column's unit unless it says
/// its own. `Ok(None)` when empty.
pub(crate) fn amount_ml(text: &str, unit_ml: f64) -> Result<Option<f64>, String> {
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let (number, unit) = if let Some(x) = t.strip_suffix("ml") {
        (x, 1.0)
    } else if let Some(x) = t.strip_suffix("oz.").or_else(|| t.strip_suffix("oz")) {
        (x, ML_PER_OZ)
    } else {
        (t.as_str(), unit_ml)
    };
    let v: f64 = number.trim().replace(',', ".").parse().map_err(|_| {
        format!(
            "“{}” is not an amount: write it as 60, 60 ml or 2 oz",
            text.trim()
        )
    })?;
    let ml = v * unit;
    if !(0.0..=1000.0).contains(&ml) {
        return Err(format!(
            "{} ml is not an amount one session removes (0 to 1000 ml)",
            ml.round()
        ));
    }
    Ok(Some(ml))
}
