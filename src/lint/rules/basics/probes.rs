use crate::lint::{rule, Code, Manifest, Report};

rule! {
    /// ## What it does
    /// Flags a serving container (one that declares ports) of a long-running
    /// workload without a readiness or a liveness probe.
    ///
    /// ## Why it matters
    /// Without a readiness probe a pod receives traffic before it can answer,
    /// and during every rollout requests fail; without a liveness probe a hung
    /// process is never restarted.
    ///
    /// ## Example
    /// ```yaml
    /// readinessProbe: { httpGet: { path: /healthz, port: http } }
    /// livenessProbe: { httpGet: { path: /healthz, port: http } }
    /// ```
    RULE = Code::PROBES, "probes", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        if !matches!(m.kind(), "Deployment" | "StatefulSet" | "DaemonSet") {
            continue;
        }
        for (field, container) in m.containers() {
            if container.get("ports").is_none()
                || field.contains("initContainers") && container.get("restartPolicy").is_none()
            {
                continue;
            }
            for probe in ["readinessProbe", "livenessProbe"] {
                if container.get(probe).is_none() {
                    report.object(
                        m,
                        &format!("{field}.{probe}"),
                        format!("serving container has no {probe}"),
                        "probe the serving port (httpGet or tcpSocket), or a command (exec)",
                    );
                }
            }
        }
    }
}
