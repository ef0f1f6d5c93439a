//! The two data models: `chartgen.yaml` (what the user writes) and the Helm
//! values of the generated chart (what operators override per environment).

mod cron;
mod image;
mod jobs;
mod load;
mod schemas;
mod spec;
pub mod types;
mod values;

pub use image::ImageRef;
pub use load::{
    check_blueprint, decode_input, decode_text, load_spec, read_input, MAX_MANIFEST_BYTES,
    MAX_NAME_LEN,
};
pub use schemas::{input_schema, input_violation, values_schema};
pub use spec::{
    Environment, EnvironmentSpec, HookEvent, InitContainerSpec, JobSpec, LintSpec, ResourcesSpec,
    SecretBackend, SecretSource, SidecarSpec, Spec, StorageSpec,
};
pub use values::*;

use std::collections::BTreeMap;

use types::{ImageDigest, ImageTag, Port, Quantity};

/// A hook job's default deadline: below the 300 seconds Helm waits for a
/// hook by default (`--timeout`), so the job is stopped before Helm fails the
/// release under it, and the copies it reads are not deleted while it runs.
pub const HOOK_DEADLINE_SECONDS: u32 = 240;

/// The image of the `helm test` pod: a shell with `wget`, pinned.
pub const TEST_IMAGE: (&str, &str) = ("busybox", "1.36.1");

/// Whether sidecars can be native (init containers with `restartPolicy:
/// Always`, on by default from Kubernetes 1.29): when every version the
/// chart's `kubeVersion` admits, read as Helm reads it, is 1.29 or later.
pub fn native_sidecars(kube_version: &str) -> bool {
    helm_engine::VersionRange::parse(kube_version)
        .ok()
        .and_then(|range| range.lowest())
        .is_some_and(|lowest| (lowest.major, lowest.minor) >= (1, 29))
}

impl Values {
    /// The default values of a chart generated from `spec` (blueprint
    /// defaults already applied), whose image has been parsed into `image`.
    pub fn from_spec(spec: &Spec, image: &ImageRef) -> Values {
        let main_resources = main_resources(spec);
        let probes = probes(spec);
        let replicas = spec.replicas.unwrap_or(1);
        Values {
            global: BTreeMap::new(),
            name_override: String::new(),
            fullname_override: String::new(),
            image: image_values(image),
            image_pull_secrets: Vec::new(),
            command: spec.command.clone().unwrap_or_default(),
            args: spec.args.clone().unwrap_or_default(),
            replica_count: replicas,
            revision_history_limit: 5,
            container_port: spec.port,
            health_port: spec.health_port,
            writable_paths: spec.writable_paths.clone().unwrap_or_default(),
            config: ConfigValues {
                load_as: LoadAs::Env,
                mount_path: format!("/etc/{}/config", spec.name.0),
                data: spec.config.clone(),
            },
            secrets: secret_values(spec),
            env: BTreeMap::new(),
            resources: main_resources.clone(),
            probes,
            pre_stop: spec.pre_stop.clone().unwrap_or_default(),
            service_account: ServiceAccount {
                create: true,
                name: String::new(),
                annotations: BTreeMap::new(),
                automount_token: false,
            },
            service: spec.port.map(|_| Service {
                kind: ServiceType::ClusterIP,
                port: Port(80),
                annotations: BTreeMap::new(),
            }),
            ingress: ingress(spec),
            autoscaling: autoscaling(replicas),
            pod_disruption_budget: PodDisruptionBudget {
                enabled: true,
                max_unavailable: 1,
            },
            network_policy: network_policy(spec),
            persistence: spec.storage.as_ref().map(persistence),
            pod_management_policy: None,
            update_strategy: None,
            cron_job: spec
                .schedule
                .as_ref()
                .map(|schedule| cron_job(schedule, spec.time_zone.as_ref())),
            jobs: job_values(spec, &main_resources),
            sidecars: sidecar_values(spec),
            init_containers: init_container_values(spec, image),
            pod_annotations: BTreeMap::new(),
            pod_labels: BTreeMap::new(),
            pod_security_context: pod_security_context(spec),
            security_context: restricted_security_context(),
            termination_grace_period_seconds: 30,
            node_selector: BTreeMap::new(),
            tolerations: Vec::new(),
            affinity: BTreeMap::new(),
            topology_spread_constraints: Vec::new(),
            // The test calls the Service, which only a serving port has.
            tests: spec.port.map(|_| connection_test()),
        }
    }
}

/// Autoscaling, off: from as many replicas as the spec runs (two at least)
/// to five times as many.
fn autoscaling(replicas: u32) -> Autoscaling {
    Autoscaling {
        enabled: false,
        min_replicas: replicas.max(2),
        max_replicas: replicas.max(2) * 5,
        target_cpu_utilization_percentage: 80,
    }
}

/// The network policy, on: pods that serve nothing admit no traffic, from
/// anyone.
fn network_policy(spec: &Spec) -> NetworkPolicy {
    NetworkPolicy {
        enabled: true,
        from: (spec.port.is_some() || spec.sidecars.iter().any(|s| s.port.is_some()))
            .then(Vec::new),
    }
}

/// The volume claim of a datastore's `storage`.
fn persistence(storage: &StorageSpec) -> Persistence {
    Persistence {
        size: storage
            .size
            .clone()
            .unwrap_or_else(|| Quantity::new("10Gi")),
        storage_class: storage.storage_class.clone().unwrap_or_default(),
        access_modes: vec![AccessMode::ReadWriteOnce],
    }
}

/// `helm test`'s Pod, which calls the Service.
fn connection_test() -> Tests {
    Tests {
        enabled: true,
        image: TestImage {
            repository: TEST_IMAGE.0.into(),
            tag: ImageTag(TEST_IMAGE.1.into()),
            digest: ImageDigest::default(),
            pull_policy: PullPolicy::IfNotPresent,
        },
    }
}

/// The main container's requests (the spec's, else small defaults), with
/// memory limited to its request.
fn main_resources(spec: &Spec) -> Resources {
    let resources = spec.resources.clone().unwrap_or(ResourcesSpec {
        cpu: None,
        memory: None,
    });
    let memory = resources.memory.unwrap_or_else(|| Quantity::new("128Mi"));
    let requests = ResourceRequests {
        cpu: resources.cpu.unwrap_or_else(|| Quantity::new("100m")),
        memory: memory.clone(),
    };
    Resources {
        requests,
        limits: ResourceLimits { cpu: None, memory },
    }
}

/// The main container's secrets: how they load, and where they come from.
fn secret_values(spec: &Spec) -> SecretValues {
    let secret_files = spec.secret_files.unwrap_or(false);
    SecretValues {
        load_as: if secret_files {
            LoadAs::Files
        } else {
            LoadAs::Env
        },
        file_variables: secret_files,
        mount_path: format!("/etc/{}/secrets", spec.name.0),
        existing_secret: String::new(),
        external_secret: external_secret(spec),
        vault: vault(spec),
        data: spec
            .secrets
            .iter()
            .filter(|k| !spec.secret_sources.contains_key(*k))
            .chain(&spec.generated_secrets)
            .map(|k| (k.clone(), String::new()))
            .collect(),
    }
}

/// The Ingress, enabled with a `/` path per host when the spec names hosts.
fn ingress(spec: &Spec) -> Ingress {
    Ingress {
        enabled: !spec.hosts.is_empty(),
        class_name: String::new(),
        annotations: BTreeMap::new(),
        hosts: spec
            .hosts
            .iter()
            .map(|host| IngressHost {
                host: host.clone(),
                paths: vec![IngressPath {
                    path: "/".into(),
                    path_type: PathType::Prefix,
                }],
            })
            .collect(),
        tls: Vec::new(),
    }
}

/// The admin jobs: hook jobs, and scheduled ones sized like the main container.
fn job_values(spec: &Spec, main_resources: &Resources) -> BTreeMap<String, Job> {
    spec.jobs
        .iter()
        .map(|job| {
            let values = match &job.schedule {
                Some(schedule) => Job::Scheduled(ScheduledJob {
                    enabled: true,
                    command: job.command.clone(),
                    args: job.args.clone(),
                    cron: CronJob {
                        suspend: job.suspend.unwrap_or(false),
                        concurrency_policy: job
                            .concurrency_policy
                            .unwrap_or(ConcurrencyPolicy::Forbid),
                        successful_jobs_history_limit: job
                            .successful_jobs_history_limit
                            .unwrap_or(3),
                        failed_jobs_history_limit: job.failed_jobs_history_limit.unwrap_or(3),
                        ..cron_job(schedule, job.time_zone.as_ref())
                    },
                    resources: main_resources.clone(),
                    pods: JobPods::default(),
                }),
                None => Job::Hook(HookJob {
                    enabled: true,
                    command: job.command.clone(),
                    args: job.args.clone(),
                    // Below Helm's default `--timeout` of 5 minutes, so
                    // the job stops before Helm gives up on it.
                    active_deadline_seconds: HOOK_DEADLINE_SECONDS,
                    backoff_limit: 1,
                    ttl_seconds_after_finished: 86400,
                    resources: small_resources(),
                    pods: JobPods::default(),
                }),
            };
            (job.name.0.clone(), values)
        })
        .collect()
}

/// The sidecars, each with its own pinned image.
fn sidecar_values(spec: &Spec) -> BTreeMap<String, Sidecar> {
    spec.sidecars
        .iter()
        .map(|sidecar| {
            let image = ImageRef::parse(&sidecar.image).expect("validated on load");
            let values = Sidecar {
                image: image_values(&image),
                command: sidecar.command.clone(),
                args: sidecar.args.clone(),
                resources: small_resources(),
            };
            (sidecar.name.0.clone(), values)
        })
        .collect()
}

/// The init containers, on the main image unless they name their own.
fn init_container_values(spec: &Spec, image: &ImageRef) -> BTreeMap<String, InitContainer> {
    spec.init_containers
        .iter()
        .map(|init| {
            let image = match &init.image {
                Some(text) => ImageRef::parse(text).expect("validated on load"),
                None => image.clone(),
            };
            let values = InitContainer {
                image: image_values(&image),
                command: init.command.clone(),
                args: init.args.clone(),
                resources: small_resources(),
            };
            (init.name.0.clone(), values)
        })
        .collect()
}

/// The pod's security context: the restricted profile's, with the spec's
/// user and group.
fn pod_security_context(spec: &Spec) -> PodSecurityContext {
    PodSecurityContext {
        run_as_non_root: true,
        run_as_user: spec.run_as_user,
        run_as_group: spec.run_as_user,
        fs_group: spec.fs_group,
        seccomp_profile: SeccompProfile {
            kind: SeccompType::RuntimeDefault,
        },
    }
}

/// Every container's security context, as the restricted profile requires.
fn restricted_security_context() -> SecurityContext {
    SecurityContext {
        allow_privilege_escalation: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        capabilities: Capabilities {
            drop: vec!["ALL".into()],
            add: Vec::new(),
        },
    }
}

/// The secrets an ExternalSecret fetches, if any.
fn external_secret(spec: &Spec) -> Option<ExternalSecretValues> {
    let store = spec
        .secret_sources
        .values()
        .find(|s| s.from == SecretBackend::ExternalSecret)?
        .store
        .clone()?;
    Some(ExternalSecretValues {
        enabled: true,
        secret_store_ref: SecretStoreRef {
            name: store,
            kind: SecretStoreKind::ClusterSecretStore,
        },
        refresh_interval: "1h".into(),
        data: remote_refs(spec, SecretBackend::ExternalSecret),
    })
}

/// The secrets the Vault Agent injector writes, if any.
fn vault(spec: &Spec) -> Option<VaultValues> {
    let data = remote_refs(spec, SecretBackend::Vault);
    (!data.is_empty()).then(|| VaultValues {
        enabled: true,
        role: spec.name.0.clone(),
        data,
    })
}

/// Where each secret fetched by `backend` sits in its store.
fn remote_refs(spec: &Spec, backend: SecretBackend) -> BTreeMap<String, RemoteRef> {
    spec.secret_sources
        .iter()
        .filter(|(_, s)| s.from == backend)
        .map(|(name, s)| {
            let at = RemoteRef {
                key: s.path.clone(),
                property: s.field.clone(),
            };
            (name.clone(), at)
        })
        .collect()
}

/// A CronJob's settings: the schedule given, the rest chartgen's defaults.
fn cron_job(schedule: &str, time_zone: Option<&String>) -> CronJob {
    CronJob {
        schedule: schedule.to_owned(),
        time_zone: time_zone.cloned().unwrap_or_default(),
        suspend: false,
        concurrency_policy: ConcurrencyPolicy::Forbid,
        starting_deadline_seconds: 300,
        active_deadline_seconds: 3600,
        backoff_limit: 2,
        ttl_seconds_after_finished: 86400,
        successful_jobs_history_limit: 3,
        failed_jobs_history_limit: 3,
    }
}

fn image_values(image: &ImageRef) -> Image {
    Image {
        repository: image.repository.clone(),
        tag: ImageTag(image.tag.clone().unwrap_or_default()),
        digest: ImageDigest(image.digest.clone().unwrap_or_default()),
        pull_policy: PullPolicy::IfNotPresent,
    }
}

/// Requests and limit for helper containers (sidecars, init containers, jobs).
fn small_resources() -> Resources {
    Resources {
        requests: ResourceRequests {
            cpu: Quantity::new("50m"),
            memory: Quantity::new("64Mi"),
        },
        limits: ResourceLimits {
            cpu: None,
            memory: Quantity::new("64Mi"),
        },
    }
}

/// Probes from what the spec says about health: a command, a health port, or
/// the serving port; none when it says nothing.
fn probes(spec: &Spec) -> Option<Probes> {
    let (path, command) = match (&spec.health_command, spec.health_port, spec.port) {
        (Some(command), _, _) => (None, Some(command.clone())),
        (None, Some(_), _) | (None, None, Some(_)) => (
            Some(spec.health_path.clone().unwrap_or_else(|| "/".into())),
            None,
        ),
        (None, None, None) => return None,
    };
    let probe = |initial_delay_seconds| Probe {
        path: path.clone(),
        command: command.clone(),
        initial_delay_seconds,
        period_seconds: 10,
        timeout_seconds: 2,
        failure_threshold: 3,
    };
    Some(Probes {
        readiness: probe(0),
        liveness: probe(10),
    })
}
