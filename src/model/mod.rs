//! The two data models: `chartgen.yaml` (what the user writes) and the Helm
//! values of the generated chart (what operators override per environment).

mod image;
mod load;
mod spec;
pub mod types;
mod values;

pub use image::ImageRef;
pub use load::{decode_input, load_spec, read_input, MAX_NAME_LEN};
pub use spec::{ResourcesSpec, Spec};
pub use values::*;

use std::collections::BTreeMap;

use types::{ImageDigest, ImageTag, Port, Quantity};

/// The image of the `helm test` pod: a shell with `wget`, pinned.
pub const TEST_IMAGE: (&str, &str) = ("busybox", "1.36.1");

impl Values {
    /// The default values of a chart generated from `spec`, whose image has
    /// already been parsed into `image`.
    pub fn from_spec(spec: &Spec, image: &ImageRef) -> Values {
        let resources = spec.resources.clone().unwrap_or(ResourcesSpec {
            cpu: None,
            memory: None,
        });
        let memory = resources.memory.unwrap_or_else(|| Quantity::new("128Mi"));
        let probe = |initial_delay_seconds| Probe {
            path: spec.health_path.clone(),
            initial_delay_seconds,
            period_seconds: 10,
            timeout_seconds: 2,
            failure_threshold: 3,
        };
        Values {
            global: BTreeMap::new(),
            name_override: String::new(),
            fullname_override: String::new(),
            image: Image {
                repository: image.repository.clone(),
                tag: ImageTag(image.tag.clone()),
                digest: ImageDigest(image.digest.clone().unwrap_or_default()),
                pull_policy: PullPolicy::IfNotPresent,
            },
            image_pull_secrets: Vec::new(),
            replica_count: spec.replicas,
            revision_history_limit: 5,
            container_port: spec.port,
            writable_paths: spec.writable_paths.clone(),
            config: ConfigValues {
                load_as: LoadAs::Env,
                mount_path: format!("/etc/{}/config", spec.name.0),
                data: spec.config.clone(),
            },
            secrets: SecretValues {
                load_as: LoadAs::Env,
                mount_path: format!("/etc/{}/secrets", spec.name.0),
                existing_secret: String::new(),
                data: spec
                    .secrets
                    .iter()
                    .map(|k| (k.clone(), String::new()))
                    .collect(),
            },
            env: BTreeMap::new(),
            resources: Resources {
                requests: ResourceRequests {
                    cpu: resources.cpu.unwrap_or_else(|| Quantity::new("100m")),
                    memory: memory.clone(),
                },
                limits: ResourceLimits { cpu: None, memory },
            },
            probes: Probes {
                readiness: probe(0),
                liveness: probe(10),
            },
            service_account: ServiceAccount {
                create: true,
                name: String::new(),
                annotations: BTreeMap::new(),
                automount_token: false,
            },
            service: Service {
                kind: ServiceType::ClusterIP,
                port: Port(80),
                annotations: BTreeMap::new(),
            },
            ingress: Ingress {
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
            },
            autoscaling: Autoscaling {
                enabled: false,
                min_replicas: spec.replicas.max(2),
                max_replicas: spec.replicas.max(2) * 5,
                target_cpu_utilization_percentage: 80,
            },
            pod_disruption_budget: PodDisruptionBudget {
                enabled: true,
                max_unavailable: 1,
            },
            network_policy: NetworkPolicy {
                enabled: true,
                from: Vec::new(),
            },
            pod_annotations: BTreeMap::new(),
            pod_labels: BTreeMap::new(),
            pod_security_context: PodSecurityContext {
                run_as_non_root: true,
                run_as_user: None,
                run_as_group: None,
                fs_group: None,
                seccomp_profile: SeccompProfile {
                    kind: SeccompType::RuntimeDefault,
                },
            },
            security_context: SecurityContext {
                allow_privilege_escalation: false,
                read_only_root_filesystem: true,
                run_as_non_root: true,
                capabilities: Capabilities {
                    drop: vec!["ALL".into()],
                    add: Vec::new(),
                },
            },
            termination_grace_period_seconds: 30,
            node_selector: BTreeMap::new(),
            tolerations: Vec::new(),
            affinity: BTreeMap::new(),
            topology_spread_constraints: Vec::new(),
            tests: Tests {
                enabled: true,
                image: TestImage {
                    repository: TEST_IMAGE.0.into(),
                    tag: ImageTag(TEST_IMAGE.1.into()),
                },
            },
        }
    }
}
