use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

/// The volume sources the restricted profile allows.
const ALLOWED: &[&str] = &[
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

rule! {
    /// ## What it does
    /// Flags a volume of a type the restricted Pod Security Standard does not
    /// allow (its *Volume Types* control): anything but `configMap`, `csi`,
    /// `downwardAPI`, `emptyDir`, `ephemeral`, `persistentVolumeClaim`,
    /// `projected` and `secret`. `hostPath` is left to CG018.
    ///
    /// ## Why it matters
    /// Other volume types (`nfs`, `iscsi`, `rbd`, `gitRepo`, …) make the node
    /// mount storage on the pod's say, with the node's credentials and
    /// privileges; several have had node-escape bugs. Through a
    /// persistentVolumeClaim the same storage is set up by the cluster's
    /// administrators instead. Namespaces enforcing the restricted profile
    /// reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// volumes:
    ///   - name: shared
    ///     nfs: { server: nfs.internal, path: /exports }  # flagged
    ///   - name: data
    ///     persistentVolumeClaim: { claimName: data }     # fine
    /// ```
    RULE = Code::VOLUME_TYPES, "volume-types", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        let volumes = pod.spec.get("volumes").and_then(Value::as_sequence);
        for (i, volume) in volumes.into_iter().flatten().enumerate() {
            let Some(kind) = volume_type(volume) else {
                continue;
            };
            let name = volume.get("name").and_then(Value::as_str).unwrap_or("");
            let hint = match kind {
                "gitRepo" => "clone the repository into an emptyDir from an init container".to_owned(),
                other => format!("mount it through a persistentVolumeClaim (its PersistentVolume may still use `{other}`), or use configMap, secret, emptyDir, projected, downwardAPI, csi or ephemeral"),
            };
            report.object(
                pod.manifest,
                &format!("{}.volumes[{i}].{kind}", pod.field),
                format!("volume `{name}` is of type `{kind}`, which the restricted profile does not allow"),
                hint,
            );
        }
    }
}

/// The first source of a volume that is neither allowed nor `hostPath`.
fn volume_type(volume: &Value) -> Option<&str> {
    volume
        .as_mapping()?
        .keys()
        .filter_map(Value::as_str)
        .find(|key| *key != "name" && *key != "hostPath" && !ALLOWED.contains(key))
}
