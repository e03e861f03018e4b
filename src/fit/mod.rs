//! Her own numbers: the model driven by her log ([`driven`]), fitted to it ([`estimate`]), and
//! the fit in words ([`words`]).

pub mod driven;
pub mod estimate;
pub mod kent;
pub mod plan;
pub mod words;

pub use driven::{Placement, Residual, driven_scenario, mean_abs_misfit_ml, residuals};
pub use estimate::{Estimate, Fit, Fitted, fit};
pub use kent::{kent_storage_ml, used_range_ml};

/// Days a fitted scenario goes on after the log (its last day repeated), for "what if" from there.
pub const FUTURE_DAYS: f64 = 14.0;
