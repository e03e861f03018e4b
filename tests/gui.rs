//! The explorer driven as a person would, with egui_kittest: the whole window at 1280×800, real
//! clicks and keys, fake file dialogs (no real dialog ever opens in a test).

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lactosim::Scenario;
use lactosim::app::files::Dialogs;
use lactosim::app::plot_data::{DailyForm, PlotKind};
use lactosim::app::plots::Form;
use lactosim::app::{App, Command, STALE_RUN};
use lactosim::edit::Edit;

/// File dialogs that answer with paths the test chose.
#[derive(Clone, Default)]
struct FakeDialogs {
    open: Rc<RefCell<Option<PathBuf>>>,
    save: Rc<RefCell<Option<PathBuf>>>,
    folder: Rc<RefCell<Option<PathBuf>>>,
    png: Rc<RefCell<Option<PathBuf>>>,
    /// No system dialog can be shown (no portal, no zenity).
    unavailable: Rc<Cell<bool>>,
}

impl Dialogs for FakeDialogs {
    fn pick_preset_to_open(&self) -> Option<PathBuf> {
        self.open.borrow().clone()
    }
    fn pick_preset_to_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        self.save.borrow().clone()
    }
    fn pick_csv_folder(&self) -> Option<PathBuf> {
        self.folder.borrow().clone()
    }
    fn pick_png_to_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        self.png.borrow().clone()
    }
    fn available(&self) -> bool {
        !self.unavailable.get()
    }
}

fn harness_with(dialogs: FakeDialogs) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut App| app.frame_ui(ui),
            App::with_dialogs(Box::new(dialogs)),
        );
    h.run();
    h
}

fn harness() -> Harness<'static, App> {
    harness_with(FakeDialogs::default())
}

/// What a slider sends, applied as the app applies it (the frame is left to the test).
fn set_param(h: &mut Harness<'static, App>, path: &'static str, value: f64) {
    h.state_mut().edit(Edit::SetParam { path, value });
}

fn last_day_removed(app: &App) -> f64 {
    app.current
        .as_ref()
        .expect("a run")
        .metrics
        .last_day_removed_ml
}

#[test]
fn opens_on_the_default_scenario_with_the_story_already_drawn() {
    let h = harness();
    let app = h.state();
    let sim = app
        .current
        .as_ref()
        .expect("the default scenario runs at once");
    assert_eq!(app.document.scenario, Scenario::default());
    assert!(
        sim.summary.starts_with("Supply settles near"),
        "{}",
        sim.summary
    );
    // The summary and every plot's title are on screen.
    h.get_by_label(&sim.summary);
    for title in [
        "Supply (ml/day)",
        "Milk in each breast (ml)",
        "Hormones (prolactin ng/ml, left axis; oxytocin pg/ml, right axis)",
        "Milk removed: composition (g/L)",
        "Milk removed: sodium (mmol/L)",
    ] {
        h.get_by_label(title);
    }
    assert!(!app.document.is_dirty());
}

/// How the plots drew the curve `name` of plot `kind` in the last frame.
fn drawn_as(app: &App, kind: PlotKind, name: &str) -> Form {
    app.plots_drawn()
        .iter()
        .find(|(k, n, _)| *k == kind && n == name)
        .unwrap_or_else(|| panic!("{name} not drawn: {:?}", app.plots_drawn()))
        .2
}

#[test]
fn a_long_view_draws_daily_summaries_and_a_short_one_the_sessions() {
    // The whole four weeks of the default run: each day's mean composition, prolactin's daily
    // range and mean, and the legend says so.
    let mut h = harness();
    let daily_mean = Form::Daily(DailyForm::MeanByVolume);
    for name in ["fat", "lactose", "protein"] {
        assert_eq!(drawn_as(h.state(), PlotKind::Composition, name), daily_mean);
    }
    assert_eq!(drawn_as(h.state(), PlotKind::Sodium, "sodium"), daily_mean);
    assert_eq!(
        drawn_as(h.state(), PlotKind::Hormones, "prolactin"),
        Form::Daily(DailyForm::RangeAndMean)
    );
    // Once above the composition, once above sodium.
    let note = "daily mean, weighted by milk removed (zoom in to 7 days or less for each session)";
    assert_eq!(h.get_all_by_label(note).count(), 2);
    h.get_by_label("prolactin: daily range and mean (zoom in to 7 days or less for the pulses)");
    // A five-day run seen whole: every session and every pulse.
    set_param(&mut h, "horizon_days", 5.0);
    h.run();
    assert_eq!(
        drawn_as(h.state(), PlotKind::Composition, "fat"),
        Form::Points
    );
    assert_eq!(
        drawn_as(h.state(), PlotKind::Hormones, "prolactin"),
        Form::Points
    );
    h.get_by_label("prolactin: pulses");
}

#[test]
fn a_slider_change_re_simulates_and_the_summary_follows() {
    let mut h = harness();
    let made_before = h
        .state()
        .current
        .as_ref()
        .unwrap()
        .metrics
        .last_day_production_ml;
    let summary_before = h.state().current.as_ref().unwrap().summary.clone();
    h.get_by_label("Mother & baby").click();
    h.run();
    // A baby who wants less: fed on demand, supply follows demand down.
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Appetite once settled")
        .set_value_accesskit(600.0);
    h.run();
    let app = h.state();
    assert_eq!(
        app.document.scenario.infant.appetite_plateau_ml_per_day,
        600.0
    );
    assert!(app.document.is_dirty());
    let sim = app.current.as_ref().unwrap();
    let made = sim.metrics.last_day_production_ml;
    assert!(
        (made - 600.0).abs() < 40.0 && made < made_before - 100.0,
        "{made_before} → {made}"
    );
    assert_ne!(sim.summary, summary_before);
    assert!(sim.summary.contains("600 ml/day"), "{}", sim.summary);
    h.get_by_label(&sim.summary);
}

#[test]
fn adding_a_rule_from_the_schedule_panel_changes_the_run() {
    let mut h = harness();
    let sessions_before = h.state().current.as_ref().unwrap().run.sessions.len();
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label_contains("Three extra pumps a day").click();
    h.run();
    // A draft first: nothing changes until it is added.
    assert!(h.state().document.scenario.schedule.rules.is_empty());
    h.get_by_label("Add to the schedule").click();
    h.run();
    let app = h.state();
    assert_eq!(app.document.scenario.schedule.rules.len(), 1);
    let run = &app.current.as_ref().unwrap().run;
    assert!(
        run.sessions
            .iter()
            .any(|s| s.kind == lactosim::schedule::Kind::Pump),
        "the run has pump sessions"
    );
    assert!(run.sessions.len() > sessions_before);
    assert!(app.problems.is_empty(), "{:?}", app.problems);
}

#[test]
fn pinning_a_baseline_then_editing_shows_both_and_the_difference() {
    let mut h = harness();
    h.get_by_label("Pin as baseline").click();
    h.run();
    assert!(h.state().baseline.is_some());
    // Drop the night feeds from day 14: the "what if" of the issue.
    let mut responsive = h
        .state()
        .document
        .scenario
        .schedule
        .responsive
        .clone()
        .unwrap();
    responsive.night_gap = Some(lactosim::schedule::NightGap {
        from_clock_h: 23.0,
        to_clock_h: 6.0,
        from_day: 14.0,
    });
    h.state_mut().edit(Edit::SetResponsive(Some(responsive)));
    h.run();
    let app = h.state();
    let now = last_day_removed(app);
    let base = app.baseline.as_ref().unwrap().metrics.last_day_removed_ml;
    assert!(now < base - 30.0, "night feeds dropped: {base} → {now}");
    // The comparison tab has the numbers, with a difference column.
    // The tab, not the menu of the same name above it.
    h.get_all_by_label("Compare")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap()
        .click();
    h.run();
    h.get_by_label("difference");
    h.get_by_label(&format!("baseline: {}", Scenario::default().name));
    h.get_by_label_contains("it parts from the baseline on day 15");
}

#[test]
fn undo_and_redo_from_the_keyboard() {
    let mut h = harness();
    set_param(&mut h, "mother.stress_0_to_1", 0.6);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document.scenario.mother.stress_0_to_1, 0.0);
    assert!(!h.state().document.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().document.scenario.mother.stress_0_to_1, 0.6);
    // The run follows the scenario.
    let sim = h.state().current.as_ref().unwrap();
    assert_eq!(sim.scenario.mother.stress_0_to_1, 0.6);
}

#[test]
fn unsaved_changes_are_never_lost_silently() {
    let mut h = harness();
    h.state_mut().edit(Edit::SetName("My scenario".into()));
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::OpenExample(2), &ctx);
    h.run();
    // Asked first; nothing replaced yet.
    h.get_by_label("Unsaved changes");
    assert_eq!(h.state().document.scenario.name, "My scenario");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().document.scenario.name, "My scenario");
    h.state_mut().command(Command::OpenExample(2), &ctx);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(
        h.state().document.scenario.name,
        "Night feeds dropped at 3 weeks old (day 21)"
    );
    assert!(!h.state().document.is_dirty());
}

#[test]
fn save_then_open_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    let dialogs = FakeDialogs::default();
    *dialogs.save.borrow_mut() = Some(path.clone());
    *dialogs.open.borrow_mut() = Some(path.clone());
    let mut h = harness_with(dialogs);
    set_param(&mut h, "infant.meals_per_day", 9.0);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(path.exists());
    assert!(!h.state().document.is_dirty());
    assert_eq!(h.state().recent.first(), Some(&path));
    let saved = h.state().document.scenario.clone();
    // Open it again over the default scenario.
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::New, &ctx);
    h.run();
    assert_eq!(h.state().document.scenario, Scenario::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let mut expected = saved;
    expected.written_by = h.state().document.scenario.written_by.clone();
    assert_eq!(h.state().document.scenario, expected);
    assert_eq!(h.state().document.path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_broken_file_is_refused_with_every_problem_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(version: 1, horizon_days: 9999, mother: (stress_0_to_1: 3))",
    )
    .unwrap();
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::OpenPath(path), &ctx);
    h.run();
    h.get_by_label_contains("could not be opened");
    h.get_by_label_contains("horizon_days");
    h.get_by_label_contains("mother.stress_0_to_1");
    assert_eq!(h.state().document.scenario, Scenario::default());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label_contains("could not be opened").is_none());
}

#[test]
fn export_writes_the_same_csv_files_as_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = FakeDialogs::default();
    *dialogs.folder.borrow_mut() = Some(dir.path().to_path_buf());
    let mut h = harness_with(dialogs);
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::ExportCsv, &ctx);
    h.run();
    for f in ["series.csv", "events.csv", "sessions.csv", "days.csv"] {
        let text = std::fs::read_to_string(dir.path().join(f)).unwrap();
        assert!(text.lines().count() > 10, "{f}");
    }
    let days = std::fs::read_to_string(dir.path().join("days.csv")).unwrap();
    assert_eq!(days.lines().count(), 1 + 28, "a header and 28 days");
}

#[test]
fn a_session_opens_minute_by_minute() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    let i = h.state().current.as_ref().unwrap().run.sessions.len() / 2;
    h.state_mut().command(Command::SelectSession(Some(i)), &ctx);
    h.run();
    h.get_by_label_contains("One session, minute by minute");
    h.get_by_label("Milk removed");
    h.get_by_label("Fat of the last milk");
    h.get_by_label("Next >").click();
    h.run();
    assert_eq!(h.state().selected_session, Some(i + 1));
}

#[test]
fn a_long_scenario_runs_without_freezing_the_window() {
    let mut h = harness();
    set_param(&mut h, "horizon_days", 365.0);
    h.step();
    // The frame came back before the year was simulated: the old run is still shown.
    assert!(h.state().busy(), "a 365-day run goes to a worker thread");
    assert_eq!(
        h.state().current.as_ref().unwrap().run.horizon_h,
        28.0 * 24.0
    );
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    assert_eq!(
        h.state().current.as_ref().unwrap().run.horizon_h,
        365.0 * 24.0
    );
}

#[test]
fn the_working_scenario_is_restored_on_the_next_start() {
    let mut h = harness();
    set_param(&mut h, "mother.storage_capacity_left_ml", 120.0);
    h.run();
    let state = h.state().save_state();
    let mut next = harness();
    next.state_mut().restore_state(&state);
    next.run();
    let app = next.state();
    assert_eq!(app.document.scenario.mother.storage_capacity_left_ml, 120.0);
    assert!(app.document.is_dirty(), "still marked unsaved");
    assert_eq!(
        app.current
            .as_ref()
            .unwrap()
            .scenario
            .mother
            .storage_capacity_left_ml,
        120.0,
        "and simulated"
    );
    // A state that does not read changes nothing, and says so.
    assert!(!next.state_mut().restore_state("not ron at all"));
    next.run();
    let app = next.state();
    assert_eq!(app.document.scenario.mother.storage_capacity_left_ml, 120.0);
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn an_invalid_edit_shows_its_problems_and_keeps_the_last_valid_run_greyed() {
    let mut h = harness();
    let before = h.state().current.clone().expect("a run");
    let mut good = f64::NAN;
    assert!(h.query_by_label(STALE_RUN).is_none());
    // Two single sessions overlapping on the same breasts: the scenario cannot run.
    let session = lactosim::schedule::Session {
        at_h: 30.0,
        ..Default::default()
    };
    for i in 0..2 {
        h.state_mut()
            .edit(Edit::Sessions(lactosim::edit::ListEdit::Add(
                session.clone(),
            )));
        h.run();
        if i == 0 {
            // The last run that could be simulated (one session added).
            good = last_day_removed(h.state());
        }
    }
    let app = h.state();
    assert!(!app.problems.is_empty());
    // The problems are listed, and the sentence says what the plots show.
    h.get_by_label_contains("This scenario cannot run");
    for p in &app.problems {
        h.get_by_label_contains(&p.message);
    }
    h.get_by_label(STALE_RUN);
    // The run shown is the last one that could be simulated (with one session), not a new one.
    let shown = app.current.as_ref().expect("a run");
    assert_ne!(shown.scenario, app.document.scenario);
    assert_eq!(
        shown.scenario.schedule.sessions.len() + 1,
        app.document.scenario.schedule.sessions.len()
    );
    assert_eq!(
        shown.scenario.schedule.sessions.len(),
        before.scenario.schedule.sessions.len() + 1
    );
    assert_eq!(shown.run.horizon_h, before.run.horizon_h);
    assert_eq!(last_day_removed(app), good);
    let kept = shown.run.clone();
    // Another frame changes nothing: still the same run, still greyed.
    h.run();
    assert!(std::sync::Arc::ptr_eq(
        &h.state().current.as_ref().unwrap().run,
        &kept
    ));
    h.get_by_label(STALE_RUN);
    // Fixing the problem (undo) shows the new run, no longer greyed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let app = h.state();
    assert!(app.problems.is_empty(), "{:?}", app.problems);
    assert_eq!(
        app.current.as_ref().unwrap().scenario,
        app.document.scenario
    );
    assert!(h.query_by_label(STALE_RUN).is_none());
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_preset_dropped_on_the_window_opens() {
    let mut h = harness();
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/presets/exclusive-pumping.ron"
    ));
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    let app = h.state();
    assert_eq!(app.document.path.as_deref(), Some(path.as_path()));
    assert!(app.document.scenario.schedule.responsive.is_none());
    assert_eq!(app.recent.first(), Some(&path));
    assert!(
        app.current
            .as_ref()
            .unwrap()
            .run
            .sessions
            .iter()
            .all(|s| s.kind == lactosim::schedule::Kind::Pump)
    );
    // Something that is not a scenario is refused, with a word why.
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(PathBuf::from(
            "/tmp/photo.jpg",
        ))));
    h.run();
    assert!(h.state().notice.as_ref().unwrap().error);
    assert_eq!(h.state().document.path.as_deref(), Some(path.as_path()));
}

#[test]
fn the_plots_export_as_a_png_of_the_plot_area() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plots.png");
    let dialogs = FakeDialogs::default();
    *dialogs.png.borrow_mut() = Some(path.clone());
    let mut h = harness_with(dialogs);
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::ExportPng, &ctx);
    h.run();
    let image = image::open(&path).expect("a PNG was written").to_rgba8();
    // The figure: narrower than the window (no side panel, no menu bar, no status line), the
    // central panel's height; title and summary included, buttons left out.
    let (w, h_px) = image.dimensions();
    assert!((700..1280).contains(&w), "width {w}");
    // Taller than the plots alone (about 670 points here): the title and summary are on it.
    assert!((690..780).contains(&h_px), "height {h_px}");
    assert!(
        h.query_by_label("Pin as baseline").is_some(),
        "the buttons are back after"
    );
    // Not a blank image: the curves have colours of their own.
    let distinct: std::collections::HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(distinct.len() > 50, "{} colours", distinct.len());
    assert!(!h.state().notice.as_ref().unwrap().error);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness();
    h.state_mut().edit(Edit::SetName("Unsaved".into()));
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert_eq!(h.state().document.scenario.name, "Unsaved");
}

#[test]
fn themes_and_the_timing_overlay() {
    let mut h = harness();
    h.key_press(Key::F12);
    h.run();
    assert!(h.state().show_timing);
    h.get_by_label_contains("simulate");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
}

/// The question the explorer was built for, asked through the window as a newcomer would:
/// "what happens to supply if the night feeds stop at day 14, and how fast?"
#[test]
fn night_feeds_stopping_at_day_14_through_the_window() {
    let mut h = harness();
    h.get_by_label("Pin as baseline").click();
    h.run();
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Nobody feeds at night").click();
    h.run();
    h.get_by_label("Night from").set_value_accesskit(23.0);
    h.run();
    h.get_by_label("Night until").set_value_accesskit(6.0);
    h.run();
    h.get_by_label("Nights from day").set_value_accesskit(14.0);
    h.run();
    let app = h.state();
    let gap = app
        .document
        .scenario
        .schedule
        .responsive
        .as_ref()
        .unwrap()
        .night_gap
        .clone();
    assert_eq!(
        gap,
        Some(lactosim::schedule::NightGap {
            from_clock_h: 23.0,
            to_clock_h: 6.0,
            from_day: 14.0
        })
    );
    let now = app.current.as_ref().unwrap();
    let base = app.baseline.as_ref().unwrap();
    // Same supply up to day 14, less after; the drop shows within days.
    let made = |d: &lactosim::run::DaySummary| d.total_production_ml();
    for day in 8..13 {
        let (a, b) = (made(&base.run.days[day]), made(&now.run.days[day]));
        assert!((a - b).abs() < 0.02 * a, "day {day}: {a} vs {b}");
    }
    let (a, b) = (made(&base.run.days[27]), made(&now.run.days[27]));
    assert!(b < 0.85 * a, "last day: {a} vs {b}");
    let day_18 = made(&now.run.days[18]);
    assert!(
        day_18 < made(&base.run.days[18]) - 0.5 * (a - b),
        "more than half of the fall comes within four days"
    );
    // The answer is written out for the person.
    h.get_by_label_contains("it parts from the baseline on day 15");
    h.get_by_label(&now.summary);
}

fn root_commands(h: &Harness<'static, App>) -> Vec<egui::ViewportCommand> {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

fn request_close(h: &mut Harness<'static, App>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

#[test]
fn a_window_without_unsaved_changes_closes_without_asking() {
    let mut h = harness();
    request_close(&mut h);
    h.step();
    assert!(!root_commands(&h).contains(&egui::ViewportCommand::CancelClose));
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
}

#[test]
fn closing_with_dont_save_closes_and_with_save_writes_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    let dialogs = FakeDialogs::default();
    *dialogs.save.borrow_mut() = Some(path.clone());
    // "Don't save": the window closes.
    let mut h = harness_with(dialogs.clone());
    h.state_mut().edit(Edit::SetName("Throw away".into()));
    h.run();
    request_close(&mut h);
    h.step();
    assert!(root_commands(&h).contains(&egui::ViewportCommand::CancelClose));
    h.run();
    h.get_by_label("Don't save").click();
    h.step();
    assert!(root_commands(&h).contains(&egui::ViewportCommand::Close));
    assert!(!path.exists());
    // What is kept for the next start is the scenario as it was, not the changes thrown away.
    let mut next = harness();
    next.state_mut().restore_state(&h.state().save_state());
    assert_eq!(
        next.state().document.scenario.name,
        Scenario::default().name
    );
    // "Save": the file is written, then the window closes.
    let mut h = harness_with(dialogs);
    h.state_mut().edit(Edit::SetName("Keep me".into()));
    h.run();
    request_close(&mut h);
    h.run();
    h.get_by_label("Save").click();
    h.step();
    assert!(root_commands(&h).contains(&egui::ViewportCommand::Close));
    let kept = lactosim::preset::read_file(&path).unwrap();
    assert_eq!(kept.name, "Keep me");
}

#[test]
fn edits_made_while_a_long_run_computes_are_not_lost() {
    let mut h = harness();
    set_param(&mut h, "horizon_days", 200.0);
    h.step();
    assert!(h.state().busy());
    // Two more edits while the worker is busy: only the newest needs computing.
    set_param(&mut h, "mother.stress_0_to_1", 0.3);
    h.step();
    set_param(&mut h, "mother.stress_0_to_1", 0.5);
    h.step();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    let sim = h.state().current.as_ref().unwrap();
    assert_eq!(sim.scenario, h.state().document.scenario);
    assert_eq!(sim.scenario.mother.stress_0_to_1, 0.5);
    assert_eq!(sim.run.horizon_h, 200.0 * 24.0);
}

/// Click the Compare tab (not the menu of the same name above it).
fn open_compare_tab(h: &mut Harness<'static, App>) {
    h.get_all_by_label("Compare")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap()
        .click();
    h.run();
}

#[test]
fn the_baseline_keeps_the_name_it_was_pinned_with() {
    let mut h = harness();
    let old = Scenario::default().name;
    h.get_by_label("Pin as baseline").click();
    h.run();
    // Another example, then a new name: the baseline is still told by its old one.
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::OpenExample(2), &ctx);
    h.run();
    assert_ne!(h.state().document.scenario.name, old);
    h.state_mut().edit(Edit::SetName("Renamed".into()));
    h.run();
    assert_eq!(h.state().current.as_ref().unwrap().scenario.name, "Renamed");
    open_compare_tab(&mut h);
    // The table's column and the line above it.
    h.get_by_label(&format!("baseline: {old}"));
    h.get_by_label(&format!("Pinned as baseline: {old}"));
    assert!(h.query_by_label_contains("baseline: Renamed").is_none());
    // Pinned again, the baseline takes the name of now.
    h.get_all_by_label("Pin as baseline")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("baseline: Renamed");
}

#[test]
fn pinning_leaves_the_panel_where_it_was() {
    let mut h = harness();
    h.get_by_label("Mother & baby").click();
    h.run();
    h.get_by_label("Pin as baseline").click();
    h.run();
    assert!(h.state().baseline.is_some());
    assert_eq!(h.state().tab, lactosim::app::SideTab::Parameters);
}

#[test]
fn a_medicine_added_in_the_schedule_panel_doses_the_run_and_undo_takes_it_back() {
    let mut h = harness();
    assert!(
        h.query_by_label_contains("What the mother takes (× prolactin release)")
            .is_none(),
        "no plot of a medicine's effect without one"
    );
    h.get_by_label("Add medicine").click();
    h.run();
    let app = h.state();
    assert_eq!(app.document.scenario.schedule.mother_takes.len(), 1);
    assert!(app.problems.is_empty(), "{:?}", app.problems);
    let run = &app.current.as_ref().unwrap().run;
    let doses: Vec<_> = run
        .events
        .iter()
        .filter(|e| matches!(e.kind, lactosim::run::EventKind::Dose { .. }))
        .collect();
    assert!(!doses.is_empty(), "the run has doses");
    assert!(doses.iter().all(|e| e.t_h >= 14.0 * 24.0));
    // Its effect on prolactin release is drawn, and the doses are marked.
    assert!(run.series.prolactin_release_factor.iter().any(|&f| f > 2.0));
    h.get_by_label("What the mother takes (× prolactin release)");
    assert!(h.query_all_by_label("dose (diamonds)").count() >= 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let app = h.state();
    assert!(app.document.scenario.schedule.mother_takes.is_empty());
    let run = &app.current.as_ref().unwrap().run;
    assert!(
        !run.events
            .iter()
            .any(|e| matches!(e.kind, lactosim::run::EventKind::Dose { .. }))
    );
}

#[test]
fn help_shows_how_good_the_model_is() {
    let mut h = harness();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("How good is the model?").click();
    // The check runs on a worker thread: the window opens at once, with a spinner.
    h.step();
    h.step();
    assert!(h.state().validation.open);
    h.state_mut().validation.wait();
    h.run();
    let checked = h.state().validation.checked().expect("the check is done");
    let passed = checked.iter().filter(|c| c.outcome.pass).count();
    let sentence = format!("{passed} of {} rows pass.", checked.len());
    assert!(checked.len() > 10, "{} rows", checked.len());
    h.get_by_label(&sentence);
    h.get_by_label("D5");
    h.get_by_label("what is measured");
    // Opened again, it is not computed again.
    h.state_mut().validation.open = false;
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::ShowValidation, &ctx);
    assert!(!h.state().validation.checking());
    h.run();
    h.get_by_label("D5");
}

/// The path window's text field (the one text field whose text is a path ending as given).
fn path_field<'a>(h: &'a Harness<'static, App>, ending: &str) -> egui_kittest::Node<'a> {
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.ends_with(ending)))
        .unwrap_or_else(|| panic!("no path field ending in {ending}"))
}

#[test]
fn without_a_system_dialog_save_asks_for_a_path_and_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let dialogs = FakeDialogs::default();
    dialogs.unavailable.set(true);
    let mut h = harness_with(dialogs);
    set_param(&mut h, "infant.meals_per_day", 9.0);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label_contains("No system file dialog could be shown");
    // Pre-filled with a file named after the scenario.
    let field = path_field(&h, ".ron");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    path_field(&h, ".ron").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(path.exists(), "the typed path was written");
    assert!(!h.state().document.is_dirty());
    assert_eq!(h.state().document.path.as_deref(), Some(path.as_path()));
    assert!(h.query_by_label_contains("No system file dialog").is_none());
}

#[test]
fn a_typed_path_that_cannot_be_used_says_why_and_open_path_is_always_offered() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere").join("x.ron");
    let mut h = harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    let field = path_field(&h, "");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    path_field(&h, "").type_text(&missing.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label_contains("There is no file at");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label_contains("There is no file at").is_none());
    assert_eq!(h.state().document.scenario, Scenario::default());
}

/// Let a run that went to the worker thread come back and be drawn.
fn settle(h: &mut Harness<'static, App>) {
    h.step();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
}

fn mean_made(app: &App, days: std::ops::Range<usize>, baseline: bool) -> f64 {
    let sim = if baseline {
        app.baseline.as_ref().unwrap()
    } else {
        app.current.as_ref().unwrap()
    };
    let n = days.len() as f64;
    days.map(|d| sim.run.days[d].total_production_ml())
        .sum::<f64>()
        / n
}

/// The question, through the window alone: back to work on day 90, away 08:00–17:00 on
/// weekdays, pumping twice at work — and what if she pumps three times?
#[test]
fn back_to_work_twice_then_three_times_a_day_through_the_window() {
    let mut h = harness();
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label("Back to work…").click();
    h.run();
    h.get_by_label("Back at work on day")
        .set_value_accesskit(90.0);
    h.run();
    h.get_by_label("Date of birth").focus();
    h.run();
    h.get_by_label("Date of birth").type_text("2026-06-02"); // day 90 is then a Monday
    h.run();
    h.get_by_label_contains("day 90 (Mon 31 Aug)");
    h.get_by_label("Add to the schedule").click();
    settle(&mut h);
    {
        let app = h.state();
        let sc = &app.document.scenario;
        assert_eq!(sc.horizon_days, 111.0);
        assert!(app.problems.is_empty(), "{:?}", app.problems);
        let run = &app.current.as_ref().unwrap().run;
        assert_eq!(run.horizon_h, 111.0 * 24.0);
        assert_eq!(run.days[92].pump_sessions, 2, "Wednesday");
        assert_eq!(run.days[96].pump_sessions, 0, "Saturday");
        // The summary says where the baby's milk comes from while she is away.
        assert!(
            app.current
                .as_ref()
                .unwrap()
                .summary
                .contains("given by someone else while the mother is away"),
            "{}",
            app.current.as_ref().unwrap().summary
        );
    }
    h.get_by_label("Pin as baseline").click();
    settle(&mut h);
    // Three times: the pump rule at 10:15, 12:30 and 14:45.
    h.get_by_label("Edit rule 1").click();
    settle(&mut h);
    h.get_by_label("First at").set_value_accesskit(10.25);
    settle(&mut h);
    h.get_by_label("Every").set_value_accesskit(2.25);
    settle(&mut h);
    h.get_by_label("A day, at most").set_value_accesskit(3.0);
    settle(&mut h);
    h.get_by_label_contains("each day at 10:15, 12:30, 14:45");
    let app = h.state();
    assert!(app.problems.is_empty(), "{:?}", app.problems);
    let run = &app.current.as_ref().unwrap().run;
    assert_eq!(run.days[92].pump_sessions, 3);
    // The third pump keeps more of her supply over the three weeks back at work.
    let (two, three) = (
        mean_made(app, 104..111, true),
        mean_made(app, 104..111, false),
    );
    assert!(three > two, "two pumps {two:.0}, three {three:.0} ml/day");
    assert!(app.comparison().is_some(), "the sentence compares the two");
}

#[test]
fn the_name_is_renamed_in_the_header() {
    let mut h = harness();
    let old = Scenario::default().name;
    h.get_by_label("Scenario name").focus();
    h.run();
    h.key_press(Key::End);
    h.run();
    h.get_by_label("Scenario name")
        .type_text(", night feeds kept");
    h.run();
    let name = &h.state().document.scenario.name;
    assert_eq!(name, &format!("{old}, night feeds kept"));
    // One undo brings the old name back (the typing is one step).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document.scenario.name, old);
}

/// Share: the scenario as a link on the clipboard; a link opens its scenario; a damaged one says
/// what is wrong, as a broken file does (issue "lactosim in the browser").
#[test]
fn share_copies_a_link_that_opens_the_same_scenario() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::OpenExample(2), &ctx);
    h.run();
    let opened = h.state().document.scenario.clone();
    h.get_by_label("Share").click();
    h.run();
    h.get_by_label("Copy link to this scenario").click();
    // One frame: the copy is in that frame's output.
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let link = copied.last().expect("Copy link copies the link").clone();
    assert!(link.contains("#s="), "{link}");
    h.run();
    h.get_by_label_contains("Copied a link to");
    // A new scenario, then the link: the scenario comes back.
    h.state_mut().command(Command::New, &ctx);
    h.run();
    h.state_mut().command(Command::OpenLink(link.clone()), &ctx);
    h.run();
    assert_eq!(h.state().document.scenario.name, opened.name);
    assert_eq!(h.state().document.scenario.schedule, opened.schedule);
    assert!(h.state().document.path.is_none());
    // Saved nowhere: unsaved, so New or Open asks first.
    assert!(h.state().document.is_dirty());
    // Unsaved, yet as it was opened: its description is not said to be out of date.
    assert!(!h.state().document.changed_since_opened());
    // A damaged link: its problem in plain words, the scenario left as it was.
    h.state_mut()
        .command(Command::OpenLink(link[..link.len() - 30].to_owned()), &ctx);
    h.run();
    // It was opened from a link, saved nowhere: asked first.
    h.get_by_label("Don't save").click();
    h.run();
    h.get_by_label_contains("The link could not be opened");
    h.get_by_label_contains("damaged");
    assert_eq!(h.state().document.scenario.name, opened.name);
    // Beside the problem, the status bar says whose scenario is on screen (until dismissed).
    h.get_by_label_contains(&format!(
        "What you see is “{}”, not the scenario of the link",
        opened.name
    ));
}
