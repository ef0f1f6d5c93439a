//! Deterministic chart archives: the same chart gives the same bytes.
//!
//! One top folder named after the chart, regular files only, entries sorted,
//! fixed mode, owner and modification time, and a gzip header without a
//! timestamp. `.helmignore` is honoured as `helm package` does.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::{Compression, GzBuilder};
use serde::Deserialize;

use crate::error::{Error, Result};

/// Modification time of every entry: 2000-01-01T00:00:00Z. Some tools treat
/// a zero time as "unknown", so a fixed, plausible date is used.
pub const MTIME: u64 = 946_684_800;

#[derive(Deserialize)]
struct ChartMeta {
    name: String,
    version: String,
}

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

fn read_meta(chart: &Path) -> Result<ChartMeta> {
    let path = chart.join("Chart.yaml");
    let text = fs::read_to_string(&path).map_err(|e| Error::Chart {
        path: chart.to_owned(),
        message: format!("not a chart folder: cannot read Chart.yaml ({e})"),
    })?;
    let meta: ChartMeta = serde_yaml::from_str(&text).map_err(|e| Error::Chart {
        path: path.clone(),
        message: format!("invalid Chart.yaml: {e}"),
    })?;
    if meta.name.is_empty() || meta.name.contains(['/', '\\']) || meta.name.starts_with('.') {
        return Err(Error::Chart {
            path,
            message: format!("`{}` is not a valid chart name", meta.name),
        });
    }
    Ok(meta)
}

fn build(chart: &Path) -> Result<(ChartMeta, Vec<u8>)> {
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
            .ok_or_else(|| Error::Chart {
                path: path.clone(),
                message: "file names must be UTF-8".into(),
            })?
            .replace('\\', "/");
        let kind = entry
            .file_type()
            .map_err(|e| Error::io("cannot read", &path, e))?;
        if ignore.matches(&rel, kind.is_dir()) {
            continue;
        }
        if kind.is_symlink() {
            return Err(Error::Chart {
                path,
                message: "is a symbolic link; a chart archive holds regular files only".into(),
            });
        } else if kind.is_dir() {
            walk(root, &path, ignore, out)?;
        } else if kind.is_file() {
            out.push(rel);
        }
    }
    Ok(())
}

/// `.helmignore` patterns: shell globs matched against the path and the
/// file name, a trailing `/` matching folders only, `!` negating, `#` comments.
pub(crate) struct Ignore {
    rules: Vec<(bool, bool, String)>,
}

impl Ignore {
    fn load(chart: &Path) -> Result<Self> {
        let path = chart.join(".helmignore");
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Self::parse(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::parse("")),
            Err(e) => Err(Error::io("cannot read", &path, e)),
        }
    }

    /// The rules of a `.helmignore` text.
    pub(crate) fn parse(text: &str) -> Self {
        let rules = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (negate, l) = l.strip_prefix('!').map_or((false, l), |r| (true, r));
                let (dir_only, l) = l.strip_suffix('/').map_or((false, l), |r| (true, r));
                (
                    negate,
                    dir_only,
                    l.trim_start_matches("./")
                        .trim_start_matches('/')
                        .to_owned(),
                )
            })
            .collect();
        Ignore { rules }
    }

    /// Whether the file `rel` is left out, by its own name or a folder above it.
    pub(crate) fn excludes(&self, rel: &str) -> bool {
        let folders = rel.match_indices('/').map(|(i, _)| &rel[..i]);
        folders.into_iter().any(|dir| self.matches(dir, true)) || self.matches(rel, false)
    }

    fn matches(&self, rel: &str, is_dir: bool) -> bool {
        let base = rel.rsplit('/').next().unwrap_or(rel);
        let mut ignored = false;
        for (negate, dir_only, pattern) in &self.rules {
            if *dir_only && !is_dir {
                continue;
            }
            let target = if pattern.contains('/') { rel } else { base };
            if glob(pattern.as_bytes(), target.as_bytes()) {
                ignored = !negate;
            }
        }
        ignored
    }
}

/// Shell-style glob with `*`, `?` and `[...]`; `*` does not cross `/`.
fn glob(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => glob(&p[1..], s) || (!s.is_empty() && s[0] != b'/' && glob(p, &s[1..])),
        (Some(b'?'), Some(c)) if *c != b'/' => glob(&p[1..], &s[1..]),
        (Some(b'['), Some(c)) => match p.iter().position(|&b| b == b']') {
            Some(end) if end > 1 => {
                let class = &p[1..end];
                let (negated, class) = match class.first() {
                    Some(b'!') | Some(b'^') => (true, &class[1..]),
                    _ => (false, class),
                };
                let mut hit = false;
                let mut i = 0;
                while i < class.len() {
                    if i + 2 < class.len() && class[i + 1] == b'-' {
                        hit |= class[i] <= *c && *c <= class[i + 2];
                        i += 3;
                    } else {
                        hit |= class[i] == *c;
                        i += 1;
                    }
                }
                hit != negated && glob(&p[end + 1..], &s[1..])
            }
            _ => *c == b'[' && glob(&p[1..], &s[1..]),
        },
        (Some(a), Some(b)) => a == b && glob(&p[1..], &s[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob(b"*.swp", b"a.swp"));
        assert!(!glob(b"*.swp", b"dir/a.swp"));
        assert!(glob(b"*~", b"file~"));
        assert!(glob(b"[ab].txt", b"a.txt") && !glob(b"[!ab].txt", b"a.txt"));
        assert!(glob(b"templates/*.yaml", b"templates/x.yaml"));
    }

    #[test]
    fn helmignore_rules() {
        let ignore = Ignore {
            rules: vec![
                (false, true, ".git".into()),
                (false, false, "chartgen.yaml".into()),
                (false, false, "*.bak".into()),
                (true, false, "keep.bak".into()),
            ],
        };
        assert!(ignore.matches(".git", true) && !ignore.matches(".git", false));
        assert!(ignore.matches("chartgen.yaml", false));
        assert!(ignore.matches("templates/x.bak", false) && !ignore.matches("keep.bak", false));
    }
}
