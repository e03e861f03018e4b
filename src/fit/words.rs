//! The fit in words: how well the model fits her log, and what the log cannot tell.

use super::estimate::{Fit, Fitted};

/// A fit is poor when it misses by more than this on average, ml …
pub const POOR_FIT_ML: f64 = 20.0;
/// … and more than this share of her average session.
pub const POOR_FIT_SHARE: f64 = 0.25;

/// "her storage capacity, left breast", "the baby's effectiveness at the breast".
fn whose(f: Fitted) -> String {
    match f {
        Fitted::Effectiveness => f.name().to_owned(),
        _ => format!("her {}", f.name()),
    }
}

fn names(list: &[Fitted]) -> String {
    let names: Vec<String> = list.iter().map(|&f| whose(f)).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].to_owned(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// How well the model fits, and the honest limits of the fit, one sentence each.
pub fn limits(fit: &Fit) -> Vec<String> {
    let mut out = Vec::new();
    let n = fit.sessions_compared();
    if n == 0 {
        out.push(
            "No logged session could be set beside the model's (none has an amount the run reached)."
                .to_owned(),
        );
        return out;
    }
    let misfit = fit.mean_abs_misfit_ml();
    let mean_observed =
        fit.residuals.iter().map(|r| r.observed_ml).sum::<f64>() / fit.residuals.len() as f64;
    let each = if fit.residuals.len() > n {
        ", each breast on its own where logged"
    } else {
        ""
    };
    out.push(format!(
        "The model fits her {n} sessions to within {misfit:.0} ml on average (her logged amounts average {mean_observed:.0} ml{each})."
    ));
    if misfit > POOR_FIT_ML && misfit > POOR_FIT_SHARE * mean_observed {
        out.push(
            "The fit is poor: the model misses something about her or the log (let-downs that do not come, a pump that fits badly, amounts logged wrongly, or a feed or pump session missing from the log); read the fitted values with care."
                .to_owned(),
        );
    }
    for (a, b, r) in &fit.cannot_tell_apart {
        out.push(format!(
            "This log cannot tell {} from {} (correlation {r:.2}): add test weights, or one 3-hour pumping of both breasts every hour (the protocol of Nommsen-Rivers 2020).",
            whose(*a),
            whose(*b)
        ));
    }
    if !fit.says_little_about.is_empty() {
        let storage = fit
            .says_little_about
            .iter()
            .any(|f| matches!(f, Fitted::StorageLeft | Fitted::StorageRight));
        out.push(format!(
            "This log says little about {}: its range is mostly how mothers differ.{}",
            names(&fit.says_little_about),
            if storage {
                " A breast's storage shows when it goes long without emptying: a longer gap between two sessions, or 24 hours of test weighing (Kent's method), would tell it."
            } else {
                ""
            }
        ));
    }
    out
}

/// The fitted scenario's description: what was fitted, and how well.
pub fn description(fit: &Fit) -> String {
    let values: Vec<String> = fit.estimates.iter().map(|e| e.words()).collect();
    format!(
        "Fitted to her log: {}. {}",
        values.join("; "),
        limits(fit).join(" ")
    )
}
