//! Long runs under load: a 365-day scenario edited hundreds of times a second, a frame between
//! edits, as a slider dragged fast would. The window must never wait on a run (no deadlock), never
//! show an older run after a newer one, never have more than one computation alive, and end on
//! the run of the last edit. (A test binary of its own: the count of workers is per process.)
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use lactosim::app::App;
use lactosim::app::files::NoDialogs;
use lactosim::app::runner::workers_alive;
use lactosim::edit::Edit;

#[test]
fn rapid_edits_of_a_year_long_run_never_stall_or_go_back() {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut App| app.frame_ui(ui),
            App::with_dialogs(Box::new(NoDialogs)),
        );
    h.run();
    h.state_mut().edit(Edit::SetParam {
        path: "horizon_days",
        value: 365.0,
    });
    h.step();
    let mut shown_stress = -1.0;
    let mut most_alive = 0;
    let mut frames_while_computing = 0;
    const EDITS: usize = 300;
    for k in 1..=EDITS {
        // Stress rising with every edit: a run shown later must never be of a lower stress.
        h.state_mut().edit(Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: k as f64 / EDITS as f64 * 0.5,
        });
        h.step();
        most_alive = most_alive.max(workers_alive());
        if h.state().busy() {
            frames_while_computing += 1;
        }
        if let Some(sim) = &h.state().current {
            let s = sim.scenario.mother.stress_0_to_1;
            assert!(
                s >= shown_stress,
                "edit {k}: a run of stress {s} after one of {shown_stress}"
            );
            shown_stress = s;
        }
    }
    assert!(most_alive <= 1, "{most_alive} computations alive at once");
    // Frames were drawn while a year-long run computed: the window did not wait on the runs.
    assert!(frames_while_computing > 0, "every frame waited for its run");
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    let app = h.state();
    let now = app.current.as_ref().unwrap();
    assert_eq!(
        now.scenario, app.document.scenario,
        "ends on the last edit's run"
    );
    assert_eq!(now.run.horizon_h, 365.0 * 24.0);
    assert_eq!(workers_alive(), 0);
}

/// The same with *Show how mothers differ* ticked: every edit cancels the ensemble in flight and
/// queues the newest scenario. At most one ensemble computation is ever alive, the bands shown
/// are never of a scenario older than the last shown, never of another scenario than the run
/// they are drawn with once settled, and the last edit's bands come in.
#[test]
fn rapid_edits_with_the_ensemble_on_never_stall_or_show_stale_bands() {
    use lactosim::app::mothers::ensembles_alive;
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.mothers.members = 30;
    app.mothers.on = true;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.step();
    let mut shown_appetite = 0.0;
    let mut most_alive = 0;
    const EDITS: usize = 200;
    for k in 1..=EDITS {
        h.state_mut().edit(Edit::SetParam {
            path: "infant.appetite_plateau_ml_per_day",
            value: 600.0 + k as f64,
        });
        h.step();
        most_alive = most_alive.max(ensembles_alive());
        let app = h.state();
        if let Some(shown) = &app.mothers.current {
            let a = shown.scenario.infant.appetite_plateau_ml_per_day;
            assert!(
                a >= shown_appetite,
                "edit {k}: bands of appetite {a} after {shown_appetite}"
            );
            assert_eq!(
                shown.scenario, app.document.scenario,
                "edit {k}: bands of another scenario than the one edited"
            );
            shown_appetite = a;
        }
    }
    assert!(most_alive <= 1, "{most_alive} ensembles alive at once");
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.step();
    h.state_mut().wait_for_mothers(&ctx);
    h.step();
    let app = h.state();
    let shown = app.mothers.current.as_ref().expect("the last edit's bands");
    assert_eq!(shown.scenario, app.document.scenario);
    assert_eq!(shown.ensemble.members.len(), 30);
    // The worker threads end with their computation.
    let start = std::time::Instant::now();
    while ensembles_alive() > 0 {
        assert!(start.elapsed().as_secs() < 10, "an ensemble never ended");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
