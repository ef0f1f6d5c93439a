//! Linting a whole chart: render it with its defaults, with every
//! environment's overlay and with the values files given on the command
//! line, and run the rules on what each renders to, and on the overlays
//! themselves.

use serde_json::Value as Json;

use super::environments::overlay_environment;
use super::{
    chart_finding, lint, lint_overlay, parse_manifests, parse_rule_setting, rules, sort, Code,
    Finding, FindingPlace, Manifest, Overlay, RuleConfig, RuleLevel,
};
use crate::cli::{CapabilityArgs, SetArgs};
use crate::error::{EngineError, Error, Location, Result};
use crate::schema::{check_chart, locate_error, violation_error};
use crate::yaml::ValuesSource;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::LoadedChart;
use helm_engine::render;
use helm_engine::render::objects::Release;
use helm_engine::render::set::Target;
use helm_engine::values::{coalesce_values, merge_maps, Values};
use helm_engine::Rendered;

/// The release name `helm template` renders with, and chartgen lint too.
const DEFAULT_RELEASE: &str = "release-name";

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
    merged: Values,
    /// The environment the (first) file's name says: `values-<env>.yaml`.
    environment: Option<String>,
    /// The chart once Helm has processed its dependencies with these values.
    chart: LoadedChart,
    /// What `--set` gave alone, for the set that has it.
    set_alone: Values,
}

/// What the command line lints a chart with, beyond its own files: the
/// `-f` files and `--set*` flags (one more values set, stacked over the
/// defaults as `helm install` stacks them) and `.Capabilities`.
#[derive(Debug, Default)]
pub struct LintValues {
    /// The `-f` files, in order.
    pub files: Vec<ValuesFile>,
    /// The `--set*` flags, merged over the files.
    pub set: SetArgs,
    /// `--kube-version` and `--api-versions`.
    pub capabilities: CapabilityArgs,
}

impl LintValues {
    /// Whether the command line adds a values set.
    fn adds_values(&self) -> bool {
        !self.files.is_empty() || !self.set.is_empty()
    }
}

/// Lints `chart` (loaded with its subcharts, its `source` the folder or
/// archive the user named): with its defaults, with each
/// `values-<env>.yaml` overlay over them, and with `extra` over them as
/// `helm install -f … --set …` stacks them. The chart's own rule settings
/// apply, `flags` over them.
///
/// A values set the chart itself refuses (a template's `fail` or
/// `required`, a schema Helm cannot use) is a finding, and the chart is
/// linted on as `helm lint` renders it; what chartgen cannot render at all
/// is an error.
pub fn lint_chart(
    chart: &LoadedChart,
    extra: &LintValues,
    flags: &RuleConfig,
) -> Result<Vec<Finding>> {
    let mut config = chart_settings(chart)?;
    config.extend(
        flags
            .iter()
            .map(|(code, severity)| (code.clone(), *severity)),
    );
    let capabilities = extra.capabilities.capabilities()?;
    let sets = values_sets(chart, extra)?;
    let [(short, without_names), (long, only_names)] = release_runs(&config);
    let mut findings: Vec<Finding> = Vec::new();
    for set in &sets {
        let mut found = schema_findings(set, &config)?;
        let renderer = render::set::Renderer::new(&set.chart, render::funcs::table())
            .map_err(|e| in_chart(e, &set.chart, None))?;
        let target = |release: &Release| Target {
            release: release.clone(),
            capabilities: capabilities.clone(),
            lint: false,
            set: set.set_alone.clone(),
        };
        let first = render_as(&renderer, set, target(&short));
        let second = render_as(&renderer, set, target(&long));
        let short_rendered = matches!(first, Outcome::Rendered(_));
        let rendered = match first {
            Outcome::Failed(error) => return Err(in_chart(error, &set.chart, Some(&set.label))),
            Outcome::Rendered(rendered) => Some(rendered),
            Outcome::Refused { error, linted } => {
                found.extend(refusal(&error, linted.as_ref().err(), &set.chart, &config));
                linted.ok()
            }
        };
        if let Some(rendered) = rendered {
            found.extend(lint(
                &rendered_manifests(&rendered, set, &short)?,
                &without_names,
            ));
        }
        // The two renders differ in the release name alone: where the short
        // one rendered and the long one did not, the name's length made the
        // difference. Where neither rendered as an install would, the long
        // one tells nothing more.
        let rendered = match second {
            Outcome::Rendered(rendered) => Some(rendered),
            Outcome::Refused { error, linted } => {
                if short_rendered {
                    found.extend(long_name_refused(
                        &error, &set.chart, &short, &long, &config,
                    ));
                }
                linted.ok()
            }
            Outcome::Failed(error) if short_rendered => {
                found.extend(long_name_refused(
                    &error, &set.chart, &short, &long, &config,
                ));
                None
            }
            Outcome::Failed(error) => return Err(in_chart(error, &set.chart, Some(&set.label))),
        };
        if let Some(rendered) = rendered {
            found.extend(lint(
                &rendered_manifests(&rendered, set, &long)?,
                &only_names,
            ));
        }
        for mut finding in found {
            finding.values.push(set.label.clone());
            merge(&mut findings, finding);
        }
        for finding in overlay_findings(set, &config) {
            merge(&mut findings, finding);
        }
    }
    sort(&mut findings);
    Ok(findings)
}

/// How one render of a values set went.
enum Outcome {
    /// As `helm install` renders it.
    Rendered(Rendered),
    /// The chart refused the values: a `fail` or `required` stopped the
    /// render (Helm words only these `execution error at (…)`). `linted`
    /// is the render as `helm lint` does it, where both give "".
    Refused {
        error: helm_engine::Error,
        linted: std::result::Result<Rendered, helm_engine::Error>,
    },
    /// Any other failure: the chart cannot be rendered with these values.
    Failed(helm_engine::Error),
}

/// Renders `set` for `target` as `helm install` would, and where the chart
/// refuses the values, as `helm lint` does.
fn render_as(renderer: &render::set::Renderer, set: &ValuesSet, mut target: Target) -> Outcome {
    match renderer.render(&set.chart, &set.merged, &target) {
        Ok(rendered) => Outcome::Rendered(rendered),
        Err(error) if is_refusal(&error) => {
            target.lint = true;
            let linted = renderer.render(&set.chart, &set.merged, &target);
            Outcome::Refused { error, linted }
        }
        Err(error) => Outcome::Failed(error),
    }
}

/// Whether a render failed on the chart's own `fail` or `required`: Helm's
/// `cleanupExecError` words those, and only those, `execution error at (…)`.
fn is_refusal(error: &helm_engine::Error) -> bool {
    matches!(error, helm_engine::Error::Template { message, .. }
        if message.starts_with("execution error at ("))
}

/// The values sets a chart is linted with: its defaults, each
/// `values-<env>.yaml` overlay over them, and `extra` stacked over them.
fn values_sets(chart: &LoadedChart, extra: &LintValues) -> Result<Vec<ValuesSet>> {
    let mut sets = vec![values_set(
        "values.yaml".into(),
        Vec::new(),
        chart,
        None,
        None,
    )?];
    for (rel, bytes) in &chart.files {
        let Some(env) = overlay_environment(rel) else {
            continue;
        };
        let file = format!("{}/{rel}", chart.source);
        let source = ValuesSource::from_bytes(&file, bytes)?;
        sets.push(values_set(
            rel.clone(),
            vec![source],
            chart,
            Some(env.to_owned()),
            None,
        )?);
    }
    if extra.adds_values() {
        let files = extra
            .files
            .iter()
            .map(|v| ValuesSource::read(&v.file, &v.text))
            .collect::<Result<Vec<_>>>()?;
        let label = extra
            .files
            .iter()
            .map(|v| v.file.clone())
            .chain(extra.set.written())
            .collect::<Vec<_>>()
            .join(" + ");
        let environment = extra.files.first().and_then(|first| {
            let base = first.file.rsplit('/').next().unwrap_or(&first.file);
            overlay_environment(base).map(str::to_owned)
        });
        sets.push(values_set(
            label,
            files,
            chart,
            environment,
            Some(&extra.set),
        )?);
    }
    Ok(sets)
}

/// The releases each values set is rendered as, with the rules run on
/// each: Helm's default release name with every rule but the name limits,
/// and a 53-character one with only the rules on names. `.Release` is as
/// `helm lint` renders it: neither an install nor an upgrade.
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
    let release = |name: String| Release {
        name,
        namespace: "default".into(),
        is_install: false,
        is_upgrade: false,
    };
    [
        (release(DEFAULT_RELEASE.into()), without_names),
        (release(format!("{:x<53}", "release-name-")), only_names),
    ]
}

/// The objects `rendered` holds, each marked with the release's namespace
/// and named by the template's file as the user finds it.
fn rendered_manifests(
    rendered: &Rendered,
    set: &ValuesSet,
    release: &Release,
) -> Result<Vec<Manifest>> {
    let mut manifests = Vec::new();
    for (template, text) in rendered {
        if template.ends_with("/NOTES.txt") {
            continue;
        }
        let file = shown_path(template, &set.chart);
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

/// Where a template error points: the template's file as the user finds
/// it, and the line and column Go names.
fn error_place(error: &helm_engine::Error, chart: &LoadedChart) -> (String, usize, Option<usize>) {
    // A finding without a column reads as a line of rendered output.
    match error {
        helm_engine::Error::Template {
            name, line, column, ..
        } => (
            shown_path(name, chart),
            line.unwrap_or(1),
            Some(column.unwrap_or(1)),
        ),
        helm_engine::Error::Chart { path, .. } => (path.display().to_string(), 1, Some(1)),
        _ => (chart.source.clone(), 1, Some(1)),
    }
}

/// What a template error says, without the template's name (the finding
/// names its file).
fn error_message(error: &helm_engine::Error) -> String {
    match error {
        helm_engine::Error::Template { message, .. }
        | helm_engine::Error::Chart { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// The finding for a values set the chart refuses to render with (a
/// `fail` or `required` in its templates); `then` is how rendering as
/// `helm lint` does failed, if it did.
fn refusal(
    error: &helm_engine::Error,
    then: Option<&helm_engine::Error>,
    chart: &LoadedChart,
    config: &RuleConfig,
) -> Option<Finding> {
    let (file, line, column) = error_place(error, chart);
    let linted = match then {
        None => "the rest was linted as `helm lint` renders it, where `fail` and `required` \
                 give \"\""
            .to_owned(),
        Some(then) => format!(
            "rendered as `helm lint` renders it (`fail` and `required` giving \"\"), it fails \
             too, so nothing it renders was linted with these values: {}",
            error_message(then)
        ),
    };
    chart_finding(
        config,
        Code::VALUES_REFUSED,
        FindingPlace { file, line, column },
        format!(
            "the chart refuses to render with these values, so Helm would not install it: {}",
            error_message(error)
        ),
        format!("set what the message asks for (lint with `-f FILE` or `--set` as you install); {linted}"),
    )
}

/// The name rule's finding for a chart whose templates fail with the
/// 53-character release name where they render with `short`'s.
fn long_name_refused(
    error: &helm_engine::Error,
    chart: &LoadedChart,
    short: &Release,
    long: &Release,
    config: &RuleConfig,
) -> Option<Finding> {
    let (file, line, column) = error_place(error, chart);
    chart_finding(
        config,
        Code::NAME_LIMITS,
        FindingPlace { file, line, column },
        format!(
            "the chart fails with a {}-character release name, which Helm accepts, and \
             renders with `{}`: {}",
            long.name.len(),
            short.name,
            error_message(error)
        ),
        "shorten the names built from the release name (`trunc 63 | trimSuffix \"-\"`) \
         instead of failing, or tell users the longest release name the chart takes",
    )
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
        merged: &Json::Object(set.merged.clone()),
    };
    lint_overlay(&overlay, config)
}

/// The chart's rule settings, from its Chart.yaml annotation; settings for
/// rules this chartgen does not have are skipped.
fn chart_settings(chart: &LoadedChart) -> Result<RuleConfig> {
    let mut config = RuleConfig::new();
    let Some(settings) = chart.metadata.annotation(RULES_ANNOTATION) else {
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
            let (file, spans) = &chart.metadata.spans;
            let at = spans.get(&path).map(|span| span.at());
            EngineError::Input {
                location: Some(Location {
                    file: file.clone(),
                    line: at.map(|p| p.line),
                    column: at.map(|p| p.column),
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

/// A template's path as the user finds it: below the folder or archive
/// they named (a subchart's below its own, `charts/sub/…` or
/// `charts/sub-1.0.0.tgz:sub/…`), rather than below the charts' names.
fn shown_path(template: &str, chart: &LoadedChart) -> String {
    fn find(chart: &LoadedChart, path: &str, template: &str) -> Option<String> {
        let rest = template.strip_prefix(path)?.strip_prefix('/')?;
        let below = chart
            .dependencies
            .iter()
            .find_map(|sub| find(sub, &format!("{path}/charts/{}", sub.name()), template));
        Some(below.unwrap_or_else(|| format!("{}/{rest}", chart.source)))
    }
    find(chart, chart.name(), template).unwrap_or_else(|| template.to_owned())
}

/// A chart that cannot be rendered is invalid input: the error names the
/// template as the user finds it, and the values it was rendered with.
fn in_chart(error: helm_engine::Error, chart: &LoadedChart, values: Option<&str>) -> Error {
    let (file, message) = match error {
        helm_engine::Error::Chart { path, message } => (path.display().to_string(), message),
        helm_engine::Error::Template { name, message, .. } => (shown_path(&name, chart), message),
        other => return other.into(),
    };
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

/// The values set of `files` (and `set`'s flags) stacked over the chart's
/// defaults, merged as Helm merges them once it has processed the chart's
/// dependencies.
fn values_set(
    label: String,
    files: Vec<ValuesSource>,
    chart: &LoadedChart,
    environment: Option<String>,
    set: Option<&SetArgs>,
) -> Result<ValuesSet> {
    let mut own = Values::new();
    for file in &files {
        merge_maps(&mut own, file.values());
    }
    let mut set_alone = Values::new();
    if let Some(set) = set {
        set.merge_into(&mut own)?;
        set_alone = set.set_alone()?;
    }
    let mut chart = chart.clone();
    let merged = process_dependencies(&mut chart, &own)
        .and_then(|()| coalesce_values(&chart, &own))
        .map_err(|e| locate_error(e.into(), &files, &chart))?;
    Ok(ValuesSet {
        label,
        files,
        own: Json::Object(own),
        merged,
        environment,
        chart,
        set_alone,
    })
}

/// Refuses values Helm would refuse: the first violation of the schemas
/// Helm checks, located in the topmost values file that sets the key, else
/// in the chart's defaults. A schema Helm cannot use (one that refers to a
/// file or URL it would fetch) is a finding instead, and the values go
/// unchecked by it.
fn schema_findings(set: &ValuesSet, config: &RuleConfig) -> Result<Vec<Finding>> {
    let violations = match check_chart(&set.chart, &set.merged) {
        Ok(violations) => violations,
        Err(Error::Engine(EngineError::Input {
            location, message, ..
        })) => {
            let file = location.map_or_else(|| set.chart.source.clone(), |l| l.file);
            let place = FindingPlace {
                file,
                line: 1,
                column: Some(1),
            };
            let message = format!(
                "{message}; `helm install` fails wherever it cannot fetch it, and these values \
                 were linted without this schema"
            );
            let hint = "make the schema self-contained: inline what its `$ref`s point to";
            return Ok(
                chart_finding(config, Code::VALUES_REFUSED, place, message, hint)
                    .into_iter()
                    .collect(),
            );
        }
        Err(other) => return Err(other),
    };
    let mut violations = violations.iter();
    let Some(first) = violations.next() else {
        return Ok(Vec::new());
    };
    let more = match violations.len() {
        0 => String::new(),
        n => format!(" ({n} more; `chartgen validate` lists them)"),
    };
    Err(
        violation_error(first, &set.files, &set.chart).map_message(|message| {
            format!(
                "{message}{more}; Helm refuses these values with {}",
                set.label
            )
        }),
    )
}
