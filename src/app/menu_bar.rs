//! The menu bar and the keyboard shortcuts: each entry becomes a [`Command`].

use super::*;

impl App {
    /// Keyboard shortcuts, read before the panels so they work wherever the focus is.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            // The shifted ones first: Ctrl+Z would also match Ctrl+Shift+Z.
            if i.consume_shortcut(&SAVE_AS) {
                out.push(Command::SaveAs);
            }
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                out.push(Command::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                out.push(Command::Undo);
            }
            if i.consume_shortcut(&SAVE) {
                out.push(Command::Save);
            }
            if i.consume_shortcut(&OPEN) {
                out.push(Command::Open);
            }
            if i.consume_shortcut(&TIMING) {
                self.show_timing = !self.show_timing;
            }
        });
        out
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        // The browser has no paths and cannot quit: files are picked and downloaded there.
        let paths = !platform::IN_BROWSER;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("New (default scenario)").clicked() {
                    commands.push(Command::New);
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
                    .clicked()
                {
                    commands.push(Command::Open);
                }
                if paths
                    && ui
                        .button("Open path…")
                        .on_hover_text("Type the path of the file to open (no system dialog).")
                        .clicked()
                {
                    commands.push(Command::OpenTypedPath);
                }
                if ui
                    .button("Import her log…")
                    .on_hover_text("A feeding or pumping log (lactosim's CSV, or a Huckleberry or Baby Tracker export): fit the model to this mother, then ask \"what if\" for her.")
                    .clicked()
                {
                    commands.push(Command::ImportLog);
                }
                if paths {
                    ui.menu_button("Open recent", |ui| {
                        if self.recent.is_empty() {
                            ui.label("No recent files yet.");
                        }
                        for p in &self.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                commands.push(Command::OpenPath(p.clone()));
                            }
                        }
                    });
                }
                ui.menu_button("Examples", |ui| {
                    for (i, (title, description)) in files::example_titles().iter().enumerate() {
                        let r = ui.button(title);
                        let r = if description.is_empty() {
                            r
                        } else {
                            r.on_hover_text(description)
                        };
                        if r.clicked() {
                            commands.push(Command::OpenExample(i));
                        }
                    }
                });
                ui.separator();
                if paths {
                    if ui
                        .add(
                            egui::Button::new("Save")
                                .shortcut_text(ui.ctx().format_shortcut(&SAVE)),
                        )
                        .clicked()
                    {
                        commands.push(Command::Save);
                    }
                    if ui
                        .add(
                            egui::Button::new("Save as…")
                                .shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)),
                        )
                        .clicked()
                    {
                        commands.push(Command::SaveAs);
                    }
                    if ui
                        .button("Save to path…")
                        .on_hover_text("Type the path of the file to write (no system dialog).")
                        .clicked()
                    {
                        commands.push(Command::SaveTypedPath);
                    }
                } else if ui
                    .add(
                        egui::Button::new("Download the scenario (.ron)")
                            .shortcut_text(ui.ctx().format_shortcut(&SAVE)),
                    )
                    .on_hover_text("A file to keep, open again with Open…, or send: the browser saves it in its downloads. (Your work is also kept in this browser between visits.)")
                    .clicked()
                {
                    commands.push(Command::Save);
                }
                ui.separator();
                if ui
                    .add_enabled(self.current.is_some(), egui::Button::new("Export run as CSV…"))
                    .on_hover_text("series.csv, events.csv, sessions.csv and days.csv: the same files as `lactosim run --out`")
                    .clicked()
                {
                    commands.push(Command::ExportCsv);
                }
                if ui
                    .add_enabled(self.current.is_some(), egui::Button::new("Export plots as PNG…"))
                    .clicked()
                {
                    commands.push(Command::ExportPng);
                }
                if paths {
                    ui.separator();
                    if ui
                        .add(
                            egui::Button::new("Quit")
                                .shortcut_text(ui.ctx().format_shortcut(&QUIT)),
                        )
                        .clicked()
                    {
                        commands.push(Command::Quit);
                    }
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(
                        self.document.can_undo(),
                        egui::Button::new("Undo").shortcut_text(ui.ctx().format_shortcut(&UNDO)),
                    )
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        self.document.can_redo(),
                        egui::Button::new("Redo").shortcut_text(ui.ctx().format_shortcut(&REDO)),
                    )
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                self.audience_menu(ui);
                ui.separator();
                for kind in PlotKind::ALL {
                    let mut on = self.plots.visible.contains(&kind);
                    if ui.checkbox(&mut on, kind.title()).on_hover_text(kind.help()).changed() {
                        if on {
                            self.plots.visible.push(kind);
                        } else {
                            self.plots.visible.retain(|k| *k != kind);
                        }
                    }
                }
                ui.separator();
                if ui.button("Show the whole run").clicked() {
                    commands.push(Command::ResetZoom);
                }
                ui.checkbox(&mut self.show_timing, "Show timing (F12)");
                ui.separator();
                let parent = self.parent_face();
                self.mothers.toggle_ui(ui, self.baseline.is_some(), parent);
                ui.separator();
                // egui's own theme buttons use emoji the default fonts lack: words instead.
                ui.label("Theme");
                let mut theme = ui.ctx().options(|o| o.theme_preference);
                let before = theme;
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut theme, egui::ThemePreference::System, "System");
                    ui.selectable_value(&mut theme, egui::ThemePreference::Light, "Light");
                    ui.selectable_value(&mut theme, egui::ThemePreference::Dark, "Dark");
                });
                if theme != before {
                    ui.ctx().set_theme(theme);
                }
            });
            ui.menu_button("Compare", |ui| self.baseline_buttons(ui, commands));
            ui.menu_button("Share", |ui| self.share_menu(ui, commands));
            ui.menu_button("Help", |ui| {
                if ui
                    .button("How milk is made")
                    .on_hover_text("One alveolus of the breast: how milk is made from blood by five pathways, hour by hour in this run.")
                    .clicked()
                {
                    commands.push(Command::ShowHowMilkIsMade);
                }
                if ui
                    .button("What reaches the milk")
                    .on_hover_text("What the mother takes (coffee, a drink, medicines): her blood and milk levels and what each feed carried to the baby.")
                    .clicked()
                {
                    commands.push(Command::ShowWhatReachesTheMilk(None));
                }
                if ui
                    .button("How good is the model?")
                    .on_hover_text("Every published figure the model can be run against, beside what the model gives: pass or fail, with sources.")
                    .clicked()
                {
                    commands.push(Command::ShowValidation);
                }
                ui.separator();
                for line in how_to_lines(super::platform::touch_first(ui.ctx())) {
                    ui.label(line);
                }
                ui.separator();
                ui.label(about_panel::ABOUT);
            });
        });
    }
}

/// The Help menu's lines on how to move around, in the words of the pointer in use (a finger or
/// a mouse) and of where lactosim runs (the browser has no window to drop a file on from a phone,
/// and no docs folder beside it).
fn how_to_lines(touch: bool) -> [&'static str; 4] {
    let in_browser = super::platform::IN_BROWSER;
    [
        if touch {
            "Drag a plot with a finger to pan, pinch to zoom in time, double-tap to see the whole run."
        } else {
            "Drag in a plot to pan, Ctrl+scroll to zoom in time, double-click to see the whole run."
        },
        if touch {
            "Tap a session (in the plots or the bars under them) to see its minutes."
        } else {
            "Click a session (in the plots or the bars under them) to see its minutes."
        },
        match (touch, in_browser) {
            (true, _) => "Open a scenario file with File → Open…, or a link someone sent you.",
            (false, true) => "Open a .ron scenario file with File → Open…, or drop it on the page.",
            (false, false) => "Drop a .ron scenario file on the window to open it.",
        },
        match (touch, in_browser) {
            (true, _) => {
                "Every parameter's meaning and source: press and hold its name (under Parameters, in the clinician's view)."
            }
            (false, true) => "Every parameter's meaning and source: hover its slider.",
            (false, false) => {
                "Every parameter's meaning and source: hover its slider, or read docs/model.md."
            }
        },
    ]
}
