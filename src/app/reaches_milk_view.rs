//! *What reaches the milk*: for each thing the mother takes that passes into milk (coffee, a
//! drink, paracetamol …), her blood and milk levels over a day, every breastfeed marked with
//! what it carried, and the day in words — what she took, what the feeds carried, the relative
//! infant dose — beside the published figures, their sources one click away, the LactMed
//! disclaimer with the National Library of Medicine's credit, and "ask your doctor, midwife or
//! pharmacist" wherever a dose is shown.
//!
//! The figures come from the library (`model::milk_transfer::reached`), worked out once per run;
//! this file only draws them. It teaches how the parts work: no verdicts ("safe", "wait until").

use std::sync::Arc;

use egui::{Color32, Grid, RichText, Ui};
use egui_plot::{HoverPosition, Legend, Line, Plot, PlotPoints, Points, Text, VLine};

use crate::model::milk_transfer::{
    INFANT_INTAKE_ML_PER_KG_PER_DAY, Reached, day_of, plasma_curve, reached, transfer_figures,
};
use crate::model::pharmacology::Substance;
use crate::mother_takes::{dose_words, mg_words};
use crate::run::Run;
use crate::scenario::Scenario;
use crate::schedule_words::format_clock;
use crate::summary::round_sig;

use super::glyphs::drawable;

/// Said wherever a dose is shown.
pub const ASK: &str =
    "Ask your doctor, midwife or pharmacist about anything you take while breastfeeding.";

/// What the figures are and are not.
pub const NOT_ADVICE: &str = "These figures show how the parts work, from published averages: they do not say what is safe for your baby, whose age, weight and health change how it handles what it gets.";

/// LactMed's disclaimer and the credit its terms ask for.
pub const LACTMED: &str = "Several figures here are from LactMed, the Drugs and Lactation Database of the US National Library of Medicine (NLM). LactMed is not a substitute for professional judgment: consult your health care provider about your own situation. The US government does not warrant or assume liability for the accuracy or completeness of the information.";

/// LactMed's home page.
const LACTMED_URL: &str = "https://www.ncbi.nlm.nih.gov/books/NBK501922/";

/// Whom the words speak of: the mother (a clinician reading) or "you" (the parent's face).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Voice {
    #[default]
    Her,
    You,
}

impl Voice {
    fn she(self) -> &'static str {
        match self {
            Voice::Her => "she",
            Voice::You => "you",
        }
    }
    fn her(self) -> &'static str {
        match self {
            Voice::Her => "her",
            Voice::You => "your",
        }
    }
    fn hers(self) -> &'static str {
        match self {
            Voice::Her => "hers",
            Voice::You => "yours",
        }
    }
    fn takes(self) -> &'static str {
        match self {
            Voice::Her => "she takes",
            Voice::You => "you take",
        }
    }
    /// "B3: " for a clinician (the published figures' row), nothing for a parent.
    fn row(self, id: &str) -> String {
        match self {
            Voice::Her => format!("{id}: "),
            Voice::You => String::new(),
        }
    }
    fn baby(self) -> &'static str {
        match self {
            Voice::Her => "the baby",
            Voice::You => "your baby",
        }
    }
}

/// View state of the window (never the scenario or the run).
#[derive(Default)]
pub struct ReachesMilkView {
    pub open: bool,
    /// Whom the words speak of (set by the application from the face shown).
    pub voice: Voice,
    /// The substance shown (the first of the run's when none or not in it).
    pub substance: Option<Substance>,
    /// The day shown, days since birth (`None`: the first day she takes it).
    pub day: Option<usize>,
    /// What reached the baby, for which run (the same `Arc`: a new run is a new one).
    cache: Option<(Arc<Run>, Arc<Vec<Reached>>)>,
    /// Her blood level over the day shown, for which run, substance and day (stepped once,
    /// not every frame).
    curve: Option<((usize, Substance, usize), Vec<f64>)>,
}

impl ReachesMilkView {
    /// Open the window, on `substance` if given.
    pub fn show(&mut self, substance: Option<Substance>) {
        self.open = true;
        if substance.is_some() {
            self.substance = substance;
            self.day = None;
        }
    }

    /// The window, over the run on screen and the scenario that made it; returns her weight
    /// when it is changed here (the application makes it an edit of her scenario).
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        shown: Option<(&Scenario, &Arc<Run>)>,
    ) -> Option<f64> {
        if !self.open {
            return None;
        }
        let mut weight = None;
        let mut open = self.open;
        // Over the plots, beside the side panel (its questions stay in reach).
        super::on_screen::sized(
            egui::Window::new("What reaches the milk"),
            ctx,
            [700.0, 640.0],
        )
        .open(&mut open)
        .vscroll(true)
        .show(ctx, |ui| match shown {
            Some((sc, run)) => weight = self.ui(ui, sc, run),
            None => {
                ui.label("No run to show yet.");
            }
        });
        self.open = open;
        weight
    }

    /// What reached the baby in `run`, worked out once per run.
    fn reached(&mut self, sc: &Scenario, run: &Arc<Run>) -> Arc<Vec<Reached>> {
        if self
            .cache
            .as_ref()
            .is_none_or(|(r, _)| !Arc::ptr_eq(r, run))
        {
            self.cache = Some((run.clone(), Arc::new(reached(sc, run))));
            self.curve = None;
        }
        self.cache.as_ref().expect("just set").1.clone()
    }

    /// Her blood level at each of `times` (a day's), once per run, substance and day.
    fn blood_curve(
        &mut self,
        key: (usize, Substance, usize),
        r: &Reached,
        kg: f64,
        times: &[f64],
    ) -> Vec<f64> {
        if self.curve.as_ref().is_none_or(|(k, _)| *k != key) {
            self.curve = Some((key, plasma_curve(r.substance, &r.taken, kg, times)));
        }
        self.curve.as_ref().expect("just set").1.clone()
    }

    /// The window's contents; returns her weight when changed here.
    pub fn ui(&mut self, ui: &mut Ui, sc: &Scenario, run: &Arc<Run>) -> Option<f64> {
        let wanted = self.substance;
        let wanted_day = self.day;
        let v = self.voice;
        let all = self.reached(sc, run);
        if all.is_empty() {
            let who = capitalised(v.takes());
            ui.label(format!(
                "{who} nothing whose passage into milk is modelled in this scenario (cabergoline \
                 and bromocriptine have no published figures for it). Add coffee, a drink or a \
                 medicine under Schedule → What the mother takes, or ask the parent's questions \
                 about coffee and wine."
            ));
            return None;
        }
        let r = all
            .iter()
            .find(|r| Some(r.substance) == wanted)
            .unwrap_or(&all[0]);
        let s = r.substance;
        self.substance = Some(s);
        let (Some(first), Some(last)) = (r.days.first(), r.days.last()) else {
            ui.label(format!(
                "{} starts after the last whole day of the run: lengthen the run to see it.",
                capitalised(v.takes())
            ));
            return None;
        };
        let (first_day, last_day) = (first.day, last.day);
        let mut day = wanted_day.unwrap_or(first_day).clamp(first_day, last_day);

        ui.horizontal_wrapped(|ui| {
            if all.len() > 1 {
                ui.label("Show");
                for other in all.iter() {
                    let name = other.substance.name();
                    if ui
                        .selectable_label(other.substance == s, name)
                        .on_hover_text(format!("Show what reached the milk of {name}"))
                        .clicked()
                    {
                        self.substance = Some(other.substance);
                        self.day = None;
                    }
                }
                ui.separator();
            }
            ui.label("Day");
            let prev = ui
                .add_enabled(
                    day > first_day,
                    egui::Button::new(drawable(ui.ctx(), "◀").into_owned()).small(),
                )
                .on_hover_text("The day before");
            if prev.clicked() {
                day -= 1;
            }
            ui.add(
                egui::DragValue::new(&mut day)
                    .range(first_day..=last_day)
                    .speed(0.05),
            )
            .on_hover_text("Days since birth (day 0 is the first 24 hours)");
            let next = ui
                .add_enabled(
                    day < last_day,
                    egui::Button::new(drawable(ui.ctx(), "▶").into_owned()).small(),
                )
                .on_hover_text("The next day");
            if next.clicked() {
                day += 1;
            }
        });
        self.day = Some(day);

        ui.label(RichText::new(day_words(sc, run, r, day, v)).strong());
        ui.label(RichText::new(ASK).small());
        let weight = weight_row(ui, sc.mother.weight_kg, v);
        let times: Vec<f64> = (0..=24 * 12)
            .map(|i| day as f64 * 24.0 + i as f64 / 12.0)
            .collect();
        let key = (Arc::as_ptr(run) as usize, s, day);
        let blood = self.blood_curve(key, r, sc.mother.weight_kg, &times);
        plot(ui, sc, run, r, day, v, &times, &blood);
        feeds_table(ui, run, r, day, v);
        ui.separator();
        published(ui, s, v);
        ui.label(RichText::new(NOT_ADVICE).small());
        ui.label(RichText::new(LACTMED).small().weak());
        weight
    }
}

/// Her weight, which sets her blood level of a dose: returns a new one when changed.
fn weight_row(ui: &mut Ui, kg: f64, v: Voice) -> Option<f64> {
    let p = crate::params::param("mother.weight_kg").expect("her weight is a parameter");
    let mut w = kg;
    ui.horizontal(|ui| {
        let l = ui
            .label(format!("{} weight", capitalised(v.her())))
            .on_hover_text(p.help);
        ui.add(
            egui::DragValue::new(&mut w)
                .range(p.min..=p.max)
                .speed(0.2)
                .max_decimals(1)
                .suffix(" kg"),
        )
        .labelled_by(l.id)
        .on_hover_text(format!("{}\nSource: {}", p.help, p.source));
        ui.label(
            RichText::new(format!(
                "{}'s weight is taken from what it drinks (about {} ml per kg a day{}).",
                capitalised(v.baby()),
                INFANT_INTAKE_ML_PER_KG_PER_DAY,
                if v == Voice::Her { ", B3" } else { "" }
            ))
            .small()
            .weak(),
        );
    });
    (w != kg).then_some(w.clamp(p.min, p.max))
}

/// "Day 26: she took 190 mg of caffeine (2 doses). The baby's 9 feeds carried 0.82 mg in all:
/// 0.43% of what she took; per kg, 5.8% of her dose per kg (the relative infant dose)."
pub fn day_words(sc: &Scenario, run: &Run, r: &Reached, day: usize, v: Voice) -> String {
    let s = r.substance;
    let Some(d) = r.day(day) else {
        return capitalised(&format!(
            "{} had not taken {} by day {day}.",
            v.she(),
            s.name()
        ));
    };
    let doses = r.taken_on(day).count();
    let feeds = r.feeds_on(day).count();
    let label = capitalised(&sc.calendar().day_words(day as i64));
    let took = if d.mother_mg > 0.0 {
        format!(
            "{label}: {} took {} of {} ({doses} dose{}).",
            v.she(),
            dose_words(s, d.mother_mg),
            s.name(),
            if doses == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{label}: {} took no {} this day; what is still in {} body still reaches the milk.",
            v.she(),
            s.name(),
            v.her()
        )
    };
    if transfer_figures(s).is_some_and(|f| f.bioavailability <= 0.0) {
        return format!(
            "{took} It stays in {her} gut: none reaches {her} blood, so none reaches the milk or {}.",
            v.baby(),
            her = v.her()
        );
    }
    let pumped = run
        .sessions
        .iter()
        .any(|x| x.kind == crate::schedule::Kind::Pump && day_of(x.start_h) == day);
    let carried = format!(
        " {}'s {feeds} breastfeed{} carried {} in all",
        capitalised(v.baby()),
        if feeds == 1 { "" } else { "s" },
        mg_words(d.baby_mg)
    );
    let share = match d.rid_pct {
        Some(rid) if d.mother_mg > 0.0 => format!(
            ": {}% of what {} took. Per kg of body weight ({} about {} kg, from the {} ml it \
             wanted that day) that is {}% of {} dose per kg of {}: the relative infant dose, \
             the figure published for medicines ({}under 10% is the line clinicians usually \
             look at).",
            round_sig(100.0 * d.baby_mg / d.mother_mg, 2),
            v.she(),
            v.baby(),
            round_sig(
                run.days[day].appetite_ml / INFANT_INTAKE_ML_PER_KG_PER_DAY,
                2
            ),
            round_sig(run.days[day].appetite_ml, 3),
            round_sig(rid, 2),
            v.her(),
            v.hers(),
            v.row("B3")
        ),
        _ => ".".to_owned(),
    };
    let pumped = if pumped {
        " Pumped milk is not counted here: it carries what the milk had when it was pumped."
    } else {
        ""
    };
    format!("{took}{carried}{share}{pumped}")
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Her blood and milk over the day, her doses, and each feed with what it carried.
#[allow(clippy::too_many_arguments)]
fn plot(
    ui: &mut Ui,
    sc: &Scenario,
    run: &Run,
    r: &Reached,
    day: usize,
    v: Voice,
    times: &[f64],
    plasma: &[f64],
) {
    let s = r.substance;
    let m_p = transfer_figures(s).map_or(0.0, |f| f.milk_plasma_ratio);
    let from_h = day as f64 * 24.0;
    let clock = |t: f64| t - from_h;
    let blood: Vec<[f64; 2]> = times
        .iter()
        .zip(plasma)
        .map(|(t, c)| [clock(*t), *c])
        .collect();
    let milk: Vec<[f64; 2]> = times
        .iter()
        .zip(plasma)
        .map(|(t, c)| [clock(*t), m_p * c])
        .collect();
    let feeds: Vec<_> = r.feeds_on(day).collect();
    // A day with none: the axis from 0 to 1 mg/l (not to a billionth).
    let top = plasma.iter().copied().fold(0.0, f64::max);
    let top = if top > 1e-6 { top } else { 0.8 };
    let feed_tips: Vec<String> = feeds
        .iter()
        .map(|f| {
            format!(
                "the {} breastfeed: {} drank {:.0} ml of milk with {} mg/l, carrying {}",
                format_clock(run.sessions[f.session].start_h.rem_euclid(24.0)),
                v.baby(),
                f.drank_ml,
                round_sig(f.milk_mg_per_l, 2),
                mg_words(f.dose_mg)
            )
        })
        .collect();
    let dark = ui.visuals().dark_mode;
    let text_colour = ui.visuals().text_color();
    let blood_colour = if dark {
        Color32::from_rgb(240, 110, 110)
    } else {
        Color32::from_rgb(190, 40, 40)
    };
    let milk_colour = if dark {
        Color32::from_rgb(120, 170, 255)
    } else {
        Color32::from_rgb(30, 90, 200)
    };
    Plot::new(("reaches the milk", s.name()))
        .height(240.0)
        .legend(
            Legend::default()
                .position(egui_plot::Corner::LeftTop)
                .text_style(egui::TextStyle::Small),
        )
        .include_y(0.0)
        .include_y(top * 1.25)
        .include_x(0.0)
        .include_x(24.0)
        .x_axis_label(format!(
            "{}, clock hours",
            sc.calendar().day_words(day as i64)
        ))
        .y_axis_label(format!("{} mg/l", s.name()))
        .x_axis_formatter(|m, _| format_clock(m.value.rem_euclid(24.0)))
        .allow_scroll(false)
        .label_formatter(move |pos: &HoverPosition<'_>| match pos {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if *plot_name == "breastfeeds" => feed_tips.get(*index).cloned(),
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{} · {} mg/l",
                format_clock(position.x.rem_euclid(24.0)),
                round_sig(position.y, 2)
            )),
            HoverPosition::Elsewhere { position } => Some(format!(
                "{} · {} mg/l",
                format_clock(position.x.rem_euclid(24.0)),
                round_sig(position.y, 2)
            )),
        })
        .show(ui, |plot| {
            plot.line(
                Line::new(format!("{} blood", v.her()), PlotPoints::from(blood))
                    .color(blood_colour)
                    .width(3.0),
            );
            plot.line(
                // Dashed: where milk follows blood (alcohol) the blood shows through.
                Line::new(format!("{} milk", v.her()), PlotPoints::from(milk))
                    .color(milk_colour)
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_dense()),
            );
            for t in r
                .taken
                .iter()
                .filter(|t| (t.at_h / 24.0).floor() as usize == day)
            {
                plot.vline(
                    VLine::new(
                        format!("{} {}", v.takes(), dose_words(s, t.dose_mg)),
                        clock(t.at_h),
                    )
                    .color(blood_colour.gamma_multiply(0.5))
                    .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
            let points: Vec<[f64; 2]> = feeds
                .iter()
                .map(|f| [clock(f.t_h), f.milk_mg_per_l])
                .collect();
            plot.points(
                Points::new("breastfeeds", PlotPoints::from(points))
                    .radius(4.0)
                    .color(milk_colour),
            );
            for f in feeds.iter().filter(|f| f.dose_mg > 0.0) {
                plot.text(
                    Text::new(
                        "what each feed carried",
                        egui_plot::PlotPoint::new(clock(f.t_h), f.milk_mg_per_l + 0.08 * top),
                        RichText::new(mg_words(f.dose_mg)).small(),
                    )
                    .color(text_colour),
                );
            }
        });
}

/// Each feed of the day: when, what the baby drank, the milk's level, what it carried.
fn feeds_table(ui: &mut Ui, run: &Run, r: &Reached, day: usize, v: Voice) {
    let s = r.substance;
    let feeds: Vec<_> = r.feeds_on(day).collect();
    if feeds.is_empty() {
        ui.label("No breastfeeds this day.");
        return;
    }
    let day_mg = r.day(day).map_or(0.0, |d| d.mother_mg);
    egui::CollapsingHeader::new(format!("Each feed of the day ({})", feeds.len()))
        .id_salt("each feed")
        .default_open(true)
        .show(ui, |ui| {
            if let Some(f) = feeds
                .iter()
                .filter(|f| f.dose_mg > 0.0)
                .max_by(|a, b| a.dose_mg.total_cmp(&b.dose_mg))
            {
                let start = run.sessions[f.session].start_h;
                ui.label(feed_sentence(s, start, f.dose_mg, day_mg, v));
            }
            Grid::new("feeds carried")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    ui.strong("feed at").on_hover_text("When the feed began");
                    ui.strong("drank");
                    ui.strong("milk had")
                        .on_hover_text("The milk's level at the middle of the feed");
                    ui.strong("carried");
                    ui.strong(format!("of what {} took that day", v.she()))
                        .on_hover_text(
                            "What the feed carried as a share of the day's doses (the feeds' \
                             shares add up to the day's)",
                        );
                    ui.end_row();
                    for f in &feeds {
                        let start = run.sessions[f.session].start_h;
                        ui.label(format_clock(start.rem_euclid(24.0)));
                        ui.label(format!("{:.0} ml", f.drank_ml));
                        ui.label(format!("{} mg/l", round_sig(f.milk_mg_per_l, 2)));
                        ui.label(mg_words(f.dose_mg));
                        ui.label(share_words(f.dose_mg, day_mg));
                        ui.end_row();
                    }
                });
        });
}

/// "The feed that carried most, the 21:00 feed, carried 0.6 mg of caffeine, 0.3% of what she
/// took that day" (`start_h`: when the feed began, as the table gives it).
pub fn feed_sentence(s: Substance, start_h: f64, dose_mg: f64, day_mg: f64, v: Voice) -> String {
    let share = share_words(dose_mg, day_mg);
    format!(
        "The feed that carried most, the {} feed, carried {} of {}{}.",
        format_clock(start_h.rem_euclid(24.0)),
        mg_words(dose_mg),
        s.name(),
        if share.is_empty() {
            String::new()
        } else {
            format!(", {share} of what {} took that day", v.she())
        }
    )
}

/// A feed's share of the day's doses, "0.31%" (empty on a day she took none).
fn share_words(dose_mg: f64, day_mg: f64) -> String {
    if day_mg <= 0.0 {
        return String::new();
    }
    format!("{}%", round_sig(100.0 * dose_mg / day_mg, 2))
}

/// What is published for `s`, and where from, one click away (the row ids of the published
/// figures kept for a clinician, left out of a parent's words).
fn published(ui: &mut Ui, s: Substance, v: Voice) {
    let Some(f) = transfer_figures(s) else {
        return;
    };
    let figure = match v {
        Voice::Her => f.published.to_owned(),
        Voice::You => f.published_plain().to_owned(),
    };
    let ratio = if f.milk_plasma_ratio == 1.0 {
        "as much as in the mother's blood".to_owned()
    } else {
        format!(
            "{} times the level in the mother's blood (its milk/plasma ratio)",
            f.milk_plasma_ratio
        )
    };
    ui.label(format!(
        "Published for {}: {figure}. In the model the milk has {ratio}.",
        s.name()
    ));
    egui::CollapsingHeader::new("Where these figures come from")
        .id_salt("reaches milk sources")
        .show(ui, |ui| {
            ui.label(format!("Into milk: {}", f.source));
            ui.label(format!("In the mother's body: {}", s.figures().source));
            ui.horizontal_wrapped(|ui| {
                ui.hyperlink_to("LactMed (US National Library of Medicine)", LACTMED_URL);
                let mut ids = pmids(f.source);
                for id in pmids(s.figures().source) {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                for pmid in ids {
                    ui.hyperlink_to(
                        format!("PubMed {pmid}"),
                        format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"),
                    );
                }
            });
            ui.label(
                RichText::new(
                    "The model: one compartment with absorption from the gut (alcohol leaves at \
                     a constant rate), the milk at the published milk/plasma ratio of her blood, \
                     each feed's dose = the milk's level at the feed's middle × what the run \
                     says the baby drank. The row ids (B3–B11) are those of the published \
                     figures the model is checked against (Help → How good is the model?).",
                )
                .small(),
            );
        });
}

/// The PubMed ids named in a source ("PMID 3620287").
fn pmids(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find("PMID ") {
        rest = &rest[i + 5..];
        let id: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !id.is_empty() && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pubmed_ids_are_read_from_a_source() {
        assert_eq!(
            pmids("M/P (PMID 3620287; PMID 24695355; PMID 3620287)"),
            vec!["3620287", "24695355"]
        );
        let f = transfer_figures(Substance::Paracetamol).unwrap();
        assert_eq!(f.published_plain(), "relative infant dose at most 1.85%");
    }
}
