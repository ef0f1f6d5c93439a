//! Reading `chartgen.yaml`: YAML syntax, then the model's types, then its
//! constraints, each failure reported as one located, actionable error.

mod checks;
mod messages;

pub use checks::check_blueprint;

use super::spec::Spec;
use crate::error::{Error, Location, Result};
use crate::schema;

/// Largest input accepted; a service description is a few hundred bytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// Largest manifest stream `chartgen lint` reads. Helm keeps a release,
/// rendered manifests included, gzip-compressed in one Secret of at most
/// 1 MiB, and Kubernetes YAML compresses about tenfold, so an installable
/// release renders to well under 16 MiB (CRD-heavy charts reach 1-5 MB).
pub const MAX_MANIFEST_BYTES: u64 = 16 << 20;
/// Longest chart name: Helm's 53-character release-name limit leaves room for suffixes.
pub const MAX_NAME_LEN: usize = 53;

/// Reads a `chartgen.yaml` from disk: bounded in size, and UTF-8 text.
pub fn read_input(path: &std::path::Path) -> Result<String> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io("cannot read", path, e))?;
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(too_large(&file, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    decode_input(&file, bytes)
}

/// Checks that the bytes of an input named `file` are text of a sane size.
pub fn decode_input(file: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    decode_text(file, bytes)
}

/// Checks that the bytes of an input named `file` are UTF-8 text.
pub fn decode_text(file: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes)
        .map_err(|_| input(whole(file), None, "the file is not UTF-8 text".into(), None))
}

fn whole(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        line: None,
        column: None,
    }
}

fn too_large(file: &str, len: u64) -> Error {
    input(
        whole(file),
        None,
        format!("the file is {len} bytes; a chartgen.yaml may be at most {MAX_INPUT_BYTES} bytes"),
        None,
    )
}

/// Parses and validates the text of a `chartgen.yaml` named `file`.
pub fn load_spec(file: &str, text: &str) -> Result<Spec> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(file, text.len() as u64));
    }
    if text.contains('\0') {
        return Err(input(
            whole(file),
            None,
            "the file is binary, not YAML".into(),
            None,
        ));
    }
    if crate::yaml::only_comments(text) {
        return Err(input(
            whole(file),
            None,
            "the file is empty".into(),
            Some("a chartgen.yaml needs at least `name:` and `image:`; `chartgen new NAME` writes one".into()),
        ));
    }
    let spec: Spec =
        serde_yaml::from_str(text).map_err(|e| messages::yaml_error(file, text, &e))?;
    checks::check(&spec).map_err(|v| v.at(file, text))?;
    // The schema states the remaining constraints (ranges, patterns, lengths);
    // the checks above give the common ones a message of their own.
    let json = serde_json::to_value(&spec).expect("the model serializes");
    if let Some((path, raw)) = schema::input_violation(&json) {
        return Err(messages::schema_violation(path, &raw, &json).at(file, text));
    }
    Ok(spec)
}

fn input(location: Location, key: Option<String>, message: String, hint: Option<String>) -> Error {
    Error::Input {
        location: Some(location),
        key: key.filter(|k| !k.is_empty()),
        message,
        hint,
    }
}

/// A problem at a key path of a `chartgen.yaml`: what is wrong, and how to fix it.
#[derive(Debug, PartialEq)]
pub(super) struct Violation {
    pub(super) path: Vec<String>,
    pub(super) message: String,
    pub(super) hint: Option<String>,
}

impl Violation {
    pub(super) fn new(path: Vec<String>, message: String, hint: Option<String>) -> Self {
        Violation {
            path,
            message,
            hint,
        }
    }

    /// The error, located in `file`'s `text`; without a hint of its own, the
    /// key's description (with its example) from the schema.
    fn at(self, file: &str, text: &str) -> Error {
        let hint = self.hint.or_else(|| messages::key_help(&self.path));
        let (line, column) = place(text, &self.path);
        input(
            Location {
                file: file.to_owned(),
                line: Some(line),
                column: Some(column),
            },
            Some(self.path.join(".")),
            self.message,
            hint,
        )
    }
}

/// Where an error about the key `path` points in `text`: the key itself, or
/// the closest of its parents there is (a missing key's mapping), or the
/// document's start.
pub fn place(text: &str, path: &[String]) -> (usize, usize) {
    (0..=path.len())
        .rev()
        .find_map(|n| match n {
            0 => None,
            n => locate(text, &path[..n]),
        })
        .unwrap_or((1, 1))
}

/// SemVer 2: MAJOR.MINOR.PATCH with optional `-pre` and `+build`.
pub fn is_semver(version: &str) -> bool {
    let (core, _build) = version.split_once('+').unwrap_or((version, ""));
    let (core, _pre) = core.split_once('-').unwrap_or((core, ""));
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().all(|c| c.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

/// The candidate closest to `word`, if any is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            // Swapped or dropped letters count as one edit; a short key
            // allows one, a longer one two.
            let edits = strsim::damerau_levenshtein(&word, &candidate);
            let near = edits <= if word.len() < 6 { 1 } else { 2 };
            (near, strsim::jaro_winkler(&word, &candidate), *c)
        })
        .filter(|(near, score, _)| *near || *score > 0.85)
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, c)| c)
}

/// Finds the line and column of a key path in YAML text, for errors found
/// after parsing (serde_yaml keeps no spans): block and flow style, list
/// items included (see [`crate::yaml::locate`]). A path not in the text
/// yields `None`, and the error names the file only.
pub fn locate(text: &str, path: &[String]) -> Option<(usize, usize)> {
    crate::yaml::locate(text, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        let path: Vec<String> = path.split('.').map(String::from).collect();
        locate(text, &path)
    }

    #[test]
    fn locates_nested_keys_and_sequence_items() {
        let text = "name: a\nimage: b\nhosts:\n  - one\n  - two\nresources:\n  cpu: 1\n  memory: 2\nlist:\n  - a: 1\n    b: 2\n  - a: 3\n    b: 4\n";
        assert_eq!(at(text, "image"), Some((2, 1)));
        assert_eq!(at(text, "hosts.1"), Some((5, 5)));
        assert_eq!(at(text, "resources.memory"), Some((8, 3)));
        assert_eq!(at(text, "list.1.b"), Some((13, 5)));
        assert_eq!(at(text, "list.0.a"), Some((10, 5)));
        assert_eq!(at(text, "nope"), None);
    }

    #[test]
    fn semver() {
        assert!(is_semver("0.1.0") && is_semver("1.2.3-rc.1+b5"));
        assert!(!is_semver("1.2") && !is_semver("01.2.3") && !is_semver("v1.2.3"));
    }
}
