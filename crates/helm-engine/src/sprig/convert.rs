//! Number conversions (spf13/cast and strconv): what `int`, `float64`
//! and the math functions do to their arguments, `atoi`, `toDecimal`.

use gotemplate::{Call, Map, MapKind, Value};

use super::govalue::go_sprint;
use super::Result;
use crate::strconv;

/// Go's `int64(f)` on amd64: truncation, and the "integer indefinite"
/// `MinInt64` for NaN and out-of-range values.
pub(super) fn go_f64_to_i64(f: f64) -> i64 {
    let limit = -(i64::MIN as f64);
    if f.is_nan() || !(-limit..limit).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// cast's `ToInt64`: what `int`, `int64`, `add` and the other integer
/// functions do to their arguments. Anything unconvertible is 0.
pub(super) fn to_int64(v: &Value) -> i64 {
    match v {
        Value::Bool(b) => i64::from(*b),
        Value::Int(n) | Value::Int64(n) => *n,
        Value::Uint(n) => *n as i64,
        Value::Float(f) => go_f64_to_i64(*f),
        Value::String(s) => match strconv::int(trim_zero_decimal(s), 0) {
            Some((n, true)) => n,
            _ => 0,
        },
        _ => 0,
    }
}

/// cast's `ToFloat64`.
pub(super) fn to_float64(v: &Value) -> f64 {
    match v {
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Int(n) | Value::Int64(n) => *n as f64,
        Value::Uint(n) => *n as f64,
        Value::Float(f) => *f,
        Value::String(s) => strconv::float(s).unwrap_or(0.0),
        _ => 0.0,
    }
}

/// cast's `trimZeroDecimal`: `"12.00"` becomes `"12"`.
fn trim_zero_decimal(s: &str) -> &str {
    let mut found_zero = false;
    for (i, b) in s.bytes().enumerate().rev() {
        match b {
            b'.' if found_zero => return &s[..i],
            b'.' => {}
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// `atoi S`: Go's `strconv.Atoi`, 0 on a syntax error and the clamped value
/// on overflow (sprig ignores the error).
pub(super) fn atoi(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::Int(
        strconv::int(c.str(0)?, 10).map_or(0, |(n, _)| n),
    ))
}

/// `toDecimal V`: V printed and read as an octal number (`"777"` is 511).
pub(super) fn to_decimal(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = match strconv::int(&go_sprint(c.arg(0))?, 8) {
        Some((n, true)) => n,
        _ => 0,
    };
    Ok(Value::Int64(n))
}

/// A JSON document as Go decodes it into `interface{}`: numbers are
/// `float64`, objects `map[string]interface {}`. Helm reads values files
/// (and `fromJson`, `fromYaml`) this way.
pub(crate) fn from_json(json: &serde_json::Value) -> Value {
    use serde_json::Value as Json;
    match json {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        Json::String(s) => Value::string(s.as_str()),
        Json::Array(items) => Value::list(items.iter().map(from_json).collect()),
        Json::Object(fields) => Value::Map(from_json_map(fields, MapKind::Any)),
    }
}

/// A JSON object as [`from_json`] reads it, as a map of Go type `kind`
/// (Helm's `.Values` is a `common.Values`).
pub(crate) fn from_json_map(
    fields: &serde_json::Map<String, serde_json::Value>,
    kind: MapKind,
) -> Map {
    Map::from_entries(
        kind,
        fields
            .iter()
            .map(|(k, v)| (gotemplate::Str::from(k.as_str()), from_json(v)))
            .collect(),
    )
}
