//! The egui explorer. For now a read-only view of the run: the plain-words summary and four
//! linked plots (supply, stored milk, prolactin, milk sodium). The full explorer (schedule editor,
//! parameter panels, comparison, files) is the explorer issue.

pub mod params_panel;
pub mod schedule_panel;

use std::path::PathBuf;

use egui_plot::{Legend, Line, Plot, PlotPoint, PlotPoints};

use crate::{Run, Scenario, simulate};

/// One plotted curve: a name and its points (x in days), prepared once per run.
struct Curve {
    name: &'static str,
    points: Vec<PlotPoint>,
}

/// A plot of several curves sharing a unit.
struct Panel {
    title: &'static str,
    unit: &'static str,
    curves: Vec<Curve>,
}

pub struct App {
    pub scenario: Scenario,
    pub run: Option<Run>,
    summary: String,
    panels: Vec<Panel>,
}

fn curve(run: &Run, name: &'static str, y: &[f64]) -> Curve {
    Curve {
        name,
        points: run
            .series
            .t_h
            .iter()
            .zip(y)
            .map(|(t, v)| PlotPoint::new(t / 24.0, *v))
            .collect(),
    }
}

fn panels(run: &Run) -> Vec<Panel> {
    let s = &run.series;
    let sodium: Vec<f64> = s.stored_milk.iter().map(|c| c.sodium_mmol_l).collect();
    vec![
        Panel {
            title: "Supply",
            unit: "ml/day",
            curves: vec![
                curve(run, "milk made, last 24 h", &s.production_24h_ml),
                curve(run, "milk removed, last 24 h", &s.removed_24h_ml),
                curve(run, "baby's appetite", &s.appetite_ml_per_day),
            ],
        },
        Panel {
            title: "Milk stored in each breast",
            unit: "ml",
            curves: vec![
                curve(run, "left", &s.glands[0].stored_ml),
                curve(run, "right", &s.glands[1].stored_ml),
            ],
        },
        Panel {
            title: "Prolactin",
            unit: "ng/ml",
            curves: vec![curve(run, "prolactin", &s.prolactin_ng_ml)],
        },
        Panel {
            title: "Sodium in the stored milk",
            unit: "mmol/L",
            curves: vec![curve(run, "sodium", &sodium)],
        },
    ]
}

impl App {
    pub fn new(scenario: Scenario) -> Self {
        let run = simulate(&scenario).ok();
        let summary = run.as_ref().map_or_else(
            || "The scenario is not valid.".to_owned(),
            crate::summary::plain_words,
        );
        let panels = run.as_ref().map(panels).unwrap_or_default();
        Self {
            scenario,
            run,
            summary,
            panels,
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.scenario.name);
            ui.label(&self.summary);
            ui.separator();
            let height = (ui.available_height() / self.panels.len().max(1) as f32 - 24.0).max(80.0);
            let link = ui.scope_id().with("time axis");
            for panel in &self.panels {
                ui.label(format!("{} ({})", panel.title, panel.unit));
                Plot::new(panel.title)
                    .height(height)
                    .legend(Legend::default())
                    .link_axis(link, [true, false])
                    .x_axis_label("days since birth")
                    .show(ui, |plot_ui| {
                        for c in &panel.curves {
                            // Borrowed: no copy of the points per frame.
                            plot_ui.line(Line::new(c.name, PlotPoints::Borrowed(&c.points)));
                        }
                    });
            }
        });
    }
}

pub fn launch(preset: Option<PathBuf>) -> eframe::Result<()> {
    let scenario = match preset {
        Some(p) => match crate::preset::read_file(&p) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                Scenario::default()
            }
        },
        None => Scenario::default(),
    };
    eframe::run_native(
        "lactosim",
        eframe::NativeOptions::default(),
        Box::new(|_cc| Ok(Box::new(App::new(scenario)))),
    )
}
