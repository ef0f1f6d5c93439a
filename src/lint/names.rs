//! The syntax of Kubernetes names: what the API server accepts. The linter
//! checks rendered objects by it, and chartgen checks the names a
//! `chartgen.yaml` gives by it too.

/// Checks a DNS-1123 label, naming the rule it breaks.
pub fn check_dns_label(value: &str, max: usize) -> Result<(), String> {
    if value.is_empty() {
        return Err("must not be empty".into());
    }
    if value.len() > max {
        return Err(format!(
            "is {} characters long; the limit is {max}",
            value.len()
        ));
    }
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if let Some(bad) = value.chars().find(|c| !ok_char(*c)) {
        return Err(format!(
            "contains `{bad}`; a DNS-1123 label holds only lower-case letters, digits and `-`"
        ));
    }
    if value.starts_with('-') || value.ends_with('-') {
        return Err("must start and end with a letter or digit (DNS-1123 label)".into());
    }
    Ok(())
}

/// Whether `value` is a DNS-1123 label of at most `max` characters.
pub fn is_dns_label(value: &str, max: usize) -> bool {
    check_dns_label(value, max).is_ok()
}
