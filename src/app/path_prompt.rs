//! The built-in window where a path is typed: offered when no system file dialog can be shown
//! (no desktop portal, zenity or kdialog), and always from File → "Open path…" / "Save to
//! path…", so that a person is never left with a menu entry that does nothing.

use std::path::PathBuf;

use super::*;

/// The built-in window where a path is typed: offered when no system file dialog can be shown,
/// and always from File → "Open path…" / "Save to path…".
#[derive(Clone, Debug)]
pub(super) struct PathPrompt {
    purpose: PathPurpose,
    text: String,
    /// Why the window came up, or what is wrong with the path typed.
    message: Option<String>,
    /// A command to carry out once saved (the one that asked "save changes first?").
    pub(super) then: Option<Command>,
    /// Focus the text field at the next frame.
    focus: bool,
}

impl App {
    /// Ask the system dialog for a path; when none can be shown, open the built-in window where
    /// the path is typed instead (which then does what the dialog's answer would have done).
    pub(super) fn pick(
        &mut self,
        purpose: PathPurpose,
        pick: impl FnOnce(&dyn Dialogs) -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if self.dialogs.available() {
            let picked = pick(self.dialogs.as_ref());
            // A `None` is a cancel, unless it showed that no dialog could appear after all.
            if picked.is_some() || self.dialogs.available() {
                return picked;
            }
        }
        self.prompt_for_path(purpose, Some(NO_SYSTEM_DIALOG.to_owned()));
        None
    }

    /// Open the built-in path window, pre-filled with a sensible path.
    pub(super) fn prompt_for_path(&mut self, purpose: PathPurpose, message: Option<String>) {
        let text = self.suggested_path(purpose).display().to_string();
        self.path_prompt = Some(PathPrompt {
            purpose,
            text,
            message,
            then: None,
            focus: true,
        });
    }

    /// The path the built-in window starts with: the current file, else a file named after the
    /// scenario in the folder of the current or most recent file (else the working folder).
    pub(super) fn suggested_path(&self, purpose: PathPurpose) -> PathBuf {
        let folder = self
            .document
            .path
            .iter()
            .chain(self.recent.iter())
            .find_map(|p| p.parent().filter(|d| !d.as_os_str().is_empty()))
            .map(std::path::Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let stem = files::file_stem_for(&self.document.scenario.name);
        match purpose {
            PathPurpose::Open => self
                .recent
                .first()
                .cloned()
                .unwrap_or_else(|| folder.join("")),
            PathPurpose::ImportLog => folder.join(""),
            PathPurpose::Save => self
                .document
                .path
                .clone()
                .unwrap_or_else(|| folder.join(format!("{stem}.ron"))),
            PathPurpose::ExportCsv => folder.join(format!("{stem}-csv")),
            PathPurpose::ExportPng => folder.join(format!("{stem}.png")),
        }
    }

    /// OK in the path window: check what was typed, then do what the dialog would have done.
    /// A path that cannot be used keeps the window open with the reason.
    pub(super) fn accept_typed_path(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.path_prompt.as_mut() else {
            return;
        };
        let purpose = prompt.purpose;
        let Some(path) = files::typed_path(&prompt.text, purpose) else {
            prompt.message = Some("Type a path first.".to_owned());
            return;
        };
        let problem = match purpose {
            PathPurpose::Open | PathPurpose::ImportLog if path.is_dir() => Some(format!(
                "{} is a folder: type the path of a file in it.",
                path.display()
            )),
            PathPurpose::Open | PathPurpose::ImportLog if !path.exists() => {
                Some(format!("There is no file at {}.", path.display()))
            }
            PathPurpose::Save | PathPurpose::ExportPng if path.is_dir() => {
                Some(format!("{} is a folder: add a file name.", path.display()))
            }
            PathPurpose::Save | PathPurpose::ExportPng => path
                .parent()
                .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
                .map(|d| format!("There is no folder {}.", d.display())),
            PathPurpose::ExportCsv if path.exists() && !path.is_dir() => {
                Some(format!("{} is a file, not a folder.", path.display()))
            }
            _ => None,
        };
        if let Some(problem) = problem {
            prompt.message = Some(problem);
            prompt.focus = true;
            return;
        }
        let then = prompt.then.take();
        self.path_prompt = None;
        match purpose {
            PathPurpose::Open => self.command(Command::OpenPath(path), ctx),
            PathPurpose::ImportLog => self.command(Command::ImportLogPath(path), ctx),
            PathPurpose::Save => {
                self.save_to(path);
                if let Some(cmd) = then
                    && !self.document.is_dirty()
                {
                    self.command_now(cmd, ctx);
                }
            }
            PathPurpose::ExportCsv => {
                if self.current.is_some()
                    && let Err(e) = std::fs::create_dir_all(&path)
                {
                    self.error(&format!(
                        "Could not export: cannot make the folder {}: {e}",
                        path.display()
                    ));
                } else {
                    self.export_csv_to(&path);
                }
            }
            PathPurpose::ExportPng => self.start_png_export(path, ctx),
        }
    }

    /// The built-in window where a path is typed, with OK and Cancel (Enter and Escape).
    pub(super) fn path_prompt_window(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.path_prompt else {
            return;
        };
        let mut ok = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("path prompt")).show(ctx, |ui| {
            ui.set_width(super::on_screen::modal_width(ctx, 560.0));
            ui.heading(prompt.purpose.title());
            if let Some(m) = &prompt.message {
                ui.colored_label(ui.visuals().warn_fg_color, m);
            }
            let hint = ui.label(prompt.purpose.hint());
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .id(egui::Id::unique("path prompt field"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(hint.id);
            if prompt.focus {
                field.request_focus();
                prompt.focus = false;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                ok = true;
            }
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() {
                    ok = true;
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        });
        if ok {
            self.accept_typed_path(ctx);
        } else if cancel || modal.should_close() {
            self.path_prompt = None;
        }
    }
}
