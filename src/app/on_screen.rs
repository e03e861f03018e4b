//! Windows that fit the screen. On a phone (390 points wide) windows sized for a laptop were cut
//! at the screen's edges: the welcome's two choices read "arent" and "inician or researcher",
//! and *What reaches the milk* lost its plot's right half and the ends of its sentences.

use egui::{Context, Window};

/// Room a window leaves at each side of the screen, points (a modal's own frame included).
const SIDE_MARGIN: f32 = 16.0;

/// Where windows open: under the menu bar, clear of the side panel on a wide screen.
const TOP_LEFT: [f32; 2] = [390.0, 60.0];

/// `wanted`, or the width of the screen less its margins if that is less.
pub fn width(ctx: &Context, wanted: f32) -> f32 {
    wanted
        .min(ctx.content_rect().width() - 2.0 * SIDE_MARGIN)
        .max(0.0)
}

/// The width a modal's contents may take (its frame's margins besides the screen's).
pub fn modal_width(ctx: &Context, wanted: f32) -> f32 {
    width(ctx, wanted + 2.0 * SIDE_MARGIN) - 2.0 * SIDE_MARGIN
}

/// A window of about `size` points, opening under the menu bar and never wider than the screen
/// (on a phone it takes the screen's width, and its words wrap).
pub fn sized<'a>(window: Window<'a>, ctx: &Context, size: [f32; 2]) -> Window<'a> {
    let screen = ctx.content_rect();
    let w = width(ctx, size[0]);
    let left = if TOP_LEFT[0] + w <= screen.right() - SIDE_MARGIN {
        TOP_LEFT[0]
    } else {
        SIDE_MARGIN.max(screen.right() - SIDE_MARGIN - w)
    };
    window
        .default_pos([left, TOP_LEFT[1]])
        .default_size([w, size[1].min(screen.height() - TOP_LEFT[1] - SIDE_MARGIN)])
        .max_width(width(ctx, f32::INFINITY))
}
