//! Rules of the `security` group: the *restricted* Pod Security Standard
//! (Kubernetes v1.29), one rule per control, judged as Pod Security admission
//! judges them.
//!
//! Admission checks every container of a pod, ephemeral ones included, so the
//! helpers here list all three kinds. Where a container inherits a setting from
//! the pod's `securityContext` (`runAsNonRoot`, `runAsUser`, `seccompProfile`),
//! a bad value is reported once where it is written: on the pod when the pod
//! sets it, on each container that sets it or is left without one.

pub(super) mod capabilities;
pub(super) mod host_namespaces;
pub(super) mod host_path;
pub(super) mod host_port;
pub(super) mod privilege_escalation;
pub(super) mod privileged;
pub(super) mod run_as_non_root;
pub(super) mod run_as_root_user;
pub(super) mod seccomp;
pub(super) mod volume_types;

use serde_yaml::Value;

use crate::lint::manifest::{at, containers};
use crate::lint::Manifest;

/// The pod spec of an object that creates pods.
struct Pod<'a> {
    manifest: &'a Manifest,
    spec: &'a Value,
    /// Field path of the spec, e.g. `spec.template.spec`.
    field: &'static str,
}

/// One container of a pod: init, regular or ephemeral.
struct Container<'a> {
    name: &'a str,
    spec: &'a Value,
    /// Field path, e.g. `spec.template.spec.containers[1]`.
    field: String,
}

/// The pods that `manifests` create.
fn pods(manifests: &[Manifest]) -> impl Iterator<Item = Pod<'_>> {
    manifests.iter().filter_map(|manifest| {
        let (spec, field) = manifest.pod_spec()?;
        Some(Pod {
            manifest,
            spec,
            field,
        })
    })
}

impl<'a> Pod<'a> {
    /// Every container, in admission's order: init, regular, ephemeral.
    fn containers(&self) -> Vec<Container<'a>> {
        let lists = ["initContainers", "containers", "ephemeralContainers"];
        containers(self.spec, self.field, &lists)
            .into_iter()
            .map(|(field, spec)| Container {
                name: spec.get("name").and_then(Value::as_str).unwrap_or(""),
                spec,
                field,
            })
            .collect()
    }

    /// A setting of the pod's `securityContext`, by dotted path; Null if unset.
    fn security(&self, path: &str) -> &'a Value {
        security(self.spec, path)
    }

    /// The field path of a pod `securityContext` setting.
    fn security_field(&self, path: &str) -> String {
        format!("{}.securityContext.{path}", self.field)
    }

    /// Windows pods are exempt from the Linux-only controls (since v1.25).
    fn is_windows(&self) -> bool {
        at(self.spec, &["os", "name"]).as_str() == Some("windows")
    }
}

impl<'a> Container<'a> {
    /// A setting of the container's `securityContext`, by dotted path; Null if unset.
    fn security(&self, path: &str) -> &'a Value {
        security(self.spec, path)
    }

    /// The field path of a container `securityContext` setting.
    fn security_field(&self, path: &str) -> String {
        format!("{}.securityContext.{path}", self.field)
    }
}

fn security<'a>(spec: &'a Value, path: &str) -> &'a Value {
    let mut keys = vec!["securityContext"];
    keys.extend(path.split('.'));
    at(spec, &keys)
}

/// A scalar as YAML would show it, for messages: `false`, `'true'`.
fn show(value: &Value) -> String {
    serde_yaml::to_string(value)
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}
