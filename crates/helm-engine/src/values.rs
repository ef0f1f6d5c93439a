//! Helm's values merging (`pkg/chart/common/util/coalesce.go`): user
//! values over a chart's defaults and its subcharts', globals flowing down,
//! a parent's values over a subchart's, and Helm's rules for nulls.
//!
//! Coalescing (what an install renders and validates with) drops nulls: a
//! user's null removes a default, and nulls among the defaults are left
//! out. Merging (what dependency processing uses) keeps them.

use serde_json::{Map, Value as Json};

use super::loader::LoadedChart;
use super::sprig::govalue::go_float;
use crate::error::{Error, Result};

/// Values: a map from key to value.
pub type Values = Map<String, Json>;

/// The key Helm hands down to every subchart.
pub const GLOBAL: &str = "global";

/// Helm's `CoalesceValues`: `user` over the defaults of `chart` and of its
/// subcharts (each under its name), nulls dropped.
pub fn coalesce_values(chart: &LoadedChart, user: &Values) -> Result<Values> {
    let mut values = user.clone();
    coalesce(chart, &mut values, "", false)?;
    Ok(values)
}

/// Helm's `MergeValues`: as [`coalesce_values`], nulls kept.
pub fn merge_values(chart: &LoadedChart, user: &Values) -> Result<Values> {
    let mut values = user.clone();
    coalesce(chart, &mut values, "", true)?;
    Ok(values)
}

/// Helm's `CoalesceTables`: `src` under `dst` (`dst` wins), nulls in
/// `dst` removing what `src` gives.
pub fn coalesce_tables(dst: &mut Values, src: Values) {
    tables(dst, src, false);
}

/// Helm's `MergeTables`: `src` under `dst` (`dst` wins), nulls kept.
pub fn merge_tables(dst: &mut Values, src: Values) {
    tables(dst, src, true);
}

/// Helm's `loader.MergeMaps`, how `-f` files stack: `b` over `a`, maps
/// merged key by key, anything else (null included) replaced.
pub fn merge_maps(a: &mut Values, b: Values) {
    for (key, value) in b {
        match (a.get_mut(&key), value) {
            (Some(Json::Object(into)), Json::Object(from)) => merge_maps(into, from),
            (_, value) => {
                a.insert(key, value);
            }
        }
    }
}

/// The table at a dotted `path` (Helm's `Values.Table`), if every step is
/// a map.
pub fn table<'a>(values: &'a Values, path: &str) -> Option<&'a Values> {
    path.split('.')
        .try_fold(values, |table, key| table.get(key)?.as_object())
}

/// The value at a dotted `path` (Helm's `Values.PathValue`): present and
/// not a table.
pub fn path_value<'a>(values: &'a Values, path: &str) -> Option<&'a Json> {
    if path.is_empty() {
        return None;
    }
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (table(values, parent)?, key),
        None => (values, path),
    };
    parent.get(key).filter(|v| !v.is_object())
}

/// `user` over the `defaults` of a chart without subcharts, as
/// [`coalesce_values`] merges them.
pub fn coalesce_defaults(defaults: &Values, user: &Values) -> Values {
    let mut values = user.clone();
    defaults_under(defaults, &|_| false, &mut values, false);
    values
}

fn coalesce(chart: &LoadedChart, dest: &mut Values, prefix: &str, merge: bool) -> Result<()> {
    stacker::maybe_grow(64 << 10, 1 << 20, || {
        let subchart = |key: &str| chart.dependencies.iter().any(|d| d.name() == key);
        defaults_under(&chart.values, &subchart, dest, merge);
        coalesce_deps(chart, dest, prefix, merge)
    })
}

fn concat_prefix(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_owned()
    } else {
        format!("{a}.{b}")
    }
}

/// Each subchart's values, under its name: the parent's globals handed
/// down, then its own defaults and subcharts.
fn coalesce_deps(chart: &LoadedChart, dest: &mut Values, prefix: &str, merge: bool) -> Result<()> {
    for sub in &chart.dependencies {
        let name = sub.name();
        let mut own = match dest.remove(name) {
            None => Values::new(),
            Some(Json::Object(own)) => own,
            Some(other) => {
                // The key's path from the top: the prefix names the charts
                // above this one, the top chart first.
                let mut key: Vec<&str> = prefix.split('.').filter(|p| !p.is_empty()).collect();
                if !key.is_empty() {
                    key.remove(0);
                    key.push(chart.name());
                }
                key.push(name);
                return Err(Error::Input {
                    location: None,
                    key: Some(key.join(".")),
                    message: format!(
                        "type mismatch on {name}: the values of subchart `{name}` must be a \
                         map, not {other}"
                    ),
                    hint: None,
                });
            }
        };
        let sub_prefix = concat_prefix(prefix, chart.name());
        coalesce_globals(&mut own, dest);
        coalesce(sub, &mut own, &sub_prefix, merge)?;
        dest.insert(name.to_owned(), Json::Object(own));
    }
    Ok(())
}

/// The parent's `global` merged into a subchart's: the parent's scalars win,
/// its tables are merged over the subchart's.
fn coalesce_globals(dest: &mut Values, src: &Values) {
    let mut globals = match dest.get(GLOBAL) {
        None => Values::new(),
        Some(Json::Object(g)) => g.clone(),
        // Helm warns and leaves both alone.
        Some(_) => return,
    };
    let parent = match src.get(GLOBAL) {
        None => Values::new(),
        Some(Json::Object(g)) => g.clone(),
        Some(_) => return,
    };
    for (key, value) in parent {
        match value {
            Json::Object(table) => match globals.get_mut(&key) {
                None => {
                    globals.insert(key, Json::Object(table));
                }
                Some(Json::Object(own)) => {
                    let mut merged = table;
                    tables(&mut merged, std::mem::take(own), true);
                    globals.insert(key, Json::Object(merged));
                }
                // A table over a non-table: Helm skips it.
                Some(_) => {}
            },
            value => {
                if !globals.get(&key).is_some_and(Json::is_object) {
                    globals.insert(key, value);
                }
            }
        }
    }
    dest.insert(GLOBAL.into(), Json::Object(globals));
}

/// A chart's own `defaults` under the values in `v` (Helm's
/// `coalesceValues`); the values of a subchart (`subchart(key)`) are merged
/// keeping their nulls.
fn defaults_under(defaults: &Values, subchart: &dyn Fn(&str) -> bool, v: &mut Values, merge: bool) {
    for (key, default) in defaults {
        match v.get_mut(key) {
            Some(Json::Null) if !merge => {
                // A user's null removes the default.
                v.remove(key);
            }
            Some(Json::Object(dest)) => {
                if let Json::Object(src) = default {
                    let merge = merge || subchart(key);
                    let mut src = src.clone();
                    if !merge {
                        clean_nulls(&mut src);
                    }
                    tables(dest, src, merge);
                }
            }
            Some(_) => {}
            None => {
                let mut default = default.clone();
                if !merge {
                    match &mut default {
                        Json::Null => continue,
                        Json::Object(table) => clean_nulls(table),
                        _ => {}
                    }
                }
                v.insert(key.clone(), default);
            }
        }
    }
}

/// Helm's `coalesceTablesFullKey`: `src` under `dst`.
fn tables(dst: &mut Values, mut src: Values, merge: bool) {
    stacker::maybe_grow(64 << 10, 1 << 20, || {
        let non_null: std::collections::HashSet<String> = src
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, _)| k.clone())
            .collect();
        for (key, value) in dst.iter() {
            if value.is_null() {
                src.insert(key.clone(), Json::Null);
            }
        }
        for (key, value) in src {
            match dst.get_mut(&key) {
                Some(Json::Null) if !merge && non_null.contains(&key) => {
                    // The user nulls a default: the key goes.
                    dst.remove(&key);
                }
                None => {
                    dst.insert(key, value);
                }
                Some(Json::Object(dv)) => {
                    if let Json::Object(table) = value {
                        tables(dv, table, merge);
                    }
                    // A non-table under a table: Helm warns and keeps the table.
                }
                // A table under a non-table, or any value under a value:
                // `dst` wins.
                Some(_) => {}
            }
        }
    });
}

/// Removes every null, at any depth.
fn clean_nulls(table: &mut Values) {
    table.retain(|_, v| !v.is_null());
    for value in table.values_mut() {
        if let Json::Object(inner) = value {
            clean_nulls(inner);
        }
    }
}

/// Go's `%v` of a value read from YAML, as `fmt.Sprintf("%v", …)` prints it.
pub(crate) fn go_sprint(value: &Json) -> String {
    match value {
        Json::Null => "<nil>".into(),
        Json::String(s) => s.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.as_f64().map_or_else(|| n.to_string(), go_float),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn chart(values: Json) -> LoadedChart {
        let files = vec![
            (
                "Chart.yaml".to_owned(),
                b"apiVersion: v2\nname: c\nversion: 0.1.0\n".to_vec(),
            ),
            (
                "values.yaml".to_owned(),
                serde_json::to_vec(&values).unwrap(),
            ),
        ];
        crate::loader::load_files(files, "c").unwrap()
    }

    fn map(v: Json) -> Values {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn user_values_over_defaults_with_helms_nulls() {
        let c = chart(json!({"a": null, "b": {"c": null, "d": 1}, "e": 1}));
        assert_eq!(
            Json::Object(coalesce_values(&c, &Values::new()).unwrap()),
            json!({"b": {"d": 1}, "e": 1})
        );
        let user = map(json!({"e": null, "b": {"d": null}, "x": null}));
        assert_eq!(
            Json::Object(coalesce_values(&c, &user).unwrap()),
            json!({"b": {}, "x": null})
        );
    }

    #[test]
    fn stacked_files_replace_all_but_maps() {
        let mut a = map(json!({"a": {"b": 1, "c": 2}, "e": [1, 2]}));
        merge_maps(&mut a, map(json!({"a": {"b": 10}, "e": [3]})));
        merge_maps(&mut a, map(json!({"a": {"c": null}})));
        assert_eq!(
            Json::Object(a),
            json!({"a": {"b": 10, "c": null}, "e": [3]})
        );
        // A type clash either way: the later value replaces the earlier.
        let mut a = map(json!({"m": {"k": 1}, "s": "x"}));
        merge_maps(&mut a, map(json!({"m": 1, "s": {"k": 2}})));
        assert_eq!(Json::Object(a), json!({"m": 1, "s": {"k": 2}}));
    }

    #[test]
    fn paths() {
        let v = map(json!({"a": {"b": {"c": true}}, "t": 1}));
        assert_eq!(path_value(&v, "a.b.c"), Some(&json!(true)));
        assert_eq!(path_value(&v, "a.b"), None);
        assert_eq!(path_value(&v, "t"), Some(&json!(1)));
        assert!(table(&v, "a.b").is_some() && table(&v, "t").is_none());
    }
}
