//! `chartgen lint`.

use std::io::{Read, Write};

use super::{engine, say};
use crate::archive::read_archive;
use crate::cli::{LintArgs, LintFormat};
use crate::error::{Error, Location, Result};
use crate::helm::ChartFiles;
use crate::lint::chart::{lint_chart, ValuesFile};
use crate::lint::{
    lint, output, parse_manifests, parse_rule_setting, rules, sort, RuleConfig, Severity,
};
use crate::model::{decode_input, load_spec, read_input};

/// What a PATH argument names.
enum Target {
    /// Rendered manifests on standard input.
    Stdin,
    /// A chart folder.
    Folder,
    /// A packaged chart.
    Archive,
    /// A `chartgen.yaml`, linted as the chart it generates.
    Input,
    /// A file of rendered manifests.
    Manifests,
}

impl Target {
    fn of(path: &std::path::Path) -> Self {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if path.as_os_str() == "-" {
            Target::Stdin
        } else if path.is_dir() {
            Target::Folder
        } else if path.extension().is_some_and(|e| e == "tgz") {
            Target::Archive
        } else if name.is_some_and(|n| n.ends_with("chartgen.yaml")) {
            Target::Input
        } else {
            Target::Manifests
        }
    }

    fn is_chart(&self) -> bool {
        matches!(self, Target::Folder | Target::Archive | Target::Input)
    }
}

/// A chart or file that cannot be read is invalid input (exit status 2),
/// never to be mistaken for error findings (1).
fn invalid(error: Error) -> Error {
    match error {
        Error::Chart { path, message } => Error::Input {
            location: Some(Location {
                file: path.display().to_string(),
                line: None,
                column: None,
            }),
            key: None,
            message,
            hint: None,
        },
        Error::Io {
            action,
            path,
            source,
        } => Error::Input {
            location: Some(Location {
                file: path.display().to_string(),
                line: None,
                column: None,
            }),
            key: None,
            message: format!("{action}: {source}"),
            hint: None,
        },
        other => other,
    }
}

pub(super) fn run(args: LintArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(code) = &args.explain {
        return explain(code.as_deref(), out);
    }
    let mut flags = RuleConfig::new();
    for setting in &args.rule {
        let (code, severity) =
            parse_rule_setting(setting).map_err(|m| Error::Usage(format!("--rule: {m}")))?;
        flags.insert(code, severity);
    }
    let paths = if args.paths.is_empty() {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            return Err(Error::Usage(
                "name what to lint: a chart folder, a .tgz, a chartgen.yaml or a manifest \
                 file; or pipe manifests in, e.g. `helm template CHART | chartgen lint -`"
                    .into(),
            ));
        }
        vec!["-".into()]
    } else {
        args.paths.clone()
    };
    let targets: Vec<Target> = paths.iter().map(|p| Target::of(p)).collect();
    if !args.values.is_empty() && !targets.iter().any(Target::is_chart) {
        return Err(Error::Usage(
            "--values applies to charts; name a chart folder, .tgz or chartgen.yaml".into(),
        ));
    }
    let mut extra = Vec::new();
    for path in &args.values {
        extra.push(ValuesFile {
            file: path.display().to_string(),
            text: read_input(path).map_err(invalid)?,
        });
    }
    let mut findings = Vec::new();
    let mut manifests = Vec::new();
    for (path, target) in paths.iter().zip(&targets) {
        let shown = path.display().to_string();
        let shown = shown.trim_end_matches('/');
        match target {
            Target::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .take(crate::model::MAX_MANIFEST_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| invalid(Error::io("cannot read", "standard input", e)))?;
                manifests.extend(parse_manifests("-", &decode_manifests("-", bytes)?)?);
            }
            Target::Folder => {
                let chart = ChartFiles::from_dir(path).map_err(invalid)?;
                findings.extend(lint_chart(&chart, shown, &extra, &flags)?);
            }
            Target::Archive => {
                let archive = read_archive(path).map_err(invalid)?;
                let chart = ChartFiles::from_archive(archive, path).map_err(invalid)?;
                let shown = format!("{shown}:{}", chart.name);
                findings.extend(lint_chart(&chart, &shown, &extra, &flags)?);
            }
            Target::Input => {
                let text = read_input(path).map_err(invalid)?;
                let spec = load_spec(shown, &text)?;
                let chart = engine(&args.source)?
                    .generate(&spec, Some(&text))
                    .map_err(|e| e.in_file(shown))?;
                // The generated chart's files sit beside its chartgen.yaml.
                let folder = path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or(".".to_owned(), |p| p.display().to_string());
                let chart = ChartFiles::from_chart(&chart);
                findings.extend(lint_chart(&chart, &folder, &extra, &flags)?);
            }
            Target::Manifests => {
                let bytes =
                    std::fs::read(path).map_err(|e| invalid(Error::io("cannot read", path, e)))?;
                let text = decode_manifests(shown, bytes)?;
                manifests.extend(parse_manifests(shown, &text)?);
            }
        }
    }
    if !targets.iter().any(Target::is_chart) && manifests.is_empty() {
        return Err(Error::Input {
            location: Some(Location {
                file: paths[0].display().to_string(),
                line: None,
                column: None,
            }),
            key: None,
            message: "holds no Kubernetes objects".into(),
            hint: Some(
                "pipe rendered manifests in, e.g. `helm template CHART | chartgen lint -`".into(),
            ),
        });
    }
    findings.extend(lint(&manifests, &flags));
    sort(&mut findings);
    let text = match args.format {
        LintFormat::Text => {
            use std::io::IsTerminal;
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            output::styled(&findings, colour)
        }
        LintFormat::Json => output::json(&findings),
        LintFormat::Sarif => output::sarif(&findings),
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

/// Manifest text: bounded like other inputs, but `helm template` output of a
/// large chart may exceed a chartgen.yaml's limit.
fn decode_manifests(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.len() as u64 > crate::model::MAX_MANIFEST_BYTES {
        return Err(Error::Input {
            location: Some(Location {
                file: name.to_owned(),
                line: None,
                column: None,
            }),
            key: None,
            message: format!(
                "more than {} bytes of manifests",
                crate::model::MAX_MANIFEST_BYTES
            ),
            hint: None,
        });
    }
    decode_input(name, bytes)
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
