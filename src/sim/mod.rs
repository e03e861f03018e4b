//! The integrator loop: advances the two glands, the hormones and the baby through time, starts
//! and ends sessions, fires let-downs, and records the [`Run`].
//!
//! Time is integrated piecewise between events (session starts and ends, let-downs, the end of
//! an ejection, the moment the baby gets hungry, midnights), with a short step during sessions
//! (seconds) and a long one between them (half an hour). Linear flows (drainage, ejection,
//! removal, hormone clearance) use their exact exponential solution over a step; the fullness
//! brake on synthesis uses the midpoint rule. The same scenario gives the same run, bit for bit.
//!
//! This file orders the steps and handles what is due at each stop; each part of a step lives in
//! its own file:
//! - `fast`: drainage, let-down, removal, oxytocin (every step), and the session traces;
//! - `slow`: synthesis and adaptation, hunger, prolactin, what the mother takes (gathered, and
//!   stepped every few minutes in a session and at every event);
//! - `factors`: the decay factors of a step length, computed once per length;
//! - `baby`: when the baby feeds on demand;
//! - `sessions`: starting and ending sessions;
//! - `days`: the day's tally, the glands' events, closing the day and the run;
//! - `sampling`: the sampled series, read inside long steps between sessions.

mod baby;
mod days;
mod factors;
mod fast;
mod sampling;
mod sessions;
mod slow;

use std::sync::Arc;

use days::DayTally;
use factors::{FACTOR_CACHE, FastFactors, SlowFactors};
use sessions::Active;

use crate::model::activation::{junctions_open_after_birth, secretory_activation};
use crate::model::composition::{
    MilkTally, lactoferrin_extra_g_per_h, nan_composition, siga_secretion_g_per_h,
};
use crate::model::gland::{
    DRAINAGE_PER_H, ENGORGED_FULLNESS, ENGORGEMENT_EASED_FULLNESS, Gland, JUNCTIONS_REOPENED_LEAK,
    JUNCTIONS_SEALED_LEAK, StepDecay, moved_share,
};
use crate::model::infant::{
    FEED_STAMINA_MIN, GIVE_UP_AFTER_LETDOWN_MIN, GIVE_UP_AFTER_MIN, GIVE_UP_FLOW_ML_PER_MIN,
    MAX_HUNGER_MEALS, MIN_FEED_SPACING_H, MIN_GAP_BETWEEN_FEEDS_H, SUCKLING_DRAIN_PER_H,
    appetite_ml_per_day, breast_share, meal_ml, meals_per_day,
};
use crate::model::milk_transfer::BloodAlcohol;
use crate::model::oxytocin::{self, Reflex, ejection_rate_per_h};
use crate::model::pharmacology::{Body, Substance};
use crate::model::prolactin::{self, DOUBLE_STIMULATION};
use crate::mother_takes::{Dose, doses};
use crate::run::*;
use crate::same_math::SameMath;
use crate::scenario::{Breast, Problem, Scenario};
use crate::schedule::MAX_BREASTFEEDS_A_DAY;
use crate::schedule::{Kind, Origin, PlannedSession, SessionSide};

/// Numerical settings (not part of a scenario: they change accuracy, not physiology).
#[derive(Clone, Debug, PartialEq)]
pub struct SimOptions {
    /// Longest step between sessions, minutes.
    pub step_between_sessions_min: f64,
    /// Step during sessions and let-downs, seconds.
    pub step_in_session_s: f64,
    /// Spacing of the sampled series, minutes.
    pub sample_every_min: f64,
    /// Which sessions get a fine trace, step by step (for "zoom into one feed").
    pub trace_sessions: TraceSessions,
}

/// Which sessions a run records a fine trace of. Traces are most of the memory a run writes, and
/// the window shows one feed at a time: it simulates that feed's trace when the feed is opened
/// ([`trace_of`]), so an ordinary run records none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceSessions {
    None,
    All,
    /// Only the session with this index in [`Run::sessions`].
    One(usize),
}

impl TraceSessions {
    fn wants(self, session: usize) -> bool {
        match self {
            TraceSessions::None => false,
            TraceSessions::All => true,
            TraceSessions::One(i) => i == session,
        }
    }
}

impl Default for SimOptions {
    fn default() -> Self {
        Self {
            step_between_sessions_min: 30.0,
            step_in_session_s: 20.0,
            sample_every_min: 5.0,
            trace_sessions: TraceSessions::None,
        }
    }
}

impl SimOptions {
    /// One member of an ensemble: the series sampled hourly (the bands need no more), and longer
    /// steps — 40 s in a session, an hour between sessions — for a fifth less work a member: its
    /// daily production stays within 0.3% of a run with ten times finer steps (tested), far inside
    /// the spread between mothers the bands show.
    pub fn ensemble_member() -> Self {
        Self {
            sample_every_min: 60.0,
            step_in_session_s: 40.0,
            step_between_sessions_min: 60.0,
            trace_sessions: TraceSessions::None,
        }
    }

    /// A much finer reference, for checking the integration error.
    pub fn fine() -> Self {
        Self {
            step_between_sessions_min: 0.5,
            step_in_session_s: 2.0,
            sample_every_min: 5.0,
            trace_sessions: TraceSessions::None,
        }
    }
}

/// Time constant of the prolactin mean that permits secretion, hours: prolactin acts slowly
/// (H3: not the level of the moment), but withdrawn it stops synthesis within about two days (D5).
pub const PROLACTIN_MEMORY_H: f64 = 12.0;
/// Time constant of the count of sessions a day that keeps the prolactin baseline up, hours.
pub const SESSION_RATE_MEMORY_H: f64 = 48.0;

/// Simulate a scenario with the default numerics. Fails with every problem of an invalid scenario.
pub fn simulate(scenario: &Scenario) -> Result<Run, Vec<Problem>> {
    simulate_with(scenario, &SimOptions::default())
}

/// The fine trace of session `index` of the run of `scenario` (with the default numerics), or
/// `None` if the run has no such session. The run is simulated again up to the end of that
/// session's day only (everything before a moment is decided by what came before it), and the
/// session is checked to be the same one; if it is not, the whole run is simulated.
pub fn trace_of(scenario: &Scenario, index: usize, start_h: f64) -> Option<SessionTrace> {
    let options = SimOptions {
        trace_sessions: TraceSessions::One(index),
        ..SimOptions::default()
    };
    let day_end = ((start_h / 24.0).floor() + 2.0).min(scenario.horizon_days.ceil());
    let shorter = Scenario {
        horizon_days: day_end.min(scenario.horizon_days),
        ..scenario.clone()
    };
    let same = |run: &Run| {
        run.sessions
            .get(index)
            .filter(|s| s.start_h == start_h && s.end_h > s.start_h)
            .map(|s| s.trace.clone())
    };
    simulate_with(&shorter, &options)
        .ok()
        .and_then(|run| same(&run))
        .or_else(|| {
            simulate_with(scenario, &options)
                .ok()
                .and_then(|run| same(&run))
        })
}

pub fn simulate_with(scenario: &Scenario, options: &SimOptions) -> Result<Run, Vec<Problem>> {
    Simulation::start(scenario, options).map(Simulation::finish)
}

/// A run that goes a slice at a time: the same steps as [`simulate_with`], for a caller that must
/// not wait for the whole run at once (the browser, where there are no threads and a page that
/// does not answer for more than a few tens of milliseconds feels frozen). Stepped to its end,
/// it gives exactly the run [`simulate_with`] gives.
#[derive(Clone)]
pub struct Simulation {
    sim: Sim,
}

impl Simulation {
    /// Start a run of `scenario` (checked as [`simulate_with`] checks it).
    pub fn start(scenario: &Scenario, options: &SimOptions) -> Result<Self, Vec<Problem>> {
        let problems = scenario.validate();
        if !problems.is_empty() {
            return Err(problems);
        }
        let horizon_h = scenario.horizon_days * 24.0;
        let planned = scenario.schedule.expand(horizon_h, scenario.calendar())?;
        let doses = doses(&scenario.schedule.mother_takes, horizon_h);
        let mut sim = Sim::new(
            Arc::new(scenario.clone()),
            Arc::new(options.clone()),
            planned,
            doses,
        );
        sim.sample();
        Ok(Self { sim })
    }

    /// Simulate on to `until_h` hours after birth (or the end of the run, if sooner).
    pub fn advance_to(&mut self, until_h: f64) {
        let end = until_h.min(self.sim.horizon_h) - RUN_END_EPS_H;
        while self.sim.t < end {
            self.sim.step();
        }
    }

    /// Hours simulated so far.
    pub fn simulated_h(&self) -> f64 {
        self.sim.t
    }

    /// The share of the run done, 0 to 1.
    pub fn done_fraction(&self) -> f64 {
        if self.sim.horizon_h > 0.0 {
            (self.sim.t / self.sim.horizon_h).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    pub fn is_done(&self) -> bool {
        self.sim.t >= self.sim.horizon_h - RUN_END_EPS_H
    }

    /// The run, simulated to its end first if it is not there yet.
    pub fn finish(mut self) -> Run {
        self.advance_to(f64::INFINITY);
        self.sim.end_all_sessions();
        self.sim.finish()
    }
}

/// Simulated days in one slice of a run that goes a slice at a time ([`Simulation`]): about
/// 1 ms of the desktop's time (a 365-day run takes about 50 ms), a few in the browser, so that a
/// slice never holds a frame up.
pub const SLICE_DAYS: f64 = 7.0;

/// A run ends this close to its horizon (a last step shorter than this is not taken).
const RUN_END_EPS_H: f64 = 1e-9;

/// Longest slow step inside a session, hours (see [`Sim::advance`]; never longer than the step
/// between sessions).
const SLOW_STEP_IN_SESSION_H: f64 = 5.0 / 60.0;

/// How close to a meal the baby's hunger counts as having reached it, ml. The step to the
/// moment it does is worked out from the rate of hunger at the start of the step, which the
/// step integrates at its midpoint: they differ in the last ten-thousandth of a ml, and a feed
/// waiting for that took a step of a few milliseconds (with decay factors of its own) before
/// nearly every feed.
const HUNGER_REACHED_WITHIN_ML: f64 = 0.01;

/// How soon to look again whether the baby may feed while feeding on demand is paused, hours:
/// the end of a pause is found within this (as steps between sessions did when they were 5
/// minutes long).
const PAUSED_LOOK_AGAIN_H: f64 = 5.0 / 60.0;

#[derive(Clone)]
struct Sim {
    /// Shared, so that a run paused between slices ([`Simulation`]) owns what it simulates.
    sc: Arc<Scenario>,
    opt: Arc<SimOptions>,
    horizon_h: f64,
    planned: Vec<PlannedSession>,
    next_planned: usize,
    /// Doses of what the mother takes, in time order, and the next one due.
    doses: Vec<Dose>,
    next_dose: usize,
    body: Body,
    /// Alcohol she drank, in her gut and blood (it holds back the let-down).
    blood_alcohol: BloodAlcohol,
    /// Share of the let-down in progress's strength that alcohol leaves (1: none).
    ejection_strength: f64,
    /// Does she drink at all in this run (else the let-down never asks)?
    drinks: bool,
    t: f64,
    glands: [Gland; 2],
    reflex: Reflex,
    prolactin_ng_ml: f64,
    prolactin_mean_ng_ml: f64,
    /// Lagged stimulation driving prolactin release.
    prolactin_drive: f64,
    sessions_per_day: f64,
    hunger_ml: f64,
    last_feed_start_h: f64,
    last_feed_end_h: f64,
    active: Vec<Active>,
    rng: fastrand::Rng,
    run: Run,
    day: DayTally,
    /// The latest samples, one row each, not yet added to the run's series.
    rows: Vec<sampling::Row>,
    /// Milk made and removed since birth at each sample (for the 24-hour sums).
    cum_synth_ml: Vec<f64>,
    cum_removed_ml: Vec<f64>,
    synth_total_ml: f64,
    removed_total_ml: f64,
    next_sample_h: f64,
    sample_index: usize,
    /// Sessions whose prolactin peak is still being watched (the hour after their start).
    peak_watch: Vec<usize>,
    engorged: [bool; 2],
    /// Whether the slow part ran since the glands were last looked at (`check_glands`).
    slow_ran: bool,
    reopened: [bool; 2],
    involuting: [bool; 2],
    ejection_rate_per_h: f64,
    /// The factors of the last few step lengths (round robin), fast and slow.
    fast_cache: Vec<FastFactors>,
    fast_next: usize,
    slow_cache: Vec<SlowFactors>,
    slow_next: usize,
    /// Time gathered for the slow part since it last ran, from `slow_from_h`
    /// (`slow_from_h + slow_pending_h` is always `t`).
    slow_pending_h: f64,
    slow_from_h: f64,
    /// Prolactin over the last slow step, for the samples inside it.
    prolactin_step: sampling::ProlactinStep,
    /// Where the last step started, and each breast's fullness then (a breast that became
    /// engorged over a long step between sessions did so where its fullness crossed the mark).
    step_from: (f64, [f64; 2]),
}

impl Sim {
    fn new(
        sc: Arc<Scenario>,
        opt: Arc<SimOptions>,
        planned: Vec<PlannedSession>,
        doses: Vec<Dose>,
    ) -> Self {
        let m = &sc.mother;
        let glands = Breast::BOTH.map(|b| {
            Gland::new(
                m.storage_capacity_ml(b),
                m.secretory_capacity_at_birth_ml_per_h,
            )
        });
        let p0 = prolactin::baseline_ng_per_ml(&m.prolactin, 0.0, 10.0);
        let drinks = doses.iter().any(|d| d.substance == Substance::Alcohol);
        let balance = MassBalance {
            stored_at_start_ml: glands.iter().map(|g| g.stored_ml()).sum(),
            fat_stored_at_start_g: glands.iter().map(|g| g.fat_g).sum(),
            ..MassBalance::default()
        };
        let mut run = Run {
            horizon_h: sc.horizon_days * 24.0,
            balance,
            ..Run::default()
        };
        let samples = (sc.horizon_days * 24.0 * 60.0 / opt.sample_every_min).ceil() as usize + 2;
        run.series.reserve(samples);
        // The planned sessions and, on demand, up to a dozen feeds a day.
        run.sessions
            .reserve(planned.len() + (sc.horizon_days * 12.0).ceil() as usize);
        let horizon_h = sc.horizon_days * 24.0;
        let rng = fastrand::Rng::with_seed(sc.seed);
        let reflex = Reflex::new(&m.oxytocin);
        let ejection_rate_per_h = ejection_rate_per_h(m.oxytocin.letdown_ejected_fraction);
        Self {
            sc,
            opt,
            horizon_h,
            planned,
            next_planned: 0,
            doses,
            next_dose: 0,
            body: Body::default(),
            blood_alcohol: BloodAlcohol::default(),
            ejection_strength: 1.0,
            drinks,
            t: 0.0,
            glands,
            reflex,
            prolactin_ng_ml: p0,
            prolactin_mean_ng_ml: p0,
            prolactin_drive: 0.0,
            sessions_per_day: 10.0,
            hunger_ml: 0.0,
            last_feed_start_h: f64::NEG_INFINITY,
            last_feed_end_h: f64::NEG_INFINITY,
            active: Vec::new(),
            rng,
            run,
            day: DayTally::new(),
            rows: Vec::with_capacity(sampling::ROW_BATCH),
            cum_synth_ml: Vec::with_capacity(samples),
            cum_removed_ml: Vec::with_capacity(samples),
            synth_total_ml: 0.0,
            removed_total_ml: 0.0,
            next_sample_h: 0.0,
            sample_index: 0,
            peak_watch: Vec::new(),
            engorged: [false; 2],
            slow_ran: false,
            reopened: [false; 2],
            involuting: [false; 2],
            ejection_rate_per_h,
            fast_cache: Vec::with_capacity(FACTOR_CACHE),
            fast_next: 0,
            slow_cache: Vec::with_capacity(FACTOR_CACHE),
            slow_next: 0,
            slow_pending_h: 0.0,
            slow_from_h: 0.0,
            prolactin_step: sampling::ProlactinStep::default(),
            step_from: (0.0, [0.0; 2]),
        }
    }

    /// From this stop to the next one.
    fn step(&mut self) {
        let next = self.next_stop();
        self.step_from = (self.t, self.glands.each_ref().map(Gland::fullness));
        // Samples inside a step between sessions are read from its two ends.
        let start = (self.next_sample_h < next - 1e-9).then(|| {
            self.flush_slow();
            self.row()
        });
        self.advance(next - self.t);
        self.t = next;
        if let Some(start) = start {
            let end = self.row();
            self.samples_inside(&start, &end);
        }
        self.run.steps += 1;
        self.at_stop();
    }

    /// The time of the next thing that must happen exactly, or the end of a normal step.
    fn next_stop(&self) -> f64 {
        let t = self.t;
        let mut next = self.horizon_h.min(self.next_midnight_h());
        if let Some(p) = self.planned.get(self.next_planned) {
            next = next.min(p.start_h.max(t));
        }
        if let Some(d) = self.doses.get(self.next_dose) {
            next = next.min(d.t_h.max(t));
        }
        let busy = !self.active.is_empty() || self.reflex.ejecting(t);
        if busy {
            // In a session every sample is a stop (between sessions they are read from the
            // ends of a long step: see `sampling`).
            next = next.min(self.next_sample_h);
            next = next.min(t + self.opt.step_in_session_s / 3600.0);
            if let Some(b) = self.reflex.next_burst_h {
                next = next.min(b);
            }
            if self.reflex.ejecting(t) {
                next = next.min(self.reflex.ejecting_until_h);
            }
            let stamina_h = FEED_STAMINA_MIN * self.sc.infant.effectiveness_0_to_1 / 60.0;
            for a in &self.active {
                next = next.min(a.side_started_h + a.limit_h);
                if a.kind == Kind::Breastfeed {
                    next = next.min(self.run.sessions[a.result].start_h + stamina_h);
                }
            }
        } else {
            next = next.min(t + self.opt.step_between_sessions_min / 60.0);
            match self.hunger_trigger_h() {
                Some(h) => next = next.min(h),
                // Feeding on demand is paused (a skipped window, an absence, the night gap):
                // its end is no event of its own, so look again every few minutes.
                None if self.sc.schedule.responsive.is_some() => {
                    next = next.min(t + PAUSED_LOOK_AGAIN_H);
                }
                None => {}
            }
        }
        // Never a zero step (an event exactly now was handled at the last stop).
        next.max(t + 1e-7).min(self.horizon_h)
    }

    /// Integrate over `dt` from `self.t`, at two rates. What moves within seconds in a session
    /// (drainage into the ducts, let-downs, removal, oxytocin) is stepped every `dt`; what moves
    /// over minutes to weeks (synthesis, the glands' slow adaptation, hunger, prolactin) is
    /// gathered and stepped at most every `step_between_sessions_min`, and at every event that
    /// changes it (a session starting or ending, a dose, a sample, midnight): inside a session it
    /// needs no 20-s steps, and skipping them is most of a run's time. Between sessions every
    /// step does both, the slow first, as one step always did.
    fn advance(&mut self, dt: f64) {
        if dt <= 0.0 {
            return;
        }
        let busy = !self.active.is_empty() || self.reflex.ejecting(self.t);
        if !busy {
            // What a busy stretch left pending is its own slow step, not part of this one.
            self.flush_slow();
        }
        self.slow_pending_h += dt;
        // The slow part first, as in a single-rate step: the milk made is there to be removed.
        let slow_step_h = SLOW_STEP_IN_SESSION_H.min(self.opt.step_between_sessions_min / 60.0);
        if !busy || self.slow_pending_h >= slow_step_h - 1e-9 {
            self.flush_slow();
        }
        self.fast(dt);
    }

    /// Handle everything due at `self.t`.
    fn at_stop(&mut self) {
        let t = self.t;
        let eps = 1e-9;
        // A new day first: whatever starts at midnight counts in the day it starts.
        if t >= self.next_midnight_h() - eps {
            self.close_day();
        }

        // Doses due.
        while let Some(d) = self.doses.get(self.next_dose)
            && d.t_h <= t + eps
        {
            let d = *d;
            self.next_dose += 1;
            self.flush_slow();
            self.body.take(d.substance, d.mg);
            if d.substance == Substance::Alcohol {
                self.blood_alcohol.advance_to(t, self.sc.mother.weight_kg);
                self.blood_alcohol.drink(d.mg);
            }
            self.run.events.push(Event {
                t_h: t,
                kind: EventKind::Dose {
                    substance: d.substance,
                    dose_mg: d.mg,
                    course: d.course,
                },
            });
        }

        // Prolactin peaks are watched for an hour after each session start (see `flush_slow`).
        let sessions = &self.run.sessions;
        self.peak_watch.retain(|&i| t < sessions[i].start_h + 1.0);

        // Let-down due?
        if let Some(b) = self.reflex.next_burst_h
            && b <= t + eps
        {
            let m = &self.sc.mother;
            // Alcohol in her blood holds the let-down back (B5).
            self.ejection_strength = if self.drinks {
                self.blood_alcohol.advance_to(t, m.weight_kg);
                oxytocin::alcohol_ejection_strength(self.blood_alcohol.plasma_mg_per_l(m.weight_kg))
            } else {
                1.0
            };
            if self.reflex.fire(
                &m.oxytocin,
                m.stress_0_to_1,
                self.ejection_strength,
                t,
                &mut self.rng,
            ) {
                // A weaker let-down squeezes as if for a shorter time: the share it moves is
                // 1 − (1 − fraction)^strength.
                let frac = if self.ejection_strength < 1.0 {
                    1.0 - (1.0 - m.oxytocin.letdown_ejected_fraction.clamp(0.0, 0.99))
                        .libm_powf(self.ejection_strength)
                } else {
                    m.oxytocin.letdown_ejected_fraction
                };
                let made = [
                    self.glands[0].alveolar_ml * frac,
                    self.glands[1].alveolar_ml * frac,
                ];
                let session = self.active.first().map_or(0, |a| a.result);
                self.run.events.push(Event {
                    t_h: t,
                    kind: EventKind::LetDown {
                        session,
                        made_available_ml: made,
                    },
                });
                for a in &mut self.active {
                    a.last_letdown_h = t;
                    self.run.sessions[a.result].letdowns_h.push(t);
                }
                self.day.letdowns += 1;
            }
        }

        self.check_session_ends();

        // Nothing starts at the very end of the run.
        let can_start = t < self.horizon_h - eps;

        // Planned sessions due now.
        while can_start && let Some(p) = self.planned.get(self.next_planned) {
            if p.start_h > t + eps {
                break;
            }
            let p = p.clone();
            self.next_planned += 1;
            // A planned session takes over from a feed on demand in progress.
            let responsive: Vec<usize> = self
                .active
                .iter()
                .enumerate()
                .filter(|(_, a)| self.run.sessions[a.result].origin == Origin::Responsive)
                .map(|(i, _)| i)
                .collect();
            for i in responsive.into_iter().rev() {
                self.end_session(i);
            }
            self.start_session(p.kind, p.side, p.duration_h, p.origin);
        }

        // The baby is hungry: a feed on demand.
        if can_start
            && self.active.is_empty()
            && self.responsive_on(t)
            && t >= self.earliest_feed_h() - eps
            && self.hunger_ml
                >= meal_ml(&self.sc.infant, t) * breast_share(&self.sc.infant, t)
                    - HUNGER_REACHED_WITHIN_ML
            && breast_share(&self.sc.infant, t) > 0.0
        {
            let per_breast_h = self
                .sc
                .schedule
                .responsive
                .as_ref()
                .map_or(20.0, |r| r.max_minutes_per_breast)
                / 60.0;
            self.start_session(
                Kind::Breastfeed,
                SessionSide::Both,
                per_breast_h,
                Origin::Responsive,
            );
        }

        self.check_glands();

        if t >= self.next_sample_h - eps {
            self.sample();
        }
    }
}
