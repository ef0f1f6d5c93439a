use serde_yaml::Value;

use crate::lint::manifest::{at, pod_template, JOB_TEMPLATE_METADATA};
use crate::lint::names::is_dns_label;
use crate::lint::{rule, Code, Manifest, Report};

use super::{key_field, named};

rule! {
    /// ## What it does
    /// Flags names and labels that Kubernetes rejects, or accepts and then
    /// fails on when a controller derives a longer name from them:
    ///
    /// | object | `metadata.name` |
    /// |---|---|
    /// | Service | DNS label starting with a letter (RFC 1035), at most 63 |
    /// | Namespace | DNS label (RFC 1123), at most 63 |
    /// | StatefulSet | DNS label, at most 52: its pods carry `<name>-<10-character hash>` in the `controller-revision-hash` label and use `<name>-<ordinal>` as host name |
    /// | CronJob | DNS subdomain, at most 52: its Jobs are named `<name>-<11 characters>` |
    /// | Job | DNS subdomain, at most 63: its pods carry the name in the `job-name` label |
    /// | Deployment, DaemonSet, ReplicaSet, Pod, ConfigMap, Secret, ServiceAccount, Ingress, PersistentVolumeClaim, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy, StorageClass, PriorityClass and a few other core kinds | DNS subdomain, at most 253 |
    ///
    /// A DNS label is lower-case letters, digits and `-`, alphanumeric at both
    /// ends; a DNS subdomain is such labels joined by `.`. Names of RBAC
    /// objects and custom resources are not checked.
    ///
    /// Labels are checked in `metadata.labels`, pod and job templates,
    /// volume claim templates and `matchLabels`/Service selectors: a value is
    /// a string of at most 63 letters, digits, `-`, `_` and `.`, alphanumeric
    /// at both ends (or empty); a key is an optional DNS-subdomain prefix and
    /// `/`, then a name of at most 63 such characters. Container names must be
    /// DNS labels, container port names at most 15 lower-case letters, digits
    /// and single `-`, with at least one letter.
    ///
    /// Helm release names are at most 53 characters, and names a chart builds
    /// from them (`<release>-<chart>-…`) must still fit: chartgen's own charts
    /// are checked with a 53-character release name. A chart whose templates
    /// fail with that name (a `fail` on `len .Release.Name`, say) where they
    /// render with `release-name` and the same values is reported too, at
    /// the template that failed.
    ///
    /// ## Why it matters
    /// An invalid name fails the install. Worse, a StatefulSet or CronJob name
    /// of 53 to 63 characters is accepted, and then no pod or Job is ever
    /// created: the controller's error shows only in events. A label value
    /// that is too long or a version like `1.0` left unquoted (a number, not a
    /// string) fails the install with a message about the object, not the
    /// value that caused it.
    ///
    /// ## Example
    /// ```yaml
    /// kind: StatefulSet
    /// metadata:
    ///   name: {{ include "db.fullname" . | trunc 52 | trimSuffix "-" }}
    ///   labels:
    ///     app.kubernetes.io/version: "1.10"   # quoted: 1.10 would be the number 1.1
    /// ```
    RULE = Code::NAME_LIMITS, "name-limits", Error, check
}

/// The syntax of an object name.
#[derive(Clone, Copy)]
enum Syntax {
    /// RFC 1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
    Label,
    /// RFC 1035 label: an RFC 1123 label that starts with a letter.
    Label1035,
    /// RFC 1123 subdomain: labels joined by `.`.
    Subdomain,
}

/// The syntax, maximum length and reason for a maximum below the syntax's own.
fn limits(kind: &str) -> Option<(Syntax, usize, &'static str)> {
    Some(match kind {
        "Service" => (Syntax::Label1035, 63, ""),
        "Namespace" => (Syntax::Label, 63, ""),
        "StatefulSet" => (
            Syntax::Label,
            52,
            " (its pods' controller-revision-hash label adds 11)",
        ),
        "CronJob" => (Syntax::Subdomain, 52, " (its Jobs' names add 11)"),
        "Job" => (
            Syntax::Subdomain,
            63,
            " (its pods carry it in the job-name label)",
        ),
        "Deployment"
        | "DaemonSet"
        | "ReplicaSet"
        | "Pod"
        | "PodTemplate"
        | "ConfigMap"
        | "Secret"
        | "ServiceAccount"
        | "Ingress"
        | "IngressClass"
        | "PersistentVolumeClaim"
        | "PersistentVolume"
        | "StorageClass"
        | "PodDisruptionBudget"
        | "HorizontalPodAutoscaler"
        | "NetworkPolicy"
        | "PriorityClass"
        | "ResourceQuota"
        | "LimitRange"
        | "EndpointSlice"
        | "Lease"
        | "RuntimeClass"
        | "ValidatingWebhookConfiguration"
        | "MutatingWebhookConfiguration" => (Syntax::Subdomain, 253, ""),
        _ => return None,
    })
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        check_name(m, report);
        for (path, field) in label_maps(m) {
            check_labels(m, m.at(&path), &field, report);
        }
        let claims = m.at(&["spec", "volumeClaimTemplates"]).as_sequence();
        for (i, claim) in claims.into_iter().flatten().enumerate() {
            let field = format!("spec.volumeClaimTemplates[{i}].metadata.labels");
            check_labels(m, at(claim, &["metadata", "labels"]), &field, report);
        }
        for (field, container) in m.containers() {
            check_container(m, &field, container, report);
        }
    }
}

fn check_name(m: &Manifest, report: &mut Report) {
    let Some((syntax, max, why)) = limits(m.kind()) else {
        return;
    };
    let name = m.name();
    if name.is_empty() {
        return;
    }
    let kind = m.kind();
    let hint = format!(
        "shorten it: in a chart, `trunc {max} | trimSuffix \"-\"` the name, or set a shorter fullnameOverride"
    );
    if name.len() > max {
        report.object(
            m,
            "metadata.name",
            format!(
                "{} name is {} characters; a {kind} name may have at most {max}{why}",
                named(m),
                name.len()
            ),
            hint,
        );
    }
    let (valid, what) = match syntax {
        Syntax::Label => (
            label_chars(name),
            "a DNS label (lower-case letters, digits and `-`)",
        ),
        Syntax::Label1035 => (
            label_chars(name) && name.starts_with(|c: char| c.is_ascii_lowercase()),
            "a DNS label starting with a letter (lower-case letters, digits and `-`)",
        ),
        Syntax::Subdomain => (
            name.split('.').all(label_chars),
            "a DNS subdomain (lower-case letters, digits, `-` and `.`)",
        ),
    };
    if !valid {
        report.object(
            m,
            "metadata.name",
            format!("{} name is not {what}", named(m)),
            "use lower-case letters, digits and `-` (and `.` where the kind allows it), \
             alphanumeric at both ends",
        );
    }
}

/// Every label map of an object, with its path and field.
fn label_maps(m: &Manifest) -> Vec<(Vec<&'static str>, String)> {
    let mut maps = vec![(vec!["metadata", "labels"], "metadata.labels".to_owned())];
    let kind = m.kind();
    // A Pod's template is the Pod itself, whose labels are listed already.
    let template = pod_template(kind).filter(|_| kind != "Pod");
    let jobs = (kind == "CronJob").then_some(JOB_TEMPLATE_METADATA);
    for (path, field) in jobs.into_iter().chain(template.map(|t| t.metadata)) {
        let mut path = path.to_vec();
        path.push("labels");
        maps.push((path, format!("{field}.labels")));
    }
    if matches!(
        kind,
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "PodDisruptionBudget"
    ) {
        maps.push((
            vec!["spec", "selector", "matchLabels"],
            "spec.selector.matchLabels".to_owned(),
        ));
    }
    if kind == "Service" {
        maps.push((vec!["spec", "selector"], "spec.selector".to_owned()));
    }
    maps
}

fn check_labels(m: &Manifest, labels: &Value, base: &str, report: &mut Report) {
    for (key, value) in labels.as_mapping().into_iter().flatten() {
        let Some(key) = key.as_str() else { continue };
        let field = key_field(base, key);
        if let Some(problem) = key_problem(key) {
            report.object(
                m,
                &field,
                format!("{} label key `{key}` {problem}", named(m)),
                "a label key is an optional DNS-subdomain prefix and `/`, then at most 63 \
                 letters, digits, `-`, `_` and `.`, alphanumeric at both ends",
            );
        }
        let (problem, hint) = match value {
            Value::String(v) if v.len() > 63 => (
                format!(
                    "value is {} characters; a label value may have at most 63",
                    v.len()
                ),
                "shorten it (in a chart: `trunc 63 | trimSuffix \"-\"`)",
            ),
            Value::String(v) if !label_value(v) => (
                format!("value `{v}` is not a valid label value"),
                "use only letters, digits, `-`, `_` and `.`, alphanumeric at both ends \
                 (e.g. `+` in a version becomes `_`)",
            ),
            Value::Number(n) => (
                format!("value {n} is a number, not a string"),
                "quote it: label values are strings only (and unquoted, `1.10` is the number 1.1)",
            ),
            Value::Bool(b) => (
                format!("value {b} is a boolean, not a string"),
                "quote it: label values are strings only",
            ),
            _ => continue,
        };
        report.object(
            m,
            &field,
            format!("{} label `{key}` {problem}", named(m)),
            hint,
        );
    }
}

fn check_container(m: &Manifest, field: &str, container: &Value, report: &mut Report) {
    let name = at(container, &["name"]).as_str().unwrap_or("");
    if !name.is_empty() && !is_dns_label(name, 63) {
        report.object(
            m,
            &format!("{field}.name"),
            format!(
                "{} container name `{name}` is not a DNS label of at most 63 characters",
                named(m)
            ),
            "use at most 63 lower-case letters, digits and `-`, alphanumeric at both ends",
        );
    }
    let ports = at(container, &["ports"]).as_sequence();
    for (i, port) in ports.into_iter().flatten().enumerate() {
        let Some(port_name) = at(port, &["name"]).as_str() else {
            continue;
        };
        if !port_name_valid(port_name) {
            report.object(
                m,
                &format!("{field}.ports[{i}].name"),
                format!(
                    "{} container `{name}` port name `{port_name}` is not at most 15 \
                     lower-case letters, digits and single `-`, with a letter",
                    named(m)
                ),
                "shorten it, e.g. `http`, `metrics`, `grpc-admin`; Services can target it by name",
            );
        }
    }
}

/// An RFC 1123 subdomain, as the API checks it: labels joined by `.`, at
/// most 253 in all (the API sets no limit per label here).
fn dns_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(label_chars)
}

/// The characters of an RFC 1123 label, whatever its length.
fn label_chars(s: &str) -> bool {
    is_dns_label(s, usize::MAX)
}

/// A label value's characters: empty, or letters, digits, `-`, `_` and `.`,
/// alphanumeric at both ends (length is checked apart).
fn label_value(s: &str) -> bool {
    s.is_empty()
        || (s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// What is wrong with a label key, if anything.
fn key_problem(key: &str) -> Option<&'static str> {
    let (prefix, name) = match key.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix {
        if !dns_subdomain(prefix) {
            return Some("has a prefix that is not a DNS subdomain");
        }
    }
    if name.is_empty() || name.len() > 63 {
        return Some("has a name part that is empty or over 63 characters");
    }
    if !label_value(name) {
        return Some("has characters a label key may not have");
    }
    None
}

/// An IANA service name, as a container port name must be: 1 to 15
/// lower-case letters, digits and `-`, with a letter, no `-` at either end
/// and no `--`.
fn port_name_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 15
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.chars().any(|c| c.is_ascii_lowercase())
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}
