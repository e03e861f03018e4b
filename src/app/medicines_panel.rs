//! "What the mother takes": the courses of medicine in the schedule (`schedule.mother_takes`), a
//! section at the end of the schedule panel.
//!
//! Each course is one line in plain words ([`Dosing::describe`]: "domperidone 10 mg every 8 h,
//! from day 14 to day 28 (14 days)") with its fields under it and a Remove button; "Add medicine"
//! adds the usual course of domperidone from day 14 (or the middle of a shorter run) to the end.
//! As in the rest of the schedule panel, nothing here changes the scenario: every change is an
//! [`Edit::MotherTakes`], and each field only takes values the course's validation accepts.

use egui::{Align, Button, CollapsingHeader, ComboBox, Grid, Label, Layout, RichText, Ui};

use crate::calendar::day_range_words;
use crate::edit::{Edit, ListEdit};
use crate::model::pharmacology::Substance;
use crate::mother_takes::{Dosing, MAX_DOSE_MG};
use crate::scenario::MAX_HORIZON_DAYS;

use super::fields::{DAY_TIP, clock_row, day_field, grid_label, num_field};
use super::glyphs::drawable;
use super::schedule_templates::template_day;

/// Draw the courses; push an [`Edit`] for every change.
pub fn ui(ui: &mut Ui, courses: &[Dosing], horizon_days: f64, edits: &mut Vec<Edit>) {
    CollapsingHeader::new(format!("What the mother takes ({})", courses.len()))
        .id_salt("what the mother takes")
        .default_open(true)
        .show(ui, |ui| {
            if courses.is_empty() {
                ui.label(
                    RichText::new(
                        "Nothing. Medicines that raise or lower prolactin: use Add medicine.",
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
            if ui
                .button("Add medicine")
                .on_hover_text(
                    "Add a course of domperidone, 10 mg three times a day, from day 14 (or the \
                     middle of a shorter run) to the end of the run. Choose another medicine, \
                     dose or days in its fields.",
                )
                .clicked()
            {
                edits.push(Edit::MotherTakes(ListEdit::Add(new_course(horizon_days))));
            }
        });
}

/// The course "Add medicine" adds: the usual course of domperidone inside a run of
/// `horizon_days`, to its end.
pub fn new_course(horizon_days: f64) -> Dosing {
    let horizon = horizon_days.clamp(0.0, MAX_HORIZON_DAYS);
    let from = template_day(horizon).min(MAX_HORIZON_DAYS - 1.0);
    Dosing::usual(
        Substance::Domperidone,
        from,
        horizon.max(from + 1.0).min(MAX_HORIZON_DAYS),
    )
}

/// What a substance is for, its usual regimen and where the figures come from.
fn substance_tip(ui: &Ui, s: Substance) -> String {
    let f = s.figures();
    let tip = format!(
        "{}: {}.\nUsual: {}. Half-life about {} h.\nSource: {}",
        s.name(),
        f.what_it_does,
        f.usual_regimen,
        f.half_life_h,
        f.source
    );
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
            "Medicine",
            "Which medicine she takes. Choosing another sets its usual dose and interval.",
        );
        let mut chosen = d.substance;
        ComboBox::from_id_salt("substance")
            .selected_text(d.substance.name())
            .show_ui(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                for s in Substance::ALL {
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
            *d = Dosing {
                substance: chosen,
                dose_mg: chosen.figures().usual_dose_mg,
                every_h: chosen.figures().usual_every_h,
                ..d.clone()
            };
        }
        ui.end_row();

        let tip = format!(
            "Each dose, mg (up to {MAX_DOSE_MG}). Usual: {}.",
            d.substance.figures().usual_regimen
        );
        let l = grid_label(ui, "Dose", &tip);
        num_field(ui, l, &mut d.dose_mg, 0.001..=MAX_DOSE_MG, 0.05, 3, " mg").on_hover_text(&tip);
        ui.end_row();

        let tip = "Hours between two doses: 8 is three times a day, 12 twice, 24 once. 1 to 336 \
                   (two weeks).";
        let l = grid_label(ui, "Every", tip);
        num_field(ui, l, &mut d.every_h, 1.0..=24.0 * 14.0, 0.05, 2, " h").on_hover_text(tip);
        ui.end_row();

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
