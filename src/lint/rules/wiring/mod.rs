//! Rules of the `wiring` group: how the objects of one release fit together
//! (Services and their pods, budgets, autoscalers, hooks, selectors, names)
//! and what they must not carry (sticky sessions, secrets in plain config).
//!
//! These rules see the whole stream at once. Objects without a
//! `metadata.namespace` (what `helm template` prints) are taken to share the
//! release's namespace, so they may wire to any object of the stream; two
//! explicit namespaces must be equal. Names (CG030) are stricter: in a
//! chart's render an object without a namespace is in the release's, and in
//! manifests given as they are it may land in any, so it meets them all.

pub(super) mod disruption_budget;
pub(super) mod duplicate_names;
pub(super) mod headless_service;
pub(super) mod hook_on_pod_template;
pub(super) mod name_limits;
pub(super) mod replicas_with_autoscaler;
pub(super) mod secret_in_plain_config;
pub(super) mod service_wiring;
pub(super) mod sticky_sessions;
pub(super) mod test_hook_kind;
pub(super) mod unstable_selector;

use serde_yaml::{Mapping, Value};

use crate::lint::manifest::{at, containers};
use crate::lint::Manifest;

/// The pod template of an object that creates pods.
struct PodTemplate<'a> {
    manifest: &'a Manifest,
    /// The template's `metadata` (the object's own for a Pod).
    metadata: &'a Value,
    /// Field path of that metadata, e.g. `spec.template.metadata`.
    metadata_field: &'static str,
    /// The pod spec.
    spec: &'a Value,
}

impl<'a> PodTemplate<'a> {
    /// The pod labels (Null when there are none).
    fn labels(&self) -> &'a Value {
        at(self.metadata, &["labels"])
    }

    /// The containers that can serve traffic: the regular ones and native
    /// sidecars (init containers with `restartPolicy: Always`); other init
    /// containers have exited before the pod is ready.
    fn serving_containers(&self) -> impl Iterator<Item = &'a Value> {
        let sidecars = containers(self.spec, "", &["initContainers"])
            .into_iter()
            .filter(|(_, c)| at(c, &["restartPolicy"]).as_str() == Some("Always"));
        containers(self.spec, "", &["containers"])
            .into_iter()
            .chain(sidecars)
            .map(|(_, c)| c)
    }
}

/// The pod template of `manifest`, if it creates pods.
fn pod_template(manifest: &Manifest) -> Option<PodTemplate<'_>> {
    let (spec, _) = manifest.pod_spec()?;
    let (metadata, metadata_field) = manifest.pod_metadata()?;
    Some(PodTemplate {
        manifest,
        metadata,
        metadata_field,
        spec,
    })
}

/// Every pod template in the stream.
fn pod_templates(manifests: &[Manifest]) -> impl Iterator<Item = PodTemplate<'_>> {
    manifests.iter().filter_map(pod_template)
}

/// Whether Helm runs `manifest` as a hook (a test, a migration): its pods
/// come and go around an install, so they are no one's long-running backends.
fn is_hook(manifest: &Manifest) -> bool {
    !manifest
        .at(&["metadata", "annotations", "helm.sh/hook"])
        .is_null()
}

/// Whether two objects can refer to each other: same namespace, where an
/// object without one is in the release's namespace, whatever that is.
fn same_namespace(a: &Manifest, b: &Manifest) -> bool {
    let ns = |m: &Manifest| {
        m.at(&["metadata", "namespace"])
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    match (ns(a), ns(b)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// A scalar as text, as Kubernetes would compare it (`1` and `"1"` alike).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Whether `labels` carry every `key: value` of a plain label map (a
/// Service's `spec.selector`, a `matchLabels`). An empty map matches all.
fn labels_match(selector: &Mapping, labels: &Value) -> bool {
    selector.iter().all(|(key, want)| {
        labels
            .get(key)
            .and_then(scalar)
            .is_some_and(|have| Some(have) == scalar(want))
    })
}

/// Whether a LabelSelector (`matchLabels` and `matchExpressions`) selects
/// pods labelled `labels`. An empty selector selects every pod; a missing
/// one selects none.
fn selector_matches(selector: &Value, labels: &Value) -> bool {
    if !selector.is_mapping() {
        return false;
    }
    let match_labels = at(selector, &["matchLabels"]);
    if let Some(map) = match_labels.as_mapping() {
        if !labels_match(map, labels) {
            return false;
        }
    }
    at(selector, &["matchExpressions"])
        .as_sequence()
        .into_iter()
        .flatten()
        .all(|expr| {
            let have = at(expr, &["key"])
                .as_str()
                .and_then(|key| labels.get(key))
                .and_then(scalar);
            let values: Vec<String> = at(expr, &["values"])
                .as_sequence()
                .into_iter()
                .flatten()
                .filter_map(scalar)
                .collect();
            match at(expr, &["operator"]).as_str() {
                Some("In") => have.is_some_and(|v| values.contains(&v)),
                Some("NotIn") => have.is_none_or(|v| !values.contains(&v)),
                Some("Exists") => have.is_some(),
                Some("DoesNotExist") => have.is_none(),
                _ => false,
            }
        })
}

/// `base.key`, or `base["key"]` when the key has dots or slashes, so a
/// field path stays unambiguous: `metadata.annotations["helm.sh/hook"]`.
fn key_field(base: &str, key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!("{base}.{key}")
    } else {
        format!("{base}[{key:?}]")
    }
}

/// A label map as `a=b, c=d`, for messages.
fn show_labels(map: &Mapping) -> String {
    map.iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                scalar(k).unwrap_or_default(),
                scalar(v).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Kind `name``, for messages.
fn named(manifest: &Manifest) -> String {
    format!("{} `{}`", manifest.kind(), manifest.name())
}

/// The `(kind, name)` an autoscaler scales: a HorizontalPodAutoscaler's
/// `scaleTargetRef`, or a KEDA ScaledObject's (whose kind defaults to Deployment).
fn scale_target(scaler: &Manifest) -> Option<(&str, &str)> {
    let default_kind = match scaler.kind() {
        "HorizontalPodAutoscaler" => None,
        "ScaledObject" => Some("Deployment"),
        _ => return None,
    };
    let kind = scaler
        .at(&["spec", "scaleTargetRef", "kind"])
        .as_str()
        .or(default_kind)?;
    let name = scaler.at(&["spec", "scaleTargetRef", "name"]).as_str()?;
    Some((kind, name))
}
