//! The Helm values of a generated chart.
//!
//! These types are the one source of truth for `values.yaml` (defaults and the
//! comment above every key), `values.schema.json` (types, constraints and
//! descriptions) and the values table of the chart README: every `///` line
//! below reaches all three.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::types::{DnsLabel, HostName, ImageDigest, ImageTag, Port, Quantity, TIME_ZONE_PATTERN};

/// Values of a generated chart. A blueprint keeps the sections it uses.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "Helm values")]
pub struct Values {
    /// Values shared with subcharts; this chart reads none of them.
    pub global: BTreeMap<String, Json>,
    /// Replaces the chart name in resource names.
    pub name_override: String,
    /// Replaces the whole `release-chart` resource name prefix.
    pub fullname_override: String,
    /// The main container image.
    pub image: Image,
    /// Secrets holding registry credentials, by name.
    pub image_pull_secrets: Vec<LocalObjectReference>,
    /// Command of the main container; empty runs the image's entrypoint.
    pub command: Vec<String>,
    /// Arguments of the main container; empty keeps the image's default.
    pub args: Vec<String>,
    /// Pod replicas when autoscaling is off.
    #[schemars(range(min = 0))]
    pub replica_count: u32,
    /// Old ReplicaSets kept for rollback.
    #[schemars(range(min = 0))]
    pub revision_history_limit: u32,
    /// Port the application listens on inside the pod (named `http`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<Port>,
    /// Port of the HTTP health endpoint (named `health`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_port: Option<Port>,
    /// Writable directories, each backed by an emptyDir (the root filesystem is read-only).
    pub writable_paths: Vec<String>,
    /// Generic settings stored in a ConfigMap.
    pub config: ConfigValues,
    /// Sensitive settings stored in a Secret.
    pub secrets: SecretValues,
    /// Extra environment variables set directly on the container (`NAME: value`).
    #[schemars(extend("propertyNames" = { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }))]
    pub env: BTreeMap<String, String>,
    /// CPU and memory for the main container.
    pub resources: Resources,
    /// Health checks of the main container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probes: Option<Probes>,
    /// Command run before the main container is stopped; empty runs none.
    pub pre_stop: Vec<String>,
    /// The ServiceAccount pods run as.
    pub service_account: ServiceAccount,
    /// The Service in front of the pods; charts whose pods serve no port have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
    /// The Ingress routing outside traffic to the Service.
    pub ingress: Ingress,
    /// The HorizontalPodAutoscaler.
    pub autoscaling: Autoscaling,
    /// The PodDisruptionBudget, created when more than one pod can run.
    pub pod_disruption_budget: PodDisruptionBudget,
    /// The NetworkPolicy admitting traffic to the pods.
    pub network_policy: NetworkPolicy,
    /// The volume each pod gets (a PersistentVolumeClaim template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence: Option<Persistence>,
    /// Whether pods start and stop one at a time (`OrderedReady`) or together (`Parallel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_management_policy: Option<PodManagementPolicy>,
    /// How pods are replaced when the chart changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_strategy: Option<UpdateStrategy>,
    /// The CronJob's schedule and job settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cron_job: Option<CronJob>,
    /// Admin jobs by name: Helm hooks, or CronJobs when they have a schedule.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub jobs: BTreeMap<String, Job>,
    /// Sidecar containers, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sidecars: BTreeMap<String, Sidecar>,
    /// Init containers, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub init_containers: BTreeMap<String, InitContainer>,
    /// Extra annotations on every pod.
    pub pod_annotations: BTreeMap<String, String>,
    /// Extra labels on every pod.
    pub pod_labels: BTreeMap<String, String>,
    /// Pod-level security settings (Pod Security Standards, restricted profile).
    pub pod_security_context: PodSecurityContext,
    /// Container-level security settings (Pod Security Standards, restricted profile).
    pub security_context: SecurityContext,
    /// Seconds a pod gets to shut down after SIGTERM.
    #[schemars(range(min = 0))]
    pub termination_grace_period_seconds: u32,
    /// Node labels pods must match.
    pub node_selector: BTreeMap<String, String>,
    /// Taints pods tolerate (Kubernetes `tolerations`).
    pub tolerations: Vec<Json>,
    /// Pod scheduling affinity (Kubernetes `affinity`).
    pub affinity: BTreeMap<String, Json>,
    /// How pods spread across zones and nodes (Kubernetes `topologySpreadConstraints`).
    pub topology_spread_constraints: Vec<Json>,
    /// The `helm test` connection check; charts whose pods serve no port have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<Tests>,
}

impl Values {
    /// Every top-level key, as spelled in values files.
    pub const KEYS: &'static [&'static str] = &[
        "global",
        "nameOverride",
        "fullnameOverride",
        "image",
        "imagePullSecrets",
        "command",
        "args",
        "replicaCount",
        "revisionHistoryLimit",
        "containerPort",
        "healthPort",
        "writablePaths",
        "config",
        "secrets",
        "env",
        "resources",
        "probes",
        "preStop",
        "serviceAccount",
        "service",
        "ingress",
        "autoscaling",
        "podDisruptionBudget",
        "networkPolicy",
        "persistence",
        "podManagementPolicy",
        "updateStrategy",
        "cronJob",
        "jobs",
        "sidecars",
        "initContainers",
        "podAnnotations",
        "podLabels",
        "podSecurityContext",
        "securityContext",
        "terminationGracePeriodSeconds",
        "nodeSelector",
        "tolerations",
        "affinity",
        "topologySpreadConstraints",
        "tests",
    ];
}

/// A container image reference.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Image {
    /// Image repository, e.g. `ghcr.io/acme/web-api`.
    #[schemars(length(min = 1))]
    pub repository: String,
    /// Explicit image tag (`latest` is refused); empty means the chart's `appVersion`.
    pub tag: ImageTag,
    /// Image digest (`sha256:…`); when set it pins the image and the tag is informational.
    pub digest: ImageDigest,
    /// When the kubelet pulls the image.
    pub pull_policy: PullPolicy,
}

/// Kubernetes image pull policies.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum PullPolicy {
    /// Pull on every start.
    Always,
    /// Pull when the node lacks the image.
    IfNotPresent,
    /// Never pull.
    Never,
}

/// A reference to an object by name.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalObjectReference {
    /// Object name.
    pub name: DnsLabel,
}

/// How a ConfigMap or Secret reaches the container.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LoadAs {
    /// Every key becomes an environment variable (`envFrom`).
    Env,
    /// Every key becomes a file under `mountPath`.
    Files,
}

/// Generic settings: a ConfigMap.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConfigValues {
    /// Load the settings as environment variables (`env`) or as files (`files`).
    pub load_as: LoadAs,
    /// Directory the files appear in when `loadAs` is `files`.
    #[schemars(regex(pattern = r"^/"))]
    pub mount_path: String,
    /// Settings, key to value; values are strings (quote numbers and booleans).
    #[schemars(extend("propertyNames" = { "pattern": "^[-._a-zA-Z0-9]+$" }))]
    pub data: BTreeMap<String, String>,
}

/// Sensitive settings: a Secret.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SecretValues {
    /// Load the settings as environment variables (`env`) or as files (`files`).
    pub load_as: LoadAs,
    /// Directory the files appear in when `loadAs` is `files`.
    #[schemars(regex(pattern = r"^/"))]
    pub mount_path: String,
    /// With `loadAs: files`, also set `<KEY>_FILE` to each file's path, for images that read credentials that way (PostgreSQL, MySQL, MariaDB and MongoDB do); Vault's files get one too.
    pub file_variables: bool,
    /// Use this existing Secret instead of creating one from `data`.
    pub existing_secret: String,
    /// Settings the External Secrets Operator copies from a store into the Secret `<fullname>-external`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_secret: Option<ExternalSecretValues>,
    /// Settings the Vault Agent injector writes as files under `/vault/secrets/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault: Option<VaultValues>,
    /// Settings, key to value; supply them at install time (`--set-string secrets.data.KEY=…`), never commit them.
    #[schemars(extend("propertyNames" = { "pattern": "^[-._a-zA-Z0-9]+$" }))]
    pub data: BTreeMap<String, String>,
}

/// An `ExternalSecret` (external-secrets.io).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExternalSecretValues {
    /// Create the ExternalSecret and load its Secret; an environment without the operator turns it off.
    pub enabled: bool,
    /// The store to read from.
    pub secret_store_ref: SecretStoreRef,
    /// How often the values are read again, e.g. `1h`.
    #[schemars(regex(pattern = r"^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$"))]
    pub refresh_interval: String,
    /// Settings by name, each a key and property in the store.
    pub data: BTreeMap<String, RemoteRef>,
}

/// A reference to a SecretStore or ClusterSecretStore.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecretStoreRef {
    /// Store name.
    pub name: DnsLabel,
    /// Store kind.
    pub kind: SecretStoreKind,
}

/// Kinds of secret stores.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum SecretStoreKind {
    /// A store shared by the whole cluster.
    ClusterSecretStore,
    /// A store in the release's namespace.
    SecretStore,
}

/// Where a value sits in a store.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteRef {
    /// The secret's key or path in the store.
    #[schemars(length(min = 1))]
    pub key: String,
    /// The field of that secret.
    #[schemars(length(min = 1))]
    pub property: String,
}

/// Vault Agent injection.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VaultValues {
    /// Inject the Vault Agent; an environment without Vault turns it off.
    pub enabled: bool,
    /// Vault role the pods authenticate as (Kubernetes auth).
    #[schemars(length(min = 1))]
    pub role: String,
    /// Settings by name, each a path and field in Vault; the file is `/vault/secrets/<name>`.
    pub data: BTreeMap<String, RemoteRef>,
}

/// Requests and limits of a container.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    /// What the scheduler reserves for the container.
    pub requests: ResourceRequests,
    /// The most the container may use; exceeding the memory limit restarts it.
    pub limits: ResourceLimits,
}

/// Reserved CPU and memory.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceRequests {
    /// CPU request, e.g. `100m`.
    pub cpu: Quantity,
    /// Memory request, e.g. `128Mi`.
    pub memory: Quantity,
}

/// Upper bounds on CPU and memory.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceLimits {
    /// CPU limit; unset by default because CPU throttling hurts latency more than it protects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Quantity>,
    /// Memory limit, e.g. `128Mi`.
    pub memory: Quantity,
}

/// Readiness and liveness probes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Probes {
    /// Whether the pod receives traffic.
    pub readiness: Probe,
    /// Whether the container is restarted.
    pub liveness: Probe,
}

/// A probe: a command when `command` is set, else an HTTP GET of `path`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Probe {
    /// Request path of an HTTP probe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^/"))]
    pub path: Option<String>,
    /// Command of an exec probe; exit status 0 means healthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub command: Option<Vec<String>>,
    /// Seconds before the first probe.
    #[schemars(range(min = 0))]
    pub initial_delay_seconds: u32,
    /// Seconds between probes.
    #[schemars(range(min = 1))]
    pub period_seconds: u32,
    /// Seconds before a probe times out.
    #[schemars(range(min = 1))]
    pub timeout_seconds: u32,
    /// Consecutive failures that count as failed.
    #[schemars(range(min = 1))]
    pub failure_threshold: u32,
}

/// A volume per pod.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Persistence {
    /// Volume size, e.g. `10Gi`; a StatefulSet cannot grow it in place.
    pub size: Quantity,
    /// StorageClass; empty means the cluster default.
    pub storage_class: String,
    /// How the volume may be mounted.
    #[schemars(length(min = 1))]
    pub access_modes: Vec<AccessMode>,
}

/// Volume access modes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[allow(clippy::enum_variant_names)] // Kubernetes' own names.
pub enum AccessMode {
    /// Read-write by one node.
    ReadWriteOnce,
    /// Read-write by one pod.
    ReadWriteOncePod,
    /// Read-only by many nodes.
    ReadOnlyMany,
    /// Read-write by many nodes.
    ReadWriteMany,
}

/// StatefulSet pod management policies.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum PodManagementPolicy {
    /// One pod at a time, in order.
    OrderedReady,
    /// All pods at once.
    Parallel,
}

/// How pods are replaced.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateStrategy {
    /// Strategy type.
    #[serde(rename = "type")]
    pub kind: UpdateStrategyType,
    /// Pods that may be unavailable at once during a rolling update (DaemonSet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub max_unavailable: Option<u32>,
}

/// Update strategy types.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum UpdateStrategyType {
    /// Replace pods one by one as soon as the chart changes.
    RollingUpdate,
    /// Replace a pod only when it is deleted.
    OnDelete,
}

/// How overlapping runs of a CronJob are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ConcurrencyPolicy {
    /// Skip a run while the previous one is still going.
    Forbid,
    /// Run them side by side.
    Allow,
    /// Stop the previous run and start the new one.
    Replace,
}

/// A CronJob's schedule and the settings of the jobs it starts.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CronJob {
    /// Cron schedule: five fields (minute hour day-of-month month day-of-week) or a macro such as `@daily`.
    #[schemars(length(min = 6))]
    pub schedule: String,
    /// IANA time zone the schedule is read in, e.g. `Europe/Berlin`; empty means the controller's (usually UTC).
    #[schemars(regex(pattern = TIME_ZONE_PATTERN))]
    pub time_zone: String,
    /// Stop scheduling new runs.
    pub suspend: bool,
    /// What happens when a run is due while the previous one is still going.
    pub concurrency_policy: ConcurrencyPolicy,
    /// Seconds after the scheduled time within which a missed run may still start.
    #[schemars(range(min = 1))]
    pub starting_deadline_seconds: u32,
    /// Seconds a run may take before it is stopped.
    #[schemars(range(min = 1))]
    pub active_deadline_seconds: u32,
    /// Retries of a failed run.
    #[schemars(range(min = 0))]
    pub backoff_limit: u32,
    /// Seconds a finished run's pods are kept for inspection.
    #[schemars(range(min = 0))]
    pub ttl_seconds_after_finished: u32,
    /// Successful runs kept in history.
    #[schemars(range(min = 0))]
    pub successful_jobs_history_limit: u32,
    /// Failed runs kept in history.
    #[schemars(range(min = 0))]
    pub failed_jobs_history_limit: u32,
}

/// An admin job with the app's image: a hook, or a CronJob with a schedule.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Job {
    // First: untagged variants are tried in order, and only this one
    // requires a key of its own (`schedule`).
    /// Run on a schedule.
    Scheduled(ScheduledJob),
    /// Run as a Helm hook.
    Hook(HookJob),
}

/// An admin task run on a schedule (a CronJob) with the app's image, settings, secrets and ServiceAccount.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
// `flatten` rules out serde's deny_unknown_fields; the schema still closes it.
#[schemars(extend("additionalProperties" = false))]
pub struct ScheduledJob {
    /// Create the CronJob; turn it off per environment.
    pub enabled: bool,
    /// Command to run.
    #[schemars(length(min = 1))]
    pub command: Vec<String>,
    /// Arguments to the command.
    pub args: Vec<String>,
    /// Its schedule and the settings of the jobs it starts.
    #[serde(flatten)]
    pub cron: CronJob,
    /// CPU and memory of the job's container.
    pub resources: Resources,
    /// Where its pods run, and what they carry besides the app's `podLabels`.
    #[serde(flatten)]
    pub pods: JobPods,
}

/// An admin job run as a Helm hook with the app's image.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
// `flatten` rules out serde's deny_unknown_fields; the schema still closes it.
#[schemars(extend("additionalProperties" = false))]
pub struct HookJob {
    /// Run the job.
    pub enabled: bool,
    /// Command to run.
    #[schemars(length(min = 1))]
    pub command: Vec<String>,
    /// Arguments to the command.
    pub args: Vec<String>,
    /// Seconds the job may take, retries included, before it is stopped and the release fails. Keep it below Helm's `--timeout` (5 minutes by default), which fails the release while the job runs on: raise both together, e.g. 840 with `--timeout 15m`.
    #[schemars(range(min = 1))]
    pub active_deadline_seconds: u32,
    /// Retries of a failed run.
    #[schemars(range(min = 0))]
    pub backoff_limit: u32,
    /// Seconds a finished Job is kept: Helm deletes one that succeeded, and this removes one that failed (a failed `post-delete` job would outlive its release).
    #[schemars(range(min = 0))]
    pub ttl_seconds_after_finished: u32,
    /// CPU and memory of the job's container.
    pub resources: Resources,
    /// Where its pods run, and what they carry besides the app's `podLabels`.
    #[serde(flatten)]
    pub pods: JobPods,
}

/// The pods of an admin job: they carry the app's `podLabels` (which policies
/// and cost reports select on) but not its `podAnnotations`, `affinity` or
/// `tolerations`, which concern the app's own pods.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobPods {
    /// Annotations on the job's pods (the app's `podAnnotations` are not copied), e.g. `sidecar.istio.io/inject: "false"` so a mesh proxy does not keep the job from finishing.
    pub pod_annotations: BTreeMap<String, String>,
    /// Node labels the job's pods must match, besides the `kubernetes.io/os` and `kubernetes.io/arch` of the app's `nodeSelector` (its image's platform), which they keep.
    pub node_selector: BTreeMap<String, String>,
    /// Taints the job's pods tolerate (Kubernetes `tolerations`); the app's are not copied, so a job lands only where ordinary pods may.
    pub tolerations: Vec<Json>,
}

/// A sidecar container.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Sidecar {
    /// The sidecar's image.
    pub image: Image,
    /// Command replacing the image's entrypoint; empty keeps it.
    pub command: Vec<String>,
    /// Arguments; empty keeps the image's default.
    pub args: Vec<String>,
    /// CPU and memory of the sidecar.
    pub resources: Resources,
}

/// An init container.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InitContainer {
    /// The container's image.
    pub image: Image,
    /// Command to run.
    #[schemars(length(min = 1))]
    pub command: Vec<String>,
    /// Arguments to the command.
    pub args: Vec<String>,
    /// CPU and memory of the container.
    pub resources: Resources,
}

/// The pods' ServiceAccount.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceAccount {
    /// Create a ServiceAccount for the chart.
    pub create: bool,
    /// Name to use; empty means the chart's full name (or `default` when not created).
    pub name: String,
    /// Annotations on the ServiceAccount (e.g. cloud IAM bindings).
    pub annotations: BTreeMap<String, String>,
    /// Mount an API token into every container of the pods: off, as nothing in them calls the Kubernetes API (a Vault agent gets a token of its own).
    #[serde(rename = "automountToken")]
    pub automount_token: bool,
}

/// Kubernetes Service types.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum ServiceType {
    /// Reachable inside the cluster only.
    ClusterIP,
    /// Also on a port of every node.
    NodePort,
    /// Also through a cloud load balancer.
    LoadBalancer,
}

/// The Service.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Service type.
    #[serde(rename = "type")]
    pub kind: ServiceType,
    /// Port the Service listens on; it forwards to the container's `http` port.
    pub port: Port,
    /// Annotations on the Service.
    pub annotations: BTreeMap<String, String>,
}

/// The Ingress.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Ingress {
    /// Create the Ingress.
    pub enabled: bool,
    /// IngressClass to use; empty means the cluster default.
    pub class_name: String,
    /// Annotations on the Ingress (controller settings, cert-manager issuers).
    pub annotations: BTreeMap<String, String>,
    /// Hosts and paths routed to the Service.
    pub hosts: Vec<IngressHost>,
    /// TLS certificates, by Secret name and the hosts they cover.
    pub tls: Vec<IngressTls>,
}

/// A host routed by the Ingress.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IngressHost {
    /// Host name, e.g. `api.example.com`.
    pub host: HostName,
    /// Paths on that host.
    #[schemars(length(min = 1))]
    pub paths: Vec<IngressPath>,
}

/// A path routed by the Ingress.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IngressPath {
    /// URL path.
    #[schemars(regex(pattern = r"^/"))]
    pub path: String,
    /// How the path matches.
    pub path_type: PathType,
}

/// Ingress path matching.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum PathType {
    /// Matches by path elements.
    Prefix,
    /// Matches the whole path.
    Exact,
    /// Left to the IngressClass.
    ImplementationSpecific,
}

/// A TLS certificate of the Ingress.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IngressTls {
    /// Secret holding the certificate and key.
    pub secret_name: DnsLabel,
    /// Hosts the certificate covers.
    pub hosts: Vec<HostName>,
}

/// The HorizontalPodAutoscaler.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Autoscaling {
    /// Scale on CPU use instead of a fixed `replicaCount`.
    pub enabled: bool,
    /// Fewest pods.
    #[schemars(range(min = 1))]
    pub min_replicas: u32,
    /// Most pods.
    #[schemars(range(min = 1))]
    pub max_replicas: u32,
    /// Average CPU use, as a percentage of the request, to aim for.
    #[serde(rename = "targetCPUUtilizationPercentage")]
    #[schemars(range(min = 1, max = 100))]
    pub target_cpu_utilization_percentage: u32,
}

/// The PodDisruptionBudget.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PodDisruptionBudget {
    /// Create the budget when more than one pod can run.
    pub enabled: bool,
    /// Pods that may be down at once during voluntary disruptions such as node drains.
    #[schemars(range(min = 1))]
    pub max_unavailable: u32,
}

/// The NetworkPolicy.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkPolicy {
    /// Create the NetworkPolicy; it admits traffic to the `http` port only.
    pub enabled: bool,
    /// Who may connect to the serving ports (Kubernetes NetworkPolicyPeer list); empty admits every source. The release's own pods (its `helm test` pod and admin jobs) stay admitted. Only charts whose pods serve a port have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Vec<Json>>,
}

/// Pod security context.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PodSecurityContext {
    /// Refuse to start containers whose user is root.
    pub run_as_non_root: bool,
    /// User ID of the container processes; empty keeps the image's own non-root user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub run_as_user: Option<u32>,
    /// Group ID of the container processes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub run_as_group: Option<u32>,
    /// Group that owns mounted volumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub fs_group: Option<u32>,
    /// Seccomp profile for every container.
    pub seccomp_profile: SeccompProfile,
}

/// A seccomp profile.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeccompProfile {
    /// Profile type; the restricted profile allows `RuntimeDefault` and `Localhost`.
    #[serde(rename = "type")]
    pub kind: SeccompType,
}

/// Seccomp profile types the restricted profile allows.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
pub enum SeccompType {
    /// The container runtime's default profile.
    RuntimeDefault,
    /// A profile file on the node.
    Localhost,
}

/// Container security context.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SecurityContext {
    /// Forbid gaining privileges (setuid binaries).
    pub allow_privilege_escalation: bool,
    /// Mount the root filesystem read-only.
    pub read_only_root_filesystem: bool,
    /// Refuse to start when the user is root.
    pub run_as_non_root: bool,
    /// Linux capabilities.
    pub capabilities: Capabilities,
}

/// Linux capabilities.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// Capabilities removed.
    pub drop: Vec<String>,
    /// Capabilities added; the restricted profile allows only `NET_BIND_SERVICE`.
    pub add: Vec<String>,
}

/// The `helm test` hook: a Pod that checks the Service answers (a Pod, so `helm test --logs` shows its output).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tests {
    /// Create the test pod.
    pub enabled: bool,
    /// Image of the test pod.
    pub image: TestImage,
}

/// The image of the test pod.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TestImage {
    /// Image repository.
    #[schemars(length(min = 1))]
    pub repository: String,
    /// Explicit image tag (`latest` is refused).
    pub tag: ImageTag,
    /// Image digest (`sha256:…`); when set it pins the image.
    pub digest: ImageDigest,
    /// When the kubelet pulls the image.
    pub pull_policy: PullPolicy,
}
