//! The time axis the plots share: days since birth, labelled in days when zoomed out and in
//! hours and minutes when zoomed in (a pure function of a mark and its grid step).

use egui::Id;
use egui_plot::{GridInput, Plot, uniform_grid_spacer};

/// The label of a time-axis mark at `x_days` that lies on a grid of `step_days`: a pure function
/// of the two, so two marks never read the same. Whole days on a grid of a day or more
/// ("day 89"), day and clock time on a grid of hours ("day 89 06:00"), clock time alone on a grid
/// finer than an hour ("06:20"), but for whole hours, which keep the day ("day 89 06:00").
pub(super) fn time_tick(x_days: f64, step_days: f64) -> String {
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
pub(super) const TIME_LABEL_SPACING: f32 = 100.0;

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

/// What every plot on the shared time axis has: linked pan, zoom and cursor in time only, the
/// whole run within reach of a double-click, grid lines on whole hours and days, and the time
/// cursor that carries the hover read-out.
pub(super) fn on_time_axis<'a>(plot: Plot<'a>, id: Id, link: Id, horizon_days: f64) -> Plot<'a> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui_plot::GridMark;

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
