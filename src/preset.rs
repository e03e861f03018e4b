//! Preset files: a RON file holding exactly a [`Scenario`].
//!
//! Reading is strict and helpful: unknown fields, wrong types, values out of range, overlapping
//! sessions — every problem is reported with file, line, column and field path. Reading is safe
//! on untrusted input: size and nesting are bounded, numbers are checked for NaN and infinity,
//! the schedule's expansion is bounded. Writing goes to a temporary file in the same folder that
//! is then renamed over the old one, so a crash mid-save leaves the old file whole.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::scenario::{FORMAT_VERSION, Problem, Scenario};

/// Largest preset file read, bytes. Real presets are a few kilobytes.
pub const MAX_PRESET_BYTES: u64 = 1_000_000;
/// Deepest nesting of brackets accepted (a scenario needs 5).
pub const MAX_NESTING: usize = 32;

/// One problem in a preset, located in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// 1-based line and column; 0 when the problem has no place in the text (e.g. a missing file).
    pub line: usize,
    pub col: usize,
    /// Field path, e.g. `mother.prolactin.half_life_min` or `schedule.rules[2].every_h`.
    pub path: String,
    pub message: String,
}

/// Every problem found in one preset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresetError {
    pub file: Option<PathBuf>,
    pub problems: Vec<Located>,
}

impl fmt::Display for PresetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "<preset>".to_owned(), |p| p.display().to_string());
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            if p.line > 0 {
                write!(f, "{file}:{}:{}: ", p.line, p.col)?;
            } else {
                write!(f, "{file}: ")?;
            }
            if !p.path.is_empty() {
                write!(f, "{}: ", p.path)?;
            }
            write!(f, "{}", p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for PresetError {}

impl PresetError {
    fn one(file: Option<&Path>, line: usize, col: usize, path: &str, message: String) -> Self {
        Self {
            file: file.map(Path::to_path_buf),
            problems: vec![Located {
                line,
                col,
                path: path.to_owned(),
                message,
            }],
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// Read and check a preset file.
pub fn read_file(path: &Path) -> Result<Scenario, PresetError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        PresetError::one(Some(path), 0, 0, "", format!("cannot read the file: {e}"))
    })?;
    if meta.len() > MAX_PRESET_BYTES {
        return Err(PresetError::one(
            Some(path),
            0,
            0,
            "",
            format!(
                "the file is {} bytes; a preset may be at most {MAX_PRESET_BYTES} bytes",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        PresetError::one(Some(path), 0, 0, "", format!("cannot read the file: {e}"))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        PresetError::one(
            Some(path),
            0,
            0,
            "",
            format!("the file is not UTF-8 text: {e}"),
        )
    })?;
    from_str(&text, Some(path))
}

/// Only the version, read first so that an old or newer file gets the right message.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    /// 0 when the field is missing (no real version is 0).
    #[serde(default)]
    version: u32,
}

/// Parse and check a preset from text. `file` is only used in messages.
pub fn from_str(text: &str, file: Option<&Path>) -> Result<Scenario, PresetError> {
    if text.len() as u64 > MAX_PRESET_BYTES {
        return Err(PresetError::one(
            file,
            0,
            0,
            "",
            format!("a preset may be at most {MAX_PRESET_BYTES} bytes"),
        ));
    }
    let index = FieldIndex::new(text);
    let ron_error = |e: ron::error::SpannedError| {
        let (line, col) = (e.span.start.line, e.span.start.col);
        PresetError::one(
            file,
            line,
            col,
            &index.path_at(line, col),
            crate::plain_errors::describe(&e.code, text, line, col),
        )
    };
    let probe: VersionProbe = options().from_str(text).map_err(ron_error)?;
    let version = match probe.version {
        0 => {
            return Err(PresetError::one(
                file,
                1,
                1,
                "version",
                format!("the preset has no `version` field: add `version: {FORMAT_VERSION},`"),
            ));
        }
        v if v > FORMAT_VERSION => {
            let (line, col) = index.position_of("version").unwrap_or((1, 1));
            return Err(PresetError::one(
                file,
                line,
                col,
                "version",
                format!(
                    "this preset is format version {v}, written by a newer lactosim; this one reads versions 1 to {FORMAT_VERSION}: please update lactosim"
                ),
            ));
        }
        v => v,
    };
    let mut scenario: Scenario = options().from_str(text).map_err(ron_error)?;
    upgrade(&mut scenario, version);
    let problems = scenario.validate();
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(locate(file, &index, problems))
    }
}

/// Bring a scenario kept by an older version (in the explorer's kept state, which holds scenarios
/// as they were) up to the current format; one of the current format or newer is left as it is.
pub(crate) fn bring_up_to_date(scenario: &mut Scenario) {
    if scenario.version < FORMAT_VERSION {
        upgrade(scenario, scenario.version);
    }
}

/// Bring a scenario read from an older format version up to the current one.
fn upgrade(scenario: &mut Scenario, from_version: u32) {
    debug_assert!(from_version <= FORMAT_VERSION);
    if from_version < 2 {
        upgrade_drug_factor(scenario);
    }
    scenario.version = FORMAT_VERSION;
}

/// Version 1 → 2: the constant `mother.prolactin.drug_factor` becomes a course of a medicine in
/// `schedule.mother_takes` over the whole run: above 1 domperidone, below 1 bromocriptine (both
/// taken on their usual timing), at the dose whose mean amount in the body gives that factor
/// (as near as the medicine's largest effect allows).
fn upgrade_drug_factor(scenario: &mut Scenario) {
    use crate::model::pharmacology::{ProlactinEffect, Substance, mean_amount_mg};
    let Some(factor) = scenario.mother.prolactin.drug_factor.take() else {
        return;
    };
    if !factor.is_finite() || (factor - 1.0).abs() < 1e-9 {
        return;
    }
    let substance = if factor > 1.0 {
        Substance::Domperidone
    } else {
        Substance::Bromocriptine
    };
    let f = substance.figures();
    // The amount that gives `factor`: invert the Emax curve, short of its saturation.
    let amount_mg = match f.effect {
        ProlactinEffect::Raises { max_rise, half_mg } => {
            let rise = (factor - 1.0).min(0.95 * max_rise);
            half_mg * rise / (max_rise - rise)
        }
        ProlactinEffect::Lowers { max_fall, half_mg } => {
            let fall = (1.0 - factor).min(0.95 * max_fall);
            half_mg * fall / (max_fall - fall)
        }
        // Neither of the two acts this way.
        ProlactinEffect::None => return,
    };
    let per_dose_mg = amount_mg / mean_amount_mg(substance, 1.0, f.usual_every_h);
    let mut course = crate::mother_takes::Dosing::usual(substance, 0.0, scenario.horizon_days);
    course.first_at_clock_h = 0.0;
    course.dose_mg = ((per_dose_mg * 1000.0).round() / 1000.0).max(0.001);
    scenario.schedule.mother_takes.push(course);
}

/// Attach positions in `text` to validation problems.
pub fn locate(file: Option<&Path>, index: &FieldIndex, problems: Vec<Problem>) -> PresetError {
    let mut located: Vec<Located> = problems
        .into_iter()
        .map(|p| {
            let (line, col) = index.position_of_nearest(&p.path).unwrap_or((0, 0));
            Located {
                line,
                col,
                path: p.path,
                message: p.message,
            }
        })
        .collect();
    // In the order a person reads the file.
    located.sort_by_key(|l| (l.line, l.col));
    PresetError {
        file: file.map(Path::to_path_buf),
        problems: located,
    }
}

/// Pretty RON text of a scenario, with the writing program's version filled in.
pub fn to_string(scenario: &Scenario) -> String {
    let mut s = scenario.clone();
    s.version = FORMAT_VERSION;
    s.written_by = format!("lactosim {}", env!("CARGO_PKG_VERSION"));
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .struct_names(false)
        .separate_tuple_members(false);
    ron::Options::default()
        .to_string_pretty(&s, config)
        .expect("a scenario always serialises")
}

/// Save atomically: write a temporary file beside the target, flush it to disk, rename it over.
pub fn write_file(path: &Path, scenario: &Scenario) -> std::io::Result<()> {
    let text = to_string(scenario);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "preset".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where each field and list element sits in a RON text: a small scanner that follows brackets,
/// strings and comments, so messages can name a field's line and a parse error its field path.
pub struct FieldIndex {
    /// (path, line, col), in text order.
    entries: Vec<(String, usize, usize)>,
}

impl FieldIndex {
    pub fn new(text: &str) -> Self {
        #[derive(Clone, Copy, PartialEq)]
        enum Open {
            Paren,
            Bracket,
            Brace,
        }
        struct Frame {
            open: Open,
            prefix: String,
            key: Option<String>,
            index: usize,
            element_started: bool,
        }
        fn join(prefix: &str, key: &str) -> String {
            if prefix.is_empty() {
                key.to_owned()
            } else {
                format!("{prefix}.{key}")
            }
        }
        fn value_path(stack: &[Frame]) -> String {
            match stack.last() {
                None => String::new(),
                Some(f) => match (f.open, &f.key) {
                    (Open::Bracket, _) => format!("{}[{}]", f.prefix, f.index),
                    (_, Some(k)) => join(&f.prefix, k),
                    _ => f.prefix.clone(),
                },
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let mut entries = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
        macro_rules! bump {
            () => {{
                if chars[i] == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
                i += 1;
            }};
        }
        while i < chars.len() {
            let c = chars[i];
            // Comments and whitespace.
            if c.is_whitespace() {
                bump!();
                continue;
            }
            if c == '/' && chars.get(i + 1) == Some(&'/') {
                while i < chars.len() && chars[i] != '\n' {
                    bump!();
                }
                continue;
            }
            if c == '/' && chars.get(i + 1) == Some(&'*') {
                bump!();
                bump!();
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    bump!();
                }
                if i < chars.len() {
                    bump!();
                    bump!();
                }
                continue;
            }
            // An element of a list begins here.
            if let Some(f) = stack.last_mut()
                && f.open == Open::Bracket
                && !f.element_started
                && c != ']'
                && c != ','
            {
                f.element_started = true;
                entries.push((format!("{}[{}]", f.prefix, f.index), line, col));
            }
            match c {
                '"' => {
                    bump!();
                    while i < chars.len() && chars[i] != '"' {
                        if chars[i] == '\\' {
                            bump!();
                        }
                        if i < chars.len() {
                            bump!();
                        }
                    }
                    if i < chars.len() {
                        bump!();
                    }
                }
                '(' | '[' | '{' => {
                    let prefix = value_path(&stack);
                    stack.push(Frame {
                        open: match c {
                            '(' => Open::Paren,
                            '[' => Open::Bracket,
                            _ => Open::Brace,
                        },
                        prefix,
                        key: None,
                        index: 0,
                        element_started: false,
                    });
                    bump!();
                }
                ')' | ']' | '}' => {
                    stack.pop();
                    bump!();
                }
                ',' => {
                    if let Some(f) = stack.last_mut() {
                        match f.open {
                            Open::Bracket => {
                                f.index += 1;
                                f.element_started = false;
                            }
                            _ => f.key = None,
                        }
                    }
                    bump!();
                }
                c if c.is_alphabetic() || c == '_' => {
                    let (l0, c0) = (line, col);
                    let start = i;
                    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                        bump!();
                    }
                    let word: String = chars[start..i].iter().collect();
                    let mut j = i;
                    while j < chars.len() && chars[j].is_whitespace() && chars[j] != '\n' {
                        j += 1;
                    }
                    if chars.get(j) == Some(&':')
                        && let Some(f) = stack.last_mut()
                        && f.open == Open::Paren
                    {
                        f.key = Some(word.clone());
                        entries.push((join(&f.prefix, &word), l0, c0));
                    }
                }
                _ => bump!(),
            }
        }
        Self { entries }
    }

    /// Position of a field path, if written in the text.
    pub fn position_of(&self, path: &str) -> Option<(usize, usize)> {
        self.entries
            .iter()
            .find(|(p, _, _)| p == path)
            .map(|(_, l, c)| (*l, *c))
    }

    /// Position of a path or, if it is not written (a default), of its nearest written parent.
    pub fn position_of_nearest(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(pos) = self.position_of(p) {
                return Some(pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The deepest field path written at or before a position (for a parse error).
    pub fn path_at(&self, line: usize, col: usize) -> String {
        self.entries
            .iter()
            .take_while(|(_, l, c)| (*l, *c) <= (line, col))
            .last()
            .map(|(p, _, _)| p.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_finds_nested_fields_and_list_elements() {
        let text = "(\n  version: 1,\n  mother: (stress_0_to_1: 0.2),\n  schedule: (rules: [\n    (every_h: 3.0),\n    (every_h: 0.0, night_gap: Some((from_day: 2.0))),\n  ]),\n)";
        let idx = FieldIndex::new(text);
        assert_eq!(idx.position_of("version"), Some((2, 3)));
        assert_eq!(idx.position_of("mother.stress_0_to_1"), Some((3, 12)));
        assert_eq!(idx.position_of("schedule.rules[1].every_h"), Some((6, 6)));
        assert_eq!(
            idx.position_of("schedule.rules[1].night_gap.from_day"),
            Some((6, 37))
        );
        assert_eq!(
            idx.position_of_nearest("schedule.rules[0].duration_min"),
            Some((5, 5))
        );
        assert_eq!(idx.path_at(6, 14), "schedule.rules[1].every_h");
    }

    #[test]
    fn a_three_line_preset_is_the_default_scenario_with_changes() {
        let s = from_str("(\n  version: 1,\n  horizon_days: 10,\n)", None).unwrap();
        assert_eq!(s.horizon_days, 10.0);
        assert_eq!(s.mother, Scenario::default().mother);
    }

    #[test]
    fn every_problem_is_reported_with_line_and_path() {
        let text = "(\n  version: 1,\n  mother: (\n    stress_0_to_1: 3.0,\n    storage_capacity_left_ml: 2.0,\n  ),\n)";
        let e = from_str(text, Some(Path::new("x.ron"))).unwrap_err();
        assert_eq!(e.problems.len(), 2, "{e}");
        let msg = e.to_string();
        assert!(msg.contains("x.ron:4:5: mother.stress_0_to_1:"), "{msg}");
        assert!(
            msg.contains("x.ron:5:5: mother.storage_capacity_left_ml:"),
            "{msg}"
        );
    }

    #[test]
    fn unknown_field_names_the_path() {
        let e = from_str(
            "(\n  version: 1,\n  mother: (\n    strss: 0.2,\n  ),\n)",
            None,
        )
        .unwrap_err();
        let p = &e.problems[0];
        assert_eq!(p.line, 4, "{e}");
        assert!(p.path.starts_with("mother"), "{e}");
        assert!(p.message.contains("strss"), "{e}");
    }

    #[test]
    fn newer_version_is_refused_and_missing_version_explained() {
        let e = from_str("(version: 99)", None).unwrap_err();
        assert!(e.to_string().contains("newer lactosim"), "{e}");
        let e = from_str("(horizon_days: 3)", None).unwrap_err();
        assert!(e.to_string().contains("no `version`"), "{e}");
    }

    #[test]
    fn round_trip() {
        let s = Scenario::default();
        let back = from_str(&to_string(&s), None).unwrap();
        let mut expect = s.clone();
        expect.written_by = back.written_by.clone();
        assert_eq!(back, expect);
    }
}
