//! The questions parents ask (issue "A parent's view"): each is set up from *today* for a
//! five-week-old on the default scenario, and its answer names an amount, a speed and whether it
//! comes back, with what to watch for and whom to ask.

use lactosim::Scenario;
use lactosim::questions::{Answer, Question, ask};

const FIVE_WEEKS_DAYS: usize = 35;

fn her_scenario() -> Scenario {
    Scenario {
        horizon_days: FIVE_WEEKS_DAYS as f64 + 21.0,
        ..Scenario::default()
    }
}

fn answer(q: Question) -> Answer {
    let a = ask(q, &her_scenario(), FIVE_WEEKS_DAYS).expect("runs");
    println!(
        "{}\n  {}\n  {}\n  {}\n",
        q.asked(),
        a.said(),
        a.watch,
        a.ask
    );
    a
}

fn has_number(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// The three parts every answer must have: an amount (with its unit, a percentage never alone),
/// a speed, and whether it comes back; then what to watch for and whom to ask.
fn assert_whole(q: Question, a: &Answer) {
    let amount = &a.how_much;
    assert!(
        has_number(amount) && (amount.contains(" ml") || amount.contains(" g ")),
        "{q:?}: no amount in {amount:?}"
    );
    if amount.contains('%') {
        assert!(
            amount.contains(" ml"),
            "{q:?}: a percentage alone: {amount:?}"
        );
    }
    let speed = &a.how_fast;
    assert!(
        ["day", "minute", "hour"].iter().any(|w| speed.contains(w)),
        "{q:?}: no speed in {speed:?}"
    );
    // Whether it comes back, and how soon: for a change, a time or that it has not; for an
    // explanation, that it starts again.
    let back = &a.comes_back;
    let said = if a.effect.is_some() {
        back.contains("within about") || back.contains("has not fully come back")
    } else {
        back.contains("again")
    };
    assert!(said, "{q:?}: not said whether it comes back: {back:?}");
    assert!(!a.watch.is_empty(), "{q:?}: nothing to watch for");
    assert!(
        ["midwife", "lactation consultant", "doctor"]
            .iter()
            .any(|w| a.ask.contains(w)),
        "{q:?}: says nobody to ask: {:?}",
        a.ask
    );
    for clinical in ["ng/ml", "pg/ml", "sIgA", "mmol", "secretory"] {
        assert!(
            !a.said().contains(clinical),
            "{q:?}: {clinical} in {}",
            a.said()
        );
    }
}

/// A change the person makes for a while and then stops: how much it moved her supply, in which
/// direction, and that it came back within the two weeks after.
fn assert_comes_back(q: Question, a: &Answer, falls: bool) {
    let e = a.effect.as_ref().expect("a change has an effect");
    assert_eq!(e.ml_per_day < 0.0, falls, "{q:?}: {e:?}");
    let back = e
        .days_to_come_back
        .unwrap_or_else(|| panic!("{q:?} did not come back: {e:?}"));
    assert!(a.comes_back.contains("within about"), "{}", a.comes_back);
    assert!(back <= 14, "{q:?}: {e:?}");
}

#[test]
fn a_bottle_instead_of_a_night_feed_lowers_supply_for_as_long_as_it_lasts() {
    let q = Question::NightBottle;
    let a = answer(q);
    assert_whole(q, &a);
    assert_comes_back(q, &a, true);
    let e = a.effect.as_ref().unwrap();
    // About one feed's worth (a feed is ~70–80 ml at this age, E3): D3's −15–40% is for halving
    // all removals, one night feed of ~10 is less.
    assert!((-160.0..=-40.0).contains(&e.ml_per_day), "{e:?}");
    assert!(e.days_to_most <= 7, "D3: within 1–7 days; {e:?}");
    assert!(a.also.as_deref().unwrap().contains("of formula"));
}

#[test]
fn dropping_the_night_feeds_lowers_supply_more_than_one_bottle() {
    let q = Question::NightFeedsDropped;
    let a = answer(q);
    assert_whole(q, &a);
    assert_comes_back(q, &a, true);
    let one_bottle = answer(Question::NightBottle).effect.unwrap().ml_per_day;
    assert!(a.effect.as_ref().unwrap().ml_per_day < one_bottle);
}

#[test]
fn evening_cluster_feeding_is_more_feeds_not_less_milk() {
    let q = Question::EveningClusterFeeding;
    let a = answer(q);
    assert_whole(q, &a);
    let e = a.effect.as_ref().unwrap();
    // P6: the number of feeds is unrelated to 24-h production (Kent 2006).
    assert!(e.ml_per_day > -0.05 * e.as_now_ml_per_day, "{e:?}");
    assert!(e.days_to_come_back.is_some(), "{e:?}");
    assert!(
        a.also
            .as_deref()
            .unwrap()
            .contains("feeds a day instead of")
    );
}

#[test]
fn a_growth_spurt_answer_says_how_many_feeds() {
    let q = Question::GrowthSpurt;
    let a = answer(q);
    assert_whole(q, &a);
    assert!(a.effect.as_ref().unwrap().days_to_come_back.is_some());
}

#[test]
fn pumping_once_a_day_raises_supply_and_fills_a_stash() {
    let q = Question::PumpForStash;
    let a = answer(q);
    assert_whole(q, &a);
    assert_comes_back(q, &a, false);
    let e = a.effect.as_ref().unwrap();
    // D1: +8–30% after 1–2 weeks of 4–6 extra pumps a day; one a day gives less.
    assert!(e.percent() > 2.0 && e.percent() < 30.0, "{e:?}");
    assert!(a.also.as_deref().unwrap().contains("for the freezer"));
}

#[test]
fn going_back_to_work_and_pumping_there() {
    let q = Question::BackToWork;
    let a = answer(q);
    assert_whole(q, &a);
    let e = a.effect.as_ref().unwrap();
    // Pumping twice in nine hours keeps most of it (D4: a pump removes about what a feed does).
    assert!(e.percent() > -25.0, "{e:?}");
    assert!(a.also.as_deref().unwrap().contains("at work"));
}

#[test]
fn a_night_away_dips_and_comes_back() {
    let q = Question::NightAway;
    let a = answer(q);
    assert_whole(q, &a);
    assert_comes_back(q, &a, true);
    assert!(a.also.as_deref().unwrap().contains("% full"));
}

#[test]
fn the_richer_milk_at_the_end_of_a_feed_is_read_from_one_of_todays_feeds() {
    let q = Question::RicherEndOfFeed;
    let a = answer(q);
    assert_whole(q, &a);
    let sc = her_scenario();
    let run = lactosim::simulate(&sc).unwrap();
    let s = &run.sessions[a.session.expect("a feed of today")];
    assert_eq!((s.start_h / 24.0).floor() as usize, FIVE_WEEKS_DAYS);
    assert!(s.last_milk_fat_g_l > s.first_milk_fat_g_l);
    assert!(a.how_much.contains("% fat"), "{}", a.how_much);
}

#[test]
fn how_milk_is_made_says_how_much_blood_and_how_fast() {
    let q = Question::MilkFromBlood;
    let a = answer(q);
    assert_whole(q, &a);
    assert!(a.how_much.contains("litres"), "{}", a.how_much);
    assert!(a.how_fast.contains("ml an hour"), "{}", a.how_fast);
}

/// Two cups of coffee a day: the answer reads the third day, what the feeds carried and the
/// relative infant dose, and says nothing is safe or to wait.
#[test]
fn two_coffees_a_day_say_what_the_feeds_carry_and_when_it_is_gone() {
    let q = Question::TwoCoffees;
    let a = answer(q);
    assert!(a.how_much.contains("190 mg of caffeine"), "{}", a.how_much);
    assert!(
        a.how_much.contains("breastfeeds carry about"),
        "{}",
        a.how_much
    );
    assert!(
        a.how_much.contains("relative infant dose"),
        "{}",
        a.how_much
    );
    assert!(a.how_fast.contains("hours"), "{}", a.how_fast);
    assert!(
        a.comes_back.contains("the day after the last cup"),
        "{}",
        a.comes_back
    );
    assert_no_verdict(&a);
    // The day it reads is the third day of cups, and the setup says so (the window opens on it).
    let setup = q.setup(&her_scenario(), FIVE_WEEKS_DAYS);
    assert_eq!(setup.day_read(), FIVE_WEEKS_DAYS + 2);
    assert!(
        a.how_much
            .starts_with(&format!("On day {},", FIVE_WEEKS_DAYS + 2))
    );
}

#[test]
fn a_glass_of_wine_says_when_it_is_gone_and_what_the_feeds_carried() {
    let q = Question::GlassOfWine;
    let a = answer(q);
    assert!(a.how_much.contains("at 20:00"), "{}", a.how_much);
    assert!(
        a.how_much
            .contains("your milk has as much alcohol as your blood")
    );
    assert!(
        a.how_fast
            .contains("it is gone from your blood and milk by about"),
        "{}",
        a.how_fast
    );
    assert!(
        a.comes_back.contains("back to having none"),
        "{}",
        a.comes_back
    );
    assert!(a.watch.contains("this model does not show that fall"));
    assert_no_verdict(&a);
}

/// lactosim teaches how the parts work: no answer about what she takes says it is safe, or to
/// wait until, and each says whom to ask.
fn assert_no_verdict(a: &Answer) {
    let all = format!("{} {} {}", a.said(), a.watch, a.ask).to_lowercase();
    for verdict in [
        "it is safe",
        "is safe to",
        "safe to ",
        "unsafe",
        "not safe",
        "wait until",
        "you should wait",
    ] {
        assert!(!all.contains(verdict), "{verdict:?} in {all}");
    }
    assert!(a.ask.contains("Ask your doctor, midwife or pharmacist"));
}

/// A question changes nothing before today: both runs are the same up to the end of the day
/// before, and the change shows from today on.
#[test]
fn every_change_starts_today_never_from_birth() {
    let sc = her_scenario();
    for q in Question::ALL {
        let setup = q.setup(&sc, FIVE_WEEKS_DAYS);
        if setup.change.is_none() {
            continue;
        }
        assert!(setup.horizon_days >= (setup.back_day + 14) as f64, "{q:?}");
        let now = lactosim::simulate(&setup.as_now(&sc)).unwrap();
        let changed = lactosim::simulate(&setup.changed(&sc)).unwrap();
        for d in 0..FIVE_WEEKS_DAYS {
            assert_eq!(
                now.days[d].production_ml, changed.days[d].production_ml,
                "{q:?} changed day {d}"
            );
        }
        if let Some(s) = q.substance() {
            // What she takes: nothing reaches the baby before today, something from today.
            let r = lactosim::model::milk_transfer::reached_from(
                &setup.takes,
                setup.mother_kg,
                &changed,
            )
            .into_iter()
            .find(|r| r.substance == s)
            .expect("it passes into milk");
            let today_h = FIVE_WEEKS_DAYS as f64 * 24.0;
            assert!(
                r.feeds
                    .iter()
                    .filter(|f| f.t_h < today_h)
                    .all(|f| f.dose_mg == 0.0),
                "{q:?}"
            );
            assert!(
                r.feeds_on(FIVE_WEEKS_DAYS).any(|f| f.dose_mg > 0.0),
                "{q:?} reached nothing"
            );
        } else {
            let made = |r: &lactosim::Run, d: usize| r.days[d].production_ml.iter().sum::<f64>();
            assert!(
                (FIVE_WEEKS_DAYS..setup.back_day + 2).any(|d| made(&now, d) != made(&changed, d)),
                "{q:?} changed nothing"
            );
        }
        // The one edit does to her scenario what the question's changed scenario is.
        let mut edited = sc.clone();
        setup.edit(&sc).apply(&mut edited);
        assert_eq!(edited, setup.changed(&sc), "{q:?}");
    }
}

/// The answer's range for mothers like her: the change itself, each mother compared with
/// herself, and it holds the one mother's answer.
#[test]
fn a_change_is_ranged_over_mothers_like_her() {
    use lactosim::ensemble::simulate_ensemble;
    let sc = her_scenario();
    let q = Question::NightBottle;
    let setup = q.setup(&sc, FIVE_WEEKS_DAYS);
    let a = answer(q);
    let e = a.effect.as_ref().unwrap();
    let without = simulate_ensemble(&setup.as_now(&sc), 40).unwrap();
    let with = simulate_ensemble(&setup.changed(&sc), 40).unwrap();
    let words = lactosim::questions::mothers_words(e, &without, &with).expect("pairs");
    println!("{words}");
    assert!(
        words.starts_with("For most mothers like you (8 in 10 of 40 simulated"),
        "{words}"
    );
    assert!(words.contains("a day less"), "{words}");
    // The range of the change, read over the same days as the one mother's answer.
    let b = without
        .effect(
            &with,
            lactosim::ensemble::DayQuantity::Production,
            setup.back_day - 5,
            setup.back_day,
        )
        .unwrap();
    assert!(b.p10 < 0.0 && b.p90 < 0.0, "{b:?}");
    assert!(
        b.p10 <= e.ml_per_day + 10.0 && e.ml_per_day - 10.0 <= b.p90,
        "{b:?} vs {e:?}"
    );
}

/// A question her plan answers already (her night feeds are dropped, and she asks about
/// dropping them, or about a bottle in the night) says so, rather than that the change is too
/// small to see; a question her plan does not answer is a change as before.
#[test]
fn a_change_her_plan_has_already_is_said_to_be_there() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/presets/night-feeds-dropped.ron"
    );
    let sc = lactosim::preset::read_file(std::path::Path::new(path)).unwrap();
    for q in [Question::NightFeedsDropped, Question::NightBottle] {
        let a = ask(q, &sc, FIVE_WEEKS_DAYS).unwrap();
        assert!(a.changes_nothing, "{q:?}: {}", a.how_much);
        assert!(
            a.how_much.starts_with("Your plan does this already"),
            "{}",
            a.how_much
        );
        assert!(a.how_much.contains("ml made today"), "{}", a.how_much);
        assert!(a.effect.is_none());
    }
    let a = ask(Question::PumpForStash, &sc, FIVE_WEEKS_DAYS).unwrap();
    assert!(!a.changes_nothing, "{}", a.how_much);
    // Her default plan has no dropped night: the question is a change.
    let a = answer(Question::NightFeedsDropped);
    assert!(!a.changes_nothing, "{}", a.how_much);
}

/// Feeds a question adds at hours she is away every day (the evening's hourly feeds, while she
/// is out from 16:00 to 22:00) cannot happen: said as such, not as a plan she has already.
#[test]
fn feeds_her_plan_has_no_room_for_are_said_not_to_happen() {
    let mut sc = her_scenario();
    sc.schedule.absences.push(lactosim::absence::Absence {
        label: "out every evening".to_owned(),
        from_day: 0.0,
        to_day: None,
        from_clock_h: 16.0,
        to_clock_h: 22.0,
        weekdays: Vec::new(),
    });
    let a = ask(Question::EveningClusterFeeding, &sc, FIVE_WEEKS_DAYS).unwrap();
    assert!(a.changes_nothing, "{}", a.how_much);
    assert!(
        a.how_much.starts_with("None of these feeds"),
        "{}",
        a.how_much
    );
}

/// The glass's feed at 20:30: named in the answer on her default plan; left out where her plan
/// has a session then (power pumping at 20:30, or the feed she kept from asking before), and
/// the question still answers.
#[test]
fn the_glass_feed_is_given_where_her_plan_has_room_for_it() {
    let a = answer(Question::GlassOfWine);
    assert!(a.how_much.contains("— 20:3"), "{}", a.how_much);
    assert!(!a.how_much.contains("adds no feed"), "{}", a.how_much);

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/presets/power-pumping.ron");
    let pumping = lactosim::preset::read_file(std::path::Path::new(path)).unwrap();
    let a = ask(Question::GlassOfWine, &pumping, 20).expect("answered beside her 20:30 pump");
    assert!(a.how_much.contains("adds no feed"), "{}", a.how_much);

    let mut kept = her_scenario();
    let setup = Question::GlassOfWine.setup(&kept, FIVE_WEEKS_DAYS);
    setup.edit(&kept).apply(&mut kept);
    let a = ask(Question::GlassOfWine, &kept, FIVE_WEEKS_DAYS).expect("asked again");
    assert!(a.how_much.contains("adds no feed"), "{}", a.how_much);
    assert!(a.how_much.contains("— 20:3"), "{}", a.how_much);
}
