//! The field widgets every editor of the schedule shares: numbers that only take allowed values,
//! days since birth, clock times, weekdays, and the rows that recur in rules, sessions and
//! absences (label, kind, side, minutes, a night gap).

use std::ops::RangeInclusive;

use egui::{DragValue, Id, Ui};

use crate::calendar::Weekday;
use crate::scenario::MAX_HORIZON_DAYS;
use crate::schedule::{Kind, MAX_SESSION_MIN, NightGap, Side};
use crate::schedule_words::{format_clock, parse_clock};

pub(crate) const DAY_TIP: &str = "Days count from birth: day 0 is the day of birth, from midnight.";

/// "14" rather than "14.0": as few decimals as show the value.
pub(crate) fn plain_number(v: f64, decimals: RangeInclusive<usize>) -> String {
    egui::emath::format_with_decimals_in_range(v, 0..=*decimals.end())
}

/// A number field named by `label`; values outside `range` cannot be entered.
pub(crate) fn num_field(
    ui: &mut Ui,
    label: Id,
    value: &mut f64,
    range: RangeInclusive<f64>,
    speed: f64,
    max_decimals: usize,
    suffix: &str,
) -> egui::Response {
    let mut v = *value;
    let r = ui
        .add(
            DragValue::new(&mut v)
                .range(range.clone())
                .clamp_existing_to_range(false)
                .speed(speed)
                .max_decimals(max_decimals)
                .custom_formatter(plain_number)
                .suffix(suffix.to_owned()),
        )
        .labelled_by(label);
    if v != *value && v.is_finite() {
        *value = v.clamp(*range.start(), *range.end());
    }
    r
}

pub(crate) fn day_field(
    ui: &mut Ui,
    label: Id,
    value: &mut f64,
    range: RangeInclusive<f64>,
) -> egui::Response {
    num_field(ui, label, value, range, 0.05, 1, " d")
}

/// A clock hour shown as "23:00"; whole minutes.
pub(crate) fn clock_field(ui: &mut Ui, value: &mut f64, max: f64) -> egui::Response {
    let mut v = *value;
    let r = ui.add(
        DragValue::new(&mut v)
            .range(0.0..=max)
            .clamp_existing_to_range(false)
            .speed(0.05)
            .custom_formatter(|h, _| format_clock(h))
            .custom_parser(parse_clock),
    );
    if v != *value && v.is_finite() {
        *value = ((v * 60.0).round() / 60.0).clamp(0.0, max);
    }
    r
}

/// A grid row: a clock time (0–24) with its label and tooltip.
pub(crate) fn clock_row(ui: &mut Ui, label: &str, tip: &str, value: &mut f64) {
    let l = grid_label(ui, label, tip);
    clock_field(ui, value, 24.0)
        .labelled_by(l)
        .on_hover_text(tip);
    ui.end_row();
}

/// "A day, at most" with its count (a checkbox: unticked, around the clock), in a grid row:
/// a rule's sessions or a course's doses. `first` is the count when ticked.
pub(crate) fn at_most_a_day_row(ui: &mut Ui, max_per_day: &mut Option<u32>, first: u32, tip: &str) {
    let mut limited = max_per_day.is_some();
    let c = ui
        .checkbox(&mut limited, "A day, at most")
        .on_hover_text(tip);
    if c.changed() {
        *max_per_day = limited.then_some(first);
    }
    if let Some(n) = max_per_day {
        let mut v = *n;
        ui.add(
            DragValue::new(&mut v)
                .range(1..=96)
                .clamp_existing_to_range(false)
                .speed(0.05),
        )
        .labelled_by(c.id)
        .on_hover_text(tip);
        if v != *n {
            *n = v.clamp(1, 96);
        }
    }
    ui.end_row();
}

/// A label in the first column of a grid, with a tooltip.
pub(crate) fn grid_label(ui: &mut Ui, text: &str, tip: &str) -> Id {
    ui.label(text).on_hover_text(tip).id
}

/// A time since birth as a day and a clock time, in the second column of a grid.
pub(crate) fn day_time_field(ui: &mut Ui, name: &str, at_h: &mut f64, tip: &str) {
    ui.horizontal(|ui| {
        let day = (*at_h / 24.0).floor().max(0.0);
        let clock = *at_h - day * 24.0;
        let mut new_day = day;
        ui.add(
            DragValue::new(&mut new_day)
                .range(0.0..=MAX_HORIZON_DAYS - 1.0)
                .clamp_existing_to_range(false)
                .speed(0.05)
                .fixed_decimals(0)
                .prefix("day "),
        )
        .accessible_name(format!("{name}, day"))
        .on_hover_text(tip);
        let mut new_clock = clock;
        clock_field(ui, &mut new_clock, 24.0 - 1.0 / 60.0)
            .accessible_name(format!("{name}, time"))
            .on_hover_text(tip);
        if new_day != day || new_clock != clock {
            let d = new_day.round().clamp(0.0, MAX_HORIZON_DAYS - 1.0);
            let t = d * 24.0 + new_clock;
            *at_h = ((t * 60.0).round() / 60.0).clamp(0.0, MAX_HORIZON_DAYS * 24.0);
        }
    });
}

pub(crate) fn label_row(ui: &mut Ui, label: &mut String) {
    let l = grid_label(ui, "Label", "A name of your own, shown in lists and plots.");
    ui.add(
        egui::TextEdit::singleline(label)
            .hint_text("optional")
            .desired_width(150.0),
    )
    .labelled_by(l);
    ui.end_row();
}

pub(crate) fn kind_row(ui: &mut Ui, kind: &mut Kind) {
    let tip = "Breastfeed: the baby at the breast, who stops when satisfied. \
               Pump: runs for the set minutes.";
    let l = grid_label(ui, "How", tip);
    egui::ComboBox::from_id_salt("kind")
        .selected_text(kind_title(*kind))
        .show_ui(ui, |ui| {
            for k in [Kind::Breastfeed, Kind::Pump] {
                ui.selectable_value(kind, k, kind_title(k));
            }
        })
        .response
        .labelled_by(l)
        .on_hover_text(tip);
    ui.end_row();
}

pub(crate) fn kind_title(k: Kind) -> &'static str {
    match k {
        Kind::Breastfeed => "Breastfeed",
        Kind::Pump => "Pump",
    }
}

pub(crate) fn side_title(s: Side) -> &'static str {
    match s {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Both => "Both",
        Side::Alternate => "Alternate",
    }
}

pub(crate) fn side_row(ui: &mut Ui, side: &mut Side, choices: &[Side], tip: &str) {
    let l = grid_label(ui, "Side", tip);
    egui::ComboBox::from_id_salt("side")
        .selected_text(side_title(*side))
        .show_ui(ui, |ui| {
            for s in choices {
                ui.selectable_value(side, *s, side_title(*s));
            }
        })
        .response
        .labelled_by(l)
        .on_hover_text(tip);
    ui.end_row();
}

pub(crate) fn minutes_row(ui: &mut Ui, kind: Kind, side: Side, minutes: &mut f64) {
    let per_side = kind == Kind::Breastfeed && side == Side::Both;
    let (text, tip) = if per_side {
        (
            "Minutes a side",
            "Longest time on each breast, one after the other; the baby may stop sooner when \
             satisfied. 1 to 120 minutes.",
        )
    } else if kind == Kind::Breastfeed {
        (
            "Minutes",
            "Longest time at the breast; the baby may stop sooner when satisfied. 1 to 120 \
             minutes.",
        )
    } else {
        ("Minutes", "How long the pump runs. 1 to 120 minutes.")
    };
    let l = grid_label(ui, text, tip);
    num_field(ui, l, minutes, 1.0..=MAX_SESSION_MIN, 0.2, 0, " min").on_hover_text(tip);
    ui.end_row();
}

/// The optional night gap of responsive feeding or of a rule: a checkbox and three rows.
pub(crate) fn night_gap_rows(ui: &mut Ui, gap: &mut Option<NightGap>, text: &str, tip: &str) {
    let mut on = gap.is_some();
    let c = ui.checkbox(&mut on, text).on_hover_text(tip);
    if c.changed() {
        *gap = on.then(NightGap::default);
    }
    ui.end_row();
    let Some(g) = gap else {
        return;
    };
    let t = "Clock time the night begins.";
    clock_row(ui, "Night from", t, &mut g.from_clock_h);
    let t = "Clock time the night ends; earlier than the start means the next morning.";
    clock_row(ui, "Night until", t, &mut g.to_clock_h);
    let t = format!(
        "The first night it applies: the night that starts on this day (from day 14: the night \
         of day 14 to day 15). {DAY_TIP}"
    );
    let l = grid_label(ui, "Nights from day", &t);
    day_field(ui, l, &mut g.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(t);
    ui.end_row();
}

/// Seven small toggles, Monday first; none or all seven on means every day (stored empty).
pub(crate) fn weekdays_row(ui: &mut Ui, label: &str, tip: &str, days: &mut Vec<Weekday>) {
    grid_label(ui, label, tip);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let every = days.is_empty();
        for d in Weekday::ALL {
            let mut on = every || days.contains(&d);
            let r = ui
                .toggle_value(&mut on, &d.short()[..2])
                .accessible_name(format!("{label}: {}", d.long()))
                .on_hover_text(d.long());
            if r.clicked() {
                let mut set: Vec<Weekday> = if every {
                    Weekday::ALL.to_vec()
                } else {
                    days.clone()
                };
                if on {
                    set.push(d);
                } else {
                    set.retain(|x| *x != d);
                }
                set.sort();
                set.dedup();
                // All seven is every day; none at all would be never: keep the day just clicked.
                *days = match set.len() {
                    7 => Vec::new(),
                    0 => vec![d],
                    _ => set,
                };
            }
        }
    });
    ui.end_row();
}
