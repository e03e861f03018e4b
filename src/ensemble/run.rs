//! Simulating an ensemble: every member on worker threads (rayon), reduced as it finishes to
//! what the bands need, then the percentiles.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::bands::Bands;
use super::spread::{Sampled, member};
use crate::run::Run;
use crate::scenario::{Breast, Problem, Scenario};
use crate::schedule::Kind;
use crate::sim::{SimOptions, Simulation, simulate_with};

/// Members the window runs by default: enough for steady 10th and 90th percentiles.
pub const DEFAULT_MEMBERS: usize = 200;
/// Most members of one ensemble.
pub const MAX_MEMBERS: usize = 10_000;
/// Most samples of each member's series kept for the bands: the spacing grows with the run.
const MAX_SAMPLES: f64 = 750.0;

/// A quantity drawn with bands over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// Milk made over the last 24 hours, ml.
    Production24h,
    /// Milk removed over the last 24 hours, ml.
    Removed24h,
    StoredLeft,
    StoredRight,
    Prolactin,
    /// Sodium of the milk held in the breasts, mmol/L.
    Sodium,
    /// Fat of the milk held in the breasts, g/L.
    Fat,
}

impl Quantity {
    pub const ALL: [Quantity; 7] = [
        Quantity::Production24h,
        Quantity::Removed24h,
        Quantity::StoredLeft,
        Quantity::StoredRight,
        Quantity::Prolactin,
        Quantity::Sodium,
        Quantity::Fat,
    ];

    /// Column name in `series_percentiles.csv`, with its unit.
    pub fn column(self) -> &'static str {
        match self {
            Quantity::Production24h => "production_24h_ml",
            Quantity::Removed24h => "removed_24h_ml",
            Quantity::StoredLeft => "stored_left_ml",
            Quantity::StoredRight => "stored_right_ml",
            Quantity::Prolactin => "prolactin_ng_ml",
            Quantity::Sodium => "stored_sodium_mmol_l",
            Quantity::Fat => "stored_fat_g_l",
        }
    }

    pub fn stored(b: Breast) -> Quantity {
        match b {
            Breast::Left => Quantity::StoredLeft,
            Breast::Right => Quantity::StoredRight,
        }
    }

    fn of(self, run: &Run, k: usize) -> f64 {
        let s = &run.series;
        match self {
            Quantity::Production24h => s.production_24h_ml[k],
            Quantity::Removed24h => s.removed_24h_ml[k],
            Quantity::StoredLeft => s.glands[0].stored_ml[k],
            Quantity::StoredRight => s.glands[1].stored_ml[k],
            Quantity::Prolactin => s.prolactin_ng_ml[k],
            Quantity::Sodium => s.stored_milk[k].sodium_mmol_l,
            Quantity::Fat => s.stored_milk[k].fat_g_l,
        }
    }
}

/// A quantity with bands per day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayQuantity {
    /// Milk made that day, ml.
    Production,
    /// Milk removed that day (baby and pump), ml.
    Removed,
    /// Milk the baby drank at the breast that day, ml.
    Intake,
    Breastfeeds,
    MeanProlactin,
    /// Sodium of the milk removed that day, mmol/L.
    Sodium,
    /// Fat of the milk removed that day, g/L.
    Fat,
}

impl DayQuantity {
    pub const ALL: [DayQuantity; 7] = [
        DayQuantity::Production,
        DayQuantity::Removed,
        DayQuantity::Intake,
        DayQuantity::Breastfeeds,
        DayQuantity::MeanProlactin,
        DayQuantity::Sodium,
        DayQuantity::Fat,
    ];

    /// Column name in `days_percentiles.csv`, with its unit.
    pub fn column(self) -> &'static str {
        match self {
            DayQuantity::Production => "production_ml",
            DayQuantity::Removed => "removed_ml",
            DayQuantity::Intake => "intake_ml",
            DayQuantity::Breastfeeds => "breastfeeds",
            DayQuantity::MeanProlactin => "mean_prolactin_ng_ml",
            DayQuantity::Sodium => "sodium_mmol_l",
            DayQuantity::Fat => "fat_g_l",
        }
    }

    fn of(self, run: &Run, day: usize) -> f64 {
        let d = &run.days[day];
        let removed = d.removed_ml[0] + d.removed_ml[1];
        let of_removed = |v: f64| if removed > 1e-6 { v } else { f64::NAN };
        match self {
            DayQuantity::Production => d.production_ml[0] + d.production_ml[1],
            DayQuantity::Removed => removed,
            DayQuantity::Intake => d.intake_ml,
            DayQuantity::Breastfeeds => d.breastfeeds as f64,
            DayQuantity::MeanProlactin => d.mean_prolactin_ng_ml,
            DayQuantity::Sodium => of_removed(d.milk.sodium_mmol_l),
            DayQuantity::Fat => of_removed(d.milk.fat_g_l),
        }
    }
}

/// What one member came to over the run's last week (the last seven whole days, or as many as
/// there are), and on day 4 (the model's count: "day 5" in Saint 1984).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub production_ml_per_day: f64,
    pub intake_ml_per_day: f64,
    pub breastfeeds_per_day: f64,
    /// Mean milk a breastfeed removes, ml (NaN without breastfeeds).
    pub milk_per_breastfeed_ml: f64,
    /// Mean share of the milk available at its start a breastfeed removes (NaN without).
    pub share_removed: f64,
    /// Production on day 4, ml (NaN for a run shorter than 5 days).
    pub day4_production_ml: f64,
}

impl Outcome {
    pub const COLUMNS: [&'static str; 6] = [
        "last_week_production_ml_per_day",
        "last_week_intake_ml_per_day",
        "last_week_breastfeeds_per_day",
        "last_week_milk_per_breastfeed_ml",
        "last_week_share_removed",
        "day4_production_ml",
    ];

    pub fn values(&self) -> [f64; 6] {
        [
            self.production_ml_per_day,
            self.intake_ml_per_day,
            self.breastfeeds_per_day,
            self.milk_per_breastfeed_ml,
            self.share_removed,
            self.day4_production_ml,
        ]
    }

    fn of(run: &Run) -> Self {
        // Whole days only: a last, partial day would read as a low one.
        let days = &run.days[..complete_days(run.horizon_h).min(run.days.len())];
        let from = days.len().saturating_sub(7);
        let week = &days[from..];
        let n = week.len().max(1) as f64;
        let from_h = from as f64 * 24.0;
        let feeds: Vec<_> = run
            .sessions
            .iter()
            .filter(|s| s.kind == Kind::Breastfeed && s.start_h >= from_h)
            .collect();
        let mean = |v: &mut dyn Iterator<Item = f64>| {
            let (sum, count) = v.fold((0.0, 0usize), |(s, c), x| (s + x, c + 1));
            if count > 0 {
                sum / count as f64
            } else {
                f64::NAN
            }
        };
        Self {
            production_ml_per_day: week
                .iter()
                .map(|d| d.production_ml[0] + d.production_ml[1])
                .sum::<f64>()
                / n,
            intake_ml_per_day: week.iter().map(|d| d.intake_ml).sum::<f64>() / n,
            breastfeeds_per_day: week.iter().map(|d| d.breastfeeds as f64).sum::<f64>() / n,
            milk_per_breastfeed_ml: mean(
                &mut feeds.iter().map(|s| s.removed_ml[0] + s.removed_ml[1]),
            ),
            share_removed: mean(&mut feeds.iter().map(|s| s.share_removed())),
            day4_production_ml: days
                .get(4)
                .map_or(f64::NAN, |d| d.production_ml[0] + d.production_ml[1]),
        }
    }
}

/// One virtual mother: what was drawn for her and what she came to.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub index: usize,
    pub sampled: Sampled,
    pub outcome: Outcome,
}

/// An ensemble's result.
#[derive(Clone, Debug, PartialEq)]
pub struct EnsembleRun {
    pub members: Vec<Member>,
    /// Times of the sampled series, hours since birth, `spacing_h` apart from 0.
    pub t_h: Vec<f64>,
    spacing_h: f64,
    /// Bands per quantity (in [`Quantity::ALL`] order), per sampled time.
    series: Vec<Vec<Bands>>,
    /// Bands per day quantity (in [`DayQuantity::ALL`] order), per day.
    days: Vec<Vec<Bands>>,
    /// Each member's day values, `[member][day][day quantity]`: what a paired comparison reads.
    member_days: Vec<Vec<[f64; DayQuantity::ALL.len()]>>,
    /// The seed the members were drawn with: two ensembles pair mother with mother only if it
    /// is the same.
    pub seed: u64,
    /// Days the run covers in full (a last, partial day is not read as a whole one).
    pub complete_days: usize,
}

/// Progress of an ensemble being computed, and a way to stop it (another thread may read and
/// set both).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Members simulated so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Stop at the next member: the computation returns `None`.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What one member leaves for the bands.
struct Reduced {
    member: Member,
    series: Vec<[f64; Quantity::ALL.len()]>,
    days: Vec<[f64; DayQuantity::ALL.len()]>,
}

/// Days a run of `horizon_h` covers in full.
fn complete_days(horizon_h: f64) -> usize {
    (horizon_h / 24.0 + 1e-9).floor() as usize
}

/// Spacing of the members' series, hours: hourly, or coarser for a long run (a divisor of a day).
pub fn sample_spacing_h(horizon_days: f64) -> f64 {
    let hours = horizon_days * 24.0;
    [1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 24.0]
        .into_iter()
        .find(|h| hours / h <= MAX_SAMPLES)
        .unwrap_or(24.0)
}

/// Simulate `members` mothers like the scenario's ([`super::spread`]) and their bands.
pub fn simulate_ensemble(scenario: &Scenario, members: usize) -> Result<EnsembleRun, Vec<Problem>> {
    simulate_ensemble_with(scenario, members, &Progress::default())
        .map(|r| r.expect("never cancelled"))
}

/// [`simulate_ensemble`], reporting progress and stopping (`Ok(None)`) when cancelled. The same
/// scenario and member count give the same result on any number of threads.
pub fn simulate_ensemble_with(
    scenario: &Scenario,
    members: usize,
    progress: &Progress,
) -> Result<Option<EnsembleRun>, Vec<Problem>> {
    let options = checked(scenario, members)?;
    let reduced: Vec<Option<Result<Reduced, Vec<Problem>>>> = (0..members)
        .into_par_iter()
        .map(|i| {
            if progress.is_cancelled() {
                return None;
            }
            let r = reduced_member(scenario, i, &options);
            progress.done.fetch_add(1, Ordering::Relaxed);
            Some(r)
        })
        .collect();
    let mut all = Vec::with_capacity(members);
    for r in reduced {
        match r {
            None => return Ok(None),
            Some(Err(p)) => return Err(p),
            Some(Ok(r)) => all.push(r),
        }
    }
    Ok(Some(EnsembleRun::from_members(
        all,
        &options,
        scenario.seed,
        complete_days(scenario.horizon_days * 24.0),
    )))
}

/// The scenario and member count checked; the members' numerics.
fn checked(scenario: &Scenario, members: usize) -> Result<SimOptions, Vec<Problem>> {
    let mut problems = scenario.validate();
    if members == 0 || members > MAX_MEMBERS {
        problems.push(Problem::new(
            "members",
            format!("an ensemble has 1 to {MAX_MEMBERS} mothers, not {members}"),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SimOptions {
        sample_every_min: sample_spacing_h(scenario.horizon_days) * 60.0,
        ..SimOptions::ensemble_member()
    })
}

/// Member `i` simulated, and what it leaves for the bands.
fn reduced_member(
    scenario: &Scenario,
    i: usize,
    options: &SimOptions,
) -> Result<Reduced, Vec<Problem>> {
    let (sc, sampled) = member(scenario, i);
    simulate_with(&sc, options).map(|run| reduce(i, sampled, &run))
}

/// An ensemble a piece at a time, for a caller without threads (the browser, between frames):
/// each member is simulated a few days at a time ([`MEMBER_SLICE_DAYS`]). Stepped to its end it
/// gives what [`simulate_ensemble_with`] gives.
pub struct EnsembleSteps {
    scenario: Scenario,
    members: usize,
    options: SimOptions,
    all: Vec<Reduced>,
    /// The member being simulated: its draw and its run so far.
    member: Option<(Sampled, Simulation)>,
    /// Once every member is done: the bands, a quantity a step.
    bands: BandsSoFar,
}

/// Simulated days of one member in one step of [`EnsembleSteps`] (a member's year takes about
/// 25 ms on the desktop: a month is a few).
pub const MEMBER_SLICE_DAYS: f64 = 30.0;

impl EnsembleSteps {
    pub fn start(scenario: &Scenario, members: usize) -> Result<Self, Vec<Problem>> {
        Ok(Self {
            options: checked(scenario, members)?,
            scenario: scenario.clone(),
            members,
            all: Vec::with_capacity(members),
            member: None,
            bands: BandsSoFar::default(),
        })
    }

    /// Simulate on a little; the ensemble once the last member is done (`Ok(None)`: cancelled).
    pub fn step(
        &mut self,
        progress: &Progress,
    ) -> Option<Result<Option<EnsembleRun>, Vec<Problem>>> {
        if progress.is_cancelled() {
            return Some(Ok(None));
        }
        if self.all.len() == self.members {
            if self.bands.next(&self.all) {
                return None;
            }
            return Some(Ok(Some(EnsembleRun::with_bands(
                std::mem::take(&mut self.all),
                std::mem::take(&mut self.bands),
                &self.options,
                self.scenario.seed,
                complete_days(self.scenario.horizon_days * 24.0),
            ))));
        }
        let i = self.all.len();
        let (sampled, mut simulation) = match self.member.take() {
            Some(m) => m,
            None => {
                let (sc, sampled) = member(&self.scenario, i);
                match Simulation::start(&sc, &self.options) {
                    Ok(s) => (sampled, s),
                    Err(p) => return Some(Err(p)),
                }
            }
        };
        if simulation.is_done() {
            self.all.push(reduce(i, sampled, &simulation.finish()));
            progress.done.fetch_add(1, Ordering::Relaxed);
        } else {
            simulation.advance_to(simulation.simulated_h() + MEMBER_SLICE_DAYS * 24.0);
            self.member = Some((sampled, simulation));
        }
        None
    }
}

fn reduce(index: usize, sampled: Sampled, run: &Run) -> Reduced {
    let samples = run.series.t_h.len();
    Reduced {
        member: Member {
            index,
            sampled,
            outcome: Outcome::of(run),
        },
        series: (0..samples)
            .map(|k| Quantity::ALL.map(|q| q.of(run, k)))
            .collect(),
        days: (0..run.days.len())
            .map(|d| DayQuantity::ALL.map(|q| q.of(run, d)))
            .collect(),
    }
}

/// The bands of the quantities done so far: the series' first, then the days'.
#[derive(Default)]
struct BandsSoFar {
    series: Vec<Vec<Bands>>,
    days: Vec<Vec<Bands>>,
}

impl BandsSoFar {
    /// The next quantity's bands; `false` once every quantity has its bands.
    fn next(&mut self, all: &[Reduced]) -> bool {
        if self.series.len() < Quantity::ALL.len() {
            let q = self.series.len();
            self.series
                .push(bands_across(all, samples_of(all), |r, k| r.series[k][q]));
        } else if self.days.len() < DayQuantity::ALL.len() {
            let q = self.days.len();
            let n_days = all.iter().map(|r| r.days.len()).min().unwrap_or(0);
            self.days
                .push(bands_across(all, n_days, |r, d| r.days[d][q]));
        } else {
            return false;
        }
        true
    }
}

/// Samples every member has.
fn samples_of(all: &[Reduced]) -> usize {
    all.iter().map(|r| r.series.len()).min().unwrap_or(0)
}

/// The bands across the members of each of `n` values (`value(member, i)`), on every core
/// (each is worked out on its own, so the result is the same on any number of threads).
fn bands_across(
    all: &[Reduced],
    n: usize,
    value: impl Fn(&Reduced, usize) -> f64 + Sync,
) -> Vec<Bands> {
    (0..n)
        .into_par_iter()
        .map_init(
            || vec![0.0; all.len()],
            |column, i| {
                for (c, r) in column.iter_mut().zip(all) {
                    *c = value(r, i);
                }
                Bands::of(column)
            },
        )
        .collect()
}

impl EnsembleRun {
    fn from_members(
        all: Vec<Reduced>,
        options: &SimOptions,
        seed: u64,
        complete_days: usize,
    ) -> Self {
        let mut bands = BandsSoFar::default();
        while bands.next(&all) {}
        Self::with_bands(all, bands, options, seed, complete_days)
    }

    /// The ensemble from its members and their bands (every quantity's).
    fn with_bands(
        all: Vec<Reduced>,
        BandsSoFar { series, days }: BandsSoFar,
        options: &SimOptions,
        seed: u64,
        complete_days: usize,
    ) -> Self {
        let samples = samples_of(&all);
        let spacing_h = options.sample_every_min / 60.0;
        let mut members = Vec::with_capacity(all.len());
        let mut member_days = Vec::with_capacity(all.len());
        for r in all {
            members.push(r.member);
            member_days.push(r.days);
        }
        Self {
            members,
            t_h: (0..samples).map(|k| k as f64 * spacing_h).collect(),
            spacing_h,
            series,
            days,
            member_days,
            seed,
            complete_days,
        }
    }

    /// The bands of `q` at each of [`EnsembleRun::t_h`].
    pub fn series(&self, q: Quantity) -> &[Bands] {
        let i = Quantity::ALL.iter().position(|x| *x == q).expect("listed");
        &self.series[i]
    }

    /// The bands of `q` on each day.
    pub fn days(&self, q: DayQuantity) -> &[Bands] {
        let i = DayQuantity::ALL
            .iter()
            .position(|x| *x == q)
            .expect("listed");
        &self.days[i]
    }

    /// The bands at the sample nearest to `t_h` (`None` outside the run).
    pub fn at(&self, q: Quantity, t_h: f64) -> Option<Bands> {
        let k = (t_h / self.spacing_h).round();
        (k >= 0.0 && (k as usize) < self.t_h.len()).then(|| self.series(q)[k as usize])
    }

    /// The mean of `q` over days `from..to` (clamped to the run) for each member.
    pub fn member_means(&self, q: DayQuantity, from: usize, to: usize) -> Vec<f64> {
        let i = DayQuantity::ALL
            .iter()
            .position(|x| *x == q)
            .expect("listed");
        self.member_days
            .iter()
            .map(|days| {
                let to = to.min(days.len());
                let from = from.min(to);
                if to == from {
                    return f64::NAN;
                }
                days[from..to].iter().map(|d| d[i]).sum::<f64>() / (to - from) as f64
            })
            .collect()
    }

    /// The bands of `q` averaged over days `from..to`, across the members.
    pub fn range_over(&self, q: DayQuantity, from: usize, to: usize) -> Bands {
        Bands::of(&mut self.member_means(q, from, to))
    }

    /// The bands of the change from `self` (before) to `after`, member by member: each mother
    /// compared with herself (the two ensembles must come from scenarios with the same seed and
    /// member count, as every comparison in lactosim is made). `None` if they do not pair (another
    /// seed draws other mothers). Only days both cover in full are read.
    pub fn effect(
        &self,
        after: &EnsembleRun,
        q: DayQuantity,
        from: usize,
        to: usize,
    ) -> Option<Bands> {
        if self.members.len() != after.members.len() || self.seed != after.seed {
            return None;
        }
        let to = to.min(self.complete_days).min(after.complete_days);
        let before = self.member_means(q, from, to);
        let now = after.member_means(q, from, to);
        let mut change: Vec<f64> = before.iter().zip(&now).map(|(b, a)| a - b).collect();
        Some(Bands::of(&mut change))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short() -> Scenario {
        Scenario {
            horizon_days: 6.0,
            ..Scenario::default()
        }
    }

    #[test]
    fn the_same_bands_on_any_number_of_threads() {
        let sc = short();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| simulate_ensemble(&sc, 24).unwrap());
        let two = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap()
            .install(|| simulate_ensemble(&sc, 24).unwrap());
        assert_eq!(one, two);
        assert_eq!(one.t_h.len(), 6 * 24 + 1);
        assert_eq!(one.days(DayQuantity::Production).len(), 6);
        let b = one.days(DayQuantity::Production)[5];
        assert!(b.p10 < b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 < b.p90);
    }

    /// The browser's way, a month of one mother at a time, gives the same bands.
    #[test]
    fn the_same_bands_stepped_a_piece_at_a_time() {
        let sc = Scenario {
            horizon_days: 70.0,
            ..Scenario::default()
        };
        let whole = simulate_ensemble(&sc, 6).unwrap();
        let progress = Progress::default();
        let mut steps = EnsembleSteps::start(&sc, 6).unwrap();
        let mut pieces = 0;
        let stepped = loop {
            if let Some(done) = steps.step(&progress) {
                break done.unwrap().unwrap();
            }
            pieces += 1;
        };
        assert_eq!(stepped, whole);
        assert_eq!(progress.done(), 6);
        // Each mother's 70 days in three slices of 30, then her end; then a quantity's bands a
        // step.
        let quantities = Quantity::ALL.len() + DayQuantity::ALL.len();
        assert_eq!(pieces, 6 * 4 + quantities, "a mother a few days at a time");
        let cancelled = Progress::default();
        cancelled.cancel();
        let mut steps = EnsembleSteps::start(&sc, 6).unwrap();
        assert!(matches!(steps.step(&cancelled), Some(Ok(None))));
        assert!(EnsembleSteps::start(&sc, 0).is_err());
    }

    #[test]
    fn only_the_same_mothers_pair_and_a_partial_last_day_is_not_read_as_whole() {
        let sc = Scenario {
            horizon_days: 6.5,
            ..Scenario::default()
        };
        let a = simulate_ensemble(&sc, 8).unwrap();
        assert_eq!(a.complete_days, 6);
        let words = crate::ensemble::words::range_words(&a, usize::MAX).unwrap();
        assert!(words.contains("on day 5"), "{words}");
        let other_seed = simulate_ensemble(
            &Scenario {
                seed: 2,
                ..sc.clone()
            },
            8,
        )
        .unwrap();
        assert!(
            a.effect(&other_seed, DayQuantity::Production, 5, 6)
                .is_none()
        );
        assert!(a.effect(&a, DayQuantity::Production, 5, 6).is_some());
    }

    #[test]
    fn a_cancelled_ensemble_stops_and_says_so() {
        let progress = Progress::default();
        progress.cancel();
        assert_eq!(simulate_ensemble_with(&short(), 50, &progress), Ok(None));
        assert!(simulate_ensemble(&short(), 0).is_err());
        let mut bad = short();
        bad.horizon_days = -1.0;
        assert!(simulate_ensemble(&bad, 5).is_err());
    }

    #[test]
    fn the_effect_of_a_change_is_narrower_than_either_range() {
        let mut before = Scenario {
            horizon_days: 21.0,
            ..Scenario::default()
        };
        before.schedule.responsive.as_mut().unwrap().night_gap = Some(crate::schedule::NightGap {
            from_day: 14.0,
            ..crate::schedule::NightGap::default()
        });
        let plain = simulate_ensemble(
            &Scenario {
                horizon_days: 21.0,
                ..Scenario::default()
            },
            DEFAULT_MEMBERS,
        )
        .unwrap();
        // As many mothers as the window draws: with 40 the percentiles themselves were uncertain
        // by about a tenth, and the two widths compared could come out either way.
        let gap = simulate_ensemble(&before, DEFAULT_MEMBERS).unwrap();
        let effect = plain.effect(&gap, DayQuantity::Production, 17, 21).unwrap();
        let a = plain.range_over(DayQuantity::Production, 17, 21);
        let b = gap.range_over(DayQuantity::Production, 17, 21);
        assert!(effect.p50 < 0.0, "dropping the night feeds lowers supply");
        assert!(
            effect.p90 - effect.p10 < (a.p90 - a.p10).min(b.p90 - b.p10),
            "{effect:?} {a:?} {b:?}"
        );
    }
}
