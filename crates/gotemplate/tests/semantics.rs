//! The engine's behaviour where Helm charts depend on Go's semantics
//! (design §5): maps shared by reference, `include`/`tpl` re-entry, Go's
//! printing and located errors, methods before keys, and the bounds.

use std::rc::Rc;
use std::sync::Arc;

use gotemplate::{
    builtins, Call, Error, FuncTable, Map, MapKind, MissingKey, Object, Result, TemplateSet, Value,
};

fn set(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let m = c.arg(0).as_map().ok_or_else(|| c.fail("set needs a map"))?;
    m.insert(c.str(1)?, c.arg(2).clone());
    Ok(c.arg(0).clone())
}

fn unset(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let m = c
        .arg(0)
        .as_map()
        .ok_or_else(|| c.fail("unset needs a map"))?;
    m.remove(c.str(1)?);
    Ok(c.arg(0).clone())
}

fn dict(c: &mut Call<'_>) -> Result<Value> {
    let m = Map::default();
    for pair in c.args.chunks(2) {
        let k = pair[0].as_str().unwrap_or_default();
        m.insert(k, pair.get(1).cloned().unwrap_or_default());
    }
    Ok(Value::Map(m))
}

fn deep_copy(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    c.arg(0).deep_copy(100).map_err(|e| c.fail(e.to_string()))
}

fn include(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let name = c.str(0)?.to_string();
    let dot = c.arg(1).clone();
    Ok(Value::string(c.host.execute_template(&name, dot)?))
}

fn tpl(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let text = c.str(0)?.to_string();
    let dot = c.arg(1).clone();
    Ok(Value::string(c.host.execute_text("gotpl", &text, dot)?))
}

fn fail(c: &mut Call<'_>) -> Result<Value> {
    Err(c.fail(c.str(0)?.to_string()))
}

fn type_of(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::string(c.arg(0).type_name()))
}

fn funcs() -> Arc<FuncTable> {
    let mut t = builtins::table();
    t.register("set", set);
    t.register("unset", unset);
    t.register("dict", dict);
    t.register("deepCopy", deep_copy);
    t.register("include", include);
    t.register("tpl", tpl);
    t.register("fail", fail);
    t.register("typeOf", type_of);
    Arc::new(t)
}

fn values() -> Map {
    let a = Map::default();
    a.insert("b", Value::Float(1.0));
    let v = Map::new(MapKind::Values);
    v.insert("a", Value::Map(a));
    v.insert("big", Value::Float(1_000_000.0));
    v.insert("q", Value::Nil);
    v
}

fn top() -> Value {
    let top = Map::default();
    top.insert("Values", Value::Map(values()));
    Value::Map(top)
}

fn render_with(set: &mut TemplateSet, text: &str, dot: Value) -> Result<String> {
    set.parse("t", text)?;
    set.execute("t", dot)
}

fn render(text: &str) -> Result<String> {
    let mut set = TemplateSet::new(funcs());
    set.options.missing_key = MissingKey::Zero;
    render_with(&mut set, text, top())
}

#[test]
fn set_on_dot_in_an_include_is_seen_by_the_caller() {
    // vault-helm's pattern.
    let mut set = TemplateSet::new(funcs());
    set.parse(
        "h",
        r#"{{ define "mode" }}{{ $_ := set . "mode" "standalone" }}{{ end }}"#,
    )
    .unwrap();
    let out = render_with(&mut set, r#"{{ include "mode" . }}{{ .mode }}"#, top()).unwrap();
    assert_eq!(out, "standalone");
}

#[test]
fn a_second_variable_holds_the_same_map() {
    let out =
        render(r#"{{ $m := .Values.a }}{{ $n := $m }}{{ $_ := set $n "c" 2 }}{{ .Values.a }}"#);
    assert_eq!(out.unwrap(), "map[b:1 c:2]");
    let out = render(r#"{{ $m := .Values.a }}{{ $_ := unset .Values.a "b" }}{{ $m }}"#);
    assert_eq!(out.unwrap(), "map[]");
}

#[test]
fn nested_set_through_fields_changes_the_shared_map() {
    // opentelemetry-collector's pattern.
    let out = render(
        r#"{{ $c := dict "s" (dict "p" (dict "m" (dict))) }}{{ $_ := set $c.s.p.m "r" "x" }}{{ $c.s.p.m.r }}"#,
    );
    assert_eq!(out.unwrap(), "x");
}

#[test]
fn deep_copy_is_independent() {
    let out =
        render(r#"{{ $d := deepCopy .Values.a }}{{ $_ := set $d "z" 1 }}{{ .Values.a }}|{{ $d }}"#);
    assert_eq!(out.unwrap(), "map[b:1]|map[b:1 z:1]");
}

#[test]
fn range_over_a_map_sees_it_as_it_was_when_the_loop_began() {
    let out = render(
        r#"{{ $_ := set .Values.a "c" 2 }}{{ range $k, $v := .Values.a }}{{ $_ := set $.Values.a "q" 1 }}{{ $_ := unset $.Values.a "c" }}k={{ $k }} v={{ $v }} {{ end }}{{ range $k, $v := .Values.a }}k={{ $k }} v={{ $v }} {{ end }}"#,
    );
    assert_eq!(out.unwrap(), "k=b v=1 k=c v=2 k=b v=1 k=q v=1 ");
}

#[test]
fn floats_print_as_go_prints_them() {
    assert_eq!(render("{{ .Values.big }}").unwrap(), "1e+06");
    assert_eq!(
        render("{{ 1000000.0 }} {{ 1e21 }} {{ 0.00001 }} {{ 123456789.0 }} {{ 3.0 }}").unwrap(),
        "1e+06 1e+21 1e-05 1.23456789e+08 3"
    );
}

#[test]
fn a_field_of_a_missing_value_fails_as_go_does() {
    let err = render("{{ .Values.nope.deeper }}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:10: executing \"t\" at <.Values.nope.deeper>: nil pointer evaluating interface {}.deeper"
    );
    let err = render("x\n  {{ .Values.q.r }}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:2:12: executing \"t\" at <.Values.q.r>: nil pointer evaluating interface {}.r"
    );
    // Go's default missingkey gives no value instead.
    let mut set = TemplateSet::new(funcs());
    assert_eq!(
        render_with(&mut set, "{{ .Values.nope.deeper }}", top()).unwrap(),
        "<no value>"
    );
}

#[test]
fn a_field_of_a_nil_list_element_fails_as_go_does() {
    let v = values();
    v.insert("list", Value::list(vec![Value::Nil]));
    v.insert("m", Value::Map(Map::default()));
    let top = Map::default();
    top.insert("Values", Value::Map(v));
    let mut set = TemplateSet::new(funcs());
    // In Go, a range element is held in an interface: a field of a nil one
    // is a nil pointer, while the element itself prints as no value.
    let err = render_with(
        &mut set,
        "{{ range .Values.list }}{{ .name }}{{ end }}",
        Value::Map(top.clone()),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("at <.name>: nil pointer evaluating interface {}.name"),
        "{err}"
    );
    let err = render_with(
        &mut set,
        "{{ range $k, $v := .Values.list }}{{ $v.name }}{{ end }}",
        Value::Map(top.clone()),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("at <$v.name>: nil pointer evaluating interface {}.name"),
        "{err}"
    );
    let out = render_with(
        &mut set,
        "{{ range .Values.list }}{{ . }}|{{ print . }}{{ end }}",
        Value::Map(top.clone()),
    )
    .unwrap();
    assert_eq!(out, "<no value>|<nil>");
    // A template called from there starts afresh, as Go's does.
    set.parse("h", r#"{{ define "f" }}{{ .x }}{{ end }}"#)
        .unwrap();
    let out = render_with(
        &mut set,
        r#"{{ range .Values.list }}{{ template "f" . }}{{ end }}"#,
        Value::Map(top),
    )
    .unwrap();
    assert_eq!(out, "<no value>");
}

#[test]
fn missing_key_error_names_the_key() {
    let mut set = TemplateSet::new(funcs());
    set.options.missing_key = MissingKey::Error;
    let err = render_with(&mut set, "{{ .Values.nope }}", top()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("map has no entry for key \"nope\""),
        "{err}"
    );
}

#[test]
fn function_errors_are_located_as_go_locates_them() {
    let err = render(r#"{{ eq 1 "a" }}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:3: executing \"t\" at <eq 1 \"a\">: error calling eq: incompatible types for comparison: int and string"
    );
    let err = render(r#"{{ index .Values.a "b" "c" }}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:3: executing \"t\" at <index .Values.a \"b\" \"c\">: error calling index: can't index item of type float64"
    );
}

#[test]
fn a_wrong_argument_count_is_reported_at_the_function_name() {
    let err = render("{{ ne 1 }}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:3: executing \"t\" at <ne>: wrong number of args for ne: want 2 got 1"
    );
    let err = render("{{ and }}").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("at <and>: wrong number of args for and: want at least 1 got 0"),
        "{err}"
    );
}

#[test]
fn parse_errors_read_as_go_s() {
    let mut set = TemplateSet::new(funcs());
    let err = set.parse("c.yaml", "{{ nosuchfn }}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: c.yaml:1: function \"nosuchfn\" not defined"
    );
    let err = set.parse("c.yaml", "a\n{{ $x }}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: c.yaml:2: undefined variable \"$x\""
    );
}

#[test]
fn tpl_of_an_empty_text_is_empty_and_never_runs_the_caller_again() {
    // promtail's runaway: tpl "" inside tpl.
    let v = values();
    v.insert("e", Value::string(""));
    v.insert("outer", Value::string("a{{ tpl .Values.e . }}b"));
    let top = Map::default();
    top.insert("Values", Value::Map(v));
    let mut set = TemplateSet::new(funcs());
    let out = render_with(&mut set, "{{ tpl .Values.outer . }}", Value::Map(top)).unwrap();
    assert_eq!(out, "ab");
}

#[test]
fn a_define_inside_tpl_is_seen_only_within_it() {
    let mut set = TemplateSet::new(funcs());
    let out = render_with(
        &mut set,
        r#"{{ tpl "{{ define \"fromtpl\" }}in{{ end }}{{ include \"fromtpl\" . }}" . }}"#,
        top(),
    )
    .unwrap();
    assert_eq!(out, "in");
    set.set_name("gotpl");
    let err = render_with(
        &mut set,
        r#"{{ tpl "{{ define \"fromtpl\" }}in{{ end }}" . }}{{ include "fromtpl" . }}"#,
        top(),
    )
    .unwrap_err();
    assert!(
        err.to_string().ends_with(
            "error calling include: template: no template \"fromtpl\" associated with template \"gotpl\""
        ),
        "{err}"
    );
}

#[test]
fn an_empty_define_inside_tpl_does_not_hide_the_set_s() {
    let mut set = TemplateSet::new(funcs());
    set.parse("h", r#"{{ define "x" }}set{{ end }}"#).unwrap();
    let out = render_with(
        &mut set,
        r#"{{ tpl "{{ define \"x\" }} {{ end }}{{ include \"x\" . }}" . }}|{{ tpl "{{ define \"x\" }}tpl{{ end }}{{ include \"x\" . }}" . }}|{{ include "x" . }}"#,
        top(),
    )
    .unwrap();
    assert_eq!(out, "set|tpl|set");
}

#[test]
fn errors_inside_tpl_name_the_tpl_text() {
    let mut set = TemplateSet::new(funcs());
    set.options.missing_key = MissingKey::Zero;
    let err = render_with(&mut set, r#"{{ tpl "{{ .Values.q.r }}" . }}"#, top()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:3: executing \"t\" at <tpl \"{{ .Values.q.r }}\" .>: error calling tpl: template: gotpl:1:10: executing \"gotpl\" at <.Values.q.r>: nil pointer evaluating interface {}.r"
    );
    assert!(err.cause.is_some());
}

#[test]
fn a_function_error_inside_an_include_keeps_its_place() {
    let mut set = TemplateSet::new(funcs());
    set.parse("h", r#"{{ define "boom" }}{{ fail "deep" }}{{ end }}"#)
        .unwrap();
    let err = render_with(&mut set, r#"{{ include "boom" . }}"#, top()).unwrap_err();
    let cause = err.cause.as_ref().expect("the include's error");
    assert_eq!(cause.template, "h");
    assert_eq!((cause.line, cause.column), (1, Some(22)));
    assert_eq!(cause.message, "error calling fail: deep");
}

struct Files;

impl Object for Files {
    fn type_name(&self) -> &str {
        "engine.files"
    }
    fn kind(&self) -> gotemplate::Kind {
        gotemplate::Kind::Map
    }
    fn has_method(&self, name: &str) -> bool {
        name == "Get"
    }
    fn call_method(&self, name: &str, args: &[Value]) -> std::result::Result<Value, String> {
        match (name, args) {
            ("Get", [Value::String(p)]) => Ok(Value::string(format!("content of {p}"))),
            _ => Err(format!(
                "wrong number of args for {name}: want 1 got {}",
                args.len()
            )),
        }
    }
    fn field(&self, name: &str) -> Option<Value> {
        (name == "a.txt").then(|| Value::Bytes(Rc::from(&b"hi"[..])))
    }
    fn entries(&self) -> Option<Vec<(Value, Value)>> {
        Some(vec![(
            Value::string("a.txt"),
            Value::Bytes(Rc::from(&b"hi"[..])),
        )])
    }
    fn write_v(&self, out: &mut String) {
        out.push_str("map[a.txt:[104 105]]");
    }
}

#[test]
fn methods_with_arguments_on_objects() {
    let top = Map::default();
    top.insert("Files", Value::Object(Rc::new(Files)));
    let mut set = TemplateSet::new(funcs());
    let out = render_with(
        &mut set,
        r#"{{ .Files.Get "x" }}|{{ index .Files "a.txt" }}|{{ typeOf .Files }}|{{ .Files }}|{{ range $k, $v := .Files }}{{ $k }}{{ end }}|{{ len .Files }}"#,
        Value::Map(top.clone()),
    )
    .unwrap();
    assert_eq!(
        out,
        "content of x|[104 105]|engine.files|map[a.txt:[104 105]]|a.txt|1"
    );
    let err = render_with(&mut set, r#"{{ .Files.Get }}"#, Value::Map(top)).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("error calling Get: wrong number of args for Get: want 1 got 0"),
        "{err}"
    );
}

fn as_map(m: &Map, _: &[Value]) -> std::result::Result<Value, String> {
    Ok(Value::Map(Map::from_entries(
        MapKind::Any,
        m.snapshot().into_iter().collect(),
    )))
}

#[test]
fn values_methods_shadow_keys_of_the_same_name() {
    let v = values();
    v.insert("AsMap", Value::string("shadowed"));
    let top = Map::default();
    top.insert("Values", Value::Map(v));
    let mut set = TemplateSet::new(funcs());
    set.register_values_method("AsMap", as_map);
    let out = render_with(
        &mut set,
        "{{ typeOf .Values.AsMap }} {{ typeOf .Values }}",
        Value::Map(top),
    )
    .unwrap();
    assert_eq!(out, "map[string]interface {} common.Values");
}

#[test]
fn and_or_short_circuit() {
    assert_eq!(
        render(r#"{{ and 0 (fail "no") }}|{{ or 1 (fail "no") }}|{{ and 1 2 }}|{{ or 0 "" }}"#)
            .unwrap(),
        "0|1|2|"
    );
}

#[test]
fn range_over_int_with_break_and_continue() {
    assert_eq!(
        render("{{ range $i := 6 }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 4 }}{{ break }}{{ end }}{{ $i }}{{ end }}").unwrap(),
        "023"
    );
    assert_eq!(
        render("{{ range 0 }}x{{ else }}none{{ end }}").unwrap(),
        "none"
    );
}

#[test]
fn with_else_with() {
    assert_eq!(
        render(r#"{{ with .Values.nope }}a{{ else with .Values.a }}{{ .b }}{{ end }}"#).unwrap(),
        "1"
    );
}

#[test]
fn template_recursion_is_bounded_without_a_crash() {
    let mut set = TemplateSet::new(funcs());
    set.parse(
        "t",
        r#"{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}"#,
    )
    .unwrap();
    let err = set.execute("t", Value::Nil).unwrap_err();
    assert_eq!(err.kind, gotemplate::ErrorKind::Limit);
    assert!(
        err.to_string()
            .contains("exceeded maximum template depth (10000)"),
        "{err}"
    );

    let mut set = TemplateSet::new(funcs());
    set.parse(
        "t",
        r#"{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}"#,
    )
    .unwrap();
    let err = set.execute("t", Value::Nil).unwrap_err();
    assert_eq!(err.kind, gotemplate::ErrorKind::Limit);
}

#[test]
fn exponential_template_calls_are_bounded() {
    let mut set = TemplateSet::new(funcs());
    set.options.limits.max_calls = 10_000;
    let mut text = String::from(r#"{{ define "t0" }}{{ end }}"#);
    for i in 1..40 {
        text.push_str(&format!(
            r#"{{{{ define "t{i}" }}}}{{{{ template "t{p}" }}}}{{{{ template "t{p}" }}}}{{{{ end }}}}"#,
            p = i - 1
        ));
    }
    text.push_str(r#"{{ template "t39" }}"#);
    let err = render_with(&mut set, &text, Value::Nil).unwrap_err();
    assert!(
        err.to_string().contains("template calls exceed 10000"),
        "{err}"
    );
}

#[test]
fn deep_nesting_parses_and_runs_on_a_small_stack() {
    let depth = 900;
    let text = format!(
        "{}x{}",
        "{{ if 1 }}".repeat(depth),
        "{{ end }}".repeat(depth)
    );
    let parens = format!("{{{{ {}1{} }}}}", "(".repeat(5000), ")".repeat(5000));
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut set = TemplateSet::new(funcs());
            assert_eq!(render_with(&mut set, &text, Value::Nil).unwrap(), "x");
            assert_eq!(render_with(&mut set, &parens, Value::Nil).unwrap(), "1");
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn loops_and_output_are_bounded() {
    let mut set = TemplateSet::new(funcs());
    set.options.limits.max_range_iterations = 1000;
    let err = render_with(&mut set, "{{ range 2000 }}{{ end }}", Value::Nil).unwrap_err();
    assert!(
        err.to_string().contains("range iterations exceed 1000"),
        "{err}"
    );

    let mut set = TemplateSet::new(funcs());
    set.options.limits.max_output = 100;
    let err = render_with(&mut set, "{{ range 200 }}x{{ end }}", Value::Nil).unwrap_err();
    assert!(
        err.to_string().contains("output exceeds 100 bytes"),
        "{err}"
    );
}

#[test]
fn printing_a_structure_shared_at_every_level_is_bounded() {
    // 2^40 leaves if printed in full.
    let mut m = Map::default();
    for _ in 0..40 {
        let up = Map::default();
        up.insert("a", Value::Map(m.clone()));
        up.insert("b", Value::Map(m));
        m = up;
    }
    let mut set = TemplateSet::new(funcs());
    set.options.limits.max_output = 1 << 20;
    let err = render_with(&mut set, "{{ . }}", Value::Map(m)).unwrap_err();
    assert_eq!(err.kind, gotemplate::ErrorKind::Limit, "{err}");
}

#[test]
fn printing_a_map_that_holds_itself_is_an_error_not_a_crash() {
    let m = Map::default();
    m.insert("self", Value::Map(m.clone()));
    let mut set = TemplateSet::new(funcs());
    for text in [
        "{{ . }}",
        "{{ printf \"%v\" . }}",
        "{{ print . }}",
        "{{ println . }}",
    ] {
        let err = render_with(&mut set, text, Value::Map(m.clone())).unwrap_err();
        assert!(
            err.to_string()
                .contains("value nested too deep (does a map hold itself?)"),
            "{err}"
        );
    }
    // The bounded printer itself never overflows either.
    assert!(gotemplate::fmt::sprint_value(&Value::Map(m.clone())).contains("..."));
    m.remove("self");
}

#[test]
fn a_later_non_empty_define_replaces_an_earlier_one_and_an_empty_one_does_not() {
    let mut set = TemplateSet::new(funcs());
    set.parse("a", r#"{{ define "x" }}first{{ end }}"#).unwrap();
    set.parse("b", r#"{{ define "x" }}second{{ end }}"#)
        .unwrap();
    set.parse("c", r#"{{ define "x" }}  {{ end }}"#).unwrap();
    set.parse("t", r#"{{ template "x" }}"#).unwrap();
    assert_eq!(set.execute("t", Value::Nil).unwrap(), "second");
    let err = set
        .parse(
            "d",
            r#"{{ define "y" }}1{{ end }}{{ define "y" }}2{{ end }}"#,
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: d:1: template: multiple definition of template \"y\""
    );
}

#[test]
fn one_executor_runs_a_render_s_files_with_shared_bounds() {
    let mut set = TemplateSet::new(funcs());
    set.options.limits.max_range_iterations = 15;
    set.parse("a", "{{ range 10 }}a{{ end }}").unwrap();
    set.parse("b", "{{ range 10 }}b{{ end }}").unwrap();
    let mut state = ();
    let mut exec = set.executor(&mut state);
    assert_eq!(exec.execute("a", Value::Nil).unwrap(), "a".repeat(10));
    let err = exec.execute("b", Value::Nil).unwrap_err();
    assert!(
        err.to_string().contains("range iterations exceed 15"),
        "{err}"
    );
    assert!(exec.execute("nope", Value::Nil).is_err());
}

#[test]
fn parsed_sets_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<TemplateSet>();
    assert_send_sync::<gotemplate::ast::Tree>();
}

#[test]
fn unknown_functions_with_skip_func_check_fail_when_run() {
    let mut set = TemplateSet::new(funcs());
    set.set_parse_options(gotemplate::ParseOptions {
        skip_func_check: true,
        ..Default::default()
    });
    let err: Error = render_with(&mut set, "{{ nope 1 }}", Value::Nil).unwrap_err();
    assert_eq!(
        err.to_string(),
        "template: t:1:3: executing \"t\" at <nope>: \"nope\" is not a defined function"
    );
}
