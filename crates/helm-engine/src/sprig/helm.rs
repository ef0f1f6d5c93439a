//! Helm's own value functions (`pkg/engine/funcs.go` `funcMap`): `toYaml`,
//! `toJson`, `fromYaml`, `fromJson` and their variants. The ones bound to a
//! render (`include`, `tpl`, `required`, `fail`, `lookup`) belong to the
//! render layer.

use gotemplate::{Call, Map, MapKind, Value};

use super::convert::from_json;
use super::json::{self, Style};
use super::{str_value, Result};
use crate::{read, yaml_v2};

/// `toYaml V`: sigs.k8s.io/yaml's text without the final newline; "" when
/// marshalling fails, as Helm swallows the error.
pub(super) fn to_yaml(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(yaml_v2::to_yaml(c.arg(0))))
}

/// `mustToYaml V`: `toYaml`, failing where it would print "".
pub(super) fn must_to_yaml(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    // sigs.k8s.io/yaml marshals through JSON first: its error is the
    // first that can happen.
    json::encode(c.arg(0), Style::Marshal).map_err(|e| c.fail(e))?;
    match yaml_v2::to_yaml(c.arg(0)) {
        text if text.is_empty() && !c.arg(0).is_nil() => Err(
            c.fail("error converting JSON to YAML: the value holds characters YAML cannot carry")
        ),
        text => Ok(str_value(text)),
    }
}

/// `toYamlPretty V`: go-yaml v3's text with a two-space indent.
pub(super) fn to_yaml_pretty(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(yaml_v2::to_yaml_pretty(c.arg(0))))
}

/// `toJson V`: `json.Marshal`; "" when it fails.
pub(super) fn to_json(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(
        json::encode(c.arg(0), Style::Marshal).unwrap_or_default(),
    ))
}

/// `mustToJson V`: `json.Marshal`, failing with its error.
pub(super) fn must_to_json(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    json::encode(c.arg(0), Style::Marshal)
        .map(str_value)
        .map_err(|e| c.fail(e))
}

/// What `fromYaml` and friends read.
#[derive(Clone, Copy)]
pub(super) enum Text {
    Yaml,
    Json,
}

impl Text {
    /// How the error of a document of the wrong kind starts:
    /// sigs.k8s.io/yaml wraps `encoding/json`'s.
    fn prefix(self) -> &'static str {
        match self {
            Text::Yaml => "error unmarshaling JSON: while decoding JSON: ",
            Text::Json => "",
        }
    }
}

/// `fromYaml S`, `fromJson S`: a map; on failure a map holding the error
/// under `Error`, as Helm returns it.
pub(super) fn from_text_map(c: &mut Call<'_>, text: Text) -> Result<Value> {
    c.arity(1)?;
    let map = Map::new(MapKind::Any);
    if let Text::Json = text {
        // Go keeps what it could decode next to the error.
        if let (Value::Map(parsed), Some(e)) = json::decode_partial(c.str(0)?) {
            parsed.insert("Error", str_value(e));
            return Ok(Value::Map(parsed));
        }
    }
    match parse(c.str(0)?, text) {
        Ok(Value::Map(parsed)) => return Ok(Value::Map(parsed)),
        Ok(Value::Nil) => {}
        Ok(other) => map.insert(
            "Error",
            str_value(format!(
                "{}json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                text.prefix(),
                json_kind(&other)
            )),
        ),
        Err(e) => map.insert("Error", str_value(e)),
    }
    Ok(Value::Map(map))
}

/// `fromYamlArray S`, `fromJsonArray S`: a list; on failure a list holding
/// only the error.
pub(super) fn from_text_list(c: &mut Call<'_>, text: Text) -> Result<Value> {
    c.arity(1)?;
    Ok(match parse(c.str(0)?, text) {
        Ok(list @ Value::List(_)) => list,
        Ok(Value::Nil) => Value::list(Vec::new()),
        Ok(other) => Value::list(vec![str_value(format!(
            "{}json: cannot unmarshal {} into Go value of type []interface {{}}",
            text.prefix(),
            json_kind(&other)
        ))]),
        Err(e) => Value::list(vec![str_value(e)]),
    })
}

fn parse(s: &str, text: Text) -> Result<Value, String> {
    match text {
        Text::Yaml => read::unmarshal(s)
            .map(|json| from_json(&json))
            .map_err(|e| go_yaml_error(&e)),
        Text::Json => json::decode(s),
    }
}

/// libyaml's parser errors (the rest of its errors are the scanner's).
const PARSER_PROBLEMS: &[&str] = &[
    "did not find expected node content",
    "did not find expected key",
    "did not find expected '-' indicator",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected <document start>",
    "found undefined tag handle",
    "found duplicate %YAML directive",
    "found incompatible YAML document",
    "found duplicate %TAG directive",
];

/// Whether `problem` is one of libyaml's scanner errors.
fn is_scanner_problem(problem: &str) -> bool {
    [
        "found ",
        "mapping values ",
        "block sequence entries ",
        "could not find expected",
        "did not find ",
    ]
    .iter()
    .any(|p| problem.starts_with(p))
}

/// A YAML error as sigs.k8s.io/yaml words it: go-yaml's `line N: ` from
/// libyaml's 0-based problem line (one more for a scanner error), left out
/// on the first line, and the problem without our reader's context.
pub(crate) fn go_yaml_error(e: &read::YamlError) -> String {
    let problem = e
        .message
        .split(" (while ")
        .next()
        .unwrap_or_default()
        .split(" in the ")
        .next()
        .unwrap_or_default();
    let parser = PARSER_PROBLEMS.contains(&problem);
    let mut line = e.at.map_or(0, |at| at.line.saturating_sub(1));
    if line != 0 && !parser && is_scanner_problem(problem) {
        line += 1;
    }
    let located = parser || is_scanner_problem(problem);
    if located && line != 0 {
        format!("error converting YAML to JSON: yaml: line {line}: {problem}")
    } else {
        format!("error converting YAML to JSON: yaml: {problem}")
    }
}

/// The JSON kind Go names in an unmarshalling error.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "bool",
        Value::Float(_) | Value::Int(_) | Value::Int64(_) | Value::Uint(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "array",
        _ => "object",
    }
}
