//! The fields of each kind of schedule entry: a rule, a single session, a skip, an absence.
//! Each takes the entry by `&mut` and changes it only to values its validation accepts.

use egui::{Grid, RichText, Ui};

use crate::absence::Absence;
use crate::calendar::{Calendar, day_range_words};
use crate::scenario::MAX_HORIZON_DAYS;
use crate::schedule::{Rule, Session, Side, Skip};

use super::fields::{
    DAY_TIP, at_most_a_day_row, clock_row, day_field, day_time_field, grid_label, kind_row,
    label_row, minutes_row, night_gap_rows, num_field, side_row, weekdays_row,
};

const SIDE_TIP_RULE: &str = "Both: a breastfeed on both sides one after the other (the fuller \
    first), a pump on both at once. Alternate: left and right in turn, from one session of the \
    rule to the next, starting left.";
const SIDE_TIP_SESSION: &str = "Both: a breastfeed on both sides one after the other (the \
    fuller first), a pump on both at once.";

pub(crate) fn rule_fields(ui: &mut Ui, r: &mut Rule, calendar: Calendar) {
    Grid::new("rule fields").num_columns(2).show(ui, |ui| {
        label_row(ui, &mut r.label);
        kind_row(ui, &mut r.kind);
        side_row(
            ui,
            &mut r.side,
            &[Side::Left, Side::Right, Side::Both, Side::Alternate],
            SIDE_TIP_RULE,
        );

        let tip = "Hours between the starts of two sessions, 0.25 to 48.";
        let l = grid_label(ui, "Every", tip);
        num_field(ui, l, &mut r.every_h, 0.25..=48.0, 0.05, 2, " h").on_hover_text(tip);
        ui.end_row();

        let tip = "Clock time of the first session. Without a limit a day, sessions then \
                   follow every so many hours around the clock; with one, each day starts \
                   afresh at this time.";
        clock_row(ui, "First at", tip, &mut r.first_at_clock_h);

        let tip = format!("First day the rule applies. {DAY_TIP}");
        let l = grid_label(ui, "From day", &tip);
        let before = r.from_day;
        day_field(ui, l, &mut r.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(&tip);
        if r.from_day != before && r.to_day < r.from_day {
            r.to_day = r.from_day;
        }
        ui.end_row();

        let tip = "The rule stops as this day begins, as on the time axis: a rule to day 28 and \
                   another from day 28 follow one another without a gap or an overlap.";
        let l = grid_label(ui, "To day", tip);
        day_field(ui, l, &mut r.to_day, r.from_day..=MAX_HORIZON_DAYS).on_hover_text(tip);
        ui.end_row();
        ui.label("");
        ui.label(range_hint(r.from_day, r.to_day, calendar));
        ui.end_row();

        weekdays_row(
            ui,
            "On",
            &format!(
                "The weekdays the rule runs on, by the day each session starts in (all lit: \
                 every day). Weekdays follow the date of birth ({}).",
                calendar.basis_words()
            ),
            &mut r.weekdays,
        );

        let tip = "At most this many sessions a day, each day starting afresh at the first \
                   time: power pumping is 3 sessions 30 minutes apart each evening.";
        at_most_a_day_row(ui, &mut r.max_per_day, 3, tip);
        if let Some(n) = r.max_per_day {
            ui.label("");
            ui.label(RichText::new(daily_times_words(r, n)).small().weak());
            ui.end_row();
        }

        night_gap_rows(
            ui,
            &mut r.night_gap,
            "Not at night",
            "Sessions that fall in these clock hours are left out.",
        );
        minutes_row(ui, r.kind, r.side, &mut r.duration_min);
    });
}

pub(crate) fn session_fields(ui: &mut Ui, s: &mut Session, _calendar: Calendar) {
    Grid::new("session fields").num_columns(2).show(ui, |ui| {
        label_row(ui, &mut s.label);
        kind_row(ui, &mut s.kind);
        side_row(
            ui,
            &mut s.side,
            &[Side::Left, Side::Right, Side::Both],
            SIDE_TIP_SESSION,
        );
        let tip = format!("When the session starts. {DAY_TIP}");
        grid_label(ui, "Starts", &tip);
        day_time_field(ui, "Starts", &mut s.at_h, &tip);
        ui.end_row();
        let side = match s.side {
            Side::Alternate => Side::Left,
            x => x,
        };
        minutes_row(ui, s.kind, side, &mut s.duration_min);
    });
}

pub(crate) fn skip_fields(ui: &mut Ui, s: &mut Skip, _calendar: Calendar) {
    Grid::new("skip fields").num_columns(2).show(ui, |ui| {
        label_row(ui, &mut s.label);
        let tip = format!(
            "Nothing starts from this time on: no feed on demand, no planned session. {DAY_TIP}"
        );
        grid_label(ui, "From", &tip);
        let before = (s.from_h, s.to_h);
        day_time_field(ui, "From", &mut s.from_h, &tip);
        if s.from_h != before.0 && s.to_h <= s.from_h {
            // Moving the start past the end moves the whole window.
            s.to_h =
                (s.from_h + (before.1 - before.0).max(1.0 / 60.0)).min(MAX_HORIZON_DAYS * 24.0);
        }
        ui.end_row();
        let tip = format!("Sessions may start again from this time. {DAY_TIP}");
        grid_label(ui, "To", &tip);
        day_time_field(ui, "To", &mut s.to_h, &tip);
        if s.to_h != before.1 && s.to_h <= s.from_h {
            s.to_h = (s.from_h + 1.0 / 60.0).min(MAX_HORIZON_DAYS * 24.0);
        }
        ui.end_row();
    });
}

/// Under a day range: "from day 14 to day 28 (14 days)", with the weekdays of its ends when a
/// date of birth is set.
fn range_hint(from_day: f64, to_day: f64, calendar: Calendar) -> RichText {
    let mut s = day_range_words(from_day, Some(to_day));
    if let (Some(a), Some(b)) = (
        calendar.date_of_day(from_day.floor() as i64),
        calendar.date_of_day(to_day.floor() as i64),
    ) {
        s += &format!(": {} to {}", a.short(), b.short());
    }
    RichText::new(s).small().weak()
}

pub(crate) fn absence_fields(ui: &mut Ui, a: &mut Absence, calendar: Calendar) {
    Grid::new("absence fields").num_columns(2).show(ui, |ui| {
        label_row(ui, &mut a.label);
        let tip = "Clock time she leaves the baby.";
        clock_row(ui, "Leaves at", tip, &mut a.from_clock_h);
        let tip = "Clock time she is back; earlier than she leaves means the next morning (a \
                   night shift, which belongs to the day it starts on).";
        clock_row(ui, "Back at", tip, &mut a.to_clock_h);
        weekdays_row(
            ui,
            "Away on",
            &format!(
                "The weekdays she is away (all lit: every day). Weekdays follow the date of \
                 birth ({}).",
                calendar.basis_words()
            ),
            &mut a.weekdays,
        );
        let tip = format!("The first day she is away. {DAY_TIP}");
        let l = grid_label(ui, "From day", &tip);
        day_field(ui, l, &mut a.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(&tip);
        ui.end_row();
        ui.label("");
        ui.label(
            RichText::new(calendar.day_words(a.from_day.floor() as i64))
                .small()
                .weak(),
        );
        ui.end_row();
        let tip = "The absences stop as this day begins (as on the time axis). Unticked: to \
                   the end of the run.";
        let mut until = a.to_day.is_some();
        let c = ui.checkbox(&mut until, "To day").on_hover_text(tip);
        if c.changed() {
            a.to_day = until.then(|| (a.from_day + 7.0).min(MAX_HORIZON_DAYS));
        }
        if let Some(to) = &mut a.to_day {
            let min = (a.from_day + 1.0).min(MAX_HORIZON_DAYS);
            day_field(ui, c.id, to, min..=MAX_HORIZON_DAYS).on_hover_text(tip);
        }
        ui.end_row();
        ui.label("");
        ui.label(
            RichText::new(format!(
                "{}, {} h a day; no breastfeed then, pump sessions go on",
                day_range_words(a.from_day, a.to_day),
                crate::schedule_words::num(a.hours())
            ))
            .small()
            .weak(),
        );
        ui.end_row();
    });
}

/// "each day at 10:15, 12:30, 14:45": the clock times of a rule that starts afresh each day (at
/// most a day's worth of them, as the rule makes).
fn daily_times_words(r: &Rule, n: u32) -> String {
    let times: Vec<String> = (0..n)
        .map(|k| f64::from(k) * r.every_h)
        .take_while(|&after| after < 24.0)
        .map(|after| {
            crate::schedule_words::format_clock((r.first_at_clock_h + after).rem_euclid(24.0))
        })
        .collect();
    format!("each day at {}", times.join(", "))
}
