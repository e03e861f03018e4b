//! *Show how mothers differ*, through the window with egui_kittest: the box is ticked, the
//! ensemble comes in after the single run, the sentences carry the range, the Compare table its
//! range columns, and an edit replaces the bands (never showing an older scenario's).
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lactosim::app::App;
use lactosim::app::files::NoDialogs;
use lactosim::edit::Edit;
use lactosim::ensemble::{DayQuantity, simulate_ensemble};
use lactosim::schedule::NightGap;

fn harness() -> Harness<'static, App> {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    // Fewer mothers than the window's 200: the test is about the path, not the statistics.
    app.mothers.members = 40;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    h
}

/// Let the single run and the ensemble after it finish (the spinner keeps repainting meanwhile:
/// single steps until then).
fn wait(h: &mut Harness<'static, App>) {
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.step();
    h.state_mut().wait_for_mothers(&ctx);
    h.step();
    h.run();
}

#[test]
fn ticking_the_box_shades_the_range_and_says_it() {
    let mut h = harness();
    assert!(h.query_by_label_contains("Most mothers like her").is_none());
    h.get_by_label("Show how mothers differ").click();
    h.step();
    wait(&mut h);
    let sentence = h
        .get_by_label_contains("Most mothers like her")
        .value()
        .unwrap();
    // The same figures as the library's ensemble of the same scenario and size.
    let e = simulate_ensemble(&h.state().document.scenario, 40).unwrap();
    let b = e.days(DayQuantity::Production)[27];
    let words = lactosim::ensemble::words::range(&b);
    assert!(sentence.contains(&words), "{sentence} / {words}");
    h.get_by_label_contains("Shaded: 8 in 10 of 40 mothers like her");
    // The legends of the two shaded plots say what the shading is.
    assert_eq!(
        h.get_all_by_label("shaded: 8 in 10 mothers like her, darker the middle half")
            .count(),
        2
    );
    // Before a baseline is pinned, the way to the range of a change is said.
    h.get_by_label(lactosim::app::mothers::PIN_FOR_THE_CHANGE);

    // An edit: the old bands go at once, the new ones come.
    h.state_mut().edit(Edit::SetParam {
        path: "infant.appetite_plateau_ml_per_day",
        value: 600.0,
    });
    h.step();
    assert!(
        h.state()
            .mothers
            .current
            .as_ref()
            .is_none_or(|c| c.scenario == h.state().document.scenario),
        "never the bands of the scenario before the edit"
    );
    wait(&mut h);
    let now = h.state().mothers.current.as_ref().expect("bands again");
    assert_eq!(now.scenario, h.state().document.scenario);

    // Kept for the next start, like the plots shown.
    let mut next = App::with_dialogs(Box::new(NoDialogs));
    assert!(next.restore_state(&h.state().save_state()));
    assert!(next.mothers.on);

    // Unticked: no bands, no sentence.
    h.get_by_label("Show how mothers differ").click();
    h.run();
    assert!(h.state().mothers.current.is_none());
    assert!(h.query_by_label_contains("Most mothers like her").is_none());
}

#[test]
fn a_comparison_carries_the_range_of_the_change_itself() {
    let mut h = harness();
    h.get_by_label("Show how mothers differ").click();
    h.step();
    wait(&mut h);
    h.get_by_label("Pin as baseline").click();
    h.step();
    let mut gap = h
        .state()
        .document
        .scenario
        .schedule
        .responsive
        .clone()
        .unwrap();
    gap.night_gap = Some(NightGap {
        from_day: 14.0,
        ..NightGap::default()
    });
    h.state_mut().edit(Edit::SetResponsive(Some(gap)));
    h.step();
    wait(&mut h);
    assert!(
        h.query_by_label(lactosim::app::mothers::PIN_FOR_THE_CHANGE)
            .is_none()
    );
    let words = h
        .get_by_label_contains("each mother compared with herself")
        .value()
        .unwrap();
    assert!(words.starts_with("For most mothers like her:"), "{words}");
    // The Compare tab's range columns.
    h.get_all_by_label("Compare")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap()
        .click();
    h.run();
    h.get_by_label(lactosim::app::compare::RANGE_NOW);
    h.get_by_label(lactosim::app::compare::RANGE_CHANGE);
    let app = h.state();
    let (before, after) = (
        &app.mothers.baseline.as_ref().unwrap().ensemble,
        &app.mothers.current.as_ref().unwrap().ensemble,
    );
    let effect = before
        .effect(after, DayQuantity::Production, 27, 28)
        .unwrap();
    assert!(
        effect.p90 < 0.0,
        "every mother makes less without night feeds"
    );
}
