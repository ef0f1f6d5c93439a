use crate::lint::{rule, Code, Manifest, Report};

use super::{named, same_namespace, scale_target};

rule! {
    /// ## What it does
    /// Flags a workload that sets `spec.replicas` while a
    /// HorizontalPodAutoscaler in the stream scales it (its
    /// `spec.scaleTargetRef` names the workload's kind and name). A KEDA
    /// ScaledObject counts too: it drives an HPA of its own.
    ///
    /// ## Why it matters
    /// The autoscaler owns the replica count. Every `helm upgrade` or
    /// `kubectl apply` that carries `spec.replicas` sets it back to the
    /// manifest's number, so a service scaled out under load drops to its
    /// default mid-deploy until the autoscaler catches up again.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   {{- if not .Values.autoscaling.enabled }}
    ///   replicas: {{ .Values.replicaCount }}
    ///   {{- end }}
    /// ```
    RULE = Code::REPLICAS_WITH_AUTOSCALER, "replicas-with-autoscaler", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        let replicas = m.at(&["spec", "replicas"]);
        if replicas.is_null() {
            continue;
        }
        let Some(scaler) = manifests
            .iter()
            .find(|s| same_namespace(m, s) && scale_target(s) == Some((m.kind(), m.name())))
        else {
            continue;
        };
        let count = super::scalar(replicas).unwrap_or_default();
        report.object(
            m,
            "spec.replicas",
            format!(
                "{} sets spec.replicas: {count} although {} scales it; every apply resets the count",
                named(m),
                named(scaler)
            ),
            "leave spec.replicas out while autoscaling is on, e.g. \
             `{{- if not .Values.autoscaling.enabled }}replicas: …{{- end }}`",
        );
    }
}
