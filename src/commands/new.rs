//! `chartgen new`.

use std::io::Write;

use super::{engine, say};
use crate::cli::NewArgs;
use crate::error::{Error, Result};
use crate::model::types::{check_dns_label, DnsLabel, Port};
use crate::model::{load_spec, read_input, ImageRef, SidecarSpec, Spec};

pub(super) fn run(args: NewArgs, out: &mut dyn Write) -> Result<()> {
    let engine = engine(&args.source)?;
    check_dns_label(&args.name, crate::model::MAX_NAME_LEN).map_err(|m| {
        flag(
            "NAME",
            format!("`{}` is not a valid chart name: it {m}", args.name),
        )
    })?;
    let mut spec = match &args.file {
        Some(path) => {
            let text = read_input(path)?;
            load_spec(&path.display().to_string(), &text)?
        }
        None => match &args.image {
            Some(image) => {
                let blueprint = args.blueprint.as_deref().unwrap_or("web");
                Spec::new(&args.name, blueprint, image)
            }
            None => engine.example(&args.name, args.blueprint.as_deref().unwrap_or("web"))?,
        },
    };
    spec.name = DnsLabel(args.name.clone());
    if let Some(blueprint) = args.blueprint {
        spec.blueprint = blueprint;
    }
    if let Some(image) = args.image {
        ImageRef::parse(&image).map_err(|m| flag("--image", m))?;
        spec.image = image;
    }
    if let Some(port) = args.port {
        spec.port = Some(Port(port));
    }
    if let Some(schedule) = args.schedule {
        spec.schedule = Some(schedule);
    }
    for pair in &args.env {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| flag("--env", format!("`{pair}` is not KEY=VALUE")))?;
        spec.config.insert(key.to_owned(), value.to_owned());
    }
    for pair in &args.sidecar {
        let (name, image) = pair
            .split_once('=')
            .ok_or_else(|| flag("--sidecar", format!("`{pair}` is not NAME=IMAGE:TAG")))?;
        spec.sidecars.push(SidecarSpec {
            name: DnsLabel(name.to_owned()),
            image: image.to_owned(),
            command: Vec::new(),
            args: Vec::new(),
            port: None,
            health_path: None,
        });
    }
    // Flags went around the file's checks: run them on the result. Lines of
    // that synthesized text mean nothing to the user, so only the key is named.
    let text = serde_yaml::to_string(&spec).expect("spec serializes");
    let spec = load_spec("command line", &text).map_err(|e| match e {
        Error::Input {
            key, message, hint, ..
        } => Error::Input {
            location: None,
            key,
            message,
            hint,
        },
        other => other,
    })?;
    let chart = engine.generate(&spec, None)?;
    let path = chart.write(&args.output, args.force)?;
    say(
        out,
        format_args!("created {} ({} files)", path.display(), chart.files.len()),
    )
}

fn flag(name: &str, message: String) -> Error {
    Error::Input {
        location: None,
        key: Some(name.into()),
        message,
        hint: None,
    }
}
