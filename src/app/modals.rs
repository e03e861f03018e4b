//! What opens over the window: the problems of a file that would not open, one session minute
//! by minute (its fine trace simulated when it is opened), files dropped on the window, and the
//! notice after a restored session.

use super::*;

/// The fine trace of one session of one run (see [`crate::trace_of`]).
pub(super) struct SessionTraceFor {
    pub(super) run: Arc<Run>,
    pub(super) index: usize,
    pub(super) trace: SessionTrace,
}

impl App {
    pub(super) fn modals(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(cmd) = self.pending.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "“{}” has changes that are not saved. Save them first?",
                    self.document.title()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        answer = Some(0);
                    }
                    if ui.button("Don't save").clicked() {
                        answer = Some(1);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.pending = None;
                    self.command_now(Command::Save, ctx);
                    if let Some(prompt) = &mut self.path_prompt {
                        // The path is being typed: carry on once it is saved.
                        prompt.then = Some(cmd);
                    } else if !self.document.is_dirty() {
                        self.command_now(cmd, ctx);
                    }
                }
                Some(1) => {
                    self.pending = None;
                    if cmd == Command::Quit {
                        // The person threw the changes away: the next start must not bring them
                        // back (what is kept at exit is the scenario as saved).
                        let saved = self.document.saved.clone();
                        let path = self.document.path.clone();
                        self.document.replace(saved, path);
                    }
                    self.command_now(cmd, ctx);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        self.path_prompt_window(ctx);
        self.link_prompt_window(ctx, commands);
        if let Some(fp) = &self.file_problems {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("file problems")).show(ctx, |ui| {
                ui.heading(&fp.title);
                ui.label("Nothing was changed. Every problem found:");
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for l in &fp.lines {
                            ui.monospace(l);
                        }
                    });
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
            if close {
                self.file_problems = None;
            }
        }
        // Not while the plots are being exported: the window would sit in the picture.
        if let Some(i) = self.selected_session
            && let Some(sim) = &self.current
            && self.png_target.is_none()
        {
            let run = sim.run.clone();
            let calendar = sim.scenario.calendar();
            let fresh = |t: &&SessionTraceFor| Arc::ptr_eq(&t.run, &run) && t.index == i;
            if self.session_trace.as_ref().filter(fresh).is_none() {
                let trace = run
                    .sessions
                    .get(i)
                    .and_then(|s| crate::trace_of(&sim.scenario, i, s.start_h));
                self.session_trace = Some(SessionTraceFor {
                    run: run.clone(),
                    index: i,
                    trace: trace.unwrap_or_default(),
                });
            }
            let no_trace = SessionTrace::default();
            let trace = self.session_trace.as_ref().map_or(&no_trace, |t| &t.trace);
            let mut open = true;
            super::on_screen::sized(
                egui::Window::new("One session, minute by minute"),
                ctx,
                [760.0, 560.0],
            )
            .id(egui::Id::unique("session window"))
            .open(&mut open)
            .show(ctx, |ui| {
                match session_view::ui(ui, &run, trace, calendar, i) {
                    Some(session_view::SessionAction::Show(j)) => {
                        commands.push(Command::SelectSession(Some(j)))
                    }
                    Some(session_view::SessionAction::Close) => {
                        commands.push(Command::SelectSession(None))
                    }
                    None => {}
                }
            });
            if !open {
                commands.push(Command::SelectSession(None));
            }
        }
    }

    /// Files dropped on the window, and the hint while they hover over it.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let (hovering, dropped) =
            ctx.input(|i| (!i.raw.hovered_files.is_empty(), i.raw.dropped_files.clone()));
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop hint"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, Color32::from_black_alpha(140));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop a .ron scenario to open it",
                egui::FontId::proportional(24.0),
                Color32::WHITE,
            );
        }
        if let Some(file) = dropped.iter().find(|f| !f.path().as_os_str().is_empty()) {
            let path = file.path().to_path_buf();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                // Opened from its path; in the browser (a name, no path) read first.
                self.open_dropped(file, commands, ctx);
            } else {
                self.error(&format!(
                    "{} is not a scenario: lactosim opens .ron files.",
                    path.display()
                ));
            }
        }
    }

    /// The notice after a restore from the recovery file: keep what was restored, or discard it
    /// for what the last clean quit kept (or the default scenario).
    pub(super) fn restored_notice(&mut self, ui: &mut Ui) {
        let Some(clean) = &self.restored_after_crash else {
            return;
        };
        let mut choice = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RESTORED_AFTER_CRASH);
                if ui
                    .button("Keep")
                    .on_hover_text("Go on with the restored scenario")
                    .clicked()
                {
                    choice = Some(false);
                }
                if ui
                    .button("Discard")
                    .on_hover_text(
                        "Go back to what was open when lactosim last quit normally (or the default scenario)",
                    )
                    .clicked()
                {
                    choice = Some(true);
                }
            });
        });
        match choice {
            Some(true) => {
                let clean = clean.clone();
                self.restored_after_crash = None;
                self.set_baseline(None);
                self.document = Document::new(Scenario::default(), None);
                if let Some(state) = clean {
                    self.restore_state(&state);
                }
            }
            Some(false) => self.restored_after_crash = None,
            None => {}
        }
    }
}
