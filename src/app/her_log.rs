//! Her own numbers in the window (File → *Import her log…*): the log read, where it sits in her
//! baby's life, the fit in the background with its progress, and then her fitted scenario
//! opened — the log's days as they were, then two weeks more of its last day — with each fitted
//! value, its range and how well the model fits, in a window of its own.

use std::sync::atomic::{AtomicUsize, Ordering};

use platform::{Job, Polled, Task};

use super::*;
use crate::fit::{self, Before, Fit, Placement};
use crate::log::Log;
use crate::schedule::format_time_h;

/// About how many simulations a fit takes (for the progress bar: the search, then the curvature).
const SIMULATIONS_EXPECTED: usize = 130;

/// Where the fit is.
pub enum FitState {
    /// Asking where the log sits in her baby's life.
    Asking,
    Fitting {
        done: Arc<AtomicUsize>,
        task: Task<Result<Fit, Vec<Problem>>>,
    },
    Fitted(Box<Fit>),
    Failed(String),
}

/// Her log, imported.
pub struct HerLog {
    pub path: PathBuf,
    pub log: Log,
    /// Her baby's day of life on the log's first day, as typed (or worked out from the
    /// scenario's date of birth).
    pub day_of_life: u32,
    /// Has it been given? A fit placed on the day of birth by default would read her log as
    /// colostrum days: it waits until it is given (a log in hours since birth needs none).
    pub day_given: bool,
    pub state: FitState,
    open: bool,
    /// What she did before her log (asked: the log does not show it).
    pub before: Before,
    /// How her fitted scenario is made, stretch by stretch, once fitted.
    pub how_made: Vec<String>,
    /// The logged amounts as plot points (days since birth, ml), once fitted.
    pub points: Option<Arc<Vec<egui_plot::PlotPoint>>>,
}

impl HerLog {
    fn placement(&self) -> Placement {
        match self.log.origin {
            Some(_) => Placement::first_day_is(f64::from(self.day_of_life)),
            None => Placement::first_day_is(0.0),
        }
        .after(self.before)
    }

    fn name(&self) -> String {
        self.path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    }
}

impl App {
    /// Read her log and ask where it sits in her baby's life (from the scenario's date of birth
    /// when it has one).
    pub(super) fn import_log(&mut self, path: PathBuf) {
        let read = crate::log::read_file(&path, None);
        self.take_log(path, read);
    }

    /// Import her log from its text (a file picked in the browser: a name, no path).
    pub(super) fn import_log_text(&mut self, name: &str, text: &str) {
        let read = crate::log::read_str(text, None);
        self.take_log(PathBuf::from(name), read);
    }

    fn take_log(
        &mut self,
        path: PathBuf,
        read: Result<crate::log::Log, Vec<crate::log::LogProblem>>,
    ) {
        match read {
            Ok(log) => {
                let (day_of_life, day_given) = match (log.origin, self.document.scenario.birth_date)
                {
                    (Some(first), Some(born)) => (born.days_until(first).max(0) as u32, true),
                    (Some(_), None) => (0, false),
                    (None, _) => (0, true),
                };
                self.her_log = Some(HerLog {
                    before: Before::usual_for(&log),
                    path,
                    log,
                    day_of_life,
                    day_given,
                    state: FitState::Asking,
                    open: true,
                    points: None,
                    how_made: Vec::new(),
                });
            }
            Err(problems) => {
                self.file_problems = Some(FileProblems {
                    title: format!("{} could not be read as a log", path.display()),
                    lines: problems.iter().map(ToString::to_string).collect(),
                })
            }
        }
    }

    /// Fit the scenario's mother to her log in the background (a worker thread; in the
    /// browser a piece at a time between frames, [`FitJob`]).
    pub fn start_fit(&mut self, ctx: &egui::Context) {
        let Some(h) = &mut self.her_log else { return };
        let done = Arc::new(AtomicUsize::new(0));
        let job = FitJob {
            input: Some((self.document.scenario.clone(), h.log.clone(), h.placement())),
            steps: None,
            done: done.clone(),
        };
        h.state = FitState::Fitting {
            done,
            task: platform::start(job, ctx),
        };
    }

    /// Take a finished fit: her fitted scenario becomes the one being edited.
    fn poll_fit(&mut self, ctx: &egui::Context) {
        let Some(h) = &mut self.her_log else { return };
        let FitState::Fitting { task, .. } = &mut h.state else {
            return;
        };
        let result = match task.poll(ctx) {
            Polled::Ready(r) => r,
            Polled::Pending => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Polled::Lost => Err(vec![Problem::new("fit", "the fit stopped")]),
        };
        self.accept_fit(result);
    }

    fn accept_fit(&mut self, result: Result<Fit, Vec<Problem>>) {
        let Some(h) = &mut self.her_log else { return };
        match result {
            Ok(f) => {
                let sc = fit::her_scenario(&f, &h.log, h.placement(), &h.name());
                h.how_made = fit::words::how_made(&sc, &h.log, h.placement());
                let name = sc.name.clone();
                let zero = h.placement().log_zero_h;
                h.points = Some(Arc::new(
                    h.log
                        .sessions
                        .iter()
                        .filter(|s| s.kind != crate::log::LogKind::Bottle)
                        .filter_map(|s| {
                            Some(egui_plot::PlotPoint::new(
                                (zero + s.start_h) / 24.0,
                                s.ml()?,
                            ))
                        })
                        .collect(),
                ));
                h.state = FitState::Fitted(Box::new(f));
                self.document.replace(sc, None);
                self.selected_session = None;
                self.notice(&format!(
                    "{name}: fitted and opened — her log's days as they were, then {} days more of its last day.",
                    fit::FUTURE_DAYS
                ));
            }
            Err(problems) => {
                h.state = FitState::Failed(
                    problems
                        .iter()
                        .map(|p| p.message.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        }
    }

    /// Wait for the fit (tests and headless use).
    pub fn wait_for_fit(&mut self) {
        let Some(h) = &mut self.her_log else { return };
        let FitState::Fitting { .. } = &h.state else {
            return;
        };
        let FitState::Fitting { task, .. } = std::mem::replace(&mut h.state, FitState::Asking)
        else {
            unreachable!("looked at just above")
        };
        let result = task
            .wait()
            .unwrap_or_else(|| Err(vec![Problem::new("fit", "the fit stopped")]));
        self.accept_fit(result);
    }

    /// The window of her log: where it sits, the fit's progress, then what was fitted.
    pub(super) fn her_log_window(&mut self, ctx: &egui::Context) {
        self.poll_fit(ctx);
        // Her run is on screen (not one still running), to be pinned as the baseline.
        let can_ask = self
            .current
            .as_ref()
            .is_some_and(|c| c.scenario == self.document.scenario);
        let Some(h) = &mut self.her_log else { return };
        let mut open = h.open;
        let mut fit_now = false;
        let mut ask = false;
        super::on_screen::sized(egui::Window::new("Her log"), ctx, [460.0, 560.0])
            .id(egui::Id::unique(HER_LOG_WINDOW))
            .open(&mut open)
            .show(ctx, |ui| {
                let log = &h.log;
                ui.label(format!(
                    "{}: {} sessions ({} log){}.",
                    h.name(),
                    log.sessions.len(),
                    log.format.name(),
                    log.origin
                        .map_or(String::new(), |d| format!(", from {}", d.long()))
                ));
                for note in &log.notes {
                    ui.label(RichText::new(format!("Note: {note}.")).weak());
                }
                let asking = matches!(h.state, FitState::Asking | FitState::Failed(_));
                if log.origin.is_some() {
                    ui.horizontal(|ui| {
                        let l = ui.label("Her baby's day of life on the log's first day:");
                        let r = ui
                            .add_enabled(
                                asking,
                                egui::DragValue::new(&mut h.day_of_life).range(0..=360),
                            )
                            .labelled_by(l.id)
                            .on_hover_text("0 is the day of birth; a 6-week-old is on day 42.");
                        // Typing 0 changes nothing but still gives it.
                        h.day_given |= r.changed() || r.lost_focus();
                    });
                    if !h.day_given {
                        ui.label(
                            RichText::new("Set it first: the fit depends on her baby's age.")
                                .weak(),
                        );
                    }
                }
                ui.add_enabled_ui(asking, |ui| {
                    ui.label("Before her log, which it does not show, she:");
                    ui.radio_value(
                        &mut h.before,
                        Before::FirstDayFromBirth,
                        "did as on its first day, from birth (an exclusive pumper)",
                    );
                    ui.radio_value(
                        &mut h.before,
                        Before::ScenarioPlan,
                        "followed the open scenario's plan (feeding on demand, by default), then two weeks of its first day",
                    );
                });
                match &h.state {
                    FitState::Asking => {
                        fit_now = ui
                            .add_enabled(h.day_given, egui::Button::new("Fit the model to her log"))
                            .on_hover_text("Her storage capacity per breast and her secretory capacity (and the baby's effectiveness with test weights), with the spreads between mothers as the starting point.")
                            .clicked();
                    }
                    FitState::Fitting { done, .. } => {
                        let n = done.load(Ordering::Relaxed);
                        ui.add(
                            egui::ProgressBar::new(
                                (n as f32 / SIMULATIONS_EXPECTED as f32).min(0.99),
                            )
                            .text(format!("fitting: {n} simulations")),
                        );
                    }
                    FitState::Failed(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, why);
                        fit_now = ui.button("Try again").clicked();
                    }
                    FitState::Fitted(f) => ask = fitted_ui(ui, f, &h.log, &h.how_made, can_ask),
                }
            });
        h.open = open;
        if fit_now {
            self.start_fit(ctx);
        }
        if ask {
            self.ask_what_if_for_her(ctx);
        }
    }

    /// Pin her run as the baseline and open her plan after the log, to be changed; the window
    /// folds to its title, out of the way of the schedule it sends the person to.
    fn ask_what_if_for_her(&mut self, ctx: &egui::Context) {
        self.command(Command::PinBaseline, ctx);
        let mut folded = egui::collapsing_header::CollapsingState::load_with_default_open(
            ctx,
            egui::Id::unique(HER_LOG_WINDOW).with("collapsing"),
            true,
        );
        folded.set_open(false);
        folded.store(ctx);
        let rule = self
            .document
            .scenario
            .schedule
            .rules
            .iter()
            .position(|r| r.label.starts_with(fit::driven::PLAN_AFTER_LABEL));
        self.tab = SideTab::Schedule;
        match rule {
            Some(i) => {
                self.schedule_panel.open_rule(i);
                self.notice("Her run is pinned as the baseline. Change her plan after the log (open in the Schedule tab, under Recurring rules): the plots draw her run as it was, dashed, and the Compare tab gives the difference.");
            }
            None => self.notice("Her run is pinned as the baseline. Her plan after the log is her last day's sessions, one by one (the Schedule tab, under Single sessions): change them, or add a recurring rule, and compare."),
        }
    }
}

/// Each fitted value with its range, how well the model fits and what the log cannot tell, how
/// her scenario was made, and each logged session beside the model's. True when "Ask what if
/// for her" is clicked.
fn fitted_ui(ui: &mut Ui, f: &Fit, log: &Log, how_made: &[String], can_ask: bool) -> bool {
    egui::Grid::new("fitted values")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("fitted");
            ui.strong("value");
            ui.strong("10th–90th").on_hover_text(RANGE_TIP);
            ui.strong("usual")
                .on_hover_text("Where the fit started: the value of the scenario she was fitted from (a typical mother's, by default).");
            ui.end_row();
            for e in &f.estimates {
                ui.label(e.what.name());
                ui.label(format!("{:.1} {}", e.value, e.what.unit()));
                ui.label(format!("{:.1}–{:.1}", e.p10, e.p90))
                    .on_hover_text(RANGE_TIP);
                ui.label(format!("{:.1}", e.prior));
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(
            "Her secretory capacity at birth moves with the fitted one (same ratio, as between mothers).",
        )
        .small()
        .weak(),
    );
    for line in fit::words::limits(f) {
        ui.label(super::glyphs::drawable(ui.ctx(), &line));
    }
    residuals_ui(ui, f, log);
    egui::CollapsingHeader::new("How her scenario is made")
        .default_open(true)
        .show(ui, |ui| {
            for line in how_made {
                ui.label(RichText::new(super::glyphs::drawable(ui.ctx(), line)).small());
            }
        });
    let asked = ui
        .add_enabled(can_ask, egui::Button::new("Ask what if for her…"))
        .on_hover_text("Change it (8 pumps a day instead of 6: 'A day, at most' 8 and 'Every' shorter) and the plots and the Compare tab show what it does for her.")
        .on_disabled_hover_text("Her scenario is still running.")
        .clicked();
    ui.label(
        RichText::new("Pins her run as the baseline and opens her plan after the log, to change.")
            .small()
            .weak(),
    );
    asked
}

/// The id of her log's window (its folding is set from outside it).
const HER_LOG_WINDOW: &str = "her log window";

const RANGE_TIP: &str = "8 in 10 mothers whose log reads like hers have a value in this range, if the model is right about her (from the curvature of the misfit at the best fit: Laplace's approximation, on the log scale, read over half the spread between mothers). A range near the 'usual' one means the log says little about the value.";

/// Each logged amount beside the model's, in time order.
fn residuals_ui(ui: &mut Ui, f: &Fit, log: &Log) {
    egui::CollapsingHeader::new(format!(
        "Each session, logged and modelled ({})",
        f.residuals.len()
    ))
    .show(ui, |ui| {
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_h, f.residuals.len() + 1, |ui, rows| {
                egui::Grid::new("residuals")
                    .striped(true)
                    .min_row_height(row_h - 4.0)
                    .show(ui, |ui| {
                        for i in rows {
                            if i == 0 {
                                for h in
                                    ["line", "when", "what", "logged", "model", "model − logged"]
                                {
                                    ui.strong(h);
                                }
                                ui.end_row();
                                continue;
                            }
                            let r = &f.residuals[i - 1];
                            let kind =
                                log.sessions
                                    .iter()
                                    .find(|s| s.line == r.line)
                                    .map_or("", |s| match s.kind {
                                        crate::log::LogKind::Pump => "pump",
                                        crate::log::LogKind::Breastfeed => "breastfeed",
                                        crate::log::LogKind::Bottle => "bottle",
                                    });
                            let breast = match r.breast {
                                Some(b) => format!("{kind}, {} breast", b.name()),
                                None => format!("{kind}, both breasts"),
                            };
                            ui.label(r.line.to_string());
                            ui.label(format_time_h(r.t_h));
                            ui.label(breast);
                            ui.label(format!("{:.0} ml", r.observed_ml));
                            ui.label(format!("{:.0} ml", r.model_ml));
                            ui.label(format!("{:+.0} ml", r.misfit_ml()));
                            ui.end_row();
                        }
                    });
            });
    });
}

/// The fit as background work: set up at its first step (which simulates her log once), then
/// a piece at a time ([`fit::FitSteps`]: an iteration of the search, or a point of the
/// curvature), its simulations counted in `done`.
struct FitJob {
    input: Option<(Scenario, Log, Placement)>,
    steps: Option<fit::FitSteps>,
    done: Arc<AtomicUsize>,
}

impl Job for FitJob {
    type Output = Result<Fit, Vec<Problem>>;

    fn step(&mut self) -> Option<Self::Output> {
        if let Some((base, log, at)) = self.input.take() {
            return match fit::FitSteps::start(&base, &log, at) {
                Ok(steps) => {
                    self.steps = Some(steps);
                    None
                }
                Err(problems) => Some(Err(problems)),
            };
        }
        let Some(steps) = &mut self.steps else {
            return Some(Err(vec![Problem::new("fit", "the fit was not set up")]));
        };
        let out = steps.step();
        self.done.store(steps.evaluations(), Ordering::Relaxed);
        out
    }

    fn done_fraction(&self) -> f32 {
        self.steps
            .as_ref()
            .map_or(0.0, fit::FitSteps::done_fraction)
    }
}
