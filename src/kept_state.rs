//! What the explorer keeps between starts, and within a second or two of every change in its
//! recovery file: the working scenario (with its file and what that file holds, so that unsaved
//! changes stay known as such), the pinned baseline, the recent files and the view.
//!
//! It comes back from disk, so it is outside data like a preset: a file a crash cut short, a disk
//! error, a state written by another version. [`read`] bounds its size and nesting, never panics
//! (fuzzed: `fuzz/fuzz_targets/read_state.rs`) and tidies what would make the window misbehave
//! (a recent list longer than the menu keeps, a plot listed twice). The scenarios in it are not
//! checked here: the window shows their problems like those of any edit.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::preset::{MAX_NESTING, MAX_PRESET_BYTES};
use crate::scenario::Scenario;
use crate::view::{Audience, PlotKind, SideTab};

/// Largest state read back, bytes: room for two scenarios (working and baseline), what the working
/// scenario's file holds, and the view.
pub const MAX_STATE_BYTES: u64 = 3 * MAX_PRESET_BYTES;
/// Most recent files remembered.
pub const RECENT_MAX: usize = 8;

/// Everything kept. Every field has a default, so that a state from an older version (which had
/// fewer fields) still reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeptState {
    pub document: Option<KeptDocument>,
    pub recent: Vec<PathBuf>,
    pub visible_plots: Option<Vec<PlotKind>>,
    /// Every plot there was when `visible_plots` was kept: a plot added since is shown (it is
    /// not in the list because it did not exist, not because it was hidden).
    pub known_plots: Option<Vec<PlotKind>>,
    pub tab: SideTab,
    /// The pinned baseline's scenario (run again on restoring).
    pub baseline: Option<Scenario>,
    /// *Show how mothers differ* was ticked.
    pub show_how_mothers_differ: bool,
    /// Who said they are looking (`None` until asked: a state from before the question).
    pub audience: Option<Audience>,
}

/// The working scenario as kept: the scenario, its file, and what the file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptDocument {
    pub scenario: Scenario,
    pub path: Option<PathBuf>,
    pub saved: Scenario,
}

/// Why a kept state could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateError {
    TooLarge { bytes: u64 },
    Unreadable(String),
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::TooLarge { bytes } => write!(
                f,
                "it is too large to read back ({bytes} bytes, at most {MAX_STATE_BYTES})"
            ),
            StateError::Unreadable(why) => write!(f, "it could not be read back ({why})"),
        }
    }
}

impl std::error::Error for StateError {}

impl KeptState {
    /// As RON, for [`read`].
    pub fn to_ron(&self) -> String {
        // A scenario always serialises (plain data); an empty string reads back as the default.
        ron::to_string(self).unwrap_or_default()
    }

    /// The plots to show: those kept as shown, and any plot the kept state did not know (a state
    /// from before `known_plots` knew the first five). `None` when the view was not kept.
    pub fn plots_to_show(&self) -> Option<Vec<PlotKind>> {
        let visible = self.visible_plots.as_ref()?;
        let known = self.known_plots.as_deref().unwrap_or(&PlotKind::FIRST_FIVE);
        let mut out = visible.clone();
        for k in PlotKind::ALL {
            if !known.contains(&k) && !out.contains(&k) {
                out.push(k);
            }
        }
        Some(out)
    }
}

/// Read a kept state from its text.
pub fn read(text: &str) -> Result<KeptState, StateError> {
    if text.len() as u64 > MAX_STATE_BYTES {
        return Err(StateError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    // Two scenarios deep inside the state: the preset's nesting, and a few levels for the state.
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING + 4);
    let mut state: KeptState = options
        .from_str(text)
        .map_err(|e| StateError::Unreadable(e.to_string()))?;
    dedup(&mut state.recent, RECENT_MAX);
    if let Some(v) = &mut state.visible_plots {
        dedup(v, PlotKind::ALL.len());
    }
    // Scenarios kept by an older version are brought up to date as an older preset would be.
    for sc in state
        .document
        .iter_mut()
        .flat_map(|d| [&mut d.scenario, &mut d.saved])
        .chain(state.baseline.as_mut())
    {
        crate::preset::bring_up_to_date(sc);
    }
    Ok(state)
}

/// The text of a kept state's file, read no further than [`MAX_STATE_BYTES`] (a damaged file may
/// be any size). `Ok(None)` when there is no file or it is empty.
pub fn read_file(path: &Path) -> Result<Option<String>, StateError> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StateError::Unreadable(e.to_string())),
    };
    let mut bytes = Vec::new();
    file.take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| StateError::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        let bytes = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(StateError::TooLarge { bytes });
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| StateError::Unreadable("it is not text (UTF-8)".to_owned()))?;
    Ok((!text.trim().is_empty()).then_some(text))
}

/// Keep the first of each, at most `most` of them (the list may be a damaged file's hundreds of
/// thousands: the work stays within `most` comparisons per item).
fn dedup<T: PartialEq>(items: &mut Vec<T>, most: usize) {
    let mut kept: Vec<T> = Vec::with_capacity(most);
    for x in items.drain(..) {
        if kept.len() == most {
            break;
        }
        if !kept.contains(&x) {
            kept.push(x);
        }
    }
    *items = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited() -> KeptState {
        let scenario = Scenario {
            name: "Edited".into(),
            ..Scenario::default()
        };
        KeptState {
            document: Some(KeptDocument {
                scenario,
                path: Some(PathBuf::from("/tmp/a.ron")),
                saved: Scenario::default(),
            }),
            recent: vec![PathBuf::from("/tmp/a.ron")],
            visible_plots: Some(vec![PlotKind::Supply, PlotKind::Sodium]),
            known_plots: Some(PlotKind::ALL.to_vec()),
            tab: SideTab::Compare,
            baseline: Some(Scenario::default()),
            show_how_mothers_differ: true,
            audience: Some(Audience::Parent),
        }
    }

    #[test]
    fn a_state_reads_back_as_it_was_kept() {
        let s = edited();
        assert_eq!(read(&s.to_ron()).unwrap(), s);
        // An empty state (no file at all before) is the default.
        assert_eq!(read("()").unwrap(), KeptState::default());
    }

    #[test]
    fn damaged_states_are_errors_not_panics() {
        let text = edited().to_ron();
        for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
            assert!(matches!(read(&text[..cut]), Err(StateError::Unreadable(_))));
        }
        assert!(matches!(
            read(&"(".repeat(100_000)),
            Err(StateError::Unreadable(_))
        ));
        let huge = format!("(recent: [\"{}\"])", "x".repeat(MAX_STATE_BYTES as usize));
        assert_eq!(
            read(&huge),
            Err(StateError::TooLarge {
                bytes: huge.len() as u64
            })
        );
        assert!(
            read(&huge)
                .unwrap_err()
                .to_string()
                .contains("too large to read back")
        );
    }

    #[test]
    fn what_would_make_the_window_misbehave_is_tidied() {
        let many: Vec<String> = (0..50).map(|i| format!("\"/f{}.ron\"", i % 20)).collect();
        let text = format!(
            "(recent: [{}], visible_plots: Some([Supply, Supply, Sodium, Supply]))",
            many.join(",")
        );
        let s = read(&text).unwrap();
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.recent[1], PathBuf::from("/f1.ron"));
        assert_eq!(
            s.visible_plots,
            Some(vec![PlotKind::Supply, PlotKind::Sodium])
        );
    }

    #[test]
    fn a_recent_list_of_a_million_entries_is_cut_without_comparing_them_all() {
        let many: Vec<String> = (0..300_000).map(|i| format!("\"/{i}\"")).collect();
        let text = format!("(recent: [{}])", many.join(","));
        assert!(text.len() as u64 <= MAX_STATE_BYTES);
        let s = read(&text).unwrap();
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.recent[7], PathBuf::from("/7"));
    }

    #[test]
    fn plots_added_since_the_state_was_kept_are_shown() {
        // Kept before the medicine plot existed: it is shown; a hidden plot stays hidden.
        let s = read("(visible_plots: Some([Supply, Breasts]))").unwrap();
        assert_eq!(
            s.plots_to_show(),
            Some(vec![
                PlotKind::Supply,
                PlotKind::Breasts,
                PlotKind::Medicine
            ])
        );
        let s = read("(visible_plots: Some([Supply]), known_plots: Some([Supply, Breasts, Hormones, Medicine, Composition, Sodium]))").unwrap();
        assert_eq!(s.plots_to_show(), Some(vec![PlotKind::Supply]));
        assert_eq!(read("()").unwrap().plots_to_show(), None);
    }

    #[test]
    fn a_scenario_kept_by_an_older_version_is_brought_up_to_date() {
        // As format 1 wrote it: a plain factor on prolactin release.
        let state = KeptState {
            baseline: Some(Scenario::default()),
            ..KeptState::default()
        }
        .to_ron();
        let old = state
            .replacen(
                &format!("version:{}", crate::scenario::FORMAT_VERSION),
                "version:1",
                1,
            )
            .replacen(
                "half_life_min:37.0",
                "half_life_min:37.0,drug_factor:1.5",
                1,
            );
        assert_ne!(old, state);
        let back = read(&old).unwrap().baseline.unwrap();
        assert_eq!(back.version, crate::scenario::FORMAT_VERSION);
        assert_eq!(back.mother.prolactin.drug_factor, None);
        assert!(
            !back.schedule.mother_takes.is_empty(),
            "a course of medicine"
        );
    }

    #[test]
    fn a_state_file_is_read_no_further_than_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        assert_eq!(read_file(&path), Ok(None));
        std::fs::write(&path, "  \n").unwrap();
        assert_eq!(read_file(&path), Ok(None));
        std::fs::write(&path, "(tab: About)").unwrap();
        assert_eq!(read_file(&path).unwrap().as_deref(), Some("(tab: About)"));
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(read_file(&path), Err(StateError::Unreadable(_))));
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_STATE_BYTES * 4).unwrap();
        assert_eq!(
            read_file(&path),
            Err(StateError::TooLarge {
                bytes: MAX_STATE_BYTES * 4
            })
        );
    }
}
