//! Reading chart archives without trusting them.
//!
//! Helm's own loader accepts `../x`, absolute paths and links; chartgen
//! refuses every entry that could write or read outside the chart, and
//! bounds sizes as Helm does (5 MiB a file, 100 MiB in all), before anything
//! is decompressed past those bounds.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Location, Result};

/// Largest file in a chart archive (Helm's limit).
pub const MAX_FILE_BYTES: u64 = 5 << 20;
/// Largest total of the files in a chart archive (Helm's limit).
pub const MAX_TOTAL_BYTES: u64 = 100 << 20;

/// A chart archive's files, by path below its one top folder.
#[derive(Debug, Clone)]
pub struct ChartArchive {
    /// The top folder, the chart's name.
    pub top: String,
    /// Every regular file, path relative to the top folder.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Reads the `.tgz` at `path`, refusing unsafe or oversized entries.
pub fn read_archive(path: &Path) -> Result<ChartArchive> {
    let file = std::fs::File::open(path).map_err(|e| Error::io("cannot read", path, e))?;
    read_archive_from(&path.display().to_string(), file)
}

/// Reads a chart archive from `reader`, naming it `name` in errors.
pub fn read_archive_from(name: &str, reader: impl Read) -> Result<ChartArchive> {
    let mut budget = MAX_TOTAL_BYTES;
    read_archive_within(name, reader, &mut budget)
}

/// Reads a chart archive from `reader`, its files drawing on `budget`
/// (the bytes that may still be decompressed, shared by the archives
/// nested in one chart), naming it `name` in errors.
pub fn read_archive_within(
    name: &str,
    reader: impl Read,
    budget: &mut u64,
) -> Result<ChartArchive> {
    let refuse = |message: String| Error::Input {
        location: Some(Location {
            file: name.to_owned(),
            line: None,
            column: None,
        }),
        key: None,
        message,
        hint: Some(
            "a chart archive holds one top folder of regular files; `chartgen package` writes one"
                .into(),
        ),
    };
    let bad = |e: std::io::Error| refuse(format!("not a readable .tgz: {e}"));
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(reader));
    let mut top: Option<String> = None;
    let mut files = BTreeMap::new();
    for entry in archive.entries().map_err(bad)? {
        let mut entry = entry.map_err(bad)?;
        let raw = entry.path_bytes().into_owned();
        let shown = String::from_utf8_lossy(&raw).into_owned();
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            return Err(refuse(format!(
                "`{shown}` is a link; links could point outside the chart"
            )));
        }
        if kind.is_pax_global_extensions()
            || kind.is_pax_local_extensions()
            || kind.is_gnu_longname()
        {
            continue;
        }
        let text =
            String::from_utf8(raw).map_err(|_| refuse(format!("`{shown}` is not a UTF-8 path")))?;
        check_path(&text).map_err(|m| refuse(format!("`{shown}` {m}")))?;
        let (first, rest) = text.split_once('/').unwrap_or((text.as_str(), ""));
        match &top {
            None => top = Some(first.to_owned()),
            Some(t) if t != first => {
                return Err(refuse(format!(
                    "holds two top folders, `{t}` and `{first}`"
                )));
            }
            Some(_) => {}
        }
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            return Err(refuse(format!("`{shown}` is not a regular file")));
        }
        let rest = rest.trim_end_matches('/');
        if rest.is_empty() {
            return Err(refuse(format!(
                "`{shown}` is a file outside any chart folder"
            )));
        }
        let size = entry.header().size().map_err(bad)?;
        if size > MAX_FILE_BYTES {
            return Err(refuse(format!(
                "`{shown}` is {size} bytes; a chart file may be at most {MAX_FILE_BYTES}"
            )));
        }
        match budget.checked_sub(size) {
            Some(left) => *budget = left,
            None => {
                return Err(refuse(format!(
                    "its files add up to more than {MAX_TOTAL_BYTES} bytes (with those of the \
                     archives around it and beside it)"
                )))
            }
        }
        let mut data = Vec::with_capacity(size as usize);
        entry
            .by_ref()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(bad)?;
        if files.insert(rest.to_owned(), data).is_some() {
            return Err(refuse(format!("`{shown}` appears twice")));
        }
    }
    let top = top.ok_or_else(|| refuse("is empty".into()))?;
    Ok(ChartArchive { top, files })
}

/// Refuses paths that leave the archive's folder or mean different things on
/// different systems.
fn check_path(path: &str) -> std::result::Result<(), &'static str> {
    if path.contains('\\') {
        return Err("contains a backslash");
    }
    if path.starts_with('/') {
        return Err("is an absolute path");
    }
    let bytes = path.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err("starts with a drive letter");
    }
    if path.split('/').any(|part| part == "..") {
        return Err("climbs out of its folder with `..`");
    }
    if path
        .split('/')
        .next()
        .is_none_or(|top| top.is_empty() || top == ".")
    {
        return Err("has no top folder");
    }
    Ok(())
}
