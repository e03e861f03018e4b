//! Sessions: starting one (which breast first, the let-down reflex), deciding when a side or the
//! whole session ends (the baby satisfied, tired or bored; a pump's time up), and ending it.

use super::*;

/// A session in progress.
#[derive(Clone)]
pub(super) struct Active {
    /// Index into `Run::sessions`.
    pub(super) result: usize,
    pub(super) kind: Kind,
    pub(super) side: SessionSide,
    /// Breasts being drained now.
    pub(super) draining: [bool; 2],
    /// For a breastfeed on both sides: the breast still to come.
    pub(super) second: Option<Breast>,
    pub(super) side_started_h: f64,
    /// Longest on one side (breastfeed) or the whole session (pump).
    pub(super) limit_h: f64,
    pub(super) tally: MilkTally,
    pub(super) first_fat: f64,
    pub(super) last_fat: f64,
    pub(super) last_letdown_h: f64,
    pub(super) flow_ml_per_min: [f64; 2],
}

impl Sim {
    pub(super) fn start_session(
        &mut self,
        kind: Kind,
        side: SessionSide,
        limit_h: f64,
        origin: Origin,
    ) {
        // The slow part so far ran without this session's stimulation.
        self.flush_slow();
        let t = self.t;
        let (first, second) = match side {
            SessionSide::One(b) => (Some(b), None),
            SessionSide::Both => {
                let fuller = if self.glands[1].fullness() > self.glands[0].fullness() {
                    Breast::Right
                } else {
                    Breast::Left
                };
                (Some(fuller), Some(fuller.other()))
            }
        };
        let draining = match (kind, side) {
            (Kind::Pump, SessionSide::Both) => [true, true],
            _ => {
                let mut d = [false; 2];
                if let Some(b) = first {
                    d[b.index()] = true;
                }
                d
            }
        };
        let second = if kind == Kind::Pump { None } else { second };
        let result = self.run.sessions.len();
        self.run.sessions.push(SessionResult {
            start_h: t,
            end_h: t,
            kind,
            side,
            origin,
            removed_ml: [0.0; 2],
            stored_at_start_ml: [self.glands[0].stored_ml(), self.glands[1].stored_ml()],
            // The totals so far: the session's end takes them away to leave what it moved.
            pathways: [self.glands[0].pathways, self.glands[1].pathways],
            held_at_start: self.milk_held(),
            held_at_end: Default::default(),
            letdowns_h: Vec::new(),
            first_milk_fat_g_l: f64::NAN,
            last_milk_fat_g_l: f64::NAN,
            milk: nan_composition(),
            prolactin_start_ng_ml: self.prolactin_ng_ml,
            prolactin_peak_ng_ml: self.prolactin_ng_ml,
            prolactin_peak_h: t,
            satisfied: false,
            trace: if self.opt.trace_sessions.wants(result) {
                // One point a step, for as long as the session may last.
                let sides = if second.is_some() { 2.0 } else { 1.0 };
                let steps = sides * limit_h * 3600.0 / self.opt.step_in_session_s;
                SessionTrace::with_capacity(steps.ceil() as usize + 8)
            } else {
                SessionTrace::default()
            },
        });
        self.peak_watch.push(result);
        self.run.events.push(Event {
            t_h: t,
            kind: EventKind::SessionStart { session: result },
        });
        match kind {
            Kind::Breastfeed => {
                self.day.breastfeeds += 1;
                self.last_feed_start_h = t;
            }
            Kind::Pump => self.day.pump_sessions += 1,
        }
        self.sessions_per_day += 24.0 / SESSION_RATE_MEMORY_H;
        if self.active.is_empty() {
            let m = &self.sc.mother;
            self.reflex.start(
                &m.oxytocin,
                m.stress_0_to_1,
                kind,
                side == SessionSide::Both,
                t,
                &mut self.rng,
            );
        }
        self.active.push(Active {
            result,
            kind,
            side,
            draining,
            second,
            side_started_h: t,
            limit_h,
            tally: MilkTally::default(),
            first_fat: f64::NAN,
            last_fat: f64::NAN,
            last_letdown_h: f64::NEG_INFINITY,
            flow_ml_per_min: [0.0; 2],
        });
    }

    pub(super) fn check_session_ends(&mut self) {
        let t = self.t;
        let mut i = 0;
        while i < self.active.len() {
            let a = &self.active[i];
            let on_side_h = t - a.side_started_h;
            let timed_out = on_side_h >= a.limit_h - 1e-9;
            let mut done_side = timed_out;
            let mut satisfied = false;
            if a.kind == Kind::Breastfeed {
                satisfied = self.hunger_ml <= 0.0;
                let flow: f64 = a.flow_ml_per_min.iter().sum();
                let bored = on_side_h * 60.0 >= GIVE_UP_AFTER_MIN
                    && (t - a.last_letdown_h) * 60.0 >= GIVE_UP_AFTER_LETDOWN_MIN
                    && flow < GIVE_UP_FLOW_ML_PER_MIN;
                // A weak baby tires and falls asleep: the feed ends, whichever side it is on.
                let fed_min = (t - self.run.sessions[a.result].start_h) * 60.0;
                let tired =
                    fed_min >= FEED_STAMINA_MIN * self.sc.infant.effectiveness_0_to_1 - 1e-9;
                if tired && !satisfied {
                    self.end_session(i);
                    continue;
                }
                done_side |= bored || satisfied;
            }
            if !done_side {
                i += 1;
                continue;
            }
            if !satisfied && let Some(next) = a.second {
                let a = &mut self.active[i];
                a.draining = [false; 2];
                a.draining[next.index()] = true;
                a.second = None;
                a.side_started_h = t;
                a.flow_ml_per_min = [0.0; 2];
                i += 1;
                continue;
            }
            self.run.sessions[self.active[i].result].satisfied = satisfied;
            self.end_session(i);
        }
    }

    pub(super) fn end_session(&mut self, i: usize) {
        // The slow part so far ran with this session's stimulation.
        self.flush_slow();
        let t = self.t;
        let a = self.active.remove(i);
        let res = &mut self.run.sessions[a.result];
        res.end_h = t;
        res.first_milk_fat_g_l = a.first_fat;
        res.last_milk_fat_g_l = a.last_fat;
        res.milk = a.tally.composition();
        for (i, p) in res.pathways.iter_mut().enumerate() {
            *p = self.glands[i].pathways.since(p);
        }
        res.held_at_end = std::array::from_fn(|i| held(&self.glands[i]));
        if res.kind == Kind::Breastfeed {
            self.last_feed_end_h = t;
        }
        self.run.events.push(Event {
            t_h: t,
            kind: EventKind::SessionEnd { session: a.result },
        });
        if self.active.is_empty() {
            self.reflex.stop();
        }
    }

    pub(super) fn end_all_sessions(&mut self) {
        while !self.active.is_empty() {
            self.end_session(self.active.len() - 1);
        }
    }
}

/// The milk one breast holds.
fn held(g: &crate::model::gland::Gland) -> crate::run::MilkHeld {
    let s = &g.solutes;
    crate::run::MilkHeld {
        ml: g.stored_ml(),
        fat_g: g.fat_g,
        lactose_g: s.lactose_g,
        protein_g: s.protein_g + s.siga_g + s.lactoferrin_g,
        sodium_mmol: s.sodium_mmol,
        potassium_mmol: s.potassium_mmol,
        chloride_mmol: s.chloride_mmol,
    }
}

impl Sim {
    fn milk_held(&self) -> [crate::run::MilkHeld; 2] {
        std::array::from_fn(|i| held(&self.glands[i]))
    }
}
