//! Reading `chartgen.yaml`: YAML syntax, then the model's types, then its
//! constraints, each failure reported as one located, actionable error.

mod checks;
mod messages;

pub use checks::check_blueprint;

use super::spec::Spec;
use crate::error::{EngineError, Error, Location, Result};
use crate::schema::Violation;

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
    Location::file(file.to_owned())
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
    checks::check(&spec).map_err(|v| located(v, file, text))?;
    // The schema states the remaining constraints (ranges, patterns, lengths);
    // the checks above give the common ones a message of their own.
    let json = serde_json::to_value(&spec).expect("the model serializes");
    if let Some((path, raw)) = super::input_violation(&json) {
        return Err(located(
            messages::schema_violation(path, &raw, &json),
            file,
            text,
        ));
    }
    Ok(spec)
}

fn input(location: Location, key: Option<String>, message: String, hint: Option<String>) -> Error {
    EngineError::Input {
        location: Some(location),
        key: key.filter(|k| !k.is_empty()),
        message,
        hint,
    }
    .into()
}

/// The error for `violation`, located in `file`'s `text`; without a hint
/// of its own, the key's description (with its example) from the schema.
fn located(violation: Violation, file: &str, text: &str) -> Error {
    let hint = violation
        .hint
        .or_else(|| messages::key_help(&violation.path));
    let (line, column) = crate::keys::place(text, &violation.path);
    input(
        Location {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
        },
        Some(violation.path.join(".")),
        violation.message,
        hint,
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver() {
        assert!(is_semver("0.1.0") && is_semver("1.2.3-rc.1+b5"));
        assert!(!is_semver("1.2") && !is_semver("01.2.3") && !is_semver("v1.2.3"));
    }
}
