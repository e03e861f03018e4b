//! Files: dialogs (behind a trait, so tests never open a real one; the system's are in
//! `platform`), the shipped examples, the recent-files list, and a screenshot of the plots as PNG.

use std::path::{Path, PathBuf};

/// The file dialogs the app needs. The real ones are [`NativeDialogs`]; tests give a fake.
///
/// A pick answers `None` both when the person cancelled and when no dialog could be shown;
/// [`Dialogs::available`] tells the two apart (as well as it can), so that the app offers its
/// own "type a path" window instead of doing nothing.
pub trait Dialogs {
    fn pick_preset_to_open(&self) -> Option<PathBuf>;
    fn pick_preset_to_save(&self, suggested_name: &str) -> Option<PathBuf>;
    fn pick_csv_folder(&self) -> Option<PathBuf>;
    fn pick_png_to_save(&self, suggested_name: &str) -> Option<PathBuf>;
    /// A mother's log to import (CSV). None by default: the window's own path field instead.
    fn pick_log_to_import(&self) -> Option<PathBuf> {
        None
    }
    /// Can a dialog be shown at all? Asked before each pick, and again after a pick that
    /// answered `None` (a failed dialog may only be found out by trying).
    fn available(&self) -> bool {
        true
    }
}

/// Dialogs that can never be shown (tests, benchmarks, a headless app loop): every pick goes to
/// the window's own path field instead.
pub struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_preset_to_open(&self) -> Option<PathBuf> {
        None
    }
    fn pick_preset_to_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    fn pick_csv_folder(&self) -> Option<PathBuf> {
        None
    }
    fn pick_png_to_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    fn available(&self) -> bool {
        false
    }
}

/// What the built-in "type a path" window is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    Save,
    /// A mother's log to import (`docs/logs.md`).
    ImportLog,
    ExportCsv,
    ExportPng,
}

impl PathPurpose {
    pub fn title(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open a scenario",
            PathPurpose::ImportLog => "Import her log",
            PathPurpose::Save => "Save the scenario",
            PathPurpose::ExportCsv => "Export the run as CSV files",
            PathPurpose::ExportPng => "Save the plots as PNG",
        }
    }

    /// The system's file picker for this purpose (the desktop's dialog, the browser's): its
    /// title, and the kind of file it shows (none for a folder).
    pub fn picker(
        self,
    ) -> (
        &'static str,
        Option<(&'static str, &'static [&'static str])>,
    ) {
        const SCENARIO: (&str, &[&str]) = ("lactosim scenario", &["ron"]);
        match self {
            PathPurpose::Open => ("Open a lactosim scenario", Some(SCENARIO)),
            PathPurpose::Save => ("Save the scenario", Some(SCENARIO)),
            PathPurpose::ImportLog => (
                "Import her log (feeds, pumping, test weights)",
                Some(("CSV log", &["csv", "txt"])),
            ),
            PathPurpose::ExportCsv => ("Export the run as CSV files into a folder", None),
            PathPurpose::ExportPng => ("Save the plots as PNG", Some(("PNG image", &["png"]))),
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            PathPurpose::Open => "The path of a .ron scenario file:",
            PathPurpose::ImportLog => {
                "The path of her log, a CSV file (lactosim's, or a Huckleberry or Baby Tracker export):"
            }
            PathPurpose::Save => "The path of the .ron file to write:",
            PathPurpose::ExportCsv => {
                "The folder to write series.csv, events.csv, sessions.csv and days.csv into (made if missing):"
            }
            PathPurpose::ExportPng => "The path of the .png file to write:",
        }
    }
}

/// What the person typed, as a path: surrounding blanks and quotes dropped, a leading `~`
/// for the home folder, and the extension the purpose needs. `None` for nothing typed.
pub fn typed_path(text: &str, purpose: PathPurpose) -> Option<PathBuf> {
    let t = text.trim().trim_matches(|c| c == '"' || c == '\'');
    if t.is_empty() {
        return None;
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let p = match (t.strip_prefix('~'), home) {
        (Some(rest), Some(h)) if rest.is_empty() || rest.starts_with(['/', '\\']) => {
            h.join(rest.trim_start_matches(['/', '\\']))
        }
        _ => PathBuf::from(t),
    };
    Some(match purpose {
        PathPurpose::Save => with_extension(p, "ron"),
        PathPurpose::ExportPng => with_extension(p, "png"),
        PathPurpose::Open | PathPurpose::ImportLog | PathPurpose::ExportCsv => p,
    })
}

pub(crate) fn with_extension(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        p
    } else {
        p.with_extension(ext)
    }
}

/// A file name made of the scenario's name: "Night feeds dropped at week 3" → "night-feeds-dropped-at-week-3".
pub fn file_stem_for(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_owned();
    if s.is_empty() { "scenario".into() } else { s }
}

pub use crate::examples::{EXAMPLES, Example};

/// The examples' names and descriptions for the menu, read once (not at every frame the menu
/// is open). An example that does not read shows its file name.
pub fn example_titles() -> &'static [(String, String)] {
    static TITLES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        EXAMPLES
            .iter()
            .map(|e| match e.scenario() {
                Ok(s) => (s.name, s.description),
                Err(_) => (e.file.to_owned(), String::new()),
            })
            .collect()
    })
}

pub use crate::kept_state::RECENT_MAX;

/// Put `path` first in the list of recent files.
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(RECENT_MAX);
}

/// An RGBA screenshot region as a PNG file's bytes.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| "the screenshot has the wrong size".to_owned())?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| format!("cannot make the PNG: {e}"))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_preset_is_an_example_and_reads() {
        let mut on_disk: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/presets"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect();
        on_disk.sort();
        let mut listed: Vec<String> = EXAMPLES.iter().map(|e| e.file.to_owned()).collect();
        listed.sort();
        assert_eq!(
            on_disk, listed,
            "File → Examples lists every file of presets/"
        );
        for e in EXAMPLES {
            let s = e.scenario().unwrap_or_else(|err| panic!("{err}"));
            assert!(
                !s.name.is_empty() && !s.description.is_empty(),
                "{}",
                e.file
            );
        }
    }

    #[test]
    fn typed_paths_get_their_extension_and_lose_blanks() {
        assert_eq!(
            typed_path("  \"/tmp/a b\" ", PathPurpose::Save),
            Some(PathBuf::from("/tmp/a b.ron"))
        );
        assert_eq!(
            typed_path("/tmp/x.PNG", PathPurpose::ExportPng),
            Some(PathBuf::from("/tmp/x.PNG"))
        );
        assert_eq!(typed_path("   ", PathPurpose::Open), None);
    }

    #[test]
    fn file_names_from_scenario_names() {
        assert_eq!(
            file_stem_for("Night feeds dropped at week 3"),
            "night-feeds-dropped-at-week-3"
        );
        assert_eq!(file_stem_for("  ?? "), "scenario");
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut r = Vec::new();
        for i in 0..10 {
            remember(&mut r, Path::new(&format!("{i}.ron")));
        }
        remember(&mut r, Path::new("5.ron"));
        assert_eq!(r.len(), RECENT_MAX);
        assert_eq!(r[0], Path::new("5.ron"));
        assert_eq!(r.iter().filter(|p| *p == Path::new("5.ron")).count(), 1);
    }
}
