//! What the mother takes reaches the milk (issue "From blood to milk", B3–B11): caffeine's
//! half-life as entered, alcohol in milk peaking 30–60 min after a drink and following blood
//! down, each feed's dose the milk's concentration times what the baby drank, fibre never in milk.

use lactosim::model::milk_transfer::{
    Passing, Taken, feed_doses, milk_mg_per_l, plasma_mg_per_l, relative_infant_dose_pct,
};

const MOTHER_KG: f64 = 70.0;

#[test]
fn caffeine_halves_every_half_life_once_absorbed() {
    let cup = [Taken {
        at_h: 0.0,
        dose_mg: 95.0,
    }];
    let c = |t| plasma_mg_per_l(Passing::Caffeine, &cup, MOTHER_KG, t);
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
    let milk = |t| milk_mg_per_l(Passing::Alcohol, &drink, MOTHER_KG, t);
    let blood = |t| plasma_mg_per_l(Passing::Alcohol, &drink, MOTHER_KG, t);
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
    for &t in &minutes {
        assert!(
            (milk(t) - blood(t)).abs() < 1e-9,
            "milk follows blood (M/P 1)"
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
    assert!(milk_mg_per_l(Passing::Alcohol, &two, MOTHER_KG, 22.0) > milk(22.0));
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
    let feeds = feed_doses(Passing::Caffeine, &taken, MOTHER_KG, &run);
    assert!(feeds.len() > 150);
    for f in &feeds {
        let s = &run.sessions[f.session];
        let drank: f64 = s.removed_ml.iter().sum();
        let c = milk_mg_per_l(
            Passing::Caffeine,
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
        feed_doses(Passing::Fibre, &taken, MOTHER_KG, &run)
            .iter()
            .all(|f| f.dose_mg == 0.0)
    );
}
