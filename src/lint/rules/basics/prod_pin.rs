use serde_json::Value as Json;

use crate::lint::{rule, Overlay, Report};

rule! {
    /// ## What it does
    /// Flags a production values overlay (`values-prod.yaml`,
    /// `values-production.yaml`, `values-prd.yaml` or `values-live.yaml`)
    /// under which an image is not pinned: every `image` map (a map with a
    /// `repository`) must end up with a `digest`, or a `tag` that is neither
    /// empty (which follows the chart's `appVersion`) nor a moving tag such
    /// as `latest`, `stable` or `main`.
    ///
    /// ## Why it matters
    /// A production release must be reproducible: the same chart and values
    /// deploy the same code, and a rollback restores it (design source:
    /// *Build, Release, Run*). An empty tag follows the chart's
    /// `appVersion`, so production would run whatever the chart was last
    /// bumped to; a moving tag changes under a running release.
    ///
    /// ## Example
    /// ```yaml
    /// # values-prod.yaml
    /// image:
    ///   tag: "1.27.3-alpine"   # fine: pinned
    /// # flagged: without it, values.yaml's `tag: ""` follows appVersion
    /// ```
    RULE = "CG004", "production-image-pinned", Error, overlay check
}

/// Environment names that mean production.
const PRODUCTION: &[&str] = &["prod", "production", "prd", "live"];

/// Tags that move, whatever their name says.
const MOVING: &[&str] = &["latest", "stable", "main", "master", "edge", "nightly"];

fn check(overlay: &Overlay, report: &mut Report) {
    if !PRODUCTION.contains(&overlay.environment) {
        return;
    }
    let mut images = Vec::new();
    find_images(overlay.merged, &mut Vec::new(), &mut images);
    for path in images {
        let image = at(overlay.merged, &path);
        let field = |key: &str| {
            image
                .and_then(|i| i.get(key))
                .and_then(Json::as_str)
                .unwrap_or("")
        };
        if !field("digest").is_empty() {
            continue;
        }
        let mut tag_path = path.clone();
        tag_path.push("tag".into());
        let shown = tag_path.join(".");
        let problem = match field("tag") {
            "" => "is empty, so production follows the chart's appVersion".to_owned(),
            tag if MOVING.contains(&tag) => format!("is `{tag}`, a tag that moves"),
            _ => continue,
        };
        // Point at the key in the overlay, or its image map, or its start.
        let located: &[String] = if at(overlay.own, &tag_path).is_some() {
            &tag_path
        } else if at(overlay.own, &path).is_some() {
            &path
        } else {
            &[]
        };
        report.value(
            overlay,
            located,
            &shown,
            format!("`{shown}` {problem}"),
            format!(
                "pin it in {}: an explicit version, e.g. `tag: \"1.4.2\"`, or a `digest: sha256:…`",
                overlay.file.rsplit('/').next().unwrap_or(&overlay.file)
            ),
        );
    }
}

/// Key paths of every image map: a map with a string `repository`.
fn find_images(value: &Json, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let Json::Object(map) = value else {
        return;
    };
    if map.get("repository").is_some_and(Json::is_string) {
        out.push(path.clone());
        return;
    }
    for (key, child) in map {
        path.push(key.clone());
        find_images(child, path, out);
        path.pop();
    }
}

fn at<'a>(value: &'a Json, path: &[String]) -> Option<&'a Json> {
    path.iter().try_fold(value, |node, key| node.get(key))
}
