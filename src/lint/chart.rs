//! Linting a whole chart: render it with its defaults, with every
//! environment's overlay and with the values files given on the command
//! line, and run the rules on what each renders to, and on the overlays
//! themselves.

use serde_json::Value as Json;

use super::{
    lint, lint_overlay, parse_manifests, parse_rule_setting, rules, sort, Finding, Overlay,
    RuleConfig,
};
use crate::environments::overlay_environment;
use crate::error::{Error, Location, Result};
use crate::helm::{coalesce, stack, ChartFiles, Release, Renderer};
use crate::model::locate;
use crate::schema::check;
use crate::yaml::values_document;

/// The rule that checks names against a 53-character release name.
const NAME_LIMITS: &str = "CG028";
/// The rule on names that collide, run with that release name as well: it
/// cuts names to where the suffixes that tell them apart may be lost.
const DUPLICATE_NAMES: &str = "CG030";

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
    /// The file to locate an overlay's keys in, with its text.
    file: String,
    text: String,
    /// What the files set themselves, and that over the defaults.
    own: Json,
    merged: Json,
    /// The environment the (first) file's name says: `values-<env>.yaml`.
    environment: Option<String>,
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

    let defaults_text = chart.files.get("values.yaml").map_or("", String::as_str);
    let defaults_file = format!("{shown}/values.yaml");
    let defaults = values_document(&defaults_file, defaults_text)?;
    let mut sets = vec![ValuesSet {
        label: "values.yaml".into(),
        file: defaults_file.clone(),
        text: defaults_text.to_owned(),
        own: defaults.clone(),
        merged: coalesce(&defaults, &Json::Object(Default::default())),
        environment: None,
    }];
    for (rel, text) in &chart.files {
        let Some(env) = overlay_environment(rel) else {
            continue;
        };
        let file = format!("{shown}/{rel}");
        let own = values_document(&file, text)?;
        sets.push(ValuesSet {
            label: rel.clone(),
            merged: coalesce(&defaults, &own),
            file,
            text: text.clone(),
            own,
            environment: Some(env.to_owned()),
        });
    }
    if let Some(first) = extra.first() {
        let files = extra
            .iter()
            .map(|v| values_document(&v.file, &v.text))
            .collect::<Result<Vec<_>>>()?;
        let own = stack(&files);
        let base = first.file.rsplit('/').next().unwrap_or(&first.file);
        sets.push(ValuesSet {
            label: extra
                .iter()
                .map(|v| v.file.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
            file: first.file.clone(),
            text: first.text.clone(),
            merged: coalesce(&defaults, &own),
            own,
            environment: overlay_environment(base).map(str::to_owned),
        });
    }

    let schema = match chart.files.get("values.schema.json") {
        Some(text) => Some(
            serde_json::from_str::<Json>(text).map_err(|e| Error::Input {
                location: Some(whole(&format!("{shown}/values.schema.json"))),
                key: None,
                message: format!("is not JSON: {e}"),
                hint: None,
            })?,
        ),
        None => None,
    };
    let (mut without_names, mut only_names) = (config.clone(), config.clone());
    without_names.insert(NAME_LIMITS.into(), None);
    for rule in rules::all() {
        if rule.code != NAME_LIMITS && rule.code != DUPLICATE_NAMES {
            only_names.insert(rule.code.into(), None);
        }
    }
    let long_release = Release {
        name: format!("{:x<53}", "release-name-"),
        ..Release::default()
    };

    let renderer = Renderer::new(chart).map_err(|e| in_chart(e, chart, shown, None))?;
    let mut findings: Vec<Finding> = Vec::new();
    for set in &sets {
        if let Some(schema) = &schema {
            schema_errors(schema, set, &defaults_file, defaults_text)?;
        }
        for (release, config) in [
            (Release::default(), &without_names),
            (long_release.clone(), &only_names),
        ] {
            let rendered = renderer
                .render(&set.merged, &release)
                .map_err(|e| in_chart(e, chart, shown, Some(&set.label)))?;
            let mut manifests = Vec::new();
            for (template, text) in &rendered {
                if template.ends_with("/NOTES.txt") {
                    continue;
                }
                let file = shown_path(template, chart, shown);
                let parsed = parse_manifests(&file, text).map_err(|e| match e {
                    Error::Input {
                        location,
                        key,
                        message,
                        hint,
                    } => Error::Input {
                        location,
                        key,
                        message: format!(
                            "{message} (in the template's output with {}; the line is of that output)",
                            set.label
                        ),
                        hint,
                    },
                    other => other,
                })?;
                manifests.extend(parsed);
            }
            for mut finding in lint(&manifests, config) {
                finding.values.push(set.label.clone());
                merge(&mut findings, finding);
            }
        }
        if let Some(environment) = &set.environment {
            let overlay = Overlay {
                file: set.file.clone(),
                environment,
                text: &set.text,
                own: &set.own,
                merged: &set.merged,
            };
            for finding in lint_overlay(&overlay, &config) {
                merge(&mut findings, finding);
            }
        }
    }
    sort(&mut findings);
    Ok(findings)
}

/// The chart's rule settings, from its Chart.yaml annotation; settings for
/// rules this chartgen does not have are skipped.
fn chart_settings(chart: &ChartFiles, shown: &str) -> Result<RuleConfig> {
    let mut config = RuleConfig::new();
    let Some(text) = chart.files.get("Chart.yaml") else {
        return Ok(config);
    };
    let file = format!("{shown}/Chart.yaml");
    let metadata: Json = serde_yaml::from_str(text).map_err(|e| Error::yaml(&file, 1, &e))?;
    let Some(settings) = metadata
        .get("annotations")
        .and_then(|a| a.get(RULES_ANNOTATION))
        .and_then(Json::as_str)
    else {
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
            Error::Input {
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
fn in_chart(error: Error, chart: &ChartFiles, shown: &str, values: Option<&str>) -> Error {
    match error {
        Error::Chart { path, message } => {
            let file = shown_path(&path.display().to_string(), chart, shown);
            let message = match values {
                Some(values) => format!("with {values}: {message}"),
                None => message,
            };
            Error::Input {
                location: Some(whole(&file)),
                key: None,
                message,
                hint: None,
            }
        }
        other => other,
    }
}

fn whole(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        line: None,
        column: None,
    }
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

/// Refuses values Helm would refuse: the first schema violation, located in
/// the values file when it sets the key, else in the defaults.
fn schema_errors(
    schema: &Json,
    set: &ValuesSet,
    defaults_file: &str,
    defaults_text: &str,
) -> Result<()> {
    let violations = check(schema, &set.merged);
    let Some(first) = violations.first() else {
        return Ok(());
    };
    let (file, at) = match locate(&set.text, &first.path) {
        Some(at) => (set.file.as_str(), Some(at)),
        None => (defaults_file, locate(defaults_text, &first.path)),
    };
    let (line, column) = at.unzip();
    let more = match violations.len() {
        1 => String::new(),
        n => format!(" ({} more; `chartgen validate` lists them)", n - 1),
    };
    Err(Error::Input {
        location: Some(Location {
            file: file.to_owned(),
            line,
            column,
        }),
        key: Some(first.path.join(".")).filter(|k| !k.is_empty()),
        message: format!(
            "{}{more}; Helm refuses these values with {}",
            first.message, set.label
        ),
        hint: first.hint.clone(),
    })
}
