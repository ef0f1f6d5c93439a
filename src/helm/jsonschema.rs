//! Helm's schema validation (`pkg/chart/common/util/jsonschema.go`): each
//! chart's `values.schema.json` against its part of the merged values, the
//! top chart's against all of them and each subchart's (recursively)
//! against the values under its name.
//!
//! Helm v4 compiles schemas with santhosh-tekuri/jsonschema v6, so: the
//! draft comes from `$schema` (draft-04, -06, -07, 2019-09, 2020-12; 2020-12
//! without one); formats are checked in drafts before 2019-09 only;
//! patterns are Go regular expressions; a reference to a `urn:` is an
//! always-true schema, any other outside reference (a file, the web) is
//! fetched. chartgen fetches nothing: such a schema, like one Helm itself
//! cannot use, is reported as a schema that cannot be used.

use serde_json::Value as Json;

use super::loader::LoadedChart;
use super::values::Values;

/// The base URI Helm gives every chart's schema.
const BASE_URI: &str = "file:///values.schema.json";

/// One chart whose schema applies, and its part of the values.
#[derive(Debug)]
pub struct SchemaCheck<'a> {
    /// The chart.
    pub chart: &'a LoadedChart,
    /// Where its values sit in the top chart's: its name, and its parents'.
    pub prefix: Vec<String>,
    /// Its values; an error when they are not a map.
    pub values: Result<&'a Values, String>,
}

/// The charts whose schema Helm checks, with their values, in Helm's order
/// (a chart, then its subcharts): a subchart with no values (or null ones)
/// is not checked. `values` are the coalesced values of `chart` after
/// dependency processing.
pub fn schema_checks<'a>(chart: &'a LoadedChart, values: &'a Values) -> Vec<SchemaCheck<'a>> {
    let mut checks = Vec::new();
    walk(chart, Ok(values), Vec::new(), &mut checks);
    checks
}

fn walk<'a>(
    chart: &'a LoadedChart,
    values: Result<&'a Values, String>,
    prefix: Vec<String>,
    out: &mut Vec<SchemaCheck<'a>>,
) {
    let own = values.as_ref().ok().copied();
    if chart.schema.is_some() || values.is_err() {
        out.push(SchemaCheck {
            chart,
            prefix: prefix.clone(),
            values,
        });
    }
    let Some(own) = own else { return };
    for sub in &chart.dependencies {
        let part = match own.get(sub.name()) {
            None | Some(Json::Null) => continue,
            Some(Json::Object(part)) => Ok(part),
            Some(other) => Err(format!(
                "invalid type for values: expected object (map), got {}",
                kind(other)
            )),
        };
        let mut sub_prefix = prefix.clone();
        sub_prefix.push(sub.name().to_owned());
        walk(sub, part, sub_prefix, out);
    }
}

fn kind(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// A schema's JSON text, as Helm reads it.
pub fn parse(bytes: &[u8]) -> Result<Json, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("is not JSON: {e}"))
}

/// The draft Helm validates `schema` with.
pub fn draft(schema: &Json) -> Result<jsonschema::Draft, String> {
    use jsonschema::Draft;
    let Some(declared) = schema.get("$schema") else {
        return Ok(Draft::Draft202012);
    };
    let Some(uri) = declared.as_str() else {
        return Err(format!("its `$schema` must be a string, not {declared}"));
    };
    let bare = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("https://"))
        .unwrap_or(uri);
    let bare = bare
        .strip_suffix("#/")
        .or_else(|| bare.strip_suffix('#'))
        .unwrap_or(bare);
    Ok(match bare {
        "json-schema.org/schema" | "json-schema.org/draft/2020-12/schema" => Draft::Draft202012,
        "json-schema.org/draft/2019-09/schema" => Draft::Draft201909,
        "json-schema.org/draft-07/schema" => Draft::Draft7,
        "json-schema.org/draft-06/schema" => Draft::Draft6,
        "json-schema.org/draft-04/schema" => Draft::Draft4,
        _ => {
            return Err(format!(
                "its `$schema` is `{uri}`, a meta-schema Helm would download; chartgen reads \
                 draft-04, draft-06, draft-07, 2019-09 and 2020-12 and fetches nothing"
            ))
        }
    })
}

/// The canonical meta-schema URI of a draft.
fn meta_schema(draft: jsonschema::Draft) -> &'static str {
    use jsonschema::Draft;
    match draft {
        Draft::Draft4 => "http://json-schema.org/draft-04/schema#",
        Draft::Draft6 => "http://json-schema.org/draft-06/schema#",
        Draft::Draft7 => "http://json-schema.org/draft-07/schema#",
        Draft::Draft201909 => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    }
}

/// Compiles `schema` as Helm would, or says why Helm could not use it
/// (or why chartgen cannot: it fetches no outside reference).
pub fn compile(schema: &Json) -> Result<jsonschema::Validator, String> {
    use jsonschema::Draft;
    let draft = draft(schema)?;
    let mut schema = schema.clone();
    if let Json::Object(root) = &mut schema {
        root.insert("$schema".into(), Json::String(meta_schema(draft).into()));
    }
    go_patterns(&schema)?;
    no_loops(&schema)?;
    let modern = matches!(draft, Draft::Draft201909 | Draft::Draft202012);
    let options = jsonschema::options()
        .with_draft(draft)
        .with_base_uri(BASE_URI)
        .with_retriever(Offline)
        .should_validate_formats(!modern)
        // Helm's `regex` format is a Go regular expression.
        .with_format("regex", |s: &str| regex::Regex::new(s).is_ok())
        .with_pattern_options(jsonschema::PatternOptions::regex());
    // Deeply nested schemas recurse deeply; give them room.
    stacker::maybe_grow(256 << 10, 16 << 20, || options.build(&schema)).map_err(|e| {
        let message = e.to_string();
        if let Some((_, ours)) = message.split_once("retrieving it failed: ") {
            ours.to_owned()
        } else {
            format!("is not a valid schema: {message}")
        }
    })
}

/// Every `pattern` and `patternProperties` key must be a Go regular
/// expression, as Helm's validator requires (no look-around, no
/// back-references).
fn go_patterns(schema: &Json) -> Result<(), String> {
    let check = |pattern: &str| {
        regex::Regex::new(pattern).map(|_| ()).map_err(|e| {
            let first = e.to_string();
            let reason = first.lines().last().unwrap_or_default().trim().to_owned();
            format!("`{pattern}` is not a regular expression Helm (Go) reads: {reason}")
        })
    };
    let mut pending = vec![schema];
    while let Some(node) = pending.pop() {
        match node {
            Json::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("pattern", Json::String(p)) => check(p)?,
                        ("patternProperties", Json::Object(props)) => {
                            for p in props.keys() {
                                check(p)?;
                            }
                            pending.extend(props.values());
                        }
                        // Data, not schemas.
                        ("const" | "default" | "enum" | "examples", _) => {}
                        _ => pending.push(value),
                    }
                }
            }
            Json::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    Ok(())
}

/// Refuses a schema that reaches itself without moving on in the values
/// (`{"$ref": "#"}`, or `$ref`s and `allOf`s that come back to where they
/// started), which Helm reports as an infinite loop when it meets it.
fn no_loops(schema: &Json) -> Result<(), String> {
    // The schemas evaluated at the same place in the values as the one at
    // `pointer`: its `$ref` (within this schema) and its in-place
    // applicators.
    let next = |pointer: &str| -> Vec<String> {
        let Some(Json::Object(node)) = schema.pointer(pointer) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(target) = node.get("$ref").and_then(Json::as_str) {
            if let Some(fragment) = target.strip_prefix('#') {
                out.push(fragment.replace("~1", "/").replace("~0", "~"));
            }
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(Json::Array(items)) = node.get(key) {
                out.extend((0..items.len()).map(|i| format!("{pointer}/{key}/{i}")));
            }
        }
        for key in ["not", "if", "then", "else"] {
            if node.get(key).is_some_and(Json::is_object) {
                out.push(format!("{pointer}/{key}"));
            }
        }
        out
    };
    // Every schema object, by pointer; then a depth-first search for a
    // cycle along the edges above.
    let mut pointers = Vec::new();
    let mut pending = vec![(String::new(), schema)];
    while let Some((pointer, node)) = pending.pop() {
        match node {
            Json::Object(map) => {
                pointers.push(pointer.clone());
                for (key, value) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    pending.push((format!("{pointer}/{key}"), value));
                }
            }
            Json::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    pending.push((format!("{pointer}/{i}"), value));
                }
            }
            _ => {}
        }
    }
    let mut done = std::collections::HashSet::new();
    for start in pointers {
        if done.contains(&start) {
            continue;
        }
        let mut path: Vec<(String, Vec<String>)> = vec![(start.clone(), next(&start))];
        let mut on_path = std::collections::HashSet::from([start]);
        while let Some((_, edges)) = path.last_mut() {
            match edges.pop() {
                Some(target) if on_path.contains(&target) => {
                    let at = if target.is_empty() { "#" } else { &target };
                    return Err(format!(
                        "`{at}` comes back to itself through `$ref` without moving on in the \
                         values, an infinite loop Helm stops at"
                    ));
                }
                Some(target) if !done.contains(&target) => {
                    on_path.insert(target.clone());
                    let edges = next(&target);
                    path.push((target, edges));
                }
                Some(_) => {}
                None => {
                    if let Some((finished, _)) = path.pop() {
                        on_path.remove(&finished);
                        done.insert(finished);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Resolves what Helm resolves without a network: a `urn:` reference is an
/// always-true schema (Helm's default); anything else is refused.
struct Offline;

impl jsonschema::Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        if uri.scheme().as_str() == "urn" {
            return Ok(Json::Bool(true));
        }
        Err(format!(
            "it refers to `{uri}`, which Helm would fetch; chartgen does not fetch references \
             outside the schema"
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn drafts_come_from_schema_and_default_to_2020_12() {
        use jsonschema::Draft;
        assert_eq!(draft(&json!({})), Ok(Draft::Draft202012));
        assert_eq!(
            draft(&json!({"$schema": "http://json-schema.org/schema#"})),
            Ok(Draft::Draft202012)
        );
        assert_eq!(
            draft(&json!({"$schema": "https://json-schema.org/draft-04/schema#"})),
            Ok(Draft::Draft4)
        );
        assert!(draft(&json!({"$schema": "http://example.com/meta"})).is_err());
        assert!(draft(&json!({"$schema": 7})).is_err());
    }

    #[test]
    fn what_helm_cannot_use_is_an_error_not_a_panic() {
        for schema in [
            json!({"properties": {"a": {"type": "strin"}}}),
            json!({"properties": {"a": {"pattern": "(?=x)"}}}),
            json!({"properties": {"a": {"$ref": "http://example.com/x.json"}}}),
            json!({"properties": {"a": {"$ref": "other.json"}}}),
            json!({"$schema": "http://example.com/meta"}),
            json!({"$ref": "#"}),
            json!({"properties": {"a": {"$ref": "#/properties/a"}}}),
            json!({"allOf": [{"$ref": "#/definitions/x"}], "definitions": {"x": {"not": {"$ref": "#"}}}}),
        ] {
            assert!(compile(&schema).is_err(), "{schema}");
        }
        let urn = compile(&json!({"properties": {"a": {"$ref": "urn:x:y"}}})).unwrap();
        assert!(urn.is_valid(&json!({"a": 1})));
        // Recursion that moves on in the values is no loop.
        let tree = compile(&json!({"properties": {"child": {"$ref": "#"}}})).unwrap();
        assert!(tree.is_valid(&json!({"child": {"child": {}}})));
    }

    #[test]
    fn the_regex_format_is_go_syntax() {
        let schema = json!({"$schema": "http://json-schema.org/draft-07/schema#",
            "properties": {"a": {"format": "regex"}}});
        let validator = compile(&schema).unwrap();
        assert!(validator.is_valid(&json!({"a": "^a+$"})));
        assert!(!validator.is_valid(&json!({"a": "(?=x)"})));
    }

    #[test]
    fn formats_are_checked_before_2019_only() {
        let schema = |uri: &str| json!({"$schema": uri, "properties": {"a": {"format": "ipv4"}}});
        let bad = json!({"a": "nope"});
        let d7 = compile(&schema("http://json-schema.org/draft-07/schema#")).unwrap();
        assert!(!d7.is_valid(&bad));
        let d2020 = compile(&schema("https://json-schema.org/draft/2020-12/schema")).unwrap();
        assert!(d2020.is_valid(&bad));
    }
}
