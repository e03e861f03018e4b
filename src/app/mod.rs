//! The egui explorer. (Filled in by the explorer issue; for now a window that shows the run.)

use std::path::PathBuf;

use crate::{Run, Scenario, simulate};

pub struct App {
    pub scenario: Scenario,
    pub run: Option<Run>,
}

impl App {
    pub fn new(scenario: Scenario) -> Self {
        let run = simulate(&scenario).ok();
        Self { scenario, run }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.scenario.name);
            if let Some(run) = &self.run {
                ui.label(crate::summary::plain_words(run));
            }
        });
    }
}

pub fn launch(preset: Option<PathBuf>) -> eframe::Result<()> {
    let scenario = match preset {
        Some(p) => crate::preset::read_file(&p).unwrap_or_default(),
        None => Scenario::default(),
    };
    eframe::run_native(
        "lactosim",
        eframe::NativeOptions::default(),
        Box::new(|_cc| Ok(Box::new(App::new(scenario)))),
    )
}
