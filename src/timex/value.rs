//! What a matched expression says about time (a [`Frame`]) and its TIMEX3-style value, resolved
//! against the reference date (the article's publication date).
//!
//! A value keeps the expression's own granularity: a day `2023-10-07`, a month `2024-03`, a year
//! `2022`, an ISO week `2024-W46`, a decade `199`, a time `2024-11-13T14:30` or a part of a day
//! `2024-11-10TEV`; a duration `P2Y`, `PT48H`, `PXD` (a few days); a vague time `PAST_REF`,
//! `PRESENT_REF`, `FUTURE_REF`. A Hijri month or year, which does not line up with Gregorian
//! months, is the ISO 8601 interval of its days (`2024-03-11/2024-04-09`). Without a reference
//! date the parts that depend on it stay `X` (`XXXX-XX-13`, `XXXX-WXX-4`).

use crate::date::{days_in_month, hijri_month_len, Date};
use crate::span::Kind;

use super::lexicon::{Edge, Part, Unit, Vague};

/// A count: a number, or an indefinite few (بضعة، عدة).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    N(u32),
    Few,
}

/// A sum of counts of units (سنتان وثلاثة أشهر، 1 شهر و 21 يوما): how many of each unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Amount([u32; 9]);

impl Amount {
    /// The units in the order a duration writes them (`P2Y1M21D`, `PT1H30M`).
    const ORDER: [Unit; 9] =
        [Unit::Century, Unit::Decade, Unit::Year, Unit::Month, Unit::Week, Unit::Day, Unit::Hour, Unit::Minute, Unit::Second];

    fn slot(unit: Unit) -> usize {
        Amount::ORDER.iter().position(|&u| u == unit).expect("every unit has a slot")
    }

    pub fn of(unit: Unit, n: u32) -> Amount {
        let mut a = Amount::default();
        a.0[Amount::slot(unit)] = n;
        a
    }

    /// Adds `n` of a unit the amount does not count yet; `false` if it does (سنة وسنتان).
    pub fn add(&mut self, unit: Unit, n: u32) -> bool {
        let slot = &mut self.0[Amount::slot(unit)];
        let fresh = *slot == 0;
        if fresh {
            *slot = n;
        }
        fresh
    }

    fn get(&self, unit: Unit) -> u32 {
        self.0[Amount::slot(unit)]
    }

    fn has_clock(&self) -> bool {
        [Unit::Hour, Unit::Minute, Unit::Second].iter().any(|&u| self.get(u) > 0)
    }

    /// The amount as a TIMEX3 duration; weeks with other units count as days (P10D, not P1W3D).
    fn timex(&self) -> Option<String> {
        let mut a = *self;
        let weeks = a.get(Unit::Week);
        if weeks > 0 && a.0.iter().filter(|&&n| n > 0).count() > 1 {
            let days = weeks.checked_mul(7)?.checked_add(a.get(Unit::Day))?;
            a.0[Amount::slot(Unit::Week)] = 0;
            a.0[Amount::slot(Unit::Day)] = days;
        }
        let part = |units: &[Unit]| -> String {
            units.iter().filter(|&&u| a.get(u) > 0).map(|&u| format!("{}{}", a.get(u), u.designator())).collect()
        };
        let date = part(&Amount::ORDER[..6]);
        let clock = part(&Amount::ORDER[6..]);
        if date.is_empty() && clock.is_empty() {
            return None;
        }
        Some(if clock.is_empty() { format!("P{date}") } else { format!("P{date}T{clock}") })
    }
}

/// Everything the words of an expression said, field by field. Each word fills its fields;
/// two words that disagree (a day-month pair naming two different months) fail the match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The month is a Hijri month.
    pub hijri_month: bool,
    /// The year is a Hijri year.
    pub hijri_year: bool,
    pub weekday: Option<u8>,
    /// An ordinal that is not (yet) a day: the nth weekday, a century.
    pub ord: Option<u8>,
    pub unit: Option<Unit>,
    pub count: Option<Count>,
    /// Counts of several units read together (سنتين وثلاثة أشهر), instead of `unit` and `count`.
    pub amount: Option<Amount>,
    /// The unit word was a plural (أيام، سنوات).
    pub plural: bool,
    /// A period relative to the reference: -1 the last one, 0 this one, +1 the next.
    pub offset: Option<i32>,
    /// A shift from the reference: -1 before (قبل، منذ), +1 after (بعد).
    pub sign: Option<i32>,
    /// Days from the reference (أمس -1, بعد غد +2).
    pub days: Option<i32>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    /// The minutes count back from the hour (إلا ربع).
    pub before_hour: bool,
    pub part: Option<Part>,
    pub edge: Option<Edge>,
    pub vague: Option<Vague>,
    pub decade: Option<u16>,
    /// A day counted from an event the text names (اليوم الثالث من الإضراب): a day whose date
    /// the article's date does not give.
    pub event: bool,
}

/// Fills an empty field, or agrees with a filled one.
pub fn put<T: PartialEq>(slot: &mut Option<T>, v: T) -> bool {
    match slot {
        Some(old) => *old == v,
        None => {
            *slot = Some(v);
            true
        }
    }
}

/// A resolved expression: the span's kind and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub kind: Kind,
    pub value: Option<String>,
}

/// Resolves a frame that a rule of kind `kind` matched. `future` says the clause is in the future
/// tense, so that a bare weekday is the coming one. `None`: the words do not make a real date
/// (31 فبراير).
pub fn resolve(f: &Frame, kind: Kind, reference: Option<Date>, future: bool) -> Option<Resolved> {
    let vague = |v: Vague| Some(Resolved { kind: Kind::Relative, value: Some(v.timex().to_string()) });
    match kind {
        Kind::Relative => vague(f.vague.or(f.offset.map(Vague::of_sign))?),
        Kind::Duration => {
            let value = match (f.count, f.unit) {
                (None, Some(_)) if f.plural && f.amount.is_none() => return vague(Vague::of_sign(f.offset.or(f.sign)?)),
                (Some(Count::Few), Some(unit)) => format!("P{}X{}", if unit.is_clock() { "T" } else { "" }, unit.designator()),
                _ => amount(f)?.timex()?,
            };
            Some(Resolved { kind: Kind::Duration, value: Some(value) })
        }
        _ => {
            if let Some(sign) = f.sign {
                return shift(f, sign, reference);
            }
            let date = calendar(f, reference, future)?;
            let value = clock(f, date)?;
            Some(Resolved { kind: Kind::Date, value })
        }
    }
}

/// The amount of time a frame counts: several units (`amount`), or a count of one unit (a
/// singular or a dual without a number counts its own: أسبوع 1, يومين 2). `None` for an
/// indefinite count (بضعة أيام، سنوات).
fn amount(f: &Frame) -> Option<Amount> {
    match (f.amount, f.count, f.unit) {
        (Some(a), _, _) => Some(a),
        (None, Some(Count::N(0)), _) => None,
        (None, Some(Count::N(n)), Some(u)) => Some(Amount::of(u, n)),
        (None, None, Some(u)) if !f.plural => Some(Amount::of(u, 1)),
        _ => None,
    }
}

/// `قبل ثلاثة أعوام`, `بعد يومين`, `منذ شهر و 21 يوما`: the reference moved by an amount of time,
/// at the granularity of its finest unit (a day once it counts days or weeks); a vague time for
/// an indefinite count or an amount with hours or minutes.
fn shift(f: &Frame, sign: i32, reference: Option<Date>) -> Option<Resolved> {
    let vague = Some(Resolved { kind: Kind::Relative, value: Some(Vague::of_sign(sign).timex().to_string()) });
    if f.unit.is_none() && f.amount.is_none() {
        return None;
    }
    let Some(a) = amount(f).filter(|a| !a.has_clock()) else {
        return vague;
    };
    let n = |u: Unit| i64::from(a.get(u)) * i64::from(sign);
    let months = 1200 * n(Unit::Century) + 120 * n(Unit::Decade) + 12 * n(Unit::Year) + n(Unit::Month);
    let days = 7 * n(Unit::Week) + n(Unit::Day);
    let value = match (reference, days != 0, a.get(Unit::Month) > 0) {
        (None, true, _) => "XXXX-XX-XX".to_string(),
        (None, false, true) => "XXXX-XX".to_string(),
        (None, false, false) => "XXXX".to_string(),
        (Some(r), by_day, by_month) => {
            let d = r.add_months(i32::try_from(months).ok().filter(|m| m.abs() < 12 * 9999)?);
            let d = d.add_days(days.clamp(-(1 << 30), 1 << 30));
            year_string(d.year)?;
            match (by_day, by_month) {
                (true, _) => d.to_string(),
                (false, true) => month_string(d),
                (false, false) => year_string(d.year)?,
            }
        }
    };
    Some(Resolved { kind: Kind::Date, value: Some(value) })
}

fn month_string(d: Date) -> String {
    format!("{:04}-{:02}", d.year, d.month)
}

fn year_string(y: i32) -> Option<String> {
    (1..=9999).contains(&y).then(|| format!("{y:04}"))
}

/// A calendar value being built: the text of its date part and whether it names one day (so a
/// clock time may follow it).
struct Cal {
    text: String,
    is_day: bool,
}

impl Cal {
    fn day(d: Date) -> Cal {
        Cal { text: d.to_string(), is_day: true }
    }
    fn other(text: String) -> Cal {
        Cal { text, is_day: false }
    }
}

/// The date part of a value, or `None` if the words name no real date. A frame that names only
/// a time of day gets the reference day (or `XXXX-XX-XX`).
fn calendar(f: &Frame, r: Option<Date>, future: bool) -> Option<Cal> {
    if let Some(d) = f.decade {
        return Some(Cal::other(format!("{d:03}")));
    }
    if f.unit == Some(Unit::Century) && f.offset.is_none() {
        // القرن العشرين: TIMEX3 writes a century by its first two digits (19 for 1900–1999).
        let c = f.ord?;
        return (1..=99).contains(&c).then(|| Cal::other(format!("{:02}", c - 1)));
    }
    if f.hijri_month || f.hijri_year {
        return hijri(f, r);
    }
    if f.event {
        return Some(Cal { text: "XXXX-XX-XX".into(), is_day: true });
    }
    let written = f.year.is_some() || f.month.is_some() || f.day.is_some() || f.ord.is_some();
    if let (Some(days), false) = (f.days, written) {
        return Some(match r {
            Some(r) => Cal::day(r.add_days(days as i64)),
            None => Cal { text: "XXXX-XX-XX".into(), is_day: true },
        });
    }
    if let (Some(wd), false) = (f.weekday, written) {
        return weekday(f, wd, r, future);
    }
    if !written {
        if let (Some(unit), Some(off)) = (f.unit, f.offset) {
            return relative_unit(unit, off, r);
        }
        if f.hour.is_some() || f.part.is_some() {
            return Some(match r {
                Some(r) => Cal::day(r),
                None => Cal { text: "XXXX-XX-XX".into(), is_day: true },
            });
        }
        return None;
    }
    gregorian(f, r, future)
}

/// A weekday: with a week (الجمعة من الأسبوع المقبل), with a direction (الخميس الماضي), or bare,
/// the last one up to the reference date (the news reports what happened) unless the clause is in
/// the future.
fn weekday(f: &Frame, wd: u8, r: Option<Date>, future: bool) -> Option<Cal> {
    let Some(r) = r else {
        return Some(Cal::other(format!("XXXX-WXX-{wd}")));
    };
    let delta = wd as i64 - r.weekday() as i64; // this ISO week's weekday, from the reference
    let d = if f.unit == Some(Unit::Week) {
        r.add_days(delta + 7 * f.offset.unwrap_or(0) as i64)
    } else {
        match f.offset {
            Some(o) if o < 0 => r.add_days(-((r.weekday() as i64 - wd as i64 - 1).rem_euclid(7) + 1)),
            Some(o) if o > 0 => r.add_days((wd as i64 - r.weekday() as i64 - 1).rem_euclid(7) + 1),
            Some(_) => r.add_days(delta),
            None if future => r.add_days((wd as i64 - r.weekday() as i64).rem_euclid(7)),
            None => r.add_days(-(r.weekday() as i64 - wd as i64).rem_euclid(7)),
        }
    };
    Some(Cal::day(d))
}

/// This, the last or the next day, week, month, year, decade or century.
fn relative_unit(unit: Unit, off: i32, r: Option<Date>) -> Option<Cal> {
    let Some(r) = r else {
        return Some(match unit {
            Unit::Day => Cal { text: "XXXX-XX-XX".into(), is_day: true },
            Unit::Week => Cal::other("XXXX-WXX".into()),
            Unit::Month => Cal::other("XXXX-XX".into()),
            Unit::Year => Cal::other("XXXX".into()),
            Unit::Decade => Cal::other("XXX".into()),
            Unit::Century => Cal::other("XX".into()),
            _ => return None,
        });
    };
    Some(match unit {
        Unit::Day => Cal::day(r.add_days(off as i64)),
        Unit::Week => {
            let (y, w) = r.add_days(7 * off as i64).iso_week();
            Cal::other(format!("{y:04}-W{w:02}"))
        }
        Unit::Month => Cal::other(month_string(r.add_months(off))),
        Unit::Year => Cal::other(year_string(r.year + off)?),
        Unit::Decade => Cal::other(format!("{:03}", r.year.div_euclid(10) + off)),
        Unit::Century => Cal::other(format!("{:02}", r.year.div_euclid(100) + off)),
        _ => return None,
    })
}

/// Year, month and day as written, the missing ones from the reference: a day alone is in the
/// reference month (يوم 13 الجاري, or the month an offset names); a month (and day) without a
/// year is the last or the next such one with a direction (أكتوبر الماضي، 5 يناير الماضي), and
/// otherwise in the reference year — unless that puts it more than six months after the
/// reference in a clause that is not in the future (news reports what happened: "7 October" in
/// a March article is last October), or more than six months before it in a clause that is. A
/// weekday with an ordinal up to the fifth is the nth such weekday of the month (أول جمعة من
/// يوليو), unless the ordinal also names a day of the month that is that weekday.
fn gregorian(f: &Frame, r: Option<Date>, future: bool) -> Option<Cal> {
    let nth = match (f.weekday, f.ord) {
        (Some(wd), Some(n)) if n <= 5 => Some((n, wd)),
        _ => None,
    };
    let day = f.day.or(f.ord.filter(|_| nth.is_none()));
    let mut year = f.year;
    let mut month = f.month;
    if month.is_none() && (day.is_some() || nth.is_some()) {
        if let Some(r) = r {
            let base = if f.unit == Some(Unit::Month) { r.add_months(f.offset.unwrap_or(0)) } else { r };
            year = year.or(Some(base.year));
            month = Some(base.month);
        }
    }
    if year.is_none() {
        if let (Some(r), Some(m)) = (r, month) {
            // A month alone counts as its middle when weighed against the reference day; with a
            // direction, the reference's own month is the last or next one only by its day.
            let here = (r.month, r.day);
            year = Some(match f.offset.filter(|_| f.unit.is_none()) {
                Some(o) if o < 0 => r.year - i32::from((m, day.unwrap_or(32)) >= here),
                Some(o) if o > 0 => r.year + i32::from((m, day.unwrap_or(0)) <= here),
                _ => {
                    let months_after = (m as i32 - r.month as i32) * 31 + (day.unwrap_or(15) as i32 - r.day as i32);
                    match (months_after > 6 * 31, months_after < -6 * 31) {
                        (true, false) if !future => r.year - 1,
                        (false, true) if future => r.year + 1,
                        _ => r.year,
                    }
                }
            });
            // A weekday named with the day settles the year (الخميس 15 أغسطس): the nearest year,
            // from the one chosen above, in which that day is that weekday.
            if let (Some(wd), Some(d), None) = (f.weekday, day, nth) {
                let y = year.unwrap_or(r.year);
                year = [y, y - 1, y + 1, y - 2, y + 2]
                    .into_iter()
                    .find(|&c| Date::new(c, m, d).is_some_and(|x| x.weekday() == wd))
                    .or(year);
            }
        }
    }
    if let (Some((n, wd)), Some(m)) = (nth, month) {
        let Some(y) = year else {
            return Some(Cal::other(format!("XXXX-{m:02}-WXX-{wd}-#{n}")));
        };
        let named = day.and_then(|d| Date::new(y, m, d)).filter(|d| d.weekday() == wd);
        if let Some(d) = named {
            return Some(Cal::day(d));
        }
        let first = Date::new(y, m, 1)?;
        let d = first.add_days((wd as i64 - first.weekday() as i64).rem_euclid(7) + 7 * (n as i64 - 1));
        return (d.month == m).then(|| Cal::day(d));
    }
    let ys = match year {
        Some(y) => year_string(y)?,
        None => "XXXX".to_string(),
    };
    Some(match (month, day) {
        (None, None) => Cal::other(ys),
        (Some(m), None) => Cal::other(format!("{ys}-{m:02}")),
        (Some(m), Some(d)) => {
            let max = year.map_or(if m == 2 { 29 } else { days_in_month(2023, m) }, |y| days_in_month(y, m));
            if d == 0 || d > max {
                return None;
            }
            Cal { text: format!("{ys}-{m:02}-{d:02}"), is_day: true }
        }
        (None, Some(d)) => {
            if !(1..=31).contains(&d) {
                return None;
            }
            Cal { text: format!("{ys}-XX-{d:02}"), is_day: true }
        }
    })
}

/// A Hijri date: a day converts to its Gregorian day; a month or a year to the interval of its
/// Gregorian days. A Hijri month with a Gregorian year (رمضان 2019) is the one that begins in
/// that year; without a year, the one of the Hijri year of the reference date.
fn hijri(f: &Frame, r: Option<Date>) -> Option<Cal> {
    let hijri_year = f.hijri_year || (f.hijri_month && f.year.is_some_and(|y| y < 1700));
    let year = match (f.year, f.month) {
        (Some(y), _) if hijri_year => y,
        (Some(g), Some(m)) => {
            let h = Date::new(g, 1, 1)?.to_hijri().0;
            if Date::from_hijri(h, m, 1)?.year < g {
                h + 1
            } else {
                h
            }
        }
        (None, Some(_)) => r?.to_hijri().0,
        _ => return None,
    };
    let interval = |a: Date, b: Date| Cal::other(format!("{a}/{b}"));
    Some(match (f.month, f.day) {
        (Some(m), Some(d)) => Cal::day(Date::from_hijri(year, m, d)?),
        (Some(m), None) => interval(Date::from_hijri(year, m, 1)?, Date::from_hijri(year, m, hijri_month_len(year, m))?),
        (None, _) => interval(Date::from_hijri(year, 1, 1)?, Date::from_hijri(year + 1, 1, 1)?.add_days(-1)),
    })
}

/// Adds the time of day to a date part: `THH:MM` for a clock time, `TEV` for a part of the day.
fn clock(f: &Frame, date: Cal) -> Option<Option<String>> {
    if f.hour.is_none() && f.part.is_none() {
        return Some(Some(date.text));
    }
    if !date.is_day {
        // A part of the day needs a day to belong to.
        return None;
    }
    let Some(mut h) = f.hour else {
        return Some(Some(format!("{}T{}", date.text, f.part?.timex())));
    };
    let mut m = f.minute.unwrap_or(0);
    if f.before_hour && m > 0 {
        h = if h == 0 { 23 } else { h - 1 };
        m = 60 - m;
    }
    h = match f.part {
        Some(Part::Afternoon | Part::Evening) if h < 12 => h + 12,
        Some(Part::Midday) if h < 6 => h + 12,
        Some(Part::Night) if (6..12).contains(&h) => h + 12,
        Some(Part::Morning | Part::Night) if h == 12 => 0,
        _ => h,
    };
    if h > 24 || m > 59 || f.second.is_some_and(|s| s > 59) {
        return None;
    }
    Some(Some(match f.second {
        Some(s) => format!("{}T{h:02}:{m:02}:{s:02}", date.text),
        None => format!("{}T{h:02}:{m:02}", date.text),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    fn value(f: Frame, kind: Kind, r: Option<Date>) -> Option<String> {
        resolve(&f, kind, r, false).and_then(|r| r.value)
    }

    /// `cases!(kind, reference; frame => value, …)`
    macro_rules! cases {
        ($kind:expr, $r:expr; $($frame:expr => $want:expr),+ $(,)?) => {
            $( assert_eq!(value($frame, $kind, $r).as_deref(), $want, "{:?}", $frame); )+
        };
    }

    #[test]
    fn calendar_dates_keep_their_granularity() {
        let r = date("2024-11-15");
        cases!(Kind::Date, r;
            Frame { year: Some(2023), month: Some(10), day: Some(7), ..Frame::default() } => Some("2023-10-07"),
            Frame { year: Some(2024), month: Some(3), ..Frame::default() } => Some("2024-03"),
            Frame { year: Some(2022), ..Frame::default() } => Some("2022"),
            Frame { month: Some(3), day: Some(13), ..Frame::default() } => Some("2024-03-13"),
            Frame { year: Some(2023), month: Some(2), day: Some(29), ..Frame::default() } => None,
            Frame { day: Some(13), unit: Some(Unit::Month), offset: Some(0), ..Frame::default() } => Some("2024-11-13"),
            Frame { day: Some(20), unit: Some(Unit::Month), offset: Some(1), ..Frame::default() } => Some("2024-12-20"),
            Frame { month: Some(10), offset: Some(-1), ..Frame::default() } => Some("2024-10"),
            Frame { month: Some(11), offset: Some(-1), ..Frame::default() } => Some("2023-11"),
            Frame { month: Some(3), offset: Some(1), ..Frame::default() } => Some("2025-03"),
        );
    }

    #[test]
    fn a_yearless_date_is_the_one_within_six_months_on_the_side_of_its_tense() {
        let seventh_of_october = Frame { month: Some(10), ord: Some(7), ..Frame::default() };
        let r = date("2024-03-08");
        let v = |f: &Frame, future: bool, r: Option<Date>| resolve(f, Kind::Date, r, future).and_then(|x| x.value);
        // Seven months ahead in a past clause: last October; in a future clause: this year's.
        assert_eq!(v(&seventh_of_october, false, r).as_deref(), Some("2023-10-07"));
        assert_eq!(v(&seventh_of_october, true, r).as_deref(), Some("2024-10-07"));
        // Within six months either way: the reference year.
        let may = Frame { month: Some(5), day: Some(21), ..Frame::default() };
        assert_eq!(v(&may, false, r).as_deref(), Some("2024-05-21"));
        let r = date("2024-11-15");
        let march = Frame { month: Some(3), day: Some(3), ..Frame::default() };
        assert_eq!(v(&march, false, r).as_deref(), Some("2024-03-03"));
        assert_eq!(v(&march, true, r).as_deref(), Some("2025-03-03"));
        // A weekday with the day picks the year in which they agree.
        let thursday_15_august = Frame { month: Some(8), day: Some(15), weekday: Some(4), ..Frame::default() };
        assert_eq!(v(&thursday_15_august, false, date("2013-02-12")).as_deref(), Some("2013-08-15"));
        let month_alone = Frame { month: Some(2), ..Frame::default() };
        assert_eq!(v(&month_alone, true, r).as_deref(), Some("2025-02"));
        assert_eq!(v(&month_alone, false, r).as_deref(), Some("2024-02"));
    }

    #[test]
    fn without_a_reference_the_unknown_parts_stay_x() {
        cases!(Kind::Date, None;
            Frame { day: Some(13), unit: Some(Unit::Month), offset: Some(0), ..Frame::default() } => Some("XXXX-XX-13"),
            Frame { month: Some(3), day: Some(13), ..Frame::default() } => Some("XXXX-03-13"),
            Frame { month: Some(2), day: Some(29), ..Frame::default() } => Some("XXXX-02-29"),
            Frame { unit: Some(Unit::Week), offset: Some(-1), ..Frame::default() } => Some("XXXX-WXX"),
            Frame { weekday: Some(4), ..Frame::default() } => Some("XXXX-WXX-4"),
            Frame { days: Some(-1), ..Frame::default() } => Some("XXXX-XX-XX"),
            Frame { days: Some(0), part: Some(Part::Morning), ..Frame::default() } => Some("XXXX-XX-XXTMO"),
            Frame { sign: Some(-1), unit: Some(Unit::Year), count: Some(Count::N(3)), ..Frame::default() } => Some("XXXX"),
        );
    }

    #[test]
    fn relative_periods_resolve_against_the_reference() {
        let r = date("2024-11-15"); // a Friday, ISO week 46
        cases!(Kind::Date, r;
            Frame { unit: Some(Unit::Week), offset: Some(-1), ..Frame::default() } => Some("2024-W45"),
            Frame { unit: Some(Unit::Month), offset: Some(1), ..Frame::default() } => Some("2024-12"),
            Frame { unit: Some(Unit::Year), offset: Some(0), ..Frame::default() } => Some("2024"),
            Frame { unit: Some(Unit::Day), offset: Some(1), ..Frame::default() } => Some("2024-11-16"),
            Frame { unit: Some(Unit::Decade), offset: Some(-1), ..Frame::default() } => Some("201"),
            Frame { unit: Some(Unit::Century), offset: Some(-1), ..Frame::default() } => Some("19"),
            Frame { unit: Some(Unit::Century), ord: Some(21), ..Frame::default() } => Some("20"),
            Frame { days: Some(-2), ..Frame::default() } => Some("2024-11-13"),
            Frame { sign: Some(-1), unit: Some(Unit::Year), count: Some(Count::N(3)), ..Frame::default() } => Some("2021"),
            Frame { sign: Some(-1), unit: Some(Unit::Day), count: Some(Count::N(2)), ..Frame::default() } => Some("2024-11-13"),
            Frame { sign: Some(1), unit: Some(Unit::Week), count: Some(Count::N(2)), ..Frame::default() } => Some("2024-11-29"),
            Frame { sign: Some(-1), unit: Some(Unit::Month), ..Frame::default() } => Some("2024-10"),
            Frame { sign: Some(-1), unit: Some(Unit::Year), plural: true, ..Frame::default() } => Some("PAST_REF"),
            Frame { sign: Some(1), unit: Some(Unit::Hour), count: Some(Count::N(2)), ..Frame::default() } => Some("FUTURE_REF"),
        );
    }

    #[test]
    fn weekdays_take_the_direction_of_their_clause() {
        let r = date("2024-11-15"); // Friday
        let wd = |weekday: u8, offset: Option<i32>| Frame { weekday: Some(weekday), offset, ..Frame::default() };
        cases!(Kind::Date, r;
            wd(4, None) => Some("2024-11-14"),
            wd(5, None) => Some("2024-11-15"),
            wd(6, None) => Some("2024-11-09"),
            wd(4, Some(-1)) => Some("2024-11-14"),
            wd(5, Some(-1)) => Some("2024-11-08"),
            wd(7, Some(1)) => Some("2024-11-17"),
            wd(5, Some(1)) => Some("2024-11-22"),
            Frame { weekday: Some(5), unit: Some(Unit::Week), offset: Some(1), ..Frame::default() } => Some("2024-11-22"),
            Frame { weekday: Some(7), unit: Some(Unit::Week), offset: Some(-1), ..Frame::default() } => Some("2024-11-10"),
            Frame { weekday: Some(7), ord: Some(2), ..Frame::default() } => Some("2024-11-10"),
            Frame { weekday: Some(6), ord: Some(16), ..Frame::default() } => Some("2024-11-16"),
            Frame { weekday: Some(5), ord: Some(1), month: Some(7), ..Frame::default() } => Some("2024-07-05"),
        );
        let f = wd(2, None);
        assert_eq!(resolve(&f, Kind::Date, r, true).unwrap().value.as_deref(), Some("2024-11-19"));
    }

    #[test]
    fn hijri_months_are_intervals_and_days_are_days() {
        let r = date("2024-11-15");
        let h = |year: Option<i32>, month: Option<u8>, day: Option<u8>, hijri_year: bool| Frame {
            year,
            month,
            day,
            hijri_month: month.is_some(),
            hijri_year,
            ..Frame::default()
        };
        cases!(Kind::Date, r;
            h(Some(1445), Some(9), Some(1), true) => Some("2024-03-11"),
            h(Some(1445), Some(9), None, true) => Some("2024-03-11/2024-04-09"),
            h(Some(1445), Some(9), None, false) => Some("2024-03-11/2024-04-09"),
            h(Some(2019), Some(9), None, false) => Some("2019-05-06/2019-06-04"),
            h(Some(1445), None, None, true) => Some("2023-07-19/2024-07-07"),
            h(None, Some(9), None, false) => Some("2025-03-01/2025-03-30"),
        );
        assert_eq!(value(h(None, Some(9), None, false), Kind::Date, None), None);
    }

    #[test]
    fn clock_times_follow_the_part_of_the_day() {
        let r = date("2024-11-13");
        let t = |hour: u8, minute: Option<u8>, part: Option<Part>| Frame {
            hour: Some(hour),
            minute,
            part,
            ..Frame::default()
        };
        cases!(Kind::Date, r;
            t(14, Some(30), None) => Some("2024-11-13T14:30"),
            t(3, None, Some(Part::Afternoon)) => Some("2024-11-13T15:00"),
            t(3, None, Some(Part::Morning)) => Some("2024-11-13T03:00"),
            t(10, None, Some(Part::Night)) => Some("2024-11-13T22:00"),
            t(12, Some(30), Some(Part::Midday)) => Some("2024-11-13T12:30"),
            Frame { before_hour: true, ..t(12, Some(15), None) } => Some("2024-11-13T11:45"),
            t(25, None, None) => None,
            Frame { weekday: Some(7), part: Some(Part::Evening), ..Frame::default() } => Some("2024-11-10TEV"),
            Frame { unit: Some(Unit::Year), offset: Some(0), part: Some(Part::Evening), ..Frame::default() } => None,
        );
    }

    /// An amount of several units: `amount(&[(unit, count), …])`.
    fn amount(parts: &[(Unit, u32)]) -> Option<Amount> {
        let mut a = Amount::default();
        parts.iter().all(|&(u, n)| a.add(u, n)).then_some(a)
    }

    #[test]
    fn amounts_sum_their_units() {
        let r = date("2017-11-23");
        let ymd = amount(&[(Unit::Year, 2), (Unit::Month, 1), (Unit::Day, 21)]);
        let shifted = |sign: i32, a: Option<Amount>| Frame { sign: Some(sign), amount: a, ..Frame::default() };
        cases!(Kind::Duration, r;
            Frame { amount: ymd, ..Frame::default() } => Some("P2Y1M21D"),
            Frame { amount: amount(&[(Unit::Week, 1), (Unit::Day, 3)]), ..Frame::default() } => Some("P10D"),
            Frame { amount: amount(&[(Unit::Hour, 1), (Unit::Minute, 20)]), ..Frame::default() } => Some("PT1H20M"),
            Frame { amount: amount(&[(Unit::Day, 2), (Unit::Hour, 6)]), ..Frame::default() } => Some("P2DT6H"),
        );
        cases!(Kind::Date, r;
            shifted(-1, ymd) => Some("2015-10-02"),
            shifted(1, amount(&[(Unit::Year, 2), (Unit::Day, 21)])) => Some("2019-12-14"),
            shifted(-1, amount(&[(Unit::Month, 1), (Unit::Day, 21)])) => Some("2017-10-02"),
            shifted(-1, amount(&[(Unit::Year, 2), (Unit::Month, 3)])) => Some("2015-08"),
            shifted(1, amount(&[(Unit::Hour, 2), (Unit::Minute, 30)])) => Some("FUTURE_REF"),
        );
        cases!(Kind::Date, None;
            shifted(-1, ymd) => Some("XXXX-XX-XX"),
            shifted(-1, amount(&[(Unit::Year, 2), (Unit::Month, 3)])) => Some("XXXX-XX"),
        );
        assert_eq!(amount(&[(Unit::Year, 1), (Unit::Year, 2)]), None, "a unit counts once");
    }

    #[test]
    fn days_counted_from_an_event_have_no_date() {
        let f = Frame { ord: Some(3), event: true, ..Frame::default() };
        assert_eq!(value(f, Kind::Date, date("2024-11-15")).as_deref(), Some("XXXX-XX-XX"));
    }

    #[test]
    fn durations_and_vague_times() {
        cases!(Kind::Duration, None;
            Frame { unit: Some(Unit::Year), count: Some(Count::N(2)), ..Frame::default() } => Some("P2Y"),
            Frame { unit: Some(Unit::Hour), count: Some(Count::N(48)), ..Frame::default() } => Some("PT48H"),
            Frame { unit: Some(Unit::Minute), count: Some(Count::N(5)), ..Frame::default() } => Some("PT5M"),
            Frame { unit: Some(Unit::Month), count: Some(Count::N(2)), offset: Some(1), ..Frame::default() } => Some("P2M"),
            Frame { unit: Some(Unit::Day), count: Some(Count::Few), ..Frame::default() } => Some("PXD"),
            Frame { unit: Some(Unit::Decade), count: Some(Count::N(3)), ..Frame::default() } => Some("P3DE"),
            Frame { unit: Some(Unit::Day), plural: true, offset: Some(1), ..Frame::default() } => Some("FUTURE_REF"),
            Frame { unit: Some(Unit::Year), plural: true, offset: Some(-1), ..Frame::default() } => Some("PAST_REF"),
        );
        cases!(Kind::Relative, None;
            Frame { vague: Some(Vague::Present), ..Frame::default() } => Some("PRESENT_REF"),
        );
    }
}
