use crate::lint::{rule, Code, Manifest, Report};

use super::{labels_match, named, pod_template, same_namespace};

rule! {
    /// ## What it does
    /// Flags a StatefulSet whose `spec.serviceName` names a Service that is
    /// not in the stream, one that is not headless (`clusterIP: None`), or a
    /// headless one whose selector does not select the StatefulSet's pods. A
    /// StatefulSet without `serviceName` is left alone: the field is optional,
    /// for pods that need no DNS names of their own.
    ///
    /// ## Why it matters
    /// The governing Service gives each pod its stable DNS name,
    /// `<pod>.<serviceName>.<namespace>.svc`, which peers use to find each
    /// other (replication, cluster bootstrap). Without it, or with a normal
    /// Service that has a virtual IP, or with one that does not select the
    /// pods, those names never resolve and the cluster does not form. A
    /// Service's `clusterIP` cannot be changed later: making it headless means
    /// deleting and recreating it.
    ///
    /// ## Example
    /// ```yaml
    /// kind: StatefulSet
    /// metadata: { name: db }
    /// spec:
    ///   serviceName: db-headless
    /// ---
    /// kind: Service
    /// metadata: { name: db-headless }
    /// spec:
    ///   clusterIP: None
    ///   selector: { app.kubernetes.io/name: db }
    /// ```
    RULE = Code::HEADLESS_SERVICE, "headless-service", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        if m.kind() != "StatefulSet" {
            continue;
        }
        let Some(service_name) = m
            .at(&["spec", "serviceName"])
            .as_str()
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        let service = manifests
            .iter()
            .find(|s| s.kind() == "Service" && s.name() == service_name && same_namespace(m, s));
        let (message, hint) = match service {
            None => (
                format!(
                    "{} names Service `{service_name}` in spec.serviceName, which is not in the stream",
                    named(m)
                ),
                "add a headless Service (`clusterIP: None`) of that name whose selector matches the pods"
                    .to_owned(),
            ),
            Some(s) if s.at(&["spec", "clusterIP"]).as_str() != Some("None") => (
                format!(
                    "{} names Service `{service_name}`, which is not headless (clusterIP: None)",
                    named(m)
                ),
                format!(
                    "point spec.serviceName at a headless Service, or set `clusterIP: None` on \
                     `{service_name}` (clusterIP is immutable: the Service must be recreated)"
                ),
            ),
            Some(s) => {
                let selects = s
                    .at(&["spec", "selector"])
                    .as_mapping()
                    .filter(|sel| !sel.is_empty())
                    .zip(pod_template(m))
                    .is_some_and(|(sel, t)| labels_match(sel, t.labels()));
                if selects {
                    continue;
                }
                (
                    format!(
                        "{} names headless Service `{service_name}`, whose selector does not select its pods",
                        named(m)
                    ),
                    format!(
                        "give `{service_name}` a spec.selector matching the pod template labels \
                         (the StatefulSet's spec.selector.matchLabels)"
                    ),
                )
            }
        };
        report.object(m, "spec.serviceName", message, hint);
    }
}
