//! `chartgen template` against Helm.
//!
//! - The output layer alone (`helm_engine::release`), judged apart from
//!   chartgen's template engine: fed the Helm SDK's own render of every
//!   corpus scenario, it must give byte for byte the `manifest` of the SDK's
//!   `helm install --dry-run=client`, and find the hooks a YAML reader of the
//!   oracle's own finds, by Helm's sorter rules.
//! - The whole command: its standard output equals what Helm prints for
//!   chartgen's own charts and for every corpus scenario.
//! - The command line: refused flags, release names, `--show-only`,
//!   `--output-dir`, what the flags give templates (`.Capabilities`,
//!   `.Release.IsUpgrade`, `--set` integers), shared maps and subcharts.
//! - `--set*` grammars against the SDK's `parse_set_*`, on the cases
//!   recorded in `crates/helm-engine/tests/data/strvals-cases.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::conformance::{first_difference, Allowed};
use crate::corpus::corpus;
use crate::oracle::{oracle, Oracle};
use crate::support::{chartgen, chartgen_within, transcript};
use helm_engine::release::output::{render_resources, template, TemplateOptions};
use helm_engine::release::sort::{sort_by_kind, HookEvent};

/// One way of rendering a corpus chart: its defaults, or a `ci/` file.
struct Scenario {
    chart: PathBuf,
    /// `defaults` or `ci/<file>`.
    what: String,
    /// The values file's path, for `-f`.
    file: Option<PathBuf>,
}

impl Scenario {
    /// The user values Helm is given, as Helm reads the file.
    fn values(&self) -> Value {
        let Some(file) = &self.file else {
            return Value::Null;
        };
        let text = std::fs::read_to_string(file).unwrap();
        helm_engine::read::read_values(&text)
            .map(|v| v.value)
            .unwrap_or(Value::Null)
    }

    fn label(&self) -> String {
        format!(
            "{} ({})",
            self.chart.file_name().unwrap().to_string_lossy(),
            self.what
        )
    }
}

/// Every scenario of the corpus: each chart with its defaults and with each
/// `ci/*.yaml`.
fn scenarios(dir: &Path) -> Vec<Scenario> {
    let mut out = Vec::new();
    for chart in crate::corpus::charts_in(dir) {
        out.push(Scenario {
            chart: chart.clone(),
            what: "defaults".into(),
            file: None,
        });
        for file in crate::corpus::ci_files(&chart) {
            out.push(Scenario {
                chart: chart.clone(),
                what: format!("ci/{}", file.file_name().unwrap().to_string_lossy()),
                file: Some(file),
            });
        }
    }
    out
}

/// The SDK's render of a scenario (as `helm install` renders it) and its
/// dry-run install's manifest and hooks; `None` when Helm refuses it.
fn helm_release(helm: &mut Oracle, chart: &Path, values: &Value) -> Option<Value> {
    helm.request(json!({
        "op": "release_manifest", "path": chart.display().to_string(),
        "name": "release-name", "namespace": "default", "values": values,
    }))
    .ok()
}

fn rendered_of(release: &Value) -> BTreeMap<String, String> {
    serde_json::from_value(release["rendered"].clone()).unwrap()
}

#[test]
fn release_output_matches_helm_on_the_corpus() {
    let Some(dir) = corpus("release_output_matches_helm_on_the_corpus") else {
        return;
    };
    let Some(mut helm) = oracle() else { return };
    let (mut compared, mut hooks_seen, mut refused) = (0, 0, 0);
    let mut problems = Vec::new();
    for scenario in scenarios(&dir) {
        let Some(release) = helm_release(&mut helm, &scenario.chart, &scenario.values()) else {
            refused += 1;
            continue;
        };
        compared += 1;
        let rendered = rendered_of(&release);
        let mut wrote = String::new();
        let ours = render_resources(&rendered, &[], &TemplateOptions::default(), &mut wrote)
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.label()));
        let theirs = release["manifest"].as_str().unwrap();
        let random = calls_random(&scenario.chart);
        if let Some(diff) = difference(&ours.manifest, theirs, random) {
            problems.push(format!("{}: manifest differs at {diff}", scenario.label()));
        }
        // The oracle's hooks, read by PyYAML from files with a YAML
        // extension, filtered and ordered by Helm's rules: events it knows,
        // kinds in install order.
        let mut expected: Vec<(String, String, String, Vec<HookEvent>)> = release["hooks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| {
                let events = h["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| HookEvent::parse(&e.as_str().unwrap().trim().to_lowercase()))
                    .collect::<Option<Vec<_>>>()?;
                let text = |k: &str| h[k].as_str().unwrap_or_default().to_owned();
                Some((text("path"), text("kind"), text("name"), events))
            })
            .collect();
        sort_by_kind(&mut expected, |h| &h.1);
        let found: Vec<(String, String, String, Vec<HookEvent>)> = ours
            .hooks
            .iter()
            .filter(|h| h.path.ends_with(".yaml") || h.path.ends_with(".yml"))
            .map(|h| {
                (
                    h.path.clone(),
                    h.kind.clone(),
                    h.name.clone(),
                    h.events.clone(),
                )
            })
            .collect();
        hooks_seen += found.len();
        if found != expected {
            problems.push(format!(
                "{}: hooks differ\n  ours: {found:?}\n  helm: {expected:?}",
                scenario.label()
            ));
        }
    }
    eprintln!(
        "release output: {compared} scenarios compared ({hooks_seen} hooks), {refused} refused by Helm"
    );
    assert!(compared >= 300, "only {compared} scenarios compared");
    assert!(hooks_seen > 0, "no hooks in the corpus were compared");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Functions whose output differs between two renders, the SDK's render
/// and its install included.
const RANDOM: &[&str] = &[
    "randAlpha",
    "randNumeric",
    "randAscii",
    "randBytes",
    "uuidv4",
    "genCA",
    "genPrivateKey",
    "genSelfSignedCert",
    "genSignedCert",
    "htpasswd",
    "bcrypt",
    "encryptAES",
    "buildCustomCert",
];

/// Whether a template of `chart` (subcharts included) calls one of [`RANDOM`].
fn calls_random(chart: &Path) -> bool {
    let mut pending = vec![chart.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if std::fs::read_to_string(&path)
                .is_ok_and(|t| RANDOM.iter().any(|f| t.contains(f)))
            {
                return true;
            }
        }
    }
    false
}

/// Where `ours` first differs from `theirs`: exactly, or, for a chart that
/// calls random functions, line by line where a differing pair of lines
/// does not share its key (the text up to the first `:` after the
/// indentation) or the shape of its value, so a random value or a
/// checksum of one may differ, but not its place or its length.
fn difference(ours: &str, theirs: &str, random: bool) -> Option<String> {
    if !random {
        return first_difference(ours, theirs, EXACT);
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
    if a.len() != b.len() {
        return Some(format!("{} lines against {}", a.len(), b.len()));
    }
    let key = |line: &str| {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        body.find(':').map(|i| line[..indent + i].to_owned())
    };
    // A random value has the shape of Helm's: as long (a password, a
    // UUID, a hash, a bcrypt), or, for a key or a certificate, base64 of
    // about the same length (a DER encoding varies by a few bytes).
    let same_shape = |x: &str, y: &str| {
        let (k, v, w) = (
            key(x).unwrap_or_default(),
            &x[key(x).map_or(0, |k| k.len())..],
            &y[key(y).map_or(0, |k| k.len())..],
        );
        let base64 = |t: &str| {
            let t = t.trim_start_matches([':', ' ', '"']).trim_end_matches('"');
            t.len() >= 64
                && t.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
        };
        !k.is_empty()
            && (v.len() == w.len() || (base64(v) && base64(w) && v.len().abs_diff(w.len()) <= 64))
    };
    a.iter()
        .zip(&b)
        .position(|(x, y)| x != y && (key(x).is_none() || key(x) != key(y) || !same_shape(x, y)))
        .map(|i| format!("line {}:\n  ours: {:?}\n  helm: {:?}", i + 1, a[i], b[i]))
}

/// What `helm template` prints for `rendered` (Helm's render), with the
/// manifest part checked against Helm's own.
/// `allowed` are the random differences between the SDK's render and its
/// install, two renders of their own.
fn helm_template_stdout(what: &str, release: &Value, allowed: Allowed) -> String {
    helm_stdout_checked(what, release, |ours, theirs| {
        first_difference(ours, theirs, allowed)
    })
}

/// [`helm_template_stdout`], the SDK's two renders compared with
/// [`difference`]: equal, or for a chart calling random functions, equal
/// but for random values of the same shape.
fn helm_stdout_checked(
    what: &str,
    release: &Value,
    differ: impl Fn(&str, &str) -> Option<String>,
) -> String {
    let rendered = rendered_of(release);
    let out = template(&rendered, &[], &TemplateOptions::default()).unwrap();
    let manifest = format!("{}\n", release["manifest"].as_str().unwrap().trim());
    let head = out.get(..manifest.len()).unwrap_or(&out);
    if let Some(diff) = differ(head, &manifest) {
        panic!("{what}: the output layer does not print Helm's manifest first: {diff}");
    }
    out
}

const EXACT: Allowed = Allowed {
    random_secrets: false,
    checksums: false,
};

#[test]
fn template_prints_what_helm_prints_for_chartgen_charts() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (mut compared, mut refused) = (0, 0);
    for (what, chart) in crate::conformance::charts(dir.path()) {
        let path = chart.display().to_string();
        let Some(release) = helm_release(&mut helm, &chart, &Value::Null) else {
            // Helm refuses it (a value `required` at install): so must chartgen.
            let output = chartgen(dir.path(), &["template", &path]);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{what}: {}",
                transcript(&output)
            );
            assert!(output.stdout.is_empty(), "{what}");
            refused += 1;
            continue;
        };
        let random = std::fs::read_dir(chart.join("templates"))
            .unwrap()
            .flatten()
            .any(|f| std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains("randAlphaNum")));
        let allowed = Allowed {
            random_secrets: random,
            checksums: random,
        };
        let expected = helm_template_stdout(&what, &release, allowed);
        let output = chartgen(dir.path(), &["template", &path]);
        assert!(output.status.success(), "{what}: {}", transcript(&output));
        let ours = String::from_utf8(output.stdout).unwrap();
        if let Some(diff) = first_difference(&ours, &expected, allowed) {
            panic!("{what}: `chartgen template` differs from `helm template` at {diff}");
        }
        // The chartgen.yaml renders the same chart, generated in memory.
        let spec = chart.join("chartgen.yaml").display().to_string();
        let from_spec = chartgen(dir.path(), &["template", &spec]);
        assert!(
            from_spec.status.success(),
            "{what}: {}",
            transcript(&from_spec)
        );
        let from_spec = String::from_utf8(from_spec.stdout).unwrap();
        if let Some(diff) = first_difference(&from_spec, &expected, allowed) {
            panic!("{what}: `chartgen template chartgen.yaml` differs at {diff}");
        }
        // And its package, the only archive in `dist` (emptied each time).
        let dist = dir.path().join("dist");
        let packaged = chartgen(
            dir.path(),
            &["package", &path, "-d", dist.to_str().unwrap()],
        );
        assert!(
            packaged.status.success(),
            "{what}: {}",
            transcript(&packaged)
        );
        let archive = std::fs::read_dir(&dist)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .next()
            .unwrap();
        let from_archive = chartgen(dir.path(), &["template", archive.to_str().unwrap()]);
        assert!(
            from_archive.status.success(),
            "{what}: {}",
            transcript(&from_archive)
        );
        let from_archive = String::from_utf8(from_archive.stdout).unwrap();
        if let Some(diff) = first_difference(&from_archive, &expected, allowed) {
            panic!("{what}: `chartgen template` of its package differs at {diff}");
        }
        std::fs::remove_dir_all(&dist).unwrap();
        compared += 1;
    }
    eprintln!("chartgen template: {compared} of chartgen's charts as Helm prints them, {refused} refused by both");
    assert!(compared > 10, "only {compared} charts compared");
}

/// No corpus scenario may need more than this much memory.
const SCENARIO_MEMORY: u64 = 1 << 30;

/// Every corpus scenario, its defaults and each `ci/` file: what
/// `chartgen template` prints must be what `helm template` prints, byte for
/// byte (random values compared by shape, see [`difference`]); where Helm
/// refuses the scenario, chartgen must refuse it too. Each run is held
/// under [`SCENARIO_MEMORY`] of address space.
#[test]
fn template_prints_what_helm_prints_for_corpus_charts() {
    let Some(dir) = corpus("template_prints_what_helm_prints_for_corpus_charts") else {
        return;
    };
    let Some(mut helm) = oracle() else { return };
    let mut problems = Vec::new();
    let (mut identical, mut by_shape, mut refused) = (0, 0, 0);
    for scenario in scenarios(&dir) {
        let chart_path = scenario.chart.display().to_string();
        let mut args = vec!["template", "release-name", chart_path.as_str()];
        let file = scenario.file.as_ref().map(|f| f.display().to_string());
        if let Some(file) = &file {
            args.extend(["-f", file.as_str()]);
        }
        let output = chartgen_within(&dir, &args, SCENARIO_MEMORY);
        let Some(release) = helm_release(&mut helm, &scenario.chart, &scenario.values()) else {
            refused += 1;
            if output.status.code() != Some(1) {
                problems.push(format!(
                    "{}: Helm refuses it, chartgen does not: {}",
                    scenario.label(),
                    transcript(&output)
                ));
            }
            continue;
        };
        if !output.status.success() {
            problems.push(format!("{}: {}", scenario.label(), transcript(&output)));
            continue;
        }
        let random = calls_random(&scenario.chart);
        let expected = helm_stdout_checked(&scenario.label(), &release, |ours, theirs| {
            difference(ours, theirs, random)
        });
        let ours = String::from_utf8_lossy(&output.stdout);
        if ours == expected {
            identical += 1;
            continue;
        }
        match difference(&ours, &expected, random) {
            Some(diff) => problems.push(format!("{}: differs at {diff}", scenario.label())),
            None => by_shape += 1,
        }
    }
    eprintln!(
        "chartgen template on the corpus: {identical} scenarios byte-identical to helm template, \
         {by_shape} identical but for random values, {refused} refused by both"
    );
    assert!(
        identical >= 300,
        "only {identical} corpus scenarios identical"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn set_flags_parse_as_the_helm_sdk_parses_them() {
    let Some(mut helm) = oracle() else { return };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/helm-engine/tests/data");
    let dir = data.display().to_string();
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(data.join("strvals-cases.json")).unwrap())
            .unwrap();
    for case in &cases {
        let text = case["text"].as_str().unwrap().replace("@DATA@", &dir);
        let live = helm.request(json!({"op": "parse_set", "kind": case["kind"], "text": text}));
        match (live, case.get("values"), case.get("error")) {
            (Ok(values), Some(recorded), None) => assert_eq!(&values, recorded, "{case}"),
            (Err(e), None, Some(recorded)) => {
                assert_eq!(
                    e.message.replace(&dir, "@DATA@"),
                    recorded.as_str().unwrap(),
                    "{case}"
                )
            }
            (live, ..) => panic!("{case}: the SDK now gives {live:?}"),
        }
    }
}

/// A small chart with a manifest, a hook, a test, a CRD and NOTES.txt.
fn hooked_chart(dir: &Path) -> PathBuf {
    let chart = dir.join("hooked");
    let write = |rel: &str, text: &str| {
        let path = chart.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "Chart.yaml",
        "apiVersion: v2\nname: hooked\nversion: 0.1.0\n",
    );
    write("values.yaml", "port: 80\n");
    write(
        "templates/service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  ports:\n    - port: {{ .Values.port }}\n",
    );
    write(
        "templates/config.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
    );
    write(
        "templates/job.yaml",
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install\n",
    );
    write(
        "templates/tests/test.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\n  annotations:\n    helm.sh/hook: test\n",
    );
    write("templates/NOTES.txt", "Installed {{ .Release.Name }}.\n");
    write(
        "crds/thing.yaml",
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\n",
    );
    chart
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = chartgen(dir, args);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn template_flags_shape_the_output_as_helms_do() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let chart = chart.to_str().unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["template", "web", chart, "-n", "prod", "--set", "port=8080"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\
         ---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n\n\
         ---\n# Source: hooked/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 8080\n\
         ---\n# Source: hooked/templates/tests/test.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: test\n  annotations:\n    helm.sh/hook: test\n\n\
         ---\n# Source: hooked/templates/job.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install\n\n"
    );
    let (_, out, _) = run(
        dir.path(),
        &["template", chart, "--include-crds", "--skip-tests"],
    );
    assert!(out.starts_with(
        "---\n# Source: hooked/crds/thing.yaml\napiVersion: apiextensions.k8s.io/v1\n"
    ));
    assert!(!out.contains("name: test\n"));
    assert!(out.contains("name: migrate"));
    let (_, out, _) = run(
        dir.path(),
        &["template", chart, "--no-hooks", "--skip-crds"],
    );
    assert!(!out.contains("helm.sh/hook"));
    assert!(!out.contains("CustomResourceDefinition"));
    // --show-only keeps the order of the flags, each glob's documents in
    // output order; hooks can be shown.
    let (code, out, _) = run(
        dir.path(),
        &[
            "template",
            chart,
            "-s",
            "templates/job.yaml",
            "-s",
            "templates/c*.yaml",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "---\n# Source: hooked/templates/job.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install\n\n\n\
         ---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\
         ---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
    );
    // NOTES.txt is never a manifest, so showing it fails as in Helm
    // (exit 1: the arguments were well formed).
    let (code, out, err) = run(
        dir.path(),
        &["template", chart, "-s", "templates/NOTES.txt"],
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("could not find template templates/NOTES.txt in chart"),
        "{err}"
    );
}

#[test]
fn template_output_dir_writes_files_as_helm_does() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let chart = chart.to_str().unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[
            "template",
            "web",
            chart,
            "--output-dir",
            "out",
            "--release-name",
            "--include-crds",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // CRDs go to the output folder itself, manifests and hooks to the
    // release's folder; standard output ends with the empty manifest line.
    assert_eq!(
        out,
        "wrote out/hooked/crds/thing.yaml\nwrote out/web/hooked/templates/config.yaml\n\
         wrote out/web/hooked/templates/config.yaml\nwrote out/web/hooked/templates/service.yaml\n\
         wrote out/web/hooked/templates/tests/test.yaml\nwrote out/web/hooked/templates/job.yaml\n\n"
    );
    let config =
        std::fs::read_to_string(dir.path().join("out/web/hooked/templates/config.yaml")).unwrap();
    assert_eq!(
        config,
        "---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\
         ---\n# Source: hooked/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n\n"
    );
    // A second run: manifests are written afresh, hooks appended to the
    // files already there, as Helm does.
    run(
        dir.path(),
        &[
            "template",
            "web",
            chart,
            "--output-dir",
            "out",
            "--release-name",
        ],
    );
    let job =
        std::fs::read_to_string(dir.path().join("out/web/hooked/templates/job.yaml")).unwrap();
    assert_eq!(job.matches("# Source:").count(), 2);
    let config =
        std::fs::read_to_string(dir.path().join("out/web/hooked/templates/config.yaml")).unwrap();
    assert_eq!(config.matches("# Source:").count(), 2);
    // With --output-dir, --show-only finds nothing to show, as in Helm.
    let (code, _, err) = run(
        dir.path(),
        &[
            "template",
            chart,
            "--output-dir",
            "o2",
            "-s",
            "templates/service.yaml",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("could not find template"), "{err}");
}

#[test]
fn template_refuses_what_needs_a_cluster_or_a_network() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let chart = chart.to_str().unwrap();
    for flags in [
        &["--validate"][..],
        &["--dependency-update"],
        &["--dry-run=server"],
        &["--repo", "https://charts.example.com"],
        &["--post-renderer", "kustomize"],
        &["--wait"],
        &["--timeout", "5m"],
        &["-f", "https://example.com/values.yaml"],
    ] {
        let mut args = vec!["template", chart];
        args.extend(flags);
        let (code, out, err) = run(dir.path(), &args);
        assert_eq!((code, out.as_str()), (2, ""), "{flags:?}: {err}");
        assert!(
            err.contains("network") || err.contains("cluster"),
            "{flags:?}: {err}"
        );
    }
    let (code, _, err) = run(
        dir.path(),
        &["template", "oci://registry.example.com/charts/app"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("repository or registry reference"), "{err}");
    for accepted in ["--dry-run=client", "--dry-run"] {
        let (code, _, err) = run(dir.path(), &["template", chart, accepted]);
        assert_eq!(code, 0, "{accepted}: {err}");
    }
}

#[test]
fn template_checks_names_and_inputs_as_helm_does() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let chart = chart.to_str().unwrap();
    let long = "a".repeat(54);
    for name in ["Web", "web_api", "web-", long.as_str()] {
        let (code, out, err) = run(dir.path(), &["template", name, chart]);
        assert_eq!((code, out.as_str()), (2, ""), "{name}");
        assert!(
            err.contains(&format!(
                "release name \"{name}\": invalid release name, must match regex"
            )),
            "{err}"
        );
    }
    let (code, _, err) = run(dir.path(), &["template", "a.b-c", chart]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(dir.path(), &["template", "web", chart, "-g"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot set --generate-name and also specify a name"),
        "{err}"
    );
    // helm template names the release `release-name` even with -g.
    let (_, out, _) = run(
        dir.path(),
        &["template", chart, "-g", "-s", "templates/service.yaml"],
    );
    assert!(out.contains("name: release-name\n"), "{out}");
    let (_, out, err) = run(
        dir.path(),
        &[
            "template",
            chart,
            "--name-template",
            "{{ \"web\" | upper | lower }}-1",
            "-s",
            "templates/service.yaml",
        ],
    );
    assert!(out.contains("name: web-1\n"), "{out}{err}");
    let (code, _, err) = run(dir.path(), &["template", chart, "--kube-version", "banana"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid kube version 'banana': could not parse"),
        "{err}"
    );
    let (code, _, err) = run(dir.path(), &["template", chart, "--set", "a[x]=1"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"),
        "{err}"
    );
    // --set-file reads files as -f does: bounded.
    std::fs::write(dir.path().join("big.txt"), vec![b'x'; (5 << 20) + 1]).unwrap();
    let (code, _, err) = run(dir.path(), &["template", chart, "--set-file", "a=big.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("big.txt holds more than 5242880 bytes"),
        "{err}"
    );
    std::fs::write(dir.path().join("small.txt"), "hi").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["template", chart, "--set-file", "a=small.txt"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        dir.path(),
        &["template", dir.path().join("nope").to_str().unwrap()],
    );
    assert_eq!(code, 2, "{err}");
}

/// Runs chartgen, which must fail as a render fails (exit 1, nothing on
/// standard output); its standard error.
fn refused(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(dir, args);
    assert_eq!((code, out.as_str()), (1, ""), "{args:?}: {err}");
    err
}

/// What Helm gives a template beyond the values, set by flags: the
/// Kubernetes version and API versions (Helm's `common.Capabilities`), an
/// upgrade, `--set` integers (Go `int64`s, where values files give
/// `float64`s that Go prints with an exponent from a million on).
#[test]
fn template_flags_reach_the_templates_as_in_helm() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let write = |rel: &str, text: &str| {
        let path = chart.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Chart.yaml's kubeVersion is held against --kube-version, as Helm does.
    write(
        "Chart.yaml",
        "apiVersion: v2\nname: hooked\nversion: 0.1.0\nkubeVersion: \">=1.30.0-0\"\n",
    );
    let c = chart.to_str().unwrap();
    let err = refused(dir.path(), &["template", c, "--kube-version", "1.29"]);
    assert!(
        err.contains(
            "chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29"
        ),
        "{err}"
    );
    write(
        "templates/flags.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  \
         kube: {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Minor }}\n  \
         has: {{ .Capabilities.APIVersions.Has \"example.com/v1\" }}\n  \
         upgrade: {{ .Release.IsUpgrade }} {{ .Release.IsInstall }}\n  \
         big: {{ .Values.big }} {{ typeOf .Values.big }}\n",
    );
    let show = ["-s", "templates/flags.yaml"];
    let (code, out, err) = run(dir.path(), &[&["template", c][..], &show].concat());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("kube: v1.36.0 36\n  has: false\n  upgrade: false true\n  big:  <nil>\n"),
        "{out}"
    );
    let args = [
        "--kube-version",
        "1.31.2-eks",
        "-a",
        "example.com/v1",
        "--is-upgrade",
        "--set",
        "big=1000000",
    ];
    let (code, out, err) = run(dir.path(), &[&["template", c][..], &show, &args].concat());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "kube: v1.31.2-eks 31\n  has: true\n  upgrade: true false\n  big: 1000000 int64\n"
        ),
        "{out}"
    );
    std::fs::write(dir.path().join("big.yaml"), "big: 2000000\n").unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[&["template", c][..], &show, &["-f", "big.yaml"]].concat(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("big: 2e+06 float64\n"), "{out}");
}

/// A template whose output is not YAML fails as `helm template` fails,
/// in Helm's words (the SDK's install error, line included).
#[test]
fn template_reports_output_that_is_not_yaml_as_helm_does() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    std::fs::write(
        chart.join("templates/bad.yaml"),
        "kind: ConfigMap
metadata:
  name: bad
data:
  a: [] x
",
    )
    .unwrap();
    let c = chart.to_str().unwrap();
    let err = refused(dir.path(), &["template", c]);
    let helm_error = helm
        .request(json!({"op": "install", "path": c, "name": "release-name"}))
        .expect_err("Helm refuses the chart");
    let helm_error = helm_error.to_string();
    let sentence = helm_error
        .split("YAML parse error on")
        .nth(1)
        .expect("Helm's error names the YAML parse error");
    assert!(
        err.contains(&format!("YAML parse error on{}", sentence.trim_end())),
        "ours: {err}
helm: {helm_error}"
    );
}

/// Maps are Go's references (`set` on `.`, on `.Values`, through a
/// variable), and subcharts get their share of the values: the chart
/// renders as the Helm SDK renders it.
#[test]
fn template_renders_shared_maps_and_subcharts_as_helm_does() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    let write = |rel: &str, text: &str| {
        let path = chart.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "values.yaml",
        "port: 80\nsub:\n  name: from-parent\nglobal:\n  team: web\n",
    );
    write(
        "templates/_helpers.tpl",
        "{{- define \"mode\" -}}{{- $_ := set . \"mode\" \"server\" -}}{{- end -}}",
    );
    write(
        "templates/set.yaml",
        "{{- include \"mode\" . }}\n{{- $m := .Values }}{{- $_ := set $m \"extra\" 1 }}\n\
         apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: set\ndata:\n  \
         mode: {{ .mode }}\n  extra: {{ .Values.extra | quote }}\n  \
         merged: {{ merge .Values.sub (dict \"more\" \"x\") | toJson | quote }}\n",
    );
    write(
        "charts/sub/Chart.yaml",
        "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
    );
    write("charts/sub/values.yaml", "name: own\nreplicas: 2\n");
    write(
        "charts/sub/templates/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n  \
         team: {{ .Values.global.team }}\n  replicas: {{ .Values.replicas | quote }}\n  \
         more: {{ .Values.more | quote }}\n",
    );
    let c = chart.to_str().unwrap();
    let (code, out, err) = run(dir.path(), &["template", "release-name", c]);
    assert_eq!(code, 0, "{err}");
    let release = helm_release(&mut helm, &chart, &Value::Null).expect("Helm renders it");
    let expected = helm_template_stdout("shared maps", &release, EXACT);
    assert_eq!(out, expected);
    assert!(out.contains("mode: server"), "{out}");
    assert!(out.contains("name: from-parent"), "{out}");
}

#[test]
fn template_checks_values_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let chart = hooked_chart(dir.path());
    std::fs::write(
        chart.join("values.schema.json"),
        r#"{"type": "object", "properties": {"port": {"type": "integer"}}}"#,
    )
    .unwrap();
    let c = chart.to_str().unwrap();
    // A schema violation fails the render, as in Helm: exit 1.
    let (code, out, err) = run(dir.path(), &["template", c, "--set-string", "port=80"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("port"), "{err}");
    let (code, _, err) = run(
        dir.path(),
        &[
            "template",
            c,
            "--set-string",
            "port=80",
            "--skip-schema-validation",
        ],
    );
    assert_eq!(code, 0, "{err}");
}
