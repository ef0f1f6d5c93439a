use crate::lint::{rule, Code, Manifest, Report};

use super::{key_field, named};

rule! {
    /// ## What it does
    /// Flags sticky sessions: a Service with `sessionAffinity: ClientIP`, or a
    /// Service or Ingress annotated for cookie or source affinity by a load
    /// balancer:
    ///
    /// | controller | annotation | sticky when |
    /// |---|---|---|
    /// | ingress-nginx | `nginx.ingress.kubernetes.io/affinity` | `cookie` |
    /// | Traefik (read on the Service) | `traefik.ingress.kubernetes.io/service.sticky.cookie` | `"true"` |
    /// | AWS Load Balancer Controller (ALB) | `alb.ingress.kubernetes.io/target-group-attributes` | has `stickiness.enabled=true` |
    /// | AWS Load Balancer Controller (NLB) | `service.beta.kubernetes.io/aws-load-balancer-target-group-attributes` | has `stickiness.enabled=true` |
    /// | HAProxy | `haproxy.org/cookie-persistence` | any cookie name |
    ///
    /// ## Why it matters
    /// Twelve-factor processes are stateless and share nothing: anything that
    /// must outlive a request lives in a backing service. Sticky sessions hide
    /// state kept in one pod's memory; it is lost when that pod is rescheduled,
    /// scaled in or rolled, and the load is spread unevenly meanwhile (design
    /// source: *Processes*).
    ///
    /// ## Example
    /// ```yaml
    /// kind: Ingress
    /// metadata:
    ///   annotations:
    ///     nginx.ingress.kubernetes.io/affinity: cookie   # flagged
    /// ---
    /// kind: Service
    /// spec:
    ///   sessionAffinity: None                             # fine (the default)
    /// ```
    RULE = Code::STICKY_SESSIONS, "sticky-sessions", Warning, check
}

/// An annotation that turns stickiness on.
struct Sticky {
    key: &'static str,
    /// What it turns on, for the message.
    what: &'static str,
    /// Whether a value turns it on.
    on: fn(&str) -> bool,
}

const ANNOTATIONS: &[Sticky] = &[
    Sticky {
        key: "nginx.ingress.kubernetes.io/affinity",
        what: "ingress-nginx cookie affinity",
        on: |v| v.trim().eq_ignore_ascii_case("cookie"),
    },
    Sticky {
        key: "traefik.ingress.kubernetes.io/service.sticky.cookie",
        what: "a Traefik sticky cookie",
        on: |v| v.trim().eq_ignore_ascii_case("true"),
    },
    Sticky {
        key: "alb.ingress.kubernetes.io/target-group-attributes",
        what: "AWS ALB target-group stickiness",
        on: stickiness_enabled,
    },
    Sticky {
        key: "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes",
        what: "AWS NLB target-group stickiness",
        on: stickiness_enabled,
    },
    Sticky {
        key: "haproxy.org/cookie-persistence",
        what: "HAProxy cookie persistence",
        on: |v| !v.trim().is_empty(),
    },
];

const HINT: &str = "keep session state in a backing service (a database, Redis) so any replica \
                    can serve any request, and drop the affinity";

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        if !matches!(m.kind(), "Service" | "Ingress") {
            continue;
        }
        if m.kind() == "Service" && m.at(&["spec", "sessionAffinity"]).as_str() == Some("ClientIP")
        {
            report.object(
                m,
                "spec.sessionAffinity",
                format!(
                    "{} pins each client to one pod (sessionAffinity: ClientIP)",
                    named(m)
                ),
                HINT,
            );
        }
        for Sticky { key, what, on } in ANNOTATIONS {
            let value = m.at(&["metadata", "annotations", key]);
            if super::scalar(value).is_some_and(|v| on(&v)) {
                report.object(
                    m,
                    &key_field("metadata.annotations", key),
                    format!("{} turns on sticky sessions ({what})", named(m)),
                    HINT,
                );
            }
        }
    }
}

/// Whether a `key=value,key=value` target-group attribute list enables stickiness.
fn stickiness_enabled(attributes: &str) -> bool {
    attributes.split(',').any(|pair| {
        pair.split_once('=').is_some_and(|(k, v)| {
            k.trim() == "stickiness.enabled" && v.trim().eq_ignore_ascii_case("true")
        })
    })
}
