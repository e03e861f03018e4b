//! Who is looking: the question asked at first start, the switch in View, and what the parent's
//! face leaves out until asked (the clinician's window is the whole window). Both faces draw the
//! same scenario, runs and edits.

use super::*;
use crate::view::Audience;

impl App {
    /// At first start (nothing kept says who is looking), ask before anything else.
    pub(super) fn audience_question(&mut self, ctx: &egui::Context) {
        if self.audience.is_some() {
            return;
        }
        egui::Modal::new(egui::Id::unique("who is looking")).show(ctx, |ui| {
            ui.set_width(520.0);
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
    }

    /// The parent's face shows her milk supply alone until she asks for more.
    pub(super) fn plots_in_face(&self) -> Option<PlotKind> {
        (self.audience == Some(Audience::Parent) && !self.show_me_more)
            .then_some(PlotKind::YourSupply)
    }

    /// Under the parent's plot: the rest of the window, one click away.
    pub(super) fn show_me_more_button(&mut self, ui: &mut Ui) {
        if self.audience != Some(Audience::Parent) {
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
}
