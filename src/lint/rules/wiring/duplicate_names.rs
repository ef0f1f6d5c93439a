use std::collections::HashMap;

use crate::lint::manifest::at;
use crate::lint::{rule, Manifest, Report};

use super::named;

rule! {
    /// ## What it does
    /// Flags two objects of one kind (API group and kind, whatever the
    /// version) and namespace that share a name, and an object that another
    /// one makes for itself under a name the stream already uses: the Secret
    /// an ExternalSecret (`spec.target.name`, else its own name), a
    /// SealedSecret (its own name), a cert-manager Certificate
    /// (`spec.secretName`) or a Vault Secrets Operator secret
    /// (`spec.destination.name`) writes. Objects without a namespace are
    /// taken to share the release's; cluster-wide kinds share one space.
    /// A Helm hook made only at `pre-install` or `post-delete` and deleted
    /// once it succeeds may share the name of an object of the release: the
    /// two never exist at once. Two hooks clash when one event makes both.
    ///
    /// ## Why it matters
    /// Kubernetes names an object by kind, namespace and name. Two of a kind
    /// under one name are one object: `helm install` fails with "already
    /// exists", or, where it applies one over the other, the second silently
    /// replaces the first, and a workload reads the wrong settings. Names
    /// built from the release name collide when a long release name cuts off
    /// the suffix that told them apart (`<release>-db` and
    /// `<release>-db-headless` both cut to 63 characters); chartgen checks
    /// its own charts with a 53-character release name.
    ///
    /// ## Example
    /// ```yaml
    /// # Cut the full name first, then add the suffix, so it survives:
    /// name: {{ include "db.fullname" . | trunc 54 | trimSuffix "-" }}-headless
    /// # flagged: the Secret this ExternalSecret writes is the chart's own
    /// kind: ExternalSecret
    /// spec:
    ///   target:
    ///     name: {{ include "db.fullname" . }}
    /// ```
    RULE = "CG030", "duplicate-names", Error, check
}

/// Kinds that live outside namespaces, so their `metadata.namespace` is moot.
const CLUSTER_WIDE: &[&str] = &[
    "Namespace",
    "Node",
    "PersistentVolume",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "StorageClass",
    "PriorityClass",
    "IngressClass",
    "RuntimeClass",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "APIService",
    "ClusterIssuer",
    "ClusterSecretStore",
];

/// An object of the stream, or one an object of the stream makes.
struct Named<'a> {
    /// The object in the stream: the object itself, or the one making it.
    manifest: &'a Manifest,
    group: &'a str,
    kind: &'a str,
    namespace: Option<&'a str>,
    name: &'a str,
    /// The field of `manifest` that names it.
    field: &'static str,
}

impl<'a> Named<'a> {
    /// What Kubernetes knows the object by: group, kind, namespace (none
    /// for a cluster-wide kind) and name.
    fn identity(&self) -> (&'a str, &'a str, Option<&'a str>, &'a str) {
        let namespace = match CLUSTER_WIDE.contains(&self.kind) {
            true => None,
            false => self.namespace,
        };
        (self.group, self.kind, namespace, self.name)
    }

    fn made(&self) -> bool {
        self.field != "metadata.name"
    }
}

/// The API group of an `apiVersion`: `apps` of `apps/v1`, empty for `v1`.
fn group(manifest: &Manifest) -> &str {
    let version = manifest.at(&["apiVersion"]).as_str().unwrap_or("");
    version.rsplit_once('/').map_or("", |(group, _)| group)
}

fn text<'a>(manifest: &'a Manifest, path: &[&str]) -> Option<&'a str> {
    manifest.at(path).as_str().filter(|s| !s.is_empty())
}

/// The Secret an object writes, and the field naming it, if it writes one.
fn secret_made_by(m: &Manifest) -> Option<(&str, &'static str)> {
    let name = || text(m, &["metadata", "name"]);
    match (group(m), m.kind()) {
        ("external-secrets.io", "ExternalSecret") => match text(m, &["spec", "target", "name"]) {
            Some(target) => Some((target, "spec.target.name")),
            None => name().map(|n| (n, "metadata.name (no spec.target.name)")),
        },
        ("bitnami.com", "SealedSecret") => {
            match text(m, &["spec", "template", "metadata", "name"]) {
                Some(target) => Some((target, "spec.template.metadata.name")),
                None => name().map(|n| (n, "metadata.name (a SealedSecret's own name)")),
            }
        }
        ("cert-manager.io", "Certificate") => {
            text(m, &["spec", "secretName"]).map(|n| (n, "spec.secretName"))
        }
        (
            "secrets.hashicorp.com",
            "VaultStaticSecret" | "VaultDynamicSecret" | "VaultPKISecret",
        ) => text(m, &["spec", "destination", "name"]).map(|n| (n, "spec.destination.name")),
        _ => None,
    }
}

fn namespace(m: &Manifest) -> Option<&str> {
    at(&m.doc, &["metadata", "namespace"])
        .as_str()
        .filter(|s| !s.is_empty())
}

fn check(manifests: &[Manifest], report: &mut Report) {
    let mut all: Vec<Named> = Vec::new();
    for m in manifests {
        let Some(name) = text(m, &["metadata", "name"]) else {
            continue;
        };
        if m.kind().is_empty() {
            continue;
        }
        all.push(Named {
            manifest: m,
            group: group(m),
            kind: m.kind(),
            namespace: namespace(m),
            name,
            field: "metadata.name",
        });
        if let Some((secret, field)) = secret_made_by(m) {
            all.push(Named {
                manifest: m,
                group: "",
                kind: "Secret",
                namespace: namespace(m),
                name: secret,
                field,
            });
        }
    }
    // The objects of each identity so far: a stream of thousands stays
    // linear unless it repeats one name thousands of times.
    let mut seen: HashMap<(&str, &str, Option<&str>, &str), Vec<&Named>> = HashMap::new();
    for later in &all {
        let earlier = seen.entry(later.identity()).or_default();
        let first = earlier
            .iter()
            .copied()
            .find(|first| !std::ptr::eq(first.manifest, later.manifest) && coexist(first, later));
        earlier.push(later);
        let Some(first) = first else {
            continue;
        };
        // Report on the object that makes another, or on the second of two.
        let (at, other) = if first.made() && !later.made() {
            (first, later)
        } else {
            (later, first)
        };
        let field = at.field.split(' ').next().unwrap_or(at.field);
        let place = format!("{}:{}", other.manifest.file, other.manifest.line);
        let ns = match at.namespace {
            Some(ns) => format!(" in namespace `{ns}`"),
            None => String::new(),
        };
        let what = match (at.made(), other.made()) {
            (false, _) => format!(
                "{} is declared twice{ns} (also at {place})",
                named(at.manifest)
            ),
            (true, false) => format!(
                "{} writes the {} `{}`{ns}, which is declared as well (at {place})",
                named(at.manifest),
                at.kind,
                at.name
            ),
            (true, true) => format!(
                "{} writes the {} `{}`{ns}, which {} writes as well (at {place})",
                named(at.manifest),
                at.kind,
                at.name,
                named(other.manifest)
            ),
        };
        report.object(
            at.manifest,
            field,
            format!(
                "{what}: one object to Kubernetes, so `helm install` fails with \"already \
                 exists\" or one replaces the other"
            ),
            "give each its own name; when names are built from the release name, cut the base \
             first and add the suffix after (`{{ include \"x.fullname\" . | trunc 54 | trimSuffix \"-\" }}-headless`)",
        );
    }
}

/// The hook events that make `m` (empty for an object of the release), and
/// whether Helm deletes it once they succeed.
fn hook_events(m: &Manifest) -> (Vec<&str>, bool) {
    let annotation = |key: &str| {
        m.at(&["metadata", "annotations", key])
            .as_str()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let events = annotation("helm.sh/hook").collect();
    let deleted = annotation("helm.sh/hook-delete-policy").any(|p| p == "hook-succeeded");
    (events, deleted)
}

/// Whether two objects of one name can exist at the same time. A hook made
/// only before the release's objects exist (`pre-install`) or after they are
/// gone (`post-delete`), and deleted once it succeeds, shares its name with
/// a release object without a clash (a hook copy of a ServiceAccount the
/// release creates later); two hooks clash when an event makes both.
fn coexist(a: &Named, b: &Named) -> bool {
    let (a_events, a_deleted) = hook_events(a.manifest);
    let (b_events, b_deleted) = hook_events(b.manifest);
    let outside_release = |events: &[&str], deleted: bool| {
        deleted
            && !events.is_empty()
            && events
                .iter()
                .all(|e| matches!(*e, "pre-install" | "post-delete"))
    };
    match (a_events.is_empty(), b_events.is_empty()) {
        (true, true) => true,
        (false, true) => !outside_release(&a_events, a_deleted),
        (true, false) => !outside_release(&b_events, b_deleted),
        (false, false) => a_events.iter().any(|e| b_events.contains(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_api_versions() {
        let m = |v: &str| Manifest {
            file: "-".into(),
            source: None,
            line: 1,
            doc: serde_yaml::from_str(&format!("apiVersion: {v}\nkind: X\n")).unwrap(),
        };
        assert_eq!(group(&m("v1")), "");
        assert_eq!(group(&m("apps/v1")), "apps");
        assert_eq!(
            group(&m("external-secrets.io/v1beta1")),
            "external-secrets.io"
        );
    }

    #[test]
    fn only_text_names_count() {
        let doc = serde_yaml::from_str("kind: Secret\nmetadata: { name: 5 }").unwrap();
        let m = Manifest {
            file: "-".into(),
            source: None,
            line: 1,
            doc,
        };
        assert_eq!(text(&m, &["metadata", "name"]), None);
    }
}
