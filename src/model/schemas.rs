//! The model's own schemas: `values.schema.json` for a chart (from
//! [`Values`]) and `chartgen.schema.json` for the input file (from [`Spec`]).

use std::sync::OnceLock;

use serde_json::Value as Json;

use super::{Spec, Values};
use crate::schema::{errors, schema_of};
use helm_engine::jsonschema;

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
fn input() -> &'static (Json, jsonschema::Compiled) {
    static INPUT: OnceLock<(Json, jsonschema::Compiled)> = OnceLock::new();
    INPUT.get_or_init(|| {
        let schema = schema_of::<Spec>();
        let validator = jsonschema::compile(&schema)
            .unwrap_or_else(|e| unreachable!("chartgen.schema.json is generated valid: {e}"));
        (schema, validator)
    })
}

/// The first violation of the input schema by a `chartgen.yaml`, as (key path, message).
pub fn input_violation(instance: &Json) -> Option<(Vec<String>, String)> {
    errors(&input().1.validator, instance).next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::DRAFT_07;
    use serde_json::{json, Map};

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

#[cfg(test)]
mod keys {
    use super::*;

    /// `Values::KEYS` names the struct's fields as they serialize, in order.
    #[test]
    fn values_keys_are_the_fields() {
        let schema = schema_of::<Values>();
        let fields: Vec<&str> = schema["properties"]
            .as_object()
            .expect("the values are a map")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(fields, Values::KEYS);
    }
}
