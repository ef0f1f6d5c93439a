//! sprig's dict functions.
//!
//! Go maps are references: `set $d "k" v` changes `$d` for the rest of the
//! template. Values here are immutable, so `set`, `unset` and `merge` return
//! the changed map and leave their argument as it was.

use std::sync::Arc;

use gotmpl::Value;

use super::govalue::{go_dynamic_type, is_empty, strval};
use super::{list_value, str_list, str_value, Call, Dict, Result};

/// `dict K V …`: keys go through `toString`; a missing last value is "".
pub(super) fn dict(c: &Call<'_>) -> Result<Value> {
    let mut map = Dict::new();
    for pair in c.args.chunks(2) {
        let key: Arc<str> = strval(&pair[0]).into();
        let value = pair.get(1).cloned().unwrap_or_else(|| str_value(""));
        map.insert(key, value);
    }
    Ok(Value::Map(Arc::new(map)))
}

/// `get DICT KEY`: the value, or "" when absent.
pub(super) fn get(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    let key = c.str(1)?;
    Ok(map.get(key).cloned().unwrap_or_else(|| str_value("")))
}

/// `set DICT KEY VALUE`: the dict with KEY set.
pub(super) fn set(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let mut map = c.dict(0)?.clone();
    let key = c.str(1)?;
    Arc::make_mut(&mut map).insert(key.into(), c.arg(2).clone());
    Ok(Value::Map(map))
}

/// `unset DICT KEY`: the dict without KEY.
pub(super) fn unset(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let mut map = c.dict(0)?.clone();
    let key = c.str(1)?;
    if map.contains_key(key) {
        Arc::make_mut(&mut map).remove(key);
    }
    Ok(Value::Map(map))
}

/// `hasKey DICT KEY`.
pub(super) fn has_key(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    Ok(Value::Bool(map.contains_key(c.str(1)?)))
}

/// `pluck KEY DICT …`: KEY's value in each dict that has it.
pub(super) fn pluck(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let key = c.str(0)?;
    let mut out = Vec::new();
    for i in 1..c.args.len() {
        if let Some(v) = c.dict(i)?.get(key) {
            out.push(v.clone());
        }
    }
    Ok(list_value(out))
}

/// `keys DICT …`: the keys of each dict in turn. Go's map order is random;
/// here each dict's keys come sorted.
pub(super) fn keys(c: &Call<'_>) -> Result<Value> {
    let mut out: Vec<Arc<str>> = Vec::new();
    for i in 0..c.args.len() {
        out.extend(c.dict(i)?.keys().cloned());
    }
    Ok(str_list(out))
}

/// `values DICT`: the values, in key order (Go's order is random).
pub(super) fn values(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(list_value(c.dict(0)?.values().cloned().collect()))
}

/// The string parameters from `from` on (`pick`, `omit`).
fn str_args<'a>(c: &'a Call<'_>, from: usize) -> Result<Vec<&'a str>> {
    (from..c.args.len()).map(|i| c.str(i)).collect()
}

/// `pick DICT KEY …`: only the listed keys.
pub(super) fn pick(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let map = c.dict(0)?;
    let wanted = str_args(c, 1)?;
    let out: Dict = map
        .iter()
        .filter(|(k, _)| wanted.contains(&k.as_ref()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Value::Map(Arc::new(out)))
}

/// `omit DICT KEY …`: all but the listed keys.
pub(super) fn omit(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let map = c.dict(0)?;
    let unwanted = str_args(c, 1)?;
    let out: Dict = map
        .iter()
        .filter(|(k, _)| !unwanted.contains(&k.as_ref()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Value::Map(Arc::new(out)))
}

/// `dig KEY … DEFAULT DICT`: the value at a path of keys, or DEFAULT.
pub(super) fn dig(c: &Call<'_>) -> Result<Value> {
    if c.args.len() < 3 {
        return Err(c.fail("dig needs at least three arguments"));
    }
    let conversion = |v: &Value, want: &str| {
        c.fail(format!(
            "interface conversion: interface {{}} is {}, not {want}",
            go_dynamic_type(v)
        ))
    };
    let (path, tail) = c.args.split_at(c.args.len() - 2);
    let Value::Map(mut current) = tail[1].clone() else {
        return Err(conversion(&tail[1], "map[string]interface {}"));
    };
    let default = &tail[0];
    let keys: Vec<&str> = path
        .iter()
        .map(|k| match k {
            Value::String(s) => Ok(s.as_ref()),
            other => Err(conversion(other, "string")),
        })
        .collect::<Result<_>>()?;
    for (i, key) in keys.iter().enumerate() {
        let Some(step) = current.get(*key).cloned() else {
            return Ok(default.clone());
        };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        match step {
            Value::Map(next) => current = next,
            other => return Err(conversion(&other, "map[string]interface {}")),
        }
    }
    Ok(default.clone())
}

/// mergo's deep merge as sprig drives it: keys missing from `dst` are
/// copied; two maps merge recursively; otherwise `src` wins when
/// `overwrite` is set (even with an empty value) or when `dst`'s value is
/// empty. Without `overwrite`, nil source values are skipped entirely.
fn merge_into(dst: &mut Dict, src: &Dict, overwrite: bool) {
    for (key, src_value) in src {
        if !overwrite && matches!(src_value, Value::Nil) {
            continue;
        }
        match dst.get_mut(key) {
            None => {
                dst.insert(key.clone(), src_value.clone());
            }
            Some(dst_value) => match (&mut *dst_value, src_value) {
                (Value::Map(d), Value::Map(s)) => merge_into(Arc::make_mut(d), s, overwrite),
                (d, s) => {
                    if overwrite || is_empty(d) {
                        *d = s.clone();
                    }
                }
            },
        }
    }
}

/// `merge DST SRC …` and `mergeOverwrite DST SRC …`.
pub(super) fn merge(c: &Call<'_>, overwrite: bool) -> Result<Value> {
    c.arity_min(1)?;
    let mut dst = c.dict(0)?.clone();
    for i in 1..c.args.len() {
        let src = c.dict(i)?;
        merge_into(Arc::make_mut(&mut dst), src, overwrite);
    }
    Ok(Value::Map(dst))
}

/// `deepCopy V`. Values are immutable, so a copy is the value itself.
pub(super) fn deep_copy(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    match c.arg(0) {
        Value::Nil => Err(c.fail("reflect: call of reflect.Value.Type on zero Value")),
        other => Ok(other.clone()),
    }
}
