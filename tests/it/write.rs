//! Writing charts: all or nothing.

use std::collections::BTreeMap;

use chartgen::Chart;

use crate::support::files_under;

/// A chart whose second file cannot be written: `a` is a file, so `a/b`
/// cannot be created under it.
fn failing_chart() -> Chart {
    let files = BTreeMap::from([
        ("a".to_owned(), "x".to_owned()),
        ("a/b".to_owned(), "y".to_owned()),
    ]);
    Chart {
        name: "broken".into(),
        version: "0.1.0".into(),
        files,
    }
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    assert!(failing_chart().write(dir.path(), false).is_err());
    assert_eq!(
        files_under(dir.path()),
        Vec::<String>::new(),
        "no half chart, no staging folder"
    );
}

#[test]
fn a_failed_forced_write_keeps_the_old_chart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("broken")).unwrap();
    std::fs::write(dir.path().join("broken/Chart.yaml"), "old").unwrap();
    assert!(failing_chart().write(dir.path(), true).is_err());
    assert_eq!(files_under(dir.path()), ["broken/Chart.yaml"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken/Chart.yaml")).unwrap(),
        "old"
    );
}

#[test]
fn a_forced_write_replaces_the_whole_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ok/templates")).unwrap();
    std::fs::write(dir.path().join("ok/templates/stale.yaml"), "old").unwrap();
    let chart = Chart {
        name: "ok".into(),
        version: "0.1.0".into(),
        files: BTreeMap::from([("Chart.yaml".to_owned(), "new".to_owned())]),
    };
    assert!(matches!(
        chart.write(dir.path(), false),
        Err(chartgen::Error::TargetExists(_))
    ));
    chart.write(dir.path(), true).unwrap();
    assert_eq!(files_under(dir.path()), ["ok/Chart.yaml"]);
}
