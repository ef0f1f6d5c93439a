use crate::lint::manifest::{pod_template, Path, JOB_TEMPLATE_METADATA};
use crate::lint::{rule, Code, Manifest, Report};

use super::{key_field, named};

rule! {
    /// ## What it does
    /// Flags a `helm.sh/hook`, `helm.sh/hook-weight` or
    /// `helm.sh/hook-delete-policy` annotation written on a template inside an
    /// object, where Helm never looks: a pod template
    /// (`spec.template.metadata.annotations`), or a CronJob's job template
    /// (`spec.jobTemplate.metadata.annotations`) or its pod template
    /// (`spec.jobTemplate.spec.template.metadata.annotations`). A copy of an
    /// annotation the object itself also carries is not flagged.
    ///
    /// ## Why it matters
    /// Helm reads hook annotations only from the object's own
    /// `metadata.annotations`. Written one level down, the Job is installed as
    /// an ordinary resource: a database migration meant to run `pre-upgrade`
    /// runs beside the new pods instead of before them, is not run again on
    /// the next upgrade (which fails outright when the Job's image changed: a
    /// Job's pod template is immutable), and is never cleaned up.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Job
    /// metadata:
    ///   annotations:
    ///     helm.sh/hook: pre-install,pre-upgrade   # here Helm reads it
    /// spec:
    ///   template:
    ///     metadata:
    ///       annotations: {}                      # not here
    /// ```
    RULE = Code::HOOK_ON_POD_TEMPLATE, "hook-on-pod-template", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        // A Pod's template is the Pod itself, whose hooks Helm reads.
        let Some(template) = pod_template(m.kind()).filter(|_| m.kind() != "Pod") else {
            continue;
        };
        let jobs = (m.kind() == "CronJob").then_some(JOB_TEMPLATE_METADATA);
        let templates: Vec<Path> = jobs.into_iter().chain([template.metadata]).collect();
        let own = m.at(&["metadata", "annotations"]);
        for (path, field) in templates {
            let annotations = m.at(path).get("annotations").and_then(|a| a.as_mapping());
            for (key, _) in annotations.into_iter().flatten() {
                let Some(key) = key.as_str().filter(|k| k.starts_with("helm.sh/hook")) else {
                    continue;
                };
                if own.get(key).is_some() {
                    continue;
                }
                report.object(
                    m,
                    &key_field(&format!("{field}.annotations"), key),
                    format!(
                        "{} has `{key}` on its {}, where Helm ignores it",
                        named(m),
                        if field.ends_with("jobTemplate.metadata") {
                            "job template"
                        } else {
                            "pod template"
                        }
                    ),
                    format!(
                        "move `{key}` to the {}'s own metadata.annotations",
                        m.kind()
                    ),
                );
            }
        }
    }
}
