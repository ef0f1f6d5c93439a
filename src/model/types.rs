//! Small value types shared by the input model and the Helm values model.
//!
//! Each carries its own JSON schema, so a constraint is written once and both
//! `chartgen.schema.json` and `values.schema.json` enforce it.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

pub use crate::lint::names::check_dns_label;
use crate::schema::moving_tag_pattern;

/// RFC 1123 label: what Kubernetes requires of most object names.
pub const DNS_LABEL_PATTERN: &str = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
/// RFC 1123 subdomain: what Kubernetes requires of host names.
pub const DNS_SUBDOMAIN_PATTERN: &str =
    "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
/// A Kubernetes resource quantity such as `100m`, `0.5`, `128Mi`.
pub const QUANTITY_PATTERN: &str =
    "^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";
/// A container image tag (the Docker reference grammar).
pub const TAG_PATTERN: &str = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
/// A content digest such as `sha256:…`.
pub const DIGEST_PATTERN: &str = "^[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$";
/// An environment variable or config key usable with `envFrom`.
pub const ENV_KEY_PATTERN: &str = "^[A-Za-z_][A-Za-z0-9_]*$";
/// A ConfigMap or Secret data key.
pub const DATA_KEY_PATTERN: &str = "^[-._a-zA-Z0-9]+$";
/// An absolute path, in a container or on a node.
pub const ABSOLUTE_PATH_PATTERN: &str = "^/";
/// A `chartgen lint` rule code.
pub const RULE_CODE_PATTERN: &str = "^CG[0-9]{3}$";
/// A Go duration such as `1h` or `90s` (an ExternalSecret's refresh interval).
pub const DURATION_PATTERN: &str = r"^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$";
/// The shape of an IANA time zone name (`UTC`, `Europe/Berlin`), or empty
/// for the CronJob controller's own zone.
pub const TIME_ZONE_PATTERN: &str = "^([A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*)?$";

/// What a schema pattern asks for, in words, and an example: what an error
/// says instead of the regular expression.
pub struct PatternHelp {
    /// What a matching value is, e.g. `a DNS-1123 label`.
    pub what: &'static str,
    /// Valid examples, as Markdown code.
    pub example: &'static str,
}

/// The words for `pattern`, one of the patterns chartgen's schemas use.
pub fn pattern_help(pattern: &str) -> Option<PatternHelp> {
    let (what, example) = match pattern {
        DNS_LABEL_PATTERN => (
            "a DNS-1123 label (lower-case letters, digits and `-`, starting and ending with a letter or digit)",
            "`web-api`",
        ),
        DNS_SUBDOMAIN_PATTERN => (
            "a lower-case DNS name, optionally starting with `*.`",
            "`api.example.com` or `*.example.com`",
        ),
        QUANTITY_PATTERN => (
            "a Kubernetes quantity (a number with an optional unit suffix)",
            "`250m` or `0.5` for CPU, `128Mi` or `1Gi` for memory",
        ),
        TAG_PATTERN => (
            "an image tag (letters, digits, `_`, `.` and `-`, at most 128, not starting with `.` or `-`)",
            "`1.4.2` or `1.27.3-alpine`",
        ),
        DIGEST_PATTERN => (
            "an image digest (an algorithm, `:` and at least 32 hex digits)",
            "`sha256:` followed by 64 hex digits",
        ),
        ENV_KEY_PATTERN => (
            "an environment variable name (letters, digits and `_`, not starting with a digit)",
            "`LOG_LEVEL`",
        ),
        DATA_KEY_PATTERN => (
            "a ConfigMap or Secret key (letters, digits, `-`, `_` and `.`)",
            "`LOG_LEVEL` or `app.properties`",
        ),
        ABSOLUTE_PATH_PATTERN => ("an absolute path (starting with `/`)", "`/healthz` or `/var/lib/data`"),
        RULE_CODE_PATTERN => (
            "a lint rule code (`CG` and three digits)",
            "`CG022`; `chartgen lint --explain` lists them",
        ),
        DURATION_PATTERN => ("a duration", "`1h`, `30m` or `90s`"),
        TIME_ZONE_PATTERN => (
            "an IANA time zone name, or empty for the controller's own zone",
            "`UTC` or `Europe/Berlin`",
        ),
        _ => return None,
    };
    Some(PatternHelp { what, example })
}

/// A Kubernetes resource quantity (`250m`, `1`, `512Mi`).
///
/// Numbers are accepted as well as strings because Kubernetes accepts both;
/// Helm's `toYaml` renders either without precision loss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Quantity {
    /// `"250m"`, `"512Mi"`.
    Text(String),
    /// `1`, `0.5`.
    Number(serde_json::Number),
}

impl Quantity {
    /// A quantity from its text form.
    pub fn new(text: &str) -> Self {
        Quantity::Text(text.to_owned())
    }
}

impl JsonSchema for Quantity {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A Kubernetes quantity such as `250m`, `1`, `512Mi` or `1Gi`.",
            "type": ["string", "number"],
            "pattern": QUANTITY_PATTERN,
            "minimum": 0
        })
    }
}

macro_rules! string_schema {
    ($ty:ident, $name:literal, $schema:tt) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

/// A DNS-1123 label of at most 63 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct DnsLabel(pub String);
string_schema!(DnsLabel, "DnsLabel", {
    "type": "string",
    "maxLength": 63,
    "pattern": DNS_LABEL_PATTERN
});

/// A host name (DNS-1123 subdomain, optionally with a leading `*.`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct HostName(pub String);
string_schema!(HostName, "HostName", {
    "type": "string",
    "maxLength": 253,
    "pattern": DNS_SUBDOMAIN_PATTERN
});

/// An explicit image tag, never a moving one such as `latest`; empty means
/// the chart's `appVersion`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct ImageTag(pub String);
string_schema!(ImageTag, "ImageTag", {
    "type": "string",
    "anyOf": [{ "const": "" }, { "pattern": TAG_PATTERN }],
    "not": { "pattern": moving_tag_pattern() }
});

/// An image digest (`sha256:…`), or empty for none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct ImageDigest(pub String);
string_schema!(ImageDigest, "ImageDigest", {
    "type": "string",
    "anyOf": [{ "const": "" }, { "pattern": DIGEST_PATTERN }]
});

/// A TCP or UDP port number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Port(pub u16);
string_schema!(Port, "Port", {
    "type": "integer",
    "minimum": 1,
    "maximum": 65535
});
