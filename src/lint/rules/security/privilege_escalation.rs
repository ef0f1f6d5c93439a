use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a container that does not set
    /// `securityContext.allowPrivilegeEscalation: false`: the *Privilege
    /// Escalation* control of the restricted Pod Security Standard. Windows
    /// pods (`spec.os.name: windows`) are exempt.
    ///
    /// ## Why it matters
    /// The setting defaults to true, so a setuid binary in the image (`su`,
    /// `sudo`, `ping` on some distributions) can gain privileges the container
    /// was never given. Namespaces enforcing the restricted profile reject the
    /// pod unless every container sets it to false.
    ///
    /// ## Example
    /// ```yaml
    /// securityContext: {}                          # flagged: defaults to true
    /// securityContext:
    ///   allowPrivilegeEscalation: false            # fine
    /// ```
    RULE = Code::PRIVILEGE_ESCALATION, "privilege-escalation", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests).filter(|pod| !pod.is_windows()) {
        for c in pod.containers() {
            let message = match c.security("allowPrivilegeEscalation") {
                Value::Bool(false) => continue,
                Value::Null => format!(
                    "container `{}` does not set allowPrivilegeEscalation: false (it defaults to true)",
                    c.name
                ),
                other => format!(
                    "container `{}` sets allowPrivilegeEscalation: {}",
                    c.name,
                    super::show(other)
                ),
            };
            report.object(
                pod.manifest,
                &c.security_field("allowPrivilegeEscalation"),
                message,
                "set `securityContext.allowPrivilegeEscalation: false` on the container",
            );
        }
    }
}
