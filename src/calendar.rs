//! The calendar: the baby's date of birth (optional) and the weekday of each day since birth.
//!
//! The model counts time in hours since birth; people plan in weekdays ("away on weekdays from
//! day 90") and read dates ("Mon 3 Mar"). A scenario may give the baby's `birth_date`; without
//! it, day 0 counts as a Monday, so that weekday rules still mean something and the program says
//! so wherever weekdays are chosen. Dates are the proleptic Gregorian calendar, converted with
//! the days-from-civil algorithm (H. Hinnant, "chrono-compatible low-level date algorithms"):
//! a dozen lines for the one thing needed here, rather than a date-time crate.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    /// Monday to Friday.
    pub const WORKDAYS: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    /// 0 = Monday … 6 = Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: i64) -> Weekday {
        Self::ALL[i.rem_euclid(7) as usize]
    }

    /// "Mon".
    pub fn short(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }

    /// "Monday".
    pub fn long(self) -> &'static str {
        match self {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }
}

/// A set of weekdays in words: "every day" (empty or all seven), "Mon–Fri", "Sat, Sun",
/// "Mon, Wed, Fri".
pub fn weekdays_words(days: &[Weekday]) -> String {
    let mut on = [false; 7];
    for d in days {
        on[d.index()] = true;
    }
    let n = on.iter().filter(|&&b| b).count();
    if n == 0 || n == 7 {
        return "every day".to_owned();
    }
    // Runs of consecutive days (Monday-first), written "Mon–Fri" when three or longer.
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        if !on[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < 7 && on[i + 1] {
            i += 1;
        }
        let (a, b) = (Weekday::ALL[start].short(), Weekday::ALL[i].short());
        match i - start {
            0 => parts.push(a.to_owned()),
            1 => {
                parts.push(a.to_owned());
                parts.push(b.to_owned());
            }
            _ => parts.push(format!("{a}–{b}")),
        }
        i += 1;
    }
    parts.join(", ")
}

/// A range of days, in the one way every part of lactosim writes it: "from day 14 to day 28
/// (14 days)". A range runs up to the start of its last day number, as on the time axis (day 28
/// is the moment 28 days after birth), so a range to day 28 and one from day 28 meet without a
/// gap or an overlap; the count of days in brackets says so at a glance. `None`: "from day 14 on".
pub fn day_range_words(from_day: f64, to_day: Option<f64>) -> String {
    use crate::schedule_words::num;
    match to_day {
        None => format!("from day {} on", num(from_day)),
        Some(to) => {
            let n = to - from_day;
            format!(
                "from day {} to day {} ({} day{})",
                num(from_day),
                num(to),
                num(n),
                if (n - 1.0).abs() < 1e-9 { "" } else { "s" }
            )
        }
    }
}

/// A date in the calendar, written `2026-03-02` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CivilDate {
    year: i32,
    month: u32,
    day: u32,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl CivilDate {
    /// The date, if it exists (years 1900–2200: a baby's birth, with room).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        ((1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01.
    fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days_since_epoch(z: i64) -> (i32, u32, u32) {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        (y, m, d)
    }

    /// The date `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Self {
        let (year, month, day) = Self::from_days_since_epoch(self.days_since_epoch() + days);
        Self { year, month, day }
    }

    /// Today's date (UTC) by the system clock.
    pub fn today() -> Self {
        // web_time: std's clock on the desktop, the browser's on the web (std's panics there).
        let days = web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let (year, month, day) = Self::from_days_since_epoch(days as i64);
        Self { year, month, day }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: CivilDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(self.days_since_epoch() + 3)
    }

    /// "Mon 3 Mar".
    pub fn short(self) -> String {
        format!(
            "{} {} {}",
            self.weekday().short(),
            self.day,
            MONTHS[self.month as usize - 1]
        )
    }

    /// "3 Mar 2026".
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for CivilDate {
    type Err = String;

    /// `2026-03-02` (also `2026-3-2`).
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("“{s}” is not a date: write it as year-month-day, e.g. 2026-03-02");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let (Ok(y), Ok(m), Ok(d)) = (
            y.trim().parse::<i32>(),
            m.trim().parse::<u32>(),
            d.trim().parse::<u32>(),
        ) else {
            return Err(bad());
        };
        CivilDate::new(y, m, d)
            .ok_or_else(|| format!("{s} is not a day in the calendar (years 1900 to 2200)"))
    }
}

impl CivilDate {
    /// A date as a person types it in a field that may stay empty: `Ok(None)` when it is empty,
    /// the date, or why it is not one.
    pub fn parse_optional(text: &str) -> Result<Option<CivilDate>, String> {
        let t = text.trim();
        if t.is_empty() {
            Ok(None)
        } else {
            t.parse().map(Some)
        }
    }
}

impl TryFrom<String> for CivilDate {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<CivilDate> for String {
    fn from(d: CivilDate) -> String {
        d.to_string()
    }
}

/// The weekday and date of every day since birth, from the scenario's `birth_date` if it has
/// one. Small and `Copy`: passed wherever the schedule is expanded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    pub birth_date: Option<CivilDate>,
}

impl Calendar {
    pub fn new(birth_date: Option<CivilDate>) -> Self {
        Self { birth_date }
    }

    /// The weekday of day `day` since birth (day 0 a Monday when no date of birth is set).
    pub fn weekday_of_day(self, day: i64) -> Weekday {
        match self.birth_date {
            Some(b) => b.plus_days(day).weekday(),
            None => Weekday::from_index(day),
        }
    }

    /// The weekday of the day `t_h` (hours since birth) falls in.
    pub fn weekday_at(self, t_h: f64) -> Weekday {
        self.weekday_of_day((t_h / 24.0).floor() as i64)
    }

    pub fn date_of_day(self, day: i64) -> Option<CivilDate> {
        self.birth_date.map(|b| b.plus_days(day))
    }

    /// "day 90 (Mon 3 Mar)" with a date of birth, "day 90 (a Sunday)" without one.
    pub fn day_words(self, day: i64) -> String {
        match self.date_of_day(day) {
            Some(d) => format!("day {day} ({})", d.short()),
            None => format!("day {day} (a {})", self.weekday_of_day(day).long()),
        }
    }

    /// "day 29 05:20" for hours since birth, with the date when the date of birth is known:
    /// "day 29 05:20 (Tue 30 Jun)".
    pub fn time_words(self, t_h: f64) -> String {
        let s = crate::schedule::format_time_h(t_h);
        let day = ((t_h * 60.0).round() / 1440.0).floor() as i64;
        match self.date_of_day(day) {
            Some(d) => format!("{s} ({})", d.short()),
            None => s,
        }
    }

    /// The title of the time axis: days since birth, and the date of day 0 when it is known.
    pub fn axis_title(self) -> String {
        match self.birth_date {
            Some(b) => format!(
                "days since birth (day 0: {}, {})",
                b.weekday().short(),
                b.long()
            ),
            None => "days since birth".to_owned(),
        }
    }

    /// What weekdays are counted from, for the places where weekdays are chosen.
    pub fn basis_words(self) -> String {
        match self.birth_date {
            Some(b) => format!("born on {} ({})", b.long(), b.weekday().long()),
            None => "no date of birth is set: day 0 counts as a Monday".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_weekdays_and_arithmetic() {
        let d: CivilDate = "2026-12-02".parse().unwrap();
        assert_eq!(d.weekday(), Weekday::Wed);
        assert_eq!(d.short(), "Wed 2 Dec");
        assert_eq!(d.plus_days(30).to_string(), "2027-01-01");
        assert_eq!(
            "2024-02-29"
                .parse::<CivilDate>()
                .unwrap()
                .plus_days(365)
                .to_string(),
            "2025-02-28"
        );
        assert_eq!(
            "1970-01-01".parse::<CivilDate>().unwrap().weekday(),
            Weekday::Thu
        );
        assert_eq!(
            "2000-03-01"
                .parse::<CivilDate>()
                .unwrap()
                .plus_days(-1)
                .to_string(),
            "2000-02-29"
        );
        let a: CivilDate = "2026-3-2".parse().unwrap();
        assert_eq!(a.to_string(), "2026-03-02");
        assert_eq!(a.days_until(d), 275);
        assert!("2026-02-29".parse::<CivilDate>().is_err());
        assert!("2 March".parse::<CivilDate>().is_err());
        assert!("2026-13-01".parse::<CivilDate>().is_err());
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        let start = CivilDate::new(1900, 1, 1).unwrap();
        let mut prev = start;
        for k in 1..(300 * 366) {
            let d = start.plus_days(k);
            assert_eq!(start.days_until(d), k);
            assert_eq!(
                d.weekday(),
                Weekday::from_index(prev.weekday().index() as i64 + 1)
            );
            assert!(d > prev);
            prev = d;
        }
    }

    #[test]
    fn weekdays_of_days_since_birth() {
        let none = Calendar::default();
        assert_eq!(none.weekday_of_day(0), Weekday::Mon);
        assert_eq!(none.weekday_of_day(90), Weekday::Sun);
        assert_eq!(none.day_words(90), "day 90 (a Sunday)");
        let born = Calendar::new(Some("2026-06-01".parse().unwrap()));
        assert_eq!(born.weekday_of_day(0), Weekday::Mon);
        assert_eq!(born.day_words(91), "day 91 (Mon 31 Aug)");
        assert_eq!(born.weekday_at(91.0 * 24.0 + 23.9), Weekday::Mon);
        assert_eq!(
            born.time_words(29.0 * 24.0 + 5.0 + 1.0 / 3.0),
            "day 29 05:20 (Tue 30 Jun)"
        );
        assert_eq!(none.time_words(29.0 * 24.0 + 5.0), "day 29 05:00");
        assert_eq!(
            born.axis_title(),
            "days since birth (day 0: Mon, 1 Jun 2026)"
        );
    }

    #[test]
    fn day_ranges_read_as_they_act() {
        assert_eq!(
            day_range_words(14.0, Some(28.0)),
            "from day 14 to day 28 (14 days)"
        );
        assert_eq!(
            day_range_words(3.0, Some(4.0)),
            "from day 3 to day 4 (1 day)"
        );
        assert_eq!(
            day_range_words(0.5, Some(2.0)),
            "from day 0.5 to day 2 (1.5 days)"
        );
        assert_eq!(day_range_words(90.0, None), "from day 90 on");
    }

    #[test]
    fn weekday_sets_in_words() {
        use Weekday::*;
        assert_eq!(weekdays_words(&Weekday::WORKDAYS), "Mon–Fri");
        assert_eq!(weekdays_words(&[Sat, Sun]), "Sat, Sun");
        assert_eq!(weekdays_words(&[Mon, Wed, Fri]), "Mon, Wed, Fri");
        assert_eq!(weekdays_words(&[]), "every day");
        assert_eq!(weekdays_words(&Weekday::ALL), "every day");
        assert_eq!(weekdays_words(&[Fri, Mon, Tue, Wed]), "Mon–Wed, Fri");
    }
}
