//! What a simulation produces: sampled series, events, per-session results and a per-day summary.
//! Everything a plot or an export needs, computed once by [`crate::simulate`].

use serde::{Deserialize, Serialize};

use crate::model::gland::{ENGORGED_FULLNESS, ENGORGEMENT_EASED_FULLNESS};
use crate::model::pharmacology::Substance;
use crate::scenario::Breast;
use crate::schedule::{Kind, Origin, SessionSide};

/// Concentrations of the milk (removed, or stored), one value per component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Composition {
    pub fat_g_l: f64,
    pub lactose_g_l: f64,
    /// Total protein, including sIgA and lactoferrin.
    pub protein_g_l: f64,
    pub sodium_mmol_l: f64,
    pub potassium_mmol_l: f64,
    pub chloride_mmol_l: f64,
    pub siga_g_l: f64,
    pub lactoferrin_g_l: f64,
}

/// The milk components the model tracks, in the order of [`Composition`]'s fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    Fat,
    Lactose,
    Protein,
    Sodium,
    Potassium,
    Chloride,
    SIgA,
    Lactoferrin,
}

impl Component {
    pub const ALL: [Component; 8] = [
        Component::Fat,
        Component::Lactose,
        Component::Protein,
        Component::Sodium,
        Component::Potassium,
        Component::Chloride,
        Component::SIgA,
        Component::Lactoferrin,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Component::Fat => "fat",
            Component::Lactose => "lactose",
            Component::Protein => "protein",
            Component::Sodium => "sodium",
            Component::Potassium => "potassium",
            Component::Chloride => "chloride",
            Component::SIgA => "sIgA",
            Component::Lactoferrin => "lactoferrin",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Component::Sodium | Component::Potassium | Component::Chloride => "mmol/L",
            _ => "g/L",
        }
    }

    /// Column name in CSV files.
    pub fn column(self) -> &'static str {
        match self {
            Component::Fat => "fat_g_l",
            Component::Lactose => "lactose_g_l",
            Component::Protein => "protein_g_l",
            Component::Sodium => "sodium_mmol_l",
            Component::Potassium => "potassium_mmol_l",
            Component::Chloride => "chloride_mmol_l",
            Component::SIgA => "siga_g_l",
            Component::Lactoferrin => "lactoferrin_g_l",
        }
    }
}

impl Composition {
    pub fn get(&self, c: Component) -> f64 {
        match c {
            Component::Fat => self.fat_g_l,
            Component::Lactose => self.lactose_g_l,
            Component::Protein => self.protein_g_l,
            Component::Sodium => self.sodium_mmol_l,
            Component::Potassium => self.potassium_mmol_l,
            Component::Chloride => self.chloride_mmol_l,
            Component::SIgA => self.siga_g_l,
            Component::Lactoferrin => self.lactoferrin_g_l,
        }
    }

    pub fn set(&mut self, c: Component, v: f64) {
        match c {
            Component::Fat => self.fat_g_l = v,
            Component::Lactose => self.lactose_g_l = v,
            Component::Protein => self.protein_g_l = v,
            Component::Sodium => self.sodium_mmol_l = v,
            Component::Potassium => self.potassium_mmol_l = v,
            Component::Chloride => self.chloride_mmol_l = v,
            Component::SIgA => self.siga_g_l = v,
            Component::Lactoferrin => self.lactoferrin_g_l = v,
        }
    }
}

/// Per-gland sampled values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GlandSeries {
    /// Milk stored in ducts and alveoli.
    pub stored_ml: Vec<f64>,
    /// Stored milk as a share of storage capacity (1 = full).
    pub fullness_0_to_1: Vec<f64>,
    /// Rate of milk synthesis at that moment.
    pub synthesis_ml_per_h: Vec<f64>,
    /// Rate of synthesis the gland would have if empty (set by use over days).
    pub secretory_capacity_ml_per_h: Vec<f64>,
    /// How open the tight junctions are (0 sealed … 1 open as in pregnancy).
    pub junction_leak_0_to_1: Vec<f64>,
    /// What each secretory pathway has moved since birth (running totals: what moved between two
    /// samples is their difference, see [`Series::pathway_rates`]).
    pub pathways: Vec<crate::model::pathways::PathwayTotals>,
}

/// Time series sampled at a fixed step (and at every session boundary).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Hours since birth.
    pub t_h: Vec<f64>,
    pub prolactin_ng_ml: Vec<f64>,
    pub oxytocin_pg_ml: Vec<f64>,
    /// Milk synthesized in the 24 h before this sample (both breasts).
    pub production_24h_ml: Vec<f64>,
    /// Milk removed in the 24 h before this sample (both breasts).
    pub removed_24h_ml: Vec<f64>,
    /// The baby's appetite at this age, ml/day (what it would take if milk were unlimited).
    pub appetite_ml_per_day: Vec<f64>,
    /// Multiplier on prolactin release from what the mother takes (1 = nothing acting).
    pub prolactin_release_factor: Vec<f64>,
    pub glands: [GlandSeries; 2],
    /// Composition of the milk stored in the breasts (volume-weighted over both).
    pub stored_milk: Vec<Composition>,
}

impl Series {
    /// Room for `n` samples in every series, so that a long run does not copy them as they grow.
    pub fn reserve(&mut self, n: usize) {
        for v in [
            &mut self.t_h,
            &mut self.prolactin_ng_ml,
            &mut self.oxytocin_pg_ml,
            &mut self.production_24h_ml,
            &mut self.removed_24h_ml,
            &mut self.appetite_ml_per_day,
            &mut self.prolactin_release_factor,
        ] {
            v.reserve(n);
        }
        for g in &mut self.glands {
            for v in [
                &mut g.stored_ml,
                &mut g.fullness_0_to_1,
                &mut g.synthesis_ml_per_h,
                &mut g.secretory_capacity_ml_per_h,
                &mut g.junction_leak_0_to_1,
            ] {
                v.reserve(n);
            }
            g.pathways.reserve(n);
        }
        self.stored_milk.reserve(n);
    }

    /// What each pathway of breast `b` moved per hour over the interval ending at each sample
    /// (zero at the first).
    pub fn pathway_rates(
        &self,
        b: crate::scenario::Breast,
    ) -> Vec<crate::model::pathways::PathwayTotals> {
        let p = &self.glands[b.index()].pathways;
        (0..p.len())
            .map(|k| {
                if k == 0 {
                    Default::default()
                } else {
                    p[k].rate_since(&p[k - 1], self.t_h[k] - self.t_h[k - 1])
                }
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.t_h.len()
    }

    pub fn is_empty(&self) -> bool {
        self.t_h.is_empty()
    }

    pub fn gland(&self, b: Breast) -> &GlandSeries {
        &self.glands[b.index()]
    }
}

/// Something that happened at a moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    SessionStart {
        session: usize,
    },
    SessionEnd {
        session: usize,
    },
    /// A milk ejection: oxytocin contracts the myoepithelial cells of both breasts.
    LetDown {
        /// Index in [`Run::sessions`] of the session it happened in.
        session: usize,
        /// Milk moved from the alveoli into the ducts of each breast over the ejection.
        made_available_ml: [f64; 2],
    },
    /// A breast passed the engorgement threshold (full and tense).
    Engorgement {
        breast: Breast,
    },
    /// Prolonged stasis: the tight junctions of a breast have reopened (milk sodium rises).
    JunctionsReopened {
        breast: Breast,
    },
    /// Secretory capacity of a breast fell below half of its peak: involution under way.
    Involution {
        breast: Breast,
    },
    /// The baby's appetite is not met (supply below demand) over a day.
    UnmetAppetite {
        day: usize,
        unmet_ml: f64,
    },
    /// The mother takes a dose of a medicine (index `course` in `schedule.mother_takes`).
    Dose {
        substance: Substance,
        dose_mg: f64,
        course: usize,
    },
}

impl EventKind {
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::SessionStart { .. } => "session_start",
            EventKind::SessionEnd { .. } => "session_end",
            EventKind::LetDown { .. } => "let_down",
            EventKind::Engorgement { .. } => "engorgement",
            EventKind::JunctionsReopened { .. } => "junctions_reopened",
            EventKind::Involution { .. } => "involution",
            EventKind::UnmetAppetite { .. } => "unmet_appetite",
            EventKind::Dose { .. } => "dose",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub t_h: f64,
    pub kind: EventKind,
}

/// A fine trace of one session (every integration step), for "zoom into one feed".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionTrace {
    pub t_h: Vec<f64>,
    /// Flow out of each breast.
    pub flow_ml_per_min: [Vec<f64>; 2],
    /// Fat of the milk leaving each breast at that moment (NaN when nothing flows).
    pub fat_g_l: [Vec<f64>; 2],
    /// Milk removed so far, both breasts.
    pub removed_ml: Vec<f64>,
    pub oxytocin_pg_ml: Vec<f64>,
}

impl SessionTrace {
    /// A trace with room for `points` steps (growing every series from empty, step by step,
    /// was a third of a run's time).
    pub fn with_capacity(points: usize) -> Self {
        let v = || Vec::with_capacity(points);
        Self {
            t_h: v(),
            flow_ml_per_min: [v(), v()],
            fat_g_l: [v(), v()],
            removed_ml: v(),
            oxytocin_pg_ml: v(),
        }
    }
}

/// The milk one breast holds: its volume and the masses the pathways carry into it (protein with
/// sIgA and lactoferrin).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MilkHeld {
    pub ml: f64,
    pub fat_g: f64,
    pub lactose_g: f64,
    pub protein_g: f64,
    pub sodium_mmol: f64,
    pub potassium_mmol: f64,
    pub chloride_mmol: f64,
}

/// What one session did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionResult {
    pub start_h: f64,
    pub end_h: f64,
    pub kind: Kind,
    pub side: SessionSide,
    pub origin: Origin,
    /// Milk removed from each breast.
    pub removed_ml: [f64; 2],
    /// Milk stored in each breast when the session started.
    pub stored_at_start_ml: [f64; 2],
    /// What each breast's secretory pathways moved while the session lasted, and the milk each
    /// held before and after it: with the milk removed, the pathways' account of the session
    /// (tests/pathways.rs checks that it adds up).
    pub pathways: [crate::model::pathways::PathwayTotals; 2],
    pub held_at_start: [MilkHeld; 2],
    pub held_at_end: [MilkHeld; 2],
    /// Let-down times (hours since birth).
    pub letdowns_h: Vec<f64>,
    /// Fat of the first and the last milk removed (g/L); NaN if none was removed.
    pub first_milk_fat_g_l: f64,
    pub last_milk_fat_g_l: f64,
    /// Composition of all the milk removed in the session.
    pub milk: Composition,
    /// Prolactin when the session started, and its highest level in the hour after.
    pub prolactin_start_ng_ml: f64,
    pub prolactin_peak_ng_ml: f64,
    /// When that peak came (hours since birth).
    pub prolactin_peak_h: f64,
    /// Did the baby stop satisfied (breastfeeds only)?
    pub satisfied: bool,
    pub trace: SessionTrace,
}

/// Less than this removed from a breast in a session counts as nothing (the baby was satisfied on
/// the other side, or a few drops of a dry breast).
pub const MILK_REMOVED_AT_ALL_ML: f64 = 1.0;

impl SessionResult {
    /// Did the session take milk from this breast at all?
    pub fn took_milk_from(&self, b: Breast) -> bool {
        self.removed_ml[b.index()] > MILK_REMOVED_AT_ALL_ML
    }

    /// Did the session take any milk at all (so that its composition means something)?
    pub fn took_milk(&self) -> bool {
        self.total_removed_ml() > MILK_REMOVED_AT_ALL_ML
    }

    pub fn total_removed_ml(&self) -> f64 {
        self.removed_ml[0] + self.removed_ml[1]
    }

    /// The sides in words, as they were used: "both sides", "left side", or for a breastfeed
    /// offered both sides that took milk from one only, "right side only (the baby was full
    /// before the left)".
    /// (A feed labelled "both sides" whose table said "left 0 ml" read as a contradiction.)
    pub fn sides_words(&self) -> String {
        match self.side {
            SessionSide::One(b) => format!("{} side", b.name()),
            SessionSide::Both => {
                let used: Vec<Breast> = Breast::BOTH
                    .into_iter()
                    .filter(|&b| self.took_milk_from(b))
                    .collect();
                match used[..] {
                    [b] if self.kind == Kind::Breastfeed => {
                        let other = Breast::BOTH.into_iter().find(|&o| o != b).unwrap_or(b);
                        let why = if self.satisfied {
                            "the baby was full before the"
                        } else {
                            "the feed ended before the"
                        };
                        format!("{} side only ({why} {})", b.name(), other.name())
                    }
                    [b] => format!("both sides offered, milk from the {} only", b.name()),
                    _ => "both sides".to_owned(),
                }
            }
        }
    }

    pub fn duration_min(&self) -> f64 {
        (self.end_h - self.start_h) * 60.0
    }

    /// Share of the milk in the breasts used that the session removed (E3b). A breast the
    /// session was allowed but never took milk from (the baby was satisfied on the first side)
    /// does not count.
    pub fn share_removed(&self) -> f64 {
        let (mut removed, mut stored) = (0.0, 0.0);
        for b in Breast::BOTH {
            if self.side.uses(b) && self.took_milk_from(b) {
                removed += self.removed_ml[b.index()];
                stored += self.stored_at_start_ml[b.index()];
            }
        }
        if stored > 0.0 { removed / stored } else { 0.0 }
    }
}

/// One day (0 = the 24 h after birth).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaySummary {
    pub day: usize,
    /// Milk synthesized by each breast.
    pub production_ml: [f64; 2],
    /// Milk removed from each breast (what a test-weighing study measures as production).
    pub removed_ml: [f64; 2],
    /// What the baby wanted that day.
    pub appetite_ml: f64,
    /// The part of it meant to come from the breast (less night gaps of responsive feeding and
    /// the weaned share).
    pub appetite_at_breast_ml: f64,
    /// The part of the appetite met by someone else while the mother was away (an absence of the
    /// schedule): not asked of the breast.
    pub appetite_while_away_ml: f64,
    /// Milk taken by the baby at the breast.
    pub intake_ml: f64,
    /// Milk removed by the pump.
    pub pumped_ml: f64,
    pub breastfeeds: usize,
    pub pump_sessions: usize,
    pub letdowns: usize,
    /// Composition of all milk removed that day (volume-weighted).
    pub milk: Composition,
    pub mean_prolactin_ng_ml: f64,
    /// Highest fullness of either breast that day.
    pub peak_fullness_0_to_1: f64,
    /// Secretory capacity of each breast at the end of the day.
    pub secretory_capacity_ml_per_h: [f64; 2],
}

impl DaySummary {
    pub fn total_production_ml(&self) -> f64 {
        self.production_ml[0] + self.production_ml[1]
    }

    pub fn total_removed_ml(&self) -> f64 {
        self.removed_ml[0] + self.removed_ml[1]
    }
}

/// Volume and fat bookkeeping over the whole run, to check conservation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MassBalance {
    pub synthesized_ml: f64,
    pub removed_ml: f64,
    pub stored_at_start_ml: f64,
    pub stored_at_end_ml: f64,
    pub fat_synthesized_g: f64,
    pub fat_removed_g: f64,
    pub fat_stored_at_start_g: f64,
    pub fat_stored_at_end_g: f64,
    /// Milk taken back into the blood from a breast left full (stasis, weaning).
    pub resorbed_ml: f64,
    pub fat_resorbed_g: f64,
}

impl MassBalance {
    /// Relative error of synthesized = removed + Δstored.
    pub fn volume_error(&self) -> f64 {
        let lhs = self.stored_at_start_ml + self.synthesized_ml;
        let rhs = self.removed_ml + self.resorbed_ml + self.stored_at_end_ml;
        (lhs - rhs).abs() / lhs.abs().max(1.0)
    }

    pub fn fat_error(&self) -> f64 {
        let lhs = self.fat_stored_at_start_g + self.fat_synthesized_g;
        let rhs = self.fat_removed_g + self.fat_resorbed_g + self.fat_stored_at_end_g;
        (lhs - rhs).abs() / lhs.abs().max(1e-3)
    }
}

/// A note that the scenario left the range the model was validated for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub t_h: Option<f64>,
    pub message: String,
}

/// Everything a simulation produced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub horizon_h: f64,
    pub series: Series,
    pub events: Vec<Event>,
    pub sessions: Vec<SessionResult>,
    pub days: Vec<DaySummary>,
    pub balance: MassBalance,
    pub warnings: Vec<Warning>,
    /// Integration steps taken (for the timing report).
    pub steps: usize,
}

impl Run {
    /// Every number of the run, bit for bit, hashed: two runs with the same fingerprint are the
    /// same run ([`crate::fingerprint`]).
    pub fn fingerprint(&self) -> String {
        crate::fingerprint::of(self)
    }

    pub fn letdown_times_h(&self) -> impl Iterator<Item = f64> + '_ {
        self.events.iter().filter_map(|e| match e.kind {
            EventKind::LetDown { .. } => Some(e.t_h),
            _ => None,
        })
    }

    /// Episodes of engorgement of each breast, (breast, start h, end h), from the sampled
    /// fullness with the same thresholds the simulation uses for its events: on at
    /// [`ENGORGED_FULLNESS`], off below [`ENGORGEMENT_EASED_FULLNESS`]. An episode still going at
    /// the end of the run ends there.
    pub fn engorged_spans(&self) -> Vec<(Breast, f64, f64)> {
        let mut spans = Vec::new();
        for b in Breast::BOTH {
            let mut start = None;
            for (&t, &f) in self
                .series
                .t_h
                .iter()
                .zip(&self.series.gland(b).fullness_0_to_1)
            {
                match start {
                    None if f >= ENGORGED_FULLNESS => start = Some(t),
                    Some(t0) if f < ENGORGEMENT_EASED_FULLNESS => {
                        spans.push((b, t0, t));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let (Some(t0), Some(&t1)) = (start, self.series.t_h.last()) {
                spans.push((b, t0, t1));
            }
        }
        spans
    }

    /// Sessions that ended before the run did: the last one may have been cut short by the end of
    /// the simulation, and its milk is not that of a whole feed.
    pub fn completed_sessions(&self) -> impl Iterator<Item = &SessionResult> + '_ {
        self.sessions
            .iter()
            .filter(move |s| s.end_h < self.horizon_h - 1e-9)
    }

    /// The index of the session running at `t_h`, if any.
    pub fn session_at(&self, t_h: f64) -> Option<usize> {
        let i = self.sessions.partition_point(|s| s.start_h <= t_h);
        (i > 0 && self.sessions[i - 1].end_h >= t_h).then(|| i - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A feed offered both sides is told by the sides it took milk from: never "both sides"
    /// beside a table that says one of them gave 0 ml.
    #[test]
    fn a_feed_is_told_by_the_sides_it_used() {
        let run = crate::simulate(&crate::Scenario::default()).expect("runs");
        let offered_both: Vec<&SessionResult> = run
            .sessions
            .iter()
            .filter(|s| s.kind == Kind::Breastfeed && s.side == SessionSide::Both)
            .collect();
        let one = offered_both
            .iter()
            .find(|s| s.took_milk_from(Breast::Left) != s.took_milk_from(Breast::Right))
            .expect("some feeds end on the first side");
        let used = Breast::BOTH
            .into_iter()
            .find(|&b| one.took_milk_from(b))
            .unwrap();
        let words = one.sides_words();
        assert!(
            words.starts_with(&format!("{} side only (", used.name())),
            "{words}"
        );
        let two = offered_both
            .iter()
            .find(|s| s.took_milk_from(Breast::Left) && s.took_milk_from(Breast::Right))
            .expect("some feeds take both sides");
        assert_eq!(two.sides_words(), "both sides");
    }
}
