//! `chartgen.yaml`: the small input file that decides a chart's structure.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{DnsLabel, HostName, Port, Quantity};

/// The image `chartgen new` uses when none is given: a real web server that
/// runs as a non-root user and listens on 8080, so the generated chart serves
/// traffic under the restricted Pod Security profile as it stands.
pub const DEFAULT_IMAGE: &str = "nginxinc/nginx-unprivileged:1.27.3-alpine";
/// The port [`DEFAULT_IMAGE`] listens on.
pub const DEFAULT_PORT: u16 = 8080;

/// A chartgen service description (`chartgen.yaml`). Structure is decided
/// here; quantities become Helm values operators override per environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "chartgen.yaml")]
pub struct Spec {
    /// Chart name, also the base of every resource name: a DNS-1123 label of at most 53 characters.
    #[schemars(length(min = 1, max = 53))]
    pub name: DnsLabel,
    /// Blueprint that shapes the chart.
    #[serde(default = "default_blueprint")]
    pub blueprint: String,
    /// One-line description for Chart.yaml and the chart README.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Chart version (SemVer 2).
    #[serde(default = "default_version")]
    pub version: String,
    /// Kubernetes versions the chart supports (a SemVer range for Chart.yaml `kubeVersion`).
    #[serde(default = "default_kube_version")]
    pub kube_version: String,
    /// Container image as `repository:tag` or `repository@sha256:digest`; `latest` is refused.
    pub image: String,
    /// Port the application listens on.
    #[serde(default = "default_port")]
    pub port: Port,
    /// HTTP path the readiness and liveness probes request.
    #[serde(default = "default_health_path")]
    #[schemars(regex(pattern = r"^/"))]
    pub health_path: String,
    /// Pod replicas when autoscaling is off.
    #[serde(default = "default_replicas")]
    #[schemars(range(min = 0, max = 1000))]
    pub replicas: u32,
    /// Generic settings (a ConfigMap), loaded as environment variables by default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }))]
    pub config: BTreeMap<String, String>,
    /// Names of sensitive settings (a Secret); values are supplied at install time, never committed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = r"^[A-Za-z_][A-Za-z0-9_]*$")))]
    pub secrets: Vec<String>,
    /// CPU and memory for the main container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourcesSpec>,
    /// Public host names; when set the Ingress is enabled by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<HostName>,
    /// Directories the application writes to; each gets an emptyDir because the root filesystem is read-only.
    #[serde(default = "default_writable_paths")]
    pub writable_paths: Vec<String>,
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

fn default_blueprint() -> String {
    "web".into()
}
fn default_version() -> String {
    "0.1.0".into()
}
fn default_kube_version() -> String {
    ">=1.29.0-0".into()
}
fn default_port() -> Port {
    Port(DEFAULT_PORT)
}
fn default_health_path() -> String {
    "/".into()
}
fn default_replicas() -> u32 {
    2
}
fn default_writable_paths() -> Vec<String> {
    vec!["/tmp".into()]
}

impl Spec {
    /// The spec `chartgen new NAME` starts from.
    pub fn new(name: &str) -> Self {
        Spec {
            name: DnsLabel(name.into()),
            blueprint: default_blueprint(),
            description: None,
            version: default_version(),
            kube_version: default_kube_version(),
            image: DEFAULT_IMAGE.into(),
            port: default_port(),
            health_path: default_health_path(),
            replicas: default_replicas(),
            config: BTreeMap::new(),
            secrets: Vec::new(),
            resources: None,
            hosts: Vec::new(),
            writable_paths: default_writable_paths(),
        }
    }
}
