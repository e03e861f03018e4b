//! Notes that a scenario or its run left the range the model was checked against
//! (`docs/model.md`, `targets.md`), or that something clinically notable happened.

use crate::run::{EventKind, Run, Warning};
use crate::scenario::Scenario;

/// More pump sessions than this in a day is flagged: more than a mother can keep up.
pub const MAX_PUMP_SESSIONS_A_DAY: usize = 12;

pub fn warnings(sc: &Scenario, run: &Run) -> Vec<Warning> {
    let mut w = Vec::new();
    let mut say = |t_h: Option<f64>, message: String| w.push(Warning { t_h, message });
    let m = &sc.mother;
    if sc.horizon_days > 183.0 {
        say(
            None,
            "Beyond 6 months: the figures the model was checked against stop at 6 months, and solid foods change the baby's demand.".to_owned(),
        );
    }
    for (side, cap) in [
        ("left", m.storage_capacity_left_ml),
        ("right", m.storage_capacity_right_ml),
    ] {
        if !(74.0..=606.0).contains(&cap) {
            say(
                None,
                format!(
                    "The {side} storage capacity ({cap:.0} ml) is outside the 74–606 ml measured in women (E4)."
                ),
            );
        }
    }
    if m.stress_0_to_1 > 0.7 {
        say(
            None,
            "Very high stress: the model's let-down inhibition is qualitative (H7), not fitted to measurements at this level.".to_owned(),
        );
    }
    for (i, c) in sc.schedule.mother_takes.iter().enumerate() {
        let f = c.substance.figures();
        let usual = crate::model::pharmacology::mean_amount_mg(
            c.substance,
            f.usual_dose_mg,
            f.usual_every_h,
        );
        let this = crate::model::pharmacology::mean_amount_mg(c.substance, c.dose_mg, c.every_h);
        if this > 2.0 * usual {
            say(
                Some(c.from_day * 24.0),
                format!(
                    "Medicine {} ({}) is taken at more than twice the usual amount ({}): the model's dose–response was fitted to the usual doses.",
                    i + 1,
                    c.describe(),
                    f.usual_regimen
                ),
            );
        }
    }
    for (i, c) in sc.schedule.mother_takes.iter().enumerate() {
        if c.to_day > sc.horizon_days + 1e-9 {
            say(
                Some(c.from_day * 24.0),
                format!(
                    "Medicine {} ({}) goes on past the end of the run (day {}): lengthen the run under Mother & baby → Run to see all of it and what follows.",
                    i + 1,
                    c.describe(),
                    sc.horizon_days
                ),
            );
        }
    }
    // Sessions a person can keep up with in a day (D7: a baby feeds at most ≈ 18 times a day).
    for d in &run.days {
        if d.pump_sessions > MAX_PUMP_SESSIONS_A_DAY {
            say(
                Some(d.day as f64 * 24.0),
                format!(
                    "Day {}: {} pump sessions; more than {MAX_PUMP_SESSIONS_A_DAY} a day is more than a mother can keep up for long.",
                    d.day, d.pump_sessions
                ),
            );
            break;
        }
    }
    let mut unmet_from = None;
    let mut unmet_total = 0.0;
    let mut unmet_days = 0;
    for e in &run.events {
        if let EventKind::UnmetAppetite { day, unmet_ml } = e.kind {
            unmet_from.get_or_insert(day);
            unmet_total += unmet_ml;
            unmet_days += 1;
        }
    }
    if let Some(d) = unmet_from {
        say(
            Some(d as f64 * 24.0),
            format!(
                "From day {} the baby gets less than it wants at the breast on {} day(s), on average {:.0} ml/day short: in life it would need more feeds, a better latch or a supplement.",
                d,
                unmet_days,
                unmet_total / unmet_days as f64
            ),
        );
    }
    for kind in ["engorgement", "junctions_reopened", "involution"] {
        if let Some(e) = run.events.iter().find(|e| e.kind.name() == kind) {
            let day = (e.t_h / 24.0).floor() as i64;
            let (breast, what) = match &e.kind {
                EventKind::Engorgement { breast } => (
                    breast,
                    "became engorged (nearly full to capacity): a risk of blocked ducts and mastitis",
                ),
                EventKind::JunctionsReopened { breast } => (
                    breast,
                    "was left full for long, or is losing its secretory cells, and its tight junctions reopened: milk sodium rises, as in engorgement, mastitis or weaning",
                ),
                EventKind::Involution { breast } => (
                    breast,
                    "lost half of its secretory capacity: involution is under way",
                ),
                _ => continue,
            };
            say(
                Some(e.t_h),
                format!("Day {day}: the {} breast {what}.", breast.name()),
            );
        }
    }
    if run.days.len() > 14 {
        let late: Vec<f64> = run.days[14..]
            .iter()
            .map(|d| d.total_removed_ml())
            .collect();
        let min = late.iter().cloned().fold(f64::INFINITY, f64::min);
        let weaning = sc.infant.weaning.is_some();
        if min < 450.0 && !weaning {
            say(
                None,
                format!(
                    "Low supply: after two weeks less than 450 ml/day is removed on some days (lowest {min:.0} ml); the healthy range is 478–1356 ml/day (E1)."
                ),
            );
        }
    }
    w
}
