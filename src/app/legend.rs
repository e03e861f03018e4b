//! The legend above each plot: its title and unit, one chip per curve that shows or hides it,
//! and a note of how the curves are drawn at this zoom.

use std::collections::HashSet;

use egui::{Color32, RichText, Stroke, Ui};

use super::day_summary::DETAIL_MAX_VIEW_DAYS;
use super::plot_data::{
    DailyForm, ENGORGED_COLOR, LETDOWN_COLOR, MEDICINE_COLOR, PlotData, PlotKind,
};
use super::plots::{DOSE, ENGORGED, Form, LETDOWN, form_in_view, too_wide, zoom_note};

/// What the notes at the end of a legend row say besides the curves.
pub(super) struct LegendNotes<'a> {
    /// What the pinned run is called, when there is one.
    pub baseline: Option<&'a str>,
    /// The bands of mothers like her are drawn.
    pub shaded_by_mothers: bool,
    /// The parent's face: the mothers are "like you".
    pub parent: bool,
}

/// The row above a plot: title, unit, a chip per curve and mark (a click shows or hides it, kept
/// in `hidden` by plot and name), and notes on what this zoom leaves out or summarises.
pub(super) fn legend_row(
    ui: &mut Ui,
    kind: PlotKind,
    data: &PlotData,
    hidden: &mut HashSet<(PlotKind, String)>,
    view: (f64, f64),
    notes: LegendNotes<'_>,
) {
    let LegendNotes {
        baseline,
        shaded_by_mothers,
        parent,
    } = notes;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        ui.label(RichText::new(format!("{} ({})", kind.title(), kind.unit())).strong())
            .on_hover_text(kind.help());
        let mut chips: Vec<(&str, Color32, bool)> = data
            .curves
            .iter()
            .map(|c| (c.name.as_str(), c.color, c.dashed))
            .collect();
        chips.extend(
            data.levels
                .iter()
                .map(|(name, _, color)| (name.as_str(), *color, true)),
        );
        if !data.engorged.is_empty() {
            chips.push((ENGORGED, ENGORGED_COLOR.gamma_multiply(4.0), false));
        }
        if !data.letdowns_days.is_empty() {
            chips.push((LETDOWN, LETDOWN_COLOR, false));
        }
        if !data.doses.is_empty() {
            chips.push((DOSE, MEDICINE_COLOR, false));
        }
        for (name, color, dashed) in chips {
            let key = (kind, name.to_owned());
            let on = !hidden.contains(&key);
            if legend_chip(ui, name, color, dashed, on).clicked() {
                if on {
                    hidden.insert(key);
                } else {
                    hidden.remove(&key);
                }
            }
        }
        let on: Vec<_> = data
            .curves
            .iter()
            .filter(|c| !hidden.contains(&(kind, c.name.clone())))
            .collect();
        for c in on.iter().filter(|c| too_wide(c, view)) {
            ui.label(RichText::new(zoom_note(c)).small().weak());
        }
        // How the curves with a daily summary are drawn at this zoom, named unless they are
        // all the plot's curves that are on.
        let daily: Vec<_> = on.iter().filter(|c| c.daily.is_some()).collect();
        if let Some(form) = daily.first().and_then(|c| c.daily.as_ref()).map(|d| d.form) {
            let names: Vec<&str> = daily.iter().map(|c| c.name.as_str()).collect();
            let summarised = matches!(form_in_view(daily[0], view), Form::Daily(_));
            let note = form_note(&names, daily.len() < on.len(), form, summarised);
            ui.label(RichText::new(note).small().weak());
        }
        if kind == PlotKind::HerSessions {
            ui.label(RichText::new("crosses: her log").small().strong());
        }
        if let Some(word) = baseline {
            ui.label(
                RichText::new(format!("dashed, faded: {word}"))
                    .small()
                    .weak(),
            );
        }
        if shaded_by_mothers {
            // The parent's plot speaks to her.
            let like = if parent { "like you" } else { "like her" };
            ui.label(
                RichText::new(format!(
                    "shaded: 8 in 10 mothers {like}, darker the middle half"
                ))
                .small()
                .weak(),
            )
            .on_hover_text(super::mothers::WHAT_DIFFERS);
        }
    });
}

/// The legend's note of how curves `names` with a daily summary of `form` are drawn: as their
/// daily summary (`summarised`) or as their detail; the names are given when `named` (the plot
/// has other curves on).
pub(super) fn form_note(names: &[&str], named: bool, form: DailyForm, summarised: bool) -> String {
    let prefix = if named {
        format!("{}: ", names.join(", "))
    } else {
        String::new()
    };
    if summarised {
        let detail = match form {
            DailyForm::RangeAndMean => "the pulses",
            DailyForm::MeanByVolume => "each session",
        };
        format!(
            "{prefix}{} (zoom in to {DETAIL_MAX_VIEW_DAYS} days or less for {detail})",
            form.summary()
        )
    } else {
        format!("{prefix}{}", form.detail())
    }
}

/// A legend entry that shows or hides its curve: a swatch in the curve's colour and style, and
/// its name. Lives above the plot rather than over the data.
pub(super) fn legend_chip(
    ui: &mut Ui,
    name: &str,
    color: Color32,
    dashed: bool,
    shown: bool,
) -> egui::Response {
    // A hidden curve's name is struck through: it reads as "off", and clicking turns it on.
    let text = if shown {
        RichText::new(name)
    } else {
        RichText::new(name).strikethrough()
    };
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let size = egui::vec2(20.0 + galley.size().x, galley.size().y.max(12.0));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let swatch = if shown {
        color
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.4)
    };
    let y = rect.center().y;
    let stroke = Stroke::new(2.5, swatch);
    let painter = ui.painter();
    if dashed {
        painter.line_segment(
            [
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.left() + 6.0, y),
            ],
            stroke,
        );
        painter.line_segment(
            [
                egui::pos2(rect.left() + 10.0, y),
                egui::pos2(rect.left() + 15.0, y),
            ],
            stroke,
        );
    } else {
        painter.line_segment(
            [
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.left() + 15.0, y),
            ],
            stroke,
        );
    }
    let text_color = if shown {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.6)
    };
    painter.galley(
        egui::pos2(rect.left() + 19.0, rect.top()),
        galley,
        text_color,
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, ui.is_enabled(), shown, name)
    });
    response.on_hover_text(if shown {
        "Click to hide"
    } else {
        "Click to show"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_says_which_form_is_drawn() {
        assert_eq!(
            form_note(&["prolactin"], true, DailyForm::RangeAndMean, true),
            "prolactin: daily range and mean (zoom in to 7 days or less for the pulses)"
        );
        assert_eq!(
            form_note(&["prolactin"], true, DailyForm::RangeAndMean, false),
            "prolactin: pulses"
        );
        assert_eq!(
            form_note(&["fat", "lactose"], false, DailyForm::MeanByVolume, true),
            "daily mean, weighted by milk removed (zoom in to 7 days or less for each session)"
        );
        assert_eq!(
            form_note(&["fat"], false, DailyForm::MeanByVolume, false),
            "per session"
        );
    }
}
