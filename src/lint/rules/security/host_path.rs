use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a `hostPath` volume: the *HostPath Volumes* control of the Pod
    /// Security Standards (baseline, so also restricted). A warning rather
    /// than an error because a node agent (a log shipper, a CSI driver) may
    /// need one; such a chart is installed into a namespace that allows the
    /// privileged profile and says why with a
    /// `chartgen.dev/lint-ignore: "CG018: <reason>"` annotation.
    ///
    /// ## Why it matters
    /// A host path gives the pod the node's files: writing under `/etc` or
    /// `/var/lib/kubelet`, or mounting the container runtime's socket, is a
    /// way out to the node. Namespaces enforcing the restricted (or baseline)
    /// profile reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// volumes:
    ///   - name: logs
    ///     hostPath: { path: /var/log }   # flagged
    ///   - name: scratch
    ///     emptyDir: {}                   # fine
    /// ```
    RULE = Code::HOST_PATH, "host-path", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        let volumes = pod.spec.get("volumes").and_then(Value::as_sequence);
        for (i, volume) in volumes.into_iter().flatten().enumerate() {
            let Some(host_path) = volume.get("hostPath") else {
                continue;
            };
            let name = volume.get("name").and_then(Value::as_str).unwrap_or("");
            let path = host_path.get("path").and_then(Value::as_str).unwrap_or("");
            report.object(
                pod.manifest,
                &format!("{}.volumes[{i}].hostPath", pod.field),
                format!("volume `{name}` mounts the node's path `{path}`; the restricted profile forbids hostPath volumes"),
                "use an emptyDir, a persistentVolumeClaim or a configMap; a node agent that needs the node's files runs in a namespace allowing the privileged profile and says why in a `chartgen.dev/lint-ignore: \"CG018: <reason>\"` annotation",
            );
        }
    }
}
