//! Help → "How good is the model?": every published figure the model can run, beside what the
//! model gives ([`crate::validate::check_all`]), in a window.
//!
//! The check runs the model on a few dozen scenarios and 300 mothers (a few seconds on the
//! desktop, 20–30 s in a browser), so it is computed once, in the background (a worker thread;
//! in the browser a week of a run, a month of a mother or a row between frames), the first time
//! the window opens; the table is kept for the rest of the session (the model does not
//! change while the program runs).

use egui::{Label, RichText, Ui};

use crate::validate::{Checked, Checking};

use super::glyphs::drawable;
use super::platform::{self, Job, Polled, Task};

/// Width of each column of the table, points.
const COLUMNS: [(&str, f32); 7] = [
    ("id", 28.0),
    ("what is measured", 150.0),
    ("model", 185.0),
    ("published (range to hit)", 185.0),
    ("result", 38.0),
    ("source", 160.0),
    ("note", 180.0),
];

enum State {
    Checking(Task<Result<Vec<Checked>, String>>),
    Done(Vec<Checked>),
    Failed(String),
}

/// The window and its table.
#[derive(Default)]
pub struct ValidationView {
    pub open: bool,
    state: Option<State>,
    /// The table's cells as drawn (symbols the fonts lack written plainly), made once.
    rows: Option<Vec<Row>>,
}

/// One row of the table as drawn.
struct Row {
    cells: [String; 7],
    pass: bool,
}

impl ValidationView {
    /// Open the window; the first time, start the check in the background.
    pub fn show(&mut self, ctx: &egui::Context) {
        self.open = true;
        if self.state.is_none() {
            let task = platform::start(CheckRows(Checking::start()), ctx);
            self.state = Some(State::Checking(task));
        }
    }

    /// Is the check still running?
    pub fn checking(&self) -> bool {
        matches!(self.state, Some(State::Checking(_)))
    }

    /// How far the check is, 0 to 1.
    fn progress(&self) -> f32 {
        match &self.state {
            Some(State::Checking(task)) => task.progress(),
            _ => 1.0,
        }
    }

    /// The rows checked, once the check is done.
    pub fn checked(&self) -> Option<&[Checked]> {
        match &self.state {
            Some(State::Done(c)) => Some(c),
            _ => None,
        }
    }

    /// Wait for the check to finish (tests).
    pub fn wait(&mut self) {
        if let Some(State::Checking(_)) = &self.state {
            let Some(State::Checking(task)) = self.state.take() else {
                unreachable!("looked at just above")
            };
            let outcome = task
                .wait()
                .unwrap_or_else(|| Err("the check stopped without an answer".to_owned()));
            self.accept(outcome);
        }
    }

    fn accept(&mut self, outcome: Result<Vec<Checked>, String>) {
        self.state = Some(match outcome {
            Ok(c) => State::Done(c),
            Err(why) => State::Failed(why),
        });
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(State::Checking(task)) = &mut self.state {
            match task.poll(ctx) {
                Polled::Ready(outcome) => self.accept(outcome),
                Polled::Pending => {}
                Polled::Lost => self.accept(Err("the check stopped without an answer".to_owned())),
            }
        }
    }

    /// The window, when open.
    pub fn window(&mut self, ctx: &egui::Context) {
        if !self.open {
            return;
        }
        self.poll(ctx);
        let mut open = true;
        super::on_screen::sized(
            egui::Window::new("How good is the model?"),
            ctx,
            [1040.0, 600.0],
        )
        .id(egui::Id::unique("validation window"))
        .open(&mut open)
        .vscroll(false)
        .show(ctx, |ui| self.contents(ui));
        self.open = open;
    }

    fn contents(&mut self, ui: &mut Ui) {
        match &self.state {
            None | Some(State::Checking(_)) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    // A few seconds on the desktop's cores; in a browser, one core and slower
                    // arithmetic: 20–30 s on this project's 2-core machine.
                    ui.label(if platform::IN_BROWSER {
                        "Running the model against every published figure (about half a minute in a browser; the page goes on answering)…"
                    } else {
                        "Running the model against every published figure (a few seconds)…"
                    });
                    ui.add(egui::ProgressBar::new(self.progress()).show_percentage());
                });
            }
            Some(State::Failed(why)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("The check could not run: {why}"),
                );
            }
            Some(State::Done(checked)) => {
                let rows = self.rows.get_or_insert_with(|| {
                    let ctx = ui.ctx();
                    checked
                        .iter()
                        .map(|c| {
                            let r = &c.row;
                            Row {
                                cells: [
                                    r.id,
                                    r.measured,
                                    &c.outcome.model,
                                    r.published,
                                    if c.outcome.pass { "pass" } else { "FAIL" },
                                    r.source,
                                    r.note.unwrap_or_default(),
                                ]
                                .map(|t| drawable(ctx, t).into_owned()),
                                pass: c.outcome.pass,
                            }
                        })
                        .collect()
                });
                table(ui, &passed_sentence(checked), rows);
            }
        }
    }
}

/// "31 of 34 rows pass."
pub fn passed_sentence(checked: &[Checked]) -> String {
    let passed = checked.iter().filter(|c| c.outcome.pass).count();
    format!("{passed} of {} rows pass.", checked.len())
}

fn table(ui: &mut Ui, sentence: &str, rows: &[Row]) {
    ui.label(RichText::new(sentence).strong().size(15.0));
    ui.label(
        "Each published figure the model can be run against, run on the model with its default \
         parameters, not on the scenario open: the model's figure beside the published one and \
         the range it must hit. Responses to change (D) compare two scenarios that differ only \
         in the change. A row that fails stays, marked, with why. Days are counted from birth \
         (day 0 is the first 24 hours); the studies count the first day as day 1.",
    );
    ui.separator();
    let fail = ui.visuals().error_fg_color;
    let pass = ui.visuals().weak_text_color();
    let stripe = ui.visuals().faint_bg_color;
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Rows laid out one by one (not a Grid, which sizes a row of wrapped text from the
            // frame before): each as high as its tallest cell.
            ui.spacing_mut().item_spacing = egui::vec2(10.0, 0.0);
            table_row(ui, egui::Frame::NONE, |ui| {
                for (title, width) in COLUMNS {
                    cell(ui, width, RichText::new(title).strong());
                }
            });
            ui.separator();
            for (n, r) in rows.iter().enumerate() {
                let frame = if n % 2 == 0 {
                    egui::Frame::NONE.fill(stripe)
                } else {
                    egui::Frame::NONE
                };
                table_row(ui, frame, |ui| {
                    for (i, (text, (_, width))) in r.cells.iter().zip(COLUMNS).enumerate() {
                        let text = RichText::new(text);
                        let text = match i {
                            0 => text.strong(),
                            4 if r.pass => text.color(pass),
                            4 => text.color(fail).strong(),
                            5 | 6 => text.small(),
                            _ => text,
                        };
                        cell(ui, width, text);
                    }
                });
            }
        });
}

/// One row of the table, in its frame (striped or not).
fn table_row(ui: &mut Ui, frame: egui::Frame, cells: impl FnOnce(&mut Ui)) {
    frame
        .inner_margin(egui::Margin::symmetric(2, 4))
        .show(ui, |ui| {
            ui.horizontal_top(cells);
        });
}

/// A cell of a fixed width whose text wraps onto as many lines as it needs.
fn cell(ui: &mut Ui, width: f32, text: RichText) {
    ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
        ui.set_width(width);
        ui.add(Label::new(text).wrap());
    });
}

/// The check as background work: a piece a step (a week of a run, a month of a mother, a row),
/// a panic turned into words.
struct CheckRows(Checking);

impl Job for CheckRows {
    type Output = Result<Vec<Checked>, String>;

    /// In the browser: a week of a run a row reads, a month of one of the mothers the P rows
    /// read, or a row's check (which then only reads).
    fn step(&mut self) -> Option<Self::Output> {
        self.checked_if_done(|c| c.step())
    }

    fn done_fraction(&self) -> f32 {
        self.0.done_fraction()
    }

    /// On the desktop's worker: a run, the mothers (on every core) or a row's check at a time.
    fn run_to_end(mut self, progress: &platform::Progress) -> Self::Output {
        loop {
            if let Some(out) = self.checked_if_done(Checking::advance) {
                progress.set(1.0);
                return out;
            }
            progress.set(self.0.done_fraction());
        }
    }
}

impl CheckRows {
    /// Move the check on by `work`; the rows once all are checked (a panic, in words).
    fn checked_if_done(
        &mut self,
        work: impl FnOnce(&mut Checking) -> bool,
    ) -> Option<Result<Vec<Checked>, String>> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut self.0))) {
            Ok(true) => None,
            Ok(false) => Some(Ok(std::mem::take(&mut self.0.checked))),
            Err(panic) => Some(Err(super::runner::panic_words(panic.as_ref()))),
        }
    }
}
