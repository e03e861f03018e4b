//! What the milk is made of, pathway by pathway (sources/milk-made-from-blood.txt, Neville):
//!
//! - **exocytosis**: lactose (which draws the water, so it sets the volume), the milk proteins
//!   and part of the lactoferrin are secreted at fixed concentrations in the new milk;
//! - **lipid secretion**: fat globules at the mother's synthesis fat concentration;
//! - **apical ion transport**: Na, K, Cl at intracellular-like concentrations;
//! - **transcytosis**: sIgA, carried from plasma cells at an absolute rate, so its
//!   concentration falls as the volume rises (A6);
//! - **paracellular route**: while the tight junctions are open, plasma Na and Cl leak into the
//!   stored milk and lactose leaks out (A4, A5, L3).
//!
//! Fat is special: globules cling in the alveoli, so the milk stored in a breast is not mixed.
//! The first milk out is lean and the last rich, following the fat–emptying curve of Daly et al.
//! 1993 (E7). The model keeps the gland's fat mass and releases it at
//! `mean × stratification(fullness)` (see [`fat_release_factor`]), which conserves fat exactly.

use crate::run::Composition;
use crate::same_math::SameMath;

/// Concentrations of newly secreted milk (transcellular pathways), mature milk (A7).
pub const SECRETED_LACTOSE_G_PER_L: f64 = 70.0;
pub const SECRETED_PROTEIN_G_PER_L: f64 = 7.0;
pub const SECRETED_SODIUM_MMOL_PER_L: f64 = 7.0;
pub const SECRETED_POTASSIUM_MMOL_PER_L: f64 = 14.0;
pub const SECRETED_CHLORIDE_MMOL_PER_L: f64 = 11.0;
/// Exocytotic lactoferrin carried with the volume (A7: ≈ 2 g/L in mature milk).
pub const SECRETED_LACTOFERRIN_G_PER_L: f64 = 1.9;

/// Plasma concentrations the paracellular route equilibrates with (review figures).
pub const PLASMA_SODIUM_MMOL_PER_L: f64 = 140.0;
pub const PLASMA_POTASSIUM_MMOL_PER_L: f64 = 4.5;
pub const PLASMA_CHLORIDE_MMOL_PER_L: f64 = 104.0;

/// Rate (per hour) at which fully open junctions bring the stored milk towards plasma
/// (A4: colostrum Na several times mature; L3: Na rises within 24–48 h of stasis).
pub const PARACELLULAR_EXCHANGE_PER_H: f64 = 0.12;

/// sIgA transcytosis per breast in established lactation, g/h (A7: ≈ 0.5–1 g/L at ≈ 400 ml/day
/// per breast).
pub const SIGA_SECRETION_G_PER_H: f64 = 0.012;
/// Extra sIgA secretion around day 1–2 (A6, Neville Figure 5): amplitude (× the mature rate),
/// time of the peak and width, hours.
pub const SIGA_EARLY_BOOST: f64 = 1.0;
pub const SIGA_PEAK_H: f64 = 30.0;
pub const SIGA_PEAK_WIDTH_H: f64 = 20.0;
/// Extra lactoferrin secretion a day after the sIgA peak (A6), g/h per breast at its peak.
pub const LACTOFERRIN_EARLY_G_PER_H: f64 = 0.03;
pub const LACTOFERRIN_PEAK_H: f64 = 54.0;
pub const LACTOFERRIN_PEAK_WIDTH_H: f64 = 24.0;

/// The fat–emptying curve of Daly et al. 1993 (E7): fat (g/L) of the milk removed at degree of
/// emptying `d` (0 full … 1 empty).
pub fn daly_fat_g_per_l(d: f64) -> f64 {
    21.59 + 9.38 * d + 70.99 * d * d
}

/// Integral of [`daly_fat_g_per_l`] from 0 to `d`.
fn daly_integral(d: f64) -> f64 {
    21.59 * d + 9.38 / 2.0 * d * d + 70.99 / 3.0 * d * d * d
}

/// Fat of the milk leaving a breast relative to the breast's mean fat, at `fullness` (0–1).
///
/// Picture the stored milk stratified along Daly's curve: at fullness `f` the breast holds the
/// layers from degree of emptying `1 − f` to 1, and the next milk out is the layer at `1 − f`.
/// Its fat over the mean of the layers held is this factor (≤ 1, → 1 as the breast empties).
/// Scaling by the actual mean keeps fat conserved whatever the mother's synthesis fat.
pub fn fat_release_factor(fullness: f64) -> f64 {
    let f = fullness.clamp(1e-6, 1.0);
    let d = 1.0 - f;
    let mean_held = (daly_integral(1.0) - daly_integral(d)) / f;
    daly_fat_g_per_l(d) / mean_held
}

/// Absolute sIgA secretion of one breast at `t_h`, g/h, for a gland whose secretory cells are at
/// `cell_activity` (0–1) of their birth state.
pub fn siga_secretion_g_per_h(t_h: f64, cell_activity: f64) -> f64 {
    let z = (t_h - SIGA_PEAK_H) / SIGA_PEAK_WIDTH_H;
    SIGA_SECRETION_G_PER_H * (1.0 + SIGA_EARLY_BOOST * bump(z)) * cell_activity
}

/// exp(−z²), or 0 where it is below 1e-26 (a week past a peak): no `exp` in the hot loop then,
/// and nothing lost (added to 1 it is far below the last bit).
fn bump(z: f64) -> f64 {
    let z2 = z * z;
    if z2 > 60.0 { 0.0 } else { (-z2).libm_exp() }
}

/// Lactoferrin secreted apart from the volume-linked part, g/h per breast.
pub fn lactoferrin_extra_g_per_h(t_h: f64, cell_activity: f64) -> f64 {
    let z = (t_h - LACTOFERRIN_PEAK_H) / LACTOFERRIN_PEAK_WIDTH_H;
    LACTOFERRIN_EARLY_G_PER_H * bump(z) * cell_activity
}

/// Solute masses in a volume of milk (fat is kept apart, see the module note).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Solutes {
    pub lactose_g: f64,
    /// Exocytotic protein (caseins, α-lactalbumin …), without sIgA and lactoferrin.
    pub protein_g: f64,
    pub sodium_mmol: f64,
    pub potassium_mmol: f64,
    pub chloride_mmol: f64,
    pub siga_g: f64,
    pub lactoferrin_g: f64,
}

impl Solutes {
    /// Solutes secreted with `volume_ml` of new milk by the transcellular pathways.
    pub fn secreted_with(volume_ml: f64) -> Self {
        let l = volume_ml / 1000.0;
        Self {
            lactose_g: SECRETED_LACTOSE_G_PER_L * l,
            protein_g: SECRETED_PROTEIN_G_PER_L * l,
            sodium_mmol: SECRETED_SODIUM_MMOL_PER_L * l,
            potassium_mmol: SECRETED_POTASSIUM_MMOL_PER_L * l,
            chloride_mmol: SECRETED_CHLORIDE_MMOL_PER_L * l,
            siga_g: 0.0,
            lactoferrin_g: SECRETED_LACTOFERRIN_G_PER_L * l,
        }
    }

    /// Colostrum present at birth (A4–A7: high Na, Cl, sIgA and lactoferrin, low lactose).
    pub fn colostrum(volume_ml: f64) -> Self {
        let l = volume_ml / 1000.0;
        Self {
            lactose_g: 40.0 * l,
            protein_g: 8.0 * l,
            sodium_mmol: 60.0 * l,
            potassium_mmol: 11.0 * l,
            chloride_mmol: 50.0 * l,
            siga_g: 12.0 * l,
            lactoferrin_g: 6.0 * l,
        }
    }

    pub fn add(&mut self, o: &Solutes) {
        self.lactose_g += o.lactose_g;
        self.protein_g += o.protein_g;
        self.sodium_mmol += o.sodium_mmol;
        self.potassium_mmol += o.potassium_mmol;
        self.chloride_mmol += o.chloride_mmol;
        self.siga_g += o.siga_g;
        self.lactoferrin_g += o.lactoferrin_g;
    }

    pub fn scaled(&self, k: f64) -> Solutes {
        Solutes {
            lactose_g: self.lactose_g * k,
            protein_g: self.protein_g * k,
            sodium_mmol: self.sodium_mmol * k,
            potassium_mmol: self.potassium_mmol * k,
            chloride_mmol: self.chloride_mmol * k,
            siga_g: self.siga_g * k,
            lactoferrin_g: self.lactoferrin_g * k,
        }
    }

    /// Exchange with plasma through open junctions over `dt_h`, in `volume_ml` of stored milk:
    /// each leaking solute relaxes towards its plasma concentration (lactose towards zero).
    /// Returns whether anything was exchanged.
    pub fn exchange_with_plasma(&mut self, leak_0_to_1: f64, volume_ml: f64, dt_h: f64) -> bool {
        // Sealed junctions (the leak falls to ~1e-5 within days of birth): nothing to exchange.
        if leak_0_to_1 <= 1e-4 || volume_ml <= 0.0 {
            return false;
        }
        let keep = (-PARACELLULAR_EXCHANGE_PER_H * leak_0_to_1 * dt_h).libm_exp();
        let l = volume_ml / 1000.0;
        let relax = |mass: f64, plasma_per_l: f64| -> f64 {
            let plasma = plasma_per_l * l;
            plasma + (mass - plasma) * keep
        };
        self.sodium_mmol = relax(self.sodium_mmol, PLASMA_SODIUM_MMOL_PER_L);
        self.chloride_mmol = relax(self.chloride_mmol, PLASMA_CHLORIDE_MMOL_PER_L);
        self.potassium_mmol = relax(self.potassium_mmol, PLASMA_POTASSIUM_MMOL_PER_L);
        self.lactose_g = relax(self.lactose_g, 0.0);
        true
    }

    /// Concentrations in `volume_ml`, with the given fat concentration.
    pub fn composition(&self, volume_ml: f64, fat_g_l: f64) -> Composition {
        if volume_ml <= 1e-9 {
            return Composition {
                fat_g_l,
                ..Composition::default()
            };
        }
        let per_l = 1000.0 / volume_ml;
        Composition {
            fat_g_l,
            lactose_g_l: self.lactose_g * per_l,
            protein_g_l: (self.protein_g + self.siga_g + self.lactoferrin_g) * per_l,
            sodium_mmol_l: self.sodium_mmol * per_l,
            potassium_mmol_l: self.potassium_mmol * per_l,
            chloride_mmol_l: self.chloride_mmol * per_l,
            siga_g_l: self.siga_g * per_l,
            lactoferrin_g_l: self.lactoferrin_g * per_l,
        }
    }
}

/// Running volume-weighted mean of the composition of milk removed.
#[derive(Clone, Copy, Debug, Default)]
pub struct MilkTally {
    pub volume_ml: f64,
    pub fat_g: f64,
    pub solutes: Solutes,
}

impl MilkTally {
    pub fn add(&mut self, volume_ml: f64, fat_g: f64, solutes: &Solutes) {
        self.volume_ml += volume_ml;
        self.fat_g += fat_g;
        self.solutes.add(solutes);
    }

    pub fn composition(&self) -> Composition {
        if self.volume_ml <= 1e-9 {
            return nan_composition();
        }
        self.solutes
            .composition(self.volume_ml, self.fat_g / self.volume_ml * 1000.0)
    }
}

/// A composition of no milk at all.
pub fn nan_composition() -> Composition {
    Composition {
        fat_g_l: f64::NAN,
        lactose_g_l: f64::NAN,
        protein_g_l: f64::NAN,
        sodium_mmol_l: f64::NAN,
        potassium_mmol_l: f64::NAN,
        chloride_mmol_l: f64::NAN,
        siga_g_l: f64::NAN,
        lactoferrin_g_l: f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_factor_matches_daly_when_the_breast_follows_it() {
        // A full breast holding Daly's layers has mean ≈ 49.9 g/L; the first milk is 21.6.
        let f = fat_release_factor(1.0);
        assert!((f * 49.943 - 21.59).abs() < 0.05, "{f}");
        assert!(fat_release_factor(0.001) > 0.99);
        // Monotone below 95% fullness: the emptier the breast, the richer the milk relative to
        // the mean (near full the curve is flat: Daly's slope at d = 0 is small).
        let mut last = 0.0;
        for i in (1..=95).rev() {
            let g = fat_release_factor(i as f64 / 100.0);
            assert!(g >= last);
            last = g;
        }
    }

    #[test]
    fn open_junctions_pull_sodium_towards_plasma_and_lactose_out() {
        let mut s = Solutes::secreted_with(100.0);
        s.exchange_with_plasma(1.0, 100.0, 1000.0);
        let c = s.composition(100.0, 40.0);
        assert!((c.sodium_mmol_l - PLASMA_SODIUM_MMOL_PER_L).abs() < 1e-6);
        assert!(c.lactose_g_l < 1e-6);
    }
}
