//! Reading values files as Helm reads them, and locating their keys; and
//! writing YAML that Helm reads back exactly: every string double-quoted (so
//! `on`, `no`, `1.10`, `0755` or `1e3` stay strings under YAML 1.1 rules),
//! keys quoted when YAML 1.1 would read them as something else, and the
//! schema's descriptions as comments above the keys.

use std::fmt::Write;

use serde_json::Value as Json;

use crate::schema::description_at;
use helm_engine::read::{read_values, spans, ValuesText, YamlError};

/// Whether a YAML text holds nothing but blank lines and comments.
pub fn only_comments(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// A scalar as YAML: strings double-quoted with JSON escapes (a subset of
/// YAML's double-quoted escapes), numbers and booleans bare.
pub fn scalar(value: &Json) -> String {
    match value {
        Json::String(s) => Json::String(s.clone()).to_string(),
        Json::Null => "null".into(),
        other => other.to_string(),
    }
}

/// A mapping key, quoted unless it is plainly a string under YAML 1.1 and 1.2.
pub fn key(k: &str) -> String {
    const SPECIAL: &[&str] = &[
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<",
    ];
    let plain = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./".contains(c))
        && !SPECIAL.contains(&k.to_ascii_lowercase().as_str());
    if plain {
        k.to_owned()
    } else {
        scalar(&Json::String(k.to_owned()))
    }
}

/// Emits `value` as a block-style YAML document, with the description the
/// schema gives each key as a comment above it and a blank line between
/// top-level keys.
pub fn commented(value: &Json, schema: &Json) -> String {
    let mut out = String::new();
    if let Json::Object(map) = value {
        for (i, (k, v)) in map.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            entry(&mut out, 0, k, v, Some((schema, &mut vec![k.as_str()])));
        }
    }
    out
}

type SchemaCursor<'a, 'b> = Option<(&'a Json, &'b mut Vec<&'a str>)>;

fn entry<'a>(
    out: &mut String,
    indent: usize,
    k: &'a str,
    v: &'a Json,
    schema: SchemaCursor<'a, '_>,
) {
    let pad = " ".repeat(indent);
    let mut child_schema = None;
    if let Some((schema, path)) = schema {
        if let Some(description) = description_at(schema, path) {
            for line in description.lines() {
                let _ = writeln!(out, "{pad}# {line}");
            }
            child_schema = Some((schema, path));
        }
    }
    let _ = write!(out, "{pad}{}:", key(k));
    node(out, indent, v, child_schema);
}

fn node<'a>(out: &mut String, indent: usize, v: &'a Json, schema: SchemaCursor<'a, '_>) {
    match v {
        Json::Object(map) if !map.is_empty() => {
            out.push('\n');
            // Descend with the schema only into objects it describes key by key;
            // free-form maps (settings, annotations) get no per-key comments.
            match schema.filter(|(s, p)| properties_at(s, p).is_some()) {
                Some((s, path)) => {
                    for (k, child) in map {
                        path.push(k);
                        entry(out, indent + 2, k, child, Some((s, &mut *path)));
                        path.pop();
                    }
                }
                None => {
                    for (k, child) in map {
                        entry(out, indent + 2, k, child, None);
                    }
                }
            }
        }
        Json::Array(items) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                let pad = " ".repeat(indent + 2);
                match item {
                    Json::Object(map) if !map.is_empty() => {
                        for (i, (k, child)) in map.iter().enumerate() {
                            let lead = if i == 0 {
                                format!("{pad}- ")
                            } else {
                                format!("{pad}  ")
                            };
                            out.push_str(&lead);
                            let _ = write!(out, "{}:", key(k));
                            node(out, indent + 4, child, None);
                        }
                    }
                    _ => {
                        let _ = write!(out, "{pad}-");
                        node(out, indent + 2, item, None);
                    }
                }
            }
        }
        Json::Object(_) => out.push_str(" {}\n"),
        Json::Array(_) => out.push_str(" []\n"),
        scalar_value => {
            let _ = writeln!(out, " {}", scalar(scalar_value));
        }
    }
}

fn properties_at<'a>(schema: &'a Json, path: &[&str]) -> Option<&'a Json> {
    let mut node = schema;
    for key in path {
        node = node.get("properties")?.get(*key)?;
    }
    node.get("properties")
}

/// One row of a chart README's values table.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ValueRow {
    /// Dotted key, e.g. `image.tag`.
    pub key: String,
    /// JSON type(s) from the schema.
    #[serde(rename = "type")]
    pub kind: String,
    /// Default as compact JSON.
    pub default: String,
    /// The key's description.
    pub description: String,
}

/// The values table: one row per key the schema describes, nested objects
/// flattened to dotted keys, free-form maps and lists as one row. A key the
/// schema describes that `values.yaml` leaves out (`resources.limits.cpu`)
/// gets a row with an empty default.
pub fn value_rows(value: &Json, schema: &Json) -> Vec<ValueRow> {
    let mut rows = Vec::new();
    rows_of(Some(value), schema, &mut Vec::new(), &mut rows);
    rows
}

fn rows_of<'a>(
    value: Option<&'a Json>,
    schema: &'a Json,
    path: &mut Vec<&'a str>,
    rows: &mut Vec<ValueRow>,
) {
    let Some(Json::Object(props)) = schema.get("properties") else {
        return;
    };
    let values = value.and_then(Json::as_object);
    // values.yaml's order, then the keys only the schema has.
    let keys = values
        .into_iter()
        .flat_map(|m| m.keys())
        .filter(|k| props.contains_key(*k))
        .chain(
            props
                .keys()
                .filter(|k| !values.is_some_and(|m| m.contains_key(*k))),
        );
    for k in keys {
        let Some(prop) = props.get(k) else { continue };
        let v = values.and_then(|m| m.get(k));
        path.push(k);
        if prop.get("properties").is_some() && v.is_none_or(|v| v.is_object() || v.is_null()) {
            rows_of(v.filter(|v| v.is_object()), prop, path, rows);
        } else {
            rows.push(ValueRow {
                key: path.join("."),
                kind: type_of(prop),
                default: v.map(Json::to_string).unwrap_or_default(),
                description: prop
                    .get("description")
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .replace('|', "\\|")
                    .replace('\n', " "),
            });
        }
        path.pop();
    }
}

fn type_of(prop: &Json) -> String {
    match prop.get("type") {
        Some(Json::String(t)) => t.clone(),
        Some(Json::Array(ts)) => ts
            .iter()
            .filter_map(Json::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".into(),
    }
}

/// A values file as Helm reads it (see [`helm_engine::read`]): YAML 1.1,
/// every document merged, always a map; an error names the file's place.
pub fn values_document(file: &str, text: &str) -> crate::Result<Json> {
    values_file(file, text).map(|v| v.value)
}

/// [`values_document`], with where each value is written.
pub fn values_file(file: &str, text: &str) -> crate::Result<ValuesText> {
    read_values(text).map_err(|e| yaml_error(file, e))
}

/// A values file read, kept with its text to locate values in.
#[derive(Debug, Clone)]
pub struct ValuesSource {
    /// The file as the user named it.
    pub file: String,
    /// Its text.
    pub text: String,
    /// Its values and where they are written.
    pub read: ValuesText,
}

impl ValuesSource {
    /// Reads `text` (from `file`) as Helm reads a values file.
    pub fn read(file: &str, text: &str) -> crate::Result<Self> {
        Ok(ValuesSource {
            file: file.to_owned(),
            text: text.to_owned(),
            read: values_file(file, text)?,
        })
    }

    /// Reads the values file at `path` (standard input for `-`, as Helm
    /// reads `-f -`): UTF-8 text of at most [`MAX_VALUES_BYTES`].
    pub fn from_path(path: &std::path::Path) -> crate::Result<Self> {
        let (file, text) = values_text(path)?;
        Self::read(&file, &text)
    }

    /// Its values, a map.
    pub fn values(&self) -> serde_json::Map<String, Json> {
        self.read.value.as_object().cloned().unwrap_or_default()
    }
}

/// Largest values file (`-f`) chartgen reads, for `validate` and `lint`
/// alike: as large as Helm lets a file in a chart be. Helm itself bounds
/// no `-f` file; chartgen does, to bound its memory.
pub const MAX_VALUES_BYTES: u64 = crate::MAX_FILE_BYTES;

/// How a path given on the command line is named in messages: `-` is
/// standard input.
pub fn shown_path(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The bytes of the file at `path`, or of standard input for `-`, reading
/// at most `limit` bytes and one more whatever the file is (a pipe, a
/// FIFO, `/dev/zero`): `None` when it holds more than `limit`.
pub fn read_bounded(path: &std::path::Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The text of the values file at `path` (standard input for `-`), and
/// how it is named: UTF-8, at most [`MAX_VALUES_BYTES`].
pub fn values_text(path: &std::path::Path) -> crate::Result<(String, String)> {
    let file = shown_path(path);
    let refuse = |message: String, hint: Option<String>| crate::Error::Input {
        location: Some(crate::Location {
            file: file.clone(),
            line: None,
            column: None,
        }),
        key: None,
        message,
        hint,
    };
    let bytes = read_bounded(path, MAX_VALUES_BYTES)
        .map_err(|e| crate::Error::io("cannot read", &file, e).unreadable())?
        .ok_or_else(|| {
            refuse(
                format!(
                    "holds more than {MAX_VALUES_BYTES} bytes ({} MiB), the most chartgen reads \
                     of a values file",
                    MAX_VALUES_BYTES >> 20
                ),
                Some(
                    "that is as large as Helm lets a file in a chart be; split the values into \
                     several -f files"
                        .into(),
                ),
            )
        })?;
    let text =
        String::from_utf8(bytes).map_err(|_| refuse("the file is not UTF-8 text".into(), None))?;
    Ok((file, text))
}

/// A values text Helm cannot read, as an input error at its place.
pub fn yaml_error(file: &str, error: YamlError) -> crate::Error {
    error.in_file(file).into()
}

/// Where the value at key `path` is written in a YAML `text`, as
/// `(line, column)`: its key for a map entry, the value itself for a list
/// item (block or flow style alike). Keys are named as Helm names them
/// (`on:` is the key `true`).
pub fn locate(text: &str, path: &[String]) -> Option<(usize, usize)> {
    spans(text).get(path).map(|span| {
        let at = span.at();
        (at.line, at.column)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_1_1_lookalikes_stay_strings() {
        for s in [
            "on", "off", "yes", "no", "y", "n", "1.10", "0755", "1e3", "1_000", "",
        ] {
            assert_eq!(scalar(&json!(s)), format!("\"{s}\""));
        }
        assert_eq!(scalar(&json!(1000000)), "1000000");
        assert_eq!(key("on"), "\"on\"");
        assert_eq!(key("LOG_LEVEL"), "LOG_LEVEL");
        assert_eq!(key("app.kubernetes.io/name"), "app.kubernetes.io/name");
        assert_eq!(key("8080"), "\"8080\"");
    }

    #[test]
    fn keys_are_located_in_block_and_flow_style() {
        let text = "a:\n  b: 1\nflow: {x: 1, z: [p, q]}\nlist:\n  - one\n  - {k: v}\non: 1\n";
        let at = |path: &str| {
            let path: Vec<String> = path.split('.').map(str::to_owned).collect();
            locate(text, &path)
        };
        assert_eq!(at("a.b"), Some((2, 3)));
        assert_eq!(at("flow.x"), Some((3, 8)));
        assert_eq!(at("flow.z.1"), Some((3, 21)));
        assert_eq!(at("list.0"), Some((5, 5)));
        assert_eq!(at("list.1.k"), Some((6, 6)));
        // Keys are named as Helm names them: `on` is `true`.
        assert_eq!(at("true"), Some((7, 1)));
        assert_eq!(at("nope"), None);
    }

    #[test]
    fn every_key_the_schema_describes_has_a_row() {
        let schema = json!({"properties": {
            "resources": {"properties": {"limits": {"properties": {
                "cpu": {"type": "string"}, "memory": {"type": "string"}}}}},
            "replicas": {"type": "integer"}}});
        let value = json!({"replicas": 2, "resources": {"limits": {"memory": "1Gi"}}});
        let rows: Vec<(String, String)> = value_rows(&value, &schema)
            .into_iter()
            .map(|r| (r.key, r.default))
            .collect();
        assert_eq!(
            rows,
            [
                ("replicas".into(), "2".into()),
                ("resources.limits.memory".into(), "\"1Gi\"".into()),
                ("resources.limits.cpu".into(), String::new()),
            ]
        );
    }

    #[test]
    fn comments_come_from_the_schema() {
        let schema = json!({"properties": {"a": {"description": "The a.", "properties": {"b": {"description": "The b."}}}, "m": {"description": "A map."}}});
        let value = json!({"a": {"b": "x"}, "m": {"k": "v"}, "l": [{"x": 1, "y": [1]}]});
        assert_eq!(
            commented(&value, &schema),
            "# The a.\na:\n  # The b.\n  b: \"x\"\n\n# A map.\nm:\n  k: \"v\"\n\nl:\n  - x: 1\n    \"y\":\n      - 1\n"
        );
    }
}
