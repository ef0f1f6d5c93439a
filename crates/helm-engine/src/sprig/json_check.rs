//! Go's `encoding/json` syntax check (`checkValid`, the scanner of
//! `scanner.go`), for its error messages: `fromJson` puts them in the map
//! it returns, so they are output.

/// Where the scanner is.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    /// Inside an array, after `[` or `,`.
    Array,
    /// Inside an object, reading a value.
    ObjectValue,
}

/// Go's `quoteChar`.
fn quote_char(c: char) -> String {
    match c {
        '\'' => r"'\''".to_string(),
        '"' => "'\"'".to_string(),
        c => {
            let quoted = super::govalue::go_quote(&c.to_string());
            format!("'{}'", &quoted[1..quoted.len() - 1])
        }
    }
}

fn invalid(c: char, context: &str) -> String {
    format!("invalid character {} {context}", quote_char(c))
}

/// The error Go's `json.Unmarshal` gives for `text`'s syntax, if any.
pub(super) fn syntax_error(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut stack: Vec<Ctx> = Vec::new();
    let mut i = 0;
    let eof = || Some("unexpected end of JSON input".to_string());
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    loop {
        // A value.
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let Some(&c) = chars.get(i) else { return eof() };
        match c {
            '{' => {
                i += 1;
                while i < chars.len() && is_space(chars[i]) {
                    i += 1;
                }
                match chars.get(i) {
                    None => return eof(),
                    Some('}') => i += 1,
                    Some('"') => {
                        if let Some(e) = key(&chars, &mut i) {
                            return Some(e);
                        }
                        stack.push(Ctx::ObjectValue);
                        continue;
                    }
                    Some(&c) => {
                        return Some(invalid(c, "looking for beginning of object key string"))
                    }
                }
            }
            '[' => {
                i += 1;
                while i < chars.len() && is_space(chars[i]) {
                    i += 1;
                }
                match chars.get(i) {
                    None => return eof(),
                    Some(']') => i += 1,
                    Some(_) => {
                        stack.push(Ctx::Array);
                        continue;
                    }
                }
            }
            '"' => {
                if let Some(e) = string(&chars, &mut i) {
                    return Some(e);
                }
            }
            '-' | '0'..='9' => {
                if let Some(e) = number(&chars, &mut i) {
                    return Some(e);
                }
            }
            't' | 'f' | 'n' => {
                let word = match c {
                    't' => "true",
                    'f' => "false",
                    _ => "null",
                };
                for (k, expected) in word.chars().enumerate().skip(1) {
                    // At the end Go's scanner reads a space, which fails
                    // here.
                    match chars.get(i + k).or(Some(&' ')) {
                        None => return eof(),
                        Some(&got) if got == expected => {}
                        Some(&got) => {
                            return Some(invalid(
                                got,
                                &format!("in literal {word} (expecting {})", quote_char(expected)),
                            ))
                        }
                    }
                }
                i += word.len();
            }
            c => return Some(invalid(c, "looking for beginning of value")),
        }
        // After a value: close containers or expect a separator.
        loop {
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let Some(ctx) = stack.last().copied() else {
                return chars.get(i).map(|&c| invalid(c, "after top-level value"));
            };
            let Some(&c) = chars.get(i) else { return eof() };
            match (ctx, c) {
                (Ctx::Array, ',') => {
                    i += 1;
                    break;
                }
                (Ctx::Array, ']') | (Ctx::ObjectValue, '}') => {
                    i += 1;
                    stack.pop();
                }
                (Ctx::Array, c) => return Some(invalid(c, "after array element")),
                (Ctx::ObjectValue, ',') => {
                    i += 1;
                    while i < chars.len() && is_space(chars[i]) {
                        i += 1;
                    }
                    match chars.get(i) {
                        None => return eof(),
                        Some('"') => {
                            if let Some(e) = key(&chars, &mut i) {
                                return Some(e);
                            }
                            break;
                        }
                        Some(&c) => {
                            return Some(invalid(c, "looking for beginning of object key string"))
                        }
                    }
                }
                (Ctx::ObjectValue, c) => return Some(invalid(c, "after object key:value pair")),
            }
        }
    }
}

/// An object key at `chars[*i] == '"'` and its `:`; the error, if any.
fn key(chars: &[char], i: &mut usize) -> Option<String> {
    if let Some(e) = string(chars, i) {
        return Some(e);
    }
    while *i < chars.len() && matches!(chars[*i], ' ' | '\t' | '\r' | '\n') {
        *i += 1;
    }
    match chars.get(*i) {
        None => Some("unexpected end of JSON input".into()),
        Some(':') => {
            *i += 1;
            None
        }
        Some(&c) => Some(invalid(c, "after object key")),
    }
}

/// A string starting at `chars[*i] == '"'`.
fn string(chars: &[char], i: &mut usize) -> Option<String> {
    *i += 1;
    loop {
        let Some(&c) = chars.get(*i) else {
            return Some("unexpected end of JSON input".into());
        };
        *i += 1;
        match c {
            '"' => return None,
            '\\' => {
                // At the end Go's scanner reads a space.
                let e = chars.get(*i).copied().unwrap_or(' ');
                *i += 1;
                match e {
                    'b' | 'f' | 'n' | 'r' | 't' | '\\' | '/' | '"' => {}
                    'u' => {
                        for _ in 0..4 {
                            let h = chars.get(*i).copied().unwrap_or(' ');
                            if !h.is_ascii_hexdigit() {
                                return Some(invalid(h, "in \\u hexadecimal character escape"));
                            }
                            *i += 1;
                        }
                    }
                    e => return Some(invalid(e, "in string escape code")),
                }
            }
            c if (c as u32) < 0x20 => return Some(invalid(c, "in string literal")),
            _ => {}
        }
    }
}

/// A number starting at `chars[*i]`. At the end Go's scanner reads a
/// space, which fails where a digit is due.
fn number(chars: &[char], i: &mut usize) -> Option<String> {
    if chars[*i] == '-' {
        *i += 1;
        match chars.get(*i).or(Some(&' ')) {
            None => return None,
            Some('0'..='9') => {}
            Some(&c) => return Some(invalid(c, "in numeric literal")),
        }
    }
    if chars[*i] == '0' {
        *i += 1;
    } else {
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
    }
    if chars.get(*i) == Some(&'.') {
        *i += 1;
        match chars.get(*i).or(Some(&' ')) {
            None => return None,
            Some('0'..='9') => {}
            Some(&c) => return Some(invalid(c, "after decimal point in numeric literal")),
        }
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
    }
    if matches!(chars.get(*i), Some('e' | 'E')) {
        *i += 1;
        if matches!(chars.get(*i), Some('+' | '-')) {
            *i += 1;
        }
        match chars.get(*i).or(Some(&' ')) {
            None => return None,
            Some('0'..='9') => {}
            Some(&c) => return Some(invalid(c, "in exponent of numeric literal")),
        }
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
    }
    None
}

/// Valid JSON `text` with each number literal that overflows a `float64`
/// replaced by `null`, and the first such literal: Go's decoder refuses
/// them (`cannot unmarshal number 1e400`), leaves nil in their place and
/// goes on.
pub(super) fn null_overflows(text: &str) -> (String, Option<String>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut first = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                let literal = &text[start..i];
                if literal.parse::<f64>().is_ok_and(f64::is_infinite) {
                    first.get_or_insert_with(|| literal.to_string());
                    out.push_str(&text[copied..start]);
                    out.push_str("null");
                    copied = i;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    (out, first)
}
