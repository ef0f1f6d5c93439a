//! Conformance of generated charts against the real oracles: the Helm v4 SDK
//! (lint, render, schema validation, dry-run install, archive loading) and
//! kubernetes-validate (strict Kubernetes API schemas for 1.29 and 1.37).
//!
//! Without the oracles these tests skip locally; under `CI=true` a missing
//! oracle fails them.

use std::path::Path;

use serde_json::{json, Value as Json};
use serde_yaml::Value;

use crate::kube::{at, id, name_violations, pod_spec, restricted_profile_violations, selects};
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
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app.kubernetes.io/component": "server"}}}]
    })
}

/// Every valid fixture spec, and the `chartgen new` example of every
/// blueprint, written as charts into `dir`.
fn charts(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
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
            ("defaults".to_owned(), json!({})),
            ("everything-on".to_owned(), everything_on_for(&chart)),
            ("existing-secret".to_owned(), existing_secret),
        ];
        scenarios.extend(overlays(&chart));
        for (scenario, values) in scenarios {
            for release in ["web", LONG_RELEASE] {
                let what = format!("{spec} / {scenario} / release {release}");
                let rendered = helm
                    .render(&chart, &values, release, "apps")
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_renders_like_helm(&what, &chart, &values, release, &rendered);
                check_manifests(&mut helm, &what, &rendered, host_paths);
            }
        }
    }
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
    use chartgen::helm::{coalesce, render, ChartFiles, Release};
    let files = ChartFiles::from_dir(chart).unwrap();
    let defaults: Json = serde_yaml::from_str(&files.files["values.yaml"]).unwrap();
    let merged = coalesce(&defaults, values);
    let release = Release {
        name: release.into(),
        namespace: "apps".into(),
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
struct Allowed {
    /// A generated secret's value.
    random_secrets: bool,
    /// A checksum annotation.
    checksums: bool,
}

/// Where two texts first differ, with the lines there; `None` when they are
/// the same bytes but for what is `allowed` to be random.
fn first_difference(ours: &str, helm: &str, allowed: Allowed) -> Option<String> {
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
    for kube in KUBE_VERSIONS {
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
    let workloads: Vec<&Value> = docs
        .iter()
        .filter(|d| {
            let kind = at(d, &["kind"]).as_str().unwrap_or("");
            WORKLOADS.contains(&kind)
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
    for doc in of_kind("NetworkPolicy") {
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
    // Test pods and hook jobs never receive Service traffic or count in a budget.
    let others = of_kind("Pod")
        .map(|pod| at(pod, &["metadata", "labels"]))
        .chain(of_kind("Job").map(|job| at(pod_template(job), &["metadata", "labels"])));
    for labels in others {
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
        let target = at(external, &["spec", "target", "name"]);
        let text = serde_yaml::to_string(spec).unwrap();
        assert!(
            text.contains(&format!("name: {}", target.as_str().unwrap())),
            "{what}: pods load {target:?}"
        );
        let store = at(external, &["spec", "secretStoreRef", "name"])
            .as_str()
            .unwrap_or_default();
        assert!(
            !store.is_empty(),
            "{what}: the ExternalSecret names its store"
        );
    }
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

/// Each `values-<env>.yaml` of a chart, by file name.
fn overlays(chart: &Path) -> Vec<(String, Json)> {
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

/// The pod template of a workload or Job.
fn pod_template(doc: &Value) -> &Value {
    match at(doc, &["kind"]).as_str() {
        Some("CronJob") => at(doc, &["spec", "jobTemplate", "spec", "template"]),
        _ => at(doc, &["spec", "template"]),
    }
}

/// The overlay with every option on, limited to the sections `chart` has.
fn everything_on_for(chart: &Path) -> Json {
    let values: Json =
        serde_yaml::from_str(&std::fs::read_to_string(chart.join("values.yaml")).unwrap()).unwrap();
    let mut overlay = everything_on();
    overlay
        .as_object_mut()
        .unwrap()
        .retain(|k, _| values.get(k).is_some());
    overlay
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
                assert!(
                    !tag.is_empty() && tag != "latest",
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
        let rendered = helm.render(&archive, &json!({}), "web", "apps").unwrap();
        let installed = rendered.values().any(|m| {
            WORKLOADS
                .iter()
                .any(|k| m.contains(&format!("\nkind: {k}\n")))
        });
        assert!(installed, "{spec}: {:?}", rendered.keys());
    }
}
