//! `chartgen template`: `helm template [NAME] CHART`, offline.
//!
//! As Helm's `pkg/cmd/template.go` and `pkg/action/install.go` do: the
//! release named (`NAME`, `--name-template`, else `release-name`) and its
//! name checked; the chart loaded with its subcharts; the `-f` files stacked
//! and the `--set*` flags merged over them; dependencies processed and the
//! values merged over the defaults; every schema checked; Chart.yaml's
//! `kubeVersion` held against `--kube-version`; the templates rendered; and
//! the result printed as `helm template` prints it
//! ([`helm_engine::release::output`]).
//!
//! Rendering goes through [`render_chart`], the one place that knows which
//! engine runs. Today's engine cannot render everything Helm can; where a
//! chart or a flag needs what it lacks, the command fails and says what,
//! rather than print something Helm would not.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde_json::Value as Json;

use super::engine;
use crate::cli::TemplateArgs;
use crate::error::{EngineError, Error, Location, Result};
use crate::model::{load_spec, read_input};
use crate::schema::{check_chart, locate_error, violation_error};
use crate::yaml::{read_bounded, ValuesSource, MAX_VALUES_BYTES};
use helm_engine::archive::read_archive;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::{load, load_files, LoadedChart};
use helm_engine::release::kube::{check_kube_version, parse_kube_version, KubeVersion};
use helm_engine::release::output::{crd_objects, template, OutputError, TemplateOptions};
use helm_engine::strvals::{merge_set_flags, SetFlags};
use helm_engine::values::{coalesce_values, merge_maps, Values};
use helm_engine::{ChartFiles, Release, Renderer};

/// What `helm template` calls the release when none is named.
const DEFAULT_RELEASE: &str = "release-name";

/// Helm's rule for release names (`chartutil.ValidateReleaseName`).
const RELEASE_NAME_PATTERN: &str =
    r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

/// The longest release name Helm takes.
const MAX_RELEASE_NAME: usize = 53;

pub(super) fn run(args: TemplateArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(flag) = args.refused.first() {
        return Err(Error::Usage(format!(
            "{flag} needs a Kubernetes cluster, a network or a chart repository, which \
             `chartgen template` never uses; run `helm template` for it, or drop the flag"
        )));
    }
    let (name, chart_arg) = name_and_chart(&args)?;
    validate_release_name(&name)?;
    let kube = match &args.kube_version {
        Some(text) => parse_kube_version(text)
            .map_err(|e| Error::Usage(format!("invalid kube version '{text}': {e}")))?,
        None => KubeVersion::default(),
    };
    let source = chart_source(&args, chart_arg)?;
    let (files, mut loaded) = (source.files, source.loaded);
    super::check_dependencies(&loaded)?;

    let sources = values_files(&args.values)?;
    let mut user = Values::new();
    for file in &sources {
        merge_maps(&mut user, file.values());
    }
    let flags = SetFlags {
        json: args.set_json.clone(),
        values: args.set.clone(),
        strings: args.set_string.clone(),
        files: args.set_file.clone(),
        literals: args.set_literal.clone(),
    };
    merge_set_flags(&mut user, &flags, &mut read_set_file).map_err(Error::Usage)?;

    let merged = process_dependencies(&mut loaded, &user)
        .and_then(|()| coalesce_values(&loaded, &user))
        .map_err(|e| locate_error(Error::from(e), &sources, &loaded))?;
    if !args.skip_schema_validation {
        let violations = check_chart(&loaded, &merged)?;
        if let Some(first) = violations.first() {
            for violation in &violations[1..] {
                eprintln!("error: {}", violation_error(violation, &sources, &loaded));
            }
            return Err(violation_error(first, &sources, &loaded));
        }
    }
    let constraint = loaded
        .metadata
        .raw
        .get("kubeVersion")
        .and_then(Json::as_str)
        .unwrap_or_default();
    check_kube_version(constraint, &kube).map_err(|m| {
        Error::Render(EngineError::Chart {
            path: loaded.source.clone().into(),
            message: m,
        })
    })?;

    let request = RenderRequest {
        name: &name,
        namespace: &args.namespace,
        is_upgrade: args.is_upgrade,
        kube: &kube,
        api_versions: &args.api_versions,
        set: &set_alone(&args.set)?,
    };
    let rendered = render_chart(&files, &loaded, &merged, &request)?;
    let crds = crd_objects(&loaded).map_err(output_error)?;
    let opts = TemplateOptions {
        include_crds: args.include_crds,
        no_hooks: args.no_hooks,
        skip_tests: args.skip_tests,
        show_only: args.show_only.clone(),
        output_dir: args.output_dir.clone(),
        release_dir: args.release_name.then(|| name.clone()),
    };
    let write = |out: &mut dyn Write, text: &str| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("cannot write", "standard output", e))
    };
    match template(&rendered, &crds, &opts) {
        Ok(text) => write(out, &text),
        Err((text, error)) => {
            write(out, &text)?;
            Err(output_error(error))
        }
    }
}

/// What to render a chart as, beyond its values.
struct RenderRequest<'a> {
    name: &'a str,
    namespace: &'a str,
    is_upgrade: bool,
    kube: &'a KubeVersion,
    api_versions: &'a [String],
    /// What `--set` gave alone (typed values, integers as `int64`).
    set: &'a Values,
}

/// Renders `loaded` (its dependencies processed) with `merged` values:
/// template path → text, as Helm's engine returns them.
///
/// Today's engine renders a chart's own templates, for Helm's default
/// Kubernetes version and API versions, as an install. Whatever it cannot
/// render as Helm would is refused here, naming what is missing; a newer
/// engine lifts these checks.
fn render_chart(
    files: &ChartFiles,
    loaded: &LoadedChart,
    merged: &Values,
    request: &RenderRequest<'_>,
) -> Result<BTreeMap<String, String>> {
    let unsupported = |what: String| {
        Error::Render(EngineError::Chart {
            path: loaded.source.clone().into(),
            message: format!(
                "{what}, which chartgen's template engine cannot render yet; nothing was \
                 printed rather than output that differs from Helm's\n  help: render this \
                 chart with `helm template` for now"
            ),
        })
    };
    if !loaded.dependencies.is_empty() {
        let names: Vec<String> = loaded
            .dependencies
            .iter()
            .map(|d| format!("`{}`", d.name()))
            .collect();
        return Err(unsupported(format!(
            "the chart has subcharts ({})",
            names.join(", ")
        )));
    }
    let texts = || {
        files
            .files
            .iter()
            .filter(|(path, _)| path.starts_with("templates/"))
            .map(|(_, text)| text.as_str())
            .chain(strings_of(merged))
    };
    let mentions = |word: &str| texts().any(|t| t.contains(word));
    if *request.kube != KubeVersion::default() && mentions("Capabilities") {
        return Err(unsupported(format!(
            "--kube-version {} for a chart that reads `.Capabilities`",
            request.kube.version
        )));
    }
    if !request.api_versions.is_empty() && mentions("Capabilities") {
        return Err(unsupported(
            "--api-versions for a chart that reads `.Capabilities`".into(),
        ));
    }
    let whole_release = || {
        texts().any(|t| {
            t.match_indices("Release")
                .any(|(i, _)| !t[i + 7..].starts_with('.'))
        })
    };
    if request.is_upgrade && (mentions("IsUpgrade") || whole_release()) {
        return Err(unsupported(
            "--is-upgrade for a chart that reads `.Release.IsUpgrade`".into(),
        ));
    }
    if let Some(what) = integer_limit(request.set, &mentions) {
        return Err(unsupported(what));
    }
    if let Some(what) = exponent_float(merged) {
        return Err(unsupported(what));
    }
    if let Some(what) = shared_map_change(files) {
        return Err(unsupported(what));
    }
    let files = ChartFiles {
        subcharts: false,
        ..files.clone()
    };
    let release = Release {
        name: request.name.to_owned(),
        namespace: request.namespace.to_owned(),
        install: !request.is_upgrade,
    };
    Renderer::new(&files)
        .and_then(|r| r.render(&Json::Object(merged.clone()), &release))
        .map_err(|e| Error::Render(explain_engine_error(e)))
}

/// The values `--set` gives on its own, to see which integers it gives.
fn set_alone(texts: &[String]) -> Result<Values> {
    let flags = SetFlags {
        values: texts.to_vec(),
        ..SetFlags::default()
    };
    let mut values = Values::new();
    merge_set_flags(&mut values, &flags, &mut read_set_file).map_err(Error::Usage)?;
    Ok(values)
}

/// Today's engine holds every number as a float, as Helm holds numbers
/// from values files; `--set` gives integers (Go's `int64`), which print
/// alike below a million unless a template asks for a value's type.
fn integer_limit(set: &Values, mentions: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut integers = Vec::new();
    collect_integers(&Json::Object(set.clone()), &mut integers);
    if let Some(big) = integers.iter().find(|n| n.unsigned_abs() >= 1_000_000) {
        return Some(format!(
            "the integer {big} from --set (Helm prints it as an integer, today's engine as a float)"
        ));
    }
    let typed = ["typeOf", "typeIs", "kindOf", "kindIs"];
    if !integers.is_empty() && typed.iter().any(|w| mentions(w)) {
        return Some(
            "integers from --set in a chart that asks for values' types (Helm's are `int64`, \
             today's engine's `float64`)"
                .into(),
        );
    }
    None
}

fn collect_integers(value: &Json, out: &mut Vec<i64>) {
    match value {
        Json::Number(n) => out.extend(n.as_i64()),
        Json::Array(items) => items.iter().for_each(|v| collect_integers(v, out)),
        Json::Object(map) => map.values().for_each(|v| collect_integers(v, out)),
        _ => {}
    }
}

/// A number of the values Helm holds as a float and prints with an
/// exponent (`1e+06`, `1e-05`), which today's engine prints in full.
fn exponent_float(values: &Values) -> Option<String> {
    let mut pending: Vec<(String, &Json)> = values.iter().map(|(k, v)| (k.clone(), v)).collect();
    while let Some((path, value)) = pending.pop() {
        match value {
            Json::Number(n) => {
                let f = n.as_f64().unwrap_or_default().abs();
                if f >= 1e6 || (f != 0.0 && f < 1e-4) {
                    return Some(format!(
                        "the value `{path}: {n}`, which Helm prints as Go prints a float (with an \
                         exponent) and today's engine in full"
                    ));
                }
            }
            Json::Array(items) => pending.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{path}[{i}]"), v)),
            ),
            Json::Object(map) => {
                pending.extend(map.iter().map(|(k, v)| (format!("{path}.{k}"), v)));
            }
            _ => {}
        }
    }
    None
}

/// A template that changes a map in place where today's engine would not
/// see the change everywhere Go does: `set`, `unset` or a `merge` on a map
/// reached through a field (`set . "k" v`, `merge .Values.a …`), or on a
/// variable that holds such a map (`$m := .Values.a`, then `set $m …`).
/// Only a map held in a variable of its own and made in the template
/// (`$m := dict …`) changes alike in both.
fn shared_map_change(files: &ChartFiles) -> Option<String> {
    let action = regex::Regex::new(r"(?s)\{\{(.*?)\}\}").expect("the pattern compiles");
    let call = regex::Regex::new(
        r"(?:^|[\s(|])(set|unset|merge|mergeOverwrite|mustMerge|mustMergeOverwrite)\s+([^\s)]+)",
    )
    .expect("the pattern compiles");
    let assign =
        regex::Regex::new(r"(\$[A-Za-z0-9_]+)\s*:?=\s*([^\s)]+)").expect("the pattern compiles");
    let templates: Vec<(&String, &String)> = files
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("templates/"))
        .collect();
    // Variables that may hold a map reached from elsewhere: assigned a
    // field, the root, another variable, or a range's elements.
    let mut shared = std::collections::BTreeSet::new();
    for (_, text) in &templates {
        for a in action.captures_iter(text) {
            for c in assign.captures_iter(&without_strings(&a[1])) {
                let value = &c[2];
                if value.starts_with('.') || value.starts_with('$') {
                    shared.insert(c[1].to_owned());
                }
            }
        }
    }
    for (path, text) in &templates {
        for a in action.captures_iter(text) {
            let body = a[1].trim_start_matches('-').trim_start();
            if body.starts_with("/*") {
                continue;
            }
            let code = without_strings(body);
            for c in call.captures_iter(&code) {
                let target = &c[2];
                let fresh = target.starts_with('(') || target.starts_with('"');
                let own = target.starts_with('$')
                    && target.len() > 1
                    && target[1..]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && !shared.contains(target);
                if fresh || own {
                    continue;
                }
                let line = text[..a.get(0).map_or(0, |m| m.start())]
                    .matches('\n')
                    .count()
                    + 1;
                return Some(format!(
                    "`{} {target} …` in {}/{path}:{line}, which changes a map other values \
                     share (Go's maps are references; today's engine copies them)",
                    &c[1], files.name
                ));
            }
        }
    }
    None
}

/// An action's code with its string literals (`"…"`, `` `…` ``) and
/// character constants blanked, so words inside them are not calls.
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '`' | '\'' => {
                out.push(c);
                while let Some(d) = chars.next() {
                    if d == '\\' && c != '`' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Every string of `values`, which `tpl` may render as a template.
fn strings_of(values: &Values) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut pending: Vec<&Json> = values.values().collect();
    while let Some(value) = pending.pop() {
        match value {
            Json::String(s) => out.push(s.as_str()),
            Json::Array(items) => pending.extend(items),
            Json::Object(map) => pending.extend(map.values()),
            _ => {}
        }
    }
    out.into_iter()
}

/// The engine's error, with what it cannot do named where its words do not.
fn explain_engine_error(error: EngineError) -> EngineError {
    match error {
        EngineError::Template {
            name,
            line,
            column,
            message,
        } if message.contains("can't give argument to non-function") => EngineError::Template {
            name,
            line,
            column,
            message: format!(
                "{}\n  help: chartgen's template engine cannot call methods of built-in \
                 objects yet (`.Files.Get`, `.Files.Glob`, `.Capabilities.APIVersions.Has`, …); \
                 render this chart with `helm template` for now",
                message.split("\n  help:").next().unwrap_or_default()
            ),
        },
        other => other,
    }
}

/// The chart as the engine renders it and as Helm loads it.
struct ChartSource {
    files: ChartFiles,
    loaded: LoadedChart,
}

/// Reads CHART: a folder, a packaged chart, or a chartgen.yaml whose chart
/// is generated in memory.
fn chart_source(args: &TemplateArgs, chart: &str) -> Result<ChartSource> {
    let path = Path::new(chart);
    if chart.contains("://") || (!path.exists() && looks_like_repo_ref(chart)) {
        return Err(Error::Usage(format!(
            "`{chart}` is a repository or registry reference; `chartgen template` reads \
             charts from disk only (a folder, a .tgz or a chartgen.yaml): fetch it first, \
             e.g. `helm pull {chart} --untar`"
        )));
    }
    if !path.exists() {
        return Err(EngineError::Input {
            location: Some(Location::file(chart)),
            key: None,
            message: "no such chart: not a folder, a .tgz or a chartgen.yaml".into(),
            hint: None,
        }
        .into());
    }
    if path.is_dir() {
        let files = ChartFiles::from_dir(path).map_err(|e| Error::from(e).unreadable())?;
        let loaded = load(path, chart).map_err(|e| Error::from(e).chart_as_input())?;
        return Ok(ChartSource { files, loaded });
    }
    let named_spec = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with("chartgen.yaml"));
    let archive = [".tgz", ".tar.gz"].iter().any(|e| chart.ends_with(e));
    if let (false, Ok(text)) = (archive, read_input(path)) {
        if named_spec || super::lint::is_spec(&text) {
            let spec = load_spec(chart, &text)?;
            let generated = engine(&args.source)?
                .generate(&spec, Some(&text))
                .map_err(|e| e.located(chart, &text))?;
            let bytes = generated
                .files
                .iter()
                .map(|(p, t)| (p.clone(), t.clone().into_bytes()))
                .collect();
            let loaded = load_files(bytes, &generated.name)?;
            let files = ChartFiles::in_memory(generated.name.clone(), generated.files);
            return Ok(ChartSource { files, loaded });
        }
    }
    let archive = read_archive(path).map_err(|e| Error::from(e).unreadable())?;
    let files = ChartFiles::from_archive(archive, path).map_err(|e| Error::from(e).unreadable())?;
    let loaded = load(path, chart).map_err(|e| Error::from(e).chart_as_input())?;
    Ok(ChartSource { files, loaded })
}

/// `repo/chart` as Helm reads a chart name it cannot find on disk.
fn looks_like_repo_ref(chart: &str) -> bool {
    !chart.starts_with(['.', '/'])
        && chart.matches('/').count() == 1
        && !chart.ends_with(".tgz")
        && !chart.ends_with(".yaml")
}

/// Helm's `NameAndChart` as `helm template` calls it: two arguments are the
/// name and the chart; with one, `--name-template` names the release, else
/// it is `release-name` (so `--generate-name` changes nothing, as in Helm).
fn name_and_chart(args: &TemplateArgs) -> Result<(String, &str)> {
    match &args.chart {
        Some(chart) => {
            if args.generate_name {
                return Err(Error::Usage(
                    "cannot set --generate-name and also specify a name".into(),
                ));
            }
            if args.name_template.is_some() {
                return Err(Error::Usage(
                    "cannot set --name-template and also specify a name".into(),
                ));
            }
            Ok((args.first.clone(), chart))
        }
        None => match &args.name_template {
            Some(text) => Ok((render_name(text)?, &args.first)),
            None => Ok((DEFAULT_RELEASE.to_owned(), &args.first)),
        },
    }
}

/// A `--name-template` rendered with sprig's functions, as Helm's
/// `TemplateName` renders it.
fn render_name(text: &str) -> Result<String> {
    let files = BTreeMap::from([
        (
            "Chart.yaml".to_owned(),
            "apiVersion: v2\nname: name-template\nversion: 0.1.0\n".to_owned(),
        ),
        ("templates/name".to_owned(), text.to_owned()),
    ]);
    let chart = ChartFiles::in_memory("name-template".into(), files);
    let rendered = helm_engine::render(&chart, &Json::Null, &Release::default())
        .map_err(|e| Error::Usage(format!("--name-template: {e}")))?;
    Ok(rendered.into_values().next().unwrap_or_default())
}

/// Helm's `ValidateReleaseName`, in its words.
fn validate_release_name(name: &str) -> Result<()> {
    let message = if name.is_empty() {
        "no name provided".to_owned()
    } else {
        let pattern = regex::Regex::new(RELEASE_NAME_PATTERN).expect("the pattern compiles");
        if name.len() <= MAX_RELEASE_NAME && pattern.is_match(name) {
            return Ok(());
        }
        format!(
            "invalid release name, must match regex {RELEASE_NAME_PATTERN} and the length must \
             not be longer than {MAX_RELEASE_NAME}"
        )
    };
    Err(Error::Usage(format!("release name \"{name}\": {message}")))
}

/// The `-f` files, read as Helm reads them; URLs need the network.
fn values_files(paths: &[String]) -> Result<Vec<ValuesSource>> {
    if paths.iter().filter(|p| p.trim() == "-").count() > 1 {
        return Err(Error::Usage(
            "standard input (`-f -`) can be read once; name files for the others".into(),
        ));
    }
    paths
        .iter()
        .map(|p| {
            if is_url(p) {
                return Err(Error::Usage(format!(
                    "-f {p}: values from a URL need the network, which `chartgen template` \
                     never uses; download the file and pass its path"
                )));
            }
            let path = if p.trim() == "-" { "-" } else { p.as_str() };
            ValuesSource::from_path(Path::new(path))
        })
        .collect()
}

/// Whether Helm would fetch `path` with a getter (`http`, `https`, `oci`).
fn is_url(path: &str) -> bool {
    ["http://", "https://", "oci://"]
        .iter()
        .any(|scheme| path.to_ascii_lowercase().starts_with(scheme))
}

/// `--set-file`'s reader: a file's text (standard input for `-`), at most
/// [`MAX_VALUES_BYTES`] as a values file, in Go's words when it cannot be
/// read.
fn read_set_file(path: &str) -> std::result::Result<String, String> {
    if is_url(path) {
        return Err(format!(
            "{path}: values from a URL need the network, which `chartgen template` never uses"
        ));
    }
    let file = if path.trim() == "-" { "-" } else { path };
    let bytes = read_bounded(Path::new(file), MAX_VALUES_BYTES)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("open {path}: no such file or directory"),
            _ => format!("open {path}: {e}"),
        })?
        .ok_or_else(|| {
            format!(
                "{path} holds more than {MAX_VALUES_BYTES} bytes ({} MiB), the most chartgen \
                 reads of a values file",
                MAX_VALUES_BYTES >> 20
            )
        })?;
    String::from_utf8(bytes)
        .map_err(|_| format!("{path} is not UTF-8 text, which chartgen cannot pass on unchanged"))
}

/// An output error as chartgen's: an unreadable document is the chart's
/// failure (exit 1), a `--show-only` miss bad usage (exit 2), a failed
/// write an I/O error.
fn output_error(error: OutputError) -> Error {
    match error {
        OutputError::NotFound(_) => Error::Usage(error.to_string()),
        OutputError::Write { path, source } => Error::io("cannot write", path, source),
        OutputError::Sort(e) => Error::Render(EngineError::Template {
            name: e.path,
            line: None,
            column: None,
            message: format!("YAML parse error: {}", e.message),
        }),
        OutputError::NotText { path } => Error::Render(EngineError::Chart {
            path: path.into(),
            message: "is not UTF-8 text".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(template: &str) -> ChartFiles {
        ChartFiles::in_memory(
            "c".into(),
            BTreeMap::from([("templates/t.yaml".to_owned(), template.to_owned())]),
        )
    }

    #[test]
    fn finds_changes_to_shared_maps() {
        let shared = [
            r#"{{ $_ := set . "mode" "x" }}"#,
            r#"{{- $_ := set $config.service "k" 1 -}}"#,
            r#"{{ $m := .Values.a }}{{ $_ := unset $m "b" }}"#,
            r#"{{ range $k, $v := .Values.maps }}{{ $_ := set $v "k" 1 }}{{ end }}"#,
            r#"{{ $x := $ }}{{ $_ := set $x "k" 1 }}"#,
            r#"{{ toYaml (merge .Values.a .Values.b) }}"#,
            r#"{{ mergeOverwrite $item.config (dict) }}"#,
        ];
        for text in shared {
            assert!(shared_map_change(&chart(text)).is_some(), "{text}");
        }
        let own = [
            r#"{{ $m := dict }}{{ $_ := set $m "k" 1 }}"#,
            r#"{{ $x := merge (dict) .Values.a }}"#,
            r#"{{ fail "set .Values.a to something" }}"#,
            r#"{{/* set . "k" */}}"#,
            r#"{{ $_ := set (dict) "k" 1 }}"#,
            "set . outside actions",
        ];
        for text in own {
            assert_eq!(shared_map_change(&chart(text)), None, "{text}");
        }
    }

    #[test]
    fn floats_go_prints_with_an_exponent() {
        let values = |v: Json| v.as_object().cloned().unwrap();
        assert!(exponent_float(&values(serde_json::json!({"a": {"b": [1, 1000000]}}))).is_some());
        assert!(exponent_float(&values(serde_json::json!({"a": 0.00001}))).is_some());
        assert_eq!(
            exponent_float(&values(serde_json::json!({"a": 999999, "b": 0.5, "c": 0}))),
            None
        );
    }

    #[test]
    fn release_names_as_helm() {
        for ok in ["a", "release-name", "a.b-c", "x1"] {
            assert!(validate_release_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "A", "a_b", "-a", "a-", "a..b", &"a".repeat(54)] {
            assert!(validate_release_name(bad).is_err(), "{bad}");
        }
    }
}
