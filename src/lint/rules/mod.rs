//! Every lint rule, grouped: workload basics, the restricted Pod Security
//! profile, and how objects wire together.

mod basics;
mod security;
mod wiring;

use super::Rule;

/// Every rule, in code order.
pub fn all() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = basics::RULES
        .iter()
        .chain(security::RULES)
        .chain(wiring::RULES)
        .copied()
        .collect();
    rules.sort_by_key(|r| r.code);
    rules
}

/// The rule with `code` (case-insensitive) or `name`.
pub fn find(code: &str) -> Option<&'static Rule> {
    all()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}
