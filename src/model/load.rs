//! Reading `chartgen.yaml`: YAML syntax, then the model's types, then its
//! constraints, each failure reported as one located, actionable error.

use super::cron;
use super::image::ImageRef;
use super::spec::Spec;
use super::types::check_dns_label;
use crate::error::{Error, Location, Result};
use crate::schema;

/// Largest input accepted; a service description is a few hundred bytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// Largest manifest stream `chartgen lint` reads (Helm's 100 MiB chart limit).
pub const MAX_MANIFEST_BYTES: u64 = 100 << 20;
/// Longest chart name: Helm's 53-character release-name limit leaves room for suffixes.
pub const MAX_NAME_LEN: usize = 53;

/// Reads a `chartgen.yaml` from disk: bounded in size, and UTF-8 text.
pub fn read_input(path: &std::path::Path) -> Result<String> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io("cannot read", path, e))?;
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(too_large(&file, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    decode_input(&file, bytes)
}

/// Checks that the bytes of an input named `file` are text of a sane size.
pub fn decode_input(file: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|_| input(whole(file), None, "the file is not UTF-8 text".into(), None))
}

fn whole(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        line: None,
        column: None,
    }
}

fn too_large(file: &str, len: u64) -> Error {
    input(
        whole(file),
        None,
        format!("the file is {len} bytes; a chartgen.yaml may be at most {MAX_INPUT_BYTES} bytes"),
        None,
    )
}

/// Parses and validates the text of a `chartgen.yaml` named `file`.
pub fn load_spec(file: &str, text: &str) -> Result<Spec> {
    let at = |line, column| Location {
        file: file.to_owned(),
        line,
        column,
    };
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(file, text.len() as u64));
    }
    if text.contains('\0') {
        return Err(input(
            at(None, None),
            None,
            "the file is binary, not YAML".into(),
            None,
        ));
    }
    if crate::yaml::only_comments(text) {
        return Err(input(
            at(None, None),
            None,
            "the file is empty".into(),
            Some("a chartgen.yaml needs at least `name:` and `image:`; `chartgen new NAME` writes one".into()),
        ));
    }
    let spec: Spec = serde_yaml::from_str(text).map_err(|e| yaml_error(file, text, &e))?;
    check(&spec).map_err(|(path, message, hint)| {
        let (line, column) = locate(text, &path).unzip();
        input(at(line, column), Some(path.join(".")), message, hint)
    })?;
    // The schema states the remaining constraints (ranges, patterns); the
    // checks above only give the common ones a friendlier message.
    let json = serde_json::to_value(&spec).expect("the model serializes");
    if let Some((path, message)) = schema::input_violation(&json) {
        let (line, column) = locate(text, &path).unzip();
        return Err(input(at(line, column), Some(path.join(".")), message, None));
    }
    Ok(spec)
}

fn input(location: Location, key: Option<String>, message: String, hint: Option<String>) -> Error {
    Error::Input {
        location: Some(location),
        key: key.filter(|k| !k.is_empty()),
        message,
        hint,
    }
}

type Violation = (Vec<String>, String, Option<String>);

/// Checks what the types cannot say, with messages that name the rule.
fn check(spec: &Spec) -> std::result::Result<(), Violation> {
    let at = |path: &[&str]| path.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    check_dns_label(&spec.name.0, MAX_NAME_LEN).map_err(|m| {
        (
            at(&["name"]),
            format!("`{}` is not a valid chart name: it {m}", spec.name.0),
            Some("use lower-case letters, digits and `-`, e.g. `web-api`".into()),
        )
    })?;
    ImageRef::parse(&spec.image).map_err(|m| (at(&["image"]), m, None))?;
    if !is_semver(&spec.version) {
        return Err((
            at(&["version"]),
            format!("`{}` is not a SemVer 2 version", spec.version),
            Some("write MAJOR.MINOR.PATCH, e.g. `0.1.0`".into()),
        ));
    }
    if let Some(schedule) = &spec.schedule {
        cron::check(schedule).map_err(|m| {
            (
                at(&["schedule"]),
                format!("`{schedule}` is not a cron schedule: {m}"),
                Some("five fields: minute hour day-of-month month day-of-week, e.g. `0 3 * * *`, or `@daily`".into()),
            )
        })?;
    }
    if let Some(zone) = &spec.time_zone {
        cron::check_time_zone(zone).map_err(|m| {
            (
                at(&["timeZone"]),
                m,
                Some("e.g. `UTC` or `Europe/Berlin`".into()),
            )
        })?;
    }
    for code in spec.lint.iter().flat_map(|l| l.rules.keys()) {
        if crate::lint::rules::find(code).is_none_or(|r| r.code != code) {
            let codes: Vec<&str> = crate::lint::rules::all().iter().map(|r| r.code).collect();
            return Err((
                vec!["lint".into(), "rules".into(), code.clone()],
                format!("`{code}` is not a lint rule"),
                Some(match closest(code, &codes) {
                    Some(near) => {
                        format!("did you mean `{near}`? `chartgen lint --explain` lists the rules")
                    }
                    None => "`chartgen lint --explain` lists the rules".into(),
                }),
            ));
        }
    }
    // Container names: the main container is named after the chart.
    let mut containers = vec![spec.name.0.as_str()];
    let sidecars = spec.sidecars.iter().map(|c| ("sidecars", &c.name.0));
    let inits = spec
        .init_containers
        .iter()
        .map(|c| ("initContainers", &c.name.0));
    for (i, (list, name)) in sidecars.chain(inits).enumerate() {
        let index = if list == "sidecars" {
            i
        } else {
            i - spec.sidecars.len()
        };
        let path = vec![list.to_owned(), index.to_string(), "name".into()];
        check_dns_label(name, 63).map_err(|m| {
            (
                path.clone(),
                format!("`{name}` is not a valid container name: it {m}"),
                None,
            )
        })?;
        if containers.contains(&name.as_str()) {
            return Err((
                path,
                format!("a container named `{name}` already exists in the pod"),
                Some("container names are unique within a pod; the main container is named after the chart".into()),
            ));
        }
        containers.push(name);
    }
    for (i, sidecar) in spec.sidecars.iter().enumerate() {
        let path = |k: &str| vec!["sidecars".into(), i.to_string(), k.to_owned()];
        ImageRef::parse(&sidecar.image).map_err(|m| (path("image"), m, None))?;
        if sidecar.port.is_some() && sidecar.name.0.len() > 15 {
            return Err((
                path("name"),
                format!(
                    "`{}` names the sidecar's port too, and a port name is at most 15 characters",
                    sidecar.name.0
                ),
                Some("shorten the sidecar's name".into()),
            ));
        }
    }
    for (i, init) in spec.init_containers.iter().enumerate() {
        if let Some(image) = &init.image {
            let path = vec!["initContainers".into(), i.to_string(), "image".into()];
            ImageRef::parse(image).map_err(|m| (path, m, None))?;
        }
    }
    super::jobs::check(&spec.jobs)?;
    for (i, job) in spec.jobs.iter().enumerate() {
        if spec.jobs[..i].iter().any(|other| other.name == job.name) {
            return Err((
                vec!["jobs".into(), i.to_string(), "name".into()],
                format!("a job named `{}` is declared twice", job.name.0),
                None,
            ));
        }
    }
    for (name, path) in &spec.host_paths {
        if !path.starts_with('/') || path.split('/').any(|p| p == "..") {
            return Err((
                at(&["hostPaths", name]),
                format!("`{path}` is not an absolute path on the node"),
                Some("e.g. `/var/log`".into()),
            ));
        }
    }
    for name in spec.shared_volumes.keys().chain(spec.host_paths.keys()) {
        if name == "config" || name == "secrets" || name == "data" || name.starts_with("writable-")
        {
            return Err((
                at(&["sharedVolumes", name]),
                format!("`{name}` is a volume name chartgen uses itself"),
                Some("pick another name, e.g. `shared-logs`".into()),
            ));
        }
    }
    let mut stores = spec
        .secret_sources
        .values()
        .filter_map(|s| s.store.as_ref());
    if let Some(first) = stores.next() {
        if let Some(other) = stores.find(|s| *s != first) {
            return Err((
                at(&["secretSources"]),
                format!(
                    "secrets come from two stores, `{}` and `{}`",
                    first.0, other.0
                ),
                Some(
                    "one ExternalSecret reads one store; use the same `store` for every secret"
                        .into(),
                ),
            ));
        }
    }
    for (name, source) in &spec.secret_sources {
        if !spec.secrets.contains(name) {
            return Err((
                at(&["secretSources", name]),
                format!("`{name}` is not listed in `secrets`"),
                Some(
                    "a secret source says where a secret in `secrets` comes from; add it there"
                        .into(),
                ),
            ));
        }
        if source.from == super::SecretBackend::ExternalSecret && source.store.is_none() {
            return Err((
                at(&["secretSources", name]),
                format!("`{name}` comes from an ExternalSecret but names no `store`"),
                Some("add `store: <SecretStore name>`".into()),
            ));
        }
    }
    for (i, host) in spec.hosts.iter().enumerate() {
        check_host(&host.0).map_err(|m| {
            (
                vec!["hosts".into(), i.to_string()],
                format!("`{}` is not a valid host name: it {m}", host.0),
                Some("use a lower-case DNS name such as `api.example.com`".into()),
            )
        })?;
    }
    for key in spec.config.keys() {
        if !is_env_key(key) {
            return Err((
                at(&["config", key]),
                format!("`{key}` cannot be an environment variable name"),
                Some(
                    "use letters, digits and `_`, not starting with a digit, e.g. `LOG_LEVEL`"
                        .into(),
                ),
            ));
        }
    }
    for (i, key) in spec.generated_secrets.iter().enumerate() {
        let path = vec!["generatedSecrets".into(), i.to_string()];
        if !is_env_key(key) {
            return Err((
                path,
                format!("`{key}` cannot be an environment variable name"),
                None,
            ));
        }
        if spec.config.contains_key(key)
            || spec.secrets.contains(key)
            || spec.generated_secrets[..i].contains(key)
        {
            return Err((
                path,
                format!("`{key}` is declared twice"),
                Some(
                    "each setting lives in `config`, `secrets` or `generatedSecrets`, once".into(),
                ),
            ));
        }
    }
    for (i, key) in spec.secrets.iter().enumerate() {
        if !is_env_key(key) {
            return Err((
                vec!["secrets".into(), i.to_string()],
                format!("`{key}` cannot be an environment variable name"),
                Some("use letters, digits and `_`, not starting with a digit, e.g. `DATABASE_PASSWORD`".into()),
            ));
        }
        if spec.config.contains_key(key) || spec.secrets[..i].contains(key) {
            return Err((
                vec!["secrets".into(), i.to_string()],
                format!("`{key}` is declared twice"),
                Some("each setting lives in `config` or `secrets`, once".into()),
            ));
        }
    }
    Ok(())
}

fn check_host(host: &str) -> std::result::Result<(), String> {
    if host.len() > 253 {
        return Err(format!(
            "is {} characters long; the limit is 253",
            host.len()
        ));
    }
    let host = host.strip_prefix("*.").unwrap_or(host);
    host.split('.')
        .try_for_each(|label| check_dns_label(label, 63))
}

fn is_env_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// SemVer 2: MAJOR.MINOR.PATCH with optional `-pre` and `+build`.
pub fn is_semver(version: &str) -> bool {
    let (core, _build) = version.split_once('+').unwrap_or((version, ""));
    let (core, _pre) = core.split_once('-').unwrap_or((core, ""));
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().all(|c| c.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

/// Turns a serde_yaml error into a located message, suggesting the closest
/// valid key for an unknown one.
fn yaml_error(file: &str, text: &str, e: &serde_yaml::Error) -> Error {
    let raw = e.to_string();
    // serde_yaml writes " at line L column C" after the message; the
    // location goes in front instead, and any context after it stays.
    let message = match raw.split_once(" at line ") {
        Some((head, tail)) => match tail.split_once(", ") {
            Some((_, context)) => format!("{head}, {context}"),
            None => head.to_owned(),
        },
        None => raw.clone(),
    };
    let (key, message) = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (Some(path.to_owned()), rest.to_owned()),
        _ => (None, message),
    };
    let mut key = key;
    let mut message = message;
    let mut hint = None;
    let mut location = e.location().map(|l| (l.line(), l.column()));
    if let Some(unknown) = backticked_after(&message, "unknown field `").map(str::to_owned) {
        let expected: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|list| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        hint = Some(match closest(&unknown, &expected) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("valid keys here: {}", expected.join(", ")),
        });
        let mut path: Vec<String> = key
            .iter()
            .flat_map(|k| k.split('.'))
            .map(String::from)
            .collect();
        path.push(unknown.clone());
        if let Some(found) = locate(text, &path) {
            location = Some(found);
        }
        key = Some(path.join("."));
        message = "unknown key".into();
    } else if let Some(field) = backticked_after(&message, "missing field `").map(str::to_owned) {
        message = format!("missing required key `{field}`");
    } else if let Some(field) = backticked_after(&message, "duplicate field `").map(str::to_owned) {
        message = format!("`{field}` appears twice");
        hint = Some("each key may appear once in a mapping".into());
    } else if let Some((line, _)) = location {
        if text
            .lines()
            .nth(line.saturating_sub(1))
            .is_some_and(|l| l.contains('\t'))
        {
            hint = Some("YAML indents with spaces; this line contains a tab".into());
        }
    }
    let message = message
        .replace("invalid type: ", "wrong type: found ")
        .replace("invalid value: ", "")
        .replace("expected u16", "expected an integer from 1 to 65535")
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        );
    Error::Input {
        location: Some(Location {
            file: file.to_owned(),
            line: location.map(|l| l.0),
            column: location.map(|l| l.1),
        }),
        key,
        message,
        hint,
    }
}

fn backticked_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// The candidate closest to `word`, if any is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            // Swapped or dropped letters count as one edit; a short key
            // allows one, a longer one two.
            let edits = strsim::damerau_levenshtein(&word, &candidate);
            let near = edits <= if word.len() < 6 { 1 } else { 2 };
            (near, strsim::jaro_winkler(&word, &candidate), *c)
        })
        .filter(|(near, score, _)| *near || *score > 0.85)
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, c)| c)
}

/// Finds the line and column of a key path in YAML text, for errors found
/// after parsing (serde_yaml keeps no spans): block and flow style, list
/// items included (see [`crate::yaml::locate`]). A path not in the text
/// yields `None`, and the error names the file only.
pub fn locate(text: &str, path: &[String]) -> Option<(usize, usize)> {
    crate::yaml::locate(text, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        let path: Vec<String> = path.split('.').map(String::from).collect();
        locate(text, &path)
    }

    #[test]
    fn locates_nested_keys_and_sequence_items() {
        let text = "name: a\nimage: b\nhosts:\n  - one\n  - two\nresources:\n  cpu: 1\n  memory: 2\nlist:\n  - a: 1\n    b: 2\n  - a: 3\n    b: 4\n";
        assert_eq!(at(text, "image"), Some((2, 1)));
        assert_eq!(at(text, "hosts.1"), Some((5, 5)));
        assert_eq!(at(text, "resources.memory"), Some((8, 3)));
        assert_eq!(at(text, "list.1.b"), Some((13, 5)));
        assert_eq!(at(text, "list.0.a"), Some((10, 5)));
        assert_eq!(at(text, "nope"), None);
    }

    #[test]
    fn semver() {
        assert!(is_semver("0.1.0") && is_semver("1.2.3-rc.1+b5"));
        assert!(!is_semver("1.2") && !is_semver("01.2.3") && !is_semver("v1.2.3"));
    }
}
