//! The schedule editor: feeding on demand, recurring rules, single sessions and skips; what the
//! mother takes is a section of its own ([`super::medicines_panel`]) at the end.
//!
//! Each entry is one line in plain words ("Pump both sides every 3 h from 06:00, from day 14 to
//! day 28 (14 days), 15 min") with buttons to edit it in place, duplicate it or delete it. The
//! "Add" menu offers templates people recognise (back to work, a day of power pumping, a missed
//! night …); a template opens as a draft, filled in before it joins the schedule
//! ([`super::schedule_templates`]). The fields of each kind of entry are in
//! [`super::schedule_fields`].
//!
//! Nothing here changes the schedule: every change becomes an [`Edit`] the application applies
//! after the frame. Each field only takes values the schedule's validation accepts (the same
//! ranges as [`Schedule::validate_fields`]); overlaps between sessions are the scenario's
//! problems, shown elsewhere.

use egui::{Align, Button, CollapsingHeader, Grid, Label, Layout, RichText, Ui};

use crate::calendar::Calendar;
use crate::edit::{Edit, ListEdit};
use crate::placement;
use crate::scenario::{MAX_HORIZON_DAYS, Scenario};
use crate::schedule::{Responsive, Schedule};
use crate::schedule_words::{absence_summary, rule_summary, session_summary, skip_summary};

use super::fields::{day_field, night_gap_rows, num_field};
use super::schedule_fields::{absence_fields, rule_fields, session_fields, skip_fields};
use super::schedule_templates::{Draft, Template};

/// Which list of the schedule an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum List {
    Rules,
    Sessions,
    Skips,
    Absences,
}

impl List {
    fn noun(self) -> &'static str {
        match self {
            List::Rules => "rule",
            List::Sessions => "session",
            List::Skips => "skip",
            List::Absences => "absence",
        }
    }
}

/// View state of the schedule editor (which entry is open). It never holds the schedule itself.
#[derive(Default)]
pub struct SchedulePanel {
    /// The entry whose fields are shown, one at a time.
    open: Option<(List, usize)>,
    /// The on-demand settings last switched off, to bring back when switched on again.
    last_responsive: Option<Responsive>,
    /// A new entry being filled in from the "Add" menu, not yet in the schedule.
    draft: Option<Draft>,
    /// *What reaches the milk…* was clicked (the application opens that window).
    pub show_reaches_milk: bool,
}

impl SchedulePanel {
    /// Show recurring rule `i`'s fields (as its Edit button does), for a window that sends the
    /// person here to change it.
    pub fn open_rule(&mut self, i: usize) {
        self.open = Some((List::Rules, i));
        self.draft = None;
    }

    /// Draw the schedule; push an [`Edit`] for every change.
    ///
    /// The run's length places the templates of the "Add" menu inside it and marks entries that
    /// start after it ends; the date of birth gives weekdays. The panel is meant for a side
    /// panel about 340 px wide, inside a scroll area the caller provides.
    pub fn ui(&mut self, ui: &mut egui::Ui, sc: &Scenario, edits: &mut Vec<Edit>) {
        let schedule = &sc.schedule;
        let h = sc.horizon_days;
        self.responsive_ui(ui, schedule, h, edits);
        ui.separator();
        self.add_menu(ui, sc);
        self.draft_ui(ui, sc, edits);

        let cal = sc.calendar();
        self.list_ui(
            ui,
            List::Absences,
            "Away from the baby",
            &schedule.absences,
            |a| absence_summary(a, h),
            absence_fields,
            cal,
            // Absences may overlap: a copy is harmless where it is.
            &|i| schedule.absences[i].clone(),
            Edit::Absences,
            edits,
        );
        self.list_ui(
            ui,
            List::Rules,
            "Recurring rules",
            &schedule.rules,
            |r| rule_summary(r, h),
            rule_fields,
            cal,
            &|i| placement::placed_rule(sc, &schedule.rules[i], i + 1, true),
            Edit::Rules,
            edits,
        );
        self.list_ui(
            ui,
            List::Sessions,
            "Single sessions",
            &schedule.sessions,
            |s| session_summary(s, h),
            session_fields,
            cal,
            &|i| placement::placed_session(sc, &schedule.sessions[i], i + 1, true),
            Edit::Sessions,
            edits,
        );
        self.list_ui(
            ui,
            List::Skips,
            "Skips (nothing starts)",
            &schedule.skips,
            skip_summary,
            skip_fields,
            cal,
            // Skips may overlap: a copy is harmless where it is.
            &|i| schedule.skips[i].clone(),
            Edit::Skips,
            edits,
        );
        super::medicines_panel::ui(
            ui,
            &schedule.mother_takes,
            h,
            edits,
            &mut self.show_reaches_milk,
        );
    }

    fn responsive_ui(
        &mut self,
        ui: &mut Ui,
        schedule: &Schedule,
        horizon_days: f64,
        edits: &mut Vec<Edit>,
    ) {
        let current = &schedule.responsive;
        let mut on = current.is_some();
        let check = ui.checkbox(&mut on, "Feeding on demand").on_hover_text(
            "The baby is put to the breast whenever it is hungry. Hunger builds with the baby's \
             appetite (see Infant) and a feed starts once a meal's worth is wanted, at least \
             30 minutes after the last feed ended. The baby feeds on both breasts, the fuller \
             first, and stops when satisfied or after the longest time on one breast. A planned \
             session (a rule or a single session) takes over from a feed on demand in progress.",
        );
        if check.changed() {
            if on {
                let r = self.last_responsive.take().unwrap_or_default();
                edits.push(Edit::SetResponsive(Some(r)));
            } else {
                self.last_responsive = current.clone();
                edits.push(Edit::SetResponsive(None));
            }
            return;
        }
        let Some(resp) = current else {
            ui.label(
                RichText::new("Only the rules and sessions below remove milk.")
                    .small()
                    .weak(),
            );
            return;
        };
        let mut new = resp.clone();
        ui.indent("on demand", |ui| {
            Grid::new("on demand fields").num_columns(2).show(ui, |ui| {
                let tip = "Day (since birth) from which the baby is fed on demand. \
                               Day 0 is the day of birth, from midnight.";
                let l = ui.label("Starts on day").on_hover_text(tip);
                let before = new.from_day;
                day_field(ui, l.id, &mut new.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(tip);
                if new.from_day != before
                    && let Some(u) = &mut new.until_day
                    && *u < new.from_day
                {
                    *u = new.from_day;
                }
                ui.end_row();

                let tip = "Feeding on demand stops at the start of this day; after it only \
                               the rules and single sessions remove milk.";
                let mut until = new.until_day.is_some();
                let c = ui.checkbox(&mut until, "Until day").on_hover_text(tip);
                if c.changed() {
                    new.until_day = until.then(|| {
                        (horizon_days / 2.0)
                            .floor()
                            .max(new.from_day)
                            .min(MAX_HORIZON_DAYS)
                    });
                }
                if let Some(u) = &mut new.until_day {
                    day_field(ui, c.id, u, new.from_day..=MAX_HORIZON_DAYS).on_hover_text(tip);
                }
                ui.end_row();

                let tip = "The longest the baby stays on one breast before it is moved to \
                               the other (or the feed ends). 3 to 60 minutes.";
                let l = ui.label("Longest on one breast").on_hover_text(tip);
                num_field(
                    ui,
                    l.id,
                    &mut new.max_minutes_per_breast,
                    3.0..=60.0,
                    0.2,
                    0,
                    " min",
                )
                .on_hover_text(tip);
                ui.end_row();

                night_gap_rows(
                    ui,
                    &mut new.night_gap,
                    "Nobody feeds at night",
                    "Hours of the clock when the baby is not put to the breast: someone \
                         else gives a bottle, or the baby sleeps through. The baby's hunger does \
                         not build then and the breasts are not emptied.",
                );
            });
        });
        if &new != resp {
            edits.push(Edit::SetResponsive(Some(new)));
        }
    }

    fn add_menu(&mut self, ui: &mut Ui, sc: &Scenario) {
        ui.menu_button("Add", |ui| {
            for t in Template::ALL {
                if ui.button(t.name()).on_hover_text(t.tip()).clicked() {
                    self.draft = Some(t.draft(sc));
                    self.open = None;
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(
            "Add an absence, a recurring rule, a single session or a skip from a template: \
             fill it in, then add it to the schedule",
        );
    }

    /// The draft from the "Add" menu: its fields, the line it will have, and Add or Cancel.
    /// Nothing changes in the scenario (and nothing re-simulates) until *Add to the schedule*.
    fn draft_ui(&mut self, ui: &mut Ui, sc: &Scenario, edits: &mut Vec<Edit>) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let mut done = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(draft.title()).strong());
            ui.label(
                RichText::new("Not in the schedule yet: set it, then add it.")
                    .small()
                    .weak(),
            );
            ui.push_id("draft", |ui| draft.fields_ui(ui, sc));
            ui.add(Label::new(RichText::new(draft.summary(sc)).italics()).wrap());
            let problem = draft.problem();
            ui.horizontal(|ui| {
                let add = ui
                    .add_enabled(problem.is_none(), Button::new("Add to the schedule"))
                    .on_hover_text("Put it in the schedule and run again (Undo takes it out)");
                if add.clicked() {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                if let Some(d) = self.draft.take() {
                    edits.push(d.into_edit(sc));
                }
            }
            Some(false) => self.draft = None,
            None => {}
        }
    }

    /// One list: a line per entry with Edit, Duplicate and Delete; the open entry's fields.
    #[allow(clippy::too_many_arguments)]
    fn list_ui<T: Clone + PartialEq>(
        &mut self,
        ui: &mut Ui,
        list: List,
        title: &str,
        items: &[T],
        summary: impl Fn(&T) -> String,
        fields: fn(&mut Ui, &mut T, Calendar),
        calendar: Calendar,
        copy_of: &dyn Fn(usize) -> T,
        wrap: fn(ListEdit<T>) -> Edit,
        edits: &mut Vec<Edit>,
    ) {
        let noun = list.noun();
        CollapsingHeader::new(format!("{title} ({})", items.len()))
            .id_salt(("schedule list", noun))
            .default_open(true)
            .show(ui, |ui| {
                if items.is_empty() {
                    ui.label(RichText::new("None. Use Add above.").small().weak());
                }
                for (i, item) in items.iter().enumerate() {
                    let is_open = self.open == Some((list, i));
                    let action = row_ui(ui, noun, i, &summary(item), is_open);
                    match action {
                        Some(RowAction::Toggle) => {
                            self.open = (!is_open).then_some((list, i));
                        }
                        Some(RowAction::Duplicate) => {
                            edits.push(wrap(ListEdit::Insert(i + 1, copy_of(i))));
                            self.open = Some((list, i + 1));
                        }
                        Some(RowAction::Delete) => {
                            edits.push(wrap(ListEdit::Remove(i)));
                            self.open = match self.open {
                                Some((l, j)) if l == list && j == i => None,
                                Some((l, j)) if l == list && j > i => Some((l, j - 1)),
                                other => other,
                            };
                        }
                        None => {}
                    }
                    if is_open && action.is_none() {
                        let mut copy = item.clone();
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.push_id((noun, i), |ui| fields(ui, &mut copy, calendar));
                        });
                        if &copy != item {
                            edits.push(wrap(ListEdit::Update(i, copy)));
                        }
                    }
                }
            });
    }
}

enum RowAction {
    Toggle,
    Duplicate,
    Delete,
}

/// The summary of an entry and its three small buttons.
fn row_ui(ui: &mut Ui, noun: &str, i: usize, summary: &str, is_open: bool) -> Option<RowAction> {
    let n = i + 1;
    let mut action = None;
    ui.horizontal_top(|ui| {
        // Buttons from the right, the summary wraps in what is left.
        ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
            let del = ui
                .add(Button::new("Delete").small())
                .accessible_name(format!("Delete {noun} {n}"))
                .on_hover_text("Delete it (Undo brings it back)");
            if del.clicked() {
                action = Some(RowAction::Delete);
            }
            let dup = ui
                .add(Button::new("Copy").small())
                .accessible_name(format!("Duplicate {noun} {n}"))
                .on_hover_text(
                    "Duplicate: a copy goes right after it in the list, moved in time (or to the \
                     other breast) so that it does not overlap anything",
                );
            if dup.clicked() {
                action = Some(RowAction::Duplicate);
            }
            let edit = ui
                .add(Button::new(if is_open { "Done" } else { "Edit" }).small())
                .accessible_name(format!("Edit {noun} {n}"))
                .on_hover_text(if is_open {
                    "Close the fields"
                } else {
                    "Edit in place"
                });
            if edit.clicked() {
                action = Some(RowAction::Toggle);
            }
            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                ui.add(Label::new(summary).wrap());
            });
        });
    });
    action
}
