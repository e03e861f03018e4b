//! Comparing with a pinned baseline: the table of headline numbers, baseline vs. now.

use egui::{Grid, RichText, Ui};

use crate::summary::Metrics;

/// One row of the comparison: its label, unit, decimals and how to read it from [`Metrics`].
struct Row {
    label: &'static str,
    help: &'static str,
    unit: &'static str,
    decimals: usize,
    get: fn(&Metrics) -> Option<f64>,
}

const ROWS: &[Row] = &[
    Row {
        label: "Milk made, last day",
        help: "What the breasts synthesised on the last simulated day.",
        unit: "ml",
        decimals: 0,
        get: |m| Some(m.last_day_production_ml),
    },
    Row {
        label: "Milk removed, last day",
        help: "What the breasts gave on the last simulated day (what a test-weighing study calls production). It moves with the number of feeds that fell on that day; milk made is the steadier measure of supply.",
        unit: "ml",
        decimals: 0,
        get: |m| Some(m.last_day_removed_ml),
    },
    Row {
        label: "Day 500 ml/day is reached",
        help: "The first day on which 500 ml or more was removed, in days since birth (day 0 is the day of birth, as on the time axis).",
        unit: "",
        decimals: 0,
        get: |m| m.day_reaching_500_ml.map(|d| d as f64),
    },
    Row {
        label: "Feeds and pump sessions a day",
        help: "Over the last 7 days.",
        unit: "",
        decimals: 1,
        get: |m| Some(m.sessions_per_day),
    },
    Row {
        label: "Let-downs per session",
        help: "Over the last 7 days.",
        unit: "",
        decimals: 1,
        get: |m| Some(m.letdowns_per_session),
    },
    Row {
        label: "Mean fat of the milk",
        help: "Volume-weighted over the last 7 days.",
        unit: "g/L",
        decimals: 1,
        get: |m| m.mean_fat_g_l.is_finite().then_some(m.mean_fat_g_l),
    },
    Row {
        label: "Peak fullness from day 5",
        help: "The fullest either breast got from day 5 on, as a share of its storage capacity (100% = as full as it can be).",
        unit: "%",
        decimals: 0,
        get: |m| Some(100.0 * m.peak_fullness_after_day_5),
    },
    Row {
        label: "Left breast's share",
        help: "Share of the last week's milk that came from the left breast.",
        unit: "%",
        decimals: 0,
        get: |m| Some(100.0 * m.left_share),
    },
];

fn fmt(v: Option<f64>, r: &Row) -> String {
    match v {
        Some(v) if r.unit.is_empty() => format!("{v:.*}", r.decimals),
        Some(v) => format!("{v:.*} {}", r.decimals, r.unit),
        None => "never".into(),
    }
}

/// The difference, signed, with the relative change where it means something.
fn diff(now: Option<f64>, base: Option<f64>, r: &Row) -> String {
    match (now, base) {
        (Some(n), Some(b)) => {
            let d = n - b;
            let mut s = format!("{d:+.*}", r.decimals);
            if !r.unit.is_empty() && r.unit != "%" {
                s.push(' ');
                s.push_str(r.unit);
            }
            if r.unit == "%" {
                s.push_str(" points");
            } else if b.abs() > 1e-9 && r.unit == "ml" {
                s.push_str(&format!(" ({:+.0}%)", 100.0 * d / b));
            }
            s
        }
        (None, None) => "".into(),
        _ => "changed".into(),
    }
}

/// The cells of the comparison, row by row: label and help, then baseline, now and difference
/// (or only now, before a run is pinned). The table and the clipboard text both show these.
fn cells(now: &Metrics, baseline: Option<&Metrics>) -> Vec<(&'static Row, Vec<String>)> {
    ROWS.iter()
        .map(|r| {
            let n = (r.get)(now);
            let values = match baseline {
                Some(b) => {
                    let bv = (r.get)(b);
                    vec![fmt(bv, r), fmt(n, r), diff(n, bv, r)]
                }
                None => vec![fmt(n, r)],
            };
            (r, values)
        })
        .collect()
}

/// The heading of the baseline's column (and its name wherever it is shown): the scenario's name
/// as it was when the run was pinned, so that it stays told apart from the run of now.
pub fn baseline_label(name: &str) -> String {
    format!("baseline: {name}")
}

/// The comparison table. `baseline` (its name when pinned, and its numbers) is `None` until a
/// run is pinned.
pub fn table(ui: &mut Ui, now: &Metrics, baseline: Option<(&str, &Metrics)>) {
    let headers: Vec<String> = match baseline {
        Some((name, _)) => vec![
            String::new(),
            baseline_label(name),
            "now".to_owned(),
            "difference".to_owned(),
        ],
        None => vec![String::new(), "now".to_owned()],
    };
    Grid::new("comparison")
        .num_columns(headers.len())
        .striped(true)
        .show(ui, |ui| {
            for h in &headers {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (r, values) in cells(now, baseline.map(|(_, m)| m)) {
                ui.label(r.label).on_hover_text(r.help);
                for v in values {
                    ui.label(v);
                }
                ui.end_row();
            }
        });
}

/// The comparison as text, one tab-separated row per line (for the clipboard).
pub fn as_text(now: &Metrics, baseline: Option<&Metrics>) -> String {
    cells(now, baseline)
        .into_iter()
        .map(|(r, values)| format!("{}\t{}\n", r.label, values.join("\t")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_with_sign_unit_and_percent() {
        let r = &ROWS[1];
        assert_eq!(r.label, "Milk removed, last day");
        assert_eq!(diff(Some(600.0), Some(800.0), r), "-200 ml (-25%)");
        assert_eq!(fmt(None, &ROWS[2]), "never");
        assert_eq!(diff(Some(50.0), Some(40.0), &ROWS[6]), "+10 points");
    }

    #[test]
    fn the_clipboard_text_has_the_table_s_cells() {
        let sc = crate::Scenario::default();
        let m = Metrics::of(&crate::simulate(&sc).unwrap());
        let text = as_text(&m, Some(&m));
        assert_eq!(text.lines().count(), ROWS.len());
        let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
        assert_eq!(first.len(), 4);
        assert_eq!(first[0], "Milk made, last day");
        assert_eq!(first[3], "+0 ml (+0%)");
        assert_eq!(
            as_text(&m, None)
                .lines()
                .next()
                .unwrap()
                .split('\t')
                .count(),
            2
        );
    }
}
