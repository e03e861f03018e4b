//! How good is the model? Every row of `../shared/physiology/targets.md` that the model can run,
//! run: the model's figure beside the published one, pass or fail. `lactosim validate` prints
//! this table, `docs/validation.md` is it written out (a test keeps the file current), the GUI
//! shows it under Help, and the tests assert each row.
//!
//! - [`steady`]: the steady state (rows A and E);
//! - [`hormones`]: prolactin, oxytocin and the let-down (rows H);
//! - [`local_control`]: each breast's own control of its supply (rows L);
//! - [`responses`]: responses to change (rows D), each a pair of scenarios that differ only in
//!   the change, with the same seed;
//! - [`population`]: between mothers (rows P), an ensemble of the default scenario;
//! - [`blood_to_milk`]: what the mother takes reaching the baby (rows B4–B9).
//!
//! Each row says what it reads ([`Reads`]); [`Checking`] simulates that before the row, whole or
//! a piece at a time, and the row's check only reads.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub use checking::Checking;

use crate::ensemble::EnsembleRun;
use crate::run::Run;
use crate::scenario::Scenario;
use crate::sim::{SimOptions, Simulation};

pub mod blood_to_milk;
mod checking;
pub mod common;
pub mod hormones;
pub mod local_control;
pub mod population;
pub mod responses;
pub mod steady;

/// What a row's check found.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The model's figure(s), in words and numbers with units.
    pub model: String,
    pub pass: bool,
}

impl Outcome {
    pub fn new(pass: bool, model: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            pass,
        }
    }
}

/// One row of the report.
pub struct Row {
    /// The id in `targets.md` (A1 … D10).
    pub id: &'static str,
    /// What is measured, in words.
    pub measured: &'static str,
    /// The published figure and the range the model must hit.
    pub published: &'static str,
    pub source: &'static str,
    /// Why a row that fails still fails (what was tried), or a word on a weak source. Shown in
    /// the report beside the row.
    pub note: Option<&'static str>,
    /// What the check reads: simulated before it, a piece at a time where the check goes in
    /// pieces (the browser), so that the check itself only reads.
    pub reads: fn() -> Reads,
    pub check: fn(&Runs) -> Outcome,
}

/// What a row's check reads.
pub enum Reads {
    /// Nothing simulated (a parameter's default, or the model's own formulas).
    Nothing,
    /// These runs.
    Runs(Vec<WantedRun>),
    /// The ensemble of mothers ([`Runs::population`]).
    Population,
}

impl Reads {
    /// These scenarios, each simulated with the default numerics.
    pub fn scenarios(scenarios: impl IntoIterator<Item = Scenario>) -> Self {
        Self::Runs(scenarios.into_iter().map(WantedRun::new).collect())
    }

    /// Only the default scenario's run ([`Runs::default_run`]).
    pub fn the_default_run() -> Self {
        Self::scenarios([Scenario::default()])
    }
}

/// A run a row reads: a scenario and the numerics it is simulated with.
#[derive(Clone)]
pub struct WantedRun {
    pub scenario: Scenario,
    pub options: SimOptions,
}

impl WantedRun {
    pub fn new(scenario: Scenario) -> Self {
        Self {
            scenario,
            options: SimOptions::default(),
        }
    }

    /// Its simulation, begun. Panics on an invalid scenario: every scenario here is built by
    /// this module and must be valid.
    fn start(&self) -> Simulation {
        Simulation::start(&self.scenario, &self.options).unwrap_or_else(|p| {
            panic!(
                "validation scenario {:?} is invalid: {p:?}",
                self.scenario.name
            )
        })
    }

    /// What tells this run from another: the scenario as a preset, and the numerics.
    fn key(&self) -> String {
        format!(
            "{}\n{:?}",
            crate::preset::to_string(&self.scenario),
            self.options
        )
    }
}

/// Runs shared by the checks: each scenario is simulated once, whichever rows read it.
#[derive(Default)]
pub struct Runs {
    cache: Mutex<HashMap<String, Arc<Run>>>,
    population: std::sync::OnceLock<Arc<EnsembleRun>>,
    /// Runs (and the mothers) a check had to simulate itself, not having been simulated
    /// before it from what its row says it reads.
    simulated_by_checks: AtomicUsize,
}

impl Runs {
    /// The run of `scenario` with the default numerics (simulated on first use).
    pub fn of(&self, scenario: &Scenario) -> Arc<Run> {
        self.of_with(scenario, &SimOptions::default())
    }

    /// The run of `scenario` with `options` (simulated on first use). Panics on an invalid
    /// scenario: every scenario here is built by this module and must be valid.
    pub fn of_with(&self, scenario: &Scenario, options: &SimOptions) -> Arc<Run> {
        let wanted = WantedRun {
            scenario: scenario.clone(),
            options: options.clone(),
        };
        let key = wanted.key();
        if let Some(r) = self.cache.lock().expect("no panics while locked").get(&key) {
            return r.clone();
        }
        self.simulated_by_checks.fetch_add(1, Ordering::Relaxed);
        self.keep(key, wanted.start().finish())
    }

    fn keep(&self, key: String, run: Run) -> Arc<Run> {
        let run = Arc::new(run);
        self.cache
            .lock()
            .expect("no panics while locked")
            .insert(key, run.clone());
        run
    }

    fn has(&self, wanted: &WantedRun) -> bool {
        self.cache
            .lock()
            .expect("no panics while locked")
            .contains_key(&wanted.key())
    }

    /// The ensemble the P rows read: mothers like the default scenario's, over
    /// [`population::POPULATION_DAYS`] (simulated on first use, on every core).
    pub fn population(&self) -> Arc<EnsembleRun> {
        self.population
            .get_or_init(|| {
                self.simulated_by_checks.fetch_add(1, Ordering::Relaxed);
                Arc::new(whole_population())
            })
            .clone()
    }

    /// The default scenario's run (28 days).
    pub fn default_run(&self) -> Arc<Run> {
        self.of(&Scenario::default())
    }

    /// How many runs (the mothers counting as one) checks simulated themselves: none when every
    /// row says all it reads.
    pub fn simulated_by_checks(&self) -> usize {
        self.simulated_by_checks.load(Ordering::Relaxed)
    }
}

/// The scenario whose mothers the P rows read.
fn population_scenario() -> Scenario {
    Scenario {
        horizon_days: population::POPULATION_DAYS,
        ..Scenario::default()
    }
}

/// The mothers the P rows read, simulated at once on every core.
fn whole_population() -> EnsembleRun {
    crate::ensemble::simulate_ensemble(&population_scenario(), population::POPULATION_MEMBERS)
        .expect("the default scenario is valid")
}

/// Every row, in the order of `targets.md`.
pub fn rows() -> Vec<Row> {
    let mut rows = steady::rows();
    rows.extend(hormones::rows());
    rows.extend(local_control::rows());
    rows.extend(responses::rows());
    rows.extend(population::rows());
    rows.extend(blood_to_milk::rows());
    rows
}

/// The row with this id.
pub fn row(id: &str) -> Option<Row> {
    rows().into_iter().find(|r| r.id == id)
}

/// A row with its outcome.
pub struct Checked {
    pub row: Row,
    pub outcome: Outcome,
}

/// Run every row (sharing runs between rows).
pub fn check_all() -> Vec<Checked> {
    let mut checking = Checking::start();
    while checking.advance() {}
    checking.checked
}

/// Run one row on its own, after what it says it reads. Panics if its check simulates anything
/// more (in the browser that run would hold the page whole): every row's test checks its row's
/// `reads` so.
pub fn check(id: &str) -> Option<Outcome> {
    let mut checking = Checking::of_rows(vec![row(id)?]);
    while checking.advance() {}
    assert_eq!(
        checking.simulated_by_checks(),
        0,
        "row {id}'s check simulated a run its `reads` does not name"
    );
    checking.checked.pop().map(|c| c.outcome)
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown: what `docs/validation.md` holds.
pub fn markdown(checked: &[Checked]) -> String {
    let passed = checked.iter().filter(|c| c.outcome.pass).count();
    let mut out = String::new();
    out.push_str("# How good is the model?\n\n");
    out.push_str(
        "Written by `lactosim validate --markdown` (a test fails when this file differs from \
         what the command writes). Each row of `../shared/physiology/targets.md` that the model \
         can run, run on the model as it is: the model's figure beside the published figure and \
         the range the model must hit. Responses to change (D) compare two scenarios that differ \
         only in the change, with the same seed. A row that fails stays, marked, with why.\n\n",
    );
    out.push_str(&format!("**{passed} of {} rows pass.**\n\n", checked.len()));
    out.push_str("| id | measured | model | published (range to hit) | result | source |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for c in checked {
        let r = &c.row;
        let result = if c.outcome.pass { "pass" } else { "**FAIL**" };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.id,
            cell(r.measured),
            cell(&c.outcome.model),
            cell(r.published),
            result,
            cell(r.source)
        ));
    }
    let notes: Vec<&Checked> = checked.iter().filter(|c| c.row.note.is_some()).collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n\n");
        for c in notes {
            out.push_str(&format!(
                "- **{}**: {}\n",
                c.row.id,
                c.row.note.unwrap_or_default()
            ));
        }
    }
    out
}

/// The report as plain text for a terminal: one row a line, then the notes.
pub fn text(checked: &[Checked]) -> String {
    let passed = checked.iter().filter(|c| c.outcome.pass).count();
    let mut out = String::new();
    for c in checked {
        let r = &c.row;
        out.push_str(&format!(
            "{:<4} {:<4}  {}\n      model:     {}\n      published: {}\n      source:    {}\n",
            r.id,
            if c.outcome.pass { "pass" } else { "FAIL" },
            r.measured,
            c.outcome.model,
            r.published,
            r.source
        ));
        if let Some(n) = r.note {
            out.push_str(&format!("      note:      {n}\n"));
        }
    }
    out.push_str(&format!("\n{passed} of {} rows pass.\n", checked.len()));
    out
}
