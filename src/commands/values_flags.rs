//! The flags `chartgen template` and `chartgen lint` share with `helm
//! template`: the `--set*` values and what sets `.Capabilities`, read the
//! one way both commands read them.

use std::path::Path;

use crate::cli::{CapabilityArgs, SetArgs};
use crate::error::{Error, Result};
use crate::yaml::{read_bounded, MAX_VALUES_BYTES};
use helm_engine::render::capabilities::{Capabilities, KubeVersion};
use helm_engine::strvals::{merge_set_flags, SetFlags};
use helm_engine::values::Values;

impl SetArgs {
    /// Whether no `--set*` flag was given.
    pub fn is_empty(&self) -> bool {
        self.flags().is_empty()
    }

    /// Merges the flags over `values` in Helm's order (`--set-json`,
    /// `--set`, `--set-string`, `--set-file`, `--set-literal`); bad syntax
    /// is bad usage.
    pub fn merge_into(&self, values: &mut Values) -> Result<()> {
        merge_set_flags(values, &self.flags(), &mut read_set_file).map_err(Error::Usage)
    }

    /// The values `--set` gives on its own, to see which integers it gives
    /// (Go `int64`s in Helm, where every other number is a `float64`).
    pub fn set_alone(&self) -> Result<Values> {
        let flags = SetFlags {
            values: self.set.clone(),
            ..SetFlags::default()
        };
        let mut values = Values::new();
        merge_set_flags(&mut values, &flags, &mut read_set_file).map_err(Error::Usage)?;
        Ok(values)
    }

    /// The flags as given, each as the user would write it, in Helm's order.
    pub fn written(&self) -> Vec<String> {
        let flags = [
            ("--set-json", &self.set_json),
            ("--set", &self.set),
            ("--set-string", &self.set_string),
            ("--set-file", &self.set_file),
            ("--set-literal", &self.set_literal),
        ];
        flags
            .iter()
            .flat_map(|(flag, texts)| texts.iter().map(move |t| format!("{flag} {t}")))
            .collect()
    }

    fn flags(&self) -> SetFlags {
        SetFlags {
            json: self.set_json.clone(),
            values: self.set.clone(),
            strings: self.set_string.clone(),
            files: self.set_file.clone(),
            literals: self.set_literal.clone(),
        }
    }
}

impl CapabilityArgs {
    /// `.Capabilities`: Helm's defaults, `--kube-version` and
    /// `--api-versions` over them; a version Helm cannot parse is bad usage.
    pub fn capabilities(&self) -> Result<Capabilities> {
        let kube = match &self.kube_version {
            Some(text) => KubeVersion::from_flag(text).map_err(Error::Usage)?,
            None => KubeVersion::default(),
        };
        Ok(Capabilities::new(Some(kube), &self.api_versions))
    }
}

/// Whether Helm would fetch `path` with a getter (`http`, `https`, `oci`).
pub(super) fn is_url(path: &str) -> bool {
    ["http://", "https://", "oci://"]
        .iter()
        .any(|scheme| path.to_ascii_lowercase().starts_with(scheme))
}

/// `--set-file`'s reader: a file's text (standard input for `-`), at most
/// [`MAX_VALUES_BYTES`] as a values file, in Go's words when it cannot be
/// read.
fn read_set_file(path: &str) -> std::result::Result<String, String> {
    if is_url(path) {
        return Err(format!(
            "{path}: values from a URL need the network, which chartgen never uses"
        ));
    }
    let file = if path.trim() == "-" { "-" } else { path };
    let bytes = read_bounded(Path::new(file), MAX_VALUES_BYTES)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("open {path}: no such file or directory"),
            _ => format!("open {path}: {e}"),
        })?
        .ok_or_else(|| {
            format!(
                "{path} holds more than {MAX_VALUES_BYTES} bytes ({} MiB), the most chartgen \
                 reads of a values file",
                MAX_VALUES_BYTES >> 20
            )
        })?;
    String::from_utf8(bytes)
        .map_err(|_| format!("{path} is not UTF-8 text, which chartgen cannot pass on unchanged"))
}
