//! Integer and float math.

use gotemplate::{Call, Value};

use super::convert::{to_float64, to_int64};
use super::{decimal, list_value, str_value, wrong_type, Result};

/// `sub A B`.
pub(super) fn sub(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Int64(
        to_int64(c.arg(0)).wrapping_sub(to_int64(c.arg(1))),
    ))
}

/// `mul A B …`.
pub(super) fn mul(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int64(
        c.args
            .iter()
            .fold(1i64, |acc, v| acc.wrapping_mul(to_int64(v))),
    ))
}

/// `div A B`: integer division, truncating like Go.
pub(super) fn div(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let b = to_int64(c.arg(1));
    if b == 0 {
        return Err(c.fail("runtime error: integer divide by zero"));
    }
    Ok(Value::Int64(to_int64(c.arg(0)).wrapping_div(b)))
}

/// `mod A B`: the remainder with the sign of A, like Go.
pub(super) fn modulo(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let b = to_int64(c.arg(1));
    if b == 0 {
        return Err(c.fail("runtime error: integer divide by zero"));
    }
    Ok(Value::Int64(to_int64(c.arg(0)).wrapping_rem(b)))
}

/// `max A B …`, on integers.
pub(super) fn max(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int64(c.args.iter().map(to_int64).max().unwrap_or(0)))
}

/// `min A B …`, on integers.
pub(super) fn min(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int64(c.args.iter().map(to_int64).min().unwrap_or(0)))
}

/// Go's `math.Max`.
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && x == y {
        if x.is_sign_negative() {
            y
        } else {
            x
        }
    } else if x > y {
        x
    } else {
        y
    }
}

/// Go's `math.Min`.
fn go_min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        f64::NEG_INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && x == y {
        if x.is_sign_negative() {
            x
        } else {
            y
        }
    } else if x < y {
        x
    } else {
        y
    }
}

/// `maxf A B …`.
pub(super) fn maxf(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let first = to_float64(c.arg(0));
    Ok(Value::Float(
        c.args[1..]
            .iter()
            .fold(first, |a, v| go_max(a, to_float64(v))),
    ))
}

/// `minf A B …`.
pub(super) fn minf(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let first = to_float64(c.arg(0));
    Ok(Value::Float(
        c.args[1..]
            .iter()
            .fold(first, |a, v| go_min(a, to_float64(v))),
    ))
}

/// A Go `float64` parameter: template literals of either kind convert.
fn float_param(v: &Value) -> Result<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(n) => Ok(*n as f64),
        Value::Uint(n) => Ok(*n as f64),
        other => Err(wrong_type("float64", other)),
    }
}

/// `round X PLACES [ROUND_ON]`: sprig's rounding, including its quirk of
/// looking at the signed fraction (`round -0.4 0` is -1).
pub(super) fn round(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(2)?;
    let value = to_float64(c.arg(0));
    let places = c.int(1)? as f64;
    let options: Vec<f64> = c.args[2..].iter().map(float_param).collect::<Result<_>>()?;
    let round_on = options.first().copied().unwrap_or(0.5);
    let pow = 10f64.powf(places);
    let digit = pow * value;
    let rounded = if digit.fract() >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::Float(rounded / pow))
}

/// The longest list `until` and friends build; Go has no limit but would
/// exhaust memory long before a template needs this many items.
pub(super) const MAX_ITEMS: i128 = 1 << 22;

/// sprig's `untilStep`: `start` towards `stop` by `step`.
fn until_step_list(c: &Call<'_>, start: i64, stop: i64, step: i64) -> Result<Vec<i64>> {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let count = if stop < start {
        if step >= 0 {
            0
        } else {
            (start - stop + (-step) - 1) / -step
        }
    } else if step <= 0 {
        0
    } else {
        (stop - start + step - 1) / step
    };
    if count > MAX_ITEMS {
        return Err(c.fail(format!("refusing to build a list of {count} items")));
    }
    Ok((0..count).map(|i| (start + i * step) as i64).collect())
}

/// `until N`: `0..N` (counting down for a negative N).
pub(super) fn until(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    let step = if n < 0 { -1 } else { 1 };
    let items = until_step_list(c, 0, n, step)?;
    Ok(list_value(items.into_iter().map(Value::Int).collect()))
}

/// `untilStep START STOP STEP`.
pub(super) fn until_step(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let items = until_step_list(c, c.int(0)?, c.int(1)?, c.int(2)?)?;
    Ok(list_value(items.into_iter().map(Value::Int).collect()))
}

/// `seq [START [STEP]] END`: the numbers joined with spaces, like GNU seq.
pub(super) fn seq(c: &mut Call<'_>) -> Result<Value> {
    let params: Vec<i64> = (0..c.args.len()).map(|i| c.int(i)).collect::<Result<_>>()?;
    let items = match params[..] {
        [end] => {
            let step = if end < 1 { -1 } else { 1 };
            until_step_list(c, 1, end.saturating_add(step), step)?
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step_list(c, start, end.saturating_add(step), step)?
        }
        [start, step, end] => {
            let toward = if end < start {
                if step > 0 {
                    return Ok(str_value(""));
                }
                -1
            } else {
                1
            };
            until_step_list(c, start, end.saturating_add(toward), step)?
        }
        _ => Vec::new(),
    };
    let text: Vec<String> = items.iter().map(i64::to_string).collect();
    Ok(str_value(text.join(" ")))
}

/// sprig's `execDecimalOp`: folds `op` over the arguments, starting from
/// `init` or the first argument.
pub(super) fn decimal_fold(
    c: &mut Call<'_>,
    init: Option<Value>,
    op: decimal::Op,
) -> Result<Value> {
    let (first, rest) = match init {
        Some(v) => (v, c.args),
        None => {
            c.arity_min(1)?;
            (c.args[0].clone(), &c.args[1..])
        }
    };
    let mut acc = decimal::from_f64(to_float64(&first)).map_err(|e| c.fail(e))?;
    for v in rest {
        let x = decimal::from_f64(to_float64(v)).map_err(|e| c.fail(e))?;
        acc = decimal::apply(op, acc, x).map_err(|e| c.fail(e))?;
    }
    Ok(Value::Float(decimal::to_f64(acc)))
}

/// `add1f X`.
pub(super) fn add1f(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let x = decimal::from_f64(to_float64(c.arg(0))).map_err(|e| c.fail(e))?;
    let one = decimal::Num::Exact {
        mantissa: 1,
        exp: 0,
    };
    let sum = decimal::apply(decimal::Op::Add, x, one).map_err(|e| c.fail(e))?;
    Ok(Value::Float(decimal::to_f64(sum)))
}
