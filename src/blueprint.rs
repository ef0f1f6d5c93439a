//! Blueprints: folders of minijinja templates plus a manifest, embedded in
//! the binary and optionally overlaid by a team's own `--blueprints DIR`.
//!
//! Layout: `<name>/blueprint.yaml` and `<name>/chart/…` mirroring the chart
//! (a `.j2` file is rendered and loses the suffix; any other file is copied);
//! `_shared/chart/…` holds files several blueprints use.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_blueprints.rs"));
}

/// The folder of files shared between blueprints.
pub const SHARED: &str = "_shared";

/// A set of blueprint files, keyed by their path under the blueprints root.
#[derive(Debug, Clone)]
pub struct Blueprints {
    files: BTreeMap<String, Cow<'static, str>>,
    /// The `--blueprints DIR` laid over the built-in ones, if any.
    custom: Option<PathBuf>,
}

/// A blueprint's `blueprint.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlueprintManifest {
    /// The blueprint's name, equal to its folder name.
    pub name: String,
    /// One line on what it builds.
    pub description: String,
    /// `app.kubernetes.io/component` of its pods (part of their selector).
    pub component: String,
    /// Kind of its main workload, e.g. `Deployment`.
    pub workload: WorkloadKind,
    /// Name of the serving port (at most 15 characters), e.g. `http`.
    #[serde(default = "default_port_name", rename = "portName")]
    pub port_name: String,
    /// What the serving port speaks, `http` or `tcp`: decides probes and the test.
    #[serde(default)]
    pub protocol: Protocol,
    /// Helm values this blueprint sets differently from chartgen's defaults,
    /// merged over them key by key (e.g. tolerations for a node agent).
    #[serde(default = "empty_object", rename = "valueDefaults")]
    pub value_defaults: serde_json::Value,
    /// The top-level Helm values keys its templates read.
    pub values: Vec<String>,
    /// Leave the image tag empty in values.yaml so it follows the chart's
    /// `appVersion` (admin processes tagged like the application).
    #[serde(default, rename = "tagFromAppVersion")]
    pub tag_from_app_version: bool,
    /// `chartgen.yaml` keys this blueprint cannot do without, e.g. `schedule`.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Values for `chartgen.yaml` keys a file leaves unset.
    #[serde(default = "empty_object")]
    pub defaults: serde_json::Value,
    /// What `chartgen new` writes when no image is given: a working example
    /// service (image, command, probes) that runs under the restricted profile.
    #[serde(default = "empty_object")]
    pub example: serde_json::Value,
    /// Files from `_shared/chart/` it uses.
    #[serde(default)]
    pub shared: Vec<FileEntry>,
    /// Files from its own `chart/` folder.
    pub files: Vec<FileEntry>,
}

/// A file a blueprint emits, optionally only when an expression holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum FileEntry {
    /// Always emitted.
    Always(String),
    /// Emitted when `when` (a minijinja expression over the render context) is true.
    When {
        /// Path under `chart/`.
        path: String,
        /// The condition.
        when: String,
    },
}

fn default_port_name() -> String {
    "http".into()
}

/// The kind of a blueprint's main workload: the kinds chartgen's own
/// blueprints use, or any other a custom blueprint names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum WorkloadKind {
    /// Replicas that scale out (an autoscaler can target it).
    Deployment,
    /// Replicas with their own storage and names.
    StatefulSet,
    /// A pod per node.
    DaemonSet,
    /// Runs on a schedule, to completion.
    CronJob,
    /// Runs once, to completion.
    Job,
    /// A kind a custom blueprint names, passed to its templates as written.
    #[serde(untagged)]
    Other(String),
}

impl WorkloadKind {
    /// The kind as Kubernetes names it.
    pub fn as_str(&self) -> &str {
        match self {
            WorkloadKind::Deployment => "Deployment",
            WorkloadKind::StatefulSet => "StatefulSet",
            WorkloadKind::DaemonSet => "DaemonSet",
            WorkloadKind::CronJob => "CronJob",
            WorkloadKind::Job => "Job",
            WorkloadKind::Other(kind) => kind,
        }
    }

    /// Whether its pods run to completion rather than keep serving.
    pub fn runs_to_completion(&self) -> bool {
        matches!(self, WorkloadKind::CronJob | WorkloadKind::Job)
    }
}

impl Protocol {
    /// The name, as `blueprint.yaml` writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Protocol::Http => "http",
            Protocol::Tcp => "tcp",
            Protocol::Other(name) => name,
        }
    }
}

impl std::fmt::Display for WorkloadKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a blueprint's serving port speaks: decides probes and the test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// HTTP: probed and tested with requests.
    #[default]
    Http,
    /// Plain TCP: probed and tested by connecting.
    Tcp,
    /// A protocol a custom blueprint names, passed to its templates as written.
    #[serde(untagged)]
    Other(String),
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(Default::default())
}

impl FileEntry {
    /// Path under the blueprint's (or `_shared`'s) `chart/` folder.
    pub fn path(&self) -> &str {
        match self {
            FileEntry::Always(p) | FileEntry::When { path: p, .. } => p,
        }
    }
    /// The condition, if any.
    pub fn when(&self) -> Option<&str> {
        match self {
            FileEntry::Always(_) => None,
            FileEntry::When { when, .. } => Some(when),
        }
    }
}

impl Blueprints {
    /// The blueprints built into chartgen.
    pub fn embedded() -> Self {
        Blueprints {
            files: embedded::FILES
                .iter()
                .map(|(path, text)| ((*path).to_owned(), Cow::Borrowed(*text)))
                .collect(),
            custom: None,
        }
    }

    /// The built-in blueprints with `dir`'s files laid over them: a team's
    /// blueprint adds to or replaces a built-in one, and may rely on `_shared`.
    pub fn with_dir(dir: &Path) -> Result<Self> {
        let mut set = Self::embedded();
        set.custom = Some(dir.to_owned());
        let mut found = Vec::new();
        collect(dir, &mut found)?;
        if !found
            .iter()
            .any(|(rel, _)| rel.ends_with("/blueprint.yaml"))
        {
            return Err(Error::Usage(format!(
                "`{}` holds no blueprint: expected `<name>/blueprint.yaml`",
                dir.display()
            )));
        }
        // A replaced blueprint must not keep stray built-in files.
        for (rel, _) in &found {
            if let Some(name) = rel.strip_suffix("/blueprint.yaml") {
                let prefix = format!("{name}/");
                set.files.retain(|k, _| !k.starts_with(&prefix));
            }
        }
        for (rel, path) in found {
            let text =
                std::fs::read_to_string(&path).map_err(|e| Error::io("cannot read", &path, e))?;
            set.files.insert(rel, Cow::Owned(text));
        }
        Ok(set)
    }

    /// All files, by path under the blueprints root.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_ref()))
    }

    /// One file's text, by path under the blueprints root.
    pub fn file(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|t| t.as_ref())
    }

    /// The blueprint names there are.
    pub fn names(&self) -> Vec<&str> {
        self.files
            .keys()
            .filter_map(|k| k.strip_suffix("/blueprint.yaml"))
            .filter(|n| !n.contains('/') && *n != SHARED)
            .collect()
    }

    /// The manifest of blueprint `name`.
    pub fn manifest(&self, name: &str) -> Result<BlueprintManifest> {
        let file = format!("{name}/blueprint.yaml");
        let text = self.files.get(&file).ok_or_else(|| self.unknown(name))?;
        let manifest: BlueprintManifest =
            serde_yaml::from_str(text).map_err(|e| Error::Blueprint {
                file: file.clone(),
                line: e.location().map(|l| l.line()),
                message: e.to_string(),
            })?;
        if manifest.name != name {
            return Err(Error::Blueprint {
                file,
                line: None,
                message: format!(
                    "`name: {}` must equal the folder name `{name}`",
                    manifest.name
                ),
            });
        }
        Ok(manifest)
    }

    /// The error for a blueprint `name` that is not in the set: the closest
    /// name, the names there are, and where a team's own blueprints come from.
    fn unknown(&self, name: &str) -> Error {
        let names = self.names();
        let mut hint = match crate::keys::closest(name, &names) {
            Some(near) => format!("did you mean `{near}`? "),
            None => String::new(),
        };
        hint.push_str(&format!("available blueprints: {}", names.join(", ")));
        match &self.custom {
            None => hint.push_str(&format!(
                "; if `{name}` is your team's own blueprint, pass `--blueprints DIR`, the folder \
                 that holds `{name}/blueprint.yaml`"
            )),
            Some(dir) => hint.push_str(&format!(
                "; `{}` has no `{name}/blueprint.yaml`",
                dir.display()
            )),
        }
        Error::UnknownBlueprint {
            name: name.to_owned(),
            hint,
        }
    }
}

fn collect(root: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    for (rel, path, kind) in crate::chart::entries_under(root)? {
        if kind.is_file() {
            let rel = rel
                .to_str()
                .ok_or_else(|| Error::Usage(format!("`{}`: not a UTF-8 path", path.display())))?;
            out.push((rel.replace('\\', "/"), path));
        }
    }
    Ok(())
}
