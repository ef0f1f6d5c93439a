//! Helm's `toToml`, `mustToToml` and `fromToml`: BurntSushi/toml's encoder
//! as Helm v4.2.3 drives it (no rewriting of whole floats: a values-file
//! `9` prints `9.0`), and its decoder's Go types (`int64`, `float64`,
//! `time.Time`, `[]interface {}`, `map[string]interface {}`).

use std::fmt::Write as _;

use gotemplate::{Call, ListKind, Map, MapKind, Str, Value};

use super::govalue::{go_float, too_deep, MAX_DEPTH};
use super::time::{days_from_civil, json_text, Time};
use super::{str_value, Result};

/// BurntSushi's errors, in its words.
const NO_KEY: &str = "toml: top-level values must be Go maps or structs";
const NIL_ELEMENT: &str = "toml: cannot encode array with nil element";
/// Go's panic for `Encode(nil)`.
const NIL: &str = "reflect: call of reflect.Value.Type on zero Value";

/// `toToml V`: the TOML text, or the encoder's error as the text.
pub(super) fn to_toml(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    match encode(c.arg(0)) {
        Ok(text) => Ok(str_value(text)),
        Err(e) if e == NIL => Err(c.fail(e)),
        Err(e) => Ok(str_value(e)),
    }
}

/// `mustToToml V`: the TOML text, failing on the encoder's error.
pub(super) fn must_to_toml(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    encode(c.arg(0)).map(str_value).map_err(|e| c.fail(e))
}

/// BurntSushi's `Encoder.Encode` with its default two-space indent.
fn encode(v: &Value) -> Result<String, String> {
    let mut enc = Encoder::default();
    if let Some(entries) = struct_or_map(v) {
        enc.map(&[], &entries, MAX_DEPTH)?;
        return Ok(enc.out);
    }
    match v {
        Value::Nil => return Err(NIL.into()),
        Value::List(l) if is_array_of_tables(l.items())? => return Err(NO_KEY.into()),
        other => enc.element(other, MAX_DEPTH)?,
    }
    Ok(enc.out)
}

#[derive(Default)]
struct Encoder {
    out: String,
}

/// TOML's kind of a value, as the encoder sorts it.
fn is_table(v: &Value) -> Result<bool, String> {
    Ok(match v {
        Value::Map(_) => true,
        Value::Object(_) => struct_or_map(v).is_some(),
        Value::List(l) => is_array_of_tables(l.items())?,
        _ => false,
    })
}

/// Whether a list is an array of tables: every item a map; a nil item is
/// an error wherever the list is written.
fn is_array_of_tables(items: &[Value]) -> Result<bool, String> {
    if items.iter().any(Value::is_nil) {
        return Err(NIL_ELEMENT.into());
    }
    Ok(!items.is_empty() && items.iter().all(|v| matches!(v, Value::Map(_))))
}

/// What BurntSushi encodes as a table: a map's entries (sorted keys), or
/// a struct's fields in declaration order (a `sprig.certificate`,
/// `.Capabilities` and its parts).
fn struct_or_map(v: &Value) -> Option<Vec<(Str, Value)>> {
    match v {
        Value::Map(m) => Some(m.snapshot()),
        Value::Object(o) => match super::crypto::struct_fields(v, false) {
            Some(fields) => Some(fields.snapshot()),
            // Unexported fields are not encoded.
            None => Some(
                o.fields()?
                    .into_iter()
                    .filter(|(name, _)| name.starts_with(|c: char| c.is_ascii_uppercase()))
                    .map(|(name, value)| (Str::from(name), value))
                    .collect(),
            ),
        },
        _ => None,
    }
}

/// Go's `dblQuotedReplacer`.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `Key.maybeQuoted`: bare when made of `A-Za-z0-9_-` only.
fn key_piece(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        quoted(k)
    }
}

fn key_path(key: &[String]) -> String {
    key.iter()
        .map(|k| key_piece(k))
        .collect::<Vec<_>>()
        .join(".")
}

impl Encoder {
    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn indent(&mut self, key: &[String]) {
        for _ in 1..key.len() {
            self.out.push_str("  ");
        }
    }

    /// `eMap`: direct keys first, then tables, each group sorted; nil
    /// values skipped.
    fn map(
        &mut self,
        key: &[String],
        entries: &[(Str, Value)],
        depth: usize,
    ) -> Result<(), String> {
        let depth = depth.checked_sub(1).ok_or_else(|| too_deep().to_string())?;
        let mut direct = Vec::new();
        let mut sub = Vec::new();
        for (k, v) in entries {
            if v.is_nil() {
                continue;
            }
            if is_table(v)? {
                sub.push((k, v));
            } else {
                direct.push((k, v));
            }
        }
        for (k, v) in direct.into_iter().chain(sub) {
            let mut path = key.to_vec();
            path.push(k.to_string());
            self.value(&path, v, depth)?;
        }
        Ok(())
    }

    /// `encode`: a key's value, as a table, an array of tables or a
    /// `key = value` line.
    fn value(&mut self, key: &[String], v: &Value, depth: usize) -> Result<(), String> {
        if let Some(entries) = struct_or_map(v) {
            return self.table(key, &entries, depth);
        }
        match v {
            Value::List(l) if is_array_of_tables(l.items())? => {
                for item in l.iter() {
                    if let Value::Map(m) = item {
                        self.newline();
                        self.indent(key);
                        let _ = write!(self.out, "[[{}]]", key_path(key));
                        self.newline();
                        self.map(key, &m.snapshot(), depth)?;
                    }
                }
                Ok(())
            }
            other => {
                self.indent(key);
                let _ = write!(self.out, "{} = ", key_piece(&key[key.len() - 1]));
                self.element(other, depth)?;
                self.newline();
                Ok(())
            }
        }
    }

    /// `eTable`.
    fn table(&mut self, key: &[String], m: &[(Str, Value)], depth: usize) -> Result<(), String> {
        if key.len() == 1 {
            self.newline();
        }
        self.indent(key);
        let _ = write!(self.out, "[{}]", key_path(key));
        self.newline();
        self.map(key, m, depth)
    }

    /// A map or struct inline: `{k = v, …}`, tables last.
    fn inline_table(&mut self, entries: &[(Str, Value)], depth: usize) -> Result<(), String> {
        self.out.push('{');
        let mut direct = Vec::new();
        let mut sub = Vec::new();
        for (k, v) in entries.iter().filter(|(_, v)| !v.is_nil()) {
            if is_table(v)? {
                sub.push((k, v));
            } else {
                direct.push((k, v));
            }
        }
        let total = direct.len() + sub.len();
        for (i, (k, v)) in direct.into_iter().chain(sub).enumerate() {
            let _ = write!(self.out, "{} = ", key_piece(k));
            self.element(v, depth)?;
            if i + 1 != total {
                self.out.push_str(", ");
            }
        }
        self.out.push('}');
        Ok(())
    }

    /// `eElement`: a value inline.
    fn element(&mut self, v: &Value, depth: usize) -> Result<(), String> {
        let depth = depth.checked_sub(1).ok_or_else(|| too_deep().to_string())?;
        match v {
            Value::Nil => return Err(NIL_ELEMENT.into()),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) | Value::Int64(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::Uint(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::Float(f) => self.out.push_str(&float(*f)),
            Value::String(s) => self.out.push_str(&quoted(s)),
            Value::Bytes(b) => {
                let items: Vec<Value> = b.iter().map(|b| Value::Uint(u64::from(*b))).collect();
                self.array(&items, depth)?;
            }
            Value::List(l) => {
                if l.iter().any(Value::is_nil) {
                    return Err(NIL_ELEMENT.into());
                }
                self.array(l.items(), depth)?;
            }
            Value::Map(m) => self.inline_table(&m.snapshot(), depth)?,
            Value::Object(o) => match json_text(v) {
                // A `time.Time` is a TOML datetime, unquoted.
                Some(datetime) => self.out.push_str(&datetime),
                None => match struct_or_map(v) {
                    Some(entries) => self.inline_table(&entries, depth)?,
                    None => {
                        let mut text = String::new();
                        o.write_v(&mut text);
                        self.out.push_str(&quoted(&text));
                    }
                },
            },
        }
        Ok(())
    }

    fn array(&mut self, items: &[Value], depth: usize) -> Result<(), String> {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.element(item, depth)?;
        }
        self.out.push(']');
        Ok(())
    }
}

/// BurntSushi's floats: Go's `%g`, with `.0` added to a whole number.
fn float(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+inf" } else { "-inf" }.into();
    }
    let text = go_float(f);
    if text.contains(['.', 'e']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// `fromToml S`: the document as a map; on failure a map holding the
/// error under `Error`.
pub(super) fn from_toml(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let text = c.str(0)?;
    Ok(match text.parse::<toml::Table>() {
        Ok(table) => table_value(&table),
        Err(e) => {
            let map = Map::new(MapKind::Any);
            let message = e.message().trim_end().to_string();
            map.insert("Error", str_value(format!("toml: {message}")));
            Value::Map(map)
        }
    })
}

fn table_value(table: &toml::Table) -> Value {
    let map = Map::new(MapKind::Any);
    for (k, v) in table {
        map.insert(k.as_str(), toml_value(v));
    }
    Value::Map(map)
}

/// A TOML value as BurntSushi decodes it into `interface{}`.
fn toml_value(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => str_value(s.as_str()),
        toml::Value::Integer(n) => Value::Int64(*n),
        toml::Value::Float(f) => Value::Float(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => datetime(d),
        // An array of tables is a `[]map[string]interface {}` in Go; the
        // value model has `[]interface {}` only.
        toml::Value::Array(items) => Value::List(gotemplate::List::new(
            ListKind::Any,
            items.iter().map(toml_value).collect(),
        )),
        toml::Value::Table(t) => table_value(t),
    }
}

/// A TOML datetime as BurntSushi's `time.Time`: local kinds in its zones
/// `datetime-local`, `date-local` and `time-local`.
fn datetime(d: &toml::value::Datetime) -> Value {
    let (year, month, day) = d.date.map_or((0, 1, 1), |date| {
        (
            i64::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
    });
    let (hour, minute, second, nanos) = d.time.map_or((0, 0, 0, 0), |t| {
        (
            i64::from(t.hour),
            i64::from(t.minute),
            i64::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )
    });
    let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let (offset, zone) = match (d.offset, d.date, d.time) {
        (Some(toml::value::Offset::Z), _, _) => (0, "UTC".to_string()),
        (Some(toml::value::Offset::Custom { minutes }), _, _) => {
            let secs = i32::from(minutes) * 60;
            let sign = if secs < 0 { '-' } else { '+' };
            let abs = secs.unsigned_abs();
            (secs, format!("{sign}{:02}{:02}", abs / 3600, abs / 60 % 60))
        }
        (None, Some(_), Some(_)) => (0, "datetime-local".into()),
        (None, Some(_), None) => (0, "date-local".into()),
        (None, None, _) => (0, "time-local".into()),
    };
    Time::value(local - i64::from(offset), nanos, offset, &zone)
}
