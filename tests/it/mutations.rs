//! The generator as a property: every spec chartgen accepts gives a chart
//! whose values pass its own schema and that Helm lints strict-clean and
//! renders; every spec it refuses is exit 2, located, with nothing written.
//!
//! The specs are the fixtures with one mutation each, of the kind a new
//! user's typo makes: a key dropped or misspelt, a value of the wrong type, a
//! string YAML 1.1 reads as something else, an empty or repeated list. A
//! seeded generator makes the run the same every time; `CHARTGEN_MUTATION_SEED`
//! and `CHARTGEN_MUTATIONS` explore further.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value as Json;
use serde_yaml::{Mapping, Value};

use crate::oracle::oracle;
use crate::support::{chartgen, files_under, fixture, Rng};

/// Mutated specs per run.
const MUTATIONS: usize = 400;
/// The Kubernetes version Helm lints against.
const KUBE_VERSION: &str = "v1.37.0";

/// Values a typo or a misunderstanding puts where another was meant.
fn replacements() -> Vec<Value> {
    let s = |t: &str| Value::String(t.into());
    let mut out: Vec<Value> = [
        "",
        "null",
        "true",
        "yes",
        "on",
        "no",
        "0",
        "123",
        "0755",
        "1e3",
        "1.10",
        "LATEST",
        "a b",
        "-",
        "*",
        "#x",
        ": x",
        "x:",
        "Ünïcode",
        "UPPER",
        "-leading",
        "trailing-",
        "/",
        "/tmp",
        "1.2.3",
        "v1",
        "latest",
        "~",
        "@daily",
        "0 3 * * *",
        "x,y",
    ]
    .iter()
    .map(|t| s(t))
    .collect();
    out.push(s(&"x".repeat(300)));
    out.extend([
        Value::Null,
        Value::Bool(true),
        Value::Bool(false),
        Value::Number(0.into()),
        Value::Number((-1).into()),
        Value::Number(65536.into()),
        Value::Number(serde_yaml::Number::from(1.5)),
        Value::Sequence(vec![]),
        Value::Sequence(vec![s("")]),
        Value::Sequence(vec![s("x")]),
        Value::Mapping(Mapping::new()),
    ]);
    out
}

/// A place in the document: the key path from the root.
type KeyPath = Vec<Value>;

/// Every node below the root, by path.
fn paths(node: &Value, here: &mut KeyPath, out: &mut Vec<KeyPath>) {
    match node {
        Value::Mapping(map) => {
            for (k, v) in map {
                here.push(k.clone());
                out.push(here.clone());
                paths(v, here, out);
                here.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                here.push(Value::Number(i.into()));
                out.push(here.clone());
                paths(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(root: &'a mut Value, path: &[Value]) -> &'a mut Value {
    let mut node = root;
    for key in path {
        node = match node {
            Value::Mapping(map) => map.get_mut(key).expect("path exists"),
            Value::Sequence(items) => &mut items[key.as_u64().expect("an index") as usize],
            _ => panic!("no {key:?} below a scalar"),
        };
    }
    node
}

/// A one-edit typo of a key: two letters swapped, one dropped, or doubled.
fn typo(rng: &mut Rng, key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 2 {
        return format!("{key}{key}");
    }
    let i = rng.below(chars.len() - 1);
    let mut out = chars.clone();
    match rng.below(3) {
        0 => out.swap(i, i + 1),
        1 => {
            out.remove(i);
        }
        _ => out.insert(i, chars[i]),
    }
    out.into_iter().collect()
}

/// One mutation of `spec`, and what it did (for the failure report).
fn mutate(rng: &mut Rng, spec: &Value) -> (Value, String) {
    let mut spec = spec.clone();
    let mut all = Vec::new();
    paths(&spec, &mut Vec::new(), &mut all);
    let path = rng.pick(&all).clone();
    let (parent_path, last) = path.split_at(path.len() - 1);
    let last = &last[0];
    let shown = path
        .iter()
        .map(|k| match k {
            Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other).unwrap().trim().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(".");
    let parent = node_mut(&mut spec, parent_path);
    let what = match (rng.below(5), parent) {
        (0, Value::Mapping(map)) => {
            map.remove(last);
            format!("removed `{shown}`")
        }
        (1, Value::Mapping(map)) if last.is_string() => {
            let value = map.remove(last).expect("key exists");
            let wrong = typo(rng, last.as_str().unwrap());
            map.insert(Value::String(wrong.clone()), value);
            format!("renamed `{shown}` to `{wrong}`")
        }
        (2, parent) => {
            let node = match parent {
                Value::Mapping(map) => map.get_mut(last).expect("key exists"),
                Value::Sequence(items) => &mut items[last.as_u64().unwrap() as usize],
                _ => unreachable!("a parent holds children"),
            };
            match node {
                Value::Sequence(items) if !items.is_empty() => {
                    let first = items[0].clone();
                    items.push(first);
                    format!("repeated the first item of `{shown}`")
                }
                Value::Sequence(_) | Value::Mapping(_) => {
                    *node = Value::Sequence(vec![]);
                    format!("emptied `{shown}`")
                }
                _ => {
                    *node = Value::String(node_text(node).to_uppercase());
                    format!("upper-cased `{shown}`")
                }
            }
        }
        (_, parent) => {
            let value = rng.pick(&replacements()).clone();
            let text = serde_yaml::to_string(&value).unwrap();
            match parent {
                Value::Mapping(map) => {
                    map.insert(last.clone(), value);
                }
                Value::Sequence(items) => items[last.as_u64().unwrap() as usize] = value,
                _ => unreachable!("a parent holds children"),
            }
            format!("set `{shown}` to {}", short(text.trim()))
        }
    };
    (spec, what)
}

/// A value as a failure report shows it: long ones cut.
fn short(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}… ({} characters)", &text[..at], text.chars().count()),
        None => text.to_owned(),
    }
}

fn node_text(node: &Value) -> String {
    match node {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap().trim().to_owned(),
    }
}

/// The values files of a generated chart, as JSON.
fn values_files(chart: &Path) -> Vec<(String, Json)> {
    files_under(chart)
        .into_iter()
        .filter(|f| {
            !f.contains('/')
                && (f == "values.yaml" || (f.starts_with("values-") && f.ends_with(".yaml")))
        })
        .map(|f| {
            let text = std::fs::read_to_string(chart.join(&f)).unwrap();
            let value: Json = serde_yaml::from_str(&text).unwrap();
            (f, value)
        })
        .collect()
}

#[test]
fn every_accepted_spec_gives_a_chart_helm_accepts_and_every_refusal_is_located() {
    let Some(mut helm) = oracle() else { return };
    let seed = std::env::var("CHARTGEN_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let count = std::env::var("CHARTGEN_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(MUTATIONS);
    let mut rng = Rng(seed);
    let specs: Vec<(String, Value)> = files_under(&fixture("specs"))
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(fixture(&format!("specs/{name}"))).unwrap();
            (name, serde_yaml::from_str(&text).unwrap())
        })
        .collect();
    let located = regex::Regex::new(r"chartgen\.yaml:\d+:\d+: ").unwrap();

    let mut failures = String::new();
    let (mut accepted, mut refused) = (0, 0);
    for n in 0..count {
        let (fixture_name, spec) = rng.pick(&specs);
        let (mutated, what) = mutate(&mut rng, spec);
        let dir = tempfile::tempdir().unwrap();
        // One spec in four is written in flow style (as JSON), which YAML
        // reads alike and errors must locate as well.
        let flow = rng.below(4) == 0;
        let text = if flow {
            serde_json::to_string_pretty(&mutated).unwrap()
        } else {
            serde_yaml::to_string(&mutated).unwrap()
        };
        std::fs::write(dir.path().join("chartgen.yaml"), &text).unwrap();
        let output = chartgen(dir.path(), &["render", "chartgen.yaml", "-o", "out"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let style = if flow { " (flow style)" } else { "" };
        let case = format!("#{n} {fixture_name}{style}: {what}");
        let out = dir.path().join("out");
        match output.status.code() {
            Some(0) => {
                accepted += 1;
                let Some(chart) = std::fs::read_dir(&out)
                    .ok()
                    .and_then(|mut d| d.next())
                    .map(|e| e.unwrap().path())
                else {
                    let _ = writeln!(failures, "{case}: exit 0 but no chart written");
                    continue;
                };
                for (file, values) in values_files(&chart) {
                    let values = (file != "values.yaml").then_some(&values);
                    match helm.lint(&chart, KUBE_VERSION, values) {
                        Ok(report) => {
                            let problems: Vec<String> = report["messages"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .filter(|m| m["severity"].as_i64().unwrap_or(0) >= 2)
                                .map(|m| m["error"].as_str().unwrap_or("?").to_owned())
                                .collect();
                            if !problems.is_empty() {
                                let _ = writeln!(
                                    failures,
                                    "{case}: Helm lint with {file}: {}",
                                    problems.join("; ")
                                );
                            }
                        }
                        Err(e) => {
                            let _ = writeln!(failures, "{case}: Helm lint with {file}: {e}");
                        }
                    }
                }
            }
            Some(2) => {
                refused += 1;
                if !located.is_match(&stderr) {
                    let _ = writeln!(failures, "{case}: refused without a location: {stderr}");
                }
                if out.exists() {
                    let _ = writeln!(failures, "{case}: refused, but wrote {}", out.display());
                }
            }
            other => {
                let _ = writeln!(failures, "{case}: exit {other:?}: {stderr}");
            }
        }
    }
    eprintln!("mutations: {accepted} accepted, {refused} refused (seed {seed})");
    assert!(
        accepted > count / 10 && refused > count / 10,
        "the mutations should exercise both outcomes: {accepted} accepted, {refused} refused"
    );
    assert!(failures.is_empty(), "mutated specs:\n{failures}");
}
