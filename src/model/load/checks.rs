//! What the types cannot say, with messages that name the rule: checks on a
//! `chartgen.yaml` alone, and checks of it against its blueprint.

use std::collections::BTreeMap;

use super::super::image::ImageRef;
use super::super::jobs;
use super::super::spec::{EnvironmentSpec, SecretBackend, Spec};
use super::super::types::check_dns_label;
use super::{is_semver, MAX_NAME_LEN};
use crate::blueprint::BlueprintManifest;
use crate::error::{Error, Result};
use crate::keys::closest;
use crate::schema::Violation;
use helm_engine::VersionRange;

type Checked = std::result::Result<(), Violation>;

fn at(path: &[&str]) -> Vec<String> {
    path.iter().map(|s| s.to_string()).collect()
}

fn fail(path: Vec<String>, message: String, hint: Option<&str>) -> Checked {
    Err(Violation::new(path, message, hint.map(str::to_owned)))
}

/// Checks a spec on its own.
pub(super) fn check(spec: &Spec) -> Checked {
    check_dns_label(&spec.name.0, MAX_NAME_LEN).map_err(|m| {
        Violation::new(
            at(&["name"]),
            format!("`{}` is not a valid chart name: it {m}", spec.name.0),
            Some("use lower-case letters, digits and `-`, e.g. `web-api`".into()),
        )
    })?;
    ImageRef::parse(&spec.image).map_err(|m| Violation::new(at(&["image"]), m, None))?;
    if !is_semver(&spec.version) {
        return fail(
            at(&["version"]),
            format!("`{}` is not a SemVer 2 version", spec.version),
            Some("write MAJOR.MINOR.PATCH, e.g. `0.1.0`"),
        );
    }
    kube_version(&spec.kube_version)?;
    jobs::check_schedule(&[], spec.schedule.as_deref(), spec.time_zone.as_deref())?;
    lint_rules(spec)?;
    if spec.health_path.is_some() && spec.health_command.is_some() {
        return fail(
            at(&["healthPath"]),
            "`healthPath` and `healthCommand` both say how to probe; the command would win and the path be ignored".into(),
            Some("keep one: `healthCommand` for an exec probe, or `healthPath` for an HTTP one"),
        );
    }
    containers(spec)?;
    jobs::check(&spec.jobs)?;
    volumes(spec)?;
    secret_sources(spec)?;
    hosts(
        &spec.hosts.iter().map(|h| h.0.as_str()).collect::<Vec<_>>(),
        &["hosts"],
    )?;
    settings(spec)?;
    environments(spec)?;
    Ok(())
}

/// The oldest Kubernetes (major, minor) a generated chart installs on.
pub const OLDEST_KUBERNETES: (u64, u64) = (1, 25);

/// `kubeVersion` as Helm reads Chart.yaml's: a Masterminds/semver constraint
/// that some Kubernetes version satisfies. Empty means any version, as in Helm.
fn kube_version(text: &str) -> Checked {
    if text.trim().is_empty() {
        return Ok(());
    }
    let hint = Some(
        "write a range of Kubernetes versions as Helm reads them, e.g. `>=1.29.0-0` (the default) \
         or `>=1.30.0-0 <1.34.0-0`; the `-0` admits the prerelease suffixes of managed clusters \
         (`v1.30.2-eks-1234`)",
    );
    let range = match VersionRange::parse(text) {
        Ok(range) => range,
        Err(e) => {
            return fail(
                at(&["kubeVersion"]),
                format!("`{text}` is not a version range: {e}"),
                hint,
            )
        }
    };
    let Some(lowest) = range.lowest() else {
        return fail(
            at(&["kubeVersion"]),
            format!(
                "`{text}` admits no version, so Helm would refuse to install the chart anywhere"
            ),
            hint,
        );
    };
    if (lowest.major, lowest.minor) < OLDEST_KUBERNETES {
        let (major, minor) = OLDEST_KUBERNETES;
        return fail(
            at(&["kubeVersion"]),
            format!(
                "`{text}` admits Kubernetes {}.{}, older than the {major}.{minor} the chart's \
                 objects need (`autoscaling/v2`, the CronJob `timeZone`, Pod Security admission)",
                lowest.major, lowest.minor
            ),
            Some("start the range at 1.25 or later, e.g. `>=1.25.0-0`"),
        );
    }
    Ok(())
}

fn lint_rules(spec: &Spec) -> Checked {
    for code in spec.lint.iter().flat_map(|l| l.rules.keys()) {
        if crate::lint::rules::find(code).is_none_or(|r| r.code != code.as_str()) {
            let codes: Vec<&str> = crate::lint::rules::all()
                .iter()
                .map(|r| r.code.as_str())
                .collect();
            return Err(Violation::new(
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
    Ok(())
}

/// Container names and images: the main container is named after the chart.
fn containers(spec: &Spec) -> Checked {
    let mut names = vec![spec.name.0.as_str()];
    let sidecars = spec
        .sidecars
        .iter()
        .enumerate()
        .map(|(i, c)| ("sidecars", i, &c.name.0));
    let inits = spec
        .init_containers
        .iter()
        .enumerate()
        .map(|(i, c)| ("initContainers", i, &c.name.0));
    for (list, index, name) in sidecars.chain(inits) {
        let path = vec![list.to_owned(), index.to_string(), "name".into()];
        check_dns_label(name, 63).map_err(|m| {
            Violation::new(
                path.clone(),
                format!("`{name}` is not a valid container name: it {m}"),
                Some("e.g. `log-shipper`".into()),
            )
        })?;
        if names.contains(&name.as_str()) {
            return fail(
                path,
                format!("a container named `{name}` already exists in the pod"),
                Some("container names are unique within a pod; the main container is named after the chart"),
            );
        }
        names.push(name);
    }
    for (i, sidecar) in spec.sidecars.iter().enumerate() {
        let path = |k: &str| vec!["sidecars".into(), i.to_string(), k.to_owned()];
        ImageRef::parse(&sidecar.image).map_err(|m| Violation::new(path("image"), m, None))?;
        if sidecar.port.is_some() && sidecar.name.0.len() > 15 {
            return fail(
                path("name"),
                format!(
                    "`{}` names the sidecar's port too, and a port name is at most 15 characters",
                    sidecar.name.0
                ),
                Some("shorten the sidecar's name"),
            );
        }
    }
    for (i, init) in spec.init_containers.iter().enumerate() {
        if let Some(image) = &init.image {
            let path = vec!["initContainers".into(), i.to_string(), "image".into()];
            ImageRef::parse(image).map_err(|m| Violation::new(path, m, None))?;
        }
    }
    Ok(())
}

/// Mount paths: absolute, and each used once in the pod.
fn volumes(spec: &Spec) -> Checked {
    let absolute = |path: &str| path.starts_with('/') && !path.split('/').any(|p| p == "..");
    for (path, mount) in mounts(spec) {
        if !absolute(mount) {
            let place = match path[0].as_str() {
                "hostPaths" => "on the node",
                _ => "in the containers",
            };
            // The key's description gives the example.
            return fail(
                path,
                format!("`{mount}` is not an absolute path {place}"),
                None,
            );
        }
    }
    for name in spec.shared_volumes.keys().chain(spec.host_paths.keys()) {
        if name == "config" || name == "secrets" || name == "data" || name.starts_with("writable-")
        {
            let list = match spec.shared_volumes.contains_key(name) {
                true => "sharedVolumes",
                false => "hostPaths",
            };
            return fail(
                at(&[list, name]),
                format!("`{name}` is a volume name chartgen uses itself"),
                Some("pick another name, e.g. `shared-logs`"),
            );
        }
        if spec.shared_volumes.contains_key(name) && spec.host_paths.contains_key(name) {
            return fail(
                at(&["hostPaths", name]),
                format!(
                    "`{name}` names a shared volume as well; each volume of a pod has its own name"
                ),
                Some("rename one of them"),
            );
        }
    }
    mount_paths(spec)
}

/// Every path the spec mounts a volume at, with its key path.
fn mounts(spec: &Spec) -> Vec<(Vec<String>, &str)> {
    fn named<'a>(list: &str, map: &'a BTreeMap<String, String>) -> Vec<(Vec<String>, &'a str)> {
        map.iter()
            .map(|(name, path)| (at(&[list, name]), path.as_str()))
            .collect()
    }
    let writable = spec.writable_paths.iter().flatten().enumerate();
    let storage = spec.storage.iter();
    writable
        .map(|(i, p)| (vec!["writablePaths".to_owned(), i.to_string()], p.as_str()))
        .chain(named("sharedVolumes", &spec.shared_volumes))
        .chain(named("hostPaths", &spec.host_paths))
        .chain(storage.map(|s| (at(&["storage", "mountPath"]), s.mount_path.as_str())))
        .collect()
}

/// Two volumes mounted at one path: Kubernetes refuses the pod.
fn mount_paths(spec: &Spec) -> Checked {
    let mut seen: Vec<(Vec<String>, &str)> = Vec::new();
    for (path, mount) in mounts(spec) {
        let mount = mount.trim_end_matches('/');
        if let Some((first, _)) = seen.iter().find(|(_, m)| *m == mount) {
            return fail(
                path,
                format!(
                    "`{mount}` is mounted already, by `{}`; Kubernetes refuses two volumes at one path",
                    first.join(".")
                ),
                Some("give each volume its own path"),
            );
        }
        seen.push((path, mount));
    }
    Ok(())
}

fn secret_sources(spec: &Spec) -> Checked {
    let mut stores = spec
        .secret_sources
        .values()
        .filter_map(|s| s.store.as_ref());
    if let Some(first) = stores.next() {
        if let Some(other) = stores.find(|s| *s != first) {
            return fail(
                at(&["secretSources"]),
                format!(
                    "secrets come from two stores, `{}` and `{}`",
                    first.0, other.0
                ),
                Some("one ExternalSecret reads one store; use the same `store` for every secret"),
            );
        }
    }
    for (name, source) in &spec.secret_sources {
        if !spec.secrets.contains(name) {
            return fail(
                at(&["secretSources", name]),
                format!("`{name}` is not listed in `secrets`"),
                Some("a secret source says where a secret in `secrets` comes from; add it there"),
            );
        }
        if source.from == SecretBackend::ExternalSecret && source.store.is_none() {
            return fail(
                at(&["secretSources", name]),
                format!("`{name}` comes from an ExternalSecret but names no `store`"),
                Some("add `store: <SecretStore name>`"),
            );
        }
    }
    Ok(())
}

/// Host names at `base` (`hosts`, or an environment's): valid, each once.
fn hosts(hosts: &[&str], base: &[&str]) -> Checked {
    for (i, host) in hosts.iter().enumerate() {
        let mut path = at(base);
        path.push(i.to_string());
        check_host(host).map_err(|m| {
            Violation::new(
                path.clone(),
                format!("`{host}` is not a valid host name: it {m}"),
                Some("use a lower-case DNS name such as `api.example.com`".into()),
            )
        })?;
        if hosts[..i].contains(host) {
            return fail(
                path,
                format!("`{host}` is listed twice"),
                Some("list each host once"),
            );
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

/// Settings: each an environment variable name, each declared once across
/// `config`, `secrets` and `generatedSecrets`; a repeat is reported where it
/// is repeated, naming the first.
fn settings(spec: &Spec) -> Checked {
    let config = spec
        .config
        .keys()
        .map(|k| (at(&["config", k]), k, "e.g. `LOG_LEVEL`"));
    let secrets = spec.secrets.iter().enumerate().map(|(i, k)| {
        (
            vec!["secrets".to_owned(), i.to_string()],
            k,
            "e.g. `DATABASE_PASSWORD`",
        )
    });
    let generated = spec.generated_secrets.iter().enumerate().map(|(i, k)| {
        (
            vec!["generatedSecrets".to_owned(), i.to_string()],
            k,
            "e.g. `POSTGRES_PASSWORD`",
        )
    });
    let mut seen: Vec<(Vec<String>, &String)> = Vec::new();
    for (path, key, example) in config.chain(secrets).chain(generated) {
        if !is_env_key(key) {
            return fail(
                path,
                format!("`{key}` cannot be an environment variable name"),
                Some(&format!(
                    "use letters, digits and `_`, not starting with a digit, {example}"
                )),
            );
        }
        if let Some((first, _)) = seen.iter().find(|(_, k)| *k == key) {
            return fail(
                path,
                format!("`{key}` is declared twice: first at `{}`", first.join(".")),
                Some("each setting lives in `config`, `secrets` or `generatedSecrets`, once"),
            );
        }
        seen.push((path, key));
    }
    Ok(())
}

fn environments(spec: &Spec) -> Checked {
    let Some(list) = &spec.environments else {
        return Ok(());
    };
    for (i, env) in list.iter().enumerate() {
        let name = &env.detail().name.0;
        let path = match env {
            EnvironmentSpec::Name(_) => vec!["environments".to_owned(), i.to_string()],
            EnvironmentSpec::Detailed(_) => at(&["environments", &i.to_string(), "name"]),
        };
        let limit = match env {
            EnvironmentSpec::Name(_) => 63,
            EnvironmentSpec::Detailed(_) => 20,
        };
        check_dns_label(name, limit).map_err(|m| {
            Violation::new(
                path.clone(),
                format!("`{name}` is not a valid environment name: it {m}"),
                Some("e.g. `staging` (it names the overlay `values-staging.yaml`)".into()),
            )
        })?;
        if list[..i].iter().any(|other| other.detail().name.0 == *name) {
            return fail(
                path,
                format!("the environment `{name}` is declared twice"),
                Some("each environment has one overlay, `values-<name>.yaml`; list it once"),
            );
        }
        if let Some(cluster) = &env.detail().cluster {
            // A kubectl context name lands in printed commands and comments.
            let allowed = |c: char| c.is_ascii_alphanumeric() || "-._:/@+=,".contains(c);
            if let Some(bad) = cluster
                .chars()
                .find(|c| !allowed(*c))
                .or(cluster.is_empty().then_some(' '))
            {
                return fail(
                    at(&["environments", &i.to_string(), "cluster"]),
                    format!(
                        "`{}` is not a kubectl context name chartgen can print in a command: it {}",
                        cluster.escape_debug(),
                        if cluster.is_empty() { "is empty".to_owned() } else { format!("contains `{}`", bad.escape_debug()) }
                    ),
                    Some("use the context's name as `kubectl config get-contexts` lists it, e.g. `prod-eu` or `arn:aws:eks:eu-west-1:123456789012:cluster/prod`"),
                );
            }
        }
        let hosts_of = env.detail().hosts;
        let names: Vec<&str> = hosts_of.iter().map(|h| h.0.as_str()).collect();
        hosts(&names, &["environments", &i.to_string(), "hosts"])?;
    }
    Ok(())
}

/// Keys of `chartgen.yaml` and the Helm values section that carries each
/// into the chart: a blueprint whose values lack the section would ignore it.
const CARRIED_BY: &[(&str, &str)] = &[
    ("command", "command"),
    ("args", "args"),
    ("port", "containerPort"),
    ("healthPath", "probes"),
    ("healthPort", "healthPort"),
    ("healthCommand", "probes"),
    ("preStop", "preStop"),
    ("replicas", "replicaCount"),
    ("schedule", "cronJob"),
    ("timeZone", "cronJob"),
    ("config", "config"),
    ("secrets", "secrets"),
    ("secretSources", "secrets"),
    ("generatedSecrets", "secrets"),
    ("resources", "resources"),
    ("hosts", "ingress"),
    ("writablePaths", "writablePaths"),
    ("storage", "persistence"),
    ("jobs", "jobs"),
    ("sidecars", "sidecars"),
    ("initContainers", "initContainers"),
];

/// Checks a spec against its blueprint: `given` as written (and `written`,
/// as it serializes), `spec` with the blueprint's defaults filled in. A key
/// the blueprint would ignore is an error, never a silent difference.
pub fn check_blueprint(
    given: &Spec,
    written: &serde_json::Value,
    spec: &Spec,
    manifest: &BlueprintManifest,
) -> Result<()> {
    keys_it_ignores(written, manifest)?;
    environment_keys_it_ignores(given, manifest)?;
    mounts_with_its_defaults(given, spec, manifest)?;
    sidecars_that_let_jobs_end(spec, manifest)
}

/// A spec refused for its blueprint, at `key`.
fn refused(key: Vec<String>, message: String, hint: String) -> Error {
    Error::input(Some(key.join(".")), message, Some(hint))
}

/// Whether the blueprint's charts have the values `section`.
fn keeps(manifest: &BlueprintManifest, section: &str) -> bool {
    manifest.values.iter().any(|v| v == section)
}

/// A top-level key whose values section the blueprint's charts lack.
fn keys_it_ignores(written: &serde_json::Value, manifest: &BlueprintManifest) -> Result<()> {
    for (key, section) in CARRIED_BY {
        if written.get(key).is_some() && !keeps(manifest, section) {
            return Err(refused(
                vec![(*key).to_owned()],
                format!(
                    "the `{}` blueprint has no use for `{key}` (its charts have no `{section}` values), so it would be ignored",
                    manifest.name,
                ),
                format!("remove `{key}`, or choose a blueprint that uses it{}", used_by(key)),
            ));
        }
    }
    Ok(())
}

/// An environment's key whose values section the blueprint's charts lack.
fn environment_keys_it_ignores(given: &Spec, manifest: &BlueprintManifest) -> Result<()> {
    for (i, env) in given.environments.iter().flatten().enumerate() {
        let env = env.detail();
        let unused = [
            ("replicas", env.replicas.is_some(), "replicaCount"),
            ("hosts", !env.hosts.is_empty(), "ingress"),
        ];
        for (key, set, section) in unused {
            if set && !keeps(manifest, section) {
                return Err(refused(
                    vec!["environments".into(), i.to_string(), key.into()],
                    format!(
                        "the `{}` blueprint has no `{section}` values, so the environment's `{key}` would be ignored",
                        manifest.name
                    ),
                    format!("remove `{key}` from the environment"),
                ));
            }
        }
    }
    Ok(())
}

/// The mounts once the blueprint's defaults are in: they may mount what the
/// file mounts as well.
fn mounts_with_its_defaults(given: &Spec, spec: &Spec, manifest: &BlueprintManifest) -> Result<()> {
    let Err(v) = mount_paths(spec) else {
        return Ok(());
    };
    let defaulted = given.writable_paths.is_none() && spec.writable_paths.is_some();
    let note = match defaulted {
        true => format!(
            " (`writablePaths` defaults to `{}` in the `{}` blueprint)",
            spec.writable_paths
                .iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            manifest.name
        ),
        false => String::new(),
    };
    Err(refused(
        v.path,
        format!("{}{note}", v.message),
        v.hint.unwrap_or_default(),
    ))
}

/// Sidecars of a workload that runs to completion, where the Kubernetes
/// versions the chart admits would keep its pods running.
fn sidecars_that_let_jobs_end(spec: &Spec, manifest: &BlueprintManifest) -> Result<()> {
    if !manifest.workload.runs_to_completion()
        || spec.sidecars.is_empty()
        || super::super::native_sidecars(&spec.kube_version)
    {
        return Ok(());
    }
    let lowest = VersionRange::parse(&spec.kube_version)
        .ok()
        .and_then(|r| r.lowest())
        .map_or("versions".to_owned(), |v| format!("Kubernetes {v}"));
    Err(refused(
        vec!["sidecars".into()],
        format!(
            "`kubeVersion: {}` admits {lowest}, where a sidecar is an ordinary container: \
             the {}'s pod would end only when the sidecar does, so the job would never finish",
            spec.kube_version, manifest.workload
        ),
        "raise `kubeVersion` to `>=1.29.0-0` (the default): from Kubernetes 1.29 a sidecar is a \
         native init container that stops with the job; or remove the sidecars"
            .into(),
    ))
}

/// The built-in blueprint that uses a key only some of them use.
fn used_by(key: &str) -> &'static str {
    match key {
        "schedule" | "timeZone" => " (`cronjob`)",
        "storage" => " (`datastore`)",
        "hosts" => " (`web`)",
        _ => "",
    }
}
