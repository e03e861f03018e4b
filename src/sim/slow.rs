//! The slow part of a step: what moves over minutes to weeks — synthesis and the glands' slow
//! adaptation, the baby's hunger, prolactin and what the mother takes — over everything gathered
//! since it last ran.

use super::*;

impl Sim {
    /// The slow part over everything gathered since it last ran (it ends at `self.t`, or at
    /// the end of the step about to be taken between sessions): synthesis and adaptation, hunger,
    /// prolactin and what the mother takes, with the sessions in progress as they are now (every
    /// session start and end runs this first, so the stimulation was the same throughout).
    pub(super) fn flush_slow(&mut self) {
        let dt = self.slow_pending_h;
        if dt <= 0.0 {
            return;
        }
        let from = self.slow_from_h;
        self.slow_ran = true;
        self.slow_pending_h = 0.0;
        self.slow_from_h = from + dt;
        let k = self.slow_factors(dt);
        let tm = from + 0.5 * dt;
        let m = &self.sc.mother;
        let activation = secretory_activation(tm, m.activation_delay_h);
        let birth_leak = junctions_open_after_birth(tm, m.activation_delay_h);
        let support = prolactin::capacity_support(self.prolactin_mean_ng_ml);

        // Synthesis and slow adaptation. sIgA and lactoferrin follow the cells at work: their
        // time course is worked out once for both breasts.
        let siga_per_activity = siga_secretion_g_per_h(tm, 1.0);
        let lactoferrin_per_activity = lactoferrin_extra_g_per_h(tm, 1.0);
        for (i, g) in self.glands.iter_mut().enumerate() {
            // Prolactin is permissive: the secretory cells run only while it supports them.
            let fullness_before = g.fullness();
            let made = g.synthesize(
                activation * support,
                m.milk_fat_synthesis_g_per_l,
                siga_per_activity * g.cell_activity(),
                lactoferrin_per_activity * g.cell_activity(),
                dt,
            );
            self.day.production_ml[i] += made;
            self.synth_total_ml += made;
            self.run.balance.synthesized_ml += made;
            self.run.balance.fat_synthesized_g += made * m.milk_fat_synthesis_g_per_l / 1000.0;
            let resorbed = g.adapt(
                fullness_before,
                m.secretory_capacity_ceiling_ml_per_h,
                support,
                activation,
                birth_leak,
                &k.gland,
            );
            self.run.balance.resorbed_ml += resorbed.volume_ml;
            self.run.balance.fat_resorbed_g += resorbed.fat_g;
        }

        // Hunger builds; beyond a cap it is unmet appetite (met by someone else).
        let appetite = appetite_ml_per_day(&self.sc.infant, tm);
        let rate = self.hunger_rate_ml_per_h(tm, appetite);
        self.hunger_ml += rate * dt;
        self.day.appetite_ml += appetite / 24.0 * dt;
        self.day.appetite_at_breast_ml += rate * dt;
        if rate == 0.0 && self.away(tm) {
            self.day.appetite_while_away_ml +=
                appetite / 24.0 * breast_share(&self.sc.infant, tm) * dt;
        }
        let cap = MAX_HUNGER_MEALS * appetite / meals_per_day(&self.sc.infant, tm);
        if self.hunger_ml > cap {
            self.hunger_ml = cap;
        }

        // Prolactin.
        let stimulation: f64 = self
            .active
            .iter()
            .map(|a| match (a.kind, a.side) {
                (Kind::Pump, SessionSide::Both) => DOUBLE_STIMULATION,
                _ => 1.0,
            })
            .sum();
        // What the mother takes scales prolactin release, at the step's midpoint.
        let medicine = match k.substance_kept {
            Some((kept, kept_half)) if !self.body.is_empty() => {
                let mut mid = self.body;
                mid.eliminate(&kept_half);
                self.body.eliminate(&kept);
                mid.prolactin_release_factor()
            }
            _ => 1.0,
        };
        let p = &m.prolactin;
        let declines = prolactin::Declines::at(tm);
        let base = prolactin::baseline_with(p, declines, self.sessions_per_day) * medicine;
        let tau = prolactin::clearance_tau_h(p.half_life_min);
        let release_per_drive = prolactin::surge_with(p, declines) * medicine;
        let course = prolactin::Course::new(
            self.prolactin_ng_ml,
            base,
            release_per_drive,
            self.prolactin_drive,
            stimulation,
            tau,
        );
        self.prolactin_step = sampling::ProlactinStep {
            from_h: from,
            course,
        };
        self.prolactin_drive = prolactin::lag_step(self.prolactin_drive, stimulation, k.lag_kept);
        self.prolactin_ng_ml = course.level(k.prolactin_kept, k.lag_kept);
        // The highest level of the step, for the sessions whose prolactin peak is watched.
        if !self.peak_watch.is_empty() {
            let (into_h, peak) = course.peak_within(dt);
            let at = from + into_h;
            for &i in &self.peak_watch {
                let s = &mut self.run.sessions[i];
                if peak > s.prolactin_peak_ng_ml && at <= s.start_h + 1.0 {
                    s.prolactin_peak_ng_ml = peak;
                    s.prolactin_peak_h = at;
                }
            }
        }
        let p_mean = course.mean(dt, k.prolactin_kept, k.lag_kept);
        self.prolactin_mean_ng_ml += (p_mean - self.prolactin_mean_ng_ml) * k.mean_blend;
        self.day.prolactin_integral += p_mean * dt;
        self.sessions_per_day *= k.session_rate_kept;
    }
}
