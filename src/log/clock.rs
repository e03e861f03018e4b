//! Times in a log, as people and tracker apps write them: a local date and clock time
//! ("2026-11-30 07:15", "2026-11-30T07:15:00", "11/30/2026 7:15 AM", "30.11.2026 07:15"), or hours
//! since birth as a plain number. Times are local clock times: a zone offset is read and left out
//! (said in the log's notes), and on a daylight-saving day the hour that repeats or is skipped is
//! not corrected.

use crate::calendar::CivilDate;

/// A local date and time of day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalTime {
    pub date: CivilDate,
    /// Minutes since midnight (0 ≤ m < 1440).
    pub minutes: f64,
}

impl LocalTime {
    /// Hours from `origin`'s midnight to this time.
    pub fn hours_since_midnight_of(self, origin: CivilDate) -> f64 {
        origin.days_until(self.date) as f64 * 24.0 + self.minutes / 60.0
    }
}

/// A time as read: a local date and time, or hours since birth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum When {
    Local(LocalTime),
    HoursSinceBirth(f64),
}

/// What was read besides the time itself, for the log's notes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Read {
    /// A zone offset ("+01:00", "Z") was given and left out.
    pub offset_ignored: bool,
}

/// Read a time; `None` with the reason when it is not one.
pub fn parse(text: &str) -> Result<(When, Read), String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("the time is empty".to_owned());
    }
    if let Ok(h) = t.parse::<f64>() {
        return if h.is_finite() && (0.0..=24.0 * 400.0).contains(&h) {
            Ok((When::HoursSinceBirth(h), Read::default()))
        } else {
            Err(format!(
                "{t} is not a number of hours since birth (0 to 9600)"
            ))
        };
    }
    let bad = || {
        format!(
            "“{t}” is not a time: write 2026-11-30 07:15 (date and 24-hour clock), or hours since birth"
        )
    };
    // Date and time are split at 'T', a space or ", ".
    let (date_part, rest) = t
        .split_once('T')
        .filter(|(d, _)| d.len() >= 8 && d.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .or_else(|| t.split_once(", "))
        .or_else(|| t.split_once(' '))
        .ok_or_else(bad)?;
    let date = parse_date(date_part.trim()).ok_or_else(bad)?;
    let (clock, read) = strip_offset(rest.trim());
    let minutes = parse_clock(clock).ok_or_else(bad)?;
    Ok((When::Local(LocalTime { date, minutes }), read))
}

/// A zone offset at the end of a time ("Z", "+01:00", "-0500", " UTC") is left out.
fn strip_offset(s: &str) -> (&str, Read) {
    let offset = Read {
        offset_ignored: true,
    };
    if let Some(x) = s.strip_suffix('Z').or_else(|| s.strip_suffix(" UTC")) {
        return (x.trim_end(), offset);
    }
    if let Some(i) = s.rfind(['+', '-']) {
        let tail = &s[i + 1..];
        if i > 0
            && (4..=5).contains(&tail.len())
            && tail.chars().all(|c| c.is_ascii_digit() || c == ':')
        {
            return (s[..i].trim_end(), offset);
        }
    }
    (s, Read::default())
}

/// "2026-11-30", "11/30/2026", "11/30/26" (month first, as US apps write), "30.11.2026".
fn parse_date(s: &str) -> Option<CivilDate> {
    if let Ok(d) = s.parse::<CivilDate>() {
        return Some(d);
    }
    let year = |y: &str| -> Option<i32> {
        let y: i32 = y.parse().ok()?;
        Some(if y < 100 { 2000 + y } else { y })
    };
    if let [m, d, y] = s.split('/').collect::<Vec<_>>()[..] {
        return CivilDate::new(year(y)?, m.parse().ok()?, d.parse().ok()?);
    }
    if let [d, m, y] = s.split('.').collect::<Vec<_>>()[..] {
        return CivilDate::new(year(y)?, m.parse().ok()?, d.parse().ok()?);
    }
    None
}

/// "07:15", "7:15:30", "7:15 AM", "12:05 pm".
fn parse_clock(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let (hm, pm) = if let Some(x) = lower.strip_suffix("am") {
        (x.trim(), Some(false))
    } else if let Some(x) = lower.strip_suffix("pm") {
        (x.trim(), Some(true))
    } else {
        (lower.trim(), None)
    };
    let mut parts = hm.split(':');
    let h: u32 = parts.next()?.trim().parse().ok()?;
    let m: u32 = parts.next()?.trim().parse().ok()?;
    let sec: f64 = match parts.next() {
        Some(x) => x.trim().parse().ok()?,
        None => 0.0,
    };
    if parts.next().is_some() || m > 59 || !(0.0..60.0).contains(&sec) {
        return None;
    }
    let h = match pm {
        None if h <= 23 => h,
        Some(pm) if (1..=12).contains(&h) => (h % 12) + if pm { 12 } else { 0 },
        _ => return None,
    };
    Some(f64::from(h * 60 + m) + sec / 60.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(t: &str) -> (CivilDate, f64) {
        match parse(t).unwrap().0 {
            When::Local(l) => (l.date, l.minutes),
            w => panic!("{w:?}"),
        }
    }

    #[test]
    fn times_as_people_and_apps_write_them() {
        let d = CivilDate::new(2026, 11, 30).unwrap();
        assert_eq!(local("2026-11-30 07:15"), (d, 435.0));
        assert_eq!(local("2026-11-30T07:15:30"), (d, 435.5));
        assert_eq!(local("11/30/2026 7:15 AM"), (d, 435.0));
        assert_eq!(local("11/30/26, 7:15 PM"), (d, 1155.0));
        assert_eq!(local("11/30/2026 12:05 am"), (d, 5.0));
        assert_eq!(local("30.11.2026 07:15"), (d, 435.0));
        let (w, read) = parse("2026-11-30T07:15:00+01:00").unwrap();
        assert_eq!(
            w,
            When::Local(LocalTime {
                date: d,
                minutes: 435.0
            })
        );
        assert!(read.offset_ignored);
        assert!(parse("2026-11-30T07:15Z").unwrap().1.offset_ignored);
        assert_eq!(parse("36.5").unwrap().0, When::HoursSinceBirth(36.5));
        for bad in [
            "",
            "yesterday",
            "2026-13-01 07:00",
            "2026-11-30 25:00",
            "2026-11-30 7:61",
            "-3",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
