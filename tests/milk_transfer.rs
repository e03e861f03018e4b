//! What the mother takes reaches the milk (issue "From blood to milk", B3–B11): caffeine's
//! half-life as entered, alcohol in milk peaking 30–60 min after a drink and following blood
//! down, each feed's dose the milk's concentration times what the baby drank, fibre never in milk.

use lactosim::model::milk_transfer::{
    Taken, feed_doses, milk_mg_per_l, plasma_curve, plasma_mg_per_l, reached,
    relative_infant_dose_pct,
};
use lactosim::model::pharmacology::{STANDARD_DRINK_MG, Substance};
use lactosim::mother_takes::Dosing;
use lactosim::run::EventKind;
use lactosim::validate;

const MOTHER_KG: f64 = 70.0;

#[test]
fn caffeine_halves_every_half_life_once_absorbed() {
    let cup = [Taken {
        at_h: 0.0,
        dose_mg: 95.0,
    }];
    let c = |t| plasma_mg_per_l(Substance::Caffeine, &cup, MOTHER_KG, t);
    assert!(
        (c(10.0) / c(15.0) - 2.0).abs() < 1e-3,
        "{} {}",
        c(10.0),
        c(15.0)
    );
    // Peak within the first hour or so, near dose / volume (95 mg in 42 l ≈ 2.3 mg/l).
    let peak_h = (0..240)
        .map(|m| m as f64 / 60.0)
        .max_by(|a, b| c(*a).total_cmp(&c(*b)))
        .unwrap();
    assert!((0.5..=1.5).contains(&peak_h), "{peak_h}");
    assert!((1.5..2.3).contains(&c(peak_h)), "{}", c(peak_h));
}

#[test]
fn alcohol_in_milk_peaks_30_to_60_minutes_after_a_drink_and_follows_blood_down() {
    let drink = [Taken {
        at_h: 20.0,
        dose_mg: 14_000.0,
    }];
    let milk = |t| milk_mg_per_l(Substance::Alcohol, &drink, MOTHER_KG, t);
    let blood = |t| plasma_mg_per_l(Substance::Alcohol, &drink, MOTHER_KG, t);
    let minutes: Vec<f64> = (0..300).map(|m| 20.0 + m as f64 / 60.0).collect();
    let peak = minutes
        .iter()
        .copied()
        .max_by(|a, b| milk(*a).total_cmp(&milk(*b)))
        .unwrap();
    assert!(
        (0.5..=1.0).contains(&(peak - 20.0)),
        "milk peaks {:.2} h after",
        peak - 20.0
    );
    // Down at a constant rate once absorbed (zero order, B5): 0.1 g/kg an hour over 0.6 l/kg
    // of her water is about 167 mg/l an hour, in blood and so in milk (within 3%: the last of
    // the drink is still being absorbed).
    let fall = |f: &dyn Fn(f64) -> f64| f(21.5) - f(22.0);
    for (name, drop) in [("blood", fall(&blood)), ("milk", fall(&milk))] {
        assert!(
            (drop / 0.5 - 100.0 / 0.6).abs() < 0.03 * 100.0 / 0.6,
            "{name} falls {:.1} mg/l an hour",
            drop / 0.5
        );
    }
    // Gone within a few hours of one drink (about 0.1 g/kg an hour).
    assert_eq!(milk(24.0), 0.0);
    // Two drinks an hour apart: more, and longer.
    let two = [
        drink[0],
        Taken {
            at_h: 21.0,
            dose_mg: 14_000.0,
        },
    ];
    assert!(milk_mg_per_l(Substance::Alcohol, &two, MOTHER_KG, 22.0) > milk(22.0));
}

#[test]
fn each_feed_carries_the_milks_concentration_times_what_the_baby_drank() {
    let run = lactosim::simulate(&lactosim::Scenario::default()).unwrap();
    // Two cups of coffee a day, at 08:00 and 14:00, from day 20.
    let taken: Vec<Taken> = (20..28)
        .flat_map(|d| {
            [8.0, 14.0].map(|h| Taken {
                at_h: d as f64 * 24.0 + h,
                dose_mg: 95.0,
            })
        })
        .collect();
    let feeds = feed_doses(Substance::Caffeine, &taken, MOTHER_KG, &run);
    assert!(feeds.len() > 150);
    for f in &feeds {
        let s = &run.sessions[f.session];
        let drank: f64 = s.removed_ml.iter().sum();
        let c = milk_mg_per_l(
            Substance::Caffeine,
            &taken,
            MOTHER_KG,
            0.5 * (s.start_h + s.end_h),
        );
        assert_eq!(f.dose_mg, c * drank / 1000.0);
        assert!(f.t_h < 20.0 * 24.0 + 8.0 || f.dose_mg > 0.0 || drank == 0.0);
    }
    // B4: the baby's dose is under 1% of the mother's (day 26).
    let day = |f: &&lactosim::model::milk_transfer::FeedDose| (f.t_h / 24.0).floor() == 26.0;
    let baby_mg: f64 = feeds.iter().filter(day).map(|f| f.dose_mg).sum();
    let share = baby_mg / 190.0;
    assert!(
        share > 0.0 && share < 0.01,
        "{:.3}% of her dose",
        100.0 * share
    );
    let intake = run.days[26].intake_ml;
    let rid = relative_infant_dose_pct(baby_mg, intake, 190.0, MOTHER_KG);
    eprintln!(
        "caffeine, 2 cups a day: the baby gets {baby_mg:.2} mg on day 26 ({:.2}% of hers; RID {rid:.1}%)",
        100.0 * share
    );
}

#[test]
fn fibre_never_reaches_the_milk() {
    let run = lactosim::simulate(&lactosim::Scenario::default()).unwrap();
    let taken: Vec<Taken> = (0..28)
        .map(|d| Taken {
            at_h: d as f64 * 24.0 + 12.0,
            dose_mg: 5000.0,
        })
        .collect();
    assert!(
        feed_doses(Substance::Fibre, &taken, MOTHER_KG, &run)
            .iter()
            .all(|f| f.dose_mg == 0.0)
    );
}

#[test]
fn two_coffees_a_day_are_at_eight_and_two_and_each_feed_carries_some() {
    let mut sc = lactosim::Scenario::default();
    sc.schedule.mother_takes = vec![Dosing::everyday(Substance::Caffeine, 20.0, 28.0)];
    let doses = lactosim::mother_takes::doses(&sc.schedule.mother_takes, 28.0 * 24.0);
    let clocks: Vec<f64> = doses.iter().take(4).map(|d| d.t_h % 24.0).collect();
    assert_eq!(clocks, vec![8.0, 14.0, 8.0, 14.0]);
    assert_eq!(doses.len(), 16);
    let run = lactosim::simulate(&sc).unwrap();
    let r = reached(&sc, &run);
    assert_eq!(r.len(), 1);
    let caffeine = &r[0];
    assert_eq!(caffeine.substance, Substance::Caffeine);
    // Every feed from the first cup on carries some, and the day's sums are the feeds'.
    let day = caffeine.day(26).unwrap();
    assert_eq!(day.mother_mg, 190.0);
    let feeds: f64 = caffeine
        .feeds
        .iter()
        .filter(|f| (f.t_h / 24.0).floor() == 26.0)
        .map(|f| f.dose_mg)
        .sum();
    assert_eq!(day.baby_mg, feeds);
    assert!(
        caffeine
            .feeds
            .iter()
            .filter(|f| f.t_h > 20.0 * 24.0 + 8.5)
            .all(|f| f.dose_mg > 0.0 || f.drank_ml == 0.0)
    );
    // RID: per kg of baby (its weight from what it wants, 150 ml/kg a day) over per kg of her.
    let kg_baby = run.days[26].appetite_ml / 150.0;
    let expected = 100.0 * (day.baby_mg / kg_baby) / (190.0 / 70.0);
    assert!((day.rid_pct.unwrap() - expected).abs() < 1e-9);
    // Before the first cup nothing.
    assert!(caffeine.day(19).is_none());
}

#[test]
fn a_drink_holds_back_the_letdowns_while_it_is_in_her_blood() {
    let base = lactosim::Scenario::default();
    let mut wine = base.clone();
    // Two standard drinks at 10:00 on day 20: about 0.4 g/kg, as Mennella 2005 gave.
    wine.schedule.mother_takes = vec![Dosing::once(
        Substance::Alcohol,
        2.0 * STANDARD_DRINK_MG,
        20.0 * 24.0 + 10.0,
    )];
    let made = |run: &lactosim::run::Run, from: f64, to: f64| -> Vec<f64> {
        run.events
            .iter()
            .filter(|e| e.t_h >= from && e.t_h < to)
            .filter_map(|e| match &e.kind {
                EventKind::LetDown {
                    made_available_ml, ..
                } => Some(made_available_ml[0] + made_available_ml[1]),
                _ => None,
            })
            .collect()
    };
    let (b, w) = (
        lactosim::simulate(&base).unwrap(),
        lactosim::simulate(&wine).unwrap(),
    );
    // Before the drink the runs are the same.
    assert_eq!(made(&b, 0.0, 490.0), made(&w, 0.0, 490.0));
    // In the hours after it each let-down moves less milk than on the day without (per let-down,
    // on average); a day later it is gone and the let-downs are as strong again.
    let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
    let (mb, mw) = (mean(made(&b, 490.0, 493.0)), mean(made(&w, 490.0, 493.0)));
    assert!(
        mw < 0.85 * mb,
        "with wine {mw:.1} ml a let-down, without {mb:.1}"
    );
    let (lb, lw) = (mean(made(&b, 520.0, 540.0)), mean(made(&w, 520.0, 540.0)));
    assert!((lw / lb - 1.0).abs() < 0.15, "{lw:.1} vs {lb:.1}");
}

#[test]
fn b4_b6_b7_what_reaches_the_baby_is_as_published() {
    for id in ["B4", "B6", "B7"] {
        let o = validate::check(id).unwrap();
        assert!(o.pass, "{id}: {}", o.model);
    }
}

#[test]
fn a_plots_curve_is_the_concentration_at_each_time() {
    let taken = [
        Taken {
            at_h: 20.0,
            dose_mg: 14_000.0,
        },
        Taken {
            at_h: 21.5,
            dose_mg: 14_000.0,
        },
    ];
    let times: Vec<f64> = (0..60).map(|i| 19.0 + i as f64 / 10.0).collect();
    for s in [Substance::Alcohol, Substance::Caffeine] {
        let curve = plasma_curve(s, &taken, MOTHER_KG, &times);
        for (t, c) in times.iter().zip(&curve) {
            let one = plasma_mg_per_l(s, &taken, MOTHER_KG, *t);
            assert!(
                (c - one).abs() <= 1e-6 * one.max(1.0),
                "{s:?} at {t}: {c} vs {one}"
            );
        }
    }
}

#[test]
fn a_mother_who_only_pumps_has_no_breastfeed_to_carry_anything() {
    let mut sc = validate::common::pump_scenario();
    sc.schedule.mother_takes = vec![Dosing::everyday(Substance::Caffeine, 5.0, sc.horizon_days)];
    let run = lactosim::simulate(&sc).unwrap();
    let r = reached(&sc, &run);
    assert!(r[0].feeds.is_empty());
    let d = r[0].day(6).unwrap();
    // None is +0 (an empty sum is −0.0, which reads "-0").
    assert_eq!(d.baby_mg.to_bits(), 0.0f64.to_bits());
    assert_eq!(d.rid_pct.map(f64::to_bits), Some(0.0f64.to_bits()));
}

#[test]
fn a_course_that_starts_after_the_run_reaches_nothing_in_it() {
    let mut sc = lactosim::Scenario::default();
    sc.schedule.mother_takes = vec![Dosing::everyday(Substance::Caffeine, 30.0, 40.0)];
    let run = lactosim::simulate(&sc).unwrap();
    assert!(reached(&sc, &run).is_empty());
    // And one whose first dose falls in the run's last part-day has no whole day to show.
    sc.horizon_days = 20.25;
    sc.schedule.mother_takes = vec![Dosing::everyday(Substance::Caffeine, 20.0, 21.0)];
    let run = lactosim::simulate(&sc).unwrap();
    let r = reached(&sc, &run);
    assert!(
        r.iter()
            .all(|r| r.days.iter().all(|d| d.day < run.days.len()))
    );
}
