//! Rendered manifests as lint rules see them.

use serde_yaml::Value;

use crate::error::{EngineError, Error, Location, Result};
use crate::yaml::only_comments;

/// The annotation that silences rules on one object:
/// `chartgen.dev/lint-ignore: "CG004: the agent needs the host's log folder"`.
pub const IGNORE_ANNOTATION: &str = "chartgen.dev/lint-ignore";

/// One Kubernetes object from a manifest stream.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The file it came from (`-` for standard input).
    pub file: String,
    /// The template that rendered it, from a `# Source:` comment of `helm template`.
    pub source: Option<String>,
    /// 1-based line where the document starts.
    pub line: usize,
    /// The object.
    pub doc: Value,
    /// The namespace an object without `metadata.namespace` is installed
    /// into, when known: a chart's render has its release's; `None` for
    /// manifests given as they are, which land wherever they are applied.
    pub release_namespace: Option<String>,
}

impl Manifest {
    /// `kind`.
    pub fn kind(&self) -> &str {
        self.doc.get("kind").and_then(Value::as_str).unwrap_or("")
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.at(&["metadata", "name"]).as_str().unwrap_or("")
    }

    /// `Kind/name`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.kind(), self.name())
    }

    /// The value at a key path, or Null.
    pub fn at(&self, path: &[&str]) -> &Value {
        at(&self.doc, path)
    }

    /// The pod spec this object creates pods from, and its field path.
    pub fn pod_spec(&self) -> Option<(&Value, &'static str)> {
        let (path, field) = pod_template(self.kind())?.spec;
        Some((self.at(path), field)).filter(|(spec, _)| spec.is_mapping())
    }

    /// The `metadata` of the pods this object creates (its own for a Pod),
    /// and its field path.
    pub fn pod_metadata(&self) -> Option<(&Value, &'static str)> {
        let (path, field) = pod_template(self.kind())?.metadata;
        Some((self.at(path), field))
    }

    /// The containers and init containers of its pods, with field paths.
    pub fn containers(&self) -> Vec<(String, &Value)> {
        let Some((spec, base)) = self.pod_spec() else {
            return Vec::new();
        };
        containers(spec, base, &["initContainers", "containers"])
    }

    /// Whether the object's ignore annotation names `code`.
    pub fn ignores(&self, code: &str) -> bool {
        self.at(&["metadata", "annotations", IGNORE_ANNOTATION])
            .as_str()
            .is_some_and(|text| {
                text.split([',', ' ', ':'])
                    .any(|word| word.eq_ignore_ascii_case(code))
            })
    }
}

/// A key path in an object, and the same path as a field path.
pub type Path = (&'static [&'static str], &'static str);

/// Where an object of a kind that creates pods keeps its pod template.
pub struct PodTemplatePaths {
    /// The template's `metadata`.
    pub metadata: Path,
    /// The template's `spec`, the pod spec.
    pub spec: Path,
}

/// The `metadata` of a CronJob's Jobs.
pub const JOB_TEMPLATE_METADATA: Path = (
    &["spec", "jobTemplate", "metadata"],
    "spec.jobTemplate.metadata",
);

/// Where objects of `kind` keep their pod template: the one table of the
/// kinds that create pods.
pub fn pod_template(kind: &str) -> Option<PodTemplatePaths> {
    Some(match kind {
        "Pod" => PodTemplatePaths {
            metadata: (&["metadata"], "metadata"),
            spec: (&["spec"], "spec"),
        },
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" => PodTemplatePaths {
            metadata: (&["spec", "template", "metadata"], "spec.template.metadata"),
            spec: (&["spec", "template", "spec"], "spec.template.spec"),
        },
        "CronJob" => PodTemplatePaths {
            metadata: (
                &["spec", "jobTemplate", "spec", "template", "metadata"],
                "spec.jobTemplate.spec.template.metadata",
            ),
            spec: (
                &["spec", "jobTemplate", "spec", "template", "spec"],
                "spec.jobTemplate.spec.template.spec",
            ),
        },
        _ => return None,
    })
}

/// The containers of the pod spec `spec` at field path `base`, from each
/// of `lists` in turn (`initContainers`, `containers`,
/// `ephemeralContainers`), with their field paths.
pub fn containers<'a>(spec: &'a Value, base: &str, lists: &[&str]) -> Vec<(String, &'a Value)> {
    lists
        .iter()
        .flat_map(|list| {
            at(spec, &[list])
                .as_sequence()
                .into_iter()
                .flatten()
                .enumerate()
                .map(move |(i, c)| (format!("{base}.{list}[{i}]"), c))
        })
        .collect()
}

/// The value at a key path, or Null.
pub fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    static NULL: Value = Value::Null;
    path.iter()
        .try_fold(value, |node, key| node.get(*key))
        .unwrap_or(&NULL)
}

/// Splits a manifest stream (`helm template` output, or a file of objects)
/// into objects, remembering where each came from. Documents that are not
/// mappings are skipped.
pub fn parse_manifests(file: &str, text: &str) -> Result<Vec<Manifest>> {
    Ok(documents(file, text)?
        .into_iter()
        .filter(|m| m.doc.is_mapping())
        .collect())
}

/// Splits a manifest stream someone gave to be linted: every document must
/// be a Kubernetes object (a mapping with `apiVersion` and `kind`), and there
/// must be at least one.
pub fn parse_objects(file: &str, text: &str) -> Result<Vec<Manifest>> {
    let documents = documents(file, text)?;
    let at = |line: usize| Location {
        file: file.to_owned(),
        line: Some(line),
        column: Some(1),
    };
    for m in &documents {
        let missing: Vec<&str> = ["apiVersion", "kind"]
            .into_iter()
            .filter(|key| !m.doc.get(*key).is_some_and(Value::is_string))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let what = match &m.doc {
            Value::Mapping(_) => format!("a mapping without `{}`", missing.join("` and `")),
            Value::Sequence(_) => "a list".to_owned(),
            _ => "a scalar".to_owned(),
        };
        return Err(EngineError::Input {
            location: Some(at(m.line)),
            key: None,
            message: format!("this document is {what}, not a Kubernetes object"),
            hint: Some(
                "lint Kubernetes objects, each with `apiVersion:` and `kind:`, e.g. \
                 `helm template CHART | chartgen lint -`; or a chart folder, a .tgz or a \
                 chartgen.yaml; a values file is linted with its chart: \
                 `chartgen lint CHART -f FILE`"
                    .into(),
            ),
        }
        .into());
    }
    if documents.is_empty() {
        return Err(EngineError::Input {
            location: Some(Location::file(file.to_owned())),
            key: None,
            message: "holds no Kubernetes objects".into(),
            hint: Some(
                "pipe rendered manifests in, e.g. `helm template CHART | chartgen lint -`".into(),
            ),
        }
        .into());
    }
    Ok(documents)
}

/// Every document of a stream that holds more than comments.
fn documents(file: &str, text: &str) -> Result<Vec<Manifest>> {
    let mut out = Vec::new();
    let mut start = 1;
    let mut source = None;
    let mut lines = Vec::new();
    let flush = |lines: &mut Vec<&str>,
                 start: usize,
                 source: &Option<String>,
                 out: &mut Vec<Manifest>|
     -> Result<()> {
        let body = lines.join("\n");
        lines.clear();
        if only_comments(&body) {
            return Ok(());
        }
        let doc: Value = serde_yaml::from_str(&body).map_err(|e| Error::yaml(file, start, &e))?;
        if !doc.is_null() {
            out.push(Manifest {
                file: file.to_owned(),
                source: source.clone(),
                line: start,
                doc,
                release_namespace: None,
            });
        }
        Ok(())
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim_end() == "---" || line.starts_with("--- ") {
            flush(&mut lines, start, &source, &mut out)?;
            start = n + 2;
            source = None;
            continue;
        }
        if let Some(path) = line.strip_prefix("# Source: ") {
            source = Some(path.trim().to_owned());
        }
        lines.push(line);
    }
    flush(&mut lines, start, &source, &mut out)?;
    Ok(out)
}
