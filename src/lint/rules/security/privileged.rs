use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a container, init container or ephemeral container with
    /// `securityContext.privileged: true`: the *Privileged Containers* control
    /// of the Pod Security Standards (baseline, so also restricted).
    ///
    /// ## Why it matters
    /// A privileged container has every capability and every device of the
    /// node, with no seccomp or AppArmor confinement: escaping to the node is
    /// one mount away. Namespaces enforcing the restricted (or baseline)
    /// profile reject the pod.
    ///
    /// ## Example
    /// ```yaml
    /// securityContext:
    ///   privileged: true   # flagged
    /// securityContext:
    ///   privileged: false  # fine, as is leaving it out
    /// ```
    RULE = Code::PRIVILEGED, "privileged", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests) {
        for c in pod.containers() {
            if c.security("privileged").as_bool() == Some(true) {
                report.object(
                    pod.manifest,
                    &c.security_field("privileged"),
                    format!("container `{}` runs privileged", c.name),
                    "remove `securityContext.privileged` or set it to false; the restricted profile allows no privileged container",
                );
            }
        }
    }
}
