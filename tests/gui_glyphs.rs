//! Every character the window writes is in its fonts. A character no font has is drawn as an
//! empty box on the desktop, and in the browser eframe draws it with a canvas the first time it
//! appears (the Help menu's "File → Open…" held the page for half a second in headless
//! Chromium). egui_kittest stops a test at such a character: tests/gui_parent.rs goes through
//! both faces of the window, every menu, question, preset and Help window; this one holds every
//! character of the program's text and presets to the window's fonts (text only some states
//! show: a warning, a hover, the browser's own Help lines).
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;

use lactosim::app::App;
use lactosim::app::files::NoDialogs;

/// Every character other than ASCII in `text`, outside `//` comments.
fn written_characters(text: &str, into: &mut BTreeSet<char>) {
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        into.extend(code.chars().filter(|c| !c.is_ascii()));
    }
}

fn files_under(dir: &Path, ext: &str, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, into);
        } else if path.extension().is_some_and(|e| e == ext) {
            into.push(path);
        }
    }
}

#[test]
fn every_character_of_the_programs_text_and_presets_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("src"), "rs", &mut files);
    files_under(&root.join("presets"), "ron", &mut files);
    let mut written = BTreeSet::new();
    for file in &files {
        written_characters(&std::fs::read_to_string(file).unwrap(), &mut written);
    }
    // Known to be there: the check reads something.
    assert!(
        written.contains(&'→') && written.contains(&'≈'),
        "{written:?}"
    );
    let mut h = Harness::builder().with_size([400.0, 300.0]).build_ui_state(
        |ui, app: &mut App| app.frame_ui(ui),
        App::with_dialogs(Box::new(NoDialogs)),
    );
    h.run();
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let font = egui::FontId::new(14.0, family.clone());
        let missing: String = h.ctx.fonts_mut(|f| {
            written
                .iter()
                .filter(|c| !f.has_glyph(&font, **c))
                .collect()
        });
        assert!(
            missing.is_empty(),
            "{family:?} has no glyph for {missing:?} (written in src/ or presets/)"
        );
    }
}
