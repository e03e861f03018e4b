//! The scenario being edited: where it came from, whether it has unsaved changes, and its undo
//! history. Every change goes through [`Document::apply`], [`Document::undo`] or
//! [`Document::redo`], so "unsaved" and "re-simulate" are decided in one place.

use std::path::PathBuf;

use crate::Scenario;
use crate::edit::Edit;

/// Most steps kept for undo.
const UNDO_DEPTH: usize = 200;

#[derive(Clone, Debug, Default)]
pub struct Document {
    pub scenario: Scenario,
    /// The file it was opened from or last saved to; `None` for a new or example scenario.
    pub path: Option<PathBuf>,
    /// The scenario as it is on disk (or as it was opened), to tell unsaved changes.
    pub saved: Scenario,
    /// The scenario as it was opened or last saved (its description was written for it): a
    /// scenario opened from a link is unsaved, yet unchanged.
    opened: Scenario,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// The merge key of the last edit, while edits of the same field follow one another.
    last_key: Option<String>,
    /// Counts changes, so the app knows when to re-simulate.
    revision: u64,
}

impl Document {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Self {
            saved: scenario.clone(),
            opened: scenario.clone(),
            scenario,
            path,
            ..Self::default()
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.scenario != self.saved
    }

    /// The name for the title bar: the file name, or the scenario's name.
    pub fn title(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
            None => self.scenario.name.clone(),
        }
    }

    /// Apply an edit; a change of the same field as the edit before (a slider being dragged) is
    /// folded into the same undo step.
    pub fn apply(&mut self, edit: Edit) {
        let key = edit.merge_key();
        let before = self.scenario.clone();
        edit.apply(&mut self.scenario);
        if self.scenario == before {
            return;
        }
        if key.is_none() || key != self.last_key {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.last_key = key;
        self.redo.clear();
        self.revision += 1;
    }

    /// End the current run of merged edits (called when a drag ends or focus moves), so the next
    /// change of the same field is a step of its own.
    pub fn end_merge(&mut self) {
        self.last_key = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        Self::step(&mut self.scenario, &mut self.undo, &mut self.redo) && self.stepped()
    }

    pub fn redo(&mut self) -> bool {
        Self::step(&mut self.scenario, &mut self.redo, &mut self.undo) && self.stepped()
    }

    /// Take the scenario back from `from`, keeping the current one on `to`.
    fn step(scenario: &mut Scenario, from: &mut Vec<Scenario>, to: &mut Vec<Scenario>) -> bool {
        let Some(other) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(scenario, other));
        true
    }

    fn stepped(&mut self) -> bool {
        self.last_key = None;
        self.revision += 1;
        true
    }

    /// Replace the whole scenario (a file opened, an example chosen, a new one): a new document
    /// with a history of its own. (Undoing into the previous file's scenario while the path is
    /// the new file's would let Save overwrite a file with another's content.)
    pub fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        self.saved = scenario.clone();
        self.opened = scenario.clone();
        self.scenario = scenario;
        self.path = path;
        self.undo.clear();
        self.redo.clear();
        self.last_key = None;
        self.revision += 1;
    }

    /// The scenario was written to `path`.
    /// Open `scenario` with no file behind it (a link): unsaved until saved, so that New or
    /// Open asks first (unless it is the built-in default, which nothing loses).
    pub fn replace_unsaved(&mut self, scenario: Scenario) {
        self.replace(scenario, None);
        self.saved = Scenario::default();
    }

    /// Has the scenario been edited since it was opened or last saved?
    pub fn changed_since_opened(&self) -> bool {
        self.scenario != self.opened
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.scenario.clone();
        self.opened = self.scenario.clone();
        self.path = Some(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_another_file_starts_a_new_history() {
        let mut d = Document::new(Scenario::default(), Some("a.ron".into()));
        d.apply(stress(0.3));
        let other = Scenario {
            name: "b".into(),
            ..Scenario::default()
        };
        d.replace(other.clone(), Some("b.ron".into()));
        assert!(
            !d.can_undo(),
            "undo cannot bring a.ron's scenario under b.ron's name"
        );
        assert!(!d.undo());
        assert_eq!(d.scenario, other);
        assert!(!d.is_dirty());
    }

    fn stress(v: f64) -> Edit {
        Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: v,
        }
    }

    #[test]
    fn a_drag_is_one_undo_step_and_redo_brings_it_back() {
        let mut d = Document::new(Scenario::default(), None);
        for v in [0.1, 0.2, 0.3] {
            d.apply(stress(v));
        }
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(d.scenario.mother.stress_0_to_1, 0.0);
        assert!(!d.is_dirty());
        assert!(!d.can_undo());
        assert!(d.redo());
        assert_eq!(d.scenario.mother.stress_0_to_1, 0.3);
    }

    #[test]
    fn separate_drags_are_separate_steps() {
        let mut d = Document::new(Scenario::default(), None);
        d.apply(stress(0.1));
        d.end_merge();
        d.apply(stress(0.5));
        d.undo();
        assert_eq!(d.scenario.mother.stress_0_to_1, 0.1);
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_a_step() {
        let mut d = Document::new(Scenario::default(), None);
        let r0 = d.revision();
        d.apply(stress(0.0));
        assert_eq!(d.revision(), r0);
        assert!(!d.can_undo());
    }

    #[test]
    fn saving_clears_dirty_and_a_new_edit_clears_redo() {
        let mut d = Document::new(Scenario::default(), None);
        d.apply(stress(0.4));
        d.mark_saved("x.ron".into());
        assert!(!d.is_dirty());
        assert_eq!(d.title(), "x.ron");
        d.undo();
        assert!(d.is_dirty());
        d.apply(stress(0.2));
        assert!(!d.can_redo());
    }
}
