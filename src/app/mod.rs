//! The egui explorer. One struct of app state ([`App`]); panels that each own one concern and
//! return what the person asked for ([`Edit`]s of the scenario, [`Command`]s for the app), which
//! the app carries out after the UI pass. No physiology here: the model is the library, the
//! plots draw what [`plot_data::RunPlots`] prepared once per run.
//!
//! - `document`: the scenario being edited, its file, unsaved changes, undo/redo;
//! - `runner`: re-simulation (at once for short runs, on a worker thread for long ones);
//! - `plot_data`, `plots`: what the plot stack draws and how, with `time_axis` (its labels),
//!   `session_bars` (the sessions under the plots), `hover` (the read-out) and `legend`;
//! - `params_panel`, `schedule_panel`, `medicines_panel`: the editors (what the mother takes is a
//!   section of the schedule); `compare`: baseline vs. now, at a chosen day;
//! - `session_view`: one feed, minute by minute; `files`: dialogs, examples, PNG;
//! - `validation_view`: Help → "How good is the model?", the model against published figures;
//! - `alveolus_view`: Help → "How milk is made", one alveolus and its five pathways over the run;
//! - `reaches_milk_view`: Help → "What reaches the milk", what the mother takes in her blood and
//!   milk and what each feed carried;
//! - `mothers`: *Show how mothers differ*, the ensembles and their bands;
//! - `share`: Share → a scenario as a link (copy, open), and links given on the command line.
//!
//! The window's own parts, each an `impl App` of its own: `menu_bar` (menus and shortcuts),
//! `header` (above the plots, and the status bar), `modals` (what opens over the window),
//! `file_commands` (open, save, export) and `keeping` (what is kept between sessions). This file
//! only coordinates: the state, the commands, and the order of the panels in a frame.

mod about_panel;
mod audience;
pub mod compare;
mod day_summary;
pub mod document;
mod fields;
mod file_commands;
pub mod files;
mod glossary;
mod glyphs;
mod header;
pub mod her_log;
mod hover;
mod keeping;
mod legend;
pub mod medicines_panel;
mod menu_bar;
mod modals;
pub mod mothers;
mod on_screen;
pub mod params_panel;
mod path_prompt;
use path_prompt::PathPrompt;
pub mod alveolus_view;
pub mod platform;
pub mod plot_data;
pub mod plot_making;
pub mod plots;
mod questions_panel;
pub mod reaches_milk_view;
#[cfg(not(target_arch = "wasm32"))]
pub mod recovery;
pub mod runner;
mod schedule_fields;
pub mod schedule_panel;
mod schedule_templates;
mod session_bars;
pub mod session_view;
mod share;
mod time_axis;
pub mod validation_view;

use keeping::KeptFingerprint;
use modals::SessionTraceFor;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand};

use crate::Scenario;
use crate::edit::Edit;
use crate::kept_state::{self, KeptDocument, KeptState, StateError};
use crate::run::{Run, SessionTrace};
use crate::scenario::Problem;
pub use crate::view::{Audience, SideTab};

use document::Document;
use files::{Dialogs, EXAMPLES, PathPurpose};
use platform::Recovery;
#[cfg(not(target_arch = "wasm32"))]
pub use platform::launch;
use plot_data::PlotKind;
use plots::{PlotAction, PlotsView};
use runner::{Runner, Simulated};
use schedule_panel::SchedulePanel;
use validation_view::ValidationView;

/// Something the person asked the app to do (not an edit of the scenario).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    OpenExample(usize),
    Save,
    SaveAs,
    /// File → "Open path…": the built-in window where a path is typed (never a system dialog).
    OpenTypedPath,
    /// File → "Save to path…": the same, for saving.
    SaveTypedPath,
    ExportCsv,
    ExportPng,
    /// File → "Import her log…": pick a log, then fit the model to it.
    ImportLog,
    ImportLogPath(PathBuf),
    PinBaseline,
    ClearBaseline,
    Undo,
    Redo,
    ResetZoom,
    SelectSession(Option<usize>),
    /// Help → "How good is the model?".
    ShowValidation,
    /// Help → "How milk is made": the alveolus view.
    ShowHowMilkIsMade,
    /// Share → "Copy link to this scenario".
    CopyLink,
    /// Share → "Open a link…": the window where a link is pasted.
    PromptForLink,
    /// Open the scenario a link holds (pasted, or given on the command line).
    OpenLink(String),
    /// Open a scenario from its text (a file picked or dropped in the browser, which gives its
    /// name and contents but no path).
    OpenText {
        name: String,
        text: String,
    },
    /// Import her log from its text (as [`Command::OpenText`]).
    ImportLogText {
        name: String,
        text: String,
    },
    /// Help → "What reaches the milk" (on a substance, when one is named).
    ShowWhatReachesTheMilk(Option<crate::model::pharmacology::Substance>),
    Quit,
}

impl Command {
    /// Does it throw away the scenario being edited (and so ask first if it has unsaved changes)?
    fn discards_scenario(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::OpenPath(_)
                | Command::OpenLink(_)
                | Command::OpenText { .. }
                | Command::ImportLogText { .. }
                | Command::OpenExample(_)
                | Command::ImportLogPath(_)
                | Command::Quit
        )
    }
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const TIMING: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F12);
/// egui's own quit shortcut (`Options::quit_shortcuts`): it asks the window to close, which comes
/// back as a close request, handled like the window's close button.
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// The key of the kept state in eframe's storage (a file on the desktop, the browser's local
/// storage on the web).
pub(crate) const STORAGE_KEY: &str = "lactosim";

/// Said at the start when the working scenario came back from the recovery file.
pub const RESTORED_AFTER_CRASH: &str =
    "Restored the scenario you were working on when lactosim stopped unexpectedly.";

/// A message for the person: what was done, or what went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// Said in the path window when it replaces a system dialog.
pub const NO_SYSTEM_DIALOG: &str = "No system file dialog could be shown here (no desktop portal, zenity or kdialog found). Type the path instead:";

/// The problems of a file that could not be opened, shown in a dialog.
#[derive(Clone, Debug)]
struct FileProblems {
    title: String,
    lines: Vec<String>,
}

/// Said above the plots while they show the last run that could be simulated.
pub const STALE_RUN: &str =
    "Showing the last run that could be simulated: fix the problems above to see the new one.";
/// How strongly that run is faded.
const STALE_OPACITY: f32 = 0.35;

pub struct App {
    pub document: Document,
    /// The newest good run of the scenario (or of its last valid version).
    pub current: Option<Simulated>,
    /// Why the scenario as edited cannot run (empty when it runs).
    pub problems: Vec<Problem>,
    /// A pinned run to compare against (set through [`App::set_baseline`]).
    pub baseline: Option<Simulated>,
    /// The Compare tab: the day compared at, and the table and sentence at that day (made when
    /// either run or the day changes).
    compare: compare::ComparePanel,
    /// The session shown minute by minute.
    pub selected_session: Option<usize>,
    /// Its fine trace, simulated when it is opened: for which run and session.
    session_trace: Option<SessionTraceFor>,
    pub recent: Vec<PathBuf>,
    pub tab: SideTab,
    pub notice: Option<Notice>,
    pub show_timing: bool,
    plots: PlotsView,
    /// *Show how mothers differ*: the ensembles and their bands.
    pub mothers: mothers::MothersView,
    /// Who said they are looking (`None`: not asked yet, and the window asks first). The
    /// window for tests starts as the clinician's, as it was before the question.
    pub audience: Option<Audience>,
    /// The parent's face: the plots beyond the supply plot were asked for (*Show me more*).
    pub show_me_more: bool,
    /// Her log, imported: where it sits in her baby's life, and its fit (File → Import her log).
    pub her_log: Option<her_log::HerLog>,
    /// The parent's face: the question asked and its answer (with the runs it was read from).
    pub asked: Option<questions_panel::Asked>,
    /// Today's date (the system clock's; tests set their own), for the baby's age.
    pub today: crate::calendar::CivilDate,
    schedule_panel: SchedulePanel,
    /// The working state kept on disk at every change ([`recovery`]); `None` in tests that do
    /// not ask for it.
    recovery: Option<Recovery>,
    /// What was kept when the state last went to the recovery writer.
    recorded: Option<KeptFingerprint>,
    /// After a restore from the recovery file: what the last clean quit kept (to go back to on
    /// *Discard*), until the person keeps or discards the restored scenario.
    pub restored_after_crash: Option<Option<String>>,
    /// Help → "How good is the model?" (computed once, when first opened).
    pub validation: ValidationView,
    pub alveolus: alveolus_view::AlveolusView,
    /// Help → "What reaches the milk".
    pub reaches_milk: reaches_milk_view::ReachesMilkView,
    runner: Runner,
    /// The document revision the current run (or problems) belong to.
    shown_revision: Option<u64>,
    requested_revision: Option<u64>,
    dialogs: Box<dyn Dialogs>,
    /// A command waiting for the answer to "save changes first?".
    pending: Option<Command>,
    file_problems: Option<FileProblems>,
    path_prompt: Option<PathPrompt>,
    /// Share → "Open a link…": the window where a link is pasted.
    link_prompt: Option<share::LinkPrompt>,
    allowed_to_close: bool,
    /// A PNG export waiting for its screenshot.
    png_target: Option<PathBuf>,
    screenshot: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    last_title: String,
    frame_ms: Option<f32>,
    /// Where the figure (title, sentences, plots) was drawn in the last frame.
    figure_rect: Option<egui::Rect>,
    /// Unfold "What this scenario shows" at the next frame (a file or example was opened).
    show_description: bool,
    /// On a narrow screen, the side panel is shown instead of the plots.
    pub unfolded: bool,
    /// Is the window narrower than [`NARROW_WIDTH`] (a phone's) this frame?
    narrow: bool,
    /// What the window keeps of the page it runs in (the browser's; nothing on the desktop).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    browser: platform::BrowserState,
}

impl App {
    /// The app as eframe starts it: the preset asked for if any, else the working scenario of the
    /// last session (unless `fresh`), else the built-in default.
    pub fn new(cc: &eframe::CreationContext<'_>, launch: &Launch) -> Self {
        let mut app = Self::with_dialogs(platform::system_dialogs());
        // Asked at first start, unless kept from before or given on the command line.
        app.audience = launch.audience;
        let clean_state = cc.storage.and_then(|s| s.get_string(STORAGE_KEY));
        app.keep_working_state(launch.fresh, clean_state);
        if let Some(audience) = launch.audience {
            app.choose_audience(audience);
        }
        if let Some(path) = &launch.baseline {
            app.pin_file_as_baseline(path);
        }
        if let Some(path) = &launch.preset {
            // Asks first if the last session left unsaved changes. A link opens as a file does.
            let cmd = if crate::share_link::names_a_link(path) {
                Command::OpenLink(path.to_string_lossy().into_owned())
            } else {
                Command::OpenPath(path.clone())
            };
            app.command(cmd, &cc.egui_ctx);
        }
        app.resimulate(&cc.egui_ctx);
        app
    }

    /// Pin (or clear) the run to compare with. The one way the baseline changes, so that the
    /// comparison sentence is made again whenever it does.
    pub fn set_baseline(&mut self, baseline: Option<Simulated>) {
        self.baseline = baseline;
        self.compare_runs();
    }

    /// Compare the current run with the baseline again (once per change of either, not every
    /// frame).
    fn compare_runs(&mut self) {
        self.compare
            .runs_changed(self.current.as_ref(), self.baseline.as_ref());
    }

    /// The comparison as the Compare tab and the header show it (`None` before there is a run).
    pub fn comparison(&self) -> Option<&compare::Comparison> {
        self.compare.shown()
    }

    /// Pin and clear, wherever they are offered (menu, header, Compare tab).
    fn baseline_buttons(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        compare::pin_buttons(
            ui,
            self.current.is_some(),
            self.baseline.is_some(),
            commands,
        );
    }

    /// Simulate a preset file and pin its run as the baseline (`lactosim --compare FILE`).
    pub fn pin_file_as_baseline(&mut self, path: &std::path::Path) {
        // A link in place of a file, as `lactosim LINK` takes one.
        match crate::share_link::read_preset_or_link(path) {
            Ok(sc) => match runner::compute(&sc) {
                Ok(sim) => {
                    self.set_baseline(Some(sim));
                    self.tab = SideTab::Compare;
                }
                Err(problems) => {
                    self.file_problems = Some(FileProblems {
                        title: format!("{} could not be run as a baseline", path.display()),
                        lines: problems.iter().map(ToString::to_string).collect(),
                    })
                }
            },
            Err(e) => self.show_file_problems(&path.display().to_string(), &e),
        }
    }

    /// The app on the default scenario, with the given file dialogs (tests pass a fake).
    pub fn with_dialogs(dialogs: Box<dyn Dialogs>) -> Self {
        Self {
            document: Document::new(Scenario::default(), None),
            current: None,
            problems: Vec::new(),
            baseline: None,
            compare: compare::ComparePanel::default(),
            selected_session: None,
            session_trace: None,
            recent: Vec::new(),
            tab: SideTab::default(),
            notice: None,
            show_timing: false,
            plots: PlotsView::default(),
            mothers: mothers::MothersView::default(),
            audience: Some(Audience::Clinician),
            show_me_more: false,
            asked: None,
            her_log: None,
            today: crate::calendar::CivilDate::today(),
            schedule_panel: SchedulePanel::default(),
            recovery: None,
            recorded: None,
            restored_after_crash: None,
            validation: ValidationView::default(),
            alveolus: Default::default(),
            reaches_milk: Default::default(),
            runner: Runner::default(),
            shown_revision: None,
            requested_revision: None,
            dialogs,
            pending: None,
            file_problems: None,
            path_prompt: None,
            link_prompt: None,
            allowed_to_close: false,
            png_target: None,
            screenshot: Arc::default(),
            last_title: String::new(),
            frame_ms: None,
            figure_rect: None,
            show_description: false,
            unfolded: false,
            narrow: false,
            browser: Default::default(),
        }
    }

    /// Is a long run still being computed in the background?
    pub fn busy(&self) -> bool {
        self.runner.busy()
    }

    /// Wait for a background run to finish (tests).
    pub fn wait_for_run(&mut self, ctx: &egui::Context) {
        if let Some(o) = self.runner.wait(ctx) {
            self.accept(o);
        }
    }

    /// Are mothers like her being simulated (for the bands, or for an answer's range)?
    pub fn mothers_busy(&self) -> bool {
        self.mothers.busy() || self.asked.as_ref().is_some_and(|a| a.mothers.busy())
    }

    /// Wait for the ensembles of *Show how mothers differ* (tests and headless use).
    pub fn wait_for_mothers(&mut self, ctx: &egui::Context) {
        self.mothers.wait(ctx);
        if let Some(a) = &mut self.asked {
            a.mothers.wait(ctx);
        }
    }

    /// Apply an edit of the scenario (what the panels send).
    pub fn edit(&mut self, edit: Edit) {
        self.document.apply(edit);
    }

    /// Re-simulate if the scenario changed since the last run was asked for.
    fn resimulate(&mut self, ctx: &egui::Context) {
        if let Some(o) = self.runner.poll(ctx) {
            self.accept(o);
        }
        let rev = self.document.revision();
        if self.requested_revision != Some(rev) {
            self.requested_revision = Some(rev);
            if let Some(o) = self.runner.request(rev, &self.document.scenario, ctx) {
                self.accept(o);
            }
        }
        // The ensemble after the single run: that one is drawn first.
        self.mothers.poll(ctx);
        let baseline = self.baseline.as_ref().map(|b| &b.scenario);
        self.mothers
            .update(rev, &self.document.scenario, baseline, ctx);
    }

    fn accept(&mut self, (revision, outcome): runner::Outcome) {
        // A late answer for an older revision is still better than nothing, but never replaces a
        // newer one.
        if self.shown_revision.is_some_and(|r| r > revision) {
            return;
        }
        self.shown_revision = Some(revision);
        match outcome {
            Ok(sim) => {
                let horizon_changed = self
                    .current
                    .as_ref()
                    .is_none_or(|c| c.run.horizon_h != sim.run.horizon_h);
                if horizon_changed {
                    self.plots.reset_view();
                }
                // The session window follows its session (the one starting at the same time) into
                // the new run, or closes if the edit removed it: indices shift with any change.
                let selected_start = self
                    .selected_session
                    .and_then(|i| self.current.as_ref()?.run.sessions.get(i))
                    .map(|s| s.start_h);
                self.selected_session = selected_start.and_then(|t| {
                    sim.run
                        .sessions
                        .iter()
                        .position(|s| (s.start_h - t).abs() < 1e-6)
                });
                self.current = Some(sim);
                self.compare_runs();
                self.problems.clear();
            }
            Err(problems) => self.problems = problems,
        }
    }

    /// Carry out a command, asking first if it would throw away unsaved changes.
    pub fn command(&mut self, cmd: Command, ctx: &egui::Context) {
        if cmd.discards_scenario() && self.document.is_dirty() {
            self.pending = Some(cmd);
            return;
        }
        self.command_now(cmd, ctx);
    }

    fn command_now(&mut self, cmd: Command, ctx: &egui::Context) {
        // Files and quitting go the browser's way there.
        let Some(cmd) = self.in_browser(cmd, ctx) else {
            return;
        };
        match cmd {
            Command::New => {
                self.her_log = None;
                self.document.replace(Scenario::default(), None);
                self.notice("A new scenario: the built-in default.");
            }
            Command::Open => {
                if let Some(p) = self.pick(PathPurpose::Open, |d| d.pick_preset_to_open()) {
                    self.command(Command::OpenPath(p), ctx);
                }
            }
            Command::OpenTypedPath => self.prompt_for_path(PathPurpose::Open, None),
            Command::SaveTypedPath => self.prompt_for_path(PathPurpose::Save, None),
            Command::OpenPath(p) => {
                // Another scenario is not her log's.
                self.her_log = None;
                self.open_path(p);
            }
            Command::OpenText { name, text } => {
                self.her_log = None;
                self.open_text(&name, &text);
            }
            Command::ImportLogText { name, text } => self.import_log_text(&name, &text),
            Command::OpenExample(i) => {
                if let Some(e) = EXAMPLES.get(i) {
                    match e.scenario() {
                        Ok(sc) => {
                            self.her_log = None;
                            self.show_description = true;
                            self.notice(&format!("Example opened: {}", sc.name));
                            self.document.replace(sc, None);
                            self.selected_session = None;
                        }
                        Err(err) => self.show_file_problems(e.file, &err),
                    }
                }
            }
            Command::Save => match self.document.path.clone() {
                Some(p) => self.save_to(p),
                None => self.command_now(Command::SaveAs, ctx),
            },
            Command::SaveAs => {
                let stem = files::file_stem_for(&self.document.scenario.name);
                if let Some(p) = self.pick(PathPurpose::Save, |d| d.pick_preset_to_save(&stem)) {
                    self.save_to(p);
                }
            }
            Command::ExportCsv => {
                if self.current.is_none() {
                    self.error("Nothing to export: the scenario has no run yet.");
                    return;
                }
                if let Some(dir) = self.pick(PathPurpose::ExportCsv, |d| d.pick_csv_folder()) {
                    self.export_csv_to(&dir);
                }
            }
            Command::ExportPng => {
                let stem = files::file_stem_for(&self.document.scenario.name);
                if let Some(p) = self.pick(PathPurpose::ExportPng, |d| d.pick_png_to_save(&stem)) {
                    self.start_png_export(p, ctx);
                }
            }
            Command::PinBaseline => {
                if let Some(mut c) = self.current.clone() {
                    // Keep the name the scenario has now (the heading's), so that the baseline
                    // stays "baseline: <this name>" whatever the scenario is called later.
                    c.scenario.name = self.document.scenario.name.clone();
                    // The panel stays where the person is working; the notice says where to look.
                    self.set_baseline(Some(c));
                    self.notice(
                        "Pinned as baseline: the next runs are drawn over it, dashed; the Compare tab has the numbers.",
                    );
                }
            }
            Command::ImportLog => {
                if let Some(p) = self.pick(PathPurpose::ImportLog, |d| d.pick_log_to_import()) {
                    self.command(Command::ImportLogPath(p), ctx);
                }
            }
            Command::ImportLogPath(p) => self.import_log(p),
            Command::ClearBaseline => self.set_baseline(None),
            Command::Undo => {
                self.document.undo();
            }
            Command::Redo => {
                self.document.redo();
            }
            Command::ResetZoom => self.plots.reset_view(),
            Command::SelectSession(s) => self.selected_session = s,
            Command::ShowValidation => self.validation.show(ctx),
            Command::ShowHowMilkIsMade => self.alveolus.show(),
            Command::CopyLink => self.copy_link(ctx),
            Command::PromptForLink => self.prompt_for_link(),
            Command::OpenLink(link) => self.open_link(&link),
            Command::ShowWhatReachesTheMilk(s) => self.reaches_milk.show(s),
            Command::Quit => {
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn notice(&mut self, text: &str) {
        self.notice = Some(Notice {
            error: false,
            text: text.to_owned(),
        });
    }

    fn error(&mut self, text: &str) {
        self.notice = Some(Notice {
            error: true,
            text: text.to_owned(),
        });
    }

    fn side_panel(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>, commands: &mut Vec<Command>) {
        if self.parent_face() {
            // On a phone the questions stand in for the plots, whose header asks the baby's age:
            // asked here too, since every answer starts from it.
            if self.narrow && self.unfolded {
                self.baby_age_ui(ui, edits);
                ui.separator();
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.questions_panel(ui, edits));
            return;
        }
        ui.horizontal(|ui| {
            for t in SideTab::ALL {
                ui.selectable_value(&mut self.tab, t, t.label());
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                SideTab::Schedule => {
                    self.schedule_panel.ui(ui, &self.document.scenario, edits);
                    if std::mem::take(&mut self.schedule_panel.show_reaches_milk) {
                        commands.push(Command::ShowWhatReachesTheMilk(None));
                    }
                }
                SideTab::Parameters => params_panel::ui(ui, &self.document.scenario, edits),
                SideTab::Compare => self.compare.ui(
                    ui,
                    self.current.as_ref(),
                    self.baseline.as_ref(),
                    &self.document.scenario.name,
                    &self.mothers,
                    commands,
                ),
                SideTab::About => about_panel::ui(ui, &self.document.scenario, edits),
            });
    }

    /// On a narrow screen: the side panel (the questions, or the editors) or the plots.
    fn fold_switch(&mut self, ui: &mut Ui) {
        let (panel, plots) = if self.parent_face() {
            ("Questions", "Your milk")
        } else {
            ("Schedule and settings", "Plots")
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.unfolded, true, panel);
            ui.selectable_value(&mut self.unfolded, false, plots);
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — lactosim",
            self.document.title(),
            if self.document.is_dirty() { " •" } else { "" }
        );
        if title != self.last_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// Each curve the plots drew in the last frame, by plot and name, and how (as sampled, as
    /// its daily summary, or left out of a long view).
    pub fn plots_drawn(&self) -> &[(PlotKind, String, plots::Form)] {
        self.plots.drawn()
    }

    /// One frame of the whole window. Public so tests can drive it without eframe's frame.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        glyphs::install_fonts(&ctx);
        let mut edits = Vec::new();
        // While a dialog waits for an answer, the keys and drops that would act behind it do not.
        let dialog_open = self.pending.is_some()
            || self.file_problems.is_some()
            || self.path_prompt.is_some()
            || self.audience.is_none();
        let mut commands = if dialog_open {
            Vec::new()
        } else {
            self.shortcuts(&ctx)
        };

        // A phone's width: the side panel folds away behind a switch, and takes the whole width
        // when unfolded.
        let narrow = ui.available_width() < NARROW_WIDTH;
        self.narrow = narrow;
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        if narrow {
            egui::Panel::top("fold").show(ui, |ui| self.fold_switch(ui));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if !narrow {
            egui::Panel::left("editor")
                .resizable(true)
                .default_size(370.0)
                .min_size(300.0)
                .show(ui, |ui| self.side_panel(ui, &mut edits, &mut commands));
        } else if self.unfolded {
            egui::CentralPanel::default()
                .show(ui, |ui| self.side_panel(ui, &mut edits, &mut commands));
        }
        self.plots.exporting = self.png_target.is_some();
        if !(narrow && self.unfolded) {
            egui::CentralPanel::default().show(ui, |ui| {
                let top = ui.cursor().min;
                self.restored_notice(ui);
                self.header(ui, &mut edits, &mut commands);
                ui.separator();
                match &self.current {
                    Some(sim) => {
                        // While a parent's question is answered, her milk with the change and as
                        // it is now; else the run, and the pinned baseline if any.
                        let (plots, baseline, change_span) = match self.answer_plots() {
                            Some(a) => (a.changed, Some(a.as_now), Some(a.change_days)),
                            None => (
                                sim.plots.clone(),
                                self.baseline.as_ref().map(|b| b.plots.clone()),
                                None,
                            ),
                        };
                        self.plots.parent_face = self.parent_face();
                        // Her log's amounts over the model's, while her fitted log is open.
                        self.plots.logged = self.her_log.as_ref().and_then(|h| h.points.clone());
                        self.plots.captions = self.parent_face() && self.show_me_more;
                        self.plots.change_span =
                            change_span.map(|(from, to)| (from, to, questions_panel::THE_CHANGE));
                        self.plots.baseline_word = if change_span.is_some() {
                            questions_panel::WITHOUT_THE_CHANGE
                        } else {
                            plots::BASELINE
                        };
                        // While the scenario as edited cannot run, the last run that could is kept
                        // but greyed, so it is never taken for the edited one.
                        let stale = !self.problems.is_empty();
                        self.show_me_more_button(ui);
                        self.plots.today_day = self.today_mark_day();
                        if stale {
                            ui.colored_label(ui.visuals().error_fg_color, STALE_RUN);
                        }
                        let no_bands = mothers::MothersView::default();
                        let action = ui
                            .scope(|ui| {
                                if stale {
                                    ui.multiply_opacity(STALE_OPACITY);
                                }
                                self.plots.ui(
                                    ui,
                                    &plots,
                                    baseline.as_ref(),
                                    self.selected_session,
                                    // How mothers differ is of her plan as it is: not drawn over a
                                    // question's change, where it would read as her range.
                                    if change_span.is_some() {
                                        &no_bands
                                    } else {
                                        &self.mothers
                                    },
                                    self.plots_in_face(),
                                )
                            })
                            .inner;
                        if let Some(PlotAction::SelectSession(i)) = action {
                            commands.push(Command::SelectSession(Some(i)));
                        }
                    }
                    None => {
                        ui.label("No run to show yet.");
                    }
                }
                // What Export PNG saves: the title, the sentences and the plots.
                self.figure_rect = self
                    .plots
                    .rect
                    .map(|r| egui::Rect::from_min_max(top, r.max));
            });
        }
        self.modals(&ctx, &mut commands);
        self.her_log_window(&ctx);
        self.audience_question(&ctx);
        // Not while the plots are being exported: the window would sit in the picture.
        if self.png_target.is_none() {
            self.validation.window(&ctx);
            let run = self.current.as_ref().map(|c| c.run.clone());
            self.alveolus.window(&ctx, run.as_deref());
            // While a parent's answer about what she takes is open, its run with the change
            // (her plan is unchanged until she keeps it); else the run on screen.
            let answering = self
                .asked
                .as_ref()
                .filter(|a| a.answer.question.substance().is_some())
                .map(|a| &a.changed);
            let shown = answering
                .or(self.current.as_ref())
                .map(|c| (&c.scenario, &c.run));
            self.reaches_milk.voice = if self.parent_face() {
                reaches_milk_view::Voice::You
            } else {
                reaches_milk_view::Voice::Her
            };
            if let Some(kg) = self.reaches_milk.window(&ctx, shown) {
                edits.push(Edit::SetParam {
                    path: "mother.weight_kg",
                    value: kg,
                });
            }
        }
        if !dialog_open {
            self.dropped_files(&ctx, &mut commands);
        }

        // After the UI pass: the edits, then the commands, then one re-simulation.
        let editing = !edits.is_empty();
        for e in edits {
            self.document.apply(e);
        }
        if !editing && !ctx.input(|i| i.pointer.any_down()) && ctx.memory(|m| m.focused().is_none())
        {
            self.document.end_merge();
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allowed_to_close
            && self.document.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Command::Quit);
        }
        for c in commands {
            self.command(c, &ctx);
        }
        self.resimulate(&ctx);
        self.ask_again_if_edited(&ctx);
        self.finish_png_export(&ctx);
        self.update_title(&ctx);
        // Every change on disk soon, whatever the window does next (the writer thread waits
        // for a pause in the edits). Serialised only when something kept has changed, not every
        // frame.
        let kept = self.kept_fingerprint();
        if self.recovery.is_some() && self.recorded != Some(kept.clone()) {
            let state = self.save_state();
            if let Some(r) = &mut self.recovery {
                r.record(state);
            }
            self.recorded = Some(kept);
        }
    }
}

/// Narrower than this (points), the window is a phone's: the side panel folds away (370 points of
/// panel beside at least 400 of plots need about 780).
pub const NARROW_WIDTH: f32 = 780.0;

/// The most height (points) the description and the warnings each take in the header before they
/// scroll: about three lines, so that the plot stack fits at 1280×800.
const HEADER_TEXT_MAX_HEIGHT: f32 = 46.0;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame_ms = frame.info().cpu_usage.map(|s| s * 1e3);
        let ctx = ui.ctx().clone();
        self.browser_frame(&ctx, frame);
        self.frame_ui(ui);
        self.browser_frame_done(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.save_state());
    }

    /// A clean quit (after [`Self::save`]): eframe has stored the state, the recovery file goes.
    /// (In the browser the kept state is the state to come back to: nothing goes.)
    #[cfg(not(target_arch = "wasm32"))]
    fn on_exit(&mut self) {
        if let Some(r) = &mut self.recovery {
            r.clear();
        }
    }
}

/// How the window starts (from the command line).
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// A preset to open instead of the last session's scenario.
    pub preset: Option<PathBuf>,
    /// A preset whose run is pinned as the baseline to compare with.
    pub baseline: Option<PathBuf>,
    /// Start from the built-in default, ignoring what the last session left.
    pub fresh: bool,
    /// Window size in points (1280×800 if not given).
    pub size: Option<[f32; 2]>,
    /// Open the parent's or the clinician's view without asking.
    pub audience: Option<Audience>,
}
