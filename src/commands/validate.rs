//! `chartgen validate`: Helm's verdict on values files for a chart, with
//! every violation located.
//!
//! As `helm install -f a.yaml -f b.yaml CHART` does: the chart is loaded
//! with its subcharts, the files are stacked and their dependencies
//! processed (conditions, tags, aliases, import-values), the values are
//! merged over the chart's defaults and its subcharts', and every schema
//! Helm checks (the chart's, each subchart's) is held against its part.
//! Without `-f`, the chart's defaults and each `values-<env>.yaml` overlay
//! over them are checked in turn.

use std::io::Write;

use super::say;
use crate::cli::ValidateArgs;
use crate::environments::overlay_environment;
use crate::error::{EngineError, Error, Location, Result};
use crate::schema::{check_chart, locate_error, violation_error};
use crate::yaml::ValuesSource;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::{load, LoadedChart};
use helm_engine::values::{coalesce_values, merge_maps, Values};

pub(super) fn run(args: ValidateArgs, out: &mut dyn Write) -> Result<()> {
    let shown = args.chart.display().to_string();
    let chart = load(&args.chart, &shown).map_err(|e| Error::from(e).chart_as_input())?;
    super::check_dependencies(&chart)?;
    // The ways of installing the chart to check: the files named, stacked,
    // or the defaults and each environment's overlay.
    let mut sets: Vec<Vec<ValuesSource>> = Vec::new();
    if args.values.is_empty() {
        sets.push(Vec::new());
        for (name, bytes) in &chart.files {
            if name.contains('/') || overlay_environment(name).is_none() {
                continue;
            }
            let file = format!("{}/{name}", chart.source);
            let text = std::str::from_utf8(bytes).map_err(|_| EngineError::Input {
                location: Some(Location::file(file.clone())),
                key: None,
                message: "is not UTF-8 text".into(),
                hint: None,
            })?;
            sets.push(vec![ValuesSource::read(&file, text)?]);
        }
    } else {
        if args.values.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
            return Err(Error::Usage(
                "standard input (`-f -`) can be read once; name files for the others".into(),
            ));
        }
        let mut files = Vec::new();
        for path in &args.values {
            files.push(ValuesSource::from_path(path)?);
        }
        sets.push(files);
    }
    let mut count = 0;
    // Templates and other files play no part in the verdict.
    let chart = chart.values_only();
    for files in &sets {
        for error in verdict(&chart, files)? {
            say(out, format_args!("{error}"))?;
            count += 1;
        }
    }
    let checked = plural(sets.len(), "values file", "values files");
    match count {
        0 => say(
            out,
            format_args!(
                "{checked} {} the chart's schemas",
                if sets.len() == 1 { "matches" } else { "match" }
            ),
        ),
        n => Err(Error::Invalid(format!(
            "{} in {checked}",
            plural(n, "violation", "violations")
        ))),
    }
}

/// What Helm says of installing `chart` with `files` stacked over its
/// defaults: every violation (or a subchart's values that are not a map),
/// located; empty when Helm accepts the values. `chart` is copied, as
/// processing dependencies changes it: pass it [`LoadedChart::values_only`].
fn verdict(chart: &LoadedChart, files: &[ValuesSource]) -> Result<Vec<Error>> {
    let mut user = Values::new();
    for file in files {
        merge_maps(&mut user, file.values());
    }
    let mut chart = chart.clone();
    let merged =
        process_dependencies(&mut chart, &user).and_then(|()| coalesce_values(&chart, &user));
    let merged = match merged.map_err(Error::from) {
        Ok(merged) => merged,
        // Values that cannot be merged (a subchart's values that are not a
        // map) are a refusal too, located like a violation.
        Err(error @ Error::Engine(EngineError::Input { location: None, .. })) => {
            return Ok(vec![locate_error(error, files, &chart)]);
        }
        Err(other) => return Err(other),
    };
    let mut found: Vec<Error> = check_chart(&chart, &merged)?
        .iter()
        .map(|v| violation_error(v, files, &chart))
        .collect();
    found.sort_by_key(|e| match e {
        Error::Engine(EngineError::Input {
            location: Some(l), ..
        }) => (l.file.clone(), l.line, l.column),
        _ => (String::new(), None, None),
    });
    Ok(found)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
