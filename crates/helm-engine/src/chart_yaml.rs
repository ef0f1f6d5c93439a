//! Chart.yaml's fields as written, for rendering a chart: the name its
//! templates are named by, whether it has dependencies, `.Chart` and its
//! annotations. ([`crate::loader`] reads Chart.yaml as Helm's loader does,
//! with Helm's checks, for loading a chart with its subcharts.)

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};

/// A chart's Chart.yaml, parsed.
#[derive(Debug, Clone)]
pub struct ChartYaml(Json);

impl ChartYaml {
    /// Parses Chart.yaml's `text`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self> {
        serde_yaml::from_str(text)
            .map(ChartYaml)
            .map_err(|e| Error::yaml(file, 1, &e))
    }

    /// `name`, when it is a non-empty string.
    pub fn name(&self) -> Option<&str> {
        self.0
            .get("name")
            .and_then(Json::as_str)
            .filter(|n| !n.is_empty())
    }

    /// Whether `dependencies` lists any subchart.
    pub fn has_dependencies(&self) -> bool {
        self.0
            .get("dependencies")
            .and_then(Json::as_array)
            .is_some_and(|d| !d.is_empty())
    }

    /// The annotation `key`, when it is a string.
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.0
            .get("annotations")
            .and_then(|a| a.get(key))
            .and_then(Json::as_str)
    }

    /// Every field, when Chart.yaml is a map of fields.
    pub fn fields(&self) -> Option<&Map<String, Json>> {
        self.0.as_object()
    }
}
