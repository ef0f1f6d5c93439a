//! Whole renders on Go's builtins, Helm's bound functions and a `set`
//! standing in for sprig's; each expectation is what the Helm v4.2.3 SDK
//! rendered for the same chart.

use std::sync::Arc;

use gotemplate::{builtins, Call, FuncTable, Result as TResult, Value};
use serde_json::{json, Value as Json};

use super::{render, Target};
use crate::loader::load_files;
use crate::render::capabilities::Capabilities;
use crate::render::funcs;
use crate::render::objects::Release;
use crate::Rendered;

/// sprig's `set`: changes the map in place and returns it.
fn set(c: &mut Call<'_>) -> TResult<Value> {
    c.arity(3)?;
    let Value::Map(m) = c.arg(0) else {
        return Err(c.fail("set: not a map"));
    };
    m.insert(c.str(1)?, c.arg(2).clone());
    Ok(Value::Map(m.clone()))
}

fn table() -> Arc<FuncTable> {
    let mut t = FuncTable::new();
    builtins::register(&mut t);
    t.register("set", set);
    funcs::register(&mut t);
    Arc::new(t)
}

const CHART: &str = "apiVersion: v2\nname: ms\nversion: 0.1.0\n";

fn run_with(files: &[(&str, &str)], values: Json, lint: bool) -> crate::Result<Rendered> {
    let mut all = vec![("Chart.yaml".to_owned(), CHART.as_bytes().to_vec())];
    all.extend(
        files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec())),
    );
    let chart = load_files(all, "ms").unwrap();
    let Json::Object(values) = values else {
        unreachable!()
    };
    let target = Target {
        release: Release::template("release-name", "default", false),
        capabilities: Capabilities::new(None, &[]),
        lint,
        set: serde_json::Map::new(),
    };
    render(&chart, table(), &values, &target)
}

fn run(files: &[(&str, &str)], values: Json) -> crate::Result<Rendered> {
    run_with(files, values, false)
}

/// `templates/c.yaml` alone, rendered.
fn one(template: &str, values: Json) -> String {
    match run(&[("templates/c.yaml", template)], values) {
        Ok(mut out) => out.remove("ms/templates/c.yaml").unwrap(),
        Err(crate::Error::Template { message, .. }) => message,
        Err(e) => e.to_string(),
    }
}

#[test]
fn vaults_set_on_dot_is_seen_after_the_include() {
    assert_eq!(
        one(
            r#"{{ define "mode" }}{{ $_ := set . "mode" "standalone" }}{{ end }}{{ include "mode" . }}{{ .mode }}"#,
            json!({})
        ),
        "standalone"
    );
}

#[test]
fn promtails_empty_tpl_inside_tpl_gives_nothing() {
    assert_eq!(
        one(
            "{{ tpl .Values.outer . }}",
            json!({"e": "", "outer": "a{{ tpl .Values.e . }}b"})
        ),
        "ab"
    );
}

#[test]
fn tpl_runs_as_the_calling_file_and_keeps_its_defines() {
    assert_eq!(
        one(r#"{{ tpl "{{ .Template.Name }}" . }}"#, json!({})),
        "ms/templates/c.yaml"
    );
    assert_eq!(
        one(
            r#"{{ tpl "{{ define \"in\" }}I{{ end }}{{ include \"in\" . }}" . }}|{{ include "in" . }}"#,
            json!({})
        ),
        "ms/templates/c.yaml:1:69\n  executing \"ms/templates/c.yaml\" at <include \"in\" .>:\n    \
         error calling include:\ntemplate: no template \"in\" associated with template \"gotpl\""
    );
}

#[test]
fn no_value_leaves_files_and_tpl_but_not_include() {
    assert_eq!(
        one(
            r#"{{ define "nv" }}{{ .Values.nope }}{{ end }}{{ include "nv" . | len }}|{{ tpl "{{ .Values.nope }}" . | len }}|{{ include "nv" . }}|"#,
            json!({})
        ),
        "10|0||"
    );
}

#[test]
fn lookup_finds_nothing() {
    assert_eq!(
        one(
            r#"{{ lookup "v1" "Secret" "ns" "n" }}|{{ printf "%T" (lookup "v1" "Secret" "ns" "n") }}"#,
            json!({})
        ),
        "map[]|map[string]interface {}"
    );
}

#[test]
fn runaway_includes_stop_where_helm_stops_them() {
    let error = one(
        r#"{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}"#,
        json!({}),
    );
    assert!(
        error.starts_with(
            "template: ms/templates/c.yaml:1:53: executing \"ms/templates/c.yaml\" at \
             <include \"loop\" .>: error calling include: template: ms/templates/c.yaml:1:22: \
             executing \"loop\" at <include \"loop\" .>: error calling include: "
        ),
        "{}",
        &error[..300.min(error.len())]
    );
    assert!(
        error.ends_with(
            "error calling include: rendering template has a nested reference name: loop: \
             unable to execute template"
        ),
        "{}",
        &error[error.len().saturating_sub(300)..]
    );
    // Helm's message holds 1,001 levels of `include`.
    assert_eq!(error.matches("executing \"loop\"").count(), 1001);
}

/// Files render deepest first, then in reverse order, and see what earlier
/// ones `set`: `b.yaml` and `z.yaml` render before `a.yaml`, `NOTES.txt`
/// after it, the subchart before them all.
#[test]
fn shared_maps_show_the_render_order() {
    let out = run(
        &[
            (
                "charts/child/Chart.yaml",
                "apiVersion: v2\nname: child\nversion: 0.1.0\n",
            ),
            ("charts/child/values.yaml", "cv: 1\n"),
            (
                "charts/child/templates/a.yaml",
                "child-a {{ .Template.Name }} {{ .Template.BasePath }} {{ .Chart.IsRoot }} \
                 {{ .Values.fromParent }} {{ .Values.cv }} {{ printf \"%T\" .Values }} {{ .Chart.Name }}",
            ),
            (
                "charts/child/templates/_h.tpl",
                r#"{{ define "child.h" }}H:{{ .Chart.Name }}{{ end }}"#,
            ),
            ("charts/child/templates/NOTES.txt", "child notes {{ .Values.cv }}"),
            (
                "charts/lib/Chart.yaml",
                "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            ),
            (
                "charts/lib/templates/_l.tpl",
                r#"{{ define "lib.l" }}L{{ end }}"#,
            ),
            ("charts/lib/templates/x.yaml", "libx"),
            (
                "templates/a.yaml",
                r#"{{ $_ := set .Values.child "fromParent" "P" }}{{ $_ := set .Values "fromA" 1 }}a {{ include "child.h" .Subcharts.child }} {{ include "lib.l" . }} {{ .Subcharts.child.Template.Name }} {{ printf "%T" .Subcharts.child }}"#,
            ),
            ("templates/b.yaml", "b {{ .Values.fromA }}|{{ .Values.child.fromParent }}"),
            ("templates/z.yaml", "z {{ .Values.fromA }}|{{ .Values.child.fromParent }}"),
            ("templates/sub/c.yaml", "sub/c {{ .Values.fromA }}"),
            ("templates/NOTES.txt", "notes {{ .Values.fromA }}"),
        ],
        json!({"child": {"cv": 1}}),
    )
    .unwrap();
    let want = [
        ("ms/charts/child/templates/NOTES.txt", "child notes 1"),
        (
            "ms/charts/child/templates/a.yaml",
            "child-a ms/charts/child/templates/a.yaml ms/charts/child/templates false  1 \
             common.Values child",
        ),
        ("ms/templates/NOTES.txt", "notes 1"),
        (
            "ms/templates/a.yaml",
            "a H:child L ms/charts/child/templates/NOTES.txt map[string]interface {}",
        ),
        ("ms/templates/b.yaml", "b |"),
        ("ms/templates/sub/c.yaml", "sub/c "),
        ("ms/templates/z.yaml", "z |"),
    ];
    // Go gives one map two types: a subchart's `.Values` is
    // `common.Values` to the subchart and `map[string]interface {}` to its
    // parent, its top map the other way round. This engine's maps carry
    // one type, so the two names are compared as one here.
    let same = |v: &str| {
        v.replace("common.Values", "{map}")
            .replace("map[string]interface {}", "{map}")
    };
    let got: Vec<(&str, String)> = out.iter().map(|(k, v)| (k.as_str(), same(v))).collect();
    let want: Vec<(&str, String)> = want.iter().map(|(k, v)| (*k, same(v))).collect();
    assert_eq!(got, want);
}

#[test]
fn lint_mode_lets_required_and_fail_pass() {
    let files = [(
        "templates/c.yaml",
        r#"[{{ required "need x" .Values.x }}{{ fail "no" }}]"#,
    )];
    let out = run_with(&files, json!({}), true).unwrap();
    assert_eq!(out["ms/templates/c.yaml"], "[]");
    let Err(crate::Error::Template { message, .. }) = run_with(&files, json!({}), false) else {
        panic!("required passed outside lint mode");
    };
    assert_eq!(
        message,
        "execution error at (ms/templates/c.yaml:1:4): need x"
    );
}

#[test]
fn a_renderer_renders_only_the_chart_it_parsed() {
    let load = |name: &str| {
        let chart_yaml = format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n");
        let files = vec![
            ("Chart.yaml".to_owned(), chart_yaml.into_bytes()),
            ("templates/c.yaml".to_owned(), b"c".to_vec()),
        ];
        load_files(files, name).unwrap()
    };
    let renderer = super::Renderer::new(&load("ms"), table()).unwrap();
    let target = Target {
        release: Release::template("release-name", "default", false),
        capabilities: Capabilities::new(None, &[]),
        lint: false,
        set: serde_json::Map::new(),
    };
    let values = serde_json::Map::new();
    let error = renderer
        .render(&load("other"), &values, &target)
        .unwrap_err()
        .to_string();
    assert!(error.contains("has no chart `ms`"), "{error}");
    assert_eq!(
        renderer.render(&load("ms"), &values, &target).unwrap()["ms/templates/c.yaml"],
        "c"
    );
}

/// Go values that are structs print and encode as Go prints and encodes
/// them, and a subchart's `.Values` is a `common.Values` while the same map
/// seen from its parent is a `map[string]interface {}` (the Helm v4.2.3
/// SDK's output for this chart, line by line).
#[test]
fn structs_and_subchart_values_keep_their_go_types() {
    let template = [
        r#"a: {{ toJson .Capabilities.KubeVersion }}"#,
        r#"b: {{ toJson .Capabilities.HelmVersion }}"#,
        r#"c: {{ typeOf .Subcharts.sub.Values }} {{ typeOf .Values.sub }} {{ typeOf .Values.AsMap }} {{ typeOf (.Values.Table "sub") }}"#,
        r#"g: {{ toYaml .Capabilities.KubeVersion | nindent 2 }}"#,
        r#"j: {{ toJson .Capabilities | trunc 80 }}"#,
        r#"o: {{ printf "%+v" .Capabilities.KubeVersion }}"#,
        r#"r: {{ printf "%#v" .Capabilities.KubeVersion }}"#,
        r#"s: {{ printf "%#v" .Capabilities.HelmVersion }}"#,
        r#"w: {{ printf "%#v" .Capabilities.APIVersions | trunc 40 }}"#,
        r#"x: {{ printf "%+v" .Capabilities | trunc 90 }}"#,
        r#"p: {{ toToml (dict "k" .Capabilities.KubeVersion) | quote }}"#,
        r#"n: {{ toJson .Chart.Annotations }} {{ toYaml .Chart.Annotations }} {{ typeOf .Chart.Annotations }} {{ .Chart.Annotations }} {{ toJson .Chart.Keywords }}"#,
    ]
    .join("\n");
    let files = vec![
        ("Chart.yaml".to_owned(), CHART.as_bytes().to_vec()),
        ("templates/t.yaml".to_owned(), template.into_bytes()),
        (
            "charts/sub/Chart.yaml".to_owned(),
            b"apiVersion: v2\nname: sub\nversion: 0.1.0\n".to_vec(),
        ),
        (
            "charts/sub/templates/s.yaml".to_owned(),
            b"s: {{ typeOf .Values }}".to_vec(),
        ),
    ];
    let chart = load_files(files, "ms").unwrap();
    let Json::Object(values) = json!({"sub": {"a": 1}}) else {
        unreachable!()
    };
    let target = Target {
        release: Release::template("release-name", "default", false),
        capabilities: Capabilities::new(None, &[]),
        lint: false,
        set: serde_json::Map::new(),
    };
    let out = render(&chart, funcs::table(), &values, &target).unwrap();
    assert_eq!(out["ms/charts/sub/templates/s.yaml"], "s: common.Values");
    let expected = [
        r#"a: {"Version":"v1.36.0","Major":"1","Minor":"36"}"#,
        r#"b: {"version":"v4.2","go_version":"go1.26.6","kube_client_version":"v1.36"}"#,
        "c: common.Values map[string]interface {} map[string]interface {} common.Values",
        "g: \n  Major: \"1\"\n  Minor: \"36\"\n  Version: v1.36.0",
        r#"j: {"KubeVersion":{"Version":"v1.36.0","Major":"1","Minor":"36"},"APIVersions":["v1"#,
        "o: {Version:v1.36.0 normalizedVersion:v1.36.0 Major:1 Minor:36}",
        r#"r: common.KubeVersion{Version:"v1.36.0", normalizedVersion:"v1.36.0", Major:"1", Minor:"36"}"#,
        r#"s: version.BuildInfo{Version:"v4.2", GitCommit:"", GitTreeState:"", GoVersion:"go1.26.6", KubeClientVersion:"v1.36"}"#,
        r#"w: common.VersionSet{"v1", "admissionregist"#,
        "x: &{KubeVersion:{Version:v1.36.0 normalizedVersion:v1.36.0 Major:1 Minor:36} APIVersions:[v1",
        r#"p: "[k]\n  Version = \"v1.36.0\"\n  Major = \"1\"\n  Minor = \"36\"\n""#,
        "n: null null map[string]string map[] []",
    ]
    .join("\n");
    assert_eq!(out["ms/templates/t.yaml"], expected);
}
