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

use crate::blueprint::{Blueprints, FileEntry, Manifest, SHARED};
use crate::chart::Chart;
use crate::error::{Error, Result};
use crate::model::{ImageRef, Spec, Values};
use crate::schema;
use crate::yaml;

/// chartgen's own version, recorded in every chart it writes.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The delimiters blueprint templates use; none can appear in Helm output.
pub const DELIMITERS: [&str; 6] = ["[[", "]]", "[%", "%]", "[#", "#]"];

/// Renders blueprints. Build one and reuse it: parsed templates are cached,
/// so rendering many services in one process pays for parsing once.
pub struct Engine {
    blueprints: Arc<Blueprints>,
    env: Environment<'static>,
    prepared: Mutex<HashMap<String, Arc<Prepared>>>,
}

/// What every chart of one blueprint shares, computed on first use.
struct Prepared {
    manifest: Manifest,
    schema: Json,
    schema_text: String,
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
        let source = Arc::clone(&blueprints);
        env.set_loader(move |name| Ok(source.file(name).map(str::to_owned)));
        Engine {
            blueprints,
            env,
            prepared: Mutex::default(),
        }
    }

    /// The blueprints this engine renders.
    pub fn blueprints(&self) -> &Blueprints {
        &self.blueprints
    }

    /// Generates the chart for `spec`. `input` is the text of the
    /// `chartgen.yaml` it came from, kept in the chart verbatim; without it a
    /// commented `chartgen.yaml` is written from `spec`.
    pub fn generate(&self, spec: &Spec, input: Option<&str>) -> Result<Chart> {
        let prepared = self.prepared(&spec.blueprint)?;
        let (manifest, values_schema) = (&prepared.manifest, &prepared.schema);
        let image = ImageRef::parse(&spec.image).map_err(|message| Error::Input {
            location: None,
            key: Some("image".into()),
            message,
            hint: None,
        })?;
        let values = values_for(spec, &image, manifest)?;
        let mut rows = yaml::value_rows(&values, values_schema);
        for row in &mut rows {
            row.default = row.default.replace('|', "\\|");
        }
        let name = spec.name.0.clone();
        let description = spec
            .description
            .clone()
            .unwrap_or_else(|| format!("{name}: {}", manifest.description));
        let ctx = context! {
            chart => context! {
                name => &name,
                version => &spec.version,
                appVersion => &image.tag,
                description => description,
                kubeVersion => &spec.kube_version,
            },
            spec => Value::from(Serde(spec)),
            values => Value::from(Serde(&values)),
            blueprint => context! {
                name => &manifest.name,
                description => &manifest.description,
                component => &manifest.component,
            },
            workload => context! { kind => &manifest.workload },
            generator => context! { version => VERSION },
            values_table => Value::from(Serde(&rows)),
        };

        let mut files = BTreeMap::new();
        let entries = manifest
            .shared
            .iter()
            .map(|e| (SHARED, e))
            .chain(manifest.files.iter().map(|e| (manifest.name.as_str(), e)));
        for (folder, entry) in entries {
            if !self.wanted(folder, entry, &ctx)? {
                continue;
            }
            let source = format!("{folder}/chart/{}", entry.path());
            let (path, text) = match entry.path().strip_suffix(".j2") {
                Some(path) => (path, self.render(&source, &ctx)?),
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
        files.insert(
            "values.yaml".into(),
            values_yaml(&name, manifest, &values, values_schema),
        );
        files.insert("values.schema.json".into(), prepared.schema_text.clone());
        files.insert(
            "chartgen.yaml".into(),
            match input {
                Some(text) => text.to_owned(),
                None => spec_yaml(spec),
            },
        );
        Ok(Chart {
            name,
            version: spec.version.clone(),
            files,
        })
    }

    fn prepared(&self, blueprint: &str) -> Result<Arc<Prepared>> {
        let mut cache = self.prepared.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(prepared) = cache.get(blueprint) {
            return Ok(Arc::clone(prepared));
        }
        let manifest = self.blueprints.manifest(blueprint)?;
        let schema = schema::values_schema(&manifest.values);
        let schema_text = pretty_json(&schema);
        let prepared = Arc::new(Prepared {
            manifest,
            schema,
            schema_text,
        });
        cache.insert(blueprint.to_owned(), Arc::clone(&prepared));
        Ok(prepared)
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
        let err = |e: minijinja::Error| Error::Blueprint {
            file: e.name().unwrap_or(template).to_owned(),
            line: e.line(),
            message: match e.detail() {
                Some(detail) => format!("{}: {detail}", e.kind()),
                None => e.kind().to_string(),
            },
        };
        self.env
            .get_template(template)
            .map_err(err)?
            .render(ctx)
            .map_err(err)
    }
}

/// The default values for `spec`, limited to the keys the blueprint reads.
fn values_for(spec: &Spec, image: &ImageRef, manifest: &Manifest) -> Result<Json> {
    let Json::Object(mut all) =
        serde_json::to_value(Values::from_spec(spec, image)).expect("values serialize")
    else {
        unreachable!("values are a map")
    };
    let mut kept = serde_json::Map::new();
    for key in &manifest.values {
        let value = all.shift_remove(key).ok_or_else(|| Error::Blueprint {
            file: format!("{}/blueprint.yaml", manifest.name),
            line: None,
            message: format!("`values` lists `{key}`, which is not a chartgen values key"),
        })?;
        kept.insert(key.clone(), value);
    }
    Ok(Json::Object(kept))
}

fn values_yaml(name: &str, manifest: &Manifest, values: &Json, schema: &Json) -> String {
    format!(
        "# yaml-language-server: $schema=values.schema.json\n\
         # Default values of the {name} chart (chartgen {VERSION}, blueprint `{}`).\n\
         # Each key is described in values.schema.json and README.md. Override them per\n\
         # environment with `helm upgrade -f FILE` or `--set`.\n\n{}",
        manifest.name,
        yaml::commented(values, schema)
    )
}

fn spec_yaml(spec: &Spec) -> String {
    let value = serde_json::to_value(spec).expect("spec serializes");
    format!(
        "# chartgen input: regenerate the chart with `chartgen render chartgen.yaml -o .. --force`.\n\
         # `chartgen schema` prints the schema of this file.\n\n{}",
        yaml::commented(&value, &schema::input_schema())
    )
}

/// JSON with two-space indentation and a final newline.
pub fn pretty_json(value: &Json) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON serializes");
    text.push('\n');
    text
}
