//! The sampled series: one row of the run's state every `sample_every_min`.
//!
//! During a session every sample is a stop of the integration, taken from the state itself.
//! Between sessions nothing moves fast, so the integration takes long steps (up to
//! `step_between_sessions_min`) and the samples that fall inside a step are read from its two
//! ends (dense output, as ODE solvers give it): the slow quantities (milk stored and made,
//! capacity, junctions, composition, what the mother takes) linearly, which over a quarter-hour
//! of steady synthesis differs from the integrated value by far less than a plot can show; the
//! two that still move fast after a session, prolactin and oxytocin, from their exact solutions
//! at that time.

use std::sync::Arc;

use super::Sim;
use crate::model::activation::junctions_open_after_birth;
use crate::model::composition::MilkTally;
use crate::model::infant::appetite_ml_per_day;
use crate::model::pathways::PathwayTotals;
use crate::model::{oxytocin, prolactin};
use crate::run::{Component, Composition};
use crate::same_math::SameMath;

/// The state one sample records (the 24-hour sums are worked out from the running totals).
#[derive(Clone, Copy, Debug)]
pub(super) struct Row {
    t_h: f64,
    prolactin_ng_ml: f64,
    oxytocin_pg_ml: f64,
    synthesized_ml: f64,
    removed_ml: f64,
    prolactin_release_factor: f64,
    /// Per breast: stored, fullness, synthesis rate, secretory capacity, junction leak.
    glands: [[f64; 5]; 2],
    /// Per breast: what each secretory pathway has moved since birth.
    pathways: [PathwayTotals; 2],
    stored_milk: Composition,
}

impl Row {
    /// The slow quantities a share `w` (0–1) of the way from `self` to `end`.
    fn towards(&self, end: &Row, w: f64) -> Row {
        let mix = |a: f64, b: f64| a + (b - a) * w;
        let mut milk = self.stored_milk;
        for c in Component::ALL {
            milk.set(c, mix(self.stored_milk.get(c), end.stored_milk.get(c)));
        }
        Row {
            t_h: mix(self.t_h, end.t_h),
            prolactin_ng_ml: mix(self.prolactin_ng_ml, end.prolactin_ng_ml),
            oxytocin_pg_ml: mix(self.oxytocin_pg_ml, end.oxytocin_pg_ml),
            synthesized_ml: mix(self.synthesized_ml, end.synthesized_ml),
            removed_ml: mix(self.removed_ml, end.removed_ml),
            prolactin_release_factor: mix(
                self.prolactin_release_factor,
                end.prolactin_release_factor,
            ),
            glands: std::array::from_fn(|i| {
                std::array::from_fn(|k| mix(self.glands[i][k], end.glands[i][k]))
            }),
            pathways: std::array::from_fn(|i| self.pathways[i].towards(&end.pathways[i], w)),
            stored_milk: milk,
        }
    }
}

/// What the slow part of the last step needs to give prolactin at any time inside it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct ProlactinStep {
    pub from_h: f64,
    pub course: prolactin::Course,
}

impl Sim {
    /// The state now, as a row (the slow part must have been brought up to now).
    pub(super) fn row(&self) -> Row {
        let birth_leak = junctions_open_after_birth(self.t, self.sc.mother.activation_delay_h);
        let mut all = MilkTally::default();
        let glands = std::array::from_fn(|i| {
            let g = &self.glands[i];
            all.add(g.stored_ml(), g.fat_g, &g.solutes);
            [
                g.stored_ml(),
                g.fullness(),
                g.synthesis_now_ml_per_h(),
                g.capacity_ml_per_h,
                g.leak(birth_leak),
            ]
        });
        Row {
            t_h: self.t,
            prolactin_ng_ml: self.prolactin_ng_ml,
            oxytocin_pg_ml: self.reflex.level_pg_per_ml,
            synthesized_ml: self.synth_total_ml,
            removed_ml: self.removed_total_ml,
            prolactin_release_factor: self.body.prolactin_release_factor(),
            glands,
            pathways: [self.glands[0].pathways, self.glands[1].pathways],
            stored_milk: all.composition(),
        }
    }

    /// Record a sample of the state now.
    pub(super) fn sample(&mut self) {
        self.flush_slow();
        let row = self.row();
        self.push(&row);
    }

    /// Record the samples due strictly inside the step from `start` to `end` (one slow step
    /// between sessions, see the module note).
    pub(super) fn samples_inside(&mut self, start: &Row, end: &Row) {
        let span_h = end.t_h - start.t_h;
        if span_h <= 0.0 {
            return;
        }
        let sc = Arc::clone(&self.sc);
        let o = &sc.mother.oxytocin;
        let oxytocin_tau_h = oxytocin::clearance_tau_h(o);
        let p = self.prolactin_step;
        // Oxytocin's and prolactin's decays at the first sample; from one sample to the next
        // they are multiplied by those of the spacing (three `exp`s a step, not three a sample).
        let decays = |oxytocin_h: f64, prolactin_h: f64| {
            let [kept, lag_kept] = p.course.decays(prolactin_h);
            [(-oxytocin_h / oxytocin_tau_h).libm_exp(), kept, lag_kept]
        };
        let first = self.next_sample_h;
        let mut now = decays(first - start.t_h, first - p.from_h);
        let spacing_h = self.opt.sample_every_min / 60.0;
        let mut spacing = None;
        while self.next_sample_h < end.t_h - 1e-9 {
            let t = self.next_sample_h;
            let mut row = start.towards(end, (t - start.t_h) / span_h);
            row.t_h = t;
            row.oxytocin_pg_ml = oxytocin::cleared(o, start.oxytocin_pg_ml, now[0]);
            row.prolactin_ng_ml = p.course.level(now[1], now[2]);
            self.push(&row);
            let by: [f64; 3] = *spacing.get_or_insert_with(|| decays(spacing_h, spacing_h));
            now = std::array::from_fn(|i| now[i] * by[i]);
        }
    }

    /// Record one sample.
    fn push(&mut self, row: &Row) {
        self.rows.push(*row);
        if self.rows.len() == ROW_BATCH {
            self.flush_rows();
        }
        self.sample_index += 1;
        self.next_sample_h = self.sample_index as f64 * self.opt.sample_every_min / 60.0;
    }

    /// Add the rows kept so far to the run's series.
    pub(super) fn flush_rows(&mut self) {
        let Self {
            rows,
            run,
            cum_synth_ml,
            cum_removed_ml,
            opt,
            sc,
            ..
        } = self;
        let s = &mut run.series;
        let first = s.t_h.len();
        let col = |value: fn(&Row) -> f64| rows.iter().map(value);
        s.t_h.extend(col(|r| r.t_h));
        s.prolactin_ng_ml.extend(col(|r| r.prolactin_ng_ml));
        s.oxytocin_pg_ml.extend(col(|r| r.oxytocin_pg_ml));
        cum_synth_ml.extend(col(|r| r.synthesized_ml));
        cum_removed_ml.extend(col(|r| r.removed_ml));
        let n = s.t_h.len();
        let every = opt.sample_every_min;
        s.production_24h_ml
            .extend(last_24h(cum_synth_ml, &s.t_h, first..n, every));
        s.removed_24h_ml
            .extend(last_24h(cum_removed_ml, &s.t_h, first..n, every));
        s.appetite_ml_per_day
            .extend(rows.iter().map(|r| appetite_ml_per_day(&sc.infant, r.t_h)));
        s.prolactin_release_factor
            .extend(col(|r| r.prolactin_release_factor));
        for (i, g) in s.glands.iter_mut().enumerate() {
            let col = |k: usize| rows.iter().map(move |r| r.glands[i][k]);
            g.stored_ml.extend(col(0));
            g.fullness_0_to_1.extend(col(1));
            g.synthesis_ml_per_h.extend(col(2));
            g.secretory_capacity_ml_per_h.extend(col(3));
            g.junction_leak_0_to_1.extend(col(4));
            g.pathways.extend(rows.iter().map(|r| r.pathways[i]));
        }
        s.stored_milk.extend(rows.iter().map(|r| r.stored_milk));
        rows.clear();
    }
}

/// Rows kept before they are added to the run's series. Recording whole rows and adding them
/// to the columns a batch at a time costs a third of what pushing onto twenty-odd columns at
/// every sample did, and a small batch is reused in the cache (a buffer of all the run's rows
/// was 1.5 MB more to fault in every run, which cost more than it saved).
pub(super) const ROW_BATCH: usize = 256;

/// The 24-hour sums of a running total at samples `range` (times `t_h`); before a full day has
/// passed, the partial window scaled up to a day.
fn last_24h<'a>(
    total: &'a [f64],
    t_h: &'a [f64],
    range: std::ops::Range<usize>,
    sample_every_min: f64,
) -> impl Iterator<Item = f64> + 'a {
    let per_day = (24.0 * 60.0 / sample_every_min).round() as usize;
    range.map(move |n| {
        let j = n.saturating_sub(per_day);
        let scale = if n >= per_day {
            1.0
        } else {
            let span_h = (t_h[n] - j as f64 * sample_every_min / 60.0).max(1e-9);
            24.0 / span_h.max(1.0)
        };
        (total[n] - total[j]) * scale
    })
}

#[cfg(test)]
mod tests {
    use super::super::*;

    /// From one moment between sessions, the same hour stepped as the run steps it (half an hour,
    /// samples read inside) and in steps of 5 minutes (every sample a stop): the samples agree.
    #[test]
    fn samples_inside_a_long_step_agree_with_short_steps() {
        let sc = Scenario::default();
        let long = SimOptions::default();
        let short = SimOptions {
            step_between_sessions_min: 5.0,
            ..SimOptions::default()
        };
        let planned = sc
            .schedule
            .expand(sc.horizon_days * 24.0, sc.calendar())
            .unwrap();
        let mut sim = Sim::new(Arc::new(sc.clone()), Arc::new(long), planned, Vec::new());
        sim.sample();
        let mut checked = 0;
        let mut worst = [0.0f64; 5];
        let mut was_busy = false;
        while sim.t < 27.0 * 24.0 {
            let idle = sim.active.is_empty() && !sim.reflex.ejecting(sim.t);
            // The hour after every feed from day 7 (prolactin and oxytocin still falling: the
            // hardest part to read inside a step), up to the next session of either copy.
            if sim.t > 7.0 * 24.0 && idle && was_busy {
                let (mut a, mut b) = (sim.clone(), sim.clone());
                b.opt = Arc::new(short.clone());
                a.flush_rows();
                let n0 = a.run.series.t_h.len();
                let sessions0 = sim.run.sessions.len();
                let next_start =
                    |r: &Run| r.sessions.get(sessions0).map_or(f64::MAX, |s| s.start_h);
                let until = sim.t + 1.0;
                while a.t < until && a.active.is_empty() {
                    a.step();
                }
                while b.t < until && b.active.is_empty() {
                    b.step();
                }
                a.flush_rows();
                b.flush_rows();
                let n = a.run.series.t_h.len().min(b.run.series.t_h.len());
                let (sa, sb) = (&a.run.series, &b.run.series);
                for k in n0..n {
                    if sa.t_h[k] >= next_start(&a.run).min(next_start(&b.run)) {
                        break;
                    }
                    let rel = |x: f64, y: f64| (x - y).abs() / y.abs().max(1e-9);
                    let (ga, gb) = (&sa.glands[0], &sb.glands[0]);
                    worst[0] = worst[0].max((ga.stored_ml[k] - gb.stored_ml[k]).abs());
                    worst[1] =
                        worst[1].max(rel(ga.synthesis_ml_per_h[k], gb.synthesis_ml_per_h[k]));
                    worst[2] = worst[2].max(rel(sa.prolactin_ng_ml[k], sb.prolactin_ng_ml[k]));
                    worst[3] = worst[3].max((sa.oxytocin_pg_ml[k] - sb.oxytocin_pg_ml[k]).abs());
                    worst[4] = worst[4].max(rel(
                        sa.stored_milk[k].sodium_mmol_l,
                        sb.stored_milk[k].sodium_mmol_l,
                    ));
                    checked += 1;
                }
            }
            was_busy = !idle;
            sim.step();
        }
        eprintln!(
            "{checked} samples: stored ±{:.3} ml, synthesis ±{:.3}%, prolactin ±{:.3}%, \
             oxytocin ±{:.4} pg/ml, sodium ±{:.3}%",
            worst[0],
            worst[1] * 100.0,
            worst[2] * 100.0,
            worst[3],
            worst[4] * 100.0
        );
        assert!(checked > 100, "{checked} samples checked");
        assert!(worst[0] < 0.2, "stored milk differs by {:.3} ml", worst[0]);
        assert!(
            worst[1] < 0.005,
            "synthesis differs by {:.3}%",
            worst[1] * 100.0
        );
        assert!(
            worst[2] < 0.005,
            "prolactin differs by {:.3}%",
            worst[2] * 100.0
        );
        assert!(worst[3] < 0.01, "oxytocin differs by {:.4} pg/ml", worst[3]);
        assert!(
            worst[4] < 0.005,
            "sodium differs by {:.3}%",
            worst[4] * 100.0
        );
    }
}
