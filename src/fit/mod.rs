//! Her own numbers: the model driven by her log ([`driven`]), and fitted to it.

pub mod driven;

pub use driven::{Placement, Residual, driven_scenario, mean_abs_misfit_ml, residuals};
