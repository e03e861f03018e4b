//! The fit in words: how well the model fits her log, and what the log cannot tell.

use super::driven::{
    Before, HISTORY_LABEL, PLAN_AFTER_LABEL, Placement, log_end_h, warm_up_from_day,
};
use super::estimate::{Fit, Fitted};
use crate::log::Log;
use crate::scenario::Scenario;
use crate::schedule::format_time_h;
use crate::schedule_words::rule_summary;

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
    let both = list.contains(&Fitted::StorageLeft) && list.contains(&Fitted::StorageRight);
    let names: Vec<String> = list
        .iter()
        .filter_map(|&f| match f {
            // One name for the two breasts' storage, not the same words twice.
            Fitted::StorageLeft if both => Some("her storage capacity, either breast".to_owned()),
            Fitted::StorageRight if both => None,
            _ => Some(whose(f)),
        })
        .collect();
    join_words(&names)
}

/// "a", "a and b", "a, b and c".
fn join_words(names: &[String]) -> String {
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
    // How much the log told, value by value, against how much mothers differ.
    let told: Vec<String> = fit
        .estimates
        .iter()
        .map(|e| {
            let short = match e.what {
                Fitted::StorageLeft => "her left breast's storage capacity",
                Fitted::StorageRight => "her right breast's",
                Fitted::SecretoryCapacity => "her secretory capacity",
                Fitted::Effectiveness => "the baby's effectiveness",
            };
            format!(
                "{short} to {:.0}%",
                100.0 * e.log_sd / e.what.prior_log_sd()
            )
        })
        .collect();
    out.push(format!(
        "Against how much mothers differ (100%), her log narrows the range of {}.",
        join_words(&told)
    ));
    if let Some(c) = fit
        .estimates
        .iter()
        .find(|e| e.what == Fitted::SecretoryCapacity)
    {
        out.push(format!(
            "At {:.1} ml/h a breast, the most her breasts can make, fully supported and kept empty, is about {:.0} ml a day: more sessions raise her supply only towards that.",
            c.value,
            (2.0 * 24.0 * c.value / 10.0).round() * 10.0
        ));
    }
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
            "This log says little about {}: {} mostly how mothers differ.{}",
            names(&fit.says_little_about),
            if fit.says_little_about.len() == 1 {
                "its range is"
            } else {
                "their ranges are"
            },
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

/// How her fitted scenario was put together, one line for each stretch of time: what came
/// before her log (which it does not show), her log, and her plan after it.
pub fn how_made(driven: &Scenario, log: &Log, at: Placement) -> Vec<String> {
    let mut out = Vec::new();
    let warm_from = warm_up_from_day(log, at);
    let first_h = at.log_zero_h + log.sessions.first().map_or(0.0, |s| s.start_h);
    let last_h = log_end_h(log, at);
    let history = rules_labelled(driven, HISTORY_LABEL);
    let from_birth = at.before == Before::FirstDayFromBirth;
    if from_birth {
        out.push(if history.is_empty() {
            "From birth to her log: its first day repeated daily (she is taken to have done so from birth).".to_owned()
        } else {
            format!(
                "From birth to her log (she is taken to have done as on its first day from birth): {}.",
                history.join("; ")
            )
        });
    } else if warm_from > 0.0 {
        out.push(format!(
            "Before day {warm_from}: the plan of the scenario she was fitted from (her log does not say what came before it)."
        ));
    }
    if !from_birth && first_h > warm_from * 24.0 {
        out.push(format!(
            "Day {warm_from} to her log: its first day repeated daily, so that her breasts start her log as they would after two weeks of it (supply settles to a new pattern within about a week, D1, D3)."
        ));
    }
    out.push(format!(
        "From {} to {}: the {} sessions of her log, as logged.",
        format_time_h(first_h),
        format_time_h(last_h),
        log.sessions.len()
    ));
    if driven.horizon_days * 24.0 > last_h + 1.0 {
        let rules = rules_labelled(driven, PLAN_AFTER_LABEL);
        if rules.is_empty() {
            out.push(format!(
                "After her log, to the end of day {}: its last day's sessions copied day by day (as recurring rules they would overlap on a breast).",
                driven.horizon_days - 1.0
            ));
        } else {
            out.push(format!(
                "After her log, to the end of day {} (to change it: Schedule, Recurring rules): {}.",
                driven.horizon_days - 1.0,
                rules.join("; ")
            ));
        }
    }
    out
}

/// The summaries of the rules `driven` made with `label`.
fn rules_labelled(driven: &Scenario, label: &str) -> Vec<String> {
    driven
        .schedule
        .rules
        .iter()
        .filter(|r| r.label.starts_with(label))
        .map(|r| rule_summary(r, driven.horizon_days))
        .collect()
}
