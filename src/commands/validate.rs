//! `chartgen validate`: values files against a chart's `values.schema.json`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde_json::Value as Json;

use super::say;
use crate::archive::read_archive;
use crate::cli::ValidateArgs;
use crate::environments::overlay_environment;
use crate::error::{Error, Location, Result};
use crate::helm::ChartFiles;
use crate::model::{locate, read_input};
use crate::schema::check;
use crate::yaml::values_document;

pub(super) fn run(args: ValidateArgs, out: &mut dyn Write) -> Result<()> {
    let chart = load_chart(&args.chart)?;
    let schema_text = chart
        .get("values.schema.json")
        .ok_or_else(|| Error::Chart {
            path: args.chart.clone(),
            message: "has no values.schema.json to validate against".into(),
        })?;
    let schema: Json = serde_json::from_str(schema_text).map_err(|e| Error::Chart {
        path: args.chart.join("values.schema.json"),
        message: format!("is not JSON: {e}"),
    })?;
    // The files to check: those named, or the chart's own values files.
    let mut files: Vec<(String, String)> = Vec::new();
    if args.values.is_empty() {
        for (name, text) in &chart {
            let own = name == "values.yaml" || overlay_environment(name).is_some();
            if own {
                files.push((args.chart.join(name).display().to_string(), text.clone()));
            }
        }
    } else {
        for path in &args.values {
            files.push((path.display().to_string(), read_input(path)?));
        }
    }
    let mut count = 0;
    for (file, text) in &files {
        let values = values_document(file, text)?;
        let mut found: Vec<_> = check(&schema, &values)
            .into_iter()
            .map(|v| (locate(text, &v.path), v))
            .collect();
        found.sort_by_key(|(at, _)| *at);
        for (at, violation) in found {
            let (line, column) = at.unzip();
            let error = Error::Input {
                location: Some(Location {
                    file: file.clone(),
                    line,
                    column,
                }),
                key: Some(violation.path.join(".")).filter(|k| !k.is_empty()),
                message: violation.message,
                hint: violation.hint,
            };
            say(out, format_args!("{error}"))?;
            count += 1;
        }
    }
    match count {
        0 => say(
            out,
            format_args!("{} values files match the schema", files.len()),
        ),
        n => Err(Error::Invalid(format!(
            "{n} violations in {} values files",
            files.len()
        ))),
    }
}

/// A chart's files as text: from a folder or a `.tgz`.
fn load_chart(path: &Path) -> Result<BTreeMap<String, String>> {
    let chart = if path.is_dir() {
        ChartFiles::from_dir(path)?
    } else {
        ChartFiles::from_archive(read_archive(path)?, path)?
    };
    Ok(chart.files)
}
