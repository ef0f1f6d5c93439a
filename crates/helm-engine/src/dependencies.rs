//! Helm's dependency processing (`pkg/chart/v2/util/dependencies.go`), run
//! before values are merged: aliases give subcharts their names,
//! `condition`s and `tags` drop disabled subcharts, and `import-values`
//! copy values from subcharts into their parent's defaults.

use serde_json::{Map, Value as Json};

use super::loader::{Dependency, LoadedChart};
use super::sprig::semver::is_compatible_range;
use super::values::{
    coalesce_values, go_sprint, merge_tables, merge_values, path_value, table, Values,
};
use crate::error::Result;

/// Helm's `ProcessDependencies`: enables or drops the subcharts of `chart`
/// (at every depth) by `condition` and `tags` under the `user` values, then
/// imports the values subcharts export.
pub fn process_dependencies(chart: &mut LoadedChart, user: &Values) -> Result<()> {
    enable(chart, user, "")?;
    import_values(chart)
}

/// Helm's `CheckDependencies`, as `helm install` and `helm template` run it
/// on the chart they are given: the names of dependencies Chart.yaml lists
/// that are not under `charts/`.
pub fn missing_dependencies(chart: &LoadedChart) -> Vec<String> {
    chart
        .metadata
        .dependencies
        .iter()
        .flatten()
        .filter(|d| !chart.dependencies.iter().any(|c| c.name() == d.name))
        .map(|d| d.name.clone())
        .collect()
}

/// Helm's `processDependencyEnabled`.
fn enable(chart: &mut LoadedChart, values: &Values, path: &str) -> Result<()> {
    let Some(mut requirements) = chart.metadata.dependencies.clone() else {
        return Ok(());
    };
    // Subcharts no requirement names stay; each requirement gets its copy.
    let mut kept: Vec<LoadedChart> = chart
        .dependencies
        .iter()
        .filter(|existing| {
            !requirements.iter().any(|r| {
                existing.name() == r.name
                    && is_compatible_range(&r.version, &existing.metadata.version)
            })
        })
        .cloned()
        .collect();
    for requirement in &mut requirements {
        if let Some(copy) = aliased(&chart.dependencies, requirement) {
            kept.push(copy);
        }
        if !requirement.alias.is_empty() {
            requirement.name = requirement.alias.clone();
        }
    }
    chart.dependencies = kept;
    for requirement in &mut requirements {
        requirement.enabled = true;
    }
    let merged = coalesce_values(chart, values)?;
    by_tags(&mut requirements, &merged);
    by_conditions(&mut requirements, &merged, path);
    let disabled: Vec<String> = requirements
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.name.clone())
        .collect();
    chart
        .dependencies
        .retain(|c| !disabled.iter().any(|d| d == c.name()));
    requirements.retain(|r| r.enabled);
    for sub in &mut chart.dependencies {
        let sub_path = format!("{path}{}.", sub.name());
        enable(sub, &merged, &sub_path)?;
    }
    chart.metadata.dependencies = Some(requirements);
    Ok(())
}

/// Helm's `getAliasDependency`: a copy of the subchart a requirement names
/// (in a version its range admits), renamed to its alias.
fn aliased(charts: &[LoadedChart], requirement: &Dependency) -> Option<LoadedChart> {
    let found = charts.iter().find(|c| {
        c.name() == requirement.name
            && is_compatible_range(&requirement.version, &c.metadata.version)
    })?;
    let mut copy = found.clone();
    if !requirement.alias.is_empty() {
        copy.metadata.name = requirement.alias.clone();
    }
    Some(copy)
}

/// Helm's `processDependencyTags`: a requirement whose tags are all false
/// (among those set) is disabled; any true tag, or none set, enables it.
fn by_tags(requirements: &mut [Dependency], values: &Values) {
    let Some(tags) = values.get("tags").and_then(Json::as_object) else {
        return;
    };
    for requirement in requirements {
        let (mut any_true, mut any_false) = (false, false);
        for tag in &requirement.tags {
            match tags.get(tag) {
                Some(Json::Bool(true)) => any_true = true,
                Some(Json::Bool(false)) => any_false = true,
                // Helm warns about a non-boolean and ignores it.
                _ => {}
            }
        }
        requirement.enabled = any_true || !any_false;
    }
}

/// Helm's `processDependencyConditions`: the first condition path (below
/// `path`) holding a boolean decides.
fn by_conditions(requirements: &mut [Dependency], values: &Values, path: &str) {
    for requirement in requirements {
        for condition in requirement.condition.trim().split(',') {
            if condition.is_empty() {
                continue;
            }
            if let Some(Json::Bool(enabled)) = path_value(values, &format!("{path}{condition}")) {
                requirement.enabled = *enabled;
                break;
            }
        }
    }
}

/// Helm's `processDependencyImportValues`, depth first.
fn import_values(chart: &mut LoadedChart) -> Result<()> {
    for sub in &mut chart.dependencies {
        import_values(sub)?;
    }
    let Some(requirements) = chart.metadata.dependencies.clone() else {
        return Ok(());
    };
    let merged = merge_values(chart, &Values::new())?;
    let mut imported = Values::new();
    for requirement in &requirements {
        for import in &requirement.import_values {
            match import {
                Json::Object(pair) => {
                    let child = go_sprint(pair.get("child").unwrap_or(&Json::Null));
                    let parent = go_sprint(pair.get("parent").unwrap_or(&Json::Null));
                    // Helm warns about a missing table and goes on.
                    if let Some(found) = table(&merged, &format!("{}.{child}", requirement.name)) {
                        merge_tables(&mut imported, path_to_map(&parent, found.clone()));
                    }
                }
                Json::String(export) => {
                    let path = format!("{}.exports.{export}", requirement.name);
                    if let Some(found) = table(&merged, &path) {
                        merge_tables(&mut imported, found.clone());
                    }
                }
                _ => {}
            }
        }
    }
    let mut values = merged;
    merge_tables(&mut values, imported);
    chart.values = values;
    Ok(())
}

/// Helm's `pathToMap`: `data` nested under the dotted `path` (`.` is the
/// top).
fn path_to_map(path: &str, data: Values) -> Values {
    if path == "." {
        return data;
    }
    path.split('.').rev().fold(data, |inner, key| {
        let mut outer = Map::new();
        outer.insert(key.to_owned(), Json::Object(inner));
        outer
    })
}
