//! Calendar dates without a clock: the article's publication date and the values of time
//! expressions. The analyzer never reads the system time (`SystemTime::now()` panics on
//! `wasm32-unknown-unknown`); the reference date is always an input.
//!
//! Hijri dates convert through the tabular (arithmetic) Islamic calendar: twelve months of 30 and
//! 29 days in turn, the last one 30 days long in 11 leap years of every 30 (years 2, 5, 7, 10,
//! 13, 16, 18, 21, 24, 26 and 29 of the cycle), counted from 1 Muharram 1 AH = 19 July 622
//! (proleptic Gregorian). The months of the calendars in use (Umm al-Qura, or an observed
//! crescent) begin on the same day or one day apart.
//!
//! ```
//! use kashif::date::Date;
//!
//! let d = Date::from_hijri(1445, 9, 1).unwrap(); // 1 Ramadan 1445
//! assert_eq!(d.to_string(), "2024-03-11");
//! assert_eq!(d.to_hijri(), (1445, 9, 1));
//! ```

use std::fmt;
use std::str::FromStr;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad date {:?}: expected YYYY-MM-DD, a real calendar day", self.0)
    }
}

impl std::error::Error for DateError {}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it is a real calendar day (years 1–9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// The same day `n` months later (or earlier), clamped to the month's last day.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + n;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// Day of the week, ISO numbering: Monday 1 … Sunday 7.
    pub fn weekday(self) -> u8 {
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        (thursday.year, ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u8)
    }
}

/// Days from 1970-01-01 to 1 Muharram 1 AH (Julian day number 1948440).
const HIJRI_EPOCH: i64 = 1_948_440 - 2_440_588;

/// Whether a Hijri year has a 30-day Dhu al-Hijja in the tabular calendar.
pub fn hijri_is_leap(year: i32) -> bool {
    (14 + 11 * year.rem_euclid(30)).rem_euclid(30) < 11
}

/// The length of a Hijri month in the tabular calendar (0 for a month number out of range).
pub fn hijri_month_len(year: i32, month: u8) -> u8 {
    match month {
        12 if hijri_is_leap(year) => 30,
        1..=12 if month % 2 == 1 => 30,
        1..=12 => 29,
        _ => 0,
    }
}

/// Days since 1970-01-01 of the first day of a Hijri month.
fn hijri_month_start(year: i32, month: u8) -> i64 {
    let y = year as i64;
    let m = month as i64;
    // ceil(29.5 * (m - 1)) days for the months before, 354 a year plus the leap days.
    (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + HIJRI_EPOCH
}

impl Date {
    /// The Gregorian date of a day of the tabular Hijri calendar (years 1–9666 AH).
    pub fn from_hijri(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9666).contains(&year) && day >= 1 && day <= hijri_month_len(year, month))
            .then(|| Date::from_days(hijri_month_start(year, month) + day as i64 - 1))
    }

    /// This day in the tabular Hijri calendar: (year, month, day).
    pub fn to_hijri(self) -> (i32, u8, u8) {
        let days = self.to_days();
        // A first estimate from the mean year (10631 days every 30 years), then corrected.
        let mut year = ((days - HIJRI_EPOCH) * 30).div_euclid(10_631) as i32 + 1;
        while hijri_month_start(year, 1) > days {
            year -= 1;
        }
        while hijri_month_start(year + 1, 1) <= days {
            year += 1;
        }
        let mut month = 12;
        while hijri_month_start(year, month) > days {
            month -= 1;
        }
        (year, month, (days - hijri_month_start(year, month) + 1) as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` (ASCII or Arabic-Indic digits, surrounding white space ignored).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let ascii = crate::normalize::normalize_str(s.trim());
        let mut parts = ascii.split('-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        if parts.next().is_some() {
            return Err(err());
        }
        let num = |p: Option<&str>, len: usize| -> Option<u32> {
            let p = p?;
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let (y, m, d) = (num(y, 4).ok_or_else(err)?, num(m, 2).ok_or_else(err)?, num(d, 2).ok_or_else(err)?);
        Date::new(y as i32, m as u8, d as u8).ok_or_else(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_refuses_others() {
        assert_eq!("2024-11-15".parse(), Ok(Date { year: 2024, month: 11, day: 15 }));
        assert_eq!(" ٢٠٢٤-٠٢-٢٩ ".parse(), Ok(Date { year: 2024, month: 2, day: 29 }));
        for bad in ["", "2024", "2024-13-01", "2023-02-29", "2024-1-5", "24-11-15", "2024/11/15", "2024-11-15-1", "yesterday", "2024-00-10", "0000-01-01"] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            "2024-13-01".parse::<Date>().unwrap_err().to_string(),
            "bad date \"2024-13-01\": expected YYYY-MM-DD, a real calendar day"
        );
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2024, 11, 15).unwrap().add_days(-2).to_string(), "2024-11-13");
        assert_eq!(Date::new(2024, 12, 31).unwrap().add_days(1).to_string(), "2025-01-01");
    }

    #[test]
    fn months_clamp_to_their_last_day() {
        let d = Date::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(-2).to_string(), "2023-11-30");
        assert_eq!(d.add_months(12).to_string(), "2025-01-31");
    }

    #[test]
    fn hijri_dates_convert_both_ways() {
        for (h, g) in [
            ((1445, 9, 1), "2024-03-11"),  // 1 Ramadan 1445
            ((1440, 9, 1), "2019-05-06"),  // 1 Ramadan 1440
            ((1434, 10, 1), "2013-08-08"), // 1 Shawwal 1434
            ((1434, 12, 10), "2013-10-15"), // 10 Dhu al-Hijja 1434
            ((1446, 1, 1), "2024-07-08"),  // 1 Muharram 1446
            ((1, 1, 1), "0622-07-19"),
        ] {
            let d = Date::from_hijri(h.0, h.1, h.2).unwrap();
            assert_eq!(d.to_string(), g, "{h:?}");
            assert_eq!(d.to_hijri(), h);
        }
        for days in (-400_000..800_000).step_by(331) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.to_hijri();
            assert_eq!(Date::from_hijri(y, m, dd), Some(d), "{d}");
        }
        assert_eq!(Date::from_hijri(1445, 2, 30), None);
        assert_eq!(Date::from_hijri(1445, 13, 1), None);
        let leap: Vec<i32> = (1..=30).filter(|&y| hijri_is_leap(y)).collect();
        assert_eq!(leap, [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]);
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        let d = Date::new(2024, 11, 15).unwrap();
        assert_eq!(d.weekday(), 5); // a Friday
        assert_eq!(d.iso_week(), (2024, 46));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2013, 2, 12).unwrap().weekday(), 2); // a Tuesday
    }
}
