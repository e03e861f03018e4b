//! What the mother takes that reaches her milk (targets.md B3–B11; sources/breast-milk-and-the-
//! blood-stream.txt): her plasma concentration (one compartment, first-order absorption; ethanol
//! eliminated at a constant rate), the milk's concentration from it (milk/plasma ratio), and the
//! dose the baby gets at each feed — the milk's concentration then times the volume the run says
//! the baby drank. Worked out after the run from the list of what she took: nothing here acts
//! back on the model (yet: B5's lower intake after a drink is for the next step).
//!
//! Figures and sources per substance in [`Passing::figures`]; LactMed (Drugs and Lactation
//! Database, US National Library of Medicine) is the source of several. This is how the parts
//! work, not advice on what is safe: the words that show these figures say so.

use super::pharmacology::Substance;
use crate::run::{Run, SessionResult};
use crate::schedule::Kind;

/// A substance whose passage into milk is modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Passing {
    Caffeine,
    Alcohol,
    Paracetamol,
    Ibuprofen,
    Domperidone,
    Metoclopramide,
    /// Dietary fibre: not absorbed into the blood, so never in milk (B11).
    Fibre,
}

/// How a substance leaves the mother's body.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elimination {
    /// A constant share an hour: the amount halves every `half_life_h`.
    FirstOrder { half_life_h: f64 },
    /// A constant amount an hour per kg of her weight (ethanol, B5).
    ZeroOrder { mg_per_h_per_kg: f64 },
}

/// The figures the model uses for one substance, with their sources.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TransferFigures {
    /// Share of a dose that reaches her blood (0–1).
    pub bioavailability: f64,
    /// Half-life of absorption from the gut, hours.
    pub absorption_half_life_h: f64,
    /// Volume of distribution, litres per kg of her weight.
    pub volume_l_per_kg: f64,
    pub elimination: Elimination,
    /// Milk concentration over plasma concentration (M/P, B3).
    pub milk_plasma_ratio: f64,
    /// A usual single dose, mg, and in words.
    pub usual_dose_mg: f64,
    pub usual_dose: &'static str,
    pub source: &'static str,
}

impl Passing {
    pub const ALL: [Passing; 7] = [
        Passing::Caffeine,
        Passing::Alcohol,
        Passing::Paracetamol,
        Passing::Ibuprofen,
        Passing::Domperidone,
        Passing::Metoclopramide,
        Passing::Fibre,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Passing::Caffeine => "caffeine",
            Passing::Alcohol => "alcohol",
            Passing::Paracetamol => "paracetamol (acetaminophen)",
            Passing::Ibuprofen => "ibuprofen",
            Passing::Domperidone => "domperidone",
            Passing::Metoclopramide => "metoclopramide",
            Passing::Fibre => "dietary fibre",
        }
    }

    pub fn figures(self) -> TransferFigures {
        match self {
            // B4: M/P 0.5–0.8 (0.8 by AUC, B3: Stavchansky 1988); half-life 2.7–9.9 h, longer
            // in the first weeks after birth: 5 h here; bioavailability ≈ 100%; volume of
            // distribution ≈ 0.6 l/kg and a peak 0.5–1 h after a cup (Blanchard & Sawers 1983).
            Passing::Caffeine => TransferFigures {
                bioavailability: 1.0,
                absorption_half_life_h: 0.2,
                volume_l_per_kg: 0.6,
                elimination: Elimination::FirstOrder { half_life_h: 5.0 },
                milk_plasma_ratio: 0.8,
                usual_dose_mg: 95.0,
                usual_dose: "a cup of brewed coffee (about 95 mg)",
                source: "B4, B3: M/P 0.5–0.8 (0.8 by AUC, Stavchansky 1988); half-life 2.7–9.9 h (NAP 1991 p. 176; PMID 6832208); Vd ≈ 0.6 l/kg, absorbed in 0.5–1 h (Blanchard & Sawers 1983)",
            },
            // B5: milk follows blood (M/P ≈ 1); eliminated at a roughly constant rate, peak
            // 30–60 min after a drink. Widmark: blood alcohol falls ≈ 0.15 g/l an hour, with a
            // woman's water ≈ 0.6 l/kg: ≈ 0.1 g/kg an hour. A standard drink 14 g (US, LactMed).
            // No absorption half-life is published: 12 minutes puts one drink's peak at 34 min,
            // inside B5's 30–60 min (fasting; later with food).
            Passing::Alcohol => TransferFigures {
                bioavailability: 1.0,
                absorption_half_life_h: 0.2,
                volume_l_per_kg: 0.6,
                elimination: Elimination::ZeroOrder {
                    mg_per_h_per_kg: 100.0,
                },
                milk_plasma_ratio: 1.0,
                usual_dose_mg: 14_000.0,
                usual_dose: "one standard drink (14 g of alcohol: a glass of wine, a can of beer)",
                source: "B5: M/P ≈ 1, zero-order elimination, peak 30–60 min (LactMed NBK501469; PMID 8312842); ≈ 0.1 g/kg/h and 0.6 l/kg (Widmark); 14 g a standard drink (LactMed)",
            },
            // B6: M/P 0.76–1 (0.88 here); half-life 1.9–2.5 h (2.2); Vd 0.9 l/kg;
            // bioavailability 63–89% (0.76); peak within the hour.
            Passing::Paracetamol => TransferFigures {
                bioavailability: 0.76,
                absorption_half_life_h: 0.2,
                volume_l_per_kg: 0.9,
                elimination: Elimination::FirstOrder { half_life_h: 2.2 },
                milk_plasma_ratio: 0.88,
                usual_dose_mg: 1000.0,
                usual_dose: "1 g (two 500 mg tablets)",
                source: "B6: M/P 0.76–1, half-life 1.9–2.5 h, Vd 0.9 l/kg, bioavailability 63–89%, RID ≤ 1.85% (PMID 3620287; Clin Pharmacokinet 1982)",
            },
            // B7: milk levels below detection (0.5–1 mg/l) at plasma levels of tens of mg/l:
            // M/P under 0.05 (0.01 here); half-life 1.5–2 h (1.8); highly bound to plasma
            // protein, Vd ≈ 0.15 l/kg, bioavailability ≈ 90% (product information).
            Passing::Ibuprofen => TransferFigures {
                bioavailability: 0.9,
                absorption_half_life_h: 0.3,
                volume_l_per_kg: 0.15,
                elimination: Elimination::FirstOrder { half_life_h: 1.8 },
                milk_plasma_ratio: 0.01,
                usual_dose_mg: 400.0,
                usual_dose: "400 mg",
                source: "B7: milk below detection (0.5–1 mg/l), half-life 1.5–2 h, RID < 0.38% (LactMed NBK500986; PMID 24695355); Vd ≈ 0.15 l/kg, bioavailability ≈ 90% (product information)",
            },
            // B9: M/P 0.1–0.5 (0.25); bioavailability ≈ 15%; Vd ≈ 5.7 l/kg (Heykants 1981); the
            // half-life the prolactin model uses (`pharmacology`, B9).
            Passing::Domperidone => TransferFigures {
                bioavailability: 0.15,
                absorption_half_life_h: 0.3,
                volume_l_per_kg: 5.7,
                elimination: Elimination::FirstOrder {
                    half_life_h: Substance::Domperidone.figures().half_life_h,
                },
                milk_plasma_ratio: 0.25,
                usual_dose_mg: 10.0,
                usual_dose: "10 mg",
                source: "B9: M/P 0.1–0.5, half-life ≈ 7.5 h, bioavailability ≈ 15%, RID ≈ 0.01% (Wan et al. 2008, PMC2492930; LactMed); Vd ≈ 5.7 l/kg (Heykants 1981)",
            },
            // B8: M/P can exceed 1 in the first days (1 here); bioavailability 0.77; Vd 3.4
            // l/kg; the half-life the prolactin model uses (`pharmacology`, B8: 4.6–5.2 h).
            Passing::Metoclopramide => TransferFigures {
                bioavailability: 0.77,
                absorption_half_life_h: 0.3,
                volume_l_per_kg: 3.4,
                elimination: Elimination::FirstOrder {
                    half_life_h: Substance::Metoclopramide.figures().half_life_h,
                },
                milk_plasma_ratio: 1.0,
                usual_dose_mg: 10.0,
                usual_dose: "10 mg",
                source: "B8: M/P can exceed 1, half-life 4.6–5.2 h, bioavailability 0.77, Vd 3.4 l/kg, RID 4.7–14.3% (PMID 7286058; LactMed)",
            },
            Passing::Fibre => TransferFigures {
                bioavailability: 0.0,
                absorption_half_life_h: 1.0,
                volume_l_per_kg: 1.0,
                elimination: Elimination::FirstOrder { half_life_h: 1.0 },
                milk_plasma_ratio: 0.0,
                usual_dose_mg: 5000.0,
                usual_dose: "5 g",
                source: "B11: not absorbed into the blood, so not in milk (sources/breast-milk-and-the-blood-stream.txt)",
            },
        }
    }
}

/// One dose she took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Taken {
    /// Hours since birth.
    pub at_h: f64,
    pub dose_mg: f64,
}

/// Her plasma concentration, mg/l, at `t_h` after the doses `taken` (in time order).
pub fn plasma_mg_per_l(p: Passing, taken: &[Taken], mother_kg: f64, t_h: f64) -> f64 {
    let f = p.figures();
    // Never absorbed (fibre): never in the blood.
    if f.bioavailability <= 0.0 {
        return 0.0;
    }
    let v_l = f.volume_l_per_kg * mother_kg;
    let ka = std::f64::consts::LN_2 / f.absorption_half_life_h;
    match f.elimination {
        Elimination::FirstOrder { half_life_h } => {
            let ke = std::f64::consts::LN_2 / half_life_h;
            taken
                .iter()
                .filter(|d| d.at_h <= t_h)
                .map(|d| {
                    let tau = t_h - d.at_h;
                    let absorbed = f.bioavailability * d.dose_mg / v_l;
                    // The Bateman function (ka ≠ ke for every substance here).
                    absorbed * ka / (ka - ke) * ((-ke * tau).exp() - (-ka * tau).exp())
                })
                .sum()
        }
        Elimination::ZeroOrder { mg_per_h_per_kg } => {
            // Stepped: what the gut still holds is absorbed first-order, what the body holds
            // leaves at a constant rate until none is left.
            let step_h = 1.0 / 60.0;
            let Some(first) = taken.first() else {
                return 0.0;
            };
            let (mut gut, mut body) = (0.0, 0.0);
            let mut next = 0;
            let mut t = first.at_h;
            let kept = (-ka * step_h).exp();
            while t < t_h {
                while next < taken.len() && taken[next].at_h <= t {
                    gut += f.bioavailability * taken[next].dose_mg;
                    next += 1;
                }
                let dt = step_h.min(t_h - t);
                let moved = if dt < step_h {
                    gut * (1.0 - (-ka * dt).exp())
                } else {
                    gut * (1.0 - kept)
                };
                gut -= moved;
                body = (body + moved - mg_per_h_per_kg * mother_kg * dt).max(0.0);
                t += dt;
            }
            body / v_l
        }
    }
}

/// The milk's concentration, mg/l, at `t_h`.
pub fn milk_mg_per_l(p: Passing, taken: &[Taken], mother_kg: f64, t_h: f64) -> f64 {
    p.figures().milk_plasma_ratio * plasma_mg_per_l(p, taken, mother_kg, t_h)
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
/// the milk's concentration at its middle).
pub fn feed_doses(p: Passing, taken: &[Taken], mother_kg: f64, run: &Run) -> Vec<FeedDose> {
    run.sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == Kind::Breastfeed && s.end_h < run.horizon_h)
        .map(|(i, s): (usize, &SessionResult)| {
            let t_h = 0.5 * (s.start_h + s.end_h);
            let drank_ml: f64 = s.removed_ml.iter().sum();
            let c = milk_mg_per_l(p, taken, mother_kg, t_h);
            FeedDose {
                session: i,
                t_h,
                drank_ml,
                milk_mg_per_l: c,
                dose_mg: c * drank_ml / 1000.0,
            }
        })
        .collect()
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
