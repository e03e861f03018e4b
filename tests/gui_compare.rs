//! The comparison read at a chosen day, driven through the window with egui_kittest: a baseline
//! is pinned, pump sessions are added from day 14, and the Compare tab is read at an earlier day,
//! at a later one and at the last — its table, the sentence above the plots and *Copy table*.
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lactosim::app::App;
use lactosim::app::files::NoDialogs;
use lactosim::edit::{Edit, ListEdit};
use lactosim::run::Run;
use lactosim::schedule::{Kind, Rule, Side};
use lactosim::summary::Metrics;

fn harness() -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut App| app.frame_ui(ui),
            App::with_dialogs(Box::new(NoDialogs)),
        );
    h.run();
    h
}

/// Pin the default run, add three double-pump sessions a day from day 14, open the Compare tab.
fn pinned_then_pumping_from_day_14() -> Harness<'static, App> {
    let mut h = harness();
    h.get_by_label("Pin as baseline").click();
    h.run();
    h.state_mut().edit(Edit::Rules(ListEdit::Add(Rule {
        label: "extra pumping".into(),
        kind: Kind::Pump,
        side: Side::Both,
        every_h: 8.0,
        first_at_clock_h: 10.5,
        from_day: 14.0,
        to_day: 28.0,
        duration_min: 15.0,
        ..Rule::default()
    })));
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    // The tab, not the menu of the same name above it.
    h.get_all_by_label("Compare")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap()
        .click();
    h.run();
    h
}

fn runs(h: &Harness<'static, App>) -> (Run, Run) {
    let app = h.state();
    (
        (*app.current.as_ref().unwrap().run).clone(),
        (*app.baseline.as_ref().unwrap().run).clone(),
    )
}

fn set_day(h: &mut Harness<'static, App>, day: usize) {
    h.get_by_role_and_label(Role::Slider, "Compare at day")
        .set_value_accesskit(day as f64);
    h.run();
}

/// Is this text on screen (once or more)?
fn shown(h: &Harness<'static, App>, text: &str) -> bool {
    h.query_all_by_label(text).next().is_some()
}

/// The text *Copy table* put on the clipboard in the last frame.
fn copied(h: &Harness<'static, App>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

fn ml(v: f64) -> String {
    format!("{v:.0} ml")
}

#[test]
fn the_comparison_reads_at_the_day_chosen_in_the_window() {
    let mut h = pinned_then_pumping_from_day_14();
    let (now, base) = runs(&h);

    // At first, the last day both runs cover in full: as before the day could be chosen.
    h.get_by_label("at day 27");
    h.get_by_label_contains("On day 27, supply is ");
    let c = h.state().comparison().unwrap();
    assert_eq!(c.day, Some(27));
    assert_eq!(c.now, Metrics::at_day(&now, 27));
    assert_eq!(c.now, h.state().current.as_ref().unwrap().metrics);

    // Before the pumps start, the runs make the same milk: the sentence says so, for that day.
    set_day(&mut h, 10);
    h.get_by_label("at day 10");
    assert!(!shown(&h, "at day 27"));
    h.get_by_label("Up to day 10, the milk made stays within 3% of the baseline's every day.");
    let c = h.state().comparison().unwrap();
    assert_eq!(c.now, Metrics::at_day(&now, 10));
    assert_eq!(c.baseline.as_ref(), Some(&Metrics::at_day(&base, 10)));

    // A week after the pumps start: that day's figures, in the table and in the sentence.
    set_day(&mut h, 20);
    let (n20, b20) = (Metrics::at_day(&now, 20), Metrics::at_day(&base, 20));
    assert_ne!(n20, Metrics::at_day(&now, 27));
    h.get_by_label("at day 20");
    assert!(shown(&h, &ml(n20.last_day_production_ml)));
    assert!(shown(&h, &ml(b20.last_day_production_ml)));
    assert!(shown(&h, &ml(n20.last_day_removed_ml)));
    assert!(shown(&h, &format!("{:.1}", n20.sessions_per_day)));
    assert!(!shown(
        &h,
        &ml(Metrics::at_day(&now, 27).last_day_production_ml)
    ));
    let round = |v: f64| (v / 10.0).round() * 10.0;
    h.get_by_label_contains(&format!(
        "On day 20, supply is {:.0} ml/day instead of {:.0}",
        round(n20.last_day_production_ml),
        round(b20.last_day_production_ml)
    ));
    let words = lactosim::summary::compared_words_at(&now, &base, 20).unwrap();
    h.get_by_label(&words);

    // Copy table names the day and both scenarios, and has that day's figures.
    h.get_by_label("Copy table").click();
    // One frame: the copy is in that frame's output.
    h.step();
    let text = copied(&h).expect("Copy table copies text");
    h.run();
    let name = lactosim::Scenario::default().name;
    let first = text.lines().next().unwrap();
    assert!(first.contains("at day 20"), "{first}");
    assert!(first.contains(&format!("baseline: {name}")), "{first}");
    let made = text
        .lines()
        .find(|l| l.starts_with("Milk made that day\t"))
        .unwrap();
    assert_eq!(
        made.split('\t').take(3).collect::<Vec<_>>(),
        [
            "Milk made that day".to_owned(),
            ml(b20.last_day_production_ml),
            ml(n20.last_day_production_ml)
        ]
    );

    // "Last day" goes back to where it started.
    h.get_by_label("Last day").click();
    h.run();
    h.get_by_label("at day 27");
    h.get_by_label_contains("On day 27, supply is ");
}

#[test]
fn a_run_of_another_length_puts_the_day_back_to_the_last() {
    let mut h = pinned_then_pumping_from_day_14();
    set_day(&mut h, 24);
    h.get_by_label("at day 24");
    // A 21-day run: day 24 is past its end; the comparison goes to its last complete day.
    h.state_mut().edit(Edit::SetParam {
        path: "horizon_days",
        value: 21.0,
    });
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_run(&ctx);
    h.run();
    assert_eq!(h.state().comparison().unwrap().day, Some(20));
    h.get_by_label("at day 20");
    h.get_by_label_contains("On day 20, supply is ");
    h.get_by_label_contains("they are compared on the days both cover in full, up to day 20");
}
