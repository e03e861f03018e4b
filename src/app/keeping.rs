//! What the window keeps between sessions (the scenario, the view, the baseline) and how it
//! restores it; the recovery file that protects unsaved work.

use super::*;

/// See [`App::kept_fingerprint`].
#[derive(Clone, Debug, PartialEq)]
pub(super) struct KeptFingerprint {
    pub(super) revision: u64,
    pub(super) path: Option<PathBuf>,
    pub(super) saved: bool,
    pub(super) baseline: Option<usize>,
    pub(super) tab: SideTab,
    pub(super) plots: Vec<PlotKind>,
    pub(super) recent: usize,
    pub(super) mothers: bool,
    pub(super) audience: Option<Audience>,
}

impl App {
    /// Keep the working state on disk at `path` from now on ([`recovery`]). Unless starting
    /// `fresh`, restore what is there if an earlier run left it (it stopped unexpectedly: the
    /// app says so and offers to discard it), else `clean_state`, what a clean quit stored.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start_recovery(&mut self, path: PathBuf, fresh: bool, clean_state: Option<String>) {
        if !fresh {
            match Recovery::left_behind(&path) {
                Ok(Some(left)) => {
                    if self.restore_state(&left) {
                        self.restored_after_crash = Some(clean_state);
                    }
                }
                Ok(None) => {
                    if let Some(state) = clean_state {
                        self.restore_state(&state);
                    }
                }
                Err(e) => self.cannot_restore(&e),
            }
        }
        self.recovery = Some(Recovery::at(path));
    }

    /// What changes when anything [`Self::save_state`] keeps changes: the document's revision,
    /// which run is pinned, the open tab, the plots shown, the recent files and the file's path.
    pub(super) fn kept_fingerprint(&self) -> KeptFingerprint {
        KeptFingerprint {
            revision: self.document.revision(),
            path: self.document.path.clone(),
            saved: self.document.is_dirty(),
            baseline: self.baseline.as_ref().map(|b| Arc::as_ptr(&b.run) as usize),
            tab: self.tab,
            plots: self.plots.visible.clone(),
            recent: self.recent.len(),
            mothers: self.mothers.on,
            audience: self.audience,
        }
    }

    /// What is kept for the next start, as RON: the working scenario (with its file and unsaved
    /// changes), recent files, which plots are shown and the open tab.
    pub fn save_state(&self) -> String {
        KeptState {
            document: Some(KeptDocument {
                scenario: self.document.scenario.clone(),
                path: self.document.path.clone(),
                saved: self.document.saved.clone(),
            }),
            recent: self.recent.clone(),
            visible_plots: Some(self.plots.visible.clone()),
            known_plots: Some(PlotKind::ALL.to_vec()),
            tab: self.tab,
            baseline: self.baseline.as_ref().map(|b| b.scenario.clone()),
            show_how_mothers_differ: self.mothers.on,
            audience: self.audience,
        }
        .to_ron()
    }

    /// Say that what was open last time cannot come back, and that the app starts afresh.
    pub(super) fn cannot_restore(&mut self, why: &StateError) {
        self.error(&format!(
            "What was open last time cannot come back: {why}; starting afresh."
        ));
    }

    /// Take back what [`App::save_state`] kept; `false` when it could not. A state that does not
    /// read (from another version, a file a crash cut short) is left alone, with a word: the app
    /// starts rather than not at all.
    pub fn restore_state(&mut self, state: &str) -> bool {
        let persisted = match kept_state::read(state) {
            Ok(p) => p,
            Err(e) => {
                self.cannot_restore(&e);
                return false;
            }
        };
        if let Some(plots) = persisted.plots_to_show() {
            self.plots.visible = plots;
        }
        self.recent = persisted.recent;
        self.tab = persisted.tab;
        self.mothers.on = persisted.show_how_mothers_differ;
        if persisted.audience.is_some() {
            self.audience = persisted.audience;
        }
        if let Some(sc) = persisted.baseline
            && let Ok(sim) = runner::compute(&sc)
        {
            self.set_baseline(Some(sim));
        }
        if let Some(doc) = persisted.document {
            // A replacement like any other (a new revision, so it is simulated), except that what
            // is on disk may differ from what was being worked on.
            self.document.replace(doc.scenario, doc.path);
            self.document.saved = doc.saved;
            self.selected_session = None;
        }
        true
    }
}
