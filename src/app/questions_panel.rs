//! The parent's questions: a button each, answered from her own scenario from today. While an
//! answer is open the plot draws her milk with the change and as it is now (dashed), with the
//! days of the change shaded. Her plan is not changed unless she asks (*Make it part of my
//! plan*): the question's runs are her scenario's, with the change as one ordinary edit.

use super::*;
use crate::questions::{Answer, Question, Setup};

/// A question asked, its answer and the two runs it was read from.
pub struct Asked {
    pub answer: Answer,
    pub setup: Setup,
    /// Her scenario's revision it was asked of: after an edit it is asked again.
    revision: u64,
    pub as_now: Simulated,
    pub changed: Simulated,
    /// Mothers like her with and without the change (when she shows how mothers differ), for
    /// the range of the change itself; computed on worker threads after the answer is shown.
    pub mothers: mothers::MothersView,
    /// That range in words, once both ensembles are in.
    pub mothers_words: Option<String>,
}

impl Asked {
    /// Does the question change anything (an explanation changes nothing)?
    fn changes(&self) -> bool {
        self.setup.change.is_some() && !self.answer.changes_nothing
    }

    /// Ask for the ensembles with and without the change, take them when they come, and put
    /// the range of the change into words.
    fn range_of_mothers(&mut self, ctx: &egui::Context) {
        if !self.mothers.on || self.mothers_words.is_some() {
            return;
        }
        self.mothers.poll(ctx);
        self.mothers.update(
            self.revision,
            &self.changed.scenario,
            Some(&self.as_now.scenario),
            ctx,
        );
        if let (Some(with), Some(without), Some(effect)) = (
            &self.mothers.current,
            &self.mothers.baseline,
            &self.answer.effect,
        ) {
            self.mothers_words =
                crate::questions::mothers_words(effect, &without.ensemble, &with.ensemble);
        }
    }
}

/// What the plot draws while an answer that changes something is open.
pub(super) struct AnswerPlots {
    pub changed: Arc<plot_data::RunPlots>,
    pub as_now: Arc<plot_data::RunPlots>,
    /// From today to the day things go back (days since birth).
    pub change_days: (f64, f64),
}

/// The shading of the days of a question's change, as its legend and hover name it.
pub(super) const THE_CHANGE: &str = "the change";
/// What her run is called beside the run with a question's change.
pub(super) const WITHOUT_THE_CHANGE: &str = "without the change";

/// Said under a question button while her baby's age is not known.
const AGE_FIRST: &str =
    "Say how old your baby is first (above the plot): every answer starts from today.";
/// The same, on a phone: the age is asked just above the questions.
const AGE_FIRST_NARROW: &str =
    "Say how old your baby is first (just above): every answer starts from today.";

impl App {
    /// Ask a question of her scenario from today: both runs, and the answer. Needs her baby's
    /// age (from its date of birth).
    pub fn ask(&mut self, question: Question) {
        let Some(age) = self.baby_age_days() else {
            // An open answer is of an age no longer known (an Undo of the date of birth).
            self.asked = None;
            self.error(AGE_FIRST);
            return;
        };
        let sc = &self.document.scenario;
        let setup = question.setup(sc, age as usize);
        // The two runs side by side on two cores: a click is answered within about a frame.
        let (as_now, changed) = match &setup.change {
            Some(_) => rayon::join(
                || runner::compute(&setup.as_now(sc)),
                || runner::compute(&setup.changed(sc)),
            ),
            None => {
                let as_now = runner::compute(&setup.as_now(sc));
                (as_now.clone(), as_now)
            }
        };
        match (as_now, changed) {
            (Ok(as_now), Ok(changed)) => {
                let answer = setup.answer(&as_now.run, &changed.run);
                let mut mothers = mothers::MothersView::default();
                // The range is of a change of her supply: not asked for what reaches the milk
                // (two ensembles computed and never read), nor for a change that changes nothing.
                mothers.on = self.mothers.on && answer.effect.is_some();
                mothers.members = self.mothers.members;
                self.asked = Some(Asked {
                    answer,
                    setup,
                    revision: self.document.revision(),
                    as_now,
                    changed,
                    mothers,
                    mothers_words: None,
                });
            }
            (Err(problems), _) | (_, Err(problems)) => {
                self.asked = None;
                let first = problems.first().map_or(String::new(), ToString::to_string);
                self.error(&format!(
                    "This question cannot be run on your plan: {first}"
                ));
            }
        }
    }

    /// After an edit of her scenario (her baby's age, say), the open answer is worked out again
    /// — once the edit is done, not at every frame of a drag (two runs of an older baby's
    /// months take a frame or more).
    pub(super) fn ask_again_if_edited(&mut self, ctx: &egui::Context) {
        let Some(asked) = &self.asked else { return };
        if asked.revision != self.document.revision() && !ctx.input(|i| i.pointer.any_down()) {
            let q = asked.answer.question;
            self.ask(q);
        }
        if let Some(a) = &mut self.asked {
            a.range_of_mothers(ctx);
        }
    }

    /// The runs the plot draws while an answer that changes something is open: with the change,
    /// and as it is now; and the days of the change.
    pub(super) fn answer_plots(&self) -> Option<AnswerPlots> {
        if !self.parent_face() {
            return None;
        }
        let a = self.asked.as_ref().filter(|a| a.changes())?;
        let span = (a.setup.today_day as f64, a.setup.back_day as f64);
        Some(AnswerPlots {
            changed: a.changed.plots.clone(),
            as_now: a.as_now.plots.clone(),
            change_days: span,
        })
    }

    /// The side panel of the parent's face: the questions, and the answer to the one asked.
    pub(super) fn questions_panel(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>) {
        ui.heading("Questions parents ask");
        ui.label(
            RichText::new(
                "Each is answered for a mother like you, from today, as lactosim simulates it.",
            )
            .weak(),
        );
        ui.add_space(4.0);
        let known_age = self.baby_age_days().is_some();
        let age_first = if self.narrow {
            AGE_FIRST_NARROW
        } else {
            AGE_FIRST
        };
        let mut asked = None;
        for q in Question::ALL {
            let open = self.asked.as_ref().is_some_and(|a| a.answer.question == q);
            let button = egui::Button::selectable(open, q.button())
                .min_size(egui::vec2(ui.available_width(), 0.0))
                .wrap();
            let r = ui
                .add_enabled(known_age, button)
                .on_hover_text(q.asked())
                .on_disabled_hover_text(age_first);
            if r.clicked() {
                asked = Some(q);
            }
        }
        if !known_age {
            ui.label(RichText::new(age_first).weak());
        }
        if let Some(q) = asked {
            self.ask(q);
        }
        let Some(a) = &self.asked else { return };
        ui.separator();
        let answer = &a.answer;
        let r = ui.label(RichText::new(answer.question.asked()).strong());
        if asked.is_some() {
            r.scroll_to_me(Some(egui::Align::TOP));
        }
        ui.label(&answer.how_much);
        if let Some(words) = &a.mothers_words {
            ui.label(words);
        } else if a.mothers.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new("Working out the range for mothers like you…").weak());
            });
        }
        for part in [&answer.how_fast, &answer.comes_back] {
            ui.label(part);
        }
        if let Some(also) = &answer.also {
            ui.label(also);
        }
        glossary::words_ui(ui, &answer.said());
        ui.add_space(4.0);
        ui.label(RichText::new("What to watch for").strong());
        ui.label(answer.watch);
        ui.label(RichText::new("Who to ask").strong());
        ui.label(answer.ask);
        glossary::words_ui(ui, &format!("{} {}", answer.watch, answer.ask));
        ui.add_space(4.0);
        if let Some(s) = answer.question.substance()
            && ui
                .button("Show what each feed carried")
                .on_hover_text(
                    "Your blood and milk levels over the day, each breastfeed with what it carried, and where the figures come from.",
                )
                .clicked()
        {
            self.reaches_milk.show(Some(s));
            // The day the answer read, so the window's figures are the answer's.
            self.reaches_milk.day = Some(a.setup.day_read());
        }
        if a.changes() {
            ui.label(
                RichText::new(
                    "On the plot: your milk with this change (solid) and without it (dashed, faded); the shaded days are the change. The range of mothers like you is not drawn while an answer is open: it is of your plan as it is.",
                )
                .weak(),
            );
        } else if answer.question == Question::MilkFromBlood {
            if ui
                .button("Show me inside the breast")
                .on_hover_text("One alveolus, where milk is made from blood: its five pathways hour by hour in your run.")
                .clicked()
            {
                self.alveolus.show();
            }
        } else if let Some(i) = answer.session {
            // The feed the answer reads, in the window a clinician uses (its units are a
            // clinician's: opened only when asked). The same feed in her run: the run the
            // answer read only goes further.
            if ui
                .button("See this feed minute by minute")
                .on_hover_text("How fast the milk flowed, how its fat rose, and each let-down.")
                .clicked()
            {
                self.selected_session = Some(i);
            }
        }
        let (mut close, mut keep) = (false, false);
        ui.horizontal_wrapped(|ui| {
            close = ui
                .button("Close the answer")
                .on_hover_text("Back to your plan as it is.")
                .clicked();
            keep = a.changes()
                && ui
                    .button("Make it part of my plan")
                    .on_hover_text(
                        "Put this change into your plan, to see it and change it further (Undo takes it out).",
                    )
                    .clicked();
        });
        let kept = keep.then(|| {
            edits.push(a.setup.edit(&self.document.scenario));
            format!(
                "\u{201c}{}\u{201d} is now part of your plan, from today (Undo in the Edit menu takes it out).",
                a.setup.what_is_kept()
            )
        });
        ui.add_space(8.0);
        ui.label(
            RichText::new(
                "lactosim is a model for learning, not medical advice: a real mother and baby may differ.",
            )
            .small()
            .weak(),
        );
        if let Some(kept) = kept {
            self.notice(&kept);
        }
        if close || keep {
            self.asked = None;
        }
    }
}
