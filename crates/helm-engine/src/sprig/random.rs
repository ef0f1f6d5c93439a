//! Random data: `randAlphaNum` and its siblings, `randBytes`, `randInt`
//! and `uuidv4`.
//!
//! Randomness comes from the operating system, as Go's `crypto/rand`
//! that sprig uses.

use gotemplate::{Call, Value};
use rand_core::{OsRng, RngCore};

use super::strings::check_size;
use super::{base64, hex, str_value, Result};

/// A random 64-bit value.
fn next_u64() -> u64 {
    OsRng.next_u64()
}

/// A uniformly random value in `0..n` (0 when `n` is 0).
pub(super) fn below(n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let r = next_u64();
        if r < zone {
            return r % n;
        }
    }
}

/// `n` random bytes.
fn bytes(n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    OsRng.fill_bytes(&mut out);
    out
}

pub(super) const ALPHANUMERIC: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub(super) const ALPHABETIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub(super) const NUMERIC: &[u8] = b"0123456789";
pub(super) const PRINTABLE_ASCII: &[u8] =
    b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// `randAlphaNum N` and friends: N random characters from `charset`; a
/// negative N gives an empty string, as in sprig.
pub(super) fn rand_string(c: &mut Call<'_>, charset: &[u8]) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    if n <= 0 {
        return Ok(str_value(""));
    }
    check_size(c, n as u128)?;
    let out: String = (0..n)
        .map(|_| char::from(charset[below(charset.len() as u64) as usize]))
        .collect();
    Ok(str_value(out))
}

/// `randBytes N`: N random bytes, base64-encoded.
pub(super) fn rand_bytes(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    if n < 0 {
        return Err(c.fail("runtime error: makeslice: len out of range"));
    }
    check_size(c, n as u128 * 2)?;
    Ok(str_value(base64::encode(&bytes(n as usize))))
}

/// `randInt MIN MAX`: a random int in `MIN..MAX`.
pub(super) fn rand_int(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let (lo, hi) = (c.int(0)?, c.int(1)?);
    let span = hi.wrapping_sub(lo);
    if span <= 0 {
        return Err(c.fail("invalid argument to Intn"));
    }
    Ok(Value::Int(lo.wrapping_add(below(span as u64) as i64)))
}

/// `uuidv4`: a random version 4 UUID.
pub(super) fn uuidv4(c: &mut Call<'_>) -> Result<Value> {
    c.arity(0)?;
    let mut b = bytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    Ok(str_value(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )))
}
