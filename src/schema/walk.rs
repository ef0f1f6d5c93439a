//! Walking a JSON schema by a key path: the node that describes the value
//! at `image.tag` or `jobs.migrate.command.0`. Every caller walks with
//! [`node_at`]; a [`Walk`] says how far it looks past the keys a schema
//! names one by one.

use serde_json::Value as Json;

/// How [`node_at`] steps from a schema node to the node of a key under it.
/// The plain walk ([`Walk::default`]) follows `properties`, and `items` for
/// a list index: the keys a schema describes one by one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk<'v> {
    maps: bool,
    branches: bool,
    instance: Option<&'v Json>,
}

impl<'v> Walk<'v> {
    /// Also a key `properties` does not name: the map's
    /// `additionalProperties` schema, when it is one.
    pub fn maps(self) -> Self {
        Walk { maps: true, ..self }
    }

    /// Also through `anyOf`/`oneOf`: each form in turn (see [`forms`]), those
    /// whose type fits the value at that key of `instance` first; the node
    /// found is a form too. Without an instance, the forms in schema order.
    pub fn branches(self, instance: Option<&'v Json>) -> Self {
        Walk {
            branches: true,
            instance,
            ..self
        }
    }
}

/// The schema node for the value at `path`, walked as `walk` says.
pub fn node_at<'a, K: AsRef<str>>(
    schema: &'a Json,
    path: &[K],
    walk: Walk<'_>,
) -> Option<&'a Json> {
    let mut node = schema;
    let mut value = walk.instance;
    for key in path {
        let key = key.as_ref();
        node = if walk.branches {
            forms(node, value)
                .into_iter()
                .find_map(|form| step(form, key, walk.maps))
        } else {
            step(node, key, walk.maps)
        }?;
        value = value.and_then(|v| child(v, key));
    }
    if walk.branches {
        forms(node, value).into_iter().next()
    } else {
        Some(node)
    }
}

/// The node of `key` under `node`: a property, else (with `maps`) the
/// `additionalProperties` schema, else `items` for a list index.
fn step<'a>(node: &'a Json, key: &str, maps: bool) -> Option<&'a Json> {
    node.get("properties")
        .and_then(|p| p.get(key))
        .or_else(|| {
            node.get("additionalProperties")
                .filter(|a| maps && a.is_object())
        })
        .or_else(|| node.get("items").filter(|_| key.parse::<usize>().is_ok()))
}

/// The description a schema gives the value at `path`, following
/// `properties` and `items`.
pub fn description_at<'a>(schema: &'a Json, path: &[&str]) -> Option<&'a str> {
    node_at(schema, path, Walk::default())?
        .get("description")
        .and_then(Json::as_str)
}

/// The forms a node allows (itself, or each of its `anyOf`/`oneOf`), those
/// whose type fits `value` first.
pub(crate) fn forms<'a>(node: &'a Json, value: Option<&Json>) -> Vec<&'a Json> {
    let mut all: Vec<&Json> = ["anyOf", "oneOf"]
        .iter()
        .filter_map(|k| node.get(*k).and_then(Json::as_array))
        .flatten()
        .collect();
    if all.is_empty() {
        all.push(node);
    }
    all.sort_by_key(|form| !value.is_some_and(|v| fits(form, v)));
    all
}

/// Whether a schema's `type` allows `value`'s JSON type.
fn fits(schema: &Json, value: &Json) -> bool {
    let kind = match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    };
    let allows = |t: &str| t == kind || (t == "number" && kind == "integer");
    match schema.get("type") {
        Some(Json::String(t)) => allows(t),
        Some(Json::Array(types)) => types.iter().filter_map(Json::as_str).any(allows),
        _ => true,
    }
}

/// The value at `path` in `json`: a map's key, or a list's index.
pub(crate) fn value_at<'a, K: AsRef<str>>(json: &'a Json, path: &[K]) -> Option<&'a Json> {
    path.iter()
        .try_fold(json, |node, key| child(node, key.as_ref()))
}

fn child<'a>(value: &'a Json, key: &str) -> Option<&'a Json> {
    match value {
        Json::Object(map) => map.get(key),
        Json::Array(items) => items.get(key.parse::<usize>().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Json {
        json!({"properties": {
            "env": {"additionalProperties": {"description": "A variable."}},
            "ports": {"items": {"properties": {"name": {"description": "The name."}}}},
            "job": {"additionalProperties": {"anyOf": [
                {"type": "string", "description": "A command."},
                {"type": "object", "properties": {"run": {"description": "What runs."}}}
            ]}}
        }})
    }

    #[test]
    fn the_plain_walk_follows_named_keys_and_list_items() {
        let schema = schema();
        assert_eq!(
            description_at(&schema, &["ports", "0", "name"]),
            Some("The name.")
        );
        assert!(node_at(&schema, &["ports", "x"], Walk::default()).is_none());
        assert!(node_at(&schema, &["env", "LOG"], Walk::default()).is_none());
        let node = node_at(&schema, &["env", "LOG"], Walk::default().maps()).unwrap();
        assert_eq!(node["description"], "A variable.");
    }

    #[test]
    fn branches_are_chosen_by_the_instance() {
        let schema = schema();
        let walk = |instance| Walk::default().maps().branches(instance);
        let string = json!({"job": {"a": "make"}});
        let object = json!({"job": {"a": {"run": "make"}}});
        let at = |instance| node_at(&schema, &["job", "a"], walk(instance)).unwrap();
        assert_eq!(at(Some(&string))["description"], "A command.");
        assert_eq!(at(None)["description"], "A command.");
        assert_eq!(at(Some(&object))["type"], "object");
        let run = node_at(&schema, &["job", "a", "run"], walk(Some(&object))).unwrap();
        assert_eq!(run["description"], "What runs.");
        assert!(node_at(&schema, &["job", "a", "run"], Walk::default().maps()).is_none());
        assert_eq!(
            value_at(&object, &["job", "a", "run"]),
            Some(&json!("make"))
        );
    }
}
