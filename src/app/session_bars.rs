//! The session bars under the plots: every breastfeed and pump session on the breast(s) it used,
//! feeds and pumps in lanes of their own, with the shared time axis under them.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use egui::{Color32, Id, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, HoverPosition, Plot, Span};

use super::legend::legend_chip;
use super::plot_data::{RunPlots, SessionBar, kind_color};
use super::plots::{LEFT_AXIS_WIDTH, y_axes};
use super::time_axis::{TIME_LABEL_SPACING, on_time_axis, time_tick};
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

/// How near (points) a click must be to a session to select it.
const CLICK_TOLERANCE_PX: f64 = 8.0;

/// One bar under the plots: a session on one breast, or several that fall in one pixel column.
pub(super) struct SessionBarInView {
    kind: Kind,
    breast: Breast,
    side: SessionSide,
    start: f64,
    end: f64,
    /// Did any of them take milk from this breast?
    used: bool,
    /// Which breasts the first of them took milk from.
    session_used: [bool; 2],
    /// Index of the first session, and how many there are.
    first: usize,
    count: usize,
}

impl SessionBarInView {
    fn describe(&self) -> String {
        // As the session used them: a breastfeed offered both sides may take from one only.
        let side = match (self.side, self.session_used) {
            (SessionSide::Both, [true, false]) => "left side only",
            (SessionSide::Both, [false, true]) => "right side only",
            (SessionSide::Both, _) => "both sides",
            (SessionSide::One(b), _) => b.name(),
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
pub(super) fn bars_in_view(
    sessions: &[SessionBar],
    view: (f64, f64),
    column: f64,
) -> Vec<SessionBarInView> {
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
                session_used: s.used,
                first: s.index,
                count: 1,
            });
        }
    }
    out
}

/// The session bars and what the person chose of them.
#[derive(Default)]
pub(super) struct SessionStrip {
    /// Kinds of session the person hid from the bars.
    hidden: HashSet<Kind>,
    /// Some plots lie below the bottom of the scrolled stack (as drawn in the last frame).
    pub more_plots_below: bool,
}

/// What the person did in the session bars, and the time range they showed.
pub(super) struct StripOutcome {
    pub clicked: Option<usize>,
    pub view: (f64, f64),
}

impl SessionStrip {
    /// The session bars (`bars`, those in view), with the time axis under them.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        current: &RunPlots,
        bars: &[SessionBarInView],
        exporting: bool,
        selected: Option<usize>,
        selected_span: Option<(f64, f64)>,
        link: Id,
        reset: bool,
    ) -> StripOutcome {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 10.0;
            ui.label("Sessions (rows: left, right; feeds above pumps)")
                .on_hover_text("Every breastfeed and pump session, on the breast(s) it used (faded: offered but not taken from). Each breast's row has two lanes: breastfeeds in the upper one, pump sessions in the lower one, so both show when a pump follows a feed. Click one to see its minutes.");
            for kind in [Kind::Breastfeed, Kind::Pump] {
                let on = !self.hidden.contains(&kind);
                if legend_chip(ui, kind.name(), kind_color(kind), false, on).clicked() {
                    if on {
                        self.hidden.insert(kind);
                    } else {
                        self.hidden.remove(&kind);
                    }
                }
            }
            if exporting {
                return;
            }
            let more_below = self.more_plots_below;
            let hint = if more_below {
                // The window is too low for every plot at a readable height: say so, rather
                // than leave the last plots below the edge unnoticed.
                RichText::new("More plots below: scroll them, or choose fewer in View")
                    .small()
                    .color(ui.visuals().warn_fg_color)
            } else if super::platform::touch_first(ui.ctx()) {
                RichText::new(
                    "Hold a finger: values · drag: pan · pinch: zoom · double-tap: whole run · tap a session: its minutes",
                )
                .small()
                .weak()
            } else {
                RichText::new(
                    "Hover: values · drag: pan · Ctrl+scroll: zoom · double-click: whole run · click a session: its minutes",
                )
                .small()
                .weak()
            };
            // On a narrow screen the hint goes on lines of its own, not over the chips (and
            // wraps: a line wider than a phone was cut at its start); else to the right.
            if ui.available_width() < 400.0 {
                ui.end_row();
                ui.add(egui::Label::new(hint).wrap());
            } else {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(hint);
                });
            }
        });
        let calendar = current.calendar;
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
                .label(current.calendar.axis_title())
                .label_spacing(TIME_LABEL_SPACING..=TIME_LABEL_SPACING + 20.0)
                .formatter(|m: GridMark, _: &RangeInclusive<f64>| time_tick(m.value, m.step_size)),
        ])
        .label_formatter(move |pos: &HoverPosition<'_>| {
            let (HoverPosition::NearDataPoint { position, .. }
            | HoverPosition::Elsewhere { position }) = pos;
            Some(calendar.time_words(position.x * 24.0))
        });
        if reset {
            strip = strip.reset();
        }
        let hidden_sessions = &self.hidden;
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

/// The selected session's time, shaded across a plot.
pub(super) fn selected_session_span((t0, t1): (f64, f64)) -> Span {
    Span::new("selected session", t0..=t1)
        .fill(Color32::from_rgba_unmultiplied(120, 120, 120, 40))
        .border(Stroke::new(1.0, Color32::GRAY))
}

/// The session nearest the pointer (of `kind`, if given), if it is within a few points of it.
pub(super) fn session_near_pointer<R>(
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
}
