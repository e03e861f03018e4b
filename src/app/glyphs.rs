//! Text from the library (sources, validation rows) may hold symbols egui's bundled fonts lack
//! ("→", "≥" …): they would be drawn as empty boxes. [`drawable`] writes them the plain way.

use std::borrow::Cow;

use egui::{Context, FontFamily};

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
