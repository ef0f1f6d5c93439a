use crate::lint::{rule, Code, Manifest, Report};

rule! {
    /// ## What it does
    /// Flags values a chart refuses to be installed with, found while
    /// rendering it rather than in what it renders:
    ///
    /// - a template stops the render with `fail` or `required` (the
    ///   chart's defaults leave a value unset that it requires, or an
    ///   environment's overlay or the `-f`/`--set` values break one of its
    ///   own checks);
    /// - a `values.schema.json` that Helm cannot use without fetching
    ///   what it refers to (`$ref` to a URL, or to a file outside the
    ///   chart).
    ///
    /// The rest of the chart is still linted: rendered as `helm lint`
    /// renders it, where `fail` and `required` give empty text, or with the
    /// values left unchecked by the schema it cannot use.
    ///
    /// ## Why it matters
    /// `helm install` with these values fails before anything reaches the
    /// cluster; with a schema it fetches, it fails wherever the network or
    /// the file is missing (an air-gapped cluster, a CI job without
    /// network access).
    ///
    /// ## Example
    /// ```yaml
    /// # values.yaml: give what the templates require, or lint with the
    /// # values you install with: chartgen lint ./chart -f prod.yaml
    /// lokiAddress: http://loki-gateway/loki/api/v1/push
    /// ```
    RULE = Code::VALUES_REFUSED, "values-refused", Error, check
}

/// Nothing to check in rendered objects: `chartgen lint` reports these
/// findings while rendering a chart.
fn check(_: &[Manifest], _: &mut Report) {}
