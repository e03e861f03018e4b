//! A run as CSV files: `series.csv`, `events.csv`, `sessions.csv`, `days.csv`, `pathways.csv`,
//! and, when the mother takes something that passes into milk, `reaches_milk.csv`; each with a
//! header
//! row whose column names carry their units. The command line's `--out` and the GUI's export
//! both write these.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::run::{Component, EventKind, Run};
use crate::scenario::{Breast, Scenario};
use crate::schedule::format_time_h;

/// The files of `run` (the run of `sc`), each its name and its bytes: what [`write_csv_dir`]
/// writes into a folder, and what the browser, which has no folders, downloads one by one.
pub fn csv_files(sc: &Scenario, run: &Run) -> Result<Vec<(&'static str, Vec<u8>)>> {
    fn file(
        name: &'static str,
        fill: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> Result<()>,
    ) -> Result<(&'static str, Vec<u8>)> {
        let mut w = csv::Writer::from_writer(Vec::new());
        fill(&mut w)?;
        let bytes = w
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot finish {name}: {}", e.error()))?;
        Ok((name, bytes))
    }
    let mut files = vec![
        file("series.csv", |w| write_series(run, w))?,
        file("events.csv", |w| write_events(run, w))?,
        file("sessions.csv", |w| write_sessions(run, w))?,
        file("days.csv", |w| write_days(run, w))?,
        file("pathways.csv", |w| write_pathways(run, w))?,
    ];
    let reached = crate::model::milk_transfer::reached(sc, run);
    if !reached.is_empty() {
        files.push(file("reaches_milk.csv", |w| {
            write_reaches_milk(&reached, run, w)
        })?);
    }
    Ok(files)
}

/// Write the files of `run` (the run of `sc`) into `dir` (created if missing); returns their
/// names.
pub fn write_csv_dir(sc: &Scenario, run: &Run, dir: &Path) -> Result<Vec<&'static str>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let files = csv_files(sc, run)?;
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(files.into_iter().map(|(name, _)| name).collect())
}

/// `reaches_milk.csv`: for each substance she takes that passes into milk, each breastfeed from
/// her first dose on — when, what the baby drank, the milk's concentration at the feed's middle
/// and what the feed carried (`model::milk_transfer`).
fn write_reaches_milk<W: Write>(
    reached: &[crate::model::milk_transfer::Reached],
    run: &Run,
    w: &mut csv::Writer<W>,
) -> Result<()> {
    w.write_record([
        "substance",
        "session",
        "start_h",
        "start",
        "drank_ml",
        "milk_mg_per_l",
        "carried_mg",
    ])?;
    for r in reached {
        let first = r.taken.first().map_or(f64::INFINITY, |t| t.at_h);
        for f in r.feeds.iter().filter(|f| f.t_h >= first) {
            let start_h = run.sessions[f.session].start_h;
            w.write_record([
                r.substance.name().to_owned(),
                f.session.to_string(),
                format!("{start_h:.4}"),
                format_time_h(start_h),
                format!("{:.3}", f.drank_ml),
                format!("{:.6}", f.milk_mg_per_l),
                format!("{:.6}", f.dose_mg),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// `pathways.csv`: per sample and breast, what each secretory pathway moved per hour over the
/// interval ending at `t_h` (paracellular amounts net into the milk: lactose negative, out), how
/// open the junctions are, and what the gland took from the blood for it (B1; stoichiometry,
/// `model::pathways`).
fn write_pathways<W: Write>(run: &Run, w: &mut csv::Writer<W>) -> Result<()> {
    use crate::model::pathways::{PathwayTotals, from_blood};
    let mut header = vec!["t_h", "breast", "junction_leak_0_to_1"];
    header.extend(PathwayTotals::RATE_COLUMNS);
    header.extend([
        "blood_ml_per_h",
        "glucose_g_per_h",
        "amino_acids_g_per_h",
        "fatty_acids_g_per_h",
    ]);
    w.write_record(&header)?;
    let s = &run.series;
    let rates = Breast::BOTH.map(|b| s.pathway_rates(b));
    for (i, t_h) in s.t_h.iter().enumerate() {
        for b in Breast::BOTH {
            let r = &rates[b.index()][i];
            let blood = from_blood(r);
            let mut row = vec![
                num(*t_h),
                b.name().to_owned(),
                num(s.glands[b.index()].junction_leak_0_to_1[i]),
            ];
            row.extend(r.values().map(num));
            row.extend([
                num(blood.blood_ml),
                num(blood.glucose_g),
                num(blood.amino_acids_g),
                num(blood.fatty_acids_g),
            ]);
            w.write_record(&row)?;
        }
    }
    w.flush()?;
    Ok(())
}

pub(crate) fn writer(path: &Path) -> Result<csv::Writer<std::fs::File>> {
    csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))
}

pub(crate) fn num(v: f64) -> String {
    if v.is_finite() {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s.is_empty() || s == "-" {
            "0".to_owned()
        } else {
            s.to_owned()
        }
    } else {
        String::new()
    }
}

fn write_series<W: Write>(run: &Run, w: &mut csv::Writer<W>) -> Result<()> {
    let mut header: Vec<String> = [
        "t_h",
        "prolactin_ng_ml",
        "oxytocin_pg_ml",
        "production_24h_ml",
        "removed_24h_ml",
        "appetite_ml_day",
        "prolactin_release_factor",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for b in Breast::BOTH {
        for c in [
            "stored_ml",
            "fullness",
            "synthesis_ml_h",
            "secretory_capacity_ml_h",
            "junction_leak",
        ] {
            header.push(format!("{}_{c}", b.name()));
        }
    }
    for c in Component::ALL {
        header.push(format!("stored_{}", c.column()));
    }
    w.write_record(&header)?;
    let s = &run.series;
    for i in 0..s.len() {
        let mut row = vec![
            num(s.t_h[i]),
            num(s.prolactin_ng_ml[i]),
            num(s.oxytocin_pg_ml[i]),
            num(s.production_24h_ml[i]),
            num(s.removed_24h_ml[i]),
            num(s.appetite_ml_per_day[i]),
            num(s.prolactin_release_factor[i]),
        ];
        for g in &s.glands {
            row.extend([
                num(g.stored_ml[i]),
                num(g.fullness_0_to_1[i]),
                num(g.synthesis_ml_per_h[i]),
                num(g.secretory_capacity_ml_per_h[i]),
                num(g.junction_leak_0_to_1[i]),
            ]);
        }
        for c in Component::ALL {
            row.push(num(s.stored_milk[i].get(c)));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

fn write_events<W: Write>(run: &Run, w: &mut csv::Writer<W>) -> Result<()> {
    w.write_record([
        "t_h",
        "time",
        "event",
        "session",
        "breast",
        "left_made_available_ml",
        "right_made_available_ml",
        "unmet_ml",
        "substance",
        "dose_mg",
    ])?;
    for e in &run.events {
        let mut dose = (String::new(), String::new());
        let (session, breast, made, unmet) = match &e.kind {
            EventKind::SessionStart { session } | EventKind::SessionEnd { session } => {
                (session.to_string(), String::new(), None, None)
            }
            EventKind::LetDown {
                session,
                made_available_ml,
            } => (
                session.to_string(),
                String::new(),
                Some(*made_available_ml),
                None,
            ),
            EventKind::Engorgement { breast }
            | EventKind::JunctionsReopened { breast }
            | EventKind::Involution { breast } => {
                (String::new(), breast.name().to_owned(), None, None)
            }
            EventKind::UnmetAppetite { unmet_ml, .. } => {
                (String::new(), String::new(), None, Some(*unmet_ml))
            }
            EventKind::Dose {
                substance, dose_mg, ..
            } => {
                dose = (substance.name().to_owned(), num(*dose_mg));
                (String::new(), String::new(), None, None)
            }
        };
        w.write_record([
            num(e.t_h),
            format_time_h(e.t_h),
            e.kind.name().to_owned(),
            session,
            breast,
            made.map_or(String::new(), |m| num(m[0])),
            made.map_or(String::new(), |m| num(m[1])),
            unmet.map_or(String::new(), num),
            dose.0,
            dose.1,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_sessions<W: Write>(run: &Run, w: &mut csv::Writer<W>) -> Result<()> {
    let mut header: Vec<String> = [
        "session",
        "start_h",
        "end_h",
        "start",
        "duration_min",
        "kind",
        "side",
        "origin",
        "left_removed_ml",
        "right_removed_ml",
        "total_removed_ml",
        "left_stored_at_start_ml",
        "right_stored_at_start_ml",
        "share_removed",
        "letdowns",
        "first_letdown_s",
        "first_milk_fat_g_l",
        "last_milk_fat_g_l",
        "prolactin_start_ng_ml",
        "prolactin_peak_ng_ml",
        "prolactin_peak_min",
        "satisfied",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in Component::ALL {
        header.push(c.column().to_owned());
    }
    w.write_record(&header)?;
    for (i, s) in run.sessions.iter().enumerate() {
        let origin = match s.origin {
            crate::schedule::Origin::Rule(r) => format!("rule {r}"),
            crate::schedule::Origin::Single(r) => format!("session {r}"),
            crate::schedule::Origin::Responsive => "on demand".to_owned(),
        };
        let mut row = vec![
            i.to_string(),
            num(s.start_h),
            num(s.end_h),
            format_time_h(s.start_h),
            num(s.duration_min()),
            s.kind.name().to_owned(),
            s.side.name().to_owned(),
            origin,
            num(s.removed_ml[0]),
            num(s.removed_ml[1]),
            num(s.total_removed_ml()),
            num(s.stored_at_start_ml[0]),
            num(s.stored_at_start_ml[1]),
            num(s.share_removed()),
            s.letdowns_h.len().to_string(),
            s.letdowns_h
                .first()
                .map_or(String::new(), |t| num((t - s.start_h) * 3600.0)),
            num(s.first_milk_fat_g_l),
            num(s.last_milk_fat_g_l),
            num(s.prolactin_start_ng_ml),
            num(s.prolactin_peak_ng_ml),
            num((s.prolactin_peak_h - s.start_h) * 60.0),
            s.satisfied.to_string(),
        ];
        for c in Component::ALL {
            row.push(num(s.milk.get(c)));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

fn write_days<W: Write>(run: &Run, w: &mut csv::Writer<W>) -> Result<()> {
    let mut header: Vec<String> = [
        "day",
        "production_ml",
        "left_production_ml",
        "right_production_ml",
        "removed_ml",
        "left_removed_ml",
        "right_removed_ml",
        "appetite_ml",
        "intake_ml",
        "pumped_ml",
        "breastfeeds",
        "pump_sessions",
        "letdowns",
        "mean_prolactin_ng_ml",
        "peak_fullness",
        "left_secretory_capacity_ml_h",
        "right_secretory_capacity_ml_h",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in Component::ALL {
        header.push(c.column().to_owned());
    }
    w.write_record(&header)?;
    for d in &run.days {
        let mut row = vec![
            d.day.to_string(),
            num(d.total_production_ml()),
            num(d.production_ml[0]),
            num(d.production_ml[1]),
            num(d.total_removed_ml()),
            num(d.removed_ml[0]),
            num(d.removed_ml[1]),
            num(d.appetite_ml),
            num(d.intake_ml),
            num(d.pumped_ml),
            d.breastfeeds.to_string(),
            d.pump_sessions.to_string(),
            d.letdowns.to_string(),
            num(d.mean_prolactin_ng_ml),
            num(d.peak_fullness_0_to_1),
            num(d.secretory_capacity_ml_per_h[0]),
            num(d.secretory_capacity_ml_per_h[1]),
        ];
        for c in Component::ALL {
            row.push(num(d.milk.get(c)));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// The per-day table the command line prints.
pub fn day_table(run: &Run) -> String {
    let mut s = String::new();
    s.push_str(
        "day  made_ml  removed_ml  left_ml  right_ml  feeds  pumps  letdowns  fat_g_l  lactose_g_l  na_mmol_l  siga_g_l  prl_ng_ml  peak_full\n",
    );
    for d in &run.days {
        let f = |v: f64, p: usize| {
            if v.is_finite() {
                format!("{v:.p$}")
            } else {
                "-".to_owned()
            }
        };
        s.push_str(&format!(
            "{:>3}  {:>7}  {:>10}  {:>7}  {:>8}  {:>5}  {:>5}  {:>8}  {:>7}  {:>11}  {:>9}  {:>8}  {:>9}  {:>9}\n",
            d.day,
            f(d.total_production_ml(), 0),
            f(d.total_removed_ml(), 0),
            f(d.removed_ml[0], 0),
            f(d.removed_ml[1], 0),
            d.breastfeeds,
            d.pump_sessions,
            d.letdowns,
            f(d.milk.fat_g_l, 1),
            f(d.milk.lactose_g_l, 1),
            f(d.milk.sodium_mmol_l, 1),
            f(d.milk.siga_g_l, 2),
            f(d.mean_prolactin_ng_ml, 0),
            f(d.peak_fullness_0_to_1, 2),
        ));
    }
    s
}
