//! The integrator loop: advances the two glands, the hormones and the baby through time, starts
//! and ends sessions, fires let-downs, and records the [`Run`].
//!
//! Time is integrated piecewise between events (session starts and ends, let-downs, the end of
//! an ejection, the moment the baby gets hungry, samples, midnights), with a short step during
//! sessions (seconds) and a long one between them (minutes). Linear flows (drainage, ejection,
//! removal, hormone clearance) use their exact exponential solution over a step; the fullness
//! brake on synthesis uses the midpoint rule. The same scenario gives the same run, bit for bit.

mod sampling;

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
use crate::model::oxytocin::{self, Reflex, ejection_rate_per_h};
use crate::model::pharmacology::{Body, Substance};
use crate::model::prolactin::{self, DOUBLE_STIMULATION};
use crate::mother_takes::{Dose, doses};
use crate::run::*;
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
    /// One member of an ensemble: the same integration, but the series sampled hourly (the bands
    /// need no more).
    pub fn ensemble_member() -> Self {
        Self {
            sample_every_min: 60.0,
            trace_sessions: TraceSessions::None,
            ..Self::default()
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
    let problems = scenario.validate();
    if !problems.is_empty() {
        return Err(problems);
    }
    let horizon_h = scenario.horizon_days * 24.0;
    let planned = scenario.schedule.expand(horizon_h, scenario.calendar())?;
    let doses = doses(&scenario.schedule.mother_takes, horizon_h);
    Ok(Sim::new(scenario, options, planned, doses).run())
}

/// Longest slow step inside a session, hours (see [`Sim::advance`]; never longer than the step
/// between sessions).
const SLOW_STEP_IN_SESSION_H: f64 = 5.0 / 60.0;

/// How soon to look again whether the baby may feed while feeding on demand is paused, hours:
/// the end of a pause is found within this (as steps between sessions did when they were 5
/// minutes long).
const PAUSED_LOOK_AGAIN_H: f64 = 5.0 / 60.0;

/// Step lengths whose factors are kept: the regular ones and a few cut short by events.
const FACTOR_CACHE: usize = 8;

/// Keep `f` in a small round-robin cache.
fn cache_put<T>(cache: &mut Vec<T>, next: &mut usize, f: T) {
    if cache.len() < FACTOR_CACHE {
        cache.push(f);
    } else {
        cache[*next] = f;
        *next = (*next + 1) % FACTOR_CACHE;
    }
}

/// Everything about a fast step that depends only on its length (and the scenario's
/// constants), computed once per distinct length: most steps have one of two lengths, so `exp`
/// stays out of the hot loop.
#[derive(Clone, Copy)]
struct FastFactors {
    dt_h: f64,
    /// Share of the missing ductal milk that drains in.
    drained: f64,
    baby_share: f64,
    pump_share: f64,
    eject_share: f64,
    oxytocin_kept: f64,
}

impl FastFactors {
    fn new(sc: &Scenario, ejection_rate_per_h: f64, dt_h: f64) -> Self {
        Self {
            dt_h,
            drained: moved_share(DRAINAGE_PER_H, dt_h),
            baby_share: moved_share(SUCKLING_DRAIN_PER_H * sc.infant.effectiveness_0_to_1, dt_h),
            pump_share: moved_share(SUCKLING_DRAIN_PER_H * sc.pump.efficiency_0_to_1, dt_h),
            eject_share: moved_share(ejection_rate_per_h, dt_h),
            oxytocin_kept: (-dt_h / oxytocin::clearance_tau_h(&sc.mother.oxytocin)).exp(),
        }
    }
}

/// The same for a slow step.
#[derive(Clone, Copy)]
struct SlowFactors {
    dt_h: f64,
    gland: StepDecay,
    prolactin_kept: f64,
    lag_kept: f64,
    mean_blend: f64,
    session_rate_kept: f64,
    /// Share of each substance the mother has taken left after the step, and after half of it.
    /// `None` when the mother takes nothing.
    substance_kept: Option<SubstanceKept>,
}

/// Shares of each substance left after a step and after half of it.
type SubstanceKept = ([f64; Substance::ALL.len()], [f64; Substance::ALL.len()]);

impl SlowFactors {
    fn new(sc: &Scenario, dt_h: f64) -> Self {
        let m = &sc.mother;
        let kept = |tau_h: f64| (-dt_h / tau_h).exp();
        let takes = !sc.schedule.mother_takes.is_empty();
        Self {
            dt_h,
            gland: StepDecay::new(dt_h),
            prolactin_kept: kept(prolactin::clearance_tau_h(m.prolactin.half_life_min)),
            lag_kept: kept(prolactin::RELEASE_LAG_H),
            mean_blend: 1.0 - kept(PROLACTIN_MEMORY_H),
            session_rate_kept: kept(SESSION_RATE_MEMORY_H),
            // Only a mother who takes something needs them (eight `exp`s a step length).
            substance_kept: takes.then(|| {
                (
                    Substance::ALL.map(|s| s.kept_after(dt_h)),
                    Substance::ALL.map(|s| s.kept_after(0.5 * dt_h)),
                )
            }),
        }
    }
}

/// A session in progress.
#[derive(Clone)]
struct Active {
    /// Index into `Run::sessions`.
    result: usize,
    kind: Kind,
    side: SessionSide,
    /// Breasts being drained now.
    draining: [bool; 2],
    /// For a breastfeed on both sides: the breast still to come.
    second: Option<Breast>,
    side_started_h: f64,
    /// Longest on one side (breastfeed) or the whole session (pump).
    limit_h: f64,
    tally: MilkTally,
    first_fat: f64,
    last_fat: f64,
    last_letdown_h: f64,
    flow_ml_per_min: [f64; 2],
}

#[derive(Clone)]
struct DayTally {
    production_ml: [f64; 2],
    removed_ml: [f64; 2],
    appetite_ml: f64,
    appetite_at_breast_ml: f64,
    appetite_while_away_ml: f64,
    intake_ml: f64,
    pumped_ml: f64,
    breastfeeds: usize,
    pump_sessions: usize,
    letdowns: usize,
    milk: MilkTally,
    prolactin_integral: f64,
    peak_fullness: f64,
}

impl DayTally {
    fn new() -> Self {
        Self {
            production_ml: [0.0; 2],
            removed_ml: [0.0; 2],
            appetite_ml: 0.0,
            appetite_at_breast_ml: 0.0,
            appetite_while_away_ml: 0.0,
            intake_ml: 0.0,
            pumped_ml: 0.0,
            breastfeeds: 0,
            pump_sessions: 0,
            letdowns: 0,
            milk: MilkTally::default(),
            prolactin_integral: 0.0,
            peak_fullness: 0.0,
        }
    }
}

#[derive(Clone)]
struct Sim<'a> {
    sc: &'a Scenario,
    opt: &'a SimOptions,
    horizon_h: f64,
    planned: Vec<PlannedSession>,
    next_planned: usize,
    /// Doses of what the mother takes, in time order, and the next one due.
    doses: Vec<Dose>,
    next_dose: usize,
    body: Body,
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
    cum_synth_ml: Vec<f64>,
    cum_removed_ml: Vec<f64>,
    synth_total_ml: f64,
    removed_total_ml: f64,
    next_sample_h: f64,
    sample_index: usize,
    /// Sessions whose prolactin peak is still being watched (the hour after their start).
    peak_watch: Vec<usize>,
    engorged: [bool; 2],
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

impl<'a> Sim<'a> {
    fn new(
        sc: &'a Scenario,
        opt: &'a SimOptions,
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
        Self {
            sc,
            opt,
            horizon_h: sc.horizon_days * 24.0,
            planned,
            next_planned: 0,
            doses,
            next_dose: 0,
            body: Body::default(),
            t: 0.0,
            glands,
            reflex: Reflex::new(&m.oxytocin),
            prolactin_ng_ml: p0,
            prolactin_mean_ng_ml: p0,
            prolactin_drive: 0.0,
            sessions_per_day: 10.0,
            hunger_ml: 0.0,
            last_feed_start_h: f64::NEG_INFINITY,
            last_feed_end_h: f64::NEG_INFINITY,
            active: Vec::new(),
            rng: fastrand::Rng::with_seed(sc.seed),
            run,
            day: DayTally::new(),
            cum_synth_ml: Vec::with_capacity(samples),
            cum_removed_ml: Vec::with_capacity(samples),
            synth_total_ml: 0.0,
            removed_total_ml: 0.0,
            next_sample_h: 0.0,
            sample_index: 0,
            peak_watch: Vec::new(),
            engorged: [false; 2],
            reopened: [false; 2],
            involuting: [false; 2],
            ejection_rate_per_h: ejection_rate_per_h(m.oxytocin.letdown_ejected_fraction),
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

    fn run(mut self) -> Run {
        let eps = 1e-9;
        self.sample();
        while self.t < self.horizon_h - eps {
            self.step();
        }
        self.end_all_sessions();
        self.finish()
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
        let mut next = self.horizon_h.min(((t / 24.0).floor() + 1.0) * 24.0);
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

    fn responsive_on(&self, t: f64) -> bool {
        self.sc
            .schedule
            .responsive
            .as_ref()
            .is_some_and(|r| r.active_at(t))
            && !self.sc.schedule.skipped(t)
            && !self.away(t)
    }

    /// Is the mother away from the baby (an absence of the schedule)?
    fn away(&self, t: f64) -> bool {
        self.sc.schedule.away(t, self.sc.calendar())
    }

    /// Rate at which the baby's hunger builds, ml/h (zero in a responsive night gap: someone
    /// else feeds the baby then, or it sleeps; zero while the mother is away: someone else
    /// feeds the baby).
    fn hunger_rate_ml_per_h(&self, t: f64, appetite_ml_per_day: f64) -> f64 {
        let night = self
            .sc
            .schedule
            .responsive
            .as_ref()
            .and_then(|r| r.night_gap.as_ref())
            .is_some_and(|g| g.contains(t));
        if night || self.away(t) {
            return 0.0;
        }
        appetite_ml_per_day / 24.0 * breast_share(&self.sc.infant, t)
    }

    /// The earliest a feed on demand may start: a little after the last feed ended, a while
    /// after it started, and not before the next day once a day has had its most feeds (D7).
    fn earliest_feed_h(&self) -> f64 {
        // A weak or sleepy baby also sleeps longer before it cues again (it has to be woken).
        let spacing_h = MIN_FEED_SPACING_H / self.sc.infant.effectiveness_0_to_1.max(0.1);
        let after = (self.last_feed_end_h + MIN_GAP_BETWEEN_FEEDS_H)
            .max(self.last_feed_start_h + spacing_h);
        // Room is kept for the planned breastfeeds still to come today (D7).
        if self.day.breastfeeds + self.planned_feeds_left_today() >= MAX_BREASTFEEDS_A_DAY {
            after.max(((self.t / 24.0).floor() + 1.0) * 24.0)
        } else {
            after
        }
    }

    /// Planned breastfeeds still to start before the next midnight.
    fn planned_feeds_left_today(&self) -> usize {
        let midnight = ((self.t / 24.0).floor() + 1.0) * 24.0;
        self.planned[self.next_planned..]
            .iter()
            .take_while(|p| p.start_h < midnight)
            .filter(|p| p.kind == Kind::Breastfeed)
            .count()
    }

    fn hunger_trigger_h(&self) -> Option<f64> {
        let t = self.t;
        if !self.responsive_on(t) {
            return None;
        }
        let earliest = self.earliest_feed_h();
        if t < earliest {
            return Some(earliest);
        }
        let need = meal_ml(&self.sc.infant, t) * breast_share(&self.sc.infant, t) - self.hunger_ml;
        let rate = self.hunger_rate_ml_per_h(t, appetite_ml_per_day(&self.sc.infant, t));
        if need <= 0.0 {
            return Some(t);
        }
        (rate > 0.0).then(|| t + need / rate)
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

    fn fast_factors(&mut self, dt: f64) -> FastFactors {
        if let Some(f) = self.fast_cache.iter().find(|f| f.dt_h == dt) {
            return *f;
        }
        let f = FastFactors::new(self.sc, self.ejection_rate_per_h, dt);
        cache_put(&mut self.fast_cache, &mut self.fast_next, f);
        f
    }

    fn slow_factors(&mut self, dt: f64) -> SlowFactors {
        if let Some(f) = self.slow_cache.iter().find(|f| f.dt_h == dt) {
            return *f;
        }
        let f = SlowFactors::new(self.sc, dt);
        cache_put(&mut self.slow_cache, &mut self.slow_next, f);
        f
    }

    /// The fast part of a step of `dt` from `self.t`: drainage, let-down, removal, oxytocin,
    /// and the session traces.
    fn fast(&mut self, dt: f64) {
        let k = self.fast_factors(dt);
        let t = self.t;
        for g in &mut self.glands {
            g.drain(k.drained);
        }

        // Let-down: the ejection squeezes both breasts (H6).
        if self.reflex.ejecting(t) {
            let overlap = self.reflex.ejecting_until_h - t;
            let share = if overlap >= dt {
                k.eject_share
            } else {
                moved_share(self.ejection_rate_per_h, overlap)
            };
            for g in &mut self.glands {
                g.eject(share);
            }
        }

        // Removal by the sessions in progress.
        for a in &mut self.active {
            for b in Breast::BOTH {
                let i = b.index();
                if !a.draining[i] {
                    a.flow_ml_per_min[i] = 0.0;
                    continue;
                }
                let share = match a.kind {
                    Kind::Breastfeed => k.baby_share,
                    Kind::Pump => k.pump_share,
                };
                let r = self.glands[i].remove(share);
                a.flow_ml_per_min[i] = r.volume_ml / (dt * 60.0);
                if r.volume_ml > 1e-9 {
                    let fat = r.fat_g / r.volume_ml * 1000.0;
                    if a.first_fat.is_nan() {
                        a.first_fat = fat;
                    }
                    a.last_fat = fat;
                }
                a.tally.add(r.volume_ml, r.fat_g, &r.solutes);
                self.day.milk.add(r.volume_ml, r.fat_g, &r.solutes);
                self.day.removed_ml[i] += r.volume_ml;
                self.removed_total_ml += r.volume_ml;
                self.run.balance.removed_ml += r.volume_ml;
                self.run.balance.fat_removed_g += r.fat_g;
                let res = &mut self.run.sessions[a.result];
                res.removed_ml[i] += r.volume_ml;
                match a.kind {
                    Kind::Breastfeed => {
                        self.hunger_ml -= r.volume_ml;
                        self.day.intake_ml += r.volume_ml;
                    }
                    Kind::Pump => self.day.pumped_ml += r.volume_ml,
                }
            }
        }

        self.reflex.clear(&self.sc.mother.oxytocin, k.oxytocin_kept);
        for g in &self.glands {
            self.day.peak_fullness = self.day.peak_fullness.max(g.fullness());
        }

        if self.opt.trace_sessions != TraceSessions::None {
            let t_end = t + dt;
            for a in &self.active {
                if !self.opt.trace_sessions.wants(a.result) {
                    continue;
                }
                let res = &mut self.run.sessions[a.result];
                let tr = &mut res.trace;
                tr.t_h.push(t_end);
                for b in Breast::BOTH {
                    let i = b.index();
                    tr.flow_ml_per_min[i].push(a.flow_ml_per_min[i]);
                    tr.fat_g_l[i].push(if a.draining[i] {
                        self.glands[i].outflow_fat_g_per_l()
                    } else {
                        f64::NAN
                    });
                }
                tr.removed_ml.push(res.removed_ml[0] + res.removed_ml[1]);
                tr.oxytocin_pg_ml.push(self.reflex.level_pg_per_ml);
            }
        }
    }

    /// The slow part over everything gathered since it last ran (it ends at `self.t`, or at
    /// the end of the step about to be taken between sessions): synthesis and adaptation, hunger,
    /// prolactin and what the mother takes, with the sessions in progress as they are now (every
    /// session start and end runs this first, so the stimulation was the same throughout).
    fn flush_slow(&mut self) {
        let dt = self.slow_pending_h;
        if dt <= 0.0 {
            return;
        }
        let from = self.slow_from_h;
        self.slow_pending_h = 0.0;
        self.slow_from_h = from + dt;
        let k = self.slow_factors(dt);
        let tm = from + 0.5 * dt;
        let m = &self.sc.mother;
        let activation = secretory_activation(tm, m.activation_delay_h);
        let birth_leak = junctions_open_after_birth(tm, m.activation_delay_h);
        let support = prolactin::capacity_support(self.prolactin_mean_ng_ml);

        // Synthesis and slow adaptation. sIgA and lactoferrin follow the cells at work: their
        // time course is worked out once for both breasts.
        let siga_per_activity = siga_secretion_g_per_h(tm, 1.0);
        let lactoferrin_per_activity = lactoferrin_extra_g_per_h(tm, 1.0);
        for (i, g) in self.glands.iter_mut().enumerate() {
            // Prolactin is permissive: the secretory cells run only while it supports them.
            let fullness_before = g.fullness();
            let made = g.synthesize(
                activation * support,
                m.milk_fat_synthesis_g_per_l,
                siga_per_activity * g.cell_activity(),
                lactoferrin_per_activity * g.cell_activity(),
                dt,
            );
            self.day.production_ml[i] += made;
            self.synth_total_ml += made;
            self.run.balance.synthesized_ml += made;
            self.run.balance.fat_synthesized_g += made * m.milk_fat_synthesis_g_per_l / 1000.0;
            let resorbed = g.adapt(
                fullness_before,
                m.secretory_capacity_ceiling_ml_per_h,
                support,
                activation,
                birth_leak,
                &k.gland,
            );
            self.run.balance.resorbed_ml += resorbed.volume_ml;
            self.run.balance.fat_resorbed_g += resorbed.fat_g;
        }

        // Hunger builds; beyond a cap it is unmet appetite (met by someone else).
        let appetite = appetite_ml_per_day(&self.sc.infant, tm);
        let rate = self.hunger_rate_ml_per_h(tm, appetite);
        self.hunger_ml += rate * dt;
        self.day.appetite_ml += appetite / 24.0 * dt;
        self.day.appetite_at_breast_ml += rate * dt;
        if rate == 0.0 && self.away(tm) {
            self.day.appetite_while_away_ml +=
                appetite / 24.0 * breast_share(&self.sc.infant, tm) * dt;
        }
        let cap = MAX_HUNGER_MEALS * appetite / meals_per_day(&self.sc.infant, tm);
        if self.hunger_ml > cap {
            self.hunger_ml = cap;
        }

        // Prolactin.
        let stimulation: f64 = self
            .active
            .iter()
            .map(|a| match (a.kind, a.side) {
                (Kind::Pump, SessionSide::Both) => DOUBLE_STIMULATION,
                _ => 1.0,
            })
            .sum();
        // What the mother takes scales prolactin release, at the step's midpoint.
        let medicine = match k.substance_kept {
            Some((kept, kept_half)) if !self.body.is_empty() => {
                let mut mid = self.body;
                mid.eliminate(&kept_half);
                self.body.eliminate(&kept);
                mid.prolactin_release_factor()
            }
            _ => 1.0,
        };
        let p = &m.prolactin;
        let declines = prolactin::Declines::at(tm);
        let base = prolactin::baseline_with(p, declines, self.sessions_per_day) * medicine;
        let tau = prolactin::clearance_tau_h(p.half_life_min);
        let release_per_drive = prolactin::surge_with(p, declines) * medicine;
        let course = prolactin::Course::new(
            self.prolactin_ng_ml,
            base,
            release_per_drive,
            self.prolactin_drive,
            stimulation,
            tau,
        );
        self.prolactin_step = sampling::ProlactinStep {
            from_h: from,
            course,
            tau_h: tau,
        };
        self.prolactin_drive = prolactin::lag_step(self.prolactin_drive, stimulation, k.lag_kept);
        self.prolactin_ng_ml = course.level(k.prolactin_kept, k.lag_kept);
        // The highest level of the step, for the sessions whose prolactin peak is watched.
        if !self.peak_watch.is_empty() {
            let (into_h, peak) = course.peak_within(dt);
            let at = from + into_h;
            for &i in &self.peak_watch {
                let s = &mut self.run.sessions[i];
                if peak > s.prolactin_peak_ng_ml && at <= s.start_h + 1.0 {
                    s.prolactin_peak_ng_ml = peak;
                    s.prolactin_peak_h = at;
                }
            }
        }
        let p_mean = course.mean(dt, k.prolactin_kept, k.lag_kept);
        self.prolactin_mean_ng_ml += (p_mean - self.prolactin_mean_ng_ml) * k.mean_blend;
        self.day.prolactin_integral += p_mean * dt;
        self.sessions_per_day *= k.session_rate_kept;
    }

    /// Handle everything due at `self.t`.
    fn at_stop(&mut self) {
        let t = self.t;
        let eps = 1e-9;
        // A new day first: whatever starts at midnight counts in the day it starts.
        if (t / 24.0 - (t / 24.0).round()).abs() < 1e-9 && t > eps {
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
            if self
                .reflex
                .fire(&m.oxytocin, m.stress_0_to_1, t, &mut self.rng)
            {
                let frac = m.oxytocin.letdown_ejected_fraction;
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
                >= meal_ml(&self.sc.infant, t) * breast_share(&self.sc.infant, t) - 1e-6
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

    fn start_session(&mut self, kind: Kind, side: SessionSide, limit_h: f64, origin: Origin) {
        // The slow part so far ran without this session's stimulation.
        self.flush_slow();
        let t = self.t;
        let (first, second) = match side {
            SessionSide::One(b) => (Some(b), None),
            SessionSide::Both => {
                let fuller = if self.glands[1].fullness() > self.glands[0].fullness() {
                    Breast::Right
                } else {
                    Breast::Left
                };
                (Some(fuller), Some(fuller.other()))
            }
        };
        let draining = match (kind, side) {
            (Kind::Pump, SessionSide::Both) => [true, true],
            _ => {
                let mut d = [false; 2];
                if let Some(b) = first {
                    d[b.index()] = true;
                }
                d
            }
        };
        let second = if kind == Kind::Pump { None } else { second };
        let result = self.run.sessions.len();
        self.run.sessions.push(SessionResult {
            start_h: t,
            end_h: t,
            kind,
            side,
            origin,
            removed_ml: [0.0; 2],
            stored_at_start_ml: [self.glands[0].stored_ml(), self.glands[1].stored_ml()],
            letdowns_h: Vec::new(),
            first_milk_fat_g_l: f64::NAN,
            last_milk_fat_g_l: f64::NAN,
            milk: nan_composition(),
            prolactin_start_ng_ml: self.prolactin_ng_ml,
            prolactin_peak_ng_ml: self.prolactin_ng_ml,
            prolactin_peak_h: t,
            satisfied: false,
            trace: if self.opt.trace_sessions.wants(result) {
                // One point a step, for as long as the session may last.
                let sides = if second.is_some() { 2.0 } else { 1.0 };
                let steps = sides * limit_h * 3600.0 / self.opt.step_in_session_s;
                SessionTrace::with_capacity(steps.ceil() as usize + 8)
            } else {
                SessionTrace::default()
            },
        });
        self.peak_watch.push(result);
        self.run.events.push(Event {
            t_h: t,
            kind: EventKind::SessionStart { session: result },
        });
        match kind {
            Kind::Breastfeed => {
                self.day.breastfeeds += 1;
                self.last_feed_start_h = t;
            }
            Kind::Pump => self.day.pump_sessions += 1,
        }
        self.sessions_per_day += 24.0 / SESSION_RATE_MEMORY_H;
        if self.active.is_empty() {
            let m = &self.sc.mother;
            self.reflex.start(
                &m.oxytocin,
                m.stress_0_to_1,
                kind,
                side == SessionSide::Both,
                t,
                &mut self.rng,
            );
        }
        self.active.push(Active {
            result,
            kind,
            side,
            draining,
            second,
            side_started_h: t,
            limit_h,
            tally: MilkTally::default(),
            first_fat: f64::NAN,
            last_fat: f64::NAN,
            last_letdown_h: f64::NEG_INFINITY,
            flow_ml_per_min: [0.0; 2],
        });
    }

    fn check_session_ends(&mut self) {
        let t = self.t;
        let mut i = 0;
        while i < self.active.len() {
            let a = &self.active[i];
            let on_side_h = t - a.side_started_h;
            let timed_out = on_side_h >= a.limit_h - 1e-9;
            let mut done_side = timed_out;
            let mut satisfied = false;
            if a.kind == Kind::Breastfeed {
                satisfied = self.hunger_ml <= 0.0;
                let flow: f64 = a.flow_ml_per_min.iter().sum();
                let bored = on_side_h * 60.0 >= GIVE_UP_AFTER_MIN
                    && (t - a.last_letdown_h) * 60.0 >= GIVE_UP_AFTER_LETDOWN_MIN
                    && flow < GIVE_UP_FLOW_ML_PER_MIN;
                // A weak baby tires and falls asleep: the feed ends, whichever side it is on.
                let fed_min = (t - self.run.sessions[a.result].start_h) * 60.0;
                let tired =
                    fed_min >= FEED_STAMINA_MIN * self.sc.infant.effectiveness_0_to_1 - 1e-9;
                if tired && !satisfied {
                    self.end_session(i);
                    continue;
                }
                done_side |= bored || satisfied;
            }
            if !done_side {
                i += 1;
                continue;
            }
            if !satisfied && let Some(next) = a.second {
                let a = &mut self.active[i];
                a.draining = [false; 2];
                a.draining[next.index()] = true;
                a.second = None;
                a.side_started_h = t;
                a.flow_ml_per_min = [0.0; 2];
                i += 1;
                continue;
            }
            self.run.sessions[self.active[i].result].satisfied = satisfied;
            self.end_session(i);
        }
    }

    fn end_session(&mut self, i: usize) {
        // The slow part so far ran with this session's stimulation.
        self.flush_slow();
        let t = self.t;
        let a = self.active.remove(i);
        let res = &mut self.run.sessions[a.result];
        res.end_h = t;
        res.first_milk_fat_g_l = a.first_fat;
        res.last_milk_fat_g_l = a.last_fat;
        res.milk = a.tally.composition();
        if res.kind == Kind::Breastfeed {
            self.last_feed_end_h = t;
        }
        self.run.events.push(Event {
            t_h: t,
            kind: EventKind::SessionEnd { session: a.result },
        });
        if self.active.is_empty() {
            self.reflex.stop();
        }
    }

    fn end_all_sessions(&mut self) {
        while !self.active.is_empty() {
            self.end_session(self.active.len() - 1);
        }
    }

    fn check_glands(&mut self) {
        let t = self.t;
        for b in Breast::BOTH {
            let i = b.index();
            let g = &self.glands[i];
            let f = g.fullness();
            if !self.engorged[i] && f >= ENGORGED_FULLNESS {
                self.engorged[i] = true;
                // Fullness moves smoothly over a step: the mark was crossed inside it.
                let (t0, f0) = (self.step_from.0, self.step_from.1[i]);
                let crossed_h = if f0 < ENGORGED_FULLNESS && f > f0 {
                    t0 + (t - t0) * (ENGORGED_FULLNESS - f0) / (f - f0)
                } else {
                    t
                };
                // In time order: what this stop started comes after it.
                let at = self.run.events.partition_point(|e| e.t_h <= crossed_h);
                self.run.events.insert(
                    at,
                    Event {
                        t_h: crossed_h,
                        kind: EventKind::Engorgement { breast: b },
                    },
                );
            } else if self.engorged[i] && f < ENGORGEMENT_EASED_FULLNESS {
                self.engorged[i] = false;
            }
            if !self.reopened[i] && g.stasis_leak > JUNCTIONS_REOPENED_LEAK {
                self.reopened[i] = true;
                self.run.events.push(Event {
                    t_h: t,
                    kind: EventKind::JunctionsReopened { breast: b },
                });
            } else if self.reopened[i] && g.stasis_leak < JUNCTIONS_SEALED_LEAK {
                self.reopened[i] = false;
            }
            let peak = g.peak_capacity_ml_per_h;
            if !self.involuting[i] && peak > 0.0 && g.capacity_ml_per_h < 0.5 * peak {
                self.involuting[i] = true;
                self.run.events.push(Event {
                    t_h: t,
                    kind: EventKind::Involution { breast: b },
                });
            } else if self.involuting[i] && g.capacity_ml_per_h > 0.75 * peak {
                self.involuting[i] = false;
            }
        }
    }

    fn close_day(&mut self) {
        self.flush_slow();
        let day = self.run.days.len();
        let d = std::mem::replace(&mut self.day, DayTally::new());
        let summary = DaySummary {
            day,
            production_ml: d.production_ml,
            removed_ml: d.removed_ml,
            appetite_ml: d.appetite_ml,
            appetite_at_breast_ml: d.appetite_at_breast_ml,
            appetite_while_away_ml: d.appetite_while_away_ml,
            intake_ml: d.intake_ml,
            pumped_ml: d.pumped_ml,
            breastfeeds: d.breastfeeds,
            pump_sessions: d.pump_sessions,
            letdowns: d.letdowns,
            milk: d.milk.composition(),
            mean_prolactin_ng_ml: d.prolactin_integral / 24.0,
            peak_fullness_0_to_1: d.peak_fullness,
            secretory_capacity_ml_per_h: [
                self.glands[0].capacity_ml_per_h,
                self.glands[1].capacity_ml_per_h,
            ],
        };
        let responsive = self.sc.schedule.responsive.is_some();
        let wanted = summary.appetite_at_breast_ml;
        if responsive && day >= 5 && wanted > 0.0 && summary.intake_ml < 0.85 * wanted {
            self.run.events.push(Event {
                t_h: self.t,
                kind: EventKind::UnmetAppetite {
                    day,
                    unmet_ml: wanted - summary.intake_ml,
                },
            });
        }
        self.run.days.push(summary);
    }

    fn finish(mut self) -> Run {
        self.flush_slow();
        // A last, partial day is summarised only if it has most of a day in it.
        if self.t - (self.run.days.len() as f64) * 24.0 > 12.0 {
            self.close_day();
        }
        let b = &mut self.run.balance;
        b.stored_at_end_ml = self.glands.iter().map(|g| g.stored_ml()).sum();
        b.fat_stored_at_end_g = self.glands.iter().map(|g| g.fat_g).sum();
        self.run.warnings = crate::warnings::warnings(self.sc, &self.run);
        self.run
    }
}
