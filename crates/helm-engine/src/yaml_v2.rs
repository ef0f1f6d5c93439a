//! Helm's `toYaml`, `toYamlPretty` and `toJson`, byte for byte.
//!
//! `toJson` is Go's `encoding/json.Marshal`. `toYaml` is
//! `sigs.k8s.io/yaml.Marshal` minus its final newline, which is a round trip
//! through three Go libraries, each leaving marks on the output:
//!
//! 1. `encoding/json` writes the value: NaN, infinities and functions make it
//!    fail (Helm then prints nothing), floats are written in Go's JSON form.
//! 2. go-yaml v2 reads that JSON back ([`Node::from_value`]): a number without
//!    fraction or exponent becomes an integer (`3.0` prints `3`), any other a
//!    float printed with Go's `%g`; characters YAML forbids make it fail; a raw
//!    NEL (U+0085, the one line break JSON leaves unescaped) folds like a YAML
//!    line break; a key over 1024 characters of JSON cannot be a simple key.
//! 3. go-yaml v2 writes YAML ([`Emitter`], a port of its libyaml emitter for
//!    the block-style documents it produces): map keys in its "natural"
//!    order ([`key_less`]), strings quoted when they would read back as
//!    something else ([`resolve::resolves_to_str`]) or the scalar analysis forbids the
//!    plain style, literal blocks for multi-line strings, long plain and quoted
//!    lines folded past column 80.

use std::borrow::Cow;

use gotemplate::Value;

use super::resolve;
use super::sprig::govalue::{go_float, MAX_DEPTH};
use super::sprig::json;

/// `toYaml`: the YAML Helm writes for a value, without the final newline.
///
/// Empty where Helm's own marshalling fails (NaN, infinities, functions,
/// characters YAML forbids), as Helm swallows the error.
pub(crate) fn to_yaml(value: &Value) -> String {
    let Some(node) = Node::from_value(value, MAX_DEPTH) else {
        return String::new();
    };
    let mut out = Emitter::document(&node);
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// `toYamlPretty`: go-yaml v3's encoder with a two-space indent, without
/// the final newline. Unlike `toYaml` the value is not marshalled through
/// JSON first (floats print `%g`, NaN `.nan`), sequences are indented under
/// their key and long strings never fold.
pub(crate) fn to_yaml_pretty(value: &Value) -> String {
    let Some(node) = Node::from_value_v3(value, MAX_DEPTH) else {
        return String::new();
    };
    let mut out = Emitter::document_with(&node, usize::MAX, true);
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// `toJson`: Go's `encoding/json` text for a value.
///
/// Empty where `json.Marshal` fails (NaN, infinities, functions), as Helm
/// swallows the error. (The template function is `sprig::helm::to_json`;
/// this is what the tables below compare `toYaml` with.)
#[cfg(test)]
pub(crate) fn to_json(value: &Value) -> String {
    json::encode(value, json::Style::Marshal).unwrap_or_default()
}

/// The text go-yaml v2 prints for a float that went through JSON: the JSON
/// number reads back as an integer when it has no fraction or exponent and
/// fits 64 bits (`3.0` → `3`, `1e19` → `10000000000000000000`), else as a
/// float (`1e20` → `1e+20`, `1234567.5` → `1.2345675e+06`).
fn yaml_number(f: f64) -> Option<String> {
    let json = json::float(f).ok()?;
    if !json.contains(['.', 'e']) {
        // `-0` reads back as the integer 0.
        if let Ok(int) = json.parse::<i64>() {
            return Some(int.to_string());
        }
        if let Ok(uint) = json.parse::<u64>() {
            return Some(uint.to_string());
        }
    }
    Some(go_float(f))
}

// ---------------------------------------------------------------------------
// go-yaml v2 reading the JSON back
// ---------------------------------------------------------------------------

/// NEL, the line break `encoding/json` leaves unescaped.
const NEL: char = '\u{85}';

/// The longest JSON text, quotes included, go-yaml v2 accepts as a map key:
/// an implicit key must end within 1024 characters.
const MAX_JSON_KEY_LEN: usize = 1024;

/// A value as go-yaml v2 holds it after decoding the JSON for it.
enum Node<'a> {
    /// `null`, a boolean or a number, as go-yaml prints it (always plain).
    Scalar(String),
    /// A string.
    Str(Cow<'a, str>),
    /// A sequence.
    Seq(Vec<Node<'a>>),
    /// A mapping, in go-yaml's key order.
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl Node<'static> {
    /// Runs `value` through `json.Marshal` and go-yaml's decoder; `None` where
    /// either fails (a map nested past `depth` is Go's "encountered a
    /// cycle").
    fn from_value(value: &Value, depth: usize) -> Option<Self> {
        let depth = depth.checked_sub(1)?;
        Some(match value {
            Value::Nil => Node::Scalar("null".to_owned()),
            // A nil map is JSON's `null`.
            Value::Map(map) if map.is_nil() => Node::Scalar("null".to_owned()),
            Value::Bool(b) => Node::Scalar(b.to_string()),
            Value::Int(i) | Value::Int64(i) => Node::Scalar(i.to_string()),
            Value::Uint(u) => Node::Scalar(u.to_string()),
            Value::Float(f) => Node::Scalar(yaml_number(*f)?),
            Value::String(s) => Node::Str(Cow::Owned(decode_json_string(s)?.into_owned())),
            Value::Object(_) if super::sprig::crypto::struct_fields(value, false).is_some() => {
                let fields = super::sprig::crypto::struct_fields(value, false)?;
                return Node::from_value(&Value::Map(fields), depth + 1);
            }
            Value::Object(_) if super::sprig::govalue::reflect_view(value).is_some() => {
                let view = super::sprig::govalue::reflect_view(value)?;
                return Node::from_value(&view, depth + 1);
            }
            // A struct is a map once through JSON (go-yaml sorts its keys).
            Value::Object(o) if o.json_fields().is_some() => {
                let fields = o.json_fields()?;
                let map = gotemplate::Map::from_entries(
                    gotemplate::MapKind::Any,
                    fields
                        .into_iter()
                        .map(|(k, v)| (gotemplate::Str::from(k), v))
                        .collect(),
                );
                return Node::from_value(&Value::Map(map), depth + 1);
            }
            // JSON writes bytes and Go objects (times, versions) as strings.
            Value::Bytes(_) | Value::Object(_) => {
                let text = json::encode(value, json::Style::Marshal).ok()?;
                let text: String = serde_json::from_str(&text).ok()?;
                Node::Str(Cow::Owned(decode_json_string(&text)?.into_owned()))
            }
            Value::List(items) => Node::Seq(
                items
                    .iter()
                    .map(|item| Node::from_value(item, depth))
                    .collect::<Option<_>>()?,
            ),
            Value::Map(map) => {
                let entries = map.snapshot();
                if !entries.iter().all(|(key, _)| is_decodable_key(key)) {
                    return None;
                }
                let mut order: Vec<usize> = (0..entries.len()).collect();
                merge_sort(&mut order, &|a, b| key_less(&entries[*a].0, &entries[*b].0));
                let entries = order
                    .into_iter()
                    .map(|i| {
                        let (key, item) = &entries[i];
                        Some((Cow::Owned(key.to_string()), Node::from_value(item, depth)?))
                    })
                    .collect::<Option<_>>()?;
                Node::Map(entries)
            }
        })
    }
}

impl Node<'static> {
    /// `value` as go-yaml v3 encodes a Go value: numbers as Go formats
    /// them, a `time.Time` in RFC 3339, a `*semver.Version` as its text.
    fn from_value_v3(value: &Value, depth: usize) -> Option<Self> {
        let depth = depth.checked_sub(1)?;
        Some(match value {
            Value::Nil => Node::Scalar("null".to_owned()),
            // A nil map is JSON's `null`.
            Value::Map(map) if map.is_nil() => Node::Scalar("null".to_owned()),
            Value::Bool(b) => Node::Scalar(b.to_string()),
            Value::Int(i) | Value::Int64(i) => Node::Scalar(i.to_string()),
            Value::Uint(u) => Node::Scalar(u.to_string()),
            Value::Float(f) if f.is_nan() => Node::Scalar(".nan".to_owned()),
            Value::Float(f) if f.is_infinite() => {
                Node::Scalar(if *f > 0.0 { ".inf" } else { "-.inf" }.to_owned())
            }
            Value::Float(f) => Node::Scalar(go_float(*f)),
            Value::String(s) => Node::Str(Cow::Owned(s.to_string())),
            Value::Bytes(b) => {
                Node::Scalar(format!("!!binary {}", super::sprig::base64::encode(b)))
            }
            Value::Object(_) => {
                if let Some(fields) = super::sprig::crypto::struct_fields(value, true) {
                    return Node::from_value_v3(&Value::Map(fields), depth + 1);
                }
                let text = json::encode(value, json::Style::Marshal).ok()?;
                let text: String = serde_json::from_str(&text).ok()?;
                match value {
                    // A time is a timestamp, written plain.
                    Value::Object(o) if o.type_name() == "time.Time" => Node::Scalar(text),
                    _ => Node::Str(Cow::Owned(text)),
                }
            }
            Value::List(items) => Node::Seq(
                items
                    .iter()
                    .map(|item| Node::from_value_v3(item, depth))
                    .collect::<Option<_>>()?,
            ),
            Value::Map(map) => {
                let entries = map.snapshot();
                let mut order: Vec<usize> = (0..entries.len()).collect();
                merge_sort(&mut order, &|a, b| key_less(&entries[*a].0, &entries[*b].0));
                let entries = order
                    .into_iter()
                    .map(|i| {
                        let (key, item) = &entries[i];
                        Some((
                            Cow::Owned(key.to_string()),
                            Node::from_value_v3(item, depth)?,
                        ))
                    })
                    .collect::<Option<_>>()?;
                Node::Map(entries)
            }
        })
    }
}

/// Whether go-yaml's reader accepts `c` in the JSON text: it rejects the C1
/// controls (but NEL), DEL and U+FFFE/U+FFFF, which JSON leaves unescaped.
fn is_readable(c: char) -> bool {
    !matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether go-yaml reads a JSON object key back: it must fit on one line and
/// within [`MAX_JSON_KEY_LEN`], or the `:` after it is not taken as a key's.
fn is_decodable_key(key: &str) -> bool {
    let json_len = json::quoted(key).chars().count();
    json_len <= MAX_JSON_KEY_LEN && !key.contains(NEL) && key.chars().all(is_readable)
}

/// The string go-yaml reads from the JSON for `s`; `None` where it fails.
///
/// Only raw spaces and NELs are whitespace to its double-quoted scanner (JSON
/// escapes every other space and break), so only a NEL changes the string:
/// it folds like a line break, eating the spaces around it, and a line that
/// starts with a document marker is an error.
fn decode_json_string(s: &str) -> Option<Cow<'_, str>> {
    if !s.chars().all(is_readable) {
        return None;
    }
    if !s.contains(NEL) {
        return Some(Cow::Borrowed(s));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut line_start = false;
    loop {
        if line_start && starts_with_document_marker(&chars[i..]) {
            return None;
        }
        while i < chars.len() && chars[i] != ' ' && chars[i] != NEL {
            out.push(chars[i]);
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let mut spaces = 0;
        let mut first_break = false;
        let mut more_breaks = 0;
        while i < chars.len() && (chars[i] == ' ' || chars[i] == NEL) {
            if chars[i] == NEL {
                if first_break {
                    more_breaks += 1;
                } else {
                    first_break = true;
                }
            } else if !first_break {
                spaces += 1;
            }
            line_start = chars[i] == NEL;
            i += 1;
        }
        if !first_break {
            out.extend(std::iter::repeat_n(' ', spaces));
        } else if more_breaks == 0 {
            out.push(' ');
        } else {
            out.extend(std::iter::repeat_n('\n', more_breaks));
        }
    }
    Some(Cow::Owned(out))
}

/// Whether a line of a quoted scalar starts with `---` or `...` followed by
/// whitespace, which go-yaml's scanner rejects.
fn starts_with_document_marker(line: &[char]) -> bool {
    matches!(
        line,
        ['-', '-', '-', ' ' | NEL, ..] | ['.', '.', '.', ' ' | NEL, ..]
    )
}

// ---------------------------------------------------------------------------
// go-yaml v2's key order (sorter.go)
// ---------------------------------------------------------------------------

/// go-yaml v2's `keyList.Less` for string keys: letters sort after
/// non-letters and among themselves by code point; runs of digits compare as
/// numbers (`a2` < `a10`), a longer run first when equal (`a1` < `a01`).
///
/// The order is not transitive for keys like `9_a9`, `19a0`, `1a09`; Go then
/// sorts map keys visited in random order, so Helm's own output varies
/// between runs, while ours is stable.
fn key_less(a: &str, b: &str) -> bool {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    for i in 0..ar.len().min(br.len()) {
        if ar[i] == br[i] {
            continue;
        }
        let (al, bl) = (is_go_letter(ar[i]), is_go_letter(br[i]));
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return bl;
        }
        let (mut an, mut bn) = (0_i64, 0_i64);
        if ar[i] == '0' || br[i] == '0' {
            for &c in ar[..i].iter().rev() {
                if !is_go_digit(c) {
                    break;
                }
                if c != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let ai = digit_run(&ar, i, &mut an);
        let bi = digit_run(&br, i, &mut bn);
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

/// Accumulates the digits from `start` into `n` as go-yaml does (wrapping, and
/// with Go's `rune - '0'` for non-ASCII digits); returns the end of the run.
fn digit_run(chars: &[char], start: usize, n: &mut i64) -> usize {
    let mut end = start;
    while end < chars.len() && is_go_digit(chars[end]) {
        *n = n
            .wrapping_mul(10)
            .wrapping_add(i64::from(u32::from(chars[end])) - i64::from(u32::from('0')));
        end += 1;
    }
    end
}

/// Go's `unicode.IsLetter` (general category L), approximated: Rust's
/// alphabetic property also counts letter numbers (Nl), which are numeric,
/// and some combining marks, which Go does not.
fn is_go_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

/// Go's `unicode.IsDigit` (category Nd), approximated: exact in Latin-1,
/// beyond it Rust's numeric property also counts other numbers (No).
fn is_go_digit(c: char) -> bool {
    if u32::from(c) <= 0xff {
        c.is_ascii_digit()
    } else {
        c.is_numeric() && !c.is_alphabetic()
    }
}

/// A stable merge sort by `less`. `slice::sort_by` may panic when the order
/// is not total, and [`key_less`] is not.
fn merge_sort<T: Copy>(items: &mut [T], less: &impl Fn(&T, &T) -> bool) {
    if items.len() < 2 {
        return;
    }
    let mid = items.len() / 2;
    merge_sort(&mut items[..mid], less);
    merge_sort(&mut items[mid..], less);
    let mut merged = Vec::with_capacity(items.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < items.len() {
        if less(&items[j], &items[i]) {
            merged.push(items[j]);
            j += 1;
        } else {
            merged.push(items[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&items[i..mid]);
    merged.extend_from_slice(&items[j..]);
    items.copy_from_slice(&merged);
}

// ---------------------------------------------------------------------------
// go-yaml v2's implicit typing (resolve.go)
// ---------------------------------------------------------------------------

/// Whether go-yaml v2 reads `s`, written plain, back as a string: its
/// `resolve` returns `!!str` and it is no YAML 1.1 base-60 float (`1:20`),
/// which go-yaml quotes for other parsers' sake.
fn can_be_plain(s: &str) -> bool {
    resolve::resolves_to_str(s) && !is_base60_float(s)
}

/// Whether `s` matches go-yaml v2's `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    i += 1;
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        match (b.get(i), b.get(i + 1)) {
            (Some(b'0'..=b'5'), Some(b'0'..=b'9')) => i += 2,
            (Some(b'0'..=b'9'), _) => i += 1,
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

// ---------------------------------------------------------------------------
// go-yaml v2's emitter (emitterc.go)
// ---------------------------------------------------------------------------

/// go-yaml's indentation step.
const BEST_INDENT: i32 = 2;
/// The column past which go-yaml folds long plain and quoted scalars.
const BEST_WIDTH: usize = 80;
/// The longest scalar, in bytes, go-yaml writes as an implicit key; a longer
/// one gets the explicit `? key` form.
const MAX_SIMPLE_KEY_LEN: usize = 128;

/// A scalar style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// Unquoted.
    Plain,
    /// `'…'`.
    SingleQuoted,
    /// `"…"`, with escapes.
    DoubleQuoted,
    /// `|` block.
    Literal,
}

/// What go-yaml's `yaml_emitter_analyze_scalar` finds out about a scalar
/// (block context only: go-yaml writes no non-empty flow collections here).
struct Analysis {
    /// It contains a line break.
    multiline: bool,
    /// It may be written plain.
    plain_allowed: bool,
    /// It may be single-quoted.
    single_quoted_allowed: bool,
    /// It may be a literal block.
    block_allowed: bool,
}

impl Analysis {
    /// Analyses `value` as `yaml_emitter_analyze_scalar` does.
    fn of(value: &str) -> Self {
        if value.is_empty() {
            return Analysis {
                multiline: false,
                plain_allowed: true,
                single_quoted_allowed: true,
                block_allowed: false,
            };
        }
        let chars: Vec<char> = value.chars().collect();
        let last = chars.len() - 1;
        let mut indicators = value.starts_with("---") || value.starts_with("...");
        let (mut line_breaks, mut special_characters) = (false, false);
        let (mut leading_space, mut leading_break) = (false, false);
        let (mut trailing_space, mut trailing_break) = (false, false);
        let (mut break_space, mut space_break) = (false, false);
        let (mut previous_space, mut previous_break) = (false, false);
        let mut preceded_by_whitespace = true;
        for (i, &c) in chars.iter().enumerate() {
            let followed_by_whitespace = chars.get(i + 1).is_none_or(|&n| n == ' ' || n == '\t');
            if i == 0 {
                match c {
                    '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\''
                    | '"' | '%' | '@' | '`' => indicators = true,
                    '?' | ':' | '-' if followed_by_whitespace => indicators = true,
                    _ => {}
                }
            } else {
                match c {
                    ':' if followed_by_whitespace => indicators = true,
                    '#' if preceded_by_whitespace => indicators = true,
                    _ => {}
                }
            }
            if !is_printable(c) {
                special_characters = true;
            }
            if c == ' ' {
                leading_space |= i == 0;
                trailing_space |= i == last;
                break_space |= previous_break;
                previous_space = true;
                previous_break = false;
            } else if is_break(c) {
                line_breaks = true;
                leading_break |= i == 0;
                trailing_break |= i == last;
                space_break |= previous_space;
                previous_space = false;
                previous_break = true;
            } else {
                previous_space = false;
                previous_break = false;
            }
            preceded_by_whitespace = matches!(c, ' ' | '\t' | '\0') || is_break(c);
        }
        let edge_whitespace = leading_space || leading_break || trailing_space || trailing_break;
        let clean = !space_break && !special_characters;
        Analysis {
            multiline: line_breaks,
            plain_allowed: !edge_whitespace && !break_space && clean && !line_breaks && !indicators,
            single_quoted_allowed: !break_space && clean,
            block_allowed: !trailing_space && clean,
        }
    }
}

/// libyaml's `is_printable`: characters written as they are in quoted
/// scalars. Tabs, C0/C1 controls, BOM, U+FFFE/U+FFFF and everything beyond
/// the Basic Multilingual Plane (emoji included) are not.
fn is_printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        && c != '\u{feff}'
}

/// libyaml's `is_break`: CR, LF, NEL, LS and PS.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | NEL | '\u{2028}' | '\u{2029}')
}

/// go-yaml v2's emitter state while writing one block-style document.
///
/// Each method mirrors the libyaml function of the same name; the event
/// queue and state stack are replaced by recursion over the [`Node`] tree.
struct Emitter {
    /// The YAML written so far.
    out: String,
    /// The current indentation, -1 at the top.
    indent: i32,
    /// Enclosing indentations.
    indents: Vec<i32>,
    /// The output column, in characters.
    column: usize,
    /// The last character written was whitespace.
    whitespace: bool,
    /// Only indentation is on the current line so far.
    indention: bool,
    /// The node being written is a mapping value.
    mapping_context: bool,
    /// The node being written is an implicit mapping key.
    simple_key_context: bool,
    /// The column past which long scalars fold (go-yaml v2's 80; v3's
    /// encoder never folds).
    best_width: usize,
    /// Whether a sequence that is a mapping value is indented under its key
    /// (go-yaml v3) or not (v2: `key:\n- a`).
    indent_sequences: bool,
}

impl Emitter {
    /// Writes `node` as a document, with the final newline, as go-yaml v2
    /// does.
    fn document(node: &Node<'_>) -> String {
        Emitter::document_with(node, BEST_WIDTH, false)
    }

    /// Writes `node` as a document with a fold width and sequence layout.
    fn document_with(node: &Node<'_>, best_width: usize, indent_sequences: bool) -> String {
        let mut emitter = Emitter {
            out: String::new(),
            indent: -1,
            indents: Vec::new(),
            column: 0,
            whitespace: true,
            indention: true,
            mapping_context: false,
            simple_key_context: false,
            best_width,
            indent_sequences,
        };
        emitter.emit_node(node, false, false);
        // DOCUMENT-END
        emitter.write_indent();
        emitter.out
    }

    /// `yaml_emitter_emit_node`.
    fn emit_node(&mut self, node: &Node<'_>, mapping: bool, simple_key: bool) {
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
        match node {
            Node::Scalar(text) => self.emit_scalar(text, Style::Plain),
            Node::Str(text) => self.emit_scalar(text, requested_style(text)),
            // Empty collections are written in flow style; nothing else is.
            Node::Seq(items) if items.is_empty() => self.emit_empty_flow("[", "]"),
            Node::Map(entries) if entries.is_empty() => self.emit_empty_flow("{", "}"),
            Node::Seq(items) => self.emit_block_sequence(items),
            Node::Map(entries) => self.emit_block_mapping(entries),
        }
    }

    /// `yaml_emitter_emit_flow_sequence_item` / `_mapping_key` for an empty
    /// collection.
    fn emit_empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    /// `yaml_emitter_emit_block_sequence_item`. A sequence that is a mapping
    /// value is not indented (`key:\n- a`).
    fn emit_block_sequence(&mut self, items: &[Node<'_>]) {
        let indentless = self.mapping_context && !self.indention && !self.indent_sequences;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.emit_node(item, false, false);
        }
        self.pop_indent();
    }

    /// `yaml_emitter_emit_block_mapping_key` / `_value`.
    fn emit_block_mapping(&mut self, entries: &[(Cow<'_, str>, Node<'_>)]) {
        self.increase_indent(false, false);
        for (key, value) in entries {
            self.write_indent();
            let key_node = Node::Str(Cow::Borrowed(key.as_ref()));
            // yaml_emitter_check_simple_key
            if !Analysis::of(key).multiline && key.len() <= MAX_SIMPLE_KEY_LEN {
                self.emit_node(&key_node, true, true);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.emit_node(&key_node, true, false);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.emit_node(value, true, false);
        }
        self.pop_indent();
    }

    /// `yaml_emitter_emit_scalar`: picks the style and writes the scalar.
    fn emit_scalar(&mut self, value: &str, requested: Style) {
        let analysis = Analysis::of(value);
        let style = self.select_scalar_style(requested, &analysis, value);
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match style {
            Style::Plain => self.write_plain_scalar(value, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted_scalar(value, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted_scalar(value, allow_breaks),
            Style::Literal => self.write_literal_scalar(value),
        }
        self.pop_indent();
    }

    /// `yaml_emitter_select_scalar_style`: falls back from the requested style
    /// to one the scalar's content and position allow.
    fn select_scalar_style(&self, requested: Style, analysis: &Analysis, value: &str) -> Style {
        let mut style = requested;
        if self.simple_key_context && analysis.multiline {
            style = Style::DoubleQuoted;
        }
        if style == Style::Plain
            && (!analysis.plain_allowed || (value.is_empty() && self.simple_key_context))
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted && !analysis.single_quoted_allowed {
            style = Style::DoubleQuoted;
        }
        if style == Style::Literal && (!analysis.block_allowed || self.simple_key_context) {
            style = Style::DoubleQuoted;
        }
        style
    }

    /// `yaml_emitter_increase_indent`.
    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    /// Restores the enclosing indentation.
    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    /// `put`: one character that is not a line break.
    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    /// `put_break`.
    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// `write_break`: copies a line break from a scalar.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    /// `yaml_emitter_write_indent`: starts a new line unless the current one
    /// holds only indentation, then pads to the indentation.
    fn write_indent(&mut self) {
        let indent = usize::try_from(self.indent).unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    /// `yaml_emitter_write_indicator`.
    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// `yaml_emitter_write_plain_scalar`: folds at a single space past
    /// [`BEST_WIDTH`].
    fn write_plain_scalar(&mut self, value: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let chars: Vec<char> = value.chars().collect();
        let (mut spaces, mut breaks) = (false, false);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    /// `yaml_emitter_write_single_quoted_scalar`: doubles `'`, folds like a
    /// plain scalar but never at the first or last character.
    fn write_single_quoted_scalar(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = value.chars().collect();
        let last = chars.len().saturating_sub(1);
        let (mut spaces, mut breaks) = (false, false);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i != 0
                    && i != last
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    /// `yaml_emitter_write_double_quoted_scalar`: escapes what is not
    /// printable, breaks, `"` and `\`; folds at a space past [`BEST_WIDTH`],
    /// escaping a following space so it survives.
    fn write_double_quoted_scalar(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        // libyaml's `is_bom` looks at the start of the value, not the current
        // character: a value starting with a BOM has every character escaped.
        let starts_with_bom = value.starts_with('\u{feff}');
        let chars: Vec<char> = value.chars().collect();
        let last = chars.len().saturating_sub(1);
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || starts_with_bom || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                for e in double_quoted_escape(c).chars() {
                    self.put(e);
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > self.best_width && i != 0 && i != last {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    /// `yaml_emitter_write_literal_scalar`, with the indentation and chomping
    /// indicators of `yaml_emitter_write_block_scalar_hints`.
    fn write_literal_scalar(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        let chars: Vec<char> = value.chars().collect();
        if chars.first().is_some_and(|&c| c == ' ' || is_break(c)) {
            self.write_indicator("2", false, false, false);
        }
        let chomping = match chars.as_slice() {
            [] => Some("-"),
            [.., last] if !is_break(*last) => Some("-"),
            [_] => Some("+"),
            [.., before, _] if is_break(*before) => Some("+"),
            _ => None,
        };
        if let Some(chomping) = chomping {
            self.write_indicator(chomping, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for &c in &chars {
            if is_break(c) {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

/// The style go-yaml v2's encoder asks for a string (`stringv`): a literal
/// block when it has a newline, plain when it would read back as a string,
/// else double-quoted. The emitter may still fall back to another.
fn requested_style(value: &str) -> Style {
    if value.contains('\n') {
        Style::Literal
    } else if can_be_plain(value) {
        Style::Plain
    } else {
        Style::DoubleQuoted
    }
}

/// The text after `\` for `c` in a double-quoted scalar.
fn double_quoted_escape(c: char) -> String {
    let short = match c {
        '\0' => '0',
        '\u{7}' => 'a',
        '\u{8}' => 'b',
        '\t' => 't',
        '\n' => 'n',
        '\u{b}' => 'v',
        '\u{c}' => 'f',
        '\r' => 'r',
        '\u{1b}' => 'e',
        '"' => '"',
        '\\' => '\\',
        NEL => 'N',
        '\u{a0}' => '_',
        '\u{2028}' => 'L',
        '\u{2029}' => 'P',
        c if u32::from(c) <= 0xff => return format!("x{:02X}", u32::from(c)),
        c if u32::from(c) <= 0xffff => return format!("u{:04X}", u32::from(c)),
        c => return format!("U{:08X}", u32::from(c)),
    };
    short.to_string()
}

#[cfg(test)]
mod tests {
    //! Every expected string here was copied from Helm's own output: templates
    //! `{{ toYaml .Values.a }}` and `{{ toJson .Values.a }}` rendered by Helm
    //! v4.2.3 (through the helm-python SDK 0.2.2), with the input passed as
    //! values. Values are JSON, so every number reaches the functions as a
    //! float64, as numbers from values files do.

    use gotemplate::Map;

    use super::*;

    /// The value Helm sees for a values document given as JSON.
    fn value(json: &str) -> Value {
        crate::sprig::convert::from_json(&serde_json::from_str(json).expect("valid JSON"))
    }

    fn list(items: Vec<Value>) -> Value {
        Value::list(items)
    }

    /// The cases Helm v4.2.3 rendered
    /// (`tests/data/to-yaml-to-json-helm-cases.json`): values (`.Values.a`,
    /// as JSON text), and the `toYaml` and `toJson` outputs. An empty output
    /// is Helm swallowing a marshalling error.
    fn helm_cases() -> Vec<(String, String, String)> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/to-yaml-to-json-helm-cases.json"
        );
        let text = std::fs::read_to_string(path).expect("the cases file is there");
        let cases: serde_json::Value = serde_json::from_str(&text).expect("the cases are JSON");
        let field = |case: &serde_json::Value, key: &str| {
            case.get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("a case has `{key}`"))
                .to_owned()
        };
        cases
            .as_array()
            .expect("a list of cases")
            .iter()
            .map(|case| {
                (
                    field(case, "values"),
                    field(case, "toYaml"),
                    field(case, "toJson"),
                )
            })
            .collect()
    }

    #[test]
    fn matches_helm_output() {
        let cases = helm_cases();
        // As many cases as the table held before it became data.
        assert_eq!(cases.len(), 308);
        let mut failures = Vec::new();
        for (input, yaml, json) in &cases {
            let value = value(input);
            let (got_yaml, got_json) = (to_yaml(&value), to_json(&value));
            if got_yaml != *yaml {
                failures.push(format!(
                    "toYaml {input}\n want {yaml:?}\n  got {got_yaml:?}"
                ));
            }
            if got_json != *json {
                failures.push(format!(
                    "toJson {input}\n want {json:?}\n  got {got_json:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// An implicit key must end within 1024 characters of JSON, quotes and
    /// escapes (`<` is `\u003c`) included; Helm renders nothing otherwise.
    #[test]
    fn keys_longer_than_1024_json_characters_fail() {
        for (key, ok) in [
            ("k".repeat(1022), true),
            ("k".repeat(1023), false),
            (format!("<{}", "k".repeat(1016)), true),
            (format!("<{}", "k".repeat(1017)), false),
        ] {
            let input = Value::Map(Map::default());
            input
                .as_map()
                .unwrap()
                .insert(key.as_str(), Value::Float(1.0));
            let want = if ok {
                format!("? {key}\n: 1")
            } else {
                String::new()
            };
            assert_eq!(to_yaml(&input), want, "key of {} characters", key.len());
            assert_eq!(
                to_json(&input),
                format!("{{\"{}\":1}}", key.replace('<', "\\u003c"))
            );
        }
    }

    /// Template arithmetic yields integers, not floats. From Helm rendering
    /// `toYaml (list 1 -2 9223372036854775807 -9223372036854775808)`,
    /// `toJson (list 1 -2 9223372036854775807 1.5 2.0)` and
    /// `toYaml (dict "b" 1 "a" 2.0 "c" 1e21 "d" 0.000001)`.
    #[test]
    fn integers_from_templates() {
        let ints = list(vec![
            Value::Int(1),
            Value::Int(-2),
            Value::Int(i64::MAX),
            Value::Int(i64::MIN),
        ]);
        assert_eq!(
            to_yaml(&ints),
            "- 1\n- -2\n- 9223372036854775807\n- -9223372036854775808"
        );
        let mixed = list(vec![
            Value::Int(1),
            Value::Int(-2),
            Value::Int(i64::MAX),
            Value::Float(1.5),
            Value::Float(2.0),
        ]);
        assert_eq!(to_json(&mixed), "[1,-2,9223372036854775807,1.5,2]");
        let entries = Map::default();
        entries.insert("b", Value::Int(1));
        entries.insert("a", Value::Float(2.0));
        entries.insert("c", Value::Float(1e21));
        entries.insert("d", Value::Float(0.000001));
        let map = Value::Map(entries);
        assert_eq!(to_yaml(&map), "a: 2\nb: 1\nc: 1e+21\nd: 1e-06");
    }

    /// `encoding/json` rejects NaN and infinities; Helm renders nothing. From
    /// Helm rendering `toYaml (float64 "NaN")`, `toJson (float64 "NaN")`,
    /// `toJson (list (float64 "+Inf"))` and `toYaml (list (float64 "-Inf"))`.
    #[test]
    fn non_finite_floats_render_nothing() {
        assert_eq!(to_yaml(&Value::Float(f64::NAN)), "");
        assert_eq!(to_json(&Value::Float(f64::NAN)), "");
        assert_eq!(to_json(&list(vec![Value::Float(f64::INFINITY)])), "");
        assert_eq!(to_yaml(&list(vec![Value::Float(f64::NEG_INFINITY)])), "");
    }

    /// Helm templates cannot make a uint64, so this one is not from Helm's
    /// output: JSON writes it in decimal and go-yaml reads it back as an
    /// unsigned integer.
    #[test]
    fn unsigned_integers_print_in_decimal() {
        let max = list(vec![Value::Uint(u64::MAX)]);
        assert_eq!(to_yaml(&max), "- 18446744073709551615");
        assert_eq!(to_json(&max), "[18446744073709551615]");
    }

    /// go-yaml's key order is not transitive for these keys (Helm's own output
    /// varies between runs); sorting them must neither panic nor vary.
    #[test]
    fn non_transitive_key_order_is_stable() {
        let input = value(r#"{"9_a9": 1, "19a0": 2, "1a09": 3, "x": 4, "10": 5, "9": 6}"#);
        let first = to_yaml(&input);
        assert_eq!(first.lines().count(), 6);
        assert_eq!(to_yaml(&input), first);
    }
}
