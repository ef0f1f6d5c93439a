//! Deterministic chart archives: the same chart gives the same bytes.
//!
//! One top folder named after the chart, regular files only, entries sorted,
//! fixed mode, owner and modification time, and a gzip header without a
//! timestamp. `.helmignore` is honoured as `helm package` does.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::{Compression, GzBuilder};

use helm_engine::ignore::Ignore;
use helm_engine::loader::Metadata;

use crate::error::{Error, Result};

/// Modification time of every entry: 2000-01-01T00:00:00Z. Some tools treat
/// a zero time as "unknown", so a fixed, plausible date is used.
pub const MTIME: u64 = 946_684_800;

/// Packages the chart folder `chart` into `dist/<name>-<version>.tgz`,
/// written atomically, and returns the archive path.
pub fn package(chart: &Path, dist: &Path) -> Result<PathBuf> {
    let (meta, bytes) = build(chart)?;
    write_archive(dist, &meta.name, &meta.version, &bytes)
}

/// Writes archive `bytes` to `dist/<name>-<version>.tgz` atomically.
pub fn write_archive(dist: &Path, name: &str, version: &str, bytes: &[u8]) -> Result<PathBuf> {
    fs::create_dir_all(dist).map_err(|e| Error::io("cannot create", dist, e))?;
    let target = dist.join(format!("{name}-{version}.tgz"));
    let mut tmp =
        tempfile::NamedTempFile::new_in(dist).map_err(|e| Error::io("cannot write in", dist, e))?;
    tmp.write_all(bytes)
        .map_err(|e| Error::io("cannot write", &target, e))?;
    tmp.persist(&target)
        .map_err(|e| Error::io("cannot write", &target, e.error))?;
    Ok(target)
}

/// The chart's Chart.yaml, read as Helm's loader reads it: a name an archive
/// can be named after, and the fields Helm checks when it packages a chart.
fn read_meta(chart: &Path) -> Result<Metadata> {
    let path = chart.join("Chart.yaml");
    let text = fs::read_to_string(&path).map_err(|e| {
        Error::chart(
            chart.to_owned(),
            format!("not a chart folder: cannot read Chart.yaml ({e})"),
        )
    })?;
    let meta = Metadata::parse(&path.display().to_string(), &text)?;
    // A missing name is Helm's to report, below, as Helm words it.
    if !meta.name.is_empty() && (meta.name.contains(['/', '\\']) || meta.name.starts_with('.')) {
        return Err(Error::chart(
            path,
            format!("`{}` is not a valid chart name", meta.name),
        ));
    }
    meta.validate()?;
    Ok(meta)
}

fn build(chart: &Path) -> Result<(Metadata, Vec<u8>)> {
    let meta = read_meta(chart)?;
    let ignore = Ignore::load(chart)?;
    let mut files = Vec::new();
    walk(chart, chart, &ignore, &mut files)?;
    files.sort();
    let mut entries = Vec::with_capacity(files.len());
    for rel in files {
        let path = chart.join(&rel);
        let data = fs::read(&path).map_err(|e| Error::io("cannot read", &path, e))?;
        entries.push((rel, data));
    }
    let bytes = tgz(
        &meta.name,
        entries
            .iter()
            .map(|(rel, data)| (rel.as_str(), data.as_slice())),
    )
    .map_err(|e| Error::io("cannot archive", chart, e))?;
    Ok((meta, bytes))
}

/// The `.tgz` of files (path relative to the chart, contents) under the top
/// folder `top`, in the order given, with every header field fixed.
pub(crate) fn tgz<'a>(
    top: &str,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> std::io::Result<Vec<u8>> {
    let gz = GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), Compression::default());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    for (rel, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(MTIME);
        tar.append_data(&mut header, format!("{top}/{rel}"), data)?;
    }
    tar.into_inner()?.finish()
}

fn walk(root: &Path, dir: &Path, ignore: &Ignore, out: &mut Vec<String>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io("cannot read", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("cannot read", dir, e))?;
        let path = entry.path();
        let rel = path.strip_prefix(root).expect("under root");
        let rel = rel
            .to_str()
            .ok_or_else(|| Error::chart(path.clone(), "file names must be UTF-8"))?
            .replace('\\', "/");
        let kind = entry
            .file_type()
            .map_err(|e| Error::io("cannot read", &path, e))?;
        if ignore.matches(&rel, kind.is_dir()) {
            continue;
        }
        if kind.is_symlink() {
            return Err(Error::chart(
                path,
                "is a symbolic link; a chart archive holds regular files only",
            ));
        } else if kind.is_dir() {
            walk(root, &path, ignore, out)?;
        } else if kind.is_file() {
            out.push(rel);
        }
    }
    Ok(())
}
