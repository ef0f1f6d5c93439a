//! `chartgen schema`.

use std::io::Write;

use super::engine;
use crate::cli::SchemaArgs;
use crate::error::{Error, Result};
use crate::model::{input_schema, values_schema};
use crate::render::pretty_json;

pub(super) fn run(args: SchemaArgs, out: &mut dyn Write) -> Result<()> {
    let schema = match &args.values {
        Some(blueprint) => {
            let manifest = engine(&args.source)?.blueprints().manifest(blueprint)?;
            values_schema(&manifest.values)
        }
        None => input_schema(),
    };
    let text = pretty_json(&schema);
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io("cannot write", path, e)),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| Error::io("cannot write", "standard output", e)),
    }
}
