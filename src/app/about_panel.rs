//! The scenario itself: its name (editable in the header, where it is read), and under *About*
//! what lactosim is, the description, the baby's date of birth and the seed.

use egui::Ui;

use crate::Scenario;
use crate::calendar::CivilDate;
use crate::edit::Edit;

use super::document::Document;

/// The scenario's name as the header's title, edited in place (a click puts the cursor in it);
/// a dot after it while there are unsaved changes. In an exported figure, plain text.
pub(super) fn name_ui(ui: &mut Ui, doc: &Document, exporting: bool, edits: &mut Vec<Edit>) {
    let dirty = doc.is_dirty();
    let font = egui::TextStyle::Heading;
    if exporting {
        ui.heading(&doc.scenario.name);
        return;
    }
    let mut name = doc.scenario.name.clone();
    let text_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(
            name.clone(),
            font.resolve(ui.style()),
            ui.visuals().text_color(),
        )
        .size()
        .x
    });
    // At most 60% of the width (but never less than 120 points: a phone's header can be
    // narrower than 200 points).
    let widest = (ui.available_width() * 0.6).max(120.0);
    let width = text_width.clamp(120.0, widest) + 12.0;
    // A name longer than that wraps (on a phone "Healthy term baby, fed on demand" was cut to
    // "…fed on der"); Enter still inserts no new line.
    let editor = if text_width <= widest {
        egui::TextEdit::singleline(&mut name)
    } else {
        egui::TextEdit::multiline(&mut name)
            .desired_rows(1)
            .return_key(None)
    };
    let r = ui
        .add(
            editor
                .font(font)
                .frame(egui::Frame::NONE)
                .hint_text("Name this scenario")
                .desired_width(width),
        )
        .accessible_name("Scenario name")
        .on_hover_text("The scenario's name: click to rename it (Undo brings the old one back).");
    if r.changed() {
        // One line, whatever was pasted.
        edits.push(Edit::SetName(name.replace(['\n', '\r'], " ")));
    }
    if dirty {
        ui.heading("•")
            .on_hover_text("Unsaved changes (Ctrl+S saves).");
    }
}

/// The baby's date of birth, typed as year-month-day; what is typed stays while it is not a
/// date yet, with the reason beside it.
fn birth_date_ui(ui: &mut Ui, sc: &Scenario, edits: &mut Vec<Edit>) {
    // The text as typed, with the date it last agreed with: an undo or another file resets it.
    let id = ui.scope_id().with("birth date text");
    let shown = || sc.birth_date.map(|d| d.to_string()).unwrap_or_default();
    let (mut text, mut synced) = ui
        .data(|d| d.get_temp::<(String, Option<CivilDate>)>(id))
        .filter(|(_, synced)| *synced == sc.birth_date)
        .unwrap_or_else(|| (shown(), sc.birth_date));
    ui.horizontal(|ui| {
        let label = ui.label("Date of birth");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("e.g. 2026-06-01")
                    .desired_width(110.0),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "The baby's date of birth, year-month-day (optional). It gives each day its \
                 weekday and date, on the time axis and wherever weekdays are chosen; without \
                 it, day 0 counts as a Monday.",
            );
        if r.changed()
            && let Ok(date) = CivilDate::parse_optional(&text)
            && date != sc.birth_date
        {
            edits.push(Edit::SetBirthDate(date));
            synced = date;
        }
        match CivilDate::parse_optional(&text) {
            Ok(Some(d)) => {
                ui.weak(format!("a {}", d.weekday().long()));
            }
            Ok(None) => {
                ui.weak("none: day 0 counts as a Monday");
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, (text, synced)));
}

/// What lactosim is, and is not.
pub(super) const ABOUT: &str = "lactosim simulates how breast-milk supply is controlled: each breast's own \
    feedback (milk left in slows its making), prolactin and the let-down reflex. Its defaults \
    and ranges come from published studies (each parameter names its source). It is a model for \
    learning and exploring: its numbers show how the parts work together and what a change tends \
    to do, not what will happen to one mother and baby. It is not medical advice.";

/// What lactosim is; the scenario's name, description and seed.
pub(super) fn ui(ui: &mut Ui, sc: &Scenario, edits: &mut Vec<Edit>) {
    ui.label(ABOUT);
    ui.separator();
    let label = ui.label("Name");
    let mut name = sc.name.clone();
    if ui
        .add(egui::TextEdit::singleline(&mut name).desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
    {
        edits.push(Edit::SetName(name));
    }
    let label = ui.label("Description: what the scenario shows and what to look at");
    let mut description = sc.description.clone();
    if ui
        .add(
            egui::TextEdit::multiline(&mut description)
                .desired_rows(8)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        edits.push(Edit::SetDescription(description));
    }
    birth_date_ui(ui, sc, edits);
    ui.horizontal(|ui| {
        let label = ui.label("Seed of the let-down timing");
        let mut seed = sc.seed;
        if ui
            .add(egui::DragValue::new(&mut seed))
            .labelled_by(label.id)
            .on_hover_text(
                "Let-downs come at slightly random times; the same seed gives the same run.",
            )
            .changed()
        {
            edits.push(Edit::SetSeed(seed));
        }
    });
    if !sc.written_by.is_empty() {
        ui.weak(format!("Written by {}", sc.written_by));
    }
}
