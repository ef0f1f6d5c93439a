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
use crate::model::{decode_input, load_spec, read_input, RuleLevel, Spec};

/// Rule settings: a chart's `lint.rules`, then `--rule` flags over them.
fn settings(spec: Option<&Spec>, flags: &RuleConfig) -> RuleConfig {
    let mut config: RuleConfig = spec
        .and_then(|s| s.lint.as_ref())
        .into_iter()
        .flat_map(|l| &l.rules)
        .map(|(code, level)| {
            let severity = match level {
                RuleLevel::Off => None,
                RuleLevel::Info => Some(Severity::Info),
                RuleLevel::Warning => Some(Severity::Warning),
                RuleLevel::Error => Some(Severity::Error),
            };
            (code.clone(), severity)
        })
        .collect();
    config.extend(flags.iter().map(|(k, v)| (k.clone(), *v)));
    config
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
    let mut extra = Vec::new();
    for path in &args.values {
        let text = read_input(path)?;
        extra.push(ValuesFile {
            file: path.display().to_string(),
            text,
        });
    }
    let paths = if args.paths.is_empty() {
        vec!["-".into()]
    } else {
        args.paths.clone()
    };
    let mut findings = Vec::new();
    let mut manifests = Vec::new();
    let mut charts = 0;
    for path in &paths {
        let shown = path.display().to_string();
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(crate::model::MAX_MANIFEST_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read", "standard input", e))?;
            manifests.extend(parse_manifests("-", &decode_manifests("-", bytes)?)?);
        } else if path.is_dir() {
            let chart = ChartFiles::from_dir(path)?;
            // A chart chartgen wrote keeps its chartgen.yaml, and its rule settings.
            let own = path.join("chartgen.yaml");
            let spec = match own.is_file() {
                true => Some(load_spec(&own.display().to_string(), &read_input(&own)?)?),
                false => None,
            };
            let config = settings(spec.as_ref(), &flags);
            findings.extend(lint_chart(
                &chart,
                shown.trim_end_matches('/'),
                &extra,
                &config,
            )?);
            charts += 1;
        } else if path.extension().is_some_and(|e| e == "tgz") {
            let chart = ChartFiles::from_archive(read_archive(path)?, path)?;
            let shown = format!("{shown}:{}", chart.name);
            findings.extend(lint_chart(&chart, &shown, &extra, &flags)?);
            charts += 1;
        } else if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with("chartgen.yaml"))
        {
            let text = read_input(path)?;
            let spec = load_spec(&shown, &text)?;
            let chart = engine(&args.source)?
                .generate(&spec, Some(&text))
                .map_err(|e| e.in_file(&shown))?;
            // The generated chart's files sit beside its chartgen.yaml.
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or(".".to_owned(), |p| p.display().to_string());
            let config = settings(Some(&spec), &flags);
            findings.extend(lint_chart(
                &ChartFiles::from_chart(&chart),
                &folder,
                &extra,
                &config,
            )?);
            charts += 1;
        } else {
            let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
            let text = decode_manifests(&shown, bytes)?;
            manifests.extend(parse_manifests(&shown, &text)?);
        }
    }
    if charts == 0 && manifests.is_empty() {
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
    if !args.values.is_empty() && charts == 0 {
        return Err(Error::Usage(
            "--values applies to charts; name a chart folder, .tgz or chartgen.yaml".into(),
        ));
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
