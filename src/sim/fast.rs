//! The fast part of a step: what moves within seconds in a session — drainage into the ducts,
//! the let-down's ejection, removal by the baby or the pump, oxytocin — and the session traces.

use super::*;
use crate::same_math::SameMath;

impl Sim {
    /// The fast part of a step of `dt` from `self.t`: drainage, let-down, removal, oxytocin,
    /// and the session traces.
    pub(super) fn fast(&mut self, dt: f64) {
        let k = self.fast_factors(dt);
        let t = self.t;
        for g in &mut self.glands {
            g.drain(k.drained);
        }

        // Let-down: the ejection squeezes both breasts (H6).
        if self.reflex.ejecting(t) {
            let overlap = self.reflex.ejecting_until_h - t;
            let mut share = if overlap >= dt {
                k.eject_share
            } else {
                moved_share(self.ejection_rate_per_h, overlap)
            };
            // Held back by alcohol: the rate × strength.
            if self.ejection_strength < 1.0 {
                share = 1.0 - (1.0 - share).libm_powf(self.ejection_strength);
            }
            for g in &mut self.glands {
                g.eject(share);
            }
        }

        // Removal by the sessions in progress.
        for a in &mut self.active {
            for b in Breast::BOTH {
                let i = b.index();
                if !a.draining[i] {
                    a.flow_ml_per_min[i] = 0.0;
                    continue;
                }
                let share = match a.kind {
                    Kind::Breastfeed => k.baby_share,
                    Kind::Pump => k.pump_share,
                };
                let r = self.glands[i].remove(share);
                a.flow_ml_per_min[i] = r.volume_ml / (dt * 60.0);
                if r.volume_ml > 1e-9 {
                    let fat = r.fat_g / r.volume_ml * 1000.0;
                    if a.first_fat.is_nan() {
                        a.first_fat = fat;
                    }
                    a.last_fat = fat;
                }
                a.tally.add(r.volume_ml, r.fat_g, &r.solutes);
                self.day.milk.add(r.volume_ml, r.fat_g, &r.solutes);
                self.day.removed_ml[i] += r.volume_ml;
                self.removed_total_ml += r.volume_ml;
                self.run.balance.removed_ml += r.volume_ml;
                self.run.balance.fat_removed_g += r.fat_g;
                let res = &mut self.run.sessions[a.result];
                res.removed_ml[i] += r.volume_ml;
                match a.kind {
                    Kind::Breastfeed => {
                        self.hunger_ml -= r.volume_ml;
                        self.day.intake_ml += r.volume_ml;
                    }
                    Kind::Pump => self.day.pumped_ml += r.volume_ml,
                }
            }
        }

        self.reflex.clear(&self.sc.mother.oxytocin, k.oxytocin_kept);
        for g in &self.glands {
            self.day.peak_fullness = self.day.peak_fullness.max(g.fullness());
        }

        if self.opt.trace_sessions != TraceSessions::None {
            let t_end = t + dt;
            for a in &self.active {
                if !self.opt.trace_sessions.wants(a.result) {
                    continue;
                }
                let res = &mut self.run.sessions[a.result];
                let tr = &mut res.trace;
                tr.t_h.push(t_end);
                for b in Breast::BOTH {
                    let i = b.index();
                    tr.flow_ml_per_min[i].push(a.flow_ml_per_min[i]);
                    tr.fat_g_l[i].push(if a.draining[i] {
                        self.glands[i].outflow_fat_g_per_l()
                    } else {
                        f64::NAN
                    });
                }
                tr.removed_ml.push(res.removed_ml[0] + res.removed_ml[1]);
                tr.oxytocin_pg_ml.push(self.reflex.level_pg_per_ml);
            }
        }
    }
}
