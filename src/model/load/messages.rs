//! What serde_yaml and the schema report, said in a user's words: located,
//! with the key path, what was expected and an example; never a Rust type
//! name or a regular expression.

use serde_json::Value as Json;

use super::super::types::pattern_help;
use crate::error::{EngineError, Error, Location};
use crate::keys::{closest, locate};
use crate::model::input_schema;
use crate::schema::{forms, node_at, value_at, Violation, Walk};

/// The schema's description of the key at `path`, which names what the key
/// is for and gives an example: the help of an error that has none of its own.
pub(super) fn key_help(path: &[String]) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    let schema = input_schema();
    // A key of a map (`hostPaths.logs`) has no description of its own: the
    // map's says what its keys are.
    let text = [path, &path[..path.len() - 1]].iter().find_map(|path| {
        let node = node_at(&schema, path, Walk::default().maps().branches(None))?;
        node.get("description").and_then(Json::as_str).or_else(|| {
            forms(node, None)
                .iter()
                .find_map(|f| f.get("description").and_then(Json::as_str))
        })
    })?;
    Some(text.trim().trim_end_matches('.').to_owned())
}

/// What a pattern at `path` asks for, and an example; quantities by what
/// they measure.
fn pattern_words(pattern: &str, path: &[String]) -> (String, String) {
    if pattern == super::super::types::QUANTITY_PATTERN {
        let (what, example) = match path.last().map(String::as_str) {
            Some("cpu") => (
                "a CPU quantity (cores, or thousandths of a core with `m`)",
                "`250m` (a quarter of a core), `0.5` or `2`",
            ),
            Some("memory") => (
                "a memory quantity (bytes, with a suffix such as `Mi` or `Gi`)",
                "`128Mi`, `512Mi` or `1Gi`",
            ),
            Some("size") => (
                "a storage size (bytes, with a suffix such as `Gi`)",
                "`10Gi` or `500Mi`",
            ),
            _ => ("a Kubernetes quantity", "`250m` or `128Mi`"),
        };
        return (what.to_owned(), example.to_owned());
    }
    match pattern_help(pattern) {
        Some(help) => (help.what.to_owned(), help.example.to_owned()),
        None => ("of the expected form".to_owned(), String::new()),
    }
}

/// A value that does not match its pattern: what the pattern asks for, and
/// the key's own example when its description has one, else the pattern's.
fn pattern_violation(path: Vec<String>, shown: &str, pattern: &str) -> Violation {
    let (what, example) = pattern_words(pattern, &path);
    let quantity = pattern == super::super::types::QUANTITY_PATTERN;
    let hint = key_help(&path)
        .filter(|help| help.contains("e.g.") && !quantity)
        .or_else(|| (!example.is_empty()).then(|| format!("e.g. {example}")));
    Violation::new(path, format!("`{shown}` is not {what}"), hint)
}

/// Whether `text` matches one of chartgen's own schema patterns, each
/// compiled once per process.
fn matches(pattern: &str, text: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static COMPILED: OnceLock<Mutex<HashMap<String, Option<regex::Regex>>>> = OnceLock::new();
    let cache = COMPILED.get_or_init(Mutex::default);
    let Ok(mut cache) = cache.lock() else {
        return regex::Regex::new(pattern).is_ok_and(|re| re.is_match(text));
    };
    cache
        .entry(pattern.to_owned())
        .or_insert_with(|| regex::Regex::new(pattern).ok())
        .as_ref()
        .is_some_and(|re| re.is_match(text))
}

/// A schema violation in words: which constraint of the node at `path` the
/// value breaks, found by checking each against the value, and an example.
pub(super) fn schema_violation(path: Vec<String>, raw: &str, json: &Json) -> Violation {
    let schema = input_schema();
    let value = value_at(json, &path);
    let node = node_at(&schema, &path, Walk::default().maps().branches(Some(json)));
    if let (Some(node), Some(value)) = (node, value) {
        if let Some(violation) = describe(node, value, &path) {
            return violation;
        }
    }
    Violation::new(path, scrub(raw), None)
}

/// The first constraint of `node` that `value` (at `path`) breaks, by the
/// value's JSON type.
fn describe(node: &Json, value: &Json, path: &[String]) -> Option<Violation> {
    match value {
        Json::String(text) => text_violation(node, text, path),
        Json::Number(n) => number_violation(node, n, path),
        Json::Array(items) => {
            let min = count(node, "minItems").filter(|min| items.len() < *min)?;
            let message = match min {
                1 => "the list is empty; it needs at least one item".to_owned(),
                n => format!("the list has {} items; it needs at least {n}", items.len()),
            };
            Some(Violation::new(path.to_vec(), message, None))
        }
        Json::Object(map) => key_violation(node.get("propertyNames")?, map, path),
        _ => None,
    }
}

/// A schema's count (a length, a number of items), if it sets `key`.
fn count(node: &Json, key: &str) -> Option<usize> {
    node.get(key).and_then(Json::as_u64).map(|n| n as usize)
}

/// A string's pattern, length or enum it breaks.
fn text_violation(node: &Json, text: &str, path: &[String]) -> Option<Violation> {
    let chars = text.chars().count();
    if let Some(pattern) = node.get("pattern").and_then(Json::as_str) {
        if !matches(pattern, text) {
            return Some(pattern_violation(path.to_vec(), text, pattern));
        }
    }
    if count(node, "minLength").is_some_and(|min| chars < min) {
        return Some(Violation::new(
            path.to_vec(),
            "must not be empty".into(),
            None,
        ));
    }
    if let Some(max) = count(node, "maxLength").filter(|max| chars > *max) {
        return Some(Violation::new(
            path.to_vec(),
            format!("`{text}` is {chars} characters long; the limit is {max}"),
            None,
        ));
    }
    let options = node.get("enum").and_then(Json::as_array)?;
    let names: Vec<&str> = options.iter().filter_map(Json::as_str).collect();
    (!names.contains(&text)).then(|| unknown_variant(path.to_vec(), text, &names))
}

/// A number's minimum or maximum it breaks.
fn number_violation(node: &Json, n: &serde_json::Number, path: &[String]) -> Option<Violation> {
    let number = |key: &str| node.get(key).and_then(Json::as_f64);
    let v = n.as_f64()?;
    if let Some(min) = number("minimum").filter(|min| v < *min) {
        return Some(Violation::new(
            path.to_vec(),
            format!("{n} is below the minimum, {min}"),
            None,
        ));
    }
    let max = number("maximum").filter(|max| v > *max)?;
    Some(Violation::new(
        path.to_vec(),
        format!("{n} is above the maximum, {max}"),
        None,
    ))
}

/// The first key of a map that breaks the map's `propertyNames` (`names`):
/// its pattern or its length.
fn key_violation(
    names: &Json,
    map: &serde_json::Map<String, Json>,
    path: &[String],
) -> Option<Violation> {
    let pattern = names.get("pattern").and_then(Json::as_str);
    let max = count(names, "maxLength");
    map.keys().find_map(|key| {
        let mut at = path.to_vec();
        at.push(key.clone());
        if let Some(pattern) = pattern.filter(|p| !matches(p, key)) {
            return Some(pattern_violation(at, key, pattern));
        }
        let len = key.chars().count();
        max.filter(|max| len > *max).map(|max| {
            Violation::new(
                at,
                format!("`{key}` is {len} characters long; the limit is {max}"),
                None,
            )
        })
    })
}

/// A validator's own message with any regular expression in it replaced by
/// words: the last resort, for a constraint `describe` does not know.
fn scrub(raw: &str) -> String {
    let Some((value, quoted)) = raw.split_once(" does not match ") else {
        return raw.to_owned();
    };
    let pattern = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"'));
    let (what, example) = pattern_words(pattern.unwrap_or_default(), &[]);
    match example.is_empty() {
        true => format!("{value} is not {what}"),
        false => format!("{value} is not {what}, e.g. {example}"),
    }
}

fn unknown_variant(path: Vec<String>, given: &str, names: &[&str]) -> Violation {
    let listed = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match closest(given, names) {
        Some(near) => format!("did you mean `{near}`? The choices are {listed}"),
        None => format!("the choices are {listed}"),
    };
    Violation::new(
        path,
        format!("`{given}` is not one of the choices"),
        Some(hint),
    )
}

/// `jobs[0].hook[1]` as serde_yaml writes a path, as key segments.
fn segments(path: &str) -> Vec<String> {
    path.split('.')
        .flat_map(|part| part.split('['))
        .map(|s| s.trim_end_matches(']').to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Turns a serde_yaml error into a located message, suggesting the closest
/// valid key for an unknown one.
pub(super) fn yaml_error(file: &str, text: &str, e: &serde_yaml::Error) -> Error {
    let (path, message) = serde_message(&e.to_string());
    let said = Said {
        path,
        message,
        hint: None,
        location: e.location().map(|l| (l.line(), l.column())),
    };
    let Said {
        path,
        message,
        hint,
        location,
    } = in_words(said, text);
    let message = type_words(&message);
    let hint = hint.or_else(|| key_help(&path));
    EngineError::Input {
        location: Some(Location {
            file: file.to_owned(),
            line: Some(location.map_or(1, |l| l.0)),
            column: Some(location.map_or(1, |l| l.1)),
        }),
        key: Some(path.join(".")).filter(|k| !k.is_empty()),
        message,
        hint,
    }
    .into()
}

/// A serde_yaml error on its way to a user's words: at which key, what,
/// how to fix it, and where (line and column).
struct Said {
    path: Vec<String>,
    message: String,
    hint: Option<String>,
    location: Option<(usize, usize)>,
}

/// serde_yaml's message, split into the key path it starts with and the
/// rest. serde_yaml writes " at line L column C" after the message; the
/// location goes in front instead, and any context after it stays.
fn serde_message(raw: &str) -> (Vec<String>, String) {
    let message = match raw.split_once(" at line ") {
        Some((head, tail)) => match tail.split_once(", ") {
            Some((_, context)) => format!("{head}, {context}"),
            None => head.to_owned(),
        },
        None => raw.to_owned(),
    };
    match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (segments(path), rest.to_owned()),
        _ => (Vec::new(), message),
    }
}

/// What serde said, in a user's words, by what kind of error it is.
fn in_words(said: Said, text: &str) -> Said {
    let message = said.message.clone();
    if let Some(unknown) = backticked_after(&message, "unknown field `") {
        unknown_key(said, text, unknown)
    } else if let Some(field) = backticked_after(&message, "missing field `") {
        missing_key(said, field)
    } else if let Some(field) = backticked_after(&message, "duplicate field `") {
        repeated_key(said, text, field)
    } else if let Some(given) = backticked_after(&message, "unknown variant `") {
        let violation = unknown_variant(said.path.clone(), given, &expected_names(&message));
        Said {
            message: violation.message,
            hint: violation.hint,
            ..said
        }
    } else if said.path.is_empty() && message.contains("expected struct Spec") {
        not_a_mapping(said)
    } else {
        tab_indented(said, text)
    }
}

/// The names serde lists after "expected", each in backticks.
fn expected_names(message: &str) -> Vec<&str> {
    message
        .split("expected ")
        .nth(1)
        .map(|list| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default()
}

/// A key the spec does not have, located at the key itself, with the
/// closest valid key suggested, else the valid keys listed.
fn unknown_key(mut said: Said, text: &str, unknown: &str) -> Said {
    let expected = expected_names(&said.message);
    said.hint = Some(match closest(unknown, &expected) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("valid keys here: {}", expected.join(", ")),
    });
    said.path.push(unknown.to_owned());
    if let Some(found) = locate(text, &said.path) {
        said.location = Some(found);
    }
    said.message = "unknown key".into();
    said
}

/// A required key left out, with what the schema says it is for.
fn missing_key(mut said: Said, field: &str) -> Said {
    said.message = format!("missing required key `{field}`");
    let mut missing = said.path.clone();
    missing.push(field.to_owned());
    said.hint = key_help(&missing).map(|h| format!("`{}`: {h}", missing.join(".")));
    said
}

/// A key written twice in one mapping, located at its last occurrence:
/// the one a reader keeps, and a repeat.
fn repeated_key(mut said: Said, text: &str, field: &str) -> Said {
    said.message = format!("`{field}` appears twice");
    said.hint = Some("each key may appear once in a mapping".into());
    said.path.push(field.to_owned());
    if let Some(found) = locate(text, &said.path) {
        said.location = Some(found);
    }
    said
}

/// A file that holds something other than a mapping of keys.
fn not_a_mapping(said: Said) -> Said {
    let found = said
        .message
        .split("invalid type: ")
        .nth(1)
        .and_then(|f| f.split(", expected").next())
        .unwrap_or("something else");
    Said {
        message: format!(
            "the file holds {}, not a mapping of keys",
            found_words(found)
        ),
        hint: Some(
            "a chartgen.yaml maps keys to values, one per line, e.g. `name: web-api` then \
             `image: nginx:1.27.3`; `chartgen new NAME` writes one"
                .into(),
        ),
        ..said
    }
}

/// Any other error, on a line indented with a tab: YAML's own rule.
fn tab_indented(mut said: Said, text: &str) -> Said {
    if let Some((line, _)) = said.location {
        if text
            .lines()
            .nth(line.saturating_sub(1))
            .is_some_and(|l| l.contains('\t'))
        {
            said.hint = Some("YAML indents with spaces; this line contains a tab".into());
        }
    }
    said
}

/// What serde calls a YAML node, as a user would.
fn found_words(found: &str) -> String {
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing".into(),
        other => other.replace("string ", "the text ").replace('`', ""),
    }
}

/// serde's words for the types it expected, as a user would say them: no
/// Rust type names (`struct ResourcesSpec`, `i32`, `untagged enum Quantity`).
fn type_words(message: &str) -> String {
    let mut message = message
        .replace("invalid type: ", "wrong type: found ")
        .replace("invalid value: ", "")
        .replace("found unit value", "found nothing")
        .replace("found map", "found a mapping")
        .replace("found sequence", "found a list")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected a mapping")
        .replace("expected u16", "expected an integer from 1 to 65535")
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        );
    for int in ["i8", "i16", "i32", "i64", "u8", "u64", "usize", "isize"] {
        message = message.replace(&format!("expected {int}"), "expected a whole number");
    }
    if let Some(at) = message.find("expected struct ") {
        message.truncate(at);
        message.push_str("expected a mapping of keys");
    }
    if let Some(at) = message.find("data did not match any variant of untagged enum ") {
        let name = &message[at + "data did not match any variant of untagged enum ".len()..];
        let words = match name.trim() {
            "Quantity" => "expected a quantity such as `250m` (CPU) or `128Mi` (memory)",
            "EnvironmentSpec" => {
                "expected an environment: a name such as `staging`, or a mapping with `name:` and its details"
            }
            _ => "the value has none of the forms expected here",
        };
        message.truncate(at);
        message.push_str(words);
    }
    message
}

fn backticked_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use serde_json::Value as Json;

    use super::super::load_spec;
    use super::pattern_help;

    fn patterns(node: &Json, out: &mut Vec<String>) {
        match node {
            Json::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        // A pattern under `not` is never reported as one.
                        ("not", _) => {}
                        ("pattern", Json::String(p)) => out.push(p.clone()),
                        _ => patterns(value, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|v| patterns(v, out)),
            _ => {}
        }
    }

    /// Every pattern the schemas have is said in words, so no message shows
    /// a regular expression.
    #[test]
    fn every_schema_pattern_has_words() {
        let mut all = Vec::new();
        patterns(&crate::model::input_schema(), &mut all);
        let keys: Vec<String> = crate::model::Values::KEYS
            .iter()
            .map(|k| k.to_string())
            .collect();
        patterns(&crate::model::values_schema(&keys), &mut all);
        assert!(all.len() > 10);
        for pattern in all {
            assert!(pattern_help(&pattern).is_some(), "no words for {pattern}");
        }
    }

    /// No message names a Rust type or shows a regular expression, whatever
    /// wrong value stands at whatever key.
    #[test]
    fn messages_speak_the_users_language() {
        let base = "name: web-api\nimage: nginx:1.27.3\n";
        let keys = [
            "blueprint",
            "description",
            "version",
            "kubeVersion",
            "command",
            "args",
            "port",
            "healthPath",
            "healthPort",
            "healthCommand",
            "preStop",
            "replicas",
            "schedule",
            "timeZone",
            "runAsUser",
            "fsGroup",
            "config",
            "secrets",
            "secretSources",
            "generatedSecrets",
            "resources",
            "hosts",
            "writablePaths",
            "storage",
            "jobs",
            "sidecars",
            "initContainers",
            "environments",
            "hostPaths",
            "sharedVolumes",
            "lint",
        ];
        let wrong = [
            "5",
            "-1",
            "1.5",
            "[1]",
            "[]",
            "{a: 1}",
            "{}",
            "x",
            "\"\"",
            "~",
            "[{}]",
            "[x]",
            "{cpu: x}",
            "{cpu: [1]}",
            "{memory: -1}",
            "[{name: x}]",
            "{rules: {CG1: on}}",
            "{Bad_Name: /x}",
            "{x: {from: y}}",
            "{mountPath: x}",
            "[{name: m, command: [x], hook: [x]}]",
        ];
        let rust = regex::Regex::new(
            r"\b(struct|enum|i32|u16|u32|u64|i64|usize|Vec|BTreeMap|Option|String)\b|\^|\$\b|\[0-9",
        )
        .unwrap();
        for key in keys {
            for value in wrong {
                let text = format!("{base}{key}: {value}\n");
                if let Err(e) = load_spec("c.yaml", &text) {
                    let shown = e.to_string();
                    assert!(!rust.is_match(&shown), "{key}: {value}: {shown}");
                    assert!(shown.starts_with("c.yaml:"), "{key}: {value}: {shown}");
                }
            }
        }
        for text in ["- a\n- b\n", "hello\n", "42\n"] {
            let shown = load_spec("c.yaml", text).unwrap_err().to_string();
            assert!(!rust.is_match(&shown), "{text}: {shown}");
            assert!(shown.contains("not a mapping of keys"), "{shown}");
        }
    }
}
