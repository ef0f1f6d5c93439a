//! Any text as a chart's template, rendered by the Helm engine with every
//! function Helm has (sprig's, `include`, `tpl`, `toYaml`, …) over values
//! that hold the shapes charts use: rendering must never panic, and each
//! of Helm's bounds (include depth, output, loops) must end the run with
//! an error rather than exhaust the machine.
#![no_main]

use helm_engine::loader::load_files;
use helm_engine::render::capabilities::Capabilities;
use helm_engine::render::funcs;
use helm_engine::render::objects::Release;
use helm_engine::render::set::{render, Target};
use libfuzzer_sys::fuzz_target;

const CHART: &str = "apiVersion: v2\nname: c\nversion: 0.1.0\n";
const HELPERS: &str = "{{ define \"h\" }}{{ . | toYaml }}{{ end }}\
{{ define \"again\" }}{{ include \"again\" . }}{{ end }}";

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let files = vec![
        ("Chart.yaml".to_owned(), CHART.as_bytes().to_vec()),
        ("templates/t.yaml".to_owned(), text.as_bytes().to_vec()),
        ("templates/_h.tpl".to_owned(), HELPERS.as_bytes().to_vec()),
        ("files/a.txt".to_owned(), b"a: 1\nb: two\n".to_vec()),
    ];
    let Ok(chart) = load_files(files, "c") else { return };
    let serde_json::Value::Object(values) = serde_json::json!({
        "a": {"b": 1.5, "list": [1, "x", null], "m": {"k": "v"}},
        "big": 1e6,
        "s": "text",
        "n": null,
        "tpl": "{{ .Values.s }}",
    }) else {
        return;
    };
    let target = Target {
        release: Release::template("release-name", "default", false),
        capabilities: Capabilities::new(None, &[]),
        lint: text.len() % 2 == 0,
        set: serde_json::Map::new(),
    };
    let _ = render(&chart, funcs::table(), &values, &target);
});
