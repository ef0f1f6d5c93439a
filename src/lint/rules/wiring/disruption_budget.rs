use crate::lint::{rule, Code, Manifest, Report};

use super::{named, pod_template, same_namespace, scale_target, selector_matches};

rule! {
    /// ## What it does
    /// Flags a Deployment or StatefulSet that runs more than one replica, or
    /// that a HorizontalPodAutoscaler (or a KEDA ScaledObject, which makes
    /// one) scales, when no PodDisruptionBudget of the stream selects its pods.
    /// A budget selects them when its `spec.selector` (`matchLabels` and
    /// `matchExpressions`) matches the pod template's labels.
    ///
    /// ## Why it matters
    /// A node drain (a cluster upgrade, autoscaler scale-down) evicts pods
    /// without asking; with no budget it may take every replica at once, and
    /// the service is down although it runs several copies. A budget makes the
    /// drain wait until a replacement is ready (design source: *Disposability*).
    /// A single replica is left alone: a budget over one pod either protects
    /// nothing or blocks every drain.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: policy/v1
    /// kind: PodDisruptionBudget
    /// metadata: { name: web }
    /// spec:
    ///   maxUnavailable: 1
    ///   selector:
    ///     matchLabels: { app.kubernetes.io/name: web, app.kubernetes.io/instance: prod }
    /// ```
    RULE = Code::DISRUPTION_BUDGET, "disruption-budget", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        if !matches!(m.kind(), "Deployment" | "StatefulSet") {
            continue;
        }
        let Some(template) = pod_template(m) else {
            continue;
        };
        let replicas = m.at(&["spec", "replicas"]).as_u64().unwrap_or(1);
        let scaler = manifests
            .iter()
            .find(|s| same_namespace(m, s) && scales(s, m));
        let why = match (replicas, scaler) {
            (2.., _) => format!("runs {replicas} replicas"),
            (_, Some(scaler)) => format!("is scaled by {}", named(scaler)),
            _ => continue,
        };
        let budgeted = manifests.iter().any(|pdb| {
            pdb.kind() == "PodDisruptionBudget"
                && same_namespace(m, pdb)
                && budget_selects(pdb, template.labels())
        });
        if !budgeted {
            report.object(
                m,
                &format!("{}.labels", template.metadata_field),
                format!(
                    "{} {why} and no PodDisruptionBudget selects its pods",
                    named(m)
                ),
                "add a PodDisruptionBudget with `maxUnavailable: 1` whose spec.selector.matchLabels \
                 equals this workload's spec.selector.matchLabels",
            );
        }
    }
}

/// Whether `scaler` (an HPA or a KEDA ScaledObject) can scale `target` past one pod.
fn scales(scaler: &Manifest, target: &Manifest) -> bool {
    // KEDA's default maximum is 100; an HPA must set one.
    let max = scaler
        .at(&["spec", "maxReplicas"])
        .as_u64()
        .or(scaler.at(&["spec", "maxReplicaCount"]).as_u64())
        .unwrap_or(100);
    scale_target(scaler) == Some((target.kind(), target.name())) && max > 1
}

/// Whether a PodDisruptionBudget selects pods labelled `labels`. In
/// `policy/v1` an empty selector selects every pod of the namespace; in
/// `policy/v1beta1` it selects none.
fn budget_selects(pdb: &Manifest, labels: &serde_yaml::Value) -> bool {
    let selector = pdb.at(&["spec", "selector"]);
    let empty = selector.as_mapping().is_some_and(|s| {
        s.iter().all(|(_, v)| {
            v.is_null()
                || v.as_mapping().is_some_and(|m| m.is_empty())
                || v.as_sequence().is_some_and(|s| s.is_empty())
        })
    });
    if empty && pdb.at(&["apiVersion"]).as_str() == Some("policy/v1beta1") {
        return false;
    }
    selector_matches(selector, labels)
}
