//! A generated chart in memory, and writing it to disk atomically.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use helm_engine::ignore::Ignore;

use crate::package::{tgz, write_archive};

/// A generated chart: file paths (relative to the chart folder, `/`-separated)
/// and their contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The chart name, also its folder name.
    pub name: String,
    /// The chart version (`version` in Chart.yaml).
    pub version: String,
    /// Every file of the chart.
    pub files: BTreeMap<String, String>,
}

impl Chart {
    /// The chart's deterministic `.tgz`: the same bytes as packaging the
    /// written chart folder, without reading it back.
    pub fn archive(&self) -> Vec<u8> {
        let ignore = Ignore::parse(self.files.get(".helmignore").map_or("", String::as_str));
        let files = self
            .files
            .iter()
            .filter(|(rel, _)| !ignore.excludes(rel))
            .map(|(rel, text)| (rel.as_str(), text.as_bytes()));
        tgz(&self.name, files).expect("writing to memory cannot fail")
    }

    /// Writes [`Chart::archive`] to `dist/<name>-<version>.tgz`.
    pub fn package(&self, dist: &Path) -> Result<PathBuf> {
        write_archive(dist, &self.name, &self.version, &self.archive())
    }

    /// Writes the chart to `parent/<name>/` and returns that path.
    ///
    /// The chart is written into a temporary folder beside the target and
    /// renamed into place, so an error or a kill leaves either the old state
    /// or the complete new chart, never half of one. Without `force` an
    /// existing non-empty target is refused.
    pub fn write(&self, parent: &Path, force: bool) -> Result<PathBuf> {
        let target = parent.join(&self.name);
        let exists = match fs::read_dir(&target) {
            Ok(mut entries) => {
                if !force && entries.next().is_some() {
                    return Err(Error::TargetExists(target));
                }
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                return Err(Error::TargetExists(target));
            }
            Err(e) => return Err(Error::io("cannot read", &target, e)),
        };
        fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{}.chartgen-", self.name))
            .tempdir_in(parent)
            .map_err(|e| Error::io("cannot create a temporary folder in", parent, e))?;
        for (rel, text) in &self.files {
            let path = staging.path().join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
            }
            fs::write(&path, text).map_err(|e| Error::io("cannot write", &path, e))?;
        }
        let staged = staging.keep();
        let result = if exists {
            swap(&staged, &target)
        } else {
            fs::rename(&staged, &target)
        };
        result.map_err(|e| {
            let _ = fs::remove_dir_all(&staged);
            Error::io("cannot move the new chart to", &target, e)
        })?;
        Ok(target)
    }
}

/// Replaces `target` by `staged`: an atomic exchange where the platform has
/// one, else two renames with the old folder kept until the new one is in.
fn swap(staged: &Path, target: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, staged, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `staged` now holds the old chart.
            return fs::remove_dir_all(staged);
        }
    }
    let old = staged.with_extension("old");
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(staged, target) {
        fs::rename(&old, target)?;
        return Err(e);
    }
    fs::remove_dir_all(&old)
}

/// Every entry below `dir` that is not a folder (files, links), as its path
/// relative to `dir`, its full path and its type, sorted by path.
pub fn entries_under(dir: &Path) -> Result<Vec<(PathBuf, PathBuf, fs::FileType)>> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| Error::io("cannot read", &folder, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("cannot read", &folder, e))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .map_err(|e| Error::io("cannot read", &path, e))?;
            if kind.is_dir() {
                folders.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_owned();
                out.push((rel, path, kind));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}
