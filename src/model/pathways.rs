//! The five secretory pathways of one breast, as running totals of what each has moved into the
//! milk since birth (sources/milk-made-from-blood.txt; Neville; `composition.rs` sets the rates):
//!
//! 1. **exocytosis**: lactose and the milk proteins (caseins, α-lactalbumin, lactoferrin) in
//!    secretory vesicles, and the water lactose draws with it osmotically — so it sets the volume;
//! 2. **lipid secretion**: fat droplets, budded off wrapped in the cell's membrane;
//! 3. **apical transport**: sodium, potassium and chloride across the apical membrane;
//! 4. **transcytosis**: secretory IgA carried whole from the blood side to the milk;
//! 5. **the paracellular route**: between the cells, while the tight junctions are open —
//!    sodium and chloride in from the blood, lactose out (net, signed: negative is out of the
//!    milk).
//!
//! Milk held in a breast whose junctions are open is also taken back into the blood (resorbed).
//! What the gland takes from the blood to make the milk follows by mass balance
//! ([`from_blood`]). Totals rather than rates: the run samples them, and what a pathway moved
//! between two samples is their difference — exact, so the pathways add up to the milk stored
//! and removed (tests/pathways.rs) while nothing is resorbed: of resorption only the volume is
//! counted, not the fat and solutes it takes back (a breast left full for a day or more).

use serde::{Deserialize, Serialize};

/// What each pathway of one breast has moved since birth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PathwayTotals {
    pub exocytosis_lactose_g: f64,
    /// Caseins, α-lactalbumin and lactoferrin (all but sIgA).
    pub exocytosis_protein_g: f64,
    /// The water lactose draws: the volume of milk made.
    pub exocytosis_water_ml: f64,
    pub lipid_fat_g: f64,
    pub apical_sodium_mmol: f64,
    pub apical_potassium_mmol: f64,
    pub apical_chloride_mmol: f64,
    pub transcytosis_siga_g: f64,
    pub paracellular_sodium_mmol: f64,
    pub paracellular_potassium_mmol: f64,
    pub paracellular_chloride_mmol: f64,
    /// Negative: lactose leaks out of the milk into the blood.
    pub paracellular_lactose_g: f64,
    /// Milk taken back into the blood from a breast left full (its volume).
    pub resorbed_ml: f64,
}

impl PathwayTotals {
    /// The number of quantities, in the order of [`PathwayTotals::values`].
    const LEN: usize = 13;

    /// Column names (per hour once differenced), in the order of [`PathwayTotals::values`].
    pub const RATE_COLUMNS: [&'static str; 13] = [
        "exocytosis_lactose_g_per_h",
        "exocytosis_protein_g_per_h",
        "exocytosis_water_ml_per_h",
        "lipid_fat_g_per_h",
        "apical_sodium_mmol_per_h",
        "apical_potassium_mmol_per_h",
        "apical_chloride_mmol_per_h",
        "transcytosis_siga_g_per_h",
        "paracellular_sodium_mmol_per_h",
        "paracellular_potassium_mmol_per_h",
        "paracellular_chloride_mmol_per_h",
        "paracellular_lactose_g_per_h",
        "resorbed_ml_per_h",
    ];

    pub fn values(&self) -> [f64; 13] {
        [
            self.exocytosis_lactose_g,
            self.exocytosis_protein_g,
            self.exocytosis_water_ml,
            self.lipid_fat_g,
            self.apical_sodium_mmol,
            self.apical_potassium_mmol,
            self.apical_chloride_mmol,
            self.transcytosis_siga_g,
            self.paracellular_sodium_mmol,
            self.paracellular_potassium_mmol,
            self.paracellular_chloride_mmol,
            self.paracellular_lactose_g,
            self.resorbed_ml,
        ]
    }

    fn from_values(v: [f64; Self::LEN]) -> Self {
        Self {
            exocytosis_lactose_g: v[0],
            exocytosis_protein_g: v[1],
            exocytosis_water_ml: v[2],
            lipid_fat_g: v[3],
            apical_sodium_mmol: v[4],
            apical_potassium_mmol: v[5],
            apical_chloride_mmol: v[6],
            transcytosis_siga_g: v[7],
            paracellular_sodium_mmol: v[8],
            paracellular_potassium_mmol: v[9],
            paracellular_chloride_mmol: v[10],
            paracellular_lactose_g: v[11],
            resorbed_ml: v[12],
        }
    }

    /// Each quantity of `self` a share `w` (0–1) of the way to `end`.
    pub fn towards(&self, end: &Self, w: f64) -> Self {
        let (a, b) = (self.values(), end.values());
        Self::from_values(std::array::from_fn(|k| a[k] + (b[k] - a[k]) * w))
    }

    /// What moved from `earlier` to `self`.
    pub fn since(&self, earlier: &Self) -> Self {
        let (a, b) = (earlier.values(), self.values());
        Self::from_values(std::array::from_fn(|k| b[k] - a[k]))
    }

    /// What moved from `earlier` to `self`, per hour over `dt_h` (zero over no time).
    pub fn rate_since(&self, earlier: &Self, dt_h: f64) -> Self {
        let per_h = if dt_h > 0.0 { 1.0 / dt_h } else { 0.0 };
        Self::from_values(self.since(earlier).values().map(|v| v * per_h))
    }

    /// The two added, quantity by quantity (both breasts).
    pub fn plus(&self, other: &Self) -> Self {
        let (a, b) = (self.values(), other.values());
        Self::from_values(std::array::from_fn(|k| a[k] + b[k]))
    }
}

/// Blood through the gland per volume of milk made (B1: several hundred to one, ≈ 400–500 : 1).
pub const BLOOD_ML_PER_ML_MILK: f64 = 450.0;
/// Glucose for lactose: one lactose (342.3 g/mol) is made of two glucose (2 × 180.16 g/mol; one
/// is first turned to galactose), so 1.053 g of glucose a gram (stoichiometry).
pub const GLUCOSE_G_PER_G_LACTOSE: f64 = 2.0 * 180.16 / 342.3;
/// Amino acids for protein: a free amino acid (≈ 128 g/mol on average) loses a water (18) when
/// it joins a chain, so 128 / 110 ≈ 1.16 g of amino acids a gram of protein.
pub const AMINO_ACIDS_G_PER_G_PROTEIN: f64 = 128.0 / 110.0;
/// Fatty acids for fat: a triglyceride is three fatty acids on a glycerol; for milk's mix
/// (palmitic, oleic …) the fatty acids are about 95% of its mass. Some are made in the gland
/// from glucose rather than taken from the blood (not modelled: all are counted as from the blood).
pub const FATTY_ACIDS_G_PER_G_FAT: f64 = 0.95;

/// What the gland took from the blood, over the same span as the pathway amounts given.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FromBlood {
    pub blood_ml: f64,
    pub glucose_g: f64,
    pub amino_acids_g: f64,
    pub fatty_acids_g: f64,
}

/// What the blood gave for the milk the pathways made (`moved`: totals or rates alike).
pub fn from_blood(moved: &PathwayTotals) -> FromBlood {
    FromBlood {
        blood_ml: BLOOD_ML_PER_ML_MILK * moved.exocytosis_water_ml,
        glucose_g: GLUCOSE_G_PER_G_LACTOSE * moved.exocytosis_lactose_g,
        amino_acids_g: AMINO_ACIDS_G_PER_G_PROTEIN * moved.exocytosis_protein_g,
        fatty_acids_g: FATTY_ACIDS_G_PER_G_FAT * moved.lipid_fat_g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_differences_over_time_and_halfway_is_halfway() {
        let a = PathwayTotals::default();
        let b = PathwayTotals {
            exocytosis_water_ml: 30.0,
            exocytosis_lactose_g: 2.1,
            paracellular_lactose_g: -0.2,
            ..Default::default()
        };
        let r = b.rate_since(&a, 2.0);
        assert_eq!(r.exocytosis_water_ml, 15.0);
        assert_eq!(r.paracellular_lactose_g, -0.1);
        assert_eq!(a.towards(&b, 0.5).exocytosis_lactose_g, 1.05);
        // 15 ml of milk an hour: 6.75 litres of blood through the breast.
        assert_eq!(from_blood(&r).blood_ml, 6750.0);
    }
}
