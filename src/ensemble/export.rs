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
fn band_header<'a>(columns: impl Iterator<Item = &'a str>) -> Vec<String> {
    columns
        .flat_map(|c| Bands::COLUMNS.map(|p| format!("{c}_{p}")))
        .collect()
}

pub fn write_days(ens: &EnsembleRun, path: &Path) -> Result<()> {
    let n = ens.days(DayQuantity::Production).len();
    let keys: Vec<String> = (0..n).map(|d| d.to_string()).collect();
    let columns = DayQuantity::ALL.map(|q| (q.column(), ens.days(q)));
    write_bands(path, "day", &keys, &columns)
}

pub fn write_series(ens: &EnsembleRun, path: &Path) -> Result<()> {
    let keys: Vec<String> = ens.t_h.iter().map(|t| num(*t)).collect();
    let columns = Quantity::ALL.map(|q| (q.column(), ens.series(q)));
    write_bands(path, "t_h", &keys, &columns)
}

/// A table of bands: the key column (`day` or `t_h`), then `quantity_p10 … quantity_p90` for each
/// quantity, one row per key.
fn write_bands(
    path: &Path,
    key: &str,
    keys: &[String],
    columns: &[(&str, &[Bands])],
) -> Result<()> {
    let mut w = writer(path)?;
    let mut header = vec![key.to_owned()];
    header.extend(band_header(columns.iter().map(|(name, _)| *name)));
    w.write_record(&header)?;
    for (i, k) in keys.iter().enumerate() {
        let mut row = vec![k.clone()];
        for (_, bands) in columns {
            row.extend(bands[i].values().map(num));
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
