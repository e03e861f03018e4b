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
//! - `validation_view`: Help → "How good is the model?", the model against published figures.

mod about_panel;
pub mod compare;
mod day_summary;
pub mod document;
mod fields;
pub mod files;
mod glyphs;
mod hover;
mod legend;
pub mod medicines_panel;
pub mod mothers;
pub mod params_panel;
mod path_prompt;
use path_prompt::PathPrompt;
pub mod plot_data;
pub mod plots;
pub mod recovery;
pub mod runner;
mod schedule_fields;
pub mod schedule_panel;
mod schedule_templates;
mod session_bars;
pub mod session_view;
mod time_axis;
pub mod validation_view;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand};

use crate::Scenario;
use crate::edit::Edit;
use crate::kept_state::{self, KeptDocument, KeptState, StateError};
use crate::run::{Run, SessionTrace};
use crate::scenario::Problem;
pub use crate::view::SideTab;

use document::Document;
use files::{Dialogs, EXAMPLES, NativeDialogs, PathPurpose};
use plot_data::PlotKind;
use plots::{PlotAction, PlotsView};
use recovery::Recovery;
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
    PinBaseline,
    ClearBaseline,
    Undo,
    Redo,
    ResetZoom,
    SelectSession(Option<usize>),
    /// Help → "How good is the model?".
    ShowValidation,
    Quit,
}

impl Command {
    /// Does it throw away the scenario being edited (and so ask first if it has unsaved changes)?
    fn discards_scenario(&self) -> bool {
        matches!(
            self,
            Command::New | Command::OpenPath(_) | Command::OpenExample(_) | Command::Quit
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

const STORAGE_KEY: &str = "lactosim";

/// See [`App::kept_fingerprint`].
#[derive(Clone, Debug, PartialEq)]
struct KeptFingerprint {
    revision: u64,
    path: Option<PathBuf>,
    saved: bool,
    baseline: Option<usize>,
    tab: SideTab,
    plots: Vec<PlotKind>,
    recent: usize,
    mothers: bool,
}

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

/// The fine trace of one session of one run (see [`crate::trace_of`]).
struct SessionTraceFor {
    run: Arc<Run>,
    index: usize,
    trace: SessionTrace,
}

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
    runner: Runner,
    /// The document revision the current run (or problems) belong to.
    shown_revision: Option<u64>,
    requested_revision: Option<u64>,
    dialogs: Box<dyn Dialogs>,
    /// A command waiting for the answer to "save changes first?".
    pending: Option<Command>,
    file_problems: Option<FileProblems>,
    path_prompt: Option<PathPrompt>,
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
}

impl App {
    /// The app as eframe starts it: the preset asked for if any, else the working scenario of the
    /// last session (unless `fresh`), else the built-in default.
    pub fn new(cc: &eframe::CreationContext<'_>, launch: &Launch) -> Self {
        let mut app = Self::with_dialogs(Box::new(NativeDialogs::default()));
        let clean_state = cc.storage.and_then(|s| s.get_string(STORAGE_KEY));
        match Recovery::default_path() {
            Some(path) => app.start_recovery(path, launch.fresh, clean_state),
            None if !launch.fresh => {
                if let Some(state) = clean_state {
                    app.restore_state(&state);
                }
            }
            None => {}
        }
        if let Some(path) = &launch.baseline {
            app.pin_file_as_baseline(path);
        }
        if let Some(path) = &launch.preset {
            // Asks first if the last session left unsaved changes.
            app.command(Command::OpenPath(path.clone()), &cc.egui_ctx);
        }
        app.resimulate(&cc.egui_ctx);
        app
    }

    /// Keep the working state on disk at `path` from now on ([`recovery`]). Unless starting
    /// `fresh`, restore what is there if an earlier run left it (it stopped unexpectedly: the
    /// app says so and offers to discard it), else `clean_state`, what a clean quit stored.
    pub fn start_recovery(&mut self, path: PathBuf, fresh: bool, clean_state: Option<String>) {
        if !fresh {
            match Recovery::left_behind(&path) {
                Ok(Some(left)) => {
                    if self.restore_state(&left) {
                        self.restored_after_crash = Some(clean_state);
                    }
                }
                Ok(None) => {
                    if let Some(state) = clean_state {
                        self.restore_state(&state);
                    }
                }
                Err(e) => self.cannot_restore(&e),
            }
        }
        self.recovery = Some(Recovery::at(path));
    }

    /// The notice after a restore from the recovery file: keep what was restored, or discard it
    /// for what the last clean quit kept (or the default scenario).
    fn restored_notice(&mut self, ui: &mut Ui) {
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
        match crate::preset::read_file(path) {
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

    /// What changes when anything [`Self::save_state`] keeps changes: the document's revision,
    /// which run is pinned, the open tab, the plots shown, the recent files and the file's path.
    fn kept_fingerprint(&self) -> KeptFingerprint {
        KeptFingerprint {
            revision: self.document.revision(),
            path: self.document.path.clone(),
            saved: self.document.is_dirty(),
            baseline: self.baseline.as_ref().map(|b| Arc::as_ptr(&b.run) as usize),
            tab: self.tab,
            plots: self.plots.visible.clone(),
            recent: self.recent.len(),
            mothers: self.mothers.on,
        }
    }

    /// What is kept for the next start, as RON: the working scenario (with its file and unsaved
    /// changes), recent files, which plots are shown and the open tab.
    pub fn save_state(&self) -> String {
        KeptState {
            document: Some(KeptDocument {
                scenario: self.document.scenario.clone(),
                path: self.document.path.clone(),
                saved: self.document.saved.clone(),
            }),
            recent: self.recent.clone(),
            visible_plots: Some(self.plots.visible.clone()),
            known_plots: Some(PlotKind::ALL.to_vec()),
            tab: self.tab,
            baseline: self.baseline.as_ref().map(|b| b.scenario.clone()),
            show_how_mothers_differ: self.mothers.on,
        }
        .to_ron()
    }

    /// Say that what was open last time cannot come back, and that the app starts afresh.
    fn cannot_restore(&mut self, why: &StateError) {
        self.error(&format!(
            "What was open last time cannot come back: {why}; starting afresh."
        ));
    }

    /// Take back what [`App::save_state`] kept; `false` when it could not. A state that does not
    /// read (from another version, a file a crash cut short) is left alone, with a word: the app
    /// starts rather than not at all.
    pub fn restore_state(&mut self, state: &str) -> bool {
        let persisted = match kept_state::read(state) {
            Ok(p) => p,
            Err(e) => {
                self.cannot_restore(&e);
                return false;
            }
        };
        if let Some(plots) = persisted.plots_to_show() {
            self.plots.visible = plots;
        }
        self.recent = persisted.recent;
        self.tab = persisted.tab;
        self.mothers.on = persisted.show_how_mothers_differ;
        if let Some(sc) = persisted.baseline
            && let Ok(sim) = runner::compute(&sc)
        {
            self.set_baseline(Some(sim));
        }
        if let Some(doc) = persisted.document {
            // A replacement like any other (a new revision, so it is simulated), except that what
            // is on disk may differ from what was being worked on.
            self.document.replace(doc.scenario, doc.path);
            self.document.saved = doc.saved;
            self.selected_session = None;
        }
        true
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
            schedule_panel: SchedulePanel::default(),
            recovery: None,
            recorded: None,
            restored_after_crash: None,
            validation: ValidationView::default(),
            runner: Runner::default(),
            shown_revision: None,
            requested_revision: None,
            dialogs,
            pending: None,
            file_problems: None,
            path_prompt: None,
            allowed_to_close: false,
            png_target: None,
            screenshot: Arc::default(),
            last_title: String::new(),
            frame_ms: None,
            figure_rect: None,
            show_description: false,
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

    /// Wait for the ensembles of *Show how mothers differ* (tests and headless use).
    pub fn wait_for_mothers(&mut self, ctx: &egui::Context) {
        self.mothers.wait(ctx);
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
        match cmd {
            Command::New => {
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
            Command::OpenPath(p) => self.open_path(p),
            Command::OpenExample(i) => {
                if let Some(e) = EXAMPLES.get(i) {
                    match e.scenario() {
                        Ok(sc) => {
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
            Command::Quit => {
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn export_csv_to(&mut self, dir: &std::path::Path) {
        let Some(sim) = &self.current else {
            self.error("Nothing to export: the scenario has no run yet.");
            return;
        };
        match crate::export::write_csv_dir(&sim.run, dir) {
            Ok(()) => self.notice(&format!(
                "Wrote series.csv, events.csv, sessions.csv and days.csv to {}",
                dir.display()
            )),
            Err(e) => self.error(&format!("Could not export to {}: {e:#}", dir.display())),
        }
    }

    /// Ask for a screenshot; [`App::finish_png_export`] saves it when it comes.
    fn start_png_export(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.png_target = Some(path);
        let slot = self.screenshot.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            *slot.lock().expect("screenshot slot") = Some(image);
            repaint.request_repaint();
        });
    }

    fn open_path(&mut self, path: PathBuf) {
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

    fn show_file_problems(&mut self, file: &str, e: &crate::preset::PresetError) {
        self.file_problems = Some(FileProblems {
            title: format!("{file} could not be opened"),
            lines: e.to_string().lines().map(str::to_owned).collect(),
        });
    }

    fn save_to(&mut self, path: PathBuf) {
        match crate::preset::write_file(&path, &self.document.scenario) {
            Ok(()) => {
                files::remember(&mut self.recent, &path);
                self.notice(&format!("Saved {}", path.display()));
                self.document.mark_saved(path);
            }
            Err(e) => self.error(&format!("Could not save {}: {e}", path.display())),
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

    /// Keyboard shortcuts, read before the panels so they work wherever the focus is.
    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
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

    fn menu_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
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
                if ui
                    .button("Open path…")
                    .on_hover_text("Type the path of the file to open (no system dialog).")
                    .clicked()
                {
                    commands.push(Command::OpenTypedPath);
                }
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
                if ui
                    .add(egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(&SAVE)))
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
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
                    .clicked()
                {
                    commands.push(Command::Quit);
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
                self.mothers.toggle_ui(ui, self.baseline.is_some());
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
            ui.menu_button("Help", |ui| {
                if ui
                    .button("How good is the model?")
                    .on_hover_text("Every published figure the model can be run against, beside what the model gives: pass or fail, with sources.")
                    .clicked()
                {
                    commands.push(Command::ShowValidation);
                }
                ui.separator();
                ui.label("Drag in a plot to pan, Ctrl+scroll to zoom in time, double-click to see the whole run.");
                ui.label("Click a session (in the plots or the bars under them) to see its minutes.");
                ui.label("Drop a .ron scenario file on the window to open it.");
                ui.label("Every parameter's meaning and source: hover its slider, or read docs/model.md.");
                ui.separator();
                ui.label(about_panel::ABOUT);
            });
        });
    }

    /// The scenario's name, the plain-words summary, warnings and problems.
    fn header(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            // An exported figure carries the title and the sentences, not the buttons.
            let exporting = self.png_target.is_some();
            about_panel::name_ui(ui, &self.document, exporting, edits);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if exporting {
                    return;
                }
                self.baseline_buttons(ui, commands);
                if self.runner.busy() {
                    ui.spinner();
                    ui.label("computing…");
                }
            });
        });
        if let Some(sim) = &self.current {
            // The sentences describe the last run that could be simulated: greyed like its plots
            // while the edited scenario cannot run.
            let stale = !self.problems.is_empty();
            ui.scope(|ui| {
                if stale {
                    ui.multiply_opacity(STALE_OPACITY);
                }
                ui.label(RichText::new(&sim.summary).size(15.0));
                if let Some(words) = self.mothers.range_words() {
                    ui.label(RichText::new(words).size(15.0));
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
                ui.horizontal_wrapped(|ui| self.mothers.toggle_ui(ui, pinned));
            }
            if !self.document.scenario.description.is_empty() && self.png_target.is_none() {
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
                        if self.document.scenario != self.document.saved {
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

    fn side_panel(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for t in SideTab::ALL {
                ui.selectable_value(&mut self.tab, t, t.label());
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                SideTab::Schedule => self.schedule_panel.ui(ui, &self.document.scenario, edits),
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

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
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

    fn modals(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
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
            egui::Window::new("One session, minute by minute")
                .id(egui::Id::unique("session window"))
                .open(&mut open)
                .default_size([760.0, 560.0])
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
    fn dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
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
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                commands.push(Command::OpenPath(path));
            } else {
                self.error(&format!(
                    "{} is not a scenario: lactosim opens .ron files.",
                    path.display()
                ));
            }
        }
    }

    /// Save a screenshot that arrived, cropped to the plots.
    fn finish_png_export(&mut self, ctx: &egui::Context) {
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
        match files::save_png(&cropped, &path) {
            Ok(()) => self.notice(&format!("Saved the plots to {}", path.display())),
            Err(e) => self.error(&e),
        }
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
        let mut edits = Vec::new();
        // While a dialog waits for an answer, the keys and drops that would act behind it do not.
        let dialog_open =
            self.pending.is_some() || self.file_problems.is_some() || self.path_prompt.is_some();
        let mut commands = if dialog_open {
            Vec::new()
        } else {
            self.shortcuts(&ctx)
        };

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("editor")
            .resizable(true)
            .default_size(370.0)
            .min_size(300.0)
            .show(ui, |ui| self.side_panel(ui, &mut edits, &mut commands));
        self.plots.exporting = self.png_target.is_some();
        egui::CentralPanel::default().show(ui, |ui| {
            let top = ui.cursor().min;
            self.restored_notice(ui);
            self.header(ui, &mut edits, &mut commands);
            ui.separator();
            match &self.current {
                Some(sim) => {
                    let plots = sim.plots.clone();
                    let baseline = self.baseline.as_ref().map(|b| b.plots.clone());
                    // While the scenario as edited cannot run, the last run that could is kept
                    // but greyed, so it is never taken for the edited one.
                    let stale = !self.problems.is_empty();
                    if stale {
                        ui.colored_label(ui.visuals().error_fg_color, STALE_RUN);
                    }
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
                                &self.mothers,
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
        self.modals(&ctx, &mut commands);
        // Not while the plots are being exported: the window would sit in the picture.
        if self.png_target.is_none() {
            self.validation.window(&ctx);
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

/// The most height (points) the description and the warnings each take in the header before they
/// scroll: about three lines, so that the plot stack fits at 1280×800.
const HEADER_TEXT_MAX_HEIGHT: f32 = 46.0;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame_ms = frame.info().cpu_usage.map(|s| s * 1e3);
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.save_state());
    }

    /// A clean quit (after [`Self::save`]): eframe has stored the state, the recovery file goes.
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
}

/// Open the window.
pub fn launch(launch: Launch) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("lactosim")
            .with_inner_size(launch.size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persist_window: !launch.fresh && launch.size.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "lactosim",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, &launch)))),
    )
}
