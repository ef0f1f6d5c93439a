//! Per-environment values overlays: `values-<env>.yaml`.
//!
//! The design source's two deployment patterns are both served: a namespace
//! per environment in one cluster (small footprint) and a cluster per
//! environment (large footprint). An overlay holds only what differs, so each
//! validates against `values.schema.json` on its own, in an editor, as well as
//! merged by Helm.

use serde::Serialize;
use serde_json::{json, Map, Value as Json};

pub use crate::lint::environments::{is_production, overlay_environment};
use crate::model::types::DnsLabel;
use crate::model::{Environment, EnvironmentSpec, ImageRef, Spec};

/// An environment overlay, ready to write.
#[derive(Debug, Clone, Serialize)]
pub struct EnvironmentOverlay {
    /// Environment name.
    pub name: String,
    /// Namespace to install into when environments share a cluster.
    pub namespace: String,
    /// kubectl context of the environment's own cluster.
    pub cluster: String,
    /// The values that differ from the chart's defaults.
    #[serde(skip)]
    pub values: Json,
}

/// The environments of `spec`: its own list, or dev, staging and prod.
pub fn environments(spec: &Spec) -> Vec<Environment> {
    match &spec.environments {
        Some(list) => list.iter().map(EnvironmentSpec::detail).collect(),
        None => ["dev", "staging", "prod"]
            .iter()
            .map(|name| EnvironmentSpec::Name(DnsLabel((*name).into())).detail())
            .collect(),
    }
}

/// The overlays of `spec`, given the chart's default `values` and image.
/// `scales` says whether more replicas mean more capacity (a Deployment),
/// unlike a StatefulSet, whose replicas are separate stores.
pub fn overlays(
    spec: &Spec,
    values: &Json,
    image: &ImageRef,
    scales: bool,
) -> Vec<EnvironmentOverlay> {
    environments(spec)
        .into_iter()
        .map(|env| {
            let name = env.name.0.clone();
            let mut out = Map::new();
            if is_production(&name) && values.get("image").is_some() {
                // Production runs exactly this build: tag, and digest when known.
                let mut pinned = json!({});
                if let Some(tag) = &image.tag {
                    pinned["tag"] = json!(tag);
                }
                if let Some(digest) = &image.digest {
                    pinned["digest"] = json!(digest);
                }
                out.insert("image".into(), pinned);
            }
            if let Some(default) = values.get("replicaCount").and_then(Json::as_u64) {
                let preset = match name.as_str() {
                    "dev" | "development" if scales => Some(1),
                    n if is_production(n) && scales => Some(default.max(3)),
                    _ => None,
                };
                if let Some(replicas) = env.replicas.map(u64::from).or(preset) {
                    out.insert("replicaCount".into(), json!(replicas));
                }
            }
            if let Some(resources) = values.get("resources") {
                out.insert("resources".into(), resources.clone());
            }
            if !env.hosts.is_empty() && values.get("ingress").is_some() {
                let hosts: Vec<Json> = env
                    .hosts
                    .iter()
                    .map(|h| json!({ "host": h.0, "paths": [{ "path": "/", "pathType": "Prefix" }] }))
                    .collect();
                out.insert("ingress".into(), json!({ "enabled": true, "hosts": hosts }));
            }
            let log_key = spec.config.keys().find(|k| k.eq_ignore_ascii_case("LOG_LEVEL"));
            let level = match name.as_str() {
                "dev" | "development" => Some("debug"),
                "staging" => Some("info"),
                n if is_production(n) => Some("warn"),
                _ => None,
            };
            if let (Some(key), Some(level)) = (log_key, level) {
                out.insert("config".into(), json!({ "data": { key.clone(): level } }));
            }
            EnvironmentOverlay {
                namespace: env.namespace.map_or_else(|| name.clone(), |n| n.0),
                cluster: env.cluster.unwrap_or_else(|| name.clone()),
                name,
                values: Json::Object(out),
            }
        })
        .collect()
}

/// The text of `values-<env>.yaml`: the modeline, how to install with it in
/// both patterns (with a flag for each secret an install must be given),
/// and the overlay with the schema's descriptions.
pub fn overlay_yaml(
    chart: &str,
    overlay: &EnvironmentOverlay,
    schema: &Json,
    secrets: &[String],
) -> String {
    let EnvironmentOverlay {
        name,
        namespace,
        cluster,
        ..
    } = overlay;
    let flags: String = secrets
        .iter()
        .map(|key| format!(" --set-string secrets.data.{key}=…"))
        .collect();
    format!(
        "{}\n\
         {}\n\
         #\n\
         # Install from the folder that holds the chart (./{chart}), with a namespace per\n\
         # environment in one cluster:\n\
         #   helm upgrade --install {chart} ./{chart} --namespace {namespace} --create-namespace -f ./{chart}/values-{name}.yaml{flags}\n\
         # or with a cluster per environment:\n\
         #   helm upgrade --install {chart} ./{chart} --kube-context {cluster} --namespace {chart} --create-namespace -f ./{chart}/values-{name}.yaml{flags}\n\n{}",
        crate::yaml::VALUES_MODELINE,
        overlay_header(name),
        crate::schema::commented(&overlay.values, schema)
    )
}

/// The line after the modeline that opens the overlay of environment
/// `name`: how chartgen knows an overlay it wrote.
pub fn overlay_header(name: &str) -> String {
    format!("# Values for the `{name}` environment: only what differs from values.yaml.")
}
