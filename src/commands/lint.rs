//! `chartgen lint`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{engine, say};
use crate::cli::{LintArgs, LintFormat};
use crate::error::{EngineError, Error, Location, Result};
use crate::lint::chart::{lint_chart, LintValues, ValuesFile};
use crate::lint::{
    lint, output, parse_objects, parse_rule_setting, rules, sort, Finding, RuleConfig, Severity,
};
use crate::model::{decode_text, load_spec, MAX_MANIFEST_BYTES};
use crate::yaml::{read_bounded, shown_path, values_text};
use helm_engine::loader::{load, load_files, LoadedChart};

/// What a PATH argument names.
enum Target {
    /// A chart folder.
    Folder,
    /// A packaged chart.
    Archive,
    /// A `chartgen.yaml` (whatever its name), linted as the chart it generates.
    Input(String),
    /// Rendered manifests, from a file or standard input.
    Manifests(String),
}

impl Target {
    fn is_chart(&self) -> bool {
        !matches!(self, Target::Manifests(_))
    }
}

/// Reads what `path` names and decides what it is: a folder or `.tgz` by
/// its kind, a file by its content (a chartgen.yaml maps `name` and `image`
/// where a manifest has `apiVersion` and `kind`).
fn target(path: &Path, shown: &str) -> Result<Target> {
    if path.as_os_str() != "-" {
        if path.is_dir() {
            return Ok(Target::Folder);
        }
        if path.extension().is_some_and(|e| e == "tgz") {
            return Ok(Target::Archive);
        }
    }
    let text = read_text(path, shown)?;
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with("chartgen.yaml"));
    if named || is_spec(&text) {
        Ok(Target::Input(text))
    } else {
        Ok(Target::Manifests(text))
    }
}

/// Whether `text` is a chartgen.yaml: one document, a mapping with a text
/// `name` or `image` (a values file's `image` is a mapping) and neither of a
/// Kubernetes object's `apiVersion` and `kind`.
pub(super) fn is_spec(text: &str) -> bool {
    let mut documents = serde_yaml::Deserializer::from_str(text);
    let Some(first) = documents.next() else {
        return false;
    };
    let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::Value::deserialize(first) else {
        return false;
    };
    let has = |key: &str| map.contains_key(key);
    let text = |key: &str| map.get(key).is_some_and(serde_yaml::Value::is_string);
    documents.next().is_none()
        && (text("name") || text("image"))
        && !has("apiVersion")
        && !has("kind")
}

/// The text of a file or of standard input holding manifests or a
/// chartgen.yaml, bounded by [`MAX_MANIFEST_BYTES`] whatever the file is (a
/// chartgen.yaml gets its own, smaller limit when loaded).
fn read_text(path: &Path, shown: &str) -> Result<String> {
    let limit = MAX_MANIFEST_BYTES;
    let file = shown_path(path);
    let bytes = read_bounded(path, limit)
        .map_err(|e| Error::io("cannot read", &file, e).unreadable())?
        .ok_or_else(|| EngineError::Input {
            location: Some(Location {
                file,
                line: None,
                column: None,
            }),
            key: None,
            message: format!(
                "holds more than {limit} bytes ({} MiB), the most chartgen lint reads of \
                 rendered manifests",
                limit >> 20
            ),
            hint: Some(
                "lint the release in parts, e.g. `helm template CHART --show-only \
                 templates/FILE.yaml | chartgen lint -`"
                    .into(),
            ),
        })?;
    decode_text(shown, bytes)
}

pub(super) fn run(mut args: LintArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(code) = &args.explain {
        return explain(code.as_deref(), out);
    }
    let flags = rule_flags(&args.rule)?;
    let paths = paths(&args)?;
    let shown_paths: Vec<String> = paths.iter().map(|p| shown_target(p)).collect();
    let stdin = paths
        .iter()
        .chain(&args.values)
        .filter(|p| p.as_os_str() == "-");
    if stdin.count() > 1 {
        return Err(Error::Usage(
            "standard input (`-`) can be read once; name files for the others".into(),
        ));
    }
    let targets = paths
        .iter()
        .zip(&shown_paths)
        .map(|(path, shown)| target(path, shown))
        .collect::<Result<Vec<_>>>()?;
    // A bad version is bad usage, whatever is linted.
    args.capabilities.capabilities()?;
    let extra = LintValues {
        files: values_files(&args, &targets)?,
        set: std::mem::take(&mut args.set),
        capabilities: std::mem::take(&mut args.capabilities),
    };
    let mut findings = Vec::new();
    let mut manifests = Vec::new();
    for ((path, shown), target) in paths.iter().zip(&shown_paths).zip(&targets) {
        match chart_of(target, path, shown, &args)? {
            Some(chart) => findings.extend(lint_chart(&chart, &extra, &flags)?),
            None => {
                if let Target::Manifests(text) = target {
                    manifests.extend(parse_objects(shown, text)?);
                }
            }
        }
    }
    findings.extend(lint(&manifests, &flags));
    sort(&mut findings);
    report(&findings, &args.format, out)
}

/// The `--rule CODE=LEVEL` settings.
fn rule_flags(settings: &[String]) -> Result<RuleConfig> {
    let mut flags = RuleConfig::new();
    for setting in settings {
        let (code, level) =
            parse_rule_setting(setting).map_err(|m| Error::Usage(format!("--rule: {m}")))?;
        flags.insert(code, level);
    }
    Ok(flags)
}

/// What to lint: the paths named, or standard input when it is piped.
fn paths(args: &LintArgs) -> Result<Vec<PathBuf>> {
    if !args.paths.is_empty() {
        return Ok(args.paths.clone());
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return Err(Error::Usage(
            "name what to lint: a chart folder, a .tgz, a chartgen.yaml or a manifest \
             file; or pipe manifests in, e.g. `helm template CHART | chartgen lint -`"
                .into(),
        ));
    }
    Ok(vec!["-".into()])
}

/// A path as findings name it: without a trailing `/`, except the root.
fn shown_target(path: &Path) -> String {
    let shown = path.display().to_string().trim_end_matches('/').to_owned();
    if shown.is_empty() {
        "/".to_owned()
    } else {
        shown
    }
}

/// The `--values` files, read; they, the `--set*` flags and what sets
/// `.Capabilities` apply to charts only.
fn values_files(args: &LintArgs, targets: &[Target]) -> Result<Vec<ValuesFile>> {
    let given = [
        (!args.values.is_empty(), "--values"),
        (!args.set.is_empty(), "--set"),
        (args.capabilities.kube_version.is_some(), "--kube-version"),
        (!args.capabilities.api_versions.is_empty(), "--api-versions"),
    ];
    let flag = given
        .iter()
        .find_map(|(given, flag)| given.then_some(*flag));
    if let (Some(flag), false) = (flag, targets.iter().any(Target::is_chart)) {
        return Err(Error::Usage(format!(
            "{flag} applies to charts; name a chart folder, .tgz or chartgen.yaml"
        )));
    }
    args.values
        .iter()
        .map(|path| values_text(path).map(|(file, text)| ValuesFile { file, text }))
        .collect()
}

/// The chart a target is, loaded with its subcharts and named as findings
/// name it (its `source`): a folder, an archive, or the chart a
/// `chartgen.yaml` generates; `None` for manifests.
fn chart_of(
    target: &Target,
    path: &Path,
    shown: &str,
    args: &LintArgs,
) -> Result<Option<LoadedChart>> {
    let chart = match target {
        Target::Folder | Target::Archive => {
            load(path, shown).map_err(|e| Error::from(e).unreadable())?
        }
        Target::Input(text) => {
            let spec = load_spec(shown, text)?;
            let chart = engine(&args.source)?
                .generate(&spec, Some(text))
                .map_err(|e| e.located(shown, text))?;
            // The generated chart's files sit beside its chartgen.yaml.
            let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
                _ if shown == "-" => "-".to_owned(),
                Some(parent) => parent.display().to_string(),
                None => ".".to_owned(),
            };
            let files = chart
                .files
                .iter()
                .map(|(name, text)| (name.clone(), text.clone().into_bytes()))
                .collect();
            load_files(files, &folder)?
        }
        Target::Manifests(_) => return Ok(None),
    };
    super::check_dependencies(&chart)?;
    Ok(Some(chart))
}

/// Writes `findings` in `format`; error findings fail the run.
fn report(findings: &[Finding], format: &LintFormat, out: &mut dyn Write) -> Result<()> {
    let text = match format {
        LintFormat::Text => {
            use std::io::IsTerminal;
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            output::styled(findings, colour)
        }
        LintFormat::Json => output::json(findings),
        LintFormat::Sarif => output::sarif(findings),
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Error::io("cannot write", "standard output", e))?;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    match errors {
        0 => Ok(()),
        n => Err(Error::Invalid(format!("{n} error findings"))),
    }
}

fn explain(code: Option<&str>, out: &mut dyn Write) -> Result<()> {
    match code {
        None => {
            for rule in rules::all() {
                say(
                    out,
                    format_args!(
                        "{}  {:<26} {}",
                        rule.code,
                        rule.name,
                        rule.severity.as_str()
                    ),
                )?;
            }
            Ok(())
        }
        Some(code) => {
            let rule = rules::find(code).ok_or_else(|| {
                Error::Usage(format!(
                    "`{code}` is not a rule; `chartgen lint --explain` lists them"
                ))
            })?;
            say(
                out,
                format_args!(
                    "# {} {} ({})\n\n{}",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.explanation().trim_end()
                ),
            )
        }
    }
}
