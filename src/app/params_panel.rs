//! The mother, the infant and the pump: grouped sliders (to be written).

use crate::Scenario;
use crate::edit::Edit;

/// Draw the parameter groups of `scenario`; push an [`Edit`] for every change.
pub fn ui(_ui: &mut egui::Ui, _scenario: &Scenario, _edits: &mut Vec<Edit>) {}
