//! The check, row by row, each row after what it reads: whole on the desktop's worker, a piece at
//! a time in the browser.

use std::collections::VecDeque;
use std::sync::Arc;

use super::{Checked, Reads, Row, Runs, WantedRun, population};
use super::{population_scenario, rows, whole_population};
use crate::ensemble::{EnsembleSteps, Progress as EnsembleProgress};
use crate::sim::{SLICE_DAYS, SimOptions, Simulation};

/// One thing the check does: a run a row reads, the mothers, or a row's check.
enum Task {
    Simulate(Box<WantedRun>),
    Population,
    Check(Row),
}

impl Task {
    /// Work in the units of [`Checking::done_fraction`]: about a day of a run of the default
    /// scenario (0.13 ms on this project's 2-core machine).
    fn work(&self) -> f64 {
        match self {
            Task::Simulate(w) => w.scenario.horizon_days * traced_cost(&w.options),
            // A mother's day takes about a third of a run's (coarser steps and samples).
            Task::Population => {
                population::POPULATION_MEMBERS as f64 * population::POPULATION_DAYS / 3.0
            }
            // A row's own reading of its runs: a fraction of a day's simulation.
            Task::Check(_) => 0.5,
        }
    }
}

/// A run that records every session's fine trace takes about a third longer.
fn traced_cost(options: &SimOptions) -> f64 {
    if options.trace_sessions == crate::TraceSessions::None {
        1.0
    } else {
        1.3
    }
}

/// The rows checked in order, each after the runs it reads (each run simulated once, whichever
/// rows read it). [`Self::advance`] does a task whole (on the desktop's worker); [`Self::step`]
/// does a piece (in the browser, between frames: a week of a run, a month of one of the
/// mothers, or a row's check, which then only reads), so that the page keeps answering. Both
/// give the same outcomes.
pub struct Checking {
    runs: Runs,
    tasks: VecDeque<Task>,
    /// The run being simulated a piece at a time ([`Self::step`]), and its key.
    simulating: Option<(String, Box<Simulation>)>,
    /// The mothers the P rows read, a month of one at a time ([`Self::step`]).
    population: Option<(EnsembleSteps, EnsembleProgress)>,
    total_work: f64,
    done_work: f64,
    rows: usize,
    pub checked: Vec<Checked>,
}

impl Checking {
    pub fn start() -> Self {
        let rows = rows();
        let count = rows.len();
        let mut seen = std::collections::HashSet::new();
        let mut population = false;
        let mut tasks = VecDeque::new();
        for row in rows {
            match (row.reads)() {
                Reads::Nothing => {}
                Reads::Runs(wanted) => tasks.extend(
                    wanted
                        .into_iter()
                        .filter(|w| seen.insert(w.key()))
                        .map(|w| Task::Simulate(Box::new(w))),
                ),
                Reads::Population if !population => {
                    population = true;
                    tasks.push_back(Task::Population);
                }
                Reads::Population => {}
            }
            tasks.push_back(Task::Check(row));
        }
        Self {
            runs: Runs::default(),
            total_work: tasks.iter().map(Task::work).sum(),
            done_work: 0.0,
            tasks,
            simulating: None,
            population: None,
            rows: count,
            checked: Vec::with_capacity(count),
        }
    }

    /// Do the next task whole (a run, the mothers on every core, or a row's check); `false`
    /// once every row is checked.
    pub fn advance(&mut self) -> bool {
        let Some(task) = self.tasks.pop_front() else {
            return false;
        };
        self.done_work += task.work();
        match task {
            Task::Simulate(wanted) => {
                if !self.runs.has(&wanted) {
                    let run = Simulation::start(&wanted.scenario, &wanted.options)
                        .unwrap_or_else(|p| {
                            panic!(
                                "validation scenario {:?} is invalid: {p:?}",
                                wanted.scenario.name
                            )
                        })
                        .finish();
                    self.runs.keep(wanted.key(), run);
                }
            }
            Task::Population => {
                let _ = self
                    .runs
                    .population
                    .get_or_init(|| Arc::new(whole_population()));
            }
            Task::Check(row) => self.check(row),
        }
        true
    }

    fn check(&mut self, row: Row) {
        let outcome = (row.check)(&self.runs);
        self.checked.push(Checked { row, outcome });
    }

    /// Do a piece of the next task: a week of a run ([`sim::SLICE_DAYS`]), a month of one of
    /// the mothers (the 300 mothers at once held the browser's page for over a second), or a
    /// row's check; `false` once every row is checked. The same outcomes as [`Self::advance`].
    pub fn step(&mut self) -> bool {
        match self.tasks.front() {
            None => false,
            Some(Task::Check(_)) => self.advance(),
            Some(Task::Simulate(_)) => {
                self.step_run();
                true
            }
            Some(Task::Population) => {
                self.step_population();
                true
            }
        }
    }

    /// A week of the run at the front of the tasks (started on the first piece).
    fn step_run(&mut self) {
        if self.simulating.is_none() {
            let Some(Task::Simulate(wanted)) = self.tasks.front() else {
                return;
            };
            if self.runs.has(wanted) {
                self.advance();
                return;
            }
            let simulation =
                Simulation::start(&wanted.scenario, &wanted.options).unwrap_or_else(|p| {
                    panic!(
                        "validation scenario {:?} is invalid: {p:?}",
                        wanted.scenario.name
                    )
                });
            self.simulating = Some((wanted.key(), Box::new(simulation)));
            return;
        }
        let Some((_, simulation)) = self.simulating.as_mut() else {
            return;
        };
        if simulation.is_done() {
            let (key, simulation) = self.simulating.take().expect("simulating");
            self.runs.keep(key, simulation.finish());
            let _ = self.tasks.pop_front().map(|t| self.done_work += t.work());
        } else {
            simulation.advance_to(simulation.simulated_h() + SLICE_DAYS * 24.0);
        }
    }

    /// A month of one of the mothers the P rows read.
    fn step_population(&mut self) {
        if self.runs.population.get().is_some() {
            self.advance();
            return;
        }
        let (steps, progress) = self.population.get_or_insert_with(|| {
            let steps =
                EnsembleSteps::start(&population_scenario(), population::POPULATION_MEMBERS)
                    .expect("the default scenario is valid");
            (steps, EnsembleProgress::default())
        });
        if let Some(done) = steps.step(progress) {
            let ensemble = done
                .expect("the default scenario is valid")
                .expect("never cancelled");
            // Set once: nothing else sets it while the check goes.
            let _ = self.runs.population.set(Arc::new(ensemble));
            self.population = None;
            let _ = self.tasks.pop_front().map(|t| self.done_work += t.work());
        }
    }

    /// The share of the work done, 0 to 1, counted in simulated days (the task under way
    /// counted by how far it has gone).
    pub fn done_fraction(&self) -> f32 {
        let under_way = match self.tasks.front() {
            Some(task @ Task::Simulate(_)) => self
                .simulating
                .as_ref()
                .map_or(0.0, |(_, s)| s.done_fraction() * task.work()),
            Some(task @ Task::Population) => self.population.as_ref().map_or(0.0, |(_, p)| {
                p.done() as f64 / population::POPULATION_MEMBERS as f64 * task.work()
            }),
            _ => 0.0,
        };
        if self.tasks.is_empty() {
            return 1.0;
        }
        ((self.done_work + under_way) / self.total_work.max(f64::MIN_POSITIVE)).min(1.0) as f32
    }

    /// How many runs the rows' checks simulated themselves (see [`Runs::simulated_by_checks`]).
    pub fn simulated_by_checks(&self) -> usize {
        self.runs.simulated_by_checks()
    }

    /// How many rows there are to check.
    pub fn rows(&self) -> usize {
        self.rows
    }
}
