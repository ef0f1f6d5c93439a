//! The glob patterns of `.Files.Glob`: `github.com/gobwas/glob` compiled
//! with `/` as the separator, as Helm compiles them.
//!
//! - `*` matches any run of characters but `/`, hidden names included
//!   (`*` matches `.helmignore`);
//! - `**` matches any run of characters, `/` included (`**.txt` matches
//!   `d/f.txt`);
//! - `?` matches one character but `/`;
//! - `[abc]`, `[a-z]`, `[!a-z]` match one character of (or not of) a set;
//! - `{a,b/c}` matches any of its alternatives, each a pattern itself;
//! - `\` escapes the next character.
//!
//! A pattern gobwas cannot compile (an unclosed `[` or `{`) matches every
//! file, as Helm falls back to `**`. Matching walks the sets of positions a
//! pattern can reach, so its time is polynomial in the pattern and the
//! name, however many stars and alternatives a template writes.

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Glob(Vec<Tok>);

#[derive(Debug, Clone)]
enum Tok {
    Char(char),
    /// `?`.
    Single,
    /// `*`.
    Star,
    /// `**`.
    Super,
    /// `[…]`: ranges (a single character is a range of one), negated or not.
    Class {
        not: bool,
        ranges: Vec<(char, char)>,
    },
    /// `{…,…}`.
    Any(Vec<Vec<Tok>>),
}

impl Glob {
    /// `pattern` as Helm compiles it: a pattern gobwas refuses becomes
    /// `**`, which matches everything.
    pub fn new(pattern: &str) -> Glob {
        let chars: Vec<char> = pattern.chars().collect();
        let mut at = 0;
        match parse(&chars, &mut at, false) {
            Some(toks) if at == chars.len() => Glob(toks),
            _ => Glob(vec![Tok::Super]),
        }
    }

    /// Whether `name` (a `/`-separated path) matches the whole pattern.
    pub fn matches(&self, name: &str) -> bool {
        let chars: Vec<char> = name.chars().collect();
        let mut start = vec![false; chars.len() + 1];
        start[0] = true;
        ends(&self.0, &chars, start)[chars.len()]
    }
}

/// Parses tokens up to the end, or (inside braces) up to a `,` or `}`
/// left for the caller.
fn parse(chars: &[char], at: &mut usize, in_braces: bool) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    while let Some(&c) = chars.get(*at) {
        match c {
            ',' | '}' if in_braces => return Some(toks),
            '\\' => {
                toks.push(Tok::Char(*chars.get(*at + 1)?));
                *at += 2;
            }
            '?' => {
                toks.push(Tok::Single);
                *at += 1;
            }
            '*' => {
                if chars.get(*at + 1) == Some(&'*') {
                    toks.push(Tok::Super);
                    *at += 2;
                } else {
                    toks.push(Tok::Star);
                    *at += 1;
                }
            }
            '[' => {
                *at += 1;
                toks.push(class(chars, at)?);
            }
            '{' => {
                *at += 1;
                let mut alternatives = Vec::new();
                loop {
                    alternatives.push(parse(chars, at, true)?);
                    match chars.get(*at) {
                        Some(',') => *at += 1,
                        Some('}') => {
                            *at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                toks.push(Tok::Any(alternatives));
            }
            other => {
                toks.push(Tok::Char(other));
                *at += 1;
            }
        }
    }
    // Inside braces the input ended before the closing `}`.
    (!in_braces).then_some(toks)
}

/// A `[…]` class, `at` just past the `[`.
fn class(chars: &[char], at: &mut usize) -> Option<Tok> {
    let not = chars.get(*at) == Some(&'!');
    if not {
        *at += 1;
    }
    let mut ranges = Vec::new();
    loop {
        let c = *chars.get(*at)?;
        if c == ']' {
            *at += 1;
            break;
        }
        if chars.get(*at + 1) == Some(&'-') && chars.get(*at + 2).is_some_and(|&h| h != ']') {
            ranges.push((c, chars[*at + 2]));
            *at += 3;
        } else {
            ranges.push((c, c));
            *at += 1;
        }
    }
    // gobwas refuses an empty class.
    (!ranges.is_empty()).then_some(Tok::Class { not, ranges })
}

/// The positions of `name` the tokens can end at, from any of `start`.
fn ends(toks: &[Tok], name: &[char], mut at: Vec<bool>) -> Vec<bool> {
    let n = name.len();
    for tok in toks {
        let mut next = vec![false; n + 1];
        match tok {
            Tok::Star | Tok::Super => {
                let crosses = matches!(tok, Tok::Super);
                let mut open = false;
                for i in 0..=n {
                    open |= at[i];
                    next[i] = open;
                    if i < n && !crosses && name[i] == '/' {
                        open = false;
                    }
                }
            }
            Tok::Any(alternatives) => {
                for alternative in alternatives {
                    for (i, reached) in ends(alternative, name, at.clone()).into_iter().enumerate()
                    {
                        next[i] |= reached;
                    }
                }
            }
            one => {
                for i in (0..n).filter(|&i| at[i]) {
                    next[i + 1] = matches_one(one, name[i]);
                }
            }
        }
        at = next;
    }
    at
}

fn matches_one(tok: &Tok, c: char) -> bool {
    match tok {
        Tok::Char(x) => *x == c,
        Tok::Single => c != '/',
        Tok::Class { not, ranges } => ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *not,
        Tok::Star | Tok::Super | Tok::Any(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files and patterns probed with the Helm v4.2.3 SDK: what
    /// `range $k, $v := .Files.Glob P` lists of `.h`, `d/.i`, `d/f.txt`,
    /// `d/g/h.txt`, `e.txt`.
    #[test]
    fn matches_as_helm_globs_files() {
        let files = [".h", "d/.i", "d/f.txt", "d/g/h.txt", "e.txt"];
        let cases: &[(&str, &[&str])] = &[
            ("*", &[".h", "e.txt"]),
            ("d/*", &["d/.i", "d/f.txt"]),
            ("d/**", &["d/.i", "d/f.txt", "d/g/h.txt"]),
            ("{e,d/f}.txt", &["d/f.txt", "e.txt"]),
            ("?.txt", &["e.txt"]),
            ("[a-e].txt", &["e.txt"]),
            ("[!a-d].txt", &["e.txt"]),
            ("**/h.txt", &["d/g/h.txt"]),
            ("d/**/h.txt", &["d/g/h.txt"]),
            ("**.txt", &["d/f.txt", "d/g/h.txt", "e.txt"]),
            ("*.txt", &["e.txt"]),
            ("**", &files),
            ("d", &[]),
            ("d/", &[]),
            (".*", &[".h"]),
            ("*/*", &["d/.i", "d/f.txt"]),
            ("e.tx?", &["e.txt"]),
            ("[", &files),
            ("d/{g/h,f}.txt", &["d/f.txt", "d/g/h.txt"]),
            ("D/*", &[]),
        ];
        for (pattern, want) in cases {
            let glob = Glob::new(pattern);
            let got: Vec<&str> = files.iter().copied().filter(|f| glob.matches(f)).collect();
            assert_eq!(&got, want, "pattern {pattern:?}");
        }
    }

    #[test]
    fn escapes_and_unclosed_braces() {
        assert!(Glob::new(r"\*.txt").matches("*.txt"));
        assert!(!Glob::new(r"\*.txt").matches("a.txt"));
        // An unclosed brace or class falls back to `**`.
        assert!(Glob::new("{a,b").matches("any/thing"));
        assert!(Glob::new("[]").matches("x"));
    }

    #[test]
    fn many_stars_and_alternatives_stay_fast() {
        let pattern = "{a,b}".repeat(40) + &"?*".repeat(40);
        let name = "ab".repeat(200);
        assert!(!Glob::new(&pattern).matches(&(name.clone() + "/")));
        assert!(Glob::new(&pattern).matches(&name));
    }
}
