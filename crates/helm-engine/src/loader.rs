//! Loading a chart with its subcharts, as Helm's `pkg/chart/loader` does:
//! a folder (minus what its `.helmignore` excludes) or a `.tgz`, every
//! file kept, subcharts under `charts/` (folders or `.tgz`) loaded in turn,
//! `values.yaml` read as Helm reads values ([`super::read`]), Chart.yaml's
//! (or a v1 chart's `requirements.yaml`) dependencies, and Helm's checks
//! of the metadata.
//!
//! Unlike Helm, links are refused and archives read with
//! [`crate::archive::read_archive`], which trusts none of their entries.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value as Json};

use super::read::{read_values, unmarshal, unmarshal_located, Spans};
use super::sprig::govalue::go_float32;
use super::sprig::semver::is_version;
use crate::archive::{read_archive_within, MAX_FILE_BYTES, MAX_TOTAL_BYTES};

/// How deep subcharts may nest (`charts/` within `charts/`): far beyond
/// any real chart, and a bound on the work a crafted archive can ask for.
/// Helm has none; chartgen refuses deeper charts and says so.
pub const MAX_SUBCHART_DEPTH: usize = 16;
use crate::error::{Error, Location, Result};
use crate::ignore::Ignore;

/// A chart as Helm holds it once loaded.
#[derive(Debug, Clone)]
pub struct LoadedChart {
    /// Chart.yaml.
    pub metadata: Metadata,
    /// The defaults: `values.yaml` as Helm reads it, always a map.
    pub values: Map<String, Json>,
    /// Where each default is written in `values.yaml`.
    pub values_spans: Spans,
    /// `values.yaml`'s text (empty when the chart has none).
    pub values_text: String,
    /// `values.schema.json`, as bytes.
    pub schema: Option<Vec<u8>>,
    /// `templates/…`, by path.
    pub templates: BTreeMap<String, Vec<u8>>,
    /// Every other file (`charts/` aside), by path.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The subcharts: those under `charts/` once loaded, those Helm keeps
    /// once [`super::dependencies::process_dependencies`] has run.
    pub dependencies: Vec<LoadedChart>,
    /// Where the chart is, as the user sees it: `web`, `web/charts/redis`,
    /// `web/charts/redis-1.2.0.tgz:redis`.
    pub source: String,
}

/// A chart's Chart.yaml, as Helm's `chart.Metadata` holds it: the fields
/// loading and dependencies use, typed, and all of it as read (for
/// `.Chart`, annotations). The one reading of Chart.yaml: naming a chart,
/// rendering, linting and packaging all read it with [`Metadata::parse`].
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// `apiVersion` (`v1` when absent, as Helm assumes).
    pub api_version: String,
    /// `name`; an alias renames a subchart's copy.
    pub name: String,
    /// `version`.
    pub version: String,
    /// `type`.
    pub kind: String,
    /// `dependencies`: `None` when Chart.yaml has no such key, which Helm
    /// tells from an empty list.
    pub dependencies: Option<Vec<Dependency>>,
    /// Chart.yaml as read (sigs.k8s.io/yaml).
    pub raw: Map<String, Json>,
    /// Where Chart.yaml's fields are written (requirements.yaml's, for a
    /// v1 chart's dependencies), and in which file.
    pub spans: (String, Spans),
}

/// One entry of Chart.yaml's `dependencies`.
#[derive(Debug, Clone, Default)]
pub struct Dependency {
    /// `name`; the alias once dependencies are processed.
    pub name: String,
    /// `version`, a semver range.
    pub version: String,
    /// `repository`.
    pub repository: String,
    /// `condition`: comma-separated value paths.
    pub condition: String,
    /// `tags`.
    pub tags: Vec<String>,
    /// Whether it is enabled (set while processing dependencies).
    pub enabled: bool,
    /// `import-values`: strings (`exports.` keys) or `{child, parent}` maps.
    pub import_values: Vec<Json>,
    /// `alias`.
    pub alias: String,
}

impl LoadedChart {
    /// The chart's name (Chart.yaml's `name`, or its alias).
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// The chart without its templates and other files (subcharts'
    /// alike): what checking values needs, cheap to copy for each set of
    /// values dependency processing changes.
    pub fn values_only(&self) -> LoadedChart {
        LoadedChart {
            metadata: self.metadata.clone(),
            values: self.values.clone(),
            values_spans: self.values_spans.clone(),
            values_text: self.values_text.clone(),
            schema: self.schema.clone(),
            templates: BTreeMap::new(),
            files: BTreeMap::new(),
            dependencies: self.dependencies.iter().map(Self::values_only).collect(),
            source: self.source.clone(),
        }
    }

    /// The chart's `values.yaml` as the user sees it, to locate defaults in.
    pub fn values_file(&self) -> String {
        format!("{}/values.yaml", self.source)
    }
}

/// Loads the chart at `path`: a folder or a packaged `.tgz`. `shown` names
/// it in errors and locations.
pub fn load(path: &Path, shown: &str) -> Result<LoadedChart> {
    if path.is_dir() {
        load_dir(path, shown)
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io("cannot read", path, e))?;
        let mut budget = MAX_TOTAL_BYTES;
        let archive = read_archive_within(&path.display().to_string(), file, &mut budget)?;
        let files = archive.files.into_iter().collect();
        load_nested(files, &format!("{shown}:{}", archive.top), 0, &mut budget)
    }
}

/// The chart in folder `dir`, every file read (subchart folders included)
/// minus what its `.helmignore` excludes. Links and other irregular files
/// are refused, and sizes bounded as for archives.
pub fn load_dir(dir: &Path, shown: &str) -> Result<LoadedChart> {
    load_files(read_dir(dir)?, shown)
}

/// Every file of the chart in folder `dir`, by path, as Helm's directory
/// loader reads them: minus what `.helmignore` excludes and hidden files
/// under `templates/`; links and other irregular files refused, sizes
/// bounded as for archives.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let refuse = |message: String| Error::Chart {
        path: dir.to_owned(),
        message,
    };
    let ignore = match std::fs::read_to_string(dir.join(".helmignore")) {
        Ok(text) => Ignore::parse(&text),
        Err(_) => Ignore::parse(""),
    };
    let mut files = Vec::new();
    let mut total = 0;
    let mut pending = vec![(dir.to_owned(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| Error::io("cannot read", &folder, e))?;
        let mut entries = entries
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(|e| Error::io("cannot read", &folder, e))?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{prefix}{name}");
            let kind = entry
                .file_type()
                .map_err(|e| Error::io("cannot read", entry.path(), e))?;
            // Helm's default rule: hidden files under templates/ are skipped.
            if ignore.excludes(&rel) || (rel.starts_with("templates/") && name.starts_with('.')) {
                continue;
            }
            if kind.is_symlink() {
                return Err(refuse(format!(
                    "`{rel}` is a link; chartgen reads only the chart's own files"
                )));
            }
            if kind.is_dir() {
                pending.push((entry.path(), format!("{rel}/")));
                continue;
            }
            if !kind.is_file() {
                return Err(refuse(format!(
                    "`{rel}` is not a regular file, which Helm cannot load"
                )));
            }
            // Opened once, and read no further than the bound (its size
            // only sizes the buffer): a file that grows meanwhile is still
            // bounded.
            let path = entry.path();
            let file =
                std::fs::File::open(&path).map_err(|e| Error::io("cannot read", &path, e))?;
            let size = file
                .metadata()
                .map_err(|e| Error::io("cannot read", &path, e))?
                .len();
            let mut bytes =
                Vec::with_capacity(usize::try_from(size.min(MAX_FILE_BYTES)).unwrap_or(0));
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read", &path, e))?;
            total += bytes.len() as u64;
            if bytes.len() as u64 > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
                return Err(refuse(format!(
                    "`{rel}` is too large: a chart file may be at most {MAX_FILE_BYTES} bytes \
                     and all of them {MAX_TOTAL_BYTES}"
                )));
            }
            files.push((rel, bytes));
        }
    }
    Ok(files)
}

/// Helm's `LoadFiles`: a chart from its files, by path relative to the
/// chart's folder. `source` names the chart in errors and locations.
/// Archives among its subcharts are decompressed within what is left of
/// one chart's bound once its own files are counted.
pub fn load_files(files: Vec<(String, Vec<u8>)>, source: &str) -> Result<LoadedChart> {
    let size: u64 = files.iter().map(|(_, data)| data.len() as u64).sum();
    let mut budget = MAX_TOTAL_BYTES.saturating_sub(size);
    load_nested(files, source, 0, &mut budget)
}

/// [`load_files`] for a chart `depth` levels below the top, nested
/// archives drawing on `budget`.
fn load_nested(
    files: Vec<(String, Vec<u8>)>,
    source: &str,
    depth: usize,
    budget: &mut u64,
) -> Result<LoadedChart> {
    if depth > MAX_SUBCHART_DEPTH {
        return Err(Error::Chart {
            path: source.into(),
            message: format!(
                "is a subchart nested deeper than {MAX_SUBCHART_DEPTH} levels, which chartgen \
                 does not load (Helm sets no limit)"
            ),
        });
    }
    let at = |rel: &str| format!("{source}/{rel}");
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, data)| {
            let data = data
                .strip_prefix(b"\xEF\xBB\xBF")
                .map_or(data.clone(), <[u8]>::to_vec);
            (name, data)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut metadata = None;
    if let Some((_, data)) = files.iter().find(|(name, _)| name == "Chart.yaml") {
        metadata = Some(read_metadata(&at("Chart.yaml"), data, Metadata::default())?);
    }
    let mut chart = LoadedChart {
        metadata: Metadata::default(),
        values: Map::new(),
        values_spans: Spans::new(),
        values_text: String::new(),
        schema: None,
        templates: BTreeMap::new(),
        files: BTreeMap::new(),
        dependencies: Vec::new(),
        source: source.to_owned(),
    };
    let mut subcharts: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    for (name, data) in files {
        match name.as_str() {
            "Chart.yaml" => {}
            "Chart.lock" | "requirements.lock" => {
                text(&at(&name), &data).and_then(|t| yaml(&at(&name), t))?;
                if name == "requirements.lock" && is_v1(metadata.as_ref()) {
                    chart.files.insert(name, data);
                }
            }
            "values.yaml" => {
                let file = at(&name);
                let text = text(&file, &data)?;
                let read = read_values(text).map_err(|e| e.in_file(&file))?;
                if let Json::Object(values) = read.value {
                    chart.values = values;
                }
                chart.values_spans = read.spans;
                chart.values_text = text.to_owned();
            }
            "values.schema.json" => chart.schema = Some(data),
            "requirements.yaml" => {
                let before = metadata.take().unwrap_or_default();
                let with = read_metadata(&at(&name), &data, before)?;
                let v1 = with.api_version == "v1";
                metadata = Some(with);
                if v1 {
                    chart.files.insert(name, data);
                }
            }
            _ if name.starts_with("templates/") => {
                chart.templates.insert(name, data);
            }
            _ if name.starts_with("charts/") => {
                if name.ends_with(".prov") {
                    chart.files.insert(name, data);
                    continue;
                }
                let rest = &name["charts/".len()..];
                let sub = rest.split('/').next().unwrap_or(rest).to_owned();
                subcharts
                    .entry(sub)
                    .or_default()
                    .push((rest.to_owned(), data));
            }
            _ => {
                chart.files.insert(name, data);
            }
        }
    }
    let metadata = metadata.ok_or_else(|| Error::Chart {
        path: source.into(),
        message: "has no Chart.yaml; is it a chart?".into(),
    })?;
    metadata.validate()?;
    chart.metadata = metadata;
    for (name, files) in subcharts {
        if name.starts_with(['_', '.']) {
            continue;
        }
        let sub_source = format!("{source}/charts/{name}");
        // Helm's test is case-sensitive: `x.TGZ` is read as a folder.
        let sub = if Path::new(&name).extension().is_some_and(|e| e == "tgz") {
            let [(file, data)] = files.as_slice() else {
                return Err(Error::Chart {
                    path: sub_source.into(),
                    message: "is a folder named like an archive".into(),
                });
            };
            if *file != name {
                return Err(Error::Chart {
                    path: sub_source.into(),
                    message: "is a folder named like an archive".into(),
                });
            }
            let archive = read_archive_within(&sub_source, data.as_slice(), budget)?;
            let files = archive.files.into_iter().collect();
            load_nested(
                files,
                &format!("{sub_source}:{}", archive.top),
                depth + 1,
                budget,
            )?
        } else {
            let files = files
                .into_iter()
                .filter_map(|(path, data)| {
                    path.split_once('/')
                        .map(|(_, rest)| (rest.to_owned(), data))
                })
                .collect();
            load_nested(files, &sub_source, depth + 1, budget)?
        };
        chart.dependencies.push(sub);
    }
    Ok(chart)
}

fn is_v1(metadata: Option<&Metadata>) -> bool {
    metadata.is_some_and(|m| m.api_version == "v1")
}

fn whole(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        line: None,
        column: None,
    }
}

fn text<'a>(file: &str, data: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(data).map_err(|_| Error::Input {
        location: Some(whole(file)),
        key: None,
        message: "is not UTF-8 text".into(),
        hint: None,
    })
}

fn yaml(file: &str, text: &str) -> Result<Json> {
    unmarshal(text).map_err(|e| e.in_file(file))
}

/// An error about the field at `key` of `file`, at the nearest place
/// `spans` know for it.
fn located(
    file: &str,
    spans: &Spans,
    key: &[String],
    message: String,
    hint: Option<String>,
) -> Error {
    let at = (1..=key.len())
        .rev()
        .find_map(|n| spans.get(&key[..n]))
        .map(|span| span.at());
    Error::Input {
        location: Some(Location {
            file: file.to_owned(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
        }),
        key: Some(key.join(".")).filter(|k| !k.is_empty()),
        message,
        hint,
    }
}

impl Metadata {
    /// Chart.yaml's `text` read as Helm's loader reads it, without Helm's
    /// checks of the fields (see [`Metadata::validate`]); `file` names it
    /// in errors.
    pub fn parse(file: &str, text: &str) -> Result<Metadata> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        read_metadata_text(file, text, Metadata::default())
    }

    /// Helm's checks of the fields, as its loader makes them: an error names
    /// the field, where it is written, and how to fix it.
    pub fn validate(&self) -> Result<()> {
        validate(self).map_err(|(key, message, hint)| {
            let (file, spans) = &self.spans;
            located(file, spans, &key, message, hint)
        })
    }

    /// Whether `dependencies` lists any subchart.
    pub fn has_dependencies(&self) -> bool {
        self.dependencies.as_ref().is_some_and(|d| !d.is_empty())
    }

    /// The annotation `key`, when it is a string.
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.raw
            .get("annotations")
            .and_then(|a| a.get(key))
            .and_then(Json::as_str)
    }
}

/// Chart.yaml (or requirements.yaml) read into `into` as
/// `sigs.k8s.io/yaml` reads it into Helm's Metadata struct: the keys the
/// file has replace what `into` held.
fn read_metadata(file: &str, data: &[u8], into: Metadata) -> Result<Metadata> {
    read_metadata_text(file, text(file, data)?, into)
}

/// [`read_metadata`] of a file's text.
fn read_metadata_text(file: &str, text: &str, mut into: Metadata) -> Result<Metadata> {
    let (raw, spans) = unmarshal_located(text).map_err(|e| e.in_file(file))?;
    let refuse = |key: &[String], message: String, hint: Option<String>| {
        located(file, &spans, key, message, hint)
    };
    let raw = match raw {
        Json::Object(raw) => raw,
        Json::Null => Map::new(),
        _ => {
            return Err(refuse(
                &[],
                "must be a map of fields".into(),
                Some("e.g. `apiVersion: v2`, `name: my-chart`, `version: 0.1.0`".into()),
            ))
        }
    };
    let string = |key: &str| -> Result<Option<String>> {
        match raw.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => go_string(value).map(Some).ok_or_else(|| {
                refuse(
                    &[key.to_owned()],
                    "must be a string".into(),
                    Some(format!("e.g. `{key}: \"…\"`")),
                )
            }),
        }
    };
    if let Some(v) = string("apiVersion")? {
        into.api_version = v;
    }
    if let Some(v) = string("name")? {
        into.name = v;
    }
    if let Some(v) = string("version")? {
        into.version = v;
    }
    if let Some(v) = string("type")? {
        into.kind = v;
    }
    match raw.get("dependencies") {
        None => {}
        Some(Json::Null) => into.dependencies = None,
        Some(Json::Array(items)) => {
            let mut deps = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                deps.push(dependency(item).map_err(|(field, message)| {
                    let mut key = vec!["dependencies".to_owned(), i.to_string()];
                    key.extend(field.map(str::to_owned));
                    refuse(&key, message, None)
                })?);
            }
            into.dependencies = Some(deps);
            into.spans = (file.to_owned(), spans.clone());
        }
        Some(_) => {
            return Err(refuse(
                &["dependencies".to_owned()],
                "must be a list".into(),
                Some("e.g. `dependencies: [{name: redis, version: 19.x, repository: …}]`".into()),
            ))
        }
    }
    if into.api_version.is_empty() {
        // Helm 2 charts may leave it out; Helm reads them as v1.
        into.api_version = "v1".into();
    }
    if file.ends_with("Chart.yaml") || into.spans.0.is_empty() {
        into.spans = (file.to_owned(), spans);
    }
    into.raw.extend(raw);
    Ok(into)
}

/// One `dependencies` entry; a null entry is kept as an empty one for
/// [`validate`] to refuse, as Helm does.
fn dependency(item: &Json) -> std::result::Result<Dependency, (Option<&'static str>, String)> {
    let Json::Object(fields) = item else {
        return if item.is_null() {
            Ok(Dependency {
                name: "\0null".into(),
                ..Dependency::default()
            })
        } else {
            Err((None, "must be a map of fields".into()))
        };
    };
    let string =
        |key: &'static str| -> std::result::Result<String, (Option<&'static str>, String)> {
            match fields.get(key) {
                None | Some(Json::Null) => Ok(String::new()),
                Some(v) => go_string(v).ok_or_else(|| (Some(key), "must be a string".to_owned())),
            }
        };
    let tags = match fields.get("tags") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(tags)) => tags
            .iter()
            .map(|t| go_string(t).ok_or_else(|| (Some("tags"), "must be strings".to_owned())))
            .collect::<std::result::Result<_, _>>()?,
        Some(_) => return Err((Some("tags"), "must be a list".into())),
    };
    let import_values = match fields.get("import-values") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(items)) => items.clone(),
        Some(_) => return Err((Some("import-values"), "must be a list".into())),
    };
    Ok(Dependency {
        name: string("name")?,
        version: string("version")?,
        repository: string("repository")?,
        condition: string("condition")?,
        tags,
        enabled: fields
            .get("enabled")
            .and_then(Json::as_bool)
            .unwrap_or(false),
        import_values,
        alias: string("alias")?,
    })
}

/// A scalar as `sigs.k8s.io/yaml` turns it into a Go string field: numbers
/// and booleans become their text.
pub(crate) fn go_string(value: &Json) -> Option<String> {
    match value {
        Json::String(s) => Some(s.clone()),
        Json::Bool(b) => Some(b.to_string()),
        Json::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        Json::Number(n) => n.as_f64().map(go_float32),
        _ => None,
    }
}

/// Helm's `Metadata.Validate`, as far as loading needs it.
/// A refusal names the field (a key path), says what is wrong, and how to
/// fix it.
fn validate(metadata: &Metadata) -> std::result::Result<(), (Vec<String>, String, Option<String>)> {
    let field = |path: &[&str]| path.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    let semver = || Some("a SemVer 2 version, e.g. `version: 0.1.0`".to_owned());
    let name = &metadata.name;
    if name.is_empty() {
        return Err((
            field(&["name"]),
            "chart.metadata.name is required".into(),
            Some("e.g. `name: my-chart`".into()),
        ));
    }
    // Helm's test: the name is its own `filepath.Base`.
    if name.contains('/') {
        return Err((
            field(&["name"]),
            format!("chart.metadata.name {name:?} is invalid"),
            Some("a chart's name holds no `/`".into()),
        ));
    }
    if metadata.version.is_empty() {
        return Err((
            field(&["version"]),
            "chart.metadata.version is required".into(),
            semver(),
        ));
    }
    if !is_version(&metadata.version) {
        return Err((
            field(&["version"]),
            format!("chart.metadata.version {:?} is invalid", metadata.version),
            semver(),
        ));
    }
    if !matches!(metadata.kind.as_str(), "" | "application" | "library") {
        return Err((
            field(&["type"]),
            "chart.metadata.type must be application or library".into(),
            Some("`type: application` (the default) or `type: library`".into()),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, dependency) in metadata.dependencies.iter().flatten().enumerate() {
        let at = |key: &str| {
            let mut path = field(&["dependencies", &i.to_string()]);
            path.extend((!key.is_empty()).then(|| key.to_owned()));
            path
        };
        if dependency.name == "\0null" {
            return Err((
                at(""),
                "dependencies must not contain empty or null nodes".into(),
                None,
            ));
        }
        if !dependency.alias.is_empty()
            && !dependency
                .alias
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return Err((
                at("alias"),
                format!(
                    "dependency {:?} has disallowed characters in the alias",
                    dependency.name
                ),
                Some("an alias holds letters, digits, `_` and `-`".into()),
            ));
        }
        let key = if dependency.alias.is_empty() {
            &dependency.name
        } else {
            &dependency.alias
        };
        if !seen.insert(key.clone()) {
            let which = if dependency.alias.is_empty() {
                "name"
            } else {
                "alias"
            };
            return Err((
                at(which),
                format!("more than one dependency with name or alias {key:?}"),
                Some("give one of them an `alias`".into()),
            ));
        }
    }
    Ok(())
}
