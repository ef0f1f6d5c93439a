//! One module per subcommand.

mod lint;
mod new;
mod package;
mod render;
mod schema;
mod template;
mod validate;
mod values_flags;

use std::io::Write;

use crate::blueprint::Blueprints;
use crate::cli::{BlueprintArgs, Cli, Command};
use crate::error::{Error, Result};
use crate::render::Engine;

/// Runs a parsed command line, writing its report to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    match cli.command {
        Command::New(args) => new::run(args, out),
        Command::Render(args) => render::run(args, out),
        Command::Package(args) => package::run(args, out),
        Command::Schema(args) => schema::run(args, out),
        Command::Validate(args) => validate::run(args, out),
        Command::Lint(args) => lint::run(args, out),
        Command::Template(args) => template::run(*args, out),
    }
}

fn engine(source: &BlueprintArgs) -> Result<Engine> {
    let blueprints = match &source.blueprints {
        Some(dir) => Blueprints::with_dir(dir)?,
        None => Blueprints::embedded(),
    };
    Ok(Engine::new(blueprints))
}

fn say(out: &mut dyn Write, line: std::fmt::Arguments<'_>) -> Result<()> {
    writeln!(out, "{line}").map_err(|e| Error::io("cannot write", "standard output", e))
}

/// Refuses a chart whose Chart.yaml lists subcharts that `charts/` lacks,
/// as `helm install` refuses it.
fn check_dependencies(chart: &helm_engine::loader::LoadedChart) -> Result<()> {
    let missing = helm_engine::dependencies::missing_dependencies(chart);
    if missing.is_empty() {
        return Ok(());
    }
    Err(crate::error::EngineError::Input {
        location: Some(crate::error::Location::file(format!(
            "{}/Chart.yaml",
            chart.source
        ))),
        key: Some("dependencies".into()),
        message: format!(
            "{} listed here but missing from charts/, as `helm install` reports",
            quoted(&missing)
        ),
        hint: Some("run `helm dependency build` in the chart's folder".into()),
    }
    .into())
}

fn quoted(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match names.len() {
        1 => format!("{} is", names[0]),
        _ => format!("{} are", names.join(", ")),
    }
}
