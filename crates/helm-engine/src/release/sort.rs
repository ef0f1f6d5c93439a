//! Sorting rendered files into manifests and hooks, in the order Helm
//! installs them: Helm's `pkg/release/v1/util/manifest_sorter.go` and
//! `kind_sorter.go`.

use std::collections::HashMap;

use super::manifest::{parse_head, split_manifests, SimpleHead};

/// The annotation that makes a document a hook.
pub const HOOK_ANNOTATION: &str = "helm.sh/hook";
/// The annotation that orders hooks of one event.
pub const HOOK_WEIGHT_ANNOTATION: &str = "helm.sh/hook-weight";
/// The annotation that says when a hook's resource is deleted.
pub const HOOK_DELETE_ANNOTATION: &str = "helm.sh/hook-delete-policy";

/// Helm's `InstallOrder`: kinds earlier in the list install first; kinds not
/// in it come last, alphabetically.
pub const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// When a hook runs (Helm's `HookEvent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookEvent {
    /// `pre-install`.
    PreInstall,
    /// `post-install`.
    PostInstall,
    /// `pre-delete`.
    PreDelete,
    /// `post-delete`.
    PostDelete,
    /// `pre-upgrade`.
    PreUpgrade,
    /// `post-upgrade`.
    PostUpgrade,
    /// `pre-rollback`.
    PreRollback,
    /// `post-rollback`.
    PostRollback,
    /// `test` (and Helm 2's `test-success`).
    Test,
}

impl HookEvent {
    /// The event an annotation value names (lowercased, trimmed), as Helm's
    /// `events` table reads it.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "pre-install" => HookEvent::PreInstall,
            "post-install" => HookEvent::PostInstall,
            "pre-delete" => HookEvent::PreDelete,
            "post-delete" => HookEvent::PostDelete,
            "pre-upgrade" => HookEvent::PreUpgrade,
            "post-upgrade" => HookEvent::PostUpgrade,
            "pre-rollback" => HookEvent::PreRollback,
            "post-rollback" => HookEvent::PostRollback,
            "test" | "test-success" => HookEvent::Test,
            _ => return None,
        })
    }
}

/// A document that is not a hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The file it was rendered from, e.g. `web/templates/service.yaml`.
    pub name: String,
    /// The document's text, as split.
    pub content: String,
    /// Its head.
    pub head: SimpleHead,
}

/// A document annotated `helm.sh/hook` with events Helm knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// `metadata.name`.
    pub name: String,
    /// `kind`.
    pub kind: String,
    /// The file it was rendered from.
    pub path: String,
    /// The document's text, as split.
    pub manifest: String,
    /// When it runs.
    pub events: Vec<HookEvent>,
    /// `helm.sh/hook-weight` as Go's `strconv.Atoi` reads it; 0 when it
    /// does not.
    pub weight: i64,
    /// `helm.sh/hook-delete-policy`, split, trimmed and lowercased.
    pub delete_policies: Vec<String>,
}

impl Hook {
    /// Whether it is a test (`helm template --skip-tests` leaves it out).
    pub fn is_test(&self) -> bool {
        self.events.contains(&HookEvent::Test)
    }
}

/// A rendered file whose document Helm cannot read the head of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortError {
    /// The file, e.g. `web/templates/job.yaml`.
    pub path: String,
    /// What the YAML and JSON readers said.
    pub message: String,
}

impl std::fmt::Display for SortError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "YAML parse error on {}: {}", self.path, self.message)
    }
}

/// Helm's `SortManifests`: the documents of `files` (path → rendered text,
/// NOTES.txt already removed) as hooks and manifests, each list in install
/// order. Files are taken in path order; partials (`_*`) and files that are
/// only whitespace are skipped; a document with unknown hook events is
/// dropped, as Helm drops it.
pub fn sort_manifests<'a>(
    files: impl IntoIterator<Item = (&'a String, &'a String)>,
) -> Result<(Vec<Hook>, Vec<Manifest>), SortError> {
    let mut files: Vec<(&String, &String)> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut hooks = Vec::new();
    let mut generic = Vec::new();
    for (path, content) in files {
        let base = path.rsplit('/').next().unwrap_or(path);
        if base.starts_with('_') || content.trim().is_empty() {
            continue;
        }
        for doc in split_manifests(content) {
            let head = parse_head(doc).map_err(|message| SortError {
                path: path.clone(),
                message,
            })?;
            let Some(kinds) = head.annotations().and_then(|a| a.get(HOOK_ANNOTATION)) else {
                generic.push(Manifest {
                    name: path.clone(),
                    content: doc.to_owned(),
                    head,
                });
                continue;
            };
            let Some(events) = kinds
                .split(',')
                .map(|e| HookEvent::parse(&e.trim().to_lowercase()))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let annotations = head.annotations().expect("a hook has annotations");
            let weight = annotations
                .get(HOOK_WEIGHT_ANNOTATION)
                .and_then(|w| atoi(w))
                .unwrap_or(0);
            let delete_policies = annotations
                .get(HOOK_DELETE_ANNOTATION)
                .map(|p| p.split(',').map(|p| p.trim().to_lowercase()).collect())
                .unwrap_or_default();
            hooks.push(Hook {
                name: head
                    .metadata
                    .as_ref()
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                kind: head.kind.clone(),
                path: path.clone(),
                manifest: doc.to_owned(),
                events,
                weight,
                delete_policies,
            });
        }
    }
    sort_by_kind(&mut hooks, |h| &h.kind);
    sort_by_kind(&mut generic, |m| &m.head.kind);
    Ok((hooks, generic))
}

/// Stable-sorts `items` by kind in [`INSTALL_ORDER`] (Helm's `lessByKind`).
pub fn sort_by_kind<T>(items: &mut [T], kind: impl Fn(&T) -> &str) {
    let order: HashMap<&str, usize> = INSTALL_ORDER
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i))
        .collect();
    items.sort_by(|a, b| {
        let (a, b) = (kind(a), kind(b));
        match (order.get(a), order.get(b)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(b),
        }
    });
}

/// Go's `strconv.Atoi`: an optional sign and decimal digits that fit 64 bits.
fn atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Rust's parser takes the same forms (sign, digits), and refuses
    // overflow as Go does.
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn sorts_by_kind_then_file_order() {
        let f = files(&[
            (
                "c/templates/a.yaml",
                "kind: Deployment\n---\nkind: Zed\n---\nkind: Alpha\n",
            ),
            (
                "c/templates/b.yaml",
                "kind: Service\n---\nkind: Deployment\nmetadata: {name: d2}\n",
            ),
            ("c/templates/_h.tpl", "kind: Namespace\n"),
            ("c/templates/empty.yaml", " \n"),
        ]);
        let (hooks, manifests) = sort_manifests(&f).unwrap();
        assert!(hooks.is_empty());
        let kinds: Vec<_> = manifests.iter().map(|m| m.head.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["Service", "Deployment", "Deployment", "Alpha", "Zed"]
        );
        assert_eq!(manifests[1].name, "c/templates/a.yaml");
        assert_eq!(manifests[2].name, "c/templates/b.yaml");
    }

    #[test]
    fn reads_hooks() {
        let f = files(&[(
            "c/templates/hooks.yaml",
            "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: Pre-Install, test-success\n    helm.sh/hook-weight: \"-5\"\n    helm.sh/hook-delete-policy: Hook-Succeeded,before-hook-creation\n\
             ---\nkind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install,crd-install\n\
             ---\nkind: Secret\nmetadata:\n  annotations:\n    helm.sh/hook: post-upgrade\n    helm.sh/hook-weight: x\n\
             ---\nkind: ConfigMap\nmetadata:\n  annotations:\n    other: z\n",
        )]);
        let (hooks, manifests) = sort_manifests(&f).unwrap();
        assert_eq!(manifests.len(), 1);
        assert_eq!(hooks.len(), 2, "the unknown hook type is dropped");
        assert_eq!(hooks[0].kind, "Secret");
        assert_eq!(hooks[0].weight, 0);
        assert_eq!(hooks[1].name, "j");
        assert_eq!(hooks[1].weight, -5);
        assert_eq!(hooks[1].events, [HookEvent::PreInstall, HookEvent::Test]);
        assert!(hooks[1].is_test());
        assert_eq!(
            hooks[1].delete_policies,
            ["hook-succeeded", "before-hook-creation"]
        );
    }

    #[test]
    fn refuses_unreadable_heads() {
        let f = files(&[("c/templates/x.yaml", "kind: [\n")]);
        let err = sort_manifests(&f).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("YAML parse error on c/templates/x.yaml: "));
    }

    #[test]
    fn atoi_as_go() {
        assert_eq!(atoi("12"), Some(12));
        assert_eq!(atoi("+3"), Some(3));
        assert_eq!(atoi("-0"), Some(0));
        assert_eq!(atoi(" 1"), None);
        assert_eq!(atoi("1.0"), None);
        assert_eq!(atoi("99999999999999999999"), None);
        assert_eq!(atoi("+-1"), None);
    }
}
