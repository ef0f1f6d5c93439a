//! Container image references as users write them (`repo:tag`, `repo@digest`).

use std::sync::LazyLock;

use regex::Regex;

use super::types::TAG_PATTERN;
use crate::schema::is_moving_tag;

/// A parsed image reference with an explicit version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// `registry/path/name`.
    pub repository: String,
    /// The tag; `None` for a digest-only reference, which has no version name.
    pub tag: Option<String>,
    /// `sha256:…` when the reference pins a digest.
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parses `repo:tag`, `repo@digest` or `repo:tag@digest`, refusing a
    /// missing tag and `latest` with a message that says what to write instead.
    pub fn parse(text: &str) -> Result<ImageRef, String> {
        let text = text.trim();
        let (name, digest) = match text.split_once('@') {
            Some((name, digest)) => (name, Some(digest.to_owned())),
            None => (text, None),
        };
        if let Some(digest) = &digest {
            if !regex_like_digest(digest) {
                return Err(format!(
                    "`{digest}` is not an image digest; write `sha256:` followed by 64 hex digits"
                ));
            }
        }
        // The tag follows the last `:` after the last `/` (a registry port is not a tag).
        let slash = name.rfind('/').map_or(0, |i| i + 1);
        let (repository, tag) = match name[slash..].rfind(':') {
            Some(i) => (&name[..slash + i], Some(&name[slash + i + 1..])),
            None => (name, None),
        };
        if repository.is_empty() || repository.chars().any(char::is_whitespace) {
            return Err(format!("`{text}` is not an image reference"));
        }
        let tag = match (tag, &digest) {
            (Some(tag), _) if is_moving_tag(tag) => {
                return Err(format!(
                    "`{text}` uses the `{tag}` tag, which is not an explicit version; pin a tag like `{repository}:1.4.2` or a digest"
                ))
            }
            (Some(tag), _) if !is_tag(tag) => {
                return Err(format!(
                    "`{tag}` is not a valid image tag (letters, digits, `_`, `.`, `-`; at most 128 characters)"
                ))
            }
            (Some(tag), _) => Some(tag.to_owned()),
            (None, Some(_)) => None,
            (None, None) => {
                return Err(format!(
                    "`{text}` has no tag; pin an explicit version like `{repository}:1.4.2` or a digest `{repository}@sha256:…`"
                ))
            }
        };
        Ok(ImageRef {
            repository: repository.to_owned(),
            tag,
            digest,
        })
    }
}

/// Whether `tag` is a valid image tag: what the schema's
/// [`TAG_PATTERN`] accepts, so the two never disagree.
fn is_tag(tag: &str) -> bool {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(TAG_PATTERN).expect("the tag pattern compiles"));
    TAG.is_match(tag)
}

fn regex_like_digest(digest: &str) -> bool {
    // Mirrors `types::DIGEST_PATTERN`.
    match digest.split_once(':') {
        Some((algo, hex)) => {
            !algo.is_empty()
                && algo
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+._-".contains(c))
                && hex.len() >= 32
                && hex.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_digests_and_registry_ports() {
        let r = ImageRef::parse("registry:5000/team/app:1.2.3").unwrap();
        assert_eq!(
            (r.repository.as_str(), r.tag.as_deref()),
            ("registry:5000/team/app", Some("1.2.3"))
        );
        let d = format!("sha256:{}", "a".repeat(64));
        let r = ImageRef::parse(&format!("app@{d}")).unwrap();
        assert_eq!(r.digest.as_deref(), Some(d.as_str()));
        assert_eq!(r.tag, None, "a digest names no version");
        let r = ImageRef::parse(&format!("app:1.0@{d}")).unwrap();
        assert_eq!(r.tag.as_deref(), Some("1.0"));
    }

    #[test]
    fn refuses_moving_and_missing_tags() {
        for image in [
            "nginx:latest",
            "nginx:LATEST",
            "nginx:Latest",
            "nginx:stable",
        ] {
            assert!(
                ImageRef::parse(image)
                    .unwrap_err()
                    .contains("not an explicit version"),
                "{image}"
            );
        }
        assert!(ImageRef::parse("nginx").unwrap_err().contains("no tag"));
        assert!(ImageRef::parse("registry:5000/nginx")
            .unwrap_err()
            .contains("no tag"));
        assert!(ImageRef::parse("nginx@sha256:xyz")
            .unwrap_err()
            .contains("digest"));
    }
}
