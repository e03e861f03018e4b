//! The two faces of the window, through egui_kittest: at first start the window asks who is
//! looking and remembers it; the parent's face shows the supply plot alone, the rest one click
//! away (issue "A parent's view").
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lactosim::app::files::NoDialogs;
use lactosim::app::plot_data::PlotKind;
use lactosim::app::{App, Audience};

/// Mothers like her in these tests: enough for a range, few enough for a debug build (the
/// parent's face shows how mothers differ, and each answer ranges over them).
const TEST_MOTHERS: usize = 40;

fn harness(mut app: App) -> Harness<'static, App> {
    app.mothers.members = TEST_MOTHERS;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    settle(&mut h);
    h
}

/// Run frames until the window is still: the run and, in the parent's face (which shows how
/// mothers differ), the ensemble have come back from their workers.
fn settle(h: &mut Harness<'static, App>) {
    let ctx = h.ctx.clone();
    for _ in 0..20 {
        h.step();
        h.state_mut().wait_for_run(&ctx);
        h.state_mut().wait_for_mothers(&ctx);
        h.step();
        if !h.state().busy() && !h.state().mothers_busy() {
            break;
        }
    }
    h.run();
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
    settle(&mut h);
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
    settle(&mut h);
    assert_eq!(plots_drawn(h.state()), vec![PlotKind::YourSupply]);
    h.get_by_label_contains("Your milk supply");

    h.get_by_label("Show me more").click();
    settle(&mut h);
    let more = plots_drawn(h.state());
    assert!(
        more.contains(&PlotKind::Breasts) && more.contains(&PlotKind::Hormones),
        "{more:?}"
    );

    // Switching to the clinician's view in View shows the whole window.
    h.state_mut().choose_audience(Audience::Clinician);
    settle(&mut h);
    assert!(plots_drawn(h.state()).len() > 1);
    assert!(h.query_by_label("Show me more").is_none());
}

#[test]
fn the_parents_first_screen_has_no_clinical_units() {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.choose_audience(Audience::Parent);
    let mut h = harness(app);
    settle(&mut h);
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
    settle(&mut h);
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
    settle(&mut h);
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

/// A fresh window at first start, today 3 Dec 2026.
fn first_start() -> Harness<'static, App> {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.audience = None;
    app.today = lactosim::calendar::CivilDate::new(2026, 12, 3).unwrap();
    harness(app)
}

/// Her baby's age typed into the weeks field, as she would: click it, type, Enter.
fn type_weeks(h: &mut Harness<'static, App>, weeks: &str) {
    h.query_all_by_role(egui::accesskit::Role::SpinButton)
        .next()
        .expect("the weeks field")
        .click();
    settle(h);
    h.query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the weeks field, being edited")
        .type_text(weeks);
    settle(h);
    h.key_press(egui::Key::Enter);
    // The run from birth to three weeks past today comes back from its worker.
    settle(h);
}

/// Click a button of the side panel, scrolled into view first (an answer can reach below the
/// window's bottom, as a person would scroll to it).
fn click_in_view(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
}

/// Every text in the window: the names of controls and the text of labels (which egui gives
/// accesskit as a value).
fn labels(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by_label_contains("")
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .collect()
}

/// The "done when": she opens the program, says her baby is 5 weeks old, and within
/// three clicks reads in plain words what a bottle at night would do to her supply and whether
/// it comes back.
#[test]
fn a_parent_reads_what_a_bottle_at_night_does_within_three_clicks() {
    let mut h = first_start();
    h.get_by_label("I'm a parent").click(); // 1
    settle(&mut h);
    type_weeks(&mut h, "5"); // 2
    assert_eq!(h.state().baby_age_days(), Some(35));
    h.get_by_label("A bottle of formula instead of one night feed")
        .click(); // 3
    settle(&mut h);
    let answer = &h.state().asked.as_ref().expect("answered").answer;
    let said = labels(&h);
    for part in [&answer.how_much, &answer.how_fast, &answer.comes_back] {
        assert!(
            said.contains(part),
            "{part:?} is not in the window: {said:#?}"
        );
    }
    assert!(answer.how_much.contains("ml a day"), "{}", answer.how_much);
    assert!(answer.comes_back.contains("When the night feed comes back"));
    // Then the range for mothers like her, each compared with herself.
    settle(&mut h);
    let range = h
        .get_by_label_contains("For most mothers like you (8 in 10 of 40 simulated")
        .accesskit_node()
        .value()
        .unwrap();
    assert!(range.contains("a day less"), "{range}");
    // The plot draws her milk with the change and as it is now, the change shaded from today.
    let drawn: Vec<String> = h
        .state()
        .plots_drawn()
        .iter()
        .map(|(_, name, _)| name.clone())
        .collect();
    assert!(
        drawn.contains(&"milk you make a day".to_owned()),
        "{drawn:?}"
    );
    h.get_by_label_contains("dashed, faded: without the change");
    // Her plan is unchanged until she asks for it.
    assert!(h.state().document.scenario.schedule.absences.is_empty());
    click_in_view(&mut h, "Make it part of my plan");
    settle(&mut h);
    assert_eq!(h.state().document.scenario.schedule.absences.len(), 1);
    assert!(h.state().asked.is_none());
}

/// Every question's button answers through the window, each answer naming an amount, a speed
/// and whether it comes back (the library's tests/questions.rs checks the figures).
#[test]
fn every_question_button_answers_with_how_much_how_fast_and_whether_it_comes_back() {
    let mut h = first_start();
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    type_weeks(&mut h, "5");
    // The answers alone (the range over mothers like her is tested above).
    h.state_mut().mothers.switch_off();
    for q in lactosim::questions::Question::ALL {
        h.get_by_label(q.button()).click();
        settle(&mut h);
        let asked = h.state().asked.as_ref().expect("answered");
        assert_eq!(asked.answer.question, q);
        let a = &asked.answer;
        assert!(
            a.how_much.chars().any(|c| c.is_ascii_digit()),
            "{q:?}: {}",
            a.how_much
        );
        assert!(
            ["day", "minute", "hour"]
                .iter()
                .any(|w| a.how_fast.contains(w)),
            "{q:?}: {}",
            a.how_fast
        );
        assert!(
            ["back", "again"].iter().any(|w| a.comes_back.contains(w)),
            "{q:?}: {}",
            a.comes_back
        );
        let said = labels(&h);
        assert!(
            said.contains(&q.asked().to_owned()),
            "{q:?}: heading missing"
        );
        assert!(said.contains(&a.comes_back), "{q:?}: answer missing");
        assert!(said.iter().any(|l| l == "Who to ask"), "{q:?}");
    }
    // The richer milk is read from one of today's feeds, which opens minute by minute on
    // request.
    h.get_by_label(lactosim::questions::Question::RicherEndOfFeed.button())
        .click();
    settle(&mut h);
    assert!(h.state().selected_session.is_none());
    click_in_view(&mut h, "See this feed minute by minute");
    settle(&mut h);
    let feed = h.state().selected_session.expect("opened");
    let start_h = h.state().current.as_ref().unwrap().run.sessions[feed].start_h;
    assert_eq!((start_h / 24.0).floor(), 35.0, "a feed of today");
}

/// The issue "From blood to milk"'s "done when": she adds two coffees a day, then a glass of
/// wine at 20:00, and sees what each feed carried — beside whom to ask and the sources.
#[test]
fn a_parent_sees_what_each_feed_carried_of_two_coffees_and_a_glass_of_wine() {
    use lactosim::model::pharmacology::Substance;
    let mut h = first_start();
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    type_weeks(&mut h, "5");
    h.state_mut().mothers.switch_off();
    h.get_by_label("Two cups of coffee a day").click();
    settle(&mut h);
    let a = &h.state().asked.as_ref().expect("answered").answer;
    assert!(
        a.how_much.contains("breastfeeds carry about"),
        "{}",
        a.how_much
    );
    assert!(a.ask.contains("Ask your doctor, midwife or pharmacist"));
    click_in_view(&mut h, "Show what each feed carried");
    settle(&mut h);
    let view = &h.state().reaches_milk;
    assert!(view.open);
    assert_eq!(view.substance, Some(Substance::Caffeine));
    // The day the answer read (the third day of cups), in words and feed by feed, with the
    // answer's figure.
    assert_eq!(view.day, Some(37));
    let answered = h.state().asked.as_ref().unwrap().answer.how_much.clone();
    let said = labels(&h);
    let day = said
        .iter()
        .find(|l| l.starts_with("Day 37"))
        .unwrap_or_else(|| panic!("no day sentence: {said:#?}"));
    let carried = answered
        .split("carry about ")
        .nth(1)
        .and_then(|rest| rest.split(" in all").next())
        .expect("the answer's amount");
    assert!(
        day.contains(&format!("carried {carried} in all")),
        "{day} / {answered}"
    );
    assert!(
        day.contains("you took 190 mg of caffeine (2 doses)"),
        "{day}"
    );
    assert!(day.contains("relative infant dose"), "{day}");
    h.get_by_label_contains("The feed that carried most, the ");
    h.get_by_label_contains("Each feed of the day");
    // Whom to ask and the figures' source, in the answer and in the window beside the doses.
    for words in [
        "Ask your doctor, midwife or pharmacist",
        "US National Library of Medicine",
    ] {
        let n = h.query_all_by_label_contains(words).count();
        assert!(n >= 2, "{words:?} said {n} times");
    }
    // Her plan is unchanged: the window shows the answer's run.
    assert!(h.state().document.scenario.schedule.mother_takes.is_empty());

    h.get_by_label("A glass of wine at 20:00").click();
    settle(&mut h);
    let a = &h.state().asked.as_ref().expect("answered").answer;
    assert!(
        a.how_much
            .contains("A glass of wine (1 standard drink, 14 g of alcohol) at 20:00")
    );
    click_in_view(&mut h, "Show what each feed carried");
    settle(&mut h);
    assert_eq!(h.state().reaches_milk.substance, Some(Substance::Alcohol));
    let said = labels(&h);
    assert!(
        said.iter()
            .any(|l| l.starts_with("Day 35") && l.contains("1 standard drink (14 g) of alcohol")),
        "{said:#?}"
    );
    // The feed after the glass carried some: milk follows her blood.
    h.get_by_label_contains("The feed that carried most, the 2");
}

/// "Normal" in words: where her milk today sits among mothers like her at her baby's age.
#[test]
fn the_parent_is_told_what_is_normal_at_her_babys_age() {
    let mut h = first_start();
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    h.get_by_label_contains("Say how old your baby is (just above)");
    type_weeks(&mut h, "5");
    let ctx = h.ctx.clone();
    h.state_mut().wait_for_mothers(&ctx);
    settle(&mut h);
    let line = h
        .get_by_label_contains("At 5 weeks, most mothers like you")
        .accesskit_node()
        .value()
        .unwrap();
    assert!(line.contains("ml of milk a day; you make about"), "{line}");
    // The one plot carries that range, shaded, with today marked.
    assert_eq!(plots_drawn(h.state()), vec![PlotKind::YourSupply]);
    assert!(h.state().mothers.shades(PlotKind::YourSupply));
    h.get_by_label_contains("shaded: 8 in 10 mothers like you");
    assert_eq!(h.state().today_mark_day(), Some(35.5));
}

/// An answer follows her: a new age asks the question again from the new today.
#[test]
fn an_open_answer_is_asked_again_after_an_edit() {
    let mut h = first_start();
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    type_weeks(&mut h, "5");
    h.get_by_label("Dropping the night feeds").click();
    settle(&mut h);
    assert_eq!(h.state().asked.as_ref().unwrap().setup.today_day, 35);
    type_weeks(&mut h, "8");
    settle(&mut h);
    let asked = h.state().asked.as_ref().expect("still open");
    assert_eq!(
        asked.answer.question,
        lactosim::questions::Question::NightFeedsDropped
    );
    let e = asked.answer.effect.as_ref().unwrap();
    assert!(e.ml_per_day < 0.0);
    assert_eq!(asked.setup.today_day, 56, "asked again from the new today");
    // Closing it goes back to her plan as it is.
    click_in_view(&mut h, "Close the answer");
    settle(&mut h);
    assert!(h.state().asked.is_none());
}

/// On a phone every window fits the screen (the welcome's choices read "arent" and "inician or
/// researcher", and *What reaches the milk* lost the right half of its words and plot).
#[test]
fn on_a_phone_the_windows_fit_the_screen() {
    use lactosim::app::Command;
    use lactosim::model::pharmacology::Substance;
    const PHONE: [f32; 2] = [390.0, 844.0];
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.audience = None;
    app.mothers.members = TEST_MOTHERS;
    let mut h = Harness::builder()
        .with_size(PHONE)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    settle(&mut h);
    let on_screen = |h: &Harness<'static, App>, label: &str| {
        let r = h.get_by_label_contains(label).rect();
        assert!(
            r.left() >= 0.0 && r.right() <= PHONE[0],
            "{label:?} at {r:?}, off a screen {} wide",
            PHONE[0]
        );
    };
    on_screen(&h, "I'm a parent");
    on_screen(&h, "I'm a clinician or researcher");
    on_screen(&h, "It shows how breast-milk supply follows");
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().command(
        Command::ShowWhatReachesTheMilk(Some(Substance::Caffeine)),
        &ctx,
    );
    settle(&mut h);
    on_screen(&h, "What reaches the milk");
    on_screen(&h, "nothing whose passage into milk is modelled");
}

/// Open each menu of the menu bar, look, close it.
fn every_menu(h: &mut Harness<'static, App>) {
    for menu in ["File", "Edit", "View", "Compare", "Share", "Help"] {
        // The menu bar's (the first: "Compare" is also a tab and a button).
        h.query_all_by_label(menu)
            .next()
            .unwrap_or_else(|| panic!("no {menu} menu"))
            .click();
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
    }
}

/// Every character the window writes is in its fonts (tests/gui_glyphs.rs says why): egui_kittest
/// stops a test at a character no font has, and this one goes through both faces of the
/// window, every menu, every parent's question, every preset and every Help window.
#[test]
fn every_character_the_window_writes_is_in_its_fonts() {
    let mut h = first_start();

    // The parent's face: the welcome, the menus, every question and the windows answers open.
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    every_menu(&mut h);
    type_weeks(&mut h, "5");
    h.state_mut().mothers.switch_off();
    for question in lactosim::questions::Question::ALL {
        h.get_by_label(question.button()).click();
        settle(&mut h);
    }

    // The clinician's face: every side tab, the menus, every preset, every Help window.
    h.state_mut().choose_audience(Audience::Clinician);
    settle(&mut h);
    for tab in lactosim::view::SideTab::ALL {
        h.state_mut().tab = tab;
        h.run();
    }
    every_menu(&mut h);
    let ctx = h.ctx.clone();
    for i in 0..lactosim::examples::EXAMPLES.len() {
        h.state_mut()
            .command(lactosim::app::Command::OpenExample(i), &ctx);
        settle(&mut h);
    }
    h.state_mut()
        .command(lactosim::app::Command::ShowHowMilkIsMade, &ctx);
    settle(&mut h);
    h.state_mut().command(
        lactosim::app::Command::ShowWhatReachesTheMilk(Some(
            lactosim::model::pharmacology::Substance::Domperidone,
        )),
        &ctx,
    );
    settle(&mut h);
    h.state_mut()
        .command(lactosim::app::Command::ShowValidation, &ctx);
    h.step();
    h.state_mut().validation.wait();
    h.run();
    assert!(h.state().validation.checked().is_some());
    h.get_by_label("D5");
}
