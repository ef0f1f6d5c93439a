//! xstrings' word-based case conversions, as the version Helm bundles
//! behaves: `camelcase` is upper camel case that lowers the rest of an
//! all-caps word (`HELLO_WORLD` → `HelloWorld`), `snakecase` and
//! `kebabcase` split words at case changes and numbers.

use super::strings::{go_is_space, lower_char, upper_char};

/// Go's `unicode.IsPunct`: exact for ASCII, the common blocks beyond.
fn is_punct(ch: char) -> bool {
    if ch.is_ascii() {
        return matches!(
            ch,
            '!' | '"'
                | '#'
                | '%'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '@'
                | '['
                | '\\'
                | ']'
                | '_'
                | '{'
                | '}'
        );
    }
    matches!(
        ch as u32,
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003
            | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F
    )
}

/// A space, `-` or `_`.
fn is_connector(ch: char) -> bool {
    ch == '-' || ch == '_' || go_is_space(ch)
}

/// A letter other than a CJK ideograph.
fn is_alphabet(ch: char) -> bool {
    ch.is_alphabetic()
        && !matches!(ch as u32, 0x4E00..=0x9FCC | 0x3400..=0x4D85 | 0x20000..=0x2B81D)
}

/// `ToCamelCase`: connectors dropped, the next letter upper-cased, and
/// an upper-case word's following capitals lowered.
pub(super) fn camel_case(s: &str) -> String {
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len());
    let mut first_upper = false;
    let mut r0 = None;
    for ch in chars.by_ref() {
        if !is_connector(ch) {
            first_upper = ch.is_uppercase();
            r0 = Some(upper_char(ch));
            break;
        }
        out.push(ch);
    }
    let rest: Vec<char> = chars.collect();
    let Some(mut r0) = r0 else {
        // Only connectors: Go writes the last one twice.
        if let Some(last) = out.chars().last() {
            out.push(last);
        }
        return out;
    };
    for ch in rest {
        let r1 = r0;
        r0 = ch;
        if is_connector(r0) && is_connector(r1) {
            out.push(r1);
            continue;
        }
        if is_connector(r1) {
            first_upper = r0.is_uppercase();
            r0 = upper_char(r0);
        } else {
            if first_upper {
                if r0.is_uppercase() {
                    r0 = lower_char(r0);
                } else {
                    first_upper = false;
                }
            }
            out.push(r1);
        }
    }
    out.push(r0);
    out
}

/// The kinds of word `nextWord` tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    /// The end of the text.
    Invalid,
    Number,
    Upper,
    Alphabet,
    Connector,
    Punct,
    Other,
}

/// xstrings' `nextWord`: the kind and text of the first word of `s`.
fn next_word(s: &str) -> (Word, &str, &str) {
    let mut it = s.char_indices().peekable();
    let Some((_, first)) = it.next() else {
        return (Word::Invalid, "", "");
    };
    let end_while = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                     keep: &dyn Fn(char) -> bool| {
        while let Some(&(i, ch)) = it.peek() {
            if !keep(ch) {
                return i;
            }
            it.next();
        }
        s.len()
    };
    let (kind, end) = if is_connector(first) {
        (Word::Connector, end_while(&mut it, &is_connector))
    } else if is_punct(first) {
        (Word::Punct, end_while(&mut it, &is_punct))
    } else if first.is_uppercase() {
        match it.peek().map(|&(_, c)| c) {
            Some(next) if next.is_uppercase() => {
                // "HTTPStatus": the capitals up to, not including, the
                // one that starts the next word.
                let mut last_start = first.len_utf8();
                let mut end = s.len();
                while let Some(&(i, ch)) = it.peek() {
                    if !ch.is_uppercase() {
                        end = i;
                        break;
                    }
                    last_start = i;
                    it.next();
                }
                if end < s.len() && s[end..].chars().next().is_some_and(is_alphabet) {
                    end = last_start;
                }
                (Word::Upper, end)
            }
            Some(next) if is_alphabet(next) => (
                Word::Upper,
                end_while(&mut it, &|c: char| is_alphabet(c) && !c.is_uppercase()),
            ),
            _ => (Word::Upper, first.len_utf8()),
        }
    } else if is_alphabet(first) {
        (
            Word::Alphabet,
            end_while(&mut it, &|c: char| is_alphabet(c) && !c.is_uppercase()),
        )
    } else if first.is_numeric() {
        (Word::Number, end_while(&mut it, &char::is_numeric))
    } else {
        let end = end_while(&mut it, &|c: char| {
            !(is_connector(c) || is_alphabet(c) || c.is_numeric() || is_punct(c))
        });
        (Word::Other, end)
    };
    (kind, &s[..end], &s[end..])
}

/// xstrings' `toLower` of one word: upper-case words and connectors
/// are lowered and turned into `connector`, others kept.
fn push_lower(out: &mut String, kind: Word, word: &str, connector: char) {
    if kind != Word::Upper && kind != Word::Connector {
        out.push_str(word);
        return;
    }
    for ch in word.chars() {
        if is_connector(ch) {
            out.push(connector);
        } else {
            out.push(lower_char(ch));
        }
    }
}

/// `ToSnakeCase` (`connector` `_`) and `ToKebabCase` (`-`).
pub(super) fn snake_case(s: &str, connector: char) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(s.len() + 4);
    let (mut kind, mut word, mut rest) = next_word(s);
    while !rest.is_empty() {
        if kind != Word::Connector {
            push_lower(&mut out, kind, word, connector);
        }
        let prev = kind;
        let last = word;
        (kind, word, rest) = next_word(rest);
        match prev {
            Word::Number => {
                while kind == Word::Alphabet || kind == Word::Number {
                    push_lower(&mut out, kind, word, connector);
                    (kind, word, rest) = next_word(rest);
                }
                if kind != Word::Invalid && kind != Word::Punct && kind != Word::Connector {
                    out.push(connector);
                }
            }
            Word::Connector => push_lower(&mut out, prev, last, connector),
            Word::Punct => {}
            _ => {
                if kind != Word::Number {
                    if kind != Word::Connector && kind != Word::Punct {
                        out.push(connector);
                    }
                    continue;
                }
                if rest.is_empty() {
                    continue;
                }
                let number = word;
                (kind, word, rest) = next_word(rest);
                if kind != Word::Alphabet {
                    push_lower(&mut out, Word::Number, number, connector);
                    if kind != Word::Connector && kind != Word::Punct {
                        out.push(connector);
                    }
                    continue;
                }
                out.push(connector);
                push_lower(&mut out, Word::Number, number, connector);
                while kind == Word::Alphabet || kind == Word::Number {
                    push_lower(&mut out, kind, word, connector);
                    (kind, word, rest) = next_word(rest);
                }
                if kind != Word::Invalid && kind != Word::Connector && kind != Word::Punct {
                    out.push(connector);
                }
            }
        }
    }
    push_lower(&mut out, kind, word, connector);
    out
}
