//! Every rule code, in one place: the rules, `--explain`, SARIF and the
//! `lint.rules` settings all name rules by these, and a code is never
//! reused or renumbered (configurations and ignore annotations name them).

use serde::Serialize;

/// A lint rule's stable code, e.g. `CG001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(&'static str);

macro_rules! codes {
    ($($(#[doc = $doc:expr])+ $name:ident = $code:literal,)+) => {
        impl Code {
            $($(#[doc = $doc])+ pub const $name: Code = Code($code);)+
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$name),+];
        }
    };
}

codes! {
    /// `image-tag`.
    IMAGE_TAG = "CG001",
    /// `resources`.
    RESOURCES = "CG002",
    /// `probes`.
    PROBES = "CG003",
    /// `production-image-pinned`.
    PRODUCTION_IMAGE_PINNED = "CG004",
    /// `privileged`.
    PRIVILEGED = "CG010",
    /// `privilege-escalation`.
    PRIVILEGE_ESCALATION = "CG011",
    /// `run-as-non-root`.
    RUN_AS_NON_ROOT = "CG012",
    /// `run-as-root-user`.
    RUN_AS_ROOT_USER = "CG013",
    /// `capabilities`.
    CAPABILITIES = "CG014",
    /// `seccomp`.
    SECCOMP = "CG015",
    /// `host-namespaces`.
    HOST_NAMESPACES = "CG016",
    /// `host-port`.
    HOST_PORT = "CG017",
    /// `host-path`.
    HOST_PATH = "CG018",
    /// `volume-types`.
    VOLUME_TYPES = "CG019",
    /// `disruption-budget`.
    DISRUPTION_BUDGET = "CG020",
    /// `replicas-with-autoscaler`.
    REPLICAS_WITH_AUTOSCALER = "CG021",
    /// `sticky-sessions`.
    STICKY_SESSIONS = "CG022",
    /// `secret-in-plain-config`.
    SECRET_IN_PLAIN_CONFIG = "CG023",
    /// `service-wiring`.
    SERVICE_WIRING = "CG024",
    /// `headless-service`.
    HEADLESS_SERVICE = "CG025",
    /// `hook-on-pod-template`.
    HOOK_ON_POD_TEMPLATE = "CG026",
    /// `unstable-selector`.
    UNSTABLE_SELECTOR = "CG027",
    /// `name-limits`.
    NAME_LIMITS = "CG028",
    /// `job-sidecar-container`.
    JOB_SIDECAR_CONTAINER = "CG029",
    /// `duplicate-names`.
    DUPLICATE_NAMES = "CG030",
    /// `test-hook-not-a-pod`.
    TEST_HOOK_NOT_A_POD = "CG031",
    /// `values-refused`.
    VALUES_REFUSED = "CG032",
}

impl Code {
    /// The code as written, e.g. `CG001`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}
