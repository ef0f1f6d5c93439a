//! Go's `regexp` on top of the `regex` crate: patterns read with Go's
//! meaning ([`crate::goregex`]); matches iterated over and `$name`
//! templates expanded as Go does.
//!
//! sprig's `regex*` functions on top of it.

use std::collections::BTreeMap;

use gotemplate::{Call, Value};
use regex::Regex;

use super::{str_list, str_value, Result};

/// Patterns kept compiled: charts call the same few patterns in helpers
/// that every template includes.
const CACHED_PATTERNS: usize = 64;

/// Compiled patterns, shared by every rendering thread.
static COMPILED: std::sync::Mutex<BTreeMap<String, Result<Regex, String>>> =
    std::sync::Mutex::new(BTreeMap::new());

/// Compiles a Go regular expression, once per pattern; the error is worded
/// like Go's `error parsing regexp: …`.
fn compile(pattern: &str) -> Result<Regex, String> {
    let cached = |map: &BTreeMap<String, Result<Regex, String>>| map.get(pattern).cloned();
    if let Some(done) = COMPILED.lock().ok().and_then(|m| cached(&m)) {
        return done;
    }
    let compiled = compile_uncached(pattern);
    if let Ok(mut cache) = COMPILED.lock() {
        if cache.len() >= CACHED_PATTERNS {
            cache.clear();
        }
        cache.insert(pattern.to_owned(), compiled.clone());
    }
    compiled
}

fn compile_uncached(pattern: &str) -> Result<Regex, String> {
    crate::goregex::compile(pattern)
}

/// Go's `regexp.QuoteMeta`.
pub(super) fn quote_meta(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for ch in s.chars() {
        if "\\.+*?()|[]{}^$".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The width of the character at `pos`, or 0 at the end.
fn width_at(s: &str, pos: usize) -> usize {
    s.get(pos..)
        .and_then(|r| r.chars().next())
        .map_or(0, char::len_utf8)
}

/// Go's `FindAllStringIndex(s, n)`: successive matches, where an empty
/// match right after a previous match is skipped.
fn find_all(re: &Regex, s: &str, n: i64) -> Vec<(usize, usize)> {
    let limit = if n < 0 { s.len() + 1 } else { n as usize };
    let mut out = Vec::new();
    let mut pos = 0;
    let mut prev_end: Option<usize> = None;
    while out.len() < limit && pos <= s.len() {
        let Some(m) = re.find_at(s, pos) else { break };
        let mut accept = true;
        if m.end() == pos {
            if Some(m.start()) == prev_end {
                accept = false;
            }
            let width = width_at(s, pos);
            pos = if width > 0 { pos + width } else { s.len() + 1 };
        } else {
            pos = m.end();
        }
        prev_end = Some(m.end());
        if accept {
            out.push((m.start(), m.end()));
        }
    }
    out
}

/// Go's `ReplaceAllString` / `ReplaceAllLiteralString`.
fn replace_all(re: &Regex, s: &str, repl: &str, literal: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_end = 0;
    let mut search = 0;
    while search <= s.len() {
        let Some(caps) = re.captures_at(s, search) else {
            break;
        };
        let Some(m) = caps.get(0) else { break };
        out.push_str(&s[last_end..m.start()]);
        if m.end() > last_end || m.start() == 0 {
            if literal {
                out.push_str(repl);
            } else {
                expand(re, &caps, repl, &mut out);
            }
        }
        last_end = m.end();
        let width = width_at(s, search);
        search = if search + width > m.end() {
            search + width
        } else if search + 1 > m.end() {
            search + 1
        } else {
            m.end()
        };
    }
    out.push_str(s.get(last_end..).unwrap_or_default());
    out
}

/// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name
/// is the longest run of letters, digits and `_`, so `$1x` names `1x`.
fn expand(re: &Regex, caps: &regex::Captures<'_>, template: &str, out: &mut String) {
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let (braced, body) = match rest.strip_prefix('{') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let name_len: usize = body
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .map(char::len_utf8)
            .sum();
        let closed = !braced || body[name_len..].starts_with('}');
        if name_len == 0 || !closed {
            out.push('$');
            continue;
        }
        let name = &body[..name_len];
        rest = &body[name_len + usize::from(braced)..];
        let number = if name.bytes().all(|b| b.is_ascii_digit())
            && !(name.len() > 1 && name.starts_with('0'))
        {
            name.parse::<usize>().ok()
        } else {
            None
        };
        let group = match number {
            Some(n) => caps.get(n),
            None => re
                .capture_names()
                .position(|n| n == Some(name))
                .and_then(|i| caps.get(i)),
        };
        if let Some(g) = group {
            out.push_str(g.as_str());
        }
    }
    out.push_str(rest);
}

/// Go's `Regexp.Split(s, n)`.
fn split<'s>(re: &Regex, s: &'s str, n: i64) -> Vec<&'s str> {
    if n == 0 {
        return Vec::new();
    }
    if !re.as_str().is_empty() && s.is_empty() {
        return vec![""];
    }
    let mut out = Vec::new();
    let (mut begin, mut end) = (0, 0);
    for (start, stop) in find_all(re, s, n) {
        if n > 0 && out.len() as i64 == n - 1 {
            break;
        }
        end = start;
        if stop != 0 {
            out.push(&s[begin..end]);
        }
        begin = stop;
    }
    if end != s.len() {
        out.push(&s[begin..]);
    }
    out
}

/// Compiles a pattern for a regex function: the `must` forms return Go's
/// compile error, the plain ones panic in sprig, which Go reports as
/// `regexp: Compile(…)`.
fn regex_arg(c: &Call<'_>, pattern: &str, must: bool) -> Result<regex::Regex> {
    compile(pattern).map_err(|e| {
        if must {
            c.fail(e)
        } else {
            c.fail(format!("regexp: Compile(`{pattern}`): {e}"))
        }
    })
}

/// `regexMatch RE S`; the plain form answers false for a bad pattern.
pub(super) fn regex_match(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let (pattern, s) = (c.str(0)?, c.str(1)?);
    match compile(pattern) {
        Ok(re) => Ok(Value::Bool(re.is_match(s))),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(Value::Bool(false)),
    }
}

/// `regexFind RE S`: the first match, or "".
pub(super) fn regex_find(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(re.find(c.str(1)?).map_or("", |m| m.as_str())))
}

/// `regexFindAll RE S N`: up to N matches (all for N < 0).
pub(super) fn regex_find_all(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    let s = c.str(1)?;
    let n = c.int(2)?;
    Ok(str_list(
        find_all(&re, s, n).into_iter().map(|(a, b)| &s[a..b]),
    ))
}

/// `regexReplaceAll RE S REPL` and the literal variant.
pub(super) fn regex_replace_all(c: &mut Call<'_>, must: bool, literal: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(replace_all(&re, c.str(1)?, c.str(2)?, literal)))
}

/// `regexSplit RE S N`.
pub(super) fn regex_split(c: &mut Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_list(split(&re, c.str(1)?, c.int(2)?)))
}
