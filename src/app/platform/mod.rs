//! What differs between the desktop and the browser, in one place: how work too long for a frame
//! is done (a worker thread on the desktop; slices between frames in the browser, which has no
//! threads), how files come in and go out (dialogs and paths; a picked file and a download), where
//! the working state is kept (a recovery file; the browser's local storage), the page's address
//! (for links) and how the window starts. Every panel, plot and model is the same on both.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// Work too long for one frame, done a bounded piece at a time.
///
/// On the desktop a job runs to its end on a worker thread ([`Job::run_to_end`]); in the browser
/// the window does a few of its [`Job::step`]s between frames, so that the page never stops
/// answering for long ([`SLICE_BUDGET_MS`]).
pub trait Job: Send + 'static {
    type Output: Send + 'static;
    /// Do the next piece (a few milliseconds at most); the output once the work is done.
    fn step(&mut self) -> Option<Self::Output>;
    /// How much is done, 0 to 1.
    fn done_fraction(&self) -> f32 {
        0.0
    }
    /// Is the next piece one that takes long and cannot be cut (a run's plots, the bands of an
    /// ensemble)? In the browser it then waits for a frame of its own, rather than follow other
    /// slices in a frame already partly spent.
    fn next_piece_is_large(&self) -> bool {
        false
    }
    /// The whole work at once, on a thread of its own (where it may use every core), telling
    /// `progress` how far it is.
    fn run_to_end(mut self, progress: &Progress) -> Self::Output
    where
        Self: Sized,
    {
        loop {
            if let Some(out) = self.step() {
                progress.set(1.0);
                return out;
            }
            progress.set(self.done_fraction());
        }
    }
}

/// How far a started job is, shared between whoever runs it and the window (0 to 1, as bits).
#[derive(Clone, Default)]
pub struct Progress(Arc<AtomicU32>);

impl Progress {
    pub fn set(&self, fraction: f32) {
        self.0
            .store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
    }

    pub fn get(&self) -> f32 {
        f32::from_bits(self.0.load(Ordering::Relaxed))
    }
}

/// What [`Task::poll`] found.
pub enum Polled<T> {
    Ready(T),
    Pending,
    /// The job ended without an answer (its thread died).
    Lost,
}

/// In the browser, the most a window's slices of work take between two frames, milliseconds:
/// with the frame's own drawing, the page answers within about 50 ms whatever is computing.
pub const SLICE_BUDGET_MS: f64 = 25.0;

/// Is the person using a finger rather than a mouse: a screen whose main pointer is coarse (the
/// browser says so), or one that has been touched? The hints then speak of taps and pinches.
pub fn touch_first(ctx: &egui::Context) -> bool {
    coarse_pointer() || ctx.input(|i| i.has_touch_screen())
}
