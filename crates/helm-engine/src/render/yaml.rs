//! Helm's `toYAML` of this engine's values, through [`crate::yaml_v2`].
//!
//! `yaml_v2` still takes the values of the template engine being
//! replaced; until the sprig port moves it to [`gotemplate::Value`], a
//! value is copied across here. Once it has moved, [`to_yaml`] is
//! `yaml_v2::to_yaml` itself.

use std::sync::Arc;

use gotemplate::Value;

/// How deep a value may nest: a map that holds itself is Go's JSON
/// "encountered a cycle", which Helm's `toYAML` swallows as "".
const MAX_DEPTH: usize = 1000;

/// `sigs.k8s.io/yaml.Marshal` of `value` without its final newline; ""
/// where Helm's marshalling fails.
pub fn to_yaml(value: &Value) -> String {
    match old(value, MAX_DEPTH) {
        Some(v) => crate::yaml_v2::to_yaml(&v),
        None => String::new(),
    }
}

fn old(value: &Value, depth: usize) -> Option<gotmpl::Value> {
    let depth = depth.checked_sub(1)?;
    Some(match value {
        Value::Nil => gotmpl::Value::Nil,
        Value::Bool(b) => gotmpl::Value::Bool(*b),
        Value::Int(n) | Value::Int64(n) => gotmpl::Value::Int(*n),
        Value::Uint(n) => gotmpl::Value::Uint(*n),
        Value::Float(f) => gotmpl::Value::Float(*f),
        Value::String(s) => gotmpl::Value::String(Arc::from(&**s)),
        // Go's JSON writes bytes as base64, and objects by their fields,
        // which only the ported marshaller knows.
        Value::Bytes(_) | Value::Object(_) => return None,
        Value::List(l) => gotmpl::Value::List(
            l.iter()
                .map(|v| old(v, depth))
                .collect::<Option<Vec<_>>>()?
                .into(),
        ),
        Value::Map(m) => gotmpl::Value::Map(Arc::new(
            m.snapshot()
                .iter()
                .map(|(k, v)| Some((Arc::from(&**k), old(v, depth)?)))
                .collect::<Option<_>>()?,
        )),
    })
}
