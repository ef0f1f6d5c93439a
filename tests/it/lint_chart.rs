//! `chartgen lint` on whole charts: a chart folder, a packaged `.tgz` or a
//! `chartgen.yaml`, each checked with its defaults and every environment's
//! overlay, rendered by chartgen's own Helm-compatible renderer (which the
//! conformance tests hold byte for byte against Helm).

use std::path::Path;

use crate::support::{chartgen, settings, transcript};

/// `chartgen new` with `blueprint` in `dir`; the chart's folder.
fn new_chart(dir: &Path, name: &str, blueprint: &str) -> std::path::PathBuf {
    let out = chartgen(dir, &["new", name, "--blueprint", blueprint]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    dir.join(name)
}

/// Values an operator might add: a password among the plain settings.
const CANARY: &str = "config:\n  data:\n    DB_PASSWORD: \"hunter2\"\n";

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_new_chart_lints_clean_in_every_form_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    for blueprint in chartgen::Blueprints::embedded().names() {
        let name = format!("{blueprint}-app");
        let chart = new_chart(dir.path(), &name, blueprint);
        let out = chartgen(dir.path(), &["package", &name, "-d", "dist"]);
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        let archive = std::fs::read_dir(dir.path().join("dist"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&name))
            .unwrap();
        for target in [
            name.clone(),
            format!("{name}/chartgen.yaml"),
            archive.display().to_string(),
        ] {
            let out = chartgen(dir.path(), &["lint", &target, "--format", "json"]);
            assert_eq!(out.status.code(), Some(0), "{target}: {}", transcript(&out));
            let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let errors: Vec<_> = findings
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["severity"] == "error")
                .collect();
            assert!(errors.is_empty(), "{target}: {errors:#?}");
        }
        assert!(chart.join("values-prod.yaml").is_file());
    }
}

/// A production overlay that stops pinning its image, and a values file
/// that puts a password in plain config: both found, located, and named.
#[test]
fn environments_and_extra_values_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    let chart = new_chart(dir.path(), "shop", "web");
    let prod = std::fs::read_to_string(chart.join("values-prod.yaml")).unwrap();
    // An empty tag follows the chart's appVersion.
    let unpinned: String = prod
        .lines()
        .map(|l| match l.trim_start().starts_with("tag:") {
            true => "  tag: \"\"\n".to_owned(),
            false => format!("{l}\n"),
        })
        .collect();
    assert_ne!(prod, unpinned, "the prod overlay pins a tag to remove");
    std::fs::write(chart.join("values-prod.yaml"), unpinned).unwrap();
    std::fs::write(dir.path().join("canary.yaml"), CANARY).unwrap();
    let out = chartgen(dir.path(), &["lint", "shop", "--values", "canary.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(text.contains("shop/values-prod.yaml:"), "{text}");
    assert!(text.contains("CG004"), "{text}");
    assert!(
        text.contains("CG023") && text.contains("with canary.yaml"),
        "{text}"
    );
    settings().bind(|| insta::assert_snapshot!("lint-chart-environments", transcript(&out)));
}

/// Rule settings in chartgen.yaml travel with the chart (its Chart.yaml
/// carries them), so a folder, its package and the chartgen.yaml lint alike;
/// `--rule` wins over them; an unknown code is an input error.
#[test]
fn rule_settings_travel_with_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path(), "shop", "web");
    std::fs::write(dir.path().join("canary.yaml"), CANARY).unwrap();
    let spec_path = dir.path().join("shop/chartgen.yaml");
    let spec = std::fs::read_to_string(&spec_path).unwrap();
    std::fs::write(
        &spec_path,
        format!("{spec}lint:\n  rules:\n    CG023: warning\n"),
    )
    .unwrap();
    let out = chartgen(
        dir.path(),
        &[
            "render",
            "shop/chartgen.yaml",
            "--force",
            "--package",
            "dist",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let chart_yaml = std::fs::read_to_string(dir.path().join("shop/Chart.yaml")).unwrap();
    assert!(
        chart_yaml.contains("chartgen/lint-rules: \"CG023=warning\""),
        "{chart_yaml}"
    );
    for target in ["shop", "shop/chartgen.yaml", "dist/shop-0.1.0.tgz"] {
        let out = chartgen(dir.path(), &["lint", target, "-f", "canary.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{target}: {}", transcript(&out));
        assert!(
            stdout(&out).contains("warning CG023"),
            "{target}: {}",
            stdout(&out)
        );
        let out = chartgen(
            dir.path(),
            &["lint", target, "-f", "canary.yaml", "--rule", "CG023=error"],
        );
        assert_eq!(out.status.code(), Some(1), "{target}: {}", transcript(&out));
    }

    std::fs::write(
        &spec_path,
        format!("{spec}lint:\n  rules:\n    CG00l: off\n"),
    )
    .unwrap();
    let out = chartgen(dir.path(), &["lint", "shop/chartgen.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("shop/chartgen.yaml:"), "{err}");
    assert!(err.contains("lint.rules.CG00l"), "{err}");
}

/// A production overlay given again with `-f` is reported once; an overlay
/// named `.yml` counts too.
#[test]
fn each_finding_once() {
    let dir = tempfile::tempdir().unwrap();
    let chart = new_chart(dir.path(), "shop", "web");
    std::fs::write(chart.join("values-prod.yaml"), "image:\n  tag: \"\"\n").unwrap();
    std::fs::write(chart.join("values-prod-eu.yml"), "image:\n  tag: \"\"\n").unwrap();
    let out = chartgen(
        dir.path(),
        &[
            "lint",
            "shop",
            "-f",
            "shop/values-prod.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pinned: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "CG004")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(pinned, ["shop/values-prod-eu.yml", "shop/values-prod.yaml"]);
}

/// Values Helm would refuse are an input error located in the overlay.
#[test]
fn values_that_break_the_schema_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let chart = new_chart(dir.path(), "shop", "web");
    std::fs::write(chart.join("values-dev.yaml"), "replicaCount: many\n").unwrap();
    let out = chartgen(dir.path(), &["lint", "shop"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("shop/values-dev.yaml:1:"), "{err}");
    assert!(err.contains("replicaCount"), "{err}");
}

/// A template that `fail`s with some values is a finding of the rule on
/// refused values (CG032) for those values, located at the `fail`, and the
/// rest of the chart is still linted; one that cannot be rendered at all
/// is invalid input whose error names the template and the values.
#[test]
fn a_failing_template_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let chart = new_chart(dir.path(), "shop", "web");
    std::fs::write(
        chart.join("templates/guard.yaml"),
        "{{- if .Values.ingress.enabled }}{{ fail \"ingress needs a host\" }}{{ end }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ingress.yaml"),
        "ingress:\n  enabled: true\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("canary.yaml"), CANARY).unwrap();
    let args = ["lint", "shop", "-f", "ingress.yaml", "-f", "canary.yaml"];
    let out = chartgen(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "shop/templates/guard.yaml:1:36 error CG032 [values-refused] (with ingress.yaml + \
             canary.yaml): the chart refuses to render with these values"
        ),
        "{text}"
    );
    assert!(text.contains("ingress needs a host"), "{text}");
    // Linted on as `helm lint` renders it: the password is still found.
    assert!(text.contains("CG023"), "{text}");
    // The defaults render: the refusal is only the values'.
    assert!(
        !text.contains("CG032 [values-refused]  (with values.yaml"),
        "{text}"
    );

    std::fs::write(
        chart.join("templates/guard.yaml"),
        "{{- if .Values.ingress.enabled }}{{ .Values.ingress.enabled.host }}{{ end }}\n",
    )
    .unwrap();
    let out = chartgen(dir.path(), &["lint", "shop", "-f", "ingress.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("shop/templates/guard.yaml"), "{err}");
    assert!(err.contains("can't evaluate field host"), "{err}");
    assert!(err.contains("ingress.yaml"), "{err}");
}
