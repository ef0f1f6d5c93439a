use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::{key_field, named};

rule! {
    /// ## What it does
    /// Flags a selector that selects on a label that changes with every
    /// release: `app.kubernetes.io/version`, `helm.sh/chart`, or any label
    /// named `version` or `chart` (with or without a prefix). It checks the
    /// `spec.selector` of Deployments, StatefulSets, DaemonSets and
    /// ReplicaSets (`matchLabels` and `matchExpressions`), of Services and of
    /// PodDisruptionBudgets.
    ///
    /// ## Why it matters
    /// A workload's selector is immutable: once the chart version or app
    /// version in it changes, `helm upgrade` fails with `field is immutable`
    /// and the release can only be fixed by deleting the workload. A Service
    /// or budget that selects on the version matches only one version's pods,
    /// so during every rollout it drops the others: traffic goes to a handful
    /// of new pods, or the budget protects nothing. Select on what identifies
    /// the app and the release (`app.kubernetes.io/name`,
    /// `app.kubernetes.io/instance`); keep the version and the chart in
    /// `metadata.labels` and the pod template's labels. If a `version` label
    /// names a fixed track rather than a release (one Deployment per version,
    /// as with Istio subsets), silence the rule on that object with a
    /// `chartgen.dev/lint-ignore` annotation.
    ///
    /// ## Example
    /// ```yaml
    /// selector:
    ///   matchLabels:
    ///     app.kubernetes.io/name: web
    ///     app.kubernetes.io/instance: prod
    ///     app.kubernetes.io/version: 1.4.2   # flagged
    /// ```
    RULE = Code::UNSTABLE_SELECTOR, "unstable-selector", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        let (selector, immutable) = match m.kind() {
            "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" => {
                (m.at(&["spec", "selector"]), true)
            }
            "PodDisruptionBudget" => (m.at(&["spec", "selector"]), false),
            "Service" => {
                let selector = m.at(&["spec", "selector"]);
                for (key, _) in selector.as_mapping().into_iter().flatten() {
                    if let Some(key) = key.as_str().filter(|k| unstable(k)) {
                        flag(m, report, key, key_field("spec.selector", key), false);
                    }
                }
                continue;
            }
            _ => continue,
        };
        let match_labels = selector.get("matchLabels").and_then(Value::as_mapping);
        for (key, _) in match_labels.into_iter().flatten() {
            if let Some(key) = key.as_str().filter(|k| unstable(k)) {
                let field = key_field("spec.selector.matchLabels", key);
                flag(m, report, key, field, immutable);
            }
        }
        let expressions = selector
            .get("matchExpressions")
            .and_then(Value::as_sequence);
        for (i, expr) in expressions.into_iter().flatten().enumerate() {
            if let Some(key) = expr
                .get("key")
                .and_then(Value::as_str)
                .filter(|k| unstable(k))
            {
                let field = format!("spec.selector.matchExpressions[{i}].key");
                flag(m, report, key, field, immutable);
            }
        }
    }
}

/// Whether a label key names a version or a chart: `version`, `chart`,
/// `app.kubernetes.io/version`, `helm.sh/chart`, `example.com/version`.
fn unstable(key: &str) -> bool {
    let name = key.rsplit('/').next().unwrap_or(key);
    name == "version" || name == "chart"
}

fn flag(m: &Manifest, report: &mut Report, key: &str, field: String, immutable: bool) {
    let consequence = if immutable {
        "a workload's selector is immutable, so the upgrade that changes it fails"
    } else {
        "during a rollout it misses the other version's pods"
    };
    report.object(
        m,
        &field,
        format!(
            "{} selects on `{key}`, which changes between releases; {consequence}",
            named(m)
        ),
        "select only on stable labels (app.kubernetes.io/name, app.kubernetes.io/instance); \
         keep version and chart labels in metadata.labels and the pod template's labels",
    );
}
