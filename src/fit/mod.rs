//! Her own numbers: the model driven by her log ([`driven`]), and fitted to it ([`estimate`]).

pub mod driven;
pub mod estimate;

pub use driven::{Placement, Residual, driven_scenario, mean_abs_misfit_ml, residuals};
pub use estimate::{Estimate, Fit, Fitted, fit};
