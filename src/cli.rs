//! Command-line interface definitions (clap types only).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Generate production-grade, schema-validated Helm charts from a small values file.
#[derive(Debug, Parser)]
#[command(name = "chartgen", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  chartgen new web-api\n  chartgen new billing --image ghcr.io/acme/billing:2.3.1 --port 9000 --env LOG_LEVEL=info\n  chartgen render services/*/chartgen.yaml -o charts\n  chartgen package charts/* -d dist\n\nExit status: 0 success, 2 invalid input or usage (nothing written), 1 any other failure."
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// chartgen's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a chart for a new service in DIR/NAME/.
    #[command(
        after_help = "Examples:\n  chartgen new web-api\n  chartgen new web-api --image ghcr.io/acme/web-api:1.4.2 --port 3000\n  chartgen new web-api --env LOG_LEVEL=info --env FEATURE_X=on -o charts\n  chartgen new web-api -f chartgen.yaml --force\n  chartgen new queue-worker --blueprint worker --image ghcr.io/acme/worker:3.2.0\n  chartgen new nightly-report --blueprint cronjob --schedule \"0 3 * * *\"\n  chartgen new web-api --sidecar log-shipper=fluent/fluent-bit:3.1.9\n  chartgen new shop --image ghcr.io/acme/shop:2.0.0 --job 'nightly=0 3 * * *:./shop report --since \"24 hours\"'"
    )]
    New(NewArgs),
    /// Render each chartgen.yaml into DIR/<name>/ (many services in one run).
    #[command(
        after_help = "Examples:\n  chartgen render chartgen.yaml\n  chartgen render services/*/chartgen.yaml -o charts --force\n  chartgen render services/*/chartgen.yaml -o charts --package dist"
    )]
    Render(RenderArgs),
    /// Package chart folders into deterministic DIST/<name>-<version>.tgz archives.
    #[command(
        after_help = "Examples:\n  chartgen package web-api\n  chartgen package charts/* -d dist"
    )]
    Package(PackageArgs),
    /// Give Helm's verdict on values files for any chart, reporting every violation.
    #[command(
        after_help = "Examples:\n  chartgen validate web-api\n  chartgen validate -f my-values.yaml -f values-prod.yaml web-api\n  chartgen validate dist/web-api-0.1.0.tgz\n  chartgen validate -f ci/test-values.yaml ./third-party-chart\n\nAs helm install does: values files read as YAML 1.1 and stacked (later files win),\nsubcharts loaded and enabled by their conditions and tags, values merged over the\ndefaults, and every schema checked (the chart's and each subchart's, any draft).\nWithout -f it checks the chart's defaults and each values-<env>.yaml over them.\nExit status: 0 all valid, 1 violations found, 2 unreadable input (values, chart or schema)."
    )]
    Validate(ValidateArgs),
    /// Check a chart (for every environment) or rendered manifests against production and security rules.
    #[command(
        after_help = "Examples:\n  chartgen lint ./web-api                  # defaults and every values-<env>.yaml\n  chartgen lint chartgen.yaml\n  chartgen lint dist/web-api-0.1.0.tgz -f my-values.yaml --set replicaCount=3\n  chartgen lint ./chart-with-subcharts --kube-version 1.30 -a monitoring.coreos.com/v1\n  helm template ./any-chart | chartgen lint -\n  chartgen lint manifests.yaml --format sarif > lint.sarif\n  chartgen lint manifests.yaml --rule CG018=off --rule CG003=error\n  chartgen lint --explain CG011\n\nConfigure rules per chart in chartgen.yaml (lint: {rules: {CG022: off}}).\nSilence a rule on one object with the annotation\n  chartgen.dev/lint-ignore: \"CG018: the agent reads the node's logs\"\nA chart is rendered as `chartgen template` renders it, subcharts included, with its\ndefaults, each values-<env>.yaml and the -f/--set values; values its own templates refuse\n(`fail`, `required`) are findings (CG032, or CG028 when only a long release name fails).\nExit status: 0 no error findings, 1 error findings, 2 invalid input (unreadable, not a chart, spec or Kubernetes objects, or a chart that cannot be rendered)."
    )]
    Lint(LintArgs),
    /// Render a chart's templates as `helm template` does, with no Helm and no cluster.
    #[command(
        after_help = "Examples:\n  chartgen template ./web-api\n  chartgen template my-release dist/web-api-0.1.0.tgz -n prod -f values-prod.yaml\n  chartgen template chartgen.yaml --set replicaCount=3 --set-string image.tag=1.4.2\n  chartgen template ./chart --show-only templates/deployment.yaml --show-only 'templates/*.yaml'\n  chartgen template ./chart --include-crds --skip-tests --kube-version 1.30\n  chartgen template ./chart --output-dir out --release-name\n\nA drop-in for `helm template [NAME] CHART`: the same flags, the same output byte for\nbyte (documents in install order, `# Source:` lines, hooks, tests, CRDs). CHART is a\nchart folder, a packaged .tgz, or a chartgen.yaml (its chart is generated in memory).\nWhat needs a cluster or a network (--validate, --dry-run=server, --dependency-update,\nrepositories) is refused. What chartgen's engine cannot render yet (subcharts, .Files,\n.Capabilities.APIVersions.Has) is an error naming it, never different output.\nExit status: 0 rendered, 1 the chart failed to render, 2 invalid usage or input."
    )]
    Template(Box<TemplateArgs>),
    /// Print the JSON schema of chartgen.yaml (or of a blueprint's Helm values).
    #[command(
        after_help = "Examples:\n  chartgen schema > chartgen.schema.json\n  chartgen schema -o chartgen.schema.json\n  chartgen schema --values web"
    )]
    Schema(SchemaArgs),
}

/// Where blueprints come from.
#[derive(Debug, Args)]
pub struct BlueprintArgs {
    /// Also load blueprints from DIR (`<name>/blueprint.yaml` + `<name>/chart/`); they replace built-in ones of the same name.
    #[arg(long, value_name = "DIR")]
    pub blueprints: Option<PathBuf>,
}

/// Arguments of `chartgen new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Chart name: a DNS-1123 label of at most 53 characters, e.g. `web-api`.
    pub name: String,
    /// Blueprint to use.
    #[arg(long, short = 'b', value_name = "NAME")]
    pub blueprint: Option<String>,
    /// Container image with an explicit tag or digest (default: the blueprint's working example).
    #[arg(long, value_name = "REPO:TAG")]
    pub image: Option<String>,
    /// Port the application listens on.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Cron schedule, for the `cronjob` blueprint (e.g. "0 3 * * *").
    #[arg(long, value_name = "CRON")]
    pub schedule: Option<String>,
    /// A CronJob with the app's image, settings and secrets (repeatable): SCHEDULE ends at the first `:`; COMMAND is split into words as a shell splits them, and runs without one.
    #[arg(long, value_name = "NAME=SCHEDULE:COMMAND")]
    pub job: Vec<String>,
    /// A sidecar container beside the main one (repeatable).
    #[arg(long, value_name = "NAME=IMAGE:TAG")]
    pub sidecar: Vec<String>,
    /// A generic setting, stored in the chart's ConfigMap (repeatable).
    #[arg(long = "env", short = 'e', value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Start from this chartgen.yaml; flags override its keys.
    #[arg(long = "file", short = 'f', value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Folder to create the chart in.
    #[arg(long = "output", short = 'o', value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Replace an existing chart folder.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub source: BlueprintArgs,
}

/// Arguments of `chartgen render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// chartgen.yaml files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Folder to write the charts in.
    #[arg(long = "output", short = 'o', value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Replace existing chart folders chartgen wrote; refused while one holds files chartgen did not generate.
    #[arg(long)]
    pub force: bool,
    /// Also package each chart into DIST/<name>-<version>.tgz (the bytes `chartgen package` gives).
    #[arg(long, value_name = "DIST")]
    pub package: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub source: BlueprintArgs,
}

/// Arguments of `chartgen package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// Chart folders.
    #[arg(required = true, value_name = "CHART_DIR")]
    pub charts: Vec<PathBuf>,
    /// Folder to write the archives in.
    #[arg(
        long = "destination",
        short = 'd',
        value_name = "DIST",
        default_value = "."
    )]
    pub destination: PathBuf,
}

/// Arguments of `chartgen validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// A values file to check (repeatable; later files win; `-` reads standard input; at most 5 MiB each); by default the chart's own.
    #[arg(long = "values", short = 'f', value_name = "VALUES")]
    pub values: Vec<PathBuf>,
    /// The chart: a folder or a packaged .tgz.
    #[arg(value_name = "CHART")]
    pub chart: PathBuf,
}

/// Output formats of `chartgen lint`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LintFormat {
    /// Grouped by file, for people.
    Text,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Arguments of `chartgen lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// What to lint: a chart folder, a packaged .tgz, a chartgen.yaml (by its content, whatever its name), a file of manifests (at most 16 MiB), or `-` for standard input (the default).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also lint a chart with FILE over its defaults, like `helm install -f FILE` (repeatable; `-` reads standard input; at most 5 MiB each).
    #[arg(long = "values", short = 'f', value_name = "FILE")]
    pub values: Vec<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub set: SetArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub capabilities: CapabilityArgs,
    /// Set a rule's severity or turn it off (repeatable).
    #[arg(long, value_name = "CODE=off|info|warning|error")]
    pub rule: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
    /// Print what a rule checks, why it matters and an example; without CODE, list the rules.
    #[arg(long, value_name = "CODE", num_args = 0..=1)]
    pub explain: Option<Option<String>>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub source: BlueprintArgs,
}

/// Arguments of `chartgen schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the values schema of this blueprint instead.
    #[arg(long, value_name = "BLUEPRINT")]
    pub values: Option<String>,
    /// Write the schema to FILE instead of standard output.
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub source: BlueprintArgs,
}

/// Arguments of `chartgen template`, named and meant as `helm template`'s.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The release name (default `release-name`), or the chart when it is the only argument.
    #[arg(value_name = "NAME|CHART")]
    pub first: String,
    /// The chart: a folder, a packaged .tgz or a chartgen.yaml.
    #[arg(value_name = "CHART")]
    pub chart: Option<String>,
    /// Values files, stacked (later files win; `-` reads standard input).
    #[arg(long = "values", short = 'f', value_name = "FILE")]
    pub values: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub set: SetArgs,
    /// The release's namespace (`.Release.Namespace`).
    #[arg(long, short = 'n', value_name = "NAMESPACE", default_value = "default")]
    pub namespace: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub capabilities: CapabilityArgs,
    /// Only the documents of templates matching this glob, e.g. `templates/deployment.yaml` (repeatable).
    #[arg(long = "show-only", short = 's', value_name = "TEMPLATE")]
    pub show_only: Vec<String>,
    /// Leave out test hooks.
    #[arg(long = "skip-tests")]
    pub skip_tests: bool,
    /// Print the chart's CRDs (crds/) first.
    #[arg(long = "include-crds")]
    pub include_crds: bool,
    /// Accepted for Helm's sake: CRDs are never installed offline, so it changes nothing.
    #[arg(long = "skip-crds")]
    pub skip_crds: bool,
    /// Leave out hooks.
    #[arg(long = "no-hooks")]
    pub no_hooks: bool,
    /// Render as an upgrade: `.Release.IsUpgrade` true, `.Release.IsInstall` false.
    #[arg(long = "is-upgrade")]
    pub is_upgrade: bool,
    /// Write each template's documents to DIR/<chart>/templates/… instead of printing them.
    #[arg(long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<String>,
    /// With --output-dir, write under DIR/<release name>/.
    #[arg(long = "release-name")]
    pub release_name: bool,
    /// Name the release with this template (sprig functions, e.g. `app-{{ randAlpha 5 | lower }}`).
    #[arg(long = "name-template", value_name = "TEMPLATE")]
    pub name_template: Option<String>,
    /// Accepted as Helm accepts it: `helm template` names the release `release-name` all the same.
    #[arg(long = "generate-name", short = 'g')]
    pub generate_name: bool,
    /// Do not check values against the charts' values.schema.json.
    #[arg(long = "skip-schema-validation")]
    pub skip_schema_validation: bool,
    /// Refused: Helm flags that need a cluster, a network or a repository.
    #[command(flatten)]
    #[allow(missing_docs)]
    pub refused: RefusedFlags,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub source: BlueprintArgs,
}

/// The `--set*` flags of `helm template` and `helm install`, which
/// `chartgen template` and `chartgen lint` share.
#[derive(Debug, Default, Args)]
pub struct SetArgs {
    /// Values on the command line, typed (`a.b=1,list={x,y},l[0].k=v`; repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Values on the command line, kept as strings (repeatable).
    #[arg(long = "set-string", value_name = "KEY=VALUE")]
    pub set_string: Vec<String>,
    /// Values read from files: KEY=PATH (repeatable).
    #[arg(long = "set-file", value_name = "KEY=PATH")]
    pub set_file: Vec<String>,
    /// Values as JSON: KEY=JSON, or a JSON object (repeatable).
    #[arg(long = "set-json", value_name = "KEY=JSON")]
    pub set_json: Vec<String>,
    /// One value taken verbatim, commas and all (repeatable).
    #[arg(long = "set-literal", value_name = "KEY=VALUE")]
    pub set_literal: Vec<String>,
}

/// The flags that set `.Capabilities`, which `chartgen template` and
/// `chartgen lint` share.
#[derive(Debug, Default, Args)]
pub struct CapabilityArgs {
    /// The Kubernetes version of `.Capabilities.KubeVersion` (default v1.36.0, as Helm v4.2's).
    #[arg(long = "kube-version", value_name = "VERSION")]
    pub kube_version: Option<String>,
    /// API versions added to `.Capabilities.APIVersions` (repeatable or comma-separated).
    #[arg(
        long = "api-versions",
        short = 'a',
        value_name = "VERSION",
        value_delimiter = ','
    )]
    pub api_versions: Vec<String>,
}

/// `helm template` flags that need a cluster, a network or a repository:
/// parsed only to refuse them with a clear error.
#[derive(Debug, Args)]
pub struct RefusedFlags {
    /// Refused: updating dependencies needs their repositories.
    #[arg(long = "dependency-update", hide = true)]
    pub dependency_update: bool,
    /// Refused: charts from a repository need the network.
    #[arg(long = "repo", hide = true, value_name = "URL")]
    pub repo: Option<String>,
    /// Refused: verifying a chart's provenance needs its repository's files.
    #[arg(long = "verify", hide = true)]
    pub verify: bool,
    /// Refused: validation against a cluster needs the cluster.
    #[arg(long = "validate", hide = true)]
    pub validate: bool,
    /// Refused unless `client`: a server dry run needs the cluster.
    #[arg(long = "dry-run", hide = true, value_name = "MODE", num_args = 0..=1, default_missing_value = "unset")]
    pub dry_run: Option<String>,
    /// Refused: a post-renderer runs another program on the output.
    #[arg(long = "post-renderer", hide = true, value_name = "PROGRAM")]
    pub post_renderer: Option<String>,
    /// Refused: waiting needs a cluster.
    #[arg(long = "wait", hide = true, value_name = "STRATEGY", num_args = 0..=1, default_missing_value = "watcher")]
    pub wait: Option<String>,
    /// Refused: a timeout bounds cluster operations.
    #[arg(long = "timeout", hide = true, value_name = "DURATION")]
    pub timeout: Option<String>,
}

impl RefusedFlags {
    /// The first flag given that cannot work offline, as the user wrote it.
    pub fn first(&self) -> Option<&'static str> {
        let dry_run = self
            .dry_run
            .as_deref()
            .is_some_and(|m| m != "client" && m != "unset");
        [
            (self.dependency_update, "--dependency-update"),
            (self.repo.is_some(), "--repo"),
            (self.verify, "--verify"),
            (self.validate, "--validate"),
            (dry_run, "--dry-run"),
            (self.post_renderer.is_some(), "--post-renderer"),
            (self.wait.is_some(), "--wait"),
            (self.timeout.is_some(), "--timeout"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }
}
