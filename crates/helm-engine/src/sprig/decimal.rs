//! Decimal arithmetic like shopspring/decimal, which sprig's float
//! functions use so that `addf 0.1 0.2` is `0.3`: each float becomes the
//! exact decimal of its shortest representation, results convert back to
//! the nearest float. Division rounds to 16 places, half away from zero.
//! Operands too far apart in magnitude for 128-bit integers fall back to
//! float arithmetic, which gives the same float in those cases.

use super::govalue::{go_float, shortest_digits};

/// An arithmetic operation.
#[derive(Clone, Copy)]
pub(super) enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// A decimal number, exact when it fits.
#[derive(Clone, Copy)]
pub(super) enum Num {
    /// `mantissa * 10^exp`.
    Exact { mantissa: i128, exp: i32 },
    /// A float approximation.
    Approx(f64),
}

/// The exact decimal of a float's shortest representation.
pub(super) fn from_f64(f: f64) -> Result<Num, String> {
    if !f.is_finite() {
        return Err(format!("Cannot create a Decimal from {}", go_float(f)));
    }
    if f == 0.0 {
        return Ok(Num::Exact {
            mantissa: 0,
            exp: 0,
        });
    }
    let (digits, exp) = shortest_digits(f);
    let mantissa: i128 = digits.parse().map_err(|_| "invalid float".to_string())?;
    let exp = exp - i32::try_from(digits.len()).unwrap_or(0) + 1;
    let mantissa = if f < 0.0 { -mantissa } else { mantissa };
    Ok(Num::Exact { mantissa, exp })
}

/// The nearest float.
pub(super) fn to_f64(n: Num) -> f64 {
    match n {
        Num::Exact { mantissa, exp } => format!("{mantissa}e{exp}").parse().unwrap_or(f64::NAN),
        Num::Approx(f) => f,
    }
}

/// `10^n` if it fits.
fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// Rescales `mantissa * 10^exp` to the smaller exponent `to`.
fn rescale(mantissa: i128, exp: i32, to: i32) -> Option<i128> {
    mantissa.checked_mul(pow10(u32::try_from(exp - to).ok()?)?)
}

/// `a op b`.
pub(super) fn apply(op: Op, a: Num, b: Num) -> Result<Num, String> {
    let exact = match (a, b) {
        (
            Num::Exact {
                mantissa: am,
                exp: ae,
            },
            Num::Exact {
                mantissa: bm,
                exp: be,
            },
        ) => match op {
            Op::Add | Op::Sub => {
                let exp = ae.min(be);
                rescale(am, ae, exp)
                    .zip(rescale(bm, be, exp))
                    .and_then(|(x, y)| {
                        let sum = if matches!(op, Op::Add) {
                            x.checked_add(y)
                        } else {
                            x.checked_sub(y)
                        };
                        sum.map(|mantissa| Num::Exact { mantissa, exp })
                    })
            }
            Op::Mul => am.checked_mul(bm).map(|mantissa| Num::Exact {
                mantissa,
                exp: ae + be,
            }),
            Op::Div => {
                if bm == 0 {
                    return Err("decimal division by 0".into());
                }
                divide(am, ae, bm, be)
            }
        },
        _ => None,
    };
    if let Some(n) = exact {
        return Ok(n);
    }
    let (x, y) = (to_f64(a), to_f64(b));
    if matches!(op, Op::Div) && y == 0.0 {
        return Err("decimal division by 0".into());
    }
    Ok(Num::Approx(match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::Div => x / y,
    }))
}

/// `a / b` rounded to 16 decimal places, half away from zero.
fn divide(am: i128, ae: i32, bm: i128, be: i32) -> Option<Num> {
    const PLACES: i32 = 16;
    let k = ae - be + PLACES;
    let (num, den) = if k >= 0 {
        (am.checked_mul(pow10(u32::try_from(k).ok()?)?)?, bm)
    } else {
        (am, bm.checked_mul(pow10(u32::try_from(-k).ok()?)?)?)
    };
    let mut q = num / den;
    let r = num % den;
    if r.unsigned_abs().checked_mul(2)? >= den.unsigned_abs() {
        q += if (num < 0) != (den < 0) { -1 } else { 1 };
    }
    Some(Num::Exact {
        mantissa: q,
        exp: -PLACES,
    })
}
