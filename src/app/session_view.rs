//! "Zoom into one feed": the minutes of one session — flow from each breast, each let-down, the
//! fat of the milk as the breast empties, milk removed — beside the same numbers written out.

use egui::{Color32, Grid, Ui};
use egui_plot::{Corner, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::plot_data::{LETDOWN_COLOR, breast_color};
use crate::calendar::Calendar;
use crate::run::{Run, SessionResult, SessionTrace};
use crate::scenario::Breast;
use crate::schedule::{Kind, Origin, format_time_h};

/// What the person asked for in the session window.
pub enum SessionAction {
    Show(usize),
    Close,
}

fn minutes(s: &SessionResult, t_h: f64) -> f64 {
    (t_h - s.start_h) * 60.0
}

fn fmt_fat(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.1} g/L")
    } else {
        "—".into()
    }
}

/// The session window's content for session `index` of `run`.
/// `trace` is that session's fine trace ([`crate::trace_of`]).
pub fn ui(
    ui: &mut Ui,
    run: &Run,
    trace: &SessionTrace,
    calendar: Calendar,
    index: usize,
) -> Option<SessionAction> {
    let s = run.sessions.get(index)?;
    let mut action = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("< Previous"))
            .clicked()
        {
            action = Some(SessionAction::Show(index - 1));
        }
        if ui
            .add_enabled(index + 1 < run.sessions.len(), egui::Button::new("Next >"))
            .clicked()
        {
            action = Some(SessionAction::Show(index + 1));
        }
        if ui.button("Close").clicked() {
            action = Some(SessionAction::Close);
        }
    });
    let origin = match s.origin {
        Origin::Responsive => "fed on demand".to_owned(),
        Origin::Rule(i) => format!("rule {}", i + 1),
        Origin::Single(i) => format!("single session {}", i + 1),
    };
    ui.strong(format!(
        "{}, {}, {} – {}, {:.0} min, {origin}",
        match s.kind {
            Kind::Breastfeed => "Breastfeed",
            Kind::Pump => "Pump session",
        },
        s.sides_words(),
        calendar.time_words(s.start_h),
        format_time_h(s.end_h).split(' ').next_back().unwrap_or(""),
        s.duration_min()
    ));

    ui.columns(2, |cols| {
        trace_plots(&mut cols[0], s, trace);
        numbers(&mut cols[1], s);
    });
    action
}

fn trace_plots(ui: &mut Ui, s: &SessionResult, tr: &SessionTrace) {
    let x: Vec<f64> = tr.t_h.iter().map(|&t| minutes(s, t)).collect();
    let line = |y: &[f64]| -> Vec<[f64; 2]> {
        x.iter()
            .zip(y)
            .filter(|(_, v)| v.is_finite())
            .map(|(&a, &b)| [a, b])
            .collect()
    };
    let letdowns: Vec<f64> = s.letdowns_h.iter().map(|&t| minutes(s, t)).collect();
    let link = ui.scope_id().with("session minutes");
    let height = ((ui.available_height() - 60.0) / 3.0).clamp(90.0, 220.0);
    let plot = |id: &str, unit: &str| {
        Plot::new(id.to_owned())
            .height(height)
            .link_axis(link, [true, false])
            .link_cursor(link, [true, false])
            .legend(Legend::default().position(Corner::RightTop))
            .include_y(0.0)
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .y_axis_label(unit.to_owned())
            .y_grid_spacer(egui_plot::uniform_grid_spacer(super::plots::value_steps))
            .y_axis_min_width(40.0)
            .label_formatter(|pos: &HoverPosition<'_>| match pos {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => Some(format!(
                    "{plot_name}\n{:.1} min: {:.1}",
                    position.x, position.y
                )),
                HoverPosition::Elsewhere { position } => Some(format!("{:.1} min", position.x)),
            })
    };
    let letdown_lines = |pu: &mut egui_plot::PlotUi<'_>| {
        for &t in &letdowns {
            pu.vline(
                VLine::new("let-down", t)
                    .color(LETDOWN_COLOR)
                    .style(LineStyle::dashed_loose()),
            );
        }
    };
    ui.label("Flow from each breast (ml/min); dashed: let-downs");
    plot("session flow", "ml/min").show(ui, |pu| {
        letdown_lines(pu);
        for b in Breast::BOTH {
            let pts = line(&tr.flow_ml_per_min[b.index()]);
            if pts.iter().any(|p| p[1] > 0.0) {
                pu.line(Line::new(b.name(), PlotPoints::new(pts)).color(breast_color(b)));
            }
        }
    });
    ui.label("Fat of the milk leaving the breast (g/L): it rises as the breast empties");
    plot("session fat", "g/L").show(ui, |pu| {
        letdown_lines(pu);
        for b in Breast::BOTH {
            let pts = line(&tr.fat_g_l[b.index()]);
            if !pts.is_empty() {
                pu.line(Line::new(b.name(), PlotPoints::new(pts)).color(breast_color(b)));
            }
        }
    });
    ui.label("Milk removed so far (ml) and oxytocin (pg/ml)");
    plot("session removed", "ml · pg/ml")
        .x_axis_label("minutes since the start")
        .show(ui, |pu| {
            letdown_lines(pu);
            pu.line(
                Line::new("removed (ml)", PlotPoints::new(line(&tr.removed_ml)))
                    .color(Color32::from_rgb(0x8e, 0x44, 0xad)),
            );
            pu.line(
                Line::new(
                    "oxytocin (pg/ml)",
                    PlotPoints::new(line(&tr.oxytocin_pg_ml)),
                )
                .color(Color32::from_rgb(0xc0, 0x39, 0x8b)),
            );
        });
}

fn numbers(ui: &mut Ui, s: &SessionResult) {
    Grid::new("session numbers")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                ui.label(k);
                ui.label(v);
                ui.end_row();
            };
            row(
                "Milk removed",
                format!(
                    "{:.0} ml (left {:.0}, right {:.0})",
                    s.total_removed_ml(),
                    s.removed_ml[0],
                    s.removed_ml[1]
                ),
            );
            row(
                "In the breasts at the start",
                format!(
                    "left {:.0} ml, right {:.0} ml",
                    s.stored_at_start_ml[0], s.stored_at_start_ml[1]
                ),
            );
            row(
                "Share of it removed",
                format!("{:.0}%", 100.0 * s.share_removed()),
            );
            let lds: Vec<String> = s
                .letdowns_h
                .iter()
                .map(|&t| format!("{:.1}", minutes(s, t)))
                .collect();
            row(
                "Let-downs",
                if lds.is_empty() {
                    "none".into()
                } else {
                    format!("{} (at {} min)", lds.len(), lds.join(", "))
                },
            );
            row("Fat of the first milk", fmt_fat(s.first_milk_fat_g_l));
            row("Fat of the last milk", fmt_fat(s.last_milk_fat_g_l));
            row("Fat of all the milk removed", fmt_fat(s.milk.fat_g_l));
            row(
                "Lactose, protein",
                format!(
                    "{:.1} g/L, {:.1} g/L",
                    s.milk.lactose_g_l, s.milk.protein_g_l
                ),
            );
            row("Sodium", format!("{:.1} mmol/L", s.milk.sodium_mmol_l));
            row(
                "sIgA, lactoferrin",
                format!(
                    "{:.2} g/L, {:.2} g/L",
                    s.milk.siga_g_l, s.milk.lactoferrin_g_l
                ),
            );
            row(
                "Prolactin",
                format!(
                    "{:.0}, peak {:.0} ng/ml, {:.0} min after the start",
                    s.prolactin_start_ng_ml,
                    s.prolactin_peak_ng_ml,
                    minutes(s, s.prolactin_peak_h)
                ),
            );
            if s.kind == Kind::Breastfeed {
                row(
                    "The baby",
                    if s.satisfied {
                        "stopped satisfied".into()
                    } else {
                        "stopped before being satisfied (flow ran dry or time ran out)".into()
                    },
                );
            }
        });
}
