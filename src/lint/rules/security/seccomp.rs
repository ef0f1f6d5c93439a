use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

const HINT: &str = "set `seccompProfile: { type: RuntimeDefault }` in the pod's securityContext (every container inherits it) and remove other types";

rule! {
    /// ## What it does
    /// Flags a container that does not run under a `RuntimeDefault` or
    /// `Localhost` seccomp profile: the *Seccomp* control of the restricted Pod
    /// Security Standard. A container inherits the pod's
    /// `securityContext.seccompProfile` unless it sets its own. As in Pod
    /// Security admission, any other type (`Unconfined`) fails wherever it is
    /// written, even on a pod whose containers all override it. Windows pods
    /// are exempt.
    ///
    /// ## Why it matters
    /// Without a seccomp profile a container may make every system call of the
    /// kernel, including the rarely used ones most kernel exploits go through.
    /// The runtime's default profile blocks those and nothing a normal program
    /// needs. Namespaces enforcing the restricted profile reject the pod
    /// without one.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   securityContext:
    ///     seccompProfile: { type: RuntimeDefault }  # fine: containers inherit it
    ///   containers:
    ///     - name: app                               # fine
    ///     - name: debug
    ///       securityContext:
    ///         seccompProfile: { type: Unconfined }  # flagged
    /// ```
    RULE = Code::SECCOMP, "seccomp", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests).filter(|pod| !pod.is_windows()) {
        let inherited = pod.security("seccompProfile");
        if let Some(kind) = bad_type(inherited) {
            report.object(
                pod.manifest,
                &pod.security_field("seccompProfile.type"),
                format!("pod sets seccompProfile type {kind}"),
                HINT,
            );
        }
        for c in pod.containers() {
            let own = c.security("seccompProfile");
            let message = match bad_type(own) {
                Some(kind) => format!("container `{}` sets seccompProfile type {kind}", c.name),
                // A bad pod-level type is reported above, once.
                None if own.is_null() && inherited.is_null() => format!(
                    "neither container `{}` nor its pod sets a seccompProfile",
                    c.name
                ),
                None => continue,
            };
            report.object(
                pod.manifest,
                &c.security_field("seccompProfile.type"),
                message,
                HINT,
            );
        }
    }
}

/// The type of a set profile that the restricted profile does not allow,
/// quoted for a message; None when unset or allowed.
fn bad_type(profile: &Value) -> Option<String> {
    if profile.is_null() {
        return None;
    }
    match profile.get("type").and_then(Value::as_str) {
        Some("RuntimeDefault" | "Localhost") => None,
        Some(kind) => Some(format!("`{kind}`")),
        None => Some("(none)".to_owned()),
    }
}
