//! The header above the plots (the scenario's name and what it says) and the status bar below.

use super::*;

/// Up to this age (days) the parent's face tells how her milk came in (the run's summary).
const NEWBORN_STORY_DAYS: i64 = 14;

impl App {
    /// The scenario's name, the plain-words summary, warnings and problems.
    pub(super) fn header(
        &mut self,
        ui: &mut Ui,
        edits: &mut Vec<Edit>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            // An exported figure carries the title and the sentences, not the buttons.
            let exporting = self.png_target.is_some();
            about_panel::name_ui(ui, &self.document, exporting, edits);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if exporting {
                    return;
                }
                // The parent's face compares through its questions, not a pinned baseline.
                if !self.parent_face() {
                    self.baseline_buttons(ui, commands);
                }
                if self.runner.busy() {
                    ui.spinner();
                    ui.label("computing…");
                }
            });
        });
        // The parent's face starts from her baby.
        self.baby_age_ui(ui, edits);
        if let Some(sim) = &self.current {
            // The sentences describe the last run that could be simulated: greyed like its plots
            // while the edited scenario cannot run.
            let stale = !self.problems.is_empty();
            ui.scope(|ui| {
                if stale {
                    ui.multiply_opacity(STALE_OPACITY);
                }
                if self.parent_face() {
                    if let Some(words) = self.normal_words() {
                        ui.label(RichText::new(words).size(16.0).strong());
                    }
                    // How the milk came in is her story only while her baby is that young.
                    if self.baby_age_days().is_none_or(|d| d < NEWBORN_STORY_DAYS) {
                        ui.label(RichText::new(&sim.summary).size(15.0));
                    }
                } else {
                    ui.label(RichText::new(&sim.summary).size(15.0));
                    if let Some(words) = self.mothers.range_words() {
                        ui.label(RichText::new(words).size(15.0));
                    }
                }
                if let Some(words) = self.compare.words() {
                    ui.label(RichText::new(words).size(15.0));
                }
                if let Some(words) = self
                    .compare
                    .shown()
                    .and_then(|c| c.day)
                    .and_then(|d| self.mothers.compared_words(d))
                {
                    ui.label(RichText::new(words).size(15.0));
                }
            });
            if self.png_target.is_none() {
                let pinned = self.baseline.is_some();
                let parent = self.parent_face();
                ui.horizontal_wrapped(|ui| self.mothers.toggle_ui(ui, pinned, parent));
            }
            // The scenario's description is written for whoever made the scenario (the parent's
            // face says what matters to her above).
            if !self.document.scenario.description.is_empty()
                && self.png_target.is_none()
                && !self.parent_face()
            {
                // Opened for the person when a file or an example was just opened.
                let open = std::mem::take(&mut self.show_description).then_some(true);
                egui::CollapsingHeader::new("What this scenario shows")
                    .id_salt("scenario description")
                    .open(open)
                    .show(ui, |ui| {
                        // A few lines, scrolled when longer: the plots keep their room.
                        egui::ScrollArea::vertical()
                            .id_salt("description")
                            .max_height(HEADER_TEXT_MAX_HEIGHT)
                            .show(ui, |ui| ui.label(&self.document.scenario.description));
                        if self.document.changed_since_opened() {
                            ui.weak("(Written for the scenario as it was opened; it has been changed since.)");
                        }
                    });
            }
            ui.scope(|ui| {
                if stale {
                    ui.multiply_opacity(STALE_OPACITY);
                }
                egui::ScrollArea::vertical()
                    .id_salt("warnings")
                    .max_height(HEADER_TEXT_MAX_HEIGHT)
                    .show(ui, |ui| {
                        for w in &sim.run.warnings {
                            let at = w
                                .t_h
                                .map(|t| format!(" ({})", sim.scenario.calendar().time_words(t)))
                                .unwrap_or_default();
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!("Warning: {}{at}", w.message),
                            );
                        }
                    });
            });
        }
        if !self.problems.is_empty() {
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
                .show(ui, |ui| {
                    ui.colored_label(ui.visuals().error_fg_color, "This scenario cannot run:");
                    for p in &self.problems {
                        ui.label(format!("• {}: {}", p.path, p.message));
                    }
                });
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        // Wrapped: a notice longer than a phone is wide is read whole, not cut at the edge.
        ui.horizontal_wrapped(|ui| {
            if let Some(n) = &self.notice {
                let color = if n.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.colored_label(color, &n.text);
            }
            // An error stays until the person dismisses it (or the next message replaces it).
            if self.notice.as_ref().is_some_and(|n| n.error)
                && ui
                    .small_button("Dismiss")
                    .on_hover_text("Dismiss this message")
                    .clicked()
            {
                self.notice = None;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if self.show_timing
                    && let Some(sim) = &self.current
                {
                    ui.monospace(format!(
                        "simulate {:.1} ms · plot data {:.1} ms · frame {} · {} points",
                        sim.simulate_ms,
                        sim.prepare_ms,
                        self.frame_ms
                            .map_or_else(|| "–".to_owned(), |f| format!("{f:.1} ms")),
                        sim.plots.point_count()
                    ));
                }
            });
        });
    }
}
