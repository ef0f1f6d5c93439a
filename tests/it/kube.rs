//! Checks on rendered Kubernetes manifests that no oracle makes for us: the
//! Pod Security Standards *restricted* profile, production defaults, names
//! and the wiring between objects.

use serde_yaml::Value;

/// `Kind/name` of a manifest.
pub fn id(doc: &Value) -> String {
    format!(
        "{}/{}",
        str_at(doc, &["kind"]),
        str_at(doc, &["metadata", "name"])
    )
}

/// The value at a key path, or Null.
pub fn at<'a>(doc: &'a Value, path: &[&str]) -> &'a Value {
    static NULL: Value = Value::Null;
    path.iter()
        .try_fold(doc, |node, key| node.get(*key))
        .unwrap_or(&NULL)
}

fn str_at<'a>(doc: &'a Value, path: &[&str]) -> &'a str {
    at(doc, path).as_str().unwrap_or("")
}

/// The pod spec a manifest creates pods from, if any.
pub fn pod_spec(doc: &Value) -> Option<&Value> {
    let path: &[&str] = match str_at(doc, &["kind"]) {
        "Pod" => &["spec"],
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" => {
            &["spec", "template", "spec"]
        }
        "CronJob" => &["spec", "jobTemplate", "spec", "template", "spec"],
        _ => return None,
    };
    Some(at(doc, path)).filter(|s| !s.is_null())
}

fn containers(spec: &Value) -> Vec<&Value> {
    ["initContainers", "containers"]
        .iter()
        .flat_map(|k| at(spec, &[k]).as_sequence().into_iter().flatten())
        .collect()
}

/// Violations of the restricted Pod Security Standard (v1.29+) and of
/// chartgen's own production defaults, for one pod-creating manifest.
pub fn restricted_profile_violations(doc: &Value) -> Vec<String> {
    let Some(spec) = pod_spec(doc) else {
        return vec![];
    };
    let mut v = Vec::new();
    let who = id(doc);
    for host in ["hostNetwork", "hostPID", "hostIPC"] {
        if at(spec, &[host]).as_bool() == Some(true) {
            v.push(format!("{who}: {host}"));
        }
    }
    const ALLOWED_VOLUMES: &[&str] = &[
        "configMap",
        "csi",
        "downwardAPI",
        "emptyDir",
        "ephemeral",
        "persistentVolumeClaim",
        "projected",
        "secret",
    ];
    for volume in at(spec, &["volumes"]).as_sequence().into_iter().flatten() {
        let kinds: Vec<&str> = volume
            .as_mapping()
            .unwrap()
            .keys()
            .filter_map(Value::as_str)
            .filter(|k| *k != "name")
            .collect();
        if !kinds.iter().all(|k| ALLOWED_VOLUMES.contains(k)) {
            v.push(format!("{who}: volume type {kinds:?}"));
        }
    }
    let pod_sc = at(spec, &["securityContext"]);
    let pod_non_root = at(pod_sc, &["runAsNonRoot"]).as_bool() == Some(true);
    let pod_seccomp = at(pod_sc, &["seccompProfile", "type"]).as_str();
    if at(pod_sc, &["runAsUser"]).as_u64() == Some(0) {
        v.push(format!("{who}: pod runAsUser 0"));
    }
    if matches!(pod_seccomp, Some(t) if t != "RuntimeDefault" && t != "Localhost") {
        v.push(format!("{who}: pod seccomp {pod_seccomp:?}"));
    }
    for c in containers(spec) {
        let name = format!("{who} container {}", str_at(c, &["name"]));
        let sc = at(c, &["securityContext"]);
        if at(sc, &["privileged"]).as_bool() == Some(true) {
            v.push(format!("{name}: privileged"));
        }
        if at(sc, &["allowPrivilegeEscalation"]).as_bool() != Some(false) {
            v.push(format!("{name}: allowPrivilegeEscalation is not false"));
        }
        let non_root = match at(sc, &["runAsNonRoot"]).as_bool() {
            Some(b) => b,
            None => pod_non_root,
        };
        if !non_root {
            v.push(format!("{name}: runAsNonRoot is not true"));
        }
        if at(sc, &["runAsUser"]).as_u64() == Some(0) {
            v.push(format!("{name}: runAsUser 0"));
        }
        let seccomp = at(sc, &["seccompProfile", "type"]).as_str().or(pod_seccomp);
        if !matches!(seccomp, Some("RuntimeDefault") | Some("Localhost")) {
            v.push(format!("{name}: seccompProfile is {seccomp:?}"));
        }
        let drop: Vec<&str> = at(sc, &["capabilities", "drop"])
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !drop.contains(&"ALL") {
            v.push(format!("{name}: capabilities do not drop ALL"));
        }
        for add in at(sc, &["capabilities", "add"])
            .as_sequence()
            .into_iter()
            .flatten()
        {
            if add.as_str() != Some("NET_BIND_SERVICE") {
                v.push(format!("{name}: adds capability {add:?}"));
            }
        }
        for port in at(c, &["ports"]).as_sequence().into_iter().flatten() {
            if !at(port, &["hostPort"]).is_null() {
                v.push(format!("{name}: hostPort"));
            }
        }
        // chartgen's production defaults on top of the profile.
        if at(sc, &["readOnlyRootFilesystem"]).as_bool() != Some(true) {
            v.push(format!("{name}: root filesystem is writable"));
        }
        for path in [
            ["requests", "cpu"],
            ["requests", "memory"],
            ["limits", "memory"],
        ] {
            if at(c, &["resources", path[0], path[1]]).is_null() {
                v.push(format!("{name}: no resources.{}.{}", path[0], path[1]));
            }
        }
        if str_at(doc, &["kind"]) == "Pod" || at(c, &["ports"]).is_null() {
            continue;
        }
        for probe in ["readinessProbe", "livenessProbe"] {
            if at(c, &[probe]).is_null() {
                v.push(format!("{name}: no {probe}"));
            }
        }
    }
    v
}

/// Names and label values that break Kubernetes limits.
pub fn name_violations(doc: &Value) -> Vec<String> {
    let mut v = Vec::new();
    let who = id(doc);
    let name = str_at(doc, &["metadata", "name"]);
    let label_rule = |s: &str| {
        s.len() <= 63
            && (s.is_empty()
                || (s.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && s.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))))
    };
    let dns_label = |s: &str| {
        !s.is_empty()
            && s.len() <= 63
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.ends_with(|c: char| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let max = match str_at(doc, &["kind"]) {
        "CronJob" | "StatefulSet" => 52,
        _ => 63,
    };
    if !dns_label(name) || name.len() > max {
        v.push(format!(
            "{who}: name is not a DNS-1123 label of at most {max} characters"
        ));
    }
    for labels in [
        at(doc, &["metadata", "labels"]),
        pod_spec(doc)
            .map(|_| at(doc, &["spec", "template", "metadata", "labels"]))
            .unwrap_or(&Value::Null),
    ] {
        for (k, val) in labels.as_mapping().into_iter().flatten() {
            let val = val
                .as_str()
                .unwrap_or_else(|| panic!("{who}: label {k:?} is not a string"));
            if !label_rule(val) {
                v.push(format!("{who}: label {k:?} value {val:?} is invalid"));
            }
        }
    }
    if let Some(spec) = pod_spec(doc) {
        for c in containers(spec) {
            if !dns_label(str_at(c, &["name"])) {
                v.push(format!("{who}: container name {:?}", str_at(c, &["name"])));
            }
            for p in at(c, &["ports"]).as_sequence().into_iter().flatten() {
                let port_name = str_at(p, &["name"]);
                if port_name.len() > 15 {
                    v.push(format!(
                        "{who}: port name {port_name:?} is over 15 characters"
                    ));
                }
            }
        }
    }
    v
}

/// Whether `selector` (a label map) selects pods labelled `labels`.
pub fn selects(selector: &Value, labels: &Value) -> bool {
    let Some(selector) = selector.as_mapping() else {
        return false;
    };
    !selector.is_empty() && selector.iter().all(|(k, v)| labels.get(k) == Some(v))
}

/// Whether a LabelSelector (`matchLabels` and `matchExpressions`) selects
/// pods labelled `labels`.
pub fn selector_matches(selector: &Value, labels: &Value) -> bool {
    let label = |key: &Value| labels.get(key).and_then(Value::as_str);
    let by_labels = at(selector, &["matchLabels"])
        .as_mapping()
        .into_iter()
        .flatten()
        .all(|(k, v)| label(k) == v.as_str());
    let by_expressions = at(selector, &["matchExpressions"])
        .as_sequence()
        .into_iter()
        .flatten()
        .all(|e| {
            let key = at(e, &["key"]);
            let values: Vec<&str> = at(e, &["values"])
                .as_sequence()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            match at(e, &["operator"]).as_str() {
                Some("In") => label(key).is_some_and(|v| values.contains(&v)),
                Some("NotIn") => label(key).is_none_or(|v| !values.contains(&v)),
                Some("Exists") => label(key).is_some(),
                Some("DoesNotExist") => label(key).is_none(),
                other => panic!("unknown selector operator {other:?}"),
            }
        });
    by_labels && by_expressions
}
