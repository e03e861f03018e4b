//! What the plots draw, prepared once per run (by [`super::plot_making`]): curves (x in days
//! since birth), let-down marks, engorgement spans and session bars. Nothing here is computed per
//! frame, except [`Decimated`], which only re-buckets long curves when the visible range or width
//! changes.

use egui::Color32;
use egui_plot::PlotPoint;

use super::day_summary::{DayRange, SessionValue, daily_ranges, daily_weighted_means};
use crate::model::pharmacology::Substance;
use crate::scenario::Breast;
use crate::schedule::{Kind, SessionSide};

pub use crate::view::PlotKind;

/// How each plot is drawn (the plot itself is plain data, kept between starts).
impl PlotKind {
    pub fn title(self) -> &'static str {
        match self {
            PlotKind::Supply => "Supply",
            PlotKind::Breasts => "Milk in each breast",
            PlotKind::Hormones => "Hormones",
            PlotKind::Composition => "Milk removed: composition",
            PlotKind::Sodium => "Milk removed: sodium",
            PlotKind::Medicine => "What the mother takes",
            PlotKind::YourSupply => "Your milk supply",
            PlotKind::HerSessions => "Milk at each session: her log and the model",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            PlotKind::Supply => "ml/day",
            PlotKind::Breasts => "ml",
            PlotKind::Hormones => "prolactin ng/ml, left axis; oxytocin pg/ml, right axis",
            PlotKind::Composition => "g/L",
            PlotKind::Sodium => "mmol/L",
            PlotKind::Medicine => "× prolactin release",
            PlotKind::YourSupply => "ml a day",
            PlotKind::HerSessions => "ml",
        }
    }

    /// One line above the plot in the parent's face (under *Show me more*): what it shows, in
    /// her words.
    pub fn parent_caption(self) -> &'static str {
        match self {
            PlotKind::Supply => {
                "The milk made and taken out over each day, what the baby wants and drinks, and how fast each breast could make milk if it were empty."
            }
            PlotKind::Breasts => {
                "How much milk is in each breast: it fills between feeds and empties at each one; the line above is the most it can hold, and shading means very full (engorged)."
            }
            PlotKind::Hormones => {
                "The two hormones of breastfeeding: prolactin keeps the breasts making milk and rises at every feed; oxytocin makes the milk flow, each triangle a let-down."
            }
            PlotKind::Composition => {
                "What is in the milk your baby drinks at each feed: fat, lactose (milk sugar), protein, and antibodies that protect your baby."
            }
            PlotKind::Sodium => {
                "Salt in the milk: high in the first days while the milk comes in (and in a breast that is hardly used), low once milk flows well."
            }
            PlotKind::Medicine => {
                "How much a medicine you take raises or lowers the milk-making hormone prolactin."
            }
            PlotKind::YourSupply => "The milk you make each day, and what your baby needs.",
            PlotKind::HerSessions => {
                "The milk taken out at each feed or pump session: what her log says (crosses) and what the model fitted to it removes (dots)."
            }
        }
    }

    /// What the plot shows, in plain words, for its tooltip.
    pub fn help(self) -> &'static str {
        match self {
            PlotKind::Supply => {
                "Milk made and removed over the last 24 hours (a rolling sum, at every moment), the baby's appetite, the baby's intake at the breast per calendar day (one dot a day: that day's total), and each breast's rate of synthesis and its secretory capacity (the rate it would reach if empty), written as ml a day so that they compare with the daily totals. Frequent, thorough emptying raises capacity; milk left in a breast slows its synthesis. The intake per calendar day goes up and down by about a feed from one day to the next (a feed just after midnight counts for the next day): read its level over several days, not one day's dip."
            }
            PlotKind::Breasts => {
                "Milk stored in each breast. Shaded: the breast is engorged (95% or more of its storage capacity). Milk left in a breast slows its own synthesis (local autocrine feedback), so a breast that is emptied often holds less between feeds yet makes more."
            }
            PlotKind::Hormones => {
                "Prolactin from the pituitary (ng/ml, left axis) surges with every nipple stimulation and keeps the glands able to make milk over days and weeks; its baseline falls over the months. Oxytocin (pg/ml, right axis) is a reflex to suckling that contracts the cells around the alveoli and ejects the milk: each triangle under the axis is a let-down. Stress delays and blocks let-downs. Diamonds under the triangles: the doses of a medicine the mother takes (hover for which)."
            }
            PlotKind::Composition => {
                "Composition of the milk removed at each session, g/L: fat, lactose, protein, secretory IgA and lactoferrin. Colostrum is rich in sIgA and lactoferrin; lactose rises and they fall as volume climbs."
            }
            PlotKind::Sodium => {
                "Sodium of the milk removed at each session, mmol/L. It is high while the tight junctions between the cells are open (the first days, engorgement, mastitis, weaning) and low in established lactation."
            }
            PlotKind::YourSupply => {
                "The milk your breasts make in a day (green) and what your baby would drink in a day if there were no limit (grey, dashed). Supply follows demand: the more milk is taken, the more is made, within a few days. With \"Show how mothers differ\" ticked, the shading is where most mothers like you are."
            }
            PlotKind::HerSessions => {
                "Her own numbers: the milk removed at each feed or pump session she logged (crosses; each breast's amounts added) and what the model fitted to her log removes at each session (dots). Where they part, the model misses something about her (File → Import her log…; the window 'Her log' has the fitted values and ranges)."
            }
            PlotKind::Medicine => {
                "How much what the mother takes multiplies the release of prolactin from the pituitary: 1 is no effect. A dopamine blocker (domperidone, metoclopramide) raises it, a dopamine agonist (cabergoline, bromocriptine) lowers it. It follows the amount of medicine in her body, rising with each dose (diamonds) and fading with the medicine's half-life. Shown when the scenario has a medicine (Schedule tab, What the mother takes)."
            }
        }
    }

    /// A second quantity drawn against a right-hand axis: its values are multiplied by the
    /// factor to share the left axis's scale, and its unit.
    pub fn right_axis(self) -> Option<(f64, &'static str)> {
        match self {
            PlotKind::Hormones => Some((OXYTOCIN_SCALE, "pg/ml")),
            _ => None,
        }
    }

    /// Share of the stack's height (a plot with one curve needs less).
    pub fn weight(self) -> f32 {
        match self {
            PlotKind::Supply | PlotKind::YourSupply => 1.5,
            PlotKind::Breasts => 1.1,
            PlotKind::Sodium => 0.8,
            PlotKind::Medicine => 0.6,
            _ => 1.0,
        }
    }
}

/// The colour of the milk made, in the supply plot and its bands.
pub const MADE_COLOR: Color32 = Color32::from_rgb(0x2f, 0xa8, 0x6b);
/// The colour of the milk removed, in the supply plot and at each session.
pub const REMOVED_COLOR: Color32 = Color32::from_rgb(0x8e, 0x44, 0xad);

/// The colour of each breast, the same in every plot.
pub fn breast_color(b: Breast) -> Color32 {
    match b {
        Breast::Left => Color32::from_rgb(0x3a, 0x7d, 0xd8),
        Breast::Right => Color32::from_rgb(0xe0, 0x7a, 0x1f),
    }
}

pub fn kind_color(k: Kind) -> Color32 {
    match k {
        Kind::Breastfeed => Color32::from_rgb(0x2f, 0xa8, 0x6b),
        Kind::Pump => Color32::from_rgb(0x9b, 0x59, 0xc6),
    }
}

/// Oxytocin (pg/ml) is drawn ×10 to share the prolactin axis (ng/ml): 0–60 pg/ml spans what
/// 0–600 ng/ml of prolactin does.
pub const OXYTOCIN_SCALE: f64 = 10.0;

/// Oxytocin is drawn only when at most this many days are in view. Its pulses come every few
/// minutes during a feed (3-min half-life), so over weeks they merge into a solid band that hides
/// prolactin. Over 2 days or less the feeds' bursts, 2–3 h apart, stand tens of points apart
/// even in a narrow window (2 days over 600 points: 1 h ≈ 12 points), with prolactin readable
/// between them; zooming further separates the single pulses of a feed.
pub const OXYTOCIN_MAX_VIEW_DAYS: f64 = 2.0;

pub const ENGORGED_COLOR: Color32 = Color32::from_rgba_premultiplied(90, 20, 20, 40);
pub const LETDOWN_COLOR: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
/// Doses, and the medicine's effect: teal, apart from the hormones' oranges and reds.
pub const MEDICINE_COLOR: Color32 = Color32::from_rgb(0x16, 0x8a, 0x8a);

/// One dose the mother took, as marked on the plots.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoseMark {
    pub t_days: f64,
    pub substance: Substance,
    pub mg: f64,
}

impl DoseMark {
    /// "domperidone 10 mg"
    pub fn describe(&self) -> String {
        format!(
            "{} {} mg",
            self.substance.name(),
            crate::schedule_words::num(self.mg)
        )
    }
}

/// How a curve's value is read out on hover: its unit, and optionally the same value in a second
/// unit (a synthesis rate drawn as ml/day is also given in ml/h).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readout {
    pub unit: &'static str,
    pub decimals: usize,
    /// Divide by this to get the second unit.
    pub also: Option<(f64, &'static str)>,
}

impl Readout {
    pub const fn plain(unit: &'static str, decimals: usize) -> Self {
        Self {
            unit,
            decimals,
            also: None,
        }
    }

    pub fn format(&self, v: f64) -> String {
        let mut s = format!("{v:.*} {}", self.decimals, self.unit);
        if let Some((div, unit)) = self.also {
            s.push_str(&format!(" ({:.1} {unit})", v / div));
        }
        s
    }
}

/// One curve, x in days since birth, sorted by x.
#[derive(Clone, Debug)]
pub struct Curve {
    pub name: String,
    pub color: Color32,
    /// Drawn dashed (a reference rather than a measured quantity, e.g. appetite or capacity).
    pub dashed: bool,
    /// Drawn with point markers (one value per session or per day rather than a continuous signal).
    pub markers: bool,
    /// Hidden until the person ticks it in the legend.
    pub hidden_at_first: bool,
    /// Not drawn again for a pinned run: it does not change with what is compared (what the
    /// baby needs, beside a question's change of how it is fed), so its twin would only lie on
    /// top of it.
    pub same_in_baseline: bool,
    /// One point per calendar day (a day's total, drawn at midday) rather than a value at every
    /// moment: the hover read-out names the day it is the total of.
    pub per_day: bool,
    pub readout: Readout,
    /// The points' y is the value times this (1 but for a curve on a right-hand axis).
    pub axis_scale: f64,
    /// Drawn only when at most this many days are in view (a pulsed signal that would fill the
    /// plot as a band over longer ranges); drawn beneath the other curves. The hover read-out
    /// gives its value either way.
    pub max_view_days: Option<f64>,
    pub points: Vec<PlotPoint>,
    /// One value a day, drawn instead of the points over a long view (where pulses or
    /// sessions would merge into a solid band).
    pub daily: Option<Daily>,
}

/// What a dense curve is summarised as over a long view (see [`super::day_summary`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DailyForm {
    /// A continuous pulsed signal: each day's trough to peak (shaded) and its mean (a line).
    RangeAndMean,
    /// A value per session: each day's mean weighted by the milk each session removed (a line
    /// with a marker a day).
    MeanByVolume,
}

impl DailyForm {
    /// What the summary is, for the legend and the read-out.
    pub fn summary(self) -> &'static str {
        match self {
            DailyForm::RangeAndMean => "daily range and mean",
            DailyForm::MeanByVolume => "daily mean, weighted by milk removed",
        }
    }

    /// What the curve shows when zoomed in.
    pub fn detail(self) -> &'static str {
        match self {
            DailyForm::RangeAndMean => "pulses",
            DailyForm::MeanByVolume => "per session",
        }
    }
}

/// A curve's daily summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Daily {
    pub form: DailyForm,
    /// Each day's mean, one point a day.
    pub means: Vec<PlotPoint>,
    /// Each day's trough and peak ([`DailyForm::RangeAndMean`] only).
    pub ranges: Vec<DayRange>,
}

impl Daily {
    /// Each day's range and time-weighted mean of a continuous signal.
    pub fn range_and_mean(points: &[PlotPoint]) -> Self {
        let ranges = daily_ranges(points);
        Self {
            form: DailyForm::RangeAndMean,
            means: ranges
                .iter()
                .map(|d| PlotPoint::new(d.mid_days(), d.mean))
                .collect(),
            ranges,
        }
    }

    /// Each day's mean of a per-session value, weighted by the milk each session removed.
    pub fn mean_by_volume(sessions: &[SessionValue]) -> Self {
        Self {
            form: DailyForm::MeanByVolume,
            means: daily_weighted_means(sessions),
            ranges: Vec::new(),
        }
    }

    /// The day holding `x_days`, if there is a value that day.
    pub fn day_at(&self, x_days: f64) -> Option<DayValue> {
        let day = x_days.floor() as i64;
        let mean = self.means.iter().find(|p| p.x.floor() as i64 == day)?;
        let range = self
            .ranges
            .iter()
            .find(|d| d.day == day)
            .map(|d| (d.low, d.high));
        Some(DayValue {
            day,
            mean: mean.y,
            range,
        })
    }
}

/// One day of a [`Daily`] summary, as read out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayValue {
    pub day: i64,
    pub mean: f64,
    /// Trough and peak, for a [`DailyForm::RangeAndMean`].
    pub range: Option<(f64, f64)>,
}

/// Everything one plot draws.
#[derive(Clone, Debug, Default)]
pub struct PlotData {
    pub curves: Vec<Curve>,
    /// Let-down times, drawn as marks at the bottom of the plot (x in days).
    pub letdowns_days: Vec<f64>,
    /// Where the let-down marks sit: just under the axis, where no curve is.
    pub marks_y: f64,
    /// Spans (start, end in days) in which a breast is engorged.
    pub engorged: Vec<(Breast, f64, f64)>,
    /// Horizontal reference lines: name, y, colour.
    pub levels: Vec<(String, f64, Color32)>,
    /// Doses of what the mother takes, drawn as marks under the let-down marks.
    pub doses: Vec<DoseMark>,
    /// Where the dose marks sit.
    pub doses_y: f64,
}

/// One session, as a bar under the plots.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionBar {
    pub index: usize,
    pub start_days: f64,
    pub end_days: f64,
    pub kind: Kind,
    pub side: SessionSide,
    /// Which breasts it actually took milk from (a breastfeed on "both" may stop after one).
    pub used: [bool; 2],
}

/// The plots of one run.
#[derive(Clone, Debug, Default)]
pub struct RunPlots {
    pub horizon_days: f64,
    /// Dates and weekdays of the run's days (from the scenario's date of birth).
    pub calendar: crate::calendar::Calendar,
    pub plots: Vec<(PlotKind, PlotData)>,
    pub sessions: Vec<SessionBar>,
    /// The scenario has a course of medicine: the plot of its effect is drawn.
    pub has_medicine: bool,
}

impl RunPlots {
    pub fn get(&self, kind: PlotKind) -> &PlotData {
        &self
            .plots
            .iter()
            .find(|(k, _)| *k == kind)
            .expect("every kind is prepared")
            .1
    }

    /// Number of points held, over all curves (for the timing overlay).
    pub fn point_count(&self) -> usize {
        self.plots
            .iter()
            .flat_map(|(_, p)| &p.curves)
            .map(|c| c.points.len())
            .sum()
    }
}

/// The part of a sorted curve to draw for a visible x range and a width in pixels: the points
/// themselves when there are few, otherwise the lowest and highest point of each pixel column
/// (so that no peak is lost), plus the first and last point of the whole curve (so that "reset
/// view" still sees the whole run).
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// Draw `points[range]` as they are (borrowed, no copy).
    Slice(std::ops::Range<usize>),
    Decimated(Vec<PlotPoint>),
}

pub fn decimate(points: &[PlotPoint], x_min: f64, x_max: f64, columns: usize) -> Shown {
    let n = points.len();
    let columns = columns.max(1);
    // One point either side of the visible range, so lines run to the edges.
    let lo = points.partition_point(|p| p.x < x_min).saturating_sub(1);
    let hi = (points.partition_point(|p| p.x <= x_max) + 1).min(n);
    if hi <= lo || hi - lo <= 2 * columns {
        return Shown::Slice(if hi > lo { lo..hi } else { 0..n });
    }
    let width = (x_max - x_min) / columns as f64;
    let mut out = Vec::with_capacity(2 * columns + 4);
    if lo > 0 {
        out.push(points[0]);
    }
    let mut i = lo;
    while i < hi {
        let column = ((points[i].x - x_min) / width).floor();
        let mut low: Option<PlotPoint> = None;
        let mut high: Option<PlotPoint> = None;
        let first = points[i];
        let mut last = first;
        while i < hi && ((points[i].x - x_min) / width).floor() == column {
            let p = points[i];
            if p.y.is_finite() {
                if low.is_none_or(|l| p.y < l.y) {
                    low = Some(p);
                }
                if high.is_none_or(|h| p.y > h.y) {
                    high = Some(p);
                }
            }
            last = p;
            i += 1;
        }
        // The column's first point, its extremes in time order, and its last point: the line
        // enters and leaves the column where the real one does.
        out.push(first);
        match (low, high) {
            (Some(l), Some(h)) if l.x <= h.x => out.extend([l, h]),
            (Some(l), Some(h)) => out.extend([h, l]),
            _ => {}
        }
        out.push(last);
    }
    if hi < n {
        out.push(points[n - 1]);
    }
    Shown::Decimated(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::Component;
    use crate::scenario::Scenario;

    fn wave(n: usize) -> Vec<PlotPoint> {
        (0..n)
            .map(|i| {
                let x = i as f64 / 100.0;
                PlotPoint::new(x, (x * 7.0).sin() + if i == n / 3 { 5.0 } else { 0.0 })
            })
            .collect()
    }

    #[test]
    fn few_points_are_borrowed_as_they_are() {
        let p = wave(100);
        assert_eq!(decimate(&p, 0.0, 1.0, 500), Shown::Slice(0..100));
    }

    #[test]
    fn many_points_keep_every_peak_and_the_ends() {
        let p = wave(100_000);
        let Shown::Decimated(d) = decimate(&p, 0.0, 1000.0, 800) else {
            panic!("100 000 points in 800 columns should be decimated");
        };
        assert!(d.len() <= 4 * 800 + 2, "{} points", d.len());
        let max = d.iter().map(|q| q.y).fold(f64::MIN, f64::max);
        assert_eq!(max, p[100_000 / 3].y, "the spike survives");
        assert_eq!(d.first(), p.first());
        assert_eq!(d.last(), p.last());
        assert!(d.windows(2).all(|w| w[0].x <= w[1].x), "still sorted");
    }

    #[test]
    fn a_zoomed_view_keeps_the_whole_run_s_ends() {
        let p = wave(100_000);
        let Shown::Decimated(d) = decimate(&p, 200.0, 600.0, 100) else {
            panic!("decimated");
        };
        assert_eq!(d.first(), p.first());
        assert_eq!(d.last(), p.last());
        let inside = d.iter().filter(|q| q.x >= 200.0 && q.x <= 600.0).count();
        assert!(inside > 100);
    }

    #[test]
    fn the_daily_composition_is_that_of_all_the_milk_removed_that_day() {
        // The run's own day summary weighs the milk the same way (by volume, over the day):
        // away from the first days the two agree closely (they differ only in a session that
        // spans midnight, which the plot counts for the day of its middle).
        let sc = Scenario::default();
        let run = crate::simulate(&sc).unwrap();
        let plots = RunPlots::prepare(&sc, &run);
        let composition = plots.get(PlotKind::Composition);
        let fat = &composition.curves[0];
        assert_eq!(fat.name, Component::Fat.name());
        let daily = fat
            .daily
            .as_ref()
            .expect("per-session curves have a daily mean");
        assert_eq!(daily.form, DailyForm::MeanByVolume);
        for d in run.days.iter().filter(|d| d.day >= 5) {
            let DayValue { day, mean, range } =
                daily.day_at(d.day as f64 + 0.5).expect("a mean a day");
            assert_eq!((day, range), (d.day as i64, None));
            let run_fat = d.milk.get(Component::Fat);
            assert!(
                (mean - run_fat).abs() < 0.05 * run_fat,
                "day {}: plotted {mean} vs run {run_fat}",
                d.day
            );
        }
        // Prolactin: a range a day around its mean.
        let hormones = plots.get(PlotKind::Hormones);
        let daily = hormones.curves[0].daily.as_ref().unwrap();
        assert_eq!(daily.ranges.len(), run.days.len());
        for (d, summary) in daily.ranges.iter().zip(&run.days) {
            assert!(d.low <= d.mean && d.mean <= d.high);
            assert!(
                (d.mean - summary.mean_prolactin_ng_ml).abs() < 0.05 * summary.mean_prolactin_ng_ml,
                "day {}: {} vs {}",
                d.day,
                d.mean,
                summary.mean_prolactin_ng_ml
            );
        }
    }
}
