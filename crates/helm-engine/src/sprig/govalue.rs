//! Go's view of values: type and kind names, emptiness, and `%v`
//! formatting.

use std::fmt::Write as _;

use gotmpl::Value;

use super::{Call, Result};

/// The static Go type a value would have as a template argument, for
/// conversion errors (`got float64`). A nil from a values file is an empty
/// `interface {}`.
pub(super) fn go_static_type(v: &Value) -> &'static str {
    match v {
        Value::Nil => "interface {}",
        other => go_type_of(other),
    }
}

/// Go's `%T`, what sprig's `typeOf` prints.
///
/// Ints are reported as `int`, which is what template literals and most
/// functions produce; sprig's `int64`, `add` and friends return `int64` in
/// Go, which the value model cannot tell apart.
pub(super) fn go_type_of(v: &Value) -> &'static str {
    match v {
        Value::Nil => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::List(_) => "[]interface {}",
        Value::Map(_) => "map[string]interface {}",
        _ => "func()",
    }
}

/// Go's `reflect.Kind` name, what sprig's `kindOf` prints.
pub(super) fn go_kind_of(v: &Value) -> &'static str {
    match v {
        Value::Nil => "invalid",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::List(_) => "slice",
        Value::Map(_) => "map",
        _ => "func",
    }
}

/// Go's type name in a failed interface conversion (`interface {} is nil`).
pub(super) fn go_dynamic_type(v: &Value) -> &'static str {
    match v {
        Value::Nil => "nil",
        other => go_type_of(other),
    }
}

/// A predicate over a type or kind name and a value.
pub(super) fn type_pred(c: &Call<'_>, f: impl Fn(&str, &Value) -> bool) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(f(c.str(0)?, c.arg(1))))
}

/// sprig's `empty`: nil, false, zero numbers and empty strings, lists and
/// maps are empty.
pub(super) fn is_empty(v: &Value) -> bool {
    !v.is_truthy()
}

/// Go's `fmt.Sprint` of one value, `%v`: floats print in the shortest form
/// with an exponent from 1e6 up and below 1e-4 (`1e+06`), nested values in
/// Go's `[a b]` and `map[k:v]` syntax.
pub(super) fn go_sprint(v: &Value) -> String {
    let mut out = String::new();
    write_go_value(&mut out, v);
    out
}

/// Appends `%v` of `v` to `out`.
fn write_go_value(out: &mut String, v: &Value) {
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Uint(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(f) => out.push_str(&go_float(*f)),
        Value::String(s) => out.push_str(s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go_value(out, item);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push_str("map[");
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_go_value(out, item);
            }
            out.push(']');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// sprig's `strval`: strings as they are, everything else through `%v`.
pub(super) fn strval(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        other => go_sprint(other),
    }
}

/// The shortest decimal digits of a finite, non-zero float and its decimal
/// exponent: `1234.5` is `("12345", 3)`.
pub(super) fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest digits that round-trip, as Go's
    // `strconv` does with precision -1.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which `%v` uses.
pub(crate) fn go_float(f: f64) -> String {
    go_g(f, shortest_digits(f))
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`: the shortest digits that
/// read back as the same float32 (how sigs.k8s.io/yaml names a float key).
pub(crate) fn go_float32(f: f64) -> String {
    // Rounding to float32 is the point here.
    #[allow(clippy::cast_possible_truncation)]
    let single = f as f32;
    let sci = format!("{:e}", single.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    go_g(f64::from(single), (digits, exp.parse().unwrap_or(0)))
}

/// `%g` with the shortest digits of `f`.
fn go_g(f: f64, (digits, exp): (String, i32)) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let sign = if f < 0.0 { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        format!("{sign}{}", sci_notation(&digits, exp, true))
    } else {
        format!("{sign}{}", fixed_notation(&digits, exp))
    }
}

/// `d.ddde±XX` from shortest digits; Go pads the exponent to two digits in
/// `%v` and drops the padding in JSON.
pub(super) fn sci_notation(digits: &str, exp: i32, pad_exp: bool) -> String {
    let (first, rest) = digits.split_at(1.min(digits.len()));
    let mut out = String::from(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let sign = if exp < 0 { '-' } else { '+' };
    if pad_exp {
        let _ = write!(out, "e{sign}{:02}", exp.unsigned_abs());
    } else {
        let _ = write!(out, "e{sign}{}", exp.unsigned_abs());
    }
    out
}

/// Plain decimal notation from shortest digits.
fn fixed_notation(digits: &str, exp: i32) -> String {
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if exp < 0 {
        let zeros = usize::try_from(-exp - 1).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else if exp + 1 >= len {
        let zeros = usize::try_from(exp + 1 - len).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else {
        let point = usize::try_from(exp + 1).unwrap_or(0);
        format!("{}.{}", &digits[..point], &digits[point..])
    }
}

/// Go's `strconv.Quote`, what `%q` prints.
pub(super) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if go_is_print(c) => out.push(c),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols
/// and the ASCII space. Without Unicode category tables this rejects what
/// `char` can tell (controls, spaces, private use, noncharacters) and the
/// format characters listed by hand.
fn go_is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    const FORMAT: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        // Private use.
        (0xE000, 0xF8FF),
        (0xF0000, 0x10FFFF),
        // Noncharacters.
        (0xFDD0, 0xFDEF),
    ];
    if FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)) {
        return false;
    }
    u & 0xFFFE != 0xFFFE
}
