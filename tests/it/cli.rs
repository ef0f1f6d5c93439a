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
    assert_eq!(printed, chartgen::input_schema());
    let out = chartgen(
        dir.path(),
        &["schema", "--values", "web", "-o", "values.schema.json"],
    );
    assert_eq!(out.status.code(), Some(0));
    // A chart's schema is the blueprint's, limited to the sections it uses
    // (secret sources included: this chart fetches none).
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
        let mut expected = blueprint["properties"][key].clone();
        if key == "secrets" {
            let sources = expected["properties"].as_object_mut().unwrap();
            sources.shift_remove("externalSecret");
            sources.shift_remove("vault");
        }
        assert_eq!(&expected, schema, "{key}");
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
        &["template", "--help"],
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

/// A chartgen spec is linted as the chart it generates whatever its file is
/// called: `specs/shop.yaml` lints like `specs/chartgen.yaml`, and a broken
/// one is an input error at its place, not a manifest with no findings.
#[test]
fn lint_recognises_a_spec_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("specs")).unwrap();
    let spec = std::fs::read_to_string(fixture("specs/daemon-host-paths.yaml")).unwrap();
    std::fs::write(dir.path().join("specs/shop.yaml"), &spec).unwrap();
    std::fs::write(dir.path().join("specs/chartgen.yaml"), &spec).unwrap();
    let by_content = chartgen(dir.path(), &["lint", "specs/shop.yaml"]);
    let by_name = chartgen(dir.path(), &["lint", "specs/chartgen.yaml"]);
    assert_eq!(transcript(&by_content), transcript(&by_name));
    assert!(
        String::from_utf8_lossy(&by_content.stdout).contains("CG018"),
        "the chart's host path is found: {}",
        transcript(&by_content)
    );
    snapshot("cli-lint-spec-by-content", &by_content);

    std::fs::write(
        dir.path().join("specs/typo.yaml"),
        spec.replace("image:", "imgae:"),
    )
    .unwrap();
    let out = chartgen(dir.path(), &["lint", "specs/typo.yaml"]);
    snapshot("cli-lint-spec-by-content-typo", &out);
}

/// YAML that holds no Kubernetes object is an input error, from a file as
/// from standard input, located at the document that is not one.
#[test]
fn lint_refuses_yaml_without_kubernetes_objects() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("plain.yaml", "foo: bar\n"),
        ("list.yaml", "- a\n- b\n"),
        (
            "stray.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\nfoo: bar\n",
        ),
        ("comments.yaml", "# nothing here\n---\n"),
        (
            "values.yaml",
            "image:\n  repository: nginx\n  tag: \"1.27.3\"\nreplicaCount: 2\n",
        ),
    ];
    let mut shown = String::new();
    for (file, text) in cases {
        std::fs::write(dir.path().join(file), text).unwrap();
        let out = chartgen(dir.path(), &["lint", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", transcript(&out));
        shown.push_str(&format!("$ chartgen lint {file}\n{}\n", transcript(&out)));
    }
    settings().bind(|| insta::assert_snapshot!("cli-lint-no-objects", shown));
}

/// Rendered manifests of a CRD-heavy chart run to megabytes: far more than
/// a chartgen.yaml's 1 MiB is read, and the limit names what was read.
#[test]
fn lint_reads_large_manifest_streams_and_names_its_limit() {
    use std::io::Write;
    let lint_stdin = |bytes: &[u8]| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chartgen"))
            .args(["lint", "-"])
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // The reader may stop early; a refused write is its business.
        let _ = stdin.write_all(bytes);
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let object = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-N\ndata:\n  LOG_LEVEL: info\n";
    let mut stream = String::new();
    let mut n = 0;
    while stream.len() < 3 << 20 {
        stream.push_str(&object.replace('N', &n.to_string()));
        n += 1;
    }
    let out = lint_stdin(stream.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));

    let huge = vec![b'#'; (16 << 20) + 10];
    let out = lint_stdin(&huge);
    snapshot("cli-lint-stdin-too-large", &out);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.yaml"), &huge).unwrap();
    let out = chartgen(dir.path(), &["lint", "big.yaml"]);
    snapshot("cli-lint-file-too-large", &out);
}

/// `package` on what is not a chart, or a chart with a link in it, is
/// invalid input: exit 2, nothing written.
#[test]
fn package_refuses_what_is_not_a_chart_as_invalid_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("specs")).unwrap();
    std::fs::write(dir.path().join("specs/shop.yaml"), "name: shop\n").unwrap();
    let out = chartgen(dir.path(), &["package", "specs", "-d", "dist"]);
    snapshot("cli-package-not-a-chart", &out);
    assert!(!dir.path().join("dist").exists());

    #[cfg(unix)]
    {
        assert_eq!(
            chartgen(dir.path(), &["new", "web-api"]).status.code(),
            Some(0)
        );
        std::os::unix::fs::symlink(
            "/etc/passwd",
            dir.path().join("web-api/templates/leak.yaml"),
        )
        .unwrap();
        let out = chartgen(dir.path(), &["package", "web-api", "-d", "dist"]);
        assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
        assert!(!dir.path().join("dist/web-api-0.1.0.tgz").exists());
    }
}

/// `render --force` replaces the chart chartgen wrote, the files an earlier
/// version of its input generated included, but refuses to delete a file
/// chartgen did not write: it names it, exits 2 and writes nothing.
#[test]
fn render_force_keeps_files_chartgen_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = chartgen(dir.path(), &["new", "web-api"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let input = dir.path().join("web-api/chartgen.yaml");
    let text = std::fs::read_to_string(&input).unwrap();
    assert!(
        text.contains("refuses while the folder holds files chartgen did not generate"),
        "the regenerate comment says what --force does:\n{text}"
    );
    let render = || {
        chartgen(
            dir.path(),
            &["render", "web-api/chartgen.yaml", "-o", ".", "--force"],
        )
    };
    // Hook jobs and a staging overlay, then neither: the files an earlier
    // render wrote go without a word.
    std::fs::write(
        &input,
        format!("{text}jobs:\n  - name: migrate\n    command: [/app/migrate]\nenvironments: [dev, staging, prod]\n"),
    )
    .unwrap();
    let out = render();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(dir.path().join("web-api/templates/jobs.yaml").is_file());
    std::fs::write(&input, format!("{text}environments: [dev, prod]\n")).unwrap();
    let out = render();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let files = files_under(&dir.path().join("web-api"));
    assert!(
        !files.contains(&"templates/jobs.yaml".to_owned()),
        "{files:?}"
    );
    assert!(
        !files.contains(&"values-staging.yaml".to_owned()),
        "{files:?}"
    );

    // Hand-added files stay, and so does everything else.
    std::fs::write(dir.path().join("web-api/templates/extra.yaml"), "mine").unwrap();
    std::fs::write(
        dir.path().join("web-api/values-canary.yaml"),
        "replicaCount: 1\n",
    )
    .unwrap();
    let before = files_under(&dir.path().join("web-api"));
    let out = render();
    snapshot("cli-render-force-foreign-files", &out);
    assert_eq!(files_under(&dir.path().join("web-api")), before);
    assert_only_chart(dir.path(), "web-api");
}

/// Sidecars are native exactly when every Kubernetes version `kubeVersion`
/// admits is 1.29 or later, whatever the range's shape.
#[test]
fn native_sidecars_follow_the_range_kube_version_admits() {
    let cases = [
        (">=1.29.0-0", true),
        ("^1.30.0", true),
        (">= 1.30", true),
        ("1.29.x", true),
        ("~1.30", true),
        (">=1.29.0-0 <1.40", true),
        (">1.28", true),
        (">=1.30.0-0 || 1.29.x", true),
        (">=1.30.0-0 || 1.28.x", false),
        (">=1.27.0-0", false),
        (">=1.25.0-0 <1.40", false),
        ("1.28.x || >=1.31", false),
        ("", false),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, (range, native)) in cases.iter().enumerate() {
        let file = format!("s{i}.yaml");
        std::fs::write(
            dir.path().join(&file),
            format!(
                "name: s{i}\nimage: ghcr.io/acme/app:1.0.0\nkubeVersion: \"{range}\"\nsidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\n"
            ),
        )
        .unwrap();
        let out = chartgen(dir.path(), &["render", &file, "-o", "out"]);
        assert_eq!(out.status.code(), Some(0), "{range}: {}", transcript(&out));
        let deployment = std::fs::read_to_string(
            dir.path()
                .join(format!("out/s{i}/templates/deployment.yaml")),
        )
        .unwrap();
        assert_eq!(
            deployment.contains("restartPolicy: Always"),
            *native,
            "{range}:\n{deployment}"
        );
    }
}

/// A spec that names a team's own blueprint, linted or rendered without
/// `--blueprints`: the error says where the blueprint would come from.
#[test]
fn a_custom_blueprint_without_blueprints_says_how_to_load_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("chartgen.yaml"),
        "name: small\nimage: ghcr.io/acme/app:1.0.0\nblueprint: tiny\n",
    )
    .unwrap();
    let out = chartgen(dir.path(), &["lint", "chartgen.yaml"]);
    snapshot("cli-lint-custom-blueprint-without-blueprints", &out);
    let out = chartgen(dir.path(), &["render", "chartgen.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(!dir.path().join("out").exists());
}

/// A schedule chartgen accepts is one the chart's own values schema accepts:
/// the shortest macro, `@daily`, included.
#[test]
fn every_schedule_chartgen_accepts_passes_the_chart_schema() {
    let dir = tempfile::tempdir().unwrap();
    for (i, schedule) in ["@daily", "@hourly", "@midnight", "0 3 * * *"]
        .iter()
        .enumerate()
    {
        let file = format!("c{i}.yaml");
        std::fs::write(
            dir.path().join(&file),
            format!("name: c{i}\nblueprint: cronjob\nimage: busybox:1.36.1\nschedule: \"{schedule}\"\ncommand: [date]\n"),
        )
        .unwrap();
        let out = chartgen(dir.path(), &["render", &file, "-o", "out"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{schedule}: {}",
            transcript(&out)
        );
        let out = chartgen(dir.path(), &["validate", &format!("out/c{i}")]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{schedule}: {}",
            transcript(&out)
        );
    }
}

/// Runs chartgen in `cwd` with `input` on standard input; killed (and the
/// test failed) when it runs past `budget`, so an unbounded read fails
/// instead of hanging the suite.
fn chartgen_piped(
    cwd: &std::path::Path,
    args: &[&str],
    input: Vec<u8>,
    budget: std::time::Duration,
) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chartgen"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The reader may stop early; a refused write is its business.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > budget {
            child.kill().unwrap();
            panic!("chartgen {args:?} ran past {budget:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// One valid object, then comment lines up to `size` bytes: a text any
/// cut of which still reads, so a silent cut shows as success.
fn padded(head: &str, size: usize) -> Vec<u8> {
    let mut text = head.as_bytes().to_vec();
    let line = format!("# {}\n", "x".repeat(77));
    while text.len() < size {
        text.extend_from_slice(line.as_bytes());
    }
    text
}

/// A pipe (`lint <(cat big.yaml)`) is bounded like standard input: a file
/// that is not a regular one was cut at the limit and linted as if whole.
#[test]
fn lint_refuses_an_oversized_pipe_instead_of_cutting_it() {
    let dir = tempfile::tempdir().unwrap();
    let object = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";
    let out = chartgen_piped(
        dir.path(),
        &["lint", "/dev/stdin"],
        padded(object, (16 << 20) + 100),
        std::time::Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("holds more than 16777216 bytes (16 MiB), the most chartgen lint reads"),
        "{stderr}"
    );
}

/// Values files are read with one bound for `validate -f` and `lint -f`,
/// whatever they are (a FIFO, a pipe, `/dev/zero`), and `-f -` reads
/// standard input as Helm does.
#[test]
fn values_files_are_read_bounded_and_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        chartgen(dir.path(), &["new", "web-api"]).status.code(),
        Some(0)
    );
    let budget = std::time::Duration::from_secs(120);
    let big = || padded("replicaCount: 2\n", (5 << 20) + 100);
    for command in ["validate", "lint"] {
        let out = chartgen_piped(
            dir.path(),
            &[command, "-f", "/dev/stdin", "web-api"],
            big(),
            budget,
        );
        assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(
                "error: /dev/stdin: holds more than 5242880 bytes (5 MiB), the most chartgen \
                 reads of a values file"
            ),
            "{command}: {stderr}"
        );
        let out = chartgen_piped(
            dir.path(),
            &[command, "-f", "/dev/zero", "web-api"],
            Vec::new(),
            budget,
        );
        assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    }
    let out = chartgen_piped(
        dir.path(),
        &["validate", "-f", "-", "web-api"],
        b"replicaCount: 2\nimage:\n  tag: latest\n".to_vec(),
        budget,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("standard input:3:3: image.tag: "),
        "{}",
        transcript(&out)
    );
    let out = chartgen_piped(
        dir.path(),
        &["lint", "web-api", "-f", "-"],
        b"replicaCount: 3\n".to_vec(),
        budget,
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let out = chartgen_piped(
        dir.path(),
        &["validate", "-f", "-", "-f", "-", "web-api"],
        Vec::new(),
        budget,
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
}
