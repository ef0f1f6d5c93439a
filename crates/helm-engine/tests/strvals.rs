//! Helm's `--set*` grammars against the Helm SDK's own parses: each case of
//! `tests/data/strvals-cases.json` (kind, text, and the values or error
//! the SDK's `parse_set_*` gave, recorded with it; `tests/it/template.rs`
//! checks the record against the live SDK) parsed by `helm_engine::strvals`.
//! `@DATA@` in a text or error stands for this folder.

use std::path::Path;

use helm_engine::strvals::{parse, SetKind};
use serde_json::Value as Json;

/// Numbers compared by value: the SDK hands back JSON, where Go's `int64`
/// and `float64` read alike.
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn kind(name: &str) -> SetKind {
    match name {
        "set" => SetKind::Typed,
        "set_string" => SetKind::String,
        "set_json" => SetKind::Json,
        "set_literal" => SetKind::Literal,
        "set_file" => SetKind::File,
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn set_flags_parse_as_helm_parses_them() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dir = data.display().to_string();
    let cases: Vec<Json> =
        serde_json::from_str(&std::fs::read_to_string(data.join("strvals-cases.json")).unwrap())
            .unwrap();
    assert!(cases.len() > 100);
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap().replace("@DATA@", &dir);
        let mut read = |path: &str| {
            std::fs::read_to_string(path)
                .map_err(|_| format!("open {path}: no such file or directory"))
        };
        let got = parse(kind(case["kind"].as_str().unwrap()), &text, &mut read)
            .map(Json::Object)
            .map_err(|e| e.replace(&dir, "@DATA@"));
        let ok = match (&got, case.get("values"), case.get("error")) {
            (Ok(v), Some(want), None) => same(v, want),
            (Err(e), None, Some(want)) => e == want.as_str().unwrap(),
            _ => false,
        };
        if !ok {
            failures.push(format!("{case}\n  got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn set_types_integers_and_set_json_floats_as_go_does() {
    let mut none = |p: &str| Err(format!("open {p}: no such file or directory"));
    let typed = parse(SetKind::Typed, "a=1000000", &mut none).unwrap();
    assert!(typed["a"].is_i64(), "--set integers are int64");
    let json = parse(SetKind::Json, "a=1000000", &mut none).unwrap();
    assert!(json["a"].is_f64(), "--set-json numbers are float64");
}
