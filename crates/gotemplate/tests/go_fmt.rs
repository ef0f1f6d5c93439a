//! Go's `fmt` tests (`fmt/fmt_test.go`, the verbs and values templates can
//! print), as data in `data/go_fmt_cases.json`.

use std::rc::Rc;

use gotemplate::fmt::sprintf;
use gotemplate::Value;
use serde_json::Value as Json;

fn value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) if !n.to_string().contains(['.', 'e']) => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Value::string(s.as_str()),
        Json::Array(items) => Value::list(items.iter().map(value).collect()),
        Json::Object(o) => {
            if let Some(u) = o.get("$uint") {
                return Value::Uint(u.as_u64().unwrap_or_default());
            }
            if let Some(Json::Array(b)) = o.get("$bytes") {
                let bytes: Vec<u8> = b
                    .iter()
                    .map(|x| x.as_u64().unwrap_or_default() as u8)
                    .collect();
                return Value::Bytes(Rc::from(bytes));
            }
            match o.get("$float").and_then(Json::as_str) {
                Some("+Inf") => Value::Float(f64::INFINITY),
                Some("-Inf") => Value::Float(f64::NEG_INFINITY),
                Some(_) => Value::Float(f64::NAN),
                None => panic!("unknown value {j}"),
            }
        }
    }
}

#[test]
fn go_fmt_cases_pass() {
    let data: Json =
        serde_json::from_str(include_str!("data/go_fmt_cases.json")).expect("valid JSON");
    let cases = data["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let (mut passed, mut skipped) = (0, 0);
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        let format = case["format"].as_str().unwrap_or_default();
        let args: Vec<Value> = match case["args"].as_array() {
            Some(a) => a.iter().map(value).collect(),
            None => vec![value(&case["arg"])],
        };
        let got = sprintf(format, &args);
        let want = case["out"].as_str().unwrap_or_default();
        if got == want {
            passed += 1;
        } else {
            failures.push(format!(
                "{format:?} {}: got {got:?} want {want:?}",
                case["arg"]
            ));
        }
    }
    eprintln!(
        "Go fmt cases: {passed} pass, {} fail, {skipped} cannot apply, of {}",
        failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
