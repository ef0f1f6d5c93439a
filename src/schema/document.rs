//! Documents a schema describes: `values.yaml` with each key's description
//! as a comment above it, and the values table of a chart's README.

use std::fmt::Write;

use serde_json::Value as Json;

use super::{description_at, node_at, Walk};
use crate::yaml::{key, scalar};

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

/// Whether the schema node at `path` lists its keys one by one.
fn describes_keys(schema: &Json, path: &[&str]) -> bool {
    node_at(schema, path, Walk::default()).is_some_and(|n| n.get("properties").is_some())
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
            match schema.filter(|(s, p)| describes_keys(s, p)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
