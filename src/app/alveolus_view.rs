//! Help → *How milk is made*: one alveolus as the sources draw it (sources/milk-made-from-blood.txt;
//! Neville's Figure 3) — a capillary, a ring of lactocytes round the lumen, the tight junctions
//! between them, myoepithelial cells outside, a duct — with the five secretory pathways as arrows
//! whose width follows what each moved in the run at the hour shown (`model::pathways`), the
//! junctions open or sealed as the run has them, the myoepithelial cells squeezing during a
//! let-down and the milk in the lumen filling and emptying. Scrub or play through the run; click
//! a pathway for what it does, in a parent's words, and its curve over the whole run.
//!
//! Drawn with egui's painter (shapes only), in the theme's colours.

use std::f32::consts::TAU;

use egui::{Align2, Color32, FontId, Pos2, RichText, Sense, Stroke, Ui, Vec2, pos2, vec2};
use egui_plot::{Line, Plot, PlotPoints, VLine};

use crate::model::pathways::{PathwayTotals, from_blood};
use crate::run::Run;
use crate::scenario::Breast;
use crate::schedule::format_time_h;

/// The five secretory pathways, as the view names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pathway {
    Exocytosis,
    Lipid,
    Apical,
    Transcytosis,
    Paracellular,
}

impl Pathway {
    pub const ALL: [Pathway; 5] = [
        Pathway::Exocytosis,
        Pathway::Lipid,
        Pathway::Apical,
        Pathway::Transcytosis,
        Pathway::Paracellular,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Pathway::Exocytosis => "Exocytosis: lactose, proteins and water",
            Pathway::Lipid => "Lipid secretion: fat",
            Pathway::Apical => "Apical transport: salts",
            Pathway::Transcytosis => "Transcytosis: antibodies (sIgA)",
            Pathway::Paracellular => "Between the cells (paracellular)",
        }
    }

    fn short(self) -> &'static str {
        match self {
            Pathway::Exocytosis => "lactose, protein, water",
            Pathway::Lipid => "fat",
            Pathway::Apical => "salts",
            Pathway::Transcytosis => "antibodies",
            Pathway::Paracellular => "between cells",
        }
    }

    /// What it does, for a parent, with where it is from.
    pub fn explanation(self) -> &'static str {
        match self {
            Pathway::Exocytosis => {
                "The cells lining the alveolus make lactose (milk sugar) from glucose in the blood, and milk proteins such as casein from amino acids. Both are packed into tiny bubbles (vesicles) that open into the middle of the alveolus. Lactose draws water in after it, so this pathway sets how much milk is made: about 70 g of lactose in every litre. Sources: “How milk is made from blood”; Neville's overview of milk secretion, pathway I."
            }
            Pathway::Lipid => {
                "Fat is made from fatty acids taken from the blood (and some made in the cell itself). It gathers into droplets that move to the cell's edge and leave wrapped in a piece of the cell's own skin (membrane). Fat clings in the alveolus, so the milk at the end of a feed is richer than at the start. Sources: “How milk is made from blood”; Neville's overview of milk secretion, pathway II."
            }
            Pathway::Apical => {
                "Sodium, potassium and chloride cross the cell's inner side one by one, through channels and pumps, keeping milk's salts low and steady (about 7 mmol of sodium a litre once milk is mature). Source: Neville's overview of milk secretion, pathway III."
            }
            Pathway::Transcytosis => {
                "Some large molecules are carried across the cell whole, without being changed: above all the antibody secretory IgA, made by immune cells near the breast. It protects the baby's gut. The amount carried is steady, so it is most concentrated in the small volumes of colostrum. Sources: “How milk is made from blood”; Neville's overview of milk secretion, pathway IV."
            }
            Pathway::Paracellular => {
                "Between the cells, tight junctions seal the gaps. In pregnancy and the first days after birth they are open: sodium and chloride from the blood leak into the milk and lactose leaks out, which is why colostrum is salty. They close within a few days of birth, and reopen when milk stays in the breast too long (engorgement, mastitis, weaning). Sources: “How milk is made from blood”; Neville's overview of milk secretion, pathway V."
            }
        }
    }

    /// Its flux for the arrow's width, and a flux a mature breast moves in an ordinary hour (the
    /// arrow's full width).
    fn flux(self, r: &PathwayTotals) -> (f64, f64, &'static str) {
        match self {
            Pathway::Exocytosis => (r.exocytosis_lactose_g, 1.2, "g lactose/h"),
            Pathway::Lipid => (r.lipid_fat_g, 0.7, "g fat/h"),
            Pathway::Apical => (
                r.apical_sodium_mmol + r.apical_potassium_mmol + r.apical_chloride_mmol,
                0.55,
                "mmol salts/h",
            ),
            Pathway::Transcytosis => (r.transcytosis_siga_g, 0.012, "g sIgA/h"),
            // Sodium coming in between the cells (lactose goes the other way).
            Pathway::Paracellular => (r.paracellular_sodium_mmol.abs(), 0.1, "mmol sodium/h"),
        }
    }
}

/// The window's state (what it shows, not the run).
#[derive(Default)]
pub struct AlveolusView {
    pub open: bool,
    /// Hours since birth shown.
    pub t_h: f64,
    pub breast: usize,
    pub playing: bool,
    pub selected: Option<Pathway>,
    /// The selected pathway's hourly curve, made once per run, breast and pathway (not every
    /// frame: a year's run has a hundred thousand samples).
    curve: Option<Curve>,
}

/// A pathway's curve over a run.
struct Curve {
    /// Which run (its address while it is on screen, and its length), breast and pathway.
    key: (usize, usize, usize, Pathway),
    points: Vec<egui_plot::PlotPoint>,
}

/// One hour of the run at `t_h`, read from its samples.
pub struct Moment {
    pub t_h: f64,
    /// What each pathway moved per hour over the hour before `t_h`.
    pub per_h: PathwayTotals,
    pub junction_leak: f64,
    pub fullness: f64,
    /// How hard the myoepithelial cells squeeze (0–1), from oxytocin.
    pub squeeze: f64,
    /// The milk held in the breasts: lactose, g/L, and sodium, mmol/L (colostrum: little
    /// lactose, much sodium; mature milk the other way round, A4, A5).
    pub lactose_g_l: f64,
    pub sodium_mmol_l: f64,
}

impl Moment {
    pub fn of(run: &Run, breast: Breast, t_h: f64) -> Option<Moment> {
        let s = &run.series;
        let n = s.t_h.len();
        if n < 2 {
            return None;
        }
        let at = |t: f64| s.t_h.partition_point(|&x| x < t).min(n - 1);
        let k = at(t_h);
        let j = at(t_h - 1.0).min(k.saturating_sub(1));
        let g = &s.glands[breast.index()];
        Some(Moment {
            t_h: s.t_h[k],
            per_h: g.pathways[k].rate_since(&g.pathways[j], s.t_h[k] - s.t_h[j]),
            junction_leak: g.junction_leak_0_to_1[k],
            fullness: g.fullness_0_to_1[k],
            // Oxytocin rests near 1–2 pg/ml and rises tens of pg/ml in a let-down (H2).
            squeeze: ((s.oxytocin_pg_ml[k] - 2.0) / 15.0).clamp(0.0, 1.0),
            lactose_g_l: s.stored_milk[k].lactose_g_l,
            sodium_mmol_l: s.stored_milk[k].sodium_mmol_l,
        })
    }

    /// "Day 3 14:00, left breast: this hour about 7.9 litres of blood flowed through it; it took
    /// 1.3 g of glucose from it and made 17 ml of milk."
    pub fn words(&self, breast: Breast) -> String {
        let b = from_blood(&self.per_h);
        let junctions = if self.junction_leak > 0.5 {
            "The junctions between the cells are open: salt leaks in, lactose out (colostrum)."
        } else if self.junction_leak > 0.02 {
            "The junctions between the cells are partly open."
        } else {
            "The junctions between the cells are sealed."
        };
        let letdown = if self.squeeze > 0.2 {
            " A let-down: the myoepithelial cells squeeze the milk out into the duct."
        } else {
            ""
        };
        let held = if self.lactose_g_l.is_finite() {
            format!(
                " The milk held has {:.0} g of lactose and {:.0} mmol of sodium a litre.",
                self.lactose_g_l, self.sodium_mmol_l
            )
        } else {
            String::new()
        };
        format!(
            "{}, {} breast: this hour about {:.1} litres of blood flowed through it; it took {:.1} g of glucose, {:.2} g of amino acids and {:.2} g of fatty acids from it and made {:.0} ml of milk. {junctions}{held}{letdown}",
            capitalised(&format_time_h(self.t_h)),
            breast.name(),
            b.blood_ml / 1000.0,
            b.glucose_g,
            b.amino_acids_g,
            b.fatty_acids_g,
            self.per_h.exocytosis_water_ml,
        )
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Hours the play button moves the time on per second.
const PLAY_HOURS_PER_S: f64 = 2.0;

impl AlveolusView {
    /// Open at `t_h` (hours since birth), the left breast, nothing selected.
    pub fn at(t_h: f64) -> Self {
        Self {
            open: true,
            t_h,
            ..Default::default()
        }
    }

    /// Open it; the first time at noon of the day of birth (colostrum, the junctions open), to
    /// be played or scrubbed through the first week.
    pub fn show(&mut self) {
        if !self.open && self.t_h == 0.0 {
            self.t_h = 12.0;
        }
        self.open = true;
        self.playing = false;
    }

    /// The window, over the run on screen (if any).
    pub fn window(&mut self, ctx: &egui::Context, run: Option<&Run>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        // A pathway's paragraph and curve make it taller than a small screen: it scrolls, from
        // a height that shows the whole drawing and its words.
        super::on_screen::sized(egui::Window::new("How milk is made"), ctx, [720.0, 700.0])
            .open(&mut open)
            .vscroll(true)
            .show(ctx, |ui| match run {
                Some(run) => self.ui(ui, run),
                None => {
                    ui.label("No run to show yet.");
                }
            });
        self.open = open;
    }

    pub fn ui(&mut self, ui: &mut Ui, run: &Run) {
        let end_h = run.horizon_h;
        if self.playing {
            let dt = ui.input(|i| i.stable_dt) as f64;
            self.t_h += PLAY_HOURS_PER_S * dt.min(0.1);
            if self.t_h >= end_h {
                self.t_h = end_h;
                self.playing = false;
            }
            ui.ctx().request_repaint();
        }
        self.t_h = self.t_h.clamp(0.0, end_h);
        ui.horizontal(|ui| {
            let label = if self.playing { "Pause" } else { "Play" };
            if ui
                .button(label)
                .on_hover_text("Play through the run, two hours a second.")
                .clicked()
            {
                self.playing = !self.playing;
                // At the end, play from the start again.
                if self.playing && self.t_h >= end_h {
                    self.t_h = 0.0;
                }
            }
            let l = ui.label("Day");
            let mut day = self.t_h / 24.0;
            if ui
                .add(egui::Slider::new(&mut day, 0.0..=end_h / 24.0).max_decimals(2))
                .labelled_by(l.id)
                .changed()
            {
                self.t_h = day * 24.0;
            }
            for (i, b) in Breast::BOTH.iter().enumerate() {
                ui.selectable_value(&mut self.breast, i, format!("{} breast", b.name()));
            }
        });
        let breast = Breast::BOTH[self.breast.min(1)];
        let Some(m) = Moment::of(run, breast, self.t_h) else {
            ui.label("The run is too short to show.");
            return;
        };
        ui.label(m.words(breast));
        let size = vec2(ui.available_width().min(520.0), 400.0);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        let arrows = draw(ui, rect, &m);
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.selected = arrows
                .iter()
                .map(|(p, a, b)| (p, distance_to_segment(pos, *a, *b)))
                .filter(|(_, d)| *d < 14.0)
                .min_by(|x, y| x.1.total_cmp(&y.1))
                .map(|(p, _)| *p);
        }
        ui.label(
            RichText::new(
                "An alveolus is one of the thousands of tiny sacs in the breast where milk is made. Lactocytes: the cells that make it. Myoepithelial cells: the muscle-like cells around it that squeeze the milk out. Tight junctions: the seals between the cells.",
            )
            .small(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("The pathways (click one):");
            for p in Pathway::ALL {
                let on = self.selected == Some(p);
                if ui
                    .selectable_label(on, p.name())
                    .on_hover_text(p.explanation())
                    .clicked()
                {
                    self.selected = if on { None } else { Some(p) };
                }
            }
        });
        if let Some(p) = self.selected {
            let key = (
                std::ptr::from_ref(run) as usize,
                run.series.t_h.len(),
                breast.index(),
                p,
            );
            if self.curve.as_ref().is_none_or(|c| c.key != key) {
                self.curve = Some(Curve {
                    key,
                    points: hourly_curve(run, breast, p),
                });
            }
            let points = self.curve.as_ref().map_or(&[][..], |c| &c.points);
            pathway_ui(ui, p, points, m.t_h);
        }
        ui.label(
            RichText::new("Arrows: width follows what each pathway moved in the hour before the time shown; full width is an ordinary hour of a mature breast.")
                .small()
                .weak(),
        );
    }
}

/// What pathway `p` of `breast` moved over each hour of the run (samples are evenly spaced),
/// every half hour.
fn hourly_curve(run: &Run, breast: Breast, p: Pathway) -> Vec<egui_plot::PlotPoint> {
    let s = &run.series;
    let g = &s.glands[breast.index()];
    let spacing_h = if s.t_h.len() > 1 {
        s.t_h[1] - s.t_h[0]
    } else {
        1.0
    };
    let per_hour = ((1.0 / spacing_h).round() as usize).max(2);
    (per_hour..s.t_h.len())
        .step_by(per_hour / 2)
        .map(|k| {
            let j = k - per_hour;
            let r = g.pathways[k].rate_since(&g.pathways[j], s.t_h[k] - s.t_h[j]);
            egui_plot::PlotPoint::new(s.t_h[k] / 24.0, p.flux(&r).0)
        })
        .collect()
}

/// The pathway's paragraph and its curve over the run, with the time shown marked.
fn pathway_ui(ui: &mut Ui, p: Pathway, points: &[egui_plot::PlotPoint], t_h: f64) {
    ui.separator();
    ui.strong(p.name());
    ui.label(p.explanation());
    let unit = p.flux(&PathwayTotals::default()).2;
    Plot::new(("pathway curve", p.name()))
        .height(150.0)
        // From zero: a steady flow read against a peak is not "almost nothing".
        .include_y(0.0)
        .x_axis_label("days since birth")
        .y_axis_label(unit)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.line(Line::new(p.short(), PlotPoints::Borrowed(points)));
            plot.vline(VLine::new("now", t_h / 24.0));
        });
}

/// Distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

/// A point at `angle` (radians, 0 = right, clockwise on screen) and `radius` from `c`.
fn polar(c: Pos2, radius: f32, angle: f32) -> Pos2 {
    c + Vec2::angled(angle) * radius
}

/// Draw the alveolus at moment `m` in `rect`; returns each pathway's arrow (start, tip) for
/// clicks.
fn draw(ui: &Ui, rect: egui::Rect, m: &Moment) -> Vec<(Pathway, Pos2, Pos2)> {
    let painter = ui.painter_at(rect);
    let v = ui.visuals();
    let dark = v.dark_mode;
    let text = v.text_color();
    let font = FontId::proportional(12.0);
    let c = rect.center() + vec2(0.0, 20.0);
    let s = rect.height().min(rect.width()) * 0.5;
    let lumen_r = 0.30 * s;
    let cell_r = 0.50 * s;
    let squeeze = m.squeeze as f32;

    // The capillary: a red vessel curving round the lower side.
    let blood = if dark {
        Color32::from_rgb(190, 60, 60)
    } else {
        Color32::from_rgb(200, 40, 40)
    };
    let cap_r = cell_r + 0.22 * s;
    let cap: Vec<Pos2> = (0..=24)
        .map(|i| polar(c, cap_r, 0.15 * TAU + 0.2 * TAU * i as f32 / 24.0))
        .collect();
    painter.add(egui::Shape::line(cap.clone(), Stroke::new(0.09 * s, blood)));
    painter.text(
        polar(c, cap_r + 0.1 * s, 0.25 * TAU),
        Align2::CENTER_TOP,
        "capillary (blood)",
        font.clone(),
        text,
    );

    // Myoepithelial cells: bands outside the ring that pull in and thicken in a let-down.
    let myo = if dark {
        Color32::from_rgb(200, 120, 170)
    } else {
        Color32::from_rgb(170, 70, 130)
    };
    let myo_r = cell_r + (0.07 - 0.04 * squeeze) * s;
    for k in 0..6 {
        let a0 = TAU * (k as f32 / 6.0) + 0.02;
        let pts: Vec<Pos2> = (0..=8)
            .map(|i| polar(c, myo_r, a0 + 0.11 * TAU * i as f32 / 8.0))
            .collect();
        painter.add(egui::Shape::line(
            pts,
            Stroke::new(3.0 + 5.0 * squeeze, myo),
        ));
    }
    painter.text(
        polar(c, cell_r + 0.12 * s, 0.90 * TAU),
        Align2::LEFT_BOTTOM,
        if squeeze > 0.2 {
            "myoepithelial cells\n(squeezing: a let-down)"
        } else {
            "myoepithelial cells"
        },
        font.clone(),
        text,
    );

    // The duct, from the lumen up and out.
    let milk = if dark {
        Color32::from_rgb(235, 228, 200)
    } else {
        Color32::from_rgb(250, 240, 200)
    };
    let duct_w = 0.16 * s;
    let top = pos2(c.x, rect.top() + 4.0);
    painter.rect_filled(
        egui::Rect::from_min_max(
            pos2(c.x - duct_w / 2.0, top.y),
            pos2(c.x + duct_w / 2.0, c.y - lumen_r),
        ),
        2.0,
        milk.gamma_multiply(0.35 + 0.65 * squeeze),
    );
    painter.text(
        pos2(c.x + duct_w / 2.0 + 6.0, top.y + 6.0),
        Align2::LEFT_TOP,
        "duct, to the nipple",
        font.clone(),
        text,
    );

    // Lactocytes: a ring of cells, with tight junctions between them.
    let n = 12;
    let cell_fill = if dark {
        Color32::from_rgb(120, 150, 190)
    } else {
        Color32::from_rgb(175, 200, 230)
    };
    let gap = 0.012 * TAU * (1.0 + 2.5 * m.junction_leak as f32);
    for k in 0..n {
        let a0 = TAU * k as f32 / n as f32 + gap / 2.0;
        let a1 = TAU * (k + 1) as f32 / n as f32 - gap / 2.0;
        let am = 0.5 * (a0 + a1);
        let pts = vec![
            polar(c, lumen_r, a0),
            polar(c, cell_r, a0),
            polar(c, cell_r, am),
            polar(c, cell_r, a1),
            polar(c, lumen_r, a1),
        ];
        painter.add(egui::Shape::convex_polygon(
            pts,
            cell_fill,
            Stroke::new(1.0, text.gamma_multiply(0.5)),
        ));
        // Its nucleus.
        painter.circle_filled(
            polar(c, 0.5 * (lumen_r + cell_r) + 0.03 * s, am),
            0.03 * s,
            cell_fill.gamma_multiply(0.55),
        );
        // The tight junction at the lumen's edge: a bar across the gap when sealed, apart when open.
        let aj = TAU * k as f32 / n as f32;
        let seal = (1.0 - m.junction_leak as f32).clamp(0.0, 1.0);
        let j0 = polar(c, lumen_r + 2.0, aj - gap / 2.0);
        let j1 = polar(c, lumen_r + 2.0, aj + gap / 2.0);
        if seal > 0.5 {
            painter.line_segment([j0, j1], Stroke::new(3.0, text.gamma_multiply(seal)));
        } else {
            painter.circle_stroke(j0, 1.5, Stroke::new(1.0, text));
            painter.circle_stroke(j1, 1.5, Stroke::new(1.0, text));
        }
    }
    painter.text(
        polar(c, cell_r + 0.16 * s, 0.60 * TAU),
        Align2::RIGHT_BOTTOM,
        "lactocytes",
        font.clone(),
        text,
    );

    // The lumen and its milk (radius as the volume: fuller breast, fuller lumen).
    painter.circle_filled(c, lumen_r, v.extreme_bg_color);
    let fill_r = lumen_r * (m.fullness as f32).clamp(0.0, 1.0).sqrt();
    painter.circle_filled(c, fill_r, milk);
    // The milk's words on a plate of the window's colour, readable over milk or an empty lumen.
    let galley = painter.layout(
        format!(
            "milk: {:.0}% full\nlactose {:.0} g/L\nsodium {:.0} mmol/L",
            100.0 * m.fullness,
            m.lactose_g_l,
            m.sodium_mmol_l
        ),
        font.clone(),
        text,
        f32::INFINITY,
    );
    let at = c - galley.size() / 2.0;
    painter.rect_filled(
        egui::Rect::from_min_size(at, galley.size()).expand(3.0),
        3.0,
        v.window_fill.gamma_multiply(0.85),
    );
    painter.galley(at, galley, text);

    // The pathways: arrows from the blood side into the lumen, as wide as what each moved;
    // the paracellular one at a junction (the cells' gaps are at whole twelfths of a turn).
    let arrows = [
        (Pathway::Transcytosis, 0.13, Color32::from_rgb(60, 190, 170)),
        (Pathway::Exocytosis, 0.20, Color32::from_rgb(70, 150, 230)),
        (Pathway::Lipid, 0.27, Color32::from_rgb(230, 180, 40)),
        (Pathway::Apical, 0.34, Color32::from_rgb(120, 190, 120)),
        (
            Pathway::Paracellular,
            5.0 / n as f32,
            Color32::from_rgb(230, 110, 60),
        ),
    ];
    arrows
        .iter()
        .map(|&(p, turn, colour)| {
            let a = turn * TAU;
            let from = polar(c, cap_r - 0.02 * s, a);
            let tip = polar(c, lumen_r - 0.02 * s, a);
            let (f, full, _) = p.flux(&m.per_h);
            let width = 1.0 + 9.0 * ((f / full) as f32).clamp(0.0, 1.6);
            painter.arrow(from, tip - from, Stroke::new(width, colour));
            painter.text(
                polar(c, cap_r + 0.05 * s, a),
                Align2::CENTER_CENTER,
                p.short(),
                font.clone(),
                text,
            );
            (p, from, tip)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junctions_open_at_birth_and_sealed_by_day_ten_in_the_words() {
        let run = crate::simulate(&crate::Scenario::default()).unwrap();
        let early = Moment::of(&run, Breast::Left, 12.0).unwrap();
        let late = Moment::of(&run, Breast::Left, 10.0 * 24.0 + 12.0).unwrap();
        assert!(early.junction_leak > 0.5 && late.junction_leak < 0.02);
        assert!(early.words(Breast::Left).contains("open"));
        // Lactose takes over from sodium as the junctions close (A4, A5).
        assert!(
            late.lactose_g_l > early.lactose_g_l + 10.0,
            "{} → {}",
            early.lactose_g_l,
            late.lactose_g_l
        );
        assert!(late.sodium_mmol_l < 0.5 * early.sodium_mmol_l);
        let w = late.words(Breast::Left);
        assert!(
            w.starts_with("Day 10 12:00, left breast: this hour about"),
            "{w}"
        );
        assert!(w.contains("sealed"), "{w}");
        assert!(w.contains("litres of blood flowed through it"), "{w}");
    }
}
