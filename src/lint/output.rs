//! Lint output: text for people, JSON for tools, SARIF for code scanning.

use serde_json::json;

use super::{rules, Finding, Severity};

/// Findings as text, grouped by file.
pub fn text(findings: &[Finding]) -> String {
    styled(findings, false)
}

/// Findings as text, severities coloured with ANSI escapes when `colour`.
pub fn styled(findings: &[Finding], colour: bool) -> String {
    let paint = |severity: Severity| {
        let name = severity.as_str();
        if !colour {
            return name.to_owned();
        }
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        format!("\x1b[{code}m{name}\x1b[0m")
    };
    let mut out = String::new();
    let mut file = None;
    for f in findings {
        if file != Some(&f.file) {
            out.push_str(&format!("{}:\n", f.file));
            file = Some(&f.file);
        }
        let from = f
            .source
            .as_ref()
            .map(|s| format!(" (from {s})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {}:{} {} {} [{}] {} {}{from}: {}\n    help: {}\n",
            f.file,
            f.line,
            paint(f.severity),
            f.code,
            f.rule,
            f.object,
            f.field,
            f.message,
            f.hint
        ));
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "{} errors, {} warnings, {} notes\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    ));
    out
}

/// Findings as a JSON array.
pub fn json(findings: &[Finding]) -> String {
    let mut text = serde_json::to_string_pretty(findings).expect("findings serialize");
    text.push('\n');
    text
}

/// Findings as a SARIF 2.1.0 log, so CI code scanning shows them inline.
pub fn sarif(findings: &[Finding]) -> String {
    let rules: Vec<_> = rules::all()
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.doc.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap_or(r.name).trim() },
                "fullDescription": { "text": r.explanation() },
                "help": { "text": r.explanation(), "markdown": r.explanation() },
                "defaultConfiguration": { "level": level(r.severity) }
            })
        })
        .collect();
    let results: Vec<_> = findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": format!("{} {}: {} ({})", f.object, f.field, f.message, f.hint) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.source.as_deref().unwrap_or(&f.file) },
                        "region": { "startLine": f.line }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": format!("{}.{}", f.object, f.field), "kind": "object" }]
                }]
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "chartgen",
                "version": crate::VERSION,
                "rules": rules
            } },
            "results": results
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
