//! What the mother takes: each substance's amount in her body over time, and its effect.
//!
//! Each dose is absorbed at once and eliminated first-order with the substance's half-life
//! (a one-compartment model: the detail of absorption, an hour or so, is short beside the
//! half-lives here). The four medicines in the list so far act on prolactin: dopamine tonically
//! holds back prolactin release from the pituitary, so a dopamine *antagonist* (domperidone,
//! metoclopramide) raises release and an *agonist* (cabergoline, bromocriptine) lowers it (D5,
//! D6). The effect on release follows the amount in the body through a saturating (Emax)
//! curve; effects of several substances multiply. Figures and sources per substance are in
//! [`Substance::figures`] and `docs/model.md`.

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
}

/// How a substance acts on prolactin release.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProlactinEffect {
    /// Release × (1 + `max_rise` · A/(A + `half_mg`)).
    Raises { max_rise: f64, half_mg: f64 },
    /// Release × (1 − `max_fall` · A/(A + `half_mg`)).
    Lowers { max_fall: f64, half_mg: f64 },
}

/// The figures the model uses for one substance, with where they come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub half_life_h: f64,
    pub effect: ProlactinEffect,
    /// The usual regimen: dose, hours between doses, and in words.
    pub usual_dose_mg: f64,
    pub usual_every_h: f64,
    pub usual_regimen: &'static str,
    /// What it does, in plain words.
    pub what_it_does: &'static str,
    pub source: &'static str,
}

impl Substance {
    pub const ALL: [Substance; 4] = [
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
        }
    }

    pub fn figures(self) -> Figures {
        match self {
            // Half-life 7.5 h (B9; Heykants et al. 1981). 20 mg three times a day raised
            // prolactin about threefold by day 7 (D6: median 73 → 223 ng/ml, Breastfeed Med
            // 2021;16:245); 10 mg three times a day raised it significantly by day 5, back to
            // baseline 3 days after the last dose (da Silva et al. 2001); 30 and 60 mg a day
            // raise it alike (Wan et al. 2008): the usual dose is near the top of the curve.
            Substance::Domperidone => Figures {
                half_life_h: 7.5,
                effect: ProlactinEffect::Raises {
                    max_rise: 2.5,
                    half_mg: 3.0,
                },
                usual_dose_mg: 10.0,
                usual_every_h: 8.0,
                usual_regimen: "10 mg three times a day",
                what_it_does: "raises prolactin (blocks dopamine at the pituitary)",
                source: "B9, D6: half-life ≈ 7.5 h (Heykants 1981); prolactin ≈ 3× by day 7 (Breastfeed Med 2021;16:245), back within 3 days of stopping (da Silva 2001); 30 and 60 mg/day alike (Wan 2008)",
            },
            // Half-life 5.2 ± 1.0 h by mouth (B8; Eur J Clin Pharmacol 1981;20:465). 10 mg three
            // times a day: prolactin 36.6 → 90.6 ng/ml after a week (Kauppila et al. 1981),
            // 18.1 → 121.8 by day 7 (Ehrenkranz & Ackerman 1986); 5 mg three times a day did not
            // raise it (Kauppila 1981): 10 mg is about the threshold, so half the effect needs
            // as much as one dose in the body.
            Substance::Metoclopramide => Figures {
                half_life_h: 5.2,
                effect: ProlactinEffect::Raises {
                    max_rise: 4.0,
                    half_mg: 10.0,
                },
                usual_dose_mg: 10.0,
                usual_every_h: 8.0,
                usual_regimen: "10 mg three times a day",
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
                half_life_h: 68.0,
                effect: ProlactinEffect::Lowers {
                    max_fall: 0.95,
                    half_mg: 0.03,
                },
                usual_dose_mg: 0.25,
                usual_every_h: 12.0,
                usual_regimen: "1 mg once on the first day after birth, or 0.25 mg every 12 h for 2 days",
                what_it_does: "lowers prolactin (acts like dopamine at the pituitary): stops lactation",
                source: "B10, D5: half-life ≈ 68 h (LactMed); prolactin −89.7% at day 5 after 1 mg (Gynecol Obstet Invest 1991;31:93); milk suppressed in 90% (J Reprod Med 1991;36:717; BMJ 1991;302:1367)",
            },
            // Half-life 4.85 h (product information; a slow terminal phase of ≈ 15 h carries
            // little drug). 2.5 mg every 12 h for 14 days: prolactin −86.9% by day 3 (Gynecol
            // Obstet Invest 1991), milk suppressed (D5: Obstet Gynecol 1981;57:464; 1986;67:82);
            // one 2.5 mg dose lowers prolactin 64–73% for about 11 h (Ferrari 1986; Mattei
            // 1988), so it is taken twice a day; milk returns after the course in 7–17%.
            Substance::Bromocriptine => Figures {
                half_life_h: 4.85,
                effect: ProlactinEffect::Lowers {
                    max_fall: 0.9,
                    half_mg: 0.15,
                },
                usual_dose_mg: 2.5,
                usual_every_h: 12.0,
                usual_regimen: "2.5 mg twice a day for 14 days",
                what_it_does: "lowers prolactin (acts like dopamine at the pituitary): stops lactation",
                source: "D5: 2.5 mg 2×/day for 14 days, prolactin −87% by day 3 (Gynecol Obstet Invest 1991; Obstet Gynecol 1981;57:464); half-life ≈ 4.85 h (product information); LactMed",
            },
        }
    }

    /// Multiplier (> 0) on prolactin release with `amount_mg` of this substance in the body.
    pub fn prolactin_release_factor(self, amount_mg: f64) -> f64 {
        let a = amount_mg.max(0.0);
        match self.figures().effect {
            ProlactinEffect::Raises { max_rise, half_mg } => 1.0 + max_rise * a / (a + half_mg),
            ProlactinEffect::Lowers { max_fall, half_mg } => 1.0 - max_fall * a / (a + half_mg),
        }
    }

    /// Share of the amount in the body left after `dt_h`.
    pub fn kept_after(self, dt_h: f64) -> f64 {
        (-dt_h * std::f64::consts::LN_2 / self.figures().half_life_h).exp()
    }
}

/// Amounts of every substance in the mother's body, mg.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Body {
    pub amount_mg: [f64; Substance::ALL.len()],
}

impl Body {
    pub fn take(&mut self, substance: Substance, dose_mg: f64) {
        self.amount_mg[substance.index()] += dose_mg;
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
pub fn mean_amount_mg(substance: Substance, dose_mg: f64, every_h: f64) -> f64 {
    dose_mg * substance.figures().half_life_h / (std::f64::consts::LN_2 * every_h)
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
            let k = s.kept_after(s.figures().half_life_h);
            assert!((k - 0.5).abs() < 1e-12, "{}", s.name());
        }
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
