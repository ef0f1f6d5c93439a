//! Which templates a chart tree holds and in what order Helm parses and
//! renders them (`pkg/engine/engine.go` `allTemplates`, `sortTemplates`).
//!
//! - Every chart of the tree contributes its `templates/…` files, named
//!   `ChartFullPath/templates/…` (`web/charts/redis/templates/x.yaml`);
//!   a library chart (`type: library`, any case) only its partials, the
//!   files whose base name starts with `_`.
//! - Helm parses them deepest path first (most `/`), then in reverse
//!   byte order; a later non-empty `define` of a name replaces an earlier
//!   one, so a parent's definitions override its subcharts'.
//! - It renders them in the same order, skipping partials. `NOTES.txt`
//!   files render too (a failure there fails the render); dropping them
//!   from the output is `helm template`'s business. Since maps are shared,
//!   the order shows: `templates/b.yaml` renders before `templates/a.yaml`
//!   and does not see what `a.yaml` `set`s.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::loader::LoadedChart;

/// One template of the chart tree.
#[derive(Debug, Clone)]
pub struct Template {
    /// The name templates and errors know it by:
    /// `ChartFullPath/templates/x.yaml`.
    pub name: String,
    /// The chart's `ChartFullPath`, the key of its top objects
    /// ([`super::objects::chart_tops`]).
    pub chart: String,
    /// `.Template.BasePath`: `ChartFullPath/templates`.
    pub base_path: String,
    /// The text.
    pub text: Arc<str>,
    /// Whether it renders to output (not a partial).
    pub renders: bool,
}

/// The templates of the tree under `chart` (the root), in Helm's parse
/// order; [`Template::renders`] marks those rendered, in the same order.
///
/// A template that is not UTF-8 is an error: Go's templates may hold any
/// bytes, this engine's only text.
pub fn templates(chart: &LoadedChart) -> Result<Vec<Template>> {
    let mut out = Vec::new();
    collect(chart, None, &mut out)?;
    out.sort_by(|a, b| parse_order(&a.name, &b.name));
    Ok(out)
}

/// Helm's `sortTemplates`: more `/` first, then reverse byte order.
pub fn parse_order(a: &str, b: &str) -> Ordering {
    let depth = |s: &str| s.bytes().filter(|&c| c == b'/').count();
    depth(b).cmp(&depth(a)).then_with(|| b.cmp(a))
}

/// Whether a template of this name is a partial (`_*`), which renders to
/// nothing of its own.
pub fn is_partial(name: &str) -> bool {
    name.rsplit('/').next().unwrap_or(name).starts_with('_')
}

fn collect(chart: &LoadedChart, parent: Option<&str>, out: &mut Vec<Template>) -> Result<()> {
    let path = match parent {
        None => chart.name().to_owned(),
        Some(parent) => format!("{parent}/charts/{}", chart.name()),
    };
    for child in &chart.dependencies {
        collect(child, Some(&path), out)?;
    }
    let library = chart.metadata.kind.eq_ignore_ascii_case("library");
    let base_path = format!("{path}/templates");
    for (file, data) in &chart.templates {
        let name = format!("{path}/{file}");
        let partial = is_partial(&name);
        if library && !partial {
            continue;
        }
        let text = std::str::from_utf8(data).map_err(|_| Error::Chart {
            path: format!("{}/{file}", chart.source).into(),
            message: "is not UTF-8 text, which chartgen cannot render (Helm passes the bytes \
                      through)"
                .into(),
        })?;
        out.push(Template {
            name,
            chart: path.clone(),
            base_path: base_path.clone(),
            text: Arc::from(text),
            renders: !partial,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::load_files;

    fn load(files: &[(&str, &str)]) -> LoadedChart {
        let files = files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
            .collect();
        load_files(files, "ms").unwrap()
    }

    /// The Helm v4.2.3 SDK rendered this tree with every template
    /// appending `.Template.Name` to a list on `.Release` (one map for the
    /// whole tree), and `templates/0.yaml`, rendered last, printed it.
    #[test]
    fn renders_in_helm_order() {
        let files = [
            ("Chart.yaml", "apiVersion: v2\nname: ms\nversion: 0.1.0\n"),
            (
                "charts/child/Chart.yaml",
                "apiVersion: v2\nname: child\nversion: 0.1.0\n",
            ),
            ("charts/child/templates/a.yaml", ""),
            ("charts/child/templates/_h.tpl", ""),
            ("charts/child/templates/NOTES.txt", ""),
            (
                "charts/child/charts/gc/Chart.yaml",
                "apiVersion: v2\nname: gc\nversion: 0.1.0\n",
            ),
            ("charts/child/charts/gc/templates/g.yaml", ""),
            (
                "charts/lib/Chart.yaml",
                "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            ),
            ("charts/lib/templates/_l.tpl", ""),
            ("charts/lib/templates/x.yaml", ""),
            ("templates/a.yaml", ""),
            ("templates/b.yaml", ""),
            ("templates/B.yaml", ""),
            ("templates/z.yaml", ""),
            ("templates/sub/c.yaml", ""),
            ("templates/NOTES.txt", ""),
            ("templates/_p.tpl", ""),
            ("templates/0.yaml", ""),
        ];
        let all = templates(&load(&files)).unwrap();
        let rendered: Vec<&str> = all
            .iter()
            .filter(|t| t.renders)
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(
            rendered,
            [
                "ms/charts/child/charts/gc/templates/g.yaml",
                "ms/charts/child/templates/a.yaml",
                "ms/charts/child/templates/NOTES.txt",
                "ms/templates/sub/c.yaml",
                "ms/templates/z.yaml",
                "ms/templates/b.yaml",
                "ms/templates/a.yaml",
                "ms/templates/NOTES.txt",
                "ms/templates/B.yaml",
                "ms/templates/0.yaml",
            ]
        );
        let parsed: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            parsed,
            [
                "ms/charts/child/charts/gc/templates/g.yaml",
                "ms/charts/lib/templates/_l.tpl",
                "ms/charts/child/templates/a.yaml",
                "ms/charts/child/templates/_h.tpl",
                "ms/charts/child/templates/NOTES.txt",
                "ms/templates/sub/c.yaml",
                "ms/templates/z.yaml",
                "ms/templates/b.yaml",
                "ms/templates/a.yaml",
                "ms/templates/_p.tpl",
                "ms/templates/NOTES.txt",
                "ms/templates/B.yaml",
                "ms/templates/0.yaml",
            ]
        );
        let lib = all.iter().find(|t| t.name.ends_with("_l.tpl")).unwrap();
        assert_eq!(lib.chart, "ms/charts/lib");
        assert_eq!(lib.base_path, "ms/charts/lib/templates");
    }

    #[test]
    fn a_template_that_is_not_text_is_refused() {
        let files = vec![
            (
                "Chart.yaml".to_owned(),
                b"apiVersion: v2\nname: ms\nversion: 0.1.0\n".to_vec(),
            ),
            ("templates/bin.yaml".to_owned(), vec![0xff, 0xfe]),
        ];
        let error = templates(&load_files(files, "ms").unwrap()).unwrap_err();
        assert!(
            error.to_string().contains("ms/templates/bin.yaml"),
            "{error}"
        );
    }
}
