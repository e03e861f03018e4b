//! An ensemble as CSV files: `days_percentiles.csv` (per day and quantity), `series_percentiles.csv`
//! (per sampled time and quantity) and `members.csv` (each member's drawn quantities and what she
//! came to), and the per-day table the command line prints.

use std::path::Path;

use anyhow::Result;

use super::bands::Bands;
use super::run::{DayQuantity, EnsembleRun, Outcome, Quantity};
use super::spread::Sampled;
use crate::export::{num, writer};

/// Write the three files into `dir` (created if missing).
pub fn write_csv_dir(ens: &EnsembleRun, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    write_days(ens, &dir.join("days_percentiles.csv"))?;
    write_series(ens, &dir.join("series_percentiles.csv"))?;
    write_members(ens, &dir.join("members.csv"))?;
    Ok(())
}

/// `quantity_p10 … quantity_p90` for each quantity.
fn band_header(columns: impl Iterator<Item = &'static str>) -> Vec<String> {
    columns
        .flat_map(|c| Bands::COLUMNS.map(|p| format!("{c}_{p}")))
        .collect()
}

pub fn write_days(ens: &EnsembleRun, path: &Path) -> Result<()> {
    let mut w = writer(path)?;
    let mut header = vec!["day".to_owned()];
    header.extend(band_header(DayQuantity::ALL.iter().map(|q| q.column())));
    w.write_record(&header)?;
    let n = ens.days(DayQuantity::Production).len();
    for d in 0..n {
        let mut row = vec![d.to_string()];
        for q in DayQuantity::ALL {
            row.extend(ens.days(q)[d].values().map(num));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_series(ens: &EnsembleRun, path: &Path) -> Result<()> {
    let mut w = writer(path)?;
    let mut header = vec!["t_h".to_owned()];
    header.extend(band_header(Quantity::ALL.iter().map(|q| q.column())));
    w.write_record(&header)?;
    for (k, t) in ens.t_h.iter().enumerate() {
        let mut row = vec![num(*t)];
        for q in Quantity::ALL {
            row.extend(ens.series(q)[k].values().map(num));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_members(ens: &EnsembleRun, path: &Path) -> Result<()> {
    let mut w = writer(path)?;
    let mut header = vec!["member".to_owned()];
    header.extend(Sampled::COLUMNS.iter().map(|c| c.to_string()));
    header.extend(Outcome::COLUMNS.iter().map(|c| c.to_string()));
    w.write_record(&header)?;
    for m in &ens.members {
        let mut row = vec![m.index.to_string()];
        row.extend(m.sampled.values().map(num));
        row.extend(m.outcome.values().map(num));
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// The per-day table the command line prints: for each day, the median and the 10th–90th
/// percentile range of the milk made, the baby's intake and the breastfeeds.
pub fn day_table(ens: &EnsembleRun) -> String {
    let mut s = String::from(
        "day  made_ml p50 (p10–p90)   intake_ml p50 (p10–p90)   feeds p50 (p10–p90)\n",
    );
    let cell = |b: &Bands, p: usize| {
        if b.p50.is_finite() {
            format!("{:.p$} ({:.p$}–{:.p$})", b.p50, b.p10, b.p90)
        } else {
            "-".to_owned()
        }
    };
    let made = ens.days(DayQuantity::Production);
    let intake = ens.days(DayQuantity::Intake);
    let feeds = ens.days(DayQuantity::Breastfeeds);
    for d in 0..made.len() {
        s.push_str(&format!(
            "{d:>3}  {:<24}  {:<24}  {}\n",
            cell(&made[d], 0),
            cell(&intake[d], 0),
            cell(&feeds[d], 0)
        ));
    }
    s
}
