#![doc = include_str!("../README.md")]
//!
//! Helm's template engine, offline: renders a chart's templates with the
//! Go-template semantics, sprig functions and values merging of
//! `helm template`, so a chart can be linted without Helm.
//!
//! The conformance tests hold this renderer byte for byte against the Helm
//! SDK's own render of every chart chartgen generates. Known differences,
//! none of which chartgen's blueprints touch:
//!
//! - subcharts, and methods on built-in objects (`.Files.Get`,
//!   `.Capabilities.APIVersions.Has`), are not available; rendering such a
//!   chart fails with an error that says so;
//! - `set`, `unset` and `merge` called for their effect change a map held
//!   in a variable (`$_ := set $labels "k" v`, see `rewrite_action`), but not a
//!   map reached otherwise (`set .Values …`, or another variable holding the
//!   same map);
//! - a field of a missing value is empty where Go fails
//!   (`.Values.absent.key`);
//! - a float printed directly reads `1000000` or `0.00001` where Go writes
//!   `1e+06` or `1e-05`.
//!
//! Values files are read as Helm reads them ([`read`]: YAML 1.1, documents
//! merged), and merged over a chart's defaults as Helm merges them.

#![deny(missing_docs)]
// An error is built at most once per render or load, on the way out; boxing
// its fields would add noise to every constructor and save nothing that
// matters.
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod dependencies;
mod error;
mod files;
pub(crate) mod goregex;
pub mod ignore;
pub mod jsonschema;
mod libyaml;
pub mod loader;
pub mod read;
pub mod release;
mod resolve;
mod sprig;
mod strconv;
pub mod strvals;
pub mod values;
mod yaml_v2;

pub use sprig::semver_range::{LowestVersion, VersionRange};

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use gotmpl::parse::Parser;
use gotmpl::{FuncMap, Template, TemplateError, Value};
use serde_json::Value as Json;

pub use error::{Error, Location, Result};

/// What `helm template` calls the release when no name is given.
pub const RELEASE_NAME: &str = "release-name";

/// The Kubernetes version `.Capabilities` reports, as Helm v4.2 does offline.
const KUBE_VERSION: (u32, u32) = (1, 36);

/// The API versions `.Capabilities.APIVersions` lists offline: Helm v4.2's
/// defaults, in its order.
const API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1",
    "resource.k8s.io/v1beta2",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha2",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// Stack left below which an `include` (or a template) continues on a new
/// stack segment: more than the template engine's own 200 levels of nesting
/// can take between two includes, even in a debug build.
const RED_ZONE: usize = 4 << 20;

/// The size of each new stack segment.
const SEGMENT: usize = 32 << 20;

/// Helm's limit on nested `include`s of one template name.
const MAX_INCLUDE_DEPTH: u32 = 1000;

/// A chart's files as text, by path relative to the chart folder.
#[derive(Debug, Clone)]
pub struct ChartFiles {
    /// The chart's name (Chart.yaml's `name`), which prefixes template names.
    pub name: String,
    /// Every text file, `/`-separated paths relative to the chart folder.
    pub files: BTreeMap<String, String>,
    /// Whether the chart has subcharts (under `charts/` or as
    /// dependencies), which are not read.
    pub subcharts: bool,
}

/// The release a chart is rendered for.
#[derive(Debug, Clone)]
pub struct Release {
    /// `.Release.Name`.
    pub name: String,
    /// `.Release.Namespace`.
    pub namespace: String,
    /// `.Release.IsInstall`: true as `helm install` and `helm template`
    /// render, false (the default) as `helm lint` does, so a chart's
    /// install-time checks (`required` secrets) leave lint alone.
    pub install: bool,
}

impl Default for Release {
    fn default() -> Self {
        Release {
            name: RELEASE_NAME.into(),
            namespace: "default".into(),
            install: false,
        }
    }
}

/// The templates that render to files, with their text after rendering, by
/// template name (`<chart>/templates/<file>`). Partials (`_*.tpl`) render to
/// nothing and are left out, as Helm leaves them out.
pub type Rendered = BTreeMap<String, String>;

/// Renders `chart` with `values` (already merged over the chart's defaults,
/// see [`coalesce`]) for `release`, as `helm template` does.
pub fn render(chart: &ChartFiles, values: &Json, release: &Release) -> Result<Rendered> {
    Renderer::new(chart)?.render(values, release)
}

/// A chart parsed once, to render with many values.
pub struct Renderer {
    name: String,
    metadata: Value,
    templates: Templates,
}

impl Renderer {
    /// Parses `chart`'s Chart.yaml and templates.
    pub fn new(chart: &ChartFiles) -> Result<Self> {
        if chart.subcharts {
            return Err(files::subcharts(&chart.name));
        }
        Ok(Renderer {
            name: chart.name.clone(),
            metadata: chart_metadata(chart)?,
            templates: parse_templates(chart)?,
        })
    }

    /// Renders the chart with `values` (already merged over the chart's
    /// defaults, see [`coalesce`]) for `release`, as `helm template` does.
    ///
    /// Templates may nest `include`s a thousand deep per name, as Helm
    /// allows; when the thread's stack runs low, rendering continues on a
    /// new stack segment rather than overflowing it.
    pub fn render(&self, values: &Json, release: &Release) -> Result<Rendered> {
        INCLUDED.with(|i| i.borrow_mut().clear());
        self.render_here(values, release)
    }

    fn render_here(&self, values: &Json, release: &Release) -> Result<Rendered> {
        let base_path = format!("{}/templates", self.name);
        let top = [
            ("Values", to_value(values)),
            ("Chart", self.metadata.clone()),
            (
                "Release",
                map([
                    ("Name", string(&release.name)),
                    ("Namespace", string(&release.namespace)),
                    ("IsUpgrade", Value::Bool(false)),
                    ("IsInstall", Value::Bool(release.install)),
                    ("Revision", Value::Int(1)),
                    ("Service", string("Helm")),
                ]),
            ),
            ("Capabilities", capabilities()),
            ("Files", map([])),
            ("Subcharts", map([])),
        ];
        let templates = &self.templates;
        let _rendering = Rendering::enter(Arc::clone(&templates.set));
        let mut out = Rendered::new();
        for name in &templates.files {
            let base = name.rsplit('/').next().unwrap_or(name);
            if base.starts_with('_') {
                continue;
            }
            let mut data: BTreeMap<Arc<str>, Value> = top
                .iter()
                .map(|(key, value)| (Arc::from(*key), value.clone()))
                .collect();
            data.insert(
                "Template".into(),
                map([("Name", string(name)), ("BasePath", string(&base_path))]),
            );
            let data = Value::Map(Arc::new(data));
            let text = stacker::maybe_grow(RED_ZONE, SEGMENT, || {
                templates.set.execute_template_to_string(name, &data)
            })
            .map_err(|e| render_error(name, &e))?;
            out.insert(name.clone(), text.replace("<no value>", ""));
        }
        Ok(out)
    }
}

/// The values a chart without subcharts renders with: `user` (the values
/// files, stacked with [`stack`]) over the chart's `defaults`, merged as
/// Helm merges them ([`values::coalesce_values`]).
pub fn coalesce(defaults: &Json, user: &Json) -> Json {
    let empty = serde_json::Map::new();
    let defaults = defaults.as_object().unwrap_or(&empty);
    let user = user.as_object().unwrap_or(&empty);
    Json::Object(values::coalesce_defaults(defaults, user))
}

/// Stacks values files as `helm install -f a -f b` does before merging them
/// over the defaults ([`values::merge_maps`]).
pub fn stack(files: &[Json]) -> Json {
    let mut stacked = serde_json::Map::new();
    for file in files {
        if let Json::Object(map) = file {
            values::merge_maps(&mut stacked, map.clone());
        }
    }
    Json::Object(stacked)
}

/// Every template of a chart parsed, and the set they define together.
struct Templates {
    /// The template files that render to output, by template name.
    files: Vec<String>,
    /// All definitions and file bodies, in Helm's override order.
    set: Arc<Template>,
}

fn parse_templates(chart: &ChartFiles) -> Result<Templates> {
    let mut parsed = Vec::new();
    for (path, text) in &chart.files {
        if !path.starts_with("templates/") {
            continue;
        }
        let name = format!("{}/{path}", chart.name);
        let source = prepare(text);
        let (body, defines) = Parser::with_name(Some(&name), &source, "{{", "}}")
            .and_then(Parser::parse)
            .map_err(|e| render_error(&name, &e))?;
        parsed.push((name, body, defines));
    }
    // Helm parses the deepest paths first, then in reverse lexical order; a
    // later definition of a name replaces an earlier one, unless it is empty.
    parsed.sort_by(|(a, ..), (b, ..)| {
        let depth = |s: &str| s.matches('/').count();
        depth(b).cmp(&depth(a)).then_with(|| b.cmp(a))
    });
    let mut set = base();
    let mut files = Vec::new();
    for (name, body, defines) in parsed {
        for define in defines {
            if !define.body.is_empty_tree() || set.lookup(&define.name).is_none() {
                set = set.add_parse_tree(&define.name, define.body);
            }
        }
        set = set.add_parse_tree(&name, body);
        files.push(name);
    }
    files.sort();
    Ok(Templates {
        files,
        set: Arc::new(set),
    })
}

/// An empty template set with Helm's functions, built once per process.
fn base() -> Template {
    static BASE: OnceLock<Template> = OnceLock::new();
    BASE.get_or_init(|| Template::new("").funcs(functions()))
        .clone()
}

/// The template set being rendered on this thread, which `include` and
/// `tpl` run templates of.
fn current() -> gotmpl::Result<Arc<Template>> {
    CURRENT
        .with(|c| c.borrow().clone())
        .ok_or_else(|| exec("include and tpl work only while a chart renders"))
}

/// Makes `set` the thread's current set until dropped.
struct Rendering(Option<Arc<Template>>);

impl Rendering {
    fn enter(set: Arc<Template>) -> Self {
        Rendering(CURRENT.with(|c| c.replace(Some(set))))
    }
}

impl Drop for Rendering {
    fn drop(&mut self) {
        CURRENT.with(|c| *c.borrow_mut() = self.0.take());
    }
}

/// Helm's template functions: sprig's, and Helm's own.
fn functions() -> FuncMap {
    let mut funcs = sprig::funcs();
    // Helm's `slice` is sprig's, which replaces Go's built-in one.
    if let Some(slice) = funcs.get("mustSlice").cloned() {
        funcs.insert("slice".into(), slice);
    }
    let mut add = |name: &str, f: gotmpl::ValueFunc| {
        funcs.insert(name.to_owned(), f);
    };
    add(
        "include",
        Arc::new(|args| {
            let (name, data) = match args {
                [name, data] => (name, data.clone()),
                [name] => (name, Value::Nil),
                _ => return Err(exec("include: wants a template name and its data")),
            };
            let name = name
                .as_str()
                .ok_or_else(|| exec("include: the template name must be a string"))?;
            let set = current()?;
            if set.lookup(name).is_none() {
                return Err(exec(format!(
                    "error calling include: template: no template \"{name}\" associated with template \"gotpl\""
                )));
            }
            nested(name, || set.execute_template_to_string(name, &data)).map(|s| string(&s))
        }),
    );
    add(
        "tpl",
        Arc::new(|args| {
            let [text, data] = args else {
                return Err(exec("tpl: wants a template text and its data"));
            };
            let text = text
                .as_str()
                .ok_or_else(|| exec("tpl: the template text must be a string"))?;
            // The text may define templates and include them: it runs in a
            // copy of the set with its own definitions added.
            let set = current()?;
            let template = Arc::new((*set).clone().parse(&prepare(text))?);
            let _rendering = Rendering::enter(Arc::clone(&template));
            // Helm does not count `tpl` against the include limit.
            let output =
                stacker::maybe_grow(RED_ZONE, SEGMENT, || template.execute_to_string(data))?;
            Ok(string(&output.replace("<no value>", "")))
        }),
    );
    add(
        "required",
        Arc::new(|args| {
            let [message, value] = args else {
                return Err(exec("required: wants a message and a value"));
            };
            match value {
                Value::Nil => Err(exec(message.to_string())),
                Value::String(s) if s.is_empty() => Err(exec(message.to_string())),
                other => Ok(other.clone()),
            }
        }),
    );
    add(
        "fail",
        Arc::new(|args| {
            let message = args.first().map(ToString::to_string).unwrap_or_default();
            Err(exec(message))
        }),
    );
    // Offline there is no cluster: `lookup` finds nothing, as in `helm template`.
    add("lookup", Arc::new(|_| Ok(map([]))));
    for name in ["toYaml", "mustToYaml"] {
        add(
            name,
            Arc::new(|args| Ok(string(&yaml_v2::to_yaml(first(args))))),
        );
    }
    for name in ["toJson", "mustToJson"] {
        add(
            name,
            Arc::new(|args| Ok(string(&yaml_v2::to_json(first(args))))),
        );
    }
    // `fromYaml`, `fromYamlArray`, `fromJson`, `fromJsonArray`.
    for (name, array, yaml) in [
        ("fromYaml", false, true),
        ("fromYamlArray", true, true),
        ("fromJson", false, false),
        ("fromJsonArray", true, false),
    ] {
        add(
            name,
            Arc::new(move |args| Ok(from_text(first(args), array, yaml))),
        );
    }
    funcs
}

/// A template's text as the engine should read it: each action rewritten
/// where the engine's behaviour differs from Go's ([`rewrite_action`]).
/// String literals are skipped, so nothing inside one is touched; text with
/// an unterminated action is left for the parser to report.
fn prepare(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = find_open(rest) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(len) = action_len(after) else {
            out.push_str(&rest[open..]);
            return out;
        };
        rewrite_action(&after[..len], &mut out);
        rest = &after[len + 2..];
    }
    out.push_str(rest);
    out
}

/// Where the first `{{` of `text` is: a search for `{` (memchr), then a
/// look at the next byte, several times faster than a search for the pair.
fn find_open(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find('{') {
        let at = from + i;
        if text.as_bytes().get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The length of an action's body: up to its `}}`, outside string, raw
/// string and character literals, and through a comment to its `*/`.
fn action_len(after: &str) -> Option<usize> {
    let bytes = after.as_bytes();
    let body = after.trim_start_matches('-').trim_start();
    let mut i = after.len() - body.len();
    if body.starts_with("/*") {
        i += after[i..].find("*/")? + 2;
        return Some(i + after[i..].find("}}")?);
    }
    while i < bytes.len() {
        match bytes[i] {
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i),
            quote @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => i += after[i + 1..].find('`')? + 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// One action (`body` is what stands between `{{` and `}}`), as the engine
/// should read it:
///
/// - `{{- /* comment */}}`: the engine trims the text after it too, Go only
///   before; it becomes an empty action that trims before, then the comment
///   with no trim markers. Lines stay where they were.
/// - `{{ $_ := set $labels "k" v }}` (or `unset`, `merge`,
///   `mergeOverwrite`): sprig changes the map it is given and charts call
///   it for that alone, but the engine's maps cannot change; the call's
///   result is assigned to the variable, then to `$_`, as Go would leave
///   them. A map reached otherwise (`set .Values …`, or through another
///   variable) still does not change.
fn rewrite_action(body: &str, out: &mut String) {
    static CALL: OnceLock<regex::Regex> = OnceLock::new();
    let unchanged = |out: &mut String| {
        out.push_str("{{");
        out.push_str(body);
        out.push_str("}}");
    };
    let trimmed = body.trim_start_matches('-').trim_start();
    if !trimmed.starts_with("/*") && !trimmed.starts_with("$_") {
        return unchanged(out);
    }
    let left = ["- ", "-\t", "-\n", "-\r"]
        .iter()
        .any(|m| body.starts_with(m));
    let right = body.ends_with('-') && body[..body.len() - 1].ends_with(char::is_whitespace);
    let inner = body
        .get(usize::from(left)..body.len() - usize::from(right))
        .unwrap_or(body);
    let inner = inner.trim();
    let (open, close) = (
        if left { "{{- " } else { "{{ " },
        if right { " -}}" } else { " }}" },
    );
    if inner.starts_with("/*") && inner.ends_with("*/") {
        return match (left, right) {
            (true, false) => {
                out.push_str("{{- \"\" }}{{");
                out.push_str(inner);
                out.push_str("}}");
            }
            _ => unchanged(out),
        };
    }
    let call = CALL.get_or_init(|| {
        regex::Regex::new(
            r"(?s)^\$_\s*(:?=)\s*(set|unset|merge|mergeOverwrite|mustMerge|mustMergeOverwrite)\s+(\$[A-Za-z_][A-Za-z0-9_]*)(\s.*)$",
        )
        .expect("the pattern is valid")
    });
    match call.captures(inner) {
        Some(c) if !has_pipe(inner) => {
            let (declare, func, var, args) = (&c[1], &c[2], &c[3], &c[4]);
            let _ = write!(
                out,
                "{open}{var} = {func} {var}{args} }}}}{{{{ $_ {declare} {var}{close}"
            );
        }
        _ => unchanged(out),
    }
}

/// Whether an action's pipeline has a `|` outside literals and outside
/// parentheses (`set $x "k" (.v | upper)` pipes an argument, not the call).
fn has_pipe(action: &str) -> bool {
    let mut quote = None;
    let mut escaped = false;
    let mut depth = 0usize;
    for c in action.chars() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some('`') if c == '`' => quote = None,
            Some(q) if q != '`' && c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if c == '(' => depth += 1,
            None if c == ')' => depth = depth.saturating_sub(1),
            None if c == '|' && depth == 0 => return true,
            None => {}
        }
    }
    false
}

// Helm binds `include` and `tpl` to the set being rendered for each render.
// Here they find it through these thread-locals, set for the length of a
// render (`Rendering`): binding them per render means adding two functions to
// a copy of the set, and gotmpl copies its whole map of ~230 functions to add
// any; that cost about 3% of `cargo bench --bench template` (median 0.470 vs
// 0.457 ms over six interleaved runs). A render runs on one thread and
// restores the previous set when it ends (`tpl` nests one), so the globals
// hold no state between renders.
thread_local! {
    /// How deeply each template name is being included right now.
    static INCLUDED: RefCell<HashMap<String, u32>> = RefCell::default();
    /// The template set being rendered on this thread.
    static CURRENT: RefCell<Option<Arc<Template>>> = const { RefCell::new(None) };
}

/// Runs a nested template execution, refusing runaway recursion as Helm does.
fn nested(name: &str, run: impl FnOnce() -> gotmpl::Result<String>) -> gotmpl::Result<String> {
    let depth = INCLUDED.with(|i| i.borrow().get(name).copied().unwrap_or(0));
    if depth > MAX_INCLUDE_DEPTH {
        return Err(exec(format!(
            "rendering template has a nested reference name: {name}: unable to execute template"
        )));
    }
    INCLUDED.with(|i| {
        let mut included = i.borrow_mut();
        match included.get_mut(name) {
            Some(count) => *count += 1,
            None => {
                included.insert(name.to_owned(), 1);
            }
        }
    });
    // Counted down on the way out, even when a function panics and the
    // engine catches it further up.
    struct Leave<'a>(&'a str);
    impl Drop for Leave<'_> {
        fn drop(&mut self) {
            INCLUDED.with(|i| {
                if let Some(count) = i.borrow_mut().get_mut(self.0) {
                    *count = count.saturating_sub(1);
                }
            });
        }
    }
    let _leave = Leave(name);
    stacker::maybe_grow(RED_ZONE, SEGMENT, run)
}

/// `fromYaml` and friends: text to a map (or list); on failure, a map (or
/// list) holding the error, as Helm returns it.
fn from_text(text: &Value, array: bool, yaml: bool) -> Value {
    let text = text.as_str().unwrap_or("");
    let parsed: std::result::Result<Json, String> = if yaml {
        read::unmarshal(text).map_err(|e| e.message)
    } else {
        serde_json::from_str(text).map_err(|e| e.to_string())
    };
    match (parsed, array) {
        (Ok(Json::Null), false) => map([]),
        (Ok(value @ Json::Object(_)), false) | (Ok(value @ Json::Array(_)), true) => {
            to_value(&value)
        }
        (Ok(_), false) => map([("Error", string("cannot unmarshal into a map"))]),
        (Ok(_), true) => Value::List(Arc::from(vec![string("cannot unmarshal into a list")])),
        (Err(e), false) => map([("Error", string(&e))]),
        (Err(e), true) => Value::List(Arc::from(vec![string(&e)])),
    }
}

fn first(args: &[Value]) -> &Value {
    args.first().unwrap_or(&Value::Nil)
}

fn exec(message: impl Into<String>) -> TemplateError {
    TemplateError::Exec(message.into())
}

fn render_error(template: &str, error: &TemplateError) -> Error {
    let mut message = error.to_string();
    if message.contains("can't give argument to non-function") {
        message.push_str(
            "\n  help: chartgen's renderer has no methods such as `.Files.Get` or \
             `.Capabilities.APIVersions.Has`; lint this chart's rendered output instead: \
             `helm template CHART | chartgen lint -`",
        );
    }
    let (line, column) = match error {
        TemplateError::Parse { line, col, .. } | TemplateError::Lex { line, col, .. } => {
            (Some(*line), Some(*col))
        }
        _ => (None, None),
    };
    Error::Template {
        name: template.into(),
        line,
        column,
        message,
    }
}

/// `.Chart`: Chart.yaml's fields under the names Helm's Go struct gives them.
fn chart_metadata(chart: &ChartFiles) -> Result<Value> {
    let text = chart.files.get("Chart.yaml").ok_or_else(|| Error::Chart {
        path: format!("{}/Chart.yaml", chart.name).into(),
        message: "missing; a chart needs a Chart.yaml".into(),
    })?;
    let file = format!("{}/Chart.yaml", chart.name);
    let metadata = loader::Metadata::parse(&file, text)?;
    let go_name = |key: &str| -> String {
        match key {
            "apiVersion" => "APIVersion".into(),
            "appVersion" => "AppVersion".into(),
            "kubeVersion" => "KubeVersion".into(),
            other => {
                let mut chars = other.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    };
    const STRINGS: [&str; 11] = [
        "Name",
        "Version",
        "Description",
        "APIVersion",
        "AppVersion",
        "KubeVersion",
        "Type",
        "Home",
        "Icon",
        "Condition",
        "Tags",
    ];
    let mut out: BTreeMap<Arc<str>, Value> = BTreeMap::new();
    for key in STRINGS {
        out.insert(key.into(), string(""));
    }
    for key in ["Keywords", "Maintainers", "Sources", "Dependencies"] {
        out.insert(key.into(), Value::List(Arc::from(Vec::new())));
    }
    out.insert("Annotations".into(), map([]));
    out.insert("Deprecated".into(), Value::Bool(false));
    out.insert("IsRoot".into(), Value::Bool(true));
    for (key, value) in &metadata.raw {
        let key = go_name(key);
        let known = out.contains_key(key.as_str());
        // Helm's fields keep their zero value for a null, and its string
        // fields hold a number or a boolean as its text.
        let value = match value {
            Json::Null if known => continue,
            _ if STRINGS.contains(&key.as_str()) => match loader::go_string(value) {
                Some(text) => string(&text),
                None => to_value(value),
            },
            _ => to_value(value),
        };
        out.insert(key.into(), value);
    }
    // Helm reads a chart without `apiVersion` as a v1 chart.
    out.insert("APIVersion".into(), string(&metadata.api_version));
    Ok(Value::Map(Arc::new(out)))
}

fn capabilities() -> Value {
    let (major, minor) = KUBE_VERSION;
    let version = format!("v{major}.{minor}.0");
    map([
        (
            "KubeVersion",
            map([
                ("Version", string(&version)),
                ("GitVersion", string(&version)),
                ("Major", string(&major.to_string())),
                ("Minor", string(&minor.to_string())),
            ]),
        ),
        (
            "APIVersions",
            Value::List(API_VERSIONS.iter().map(|v| string(v)).collect()),
        ),
        ("HelmVersion", map([("Version", string("v4.2"))])),
    ])
}

/// A values document as the template engine sees it. Helm reads values
/// through JSON, so every number is a float.
pub(crate) fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        Json::String(s) => string(s),
        Json::Array(items) => Value::List(items.iter().map(to_value).collect()),
        Json::Object(fields) => Value::Map(Arc::new(
            fields
                .iter()
                .map(|(k, v)| (Arc::from(k.as_str()), to_value(v)))
                .collect(),
        )),
    }
}

fn string(s: &str) -> Value {
    Value::String(Arc::from(s))
}

fn map<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Map(Arc::new(
        entries
            .into_iter()
            .map(|(k, v)| (Arc::from(k), v))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Renders one template file `t.yaml` of a chart named `c`.
    fn render_one(template: &str, values: Json) -> Result<String> {
        let chart = ChartFiles {
            name: "c".into(),
            files: BTreeMap::from([
                (
                    "Chart.yaml".to_owned(),
                    "apiVersion: v2\nname: c\nversion: 0.1.0\n".to_owned(),
                ),
                ("templates/t.yaml".to_owned(), template.to_owned()),
            ]),
            subcharts: false,
        };
        let mut out = render(&chart, &values, &Release::default())?;
        Ok(out.remove("c/templates/t.yaml").unwrap_or_default())
    }

    /// `.Chart` holds what Helm's Metadata struct holds: an absent
    /// `apiVersion` read as v1, numbers in string fields as their text,
    /// a null field left empty (Helm's output for this chart).
    #[test]
    fn chart_fields_read_as_helm_reads_them() {
        let chart = ChartFiles::in_memory(
            "c".into(),
            BTreeMap::from([
                (
                    "Chart.yaml".to_owned(),
                    "name: c\nversion: 0.1.0\nappVersion: 1.10\nkeywords: ~\n".to_owned(),
                ),
                (
                    "templates/t.txt".to_owned(),
                    "a={{ .Chart.APIVersion }} k={{ kindOf .Chart.AppVersion }} \
                     v={{ .Chart.AppVersion }} kw={{ .Chart.Keywords }} \
                     t={{ toJson .Chart.AppVersion }}"
                        .to_owned(),
                ),
            ]),
        );
        let out = render(&chart, &json!({}), &Release::default()).unwrap();
        assert_eq!(
            out["c/templates/t.txt"],
            r#"a=v1 k=string v=1.1 kw=[] t="1.1""#
        );
    }

    #[test]
    fn comments_trim_only_the_side_with_a_marker() {
        // As Go's text/template: `{{- /* */}}` trims before, not after.
        assert_eq!(
            render_one("a\n{{- /* c */}}\nb", json!({})).unwrap(),
            "a\nb"
        );
        assert_eq!(
            render_one("a\n{{- /* c */ -}}\nb", json!({})).unwrap(),
            "ab"
        );
        assert_eq!(
            render_one("a\n{{/* c */ -}}\nb", json!({})).unwrap(),
            "a\nb"
        );
    }

    #[test]
    fn literals_are_never_rewritten() {
        let template = r#"{{ "{{- /* s */}}" }}|{{ `{{ $_ := set $x "k" 1 }}` }}"#;
        assert_eq!(
            render_one(template, json!({})).unwrap(),
            r#"{{- /* s */}}|{{ $_ := set $x "k" 1 }}"#
        );
        let template = "{{ tpl \"a\\n{{- /* x */}}\\nb\" . }}";
        assert_eq!(render_one(template, json!({})).unwrap(), "a\nb");
    }

    #[test]
    fn maps_change_in_place_through_their_variable() {
        let template = r#"{{- $x := dict -}}
{{- range $k, $v := .Values.m }}{{ $_ := set $x $k $v }}{{ end -}}
{{- $_ := unset $x "drop" -}}
{{- $_ := set $x "b" ("v" | upper) -}}
{{ toJson $x }} {{ $_ }} {{ $_ := set $x "p" 1 | len }}"#;
        let values = json!({"m": {"a": 1, "drop": 2}});
        // A pipe inside an argument still changes the map; a piped call is
        // left alone: `$_` is its length, `$x` unchanged.
        assert_eq!(
            render_one(template, values).unwrap(),
            r#"{"a":1,"b":"V"} map[a:1 b:V] "#
        );
    }

    #[test]
    fn tpl_can_define_what_it_includes() {
        let template = r#"{{ tpl "{{ define \"inner\" }}I{{ end }}{{ include \"inner\" . }}" . }}"#;
        assert_eq!(render_one(template, json!({})).unwrap(), "I");
        let template = r#"{{ tpl .Values.text . }}"#;
        let text = json!({"text": "{{ .Release.Name }}-{{ .Values.n }}", "n": 2});
        assert_eq!(render_one(template, text).unwrap(), "release-name-2");
    }

    #[test]
    fn runaway_includes_stop_with_an_error() {
        let template =
            r#"{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}"#;
        let error = render_one(template, json!({})).unwrap_err().to_string();
        assert!(error.contains("nested reference name: loop"), "{error}");
    }

    #[test]
    fn missing_values_render_empty_and_required_fails() {
        assert_eq!(
            render_one("[{{ .Values.absent }}]", json!({})).unwrap(),
            "[]"
        );
        let error = render_one(r#"{{ required "set x" .Values.x }}"#, json!({}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("set x"), "{error}");
    }

    #[test]
    fn stacked_files_then_defaults() {
        let defaults = json!({"a": {"b": 1, "c": 2}, "d": null, "e": [1, 2]});
        let user = stack(&[json!({"a": {"b": 10}, "e": [3]}), json!({"a": {"c": null}})]);
        assert_eq!(
            coalesce(&defaults, &user),
            json!({"a": {"b": 10}, "e": [3]})
        );
    }
}
