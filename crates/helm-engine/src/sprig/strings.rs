//! sprig's string functions, with Go's byte and Unicode semantics.

use gotemplate::{Call, Map, MapKind, Value};

use super::govalue::{go_quote, go_sprint, strval};
use super::{lossy, random, str_list, str_value, Result};

/// The longest string a function may build, so that `repeat` or `indent`
/// with a huge count fails instead of exhausting memory (Go would try).
const MAX_OUTPUT: usize = 64 << 20;

/// Refuses to build a string longer than [`MAX_OUTPUT`].
pub(super) fn check_size(c: &Call<'_>, len: u128) -> Result<()> {
    if len > MAX_OUTPUT as u128 {
        Err(c.fail(format!("result of {len} bytes is too large")))
    } else {
        Ok(())
    }
}

/// `quote A B …`: each non-nil argument as a Go double-quoted string.
pub(super) fn quote(c: &mut Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(|v| strval(v).map(|s| go_quote(&s)))
        .collect::<Result<_>>()?;
    Ok(str_value(parts.join(" ")))
}

/// `squote A B …`: each non-nil argument in single quotes, unescaped.
pub(super) fn squote(c: &mut Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(|v| go_sprint(v).map(|s| format!("'{s}'")))
        .collect::<Result<_>>()?;
    Ok(str_value(parts.join(" ")))
}

/// `cat A B …`: the non-nil arguments joined with spaces.
pub(super) fn cat(c: &mut Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(go_sprint)
        .collect::<Result<_>>()?;
    Ok(str_value(parts.join(" ")))
}

/// `trunc N S`: the first N bytes, or the last -N bytes. Go cuts bytes, so
/// a multi-byte character can be split (the broken half becomes U+FFFD).
pub(super) fn trunc(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let n = c.int(0)?;
    let s = c.str(1)?;
    let len = s.len() as i64;
    let out = if n < 0 && len + n > 0 {
        lossy(&s.as_bytes()[(len + n) as usize..])
    } else if n >= 0 && len > n {
        lossy(&s.as_bytes()[..n as usize])
    } else {
        s.to_string()
    };
    Ok(str_value(out))
}

/// `trimAll CUTSET S`: Go's `strings.Trim`.
pub(super) fn trim_all(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let cutset = c.str(0)?;
    Ok(str_value(c.str(1)?.trim_matches(|ch| cutset.contains(ch))))
}

/// `trimSuffix SUFFIX S`.
pub(super) fn trim_suffix(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let suffix = c.str(0)?;
    let s = c.str(1)?;
    Ok(str_value(s.strip_suffix(suffix).unwrap_or(s)))
}

/// `trimPrefix PREFIX S`.
pub(super) fn trim_prefix(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let prefix = c.str(0)?;
    let s = c.str(1)?;
    Ok(str_value(s.strip_prefix(prefix).unwrap_or(s)))
}

/// Go's `unicode.ToUpper`: the simple one-to-one mapping, so `ß` stays.
pub(super) fn upper_char(ch: char) -> char {
    single(ch.to_uppercase()).unwrap_or(ch)
}

/// Go's `unicode.ToLower`: the simple one-to-one mapping.
pub(super) fn lower_char(ch: char) -> char {
    if ch == 'İ' {
        return 'i';
    }
    single(ch.to_lowercase()).unwrap_or(ch)
}

/// Go's `unicode.ToTitle`: upper case, except for the Latin digraphs that
/// have a distinct title case.
fn title_char(ch: char) -> char {
    match ch {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        other => upper_char(other),
    }
}

/// Go's `unicode.IsTitle`.
fn is_title_char(ch: char) -> bool {
    matches!(ch, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | 'ᾼ' | 'ῌ' | 'ῼ')
        || matches!(ch as u32, 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF)
}

/// The only item of an iterator that yields exactly one.
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Go's `strings.ToUpper`.
pub(super) fn go_to_upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

/// Go's `strings.ToLower`.
pub(super) fn go_to_lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// Go's `unicode.IsSpace`.
pub(super) fn go_is_space(ch: char) -> bool {
    ch.is_whitespace()
}

/// Go's `strings.Title`: title-cases the first letter of each word, where
/// words are separated by anything but ASCII alphanumerics, `_`, letters
/// and digits.
pub(super) fn go_title(s: &str) -> String {
    fn is_separator(ch: char) -> bool {
        if ch.is_ascii() {
            return !(ch.is_ascii_alphanumeric() || ch == '_');
        }
        if ch.is_alphabetic() || ch.is_numeric() {
            return false;
        }
        go_is_space(ch)
    }
    let mut prev = ' ';
    s.chars()
        .map(|ch| {
            let out = if is_separator(prev) {
                title_char(ch)
            } else {
                ch
            };
            prev = ch;
            out
        })
        .collect()
}

/// goutils' `Uncapitalize`: lower-cases the first letter of each
/// whitespace-separated word.
pub(super) fn untitle(s: &str) -> String {
    let mut next = true;
    s.chars()
        .map(|ch| {
            if go_is_space(ch) {
                next = true;
                ch
            } else if next {
                next = false;
                lower_char(ch)
            } else {
                ch
            }
        })
        .collect()
}

/// goutils' `SwapCase`: upper to lower, lower to upper, and a lower-case
/// letter starting a word to title case.
pub(super) fn swap_case(s: &str) -> String {
    let mut whitespace = true;
    s.chars()
        .map(|ch| {
            if ch.is_uppercase() || is_title_char(ch) {
                whitespace = false;
                lower_char(ch)
            } else if ch.is_lowercase() {
                if whitespace {
                    whitespace = false;
                    title_char(ch)
                } else {
                    upper_char(ch)
                }
            } else {
                whitespace = go_is_space(ch);
                ch
            }
        })
        .collect()
}

/// Whether a byte, read as a Latin-1 rune the way goutils reads strings,
/// is a Go space.
fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | 0x85 | 0xA0)
}

/// goutils' `DeleteWhiteSpace`. It walks bytes and re-encodes each as a
/// Latin-1 rune, so a string with any space loses its non-ASCII text
/// (`"a\u00a0b"` becomes `"aÂb"`); that is what Helm prints.
pub(super) fn nospace(s: &str) -> String {
    if !s.bytes().any(is_space_byte) {
        return s.to_string();
    }
    s.bytes()
        .filter(|&b| !is_space_byte(b))
        .map(char::from)
        .collect()
}

/// goutils' `Initials`, byte-wise like Go's.
pub(super) fn initials(s: &str) -> String {
    let mut gap = true;
    let mut out = String::new();
    for b in s.bytes() {
        if is_space_byte(b) {
            gap = true;
        } else if gap {
            out.push(char::from(b));
            gap = false;
        }
    }
    out
}

/// xstrings' `Shuffle`: the characters in random order.
pub(super) fn shuffle(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for i in (1..chars.len()).rev() {
        let j = random::below(i as u64 + 1) as usize;
        chars.swap(i, j);
    }
    chars.into_iter().collect()
}

/// `replace OLD NEW S`: every occurrence.
pub(super) fn replace(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (old, new, s) = (c.str(0)?, c.str(1)?, c.str(2)?);
    let grows = new.len().saturating_sub(old.len()) as u128;
    check_size(c, s.len() as u128 + grows * (s.len() as u128 + 1))?;
    Ok(str_value(s.replace(old, new)))
}

/// Go's `strings.Repeat(" ", n)`, which panics on a negative count.
fn spaces(c: &Call<'_>, n: i64) -> Result<String> {
    if n < 0 {
        return Err(c.fail("strings: negative Repeat count"));
    }
    check_size(c, n as u128)?;
    Ok(" ".repeat(n as usize))
}

/// `indent N S`: N spaces before every line.
pub(super) fn indent(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(indent_text(c, c.int(0)?, c.str(1)?)?))
}

/// `nindent N S`: a newline, then `indent N S`.
pub(super) fn nindent(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(format!(
        "\n{}",
        indent_text(c, c.int(0)?, c.str(1)?)?
    )))
}

/// The body of `indent`.
fn indent_text(c: &Call<'_>, n: i64, s: &str) -> Result<String> {
    let pad = spaces(c, n)?;
    let lines = s.matches('\n').count() as u128 + 1;
    check_size(c, s.len() as u128 + lines * pad.len() as u128)?;
    Ok(format!("{pad}{}", s.replace('\n', &format!("\n{pad}"))))
}

/// `repeat N S`.
pub(super) fn repeat(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let n = c.int(0)?;
    let s = c.str(1)?;
    if n < 0 {
        return Err(c.fail("strings: negative Repeat count"));
    }
    check_size(c, n as u128 * s.len() as u128)?;
    Ok(str_value(s.repeat(n as usize)))
}

/// `substr START END S`, byte-wise, with Go's slice-bounds panics.
pub(super) fn substr(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (start, end, s) = (c.int(0)?, c.int(1)?, c.str(2)?);
    let len = s.len() as i64;
    let bytes = s.as_bytes();
    let out_of_range =
        |msg: String| c.fail(format!("runtime error: slice bounds out of range {msg}"));
    let out = if start < 0 {
        if end < 0 {
            return Err(out_of_range(format!("[:{end}]")));
        }
        if end > len {
            return Err(out_of_range(format!("[:{end}] with length {len}")));
        }
        &bytes[..end as usize]
    } else if end < 0 || end > len {
        if start > len {
            return Err(out_of_range(format!("[{start}:{len}]")));
        }
        &bytes[start as usize..]
    } else {
        if start > end {
            return Err(out_of_range(format!("[{start}:{end}]")));
        }
        &bytes[start as usize..end as usize]
    };
    Ok(str_value(lossy(out)))
}

/// goutils' `AbbreviateFull`, byte-wise; `None` is its error (which sprig
/// turns into an empty string).
fn abbreviate(s: &str, offset: i64, max_width: i64) -> Option<String> {
    if s.is_empty() {
        return Some(String::new());
    }
    if max_width < 4 {
        return None;
    }
    let bytes = s.as_bytes();
    let len = bytes.len() as i64;
    if len <= max_width {
        return Some(s.to_string());
    }
    // Go's int arithmetic wraps; so does this, to reach the same branch.
    let keep = max_width - 3;
    let mut offset = offset.min(len);
    if len.wrapping_sub(offset) < keep {
        offset = len - keep;
    }
    if offset <= 4 {
        return Some(format!("{}...", lossy(&bytes[..keep as usize])));
    }
    if max_width < 7 {
        return None;
    }
    if offset.wrapping_add(keep) < len {
        let rest = lossy(&bytes[offset as usize..]);
        let inner = abbreviate(&rest, 0, keep).unwrap_or_default();
        return Some(format!("...{inner}"));
    }
    Some(format!("...{}", lossy(&bytes[(len - keep) as usize..])))
}

/// `abbrev WIDTH S`: shortens S to WIDTH bytes with a trailing `...`.
pub(super) fn abbrev(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let (width, s) = (c.int(0)?, c.str(1)?);
    if width < 4 {
        return Ok(str_value(s));
    }
    Ok(str_value(abbreviate(s, 0, width).unwrap_or_default()))
}

/// `abbrevboth LEFT RIGHT S`: abbreviates on both sides.
pub(super) fn abbrevboth(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (left, right, s) = (c.int(0)?, c.int(1)?, c.str(2)?);
    if right < 4 || left > 0 && right < 7 {
        return Ok(str_value(s));
    }
    Ok(str_value(abbreviate(s, left, right).unwrap_or_default()))
}

/// goutils' `WrapCustom`: breaks a line at spaces so that lines stay within
/// `width` bytes; long words are split only with `wrap_long`.
fn wrap_custom(s: &str, width: i64, newline: &str, wrap_long: bool) -> String {
    if s.is_empty() {
        return String::new();
    }
    let newline = if newline.is_empty() { "\n" } else { newline };
    let width = width.max(1) as usize;
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut offset = 0;
    let mut out: Vec<u8> = Vec::with_capacity(len + 8);
    while len - offset > width {
        if bytes[offset] == b' ' {
            offset += 1;
            continue;
        }
        let end = (width + offset + 1).min(len);
        match bytes[offset..end].iter().rposition(|&b| b == b' ') {
            Some(space) => {
                out.extend_from_slice(&bytes[offset..offset + space]);
                out.extend_from_slice(newline.as_bytes());
                offset += space + 1;
            }
            None if wrap_long => {
                out.extend_from_slice(&bytes[offset..offset + width]);
                out.extend_from_slice(newline.as_bytes());
                offset += width;
            }
            None => match bytes[offset + width..].iter().position(|&b| b == b' ') {
                Some(space) => {
                    let at = offset + width + space;
                    out.extend_from_slice(&bytes[offset..at]);
                    out.extend_from_slice(newline.as_bytes());
                    offset = at + 1;
                }
                None => {
                    out.extend_from_slice(&bytes[offset..]);
                    offset = len;
                }
            },
        }
    }
    out.extend_from_slice(&bytes[offset..]);
    lossy(out)
}

/// `wrap WIDTH S`.
pub(super) fn wrap(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(wrap_custom(c.str(1)?, c.int(0)?, "", false)))
}

/// `wrapWith WIDTH SEP S`: wraps with SEP, splitting long words.
pub(super) fn wrap_with(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    Ok(str_value(wrap_custom(
        c.str(2)?,
        c.int(0)?,
        c.str(1)?,
        true,
    )))
}

/// `plural ONE MANY N`.
pub(super) fn plural(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let pick = if c.int(2)? == 1 { 0 } else { 1 };
    Ok(str_value(c.str(pick)?))
}

/// Go's `strings.SplitN`; a negative `n` means no limit, an empty separator
/// splits into characters.
fn go_split_n<'s>(s: &'s str, sep: &str, n: i64) -> Vec<&'s str> {
    if n == 0 {
        return Vec::new();
    }
    let limit = if n < 0 { usize::MAX } else { n as usize };
    if sep.is_empty() {
        let mut out = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if out.len() + 1 == limit {
                out.push(rest);
                break;
            }
            let width = rest.chars().next().map_or(1, char::len_utf8);
            out.push(&rest[..width]);
            rest = &rest[width..];
        }
        return out;
    }
    s.splitn(limit, sep).collect()
}

/// Go's `map[string]string{"_0": …}` that `split` and `splitn` return.
fn numbered(parts: Vec<&str>) -> Value {
    let map = Map::new(MapKind::String);
    for (i, p) in parts.into_iter().enumerate() {
        map.insert(format!("_{i}"), str_value(p));
    }
    Value::Map(map)
}

/// `split SEP S`: a dict `_0`, `_1`, … of the parts.
pub(super) fn split(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(numbered(go_split_n(c.str(1)?, c.str(0)?, -1)))
}

/// `splitList SEP S`: the parts as a list.
pub(super) fn split_list(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_list(go_split_n(c.str(1)?, c.str(0)?, -1)))
}

/// `splitn SEP N S`: at most N parts, as a dict.
pub(super) fn splitn(c: &mut Call<'_>) -> Result<Value> {
    c.arity(3)?;
    Ok(numbered(go_split_n(c.str(2)?, c.str(0)?, c.int(1)?)))
}

/// sprig's `strslice`: a list's non-nil items as strings; any other value
/// is a one-item list, nil an empty one.
pub(super) fn strslice(v: &Value) -> Result<Vec<String>> {
    match v {
        Value::List(items) => items
            .iter()
            .filter(|item| !matches!(item, Value::Nil))
            .map(strval)
            .collect(),
        Value::Nil => Ok(Vec::new()),
        // A Go slice type with methods (`.Capabilities.APIVersions`).
        Value::Object(o) if o.kind() == gotemplate::Kind::Slice => o
            .entries()
            .unwrap_or_default()
            .iter()
            .filter(|(_, item)| !matches!(item, Value::Nil))
            .map(|(_, item)| strval(item))
            .collect(),
        other => Ok(vec![strval(other)?]),
    }
}

/// `join SEP LIST`.
pub(super) fn join(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(strslice(c.arg(1))?.join(c.str(0)?)))
}

/// `sortAlpha LIST`: the items as strings, sorted byte-wise.
pub(super) fn sort_alpha(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let mut items = match c.arg(0) {
        list @ Value::List(_) => strslice(list)?,
        other => vec![strval(other)?],
    };
    items.sort();
    Ok(str_list(items))
}
