//! Every lint rule, grouped: workload basics, the restricted Pod Security
//! profile, and how objects wire together.

mod basics;
mod security;
mod wiring;

use super::Rule;

/// Every rule, in code order: the registry `--explain`, SARIF and the
/// rule settings read.
pub static RULES: &[&Rule] = &[
    &basics::image_tag::RULE,
    &basics::resources::RULE,
    &basics::probes::RULE,
    &basics::prod_pin::RULE,
    &security::privileged::RULE,
    &security::privilege_escalation::RULE,
    &security::run_as_non_root::RULE,
    &security::run_as_root_user::RULE,
    &security::capabilities::RULE,
    &security::seccomp::RULE,
    &security::host_namespaces::RULE,
    &security::host_port::RULE,
    &security::host_path::RULE,
    &security::volume_types::RULE,
    &wiring::disruption_budget::RULE,
    &wiring::replicas_with_autoscaler::RULE,
    &wiring::sticky_sessions::RULE,
    &wiring::secret_in_plain_config::RULE,
    &wiring::service_wiring::RULE,
    &wiring::headless_service::RULE,
    &wiring::hook_on_pod_template::RULE,
    &wiring::unstable_selector::RULE,
    &wiring::name_limits::RULE,
    &basics::job_sidecar::RULE,
    &wiring::duplicate_names::RULE,
    &wiring::test_hook_kind::RULE,
    &basics::values_refused::RULE,
];

/// Every rule, in code order.
pub fn all() -> &'static [&'static Rule] {
    RULES
}

/// The rule with `code` (case-insensitive) or `name`.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.as_str().eq_ignore_ascii_case(code) || r.name == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Code;

    /// Each code has its one rule, listed in code order, and each rule its
    /// own name.
    #[test]
    fn the_registry_lists_each_code_once_in_order() {
        let codes: Vec<Code> = RULES.iter().map(|r| r.code).collect();
        assert_eq!(codes, Code::ALL);
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
