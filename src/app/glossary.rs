//! The glossary in the window: the few technical words the parent's face keeps, each
//! explained when the pointer rests on it.

use egui::{RichText, Ui};

use crate::questions::glossary::words_in;

/// The technical words of `text`, in a row after "Words:", each explained on hover, or under a
/// held finger (nothing when it has none).
pub(super) fn words_ui(ui: &mut Ui, text: &str) {
    let words = words_in(text);
    if words.is_empty() {
        return;
    }
    // A finger cannot point: egui opens a tooltip under a held finger.
    let how = if super::platform::touch_first(ui.ctx()) {
        "Words (press and hold one):"
    } else {
        "Words (point at one):"
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(how).small().weak());
        for (word, meaning) in words {
            ui.label(RichText::new(word).small().underline())
                .on_hover_text(meaning);
        }
    });
}

/// A plot's plain caption, with its words.
pub(super) fn caption(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).weak());
    words_ui(ui, text);
}
