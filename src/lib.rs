//! chartgen turns a small `chartgen.yaml` into a plain, production-grade Helm chart.
//!
//! Data flows one way:
//!
//! 1. [`load_spec`] reads `chartgen.yaml` into a validated [`Spec`]
//!    (YAML syntax, types, unknown keys, constraints; each error located).
//! 2. An [`Engine`] picks the spec's blueprint from a set of [`Blueprints`]
//!    and renders it: the [`Values`] model gives `values.yaml`, its schema and
//!    the README table; minijinja templates give the Helm templates.
//!    A spec's `environments` add `values-<env>.yaml` overlays.
//! 3. The resulting [`Chart`] is written atomically to disk.
//! 4. [`package`] turns a chart folder (or [`Chart::package`] a chart in
//!    memory) into a deterministic `.tgz`.
//!
//! Checking runs the other way, through the Helm engine, the
//! [`helm_engine`] crate (which knows nothing of chartgen): `chartgen
//! validate` gives Helm's verdict on values files for any chart: the
//! engine loads it with its subcharts ([`helm_engine::loader`], archives
//! through [`helm_engine::archive`], which trusts none of their entries),
//! reads values as Helm does ([`helm_engine::read`]), processes
//! dependencies ([`helm_engine::dependencies`]), merges values
//! ([`helm_engine::values`]), and [`schema::check_chart`] holds every schema
//! Helm checks against its part. [`lint`] runs rules over rendered
//! manifests. To lint a chart, the engine renders it offline as `helm
//! template` does (Go templates, sprig, Helm's values merging), once per
//! values file ([`lint::chart::lint_chart`]). `chartgen template` renders
//! a chart the same way and prints it as `helm template` does, through
//! [`helm_engine::strvals`] (the `--set*` flags) and
//! [`helm_engine::release`] (manifests sorted, hooks, CRDs, `--show-only`,
//! `--output-dir`). Engine errors become chartgen's [`Error`] in one place
//! (its `From` impl).
#![deny(missing_docs)]
// An error is built at most once per run, on the way out; boxing its fields
// would add noise to every constructor and save nothing that matters.
#![allow(clippy::result_large_err)]

mod blueprint;
mod chart;
pub mod cli;
mod commands;
mod environments;
mod error;
mod keys;
pub mod lint;
mod model;
mod package;
mod render;
mod scanners;
pub mod schema;
pub mod yaml;

pub use blueprint::{BlueprintManifest, Blueprints};
pub use chart::Chart;
pub use commands::run;
pub use error::{Error, Location, Result};
pub use helm_engine::archive::{ChartArchive, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
pub use lint::RuleLevel;
pub use model::{
    decode_input, input_schema, load_spec, read_input, types, values_schema, Environment,
    EnvironmentSpec, HookEvent, ImageRef, InitContainerSpec, JobSpec, LintSpec, SecretBackend,
    SecretSource, SidecarSpec, Spec, StorageSpec, Values,
};
pub use package::package;
pub use render::{Engine, DELIMITERS, VERSION};
