//! The plots of a run made from it, one plot at a time ([`PlotsInPieces`]): a year's plots take
//! 45–75 ms in a browser here, more than a frame may be held, so in the browser each plot is a
//! piece of the run's job of its own (on the desktop they are made one after the other at once,
//! [`RunPlots::prepare`]). Each function below owns one plot: what it draws and how.

use egui::Color32;
use egui_plot::PlotPoint;

use super::day_summary::SessionValue;
use super::plot_data::{
    Curve, Daily, DoseMark, MADE_COLOR, MEDICINE_COLOR, OXYTOCIN_MAX_VIEW_DAYS, OXYTOCIN_SCALE,
    PlotData, PlotKind, REMOVED_COLOR, Readout, RunPlots, SessionBar, breast_color,
};
use crate::run::{Component, EventKind, Run};
use crate::scenario::{Breast, Scenario};

/// The plots in the order [`RunPlots::plots`] holds them (a run and its baseline are drawn
/// curve for curve in this order).
const ORDER: [PlotKind; 8] = [
    PlotKind::Supply,
    PlotKind::Breasts,
    PlotKind::Hormones,
    PlotKind::Medicine,
    PlotKind::Composition,
    PlotKind::Sodium,
    PlotKind::YourSupply,
    PlotKind::HerSessions,
];

/// The plots of one run being made, a plot a step, then the session bars.
pub struct PlotsInPieces {
    /// The run's sample times in days (the x of every curve sampled over time).
    days: Vec<f64>,
    made: Vec<(PlotKind, PlotData)>,
    sessions: Option<Vec<SessionBar>>,
}

impl PlotsInPieces {
    pub fn new(run: &Run) -> Self {
        Self {
            days: run.series.t_h.iter().map(|t| t / 24.0).collect(),
            made: Vec::with_capacity(ORDER.len()),
            sessions: None,
        }
    }

    pub fn is_done(&self) -> bool {
        self.sessions.is_some()
    }

    /// The share of the pieces made, 0 to 1.
    pub fn done_fraction(&self) -> f64 {
        (self.made.len() + usize::from(self.sessions.is_some())) as f64 / (ORDER.len() + 1) as f64
    }

    /// Make the next plot (or, after the last, the session bars).
    pub fn step(&mut self, scenario: &Scenario, run: &Run) {
        let Some(&kind) = ORDER.get(self.made.len()) else {
            self.sessions.get_or_insert_with(|| session_bars(run));
            return;
        };
        let x = Sampled {
            days: &self.days,
            run,
        };
        let data = match kind {
            PlotKind::Supply => supply(&x),
            PlotKind::Breasts => breasts(&x, scenario),
            PlotKind::Hormones => hormones(&x),
            PlotKind::Medicine => medicine(&x, scenario),
            PlotKind::Composition => composition(run),
            PlotKind::Sodium => sodium(run),
            PlotKind::YourSupply => your_supply(&x),
            PlotKind::HerSessions => her_sessions(run),
        };
        self.made.push((kind, data));
    }

    /// The plots, once [`Self::is_done`].
    pub fn finish(self, scenario: &Scenario, run: &Run) -> RunPlots {
        debug_assert!(self.is_done(), "plots finished before they were made");
        RunPlots {
            horizon_days: run.horizon_h / 24.0,
            calendar: scenario.calendar(),
            plots: self.made,
            sessions: self.sessions.unwrap_or_default(),
            has_medicine: has_medicine(scenario),
        }
    }
}

impl RunPlots {
    /// Every plot of `run`, at once.
    pub fn prepare(scenario: &Scenario, run: &Run) -> Self {
        let mut pieces = PlotsInPieces::new(run);
        while !pieces.is_done() {
            pieces.step(scenario, run);
        }
        pieces.finish(scenario, run)
    }
}

/// The scenario has a course of medicine: the plot of its effect is drawn.
fn has_medicine(scenario: &Scenario) -> bool {
    !scenario.schedule.mother_takes.is_empty()
}

/// A run's samples over time, with their times in days.
struct Sampled<'a> {
    days: &'a [f64],
    run: &'a Run,
}

impl Sampled<'_> {
    /// A curve of `y`, one point per sample.
    fn series(&self, name: &str, color: Color32, readout: Readout, y: &[f64]) -> Curve {
        Curve {
            name: name.to_owned(),
            color,
            dashed: false,
            markers: false,
            hidden_at_first: false,
            same_in_baseline: false,
            per_day: false,
            readout,
            axis_scale: 1.0,
            max_view_days: None,
            points: self
                .days
                .iter()
                .zip(y)
                .map(|(&x, &v)| PlotPoint::new(x, v))
                .collect(),
            daily: None,
        }
    }
}

const ML_DAY: Readout = Readout::plain("ml/day", 0);

fn supply(x: &Sampled) -> PlotData {
    let s = &x.run.series;
    let mut supply = PlotData::default();
    supply.curves.push(x.series(
        "milk made, last 24 h",
        MADE_COLOR,
        ML_DAY,
        &s.production_24h_ml,
    ));
    supply.curves.push(x.series(
        "milk removed, last 24 h",
        REMOVED_COLOR,
        ML_DAY,
        &s.removed_24h_ml,
    ));
    let mut appetite = x.series(
        "baby's appetite",
        Color32::GRAY,
        ML_DAY,
        &s.appetite_ml_per_day,
    );
    appetite.dashed = true;
    supply.curves.push(appetite);
    supply.curves.push(Curve {
        name: "baby's intake at the breast, per day".into(),
        // Dark gold: apart from the greens and purples of made and removed.
        color: Color32::from_rgb(0xc8, 0x96, 0x0c),
        dashed: false,
        markers: true,
        hidden_at_first: false,
        same_in_baseline: false,
        per_day: true,
        readout: ML_DAY,
        axis_scale: 1.0,
        max_view_days: None,
        points: x
            .run
            .days
            .iter()
            .map(|d| PlotPoint::new(d.day as f64 + 0.5, d.intake_ml))
            .collect(),
        daily: None,
    });
    // Each breast's rates, drawn as ml/day to compare with the daily totals: the synthesis
    // rate (spiky between feeds, so hidden at first) and the secretory capacity (dashed).
    let per_day_of_per_h = Readout {
        unit: "ml/day",
        decimals: 0,
        also: Some((24.0, "ml/h")),
    };
    for b in Breast::BOTH {
        let g = s.gland(b);
        for (what, per_h, hidden_at_first, dashed) in [
            ("synthesis rate", &g.synthesis_ml_per_h, true, false),
            (
                "secretory capacity",
                &g.secretory_capacity_ml_per_h,
                false,
                true,
            ),
        ] {
            let per_day: Vec<f64> = per_h.iter().map(|v| v * 24.0).collect();
            let mut curve = x.series(
                &format!("{} {what}", b.name()),
                breast_color(b),
                per_day_of_per_h,
                &per_day,
            );
            curve.hidden_at_first = hidden_at_first;
            curve.dashed = dashed;
            supply.curves.push(curve);
        }
    }
    supply
}

/// Her own numbers: what the model removes at each session, beside her log's amounts (drawn
/// by the plot view over these, from the log).
fn her_sessions(run: &Run) -> PlotData {
    let mut her_sessions = PlotData::default();
    her_sessions.curves.push(Curve {
        name: "removed at each session (model)".into(),
        color: REMOVED_COLOR,
        dashed: false,
        markers: true,
        hidden_at_first: false,
        same_in_baseline: false,
        per_day: false,
        readout: Readout::plain("ml", 0),
        axis_scale: 1.0,
        max_view_days: None,
        points: run
            .completed_sessions()
            .map(|x| PlotPoint::new(x.start_h / 24.0, x.removed_ml.iter().sum::<f64>()))
            .collect(),
        daily: None,
    });
    her_sessions
}

/// The parent's face: the milk she makes and what her baby needs, in her words.
fn your_supply(x: &Sampled) -> PlotData {
    let s = &x.run.series;
    let mut your_supply = PlotData::default();
    your_supply.curves.push(x.series(
        "milk you make a day",
        MADE_COLOR,
        ML_DAY,
        &s.production_24h_ml,
    ));
    let mut needs = x.series(
        "what your baby needs a day",
        Color32::GRAY,
        ML_DAY,
        &s.appetite_ml_per_day,
    );
    needs.dashed = true;
    needs.same_in_baseline = true;
    your_supply.curves.push(needs);
    your_supply
}

/// What each breast holds, its capacity and when it is engorged.
fn breasts(x: &Sampled, scenario: &Scenario) -> PlotData {
    let mut breasts = PlotData::default();
    for b in Breast::BOTH {
        breasts.curves.push(x.series(
            &format!("{} breast", b.name()),
            breast_color(b),
            Readout::plain("ml", 0),
            &x.run.series.gland(b).stored_ml,
        ));
        breasts.levels.push((
            format!("{} storage capacity", b.name()),
            scenario.mother.storage_capacity_ml(b),
            breast_color(b).gamma_multiply(0.5),
        ));
    }
    breasts.engorged = x
        .run
        .engorged_spans()
        .into_iter()
        .map(|(b, t0, t1)| (b, t0 / 24.0, t1 / 24.0))
        .collect();
    breasts
}

/// Prolactin on the left axis, oxytocin scaled onto the right one, let-downs and doses marked
/// beneath.
fn hormones(x: &Sampled) -> PlotData {
    let s = &x.run.series;
    let mut hormones = PlotData::default();
    let mut prolactin = x.series(
        "prolactin",
        Color32::from_rgb(0xd3, 0x54, 0x00),
        Readout::plain("ng/ml", 0),
        &s.prolactin_ng_ml,
    );
    prolactin.daily = Some(Daily::range_and_mean(&prolactin.points));
    hormones.curves.push(prolactin);
    let scaled: Vec<f64> = s
        .oxytocin_pg_ml
        .iter()
        .map(|v| v * OXYTOCIN_SCALE)
        .collect();
    let mut oxytocin = x.series(
        "oxytocin (right axis)",
        Color32::from_rgb(0xc0, 0x39, 0x8b),
        Readout::plain("pg/ml", 1),
        &scaled,
    );
    oxytocin.axis_scale = OXYTOCIN_SCALE;
    oxytocin.max_view_days = Some(OXYTOCIN_MAX_VIEW_DAYS);
    hormones.curves.push(oxytocin);
    hormones.letdowns_days = x.run.letdown_times_h().map(|t| t / 24.0).collect();
    hormones.marks_y = -0.06
        * hormones
            .curves
            .iter()
            .flat_map(|c| &c.points)
            .map(|p| p.y)
            .fold(0.0, f64::max);
    hormones.doses = doses(x.run);
    hormones.doses_y = 2.0 * hormones.marks_y;
    hormones
}

/// What the mother takes, as marks at the times of its doses.
fn doses(run: &Run) -> Vec<DoseMark> {
    run.events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Dose {
                substance, dose_mg, ..
            } => Some(DoseMark {
                t_days: e.t_h / 24.0,
                substance,
                mg: dose_mg,
            }),
            _ => None,
        })
        .collect()
}

/// A medicine's effect on prolactin release. The curve is always there (empty without a
/// course), so that a run and its baseline have the same curves in the same order.
fn medicine(x: &Sampled, scenario: &Scenario) -> PlotData {
    let factor = &x.run.series.prolactin_release_factor;
    let has_medicine = has_medicine(scenario);
    let mut medicine = PlotData::default();
    medicine.curves.push(x.series(
        "prolactin release (medicine)",
        MEDICINE_COLOR,
        Readout::plain("× normal", 2),
        if has_medicine { factor.as_slice() } else { &[] },
    ));
    if has_medicine {
        medicine
            .levels
            .push(("without medicine (× 1)".into(), 1.0, Color32::GRAY));
        let top = factor.iter().fold(1.0_f64, |a, &b| a.max(b));
        medicine.doses = doses(x.run);
        medicine.doses_y = -0.06 * top;
    }
    medicine
}

/// A component of the milk removed, one point per session that removed milk (not a session cut
/// short by the end of the run: its milk is not that of a whole feed); over a long view, each
/// day's mean weighted by the milk each session removed.
fn session_curve(run: &Run, c: Component, color: Color32, decimals: usize) -> Curve {
    let values: Vec<SessionValue> = run
        .completed_sessions()
        .filter(|x| x.took_milk())
        .map(|x| SessionValue {
            x_days: (x.start_h + x.end_h) / 48.0,
            value: x.milk.get(c),
            removed_ml: x.total_removed_ml(),
        })
        .collect();
    Curve {
        name: c.name().to_owned(),
        color,
        dashed: false,
        markers: false,
        hidden_at_first: false,
        same_in_baseline: false,
        per_day: false,
        readout: Readout::plain(c.unit(), decimals),
        axis_scale: 1.0,
        max_view_days: None,
        points: values
            .iter()
            .map(|v| PlotPoint::new(v.x_days, v.value))
            .filter(|p| p.y.is_finite())
            .collect(),
        daily: Some(Daily::mean_by_volume(&values)),
    }
}

fn composition(run: &Run) -> PlotData {
    let mut composition = PlotData::default();
    for (c, color, decimals) in [
        (Component::Fat, Color32::from_rgb(0xe6, 0xb8, 0x00), 1),
        (Component::Lactose, Color32::from_rgb(0x34, 0x98, 0xdb), 1),
        (Component::Protein, Color32::from_rgb(0x7f, 0x8c, 0x8d), 1),
        (Component::SIgA, Color32::from_rgb(0x27, 0xae, 0x60), 2),
        (
            Component::Lactoferrin,
            Color32::from_rgb(0xc0, 0x39, 0x2b),
            2,
        ),
    ] {
        composition
            .curves
            .push(session_curve(run, c, color, decimals));
    }
    composition
}

/// Sodium, with chloride and potassium ticked on in the legend.
fn sodium(run: &Run) -> PlotData {
    let mut sodium = PlotData::default();
    sodium.curves.push(session_curve(
        run,
        Component::Sodium,
        Color32::from_rgb(0x8e, 0x44, 0xad),
        1,
    ));
    for (c, color) in [
        (Component::Chloride, Color32::from_rgb(0x16, 0xa0, 0x85)),
        (Component::Potassium, Color32::from_rgb(0xb7, 0x95, 0x0b)),
    ] {
        let mut curve = session_curve(run, c, color, 1);
        curve.hidden_at_first = true;
        sodium.curves.push(curve);
    }
    sodium
}

/// Each session, as a bar under the plots.
fn session_bars(run: &Run) -> Vec<SessionBar> {
    run.sessions
        .iter()
        .enumerate()
        .map(|(index, x)| SessionBar {
            index,
            start_days: x.start_h / 24.0,
            end_days: x.end_h / 24.0,
            kind: x.kind,
            side: x.side,
            used: Breast::BOTH.map(|b| x.took_milk_from(b)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made a piece at a time: each step makes one more piece (progress rises to 1 with no
    /// step lost), and the result holds every plot the window draws, each from the run.
    #[test]
    fn plots_are_made_a_piece_at_a_time() {
        let sc = Scenario {
            horizon_days: 10.0,
            ..Scenario::default()
        };
        let run = crate::simulate(&sc).unwrap();
        let mut pieces = PlotsInPieces::new(&run);
        let mut fractions = vec![pieces.done_fraction()];
        while !pieces.is_done() {
            pieces.step(&sc, &run);
            fractions.push(pieces.done_fraction());
        }
        assert_eq!(fractions.len(), ORDER.len() + 2, "{fractions:?}");
        assert!(fractions.windows(2).all(|w| w[0] < w[1]), "{fractions:?}");
        assert_eq!(fractions.first(), Some(&0.0));
        assert_eq!(fractions.last(), Some(&1.0));
        let plots = pieces.finish(&sc, &run);
        for kind in PlotKind::ALL
            .into_iter()
            .chain([PlotKind::YourSupply, PlotKind::HerSessions])
        {
            let made = plots.plots.iter().filter(|(k, _)| *k == kind).count();
            assert_eq!(made, 1, "{kind:?}");
        }
        let supply = plots.get(PlotKind::Supply);
        assert_eq!(supply.curves[0].points.len(), run.series.t_h.len());
        assert_eq!(plots.sessions.len(), run.sessions.len());
        assert_eq!(plots.horizon_days, 10.0);
    }
}
