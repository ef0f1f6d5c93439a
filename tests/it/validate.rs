//! `chartgen validate` and reading chart archives safely.

use std::io::Write;

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
        "4 values files match the schema\n"
    );
}

#[test]
fn every_violation_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    new_chart(dir.path());
    std::fs::write(
        dir.path().join("my-values.yaml"),
        "replicaCunt: 2\nimage:\n  tga: \"1\"\n  tag: latest\nreplicaCount: \"two\"\nconfig:\n  data:\n    N: 5\n",
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
        let err = chartgen::read_archive_from("x.tgz", bytes.as_slice()).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{what}");
        assert!(err.to_string().contains(expected), "{what}: {err}");
    }
    let fine = raw_archive(&[
        ("chart/", Directory, b""),
        ("chart/Chart.yaml", Regular, ok),
    ]);
    let archive = chartgen::read_archive_from("x.tgz", fine.as_slice()).unwrap();
    assert_eq!((archive.top.as_str(), archive.files.len()), ("chart", 1));
}

#[test]
fn oversized_archives_are_refused_before_they_are_read() {
    let big = vec![0u8; chartgen::MAX_FILE_BYTES as usize + 1];
    let bytes = raw_archive(&[("chart/big.yaml", tar::EntryType::Regular, &big)]);
    let err = chartgen::read_archive_from("x.tgz", bytes.as_slice()).unwrap_err();
    assert!(err.to_string().contains("at most 5242880"), "{err}");

    let part = vec![0u8; chartgen::MAX_FILE_BYTES as usize];
    let names: Vec<String> = (0..21).map(|i| format!("chart/f{i}")).collect();
    let entries: Vec<(&str, tar::EntryType, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), tar::EntryType::Regular, part.as_slice()))
        .collect();
    let bytes = raw_archive(&entries);
    let err = chartgen::read_archive_from("x.tgz", bytes.as_slice()).unwrap_err();
    assert!(err.to_string().contains("more than 104857600"), "{err}");
}
