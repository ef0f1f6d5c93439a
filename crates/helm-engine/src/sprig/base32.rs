//! Go's `base32.StdEncoding`.

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Padded standard base32.
pub(super) fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut block = [0u8; 5];
        block[..chunk.len()].copy_from_slice(chunk);
        let n = block.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        let digits = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < digits {
                out.push(char::from(ALPHABET[(n >> (35 - 5 * i) & 31) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `DecodeString`, or the error text sprig returns.
pub(super) fn decode(s: &str) -> Vec<u8> {
    let stripped: Vec<u8> = s.bytes().filter(|&b| b != b'\n' && b != b'\r').collect();
    decode_go(&stripped)
        .unwrap_or_else(|at| format!("illegal base32 data at input byte {at}").into_bytes())
}

/// Go's decoder over input without newlines.
fn decode_go(src: &[u8]) -> Result<Vec<u8>, usize> {
    let olen = src.len();
    let mut rest = src;
    let mut out = Vec::new();
    let mut end = false;
    while !rest.is_empty() && !end {
        let mut buf = [0u8; 8];
        let mut len = 8;
        let mut j = 0;
        while j < 8 {
            let Some((&c, tail)) = rest.split_first() else {
                return Err(olen - rest.len() - j);
            };
            rest = tail;
            if c == b'=' && j >= 2 && rest.len() < 8 {
                if rest.len() + j < 7 {
                    return Err(olen);
                }
                for k in 0..7 - j {
                    if rest.len() > k && rest[k] != b'=' {
                        return Err(olen - rest.len() + k - 1);
                    }
                }
                len = j;
                end = true;
                if matches!(len, 1 | 3 | 6) {
                    return Err(olen - rest.len() - 1);
                }
                break;
            }
            buf[j] = ALPHABET
                .iter()
                .position(|&a| a == c)
                .ok_or(olen - rest.len() - 1)? as u8;
            j += 1;
        }
        let n = buf.iter().fold(0u64, |acc, &d| acc << 5 | u64::from(d));
        let bytes = [
            (n >> 32) as u8,
            (n >> 24) as u8,
            (n >> 16) as u8,
            (n >> 8) as u8,
            n as u8,
        ];
        let count = match len {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => 0,
        };
        out.extend_from_slice(&bytes[..count]);
    }
    Ok(out)
}
