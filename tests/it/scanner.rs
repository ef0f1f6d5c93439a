//! Security scanners on generated charts: checkov (Kubernetes framework),
//! installed by `scripts/setup-oracles.sh` into a virtualenv of its own.
//!
//! A chart fails no check its README does not document as deliberate, with
//! its defaults and with each environment overlay; and each documented
//! switch really turns its check green. Without checkov the test skips
//! locally; under `CI=true` it fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value as Json};

use crate::conformance::{charts, install_values, overlays};
use crate::oracle::oracle;
use crate::support::{find_oracle, is_ci};

/// `CHARTGEN_CHECKOV`, else the checkov of `scripts/setup-oracles.sh`; `None`
/// (after saying so) when neither is there outside CI.
fn checkov() -> Option<PathBuf> {
    match find_oracle("CHARTGEN_CHECKOV", "checkov-venv/bin/checkov") {
        Ok(path) => Some(path),
        Err(reason) if is_ci() => panic!(
            "checkov unavailable in CI ({reason}); run scripts/setup-oracles.sh or set CHARTGEN_CHECKOV"
        ),
        Err(reason) => {
            eprintln!("skipping: checkov unavailable ({reason}); run scripts/setup-oracles.sh");
            None
        }
    }
}

/// The checks a chart README lists as deliberate, with their `--set` switches.
fn deliberate(readme: &str) -> BTreeMap<String, Vec<String>> {
    let section = readme
        .split("### Security scanners")
        .nth(1)
        .map_or("", |rest| rest.split("\n## ").next().unwrap_or(""));
    section
        .lines()
        .filter(|line| line.starts_with("| `CKV"))
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            let id = cells[0]
                .trim_start_matches("| `")
                .split('`')
                .next()
                .unwrap();
            let switches = cells
                .last()
                .unwrap()
                .split('`')
                .filter(|s| s.starts_with("--set "))
                .map(str::to_owned)
                .collect();
            (id.to_owned(), switches)
        })
        .collect()
}

/// Values from `--set key.path=value` flags, as Helm reads them (`true` and
/// `false` are booleans, digits an integer); the README's `sha256:…` stands
/// for an image's digest.
fn set_values(flags: &[String]) -> Json {
    let mut values = json!({});
    for flag in flags {
        let (path, value) = flag.trim_start_matches("--set ").split_once('=').unwrap();
        let value = match value {
            "sha256:…" => json!(format!("sha256:{}", "0123456789abcdef".repeat(4))),
            "true" | "false" => json!(value == "true"),
            v if v.bytes().all(|b| b.is_ascii_digit()) => json!(v.parse::<u64>().unwrap()),
            v => json!(v),
        };
        let mut node = &mut values;
        for key in path.split('.') {
            node = node
                .as_object_mut()
                .unwrap()
                .entry(key)
                .or_insert_with(|| json!({}));
        }
        *node = value;
    }
    values
}

/// Deep merge of `over` into `base`.
fn merged(mut base: Json, over: &Json) -> Json {
    if let (Some(base_map), Some(over_map)) = (base.as_object_mut(), over.as_object()) {
        for (key, value) in over_map {
            let slot = base_map.entry(key).or_insert(Json::Null);
            *slot = merged(slot.take(), value);
        }
        return base;
    }
    over.clone()
}

/// checkov's failed checks per scanned file (relative to `dir`), by id;
/// every file must have been scanned.
fn scan(checkov: &Path, dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    // Offline: no guidelines or policies fetched from checkov's platform.
    let out = Command::new(checkov)
        .env("BC_SKIP_MAPPING", "TRUE")
        .args([
            "--skip-download",
            "--framework",
            "kubernetes",
            "--quiet",
            "--compact",
        ])
        .args(["-o", "json", "-d"])
        .arg(dir)
        .output()
        .expect("checkov runs");
    let report: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "checkov's report is not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let reports = match report {
        Json::Array(list) => list,
        one => vec![one],
    };
    let scanned = reports
        .iter()
        .map(|r| r["summary"]["resource_count"].as_u64().unwrap_or(0))
        .sum::<u64>();
    assert!(scanned > 0, "checkov scanned nothing in {}", dir.display());
    let mut failed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for report in &reports {
        for check in report["results"]["failed_checks"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let file = check["file_path"].as_str().unwrap().trim_start_matches('/');
            failed
                .entry(file.to_owned())
                .or_default()
                .insert(check["check_id"].as_str().unwrap().to_owned());
        }
    }
    failed
}

#[test]
fn checkov_fails_only_what_the_readme_documents() {
    let Some(checkov) = checkov() else { return };
    let Some(mut helm) = oracle() else { return };
    // checkov skips folders whose names start with a dot, as tempdir's do.
    let dir = tempfile::Builder::new()
        .prefix("scanned")
        .tempdir()
        .unwrap();
    let scans = dir.path().join("scans");
    // For each scanned file: its chart, what it is, and the checks it may fail.
    let mut expected: BTreeMap<String, (String, String, BTreeSet<String>)> = BTreeMap::new();
    let mut switched: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (i, (spec, chart)) in charts(&dir.path().join("charts")).into_iter().enumerate() {
        let readme = std::fs::read_to_string(chart.join("README.md")).unwrap();
        let checks = deliberate(&readme);
        let mut renders = vec![("defaults".to_owned(), install_values(&chart, json!({})))];
        renders.extend(
            overlays(&chart)
                .into_iter()
                .map(|(file, values)| (file, install_values(&chart, values))),
        );
        for (id, switches) in &checks {
            assert!(!switches.is_empty(), "{spec}: {id} has no switch");
            let values = merged(install_values(&chart, json!({})), &set_values(switches));
            renders.push((format!("switch {id}"), values));
        }
        for (n, (what, values)) in renders.into_iter().enumerate() {
            let rendered = helm
                .render(&chart, &values, "web", "apps")
                .unwrap_or_else(|e| panic!("{spec} / {what}: {e}"));
            let manifests: String = rendered
                .iter()
                .filter(|(path, text)| !path.ends_with("NOTES.txt") && !text.trim().is_empty())
                .map(|(path, text)| format!("---\n# Source: {path}\n{text}\n"))
                .collect();
            let file = format!("chart{i}/render{n}.yaml");
            std::fs::create_dir_all(scans.join(format!("chart{i}"))).unwrap();
            std::fs::write(scans.join(&file), manifests).unwrap();
            match what.strip_prefix("switch ") {
                Some(id) => {
                    switched.insert(file, (spec.clone(), id.to_owned()));
                }
                None => {
                    let allowed = checks.keys().cloned().collect();
                    expected.insert(file, (spec.clone(), what, allowed));
                }
            }
        }
    }
    let failed = scan(&checkov, &scans);
    let mut summary: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (file, (spec, what, allowed)) in &expected {
        let found = failed.get(file).cloned().unwrap_or_default();
        summary
            .entry(spec.as_str())
            .or_default()
            .extend(found.iter().map(|id| failed_id(&failed, file, id)));
        let undocumented: Vec<&String> = found.difference(allowed).collect();
        if !undocumented.is_empty() {
            problems.push(format!(
                "{spec} / {what}: checkov fails {undocumented:?}, which the chart README does not document as deliberate"
            ));
        }
    }
    for (file, (spec, id)) in &switched {
        if failed.get(file).is_some_and(|found| found.contains(id)) {
            problems.push(format!(
                "{spec}: the README's switch for {id} leaves it failing"
            ));
        }
    }
    for (spec, ids) in summary {
        eprintln!("checkov fails {spec}: {ids:?}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// `id` as it stands in `failed` for `file` (a borrow that outlives the loop).
fn failed_id<'a>(failed: &'a BTreeMap<String, BTreeSet<String>>, file: &str, id: &str) -> &'a str {
    failed[file].get(id).unwrap()
}
