//! "What the mother takes": the courses in the schedule (`schedule.mother_takes`) — coffee, a
//! drink, a medicine — a section at the end of the schedule panel.
//!
//! Each course is one line in plain words ([`Dosing::describe`]: "domperidone 10 mg every 8 h,
//! from day 14 to day 28 (14 days)") with its fields under it and a Remove button; "Add coffee",
//! "Add a drink" and "Add medicine" add two coffees a day, a glass of wine at 20:00, or the usual
//! course of domperidone, from day 14 (or the middle of a shorter run) to the end. *What
//! reaches the milk…* opens the window that shows what of each reached the baby.
//! As in the rest of the schedule panel, nothing here changes the scenario: every change is an
//! [`Edit::MotherTakes`], and each field only takes values the course's validation accepts.

use egui::{Align, Button, CollapsingHeader, ComboBox, Grid, Label, Layout, RichText, Ui};

use crate::calendar::day_range_words;
use crate::edit::{Edit, ListEdit};
use crate::model::milk_transfer::transfer_figures;
use crate::model::pharmacology::{STANDARD_DRINK_MG, Substance};
use crate::mother_takes::{Dosing, dose_words};
use crate::scenario::MAX_HORIZON_DAYS;

use super::fields::{DAY_TIP, at_most_a_day_row, clock_row, day_field, grid_label, num_field};
use super::glyphs::drawable;
use super::schedule_templates::template_day;

/// Draw the courses; push an [`Edit`] for every change; `show_reaches_milk` is set when *What
/// reaches the milk…* is clicked.
pub fn ui(
    ui: &mut Ui,
    courses: &[Dosing],
    horizon_days: f64,
    edits: &mut Vec<Edit>,
    show_reaches_milk: &mut bool,
) {
    CollapsingHeader::new(format!("What the mother takes ({})", courses.len()))
        .id_salt("what the mother takes")
        .default_open(true)
        .show(ui, |ui| {
            if courses.is_empty() {
                ui.label(
                    RichText::new(
                        "Nothing. Coffee, a drink, or a medicine (some raise or lower prolactin): \
                         add one below, then see what reaches the milk.",
                    )
                    .small()
                    .weak(),
                );
            }
            for (i, course) in courses.iter().enumerate() {
                ui.push_id(("course", i), |ui| {
                    course_ui(ui, i, course, horizon_days, edits);
                });
            }
            ui.horizontal_wrapped(|ui| {
                let adds = [
                    (
                        "Add coffee",
                        "Add two cups of coffee a day (95 mg of caffeine each, at 08:00 and \
                         14:00), from day 14 (or the middle of a shorter run) to the end.",
                        Substance::Caffeine,
                    ),
                    (
                        "Add a drink",
                        "Add a glass of wine (one standard drink, 14 g of alcohol) at 20:00 each \
                         evening, from day 14 (or the middle of a shorter run) to the end.",
                        Substance::Alcohol,
                    ),
                    (
                        "Add medicine",
                        "Add a course of domperidone, 10 mg three times a day, from day 14 (or \
                         the middle of a shorter run) to the end of the run. Choose another \
                         medicine, dose or days in its fields.",
                        Substance::Domperidone,
                    ),
                ];
                for (text, tip, s) in adds {
                    if ui.button(text).on_hover_text(tip).clicked() {
                        edits.push(Edit::MotherTakes(ListEdit::Add(new_course_of(
                            s,
                            horizon_days,
                        ))));
                    }
                }
            });
            if courses
                .iter()
                .any(|c| transfer_figures(c.substance).is_some())
                && ui
                    .button("What reaches the milk…")
                    .on_hover_text(
                        "Her blood and milk levels of what she takes, and what each feed \
                         carried to the baby",
                    )
                    .clicked()
            {
                *show_reaches_milk = true;
            }
        });
}

/// The course "Add medicine" adds: the usual course of domperidone inside a run of
/// `horizon_days`, to its end.
pub fn new_course(horizon_days: f64) -> Dosing {
    new_course_of(Substance::Domperidone, horizon_days)
}

/// The course an Add button adds for `s` inside a run of `horizon_days`, to its end: two coffees
/// a day, a glass of wine at 20:00, or the usual course ([`Dosing::everyday`]).
pub fn new_course_of(s: Substance, horizon_days: f64) -> Dosing {
    let horizon = horizon_days.clamp(0.0, MAX_HORIZON_DAYS);
    let from = template_day(horizon).min(MAX_HORIZON_DAYS - 1.0);
    Dosing::everyday(s, from, horizon.max(from + 1.0).min(MAX_HORIZON_DAYS))
}

/// What a substance is, its usual dose and where the figures come from.
fn substance_tip(ui: &Ui, s: Substance) -> String {
    let f = s.figures();
    let leaves = match s.half_life_h() {
        Some(h) => format!("Half-life about {h} h."),
        None => "Leaves the body at a constant rate, about 0.1 g per kg of her weight an hour."
            .to_owned(),
    };
    let mut tip = format!(
        "{}: {}.\nUsual: {}. {leaves}\nSource: {}",
        s.name(),
        f.what_it_does,
        f.usual_regimen,
        f.source
    );
    if let Some(t) = transfer_figures(s) {
        tip += &format!("\nInto milk: {}", t.source);
    }
    drawable(ui.ctx(), &tip).into_owned()
}

/// One course: its line, Remove, and its fields.
fn course_ui(ui: &mut Ui, i: usize, course: &Dosing, horizon_days: f64, edits: &mut Vec<Edit>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut summary = course.describe();
        if course.from_day >= horizon_days {
            summary += " (after the run ends)";
        }
        let mut remove = false;
        ui.horizontal_top(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                remove = ui
                    .add(Button::new("Remove").small())
                    .accessible_name(format!("Remove medicine {}", i + 1))
                    .on_hover_text("Remove this course (Undo brings it back)")
                    .clicked();
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    ui.add(Label::new(RichText::new(summary).strong()).wrap())
                        .on_hover_text(substance_tip(ui, course.substance));
                });
            });
        });
        if remove {
            edits.push(Edit::MotherTakes(ListEdit::Remove(i)));
            return;
        }
        let mut copy = course.clone();
        fields(ui, &mut copy);
        if &copy != course {
            edits.push(Edit::MotherTakes(ListEdit::Update(i, copy)));
        }
    });
}

fn fields(ui: &mut Ui, d: &mut Dosing) {
    Grid::new("course fields").num_columns(2).show(ui, |ui| {
        let tip = substance_tip(ui, d.substance);
        let l = grid_label(
            ui,
            "She takes",
            "What she takes. Choosing another sets its usual dose and interval.",
        );
        let mut chosen = d.substance;
        ComboBox::from_id_salt("substance")
            .selected_text(d.substance.name())
            .show_ui(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                for s in Substance::TO_CHOOSE {
                    let text = format!("{}: {}", s.name(), s.figures().what_it_does);
                    let text = drawable(ui.ctx(), &text).into_owned();
                    let tip = substance_tip(ui, s);
                    ui.selectable_value(&mut chosen, s, text).on_hover_text(tip);
                }
            })
            .response
            .labelled_by(l)
            .on_hover_text(&tip);
        if chosen != d.substance {
            let usual = Dosing::everyday(chosen, d.from_day, d.to_day);
            *d = Dosing {
                substance: chosen,
                dose_mg: usual.dose_mg,
                every_h: usual.every_h,
                first_at_clock_h: usual.first_at_clock_h,
                max_per_day: usual.max_per_day,
                ..d.clone()
            };
        }
        ui.end_row();

        dose_row(ui, d);

        let tip = "Hours between two doses: 8 is three times a day, 12 twice, 24 once. 1 to 336 \
                   (two weeks); under 24 with at most so many a day.";
        let l = grid_label(ui, "Every", tip);
        // With at most so many a day, the spacing is within a day (as validation asks).
        let most = if d.max_per_day.is_some() {
            23.9
        } else {
            24.0 * 14.0
        };
        num_field(ui, l, &mut d.every_h, 1.0..=most, 0.05, 2, " h").on_hover_text(tip);
        ui.end_row();
        let tip = "At most this many a day, each day starting afresh at the first time: two \
                   coffees a day are every 6 h from 08:00, at most 2 a day (08:00 and 14:00).";
        let limited = d.max_per_day.is_some();
        at_most_a_day_row(ui, &mut d.max_per_day, 2, tip);
        // Ticked on a course a day or more apart: two a day, evenly.
        if !limited && d.max_per_day.is_some() && d.every_h >= 24.0 {
            d.every_h = 12.0;
        }

        let tip = "Clock time of the first dose on the first day; the next follow every so many \
                   hours around the clock.";
        clock_row(ui, "First dose at", tip, &mut d.first_at_clock_h);

        let tip = format!("First day of the course. {DAY_TIP}");
        let l = grid_label(ui, "From day", &tip);
        let before = d.from_day;
        day_field(ui, l, &mut d.from_day, 0.0..=MAX_HORIZON_DAYS - 1.0).on_hover_text(&tip);
        if d.from_day != before && d.to_day <= d.from_day {
            d.to_day = (d.from_day + 1.0).min(MAX_HORIZON_DAYS);
        }
        ui.end_row();

        let tip = "The course stops at the start of this day (the day itself is not included). \
                   For one dose, end it a day after it starts. What is in her body still acts \
                   after the last dose, fading with the medicine's half-life.";
        let l = grid_label(ui, "To day", tip);
        ui.horizontal(|ui| {
            day_field(
                ui,
                l,
                &mut d.to_day,
                (d.from_day + 1.0).min(MAX_HORIZON_DAYS)..=MAX_HORIZON_DAYS,
            )
            .on_hover_text(tip);
            ui.label(RichText::new(acts_on(d)).small().weak());
        });
        ui.end_row();
    });
}

/// The dose in the unit of what she takes: standard drinks for alcohol (the scenario keeps mg),
/// grams for fibre, mg for the rest.
fn dose_row(ui: &mut Ui, d: &mut Dosing) {
    let f = d.substance.figures();
    let (unit, per_unit_mg, decimals) = match d.substance {
        Substance::Alcohol if d.dose_mg == STANDARD_DRINK_MG => {
            (" standard drink", STANDARD_DRINK_MG, 2)
        }
        Substance::Alcohol => (" standard drinks", STANDARD_DRINK_MG, 2),
        Substance::Fibre => (" g", 1000.0, 2),
        _ => (" mg", 1.0, 3),
    };
    let tip = format!(
        "Each dose{}. Usual: {}. Up to {}.",
        if d.substance == Substance::Alcohol {
            ", in standard drinks of 14 g of alcohol (a glass of wine of 150 ml at 12%, a can \
             of beer of 350 ml at 5%)"
        } else {
            ""
        },
        f.usual_regimen,
        dose_words(d.substance, f.max_dose_mg)
    );
    let l = grid_label(ui, "Dose", &tip);
    let mut v = d.dose_mg / per_unit_mg;
    let before = v;
    num_field(
        ui,
        l,
        &mut v,
        0.001 / per_unit_mg..=f.max_dose_mg / per_unit_mg,
        0.05,
        decimals,
        unit,
    )
    .on_hover_text(&tip);
    if v != before {
        d.dose_mg = v * per_unit_mg;
    }
    ui.end_row();
}

/// The days a course is taken, in the words of every day range ([`day_range_words`]).
fn acts_on(d: &Dosing) -> String {
    format!("taken {}", day_range_words(d.from_day, Some(d.to_day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_course_is_valid_in_short_and_long_runs() {
        for h in [1.0, 3.0, 28.0, 365.0] {
            let mut sc = crate::Scenario {
                horizon_days: h,
                ..crate::Scenario::default()
            };
            let c = new_course(h);
            assert!(
                c.from_day < h && c.to_day <= h.max(1.0),
                "{c:?} in {h} days"
            );
            sc.schedule.mother_takes.push(c);
            assert_eq!(sc.validate(), vec![], "a run of {h} days");
        }
        let c = new_course(28.0);
        assert_eq!((c.from_day, c.to_day), (14.0, 28.0));
        assert_eq!(acts_on(&c), "taken from day 14 to day 28 (14 days)");
        assert!(
            c.describe().ends_with("from day 14 to day 28 (14 days)"),
            "{}",
            c.describe()
        );
    }
}
