//! How a chart's environments show in its files: which values files are
//! the overlays of an environment, and which environments are production.
//! The linter checks overlays by these rules, and the generator writes them
//! by the same ones.

/// Whether an environment is production, where images are pinned: `prod`,
/// `production`, `prod-eu`, … and the short forms `prd` and `live`.
pub fn is_production(name: &str) -> bool {
    name.starts_with("prod") || name.starts_with("prd") || name == "live"
}

/// The environment a values file is the overlay of, from its name:
/// `values-<env>.yaml` (or `.yml`).
pub fn overlay_environment(file_name: &str) -> Option<&str> {
    let env = file_name.strip_prefix("values-")?;
    env.strip_suffix(".yaml")
        .or_else(|| env.strip_suffix(".yml"))
        .filter(|env| !env.is_empty())
}
