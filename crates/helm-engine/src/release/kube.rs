//! The Kubernetes version a release renders for: `--kube-version` read as
//! Helm's `common.ParseKubeVersion` reads it, and Chart.yaml's
//! `kubeVersion` checked against it as `renderResources` checks it.

/// A Kubernetes version as Helm's `common.KubeVersion` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// The version as given, with a `v` in front (`v1.33.4-gke.1245000`):
    /// `.Capabilities.KubeVersion.Version` and `.GitVersion`.
    pub version: String,
    /// Its numbers only (`v1.33.4`): what `kubeVersion` constraints are
    /// checked against, and how the version prints.
    pub normalized: String,
    /// `.Capabilities.KubeVersion.Major`.
    pub major: String,
    /// `.Capabilities.KubeVersion.Minor`.
    pub minor: String,
}

impl Default for KubeVersion {
    /// The version `helm template` v4.2 assumes without `--kube-version`.
    fn default() -> Self {
        KubeVersion {
            version: "v1.36.0".into(),
            normalized: "v1.36.0".into(),
            major: "1".into(),
            minor: "36".into(),
        }
    }
}

/// Helm's `ParseKubeVersion` (Kubernetes' `version.ParseGeneric`): at least
/// `MAJOR.MINOR`, an optional `v`, anything after the numbers kept in
/// [`KubeVersion::version`] only. The error reads as Kubernetes words it.
pub fn parse_kube_version(text: &str) -> Result<KubeVersion, String> {
    let trimmed = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0C']);
    let rest = trimmed.strip_prefix('v').unwrap_or(trimmed);
    let numbers_end = rest
        .char_indices()
        .scan(false, |after_dot, (i, c)| {
            let ok = c.is_ascii_digit() || (c == '.' && !*after_dot && i > 0);
            *after_dot = c == '.';
            ok.then_some(i + c.len_utf8())
        })
        .last()
        .unwrap_or(0);
    // The numbers end on a digit: a trailing dot belongs to the rest.
    let numbers = rest[..numbers_end].trim_end_matches('.');
    let extra = &rest[numbers.len()..];
    if numbers.is_empty() || extra.contains('\n') {
        return Err(format!("could not parse {text:?} as version"));
    }
    let components: Vec<&str> = numbers.split('.').collect();
    if components.len() < 2 {
        return Err(format!("illegal version string {text:?}"));
    }
    let mut values = Vec::new();
    for (i, comp) in components.iter().enumerate() {
        if i == 0 && comp.starts_with('0') && *comp != "0" {
            return Err(format!(
                "illegal zero-prefixed version component {comp:?} in {text:?}"
            ));
        }
        let value: u64 = comp.parse().map_err(|_| {
            format!(
                "illegal non-numeric version component {comp:?} in {text:?}: strconv.ParseUint: parsing {comp:?}: value out of range"
            )
        })?;
        values.push(value.to_string());
    }
    let version = match text.starts_with('v') {
        true => text.to_owned(),
        false => format!("v{text}"),
    };
    Ok(KubeVersion {
        version,
        normalized: format!("v{}", values.join(".")),
        major: values[0].clone(),
        minor: values[1].clone(),
    })
}

/// Renders refuse a chart whose Chart.yaml `kubeVersion` constraint does
/// not accept `kube`, as Helm's `renderResources` does (a constraint that
/// does not parse accepts nothing).
pub fn check_kube_version(constraint: &str, kube: &KubeVersion) -> Result<(), String> {
    if constraint.is_empty()
        || crate::sprig::semver::is_compatible_range(constraint, &kube.normalized)
    {
        return Ok(());
    }
    Err(format!(
        "chart requires kubeVersion: {constraint} which is incompatible with Kubernetes {}",
        kube.normalized
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_helm() {
        let v = parse_kube_version("1.30").unwrap();
        assert_eq!(
            (v.version.as_str(), v.normalized.as_str()),
            ("v1.30", "v1.30")
        );
        let v = parse_kube_version("v1.33.4-gke.1245000").unwrap();
        assert_eq!(v.version, "v1.33.4-gke.1245000");
        assert_eq!(v.normalized, "v1.33.4");
        assert_eq!((v.major.as_str(), v.minor.as_str()), ("1", "33"));
        let v = parse_kube_version("1.05.0").unwrap();
        assert_eq!(v.normalized, "v1.5.0");
        assert!(parse_kube_version("1")
            .unwrap_err()
            .starts_with("illegal version string"));
        assert!(parse_kube_version("01.2")
            .unwrap_err()
            .contains("zero-prefixed"));
        assert!(parse_kube_version("x1.2")
            .unwrap_err()
            .starts_with("could not parse"));
        assert!(parse_kube_version("").is_err());
        assert_eq!(parse_kube_version("1.2.").unwrap().normalized, "v1.2");
    }

    #[test]
    fn checks_chart_constraints() {
        let kube = KubeVersion::default();
        assert!(check_kube_version(">=1.20.0-0", &kube).is_ok());
        assert!(check_kube_version("", &kube).is_ok());
        let err = check_kube_version("<1.20", &kube).unwrap_err();
        assert_eq!(
            err,
            "chart requires kubeVersion: <1.20 which is incompatible with Kubernetes v1.36.0"
        );
    }
}
