//! *Show how mothers differ*: an ensemble of mothers like the scenario's (and like the
//! baseline's), computed in the background after each edit while the single run stays instant
//! (on every core on the desktop; a mother at a time between frames in the browser),
//! drawn as bands under the central curves of the supply and breasts plots, read out on hover,
//! and put in words beside the summary and the comparison.
//!
//! One ensemble is in flight at a time. An edit cancels it (the members already started finish,
//! the rest are skipped) and the newest scenario waits as a scenario, not a computation: so at
//! most one superseded computation is ever alive.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use egui::{Color32, Ui};
use egui_plot::{FilledArea, PlotUi};

use super::platform::{self, Polled, Task};
use super::plot_data::{MADE_COLOR, PlotKind, breast_color};
use super::runner::Alive;
use crate::Scenario;
use crate::ensemble::{self, Bands, DEFAULT_MEMBERS, DayQuantity, EnsembleRun, Progress, Quantity};
use crate::scenario::{Breast, Problem};

/// What differs between the mothers simulated, for the box's and the caption's tooltips.
pub const WHAT_DIFFERS: &str = "Simulate mothers like this one: each has her own storage capacity, difference between her breasts, secretory capacity, time her milk comes in, baby's appetite and effectiveness, and let-down, drawn from the published spreads between mothers (docs/model.md, Between mothers). Everything else is this scenario's. The shading is the range most of them fall in; the curves stay this one mother's. Mother & baby → How much mothers like her differ narrows, widens or switches off each spread.";

/// Said beside the caption until a baseline is pinned.
pub const PIN_FOR_THE_CHANGE: &str =
    "To see how much a change moves each mother, pin a baseline first, then make the change.";

/// Ensemble computations alive right now, in the whole process (for the load test).
static ENSEMBLES_ALIVE: AtomicUsize = AtomicUsize::new(0);

/// See [`ENSEMBLES_ALIVE`].
pub fn ensembles_alive() -> usize {
    ENSEMBLES_ALIVE.load(Ordering::SeqCst)
}

/// What is asked of one computation: the scenario (at its revision) and, when a baseline is
/// pinned whose ensemble is not known yet, the baseline's scenario.
#[derive(Clone)]
struct Job {
    revision: u64,
    scenario: Scenario,
    baseline: Option<Scenario>,
}

type Answer = (
    Job,
    Result<Option<(EnsembleRun, Option<EnsembleRun>)>, Vec<Problem>>,
);

struct InFlight {
    job: Job,
    progress: Arc<Progress>,
    task: Task<Answer>,
}

/// The ensembles of one [`Job`], as background work: the scenario's, then the baseline's.
struct Ensembles {
    job: Job,
    members: usize,
    progress: Arc<Progress>,
    /// Stepping (the browser): the scenario's ensemble when it is done, and the one in progress.
    current: Option<EnsembleRun>,
    steps: Option<ensemble::EnsembleSteps>,
    /// Counted in [`ENSEMBLES_ALIVE`] until the computation is over.
    alive: Option<Alive>,
}

impl Ensembles {
    /// The answer: the computation is over before it can start the next one.
    fn answer(
        &mut self,
        result: Result<Option<(EnsembleRun, Option<EnsembleRun>)>, Vec<Problem>>,
    ) -> Answer {
        self.alive = None;
        (self.job.clone(), result)
    }
}

impl platform::Job for Ensembles {
    type Output = Answer;

    fn step(&mut self) -> Option<Answer> {
        if self.steps.is_none() {
            // The scenario's first, then (if asked) the baseline's.
            let scenario = match &self.current {
                None => &self.job.scenario,
                Some(_) => self.job.baseline.as_ref()?,
            };
            match ensemble::EnsembleSteps::start(scenario, self.members) {
                Ok(s) => self.steps = Some(s),
                Err(problems) => return Some(self.answer(Err(problems))),
            }
        }
        let steps = self.steps.as_mut()?;
        let done = match steps.step(&self.progress)? {
            Ok(Some(e)) => e,
            Ok(None) => return Some(self.answer(Ok(None))),
            Err(problems) => return Some(self.answer(Err(problems))),
        };
        self.steps = None;
        match self.current.take() {
            None if self.job.baseline.is_some() => {
                self.current = Some(done);
                None
            }
            None => Some(self.answer(Ok(Some((done, None))))),
            Some(current) => Some(self.answer(Ok(Some((current, Some(done)))))),
        }
    }

    fn done_fraction(&self) -> f32 {
        let ensembles = if self.job.baseline.is_some() { 2 } else { 1 };
        self.progress.done() as f32 / (self.members * ensembles).max(1) as f32
    }

    /// On a thread of its own: each ensemble on every core.
    fn run_to_end(mut self, _progress: &platform::Progress) -> Answer {
        let (p, members) = (&self.progress, self.members);
        let result =
            ensemble::simulate_ensemble_with(&self.job.scenario, members, p).and_then(|current| {
                let Some(current) = current else {
                    return Ok(None);
                };
                let base = match &self.job.baseline {
                    Some(b) => match ensemble::simulate_ensemble_with(b, members, p)? {
                        Some(e) => Some(e),
                        None => return Ok(None),
                    },
                    None => None,
                };
                Ok(Some((current, base)))
            });
        self.answer(result)
    }
}

/// The ensemble of one scenario, as shown.
pub struct Shown {
    pub scenario: Scenario,
    pub ensemble: Arc<EnsembleRun>,
    /// What the plots draw and the header says, prepared once when the ensemble comes in.
    bands: Vec<Band>,
    range_words: Option<String>,
}

/// One band as drawn: the plot, its name and colour, and its edges over days.
struct Band {
    kind: PlotKind,
    name: String,
    color: Color32,
    quantity: Quantity,
    x_days: Vec<f64>,
    p10: Vec<f64>,
    p25: Vec<f64>,
    p75: Vec<f64>,
    p90: Vec<f64>,
}

impl Shown {
    fn new(scenario: Scenario, ensemble: EnsembleRun) -> Self {
        let x_days: Vec<f64> = ensemble.t_h.iter().map(|t| t / 24.0).collect();
        let mut bands = vec![(
            PlotKind::Supply,
            "milk made, mothers like her".to_owned(),
            MADE_COLOR,
            Quantity::Production24h,
        )];
        for b in Breast::BOTH {
            bands.push((
                PlotKind::Breasts,
                format!("{} breast, mothers like her", b.name()),
                breast_color(b),
                Quantity::stored(b),
            ));
        }
        let bands = bands
            .into_iter()
            .map(|(kind, name, color, quantity)| {
                let b = ensemble.series(quantity);
                let pick = |f: fn(&Bands) -> f64| b.iter().map(f).collect::<Vec<f64>>();
                Band {
                    kind,
                    name,
                    color,
                    quantity,
                    x_days: x_days.clone(),
                    p10: pick(|b| b.p10),
                    p25: pick(|b| b.p25),
                    p75: pick(|b| b.p75),
                    p90: pick(|b| b.p90),
                }
            })
            .collect();
        let range_words = ensemble::words::range_words(&ensemble, usize::MAX);
        Self {
            scenario,
            ensemble: Arc::new(ensemble),
            bands,
            range_words,
        }
    }
}

#[derive(Default)]
pub struct MothersView {
    /// *Show how mothers differ* is ticked.
    pub on: bool,
    in_flight: Option<InFlight>,
    queued: Option<Job>,
    /// The ensemble of the current scenario (`None` while it is being computed after an edit).
    pub current: Option<Shown>,
    /// The ensemble of the pinned baseline.
    pub baseline: Option<Shown>,
    /// Why the last ensemble could not be computed.
    problem: Option<String>,
    /// The revision the current ensemble (or the one in flight) is of.
    revision: Option<u64>,
    /// Members asked for (0: [`DEFAULT_MEMBERS`]).
    pub members: usize,
    /// The last comparison sentence and the day it was made for; emptied whenever either
    /// ensemble changes.
    compared: RefCell<Option<CompareKey>>,
}

/// The day a comparison sentence was made for, and the sentence.
type CompareKey = (usize, Option<String>);

impl MothersView {
    fn members(&self) -> usize {
        if self.members == 0 {
            DEFAULT_MEMBERS
        } else {
            self.members
        }
    }

    /// The scenario (at `revision`) or the baseline changed, or the box was ticked: ask for
    /// what is missing. Nothing while the box is not ticked.
    pub fn update(
        &mut self,
        revision: u64,
        scenario: &Scenario,
        baseline: Option<&Scenario>,
        ctx: &egui::Context,
    ) {
        if !self.on {
            return;
        }
        // A baseline pinned or cleared: its ensemble goes if it is of another scenario.
        if self
            .baseline
            .as_ref()
            .is_some_and(|b| Some(&b.scenario) != baseline)
        {
            self.baseline = None;
            self.compared.take();
        }
        let current_ok = self.revision == Some(revision)
            && (self.current.is_some() || self.in_flight.is_some() || self.problem.is_some());
        let baseline_missing = baseline.is_some() && self.baseline.is_none();
        let baseline_asked = self
            .in_flight
            .as_ref()
            .is_some_and(|f| f.job.baseline.as_ref() == baseline && baseline.is_some())
            || self
                .queued
                .as_ref()
                .is_some_and(|q| q.baseline.as_ref() == baseline && baseline.is_some());
        // While the scenario cannot be simulated, nothing more is asked (the baseline's bands
        // wait for a scenario that runs; asking again would only fail again).
        if current_ok && (!baseline_missing || baseline_asked || self.problem.is_some()) {
            return;
        }
        if self.revision != Some(revision) {
            // The bands of an older scenario would be read as this one's.
            self.current = None;
            self.compared.take();
            self.problem = None;
        }
        self.revision = Some(revision);
        let job = Job {
            revision,
            scenario: scenario.clone(),
            baseline: baseline.filter(|_| baseline_missing).cloned(),
        };
        match &self.in_flight {
            Some(f) => {
                f.progress.cancel();
                self.queued = Some(job);
            }
            None => self.spawn(job, ctx),
        }
    }

    fn spawn(&mut self, job: Job, ctx: &egui::Context) {
        let progress = Arc::new(Progress::default());
        let work = Ensembles {
            job: job.clone(),
            members: self.members(),
            progress: progress.clone(),
            current: None,
            steps: None,
            alive: Some(Alive::count(&ENSEMBLES_ALIVE)),
        };
        self.in_flight = Some(InFlight {
            job,
            progress,
            task: platform::start(work, ctx),
        });
    }

    /// Take a finished ensemble, if one arrived; start the waiting one. While one is in flight,
    /// the window is repainted now and then so that the progress moves.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(f) = &mut self.in_flight else {
            return;
        };
        match f.task.poll(ctx) {
            Polled::Ready(answer) => {
                self.in_flight = None;
                self.take(answer);
            }
            Polled::Pending => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Polled::Lost => self.in_flight = None,
        }
        if let Some(job) = self.queued.take() {
            self.spawn(job, ctx);
        }
    }

    fn take(&mut self, (job, result): Answer) {
        match result {
            // Cancelled: a newer job is queued.
            Ok(None) => {}
            Ok(Some((current, base))) => {
                if Some(job.revision) == self.revision {
                    self.problem = None;
                    self.current = Some(Shown::new(job.scenario, current));
                    self.compared.take();
                }
                if let (Some(scenario), Some(e)) = (job.baseline, base) {
                    self.baseline = Some(Shown::new(scenario, e));
                    self.compared.take();
                }
            }
            // An older scenario's problem is not this one's.
            Err(_) if Some(job.revision) != self.revision => {}
            Err(problems) => {
                self.problem = Some(
                    problems
                        .iter()
                        .map(|p| p.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        }
    }

    /// Wait for the ensemble in flight and any queued after it (tests and headless use).
    pub fn wait(&mut self, ctx: &egui::Context) {
        while let Some(f) = self.in_flight.take() {
            if let Some(answer) = f.task.wait() {
                self.take(answer);
            }
            if let Some(job) = self.queued.take() {
                self.spawn(job, ctx);
            }
        }
    }

    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Turn the bands off: what is computing is stopped, what was computed is dropped.
    pub fn switch_off(&mut self) {
        self.on = false;
        if let Some(f) = &self.in_flight {
            f.progress.cancel();
        }
        self.queued = None;
        self.current = None;
        self.baseline = None;
        self.compared.take();
        self.revision = None;
        self.problem = None;
    }

    /// The box, and beside it what the bands are or how far the computation is (and, before a
    /// baseline is pinned, how to see the range of a change).
    pub fn toggle_ui(&mut self, ui: &mut Ui, baseline_pinned: bool, parent: bool) {
        // The parent's face speaks to her, and compares through its questions.
        let like = if parent { "like you" } else { "like her" };
        let mut on = self.on;
        let response = ui
            .checkbox(&mut on, "Show how mothers differ")
            .on_hover_text(WHAT_DIFFERS);
        if response.changed() {
            if on {
                self.on = true;
            } else {
                self.switch_off();
            }
        }
        if !self.on {
            return;
        }
        if let Some(f) = &self.in_flight {
            // With the baseline's mothers too, both count.
            let total = self.members() * if f.job.baseline.is_some() { 2 } else { 1 };
            ui.spinner();
            ui.label(format!(
                "mothers {like}: {} of {total}…",
                f.progress.done().min(total)
            ));
        } else if let Some(p) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        } else if self.current.is_some() {
            ui.weak(format!(
                "Shaded: 8 in 10 of {} mothers {like}; darker, the middle half.",
                self.members()
            ))
            .on_hover_text(WHAT_DIFFERS);
            if !baseline_pinned && !parent {
                ui.weak(PIN_FOR_THE_CHANGE);
            }
        }
    }

    /// The range sentence for the header (the day: the run's last).
    pub fn range_words(&self) -> Option<&str> {
        self.current.as_ref()?.range_words.as_deref()
    }

    /// The comparison's range sentence at `day`, once both ensembles are in (worked out once
    /// per pair of ensembles and day, not every frame).
    pub fn compared_words(&self, day: usize) -> Option<String> {
        let (base, now) = (self.baseline.as_ref()?, self.current.as_ref()?);
        let mut cache = self.compared.borrow_mut();
        match &*cache {
            Some((d, words)) if *d == day => words.clone(),
            _ => {
                let words =
                    ensemble::words::compared_range_words(&base.ensemble, &now.ensemble, day);
                *cache = Some((day, words.clone()));
                words
            }
        }
    }

    /// The 10th–90th percentile of `q` on `day` across mothers like her, in words ("600–910").
    pub fn day_range(&self, q: DayQuantity, day: usize) -> Option<String> {
        let b = self.current.as_ref()?.ensemble.days(q).get(day).copied()?;
        b.p50.is_finite().then(|| ensemble::words::range(&b))
    }

    /// The 10th and 90th percentiles of the milk made on `day` across mothers like her (ml),
    /// once their ensemble is in.
    pub fn made_on_day(&self, day: usize) -> Option<(f64, f64)> {
        let c = self.current.as_ref()?;
        if day >= c.ensemble.complete_days {
            return None;
        }
        let b = c.ensemble.days(DayQuantity::Production).get(day).copied()?;
        b.p50.is_finite().then_some((b.p10, b.p90))
    }

    /// The bands drawn on a plot.
    fn bands(&self, kind: PlotKind) -> impl Iterator<Item = &Band> {
        // The parent's plot draws the milk made: the supply plot's band of it.
        let (kind, only_made) = match kind {
            PlotKind::YourSupply => (PlotKind::Supply, true),
            k => (k, false),
        };
        self.current.iter().flat_map(|c| &c.bands).filter(move |b| {
            b.kind == kind && (!only_made || b.quantity == Quantity::Production24h)
        })
    }

    /// Whether a plot has bands (its legend says what they are).
    pub fn shades(&self, kind: PlotKind) -> bool {
        self.bands(kind).next().is_some()
    }

    /// Draw the bands of `kind` (under everything else: call first).
    pub fn draw(&self, pu: &mut PlotUi<'_>, kind: PlotKind) {
        for b in self.bands(kind) {
            pu.add(
                FilledArea::new(&b.name, &b.x_days, &b.p10, &b.p90)
                    .fill_color(b.color.gamma_multiply(0.15))
                    .allow_hover(false),
            );
            pu.add(
                FilledArea::new(
                    format!("{}, middle half", b.name),
                    &b.x_days,
                    &b.p25,
                    &b.p75,
                )
                .fill_color(b.color.gamma_multiply(0.45))
                .allow_hover(false),
            );
        }
    }

    /// The hover read-out of the bands of `kind` at `x_days`.
    pub fn hover(&self, kind: PlotKind, x_days: f64, parent: bool) -> Option<String> {
        let e = &self.current.as_ref()?.ensemble;
        let lines: Vec<String> = self
            .bands(kind)
            .filter_map(|band| {
                let b = e.at(band.quantity, x_days * 24.0)?;
                b.p50.is_finite().then(|| {
                    if kind == PlotKind::YourSupply {
                        // The parent's plot, in her words.
                        format!(
                            "8 in 10 mothers like you make {:.0}–{:.0} ml a day (half of them {:.0}–{:.0})",
                            b.p10, b.p90, b.p25, b.p75
                        )
                    } else {
                        let name = if parent {
                            band.name.replace("like her", "like you")
                        } else {
                            band.name.clone()
                        };
                        format!(
                            "{name}: {:.0}–{:.0} (middle half {:.0}–{:.0}, median {:.0})",
                            b.p10, b.p90, b.p25, b.p75, b.p50
                        )
                    }
                })
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}
