//! The reference implementations' own tests as data: sprig's `runt`/`runtv`
//! cases (`data/sprig-suite-cases.json`) and Helm's `TestFuncs` table
//! (`data/helm-funcs-suite-cases.json`), both extracted from the Go test
//! files by `data/extract_suites.py`, run on the engine with Helm's function
//! table and compared with the output (or the error) the Go test states.
//! A case that cannot apply (a function Helm does not register, Go-only
//! data, Go's seeded `math/rand`) says why in the data and is counted apart.

use std::collections::BTreeMap;

use gotemplate::{List, ListKind, Map, MapKind, TemplateSet, Value};
use serde_json::Value as Json;

/// A Go test's data as a template value: JSON integers are Go `int`s,
/// `{"$int64": n}` an `int64`, objects `map[string]interface {}`.
fn value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) if !n.to_string().contains('.') => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Value::string(s.as_str()),
        Json::Array(items) => {
            Value::List(List::new(ListKind::Any, items.iter().map(value).collect()))
        }
        Json::Object(o) => {
            if let Some(n) = o.get("$int64").and_then(Json::as_i64) {
                return Value::Int64(n);
            }
            let entries: BTreeMap<_, _> = o
                .iter()
                .map(|(k, v)| (k.as_str().into(), value(v)))
                .collect();
            Value::Map(Map::from_entries(MapKind::Any, entries))
        }
    }
}

/// Runs one case as the Go test does: `template.New("test").Funcs(...)
/// .Parse(tpl).Execute(&b, vars)`, Go's default `missingkey`.
fn run(case: &Json) -> Result<(), String> {
    let template = case["template"].as_str().unwrap_or_default();
    let mut set = TemplateSet::new(helm_engine::render::funcs::table());
    let got = set
        .parse("test", template)
        .and_then(|()| set.execute("test", value(&case["data"])))
        .map_err(|e| e.to_string());
    match (case["error"] == true, got) {
        (true, Err(_)) => Ok(()),
        (true, Ok(out)) => Err(format!("expected an error, got {out:?}")),
        (false, Err(e)) => Err(format!("error {e}")),
        (false, Ok(out)) => {
            let want = case["output"].as_str().unwrap_or_default();
            if out == want {
                Ok(())
            } else {
                Err(format!("got {out:?}, want {want:?}"))
            }
        }
    }
}

/// Runs every case of `file`, prints the counts under `title` and fails on
/// any case that applies and does not pass.
fn suite(title: &str, file: &str) {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("the cases file is there");
    let data: Json = serde_json::from_str(&text).expect("the cases are JSON");
    let cases = data["cases"].as_array().expect("cases");
    let (mut passed, mut skipped, mut failures) = (0, 0, Vec::new());
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        match run(case) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!(
                "{} {} {:?}: {why}",
                case["source"].as_str().unwrap_or_default(),
                case["test"].as_str().unwrap_or_default(),
                case["template"].as_str().unwrap_or_default(),
            )),
        }
    }
    eprintln!(
        "{title}: {passed} pass, {} fail, {skipped} cannot apply, of {}",
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

#[test]
fn sprig_suite_cases_pass() {
    suite("sprig suite", "sprig-suite-cases.json");
}

#[test]
fn helm_funcs_suite_cases_pass() {
    suite("Helm funcs suite", "helm-funcs-suite-cases.json");
}

/// A text of the data: a string, or `{"repeat": s, "times": n}`.
fn text(j: &Json) -> String {
    match j {
        Json::String(s) => s.clone(),
        _ => j["repeat"]
            .as_str()
            .unwrap_or_default()
            .repeat(j["times"].as_u64().unwrap_or_default() as usize),
    }
}

/// An engine error as Helm prints it: a template error's own words.
fn helm_words(e: &helm_engine::Error) -> String {
    match e {
        helm_engine::Error::Template { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// Renders a chart case's folder as `helm template` does (dependencies
/// processed, values coalesced), `repeat` times.
fn render_chart(case: &Json) -> Result<helm_engine::Rendered, String> {
    use helm_engine::render::{capabilities::Capabilities, funcs, objects::Release, set};
    let files = case["files"]
        .as_object()
        .expect("files")
        .iter()
        .map(|(path, body)| (path.clone(), text(body).into_bytes()))
        .collect();
    let mut chart = helm_engine::loader::load_files(files, "suite").map_err(|e| e.to_string())?;
    let user = case["values"].as_object().cloned().unwrap_or_default();
    helm_engine::dependencies::process_dependencies(&mut chart, &user)
        .map_err(|e| e.to_string())?;
    let merged = helm_engine::values::coalesce_values(&chart, &user).map_err(|e| e.to_string())?;
    let target = set::Target {
        release: Release::template(
            case["release"].as_str().unwrap_or_default(),
            "default",
            false,
        ),
        capabilities: Capabilities::new(None, &[]),
        lint: case["lint"] == true,
        set: serde_json::Map::new(),
    };
    let mut out = Err(String::new());
    for _ in 0..case["repeat"].as_u64().unwrap_or(1) {
        out = set::render(&chart, funcs::table(), &merged, &target).map_err(|e| helm_words(&e));
        if out.is_err() {
            break;
        }
    }
    out
}

/// Runs Helm's unexported `Engine.render` on bare templates: one set,
/// `missingkey=zero`, each template executed on the data in turn, Helm's
/// wording of the first error.
fn render_bare(case: &Json) -> Result<helm_engine::Rendered, String> {
    use helm_engine::render::{errors, funcs};
    let mut set = TemplateSet::new(funcs::table());
    set.options.missing_key = gotemplate::MissingKey::Zero;
    let templates = case["templates"].as_array().expect("templates");
    let name_text = |t: &Json| {
        (
            t[0].as_str().unwrap_or_default().to_owned(),
            t[1].as_str().unwrap_or_default().to_owned(),
        )
    };
    for (name, body) in templates.iter().map(name_text) {
        set.parse(&name, &body)
            .map_err(|e| errors::parse_error(&name, &e))?;
    }
    let mut out = helm_engine::Rendered::new();
    let mut state = funcs::State::new(case["lint"] == true);
    for (name, _) in templates.iter().map(name_text) {
        let text = set
            .execute_with(&name, value(&case["data"]), &mut state)
            .map_err(|e| errors::exec_error(&name, &e))?;
        out.insert(name, text.replace("<no value>", ""));
    }
    Ok(out)
}

/// Checks Helm's function table: what `TestFuncMap` wants there and not.
fn funcmap(case: &Json) -> Result<(), String> {
    let defined = |name: &str| {
        let mut set = TemplateSet::new(helm_engine::render::funcs::table());
        set.parse(
            "t",
            &format!("{{{{ if false }}}}{{{{ {name} }}}}{{{{ end }}}}"),
        )
        .is_ok()
    };
    let names = |key: &str| -> Vec<String> {
        case[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for name in names("absent") {
        if defined(&name) {
            return Err(format!("forbidden function {name} exists"));
        }
    }
    for name in names("present") {
        if !defined(&name) {
            return Err(format!("expected function {name}"));
        }
    }
    Ok(())
}

/// Runs one case of Helm's engine tests and compares with what it states.
fn run_engine_case(case: &Json) -> Result<(), String> {
    let got = match case["kind"].as_str() {
        Some("funcmap") => return funcmap(case),
        Some("chart") => render_chart(case),
        Some("renderables") => render_bare(case),
        other => return Err(format!("unknown kind {other:?}")),
    };
    let error_wanted = ["error", "error_suffix", "error_contains"]
        .iter()
        .find_map(|k| case[*k].as_str().map(|w| (*k, w)));
    match (got, error_wanted) {
        (Ok(out), None) => {
            if let Some(n) = case["expect_count"].as_u64() {
                if out.len() as u64 != n {
                    return Err(format!(
                        "{} files rendered, want {n}: {:?}",
                        out.len(),
                        out.keys()
                    ));
                }
            }
            for (name, want) in case["expect"].as_object().into_iter().flatten() {
                let want = text(want);
                match out.get(name) {
                    Some(got) if *got == want => {}
                    got => return Err(format!("{name}: got {got:?}, want {want:?}")),
                }
            }
            Ok(())
        }
        (Ok(out), Some((_, want))) => Err(format!("rendered {out:?}, want the error {want:?}")),
        (Err(e), None) => Err(format!("error {e}")),
        (Err(e), Some((kind, want))) => {
            let ok = match kind {
                "error" => e == want,
                "error_suffix" => e.ends_with(want),
                _ => e.contains(want),
            };
            if ok {
                Ok(())
            } else {
                Err(format!("error {e:?}, want ({kind}) {want:?}"))
            }
        }
    }
}

#[test]
fn helm_engine_suite_cases_pass() {
    let path = format!(
        "{}/tests/data/helm-engine-suite-cases.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("the cases file is there");
    let data: Json = serde_json::from_str(&text).expect("the cases are JSON");
    let cases = data["cases"].as_array().expect("cases");
    let (mut passed, mut skipped, mut failures) = (0, 0, Vec::new());
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        match run_engine_case(case) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!(
                "{} {}: {why}",
                case["source"].as_str().unwrap_or_default(),
                case["test"].as_str().unwrap_or_default()
            )),
        }
    }
    eprintln!(
        "Helm engine suite: {passed} pass, {} fail, {skipped} cannot apply, of {}",
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

/// The files of a chart tree `{name, values, deps}` under `prefix`.
fn tree_files(node: &Json, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let name = node["name"].as_str().unwrap_or_default();
    let chart = format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n");
    out.push((format!("{prefix}Chart.yaml"), chart.into_bytes()));
    out.push((
        format!("{prefix}values.yaml"),
        node["values"].to_string().into_bytes(),
    ));
    for dep in node["deps"].as_array().into_iter().flatten() {
        let dep_name = dep["name"].as_str().unwrap_or_default();
        tree_files(dep, &format!("{prefix}charts/{dep_name}/"), out);
    }
}

/// The value at a dotted `path`, if every step is there.
fn at<'a>(values: &'a serde_json::Map<String, Json>, path: &str) -> Option<&'a Json> {
    let mut steps = path.split('.');
    let mut here = values.get(steps.next()?)?;
    for step in steps {
        here = here.as_object()?.get(step)?;
    }
    Some(here)
}

/// Checks `values` against a case's `absent`, `null`, `present` and
/// `equals`.
fn check_paths(case: &Json, values: &serde_json::Map<String, Json>) -> Result<(), String> {
    let paths = |key: &str| -> Vec<&str> {
        case[key]
            .as_array()
            .map(|a| a.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default()
    };
    for path in paths("absent") {
        if let Some(v) = at(values, path) {
            return Err(format!("{path} is {v}, want it left out"));
        }
    }
    for path in paths("null") {
        if at(values, path) != Some(&Json::Null) {
            return Err(format!("{path} is {:?}, want a null", at(values, path)));
        }
    }
    for path in paths("present") {
        if at(values, path).is_none() {
            return Err(format!("{path} is left out, want it kept"));
        }
    }
    for pair in case["equals"].as_array().into_iter().flatten() {
        let path = pair[0].as_str().unwrap_or_default();
        if at(values, path) != Some(&pair[1]) {
            return Err(format!(
                "{path} is {:?}, want {}",
                at(values, path),
                pair[1]
            ));
        }
    }
    Ok(())
}

/// Runs one case of Helm's `coalesce_test.go`.
fn run_coalesce_case(case: &Json) -> Result<(), String> {
    use helm_engine::values;
    let as_map = |j: &Json| j.as_object().cloned().unwrap_or_default();
    let result = match case["kind"].as_str() {
        Some("tables") => {
            let mut dst = as_map(&case["dst"]);
            let src = as_map(&case["src"]);
            if case["merge"] == true {
                values::merge_tables(&mut dst, src);
            } else {
                values::coalesce_tables(&mut dst, src);
            }
            dst
        }
        Some(kind @ ("coalesce" | "merge")) => {
            let mut files = Vec::new();
            tree_files(&case["chart"], "", &mut files);
            let chart =
                helm_engine::loader::load_files(files, "suite").map_err(|e| e.to_string())?;
            let user = match case["user_yaml"].as_str() {
                Some(text) => as_map(
                    &helm_engine::read::read_values(text)
                        .map_err(|e| e.to_string())?
                        .value,
                ),
                None => as_map(&case["user"]),
            };
            let before = user.clone();
            let merged = if kind == "merge" {
                values::merge_values(&chart, &user)
            } else {
                values::coalesce_values(&chart, &user)
            }
            .map_err(|e| e.to_string())?;
            // "CoalesceValues should not mutate the passed arguments".
            if user != before {
                return Err("the user values changed".into());
            }
            merged
        }
        other => return Err(format!("unknown kind {other:?}")),
    };
    check_paths(case, &result)?;
    let data = value(&Json::Object(result));
    for row in case["templates"].as_array().into_iter().flatten() {
        let (tpl, want) = (
            row[0].as_str().unwrap_or_default(),
            row[1].as_str().unwrap_or_default(),
        );
        let mut set = TemplateSet::new(std::sync::Arc::new(gotemplate::builtins::table()));
        let got = set
            .parse("t", tpl)
            .and_then(|()| set.execute("t", data.clone()))
            .map_err(|e| e.to_string())?;
        if got != want {
            return Err(format!("{tpl}: got {got:?}, want {want:?}"));
        }
    }
    Ok(())
}

#[test]
fn helm_coalesce_suite_cases_pass() {
    let path = format!(
        "{}/tests/data/helm-coalesce-suite-cases.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("the cases file is there");
    let data: Json = serde_json::from_str(&text).expect("the cases are JSON");
    let cases = data["cases"].as_array().expect("cases");
    let (mut passed, mut skipped, mut failures) = (0, 0, Vec::new());
    for case in cases {
        if case["applies"] == false {
            assert!(case["why"].is_string(), "a case that cannot apply says why");
            skipped += 1;
            continue;
        }
        match run_coalesce_case(case) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!(
                "{}: {why}",
                case["test"].as_str().unwrap_or_default()
            )),
        }
    }
    eprintln!(
        "Helm coalesce suite: {passed} pass, {} fail, {skipped} cannot apply, of {}",
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
