//! The real binary: exit codes, output and what lands on disk.

use crate::support::{chartgen, files_under, fixture, settings, transcript};

fn snapshot(name: &str, output: &std::process::Output) {
    settings().bind(|| insta::assert_snapshot!(name, transcript(output)));
}

/// `dir` holds the chart `name` and nothing else: no staging folder is left.
fn assert_only_chart(dir: &std::path::Path, name: &str) {
    let prefix = format!("{name}/");
    let stray: Vec<String> = files_under(dir)
        .into_iter()
        .filter(|f| !f.starts_with(&prefix))
        .collect();
    assert_eq!(stray, Vec::<String>::new());
}

#[test]
fn new_writes_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = chartgen(dir.path(), &["new", "web-api"]);
    snapshot("cli-new", &out);
    let files = files_under(&dir.path().join("web-api"));
    assert!(
        files.contains(&"templates/deployment.yaml".to_owned()),
        "{files:?}"
    );
    assert_only_chart(dir.path(), "web-api");
}

/// Every blueprint works from the command line, alone and with a sidecar.
#[test]
fn new_works_for_every_blueprint() {
    let dir = tempfile::tempdir().unwrap();
    for blueprint in ["web", "worker", "cronjob", "datastore", "daemon"] {
        let name = format!("x-{blueprint}");
        let out = chartgen(dir.path(), &["new", &name, "--blueprint", blueprint]);
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        assert!(
            dir.path().join(&name).join("values-prod.yaml").is_file(),
            "{blueprint}"
        );
        let name = format!("s-{blueprint}");
        let out = chartgen(
            dir.path(),
            &[
                "new",
                &name,
                "--blueprint",
                blueprint,
                "--sidecar",
                "log-shipper=fluent/fluent-bit:3.1.9",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        let values = std::fs::read_to_string(dir.path().join(&name).join("values.yaml")).unwrap();
        assert!(
            values.contains("log-shipper:"),
            "{blueprint}: the sidecar has values"
        );
    }
}

#[test]
fn new_with_flags_records_them_in_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = chartgen(
        dir.path(),
        &[
            "new",
            "billing",
            "--image",
            "ghcr.io/acme/billing:2.3.1",
            "--port",
            "9000",
            "--env",
            "LOG_LEVEL=info",
            "--env",
            "FEATURE=on",
            "-o",
            "charts",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let chart = dir.path().join("charts/billing");
    let values = std::fs::read_to_string(chart.join("values.yaml")).unwrap();
    assert!(
        values.contains("repository: \"ghcr.io/acme/billing\"")
            && values.contains("tag: \"2.3.1\"")
    );
    assert!(values.contains("containerPort: 9000"));
    assert!(
        values.contains("FEATURE: \"on\""),
        "YAML 1.1 lookalikes are quoted"
    );
    let input = std::fs::read_to_string(chart.join("chartgen.yaml")).unwrap();
    let spec = chartgen::load_spec("chartgen.yaml", &input).unwrap();
    assert_eq!(spec.config["LOG_LEVEL"], "info");
}

#[test]
fn new_refuses_an_existing_folder_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("web-api")).unwrap();
    std::fs::write(dir.path().join("web-api/keep.txt"), "mine").unwrap();
    let out = chartgen(dir.path(), &["new", "web-api"]);
    snapshot("cli-new-exists", &out);
    assert_eq!(files_under(&dir.path().join("web-api")), ["keep.txt"]);

    let out = chartgen(dir.path(), &["new", "web-api", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let files = files_under(&dir.path().join("web-api"));
    assert!(!files.contains(&"keep.txt".to_owned()) && files.contains(&"Chart.yaml".to_owned()));
    assert_only_chart(dir.path(), "web-api");
}

#[test]
fn new_refuses_bad_images_and_names_writing_nothing() {
    let cases: &[(&str, &[&str])] = &[
        (
            "cli-new-latest",
            &["new", "web-api", "--image", "nginx:latest"],
        ),
        ("cli-new-no-tag", &["new", "web-api", "--image", "nginx"]),
        ("cli-new-bad-name", &["new", "Web_API"]),
        ("cli-new-bad-env", &["new", "web-api", "--env", "NOVALUE"]),
        (
            "cli-new-bad-env-key",
            &["new", "web-api", "--env", "9LIVES=x"],
        ),
        ("cli-new-bad-port", &["new", "web-api", "--port", "0"]),
        (
            "cli-new-bad-cron",
            &[
                "new",
                "report",
                "--blueprint",
                "cronjob",
                "--schedule",
                "0 25 * * *",
            ],
        ),
        (
            "cli-new-duplicate-container",
            &[
                "new",
                "web-api",
                "--sidecar",
                "web-api=envoyproxy/envoy:v1.31.2",
            ],
        ),
        (
            "cli-new-sidecar-without-tag",
            &["new", "web-api", "--sidecar", "proxy=envoyproxy/envoy"],
        ),
        (
            "cli-new-unknown-blueprint",
            &["new", "web-api", "--blueprint", "nope"],
        ),
    ];
    for (name, args) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = chartgen(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", transcript(&out));
        assert_eq!(
            files_under(dir.path()),
            Vec::<String>::new(),
            "{name} wrote nothing"
        );
        snapshot(name, &out);
    }
}

#[test]
fn render_many_files_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let specs = ["web-minimal.yaml", "web-full.yaml", "web-digest.yaml"]
        .map(|f| fixture(&format!("specs/{f}")));
    let mut args = vec!["render", "-o", "charts", "--package", "dist"];
    args.extend(specs.iter().map(|p| p.to_str().unwrap()));
    let out = chartgen(dir.path(), &args);
    snapshot("cli-render", &out);
    for name in ["web-api", "billing", "pinned"] {
        assert!(
            dir.path()
                .join("charts")
                .join(name)
                .join("Chart.yaml")
                .is_file(),
            "{name}"
        );
    }
    assert!(dir.path().join("dist/billing-1.4.0.tgz").is_file());
    // The chart keeps the input verbatim, comments included, with the
    // schema modeline `chartgen new` writes in front.
    let kept = std::fs::read_to_string(dir.path().join("charts/billing/chartgen.yaml")).unwrap();
    let input = std::fs::read_to_string(&specs[1]).unwrap();
    assert_eq!(
        kept,
        format!("# yaml-language-server: $schema=chartgen.schema.json\n{input}")
    );
    // Rendering the chart's own chartgen.yaml again keeps one modeline.
    let out = chartgen(
        dir.path(),
        &[
            "render",
            "charts/billing/chartgen.yaml",
            "-o",
            "charts",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let again = std::fs::read_to_string(dir.path().join("charts/billing/chartgen.yaml")).unwrap();
    assert_eq!(again, kept);
}

#[test]
fn render_with_one_bad_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture("specs/web-minimal.yaml");
    let bad = fixture("invalid/unknown-key.yaml");
    let out = chartgen(
        dir.path(),
        &["render", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(files_under(dir.path()), Vec::<String>::new());
    let stderr = String::from_utf8_lossy(&out.stderr).replace(fixture("").to_str().unwrap(), "");
    settings().bind(|| insta::assert_snapshot!("cli-render-bad", stderr));
}

#[test]
fn package_and_schema_commands() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        chartgen(dir.path(), &["new", "web-api"]).status.code(),
        Some(0)
    );
    let out = chartgen(dir.path(), &["package", "web-api", "-d", "dist"]);
    snapshot("cli-package", &out);
    assert!(dir.path().join("dist/web-api-0.1.0.tgz").is_file());

    // What the user names and chartgen cannot use is invalid input.
    let out = chartgen(dir.path(), &["package", "missing"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));

    let out = chartgen(dir.path(), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, chartgen::schema::input_schema());
    let out = chartgen(
        dir.path(),
        &["schema", "--values", "web", "-o", "values.schema.json"],
    );
    assert_eq!(out.status.code(), Some(0));
    // A chart's schema is the blueprint's, limited to the sections it uses.
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(p)).unwrap()).unwrap()
    };
    let (blueprint, chart) = (
        read("values.schema.json"),
        read("web-api/values.schema.json"),
    );
    let chart_keys = chart["properties"].as_object().unwrap();
    assert!(chart_keys.len() > 20);
    for (key, schema) in chart_keys {
        assert_eq!(&blueprint["properties"][key], schema, "{key}");
    }
}

#[test]
fn help_has_examples_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["--help"][..],
        &["new", "--help"],
        &["render", "--help"],
        &["package", "--help"],
        &["validate", "--help"],
        &["lint", "--help"],
        &["schema", "--help"],
    ] {
        let out = chartgen(dir.path(), cmd);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Examples:"), "{cmd:?}");
        let name = format!("cli-help-{}", cmd[0].trim_start_matches('-'));
        settings().bind(|| insta::assert_snapshot!(name, text));
    }
    let out = chartgen(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

/// A 50 MB input is refused from its size alone, before it is read, and nothing is written.
#[test]
fn a_huge_input_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let line = "# padding to make the file enormous ....................................\n";
    let text = format!(
        "name: big\nimage: app:1.0.0\n{}",
        line.repeat(50 * 1024 * 1024 / line.len())
    );
    std::fs::write(dir.path().join("chartgen.yaml"), text).unwrap();
    let out = chartgen(dir.path(), &["render", "chartgen.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("may be at most 1048576 bytes"));
    assert!(!dir.path().join("out").exists(), "nothing written");
}
