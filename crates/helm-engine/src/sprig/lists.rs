//! sprig's list functions.

use std::borrow::Cow;

use gotemplate::{Call, Kind, Value};

use super::convert::{go_f64_to_i64, to_int64};
use super::govalue::{deep_equal, is_empty};
use super::math::MAX_ITEMS;
use super::{list_value, Result};

/// Go's panic when sprig calls `reflect.TypeOf(nil).Kind()`.
pub(super) const NIL_DEREF: &str =
    "runtime error: invalid memory address or nil pointer dereference";

/// A list argument of one of sprig's list functions; anything else fails
/// with the function's own message, nil with Go's nil dereference.
/// A `[]uint8` is a slice too; its items are numbers.
fn list_arg<'v>(
    c: &Call<'_>,
    v: &'v Value,
    message: impl Fn(&str) -> String,
) -> Result<Cow<'v, [Value]>> {
    match v {
        Value::List(items) => Ok(Cow::Borrowed(items.items())),
        // A Go slice type with methods (`.Capabilities.APIVersions`, a
        // `common.VersionSet`) is a slice to reflection.
        Value::Object(o) if o.kind() == Kind::Slice => Ok(Cow::Owned(
            o.entries()
                .unwrap_or_default()
                .into_iter()
                .map(|(_, v)| v)
                .collect(),
        )),
        Value::Bytes(bytes) => Ok(Cow::Owned(
            bytes.iter().map(|b| Value::Uint(u64::from(*b))).collect(),
        )),
        Value::Nil => Err(c.fail(NIL_DEREF)),
        other => Err(c.fail(message(other.kind().name()))),
    }
}

/// Whether `items` holds a value deeply equal to `v`.
fn holds(items: &[Value], v: &Value) -> bool {
    items.iter().any(|item| deep_equal(item, v))
}

/// `append LIST V` (and `push`): a new list with V at the end.
pub(super) fn append(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot push on type {k}"))?;
    let mut out = items.to_vec();
    out.push(c.arg(1).clone());
    Ok(list_value(out))
}

/// `prepend LIST V`: a new list with V at the front.
pub(super) fn prepend(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot prepend on type {k}"))?;
    let mut out = Vec::with_capacity(items.len() + 1);
    out.push(c.arg(1).clone());
    out.extend_from_slice(&items);
    Ok(list_value(out))
}

/// `first LIST`: nil for an empty list.
pub(super) fn first(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find first on type {k}"))?;
    Ok(items.first().cloned().unwrap_or(Value::Nil))
}

/// `last LIST`: nil for an empty list.
pub(super) fn last(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find last on type {k}"))?;
    Ok(items.last().cloned().unwrap_or(Value::Nil))
}

/// `rest LIST`: all but the first item.
pub(super) fn rest(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find rest on type {k}"))?;
    Ok(list_value(items.get(1..).unwrap_or_default().to_vec()))
}

/// `initial LIST`: all but the last item.
pub(super) fn initial(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find initial on type {k}"))?;
    let keep = items.len().saturating_sub(1);
    Ok(list_value(items[..keep].to_vec()))
}

/// `reverse LIST`.
pub(super) fn reverse(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find reverse on type {k}"))?;
    Ok(list_value(items.iter().rev().cloned().collect()))
}

/// `uniq LIST`: first occurrences, compared like Go's `reflect.DeepEqual`
/// (so `1` and `1.0` differ).
pub(super) fn uniq(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find uniq on type {k}"))?;
    let mut out: Vec<Value> = Vec::new();
    for item in items.iter() {
        if !holds(&out, item) {
            out.push(item.clone());
        }
    }
    Ok(list_value(out))
}

/// `compact LIST`: the non-empty items.
pub(super) fn compact(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot compact on type {k}"))?;
    Ok(list_value(
        items.iter().filter(|v| !is_empty(v)).cloned().collect(),
    ))
}

/// `without LIST V …`: the items not equal to any V.
pub(super) fn without(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find without on type {k}"))?;
    let omit = &c.args[1..];
    Ok(list_value(
        items.iter().filter(|v| !holds(omit, v)).cloned().collect(),
    ))
}

/// `has V LIST`: whether LIST holds V; a nil LIST holds nothing.
pub(super) fn has(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    if matches!(c.arg(1), Value::Nil) {
        return Ok(Value::Bool(false));
    }
    let items = list_arg(c, c.arg(1), |k| format!("Cannot find has on type {k}"))?;
    Ok(Value::Bool(holds(&items, c.arg(0))))
}

/// sprig's `slice LIST [START [END]]` (also `mustSlice`; Helm's `slice` is
/// this one, not Go's builtin): nil for an empty list.
pub(super) fn sprig_slice(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let items = list_arg(c, c.arg(0), |k| {
        format!("list should be type of slice or array but {k}")
    })?;
    if items.is_empty() {
        return Ok(Value::Nil);
    }
    let len = items.len() as i64;
    let start = c.args.get(1).map_or(0, to_int64);
    let end = c.args.get(2).map_or(len, to_int64);
    if start < 0 || end < start || end > len {
        return Err(c.fail("reflect.Value.Slice: slice index out of bounds"));
    }
    let part = items[start as usize..end as usize].to_vec();
    // `reflect.Value.Slice` keeps the slice's type: a `[]string` stays one.
    Ok(match c.arg(0) {
        Value::List(list) => Value::List(gotemplate::List::new(list.kind(), part)),
        _ => list_value(part),
    })
}

/// `concat LIST …`: the lists joined.
pub(super) fn concat(c: &mut Call<'_>) -> Result<Value> {
    let mut out = Vec::new();
    for v in c.args {
        out.extend_from_slice(&list_arg(c, v, |k| {
            format!("Cannot concat type {k} as list")
        })?);
    }
    Ok(list_value(out))
}

/// `chunk SIZE LIST`: the list cut into lists of SIZE items, with sprig's
/// float arithmetic (a size below 1 fails as Go's `make` does).
pub(super) fn chunk(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let size = c.int(0)?;
    let items = list_arg(c, c.arg(1), |k| format!("Cannot chunk type {k}"))?;
    let len = items.len() as i64;
    let bad_len = || c.fail("runtime error: makeslice: len out of range");
    let count = go_f64_to_i64(((len - 1) as f64 / size as f64).floor() + 1.0);
    if count < 0 {
        return Err(bad_len());
    }
    if i128::from(count) > MAX_ITEMS {
        return Err(c.fail(format!("refusing to build a list of {count} items")));
    }
    let mut chunks = Vec::with_capacity(count as usize);
    for i in 0..count {
        let mut chunk_len = size;
        if i == count - 1 {
            chunk_len = go_f64_to_i64((len as f64 % size as f64).floor());
            if chunk_len == 0 {
                chunk_len = size;
            }
        }
        if chunk_len < 0 {
            return Err(bad_len());
        }
        let mut chunk = Vec::with_capacity(chunk_len.min(len) as usize);
        for j in 0..chunk_len {
            let ix = i * size + j;
            let item = usize::try_from(ix)
                .ok()
                .and_then(|ix| items.get(ix))
                .ok_or_else(|| {
                    c.fail(format!(
                        "runtime error: index out of range [{ix}] with length {len}"
                    ))
                })?;
            chunk.push(item.clone());
        }
        chunks.push(list_value(chunk));
    }
    Ok(list_value(chunks))
}
