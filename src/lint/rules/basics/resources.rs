use crate::lint::{rule, Code, Manifest, Report};

rule! {
    /// ## What it does
    /// Flags a container without a CPU request, a memory request, or a memory limit.
    ///
    /// ## Why it matters
    /// Without requests the scheduler packs pods blindly and they are evicted
    /// first under pressure; without a memory limit one leaking container can
    /// take a node's memory from every other pod.
    ///
    /// ## Example
    /// ```yaml
    /// resources:
    ///   requests: { cpu: 100m, memory: 128Mi }
    ///   limits: { memory: 128Mi }
    /// ```
    RULE = Code::RESOURCES, "resources", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        for (field, container) in m.containers() {
            let missing: Vec<&str> = [
                ("requests", "cpu"),
                ("requests", "memory"),
                ("limits", "memory"),
            ]
            .iter()
            .filter(|(kind, what)| {
                crate::lint::manifest::at(container, &["resources", kind, what]).is_null()
            })
            .map(|(kind, what)| match (*kind, *what) {
                ("requests", "cpu") => "a CPU request",
                ("requests", _) => "a memory request",
                _ => "a memory limit",
            })
            .collect();
            if !missing.is_empty() {
                report.object(
                    m,
                    &format!("{field}.resources"),
                    format!("container lacks {}", crate::lint::and_list(&missing)),
                    "set resources.requests.cpu, resources.requests.memory and resources.limits.memory",
                );
            }
        }
    }
}
