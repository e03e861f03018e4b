//! Help → How milk is made (issue "From blood to milk"): one alveolus drawn over the run — the
//! junctions open on the day of birth and sealed by day 10, the myoepithelial cells squeezing in
//! a let-down, a pathway's paragraph and curve on a click — and the window opened from the menu.
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions, SnapshotResults};

use lactosim::app::App;
use lactosim::app::alveolus_view::{AlveolusView, Moment, Pathway};
use lactosim::app::files::NoDialogs;
use lactosim::run::Run;
use lactosim::scenario::Breast;

fn view_at(run: &Run, t_h: f64) -> Harness<'static, (AlveolusView, Run)> {
    let view = AlveolusView::at(t_h);
    let mut h = Harness::builder().with_size([720.0, 560.0]).build_ui_state(
        |ui, (v, run): &mut (AlveolusView, Run)| v.ui(ui, run),
        (view, run.clone()),
    );
    h.run();
    h
}

/// Looser than the default: the picture is all shapes, anti-aliased by whichever GL the machine
/// has.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(2.0).max_failed_pixels(40)
}

#[test]
fn the_junctions_seal_over_the_first_days_and_the_cells_squeeze_in_a_let_down() {
    let run = lactosim::simulate(&lactosim::Scenario::default()).unwrap();
    // One result for the three pictures (each harness's would otherwise be dropped unread).
    let mut pictures = SnapshotResults::new();
    // Day 0, noon: colostrum, the junctions open.
    let mut h = view_at(&run, 12.0);
    h.get_by_label_contains("Day 0 12:00, left breast: this hour about");
    h.get_by_label_contains("The junctions between the cells are open");
    h.snapshot_options("alveolus_day_0_junctions_open", &options());
    pictures.extend_harness(&mut h);
    // Day 10: sealed, the milk mature.
    let mut h = view_at(&run, 10.0 * 24.0 + 12.0);
    h.get_by_label_contains("The junctions between the cells are sealed");
    h.snapshot_options("alveolus_day_10_junctions_sealed", &options());
    pictures.extend_harness(&mut h);
    // A let-down on day 10: the myoepithelial cells squeeze.
    let letdown = run
        .sessions
        .iter()
        .flat_map(|s| s.letdowns_h.iter().copied())
        .find(|&t| t > 10.0 * 24.0)
        .unwrap();
    let during = (0..8)
        .map(|k| letdown + k as f64 / 60.0)
        .max_by(|a, b| {
            let sq = |t: f64| Moment::of(&run, Breast::Left, t).unwrap().squeeze;
            sq(*a).total_cmp(&sq(*b))
        })
        .unwrap();
    assert!(Moment::of(&run, Breast::Left, during).unwrap().squeeze > 0.3);
    let mut h = view_at(&run, during);
    h.get_by_label_contains("A let-down: the myoepithelial cells squeeze the milk out");
    h.snapshot_options("alveolus_day_10_letdown", &options());
    pictures.extend_harness(&mut h);
    // A pathway's paragraph and its curve on a click.
    h.get_by_label(Pathway::Paracellular.name()).click();
    h.run();
    h.get_by_label_contains("tight junctions seal the gaps");
    assert_eq!(h.state().0.selected, Some(Pathway::Paracellular));
    pictures.unwrap();
}

#[test]
fn help_opens_how_milk_is_made() {
    let app = App::with_dialogs(Box::new(NoDialogs));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("How milk is made").click();
    h.run();
    assert!(h.state().alveolus.open);
    h.get_by_label_contains("Day 0 12:00, left breast: this hour about");
}
