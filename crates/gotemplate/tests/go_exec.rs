//! Go's execution tests (`exec_test.go` and `multi_test.go`), as data in
//! `data/go_exec_cases.json`. Cases that depend on Go types this engine's
//! values do not have (struct methods, func values, complex numbers, typed
//! nil pointers, …) are kept in the data with `applies: false` and the
//! reason; every other case must pass.

use std::collections::BTreeMap;
use std::sync::Arc;

use gotemplate::{
    builtins, Call, FuncTable, List, ListKind, Map, MapKind, MissingKey, Result, TemplateSet, Value,
};
use serde_json::Value as Json;

fn type_of(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::string(c.arg(0).type_name()))
}

fn add(c: &mut Call<'_>) -> Result<Value> {
    let mut sum = 0;
    for i in 0..c.args.len() {
        sum += c.int(i)?;
    }
    Ok(Value::Int(sum))
}

fn echo(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(c.arg(0).clone())
}

fn makemap(c: &mut Call<'_>) -> Result<Value> {
    if c.args.len() % 2 != 0 {
        return Err(c.fail("bad makemap"));
    }
    let m = Map::new(MapKind::String);
    for i in (0..c.args.len()).step_by(2) {
        m.insert(c.str(i)?, Value::string(c.str(i + 1)?));
    }
    Ok(Value::Map(m))
}

fn map_of_three(c: &mut Call<'_>) -> Result<Value> {
    c.arity(0)?;
    let m = Map::default();
    m.insert("three", Value::Int(3));
    Ok(Value::Map(m))
}

fn one_arg(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::string(format!("oneArg={}", c.str(0)?)))
}

fn two_args(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::string(format!("twoArgs={}{}", c.str(0)?, c.str(1)?)))
}

fn ddd_arg(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let a = c.int(0)?;
    let mut rest = Vec::new();
    for i in 1..c.args.len() {
        rest.push(c.str(i)?.to_string());
    }
    Ok(Value::string(format!("{a} [{}]\n", rest.join(" "))))
}

fn zero_args(c: &mut Call<'_>) -> Result<Value> {
    c.arity(0)?;
    Ok(Value::string("zeroArgs"))
}

fn return_int(c: &mut Call<'_>) -> Result<Value> {
    c.arity(0)?;
    Ok(Value::Int(7))
}

fn value_string(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    c.str(0)?;
    Ok(Value::string("value is ignored"))
}

fn die(c: &mut Call<'_>) -> Result<Value> {
    Err(c.fail("die"))
}

fn funcs() -> Arc<FuncTable> {
    let mut t = builtins::table();
    t.register("typeOf", type_of);
    t.register("add", add);
    t.register("echo", echo);
    t.register("makemap", makemap);
    t.register("mapOfThree", map_of_three);
    t.register("oneArg", one_arg);
    t.register("twoArgs", two_args);
    t.register("dddArg", ddd_arg);
    t.register("zeroArgs", zero_args);
    t.register("returnInt", return_int);
    t.register("valueString", value_string);
    t.register("die", die);
    Arc::new(t)
}

/// The test data's JSON as a template value.
fn value(j: &Json, refs: &Json) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) if !n.to_string().contains('.') => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Value::string(s.as_str()),
        Json::Array(items) => Value::List(List::new(
            ListKind::Any,
            items.iter().map(|i| value(i, refs)).collect(),
        )),
        Json::Object(o) => {
            if let Some(u) = o.get("$uint") {
                return Value::Uint(u.as_u64().unwrap_or_default());
            }
            if let Some(Json::String(r)) = o.get("$ref") {
                return value(&refs[r.as_str()], refs);
            }
            let entries: BTreeMap<_, _> = o
                .iter()
                .map(|(k, v)| (k.as_str().into(), value(v, refs)))
                .collect();
            Value::Map(Map::from_entries(MapKind::Any, entries))
        }
    }
}

fn pairs(j: &Json) -> Vec<(String, String)> {
    j.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or_default().to_string(),
                        p[1].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one case; `Err` says how it failed.
fn run(case: &Json, refs: &Json, funcs: &Arc<FuncTable>) -> std::result::Result<(), String> {
    let name = case["name"].as_str().unwrap_or_default();
    let input = case["input"].as_str().unwrap_or_default();
    let ok = case["ok"].as_bool().unwrap_or(false);
    let table = if case["funcs"] == "builtins" {
        Arc::new(builtins::table())
    } else {
        funcs.clone()
    };
    let mut set = TemplateSet::new(table);
    set.delims(
        case["left"].as_str().unwrap_or(""),
        case["right"].as_str().unwrap_or(""),
    );
    set.options.missing_key = match case["missing_key"].as_str() {
        Some("zero") => MissingKey::Zero,
        Some("error") => MissingKey::Error,
        _ => MissingKey::Invalid,
    };
    for (n, t) in pairs(&case["templates"]) {
        set.parse(&n, &t)
            .map_err(|e| format!("parse of {n}: {e}"))?;
    }
    if let Err(e) = set.parse(name, input) {
        return match case["parse_error_contains"].as_str() {
            Some(want) if e.to_string().contains(want) => Ok(()),
            _ if !ok && case["parse_only"] == true => Ok(()),
            _ => Err(format!("parse error {e}")),
        };
    }
    if case["parse_error_contains"].is_string() {
        return Err("expected a parse error".into());
    }
    for (n, t) in pairs(&case["templates_after"]) {
        set.parse(&n, &t)
            .map_err(|e| format!("parse of {n}: {e}"))?;
    }
    if case["parse_only"] == true {
        if !ok {
            return Err("expected a parse error".into());
        }
        if let Some(defs) = case["defines"].as_object() {
            for (def, want) in defs {
                let got = set.lookup(def).map(|t| t.to_go_string(false));
                if got.as_deref() != want.as_str() {
                    return Err(format!("{def} is {got:?}, want {want}"));
                }
            }
        }
        if let Some(n) = case["template_count"].as_u64() {
            if set.names().len() as u64 != n {
                return Err(format!("{} templates, want {n}", set.names().len()));
            }
        }
        return Ok(());
    }
    let target = case["execute"].as_str().unwrap_or(name);
    let data = value(&case["data"], refs);
    match set.execute(target, data) {
        Ok(out) => {
            if !ok {
                return Err(format!("expected an error, got {out:?}"));
            }
            let want = case["output"].as_str().unwrap_or_default();
            if out != want {
                return Err(format!("got {out:?}, want {want:?}"));
            }
            Ok(())
        }
        Err(e) => {
            if ok {
                return Err(format!("unexpected error {e}"));
            }
            if let Some(want) = case["error"].as_str() {
                if e.to_string() != want {
                    return Err(format!("error {e}, want {want}"));
                }
            }
            if let Some(want) = case["error_contains"].as_str() {
                if !e.to_string().contains(want) {
                    return Err(format!("error {e} lacks {want}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn go_execution_cases_pass() {
    let data: Json =
        serde_json::from_str(include_str!("data/go_exec_cases.json")).expect("valid JSON");
    let refs = &data["values"];
    let cases = data["cases"].as_array().expect("cases");
    let funcs = funcs();
    let mut failures = Vec::new();
    let (mut passed, mut skipped) = (0, 0);
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        match run(case, refs, &funcs) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!(
                "{} / {} ({:?}): {why}",
                case["suite"].as_str().unwrap_or_default(),
                case["label"]
                    .as_str()
                    .or(case["name"].as_str())
                    .unwrap_or_default(),
                case["input"].as_str().unwrap_or_default()
            )),
        }
    }
    eprintln!(
        "Go execution cases: {passed} pass, {} fail, {skipped} cannot apply, of {}",
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
