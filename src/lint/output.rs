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
        let at = match f.column {
            Some(column) => format!("{}:{}:{column}", f.file, f.line),
            // A rendered template's line is of its output, not of its source.
            None if !f.values.is_empty() => format!("{}, rendered line {}", f.file, f.line),
            None => format!("{}:{}", f.file, f.line),
        };
        let mut context = Vec::new();
        if let Some(source) = &f.source {
            context.push(format!("from {source}"));
        }
        if !f.values.is_empty() {
            context.push(format!("with {}", f.values.join(", ")));
        }
        let context = match context.is_empty() {
            true => String::new(),
            false => format!(" ({})", context.join("; ")),
        };
        let subject = [f.object.as_str(), f.field.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        // A finding on a chart as a whole names no object or field.
        let subject = match subject.is_empty() {
            true => subject,
            false => format!(" {subject}"),
        };
        out.push_str(&format!(
            "  {at} {} {} [{}]{subject}{context}: {}\n    help: {}\n",
            paint(f.severity),
            f.code,
            f.rule,
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
                "message": { "text": message(f) },
                "locations": [{
                    "physicalLocation": physical(f),
                    "logicalLocations": [{ "fullyQualifiedName": logical(f), "kind": "object" }]
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
                // The package's version, read here rather than from the
                // generator's `VERSION`, which the linter does not depend on.
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules
            } },
            "results": results
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    text.push('\n');
    text
}

fn message(f: &Finding) -> String {
    let subject = match f.object.is_empty() {
        true => f.field.clone(),
        false => format!("{} {}", f.object, f.field),
    };
    let with = match f.values.is_empty() {
        true => String::new(),
        false => format!(" (with {})", f.values.join(", ")),
    };
    format!("{subject}{with}: {} ({})", f.message, f.hint)
}

/// The file and the line in it.
fn physical(f: &Finding) -> serde_json::Value {
    let uri = f.source.as_deref().unwrap_or(&f.file);
    match (f.values.is_empty(), f.column) {
        (_, Some(column)) => json!({
            "artifactLocation": { "uri": uri },
            "region": { "startLine": f.line, "startColumn": column }
        }),
        (true, None) => json!({
            "artifactLocation": { "uri": uri },
            "region": { "startLine": f.line }
        }),
        // Code scanning needs a line; a rendered template's own lines are
        // not its output's, so the finding points at the file.
        (false, None) => json!({
            "artifactLocation": { "uri": uri },
            "region": { "startLine": 1 }
        }),
    }
}

fn logical(f: &Finding) -> String {
    match f.object.is_empty() {
        true => f.field.clone(),
        false => format!("{}.{}", f.object, f.field),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
