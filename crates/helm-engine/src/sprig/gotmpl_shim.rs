//! The sprig functions for the renderer built on the `gotmpl` crate, until
//! the engine of our own (`gotemplate`) replaces it: each call converts its
//! arguments to `gotemplate` values, runs the function and converts the
//! result back.
//!
//! Maps are copied on the way in, so the in-place changes `set`, `unset`
//! and `merge` make are seen only through the map they return, which is
//! what that renderer expects (it rewrites `$_ := set $d …` to keep `$d`).
//! A `time.Time` comes back as the text Go prints for it, a
//! `*semver.Version` and a `sprig.certificate` as dicts of their fields
//! (and such a dict of `Cert` and `Key` goes in as a certificate again).
//! Delete this module with that renderer.

use std::any::Any;
use std::sync::Arc;

use gotemplate::{Call, Host, Map, MapKind, Value};

use super::govalue::MAX_DEPTH;
use super::FUNCS;

/// Every sprig function Helm registers, by name, for the `gotmpl` renderer.
pub(crate) fn funcs() -> gotmpl::FuncMap {
    // Built once: every chart render starts from the same table.
    static FUNC_MAP: std::sync::OnceLock<gotmpl::FuncMap> = std::sync::OnceLock::new();
    FUNC_MAP
        .get_or_init(|| {
            let mut map = gotmpl::FuncMap::new();
            for &(name, body) in FUNCS {
                map.insert(
                    name.to_string(),
                    Arc::new(move |args: &[gotmpl::Value]| {
                        let args: Vec<Value> = args.iter().map(to_new).collect();
                        let mut host = NoHost;
                        let mut call = Call {
                            name,
                            args: &args,
                            host: &mut host,
                        };
                        body(&mut call).map(|v| to_old(&v)).map_err(|e| {
                            let message = e.to_string();
                            // Go's own argument checks are not the
                            // function's error: no `error calling` there.
                            if message.starts_with("wrong number of args")
                                || message.starts_with("wrong type for value")
                            {
                                gotmpl::TemplateError::Exec(message)
                            } else {
                                gotmpl::TemplateError::Exec(format!(
                                    "error calling {name}: {message}"
                                ))
                            }
                        })
                    }),
                );
            }
            map
        })
        .clone()
}

/// sprig's functions never re-enter the executor.
struct NoHost;

impl Host for NoHost {
    fn execute_template(&mut self, name: &str, _: Value) -> gotemplate::Result<String> {
        Err(gotemplate::Error::func(format!(
            "no template {name:?}: sprig functions do not include templates"
        )))
    }

    fn execute_text(&mut self, name: &str, _: &str, _: Value) -> gotemplate::Result<String> {
        self.execute_template(name, Value::Nil)
    }

    fn state(&mut self) -> &mut dyn Any {
        self
    }
}

/// A `gotmpl` value as a `gotemplate` one (a copy: maps are not shared).
pub(crate) fn to_new(v: &gotmpl::Value) -> Value {
    match v {
        gotmpl::Value::Nil | gotmpl::Value::Function(_) => Value::Nil,
        gotmpl::Value::Bool(b) => Value::Bool(*b),
        gotmpl::Value::Int(n) => Value::Int(*n),
        gotmpl::Value::Uint(n) => Value::Uint(*n),
        gotmpl::Value::Float(f) => Value::Float(*f),
        gotmpl::Value::String(s) => Value::string(&**s),
        gotmpl::Value::List(items) => Value::list(items.iter().map(to_new).collect()),
        gotmpl::Value::Map(m) if is_certificate(m) => {
            let text = |k: &str| m.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            super::crypto::certificate_value(text("Cert"), text("Key"))
        }
        gotmpl::Value::Map(m) => {
            let map = Map::new(MapKind::Any);
            for (k, v) in m.iter() {
                map.insert(&**k, to_new(v));
            }
            Value::Map(map)
        }
    }
}

/// Whether `m` is the dict a `sprig.certificate` became on its way out.
fn is_certificate(m: &std::collections::BTreeMap<Arc<str>, gotmpl::Value>) -> bool {
    m.len() == 2
        && ["Cert", "Key"]
            .iter()
            .all(|k| matches!(m.get(*k), Some(gotmpl::Value::String(_))))
}

/// A `gotemplate` value as a `gotmpl` one. A map nested deeper than the
/// printers follow (one that holds itself) is cut off there as nil.
pub(crate) fn to_old(v: &Value) -> gotmpl::Value {
    to_old_at(v, MAX_DEPTH)
}

fn to_old_at(v: &Value, depth: usize) -> gotmpl::Value {
    if depth == 0 {
        return gotmpl::Value::Nil;
    }
    match v {
        Value::Nil => gotmpl::Value::Nil,
        Value::Bool(b) => gotmpl::Value::Bool(*b),
        Value::Int(n) | Value::Int64(n) => gotmpl::Value::Int(*n),
        Value::Uint(n) => gotmpl::Value::Uint(*n),
        Value::Float(f) => gotmpl::Value::Float(*f),
        Value::String(s) => gotmpl::Value::String(Arc::from(&**s)),
        Value::Bytes(b) => gotmpl::Value::String(Arc::from(String::from_utf8_lossy(b).as_ref())),
        Value::List(items) => {
            gotmpl::Value::List(items.iter().map(|v| to_old_at(v, depth - 1)).collect())
        }
        Value::Map(m) => gotmpl::Value::Map(Arc::new(
            m.snapshot()
                .into_iter()
                .map(|(k, v)| (Arc::from(&*k), to_old_at(&v, depth - 1)))
                .collect(),
        )),
        // That renderer reads a version's parts as dict fields.
        Value::Object(o) if o.type_name() == "*semver.Version" => gotmpl::Value::Map(Arc::new(
            [
                "Major",
                "Metadata",
                "Minor",
                "Original",
                "Patch",
                "Prerelease",
                "String",
            ]
            .into_iter()
            .map(|name| {
                let part = o.call_method(name, &[]).unwrap_or(Value::Nil);
                (Arc::from(name), to_old_at(&part, depth - 1))
            })
            .collect(),
        )),
        Value::Object(o) if o.type_name() == "sprig.certificate" => gotmpl::Value::Map(Arc::new(
            ["Cert", "Key"]
                .into_iter()
                .map(|name| {
                    let part = o.field(name).unwrap_or(Value::Nil);
                    (Arc::from(name), to_old_at(&part, depth - 1))
                })
                .collect(),
        )),
        Value::Object(o) => {
            let mut text = String::new();
            o.write_v(&mut text);
            gotmpl::Value::String(Arc::from(text))
        }
    }
}
