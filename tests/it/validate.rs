//! `chartgen validate` and reading chart archives safely.

use std::io::Write;
use std::path::Path;

use crate::support::{chartgen, settings, transcript};

fn new_chart(dir: &std::path::Path) {
    assert_eq!(chartgen(dir, &["new", "web-api"]).status.code(), Some(0));
}

#[test]
fn a_chart_validates_its_own_values_files() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    let out = chartgen(dir.path(), &["validate", "web-api"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "4 values files match the chart's schemas\n"
    );
}

#[test]
fn every_violation_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    std::fs::write(
        dir.path().join("my-values.yaml"),
        "replicaCunt: 2\nimage:\n  tga: \"1\"\n  tag: latest\nreplicaCount: \"two\"\nconfig:\n  data:\n    PORT: 5\n",
    )
    .unwrap();
    let out = chartgen(dir.path(), &["validate", "-f", "my-values.yaml", "web-api"]);
    assert_eq!(out.status.code(), Some(1));
    settings().bind(|| insta::assert_snapshot!("validate-violations", transcript(&out)));
}

#[test]
fn a_packaged_chart_validates_from_its_archive() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    assert_eq!(
        chartgen(dir.path(), &["package", "web-api", "-d", "dist"])
            .status
            .code(),
        Some(0)
    );
    let out = chartgen(dir.path(), &["validate", "dist/web-api-0.1.0.tgz"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

#[test]
fn malformed_values_are_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    std::fs::write(dir.path().join("broken.yaml"), "image: [unclosed\n").unwrap();
    let out = chartgen(dir.path(), &["validate", "-f", "broken.yaml", "web-api"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: broken.yaml:"));
}

/// A gzip'd tar whose entries are written raw, so unsafe names survive.
fn raw_archive(entries: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
    let mut tar = Vec::new();
    for (name, kind, data) in entries {
        let mut header = tar::Header::new_old();
        header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        header.set_entry_type(*kind);
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        if kind.is_symlink() || kind.is_hard_link() {
            header.as_old_mut().linkname[..11].copy_from_slice(b"/etc/passwd");
        }
        header.set_cksum();
        tar.extend_from_slice(header.as_bytes());
        tar.extend_from_slice(data);
        tar.resize(tar.len().div_ceil(512) * 512, 0);
    }
    tar.resize(tar.len() + 1024, 0);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    gz.finish().unwrap()
}

#[test]
fn unsafe_archives_are_refused() {
    use tar::EntryType::{Directory, Link, Regular, Symlink};
    let ok: &[u8] = b"apiVersion: v2\n";
    type Case<'a> = (&'a str, Vec<(&'a str, tar::EntryType, &'a [u8])>, &'a str);
    let cases: &[Case] = &[
        ("parent", vec![("chart/../../etc/x", Regular, ok)], "`..`"),
        (
            "absolute",
            vec![("/etc/chart/Chart.yaml", Regular, ok)],
            "absolute",
        ),
        (
            "backslash",
            vec![("chart\\Chart.yaml", Regular, ok)],
            "backslash",
        ),
        (
            "drive",
            vec![("C:/chart/Chart.yaml", Regular, ok)],
            "drive letter",
        ),
        (
            "symlink",
            vec![("chart/templates/x.yaml", Symlink, b"")],
            "link",
        ),
        (
            "hardlink",
            vec![("chart/templates/x.yaml", Link, b"")],
            "link",
        ),
        (
            "two tops",
            vec![("a/Chart.yaml", Regular, ok), ("b/Chart.yaml", Regular, ok)],
            "two top folders",
        ),
        (
            "bare file",
            vec![("Chart.yaml", Regular, ok)],
            "outside any chart folder",
        ),
    ];
    for (what, entries, expected) in cases {
        let bytes = raw_archive(entries);
        let err: chartgen::Error =
            helm_engine::archive::read_archive_from("x.tgz", bytes.as_slice())
                .unwrap_err()
                .into();
        assert_eq!(err.exit_code(), 2, "{what}");
        assert!(err.to_string().contains(expected), "{what}: {err}");
    }
    let fine = raw_archive(&[
        ("chart/", Directory, b""),
        ("chart/Chart.yaml", Regular, ok),
    ]);
    let archive = helm_engine::archive::read_archive_from("x.tgz", fine.as_slice()).unwrap();
    assert_eq!((archive.top.as_str(), archive.files.len()), ("chart", 1));
}

#[test]
fn oversized_archives_are_refused_before_they_are_read() {
    let big = vec![0u8; helm_engine::archive::MAX_FILE_BYTES as usize + 1];
    let bytes = raw_archive(&[("chart/big.yaml", tar::EntryType::Regular, &big)]);
    let err = helm_engine::archive::read_archive_from("x.tgz", bytes.as_slice()).unwrap_err();
    assert!(err.to_string().contains("at most 5242880"), "{err}");

    let part = vec![0u8; helm_engine::archive::MAX_FILE_BYTES as usize];
    let names: Vec<String> = (0..21).map(|i| format!("chart/f{i}")).collect();
    let entries: Vec<(&str, tar::EntryType, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), tar::EntryType::Regular, part.as_slice()))
        .collect();
    let bytes = raw_archive(&entries);
    let err = helm_engine::archive::read_archive_from("x.tgz", bytes.as_slice()).unwrap_err();
    assert!(err.to_string().contains("more than 104857600"), "{err}");
}

/// A fixture chart under `tests/fixtures/charts/`.
fn fixture_chart(name: &str) -> std::path::PathBuf {
    crate::support::fixture(&format!("charts/{name}"))
}

/// `chartgen validate -f FILE CHART` on the fixture charts: Helm's verdict
/// (held against `helm install` itself when the oracle is there), every
/// violation located, block and flow style, in the chart or its subchart.
#[test]
fn validate_gives_helms_verdict_on_any_chart() {
    // (chart, values file, accepted, what is printed)
    let cases: &[(&str, &str, bool, &str)] = &[
        // The schema requires keys the defaults give: Helm validates the
        // file merged over them.
        ("required-defaults", "partial.yaml", true, "1 values file matches"),
        (
            "required-defaults",
            "feature-on.yaml",
            false,
            "feature-on.yaml:2:3: featureFlags.FEATURE_X: expected a string, got a boolean (true)\n  help: `on` is no string in YAML 1.1",
        ),
        (
            "required-defaults",
            "flow.yaml",
            false,
            "flow.yaml:1:11: service.port: expected an integer, got a string (\"80\")\n",
        ),
        (
            "required-defaults",
            "flow.yaml",
            false,
            "flow.yaml:2:24: hosts.1: expected a string, got a number (42)",
        ),
        // A wrong type under a subchart's key, checked by the subchart's
        // own (draft-04) schema, under its alias.
        (
            "umbrella",
            "wrong-subchart.yaml",
            false,
            "wrong-subchart.yaml:3:5: database.persistence.enabled: expected a boolean, got a string (\"true\")",
        ),
        ("umbrella", "disabled.yaml", true, "1 values file matches"),
        // 2020-12's prefixItems and draft-04's boolean exclusiveMaximum.
        ("umbrella", "prefix-items.yaml", false, "prefix-items.yaml:1:9: ports.0:"),
        (
            "umbrella",
            "draft4-exclusive.yaml",
            false,
            "draft4-exclusive.yaml:3:5: database.persistence.replicas:",
        ),
    ];
    let mut helm = crate::oracle::oracle();
    for (chart, file, accepted, printed) in cases {
        let dir = fixture_chart(chart);
        let values = dir.join(file);
        let out = chartgen(
            &dir,
            &[
                "validate",
                "-f",
                values.to_str().unwrap(),
                dir.to_str().unwrap(),
            ],
        );
        let text = transcript(&out);
        assert_eq!(
            out.status.code(),
            Some(if *accepted { 0 } else { 1 }),
            "{chart} {file}: {text}"
        );
        assert!(text.contains(printed), "{chart} {file}: {text}");
        if let Some(helm) = helm.as_mut() {
            let text = std::fs::read_to_string(&values).unwrap();
            let values = helm.values_yaml(&text, "values_file").unwrap();
            let verdict = helm.install_check(&dir, &values);
            assert_eq!(
                verdict.is_ok(),
                *accepted,
                "{chart} {file}: Helm says {verdict:?}"
            );
        }
    }
    // The chart's own values files: defaults and overlays.
    let out = chartgen(
        Path::new("."),
        &["validate", fixture_chart("umbrella").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

/// `FEATURE_X: on` for a string setting: Helm reads a boolean and refuses
/// it, and so do `validate` and `lint -f`, at the key.
#[test]
fn yaml_1_1_booleans_are_refused_where_strings_are_wanted() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    std::fs::write(
        dir.path().join("flags.yaml"),
        "config:\n  data:\n    FEATURE_X: on\n",
    )
    .unwrap();
    let out = chartgen(dir.path(), &["validate", "-f", "flags.yaml", "web-api"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with(
            "flags.yaml:3:5: config.data.FEATURE_X: expected a string, got a boolean (true)\n  help: `on` is no string"
        ),
        "{}",
        transcript(&out)
    );
    let out = chartgen(dir.path(), &["lint", "-f", "flags.yaml", "web-api"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("flags.yaml:3:5: config.data.FEATURE_X: expected a string, got a boolean"),
        "{}",
        transcript(&out)
    );
    let out = chartgen(
        &fixture_chart("required-defaults"),
        &["lint", "-f", "feature-on.yaml", "."],
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("feature-on.yaml:2:3: featureFlags.FEATURE_X"),
        "{}",
        transcript(&out)
    );
}

/// Schemas Helm cannot use (or would fetch) are an error that says so,
/// never a panic; every draft Helm knows is read with its own rules.
#[test]
fn schemas_of_any_draft_never_panic() {
    let schemas = [
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"a": {"prefixItems": [{"type": "string"}]}}}"#,
        r#"{"$schema": "http://json-schema.org/draft-04/schema#", "properties": {"a": {"type": "integer"}}}"#,
        r#"{"$schema": "http://json-schema.org/draft-06/schema#", "properties": {"a": {"const": 1}}}"#,
        r#"{"$schema": "https://json-schema.org/draft/2019-09/schema", "properties": {"a": {"dependentRequired": {}}}}"#,
        r#"{"properties": {"a": {"type": "strin"}}}"#,
        r#"{"properties": {"a": {"pattern": "(?=x)"}}}"#,
        r#"{"properties": {"a": {"$ref": "https://example.com/x.json"}}}"#,
        r#"{"$schema": "https://example.com/my-meta-schema"}"#,
        r#"{"$schema": 7}"#,
        "{not json",
        "false",
        "true",
        r##"{"$ref": "#"}"##,
        r#"{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"b": {"format": "regex"}}}"#,
        r#"{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"b": {"format": "date-time"}}}"#,
    ];
    for schema in schemas {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("Chart.yaml"),
            "apiVersion: v2\nname: c\nversion: 0.1.0\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("values.yaml"), "a: [1]\nb: \"(?=x)\"\n").unwrap();
        std::fs::write(dir.path().join("values.schema.json"), schema).unwrap();
        let out = chartgen(dir.path(), &["validate", "."]);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{schema}: {}",
            transcript(&out)
        );
        if let Some(helm) = crate::oracle::oracle().as_mut() {
            let helm = helm.install_check(dir.path(), &serde_json::json!({}));
            assert_eq!(
                code == Some(0),
                helm.is_ok(),
                "{schema}: chartgen {}, Helm {helm:?}",
                transcript(&out)
            );
        }
    }
}

/// Subcharts packaged as `.tgz` under `charts/`, and a whole umbrella
/// chart packaged, are read as Helm reads them, with the same verdict.
#[test]
fn packaged_subcharts_are_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    let umbrella = dir.path().join("umbrella");
    copy_tree(&fixture_chart("umbrella"), &umbrella);
    let out = chartgen(
        dir.path(),
        &["package", "umbrella/charts/db", "-d", "umbrella/charts"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    std::fs::remove_dir_all(umbrella.join("charts/db")).unwrap();
    assert!(umbrella.join("charts/db-0.2.0.tgz").is_file());
    let wrong = umbrella.join("wrong-subchart.yaml");
    let out = chartgen(
        dir.path(),
        &["validate", "-f", wrong.to_str().unwrap(), "umbrella"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("database.persistence.enabled: expected a boolean"),
        "{}",
        transcript(&out)
    );
    let out = chartgen(dir.path(), &["validate", "umbrella"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    // A value under the subchart's key, checked by the archive's schema, is
    // located in the file that sets it.
    std::fs::write(
        umbrella.join("size.yaml"),
        "database:\n  persistence:\n    size: 5\n",
    )
    .unwrap();
    let out = chartgen(
        dir.path(),
        &["validate", "-f", "umbrella/size.yaml", "umbrella"],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("umbrella/size.yaml:3:5: database.persistence.size"),
        "{}",
        transcript(&out)
    );
    if let Some(helm) = crate::oracle::oracle().as_mut() {
        let values = helm
            .values_yaml(&std::fs::read_to_string(&wrong).unwrap(), "values_file")
            .unwrap();
        assert!(helm.install_check(&umbrella, &values).is_err());
        assert!(helm
            .install_check(&umbrella, &serde_json::json!({}))
            .is_ok());
    }
    // The whole chart as one archive.
    let out = chartgen(dir.path(), &["package", "umbrella", "-d", "dist"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let out = chartgen(
        dir.path(),
        &[
            "validate",
            "-f",
            wrong.to_str().unwrap(),
            "dist/umbrella-0.1.0.tgz",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A chart whose archive `name.tgz` holds `files` (names below its top
/// folder) and, when given, the archive `inner` as its only subchart.
fn subchart_archive(name: &str, files: &[(&str, &[u8])], inner: Option<(&str, &[u8])>) -> Vec<u8> {
    let chart = format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n");
    let mut entries: Vec<(String, tar::EntryType, &[u8])> = vec![(
        format!("{name}/Chart.yaml"),
        tar::EntryType::Regular,
        chart.as_bytes(),
    )];
    for (file, data) in files {
        entries.push((format!("{name}/{file}"), tar::EntryType::Regular, data));
    }
    if let Some((inner_name, data)) = inner {
        entries.push((
            format!("{name}/charts/{inner_name}.tgz"),
            tar::EntryType::Regular,
            data,
        ));
    }
    let borrowed: Vec<(&str, tar::EntryType, &[u8])> = entries
        .iter()
        .map(|(n, k, d)| (n.as_str(), *k, *d))
        .collect();
    raw_archive(&borrowed)
}

/// Archives nested in a chart share one decompression bound (each had a
/// fresh 100 MiB), and subcharts nest at most 16 deep.
#[test]
fn nested_archives_share_one_bound_and_nest_a_bounded_depth() {
    let dir = tempfile::tempdir().unwrap();
    let top = |inner: &[u8], name: &str| {
        let chart = dir.path().join("top");
        let _ = std::fs::remove_dir_all(&chart);
        std::fs::create_dir_all(chart.join("charts")).unwrap();
        std::fs::write(
            chart.join("Chart.yaml"),
            "apiVersion: v2\nname: top\nversion: 0.1.0\n",
        )
        .unwrap();
        std::fs::write(chart.join(format!("charts/{name}.tgz")), inner).unwrap();
        chartgen(dir.path(), &["validate", "top"])
    };
    // 95 MiB of the chart's own files, and an archive of 10 MiB more.
    let big = vec![0u8; helm_engine::archive::MAX_FILE_BYTES as usize];
    let names: Vec<String> = (0..2).map(|i| format!("f{i}")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), big.as_slice())).collect();
    let inner = subchart_archive("b", &files, None);
    let outer = subchart_archive("a", &[], Some(("b", &inner)));
    let out = top(&outer, "a");
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    for i in 0..19 {
        std::fs::write(dir.path().join(format!("top/big{i}")), &big).unwrap();
    }
    let out = chartgen(dir.path(), &["validate", "top"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("add up to more than 104857600 bytes"),
        "{}",
        transcript(&out)
    );
    let mut archive = subchart_archive("c0", &[], None);
    for level in 1..=17 {
        archive = subchart_archive(
            &format!("c{level}"),
            &[],
            Some((&format!("c{}", level - 1), &archive)),
        );
    }
    let out = top(&archive, "c17");
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nested deeper than 16 levels"),
        "{}",
        transcript(&out)
    );
}

/// Chart.yaml's problems are located at the field, with the key path and
/// a hint; a syntax error says where the open list starts.
#[test]
fn chart_yaml_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let check = |chart_yaml: &str| {
        let chart = dir.path().join("cm");
        let _ = std::fs::remove_dir_all(&chart);
        std::fs::create_dir_all(&chart).unwrap();
        std::fs::write(chart.join("Chart.yaml"), chart_yaml).unwrap();
        let out = chartgen(dir.path(), &["validate", "cm"]);
        assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let stderr = check("apiVersion: v2\nname: cm\nversion: 1.x\n");
    assert!(
        stderr.starts_with(
            "error: cm/Chart.yaml:3:1: version: chart.metadata.version \"1.x\" is invalid\n  help: a SemVer 2 version"
        ),
        "{stderr}"
    );
    let stderr = check(
        "apiVersion: v2\nname: cm\nversion: 0.1.0\ndependencies:\n  - name: x\n    version: {a: 1}\n",
    );
    assert!(
        stderr.starts_with("error: cm/Chart.yaml:6:5: dependencies.0.version: must be a string"),
        "{stderr}"
    );
    let stderr = check("apiVersion: v2\nname: cm\nversion: 0.1.0\nkeywords: [a, b\n");
    assert!(
        stderr.contains("did not find expected ',' or ']' in the list (`[`) opened at 4:11"),
        "{stderr}"
    );
}
