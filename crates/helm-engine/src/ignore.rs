//! `.helmignore`: which of a chart folder's files Helm leaves out when it
//! loads or packages the folder.

use std::fs;
use std::path::Path;

use crate::error::{Error, Result};

/// `.helmignore` patterns: shell globs matched against the path and the
/// file name, a trailing `/` matching folders only, `!` negating, `#` comments.
pub struct Ignore {
    rules: Vec<(bool, bool, String)>,
}

impl Ignore {
    /// The rules of `chart`'s `.helmignore` (none when it has none).
    pub fn load(chart: &Path) -> Result<Self> {
        let path = chart.join(".helmignore");
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Self::parse(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::parse("")),
            Err(e) => Err(Error::io("cannot read", &path, e)),
        }
    }

    /// The rules of a `.helmignore` text.
    pub fn parse(text: &str) -> Self {
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
    pub fn excludes(&self, rel: &str) -> bool {
        let folders = rel.match_indices('/').map(|(i, _)| &rel[..i]);
        folders.into_iter().any(|dir| self.matches(dir, true)) || self.matches(rel, false)
    }

    /// Whether a rule leaves out `rel` itself, a folder when `is_dir`
    /// (not looking at the folders above it).
    pub fn matches(&self, rel: &str, is_dir: bool) -> bool {
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
