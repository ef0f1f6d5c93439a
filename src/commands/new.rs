//! `chartgen new`.

use std::io::Write;

use super::{engine, say};
use crate::cli::NewArgs;
use crate::error::{EngineError, Error, Result};
use crate::model::types::{check_dns_label, DnsLabel, Port};
use crate::model::{load_spec, read_input, ImageRef, JobSpec, SidecarSpec, Spec};

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
    for text in &args.job {
        spec.jobs
            .push(scheduled_job(text).map_err(|m| flag("--job", m))?);
    }
    // Flags went around the file's checks: run them on the result. Lines of
    // that synthesized text mean nothing to the user, so only the key is named.
    let text = serde_yaml::to_string(&spec).expect("spec serializes");
    let spec = load_spec("command line", &text).map_err(|e| match e {
        Error::Engine(EngineError::Input {
            key, message, hint, ..
        }) => EngineError::Input {
            location: None,
            key,
            message,
            hint,
        }
        .into(),
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
    EngineError::Input {
        location: None,
        key: Some(name.into()),
        message,
        hint: None,
    }
    .into()
}

/// A scheduled job from `NAME=SCHEDULE:COMMAND`. A cron schedule holds no
/// `:`, so the first one after `=` ends it; the command is split into words
/// as a shell would, and runs without one.
fn scheduled_job(text: &str) -> std::result::Result<JobSpec, String> {
    let usage =
        || format!("`{text}` is not NAME=SCHEDULE:COMMAND, e.g. `nightly=0 3 * * *:./app report`");
    let (name, rest) = text.split_once('=').ok_or_else(usage)?;
    let (schedule, command) = rest.split_once(':').ok_or_else(usage)?;
    let command = split_words(command).map_err(|m| format!("`{text}`: {m}"))?;
    if name.is_empty() || schedule.trim().is_empty() || command.is_empty() {
        return Err(usage());
    }
    Ok(JobSpec {
        name: DnsLabel(name.to_owned()),
        command,
        args: Vec::new(),
        hook: None,
        weight: None,
        schedule: Some(schedule.trim().to_owned()),
        time_zone: None,
        concurrency_policy: None,
        successful_jobs_history_limit: None,
        failed_jobs_history_limit: None,
        suspend: None,
    })
}

/// Splits a command line into words as a POSIX shell does: blanks separate
/// words, single quotes keep everything, double quotes keep all but `\"`
/// and `\\`, a backslash outside quotes keeps the next character.
fn split_words(line: &str) -> std::result::Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let word = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => word.push(c),
                        None => return Err("a `'` is not closed".into()),
                    }
                }
            }
            '"' => {
                let word = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\')) => word.push(c),
                            Some(c) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => return Err("a `\"` is not closed".into()),
                        },
                        Some(c) => word.push(c),
                        None => return Err("a `\"` is not closed".into()),
                    }
                }
            }
            '\\' => {
                let next = chars.next().ok_or("the command ends in `\\`")?;
                word.get_or_insert_with(String::new).push(next);
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_as_a_shell_splits_them() {
        let words = |line| split_words(line).unwrap();
        assert_eq!(
            words("./app  report --since 24h"),
            ["./app", "report", "--since", "24h"]
        );
        assert_eq!(
            words(r#"sh -c 'echo "$HOME" done' "a \"b\"" c\ d ''"#),
            ["sh", "-c", r#"echo "$HOME" done"#, r#"a "b""#, "c d", ""]
        );
        assert!(split_words("echo 'open").is_err());
        assert!(split_words("echo \"open").is_err());
    }

    #[test]
    fn the_schedule_ends_at_the_first_colon() {
        let job = scheduled_job("nightly=0 3 * * *:./app report --at 03:00").unwrap();
        assert_eq!(job.schedule.as_deref(), Some("0 3 * * *"));
        assert_eq!(job.command, ["./app", "report", "--at", "03:00"]);
        for bad in [
            "nightly",
            "nightly=0 3 * * *",
            "=0 3 * * *:x",
            "n=:x",
            "n=@daily:",
        ] {
            assert!(scheduled_job(bad).is_err(), "{bad}");
        }
    }
}
