//! The parameter and schedule panels, driven through egui_kittest as a person (or a screen reader)
//! would: every change must come out as the right `Edit`, and the edits, applied like the
//! application applies them after each frame, must change the scenario as expected.
//!
//! The harness also checks after every `run()` that each input widget shown has an accessible
//! name, so opening an entry's fields here checks their labels too.
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use lactosim::Scenario;
use lactosim::app::{params_panel, schedule_panel::SchedulePanel};
use lactosim::edit::{Edit, ListEdit};
use lactosim::model::pharmacology::Substance;
use lactosim::mother_takes::Dosing;
use lactosim::params::Group;
use lactosim::run::EventKind;
use lactosim::schedule::{Kind, NightGap, Responsive, Rule, Side};

/// A side panel's width, tall enough that nothing is scrolled away.
const SIZE: [f32; 2] = [340.0, 2400.0];

struct State {
    scenario: Scenario,
    panel: SchedulePanel,
    /// Every edit pushed, in order.
    log: Vec<Edit>,
}

impl State {
    fn new(scenario: Scenario) -> Self {
        Self {
            scenario,
            panel: SchedulePanel::default(),
            log: Vec::new(),
        }
    }

    /// Apply the frame's edits after the UI pass, as the application does.
    fn apply(&mut self, edits: Vec<Edit>) {
        for e in edits {
            self.log.push(e.clone());
            e.apply(&mut self.scenario);
        }
    }
}

fn params_harness(scenario: Scenario) -> Harness<'static, State> {
    let mut h = Harness::builder().with_size(SIZE).build_ui_state(
        |ui, s: &mut State| {
            let mut edits = Vec::new();
            params_panel::ui(ui, &s.scenario, &mut edits);
            s.apply(edits);
        },
        State::new(scenario),
    );
    h.run();
    h
}

fn schedule_harness(scenario: Scenario) -> Harness<'static, State> {
    let mut h = Harness::builder().with_size(SIZE).build_ui_state(
        |ui, s: &mut State| {
            let mut edits = Vec::new();
            s.panel.ui(ui, &s.scenario, &mut edits);
            s.apply(edits);
        },
        State::new(scenario),
    );
    h.run();
    h
}

fn one_rule() -> Scenario {
    let mut sc = Scenario::default();
    sc.schedule.rules.push(Rule {
        label: "extra pumping".into(),
        kind: Kind::Pump,
        every_h: 8.0,
        first_at_clock_h: 10.5,
        from_day: 7.0,
        to_day: 21.0,
        ..Rule::default()
    });
    sc
}

// ---- Parameters ------------------------------------------------------------------------------

#[test]
fn drawing_alone_changes_nothing_even_out_of_range() {
    let mut sc = Scenario::default();
    // A preset value off the slider's grid and one outside its range stay as they are until a
    // person touches them (the app reports the second as a problem).
    sc.mother.storage_capacity_left_ml = 213.456;
    sc.mother.stress_0_to_1 = 3.0;
    let h = params_harness(sc.clone());
    assert_eq!(h.state().log, vec![]);
    assert_eq!(h.state().scenario, sc);
}

#[test]
fn a_slider_pushes_set_param_inside_its_range() {
    let mut h = params_harness(Scenario::default());
    h.get_by_role_and_label(Role::Slider, "Stress")
        .set_value_accesskit(0.4);
    h.run();
    assert_eq!(
        h.state().log,
        vec![Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: 0.4
        }]
    );
    assert_eq!(h.state().scenario.mother.stress_0_to_1, 0.4);

    // An impossible value is held at the end of the range.
    h.get_by_role_and_label(Role::Slider, "Baby's effectiveness")
        .set_value_accesskit(-3.0);
    h.run();
    let Some(Edit::SetParam { path, value }) = h.state().log.last().cloned() else {
        panic!("no edit: {:?}", h.state().log);
    };
    assert_eq!(path, "infant.effectiveness_0_to_1");
    assert_eq!(value, 0.1);
    assert_eq!(h.state().log.len(), 2);
    assert!(h.state().scenario.validate().is_empty());
}

#[test]
fn reset_is_offered_only_for_a_changed_group() {
    let mut sc = Scenario::default();
    sc.mother.stress_0_to_1 = 0.5;
    sc.mother.storage_capacity_right_ml = 400.0;
    let mut h = params_harness(sc);

    // Infant is at its defaults: its Reset is greyed out and does nothing.
    let infant = h.get_by_label("Reset Infant");
    assert!(infant.accesskit_node().is_disabled());
    infant.click();
    h.run();
    assert_eq!(h.state().log, vec![]);

    let mother = h.get_by_label("Reset Mother: the glands");
    assert!(!mother.accesskit_node().is_disabled());
    mother.click();
    h.run();
    assert_eq!(h.state().log, vec![Edit::ResetGroup(Group::Mother)]);
    assert_eq!(h.state().scenario.mother, Scenario::default().mother);
    assert!(
        h.get_by_label("Reset Mother: the glands")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_changed_marker_puts_one_value_back() {
    let mut sc = Scenario::default();
    sc.mother.stress_0_to_1 = 0.5;
    sc.mother.storage_capacity_right_ml = 400.0;
    let mut h = params_harness(sc);
    assert!(h.query_by_label("Stress: back to the default").is_some());
    assert!(
        h.query_by_label("Storage capacity, left: back to the default")
            .is_none()
    );
    h.get_by_label("Stress: back to the default").click();
    h.run();
    assert_eq!(
        h.state().log,
        vec![Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: 0.0
        }]
    );
    assert_eq!(h.state().scenario.mother.storage_capacity_right_ml, 400.0);
}

#[test]
fn gradual_weaning_fits_the_run_and_ends_after_it_starts() {
    let mut h = params_harness(Scenario::default());
    h.get_by_label("Gradual weaning").click();
    h.run();
    let [Edit::SetWeaning(Some(w))] = h.state().log.as_slice() else {
        panic!("{:?}", h.state().log);
    };
    assert!(w.start_day < w.end_day && w.end_day <= 28.0, "{w:?}");

    // A start typed past the end pushes the end along.
    h.get_by_label("Starts on day").set_value_accesskit(30.0);
    h.run();
    let w = h.state().scenario.infant.weaning.clone().unwrap();
    assert_eq!(w.start_day, 30.0);
    assert!(w.end_day > w.start_day, "{w:?}");
    assert!(h.state().scenario.validate().is_empty());
}

// ---- Schedule --------------------------------------------------------------------------------

/// Open a template of the "Add" menu as a draft: nothing is in the schedule yet.
fn open_draft(h: &mut Harness<'_, State>, template: &str) {
    let before = h.state().log.len();
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label(template).click();
    h.run();
    assert_eq!(
        h.state().log.len(),
        before,
        "a draft changes nothing until it is added"
    );
    h.get_by_label_contains("Not in the schedule yet");
}

fn add_draft(h: &mut Harness<'_, State>) {
    h.get_by_label("Add to the schedule").click();
    h.run();
    assert!(
        h.query_by_label("Add to the schedule").is_none(),
        "the draft closes"
    );
}

fn add(h: &mut Harness<'_, State>, template: &str) {
    open_draft(h, template);
    add_draft(h);
}

#[test]
fn add_a_day_of_power_pumping() {
    let mut h = schedule_harness(Scenario::default());
    add(&mut h, "Day of power pumping");
    let [Edit::Rules(ListEdit::Add(rule))] = h.state().log.as_slice() else {
        panic!("{:?}", h.state().log);
    };
    assert_eq!(rule.kind, Kind::Pump);
    assert_eq!(rule.side, Side::Both);
    assert_eq!(rule.max_per_day, Some(3));
    assert_eq!((rule.every_h, rule.first_at_clock_h), (0.5, 19.5));
    assert_eq!(rule.to_day - rule.from_day, 1.0);
    let sc = &h.state().scenario;
    assert_eq!(sc.schedule.rules, vec![rule.clone()]);
    assert_eq!(sc.validate(), vec![]);
    // Its line says what it does (a template gives no label that could go stale).
    assert!(
        h.query_by_label_contains(
            "Pump both sides every 30 min from 19:30, at most 3 a day, from day 14 to day 15 (1 day)"
        )
        .is_some()
    );
}

#[test]
fn cancel_leaves_the_schedule_as_it_was() {
    let mut h = schedule_harness(Scenario::default());
    open_draft(&mut h, "Recurring feed or pump session");
    h.get_by_label("Every").set_value_accesskit(3.0);
    h.run();
    assert!(h.state().log.is_empty(), "{:?}", h.state().log);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().log.is_empty());
    assert_eq!(h.state().scenario, Scenario::default());
    assert!(h.query_by_label("Every").is_none());
}

const TEMPLATES: [&str; 7] = [
    "Away from the baby, recurring",
    "Recurring feed or pump session",
    "Extra pump session",
    "Missed feed (3 h with nothing)",
    "Missed night (23:00–06:00)",
    "Day of power pumping",
    "Three extra pumps a day",
];

#[test]
fn every_template_is_valid_in_a_28_day_run_alone_and_together() {
    let mut together = schedule_harness(Scenario::default());
    for name in TEMPLATES {
        let mut h = schedule_harness(Scenario::default());
        add(&mut h, name);
        assert_eq!(h.state().log.len(), 1, "{name}: {:?}", h.state().log);
        assert!(
            matches!(
                h.state().log[0],
                Edit::Rules(ListEdit::Add(_))
                    | Edit::Sessions(ListEdit::Add(_))
                    | Edit::Skips(ListEdit::Add(_))
                    | Edit::Absences(ListEdit::Add(_))
            ),
            "{name}: {:?}",
            h.state().log
        );
        assert_eq!(h.state().scenario.validate(), vec![], "{name}");
        add(&mut together, name);
    }
    let sc = &together.state().scenario;
    assert_eq!(together.state().log.len(), TEMPLATES.len());
    assert_eq!(
        (
            sc.schedule.rules.len(),
            sc.schedule.sessions.len(),
            sc.schedule.skips.len(),
            sc.schedule.absences.len()
        ),
        (3, 1, 2, 1)
    );
    assert_eq!(sc.validate(), vec![]);
}

#[test]
fn delete_the_only_rule() {
    let mut h = schedule_harness(one_rule());
    h.get_by_label("Delete rule 1").click();
    h.run();
    assert_eq!(h.state().log, vec![Edit::Rules(ListEdit::Remove(0))]);
    assert!(h.state().scenario.schedule.rules.is_empty());
    assert!(h.query_by_label("Delete rule 1").is_none());
}

#[test]
fn duplicate_a_rule_and_open_the_copy() {
    let mut h = schedule_harness(one_rule());
    assert_eq!(h.state().scenario.validate(), vec![]);
    h.get_by_label("Duplicate rule 1").click();
    h.run();
    let [Edit::Rules(ListEdit::Insert(1, copy))] = h.state().log.as_slice() else {
        panic!("{:?}", h.state().log);
    };
    let rules = &h.state().scenario.schedule.rules;
    assert_eq!(rules.len(), 2);
    assert_eq!(&rules[1], copy);
    // The same rule, its first session moved past the original's 15 minutes (and a gap).
    assert_eq!(
        Rule {
            first_at_clock_h: rules[0].first_at_clock_h,
            ..copy.clone()
        },
        rules[0]
    );
    assert!(copy.first_at_clock_h >= rules[0].first_at_clock_h + 0.25);
    assert_eq!(h.state().scenario.validate(), vec![]);
    assert!(h.query_by_label("Every").is_some());
}

fn preset(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(name);
    lactosim::preset::read_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn copies_in_a_shipped_preset_collide_with_nothing() {
    let sc = preset("exclusive-pumping.ron");
    assert_eq!(sc.validate(), vec![]);
    let mut h = schedule_harness(sc);
    // A recurring rule and a single session added from the menu fit around the pumping.
    add(&mut h, "Recurring feed or pump session");
    assert_eq!(h.state().scenario.validate(), vec![]);
    add(&mut h, "Extra pump session");
    assert_eq!(h.state().scenario.validate(), vec![]);
    for (label, rules, sessions) in [
        ("Duplicate rule 1", 3, 1),
        ("Duplicate rule 2", 4, 1),
        ("Duplicate session 1", 4, 2),
        ("Duplicate session 1", 4, 3),
    ] {
        h.get_by_label(label).click();
        h.run();
        let sc = &h.state().scenario;
        assert_eq!(
            (sc.schedule.rules.len(), sc.schedule.sessions.len()),
            (rules, sessions),
            "{label}"
        );
        assert_eq!(sc.validate(), vec![], "{label}: {:?}", sc.schedule);
    }
    // A copied session starts after the original ends (15 minutes and a gap).
    let s = &h.state().scenario.schedule.sessions;
    assert!(s[1].at_h >= s[0].at_h + 0.25, "{s:?}");
    assert!(s[2].at_h >= s[0].at_h + 0.25, "{s:?}");
}

#[test]
fn a_copied_breastfeed_goes_after_the_one_it_copies() {
    let mut sc = Scenario::default();
    sc.schedule.responsive = None;
    sc.schedule.rules.push(Rule {
        label: "feed".into(),
        side: Side::Left,
        every_h: 3.0,
        duration_min: 20.0,
        ..Rule::default()
    });
    sc.schedule.sessions.push(lactosim::schedule::Session {
        kind: Kind::Breastfeed,
        side: Side::Both,
        at_h: 24.0 + 2.5,
        duration_min: 10.0,
        ..Default::default()
    });
    assert_eq!(sc.validate(), vec![]);
    let mut h = schedule_harness(sc);
    h.get_by_label("Duplicate session 1").click();
    h.run();
    let sc = &h.state().scenario;
    assert_eq!(sc.validate(), vec![]);
    // 02:30 + 2 × 10 min ends 02:50, but the rule feeds on the left from 03:00 to 03:20.
    assert!(sc.schedule.sessions[1].at_h >= 24.0 + 3.0 + 20.0 / 60.0);
    // The rule's copy goes to the other breast, at the same times.
    h.get_by_label("Duplicate rule 1").click();
    h.run();
    let sc = &h.state().scenario;
    assert_eq!(sc.validate(), vec![], "{:?}", sc.schedule.rules);
    assert_eq!(sc.schedule.rules.len(), 2);
}

#[test]
fn edit_a_rule_in_place_within_the_validated_ranges() {
    let mut h = schedule_harness(one_rule());
    assert!(h.query_by_label("Every").is_none(), "closed until asked");
    h.get_by_label("Edit rule 1").click();
    h.run();
    h.get_by_label("Every").set_value_accesskit(100.0);
    h.run();
    let mut expected = one_rule().schedule.rules[0].clone();
    expected.every_h = 48.0;
    assert_eq!(
        h.state().log,
        vec![Edit::Rules(ListEdit::Update(0, expected.clone()))]
    );
    assert_eq!(h.state().scenario.schedule.rules, vec![expected]);

    // A start day past the end day moves the end along: never an impossible rule.
    h.get_by_label("From day").set_value_accesskit(25.0);
    h.run();
    let r = &h.state().scenario.schedule.rules[0];
    assert_eq!((r.from_day, r.to_day), (25.0, 25.0));
    assert_eq!(h.state().scenario.validate(), vec![]);
}

#[test]
fn a_single_session_is_set_by_day_and_clock_time() {
    let mut h = schedule_harness(Scenario::default());
    open_draft(&mut h, "Extra pump session");
    h.get_by_label("Starts, time").set_value_accesskit(7.5);
    h.run();
    h.get_by_label("Starts, day").set_value_accesskit(3.0);
    h.run();
    add_draft(&mut h);
    let s = &h.state().scenario.schedule.sessions[0];
    assert_eq!(s.at_h, 3.0 * 24.0 + 7.5);
    assert!(h.query_by_label_contains("on day 3 at 07:30").is_some());
}

#[test]
fn feeding_on_demand_off_and_back_on() {
    let mut sc = Scenario::default();
    let custom = Responsive {
        max_minutes_per_breast: 12.0,
        night_gap: Some(NightGap::default()),
        ..Responsive::default()
    };
    sc.schedule.responsive = Some(custom.clone());
    let mut h = schedule_harness(sc);
    assert!(h.query_by_label("Night from").is_some());

    h.get_by_label("Feeding on demand").click();
    h.run();
    assert_eq!(h.state().log, vec![Edit::SetResponsive(None)]);
    assert_eq!(h.state().scenario.schedule.responsive, None);
    assert!(h.query_by_label("Longest on one breast").is_none());

    // Switched back on, the settings it had come back.
    h.get_by_label("Feeding on demand").click();
    h.run();
    assert_eq!(
        h.state().log.last(),
        Some(&Edit::SetResponsive(Some(custom.clone())))
    );
    assert_eq!(h.state().scenario.schedule.responsive, Some(custom));
}

// ---- What the mother takes ------------------------------------------------------------------

fn one_course() -> Scenario {
    let mut sc = Scenario::default();
    sc.schedule
        .mother_takes
        .push(Dosing::usual(Substance::Domperidone, 14.0, 28.0));
    sc
}

#[test]
fn add_a_medicine_and_the_run_has_its_doses() {
    let mut h = schedule_harness(Scenario::default());
    h.get_by_label("Add medicine").click();
    h.run();
    let [Edit::MotherTakes(ListEdit::Add(course))] = h.state().log.as_slice() else {
        panic!("{:?}", h.state().log);
    };
    assert_eq!(course.substance, Substance::Domperidone);
    assert_eq!((course.from_day, course.to_day), (14.0, 28.0));
    let sc = h.state().scenario.clone();
    assert_eq!(sc.schedule.mother_takes, vec![course.clone()]);
    assert_eq!(sc.validate(), vec![]);
    // Its line reads as it acts: the last day it is taken, not the day it stops.
    assert!(
        h.query_by_label_contains("domperidone 10 mg every 8 h, from day 14 to day 28 (14 days)")
            .is_some()
    );
    let run = lactosim::simulate(&sc).unwrap();
    let doses = run
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Dose { .. }))
        .count();
    // Every 8 h from 08:00 on day 14 to the end of day 27: 41 doses.
    assert_eq!(doses, course.times_h(run.horizon_h).count());
    assert_eq!(doses, 41);
}

#[test]
fn edit_a_course_in_place_and_remove_it() {
    let mut h = schedule_harness(one_course());
    h.get_by_label("Dose").set_value_accesskit(20.0);
    h.run();
    let mut expected = one_course().schedule.mother_takes[0].clone();
    expected.dose_mg = 20.0;
    assert_eq!(
        h.state().log,
        vec![Edit::MotherTakes(ListEdit::Update(0, expected.clone()))]
    );

    // Another medicine comes with its usual dose and interval.
    h.get_by_label("She takes").click();
    h.run();
    h.get_by_label_contains("cabergoline: lowers prolactin")
        .click();
    h.run();
    let c = &h.state().scenario.schedule.mother_takes[0];
    assert_eq!(c.substance, Substance::Cabergoline);
    assert_eq!((c.dose_mg, c.every_h), (0.25, 12.0));
    assert_eq!((c.from_day, c.to_day), (14.0, 28.0));
    // Its usual regimen and source on hover (drawn with the fonts there are).
    h.get_by_label("She takes").hover();
    h.run();
    assert!(
        h.query_by_label_contains("Usual: 1 mg once on the first day after birth")
            .is_some()
    );

    // A start day past the end moves the end along: never a course that ends before it starts.
    h.get_by_label("From day").set_value_accesskit(30.0);
    h.run();
    let c = &h.state().scenario.schedule.mother_takes[0];
    assert_eq!((c.from_day, c.to_day), (30.0, 31.0));
    assert!(h.query_by_label_contains("(after the run ends)").is_some());
    assert_eq!(h.state().scenario.validate(), vec![]);

    h.get_by_label("Remove medicine 1").click();
    h.run();
    assert_eq!(
        h.state().log.last(),
        Some(&Edit::MotherTakes(ListEdit::Remove(0)))
    );
    assert!(h.state().scenario.schedule.mother_takes.is_empty());
    assert!(h.query_by_label("Remove medicine 1").is_none());
}

#[test]
fn add_coffee_and_a_drink_in_their_own_units_and_ask_what_reaches_the_milk() {
    let mut h = schedule_harness(Scenario::default());
    assert!(h.query_by_label("What reaches the milk…").is_none());
    h.get_by_label("Add coffee").click();
    h.run();
    let c = h.state().scenario.schedule.mother_takes[0].clone();
    assert_eq!(
        (c.substance, c.dose_mg, c.max_per_day),
        (Substance::Caffeine, 95.0, Some(2))
    );
    assert!(
        h.query_by_label_contains(
            "caffeine 95 mg 2 a day at 08:00 and 14:00, from day 14 to day 28"
        )
        .is_some()
    );
    h.get_by_label("Add a drink").click();
    h.run();
    let d = h.state().scenario.schedule.mother_takes[1].clone();
    assert_eq!(
        (d.substance, d.dose_mg, d.first_at_clock_h),
        (Substance::Alcohol, 14_000.0, 20.0)
    );
    assert!(
        h.query_by_label_contains("alcohol 1 standard drink (14 g) once a day at 20:00")
            .is_some()
    );
    // The drink's dose is in standard drinks: two of them are 28 g.
    let doses: Vec<_> = h.query_all_by_label("Dose").collect();
    doses[1].set_value_accesskit(2.0);
    h.run();
    assert_eq!(
        h.state().scenario.schedule.mother_takes[1].dose_mg,
        28_000.0
    );
    assert_eq!(h.state().scenario.validate(), vec![]);
    // Both pass into milk: the window that shows it is one click away.
    h.get_by_label("What reaches the milk…").click();
    h.run();
    assert!(h.state().panel.show_reaches_milk);
}

// ---- Back to work, weekdays and day ranges ---------------------------------------------------

#[test]
fn back_to_work_is_built_from_three_questions_as_one_undo_step() {
    use lactosim::calendar::{Calendar, Weekday};
    let mut h = schedule_harness(Scenario::default());
    open_draft(&mut h, "Back to work…");
    // Without a date of birth, day 0 counts as a Monday, and the builder says what day 90 is.
    h.get_by_label_contains("day 90 (a Sunday)");
    h.get_by_label("Back at work on day")
        .set_value_accesskit(91.0);
    h.run();
    h.get_by_label_contains("day 91 (a Monday)");
    h.get_by_label("Pumps at work").set_value_accesskit(2.0);
    h.run();
    // The plan in a sentence before it is added.
    h.get_by_label_contains(
        "From day 91 she is away 08:00–17:00 (9 h) Mon–Fri and pumps 15 min at 11:00, 14:00",
    );
    add_draft(&mut h);
    let [Edit::Plan { what, .. }] = h.state().log.as_slice() else {
        panic!("one step: {:?}", h.state().log);
    };
    assert_eq!(what, "back to work on day 91");
    let sc = h.state().scenario.clone();
    assert_eq!(sc.validate(), vec![]);
    assert_eq!(sc.horizon_days, 112.0, "three weeks after day 91");
    assert_eq!(sc.schedule.absences.len(), 1);
    assert_eq!(sc.schedule.absences[0].weekdays, Weekday::WORKDAYS.to_vec());
    h.get_by_label_contains("at work: away from the baby 08:00–17:00 Mon–Fri, from day 91 on");
    h.get_by_label_contains("pumping at work: pump both sides every 3 h from 11:00, at most 2 a day, Mon–Fri, from day 91 on");
    // The run: no breastfeed while she is away, two pumps on each working day, none at weekends.
    let run = lactosim::simulate(&sc).unwrap();
    let cal = Calendar::default();
    for s in &run.sessions {
        let day = (s.start_h / 24.0).floor() as i64;
        match s.kind {
            Kind::Breastfeed => assert!(!sc.schedule.away(s.start_h, cal), "{}", s.start_h),
            Kind::Pump => {
                assert!(day >= 91 && Weekday::WORKDAYS.contains(&cal.weekday_of_day(day)))
            }
        }
    }
    assert_eq!(run.days[95].pump_sessions, 2, "a Friday");
    assert_eq!(run.days[96].pump_sessions, 0, "a Saturday");
}

#[test]
fn weekdays_of_an_absence_are_toggled_and_every_day_is_all_seven() {
    let mut h = schedule_harness(Scenario::default());
    add(&mut h, "Away from the baby, recurring");
    h.get_by_label("Edit absence 1").click();
    h.run();
    h.get_by_label("Away on: Saturday").click();
    h.run();
    let days = |h: &Harness<'_, State>| h.state().scenario.schedule.absences[0].weekdays.clone();
    use lactosim::calendar::Weekday::*;
    assert_eq!(days(&h), vec![Mon, Tue, Wed, Thu, Fri, Sat]);
    h.get_by_label("Away on: Sunday").click();
    h.run();
    assert!(days(&h).is_empty(), "all seven is every day");
    h.get_by_label_contains("08:00–17:00 every day");
    h.get_by_label("Away on: Monday").click();
    h.run();
    assert_eq!(days(&h), vec![Tue, Wed, Thu, Fri, Sat, Sun]);
}

#[test]
fn two_rules_meeting_at_a_day_chain_and_the_editor_says_how_many_days() {
    let mut sc = Scenario {
        horizon_days: 42.0,
        ..Scenario::default()
    };
    sc.schedule.responsive = None;
    let first = Rule {
        kind: Kind::Pump,
        every_h: 3.0,
        from_day: 0.0,
        to_day: 27.0,
        ..Rule::default()
    };
    sc.schedule.rules = vec![
        first.clone(),
        Rule {
            every_h: 4.0,
            from_day: 28.0,
            to_day: 42.0,
            ..first.clone()
        },
    ];
    let mut h = schedule_harness(sc);
    h.get_by_label_contains("from day 0 to day 27 (27 days)");
    h.get_by_label("Edit rule 1").click();
    h.run();
    h.get_by_label("To day").set_value_accesskit(28.0);
    h.run();
    // The rule's line and the hint under its fields.
    assert_eq!(
        h.get_all_by_label_contains("from day 0 to day 28 (28 days)")
            .count(),
        2
    );
    let sc = &h.state().scenario;
    let run = lactosim::simulate(sc).unwrap();
    // Day 27 is the first rule's last: 8 pumps, and day 28 the second's first: 6.
    assert_eq!(run.days[27].pump_sessions, 8);
    assert_eq!(run.days[28].pump_sessions, 6);
    assert!(
        run.warnings
            .iter()
            .all(|w| !w.message.contains("nothing of theirs"))
    );
}
