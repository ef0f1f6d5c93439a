//! `chartgen render`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use super::{engine, say};
use crate::chart::{entries_under, Chart};
use crate::cli::RenderArgs;
use crate::environments::{overlay_environment, overlay_header};
use crate::error::{EngineError, Error, Location, Result};
use crate::model::{load_spec, read_input, Spec};
use crate::render::{Engine, INPUT_MODELINE, VALUES_MODELINE};

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
            .generate(&spec, Some(&with_modeline(&text)))
            .map_err(|e| e.located(&file, &text))?;
        if let Some(other) = charts.insert(chart.name.clone(), (file.clone(), spec, chart)) {
            return Err(Error::Usage(format!(
                "`{}` and `{file}` both define the chart `{}`",
                other.0, other.2.name
            )));
        }
    }
    for (_, spec, chart) in charts.values() {
        let target = args.output.join(&chart.name);
        let occupied = target.read_dir().is_ok_and(|mut d| d.next().is_some());
        if !occupied {
            continue;
        }
        if !args.force {
            return Err(Error::TargetExists(target));
        }
        let foreign = foreign_files(&engine, spec, chart, &target)?;
        if !foreign.is_empty() {
            return Err(EngineError::Input {
                location: Some(Location::file(target.display().to_string())),
                key: None,
                message: format!(
                    "holds files chartgen did not generate, which `--force` would delete: {}; nothing was written",
                    foreign
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                hint: Some(
                    "`--force` replaces the whole folder; move those files elsewhere (or delete \
                     them yourself) and run again"
                        .into(),
                ),
            }
.into());
        }
    }
    for (_, _, chart) in charts.values() {
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

/// The input as the chart keeps it: verbatim, with the schema modeline in
/// front when it has none.
fn with_modeline(text: &str) -> String {
    let has = text
        .lines()
        .any(|l| l.trim_start().starts_with("# yaml-language-server:") && l.contains("$schema="));
    match has {
        true => text.to_owned(),
        false => format!("{INPUT_MODELINE}\n{text}"),
    }
}

/// The files under `dir`, an existing folder that `chart` (generated from
/// `spec`) is to replace, that chartgen did not generate: neither a file
/// the blueprint emits under any settings, nor one the folder's own
/// chartgen.yaml generates (what an earlier render wrote), nor an overlay
/// with chartgen's header for its environment (one an earlier list of
/// environments had).
fn foreign_files(engine: &Engine, spec: &Spec, chart: &Chart, dir: &Path) -> Result<Vec<String>> {
    let mut generated: BTreeSet<String> = chart.files.keys().cloned().collect();
    let mut blueprints = vec![spec.blueprint.clone()];
    let previous = dir.join("chartgen.yaml");
    if let Some((before, text)) = read_input(&previous).ok().and_then(|text| {
        let spec = load_spec(&previous.display().to_string(), &text).ok()?;
        Some((spec, text))
    }) {
        if let Ok(old) = engine.generate(&before, Some(&text)) {
            generated.extend(old.files.into_keys());
        }
        blueprints.push(before.blueprint);
    }
    for blueprint in &blueprints {
        let Ok(manifest) = engine.manifest(blueprint) else {
            continue;
        };
        let paths = manifest.shared.iter().chain(&manifest.files).map(|e| {
            let path = e.path();
            path.strip_suffix(".j2").unwrap_or(path).to_owned()
        });
        generated.extend(paths);
    }
    Ok(entries_under(dir)?
        .into_iter()
        .map(|(rel, _, _)| rel.to_string_lossy().replace('\\', "/"))
        .filter(|f| !generated.contains(f) && !is_overlay(dir, f))
        .collect())
}

/// Whether `rel` is an environment overlay chartgen wrote: `values-<env>.yaml`
/// whose header names that environment.
fn is_overlay(dir: &Path, rel: &str) -> bool {
    let Some(env) = overlay_environment(rel).filter(|_| !rel.contains('/')) else {
        return false;
    };
    let header = overlay_header(env);
    std::fs::read_to_string(dir.join(rel)).is_ok_and(|text| {
        let mut lines = text.lines();
        lines.next() == Some(VALUES_MODELINE) && lines.next() == Some(header.as_str())
    })
}
