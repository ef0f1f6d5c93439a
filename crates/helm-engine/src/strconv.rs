//! Go's `strconv` number parsing.

/// Go's `underscoreOK`: underscores only between digits (or after a
/// base prefix).
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let mut saw = b'^';
    let mut hex = false;
    if b.len() >= i + 2 && b[i] == b'0' && matches!(b[i + 1] | 0x20, b'b' | b'o' | b'x') {
        hex = b[i + 1] | 0x20 == b'x';
        saw = b'0';
        i += 2;
    }
    for &c in &b[i..] {
        if c.is_ascii_digit() || hex && (c | 0x20).is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
    }
    saw != b'_'
}

/// Why Go's `strconv` rejected a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumError {
    /// Not a number in that syntax.
    Syntax,
    /// A number, but out of range.
    Range,
}

/// Go's `strconv.ParseUint(s, base, 64)`: base 0 takes the base from a
/// `0b`, `0o`, `0x` or `0` prefix and allows underscores between digits.
/// Like Go it reports overflow as soon as it happens, even before a bad
/// digit.
pub(crate) fn parse_uint(s: &str, base: u32) -> Result<u64, NumError> {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return Err(NumError::Syntax);
    }
    let base0 = base == 0;
    let (base, digits) = match (base, bytes) {
        (0, [b'0', prefix, _, ..]) if matches!(prefix | 0x20, b'b' | b'o' | b'x') => {
            let base = match prefix | 0x20 {
                b'b' => 2,
                b'o' => 8,
                _ => 16,
            };
            (base, &bytes[2..])
        }
        (0, [b'0', rest @ ..]) => (8, rest),
        (0, _) => (10, bytes),
        _ => (base, bytes),
    };
    let cutoff = u64::MAX / u64::from(base) + 1;
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let digit = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            _ if (c | 0x20).is_ascii_lowercase() => (c | 0x20) - b'a' + 10,
            _ => return Err(NumError::Syntax),
        };
        if u32::from(digit) >= base {
            return Err(NumError::Syntax);
        }
        if n >= cutoff {
            return Err(NumError::Range);
        }
        n = (n * u64::from(base))
            .checked_add(u64::from(digit))
            .ok_or(NumError::Range)?;
    }
    if underscores && !underscore_ok(s) {
        return Err(NumError::Syntax);
    }
    Ok(n)
}

/// Go's `strconv.ParseInt(s, base, 64)`.
pub(crate) fn parse_int(s: &str, base: u32) -> Result<i64, NumError> {
    let (negative, magnitude) = match s.as_bytes().first() {
        None => return Err(NumError::Syntax),
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        Some(_) => (false, s),
    };
    let magnitude = match parse_uint(magnitude, base) {
        Ok(n) => n,
        Err(NumError::Range) => u64::MAX,
        Err(NumError::Syntax) => return Err(NumError::Syntax),
    };
    let limit = 1_u64 << 63;
    match (negative, magnitude) {
        (false, n) if n < limit => i64::try_from(n).map_err(|_| NumError::Range),
        (true, n) if n <= limit => Ok(0_i64.wrapping_sub_unsigned(n)),
        _ => Err(NumError::Range),
    }
}

/// [`parse_int`] as Go's callers that ignore its error see it: on overflow
/// Go returns the clamped value with the error, `Some((clamped, false))`;
/// a syntax error is `None`.
pub(crate) fn int(s: &str, base: u32) -> Option<(i64, bool)> {
    match parse_int(s, base) {
        Ok(n) => Some((n, true)),
        Err(NumError::Range) if s.starts_with('-') => Some((i64::MIN, false)),
        Err(NumError::Range) => Some((i64::MAX, false)),
        Err(NumError::Syntax) => None,
    }
}

/// Go's `strconv.ParseFloat(s, 64)`; `None` for syntax and range
/// errors alike (cast turns both into 0).
pub(crate) fn float(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    if body.contains('_') && !underscore_ok(s) {
        return None;
    }
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    let magnitude = if lower.starts_with("0x") {
        hex_float(&cleaned[2..])?
    } else {
        let valid = !cleaned.is_empty()
            && cleaned
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
        if !valid {
            return None;
        }
        cleaned.parse::<f64>().ok()?
    };
    if magnitude.is_infinite() {
        return None;
    }
    Some(if neg { -magnitude } else { magnitude })
}

/// A hexadecimal float body after `0x`: mantissa, `.`, and a required
/// `p` exponent.
fn hex_float(s: &str) -> Option<f64> {
    let (mantissa, exp) = s.split_once(['p', 'P'])?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars().chain(frac_part.chars()) {
        value = value * 16.0 + f64::from(c.to_digit(16)?);
    }
    let scale = exp - 4 * i32::try_from(frac_part.len()).ok()?;
    Some(value * 2f64.powi(scale))
}
