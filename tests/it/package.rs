//! Deterministic archives.

use std::io::Read;

use crate::support::{fixture, generate};

fn entries(bytes: &[u8]) -> Vec<(String, u32, u64, u64, u64, tar::EntryType)> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    archive
        .entries()
        .unwrap()
        .map(|e| {
            let mut e = e.unwrap();
            let h = e.header().clone();
            let mut sink = Vec::new();
            e.read_to_end(&mut sink).unwrap();
            (
                e.path().unwrap().to_string_lossy().into_owned(),
                h.mode().unwrap(),
                h.uid().unwrap(),
                h.gid().unwrap(),
                h.mtime().unwrap(),
                h.entry_type(),
            )
        })
        .collect()
}

#[test]
fn archives_are_byte_identical_sorted_and_normalised() {
    let chart = generate(&fixture("specs/web-full.yaml")).unwrap();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let dir_a = chart.write(a.path(), false).unwrap();
    // A second copy written later: other mtimes and inode order, same bytes out.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let dir_b = chart.write(b.path(), false).unwrap();
    let first = chartgen::package(&dir_a, &a.path().join("dist")).unwrap();
    let second = chartgen::package(&dir_b, &b.path().join("dist")).unwrap();
    assert_eq!(first.file_name().unwrap(), "billing-1.4.0.tgz");
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap());
    assert_eq!(&bytes[4..8], &[0, 0, 0, 0], "gzip header carries no time");

    let listed = entries(&bytes);
    let names: Vec<&str> = listed.iter().map(|e| e.0.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(
        names.iter().all(|n| n.starts_with("billing/")),
        "one top folder"
    );
    assert!(
        !names.contains(&"billing/chartgen.yaml"),
        ".helmignore is honoured"
    );
    assert!(names.contains(&"billing/values.schema.json"));
    for (name, mode, uid, gid, mtime, kind) in &listed {
        assert_eq!(
            (*mode, *uid, *gid, *mtime),
            (0o644, 0, 0, chartgen_mtime()),
            "{name}"
        );
        assert_eq!(*kind, tar::EntryType::Regular, "{name}");
    }
}

/// `render --package` archives the chart from memory: the same bytes as
/// packaging the folder written to disk.
#[test]
fn in_memory_archive_equals_the_packaged_folder() {
    for spec in ["specs/web-full.yaml", "specs/web-minimal.yaml"] {
        let chart = generate(&fixture(spec)).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let dir = chart.write(tmp.path(), false).unwrap();
        let from_disk =
            std::fs::read(chartgen::package(&dir, &tmp.path().join("dist")).unwrap()).unwrap();
        assert_eq!(chart.archive(), from_disk, "{spec}");
    }
}

fn chartgen_mtime() -> u64 {
    946_684_800
}

#[cfg(unix)]
#[test]
fn symlinks_are_refused() {
    let chart = generate(&fixture("specs/web-minimal.yaml")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = chart.write(tmp.path(), false).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("templates/leak.yaml")).unwrap();
    let err = chartgen::package(&dir, tmp.path()).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
}

/// Chart.yaml is read as Helm reads it (YAML 1.1, string fields from any
/// scalar): `helm package` names this chart `true-1.tgz`, and refuses a
/// version that is not SemVer, as `chartgen package` does.
#[test]
fn chart_yaml_is_read_as_helm_packages_it() {
    let tmp = tempfile::tempdir().unwrap();
    let chart = tmp.path().join("c");
    std::fs::create_dir(&chart).unwrap();
    let package = |chart_yaml: &str| {
        std::fs::write(chart.join("Chart.yaml"), chart_yaml).unwrap();
        chartgen::package(&chart, &tmp.path().join("dist"))
    };
    let archive = package("apiVersion: v2\nname: yes\nversion: 1.0\n").unwrap();
    assert_eq!(archive.file_name().unwrap(), "true-1.tgz");

    let err = package("apiVersion: v2\nname: c\nversion: 1.x\n").unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string().ends_with(
            "c/Chart.yaml:3:1: version: chart.metadata.version \"1.x\" is invalid\n  \
             help: a SemVer 2 version, e.g. `version: 0.1.0`"
        ),
        "{err}"
    );
}
