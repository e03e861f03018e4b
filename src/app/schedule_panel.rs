//! The schedule editor: feeding on demand, recurring rules, single sessions and skips; what the
//! mother takes is a section of its own ([`super::medicines_panel`]) at the end.
//!
//! Each entry is one line in plain words ("Pump both sides every 3 h from 06:00, days 14–28,
//! 15 min") with buttons to edit it in place, duplicate it or delete it, and an "Add" menu offers
//! templates people recognise (a day of power pumping, a missed night …).
//!
//! Nothing here changes the schedule: every change becomes an [`Edit`] the application applies
//! after the frame. Each field only takes values the schedule's validation accepts (the same
//! ranges as [`Schedule::validate_fields`]); overlaps between sessions are the scenario's
//! problems, shown elsewhere.

use std::ops::RangeInclusive;

use egui::{Align, Button, CollapsingHeader, DragValue, Grid, Id, Label, Layout, RichText, Ui};

use crate::edit::{Edit, ListEdit};
use crate::placement;
use crate::scenario::MAX_HORIZON_DAYS;
use crate::schedule::{
    Kind, MAX_SESSION_MIN, NightGap, Responsive, Rule, Schedule, Session, Side, Skip, format_time_h,
};

/// Which list of the schedule an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum List {
    Rules,
    Sessions,
    Skips,
}

impl List {
    fn noun(self) -> &'static str {
        match self {
            List::Rules => "rule",
            List::Sessions => "session",
            List::Skips => "skip",
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
}

impl SchedulePanel {
    /// Draw the schedule; push an [`Edit`] for every change.
    ///
    /// `horizon_days` places the templates of the "Add" menu inside the run and marks entries
    /// that start after it ends. The panel is meant for a side panel about 340 px wide, inside a
    /// scroll area the caller provides.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        schedule: &Schedule,
        horizon_days: f64,
        edits: &mut Vec<Edit>,
    ) {
        self.responsive_ui(ui, schedule, horizon_days, edits);
        ui.separator();
        self.add_menu(ui, schedule, horizon_days, edits);

        let h = horizon_days;
        self.list_ui(
            ui,
            List::Rules,
            "Recurring rules",
            &schedule.rules,
            |r| rule_summary(r, h),
            rule_fields,
            &|i| placement::placed_rule(schedule, h, &schedule.rules[i], i + 1, true),
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
            &|i| placement::placed_session(schedule, h, &schedule.sessions[i], i + 1, true),
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
            // Skips may overlap: a copy is harmless where it is.
            &|i| schedule.skips[i].clone(),
            Edit::Skips,
            edits,
        );
        super::medicines_panel::ui(ui, &schedule.mother_takes, horizon_days, edits);
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

    fn add_menu(
        &mut self,
        ui: &mut Ui,
        schedule: &Schedule,
        horizon_days: f64,
        edits: &mut Vec<Edit>,
    ) {
        ui.menu_button("Add", |ui| {
            for t in Template::ALL {
                if ui.button(t.name()).on_hover_text(t.tip()).clicked() {
                    let (list, edit) = t.make(horizon_days);
                    let len = match list {
                        List::Rules => schedule.rules.len(),
                        List::Sessions => schedule.sessions.len(),
                        List::Skips => schedule.skips.len(),
                    };
                    // Moved, if it must be, so that it collides with nothing already there.
                    let edit = match edit {
                        Edit::Rules(ListEdit::Add(r)) => Edit::Rules(ListEdit::Add(
                            placement::placed_rule(schedule, horizon_days, &r, len, false),
                        )),
                        Edit::Sessions(ListEdit::Add(x)) => Edit::Sessions(ListEdit::Add(
                            placement::placed_session(schedule, horizon_days, &x, len, false),
                        )),
                        other => other,
                    };
                    edits.push(edit);
                    self.open = Some((list, len));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Add a recurring rule, a single session or a skip from a template");
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
        fields: fn(&mut Ui, &mut T),
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
                            ui.push_id((noun, i), |ui| fields(ui, &mut copy));
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

// ---------------------------------------------------------------------------------------------
// Templates of the "Add" menu.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Template {
    Recurring,
    ExtraPump,
    MissedFeed,
    MissedNight,
    PowerPumping,
    ThreeExtraPumps,
}

impl Template {
    const ALL: [Template; 6] = [
        Template::Recurring,
        Template::ExtraPump,
        Template::MissedFeed,
        Template::MissedNight,
        Template::PowerPumping,
        Template::ThreeExtraPumps,
    ];

    fn name(self) -> &'static str {
        match self {
            Template::Recurring => "Recurring feed or pump session",
            Template::ExtraPump => "Extra pump session",
            Template::MissedFeed => "Missed feed (3 h with nothing)",
            Template::MissedNight => "Missed night (23:00–06:00)",
            Template::PowerPumping => "Day of power pumping",
            Template::ThreeExtraPumps => "Three extra pumps a day",
        }
    }

    fn tip(self) -> &'static str {
        match self {
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

    /// The entry to add and its list. Days are placed inside a run of `horizon_days`.
    fn make(self, horizon_days: f64) -> (List, Edit) {
        let horizon = horizon_days.clamp(0.0, MAX_HORIZON_DAYS);
        let d = template_day(horizon);
        match self {
            Template::Recurring => (
                List::Rules,
                Edit::Rules(ListEdit::Add(Rule {
                    kind: Kind::Pump,
                    side: Side::Both,
                    every_h: 24.0,
                    first_at_clock_h: 10.0,
                    from_day: d,
                    to_day: horizon.max(d),
                    ..Rule::default()
                })),
            ),
            Template::ExtraPump => (
                List::Sessions,
                Edit::Sessions(ListEdit::Add(Session {
                    label: "extra pump".to_owned(),
                    kind: Kind::Pump,
                    side: Side::Both,
                    at_h: d * 24.0 + 7.0,
                    duration_min: 15.0,
                })),
            ),
            Template::MissedFeed => (
                List::Skips,
                Edit::Skips(ListEdit::Add(Skip {
                    label: "missed feed".to_owned(),
                    from_h: d * 24.0 + 12.0,
                    to_h: d * 24.0 + 15.0,
                })),
            ),
            Template::MissedNight => (
                List::Skips,
                Edit::Skips(ListEdit::Add(Skip {
                    label: "missed night".to_owned(),
                    from_h: d * 24.0 + 23.0,
                    to_h: (d + 1.0) * 24.0 + 6.0,
                })),
            ),
            Template::PowerPumping => (
                List::Rules,
                Edit::Rules(ListEdit::Add(Rule {
                    label: "power pumping".to_owned(),
                    kind: Kind::Pump,
                    side: Side::Both,
                    every_h: 0.5,
                    first_at_clock_h: 19.5,
                    from_day: d,
                    to_day: (d + 1.0).min(MAX_HORIZON_DAYS),
                    night_gap: None,
                    max_per_day: Some(3),
                    duration_min: 12.0,
                })),
            ),
            Template::ThreeExtraPumps => (
                List::Rules,
                Edit::Rules(ListEdit::Add(Rule {
                    label: "three extra pumps a day".to_owned(),
                    kind: Kind::Pump,
                    side: Side::Both,
                    every_h: 4.0,
                    // 10:30, 14:30, 18:30: clear of a breastfeed every 3 h from midnight.
                    first_at_clock_h: 10.5,
                    from_day: d,
                    to_day: horizon.max(d),
                    night_gap: None,
                    max_per_day: Some(3),
                    duration_min: 15.0,
                })),
            ),
        }
    }
}

/// The day templates start on: day 14, or the middle of a shorter run.
pub(crate) fn template_day(horizon_days: f64) -> f64 {
    (horizon_days / 2.0).floor().clamp(0.0, 14.0)
}

// ---------------------------------------------------------------------------------------------
// Summaries in plain words.

/// A number for a sentence: "3", "0.25", "19.5".
/// A number as a person writes it: no trailing zeros, at most three decimals.
pub(crate) fn num(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    format!("{r}")
}

/// "07:30" for a clock hour.
fn format_clock(h: f64) -> String {
    let m = (h * 60.0).round() as i64;
    format!("{:02}:{:02}", m.div_euclid(60), m.rem_euclid(60))
}

/// "07:30", "7:30", "7", "7.5" → hours.
fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some((h, m)) = s.split_once(':') {
        let h: u32 = h.trim().parse().ok()?;
        let m: u32 = m.trim().parse().ok()?;
        return (m < 60).then(|| f64::from(h) + f64::from(m) / 60.0);
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Left => "left side",
        Side::Right => "right side",
        Side::Both => "both sides",
        Side::Alternate => "alternating sides",
    }
}

fn every_words(h: f64) -> String {
    if h < 1.0 {
        format!("every {} min", num(h * 60.0))
    } else {
        format!("every {} h", num(h))
    }
}

fn minutes_words(kind: Kind, side: Side, min: f64) -> String {
    if kind == Kind::Breastfeed && side == Side::Both {
        format!("{} min a side", num(min))
    } else {
        format!("{} min", num(min))
    }
}

/// "power pumping: pump …" with a label, "Pump …" without.
fn with_label(label: &str, text: String) -> String {
    let label = label.trim();
    if label.is_empty() {
        let mut c = text.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        format!("{label}: {text}")
    }
}

fn rule_summary(r: &Rule, horizon_days: f64) -> String {
    let mut s = format!(
        "{} {} {} from {}",
        r.kind.name(),
        side_words(r.side),
        every_words(r.every_h),
        format_clock(r.first_at_clock_h)
    );
    if let Some(n) = r.max_per_day {
        s += &format!(", at most {n} a day");
    }
    if let Some(g) = &r.night_gap {
        s += &format!(
            ", none {}–{}",
            format_clock(g.from_clock_h),
            format_clock(g.to_clock_h)
        );
        if g.from_day > 0.0 {
            s += &format!(" from day {}", num(g.from_day));
        }
    }
    s += &format!(
        ", days {}–{}, {}",
        num(r.from_day),
        num(r.to_day),
        minutes_words(r.kind, r.side, r.duration_min)
    );
    if r.from_day >= horizon_days {
        s += " (after the run ends)";
    }
    with_label(&r.label, s)
}

fn session_summary(x: &Session, horizon_days: f64) -> String {
    let side = match x.side {
        Side::Alternate => Side::Left,
        s => s,
    };
    let day = (x.at_h / 24.0).floor();
    let mut s = format!(
        "{} {} on day {} at {}, {}",
        x.kind.name(),
        side_words(side),
        num(day),
        format_clock(x.at_h - day * 24.0),
        minutes_words(x.kind, side, x.duration_min)
    );
    if x.at_h >= horizon_days * 24.0 {
        s += " (after the run ends)";
    }
    with_label(&x.label, s)
}

fn skip_summary(x: &Skip) -> String {
    with_label(
        &x.label,
        format!(
            "nothing starts from {} to {}",
            format_time_h(x.from_h),
            format_time_h(x.to_h)
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Fields.

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

/// A label in the first column of a grid, with a tooltip.
pub(crate) fn grid_label(ui: &mut Ui, text: &str, tip: &str) -> Id {
    ui.label(text).on_hover_text(tip).id
}

/// A time since birth as a day and a clock time, in the second column of a grid.
fn day_time_field(ui: &mut Ui, name: &str, at_h: &mut f64, tip: &str) {
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

fn label_row(ui: &mut Ui, label: &mut String) {
    let l = grid_label(ui, "Label", "A name of your own, shown in lists and plots.");
    ui.add(
        egui::TextEdit::singleline(label)
            .hint_text("optional")
            .desired_width(150.0),
    )
    .labelled_by(l);
    ui.end_row();
}

fn kind_row(ui: &mut Ui, kind: &mut Kind) {
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

fn kind_title(k: Kind) -> &'static str {
    match k {
        Kind::Breastfeed => "Breastfeed",
        Kind::Pump => "Pump",
    }
}

fn side_title(s: Side) -> &'static str {
    match s {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Both => "Both",
        Side::Alternate => "Alternate",
    }
}

fn side_row(ui: &mut Ui, side: &mut Side, choices: &[Side], tip: &str) {
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

fn minutes_row(ui: &mut Ui, kind: Kind, side: Side, minutes: &mut f64) {
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
fn night_gap_rows(ui: &mut Ui, gap: &mut Option<NightGap>, text: &str, tip: &str) {
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
    let l = grid_label(ui, "Night from", t);
    clock_field(ui, &mut g.from_clock_h, 24.0)
        .labelled_by(l)
        .on_hover_text(t);
    ui.end_row();
    let t = "Clock time the night ends; earlier than the start means the next morning.";
    let l = grid_label(ui, "Night until", t);
    clock_field(ui, &mut g.to_clock_h, 24.0)
        .labelled_by(l)
        .on_hover_text(t);
    ui.end_row();
    let t = format!(
        "The first night it applies: the night that starts on this day (from day 14: the night \
         of day 14 to day 15). {DAY_TIP}"
    );
    let l = grid_label(ui, "Nights from day", &t);
    day_field(ui, l, &mut g.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(t);
    ui.end_row();
}

const SIDE_TIP_RULE: &str = "Both: a breastfeed on both sides one after the other (the fuller \
    first), a pump on both at once. Alternate: left and right in turn, from one session of the \
    rule to the next, starting left.";
const SIDE_TIP_SESSION: &str = "Both: a breastfeed on both sides one after the other (the \
    fuller first), a pump on both at once.";

fn rule_fields(ui: &mut Ui, r: &mut Rule) {
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
        let l = grid_label(ui, "First at", tip);
        clock_field(ui, &mut r.first_at_clock_h, 24.0)
            .labelled_by(l)
            .on_hover_text(tip);
        ui.end_row();

        let tip = format!("First day the rule applies. {DAY_TIP}");
        let l = grid_label(ui, "From day", &tip);
        let before = r.from_day;
        day_field(ui, l, &mut r.from_day, 0.0..=MAX_HORIZON_DAYS).on_hover_text(&tip);
        if r.from_day != before && r.to_day < r.from_day {
            r.to_day = r.from_day;
        }
        ui.end_row();

        let tip = "The rule stops at the start of this day (the day itself is not included).";
        let l = grid_label(ui, "To day", tip);
        day_field(ui, l, &mut r.to_day, r.from_day..=MAX_HORIZON_DAYS).on_hover_text(tip);
        ui.end_row();

        let tip = "At most this many sessions a day, each day starting afresh at the first \
                   time: power pumping is 3 sessions 30 minutes apart each evening.";
        let mut limited = r.max_per_day.is_some();
        let c = ui
            .checkbox(&mut limited, "A day, at most")
            .on_hover_text(tip);
        if c.changed() {
            r.max_per_day = limited.then_some(3);
        }
        if let Some(n) = &mut r.max_per_day {
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

        night_gap_rows(
            ui,
            &mut r.night_gap,
            "Not at night",
            "Sessions that fall in these clock hours are left out.",
        );
        minutes_row(ui, r.kind, r.side, &mut r.duration_min);
    });
}

fn session_fields(ui: &mut Ui, s: &mut Session) {
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

fn skip_fields(ui: &mut Ui, s: &mut Skip) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_round_trip() {
        assert_eq!(format_clock(19.5), "19:30");
        assert_eq!(format_clock(0.0), "00:00");
        assert_eq!(format_clock(24.0), "24:00");
        assert_eq!(parse_clock("07:30"), Some(7.5));
        assert_eq!(parse_clock(" 7 "), Some(7.0));
        assert_eq!(parse_clock("7:75"), None);
        assert_eq!(parse_clock("noon"), None);
    }

    #[test]
    fn summaries_read_plainly() {
        let r = Rule {
            kind: Kind::Pump,
            every_h: 3.0,
            first_at_clock_h: 6.0,
            from_day: 14.0,
            to_day: 28.0,
            ..Rule::default()
        };
        assert_eq!(
            rule_summary(&r, 28.0),
            "Pump both sides every 3 h from 06:00, days 14–28, 15 min"
        );
        let r = Rule {
            label: "power pumping".into(),
            every_h: 0.5,
            max_per_day: Some(3),
            ..r
        };
        assert_eq!(
            rule_summary(&r, 10.0),
            "power pumping: pump both sides every 30 min from 06:00, at most 3 a day, \
             days 14–28, 15 min (after the run ends)"
        );
        let s = Skip {
            label: String::new(),
            from_h: 14.0 * 24.0 + 23.0,
            to_h: 15.0 * 24.0 + 6.0,
        };
        assert_eq!(
            skip_summary(&s),
            "Nothing starts from day 14 23:00 to day 15 06:00"
        );
    }

    #[test]
    fn templates_stay_inside_short_runs() {
        for h in [1.0, 3.0, 28.0, 365.0] {
            for t in Template::ALL {
                let mut sc = crate::Scenario {
                    horizon_days: h,
                    ..crate::Scenario::default()
                };
                t.make(h).1.apply(&mut sc);
                assert_eq!(sc.validate(), vec![], "{t:?} in a run of {h} days");
            }
        }
    }
}
