//! Every character the window writes is in its fonts. A character no font has is drawn as an
//! empty box on the desktop, and in the browser eframe draws it with a canvas the first time it
//! appears (the Help menu's "File → Open…" held the page for half a second in headless
//! Chromium). egui_kittest stops a test at such a character: one test goes through both faces
//! of the window, every menu, every parent's question, every preset and every Help window; the
//! other holds every character of the program's text and presets to the window's fonts (text
//! only some states show: a warning, a hover, the browser's own Help lines).
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lactosim::app::files::NoDialogs;
use lactosim::app::{App, Audience, Command};
use lactosim::examples::EXAMPLES;
use lactosim::model::pharmacology::Substance;
use lactosim::questions::Question;
use lactosim::view::SideTab;

/// Mothers like her: few, for a debug build (the parent's face shows how mothers differ).
const TEST_MOTHERS: usize = 20;

/// Run frames until the window is still.
fn settle(h: &mut Harness<'static, App>) {
    let ctx = h.ctx.clone();
    for _ in 0..20 {
        h.step();
        h.state_mut().wait_for_run(&ctx);
        h.state_mut().wait_for_mothers(&ctx);
        h.step();
        if !h.state().busy() && !h.state().mothers_busy() {
            break;
        }
    }
    h.run();
}

/// Open each menu of the menu bar, look, close it.
fn every_menu(h: &mut Harness<'static, App>) {
    for menu in ["File", "Edit", "View", "Compare", "Share", "Help"] {
        // The menu bar's (the first: "Compare" is also a tab and a button).
        h.query_all_by_label(menu)
            .next()
            .unwrap_or_else(|| panic!("no {menu} menu"))
            .click();
        h.run();
        h.key_press(Key::Escape);
        h.run();
    }
}

/// Her baby's age typed into the weeks field: click it, type, Enter.
fn type_weeks(h: &mut Harness<'static, App>, weeks: &str) {
    h.query_all_by_role(egui::accesskit::Role::SpinButton)
        .next()
        .expect("the weeks field")
        .click();
    settle(h);
    h.query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the weeks field, being edited")
        .type_text(weeks);
    settle(h);
    h.key_press(Key::Enter);
    settle(h);
}

#[test]
fn every_character_the_window_writes_is_in_its_fonts() {
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.audience = None;
    app.mothers.members = TEST_MOTHERS;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    settle(&mut h);

    // The parent's face: the welcome, the menus, every question and the windows answers open.
    h.get_by_label("I'm a parent").click();
    settle(&mut h);
    every_menu(&mut h);
    type_weeks(&mut h, "5");
    h.state_mut().mothers.switch_off();
    for question in Question::ALL {
        h.get_by_label(question.button()).click();
        settle(&mut h);
    }

    // The clinician's face: every side tab, the menus, every preset, every Help window.
    h.state_mut().choose_audience(Audience::Clinician);
    settle(&mut h);
    for tab in SideTab::ALL {
        h.state_mut().tab = tab;
        h.run();
    }
    every_menu(&mut h);
    let ctx = h.ctx.clone();
    for i in 0..EXAMPLES.len() {
        h.state_mut().command(Command::OpenExample(i), &ctx);
        settle(&mut h);
    }
    h.state_mut().command(Command::ShowHowMilkIsMade, &ctx);
    settle(&mut h);
    h.state_mut().command(
        Command::ShowWhatReachesTheMilk(Some(Substance::Domperidone)),
        &ctx,
    );
    settle(&mut h);
    h.state_mut().command(Command::ShowValidation, &ctx);
    h.step();
    h.state_mut().validation.wait();
    h.run();
    assert!(h.state().validation.checked().is_some());
    h.get_by_label("D5");
}

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
