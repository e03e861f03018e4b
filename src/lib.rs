//! lactosim: a physiological control-loop model of breast-milk supply.
//!
//! The flow is one way: a [`Scenario`] (parameters and schedule, exactly what a preset file
//! holds) goes through [`simulate`] into a [`Run`] (series, events, sessions, days), which the
//! GUI plots and the command line writes out.
//!
//! - [`scenario`], [`schedule`], [`absence`], [`mother_takes`], [`params`]: the input and its allowed
//!   ranges; [`calendar`]: the date of birth and the weekday of each day; [`back_to_work`]: the
//!   whole plan for going back to work from a few answers;
//!   [`placement`]: where a copied schedule entry goes so the schedule still runs;
//! - [`model`]: the physiology, one mechanism per file;
//! - [`sim`]: the integrator loop;
//! - [`run`]: the output; [`summary`] and [`warnings`] put it in plain words ([`schedule_words`]:
//!   the schedule's entries, one line each);
//! - [`preset`]: reading and writing RON files ([`plain_errors`]: a broken file in plain words); [`examples`]: the shipped presets, built in;
//!   [`export`]: CSV files;
//! - [`validate`]: the model against every published figure it can run (`lactosim validate`);
//! - [`view`]: which plots and tab the explorer shows; [`kept_state`]: what it keeps between
//!   starts and in its recovery file (read like any outside data);
//! - `app` (feature `gui`): the egui explorer, which only draws runs and edits scenarios.

/// The memory allocator of every program built on this crate (the window, the command line,
/// the tests and benchmarks): mimalloc keeps freed memory for the next run, where glibc's
/// allocator handed the few megabytes of a run's series back to the kernel after each run and
/// the next run paid ~600 page faults for them, a third of a 28-day run's time (measured with
/// `perf stat`; `docs/model.md`, Numerics). Feature `mimalloc` (on by default; off in the fuzz
/// build, whose sanitizer watches the system allocator), and not on the web.
#[cfg(all(feature = "mimalloc", not(target_arch = "wasm32")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod absence;
// The window draws and does not simulate: the platform's maths is fine there (clippy.toml).
#[cfg(feature = "gui")]
#[allow(clippy::disallowed_methods)]
pub mod app;
pub mod back_to_work;
pub mod calendar;
pub mod edit;
pub mod ensemble;
pub mod examples;
pub mod export;
pub mod fingerprint;
pub mod fit;
pub mod kept_state;
pub mod log;
pub mod model;
pub mod mother_takes;
pub mod params;
pub mod placement;
pub mod plain_errors;
pub mod preset;
pub mod questions;
pub mod run;
pub mod same_math;
pub mod scenario;
pub mod schedule;
pub mod schedule_words;
pub mod share_link;
pub mod sim;
pub mod summary;
pub mod validate;
pub mod view;
pub mod warnings;

pub use run::Run;
pub use scenario::Scenario;
pub use sim::{SimOptions, TraceSessions, simulate, simulate_with, trace_of};
