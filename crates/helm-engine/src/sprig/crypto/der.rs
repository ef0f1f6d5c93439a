//! The DER and PEM that sprig's certificate functions write and read: a
//! writer for the few ASN.1 types an X.509 certificate and its keys use, a
//! reader that walks them, and Go's `encoding/pem` framing.

use super::super::base64;

/// ASN.1 tags.
pub(super) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
}

/// A TLV: `tag`, DER length, `content`.
pub(super) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of already encoded parts.
pub(super) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &parts.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes.
pub(super) fn uint(magnitude: &[u8]) -> Vec<u8> {
    let skip = magnitude
        .iter()
        .take_while(|b| **b == 0)
        .count()
        .min(magnitude.len().saturating_sub(1));
    let digits = &magnitude[skip..];
    let mut content = Vec::with_capacity(digits.len() + 1);
    if digits.is_empty() || digits[0] & 0x80 != 0 {
        content.push(0);
    }
    content.extend_from_slice(digits);
    tlv(tag::INTEGER, &content)
}

/// A small INTEGER.
pub(super) fn small_int(n: u8) -> Vec<u8> {
    uint(&[n])
}

/// A BIT STRING of whole bytes.
pub(super) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &content)
}

/// An OBJECT IDENTIFIER from its dotted arcs.
pub(super) fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut push = |mut n: u64| {
        let mut groups = vec![(n & 0x7f) as u8];
        n >>= 7;
        while n > 0 {
            groups.push(0x80 | (n & 0x7f) as u8);
            n >>= 7;
        }
        content.extend(groups.iter().rev());
    };
    push(arcs[0] * 40 + arcs[1]);
    for &arc in &arcs[2..] {
        push(arc);
    }
    tlv(tag::OID, &content)
}

/// A context-specific tag number `n`, constructed (EXPLICIT) or not.
pub(super) fn context(n: u8, constructed: bool, content: &[u8]) -> Vec<u8> {
    tlv(0x80 | if constructed { 0x20 } else { 0 } | n, content)
}

/// One DER element read from a buffer.
#[derive(Clone, Copy)]
pub(super) struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    /// The whole TLV, as it was written.
    pub raw: &'a [u8],
}

/// Reads the element at the start of `input`; returns it and the rest.
pub(super) fn read(input: &[u8]) -> Result<(Element<'_>, &[u8]), String> {
    let malformed = || "asn1: structure error: malformed DER".to_string();
    let (&tag, rest) = input.split_first().ok_or_else(malformed)?;
    let (&first, rest) = rest.split_first().ok_or_else(malformed)?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return Err(malformed());
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return Err(malformed());
    }
    let header = input.len() - rest.len();
    Ok((
        Element {
            tag,
            content: &rest[..len],
            raw: &input[..header + len],
        },
        &rest[len..],
    ))
}

/// Reads every element of a constructed element's content.
pub(super) fn children(content: &[u8]) -> Result<Vec<Element<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = content;
    while !rest.is_empty() {
        let (element, next) = read(rest)?;
        out.push(element);
        rest = next;
    }
    Ok(out)
}

/// Go's `pem.EncodeToMemory` of one block without headers.
pub(super) fn pem(kind: &str, der: &[u8]) -> String {
    let body = base64::encode(der);
    let mut out = format!("-----BEGIN {kind}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {kind}-----\n"));
    out
}

/// Go's `pem.Decode`, reduced to what sprig needs: the first block's type
/// and bytes; `None` when there is no well-formed block.
pub(super) fn pem_decode(text: &str) -> Option<(String, Vec<u8>)> {
    let start = text.find("-----BEGIN ")?;
    let after = &text[start + 11..];
    let kind_end = after.find("-----")?;
    let kind = &after[..kind_end];
    if kind.contains('\n') {
        return None;
    }
    let body_start = &after[kind_end + 5..];
    let end_marker = format!("-----END {kind}-----");
    let end = body_start.find(&end_marker)?;
    let body: String = body_start[..end]
        .lines()
        // Headers (`Proc-Type: …`) precede the base64 body.
        .filter(|l| !l.contains(':'))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let bytes = base64::decode_go(body.as_bytes()).ok()?;
    Some((kind.to_string(), bytes))
}
