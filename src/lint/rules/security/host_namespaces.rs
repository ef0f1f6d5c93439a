use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a pod that sets `hostNetwork`, `hostPID` or `hostIPC` to true: the
    /// *Host Namespaces* control of the Pod Security Standards (baseline, so
    /// also restricted).
    ///
    /// ## Why it matters
    /// A pod in the node's network namespace can listen on and sniff every
    /// interface of the node and reach services bound to localhost; in its PID
    /// namespace it can see and signal every process; in its IPC namespace it
    /// can read other processes' shared memory. Namespaces enforcing the
    /// restricted (or baseline) profile reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   hostNetwork: true   # flagged
    ///   hostPID: true       # flagged
    /// ```
    RULE = Code::HOST_NAMESPACES, "host-namespaces", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        for (key, namespace, hint) in [
            ("hostNetwork", "network", "remove `hostNetwork` (it defaults to false) and reach the pod through a Service"),
            ("hostPID", "process (PID)", "remove `hostPID` (it defaults to false); to see the processes of the pod's own containers, set `shareProcessNamespace: true`"),
            ("hostIPC", "IPC", "remove `hostIPC` (it defaults to false); the containers of one pod already share an IPC namespace"),
        ] {
            if pod.spec.get(key).and_then(|v| v.as_bool()) == Some(true) {
                report.object(
                    pod.manifest,
                    &format!("{}.{key}", pod.field),
                    format!("pod shares the node's {namespace} namespace ({key}: true)"),
                    hint,
                );
            }
        }
    }
}
