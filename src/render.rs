//! Rendering a blueprint into a chart in memory.
//!
//! Blueprint templates emit Helm templates, which are full of `{{ }}`, so the
//! minijinja environment uses `[[ ]]`, `[% %]` and `[# #]` instead.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{context, Environment, UndefinedBehavior, Value};
use serde_json::Value as Json;

use crate::blueprint::{BlueprintManifest, Blueprints, FileEntry, WorkloadKind, SHARED};
use crate::chart::Chart;
use crate::environments::{overlay_yaml, overlays, EnvironmentOverlay};
use crate::error::{EngineError, Error, Result};
use crate::model::{ImageRef, JobSpec, Spec, Values};
use crate::scanners::deliberate_checks;
use crate::schema;
use crate::yaml;
pub use crate::yaml::{INPUT_MODELINE, VALUES_MODELINE};
use helm_engine::values::merge_maps;

/// chartgen's own version, recorded in every chart it writes.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The delimiters blueprint templates use; none can appear in Helm output.
pub const DELIMITERS: [&str; 6] = ["[[", "]]", "[%", "%]", "[#", "#]"];

/// Renders blueprints. Build one and reuse it: parsed templates are cached,
/// so rendering many services in one process pays for parsing once.
pub struct Engine {
    blueprints: Arc<Blueprints>,
    env: Environment<'static>,
    manifests: Mutex<HashMap<String, Arc<BlueprintManifest>>>,
    schemas: Mutex<HashMap<String, Arc<(Json, String)>>>,
}

impl Engine {
    /// An engine over a set of blueprints.
    pub fn new(blueprints: Blueprints) -> Self {
        let blueprints = Arc::new(blueprints);
        let mut env = Environment::new();
        env.set_syntax(
            SyntaxConfig::builder()
                .block_delimiters(DELIMITERS[2], DELIMITERS[3])
                .variable_delimiters(DELIMITERS[0], DELIMITERS[1])
                .comment_delimiters(DELIMITERS[4], DELIMITERS[5])
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .expect("valid delimiters"),
        );
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("yaml_str", |s: String| yaml::scalar(&Json::String(s)));
        // A YAML scalar that stays a string: plain when YAML 1.1 and 1.2 read
        // it as one (`web-api`), quoted when they would not (`null`, `0755`).
        env.add_filter("yaml_value", |s: String| yaml::key(&s));
        // The items of several lists, each once, in first-seen order.
        env.add_filter("union", |lists: Vec<Vec<Value>>| {
            let mut seen = Vec::new();
            for item in lists.into_iter().flatten() {
                if !seen.contains(&item) {
                    seen.push(item);
                }
            }
            seen
        });
        let source = Arc::clone(&blueprints);
        env.set_loader(move |name| Ok(source.file(name).map(str::to_owned)));
        Engine {
            blueprints,
            env,
            manifests: Mutex::default(),
            schemas: Mutex::default(),
        }
    }

    /// The blueprints this engine renders.
    pub fn blueprints(&self) -> &Blueprints {
        &self.blueprints
    }

    /// Generates the chart for `given`, as the pipeline runs: the spec
    /// completed by its blueprint, its Helm values, the documents made from
    /// them (values.yaml, its schema, the README table, the environment
    /// overlays), the rendered templates, and the chart holding them all.
    /// `input` is the text of the `chartgen.yaml` it came from, kept in the
    /// chart verbatim; without it a commented `chartgen.yaml` is written
    /// from `given`.
    pub fn generate(&self, given: &Spec, input: Option<&str>) -> Result<Chart> {
        let manifest = self.manifest(&given.blueprint)?;
        let (spec, spec_json) = complete(given, &manifest)?;
        let spec = &spec;
        let image = main_image(spec)?;
        let values = values_for(spec, &image, &manifest)?;
        let documents = self.documents(spec, &image, &manifest, &values);
        let view = template_view(spec_json);
        let ctx = template_context(spec, view, &image, &manifest, &values, &documents);
        let mut files = self.templates(&manifest, &ctx)?;
        documents.write(spec, &manifest, &values, &mut files);
        files.insert(
            "chartgen.yaml".into(),
            match input {
                Some(text) => text.to_owned(),
                None => spec_yaml(given),
            },
        );
        Ok(Chart {
            name: spec.name.0.clone(),
            version: spec.version.clone(),
            files,
        })
    }

    /// The documents made from `values`: its schema (closed to what the
    /// values hold), the README's values table and the environment overlays.
    fn documents(
        &self,
        spec: &Spec,
        image: &ImageRef,
        manifest: &BlueprintManifest,
        values: &Json,
    ) -> Documents {
        let keys: Vec<String> = values
            .as_object()
            .expect("values are a map")
            .keys()
            .cloned()
            .collect();
        let base = self.schema(&keys);
        let closed = close_to_values(&base.0, values).map(|schema| {
            let text = pretty_json(&schema);
            (schema, text)
        });
        let schema = closed.as_ref().map_or(&base.0, |(schema, _)| schema);
        let mut rows = schema::value_rows(values, schema);
        for row in &mut rows {
            row.default = row.default.replace('|', "\\|");
        }
        let scales = manifest.workload == WorkloadKind::Deployment;
        let overlays = overlays(spec, values, image, scales);
        Documents {
            base,
            closed,
            rows,
            overlays,
        }
    }

    /// The blueprint's files (its own and the shared ones it lists) that
    /// apply, `.j2` ones rendered with `ctx`, the others copied.
    fn templates(
        &self,
        manifest: &BlueprintManifest,
        ctx: &Value,
    ) -> Result<BTreeMap<String, String>> {
        let mut files = BTreeMap::new();
        let entries = manifest
            .shared
            .iter()
            .map(|e| (SHARED, e))
            .chain(manifest.files.iter().map(|e| (manifest.name.as_str(), e)));
        for (folder, entry) in entries {
            if !self.wanted(folder, entry, ctx)? {
                continue;
            }
            let source = format!("{folder}/chart/{}", entry.path());
            let (path, text) = match entry.path().strip_suffix(".j2") {
                Some(path) => (path, self.render(&source, ctx)?),
                None => {
                    let text = self
                        .blueprints
                        .file(&source)
                        .ok_or_else(|| Error::Blueprint {
                            file: format!("{}/blueprint.yaml", manifest.name),
                            line: None,
                            message: format!(
                                "lists `{}`, but there is no `{source}`",
                                entry.path()
                            ),
                        })?;
                    (entry.path(), text.to_owned())
                }
            };
            files.insert(path.to_owned(), text);
        }
        Ok(files)
    }

    /// The working example service of a blueprint, named `name`: what
    /// `chartgen new NAME --blueprint BLUEPRINT` starts from without `--image`.
    pub fn example(&self, name: &str, blueprint: &str) -> Result<Spec> {
        let manifest = self.manifest(blueprint)?;
        let mut start = serde_json::json!({ "name": name, "blueprint": blueprint });
        if let (Some(start), Some(example)) = (start.as_object_mut(), manifest.example.as_object())
        {
            start.extend(example.clone());
        }
        serde_json::from_value(start).map_err(|e| Error::Blueprint {
            file: format!("{blueprint}/blueprint.yaml"),
            line: None,
            message: format!("`example`: {e}"),
        })
    }

    /// A blueprint's manifest, parsed once.
    pub fn manifest(&self, blueprint: &str) -> Result<Arc<BlueprintManifest>> {
        let mut cache = self.manifests.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(manifest) = cache.get(blueprint) {
            return Ok(Arc::clone(manifest));
        }
        let manifest = Arc::new(self.blueprints.manifest(blueprint)?);
        cache.insert(blueprint.to_owned(), Arc::clone(&manifest));
        Ok(manifest)
    }

    /// The values schema for a set of top-level keys, and its text, built once.
    fn schema(&self, keys: &[String]) -> Arc<(Json, String)> {
        let mut cache = self.schemas.lock().unwrap_or_else(|e| e.into_inner());
        let id = keys.join(",");
        if let Some(schema) = cache.get(&id) {
            return Arc::clone(schema);
        }
        let schema = crate::model::values_schema(keys);
        let text = pretty_json(&schema);
        let entry = Arc::new((schema, text));
        cache.insert(id, Arc::clone(&entry));
        entry
    }

    fn wanted(&self, folder: &str, entry: &FileEntry, ctx: &Value) -> Result<bool> {
        let Some(when) = entry.when() else {
            return Ok(true);
        };
        let err = |e: minijinja::Error| Error::Blueprint {
            file: format!("{folder}/blueprint.yaml"),
            line: None,
            message: format!("`when: {when}` for `{}`: {e}", entry.path()),
        };
        let expr = self.env.compile_expression(when).map_err(err)?;
        Ok(expr.eval(ctx).map_err(err)?.is_true())
    }

    fn render(&self, template: &str, ctx: &Value) -> Result<String> {
        let err = |e: minijinja::Error| {
            // An error inside an included partial is the innermost one of the chain.
            let mut inner = &e;
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                if let Some(next) = cause.downcast_ref::<minijinja::Error>() {
                    inner = next;
                }
                source = cause.source();
            }
            Error::Blueprint {
                file: inner.name().unwrap_or(template).to_owned(),
                line: inner.line(),
                message: match inner.detail() {
                    Some(detail) => format!("{}: {detail}", inner.kind()),
                    None => inner.kind().to_string(),
                },
            }
        };
        self.env
            .get_template(template)
            .map_err(err)?
            .render(ctx)
            .map_err(err)
    }
}

/// `lint.rules` as Chart.yaml's `chartgen/lint-rules` annotation carries
/// them, so they travel with the packaged chart: `CG022=off, CG003=warning`.
fn lint_rules(spec: &Spec) -> Option<String> {
    let rules = &spec.lint.as_ref()?.rules;
    (!rules.is_empty()).then(|| {
        rules
            .iter()
            .map(|(code, level)| format!("{code}={}", level.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// What a chart documents about its values, made once and both written
/// to files and shown to the templates (the README's table, the overlays
/// the install notes name).
struct Documents {
    /// `values.schema.json` of the values' keys, and its text, as cached.
    base: Arc<(Json, String)>,
    /// That schema closed to what the values hold, when closing changes it.
    closed: Option<(Json, String)>,
    /// The README's values table.
    rows: Vec<schema::ValueRow>,
    /// The environment overlays.
    overlays: Vec<EnvironmentOverlay>,
}

impl Documents {
    /// `values.schema.json` and its text.
    fn schema(&self) -> &(Json, String) {
        self.closed.as_ref().unwrap_or(&self.base)
    }

    /// Adds `values.yaml`, the schemas and the overlays to `files`, over
    /// any template of the same name.
    fn write(
        &self,
        spec: &Spec,
        manifest: &BlueprintManifest,
        values: &Json,
        files: &mut BTreeMap<String, String>,
    ) {
        let name = &spec.name.0;
        let (schema, text) = self.schema();
        files.insert(
            "values.yaml".into(),
            values_yaml(name, manifest, values, schema),
        );
        files.insert("values.schema.json".into(), text.clone());
        // The schema chartgen.yaml's modeline points at, so editors check it offline.
        files.insert(
            "chartgen.schema.json".into(),
            input_schema_text().to_owned(),
        );
        let secrets = install_secrets(spec);
        for overlay in &self.overlays {
            files.insert(
                format!("values-{}.yaml", overlay.name),
                overlay_yaml(name, overlay, schema, &secrets),
            );
        }
    }
}

/// `given` with its blueprint's defaults filling the keys it leaves unset,
/// checked against what the blueprint needs and uses.
/// Returns it with its serialized form, which the templates read.
fn complete(given: &Spec, manifest: &BlueprintManifest) -> Result<(Spec, Json)> {
    let written = serde_json::to_value(given).expect("spec serializes");
    let spec = Spec::over(&written, &manifest.defaults).map_err(|m| Error::Blueprint {
        file: format!("{}/blueprint.yaml", manifest.name),
        line: None,
        message: format!("`defaults`: {m}"),
    })?;
    let json = serde_json::to_value(&spec).expect("spec serializes");
    check_requirements(&json, manifest)?;
    check_names(&spec, manifest)?;
    crate::model::check_blueprint(given, &written, &spec, manifest)?;
    Ok((spec, json))
}

/// The spec's main image, parsed.
fn main_image(spec: &Spec) -> Result<ImageRef> {
    ImageRef::parse(&spec.image).map_err(|message| {
        EngineError::Input {
            location: None,
            key: Some("image".into()),
            message,
            hint: None,
        }
        .into()
    })
}

/// What the templates see: the chart, the spec, its values and documents,
/// the blueprint and the secrets an install needs.
fn template_context(
    spec: &Spec,
    view: Json,
    image: &ImageRef,
    manifest: &BlueprintManifest,
    values: &Json,
    documents: &Documents,
) -> Value {
    let name = &spec.name.0;
    let description = spec
        .description
        .clone()
        .unwrap_or_else(|| format!("{name}: {}", manifest.description));
    context! {
        chart => context! {
            name => name,
            version => &spec.version,
            appVersion => &image.tag,
            digest => &image.digest,
            description => description,
            kubeVersion => &spec.kube_version,
            nativeSidecars => crate::model::native_sidecars(&spec.kube_version),
            lintRules => lint_rules(spec),
        },
        spec => Value::from(Serde(view)),
        values => Value::from(Serde(values)),
        blueprint => context! {
            name => &manifest.name,
            description => &manifest.description,
            component => &manifest.component,
            portName => &manifest.port_name,
            protocol => manifest.protocol.as_str(),
        },
        workload => context! { kind => manifest.workload.as_str() },
        generator => context! { version => VERSION },
        values_table => Value::from(Serde(&documents.rows)),
        environments => Value::from(Serde(&documents.overlays)),
        jobs => Value::from(Serde(job_views(spec))),
        install_secrets => install_secrets(spec),
        source_secrets => source_secrets(spec),
        generated_secrets => &spec.generated_secrets,
        scanners => Value::from(Serde(deliberate_checks(values))),
    }
}

/// The spec as templates see it: collections present even when empty, so a
/// template can loop over `spec.sidecars` without guarding it.
fn template_view(mut json: Json) -> Json {
    let obj = json.as_object_mut().expect("a spec is a map");
    for key in [
        "sidecars",
        "initContainers",
        "jobs",
        "secrets",
        "generatedSecrets",
        "hosts",
    ] {
        obj.entry(key).or_insert_with(|| Json::Array(Vec::new()));
    }
    for key in ["sharedVolumes", "hostPaths", "config"] {
        obj.entry(key)
            .or_insert_with(|| Json::Object(Default::default()));
    }
    json
}

/// Refuses a spec that lacks a key its blueprint requires.
fn check_requirements(json: &Json, manifest: &BlueprintManifest) -> Result<()> {
    for key in &manifest.requires {
        if json.get(key).is_none_or(Json::is_null) {
            return Err(EngineError::Input {
                location: None,
                key: Some(key.clone()),
                message: format!("the `{}` blueprint needs `{key}`", manifest.name),
                hint: Some(format!("add `{key}:` to chartgen.yaml")),
            }
            .into());
        }
    }
    Ok(())
}

/// The secrets an install must be given: neither generated nor fetched.
fn install_secrets(spec: &Spec) -> Vec<String> {
    spec.secrets
        .iter()
        .filter(|k| !spec.secret_sources.contains_key(*k))
        .cloned()
        .collect()
}

/// The secrets each external source fetches, by the source's values key
/// (`externalSecret`, `vault`): where an environment turns a source off, an
/// install must give its secrets another way.
fn source_secrets(spec: &Spec) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, source) in &spec.secret_sources {
        let backend = serde_json::to_value(source.from).expect("a backend serializes");
        out.entry(backend.as_str().unwrap_or_default().to_owned())
            .or_default()
            .push(key.clone());
    }
    out
}

/// Refuses names that would meet what the blueprint names itself: a job
/// named like the blueprint's component (its pods would carry the
/// workload's selector labels, so the Service and budget would pick them),
/// and a volume named like the Vault agent's token volume.
fn check_names(spec: &Spec, manifest: &BlueprintManifest) -> Result<()> {
    let refuse = |key: String, message: String, hint: &str| {
        Err(EngineError::Input {
            location: None,
            key: Some(key),
            message,
            hint: Some(hint.into()),
        }
        .into())
    };
    if let Some(i) = spec
        .jobs
        .iter()
        .position(|j| j.name.0 == manifest.component)
    {
        return refuse(
            format!("jobs.{i}.name"),
            format!(
                "a job named `{}` would carry the `{}` blueprint's component label, so the chart's Service and disruption budget would select its pods",
                manifest.component, manifest.name
            ),
            "name the job after what it does, e.g. `migrate`",
        );
    }
    let vault = spec
        .secret_sources
        .values()
        .any(|s| s.from == crate::model::SecretBackend::Vault);
    for (section, names) in [
        ("sharedVolumes", &spec.shared_volumes),
        ("hostPaths", &spec.host_paths),
    ] {
        if vault && names.contains_key("vault-token") {
            return refuse(
                format!("{section}.vault-token"),
                "`vault-token` is the volume that holds the Vault agent's ServiceAccount token"
                    .into(),
                "pick another name, e.g. `shared-tokens`",
            );
        }
    }
    Ok(())
}

/// The jobs as the templates read them: the hooks with their events and
/// whether they read copies, the events and weight of the copies (made
/// before the jobs that read them), and the scheduled jobs.
fn job_views(spec: &Spec) -> Json {
    let events = |job: &JobSpec| -> Vec<String> {
        job.hook_events()
            .iter()
            .map(|e| {
                serde_json::to_value(e)
                    .expect("an event serializes")
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    // The release's own ConfigMap, Secret and ServiceAccount are missing
    // or stale at these events: not made yet (pre-install, or pre-upgrade
    // after a failed install), from the release being replaced (pre-upgrade,
    // pre-rollback) or gone (post-delete). A hook that runs at one reads
    // copies made for the hooks; the others read the release's own.
    let reads_copies = |job: &JobSpec| {
        events(job).iter().any(|e| {
            matches!(
                e.as_str(),
                "pre-install" | "pre-upgrade" | "pre-rollback" | "post-delete"
            )
        })
    };
    let hooks: Vec<&JobSpec> = spec.jobs.iter().filter(|j| j.schedule.is_none()).collect();
    let readers: Vec<&JobSpec> = hooks.iter().copied().filter(|j| reads_copies(j)).collect();
    let mut copy_events: Vec<String> = Vec::new();
    for job in &readers {
        for event in events(job) {
            if !copy_events.contains(&event) {
                copy_events.push(event);
            }
        }
    }
    serde_json::json!({
        "hooks": hooks.iter().map(|j| serde_json::json!({
            "name": j.name.0,
            "events": events(j).join(","),
            "weight": j.weight.unwrap_or(0),
            "copies": reads_copies(j),
        })).collect::<Vec<_>>(),
        "copyEvents": copy_events.join(","),
        "setupWeight": readers.iter().map(|j| j.weight.unwrap_or(0)).min().unwrap_or(0).saturating_sub(1),
        "deadline": crate::model::HOOK_DEADLINE_SECONDS,
        "scheduled": spec.jobs.iter().filter(|j| j.schedule.is_some()).map(|j| serde_json::json!({"name": j.name.0})).collect::<Vec<_>>(),
    })
}

/// Optional keys only some charts' templates read, as (section, key): a
/// chart's defaults set them where its templates read them (a DaemonSet's
/// `maxUnavailable`, the peers admitted to serving ports), and its schema
/// offers them only there.
const READ_WHERE_SET: &[(&str, &str)] = &[
    ("updateStrategy", "maxUnavailable"),
    ("networkPolicy", "from"),
];

/// Fits the schema to what this chart's templates read: the maps keyed by
/// structural names (`sidecars`, `jobs`, `initContainers`) are closed to the
/// names this chart declares, so a misspelt name in a values file fails like
/// any other unknown key, each job gets the schema of its kind (a hook or a
/// scheduled job), and secret sources the chart has none of are left out,
/// as are the [`READ_WHERE_SET`] keys its defaults leave unset.
fn close_to_values(schema: &Json, values: &Json) -> Option<Json> {
    let named = ["sidecars", "jobs", "initContainers"];
    let present: Vec<&str> = named
        .into_iter()
        .filter(|k| values.get(*k).is_some())
        .collect();
    let sources = ["externalSecret", "vault"];
    let unused: Vec<&str> = sources
        .into_iter()
        .filter(|k| values.get("secrets").is_some_and(|s| s.get(*k).is_none()))
        .collect();
    let unread: Vec<(&str, &str)> = READ_WHERE_SET
        .iter()
        .copied()
        .filter(|(section, key)| values.get(section).is_some_and(|s| s.get(key).is_none()))
        .collect();
    if present.is_empty() && unused.is_empty() && unread.is_empty() {
        return None;
    }
    let mut schema = schema.clone();
    for key in present {
        let node = &mut schema["properties"][key];
        let item = node["additionalProperties"].take();
        let properties: serde_json::Map<String, Json> = values[key]
            .as_object()
            .expect("a map")
            .iter()
            .map(|(name, value)| (name.clone(), kind_of(&item, value)))
            .collect();
        node["properties"] = Json::Object(properties);
        node["additionalProperties"] = Json::Bool(false);
    }
    if let Some(Json::Object(props)) = schema["properties"]["secrets"].get_mut("properties") {
        for key in unused {
            props.shift_remove(key);
        }
    }
    for (section, key) in unread {
        if let Some(Json::Object(props)) = schema["properties"][section].get_mut("properties") {
            props.shift_remove(key);
        }
    }
    Some(schema)
}

/// Of a schema that is `anyOf` several kinds (a job's), the kind `value` is:
/// the branch whose keys are exactly the value's.
fn kind_of(item: &Json, value: &Json) -> Json {
    let Some(Json::Array(branches)) = item.get("anyOf") else {
        return item.clone();
    };
    let keys = |v: &Json| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut want = keys(value);
    want.sort();
    branches
        .iter()
        .find(|branch| {
            let mut have = keys(&branch["properties"]);
            have.sort();
            have == want
        })
        .cloned()
        .unwrap_or_else(|| item.clone())
}

/// The default values for `spec`, limited to the keys the blueprint reads.
fn values_for(spec: &Spec, image: &ImageRef, manifest: &BlueprintManifest) -> Result<Json> {
    let Json::Object(mut all) =
        serde_json::to_value(Values::from_spec(spec, image)).expect("values serialize")
    else {
        unreachable!("values are a map")
    };
    // A blueprint's defaults go over the model's as a values file goes over
    // a chart's: maps key by key, anything else (lists, nulls) replaced.
    if let Json::Object(defaults) = &manifest.value_defaults {
        merge_maps(&mut all, defaults.clone());
    }
    if manifest.tag_from_app_version {
        all["image"]["tag"] = Json::String(String::new());
    }
    let mut kept = serde_json::Map::new();
    for key in &manifest.values {
        if !Values::KEYS.contains(&key.as_str()) {
            return Err(Error::Blueprint {
                file: format!("{}/blueprint.yaml", manifest.name),
                line: None,
                message: format!("`values` lists `{key}`, which is not a chartgen values key"),
            });
        }
        // Sections the spec gives no content (no sidecars, no probes…) are left out.
        if let Some(value) = all.shift_remove(key) {
            kept.insert(key.clone(), value);
        }
    }
    Ok(Json::Object(kept))
}

fn values_yaml(name: &str, manifest: &BlueprintManifest, values: &Json, schema: &Json) -> String {
    format!(
        "{VALUES_MODELINE}\n\
         # Default values of the {name} chart (chartgen {VERSION}, blueprint `{}`).\n\
         # Each key is described in values.schema.json and README.md. Override them per\n\
         # environment with `helm upgrade -f FILE` or `--set`.\n\n{}",
        manifest.name,
        schema::commented(values, schema)
    )
}

fn spec_yaml(spec: &Spec) -> String {
    let value = serde_json::to_value(spec).expect("spec serializes");
    format!(
        "{INPUT_MODELINE}\n\
         # chartgen input: regenerate the chart with `chartgen render chartgen.yaml -o .. --force`.\n\
         # --force replaces the whole folder, so edits to generated files are lost; it\n\
         # refuses while the folder holds files chartgen did not generate.\n\n{}",
        schema::commented(&value, &crate::model::input_schema())
    )
}

/// `chartgen.schema.json`, written into every chart, built once.
fn input_schema_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| pretty_json(&crate::model::input_schema()))
}

/// JSON with two-space indentation and a final newline.
pub fn pretty_json(value: &Json) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON serializes");
    text.push('\n');
    text
}
