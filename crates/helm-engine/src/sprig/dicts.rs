//! sprig's dict functions.
//!
//! Go maps are references, and so are [`Map`]s: `set $d "k" v` changes
//! `$d` wherever it is reached from, `merge` and `mergeOverwrite` change
//! their first map in place (sprig drives mergo so), and each returns the
//! map it changed.

use gotemplate::{Call, Map, MapKind, Value};

use super::govalue::{go_dynamic_type, is_empty, strval, too_deep, MAX_DEPTH};
use super::{list_value, str_list, str_value, Args, Result};

/// `dict K V …`: keys go through `toString`; a missing last value is "".
pub(super) fn dict(c: &mut Call<'_>) -> Result<Value> {
    let map = Map::new(MapKind::Any);
    for pair in c.args.chunks(2) {
        let key = strval(&pair[0])?;
        let value = pair.get(1).cloned().unwrap_or_else(|| str_value(""));
        map.insert(key, value);
    }
    Ok(Value::Map(map))
}

/// `get DICT KEY`: the value, or "" when absent.
pub(super) fn get(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    let key = c.str(1)?;
    Ok(map.get(key).unwrap_or_else(|| str_value("")))
}

/// `set DICT KEY VALUE`: sets KEY in DICT, in place, and returns DICT.
pub(super) fn set(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let map = c.dict(0)?;
    let key = c.str(1)?;
    map.insert(key, c.arg(2).clone());
    Ok(Value::Map(map.clone()))
}

/// `unset DICT KEY`: removes KEY from DICT, in place, and returns DICT.
pub(super) fn unset(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    map.remove(c.str(1)?);
    Ok(Value::Map(map.clone()))
}

/// `hasKey DICT KEY`.
pub(super) fn has_key(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    Ok(Value::Bool(map.contains_key(c.str(1)?)))
}

/// `pluck KEY DICT …`: KEY's value in each dict that has it.
pub(super) fn pluck(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let key = c.str(0)?;
    let mut out = Vec::new();
    for i in 1..c.args.len() {
        if let Some(v) = c.dict(i)?.get(key) {
            out.push(v);
        }
    }
    Ok(list_value(out))
}

/// `keys DICT …`: the keys of each dict in turn, a `[]string`. Go's map
/// order is random; here each dict's keys come sorted.
pub(super) fn keys(c: &mut Call<'_>) -> Result<Value> {
    let mut out = Vec::new();
    for i in 0..c.args.len() {
        out.extend(c.dict(i)?.keys());
    }
    Ok(str_list(out))
}

/// `values DICT`: the values, in key order (Go's order is random).
pub(super) fn values(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = c.dict(0)?.snapshot().into_iter().map(|(_, v)| v).collect();
    Ok(list_value(items))
}

/// The string parameters from `from` on (`pick`, `omit`).
fn str_args<'a>(c: &'a Call<'_>, from: usize) -> Result<Vec<&'a str>> {
    (from..c.args.len()).map(|i| c.str(i)).collect()
}

/// A new `map[string]interface {}` of the entries of `map` that `keep`
/// accepts (`pick`, `omit`).
fn filtered(map: &Map, keep: impl Fn(&str) -> bool) -> Value {
    let out = Map::new(MapKind::Any);
    for (k, v) in map.snapshot() {
        if keep(&k) {
            out.insert(k, v);
        }
    }
    Value::Map(out)
}

/// `pick DICT KEY …`: only the listed keys.
pub(super) fn pick(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let wanted = str_args(c, 1)?;
    Ok(filtered(c.dict(0)?, |k| wanted.contains(&k)))
}

/// `omit DICT KEY …`: all but the listed keys.
pub(super) fn omit(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let unwanted = str_args(c, 1)?;
    Ok(filtered(c.dict(0)?, |k| !unwanted.contains(&k)))
}

/// `dig KEY … DEFAULT DICT`: the value at a path of keys, or DEFAULT. sprig
/// asserts `map[string]interface {}` on each level, which Helm's
/// `.Values` (`common.Values`) is not.
pub(super) fn dig(c: &mut Call<'_>) -> Result<Value> {
    if c.args.len() < 3 {
        return Err(c.fail("dig needs at least three arguments"));
    }
    let conversion = |v: &Value, want: &str| {
        c.fail(format!(
            "interface conversion: interface {{}} is {}, not {want}",
            go_dynamic_type(v)
        ))
    };
    let as_dict = |v: &Value| match v {
        Value::Map(m) if m.kind() == MapKind::Any => Ok(m.clone()),
        other => Err(conversion(other, "map[string]interface {}")),
    };
    let (path, tail) = c.args.split_at(c.args.len() - 2);
    let mut current = as_dict(&tail[1])?;
    let default = &tail[0];
    let keys: Vec<&str> = path
        .iter()
        .map(|k| match k {
            Value::String(s) => Ok(s.as_ref()),
            other => Err(conversion(other, "string")),
        })
        .collect::<Result<_>>()?;
    for (i, key) in keys.iter().enumerate() {
        let Some(step) = current.get(key) else {
            return Ok(default.clone());
        };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        current = as_dict(&step)?;
    }
    Ok(default.clone())
}

/// mergo's deep merge as sprig drives it, in place: keys missing from
/// `dst` are set to `src`'s value (the same map, when it is one: Go shares
/// it too); two maps merge recursively; otherwise `src` wins when
/// `overwrite` is set (even with an empty value) or when `dst`'s value is
/// empty. Without `overwrite`, nil source values are skipped entirely.
fn merge_into(dst: &Map, src: &Map, overwrite: bool, depth: usize) -> Result<()> {
    if depth == 0 {
        return Err(too_deep());
    }
    // Merging a map into itself changes nothing (mergo remembers the maps
    // it visited).
    if dst.ptr_eq(src) {
        return Ok(());
    }
    for (key, src_value) in src.snapshot() {
        if !overwrite && src_value.is_nil() {
            continue;
        }
        match dst.get(&key) {
            None => dst.insert(key, src_value),
            Some(Value::Map(d)) if matches!(src_value, Value::Map(_)) => {
                if let Value::Map(s) = &src_value {
                    merge_into(&d, s, overwrite, depth - 1)?;
                }
            }
            Some(d) => {
                if overwrite || is_empty(&d) {
                    dst.insert(key, src_value);
                }
            }
        }
    }
    Ok(())
}

/// `merge DST SRC …` and `mergeOverwrite DST SRC …`: DST changed in place,
/// and returned.
pub(super) fn merge(c: &mut Call<'_>, overwrite: bool) -> Result<Value> {
    c.arity_min(1)?;
    let dst = c.dict(0)?;
    for i in 1..c.args.len() {
        merge_into(dst, c.dict(i)?, overwrite, MAX_DEPTH)?;
    }
    Ok(Value::Map(dst.clone()))
}

/// `deepCopy V`: a copy sharing no map with V.
pub(super) fn deep_copy(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    match c.arg(0) {
        Value::Nil => Err(c.fail("reflect: call of reflect.Value.Type on zero Value")),
        other => other.deep_copy(MAX_DEPTH).map_err(|_| too_deep()),
    }
}
