//! `chartgen lint`.

use std::io::{Read, Write};

use super::say;
use crate::cli::{LintArgs, LintFormat};
use crate::error::{Error, Location, Result};
use crate::lint::{lint, output, parse_manifests, parse_rule_setting, rules, RuleConfig, Severity};
use crate::model::decode_input;

pub(super) fn run(args: LintArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(code) = &args.explain {
        return explain(code.as_deref(), out);
    }
    let mut config = RuleConfig::new();
    for setting in &args.rule {
        let (code, severity) =
            parse_rule_setting(setting).map_err(|m| Error::Usage(format!("--rule: {m}")))?;
        config.insert(code, severity);
    }
    let mut manifests = Vec::new();
    let paths = if args.paths.is_empty() {
        vec!["-".into()]
    } else {
        args.paths.clone()
    };
    for path in &paths {
        let (name, text) = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(crate::model::MAX_MANIFEST_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read", "standard input", e))?;
            ("-".to_owned(), decode_manifests("-", bytes)?)
        } else if path.is_dir() || path.extension().is_some_and(|e| e == "tgz") {
            return Err(Error::Usage(format!(
                "`{}` is a chart; lint its rendered manifests for now: `helm template {0} | chartgen lint -`",
                path.display()
            )));
        } else {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
            let text = decode_manifests(&name, bytes)?;
            (name, text)
        };
        manifests.extend(parse_manifests(&name, &text)?);
    }
    if manifests.is_empty() {
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
    let findings = lint(&manifests, &config);
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
