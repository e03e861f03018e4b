//! Comparing with a pinned baseline at a chosen day: the day chooser, the table of headline
//! numbers (baseline vs. now) and the sentence the header shows, all read at that day.

use egui::{Grid, RichText, Ui};

use super::Command;
use super::mothers::MothersView;
use super::runner::Simulated;
use crate::ensemble::DayQuantity;
use crate::run::Run;
use crate::summary::{Metrics, complete_days, shared_complete_days};

/// One row of the comparison: its label, unit, decimals and how to read it from [`Metrics`].
struct Row {
    label: &'static str,
    help: &'static str,
    unit: &'static str,
    decimals: usize,
    get: fn(&Metrics) -> Option<f64>,
    /// What the cell says when there is no value.
    missing: &'static str,
    /// The quantity of the ensemble's day bands that gives this row its range, if any.
    range: Option<DayQuantity>,
}

const ROWS: &[Row] = &[
    Row {
        label: "Milk made that day",
        help: "What the breasts synthesised on the day compared.",
        unit: "ml",
        decimals: 0,
        get: |m| Some(m.last_day_production_ml),
        missing: "–",
        range: Some(DayQuantity::Production),
    },
    Row {
        label: "Milk removed that day",
        help: "What the breasts gave on the day compared (what a test-weighing study calls production). It moves with the number of feeds that fell on that day; milk made is the steadier measure of supply.",
        unit: "ml",
        decimals: 0,
        get: |m| Some(m.last_day_removed_ml),
        missing: "–",
        range: Some(DayQuantity::Removed),
    },
    Row {
        label: "Day 500 ml/day is reached",
        help: "The first day, up to the day compared, on which 500 ml or more was removed, in days since birth (day 0 is the day of birth, as on the time axis).",
        unit: "",
        decimals: 0,
        get: |m| m.day_reaching_500_ml.map(|d| d as f64),
        missing: "not by then",
        range: None,
    },
    Row {
        label: "Feeds and pump sessions a day",
        help: "Over the 7 days ending with the day compared (over fewer before day 6: from day 0).",
        unit: "",
        decimals: 1,
        get: |m| Some(m.sessions_per_day),
        missing: "–",
        range: None,
    },
    Row {
        label: "Let-downs per session",
        help: "Over the 7 days ending with the day compared (over fewer before day 6: from day 0).",
        unit: "",
        decimals: 1,
        get: |m| Some(m.letdowns_per_session),
        missing: "–",
        range: None,
    },
    Row {
        label: "Mean fat of the milk",
        help: "Volume-weighted over the 7 days ending with the day compared (over fewer before day 6: from day 0).",
        unit: "g/L",
        decimals: 1,
        get: |m| m.mean_fat_g_l.is_finite().then_some(m.mean_fat_g_l),
        missing: "no milk",
        range: None,
    },
    Row {
        label: "Peak fullness from day 5",
        help: "The fullest either breast got from day 5 up to the day compared, as a share of its storage capacity (100% = as full as it can be).",
        unit: "%",
        decimals: 0,
        get: |m| (m.day >= 5).then_some(100.0 * m.peak_fullness_after_day_5),
        missing: "before day 5",
        range: None,
    },
    Row {
        label: "Left breast's share",
        help: "Share of the milk removed over the 7 days ending with the day compared that came from the left breast (over fewer before day 6: from day 0).",
        unit: "%",
        decimals: 0,
        get: |m| Some(100.0 * m.left_share),
        missing: "–",
        range: None,
    },
];

fn fmt(v: Option<f64>, r: &Row) -> String {
    match v {
        Some(v) if r.unit.is_empty() => format!("{v:.*}", r.decimals),
        Some(v) => format!("{v:.*} {}", r.decimals, r.unit),
        None => r.missing.into(),
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

/// The heading of the labels' column: the day the figures are read at.
fn day_label(day: Option<usize>) -> String {
    day.map_or_else(String::new, |d| format!("at day {d}"))
}

/// The column headings: the day, then the baseline (by its name when pinned), now and the
/// difference — or only now, before a run is pinned.
fn headers(day: Option<usize>, baseline_name: Option<&str>) -> Vec<String> {
    let mut h = vec![day_label(day)];
    if let Some(name) = baseline_name {
        h.push(baseline_label(name));
    }
    h.push("now".to_owned());
    if baseline_name.is_some() {
        h.push("difference".to_owned());
    }
    h
}

/// The comparison table. `baseline` (its name when pinned, and its numbers) is `None` until a
/// run is pinned; `day` is the day the figures are at.
pub fn table(
    ui: &mut Ui,
    day: Option<usize>,
    now: &Metrics,
    baseline: Option<(&str, &Metrics)>,
    ranges: &RangeColumns,
) {
    let headers = headers(day, baseline.map(|(name, _)| name));
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
    ranges_table(ui, ranges);
}

/// The ranges of mothers like her, under the table (its own few columns, so that the table does
/// not grow wider than the panel): only the rows that have one.
fn ranges_table(ui: &mut Ui, ranges: &RangeColumns) {
    if ranges.headers.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Mothers like her").strong())
        .on_hover_text(RANGE_HELP);
    Grid::new("comparison ranges")
        .num_columns(1 + ranges.headers.len())
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for h in &ranges.headers {
                ui.label(RichText::new(h).strong())
                    .on_hover_text(RANGE_HELP);
            }
            ui.end_row();
            for (i, r) in ROWS.iter().enumerate() {
                if ranges.cells.iter().all(|c| c[i].is_none()) {
                    continue;
                }
                ui.label(r.label).on_hover_text(r.help);
                for column in &ranges.cells {
                    ui.label(column[i].as_deref().unwrap_or(""));
                }
                ui.end_row();
            }
        });
}

/// Headings of the range columns, and what they mean.
pub const RANGE_NOW: &str = "now, 8 in 10";
pub const RANGE_CHANGE: &str = "change, 8 in 10";
const RANGE_HELP: &str = "Show how mothers differ: the 10th to 90th percentile of the mothers like her simulated — their value now, and the change from the baseline, each mother compared with herself (narrower than the two ranges side by side, which also hold how mothers differ).";

/// The table's range columns, once *Show how mothers differ* has run: the 10th–90th percentile
/// of mothers like her now, and, with a baseline's ensemble too, of the change (each mother
/// compared with herself).
#[derive(Default)]
pub struct RangeColumns {
    headers: Vec<String>,
    /// Per column, per row of [`ROWS`].
    cells: Vec<Vec<Option<String>>>,
}

impl RangeColumns {
    /// The ranges for the clipboard, after the table: a heading line, then a tab-separated row
    /// per row that has one (nothing before *Show how mothers differ* has run).
    pub fn as_text(&self) -> String {
        if self.headers.is_empty() {
            return String::new();
        }
        let mut text = format!("mothers like her\t{}\n", self.headers.join("\t"));
        for (i, r) in ROWS.iter().enumerate() {
            if self.cells.iter().any(|c| c[i].is_some()) {
                let cells: Vec<&str> = self
                    .cells
                    .iter()
                    .map(|c| c[i].as_deref().unwrap_or(""))
                    .collect();
                text.push_str(&format!("{}\t{}\n", r.label, cells.join("\t")));
            }
        }
        text
    }

    pub fn of(mothers: &MothersView, day: Option<usize>) -> Self {
        let (Some(day), Some(now)) = (day, mothers.current.as_ref()) else {
            return Self::default();
        };
        let mut out = Self {
            headers: vec![RANGE_NOW.to_owned()],
            cells: vec![
                ROWS.iter()
                    .map(|r| mothers.day_range(r.range?, day).map(|s| format!("{s} ml")))
                    .collect(),
            ],
        };
        if let Some(base) = &mothers.baseline {
            out.headers.push(RANGE_CHANGE.to_owned());
            out.cells.push(
                ROWS.iter()
                    .map(|r| {
                        let b = base
                            .ensemble
                            .effect(&now.ensemble, r.range?, day, day + 1)?;
                        b.p50
                            .is_finite()
                            .then(|| format!("{:+.0} to {:+.0} ml", b.p10, b.p90))
                    })
                    .collect(),
            );
        }
        out
    }
}

/// The comparison as text for the clipboard: a line naming the day and the two scenarios (pasted
/// into notes, the numbers must say what they are), the column headings, then one tab-separated
/// row per line.
pub fn as_text(
    day: Option<usize>,
    now_name: &str,
    now: &Metrics,
    baseline: Option<(&str, &Metrics)>,
) -> String {
    let at = day.map_or_else(String::new, |d| format!(" at day {d} (days since birth)"));
    let mut text = match baseline {
        Some((name, _)) => format!(
            "lactosim comparison{at}: {} and now: {now_name}\n",
            baseline_label(name)
        ),
        None => format!("lactosim{at}: {now_name}\n"),
    };
    text.push_str(&headers(day, baseline.map(|(name, _)| name)).join("\t"));
    text.push('\n');
    for (r, values) in cells(now, baseline.map(|(_, m)| m)) {
        text.push_str(&format!("{}\t{}\n", r.label, values.join("\t")));
    }
    text
}

/// Pin and clear, wherever they are offered (menu, header, Compare tab).
pub fn pin_buttons(ui: &mut Ui, can_pin: bool, can_clear: bool, commands: &mut Vec<Command>) {
    if ui
        .add_enabled(can_pin, egui::Button::new("Pin as baseline"))
        .on_hover_text("Keep this run to compare: the next runs are drawn over it (dashed, faded) and the Compare tab shows the difference.")
        .clicked()
    {
        commands.push(Command::PinBaseline);
    }
    if ui
        .add_enabled(can_clear, egui::Button::new("Clear baseline"))
        .clicked()
    {
        commands.push(Command::ClearBaseline);
    }
}

/// The comparison as read at one day, made when the runs or the day change (not every frame).
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The day compared (days since birth); `None` when the runs share no complete day.
    pub day: Option<usize>,
    pub now: Metrics,
    pub baseline: Option<Metrics>,
    /// The sentence for the header, when there is a baseline.
    pub words: Option<String>,
}

/// The Compare tab: which day to compare at, the table at that day and the sentence about it.
/// The day is view state, not the scenario: it is not saved and not undone.
#[derive(Default)]
pub struct ComparePanel {
    /// The day the person chose (days since birth); `None`: the last day both runs cover in full.
    chosen_day: Option<usize>,
    /// Complete days the runs compared share (of the run alone, before a baseline is pinned). A
    /// new length puts the day back to the last, so that it never points past the end.
    shared_days: usize,
    shown: Option<Comparison>,
}

/// The days a comparison can be read at: those both runs cover in full (the run's own before a
/// baseline is pinned).
fn days_to_compare(now: &Run, baseline: Option<&Run>) -> usize {
    baseline.map_or_else(|| complete_days(now), |b| shared_complete_days(now, b))
}

impl ComparePanel {
    /// The runs changed (a new run, a baseline pinned or cleared): compare again, at the last day
    /// if their length changed.
    pub fn runs_changed(&mut self, now: Option<&Simulated>, baseline: Option<&Simulated>) {
        let shared = now.map_or(0, |n| days_to_compare(&n.run, baseline.map(|b| &*b.run)));
        if shared != self.shared_days {
            self.chosen_day = None;
            self.shared_days = shared;
        }
        self.compare(now, baseline);
    }

    /// The comparison shown (`None` before there is a run).
    pub fn shown(&self) -> Option<&Comparison> {
        self.shown.as_ref()
    }

    /// The sentence comparing the run with the baseline at the day chosen.
    pub fn words(&self) -> Option<&str> {
        self.shown.as_ref()?.words.as_deref()
    }

    /// The day compared: the one chosen, or the last both runs cover in full.
    fn day(&self) -> Option<usize> {
        let last = self.shared_days.checked_sub(1)?;
        Some(self.chosen_day.map_or(last, |d| d.min(last)))
    }

    fn compare(&mut self, now: Option<&Simulated>, baseline: Option<&Simulated>) {
        let Some(now) = now else {
            self.shown = None;
            return;
        };
        let day = self.day();
        let at =
            |s: &Simulated| day.map_or_else(|| s.metrics.clone(), |d| Metrics::at_day(&s.run, d));
        self.shown = Some(Comparison {
            day,
            now: at(now),
            baseline: baseline.map(at),
            words: baseline.map(|b| crate::summary::comparison_sentence(&now.run, &b.run, day)),
        });
    }

    /// The tab. `now_name` is the scenario's name as its heading shows it.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        now: Option<&Simulated>,
        baseline: Option<&Simulated>,
        now_name: &str,
        mothers: &MothersView,
        commands: &mut Vec<Command>,
    ) {
        ui.label("Pin a run, change the schedule or the mother and baby, and compare: the pinned run is drawn dashed under the new one.");
        ui.horizontal(|ui| pin_buttons(ui, now.is_some(), baseline.is_some(), commands));
        ui.add_space(6.0);
        let Some(now_sim) = now else {
            return;
        };
        if let Some(b) = baseline {
            ui.label(format!("Pinned as {}", baseline_label(&b.scenario.name)));
        }
        self.day_chooser(ui, now, baseline);
        let Some(shown) = &self.shown else {
            return;
        };
        if let Some(d) = shown.day {
            ui.label(format!(
                "Compared at day {d}: that day's figures; means over the 7 days ending with it."
            ));
        }
        let base = baseline.zip(shown.baseline.as_ref());
        let base = base.map(|(b, m)| (b.scenario.name.as_str(), m));
        let ranges = RangeColumns::of(mothers, shown.day);
        table(ui, shown.day, &shown.now, base, &ranges);
        if let Some(b) = baseline
            && let Some(note) = horizon_note(&now_sim.run, &b.run)
        {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if ui.button("Copy table").clicked() {
            ui.ctx()
                .copy_text(as_text(shown.day, now_name, &shown.now, base) + &ranges.as_text());
        }
    }

    /// "Compare at day [N]" and "Last day". (No "at the time cursor": the plots keep no cursor
    /// once the pointer leaves them, so there is no time to take.)
    fn day_chooser(&mut self, ui: &mut Ui, now: Option<&Simulated>, baseline: Option<&Simulated>) {
        let (Some(last), Some(mut day)) = (self.shared_days.checked_sub(1), self.day()) else {
            return;
        };
        let mut chosen = None;
        ui.horizontal(|ui| {
            let label = ui.label("Compare at day");
            if ui
                .add(egui::Slider::new(&mut day, 0..=last).integer())
                .labelled_by(label.id)
                .on_hover_text("Days since birth (day 0 is the day of birth, as on the time axis). Only days both runs cover in full.")
                .changed()
            {
                chosen = Some(Some(day));
            }
            if ui
                .add_enabled(self.chosen_day.is_some(), egui::Button::new("Last day"))
                .on_hover_text(format!("Compare at day {last}, the last day both runs cover in full (and keep to the last day as the runs change)."))
                .clicked()
            {
                chosen = Some(None);
            }
        });
        if let Some(c) = chosen {
            self.chosen_day = c;
            self.compare(now, baseline);
        }
    }
}

/// A word of caution when the two runs compared are not as long as each other.
fn horizon_note(now: &Run, baseline: &Run) -> Option<String> {
    let (n, b) = (now.horizon_h / 24.0, baseline.horizon_h / 24.0);
    ((n - b).abs() > 1e-9).then(|| {
        let last = shared_complete_days(now, baseline).saturating_sub(1);
        format!(
            "The runs are not as long as each other ({b:.0} days for the baseline, {n:.0} now): \
             they are compared on the days both cover in full, up to day {last}."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_with_sign_unit_and_percent() {
        let r = &ROWS[1];
        assert_eq!(r.label, "Milk removed that day");
        assert_eq!(diff(Some(600.0), Some(800.0), r), "-200 ml (-25%)");
        assert_eq!(fmt(None, &ROWS[2]), "not by then");
        assert_eq!(diff(Some(50.0), Some(40.0), &ROWS[6]), "+10 points");
    }

    #[test]
    fn the_clipboard_text_names_the_day_and_the_scenarios_and_has_the_table_s_cells() {
        let sc = crate::Scenario::default();
        let m = Metrics::at_day(&crate::simulate(&sc).unwrap(), 20);
        let text = as_text(Some(20), "mine", &m, Some(("theirs", &m)));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), ROWS.len() + 2);
        assert_eq!(
            lines[0],
            "lactosim comparison at day 20 (days since birth): baseline: theirs and now: mine"
        );
        assert_eq!(lines[1], "at day 20\tbaseline: theirs\tnow\tdifference");
        let first: Vec<&str> = lines[2].split('\t').collect();
        assert_eq!(first.len(), 4);
        assert_eq!(first[0], "Milk made that day");
        assert_eq!(first[1], format!("{:.0} ml", m.last_day_production_ml));
        assert_eq!(first[3], "+0 ml (+0%)");
        let alone = as_text(Some(20), "mine", &m, None);
        assert!(alone.starts_with("lactosim at day 20 (days since birth): mine\n"));
        assert_eq!(alone.lines().nth(2).unwrap().split('\t').count(), 2);
    }

    #[test]
    fn before_day_5_there_is_no_peak_fullness_from_day_5() {
        let run = crate::simulate(&crate::Scenario::default()).unwrap();
        let peak = &ROWS[6];
        assert_eq!(
            fmt((peak.get)(&Metrics::at_day(&run, 4)), peak),
            "before day 5"
        );
        assert_ne!(
            fmt((peak.get)(&Metrics::at_day(&run, 5)), peak),
            "before day 5"
        );
    }
}
