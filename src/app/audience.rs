//! Who is looking: the question asked at first start, the switch in View, and what the parent's
//! face leaves out until asked (the clinician's window is the whole window). Both faces draw the
//! same scenario, runs and edits.

use super::*;
use crate::view::Audience;

/// How far past today the parent's run goes, days: far enough to see where a change leads.
pub const WEEKS_PAST_TODAY_DAYS: f64 = 21.0;

/// The oldest baby the age question takes, days (a year: the longest run).
const OLDEST_BABY_DAYS: i64 = 365 - WEEKS_PAST_TODAY_DAYS as i64;

impl App {
    /// At first start (nothing kept says who is looking), ask before anything else.
    pub(super) fn audience_question(&mut self, ctx: &egui::Context) {
        if self.audience.is_some() {
            return;
        }
        egui::Modal::new(egui::Id::unique("who is looking")).show(ctx, |ui| {
            ui.set_width(super::on_screen::modal_width(ctx, 520.0));
            ui.heading("Welcome to lactosim");
            ui.label(
                "It shows how breast-milk supply follows the baby's feeds, day by day. \
                 Who is using it?",
            );
            ui.add_space(8.0);
            for audience in Audience::ALL {
                let button = egui::Button::new(RichText::new(audience.choice()).heading())
                    .min_size(egui::vec2(ui.available_width(), 44.0));
                if ui.add(button).clicked() {
                    self.choose_audience(audience);
                }
                ui.label(RichText::new(audience.promise()).weak());
                ui.add_space(6.0);
            }
            ui.label(RichText::new("You can switch at any time in View.").weak());
        });
    }

    /// The switch in the View menu.
    pub(super) fn audience_menu(&mut self, ui: &mut Ui) {
        for audience in Audience::ALL {
            if ui
                .radio(self.audience == Some(audience), audience.view_name())
                .on_hover_text(audience.promise())
                .clicked()
            {
                self.choose_audience(audience);
            }
        }
    }

    pub fn choose_audience(&mut self, audience: Audience) {
        self.audience = Some(audience);
        self.show_me_more = false;
        // The parent's plot shades the usual range for her baby's age, and says where she is
        // in it: that takes the mothers like her.
        if audience == Audience::Parent {
            self.mothers.on = true;
        }
    }

    /// Is the parent's face shown? Also before anyone has said who they are: the question at
    /// first start sits over the gentler face, not over the clinician's units.
    pub fn parent_face(&self) -> bool {
        self.audience != Some(Audience::Clinician)
    }

    /// The parent's face shows her milk supply alone until she asks for more.
    pub(super) fn plots_in_face(&self) -> Option<PlotKind> {
        (self.parent_face() && !self.show_me_more).then_some(PlotKind::YourSupply)
    }

    /// Under the parent's plot: the rest of the window, one click away.
    pub(super) fn show_me_more_button(&mut self, ui: &mut Ui) {
        if !self.parent_face() {
            return;
        }
        let (label, tip) = if self.show_me_more {
            ("Show me less", "Back to the milk supply alone.")
        } else {
            (
                "Show me more",
                "Each breast, the hormones that drive the milk, and what is in it.",
            )
        };
        if ui.button(label).on_hover_text(tip).clicked() {
            self.show_me_more = !self.show_me_more;
        }
    }

    /// The parent's sentence above her plot: where her milk today sits among mothers at her
    /// baby's age, in words (or what to do to see it).
    pub fn normal_words(&self) -> Option<String> {
        let sim = self.current.as_ref()?;
        let Some(age) = self.baby_age_days() else {
            return Some(
                "Say how old your baby is (just above), and lactosim shows where your milk is today and what is usual at this age."
                    .to_owned(),
            );
        };
        // Read on the last whole day before today: what she plans from today on does not move
        // what is usual at her baby's age, nor where she is now.
        let age = age as usize;
        let day = age.saturating_sub(1);
        let hers: f64 = sim.run.days.get(day)?.production_ml.iter().sum();
        if self.mothers.on {
            // One range, the one of mothers like her, once it is in (not the published one
            // first and then another).
            match self.mothers.made_on_day(day) {
                Some(most) => crate::questions::normal::normal_words(age, hers, Some(most)),
                // The mothers could not be simulated: the published range, as without them.
                None if !self.mothers.busy() => {
                    crate::questions::normal::normal_words(age, hers, None)
                }
                None => Some(format!(
                    "You make about {:.0} ml of milk a day now; working out what is usual at this age…",
                    crate::summary::round_to(hers, 10.0)
                )),
            }
        } else {
            crate::questions::normal::normal_words(age, hers, None)
        }
    }

    /// The baby's age today in days, from her date of birth (`None` before it is given).
    pub fn baby_age_days(&self) -> Option<i64> {
        let born = self.document.scenario.birth_date?;
        Some(born.days_until(self.today)).filter(|d| *d >= 0)
    }

    /// Today on the time axis (the middle of today's day), in the parent's face.
    pub fn today_mark_day(&self) -> Option<f64> {
        if !self.parent_face() {
            return None;
        }
        self.baby_age_days().map(|d| d as f64 + 0.5)
    }

    /// The edits that make the run hers: born `age_days` ago, and simulated from birth to a few
    /// weeks past today.
    pub fn baby_age_edits(&self, age_days: i64) -> Vec<Edit> {
        let age_days = age_days.clamp(0, OLDEST_BABY_DAYS);
        vec![
            Edit::SetBirthDate(Some(self.today.plus_days(-age_days))),
            Edit::SetParam {
                path: "horizon_days",
                value: age_days as f64 + WEEKS_PAST_TODAY_DAYS,
            },
        ]
    }

    /// "How old is your baby?", at the top of the parent's face.
    pub(super) fn baby_age_ui(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>) {
        if !self.parent_face() {
            return;
        }
        let known = self.baby_age_days();
        let mut age = known.unwrap_or(0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("How old is your baby?").strong());
            let (mut weeks, mut days) = (age / 7, age % 7);
            let plural =
                |n: i64, one: &'static str, many: &'static str| if n == 1 { one } else { many };
            let (week_word, day_word) = (
                plural(weeks, " week", " weeks"),
                plural(days, " day", " days"),
            );
            let w = ui.add(
                egui::DragValue::new(&mut weeks)
                    .range(0..=OLDEST_BABY_DAYS / 7)
                    .suffix(week_word),
            );
            let d = ui.add(
                egui::DragValue::new(&mut days)
                    .range(0..=6)
                    .suffix(day_word),
            );
            if w.changed() || d.changed() {
                age = weeks * 7 + days;
                edits.extend(self.baby_age_edits(age));
            }
            match known {
                Some(_) => ui.label(
                    RichText::new(format!(
                        "The plot runs from birth to {} weeks from today.",
                        WEEKS_PAST_TODAY_DAYS as i64 / 7
                    ))
                    .weak(),
                ),
                None => ui.label(
                    RichText::new("Tell it, and the plot shows today and the weeks ahead.").weak(),
                ),
            };
        });
    }
}
