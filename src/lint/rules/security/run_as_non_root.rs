use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::{pods, show};

const HINT: &str = "set `runAsNonRoot: true` in the pod's securityContext (every container inherits it) and remove any `false`; the image must run as a non-zero UID";

rule! {
    /// ## What it does
    /// Flags a container that does not run with `runAsNonRoot: true`: the
    /// *Running as Non-root* control of the restricted Pod Security Standard.
    /// A container inherits the pod's `securityContext.runAsNonRoot` unless it
    /// sets its own. As in Pod Security admission, an explicit `false` fails
    /// wherever it is written, even on a pod whose containers all override it.
    ///
    /// ## Why it matters
    /// With `runAsNonRoot: true` the kubelet refuses to start a container whose
    /// user is root, so an image that forgot its `USER` line fails at once
    /// instead of running as root. Namespaces enforcing the restricted profile
    /// reject the pod without it.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   securityContext:
    ///     runAsNonRoot: true        # fine: every container inherits it
    ///   containers:
    ///     - name: app               # fine
    ///     - name: debug
    ///       securityContext:
    ///         runAsNonRoot: false   # flagged
    /// ```
    RULE = Code::RUN_AS_NON_ROOT, "run-as-non-root", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        let inherited = pod.security("runAsNonRoot");
        if !matches!(inherited, Value::Null | Value::Bool(true)) {
            report.object(
                pod.manifest,
                &pod.security_field("runAsNonRoot"),
                format!("pod sets runAsNonRoot: {}", show(inherited)),
                HINT,
            );
        }
        for c in pod.containers() {
            let message = match (c.security("runAsNonRoot"), inherited) {
                (Value::Bool(true), _) => continue,
                // A bad pod-level value is reported above, once.
                (Value::Null, Value::Null) => format!(
                    "neither container `{}` nor its pod sets runAsNonRoot: true",
                    c.name
                ),
                (Value::Null, _) => continue,
                (own, _) => format!("container `{}` sets runAsNonRoot: {}", c.name, show(own)),
            };
            report.object(
                pod.manifest,
                &c.security_field("runAsNonRoot"),
                message,
                HINT,
            );
        }
    }
}
