//! Go's regular expressions (RE2 syntax, as `regexp.Compile` reads them),
//! translated into the `regex` crate's syntax with Go's meaning.
//!
//! Helm checks a schema's `pattern`s, `patternProperties` and `regex`
//! format with Go's `regexp`, and templates call it through Sprig. The two
//! syntaxes mostly agree; where they differ the translation says Go's
//! meaning explicitly:
//! - `\d`, `\w`, `\s` and `\b` are ASCII in Go (Unicode in Rust), and so
//!   are the POSIX classes (`[[:alpha:]]`);
//! - `\Q…\E` quotes literal text (Rust has no such thing);
//! - `\<`, `\>` and every other escaped punctuation is that character (`\<`
//!   is a word boundary in Rust);
//! - a `{` that does not start a valid repetition is a literal, and a
//!   repetition count is at most 1000;
//! - `.` never matches `\n` unless the `s` flag is set, and the only flags
//!   are `i`, `m`, `s` and `U` (Rust also has `x`, which would ignore
//!   spaces);
//! - octal escapes (`\12`), and refusals for what Go refuses (`\1`, `\Z`,
//!   `a**`).
//!
//! The translation writes no Perl class, no `.`, no nested class and no
//! class set operator, so that it also keeps its meaning through the
//! ECMAScript rewriting the `jsonschema` crate applies to patterns.

/// A Go regular expression in the `regex` crate's syntax, or Go's reason
/// to refuse it (`invalid escape sequence: \Z`).
pub fn translate(pattern: &str) -> Result<String, String> {
    Translator {
        chars: pattern.chars().collect(),
        at: 0,
        out: String::with_capacity(pattern.len() + 8),
        groups: vec![false],
        last: Last::Nothing,
    }
    .run()
}

/// A Go regular expression compiled with Go's meaning; an error in Go's
/// words (`error parsing regexp: missing closing ]: `[a``).
pub fn compile(pattern: &str) -> Result<regex::Regex, String> {
    let translated = translate(pattern).map_err(|e| format!("error parsing regexp: {e}"))?;
    regex::Regex::new(&translated).map_err(|e| {
        let text = e.to_string();
        let reason = text
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix("error:"))
            .unwrap_or(&text)
            .trim()
            .to_owned();
        format!("error parsing regexp: {reason}: `{pattern}`")
    })
}

/// What the last item written can take: a repetition or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing to repeat (the start, after `(` or `|`).
    Nothing,
    /// An atom.
    Atom,
    /// A repetition (starting at that index), which Go refuses to repeat
    /// again.
    Repeat(usize),
}

struct Translator {
    chars: Vec<char>,
    at: usize,
    out: String,
    /// Per open group, whether `.` matches `\n` (the `s` flag).
    groups: Vec<bool>,
    last: Last,
}

/// Go's `\d`, `\s`, `\w` as character ranges.
const DIGIT: &[(char, char)] = &[('0', '9')];
const SPACE: &[(char, char)] = &[('\t', '\n'), ('\x0C', '\r'), (' ', ' ')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

/// Go's POSIX classes (`[:alpha:]`), ASCII only.
fn posix(name: &str) -> Option<&'static [(char, char)]> {
    Some(match name {
        "alnum" => &[('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => &[('A', 'Z'), ('a', 'z')],
        "ascii" => &[('\0', '\x7F')],
        "blank" => &[('\t', '\t'), (' ', ' ')],
        "cntrl" => &[('\0', '\x1F'), ('\x7F', '\x7F')],
        "digit" => DIGIT,
        "graph" => &[('!', '~')],
        "lower" => &[('a', 'z')],
        "print" => &[(' ', '~')],
        "punct" => &[('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => &[('\t', '\r'), (' ', ' ')],
        "upper" => &[('A', 'Z')],
        "word" => WORD,
        "xdigit" => &[('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => return None,
    })
}

/// The ranges of `ranges` (sorted, disjoint), or of what they leave out.
fn ranges_text(ranges: &[(char, char)], negated: bool) -> String {
    let mut out = String::new();
    let mut push = |lo: char, hi: char| {
        out.push_str(&literal(lo));
        if hi != lo {
            out.push('-');
            out.push_str(&literal(hi));
        }
    };
    if !negated {
        for &(lo, hi) in ranges {
            push(lo, hi);
        }
        return out;
    }
    let mut next = 0u32;
    for &(lo, hi) in ranges {
        if (lo as u32) > next {
            push(
                char::from_u32(next).unwrap_or('\0'),
                char::from_u32(lo as u32 - 1).unwrap_or('\0'),
            );
        }
        next = hi as u32 + 1;
    }
    if next <= 0x10FFFF {
        push(char::from_u32(next).unwrap_or('\0'), '\u{10FFFF}');
    }
    out
}

/// A character as an escape the `regex` crate reads as that character
/// alone, anywhere.
fn hex(c: char) -> String {
    format!("\\x{{{:X}}}", c as u32)
}

/// A character as the `regex` crate reads it alone, anywhere: letters and
/// digits as they are, anything else as an escape.
fn literal(c: char) -> String {
    if c.is_ascii_alphanumeric() {
        c.to_string()
    } else {
        hex(c)
    }
}

/// Go's unicode class names: general categories, `Any`, and scripts
/// spelled as Go's table spells them (`Greek`, `Old_Italic`).
fn unicode_name(name: &str) -> bool {
    const CATEGORIES: &[&str] = &[
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N",
        "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm",
        "So", "Z", "Zl", "Zp", "Zs", "Any",
    ];
    CATEGORIES.contains(&name)
        || name.split('_').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.all(|c| c.is_ascii_alphanumeric())
        })
}

impl Translator {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn whole(&self) -> String {
        self.chars.iter().collect()
    }

    fn rest(&self, from: usize) -> String {
        self.chars[from..self.at.min(self.chars.len())]
            .iter()
            .collect()
    }

    fn run(mut self) -> Result<String, String> {
        while let Some(c) = self.peek(0) {
            match c {
                '(' => self.open()?,
                ')' => {
                    if self.groups.len() <= 1 {
                        return Err(format!("unexpected ): `{}`", self.whole()));
                    }
                    self.groups.pop();
                    self.out.push(')');
                    self.at += 1;
                    self.last = Last::Atom;
                }
                '|' => {
                    self.out.push('|');
                    self.at += 1;
                    self.last = Last::Nothing;
                }
                '*' | '+' | '?' => self.repeat(1)?,
                '{' => match self.counted()? {
                    Some(len) => self.repeat(len)?,
                    None => {
                        self.at += 1;
                        self.atom("\\{".into());
                    }
                },
                '[' => {
                    let class = self.class()?;
                    self.atom(class);
                }
                '.' => {
                    self.at += 1;
                    let any = if self.groups.last().copied().unwrap_or(false) {
                        "[\\x{0}-\\x{10FFFF}]"
                    } else {
                        "[^\\n]"
                    };
                    self.atom(any.into());
                }
                '^' | '$' => {
                    self.at += 1;
                    self.atom(c.to_string());
                }
                '\\' => self.escape()?,
                _ => {
                    self.at += 1;
                    let text = if c.is_alphanumeric() || c == '_' || c == ' ' || !c.is_ascii() {
                        c.to_string()
                    } else {
                        hex(c)
                    };
                    self.atom(text);
                }
            }
        }
        if self.groups.len() > 1 {
            return Err(format!("missing closing ): `{}`", self.whole()));
        }
        Ok(self.out)
    }

    fn atom(&mut self, text: String) {
        self.out.push_str(&text);
        self.last = Last::Atom;
    }

    /// A repetition operator `len` characters long at the cursor, and the
    /// `?` that makes it lazy.
    fn repeat(&mut self, len: usize) -> Result<(), String> {
        let start = self.at;
        self.at += len;
        if self.peek(0) == Some('?') {
            self.at += 1;
        }
        let text = self.rest(start);
        match self.last {
            Last::Nothing => {
                return Err(format!("missing argument to repetition operator: `{text}`"))
            }
            Last::Repeat(first) => {
                return Err(format!(
                    "invalid nested repetition operator: `{}`",
                    self.rest(first)
                ));
            }
            Last::Atom => {}
        }
        self.out.push_str(&text);
        self.last = Last::Repeat(start);
        Ok(())
    }

    /// Go's `parseRepeat` at a `{`: the length of a valid `{n}`, `{n,}`
    /// or `{n,m}`, `None` when the `{` is a literal; counts over 1000 are
    /// refused.
    fn counted(&self) -> Result<Option<usize>, String> {
        let int = |from: usize| -> Option<(u64, usize)> {
            let digits = self.chars[from..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 || (digits > 1 && self.chars[from] == '0') {
                return None;
            }
            let text: String = self.chars[from..from + digits].iter().collect();
            Some((text.parse().unwrap_or(u64::MAX), digits))
        };
        let start = self.at + 1;
        let Some((min, n)) = int(start) else {
            return Ok(None);
        };
        let mut i = start + n;
        let max = match self.chars.get(i) {
            Some(',') => {
                i += 1;
                match self.chars.get(i) {
                    Some('}') => None,
                    _ => {
                        let Some((max, n)) = int(i) else {
                            return Ok(None);
                        };
                        i += n;
                        Some(max)
                    }
                }
            }
            _ => Some(min),
        };
        if self.chars.get(i) != Some(&'}') {
            return Ok(None);
        }
        let len = i + 1 - self.at;
        if min > 1000 || max.is_some_and(|max| max > 1000 || max < min) {
            let text: String = self.chars[self.at..self.at + len].iter().collect();
            return Err(format!("invalid repeat count: `{text}`"));
        }
        Ok(Some(len))
    }

    /// A group: `(`, `(?:`, `(?flags)`, `(?flags:`, `(?P<name>`, `(?<name>`.
    fn open(&mut self) -> Result<(), String> {
        let start = self.at;
        let dotall = self.groups.last().copied().unwrap_or(false);
        if self.peek(1) != Some('?') {
            self.at += 1;
            self.out.push('(');
            self.groups.push(dotall);
            self.last = Last::Nothing;
            return Ok(());
        }
        let named = match (self.peek(2), self.peek(3)) {
            (Some('P'), Some('<')) => Some(4),
            (Some('<'), _) => Some(3),
            _ => None,
        };
        if let Some(skip) = named {
            let from = start + skip;
            let end = self.chars[from..].iter().position(|&c| c == '>');
            let Some(end) = end.map(|e| from + e) else {
                self.at = self.chars.len();
                return Err(format!("invalid named capture: `{}`", self.rest(start)));
            };
            let name: String = self.chars[from..end].iter().collect();
            self.at = end + 1;
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("invalid named capture: `{}`", self.rest(start)));
            }
            self.out.push_str(&format!("(?P<{name}>"));
            self.groups.push(dotall);
            self.last = Last::Nothing;
            return Ok(());
        }
        // Flags: `i`, `m`, `s`, `U`, one `-` before the ones to clear.
        self.at += 2;
        let mut flags = String::new();
        let mut negated = false;
        let mut saw_flag = false;
        let mut dot = dotall;
        while let Some(c) = self.peek(0) {
            self.at += 1;
            match c {
                'i' | 'm' | 's' | 'U' => {
                    if c == 's' {
                        dot = !negated;
                    }
                    flags.push(c);
                    saw_flag = true;
                }
                '-' if !negated => {
                    negated = true;
                    saw_flag = false;
                    flags.push('-');
                }
                ':' | ')' if !negated || saw_flag => {
                    if c == ':' {
                        self.out.push_str(&format!("(?{flags}:"));
                        self.groups.push(dot);
                        self.last = Last::Nothing;
                    } else {
                        if !flags.is_empty() {
                            self.out.push_str(&format!("(?{flags})"));
                        }
                        if let Some(current) = self.groups.last_mut() {
                            *current = dot;
                        }
                    }
                    return Ok(());
                }
                _ => break,
            }
        }
        Err(format!(
            "invalid or unsupported Perl syntax: `{}`",
            self.rest(start)
        ))
    }

    /// An escape outside a class.
    fn escape(&mut self) -> Result<(), String> {
        let start = self.at;
        let Some(c) = self.peek(1) else {
            self.at += 1;
            return Err("trailing backslash at end of expression: ``".into());
        };
        let simple = match c {
            'A' => Some("\\A".to_owned()),
            'z' => Some("\\z".to_owned()),
            'b' => Some("(?-u:\\b)".to_owned()),
            'B' => Some("(?-u:\\B)".to_owned()),
            'd' | 'D' => Some(format!("[{}]", ranges_text(DIGIT, c == 'D'))),
            's' | 'S' => Some(format!("[{}]", ranges_text(SPACE, c == 'S'))),
            'w' | 'W' => Some(format!("[{}]", ranges_text(WORD, c == 'W'))),
            _ => None,
        };
        if let Some(text) = simple {
            self.at += 2;
            self.atom(text);
            return Ok(());
        }
        match c {
            'Q' => {
                self.at += 2;
                let mut text = String::new();
                while let Some(c) = self.peek(0) {
                    if c == '\\' && self.peek(1) == Some('E') {
                        self.at += 2;
                        break;
                    }
                    self.at += 1;
                    text.push(c);
                }
                for c in text.chars() {
                    self.atom(hex(c));
                }
                Ok(())
            }
            'p' | 'P' => {
                let class = self.unicode_class(start)?;
                self.atom(class);
                Ok(())
            }
            _ => {
                let c = self.class_char(start)?;
                self.atom(hex(c));
                Ok(())
            }
        }
    }

    /// `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}` at `start`.
    fn unicode_class(&mut self, start: usize) -> Result<String, String> {
        let upper = self.peek(1) == Some('P');
        self.at += 2;
        let name: String = match self.peek(0) {
            Some('{') => {
                let from = self.at + 1;
                let end = self.chars[from..].iter().position(|&c| c == '}');
                let Some(end) = end.map(|e| from + e) else {
                    self.at = self.chars.len();
                    return Err(format!(
                        "invalid character class range: `{}`",
                        self.rest(start)
                    ));
                };
                self.at = end + 1;
                self.chars[from..end].iter().collect()
            }
            Some(c) => {
                self.at += 1;
                c.to_string()
            }
            None => {
                return Err(format!(
                    "invalid character class range: `{}`",
                    self.rest(start)
                ))
            }
        };
        let (negated, name) = match name.strip_prefix('^') {
            Some(rest) => (!upper, rest.to_owned()),
            None => (upper, name),
        };
        if !unicode_name(&name) {
            return Err(format!(
                "invalid character class range: `{}`",
                self.rest(start)
            ));
        }
        Ok(format!("\\{}{{{name}}}", if negated { 'P' } else { 'p' }))
    }

    /// Go's `parseEscape` at `start` (a backslash): the character it
    /// stands for.
    fn class_char(&mut self, start: usize) -> Result<char, String> {
        let invalid = |t: &Self| format!("invalid escape sequence: `{}`", t.rest(start));
        let Some(c) = self.peek(1) else {
            self.at += 1;
            return Err("trailing backslash at end of expression: ``".into());
        };
        self.at += 2;
        let octal = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
        match c {
            '1'..='7' if !octal(self.peek(0)) => Err(invalid(self)),
            '0'..='7' => {
                let mut value = c as u32 - '0' as u32;
                for _ in 0..2 {
                    match self.peek(0) {
                        Some(d) if octal(Some(d)) => {
                            value = value * 8 + (d as u32 - '0' as u32);
                            self.at += 1;
                        }
                        _ => break,
                    }
                }
                char::from_u32(value).ok_or_else(|| invalid(self))
            }
            'x' => {
                let digits: String = if self.peek(0) == Some('{') {
                    let from = self.at + 1;
                    let end = self.chars[from..].iter().position(|&c| c == '}');
                    let Some(end) = end.map(|e| from + e) else {
                        self.at = self.chars.len();
                        return Err(invalid(self));
                    };
                    self.at = end + 1;
                    self.chars[from..end].iter().collect()
                } else {
                    let two: String = self.chars[self.at..].iter().take(2).collect();
                    self.at += two.chars().count();
                    if two.chars().count() < 2 {
                        return Err(invalid(self));
                    }
                    two
                };
                if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(invalid(self));
                }
                u32::from_str_radix(&digits, 16)
                    .ok()
                    .filter(|v| *v <= 0x10FFFF)
                    .and_then(char::from_u32)
                    .ok_or_else(|| invalid(self))
            }
            'a' => Ok('\x07'),
            'f' => Ok('\x0C'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            't' => Ok('\t'),
            'v' => Ok('\x0B'),
            c if c.is_ascii() && !c.is_ascii_alphanumeric() => Ok(c),
            _ => Err(invalid(self)),
        }
    }

    /// A character class, `[` at the cursor, as Go's `parseClass` reads it.
    fn class(&mut self) -> Result<String, String> {
        let start = self.at;
        let missing = |t: &Self| format!("missing closing ]: `{}`", t.rest(start));
        self.at += 1;
        let mut out = String::from("[");
        if self.peek(0) == Some('^') {
            self.at += 1;
            out.push('^');
        }
        let mut first = true;
        loop {
            match self.peek(0) {
                None => {
                    self.at = self.chars.len();
                    return Err(missing(self));
                }
                Some(']') if !first => {
                    self.at += 1;
                    break;
                }
                _ => {}
            }
            first = false;
            let item = self.at;
            // `[:alpha:]`, `[:^alpha:]`.
            if self.peek(0) == Some('[') && self.peek(1) == Some(':') {
                let from = self.at + 2;
                let close = self.chars[from..]
                    .windows(2)
                    .position(|w| w == [':', ']'])
                    .map(|p| from + p);
                if let Some(close) = close {
                    let name: String = self.chars[from..close].iter().collect();
                    self.at = close + 2;
                    let (negated, bare) = match name.strip_prefix('^') {
                        Some(bare) => (true, bare),
                        None => (false, name.as_str()),
                    };
                    let Some(ranges) = posix(bare) else {
                        return Err(format!(
                            "invalid character class range: `{}`",
                            self.rest(item)
                        ));
                    };
                    out.push_str(&ranges_text(ranges, negated));
                    continue;
                }
            }
            if self.peek(0) == Some('\\') {
                let perl = match self.peek(1) {
                    Some(c @ ('d' | 'D')) => Some((DIGIT, c == 'D')),
                    Some(c @ ('s' | 'S')) => Some((SPACE, c == 'S')),
                    Some(c @ ('w' | 'W')) => Some((WORD, c == 'W')),
                    _ => None,
                };
                if let Some((ranges, negated)) = perl {
                    self.at += 2;
                    out.push_str(&ranges_text(ranges, negated));
                    continue;
                }
                if matches!(self.peek(1), Some('p' | 'P')) {
                    let class = self.unicode_class(item)?;
                    out.push_str(&class);
                    continue;
                }
            }
            let lo = self.class_atom(start)?;
            let mut hi = lo;
            if self.peek(0) == Some('-') && self.peek(1).is_some_and(|c| c != ']') {
                self.at += 1;
                hi = self.class_atom(start)?;
                if hi < lo {
                    return Err(format!(
                        "invalid character class range: `{}`",
                        self.rest(item)
                    ));
                }
            }
            out.push_str(&ranges_text(&[(lo, hi)], false));
        }
        out.push(']');
        Ok(out)
    }

    /// One character of a class: itself, or an escape.
    fn class_atom(&mut self, class_start: usize) -> Result<char, String> {
        match self.peek(0) {
            None => {
                self.at = self.chars.len();
                Err(format!("missing closing ]: `{}`", self.rest(class_start)))
            }
            Some('\\') => {
                let at = self.at;
                self.class_char(at)
            }
            Some(c) => {
                self.at += 1;
                Ok(c)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> Result<bool, String> {
        compile(pattern).map(|re| re.is_match(text))
    }

    /// Verdicts of Go's `regexp` (checked against the Helm SDK, which
    /// validates patterns with it).
    #[test]
    fn go_meaning() {
        let cases: &[(&str, &str, bool)] = &[
            (r"^x\sy$", "x\u{a0}y", false),
            (r"^x\sy$", "x y", true),
            (r"^[[:alpha:]]+$", "abc", true),
            (r"^[[:^alpha:]]+$", "12", true),
            (r"^\Qa.b\E$", "a.b", true),
            (r"^\Qa.b\E$", "axb", false),
            (r"^\<a$", "<a", true),
            (r"^a{x}$", "a{x}", true),
            (r"^a{01}$", "a{01}", true),
            (r"^[a&&b]$", "&", true),
            (r"^.$", "\r", true),
            (r"^.$", "\n", false),
            (r"(?s)^.$", "\n", true),
            (r"^(?s:.)(.)$", "\nx", true),
            (r"^(?s:.).$", "\n\n", false),
            (r"^\12$", "\n", true),
            (r"\bé", "aé", true),
            (r"^\p{Greek}$", "α", true),
            (r"^\d+$", "٣", false),
            (r"^[\d]+$", "٣", false),
            (r"^\w+$", "é", false),
            (r"^[^\w]$", "é", true),
            (r"^[\W]$", "é", true),
            (r"^[\S]$", "\u{a0}", true),
            (r"^a{2,3}?$", "aa", true),
            (r"^[]a]$", "]", true),
            (r"^[a-]$", "-", true),
            (r"^\x41\x{42}$", "AB", true),
            (r"^(?P<n>a)(?<m>b)$", "ab", true),
            (r"(?i)^K$", "k", true),
            (r"^\.$", ".", true),
            (r"^#$", "#", true),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(
                matches(pattern, text),
                Ok(*expected),
                "{pattern} on {text:?}"
            );
        }
    }

    #[test]
    fn go_refusals() {
        for (pattern, reason) in [
            (r"^a{1001}$", "invalid repeat count: `{1001}`"),
            (r"(?x)a b", "invalid or unsupported Perl syntax: `(?x`"),
            (r"^\1$", r"invalid escape sequence: `\1`"),
            (r"a**", "invalid nested repetition operator: `**`"),
            (r"a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
            (r"\Z", r"invalid escape sequence: `\Z`"),
            (r"*a", "missing argument to repetition operator: `*`"),
            (r"[a", "missing closing ]: `[a`"),
            (r"(a", "missing closing ): `(a`"),
            (r"a)", "unexpected ): `a)`"),
            (r"[[:foo:]]", "invalid character class range: `[:foo:]`"),
            (r"[z-a]", "invalid character class range: `z-a`"),
            (r"\p{greek}", r"invalid character class range: `\p{greek}`"),
        ] {
            assert_eq!(translate(pattern).unwrap_err(), reason, "{pattern}");
        }
        assert!(compile("(?=x)").is_err());
    }
}
