//! The "Add" menu's templates and the draft they open: a new entry is filled in first and joins
//! the schedule only when the person presses *Add to the schedule* — nothing re-simulates before
//! then. *Back to work…* is a small builder that asks three questions and adds the whole plan
//! (an absence and pump sessions at work) as one undo step.

use egui::{Grid, RichText, Ui};

use crate::absence::Absence;
use crate::back_to_work::{BackToWork, MAX_PUMPS_AT_WORK};
use crate::calendar::{Calendar, CivilDate};
use crate::edit::{Edit, ListEdit};
use crate::placement;
use crate::scenario::{MAX_HORIZON_DAYS, Scenario};
use crate::schedule::{Kind, Rule, Session, Side, Skip};
use crate::schedule_words::{absence_summary, num, rule_summary, session_summary, skip_summary};

use super::fields::{DAY_TIP, clock_row, day_field, grid_label, num_field, weekdays_row};
use super::schedule_fields::{absence_fields, rule_fields, session_fields, skip_fields};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Template {
    BackToWork,
    Away,
    Recurring,
    ExtraPump,
    MissedFeed,
    MissedNight,
    PowerPumping,
    ThreeExtraPumps,
}

impl Template {
    pub(crate) const ALL: [Template; 8] = [
        Template::BackToWork,
        Template::Away,
        Template::Recurring,
        Template::ExtraPump,
        Template::MissedFeed,
        Template::MissedNight,
        Template::PowerPumping,
        Template::ThreeExtraPumps,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Template::BackToWork => "Back to work…",
            Template::Away => "Away from the baby, recurring",
            Template::Recurring => "Recurring feed or pump session",
            Template::ExtraPump => "Extra pump session",
            Template::MissedFeed => "Missed feed (3 h with nothing)",
            Template::MissedNight => "Missed night (23:00–06:00)",
            Template::PowerPumping => "Day of power pumping",
            Template::ThreeExtraPumps => "Three extra pumps a day",
        }
    }

    pub(crate) fn tip(self) -> &'static str {
        match self {
            Template::BackToWork => {
                "The whole plan from three questions: the day she goes back, the hours she is \
                 away on which weekdays, and how many times she pumps at work. Adds the \
                 absence and the pump sessions; on the other days she feeds as before."
            }
            Template::Away => {
                "Hours she is away from the baby, on chosen weekdays, from a chosen day: no \
                 breastfeed then (someone else feeds the baby), pump sessions go on."
            }
            Template::Recurring => {
                "A double-pump session of 15 minutes once a day at 10:00 (later if that time is \
                 taken), from the chosen day to the end of the run. Change it to a breastfeed, \
                 another interval or other days."
            }
            Template::ExtraPump => "One double-pump session of 15 minutes at 07:00.",
            Template::MissedFeed => {
                "Nothing starts for 3 hours (12:00 to 15:00): no feed on demand, no planned \
                 session. Milk builds up in the breasts."
            }
            Template::MissedNight => {
                "Nothing starts from 23:00 to 06:00 the next morning, one night. Milk builds up \
                 in the breasts."
            }
            Template::PowerPumping => {
                "One evening of power pumping: three double-pump sessions of 12 minutes, 30 \
                 minutes apart, from 19:30. Power pumping has no trial behind it: the model \
                 treats it as what it is, more removals."
            }
            Template::ThreeExtraPumps => {
                "Three double-pump sessions of 15 minutes a day, 4 hours apart from 10:30, from \
                 the chosen day to the end of the run."
            }
        }
    }

    /// The draft this template opens, placed inside the scenario's run. Templates carry no
    /// label: the line that describes an entry is made from what it does, so it never goes
    /// stale; a label is for the person to type.
    pub(crate) fn draft(self, sc: &Scenario) -> Draft {
        let horizon = sc.horizon_days.clamp(0.0, MAX_HORIZON_DAYS);
        let d = template_day(horizon);
        match self {
            Template::BackToWork => Draft::BackToWork(BackToWorkDraft::new(sc)),
            Template::Away => Draft::Absence(Absence {
                from_day: d,
                ..Absence::default()
            }),
            Template::Recurring => Draft::Rule(Rule {
                kind: Kind::Pump,
                side: Side::Both,
                every_h: 24.0,
                first_at_clock_h: 10.0,
                from_day: d,
                to_day: horizon.max(d),
                ..Rule::default()
            }),
            Template::ExtraPump => Draft::Session(Session {
                label: String::new(),
                kind: Kind::Pump,
                side: Side::Both,
                at_h: d * 24.0 + 7.0,
                duration_min: 15.0,
            }),
            Template::MissedFeed => Draft::Skip(Skip {
                label: String::new(),
                from_h: d * 24.0 + 12.0,
                to_h: d * 24.0 + 15.0,
            }),
            Template::MissedNight => Draft::Skip(Skip {
                label: String::new(),
                from_h: d * 24.0 + 23.0,
                to_h: (d + 1.0) * 24.0 + 6.0,
            }),
            Template::PowerPumping => Draft::Rule(Rule {
                kind: Kind::Pump,
                side: Side::Both,
                every_h: 0.5,
                first_at_clock_h: 19.5,
                from_day: d,
                to_day: (d + 1.0).min(MAX_HORIZON_DAYS),
                max_per_day: Some(3),
                duration_min: 12.0,
                ..Rule::default()
            }),
            Template::ThreeExtraPumps => Draft::Rule(Rule {
                kind: Kind::Pump,
                side: Side::Both,
                every_h: 4.0,
                // 10:30, 14:30, 18:30: clear of a breastfeed every 3 h from midnight.
                first_at_clock_h: 10.5,
                from_day: d,
                to_day: horizon.max(d),
                max_per_day: Some(3),
                duration_min: 15.0,
                ..Rule::default()
            }),
        }
    }
}

/// The day templates start on: day 14, or the middle of a shorter run.
pub(crate) fn template_day(horizon_days: f64) -> f64 {
    (horizon_days / 2.0).floor().clamp(0.0, 14.0)
}

/// A new entry being filled in, not yet in the schedule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Draft {
    Rule(Rule),
    Session(Session),
    Skip(Skip),
    Absence(Absence),
    BackToWork(BackToWorkDraft),
}

impl Draft {
    pub(crate) fn title(&self) -> &'static str {
        match self {
            Draft::Rule(_) => "New recurring rule",
            Draft::Session(_) => "New single session",
            Draft::Skip(_) => "New skip",
            Draft::Absence(_) => "New absence",
            Draft::BackToWork(_) => "Back to work",
        }
    }

    /// The line the entry will have in its list (the plan's sentence for *Back to work*).
    pub(crate) fn summary(&self, sc: &Scenario) -> String {
        let h = sc.horizon_days;
        match self {
            Draft::Rule(r) => rule_summary(r, h),
            Draft::Session(s) => session_summary(s, h),
            Draft::Skip(s) => skip_summary(s),
            Draft::Absence(a) => absence_summary(a, h),
            Draft::BackToWork(b) => b.plan.words(),
        }
    }

    /// Draw the draft's fields.
    pub(crate) fn fields_ui(&mut self, ui: &mut Ui, sc: &Scenario) {
        let cal = sc.calendar();
        match self {
            Draft::Rule(r) => rule_fields(ui, r, cal),
            Draft::Session(s) => session_fields(ui, s, cal),
            Draft::Skip(s) => skip_fields(ui, s, cal),
            Draft::Absence(a) => absence_fields(ui, a, cal),
            Draft::BackToWork(b) => b.ui(ui, sc),
        }
    }

    /// What is wrong with the answers so far (the builder's date of birth), if anything.
    pub(crate) fn problem(&self) -> Option<String> {
        match self {
            Draft::BackToWork(b) => b.birth_date().err(),
            _ => None,
        }
    }

    /// The edit that puts the draft into the schedule: moved, if it must be, so that it collides
    /// with nothing already there.
    pub(crate) fn into_edit(self, sc: &Scenario) -> Edit {
        let s = &sc.schedule;
        match self {
            Draft::Rule(r) => Edit::Rules(ListEdit::Add(placement::placed_rule(
                sc,
                &r,
                s.rules.len(),
                false,
            ))),
            Draft::Session(x) => Edit::Sessions(ListEdit::Add(placement::placed_session(
                sc,
                &x,
                s.sessions.len(),
                false,
            ))),
            Draft::Skip(x) => Edit::Skips(ListEdit::Add(x)),
            Draft::Absence(a) => Edit::Absences(ListEdit::Add(a)),
            Draft::BackToWork(b) => b.into_edit(sc),
        }
    }
}

/// The *Back to work* builder's answers, and the run length and date of birth it may set.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BackToWorkDraft {
    pub(crate) plan: BackToWork,
    /// The date of birth as typed (empty: none).
    pub(crate) birth_date_text: String,
    /// Simulate until this day (at least three weeks past her first day back).
    pub(crate) until_day: f64,
}

/// Weeks a back-to-work plan is shown for, at least, after her first day back.
const WEEKS_SHOWN_AFTER: f64 = 3.0;

impl BackToWorkDraft {
    fn new(sc: &Scenario) -> Self {
        let plan = BackToWork::default();
        Self {
            until_day: shown_until(sc.horizon_days, plan.from_day),
            birth_date_text: sc.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            plan,
        }
    }

    fn birth_date(&self) -> Result<Option<CivilDate>, String> {
        CivilDate::parse_optional(&self.birth_date_text)
    }

    fn calendar(&self, sc: &Scenario) -> Calendar {
        Calendar::new(self.birth_date().unwrap_or(sc.birth_date))
    }

    fn ui(&mut self, ui: &mut Ui, sc: &Scenario) {
        let cal = self.calendar(sc);
        let Self {
            plan: p,
            birth_date_text,
            until_day,
        } = self;
        Grid::new("back to work fields")
            .num_columns(2)
            .show(ui, |ui| {
                let tip = format!("Her first day back at work. {DAY_TIP}");
                let l = grid_label(ui, "Back at work on day", &tip);
                let before = p.from_day;
                day_field(ui, l, &mut p.from_day, 0.0..=MAX_HORIZON_DAYS - 1.0).on_hover_text(&tip);
                if p.from_day != before {
                    p.from_day = p.from_day.round();
                    *until_day = shown_until(sc.horizon_days, p.from_day);
                }
                ui.end_row();
                ui.label("");
                let mut day_words = cal.day_words(p.from_day.floor() as i64);
                if cal.birth_date.is_none() {
                    day_words += ": with no date of birth, day 0 counts as a Monday";
                }
                ui.label(RichText::new(day_words).small().weak());
                ui.end_row();

                let tip = "The baby's date of birth, year-month-day (optional). It gives each \
                           day its weekday and date; without it, day 0 counts as a Monday.";
                let l = grid_label(ui, "Date of birth", tip);
                ui.add(
                    egui::TextEdit::singleline(birth_date_text)
                        .hint_text("e.g. 2026-06-01")
                        .desired_width(110.0),
                )
                .labelled_by(l)
                .on_hover_text(tip);
                ui.end_row();
                if let Err(e) = CivilDate::parse_optional(birth_date_text) {
                    ui.label("");
                    ui.colored_label(ui.visuals().error_fg_color, e);
                    ui.end_row();
                }

                let tip = "Clock time she leaves the baby.";
                clock_row(ui, "Leaves at", tip, &mut p.leaves_clock_h);
                let tip = "Clock time she is back with the baby.";
                clock_row(ui, "Back at", tip, &mut p.back_clock_h);
                weekdays_row(
                    ui,
                    "Works on",
                    &format!(
                        "The days she works; on the others she is at home. Weekdays follow the \
                         date of birth ({}).",
                        cal.basis_words()
                    ),
                    &mut p.weekdays,
                );

                let tip = "Double-pump sessions at work each working day, spaced evenly through \
                           the hours she is away (0: she does not pump at work).";
                let l = grid_label(ui, "Pumps at work", tip);
                let mut n = f64::from(p.pumps_at_work);
                num_field(
                    ui,
                    l,
                    &mut n,
                    0.0..=f64::from(MAX_PUMPS_AT_WORK),
                    0.05,
                    0,
                    " a day",
                )
                .on_hover_text(tip);
                p.pumps_at_work = n.round() as u32;
                ui.end_row();
                if p.pumps_at_work > 0 {
                    let tip = "How long each pump session runs (both sides at once).";
                    let l = grid_label(ui, "Minutes each", tip);
                    num_field(ui, l, &mut p.pump_minutes, 5.0..=60.0, 0.2, 0, " min")
                        .on_hover_text(tip);
                    ui.end_row();
                }

                let tip = "How far the run goes: three weeks past her first day back, or longer.";
                let l = grid_label(ui, "Simulate until day", tip);
                let min = (p.from_day + 1.0).min(MAX_HORIZON_DAYS);
                day_field(ui, l, until_day, min..=MAX_HORIZON_DAYS).on_hover_text(tip);
                ui.end_row();
            });
    }

    /// The whole plan as one edit: the date of birth and run length if they change, the
    /// absence, and the pump sessions at work.
    fn into_edit(self, sc: &Scenario) -> Edit {
        let mut edits = Vec::new();
        let mut after = sc.clone();
        let birth = self.birth_date().unwrap_or(sc.birth_date);
        if birth != sc.birth_date {
            edits.push(Edit::SetBirthDate(birth));
        }
        if (self.until_day - sc.horizon_days).abs() > 1e-9 {
            edits.push(Edit::SetParam {
                path: "horizon_days",
                value: self.until_day,
            });
        }
        edits.push(Edit::Absences(ListEdit::Add(self.plan.absence())));
        for e in &edits {
            e.clone().apply(&mut after);
        }
        if let Some(rule) = self.plan.pump_rule() {
            let at = after.schedule.rules.len();
            edits.push(Edit::Rules(ListEdit::Add(placement::placed_rule(
                &after, &rule, at, false,
            ))));
        }
        Edit::Plan {
            what: format!("back to work on day {}", num(self.plan.from_day)),
            edits,
        }
    }
}

/// The run length a plan starting on `from_day` is shown for: the run as it is, or longer so
/// that three weeks after her first day back are seen.
fn shown_until(horizon_days: f64, from_day: f64) -> f64 {
    horizon_days
        .max(from_day + 7.0 * WEEKS_SHOWN_AFTER)
        .min(MAX_HORIZON_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_adds_something_valid_in_short_and_long_runs() {
        for h in [1.0, 3.0, 28.0, 365.0] {
            for t in Template::ALL {
                let mut sc = Scenario {
                    horizon_days: h,
                    ..Scenario::default()
                };
                let draft = t.draft(&sc);
                assert_eq!(draft.problem(), None);
                draft.into_edit(&sc).apply(&mut sc);
                assert_eq!(sc.validate(), vec![], "{t:?} in a run of {h} days");
            }
        }
    }

    #[test]
    fn back_to_work_lengthens_the_run_and_adds_absence_and_pumps_as_one_step() {
        let sc = Scenario::default(); // 28 days
        let Draft::BackToWork(mut b) = Template::BackToWork.draft(&sc) else {
            panic!("not the builder");
        };
        b.birth_date_text = "2026-06-01".into(); // a Monday
        b.plan.from_day = 91.0;
        b.until_day = shown_until(sc.horizon_days, 91.0);
        assert_eq!(b.until_day, 112.0);
        let edit = Draft::BackToWork(b).into_edit(&sc);
        let Edit::Plan { what, edits } = &edit else {
            panic!("not one step");
        };
        assert_eq!(what, "back to work on day 91");
        assert_eq!(edits.len(), 4, "{edits:?}");
        let mut after = sc.clone();
        edit.apply(&mut after);
        assert_eq!(after.horizon_days, 112.0);
        assert_eq!(after.birth_date.unwrap().to_string(), "2026-06-01");
        assert_eq!(after.schedule.absences.len(), 1);
        assert_eq!(after.schedule.rules.len(), 1);
        assert_eq!(after.validate(), vec![]);
    }

    #[test]
    fn a_bad_date_of_birth_is_a_problem_not_a_silent_none() {
        let sc = Scenario::default();
        let Draft::BackToWork(mut b) = Template::BackToWork.draft(&sc) else {
            panic!("not the builder");
        };
        b.birth_date_text = "1 June".into();
        assert!(
            Draft::BackToWork(b)
                .problem()
                .unwrap()
                .contains("year-month-day")
        );
    }
}
