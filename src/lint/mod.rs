//! `chartgen lint`: rules on rendered Kubernetes manifests.
//!
//! Each rule lives in its own file under `rules/`, with a stable code, a
//! default severity and a doc written as *What it does / Why it matters /
//! Example*, which `chartgen lint --explain CODE` prints. Every finding goes
//! through [`Report::object`], so output and exit
//! codes stay uniform.

pub mod chart;
mod codes;
pub mod environments;
mod manifest;
pub mod names;
pub mod output;
pub mod rules;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

pub use codes::Code;
pub use manifest::{parse_manifests, parse_objects, Manifest};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `chartgen lint` (exit status 1).
    Error,
    /// Worth fixing; does not fail the run.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// The lower-case name, as written in output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A lint rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `CG001`.
    pub code: Code,
    /// Short kebab-case name, e.g. `image-tag`.
    pub name: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// What it checks, why it matters, and an example (Markdown).
    pub doc: &'static str,
    /// The check on rendered manifests.
    pub check: fn(&[Manifest], &mut Report),
    /// The check on an environment's values overlay, for rules about values
    /// files rather than what they render to.
    pub overlay: Option<fn(&Overlay, &mut Report)>,
}

/// An environment's values overlay (`values-<env>.yaml`) of a chart.
#[derive(Debug)]
pub struct Overlay<'a> {
    /// The file, as shown in findings.
    pub file: String,
    /// The environment, from the file name.
    pub environment: &'a str,
    /// The file's text, to locate keys in.
    pub text: &'a str,
    /// The values the file sets itself.
    pub own: &'a Json,
    /// The chart's defaults with the file's values merged over them.
    pub merged: &'a Json,
}

impl Rule {
    /// The rule's documentation as Markdown, as `--explain` prints it.
    pub fn explanation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Declares a rule whose doc comment is also its `--explain` text; with
/// `overlay` before the check, a rule on values overlays.
macro_rules! rule {
    ($(#[doc = $doc:expr])+ $name:ident = $code:expr, $slug:literal, $severity:ident, overlay $check:expr) => {
        crate::lint::rule!(@ $name, $code, $slug, $severity, |_, _| {}, Some($check), $($doc),+);
    };
    ($(#[doc = $doc:expr])+ $name:ident = $code:expr, $slug:literal, $severity:ident, $check:expr) => {
        crate::lint::rule!(@ $name, $code, $slug, $severity, $check, None, $($doc),+);
    };
    (@ $name:ident, $code:expr, $slug:literal, $severity:ident, $check:expr, $overlay:expr, $($doc:expr),+) => {
        $(#[doc = $doc])+
        pub static $name: crate::lint::Rule = crate::lint::Rule {
            code: $code,
            name: $slug,
            severity: crate::lint::Severity::$severity,
            doc: concat!($($doc, "\n"),+),
            check: $check,
            overlay: $overlay,
        };
    };
}
pub(crate) use rule;

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's code.
    pub code: Code,
    /// The rule's name.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// The file the manifest came from.
    pub file: String,
    /// The template that rendered it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// 1-based line of the manifest in that file (of the rendered template
    /// when `values` is set), or of the key in a values file.
    pub line: usize,
    /// 1-based column of the key in a values file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The chart's values files the finding holds for, when a chart was
    /// rendered to find it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// `Kind/name` of the object; empty for a finding in a values file.
    pub object: String,
    /// Field path within the object, e.g. `spec.template.spec.containers[0].image`.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Collects findings for the rule being run.
pub struct Report {
    rule: &'static Rule,
    severity: Severity,
    findings: Vec<Finding>,
}

impl Report {
    /// Reports a problem at `field` of `manifest`, unless an inline
    /// `chartgen.dev/lint-ignore` annotation on the object names the rule.
    pub fn object(
        &mut self,
        manifest: &Manifest,
        field: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        if manifest.ignores(self.rule.code.as_str()) {
            return;
        }
        self.findings.push(Finding {
            code: self.rule.code,
            rule: self.rule.name,
            severity: self.severity,
            file: manifest.file.clone(),
            source: manifest.source.clone(),
            line: manifest.line,
            column: None,
            values: Vec::new(),
            object: manifest.id(),
            field: field.to_owned(),
            message: message.into(),
            hint: hint.into(),
        });
    }
}

impl Report {
    /// Reports a problem with the key `field` of a values overlay, located
    /// at the key `at` (the file's start when `at` is empty).
    pub fn value(
        &mut self,
        overlay: &Overlay,
        at: &[String],
        field: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let (line, column) = match at {
            [] => (1, 1),
            at => crate::keys::locate(overlay.text, at).unwrap_or((1, 1)),
        };
        self.findings.push(Finding {
            code: self.rule.code,
            rule: self.rule.name,
            severity: self.severity,
            file: overlay.file.clone(),
            source: None,
            line,
            column: Some(column),
            values: Vec::new(),
            object: String::new(),
            field: field.to_owned(),
            message: message.into(),
            hint: hint.into(),
        });
    }
}

/// Where a finding about a chart as a whole is: a template or a schema.
#[derive(Debug, Clone)]
pub struct FindingPlace {
    /// The file, as the user finds it.
    pub file: String,
    /// 1-based line in it.
    pub line: usize,
    /// 1-based column, when known.
    pub column: Option<usize>,
}

/// A finding of the rule `code` about a chart as a whole rather than an
/// object it renders (a template that refuses the values, a schema Helm
/// cannot use), at the severity `config` gives the rule; `None` when the
/// rule is off.
pub fn chart_finding(
    config: &RuleConfig,
    code: Code,
    place: FindingPlace,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Option<Finding> {
    let rule = rules::find(code.as_str())?;
    let severity = match config.get(code.as_str()) {
        Some(level) => level.severity()?,
        None => rule.severity,
    };
    Some(Finding {
        code,
        rule: rule.name,
        severity,
        file: place.file,
        source: None,
        line: place.line,
        column: place.column,
        values: Vec::new(),
        object: String::new(),
        field: String::new(),
        message: message.into(),
        hint: hint.into(),
    })
}

/// A rule's severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Findings are notes.
    Info,
    /// Findings are warnings.
    Warning,
    /// Findings fail `chartgen lint`.
    Error,
}

impl RuleLevel {
    /// The name, as written in `chartgen.yaml`, `--rule` and Chart.yaml's
    /// [`chart::RULES_ANNOTATION`].
    pub fn as_str(self) -> &'static str {
        match self {
            RuleLevel::Off => "off",
            RuleLevel::Info => "info",
            RuleLevel::Warning => "warning",
            RuleLevel::Error => "error",
        }
    }

    /// The level [`as_str`](Self::as_str) names.
    pub fn parse(name: &str) -> Option<Self> {
        [
            RuleLevel::Off,
            RuleLevel::Info,
            RuleLevel::Warning,
            RuleLevel::Error,
        ]
        .into_iter()
        .find(|level| level.as_str() == name)
    }

    /// The severity of findings, `None` when the rule is off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

/// Levels configured per rule code.
pub type RuleConfig = BTreeMap<String, RuleLevel>;

/// Runs every enabled rule over `manifests`; findings sorted by file, line, code.
pub fn lint(manifests: &[Manifest], config: &RuleConfig) -> Vec<Finding> {
    let mut findings = run(config, |rule, report| (rule.check)(manifests, report));
    sort(&mut findings);
    findings
}

/// Runs every enabled rule's overlay check over `overlay`.
pub fn lint_overlay(overlay: &Overlay, config: &RuleConfig) -> Vec<Finding> {
    run(config, |rule, report| {
        if let Some(check) = rule.overlay {
            check(overlay, report);
        }
    })
}

fn run(config: &RuleConfig, mut check: impl FnMut(&Rule, &mut Report)) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in rules::all() {
        let severity = match config.get(rule.code.as_str()).map(|level| level.severity()) {
            Some(None) => continue,
            Some(Some(severity)) => severity,
            None => rule.severity,
        };
        let mut report = Report {
            rule,
            severity,
            findings: Vec::new(),
        };
        check(rule, &mut report);
        findings.append(&mut report.findings);
    }
    findings
}

/// Sorts findings by file, line, code and field.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.code, &a.field).cmp(&(&b.file, b.line, b.code, &b.field))
    });
}

/// `a`, `a and b`, `a, b and c`: a list as a sentence says it.
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Parses `--rule CODE=off|info|warning|error`.
pub fn parse_rule_setting(text: &str) -> Result<(String, RuleLevel), String> {
    let (code, level) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not CODE=off|info|warning|error"))?;
    let code = code.trim().to_ascii_uppercase();
    if rules::find(&code).is_none() {
        return Err(format!(
            "`{code}` is not a rule; `chartgen lint --explain` lists them"
        ));
    }
    let level = level.trim();
    match RuleLevel::parse(level) {
        Some(level) => Ok((code, level)),
        None => Err(format!("`{level}` is not off, info, warning or error")),
    }
}
