use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a container port with a non-zero `hostPort`: the *Host Ports*
    /// control of the Pod Security Standards (baseline, so also restricted).
    ///
    /// ## Why it matters
    /// A host port opens the node itself to the network, bypasses Services and
    /// usually NetworkPolicies, and lets only one such pod run per node, so
    /// rollouts and scaling stall. Namespaces enforcing the restricted (or
    /// baseline) profile reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - containerPort: 8080
    ///     hostPort: 8080      # flagged
    ///   - containerPort: 9090 # fine
    /// ```
    RULE = Code::HOST_PORT, "host-port", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        for c in pod.containers() {
            let ports = c.spec.get("ports").and_then(|p| p.as_sequence());
            for (i, port) in ports.into_iter().flatten().enumerate() {
                let Some(host) = port.get("hostPort").and_then(|p| p.as_i64()) else {
                    continue;
                };
                if host != 0 {
                    report.object(
                        pod.manifest,
                        &format!("{}.ports[{i}].hostPort", c.field),
                        format!("container `{}` binds port {host} of the node (hostPort)", c.name),
                        "remove `hostPort` and expose the port through a Service (NodePort or LoadBalancer for traffic from outside the cluster)",
                    );
                }
            }
        }
    }
}
