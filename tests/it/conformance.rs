//! Conformance of generated charts against the real oracles: the Helm v4 SDK
//! (lint, render, schema validation, dry-run install, archive loading) and
//! kubernetes-validate (strict Kubernetes API schemas for 1.29 and 1.37).
//!
//! Without the oracles these tests skip locally; under `CI=true` a missing
//! oracle fails them.

use std::path::Path;

use serde_json::{json, Value as Json};
use serde_yaml::Value;

use crate::kube::{
    at, id, name_violations, pod_spec, restricted_profile_violations, selector_matches, selects,
};
use crate::oracle::{oracle, Oracle};
use crate::support::{documents, files_under, fixture, generate};

/// The kinds of a chart's main workload.
const WORKLOADS: [&str; 4] = ["Deployment", "StatefulSet", "DaemonSet", "CronJob"];
const KUBE_VERSIONS: [&str; 2] = ["1.29.0", "1.37.0"];
/// Helm's longest release name.
const LONG_RELEASE: &str = "a-release-name-of-fifty-three-characters-for-testing";

/// Values turning every optional feature on, as an operator's overlay would.
fn everything_on() -> Json {
    json!({
        "replicaCount": 3,
        "ingress": {
            "enabled": true,
            "className": "nginx",
            "annotations": {"cert-manager.io/cluster-issuer": "letsencrypt"},
            "hosts": [{"host": "api.example.com", "paths": [{"path": "/", "pathType": "Prefix"}]}],
            "tls": [{"secretName": "api-tls", "hosts": ["api.example.com"]}]
        },
        "autoscaling": {"enabled": true, "minReplicas": 3, "maxReplicas": 12},
        "config": {"loadAs": "files", "data": {"LOG_LEVEL": "debug", "FEATURE": "on"}},
        "secrets": {"loadAs": "env", "data": {"API_TOKEN": "not-a-real-token"}},
        "env": {"EXTRA": "yes"},
        "networkPolicy": {"from": [{"podSelector": {"matchLabels": {"role": "frontend"}}}]},
        "podAnnotations": {"example.com/team": "payments"},
        "podLabels": {"team": "payments"},
        "serviceAccount": {"annotations": {"iam.example.com/role": "billing"}},
        "imagePullSecrets": [{"name": "registry-credentials"}],
        "resources": {"requests": {"cpu": 1, "memory": "1Gi"}, "limits": {"cpu": "2", "memory": "1Gi"}},
        "terminationGracePeriodSeconds": 1000000,
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
        "nodeSelector": {"kubernetes.io/os": "linux", "example.com/pool": "web"},
        "affinity": {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [{"labelSelector": {"matchLabels": {"app.kubernetes.io/component": "server"}}, "topologyKey": "kubernetes.io/hostname"}]}},
        "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app.kubernetes.io/component": "server"}}}]
    })
}

/// Every valid fixture spec, and the `chartgen new` example of every
/// blueprint, written as charts into `dir`.
pub(crate) fn charts(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut charts: Vec<(String, std::path::PathBuf)> = files_under(&fixture("specs"))
        .into_iter()
        .map(|spec| {
            let chart = generate(&fixture(&format!("specs/{spec}"))).unwrap();
            let path = chart.write(dir, false).unwrap();
            (spec, path)
        })
        .collect();
    let engine = chartgen::Engine::new(chartgen::Blueprints::embedded());
    for blueprint in chartgen::Blueprints::embedded().names() {
        let spec = engine
            .example(&format!("example-{blueprint}"), blueprint)
            .unwrap();
        let chart = engine.generate(&spec, None).unwrap();
        charts.push((
            format!("`chartgen new --blueprint {blueprint}`"),
            chart.write(dir, false).unwrap(),
        ));
    }
    charts
}

#[test]
fn charts_lint_strict_clean() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let with_overlays = std::iter::once(None).chain(overlays(&chart).into_iter().map(Some));
        for (kube, overlay) in KUBE_VERSIONS
            .iter()
            .flat_map(|k| with_overlays.clone().map(move |o| (k, o)))
        {
            let values = overlay.as_ref().map(|(_, v)| v);
            let report = helm.lint(&chart, &format!("v{kube}"), values).unwrap();
            let kube = format!(
                "{kube}{}",
                overlay
                    .as_ref()
                    .map(|(f, _)| format!(" with {f}"))
                    .unwrap_or_default()
            );
            let problems: Vec<&Json> = report["messages"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["severity"].as_u64().unwrap_or(3) >= 2)
                .collect();
            assert!(problems.is_empty(), "{spec} on {kube}: {problems:#?}");
            assert_eq!(
                report["errors"].as_array().map_or(0, Vec::len),
                0,
                "{spec} on {kube}: {report}"
            );
        }
        // chartgen lint renders as helm lint does (neither an install nor
        // an upgrade): install-time checks such as required secrets wait.
        let loaded = helm_engine::loader::load(&chart, &spec).unwrap();
        let findings =
            chartgen::lint::chart::lint_chart(&loaded, &Default::default(), &Default::default())
                .unwrap_or_else(|e| panic!("{spec}: chartgen lint: {e}"));
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == chartgen::lint::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{spec}: chartgen lint: {errors:#?}");
    }
}

/// Renders each chart with its defaults and with everything on, under a
/// short and a 53-character release name, and checks every object.
#[test]
fn rendered_manifests_are_valid_secure_and_wired() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let input = std::fs::read_to_string(chart.join("chartgen.yaml")).unwrap();
        let host_paths = !chartgen::load_spec("chartgen.yaml", &input)
            .unwrap()
            .host_paths
            .is_empty();
        let mut existing_secret =
            json!({"secrets": {"existingSecret": "shared-credentials", "loadAs": "files"}});
        if chart.join("templates/deployment.yaml").exists() {
            existing_secret["replicaCount"] = json!(1);
        }
        let mut scenarios = vec![
            ("defaults".to_owned(), install_values(&chart, json!({}))),
            (
                "everything-on".to_owned(),
                install_values(&chart, everything_on_for(&chart)),
            ),
            ("existing-secret".to_owned(), existing_secret),
        ];
        scenarios.extend(
            overlays(&chart)
                .into_iter()
                .map(|(file, values)| (file, install_values(&chart, values))),
        );
        let job_names: Vec<String> = spec_of(&chart)
            .jobs
            .iter()
            .map(|j| j.name.0.clone())
            .collect();
        // The oldest Kubernetes the chart claims, besides the usual two.
        let mut kube_versions: Vec<String> = KUBE_VERSIONS.iter().map(|v| v.to_string()).collect();
        let oldest = helm_engine::VersionRange::parse(&spec_of(&chart).kube_version)
            .ok()
            .and_then(|range| range.lowest())
            .map(|v| format!("{}.{}.0", v.major, v.minor));
        if let Some(oldest) = oldest.filter(|v| !kube_versions.contains(v)) {
            kube_versions.insert(0, oldest);
        }
        for (scenario, values) in scenarios {
            for release in ["web", LONG_RELEASE] {
                let what = format!("{spec} / {scenario} / release {release}");
                let rendered = helm
                    .render(&chart, &values, release, "apps")
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_renders_like_helm(&what, &chart, &values, release, &rendered);
                check_manifests(
                    &mut helm,
                    &what,
                    &rendered,
                    host_paths,
                    &job_names,
                    &kube_versions,
                );
            }
        }
    }
}

/// Release names of every length Helm allows, 1 to 53: prefixes of one
/// long name, plus names that contain the chart's, which make the full name
/// the release name alone.
fn release_names(chart: &str) -> Vec<String> {
    const LONG: &str = "a-release-name-that-grows-to-fifty-three-characters-9";
    let fix = |mut name: String| {
        if name.ends_with('-') {
            name.pop();
            name.push('x');
        }
        name
    };
    let mut names: Vec<String> = (1..=53).map(|n| fix(LONG[..n].to_owned())).collect();
    names.extend((chart.len()..=53).map(|n| fix(format!("{chart}{}", &LONG[..n - chart.len()]))));
    names
}

/// No two objects of one kind share a name in a namespace, under any
/// release name, for every blueprint and add-on, with the defaults and with
/// everything on; the Secret an ExternalSecret makes counts among the
/// Secrets. Every name fits its kind (63 characters, 52 for a CronJob or a
/// StatefulSet, whose controllers add to it). Helm's render is the judge,
/// and chartgen's renderer agrees with it on every one.
#[test]
fn names_never_collide() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let name = spec_of(&chart).name.0;
        let scenarios = [
            ("defaults", install_values(&chart, json!({}))),
            (
                "everything-on",
                install_values(&chart, everything_on_for(&chart)),
            ),
        ];
        for release in release_names(&name) {
            assert!(release.len() <= 53 && !release.ends_with('-'), "{release}");
            for (scenario, values) in &scenarios {
                let what = format!(
                    "{spec} / {scenario} / release {release} ({})",
                    release.len()
                );
                let rendered = helm
                    .render(&chart, values, &release, "apps")
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_renders_like_helm(&what, &chart, values, &release, &rendered);
                let problems = name_clashes(&rendered);
                assert!(problems.is_empty(), "{what}: {problems:#?}");
            }
        }
    }
}

/// Objects of one kind and namespace that share a name, and names that
/// break their kind's limit, in one render. A hook counts like any other
/// object, whatever its events: Argo CD renders a chart with `helm
/// template`, keeps one of two objects of a name, and runs the hooks on
/// every sync, so a hook of a release object's name replaces it there.
fn name_clashes(rendered: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<(String, String, String), usize> = Default::default();
    let mut problems = Vec::new();
    for (path, text) in rendered {
        if path.ends_with("NOTES.txt") {
            continue;
        }
        for doc in documents(text) {
            problems.extend(name_violations(&doc));
            let kind = at(&doc, &["kind"]).as_str().unwrap_or_default().to_owned();
            let namespace = at(&doc, &["metadata", "namespace"])
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let name = at(&doc, &["metadata", "name"])
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if kind == "ExternalSecret" {
                // The operator makes this Secret in the release's namespace.
                let target = at(&doc, &["spec", "target", "name"])
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                problems.extend(name_violations(
                    &serde_yaml::from_str(&format!(
                        "{{kind: Secret, metadata: {{name: {target:?}}}}}"
                    ))
                    .unwrap(),
                ));
                *seen
                    .entry(("Secret".into(), namespace.clone(), target))
                    .or_default() += 1;
            }
            *seen.entry((kind, namespace, name)).or_default() += 1;
        }
    }
    for ((kind, namespace, name), made) in seen {
        if made > 1 {
            problems.push(format!("{kind} {namespace}/{name} is made {made} times"));
        }
    }
    problems
}

/// chartgen's own renderer (used by `chartgen lint CHART`) gives the same
/// bytes as Helm for every template, NOTES.txt included.
fn assert_renders_like_helm(
    what: &str,
    chart: &Path,
    values: &Json,
    release: &str,
    helm: &std::collections::BTreeMap<String, String>,
) {
    use helm_engine::{coalesce, render, ChartFiles, Release};
    let files = ChartFiles::from_dir(chart).unwrap();
    let defaults: Json = serde_yaml::from_str(&files.files["values.yaml"]).unwrap();
    let merged = coalesce(&defaults, values);
    let release = Release {
        name: release.into(),
        namespace: "apps".into(),
        install: true,
    };
    let ours = render(&files, &merged, &release).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        helm.keys().collect::<Vec<_>>(),
        "{what}: the templates rendered"
    );
    // Generated secrets are random, in Helm as here, and so are the
    // checksums of what holds them: only templates that call randAlphaNum
    // may differ in a secret's value, and then checksums anywhere.
    let calls_random = |template: &str| {
        let rel = template.split_once('/').map_or(template, |(_, rel)| rel);
        files
            .files
            .get(rel)
            .is_some_and(|t| t.contains("randAlphaNum"))
    };
    let random = files.files.values().any(|t| t.contains("randAlphaNum"));
    for (template, text) in helm {
        let allowed = Allowed {
            random_secrets: calls_random(template),
            checksums: random,
        };
        if let Some(diff) = first_difference(&ours[template], text, allowed) {
            panic!("{what}: {template} differs from Helm's render at {diff}");
        }
    }
}

/// Whether two lines differ only in a generated secret: a key whose value is
/// base64 of as many random letters and digits (`randAlphaNum`) on each side.
fn both_random(ours: &str, helm: &str) -> bool {
    use base64_decode as decode;
    let split = |line: &str| {
        let (key, value) = line.rsplit_once(": ")?;
        let value = value.trim_matches('"');
        let bytes = decode(value)?;
        bytes
            .iter()
            .all(u8::is_ascii_alphanumeric)
            .then(|| (key.to_owned(), bytes.len()))
    };
    matches!((split(ours), split(helm)), (Some(a), Some(b)) if a == b)
}

/// Whether two lines are the same checksum annotation with different sums.
fn both_checksums(ours: &str, helm: &str) -> bool {
    let split = |line: &str| {
        let (key, sum) = line.trim().split_once(": ")?;
        let sum = sum.trim_matches('"');
        (key.starts_with("checksum/")
            && sum.len() == 64
            && sum.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| key.to_owned())
    };
    matches!((split(ours), split(helm)), (Some(a), Some(b)) if a == b)
}

/// Standard base64, without padding checks beyond what a secret needs.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').bytes() {
        let value = ALPHABET.iter().position(|&a| a == c)? as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Values merge as Helm merges them, nulls included: null defaults drop
/// out, a user's null removes a default or stays, lists replace.
#[test]
fn values_merge_like_helm() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("merging");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: merging\nversion: 0.1.0\n",
    )
    .unwrap();
    std::fs::write(
        chart.join("values.yaml"),
        "defNull: null\nkept: 1\nremoved: two\nscalarDefault: 3\nlist: [1, 2]\n\
         nested:\n  defNull: null\n  set: x\n  deeper:\n    a: 1\n    b: null\n",
    )
    .unwrap();
    std::fs::write(
        chart.join("templates/values.yaml"),
        "{{ toYaml .Values }}\n---\n{{ toJson .Values }}\n\
         defNull={{ hasKey .Values \"defNull\" }} nested.defNull={{ with .Values.nested }}{{ hasKey . \"defNull\" }}{{ end }}\n",
    )
    .unwrap();
    let scenarios = [
        json!({}),
        json!({
            "defNull": null, "removed": null, "userNull": null, "list": [null, 3],
            "scalarDefault": {"z": null, "y": 1}, "newMap": {"a": null, "b": {"c": null}},
            "nested": {"defNull": null, "set": null, "new": null, "deeper": {"a": null, "c": 2}}
        }),
        json!({"nested": null, "kept": {"now": "a map"}}),
    ];
    for (i, values) in scenarios.iter().enumerate() {
        let rendered = helm.render(&chart, values, "merge", "apps").unwrap();
        assert_renders_like_helm(
            &format!("merging, scenario {i}"),
            &chart,
            values,
            "merge",
            &rendered,
        );
    }
}

/// Idioms of charts chartgen did not write: maps built up with `set`,
/// `unset` and `merge` for their effect, `tpl`, `required`, `semverCompare`
/// on `.Capabilities`, `fromYaml` of an include.
#[test]
fn third_party_idioms_render_like_helm() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("idioms");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: idioms\nversion: 1.2.3\nappVersion: \"4.5\"\n",
    )
    .unwrap();
    std::fs::write(
        chart.join("values.yaml"),
        "extraLabels:\n  team: shop\n  tier: web\nbanner: \"{{ .Release.Name }} in {{ .Release.Namespace }}\"\n\
         config:\n  a: 1\n  nested: {x: 1}\n",
    )
    .unwrap();
    std::fs::write(
        chart.join("templates/_helpers.tpl"),
        "{{- define \"idioms.labels\" -}}\n\
         {{- $labels := dict \"app\" .Chart.Name \"version\" .Chart.AppVersion -}}\n\
         {{- range $k, $v := .Values.extraLabels }}\n\
         {{- $_ := set $labels $k $v }}\n\
         {{- end }}\n\
         {{- $_ := unset $labels \"version\" -}}\n\
         {{- toYaml $labels }}\n\
         {{- end }}\n",
    )
    .unwrap();
    std::fs::write(
        chart.join("templates/configmap.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n\
         {{- include \"idioms.labels\" . | nindent 4 }}\n\
         data:\n\
         {{- $merged := dict \"nested\" (dict \"y\" 2) \"b\" 2 }}\n\
         {{- $_ := merge $merged .Values.config }}\n\
         {{- $_ = mergeOverwrite $merged (dict \"c\" 3) }}\n\
         \x20 merged: {{ toJson $merged | quote }}\n\
         \x20 banner: {{ tpl .Values.banner . | quote }}\n\
         \x20 labels: {{ (fromYaml (include \"idioms.labels\" .)).team | quote }}\n\
         \x20 modern: {{ semverCompare \">=1.21-0\" .Capabilities.KubeVersion.GitVersion | quote }}\n\
         \x20 policy: {{ has \"policy/v1\" .Capabilities.APIVersions | quote }}\n\
         \x20 name: {{ required \"name\" .Chart.Name | upper | quote }}\n",
    )
    .unwrap();
    for values in [
        json!({}),
        json!({"extraLabels": {"owner": "me"}, "config": {"nested": {"z": 3}}}),
    ] {
        let rendered = helm.render(&chart, &values, "demo", "apps").unwrap();
        assert_renders_like_helm("third-party idioms", &chart, &values, "demo", &rendered);
    }
}

/// A chart chartgen did not write: `helm create`'s scaffold renders the same
/// with chartgen's renderer as with Helm, with its defaults and with its
/// options on.
#[test]
fn helm_create_scaffold_renders_like_helm() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = helm.create("scaffold", dir.path()).unwrap();
    let scenarios = [
        json!({}),
        json!({
            "ingress": {"enabled": true, "className": "nginx", "annotations": {"a": "b"},
                "hosts": [{"host": "x.example.com", "paths": [{"path": "/", "pathType": "Prefix"}]}],
                "tls": [{"secretName": "x-tls", "hosts": ["x.example.com"]}]},
            "autoscaling": {"enabled": true, "targetMemoryUtilizationPercentage": 70},
            "serviceAccount": {"create": false},
            "podAnnotations": {"team": "payments"},
            "resources": {"limits": {"cpu": "100m", "memory": "128Mi"}},
            "volumes": [{"name": "tmp", "emptyDir": {}}],
            "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
            "nodeSelector": {"kubernetes.io/os": "linux"}
        }),
    ];
    for (i, values) in scenarios.iter().enumerate() {
        let rendered = helm.render(&chart, values, "demo", "apps").unwrap();
        assert_renders_like_helm(
            &format!("helm create, scenario {i}"),
            &chart,
            values,
            "demo",
            &rendered,
        );
    }
}

/// Which differences from Helm's render are random, in both.
#[derive(Clone, Copy)]
pub(crate) struct Allowed {
    /// A generated secret's value.
    pub(crate) random_secrets: bool,
    /// A checksum annotation.
    pub(crate) checksums: bool,
}

/// Where two texts first differ, with the lines there; `None` when they are
/// the same bytes but for what is `allowed` to be random.
pub(crate) fn first_difference(ours: &str, helm: &str, allowed: Allowed) -> Option<String> {
    if ours == helm {
        return None;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.split('\n').collect(), helm.split('\n').collect());
    let line = match a.iter().zip(&b).position(|(x, y)| {
        x != y
            && !(allowed.random_secrets && both_random(x, y))
            && !(allowed.checksums && both_checksums(x, y))
    }) {
        Some(line) => line,
        None if a.len() == b.len() => return None,
        None => a.len().min(b.len()),
    };
    Some(format!(
        "line {}:\n  ours: {:?}\n  helm: {:?}",
        line + 1,
        a.get(line),
        b.get(line)
    ))
}

/// `host_paths`: the chart asks for node folders, the one exception to the
/// restricted profile, which `chartgen lint` must then warn about.
fn check_manifests(
    helm: &mut Oracle,
    what: &str,
    rendered: &std::collections::BTreeMap<String, String>,
    host_paths: bool,
    job_names: &[String],
    kube_versions: &[String],
) {
    let manifests: String = rendered
        .iter()
        .filter(|(path, _)| !path.ends_with("NOTES.txt"))
        .map(|(path, text)| format!("---\n# Source: {path}\n{text}\n"))
        .collect();
    // Custom resources have no schema in Kubernetes' own API; they are
    // checked below for what the chart relies on.
    let core: String = rendered
        .iter()
        .filter(|(path, _)| {
            !path.ends_with("NOTES.txt") && !path.ends_with("templates/externalsecret.yaml")
        })
        .map(|(path, text)| format!("---\n# Source: {path}\n{text}\n"))
        .collect();
    for kube in kube_versions {
        for finding in helm.kube_validate(&core, kube).unwrap() {
            assert!(
                finding.errors.is_empty(),
                "{what} on {kube}: {} {}: {:?}",
                finding.kind,
                finding.name,
                finding.errors
            );
        }
    }
    let docs = documents(&manifests);
    // chartgen's own linter finds no error in its own charts.
    let objects = chartgen::lint::parse_manifests(what, &manifests).unwrap();
    let errors: Vec<_> = chartgen::lint::lint(&objects, &Default::default())
        .into_iter()
        .filter(|f| f.severity == chartgen::lint::Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: {}",
        chartgen::lint::output::text(&errors)
    );
    let warned = chartgen::lint::lint(&objects, &Default::default())
        .iter()
        .any(|f| f.code == "CG018");
    assert_eq!(
        warned, host_paths,
        "{what}: lint warns about hostPath volumes exactly when there are some"
    );
    let mut problems = Vec::new();
    for doc in &docs {
        problems.extend(
            restricted_profile_violations(doc)
                .into_iter()
                .filter(|v| !(host_paths && v.ends_with(r#"volume type ["hostPath"]"#))),
        );
        problems.extend(name_violations(doc));
    }
    assert!(problems.is_empty(), "{what}: {problems:#?}");

    let of_kind = |kind: &'static str| {
        docs.iter()
            .filter(move |d| at(d, &["kind"]).as_str() == Some(kind))
    };
    // The admin jobs' CronJobs are workloads too, but not the chart's own.
    let is_job_pod = |doc: &Value| {
        let component = at(
            pod_template(doc),
            &["metadata", "labels", "app.kubernetes.io/component"],
        );
        job_names.iter().any(|j| component.as_str() == Some(j))
    };
    let workloads: Vec<&Value> = docs
        .iter()
        .filter(|d| {
            let kind = at(d, &["kind"]).as_str().unwrap_or("");
            WORKLOADS.contains(&kind) && !is_job_pod(d)
        })
        .collect();
    assert_eq!(workloads.len(), 1, "{what}: one main workload");
    let workload = workloads[0];
    let template = pod_template(workload);
    let pod_labels = at(template, &["metadata", "labels"]);
    let annotations = at(template, &["metadata", "annotations"]);
    for key in ["checksum/config", "checksum/secret"] {
        assert!(
            annotations.get(key).is_some(),
            "{what}: pods roll on change ({key})"
        );
    }
    // Every selector picks the workload's pods, and only on stable labels.
    let mut selectors: Vec<(String, &Value)> = Vec::new();
    if at(workload, &["kind"]).as_str() != Some("CronJob") {
        selectors.push((
            id(workload),
            at(workload, &["spec", "selector", "matchLabels"]),
        ));
    }
    for doc in of_kind("Service") {
        selectors.push((id(doc), at(doc, &["spec", "selector"])));
    }
    for doc in of_kind("PodDisruptionBudget") {
        selectors.push((id(doc), at(doc, &["spec", "selector", "matchLabels"])));
    }
    // The policy of the pods that serve nothing (jobs, the test) is checked below.
    let (pod_policies, quiet_policies): (Vec<&Value>, Vec<&Value>) = of_kind("NetworkPolicy")
        .partition(|doc| at(doc, &["spec", "podSelector", "matchExpressions"]).is_null());
    for doc in &pod_policies {
        selectors.push((id(doc), at(doc, &["spec", "podSelector", "matchLabels"])));
    }
    for (who, selector) in &selectors {
        assert!(
            selects(selector, pod_labels),
            "{what}: {who} selects the pods"
        );
        for key in selector.as_mapping().unwrap().keys() {
            let key = key.as_str().unwrap();
            assert!(
                key != "app.kubernetes.io/version" && key != "helm.sh/chart",
                "{what}: {who} selects on {key}"
            );
        }
    }
    // Services target named ports of the pods' containers (native sidecars included).
    let spec = pod_spec(workload).unwrap();
    let container_ports: Vec<&Value> = ["containers", "initContainers"]
        .iter()
        .flat_map(|k| at(spec, &[k]).as_sequence().into_iter().flatten())
        .flat_map(|c| at(c, &["ports"]).as_sequence().into_iter().flatten())
        .map(|p| at(p, &["name"]))
        .collect();
    for service in of_kind("Service") {
        for port in at(service, &["spec", "ports"]).as_sequence().unwrap() {
            assert!(
                container_ports.contains(&at(port, &["targetPort"])),
                "{what}: {} targets a named container port",
                id(service)
            );
        }
    }
    // Every pod that serves nothing (admin jobs, the test) has a policy
    // that admits no traffic to it, and that policy leaves the workload's pods alone.
    for doc in &quiet_policies {
        let selector = at(doc, &["spec", "podSelector"]);
        assert!(
            !selector_matches(selector, pod_labels),
            "{what}: {} selects the workload's pods",
            id(doc)
        );
        assert_eq!(
            at(doc, &["spec", "ingress"]).as_sequence().map(Vec::len),
            Some(0),
            "{what}: {}",
            id(doc)
        );
    }
    // The release's own pods that serve nothing: admin jobs and the test.
    let own_pods: Vec<(String, &Value)> = docs
        .iter()
        .filter(|d| is_job_pod(d) || matches!(at(d, &["kind"]).as_str(), Some("Job" | "Pod")))
        .map(|d| (id(d), at(pod_template(d), &["metadata", "labels"])))
        .collect();
    for (job, labels) in &own_pods {
        let labels = *labels;
        let policies = of_kind("NetworkPolicy").count();
        if policies > 0 {
            assert!(
                quiet_policies
                    .iter()
                    .any(|p| selector_matches(at(p, &["spec", "podSelector"]), labels)),
                "{what}: no NetworkPolicy selects the pods of {job}"
            );
        }
        // Where the app's policy lists who may connect, the release's own
        // test and job pods stay admitted: they call the app.
        for policy in &pod_policies {
            for rule in at(policy, &["spec", "ingress"])
                .as_sequence()
                .into_iter()
                .flatten()
            {
                let Some(peers) = at(rule, &["from"]).as_sequence() else {
                    continue;
                };
                let admitted = peers.iter().any(|peer| {
                    at(peer, &["namespaceSelector"]).is_null()
                        && at(peer, &["ipBlock"]).is_null()
                        && selector_matches(at(peer, &["podSelector"]), labels)
                });
                assert!(admitted, "{what}: {} does not admit {job}", id(policy));
            }
        }
    }
    // `helm test --logs` reads the logs of a pod named like each test hook
    // (Helm v4's action.ReleaseTesting.GetPodLogs), so every test hook is a Pod.
    for doc in &docs {
        if hook_of(doc).is_some_and(|(events, _)| events.iter().any(|e| e == "test")) {
            assert_eq!(
                at(doc, &["kind"]).as_str(),
                Some("Pod"),
                "{what}: the test hook {} is no Pod, so `helm test --logs` fails",
                id(doc)
            );
        }
    }
    // Test and admin jobs never receive Service traffic or count in a budget.
    for (_, labels) in &own_pods {
        for (who, selector) in &selectors {
            assert!(
                !selects(selector, labels),
                "{what}: {who} selects a test or job pod"
            );
        }
    }
    // Hook annotations sit on the hook resource, where Helm reads them.
    for job in of_kind("Job") {
        let hook = at(job, &["metadata", "annotations", "helm.sh/hook"]);
        assert!(hook.as_str().is_some(), "{what}: {} is a hook", id(job));
        assert!(
            at(
                pod_template(job),
                &["metadata", "annotations", "helm.sh/hook"]
            )
            .is_null(),
            "{what}: {} has hook annotations on its pod template",
            id(job)
        );
    }
    // An ExternalSecret fills the Secret the pods load.
    for external in docs
        .iter()
        .filter(|d| at(d, &["kind"]).as_str() == Some("ExternalSecret"))
    {
        assert_eq!(
            at(external, &["apiVersion"]).as_str(),
            Some("external-secrets.io/v1"),
            "{what}"
        );
        let target = at(external, &["spec", "target", "name"]).as_str().unwrap();
        let loaded = docs
            .iter()
            .filter_map(pod_spec)
            .any(|spec| references(spec).contains(&("Secret", target.to_owned())));
        assert!(loaded, "{what}: pods load {target:?}");
        let store = at(external, &["spec", "secretStoreRef", "name"])
            .as_str()
            .unwrap_or_default();
        assert!(
            !store.is_empty(),
            "{what}: the ExternalSecret names its store"
        );
    }
    check_admin_jobs(what, &docs, workload, &is_job_pod);
    if at(workload, &["kind"]).as_str() == Some("StatefulSet") {
        let name = at(workload, &["spec", "serviceName"]);
        let headless = of_kind("Service").find(|s| at(s, &["metadata", "name"]) == name);
        let headless =
            headless.unwrap_or_else(|| panic!("{what}: serviceName {name:?} names no Service"));
        assert_eq!(
            at(headless, &["spec", "clusterIP"]).as_str(),
            Some("None"),
            "{what}: {} is headless",
            id(headless)
        );
    }
    if at(workload, &["kind"]).as_str() == Some("Deployment") {
        let replicas = at(workload, &["spec", "replicas"]).as_u64();
        let hpa = of_kind("HorizontalPodAutoscaler").next().is_some();
        assert!(
            !(hpa && replicas.is_some()),
            "{what}: a fixed replica count fights the autoscaler"
        );
        let pdb = of_kind("PodDisruptionBudget").next().is_some();
        assert_eq!(
            pdb,
            hpa || replicas.unwrap_or(1) > 1,
            "{what}: a budget exactly when more than one pod runs"
        );
    }
}

/// The Secret a values file names in `secrets.existingSecret`, which the
/// chart does not make.
const EXISTING_SECRET: &str = "shared-credentials";

/// How long Helm waits for a hook unless `--timeout` says otherwise.
const HELM_DEFAULT_TIMEOUT_SECONDS: u64 = 300;

/// Admin jobs (hooks and scheduled) run as the chart's ServiceAccount, or a
/// hook one of their own made like it (its annotations and token setting),
/// with the Vault agent when the app has one, fetching once: their pods run
/// to completion. Every ConfigMap, Secret and ServiceAccount a pod reads
/// exists when it runs: a hook reads the release's own only at events where
/// they exist and are current (post-install, post-upgrade, post-rollback,
/// pre-delete), else hooks made before it (a lower weight) at each of its
/// events; the release's own may be missing there (pre-install, or
/// pre-upgrade after a failed install) or stale. Job pods carry the app's
/// labels, none of its pod annotations and placement but the platform its
/// nodeSelector asks for; a hook Job stops before Helm's default timeout
/// and is removed a while after it finishes.
fn check_admin_jobs(
    what: &str,
    docs: &[Value],
    workload: &Value,
    is_job_pod: &dyn Fn(&Value) -> bool,
) {
    let main = pod_spec(workload).unwrap();
    let annotations = |doc: &Value| at(pod_template(doc), &["metadata", "annotations"]).clone();
    let vault = annotations(workload)
        .get("vault.hashicorp.com/agent-inject")
        .is_some_and(|v| v.as_str() == Some("true"));
    let pre_populate = |doc: &Value| {
        annotations(doc)
            .get("vault.hashicorp.com/agent-pre-populate-only")
            .is_some_and(|v| v.as_str() == Some("true"))
    };
    if vault {
        assert_eq!(
            pre_populate(workload),
            at(workload, &["kind"]).as_str() == Some("CronJob"),
            "{what}: the Vault agent stays only in pods that keep running"
        );
    }
    let component = |doc: &Value| {
        at(
            pod_template(doc),
            &["metadata", "labels", "app.kubernetes.io/component"],
        )
        .clone()
    };
    let account = |name: &Value, hook: bool| {
        docs.iter().find(|d| {
            at(d, &["kind"]).as_str() == Some("ServiceAccount")
                && at(d, &["metadata", "name"]) == name
                && hook_of(d).is_some() == hook
        })
    };
    let own_annotations = |doc: &Value| -> Vec<(Value, Value)> {
        at(doc, &["metadata", "annotations"])
            .as_mapping()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !k.as_str().unwrap_or_default().starts_with("helm.sh/hook"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let app_account = account(at(main, &["serviceAccountName"]), false);
    for job in docs.iter().filter(|d| {
        is_job_pod(d)
            || (at(d, &["kind"]).as_str() == Some("Job") && component(d).as_str() != Some("test"))
    }) {
        let spec = pod_spec(job).unwrap();
        let name = at(spec, &["serviceAccountName"]);
        if name != at(main, &["serviceAccountName"]) {
            let own = account(name, true).unwrap_or_else(|| {
                panic!(
                    "{what}: {} runs as {name:?}, a ServiceAccount the chart's hooks do not make",
                    id(job)
                )
            });
            assert!(hook_of(job).is_some(), "{what}: {} is no hook", id(job));
            if let Some(app) = app_account {
                assert_eq!(
                    own_annotations(own),
                    own_annotations(app),
                    "{what}: {} has the annotations of the app's ServiceAccount",
                    id(own)
                );
                assert_eq!(
                    at(own, &["automountServiceAccountToken"]),
                    at(app, &["automountServiceAccountToken"]),
                    "{what}: {} mounts a token as the app's does",
                    id(own)
                );
            }
        }
        assert_eq!(
            at(spec, &["automountServiceAccountToken"]),
            at(main, &["automountServiceAccountToken"]),
            "{what}: {} mounts a token as the app does",
            id(job)
        );
        if vault {
            assert!(
                annotations(job)
                    .get("vault.hashicorp.com/agent-inject")
                    .is_some()
                    && pre_populate(job),
                "{what}: {} gets the app's Vault secrets, fetched once",
                id(job)
            );
            assert_eq!(
                annotations(job).get("vault.hashicorp.com/role"),
                annotations(workload).get("vault.hashicorp.com/role"),
                "{what}: {} authenticates to Vault as the app does",
                id(job)
            );
        }
        let envs = |spec: &Value| {
            at(spec, &["containers"]).as_sequence().unwrap()[0]["envFrom"]
                .as_sequence()
                .map_or(0, Vec::len)
        };
        assert_eq!(
            envs(spec),
            envs(main),
            "{what}: {} loads the app's settings and secrets",
            id(job)
        );
        check_job_pods(what, job, workload);
        if hook_of(job).is_some() {
            let deadline = at(job, &["spec", "activeDeadlineSeconds"]).as_u64();
            assert!(
                deadline.is_some_and(|d| d < HELM_DEFAULT_TIMEOUT_SECONDS),
                "{what}: {} may run {deadline:?} s, past Helm's default --timeout",
                id(job)
            );
            assert!(
                at(job, &["spec", "ttlSecondsAfterFinished"])
                    .as_u64()
                    .is_some(),
                "{what}: {} stays forever once it fails",
                id(job)
            );
        }
    }
    let providers = |kind: &str, name: &str| -> Vec<&Value> {
        docs.iter()
            .filter(|d| {
                let (k, n) = (
                    at(d, &["kind"]).as_str(),
                    at(d, &["metadata", "name"]).as_str(),
                );
                (k == Some(kind) && n == Some(name))
                    || (kind == "Secret"
                        && k == Some("ExternalSecret")
                        && at(d, &["spec", "target", "name"]).as_str() == Some(name))
            })
            .collect()
    };
    let accounts: Vec<&str> = docs
        .iter()
        .filter(|d| at(d, &["kind"]).as_str() == Some("ServiceAccount"))
        .filter_map(|d| at(d, &["metadata", "name"]).as_str())
        .collect();
    for doc in docs.iter().filter(|d| pod_spec(d).is_some()) {
        let spec = pod_spec(doc).unwrap();
        let mut needs = references(spec);
        if let Some(account) = at(spec, &["serviceAccountName"]).as_str() {
            if accounts.contains(&account) {
                needs.push(("ServiceAccount", account.to_owned()));
            }
        }
        for (kind, name) in needs {
            if name == EXISTING_SECRET {
                continue;
            }
            let found = providers(kind, &name);
            let ok = match hook_of(doc) {
                None => found.iter().any(|p| hook_of(p).is_none()),
                Some((events, weight)) => events.iter().all(|event| {
                    found.iter().any(|p| match hook_of(p) {
                        Some((made, w)) => made.contains(event) && w < weight,
                        // The release's own objects exist, as this release
                        // makes them, only after it applied them and before
                        // it deletes them.
                        None => matches!(
                            event.as_str(),
                            "post-install" | "post-upgrade" | "post-rollback" | "pre-delete"
                        ),
                    })
                }),
            };
            assert!(
                ok,
                "{what}: {} reads {kind} {name:?}, which does not exist when it runs",
                id(doc)
            );
        }
    }
}

/// The pods of an admin job carry the app's own labels, none of its pod
/// annotations (they configure the app's pods: a mesh proxy, scraping),
/// none of its affinity, spread or tolerations (a node agent tolerates every
/// taint), and of its nodeSelector only the platform its image needs.
fn check_job_pods(what: &str, job: &Value, workload: &Value) {
    let (pod, app) = (pod_template(job), pod_template(workload));
    let labels = at(pod, &["metadata", "labels"]);
    let extra = |key: &str| !key.starts_with("app.kubernetes.io/") && !key.starts_with("helm.sh/");
    for (key, value) in at(app, &["metadata", "labels"])
        .as_mapping()
        .into_iter()
        .flatten()
    {
        if extra(key.as_str().unwrap()) {
            assert_eq!(
                labels.get(key),
                Some(value),
                "{what}: {} lacks the app's label {key:?}",
                id(job)
            );
        }
    }
    let annotations = at(pod, &["metadata", "annotations"]);
    for key in at(app, &["metadata", "annotations"])
        .as_mapping()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str().unwrap())
    {
        if !key.starts_with("checksum/") && !key.starts_with("vault.hashicorp.com/") {
            assert!(
                annotations.get(key).is_none(),
                "{what}: {} has the app's pod annotation {key:?}",
                id(job)
            );
        }
    }
    let (spec, app_spec) = (pod_spec(job).unwrap(), pod_spec(workload).unwrap());
    for key in ["affinity", "tolerations", "topologySpreadConstraints"] {
        assert!(
            at(spec, &[key]).is_null(),
            "{what}: {} has the app's {key}",
            id(job)
        );
    }
    let platform: serde_yaml::Mapping = at(app_spec, &["nodeSelector"])
        .as_mapping()
        .into_iter()
        .flatten()
        .filter(|(k, _)| matches!(k.as_str(), Some("kubernetes.io/os" | "kubernetes.io/arch")))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let expected = match platform.is_empty() {
        true => Value::Null,
        false => Value::Mapping(platform),
    };
    assert_eq!(
        at(spec, &["nodeSelector"]),
        &expected,
        "{what}: {} nodeSelector",
        id(job)
    );
}

/// A hook's events and weight, or `None` for a release object.
fn hook_of(doc: &Value) -> Option<(Vec<String>, i64)> {
    let annotations = at(doc, &["metadata", "annotations"]);
    let events = annotations.get("helm.sh/hook")?.as_str()?;
    let weight = annotations
        .get("helm.sh/hook-weight")
        .and_then(Value::as_str)
        .map_or(0, |w| w.parse().unwrap());
    Some((
        events.split(',').map(|e| e.trim().to_owned()).collect(),
        weight,
    ))
}

/// The ConfigMaps and Secrets a pod spec reads, by kind and name.
fn references(spec: &Value) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut add = |kind: &'static str, name: &Value| {
        if let Some(name) = name.as_str() {
            out.push((kind, name.to_owned()));
        }
    };
    for container in ["containers", "initContainers"]
        .iter()
        .flat_map(|k| at(spec, &[k]).as_sequence().into_iter().flatten())
    {
        for from in at(container, &["envFrom"])
            .as_sequence()
            .into_iter()
            .flatten()
        {
            add("ConfigMap", at(from, &["configMapRef", "name"]));
            add("Secret", at(from, &["secretRef", "name"]));
        }
    }
    for volume in at(spec, &["volumes"]).as_sequence().into_iter().flatten() {
        add("ConfigMap", at(volume, &["configMap", "name"]));
        add("Secret", at(volume, &["secret", "secretName"]));
        for source in at(volume, &["projected", "sources"])
            .as_sequence()
            .into_iter()
            .flatten()
        {
            add("ConfigMap", at(source, &["configMap", "name"]));
            add("Secret", at(source, &["secret", "name"]));
        }
    }
    out
}

/// The spec a chart was generated from.
fn spec_of(chart: &Path) -> chartgen::Spec {
    let text = std::fs::read_to_string(chart.join("chartgen.yaml")).unwrap();
    chartgen::load_spec("chartgen.yaml", &text).unwrap()
}

/// `values` with what an install must be given added: a value for every
/// secret the chart neither generates nor fetches.
pub(crate) fn install_values(chart: &Path, values: Json) -> Json {
    let spec = spec_of(chart);
    let defaults: Json =
        serde_yaml::from_str(&std::fs::read_to_string(chart.join("values.yaml")).unwrap()).unwrap();
    let mut values = values;
    for (key, default) in defaults["secrets"]["data"]
        .as_object()
        .into_iter()
        .flatten()
    {
        let given = values["secrets"]["data"].get(key).is_some();
        if default == "" && !given && !spec.generated_secrets.contains(key) {
            values["secrets"]["data"][key] = json!("not-a-real-secret");
        }
    }
    values
}

/// Each `values-<env>.yaml` of a chart, by file name.
pub(crate) fn overlays(chart: &Path) -> Vec<(String, Json)> {
    std::fs::read_dir(chart)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.starts_with("values-") && f.ends_with(".yaml"))
        .map(|f| {
            let values =
                serde_yaml::from_str(&std::fs::read_to_string(chart.join(&f)).unwrap()).unwrap();
            (f, values)
        })
        .collect()
}

/// The pod template of a workload or Job; a Pod is its own.
fn pod_template(doc: &Value) -> &Value {
    match at(doc, &["kind"]).as_str() {
        Some("CronJob") => at(doc, &["spec", "jobTemplate", "spec", "template"]),
        Some("Pod") => doc,
        _ => at(doc, &["spec", "template"]),
    }
}

/// The overlay with every option on, limited to the sections `chart` has.
fn everything_on_for(chart: &Path) -> Json {
    let values: Json =
        serde_yaml::from_str(&std::fs::read_to_string(chart.join("values.yaml")).unwrap()).unwrap();
    let mut overlay = everything_on();
    let map = overlay.as_object_mut().unwrap();
    map.retain(|k, _| values.get(k).is_some());
    // Pods that serve nothing admit no one: their policy has no peers to list.
    if values["networkPolicy"].get("from").is_none() {
        map.remove("networkPolicy");
    }
    // Each admin job's pods get annotations of their own (a mesh proxy off).
    if let Some(jobs) = values["jobs"].as_object() {
        let annotated: serde_json::Map<String, Json> = jobs
            .keys()
            .map(|name| {
                (
                    name.clone(),
                    json!({"podAnnotations": job_pod_annotations()}),
                )
            })
            .collect();
        map.insert("jobs".into(), Json::Object(annotated));
    }
    overlay
}

/// The pod annotations every admin job gets with everything on: a mesh's
/// proxy would keep the job's pod from finishing.
fn job_pod_annotations() -> Json {
    json!({"sidecar.istio.io/inject": "false"})
}

#[test]
fn yaml_1_1_lookalikes_and_large_integers_survive_rendering() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = generate(&fixture("specs/web-yaml11.yaml"))
        .unwrap()
        .write(dir.path(), false)
        .unwrap();
    let values = json!({"terminationGracePeriodSeconds": 1000000, "env": {"PLAIN": "0755"}});
    let rendered = helm.render(&chart, &values, "yaml", "default").unwrap();
    let configmap = documents(&rendered["yaml-eleven/templates/configmap.yaml"]).remove(0);
    let data = at(&configmap, &["data"]);
    let expected = [
        ("V_ON", "on"),
        ("V_OFF", "off"),
        ("V_YES", "yes"),
        ("V_NO", "no"),
        ("V_Y", "y"),
        ("V_N", "n"),
        ("V_VERSION", "1.10"),
        ("V_OCTAL", "0755"),
        ("V_EXP", "1e3"),
        ("V_UNDERSCORE", "1_000"),
        ("V_TRUE", "true"),
        ("V_NULL", "null"),
    ];
    for (key, value) in expected {
        assert_eq!(data.get(key), Some(&Value::String(value.into())), "{key}");
    }
    let deployment_text = &rendered["yaml-eleven/templates/deployment.yaml"];
    assert!(
        deployment_text.contains("terminationGracePeriodSeconds: 1000000\n"),
        "no 1e+06:\n{deployment_text}"
    );
    let deployment = documents(deployment_text).remove(0);
    let env = at(&deployment, &["spec", "template", "spec", "containers"])
        .as_sequence()
        .unwrap()[0]
        .get("env")
        .unwrap();
    assert_eq!(env[0]["value"], Value::String("0755".into()));
}

#[test]
fn helm_validates_values_against_the_schema() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let envs = overlays(&chart);
        assert!(!envs.is_empty(), "{spec}: environment overlays");
        for (file, values) in envs {
            helm.validate_schema(&chart, &values)
                .unwrap_or_else(|e| panic!("{spec}: {file}: {e}"));
            if file == "values-prod.yaml" {
                let tag = values["image"]["tag"].as_str().unwrap_or_default();
                let digest = values["image"]["digest"].as_str().unwrap_or_default();
                assert!(
                    (!tag.is_empty() && !tag.eq_ignore_ascii_case("latest")) || !digest.is_empty(),
                    "{spec}: production pins the image: {values}"
                );
            }
        }
        helm.validate_schema(&chart, &json!({}))
            .unwrap_or_else(|e| panic!("{spec}: defaults: {e}"));
        helm.validate_schema(&chart, &everything_on_for(&chart))
            .unwrap_or_else(|e| panic!("{spec}: overlay: {e}"));
        let bad = [
            ("top-level typo", json!({"replicaCont": 2})),
            ("nested typo", json!({"image": {"tga": "1.2.3"}})),
            ("wrong type", json!({"replicaCount": "two"})),
            ("latest tag", json!({"image": {"tag": "latest"}})),
            (
                "bad host",
                json!({"ingress": {"hosts": [{"host": "Not_A_Host", "paths": [{"path": "/", "pathType": "Prefix"}]}]}}),
            ),
            (
                "non-string setting",
                json!({"config": {"data": {"N": 1000000}}}),
            ),
        ];
        for (case, values) in bad {
            let err = helm
                .validate_schema(&chart, &values)
                .expect_err(&format!("{spec}: {case} is rejected"));
            assert_eq!(err.kind, "HelmValuesError", "{spec}: {case}: {err}");
        }
    }
}

#[test]
fn charts_install_dry_run() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let mut scenarios = vec![json!({}), everything_on_for(&chart)];
        scenarios.extend(overlays(&chart).into_iter().map(|(_, v)| v));
        for values in scenarios {
            let values = install_values(&chart, values);
            let release = helm
                .install(&chart, "web", "apps", &values)
                .unwrap_or_else(|e| panic!("{spec}: {e}"));
            assert!(
                release["manifest"].as_str().is_some_and(|m| WORKLOADS
                    .iter()
                    .any(|k| m.contains(&format!("\nkind: {k}\n")))),
                "{spec}: {release}"
            );
        }
    }
}

#[test]
fn packaged_charts_load_in_helm() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, chart) in charts(dir.path()) {
        let archive = chartgen::package(&chart, &dir.path().join("dist")).unwrap();
        let loaded = helm
            .load_archive(&archive)
            .unwrap_or_else(|e| panic!("{spec}: {e}"));
        let templates: Vec<String> = files_under(&chart.join("templates"))
            .iter()
            .map(|t| format!("templates/{t}"))
            .collect();
        let loaded_templates: Vec<String> =
            serde_json::from_value(loaded["templates"].clone()).unwrap();
        assert_eq!(loaded_templates, templates, "{spec}");
        assert!(
            !loaded["schema"].is_null(),
            "{spec}: the schema is packaged"
        );
        let rendered = helm
            .render(&archive, &install_values(&chart, json!({})), "web", "apps")
            .unwrap();
        let installed = rendered.values().any(|m| {
            WORKLOADS
                .iter()
                .any(|k| m.contains(&format!("\nkind: {k}\n")))
        });
        assert!(installed, "{spec}: {:?}", rendered.keys());
    }
}

/// The chart written from a fixture spec into `dir`.
fn fixture_chart(dir: &Path, spec: &str) -> std::path::PathBuf {
    generate(&fixture(&format!("specs/{spec}")))
        .unwrap()
        .write(dir, false)
        .unwrap()
}

/// An install or upgrade with a secret left empty fails and names the flag
/// that gives it, in Helm and in chartgen's renderer alike; `helm lint`
/// (neither an install nor an upgrade) passes, as does an install with the
/// secret given or with an existing Secret named.
#[test]
fn an_empty_secret_fails_the_install_and_names_the_flag() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-full.yaml");
    let err = helm
        .render(&chart, &json!({}), "billing", "apps")
        .unwrap_err();
    assert!(
        err.message
            .contains("--set-string secrets.data.DATABASE_PASSWORD=VALUE")
            && err.message.contains("secrets.existingSecret"),
        "{err}"
    );
    let err = helm
        .install(&chart, "billing", "apps", &json!({}))
        .unwrap_err();
    assert!(
        err.message
            .contains("secrets.data.DATABASE_PASSWORD is empty"),
        "{err}"
    );
    let files = helm_engine::ChartFiles::from_dir(&chart).unwrap();
    let defaults: Json = serde_yaml::from_str(&files.files["values.yaml"]).unwrap();
    let install = helm_engine::Release {
        name: "billing".into(),
        namespace: "apps".into(),
        install: true,
    };
    let ours = helm_engine::render(&files, &defaults, &install).unwrap_err();
    assert!(
        ours.to_string()
            .contains("--set-string secrets.data.DATABASE_PASSWORD=VALUE"),
        "{ours}"
    );
    let lint = helm_engine::Release {
        install: false,
        ..install
    };
    helm_engine::render(&files, &defaults, &lint).unwrap();
    for values in [
        install_values(&chart, json!({})),
        json!({"secrets": {"existingSecret": EXISTING_SECRET}}),
    ] {
        helm.install(&chart, "billing", "apps", &values)
            .unwrap_or_else(|e| panic!("{values}: {e}"));
    }
}

/// The hook jobs' copy of the Secret holds what the release's Secret holds,
/// generated values included (they are made once per render).
#[test]
fn hook_copies_hold_the_app_s_secrets() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-payments-gateway.yaml");
    let values = install_values(&chart, json!({}));
    let rendered = helm.render(&chart, &values, "pay", "apps").unwrap();
    let secrets = documents(&rendered["payments-gateway-service/templates/secret.yaml"]);
    assert_eq!(secrets.len(), 2, "the Secret and its copy for the hooks");
    assert!(hook_of(&secrets[0]).is_none() && hook_of(&secrets[1]).is_some());
    let data = |doc: &Value| at(doc, &["data"]).clone();
    assert_eq!(data(&secrets[0]), data(&secrets[1]));
    assert!(
        data(&secrets[0]).get("SESSION_KEY").is_some(),
        "the generated secret"
    );
}

/// The secrets the payments fixture fetches from outside, given instead.
fn fetched_secrets_given() -> Json {
    json!({"STRIPE_TOKEN": "not-a-real-token", "WEBHOOK_KEY": "not-a-real-key"})
}

/// Each external source turns off per environment: `enabled: false`, or no
/// data left. Then nothing asks for it: no ExternalSecret, no Secret of its
/// loaded, no Vault agent injected, no token volume for it; its secrets come
/// from `secrets.data` instead.
#[test]
fn external_sources_turn_off_per_environment() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-payments-gateway.yaml");
    let data = fetched_secrets_given();
    let off = [
        json!({"secrets": {"vault": {"enabled": false}, "externalSecret": {"enabled": false}, "data": data}}),
        json!({"secrets": {"vault": {"data": null}, "externalSecret": {"data": null}, "data": data}}),
        json!({"secrets": {"vault": null, "externalSecret": null, "data": data}}),
    ];
    for overlay in off {
        let values = install_values(&chart, overlay.clone());
        let rendered = helm
            .render(&chart, &values, "pay", "apps")
            .unwrap_or_else(|e| panic!("{overlay}: {e}"));
        assert_renders_like_helm(&overlay.to_string(), &chart, &values, "pay", &rendered);
        let text: String = rendered.values().cloned().collect();
        for gone in [
            "kind: ExternalSecret",
            "vault.hashicorp.com/",
            "pay-payments-gateway-service-external",
            "vault-token",
        ] {
            assert!(!text.contains(gone), "{overlay}: {gone} is still there");
        }
    }
    let on = install_values(&chart, json!({}));
    let text: String = helm
        .render(&chart, &on, "pay", "apps")
        .unwrap()
        .into_values()
        .collect();
    assert!(
        text.contains("vault.hashicorp.com/agent-inject: \"true\"")
            && text.contains("kind: ExternalSecret")
    );
}

/// A secret whose source is turned off must come another way: an install
/// or upgrade without it in `secrets.data` (or an existing Secret) fails,
/// naming the flag that gives it, in Helm and in chartgen's renderer alike;
/// `helm lint` passes, and with the secret given the app's Secret holds it.
#[test]
fn a_secret_whose_source_is_off_must_be_given() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-payments-gateway.yaml");
    let files = helm_engine::ChartFiles::from_dir(&chart).unwrap();
    let defaults: Json = serde_yaml::from_str(&files.files["values.yaml"]).unwrap();
    for (source, key) in [("externalSecret", "STRIPE_TOKEN"), ("vault", "WEBHOOK_KEY")] {
        for off in [json!({"enabled": false}), json!({"data": null}), Json::Null] {
            let values = install_values(&chart, json!({"secrets": {source: off}}));
            let flag = format!("--set-string secrets.data.{key}=VALUE");
            let err = helm
                .render(&chart, &values, "pay", "apps")
                .expect_err(&format!("{source} off: {key} is asked for"));
            assert!(err.message.contains(&flag), "{source} {off}: {err}");
            let merged = helm_engine::coalesce(&defaults, &values);
            let install = helm_engine::Release {
                name: "pay".into(),
                namespace: "apps".into(),
                install: true,
            };
            let ours = helm_engine::render(&files, &merged, &install).unwrap_err();
            assert!(ours.to_string().contains(&flag), "{source} {off}: {ours}");
            let lint = helm_engine::Release {
                install: false,
                ..install
            };
            helm_engine::render(&files, &merged, &lint).unwrap();

            let mut given = values.clone();
            given["secrets"]["data"][key] = fetched_secrets_given()[key].clone();
            let rendered = helm
                .render(&chart, &given, "pay", "apps")
                .unwrap_or_else(|e| panic!("{source} {off} with {key} given: {e}"));
            assert_renders_like_helm(&format!("{source} off"), &chart, &given, "pay", &rendered);
            let secret =
                documents(&rendered["payments-gateway-service/templates/secret.yaml"]).remove(0);
            assert!(
                at(&secret, &["data", key]).is_string(),
                "{source} {off}: {secret:?}"
            );
            let existing = install_values(
                &chart,
                json!({"secrets": {source: off, "existingSecret": EXISTING_SECRET}}),
            );
            helm.render(&chart, &existing, "pay", "apps")
                .unwrap_or_else(|e| panic!("{source} {off} with an existing Secret: {e}"));
        }
    }
}

/// Admin jobs' pods: the app's `podLabels`, the job's own `podAnnotations`,
/// `nodeSelector` and `tolerations`; of the app's placement only the
/// platform its nodeSelector asks for (os, arch), none of its affinity or
/// tolerations; under Helm and chartgen's renderer alike.
#[test]
fn job_pods_get_the_app_s_labels_and_their_own_annotations_and_placement() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-payments-gateway.yaml");
    let toleration = json!([{"key": "batch", "operator": "Exists", "effect": "NoSchedule"}]);
    let values = install_values(
        &chart,
        json!({
            "podLabels": {"team": "payments"},
            "podAnnotations": {"sidecar.istio.io/inject": "true"},
            "nodeSelector": {"kubernetes.io/arch": "arm64", "example.com/pool": "web"},
            "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
            "affinity": everything_on()["affinity"],
            "jobs": {
                "migrate": {
                    "podAnnotations": {"sidecar.istio.io/inject": "false"},
                    "nodeSelector": {"example.com/pool": "batch"},
                    "tolerations": toleration,
                },
            },
        }),
    );
    let rendered = helm.render(&chart, &values, "pay", "apps").unwrap();
    assert_renders_like_helm("job pods", &chart, &values, "pay", &rendered);
    let jobs = documents(&rendered["payments-gateway-service/templates/jobs.yaml"]);
    let pod = |name: &str| {
        let job = jobs
            .iter()
            .find(|j| {
                at(j, &["metadata", "labels", "app.kubernetes.io/component"]).as_str() == Some(name)
            })
            .unwrap_or_else(|| panic!("no job {name}"));
        pod_template(job).clone()
    };
    let migrate = pod("migrate");
    assert_eq!(
        at(&migrate, &["metadata", "labels", "team"]).as_str(),
        Some("payments")
    );
    assert_eq!(
        at(
            &migrate,
            &["metadata", "annotations", "sidecar.istio.io/inject"]
        )
        .as_str(),
        Some("false")
    );
    let expected: Value = serde_yaml::from_str(
        "{nodeSelector: {example.com/pool: batch, kubernetes.io/arch: arm64}, \
          tolerations: [{key: batch, operator: Exists, effect: NoSchedule}]}",
    )
    .unwrap();
    for key in ["nodeSelector", "tolerations"] {
        assert_eq!(
            at(&migrate, &["spec", key]),
            &expected[key],
            "migrate: {key}"
        );
    }
    assert!(at(&migrate, &["spec", "affinity"]).is_null());
    // A job without settings of its own keeps the platform and nothing else.
    for name in ["seed", "settle"] {
        let other = pod(name);
        assert_eq!(
            at(&other, &["metadata", "labels", "team"]).as_str(),
            Some("payments"),
            "{name}"
        );
        assert!(
            at(
                &other,
                &["metadata", "annotations", "sidecar.istio.io/inject"]
            )
            .is_null(),
            "{name}"
        );
        assert_eq!(
            at(&other, &["spec", "nodeSelector"]),
            &serde_yaml::from_str::<Value>("{kubernetes.io/arch: arm64}").unwrap(),
            "{name}"
        );
        for key in ["tolerations", "affinity"] {
            assert!(at(&other, &["spec", key]).is_null(), "{name}: {key}");
        }
    }
}

/// `chartgen lint` on a chart: an object without a namespace is in the
/// release's, so it clashes with one of its name that states the release's
/// namespace (Helm renders the two as one object) but not with one in
/// another namespace.
#[test]
fn lint_finds_a_clash_between_an_object_in_the_release_namespace_and_one_without() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("clash");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: clash\nversion: 0.1.0\n",
    )
    .unwrap();
    std::fs::write(chart.join("values.yaml"), "namespace: \"\"\n").unwrap();
    std::fs::write(
        chart.join("templates/configmaps.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cfg\n\
         ---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cfg\n  \
         namespace: {{ .Values.namespace | default .Release.Namespace }}\n",
    )
    .unwrap();
    let lint = |values: &[chartgen::lint::chart::ValuesFile]| {
        let loaded = helm_engine::loader::load(&chart, "clash").unwrap();
        let extra = chartgen::lint::chart::LintValues {
            files: values.to_vec(),
            ..Default::default()
        };
        chartgen::lint::chart::lint_chart(&loaded, &extra, &Default::default())
            .unwrap()
            .into_iter()
            .filter(|f| f.code == "CG030")
            .map(|f| f.values)
            .collect::<Vec<_>>()
    };
    // Helm puts the second in the release's namespace, where the first lands.
    let rendered = helm.render(&chart, &json!({}), "shop", "default").unwrap();
    let docs = documents(&rendered["clash/templates/configmaps.yaml"]);
    assert_eq!(
        at(&docs[1], &["metadata", "namespace"]).as_str(),
        Some("default")
    );
    assert_eq!(
        at(&docs[0], &["metadata", "name"]),
        at(&docs[1], &["metadata", "name"])
    );
    // Found with the short and the 53-character release name alike.
    let defaults = lint(&[]);
    assert!(!defaults.is_empty(), "the same ConfigMap twice");
    assert!(
        defaults.iter().all(|v| v == &["values.yaml"]),
        "{defaults:?}"
    );
    let elsewhere = chartgen::lint::chart::ValuesFile {
        file: "elsewhere.yaml".into(),
        text: "namespace: other\n".into(),
    };
    // Elsewhere, the two are two objects: the defaults alone clash.
    assert_eq!(lint(&[elsewhere]), defaults);
}

/// A CronJob's time zone is checked by the values schema as chartgen.yaml's
/// is on input: an IANA name's shape, or empty for the controller's own
/// (Helm's verdict), for a `cronjob` chart and a scheduled job alike.
#[test]
fn the_values_schema_checks_a_time_zone_s_shape() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, key) in [
        ("cronjob.yaml", json!(["cronJob"])),
        ("web-payments-gateway.yaml", json!(["jobs", "settle"])),
    ] {
        let chart = fixture_chart(dir.path(), spec);
        let at_key = |zone: &str| {
            let mut values = json!({"timeZone": zone});
            for k in key.as_array().unwrap().iter().rev() {
                values = json!({k.as_str().unwrap(): values});
            }
            values
        };
        for good in [
            "",
            "UTC",
            "Europe/Berlin",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
        ] {
            helm.validate_schema(&chart, &at_key(good))
                .unwrap_or_else(|e| panic!("{spec}: {good:?}: {e}"));
        }
        for bad in ["/x", "Europe//Berlin", "Europe/Berlin ", "UTC+1:00"] {
            let err = helm
                .validate_schema(&chart, &at_key(bad))
                .expect_err(&format!("{spec}: {bad:?} is refused"));
            assert_eq!(err.kind, "HelmValuesError", "{spec}: {bad:?}: {err}");
        }
    }
}

/// `latest` moves in any casing: the chart refuses `LATEST` and `Latest`
/// as it refuses `latest`, for the app's image and the test's.
#[test]
fn a_moving_tag_is_refused_in_any_casing() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    let chart = fixture_chart(dir.path(), "web-minimal.yaml");
    for tag in ["latest", "LATEST", "Latest"] {
        for values in [
            json!({"image": {"tag": tag}}),
            json!({"tests": {"image": {"tag": tag}}}),
        ] {
            let rendered = helm.render(&chart, &values, "web", "apps");
            let err = match rendered {
                Ok(_) => panic!("{values} renders"),
                Err(e) => e,
            };
            assert!(
                err.message.contains("needs an explicit tag") || err.kind == "HelmValuesError",
                "{values}: {err}"
            );
            // The template refuses it even where the schema lets it through
            // (chartgen's renderer, like Helm's engine, does not read the schema).
            let files = helm_engine::ChartFiles::from_dir(&chart).unwrap();
            let defaults: Json = serde_yaml::from_str(&files.files["values.yaml"]).unwrap();
            let merged = helm_engine::coalesce(&defaults, &values);
            let ours = helm_engine::render(&files, &merged, &helm_engine::Release::default());
            assert!(
                ours.unwrap_err()
                    .to_string()
                    .contains("needs an explicit tag"),
                "{values}"
            );
        }
    }
}

/// Names YAML would read as something else stay strings in Chart.yaml and
/// in every object, as Helm reads them (YAML 1.1: `yes` is a boolean there,
/// `0755` an octal number, `1e3` a float).
#[test]
fn yaml_look_alike_names_stay_strings() {
    let Some(mut helm) = oracle() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (spec, name) in [
        ("yaml-name-null.yaml", "null"),
        ("yaml-name-yes.yaml", "yes"),
        ("yaml-name-0755.yaml", "0755"),
        ("yaml-name-1e3.yaml", "1e3"),
        ("yaml-name-123.yaml", "123"),
    ] {
        let chart = fixture_chart(dir.path(), spec);
        let archive = chartgen::package(&chart, &dir.path().join("dist")).unwrap();
        let loaded = helm
            .load_archive(&archive)
            .unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!(loaded["metadata"]["name"], json!(name), "{spec}");
        let description = loaded["metadata"]["description"]
            .as_str()
            .unwrap_or_default();
        assert!(
            description == "#x" || description == ": x",
            "{spec}: {description:?}"
        );
        // A release named like the chart: the full name is the name alone.
        let rendered = helm.render(&chart, &json!({}), name, "apps").unwrap();
        for doc in rendered
            .iter()
            .filter(|(path, _)| !path.ends_with("NOTES.txt"))
            .flat_map(|(_, text)| documents(text))
        {
            assert!(
                at(&doc, &["metadata", "name"]).is_string(),
                "{spec}: {doc:?}"
            );
            if let Some(spec) = pod_spec(&doc) {
                for container in at(spec, &["containers"]).as_sequence().unwrap() {
                    assert!(at(container, &["name"]).is_string(), "{spec:?}");
                }
            }
        }
    }
}
