//! go-yaml v2's implicit typing (`resolve.go`): what a scalar reads as,
//! plain or with a tag, as Helm's YAML libraries read it.

use crate::sprig::time::days_in_month;
use crate::strconv::{float, parse_int, parse_uint};

/// What go-yaml v2 reads a scalar as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Scalar {
    /// `~`, `null`, `Null`, `NULL` or nothing.
    Null,
    /// YAML 1.1 booleans: `y`, `yes`, `on`, `true`, ... in three cases.
    Bool(bool),
    /// An integer that fits int64.
    Int(i64),
    /// An integer beyond int64 that fits uint64.
    Uint(u64),
    /// A float, infinities and NaN included.
    Float(f64),
    /// The text itself.
    Str,
    /// A timestamp, which go-yaml hands on as its text.
    Timestamp,
}

impl Scalar {
    /// The tag go-yaml names this kind by in errors (`!!int`).
    fn short_tag(self) -> &'static str {
        match self {
            Scalar::Null => "!!null",
            Scalar::Bool(_) => "!!bool",
            Scalar::Int(_) | Scalar::Uint(_) => "!!int",
            Scalar::Float(_) => "!!float",
            Scalar::Str => "!!str",
            Scalar::Timestamp => "!!timestamp",
        }
    }
}

/// The YAML core tags go-yaml resolves scalars against.
const TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// The `!!binary` tag, whose text is base64.
pub(crate) const BINARY_TAG: &str = "tag:yaml.org,2002:binary";

/// go-yaml v2's `resolve("", s)`: what a plain scalar reads as.
pub(crate) fn plain(s: &str) -> Scalar {
    implicit(s, true)
}

/// go-yaml v2's `resolve(tag, s)` for a scalar with an explicit tag: the
/// tag's kind when the text reads as it (an integer also reads as a float),
/// the text itself for `!!str`, `!!binary` (which the caller decodes) and
/// tags go-yaml does not know, else an error in go-yaml's words.
pub(crate) fn tagged(tag: &str, s: &str) -> Result<Scalar, String> {
    let short = tag.strip_prefix(TAG_PREFIX);
    let wanted = match short {
        Some("str") => return Ok(Scalar::Str),
        Some(kind @ ("null" | "bool" | "int" | "float" | "timestamp")) => kind,
        _ => return Ok(Scalar::Str),
    };
    let found = implicit(s, wanted == "timestamp");
    match (wanted, found) {
        ("null", Scalar::Null)
        | ("bool", Scalar::Bool(_))
        | ("int", Scalar::Int(_) | Scalar::Uint(_))
        | ("float", Scalar::Float(_))
        | ("timestamp", Scalar::Timestamp) => Ok(found),
        // Precision loss is Go's too: float64(int64).
        #[allow(clippy::cast_precision_loss)]
        ("float", Scalar::Int(i)) => Ok(Scalar::Float(i as f64)),
        _ => Err(format!(
            "cannot decode {} `{s}` as a !!{wanted}",
            found.short_tag()
        )),
    }
}

/// Whether go-yaml v2 reads `s`, written plain, as a string.
pub(crate) fn resolves_to_str(s: &str) -> bool {
    plain(s) == Scalar::Str
}

/// The resolution itself. Only a string's first byte tells whether it may
/// be something else, as in go-yaml's `resolveTable`.
fn implicit(s: &str, timestamps: bool) -> Scalar {
    let Some(&first) = s.as_bytes().first() else {
        return Scalar::Null;
    };
    match first {
        b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~' => {
            word(s).unwrap_or(Scalar::Str)
        }
        b'.' => word(s)
            .or_else(|| float(s).map(Scalar::Float))
            .unwrap_or(Scalar::Str),
        b'+' | b'-' | b'0'..=b'9' => word(s)
            .or_else(|| (timestamps && is_timestamp(s)).then_some(Scalar::Timestamp))
            .or_else(|| number(s))
            .unwrap_or(Scalar::Str),
        _ => Scalar::Str,
    }
}

/// The words go-yaml v2 reads as booleans, nulls or special floats. (Its
/// table also has the merge key `<<`, but never looks it up: `<` is not a
/// first byte it checks, so `<<` stays a plain string.)
fn word(s: &str) -> Option<Scalar> {
    Some(match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Scalar::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Scalar::Bool(false)
        }
        "~" | "null" | "Null" | "NULL" => Scalar::Null,
        ".nan" | ".NaN" | ".NAN" => Scalar::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Scalar::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Scalar::Float(f64::NEG_INFINITY),
        _ => return None,
    })
}

/// The number branch of go-yaml v2's `resolve`, underscores dropped first.
/// (Newer go-yaml forks also read integers beyond 64 bits as big integers;
/// the one in Helm v4 does not, so `0xFFFFFFFFFFFFFFFFFF` stays a string.)
fn number(s: &str) -> Option<Scalar> {
    let plain = s.replace('_', "");
    if let Ok(i) = parse_int(&plain, 0) {
        return Some(Scalar::Int(i));
    }
    if let Ok(u) = parse_uint(&plain, 0) {
        return Some(Scalar::Uint(u));
    }
    if is_yaml_style_float(&plain) {
        if let Some(f) = plain.parse::<f64>().ok().filter(|f| f.is_finite()) {
            return Some(Scalar::Float(f));
        }
    }
    let binary = |digits: &str| {
        parse_int(digits, 2)
            .map(Scalar::Int)
            .or_else(|_| parse_uint(digits, 2).map(Scalar::Uint))
            .ok()
    };
    if let Some(digits) = plain.strip_prefix("0b") {
        binary(digits)
    } else if let Some(digits) = plain.strip_prefix("-0b") {
        parse_int(&format!("-{digits}"), 2).map(Scalar::Int).ok()
    } else {
        None
    }
}

/// go-yaml v2's `yamlStyleFloat`:
/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let integer = count_digits(&b[i..]);
    i += integer;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let fraction = count_digits(&b[i..]);
        if integer == 0 && fraction == 0 {
            return false;
        }
        i += fraction;
    } else if integer == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = count_digits(&b[i..]);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == b.len()
}

/// The number of leading ASCII digits.
fn count_digits(b: &[u8]) -> usize {
    b.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// go-yaml v2's `parseTimestamp`: a string starting with four digits and `-`
/// that Go's `time.Parse` accepts in one of the layouts
/// `2006-1-2T15:4:5.999999999Z07:00` (also with `t`),
/// `2006-1-2 15:4:5.999999999` or `2006-1-2`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    [Some(b'T'), Some(b't'), Some(b' '), None]
        .into_iter()
        .any(|separator| parse_timestamp(b, separator).is_some())
}

/// Parses `b` like Go's `time.Parse` with the layout whose date and time are
/// split by `separator` (`None`: date only); `None` where it fails.
fn parse_timestamp(b: &[u8], separator: Option<u8>) -> Option<()> {
    let year: u32 = b[..4]
        .iter()
        .map(|d| u32::from(d - b'0'))
        .fold(0, |n, d| n * 10 + d);
    let mut rest = &b[4..];
    rest = rest.strip_prefix(b"-")?;
    let month = go_getnum(&mut rest)?;
    rest = rest.strip_prefix(b"-")?;
    let day = go_getnum(&mut rest)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if let Some(separator) = separator {
        if separator == b' ' {
            // A layout space matches any run of spaces.
            if rest.first().is_some_and(|&c| c != b' ') {
                return None;
            }
            rest = &rest[rest.iter().take_while(|&&c| c == b' ').count()..];
        } else {
            rest = rest.strip_prefix(&[separator])?;
        }
        let hour = go_getnum(&mut rest)?;
        rest = rest.strip_prefix(b":")?;
        let minute = go_getnum(&mut rest)?;
        rest = rest.strip_prefix(b":")?;
        let second = go_getnum(&mut rest)?;
        if hour >= 24 || minute >= 60 || second >= 60 {
            return None;
        }
        // Optional fractional seconds: `.` or `,` and digits.
        if let [b'.' | b',', b'0'..=b'9', ..] = rest {
            rest = &rest[1 + count_digits(&rest[1..])..];
        }
        if separator != b' ' {
            match rest {
                [b'Z', tail @ ..] => rest = tail,
                [b'+' | b'-', h1, h2, b':', m1, m2, tail @ ..]
                    if [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()) =>
                {
                    let hours = u32::from(h1 - b'0') * 10 + u32::from(h2 - b'0');
                    let minutes = u32::from(m1 - b'0') * 10 + u32::from(m2 - b'0');
                    if hours > 24 || minutes > 60 {
                        return None;
                    }
                    rest = tail;
                }
                _ => return None,
            }
        }
    }
    (rest.is_empty() && day >= 1 && day <= days_in_month(month, i64::from(year))).then_some(())
}

/// Go's `getnum(s, false)`: one or two digits.
fn go_getnum(rest: &mut &[u8]) -> Option<u32> {
    let digits = count_digits(rest).min(2);
    if digits == 0 {
        return None;
    }
    let n = rest[..digits]
        .iter()
        .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    *rest = &rest[digits..];
    Some(n)
}
