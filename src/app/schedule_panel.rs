//! The schedule editor (to be written).

use crate::edit::Edit;
use crate::schedule::Schedule;

/// View state of the schedule editor (which entry is open).
#[derive(Default)]
pub struct SchedulePanel {}

impl SchedulePanel {
    /// Draw the schedule; push an [`Edit`] for every change.
    pub fn ui(
        &mut self,
        _ui: &mut egui::Ui,
        _schedule: &Schedule,
        _horizon_days: f64,
        _edits: &mut Vec<Edit>,
    ) {
    }
}
