//! The two faces of the window, through egui_kittest: at first start the window asks who is
//! looking and remembers it; the parent's face shows the supply plot alone, the rest one click
//! away (issue "A parent's view").
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lactosim::app::files::NoDialogs;
use lactosim::app::plot_data::PlotKind;
use lactosim::app::{App, Audience};

fn harness(app: App) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    h
}

fn plots_drawn(app: &App) -> Vec<PlotKind> {
    let mut kinds: Vec<PlotKind> = app.plots_drawn().iter().map(|(k, _, _)| *k).collect();
    kinds.dedup();
    kinds
}

#[test]
fn first_start_asks_who_is_looking_and_remembers_the_answer() {
    // A first start: nothing kept says who is looking.
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.audience = None;
    let mut h = harness(app);
    h.get_by_label("I'm a clinician or researcher");
    h.get_by_label("I'm a parent").click();
    h.run();
    assert_eq!(h.state().audience, Some(Audience::Parent));
    assert!(
        h.query_by_label("I'm a clinician or researcher").is_none(),
        "the question goes once answered"
    );

    // The next start brings the answer back and does not ask again.
    let kept = h.state().save_state();
    let mut next = App::with_dialogs(Box::new(NoDialogs));
    next.audience = None;
    assert!(next.restore_state(&kept));
    assert_eq!(next.audience, Some(Audience::Parent));
    let h = harness(next);
    assert!(h.query_by_label("I'm a parent").is_none());
}

#[test]
fn the_parents_view_shows_her_supply_alone_until_she_asks_for_more() {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.choose_audience(Audience::Parent);
    let mut h = harness(app);
    h.run();
    assert_eq!(plots_drawn(h.state()), vec![PlotKind::YourSupply]);
    h.get_by_label_contains("Your milk supply");

    h.get_by_label("Show me more").click();
    h.run();
    h.run();
    let more = plots_drawn(h.state());
    assert!(
        more.contains(&PlotKind::Breasts) && more.contains(&PlotKind::Hormones),
        "{more:?}"
    );

    // Switching to the clinician's view in View shows the whole window.
    h.state_mut().choose_audience(Audience::Clinician);
    h.run();
    h.run();
    assert!(plots_drawn(h.state()).len() > 1);
    assert!(h.query_by_label("Show me more").is_none());
}

#[test]
fn the_parents_first_screen_has_no_clinical_units() {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.choose_audience(Audience::Parent);
    let mut h = harness(app);
    h.run();
    for unit in [
        "ng/ml",
        "pg/ml",
        "mmol",
        "g/L",
        "sIgA",
        "secretory capacity",
        "synthesis rate",
    ] {
        let found: Vec<String> = h
            .query_all_by_label_contains(unit)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(found.is_empty(), "{unit} on the parent's screen: {found:?}");
    }
    // The scan sees the plots' legends: the clinician's screen has them.
    h.state_mut().choose_audience(Audience::Clinician);
    h.run();
    h.run();
    assert!(
        h.query_all_by_label_contains("secretory capacity")
            .next()
            .is_some()
    );
}

#[test]
fn her_babys_age_makes_the_run_hers_with_today_marked() {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.today = lactosim::calendar::CivilDate::new(2026, 12, 3).unwrap();
    app.choose_audience(Audience::Parent);
    let mut h = harness(app);
    h.get_by_label("How old is your baby?");
    assert_eq!(
        h.state().today_mark_day(),
        None,
        "no today before her age is known"
    );

    // Five weeks old, as the age fields send it.
    for e in h.state().baby_age_edits(35) {
        h.state_mut().edit(e);
    }
    // 56 days are simulated on a worker thread: let the run come back.
    h.step();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    let app = h.state();
    let sc = &app.document.scenario;
    assert_eq!(
        sc.birth_date,
        lactosim::calendar::CivilDate::new(2026, 10, 29)
    );
    assert_eq!(
        sc.horizon_days,
        35.0 + 21.0,
        "from birth to three weeks past today"
    );
    assert_eq!(app.baby_age_days(), Some(35));
    assert_eq!(app.today_mark_day(), Some(35.5));
    let run = app.current.as_ref().expect("a run");
    assert!(run.run.days.len() >= 56, "{} days run", run.run.days.len());

    // The clinician's view marks no today.
    h.state_mut().choose_audience(Audience::Clinician);
    assert_eq!(h.state().today_mark_day(), None);
}
