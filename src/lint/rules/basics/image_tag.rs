use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};
use crate::schema::is_moving_tag;

rule! {
    /// ## What it does
    /// Flags a container image without an explicit tag or digest, or with a
    /// moving tag: `latest`, `stable`, `main`, `master`, `edge` or `nightly`,
    /// in any casing (tags are case-sensitive, but `LATEST` moves as well).
    ///
    /// ## Why it matters
    /// A moving tag means two pods of one release can run different code, a
    /// rollback does not roll back, and nobody can say what is running. Tag
    /// images with an explicit version at build time (design source: *Build,
    /// Release, Run*).
    ///
    /// ## Example
    /// ```yaml
    /// image: nginx:latest        # flagged
    /// image: nginx:Stable        # flagged
    /// image: nginx               # flagged: no tag means latest
    /// image: nginx:1.27.3-alpine # fine
    /// image: nginx@sha256:4f53…  # fine
    /// ```
    RULE = Code::IMAGE_TAG, "image-tag", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        for (field, container) in m.containers() {
            let Some(image) = container.get("image").and_then(Value::as_str) else {
                continue;
            };
            let problem = match tag_of(image) {
                _ if image.contains('@') => None,
                None => Some("has no tag, so it means `latest`".to_owned()),
                Some(tag) if is_moving_tag(tag) => Some(format!("uses the moving tag `{tag}`")),
                Some(_) => None,
            };
            if let Some(problem) = problem {
                report.object(
                    m,
                    &format!("{field}.image"),
                    format!("image `{image}` {problem}"),
                    "pin an explicit version, e.g. `repo:1.4.2`, or a digest `repo@sha256:…`",
                );
            }
        }
    }
}

/// The tag of an image reference: after the last `:` that follows the last `/`.
fn tag_of(image: &str) -> Option<&str> {
    let name = &image[image.rfind('/').map_or(0, |i| i + 1)..];
    name.rsplit_once(':').map(|(_, tag)| tag)
}
