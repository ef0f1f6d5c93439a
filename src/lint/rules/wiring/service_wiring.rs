use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::{
    is_hook, labels_match, named, pod_templates, same_namespace, scalar, show_labels, PodTemplate,
};

rule! {
    /// ## What it does
    /// Flags a Service that does not reach its pods:
    ///
    /// - its `spec.selector` matches the pod template labels of no workload in
    ///   the stream (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
    ///   CronJob or Pod);
    /// - a `targetPort` is a name that no container of a selected pod declares
    ///   in `ports[].name` (native sidecars, init containers with
    ///   `restartPolicy: Always`, count; other init containers do not serve);
    /// - a numeric `targetPort` (or the `port` it defaults to) is a
    ///   `containerPort` that no container of a selected pod declares.
    ///
    /// A Service without a selector (its endpoints are managed by hand) and an
    /// `ExternalName` Service are skipped. Pods of Helm hooks (objects with a
    /// `helm.sh/hook` annotation: tests, migrations) do not count as selected:
    /// they exist only around an install, so a test pod that happens to carry
    /// the selector labels neither wires a Service nor needs its ports.
    ///
    /// ## Why it matters
    /// The API server accepts all of these and the Service simply has no
    /// endpoints, or endpoints on a port nothing listens on: every request
    /// fails, and nothing says why until someone reads the EndpointSlices.
    /// Kubernetes does not require a numeric target to be declared, but a
    /// declared port is what readers, probes and network policies go by, and a
    /// mismatch almost always means the Service points at the wrong port.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Service
    /// spec:
    ///   selector: { app.kubernetes.io/name: web }
    ///   ports: [{ name: http, port: 80, targetPort: http }]
    /// ---
    /// kind: Deployment
    /// spec:
    ///   template:
    ///     metadata:
    ///       labels: { app.kubernetes.io/name: web }
    ///     spec:
    ///       containers:
    ///         - name: web
    ///           ports: [{ name: http, containerPort: 8080 }]
    /// ```
    RULE = Code::SERVICE_WIRING, "service-wiring", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for service in manifests {
        if service.kind() != "Service"
            || service.at(&["spec", "type"]).as_str() == Some("ExternalName")
        {
            continue;
        }
        let Some(selector) = service
            .at(&["spec", "selector"])
            .as_mapping()
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        let selected: Vec<PodTemplate> = pod_templates(manifests)
            .filter(|t| {
                !is_hook(t.manifest)
                    && same_namespace(service, t.manifest)
                    && labels_match(selector, t.labels())
            })
            .collect();
        if selected.is_empty() {
            let elsewhere = pod_templates(manifests)
                .filter(|t| labels_match(selector, t.labels()))
                .min_by_key(|t| is_hook(t.manifest))
                .map(|t| (named(t.manifest), is_hook(t.manifest)));
            let (what, hint) = match elsewhere {
                Some((hook, true)) => (
                    format!(
                        "only the pods of Helm hook {hook}, which come and go, have those labels"
                    ),
                    "select the pod labels of the long-running workload the Service fronts; \
                     hook pods are not backends",
                ),
                Some((other, false)) => (
                    format!("only {other}, in another namespace, has those labels"),
                    "put the Service in the namespace of the pods it fronts",
                ),
                None => (
                    "no pod template in the stream has those labels".to_owned(),
                    "make spec.selector a subset of the pod template labels of the workload \
                     it fronts (usually that workload's spec.selector.matchLabels)",
                ),
            };
            report.object(
                service,
                "spec.selector",
                format!(
                    "{} selects `{}`, but {what}",
                    named(service),
                    show_labels(selector)
                ),
                hint,
            );
            continue;
        }
        let ports = service.at(&["spec", "ports"]).as_sequence();
        for (i, port) in ports.into_iter().flatten().enumerate() {
            let target = match port.get("targetPort") {
                Some(t) if !t.is_null() => Target::from(t, format!("spec.ports[{i}].targetPort")),
                _ => match port.get("port").and_then(Value::as_u64) {
                    Some(n) => Target::Default(n, format!("spec.ports[{i}].port")),
                    None => continue,
                },
            };
            for template in &selected {
                if !target.declared_by(template) {
                    let (field, message, hint) = target.problem(service, template.manifest);
                    report.object(service, &field, message, hint);
                }
            }
        }
    }
}

/// Where a Service port sends traffic.
enum Target {
    /// A container port name.
    Name(String, String),
    /// A container port number.
    Number(u64, String),
    /// No targetPort: the Service `port` number.
    Default(u64, String),
}

impl Target {
    fn from(value: &Value, field: String) -> Target {
        match value.as_u64() {
            Some(n) => Target::Number(n, field),
            None => Target::Name(scalar(value).unwrap_or_default(), field),
        }
    }

    fn declared_by(&self, template: &PodTemplate) -> bool {
        template
            .serving_containers()
            .flat_map(|c| {
                c.get("ports")
                    .and_then(Value::as_sequence)
                    .into_iter()
                    .flatten()
            })
            .any(|p| match self {
                Target::Name(name, _) => p.get("name").and_then(Value::as_str) == Some(name),
                Target::Number(n, _) | Target::Default(n, _) => {
                    p.get("containerPort").and_then(Value::as_u64) == Some(*n)
                }
            })
    }

    /// Field, message and hint for a target that `workload`'s pods do not declare.
    fn problem(&self, service: &Manifest, workload: &Manifest) -> (String, String, String) {
        let (service, workload) = (named(service), named(workload));
        match self {
            Target::Name(name, field) if name.chars().all(|c| c.is_ascii_digit()) => (
                field.clone(),
                format!(
                    "{service} targets port name `{name}` (a quoted number), \
                     which no container of {workload} declares"
                ),
                format!("write the port number unquoted (`targetPort: {name}`), or target a named port"),
            ),
            Target::Name(name, field) => (
                field.clone(),
                format!("{service} targets port `{name}`, which no container of {workload} declares"),
                format!("name the serving container's port `{name}` (ports[].name), or target a port it declares"),
            ),
            Target::Number(n, field) => (
                field.clone(),
                format!("{service} targets port {n}, which no container of {workload} declares"),
                format!("declare `containerPort: {n}` on the serving container, or target the port it listens on"),
            ),
            Target::Default(n, field) => (
                field.clone(),
                format!(
                    "{service} has no targetPort, so it targets port {n}, \
                     which no container of {workload} declares"
                ),
                "set targetPort to the name of the serving container's port".to_owned(),
            ),
        }
    }
}
