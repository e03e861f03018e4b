//! Her own numbers: the model driven by her log ([`driven`]), fitted to it ([`estimate`]), and
//! the fit in words ([`words`]).

pub mod driven;
pub mod estimate;
pub mod kent;
pub mod plan;
pub mod words;

pub use driven::{Before, Placement, Residual, driven_scenario, mean_abs_misfit_ml, residuals};
pub use estimate::{Estimate, Fit, FitSteps, Fitted, fit};
pub use kent::{kent_storage_ml, used_range_ml};

/// Days a fitted scenario goes on after the log (its last day repeated), for "what if" from there.
pub const FUTURE_DAYS: f64 = 14.0;

/// Her scenario from a fit: her fitted mother driven by her log (its days as they were, then
/// [`FUTURE_DAYS`] of her plan after it), named after the log, described by the fit, and with
/// the spreads between mothers narrowed to the fit's ranges.
pub fn her_scenario(
    fit: &Fit,
    log: &crate::log::Log,
    at: Placement,
    log_name: &str,
) -> crate::scenario::Scenario {
    let mut sc = driven_scenario(&fit.mother, log, at, FUTURE_DAYS);
    sc.name = format!("Her log: {log_name}");
    sc.description = words::description(fit);
    sc.between_mothers = fit.between_mothers(&sc.between_mothers);
    sc
}
