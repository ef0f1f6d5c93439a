//! Splitting a rendered file into its YAML documents, and reading the head
//! of each, as Helm's `pkg/release/v1/util/manifest.go` does.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value as Json;

use crate::sprig::govalue::go_float32;

/// Helm's document separator, `(?:^|\s*\n)---\s*`, with Go's `\s`
/// (`[\t\n\f\r ]`: no vertical tab, nothing beyond ASCII). Like Go's, the
/// regex crate takes the leftmost-first match, so the same text splits at
/// the same places.
fn separator() -> &'static Regex {
    static SEP: OnceLock<Regex> = OnceLock::new();
    SEP.get_or_init(|| {
        Regex::new(r"(?:^|[\t\n\x0C\r ]*\n)---[\t\n\x0C\r ]*").expect("the separator compiles")
    })
}

/// Helm's `SplitManifests`: the documents of `big`, in order, each with its
/// leading whitespace removed; empty pieces are dropped.
///
/// Helm keys them `manifest-0`, `manifest-1`, … and sorts the keys by
/// number (`BySplitManifestsOrder`), which is the order returned here. Its
/// quirks are kept: `---` glued to text (`---apiVersion: v1`) still splits,
/// and a `---` line right after a separator's trailing blank lines does
/// not (the newline it needs was consumed).
pub fn split_manifests(big: &str) -> Vec<&str> {
    let text = big.trim_start();
    let mut docs = Vec::new();
    let mut begin = 0;
    for m in separator().find_iter(text) {
        // Go's Regexp.Split keeps the piece before a match unless the
        // match ends at 0, which a non-empty match never does.
        docs.push(&text[begin..m.start()]);
        begin = m.end();
    }
    if begin < text.len() || docs.is_empty() {
        docs.push(&text[begin..]);
    }
    docs.into_iter()
        .filter(|d| !d.is_empty())
        .map(str::trim_start)
        .collect()
}

/// The head of a manifest: what Helm's `SimpleHead` reads of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimpleHead {
    /// `apiVersion`.
    pub version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata`, when the document has one (not `null`).
    pub metadata: Option<HeadMetadata>,
}

/// The part of `metadata` a head keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeadMetadata {
    /// `metadata.name`.
    pub name: String,
    /// `metadata.annotations`; `None` when absent or `null`.
    pub annotations: Option<BTreeMap<String, String>>,
}

impl SimpleHead {
    /// The annotations, when there are any (Helm's `hasAnyAnnotation`).
    pub fn annotations(&self) -> Option<&BTreeMap<String, String>> {
        self.metadata
            .as_ref()
            .and_then(|m| m.annotations.as_ref())
            .filter(|a| !a.is_empty())
    }
}

/// Reads the head of `doc` as `sigs.k8s.io/yaml.Unmarshal` into Helm's
/// `SimpleHead` does: YAML to JSON, then Go's `encoding/json` into the
/// struct (keys matched case-insensitively, a value of the wrong type an
/// error). The error reads as the Go libraries word it.
pub fn parse_head(doc: &str) -> Result<SimpleHead, String> {
    // Only the head's keys are decoded (Go's JSON matches field names
    // without regard to case; keys beyond ASCII are kept to be safe).
    let json = crate::read::unmarshal_top(doc, |key| {
        !key.is_ascii() || field_of(key, &["apiVersion", "kind", "metadata"]).is_some()
    })
    .map_err(|e| crate::sprig::go_yaml_error(&e))?;
    let mut decoder = Decoder::default();
    let head = decoder.head(&json);
    match decoder.first_error {
        Some(e) => Err(format!(
            "error unmarshaling JSON: while decoding JSON: json: {e}"
        )),
        None => Ok(head),
    }
}

/// Go's `encoding/json` decoding into `SimpleHead`: it goes on past a type
/// mismatch and reports the first one at the end.
#[derive(Default)]
struct Decoder {
    first_error: Option<String>,
}

impl Decoder {
    fn mismatch(&mut self, value: &Json, field: Option<&str>, go_type: &str) {
        if self.first_error.is_some() {
            return;
        }
        let kind = match value {
            Json::Bool(_) => "bool",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
            Json::Null => "null",
        };
        self.first_error = Some(match field {
            Some(field) => format!(
                "cannot unmarshal {kind} into Go struct field SimpleHead.{field} of type {go_type}"
            ),
            None => format!("cannot unmarshal {kind} into Go value of type {go_type}"),
        });
    }

    fn head(&mut self, json: &Json) -> SimpleHead {
        let mut head = SimpleHead::default();
        let fields = match json {
            Json::Object(fields) => fields,
            Json::Null => return head,
            other => {
                self.mismatch(other, None, "util.SimpleHead");
                return head;
            }
        };
        for (key, value) in fields {
            match field_of(key, &["apiVersion", "kind", "metadata"]) {
                Some("apiVersion") => {
                    if let Some(s) = self.string(value, "apiVersion") {
                        head.version = s;
                    }
                }
                Some("kind") => {
                    if let Some(s) = self.string(value, "kind") {
                        head.kind = s;
                    }
                }
                Some(_) => match value {
                    Json::Null => head.metadata = None,
                    Json::Object(meta) => {
                        let mut m = head.metadata.take().unwrap_or_default();
                        self.metadata(meta, &mut m);
                        head.metadata = Some(m);
                    }
                    other => self.mismatch(other, Some("metadata"), "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }"),
                },
                None => {}
            }
        }
        head
    }

    fn metadata(&mut self, meta: &serde_json::Map<String, Json>, out: &mut HeadMetadata) {
        for (key, value) in meta {
            match field_of(key, &["name", "annotations"]) {
                Some("name") => {
                    if let Some(s) = self.string(value, "metadata.name") {
                        out.name = s;
                    }
                }
                Some(_) => match value {
                    Json::Null => out.annotations = None,
                    Json::Object(entries) => {
                        let annotations = out.annotations.get_or_insert_with(BTreeMap::new);
                        for (k, v) in entries {
                            let text = self.string(v, "metadata.annotations");
                            if text.is_some() || v.is_null() {
                                annotations.insert(k.clone(), text.unwrap_or_default());
                            }
                        }
                    }
                    other => {
                        self.mismatch(other, Some("metadata.annotations"), "map[string]string")
                    }
                },
                None => {}
            }
        }
    }

    /// A string field: `null` leaves it as it was, as Go does; a number or
    /// a boolean becomes its text, as `sigs.k8s.io/yaml` converts scalars
    /// bound for a string (floats as Go's shortest `float32`).
    fn string(&mut self, value: &Json, field: &str) -> Option<String> {
        match value {
            Json::String(s) => Some(s.clone()),
            Json::Null => None,
            Json::Bool(b) => Some(b.to_string()),
            Json::Number(n) if n.is_f64() => Some(go_float32(n.as_f64().unwrap_or_default())),
            Json::Number(n) => Some(n.to_string()),
            other => {
                self.mismatch(other, Some(field), "string");
                None
            }
        }
    }
}

/// The struct field a JSON key decodes into: an exact name first, else one
/// equal to it ignoring case, as `encoding/json` matches them.
fn field_of<'a>(key: &str, fields: &[&'a str]) -> Option<&'a str> {
    fields
        .iter()
        .find(|f| **f == key)
        .or_else(|| fields.iter().find(|f| f.eq_ignore_ascii_case(key)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_helm() {
        assert_eq!(split_manifests(""), Vec::<&str>::new());
        assert_eq!(split_manifests("  \n"), Vec::<&str>::new());
        assert_eq!(split_manifests("a: 1"), vec!["a: 1"]);
        assert_eq!(
            split_manifests("---\na: 1\n---\nb: 2\n"),
            vec!["a: 1", "b: 2\n"]
        );
        // Glued to the text, the separator still splits.
        assert_eq!(split_manifests("a: 1\n---b: 2"), vec!["a: 1", "b: 2"]);
        // Blank lines after a separator eat the newline a second one needs.
        assert_eq!(
            split_manifests("a: 1\n---\n\n---\nb: 2"),
            vec!["a: 1", "---\nb: 2"]
        );
        // `---` inside a line is text.
        assert_eq!(split_manifests("a: x---y"), vec!["a: x---y"]);
        // A vertical tab is not Go's `\s`.
        assert_eq!(split_manifests("a: 1\x0b\n---\nb"), vec!["a: 1\x0b", "b"]);
        assert_eq!(split_manifests("a: 1 \x0b---\nb"), vec!["a: 1 \x0b---\nb"]);
    }

    #[test]
    fn reads_heads() {
        let head = parse_head(
            "apiVersion: v1\nKind: Job\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook: test\n",
        )
        .unwrap();
        assert_eq!(head.kind, "Job");
        assert_eq!(head.metadata.as_ref().unwrap().name, "x");
        assert_eq!(head.annotations().unwrap()["helm.sh/hook"], "test");
        assert_eq!(parse_head("").unwrap(), SimpleHead::default());
        assert_eq!(
            parse_head("# only a comment").unwrap(),
            SimpleHead::default()
        );
        // Scalars bound for a string become text, as sigs.k8s.io/yaml makes them.
        let head =
            parse_head("kind: 5\nmetadata:\n  annotations:\n    w: 5\n    b: true\n    f: 1.5\n")
                .unwrap();
        assert_eq!(head.kind, "5");
        let annotations = head.annotations().unwrap();
        assert_eq!(
            (annotations["w"].as_str(), annotations["b"].as_str()),
            ("5", "true")
        );
        assert_eq!(annotations["f"], "1.5");
        let err = parse_head("metadata:\n  annotations:\n    w: [5]\n").unwrap_err();
        assert!(err.contains("cannot unmarshal array"), "{err}");
        assert!(parse_head("- a\n- b\n").is_err());
        assert!(parse_head("a: [").is_err());
    }
}
