//! What `helm template` prints (or writes with `--output-dir`) once a chart
//! has rendered: Helm's `pkg/action/action.go` `renderResources` and
//! `pkg/cmd/template.go`.

use std::collections::{BTreeMap, HashSet};
use std::io::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::manifest::split_manifests;
use super::sort::{sort_manifests, Hook, SortError};
use crate::loader::LoadedChart;

/// A CRD file of the chart tree, printed first with `--include-crds`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crd {
    /// `<chart full path>/crds/<file>`, e.g. `web/charts/db/crds/x.yaml`.
    pub filename: String,
    /// The file's text, verbatim.
    pub data: String,
}

/// Helm's `Chart.CRDObjects`: the chart's `crds/` files with a manifest
/// extension (`.yaml`, `.yml`, `.json`), then each subchart's, depth first.
/// `chart` is the chart once its dependencies are processed, so disabled
/// subcharts contribute nothing.
pub fn crd_objects(chart: &LoadedChart) -> Result<Vec<Crd>, OutputError> {
    let mut crds = Vec::new();
    collect_crds(chart, chart.name(), &mut crds)?;
    Ok(crds)
}

fn collect_crds(chart: &LoadedChart, full: &str, out: &mut Vec<Crd>) -> Result<(), OutputError> {
    for (name, bytes) in &chart.files {
        let manifest = [".yaml", ".yml", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if !name.starts_with("crds/") || !manifest {
            continue;
        }
        let filename = format!("{full}/{name}");
        let data = String::from_utf8(bytes.clone()).map_err(|_| OutputError::NotText {
            path: filename.clone(),
        })?;
        out.push(Crd { filename, data });
    }
    for sub in &chart.dependencies {
        collect_crds(sub, &format!("{full}/charts/{}", sub.name()), out)?;
    }
    Ok(())
}

/// How `helm template` prints a release: its flags that shape the output.
#[derive(Debug, Clone, Default)]
pub struct TemplateOptions {
    /// `--include-crds`: the chart tree's CRDs first.
    pub include_crds: bool,
    /// `--no-hooks`: hooks left out.
    pub no_hooks: bool,
    /// `--skip-tests`: test hooks left out.
    pub skip_tests: bool,
    /// `--show-only`: only the documents of templates matching these globs
    /// (Go's `filepath.Match`, against the path below the chart's name).
    pub show_only: Vec<String>,
    /// `--output-dir`: write files there instead of printing them.
    pub output_dir: Option<String>,
    /// `--release-name` with `--output-dir`: the release's name, a folder
    /// of the output directory.
    pub release_dir: Option<String>,
}

/// What can stop `helm template`'s output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A rendered document's head is not YAML Helm can read.
    #[error("{0}")]
    Sort(SortError),
    /// `--show-only` named a template that rendered no document.
    #[error("could not find template {0} in chart")]
    NotFound(String),
    /// A CRD file is not UTF-8 text.
    #[error("{path} is not UTF-8 text")]
    NotText {
        /// The CRD's file name.
        path: String,
    },
    /// Writing to `--output-dir` failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// A release as `helm install --dry-run` makes it: the text of its
/// manifests (Helm's `rel.Manifest`) and its hooks, in install order.
#[derive(Debug, Clone, Default)]
pub struct ReleaseManifests {
    /// CRDs (with `--include-crds`) and manifests, each as
    /// `---\n# Source: NAME\nTEXT\n`.
    pub manifest: String,
    /// The hooks.
    pub hooks: Vec<Hook>,
}

/// Helm's `renderResources` from the rendered `files` (template path →
/// text, as the engine returns them): NOTES.txt set aside, documents
/// sorted into manifests and hooks, CRDs first when `include_crds`. With
/// an output directory, the CRDs and manifests are written there instead
/// (`wrote FILE` lines go to `out`) and the manifest text stays empty.
pub fn render_resources(
    files: &BTreeMap<String, String>,
    crds: &[Crd],
    opts: &TemplateOptions,
    out: &mut String,
) -> Result<ReleaseManifests, OutputError> {
    let files = files
        .iter()
        .filter(|(path, _)| !path.ends_with("NOTES.txt"));
    let (hooks, manifests) = sort_manifests(files).map_err(OutputError::Sort)?;
    let mut manifest = String::new();
    let mut written = HashSet::new();
    if opts.include_crds {
        for crd in crds {
            match &opts.output_dir {
                None => push_document(&mut manifest, &crd.filename, &crd.data),
                Some(dir) => {
                    let append = !written.insert(crd.filename.clone());
                    write_file(dir, &crd.filename, &crd.data, append, out)?;
                }
            }
        }
    }
    for m in &manifests {
        match &opts.output_dir {
            None => push_document(&mut manifest, &m.name, &m.content),
            Some(dir) => {
                let dir = release_dir(dir, opts);
                let append = !written.insert(m.name.clone());
                write_file(&dir, &m.name, &m.content, append, out)?;
            }
        }
    }
    Ok(ReleaseManifests { manifest, hooks })
}

/// Everything `helm template` writes to standard output for the rendered
/// `files`: [`render_resources`], then the trimmed manifest text and the
/// hooks (unless `no_hooks`; tests unless `skip_tests`), filtered by
/// `show_only`; with an output directory, the `wrote FILE` lines (hooks are
/// appended to a file that exists already, as Helm appends them).
pub fn template(
    files: &BTreeMap<String, String>,
    crds: &[Crd],
    opts: &TemplateOptions,
) -> Result<String, (String, OutputError)> {
    let mut out = String::new();
    match template_into(files, crds, opts, &mut out) {
        Ok(()) => Ok(out),
        Err(e) => Err((out, e)),
    }
}

fn template_into(
    files: &BTreeMap<String, String>,
    crds: &[Crd],
    opts: &TemplateOptions,
    out: &mut String,
) -> Result<(), OutputError> {
    let release = render_resources(files, crds, opts, out)?;
    let mut manifests = format!("{}\n", release.manifest.trim());
    if !opts.no_hooks {
        for hook in &release.hooks {
            if opts.skip_tests && hook.is_test() {
                continue;
            }
            match &opts.output_dir {
                None => push_document(&mut manifests, &hook.path, &hook.manifest),
                Some(dir) => {
                    let dir = release_dir(dir, opts);
                    let append = Path::new(&go_clean(&format!("{dir}/{}", hook.path))).exists();
                    write_file(&dir, &hook.path, &hook.manifest, append, out)?;
                }
            }
        }
    }
    if opts.show_only.is_empty() {
        out.push_str(&manifests);
        return Ok(());
    }
    let docs = split_manifests(&manifests);
    let mut shown = Vec::new();
    for glob in &opts.show_only {
        let mut missing = true;
        for doc in &docs {
            let Some(path) = source_regex().captures(doc).and_then(|c| c.get(1)) else {
                continue;
            };
            if go_match(glob, path.as_str()) {
                shown.push(*doc);
                missing = false;
            }
        }
        if missing {
            return Err(OutputError::NotFound(glob.clone()));
        }
    }
    for doc in shown {
        out.push_str("---\n");
        out.push_str(doc);
        out.push('\n');
    }
    Ok(())
}

fn push_document(buffer: &mut String, name: &str, text: &str) {
    buffer.push_str("---\n# Source: ");
    buffer.push_str(name);
    buffer.push('\n');
    buffer.push_str(text);
    buffer.push('\n');
}

/// `--show-only`'s reading of a document's source: the path after the
/// chart's name.
fn source_regex() -> &'static Regex {
    static SOURCE: OnceLock<Regex> = OnceLock::new();
    SOURCE.get_or_init(|| Regex::new("# Source: [^/]+/(.+)").expect("the regex compiles"))
}

/// The folder manifests and hooks are written to: the output directory, or
/// its release-name folder (joined as Go's `filepath.Join` joins, cleaned).
fn release_dir(dir: &str, opts: &TemplateOptions) -> String {
    match &opts.release_dir {
        Some(release) => go_clean(&format!("{dir}/{release}")),
        None => dir.to_owned(),
    }
}

/// Helm's `writeToFile`: `DIR/NAME` created (or appended to) with the
/// document and its `# Source:` line, and `wrote DIR/NAME` printed.
fn write_file(
    dir: &str,
    name: &str,
    data: &str,
    append: bool,
    out: &mut String,
) -> Result<(), OutputError> {
    let file = format!("{dir}/{name}");
    let fail = |source| OutputError::Write {
        path: file.clone(),
        source,
    };
    if let Some(parent) = Path::new(&file).parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut handle = if append {
        std::fs::OpenOptions::new().append(true).open(&file)
    } else {
        std::fs::File::create(&file)
    }
    .map_err(fail)?;
    write!(handle, "---\n# Source: {name}\n{data}\n").map_err(fail)?;
    out.push_str("wrote ");
    out.push_str(&file);
    out.push('\n');
    Ok(())
}

/// Go's `path.Clean`: the shortest equivalent path, lexically.
fn go_clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `filepath.Match` with `/` as the separator: `*` any run of
/// non-separators, `?` one non-separator, `[…]` a class (`^` negates,
/// `a-z` ranges, `\` escapes). A malformed pattern matches nothing, as
/// Helm ignores Match's error.
pub fn go_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    valid_pattern(&p) && match_from(&p, &n)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    match p.first() {
        None => n.is_empty(),
        Some('*') => {
            // A star matches any run of non-separators, shortest first.
            let rest = &p[1..];
            let mut i = 0;
            loop {
                if match_from(rest, &n[i..]) {
                    return true;
                }
                if i == n.len() || n[i] == '/' {
                    return false;
                }
                i += 1;
            }
        }
        Some('?') => n.first().is_some_and(|c| *c != '/') && match_from(&p[1..], &n[1..]),
        Some('[') => {
            let Some(&c) = n.first() else { return false };
            if c == '/' {
                return false;
            }
            let (matched, len) = class(&p[1..], c);
            matched && match_from(&p[1 + len..], &n[1..])
        }
        Some('\\') => n.first() == p.get(1) && match_from(&p[2..], &n[1..]),
        Some(c) => n.first() == Some(c) && match_from(&p[1..], &n[1..]),
    }
}

/// Whether `c` is in the class that starts `p` (after its `[`), and how
/// many characters the class takes up to and with its `]`. Only called on
/// a pattern [`valid_pattern`] accepted.
fn class(p: &[char], c: char) -> (bool, usize) {
    let mut i = 0;
    let negated = p.first() == Some(&'^');
    if negated {
        i += 1;
    }
    let mut matched = false;
    let mut ranges = 0;
    loop {
        if p[i] == ']' && ranges > 0 {
            i += 1;
            break;
        }
        let (lo, used) = escaped(&p[i..]);
        i += used;
        let mut hi = lo;
        if p[i] == '-' {
            let (h, used) = escaped(&p[i + 1..]);
            hi = h;
            i += 1 + used;
        }
        if lo <= c && c <= hi {
            matched = true;
        }
        ranges += 1;
    }
    (matched != negated, i)
}

fn escaped(p: &[char]) -> (char, usize) {
    match p[0] {
        '\\' => (p[1], 2),
        c => (c, 1),
    }
}

/// Whether Go's `filepath.Match` accepts `p`: classes closed and not
/// empty, ranges with both ends, no trailing `\`.
fn valid_pattern(p: &[char]) -> bool {
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' => {
                if i + 1 >= p.len() {
                    return false;
                }
                i += 2;
            }
            '[' => {
                i += 1;
                if p.get(i) == Some(&'^') {
                    i += 1;
                }
                let mut ranges = 0;
                loop {
                    match p.get(i) {
                        None => return false,
                        Some(']') if ranges > 0 => {
                            i += 1;
                            break;
                        }
                        _ => {}
                    }
                    let Some(used) = valid_escape(&p[i..]) else {
                        return false;
                    };
                    i += used;
                    if p.get(i) == Some(&'-') {
                        let Some(used) = valid_escape(&p[i + 1..]) else {
                            return false;
                        };
                        i += 1 + used;
                    }
                    ranges += 1;
                }
            }
            _ => i += 1,
        }
    }
    true
}

/// Go's `getEsc`: a class character, `\`-escaped or not; `-`, `]` and a
/// missing character are malformed.
fn valid_escape(p: &[char]) -> Option<usize> {
    match p.first()? {
        '-' | ']' => None,
        '\\' => p.get(1).map(|_| 2),
        _ => Some(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_as_go() {
        let cases = [
            ("templates/*.yaml", "templates/a.yaml", true),
            ("templates/*", "templates/sub/a.yaml", false),
            ("templates/*/*", "templates/sub/a.yaml", true),
            ("*", "templates/a.yaml", false),
            ("templates/?.yaml", "templates/a.yaml", true),
            ("templates/[a-c].yaml", "templates/b.yaml", true),
            ("templates/[^a-c].yaml", "templates/b.yaml", false),
            ("templates/[!a].yaml", "templates/!.yaml", true),
            ("templates/\\*.yaml", "templates/*.yaml", true),
            ("templates/[", "templates/[", false),
            ("templates/[]a]", "templates/]", false),
            ("templates/a.yaml\\", "templates/a.yaml", false),
            ("templates/[a-]", "templates/a", false),
            ("templates/a.yaml", "templates/a.yaml", true),
            ("templates/a.yaml", "templates/a.yamlx", false),
        ];
        for (pattern, name, want) in cases {
            assert_eq!(go_match(pattern, name), want, "{pattern} {name}");
        }
    }

    #[test]
    fn cleans_as_go() {
        assert_eq!(go_clean("out/rel"), "out/rel");
        assert_eq!(go_clean("./out//rel/"), "out/rel");
        assert_eq!(go_clean("../a/../b"), "../b");
        assert_eq!(go_clean("/../x"), "/x");
        assert_eq!(go_clean(""), ".");
    }

    fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const HOOKED: &str = "c/templates/test.yaml";

    fn chart() -> BTreeMap<String, String> {
        files(&[
            (
                "c/templates/svc.yaml",
                "\nkind: Service\nmetadata:\n  name: s\n\n",
            ),
            ("c/templates/NOTES.txt", "Thanks"),
            (
                HOOKED,
                "kind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: test\n",
            ),
            (
                "c/templates/cm.yaml",
                "kind: ConfigMap\n---\nkind: ConfigMap\nmetadata: {name: b}",
            ),
        ])
    }

    #[test]
    fn prints_as_helm_template() {
        let crds = [Crd {
            filename: "c/crds/x.yaml".into(),
            data: "kind: CustomResourceDefinition\n".into(),
        }];
        let opts = TemplateOptions::default();
        let out = template(&chart(), &crds, &opts).unwrap();
        assert_eq!(
            out,
            "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\n---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata: {name: b}\n\
             ---\n# Source: c/templates/svc.yaml\nkind: Service\nmetadata:\n  name: s\n\
             ---\n# Source: c/templates/test.yaml\nkind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: test\n\n"
        );
        let opts = TemplateOptions {
            include_crds: true,
            skip_tests: true,
            ..Default::default()
        };
        let out = template(&chart(), &crds, &opts).unwrap();
        assert!(out
            .starts_with("---\n# Source: c/crds/x.yaml\nkind: CustomResourceDefinition\n\n---\n"));
        assert!(!out.contains("helm.sh/hook"));
        let opts = TemplateOptions {
            show_only: vec!["templates/svc.yaml".into(), "templates/c*".into()],
            ..Default::default()
        };
        let out = template(&chart(), &crds, &opts).unwrap();
        assert_eq!(
            out,
            "---\n# Source: c/templates/svc.yaml\nkind: Service\nmetadata:\n  name: s\n\
             ---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\n\
             ---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata: {name: b}\n"
        );
        let opts = TemplateOptions {
            show_only: vec!["templates/NOTES.txt".into()],
            ..Default::default()
        };
        let (_, err) = template(&chart(), &crds, &opts).unwrap_err();
        assert_eq!(
            err.to_string(),
            "could not find template templates/NOTES.txt in chart"
        );
    }
}
