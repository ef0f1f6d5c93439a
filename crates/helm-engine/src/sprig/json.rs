//! Go's `encoding/json` output for template values (Helm's `toJson` and
//! the JSON leg of its `toYaml`), and sprig's `toPrettyJson`, `toRawJson`
//! and `mustFromJson` on top of it.

use std::fmt::Write as _;

use gotemplate::{Call, Value};

use super::convert::from_json;
use super::govalue::{go_float, sci_notation, shortest_digits, MAX_DEPTH};
use super::{str_value, Result};

/// The layouts Helm and sprig write JSON in.
#[derive(Clone, Copy)]
pub(crate) enum Style {
    /// `json.Marshal(v)`: compact, HTML characters escaped.
    Marshal,
    /// `json.MarshalIndent(v, "", "  ")`, HTML characters escaped.
    Pretty,
    /// `json.Encoder` with `SetEscapeHTML(false)`, compact.
    Raw,
}

/// Encodes `v`; fails on NaN, infinities and functions as Go does.
pub(crate) fn encode(v: &Value, style: Style) -> Result<String, String> {
    let mut out = String::new();
    write_value(&mut out, v, style, 0)?;
    Ok(out)
}

/// Go's float encoding: shortest digits, exponent only outside
/// `[1e-6, 1e21)` and without exponent padding.
pub(crate) fn float(f: f64) -> Result<String, String> {
    if !f.is_finite() {
        return Err(format!("json: unsupported value: {}", go_float(f)));
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let (digits, exp) = shortest_digits(f);
        let sign = if f < 0.0 { "-" } else { "" };
        return Ok(format!("{sign}{}", sci_notation(&digits, exp, false)));
    }
    Ok(format!("{f}"))
}

fn newline(out: &mut String, style: Style, depth: usize) {
    if let Style::Pretty = style {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    }
}

fn write_value(out: &mut String, v: &Value, style: Style, depth: usize) -> Result<(), String> {
    if depth >= MAX_DEPTH {
        // Go's words when it gives up on a deep map.
        return Err(format!(
            "json: unsupported value: encountered a cycle via {}",
            v.type_name()
        ));
    }
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) | Value::Int64(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Uint(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(f) => out.push_str(&float(*f)?),
        Value::String(s) => write_string(out, s, style),
        Value::List(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, style, depth + 1);
                write_value(out, item, style, depth + 1)?;
            }
            newline(out, style, depth);
            out.push(']');
        }
        // `[]byte` is base64 in JSON.
        Value::Bytes(bytes) => write_string(out, &super::base64::encode(bytes), style),
        Value::Map(map) if map.is_nil() => out.push_str("null"),
        Value::Map(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (key, item)) in map.snapshot().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, style, depth + 1);
                write_string(out, key, style);
                out.push(':');
                if let Style::Pretty = style {
                    out.push(' ');
                }
                write_value(out, item, style, depth + 1)?;
            }
            newline(out, style, depth);
            out.push('}');
        }
        // `time.Time` and `*semver.Version` marshal themselves as strings
        // (RFC 3339 and the version); other objects as their text.
        Value::Object(o) => {
            if let Some(text) = super::time::json_text(v) {
                write_string(out, &text, style);
                return Ok(());
            }
            if let Some(fields) = super::crypto::struct_fields(v, false) {
                return write_value(out, &Value::Map(fields), style, depth + 1);
            }
            if let Some(view) = super::govalue::reflect_view(v) {
                return write_value(out, &view, style, depth + 1);
            }
            if let Some(fields) = o.json_fields() {
                return write_struct(out, &fields, style, depth);
            }
            let mut text = String::new();
            o.write_v(&mut text);
            write_string(out, &text, style);
        }
    }
    Ok(())
}

/// A struct as `json.Marshal` writes it: its fields in order.
fn write_struct(
    out: &mut String,
    fields: &[(&'static str, Value)],
    style: Style,
    depth: usize,
) -> Result<(), String> {
    out.push('{');
    for (i, (key, item)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, style, depth + 1);
        write_string(out, key, style);
        out.push(':');
        if let Style::Pretty = style {
            out.push(' ');
        }
        write_value(out, item, style, depth + 1)?;
    }
    if !fields.is_empty() {
        newline(out, style, depth);
    }
    out.push('}');
    Ok(())
}

/// `s` as `json.Marshal` writes it: quoted, with Go's escapes.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_string(&mut out, s, Style::Marshal);
    out
}

/// A JSON string with Go's escapes.
fn write_string(out: &mut String, s: &str, style: Style) {
    let escape_html = matches!(style, Style::Marshal | Style::Pretty);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' if escape_html => {
                let _ = write!(out, "\\u{:04x}", ch as u32);
            }
            '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", ch as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Decodes JSON the way Go decodes into `interface{}`: numbers become
/// floats.
pub(super) fn decode(text: &str) -> Result<Value, String> {
    match decode_partial(text) {
        (value, None) => Ok(value),
        (_, Some(e)) => Err(e),
    }
}

/// Decodes JSON as Go's `json.Unmarshal` does, with its first error: a
/// syntax error decodes nothing; a number too large for a `float64` is
/// decoded as nil and the rest of the document still is.
pub(super) fn decode_partial(text: &str) -> (Value, Option<String>) {
    // Go's words for what it refuses, before serde_json reads the text.
    if let Some(e) = super::json_check::syntax_error(text) {
        return (Value::Nil, Some(e));
    }
    let (text, overflow) = super::json_check::null_overflows(text);
    let error = overflow
        .map(|n| format!("json: cannot unmarshal number {n} into Go value of type float64"));
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(parsed) => (from_json(&parsed), error),
        Err(e) => (Value::Nil, Some(e.to_string())),
    }
}

/// `toPrettyJson V` and `toRawJson V` (and their `must` twins, which
/// behave the same: sprig's plain versions panic on the same errors).
pub(super) fn to_json(c: &mut Call<'_>, style: Style) -> Result<Value> {
    c.arity(1)?;
    encode(c.arg(0), style)
        .map(str_value)
        .map_err(|e| c.fail(e))
}

/// `mustFromJson S`.
pub(super) fn must_from_json(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    decode(c.str(0)?).map_err(|e| c.fail(e))
}
