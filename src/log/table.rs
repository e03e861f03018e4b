//! A CSV file as a table: headers matched case-insensitively (and without surrounding spaces),
//! each row with its line in the file.

use super::LogProblem;

pub(crate) struct Table {
    /// The headers as written.
    pub headers: Vec<String>,
    /// Lower-case, trimmed: what columns are looked up by.
    keys: Vec<String>,
    /// Each row's line in the file (1 = the header) and its cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    pub fn read(text: &str) -> Result<Table, Vec<LogProblem>> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| {
                vec![LogProblem {
                    line: 1,
                    column: None,
                    message: format!("the header cannot be read as CSV: {e}"),
                }]
            })?
            .iter()
            .map(str::to_owned)
            .collect();
        if headers.iter().all(String::is_empty) {
            return Err(vec![LogProblem {
                line: 0,
                column: None,
                message: "the file is empty: a log has a header row, then a row per session"
                    .to_owned(),
            }]);
        }
        let keys = headers.iter().map(|h| h.trim().to_lowercase()).collect();
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let line = r.position().map_or(0, |p| p.line() as usize);
                    if r.iter().all(str::is_empty) {
                        continue;
                    }
                    rows.push((line, r.iter().map(str::to_owned).collect()));
                }
                Err(e) => problems.push(LogProblem {
                    line: e.position().map_or(0, |p| p.line() as usize),
                    column: None,
                    message: format!("this row cannot be read as CSV: {e}"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(Table {
                headers,
                keys,
                rows,
            })
        } else {
            Err(problems)
        }
    }

    /// The column of a header (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.keys.iter().position(|k| k == name)
    }

    /// The first column whose header starts with `prefix` (for "Left amount (oz.)" and the like),
    /// and its header.
    pub fn column_starting(&self, prefix: &str) -> Option<(usize, &str)> {
        self.keys
            .iter()
            .position(|k| k.starts_with(prefix))
            .map(|i| (i, self.headers[i].as_str()))
    }

    /// The header of a column as written.
    pub fn header(&self, column: usize) -> String {
        self.headers[column].clone()
    }
}

/// A row's cell in `column` (empty when the row is short or the column absent).
pub(crate) fn cell(row: &[String], column: Option<usize>) -> &str {
    column.and_then(|c| row.get(c)).map_or("", String::as_str)
}
