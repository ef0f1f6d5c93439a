//! What security scanners (checkov) report on a generated chart by design.
//!
//! A chart passes the scanners' Kubernetes checks except where a default is
//! deliberate. Each such check is listed in the chart README with the reason
//! and the values that turn it green, so a team can tell a decision from an
//! oversight and harden the chart where it wants to.

use serde::Serialize;
use serde_json::Value as Json;

/// A scanner check the chart fails with its defaults, on purpose.
#[derive(Debug, Clone, Serialize)]
pub struct DeliberateCheck {
    /// checkov's id, e.g. `CKV_K8S_11`.
    pub id: &'static str,
    /// checkov's title of the check.
    pub title: &'static str,
    /// Why the chart's default differs.
    pub why: String,
    /// `--set` flags that turn the check green.
    pub switches: Vec<String>,
}

/// The deliberate checks of a chart whose default values are `values`.
pub fn deliberate_checks(values: &Json) -> Vec<DeliberateCheck> {
    let mut checks = Vec::new();
    checks.extend(cpu_limits(values));
    checks.extend(unpinned_images(values));
    checks.extend(image_user(values));
    checks.extend(secrets_as_env(values));
    checks.extend(test_pod_probes(values));
    checks
}

/// No CPU limit: requests alone reserve CPU.
fn cpu_limits(values: &Json) -> Option<DeliberateCheck> {
    let no_cpu_limit: Vec<String> = resource_owners(values)
        .into_iter()
        .filter(|(_, resources)| resources["limits"].get("cpu").is_none())
        .map(|(path, _)| {
            let cpu = if path == "resources" { "1" } else { "200m" };
            format!("--set {path}.limits.cpu={cpu}")
        })
        .collect();
    (!no_cpu_limit.is_empty()).then(|| DeliberateCheck {
        id: "CKV_K8S_11",
        title: "CPU limits should be set",
        why: "a memory limit protects the node; a CPU limit throttles the process even when the node has CPU to spare, which mostly hurts latency, so requests alone reserve CPU".into(),
        switches: no_cpu_limit,
    })
}

/// Images pinned by tag, not digest, and pulled if not present.
fn unpinned_images(values: &Json) -> Vec<DeliberateCheck> {
    let images = images(values);
    let unpinned: Vec<&str> = images
        .iter()
        .filter(|(_, image)| image["digest"].as_str().is_none_or(str::is_empty))
        .map(|(path, _)| path.as_str())
        .collect();
    if unpinned.is_empty() {
        return Vec::new();
    }
    vec![
        DeliberateCheck {
            id: "CKV_K8S_15",
            title: "Image Pull Policy should be Always",
            why: "`IfNotPresent` starts pods from the node's copy of an explicitly tagged image, and keeps them starting while the registry is down; pinning a digest also turns this check green".into(),
            switches: unpinned
                .iter()
                .map(|path| format!("--set {path}.pullPolicy=Always"))
                .collect(),
        },
        DeliberateCheck {
            id: "CKV_K8S_43",
            title: "Image should use digest",
            why: "explicit tags are what people read and review; pin digests where the image must never change under its tag, in a production overlay say (`chartgen lint` checks that production pins its image)".into(),
            switches: unpinned
                .iter()
                .map(|path| format!("--set {path}.digest=sha256:…"))
                .collect(),
        },
    ]
}

/// The image's own user, whose ID may be low.
fn image_user(values: &Json) -> Option<DeliberateCheck> {
    let user = values["podSecurityContext"]["runAsUser"].as_u64();
    user.is_none_or(|u| u < 10_000).then(|| DeliberateCheck {
        id: "CKV_K8S_40",
        title: "Containers should run as a high UID to avoid host conflict",
        why: match user {
            Some(user) => format!("the image's own non-root user ({user}) owns its files; an ID of 10000 or more avoids sharing an ID with a user of the node, once the image is known to run under it"),
            None => "the image's own non-root user runs it (runAsUser is unset) and owns its files; an ID of 10000 or more avoids sharing an ID with a user of the node, once the image is known to run under it".into(),
        },
        switches: vec!["--set podSecurityContext.runAsUser=10001".into()],
    })
}

/// Secrets loaded as environment variables, as most applications read
/// their settings.
fn secrets_as_env(values: &Json) -> Option<DeliberateCheck> {
    let secrets = &values["secrets"];
    let has_secrets = secrets["data"].as_object().is_some_and(|d| !d.is_empty())
        || secrets.get("externalSecret").is_some();
    (has_secrets && secrets["loadAs"] == "env").then(|| DeliberateCheck {
        id: "CKV_K8S_35",
        title: "Prefer using secrets as files over secrets as environment variables",
        why: "most applications read their settings from environment variables; files keep secrets out of the process environment, for applications that read them (`secrets.fileVariables` adds `<KEY>_FILE` variables for images that follow that convention)".into(),
        switches: vec!["--set secrets.loadAs=files".into()],
    })
}

/// The `helm test` pod's missing probes: checkov holds every Pod to the
/// probes of one that keeps running.
fn test_pod_probes(values: &Json) -> Vec<DeliberateCheck> {
    if !values["tests"].is_object() {
        return Vec::new();
    }
    let why = "the `helm test` pod runs one check and exits, so a probe would have nothing to watch; it is a Pod rather than a Job because `helm test --logs` reads the logs of a pod named like the test";
    [
        ("CKV_K8S_8", "Liveness Probe Should be Configured"),
        ("CKV_K8S_9", "Readiness Probe Should be Configured"),
    ]
    .into_iter()
    .map(|(id, title)| DeliberateCheck {
        id,
        title,
        why: why.into(),
        switches: vec!["--set tests.enabled=false".into()],
    })
    .collect()
}

/// Every image value of the chart, by key path.
fn images(values: &Json) -> Vec<(String, &Json)> {
    let mut out = Vec::new();
    for path in ["image", "tests.image"] {
        let node = path.split('.').fold(values, |node, key| &node[key]);
        if node.is_object() {
            out.push((path.to_owned(), node));
        }
    }
    for section in ["sidecars", "initContainers"] {
        for (name, entry) in values[section].as_object().into_iter().flatten() {
            out.push((format!("{section}.{name}.image"), &entry["image"]));
        }
    }
    out
}

/// Every container's `resources` value, by key path.
fn resource_owners(values: &Json) -> Vec<(String, &Json)> {
    let mut out = vec![("resources".to_owned(), &values["resources"])];
    for section in ["sidecars", "initContainers", "jobs"] {
        for (name, entry) in values[section].as_object().into_iter().flatten() {
            out.push((format!("{section}.{name}.resources"), &entry["resources"]));
        }
    }
    out.retain(|(_, resources)| resources.is_object());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_hardened_chart_has_no_deliberate_check() {
        let pinned = json!({"digest": "sha256:0", "pullPolicy": "IfNotPresent"});
        let values = json!({
            "image": pinned,
            "resources": {"limits": {"cpu": "1"}},
            "podSecurityContext": {"runAsUser": 10001},
            "secrets": {"loadAs": "files", "data": {"A": ""}},
        });
        assert!(deliberate_checks(&values).is_empty());
    }

    #[test]
    fn the_test_pod_fails_the_probe_checks_until_tests_are_off() {
        let pinned = json!({"digest": "sha256:0", "pullPolicy": "IfNotPresent"});
        let values = json!({
            "image": pinned,
            "tests": {"enabled": true, "image": pinned},
            "resources": {"limits": {"cpu": "1"}},
            "podSecurityContext": {"runAsUser": 10001},
            "secrets": {"loadAs": "env", "data": {}},
        });
        let checks = deliberate_checks(&values);
        let ids: Vec<&str> = checks.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["CKV_K8S_8", "CKV_K8S_9"]);
        assert!(checks
            .iter()
            .all(|c| c.switches == ["--set tests.enabled=false"]));
    }

    #[test]
    fn each_unpinned_image_and_unlimited_container_is_named() {
        let tagged = json!({"digest": "", "tag": "1.0"});
        let values = json!({
            "image": tagged,
            "resources": {"limits": {}},
            "sidecars": {"proxy": {"image": tagged, "resources": {"limits": {}}}},
            "podSecurityContext": {"runAsUser": 70},
            "secrets": {"loadAs": "env", "data": {}},
        });
        let checks = deliberate_checks(&values);
        let ids: Vec<&str> = checks.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            ["CKV_K8S_11", "CKV_K8S_15", "CKV_K8S_43", "CKV_K8S_40"]
        );
        assert_eq!(
            checks[0].switches,
            [
                "--set resources.limits.cpu=1",
                "--set sidecars.proxy.resources.limits.cpu=200m"
            ]
        );
        assert!(checks[3].why.contains("(70)"));
    }
}
