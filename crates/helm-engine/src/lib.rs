#![doc = include_str!("../README.md")]
//!
//! Helm's template engine, offline: renders a chart's templates with the
//! Go-template semantics ([`gotemplate`]), sprig functions and values
//! merging of `helm template`, so a chart can be linted without Helm.
//!
//! The conformance tests hold this renderer byte for byte against the Helm
//! SDK's own render of every chart chartgen generates. [`Renderer`] and
//! [`render()`] take a chart without subcharts ([`ChartFiles`]); the render
//! layer ([`render`](mod@render)) renders a whole chart tree. What the
//! engine cannot yet do as Go does is listed there.
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
mod fastyaml;
mod files;
pub(crate) mod goregex;
pub mod ignore;
pub mod jsonschema;
mod libyaml;
pub mod loader;
pub mod read;
pub mod release;
pub mod render;
mod resolve;
mod sprig;
mod strconv;
pub mod strvals;
pub mod values;
mod yaml_v2;

/// Checks, for fuzzing, that the fast YAML reader and libyaml agree on
/// `text`: panics when the fast reader reads a text libyaml refuses, or
/// gives other events or marks.
#[doc(hidden)]
pub fn check_fast_yaml(text: &str) {
    fastyaml::check_against_libyaml(text);
}

pub use sprig::semver_range::{LowestVersion, VersionRange};

use std::collections::BTreeMap;

use serde_json::Value as Json;

pub use error::{Error, Location, Result};

use loader::LoadedChart;
use render::capabilities::Capabilities;
use render::set::Target;

/// What `helm template` calls the release when no name is given.
pub const RELEASE_NAME: &str = "release-name";

/// A chart's files, by path relative to the chart folder.
#[derive(Debug, Clone)]
pub struct ChartFiles {
    /// The chart's name (Chart.yaml's `name`), which prefixes template names.
    pub name: String,
    /// The files chartgen reads as text: Chart.yaml, the values files,
    /// `values.schema.json` and everything under `templates/`
    /// (`/`-separated paths).
    pub files: BTreeMap<String, String>,
    /// Every other file (outside `charts/`), as bytes: what templates read
    /// through `.Files`.
    pub other: BTreeMap<String, Vec<u8>>,
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

/// A chart parsed once, to render with many values: the render layer's
/// [`render::set::Renderer`] on a chart without subcharts.
pub struct Renderer {
    chart: LoadedChart,
    set: render::set::Renderer,
}

impl Renderer {
    /// Parses `chart`'s Chart.yaml and templates.
    pub fn new(chart: &ChartFiles) -> Result<Self> {
        if chart.subcharts {
            return Err(files::subcharts(&chart.name));
        }
        // The values arrive merged with each render, so `values.yaml` is
        // not read here, as it was not before rendering moved to the
        // render layer.
        let files = chart
            .files
            .iter()
            .filter(|(path, _)| path.as_str() != "values.yaml")
            .map(|(path, text)| (path.clone(), text.clone().into_bytes()))
            .chain(chart.other.iter().map(|(p, b)| (p.clone(), b.clone())))
            .collect();
        let loaded = loader::load_files(files, &chart.name)?;
        let set = render::set::Renderer::new(&loaded, render::funcs::table())?;
        Ok(Renderer { chart: loaded, set })
    }

    /// Renders the chart with `values` (already merged over the chart's
    /// defaults, see [`coalesce`]) for `release`, as `helm template` does.
    pub fn render(&self, values: &Json, release: &Release) -> Result<Rendered> {
        let empty = serde_json::Map::new();
        let values = values.as_object().unwrap_or(&empty);
        let target = Target {
            release: render::objects::Release {
                name: release.name.clone(),
                namespace: release.namespace.clone(),
                is_install: release.install,
                is_upgrade: false,
            },
            capabilities: Capabilities::new(None, &[]),
            lint: false,
            set: serde_json::Map::new(),
        };
        self.set.render(&self.chart, values, &target)
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
            other: BTreeMap::new(),
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
        // As in Go, the map changes wherever it is reached from: through a
        // pipe inside an argument, and through a piped call (whose result
        // `$_` then holds: its length).
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
    fn go_map_and_slice_types_encode_as_maps_and_lists() {
        // As the Helm v4.2.3 SDK renders them: `.Files` is a
        // `map[string][]byte`, `.Capabilities.APIVersions` a `[]string`.
        let chart = ChartFiles {
            name: "c".into(),
            files: BTreeMap::from([
                (
                    "Chart.yaml".to_owned(),
                    "apiVersion: v2\nname: c\nversion: 0.1.0\n".to_owned(),
                ),
                (
                    "templates/t.yaml".to_owned(),
                    "{{ toJson .Files }}|{{ toYaml .Files }}|{{ toJson .Capabilities.APIVersions | len }}|{{ join \",\" (slice .Capabilities.APIVersions 0 2) }}".to_owned(),
                ),
            ]),
            other: BTreeMap::from([("x.txt".to_owned(), b"hi\n".to_vec())]),
            subcharts: false,
        };
        let out = render(&chart, &json!({}), &Release::default()).unwrap();
        assert_eq!(
            out["c/templates/t.yaml"],
            r#"{"x.txt":"aGkK"}|x.txt: aGkK|1430|v1,admissionregistration.k8s.io/v1"#
        );
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
