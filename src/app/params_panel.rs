//! The mother, the infant, the pump and the run: one collapsing section per [`Group`], one slider
//! per parameter of [`PARAMS`](crate::params::PARAMS), with its meaning, range, default and source
//! in a tooltip.
//!
//! Nothing here changes the scenario: every change becomes an [`Edit`] the application applies
//! after the frame. A value that differs from its default is shown in bold with a "•", and each
//! section has a Reset button (greyed out while the section is at its defaults).

use egui::{Button, CollapsingHeader, Color32, RichText, Slider, SliderClamping};

use super::fields::{day_field, plain_number};
use crate::Scenario;
use crate::edit::{Edit, params_of};
use crate::params::{Group, Param};
use crate::scenario::{MAX_HORIZON_DAYS, Weaning};
use crate::schedule_words::num;

/// Space kept right of a slider's rail for its number and unit.
const VALUE_WIDTH: f32 = 110.0;

/// Draw the parameter groups of `scenario`; push an [`Edit`] for every change.
///
/// The panel is meant for a side panel about 340 px wide, inside a scroll area the caller
/// provides.
pub fn ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    let default = Scenario::default();
    for group in Group::ALL {
        let changed = changed_count(scenario, &default, group);
        let title = if changed > 0 {
            RichText::new(format!("{} •", group.title())).strong()
        } else {
            RichText::new(group.title())
        };
        CollapsingHeader::new(title)
            .id_salt(("params group", group.title()))
            .default_open(matches!(group, Group::Mother | Group::Infant))
            .show(ui, |ui| {
                group_ui(ui, scenario, group, changed, edits);
            });
    }
}

/// How many things in `group` differ from the default scenario.
fn changed_count(sc: &Scenario, default: &Scenario, group: Group) -> usize {
    let params = params_of(group)
        .filter(|p| (p.get)(sc) != (p.get)(default))
        .count();
    let extra = match group {
        Group::Infant => usize::from(sc.infant.weaning != default.infant.weaning),
        Group::Run => usize::from(sc.seed != default.seed),
        Group::Mother
        | Group::Prolactin
        | Group::Oxytocin
        | Group::Takes
        | Group::Pump
        | Group::BetweenMothers => 0,
    };
    params + extra
}

fn group_ui(ui: &mut egui::Ui, sc: &Scenario, group: Group, changed: usize, edits: &mut Vec<Edit>) {
    ui.horizontal(|ui| {
        let reset = ui
            .add_enabled(changed > 0, Button::new("Reset").small())
            .accessible_name(format!("Reset {}", group.title()))
            .on_hover_text(format!(
                "Put {} back to the defaults ({changed} changed)",
                what_is_reset(group)
            ))
            .on_disabled_hover_text("Everything here is at its default");
        if reset.clicked() {
            edits.push(Edit::ResetGroup(group));
        }
        if changed > 0 {
            ui.label(
                RichText::new(format!("{changed} changed from the default"))
                    .small()
                    .weak(),
            );
        }
    });
    for p in params_of(group) {
        param_ui(ui, sc, p, edits);
    }
    if group == Group::Infant {
        weaning_ui(ui, sc, edits);
    }
}

fn what_is_reset(group: Group) -> &'static str {
    match group {
        Group::Infant => "every setting of the infant, weaning included,",
        Group::Run => "the days to simulate and the seed",
        Group::Mother
        | Group::Prolactin
        | Group::Oxytocin
        | Group::Takes
        | Group::Pump
        | Group::BetweenMothers => "every setting of this section",
    }
}

/// A number for a sentence: "210", "0.05", "2600".
fn tooltip(p: &Param) -> String {
    let u = p.unit_suffix();
    format!(
        "{}\n\nRange {} to {}{u}; default {}{u}.\nSource: {}",
        p.help,
        num(p.min),
        num(p.max),
        num(p.default_value()),
        p.source
    )
}

fn param_ui(ui: &mut egui::Ui, sc: &Scenario, p: &'static Param, edits: &mut Vec<Edit>) {
    let current = (p.get)(sc);
    let default = p.default_value();
    let is_changed = current != default;
    let tip = tooltip(p);

    ui.horizontal(|ui| {
        let text = if is_changed {
            RichText::new(p.label).strong()
        } else {
            RichText::new(p.label)
        };
        ui.label(text).on_hover_text(&tip);
        if is_changed {
            let back = ui
                .add(
                    Button::new(RichText::new("•").color(Color32::from_rgb(230, 140, 30)))
                        .frame(false)
                        .small(),
                )
                .accessible_name(format!("{}: back to the default", p.label))
                .on_hover_text(format!(
                    "Changed: the default is {}{}. Click to put it back.",
                    num(default),
                    p.unit_suffix()
                ));
            if back.clicked() {
                edits.push(Edit::SetParam {
                    path: p.path,
                    value: default,
                });
            }
        }
    });

    let mut value = current;
    ui.scope(|ui| {
        ui.spacing_mut().slider_width = (ui.available_width() - VALUE_WIDTH).max(60.0);
        let mut slider = Slider::new(&mut value, p.min..=p.max)
            .clamping(SliderClamping::Edits)
            .custom_formatter(plain_number)
            .suffix(p.unit_suffix());
        if logarithmic(p) {
            slider = slider.logarithmic(true);
        }
        if p.path == "horizon_days" {
            slider = slider.step_by(1.0);
        }
        ui.add(slider)
    })
    .inner
    .accessible_name(p.label)
    .on_hover_text(&tip);
    if value != current && value.is_finite() {
        edits.push(Edit::SetParam {
            path: p.path,
            value: value.clamp(p.min, p.max),
        });
    }
}

/// Ranges spanning orders of magnitude read better on a logarithmic rail.
fn logarithmic(p: &Param) -> bool {
    matches!(p.path, "horizon_days")
}

fn weaning_ui(ui: &mut egui::Ui, sc: &Scenario, edits: &mut Vec<Edit>) {
    let current = &sc.infant.weaning;
    let mut on = current.is_some();
    ui.add_space(4.0);
    let check = ui.checkbox(&mut on, "Gradual weaning").on_hover_text(
        "The share of the baby's appetite met at the breast falls steadily from all of it to \
         none between the two days (other food makes up the rest). Fed on demand, the baby asks \
         less, the breasts are emptied less often and supply follows.",
    );
    if check.changed() {
        edits.push(Edit::SetWeaning(
            on.then(|| default_weaning(sc.horizon_days)),
        ));
        return;
    }
    let Some(w) = current else {
        return;
    };
    let mut new = w.clone();
    ui.indent("weaning", |ui| {
        egui::Grid::new("weaning fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Starts on day").id;
                day_field(ui, label, &mut new.start_day, 0.0..=MAX_HORIZON_DAYS - 1.0)
                    .on_hover_text("Day since birth on which weaning begins.");
                if new.end_day <= new.start_day {
                    new.end_day = (new.start_day + 1.0).min(MAX_HORIZON_DAYS);
                }
                ui.end_row();

                let label = ui.label("Ends on day").id;
                let low = (new.start_day + 1.0).min(MAX_HORIZON_DAYS);
                day_field(ui, label, &mut new.end_day, low..=MAX_HORIZON_DAYS).on_hover_text(
                    "Day since birth from which the baby takes nothing at the breast. \
                     It must come after the start.",
                );
                ui.end_row();
            });
        if new.start_day >= sc.horizon_days {
            ui.label(
                RichText::new("Weaning starts after the end of the run.")
                    .small()
                    .weak(),
            );
        }
    });
    if &new != w {
        edits.push(Edit::SetWeaning(Some(new)));
    }
}

/// Weaning to start with when the box is ticked: the default (days 42–56) when the run is long
/// enough to show it, else the second half of the run.
fn default_weaning(horizon_days: f64) -> Weaning {
    let d = Weaning::default();
    if d.end_day <= horizon_days {
        return d;
    }
    let start = (horizon_days / 2.0)
        .floor()
        .clamp(0.0, MAX_HORIZON_DAYS - 1.0);
    let end = horizon_days.ceil().clamp(start + 1.0, MAX_HORIZON_DAYS);
    Weaning {
        start_day: start,
        end_day: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weaning_fits_the_run() {
        assert_eq!(default_weaning(365.0), Weaning::default());
        let w = default_weaning(28.0);
        assert_eq!((w.start_day, w.end_day), (14.0, 28.0));
        let w = default_weaning(1.0);
        assert!(w.start_day < w.end_day, "{w:?}");
    }

    #[test]
    fn numbers_read_plainly() {
        assert_eq!(num(2600.0), "2600");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1.0 / 3.0), "0.333");
    }
}
