//! Fitting the model to her log: her storage capacity per breast and her secretory capacity,
//! and her baby's effectiveness when the log has test weights, found by minimising the misfit of
//! the ml removed at each logged session, with the spreads between mothers (P1–P4,
//! `src/ensemble/spread.rs`) as priors centred on the base scenario's mother, so that a short
//! log stays sensible.
//!
//! The search is argmin's Nelder–Mead on the logarithms of the values (each simulation of her
//! driven scenario is one evaluation). The range of each value is the Laplace approximation: the
//! curvature of the misfit at the best fit, by finite differences, gives a covariance, and its
//! 10th–90th percentile is reported (as the ensemble's ranges are). When two values are
//! correlated beyond [`CANNOT_TELL_APART`], the log cannot tell them apart, and the fit says so.

use std::sync::atomic::{AtomicUsize, Ordering};

use argmin::core::{
    CostFunction, Error, IterState, Problem as Evaluated, Solver, State, TerminationStatus,
};
use argmin::solver::neldermead::NelderMead;

use super::driven::{Placement, Residual, driven_scenario, residuals};
use crate::ensemble::spread::{
    BetweenMothers, EFFECTIVENESS_LOG_SD, LEFT_RIGHT_LOG_SD, MAX_WIDTH, SECRETORY_CAPACITY_LOG_SD,
    STORAGE_CAPACITY_LOG_SD,
};
use crate::log::Log;
use crate::same_math::SameMath;
use crate::scenario::{Problem, Scenario};

/// The smallest error a logged amount is taken to have (a kitchen scale, a bottle's marks), ml …
pub const MEASUREMENT_ERROR_ML: f64 = 10.0;
/// … or this share of the amount, whichever is more.
pub const MEASUREMENT_ERROR_SHARE: f64 = 0.1;
/// Correlation of two fitted values beyond which the log cannot tell them apart.
pub const CANNOT_TELL_APART: f64 = 0.9;
/// A value's range at least this share of the prior's: the log says little about it.
pub const SAYS_LITTLE: f64 = 0.8;
/// z of the 10th and 90th percentiles of a normal distribution.
const Z_90: f64 = 1.2816;
/// Step of the finite differences on the logarithms, as a share of each value's prior spread:
/// the model's misfit is smooth only at a coarse scale (sessions end on steps, let-downs come
/// at random), and a step of 5% read that roughness as curvature, putting ranges a fifth as wide
/// as they are round a value the log hardly tells (a pumped breast that is never near full).
const CURVATURE_STEP_OF_PRIOR: f64 = 0.5;
/// Most Nelder–Mead iterations.
const MAX_ITERATIONS: u64 = 120;

/// A value that can be fitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fitted {
    StorageLeft,
    StorageRight,
    SecretoryCapacity,
    Effectiveness,
}

impl Fitted {
    pub fn name(self) -> &'static str {
        match self {
            Fitted::StorageLeft => "storage capacity, left breast",
            Fitted::StorageRight => "storage capacity, right breast",
            Fitted::SecretoryCapacity => {
                "secretory capacity (most a breast can make, fully supported)"
            }
            Fitted::Effectiveness => "the baby's effectiveness at the breast",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Fitted::StorageLeft | Fitted::StorageRight => "ml",
            Fitted::SecretoryCapacity => "ml/h",
            Fitted::Effectiveness => "0–1",
        }
    }

    fn get(self, sc: &Scenario) -> f64 {
        match self {
            Fitted::StorageLeft => sc.mother.storage_capacity_left_ml,
            Fitted::StorageRight => sc.mother.storage_capacity_right_ml,
            Fitted::SecretoryCapacity => sc.mother.secretory_capacity_ceiling_ml_per_h,
            Fitted::Effectiveness => sc.infant.effectiveness_0_to_1,
        }
    }

    /// Set the value, kept inside its parameter's range; the secretory capacity at birth moves
    /// with the ceiling (as between mothers).
    fn set(self, sc: &mut Scenario, v: f64) {
        let within =
            |path: &str, v: f64| crate::params::param(path).map_or(v, |p| v.clamp(p.min, p.max));
        match self {
            Fitted::StorageLeft => {
                sc.mother.storage_capacity_left_ml = within("mother.storage_capacity_left_ml", v)
            }
            Fitted::StorageRight => {
                sc.mother.storage_capacity_right_ml = within("mother.storage_capacity_right_ml", v)
            }
            Fitted::SecretoryCapacity => {
                let m = &mut sc.mother;
                let ratio = m.secretory_capacity_at_birth_ml_per_h
                    / m.secretory_capacity_ceiling_ml_per_h.max(1e-9);
                m.secretory_capacity_ceiling_ml_per_h =
                    within("mother.secretory_capacity_ceiling_ml_per_h", v);
                m.secretory_capacity_at_birth_ml_per_h = within(
                    "mother.secretory_capacity_at_birth_ml_per_h",
                    m.secretory_capacity_ceiling_ml_per_h * ratio,
                );
            }
            Fitted::Effectiveness => {
                sc.infant.effectiveness_0_to_1 = within("infant.effectiveness_0_to_1", v)
            }
        }
    }

    /// The parameter's range (`src/params.rs`).
    fn bounds(self) -> (f64, f64) {
        let path = match self {
            Fitted::StorageLeft => "mother.storage_capacity_left_ml",
            Fitted::StorageRight => "mother.storage_capacity_right_ml",
            Fitted::SecretoryCapacity => "mother.secretory_capacity_ceiling_ml_per_h",
            Fitted::Effectiveness => "infant.effectiveness_0_to_1",
        };
        crate::params::param(path).map_or((0.0, f64::INFINITY), |p| (p.min, p.max))
    }

    /// The prior's spread on the logarithm (P1–P4).
    pub fn prior_log_sd(self) -> f64 {
        match self {
            // The storage of one breast: the mother's and half the left–right difference.
            Fitted::StorageLeft | Fitted::StorageRight => (STORAGE_CAPACITY_LOG_SD.same_powi(2)
                + (0.5 * LEFT_RIGHT_LOG_SD).same_powi(2))
            .sqrt(),
            Fitted::SecretoryCapacity => SECRETORY_CAPACITY_LOG_SD,
            Fitted::Effectiveness => EFFECTIVENESS_LOG_SD,
        }
    }
}

/// One fitted value: the best fit and its 10th–90th percentile range.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub what: Fitted,
    pub value: f64,
    pub p10: f64,
    pub p90: f64,
    /// Where the prior put it (the base scenario's mother).
    pub prior: f64,
    /// The spread of its logarithm at the best fit (the range's, before it is kept inside the
    /// parameter's bounds).
    pub log_sd: f64,
}

impl Estimate {
    /// "storage capacity, left breast 231.0 ml (10th–90th 220.3–242.2)".
    pub fn words(&self) -> String {
        format!(
            "{} {:.1} {} (10th–90th {:.1}–{:.1})",
            self.what.name(),
            self.value,
            self.what.unit(),
            self.p10,
            self.p90
        )
    }
}

/// The fit of the model to her log.
#[derive(Clone, Debug)]
pub struct Fit {
    /// Her scenario with the fitted values (the base's plan, not yet driven by the log).
    pub mother: Scenario,
    pub estimates: Vec<Estimate>,
    /// Each logged amount beside the fitted model's.
    pub residuals: Vec<Residual>,
    /// Pairs of values the log cannot tell apart, and their correlation.
    pub cannot_tell_apart: Vec<(Fitted, Fitted, f64)>,
    /// Values the log says little about: their range is still most of the spread between
    /// mothers (the prior), so what is reported is mostly what is usual.
    pub says_little_about: Vec<Fitted>,
    /// Simulations run.
    pub evaluations: usize,
}

impl Fit {
    /// Logged sessions set beside the model's (a session logged per breast gives two residuals).
    pub fn sessions_compared(&self) -> usize {
        let mut lines: Vec<usize> = self.residuals.iter().map(|r| r.line).collect();
        lines.dedup();
        lines.len()
    }

    /// The mean absolute misfit, ml.
    pub fn mean_abs_misfit_ml(&self) -> f64 {
        super::driven::mean_abs_misfit_ml(&self.residuals).unwrap_or(f64::NAN)
    }

    /// How widely mothers whose log reads like hers differ: each fitted value's spread narrowed
    /// (or widened) to the fit's range, relative to the spread between mothers (so that *Show how
    /// mothers differ* on her scenario draws her uncertainty, not every mother's); the spreads of
    /// what was not fitted stay as in `base`.
    pub fn between_mothers(&self, base: &BetweenMothers) -> BetweenMothers {
        let width = |f: Fitted| {
            self.estimates.iter().find(|e| e.what == f).map(|e| {
                ((e.log_sd / f.prior_log_sd()).clamp(0.0, MAX_WIDTH) * 100.0).round() / 100.0
            })
        };
        // Two decimals: a preset reads "0.65", not the float's digits.
        let width = |f: Fitted| width(f).map(|k| (k * 100.0).round() / 100.0);
        let mut w = base.clone();
        // One breast's spread is the mother's and half the left–right difference together:
        // both are scaled alike, by the mean of the two breasts' fitted widths.
        if let (Some(l), Some(r)) = (width(Fitted::StorageLeft), width(Fitted::StorageRight)) {
            let k = (50.0 * (l + r)).round() / 100.0;
            w.storage_capacity = k;
            w.left_right_difference = k;
        }
        if let Some(k) = width(Fitted::SecretoryCapacity) {
            w.secretory_capacity = k;
        }
        if let Some(k) = width(Fitted::Effectiveness) {
            w.effectiveness = k;
        }
        w
    }
}

/// The misfit of a set of values (on their logarithms): the weighted squared misfit of every
/// logged amount, plus the priors.
struct Misfit<'a> {
    base: &'a Scenario,
    log: &'a Log,
    at: Placement,
    fitted: &'a [Fitted],
    prior: &'a [f64],
    /// Evaluations so far (a count kept across the fit's steps).
    evaluations: &'a AtomicUsize,
}

impl Misfit<'_> {
    fn scenario(&self, theta: &[f64]) -> Scenario {
        let mut sc = self.base.clone();
        for (f, t) in self.fitted.iter().zip(theta) {
            f.set(&mut sc, t.libm_exp());
        }
        sc
    }

    fn residuals(&self, theta: &[f64]) -> Result<Vec<Residual>, Vec<Problem>> {
        let sc = driven_scenario(&self.scenario(theta), self.log, self.at, 0.0);
        let run = crate::simulate(&sc)?;
        Ok(residuals(self.log, self.at, &run))
    }

    fn value(&self, theta: &[f64]) -> f64 {
        self.evaluations.fetch_add(1, Ordering::Relaxed);
        let Ok(res) = self.residuals(theta) else {
            return f64::MAX;
        };
        let data: f64 = res
            .iter()
            .map(|r| {
                let sd = (MEASUREMENT_ERROR_SHARE * r.observed_ml).max(MEASUREMENT_ERROR_ML);
                (r.misfit_ml() / sd).same_powi(2)
            })
            .sum();
        let prior: f64 = self
            .fitted
            .iter()
            .zip(theta.iter().zip(self.prior))
            .map(|(f, (t, p))| ((t - p) / f.prior_log_sd()).same_powi(2))
            .sum();
        0.5 * (data + prior)
    }
}

/// The misfit as argmin's problem (borrowed: it is read again after the search).
struct Search<'a, 'b>(&'a Misfit<'b>);

impl CostFunction for Search<'_, '_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, theta: &Self::Param) -> Result<f64, Error> {
        Ok(self.0.value(theta))
    }
}

/// Fit the base scenario's mother to her log (placed in her baby's life by `at`), at once.
/// `progress` is told the number of simulations run so far.
pub fn fit(
    base: &Scenario,
    log: &Log,
    at: Placement,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Fit, Vec<Problem>> {
    let mut steps = FitSteps::start(base, log, at)?;
    loop {
        if let Some(fit) = steps.step() {
            return fit;
        }
        progress(steps.evaluations());
    }
}

/// The state of argmin's Nelder–Mead between iterations.
type SearchState = IterState<Vec<f64>, (), (), (), (), f64>;

/// The fit a piece at a time: first the search's simplex, then one Nelder–Mead iteration a
/// step (one to five simulations of her log), then the misfit at one point round the best fit
/// a step (the curvature), then the fit. In the browser each is a piece between frames (the
/// whole fit takes about a second and a half there: it held the page that long in one piece);
/// [`fit`] takes the steps at once. The steps are argmin's `Executor::run` loop, taken one at a
/// time (a test holds them to it).
pub struct FitSteps {
    her: Her,
    stage: Stage,
}

/// What the fit is of: her log on her base scenario, the values fitted and their priors.
struct Her {
    base: Scenario,
    log: Log,
    at: Placement,
    fitted: Vec<Fitted>,
    prior: Vec<f64>,
    evaluations: AtomicUsize,
}

impl Her {
    fn misfit(&self) -> Misfit<'_> {
        Misfit {
            base: &self.base,
            log: &self.log,
            at: self.at,
            fitted: &self.fitted,
            prior: &self.prior,
            evaluations: &self.evaluations,
        }
    }
}

enum Stage {
    /// The search, its state `None` until the simplex is evaluated.
    Search {
        solver: Box<NelderMead<Vec<f64>, f64>>,
        state: Option<SearchState>,
    },
    /// The misfit at the points round the best fit the curvature needs, one a step.
    Curvature {
        best: Vec<f64>,
        points: Vec<Vec<f64>>,
        values: Vec<f64>,
    },
}

impl FitSteps {
    /// Set the fit up; fails early, with its problems, if her driven scenario cannot run at
    /// all or her log has no amount to fit.
    pub fn start(base: &Scenario, log: &Log, at: Placement) -> Result<Self, Vec<Problem>> {
        let mut fitted = vec![
            Fitted::StorageLeft,
            Fitted::StorageRight,
            Fitted::SecretoryCapacity,
        ];
        let test_weights = log
            .sessions
            .iter()
            .any(|s| s.weight_before_g.is_some() && s.weight_after_g.is_some());
        if test_weights {
            fitted.push(Fitted::Effectiveness);
        }
        let prior: Vec<f64> = fitted.iter().map(|f| f.get(base).libm_ln()).collect();
        // The first simplex: the prior and a step of about one prior spread along each value.
        let mut simplex = vec![prior.clone()];
        for (i, f) in fitted.iter().enumerate() {
            let mut v = prior.clone();
            v[i] += f.prior_log_sd();
            simplex.push(v);
        }
        let solver = NelderMead::new(simplex)
            .with_sd_tolerance(1e-4)
            .expect("a valid tolerance");
        let her = Her {
            base: base.clone(),
            log: log.clone(),
            at,
            fitted,
            prior,
            evaluations: AtomicUsize::new(0),
        };
        let first = her.misfit().residuals(&her.prior)?;
        if first.is_empty() {
            return Err(vec![Problem::new(
                "log",
                "no logged session has an amount the model can be fitted to",
            )]);
        }
        Ok(Self {
            her,
            stage: Stage::Search {
                solver: Box::new(solver),
                state: None,
            },
        })
    }

    /// Simulations of her log run so far.
    pub fn evaluations(&self) -> usize {
        self.her.evaluations.load(Ordering::Relaxed)
    }

    /// How far the fit is, 0 to 1: the search's iterations (most end well before the limit)
    /// for four fifths, the curvature's points for the rest.
    pub fn done_fraction(&self) -> f32 {
        match &self.stage {
            Stage::Search { state, .. } => {
                0.8 * state.as_ref().map_or(0.0, |s| s.get_iter() as f32) / MAX_ITERATIONS as f32
            }
            Stage::Curvature { points, values, .. } => {
                0.8 + 0.2 * values.len() as f32 / points.len().max(1) as f32
            }
        }
    }

    /// The next piece; the fit once it is done.
    pub fn step(&mut self) -> Option<Result<Fit, Vec<Problem>>> {
        let misfit = self.her.misfit();
        match &mut self.stage {
            Stage::Search { solver, state } => {
                let mut problem = Evaluated::new(Search(&misfit));
                let next = match state.take() {
                    None => solver
                        .init(&mut problem, SearchState::new().max_iters(MAX_ITERATIONS))
                        .map(|(mut s, _)| {
                            s.update();
                            s
                        }),
                    Some(mut s) => {
                        if !s.terminated()
                            && let TerminationStatus::Terminated(why) =
                                Solver::<Search, SearchState>::terminate_internal(
                                    solver.as_mut(),
                                    &s,
                                )
                        {
                            s = s.terminate_with(why);
                        }
                        if s.terminated() {
                            let best = s
                                .get_best_param()
                                .cloned()
                                .unwrap_or_else(|| misfit.prior.to_vec());
                            let points = curvature_points(misfit.fitted, &best);
                            self.stage = Stage::Curvature {
                                best,
                                values: Vec::with_capacity(points.len()),
                                points,
                            };
                            return None;
                        }
                        solver.next_iter(&mut problem, s).map(|(mut s, _)| {
                            s.update();
                            s.increment_iter();
                            s
                        })
                    }
                };
                match next {
                    Ok(s) => *state = Some(s),
                    Err(e) => {
                        return Some(Err(vec![Problem::new(
                            "fit",
                            format!("the search failed: {e}"),
                        )]));
                    }
                }
                None
            }
            Stage::Curvature {
                best,
                points,
                values,
            } => {
                if let Some(t) = points.get(values.len()) {
                    values.push(misfit.value(t));
                    return None;
                }
                let cov = covariance(misfit.fitted, values);
                Some(Ok(conclude(&misfit, best, cov)))
            }
        }
    }
}

/// The points round the best fit whose misfit gives its curvature (central finite
/// differences): the best fit itself, then for each value a step up and down along it, and a
/// step up and down along it and each value before it together.
fn curvature_points(fitted: &[Fitted], best: &[f64]) -> Vec<Vec<f64>> {
    let h = curvature_steps(fitted);
    let at = |d: &[(usize, f64)]| {
        let mut t = best.to_vec();
        for &(i, s) in d {
            t[i] += s;
        }
        t
    };
    let mut points = vec![at(&[])];
    for i in 0..best.len() {
        points.push(at(&[(i, h[i])]));
        points.push(at(&[(i, -h[i])]));
        for j in 0..i {
            for (si, sj) in [(1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)] {
                points.push(at(&[(i, si * h[i]), (j, sj * h[j])]));
            }
        }
    }
    points
}

/// The steps of the finite differences, on each value's logarithm.
fn curvature_steps(fitted: &[Fitted]) -> Vec<f64> {
    fitted
        .iter()
        .map(|f| CURVATURE_STEP_OF_PRIOR * f.prior_log_sd())
        .collect()
}

/// The covariance of the values' logarithms at the best fit: the inverse of the misfit's
/// curvature there, from its `values` at [`curvature_points`] (in their order). `None` if the
/// curvature is not positive definite (a flat direction the priors do not hold either).
// Matrix algebra reads best with its indices.
#[allow(clippy::needless_range_loop)]
fn covariance(fitted: &[Fitted], values: &[f64]) -> Option<Vec<Vec<f64>>> {
    let n = fitted.len();
    let h = curvature_steps(fitted);
    let mut next = values.iter().copied();
    let mut value = || next.next().expect("a value at every point");
    let f0 = value();
    let mut hess = vec![vec![0.0; n]; n];
    for i in 0..n {
        let hi = h[i];
        let (up, down) = (value(), value());
        hess[i][i] = (up - 2.0 * f0 + down) / (hi * hi);
        for j in 0..i {
            let hj = h[j];
            let (pp, pm, mp, mm) = (value(), value(), value(), value());
            let v = (pp - pm - mp + mm) / (4.0 * hi * hj);
            hess[i][j] = v;
            hess[j][i] = v;
        }
    }
    invert_symmetric(hess)
}

/// The fit, from the best values found and their covariance.
fn conclude(misfit: &Misfit<'_>, best: &[f64], cov: Option<Vec<Vec<f64>>>) -> Fit {
    let fitted = misfit.fitted;
    let mother = misfit.scenario(best);
    let estimates = fitted
        .iter()
        .enumerate()
        .map(|(i, &f)| {
            let sd = cov
                .as_ref()
                .map_or(f.prior_log_sd(), |c| c[i][i].max(0.0).sqrt());
            // The value as her scenario holds it (inside its parameter's range, as the
            // search's was when it ran), and a range inside that range too.
            let (lo, hi) = f.bounds();
            Estimate {
                what: f,
                value: f.get(&mother),
                p10: (best[i] - Z_90 * sd).libm_exp().clamp(lo, hi),
                p90: (best[i] + Z_90 * sd).libm_exp().clamp(lo, hi),
                prior: misfit.prior[i].libm_exp(),
                log_sd: sd,
            }
        })
        .collect();
    let mut cannot_tell_apart = Vec::new();
    if let Some(c) = &cov {
        for i in 0..fitted.len() {
            for j in i + 1..fitted.len() {
                let r = c[i][j] / (c[i][i] * c[j][j]).sqrt();
                if r.abs() >= CANNOT_TELL_APART {
                    cannot_tell_apart.push((fitted[i], fitted[j], r));
                }
            }
        }
    }
    let says_little_about = fitted
        .iter()
        .enumerate()
        .filter(|&(i, f)| {
            cov.as_ref()
                .is_none_or(|c| c[i][i].max(0.0).sqrt() >= SAYS_LITTLE * f.prior_log_sd())
        })
        .map(|(_, &f)| f)
        .collect();
    let residuals = misfit.residuals(best).unwrap_or_default();
    Fit {
        mother,
        estimates,
        residuals,
        cannot_tell_apart,
        says_little_about,
        evaluations: misfit.evaluations.load(Ordering::Relaxed),
    }
}

/// The inverse of a small symmetric positive-definite matrix (Cholesky), or `None`.
#[allow(clippy::needless_range_loop)]
fn invert_symmetric(a: Vec<Vec<f64>>) -> Option<Vec<Vec<f64>>> {
    let n = a.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a[i][i] - s;
                // Not positive (or NaN): not positive definite.
                if d.is_nan() || d <= 0.0 {
                    return None;
                }
                l[i][i] = d.sqrt();
            } else {
                l[i][j] = (a[i][j] - s) / l[j][j];
            }
        }
    }
    // Solve L Lᵀ x = e_k for each column.
    let mut inv = vec![vec![0.0; n]; n];
    for k in 0..n {
        let mut y = vec![0.0; n];
        for i in 0..n {
            let e = if i == k { 1.0 } else { 0.0 };
            y[i] = (e - (0..i).map(|j| l[i][j] * y[j]).sum::<f64>()) / l[i][i];
        }
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            x[i] = (y[i] - (i + 1..n).map(|j| l[j][i] * x[j]).sum::<f64>()) / l[i][i];
        }
        for i in 0..n {
            inv[i][k] = x[i];
        }
    }
    Some(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search taken a step at a time is argmin's own loop (`Executor::run`): the same best
    /// values, to the bit, after the same number of simulations.
    #[test]
    fn the_search_in_steps_is_argmins_executor() {
        use crate::fit::driven::Before;
        let text = include_str!("../../tests/data/logs/pump-log-3-days.csv");
        let log = crate::log::read_str(text, None).expect("the test log");
        let base = Scenario::default();
        let at = Placement::first_day_is(40.0).after(Before::usual_for(&log));
        let mut steps = FitSteps::start(&base, &log, at).unwrap();
        let best = loop {
            assert!(steps.step().is_none(), "the search ends before the fit");
            if let Stage::Curvature { best, .. } = &steps.stage {
                break best.clone();
            }
        };
        let searched = steps.evaluations();

        let her = &steps.her;
        let evaluations = AtomicUsize::new(0);
        let misfit = Misfit {
            evaluations: &evaluations,
            ..her.misfit()
        };
        let mut simplex = vec![her.prior.clone()];
        for (i, f) in her.fitted.iter().enumerate() {
            let mut v = her.prior.clone();
            v[i] += f.prior_log_sd();
            simplex.push(v);
        }
        let solver = NelderMead::new(simplex).with_sd_tolerance(1e-4).unwrap();
        let result = argmin::core::Executor::new(Search(&misfit), solver)
            .configure(|s| s.max_iters(MAX_ITERATIONS))
            .run()
            .unwrap();
        assert_eq!(result.state().get_best_param(), Some(&best));
        assert_eq!(evaluations.load(Ordering::Relaxed), searched);
        assert!(searched > her.fitted.len() + 1, "{searched} simulations");
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn a_small_symmetric_matrix_is_inverted() {
        let a = vec![vec![4.0, 1.0], vec![1.0, 3.0]];
        let inv = invert_symmetric(a.clone()).unwrap();
        for i in 0..2 {
            for j in 0..2 {
                let v: f64 = (0..2).map(|k| a[i][k] * inv[k][j]).sum();
                assert!((v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
            }
        }
        assert!(invert_symmetric(vec![vec![1.0, 2.0], vec![2.0, 1.0]]).is_none());
    }
}
