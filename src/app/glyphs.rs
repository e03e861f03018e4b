//! Symbols in the window's text. egui's proportional font (Ubuntu Light) has no arrows ("→",
//! "◀", "▶", "↔") and no "∼": on the desktop they were drawn as empty boxes, and in the browser
//! eframe drew each with a canvas the first time it appeared (half a second for the Help menu's
//! "File → Open…" in headless Chromium). [`install_fonts`] puts egui's bundled monospace font,
//! Hack, which has them, behind it; [`drawable`] still writes the plain way anything neither has
//! (text from the library: sources, validation rows).

use std::borrow::Cow;

use egui::{Context, FontFamily};

/// Hack, egui's bundled monospace font, as the last fallback of the proportional family (it is
/// in the program already: no font is added to the download). Cheap once done: every frame calls
/// it, so that every way the window is started (eframe, the tests' harness) has the fonts.
pub fn install_fonts(ctx: &Context) {
    let has_fallback = ctx.fonts(|f| {
        f.definitions()
            .families
            .get(&FontFamily::Proportional)
            .is_some_and(|fonts| fonts.iter().any(|name| name == SYMBOL_FALLBACK))
    });
    if has_fallback {
        return;
    }
    let mut fonts = ctx.fonts(|f| f.definitions().clone());
    if !fonts.font_data.contains_key(SYMBOL_FALLBACK) {
        return;
    }
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .push(SYMBOL_FALLBACK.to_owned());
    ctx.set_fonts(fonts);
}

/// The font the proportional family falls back on for symbols.
const SYMBOL_FALLBACK: &str = "Hack";

/// Plain spellings of symbols the default fonts may lack.
const PLAIN: [(char, &str); 12] = [
    ('→', "->"),
    ('←', "<-"),
    ('↔', "<->"),
    ('≈', "~"),
    ('≥', ">="),
    ('≤', "<="),
    ('≠', "!="),
    ('−', "-"),
    ('±', "+/-"),
    ('×', "x"),
    ('…', "..."),
    ('∼', "~"),
];

/// `text`, with every character the proportional font cannot draw written the plain way (or as
/// "?" when there is none).
pub fn drawable<'a>(ctx: &Context, text: &'a str) -> Cow<'a, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    ctx.fonts_mut(|fonts| {
        let font = egui::FontId::new(14.0, FontFamily::Proportional);
        if fonts.has_glyphs(&font, text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() || fonts.has_glyph(&font, c) {
                out.push(c);
            } else {
                out.push_str(
                    PLAIN
                        .iter()
                        .find(|(s, _)| *s == c)
                        .map_or("?", |(_, plain)| plain),
                );
            }
        }
        Cow::Owned(out)
    })
}
