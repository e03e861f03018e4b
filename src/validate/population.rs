//! Between mothers: rows P5–P8 of `../shared/physiology/targets.md`. An ensemble of the default
//! on-demand scenario (its inputs drawn from P1–P4, see `crate::ensemble::spread`) must bring
//! out the published spread of what mothers make and how they feed: these figures come out of
//! the model, they are not sampled.

use crate::ensemble::{Bands, Member};
use crate::same_math::SameMath;

use super::{Outcome, Reads, Row, Runs};

/// Mothers in the validation ensemble.
pub const POPULATION_MEMBERS: usize = 300;
/// Its days: the last week (days 35–41) lies in the second month ("1–6 months").
pub const POPULATION_DAYS: f64 = 42.0;

pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "P5",
            measured: "24-h production between mothers, second month, on demand",
            published: "788 ± 169 ml/day (478–1356). Hit: ensemble mean 700–880, SD 100–250, \
                        5th–95th percentile inside 450–1400",
            source: "Kent et al. 2006",
            note: None,
            reads: the_mothers,
            check: p5_production_spread,
        },
        Row {
            id: "P6",
            measured: "breastfeeds a day between mothers, and their link to production",
            published: "11 ± 3 (6–18), unrelated to 24-h production. Hit: mean 8–14, SD ≥ 1.5, \
                        none above 18; correlation of feeds with production within ±0.3",
            source: "Kent et al. 2006",
            note: None,
            reads: the_mothers,
            check: p6_feeds_spread,
        },
        Row {
            id: "P7",
            measured: "milk per breastfeed; share of the available milk removed, between mothers",
            published: "76 ± 13 g; 67 ± 8%. Hit: means inside 55–100 ml and 55–80%",
            source: "Kent et al. 2006",
            note: None,
            reads: the_mothers,
            check: p7_milk_per_feed,
        },
        Row {
            id: "P8",
            measured: "production on day 4 between mothers (the model's count; \"day 5\" in Saint)",
            published: "705 g (452–876). Hit: the ensemble's 10th–90th percentile overlaps 450–880",
            source: "Saint, Smith & Hartmann 1984",
            note: None,
            reads: the_mothers,
            check: p8_day_four,
        },
    ]
}

/// Every P row reads the ensemble of mothers.
fn the_mothers() -> Reads {
    Reads::Population
}

fn column(members: &[Member], f: impl Fn(&Member) -> f64) -> Vec<f64> {
    members.iter().map(f).filter(|v| v.is_finite()).collect()
}

fn mean_sd(v: &[f64]) -> (f64, f64) {
    let n = v.len().max(1) as f64;
    let mean = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - mean).same_powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, var.sqrt())
}

fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let (mx, sx) = mean_sd(x);
    let (my, sy) = mean_sd(y);
    let n = x.len().min(y.len());
    let cov = x
        .iter()
        .zip(y)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (n as f64 - 1.0).max(1.0);
    cov / (sx * sy)
}

fn p5_production_spread(runs: &Runs) -> Outcome {
    let e = runs.population();
    let mut made = column(&e.members, |m| m.outcome.production_ml_per_day);
    let (mean, sd) = mean_sd(&made);
    made.sort_by(f64::total_cmp);
    let (p5, p95) = (
        crate::ensemble::bands::percentile(&made, 0.05),
        crate::ensemble::bands::percentile(&made, 0.95),
    );
    Outcome::new(
        (700.0..=880.0).contains(&mean)
            && (100.0..=250.0).contains(&sd)
            && p5 >= 450.0
            && p95 <= 1400.0,
        format!(
            "mean {mean:.0} ± {sd:.0} ml/day (SD), 5th–95th percentile {p5:.0}–{p95:.0} ({} mothers, days 35–41)",
            made.len()
        ),
    )
}

fn p6_feeds_spread(runs: &Runs) -> Outcome {
    let e = runs.population();
    let pairs: Vec<(f64, f64)> = e
        .members
        .iter()
        .map(|m| {
            (
                m.outcome.breastfeeds_per_day,
                m.outcome.production_ml_per_day,
            )
        })
        .filter(|(f, p)| f.is_finite() && p.is_finite())
        .collect();
    let feeds: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let made: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let (mean, sd) = mean_sd(&feeds);
    let most = feeds.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let r = correlation(&feeds, &made);
    Outcome::new(
        (8.0..=14.0).contains(&mean) && sd >= 1.5 && most <= 18.0 && r.abs() <= 0.3,
        format!(
            "mean {mean:.1} ± {sd:.1} a day (SD), most {most:.1}; correlation with production {r:+.2}"
        ),
    )
}

fn p7_milk_per_feed(runs: &Runs) -> Outcome {
    let e = runs.population();
    let (ml, _) = mean_sd(&column(&e.members, |m| m.outcome.milk_per_breastfeed_ml));
    let (share, _) = mean_sd(&column(&e.members, |m| m.outcome.share_removed));
    Outcome::new(
        (55.0..=100.0).contains(&ml) && (0.55..=0.80).contains(&share),
        format!(
            "mean {ml:.0} ml per breastfeed; {:.0}% of the available milk removed",
            share * 100.0
        ),
    )
}

fn p8_day_four(runs: &Runs) -> Outcome {
    let e = runs.population();
    let b = Bands::of(&mut column(&e.members, |m| m.outcome.day4_production_ml));
    Outcome::new(
        b.p10 <= 880.0 && b.p90 >= 450.0,
        format!(
            "10th–90th percentile {:.0}–{:.0} ml (median {:.0})",
            b.p10, b.p90, b.p50
        ),
    )
}
