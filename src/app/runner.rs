//! Re-simulation after an edit: at once for short scenarios (a 28-day run and its plot data take
//! a few milliseconds, well inside a frame), in the background for long ones so the window never
//! freezes (a worker thread on the desktop; slices of a few simulated days between frames in the
//! browser, see [`SimulateJob`]). Only the newest scenario is ever computed: edits made while a
//! long run is going are folded into the next one.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use web_time::Instant;

use crate::Scenario;
use crate::run::Run;
use crate::scenario::Problem;
use crate::summary::{Metrics, plain_words};

use super::platform::{self, Job, Polled, Task};
use super::plot_data::RunPlots;
use super::plot_making::PlotsInPieces;
use crate::sim::{SLICE_DAYS, SimOptions, Simulation};

/// Scenarios up to this long are simulated on the UI thread: simulation and plot data take about
/// 4–5 ms for 28 days (`cargo bench --bench explorer`), so about 8 ms at 45, inside a 16 ms frame
/// with the drawing. Longer ones go to a worker thread.
pub const SYNC_MAX_DAYS: f64 = 45.0;

/// A run and everything drawn from it, computed once.
#[derive(Clone, Debug)]
pub struct Simulated {
    pub scenario: Scenario,
    pub run: Arc<Run>,
    pub plots: Arc<RunPlots>,
    pub summary: String,
    pub metrics: Metrics,
    pub simulate_ms: f64,
    pub prepare_ms: f64,
}

/// Simulate and prepare the plots: the whole path from an edit to something to draw.
pub fn compute(scenario: &Scenario) -> Result<Simulated, Vec<Problem>> {
    let t0 = Instant::now();
    let run = crate::simulate(scenario)?;
    Ok(prepare(
        scenario,
        run,
        (Instant::now() - t0).as_secs_f64() * 1e3,
    ))
}

/// What is drawn from a run, made once.
fn prepare(scenario: &Scenario, run: Run, simulate_ms: f64) -> Simulated {
    let t1 = Instant::now();
    let plots = RunPlots::prepare(scenario, &run);
    let prepare_ms = (Instant::now() - t1).as_secs_f64() * 1e3;
    with_words(scenario, run, plots, simulate_ms, prepare_ms)
}

/// A run and its plots, with its summary and metrics.
fn with_words(
    scenario: &Scenario,
    run: Run,
    plots: RunPlots,
    simulate_ms: f64,
    plots_ms: f64,
) -> Simulated {
    let t0 = Instant::now();
    let summary = plain_words(&run);
    let metrics = Metrics::of(&run);
    Simulated {
        scenario: scenario.clone(),
        run: Arc::new(run),
        plots: Arc::new(plots),
        summary,
        metrics,
        simulate_ms,
        prepare_ms: plots_ms + (Instant::now() - t0).as_secs_f64() * 1e3,
    }
}

/// A long run, a few days at a time ([`SLICE_DAYS`]), then its end, then its plots one at a
/// time, then its words: each a piece of its own.
pub struct SimulateJob {
    revision: u64,
    scenario: Scenario,
    stage: Option<Stage>,
    /// Time spent simulating so far.
    simulate_ms: f64,
    /// Time spent making its plots so far.
    plots_ms: f64,
    /// Counted in [`WORKERS_ALIVE`] until the computation is over.
    alive: Option<Alive>,
}

enum Stage {
    /// Not begun: the scenario is checked and its schedule laid out at the first step, on the
    /// worker (not on the window's thread).
    Waiting,
    Simulating(Box<Simulation>),
    /// Its plots being made, one a step.
    Plotting(Box<(Run, PlotsInPieces)>),
}

impl SimulateJob {
    fn new(revision: u64, scenario: Scenario) -> Self {
        Self {
            revision,
            scenario,
            stage: Some(Stage::Waiting),
            simulate_ms: 0.0,
            plots_ms: 0.0,
            alive: Some(Alive::count(&WORKERS_ALIVE)),
        }
    }

    fn step_guarded(&mut self) -> Option<Result<Simulated, Vec<Problem>>> {
        let t0 = Instant::now();
        let next = match self.stage.take()? {
            Stage::Waiting => match Simulation::start(&self.scenario, &SimOptions::default()) {
                Ok(simulation) => Stage::Simulating(Box::new(simulation)),
                Err(problems) => return Some(Err(problems)),
            },
            Stage::Simulating(simulation) if simulation.is_done() => {
                let run = simulation.finish();
                let plots = PlotsInPieces::new(&run);
                Stage::Plotting(Box::new((run, plots)))
            }
            Stage::Simulating(mut simulation) => {
                simulation.advance_to(simulation.simulated_h() + SLICE_DAYS * 24.0);
                Stage::Simulating(simulation)
            }
            Stage::Plotting(plotting) if plotting.1.is_done() => {
                let (run, plots) = *plotting;
                let plots = plots.finish(&self.scenario, &run);
                return Some(Ok(with_words(
                    &self.scenario,
                    run,
                    plots,
                    self.simulate_ms,
                    self.plots_ms,
                )));
            }
            Stage::Plotting(mut plotting) => {
                let (run, plots) = &mut *plotting;
                plots.step(&self.scenario, run);
                self.plots_ms += (Instant::now() - t0).as_secs_f64() * 1e3;
                self.stage = Some(Stage::Plotting(plotting));
                return None;
            }
        };
        self.simulate_ms += (Instant::now() - t0).as_secs_f64() * 1e3;
        self.stage = Some(next);
        None
    }
}

impl Job for SimulateJob {
    type Output = Outcome;

    fn step(&mut self) -> Option<Outcome> {
        let revision = self.revision;
        let out = guarded(|| self.step_guarded()).map_or_else(
            |problem| Some((revision, Err(problem))),
            |done| done.map(|outcome| (revision, outcome)),
        );
        if out.is_some() {
            // The computation is over before its answer can start the next one.
            self.alive = None;
        }
        out
    }

    /// Its end, and each of its plots: a year's supply or hormones plot takes 10–20 ms in a
    /// browser here, and one begun late in a frame's budget held the frame over 50 ms (45 ms of
    /// background work, a 61 ms update); in a frame of its own each stays well under.
    fn next_piece_is_large(&self) -> bool {
        match &self.stage {
            Some(Stage::Simulating(s)) => s.is_done(),
            Some(Stage::Plotting(_)) => true,
            _ => false,
        }
    }

    /// Simulating is most of the work; its plots the last tenth.
    fn done_fraction(&self) -> f32 {
        match &self.stage {
            Some(Stage::Waiting) => 0.0,
            Some(Stage::Simulating(s)) => 0.9 * s.done_fraction() as f32,
            Some(Stage::Plotting(p)) => 0.9 + 0.1 * p.1.done_fraction() as f32,
            // Answered (or failed): nothing left.
            None => 1.0,
        }
    }

    fn run_to_end(mut self, _progress: &platform::Progress) -> Outcome {
        // On a thread of its own, a run goes at once (and as fast as it can).
        let outcome = compute_guarded(&self.scenario);
        // The computation is over before its answer can start the next one: never two alive.
        self.alive = None;
        (self.revision, outcome)
    }
}

pub type Outcome = (u64, Result<Simulated, Vec<Problem>>);

/// [`compute`], with a failure of the model turned into a problem the person sees, rather than a
/// window that vanishes (or a worker that never answers).
fn compute_guarded(scenario: &Scenario) -> Result<Simulated, Vec<Problem>> {
    guarded(|| compute(scenario)).unwrap_or_else(Err)
}

/// `work`, with a panic turned into the problem the person sees. (On the desktop: in the browser
/// a panic stops the program, and the page says so: `platform::web`.)
fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, Vec<Problem>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        vec![Problem::new(
            "",
            format!(
                "the simulation failed ({}); please report this scenario",
                panic_words(panic.as_ref())
            ),
        )]
    })
}

/// What a panic said.
pub(super) fn panic_words(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "no reason given".to_owned())
}

/// Worker threads computing a run right now, in the whole process. The runner starts one only
/// when none of its own is in flight, and keeps at most the newest request waiting (a scenario,
/// not a computation): so at most one computation, superseded or not, is ever alive per window.
static WORKERS_ALIVE: AtomicUsize = AtomicUsize::new(0);

/// One computation counted in `counter` while this lives: counted down however its thread ends
/// (a panic is caught inside, but be sure), or earlier by dropping it.
pub(super) struct Alive(&'static AtomicUsize);

impl Alive {
    pub(super) fn count(counter: &'static AtomicUsize) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        Self(counter)
    }
}

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// See [`WORKERS_ALIVE`] (for the load test).
pub fn workers_alive() -> usize {
    WORKERS_ALIVE.load(Ordering::SeqCst)
}

#[derive(Default)]
pub struct Runner {
    /// The run in the background.
    in_flight: Option<Task<Outcome>>,
    /// The newest revision asked for while another was being computed.
    queued: Option<(u64, Scenario)>,
}

impl Runner {
    /// Ask for a run of `scenario` (at `revision`). Short scenarios are computed now and returned;
    /// long ones start on a worker thread and arrive through [`Runner::poll`].
    pub fn request(
        &mut self,
        revision: u64,
        scenario: &Scenario,
        ctx: &egui::Context,
    ) -> Option<Outcome> {
        if scenario.horizon_days <= SYNC_MAX_DAYS && self.in_flight.is_none() {
            return Some((revision, compute_guarded(scenario)));
        }
        if self.in_flight.is_some() && !platform::IN_BROWSER {
            self.queued = Some((revision, scenario.clone()));
        } else {
            // In the browser a superseded run is simply dropped (its slices stop with it): no
            // thread has to be waited for.
            self.spawn(revision, scenario.clone(), ctx);
        }
        None
    }

    fn spawn(&mut self, revision: u64, scenario: Scenario, ctx: &egui::Context) {
        self.in_flight = Some(platform::start(SimulateJob::new(revision, scenario), ctx));
    }

    /// A finished background run, if one arrived. Starts the queued one, if any.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let task = self.in_flight.as_mut()?;
        let outcome = match task.poll(ctx) {
            Polled::Ready(o) => Some(o),
            Polled::Pending => return None,
            // The worker died without a word (compute_guarded makes this unlikely): go on with
            // the newest request rather than wait forever.
            Polled::Lost => None,
        };
        self.in_flight = None;
        if let Some((revision, scenario)) = self.queued.take() {
            if scenario.horizon_days <= SYNC_MAX_DAYS {
                return Some((revision, compute_guarded(&scenario)));
            }
            self.spawn(revision, scenario, ctx);
        }
        outcome
    }

    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// How far the background run is, 0 to 1 (`None` when there is none).
    pub fn progress(&self) -> Option<f32> {
        self.in_flight.as_ref().map(Task::progress)
    }

    /// Wait for the background run (tests and headless exports only).
    pub fn wait(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let mut last = None;
        while let Some(task) = self.in_flight.take() {
            if let Some(o) = task.wait() {
                last = Some(o);
            }
            if let Some((revision, scenario)) = self.queued.take() {
                self.spawn(revision, scenario, ctx);
            }
        }
        last
    }
}
