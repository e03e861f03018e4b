//! The scenario: everything a run depends on, and exactly what a preset file holds.
//!
//! Plain data with serde derives. Every field has a default, so an empty scenario `()` is the
//! healthy default scenario of `targets.md` (term birth, responsive breastfeeding). Ranges and
//! meanings of the numeric parameters live in one table, [`crate::params::PARAMS`], which the
//! validation, the GUI sliders and `docs/model.md` all follow.

use crate::ensemble::spread::BetweenMothers;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CivilDate};
use crate::schedule::Schedule;

/// The preset format version this program writes. Older versions are upgraded on reading.
pub const FORMAT_VERSION: u32 = 2;

/// The longest horizon a scenario may ask for (days).
pub const MAX_HORIZON_DAYS: f64 = 365.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file (see [`FORMAT_VERSION`]).
    pub version: u32,
    /// A short title a person reads.
    pub name: String,
    /// What the scenario shows and what to look at.
    pub description: String,
    /// The baby's date of birth (optional): gives days their weekday and date ("Mon 3 Mar").
    /// Without it, day 0 counts as a Monday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<CivilDate>,
    /// The lactosim version that wrote the file (informational).
    pub written_by: String,
    pub mother: Mother,
    pub infant: Infant,
    pub pump: Pump,
    pub schedule: Schedule,
    /// How far mothers like her differ, for an ensemble (each spread relative to the published
    /// one: 1 as published, 0 off). Written only when it differs from the published spreads.
    #[serde(skip_serializing_if = "BetweenMothers::is_default")]
    pub between_mothers: BetweenMothers,
    /// How long to simulate, days since birth (1–365).
    pub horizon_days: f64,
    /// Seed of the let-down timing jitter: same seed, same run.
    pub seed: u64,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            name: "Healthy term baby, fed on demand".to_owned(),
            description: "A healthy term birth and a baby fed whenever it is hungry. \
                Watch the volume climb from a trickle of colostrum to over 500 ml/day on day 3 \
                (the fourth day: day 0 is the first 24 hours) and settle near 790 ml/day, as \
                sodium falls and lactose rises."
                .to_owned(),
            birth_date: None,
            written_by: String::new(),
            mother: Mother::default(),
            infant: Infant::default(),
            pump: Pump::default(),
            schedule: Schedule::default(),
            between_mothers: BetweenMothers::default(),
            horizon_days: 28.0,
            seed: 1,
        }
    }
}

/// Left or right gland. Used as an index into per-gland arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Breast {
    Left,
    Right,
}

impl Breast {
    pub const BOTH: [Breast; 2] = [Breast::Left, Breast::Right];

    pub fn index(self) -> usize {
        match self {
            Breast::Left => 0,
            Breast::Right => 1,
        }
    }

    pub fn other(self) -> Breast {
        match self {
            Breast::Left => Breast::Right,
            Breast::Right => Breast::Left,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Breast::Left => "left",
            Breast::Right => "right",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mother {
    /// Most milk the left breast can hold (E4).
    pub storage_capacity_left_ml: f64,
    /// Most milk the right breast can hold (E4).
    pub storage_capacity_right_ml: f64,
    /// Highest rate of synthesis one empty breast can reach when fully supported (E5).
    pub secretory_capacity_ceiling_ml_per_h: f64,
    /// Secretory capacity of each breast at birth, before use shapes it.
    pub secretory_capacity_at_birth_ml_per_h: f64,
    /// Extra delay of secretory activation beyond the usual ~2.5 days (caesarean, diabetes, retained placenta).
    pub activation_delay_h: f64,
    /// Fat concentration of newly secreted milk, before fat clings in the alveoli (E6).
    pub milk_fat_synthesis_g_per_l: f64,
    pub prolactin: Prolactin,
    pub oxytocin: Oxytocin,
    /// 0 = calm, 1 = very stressed: delays, thins and blocks let-downs (H7).
    pub stress_0_to_1: f64,
    /// Her weight: what she takes spreads through a body this size (B3, B5).
    pub weight_kg: f64,
}

impl Default for Mother {
    fn default() -> Self {
        Self {
            storage_capacity_left_ml: 210.0,
            storage_capacity_right_ml: 210.0,
            secretory_capacity_ceiling_ml_per_h: 22.0,
            secretory_capacity_at_birth_ml_per_h: 18.0,
            activation_delay_h: 0.0,
            milk_fat_synthesis_g_per_l: 41.0,
            prolactin: Prolactin::default(),
            oxytocin: Oxytocin::default(),
            stress_0_to_1: 0.0,
            weight_kg: DEFAULT_MOTHER_WEIGHT_KG,
        }
    }
}

/// Her weight when not told, kg: the usual reference adult for doses per kg (B3 divides her
/// dose by her weight; 70 kg is a convention, not a figure of targets.md).
pub const DEFAULT_MOTHER_WEIGHT_KG: f64 = 70.0;

impl Mother {
    pub fn storage_capacity_ml(&self, breast: Breast) -> f64 {
        match breast {
            Breast::Left => self.storage_capacity_left_ml,
            Breast::Right => self.storage_capacity_right_ml,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Prolactin {
    /// Prolactin between feeds just after birth (H1).
    pub baseline_at_birth_ng_per_ml: f64,
    /// Level in a woman neither pregnant nor lactating (H1).
    pub non_lactating_ng_per_ml: f64,
    /// Clearance half-life (H1).
    pub half_life_min: f64,
    /// Rate of release during nipple stimulation just after birth; it shrinks over the months (H2).
    pub surge_release_ng_per_ml_per_h: f64,
    /// Format 1 only: one constant factor on release for the whole run. Reading a version-1
    /// file turns it into a course in `schedule.mother_takes` (see `preset::upgrade`); a newer
    /// file may not set it.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some_number"
    )]
    pub drug_factor: Option<f64>,
}

/// A number written plainly (`drug_factor: 3.0`, as format 1 wrote it) read into `Some`.
fn some_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    f64::deserialize(d).map(Some)
}

impl Default for Prolactin {
    fn default() -> Self {
        Self {
            baseline_at_birth_ng_per_ml: 200.0,
            non_lactating_ng_per_ml: 20.0,
            half_life_min: 37.0,
            surge_release_ng_per_ml_per_h: 2600.0,
            drug_factor: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Oxytocin {
    /// Basal level between feeds (H7).
    pub basal_pg_per_ml: f64,
    /// Peak added by one burst (H7).
    pub pulse_pg_per_ml: f64,
    /// Clearance half-life (H7).
    pub half_life_min: f64,
    /// Time from the start of suckling to the first let-down, calm mother (H4).
    pub first_letdown_latency_s: f64,
    /// Mean time between let-downs while stimulation goes on (H5).
    pub letdown_interval_min: f64,
    /// Share of the milk held in the alveoli that one let-down squeezes into the ducts (H4).
    pub letdown_ejected_fraction: f64,
}

impl Default for Oxytocin {
    fn default() -> Self {
        Self {
            basal_pg_per_ml: 1.4,
            pulse_pg_per_ml: 25.0,
            half_life_min: 3.0,
            first_letdown_latency_s: 60.0,
            letdown_interval_min: 4.0,
            letdown_ejected_fraction: 0.5,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Infant {
    /// How well the baby removes milk: 1 = a healthy term baby, lower = weak or sleepy.
    pub effectiveness_0_to_1: f64,
    /// What the baby wants once intake has settled (E1).
    pub appetite_plateau_ml_per_day: f64,
    /// Age at which the appetite reaches half the plateau (stomach growth in the first week).
    pub appetite_half_age_days: f64,
    /// Meals a day the baby's hunger is divided into when fed on demand (E2).
    pub meals_per_day: f64,
    /// Gradual weaning: the share of the appetite met at the breast falls to zero between these days.
    pub weaning: Option<Weaning>,
}

impl Default for Infant {
    fn default() -> Self {
        Self {
            effectiveness_0_to_1: 1.0,
            appetite_plateau_ml_per_day: 790.0,
            appetite_half_age_days: 2.5,
            meals_per_day: 11.0,
            weaning: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weaning {
    pub start_day: f64,
    pub end_day: f64,
}

impl Default for Weaning {
    fn default() -> Self {
        Self {
            start_day: 42.0,
            end_day: 56.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pump {
    /// How well the pump removes milk from the ducts compared with a healthy baby (E3b: a pump session ≈ 52–58 %).
    pub efficiency_0_to_1: f64,
}

impl Default for Pump {
    fn default() -> Self {
        Self {
            efficiency_0_to_1: 0.8,
        }
    }
}

/// A problem with a scenario: the field path at fault (as written in a preset file) and what is
/// wrong, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl Scenario {
    /// The weekday and date of each day since birth.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.birth_date)
    }

    /// Every problem that stops this scenario from running: values out of range (see
    /// [`crate::params::PARAMS`]), impossible times, overlapping sessions. Empty when it is fine.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.version == 0 || self.version > FORMAT_VERSION {
            problems.push(Problem::new(
                "version",
                format!(
                    "format version {} is not known to this lactosim (it reads versions 1 to {FORMAT_VERSION})",
                    self.version
                ),
            ));
        }
        for p in crate::params::PARAMS {
            let v = (p.get)(self);
            if !p.in_range(v) {
                let u = p.unit_suffix();
                problems.push(Problem::new(
                    p.path,
                    format!(
                        "{} is {v}{u}, outside the allowed range {} to {}{u}",
                        p.label, p.min, p.max
                    ),
                ));
            }
        }
        if let Some(w) = &self.infant.weaning {
            check_day(&mut problems, "infant.weaning.start_day", w.start_day);
            check_day(&mut problems, "infant.weaning.end_day", w.end_day);
            if w.end_day <= w.start_day {
                problems.push(Problem::new(
                    "infant.weaning.end_day",
                    format!(
                        "weaning must end after it starts (start_day {}, end_day {})",
                        w.start_day, w.end_day
                    ),
                ));
            }
        }
        if self.mother.prolactin.drug_factor.is_some() {
            problems.push(Problem::new(
                "mother.prolactin.drug_factor",
                "`drug_factor` belongs to format version 1: from version 2 a medicine is a course in `schedule.mother_takes` (which medicine, dose, how often, from and to which day)",
            ));
        }
        problems.extend(self.schedule.validate_fields());
        if problems.is_empty()
            && let Err(e) = self
                .schedule
                .expand(self.horizon_days * 24.0, self.calendar())
        {
            problems.extend(e);
        }
        problems
    }
}

pub(crate) fn check_day(problems: &mut Vec<Problem>, path: &str, day: f64) {
    if !(day.is_finite() && (0.0..=MAX_HORIZON_DAYS).contains(&day)) {
        problems.push(Problem::new(
            path,
            format!("a day must be between 0 and {MAX_HORIZON_DAYS}, not {day}"),
        ));
    }
}

pub(crate) fn check_range(
    problems: &mut Vec<Problem>,
    path: &str,
    what: &str,
    v: f64,
    min: f64,
    max: f64,
) {
    if !(v.is_finite() && v >= min && v <= max) {
        problems.push(Problem::new(
            path,
            format!("{what} must be between {min} and {max}, not {v}"),
        ));
    }
}
