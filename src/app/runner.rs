//! Re-simulation after an edit: at once for short scenarios (a 28-day run and its plot data take
//! a few milliseconds, well inside a frame), on a worker thread for long ones so the window never
//! freezes. Only the newest scenario is ever computed: edits made while a long run is going are
//! folded into the next one.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use web_time::Instant;

use crate::Scenario;
use crate::run::Run;
use crate::scenario::Problem;
use crate::summary::{Metrics, plain_words};

use super::plot_data::RunPlots;

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
    let t1 = Instant::now();
    let plots = RunPlots::prepare(scenario, &run);
    let summary = plain_words(&run);
    let metrics = Metrics::of(&run);
    let t2 = Instant::now();
    Ok(Simulated {
        scenario: scenario.clone(),
        run: Arc::new(run),
        plots: Arc::new(plots),
        summary,
        metrics,
        simulate_ms: (t1 - t0).as_secs_f64() * 1e3,
        prepare_ms: (t2 - t1).as_secs_f64() * 1e3,
    })
}

pub type Outcome = (u64, Result<Simulated, Vec<Problem>>);

/// [`compute`], with a failure of the model turned into a problem the person sees, rather than a
/// window that vanishes (or a worker that never answers).
fn compute_guarded(scenario: &Scenario) -> Result<Simulated, Vec<Problem>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| compute(scenario))).unwrap_or_else(
        |panic| {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("no reason given");
            Err(vec![Problem::new(
                "",
                format!("the simulation failed ({why}); please report this scenario"),
            )])
        },
    )
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
    in_flight: Option<Receiver<Outcome>>,
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
        if self.in_flight.is_some() {
            self.queued = Some((revision, scenario.clone()));
        } else {
            self.spawn(revision, scenario.clone(), ctx);
        }
        None
    }

    fn spawn(&mut self, revision: u64, scenario: Scenario, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let alive = Alive::count(&WORKERS_ALIVE);
        std::thread::spawn(move || {
            let outcome = compute_guarded(&scenario);
            // The computation is over before its answer can start the next one: never two alive.
            drop(alive);
            // The window may have closed meanwhile: nothing to tell then.
            let _ = tx.send((revision, outcome));
            ctx.request_repaint();
        });
        self.in_flight = Some(rx);
    }

    /// A finished background run, if one arrived. Starts the queued one, if any.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let rx = self.in_flight.as_ref()?;
        let outcome = match rx.try_recv() {
            Ok(o) => Some(o),
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            // The worker died without a word (compute_guarded makes this unlikely): go on with
            // the newest request rather than wait forever.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
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

    /// Wait for the background run (tests and headless exports only).
    pub fn wait(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let mut last = None;
        while let Some(rx) = self.in_flight.take() {
            if let Ok(o) = rx.recv() {
                last = Some(o);
            }
            if let Some((revision, scenario)) = self.queued.take() {
                self.spawn(revision, scenario, ctx);
            }
        }
        last
    }
}
