//! Reading a chart's files: from a folder, a packaged `.tgz` or memory.

use std::collections::BTreeMap;
use std::path::Path;

use super::ChartFiles;
use crate::archive::ChartArchive;
use crate::error::{Error, Result};
use crate::loader::Metadata;

impl ChartFiles {
    /// The chart in folder `dir`: its top-level files and everything under
    /// `templates/`, read as Helm's loader reads a folder
    /// ([`super::loader::read_dir`]); subcharts are noted, not kept.
    pub fn from_dir(dir: &Path) -> Result<Self> {
        Self::from_entries(super::loader::read_dir(dir)?, dir)
    }

    /// The chart in a packaged archive, read with [`crate::archive::read_archive`].
    pub fn from_archive(archive: ChartArchive, shown: &Path) -> Result<Self> {
        Self::from_entries(archive.files, shown)
    }

    /// The chart whose files are `entries`: the text files chartgen reads
    /// in [`ChartFiles::files`], the rest in [`ChartFiles::other`],
    /// subcharts noted.
    fn from_entries(
        entries: impl IntoIterator<Item = (String, Vec<u8>)>,
        shown: &Path,
    ) -> Result<Self> {
        let mut files = BTreeMap::new();
        let mut other = BTreeMap::new();
        let mut subcharts = false;
        for (rel, bytes) in entries {
            if rel.starts_with("charts/") {
                subcharts = true;
                continue;
            }
            if !(rel.starts_with("templates/") || keep_top_level(&rel)) {
                other.insert(rel, bytes);
                continue;
            }
            let text = String::from_utf8(bytes).map_err(|_| Error::Chart {
                path: shown.to_owned(),
                message: format!("`{rel}` is not UTF-8 text"),
            })?;
            files.insert(rel, text);
        }
        let mut chart = Self::named(files, subcharts, shown)?;
        chart.other = other;
        Ok(chart)
    }

    /// A chart held in memory, without subcharts: `files` by path
    /// relative to its folder, named `name`.
    pub fn in_memory(name: String, files: BTreeMap<String, String>) -> Self {
        ChartFiles {
            name,
            files,
            other: BTreeMap::new(),
            subcharts: false,
        }
    }

    /// Names the chart after Chart.yaml's `name`, as Helm names templates.
    fn named(files: BTreeMap<String, String>, subcharts: bool, shown: &Path) -> Result<Self> {
        let chart_yaml = files.get("Chart.yaml").ok_or_else(|| Error::Chart {
            path: shown.to_owned(),
            message: "has no Chart.yaml; is it a chart?".into(),
        })?;
        let file = format!("{}/Chart.yaml", shown.display());
        let metadata = Metadata::parse(&file, chart_yaml)?;
        let subcharts = subcharts || metadata.has_dependencies();
        if metadata.name.is_empty() {
            return Err(Error::Chart {
                path: file.into(),
                message: "has no `name`".into(),
            });
        }
        let name = metadata.name;
        Ok(ChartFiles {
            name,
            files,
            other: BTreeMap::new(),
            subcharts,
        })
    }
}

/// The top-level files rendering and linting need.
fn keep_top_level(rel: &str) -> bool {
    !rel.contains('/')
        && (rel == "Chart.yaml"
            || rel == "values.schema.json"
            || (rel.starts_with("values") && (rel.ends_with(".yaml") || rel.ends_with(".yml"))))
}

/// The error for rendering a chart with subcharts.
pub(super) fn subcharts(chart: &str) -> Error {
    Error::Chart {
        path: chart.into(),
        message: "has subcharts, which chartgen does not render\n  help: lint its rendered \
                  output instead: `helm template CHART | chartgen lint -`"
            .into(),
    }
}
