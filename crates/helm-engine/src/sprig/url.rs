//! Go's `net/url`, the parts `urlParse` and `urlJoin` reach, and those two
//! functions.

use gotemplate::{Call, Map, MapKind, Value};
use std::fmt::Write as _;

use super::govalue::go_quote;
use super::lists::NIL_DEREF;
use super::{str_value, Args, Result};

/// Where in a URL text is being escaped or unescaped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Path,
    Host,
    UserPassword,
    Fragment,
}

/// A parsed URL.
#[derive(Default)]
struct Url {
    scheme: String,
    opaque: String,
    /// `(username, password)`; the password is `None` when absent.
    user: Option<(String, Option<String>)>,
    host: String,
    path: String,
    raw_query: String,
    fragment: String,
}

/// Go's `shouldEscape`.
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if mode == Mode::Host && b"!$&'()*+,;=:[]<>\"".contains(&c) {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
            Mode::Path => c == b'?',
            Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
            Mode::Fragment => false,
            Mode::Host => true,
        },
        b'!' | b'(' | b')' | b'*' if mode == Mode::Fragment => false,
        _ => true,
    }
}

/// Go's `escape`.
fn escape(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if should_escape(b, mode) {
            let _ = write!(out, "%{b:02X}");
        } else {
            out.push(char::from(b));
        }
    }
    out
}

/// Go's `unescape`.
fn unescape(s: &str, mode: Mode) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let pair = b
                    .get(i + 1..i + 3)
                    .filter(|p| p.iter().all(u8::is_ascii_hexdigit));
                let Some(pair) = pair else {
                    let end = (i + 3).min(b.len());
                    return Err(format!(
                        "invalid URL escape {}",
                        go_quote(&String::from_utf8_lossy(&b[i..end]))
                    ));
                };
                let text = String::from_utf8_lossy(pair);
                let value = u8::from_str_radix(&text, 16).unwrap_or(0);
                if mode == Mode::Host && value < 0x80 && &b[i..i + 3] != b"%25" {
                    return Err(format!(
                        "invalid URL escape {}",
                        go_quote(&String::from_utf8_lossy(&b[i..i + 3]))
                    ));
                }
                out.push(value);
                i += 3;
            }
            c => {
                if mode == Mode::Host && c < 0x80 && should_escape(c, mode) {
                    return Err(format!(
                        "invalid character {} in host name",
                        go_quote(&char::from(c).to_string())
                    ));
                }
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Go's `getScheme`.
fn get_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if i == 0 {
                    return Ok(("", raw));
                }
            }
            b':' => {
                if i == 0 {
                    return Err("missing protocol scheme".into());
                }
                return Ok((&raw[..i], &raw[i + 1..]));
            }
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

/// A `:port` suffix, or nothing.
fn valid_optional_port(port: &str) -> bool {
    port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|c| c.is_ascii_digit()))
}

/// Go's `parseHost`.
fn parse_host(host: &str) -> Result<String, String> {
    if host.starts_with('[') {
        let end = host.rfind(']').ok_or("missing ']' in host")?;
        let port = &host[end + 1..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {} after host", go_quote(port)));
        }
    } else if let Some(i) = host.rfind(':') {
        let port = &host[i..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {} after host", go_quote(port)));
        }
    }
    unescape(host, Mode::Host)
}

/// Go's `validUserinfo`.
fn valid_userinfo(s: &str) -> bool {
    s.bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&c))
}

/// Go's `url.Parse`; the error reads `parse "…": …`.
fn parse(raw: &str) -> Result<Url, String> {
    let (body, fragment) = match raw.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (raw, None),
    };
    let wrap = |text: &str, e: String| format!("parse {}: {e}", go_quote(text));
    let mut url = parse_body(body).map_err(|e| wrap(body, e))?;
    if let Some(f) = fragment {
        url.fragment = unescape(f, Mode::Fragment).map_err(|e| wrap(raw, e))?;
    }
    Ok(url)
}

fn parse_body(raw: &str) -> Result<Url, String> {
    if raw.bytes().any(|c| c < 0x20 || c == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut url = Url::default();
    if raw == "*" {
        url.path = "*".into();
        return Ok(url);
    }
    let (scheme, mut rest) = get_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        rest = &rest[..rest.len() - 1];
    } else if let Some((before, query)) = rest.split_once('?') {
        url.raw_query = query.to_string();
        rest = before;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_string();
            return Ok(url);
        }
        let segment = rest.split('/').next().unwrap_or_default();
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        let (userinfo, host) = match authority.rfind('@') {
            Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
            None => (None, authority),
        };
        url.host = parse_host(host)?;
        if let Some(info) = userinfo {
            if !valid_userinfo(info) {
                return Err("net/url: invalid userinfo".into());
            }
            url.user = Some(match info.split_once(':') {
                Some((name, password)) => (
                    unescape(name, Mode::UserPassword)?,
                    Some(unescape(password, Mode::UserPassword)?),
                ),
                None => (unescape(info, Mode::UserPassword)?, None),
            });
        }
        rest = path;
    }
    url.path = unescape(rest, Mode::Path)?;
    Ok(url)
}

impl Url {
    /// Go's `Hostname()`: the host without port or brackets.
    fn hostname(&self) -> &str {
        let mut host = self.host.as_str();
        if let Some(i) = host.rfind(':') {
            if valid_optional_port(&host[i..]) {
                host = &host[..i];
            }
        }
        host.strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
    }

    /// Go's `Userinfo.String()`.
    fn userinfo(&self) -> String {
        match &self.user {
            None => String::new(),
            Some((name, password)) => {
                let mut s = escape(name, Mode::UserPassword);
                if let Some(p) = password {
                    s.push(':');
                    s.push_str(&escape(p, Mode::UserPassword));
                }
                s
            }
        }
    }

    /// Go's `URL.String()`.
    fn to_go_string(&self) -> String {
        let mut out = String::new();
        if !self.scheme.is_empty() {
            out.push_str(&self.scheme);
            out.push(':');
        }
        if !self.opaque.is_empty() {
            out.push_str(&self.opaque);
        } else {
            let path = escape(&self.path, Mode::Path);
            if !self.scheme.is_empty() || !self.host.is_empty() || self.user.is_some() {
                if !self.host.is_empty() || !self.path.is_empty() || self.user.is_some() {
                    out.push_str("//");
                }
                if self.user.is_some() {
                    out.push_str(&self.userinfo());
                    out.push('@');
                }
                out.push_str(&escape(&self.host, Mode::Host));
            }
            if !path.is_empty() && !path.starts_with('/') && !self.host.is_empty() {
                out.push('/');
            }
            if out.is_empty() && path.split('/').next().unwrap_or_default().contains(':') {
                out.push_str("./");
            }
            out.push_str(&path);
        }
        if !self.raw_query.is_empty() {
            out.push('?');
            out.push_str(&self.raw_query);
        }
        if !self.fragment.is_empty() {
            out.push('#');
            out.push_str(&escape(&self.fragment, Mode::Fragment));
        }
        out
    }
}

/// `urlParse URL`: a dict of the URL's parts.
pub(super) fn url_parse(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let url = parse(c.str(0)?).map_err(|e| c.fail(format!("unable to parse url: {e}")))?;
    let map = Map::new(MapKind::Any);
    map.insert("scheme", str_value(url.scheme.as_str()));
    map.insert("host", str_value(url.host.as_str()));
    map.insert("hostname", str_value(url.hostname()));
    map.insert("path", str_value(url.path.as_str()));
    map.insert("query", str_value(url.raw_query.as_str()));
    map.insert("opaque", str_value(url.opaque.as_str()));
    map.insert("fragment", str_value(url.fragment.as_str()));
    map.insert("userinfo", str_value(url.userinfo()));
    Ok(Value::Map(map))
}

/// `urlJoin DICT`: a URL from the parts `urlParse` gives.
pub(super) fn url_join(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let map = c.dict(0)?;
    let part = |key: &str| -> Result<String> {
        match map.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.to_string()),
            Some(Value::Nil) => Err(c.fail(NIL_DEREF)),
            Some(other) => Err(c.fail(format!(
                "unable to parse {key} key, must be of type string, but {} found",
                other.kind().name()
            ))),
        }
    };
    let mut url = Url {
        scheme: part("scheme")?,
        host: part("host")?,
        path: part("path")?,
        raw_query: part("query")?,
        opaque: part("opaque")?,
        fragment: part("fragment")?,
        ..Default::default()
    };
    let userinfo = part("userinfo")?;
    if !userinfo.is_empty() {
        let parsed = parse(&format!("proto://{userinfo}@host"))
            .map_err(|e| c.fail(format!("unable to parse userinfo in dict: {e}")))?;
        url.user = parsed.user;
    }
    Ok(str_value(url.to_go_string()))
}
