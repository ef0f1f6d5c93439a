//! JSON schemas from the model types: `values.schema.json` for a chart and
//! `chartgen.schema.json` for the input file.
//!
//! Both are draft-07 (what Helm 3's and Helm 4's validators accept alike),
//! fully inlined (no `$ref`, so never a remote one), and cleaned of what
//! schemars adds that validators or editors trip over: integer `format`s,
//! `null` types, and `default`s (the defaults live in `values.yaml`).

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Map, Value as Json};

use crate::model::types::is_moving_tag;
use crate::model::{Spec, Values};

/// The draft-07 meta-schema URI.
pub const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// The schema of a chart's values, limited to the top-level `keys` its
/// blueprint uses.
pub fn values_schema(keys: &[String]) -> Json {
    static ALL: OnceLock<Json> = OnceLock::new();
    let mut schema = ALL.get_or_init(schema_of::<Values>).clone();
    if let Some(Json::Object(props)) = schema.get_mut("properties") {
        props.retain(|k, _| keys.contains(k));
    }
    // Nothing is required: Helm validates values merged over the defaults,
    // and an environment overlay holding only what differs must validate on
    // its own in an editor.
    drop_required(&mut schema);
    schema
}

fn drop_required(node: &mut Json) {
    match node {
        Json::Object(obj) => {
            obj.shift_remove("required");
            obj.values_mut().for_each(drop_required);
        }
        Json::Array(items) => items.iter_mut().for_each(drop_required),
        _ => {}
    }
}

/// The schema of `chartgen.yaml`.
pub fn input_schema() -> Json {
    input().0.clone()
}

/// The input schema and its compiled validator, built once per process.
fn input() -> &'static (Json, jsonschema::Validator) {
    static INPUT: OnceLock<(Json, jsonschema::Validator)> = OnceLock::new();
    INPUT.get_or_init(|| {
        let schema = schema_of::<Spec>();
        let validator = compile(&schema);
        (schema, validator)
    })
}

/// The first violation of the input schema by a `chartgen.yaml`, as (key path, message).
pub fn input_violation(instance: &Json) -> Option<(Vec<String>, String)> {
    errors(&input().1, instance).next()
}

fn schema_of<T: JsonSchema>() -> Json {
    let generator = SchemaSettings::draft07()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    clean(&mut schema);
    let obj = schema.as_object_mut().expect("a root schema is an object");
    obj.shift_remove("definitions");
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT_07));
    root.extend(std::mem::take(obj));
    Json::Object(root)
}

fn clean(node: &mut Json) {
    match node {
        Json::Object(obj) => {
            obj.shift_remove("default");
            if let Some(Json::Array(types)) = obj.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    obj.insert("type".into(), only);
                }
            }
            if obj.get("type").and_then(Json::as_str) == Some("integer") {
                obj.shift_remove("format");
            }
            flatten_nullable(obj);
            enum_of_consts(obj);
            obj.values_mut().for_each(clean);
        }
        Json::Array(items) => items.iter_mut().for_each(clean),
        _ => {}
    }
}

/// `anyOf: [X, {type: null}]` (an `Option` of a struct) becomes `X`.
fn flatten_nullable(obj: &mut Map<String, Json>) {
    let Some(Json::Array(any)) = obj.get("anyOf") else {
        return;
    };
    let non_null: Vec<&Json> = any
        .iter()
        .filter(|s| s.get("type") != Some(&json!("null")))
        .collect();
    if non_null.len() == 1 && any.len() == 2 {
        if let Json::Object(inner) = non_null[0].clone() {
            obj.shift_remove("anyOf");
            for (k, v) in inner {
                obj.entry(k).or_insert(v);
            }
        }
    }
}

/// `oneOf` of documented constants (a unit enum) becomes a plain `enum`,
/// the constants' docs appended to the description.
fn enum_of_consts(obj: &mut Map<String, Json>) {
    let Some(Json::Array(one_of)) = obj.get("oneOf") else {
        return;
    };
    if !one_of.iter().all(|s| s.get("const").is_some()) {
        return;
    }
    let values: Vec<Json> = one_of.iter().map(|s| s["const"].clone()).collect();
    let docs: Vec<String> = one_of
        .iter()
        .map(|s| match s.get("description").and_then(Json::as_str) {
            Some(d) => format!(
                "`{}`: {}",
                s["const"].as_str().unwrap_or_default(),
                lower_first(d.trim_end_matches('.'))
            ),
            None => format!("`{}`", s["const"].as_str().unwrap_or_default()),
        })
        .collect();
    obj.shift_remove("oneOf");
    obj.insert("type".into(), json!("string"));
    obj.insert("enum".into(), Json::Array(values));
    let lead = obj
        .get("description")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned();
    let text = format!("{} One of {}.", lead.trim_end(), docs.join("; "));
    obj.insert("description".into(), json!(text.trim()));
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A value that breaks a schema: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Key path to the offending value (or unknown key).
    pub path: Vec<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is an obvious way.
    pub hint: Option<String>,
}

/// Every violation of `schema` by `instance`, with an unknown key reported at
/// the key itself and the closest valid key suggested.
pub fn check(schema: &Json, instance: &Json) -> Vec<Violation> {
    let validator = compile(schema);
    let mut out = Vec::new();
    for error in validator.iter_errors(instance) {
        let path: Vec<String> = error
            .instance_path()
            .iter()
            .map(|s| s.to_string())
            .collect();
        if let jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } =
            error.kind()
        {
            let known = properties_at(schema, &path);
            for key in unexpected {
                let mut at = path.clone();
                at.push(key.clone());
                let hint = crate::model::closest(key, &known)
                    .map(|k| format!("did you mean `{k}`?"))
                    .or_else(|| {
                        (!known.is_empty())
                            .then(|| format!("valid keys here: {}", known.join(", ")))
                    });
                out.push(Violation {
                    path: at,
                    message: "unknown key".into(),
                    hint,
                });
            }
        } else if let jsonschema::error::ValidationErrorKind::Not { .. } = error.kind() {
            let value = error.instance().to_string();
            let moving = error.instance().as_str().filter(|t| is_moving_tag(t));
            let (message, hint) = if let Some(tag) = moving {
                (
                    format!("`{tag}` is not an explicit version"),
                    Some("pin a tag such as `1.4.2`, or set the image's `digest`".to_owned()),
                )
            } else {
                (format!("{value} is not allowed here"), None)
            };
            out.push(Violation {
                path,
                message,
                hint,
            });
        } else {
            out.push(Violation {
                path,
                message: error.to_string(),
                hint: None,
            });
        }
    }
    out
}

/// The property names a schema allows at `path` (following `properties`,
/// `additionalProperties` and `items`).
fn properties_at<'a>(schema: &'a Json, path: &[String]) -> Vec<&'a str> {
    let mut node = schema;
    for key in path {
        let next = node
            .get("properties")
            .and_then(|p| p.get(key.as_str()))
            .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))
            .or_else(|| node.get("items").filter(|_| key.parse::<usize>().is_ok()));
        match next {
            Some(n) => node = n,
            None => return Vec::new(),
        }
    }
    node.get("properties")
        .and_then(Json::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Every violation of `schema` (draft-07) by `instance`, as (key path, message).
pub fn violations(schema: &Json, instance: &Json) -> Vec<(Vec<String>, String)> {
    errors(&compile(schema), instance).collect()
}

fn compile(schema: &Json) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(schema)
        .expect("generated schemas are valid draft-07")
}

fn errors<'a>(
    validator: &'a jsonschema::Validator,
    instance: &'a Json,
) -> impl Iterator<Item = (Vec<String>, String)> + 'a {
    validator.iter_errors(instance).map(|e| {
        let path = e.instance_path().iter().map(|s| s.to_string()).collect();
        (path, e.to_string())
    })
}

/// The description a schema gives the value at `path`, following
/// `properties` and `items`.
pub fn description_at<'a>(schema: &'a Json, path: &[&str]) -> Option<&'a str> {
    let mut node = schema;
    for key in path {
        node = node
            .get("properties")
            .and_then(|p| p.get(*key))
            .or_else(|| node.get("items").filter(|_| key.parse::<usize>().is_ok()))?;
    }
    node.get("description").and_then(Json::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(node: &Json, f: &mut impl FnMut(&Map<String, Json>)) {
        match node {
            Json::Object(o) => {
                f(o);
                o.values().for_each(|v| walk(v, f));
            }
            Json::Array(a) => a.iter().for_each(|v| walk(v, f)),
            _ => {}
        }
    }

    #[test]
    fn schemas_are_self_contained_draft07_and_closed() {
        for schema in [values_schema(&["image".into()]), input_schema()] {
            assert_eq!(schema["$schema"], DRAFT_07);
            walk(&schema, &mut |o| {
                assert!(!o.contains_key("$ref"), "no refs: {o:?}");
                assert!(!o.contains_key("default"));
                assert!(!o.contains_key("format"), "no formats: {o:?}");
                if o.contains_key("properties") {
                    assert_eq!(
                        o.get("additionalProperties"),
                        Some(&json!(false)),
                        "closed: {o:?}"
                    );
                }
            });
        }
    }
}
