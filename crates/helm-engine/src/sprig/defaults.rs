//! sprig's defaults functions: `default`, `coalesce`, `ternary`.

use gotemplate::{Call, Value};

use super::govalue::is_empty;
use super::Result;

/// `default DEFAULT [GIVEN]`: GIVEN unless it is empty.
pub(super) fn default(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(match c.args.get(1) {
        Some(given) if !is_empty(given) => given.clone(),
        _ => c.args[0].clone(),
    })
}

/// `coalesce A B …`: the first non-empty argument, or nil.
pub(super) fn coalesce(c: &mut Call<'_>) -> Result<Value> {
    Ok(c.args
        .iter()
        .find(|v| !is_empty(v))
        .cloned()
        .unwrap_or(Value::Nil))
}

/// `ternary IF_TRUE IF_FALSE COND`; COND must be a bool.
pub(super) fn ternary(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let pick = if c.bool(2)? { 0 } else { 1 };
    Ok(c.args[pick].clone())
}
