//! The stack of plots sharing one time axis, and the session bars under them. Draws what
//! [`RunPlots`] prepared; the only per-frame work is re-bucketing long curves when the view
//! changes ([`decimate`]).

use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::sync::Arc;

use egui::{Color32, Id, Rect, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, HLine, HPlacement, HoverPosition, Line,
    LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Span, uniform_grid_spacer,
};

use super::plot_data::{
    Curve, ENGORGED_COLOR, LETDOWN_COLOR, MEDICINE_COLOR, PlotData, PlotKind, RunPlots, SessionBar,
    Shown, breast_color, decimate, kind_color,
};
use crate::scenario::Breast;
use crate::schedule::{Kind, SessionSide, format_time_h};

/// Height of the session bars under the plots, points.
const STRIP_HEIGHT: f32 = 76.0;
/// Each breast's row of the session bars (y from its row's base): breastfeeds in the upper lane,
/// pump sessions in the lower one, so a pump right after a feed never hides the feed.
const FEED_LANE: (f64, f64) = (0.5, 0.45);
const PUMP_LANE: (f64, f64) = (0.05, 0.42);

/// (base, height) of the bar of a session of `kind` on `breast` in the session strip.
fn lane(kind: Kind, breast: Breast) -> (f64, f64) {
    let row = if breast == Breast::Left { 1.0 } else { 0.0 };
    let (base, height) = if kind == Kind::Pump {
        PUMP_LANE
    } else {
        FEED_LANE
    };
    (row + base, height)
}

/// The kind of session whose lane holds `y` in the session strip.
fn lane_kind(y: f64) -> Kind {
    if y.rem_euclid(1.0) >= (PUMP_LANE.0 + PUMP_LANE.1 + FEED_LANE.0) / 2.0 {
        Kind::Breastfeed
    } else {
        Kind::Pump
    }
}
/// Lowest height of one plot, points.
const MIN_PLOT_HEIGHT: f32 = 80.0;
/// How near (points) a click must be to a session to select it.
const CLICK_TOLERANCE_PX: f64 = 8.0;

/// The curves of one run, as drawn in the current view.
struct Cache {
    /// The run's plot data the curves were bucketed from (compared by identity).
    source: Arc<RunPlots>,
    /// (x_min, x_max, columns) the curves were bucketed for.
    key: (u64, u64, usize),
    /// Per plot (in [`RunPlots::plots`] order), per curve.
    shown: Vec<Vec<Shown>>,
    /// Per plot, the let-down marks in view, at most one per pixel column (a year has ten
    /// thousand let-downs; a column shows one triangle however many fall in it).
    marks: Vec<Vec<PlotPoint>>,
    /// Per plot, the dose marks in view, at most one per pixel column likewise.
    dose_marks: Vec<Vec<PlotPoint>>,
    /// The session bars in view; sessions closer than a pixel column on one row are one bar.
    bars: Vec<SessionBarInView>,
}

/// One bar under the plots: a session on one breast, or several that fall in one pixel column.
struct SessionBarInView {
    kind: Kind,
    breast: Breast,
    side: SessionSide,
    start: f64,
    end: f64,
    /// Did any of them take milk from this breast?
    used: bool,
    /// Index of the first session, and how many there are.
    first: usize,
    count: usize,
}

impl SessionBarInView {
    fn describe(&self) -> String {
        let side = match self.side {
            SessionSide::Both => "both sides",
            SessionSide::One(b) => b.name(),
        };
        if self.count == 1 {
            format!(
                "{} {side}, {}",
                self.kind.name(),
                format_time_h(self.start * 24.0)
            )
        } else {
            format!(
                "{} sessions ({}), {} to {}",
                self.count,
                self.kind.name(),
                format_time_h(self.start * 24.0),
                format_time_h(self.end * 24.0)
            )
        }
    }
}

/// The bars of the sessions in view, each at least two columns wide, neighbours closer than a
/// column merged.
fn bars_in_view(sessions: &[SessionBar], view: (f64, f64), column: f64) -> Vec<SessionBarInView> {
    let mut out: Vec<SessionBarInView> = Vec::new();
    // The last bar of each (kind, breast) row, to extend.
    let mut last: [[Option<usize>; 2]; 2] = [[None; 2]; 2];
    for s in sessions
        .iter()
        .filter(|s| s.end_days >= view.0 && s.start_days <= view.1)
    {
        let k = usize::from(s.kind == Kind::Pump);
        for b in Breast::BOTH.into_iter().filter(|b| s.side.uses(*b)) {
            let end = s.end_days.max(s.start_days + 2.0 * column);
            let used = s.used[b.index()];
            if let Some(i) = last[k][b.index()]
                && s.start_days - out[i].end < column
                && out[i].used == used
            {
                out[i].end = out[i].end.max(end);
                out[i].count += 1;
                continue;
            }
            last[k][b.index()] = Some(out.len());
            out.push(SessionBarInView {
                kind: s.kind,
                breast: b,
                side: s.side,
                start: s.start_days,
                end,
                used,
                first: s.index,
                count: 1,
            });
        }
    }
    out
}

impl Cache {
    fn update(slot: &mut Option<Cache>, plots: &Arc<RunPlots>, view: (f64, f64), columns: usize) {
        let key = (view.0.to_bits(), view.1.to_bits(), columns);
        if slot
            .as_ref()
            .is_some_and(|c| c.key == key && Arc::ptr_eq(&c.source, plots))
        {
            return;
        }
        let shown = plots
            .plots
            .iter()
            .map(|(_, p)| {
                p.curves
                    .iter()
                    .map(|c| decimate(&c.points, view.0, view.1, columns))
                    .collect()
            })
            .collect();
        let width = (view.1 - view.0) / columns as f64;
        let marks = plots
            .plots
            .iter()
            .map(|(_, p)| {
                let mut marks: Vec<PlotPoint> = Vec::new();
                for &t in p
                    .letdowns_days
                    .iter()
                    .filter(|&&t| t >= view.0 && t <= view.1)
                {
                    if marks.last().is_none_or(|m| t - m.x >= width) {
                        marks.push(PlotPoint::new(t, p.marks_y));
                    }
                }
                marks
            })
            .collect();
        let dose_marks = plots
            .plots
            .iter()
            .map(|(_, p)| {
                let mut marks: Vec<PlotPoint> = Vec::new();
                for t in p
                    .doses
                    .iter()
                    .map(|d| d.t_days)
                    .filter(|&t| t >= view.0 && t <= view.1)
                {
                    if marks.last().is_none_or(|m| t - m.x >= width) {
                        marks.push(PlotPoint::new(t, p.doses_y));
                    }
                }
                marks
            })
            .collect();
        let bars = bars_in_view(&plots.sessions, view, width);
        *slot = Some(Cache {
            source: plots.clone(),
            key,
            shown,
            marks,
            dose_marks,
            bars,
        });
    }
}

/// View state of the plot stack.
pub struct PlotsView {
    /// Which plots are shown, in [`PlotKind::ALL`] order.
    pub visible: Vec<PlotKind>,
    /// The visible time range (days) of the last frame; the plots are linked, so one range.
    view_days: Option<(f64, f64)>,
    /// Width of the plot area of the last frame, points.
    width: f32,
    current: Option<Cache>,
    baseline: Option<Cache>,
    /// Curves the person hid, by plot and name (the baseline's twin is hidden with it).
    hidden: HashSet<(PlotKind, String)>,
    /// Kinds of session the person hid from the bars.
    hidden_sessions: HashSet<Kind>,
    /// Plots whose initially hidden curves were hidden (once, so the person can show them).
    hidden_ready: HashSet<PlotKind>,
    /// Where the stack was drawn (for exporting it as PNG).
    pub rect: Option<Rect>,
    /// Height (points) of everything in the stack but the plots (the legend rows), as drawn in
    /// the last frame.
    legend_rows_height: Option<f32>,
    /// The frame is being drawn for Export PNG: leave out what only helps on screen.
    pub exporting: bool,
    /// Ask the plots to show the whole run again (after a new run of another length).
    reset: bool,
}

impl Default for PlotsView {
    fn default() -> Self {
        Self {
            visible: PlotKind::ALL.to_vec(),
            view_days: None,
            width: 800.0,
            current: None,
            baseline: None,
            hidden: HashSet::new(),
            hidden_ready: HashSet::new(),
            hidden_sessions: HashSet::new(),
            rect: None,
            reset: false,
            legend_rows_height: None,
            exporting: false,
        }
    }
}

/// Legend names of the marks that are not curves.
const ENGORGED: &str = "engorged (shaded)";
const LETDOWN: &str = "let-down (triangles)";
const DOSE: &str = "dose (diamonds)";
/// How near (points) the pointer must be to a dose for the read-out to name it.
const DOSE_HOVER_PX: f64 = 6.0;

/// What a person did in the plots.
pub enum PlotAction {
    SelectSession(usize),
}

/// The label of a time-axis mark at `x_days` that lies on a grid of `step_days`: a pure function
/// of the two, so two marks never read the same. Whole days on a grid of a day or more
/// ("day 89"), day and clock time on a grid of hours ("day 89 06:00"), clock time alone on a grid
/// finer than an hour ("06:20"), but for whole hours, which keep the day ("day 89 06:00").
fn time_tick(x_days: f64, step_days: f64) -> String {
    const HOUR: f64 = 1.0 / 24.0;
    let minutes = (x_days * 1440.0).round() as i64;
    let day = minutes.div_euclid(1440);
    let clock = minutes.rem_euclid(1440);
    let (h, m) = (clock / 60, clock % 60);
    if step_days >= 1.0 - 1e-9 {
        format!("day {day}")
    } else if step_days >= HOUR - 1e-9 || m == 0 {
        format!("day {day} {h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}")
    }
}

/// Width (points) the time axis keeps between two labels: room for "day 89 06:00".
const TIME_LABEL_SPACING: f32 = 100.0;

/// Grid steps that fall on whole minutes, hours and days (not on 0.1 of a day): the middle one is
/// the first that leaves [`TIME_LABEL_SPACING`] between labels, the finer one (a divisor of it) a
/// grid without labels, the coarser one a multiple of it, at every zoom (from minutes to years).
/// Each step divides the next, so no label lands between two others closer than the spacing.
fn time_steps(input: GridInput) -> [f64; 3] {
    const MIN: f64 = 1.0 / 1440.0;
    const STEPS: [f64; 20] = [
        MIN,
        2.0 * MIN,
        5.0 * MIN,
        10.0 * MIN,
        15.0 * MIN,
        30.0 * MIN,
        60.0 * MIN,
        120.0 * MIN,
        180.0 * MIN,
        360.0 * MIN,
        720.0 * MIN,
        1.0,
        2.0,
        7.0,
        14.0,
        28.0,
        56.0,
        112.0,
        224.0,
        448.0,
    ];
    let divides = |a: f64, b: f64| {
        let r = b / a;
        (r - r.round()).abs() < 1e-6
    };
    // egui_plot's base step is 8 points' worth of time.
    let points_per_day = 8.0 / input.base_step_size.max(1e-12);
    let i = STEPS
        .iter()
        .position(|&s| s * points_per_day >= f64::from(TIME_LABEL_SPACING))
        .unwrap_or(STEPS.len() - 1);
    let labelled = STEPS[i];
    let finer = STEPS[..i]
        .iter()
        .rev()
        .find(|&&s| divides(s, labelled))
        .copied()
        .unwrap_or(labelled);
    let coarser = STEPS[i + 1..]
        .iter()
        .find(|&&s| divides(labelled, s))
        .copied()
        .unwrap_or(2.0 * labelled);
    [finer, labelled, coarser]
}

/// Grid steps of 1, 2 or 5 times a power of ten, about five labelled lines over the plot's height
/// (egui_plot's default steps by tens leaves a low plot with one label).
pub(super) fn value_steps(input: GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-12);
    // egui_plot's base step is 8 points' worth of value; a tick label needs about 28 points to
    // be drawn at full strength.
    let raw = (span / 5.0).max(input.base_step_size * 3.5);
    let power = 10f64.powf(raw.log10().floor());
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    [nice / 5.0, nice, nice * 5.0]
}

/// Share `space` between plots in proportion to their weights, none lower than `min` (the
/// others then share what is left).
fn share_height(space: f32, weights: &[f32], min: f32) -> Vec<f32> {
    let mut at_min = vec![false; weights.len()];
    loop {
        let fixed = at_min.iter().filter(|m| **m).count() as f32 * min;
        let total: f32 = weights
            .iter()
            .zip(&at_min)
            .filter(|(_, m)| !**m)
            .map(|(w, _)| w)
            .sum();
        let heights: Vec<f32> = weights
            .iter()
            .zip(&at_min)
            .map(|(w, m)| {
                if *m || total <= 0.0 {
                    min
                } else {
                    (space - fixed) * w / total
                }
            })
            .collect();
        let mut changed = false;
        for (h, m) in heights.iter().zip(at_min.iter_mut()) {
            if !*m && *h < min {
                *m = true;
                changed = true;
            }
        }
        if !changed {
            return heights.into_iter().map(|h| h.max(min)).collect();
        }
    }
}

/// Width of the y axes, points: the same on every plot so that their time axes line up.
const LEFT_AXIS_WIDTH: f32 = 48.0;
const RIGHT_AXIS_WIDTH: f32 = 44.0;

/// The left axis, and a right one: with its own unit for a quantity drawn scaled against it, or
/// empty (but as wide) on the other plots.
fn y_axes(right: Option<(f64, &'static str)>) -> Vec<AxisHints<'static>> {
    let left = AxisHints::new_y()
        .min_thickness(LEFT_AXIS_WIDTH)
        .formatter(|m: GridMark, _: &RangeInclusive<f64>| tick_text(m.value, m.step_size));
    let right_axis = AxisHints::new_y()
        .placement(HPlacement::Right)
        .min_thickness(RIGHT_AXIS_WIDTH);
    let right_axis = match right {
        Some((scale, unit)) => {
            right_axis
                .label(unit)
                .formatter(move |m: GridMark, _: &RangeInclusive<f64>| {
                    tick_text(m.value / scale, m.step_size / scale)
                })
        }
        None => right_axis
            .label("")
            .formatter(|_: GridMark, _: &RangeInclusive<f64>| String::new()),
    };
    vec![left, right_axis]
}

/// A tick value with as many decimals as its step needs (2.5 steps: 2.5, 5, 7.5 — not 2, 5, 8).
fn tick_text(value: f64, step: f64) -> String {
    let mut decimals = 0;
    while decimals < 6 {
        let scaled = step * 10f64.powi(decimals);
        if (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0) {
            break;
        }
        decimals += 1;
    }
    format!("{:.*}", decimals as usize, value)
}

/// The value of a curve nearest to `x` (a curve sampled at sessions has no value in between).
#[cfg(test)]
fn value_near(c: &Curve, x: f64) -> Option<f64> {
    point_near(c, x).map(|(_, y)| y)
}

/// The point of a curve nearest to `x`, as (x, y), if its value is finite.
fn point_near(c: &Curve, x: f64) -> Option<(f64, f64)> {
    let i = c.points.partition_point(|p| p.x < x);
    let candidates = [i.checked_sub(1), (i < c.points.len()).then_some(i)];
    candidates
        .into_iter()
        .flatten()
        .map(|j| c.points[j])
        .min_by(|a, b| (a.x - x).abs().total_cmp(&(b.x - x).abs()))
        .filter(|p| p.y.is_finite())
        .map(|p| (p.x, p.y))
}

/// The hover text: the time, then every curve's value at that time with its unit, then the doses
/// within `dose_tolerance` days of it (none when the dose marks are hidden).
/// `shown` says, curve by curve, which are on (the baseline's curves come in the same order: the
/// same code prepared them).
fn hover_text(
    x: f64,
    data: &PlotData,
    baseline: Option<&PlotData>,
    shown: &[bool],
    dose_tolerance: Option<f64>,
) -> String {
    let mut s = format_time_h(x * 24.0);
    for (suffix, d) in [("", Some(data)), (" (baseline)", baseline)] {
        let Some(d) = d else { continue };
        for (c, _) in d.curves.iter().zip(shown).filter(|(_, on)| **on) {
            if let Some((at, v)) = point_near(c, x) {
                let v = v / c.axis_scale;
                s.push_str(&format!("\n{}{suffix}: {}", c.name, c.readout.format(v)));
                if c.per_day {
                    // A calendar day's total, not the last 24 h: say which day.
                    s.push_str(&format!(", total of day {}", at.floor() as i64));
                }
            }
        }
    }
    if let Some(tol) = dose_tolerance {
        for (suffix, d) in [("", Some(data)), (" (baseline)", baseline)] {
            let Some(d) = d else { continue };
            let from = d.doses.partition_point(|m| m.t_days < x - tol);
            for m in d.doses[from..].iter().take_while(|m| m.t_days <= x + tol) {
                s.push_str(&format!(
                    "\ndose{suffix}: {} at {}",
                    m.describe(),
                    format_time_h(m.t_days * 24.0)
                ));
            }
        }
    }
    s
}

/// A legend entry that shows or hides its curve: a swatch in the curve's colour and style, and
/// its name. Lives above the plot rather than over the data.
fn legend_chip(
    ui: &mut Ui,
    name: &str,
    color: Color32,
    dashed: bool,
    shown: bool,
) -> egui::Response {
    // A hidden curve's name is struck through: it reads as "off", and clicking turns it on.
    let text = if shown {
        RichText::new(name)
    } else {
        RichText::new(name).strikethrough()
    };
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let size = egui::vec2(20.0 + galley.size().x, galley.size().y.max(12.0));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let swatch = if shown {
        color
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.4)
    };
    let y = rect.center().y;
    let stroke = Stroke::new(2.5, swatch);
    let painter = ui.painter();
    if dashed {
        painter.line_segment(
            [
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.left() + 6.0, y),
            ],
            stroke,
        );
        painter.line_segment(
            [
                egui::pos2(rect.left() + 10.0, y),
                egui::pos2(rect.left() + 15.0, y),
            ],
            stroke,
        );
    } else {
        painter.line_segment(
            [
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.left() + 15.0, y),
            ],
            stroke,
        );
    }
    let text_color = if shown {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.6)
    };
    painter.galley(
        egui::pos2(rect.left() + 19.0, rect.top()),
        galley,
        text_color,
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, ui.is_enabled(), shown, name)
    });
    response.on_hover_text(if shown {
        "Click to hide"
    } else {
        "Click to show"
    })
}

impl PlotsView {
    /// Forget the zoom: the next frame shows the whole run.
    pub fn reset_view(&mut self) {
        self.reset = true;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        current: &Arc<RunPlots>,
        baseline: Option<&Arc<RunPlots>>,
        selected: Option<usize>,
    ) -> Option<PlotAction> {
        let horizon = current
            .horizon_days
            .max(baseline.map_or(0.0, |b| b.horizon_days));
        let view = self
            .view_days
            .filter(|(a, b)| b > a && !self.reset)
            .unwrap_or((0.0, horizon));
        let columns = (self.width.max(100.0) as usize).min(4000);
        Cache::update(&mut self.current, current, view, columns);
        if let Some(b) = baseline {
            Cache::update(&mut self.baseline, b, view, columns);
        } else {
            self.baseline = None;
        }

        let link = Id::unique("lactosim time axis");
        // The effect of a medicine only when there is one (in this run or the baseline).
        let has_medicine = current.has_medicine || baseline.is_some_and(|b| b.has_medicine);
        let visible: Vec<PlotKind> = PlotKind::ALL
            .into_iter()
            .filter(|k| self.visible.contains(k))
            .filter(|k| *k != PlotKind::Medicine || has_medicine)
            .collect();
        // The read-out names the doses within a few points of the pointer.
        let dose_tolerance = DOSE_HOVER_PX * (view.1 - view.0) / f64::from(self.width.max(100.0));
        // Each plot has a legend row above it.
        let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        let selected_span = selected
            .and_then(|i| current.sessions.get(i))
            .map(|s| (s.start_days, s.end_days));

        let mut action = None;
        let mut new_view = None;
        let reset = std::mem::take(&mut self.reset);
        let top = ui.cursor().min;
        // The session bars and the time axis stay at the bottom; the plots above scroll when the
        // window is too low to show them all at a readable height.
        let strip = egui::Panel::bottom("session strip")
            .frame(egui::Frame::NONE)
            .resizable(false)
            .show_separator_line(false)
            .show(ui, |ui| {
                self.strip(ui, current, selected, selected_span, link, reset)
            })
            .inner;
        let overhead = self
            .legend_rows_height
            .unwrap_or(visible.len() as f32 * (row + ui.spacing().item_spacing.y));
        // A couple of points spare: a fraction of a point over would show a scroll bar.
        let heights = share_height(
            ui.available_height() - overhead - 2.0,
            &visible.iter().map(|k| k.weight()).collect::<Vec<_>>(),
            MIN_PLOT_HEIGHT,
        );
        let scrolled = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (kind, &height) in visible.iter().copied().zip(&heights) {
                    let index = current
                        .plots
                        .iter()
                        .position(|(k, _)| *k == kind)
                        .expect("every kind is prepared");
                    let data = &current.plots[index].1;
                    let base_data = baseline.map(|b| b.get(kind));
                    if self.hidden_ready.insert(kind) {
                        for c in data.curves.iter().filter(|c| c.hidden_at_first) {
                            self.hidden.insert((kind, c.name.clone()));
                        }
                    }
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 10.0;
                        ui.label(
                            RichText::new(format!("{} ({})", kind.title(), kind.unit())).strong(),
                        )
                        .on_hover_text(kind.help());
                        let mut chips: Vec<(&str, Color32, bool)> = data
                            .curves
                            .iter()
                            .map(|c| (c.name.as_str(), c.color, c.dashed))
                            .collect();
                        chips.extend(
                            data.levels
                                .iter()
                                .map(|(name, _, color)| (name.as_str(), *color, true)),
                        );
                        if !data.engorged.is_empty() {
                            chips.push((ENGORGED, ENGORGED_COLOR.gamma_multiply(4.0), false));
                        }
                        if !data.letdowns_days.is_empty() {
                            chips.push((LETDOWN, LETDOWN_COLOR, false));
                        }
                        if !data.doses.is_empty() {
                            chips.push((DOSE, MEDICINE_COLOR, false));
                        }
                        for (name, color, dashed) in chips {
                            let key = (kind, name.to_owned());
                            let on = !self.hidden.contains(&key);
                            if legend_chip(ui, name, color, dashed, on).clicked() {
                                if on {
                                    self.hidden.insert(key);
                                } else {
                                    self.hidden.remove(&key);
                                }
                            }
                        }
                        for c in data.curves.iter().filter(|c| {
                            too_wide(c, view) && !self.hidden.contains(&(kind, c.name.clone()))
                        }) {
                            ui.label(RichText::new(zoom_note(c)).small().weak());
                        }
                        if baseline.is_some() {
                            ui.label(RichText::new("dashed, faded: baseline").small().weak());
                        }
                    });
                    let hidden: HashSet<&str> = self
                        .hidden
                        .iter()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, n)| n.as_str())
                        .collect();
                    let visible_curves: Vec<bool> = data
                        .curves
                        .iter()
                        .map(|c| !hidden.contains(c.name.as_str()))
                        .collect();
                    // Drawn: on in the legend and, for a pulsed curve, a short enough view.
                    let drawn_curves: Vec<bool> = data
                        .curves
                        .iter()
                        .zip(&visible_curves)
                        .map(|(c, on)| *on && !too_wide(c, view))
                        .collect();
                    let shown = &visible_curves;
                    let doses_tol = (!hidden.contains(DOSE)).then_some(dose_tolerance);
                    let mut plot =
                        on_time_axis(Plot::new(kind), ui.make_persistent_id(kind), link, horizon)
                            .height(height)
                            .auto_bounds([true, true])
                            .include_y(0.0)
                            .show_axes([false, true])
                            .y_grid_spacer(uniform_grid_spacer(value_steps))
                            .label_formatter(move |pos: &HoverPosition<'_>| {
                                let (HoverPosition::NearDataPoint { position, .. }
                                | HoverPosition::Elsewhere { position }) = pos;
                                Some(hover_text(position.x, data, base_data, shown, doses_tol))
                            });
                    plot = plot.custom_y_axes(y_axes(kind.right_axis()));
                    if reset {
                        plot = plot.reset();
                    }
                    let cache = self.current.as_ref().expect("prepared above");
                    let (shown, marks) = (&cache.shown[index], &cache.marks[index]);
                    let dose_marks = &cache.dose_marks[index];
                    let base_shown = self.baseline.as_ref().map(|c| &c.shown);
                    let response = plot.show(ui, |pu| {
                        let base = baseline.zip(base_shown).map(|(b, bs)| {
                            let bi = b.plots.iter().position(|(k, _)| *k == kind).unwrap_or(0);
                            (&b.plots[bi].1.curves, &bs[bi])
                        });
                        // Pulsed curves (oxytocin) beneath everything else, prolactin included.
                        if let Some((curves, bs)) = base {
                            add_curves(pu, curves, bs, &drawn_curves, true, true);
                        }
                        add_curves(pu, &data.curves, shown, &drawn_curves, false, true);
                        if let Some((curves, bs)) = base {
                            add_curves(pu, curves, bs, &drawn_curves, true, false);
                        }
                        for &(breast, t0, t1) in
                            data.engorged.iter().filter(|_| !hidden.contains(ENGORGED))
                        {
                            pu.span(
                                Span::new(format!("{} engorged", breast.name()), t0..=t1)
                                    .fill(ENGORGED_COLOR)
                                    .border_color(breast_color(breast).gamma_multiply(0.3)),
                            );
                        }
                        for (name, y, color) in data
                            .levels
                            .iter()
                            .filter(|(n, ..)| !hidden.contains(n.as_str()))
                        {
                            pu.hline(
                                HLine::new(name.clone(), *y)
                                    .color(*color)
                                    .style(LineStyle::dashed_loose()),
                            );
                        }
                        add_curves(pu, &data.curves, shown, &drawn_curves, false, false);
                        if !marks.is_empty() && !hidden.contains(LETDOWN) {
                            pu.points(
                                Points::new(LETDOWN, PlotPoints::Borrowed(marks))
                                    .shape(MarkerShape::Up)
                                    .filled(true)
                                    .radius(3.5)
                                    .color(LETDOWN_COLOR),
                            );
                        }
                        if !dose_marks.is_empty() && !hidden.contains(DOSE) {
                            pu.points(
                                Points::new(DOSE, PlotPoints::Borrowed(dose_marks))
                                    .shape(MarkerShape::Diamond)
                                    .filled(true)
                                    .radius(3.5)
                                    .color(MEDICINE_COLOR),
                            );
                        }
                        if let Some(span) = selected_span {
                            pu.span(selected_session_span(span));
                        }
                    });
                    let bounds = response.transform.bounds();
                    new_view = Some((bounds.min()[0], bounds.max()[0]));
                    self.width = response.response.rect.width();
                    if response.response.clicked()
                        && let Some(i) = session_near_pointer(&response, current, None)
                    {
                        action = Some(PlotAction::SelectSession(i));
                    }
                }
            });
        // The legend rows wrap with the width, so their height is only known once drawn: the
        // next frame gives the plots what they left.
        let measured = scrolled.content_size.y - heights.iter().sum::<f32>();
        if self
            .legend_rows_height
            .is_none_or(|h| (h - measured).abs() > 0.5)
        {
            self.legend_rows_height = Some(measured);
            ui.ctx().request_repaint();
        }
        if let Some(i) = strip.clicked {
            action = Some(PlotAction::SelectSession(i));
        }
        self.view_days = Some(new_view.unwrap_or(strip.view));
        // The whole stack, from the first legend to the time axis, both y axes included.
        self.rect = Some(Rect::from_min_max(
            top,
            ui.max_rect().max + egui::vec2(6.0, 0.0),
        ));
        action
    }

    /// The session bars, with the time axis under them.
    #[allow(clippy::too_many_arguments)]
    fn strip(
        &mut self,
        ui: &mut Ui,
        current: &RunPlots,
        selected: Option<usize>,
        selected_span: Option<(f64, f64)>,
        link: Id,
        reset: bool,
    ) -> StripOutcome {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 10.0;
            ui.label("Sessions (rows: left, right; feeds above pumps)")
                .on_hover_text("Every breastfeed and pump session, on the breast(s) it used (faded: offered but not taken from). Each breast's row has two lanes: breastfeeds in the upper one, pump sessions in the lower one, so both show when a pump follows a feed. Click one to see its minutes.");
            for kind in [Kind::Breastfeed, Kind::Pump] {
                let on = !self.hidden_sessions.contains(&kind);
                if legend_chip(ui, kind.name(), kind_color(kind), false, on).clicked() {
                    if on {
                        self.hidden_sessions.insert(kind);
                    } else {
                        self.hidden_sessions.remove(&kind);
                    }
                }
            }
            if self.exporting {
                return;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(
                        "Hover: values · drag: pan · Ctrl+scroll: zoom · double-click: whole run · click a session: its minutes",
                    )
                    .small()
                    .weak(),
                );
            });
        });
        let mut strip = on_time_axis(
            Plot::new("sessions"),
            ui.make_persistent_id("sessions"),
            link,
            current.horizon_days,
        )
        .height(STRIP_HEIGHT)
        .default_y_bounds(-0.1, 2.1)
        .auto_bounds([true, false])
        .show_grid([true, false])
        .y_grid_spacer(|_| {
            vec![
                GridMark {
                    value: 0.5,
                    step_size: 1.0,
                },
                GridMark {
                    value: 1.5,
                    step_size: 1.0,
                },
            ]
        })
        .custom_y_axes({
            let mut axes = y_axes(None);
            axes[0] = AxisHints::new_y().min_thickness(LEFT_AXIS_WIDTH).formatter(
                |m: GridMark, _: &RangeInclusive<f64>| {
                    if m.value > 1.0 { "left" } else { "right" }.to_owned()
                },
            );
            axes
        })
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label("days since birth")
                .label_spacing(TIME_LABEL_SPACING..=TIME_LABEL_SPACING + 20.0)
                .formatter(|m: GridMark, _: &RangeInclusive<f64>| time_tick(m.value, m.step_size)),
        ])
        .label_formatter(|pos: &HoverPosition<'_>| {
            let (HoverPosition::NearDataPoint { position, .. }
            | HoverPosition::Elsewhere { position }) = pos;
            Some(format_time_h(position.x * 24.0))
        });
        if reset {
            strip = strip.reset();
        }
        let bars = &self
            .current
            .as_ref()
            .expect("prepared before the strip")
            .bars;
        let hidden_sessions = &self.hidden_sessions;
        let response = strip.show(ui, |pu| {
            for kind in [Kind::Breastfeed, Kind::Pump]
                .into_iter()
                .filter(|k| !hidden_sessions.contains(k))
            {
                let chart: Vec<Bar> = bars
                    .iter()
                    .filter(|b| b.kind == kind)
                    .map(|b| {
                        let (base, height) = lane(kind, b.breast);
                        let mut color = kind_color(kind);
                        if !b.used {
                            // Offered but not taken from (the baby was satisfied on one side).
                            color = color.gamma_multiply(0.35);
                        }
                        let mut bar = Bar::new((b.start + b.end) / 2.0, height)
                            .width(b.end - b.start)
                            .base_offset(base)
                            .fill(color)
                            .name(b.describe());
                        if selected.is_some_and(|i| (b.first..b.first + b.count).contains(&i)) {
                            bar = bar.stroke(Stroke::new(2.0, Color32::GRAY));
                        }
                        bar
                    })
                    .collect();
                pu.bar_chart(BarChart::new(kind.name(), chart).color(kind_color(kind)));
            }
            if let Some(span) = selected_span {
                pu.span(selected_session_span(span));
            }
        });
        let b = response.transform.bounds();
        StripOutcome {
            clicked: if response.response.clicked() {
                // The lane clicked in says the kind; a click near no session of that kind still
                // finds the nearest of any kind.
                let kind = response
                    .response
                    .interact_pointer_pos()
                    .map(|p| lane_kind(response.transform.value_from_position(p).y));
                kind.and_then(|k| session_near_pointer(&response, current, Some(k)))
                    .or_else(|| session_near_pointer(&response, current, None))
            } else {
                None
            },
            view: (b.min()[0], b.max()[0]),
        }
    }
}

struct StripOutcome {
    clicked: Option<usize>,
    view: (f64, f64),
}

/// A pulsed curve (see [`Curve::max_view_days`]) is left out of a view this long.
fn too_wide(c: &Curve, (from, to): (f64, f64)) -> bool {
    // A little slack: a view set to exactly the limit still shows the curve.
    c.max_view_days.is_some_and(|max| to - from > max * 1.001)
}

/// What the legend says of a pulsed curve left out of a long view.
fn zoom_note(c: &Curve) -> String {
    let name = c.name.split(" (").next().unwrap_or(&c.name);
    let days = c.max_view_days.unwrap_or(0.0);
    format!("{name}: zoom in to {days} days or less to see its pulses")
}

/// Draws the curves that are `visible`, only the pulsed ones or only the others (`pulsed`), so
/// that the pulsed ones can go beneath.
fn add_curves<'a>(
    pu: &mut egui_plot::PlotUi<'a>,
    curves: &'a [Curve],
    shown: &'a [Shown],
    visible: &[bool],
    baseline: bool,
    pulsed: bool,
) {
    for ((c, s), _) in curves
        .iter()
        .zip(shown)
        .zip(visible)
        .filter(|((c, _), v)| **v && c.max_view_days.is_some() == pulsed)
    {
        let points = match s {
            Shown::Slice(r) => &c.points[r.clone()],
            Shown::Decimated(v) => v.as_slice(),
        };
        let (name, color, width) = if baseline {
            (
                format!("{} (baseline)", c.name),
                c.color.gamma_multiply(0.55),
                1.2,
            )
        } else {
            (c.name.clone(), c.color, 1.6)
        };
        let style = if baseline || c.dashed {
            LineStyle::dashed_loose()
        } else {
            LineStyle::Solid
        };
        pu.line(
            Line::new(name.clone(), PlotPoints::Borrowed(points))
                .color(color)
                .width(width)
                .style(style),
        );
        if c.markers && !baseline {
            pu.points(
                Points::new(name, PlotPoints::Borrowed(points))
                    .color(color)
                    .radius(2.5)
                    .shape(MarkerShape::Circle),
            );
        }
    }
}

/// What every plot on the shared time axis has: linked pan, zoom and cursor in time only, the
/// whole run within reach of a double-click, grid lines on whole hours and days, and the time
/// cursor that carries the hover read-out.
fn on_time_axis<'a>(plot: Plot<'a>, id: Id, link: Id, horizon_days: f64) -> Plot<'a> {
    plot.id(id)
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll([true, false])
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(horizon_days)
        // The hover read-out needs show_x: it draws the time cursor and the label.
        .show_x(true)
        .show_y(false)
        .x_grid_spacer(uniform_grid_spacer(time_steps))
}

/// The selected session's time, shaded across a plot.
fn selected_session_span((t0, t1): (f64, f64)) -> Span {
    Span::new("selected session", t0..=t1)
        .fill(Color32::from_rgba_unmultiplied(120, 120, 120, 40))
        .border(Stroke::new(1.0, Color32::GRAY))
}

/// The session nearest the pointer (of `kind`, if given), if it is within a few points of it.
fn session_near_pointer<R>(
    response: &egui_plot::PlotResponse<R>,
    plots: &RunPlots,
    kind: Option<Kind>,
) -> Option<usize> {
    let pos = response.response.interact_pointer_pos()?;
    let t = response.transform.value_from_position(pos).x;
    let tolerance = CLICK_TOLERANCE_PX * response.transform.dvalue_dpos()[0].abs();
    session_near(&plots.sessions, t, tolerance, kind)
}

/// The session nearest time `t` (days), of `kind` if given, within `tolerance` days.
fn session_near(
    sessions: &[SessionBar],
    t: f64,
    tolerance: f64,
    kind: Option<Kind>,
) -> Option<usize> {
    sessions
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k))
        .map(|s| {
            let d = if t < s.start_days {
                s.start_days - t
            } else if t > s.end_days {
                t - s.end_days
            } else {
                0.0
            };
            (d, s.index)
        })
        .filter(|(d, _)| *d <= tolerance)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(index: usize, start: f64, minutes: f64, side: SessionSide) -> SessionBar {
        SessionBar {
            index,
            start_days: start,
            end_days: start + minutes / 1440.0,
            kind: Kind::Breastfeed,
            side,
            used: [true, true],
        }
    }

    #[test]
    fn session_bars_merge_only_below_a_pixel_column() {
        // Ten feeds a day for a year, seen whole on 1000 columns: far fewer bars than sessions,
        // every session still inside one.
        let sessions: Vec<SessionBar> = (0..3650)
            .map(|i| session(i, i as f64 * 0.1, 15.0, SessionSide::Both))
            .collect();
        let bars = bars_in_view(&sessions, (0.0, 365.0), 0.365);
        assert!(bars.len() < 800, "{} bars", bars.len());
        let covered: usize = bars.iter().map(|b| b.count).sum();
        assert_eq!(covered, 2 * 3650, "each session on both rows");
        // Zoomed into one day: every session its own bar, on the side it used.
        let day = bars_in_view(&sessions, (10.0, 11.0), 1.0 / 1000.0);
        assert!(day.iter().all(|b| b.count == 1));
        assert_eq!(day.len(), 2 * 11);
        let one = [session(0, 1.0, 15.0, SessionSide::One(Breast::Right))];
        let bars = bars_in_view(&one, (0.0, 2.0), 0.001);
        assert_eq!(bars.len(), 1);
        assert_eq!(bars[0].breast, Breast::Right);
        assert!(bars[0].describe().starts_with("breastfeed right, day 1"));
    }

    #[test]
    fn the_hover_read_out_gives_every_shown_curve_with_its_unit() {
        let sc = crate::Scenario::default();
        let run = crate::simulate(&sc).unwrap();
        let plots = RunPlots::prepare(&sc, &run);
        let supply = plots.get(PlotKind::Supply);
        let shown: Vec<bool> = supply
            .curves
            .iter()
            .map(|c| c.name != "baby's appetite")
            .collect();
        let text = hover_text(20.0, supply, Some(supply), &shown, Some(0.01));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "day 20 00:00");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("milk made, last 24 h: ") && l.ends_with(" ml/day"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("left secretory capacity: ") && l.ends_with(" ml/h)"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("milk made, last 24 h (baseline): "))
        );
        assert!(!text.contains("appetite"), "a hidden curve is left out");
        // A calendar day's total says which day; a rolling 24 h sum says so in its name.
        let text = hover_text(20.2, supply, None, &shown, None);
        assert!(
            text.lines()
                .any(|l| l.starts_with("baby's intake at the breast, per day: ")
                    && l.ends_with(" ml/day, total of day 20")),
            "{text}"
        );
        assert!(text.contains("milk removed, last 24 h: "), "{text}");
        // Oxytocin is drawn ×10 against the prolactin axis but read out in its own unit.
        let hormones = plots.get(PlotKind::Hormones);
        let ox = hormones
            .curves
            .iter()
            .find(|c| c.name.starts_with("oxytocin"))
            .unwrap();
        let text = hover_text(20.0, hormones, None, &[true; 2], Some(0.01));
        let shown: f64 = text
            .lines()
            .find(|l| l.starts_with("oxytocin"))
            .and_then(|l| l.split(": ").nth(1))
            .and_then(|v| v.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        let drawn = value_near(ox, 20.0).unwrap();
        assert!(
            (shown - drawn / 10.0).abs() < 0.06,
            "{shown} pg/ml vs drawn {drawn}"
        );
    }

    #[test]
    fn oxytocin_is_drawn_only_over_short_views_and_read_out_always() {
        let sc = crate::Scenario::default();
        let run = crate::simulate(&sc).unwrap();
        let plots = RunPlots::prepare(&sc, &run);
        let hormones = plots.get(PlotKind::Hormones);
        let [prolactin, ox] = [&hormones.curves[0], &hormones.curves[1]];
        assert_eq!(prolactin.name, "prolactin");
        assert!(ox.name.starts_with("oxytocin"));
        // Prolactin is drawn at any zoom; oxytocin only over 2 days or less.
        assert!(!too_wide(prolactin, (0.0, 28.0)));
        assert!(too_wide(ox, (0.0, 28.0)));
        assert!(too_wide(ox, (10.0, 12.1)));
        assert!(!too_wide(ox, (10.0, 12.0)));
        assert!(!too_wide(ox, (10.0, 10.5)));
        assert_eq!(
            zoom_note(ox),
            "oxytocin: zoom in to 2 days or less to see its pulses"
        );
        // The read-out gives oxytocin whatever the zoom (it does not depend on the view).
        let text = hover_text(20.0, hormones, None, &[true; 2], None);
        assert!(text.lines().any(|l| l.starts_with("oxytocin")), "{text}");
    }

    #[test]
    fn value_ticks_keep_the_decimals_of_their_step() {
        assert_eq!(tick_text(7.5, 2.5), "7.5");
        assert_eq!(tick_text(5.0, 2.5), "5.0");
        assert_eq!(tick_text(750.0, 250.0), "750");
        assert_eq!(tick_text(0.75, 0.25), "0.75");
        assert_eq!(tick_text(40.0, 20.0), "40");
    }

    #[test]
    fn ticks_read_as_days_or_hours() {
        assert_eq!(time_tick(3.0, 7.0), "day 3");
        assert_eq!(time_tick(3.0, 1.0), "day 3");
        assert_eq!(time_tick(3.5, 0.5), "day 3 12:00");
        assert_eq!(time_tick(89.25, 6.0 / 24.0), "day 89 06:00");
        assert_eq!(time_tick(89.25 + 20.0 / 1440.0, 10.0 / 1440.0), "06:20");
        assert_eq!(time_tick(89.25, 30.0 / 1440.0), "day 89 06:00");
        // A value a hair under the minute still reads as that minute.
        assert_eq!(time_tick(89.5 - 1e-9, 1.0 / 24.0), "day 89 12:00");
    }

    /// The labels the time axis shows for a view of (from, to) days on `width` points, marked
    /// as egui_plot marks them (every multiple of each step, the largest step winning) and
    /// labelled where its marks are at least [`TIME_LABEL_SPACING`] apart.
    fn axis_labels(from: f64, to: f64, width: f64) -> Vec<String> {
        let input = GridInput {
            bounds: (from, to),
            base_step_size: (to - from) / width * 8.0,
        };
        let steps = time_steps(input);
        let mut marks: Vec<GridMark> = Vec::new();
        for step in steps {
            let first = (from / step).ceil() as i64;
            let last = (to / step).floor() as i64;
            for i in first..=last {
                let value = i as f64 * step;
                match marks
                    .iter_mut()
                    .find(|m| (m.value - value).abs() < 0.1 * steps[0])
                {
                    Some(m) => m.step_size = m.step_size.max(step),
                    None => marks.push(GridMark {
                        value,
                        step_size: step,
                    }),
                }
            }
        }
        marks.sort_by(|a, b| a.value.total_cmp(&b.value));
        marks
            .iter()
            .filter(|m| m.step_size / (to - from) * width >= f64::from(TIME_LABEL_SPACING))
            .map(|m| time_tick(m.value, m.step_size))
            .collect()
    }

    #[test]
    fn the_time_axis_is_labelled_without_repeats_at_every_zoom() {
        let check = |from: f64, to: f64| {
            let labels = axis_labels(from, to, 1100.0);
            assert!(labels.len() >= 2, "{from}..{to}: {labels:?}");
            assert!(labels.len() <= 11, "{from}..{to}: {labels:?}");
            let mut unique = labels.clone();
            unique.dedup();
            assert_eq!(unique, labels, "{from}..{to}: a label repeats");
            labels
        };
        // The whole run (four months): days.
        let whole = check(0.0, 120.0);
        assert!(
            whole
                .iter()
                .all(|l| l.starts_with("day ") && !l.contains(':'))
        );
        // Three days: days and the hours between them.
        let three = check(88.0, 91.0);
        assert!(three.contains(&"day 89".to_owned()), "{three:?}");
        assert!(three.contains(&"day 89 12:00".to_owned()), "{three:?}");
        // Six hours: day and hour.
        let six = check(89.0 + 3.5 / 24.0, 89.0 + 9.5 / 24.0);
        assert!(six.contains(&"day 89 06:00".to_owned()), "{six:?}");
        assert!(six.iter().all(|l| l.starts_with("day 89 ")), "{six:?}");
        // Twenty minutes: hours and minutes.
        let twenty = check(89.25 + 5.0 / 1440.0, 89.25 + 25.0 / 1440.0);
        assert!(twenty.contains(&"06:10".to_owned()), "{twenty:?}");
        assert!(twenty.iter().all(|l| l.len() == 5), "{twenty:?}");
    }

    #[test]
    fn feeds_and_pumps_have_lanes_of_their_own() {
        for b in Breast::BOTH {
            let (fb, fh) = lane(Kind::Breastfeed, b);
            let (pb, ph) = lane(Kind::Pump, b);
            assert!(pb + ph < fb, "the pump lane lies under the feed lane");
            assert!(fb + fh <= pb.floor() + 1.0, "both within the breast's row");
            assert_eq!(lane_kind(fb + fh / 2.0), Kind::Breastfeed);
            assert_eq!(lane_kind(pb + ph / 2.0), Kind::Pump);
        }
        // A feed and the pump right after it: both bars, on their own lanes, at any zoom.
        let feed = session(0, 10.0, 20.0, SessionSide::Both);
        let pump = SessionBar {
            kind: Kind::Pump,
            ..session(1, 10.0 + 21.0 / 1440.0, 15.0, SessionSide::Both)
        };
        let sessions = [feed, pump];
        for column in [1e-4, 0.01, 0.5] {
            let bars = bars_in_view(&sessions, (0.0, 20.0), column);
            for kind in [Kind::Breastfeed, Kind::Pump] {
                assert_eq!(bars.iter().filter(|b| b.kind == kind).count(), 2);
            }
        }
        // A click on a lane picks that lane's session, even nearer the other one in time.
        let t = 10.0 + 20.5 / 1440.0;
        let tol = 5.0 / 1440.0;
        assert_eq!(
            session_near(&sessions, t, tol, Some(Kind::Breastfeed)),
            Some(0)
        );
        assert_eq!(session_near(&sessions, t, tol, Some(Kind::Pump)), Some(1));
        assert_eq!(session_near(&sessions, 12.0, tol, None), None);
    }

    #[test]
    fn heights_share_the_space_and_respect_the_minimum() {
        let h = share_height(600.0, &[1.5, 1.0, 1.0, 1.0, 0.5], 80.0);
        assert!((h.iter().sum::<f32>() - 600.0).abs() < 0.01);
        assert!((h[0] / h[1] - 1.5).abs() < 1e-4);
        let h = share_height(400.0, &[2.0, 1.0, 0.5], 100.0);
        assert_eq!(h[2], 100.0);
        assert!((h.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert!((h[0] / h[1] - 2.0).abs() < 1e-4);
        // Too little room: everything at the minimum (the stack then scrolls).
        assert_eq!(share_height(100.0, &[1.0, 1.0], 80.0), vec![80.0, 80.0]);
    }

    #[test]
    fn value_steps_are_one_two_five() {
        let input = |top: f64| GridInput {
            bounds: (0.0, top),
            base_step_size: top / 50.0,
        };
        assert_eq!(value_steps(input(900.0))[1], 200.0);
        assert_eq!(value_steps(input(50.0))[1], 10.0);
        assert_eq!(value_steps(input(0.8))[1], 0.2);
    }

    #[test]
    fn grid_steps_are_whole_minutes_hours_or_days() {
        // 1100 points wide: 8 points of base step.
        let steps = |span: f64| {
            time_steps(GridInput {
                bounds: (0.0, span),
                base_step_size: span / 1100.0 * 8.0,
            })
        };
        assert_eq!(steps(28.0)[1], 7.0);
        assert_eq!(steps(1.0)[1], 3.0 / 24.0);
        assert_eq!(steps(20.0 / 1440.0)[1], 2.0 / 1440.0);
        assert_eq!(steps(3650.0)[2], 896.0);
        for span in [0.001, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0, 1000.0] {
            let [a, b, c] = steps(span);
            for (fine, coarse) in [(a, b), (b, c)] {
                let r = coarse / fine;
                assert!((r - r.round()).abs() < 1e-6, "{fine} divides {coarse}");
            }
            for s in [a, b, c] {
                let minutes = s * 1440.0;
                assert!((minutes - minutes.round()).abs() < 1e-6, "{s}");
            }
        }
    }
}
