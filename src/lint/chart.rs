//! Linting a whole chart: render it with its defaults, with every
//! environment's overlay and with any extra values files, and run the rules
//! on what each renders to, and on the overlays themselves.

use serde_json::Value as Json;

use super::{lint, lint_overlay, parse_manifests, rules, sort, Finding, Overlay, RuleConfig};
use crate::error::{Error, Location, Result};
use crate::helm::{coalesce, ChartFiles, Release, Renderer};
use crate::model::locate;
use crate::schema::check;
use crate::yaml::only_comments;

/// The rule that checks names against a 53-character release name.
const NAME_LIMITS: &str = "CG028";

/// A values file given on the command line.
#[derive(Debug, Clone)]
pub struct ValuesFile {
    /// The file as the user named it.
    pub file: String,
    /// Its text.
    pub text: String,
}

/// One way of installing the chart: its defaults, or the defaults with one
/// values file over them.
struct ValuesSet<'a> {
    /// The values file, as findings name it.
    label: String,
    /// Where its text is, for locating keys.
    file: String,
    text: &'a str,
    own: Json,
    merged: Json,
    /// The environment its file name says, for `values-<env>.yaml`.
    environment: Option<String>,
}

/// Lints `chart`, whose files are shown below `shown` (the folder or
/// archive the user named), with its defaults, each `values-<env>.yaml`
/// overlay, and each of `extra` over the defaults.
pub fn lint_chart(
    chart: &ChartFiles,
    shown: &str,
    extra: &[ValuesFile],
    config: &RuleConfig,
) -> Result<Vec<Finding>> {
    let defaults_text = chart.files.get("values.yaml").map_or("", String::as_str);
    let defaults_file = format!("{shown}/values.yaml");
    let defaults = parse(&defaults_file, defaults_text)?;
    let mut sets = vec![ValuesSet {
        label: "values.yaml".into(),
        file: defaults_file.clone(),
        text: defaults_text,
        own: defaults.clone(),
        merged: defaults.clone(),
        environment: None,
    }];
    let overlays = chart.files.iter().filter_map(|(rel, text)| {
        let env = rel.strip_prefix("values-")?.strip_suffix(".yaml")?;
        Some((rel.clone(), format!("{shown}/{rel}"), text.as_str(), env))
    });
    let extra = extra.iter().map(|v| {
        let base = v.file.rsplit('/').next().unwrap_or(&v.file);
        let env = base
            .strip_prefix("values-")
            .and_then(|b| b.strip_suffix(".yaml"))
            .unwrap_or("");
        (v.file.clone(), v.file.clone(), v.text.as_str(), env)
    });
    for (label, file, text, env) in overlays.chain(extra) {
        let own = parse(&file, text)?;
        let mut merged = defaults.clone();
        coalesce(&mut merged, &own);
        sets.push(ValuesSet {
            label,
            file,
            text,
            own,
            merged,
            environment: Some(env.to_owned()).filter(|e| !e.is_empty()),
        });
    }

    let schema = match chart.files.get("values.schema.json") {
        Some(text) => Some(
            serde_json::from_str::<Json>(text).map_err(|e| Error::Chart {
                path: format!("{shown}/values.schema.json").into(),
                message: format!("is not JSON: {e}"),
            })?,
        ),
        None => None,
    };
    let (mut without_names, mut only_names) = (config.clone(), config.clone());
    without_names.insert(NAME_LIMITS.into(), None);
    for rule in rules::all() {
        if rule.code != NAME_LIMITS {
            only_names.insert(rule.code.into(), None);
        }
    }
    let long_release = Release {
        name: format!("{:x<53}", "release-name-"),
        ..Release::default()
    };

    let renderer = Renderer::new(chart)?;
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
                .map_err(|e| match e {
                    Error::Chart { path, message } => Error::Chart {
                        path,
                        message: format!("with {}: {message}", set.label),
                    },
                    other => other,
                })?;
            let mut manifests = Vec::new();
            for (template, text) in &rendered {
                if !(template.ends_with(".yaml") || template.ends_with(".yml")) {
                    continue;
                }
                let rel = template
                    .strip_prefix(&chart.name)
                    .unwrap_or(template)
                    .trim_start_matches('/');
                manifests.extend(parse_manifests(&format!("{shown}/{rel}"), text)?);
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
                text: set.text,
                own: &set.own,
                merged: &set.merged,
            };
            findings.extend(lint_overlay(&overlay, config));
        }
    }
    sort(&mut findings);
    Ok(findings)
}

/// Adds `finding`, or the values file it holds for to the same finding with
/// other values.
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
/// the overlay when it sets the key, else in the defaults.
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
    let (file, at) = match locate(set.text, &first.path) {
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

/// A values file as JSON; an empty file is an empty map.
fn parse(file: &str, text: &str) -> Result<Json> {
    if only_comments(text) {
        return Ok(Json::Object(Default::default()));
    }
    let value: Json = serde_yaml::from_str(text).map_err(|e| Error::yaml(file, 1, &e))?;
    match value {
        Json::Object(_) => Ok(value),
        Json::Null => Ok(Json::Object(Default::default())),
        _ => Err(Error::Input {
            location: Some(Location {
                file: file.to_owned(),
                line: Some(1),
                column: Some(1),
            }),
            key: None,
            message: "a values file must be a map of keys".into(),
            hint: None,
        }),
    }
}
