//! Reading a chart's files: from a folder, a packaged `.tgz` or memory.

use std::collections::BTreeMap;
use std::path::Path;

use super::ChartFiles;
use crate::archive::{ChartArchive, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use crate::chart::Chart;
use crate::error::{Error, Result};
use crate::package::Ignore;

impl ChartFiles {
    /// The chart in folder `dir`: its top-level files and everything under
    /// `templates/`, minus what `.helmignore` excludes; subcharts are noted,
    /// not read. Links are refused, and sizes bounded as for archives.
    pub fn from_dir(dir: &Path) -> Result<Self> {
        let chart_error = |message: String| Error::Chart {
            path: dir.to_owned(),
            message,
        };
        let ignore = match std::fs::read_to_string(dir.join(".helmignore")) {
            Ok(text) => Ignore::parse(&text),
            Err(_) => Ignore::parse(""),
        };
        let mut files = BTreeMap::new();
        let mut subcharts = false;
        let mut total = 0;
        let mut pending = vec![(dir.to_owned(), String::new())];
        while let Some((folder, prefix)) = pending.pop() {
            let entries =
                std::fs::read_dir(&folder).map_err(|e| Error::io("cannot read", &folder, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io("cannot read", &folder, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = format!("{prefix}{name}");
                let kind = entry
                    .file_type()
                    .map_err(|e| Error::io("cannot read", entry.path(), e))?;
                if ignore.excludes(&rel) {
                    continue;
                }
                if kind.is_symlink() {
                    return Err(chart_error(format!(
                        "`{rel}` is a link; chartgen reads only the chart's own files"
                    )));
                }
                if kind.is_dir() {
                    if rel == "charts" && has_entries(&entry.path()) {
                        subcharts = true;
                    }
                    if rel == "templates" || prefix.starts_with("templates/") {
                        pending.push((entry.path(), format!("{rel}/")));
                    }
                    continue;
                }
                if !prefix.is_empty() || keep_top_level(&rel) {
                    let size = entry
                        .metadata()
                        .map_err(|e| Error::io("cannot read", entry.path(), e))?
                        .len();
                    total += size;
                    if size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
                        return Err(chart_error(format!(
                            "`{rel}` is too large: a chart file may be at most {MAX_FILE_BYTES} \
                             bytes and all of them {MAX_TOTAL_BYTES}"
                        )));
                    }
                    let bytes = std::fs::read(entry.path())
                        .map_err(|e| Error::io("cannot read", entry.path(), e))?;
                    let text = String::from_utf8(bytes)
                        .map_err(|_| chart_error(format!("`{rel}` is not UTF-8 text")))?;
                    files.insert(rel, text);
                }
            }
        }
        Self::named(files, subcharts, dir)
    }

    /// The chart in a packaged archive, read with [`crate::read_archive`].
    pub fn from_archive(archive: ChartArchive, shown: &Path) -> Result<Self> {
        let mut files = BTreeMap::new();
        let mut subcharts = false;
        for (rel, bytes) in archive.files {
            if rel.starts_with("charts/") {
                subcharts = true;
                continue;
            }
            if !(rel.starts_with("templates/") || keep_top_level(&rel)) {
                continue;
            }
            let text = String::from_utf8(bytes).map_err(|_| Error::Chart {
                path: shown.to_owned(),
                message: format!("`{rel}` is not UTF-8 text"),
            })?;
            files.insert(rel, text);
        }
        Self::named(files, subcharts, shown)
    }

    /// A chart generated in memory.
    pub fn from_chart(chart: &Chart) -> Self {
        ChartFiles {
            name: chart.name.clone(),
            files: chart.files.clone(),
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
        let metadata: serde_json::Value =
            serde_yaml::from_str(chart_yaml).map_err(|e| Error::yaml(&file, 1, &e))?;
        let subcharts = subcharts
            || metadata
                .get("dependencies")
                .and_then(|d| d.as_array())
                .is_some_and(|d| !d.is_empty());
        let name = metadata
            .get("name")
            .and_then(|n| n.as_str())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| Error::Chart {
                path: file.clone().into(),
                message: "has no `name`".into(),
            })?
            .to_owned();
        Ok(ChartFiles {
            name,
            files,
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

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
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
