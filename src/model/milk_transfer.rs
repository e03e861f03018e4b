//! What the mother takes that reaches her milk (targets.md B3–B11; sources/breast-milk-and-the-
//! blood-stream.txt): her plasma concentration (one compartment, first-order absorption; ethanol
//! eliminated at a constant rate), the milk's concentration from it (milk/plasma ratio), and the
//! dose the baby gets at each feed — the milk's concentration then times the volume the run says
//! the baby drank. Worked out after the run from the list of what she took ([`reached`]); the one
//! thing that acts back on the run is alcohol, which holds back the let-down (B5): the run
//! follows her blood alcohol with [`BloodAlcohol`], the same steps as the plots here.
//!
//! Figures and sources per substance in [`transfer_figures`] (and her elimination in
//! [`Substance::figures`]); LactMed (Drugs and Lactation
//! Database, US National Library of Medicine) is the source of several. This is how the parts
//! work, not advice on what is safe: the words that show these figures say so.

use super::pharmacology::{Elimination, Substance};
use crate::run::{Run, SessionResult};
use crate::same_math::SameMath;
use crate::scenario::Scenario;
use crate::schedule::Kind;

/// How a substance passes from her gut to her blood and milk, with the sources. Its
/// elimination is the prolactin model's ([`Substance::figures`]): one set of half-lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TransferFigures {
    /// Share of a dose that reaches her blood (0–1).
    pub bioavailability: f64,
    /// Half-life of absorption from the gut, hours.
    pub absorption_half_life_h: f64,
    /// Volume of distribution, litres per kg of her weight.
    pub volume_l_per_kg: f64,
    /// Milk concentration over plasma concentration (M/P, B3).
    pub milk_plasma_ratio: f64,
    /// What is published of how much reaches the baby, in words with its row (beside a
    /// figure).
    pub published: &'static str,
    pub source: &'static str,
}

impl TransferFigures {
    /// [`Self::published`] without its row id: "under 1% of the mother's dose reaches the baby"
    /// (a parent's words name no table rows).
    pub fn published_plain(&self) -> &'static str {
        match self.published.rfind(" (B") {
            Some(i) if self.published.ends_with(')') => &self.published[..i],
            _ => self.published,
        }
    }
}

/// How `s` passes into milk; `None` where nothing is published to model it by (cabergoline,
/// B10: "no data"; bromocriptine).
pub fn transfer_figures(s: Substance) -> Option<TransferFigures> {
    Some(match s {
        // B4: M/P 0.5–0.8 (0.8 by AUC, B3: Stavchansky 1988); bioavailability ≈ 100%; volume
        // of distribution ≈ 0.6 l/kg and a peak 0.5–1 h after a cup (Blanchard & Sawers 1983).
        Substance::Caffeine => TransferFigures {
            bioavailability: 1.0,
            absorption_half_life_h: 0.2,
            volume_l_per_kg: 0.6,
            milk_plasma_ratio: 0.8,
            published: "under 1% of the mother's dose reaches the baby (B4)",
            source: "B4, B3: M/P 0.5–0.8 (0.8 by AUC, Stavchansky 1988); half-life 2.7–9.9 h (NAP 1991 p. 176; PMID 6832208); Vd ≈ 0.6 l/kg, absorbed in 0.5–1 h (Blanchard & Sawers 1983)",
        },
        // B5: milk follows blood (M/P ≈ 1); peak 30–60 min after a drink. With a woman's
        // body water ≈ 0.6 l/kg (Widmark). No absorption half-life is published: 12 minutes
        // puts one drink's peak at 34 min, inside B5's 30–60 min (fasting; later with food).
        Substance::Alcohol => TransferFigures {
            bioavailability: 1.0,
            absorption_half_life_h: 0.2,
            volume_l_per_kg: 0.6,
            milk_plasma_ratio: 1.0,
            published: "milk alcohol follows blood alcohol, up and down (B5)",
            source: "B5: M/P ≈ 1, zero-order elimination, peak 30–60 min (LactMed NBK501469; PMID 8312842); ≈ 0.1 g/kg/h and 0.6 l/kg (Widmark); 14 g a standard drink (LactMed)",
        },
        // B6: M/P 0.76–1 (0.88 here); Vd 0.9 l/kg; bioavailability 63–89% (0.76); peak
        // within the hour.
        Substance::Paracetamol => TransferFigures {
            bioavailability: 0.76,
            absorption_half_life_h: 0.2,
            volume_l_per_kg: 0.9,
            milk_plasma_ratio: 0.88,
            published: "relative infant dose at most 1.85% (B6)",
            source: "B6: M/P 0.76–1, half-life 1.9–2.5 h, Vd 0.9 l/kg, bioavailability 63–89%, RID ≤ 1.85% (PMID 3620287; Clin Pharmacokinet 1982)",
        },
        // B7: milk levels below detection (0.5–1 mg/l) at plasma levels of tens of mg/l:
        // M/P under 0.05 (0.01 here); highly bound to plasma protein, Vd ≈ 0.15 l/kg,
        // bioavailability ≈ 90% (product information).
        Substance::Ibuprofen => TransferFigures {
            bioavailability: 0.9,
            absorption_half_life_h: 0.3,
            volume_l_per_kg: 0.15,
            milk_plasma_ratio: 0.01,
            published: "relative infant dose under 0.38% (B7)",
            source: "B7: milk below detection (0.5–1 mg/l), half-life 1.5–2 h, RID < 0.38% (LactMed NBK500986; PMID 24695355); Vd ≈ 0.15 l/kg, bioavailability ≈ 90% (product information)",
        },
        // B9: M/P 0.1–0.5 (0.25); bioavailability ≈ 15%; Vd ≈ 5.7 l/kg (Heykants 1981).
        Substance::Domperidone => TransferFigures {
            bioavailability: 0.15,
            absorption_half_life_h: 0.3,
            volume_l_per_kg: 5.7,
            milk_plasma_ratio: 0.25,
            published: "relative infant dose about 0.01% (B9)",
            source: "B9: M/P 0.1–0.5, half-life ≈ 7.5 h, bioavailability ≈ 15%, RID ≈ 0.01% (Wan et al. 2008, PMC2492930; LactMed); Vd ≈ 5.7 l/kg (Heykants 1981)",
        },
        // B8: M/P can exceed 1 in the first days (1 here); bioavailability 0.77; Vd 3.4 l/kg.
        Substance::Metoclopramide => TransferFigures {
            bioavailability: 0.77,
            absorption_half_life_h: 0.3,
            volume_l_per_kg: 3.4,
            milk_plasma_ratio: 1.0,
            published: "relative infant dose 4.7–14.3% (B8)",
            source: "B8: M/P can exceed 1, half-life 4.6–5.2 h, bioavailability 0.77, Vd 3.4 l/kg, RID 4.7–14.3% (PMID 7286058; LactMed)",
        },
        Substance::Fibre => TransferFigures {
            bioavailability: 0.0,
            absorption_half_life_h: 1.0,
            volume_l_per_kg: 1.0,
            milk_plasma_ratio: 0.0,
            published: "none reaches the blood, so none the milk (B11)",
            source: "B11: not absorbed into the blood, so not in milk (sources/breast-milk-and-the-blood-stream.txt)",
        },
        Substance::Cabergoline | Substance::Bromocriptine => return None,
    })
}

/// Alcohol in her gut and body, stepped on at a constant rate of elimination (B5): what the
/// gut holds is absorbed first-order, what the body holds leaves at a constant rate until none
/// is left. The run follows it for the let-down's sake, the plots for the milk: one code path.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BloodAlcohol {
    pub gut_mg: f64,
    pub body_mg: f64,
    /// The time it has been stepped to, hours since birth.
    pub t_h: f64,
}

impl BloodAlcohol {
    /// Longest step, hours: a minute (the constant-rate elimination and the absorption
    /// overlap within a step; a minute keeps the error far below a mg/l).
    const STEP_H: f64 = 1.0 / 60.0;

    /// A drink of `dose_mg` of ethanol, at the time stepped to.
    pub fn drink(&mut self, dose_mg: f64) {
        self.gut_mg +=
            dose_mg * transfer_figures(Substance::Alcohol).map_or(1.0, |f| f.bioavailability);
    }

    /// Step on to `t_h` (never back).
    pub fn advance_to(&mut self, t_h: f64, mother_kg: f64) {
        let Elimination::ZeroOrder { mg_per_h_per_kg } = Substance::Alcohol.figures().elimination
        else {
            unreachable!("alcohol is eliminated at a constant rate")
        };
        let f = transfer_figures(Substance::Alcohol).expect("alcohol's transfer figures");
        let ka = std::f64::consts::LN_2 / f.absorption_half_life_h;
        let out_per_h = mg_per_h_per_kg * mother_kg;
        while self.t_h < t_h {
            // Nothing left: nothing to step.
            if self.gut_mg < 1e-6 && self.body_mg <= 0.0 {
                self.gut_mg = 0.0;
                self.t_h = t_h;
                return;
            }
            let dt = Self::STEP_H.min(t_h - self.t_h);
            let moved = self.gut_mg * (1.0 - (-ka * dt).libm_exp());
            self.gut_mg -= moved;
            self.body_mg = (self.body_mg + moved - out_per_h * dt).max(0.0);
            self.t_h += dt;
        }
    }

    /// Her blood alcohol, mg/l.
    pub fn plasma_mg_per_l(&self, mother_kg: f64) -> f64 {
        let v = transfer_figures(Substance::Alcohol).map_or(0.6, |f| f.volume_l_per_kg);
        self.body_mg / (v * mother_kg)
    }
}

/// One dose she took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Taken {
    /// Hours since birth.
    pub at_h: f64,
    pub dose_mg: f64,
}

/// Her plasma concentration, mg/l, at `t_h` after the doses `taken` (in time order); 0 for what
/// is not modelled ([`transfer_figures`] `None`).
pub fn plasma_mg_per_l(s: Substance, taken: &[Taken], mother_kg: f64, t_h: f64) -> f64 {
    let Some(f) = transfer_figures(s) else {
        return 0.0;
    };
    // Never absorbed (fibre): never in the blood.
    if f.bioavailability <= 0.0 {
        return 0.0;
    }
    let v_l = f.volume_l_per_kg * mother_kg;
    let ka = std::f64::consts::LN_2 / f.absorption_half_life_h;
    match s.figures().elimination {
        Elimination::FirstOrder { half_life_h } => {
            let ke = std::f64::consts::LN_2 / half_life_h;
            taken
                .iter()
                .filter(|d| d.at_h <= t_h)
                .map(|d| {
                    let tau = t_h - d.at_h;
                    let absorbed = f.bioavailability * d.dose_mg / v_l;
                    // The Bateman function (ka ≠ ke for every substance here).
                    absorbed * ka / (ka - ke) * ((-ke * tau).libm_exp() - (-ka * tau).libm_exp())
                })
                .sum::<f64>()
                // An empty sum is −0.0 (and concentrations are never below zero).
                .max(0.0)
                + 0.0
        }
        Elimination::ZeroOrder { .. } => plasma_curve(s, taken, mother_kg, &[t_h])[0],
    }
}

/// Her plasma concentration, mg/l, at each of `times_h` (in ascending order), in one pass: the
/// curves of a plot (alcohol stepped once, not from its first drink for every point).
pub fn plasma_curve(s: Substance, taken: &[Taken], mother_kg: f64, times_h: &[f64]) -> Vec<f64> {
    if !matches!(s.figures().elimination, Elimination::ZeroOrder { .. })
        || transfer_figures(s).is_none()
    {
        return times_h
            .iter()
            .map(|&t| plasma_mg_per_l(s, taken, mother_kg, t))
            .collect();
    }
    let Some(first) = taken.first() else {
        return vec![0.0; times_h.len()];
    };
    let mut blood = BloodAlcohol {
        t_h: first.at_h,
        ..BloodAlcohol::default()
    };
    let mut next = 0;
    times_h
        .iter()
        .map(|&t| {
            while next < taken.len() && taken[next].at_h <= t {
                blood.advance_to(taken[next].at_h, mother_kg);
                blood.drink(taken[next].dose_mg);
                next += 1;
            }
            blood.advance_to(t, mother_kg);
            blood.plasma_mg_per_l(mother_kg)
        })
        .collect()
}

/// The milk's concentration, mg/l, at `t_h`.
pub fn milk_mg_per_l(s: Substance, taken: &[Taken], mother_kg: f64, t_h: f64) -> f64 {
    transfer_figures(s).map_or(0.0, |f| f.milk_plasma_ratio)
        * plasma_mg_per_l(s, taken, mother_kg, t_h)
}

/// What one feed carried.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeedDose {
    /// Index into the run's sessions.
    pub session: usize,
    /// The feed's middle, hours since birth: the milk's concentration is read then.
    pub t_h: f64,
    /// Milk the baby drank at the feed.
    pub drank_ml: f64,
    pub milk_mg_per_l: f64,
    pub dose_mg: f64,
}

/// Each breastfeed of the run with what it carried of `p` (the milk the baby drank at it times
/// the milk's concentration at its middle). The concentrations in one pass over the feeds in
/// time order ([`plasma_curve`]): alcohol is not stepped again from her first drink per feed.
pub fn feed_doses(p: Substance, taken: &[Taken], mother_kg: f64, run: &Run) -> Vec<FeedDose> {
    let mut feeds: Vec<(usize, f64, f64)> = run
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == Kind::Breastfeed && s.end_h < run.horizon_h)
        .map(|(i, s): (usize, &SessionResult)| {
            (i, 0.5 * (s.start_h + s.end_h), s.removed_ml.iter().sum())
        })
        .collect();
    feeds.sort_by(|a, b| a.1.total_cmp(&b.1));
    let times: Vec<f64> = feeds.iter().map(|f| f.1).collect();
    let m_p = transfer_figures(p).map_or(0.0, |f| f.milk_plasma_ratio);
    let plasma = plasma_curve(p, taken, mother_kg, &times);
    feeds
        .into_iter()
        .zip(plasma)
        .map(|((session, t_h, drank_ml), c)| {
            let c = m_p * c;
            FeedDose {
                session,
                t_h,
                drank_ml,
                milk_mg_per_l: c,
                dose_mg: c * drank_ml / 1000.0,
            }
        })
        .collect()
}

/// Milk the baby drank at breastfeeds that began in `[from_h, to_h)`.
pub fn breastfed_ml(run: &Run, from_h: f64, to_h: f64) -> f64 {
    run.sessions
        .iter()
        .filter(|s| s.kind == Kind::Breastfeed && s.start_h >= from_h && s.start_h < to_h)
        .map(|s| s.removed_ml.iter().sum::<f64>())
        .sum()
}

/// The baby's weight when unknown, from what it drinks: 150 ml/kg a day (B3).
pub const INFANT_INTAKE_ML_PER_KG_PER_DAY: f64 = 150.0;

/// The relative infant dose, %: the baby's dose per kg over the mother's per kg (B3), the
/// baby's weight from its intake at 150 ml/kg a day.
pub fn relative_infant_dose_pct(
    infant_mg_per_day: f64,
    infant_intake_ml_per_day: f64,
    mother_mg_per_day: f64,
    mother_kg: f64,
) -> f64 {
    let infant_kg = infant_intake_ml_per_day / INFANT_INTAKE_ML_PER_KG_PER_DAY;
    if infant_kg <= 0.0 || mother_mg_per_day <= 0.0 {
        return 0.0;
    }
    100.0 * (infant_mg_per_day / infant_kg) / (mother_mg_per_day / mother_kg)
}

/// One day of what she took and what reached the baby.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayReached {
    /// Days since birth.
    pub day: usize,
    /// What she took that day, mg.
    pub mother_mg: f64,
    /// What the day's breastfeeds carried, mg.
    pub baby_mg: f64,
    /// The relative infant dose that day, % (`None` on a day she took none).
    pub rid_pct: Option<f64>,
}

/// What of one substance she took reached the baby over a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Reached {
    pub substance: Substance,
    /// Her doses, in time order.
    pub taken: Vec<Taken>,
    /// Every breastfeed with what it carried.
    pub feeds: Vec<FeedDose>,
    /// Each day from her first dose to the end of the run.
    pub days: Vec<DayReached>,
}

/// The day (since birth) an hour falls on.
pub fn day_of(t_h: f64) -> usize {
    (t_h / 24.0).floor().max(0.0) as usize
}

impl Reached {
    /// The day `day`, if she had taken any by then.
    pub fn day(&self, day: usize) -> Option<&DayReached> {
        self.days.iter().find(|d| d.day == day)
    }

    /// The breastfeeds of day `day` (by the feed's middle, as the day's sums count them).
    pub fn feeds_on(&self, day: usize) -> impl Iterator<Item = &FeedDose> {
        self.feeds.iter().filter(move |f| day_of(f.t_h) == day)
    }

    /// Her doses on day `day`.
    pub fn taken_on(&self, day: usize) -> impl Iterator<Item = &Taken> {
        self.taken.iter().filter(move |t| day_of(t.at_h) == day)
    }
}

/// For each substance of the scenario's courses that passes into milk ([`transfer_figures`]),
/// what reached the baby in `run` (the run of `sc`): each feed, and each day with its relative
/// infant dose, the baby's weight from what it wanted that day (`appetite_ml`, bottles
/// included) at [`INFANT_INTAKE_ML_PER_KG_PER_DAY`].
pub fn reached(sc: &Scenario, run: &Run) -> Vec<Reached> {
    reached_from(&sc.schedule.mother_takes, sc.mother.weight_kg, run)
}

/// [`reached`] from the courses she takes and her weight (the run made with them).
pub fn reached_from(courses: &[crate::mother_takes::Dosing], kg: f64, run: &Run) -> Vec<Reached> {
    let doses = crate::mother_takes::doses(courses, run.horizon_h);
    let mut out = Vec::new();
    for s in Substance::ALL {
        if transfer_figures(s).is_none() {
            continue;
        }
        let taken: Vec<Taken> = doses
            .iter()
            .filter(|d| d.substance == s)
            .map(|d| Taken {
                at_h: d.t_h,
                dose_mg: d.mg,
            })
            .collect();
        let Some(first) = taken.first() else {
            continue;
        };
        let feeds = feed_doses(s, &taken, kg, run);
        let first_day = day_of(first.at_h);
        let days = (first_day..run.days.len())
            .map(|day| {
                let in_day = |t: f64| day_of(t) == day;
                // An empty sum is −0.0, which reads "-0": + 0.0 makes it +0.0 (f64::max may
                // return either zero).
                let mother_mg: f64 = taken
                    .iter()
                    .filter(|d| in_day(d.at_h))
                    .map(|d| d.dose_mg)
                    .sum::<f64>()
                    + 0.0;
                let baby_mg: f64 = feeds
                    .iter()
                    .filter(|f| in_day(f.t_h))
                    .map(|f| f.dose_mg)
                    .sum::<f64>()
                    + 0.0;
                let rid_pct = (mother_mg > 0.0).then(|| {
                    relative_infant_dose_pct(baby_mg, run.days[day].appetite_ml, mother_mg, kg)
                });
                DayReached {
                    day,
                    mother_mg,
                    baby_mg,
                    rid_pct,
                }
            })
            .collect();
        out.push(Reached {
            substance: s,
            taken,
            feeds,
            days,
        });
    }
    out
}

/// How long after one dose of `dose_mg` the milk's concentration peaks, hours (to the minute).
pub fn milk_peak_after_h(s: Substance, dose_mg: f64, mother_kg: f64) -> f64 {
    let taken = [Taken { at_h: 0.0, dose_mg }];
    (1..=12 * 60)
        .map(|m| m as f64 / 60.0)
        .map(|t| (t, milk_mg_per_l(s, &taken, mother_kg, t)))
        .fold((0.0, f64::NEG_INFINITY), |best, x| {
            if x.1 > best.1 { x } else { best }
        })
        .0
}
