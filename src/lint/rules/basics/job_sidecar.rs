use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

rule! {
    /// ## What it does
    /// Flags a pod that runs to completion (a Job's, a CronJob's, or a Pod
    /// with `restartPolicy: Never` or `OnFailure`, such as a `helm test`
    /// pod) with more than one entry in `containers`: a second regular
    /// container beside the main one, usually a sidecar (a proxy, a log
    /// shipper, a metrics exporter) that runs until it is stopped.
    ///
    /// ## Why it matters
    /// A Job is complete when its pod's containers have all exited. A
    /// sidecar written as a regular container never exits on its own, so the
    /// Job never finishes: a Helm hook blocks `helm install` until it times
    /// out, and a CronJob with `concurrencyPolicy: Forbid` never starts its
    /// next run. From Kubernetes 1.29 a sidecar is an init container with
    /// `restartPolicy: Always` (a native sidecar), which is stopped once the
    /// regular containers are done. Two containers that both finish (two
    /// tasks run side by side) are fine: silence the rule on that object with
    /// the `chartgen.dev/lint-ignore` annotation.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Job
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       initContainers:
    ///         - name: proxy                # a native sidecar: stops with the job
    ///           image: envoyproxy/envoy:v1.31.2
    ///           restartPolicy: Always
    ///       containers:
    ///         - name: migrate
    ///           image: ghcr.io/acme/app:1.4.2
    ///         # flagged: a proxy here keeps the Job running for ever
    /// ```
    RULE = Code::JOB_SIDECAR_CONTAINER, "job-sidecar-container", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        let Some((spec, base)) = m.pod_spec() else {
            continue;
        };
        let completes = match m.kind() {
            "Job" | "CronJob" => true,
            "Pod" => matches!(
                spec.get("restartPolicy").and_then(Value::as_str),
                Some("Never" | "OnFailure")
            ),
            _ => false,
        };
        let Some(containers) = spec.get("containers").and_then(Value::as_sequence) else {
            continue;
        };
        if !completes || containers.len() < 2 {
            continue;
        }
        let name = |c: &Value| {
            c.get("name")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_owned()
        };
        let first = name(&containers[0]);
        for (i, container) in containers.iter().enumerate().skip(1) {
            report.object(
                m,
                &format!("{base}.containers[{i}]"),
                format!(
                    "container `{}` runs beside `{first}` in a pod that must run to completion; \
                     the {} finishes only when both have exited, so one that keeps running \
                     (a sidecar) holds it open for ever",
                    name(container),
                    m.kind()
                ),
                "make it a native sidecar: move it to `initContainers` with `restartPolicy: Always` \
                 (Kubernetes 1.29 or later; chartgen does so when `kubeVersion` admits no earlier \
                 version), or run it in the main container",
            );
        }
    }
}
