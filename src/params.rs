//! One table of every numeric parameter of a scenario: what it means, its unit, its allowed
//! range and its source. Validation, the GUI's sliders and tooltips, and `docs/model.md` all
//! follow this table, so a range is written once.

use crate::scenario::Scenario;

/// Which panel a parameter belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Mother,
    Prolactin,
    Oxytocin,
    /// What she takes, as it reaches the milk.
    Takes,
    Infant,
    Pump,
    /// How far mothers like her differ (the ensemble's spreads).
    BetweenMothers,
    Run,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Mother,
        Group::Prolactin,
        Group::Oxytocin,
        Group::Takes,
        Group::Infant,
        Group::Pump,
        Group::BetweenMothers,
        Group::Run,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Mother => "Mother: the glands",
            Group::Prolactin => "Mother: prolactin",
            Group::Oxytocin => "Mother: oxytocin and let-down",
            Group::Takes => "Mother: what she takes reaches the milk",
            Group::Infant => "Infant",
            Group::Pump => "Pump",
            Group::BetweenMothers => "How much mothers like her differ",
            Group::Run => "Run",
        }
    }
}

/// A numeric parameter of the scenario.
pub struct Param {
    /// Field path in the preset file, e.g. `mother.prolactin.half_life_min`.
    pub path: &'static str,
    pub group: Group,
    /// Plain words for a slider.
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    /// What it means physiologically, for a tooltip.
    pub help: &'static str,
    /// Where the default and range come from (ids of `targets.md`).
    pub source: &'static str,
    pub get: fn(&Scenario) -> f64,
    pub set: fn(&mut Scenario, f64),
}

impl Param {
    pub fn default_value(&self) -> f64 {
        (self.get)(&Scenario::default())
    }

    /// " ml", " ng/ml" … or nothing for a share or a factor, to follow a number in a sentence.
    pub fn unit_suffix(&self) -> String {
        match self.unit {
            "0–1" | "share" | "×" => String::new(),
            u => format!(" {u}"),
        }
    }

    pub fn in_range(&self, v: f64) -> bool {
        v.is_finite() && v >= self.min && v <= self.max
    }
}

macro_rules! param {
    ($path:literal, $group:ident, $label:literal, $unit:literal, $min:expr, $max:expr,
     $help:literal, $source:literal, |$s:ident| $field:expr) => {
        Param {
            path: $path,
            group: Group::$group,
            label: $label,
            unit: $unit,
            min: $min,
            max: $max,
            help: $help,
            source: $source,
            get: |$s: &Scenario| $field,
            set: |$s: &mut Scenario, v: f64| $field = v,
        }
    };
}

pub static PARAMS: &[Param] = &[
    param!(
        "mother.storage_capacity_left_ml",
        Mother,
        "Storage capacity, left",
        "ml",
        50.0,
        650.0,
        "The most milk the left breast can hold between feeds. It differs several-fold between women and does not limit daily supply: a small store is simply emptied more often.",
        "E4: 210 ± 11 ml (SEM), 74–382 ml (Kent 1999); 81–606 ml between women",
        |s| s.mother.storage_capacity_left_ml
    ),
    param!(
        "mother.storage_capacity_right_ml",
        Mother,
        "Storage capacity, right",
        "ml",
        50.0,
        650.0,
        "The most milk the right breast can hold between feeds.",
        "E4: 210 ± 11 ml (SEM), 74–382 ml (Kent 1999); 81–606 ml between women",
        |s| s.mother.storage_capacity_right_ml
    ),
    param!(
        "mother.secretory_capacity_ceiling_ml_per_h",
        Mother,
        "Secretory capacity ceiling",
        "ml/h",
        5.0,
        90.0,
        "The most secretory tissue one breast can become: the fastest it can make milk when empty, with prolactin's support. A breast held emptier builds its tissue towards this ceiling over one to two weeks, one held fuller lets it fall quiescent; so extra emptying raises supply by tens of percent, not without limit.",
        "E5: short-term synthesis up to 56–90 ml/h per breast (Daly 1996; Cox 1996)",
        |s| s.mother.secretory_capacity_ceiling_ml_per_h
    ),
    param!(
        "mother.secretory_capacity_at_birth_ml_per_h",
        Mother,
        "Secretory capacity at birth",
        "ml/h",
        1.0,
        60.0,
        "How fast each breast could make milk once activated, before use shapes it. The cells are ready at birth but held back until secretory activation.",
        "E5: mean 23 ml/h per breast in established lactation; A2: 500–700 ml/day by day 5",
        |s| s.mother.secretory_capacity_at_birth_ml_per_h
    ),
    param!(
        "mother.activation_delay_h",
        Mother,
        "Delay of secretory activation",
        "h",
        0.0,
        120.0,
        "Extra hours before copious milk comes in, beyond the usual 2–3 days. Caesarean birth, diabetes, obesity or retained placenta delay it by a day or more.",
        "A2, A3: steepest rise on days 2–4 (Neville; Saint 1984)",
        |s| s.mother.activation_delay_h
    ),
    param!(
        "mother.milk_fat_synthesis_g_per_l",
        Mother,
        "Fat of the milk made",
        "g/L",
        15.0,
        80.0,
        "Fat content of the milk as it is secreted. Fat globules cling in the alveoli, so the first milk of a feed is leaner and the last richer, but over a day the fat removed equals the fat made.",
        "E6: 41 ± 8 g/L (Kent 2006)",
        |s| s.mother.milk_fat_synthesis_g_per_l
    ),
    param!(
        "mother.stress_0_to_1",
        Mother,
        "Stress",
        "0–1",
        0.0,
        1.0,
        "Pain, fear, anxiety or fatigue. Stress inhibits the oxytocin reflex: let-downs come later, further apart and some not at all, so less milk flows (milk is still made).",
        "H7: stress makes oxytocin pulses later and fewer (Ueda 1994)",
        |s| s.mother.stress_0_to_1
    ),
    param!(
        "mother.weight_kg",
        Takes,
        "Her weight",
        "kg",
        35.0,
        200.0,
        "What she takes (coffee, alcohol, medicines) spreads through her body: the same dose gives a lighter mother a higher level in her blood and milk. Only what reaches the milk uses it.",
        "B3, B5: doses per kg of her weight (Bennett 1996; Widmark); 70 kg the usual reference adult (a convention)",
        |s| s.mother.weight_kg
    ),
    param!(
        "mother.prolactin.baseline_at_birth_ng_per_ml",
        Prolactin,
        "Prolactin baseline at birth",
        "ng/ml",
        50.0,
        400.0,
        "Prolactin between feeds just after birth. It falls over the months of lactation but stays above non-lactating levels while feeds go on.",
        "H1: ≈ 200 ng/ml at term (review figure; Tay 1996)",
        |s| s.mother.prolactin.baseline_at_birth_ng_per_ml
    ),
    param!(
        "mother.prolactin.non_lactating_ng_per_ml",
        Prolactin,
        "Prolactin when not lactating",
        "ng/ml",
        2.0,
        40.0,
        "The level prolactin returns to when feeds stop.",
        "H1: < 25 ng/ml neither pregnant nor lactating",
        |s| s.mother.prolactin.non_lactating_ng_per_ml
    ),
    param!(
        "mother.prolactin.half_life_min",
        Prolactin,
        "Prolactin half-life",
        "min",
        20.0,
        60.0,
        "How fast prolactin is cleared from the blood after a surge.",
        "H1: 37 ± 10 min (25–50)",
        |s| s.mother.prolactin.half_life_min
    ),
    param!(
        "mother.prolactin.surge_release_ng_per_ml_per_h",
        Prolactin,
        "Prolactin surge at birth",
        "ng/ml/h",
        0.0,
        5000.0,
        "How strongly nipple stimulation releases prolactin in the first weeks; the surge shrinks over the months.",
        "H2: peak 286 ± 109 vs basal 119 ng/ml at 1 month, 91 vs 59 at 6 months (Cox 1996)",
        |s| s.mother.prolactin.surge_release_ng_per_ml_per_h
    ),
    param!(
        "mother.oxytocin.basal_pg_per_ml",
        Oxytocin,
        "Oxytocin basal level",
        "pg/ml",
        0.2,
        5.0,
        "Oxytocin in the blood between feeds.",
        "H7: ≈ 0.7 µU/ml ≈ 1.4 pg/ml (Johnston & Amico 1986)",
        |s| s.mother.oxytocin.basal_pg_per_ml
    ),
    param!(
        "mother.oxytocin.pulse_pg_per_ml",
        Oxytocin,
        "Oxytocin pulse",
        "pg/ml",
        5.0,
        60.0,
        "How much one burst of oxytocin raises the blood level.",
        "H7: ≈ 12 pg/ml during suckling, peaks to ≈ 45",
        |s| s.mother.oxytocin.pulse_pg_per_ml
    ),
    param!(
        "mother.oxytocin.half_life_min",
        Oxytocin,
        "Oxytocin half-life",
        "min",
        1.0,
        6.0,
        "How fast oxytocin is cleared.",
        "H7: ≈ 3 min (1–6)",
        |s| s.mother.oxytocin.half_life_min
    ),
    param!(
        "mother.oxytocin.first_letdown_latency_s",
        Oxytocin,
        "First let-down after",
        "s",
        20.0,
        300.0,
        "Seconds from the start of suckling to the first milk ejection in a calm mother; a pump takes a little longer.",
        "H4: ≈ 1 min (Ramsay 2004; treat loosely)",
        |s| s.mother.oxytocin.first_letdown_latency_s
    ),
    param!(
        "mother.oxytocin.letdown_interval_min",
        Oxytocin,
        "Time between let-downs",
        "min",
        1.0,
        10.0,
        "Mean minutes between milk ejections while the nipple is stimulated. Most let-downs are not felt.",
        "H5: 2.5 ± 1.5 per breastfeed; 5.1 ± 2.0 in 15 min of double pumping (Ramsay 2004; Prime 2011)",
        |s| s.mother.oxytocin.letdown_interval_min
    ),
    param!(
        "mother.oxytocin.letdown_ejected_fraction",
        Oxytocin,
        "Milk moved by one let-down",
        "share",
        0.1,
        0.9,
        "Share of the milk held in the alveoli that one let-down squeezes into the ducts, where the baby or the pump can reach it.",
        "H4: the first ejection yields 41–47% of a pump session (Gardner 2015)",
        |s| s.mother.oxytocin.letdown_ejected_fraction
    ),
    param!(
        "infant.effectiveness_0_to_1",
        Infant,
        "Baby's effectiveness",
        "0–1",
        0.1,
        1.0,
        "How well the baby removes milk: 1 = a healthy term baby with a good latch; lower for a sleepy, preterm or tongue-tied baby. A weak baby takes less each minute, tires and falls asleep sooner and wakes to feed less often, so it leaves milk behind and supply falls.",
        "E3b: a breastfeed removes 67 ± 8% of the available milk (Kent 2006)",
        |s| s.infant.effectiveness_0_to_1
    ),
    param!(
        "infant.appetite_plateau_ml_per_day",
        Infant,
        "Appetite once settled",
        "ml/day",
        400.0,
        1400.0,
        "How much milk the baby wants a day from about the first month on. Fed on demand, supply rises or falls to meet it.",
        "E1: 788 ± 169 ml/day (478–1356) from 1 to 6 months (Kent 2006)",
        |s| s.infant.appetite_plateau_ml_per_day
    ),
    param!(
        "infant.appetite_half_age_days",
        Infant,
        "Appetite half-way by",
        "days",
        1.0,
        14.0,
        "Age at which the baby wants half its settled amount: a newborn's stomach holds a few ml, growing over the first week.",
        "A1–A2: intake ≈ 20–50 ml on day 1, 500–700 ml by day 5 (Saint 1984)",
        |s| s.infant.appetite_half_age_days
    ),
    param!(
        "infant.meals_per_day",
        Infant,
        "Meals a day",
        "per day",
        5.0,
        18.0,
        "How many meals the baby's hunger is divided into when fed on demand.",
        "E2: 11 ± 3 breastfeeds a day (6–18) (Kent 2006)",
        |s| s.infant.meals_per_day
    ),
    param!(
        "pump.efficiency_0_to_1",
        Pump,
        "Pump efficiency",
        "0–1",
        0.1,
        1.0,
        "How well the pump removes milk from the ducts compared with a healthy baby. A hospital-grade double pump is near 0.8–0.9.",
        "E3b: a pump session removes ≈ 52–58% of the available milk (Gardner 2019)",
        |s| s.pump.efficiency_0_to_1
    ),
    param!(
        "between_mothers.storage_capacity",
        BetweenMothers,
        "Storage capacity",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How widely the breasts' storage capacity differs between mothers like her: log-normal, about 36% either way at 1. Set 0 if you measured hers. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "P1: storage capacity 210 ml, SD ≈ 75 ml (CV ≈ 36%), 74–382 ml; 81–606 ml between women (Kent 1999)",
        |s| s.between_mothers.storage_capacity
    ),
    param!(
        "between_mothers.left_right_difference",
        BetweenMothers,
        "Left–right difference",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How much one breast may hold more than the other: at 1 a typical mother's breasts differ by about a quarter. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "P2: short-term synthesis differs by 72% between a mother's breasts, 85% from feed to feed (Cox 1996)",
        |s| s.between_mothers.left_right_difference
    ),
    param!(
        "between_mothers.secretory_capacity",
        BetweenMothers,
        "Secretory capacity",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How widely the rate at which the breasts can make milk differs: log-normal, about 25% either way at 1. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "E5: 23 ± 3.5 ml/h per breast, under 6 to 90 (Daly 1993); P2: per-breast production 454 ± 201 g/day (Kent 1999)",
        |s| s.between_mothers.secretory_capacity
    ),
    param!(
        "between_mothers.activation_delay",
        BetweenMothers,
        "Delay of milk coming in",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How often milk comes in late: at 1, extra hours drawn with a mean of 12 h, so that about one mother in five has it after 72 h. About 2 for first-time mothers. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "P3: 22% of a mixed cohort after 72 h (Dewey 2003); 44% of first-time mothers (Nommsen-Rivers 2010)",
        |s| s.between_mothers.activation_delay
    ),
    param!(
        "between_mothers.appetite",
        BetweenMothers,
        "Baby's appetite",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How widely the babies' settled appetite differs: about 17% either way at 1, within 61–172% of hers. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "P4: intake 717 ± 119 g/day by test weighing (Nommsen-Rivers 2020); E1: 478–1356 ml/day",
        |s| s.between_mothers.appetite
    ),
    param!(
        "between_mothers.effectiveness",
        BetweenMothers,
        "Baby's effectiveness",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How widely babies differ in how well they remove milk: log-normal, about 10% at 1, never above a healthy baby's 1. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "E3b: a breastfeed removes 67 ± 8% of the available milk (Kent 2006); no published spread of effectiveness itself",
        |s| s.between_mothers.effectiveness
    ),
    param!(
        "between_mothers.letdown_latency",
        BetweenMothers,
        "First let-down after",
        "×",
        0.0,
        crate::ensemble::spread::MAX_WIDTH,
        "How widely the time to the first let-down differs: log-normal, about 40% either way at 1, within 30–150 s. 1 is the published spread, 0 switches it off, 2 doubles it.",
        "H4: first let-down about 1 min after suckling starts (Ramsay 2004; treat loosely)",
        |s| s.between_mothers.letdown_latency
    ),
    param!(
        "horizon_days",
        Run,
        "Days to simulate",
        "days",
        1.0,
        365.0,
        "How many days after birth the run covers.",
        "—",
        |s| s.horizon_days
    ),
];

/// The parameter with this path.
pub fn param(path: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_inside_its_range() {
        for p in PARAMS {
            assert!(
                p.in_range(p.default_value()),
                "{} default {} outside {}..{}",
                p.path,
                p.default_value(),
                p.min,
                p.max
            );
        }
    }

    #[test]
    fn get_and_set_reach_the_same_field() {
        for p in PARAMS {
            let mut s = Scenario::default();
            let v = (p.min + p.max) / 2.0 + 0.125;
            (p.set)(&mut s, v);
            assert_eq!((p.get)(&s), v, "{}", p.path);
        }
    }
}
