//! Helm's render layer on chartgen's own template engine ([`gotemplate`]):
//! what Helm gives each template and how it words what goes wrong.
//!
//! - [`objects`]: the top objects (`.Values`, `.Chart`, `.Release`,
//!   `.Template`, `.Subcharts`) of every chart in the tree, values converted
//!   with Helm's Go types;
//! - [`files`]: `.Files` (`engine.files`), with [`glob`] for `.Files.Glob`;
//! - [`capabilities`]: `.Capabilities`, `--kube-version` and Chart.yaml's
//!   `kubeVersion` check;
//! - [`order`]: which templates the chart tree holds, in the order Helm
//!   parses and renders them;
//! - [`errors`]: template errors reworded as Helm prints them;
//! - [`funcs`]: the functions Helm binds to a render (`include`, `tpl`,
//!   `required`, `fail`, `lookup`);
//! - [`set`]: a whole render: parse the tree into one set, execute each
//!   file.
//!
//! Where the engine cannot yet give Go's exact behaviour, each module says
//! so; the gaps that need [`gotemplate`] itself are: a `KubeVersion`
//! printed by an action after a function that returns it unchanged, the
//! arguments of a method checked before the call, and strings that are not
//! UTF-8 (an error, never different output).
//!
//! The references are helm/helm v4: `pkg/engine/engine.go`,
//! `pkg/engine/files.go`, `pkg/chart/common/capabilities.go` and
//! `pkg/chart/common/util/values.go`; every fact the tests assert was
//! checked against the Helm v4.2.3 SDK.

pub mod capabilities;
pub mod errors;
pub mod files;
pub mod funcs;
pub mod glob;
pub mod objects;
pub mod order;
pub mod set;

use gotemplate::Value;

/// Go's check of a method's one `string` argument: their number, then its
/// type, in Go's words.
pub(crate) fn one_string<'a>(method: &str, args: &'a [Value]) -> Result<&'a str, String> {
    match args {
        [Value::String(s)] => Ok(s),
        [Value::Nil] => Err("cannot assign nil to string".into()),
        [other] => Err(format!(
            "expected string; found {}",
            gotemplate::fmt::sprint_value(other)
        )),
        _ => Err(format!(
            "wrong number of args for {method}: want 1 got {}",
            args.len()
        )),
    }
}

/// Go's check of a method without arguments.
pub(crate) fn no_args(method: &str, args: &[Value]) -> Result<(), String> {
    if args.is_empty() {
        return Ok(());
    }
    Err(format!(
        "wrong number of args for {method}: want 0 got {}",
        args.len()
    ))
}
