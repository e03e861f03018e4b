//! The questions parents ask, each set up as a change of her scenario from *today* (never from
//! birth), run past the change and back again, and answered in plain words: how much, how fast,
//! whether it comes back, what to watch for and whom to ask.
//!
//! Library only. A question's change is an ordinary [`Edit`] of her scenario (one undoable step),
//! so the parent's face answers it with the same runs, plots and comparison as the clinician's
//! window; `words` writes the answers, `effect` reads how much, how fast and whether it came back
//! from the two runs.

mod effect;
pub mod glossary;
pub mod normal;
mod reaches_baby;
mod words;

pub use effect::Effect;
pub use words::{Answer, mothers_words};

use crate::absence::Absence;
use crate::back_to_work::BackToWork;
use crate::calendar::Weekday;
use crate::edit::{Edit, ListEdit};
use crate::model::pharmacology::Substance;
use crate::mother_takes::Dosing;
use crate::run::Run;
use crate::scenario::{MAX_HORIZON_DAYS, Problem, Scenario};
use crate::schedule::{Kind, NightGap, Rule, Side};

/// How long the runs go on after going back, days: long enough to see whether it comes back.
pub const AFTER_DAYS: usize = 14;

/// A question a parent asks, answered from her own scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    NightBottle,
    NightFeedsDropped,
    EveningClusterFeeding,
    GrowthSpurt,
    PumpForStash,
    BackToWork,
    NightAway,
    RicherEndOfFeed,
    MilkFromBlood,
    TwoCoffees,
    GlassOfWine,
}

impl Question {
    pub const ALL: [Question; 11] = [
        Question::NightBottle,
        Question::NightFeedsDropped,
        Question::EveningClusterFeeding,
        Question::GrowthSpurt,
        Question::PumpForStash,
        Question::BackToWork,
        Question::NightAway,
        Question::RicherEndOfFeed,
        Question::MilkFromBlood,
        Question::TwoCoffees,
        Question::GlassOfWine,
    ];

    /// A short name for the command line (`lactosim ask night-bottle`).
    pub fn id(self) -> &'static str {
        match self {
            Question::NightBottle => "night-bottle",
            Question::NightFeedsDropped => "night-feeds-dropped",
            Question::EveningClusterFeeding => "evening-cluster-feeding",
            Question::GrowthSpurt => "growth-spurt",
            Question::PumpForStash => "pump-for-stash",
            Question::BackToWork => "back-to-work",
            Question::NightAway => "night-away",
            Question::RicherEndOfFeed => "richer-end-of-feed",
            Question::MilkFromBlood => "milk-from-blood",
            Question::TwoCoffees => "two-coffees",
            Question::GlassOfWine => "glass-of-wine",
        }
    }

    /// The question of a short name ([`Self::id`]).
    pub fn from_id(id: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.id() == id)
    }

    /// The button: short, in her words.
    pub fn button(self) -> &'static str {
        match self {
            Question::NightBottle => "A bottle of formula instead of one night feed",
            Question::NightFeedsDropped => "Dropping the night feeds",
            Question::EveningClusterFeeding => "Feeding every hour in the evening",
            Question::GrowthSpurt => "A growth spurt",
            Question::PumpForStash => "Pumping once a day to build a stash",
            Question::BackToWork => "Going back to work",
            Question::NightAway => "A night away from the baby",
            Question::RicherEndOfFeed => "Why is the milk at the end of a feed richer?",
            Question::MilkFromBlood => "How is milk made?",
            Question::TwoCoffees => "Two cups of coffee a day",
            Question::GlassOfWine => "A glass of wine at 20:00",
        }
    }

    /// The question as she would ask it (the answer's heading).
    pub fn asked(self) -> &'static str {
        match self {
            Question::NightBottle => {
                "What if my baby has a bottle of formula instead of one night feed, from tonight?"
            }
            Question::NightFeedsDropped => {
                "What if nobody breastfeeds at night (23:00 to 05:00) from tonight?"
            }
            Question::EveningClusterFeeding => {
                "My baby wants to feed every hour in the evening. Does that change my milk?"
            }
            Question::GrowthSpurt => {
                "What does a growth spurt (three days of feeds every 1½ hours) do to my milk?"
            }
            Question::PumpForStash => {
                "What if I pump once a day, every morning, to build a stash in the freezer?"
            }
            Question::BackToWork => {
                "What if I go back to work tomorrow, 08:00 to 17:00 on weekdays, and pump twice there?"
            }
            Question::NightAway => "What if I am away from the baby for one night and do not pump?",
            Question::RicherEndOfFeed => "Why is the milk at the end of a feed richer?",
            Question::MilkFromBlood => "How is my milk made, and how fast?",
            Question::TwoCoffees => {
                "How much of two cups of coffee a day (at 08:00 and 14:00) reaches my baby?"
            }
            Question::GlassOfWine => {
                "How much of a glass of wine at 20:00 this evening reaches my baby if it feeds at 20:30?"
            }
        }
    }

    /// How long the change lasts before things go back as they were (days; 0: nothing is
    /// changed, the question is answered from her run as it is).
    fn change_days(self) -> usize {
        match self {
            Question::NightBottle
            | Question::NightFeedsDropped
            | Question::PumpForStash
            | Question::BackToWork => 14,
            Question::EveningClusterFeeding => 7,
            Question::GrowthSpurt => 3,
            Question::NightAway | Question::GlassOfWine => 1,
            Question::TwoCoffees => 3,
            Question::RicherEndOfFeed | Question::MilkFromBlood => 0,
        }
    }

    /// Is it a change that lasts (read once settled), or a one-off (read where it is largest)?
    fn lasting(self) -> bool {
        !matches!(self, Question::NightAway | Question::GlassOfWine)
    }

    /// What she takes, for a question about what reaches the baby.
    pub fn substance(self) -> Option<Substance> {
        match self {
            Question::TwoCoffees => Some(Substance::Caffeine),
            Question::GlassOfWine => Some(Substance::Alcohol),
            _ => None,
        }
    }

    /// The change of her scenario from day `from` to day `back`, one step for undo.
    fn change(self, from: f64, back: f64) -> Option<Edit> {
        let every_day = Vec::new();
        let away = |label: &str, from_clock_h: f64, to_clock_h: f64| {
            Edit::Absences(ListEdit::Add(Absence {
                label: label.to_owned(),
                from_day: from,
                to_day: Some(back),
                from_clock_h,
                to_clock_h,
                weekdays: every_day.clone(),
            }))
        };
        let extra = |label: &str, kind: Kind, every_h: f64, first: f64, gap: Option<NightGap>| {
            extra_sessions(label, kind, every_h, first, gap, from, back)
        };
        let edits = match self {
            // Someone gives a bottle from 01:00 to 04:00: the hunger of those three hours (about
            // one feed) is met by formula, so it is not asked of the breast.
            Question::NightBottle => vec![away("a bottle of formula at night", 1.0, 4.0)],
            Question::NightFeedsDropped => vec![away(
                "no breastfeeds at night (a bottle, or the baby sleeps)",
                23.0,
                5.0,
            )],
            Question::EveningClusterFeeding => vec![extra(
                "evening cluster feeding",
                Kind::Breastfeed,
                1.0,
                17.0,
                Some(NightGap {
                    from_clock_h: 21.5,
                    to_clock_h: 17.0,
                    from_day: 0.0,
                }),
            )],
            Question::GrowthSpurt => vec![extra(
                "growth spurt: feeds every 1½ hours",
                Kind::Breastfeed,
                1.5,
                0.0,
                None,
            )],
            Question::PumpForStash => vec![extra(
                "pumping for the freezer",
                Kind::Pump,
                24.0,
                10.0,
                None,
            )],
            Question::BackToWork => {
                let plan = BackToWork {
                    from_day: from,
                    weekdays: Weekday::WORKDAYS.to_vec(),
                    ..BackToWork::default()
                };
                let mut absence = plan.absence();
                absence.to_day = Some(back);
                let mut edits = vec![Edit::Absences(ListEdit::Add(absence))];
                if let Some(mut rule) = plan.pump_rule() {
                    rule.to_day = back;
                    edits.push(Edit::Rules(ListEdit::Add(rule)));
                }
                edits
            }
            // Away from 20:00 to 08:00 the next morning, and no pump.
            Question::NightAway => vec![away("a night away", 20.0, 8.0)],
            // Two cups at 08:00 and 14:00.
            Question::TwoCoffees => vec![Edit::MotherTakes(ListEdit::Add(Dosing::everyday(
                self.substance().expect("a substance question"),
                from,
                back,
            )))],
            // A glass of wine (one standard drink) at 20:00, and (added in `setup`, where her plan
            // has room) a breastfeed at 20:30, when it is highest in her milk. The feed is part
            // of the question because the model's feed
            // times weeks after birth are not hers: a baby fed on demand keeps no clock, so the
            // hour of its feeds on day 35 rests on every minute of the 35 days before (a change
            // in the last bit of one exponential moves it by half an hour), and whether one of
            // them fell in the two hours the glass is in her milk was chance. With the feed the
            // answer says what a feed while it is there carries, whatever her baby's times.
            Question::GlassOfWine => vec![Edit::MotherTakes(ListEdit::Add(Dosing::everyday(
                self.substance().expect("a substance question"),
                from,
                back,
            )))],
            Question::RicherEndOfFeed | Question::MilkFromBlood => return None,
        };
        Some(Edit::Plan {
            what: self.button().to_owned(),
            edits,
        })
    }

    /// Set the question up for her scenario, her baby being `today_day` days old.
    pub fn setup(self, sc: &Scenario, today_day: usize) -> Setup {
        let change_days = self.change_days();
        let back_day = today_day + change_days;
        let needed = if change_days == 0 {
            today_day as f64 + 1.0
        } else {
            (back_day + AFTER_DAYS) as f64 + 1.0
        };
        let horizon_days = sc.horizon_days.max(needed).min(MAX_HORIZON_DAYS);
        let (from, back) = (today_day as f64, back_day as f64);
        let mut change = self.change(from, back);
        // The glass's feed, where her plan has room for it at 20:30 (not where a session of
        // hers is then, or the feed she kept from asking this before).
        let in_both = (self == Question::GlassOfWine)
            .then(|| glass_feed(from, back))
            .filter(|feed| {
                let mut with = sc.clone();
                with.horizon_days = horizon_days;
                feed.clone().apply(&mut with);
                with.schedule
                    .expand(horizon_days * 24.0, with.calendar())
                    .is_ok()
            });
        if let (Some(feed), Some(Edit::Plan { edits, .. })) = (&in_both, &mut change) {
            edits.push(feed.clone());
        }
        let mut changed = sc.clone();
        if let Some(e) = &change {
            e.clone().apply(&mut changed);
        }
        Setup {
            question: self,
            today_day,
            change,
            back_day,
            horizon_days,
            takes: changed.schedule.mother_takes,
            mother_kg: sc.mother.weight_kg,
            in_both,
        }
    }
}

/// The clock hour of the breastfeed the glass-of-wine question gives (half an hour after the
/// glass at 20:00, when alcohol is highest in her milk).
const GLASS_FEED_CLOCK_H: f64 = 20.5;

/// Sessions on both sides every `every_h` hours from `first` o'clock, days `from` to `back`.
fn extra_sessions(
    label: &str,
    kind: Kind,
    every_h: f64,
    first: f64,
    night_gap: Option<NightGap>,
    from: f64,
    back: f64,
) -> Edit {
    Edit::Rules(ListEdit::Add(Rule {
        label: label.to_owned(),
        kind,
        side: Side::Both,
        every_h,
        first_at_clock_h: first,
        from_day: from,
        to_day: back,
        weekdays: Vec::new(),
        night_gap,
        max_per_day: None,
        duration_min: 15.0,
    }))
}

/// The glass-of-wine question's breastfeed at [`GLASS_FEED_CLOCK_H`] on the days `from` to
/// `back`.
fn glass_feed(from: f64, back: f64) -> Edit {
    extra_sessions(
        "a breastfeed half an hour after the glass",
        Kind::Breastfeed,
        24.0,
        GLASS_FEED_CLOCK_H,
        None,
        from,
        back,
    )
}

/// A question set up for her scenario: the change from today, and how far the runs go.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub question: Question,
    /// Her baby's age today, days since birth: the change starts today.
    pub today_day: usize,
    /// The change to her scenario (`None`: answered from her run as it is).
    pub change: Option<Edit>,
    /// The day things are as before again.
    pub back_day: usize,
    /// How far both runs go (days): past the change and back.
    pub horizon_days: f64,
    /// What she takes with the change, and her weight (what reaches the baby).
    pub takes: Vec<Dosing>,
    pub mother_kg: f64,
    /// What the change brings that the run it is compared with has too (the glass-of-wine
    /// question's 20:30 feed: the glass is compared with the same evening without it, not
    /// with an evening of other feeds).
    pub in_both: Option<Edit>,
}

impl Setup {
    /// The day the answer reads: for two coffees a day the third day of cups (settled:
    /// caffeine's half-life is hours), else today.
    pub fn day_read(&self) -> usize {
        match self.question {
            Question::TwoCoffees => self.back_day.saturating_sub(1).max(self.today_day),
            _ => self.today_day,
        }
    }

    /// Her scenario as it is, run as far as the answer needs (with what both runs share).
    pub fn as_now(&self, sc: &Scenario) -> Scenario {
        let mut s = self.run_far_enough(sc);
        if let Some(e) = &self.in_both {
            e.clone().apply(&mut s);
        }
        s
    }

    /// Her scenario with the change.
    pub fn changed(&self, sc: &Scenario) -> Scenario {
        let mut s = self.run_far_enough(sc);
        if let Some(e) = &self.change {
            e.clone().apply(&mut s);
        }
        s
    }

    fn run_far_enough(&self, sc: &Scenario) -> Scenario {
        let mut s = sc.clone();
        s.horizon_days = self.horizon_days;
        s
    }

    /// What "Make it part of my plan" puts into her plan, in words.
    pub fn what_is_kept(&self) -> String {
        let button = self.question.button();
        match &self.in_both {
            Some(_) => format!(
                "{button}, with a breastfeed at {}",
                crate::schedule_words::format_clock(GLASS_FEED_CLOCK_H)
            ),
            None => button.to_owned(),
        }
    }

    /// The one edit that turns her scenario into [`Self::changed`] (one step for undo).
    pub fn edit(&self, sc: &Scenario) -> Edit {
        let mut edits = Vec::new();
        if self.horizon_days != sc.horizon_days {
            edits.push(Edit::SetParam {
                path: "horizon_days",
                value: self.horizon_days,
            });
        }
        edits.extend(self.change.clone());
        Edit::Plan {
            what: self.question.button().to_owned(),
            edits,
        }
    }

    /// The answer, from the runs of [`Self::as_now`] and [`Self::changed`].
    pub fn answer(&self, as_now: &Run, changed: &Run) -> Answer {
        words::answer(self, as_now, changed)
    }
}

/// Ask a question of her scenario: set it up, run both, answer (the command line and tests).
pub fn ask(question: Question, sc: &Scenario, today_day: usize) -> Result<Answer, Vec<Problem>> {
    let setup = question.setup(sc, today_day);
    let as_now = crate::simulate(&setup.as_now(sc))?;
    let changed = if setup.change.is_some() {
        crate::simulate(&setup.changed(sc))?
    } else {
        as_now.clone()
    };
    Ok(setup.answer(&as_now, &changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glass-of-wine question says the hour of the feed it gives.
    #[test]
    fn the_glass_question_names_its_feed_hour() {
        let hour = crate::schedule_words::format_clock(GLASS_FEED_CLOCK_H);
        assert!(
            Question::GlassOfWine
                .asked()
                .contains(&format!("feeds at {hour}")),
            "{}",
            Question::GlassOfWine.asked()
        );
    }
}
