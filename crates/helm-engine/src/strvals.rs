//! Helm's `--set` grammar (`pkg/strvals/parser.go`, `literal_parser.go`)
//! and the order `helm install` merges the `--set*` flags in after the
//! `-f` files (`pkg/cli/values/options.go` `MergeValues`).
//!
//! `name=value` pairs separated by `,`; `a.b=v` nests maps, `a[0]=v` and
//! `a[0].b=v` lists; `a={x,y}` a list; `\` escapes the next character.
//! `--set` types its values (`true`, `false`, `null`, integers without a
//! leading zero), `--set-string` keeps strings, `--set-file` reads each
//! value from a file, `--set-json` reads JSON, `--set-literal` takes the
//! whole rest of its argument verbatim. Errors read as Helm's, quirks
//! included (`a[0]` sets an empty list, `a={}` a list of one empty string).

use serde_json::{Map, Number, Value as Json};

use crate::values::{merge_maps, Values};

/// Helm's `MaxIndex`: the largest list index `--set` may name.
pub const MAX_INDEX: i64 = 65536;

/// Helm's `MaxNestedNameLevel`: how deep `a.b.c…` may nest.
pub const MAX_NESTED_NAME_LEVEL: usize = 30;

/// Which of Helm's `--set*` flags a text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    /// `--set`: typed values.
    Typed,
    /// `--set-string`: string values.
    String,
    /// `--set-file`: each value is a file's path, the file's text the value.
    File,
    /// `--set-json`: JSON values.
    Json,
    /// `--set-literal`: one key, the rest of the text its string value.
    Literal,
}

/// The `--set*` flags of one command, each in the order given.
#[derive(Debug, Clone, Default)]
pub struct SetFlags {
    /// `--set-json`.
    pub json: Vec<String>,
    /// `--set`.
    pub values: Vec<String>,
    /// `--set-string`.
    pub strings: Vec<String>,
    /// `--set-file`.
    pub files: Vec<String>,
    /// `--set-literal`.
    pub literals: Vec<String>,
}

impl SetFlags {
    /// Whether no flag was given.
    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
            && self.values.is_empty()
            && self.strings.is_empty()
            && self.files.is_empty()
            && self.literals.is_empty()
    }
}

/// Merges `flags` into `base` (the `-f` files, stacked) as Helm's
/// `MergeValues` does: `--set-json`, then `--set`, `--set-string`,
/// `--set-file` and `--set-literal`. `read_file` reads a `--set-file`
/// path; its error is Helm's wording of the failure.
pub fn merge_set_flags(
    base: &mut Values,
    flags: &SetFlags,
    read_file: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<(), String> {
    for value in &flags.json {
        let trimmed = value.trim();
        if trimmed.starts_with('{') {
            let Ok(Json::Object(map)) = serde_json::from_str::<Json>(trimmed) else {
                return Err(format!("failed parsing --set-json data JSON: {value}"));
            };
            let Json::Object(map) = json_floats(Json::Object(map)) else {
                unreachable!("an object stays an object")
            };
            merge_maps(base, map);
        } else {
            parse_into(SetKind::Json, value, base, read_file)
                .map_err(|_| format!("failed parsing --set-json data {value}"))?;
        }
    }
    let rest = [
        (SetKind::Typed, &flags.values, "--set"),
        (SetKind::String, &flags.strings, "--set-string"),
        (SetKind::File, &flags.files, "--set-file"),
        (SetKind::Literal, &flags.literals, "--set-literal"),
    ];
    for (kind, texts, flag) in rest {
        for text in texts {
            parse_into(kind, text, base, read_file)
                .map_err(|e| format!("failed parsing {flag} data: {e}"))?;
        }
    }
    Ok(())
}

/// Parses `text` as `kind` into a new map (Helm's `Parse`,
/// `ParseString`, …); `read_file` serves `--set-file`.
pub fn parse(
    kind: SetKind,
    text: &str,
    read_file: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Values, String> {
    let mut values = Map::new();
    parse_into(kind, text, &mut values, read_file)?;
    Ok(values)
}

/// Parses `text` as `kind` into `dest`, replacing what it names (Helm's
/// `ParseInto`, `ParseIntoString`, `ParseIntoFile`, `ParseJSON`,
/// `ParseLiteralInto`).
pub fn parse_into(
    kind: SetKind,
    text: &str,
    dest: &mut Values,
    read_file: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<(), String> {
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
        kind,
        read_file,
    };
    loop {
        match parser.key(dest, 0) {
            Ok(()) => {}
            Err(e) if e.eof => return Ok(()),
            Err(e) => return Err(e.message),
        }
    }
}

/// An error, and whether it is (or wraps) Go's `io.EOF`, which ends a
/// parse without failing it.
#[derive(Debug)]
struct Stop {
    message: String,
    eof: bool,
}

impl Stop {
    fn eof() -> Self {
        Stop {
            message: "EOF".into(),
            eof: true,
        }
    }

    fn msg(message: impl Into<String>) -> Self {
        Stop {
            message: message.into(),
            eof: false,
        }
    }

    /// `fmt.Errorf(prefix + "%w", self)`: the message grows, EOF-ness stays.
    fn wrap(self, prefix: &str) -> Self {
        Stop {
            message: format!("{prefix}{}", self.message),
            eof: self.eof,
        }
    }
}

type Step<T> = Result<T, Stop>;

/// What a `{…}` list read gave.
enum ListRead {
    List(Vec<Json>),
    NotList,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    kind: SetKind,
    read_file: &'a mut dyn FnMut(&str) -> Result<String, String>,
}

impl Parser<'_> {
    fn literal(&self) -> bool {
        self.kind == SetKind::Literal
    }

    fn read(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Helm's `runesUntil`: the characters up to one of `stop` (consumed
    /// and returned), `\` escaping the next one (not in literal mode);
    /// `None` for the end of the text.
    fn until(&mut self, stop: &[char]) -> (String, Option<char>) {
        let mut v = String::new();
        loop {
            match self.read() {
                None => return (v, None),
                Some(c) if stop.contains(&c) => return (v, Some(c)),
                Some('\\') if !self.literal() => match self.read() {
                    None => return (v, None),
                    Some(next) => v.push(next),
                },
                Some(c) => v.push(c),
            }
        }
    }

    fn key(&mut self, data: &mut Values, mut level: usize) -> Step<()> {
        let stop: &[char] = if self.literal() {
            &['=', '[', '.']
        } else {
            &['=', '[', ',', '.']
        };
        let (k, last) = self.until(stop);
        let Some(last) = last else {
            if k.is_empty() {
                return Err(Stop::eof());
            }
            return Err(Stop::msg(format!("key {} has no value", go_quote(&k))));
        };
        match last {
            '[' => {
                let i = self
                    .key_index()
                    .map_err(|e| e.wrap("error parsing index: "))?;
                let list = match data.get_mut(&k) {
                    None => Vec::new(),
                    Some(Json::Array(items)) => std::mem::take(items),
                    Some(other) => return Err(conversion(other, "[]interface {}")),
                };
                let (list, result) = self.list_item(list, i, level);
                set(data, &k, Json::Array(list));
                result
            }
            '=' => {
                if self.literal() {
                    let (value, _) = self.until(&[]);
                    set(data, &k, Json::String(value));
                    return Ok(());
                }
                if self.kind == SetKind::Json {
                    let value = self.json_value()?;
                    set(data, &k, value);
                    return Ok(());
                }
                match self.val_list() {
                    Ok(ListRead::List(list)) => {
                        set(data, &k, Json::Array(list));
                        Ok(())
                    }
                    Err(e) if e.eof => {
                        set(data, &k, Json::String(String::new()));
                        Err(e)
                    }
                    Err(e) => Err(e),
                    Ok(ListRead::NotList) => {
                        let (rs, _) = self.until(&[',']);
                        let value = self.typed(&rs)?;
                        set(data, &k, value);
                        Ok(())
                    }
                }
            }
            ',' => {
                set(data, &k, Json::String(String::new()));
                Err(Stop::msg(format!(
                    "key {} has no value (cannot end with ,)",
                    go_quote(&k)
                )))
            }
            _ => {
                level += 1;
                if level > MAX_NESTED_NAME_LEVEL {
                    return Err(Stop::msg(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    )));
                }
                let mut inner = match data.get_mut(&k) {
                    None => Map::new(),
                    Some(Json::Object(map)) => std::mem::take(map),
                    Some(other) => return Err(conversion(other, "map[string]interface {}")),
                };
                let result = self.key(&mut inner, level);
                if result.is_ok() && inner.is_empty() {
                    return Err(Stop::msg(format!("key map {} has no value", go_quote(&k))));
                }
                if !inner.is_empty() || data.contains_key(&k) {
                    set(data, &k, Json::Object(inner));
                }
                result
            }
        }
    }

    /// `--set-json`'s value after `=`: empty (up to a `,` or the end) is
    /// `null`; otherwise one JSON value, as Go's `json.Decoder` reads it
    /// from the rest of the text, then blanks and a `,` skipped.
    fn json_value(&mut self) -> Step<Json> {
        if self.empty_val() {
            return Ok(Json::Null);
        }
        let rest: String = self.chars[self.pos..].iter().collect();
        let len = json_extent(&rest).map_err(Stop::msg)?;
        let value: Json =
            serde_json::from_str(&rest[..len]).map_err(|e| Stop::msg(e.to_string()))?;
        self.pos += rest[..len].chars().count();
        self.empty_val();
        Ok(json_floats(value))
    }

    /// Helm's `emptyVal`: skips blanks; true at a `,` (consumed) or the
    /// end, false before anything else (left unread).
    fn empty_val(&mut self) -> bool {
        loop {
            match self.read() {
                None | Some(',') => return true,
                Some(c) if c.is_whitespace() => {}
                Some(_) => {
                    self.pos -= 1;
                    return false;
                }
            }
        }
    }

    fn key_index(&mut self) -> Step<i64> {
        let (v, last) = self.until(&[']']);
        if last.is_none() {
            return Err(Stop::eof());
        }
        atoi(&v).map_err(Stop::msg)
    }

    fn list_item(&mut self, mut list: Vec<Json>, i: i64, level: usize) -> (Vec<Json>, Step<()>) {
        if i < 0 {
            return (
                list,
                Err(Stop::msg(format!("negative {i} index not allowed"))),
            );
        }
        let (k, last) = self.until(&['[', '.', '=']);
        if !k.is_empty() {
            return (
                list,
                Err(Stop::msg(format!(
                    "unexpected data at end of array index: {}",
                    go_quote_runes(&k)
                ))),
            );
        }
        let Some(last) = last else {
            return (list, Err(Stop::eof()));
        };
        match last {
            '=' => {
                if self.literal() {
                    let (value, _) = self.until(&[]);
                    return set_index(list, i, Json::String(value));
                }
                if self.kind == SetKind::Json {
                    return match self.json_value() {
                        Ok(value) => set_index(list, i, value),
                        Err(e) => (list, Err(e)),
                    };
                }
                match self.val_list() {
                    Ok(ListRead::List(items)) => set_index(list, i, Json::Array(items)),
                    Err(e) if e.eof => set_index(list, i, Json::String(String::new())),
                    Err(e) => (list, Err(e)),
                    Ok(ListRead::NotList) => {
                        let (rs, _) = self.until(&[',']);
                        match self.typed(&rs) {
                            Ok(value) => set_index(list, i, value),
                            Err(e) => (list, Err(e)),
                        }
                    }
                }
            }
            '[' => {
                let next = match self.key_index() {
                    Ok(next) => next,
                    Err(e) => return (list, Err(e.wrap("error parsing index: "))),
                };
                let current = match list.get_mut(i as usize) {
                    None | Some(Json::Null) => Vec::new(),
                    Some(Json::Array(items)) => std::mem::take(items),
                    Some(other) => {
                        let e = conversion(other, "[]interface {}");
                        return (list, Err(e));
                    }
                };
                let (inner, result) = self.list_item(current, next, level);
                if let Err(e) = result {
                    return (list, Err(e));
                }
                set_index(list, i, Json::Array(inner))
            }
            _ => {
                let mut inner = match list.get_mut(i as usize) {
                    Some(Json::Object(map)) => std::mem::take(map),
                    _ => Map::new(),
                };
                if let Err(e) = self.key(&mut inner, level) {
                    return (list, Err(e));
                }
                set_index(list, i, Json::Object(inner))
            }
        }
    }

    /// Helm's `valList`: a `{a,b}` list of values, or [`ListRead::NotList`]
    /// (nothing consumed) when the value does not start with `{`.
    fn val_list(&mut self) -> Step<ListRead> {
        match self.read() {
            None => return Err(Stop::eof()),
            Some('{') => {}
            Some(_) => {
                self.pos -= 1;
                return Ok(ListRead::NotList);
            }
        }
        let mut list = Vec::new();
        loop {
            let (rs, last) = self.until(&[',', '}']);
            match last {
                None => return Err(Stop::msg("list must terminate with '}'")),
                Some('}') => {
                    if let Some(c) = self.read() {
                        if c != ',' {
                            self.pos -= 1;
                        }
                    }
                    list.push(self.typed(&rs)?);
                    return Ok(ListRead::List(list));
                }
                _ => list.push(self.typed(&rs)?),
            }
        }
    }

    /// The parser's reader: a typed or string value, or a file's text.
    fn typed(&mut self, v: &str) -> Step<Json> {
        match self.kind {
            SetKind::File => (self.read_file)(v).map(Json::String).map_err(Stop::msg),
            SetKind::String => Ok(Json::String(v.to_owned())),
            _ => Ok(typed_val(v)),
        }
    }
}

/// Helm's `typedVal` for `--set`: `true`/`false`/`null` in any case, `0`,
/// and integers that do not start with `0` (as `int64`); anything else a
/// string.
fn typed_val(v: &str) -> Json {
    if equal_fold(v, "true") {
        return Json::Bool(true);
    }
    if equal_fold(v, "false") {
        return Json::Bool(false);
    }
    if equal_fold(v, "null") {
        return Json::Null;
    }
    if v == "0" {
        return Json::Number(0.into());
    }
    if !v.is_empty() && !v.starts_with('0') {
        if let Ok(n) = v.parse::<i64>() {
            return Json::Number(n.into());
        }
    }
    Json::String(v.to_owned())
}

/// Go's `strings.EqualFold` against an ASCII word: Unicode's simple case
/// folding also maps `ſ` to `s` and the Kelvin sign to `k`.
fn equal_fold(v: &str, word: &str) -> bool {
    let folded = v.chars().map(|c| match c {
        'ſ' => 's',
        '\u{212A}' => 'k',
        c => c,
    });
    folded.clone().count() == word.len()
        && folded
            .zip(word.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// Helm's `set`: an empty key sets nothing.
fn set(data: &mut Values, key: &str, value: Json) {
    if !key.is_empty() {
        data.insert(key.to_owned(), value);
    }
}

/// Helm's `setIndex`: the list grown with `null`s to reach `index`.
fn set_index(mut list: Vec<Json>, index: i64, value: Json) -> (Vec<Json>, Step<()>) {
    if index < 0 {
        return (
            list,
            Err(Stop::msg(format!("negative {index} index not allowed"))),
        );
    }
    if index > MAX_INDEX {
        return (
            list,
            Err(Stop::msg(format!(
                "index of {index} is greater than maximum supported index of {MAX_INDEX}"
            ))),
        );
    }
    let index = index as usize;
    if list.len() <= index {
        list.resize(index + 1, Json::Null);
    }
    list[index] = value;
    (list, Ok(()))
}

/// Go's `strconv.Atoi`, with its error text.
fn atoi(s: &str) -> Result<i64, String> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "strconv.Atoi: parsing {}: invalid syntax",
            go_quote(s)
        ));
    }
    s.parse()
        .map_err(|_| format!("strconv.Atoi: parsing {}: value out of range", go_quote(s)))
}

/// The panic Go recovers from when a value is not the map or list a key
/// needs: `interface conversion: interface {} is string, not …`.
fn conversion(value: &Json, wanted: &str) -> Stop {
    let is = match value {
        Json::Null => "nil",
        Json::Bool(_) => "bool",
        Json::Number(n) if n.is_f64() => "float64",
        Json::Number(_) => "int64",
        Json::String(_) => "string",
        Json::Array(_) => "[]interface {}",
        Json::Object(_) => "map[string]interface {}",
    };
    Stop::msg(format!(
        "unable to parse key: interface conversion: interface {{}} is {is}, not {wanted}"
    ))
}

/// Every number of a decoded JSON value as a float, as Go's `encoding/json`
/// decodes numbers into `interface{}`.
fn json_floats(value: Json) -> Json {
    match value {
        Json::Number(n) => n
            .as_f64()
            .and_then(Number::from_f64)
            .map(Json::Number)
            .unwrap_or(Json::Null),
        Json::Array(items) => Json::Array(items.into_iter().map(json_floats).collect()),
        Json::Object(map) => {
            Json::Object(map.into_iter().map(|(k, v)| (k, json_floats(v))).collect())
        }
        other => other,
    }
}

/// How many bytes of `text` Go's `json.Decoder` takes for its first value:
/// leading blanks, then a string, an object or array (brackets balanced
/// outside strings), a literal, or the longest number the JSON grammar
/// allows; what follows is left for the next key.
fn json_extent(text: &str) -> Result<usize, String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    let start = i;
    let Some(&first) = bytes.get(i) else {
        return Err("EOF".into());
    };
    match first {
        b'"' => {
            i += 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return Ok(i + 1),
                    _ => i += 1,
                }
            }
            Err("unexpected EOF".into())
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut in_string = false;
            while i < bytes.len() {
                let b = bytes[i];
                if in_string {
                    match b {
                        b'\\' => i += 1,
                        b'"' => in_string = false,
                        _ => {}
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Ok(i + 1);
                            }
                        }
                        _ => {}
                    }
                }
                i += 1;
            }
            Err("unexpected EOF".into())
        }
        b't' | b'f' | b'n' => {
            let word = match first {
                b't' => "true",
                b'f' => "false",
                _ => "null",
            };
            let mut chars = text[start..].chars();
            for expected in word.chars() {
                match chars.next() {
                    None => return Err("unexpected EOF".into()),
                    Some(c) if c != expected => {
                        return Err(format!(
                            "invalid character {} in literal {word} (expecting {})",
                            quote_rune(c),
                            quote_rune(expected)
                        ))
                    }
                    Some(_) => {}
                }
            }
            Ok(start + word.len())
        }
        b'-' | b'0'..=b'9' => number_extent(text, start),
        _ => Err(format!(
            "invalid character {} looking for beginning of value",
            quote_rune(text[start..].chars().next().unwrap_or(' '))
        )),
    }
}

/// The end of the JSON number at `start`,
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, with the error Go's
/// scanner gives where a digit is missing.
fn number_extent(text: &str, start: usize) -> Result<usize, String> {
    let b = text.as_bytes();
    let need_digit = |i: usize, context: &str| -> Result<(), String> {
        match text[i..].chars().next() {
            None => Err("unexpected EOF".into()),
            Some(c) if c.is_ascii_digit() => Ok(()),
            Some(c) => Err(format!("invalid character {} {context}", quote_rune(c))),
        }
    };
    let digits = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = start;
    if b[i] == b'-' {
        i += 1;
        need_digit(i, "in numeric literal")?;
    }
    i = if b[i] == b'0' { i + 1 } else { digits(i) };
    if b.get(i) == Some(&b'.') {
        need_digit(i + 1, "after decimal point in numeric literal")?;
        i = digits(i + 1);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        need_digit(i, "in exponent of numeric literal")?;
        i = digits(i);
    }
    Ok(i)
}

/// Go's quoting of a character in JSON errors: `'x'`.
fn quote_rune(c: char) -> String {
    let mut q = String::from("'");
    quote_char(&mut q, c, '\'');
    q.push('\'');
    q
}

/// Go's `%q` of a string (`strconv.Quote`).
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        quote_char(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// Go's `%q` of a `[]rune`: each rune quoted, `['a' 'b']`.
fn go_quote_runes(s: &str) -> String {
    let runes: Vec<String> = s.chars().map(quote_rune).collect();
    format!("[{}]", runes.join(" "))
}

fn quote_char(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0C' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0B' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            out.push_str(&format!("\\x{:02x}", c as u32));
        }
        c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_files(path: &str) -> Result<String, String> {
        Err(format!("open {path}: no such file or directory"))
    }

    fn typed(text: &str) -> Result<Json, String> {
        parse(SetKind::Typed, text, &mut no_files).map(Json::Object)
    }

    #[test]
    fn parses_helm_set() {
        let v = typed("a=1,b.c=two,ports={80,443},e=,f=0,g=012,h=TRUE,i=null").unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": {"c": "two"}, "ports": [80, 443], "e": "", "f": 0,
                "g": "012", "h": true, "i": null})
        );
        assert_eq!(typed("a[0]").unwrap(), serde_json::json!({"a": []}));
        assert_eq!(typed("a={}").unwrap(), serde_json::json!({"a": [""]}));
        assert_eq!(
            typed("a[2].b=1").unwrap(),
            serde_json::json!({"a": [null, null, {"b": 1}]})
        );
        assert_eq!(
            typed(r"a\.b=c\,d").unwrap(),
            serde_json::json!({"a.b": "c,d"})
        );
        assert_eq!(typed("a").unwrap_err(), "key \"a\" has no value");
        assert_eq!(
            typed("a,b=1").unwrap_err(),
            "key \"a\" has no value (cannot end with ,)"
        );
        assert_eq!(typed("a.b=1,a.b.c=2").unwrap_err(),
            "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}");
        assert_eq!(
            typed("a[x]=1").unwrap_err(),
            "error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"
        );
        assert_eq!(
            typed("a[0]x=1").unwrap_err(),
            "unexpected data at end of array index: ['x']"
        );
        assert_eq!(typed("a={1,2").unwrap_err(), "list must terminate with '}'");
        assert_eq!(
            typed("a[65537]=1").unwrap_err(),
            "index of 65537 is greater than maximum supported index of 65536"
        );
    }

    #[test]
    fn parses_json_and_literals() {
        let v = parse(
            SetKind::Json,
            r#"a={"b":[1,2]},c=,d= "x" , e=[1]f=2"#,
            &mut no_files,
        )
        .unwrap();
        assert_eq!(v["a"]["b"][0].as_f64(), Some(1.0));
        assert!(v["a"]["b"][0].is_f64());
        assert_eq!(v["c"], Json::Null);
        assert_eq!(v["d"], "x");
        assert_eq!(v["f"].as_f64(), Some(2.0));
        let v = parse(SetKind::Literal, "a.b=x,y=z", &mut no_files).unwrap();
        assert_eq!(Json::Object(v), serde_json::json!({"a": {"b": "x,y=z"}}));
    }

    #[test]
    fn merges_in_helm_order() {
        let mut base = Map::new();
        let flags = SetFlags {
            json: vec![r#"{"a": 1, "n": {"x": 1}}"#.into()],
            values: vec!["a=2".into()],
            strings: vec!["a=3".into()],
            files: vec!["f=path".into()],
            literals: vec!["a=4,5".into()],
        };
        let mut read = |p: &str| Ok(format!("text of {p}"));
        merge_set_flags(&mut base, &flags, &mut read).unwrap();
        assert_eq!(base["a"], "4,5");
        assert_eq!(base["f"], "text of path");
        let flags = SetFlags {
            files: vec!["f=missing".into()],
            ..Default::default()
        };
        let err = merge_set_flags(&mut Map::new(), &flags, &mut no_files).unwrap_err();
        assert_eq!(
            err,
            "failed parsing --set-file data: open missing: no such file or directory"
        );
    }
}
