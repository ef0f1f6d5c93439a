use serde_json::Value as Json;

use crate::lint::environments::is_production;
use crate::lint::{rule, Code, Overlay, Report};
use crate::schema::is_moving_tag;

rule! {
    /// ## What it does
    /// Flags a production values overlay (`values-<env>.yaml` where the
    /// environment starts with `prod` or `prd`, or is `live`; the same
    /// environments `chartgen new` pins images in) under which an image is
    /// not pinned: every `image` map (a map with a
    /// `repository`) must end up with a `digest`, or a `tag` that is neither
    /// empty (which follows the chart's `appVersion`) nor a moving tag:
    /// `latest`, `stable`, `main`, `master`, `edge` or `nightly`, in any
    /// casing (`LATEST` moves as well).
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
    RULE = Code::PRODUCTION_IMAGE_PINNED, "production-image-pinned", Error, overlay check
}

fn check(overlay: &Overlay, report: &mut Report) {
    if !is_production(overlay.environment) {
        return;
    }
    let mut images = Vec::new();
    find_images(overlay.merged, &mut Vec::new(), &mut images);
    for path in images {
        let image = at(overlay.merged, &path);
        let field = |key: &str| image.and_then(|i| i.get(key)).unwrap_or(&Json::Null);
        if field("digest").as_str().is_some_and(|d| !d.is_empty()) {
            continue;
        }
        let mut tag_path = path.clone();
        tag_path.push("tag".into());
        let shown = tag_path.join(".");
        let problem = match field("tag") {
            Json::String(tag) if tag.is_empty() => {
                "the tag is empty, so production follows the chart's appVersion".to_owned()
            }
            Json::String(tag) if is_moving_tag(tag) => {
                format!("the tag `{tag}` moves")
            }
            Json::String(_) => continue,
            Json::Null => "there is no tag, so production follows the chart's appVersion".into(),
            other => format!("the tag is {other}, not a string; quote it, e.g. `tag: \"{other}\"`"),
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
            problem,
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
