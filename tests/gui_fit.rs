//! Her own numbers through the window (issue "Her own numbers"): File → Import her log…, where
//! it sits in her baby's life, the fit, and her fitted scenario opened with its values.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lactosim::app::files::NoDialogs;
use lactosim::app::{App, Command};

const LOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/logs/pump-log.csv");

fn harness() -> Harness<'static, App> {
    let app = App::with_dialogs(Box::new(NoDialogs));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    h
}

#[test]
fn a_pump_log_is_imported_fitted_and_opened_as_her_scenario() {
    let mut h = harness();
    // File → Import her log… asks for the path in the window's own field (no system dialog).
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import her log…").click();
    h.run();
    h.get_by_label_contains("The path of her log");
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the path field");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap()
        .type_text(LOG);
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label_contains("pump-log.csv: 7 sessions (lactosim log)");
    // Her baby was 40 days old on the log's first day.
    h.get_by_label("Her baby's day of life on the log's first day:");
    // Not fitted before her baby's age is given.
    assert!(!h.state().her_log.as_ref().unwrap().day_given);
    h.get_by_label_contains("Set it first");
    let her = h.state_mut().her_log.as_mut().unwrap();
    her.day_of_life = 40;
    her.day_given = true;
    h.run();
    h.get_by_label("Fit the model to her log").click();
    h.step();
    h.state_mut().wait_for_fit();
    h.step();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    // Her scenario is open: the log's days, then two weeks more of its last day.
    let sc = &h.state().document.scenario;
    assert_eq!(sc.name, "Her log: pump-log.csv");
    assert_eq!(sc.horizon_days, 42.0 + 14.0);
    assert!(h.state().current.is_some());
    // The fitted values with their ranges, and how well the model fits.
    h.get_by_label("storage capacity, left breast");
    h.get_by_label("10th–90th");
    h.get_by_label_contains("The model fits her 7 sessions to within");
    // Her logged amounts are drawn over the model's, above the stack.
    let drawn: Vec<_> = h
        .state()
        .plots_drawn()
        .iter()
        .map(|(k, name, _)| (*k, name.clone()))
        .collect();
    assert!(
        drawn.contains(&(
            lactosim::app::plot_data::PlotKind::HerSessions,
            "removed at each session (model)".to_owned()
        )),
        "{drawn:?}"
    );
    h.get_by_label_contains("Milk at each session: her log and the model");
    // Another scenario opened: her log goes with it.
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::New, &ctx);
    h.run();
    assert!(h.state().her_log.is_none());
}

#[test]
fn a_bad_log_is_refused_with_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "start,kind\n2026-11-30 06:00,drink\n").unwrap();
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().command(Command::ImportLogPath(bad), &ctx);
    h.run();
    h.get_by_label_contains("could not be read as a log");
    h.get_by_label_contains("line 2, column “kind”");
    assert!(h.state().her_log.is_none());
}
