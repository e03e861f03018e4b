//! What the mother takes: each substance's amount in her body over time, and its effect on
//! prolactin.
//!
//! For the effect on prolactin each dose is absorbed at once and eliminated first-order with the
//! substance's half-life (a one-compartment model: the detail of absorption, an hour or so, is
//! short beside the half-lives here). Four medicines act on prolactin: dopamine tonically holds
//! back prolactin release from the pituitary, so a dopamine *antagonist* (domperidone,
//! metoclopramide) raises release and an *agonist* (cabergoline, bromocriptine) lowers it (D5,
//! D6). The effect on release follows the amount in the body through a saturating (Emax)
//! curve; effects of several substances multiply. The others (caffeine, alcohol, paracetamol,
//! ibuprofen, fibre) leave prolactin alone; what of each reaches the milk, with absorption, is
//! [`super::milk_transfer`], and alcohol's hold on the let-down is
//! [`super::oxytocin::alcohol_ejection_strength`]. Figures and sources per substance are in
//! [`Substance::figures`] and `docs/model.md`.

use crate::same_math::SameMath;
use serde::{Deserialize, Serialize};

/// A substance the mother takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Substance {
    /// Dopamine antagonist used to raise a low supply (B9, D6).
    #[default]
    Domperidone,
    /// Dopamine antagonist, raises prolactin (B8).
    Metoclopramide,
    /// Long-acting dopamine agonist that stops lactation (B10, D5).
    Cabergoline,
    /// Short-acting dopamine agonist that stops lactation (D5).
    Bromocriptine,
    /// In coffee, tea, cola (B4).
    Caffeine,
    /// Ethanol, in standard drinks (B5).
    Alcohol,
    /// Paracetamol (acetaminophen), for pain and fever (B6).
    Paracetamol,
    /// For pain and inflammation (B7).
    Ibuprofen,
    /// Dietary fibre: never absorbed into the blood (B11).
    Fibre,
}

/// How a substance acts on prolactin release.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProlactinEffect {
    /// Release × (1 + `max_rise` · A/(A + `half_mg`)).
    Raises { max_rise: f64, half_mg: f64 },
    /// Release × (1 − `max_fall` · A/(A + `half_mg`)).
    Lowers { max_fall: f64, half_mg: f64 },
    /// Leaves prolactin alone.
    None,
}

/// How a substance leaves the mother's body.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elimination {
    /// A constant share an hour: the amount halves every `half_life_h`.
    FirstOrder { half_life_h: f64 },
    /// A constant amount an hour per kg of her weight (ethanol, B5).
    ZeroOrder { mg_per_h_per_kg: f64 },
}

/// The figures the model uses for one substance, with where they come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub elimination: Elimination,
    pub effect: ProlactinEffect,
    /// The usual regimen: dose, hours between doses, and in words.
    pub usual_dose_mg: f64,
    pub usual_every_h: f64,
    pub usual_regimen: &'static str,
    /// The largest single dose a course accepts, mg (several times the usual one: a guard
    /// against a slip of units, not a limit of safety).
    pub max_dose_mg: f64,
    /// What it does, in plain words.
    pub what_it_does: &'static str,
    pub source: &'static str,
}

impl Substance {
    /// Every substance, in the order of the enum (the index of [`Body`]'s amounts).
    pub const ALL: [Substance; 9] = [
        Substance::Domperidone,
        Substance::Metoclopramide,
        Substance::Cabergoline,
        Substance::Bromocriptine,
        Substance::Caffeine,
        Substance::Alcohol,
        Substance::Paracetamol,
        Substance::Ibuprofen,
        Substance::Fibre,
    ];

    /// The order of a list to choose from: what a parent takes first, the medicines that act
    /// on prolactin after.
    pub const TO_CHOOSE: [Substance; 9] = [
        Substance::Caffeine,
        Substance::Alcohol,
        Substance::Paracetamol,
        Substance::Ibuprofen,
        Substance::Fibre,
        Substance::Domperidone,
        Substance::Metoclopramide,
        Substance::Cabergoline,
        Substance::Bromocriptine,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Substance::Domperidone => "domperidone",
            Substance::Metoclopramide => "metoclopramide",
            Substance::Cabergoline => "cabergoline",
            Substance::Bromocriptine => "bromocriptine",
            Substance::Caffeine => "caffeine",
            Substance::Alcohol => "alcohol",
            Substance::Paracetamol => "paracetamol (acetaminophen)",
            Substance::Ibuprofen => "ibuprofen",
            Substance::Fibre => "dietary fibre",
        }
    }

    /// Its half-life in her body, hours (`None`: alcohol, eliminated at a constant rate).
    pub fn half_life_h(self) -> Option<f64> {
        match self.figures().elimination {
            Elimination::FirstOrder { half_life_h } => Some(half_life_h),
            Elimination::ZeroOrder { .. } => None,
        }
    }

    /// Does it act on prolactin (and so is followed by the run's [`Body`])?
    pub fn acts_on_prolactin(self) -> bool {
        !matches!(self.figures().effect, ProlactinEffect::None)
    }

    pub fn figures(self) -> Figures {
        match self {
            // Half-life 7.5 h (B9; Heykants et al. 1981). 20 mg three times a day raised
            // prolactin about threefold by day 7 (D6: median 73 → 223 ng/ml, Breastfeed Med
            // 2021;16:245); 10 mg three times a day raised it significantly by day 5, back to
            // baseline 3 days after the last dose (da Silva et al. 2001); 30 and 60 mg a day
            // raise it alike (Wan et al. 2008): the usual dose is near the top of the curve.
            Substance::Domperidone => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 7.5 },
                effect: ProlactinEffect::Raises {
                    max_rise: 2.5,
                    half_mg: 3.0,
                },
                usual_dose_mg: 10.0,
                usual_every_h: 8.0,
                usual_regimen: "10 mg three times a day",
                max_dose_mg: 100.0,
                what_it_does: "raises prolactin (blocks dopamine at the pituitary)",
                source: "B9, D6: half-life ≈ 7.5 h (Heykants 1981); prolactin ≈ 3× by day 7 (Breastfeed Med 2021;16:245), back within 3 days of stopping (da Silva 2001); 30 and 60 mg/day alike (Wan 2008)",
            },
            // Half-life 5.2 ± 1.0 h by mouth (B8; Eur J Clin Pharmacol 1981;20:465). 10 mg three
            // times a day: prolactin 36.6 → 90.6 ng/ml after a week (Kauppila et al. 1981),
            // 18.1 → 121.8 by day 7 (Ehrenkranz & Ackerman 1986); 5 mg three times a day did not
            // raise it (Kauppila 1981): 10 mg is about the threshold, so half the effect needs
            // as much as one dose in the body.
            Substance::Metoclopramide => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 5.2 },
                effect: ProlactinEffect::Raises {
                    max_rise: 4.0,
                    half_mg: 10.0,
                },
                usual_dose_mg: 10.0,
                usual_every_h: 8.0,
                usual_regimen: "10 mg three times a day",
                max_dose_mg: 100.0,
                what_it_does: "raises prolactin (blocks dopamine at the pituitary)",
                source: "B8: half-life 4.6–5.2 h; 10 mg 3×/day: prolactin ×2.5 after a week (Kauppila 1981), 18 → 122 ng/ml by day 7 (Ehrenkranz & Ackerman 1986); LactMed",
            },
            // Half-life 63–69 h (B10; LactMed: about 68 h). 1 mg once on the first day after
            // birth: prolactin −89.7% at day 5 and still low at day 14 (Gynecol Obstet Invest
            // 1991;31:93), milk fully suppressed in 90% (J Reprod Med 1991;36:717); in established
            // lactation 0.25 mg every 12 h for 2 days (product information). Doses of 0.4–0.8 mg
            // lower prolactin alike (Melis 1988): half the effect at a small amount (0.03 mg),
            // which with the long half-life keeps suppression for two to three weeks.
            Substance::Cabergoline => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 68.0 },
                effect: ProlactinEffect::Lowers {
                    max_fall: 0.95,
                    half_mg: 0.03,
                },
                usual_dose_mg: 0.25,
                usual_every_h: 12.0,
                usual_regimen: "1 mg once on the first day after birth, or 0.25 mg every 12 h for 2 days",
                max_dose_mg: 100.0,
                what_it_does: "lowers prolactin (acts like dopamine at the pituitary): stops lactation",
                source: "B10, D5: half-life ≈ 68 h (LactMed); prolactin −89.7% at day 5 after 1 mg (Gynecol Obstet Invest 1991;31:93); milk suppressed in 90% (J Reprod Med 1991;36:717; BMJ 1991;302:1367)",
            },
            // Half-life 4.85 h (product information; a slow terminal phase of ≈ 15 h carries
            // little drug). 2.5 mg every 12 h for 14 days: prolactin −86.9% by day 3 (Gynecol
            // Obstet Invest 1991), milk suppressed (D5: Obstet Gynecol 1981;57:464; 1986;67:82);
            // one 2.5 mg dose lowers prolactin 64–73% for about 11 h (Ferrari 1986; Mattei
            // 1988), so it is taken twice a day; milk returns after the course in 7–17%.
            Substance::Bromocriptine => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 4.85 },
                effect: ProlactinEffect::Lowers {
                    max_fall: 0.9,
                    half_mg: 0.15,
                },
                usual_dose_mg: 2.5,
                usual_every_h: 12.0,
                usual_regimen: "2.5 mg twice a day for 14 days",
                max_dose_mg: 100.0,
                what_it_does: "lowers prolactin (acts like dopamine at the pituitary): stops lactation",
                source: "D5: 2.5 mg 2×/day for 14 days, prolactin −87% by day 3 (Gynecol Obstet Invest 1991; Obstet Gynecol 1981;57:464); half-life ≈ 4.85 h (product information); LactMed",
            },
            // The rest leave prolactin alone; their passage into milk (absorption, volume, M/P)
            // is in `milk_transfer`, with sources. Caffeine (B4): half-life 2.7–9.9 h, longer in
            // the first weeks after birth: 5 h here; a cup of brewed coffee ≈ 95 mg.
            Substance::Caffeine => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 5.0 },
                effect: ProlactinEffect::None,
                usual_dose_mg: 95.0,
                usual_every_h: 6.0,
                usual_regimen: "a cup of brewed coffee (about 95 mg; a cup of tea about 45 mg)",
                max_dose_mg: 1000.0,
                what_it_does: "a stimulant in coffee, tea and cola; passes into milk",
                source: "B4: half-life 2.7–9.9 h, longer in the first weeks after birth (NAP 1991 p. 176; PMID 6832208)",
            },
            // Ethanol (B5): eliminated at a roughly constant rate. Widmark: blood alcohol falls
            // ≈ 0.15 g/l an hour, with a woman's body water ≈ 0.6 l/kg: ≈ 0.1 g/kg an hour.
            // A standard drink 14 g (US; LactMed).
            Substance::Alcohol => Figures {
                elimination: Elimination::ZeroOrder {
                    mg_per_h_per_kg: 100.0,
                },
                effect: ProlactinEffect::None,
                usual_dose_mg: STANDARD_DRINK_MG,
                usual_every_h: 24.0,
                usual_regimen: "one standard drink (14 g of alcohol: a glass of wine, a can of beer)",
                max_dose_mg: 100_000.0,
                what_it_does: "passes into milk as it is in her blood; holds back the let-down",
                source: "B5: eliminated at a constant rate, ≈ 0.1 g/kg an hour (Widmark; LactMed NBK501469); 14 g a standard drink (LactMed)",
            },
            // Paracetamol (B6): half-life 1.9–2.5 h (2.2 here); 1 g up to four times a day.
            Substance::Paracetamol => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 2.2 },
                effect: ProlactinEffect::None,
                usual_dose_mg: 1000.0,
                usual_every_h: 6.0,
                usual_regimen: "1 g (two 500 mg tablets) up to four times a day",
                max_dose_mg: 4000.0,
                what_it_does: "for pain and fever; passes into milk",
                source: "B6: half-life 1.9–2.5 h (PMID 3620287; Clin Pharmacokinet 1982)",
            },
            // Ibuprofen (B7): half-life 1.5–2 h (1.8 here); 400 mg up to three times a day.
            Substance::Ibuprofen => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 1.8 },
                effect: ProlactinEffect::None,
                usual_dose_mg: 400.0,
                usual_every_h: 8.0,
                usual_regimen: "400 mg up to three times a day",
                max_dose_mg: 2400.0,
                what_it_does: "for pain and inflammation; very little passes into milk",
                source: "B7: half-life 1.5–2 h (LactMed NBK500986; PMID 24695355)",
            },
            // Fibre (B11): not absorbed, so no half-life in the blood; one given to keep the
            // figures whole (nothing reaches the blood for it to act on).
            Substance::Fibre => Figures {
                elimination: Elimination::FirstOrder { half_life_h: 1.0 },
                effect: ProlactinEffect::None,
                usual_dose_mg: 5000.0,
                usual_every_h: 24.0,
                usual_regimen: "5 g (a bowl of bran cereal)",
                max_dose_mg: 100_000.0,
                what_it_does: "stays in the gut: never reaches the blood or the milk",
                source: "B11: not absorbed into the blood, so not in milk (sources/breast-milk-and-the-blood-stream.txt)",
            },
        }
    }

    /// Multiplier (> 0) on prolactin release with `amount_mg` of this substance in the body.
    pub fn prolactin_release_factor(self, amount_mg: f64) -> f64 {
        let a = amount_mg.max(0.0);
        match self.figures().effect {
            ProlactinEffect::Raises { max_rise, half_mg } => 1.0 + max_rise * a / (a + half_mg),
            ProlactinEffect::Lowers { max_fall, half_mg } => 1.0 - max_fall * a / (a + half_mg),
            ProlactinEffect::None => 1.0,
        }
    }

    /// Share of the amount in the body left after `dt_h` (1 for alcohol, whose constant-rate
    /// elimination is followed by [`super::milk_transfer::BloodAlcohol`]).
    pub fn kept_after(self, dt_h: f64) -> f64 {
        self.half_life_h()
            .map_or(1.0, |h| (-dt_h * std::f64::consts::LN_2 / h).libm_exp())
    }
}

/// A standard drink, mg of ethanol (14 g: US; LactMed NBK501469).
pub const STANDARD_DRINK_MG: f64 = 14_000.0;

/// Amounts of every substance in the mother's body, mg.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Body {
    pub amount_mg: [f64; Substance::ALL.len()],
}

impl Body {
    /// A dose taken. Only what acts on prolactin is followed here (the rest would only cost
    /// the run work).
    pub fn take(&mut self, substance: Substance, dose_mg: f64) {
        if substance.acts_on_prolactin() {
            self.amount_mg[substance.index()] += dose_mg;
        }
    }

    /// Nothing in the body (the common case: skip the work).
    pub fn is_empty(&self) -> bool {
        self.amount_mg.iter().all(|&a| a <= 0.0)
    }

    /// Eliminate over a step; `kept[i]` = [`Substance::kept_after`] of substance `i` for it.
    pub fn eliminate(&mut self, kept: &[f64; Substance::ALL.len()]) {
        for (a, k) in self.amount_mg.iter_mut().zip(kept) {
            *a *= k;
            // Below a nanogram nothing acts: let the body count as empty again.
            if *a < 1e-6 {
                *a = 0.0;
            }
        }
    }

    /// Combined multiplier on prolactin release of everything in the body (1 = nothing taken).
    pub fn prolactin_release_factor(&self) -> f64 {
        Substance::ALL
            .iter()
            .zip(&self.amount_mg)
            .filter(|(_, a)| **a > 1e-12)
            .map(|(s, a)| s.prolactin_release_factor(*a))
            .product()
    }
}

/// The steady-state mean amount in the body of `dose_mg` taken every `every_h` hours.
/// (0 for alcohol, which has no half-life.)
pub fn mean_amount_mg(substance: Substance, dose_mg: f64, every_h: f64) -> f64 {
    substance
        .half_life_h()
        .map_or(0.0, |h| dose_mg * h / (std::f64::consts::LN_2 * every_h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domperidone_triples_release_at_the_usual_dose() {
        let s = Substance::Domperidone;
        let f = s.prolactin_release_factor(mean_amount_mg(s, 10.0, 8.0));
        assert!((2.7..=3.3).contains(&f), "{f}");
        // Twice the dose adds little (Wan 2008).
        let f2 = s.prolactin_release_factor(mean_amount_mg(s, 20.0, 8.0));
        assert!(f2 / f < 1.1, "{f} {f2}");
    }

    #[test]
    fn half_life_is_honoured() {
        for s in Substance::ALL {
            match s.half_life_h() {
                Some(h) => assert!((s.kept_after(h) - 0.5).abs() < 1e-12, "{}", s.name()),
                None => assert_eq!(s, Substance::Alcohol),
            }
        }
        // What leaves prolactin alone is not followed: the body stays empty.
        let mut b = Body::default();
        b.take(Substance::Caffeine, 95.0);
        assert!(b.is_empty());
    }

    #[test]
    fn agonists_lower_release_and_nothing_taken_is_neutral() {
        assert_eq!(Body::default().prolactin_release_factor(), 1.0);
        let mut b = Body::default();
        b.take(Substance::Cabergoline, 1.0);
        assert!(b.prolactin_release_factor() < 0.15);
        // Still lowered two weeks after a single 1 mg dose (prolactin still low at day 14,
        // Gynecol Obstet Invest 1991), half-way back by then.
        let two_weeks = Substance::Cabergoline.kept_after(14.0 * 24.0);
        b.eliminate(&std::array::from_fn(|i| {
            if i == Substance::Cabergoline.index() {
                two_weeks
            } else {
                1.0
            }
        }));
        let f = b.prolactin_release_factor();
        assert!((0.4..0.7).contains(&f), "{f}");
    }
}
