use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

const HINT: &str = "set `runAsUser` to a non-zero UID (e.g. 65532), or remove it to run as the image's non-root USER";

rule! {
    /// ## What it does
    /// Flags `securityContext.runAsUser: 0` on a pod or on any of its
    /// containers: the *Running as Non-root user* control of the restricted Pod
    /// Security Standard. Leaving `runAsUser` unset is fine.
    ///
    /// ## Why it matters
    /// UID 0 is root: a process that escapes the container is root on the
    /// node, and `runAsNonRoot: true` is contradicted (the kubelet then refuses
    /// to start the container). Namespaces enforcing the restricted profile
    /// reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// securityContext:
    ///   runAsUser: 0       # flagged
    /// securityContext:
    ///   runAsUser: 65532   # fine
    /// ```
    RULE = Code::RUN_AS_ROOT_USER, "run-as-root-user", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        if is_root(pod.security("runAsUser")) {
            report.object(
                pod.manifest,
                &pod.security_field("runAsUser"),
                "pod sets runAsUser: 0 (root)",
                HINT,
            );
        }
        for c in pod.containers() {
            if is_root(c.security("runAsUser")) {
                report.object(
                    pod.manifest,
                    &c.security_field("runAsUser"),
                    format!("container `{}` sets runAsUser: 0 (root)", c.name),
                    HINT,
                );
            }
        }
    }
}

fn is_root(uid: &Value) -> bool {
    uid.as_i64() == Some(0)
}
