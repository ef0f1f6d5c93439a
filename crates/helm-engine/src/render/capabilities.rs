//! `.Capabilities` as `helm template` gives it (`pkg/chart/common/capabilities.go`,
//! `pkg/action/install.go`): Helm v4.2.3's defaults (Kubernetes v1.36.0,
//! the API versions its client knows), `--kube-version` in place of the
//! Kubernetes version and `--api-versions` appended to the defaults.
//!
//! The Go values keep their Go shapes: `.Capabilities` is a
//! `*common.Capabilities`, `KubeVersion` a `common.KubeVersion` (fields
//! `Version`, `Major`, `Minor`; methods `GitVersion` and `String`),
//! `APIVersions` a `common.VersionSet` (a `[]string` with `Has`),
//! `HelmVersion` a `version.BuildInfo`.
//!
//! Go prints a `KubeVersion` through its `String` method (`v1.36.0`) only
//! where the value is addressable, i.e. printed straight from the field
//! chain (`{{ .Capabilities.KubeVersion }}`, or a variable holding it);
//! passed to a function (`print`, `printf "%v"`, `toString`) it prints as
//! the struct, `{v1.36.0 v1.36.0 1 36}`. Here an action prints `v1.36.0`
//! whatever its pipeline ends with ([`gotemplate::Object::write_action`]):
//! a function that returns its argument unchanged (`default`, `first`)
//! still prints the struct in Go.

use std::rc::Rc;

use gotemplate::{Kind, Object, Value};

use super::one_string;

/// The Kubernetes version Helm v4.2.3 reports offline: its client-go
/// minor, as `makeDefaultCapabilities` derives it.
pub const DEFAULT_KUBE_VERSION: (u64, u64) = (1, 36);

/// `HelmVersion.Version` of the Helm this engine follows.
const HELM_VERSION: &str = "v4.2";
/// `HelmVersion.GoVersion` of the Helm v4.2.3 build the SDK embeds.
const GO_VERSION: &str = "go1.26.6";
/// `HelmVersion.KubeClientVersion`.
const KUBE_CLIENT_VERSION: &str = "v1.36";

/// Helm v4.2.3's `DefaultVersionSet`, in its order.
pub const DEFAULT_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1",
    "resource.k8s.io/v1beta2",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha2",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// Helm's `common.KubeVersion`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// `Version` (and `GitVersion`): the version as given, `v`-prefixed
    /// (`v1.33.4-gke.1245000`).
    pub version: String,
    /// What `String` prints and `kubeVersion` constraints are checked
    /// against: the numbers only (`v1.33.4`).
    pub normalized: String,
    /// `Major`.
    pub major: String,
    /// `Minor`.
    pub minor: String,
}

impl Default for KubeVersion {
    fn default() -> Self {
        let (major, minor) = DEFAULT_KUBE_VERSION;
        let version = format!("v{major}.{minor}.0");
        KubeVersion {
            version: version.clone(),
            normalized: version,
            major: major.to_string(),
            minor: minor.to_string(),
        }
    }
}

impl KubeVersion {
    /// Helm's `common.ParseKubeVersion`, on Kubernetes' `ParseGeneric`:
    /// at least two dot-separated numbers after an optional `v` and blanks,
    /// anything after them ignored. The error is Kubernetes' own.
    pub fn parse(text: &str) -> Result<KubeVersion, String> {
        // Go's `\s`: `[\t\n\f\r ]`.
        let rest = text.trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']);
        let rest = rest.strip_prefix('v').unwrap_or(rest);
        let mut end = 0;
        let bytes = rest.as_bytes();
        // `[0-9]+(?:\.[0-9]+)*`: a dot counts only when a digit follows.
        while end < bytes.len() {
            let digit = bytes[end].is_ascii_digit();
            let dot =
                bytes[end] == b'.' && end > 0 && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if !(digit || dot) {
                break;
            }
            end += 1;
        }
        // Go's pattern ends `(.*)*$`, and `.` stops at a line break.
        if end == 0 || rest[end..].contains('\n') {
            return Err(format!("could not parse {text:?} as version"));
        }
        let components: Vec<&str> = rest[..end].split('.').collect();
        if components.len() < 2 {
            return Err(format!("illegal version string {text:?}"));
        }
        let mut numbers = Vec::with_capacity(components.len());
        for (i, comp) in components.iter().enumerate() {
            if i == 0 && comp.starts_with('0') && *comp != "0" {
                return Err(format!(
                    "illegal zero-prefixed version component {comp:?} in {text:?}"
                ));
            }
            let n: u64 = comp.parse().map_err(|_| {
                format!(
                    "illegal non-numeric version component {comp:?} in {text:?}: \
                     strconv.ParseUint: parsing {comp:?}: value out of range"
                )
            })?;
            numbers.push(n.to_string());
        }
        let version = if text.starts_with('v') {
            text.to_owned()
        } else {
            format!("v{text}")
        };
        Ok(KubeVersion {
            version,
            normalized: format!("v{}", numbers.join(".")),
            major: numbers[0].clone(),
            minor: numbers[1].clone(),
        })
    }

    /// `--kube-version`, with the error `helm template` prints.
    pub fn from_flag(text: &str) -> Result<KubeVersion, String> {
        KubeVersion::parse(text).map_err(|e| format!("invalid kube version '{text}': {e}"))
    }

    /// Go's `%v` of the struct: `{v1.36.0 v1.36.0 1 36}`.
    fn write_struct(&self, out: &mut String) {
        out.push('{');
        out.push_str(&self.version);
        out.push(' ');
        out.push_str(&self.normalized);
        out.push(' ');
        out.push_str(&self.major);
        out.push(' ');
        out.push_str(&self.minor);
        out.push('}');
    }
}

/// What `.Capabilities` reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capabilities {
    /// `KubeVersion`.
    pub kube_version: KubeVersion,
    /// `APIVersions`: the defaults, then each `--api-versions` value.
    pub api_versions: Vec<String>,
}

impl Capabilities {
    /// `helm template`'s capabilities: `kube_version` (`--kube-version`)
    /// or the default, and the default API versions followed by `extra`
    /// (`--api-versions`, appended as given, duplicates kept).
    pub fn new(kube_version: Option<KubeVersion>, extra: &[String]) -> Capabilities {
        let mut api_versions: Vec<String> = DEFAULT_API_VERSIONS
            .iter()
            .map(|v| (*v).to_owned())
            .collect();
        api_versions.extend(extra.iter().cloned());
        Capabilities {
            kube_version: kube_version.unwrap_or_default(),
            api_versions,
        }
    }

    /// Chart.yaml's `kubeVersion` checked as Helm checks it before
    /// rendering: a constraint that does not parse never admits.
    pub fn check_chart(&self, chart_kube_version: &str) -> Result<(), String> {
        if chart_kube_version.is_empty()
            || crate::sprig::semver::is_compatible_range(
                chart_kube_version,
                &self.kube_version.normalized,
            )
        {
            return Ok(());
        }
        Err(format!(
            "chart requires kubeVersion: {chart_kube_version} which is incompatible with \
             Kubernetes {}",
            self.kube_version.normalized
        ))
    }

    /// As a template value.
    pub fn into_value(self) -> Value {
        Value::Object(Rc::new(CapabilitiesObject(Rc::new(self))))
    }
}

/// `*common.Capabilities`.
struct CapabilitiesObject(Rc<Capabilities>);

/// `common.KubeVersion`.
struct KubeVersionObject(Rc<Capabilities>);

/// `common.VersionSet`.
struct VersionSet(Rc<Capabilities>);

/// `version.BuildInfo`.
struct BuildInfo;

impl Object for CapabilitiesObject {
    fn type_name(&self) -> &str {
        "*common.Capabilities"
    }

    fn kind(&self) -> Kind {
        Kind::Ptr
    }

    fn has_method(&self, name: &str) -> bool {
        name == "Copy"
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        super::no_args(name, args)?;
        Ok(Value::Object(Rc::new(CapabilitiesObject(self.0.clone()))))
    }

    fn field(&self, name: &str) -> Option<Value> {
        let caps = &self.0;
        match name {
            "KubeVersion" => Some(Value::Object(Rc::new(KubeVersionObject(caps.clone())))),
            "APIVersions" => Some(Value::Object(Rc::new(VersionSet(caps.clone())))),
            "HelmVersion" => Some(Value::Object(Rc::new(BuildInfo))),
            _ => None,
        }
    }

    fn fields(&self) -> Option<Vec<(&'static str, Value)>> {
        Some(
            ["KubeVersion", "APIVersions", "HelmVersion"]
                .into_iter()
                .filter_map(|name| Some((name, self.field(name)?)))
                .collect(),
        )
    }

    fn json_fields(&self) -> Option<Vec<(&'static str, Value)>> {
        Some(
            ["KubeVersion", "APIVersions", "HelmVersion"]
                .into_iter()
                .filter_map(|name| Some((name, self.field(name)?)))
                .collect(),
        )
    }

    /// What `{{ .Capabilities }}` prints (the template indirects the
    /// pointer; `printf "%v"` would add a `&`).
    fn write_v(&self, out: &mut String) {
        out.push('{');
        self.0.kube_version.write_struct(out);
        out.push(' ');
        VersionSet(self.0.clone()).write_v(out);
        out.push(' ');
        BuildInfo.write_v(out);
        out.push('}');
    }
}

impl Object for KubeVersionObject {
    fn type_name(&self) -> &str {
        "common.KubeVersion"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "GitVersion" | "String")
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        super::no_args(name, args)?;
        let kube = &self.0.kube_version;
        Ok(Value::string(if name == "GitVersion" {
            kube.version.as_str()
        } else {
            kube.normalized.as_str()
        }))
    }

    fn field(&self, name: &str) -> Option<Value> {
        let kube = &self.0.kube_version;
        match name {
            "Version" => Some(Value::string(kube.version.as_str())),
            "Major" => Some(Value::string(kube.major.as_str())),
            "Minor" => Some(Value::string(kube.minor.as_str())),
            _ => None,
        }
    }

    /// `normalizedVersion` is unexported: printed, never reached.
    fn fields(&self) -> Option<Vec<(&'static str, Value)>> {
        let kube = &self.0.kube_version;
        Some(vec![
            ("Version", Value::string(kube.version.as_str())),
            ("normalizedVersion", Value::string(kube.normalized.as_str())),
            ("Major", Value::string(kube.major.as_str())),
            ("Minor", Value::string(kube.minor.as_str())),
        ])
    }

    /// Fields without JSON tags.
    fn json_fields(&self) -> Option<Vec<(&'static str, Value)>> {
        Some(
            ["Version", "Major", "Minor"]
                .into_iter()
                .filter_map(|name| Some((name, self.field(name)?)))
                .collect(),
        )
    }

    /// `print` and `printf "%v"` write the struct: its `String` method
    /// has a pointer receiver.
    fn write_v(&self, out: &mut String) {
        self.0.kube_version.write_struct(out);
    }

    /// An action calls that `String` method: `v1.36.0`.
    fn write_action(&self, out: &mut String) {
        out.push_str(&self.0.kube_version.normalized);
    }
}

impl Object for VersionSet {
    fn type_name(&self) -> &str {
        "common.VersionSet"
    }

    fn kind(&self) -> Kind {
        Kind::Slice
    }

    fn is_true(&self) -> bool {
        !self.0.api_versions.is_empty()
    }

    fn has_method(&self, name: &str) -> bool {
        name == "Has"
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let wanted = one_string(name, args)?;
        Ok(Value::Bool(self.0.api_versions.iter().any(|v| v == wanted)))
    }

    fn field(&self, _: &str) -> Option<Value> {
        None
    }

    fn entries(&self) -> Option<Vec<(Value, Value)>> {
        Some(
            self.0
                .api_versions
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::Int(i as i64), Value::string(v.as_str())))
                .collect(),
        )
    }

    fn write_v(&self, out: &mut String) {
        out.push('[');
        out.push_str(&self.0.api_versions.join(" "));
        out.push(']');
    }
}

impl Object for BuildInfo {
    fn type_name(&self) -> &str {
        "version.BuildInfo"
    }

    fn has_method(&self, _: &str) -> bool {
        false
    }

    fn call_method(&self, name: &str, _: &[Value]) -> Result<Value, String> {
        Err(format!(
            "can't evaluate field {name} in type version.BuildInfo"
        ))
    }

    fn field(&self, name: &str) -> Option<Value> {
        match name {
            "Version" => Some(Value::string(HELM_VERSION)),
            "GitCommit" | "GitTreeState" => Some(Value::string("")),
            "GoVersion" => Some(Value::string(GO_VERSION)),
            "KubeClientVersion" => Some(Value::string(KUBE_CLIENT_VERSION)),
            _ => None,
        }
    }

    fn fields(&self) -> Option<Vec<(&'static str, Value)>> {
        Some(
            [
                "Version",
                "GitCommit",
                "GitTreeState",
                "GoVersion",
                "KubeClientVersion",
            ]
            .into_iter()
            .filter_map(|name| Some((name, self.field(name)?)))
            .collect(),
        )
    }

    /// `version`, `git_commit`, `git_tree_state` and `go_version` are
    /// `omitempty`; `kube_client_version` is not.
    fn json_fields(&self) -> Option<Vec<(&'static str, Value)>> {
        let fields = [
            ("version", HELM_VERSION, true),
            ("git_commit", "", true),
            ("git_tree_state", "", true),
            ("go_version", GO_VERSION, true),
            ("kube_client_version", KUBE_CLIENT_VERSION, false),
        ];
        Some(
            fields
                .into_iter()
                .filter(|(_, value, omit_empty)| !(value.is_empty() && *omit_empty))
                .map(|(name, value, _)| (name, Value::string(value)))
                .collect(),
        )
    }

    fn write_v(&self, out: &mut String) {
        out.push('{');
        out.push_str(&[HELM_VERSION, "", "", GO_VERSION, KUBE_CLIENT_VERSION].join(" "));
        out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(v: &Value, name: &str) -> Value {
        match v {
            Value::Object(o) => o.field(name).unwrap(),
            other => panic!("not an object: {other:?}"),
        }
    }

    fn show(v: &Value) -> String {
        gotemplate::fmt::sprint_value(v)
    }

    /// What the Helm v4.2.3 SDK prints for `.Capabilities` and its parts.
    #[test]
    fn defaults_print_as_helm_prints_them() {
        let caps = Capabilities::new(None, &[]).into_value();
        let kube = field(&caps, "KubeVersion");
        // `%v` of the struct; an action prints `v1.36.0` (below).
        assert_eq!(show(&kube), "{v1.36.0 v1.36.0 1 36}");
        assert_eq!(kube.type_name(), "common.KubeVersion");
        assert_eq!(kube.kind().name(), "struct");
        for (name, want) in [("Version", "v1.36.0"), ("Major", "1"), ("Minor", "36")] {
            assert_eq!(show(&field(&kube, name)), want);
        }
        let Value::Object(k) = &kube else {
            unreachable!()
        };
        assert_eq!(show(&k.call_method("GitVersion", &[]).unwrap()), "v1.36.0");

        let helm = field(&caps, "HelmVersion");
        assert_eq!(show(&helm), "{v4.2   go1.26.6 v1.36}");
        assert_eq!(helm.type_name(), "version.BuildInfo");
        assert_eq!(show(&field(&helm, "Version")), "v4.2");

        let apis = field(&caps, "APIVersions");
        assert_eq!(apis.type_name(), "common.VersionSet");
        assert_eq!(apis.kind().name(), "slice");
        let Value::Object(set) = &apis else {
            unreachable!()
        };
        assert_eq!(set.entries().unwrap().len(), 55);
        assert!(matches!(
            set.call_method("Has", &[Value::string("apps/v1")]),
            Ok(Value::Bool(true))
        ));
        assert!(matches!(
            set.call_method("Has", &[Value::string("x/v1")]),
            Ok(Value::Bool(false))
        ));
        assert_eq!(
            set.call_method("Has", &[]).unwrap_err(),
            "wrong number of args for Has: want 1 got 0"
        );
        assert_eq!(
            set.call_method("Has", &[Value::Int(1)]).unwrap_err(),
            "expected string; found 1"
        );

        assert_eq!(caps.type_name(), "*common.Capabilities");
        let printed = show(&caps);
        assert!(
            printed.starts_with("{{v1.36.0 v1.36.0 1 36} [v1 admissionregistration.k8s.io/v1 "),
            "{printed}"
        );
        assert!(
            printed.ends_with(" apiextensions.k8s.io/v1] {v4.2   go1.26.6 v1.36}}"),
            "{printed}"
        );
    }

    /// The same expressions through the engine, as the SDK rendered them.
    #[test]
    fn templates_reach_fields_and_methods() {
        use std::sync::Arc;

        use gotemplate::{builtins, Map, TemplateSet};

        let dot = Map::default();
        dot.insert("Capabilities", Capabilities::new(None, &[]).into_value());
        let run = |text: &str| {
            let mut set = TemplateSet::new(Arc::new(builtins::table()));
            set.parse("t", text).unwrap();
            set.execute("t", Value::Map(dot.clone()))
                .unwrap_or_else(|e| e.message.clone())
        };
        assert_eq!(
            run(
                r#"{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "x/v1" }} {{ len .Capabilities.APIVersions }} {{ index .Capabilities.APIVersions 0 }}"#
            ),
            "true false 55 v1"
        );
        assert_eq!(
            run("{{ .Capabilities.KubeVersion }}|{{ .Capabilities.HelmVersion }}|{{ .Capabilities.HelmVersion.Version }}|{{ .Capabilities.KubeVersion.Major }}|{{ .Capabilities.KubeVersion.Minor }}|{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.KubeVersion.Version }}"),
            "v1.36.0|{v4.2   go1.26.6 v1.36}|v4.2|1|36|v1.36.0|v1.36.0"
        );
        // Only an action calls `String` (a pointer method) on the field.
        assert_eq!(
            run(
                r#"{{ print .Capabilities.KubeVersion }}|{{ printf "%v" .Capabilities.KubeVersion }}|{{ $k := .Capabilities.KubeVersion }}{{ $k }}"#
            ),
            "{v1.36.0 v1.36.0 1 36}|{v1.36.0 v1.36.0 1 36}|v1.36.0"
        );
        assert_eq!(
            run(
                r#"{{ printf "%T %T %T" .Capabilities .Capabilities.KubeVersion .Capabilities.HelmVersion }}"#
            ),
            "*common.Capabilities common.KubeVersion version.BuildInfo"
        );
        assert_eq!(
            run("{{ .Capabilities.KubeVersion.Nope }}"),
            "can't evaluate field Nope in type common.KubeVersion"
        );
    }

    #[test]
    fn api_versions_are_appended() {
        let caps = Capabilities::new(None, &["x.io/v1".into(), "v1".into()]);
        assert_eq!(caps.api_versions.len(), 57);
        assert_eq!(caps.api_versions[55], "x.io/v1");
        assert_eq!(caps.api_versions[56], "v1");
    }

    #[test]
    fn kube_versions_parse_as_kubernetes_parses_them() {
        let v = KubeVersion::parse("v1.33.4-gke.1245000").unwrap();
        assert_eq!(v.version, "v1.33.4-gke.1245000");
        assert_eq!(v.normalized, "v1.33.4");
        assert_eq!((v.major.as_str(), v.minor.as_str()), ("1", "33"));
        let v = KubeVersion::parse("1.20").unwrap();
        assert_eq!(
            (v.version.as_str(), v.normalized.as_str()),
            ("v1.20", "v1.20")
        );
        let v = KubeVersion::parse("1.02.3").unwrap();
        assert_eq!(v.normalized, "v1.2.3");
        assert_eq!(KubeVersion::parse("1.2.").unwrap().normalized, "v1.2");
        assert_eq!(
            KubeVersion::parse("x").unwrap_err(),
            "could not parse \"x\" as version"
        );
        assert_eq!(
            KubeVersion::parse("1").unwrap_err(),
            "illegal version string \"1\""
        );
        assert_eq!(
            KubeVersion::parse("01.2").unwrap_err(),
            "illegal zero-prefixed version component \"01\" in \"01.2\""
        );
        assert_eq!(
            KubeVersion::from_flag("nope").unwrap_err(),
            "invalid kube version 'nope': could not parse \"nope\" as version"
        );
        assert_eq!(
            KubeVersion::parse("1.").unwrap_err(),
            "illegal version string \"1.\""
        );
        assert_eq!(
            KubeVersion::parse("1.2-x\ny").unwrap_err(),
            "could not parse \"1.2-x\\ny\" as version"
        );
    }

    /// The SDK's `install(dry_run="client")` on a chart requiring
    /// `>=2.0.0`, `>=1.20.0-0` and `not a range`.
    #[test]
    fn chart_kube_version_is_checked_as_helm_checks_it() {
        let caps = Capabilities::new(None, &[]);
        assert_eq!(
            caps.check_chart(">=2.0.0").unwrap_err(),
            "chart requires kubeVersion: >=2.0.0 which is incompatible with Kubernetes v1.36.0"
        );
        assert!(caps.check_chart(">=1.20.0-0").is_ok());
        assert!(caps.check_chart("").is_ok());
        assert_eq!(
            caps.check_chart("not a range").unwrap_err(),
            "chart requires kubeVersion: not a range which is incompatible with Kubernetes \
             v1.36.0"
        );
        let old = Capabilities::new(Some(KubeVersion::parse("1.19.3-eks").unwrap()), &[]);
        assert_eq!(
            old.check_chart(">=1.20.0-0").unwrap_err(),
            "chart requires kubeVersion: >=1.20.0-0 which is incompatible with Kubernetes v1.19.3"
        );
    }
}
