//! Templates probed with the Helm SDK (Go's text/template inside Helm
//! v4.2.3), as data in `data/helm_probe_cases.json`: the engine, set up as
//! Helm sets up Go's (missingkey=zero, values read as JSON numbers, the
//! `<no value>` text removed from the output), must print what Helm
//! printed and fail where Helm failed, at the same place with the same
//! message.

use std::collections::BTreeMap;
use std::sync::Arc;

use gotemplate::{
    builtins, Error, ErrorKind, List, ListKind, Map, MapKind, MissingKey, TemplateSet, Value,
};
use serde_json::Value as Json;

/// Values as Helm hands them to templates: every number is a float64, and
/// a key whose value is null is gone (Helm's coalescing removes it).
fn value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Float(n.as_f64().unwrap_or_default()),
        Json::String(s) => Value::string(s.as_str()),
        Json::Array(items) => {
            Value::List(List::new(ListKind::Any, items.iter().map(value).collect()))
        }
        Json::Object(o) => {
            let entries: BTreeMap<_, _> = o
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.as_str().into(), value(v)))
                .collect();
            Value::Map(Map::from_entries(MapKind::Any, entries))
        }
    }
}

const FILE: &str = "p/templates/t.yaml";

/// Helm's shapes of an error: `parse error at (FILE:LINE): LAST` for a
/// parse error (Helm's cleanupParseError), Go's one line for a function's
/// error, the three-line form otherwise.
fn helm_shape(e: &Error) -> String {
    if e.kind == ErrorKind::Parse {
        let text = e.to_string();
        let parts: Vec<&str> = text.split(": ").collect();
        return format!("parse error at ({}): {}", parts[1], parts[parts.len() - 1]);
    }
    if e.message.starts_with("error calling") {
        return e.to_string();
    }
    format!(
        "{}:{}:{}\n  executing {:?} at <{}>:\n    {}",
        e.template,
        e.line,
        e.column.unwrap_or(0),
        e.executing.as_deref().unwrap_or_default(),
        e.context.as_deref().unwrap_or_default(),
        e.message
    )
}

#[test]
fn templates_render_and_fail_as_helm_renders_and_fails_them() {
    let data: Json =
        serde_json::from_str(include_str!("data/helm_probe_cases.json")).expect("valid JSON");
    let values = match value(&data["values"]) {
        Value::Map(m) => Map::from_entries(MapKind::Values, m.snapshot().into_iter().collect()),
        _ => unreachable!("values are a map"),
    };
    let funcs = Arc::new(builtins::table());
    let cases = data["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut skipped = 0;
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        let text = case["template"].as_str().unwrap_or_default();
        let mut set = TemplateSet::new(funcs.clone());
        set.set_name("gotpl");
        set.options.missing_key = MissingKey::Zero;
        let top = Map::default();
        top.insert("Values", Value::Map(values.clone()));
        let got = set
            .parse(FILE, text)
            .and_then(|()| set.execute(FILE, Value::Map(top)))
            .map(|out| out.replace("<no value>", ""));
        match (
            got,
            case["helm_output"].as_str(),
            case["helm_error"].as_str(),
        ) {
            (Ok(out), Some(want), _) if out == want => {}
            (Err(e), _, Some(want)) if helm_shape(&e) == want => {}
            (got, want, want_err) => failures.push(format!(
                "{text:?}\n  got  {:?}\n  want {:?}",
                got.map_err(|e| helm_shape(&e)),
                want.or(want_err)
            )),
        }
    }
    eprintln!(
        "Helm probes: {} match, {} differ, {skipped} cannot apply, of {}",
        cases.len() - skipped - failures.len(),
        failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} differ from Helm:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
