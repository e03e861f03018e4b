//! The check, row by row, each row after what it reads: whole on the desktop's worker, a piece at
//! a time in the browser.

use std::collections::VecDeque;
use std::sync::Arc;

use super::{Checked, Reads, Row, Runs, WantedRun, population};
use super::{population_scenario, rows, whole_population};
use crate::ensemble::{EnsembleSteps, Progress as EnsembleProgress};
use crate::sim::{SLICE_DAYS, SimOptions, Simulation};

/// One thing the check does: a run a row reads, the mothers, or a row's check. Work begun a
/// piece at a time is held by its task, so that the task done whole ([`Checking::advance`])
/// finishes it.
enum Task {
    Simulate {
        wanted: Box<WantedRun>,
        under_way: Option<Box<Simulation>>,
    },
    Population {
        under_way: Option<Box<(EnsembleSteps, EnsembleProgress)>>,
    },
    Check(Row),
}

impl Task {
    /// Work in the units of [`Checking::done_fraction`]: about a day of a run of the default
    /// scenario (0.13 ms on this project's 2-core machine).
    fn work(&self) -> f64 {
        match self {
            Task::Simulate { wanted, .. } => {
                wanted.scenario.horizon_days * traced_cost(&wanted.options)
            }
            // A mother's day takes about a third of a run's (coarser steps and samples).
            Task::Population { .. } => {
                population::POPULATION_MEMBERS as f64 * population::POPULATION_DAYS / 3.0
            }
            // A row's own reading of its runs: a fraction of a day's simulation.
            Task::Check(_) => 0.5,
        }
    }

    /// The share of this task done so far, 0 to 1.
    fn done_fraction(&self) -> f64 {
        match self {
            Task::Simulate {
                under_way: Some(simulation),
                ..
            } => simulation.done_fraction(),
            Task::Population {
                under_way: Some(steps),
            } => steps.1.done() as f64 / population::POPULATION_MEMBERS as f64,
            _ => 0.0,
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
/// give the same outcomes, and may be mixed.
pub struct Checking {
    runs: Runs,
    tasks: VecDeque<Task>,
    total_work: f64,
    done_work: f64,
    rows: usize,
    pub checked: Vec<Checked>,
}

impl Checking {
    /// Every row, in the order of `targets.md`.
    pub fn start() -> Self {
        Self::of_rows(rows())
    }

    /// These rows, in this order.
    pub fn of_rows(rows: Vec<Row>) -> Self {
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
                        .map(|w| Task::Simulate {
                            wanted: Box::new(w),
                            under_way: None,
                        }),
                ),
                Reads::Population if !population => {
                    population = true;
                    tasks.push_back(Task::Population { under_way: None });
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
            rows: count,
            checked: Vec::with_capacity(count),
        }
    }

    /// Do the next task whole, or what is left of it (a run, the mothers on every core unless
    /// begun a piece at a time, or a row's check); `false` once every row is checked.
    pub fn advance(&mut self) -> bool {
        let Some(task) = self.tasks.pop_front() else {
            return false;
        };
        self.done_work += task.work();
        match task {
            Task::Simulate { wanted, under_way } => {
                if !self.runs.has(&wanted) {
                    let simulation = under_way.unwrap_or_else(|| Box::new(wanted.start()));
                    self.runs.keep(wanted.key(), simulation.finish());
                }
            }
            Task::Population { under_way } => {
                if self.runs.population.get().is_none() {
                    let ensemble = match under_way {
                        Some(steps) => {
                            let (mut steps, progress) = *steps;
                            loop {
                                if let Some(done) = steps.step(&progress) {
                                    break mothers(done);
                                }
                            }
                        }
                        None => whole_population(),
                    };
                    // Set once: nothing else sets it while the check goes.
                    let _ = self.runs.population.set(Arc::new(ensemble));
                }
            }
            Task::Check(row) => self.check(row),
        }
        true
    }

    fn check(&mut self, row: Row) {
        let outcome = (row.check)(&self.runs);
        self.checked.push(Checked { row, outcome });
    }

    /// Do a piece of the next task: a week of a run ([`SLICE_DAYS`]), a month of one of the
    /// mothers (the 300 mothers at once held the browser's page for over a second), or a row's
    /// check; `false` once every row is checked. The same outcomes as [`Self::advance`].
    pub fn step(&mut self) -> bool {
        let finished = match self.tasks.front_mut() {
            None => return false,
            Some(Task::Check(_)) => true,
            Some(Task::Simulate { wanted, under_way }) => {
                if self.runs.has(wanted) {
                    true
                } else {
                    match under_way {
                        None => {
                            *under_way = Some(Box::new(wanted.start()));
                            false
                        }
                        Some(simulation) if simulation.is_done() => true,
                        Some(simulation) => {
                            simulation.advance_to(simulation.simulated_h() + SLICE_DAYS * 24.0);
                            false
                        }
                    }
                }
            }
            Some(Task::Population { under_way }) => {
                if self.runs.population.get().is_some() {
                    true
                } else {
                    let steps = under_way.get_or_insert_with(|| {
                        let steps = EnsembleSteps::start(
                            &population_scenario(),
                            population::POPULATION_MEMBERS,
                        )
                        .expect("the default scenario is valid");
                        Box::new((steps, EnsembleProgress::default()))
                    });
                    let (steps, progress) = &mut **steps;
                    match steps.step(progress) {
                        Some(done) => {
                            let _ = self.runs.population.set(Arc::new(mothers(done)));
                            true
                        }
                        None => false,
                    }
                }
            }
        };
        if finished {
            // What is left of it: nothing but taking it off the list (or the row's check).
            self.advance();
        }
        true
    }

    /// The share of the work done, 0 to 1, counted in simulated days (the task under way
    /// counted by how far it has gone).
    pub fn done_fraction(&self) -> f32 {
        let Some(front) = self.tasks.front() else {
            return 1.0;
        };
        let under_way = front.done_fraction() * front.work();
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

/// The mothers, from the end of their steps.
fn mothers(
    done: Result<Option<crate::ensemble::EnsembleRun>, Vec<crate::scenario::Problem>>,
) -> crate::ensemble::EnsembleRun {
    done.expect("the default scenario is valid")
        .expect("never cancelled")
}
