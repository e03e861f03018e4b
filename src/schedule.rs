//! The schedule: when milk is removed, and how.
//!
//! Three sources of sessions, all optional: responsive feeding (the baby's hunger starts a feed),
//! recurring rules (every N hours between two days, with an optional night gap) and single sessions.
//! Skips suppress anything that would start inside a window (a missed feed, a missed night).
//! [`Schedule::expand`] turns rules and single sessions into concrete, sorted [`PlannedSession`]s;
//! responsive feeds are decided while the model runs, because they depend on the baby's hunger.

use serde::{Deserialize, Serialize};

use crate::absence::Absence;
use crate::calendar::{Calendar, Weekday};
use crate::mother_takes::Dosing;
use crate::scenario::{Breast, MAX_HORIZON_DAYS, Problem, check_day, check_range};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Schedule {
    /// Feeds started by the baby's hunger; `None` = only the rules and sessions below.
    pub responsive: Option<Responsive>,
    pub rules: Vec<Rule>,
    pub sessions: Vec<Session>,
    /// Windows in which nothing starts (a missed feed, a missed night).
    pub skips: Vec<Skip>,
    /// Recurring times the mother is away from the baby (back at work): no breastfeed starts,
    /// pump sessions go on.
    pub absences: Vec<Absence>,
    /// What the mother takes (medicines that act on prolactin so far), course by course.
    pub mother_takes: Vec<Dosing>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            responsive: Some(Responsive::default()),
            rules: Vec::new(),
            sessions: Vec::new(),
            skips: Vec::new(),
            absences: Vec::new(),
            mother_takes: Vec::new(),
        }
    }
}

/// How milk is taken out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// The baby at the breast: stops when satisfied.
    #[default]
    Breastfeed,
    /// A pump: runs for its set time.
    Pump,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Breastfeed => "breastfeed",
            Kind::Pump => "pump",
        }
    }
}

/// Which breast a session uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
    /// A breastfeed on both sides, one after the other (fuller first); a pump on both at once.
    #[default]
    Both,
    /// Left and right in turn, from one session of the rule to the next (starting left).
    Alternate,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
            Side::Alternate => "alternate",
        }
    }
}

/// The side of one concrete session (never `Alternate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionSide {
    One(Breast),
    Both,
}

impl SessionSide {
    pub fn uses(self, breast: Breast) -> bool {
        match self {
            SessionSide::One(b) => b == breast,
            SessionSide::Both => true,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SessionSide::One(b) => b.name(),
            SessionSide::Both => "both",
        }
    }
}

/// Hours of the clock in which nothing starts (e.g. 23 → 5), from a given day on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NightGap {
    /// Clock hour the gap begins (0–24).
    pub from_clock_h: f64,
    /// Clock hour the gap ends (0–24); earlier than `from_clock_h` means it ends the next morning.
    pub to_clock_h: f64,
    /// Day (since birth) from which the gap applies.
    pub from_day: f64,
}

impl Default for NightGap {
    fn default() -> Self {
        Self {
            from_clock_h: 23.0,
            to_clock_h: 5.0,
            from_day: 0.0,
        }
    }
}

impl NightGap {
    /// Is `t_h` (hours since birth) inside the gap? Birth is taken to be at midnight. A night
    /// belongs to the evening it starts on: from day 14, the first night without feeds is the one
    /// that starts on day 14 at `from_clock_h`, not the small hours of day 14 (which belong to
    /// the night of day 13).
    pub fn contains(&self, t_h: f64) -> bool {
        // The small hours of day 0 belong to a night that began before birth: count it from
        // birth, so that a gap from day 0 covers them.
        daily_window_start(t_h, self.from_clock_h, self.to_clock_h)
            .is_some_and(|start| start.max(0.0) >= self.from_day * 24.0)
    }
}

/// The start (hours since birth) of the daily window from `from_clock_h` to `to_clock_h` that
/// holds `t_h`, if one does. A window whose end is earlier than its start ends the next morning,
/// and after midnight it still belongs to the evening it began (birth is at midnight of day 0).
pub fn daily_window_start(t_h: f64, from_clock_h: f64, to_clock_h: f64) -> Option<f64> {
    let day_start = (t_h / 24.0).floor() * 24.0;
    let clock = t_h - day_start;
    if from_clock_h <= to_clock_h {
        (clock >= from_clock_h && clock < to_clock_h).then_some(day_start + from_clock_h)
    } else if clock >= from_clock_h {
        Some(day_start + from_clock_h)
    } else if clock < to_clock_h {
        // After midnight: the window began the evening before.
        Some(day_start - 24.0 + from_clock_h)
    } else {
        None
    }
}

/// Responsive (on-demand) feeding: a feed starts when the baby is hungry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Responsive {
    /// Day responsive feeding begins.
    pub from_day: f64,
    /// Day it ends (`None` = to the end of the run).
    pub until_day: Option<f64>,
    /// Night hours the baby is not put to the breast (someone else feeds, or the baby sleeps through).
    pub night_gap: Option<NightGap>,
    /// Longest the baby stays on one breast.
    pub max_minutes_per_breast: f64,
}

impl Default for Responsive {
    fn default() -> Self {
        Self {
            from_day: 0.0,
            until_day: None,
            night_gap: None,
            max_minutes_per_breast: 20.0,
        }
    }
}

impl Responsive {
    pub fn active_at(&self, t_h: f64) -> bool {
        t_h >= self.from_day * 24.0
            && self.until_day.is_none_or(|d| t_h < d * 24.0)
            && !self.night_gap.as_ref().is_some_and(|g| g.contains(t_h))
    }
}

/// A recurring rule: a session every `every_h` hours from day `from_day` to day `to_day`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rule {
    pub label: String,
    pub kind: Kind,
    pub side: Side,
    /// Hours between the starts of two sessions.
    pub every_h: f64,
    /// Clock hour of the first session of each run of the rule (0–24).
    pub first_at_clock_h: f64,
    /// First day the rule applies (days since birth).
    pub from_day: f64,
    /// The day the rule stops: its sessions run up to the start of this day, so a rule to day 28
    /// and one from day 28 meet without a gap or an overlap (and "days 14 to 28" is 14 days).
    pub to_day: f64,
    /// The weekdays the rule runs on (empty: every day), by the day each session starts in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<Weekday>,
    /// Hours of the night the rule skips.
    pub night_gap: Option<NightGap>,
    /// At most this many sessions a calendar day (power pumping: 3 close together).
    pub max_per_day: Option<u32>,
    /// Minutes per session (per breast for a breastfeed on both sides).
    pub duration_min: f64,
}

impl Default for Rule {
    fn default() -> Self {
        Self {
            label: String::new(),
            kind: Kind::Breastfeed,
            side: Side::Both,
            every_h: 3.0,
            first_at_clock_h: 0.0,
            from_day: 0.0,
            to_day: 28.0,
            night_gap: None,
            max_per_day: None,
            duration_min: 15.0,
            weekdays: Vec::new(),
        }
    }
}

/// A single session at a given time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Session {
    pub label: String,
    pub kind: Kind,
    /// `Alternate` means left for a single session.
    pub side: Side,
    /// Start, hours since birth.
    pub at_h: f64,
    pub duration_min: f64,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            label: String::new(),
            kind: Kind::Pump,
            side: Side::Both,
            at_h: 24.0,
            duration_min: 15.0,
        }
    }
}

/// A window in which nothing starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Skip {
    pub label: String,
    pub from_h: f64,
    pub to_h: f64,
}

impl Default for Skip {
    fn default() -> Self {
        Self {
            label: "missed feed".to_owned(),
            from_h: 24.0,
            to_h: 27.0,
        }
    }
}

/// Where a planned session came from, for messages and for the GUI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Rule(usize),
    Single(usize),
    Responsive,
}

/// One concrete session, at a known time.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedSession {
    pub start_h: f64,
    /// For a breastfeed on both sides, the time allowed on each breast.
    pub duration_h: f64,
    pub kind: Kind,
    pub side: SessionSide,
    pub origin: Origin,
}

impl PlannedSession {
    /// When the session can end at the latest (both sides of a breastfeed one after the other).
    pub fn latest_end_h(&self) -> f64 {
        match (self.kind, self.side) {
            (Kind::Breastfeed, SessionSide::Both) => self.start_h + 2.0 * self.duration_h,
            _ => self.start_h + self.duration_h,
        }
    }
}

/// The most concrete sessions a schedule may expand to (a guard against runaway rules).
pub const MAX_PLANNED_SESSIONS: usize = 20_000;

/// Longest session, minutes.
pub const MAX_SESSION_MIN: f64 = 120.0;
/// Most rules, single sessions and skips a schedule may hold (each).
pub const MAX_SCHEDULE_ENTRIES: usize = 2_000;

fn check_gap(problems: &mut Vec<Problem>, path: &str, g: &NightGap) {
    check_range(
        problems,
        &format!("{path}.from_clock_h"),
        "a clock hour",
        g.from_clock_h,
        0.0,
        24.0,
    );
    check_range(
        problems,
        &format!("{path}.to_clock_h"),
        "a clock hour",
        g.to_clock_h,
        0.0,
        24.0,
    );
    check_day(problems, &format!("{path}.from_day"), g.from_day);
    if g.from_clock_h.rem_euclid(24.0) == g.to_clock_h.rem_euclid(24.0) {
        problems.push(Problem::new(
            format!("{path}.to_clock_h"),
            format!(
                "the gap starts and ends at the same hour ({}): it would be empty; remove it instead",
                g.from_clock_h
            ),
        ));
    }
}

impl Schedule {
    /// Problems with single fields (ranges, impossible times); overlaps are found by [`Self::expand`].
    pub fn validate_fields(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        for (what, n) in [
            ("rules", self.rules.len()),
            ("sessions", self.sessions.len()),
            ("skips", self.skips.len()),
            ("absences", self.absences.len()),
            ("mother_takes", self.mother_takes.len()),
        ] {
            if n > MAX_SCHEDULE_ENTRIES {
                p.push(Problem::new(
                    format!("schedule.{what}"),
                    format!("{n} {what}: at most {MAX_SCHEDULE_ENTRIES} are allowed"),
                ));
                return p;
            }
        }
        if let Some(r) = &self.responsive {
            check_day(&mut p, "schedule.responsive.from_day", r.from_day);
            if let Some(u) = r.until_day {
                check_day(&mut p, "schedule.responsive.until_day", u);
            }
            if let Some(g) = &r.night_gap {
                check_gap(&mut p, "schedule.responsive.night_gap", g);
            }
            check_range(
                &mut p,
                "schedule.responsive.max_minutes_per_breast",
                "minutes per breast",
                r.max_minutes_per_breast,
                3.0,
                60.0,
            );
        }
        for (i, r) in self.rules.iter().enumerate() {
            let path = format!("schedule.rules[{i}]");
            check_range(
                &mut p,
                &format!("{path}.every_h"),
                "hours between sessions",
                r.every_h,
                0.25,
                48.0,
            );
            check_range(
                &mut p,
                &format!("{path}.first_at_clock_h"),
                "a clock hour",
                r.first_at_clock_h,
                0.0,
                24.0,
            );
            check_day(&mut p, &format!("{path}.from_day"), r.from_day);
            check_day(&mut p, &format!("{path}.to_day"), r.to_day);
            if r.to_day < r.from_day {
                p.push(Problem::new(
                    format!("{path}.to_day"),
                    format!(
                        "the rule ends (day {}) before it starts (day {})",
                        r.to_day, r.from_day
                    ),
                ));
            }
            check_range(
                &mut p,
                &format!("{path}.duration_min"),
                "session minutes",
                r.duration_min,
                1.0,
                MAX_SESSION_MIN,
            );
            if let Some(g) = &r.night_gap {
                check_gap(&mut p, &format!("{path}.night_gap"), g);
            }
            if r.max_per_day == Some(0) {
                p.push(Problem::new(
                    format!("{path}.max_per_day"),
                    "at most 0 sessions a day means none: remove the rule instead",
                ));
            }
        }
        for (i, s) in self.sessions.iter().enumerate() {
            let path = format!("schedule.sessions[{i}]");
            check_range(
                &mut p,
                &format!("{path}.at_h"),
                "the start (hours since birth)",
                s.at_h,
                0.0,
                MAX_HORIZON_DAYS * 24.0,
            );
            check_range(
                &mut p,
                &format!("{path}.duration_min"),
                "session minutes",
                s.duration_min,
                1.0,
                MAX_SESSION_MIN,
            );
        }
        for (i, s) in self.skips.iter().enumerate() {
            let path = format!("schedule.skips[{i}]");
            check_range(
                &mut p,
                &format!("{path}.from_h"),
                "the start (hours since birth)",
                s.from_h,
                0.0,
                MAX_HORIZON_DAYS * 24.0,
            );
            check_range(
                &mut p,
                &format!("{path}.to_h"),
                "the end (hours since birth)",
                s.to_h,
                0.0,
                MAX_HORIZON_DAYS * 24.0,
            );
            if s.to_h <= s.from_h {
                p.push(Problem::new(
                    format!("{path}.to_h"),
                    format!(
                        "the skip ends (hour {}) before it starts (hour {})",
                        s.to_h, s.from_h
                    ),
                ));
            }
        }
        crate::absence::validate(&self.absences, &mut p);
        crate::mother_takes::validate(&self.mother_takes, &mut p);
        p
    }

    /// Is `t_h` inside a skip window?
    pub fn skipped(&self, t_h: f64) -> bool {
        self.skips.iter().any(|s| t_h >= s.from_h && t_h < s.to_h)
    }

    /// Is the mother away from the baby at `t_h`?
    pub fn away(&self, t_h: f64, calendar: Calendar) -> bool {
        self.absences.iter().any(|a| a.contains(t_h, calendar))
    }

    /// Expand rules and single sessions into concrete sessions, sorted by start, up to `horizon_h`.
    /// Sessions inside a skip window, breastfeeds while the mother is away and sessions of a rule
    /// on weekdays it does not run on are left out (`calendar` says which weekday a day is).
    /// Checks overlaps on one breast.
    pub fn expand(
        &self,
        horizon_h: f64,
        calendar: Calendar,
    ) -> Result<Vec<PlannedSession>, Vec<Problem>> {
        let left_out = |kind: Kind, t: f64| {
            self.skipped(t) || (kind == Kind::Breastfeed && self.away(t, calendar))
        };
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !(rule.every_h.is_finite() && rule.every_h > 0.0) {
                continue; // reported by validation
            }
            let end = (rule.to_day * 24.0).min(horizon_h);
            let mut alternate_next = Breast::Left;
            for t in rule_times(rule, end) {
                if out.len() >= MAX_PLANNED_SESSIONS {
                    problems.push(Problem {
                        path: format!("schedule.rules[{i}]"),
                        message: format!(
                            "the schedule expands to more than {MAX_PLANNED_SESSIONS} sessions"
                        ),
                    });
                    return Err(problems);
                }
                if rule.night_gap.as_ref().is_some_and(|g| g.contains(t))
                    || left_out(rule.kind, t)
                    || !(rule.weekdays.is_empty()
                        || rule.weekdays.contains(&calendar.weekday_at(t)))
                {
                    continue;
                }
                let side = match rule.side {
                    Side::Left => SessionSide::One(Breast::Left),
                    Side::Right => SessionSide::One(Breast::Right),
                    Side::Both => SessionSide::Both,
                    Side::Alternate => {
                        let b = alternate_next;
                        alternate_next = b.other();
                        SessionSide::One(b)
                    }
                };
                out.push(PlannedSession {
                    start_h: t,
                    duration_h: rule.duration_min / 60.0,
                    kind: rule.kind,
                    side,
                    origin: Origin::Rule(i),
                });
            }
        }
        for (i, s) in self.sessions.iter().enumerate() {
            if s.at_h >= horizon_h || left_out(s.kind, s.at_h) {
                continue;
            }
            let side = match s.side {
                Side::Left | Side::Alternate => SessionSide::One(Breast::Left),
                Side::Right => SessionSide::One(Breast::Right),
                Side::Both => SessionSide::Both,
            };
            out.push(PlannedSession {
                start_h: s.at_h,
                duration_h: s.duration_min / 60.0,
                kind: s.kind,
                side,
                origin: Origin::Single(i),
            });
        }
        out.sort_by(|a, b| a.start_h.total_cmp(&b.start_h));
        problems.extend(overlaps(&out));
        problems.extend(too_many_feeds(&out));
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }
}

/// Start times of a rule before `end_h`. Without `max_per_day` the rule steps on evenly from its
/// first session; with it, each day starts afresh at `first_at_clock_h` (a daily block, such as an
/// evening of power pumping).
fn rule_times(rule: &Rule, end_h: f64) -> impl Iterator<Item = f64> + '_ {
    let first_day = rule.from_day.floor().max(0.0) as u64;
    let continuous = rule.max_per_day.is_none();
    let start = rule.from_day.floor() * 24.0 + rule.first_at_clock_h;
    let per_block = rule.max_per_day.unwrap_or(0) as u64;
    let mut day = first_day;
    let mut k: u64 = 0;
    std::iter::from_fn(move || {
        loop {
            let t = if continuous {
                start + k as f64 * rule.every_h
            } else {
                if k >= per_block || k as f64 * rule.every_h >= 24.0 {
                    k = 0;
                    day += 1;
                }
                day as f64 * 24.0 + rule.first_at_clock_h + k as f64 * rule.every_h
            };
            k += 1;
            if t >= end_h || (!continuous && per_block == 0) {
                return None;
            }
            if t >= rule.from_day * 24.0 {
                return Some(t);
            }
        }
    })
}

fn origin_path(o: Origin) -> String {
    match o {
        Origin::Rule(i) => format!("schedule.rules[{i}]"),
        Origin::Single(i) => format!("schedule.sessions[{i}]"),
        Origin::Responsive => "schedule.responsive".to_owned(),
    }
}

/// Report pairs of sessions that use one breast at the same time (at most a few, so the
/// message stays readable when a rule collides with itself every day).
fn overlaps(sorted: &[PlannedSession]) -> Vec<Problem> {
    const MAX_REPORTED: usize = 5;
    let mut problems = Vec::new();
    // Latest end so far on each breast, with the session that holds it.
    let mut busy: [Option<(f64, usize)>; 2] = [None, None];
    for (j, s) in sorted.iter().enumerate() {
        for b in Breast::BOTH {
            if !s.side.uses(b) {
                continue;
            }
            if let Some((end, i)) = busy[b.index()]
                && s.start_h < end - 1e-9
            {
                let a = &sorted[i];
                problems.push(Problem {
                    path: origin_path(s.origin),
                    message: format!(
                        "{} at {} overlaps the {} at {} ({}) on the {} breast: it starts before that one ends at {}",
                        s.kind.name(),
                        format_time_h(s.start_h),
                        a.kind.name(),
                        format_time_h(a.start_h),
                        origin_path(a.origin),
                        b.name(),
                        format_time_h(end),
                    ),
                });
                if problems.len() >= MAX_REPORTED {
                    return problems;
                }
            }
            let end = s.latest_end_h();
            if busy[b.index()].is_none_or(|(e, _)| end > e) {
                busy[b.index()] = Some((end, j));
            }
        }
    }
    problems
}

/// The most breastfeeds a baby takes in a day (D7: at most ≈ 18 a day for one baby, Kent 2006).
pub const MAX_BREASTFEEDS_A_DAY: usize = 18;

/// A schedule that plans more breastfeeds in one day than a baby takes is a problem (counted by
/// the day each starts in, as everywhere): the first such day is reported.
fn too_many_feeds(sorted: &[PlannedSession]) -> Option<Problem> {
    let mut day = None;
    let mut count = 0;
    for s in sorted.iter().filter(|s| s.kind == Kind::Breastfeed) {
        let d = (s.start_h / 24.0).floor() as i64;
        if day != Some(d) {
            day = Some(d);
            count = 0;
        }
        count += 1;
        if count > MAX_BREASTFEEDS_A_DAY {
            return Some(Problem::new(
                origin_path(s.origin),
                format!(
                    "more than {MAX_BREASTFEEDS_A_DAY} breastfeeds are planned on day {d}; a baby feeds at most about {MAX_BREASTFEEDS_A_DAY} times a day: space them further apart"
                ),
            ));
        }
    }
    None
}

/// "day 3, 14:30" for hours since birth (birth at midnight of day 0).
pub fn format_time_h(t_h: f64) -> String {
    let minutes = (t_h * 60.0).round() as i64;
    let day = minutes.div_euclid(24 * 60);
    let clock = minutes.rem_euclid(24 * 60);
    format!("day {day} {:02}:{:02}", clock / 60, clock % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_night_belongs_to_the_evening_it_starts_on() {
        let gap = NightGap {
            from_clock_h: 23.0,
            to_clock_h: 6.0,
            from_day: 14.0,
        };
        let at = |day: f64, clock: f64| gap.contains(day * 24.0 + clock);
        // The small hours of day 14 belong to the night of day 13: feeds still happen.
        assert!(!at(14.0, 2.0));
        assert!(!at(13.0, 23.5));
        // The first night without feeds starts on day 14 at 23:00 and runs to 06:00 on day 15.
        assert!(!at(14.0, 22.9));
        assert!(at(14.0, 23.0));
        assert!(at(15.0, 3.0));
        assert!(!at(15.0, 6.0));
        assert!(at(20.0, 23.5) && at(21.0, 5.9));
        // From day 0, the first small hours are in the gap too.
        let from_birth = NightGap {
            from_day: 0.0,
            ..gap.clone()
        };
        assert!(from_birth.contains(2.0) && !from_birth.contains(7.0));
        // A gap that does not cross midnight (a nap window).
        let nap = NightGap {
            from_clock_h: 13.0,
            to_clock_h: 15.0,
            from_day: 2.0,
        };
        assert!(!nap.contains(24.0 + 14.0));
        assert!(nap.contains(2.0 * 24.0 + 14.0));
        assert!(!nap.contains(2.0 * 24.0 + 15.0));
    }

    #[test]
    fn rule_expands_with_night_gap_and_alternation() {
        let schedule = Schedule {
            responsive: None,
            rules: vec![Rule {
                every_h: 3.0,
                from_day: 1.0,
                to_day: 2.0,
                side: Side::Alternate,
                night_gap: Some(NightGap::default()),
                ..Rule::default()
            }],
            ..Schedule::default()
        };
        let s = schedule.expand(100.0, Calendar::default()).unwrap();
        // 24, 27, ..., 45 = 8 starts; 00:00 and 03:00 are inside 23→5, so 6 remain.
        let starts: Vec<f64> = s.iter().map(|p| p.start_h).collect();
        assert_eq!(starts, vec![30.0, 33.0, 36.0, 39.0, 42.0, 45.0]);
        assert_eq!(s[0].side, SessionSide::One(Breast::Left));
        assert_eq!(s[1].side, SessionSide::One(Breast::Right));
    }

    #[test]
    fn overlapping_sessions_are_an_error_naming_both() {
        let schedule = Schedule {
            responsive: None,
            sessions: vec![
                Session {
                    at_h: 10.0,
                    duration_min: 30.0,
                    side: Side::Left,
                    ..Session::default()
                },
                Session {
                    at_h: 10.25,
                    duration_min: 10.0,
                    side: Side::Both,
                    ..Session::default()
                },
            ],
            ..Schedule::default()
        };
        let err = schedule.expand(100.0, Calendar::default()).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].path, "schedule.sessions[1]");
        assert!(err[0].message.contains("left breast"), "{}", err[0].message);
        assert!(err[0].message.contains("schedule.sessions[0]"));
    }

    #[test]
    fn sessions_on_different_breasts_may_overlap() {
        let schedule = Schedule {
            responsive: None,
            sessions: vec![
                Session {
                    at_h: 10.0,
                    side: Side::Left,
                    ..Session::default()
                },
                Session {
                    at_h: 10.1,
                    side: Side::Right,
                    ..Session::default()
                },
            ],
            ..Schedule::default()
        };
        assert_eq!(
            schedule.expand(100.0, Calendar::default()).unwrap().len(),
            2
        );
    }

    #[test]
    fn skips_and_max_per_day() {
        let schedule = Schedule {
            responsive: None,
            rules: vec![Rule {
                every_h: 0.5,
                first_at_clock_h: 19.0,
                to_day: 2.0,
                max_per_day: Some(3),
                duration_min: 10.0,
                kind: Kind::Pump,
                ..Rule::default()
            }],
            skips: vec![Skip {
                label: String::new(),
                from_h: 43.0,
                to_h: 43.6,
            }],
            ..Schedule::default()
        };
        let starts: Vec<f64> = schedule
            .expand(100.0, Calendar::default())
            .unwrap()
            .iter()
            .map(|p| p.start_h)
            .collect();
        // Day 0: 19:00, 19:30, 20:00. Day 1: 43.0 and 43.5 fall in the skip, 44.0 remains.
        assert_eq!(starts, vec![19.0, 19.5, 20.0, 44.0]);
    }

    #[test]
    fn time_format() {
        assert_eq!(format_time_h(27.5), "day 1 03:30");
        assert_eq!(format_time_h(23.9999), "day 1 00:00");
    }
}
