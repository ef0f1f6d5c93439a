//! The top objects Helm gives each template (`pkg/engine/engine.go`
//! `recAllTpls`, `pkg/chart/common/util/values.go` `ToRenderValues`), for
//! every chart of the tree:
//!
//! - `.Values`: the root's coalesced values; a subchart's is *the same map*
//!   as its parent's `.Values.<name>` (Helm's `vals.Table`), so a `set`
//!   through either is seen through both; a fresh empty map when the
//!   parent holds no map there;
//! - `.Chart`: Chart.yaml as Helm's `Metadata` struct turned into a
//!   `map[string]interface {}` (Go field names, every field present), plus
//!   `IsRoot`;
//! - `.Release`: `Name`, `Namespace`, `Revision` 1, `Service` "Helm",
//!   `IsInstall`, `IsUpgrade`;
//! - `.Capabilities` ([`super::capabilities`]) and `.Files`
//!   ([`super::files`]);
//! - `.Subcharts`: each subchart's own top objects, by name;
//! - `.Template`: `Name` and `BasePath` of the file being rendered, set
//!   on the chart's one top map before each file, as Helm sets it.
//!
//! Values keep Helm's Go types: every number read from a values file is a
//! `float64` (Helm reads values through JSON), maps are
//! `map[string]interface {}` under a `common.Values` root.
//!
//! `--set` integers are `int64`s, as in Helm: the values arrive as JSON, in
//! which a whole float of a values file and a `--set` integer look alike,
//! so the render is told what `--set` gave ([`mark_set_integers`]).
//!
//! Go gives one map two types at once (a subchart's `.Values` is a
//! `common.Values`, the same map seen from its parent a
//! `map[string]interface {}`); so do these maps ([`Map::with_kind`]).

use std::collections::BTreeMap;

use gotemplate::{Map, MapKind, TemplateSet, Value};
use serde_json::Value as Json;

use super::capabilities::Capabilities;
use super::files::Files;
use crate::loader::{go_string, LoadedChart, Metadata};
use crate::sprig::convert::from_json_map;
use crate::values::go_sprint;

/// The root's `.Values`: the coalesced values as a `common.Values`.
pub fn root_values(values: &serde_json::Map<String, Json>) -> Map {
    from_json_map(values, MapKind::Values)
}

/// Adds the methods of Helm's `common.Values` (`.Values`, `.Template`,
/// `.` itself, and what `Table` returns) to `set`. Go looks methods up
/// before keys, so a value named `YAML` is reached with `index .Values
/// "YAML"`, not `.Values.YAML`:
///
/// - `YAML`: the map as YAML, with its final newline;
/// - `AsMap`: the map itself;
/// - `Table "a.b"`: the map at a dotted path; `"b" is not a table` when
///   some part is missing or not a map;
/// - `PathValue "a.b"`: the value (not a map) at a dotted path; `"b" is
///   not a value` otherwise;
/// - `Encode W`: needs a Go `io.Writer`, which no template can give.
///
/// What `Table` and `AsMap` return is the same map, so a `set` on it is
/// seen through `.Values`; typed `common.Values` and
/// `map[string]interface {}` respectively, as in Go.
pub fn register_values_methods(set: &mut TemplateSet) {
    set.register_values_method("YAML", values_yaml);
    set.register_values_method("AsMap", values_as_map);
    set.register_values_method("Table", values_table);
    set.register_values_method("PathValue", values_path_value);
    set.register_values_method("Encode", values_encode);
}

fn values_yaml(map: &Map, args: &[Value]) -> Result<Value, String> {
    super::no_args("YAML", args)?;
    let text = crate::yaml_v2::to_yaml(&Value::Map(map.clone()));
    if text.is_empty() {
        return Err("error marshaling into JSON: the values cannot be written as JSON".into());
    }
    Ok(Value::string(text + "\n"))
}

fn values_as_map(map: &Map, args: &[Value]) -> Result<Value, String> {
    super::no_args("AsMap", args)?;
    Ok(Value::Map(map.with_kind(MapKind::Any)))
}

/// Helm's `Values.Table`.
fn table(map: &Map, path: &str) -> Result<Map, String> {
    let mut table = map.clone();
    for key in path.split('.') {
        match table.get(key) {
            Some(Value::Map(m)) if m.kind() != MapKind::String => table = m,
            _ => return Err(format!("{} is not a table", gotemplate::fmt::quote(key))),
        }
    }
    Ok(table)
}

fn values_table(map: &Map, args: &[Value]) -> Result<Value, String> {
    let path = super::one_string("Table", args)?;
    table(map, path).map(|t| Value::Map(t.with_kind(MapKind::Values)))
}

fn values_path_value(map: &Map, args: &[Value]) -> Result<Value, String> {
    let path = super::one_string("PathValue", args)?;
    if path.is_empty() {
        return Err("YAML path cannot be empty".into());
    }
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (table(map, parent).ok(), key),
        None => (Some(map.clone()), path),
    };
    match parent.and_then(|t| t.get(key)) {
        Some(Value::Map(m)) if m.kind() != MapKind::String => {}
        Some(value) => return Ok(value),
        None => {}
    }
    Err(format!("{} is not a value", gotemplate::fmt::quote(key)))
}

fn values_encode(_: &Map, args: &[Value]) -> Result<Value, String> {
    match args {
        [one] => Err(format!(
            "wrong type for value; expected io.Writer; got {}",
            one.type_name()
        )),
        _ => Err(format!(
            "wrong number of args for Encode: want 1 got {}",
            args.len()
        )),
    }
}

/// The release a chart renders for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `.Release.Name`.
    pub name: String,
    /// `.Release.Namespace`.
    pub namespace: String,
    /// `.Release.IsInstall`.
    pub is_install: bool,
    /// `.Release.IsUpgrade`.
    pub is_upgrade: bool,
}

impl Release {
    /// What `helm template` renders for: an install, unless `--is-upgrade`
    /// (Helm's "special case for helm template --is-upgrade": a client-side
    /// dry run upgrades when asked, and is then not an install).
    pub fn template(name: &str, namespace: &str, is_upgrade: bool) -> Release {
        Release {
            name: name.to_owned(),
            namespace: namespace.to_owned(),
            is_install: !is_upgrade,
            is_upgrade,
        }
    }

    /// `.Release`: a `map[string]interface {}`; `Revision` is an `int`.
    pub fn to_value(&self) -> Value {
        let map = Map::default();
        map.insert("Name", Value::string(self.name.as_str()));
        map.insert("Namespace", Value::string(self.namespace.as_str()));
        map.insert("IsInstall", Value::Bool(self.is_install));
        map.insert("IsUpgrade", Value::Bool(self.is_upgrade));
        map.insert("Revision", Value::Int(1));
        map.insert("Service", Value::string("Helm"));
        Value::Map(map)
    }
}

/// `.Chart`: Helm's `Metadata` struct as `structToMap` turns it into a map
/// (every field under its Go name, slices as `[]interface {}`, nested
/// structs as maps, `Annotations` a `map[string]string`), plus `IsRoot`.
///
/// Fields read as `sigs.k8s.io/yaml` reads them into the struct: a scalar
/// where a string belongs becomes its text (`appVersion: 1.0` is `"1"`,
/// `name: n` is `"false"`, YAML 1.1's `n`).
pub fn chart_value(metadata: &Metadata, is_root: bool) -> Value {
    let raw = &metadata.raw;
    let text = |key: &str| Value::string(raw.get(key).and_then(go_string).unwrap_or_default());
    let strings = |value: Option<&Json>| -> Value {
        let items = match value {
            Some(Json::Array(items)) => items
                .iter()
                .map(|v| Value::string(go_string(v).unwrap_or_default()))
                .collect(),
            _ => Vec::new(),
        };
        Value::list(items)
    };
    let map = Map::default();
    map.insert("Name", Value::string(metadata.name.as_str()));
    map.insert("Version", Value::string(metadata.version.as_str()));
    map.insert("APIVersion", Value::string(metadata.api_version.as_str()));
    map.insert("Type", Value::string(metadata.kind.as_str()));
    for (field, key) in [
        ("Home", "home"),
        ("Description", "description"),
        ("Icon", "icon"),
        ("Condition", "condition"),
        ("Tags", "tags"),
        ("AppVersion", "appVersion"),
        ("KubeVersion", "kubeVersion"),
    ] {
        map.insert(field, text(key));
    }
    map.insert("Sources", strings(raw.get("sources")));
    map.insert("Keywords", strings(raw.get("keywords")));
    map.insert(
        "Deprecated",
        Value::Bool(matches!(raw.get("deprecated"), Some(Json::Bool(true)))),
    );
    // Without annotations the field is Go's nil map (`toJson` gives `null`).
    let annotations = match raw.get("annotations") {
        Some(Json::Object(entries)) => {
            let annotations = Map::new(MapKind::String);
            for (k, v) in entries {
                annotations.insert(k.as_str(), Value::string(go_string(v).unwrap_or_default()));
            }
            annotations
        }
        _ => Map::nil(MapKind::String),
    };
    map.insert("Annotations", Value::Map(annotations));
    let maintainers = match raw.get("maintainers") {
        Some(Json::Array(items)) => items.iter().map(maintainer).collect(),
        _ => Vec::new(),
    };
    map.insert("Maintainers", Value::list(maintainers));
    let dependencies = metadata
        .dependencies
        .iter()
        .flatten()
        .map(|d| {
            let dep = Map::default();
            dep.insert("Name", Value::string(d.name.as_str()));
            dep.insert("Version", Value::string(d.version.as_str()));
            dep.insert("Repository", Value::string(d.repository.as_str()));
            dep.insert("Condition", Value::string(d.condition.as_str()));
            dep.insert(
                "Tags",
                Value::list(d.tags.iter().map(|t| Value::string(t.as_str())).collect()),
            );
            dep.insert("Enabled", Value::Bool(d.enabled));
            dep.insert("ImportValues", import_values(&d.import_values));
            dep.insert("Alias", Value::string(d.alias.as_str()));
            Value::Map(dep)
        })
        .collect();
    map.insert("Dependencies", Value::list(dependencies));
    map.insert("IsRoot", Value::Bool(is_root));
    Value::Map(map)
}

/// A dependency's `import-values` as Helm leaves them once it has imported
/// them (`processImportValues`): each a `map[string]string` of `child` and
/// `parent`, the short form `x` read as `exports.x` into `.`; entries of
/// any other shape dropped.
fn import_values(entries: &[Json]) -> Value {
    let pair = |child: String, parent: String| {
        let map = Map::new(MapKind::String);
        map.insert("child", Value::string(child));
        map.insert("parent", Value::string(parent));
        Value::Map(map)
    };
    Value::list(
        entries
            .iter()
            .filter_map(|entry| match entry {
                Json::Object(fields) => {
                    let field = |k: &str| go_sprint(fields.get(k).unwrap_or(&Json::Null));
                    Some(pair(field("child"), field("parent")))
                }
                Json::String(export) => Some(pair(format!("exports.{export}"), ".".into())),
                _ => None,
            })
            .collect(),
    )
}

/// One `maintainers` entry: Helm's `Maintainer` struct as a map.
fn maintainer(entry: &Json) -> Value {
    let map = Map::default();
    for (field, key) in [("Name", "name"), ("Email", "email"), ("URL", "url")] {
        let text = entry.get(key).and_then(go_string).unwrap_or_default();
        map.insert(field, Value::string(text));
    }
    Value::Map(map)
}

/// The top objects of one chart of the tree.
#[derive(Debug, Clone)]
pub struct ChartTop {
    /// Helm's `ChartFullPath`: `parent/charts/child`, which prefixes the
    /// names of the chart's templates.
    pub path: String,
    /// The map every template of the chart gets as `.` (a
    /// `common.Values`); [`set_template`] swaps its `Template` entry.
    pub top: Map,
}

/// The top objects of every chart of the tree under `chart` (the root),
/// by [`ChartTop::path`], built as `recAllTpls` builds them: the root gets
/// `values`; each subchart its parent's `.Values.<name>` map itself.
pub fn chart_tops(
    chart: &LoadedChart,
    values: Map,
    release: &Release,
    capabilities: &Capabilities,
) -> BTreeMap<String, ChartTop> {
    let shared = Shared {
        release: release.to_value(),
        capabilities: capabilities.clone().into_value(),
    };
    let mut out = BTreeMap::new();
    collect(chart, values, None, &shared, &mut out);
    out
}

struct Shared {
    release: Value,
    capabilities: Value,
}

fn collect(
    chart: &LoadedChart,
    values: Map,
    parent: Option<&str>,
    shared: &Shared,
    out: &mut BTreeMap<String, ChartTop>,
) -> Map {
    let path = match parent {
        None => chart.name().to_owned(),
        Some(parent) => format!("{parent}/charts/{}", chart.name()),
    };
    let top = Map::new(MapKind::Values);
    let subcharts = Map::default();
    top.insert("Chart", chart_value(&chart.metadata, parent.is_none()));
    top.insert("Files", Files::of(chart).into_value());
    top.insert("Release", shared.release.clone());
    top.insert("Capabilities", shared.capabilities.clone());
    top.insert("Values", Value::Map(values.clone()));
    top.insert("Subcharts", Value::Map(subcharts.clone()));
    for child in &chart.dependencies {
        // The same map as the parent's `.Values.<name>`, as Go's
        // `common.Values` conversion of it.
        let child_values = match values.get(child.name()) {
            Some(Value::Map(m)) => m.with_kind(MapKind::Values),
            _ => Map::new(MapKind::Values),
        };
        let child_top = collect(child, child_values, Some(&path), shared, out);
        subcharts.insert(child.name(), Value::Map(child_top));
    }
    out.insert(
        path.clone(),
        ChartTop {
            path,
            top: top.clone(),
        },
    );
    top
}

/// Gives the integers `--set` gave (`set`, the values `--set` gives on its
/// own) Helm's type for them, `int64`, in `values` (the root's `.Values`,
/// where they arrived as `float64`s, as every number of a values file
/// does), and in every subchart's copy of `global`, as Helm's coalescing
/// copies the parent's globals down. A number later flags replaced (a
/// `--set-string` of the same key) is left alone.
pub fn mark_set_integers(chart: &LoadedChart, values: &Map, set: &serde_json::Map<String, Json>) {
    if set.is_empty() {
        return;
    }
    mark_map(values, set);
    if let Some(Json::Object(global)) = set.get("global") {
        mark_globals(chart, values, global);
    }
}

fn mark_globals(chart: &LoadedChart, values: &Map, global: &serde_json::Map<String, Json>) {
    for child in &chart.dependencies {
        if let Some(Value::Map(child_values)) = values.get(child.name()) {
            if let Some(Value::Map(child_global)) = child_values.get("global") {
                mark_map(&child_global, global);
            }
            mark_globals(child, &child_values, global);
        }
    }
}

fn mark_map(values: &Map, set: &serde_json::Map<String, Json>) {
    for (key, given) in set {
        if let Some(current) = values.get(key) {
            if let Some(marked) = marked(&current, given) {
                values.insert(key.as_str(), marked);
            }
        }
    }
}

/// `current` with the integers of `given` as `int64`s, when any changed.
fn marked(current: &Value, given: &Json) -> Option<Value> {
    match (current, given) {
        (Value::Float(f), Json::Number(n)) => {
            let i = n.as_i64().filter(|_| !n.is_f64())?;
            (*f == i as f64).then_some(Value::Int64(i))
        }
        (Value::Map(map), Json::Object(fields)) => {
            mark_map(map, fields);
            None
        }
        (Value::List(list), Json::Array(items)) => {
            let mut changed = false;
            let out: Vec<Value> = (0..list.len())
                .map(|i| {
                    let item = list.get(i).cloned().unwrap_or_default();
                    match items.get(i).and_then(|g| marked(&item, g)) {
                        Some(m) => {
                            changed = true;
                            m
                        }
                        None => item,
                    }
                })
                .collect();
            changed.then(|| Value::list(out))
        }
        _ => None,
    }
}

/// Sets `.Template` on a chart's top map for the file `name`, as Helm
/// does before executing each file: a new `common.Values` each time.
pub fn set_template(top: &Map, name: &str, base_path: &str) {
    let template = Map::new(MapKind::Values);
    template.insert("Name", Value::string(name));
    template.insert("BasePath", Value::string(base_path));
    top.insert("Template", Value::Map(template));
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use gotemplate::{builtins, TemplateSet};
    use serde_json::json;

    use super::*;
    use crate::loader::load_files;

    fn load(files: &[(&str, &str)]) -> LoadedChart {
        let files = files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
            .collect();
        load_files(files, "ms").unwrap()
    }

    /// Executes `text` with `dot` on Go's builtins alone.
    fn run(text: &str, dot: &Map) -> String {
        let mut set = TemplateSet::new(Arc::new(builtins::table()));
        set.parse("t", text).unwrap();
        set.execute("t", Value::Map(dot.clone())).unwrap()
    }

    fn tops(chart: &LoadedChart, values: Json) -> BTreeMap<String, ChartTop> {
        let Json::Object(values) = values else {
            unreachable!()
        };
        chart_tops(
            chart,
            root_values(&values),
            &Release::template("release-name", "default", false),
            &Capabilities::new(None, &[]),
        )
    }

    const CHART: &str = "apiVersion: v2\nname: ms\nversion: 0.1.0\n";

    /// Printed by the Helm v4.2.3 SDK for the same chart.
    #[test]
    fn chart_release_and_template_print_as_in_helm() {
        let chart = load(&[("Chart.yaml", CHART)]);
        let tops = tops(&chart, json!({}));
        let top = &tops["ms"].top;
        set_template(top, "ms/templates/c.yaml", "ms/templates");
        assert_eq!(
            run("{{ .Chart }}", top),
            "map[APIVersion:v2 Annotations:map[] AppVersion: Condition: Dependencies:[] \
             Deprecated:false Description: Home: Icon: IsRoot:true Keywords:[] KubeVersion: \
             Maintainers:[] Name:ms Sources:[] Tags: Type: Version:0.1.0]"
        );
        assert_eq!(
            run("{{ .Release }}|{{ .Template }}", top),
            "map[IsInstall:true IsUpgrade:false Name:release-name Namespace:default Revision:1 \
             Service:Helm]|map[BasePath:ms/templates Name:ms/templates/c.yaml]"
        );
        assert_eq!(
            run(
                "{{ printf \"%T|%T|%T|%T|%T|%T|%T|%T\" . .Template .Release .Chart .Subcharts \
                 .Values .Release.Revision .Release.IsInstall }}",
                top
            ),
            "common.Values|common.Values|map[string]interface {}|map[string]interface {}|\
             map[string]interface {}|common.Values|int|bool"
        );
    }

    /// Chart.yaml's scalars become strings as sigs.k8s.io/yaml makes them
    /// (YAML 1.1: `y` is true, `n` false); the SDK printed this.
    #[test]
    fn chart_fields_take_go_types() {
        let chart = load(&[(
            "Chart.yaml",
            "apiVersion: v2\nname: ms\nversion: 0.1.0\nappVersion: 1.0\nkubeVersion: '>=1.0'\n\
             description: d\nkeywords: [a]\nmaintainers: [{name: n, email: e, url: u}]\n\
             annotations: {x: y}\ndeprecated: true\ntype: application\nhome: h\nsources: [s]\n\
             icon: i\ndependencies: []\n",
        )]);
        let tops = tops(&chart, json!({}));
        let top = &tops["ms"].top;
        assert_eq!(
            run("{{ .Chart }}", top),
            "map[APIVersion:v2 Annotations:map[x:true] AppVersion:1 Condition: Dependencies:[] \
             Deprecated:true Description:d Home:h Icon:i IsRoot:true Keywords:[a] \
             KubeVersion:>=1.0 Maintainers:[map[Email:e Name:false URL:u]] Name:ms Sources:[s] \
             Tags: Type:application Version:0.1.0]"
        );
        assert_eq!(
            run(
                "{{ printf \"%T|%T|%T|%T\" .Chart.Maintainers (index .Chart.Maintainers 0) \
                 .Chart.Annotations .Chart.Keywords }}",
                top
            ),
            "[]interface {}|map[string]interface {}|map[string]string|[]interface {}"
        );
    }

    /// The SDK's render of a parent with a subchart `child` and a library
    /// `lib`: the child's `.Values` is the parent's `.Values.child`, the
    /// child's top objects are `.Subcharts.child`.
    #[test]
    fn subcharts_share_their_values_map_with_the_parent() {
        let chart = load(&[
            ("Chart.yaml", CHART),
            ("values.yaml", "a: 1000000\n"),
            (
                "charts/child/Chart.yaml",
                "apiVersion: v2\nname: child\nversion: 0.1.0\n",
            ),
            (
                "charts/lib/Chart.yaml",
                "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            ),
        ]);
        let tops = tops(&chart, json!({"a": 1_000_000, "child": {"cv": 1}}));
        assert_eq!(
            tops.keys().collect::<Vec<_>>(),
            ["ms", "ms/charts/child", "ms/charts/lib"]
        );
        let root = &tops["ms"].top;
        let child = &tops["ms/charts/child"].top;
        // A change through the parent is seen by the child, and back.
        let parent_child = root
            .get("Values")
            .and_then(|v| v.as_map().and_then(|m| m.get("child")));
        let Some(Value::Map(parent_child)) = parent_child else {
            panic!("no child values")
        };
        parent_child.insert("fromParent", Value::string("P"));
        assert_eq!(
            run(
                "{{ .Values.fromParent }} {{ .Values.cv }} {{ .Chart.IsRoot }}",
                child
            ),
            "P 1 false"
        );
        assert_eq!(
            run(
                "{{ .Values.a }} {{ .Subcharts.child.Chart.Name }} {{ len .Subcharts }}",
                root
            ),
            "1e+06 child 2"
        );
        // No map for `lib` in the parent's values: a fresh empty one.
        assert_eq!(run("{{ len .Values }}", &tops["ms/charts/lib"].top), "0");
        // `.Template` is swapped on the chart's one map, as Helm does: the
        // parent sees the child's last one.
        set_template(child, "ms/charts/child/templates/a.yaml", "x");
        assert_eq!(
            run("{{ .Subcharts.child.Template.Name }}", root),
            "ms/charts/child/templates/a.yaml"
        );
    }

    /// The SDK's render of a chart whose dependency `child` is aliased
    /// `kid` and whose dependency `other` is disabled: `.Chart.Dependencies`
    /// holds what dependency processing kept, import-values rewritten.
    #[test]
    fn dependencies_are_listed_as_processed() {
        let mut chart = load(&[
            (
                "Chart.yaml",
                "apiVersion: v2\nname: ms\nversion: 0.1.0\ndependencies:\n- name: child\n  \
                 version: 0.1.0\n  alias: kid\n  condition: kid.enabled\n  tags: [t1]\n  \
                 import-values: [{child: a, parent: b}, x]\n- name: other\n  version: 0.1.0\n  \
                 condition: other.enabled\n",
            ),
            (
                "charts/child/Chart.yaml",
                "apiVersion: v2\nname: child\nversion: 0.1.0\n",
            ),
            (
                "charts/other/Chart.yaml",
                "apiVersion: v2\nname: other\nversion: 0.1.0\n",
            ),
        ]);
        let Json::Object(user) = json!({"kid": {"v": 1}, "other": {"enabled": false}}) else {
            unreachable!()
        };
        crate::dependencies::process_dependencies(&mut chart, &user).unwrap();
        let tops = tops(&chart, json!({}));
        let top = &tops["ms"].top;
        assert_eq!(
            run(
                "{{ .Chart.Dependencies }}|{{ range .Chart.Dependencies }}{{ printf \"%T %T %T\" \
                 .Tags .ImportValues (index .ImportValues 0) }}{{ end }}",
                top
            ),
            "[map[Alias:kid Condition:kid.enabled Enabled:true ImportValues:[map[child:a \
             parent:b] map[child:exports.x parent:.]] Name:kid Repository: Tags:[t1] \
             Version:0.1.0]]|[]interface {} []interface {} map[string]string"
        );
        assert_eq!(tops.keys().collect::<Vec<_>>(), ["ms", "ms/charts/kid"]);
    }

    /// The SDK's output for the methods of `common.Values`, values
    /// `{"a": {"b": 1, "c": [1, "x"]}, "YAML": "key", "s": "str"}`.
    #[test]
    fn values_methods_as_helm_has_them() {
        let chart = load(&[("Chart.yaml", CHART)]);
        let tops = tops(
            &chart,
            json!({"a": {"b": 1, "c": [1, "x"]}, "YAML": "key", "s": "str"}),
        );
        let top = &tops["ms"].top;
        set_template(top, "ms/templates/c.yaml", "ms/templates");
        let run_methods = |text: &str| {
            let mut set = TemplateSet::new(Arc::new(builtins::table()));
            register_values_methods(&mut set);
            set.parse("t", text).unwrap();
            match set.execute("t", Value::Map(top.clone())) {
                Ok(out) => out,
                Err(e) => e.message.clone(),
            }
        };
        let cases = [
            (
                "{{ .Values.YAML }}",
                "YAML: key\na:\n  b: 1\n  c:\n  - 1\n  - x\ns: str\n",
            ),
            (
                "{{ .Values.AsMap }}",
                "map[YAML:key a:map[b:1 c:[1 x]] s:str]",
            ),
            (r#"{{ .Values.Table "a" }}"#, "map[b:1 c:[1 x]]"),
            (
                r#"{{ .Values.Table "nope" }}"#,
                r#"error calling Table: "nope" is not a table"#,
            ),
            (
                r#"{{ .Values.Table "s" }}"#,
                r#"error calling Table: "s" is not a table"#,
            ),
            (
                r#"{{ .Values.Table "a.b" }}"#,
                r#"error calling Table: "b" is not a table"#,
            ),
            (
                r#"{{ .Values.Table "" }}"#,
                r#"error calling Table: "" is not a table"#,
            ),
            (r#"{{ .Values.PathValue "a.b" }}"#, "1"),
            (r#"{{ .Values.PathValue "a.c" }}"#, "[1 x]"),
            (r#"{{ .Values.PathValue "s" }}"#, "str"),
            (
                r#"{{ .Values.PathValue "a" }}"#,
                r#"error calling PathValue: "a" is not a value"#,
            ),
            (
                r#"{{ .Values.PathValue "nope.x" }}"#,
                r#"error calling PathValue: "x" is not a value"#,
            ),
            (
                r#"{{ .Values.PathValue "" }}"#,
                "error calling PathValue: YAML path cannot be empty",
            ),
            (
                "{{ .Template.YAML }}",
                "BasePath: ms/templates\nName: ms/templates/c.yaml\n",
            ),
            // Helm then drops `<no value>` from the file's text.
            ("{{ .Values.a.YAML }}", "<no value>"),
            (r#"{{ index .Values "YAML" }}"#, "key"),
        ];
        for (text, want) in cases {
            assert_eq!(run_methods(text), want, "{text}");
        }
        // The map Table gives is the map itself.
        let a = top
            .get("Values")
            .and_then(|v| v.as_map().and_then(|m| m.get("a")))
            .unwrap();
        let Value::Map(a) = a else { panic!() };
        let mut set = TemplateSet::new(Arc::new(builtins::table()));
        register_values_methods(&mut set);
        set.parse("t", r#"{{ with .Values.Table "a" }}{{ len . }}{{ end }}"#)
            .unwrap();
        a.insert("new", Value::Int(1));
        assert_eq!(set.execute("t", Value::Map(top.clone())).unwrap(), "3");
    }

    #[test]
    fn helm_template_is_upgrade_rule() {
        assert_eq!(
            Release::template("r", "n", true),
            Release {
                name: "r".into(),
                namespace: "n".into(),
                is_install: false,
                is_upgrade: true,
            }
        );
        let install = Release::template("r", "n", false);
        assert!(install.is_install && !install.is_upgrade);
    }

    #[test]
    fn values_are_float64() {
        let v = crate::sprig::convert::from_json(
            &json!({"i": 3, "f": 0.00001, "big": 123456789, "l": [1, null]}),
        );
        let m = v.as_map().unwrap();
        let show = |k: &str| gotemplate::fmt::sprint_value(&m.get(k).unwrap());
        assert_eq!(show("i"), "3");
        assert_eq!(show("f"), "1e-05");
        assert_eq!(show("big"), "1.23456789e+08");
        assert_eq!(show("l"), "[1 <nil>]");
        assert_eq!(m.get("i").unwrap().type_name(), "float64");
    }
}

#[cfg(test)]
mod set_integer_tests {
    use serde_json::json;

    use super::*;
    use crate::loader::load_files;

    /// `--set` integers become `int64`s where they landed: in maps, in
    /// lists, and in every subchart's copy of `global`; a number `--set`
    /// did not give, or one a later flag replaced, keeps its type.
    #[test]
    fn set_integers_are_int64_where_they_landed() {
        let files = [
            ("Chart.yaml", "apiVersion: v2\nname: p\nversion: 0.1.0\n"),
            (
                "charts/sub/Chart.yaml",
                "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            ),
        ]
        .iter()
        .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
        .collect();
        let chart = load_files(files, "p").unwrap();
        let Json::Object(values) = json!({
            "a": {"n": 3.0, "s": "3", "f": 2.0},
            "l": [1.0, 7.0],
            "global": {"g": 5.0},
            "sub": {"global": {"g": 5.0}},
        }) else {
            unreachable!()
        };
        let Json::Object(set) = json!({
            "a": {"n": 3, "s": 3},
            "l": [1],
            "global": {"g": 5},
        }) else {
            unreachable!()
        };
        let root = root_values(&values);
        mark_set_integers(&chart, &root, &set);
        let at = |path: &[&str]| {
            let mut v = Value::Map(root.clone());
            for key in path {
                v = match v {
                    Value::Map(m) => m.get(key).unwrap(),
                    Value::List(l) => l.get(key.parse().unwrap()).unwrap().clone(),
                    other => panic!("{other:?}"),
                };
            }
            v.type_name().to_owned()
        };
        assert_eq!(at(&["a", "n"]), "int64");
        assert_eq!(at(&["a", "s"]), "string");
        assert_eq!(at(&["a", "f"]), "float64");
        assert_eq!(at(&["l", "0"]), "int64");
        assert_eq!(at(&["l", "1"]), "float64");
        assert_eq!(at(&["global", "g"]), "int64");
        assert_eq!(at(&["sub", "global", "g"]), "int64");
    }
}
