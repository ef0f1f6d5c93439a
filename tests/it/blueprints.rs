//! The blueprint engine: embedding, delimiters, custom blueprint folders.

use std::path::Path;

use chartgen::{Blueprints, Engine, DELIMITERS};

use crate::support::{files_under, fixture, generate};

/// The binary carries exactly the files under `blueprints/`.
#[test]
fn embedded_set_equals_the_blueprints_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("blueprints");
    let on_disk: Vec<(String, String)> = files_under(&root)
        .into_iter()
        .map(|rel| {
            let text = std::fs::read_to_string(root.join(&rel)).unwrap();
            (rel, text)
        })
        .collect();
    let embedded: Vec<(String, String)> = Blueprints::embedded()
        .files()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(embedded, on_disk);
}

/// No chartgen delimiter survives into a generated file.
#[test]
fn no_blueprint_delimiter_leaks_into_charts() {
    for spec in files_under(&fixture("specs")) {
        let chart = generate(&fixture(&format!("specs/{spec}"))).unwrap();
        for (path, text) in &chart.files {
            if path == "chartgen.yaml" {
                continue;
            }
            for d in DELIMITERS {
                assert!(!text.contains(d), "{spec}: {path} contains `{d}`");
            }
        }
    }
}

/// A team's blueprint folder adds a blueprint that uses the shared files.
#[test]
fn custom_blueprint_folder_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let bp = dir.path().join("tiny");
    std::fs::create_dir_all(bp.join("chart/templates")).unwrap();
    std::fs::write(
        bp.join("blueprint.yaml"),
        "name: tiny\ndescription: A tiny test blueprint\ncomponent: server\nworkload: Deployment\nvalues: [image, replicaCount]\nshared: [Chart.yaml.j2]\nfiles:\n  - templates/note.txt.j2\n  - path: templates/extra.txt\n    when: values.replicaCount > 5\n",
    )
    .unwrap();
    std::fs::write(
        bp.join("chart/templates/note.txt.j2"),
        "[[ chart.name ]] runs [[ values.replicaCount ]]\n",
    )
    .unwrap();
    std::fs::write(bp.join("chart/templates/extra.txt"), "many\n").unwrap();
    let engine = Engine::new(Blueprints::with_dir(dir.path()).unwrap());
    let spec =
        chartgen::load_spec("x.yaml", "name: small\nblueprint: tiny\nimage: app:1.0.0\n").unwrap();
    let chart = engine.generate(&spec, None).unwrap();
    assert_eq!(chart.files["templates/note.txt"], "small runs 1\n");
    assert!(
        !chart.files.contains_key("templates/extra.txt"),
        "`when` is false"
    );
    assert!(chart.files["Chart.yaml"].contains("name: small"));
    let values: serde_json::Value = serde_yaml::from_str(&chart.files["values.yaml"]).unwrap();
    assert_eq!(
        values.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["image", "replicaCount"]
    );
}

/// A template error names the blueprint file and line.
#[test]
fn template_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bp = dir.path().join("broken");
    std::fs::create_dir_all(bp.join("chart")).unwrap();
    std::fs::write(
        bp.join("blueprint.yaml"),
        "name: broken\ndescription: d\ncomponent: c\nworkload: Deployment\nvalues: [image]\nfiles: [a.yaml.j2]\n",
    )
    .unwrap();
    std::fs::write(
        bp.join("chart/a.yaml.j2"),
        "ok: 1\nbad: [[ no_such_thing.x ]]\n",
    )
    .unwrap();
    let engine = Engine::new(Blueprints::with_dir(dir.path()).unwrap());
    let spec =
        chartgen::load_spec("x.yaml", "name: b\nblueprint: broken\nimage: app:1.0.0\n").unwrap();
    let err = engine.generate(&spec, None).unwrap_err().to_string();
    assert!(
        err.starts_with("blueprint broken/chart/a.yaml.j2:2: undefined value"),
        "{err}"
    );
}

/// Every suffix a chart gives an object of its own (`suffixedName`, or the
/// full name and `-<word>` as NOTES prints it) is refused as a job's name,
/// at the job's name: the job would be `<fullname>-<suffix>` too, with that
/// word as its pods' component label.
#[test]
fn job_names_never_take_a_suffix_chartgen_uses() {
    let suffixed = regex::Regex::new(r#""suffix" "([a-z0-9-]+)""#).unwrap();
    let after_fullname = regex::Regex::new(r#"\.fullname" \.[^}]*\}\}-([a-z][a-z0-9-]*)"#).unwrap();
    let mut suffixes = std::collections::BTreeSet::new();
    for spec in files_under(&fixture("specs")) {
        let chart = generate(&fixture(&format!("specs/{spec}"))).unwrap();
        let text = std::fs::read_to_string(fixture(&format!("specs/{spec}"))).unwrap();
        let jobs: Vec<String> = chartgen::load_spec(&spec, &text)
            .unwrap()
            .jobs
            .iter()
            .map(|j| j.name.0.clone())
            .collect();
        for (path, text) in chart
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("templates/"))
        {
            for found in suffixed
                .captures_iter(text)
                .chain(after_fullname.captures_iter(text))
            {
                let suffix = found[1].to_owned();
                if !jobs.contains(&suffix) {
                    suffixes.insert((suffix, format!("{spec}: {path}")));
                }
            }
        }
    }
    let names: std::collections::BTreeSet<&str> =
        suffixes.iter().map(|(s, _)| s.as_str()).collect();
    for expected in [
        "headless",
        "hooks",
        "external",
        "external-hook",
        "test",
        "jobs",
        "manual",
    ] {
        assert!(
            names.contains(expected),
            "`{expected}` not found in any chart: {names:?}"
        );
    }
    for (suffix, place) in &suffixes {
        let spec = format!(
            "name: shop\nimage: nginx:1.27.3\njobs:\n  - name: {suffix}\n    command: [x]\n"
        );
        let err = match chartgen::load_spec("chartgen.yaml", &spec) {
            Ok(_) => panic!("a job named `{suffix}` (a suffix of {place}) is accepted"),
            Err(e) => e.to_string(),
        };
        assert!(
            err.starts_with("chartgen.yaml:4:5: jobs.0.name:"),
            "{suffix}: {err}"
        );
    }
}
