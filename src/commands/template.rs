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
//! Rendering goes through [`render_chart`]: the engine's render layer
//! ([`helm_engine::render`]) on the whole chart tree, with `.Capabilities`
//! from `--kube-version` and `--api-versions`, `.Release.IsUpgrade` from
//! `--is-upgrade`, and `--set` integers as Go `int64`s.
//!
//! Exit status as `helm template`'s, except that bad usage (flags,
//! arguments, `--set` syntax) is 2: any other failure is 1.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde_json::Value as Json;

use super::engine;
use super::values_flags::is_url;
use crate::cli::TemplateArgs;
use crate::error::{EngineError, Error, Location, Result};
use crate::model::{load_spec, read_input};
use crate::schema::{check_chart, locate_error, violation_error};
use crate::yaml::ValuesSource;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::{load, load_files, LoadedChart};
use helm_engine::release::output::{crd_objects, template, OutputError, TemplateOptions};
use helm_engine::render;
use helm_engine::render::capabilities::Capabilities;
use helm_engine::render::set::Target;
use helm_engine::values::{coalesce_values, merge_maps, Values};
use helm_engine::{ChartFiles, Release};

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
    let capabilities = args.capabilities.capabilities()?;
    let loaded = chart_source(&args, chart_arg)?;
    render_release(&args, &name, capabilities, loaded, out).map_err(|e| match e {
        // As `helm template`, whose every failure past its arguments exits 1:
        // a values file, a schema, a dependency, a template. Bad `--set`
        // syntax stays bad usage.
        Error::Engine(e) => Error::Render(e),
        other => other,
    })
}

/// Renders the release `name` of `loaded` and prints it as `helm template`
/// does.
fn render_release(
    args: &TemplateArgs,
    name: &str,
    capabilities: Capabilities,
    mut loaded: LoadedChart,
    out: &mut dyn Write,
) -> Result<()> {
    super::check_dependencies(&loaded)?;

    let sources = values_files(&args.values)?;
    let mut user = Values::new();
    for file in &sources {
        merge_maps(&mut user, file.values());
    }
    args.set.merge_into(&mut user)?;

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
    capabilities.check_chart(constraint).map_err(|m| {
        Error::Render(EngineError::Chart {
            path: loaded.source.clone().into(),
            message: m,
        })
    })?;

    let request = RenderRequest {
        name,
        namespace: &args.namespace,
        is_upgrade: args.is_upgrade,
        capabilities,
        set: args.set.set_alone()?,
    };
    let rendered = render_chart(&loaded, &merged, request)?;
    let crds = crd_objects(&loaded).map_err(output_error)?;
    let opts = TemplateOptions {
        include_crds: args.include_crds,
        no_hooks: args.no_hooks,
        skip_tests: args.skip_tests,
        show_only: args.show_only.clone(),
        output_dir: args.output_dir.clone(),
        release_dir: args.release_name.then(|| name.to_owned()),
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
    capabilities: Capabilities,
    /// What `--set` gave alone (its integers are `int64`s in Helm).
    set: Values,
}

/// Renders `loaded` (its dependencies processed) with `merged` values:
/// template path → text, as Helm's engine returns them, subcharts'
/// templates included.
fn render_chart(
    loaded: &LoadedChart,
    merged: &Values,
    request: RenderRequest<'_>,
) -> Result<BTreeMap<String, String>> {
    let target = Target {
        release: render::objects::Release::template(
            request.name,
            request.namespace,
            request.is_upgrade,
        ),
        capabilities: request.capabilities,
        lint: false,
        set: request.set,
    };
    render::set::render(loaded, render::funcs::table(), merged, &target).map_err(Error::Render)
}

/// Reads CHART: a folder, a packaged chart, or a chartgen.yaml whose chart
/// is generated in memory.
fn chart_source(args: &TemplateArgs, chart: &str) -> Result<LoadedChart> {
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
        return load(path, chart).map_err(|e| Error::from(e).unreadable());
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
            return Ok(load_files(bytes, &generated.name)?);
        }
    }
    load(path, chart).map_err(|e| Error::from(e).unreadable())
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

/// Whether `name` matches [`RELEASE_NAME_PATTERN`]: dot-separated labels
/// of `a-z`, `0-9` and `-`, each neither empty nor starting or ending with
/// `-`. Checked by hand: compiling the regex would cost a tenth of a
/// millisecond in every `chartgen template` process.
fn matches_release_pattern(name: &str) -> bool {
    name.split('.').all(|label| {
        let b = label.as_bytes();
        !b.is_empty()
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
    })
}

/// Helm's `ValidateReleaseName`, in its words.
fn validate_release_name(name: &str) -> Result<()> {
    let message = if name.is_empty() {
        "no name provided".to_owned()
    } else {
        if name.len() <= MAX_RELEASE_NAME && matches_release_pattern(name) {
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

/// An output error as chartgen's: an unreadable document is the chart's
/// failure (exit 1), a `--show-only` miss too (exit 1), a failed
/// write an I/O error.
fn output_error(error: OutputError) -> Error {
    match error {
        OutputError::NotFound(_) => Error::Invalid(error.to_string()),
        OutputError::Write { path, source } => Error::io("cannot write", path, source),
        OutputError::Sort(e) => Error::Render(EngineError::Template {
            message: e.to_string(),
            name: e.path,
            line: None,
            column: None,
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

    #[test]
    fn release_names_as_helm() {
        for ok in ["a", "release-name", "a.b-c", "x1"] {
            assert!(validate_release_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "A", "a_b", "-a", "a-", "a..b", &"a".repeat(54)] {
            assert!(validate_release_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_release_pattern_is_checked_as_the_regex_checks_it() {
        let regex = regex::Regex::new(RELEASE_NAME_PATTERN).unwrap();
        for name in [
            "a", "a.b", "a-b.c-d", "0", "a.", ".a", ".", "a\n", "a-.b", "a.-b", "ab-", "é", "a b",
            "a--b", "1.2.3", "A.b", "a_b.c", "-",
        ] {
            assert_eq!(
                matches_release_pattern(name),
                regex.is_match(name),
                "{name:?}"
            );
        }
    }
}
