//! The answers in a parent's words: how much (never a percentage alone), how fast, whether it
//! comes back, what to watch for and whom to ask.

use super::{Effect, Question, Setup};
use crate::ensemble::{DayQuantity, EnsembleRun};
use crate::run::Run;
use crate::scenario::Breast;
use crate::schedule::Kind;
use crate::summary::round_to;

/// Blood that flows through the breast for each ml of milk it makes (B1: "several hundred to
/// one, about 400–500 : 1"; the middle of that range).
const BLOOD_PER_ML_OF_MILK: f64 = 450.0;
/// All the blood in a woman's body, litres (about 5 L: a textbook figure, for scale only).
const BLOOD_IN_HER_BODY_L: f64 = 5.0;
/// Below this the supply "would hardly change" (ml a day): the jitter of one feed more or less.
const HARDLY_ML_PER_DAY: f64 = 15.0;
/// The feed the richer-milk answer reads is the first from this clock hour on.
const MORNING_CLOCK_H: f64 = 8.0;

/// A question's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub question: Question,
    /// How much: an amount in ml (or g/L), never a percentage alone.
    pub how_much: String,
    /// How fast it happens.
    pub how_fast: String,
    /// Whether it comes back, and how soon.
    pub comes_back: String,
    /// What else the runs say that she would want to know (the formula a night, the stash).
    pub also: Option<String>,
    /// What to watch for.
    pub watch: &'static str,
    /// Whom to ask.
    pub ask: &'static str,
    /// The effect on her supply, for a question that changes something.
    pub effect: Option<Effect>,
    /// The feed the answer reads (in the run as it is), for the one-feed window.
    pub session: Option<usize>,
    /// The change changes nothing in her plan (from today its sessions are the same with it as
    /// without it: it has the change already, or cannot have it): nothing to show as a change,
    /// and nothing to make part of her plan.
    pub changes_nothing: bool,
}

impl Answer {
    /// The whole answer as one paragraph (without what to watch for and whom to ask).
    pub fn said(&self) -> String {
        let mut s = format!("{} {} {}", self.how_much, self.how_fast, self.comes_back);
        if let Some(also) = &self.also {
            s.push(' ');
            s.push_str(also);
        }
        s
    }
}

/// "about 90 ml": to the nearest 10 ml from 50 ml, else to the nearest 5; "about 1.4 litres"
/// from a litre.
fn ml(v: f64) -> String {
    let v = v.abs();
    if v >= 1000.0 {
        return format!("about {:.1} litres", round_to(v, 100.0) / 1000.0);
    }
    let step = if v >= 50.0 { 10.0 } else { 5.0 };
    format!("about {:.0} ml", round_to(v, step))
}

fn days(n: usize) -> String {
    match n {
        0 | 1 => "a day".to_owned(),
        7 => "a week".to_owned(),
        14 => "two weeks".to_owned(),
        n => format!("{n} days"),
    }
}

/// "−12%" with a true minus sign.
fn percent(p: f64) -> String {
    let r = p.round();
    if r < 0.0 {
        format!("−{:.0}%", -r)
    } else {
        format!("+{r:.0}%")
    }
}

/// What she does, as the answer's first words.
fn the_change(q: Question) -> &'static str {
    match q {
        Question::NightBottle => {
            "With a bottle of formula instead of the breast between 01:00 and 04:00 each night for two weeks"
        }
        Question::NightFeedsDropped => {
            "With no breastfeeds from 23:00 to 05:00 for two weeks (a bottle, or the baby sleeps through)"
        }
        Question::EveningClusterFeeding => {
            "With a feed every hour from 17:00 to 21:00 for a week, on top of the feeds the baby asks for"
        }
        Question::GrowthSpurt => "With three days of feeds every 1½ hours",
        Question::PumpForStash => {
            "With a 15-minute pump of both breasts every morning at 10:00 for two weeks, after the baby's feeds"
        }
        Question::BackToWork => {
            "Back at work 08:00–17:00 on weekdays for two weeks, pumping twice there (someone else gives the baby a bottle)"
        }
        Question::NightAway => {
            "Away from 20:00 to 08:00 one night, without pumping (someone else gives the baby bottles)"
        }
        Question::RicherEndOfFeed
        | Question::MilkFromBlood
        | Question::TwoCoffees
        | Question::GlassOfWine => "",
    }
}

/// Going back, as the start of the comes-back sentence.
fn going_back(q: Question) -> &'static str {
    match q {
        Question::NightBottle => "When the night feed comes back",
        Question::NightFeedsDropped => "When the night feeds come back",
        Question::EveningClusterFeeding => "When the evenings calm down",
        Question::GrowthSpurt => "When the spurt is over",
        Question::PumpForStash => "When you stop pumping",
        Question::BackToWork => "If you stopped work again (a holiday)",
        Question::NightAway => "After the night away",
        Question::RicherEndOfFeed
        | Question::MilkFromBlood
        | Question::TwoCoffees
        | Question::GlassOfWine => "",
    }
}

fn watch(q: Question) -> &'static str {
    match q {
        Question::NightBottle | Question::NightFeedsDropped => {
            "Watch for breasts that feel very full, hard or lumpy in the morning (express a little for comfort), and for your baby's wet nappies (about six heavy ones a day) and weight. Pumping at the time of the bottle keeps the milk up."
        }
        Question::EveningClusterFeeding | Question::GrowthSpurt => {
            "Frequent feeds on their own do not mean you have too little milk (mothers who feed more often do not make more or less in a day: Kent et al. 2006); your baby's wet nappies (about six heavy ones a day) and weight gain tell you whether there is enough."
        }
        Question::PumpForStash => {
            "Watch for breasts that feel over-full or a let-down so fast the baby splutters; when you stop, stop gradually."
        }
        Question::BackToWork => {
            "Watch how much you pump at work and how full you feel on the way home; a third pump at work keeps the milk up better."
        }
        Question::NightAway => {
            "Watch for hard, painful breasts: express or pump for comfort, which also lowers the risk of a blocked duct or mastitis (a red, hot, painful patch with fever)."
        }
        Question::RicherEndOfFeed => {
            "Let your baby finish the first breast and come off by itself before offering the second: there is no need to time feeds or switch sides early."
        }
        Question::MilkFromBlood => {
            "What matters most for how much milk you make is how often and how well milk is taken out; drink to thirst."
        }
        Question::TwoCoffees => {
            "A newborn clears caffeine slowly (in the first weeks its half-life is days, not hours), so what it gets can add up from feed to feed; tea, cola, energy drinks and chocolate carry caffeine too."
        }
        Question::GlassOfWine => {
            "Milk alcohol rises and falls with your blood alcohol: expressing milk does not take it out faster (LactMed). In a study, babies drank about a quarter less milk in the 4 hours after their mothers drank (Mennella & Beauchamp 1991); this model does not show that fall."
        }
    }
}

fn ask(q: Question) -> &'static str {
    match q {
        Question::NightAway => {
            "Ask your midwife or doctor straight away if a breast becomes red, hot and painful or you feel feverish."
        }
        Question::BackToWork | Question::PumpForStash => {
            "A lactation consultant can help you plan pumping and storing milk."
        }
        Question::TwoCoffees | Question::GlassOfWine => {
            "Ask your doctor, midwife or pharmacist about anything you take while breastfeeding. These figures show how the parts work, from published averages (several from LactMed, the US National Library of Medicine's Drugs and Lactation Database): they do not say what is safe for your baby."
        }
        Question::NightBottle | Question::NightFeedsDropped => {
            "Ask your midwife, health visitor or a lactation consultant before dropping feeds in the first months."
        }
        _ => "Ask your midwife, health visitor or a lactation consultant if you are unsure.",
    }
}

/// The answer to a question from the runs as now and with the change.
pub(super) fn answer(setup: &Setup, as_now: &Run, changed: &Run) -> Answer {
    let q = setup.question;
    let base = Answer {
        question: q,
        how_much: String::new(),
        how_fast: String::new(),
        comes_back: String::new(),
        also: None,
        watch: watch(q),
        ask: ask(q),
        effect: None,
        session: None,
        changes_nothing: false,
    };
    match q {
        Question::RicherEndOfFeed => richer_end_of_feed(base, setup, as_now),
        Question::MilkFromBlood => milk_from_blood(base, setup, as_now),
        Question::TwoCoffees | Question::GlassOfWine => {
            super::reaches_baby::answer(base, setup, as_now, changed)
        }
        _ if same_sessions(as_now, changed) => nothing_changes(base, setup, as_now),
        _ => supply_change(base, setup, as_now, changed),
    }
}

/// Every session of the two runs the same (when, what, which side, what it removed): a
/// change of her feeds or pumps that changes nothing in her plan.
fn same_sessions(as_now: &Run, changed: &Run) -> bool {
    as_now.sessions.len() == changed.sessions.len()
        && as_now.sessions.iter().zip(&changed.sessions).all(|(a, b)| {
            a.start_h == b.start_h
                && a.end_h == b.end_h
                && a.kind == b.kind
                && a.side == b.side
                && a.removed_ml == b.removed_ml
        })
}

/// The answer when the change changes nothing in her plan: a change that takes feeds away
/// which her plan has already (dropping the night feeds when they are dropped), or one that
/// adds feeds or pumps at hours her plan has none (she is away then) — said as such, not as a
/// change "too small to see".
fn nothing_changes(mut a: Answer, setup: &Setup, as_now: &Run) -> Answer {
    let made_today = as_now.days.get(setup.today_day).map_or(String::new(), |d| {
        format!(
            " (about {:.0} ml made today)",
            round_to(d.production_ml.iter().sum::<f64>(), 10.0)
        )
    });
    let takes_away = matches!(
        setup.question,
        Question::NightBottle | Question::NightFeedsDropped | Question::NightAway
    );
    a.how_much = if takes_away {
        format!(
            "Your plan does this already: from today its feeds and pumps are the same with this change as without it, so your milk stays as it is{made_today}."
        )
    } else {
        format!(
            "None of these feeds or pumps can happen in your plan as it is (you are away from your baby, or your plan skips sessions, at those hours), so your milk stays as it is{made_today}."
        )
    };
    a.how_fast = if takes_away {
        "Nothing changes from today: whatever it did to your milk happened from the day your plan began it (on the plot, “Your milk”)."
    } else {
        "Nothing changes from today."
    }
    .to_owned();
    a.comes_back = "Nothing comes back either, for as long as your plan stays as it is.".to_owned();
    a.changes_nothing = true;
    a
}

pub(super) fn no_answer(mut a: Answer, why: &str) -> Answer {
    a.how_much = why.to_owned();
    a
}

fn supply_change(mut a: Answer, setup: &Setup, as_now: &Run, changed: &Run) -> Answer {
    let q = setup.question;
    let Some(e) = Effect::measure(
        as_now,
        changed,
        setup.today_day,
        setup.back_day,
        q.lasting(),
    ) else {
        return no_answer(
            a,
            "lactosim runs up to a year from birth, and this question needs the weeks after the change: it cannot answer it for a baby this old.",
        );
    };
    let up = e.ml_per_day > 0.0;
    let hardly = e.ml_per_day.abs() < HARDLY_ML_PER_DAY;
    a.how_much = if hardly {
        format!(
            "{}, your milk supply would hardly change: it stays near {:.0} ml a day.",
            the_change(q),
            round_to(e.as_now_ml_per_day, 10.0)
        )
    } else {
        let (would, when) = if q.lasting() {
            ("would", "")
        } else {
            ("would dip for a day or two: it would", " on the worst day")
        };
        format!(
            "{}, your milk supply {would} {} by {} a day{when} ({}: about {:.0} instead of {:.0} ml a day).",
            the_change(q),
            if up { "rise" } else { "fall" },
            ml(e.ml_per_day),
            percent(e.percent()),
            round_to(e.as_now_ml_per_day + e.ml_per_day, 10.0),
            round_to(e.as_now_ml_per_day, 10.0),
        )
    };
    a.how_fast = if hardly {
        // Said as a bound read from the runs: the largest difference on any day, rounded up.
        let within = (e.largest_ml_per_day / 5.0).ceil().max(1.0) * 5.0;
        format!(
            "Over any three days from today it stays within {within:.0} ml a day of your milk without the change, on average."
        )
    } else if q.lasting() {
        format!("Most of that happens within {}.", days(e.days_to_most))
    } else {
        format!(
            "The dip is largest {}.",
            match e.read_over.start - setup.today_day {
                0 => "on the day of the night away".to_owned(),
                1 => "the day after".to_owned(),
                n => format!("{n} days after"),
            }
        )
    };
    let left = e.left_at_end_ml_per_day;
    a.comes_back = match e.days_to_come_back {
        Some(n) if hardly => format!(
            "{}, what little changed goes back within about {}.",
            going_back(q),
            days(n)
        ),
        Some(n) => format!(
            "{}, your supply goes back to where it was within about {}.",
            going_back(q),
            days(n)
        ),
        None => format!(
            "{}, it has not fully come back {} later: still {} a day {}.",
            going_back(q),
            days(e.days_after_going_back),
            ml(left),
            if left < 0.0 { "less" } else { "more" }
        ),
    };
    a.also = also(setup, as_now, changed);
    a.effect = Some(e);
    a
}

/// How far the change differs between mothers like her: the 10th to 90th percentile of the
/// change itself, each simulated mother with the change compared with herself without it, read
/// over the same days as the central answer (the end of a lasting change, the worst day of a
/// one-off). `None` when the ensembles do not pair or do not reach those days.
pub fn mothers_words(effect: &Effect, without: &EnsembleRun, with: &EnsembleRun) -> Option<String> {
    let (from, to) = (effect.read_over.start, effect.read_over.end);
    if to > without.complete_days.min(with.complete_days) {
        return None;
    }
    let b = without.effect(with, DayQuantity::Production, from, to)?;
    if !(b.p10.is_finite() && b.p90.is_finite()) {
        return None;
    }
    let side = |v: f64| {
        if round_to(v, 5.0) == 0.0 {
            "no change".to_owned()
        } else {
            format!("{} a day {}", ml(v), if v < 0.0 { "less" } else { "more" })
        }
    };
    let (lo, hi) = (b.p10, b.p90);
    let range = if lo < 0.0 && hi < 0.0 {
        // Both less: the smaller loss first.
        format!(
            "between {} and {} a day less",
            ml(hi).trim_start_matches("about ").to_owned(),
            ml(lo).trim_start_matches("about ")
        )
    } else if lo > 0.0 && hi > 0.0 {
        format!(
            "between {} and {} a day more",
            ml(lo).trim_start_matches("about ").to_owned(),
            ml(hi).trim_start_matches("about ")
        )
    } else {
        format!("between {} and {}", side(lo), side(hi))
    };
    Some(format!(
        "For most mothers like you (8 in 10 of {} simulated, each with and without the change) it would be {range}.",
        without.members.len()
    ))
}

/// What else the runs say for this question: the formula the baby has, the milk pumped, the
/// feeds a day, how full the breasts get.
fn also(setup: &Setup, as_now: &Run, changed: &Run) -> Option<String> {
    let during = setup.today_day..setup.back_day.min(changed.days.len());
    let mean = |f: &dyn Fn(&crate::run::DaySummary) -> f64, days: &[crate::run::DaySummary]| {
        days.iter().map(f).sum::<f64>() / days.len().max(1) as f64
    };
    let changed_days = changed.days.get(during.clone())?;
    let as_now_days = as_now.days.get(during)?;
    match setup.question {
        Question::NightBottle | Question::NightFeedsDropped => {
            let formula = mean(&|d| d.appetite_while_away_ml, changed_days);
            Some(format!(
                "Your baby would have {} of formula (or of your pumped milk) each night.",
                ml(formula)
            ))
        }
        Question::BackToWork => {
            let work_days: Vec<_> = changed_days
                .iter()
                .filter(|d| d.appetite_while_away_ml > 0.0)
                .cloned()
                .collect();
            Some(format!(
                "On a working day your baby would have {} from a bottle while you are away, and you would pump {} at work.",
                ml(mean(&|d| d.appetite_while_away_ml, &work_days)),
                ml(mean(&|d| d.pumped_ml, &work_days)),
            ))
        }
        Question::PumpForStash => {
            let pumped = mean(&|d| d.pumped_ml, changed_days);
            Some(format!(
                "You would pump {} each morning: {} for the freezer over the two weeks, while your baby still gets what it wants.",
                ml(pumped),
                ml(pumped * changed_days.len() as f64)
            ))
        }
        Question::EveningClusterFeeding | Question::GrowthSpurt => {
            let feeds = |days: &[crate::run::DaySummary]| mean(&|d| d.breastfeeds as f64, days);
            Some(format!(
                "That is about {:.0} feeds a day instead of {:.0}, each a smaller one: your baby wants no more milk in a day, only more often, and the breasts make what is taken out. (lactosim keeps the baby's appetite as it was; if your baby really drinks more, your supply follows within a few days, as it does for pumping.)",
                feeds(changed_days),
                feeds(as_now_days)
            ))
        }
        Question::NightAway => {
            let fullest = |run: &Run| {
                let (t0, t1) = (
                    setup.today_day as f64 * 24.0,
                    (setup.today_day + 2) as f64 * 24.0,
                );
                Breast::BOTH
                    .into_iter()
                    .flat_map(|b| {
                        run.series
                            .t_h
                            .iter()
                            .zip(&run.series.gland(b).fullness_0_to_1)
                            .filter(move |(t, _)| (t0..t1).contains(*t))
                            .map(|(_, f)| *f)
                    })
                    .fold(0.0_f64, f64::max)
            };
            Some(format!(
                "By the morning your breasts would be {:.0}% full (on an ordinary night at most {:.0}%). That is why the milk dips: milk left in a full breast slows its own making, and once the breasts are emptied again, making picks up.",
                100.0 * fullest(changed),
                100.0 * fullest(as_now)
            ))
        }
        Question::RicherEndOfFeed
        | Question::MilkFromBlood
        | Question::TwoCoffees
        | Question::GlassOfWine => None,
    }
}

/// The first whole breastfeed of today that took milk, read in the run as it is.
fn feed_of_today(setup: &Setup, run: &Run) -> Option<usize> {
    let (t0, t1) = (
        setup.today_day as f64 * 24.0,
        (setup.today_day + 1) as f64 * 24.0,
    );
    // A daytime feed (from 08:00) reads more easily than one in the small hours.
    let t0 = t0 + MORNING_CLOCK_H;
    run.sessions.iter().position(|s| {
        s.kind == Kind::Breastfeed
            && (t0..t1).contains(&s.start_h)
            && s.end_h < run.horizon_h
            && s.removed_ml.iter().sum::<f64>() >= 20.0
            && s.last_milk_fat_g_l > s.first_milk_fat_g_l
    })
}

fn richer_end_of_feed(mut a: Answer, setup: &Setup, run: &Run) -> Answer {
    let Some(i) = feed_of_today(setup, run) else {
        return no_answer(
            a,
            "There is no breastfeed today in the run to read this from: set your baby's age first.",
        );
    };
    let s = &run.sessions[i];
    let minutes = (s.end_h - s.start_h) * 60.0;
    // Fat as a share of the milk (g in a litre ÷ 10 ≈ %): 3% reads where 30 g/L does not.
    a.how_much = format!(
        "At your baby's feed at {} today, the first milk is about {:.1}% fat and the last about {:.1}%: {:.1} times as rich, and the baby took {}.",
        crate::schedule_words::format_clock(s.start_h.rem_euclid(24.0)),
        s.first_milk_fat_g_l / 10.0,
        s.last_milk_fat_g_l / 10.0,
        s.last_milk_fat_g_l / s.first_milk_fat_g_l.max(1e-9),
        ml(s.removed_ml.iter().sum())
    );
    a.how_fast = format!(
        "The fat rises over the {:.0} minutes of the feed, as the breast empties and the fat that clung to the walls inside it is washed out (hindmilk).",
        minutes
    );
    a.comes_back = "At the next feed the first milk is thin again (foremilk): between feeds the fat sticks inside the breast while the watery milk collects. It is all the same milk, and your baby gets the fat by feeding until it comes off by itself.".to_owned();
    a.session = Some(i);
    a
}

fn milk_from_blood(mut a: Answer, setup: &Setup, run: &Run) -> Answer {
    let day = setup.today_day;
    let Some(today) = run.days.get(day) else {
        return no_answer(
            a,
            "The run does not reach today: set your baby's age first.",
        );
    };
    let made: f64 = today.production_ml.iter().sum();
    let blood_l = made * BLOOD_PER_ML_OF_MILK / 1000.0;
    a.how_much = format!(
        "Today your breasts make {} of milk. They make it from your blood: for every ml of milk about 400–500 ml of blood flows through the breast, so about {:.0} litres today — your body's {:.0} litres of blood going round about {:.0} times.",
        ml(made),
        round_to(blood_l, 10.0),
        BLOOD_IN_HER_BODY_L,
        round_to(blood_l / BLOOD_IN_HER_BODY_L, 5.0)
    );
    // Both breasts' rate of making milk over today's samples.
    let (t0, t1) = (day as f64 * 24.0, (day + 1) as f64 * 24.0);
    let s = &run.series;
    let rates: Vec<f64> = (0..s.t_h.len())
        .filter(|&i| (t0..t1).contains(&s.t_h[i]))
        .map(|i| {
            Breast::BOTH
                .iter()
                .map(|&b| s.gland(b).synthesis_ml_per_h[i])
                .sum()
        })
        .collect();
    let lo = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = rates.iter().copied().fold(0.0, f64::max);
    a.how_fast = if rates.is_empty() {
        "The milk is made all the time, day and night.".to_owned()
    } else {
        format!(
            "It is made all the time, day and night: today between {:.0} and {:.0} ml an hour for both breasts together, faster when they are emptier.",
            lo, hi
        )
    };
    a.comes_back = "As a breast fills, the milk left in it slows its own making; as soon as milk is taken out, making speeds up again — this is how your supply follows your baby's feeds.".to_owned();
    a
}
