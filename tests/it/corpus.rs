//! `chartgen validate` against Helm on public charts chartgen did not
//! write: every chart of the corpus (`$CHARTGEN_CORPUS`, else
//! `../shared/corpus/charts` beside the repository) that has a
//! `values.schema.json` (its own or a subchart's), with its defaults, each
//! of its `ci/*.yaml` files, and values with one wrong type (a boolean as a
//! string, a string as a number, a map as a list...), subcharts' keys
//! included. The judge is `helm install --dry-run=client`: Helm refuses
//! values when it says "values don't meet the specifications of the
//! schema(s)" (or cannot merge them); chartgen refuses them when `validate`
//! exits non-zero. They must agree on every case.
//!
//! The corpus comes from no package registry, so where it is missing the
//! test says it skipped; where it is there, it runs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::oracle::oracle;
use crate::support::{chartgen, transcript};
use crate::values_yaml::same;

/// The corpus of public charts: `CHARTGEN_CORPUS`, else
/// `../shared/corpus/charts` beside the repository. It comes from no
/// package registry, so a machine (CI's included) may lack it: the tests
/// that need it then skip, even under `CI=true`, and say so loudly on the
/// terminal (past the test harness's capture), naming `test` and why.
pub(crate) fn corpus(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("CHARTGEN_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/charts"),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    use std::io::Write;
    // Written to the process's stderr itself, not through `eprintln!`,
    // which the harness captures and hides for a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED {test}: no chart corpus at {} (set CHARTGEN_CORPUS, or add \
         ../shared/corpus/charts); it is not installable from a package registry, so this \
         machine cannot check chartgen against Helm on public charts ***\n",
        dir.display()
    );
    None
}

/// The charts of the corpus folder `dir`, in order.
pub(crate) fn charts_in(dir: &Path) -> Vec<PathBuf> {
    let mut charts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Chart.yaml").is_file())
        .collect();
    charts.sort();
    charts
}

/// A chart's `ci/*.yaml` values files, in order.
pub(crate) fn ci_files(chart: &Path) -> Vec<PathBuf> {
    let mut ci: Vec<PathBuf> = std::fs::read_dir(chart.join("ci"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    ci.sort();
    ci
}

/// One way of installing a chart.
struct Case {
    chart: PathBuf,
    /// What the case is, for messages.
    what: String,
    /// The values file's text (empty: the defaults).
    text: String,
}

/// Whether a chart or one of its subcharts has a schema.
fn has_schema(chart: &Path) -> bool {
    walkdir(chart)
        .iter()
        .any(|p| p.file_name().is_some_and(|n| n == "values.schema.json"))
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// Leaves of a values tree (lists not entered), by path.
fn leaves(value: &Map<String, Value>, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Value)>) {
    for (key, v) in value {
        path.push(key.clone());
        match v {
            Value::Object(inner) if !inner.is_empty() => leaves(inner, path, out),
            Value::Null => {}
            other => out.push((path.clone(), other.clone())),
        }
        path.pop();
    }
}

/// A value of another type than `v`, as a user's slip would give.
fn wrong(v: &Value) -> Value {
    match v {
        Value::Bool(b) => json!(b.to_string()),
        Value::String(_) => json!(42),
        Value::Number(n) => json!(n.to_string()),
        Value::Object(_) => json!([]),
        Value::Array(_) => json!({"a": 1}),
        Value::Null => json!("x"),
    }
}

/// `value` at `path`, as a values document.
fn nested(path: &[String], value: Value) -> Value {
    path.iter()
        .rev()
        .fold(value, |inner, key| json!({ key.clone(): inner }))
}

/// The mutations of a chart's defaults: a few leaves of the chart's own
/// values and of each subchart's, spread over the tree, each given another
/// type; a subchart's `persistence.enabled`-like booleans first.
fn mutations(chart: &Path) -> Vec<(String, String)> {
    let Ok(loaded) = helm_engine::loader::load(chart, "chart") else {
        return Vec::new();
    };
    let mut processed = loaded.clone();
    let empty = Map::new();
    if helm_engine::dependencies::process_dependencies(&mut processed, &empty).is_err() {
        return Vec::new();
    }
    let Ok(merged) = helm_engine::values::coalesce_values(&processed, &empty) else {
        return Vec::new();
    };
    let mut all = Vec::new();
    leaves(&merged, &mut Vec::new(), &mut all);
    let subcharts: Vec<String> = processed
        .dependencies
        .iter()
        .map(|d| d.name().to_owned())
        .collect();
    let mut picked: Vec<(Vec<String>, Value)> = Vec::new();
    let own: Vec<_> = all
        .iter()
        .filter(|(p, _)| !subcharts.contains(&p[0]) && p[0] != "global")
        .collect();
    for i in 0..4 {
        if let Some(leaf) = own.get(i * own.len() / 4) {
            picked.push((*leaf).clone());
        }
    }
    for sub in &subcharts {
        let under: Vec<_> = all
            .iter()
            .filter(|(p, _)| &p[0] == sub && p.len() > 2)
            .collect();
        let first_bool = under
            .iter()
            .find(|(p, v)| v.is_boolean() && p.iter().any(|s| s == "persistence"))
            .or_else(|| under.iter().find(|(_, v)| v.is_boolean()));
        let first_string = under.iter().find(|(_, v)| v.is_string());
        picked.extend(
            first_bool
                .into_iter()
                .chain(first_string)
                .map(|l| (*l).clone()),
        );
    }
    picked.dedup_by(|a, b| a.0 == b.0);
    picked
        .into_iter()
        .map(|(path, v)| {
            let mutated = nested(&path, wrong(&v));
            (
                format!("{} as {}", path.join("."), wrong(&v)),
                mutated.to_string(),
            )
        })
        .collect()
}

/// `chartgen validate` gives the Helm SDK's verdict on every chart of the
/// corpus with a schema, with its own `ci/*.yaml` files and mutated ones.
/// Skipped, loudly, on a machine without the corpus (see [`corpus`]): it
/// cannot be installed from a registry, so CI may lack it.
#[test]
fn validate_agrees_with_helm_on_public_charts() {
    let Some(dir) = corpus("validate_agrees_with_helm_on_public_charts") else {
        return;
    };
    let Some(mut helm) = oracle() else { return };
    let started = Instant::now();
    let mut charts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Chart.yaml").is_file() && has_schema(p))
        .collect();
    charts.sort();
    assert!(
        !charts.is_empty(),
        "no chart with a schema in {}",
        dir.display()
    );
    let mut cases = Vec::new();
    for chart in &charts {
        cases.push(Case {
            chart: chart.clone(),
            what: "defaults".into(),
            text: String::new(),
        });
        for file in ci_files(chart) {
            cases.push(Case {
                chart: chart.clone(),
                what: format!("ci/{}", file.file_name().unwrap().to_string_lossy()),
                text: std::fs::read_to_string(&file).unwrap(),
            });
        }
        for (what, text) in mutations(chart) {
            cases.push(Case {
                chart: chart.clone(),
                what,
                text,
            });
        }
    }
    let work = tempfile::tempdir().unwrap();
    let mut disagreements = Vec::new();
    let (mut refused, mut accepted) = (0, 0);
    for (i, case) in cases.iter().enumerate() {
        let file = work.path().join(format!("case-{i}.yaml"));
        std::fs::write(&file, &case.text).unwrap();
        let out = chartgen(
            work.path(),
            &[
                "validate",
                "-f",
                file.to_str().unwrap(),
                case.chart.to_str().unwrap(),
            ],
        );
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{} {}: chartgen crashed\n{}",
            case.chart.display(),
            case.what,
            transcript(&out)
        );
        let ours = code == Some(0);
        let values = helm
            .values_yaml(&case.text, "values_file")
            .unwrap_or_else(|_| json!("unreadable"));
        let theirs = match values {
            Value::Object(_) => match helm.install_check(&case.chart, &values) {
                Ok(()) => true,
                Err(e) => {
                    !(e.message.contains("values don't meet the specifications")
                        || e.message.contains("type mismatch on"))
                }
            },
            _ => false,
        };
        if theirs {
            accepted += 1;
        } else {
            refused += 1;
        }
        if std::env::var_os("CHARTGEN_CORPUS_VERBOSE").is_some() {
            eprintln!(
                "{} {}: Helm {theirs}, chartgen {ours}",
                case.chart.file_name().unwrap().to_string_lossy(),
                case.what
            );
        }
        if ours != theirs {
            disagreements.push(format!(
                "{} {}: Helm {}, chartgen {}\n{}",
                case.chart.file_name().unwrap().to_string_lossy(),
                case.what,
                if theirs { "accepts" } else { "refuses" },
                if ours { "accepts" } else { "refuses" },
                transcript(&out)
            ));
        }
    }
    eprintln!(
        "corpus: {} cases on {} charts ({accepted} accepted, {refused} refused by Helm), {} agreements, in {:.0?}",
        cases.len(),
        charts.len(),
        cases.len() - disagreements.len(),
        started.elapsed()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// Copies folder `from` to `to`.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The first path at which two values differ.
fn first_difference(a: &Value, b: &Value, path: &mut Vec<String>) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                path.push(key.clone());
                let found = match (x.get(key), y.get(key)) {
                    (Some(v), Some(w)) => first_difference(v, w, path),
                    (v, w) => Some(format!("{}: chartgen {v:?}, Helm {w:?}", path.join("."))),
                };
                path.pop();
                if found.is_some() {
                    return found;
                }
            }
            None
        }
        _ if same(a, b) => None,
        _ => Some(format!("{}: chartgen {a}, Helm {b}", path.join("."))),
    }
}

/// A copy of `chart` under `work` with a template that prints `.Values`,
/// rendered first (Helm renders the deepest template first), before any
/// template can change `.Values` (sprig's merge changes its first map).
fn printing_copy(chart: &Path, work: &Path) -> PathBuf {
    let copy = work.join(chart.file_name().unwrap());
    copy_dir(chart, &copy);
    let deep = copy.join("templates").join("first/".repeat(40));
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(
        deep.join("chartgen-values.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chartgen-values\ndata:\n  values: {{ toJson .Values | quote }}\n",
    )
    .unwrap();
    copy
}

/// The values Helm renders `copy` (see [`printing_copy`]) with, for the
/// values file `text`; `None` when Helm cannot render it.
fn helm_values(helm: &mut crate::oracle::Oracle, copy: &Path, text: &str) -> Option<Value> {
    let Ok(Value::Object(user)) = helm.values_yaml(text, "values_file") else {
        return None;
    };
    let manifest = helm.install_manifest(copy, &Value::Object(user)).ok()?;
    let printed = serde_yaml::Deserializer::from_str(&manifest)
        .filter_map(|doc| Value::deserialize(doc).ok())
        .find(|doc| doc["metadata"]["name"] == "chartgen-values")?;
    serde_json::from_str(printed["data"]["values"].as_str()?).ok()
}

/// The values chartgen's engine renders `chart` with for the values file
/// `text`: read, dependencies processed, merged.
fn chartgen_values(chart: &helm_engine::loader::LoadedChart, text: &str) -> Result<Value, String> {
    let read = helm_engine::read::read_values(text).map_err(|e| e.to_string())?;
    let user = read.value.as_object().cloned().unwrap_or_default();
    let mut processed = chart.clone();
    helm_engine::dependencies::process_dependencies(&mut processed, &user)
        .and_then(|()| helm_engine::values::coalesce_values(&processed, &user))
        .map(Value::Object)
        .map_err(|e| e.to_string())
}

/// The differences between chartgen's and Helm's values for each values
/// file of `cases` (what, text) on `chart`, and how many were compared.
fn compare_values(
    helm: &mut crate::oracle::Oracle,
    chart: &Path,
    work: &Path,
    cases: &[(String, String)],
) -> (usize, Vec<String>) {
    let name = chart.file_name().unwrap().to_string_lossy().into_owned();
    let copy = printing_copy(chart, work);
    let Ok(loaded) = helm_engine::loader::load(chart, &name) else {
        return (0, Vec::new());
    };
    let (mut compared, mut differences) = (0, Vec::new());
    for (what, text) in cases {
        let Some(theirs) = helm_values(helm, &copy, text) else {
            continue;
        };
        compared += 1;
        match chartgen_values(&loaded, text) {
            Ok(ours) => {
                if let Some(diff) = first_difference(&ours, &theirs, &mut Vec::new()) {
                    differences.push(format!("{name} {what}: {diff}"));
                }
            }
            Err(e) => differences.push(format!("{name} {what}: chartgen fails: {e}")),
        }
    }
    (compared, differences)
}

/// The values files of a chart: the defaults, and `dir`'s `*.yaml` files.
fn values_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                && !p.ends_with("Chart.yaml")
                && !p.ends_with("values.yaml")
        })
        .collect();
    files.sort();
    let mut cases = vec![("defaults".to_owned(), String::new())];
    for file in files {
        let what = file.file_name().unwrap().to_string_lossy().into_owned();
        cases.push((what, std::fs::read_to_string(&file).unwrap_or_default()));
    }
    cases
}

/// The fixture charts render with the values Helm renders them with: alias,
/// condition, tags, both forms of import-values, globals and nulls.
#[test]
fn values_merge_like_helm_on_fixture_charts() {
    let Some(mut helm) = oracle() else { return };
    let work = tempfile::tempdir().unwrap();
    let mut compared = 0;
    for chart in ["umbrella", "required-defaults"] {
        let chart = crate::support::fixture(&format!("charts/{chart}"));
        let (n, differences) =
            compare_values(&mut helm, &chart, work.path(), &values_files(&chart));
        assert!(differences.is_empty(), "{}", differences.join("\n"));
        compared += n;
    }
    assert!(compared >= 6, "only {compared} renders compared");
}

/// The values every chart of the corpus renders with, merged by chartgen's
/// engine (loader, dependency processing, coalescing) and by Helm (read
/// back from a template that prints `.Values`): with the defaults and with
/// each `ci/*.yaml` file, for every chart, with or without a schema.
/// Skipped, loudly, on a machine without the corpus (see [`corpus`]).
#[test]
fn values_merge_like_helm_on_public_charts() {
    let Some(dir) = corpus("values_merge_like_helm_on_public_charts") else {
        return;
    };
    let Some(mut helm) = oracle() else { return };
    let started = Instant::now();
    let work = tempfile::tempdir().unwrap();
    let charts = charts_in(&dir);
    let (mut compared, mut cases) = (0, 0);
    let mut differences = Vec::new();
    for chart in &charts {
        let files = values_files(&chart.join("ci"));
        cases += files.len();
        let (n, mut found) = compare_values(&mut helm, chart, work.path(), &files);
        compared += n;
        differences.append(&mut found);
    }
    eprintln!(
        "corpus values: {compared} renders compared on {} charts ({} Helm could not render), {} differences, in {:.0?}",
        charts.len(),
        cases - compared,
        differences.len(),
        started.elapsed()
    );
    assert!(compared > 100, "only {compared} renders compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
