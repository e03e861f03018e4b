//! The stack of plots sharing one time axis, and the session bars under them. Draws what
//! [`RunPlots`] prepared; the only per-frame work is re-bucketing long curves when the view
//! changes ([`decimate`]).

use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::sync::Arc;

use egui::{Color32, Id, Rect, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, FilledArea, GridInput, GridMark, HLine, HPlacement, HoverPosition, Line, LineStyle,
    MarkerShape, Plot, PlotPoint, PlotPoints, Points, Span, VLine, uniform_grid_spacer,
};

use super::day_summary::{DETAIL_MAX_VIEW_DAYS, DayRange, summarised};
use super::hover::hover_text;
use super::legend::{LegendNotes, legend_row};
use super::mothers::MothersView;
use super::plot_data::{
    Curve, DailyForm, ENGORGED_COLOR, LETDOWN_COLOR, MEDICINE_COLOR, PlotKind, RunPlots, Shown,
    breast_color, decimate,
};
use super::session_bars::{
    SessionBarInView, SessionStrip, bars_in_view, selected_session_span, session_near_pointer,
};
use super::time_axis::on_time_axis;

/// Lowest height of one plot, points: enough for a trend over the run and three value labels,
/// and low enough that the five default plots fit beneath the header at 1280×800 with a baseline
/// pinned (taller windows share the rest by each plot's weight).
const MIN_PLOT_HEIGHT: f32 = 54.0;
/// The same on a phone's narrow screen, where the header leaves the plots a few hundred points:
/// plots of 54 points showed one value label and a flat line, so there they keep a readable
/// height and scroll.
const MIN_PLOT_HEIGHT_NARROW: f32 = 160.0;
/// Narrower than this (points), the plots are on a phone.
const NARROW_PLOTS_WIDTH: f32 = 500.0;

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
    /// Today, as a day since birth, marked on every plot (the parent's face, when her baby's
    /// date of birth is known).
    pub today_day: Option<f64>,
    /// A span of days shaded on every plot with its name (a question's change, in the parent's
    /// face).
    pub change_span: Option<(f64, f64, &'static str)>,
    /// Her log's amounts at each session (days since birth, ml): with them, the plot of the milk
    /// at each session is drawn above the stack.
    pub logged: Option<Arc<Vec<PlotPoint>>>,
    /// The parent's face: the mothers in the legends and read-outs are "like you".
    pub parent_face: bool,
    /// A plain one-line caption above each plot, with its technical words explained on hover
    /// (the parent's face under *Show me more*).
    pub captions: bool,
    /// What the pinned run is called in the legends and read-outs: "baseline", or in the
    /// parent's face, while a question is answered, "as it is now".
    pub baseline_word: &'static str,
    /// The visible time range (days) of the last frame; the plots are linked, so one range.
    view_days: Option<(f64, f64)>,
    /// Width of the plot area of the last frame, points.
    width: f32,
    current: Option<Cache>,
    baseline: Option<Cache>,
    /// Curves the person hid, by plot and name (the baseline's twin is hidden with it).
    hidden: HashSet<(PlotKind, String)>,
    /// The session bars under the plots.
    strip: SessionStrip,
    /// Each curve drawn in the last frame, and how (for tests and the timing overlay).
    drawn: Vec<(PlotKind, String, Form)>,
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
            today_day: None,
            change_span: None,
            captions: false,
            logged: None,
            parent_face: false,
            baseline_word: BASELINE,
            view_days: None,
            width: 800.0,
            current: None,
            baseline: None,
            hidden: HashSet::new(),
            hidden_ready: HashSet::new(),
            strip: SessionStrip::default(),
            drawn: Vec::new(),
            rect: None,
            reset: false,
            legend_rows_height: None,
            exporting: false,
        }
    }
}

/// Legend names of the marks that are not curves.
pub(super) const ENGORGED: &str = "engorged (shaded)";
pub(super) const LETDOWN: &str = "let-down (triangles)";
/// The mark of today on the time axis.
const TODAY: &str = "today";
/// Her log's amounts, on the plot of the milk at each session.
const HER_LOG: &str = "her log";
/// What the pinned run is called unless the face says otherwise.
pub const BASELINE: &str = "baseline";
/// The shading of a question's change (light, under the curves, in both themes).
const CHANGE_FILL: Color32 = Color32::from_rgba_unmultiplied_const(60, 110, 200, 30);
pub(super) const DOSE: &str = "dose (diamonds)";
/// How near (points) the pointer must be to a dose for the read-out to name it.
const DOSE_HOVER_PX: f64 = 6.0;

/// What a person did in the plots.
pub enum PlotAction {
    SelectSession(usize),
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
pub(super) const LEFT_AXIS_WIDTH: f32 = 48.0;
const RIGHT_AXIS_WIDTH: f32 = 44.0;

/// The left axis, and a right one: with its own unit for a quantity drawn scaled against it, or
/// empty (but as wide) on the other plots.
pub(super) fn y_axes(right: Option<(f64, &'static str)>) -> Vec<AxisHints<'static>> {
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

impl PlotsView {
    /// Forget the zoom: the next frame shows the whole run.
    pub fn reset_view(&mut self) {
        self.reset = true;
    }

    /// Each curve drawn in the last frame (on in the legend), by plot and name, and how.
    pub fn drawn(&self) -> &[(PlotKind, String, Form)] {
        &self.drawn
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        current: &Arc<RunPlots>,
        baseline: Option<&Arc<RunPlots>>,
        selected: Option<usize>,
        mothers: &MothersView,
        // One plot alone (the parent's face), else the stack as chosen in View.
        only: Option<PlotKind>,
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
        let visible: Vec<PlotKind> = match only {
            Some(kind) => vec![kind],
            None => self
                .logged
                .iter()
                .map(|_| PlotKind::HerSessions)
                .chain(
                    PlotKind::ALL
                        .into_iter()
                        .filter(|k| self.visible.contains(k))
                        .filter(|k| *k != PlotKind::Medicine || has_medicine),
                )
                .collect(),
        };
        let logged = self.logged.clone();
        // The read-out names the doses within a few points of the pointer.
        let dose_tolerance = DOSE_HOVER_PX * (view.1 - view.0) / f64::from(self.width.max(100.0));
        // Each plot has a legend row above it.
        let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        let selected_span = selected
            .and_then(|i| current.sessions.get(i))
            .map(|s| (s.start_days, s.end_days));

        let mut action = None;
        let today_day = self.today_day;
        let change_span = self.change_span;
        let baseline_word = self.baseline_word;
        let parent_face = self.parent_face;
        let ui_text_color = ui.visuals().strong_text_color();
        self.drawn.clear();
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
                let bars = &self.current.as_ref().expect("prepared above").bars;
                self.strip.ui(
                    ui,
                    current,
                    bars,
                    self.exporting,
                    selected,
                    selected_span,
                    link,
                    reset,
                )
            })
            .inner;
        let overhead = self
            .legend_rows_height
            .unwrap_or(visible.len() as f32 * (row + ui.spacing().item_spacing.y));
        // A couple of points spare: a fraction of a point over would show a scroll bar.
        let min_height = if ui.available_width() < NARROW_PLOTS_WIDTH {
            MIN_PLOT_HEIGHT_NARROW
        } else {
            MIN_PLOT_HEIGHT
        };
        let heights = share_height(
            ui.available_height() - overhead - 2.0,
            &visible.iter().map(|k| k.weight()).collect::<Vec<_>>(),
            min_height,
        );
        let scrolled = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            // A scroll bar that shows only on hover hides that the last plots are below.
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
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
                    let shaded = mothers.shades(kind);
                    if self.captions && !self.exporting {
                        super::glossary::caption(ui, kind.parent_caption());
                    }
                    legend_row(
                        ui,
                        kind,
                        data,
                        &mut self.hidden,
                        view,
                        LegendNotes {
                            baseline: baseline.is_some().then_some(baseline_word),
                            shaded_by_mothers: shaded,
                            parent: parent_face,
                        },
                    );
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
                    // How each curve is drawn: not when off in the legend, and as the view
                    // allows (a pulsed curve only over a short view, a dense one as its daily
                    // summary over a long one).
                    let forms: Vec<Option<Form>> = data
                        .curves
                        .iter()
                        .zip(&visible_curves)
                        .map(|(c, on)| on.then(|| form_in_view(c, view)))
                        .collect();
                    self.drawn.extend(
                        data.curves
                            .iter()
                            .zip(&forms)
                            .filter_map(|(c, f)| Some((kind, c.name.clone(), (*f)?))),
                    );
                    let shown = &visible_curves;
                    let view_days = view.1 - view.0;
                    let calendar = current.calendar;
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
                                let mut text = hover_text(
                                    position.x,
                                    data,
                                    base_data.map(|b| (b, baseline_word)),
                                    shown,
                                    view_days,
                                    doses_tol,
                                    calendar,
                                );
                                if let Some(bands) = mothers.hover(kind, position.x, parent_face) {
                                    text.push('\n');
                                    text.push_str(&bands);
                                }
                                Some(text)
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
                        // How mothers differ, under every curve.
                        mothers.draw(pu, kind);
                        // Pulsed curves (oxytocin) beneath everything else, prolactin included.
                        if let Some((curves, bs)) = base {
                            add_curves(pu, curves, bs, &forms, Some(baseline_word), true);
                        }
                        add_curves(pu, &data.curves, shown, &forms, None, true);
                        if let Some((curves, bs)) = base {
                            add_curves(pu, curves, bs, &forms, Some(baseline_word), false);
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
                        add_curves(pu, &data.curves, shown, &forms, None, false);
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
                        if kind == PlotKind::HerSessions
                            && let Some(points) = &logged
                        {
                            pu.points(
                                Points::new(HER_LOG, PlotPoints::Borrowed(points))
                                    .shape(MarkerShape::Cross)
                                    .radius(4.0)
                                    .color(ui_text_color),
                            );
                        }
                        if let Some((from, to, name)) = change_span {
                            pu.span(
                                Span::new(name, from..=to)
                                    .fill(CHANGE_FILL)
                                    .border(Stroke::NONE),
                            );
                        }
                        if let Some(day) = today_day {
                            pu.vline(
                                VLine::new(TODAY, day)
                                    .color(ui_text_color)
                                    .width(1.5)
                                    .style(LineStyle::dashed_dense()),
                            );
                            // At the foot of the line: y = 0 is always in view, and a label
                            // at the top would push the plot's bounds up frame after frame.
                            pu.text(
                                egui_plot::Text::new(
                                    TODAY,
                                    PlotPoint::new(day, 0.0),
                                    RichText::new(" today").strong(),
                                )
                                .anchor(egui::Align2::LEFT_BOTTOM)
                                .color(ui_text_color),
                            );
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
        self.strip.more_plots_below = scrolled.content_size.y
            - scrolled.state.clamped_offset().y
            - scrolled.inner_rect.height()
            > 1.0;
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
}

/// A pulsed curve (see [`Curve::max_view_days`]) is left out of a view this long.
pub(super) fn too_wide(c: &Curve, (from, to): (f64, f64)) -> bool {
    // A little slack: a view set to exactly the limit still shows the curve.
    c.max_view_days.is_some_and(|max| to - from > max * 1.001)
}

/// What the legend says of a pulsed curve left out of a long view.
pub(super) fn zoom_note(c: &Curve) -> String {
    let name = c.name.split(" (").next().unwrap_or(&c.name);
    let days = c.max_view_days.unwrap_or(0.0);
    format!("{name}: zoom in to {days} days or less to see its pulses")
}

/// How a curve is drawn in a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// As sampled: a curve without a daily summary, or one zoomed in far enough for its detail.
    Points,
    /// As its daily summary: a view too long to read its pulses or sessions one by one.
    Daily(DailyForm),
    /// Not drawn: a pulsed curve over a view too long for it (the read-out still gives it).
    LeftOut,
}

/// How `c` is drawn over `view` (days).
pub fn form_in_view(c: &Curve, view: (f64, f64)) -> Form {
    match &c.daily {
        _ if too_wide(c, view) => Form::LeftOut,
        Some(d) if summarised(view.1 - view.0, DETAIL_MAX_VIEW_DAYS) => Form::Daily(d.form),
        _ => Form::Points,
    }
}

/// Draws the curves that are shown (`forms`, per curve; `None` when off in the legend), only the
/// pulsed ones or only the others (`pulsed`), so that the pulsed ones can go beneath.
fn add_curves<'a>(
    pu: &mut egui_plot::PlotUi<'a>,
    curves: &'a [Curve],
    shown: &'a [Shown],
    forms: &[Option<Form>],
    // The pinned run's curves are drawn dashed and faded, named with this word.
    baseline: Option<&str>,
    pulsed: bool,
) {
    for ((c, s), form) in curves
        .iter()
        .zip(shown)
        .zip(forms)
        .filter(|((c, _), _)| c.max_view_days.is_some() == pulsed)
        .filter(|((c, _), _)| !(baseline.is_some() && c.same_in_baseline))
    {
        let (name, color, width) = if let Some(word) = baseline {
            (
                format!("{} ({word})", c.name),
                c.color.gamma_multiply(0.55),
                1.2,
            )
        } else {
            (c.name.clone(), c.color, 1.6)
        };
        let style = if baseline.is_some() || c.dashed {
            LineStyle::dashed_loose()
        } else {
            LineStyle::Solid
        };
        let (points, markers) = match (form, &c.daily) {
            (Some(Form::Points), _) => match s {
                Shown::Slice(r) => (&c.points[r.clone()], c.markers),
                Shown::Decimated(v) => (v.as_slice(), c.markers),
            },
            (Some(Form::Daily(_)), Some(daily)) => {
                if baseline.is_none() {
                    add_daily_range(pu, &name, color, &daily.ranges);
                }
                // A marker a day: the means are few, and each stands for a whole day.
                (
                    daily.means.as_slice(),
                    daily.form == DailyForm::MeanByVolume,
                )
            }
            _ => continue,
        };
        pu.line(
            Line::new(name.clone(), PlotPoints::Borrowed(points))
                .color(color)
                .width(width)
                .style(style),
        );
        if markers && baseline.is_none() {
            pu.points(
                Points::new(name, PlotPoints::Borrowed(points))
                    .color(color)
                    .radius(2.5)
                    .shape(MarkerShape::Circle),
            );
        }
    }
}

/// Each day's trough to peak, lightly shaded in the curve's colour: a step a day, since each
/// value holds for the whole day.
fn add_daily_range(
    pu: &mut egui_plot::PlotUi<'_>,
    name: &str,
    color: Color32,
    ranges: &[DayRange],
) {
    if ranges.is_empty() {
        return;
    }
    let xs: Vec<f64> = ranges
        .iter()
        .flat_map(|d| [d.from_days, d.to_days])
        .collect();
    let lows: Vec<f64> = ranges.iter().flat_map(|d| [d.low, d.low]).collect();
    let highs: Vec<f64> = ranges.iter().flat_map(|d| [d.high, d.high]).collect();
    pu.add(
        FilledArea::new(format!("{name} (daily range)"), &xs, &lows, &highs)
            .fill_color(color.gamma_multiply(0.18))
            .allow_hover(false),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text = hover_text(
            20.0,
            hormones,
            None,
            &[true; 2],
            28.0,
            None,
            crate::calendar::Calendar::default(),
        );
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
}
