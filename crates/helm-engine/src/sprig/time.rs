//! Dates: sprig's date functions and the parts of Go's `time` package
//! they use: layouts (`2006-01-02 15:04:05`), parsing, durations.
//!
//! A `time.Time` travels through templates as an object of that Go type,
//! printed as Go prints it (`2024-02-29 13:14:15 +0000 UTC`).
//! The local zone is UTC, as on a machine without a configured zone, and
//! named zones other than UTC are not loaded (Go falls back to UTC when it
//! cannot load one).

use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

use gotemplate::{Call, Object, Value};

use super::govalue::go_quote;
use super::{str_value, wrong_type, Result};
use crate::strconv;

/// An instant with the zone it is shown in.
#[derive(Clone, Debug)]
pub(super) struct Time {
    /// Seconds since the Unix epoch.
    unix: i64,
    /// Nanoseconds within the second.
    nsec: u32,
    /// The zone's offset east of UTC, in seconds.
    offset: i32,
    /// The zone's abbreviation; empty for an unnamed fixed offset.
    zone: String,
}

const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The layout of Go's `Time.String`.
const STRING_LAYOUT: &str = "2006-01-02 15:04:05.999999999 -0700 MST";

/// Go's zero `time.Time`, 0001-01-01 00:00:00 UTC, in Unix seconds.
const ZERO_UNIX: i64 = -62_135_596_800;

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(super) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in `month` of `year` (proleptic Gregorian).
pub(crate) fn days_in_month(month: u32, year: i64) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A time's calendar fields in its zone.
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    yday: i64,
    weekday: usize,
    hour: i64,
    min: i64,
    sec: i64,
}

impl Time {
    /// The current time, in UTC.
    pub(super) fn now() -> Time {
        let d = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        Time {
            unix: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            nsec: d.subsec_nanos(),
            offset: 0,
            zone: "UTC".into(),
        }
    }

    /// A `time.Time` value of an instant (`unix`, `nsec`) shown at
    /// `offset` seconds east of UTC in a zone named `zone`.
    pub(super) fn value(unix: i64, nsec: u32, offset: i32, zone: &str) -> Value {
        Time {
            unix,
            nsec,
            offset,
            zone: zone.into(),
        }
        .into_value()
    }

    /// Go's `time.Unix(secs, 0)` shown in the local zone (UTC).
    fn from_unix(unix: i64) -> Time {
        Time {
            unix,
            nsec: 0,
            offset: 0,
            zone: "UTC".into(),
        }
    }

    /// The same instant in UTC, which is also the local zone.
    fn utc(&self) -> Time {
        Time {
            offset: 0,
            zone: "UTC".into(),
            ..self.clone()
        }
    }

    /// The instant plus `nanos`.
    fn add(&self, nanos: i64) -> Time {
        let total = i128::from(self.nsec) + i128::from(nanos);
        let secs = total.div_euclid(1_000_000_000);
        let nsec = total.rem_euclid(1_000_000_000) as u32;
        Time {
            unix: self.unix.saturating_add(i64::try_from(secs).unwrap_or(0)),
            nsec,
            ..self.clone()
        }
    }

    /// Nanoseconds from `self` to `later`, saturating like Go's `Sub`.
    fn until(&self, later: &Time) -> i64 {
        let diff = (i128::from(later.unix) - i128::from(self.unix)) * 1_000_000_000
            + i128::from(later.nsec)
            - i128::from(self.nsec);
        i64::try_from(diff).unwrap_or(if diff < 0 { i64::MIN } else { i64::MAX })
    }

    /// The template representation: a `time.Time` object.
    pub(super) fn into_value(self) -> Value {
        Value::Object(Rc::new(TimeObject {
            time: self,
            mono: None,
        }))
    }

    /// Reads back a time from its template representation: only a
    /// `time.Time` is one, as in Go, however much a string looks like it.
    fn from_value(v: &Value) -> Option<Time> {
        match v {
            Value::Object(o) if o.type_name() == "time.Time" => {
                let mut text = String::new();
                o.write_v(&mut text);
                let wall = text.split(" m=").next().unwrap_or_default();
                parse(STRING_LAYOUT, wall).ok()
            }
            _ => None,
        }
    }

    fn civil(&self) -> Civil {
        let local = self.unix + i64::from(self.offset);
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            yday: days - days_from_civil(year, 1, 1) + 1,
            weekday: (days + 4).rem_euclid(7) as usize,
            hour: secs / 3600,
            min: secs / 60 % 60,
            sec: secs % 60,
        }
    }

    /// Go's `Time.Format`.
    fn format(&self, layout: &str) -> String {
        let c = self.civil();
        let mut out = String::new();
        let mut rest = layout;
        loop {
            let (prefix, std, suffix) = next_std_chunk(rest);
            out.push_str(prefix);
            let Some(std) = std else { break };
            rest = suffix;
            match std {
                Std::Year => push_int(&mut out, c.year.abs() % 100, 2),
                Std::LongYear => push_int(&mut out, c.year, 4),
                Std::Month => out.push_str(&LONG_MONTHS[c.month as usize - 1][..3]),
                Std::LongMonth => out.push_str(LONG_MONTHS[c.month as usize - 1]),
                Std::NumMonth => push_int(&mut out, i64::from(c.month), 0),
                Std::ZeroMonth => push_int(&mut out, i64::from(c.month), 2),
                Std::WeekDay => out.push_str(&LONG_DAYS[c.weekday][..3]),
                Std::LongWeekDay => out.push_str(LONG_DAYS[c.weekday]),
                Std::Day => push_int(&mut out, i64::from(c.day), 0),
                Std::UnderDay => {
                    if c.day < 10 {
                        out.push(' ');
                    }
                    push_int(&mut out, i64::from(c.day), 0);
                }
                Std::ZeroDay => push_int(&mut out, i64::from(c.day), 2),
                Std::UnderYearDay => {
                    if c.yday < 100 {
                        out.push(' ');
                        if c.yday < 10 {
                            out.push(' ');
                        }
                    }
                    push_int(&mut out, c.yday, 0);
                }
                Std::ZeroYearDay => push_int(&mut out, c.yday, 3),
                Std::Hour => push_int(&mut out, c.hour, 2),
                Std::Hour12 | Std::ZeroHour12 => {
                    let hr = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
                    push_int(&mut out, hr, if matches!(std, Std::Hour12) { 0 } else { 2 });
                }
                Std::Minute => push_int(&mut out, c.min, 0),
                Std::ZeroMinute => push_int(&mut out, c.min, 2),
                Std::Second => push_int(&mut out, c.sec, 0),
                Std::ZeroSecond => push_int(&mut out, c.sec, 2),
                Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
                Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
                Std::Zone(kind) => self.push_zone(&mut out, kind),
                Std::TZ => {
                    if self.zone.is_empty() {
                        self.push_zone(
                            &mut out,
                            ZoneFmt {
                                iso: false,
                                colon: false,
                                minutes: true,
                                seconds: false,
                            },
                        );
                    } else {
                        out.push_str(&self.zone);
                    }
                }
                Std::Frac { digits, trim, sep } => {
                    if trim && (digits == 0 || self.nsec == 0) {
                        continue;
                    }
                    let mut frac = format!("{:09}", self.nsec);
                    frac.truncate(digits);
                    if trim {
                        let kept = frac.trim_end_matches('0').len();
                        frac.truncate(kept);
                        if frac.is_empty() {
                            continue;
                        }
                    }
                    out.push(sep);
                    out.push_str(&frac);
                }
            }
        }
        out
    }

    fn push_zone(&self, out: &mut String, f: ZoneFmt) {
        if self.offset == 0 && f.iso {
            out.push('Z');
            return;
        }
        let abs = i64::from(self.offset).abs();
        out.push(if self.offset < 0 { '-' } else { '+' });
        push_int(out, abs / 3600, 2);
        if f.minutes {
            if f.colon {
                out.push(':');
            }
            push_int(out, abs / 60 % 60, 2);
        }
        if f.seconds {
            if f.colon {
                out.push(':');
            }
            push_int(out, abs % 60, 2);
        }
    }
}

/// Go's `appendInt`: the sign, then at least `width` digits.
fn push_int(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        out.push('-');
    }
    out.push_str(&format!("{:0width$}", n.unsigned_abs()));
}

/// How a numeric zone prints.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ZoneFmt {
    /// `Z` for UTC (the `Z07:00` forms).
    iso: bool,
    colon: bool,
    minutes: bool,
    seconds: bool,
}

/// A layout element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    Zone(ZoneFmt),
    Frac {
        digits: usize,
        trim: bool,
        sep: char,
    },
}

/// Go's `nextStdChunk`: the text before the first layout element, the
/// element, and the rest.
fn next_std_chunk(layout: &str) -> (&str, Option<Std>, &str) {
    let b = layout.as_bytes();
    let starts = |i: usize, s: &str| layout.get(i..).is_some_and(|r| r.starts_with(s));
    let lower_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_lowercase);
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let zone = |iso, colon, minutes, seconds| {
        Std::Zone(ZoneFmt {
            iso,
            colon,
            minutes,
            seconds,
        })
    };
    for i in 0..b.len() {
        let found: Option<(Std, usize)> = match b[i] {
            b'J' if starts(i, "January") => Some((Std::LongMonth, 7)),
            b'J' if starts(i, "Jan") && !lower_at(i + 3) => Some((Std::Month, 3)),
            b'M' if starts(i, "Monday") => Some((Std::LongWeekDay, 6)),
            b'M' if starts(i, "Mon") && !lower_at(i + 3) => Some((Std::WeekDay, 3)),
            b'M' if starts(i, "MST") => Some((Std::TZ, 3)),
            b'0' if matches!(b.get(i + 1), Some(b'1'..=b'6')) => {
                let std = match b[i + 1] {
                    b'1' => Std::ZeroMonth,
                    b'2' => Std::ZeroDay,
                    b'3' => Std::ZeroHour12,
                    b'4' => Std::ZeroMinute,
                    b'5' => Std::ZeroSecond,
                    _ => Std::Year,
                };
                Some((std, 2))
            }
            b'0' if starts(i, "002") => Some((Std::ZeroYearDay, 3)),
            b'1' if starts(i, "15") => Some((Std::Hour, 2)),
            b'1' => Some((Std::NumMonth, 1)),
            b'2' if starts(i, "2006") => Some((Std::LongYear, 4)),
            b'2' => Some((Std::Day, 1)),
            b'_' if starts(i, "_2006") => {
                return (&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..])
            }
            b'_' if starts(i, "_2") => Some((Std::UnderDay, 2)),
            b'_' if starts(i, "__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if starts(i, "PM") => Some((Std::PM, 2)),
            b'p' if starts(i, "pm") => Some((Std::Pm, 2)),
            b'-' if starts(i, "-070000") => Some((zone(false, false, true, true), 7)),
            b'-' if starts(i, "-07:00:00") => Some((zone(false, true, true, true), 9)),
            b'-' if starts(i, "-0700") => Some((zone(false, false, true, false), 5)),
            b'-' if starts(i, "-07:00") => Some((zone(false, true, true, false), 6)),
            b'-' if starts(i, "-07") => Some((zone(false, false, false, false), 3)),
            b'Z' if starts(i, "Z070000") => Some((zone(true, false, true, true), 7)),
            b'Z' if starts(i, "Z07:00:00") => Some((zone(true, true, true, true), 9)),
            b'Z' if starts(i, "Z0700") => Some((zone(true, false, true, false), 5)),
            b'Z' if starts(i, "Z07:00") => Some((zone(true, true, true, false), 6)),
            b'Z' if starts(i, "Z07") => Some((zone(true, false, false, false), 3)),
            c @ (b'.' | b',') if matches!(b.get(i + 1), Some(b'0' | b'9')) => {
                let ch = b[i + 1];
                let mut j = i + 1;
                while b.get(j) == Some(&ch) {
                    j += 1;
                }
                if digit_at(j) {
                    None
                } else {
                    Some((
                        Std::Frac {
                            digits: j - (i + 1),
                            trim: ch == b'9',
                            sep: char::from(c),
                        },
                        j - i,
                    ))
                }
            }
            _ => None,
        };
        if let Some((std, len)) = found {
            return (&layout[..i], Some(std), &layout[i + len..]);
        }
    }
    (layout, None, "")
}

/// Skips the literal `prefix` in `value`, where a space matches any run
/// of spaces.
fn skip<'v>(mut value: &'v str, mut prefix: &str) -> Option<&'v str> {
    while let Some(p) = prefix.chars().next() {
        if p == ' ' {
            if !value.is_empty() && !value.starts_with(' ') {
                return None;
            }
            prefix = prefix.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
            continue;
        }
        value = value.strip_prefix(p)?;
        prefix = &prefix[p.len_utf8()..];
    }
    Some(value)
}

/// One or two digits (exactly two when `fixed`).
fn getnum(s: &str, fixed: bool) -> Option<(i64, &str)> {
    let b = s.as_bytes();
    let d0 = b.first().filter(|c| c.is_ascii_digit())?;
    match b.get(1).filter(|c| c.is_ascii_digit()) {
        Some(d1) => Some((i64::from(d0 - b'0') * 10 + i64::from(d1 - b'0'), &s[2..])),
        None if fixed => None,
        None => Some((i64::from(d0 - b'0'), &s[1..])),
    }
}

/// One to three digits (exactly three when `fixed`).
fn getnum3(s: &str, fixed: bool) -> Option<(i64, &str)> {
    let n = s.bytes().take(3).take_while(u8::is_ascii_digit).count();
    if n == 0 || fixed && n != 3 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// A case-insensitive prefix from `names`.
fn lookup<'v>(names: &[&str], value: &'v str, short: bool) -> Option<(usize, &'v str)> {
    names.iter().enumerate().find_map(|(i, name)| {
        let name = if short { &name[..3] } else { name };
        let head = value.get(..name.len())?;
        head.eq_ignore_ascii_case(name)
            .then(|| (i, &value[name.len()..]))
    })
}

/// Go's `parseTimeZone`: how long a zone abbreviation at the start of
/// `value` is.
fn zone_name_len(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if value.starts_with("ChST") || value.starts_with("MeST") {
        return Some(4);
    }
    if value.starts_with("GMT") {
        return Some(3);
    }
    if b[0] == b'+' || b[0] == b'-' {
        let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        return (digits > 0).then_some(1 + digits);
    }
    let upper = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        3 => Some(3),
        4 if b[3] == b'T' || value.starts_with("WITA") => Some(4),
        5 if b[4] == b'T' => Some(5),
        _ => None,
    }
}

/// Go's quoting in time errors.
fn q(s: &str) -> String {
    go_quote(s)
}

/// Go's `time.ParseInLocation(layout, value, time.Local)` with a UTC
/// local zone.
fn parse(layout: &str, value: &str) -> Result<Time, String> {
    let (full_layout, full_value) = (layout, value);
    let cannot = |value_elem: &str, layout_elem: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            q(full_value),
            q(full_layout),
            q(value_elem),
            q(layout_elem)
        )
    };
    let fail = |msg: &str| format!("parsing time {}{msg}", q(full_value));
    let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0u32);
    let (mut am, mut pm) = (false, false);
    let mut utc = false;
    let mut zone_offset: Option<i64> = None;
    let mut zone_name = String::new();
    let mut layout = layout;
    let mut value = value;
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let std_str = &layout[prefix.len()..layout.len() - suffix.len()];
        value = skip(value, prefix).ok_or_else(|| cannot(value, prefix))?;
        let Some(std) = std else {
            if !value.is_empty() {
                return Err(fail(&format!(": extra text: {}", q(value))));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        let mut range_err: Option<&str> = None;
        let parsed: Option<&str> = match std {
            Std::Year => value.get(..2).and_then(|p| {
                let y: i64 = p
                    .parse()
                    .ok()
                    .filter(|_| p.bytes().all(|c| c.is_ascii_digit()))?;
                year = if y >= 69 { y + 1900 } else { y + 2000 };
                Some(&value[2..])
            }),
            Std::LongYear => value.get(..4).and_then(|p| {
                if !p.bytes().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                year = p.parse().ok()?;
                Some(&value[4..])
            }),
            Std::Month | Std::LongMonth => {
                lookup(&LONG_MONTHS, value, std == Std::Month).map(|(i, rest)| {
                    month = i as i64 + 1;
                    rest
                })
            }
            Std::NumMonth | Std::ZeroMonth => {
                getnum(value, std == Std::ZeroMonth).map(|(m, rest)| {
                    month = m;
                    if !(1..=12).contains(&m) {
                        range_err = Some("month");
                    }
                    rest
                })
            }
            Std::WeekDay | Std::LongWeekDay => {
                lookup(&LONG_DAYS, value, std == Std::WeekDay).map(|(_, rest)| rest)
            }
            Std::Day | Std::UnderDay | Std::ZeroDay => {
                let v = if std == Std::UnderDay {
                    value.strip_prefix(' ').unwrap_or(value)
                } else {
                    value
                };
                getnum(v, std == Std::ZeroDay).map(|(d, rest)| {
                    day = d;
                    rest
                })
            }
            Std::UnderYearDay | Std::ZeroYearDay => {
                let mut v = value;
                if std == Std::UnderYearDay {
                    for _ in 0..2 {
                        v = v.strip_prefix(' ').unwrap_or(v);
                    }
                }
                getnum3(v, std == Std::ZeroYearDay).map(|(d, rest)| {
                    yday = d;
                    rest
                })
            }
            Std::Hour => getnum(value, false).map(|(h, rest)| {
                hour = h;
                if !(0..24).contains(&h) {
                    range_err = Some("hour");
                }
                rest
            }),
            Std::Hour12 | Std::ZeroHour12 => {
                getnum(value, std == Std::ZeroHour12).map(|(h, rest)| {
                    hour = h;
                    if !(0..=12).contains(&h) {
                        range_err = Some("hour");
                    }
                    rest
                })
            }
            Std::Minute | Std::ZeroMinute => {
                getnum(value, std == Std::ZeroMinute).map(|(m, rest)| {
                    min = m;
                    if !(0..60).contains(&m) {
                        range_err = Some("minute");
                    }
                    rest
                })
            }
            Std::Second | Std::ZeroSecond => {
                getnum(value, std == Std::ZeroSecond).map(|(s, rest)| {
                    sec = s;
                    if !(0..60).contains(&s) {
                        range_err = Some("second");
                        return rest;
                    }
                    // A fraction in the value that the layout does not ask
                    // for is still read.
                    let b = rest.as_bytes();
                    let next_is_frac = matches!(next_std_chunk(layout).1, Some(Std::Frac { .. }));
                    if b.len() >= 2
                        && matches!(b[0], b'.' | b',')
                        && b[1].is_ascii_digit()
                        && !next_is_frac
                    {
                        let n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                        nsec = nanos(&rest[1..n]);
                        return &rest[n..];
                    }
                    rest
                })
            }
            Std::PM | Std::Pm => value.get(..2).and_then(|p| {
                let (upper, lower) = if std == Std::PM {
                    ("PM", "AM")
                } else {
                    ("pm", "am")
                };
                if p == upper {
                    pm = true;
                } else if p == lower {
                    am = true;
                } else {
                    return None;
                }
                Some(&value[2..])
            }),
            Std::Zone(f) => {
                if f.iso && value.starts_with('Z') {
                    utc = true;
                    Some(&value[1..])
                } else {
                    parse_offset(value, f).map(|(offset, rest)| {
                        zone_offset = Some(offset);
                        rest
                    })
                }
            }
            Std::TZ => {
                if let Some(rest) = value.strip_prefix("UTC") {
                    utc = true;
                    Some(rest)
                } else {
                    zone_name_len(value).map(|n| {
                        zone_name = value[..n].to_string();
                        &value[n..]
                    })
                }
            }
            Std::Frac {
                digits,
                trim: false,
                ..
            } => {
                let b = value.as_bytes();
                if b.len() < digits + 1
                    || !matches!(b[0], b'.' | b',')
                    || !b[1..=digits].iter().all(u8::is_ascii_digit)
                {
                    None
                } else {
                    nsec = nanos(&value[1..=digits]);
                    Some(&value[digits + 1..])
                }
            }
            Std::Frac { trim: true, .. } => {
                let b = value.as_bytes();
                if b.len() < 2 || !matches!(b[0], b'.' | b',') || !b[1].is_ascii_digit() {
                    Some(value)
                } else {
                    let n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    nsec = nanos(&value[1..n]);
                    Some(&value[n..])
                }
            }
        };
        if let Some(what) = range_err {
            return Err(fail(&format!(": {what} out of range")));
        }
        value = parsed.ok_or_else(|| cannot(hold, std_str))?;
    }
    if pm && hour < 12 {
        hour += 12;
    } else if am && hour == 12 {
        hour = 0;
    }
    if yday >= 0 {
        let mut yd = yday;
        let mut m = 0;
        let mut d = 0;
        if is_leap(year) {
            if yd == 31 + 29 {
                m = 2;
                d = 29;
            } else if yd > 31 + 29 {
                yd -= 1;
            }
        }
        if !(1..=365).contains(&yd) {
            return Err(fail(": day-of-year out of range"));
        }
        if m == 0 {
            const BEFORE: [i64; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
            m = (yd - 1) / 31 + 1;
            if BEFORE[m as usize] < yd {
                m += 1;
            }
            d = yd - BEFORE[m as usize - 1];
        }
        if month >= 0 && month != m {
            return Err(fail(": day-of-year does not match month"));
        }
        month = m;
        if day >= 0 && day != d {
            return Err(fail(": day-of-year does not match day"));
        }
        day = d;
    } else {
        if month < 0 {
            month = 1;
        }
        if day < 0 {
            day = 1;
        }
    }
    if day < 1 || day > i64::from(days_in_month(month as u32, year)) {
        return Err(fail(": day out of range"));
    }
    let local =
        days_from_civil(year, month as u32, day as u32) * 86_400 + hour * 3600 + min * 60 + sec;
    if utc {
        return Ok(Time {
            unix: local,
            nsec,
            offset: 0,
            zone: "UTC".into(),
        });
    }
    if let Some(offset) = zone_offset {
        let unix = local - offset;
        if offset == 0 && (zone_name.is_empty() || zone_name == "UTC") {
            return Ok(Time {
                unix,
                nsec,
                offset: 0,
                zone: "UTC".into(),
            });
        }
        return Ok(Time {
            unix,
            nsec,
            offset: offset as i32,
            zone: zone_name,
        });
    }
    if !zone_name.is_empty() {
        // An abbreviation the local zone does not know: Go records it
        // with a zero offset.
        return Ok(Time {
            unix: local,
            nsec,
            offset: 0,
            zone: zone_name,
        });
    }
    Ok(Time {
        unix: local,
        nsec,
        offset: 0,
        zone: "UTC".into(),
    })
}

/// Fraction digits as nanoseconds (at most nine count).
fn nanos(digits: &str) -> u32 {
    let mut padded: String = digits.chars().take(9).collect();
    while padded.len() < 9 {
        padded.push('0');
    }
    padded.parse().unwrap_or(0)
}

/// A numeric zone offset (`-0700`, `-07:00`, `-07`, …) in seconds.
fn parse_offset(value: &str, f: ZoneFmt) -> Option<(i64, &str)> {
    let b = value.as_bytes();
    let two = |i: usize| -> Option<i64> {
        let pair = b.get(i..i + 2)?;
        pair.iter()
            .all(u8::is_ascii_digit)
            .then(|| i64::from(pair[0] - b'0') * 10 + i64::from(pair[1] - b'0'))
    };
    let (hh, mm, ss, len) = match (f.colon, f.minutes, f.seconds) {
        (true, true, false) => {
            if b.get(3) != Some(&b':') {
                return None;
            }
            (two(1)?, two(4)?, 0, 6)
        }
        (_, false, _) => (two(1)?, 0, 0, 3),
        (true, true, true) => {
            if b.get(3) != Some(&b':') || b.get(6) != Some(&b':') {
                return None;
            }
            (two(1)?, two(4)?, two(7)?, 9)
        }
        (false, true, true) => (two(1)?, two(3)?, two(5)?, 7),
        (false, true, false) => (two(1)?, two(3)?, 0, 5),
    };
    let magnitude = (hh * 60 + mm) * 60 + ss;
    let offset = match b.first() {
        Some(b'+') => magnitude,
        Some(b'-') => -magnitude,
        _ => return None,
    };
    Some((offset, &value[len..]))
}

/// Go's `Duration.String()`.
fn duration_string(d: i64) -> String {
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    let mut out: Vec<u8> = Vec::new();
    let push_rev = |out: &mut Vec<u8>, s: &str| out.extend(s.bytes().rev());
    if u < 1_000_000_000 {
        if u == 0 {
            return "0s".into();
        }
        let (unit, prec) = match u {
            0..=999 => ("ns", 0),
            1_000..=999_999 => ("µs", 3),
            _ => ("ms", 6),
        };
        push_rev(&mut out, unit);
        u = push_frac(&mut out, u, prec);
        push_rev(&mut out, &u.to_string());
    } else {
        out.push(b's');
        u = push_frac(&mut out, u, 9);
        push_rev(&mut out, &(u % 60).to_string());
        u /= 60;
        if u > 0 {
            out.push(b'm');
            push_rev(&mut out, &(u % 60).to_string());
            u /= 60;
            if u > 0 {
                out.push(b'h');
                push_rev(&mut out, &u.to_string());
            }
        }
    }
    if neg {
        out.push(b'-');
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Go's `fmtFrac`, writing reversed: the fraction of `v / 10^prec`
/// without trailing zeros; returns the integer part.
fn push_frac(out: &mut Vec<u8>, mut v: u64, prec: u32) -> u64 {
    let mut print = false;
    for _ in 0..prec {
        let digit = (v % 10) as u8;
        print = print || digit != 0;
        if print {
            out.push(b'0' + digit);
        }
        v /= 10;
    }
    if print {
        out.push(b'.');
    }
    v
}

/// Go's `time.ParseDuration`, in nanoseconds.
fn parse_duration(text: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", q(text));
    let (neg, mut s) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    const LIMIT: u64 = 1 << 63;
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s.starts_with('.') || s.as_bytes()[0].is_ascii_digit()) {
            return Err(invalid());
        }
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let mut whole: u64 = 0;
        for c in s[..int_len].bytes() {
            whole = whole
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(c - b'0')))
                .filter(|&v| v <= LIMIT)
                .ok_or_else(invalid)?;
        }
        s = &s[int_len..];
        let (mut frac, mut scale, mut frac_len) = (0u64, 1f64, 0);
        if let Some(rest) = s.strip_prefix('.') {
            frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for c in rest[..frac_len].bytes() {
                if overflow {
                    continue;
                }
                match frac
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(c - b'0')))
                {
                    Some(v) if v <= LIMIT => {
                        frac = v;
                        scale *= 10.0;
                    }
                    _ => overflow = true,
                }
            }
            s = &rest[frac_len..];
        }
        if int_len == 0 && frac_len == 0 {
            return Err(invalid());
        }
        let unit_len = s
            .bytes()
            .take_while(|&c| c != b'.' && !c.is_ascii_digit())
            .count();
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", q(text)));
        }
        let unit_name = &s[..unit_len];
        s = &s[unit_len..];
        let unit: u64 = match unit_name {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            other => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    q(other),
                    q(text)
                ))
            }
        };
        if whole > LIMIT / unit {
            return Err(invalid());
        }
        let mut v = whole * unit;
        if frac > 0 {
            v += (frac as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return Err(invalid());
            }
        }
        total = total
            .checked_add(v)
            .filter(|&t| t <= LIMIT)
            .ok_or_else(invalid)?;
    }
    if neg {
        return Ok((total as i64).wrapping_neg());
    }
    if total > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// Go's `Duration.Round(time.Second)`.
fn round_to_second(d: i64) -> i64 {
    const M: i64 = 1_000_000_000;
    let r = d % M;
    if d < 0 {
        let r = -r;
        if (r as u64) * 2 < M as u64 {
            return d + r;
        }
        return d.checked_sub(M - r).unwrap_or(i64::MIN);
    }
    if (r as u64) * 2 < M as u64 {
        return d - r;
    }
    d.checked_add(M - r).unwrap_or(i64::MAX)
}

/// `now`: the current time, with Go's monotonic clock reading (the time
/// since the process started), which Go prints after it (`m=+0.087…`).
pub(super) fn now_value() -> Value {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let elapsed = START.get_or_init(std::time::Instant::now).elapsed();
    Value::Object(Rc::new(TimeObject {
        time: Time::now(),
        mono: Some(i64::try_from(elapsed.as_nanos()).unwrap_or(i64::MAX)),
    }))
}

/// The monotonic clock reading of a time value, when it has one.
fn mono_of(v: &Value) -> Option<i64> {
    let Value::Object(o) = v else { return None };
    if o.type_name() != "time.Time" {
        return None;
    }
    let mut text = String::new();
    o.write_v(&mut text);
    let reading = text.split(" m=").nth(1)?;
    let negative = reading.starts_with('-');
    let (secs, nanos) = reading[1..].split_once('.')?;
    let total = secs.parse::<i64>().ok()? * 1_000_000_000 + nanos.parse::<i64>().ok()?;
    Some(if negative { -total } else { total })
}

/// A `time.Time` in a template: Go's methods that charts call on `now`.
struct TimeObject {
    time: Time,
    /// Go's monotonic clock reading, in nanoseconds, which `now` has and
    /// `UTC`, `In` and the parsers drop.
    mono: Option<i64>,
}

impl Object for TimeObject {
    fn type_name(&self) -> &str {
        "time.Time"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "Format" | "Unix" | "UTC" | "Year" | "String")
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let want = usize::from(name == "Format");
        if args.len() != want {
            return Err(format!(
                "wrong number of args for {name}: want {want} got {}",
                args.len()
            ));
        }
        let time = &self.time;
        Ok(match name {
            "Format" => match &args[0] {
                Value::String(layout) => str_value(time.format(layout)),
                other => {
                    return Err(format!(
                        "wrong type for value; expected string; got {}",
                        other.type_name()
                    ))
                }
            },
            "Unix" => Value::Int64(time.unix),
            "UTC" => time.utc().into_value(),
            "Year" => Value::Int(time.civil().year),
            _ => {
                let mut text = String::new();
                self.write_v(&mut text);
                str_value(text)
            }
        })
    }

    fn field(&self, _: &str) -> Option<Value> {
        None
    }

    fn write_v(&self, out: &mut String) {
        out.push_str(&self.time.format(STRING_LAYOUT));
        // Go's `Time.String`: ` m=±SECONDS.NANOSECONDS`.
        if let Some(mono) = self.mono {
            let sign = if mono < 0 { '-' } else { '+' };
            let abs = mono.unsigned_abs();
            let _ = write!(
                out,
                " m={sign}{}.{:09}",
                abs / 1_000_000_000,
                abs % 1_000_000_000
            );
        }
    }
}

/// The JSON text of a `time.Time` (`MarshalJSON`: RFC 3339 with
/// nanoseconds), `None` for any other value.
pub(super) fn json_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if o.type_name() == "time.Time" => {
            Time::from_value(v).map(|t| t.format("2006-01-02T15:04:05.999999999Z07:00"))
        }
        _ => None,
    }
}

/// The `date` argument of sprig's date functions: a time, a Unix time in
/// seconds, or anything else meaning now.
fn date_arg(v: &Value) -> Time {
    match v {
        Value::Int(n) | Value::Int64(n) => Time::from_unix(*n),
        other => Time::from_value(other).unwrap_or_else(Time::now),
    }
}

/// A Go `time.Time` parameter.
fn time_param(c: &Call<'_>, i: usize) -> Result<Time> {
    Time::from_value(c.arg(i)).ok_or_else(|| wrong_type("time.Time", c.arg(i)))
}

/// `date FMT DATE`, `dateInZone FMT DATE ZONE`, `htmlDate DATE`,
/// `htmlDateInZone DATE ZONE`. `layout_at` is `usize::MAX` for the HTML
/// forms' fixed `2006-01-02`. Every zone shows as UTC (see the module docs).
pub(super) fn date_in_zone(
    c: &mut Call<'_>,
    layout_at: usize,
    date_at: usize,
    zone_at: Option<usize>,
) -> Result<Value> {
    let fixed = layout_at == usize::MAX;
    c.arity(usize::from(!fixed) + 1 + usize::from(zone_at.is_some()))?;
    let layout = if fixed {
        "2006-01-02"
    } else {
        c.str(layout_at)?
    };
    if let Some(i) = zone_at {
        c.str(i)?;
    }
    Ok(str_value(date_arg(c.arg(date_at)).utc().format(layout)))
}

/// `dateModify DURATION DATE`: DATE moved by DURATION; the plain form
/// ignores a bad duration.
pub(super) fn date_modify(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let spec = c.str(0)?;
    let date = time_param(c, 1)?;
    match parse_duration(spec) {
        // `Time.Add` keeps the monotonic reading, moved as well.
        Ok(d) => Ok(Value::Object(Rc::new(TimeObject {
            time: date.add(d),
            mono: mono_of(c.arg(1)).map(|m| m.saturating_add(d)),
        }))),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(date.into_value()),
    }
}

/// `toDate LAYOUT TEXT`: the zero time when TEXT does not parse, unless
/// `must`.
pub(super) fn to_date(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    match parse(c.str(0)?, c.str(1)?) {
        Ok(t) => Ok(t.into_value()),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(Time::from_unix(ZERO_UNIX).into_value()),
    }
}

/// `unixEpoch DATE`.
pub(super) fn unix_epoch(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(time_param(c, 0)?.unix.to_string()))
}

/// `ago DATE`: the time since DATE, to the second.
pub(super) fn ago(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let since = date_arg(c.arg(0)).until(&Time::now());
    Ok(str_value(duration_string(round_to_second(since))))
}

/// `duration SECONDS`: a count of seconds as a Go duration. Go only reads
/// strings and `int64`s; a plain template int is 0 seconds there.
pub(super) fn duration(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let secs = match c.arg(0) {
        Value::String(s) => strconv::int(s, 10).map_or(0, |(n, _)| n),
        Value::Int64(n) => *n,
        _ => 0,
    };
    Ok(str_value(duration_string(secs.wrapping_mul(1_000_000_000))))
}

/// `durationRound D`: the largest whole unit of a duration string (or the
/// time since a date): `2h`, `3mo`, `1y`.
pub(super) fn duration_round(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let nanos = match c.arg(0) {
        Value::String(s) => parse_duration(s).or_else(|_| {
            Time::from_value(c.arg(0))
                .map(|t| t.until(&Time::now()))
                .ok_or(())
        }),
        Value::Int64(n) => Ok(*n),
        other => Time::from_value(other)
            .map(|t| t.until(&Time::now()))
            .ok_or(()),
    }
    .unwrap_or(0);
    let u = nanos.unsigned_abs();
    const SECOND: u64 = 1_000_000_000;
    const MINUTE: u64 = 60 * SECOND;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const MONTH: u64 = 30 * DAY;
    const YEAR: u64 = 365 * DAY;
    let out = [
        (YEAR, "y"),
        (MONTH, "mo"),
        (DAY, "d"),
        (HOUR, "h"),
        (MINUTE, "m"),
        (SECOND, "s"),
    ]
    .iter()
    .find(|(unit, _)| u > *unit)
    .map_or_else(
        || "0s".to_string(),
        |(unit, suffix)| format!("{}{suffix}", u / unit),
    );
    Ok(str_value(out))
}
