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

/// Go's `strconv.ParseInt(s, base, 64)` for base 0 (prefixes and
/// underscores allowed), 8 or 10. On overflow Go returns the clamped
/// value with an error: that is `Some((clamped, false))`.
pub(super) fn int(s: &str, base: u32) -> Option<(i64, bool)> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (magnitude, ok) = uint(body, base, s)?;
    if neg {
        if magnitude > 1u64 << 63 {
            Some((i64::MIN, false))
        } else {
            Some(((magnitude as i64).wrapping_neg(), ok))
        }
    } else if magnitude >= 1u64 << 63 {
        Some((i64::MAX, false))
    } else {
        Some((magnitude as i64, ok))
    }
}

/// Go's `strconv.ParseUint`; `whole` is the original text for the
/// underscore check.
fn uint(s: &str, base: u32, whole: &str) -> Option<(u64, bool)> {
    if s.is_empty() {
        return None;
    }
    let b = s.as_bytes();
    let base0 = base == 0;
    let (base, digits) = if base0 {
        if b[0] == b'0' {
            match b.get(1).map(|c| c | 0x20) {
                Some(b'b') if b.len() >= 3 => (2, &s[2..]),
                Some(b'o') if b.len() >= 3 => (8, &s[2..]),
                Some(b'x') if b.len() >= 3 => (16, &s[2..]),
                _ => (8, &s[1..]),
            }
        } else {
            (10, s)
        }
    } else {
        (base, s)
    };
    let mut value: u64 = 0;
    let mut overflow = false;
    let mut underscores = false;
    for c in digits.chars() {
        if c == '_' && base0 {
            underscores = true;
            continue;
        }
        let d = c.to_digit(base)?;
        match value
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(d)))
        {
            Some(v) => value = v,
            None => overflow = true,
        }
    }
    if underscores && !underscore_ok(whole) {
        return None;
    }
    if overflow {
        return Some((u64::MAX, false));
    }
    Some((value, true))
}

/// Go's `strconv.ParseFloat(s, 64)`; `None` for syntax and range
/// errors alike (cast turns both into 0).
pub(super) fn float(s: &str) -> Option<f64> {
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
