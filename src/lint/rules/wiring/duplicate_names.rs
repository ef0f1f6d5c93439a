use std::collections::HashMap;

use crate::lint::manifest::at;
use crate::lint::{rule, Code, Manifest, Report};

use super::named;

rule! {
    /// ## What it does
    /// Flags two objects of one kind (API group and kind, whatever the
    /// version) and namespace that share a name, and an object that another
    /// one makes for itself under a name the stream already uses: the Secret
    /// an ExternalSecret (`spec.target.name`, else its own name), a
    /// SealedSecret (its own name), a cert-manager Certificate
    /// (`spec.secretName`) or a Vault Secrets Operator secret
    /// (`spec.destination.name`) writes. In a chart's render, an object
    /// without a namespace is in the release's; in manifests given as they
    /// are, it clashes with one of its name in any namespace, as it lands in
    /// whichever it is applied to. Cluster-wide kinds share one space. Helm
    /// hooks count like any other object, whatever their events.
    ///
    /// ## Why it matters
    /// Kubernetes names an object by kind, namespace and name. Two of a kind
    /// under one name are one object: `helm install` fails with "already
    /// exists", or, where it applies one over the other, the second silently
    /// replaces the first, and a workload reads the wrong settings. A hook
    /// that shares a release object's name only at events where the other
    /// does not exist is safe under the Helm CLI alone: Argo CD renders the
    /// chart with `helm template`, keeps the last of two same-named objects,
    /// and runs the hook on every sync, deleting the object it replaced.
    /// Names built from the release name collide when a long release name
    /// cuts off the suffix that told them apart (`<release>-db` and
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
    RULE = Code::DUPLICATE_NAMES, "duplicate-names", Error, check
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
    /// Its namespace: its own, else the release's; `None` for a
    /// cluster-wide kind, or where it is not known (manifests as given).
    namespace: Option<&'a str>,
    name: &'a str,
    /// The field of `manifest` that names it.
    field: &'static str,
    /// Whether `manifest` makes it, rather than being it, and why it has
    /// the name it has when that is not plain from `field`.
    made: Option<&'static str>,
}

impl Named<'_> {
    /// Whether two objects of one group, kind and name are one to
    /// Kubernetes: in one namespace, or one of them in any (it has none, and
    /// lands wherever it is applied).
    fn meets(&self, other: &Named) -> bool {
        self.namespace == other.namespace || self.namespace.is_none() || other.namespace.is_none()
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

/// The Secret an object writes, the field naming it, and why that field
/// when it is the object's own name.
fn secret_made_by(m: &Manifest) -> Option<(&str, &'static str, &'static str)> {
    let name = || text(m, &["metadata", "name"]);
    let at = |path: &[&str], field| text(m, path).map(|n| (n, field, ""));
    match (group(m), m.kind()) {
        ("external-secrets.io", "ExternalSecret") => {
            at(&["spec", "target", "name"], "spec.target.name").or_else(|| {
                name().map(|n| {
                    (
                        n,
                        "metadata.name",
                        "its own name, as it has no spec.target.name",
                    )
                })
            })
        }
        ("bitnami.com", "SealedSecret") => at(
            &["spec", "template", "metadata", "name"],
            "spec.template.metadata.name",
        )
        .or_else(|| name().map(|n| (n, "metadata.name", "a SealedSecret's own name"))),
        ("cert-manager.io", "Certificate") => at(&["spec", "secretName"], "spec.secretName"),
        (
            "secrets.hashicorp.com",
            "VaultStaticSecret" | "VaultDynamicSecret" | "VaultPKISecret",
        ) => at(&["spec", "destination", "name"], "spec.destination.name"),
        _ => None,
    }
}

/// The namespace an object of `kind` is in: its own, else the release's
/// when known; none for a cluster-wide kind.
fn namespace<'a>(m: &'a Manifest, kind: &str) -> Option<&'a str> {
    if CLUSTER_WIDE.contains(&kind) {
        return None;
    }
    at(&m.doc, &["metadata", "namespace"])
        .as_str()
        .filter(|s| !s.is_empty())
        .or(m.release_namespace.as_deref())
}

fn check(manifests: &[Manifest], report: &mut Report) {
    let all = named_objects(manifests);
    // The objects of each group, kind and name so far: a stream of
    // thousands stays linear unless it repeats one name thousands of times.
    let mut seen: HashMap<(&str, &str, &str), Vec<&Named>> = HashMap::new();
    for later in &all {
        let earlier = seen
            .entry((later.group, later.kind, later.name))
            .or_default();
        let first = earlier
            .iter()
            .copied()
            .find(|first| !std::ptr::eq(first.manifest, later.manifest) && first.meets(later));
        earlier.push(later);
        let Some(first) = first else {
            continue;
        };
        // Report on the object that makes another, or on the second of two.
        let (at, other) = if first.made.is_some() && later.made.is_none() {
            (first, later)
        } else {
            (later, first)
        };
        report.object(
            at.manifest,
            at.field,
            format!(
                "{}: one object to Kubernetes, so `helm install` fails with \"already \
                 exists\" or one replaces the other",
                clash(at, other)
            ),
            "give each its own name; when names are built from the release name, cut the base \
             first and add the suffix after (`{{ include \"x.fullname\" . | trunc 54 | trimSuffix \"-\" }}-headless`)",
        );
    }
}

/// Every named object of the stream, and each Secret an object makes.
fn named_objects(manifests: &[Manifest]) -> Vec<Named<'_>> {
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
            namespace: namespace(m, m.kind()),
            name,
            field: "metadata.name",
            made: None,
        });
        if let Some((secret, field, why)) = secret_made_by(m) {
            all.push(Named {
                manifest: m,
                group: "",
                kind: "Secret",
                namespace: namespace(m, "Secret"),
                name: secret,
                field,
                made: Some(why),
            });
        }
    }
    all
}

/// What `at` and `other` share: declared twice, or written by an object
/// and declared (or written) elsewhere too, with the namespaces they land in.
fn clash(at: &Named, other: &Named) -> String {
    let place = format!("{}:{}", other.manifest.file, other.manifest.line);
    let ns = match (at.namespace, other.namespace) {
        (Some(a), Some(b)) if a == b => format!(" in namespace `{a}`"),
        (Some(ns), None) | (None, Some(ns)) => {
            format!(" in namespace `{ns}` and without one, which lands wherever it is applied")
        }
        _ => String::new(),
    };
    let why = match at.made {
        Some(why) if !why.is_empty() => format!(" ({why})"),
        _ => String::new(),
    };
    match (at.made.is_some(), other.made.is_some()) {
        (false, _) => format!(
            "{} is declared twice{ns} (also at {place})",
            named(at.manifest)
        ),
        (true, false) => format!(
            "{} writes the {} `{}`{why}{ns}, which is declared as well (at {place})",
            named(at.manifest),
            at.kind,
            at.name
        ),
        (true, true) => format!(
            "{} writes the {} `{}`{why}{ns}, which {} writes as well (at {place})",
            named(at.manifest),
            at.kind,
            at.name,
            named(other.manifest)
        ),
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
            release_namespace: None,
        };
        assert_eq!(group(&m("v1")), "");
        assert_eq!(group(&m("apps/v1")), "apps");
        assert_eq!(
            group(&m("external-secrets.io/v1beta1")),
            "external-secrets.io"
        );
    }

    /// CG030's findings on `docs`, rendered for a release in `release`
    /// (`None`: manifests as given).
    fn clashes(docs: &[&str], release: Option<&str>) -> Vec<crate::lint::Finding> {
        let manifests: Vec<Manifest> = docs
            .iter()
            .enumerate()
            .map(|(i, doc)| Manifest {
                file: "-".into(),
                source: None,
                line: i + 1,
                doc: serde_yaml::from_str(doc).unwrap(),
                release_namespace: release.map(str::to_owned),
            })
            .collect();
        crate::lint::lint(&manifests, &Default::default())
            .into_iter()
            .filter(|f| f.code == "CG030")
            .collect()
    }

    #[test]
    fn a_missing_namespace_is_the_release_s_in_a_chart_and_any_as_given() {
        let own = "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}}";
        let in_default =
            "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: default}}";
        let in_other = "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: other}}";
        assert_eq!(clashes(&[own, in_default], Some("default")).len(), 1);
        assert_eq!(clashes(&[own, in_other], Some("default")).len(), 0);
        let as_given = clashes(&[own, in_other], None);
        assert_eq!(as_given.len(), 1);
        assert!(
            as_given[0].message.contains("and without one"),
            "{as_given:?}"
        );
        assert_eq!(clashes(&[in_default, in_other], None).len(), 0);
    }

    #[test]
    fn a_hook_clashes_like_any_object() {
        let hook = "{apiVersion: v1, kind: ServiceAccount, metadata: {name: sa, annotations: {helm.sh/hook: 'pre-install,post-delete', helm.sh/hook-delete-policy: 'before-hook-creation,hook-succeeded'}}}";
        let own = "{apiVersion: v1, kind: ServiceAccount, metadata: {name: sa}}";
        assert_eq!(clashes(&[own, hook], Some("apps")).len(), 1);
    }

    #[test]
    fn a_secret_named_after_its_maker_says_why_in_the_message() {
        let secret = "{apiVersion: v1, kind: Secret, metadata: {name: pay}}";
        let external = "{apiVersion: external-secrets.io/v1, kind: ExternalSecret, metadata: {name: pay}, spec: {}}";
        let found = clashes(&[secret, external], None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "metadata.name");
        assert!(
            found[0].message.contains("no spec.target.name"),
            "{found:?}"
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
            release_namespace: None,
        };
        assert_eq!(text(&m, &["metadata", "name"]), None);
    }
}
