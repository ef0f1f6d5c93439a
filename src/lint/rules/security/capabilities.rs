use serde_yaml::Value;

use crate::lint::{and_list, rule, Code, Manifest, Report};

use super::pods;

rule! {
    /// ## What it does
    /// Flags a container whose `securityContext.capabilities.drop` does not
    /// list `ALL`, or whose `capabilities.add` lists anything but
    /// `NET_BIND_SERVICE`: the *Capabilities* control of the restricted Pod
    /// Security Standard. Admission compares names exactly, so `all` or
    /// `CAP_NET_BIND_SERVICE` do not count. Windows pods are exempt.
    ///
    /// ## Why it matters
    /// Containers start with a default set of Linux capabilities (`CHOWN`,
    /// `NET_RAW`, `SETUID`, …) that most programs never use and an attacker
    /// can. Dropping all of them and adding back only the right to bind a port
    /// below 1024 leaves nothing to abuse. Namespaces enforcing the restricted
    /// profile reject the pod otherwise.
    ///
    /// ## Example
    /// ```yaml
    /// capabilities:
    ///   add: [NET_ADMIN]            # flagged, and no drop: flagged
    /// capabilities:
    ///   drop: [ALL]
    ///   add: [NET_BIND_SERVICE]     # fine
    /// ```
    RULE = Code::CAPABILITIES, "capabilities", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for pod in pods(manifests).filter(|pod| !pod.is_windows()) {
        for c in pod.containers() {
            let drop = names(c.security("capabilities.drop"));
            if !drop.contains(&"ALL") {
                let message = match drop.iter().find(|cap| cap.eq_ignore_ascii_case("ALL")) {
                    Some(cap) => format!(
                        "container `{}` drops `{cap}`, but only upper-case `ALL` counts",
                        c.name
                    ),
                    None => format!("container `{}` does not drop ALL capabilities", c.name),
                };
                report.object(
                    pod.manifest,
                    &c.security_field("capabilities.drop"),
                    message,
                    "set `securityContext.capabilities.drop: [ALL]`",
                );
            }
            let added: Vec<String> = names(c.security("capabilities.add"))
                .into_iter()
                .filter(|cap| *cap != "NET_BIND_SERVICE")
                .map(|cap| format!("`{cap}`"))
                .collect();
            if !added.is_empty() {
                let added: Vec<&str> = added.iter().map(String::as_str).collect();
                report.object(
                    pod.manifest,
                    &c.security_field("capabilities.add"),
                    format!("container `{}` adds {}", c.name, and_list(&added)),
                    "keep only `NET_BIND_SERVICE` (no `CAP_` prefix) in `securityContext.capabilities.add`; the restricted profile allows no other",
                );
            }
        }
    }
}

/// The capability names of a list; anything else is no name.
fn names(list: &Value) -> Vec<&str> {
    list.as_sequence()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}
