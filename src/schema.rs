//! JSON schemas: made from Rust types (the model's two schemas,
//! `values.schema.json` and `chartgen.schema.json`, are made with
//! [`schema_of`]), and checked as Helm checks them, each violation said in a
//! user's words and located in the values files.
//!
//! Generated schemas are draft-07 (what Helm 3's and Helm 4's validators accept alike),
//! fully inlined (no `$ref`, so never a remote one), and cleaned of what
//! schemars adds that validators or editors trip over: integer `format`s,
//! `null` types, and `default`s (the defaults live in `values.yaml`).

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Map, Value as Json};

use ::jsonschema::error::{TypeKind, ValidationErrorKind};

use crate::error::{EngineError, Error, Location, Result};
use crate::yaml::ValuesSource;
use helm_engine::jsonschema::{self, schema_checks};
use helm_engine::loader::LoadedChart;
use helm_engine::read::Span;
use helm_engine::values::Values as HelmValues;

mod document;
mod walk;

pub use document::{commented, value_rows, ValueRow};
pub use walk::{description_at, node_at, Walk};
pub(crate) use walk::{forms, value_at};

/// The draft-07 meta-schema URI.
pub const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// The draft-07 schema of type `T`, inlined and cleaned for validators
/// and editors alike.
pub fn schema_of<T: JsonSchema>() -> Json {
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
    /// A string was expected and YAML read a boolean or number: quoting the
    /// value as written fixes it.
    pub wants_quotes: bool,
}

impl Violation {
    /// A violation at `path` that quoting the value would not fix.
    pub fn new(path: Vec<String>, message: String, hint: Option<String>) -> Self {
        Violation {
            path,
            message,
            hint,
            wants_quotes: false,
        }
    }
}

/// Helm's verdict on `values` (coalesced, after dependency processing) for
/// `chart`: every violation of every schema Helm checks (the chart's
/// against all the values, each subchart's against its part), paths from
/// the top. A schema Helm (or chartgen, which fetches nothing) cannot use
/// is an error at its file.
pub fn check_chart(chart: &LoadedChart, values: &HelmValues) -> Result<Vec<Violation>> {
    let mut out = Vec::new();
    for part in schema_checks(chart, values) {
        let values = match part.values {
            Ok(values) => values,
            Err(message) => {
                out.push(Violation {
                    path: part.prefix,
                    message,
                    hint: None,
                    wants_quotes: false,
                });
                continue;
            }
        };
        let file = format!("{}/values.schema.json", part.chart.source);
        let unusable = |message: String| EngineError::Input {
            location: Some(Location::file(file.clone())),
            key: None,
            message: format!("the schema cannot be used: {message}"),
            hint: None,
        };
        let bytes = part.chart.schema.as_deref().unwrap_or(b"true");
        let schema = jsonschema::parse(bytes).map_err(unusable)?;
        let instance = Json::Object(values.clone());
        for mut violation in check(&schema, &instance).map_err(unusable)? {
            let mut path = part.prefix.clone();
            path.append(&mut violation.path);
            violation.path = path;
            out.push(violation);
        }
    }
    Ok(out)
}

/// Helm's verdict on `values` for `chart` ([`check_chart`]), each violation
/// as the error a user reads ([`violation_error`]), in the order found.
/// `chartgen lint` and `chartgen validate` both judge values this way.
pub fn located_violations(
    chart: &LoadedChart,
    values: &HelmValues,
    files: &[ValuesSource],
) -> Result<Vec<Error>> {
    Ok(check_chart(chart, values)?
        .iter()
        .map(|violation| violation_error(violation, files, chart))
        .collect())
}

/// A violation as the error a user reads: located in the topmost of
/// `files` (the values files stacked over the defaults) that sets the key,
/// else where `chart` (or the subchart the key belongs to) sets its
/// default; at the nearest key above when none sets the key itself.
pub fn violation_error(
    violation: &Violation,
    files: &[ValuesSource],
    chart: &LoadedChart,
) -> Error {
    let (location, raw) = locate_value(&violation.path, files, chart);
    let hint = match (&violation.hint, violation.wants_quotes, raw) {
        (Some(hint), _, _) => Some(hint.clone()),
        (None, true, Some(raw)) if raw.len() <= 40 && !raw.contains(['\n', '"', '\\']) => {
            Some(format!(
                "`{raw}` is no string in YAML 1.1, which Helm reads values with; write \
                 \"{raw}\" to keep it one"
            ))
        }
        (None, true, _) => Some("quote the value to keep it a string".into()),
        (None, false, _) => None,
    };
    EngineError::Input {
        location: Some(location),
        key: Some(violation.path.join(".")).filter(|k| !k.is_empty()),
        message: violation.message.clone(),
        hint,
    }
    .into()
}

/// An error about the values at a key (found while merging them, such as a
/// subchart's values that are not a map), located as a violation is.
pub fn locate_error(error: Error, files: &[ValuesSource], chart: &LoadedChart) -> Error {
    match error {
        Error::Engine(EngineError::Input {
            location: None,
            key: Some(key),
            message,
            hint,
        }) => {
            let violation = Violation {
                path: key.split('.').map(str::to_owned).collect(),
                message,
                hint,
                wants_quotes: false,
            };
            violation_error(&violation, files, chart)
        }
        other => other,
    }
}

/// Where the value at `path` is set, and its text there when the value
/// itself (not a key above it) was found.
fn locate_value<'a>(
    path: &[String],
    files: &'a [ValuesSource],
    chart: &'a LoadedChart,
) -> (Location, Option<&'a str>) {
    let at = |file: &str, text: &'a str, span: &Span, exact: bool| {
        let position = span.at();
        let location = Location {
            file: file.to_owned(),
            line: Some(position.line),
            column: Some(position.column),
        };
        let raw = exact
            .then(|| text.get(span.bytes.0..span.bytes.1))
            .flatten()
            .map(str::trim);
        (location, raw)
    };
    for len in (0..=path.len()).rev() {
        let exact = len == path.len();
        let key = &path[..len];
        for source in files.iter().rev() {
            if let Some(span) = source.read.spans.get(key) {
                return at(&source.file, &source.text, span, exact);
            }
        }
        let mut within = chart;
        let mut rest = key;
        loop {
            if let Some(span) = within.values_spans.get(rest) {
                return at(&within.values_file(), &within.values_text, span, exact);
            }
            let Some((first, tail)) = rest.split_first() else {
                break;
            };
            match within.dependencies.iter().find(|d| d.name() == first) {
                Some(sub) => (within, rest) = (sub, tail),
                None => break,
            }
        }
    }
    let file = files
        .last()
        .map_or_else(|| chart.values_file(), |f| f.file.clone());
    let location = Location {
        file,
        line: None,
        column: None,
    };
    (location, None)
}

/// Every violation of `schema` by `instance`, with an unknown key reported at
/// the key itself and the closest valid key suggested; an error when the
/// schema cannot be used, as Helm would say.
pub fn check(schema: &Json, instance: &Json) -> std::result::Result<Vec<Violation>, String> {
    let compiled = jsonschema::compile(schema)?;
    let mut out = Vec::new();
    for error in compiled.validator.iter_errors(instance) {
        let path: Vec<String> = error
            .instance_path()
            .iter()
            .map(|s| s.to_string())
            .collect();
        let value = error.instance().as_ref();
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                out.extend(unknown_keys(schema, &path, unexpected));
            }
            ValidationErrorKind::Not { schema } => out.push(not_allowed(path, value, schema)),
            ValidationErrorKind::Required { property } => out.push(required(path, property)),
            ValidationErrorKind::Enum { options } => out.push(not_one_of(path, value, options)),
            ValidationErrorKind::Type { kind } => out.push(wrong_type(path, value, kind)),
            _ => out.push(Violation::new(path, message_of(&error), None)),
        }
    }
    Ok(out)
}

/// Each key of `unexpected` at `path`, an unknown key, with the closest
/// key the schema allows there suggested, else the keys it allows.
fn unknown_keys(schema: &Json, path: &[String], unexpected: &[String]) -> Vec<Violation> {
    let known = properties_at(schema, path);
    unexpected
        .iter()
        .map(|key| {
            let mut at = path.to_vec();
            at.push(key.clone());
            let hint = crate::keys::closest(key, &known)
                .map(|k| format!("did you mean `{k}`?"))
                .or_else(|| {
                    (!known.is_empty()).then(|| format!("valid keys here: {}", known.join(", ")))
                });
            Violation::new(at, "unknown key".into(), hint)
        })
        .collect()
}

/// A value that matches a `not` schema: chartgen's own rule against moving
/// tags gets its advice; any other `not` is only named.
fn not_allowed(path: Vec<String>, value: &Json, not: &Json) -> Violation {
    let ours = jsonschema::written_pattern(not) == Some(moving_tag_pattern().as_str());
    let moving = value.as_str().filter(|t| ours && is_moving_tag(t));
    let (message, hint) = if let Some(tag) = moving {
        (
            format!("`{tag}` is not an explicit version"),
            Some("pin a tag such as `1.4.2`, or set the image's `digest`".to_owned()),
        )
    } else {
        (format!("{} is not allowed here", shown(value)), None)
    };
    Violation::new(path, message, hint)
}

/// A required `property` missing from the map at `path`: at the key
/// itself.
fn required(path: Vec<String>, property: &Json) -> Violation {
    let name = property
        .as_str()
        .map_or_else(|| property.to_string(), str::to_owned);
    let mut at = path;
    at.push(name);
    Violation::new(
        at,
        "is required, and neither the values files nor the chart's defaults set it".into(),
        Some("set it in a values file".into()),
    )
}

/// A value that is none of the `enum`'s `options`, which the hint lists.
fn not_one_of(path: Vec<String>, value: &Json, options: &Json) -> Violation {
    let allowed: Vec<String> = options
        .as_array()
        .map(|o| o.iter().map(|v| format!("`{v}`")).collect())
        .unwrap_or_default();
    Violation::new(
        path,
        format!("{} is not one of the allowed values", shown(value)),
        (!allowed.is_empty()).then(|| format!("use one of {}", allowed.join(", "))),
    )
}

/// A value of another JSON type than `kind`, both said in words; a boolean
/// or number where a string was wanted wants quotes.
fn wrong_type(path: Vec<String>, value: &Json, kind: &TypeKind) -> Violation {
    let wanted: Vec<String> = match kind {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(ts) => ts.iter().map(|t| t.to_string()).collect(),
    };
    let named: Vec<&str> = wanted
        .iter()
        .map(|t| match t.as_str() {
            "string" => "a string",
            "boolean" => "a boolean",
            "integer" => "an integer",
            "number" => "a number",
            "array" => "a list",
            "object" => "a map",
            _ => "null",
        })
        .collect();
    let got = match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "a map",
    };
    Violation {
        path,
        message: format!(
            "expected {}, got {got} ({})",
            named.join(" or "),
            shown(value)
        ),
        hint: None,
        wants_quotes: wanted.iter().any(|t| t == "string")
            && matches!(value, Json::Bool(_) | Json::Number(_)),
    }
}

/// A value as a message quotes it: compact JSON, cut to about 60
/// characters.
fn shown(value: &Json) -> String {
    helm_engine::read::cut(&value.to_string())
}

/// The validator's message, the offending value in it cut as [`shown`]
/// cuts it.
fn message_of(error: &::jsonschema::ValidationError<'_>) -> String {
    let message = error.to_string();
    let full = error.instance().to_string();
    let cut = shown(error.instance().as_ref());
    if cut == full {
        message
    } else {
        message.replacen(&full, &cut, 1)
    }
}

/// The property names a schema allows at `path` (following `properties`,
/// `additionalProperties` and `items`).
fn properties_at<'a>(schema: &'a Json, path: &[String]) -> Vec<&'a str> {
    node_at(schema, path, Walk::default().maps())
        .and_then(|n| n.get("properties"))
        .and_then(Json::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Every violation of `schema` by `instance`, as (key path, message); a
/// schema that cannot be used is one violation at the top saying so.
pub fn violations(schema: &Json, instance: &Json) -> Vec<(Vec<String>, String)> {
    match jsonschema::compile(schema) {
        Ok(compiled) => errors(&compiled.validator, instance).collect(),
        Err(message) => vec![(Vec::new(), format!("the schema cannot be used: {message}"))],
    }
}

/// Every violation `validator` finds in `instance`, as (key path, message).
pub fn errors<'a>(
    validator: &'a ::jsonschema::Validator,
    instance: &'a Json,
) -> impl Iterator<Item = (Vec<String>, String)> + 'a {
    validator.iter_errors(instance).map(|e| {
        let path = e.instance_path().iter().map(|s| s.to_string()).collect();
        (path, message_of(&e))
    })
}

/// Tags that move to new images, whatever their name promises: a release
/// pinned to one is not reproducible. Tags are case-sensitive, but every
/// casing of these moves all the same (`LATEST`, `Stable`).
pub const MOVING_TAGS: &[&str] = &["latest", "stable", "main", "master", "edge", "nightly"];

/// Whether `tag` is a moving tag, in any casing.
pub fn is_moving_tag(tag: &str) -> bool {
    MOVING_TAGS.iter().any(|m| m.eq_ignore_ascii_case(tag))
}

/// A pattern matching exactly the moving tags, in any casing, written
/// without flags so every JSON Schema engine (Go's, JavaScript's) reads it
/// alike. Schemas refuse these tags with it, and [`check`] recognises it to
/// give its own advice.
pub fn moving_tag_pattern() -> String {
    let any_case = |word: &str| -> String {
        word.chars()
            .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase()))
            .collect()
    };
    let words: Vec<String> = MOVING_TAGS.iter().map(|w| any_case(w)).collect();
    format!("^({})$", words.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_violation_in_words() {
        let schema = json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "size": {"type": "string", "enum": ["small", "large"]},
                "tag": {"not": {"pattern": moving_tag_pattern()}},
                "other": {"not": {"const": 1}},
                "image": {"type": "object", "additionalProperties": false,
                          "properties": {"repository": {}, "tag": {}}}
            }
        });
        let instance = json!({
            "size": "medium", "tag": "Latest", "other": 1,
            "image": {"repo": "x", "pull": 1}, "extra": true
        });
        let found = |v: &Violation| {
            let path = v.path.join(".");
            (path, v.message.clone(), v.hint.clone(), v.wants_quotes)
        };
        let mut all: Vec<_> = check(&schema, &instance)
            .unwrap()
            .iter()
            .map(found)
            .collect();
        all.sort();
        let s = |t: &str| Some(t.to_owned());
        assert_eq!(
            all,
            vec![
                (
                    "extra".into(),
                    "unknown key".into(),
                    s("valid keys here: name, size, tag, other, image"),
                    false
                ),
                (
                    "image.pull".into(),
                    "unknown key".into(),
                    s("valid keys here: repository, tag"),
                    false
                ),
                (
                    "image.repo".into(),
                    "unknown key".into(),
                    s("did you mean `repository`?"),
                    false
                ),
                (
                    "name".into(),
                    "is required, and neither the values files nor the chart's defaults set it"
                        .into(),
                    s("set it in a values file"),
                    false
                ),
                ("other".into(), "1 is not allowed here".into(), None, false),
                (
                    "size".into(),
                    "\"medium\" is not one of the allowed values".into(),
                    s("use one of `\"small\"`, `\"large\"`"),
                    false
                ),
                (
                    "tag".into(),
                    "`Latest` is not an explicit version".into(),
                    s("pin a tag such as `1.4.2`, or set the image's `digest`"),
                    false
                ),
            ]
        );
        let typed = check(&schema, &json!({"name": 1.5})).unwrap();
        assert_eq!(
            typed.iter().map(found).collect::<Vec<_>>(),
            vec![(
                "name".into(),
                "expected a string, got a number (1.5)".into(),
                None,
                true
            )]
        );
    }

    #[test]
    fn moving_tags_in_any_casing() {
        let pattern = regex::Regex::new(&moving_tag_pattern()).unwrap();
        for tag in [
            "latest", "LATEST", "Latest", "stable", "Main", "NIGHTLY", "edge",
        ] {
            assert!(is_moving_tag(tag) && pattern.is_match(tag), "{tag}");
        }
        for tag in ["1.4.2", "latest-1", "stable2", "mainline", ""] {
            assert!(!is_moving_tag(tag) && !pattern.is_match(tag), "{tag}");
        }
    }
}
