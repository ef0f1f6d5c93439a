//! Generated charts and input errors, one snapshot per fixture.

use crate::support::{concat, generate, settings};

/// Every valid fixture: the whole generated chart, one snapshot each.
#[test]
fn valid_specs_generate_charts() {
    settings().bind(|| {
        insta::glob!("../fixtures/specs", "*.yaml", |path| {
            let chart = generate(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            insta::assert_snapshot!(concat(&chart));
        });
    });
}

/// Every invalid fixture: one located, actionable error, snapshotted.
#[test]
fn invalid_specs_give_one_clear_error() {
    settings().bind(|| {
        insta::glob!("../fixtures/invalid", "*.yaml", |path| {
            let err = match generate(path) {
                Ok(_) => panic!("{} was accepted", path.display()),
                Err(e) => e,
            };
            assert_eq!(err.exit_code(), 2, "{}: {err}", path.display());
            insta::assert_snapshot!(err.to_string());
        });
    });
}

/// Output is a function of the input alone.
#[test]
fn generation_is_deterministic() {
    let path = crate::support::fixture("specs/web-full.yaml");
    assert_eq!(generate(&path).unwrap(), generate(&path).unwrap());
}

/// The chart's schema accepts its own defaults and rejects typos and wrong
/// types, checked with the same draft-07 engine as `chartgen validate`.
#[test]
fn values_schema_accepts_defaults_and_rejects_mistakes() {
    for path in [
        "specs/web-minimal.yaml",
        "specs/web-full.yaml",
        "specs/web-environments.yaml",
        "specs/cronjob.yaml",
        "specs/datastore.yaml",
    ] {
        let chart = generate(&crate::support::fixture(path)).unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&chart.files["values.schema.json"]).unwrap();
        let values: serde_json::Value = serde_yaml::from_str(&chart.files["values.yaml"]).unwrap();
        assert_eq!(
            chartgen::schema::violations(&schema, &values),
            vec![],
            "{path}"
        );
        // Each environment overlay validates on its own, as an editor checks it.
        for (file, text) in chart.files.iter().filter(|(f, _)| f.starts_with("values-")) {
            let overlay: serde_json::Value = serde_yaml::from_str(text).unwrap();
            assert!(
                overlay.as_object().is_some_and(|o| !o.is_empty()),
                "{path}: {file}"
            );
            assert_eq!(
                chartgen::schema::violations(&schema, &overlay),
                vec![],
                "{path}: {file}"
            );
            assert!(
                text.starts_with("# yaml-language-server: $schema=values.schema.json\n"),
                "{path}: {file}"
            );
        }

        let broken = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v = values.clone();
            edit(&mut v);
            chartgen::schema::violations(&schema, &v)
        };
        assert!(
            !broken(&|v| v["replicaCunt"] = 2.into()).is_empty(),
            "top-level typo"
        );
        assert!(
            !broken(&|v| v["image"]["tga"] = "1.0".into()).is_empty(),
            "nested typo"
        );
        assert!(
            !broken(&|v| v["replicaCount"] = "two".into()).is_empty(),
            "wrong type"
        );
        assert!(
            !broken(&|v| v["image"]["tag"] = "latest".into()).is_empty(),
            "latest tag"
        );
        assert!(
            !broken(&|v| v["config"]["data"]["N"] = 1000000.into()).is_empty(),
            "settings are strings"
        );
        assert!(
            !broken(&|v| v["service"]["port"] = 0.into()).is_empty(),
            "port range"
        );
    }
}

/// The schemas themselves, reviewed as a whole.
#[test]
fn schemas_snapshot() {
    settings().bind(|| {
        let manifest = chartgen::Blueprints::embedded().manifest("web").unwrap();
        insta::assert_snapshot!(
            "values-schema-web",
            pretty(&chartgen::values_schema(&manifest.values))
        );
        insta::assert_snapshot!("input-schema", pretty(&chartgen::input_schema()));
    });
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

/// Every install command a chart prints (README, overlays, NOTES) works from
/// one folder, the one that holds the chart: its chart path and its `-f`
/// file both exist from there; NOTES lines have single spaces.
#[test]
fn printed_commands_work_from_the_folder_that_holds_the_chart() {
    for spec in crate::support::files_under(&crate::support::fixture("specs")) {
        let dir = tempfile::tempdir().unwrap();
        let chart = generate(&crate::support::fixture(&format!("specs/{spec}")))
            .unwrap()
            .write(dir.path(), false)
            .unwrap();
        let mut commands = 0;
        for file in ["README.md", "templates/NOTES.txt"]
            .into_iter()
            .map(String::from)
            .chain(
                crate::support::files_under(&chart)
                    .into_iter()
                    .filter(|f| f.starts_with("values-")),
            )
        {
            let Ok(text) = std::fs::read_to_string(chart.join(&file)) else {
                continue;
            };
            for line in text
                .lines()
                .filter(|l| l.contains("helm upgrade --install"))
            {
                assert!(
                    !line.contains(":  "),
                    "{spec}: {file}: double space in {line:?}"
                );
                // NOTES names the release as Helm renders it.
                let line = line.replace("{{ .Release.Name }}", "release");
                let words: Vec<&str> = line.split_whitespace().collect();
                let at = words.iter().position(|w| *w == "--install").unwrap();
                let chart_path = words[at + 2];
                assert!(
                    dir.path().join(chart_path).join("Chart.yaml").is_file(),
                    "{spec}: {file}: {line}"
                );
                if let Some(f) = words.iter().position(|w| *w == "-f") {
                    let values = words[f + 1].trim_end_matches(['`', '|', ' ']);
                    assert!(
                        dir.path().join(values).is_file(),
                        "{spec}: {file}: {values} in {line}"
                    );
                }
                commands += 1;
            }
        }
        assert!(commands > 0, "{spec}: no install command found");
        let readme = std::fs::read_to_string(chart.join("README.md")).unwrap();
        let regenerate = readme
            .lines()
            .find(|l| l.starts_with("chartgen render "))
            .unwrap();
        let input = regenerate.split_whitespace().nth(2).unwrap();
        assert!(dir.path().join(input).is_file(), "{spec}: {regenerate}");
    }
}

/// An image pinned by digest alone has no version name: Chart.yaml gets no
/// made-up appVersion and values.yaml no made-up tag.
#[test]
fn a_digest_only_image_names_no_version() {
    let chart = generate(&crate::support::fixture("specs/web-digest.yaml")).unwrap();
    let meta: serde_json::Value = serde_yaml::from_str(&chart.files["Chart.yaml"]).unwrap();
    assert!(meta.get("appVersion").is_none(), "{meta}");
    let values: serde_json::Value = serde_yaml::from_str(&chart.files["values.yaml"]).unwrap();
    assert_eq!(values["image"]["tag"], "");
    assert!(values["image"]["digest"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
    for text in chart.files.values() {
        assert!(!text.contains("sha256-0123456789ab"), "a made-up version");
    }
}

/// A chart's schema has the secret sources its templates read, and only
/// those: a key the templates ignore is not offered.
#[test]
fn schemas_offer_only_the_secret_sources_the_chart_reads() {
    for spec in crate::support::files_under(&crate::support::fixture("specs")) {
        let chart = generate(&crate::support::fixture(&format!("specs/{spec}"))).unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&chart.files["values.schema.json"]).unwrap();
        let values: serde_json::Value = serde_yaml::from_str(&chart.files["values.yaml"]).unwrap();
        for source in ["externalSecret", "vault"] {
            let offered = schema["properties"]["secrets"]["properties"]
                .get(source)
                .is_some();
            let read = values["secrets"].get(source).is_some()
                && chart.files.iter().any(|(f, t)| {
                    f.starts_with("templates/") && t.contains(&format!(".Values.secrets.{source}"))
                });
            assert_eq!(offered, read, "{spec}: secrets.{source}");
        }
    }
}

/// `chartgen new --job NAME=SCHEDULE:COMMAND` adds a CronJob with the
/// command split as a shell splits it; a bad schedule is refused (exit 2).
#[test]
fn new_job_flag_adds_a_scheduled_job() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::chartgen(
        dir.path(),
        &[
            "new",
            "shop",
            "--image",
            "ghcr.io/acme/shop:2.0.0",
            "--job",
            r#"nightly=0 3 * * *:./shop report --since "24 hours""#,
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::transcript(&out)
    );
    let spec = std::fs::read_to_string(dir.path().join("shop/chartgen.yaml")).unwrap();
    let spec = chartgen::load_spec("chartgen.yaml", &spec).unwrap();
    assert_eq!(spec.jobs[0].schedule.as_deref(), Some("0 3 * * *"));
    assert_eq!(
        spec.jobs[0].command,
        ["./shop", "report", "--since", "24 hours"]
    );
    let jobs = std::fs::read_to_string(dir.path().join("shop/templates/jobs.yaml")).unwrap();
    assert!(jobs.contains("kind: CronJob"), "{jobs}");
    let out = crate::support::chartgen(dir.path(), &["new", "bad", "--job", "x=0 25 * * *:run"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        crate::support::transcript(&out)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("jobs.0.schedule"));
    assert!(!dir.path().join("bad").exists(), "nothing written");
}

/// Every key a chart's values schema offers is read by one of its templates:
/// by its own path (`.Values.a.b`), or through an ancestor a template takes
/// whole (`.Values.a` not followed by a key: `toYaml`, `range`, `with`,
/// `include`). A key no template reads would be accepted and then ignored.
#[test]
fn schemas_offer_only_keys_the_templates_read() {
    fn leaves(schema: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match schema.get("properties").and_then(|p| p.as_object()) {
            Some(props) => {
                for (key, child) in props {
                    path.push(key.clone());
                    leaves(child, path, out);
                    path.pop();
                }
            }
            None => out.push(path.clone()),
        }
    }
    let mut unread = Vec::new();
    for spec in crate::support::files_under(&crate::support::fixture("specs")) {
        let chart = generate(&crate::support::fixture(&format!("specs/{spec}"))).unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&chart.files["values.schema.json"]).unwrap();
        let templates: Vec<&String> = chart
            .files
            .iter()
            .filter(|(f, _)| f.starts_with("templates/"))
            .map(|(_, t)| t)
            .collect();
        let mut all = Vec::new();
        leaves(&schema, &mut Vec::new(), &mut all);
        // Reads `.Values.<path>` itself, or takes it whole: not followed by a
        // further key (another `.` and a letter).
        let read_whole = |path: &[String]| {
            let needle = format!(".Values.{}", path.join("."));
            templates.iter().any(|t| {
                t.match_indices(&needle).any(|(at, _)| {
                    let rest = &t[at + needle.len()..];
                    let deeper =
                        rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_alphabetic());
                    let longer_key = rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
                    !deeper && !longer_key
                })
            })
        };
        for path in all {
            // `global` is for a parent chart's values, which flow into every
            // subchart whether it reads them or not.
            let read = path[0] == "global" || (1..=path.len()).any(|n| read_whole(&path[..n]));
            if !read {
                unread.push(format!("{spec}: {}", path.join(".")));
            }
        }
    }
    assert!(
        unread.is_empty(),
        "keys no template reads:\n{}",
        unread.join("\n")
    );
}

/// `tests` is in a chart's values exactly when it has a `helm test` pod to
/// configure: a daemon that serves no port has neither.
#[test]
fn tests_values_exist_exactly_where_a_test_pod_does() {
    for spec in crate::support::files_under(&crate::support::fixture("specs")) {
        let chart = generate(&crate::support::fixture(&format!("specs/{spec}"))).unwrap();
        let values: serde_json::Value = serde_yaml::from_str(&chart.files["values.yaml"]).unwrap();
        assert_eq!(
            values.get("tests").is_some(),
            chart
                .files
                .contains_key("templates/tests/test-connection.yaml"),
            "{spec}"
        );
    }
}
