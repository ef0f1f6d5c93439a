//! Go's `regexp` on top of the `regex` crate. Both implement RE2 syntax;
//! the differences that matter are bridged here: Go's `\d`, `\w`, `\s`
//! and `\b` are ASCII-only, Go has `\Q…\E`, treats `[`, `&&`, `~~` inside
//! a class literally, and iterates over empty matches and expands `$name`
//! templates its own way.
//!
//! sprig's `regex*` functions on top of it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gotmpl::Value;
use regex::Regex;

use super::{str_list, str_value, Call, Result};

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
    if let Some(op) = nested_repetition(pattern) {
        let what = if op.starts_with('{') {
            "invalid repeat count"
        } else {
            "invalid nested repetition operator"
        };
        return Err(format!("error parsing regexp: {what}: `{op}`"));
    }
    let translated = translate(pattern);
    regex::RegexBuilder::new(&translated)
        .octal(true)
        .build()
        .map_err(|e| go_error(&e.to_string(), pattern, &translated))
}

/// Words a `regex` crate error as Go's `error parsing regexp: …`.
fn go_error(text: &str, pattern: &str, translated: &str) -> String {
    let detail = text
        .lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map_or(text, |l| l.trim_start_matches("error:").trim());
    // The span the `regex` crate marks with carets, in the translated
    // pattern.
    let span = text
        .lines()
        .find(|l| l.trim_start().starts_with('^'))
        .and_then(|l| {
            let start = l.find('^')?.checked_sub(4)?;
            let len = l[start + 4..].chars().take_while(|&c| c == '^').count();
            Some(translated.chars().skip(start).take(len).collect::<String>())
        })
        .unwrap_or_else(|| pattern.to_string());
    let (detail, fragment) = match detail {
        "unclosed character class" => {
            let from = pattern.rfind('[').unwrap_or(0);
            ("missing closing ]", pattern[from..].to_string())
        }
        "unclosed group" => ("missing closing )", pattern.to_string()),
        "unopened group" => ("unexpected )", pattern.to_string()),
        "repetition operator missing expression" => {
            ("missing argument to repetition operator", span)
        }
        "unrecognized escape sequence" => ("invalid escape sequence", span),
        d if d.starts_with("invalid character class range") => {
            ("invalid character class range", span)
        }
        d => (d, pattern.to_string()),
    };
    format!("error parsing regexp: {detail}: `{fragment}`")
}

/// A Go repetition `{n}`, `{n,}` or `{n,m}` at the start of `s`: its
/// length and largest count.
fn repeat_braces(s: &str) -> Option<(usize, u64)> {
    let end = s.find('}')?;
    let inner = s.get(1..end)?;
    let (lo, hi) = inner.split_once(',').unwrap_or((inner, inner));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(lo) || !(hi.is_empty() || digits(hi)) {
        return None;
    }
    let max = lo
        .parse::<u64>()
        .unwrap_or(u64::MAX)
        .max(hi.parse::<u64>().unwrap_or(0));
    Some((end + 1, max))
}

/// Go rejects a repetition of a repetition (`a**`, `a++`, `a{2}*`),
/// which the `regex` crate accepts; returns the offending operators.
fn nested_repetition(pattern: &str) -> Option<String> {
    let b = pattern.as_bytes();
    let mut i = 0;
    let mut in_class = false;
    // The byte range of the previous repetition operator, if the last
    // thing read was one.
    let mut last_rep: Option<(usize, bool)> = None;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            last_rep = None;
            continue;
        }
        if in_class {
            if c == b']' {
                in_class = false;
            }
            i += 1;
            continue;
        }
        let rep_len = match c {
            b'*' | b'+' | b'?' => Some(1),
            b'{' => match repeat_braces(&pattern[i..]) {
                Some((len, max)) if max > 1000 => return Some(pattern[i..i + len].to_string()),
                Some((len, _)) => Some(len),
                None => None,
            },
            _ => None,
        };
        match (rep_len, last_rep) {
            (Some(1), Some((start, false))) if c == b'?' => {
                // A lazy modifier.
                last_rep = Some((start, true));
                i += 1;
            }
            (Some(len), Some((start, _))) => return Some(pattern[start..i + len].to_string()),
            (Some(len), None) => {
                last_rep = Some((i, false));
                i += len;
            }
            (None, _) => {
                if c == b'[' {
                    in_class = true;
                    if b.get(i + 1) == Some(&b'^') {
                        i += 1;
                    }
                    if b.get(i + 1) == Some(&b']') {
                        i += 1;
                    }
                }
                last_rep = None;
                i += 1;
            }
        }
    }
    None
}

/// The ASCII class for a Perl escape letter, if it is one.
fn perl_class(letter: char) -> Option<(&'static str, bool)> {
    match letter {
        'd' => Some(("0-9", false)),
        'D' => Some(("0-9", true)),
        's' => Some(("\\t\\n\\x0C\\r ", false)),
        'S' => Some(("\\t\\n\\x0C\\r ", true)),
        'w' => Some(("0-9A-Za-z_", false)),
        'W' => Some(("0-9A-Za-z_", true)),
        _ => None,
    }
}

/// Rewrites Go syntax into equivalent Rust `regex` syntax.
fn translate(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = false;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '\\' && i + 1 < chars.len() {
            let next = chars[i + 1];
            if !in_class && next == 'Q' {
                let rest: String = chars[i + 2..].iter().collect();
                let (literal, after) = match rest.find("\\E") {
                    Some(end) => (rest[..end].to_string(), end + 2),
                    None => (rest.clone(), rest.len()),
                };
                out.push_str(&regex::escape(&literal));
                i += 2 + rest[..after].chars().count();
                continue;
            }
            if let Some((class, negated)) = perl_class(next) {
                match (in_class, negated) {
                    (false, false) => {
                        let _ = write!(out, "[{class}]");
                    }
                    (false, true) | (true, true) => {
                        let _ = write!(out, "[^{class}]");
                    }
                    (true, false) => out.push_str(class),
                }
            } else if !in_class && (next == 'b' || next == 'B') {
                let _ = write!(out, "(?-u:\\{next})");
            } else {
                out.push(ch);
                out.push(next);
            }
            class_start = false;
            i += 2;
            continue;
        }
        if in_class {
            match ch {
                ']' if !class_start => in_class = false,
                '[' if chars.get(i + 1) == Some(&':') => {
                    // A POSIX class like `[:alpha:]` passes through.
                    let rest: String = chars[i..].iter().collect();
                    if let Some(end) = rest.find(":]") {
                        out.push_str(&rest[..end + 2]);
                        i += rest[..end + 2].chars().count();
                        class_start = false;
                        continue;
                    }
                    out.push_str("\\[");
                    i += 1;
                    class_start = false;
                    continue;
                }
                '[' | '&' | '~' => {
                    out.push('\\');
                }
                _ => {}
            }
            out.push(ch);
            class_start = class_start && ch == '^';
            i += 1;
            continue;
        }
        if ch == '{' && repeat_braces(&chars[i..].iter().collect::<String>()).is_none() {
            // Go reads a brace that starts no repetition literally.
            out.push_str("\\{");
            i += 1;
            continue;
        }
        if ch == '[' {
            in_class = true;
            class_start = true;
            out.push(ch);
            if chars.get(i + 1) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            i += 1;
            continue;
        }
        out.push(ch);
        i += 1;
    }
    out
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
pub(super) fn regex_match(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let (pattern, s) = (c.str(0)?, c.str(1)?);
    match compile(pattern) {
        Ok(re) => Ok(Value::Bool(re.is_match(s))),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(Value::Bool(false)),
    }
}

/// `regexFind RE S`: the first match, or "".
pub(super) fn regex_find(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(re.find(c.str(1)?).map_or("", |m| m.as_str())))
}

/// `regexFindAll RE S N`: up to N matches (all for N < 0).
pub(super) fn regex_find_all(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    let s = c.str(1)?;
    let n = c.int(2)?;
    Ok(str_list(
        find_all(&re, s, n).into_iter().map(|(a, b)| &s[a..b]),
    ))
}

/// `regexReplaceAll RE S REPL` and the literal variant.
pub(super) fn regex_replace_all(c: &Call<'_>, must: bool, literal: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(replace_all(&re, c.str(1)?, c.str(2)?, literal)))
}

/// `regexSplit RE S N`.
pub(super) fn regex_split(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_list(split(&re, c.str(1)?, c.int(2)?)))
}
