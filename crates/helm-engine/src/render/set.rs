//! One render of a chart tree, as Helm's `renderWithReferences` does it:
//! every template of the tree parsed into one set in Helm's order
//! ([`super::order`]), then each file that renders executed with its
//! chart's top objects ([`super::objects`]), `.Template` set first,
//! `missingkey=zero`, `<no value>` removed from the file's text; errors
//! worded as Helm words them ([`super::errors`]).
//!
//! The function table is the caller's: Go's builtins, sprig's and Helm's
//! value functions, then [`super::funcs::register`] for the ones bound to
//! a render.

use std::sync::Arc;

use gotemplate::{FuncTable, MissingKey, TemplateSet, Value};
use serde_json::Value as Json;

use super::capabilities::Capabilities;
use super::errors::{exec_error, parse_error};
use super::funcs::State;
use super::objects::{
    chart_tops, mark_set_integers, register_values_methods, root_values, set_template, Release,
};
use super::order::{templates, Template};
use crate::error::{Error, Result};
use crate::loader::LoadedChart;
use crate::Rendered;

/// A chart tree's templates parsed into one set.
pub struct Renderer {
    set: TemplateSet,
    templates: Vec<Template>,
}

/// What a render is for.
#[derive(Debug, Clone)]
pub struct Target {
    /// `.Release`.
    pub release: Release,
    /// `.Capabilities`.
    pub capabilities: Capabilities,
    /// Render as `helm lint` does: `required` and `fail` give "".
    pub lint: bool,
    /// What `--set` gave on its own: its integers are Go `int64`s in
    /// Helm, where every other number of the values is a `float64`
    /// ([`mark_set_integers`]).
    pub set: serde_json::Map<String, Json>,
}

impl Renderer {
    /// Parses every template of `chart` (dependencies processed) with
    /// `funcs`. The first that fails is Helm's `parse error at (…)`.
    pub fn new(chart: &LoadedChart, funcs: Arc<FuncTable>) -> Result<Renderer> {
        let templates = templates(chart)?;
        let mut set = TemplateSet::new(funcs);
        set.options.missing_key = MissingKey::Zero;
        register_values_methods(&mut set);
        for t in &templates {
            set.parse_shared(&t.name, t.text.clone())
                .map_err(|e| template_error(&t.name, &e, parse_error(&t.name, &e)))?;
        }
        Ok(Renderer { set, templates })
    }

    /// Renders every file of `chart` (the tree this renderer parsed) with
    /// `values` (coalesced, as the root's `.Values`) for `target`: the
    /// rendered text by template name, partials left out, `NOTES.txt`
    /// files kept.
    pub fn render(
        &self,
        chart: &LoadedChart,
        values: &serde_json::Map<String, Json>,
        target: &Target,
    ) -> Result<Rendered> {
        let root = root_values(values);
        mark_set_integers(chart, &root, &target.set);
        let tops = chart_tops(chart, root, &target.release, &target.capabilities);
        let mut state = State::new(target.lint);
        let mut out = Rendered::new();
        for t in self.templates.iter().filter(|t| t.renders) {
            let Some(top) = tops.get(&t.chart) else {
                return Err(Error::Chart {
                    path: chart.source.clone().into(),
                    message: format!(
                        "has no chart `{}`, whose templates this renderer parsed: render the \
                         chart it was made from",
                        t.chart
                    ),
                });
            };
            set_template(&top.top, &t.name, &t.base_path);
            let text = self
                .set
                .execute_with(&t.name, Value::Map(top.top.clone()), &mut state)
                .map_err(|e| template_error(&t.name, &e, exec_error(&t.name, &e)))?;
            out.insert(t.name.clone(), strip_no_value(text));
        }
        Ok(out)
    }
}

/// Helm's `strings.ReplaceAll(text, "<no value>", "")` on rendered text
/// (a file's or `tpl`'s): the text is searched with a vectorised finder
/// and kept as it is when it holds none, as it nearly always does.
pub(super) fn strip_no_value(text: String) -> String {
    if memchr::memmem::find(text.as_bytes(), b"<no value>").is_none() {
        return text;
    }
    text.replace("<no value>", "")
}

/// Parses and renders `chart` in one go (see [`Renderer`]).
pub fn render(
    chart: &LoadedChart,
    funcs: Arc<FuncTable>,
    values: &serde_json::Map<String, Json>,
    target: &Target,
) -> Result<Rendered> {
    Renderer::new(chart, funcs)?.render(chart, values, target)
}

/// A template error carrying Helm's words; its line and column are those
/// of the outermost place Go names.
fn template_error(name: &str, e: &gotemplate::Error, message: String) -> Error {
    Error::Template {
        name: name.to_owned(),
        line: (e.line > 0).then_some(e.line),
        column: e.column,
        message,
    }
}

#[cfg(test)]
mod tests;
