//! `chartgen lint` on the engine `chartgen template` renders with: every
//! chart of the public corpus linted with its defaults (findings or
//! success, never a failure to render), and charts written here for what
//! the corpus cannot show on its own: subcharts, the values and
//! capability flags, and templates that refuse values or long release
//! names.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::corpus::{charts_in, corpus};
use crate::support::{chartgen, transcript};

/// How one `chartgen lint --format json` run ended.
#[derive(Debug, PartialEq)]
enum Ending {
    /// Exit 0: no error findings; the findings printed (warnings, notes).
    Clean(Vec<Value>),
    /// Exit 1 with a JSON array of findings on standard output, as many
    /// errors among them as standard error's `N error findings` says.
    Findings(Vec<Value>),
    /// Anything else: exit 2 (the chart could not be loaded or rendered,
    /// its values broke its schema), exit 1 without error findings, a
    /// signal, or output that is not the findings. The message on stderr.
    Failed(String),
}

/// Runs `chartgen lint --format json ARGS` in `dir` and tells how it ended.
fn lint(dir: &Path, args: &[&str]) -> Ending {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let out = chartgen(dir, &all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let findings = serde_json::from_slice::<Value>(&out.stdout)
        .ok()
        .and_then(|v| v.as_array().cloned());
    let errors = |f: &[Value]| f.iter().filter(|f| f["severity"] == "error").count();
    match (out.status.code(), findings) {
        (Some(0), Some(findings)) if errors(&findings) == 0 => Ending::Clean(findings),
        (Some(1), Some(findings))
            if errors(&findings) > 0
                && stderr.trim() == format!("error: {} error findings", errors(&findings)) =>
        {
            Ending::Findings(findings)
        }
        _ => Ending::Failed(transcript(&out)),
    }
}

/// The findings of `code` in `findings`.
fn of<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["code"] == code).collect()
}

/// The findings of a run that did not fail.
fn findings(ending: Ending) -> Vec<Value> {
    match ending {
        Ending::Clean(f) | Ending::Findings(f) => f,
        Ending::Failed(message) => panic!("lint failed: {message}"),
    }
}

/// Every chart of the corpus, with its defaults: `chartgen lint` ends with
/// findings or without error findings, never with a chart it could not
/// render (exit 2) or output that is not findings.
#[test]
fn lint_renders_every_corpus_chart() {
    let Some(dir) = corpus("lint_renders_every_corpus_chart") else {
        return;
    };
    let charts = charts_in(&dir);
    assert!(!charts.is_empty(), "no charts in {}", dir.display());
    let (mut errors, mut clean, mut silent, mut refused, mut long_names) = (0, 0, 0, 0, 0);
    let mut failed = Vec::new();
    for chart in &charts {
        let name = chart.file_name().unwrap().to_string_lossy().into_owned();
        let findings = match lint(&dir, &[&name]) {
            Ending::Clean(findings) => {
                clean += 1;
                silent += usize::from(findings.is_empty());
                findings
            }
            Ending::Findings(findings) => {
                errors += 1;
                findings
            }
            Ending::Failed(message) => {
                failed.push(format!("{name}: {message}"));
                continue;
            }
        };
        refused += usize::from(!of(&findings, "CG032").is_empty());
        long_names += usize::from(
            of(&findings, "CG028")
                .iter()
                .any(|f| f["message"].as_str().unwrap().contains("release name")),
        );
    }
    eprintln!(
        "chartgen lint on the corpus: {} charts linted, {errors} with error findings, {clean} \
         without ({silent} of them with no finding at all); {refused} refuse their defaults \
         (CG032), {long_names} a long release name (CG028)",
        charts.len()
    );
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// A chart folder with `files` (path → text) in `dir/name`.
fn write_chart(dir: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = dir.join(name);
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

/// A Deployment named from the release, privileged when `.Values.privileged`.
const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-{{ .Chart.Name }}
spec:
  selector:
    matchLabels: {app: {{ .Chart.Name }}}
  template:
    metadata:
      labels: {app: {{ .Chart.Name }}}
    spec:
      containers:
        - name: app
          image: nginx:1.27.0
          securityContext:
            privileged: {{ .Values.privileged | default false }}
";

/// A parent with a subchart as a folder and one as a packaged archive:
/// the subcharts' templates are linted, named where the user finds them;
/// a subchart its condition turns off is not.
#[test]
fn lint_lints_subcharts_where_the_user_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let parent = write_chart(
        dir.path(),
        "parent",
        &[
            (
                "Chart.yaml",
                "apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  \
                 - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n  \
                 - name: packed\n    version: 0.1.0\n",
            ),
            ("values.yaml", "sub:\n  enabled: true\n  privileged: true\n"),
            (
                "charts/sub/Chart.yaml",
                "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            ),
            ("charts/sub/templates/deployment.yaml", DEPLOYMENT),
        ],
    );
    let packed = write_chart(
        dir.path(),
        "packed",
        &[
            (
                "Chart.yaml",
                "apiVersion: v2\nname: packed\nversion: 0.1.0\n",
            ),
            ("values.yaml", "privileged: true\n"),
            ("templates/deployment.yaml", DEPLOYMENT),
        ],
    );
    let out = chartgen(
        dir.path(),
        &[
            "package",
            &packed.display().to_string(),
            "-d",
            &parent.join("charts").display().to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));

    let found = findings(lint(dir.path(), &["parent"]));
    let privileged: Vec<(&str, &str)> = of(&found, "CG010")
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["object"].as_str().unwrap()))
        .collect();
    assert_eq!(
        privileged,
        [
            (
                "parent/charts/packed-0.1.0.tgz:packed/templates/deployment.yaml",
                "Deployment/release-name-packed"
            ),
            (
                "parent/charts/sub/templates/deployment.yaml",
                "Deployment/release-name-sub"
            ),
        ],
        "{found:#?}"
    );

    // Parent values reach the subcharts, and a condition turns one off:
    // linted with the flag, only the packed one is privileged.
    let found = findings(lint(dir.path(), &["parent", "--set", "sub.enabled=false"]));
    let by_values: Vec<(&str, &Value)> = of(&found, "CG010")
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), &f["values"]))
        .collect();
    assert_eq!(
        by_values,
        [
            (
                "parent/charts/packed-0.1.0.tgz:packed/templates/deployment.yaml",
                &serde_json::json!(["values.yaml", "--set sub.enabled=false"])
            ),
            (
                "parent/charts/sub/templates/deployment.yaml",
                &serde_json::json!(["values.yaml"])
            ),
        ],
        "{found:#?}"
    );
}

/// `-f` files stack and `--set*` flags merge over them as `helm template`
/// merges them, as one more values set named by them all.
#[test]
fn lint_takes_values_files_and_set_flags() {
    let dir = tempfile::tempdir().unwrap();
    write_chart(
        dir.path(),
        "app",
        &[
            ("Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n"),
            ("values.yaml", "privileged: false\n"),
            ("templates/deployment.yaml", DEPLOYMENT),
        ],
    );
    std::fs::write(dir.path().join("on.yaml"), "privileged: true\n").unwrap();
    std::fs::write(dir.path().join("off.yaml"), "privileged: false\n").unwrap();
    let labels = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["app"];
        all.extend_from_slice(args);
        let found = findings(lint(dir.path(), &all));
        of(&found, "CG010")
            .iter()
            .map(|f| f["values"].clone())
            .collect()
    };
    assert_eq!(labels(&[]), Vec::<Value>::new());
    assert_eq!(labels(&["-f", "on.yaml"]), [serde_json::json!(["on.yaml"])]);
    // The later file wins; --set wins over both.
    assert_eq!(
        labels(&["-f", "on.yaml", "-f", "off.yaml"]),
        Vec::<Value>::new()
    );
    assert_eq!(
        labels(&["-f", "off.yaml", "--set", "privileged=true"]),
        [serde_json::json!(["off.yaml + --set privileged=true"])]
    );
    assert_eq!(
        labels(&["--set-json", "privileged=true"]),
        [serde_json::json!(["--set-json privileged=true"])]
    );
    assert_eq!(
        labels(&["--set-string", "privileged=true"]),
        [serde_json::json!(["--set-string privileged=true"])]
    );
    // Flags for charts, given for manifests alone, are bad usage.
    std::fs::write(
        dir.path().join("objects.yaml"),
        "apiVersion: v1\nkind: List\n",
    )
    .unwrap();
    for flag in [
        &["--set", "a=1"][..],
        &["--kube-version", "1.30"],
        &["-a", "x/v1"],
    ] {
        let mut args = vec!["lint", "objects.yaml"];
        args.extend_from_slice(flag);
        let out = chartgen(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{flag:?}: {}", transcript(&out));
    }
    let out = chartgen(dir.path(), &["lint", "app", "--set", "a.b[x]=1"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
}

/// `--kube-version` and `--api-versions` reach `.Capabilities` as in
/// `chartgen template`; a version Helm cannot read is bad usage.
#[test]
fn lint_flags_reach_capabilities() {
    let dir = tempfile::tempdir().unwrap();
    let gated = DEPLOYMENT.replace(
        "privileged: {{ .Values.privileged | default false }}",
        "privileged: {{ and (.Capabilities.APIVersions.Has \"example.com/v1\") \
         (semverCompare \"<1.30\" .Capabilities.KubeVersion.Version) }}",
    );
    write_chart(
        dir.path(),
        "app",
        &[
            ("Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n"),
            ("templates/deployment.yaml", &gated),
        ],
    );
    let privileged = |args: &[&str]| {
        let mut all = vec!["app"];
        all.extend_from_slice(args);
        of(&findings(lint(dir.path(), &all)), "CG010").len()
    };
    assert_eq!(privileged(&[]), 0);
    assert_eq!(privileged(&["-a", "example.com/v1"]), 0, "v1.36 by default");
    assert_eq!(privileged(&["--kube-version", "1.29"]), 0);
    assert_eq!(
        privileged(&["--kube-version", "1.29", "-a", "other/v1,example.com/v1"]),
        1
    );
    assert_eq!(
        privileged(&["--kube-version=v1.29.3", "--api-versions", "example.com/v1"]),
        1
    );
    let out = chartgen(dir.path(), &["lint", "app", "--kube-version", "one"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("invalid kube version"),
        "{}",
        transcript(&out)
    );
}

/// A template that refuses release names longer than it likes is a
/// finding of the name rule (CG028), and only when the short release name
/// renders with the same values; a template that refuses the values
/// whatever the name is a finding of CG032, and not of the name rule.
#[test]
fn lint_reports_a_refused_long_release_name_as_a_name_finding() {
    let dir = tempfile::tempdir().unwrap();
    let chart = |name: &str, guard: &str| {
        write_chart(
            dir.path(),
            name,
            &[
                (
                    "Chart.yaml",
                    &format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n"),
                ),
                (
                    "templates/_helpers.tpl",
                    &format!("{{{{- define \"guard\" -}}}}\n{guard}\n{{{{- end }}}}\n"),
                ),
                (
                    "templates/deployment.yaml",
                    &format!("{{{{ include \"guard\" . }}}}\n{DEPLOYMENT}"),
                ),
            ],
        );
    };
    chart(
        "long",
        "{{ if gt (len .Release.Name) 20 }}{{ fail \"release name too long\" }}{{ end }}",
    );
    chart("always", "{{ fail \"this chart needs its values\" }}");
    chart(
        "short",
        "{{ if lt (len .Release.Name) 20 }}{{ fail \"release name too short\" }}{{ end }}",
    );

    let found = match lint(dir.path(), &["long"]) {
        Ending::Findings(found) => found,
        other => panic!("{other:?}"),
    };
    let names = of(&found, "CG028");
    assert_eq!(names.len(), 1, "{found:#?}");
    let name = names[0];
    assert_eq!(name["file"], "long/templates/deployment.yaml");
    assert_eq!(
        (name["line"].as_u64(), name["column"].as_u64()),
        (Some(1), Some(3))
    );
    let message = name["message"].as_str().unwrap();
    assert!(
        message.contains("53-character release name")
            && message.contains("`release-name`")
            && message.contains("release name too long"),
        "{message}"
    );
    assert_eq!(name["values"], serde_json::json!(["values.yaml"]));
    assert!(of(&found, "CG032").is_empty(), "{found:#?}");
    // The rest of the chart is linted as it renders with the short name.
    assert!(!of(&found, "CG011").is_empty(), "{found:#?}");
    // The rule's settings apply to it.
    let found = findings(lint(dir.path(), &["long", "--rule", "CG028=off"]));
    assert!(of(&found, "CG028").is_empty(), "{found:#?}");

    // Refused whatever the name: the values are refused, not the name.
    let found = findings(lint(dir.path(), &["always"]));
    assert!(of(&found, "CG028").is_empty(), "{found:#?}");
    let refused = of(&found, "CG032");
    assert_eq!(refused.len(), 1, "{found:#?}");
    assert!(
        refused[0]["message"]
            .as_str()
            .unwrap()
            .contains("execution error at (always/templates/deployment.yaml:1:3): this chart needs its values"),
        "{found:#?}"
    );
    // Linted on as `helm lint` renders it.
    assert!(!of(&found, "CG011").is_empty(), "{found:#?}");

    // Refused with the short name only: a values finding, no name finding.
    let found = findings(lint(dir.path(), &["short"]));
    assert!(of(&found, "CG028").is_empty(), "{found:#?}");
    assert_eq!(of(&found, "CG032").len(), 1, "{found:#?}");
}
