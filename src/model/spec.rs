//! `chartgen.yaml`: the small input file that decides a chart's structure.
//!
//! Keys a blueprint has an opinion on (port, probes, user, storage, …) are
//! optional here: a blueprint's `defaults:` fill in what the file leaves out,
//! so a typical service needs only `name` and `image`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::types::{
    DnsLabel, HostName, Port, Quantity, ABSOLUTE_PATH_PATTERN, DNS_LABEL_PATTERN, ENV_KEY_PATTERN,
    RULE_CODE_PATTERN, TIME_ZONE_PATTERN,
};
use super::values::ConcurrencyPolicy;

/// A chartgen service description (`chartgen.yaml`). Structure is decided
/// here; quantities become Helm values operators override per environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "chartgen.yaml")]
pub struct Spec {
    /// Chart name, also the base of every resource name: a DNS-1123 label of at most 53 characters, e.g. `web-api`.
    #[schemars(length(min = 1, max = 53))]
    pub name: DnsLabel,
    /// Blueprint that shapes the chart: `web`, `worker`, `cronjob`, `datastore` or `daemon`.
    #[serde(default = "default_blueprint")]
    pub blueprint: String,
    /// One-line description for Chart.yaml and the chart README.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Chart version (SemVer 2), e.g. `1.4.0`.
    #[serde(default = "default_version")]
    pub version: String,
    /// Kubernetes versions the chart supports, a range as Helm reads Chart.yaml's `kubeVersion`, e.g. `>=1.29.0-0`; sidecars are native when every version it admits is 1.29 or later.
    #[serde(default = "default_kube_version")]
    pub kube_version: String,
    /// Container image as `repository:tag` or `repository@sha256:digest`, e.g. `ghcr.io/acme/billing:2.3.1`; a moving tag such as `latest` is refused.
    pub image: String,
    /// Command run in the main container, replacing the image's entrypoint, e.g. `[/app/server, --verbose]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// Arguments to the command (or to the image's entrypoint), e.g. `[--port, "9000"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
    /// Port the application serves on (named `http`), e.g. `8080`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<Port>,
    /// HTTP path the readiness and liveness probes request, e.g. `/healthz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ABSOLUTE_PATH_PATTERN))]
    pub health_path: Option<String>,
    /// Port of an HTTP health endpoint (named `health`), for processes that serve nothing else, e.g. `8081`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_port: Option<Port>,
    /// Command whose success means healthy, for processes without an HTTP endpoint, e.g. `[/app/check]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub health_command: Option<Vec<String>>,
    /// Command run before the container is stopped (a `preStop` hook) to finish work, e.g. `[/app/worker, drain]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_stop: Option<Vec<String>>,
    /// Pod replicas when autoscaling is off, from 0 to 1000, e.g. `3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1000))]
    pub replicas: Option<u32>,
    /// Cron schedule of a `cronjob`, e.g. `0 3 * * *` or `@daily`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Time zone the schedule is read in (IANA name, e.g. `Europe/Berlin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = TIME_ZONE_PATTERN), length(min = 1))]
    pub time_zone: Option<String>,
    /// User ID the containers run as, from 1 (never root), e.g. `10001`; unset keeps the image's own non-root user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub run_as_user: Option<u32>,
    /// Group that owns mounted volumes, so a non-root process can write them, e.g. `10001`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fs_group: Option<u32>,
    /// Generic settings (a ConfigMap), loaded as environment variables by default, e.g. `LOG_LEVEL: info`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ENV_KEY_PATTERN }))]
    pub config: BTreeMap<String, String>,
    /// Names of sensitive settings (a Secret), e.g. `[DATABASE_PASSWORD]`; values are supplied at install time, never committed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = ENV_KEY_PATTERN)))]
    pub secrets: Vec<String>,
    /// Where secrets come from instead of install-time values: an external store
    /// through the External Secrets Operator, or Vault through its Agent injector.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secret_sources: BTreeMap<String, SecretSource>,
    /// Sensitive settings generated on first install when no value is given, then kept across upgrades, e.g. `[POSTGRES_PASSWORD]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = ENV_KEY_PATTERN)))]
    pub generated_secrets: Vec<String>,
    /// Give the main container its secrets as files under `/etc/<name>/secrets/`, each with a `<KEY>_FILE` variable holding its path, instead of environment variables (for images that read `*_FILE`, such as PostgreSQL's `POSTGRES_PASSWORD_FILE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_files: Option<bool>,
    /// CPU and memory for the main container, e.g. `{ cpu: 250m, memory: 256Mi }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourcesSpec>,
    /// Public host names, e.g. `[shop.example.com]`; when set the Ingress is enabled by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<HostName>,
    /// Directories the application writes to, e.g. `[/tmp]`; each gets an emptyDir because the root filesystem is read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writable_paths: Option<Vec<String>>,
    /// A persistent volume per pod (the `datastore` blueprint), e.g. `{ mountPath: /var/lib/data, size: 10Gi }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageSpec>,
    /// Admin tasks with the app's image: Helm hooks (e.g. database migrations: `[{ name: migrate, command: [/app/migrate] }]`) or, with `schedule`, CronJobs beside the app.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jobs: Vec<JobSpec>,
    /// Extra containers beside the main one (the sidecar pattern), e.g. `[{ name: log-shipper, image: fluent/fluent-bit:3.1.9 }]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sidecars: Vec<SidecarSpec>,
    /// Containers that run to completion before the main one starts, e.g. `[{ name: wait-for-db, command: [/app/wait] }]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub init_containers: Vec<InitContainerSpec>,
    /// Environments to write `values-<env>.yaml` overlays for, e.g. `[dev, { name: prod, replicas: 5 }]`; `dev`, `staging` and `prod` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environments: Option<Vec<EnvironmentSpec>>,
    /// Folders of the node the main container reads (hostPath volumes, mounted read-only at the same path), name to path, e.g. `logs: /var/log`; the restricted Pod Security profile forbids them, so `chartgen lint` warns.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": DNS_LABEL_PATTERN, "maxLength": 50 }))]
    pub host_paths: BTreeMap<String, String>,
    /// Folders shared by every container of the pod (emptyDirs), name to mount path, e.g. `shared-logs: /var/log/app`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": DNS_LABEL_PATTERN, "maxLength": 50 }))]
    pub shared_volumes: BTreeMap<String, String>,
    /// How `chartgen lint` treats this chart, e.g. `{ rules: { CG022: off } }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSpec>,
}

/// `chartgen lint` settings for one chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LintSpec {
    /// Rule code (`chartgen lint --explain` lists them) to its severity here, or `off`; `--rule` on the command line wins.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": RULE_CODE_PATTERN }))]
    pub rules: BTreeMap<String, crate::lint::RuleLevel>,
}

/// CPU and memory sizing for the main container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResourcesSpec {
    /// CPU request, e.g. `100m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Quantity>,
    /// Memory request and limit, e.g. `128Mi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Quantity>,
}

/// Where one secret comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SecretSource {
    /// The mechanism that fetches it.
    pub from: SecretBackend,
    /// Path of the secret in the store, e.g. `secret/data/billing/stripe`.
    #[schemars(length(min = 1))]
    pub path: String,
    /// Field of that secret holding the value, e.g. `token`.
    #[schemars(length(min = 1))]
    pub field: String,
    /// The (Cluster)SecretStore to read from, for `externalSecret`, e.g. `vault-backend`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<DnsLabel>,
}

/// Mechanisms that fetch secrets from outside the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum SecretBackend {
    /// An `ExternalSecret` of the External Secrets Operator fills the chart's external Secret.
    ExternalSecret,
    /// The Vault Agent injector writes the value to a file under `/vault/secrets/`.
    Vault,
}

/// A persistent volume per pod.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct StorageSpec {
    /// Where the volume is mounted in the main container, e.g. `/var/lib/data`.
    #[schemars(regex(pattern = ABSOLUTE_PATH_PATTERN))]
    pub mount_path: String,
    /// Volume size, e.g. `10Gi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Quantity>,
    /// StorageClass, e.g. `fast-ssd`; unset means the cluster default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_class: Option<String>,
}

/// An environment: a name, or a name with details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum EnvironmentSpec {
    /// Just the name, e.g. `staging`.
    Name(DnsLabel),
    /// The name and how it differs.
    Detailed(Environment),
}

/// An environment and how it differs from the chart's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Environment {
    /// Environment name, e.g. `prod`: the overlay is `values-<name>.yaml`.
    #[schemars(length(min = 1, max = 20))]
    pub name: DnsLabel,
    /// Namespace to install into when environments share a cluster, e.g. `shop-staging`; the environment's name when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<DnsLabel>,
    /// kubectl context of the environment's own cluster, when each has one, e.g. `prod-eu`; the environment's name when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Pod replicas in this environment, e.g. `5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1000))]
    pub replicas: Option<u32>,
    /// Public host names in this environment, e.g. `[staging.example.com]`; they enable the Ingress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<HostName>,
}

impl EnvironmentSpec {
    /// The environment with every detail, the unset ones left `None`.
    pub fn detail(&self) -> Environment {
        match self {
            EnvironmentSpec::Name(name) => Environment {
                name: name.clone(),
                namespace: None,
                cluster: None,
                replicas: None,
                hosts: Vec::new(),
            },
            EnvironmentSpec::Detailed(env) => env.clone(),
        }
    }
}

/// An admin task with the app's image, tag, settings, secrets and ServiceAccount: a Helm hook Job, or with `schedule` a CronJob.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = non_empty_job_lists)]
pub struct JobSpec {
    /// Job name, e.g. `migrate`: a DNS-1123 label.
    #[schemars(length(min = 1, max = 20))]
    pub name: DnsLabel,
    /// Command to run, with the app's image.
    pub command: Vec<String>,
    /// Arguments to the command.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// Helm hook events that run the job; `pre-install` and `pre-upgrade` when unset. Not with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook: Option<Vec<HookEvent>>,
    /// Order among hooks of the same event; lower runs first (0 when unset). Not with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
    /// Cron schedule, e.g. `0 3 * * *`: the job becomes a CronJob beside the app instead of a hook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Time zone the schedule is read in (IANA name, e.g. `Europe/Berlin`); with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = TIME_ZONE_PATTERN), length(min = 1))]
    pub time_zone: Option<String>,
    /// What happens when a run is due while the previous one is still going (`Forbid` when unset); with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency_policy: Option<ConcurrencyPolicy>,
    /// Successful runs kept in history (3 when unset); with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successful_jobs_history_limit: Option<u32>,
    /// Failed runs kept in history (3 when unset); with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_jobs_history_limit: Option<u32>,
    /// Create the CronJob suspended, so it runs only when resumed; with `schedule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
}

impl JobSpec {
    /// The hook events that run the job: none for a scheduled job.
    pub fn hook_events(&self) -> Vec<HookEvent> {
        match (&self.schedule, &self.hook) {
            (Some(_), _) => Vec::new(),
            (None, Some(events)) => events.clone(),
            (None, None) => vec![HookEvent::PreInstall, HookEvent::PreUpgrade],
        }
    }
}

/// Helm hook events a job can run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HookEvent {
    /// Before the release's resources are first installed.
    PreInstall,
    /// After they are installed.
    PostInstall,
    /// Before an upgrade's resources are applied.
    PreUpgrade,
    /// After they are applied.
    PostUpgrade,
    /// Before a rollback.
    PreRollback,
    /// After a rollback.
    PostRollback,
    /// Before the release is deleted.
    PreDelete,
    /// After it is deleted.
    PostDelete,
}

/// A container beside the main one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SidecarSpec {
    /// Container name: a DNS-1123 label, e.g. `log-shipper`.
    #[schemars(length(min = 1, max = 63))]
    pub name: DnsLabel,
    /// Image with an explicit tag or digest, e.g. `fluent/fluent-bit:3.1.9`.
    pub image: String,
    /// Command replacing the image's entrypoint, e.g. `[/fluent-bit/bin/fluent-bit]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    /// Arguments, e.g. `[--verbose]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// Port it serves on, e.g. `9102`; the Service exposes it under the sidecar's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<Port>,
    /// HTTP path probed on that port, e.g. `/healthz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ABSOLUTE_PATH_PATTERN))]
    pub health_path: Option<String>,
}

/// A container run to completion before the others start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InitContainerSpec {
    /// Container name: a DNS-1123 label, e.g. `log-shipper`.
    #[schemars(length(min = 1, max = 63))]
    pub name: DnsLabel,
    /// Image with an explicit tag or digest, e.g. `busybox:1.36.1`; the app's image when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Command to run, e.g. `[/app/wait-for-db]`.
    #[schemars(length(min = 1))]
    pub command: Vec<String>,
    /// Arguments, e.g. `[--verbose]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
}

/// Neither a job's command nor its hook events may be given empty: the
/// chart's values schema requires a command, and an empty hook list writes
/// an empty `helm.sh/hook` annotation, so the job would never run.
fn non_empty_job_lists(schema: &mut schemars::Schema) {
    for key in ["command", "hook"] {
        if let Some(property) = schema
            .get_mut("properties")
            .and_then(|p| p.get_mut(key))
            .and_then(Json::as_object_mut)
        {
            property.insert("minItems".into(), 1.into());
        }
    }
}

fn default_blueprint() -> String {
    "web".into()
}
fn default_version() -> String {
    "0.1.0".into()
}
fn default_kube_version() -> String {
    ">=1.29.0-0".into()
}

impl Spec {
    /// The spec `chartgen new NAME` starts from, before blueprint defaults.
    pub fn new(name: &str, blueprint: &str, image: &str) -> Self {
        serde_json::from_value(serde_json::json!({
            "name": name,
            "blueprint": blueprint,
            "image": image,
        }))
        .expect("a minimal spec deserializes")
    }

    /// The spec `written` (a spec as it serializes) with `defaults` (a
    /// blueprint's) filling the keys it leaves unset; a key set there always
    /// wins, even when set to an empty list. The merge is on the serialized
    /// form because a blueprint's defaults are data, any subset of the keys.
    pub fn over(written: &Json, defaults: &Json) -> Result<Spec, String> {
        let mut merged = defaults.clone();
        if let (Json::Object(base), Json::Object(own)) = (&mut merged, written) {
            base.extend(own.clone());
        }
        serde_json::from_value(merged).map_err(|e| e.to_string())
    }
}
