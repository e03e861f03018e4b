//! Speed of the explorer's path from an edit to pixels-to-be (issue: a slider edit on a 28-day
//! scenario re-simulates and redraws within one 60 Hz frame, 16 ms). Run with
//! `cargo bench --bench explorer`. Measured on the CPU only: the model, the plot data, the egui
//! layout of the whole window and its tessellation into triangles (what the GPU then draws).

use criterion::{Criterion, criterion_group, criterion_main};
use lactosim::Scenario;
use lactosim::app::files::NoDialogs;
use lactosim::app::{App, plot_data, runner};
use lactosim::edit::Edit;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// One frame of the whole window: layout, plots, and tessellation.
fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let out = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn app_on(days: f64) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    let mut app = App::with_dialogs(Box::new(NoDialogs));
    app.edit(Edit::SetParam {
        path: "horizon_days",
        value: days,
    });
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    app.wait_for_run(&ctx);
    frame(&ctx, &mut app);
    (ctx, app)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("explorer");
    g.sample_size(20);
    for days in [28.0, 365.0] {
        let sc = Scenario {
            horizon_days: days,
            ..Scenario::default()
        };
        g.bench_function(format!("simulate_and_plot_data_{days}_days"), |b| {
            b.iter(|| runner::compute(std::hint::black_box(&sc)).unwrap())
        });
        let (ctx, mut app) = app_on(days);
        g.bench_function(format!("frame_{days}_days"), |b| {
            b.iter(|| frame(&ctx, &mut app))
        });
    }
    // What a pan or zoom costs on top of a frame: every curve of a year re-bucketed for a new
    // visible range on a 1000-column plot.
    let year = runner::compute(&Scenario {
        horizon_days: 365.0,
        ..Scenario::default()
    })
    .unwrap();
    let mut shift = 0.0;
    g.bench_function("rebucket_curves_for_a_new_view_365_days", |b| {
        b.iter(|| {
            shift = (shift + 1.0) % 100.0;
            year.plots
                .plots
                .iter()
                .flat_map(|(_, p)| &p.curves)
                .map(
                    |c| match plot_data::decimate(&c.points, shift, shift + 200.0, 1000) {
                        plot_data::Shown::Slice(r) => r.len(),
                        plot_data::Shown::Decimated(v) => v.len(),
                    },
                )
                .sum::<usize>()
        })
    });
    // What a person feels while dragging a slider: an edit, its re-simulation, and the frame.
    let (ctx, mut app) = app_on(28.0);
    let mut stress = 0.0;
    g.bench_function("slider_edit_and_frame_28_days", |b| {
        b.iter(|| {
            stress = if stress > 0.5 { 0.0 } else { stress + 0.01 };
            app.edit(Edit::SetParam {
                path: "mother.stress_0_to_1",
                value: stress,
            });
            frame(&ctx, &mut app)
        })
    });
    // A parent's question (issue "A parent's view"): both runs from birth to two weeks past
    // the change and back, their plot data and the answer, for a five-week-old; then a frame
    // of the window with the answer open.
    let (ctx, mut app) = app_on(28.0);
    app.choose_audience(lactosim::app::Audience::Parent);
    app.mothers.switch_off();
    for e in app.baby_age_edits(35) {
        app.edit(e);
    }
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    app.wait_for_run(&ctx);
    g.bench_function("ask_a_question_5_week_old", |b| {
        b.iter(|| app.ask(lactosim::questions::Question::NightBottle))
    });
    g.bench_function("frame_with_an_answer_open_5_week_old", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
