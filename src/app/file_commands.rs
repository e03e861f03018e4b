//! Commands that touch files: open, save, export CSV and PNG, and the problems of a file told in
//! plain words.

use super::*;

impl App {
    pub(super) fn export_csv_to(&mut self, dir: &std::path::Path) {
        let Some(sim) = &self.current else {
            self.error("Nothing to export: the scenario has no run yet.");
            return;
        };
        match crate::export::write_csv_dir(&sim.scenario, &sim.run, dir) {
            Ok(written) => self.notice(&format!(
                "Wrote {} to {}",
                written.join(", "),
                dir.display()
            )),
            Err(e) => self.error(&format!("Could not export to {}: {e:#}", dir.display())),
        }
    }

    /// Ask for a screenshot; [`App::finish_png_export`] saves it when it comes.
    pub(super) fn start_png_export(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.png_target = Some(path);
        // The plots must be on screen (on a narrow screen the side panel may stand in for them).
        self.unfolded = false;
        let slot = self.screenshot.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            *slot.lock().expect("screenshot slot") = Some(image);
            repaint.request_repaint();
        });
    }

    /// Save a screenshot that arrived, cropped to the plots.
    pub(super) fn finish_png_export(&mut self, ctx: &egui::Context) {
        let Some(image) = self.screenshot.lock().expect("screenshot slot").take() else {
            return;
        };
        let Some(path) = self.png_target.take() else {
            return;
        };
        let ppp = ctx.pixels_per_point();
        let whole = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(image.size[0] as f32, image.size[1] as f32) / ppp,
        );
        let region = self.figure_rect.unwrap_or(whole).intersect(whole);
        if !region.is_positive() {
            self.error("Nothing to export: the plots are not on screen.");
            return;
        }
        let cropped = image.region(&region, Some(ppp));
        match files::png_bytes(&cropped).and_then(|png| platform::write_file(&path, &png)) {
            Ok(()) if platform::IN_BROWSER => {
                self.notice(&format!("Downloaded the plots as {}", path.display()))
            }
            Ok(()) => self.notice(&format!("Saved the plots to {}", path.display())),
            Err(e) => self.error(&e),
        }
    }

    pub(super) fn open_path(&mut self, path: PathBuf) {
        match crate::preset::read_file(&path) {
            Ok(sc) => {
                self.show_description = true;
                self.notice(&format!("Opened {}", path.display()));
                files::remember(&mut self.recent, &path);
                self.document.replace(sc, Some(path));
                self.selected_session = None;
            }
            Err(e) => self.show_file_problems(&path.display().to_string(), &e),
        }
    }

    /// Open a scenario from its text: a file picked or dropped in the browser (a name, no path).
    pub(super) fn open_text(&mut self, name: &str, text: &str) {
        match crate::preset::from_str(text, Some(std::path::Path::new(name))) {
            Ok(sc) => {
                self.show_description = true;
                self.notice(&format!("Opened {name}"));
                // Saved again, it is downloaded under the same name.
                self.document.replace(sc, Some(PathBuf::from(name)));
                self.selected_session = None;
            }
            Err(e) => self.show_file_problems(name, &e),
        }
    }

    pub(super) fn show_file_problems(&mut self, file: &str, e: &crate::preset::PresetError) {
        self.file_problems = Some(FileProblems {
            title: format!("{file} could not be opened"),
            lines: e.to_string().lines().map(str::to_owned).collect(),
        });
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
        match crate::preset::write_file(&path, &self.document.scenario) {
            Ok(()) => {
                files::remember(&mut self.recent, &path);
                self.notice(&format!("Saved {}", path.display()));
                self.document.mark_saved(path);
            }
            Err(e) => self.error(&format!("Could not save {}: {e}", path.display())),
        }
    }
}
