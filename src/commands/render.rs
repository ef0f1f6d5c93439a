//! `chartgen render`.

use std::collections::BTreeMap;
use std::io::Write;

use super::{engine, say};
use crate::cli::RenderArgs;
use crate::error::{Error, Result};
use crate::model::{load_spec, read_input};

pub(super) fn run(args: RenderArgs, out: &mut dyn Write) -> Result<()> {
    let engine = engine(&args.source)?;
    // Every input is read and rendered before anything is written, so one
    // bad file leaves the output folder untouched.
    let mut charts = BTreeMap::new();
    for path in &args.files {
        let file = path.display().to_string();
        let text = read_input(path)?;
        let spec = load_spec(&file, &text)?;
        let chart = engine
            .generate(&spec, Some(&text))
            .map_err(|e| e.in_file(&file))?;
        if let Some(other) = charts.insert(chart.name.clone(), (file.clone(), chart)) {
            return Err(Error::Usage(format!(
                "`{}` and `{file}` both define the chart `{}`",
                other.0, other.1.name
            )));
        }
    }
    for (_, chart) in charts.values() {
        if !args.force
            && args
                .output
                .join(&chart.name)
                .read_dir()
                .is_ok_and(|mut d| d.next().is_some())
        {
            return Err(Error::TargetExists(args.output.join(&chart.name)));
        }
    }
    for (_, chart) in charts.values() {
        let path = chart.write(&args.output, args.force)?;
        say(
            out,
            format_args!("rendered {} ({} files)", path.display(), chart.files.len()),
        )?;
        if let Some(dist) = &args.package {
            let archive = chart.package(dist)?;
            say(out, format_args!("packaged {}", archive.display()))?;
        }
    }
    Ok(())
}
