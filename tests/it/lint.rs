//! Lint rules, driven by fixtures: `tests/fixtures/lint/<CODE>/triggers.yaml`
//! must raise the rule, `passes.yaml` must not. The findings of each are
//! snapshotted (code, severity, place, message).

use chartgen::lint::{lint, output, parse_manifests, rules, RuleConfig};

use crate::support::{fixture, settings};

fn findings_of(path: &std::path::Path) -> Vec<chartgen::lint::Finding> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = format!(
        "{}/{}",
        path.parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy(),
        path.file_name().unwrap().to_string_lossy()
    );
    let manifests = parse_manifests(&name, &text).unwrap();
    lint(&manifests, &RuleConfig::new())
}

#[test]
fn every_rule_has_fixtures_that_trigger_it_and_pass_it() {
    for rule in rules::all() {
        let dir = fixture(&format!("lint/{}", rule.code));
        assert!(
            dir.join("triggers.yaml").is_file(),
            "{}: no triggers.yaml",
            rule.code
        );
        assert!(
            dir.join("passes.yaml").is_file(),
            "{}: no passes.yaml",
            rule.code
        );
        let hit = findings_of(&dir.join("triggers.yaml"));
        assert!(
            hit.iter().any(|f| f.code == rule.code),
            "{} does not fire on its fixture: {hit:#?}",
            rule.code
        );
        let clean = findings_of(&dir.join("passes.yaml"));
        assert!(
            !clean.iter().any(|f| f.code == rule.code),
            "{} fires on passes.yaml: {clean:#?}",
            rule.code
        );
    }
}

#[test]
fn rule_findings_snapshot() {
    settings().bind(|| {
        insta::glob!("../fixtures/lint", "*/*.yaml", |path| {
            // Only the findings of the rule the fixture is about.
            let code = path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let own: Vec<_> = findings_of(path)
                .into_iter()
                .filter(|f| f.code == code)
                .collect();
            insta::assert_snapshot!(output::text(&own));
        });
    });
}

#[test]
fn every_rule_explains_itself() {
    for rule in rules::all() {
        for part in ["## What it does", "## Why it matters", "## Example"] {
            assert!(rule.doc.contains(part), "{}: no `{part}`", rule.code);
        }
    }
}
