//! Linting a whole chart: render it with its defaults, with every
//! environment's overlay and with the values files given on the command
//! line, and run the rules on what each renders to, and on the overlays
//! themselves.

use serde_json::Value as Json;

use super::environments::overlay_environment;
use super::{
    lint, lint_overlay, parse_manifests, parse_rule_setting, rules, sort, Code, Finding, Manifest,
    Overlay, RuleConfig, RuleLevel,
};
use crate::error::{EngineError, Error, Location, Result};
use crate::keys::locate;
use crate::schema::{locate_error, located_violations};
use crate::yaml::ValuesSource;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::{load_files, LoadedChart, Metadata};
use helm_engine::values::{coalesce_values, merge_maps, Values};
use helm_engine::{ChartFiles, Release, Renderer};

/// The Chart.yaml annotation that carries a chart's rule settings
/// (`CG022=off, CG003=warning`), written from chartgen.yaml's `lint.rules`.
pub const RULES_ANNOTATION: &str = "chartgen/lint-rules";

/// A values file given on the command line.
#[derive(Debug, Clone)]
pub struct ValuesFile {
    /// The file as the user named it.
    pub file: String,
    /// Its text.
    pub text: String,
}

/// One way of installing the chart: its defaults, or values files over them.
struct ValuesSet {
    /// The values files, as findings name them.
    label: String,
    /// The values files stacked over the defaults, in order.
    files: Vec<ValuesSource>,
    /// What the files set themselves, and that over the defaults.
    own: Json,
    merged: Json,
    /// The environment the (first) file's name says: `values-<env>.yaml`.
    environment: Option<String>,
    /// The chart once Helm has processed its dependencies with these values.
    chart: LoadedChart,
}

/// Lints `chart`, whose files are shown below `shown` (the folder or
/// archive the user named): with its defaults, with each `values-<env>.yaml`
/// overlay over them, and with `extra` stacked over them as `helm install -f`
/// stacks files. The chart's own rule settings apply, `flags` over them.
pub fn lint_chart(
    chart: &ChartFiles,
    shown: &str,
    extra: &[ValuesFile],
    flags: &RuleConfig,
) -> Result<Vec<Finding>> {
    let mut config = chart_settings(chart, shown)?;
    config.extend(
        flags
            .iter()
            .map(|(code, severity)| (code.clone(), *severity)),
    );

    let loaded = load_files(
        chart
            .files
            .iter()
            .map(|(name, text)| (name.clone(), text.clone().into_bytes()))
            .collect(),
        shown,
    )?;
    let sets = values_sets(chart, &loaded, shown, extra)?;
    let runs = release_runs(&config);
    let renderer = Renderer::new(chart).map_err(|e| in_chart(e, chart, shown, None))?;
    let mut findings: Vec<Finding> = Vec::new();
    for set in &sets {
        schema_errors(set)?;
        for (release, config) in &runs {
            let manifests = rendered_manifests(&renderer, set, release, chart, shown)?;
            for mut finding in lint(&manifests, config) {
                finding.values.push(set.label.clone());
                merge(&mut findings, finding);
            }
        }
        for finding in overlay_findings(set, &config) {
            merge(&mut findings, finding);
        }
    }
    sort(&mut findings);
    Ok(findings)
}

/// The values sets a chart is linted with: its defaults, each
/// `values-<env>.yaml` overlay over them, and `extra` stacked over them.
fn values_sets(
    chart: &ChartFiles,
    loaded: &LoadedChart,
    shown: &str,
    extra: &[ValuesFile],
) -> Result<Vec<ValuesSet>> {
    let mut sets = vec![values_set("values.yaml".into(), Vec::new(), loaded, None)?];
    for (rel, text) in &chart.files {
        let Some(env) = overlay_environment(rel) else {
            continue;
        };
        let file = ValuesSource::read(&format!("{shown}/{rel}"), text)?;
        sets.push(values_set(
            rel.clone(),
            vec![file],
            loaded,
            Some(env.to_owned()),
        )?);
    }
    if let Some(first) = extra.first() {
        let files = extra
            .iter()
            .map(|v| ValuesSource::read(&v.file, &v.text))
            .collect::<Result<Vec<_>>>()?;
        let base = first.file.rsplit('/').next().unwrap_or(&first.file);
        let label = extra
            .iter()
            .map(|v| v.file.as_str())
            .collect::<Vec<_>>()
            .join(" + ");
        let environment = overlay_environment(base).map(str::to_owned);
        sets.push(values_set(label, files, loaded, environment)?);
    }
    Ok(sets)
}

/// The releases each values set is rendered as, with the rules run on
/// each: Helm's default release name with every rule but the name limits,
/// and a 53-character one with only the rules on names.
fn release_runs(config: &RuleConfig) -> [(Release, RuleConfig); 2] {
    let (mut without_names, mut only_names) = (config.clone(), config.clone());
    // Names are checked against a 53-character release name; the rule on
    // names that collide runs with it as well, as it cuts names to where the
    // suffixes that tell them apart may be lost.
    without_names.insert(Code::NAME_LIMITS.to_string(), RuleLevel::Off);
    for rule in rules::all() {
        if rule.code != Code::NAME_LIMITS && rule.code != Code::DUPLICATE_NAMES {
            only_names.insert(rule.code.to_string(), RuleLevel::Off);
        }
    }
    let long_release = Release {
        name: format!("{:x<53}", "release-name-"),
        ..Release::default()
    };
    [
        (Release::default(), without_names),
        (long_release, only_names),
    ]
}

/// The objects the chart renders to with `set` as `release`, each marked
/// with the release's namespace.
fn rendered_manifests(
    renderer: &Renderer,
    set: &ValuesSet,
    release: &Release,
    chart: &ChartFiles,
    shown: &str,
) -> Result<Vec<Manifest>> {
    let rendered = renderer
        .render(&set.merged, release)
        .map_err(|e| in_chart(e, chart, shown, Some(&set.label)))?;
    let mut manifests = Vec::new();
    for (template, text) in &rendered {
        if template.ends_with("/NOTES.txt") {
            continue;
        }
        let file = shown_path(template, chart, shown);
        let parsed = parse_manifests(&file, text).map_err(|e| {
            e.map_message(|message| {
                format!(
                    "{message} (in the template's output with {}; the line is of that output)",
                    set.label
                )
            })
        })?;
        manifests.extend(parsed.into_iter().map(|mut m| {
            m.release_namespace = Some(release.namespace.clone());
            m
        }));
    }
    Ok(manifests)
}

/// The findings on an environment's overlay file itself, for a set that is one.
fn overlay_findings(set: &ValuesSet, config: &RuleConfig) -> Vec<Finding> {
    let (Some(environment), Some(first)) = (&set.environment, set.files.first()) else {
        return Vec::new();
    };
    let overlay = Overlay {
        file: first.file.clone(),
        environment,
        text: &first.text,
        own: &set.own,
        merged: &set.merged,
    };
    lint_overlay(&overlay, config)
}

/// The chart's rule settings, from its Chart.yaml annotation; settings for
/// rules this chartgen does not have are skipped.
fn chart_settings(chart: &ChartFiles, shown: &str) -> Result<RuleConfig> {
    let mut config = RuleConfig::new();
    let Some(text) = chart.files.get("Chart.yaml") else {
        return Ok(config);
    };
    let file = format!("{shown}/Chart.yaml");
    let metadata = Metadata::parse(&file, text)?;
    let Some(settings) = metadata.annotation(RULES_ANNOTATION) else {
        return Ok(config);
    };
    for setting in settings.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        // A code this chartgen does not know (from a newer one) is skipped,
        // so its packages still lint.
        let code = setting.split('=').next().unwrap_or("").trim();
        if rules::find(code).is_none() {
            continue;
        }
        let (code, severity) = parse_rule_setting(setting).map_err(|message| {
            let path = ["annotations".to_owned(), RULES_ANNOTATION.to_owned()];
            let (line, column) = locate(text, &path).unzip();
            EngineError::Input {
                location: Some(Location {
                    file: file.clone(),
                    line,
                    column,
                }),
                key: Some(path.join(".")),
                message,
                hint: Some("write `CODE=off|info|warning|error`, separated by commas".into()),
            }
        })?;
        config.insert(code, severity);
    }
    Ok(config)
}

/// A template's path as the user sees it: below the folder or archive
/// they named, rather than below the chart's name.
fn shown_path(template: &str, chart: &ChartFiles, shown: &str) -> String {
    let rel = template
        .strip_prefix(&chart.name)
        .and_then(|t| t.strip_prefix('/'))
        .unwrap_or(template);
    format!("{shown}/{rel}")
}

/// A chart that cannot be rendered is invalid input: the error names the
/// template as the user sees it, and the values it was rendered with.
fn in_chart(
    error: helm_engine::Error,
    chart: &ChartFiles,
    shown: &str,
    values: Option<&str>,
) -> Error {
    let (path, message) = match error {
        helm_engine::Error::Chart { path, message } => (path.display().to_string(), message),
        helm_engine::Error::Template { name, message, .. } => (name, message),
        other => return other.into(),
    };
    let file = shown_path(&path, chart, shown);
    let message = match values {
        Some(values) => format!("with {values}: {message}"),
        None => message,
    };
    EngineError::Input {
        location: Some(Location::file(file)),
        key: None,
        message,
        hint: None,
    }
    .into()
}

/// Adds `finding`, or the values files it holds for to the same finding
/// with other values.
fn merge(findings: &mut Vec<Finding>, finding: Finding) {
    let same = |f: &&mut Finding| {
        (f.code, &f.file, &f.object, &f.field, &f.message, f.severity)
            == (
                finding.code,
                &finding.file,
                &finding.object,
                &finding.field,
                &finding.message,
                finding.severity,
            )
    };
    match findings.iter_mut().find(same) {
        Some(existing) => {
            for label in finding.values {
                if !existing.values.contains(&label) {
                    existing.values.push(label);
                }
            }
        }
        None => findings.push(finding),
    }
}

/// The values set of `files` stacked over the chart's defaults, merged
/// as Helm merges them once it has processed the chart's dependencies.
fn values_set(
    label: String,
    files: Vec<ValuesSource>,
    chart: &LoadedChart,
    environment: Option<String>,
) -> Result<ValuesSet> {
    let mut own = Values::new();
    for file in &files {
        merge_maps(&mut own, file.values());
    }
    let mut chart = chart.clone();
    let merged = process_dependencies(&mut chart, &own)
        .and_then(|()| coalesce_values(&chart, &own))
        .map_err(|e| locate_error(e.into(), &files, &chart))?;
    Ok(ValuesSet {
        label,
        files,
        own: Json::Object(own),
        merged: Json::Object(merged),
        environment,
        chart,
    })
}

/// Refuses values Helm would refuse: the first violation of the schemas
/// Helm checks, located in the topmost values file that sets the key, else
/// in the chart's defaults.
fn schema_errors(set: &ValuesSet) -> Result<()> {
    let merged = set.merged.as_object().cloned().unwrap_or_default();
    let mut violations = located_violations(&set.chart, &merged, &set.files)?.into_iter();
    let Some(first) = violations.next() else {
        return Ok(());
    };
    let more = match violations.len() {
        0 => String::new(),
        n => format!(" ({n} more; `chartgen validate` lists them)"),
    };
    Err(first.map_message(|message| {
        format!(
            "{message}{more}; Helm refuses these values with {}",
            set.label
        )
    }))
}
