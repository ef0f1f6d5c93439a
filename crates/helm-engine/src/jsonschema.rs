//! Helm's schema validation (`pkg/chart/common/util/jsonschema.go`): each
//! chart's `values.schema.json` against its part of the merged values, the
//! top chart's against all of them and each subchart's (recursively)
//! against the values under its name.
//!
//! Helm v4 compiles schemas with santhosh-tekuri/jsonschema v6, so: the
//! draft comes from `$schema` (draft-04, -06, -07, 2019-09, 2020-12; 2020-12
//! without one); formats are checked in drafts before 2019-09 only;
//! patterns are Go regular expressions; a reference to a `urn:` is an
//! always-true schema, any other outside reference (a file, the web) is
//! fetched. chartgen fetches nothing: such a schema, like one Helm itself
//! cannot use, is reported as a schema that cannot be used.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::goregex;
use super::loader::LoadedChart;
use super::values::Values;

/// The base URI Helm gives every chart's schema.
const BASE_URI: &str = "file:///values.schema.json";

/// One chart whose schema applies, and its part of the values.
#[derive(Debug)]
pub struct SchemaCheck<'a> {
    /// The chart.
    pub chart: &'a LoadedChart,
    /// Where its values sit in the top chart's: its name, and its parents'.
    pub prefix: Vec<String>,
    /// Its values; an error when they are not a map.
    pub values: Result<&'a Values, String>,
}

/// The charts whose schema Helm checks, with their values, in Helm's order
/// (a chart, then its subcharts): a subchart with no values (or null ones)
/// is not checked. `values` are the coalesced values of `chart` after
/// dependency processing.
pub fn schema_checks<'a>(chart: &'a LoadedChart, values: &'a Values) -> Vec<SchemaCheck<'a>> {
    let mut checks = Vec::new();
    walk(chart, Ok(values), Vec::new(), &mut checks);
    checks
}

fn walk<'a>(
    chart: &'a LoadedChart,
    values: Result<&'a Values, String>,
    prefix: Vec<String>,
    out: &mut Vec<SchemaCheck<'a>>,
) {
    let own = values.as_ref().ok().copied();
    if chart.schema.is_some() || values.is_err() {
        out.push(SchemaCheck {
            chart,
            prefix: prefix.clone(),
            values,
        });
    }
    let Some(own) = own else { return };
    for sub in &chart.dependencies {
        let part = match own.get(sub.name()) {
            None | Some(Json::Null) => continue,
            Some(Json::Object(part)) => Ok(part),
            Some(other) => Err(format!(
                "invalid type for values: expected object (map), got {}",
                kind(other)
            )),
        };
        let mut sub_prefix = prefix.clone();
        sub_prefix.push(sub.name().to_owned());
        walk(sub, part, sub_prefix, out);
    }
}

fn kind(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// A schema's JSON text, as Helm reads it.
pub fn parse(bytes: &[u8]) -> Result<Json, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("is not JSON: {e}"))
}

/// The draft Helm validates `schema` with.
pub fn draft(schema: &Json) -> Result<jsonschema::Draft, String> {
    use jsonschema::Draft;
    let Some(declared) = schema.get("$schema") else {
        return Ok(Draft::Draft202012);
    };
    let Some(uri) = declared.as_str() else {
        return Err(format!("its `$schema` must be a string, not {declared}"));
    };
    let bare = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("https://"))
        .unwrap_or(uri);
    let bare = bare
        .strip_suffix("#/")
        .or_else(|| bare.strip_suffix('#'))
        .unwrap_or(bare);
    Ok(match bare {
        "json-schema.org/schema" | "json-schema.org/draft/2020-12/schema" => Draft::Draft202012,
        "json-schema.org/draft/2019-09/schema" => Draft::Draft201909,
        "json-schema.org/draft-07/schema" => Draft::Draft7,
        "json-schema.org/draft-06/schema" => Draft::Draft6,
        "json-schema.org/draft-04/schema" => Draft::Draft4,
        _ => {
            return Err(format!(
                "its `$schema` is `{uri}`, a meta-schema Helm would download; chartgen reads \
                 draft-04, draft-06, draft-07, 2019-09 and 2020-12 and fetches nothing"
            ))
        }
    })
}

/// The canonical meta-schema URI of a draft.
fn meta_schema(draft: jsonschema::Draft) -> &'static str {
    use jsonschema::Draft;
    match draft {
        Draft::Draft4 => "http://json-schema.org/draft-04/schema#",
        Draft::Draft6 => "http://json-schema.org/draft-06/schema#",
        Draft::Draft7 => "http://json-schema.org/draft-07/schema#",
        Draft::Draft201909 => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    }
}

/// A schema compiled as Helm's validator reads it.
pub struct Compiled {
    /// The validator.
    pub validator: jsonschema::Validator,
}

/// The pattern a (sub)schema holds, as the schema writes it (the
/// validator is given it under [`PATTERN`]).
pub fn written_pattern(schema: &Json) -> Option<&str> {
    schema
        .get(PATTERN)
        .or_else(|| schema.get("pattern"))
        .and_then(Json::as_str)
}

/// Compiles `schema` as Helm would, or says why Helm could not use it
/// (or why chartgen cannot: it fetches no outside reference).
pub fn compile(schema: &Json) -> Result<Compiled, String> {
    use jsonschema::Draft;
    let draft = draft(schema)?;
    let mut schema = schema.clone();
    if let Json::Object(root) = &mut schema {
        root.insert("$schema".into(), Json::String(meta_schema(draft).into()));
    }
    break_cycles(&mut schema, draft);
    go_patterns(&mut schema)?;
    let modern = matches!(draft, Draft::Draft201909 | Draft::Draft202012);
    let options = jsonschema::options()
        .with_draft(draft)
        .with_base_uri(BASE_URI)
        .with_retriever(Offline)
        .should_validate_formats(!modern)
        // Helm's `regex` format is a Go regular expression.
        .with_format("regex", |s: &str| goregex::compile(s).is_ok())
        .with_pattern_options(jsonschema::PatternOptions::regex())
        .with_keyword(CYCLE, cycle_keyword)
        .with_keyword(PATTERN, pattern_keyword);
    // Deeply nested schemas recurse deeply; give them room.
    let validator =
        stacker::maybe_grow(256 << 10, 16 << 20, || options.build(&schema)).map_err(|e| {
            let message = e.to_string();
            if let Some((_, ours)) = message.split_once("retrieving it failed: ") {
                ours.to_owned()
            } else {
                format!("is not a valid schema: {message}")
            }
        })?;
    Ok(Compiled { validator })
}

/// The keyword each `pattern` is moved to: checked with Go's meaning
/// ([`goregex`]), where the `jsonschema` crate would read it as an
/// ECMAScript expression (`\s` matching a no-break space, `[[:alpha:]]` a
/// different class, `\Q…\E` refused).
const PATTERN: &str = "x-chartgen-go-pattern";

/// Moves every `pattern` to [`PATTERN`], and refuses the schema when a
/// `pattern` or a `patternProperties` key is no Go regular expression, as
/// Helm's validator does.
fn go_patterns(schema: &mut Json) -> Result<(), String> {
    let check = |pattern: &str| {
        goregex::compile(pattern).map(|_| ()).map_err(|reason| {
            format!("`{pattern}` is not a regular expression Helm (Go) reads: {reason}")
        })
    };
    let mut pending = vec![schema];
    while let Some(node) = pending.pop() {
        match node {
            Json::Object(map) => {
                if let Some(Json::String(pattern)) = map.get("pattern") {
                    check(pattern)?;
                    if let Some(value) = map.shift_remove("pattern") {
                        map.insert(PATTERN.into(), value);
                    }
                }
                for (key, value) in map.iter_mut() {
                    match (key.as_str(), value) {
                        ("patternProperties", Json::Object(props)) => {
                            for p in props.keys() {
                                check(p)?;
                            }
                            pending.extend(props.values_mut());
                        }
                        // Data, not schemas.
                        ("const" | "default" | "enum" | "examples", _) => {}
                        (_, value) => pending.push(value),
                    }
                }
            }
            Json::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
    Ok(())
}

fn pattern_keyword<'a>(
    _: &'a serde_json::Map<String, Json>,
    value: &'a Json,
    _: jsonschema::paths::Location,
) -> Result<Box<dyn for<'i> jsonschema::Keyword<'i>>, jsonschema::ValidationError<'a>> {
    let written = value.as_str().unwrap_or_default().to_owned();
    let regex = goregex::compile(&written).map_err(jsonschema::ValidationError::custom)?;
    Ok(Box::new(GoPattern { regex, written }))
}

/// `pattern`, with Go's meaning: strings must match it somewhere.
struct GoPattern {
    regex: regex::Regex,
    written: String,
}

impl<'i> jsonschema::Keyword<'i> for GoPattern {
    fn validate(&self, instance: &'i Json) -> Result<(), jsonschema::ValidationError<'i>> {
        if self.is_valid(instance) {
            return Ok(());
        }
        let shown = super::read::cut(&instance.to_string());
        Err(jsonschema::ValidationError::custom(format!(
            "{shown} does not match the pattern `{}`",
            self.written
        )))
    }

    fn is_valid(&self, instance: &'i Json) -> bool {
        instance
            .as_str()
            .is_none_or(|text| self.regex.is_match(text))
    }
}

/// The keyword a reference on a cycle is replaced with: it fails where it
/// is met, as Helm's validator reports a cycle where it meets one.
const CYCLE: &str = "x-chartgen-reference-cycle";

/// A schema that reaches itself without moving on in the values (`{"$ref":
/// "#"}`, or `$ref`s and in-place applicators that come back to where they
/// started, whatever the reference's form: a pointer, percent-encoded or
/// not, `$id`, `$anchor`, `$dynamicRef`, the schema's own file name) makes
/// Helm's validator report a reference cycle where it meets it; a cycle
/// under a key the values leave out, or in a branch another satisfies
/// (`anyOf`, `not`, `if`) is never met. Each reference on such a cycle is
/// replaced by a keyword that fails the same way, so the validator never
/// loops.
fn break_cycles(schema: &mut Json, draft: jsonschema::Draft) {
    for (pointer, keyword, reference) in cycles(schema, draft) {
        if let Some(Json::Object(node)) = schema.pointer_mut(&pointer) {
            node.remove(&keyword);
            let at = format!("#{pointer}");
            node.insert(
                CYCLE.into(),
                serde_json::json!({"at": at, "ref": reference}),
            );
        }
    }
}

fn cycle_keyword<'a>(
    _: &'a serde_json::Map<String, Json>,
    value: &'a Json,
    _: jsonschema::paths::Location,
) -> Result<Box<dyn for<'i> jsonschema::Keyword<'i>>, jsonschema::ValidationError<'a>> {
    let text = |key: &str| value.get(key).and_then(Json::as_str).unwrap_or_default();
    Ok(Box::new(Cycle(format!(
        "the schema at `{}` comes back to itself through `{}` without moving on in the \
         values: a reference cycle, which Helm refuses",
        text("at"),
        text("ref")
    ))))
}

/// A reference on a cycle: fails wherever it is met.
struct Cycle(String);

impl<'i> jsonschema::Keyword<'i> for Cycle {
    fn validate(&self, _: &'i Json) -> Result<(), jsonschema::ValidationError<'i>> {
        Err(jsonschema::ValidationError::custom(self.0.clone()))
    }

    fn is_valid(&self, _: &'i Json) -> bool {
        false
    }
}

/// The references (`$ref`, `$dynamicRef`, `$recursiveRef`) on cycles of
/// schemas evaluated at the same place in the values, as (pointer of the
/// schema holding it, keyword, reference), resolved as the validator
/// resolves them (base URI, `$id`, anchors, percent-encoding).
fn cycles(schema: &Json, draft: jsonschema::Draft) -> Vec<(String, String, String)> {
    let Ok(registry) = jsonschema::Registry::new()
        .retriever(Offline)
        .retrieve_known_draft_meta_schemas(false)
        .draft(draft)
        .add(BASE_URI, schema)
        .and_then(jsonschema::RegistryBuilder::prepare)
    else {
        // Compiling reports why the references cannot be resolved.
        return Vec::new();
    };
    let Ok(base) = jsonschema::uri::from_str(BASE_URI) else {
        return Vec::new();
    };
    let mut pointer_of: HashMap<*const Json, String> = HashMap::new();
    let mut pending = vec![(String::new(), schema)];
    while let Some((pointer, node)) = pending.pop() {
        match node {
            Json::Object(map) => {
                pointer_of.insert(node, pointer.clone());
                for (key, value) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    pending.push((format!("{pointer}/{key}"), value));
                }
            }
            Json::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    pending.push((format!("{pointer}/{i}"), value));
                }
            }
            _ => {}
        }
    }
    let mut graph = Graph::default();
    let root = registry.resolver(base);
    let Ok(root) = root.in_subresource(draft.create_resource_ref(schema)) else {
        return Vec::new();
    };
    let start = graph.node(schema);
    let mut work = vec![(start, schema, root)];
    while let Some((id, node, resolver)) = work.pop() {
        let Json::Object(map) = node else { continue };
        let legacy = matches!(
            draft,
            jsonschema::Draft::Draft4 | jsonschema::Draft::Draft6 | jsonschema::Draft::Draft7
        );
        // Before 2019-09, a `$ref` hides the keywords beside it.
        let only_ref = legacy && map.contains_key("$ref");
        for (key, value) in map {
            if only_ref {
                break;
            }
            let (subs, in_place) = subschemas(key, value, legacy);
            for sub in subs {
                let Ok(inner) = resolver.in_subresource(draft.create_resource_ref(sub)) else {
                    continue;
                };
                let (child, new) = graph.visit(sub);
                if in_place {
                    graph.edges[id].push((child, None));
                }
                if new {
                    work.push((child, sub, inner));
                }
            }
        }
        for keyword in ["$ref", "$dynamicRef", "$recursiveRef"] {
            let Some(reference) = map.get(keyword).and_then(Json::as_str) else {
                continue;
            };
            let resolved = if keyword == "$recursiveRef" {
                resolver.lookup_recursive_ref()
            } else {
                resolver.lookup(reference)
            };
            let Ok(resolved) = resolved else { continue };
            let target = resolved.contents();
            if !target.is_object() || !pointer_of.contains_key(&std::ptr::from_ref(target)) {
                continue;
            }
            let (child, new) = graph.visit(target);
            graph.edges[id].push((child, Some((keyword, reference.to_owned()))));
            if new {
                work.push((child, target, resolved.resolver().clone()));
            }
        }
    }
    let component = graph.components();
    let mut size = vec![0usize; graph.nodes.len()];
    for &c in &component {
        size[c] += 1;
    }
    let mut cuts = Vec::new();
    for (from, edges) in graph.edges.iter().enumerate() {
        for (to, reference) in edges {
            let Some((keyword, reference)) = reference else {
                continue;
            };
            let cyclic =
                component[from] == component[*to] && (size[component[from]] > 1 || from == *to);
            if cyclic {
                if let Some(pointer) = pointer_of.get(&graph.nodes[from]) {
                    cuts.push((pointer.clone(), (*keyword).to_owned(), reference.clone()));
                }
            }
        }
    }
    cuts
}

/// The schemas a keyword holds, and whether they apply at the same place
/// in the values as the schema holding them.
fn subschemas<'a>(key: &str, value: &'a Json, legacy: bool) -> (Vec<&'a Json>, bool) {
    let objects = |v: &'a Json| -> Vec<&'a Json> {
        match v {
            Json::Object(map) => map.values().filter(|s| s.is_object()).collect(),
            _ => Vec::new(),
        }
    };
    let items = |v: &'a Json| -> Vec<&'a Json> {
        match v {
            Json::Array(items) => items.iter().filter(|s| s.is_object()).collect(),
            Json::Object(_) => vec![v],
            _ => Vec::new(),
        }
    };
    let one =
        |v: &'a Json| -> Vec<&'a Json> { vec![v].into_iter().filter(|s| s.is_object()).collect() };
    match key {
        "allOf" | "anyOf" | "oneOf" => (items(value), true),
        "not" | "if" | "then" | "else" => (one(value), true),
        "dependentSchemas" => (objects(value), true),
        "dependencies" if legacy => (objects(value), true),
        "properties" | "patternProperties" | "$defs" | "definitions" => (objects(value), false),
        "items" | "prefixItems" => (items(value), false),
        "additionalProperties"
        | "additionalItems"
        | "contains"
        | "propertyNames"
        | "unevaluatedProperties"
        | "unevaluatedItems"
        | "contentSchema" => (one(value), false),
        _ => (Vec::new(), false),
    }
}

/// Where a schema leads: the node, and the keyword and reference when it
/// leads there by one.
type Edge = (usize, Option<(&'static str, String)>);

/// Schemas and how they lead to each other.
#[derive(Default)]
struct Graph<'a> {
    nodes: Vec<*const Json>,
    index: HashMap<*const Json, usize>,
    /// Per node: where it leads, and the reference when by one.
    edges: Vec<Vec<Edge>>,
    _schema: std::marker::PhantomData<&'a Json>,
}

impl<'a> Graph<'a> {
    fn node(&mut self, schema: &'a Json) -> usize {
        self.visit(schema).0
    }

    /// The node of `schema`, and whether it is new.
    fn visit(&mut self, schema: &'a Json) -> (usize, bool) {
        let key = std::ptr::from_ref(schema);
        if let Some(&id) = self.index.get(&key) {
            return (id, false);
        }
        self.nodes.push(key);
        self.edges.push(Vec::new());
        self.index.insert(key, self.nodes.len() - 1);
        (self.nodes.len() - 1, true)
    }

    /// Each node's strongly connected component (Tarjan's algorithm,
    /// without recursion).
    fn components(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut index = vec![usize::MAX; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut component = vec![usize::MAX; n];
        let mut next_index = 0;
        let mut next_component = 0;
        for start in 0..n {
            if index[start] != usize::MAX {
                continue;
            }
            let mut calls = vec![(start, 0usize)];
            index[start] = next_index;
            low[start] = next_index;
            next_index += 1;
            stack.push(start);
            on_stack[start] = true;
            while let Some(&mut (v, ref mut edge)) = calls.last_mut() {
                if let Some(&(w, _)) = self.edges[v].get(*edge) {
                    *edge += 1;
                    if index[w] == usize::MAX {
                        index[w] = next_index;
                        low[w] = next_index;
                        next_index += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        calls.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component[w] = next_component;
                        if w == v {
                            break;
                        }
                    }
                    next_component += 1;
                }
            }
        }
        component
    }
}

/// Resolves what Helm resolves without a network: a `urn:` reference is an
/// always-true schema (Helm's default); anything else is refused.
struct Offline;

impl jsonschema::Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        if uri.scheme().as_str() == "urn" {
            return Ok(Json::Bool(true));
        }
        Err(format!(
            "it refers to `{uri}`, which Helm would fetch; chartgen does not fetch references \
             outside the schema"
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn drafts_come_from_schema_and_default_to_2020_12() {
        use jsonschema::Draft;
        assert_eq!(draft(&json!({})), Ok(Draft::Draft202012));
        assert_eq!(
            draft(&json!({"$schema": "http://json-schema.org/schema#"})),
            Ok(Draft::Draft202012)
        );
        assert_eq!(
            draft(&json!({"$schema": "https://json-schema.org/draft-04/schema#"})),
            Ok(Draft::Draft4)
        );
        assert!(draft(&json!({"$schema": "http://example.com/meta"})).is_err());
        assert!(draft(&json!({"$schema": 7})).is_err());
    }

    #[test]
    fn what_helm_cannot_use_is_an_error_not_a_panic() {
        for schema in [
            json!({"properties": {"a": {"type": "strin"}}}),
            json!({"properties": {"a": {"pattern": "(?=x)"}}}),
            json!({"properties": {"a": {"pattern": "^a{1001}$"}}}),
            json!({"patternProperties": {"(?x)a b": {}}}),
            json!({"properties": {"a": {"$ref": "http://example.com/x.json"}}}),
            json!({"properties": {"a": {"$ref": "other.json"}}}),
            json!({"$schema": "http://example.com/meta"}),
        ] {
            assert!(compile(&schema).is_err(), "{schema}");
        }
        let urn = compile(&json!({"properties": {"a": {"$ref": "urn:x:y"}}})).unwrap();
        assert!(urn.validator.is_valid(&json!({"a": 1})));
        // Recursion that moves on in the values is no loop.
        let tree = compile(&json!({"properties": {"child": {"$ref": "#"}}})).unwrap();
        assert!(tree.validator.is_valid(&json!({"child": {"child": {}}})));
    }

    /// Reference cycles in every form a reference takes fail where they
    /// are met, as Helm's validator reports them; a cycle the values never
    /// reach, or in a branch another satisfies, does not (verdicts of the
    /// Helm SDK).
    #[test]
    fn reference_cycles_fail_where_helm_meets_them() {
        let refused = [
            json!({"$ref": "#"}),
            json!({"$ref": "values.schema.json"}),
            json!({"$ref": "file:///values.schema.json"}),
            json!({"$defs": {"a": {"$anchor": "x", "$ref": "#x"}}, "$ref": "#x"}),
            json!({"$defs": {"a": {"$id": "https://example.com/a", "$ref": "https://example.com/a"}}, "$ref": "https://example.com/a"}),
            json!({"$dynamicAnchor": "m", "$dynamicRef": "#m"}),
            json!({"$defs": {"a b": {"$ref": "#/$defs/a%20b"}}, "$ref": "#/$defs/a%20b"}),
            json!({"properties": {"a": {"type": "string"}}, "dependentSchemas": {"a": {"$ref": "#"}}}),
            json!({"allOf": [{"$ref": "#/definitions/x"}], "definitions": {"x": {"allOf": [{"$ref": "#"}]}}}),
            json!({"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"a": {"$ref": "#/properties/a"}}}),
        ];
        let values = json!({"a": "x"});
        for schema in refused {
            let compiled = compile(&schema).unwrap_or_else(|e| panic!("{schema}: {e}"));
            let errors: Vec<String> = compiled
                .validator
                .iter_errors(&values)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.iter().any(|e| e.contains("a reference cycle")),
                "{schema}: {errors:?}"
            );
        }
        for (schema, values) in [
            (
                json!({"properties": {"b": {"$ref": "#/properties/b"}}}),
                json!({}),
            ),
            (json!({"not": {"$ref": "#"}}), json!({})),
            (
                json!({"anyOf": [{"$ref": "#"}, {"type": "object"}]}),
                json!({}),
            ),
            (json!({"if": {"$ref": "#"}}), json!({})),
        ] {
            let compiled = compile(&schema).unwrap();
            assert!(compiled.validator.is_valid(&values), "{schema}");
        }
    }

    /// Patterns are Go's (verdicts of the Helm SDK).
    #[test]
    fn patterns_are_go_regular_expressions() {
        let pattern = |p: &str, text: &str| {
            compile(&json!({"properties": {"a": {"pattern": p}}}))
                .unwrap()
                .validator
                .is_valid(&json!({ "a": text }))
        };
        assert!(!pattern(r"^x\sy$", "x\u{a0}y"));
        assert!(pattern(r"^[[:alpha:]]+$", "abc"));
        assert!(pattern(r"^\Qa.b\E$", "a.b"));
        assert!(pattern(r"^\<a$", "<a"));
        assert!(pattern("^.$", "\r"));
        let keys = compile(&json!({"patternProperties": {r"^\d+$": {"type": "string"}}})).unwrap();
        assert!(!keys.validator.is_valid(&json!({"3": 1})));
    }

    /// Helm reads a `$schema` ending in `#/` as the draft it names (the
    /// SDK checks `format` in draft-07 through it).
    #[test]
    fn a_schema_uri_ending_in_a_slash_names_its_draft() {
        assert_eq!(
            draft(&json!({"$schema": "http://json-schema.org/draft-07/schema#/"})),
            Ok(jsonschema::Draft::Draft7)
        );
    }

    #[test]
    fn the_regex_format_is_go_syntax() {
        let schema = json!({"$schema": "http://json-schema.org/draft-07/schema#",
            "properties": {"a": {"format": "regex"}}});
        let compiled = compile(&schema).unwrap();
        assert!(compiled.validator.is_valid(&json!({"a": "^a+$"})));
        assert!(!compiled.validator.is_valid(&json!({"a": "(?=x)"})));
        assert!(compiled.validator.is_valid(&json!({"a": r"\Qa\E"})));
    }

    #[test]
    fn formats_are_checked_before_2019_only() {
        let schema = |uri: &str| json!({"$schema": uri, "properties": {"a": {"format": "ipv4"}}});
        let bad = json!({"a": "nope"});
        let d7 = compile(&schema("http://json-schema.org/draft-07/schema#")).unwrap();
        assert!(!d7.validator.is_valid(&bad));
        let d2020 = compile(&schema("https://json-schema.org/draft/2020-12/schema")).unwrap();
        assert!(d2020.validator.is_valid(&bad));
    }
}
