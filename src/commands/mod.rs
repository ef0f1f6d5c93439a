//! One module per subcommand.

mod lint;
mod new;
mod package;
mod render;
mod schema;
mod template;
mod validate;

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
