//! Go's view of values: type and kind names, emptiness, and `%v`
//! formatting.

use std::fmt::Write as _;

use gotemplate::{Call, Error, Value};

use super::Result;

/// How deeply `%v` and the encoders follow nested values. Go has no bound
/// for `%v` (a map that holds itself overflows its stack and kills Helm)
/// and stops JSON at 1000 levels; past this bound the function fails.
pub(crate) const MAX_DEPTH: usize = 1000;

/// The error for a value nested past [`MAX_DEPTH`].
pub(super) fn too_deep() -> Error {
    Error::func(format!(
        "value nested more than {MAX_DEPTH} levels deep (does a map hold itself?)"
    ))
}

/// A Go map or slice type with methods (`.Files`, an `engine.files`;
/// `.Capabilities.APIVersions`, a `common.VersionSet`) as the plain map or
/// list reflection and the encoders see; `None` for any other value.
pub(crate) fn reflect_view(v: &Value) -> Option<Value> {
    let Value::Object(o) = v else { return None };
    let entries = o.entries()?;
    Some(match o.kind() {
        gotemplate::Kind::Slice => Value::list(entries.into_iter().map(|(_, v)| v).collect()),
        gotemplate::Kind::Map => Value::Map(gotemplate::Map::from_entries(
            gotemplate::MapKind::Any,
            entries
                .into_iter()
                .filter_map(|(k, v)| Some((gotemplate::Str::from(k.as_str()?), v)))
                .collect(),
        )),
        _ => return None,
    })
}

/// Go's type name in a failed interface conversion (`interface {} is nil`).
pub(super) fn go_dynamic_type(v: &Value) -> &str {
    match v {
        Value::Nil => "nil",
        other => other.type_name(),
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
    !v.is_true()
}

/// Go's `reflect.DeepEqual` on template values: the types must match (`1`
/// and `1.0` differ, so do `int` and `int64`), lists and maps compare item
/// by item, and a map is equal to itself.
pub(super) fn deep_equal(a: &Value, b: &Value) -> bool {
    deep_equal_at(a, b, MAX_DEPTH)
}

fn deep_equal_at(a: &Value, b: &Value, depth: usize) -> bool {
    if depth == 0 {
        return false;
    }
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) | (Value::Int64(x), Value::Int64(y)) => x == y,
        (Value::Uint(x), Value::Uint(y)) => x == y,
        // Go compares floats with `==`: NaN differs from itself.
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.kind() == y.kind()
                && x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|(p, q)| deep_equal_at(p, q, depth - 1))
        }
        (Value::Map(x), Value::Map(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            if x.kind() != y.kind() || x.len() != y.len() {
                return false;
            }
            let (xs, ys) = (x.snapshot(), y.snapshot());
            xs.iter()
                .zip(ys.iter())
                .all(|((k, p), (l, q))| k == l && deep_equal_at(p, q, depth - 1))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.type_name() == y.type_name() && {
                let (mut p, mut q) = (String::new(), String::new());
                x.write_v(&mut p);
                y.write_v(&mut q);
                p == q
            }
        }
        _ => false,
    }
}

/// Go's `fmt.Sprint` of one value, `%v`: floats print in the shortest form
/// with an exponent from 1e6 up and below 1e-4 (`1e+06`), nested values in
/// Go's `[a b]` and `map[k:v]` syntax; the engine's own printing, with an
/// error where a map holds itself.
pub(super) fn go_sprint(v: &Value) -> Result<String> {
    if gotemplate::fmt::too_deep(v) {
        return Err(too_deep());
    }
    Ok(gotemplate::fmt::sprint_value(v))
}

/// sprig's `strval`: strings as they are, everything else through `%v`.
pub(super) fn strval(v: &Value) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
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
