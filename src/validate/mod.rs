//! How good is the model? Every row of `../shared/physiology/targets.md` that the model can run,
//! run: the model's figure beside the published one, pass or fail. `lactosim validate` prints
//! this table, `docs/validation.md` is it written out (a test keeps the file current), the GUI
//! shows it under Help, and the tests assert each row.
//!
//! - [`steady`]: the steady state and the hormones (rows A, E, H, L);
//! - [`responses`]: responses to change (rows D), each a pair of scenarios that differ only in
//!   the change, with the same seed;
//! - [`population`]: between mothers (rows P), an ensemble of the default scenario;
//! - [`blood_to_milk`]: what the mother takes reaching the baby (rows B4–B9).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::ensemble::{EnsembleRun, EnsembleSteps, Progress as EnsembleProgress};
use crate::run::Run;
use crate::scenario::Scenario;

pub mod blood_to_milk;
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
    pub check: fn(&Runs) -> Outcome,
}

/// Runs shared by the checks: each scenario is simulated once, whichever rows read it.
#[derive(Default)]
pub struct Runs {
    cache: Mutex<HashMap<String, Arc<Run>>>,
    population: std::sync::OnceLock<Arc<EnsembleRun>>,
}

impl Runs {
    /// The run of `scenario` (simulated on first use). Panics on an invalid scenario: every
    /// scenario here is built by this module and must be valid.
    pub fn of(&self, scenario: &Scenario) -> Arc<Run> {
        let key = crate::preset::to_string(scenario);
        if let Some(r) = self.cache.lock().expect("no panics while locked").get(&key) {
            return r.clone();
        }
        let run = Arc::new(crate::simulate(scenario).unwrap_or_else(|p| {
            panic!("validation scenario {:?} is invalid: {p:?}", scenario.name)
        }));
        self.cache
            .lock()
            .expect("no panics while locked")
            .insert(key, run.clone());
        run
    }

    /// The ensemble the P rows read: mothers like the default scenario's, over
    /// [`population::POPULATION_DAYS`] (simulated on first use, on every core).
    pub fn population(&self) -> Arc<EnsembleRun> {
        self.population
            .get_or_init(|| {
                Arc::new(
                    crate::ensemble::simulate_ensemble(
                        &population_scenario(),
                        population::POPULATION_MEMBERS,
                    )
                    .expect("the default scenario is valid"),
                )
            })
            .clone()
    }

    /// The default scenario's run (28 days).
    pub fn default_run(&self) -> Arc<Run> {
        self.of(&Scenario::default())
    }
}

/// The scenario whose mothers the P rows read.
fn population_scenario() -> Scenario {
    Scenario {
        horizon_days: population::POPULATION_DAYS,
        ..Scenario::default()
    }
}

/// Every row, in the order of `targets.md`.
pub fn rows() -> Vec<Row> {
    let mut rows = steady::rows();
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
    while checking.check_next() {}
    checking.checked
}

/// The rows checked one at a time, sharing runs (the window in the browser checks a row between
/// frames, so that the page keeps answering).
pub struct Checking {
    runs: Runs,
    rows: std::iter::Peekable<std::vec::IntoIter<Row>>,
    total: usize,
    pub checked: Vec<Checked>,
    /// The mothers the P rows read, a month of one at a time ([`Self::step`]).
    population: Option<(EnsembleSteps, EnsembleProgress)>,
}

impl Checking {
    pub fn start() -> Self {
        let rows = rows();
        Self {
            runs: Runs::default(),
            total: rows.len(),
            checked: Vec::with_capacity(rows.len()),
            rows: rows.into_iter().peekable(),
            population: None,
        }
    }

    /// Check the next row (the first P row simulates the mothers they read, on every core);
    /// `false` once every row is checked.
    pub fn check_next(&mut self) -> bool {
        let Some(row) = self.rows.next() else {
            return false;
        };
        let outcome = (row.check)(&self.runs);
        self.checked.push(Checked { row, outcome });
        true
    }

    /// Check the next row, or, before the P rows, simulate a little of the mothers they read
    /// (a month of one: the browser's page keeps answering, where the 300 mothers at once held
    /// it for over a second); `false` once every row is checked. The same outcomes as
    /// [`Self::check_next`].
    pub fn step(&mut self) -> bool {
        let reads_population = self
            .rows
            .peek()
            .is_some_and(|r| population::reads_the_population(r.id));
        if !reads_population || self.runs.population.get().is_some() {
            return self.check_next();
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
        }
        true
    }

    /// The share of the work done, 0 to 1: the rows checked, and the mothers the P rows read,
    /// which weigh as much as all the rows together (300 runs of six weeks, against some 60
    /// runs of the rows), counted as they are simulated.
    pub fn done_fraction(&self) -> f32 {
        let mothers = if self.runs.population.get().is_some() {
            1.0
        } else {
            self.population.as_ref().map_or(0.0, |(_, p)| {
                p.done() as f32 / population::POPULATION_MEMBERS as f32
            })
        };
        let rows = self.checked.len() as f32 / self.total.max(1) as f32;
        0.5 * (rows + mothers)
    }
}

/// Run one row on its own.
pub fn check(id: &str) -> Option<Outcome> {
    row(id).map(|r| (r.check)(&Runs::default()))
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
