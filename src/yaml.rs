//! Reading values files as Helm reads them, and locating their keys; and
//! writing YAML that Helm reads back exactly: every string double-quoted (so
//! `on`, `no`, `1.10`, `0755` or `1e3` stay strings under YAML 1.1 rules),
//! keys quoted when YAML 1.1 would read them as something else, and the
//! schema's descriptions as comments above the keys.

use serde_json::Value as Json;

use helm_engine::read::{read_values, ValuesText, YamlError};

use crate::error::EngineError;

/// Whether a YAML text holds nothing but blank lines and comments.
pub fn only_comments(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// A scalar as YAML: strings double-quoted with JSON escapes (a subset of
/// YAML's double-quoted escapes), numbers and booleans bare.
pub fn scalar(value: &Json) -> String {
    match value {
        Json::String(s) => Json::String(s.clone()).to_string(),
        Json::Null => "null".into(),
        other => other.to_string(),
    }
}

/// A mapping key, quoted unless it is plainly a string under YAML 1.1 and 1.2.
pub fn key(k: &str) -> String {
    const SPECIAL: &[&str] = &[
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<",
    ];
    let plain = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./".contains(c))
        && !SPECIAL.contains(&k.to_ascii_lowercase().as_str());
    if plain {
        k.to_owned()
    } else {
        scalar(&Json::String(k.to_owned()))
    }
}

/// The first line of a chart's chartgen.yaml, so editors check it against
/// `chartgen.schema.json` offline.
pub const INPUT_MODELINE: &str = "# yaml-language-server: $schema=chartgen.schema.json";

/// The first line of a chart's values files, so editors check them against
/// `values.schema.json` offline.
pub const VALUES_MODELINE: &str = "# yaml-language-server: $schema=values.schema.json";

/// A values file as Helm reads it (see [`helm_engine::read`]): YAML 1.1,
/// every document merged, always a map; an error names the file's place.
pub fn values_document(file: &str, text: &str) -> crate::Result<Json> {
    values_file(file, text).map(|v| v.value)
}

/// [`values_document`], with where each value is written.
pub fn values_file(file: &str, text: &str) -> crate::Result<ValuesText> {
    read_values(text).map_err(|e| yaml_error(file, e))
}

/// A values file read, kept with its text to locate values in.
#[derive(Debug, Clone)]
pub struct ValuesSource {
    /// The file as the user named it.
    pub file: String,
    /// Its text.
    pub text: String,
    /// Its values and where they are written.
    pub read: ValuesText,
}

impl ValuesSource {
    /// Reads `text` (from `file`) as Helm reads a values file.
    pub fn read(file: &str, text: &str) -> crate::Result<Self> {
        Ok(ValuesSource {
            file: file.to_owned(),
            text: text.to_owned(),
            read: values_file(file, text)?,
        })
    }

    /// Reads a values file of a chart (`file` as the user finds it), which
    /// must be UTF-8 text.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> crate::Result<Self> {
        let text = std::str::from_utf8(bytes).map_err(|_| EngineError::Input {
            location: Some(crate::Location::file(file.to_owned())),
            key: None,
            message: "the file is not UTF-8 text".into(),
            hint: None,
        })?;
        Self::read(file, text)
    }

    /// Reads the values file at `path` (standard input for `-`, as Helm
    /// reads `-f -`): UTF-8 text of at most [`MAX_VALUES_BYTES`].
    pub fn from_path(path: &std::path::Path) -> crate::Result<Self> {
        let (file, text) = values_text(path)?;
        Self::read(&file, &text)
    }

    /// Its values, a map.
    pub fn values(&self) -> serde_json::Map<String, Json> {
        self.read.value.as_object().cloned().unwrap_or_default()
    }
}

/// Largest values file (`-f`) chartgen reads, for `validate` and `lint`
/// alike: as large as Helm lets a file in a chart be. Helm itself bounds
/// no `-f` file; chartgen does, to bound its memory.
pub const MAX_VALUES_BYTES: u64 = crate::MAX_FILE_BYTES;

/// How a path given on the command line is named in messages: `-` is
/// standard input.
pub fn shown_path(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The bytes of the file at `path`, or of standard input for `-`, reading
/// at most `limit` bytes and one more whatever the file is (a pipe, a
/// FIFO, `/dev/zero`): `None` when it holds more than `limit`.
pub fn read_bounded(path: &std::path::Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The text of the values file at `path` (standard input for `-`), and
/// how it is named: UTF-8, at most [`MAX_VALUES_BYTES`].
pub fn values_text(path: &std::path::Path) -> crate::Result<(String, String)> {
    let file = shown_path(path);
    let refuse = |message: String, hint: Option<String>| EngineError::Input {
        location: Some(crate::Location::file(file.clone())),
        key: None,
        message,
        hint,
    };
    let bytes = read_bounded(path, MAX_VALUES_BYTES)
        .map_err(|e| crate::Error::io("cannot read", &file, e).unreadable())?
        .ok_or_else(|| {
            refuse(
                format!(
                    "holds more than {MAX_VALUES_BYTES} bytes ({} MiB), the most chartgen reads \
                     of a values file",
                    MAX_VALUES_BYTES >> 20
                ),
                Some(
                    "that is as large as Helm lets a file in a chart be; split the values into \
                     several -f files"
                        .into(),
                ),
            )
        })?;
    let text =
        String::from_utf8(bytes).map_err(|_| refuse("the file is not UTF-8 text".into(), None))?;
    Ok((file, text))
}

/// A values text Helm cannot read, as an input error at its place.
pub fn yaml_error(file: &str, error: YamlError) -> crate::Error {
    error.in_file(file).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_1_1_lookalikes_stay_strings() {
        for s in [
            "on", "off", "yes", "no", "y", "n", "1.10", "0755", "1e3", "1_000", "",
        ] {
            assert_eq!(scalar(&json!(s)), format!("\"{s}\""));
        }
        assert_eq!(scalar(&json!(1000000)), "1000000");
        assert_eq!(key("on"), "\"on\"");
        assert_eq!(key("LOG_LEVEL"), "LOG_LEVEL");
        assert_eq!(key("app.kubernetes.io/name"), "app.kubernetes.io/name");
        assert_eq!(key("8080"), "\"8080\"");
    }
}
