//! Helm's `toYaml` and `toJson`, byte for byte.
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

use gotmpl::Value;

use super::resolve;
use super::sprig::govalue::go_float;
use super::sprig::json;

/// `toYaml`: the YAML Helm writes for a value, without the final newline.
///
/// Empty where Helm's own marshalling fails (NaN, infinities, functions,
/// characters YAML forbids), as Helm swallows the error.
pub(crate) fn to_yaml(value: &Value) -> String {
    let Some(node) = Node::from_value(value) else {
        return String::new();
    };
    let mut out = Emitter::document(&node);
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// `toJson`: Go's `encoding/json` text for a value.
///
/// Empty where `json.Marshal` fails (NaN, infinities, functions), as Helm
/// swallows the error.
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
    Map(Vec<(&'a str, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// Runs `value` through `json.Marshal` and go-yaml's decoder; `None` where
    /// either fails.
    fn from_value(value: &'a Value) -> Option<Self> {
        Some(match value {
            Value::Nil => Node::Scalar("null".to_owned()),
            Value::Bool(b) => Node::Scalar(b.to_string()),
            Value::Int(i) => Node::Scalar(i.to_string()),
            Value::Uint(u) => Node::Scalar(u.to_string()),
            Value::Float(f) => Node::Scalar(yaml_number(*f)?),
            Value::String(s) => Node::Str(decode_json_string(s)?),
            Value::List(items) => {
                Node::Seq(items.iter().map(Node::from_value).collect::<Option<_>>()?)
            }
            Value::Map(map) => {
                let mut entries: Vec<(&str, &Value)> =
                    map.iter().map(|(key, item)| (&**key, item)).collect();
                if !entries.iter().all(|(key, _)| is_decodable_key(key)) {
                    return None;
                }
                merge_sort(&mut entries, &|a, b| key_less(a.0, b.0));
                let entries = entries
                    .into_iter()
                    .map(|(key, item)| Some((key, Node::from_value(item)?)))
                    .collect::<Option<_>>()?;
                Node::Map(entries)
            }
            Value::Function(_) => return None,
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
}

impl Emitter {
    /// Writes `node` as a document, with the final newline.
    fn document(node: &Node<'_>) -> String {
        let mut emitter = Emitter {
            out: String::new(),
            indent: -1,
            indents: Vec::new(),
            column: 0,
            whitespace: true,
            indention: true,
            mapping_context: false,
            simple_key_context: false,
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
        let indentless = self.mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.emit_node(item, false, false);
        }
        self.pop_indent();
    }

    /// `yaml_emitter_emit_block_mapping_key` / `_value`.
    fn emit_block_mapping(&mut self, entries: &[(&str, Node<'_>)]) {
        self.increase_indent(false, false);
        for (key, value) in entries {
            self.write_indent();
            let key_node = Node::Str(Cow::Borrowed(key));
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
                    && self.column > BEST_WIDTH
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
                    && self.column > BEST_WIDTH
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
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i != last {
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

    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;

    /// The value Helm sees for a values document given as JSON.
    fn value(json: &str) -> Value {
        crate::to_value(&serde_json::from_str(json).expect("valid JSON"))
    }

    fn list(items: Vec<Value>) -> Value {
        Value::List(items.into())
    }

    /// `(values.a as JSON, toYaml output, toJson output)`, as Helm v4.2.3
    /// rendered them. An empty output is Helm swallowing a marshalling error.
    const HELM_CASES: &[(&str, &str, &str)] = &[
    (
        r#"{"a": "", "b": [""], "c": {"": 1}}"#,
        "a: \"\"\nb:\n- \"\"\nc:\n  \"\": 1",
        r#"{"a":"","b":[""],"c":{"":1}}"#,
    ),
    (
        r#"{"a": "true", "b": ["true"], "c": {"true": 1}}"#,
        "a: \"true\"\nb:\n- \"true\"\nc:\n  \"true\": 1",
        r#"{"a":"true","b":["true"],"c":{"true":1}}"#,
    ),
    (
        r#"{"a": "True", "b": ["True"], "c": {"True": 1}}"#,
        "a: \"True\"\nb:\n- \"True\"\nc:\n  \"True\": 1",
        r#"{"a":"True","b":["True"],"c":{"True":1}}"#,
    ),
    (
        r#"{"a": "TRUE", "b": ["TRUE"], "c": {"TRUE": 1}}"#,
        "a: \"TRUE\"\nb:\n- \"TRUE\"\nc:\n  \"TRUE\": 1",
        r#"{"a":"TRUE","b":["TRUE"],"c":{"TRUE":1}}"#,
    ),
    (
        r#"{"a": "false", "b": ["false"], "c": {"false": 1}}"#,
        "a: \"false\"\nb:\n- \"false\"\nc:\n  \"false\": 1",
        r#"{"a":"false","b":["false"],"c":{"false":1}}"#,
    ),
    (
        r#"{"a": "yes", "b": ["yes"], "c": {"yes": 1}}"#,
        "a: \"yes\"\nb:\n- \"yes\"\nc:\n  \"yes\": 1",
        r#"{"a":"yes","b":["yes"],"c":{"yes":1}}"#,
    ),
    (
        r#"{"a": "Yes", "b": ["Yes"], "c": {"Yes": 1}}"#,
        "a: \"Yes\"\nb:\n- \"Yes\"\nc:\n  \"Yes\": 1",
        r#"{"a":"Yes","b":["Yes"],"c":{"Yes":1}}"#,
    ),
    (
        r#"{"a": "no", "b": ["no"], "c": {"no": 1}}"#,
        "a: \"no\"\nb:\n- \"no\"\nc:\n  \"no\": 1",
        r#"{"a":"no","b":["no"],"c":{"no":1}}"#,
    ),
    (
        r#"{"a": "on", "b": ["on"], "c": {"on": 1}}"#,
        "a: \"on\"\nb:\n- \"on\"\nc:\n  \"on\": 1",
        r#"{"a":"on","b":["on"],"c":{"on":1}}"#,
    ),
    (
        r#"{"a": "off", "b": ["off"], "c": {"off": 1}}"#,
        "a: \"off\"\nb:\n- \"off\"\nc:\n  \"off\": 1",
        r#"{"a":"off","b":["off"],"c":{"off":1}}"#,
    ),
    (
        r#"{"a": "y", "b": ["y"], "c": {"y": 1}}"#,
        "a: \"y\"\nb:\n- \"y\"\nc:\n  \"y\": 1",
        r#"{"a":"y","b":["y"],"c":{"y":1}}"#,
    ),
    (
        r#"{"a": "Y", "b": ["Y"], "c": {"Y": 1}}"#,
        "a: \"Y\"\nb:\n- \"Y\"\nc:\n  \"Y\": 1",
        r#"{"a":"Y","b":["Y"],"c":{"Y":1}}"#,
    ),
    (
        r#"{"a": "n", "b": ["n"], "c": {"n": 1}}"#,
        "a: \"n\"\nb:\n- \"n\"\nc:\n  \"n\": 1",
        r#"{"a":"n","b":["n"],"c":{"n":1}}"#,
    ),
    (
        r#"{"a": "N", "b": ["N"], "c": {"N": 1}}"#,
        "a: \"N\"\nb:\n- \"N\"\nc:\n  \"N\": 1",
        r#"{"a":"N","b":["N"],"c":{"N":1}}"#,
    ),
    (
        r#"{"a": "null", "b": ["null"], "c": {"null": 1}}"#,
        "a: \"null\"\nb:\n- \"null\"\nc:\n  \"null\": 1",
        r#"{"a":"null","b":["null"],"c":{"null":1}}"#,
    ),
    (
        r#"{"a": "Null", "b": ["Null"], "c": {"Null": 1}}"#,
        "a: \"Null\"\nb:\n- \"Null\"\nc:\n  \"Null\": 1",
        r#"{"a":"Null","b":["Null"],"c":{"Null":1}}"#,
    ),
    (
        r#"{"a": "NULL", "b": ["NULL"], "c": {"NULL": 1}}"#,
        "a: \"NULL\"\nb:\n- \"NULL\"\nc:\n  \"NULL\": 1",
        r#"{"a":"NULL","b":["NULL"],"c":{"NULL":1}}"#,
    ),
    (
        r#"{"a": "~", "b": ["~"], "c": {"~": 1}}"#,
        "a: \"~\"\nb:\n- \"~\"\nc:\n  \"~\": 1",
        r#"{"a":"~","b":["~"],"c":{"~":1}}"#,
    ),
    (
        r#"{"a": "1", "b": ["1"], "c": {"1": 1}}"#,
        "a: \"1\"\nb:\n- \"1\"\nc:\n  \"1\": 1",
        r#"{"a":"1","b":["1"],"c":{"1":1}}"#,
    ),
    (
        r#"{"a": "-1", "b": ["-1"], "c": {"-1": 1}}"#,
        "a: \"-1\"\nb:\n- \"-1\"\nc:\n  \"-1\": 1",
        r#"{"a":"-1","b":["-1"],"c":{"-1":1}}"#,
    ),
    (
        r#"{"a": "+1", "b": ["+1"], "c": {"+1": 1}}"#,
        "a: \"+1\"\nb:\n- \"+1\"\nc:\n  \"+1\": 1",
        r#"{"a":"+1","b":["+1"],"c":{"+1":1}}"#,
    ),
    (
        r#"{"a": "1.0", "b": ["1.0"], "c": {"1.0": 1}}"#,
        "a: \"1.0\"\nb:\n- \"1.0\"\nc:\n  \"1.0\": 1",
        r#"{"a":"1.0","b":["1.0"],"c":{"1.0":1}}"#,
    ),
    (
        r#"{"a": "1.", "b": ["1."], "c": {"1.": 1}}"#,
        "a: \"1.\"\nb:\n- \"1.\"\nc:\n  \"1.\": 1",
        r#"{"a":"1.","b":["1."],"c":{"1.":1}}"#,
    ),
    (
        r#"{"a": ".5", "b": [".5"], "c": {".5": 1}}"#,
        "a: \".5\"\nb:\n- \".5\"\nc:\n  \".5\": 1",
        r#"{"a":".5","b":[".5"],"c":{".5":1}}"#,
    ),
    (
        r#"{"a": "1e3", "b": ["1e3"], "c": {"1e3": 1}}"#,
        "a: \"1e3\"\nb:\n- \"1e3\"\nc:\n  \"1e3\": 1",
        r#"{"a":"1e3","b":["1e3"],"c":{"1e3":1}}"#,
    ),
    (
        r#"{"a": "1E3", "b": ["1E3"], "c": {"1E3": 1}}"#,
        "a: \"1E3\"\nb:\n- \"1E3\"\nc:\n  \"1E3\": 1",
        r#"{"a":"1E3","b":["1E3"],"c":{"1E3":1}}"#,
    ),
    (
        r#"{"a": "1e400", "b": ["1e400"], "c": {"1e400": 1}}"#,
        "a: 1e400\nb:\n- 1e400\nc:\n  1e400: 1",
        r#"{"a":"1e400","b":["1e400"],"c":{"1e400":1}}"#,
    ),
    (
        r#"{"a": "1e-400", "b": ["1e-400"], "c": {"1e-400": 1}}"#,
        "a: \"1e-400\"\nb:\n- \"1e-400\"\nc:\n  \"1e-400\": 1",
        r#"{"a":"1e-400","b":["1e-400"],"c":{"1e-400":1}}"#,
    ),
    (
        r#"{"a": ".inf", "b": [".inf"], "c": {".inf": 1}}"#,
        "a: \".inf\"\nb:\n- \".inf\"\nc:\n  \".inf\": 1",
        r#"{"a":".inf","b":[".inf"],"c":{".inf":1}}"#,
    ),
    (
        r#"{"a": "-.inf", "b": ["-.inf"], "c": {"-.inf": 1}}"#,
        "a: \"-.inf\"\nb:\n- \"-.inf\"\nc:\n  \"-.inf\": 1",
        r#"{"a":"-.inf","b":["-.inf"],"c":{"-.inf":1}}"#,
    ),
    (
        r#"{"a": "+.inf", "b": ["+.inf"], "c": {"+.inf": 1}}"#,
        "a: \"+.inf\"\nb:\n- \"+.inf\"\nc:\n  \"+.inf\": 1",
        r#"{"a":"+.inf","b":["+.inf"],"c":{"+.inf":1}}"#,
    ),
    (
        r#"{"a": ".nan", "b": [".nan"], "c": {".nan": 1}}"#,
        "a: \".nan\"\nb:\n- \".nan\"\nc:\n  \".nan\": 1",
        r#"{"a":".nan","b":[".nan"],"c":{".nan":1}}"#,
    ),
    (
        r#"{"a": ".NaN", "b": [".NaN"], "c": {".NaN": 1}}"#,
        "a: \".NaN\"\nb:\n- \".NaN\"\nc:\n  \".NaN\": 1",
        r#"{"a":".NaN","b":[".NaN"],"c":{".NaN":1}}"#,
    ),
    (
        r#"{"a": ".Nan", "b": [".Nan"], "c": {".Nan": 1}}"#,
        "a: .Nan\nb:\n- .Nan\nc:\n  .Nan: 1",
        r#"{"a":".Nan","b":[".Nan"],"c":{".Nan":1}}"#,
    ),
    (
        r#"{"a": "0x10", "b": ["0x10"], "c": {"0x10": 1}}"#,
        "a: \"0x10\"\nb:\n- \"0x10\"\nc:\n  \"0x10\": 1",
        r#"{"a":"0x10","b":["0x10"],"c":{"0x10":1}}"#,
    ),
    (
        r#"{"a": "0X10", "b": ["0X10"], "c": {"0X10": 1}}"#,
        "a: \"0X10\"\nb:\n- \"0X10\"\nc:\n  \"0X10\": 1",
        r#"{"a":"0X10","b":["0X10"],"c":{"0X10":1}}"#,
    ),
    (
        r#"{"a": "0o17", "b": ["0o17"], "c": {"0o17": 1}}"#,
        "a: \"0o17\"\nb:\n- \"0o17\"\nc:\n  \"0o17\": 1",
        r#"{"a":"0o17","b":["0o17"],"c":{"0o17":1}}"#,
    ),
    (
        r#"{"a": "0b101", "b": ["0b101"], "c": {"0b101": 1}}"#,
        "a: \"0b101\"\nb:\n- \"0b101\"\nc:\n  \"0b101\": 1",
        r#"{"a":"0b101","b":["0b101"],"c":{"0b101":1}}"#,
    ),
    (
        r#"{"a": "-0b101", "b": ["-0b101"], "c": {"-0b101": 1}}"#,
        "a: \"-0b101\"\nb:\n- \"-0b101\"\nc:\n  \"-0b101\": 1",
        r#"{"a":"-0b101","b":["-0b101"],"c":{"-0b101":1}}"#,
    ),
    (
        r#"{"a": "0b-101", "b": ["0b-101"], "c": {"0b-101": 1}}"#,
        "a: \"0b-101\"\nb:\n- \"0b-101\"\nc:\n  \"0b-101\": 1",
        r#"{"a":"0b-101","b":["0b-101"],"c":{"0b-101":1}}"#,
    ),
    (
        r#"{"a": "012", "b": ["012"], "c": {"012": 1}}"#,
        "a: \"012\"\nb:\n- \"012\"\nc:\n  \"012\": 1",
        r#"{"a":"012","b":["012"],"c":{"012":1}}"#,
    ),
    (
        r#"{"a": "09", "b": ["09"], "c": {"09": 1}}"#,
        "a: \"09\"\nb:\n- \"09\"\nc:\n  \"09\": 1",
        r#"{"a":"09","b":["09"],"c":{"09":1}}"#,
    ),
    (
        r#"{"a": "0", "b": ["0"], "c": {"0": 1}}"#,
        "a: \"0\"\nb:\n- \"0\"\nc:\n  \"0\": 1",
        r#"{"a":"0","b":["0"],"c":{"0":1}}"#,
    ),
    (
        r#"{"a": "-0", "b": ["-0"], "c": {"-0": 1}}"#,
        "a: \"-0\"\nb:\n- \"-0\"\nc:\n  \"-0\": 1",
        r#"{"a":"-0","b":["-0"],"c":{"-0":1}}"#,
    ),
    (
        r#"{"a": "1_000", "b": ["1_000"], "c": {"1_000": 1}}"#,
        "a: \"1_000\"\nb:\n- \"1_000\"\nc:\n  \"1_000\": 1",
        r#"{"a":"1_000","b":["1_000"],"c":{"1_000":1}}"#,
    ),
    (
        r#"{"a": "1__0", "b": ["1__0"], "c": {"1__0": 1}}"#,
        "a: \"1__0\"\nb:\n- \"1__0\"\nc:\n  \"1__0\": 1",
        r#"{"a":"1__0","b":["1__0"],"c":{"1__0":1}}"#,
    ),
    (
        r#"{"a": "_1", "b": ["_1"], "c": {"_1": 1}}"#,
        "a: _1\nb:\n- _1\nc:\n  _1: 1",
        r#"{"a":"_1","b":["_1"],"c":{"_1":1}}"#,
    ),
    (
        r#"{"a": "1:20", "b": ["1:20"], "c": {"1:20": 1}}"#,
        "a: \"1:20\"\nb:\n- \"1:20\"\nc:\n  \"1:20\": 1",
        r#"{"a":"1:20","b":["1:20"],"c":{"1:20":1}}"#,
    ),
    (
        r#"{"a": "1:2", "b": ["1:2"], "c": {"1:2": 1}}"#,
        "a: \"1:2\"\nb:\n- \"1:2\"\nc:\n  \"1:2\": 1",
        r#"{"a":"1:2","b":["1:2"],"c":{"1:2":1}}"#,
    ),
    (
        r#"{"a": "-1:20:30.5", "b": ["-1:20:30.5"], "c": {"-1:20:30.5": 1}}"#,
        "a: \"-1:20:30.5\"\nb:\n- \"-1:20:30.5\"\nc:\n  \"-1:20:30.5\": 1",
        r#"{"a":"-1:20:30.5","b":["-1:20:30.5"],"c":{"-1:20:30.5":1}}"#,
    ),
    (
        r#"{"a": "190:20:30", "b": ["190:20:30"], "c": {"190:20:30": 1}}"#,
        "a: \"190:20:30\"\nb:\n- \"190:20:30\"\nc:\n  \"190:20:30\": 1",
        r#"{"a":"190:20:30","b":["190:20:30"],"c":{"190:20:30":1}}"#,
    ),
    (
        r#"{"a": "1:60", "b": ["1:60"], "c": {"1:60": 1}}"#,
        "a: 1:60\nb:\n- 1:60\nc:\n  1:60: 1",
        r#"{"a":"1:60","b":["1:60"],"c":{"1:60":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01", "b": ["2024-01-01"], "c": {"2024-01-01": 1}}"#,
        "a: \"2024-01-01\"\nb:\n- \"2024-01-01\"\nc:\n  \"2024-01-01\": 1",
        r#"{"a":"2024-01-01","b":["2024-01-01"],"c":{"2024-01-01":1}}"#,
    ),
    (
        r#"{"a": "2024-1-1", "b": ["2024-1-1"], "c": {"2024-1-1": 1}}"#,
        "a: \"2024-1-1\"\nb:\n- \"2024-1-1\"\nc:\n  \"2024-1-1\": 1",
        r#"{"a":"2024-1-1","b":["2024-1-1"],"c":{"2024-1-1":1}}"#,
    ),
    (
        r#"{"a": "2024-02-30", "b": ["2024-02-30"], "c": {"2024-02-30": 1}}"#,
        "a: 2024-02-30\nb:\n- 2024-02-30\nc:\n  2024-02-30: 1",
        r#"{"a":"2024-02-30","b":["2024-02-30"],"c":{"2024-02-30":1}}"#,
    ),
    (
        r#"{"a": "2024-02-29", "b": ["2024-02-29"], "c": {"2024-02-29": 1}}"#,
        "a: \"2024-02-29\"\nb:\n- \"2024-02-29\"\nc:\n  \"2024-02-29\": 1",
        r#"{"a":"2024-02-29","b":["2024-02-29"],"c":{"2024-02-29":1}}"#,
    ),
    (
        r#"{"a": "2023-02-29", "b": ["2023-02-29"], "c": {"2023-02-29": 1}}"#,
        "a: 2023-02-29\nb:\n- 2023-02-29\nc:\n  2023-02-29: 1",
        r#"{"a":"2023-02-29","b":["2023-02-29"],"c":{"2023-02-29":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01T10:00:00Z", "b": ["2024-01-01T10:00:00Z"], "c": {"2024-01-01T10:00:00Z": 1}}"#,
        "a: \"2024-01-01T10:00:00Z\"\nb:\n- \"2024-01-01T10:00:00Z\"\nc:\n  \"2024-01-01T10:00:00Z\": 1",
        r#"{"a":"2024-01-01T10:00:00Z","b":["2024-01-01T10:00:00Z"],"c":{"2024-01-01T10:00:00Z":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01t10:00:00Z", "b": ["2024-01-01t10:00:00Z"], "c": {"2024-01-01t10:00:00Z": 1}}"#,
        "a: \"2024-01-01t10:00:00Z\"\nb:\n- \"2024-01-01t10:00:00Z\"\nc:\n  \"2024-01-01t10:00:00Z\": 1",
        r#"{"a":"2024-01-01t10:00:00Z","b":["2024-01-01t10:00:00Z"],"c":{"2024-01-01t10:00:00Z":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01 10:00:00", "b": ["2024-01-01 10:00:00"], "c": {"2024-01-01 10:00:00": 1}}"#,
        "a: \"2024-01-01 10:00:00\"\nb:\n- \"2024-01-01 10:00:00\"\nc:\n  \"2024-01-01 10:00:00\": 1",
        r#"{"a":"2024-01-01 10:00:00","b":["2024-01-01 10:00:00"],"c":{"2024-01-01 10:00:00":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01  10:00:00", "b": ["2024-01-01  10:00:00"], "c": {"2024-01-01  10:00:00": 1}}"#,
        "a: \"2024-01-01  10:00:00\"\nb:\n- \"2024-01-01  10:00:00\"\nc:\n  \"2024-01-01  10:00:00\": 1",
        r#"{"a":"2024-01-01  10:00:00","b":["2024-01-01  10:00:00"],"c":{"2024-01-01  10:00:00":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01T10:00:00.123+02:00", "b": ["2024-01-01T10:00:00.123+02:00"], "c": {"2024-01-01T10:00:00.123+02:00": 1}}"#,
        "a: \"2024-01-01T10:00:00.123+02:00\"\nb:\n- \"2024-01-01T10:00:00.123+02:00\"\nc:\n  \"2024-01-01T10:00:00.123+02:00\": 1",
        r#"{"a":"2024-01-01T10:00:00.123+02:00","b":["2024-01-01T10:00:00.123+02:00"],"c":{"2024-01-01T10:00:00.123+02:00":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01T10:00:00,5-25:00", "b": ["2024-01-01T10:00:00,5-25:00"], "c": {"2024-01-01T10:00:00,5-25:00": 1}}"#,
        "a: 2024-01-01T10:00:00,5-25:00\nb:\n- 2024-01-01T10:00:00,5-25:00\nc:\n  2024-01-01T10:00:00,5-25:00: 1",
        r#"{"a":"2024-01-01T10:00:00,5-25:00","b":["2024-01-01T10:00:00,5-25:00"],"c":{"2024-01-01T10:00:00,5-25:00":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01T10:00:00", "b": ["2024-01-01T10:00:00"], "c": {"2024-01-01T10:00:00": 1}}"#,
        "a: 2024-01-01T10:00:00\nb:\n- 2024-01-01T10:00:00\nc:\n  2024-01-01T10:00:00: 1",
        r#"{"a":"2024-01-01T10:00:00","b":["2024-01-01T10:00:00"],"c":{"2024-01-01T10:00:00":1}}"#,
    ),
    (
        r#"{"a": "2024-13-01", "b": ["2024-13-01"], "c": {"2024-13-01": 1}}"#,
        "a: 2024-13-01\nb:\n- 2024-13-01\nc:\n  2024-13-01: 1",
        r#"{"a":"2024-13-01","b":["2024-13-01"],"c":{"2024-13-01":1}}"#,
    ),
    (
        r#"{"a": "20240101", "b": ["20240101"], "c": {"20240101": 1}}"#,
        "a: \"20240101\"\nb:\n- \"20240101\"\nc:\n  \"20240101\": 1",
        r#"{"a":"20240101","b":["20240101"],"c":{"20240101":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01T24:00:00Z", "b": ["2024-01-01T24:00:00Z"], "c": {"2024-01-01T24:00:00Z": 1}}"#,
        "a: 2024-01-01T24:00:00Z\nb:\n- 2024-01-01T24:00:00Z\nc:\n  2024-01-01T24:00:00Z: 1",
        r#"{"a":"2024-01-01T24:00:00Z","b":["2024-01-01T24:00:00Z"],"c":{"2024-01-01T24:00:00Z":1}}"#,
    ),
    (
        r#"{"a": "2024-01-01 1:2:3,5", "b": ["2024-01-01 1:2:3,5"], "c": {"2024-01-01 1:2:3,5": 1}}"#,
        "a: \"2024-01-01 1:2:3,5\"\nb:\n- \"2024-01-01 1:2:3,5\"\nc:\n  \"2024-01-01 1:2:3,5\": 1",
        r#"{"a":"2024-01-01 1:2:3,5","b":["2024-01-01 1:2:3,5"],"c":{"2024-01-01 1:2:3,5":1}}"#,
    ),
    (
        r#"{"a": "12:30", "b": ["12:30"], "c": {"12:30": 1}}"#,
        "a: \"12:30\"\nb:\n- \"12:30\"\nc:\n  \"12:30\": 1",
        r#"{"a":"12:30","b":["12:30"],"c":{"12:30":1}}"#,
    ),
    (
        r#"{"a": "-", "b": ["-"], "c": {"-": 1}}"#,
        "a: '-'\nb:\n- '-'\nc:\n  '-': 1",
        r#"{"a":"-","b":["-"],"c":{"-":1}}"#,
    ),
    (
        r#"{"a": "--", "b": ["--"], "c": {"--": 1}}"#,
        "a: --\nb:\n- --\nc:\n  --: 1",
        r#"{"a":"--","b":["--"],"c":{"--":1}}"#,
    ),
    (
        r#"{"a": "---", "b": ["---"], "c": {"---": 1}}"#,
        "a: '---'\nb:\n- '---'\nc:\n  '---': 1",
        r#"{"a":"---","b":["---"],"c":{"---":1}}"#,
    ),
    (
        r#"{"a": "---a", "b": ["---a"], "c": {"---a": 1}}"#,
        "a: '---a'\nb:\n- '---a'\nc:\n  '---a': 1",
        r#"{"a":"---a","b":["---a"],"c":{"---a":1}}"#,
    ),
    (
        r#"{"a": "...", "b": ["..."], "c": {"...": 1}}"#,
        "a: '...'\nb:\n- '...'\nc:\n  '...': 1",
        r#"{"a":"...","b":["..."],"c":{"...":1}}"#,
    ),
    (
        r#"{"a": "....", "b": ["...."], "c": {"....": 1}}"#,
        "a: '....'\nb:\n- '....'\nc:\n  '....': 1",
        r#"{"a":"....","b":["...."],"c":{"....":1}}"#,
    ),
    (
        r#"{"a": "- a", "b": ["- a"], "c": {"- a": 1}}"#,
        "a: '- a'\nb:\n- '- a'\nc:\n  '- a': 1",
        r#"{"a":"- a","b":["- a"],"c":{"- a":1}}"#,
    ),
    (
        r#"{"a": "-a", "b": ["-a"], "c": {"-a": 1}}"#,
        "a: -a\nb:\n- -a\nc:\n  -a: 1",
        r#"{"a":"-a","b":["-a"],"c":{"-a":1}}"#,
    ),
    (
        r#"{"a": "a-", "b": ["a-"], "c": {"a-": 1}}"#,
        "a: a-\nb:\n- a-\nc:\n  a-: 1",
        r#"{"a":"a-","b":["a-"],"c":{"a-":1}}"#,
    ),
    (
        r#"{"a": ": x", "b": [": x"], "c": {": x": 1}}"#,
        "a: ': x'\nb:\n- ': x'\nc:\n  ': x': 1",
        r#"{"a":": x","b":[": x"],"c":{": x":1}}"#,
    ),
    (
        r#"{"a": ":x", "b": [":x"], "c": {":x": 1}}"#,
        "a: :x\nb:\n- :x\nc:\n  :x: 1",
        r#"{"a":":x","b":[":x"],"c":{":x":1}}"#,
    ),
    (
        r#"{"a": "x:", "b": ["x:"], "c": {"x:": 1}}"#,
        "a: 'x:'\nb:\n- 'x:'\nc:\n  'x:': 1",
        r#"{"a":"x:","b":["x:"],"c":{"x:":1}}"#,
    ),
    (
        r#"{"a": "a: b", "b": ["a: b"], "c": {"a: b": 1}}"#,
        "a: 'a: b'\nb:\n- 'a: b'\nc:\n  'a: b': 1",
        r#"{"a":"a: b","b":["a: b"],"c":{"a: b":1}}"#,
    ),
    (
        r#"{"a": "a:b", "b": ["a:b"], "c": {"a:b": 1}}"#,
        "a: a:b\nb:\n- a:b\nc:\n  a:b: 1",
        r#"{"a":"a:b","b":["a:b"],"c":{"a:b":1}}"#,
    ),
    (
        r#"{"a": "a #b", "b": ["a #b"], "c": {"a #b": 1}}"#,
        "a: 'a #b'\nb:\n- 'a #b'\nc:\n  'a #b': 1",
        r#"{"a":"a #b","b":["a #b"],"c":{"a #b":1}}"#,
    ),
    (
        r#"{"a": "a#b", "b": ["a#b"], "c": {"a#b": 1}}"#,
        "a: a#b\nb:\n- a#b\nc:\n  a#b: 1",
        r#"{"a":"a#b","b":["a#b"],"c":{"a#b":1}}"#,
    ),
    (
        r##"{"a": "#x", "b": ["#x"], "c": {"#x": 1}}"##,
        "a: '#x'\nb:\n- '#x'\nc:\n  '#x': 1",
        r##"{"a":"#x","b":["#x"],"c":{"#x":1}}"##,
    ),
    (
        r#"{"a": "@x", "b": ["@x"], "c": {"@x": 1}}"#,
        "a: '@x'\nb:\n- '@x'\nc:\n  '@x': 1",
        r#"{"a":"@x","b":["@x"],"c":{"@x":1}}"#,
    ),
    (
        r#"{"a": "`x", "b": ["`x"], "c": {"`x": 1}}"#,
        "a: '`x'\nb:\n- '`x'\nc:\n  '`x': 1",
        r#"{"a":"`x","b":["`x"],"c":{"`x":1}}"#,
    ),
    (
        r#"{"a": "!x", "b": ["!x"], "c": {"!x": 1}}"#,
        "a: '!x'\nb:\n- '!x'\nc:\n  '!x': 1",
        r#"{"a":"!x","b":["!x"],"c":{"!x":1}}"#,
    ),
    (
        r#"{"a": "&x", "b": ["&x"], "c": {"&x": 1}}"#,
        "a: '&x'\nb:\n- '&x'\nc:\n  '&x': 1",
        r#"{"a":"\u0026x","b":["\u0026x"],"c":{"\u0026x":1}}"#,
    ),
    (
        r#"{"a": "*x", "b": ["*x"], "c": {"*x": 1}}"#,
        "a: '*x'\nb:\n- '*x'\nc:\n  '*x': 1",
        r#"{"a":"*x","b":["*x"],"c":{"*x":1}}"#,
    ),
    (
        r#"{"a": "|", "b": ["|"], "c": {"|": 1}}"#,
        "a: '|'\nb:\n- '|'\nc:\n  '|': 1",
        r#"{"a":"|","b":["|"],"c":{"|":1}}"#,
    ),
    (
        r#"{"a": ">", "b": [">"], "c": {">": 1}}"#,
        "a: '>'\nb:\n- '>'\nc:\n  '>': 1",
        r#"{"a":"\u003e","b":["\u003e"],"c":{"\u003e":1}}"#,
    ),
    (
        r#"{"a": "%x", "b": ["%x"], "c": {"%x": 1}}"#,
        "a: '%x'\nb:\n- '%x'\nc:\n  '%x': 1",
        r#"{"a":"%x","b":["%x"],"c":{"%x":1}}"#,
    ),
    (
        r#"{"a": "'q'", "b": ["'q'"], "c": {"'q'": 1}}"#,
        "a: '''q'''\nb:\n- '''q'''\nc:\n  '''q''': 1",
        r#"{"a":"'q'","b":["'q'"],"c":{"'q'":1}}"#,
    ),
    (
        r#"{"a": "\"dq\"", "b": ["\"dq\""], "c": {"\"dq\"": 1}}"#,
        "a: '\"dq\"'\nb:\n- '\"dq\"'\nc:\n  '\"dq\"': 1",
        r#"{"a":"\"dq\"","b":["\"dq\""],"c":{"\"dq\"":1}}"#,
    ),
    (
        r#"{"a": "it's", "b": ["it's"], "c": {"it's": 1}}"#,
        "a: it's\nb:\n- it's\nc:\n  it's: 1",
        r#"{"a":"it's","b":["it's"],"c":{"it's":1}}"#,
    ),
    (
        r#"{"a": "?", "b": ["?"], "c": {"?": 1}}"#,
        "a: '?'\nb:\n- '?'\nc:\n  '?': 1",
        r#"{"a":"?","b":["?"],"c":{"?":1}}"#,
    ),
    (
        r#"{"a": "? x", "b": ["? x"], "c": {"? x": 1}}"#,
        "a: '? x'\nb:\n- '? x'\nc:\n  '? x': 1",
        r#"{"a":"? x","b":["? x"],"c":{"? x":1}}"#,
    ),
    (
        r#"{"a": "?x", "b": ["?x"], "c": {"?x": 1}}"#,
        "a: ?x\nb:\n- ?x\nc:\n  ?x: 1",
        r#"{"a":"?x","b":["?x"],"c":{"?x":1}}"#,
    ),
    (
        r#"{"a": ",x", "b": [",x"], "c": {",x": 1}}"#,
        "a: ',x'\nb:\n- ',x'\nc:\n  ',x': 1",
        r#"{"a":",x","b":[",x"],"c":{",x":1}}"#,
    ),
    (
        r#"{"a": "x,y", "b": ["x,y"], "c": {"x,y": 1}}"#,
        "a: x,y\nb:\n- x,y\nc:\n  x,y: 1",
        r#"{"a":"x,y","b":["x,y"],"c":{"x,y":1}}"#,
    ),
    (
        r#"{"a": "[x", "b": ["[x"], "c": {"[x": 1}}"#,
        "a: '[x'\nb:\n- '[x'\nc:\n  '[x': 1",
        r#"{"a":"[x","b":["[x"],"c":{"[x":1}}"#,
    ),
    (
        r#"{"a": "x]", "b": ["x]"], "c": {"x]": 1}}"#,
        "a: x]\nb:\n- x]\nc:\n  x]: 1",
        r#"{"a":"x]","b":["x]"],"c":{"x]":1}}"#,
    ),
    (
        r#"{"a": "{x}", "b": ["{x}"], "c": {"{x}": 1}}"#,
        "a: '{x}'\nb:\n- '{x}'\nc:\n  '{x}': 1",
        r#"{"a":"{x}","b":["{x}"],"c":{"{x}":1}}"#,
    ),
    (
        r#"{"a": " lead", "b": [" lead"], "c": {" lead": 1}}"#,
        "a: ' lead'\nb:\n- ' lead'\nc:\n  ' lead': 1",
        r#"{"a":" lead","b":[" lead"],"c":{" lead":1}}"#,
    ),
    (
        r#"{"a": "trail ", "b": ["trail "], "c": {"trail ": 1}}"#,
        "a: 'trail '\nb:\n- 'trail '\nc:\n  'trail ': 1",
        r#"{"a":"trail ","b":["trail "],"c":{"trail ":1}}"#,
    ),
    (
        r#"{"a": "  both  ", "b": ["  both  "], "c": {"  both  ": 1}}"#,
        "a: '  both  '\nb:\n- '  both  '\nc:\n  '  both  ': 1",
        r#"{"a":"  both  ","b":["  both  "],"c":{"  both  ":1}}"#,
    ),
    (
        r#"{"a": "\ttab", "b": ["\ttab"], "c": {"\ttab": 1}}"#,
        "a: \"\\ttab\"\nb:\n- \"\\ttab\"\nc:\n  \"\\ttab\": 1",
        r#"{"a":"\ttab","b":["\ttab"],"c":{"\ttab":1}}"#,
    ),
    (
        r#"{"a": "a\tb", "b": ["a\tb"], "c": {"a\tb": 1}}"#,
        "a: \"a\\tb\"\nb:\n- \"a\\tb\"\nc:\n  \"a\\tb\": 1",
        r#"{"a":"a\tb","b":["a\tb"],"c":{"a\tb":1}}"#,
    ),
    (
        r#"{"a": "café", "b": ["café"], "c": {"café": 1}}"#,
        "a: café\nb:\n- café\nc:\n  café: 1",
        r#"{"a":"café","b":["café"],"c":{"café":1}}"#,
    ),
    (
        r#"{"a": "日本語", "b": ["日本語"], "c": {"日本語": 1}}"#,
        "a: 日本語\nb:\n- 日本語\nc:\n  日本語: 1",
        r#"{"a":"日本語","b":["日本語"],"c":{"日本語":1}}"#,
    ),
    (
        r#"{"a": "emoji 😀", "b": ["emoji 😀"], "c": {"emoji 😀": 1}}"#,
        "a: \"emoji \\U0001F600\"\nb:\n- \"emoji \\U0001F600\"\nc:\n  \"emoji \\U0001F600\": 1",
        r#"{"a":"emoji 😀","b":["emoji 😀"],"c":{"emoji 😀":1}}"#,
    ),
    (
        r#"{"a": "\u00a0nbsp", "b": ["\u00a0nbsp"], "c": {"\u00a0nbsp": 1}}"#,
        "a: \u{a0}nbsp\nb:\n- \u{a0}nbsp\nc:\n  \u{a0}nbsp: 1",
        "{\"a\":\"\u{a0}nbsp\",\"b\":[\"\u{a0}nbsp\"],\"c\":{\"\u{a0}nbsp\":1}}",
    ),
    (
        r#"{"a": "\u2028ls", "b": ["\u2028ls"], "c": {"\u2028ls": 1}}"#,
        "a: '\u{2028}  ls'\nb:\n- '\u{2028}  ls'\nc:\n  ? '\u{2028}    ls'\n  : 1",
        r#"{"a":"\u2028ls","b":["\u2028ls"],"c":{"\u2028ls":1}}"#,
    ),
    (
        r#"{"a": "\ufeffbom", "b": ["\ufeffbom"], "c": {"\ufeffbom": 1}}"#,
        "a: \"\\uFEFF\\x62\\x6F\\x6D\"\nb:\n- \"\\uFEFF\\x62\\x6F\\x6D\"\nc:\n  \"\\uFEFF\\x62\\x6F\\x6D\": 1",
        "{\"a\":\"\u{feff}bom\",\"b\":[\"\u{feff}bom\"],\"c\":{\"\u{feff}bom\":1}}",
    ),
    (
        r#"{"a": "a\ufeff", "b": ["a\ufeff"], "c": {"a\ufeff": 1}}"#,
        "a: \"a\\uFEFF\"\nb:\n- \"a\\uFEFF\"\nc:\n  \"a\\uFEFF\": 1",
        "{\"a\":\"a\u{feff}\",\"b\":[\"a\u{feff}\"],\"c\":{\"a\u{feff}\":1}}",
    ),
    (
        r#"{"a": "\u0001ctl", "b": ["\u0001ctl"], "c": {"\u0001ctl": 1}}"#,
        "a: \"\\x01ctl\"\nb:\n- \"\\x01ctl\"\nc:\n  \"\\x01ctl\": 1",
        r#"{"a":"\u0001ctl","b":["\u0001ctl"],"c":{"\u0001ctl":1}}"#,
    ),
    (
        r#"{"a": "\u001b[0m", "b": ["\u001b[0m"], "c": {"\u001b[0m": 1}}"#,
        "a: \"\\e[0m\"\nb:\n- \"\\e[0m\"\nc:\n  \"\\e[0m\": 1",
        r#"{"a":"\u001b[0m","b":["\u001b[0m"],"c":{"\u001b[0m":1}}"#,
    ),
    (
        r#"{"a": "\u0000", "b": ["\u0000"], "c": {"\u0000": 1}}"#,
        "a: \"\\0\"\nb:\n- \"\\0\"\nc:\n  \"\\0\": 1",
        r#"{"a":"\u0000","b":["\u0000"],"c":{"\u0000":1}}"#,
    ),
    (
        r#"{"a": "\ud7ff\ue000", "b": ["\ud7ff\ue000"], "c": {"\ud7ff\ue000": 1}}"#,
        "a: \u{d7ff}\u{e000}\nb:\n- \u{d7ff}\u{e000}\nc:\n  \u{d7ff}\u{e000}: 1",
        "{\"a\":\"\u{d7ff}\u{e000}\",\"b\":[\"\u{d7ff}\u{e000}\"],\"c\":{\"\u{d7ff}\u{e000}\":1}}",
    ),
    (
        r#"{"a": "a\nb", "b": ["a\nb"], "c": {"a\nb": 1}}"#,
        "a: |-\n  a\n  b\nb:\n- |-\n  a\n  b\nc:\n  ? |-\n    a\n    b\n  : 1",
        r#"{"a":"a\nb","b":["a\nb"],"c":{"a\nb":1}}"#,
    ),
    (
        r#"{"a": "a\nb\n", "b": ["a\nb\n"], "c": {"a\nb\n": 1}}"#,
        "a: |\n  a\n  b\nb:\n- |\n  a\n  b\nc:\n  ? |\n    a\n    b\n  : 1",
        r#"{"a":"a\nb\n","b":["a\nb\n"],"c":{"a\nb\n":1}}"#,
    ),
    (
        r#"{"a": "a\nb\n\n", "b": ["a\nb\n\n"], "c": {"a\nb\n\n": 1}}"#,
        "a: |+\n  a\n  b\n\nb:\n- |+\n  a\n  b\n\nc:\n  ? |+\n    a\n    b\n\n  : 1",
        r#"{"a":"a\nb\n\n","b":["a\nb\n\n"],"c":{"a\nb\n\n":1}}"#,
    ),
    (
        r#"{"a": "\n", "b": ["\n"], "c": {"\n": 1}}"#,
        "a: |2+\n\nb:\n- |2+\n\nc:\n  ? |2+\n\n  : 1",
        r#"{"a":"\n","b":["\n"],"c":{"\n":1}}"#,
    ),
    (
        r#"{"a": "\n\n", "b": ["\n\n"], "c": {"\n\n": 1}}"#,
        "a: |2+\n\n\nb:\n- |2+\n\n\nc:\n  ? |2+\n\n\n  : 1",
        r#"{"a":"\n\n","b":["\n\n"],"c":{"\n\n":1}}"#,
    ),
    (
        r#"{"a": "\na", "b": ["\na"], "c": {"\na": 1}}"#,
        "a: |2-\n\n  a\nb:\n- |2-\n\n  a\nc:\n  ? |2-\n\n    a\n  : 1",
        r#"{"a":"\na","b":["\na"],"c":{"\na":1}}"#,
    ),
    (
        r#"{"a": "a\n", "b": ["a\n"], "c": {"a\n": 1}}"#,
        "a: |\n  a\nb:\n- |\n  a\nc:\n  ? |\n    a\n  : 1",
        r#"{"a":"a\n","b":["a\n"],"c":{"a\n":1}}"#,
    ),
    (
        r#"{"a": " a\nb", "b": [" a\nb"], "c": {" a\nb": 1}}"#,
        "a: |2-\n   a\n  b\nb:\n- |2-\n   a\n  b\nc:\n  ? |2-\n     a\n    b\n  : 1",
        r#"{"a":" a\nb","b":[" a\nb"],"c":{" a\nb":1}}"#,
    ),
    (
        r#"{"a": "a \nb", "b": ["a \nb"], "c": {"a \nb": 1}}"#,
        "a: \"a \\nb\"\nb:\n- \"a \\nb\"\nc:\n  ? \"a \\nb\"\n  : 1",
        r#"{"a":"a \nb","b":["a \nb"],"c":{"a \nb":1}}"#,
    ),
    (
        r#"{"a": "a\n b", "b": ["a\n b"], "c": {"a\n b": 1}}"#,
        "a: |-\n  a\n   b\nb:\n- |-\n  a\n   b\nc:\n  ? |-\n    a\n     b\n  : 1",
        r#"{"a":"a\n b","b":["a\n b"],"c":{"a\n b":1}}"#,
    ),
    (
        r#"{"a": "a\n\nb", "b": ["a\n\nb"], "c": {"a\n\nb": 1}}"#,
        "a: |-\n  a\n\n  b\nb:\n- |-\n  a\n\n  b\nc:\n  ? |-\n    a\n\n    b\n  : 1",
        r#"{"a":"a\n\nb","b":["a\n\nb"],"c":{"a\n\nb":1}}"#,
    ),
    (
        r#"{"a": "a\r\nb", "b": ["a\r\nb"], "c": {"a\r\nb": 1}}"#,
        "a: \"a\\r\\nb\"\nb:\n- \"a\\r\\nb\"\nc:\n  ? \"a\\r\\nb\"\n  : 1",
        r#"{"a":"a\r\nb","b":["a\r\nb"],"c":{"a\r\nb":1}}"#,
    ),
    (
        r#"{"a": "a\rb", "b": ["a\rb"], "c": {"a\rb": 1}}"#,
        "a: \"a\\rb\"\nb:\n- \"a\\rb\"\nc:\n  ? \"a\\rb\"\n  : 1",
        r#"{"a":"a\rb","b":["a\rb"],"c":{"a\rb":1}}"#,
    ),
    (
        r#"{"a": "x\n\t\ty", "b": ["x\n\t\ty"], "c": {"x\n\t\ty": 1}}"#,
        "a: \"x\\n\\t\\ty\"\nb:\n- \"x\\n\\t\\ty\"\nc:\n  ? \"x\\n\\t\\ty\"\n  : 1",
        r#"{"a":"x\n\t\ty","b":["x\n\t\ty"],"c":{"x\n\t\ty":1}}"#,
    ),
    (
        r#"{"a": "a\n\tb", "b": ["a\n\tb"], "c": {"a\n\tb": 1}}"#,
        "a: \"a\\n\\tb\"\nb:\n- \"a\\n\\tb\"\nc:\n  ? \"a\\n\\tb\"\n  : 1",
        r#"{"a":"a\n\tb","b":["a\n\tb"],"c":{"a\n\tb":1}}"#,
    ),
    (
        r#"{"a": "<<", "b": ["<<"], "c": {"<<": 1}}"#,
        "a: <<\nb:\n- <<\nc:\n  <<: 1",
        r#"{"a":"\u003c\u003c","b":["\u003c\u003c"],"c":{"\u003c\u003c":1}}"#,
    ),
    (
        r#"{"a": "=", "b": ["="], "c": {"=": 1}}"#,
        "a: =\nb:\n- =\nc:\n  =: 1",
        r#"{"a":"=","b":["="],"c":{"=":1}}"#,
    ),
    (
        r#"{"a": "<", "b": ["<"], "c": {"<": 1}}"#,
        "a: <\nb:\n- <\nc:\n  <: 1",
        r#"{"a":"\u003c","b":["\u003c"],"c":{"\u003c":1}}"#,
    ),
    (
        r#"{"a": "a&b", "b": ["a&b"], "c": {"a&b": 1}}"#,
        "a: a&b\nb:\n- a&b\nc:\n  a&b: 1",
        r#"{"a":"a\u0026b","b":["a\u0026b"],"c":{"a\u0026b":1}}"#,
    ),
    (
        r#"{"a": "a<b>c", "b": ["a<b>c"], "c": {"a<b>c": 1}}"#,
        "a: a<b>c\nb:\n- a<b>c\nc:\n  a<b>c: 1",
        r#"{"a":"a\u003cb\u003ec","b":["a\u003cb\u003ec"],"c":{"a\u003cb\u003ec":1}}"#,
    ),
    (
        r#"{"a": "$x", "b": ["$x"], "c": {"$x": 1}}"#,
        "a: $x\nb:\n- $x\nc:\n  $x: 1",
        r#"{"a":"$x","b":["$x"],"c":{"$x":1}}"#,
    ),
    (
        r#"{"a": "^x", "b": ["^x"], "c": {"^x": 1}}"#,
        "a: ^x\nb:\n- ^x\nc:\n  ^x: 1",
        r#"{"a":"^x","b":["^x"],"c":{"^x":1}}"#,
    ),
    (
        r#"{"a": "\\", "b": ["\\"], "c": {"\\": 1}}"#,
        "a: \\\nb:\n- \\\nc:\n  \\: 1",
        r#"{"a":"\\","b":["\\"],"c":{"\\":1}}"#,
    ),
    (
        r#"{"a": "a\\b", "b": ["a\\b"], "c": {"a\\b": 1}}"#,
        "a: a\\b\nb:\n- a\\b\nc:\n  a\\b: 1",
        r#"{"a":"a\\b","b":["a\\b"],"c":{"a\\b":1}}"#,
    ),
    (
        r#"{"a": "0.", "b": ["0."], "c": {"0.": 1}}"#,
        "a: \"0.\"\nb:\n- \"0.\"\nc:\n  \"0.\": 1",
        r#"{"a":"0.","b":["0."],"c":{"0.":1}}"#,
    ),
    (
        r#"{"a": "+", "b": ["+"], "c": {"+": 1}}"#,
        "a: +\nb:\n- +\nc:\n  +: 1",
        r#"{"a":"+","b":["+"],"c":{"+":1}}"#,
    ),
    (
        r#"{"a": "+.5", "b": ["+.5"], "c": {"+.5": 1}}"#,
        "a: \"+.5\"\nb:\n- \"+.5\"\nc:\n  \"+.5\": 1",
        r#"{"a":"+.5","b":["+.5"],"c":{"+.5":1}}"#,
    ),
    (
        r#"{"a": "-.5", "b": ["-.5"], "c": {"-.5": 1}}"#,
        "a: \"-.5\"\nb:\n- \"-.5\"\nc:\n  \"-.5\": 1",
        r#"{"a":"-.5","b":["-.5"],"c":{"-.5":1}}"#,
    ),
    (
        r#"{"a": "1e", "b": ["1e"], "c": {"1e": 1}}"#,
        "a: 1e\nb:\n- 1e\nc:\n  1e: 1",
        r#"{"a":"1e","b":["1e"],"c":{"1e":1}}"#,
    ),
    (
        r#"{"a": "e1", "b": ["e1"], "c": {"e1": 1}}"#,
        "a: e1\nb:\n- e1\nc:\n  e1: 1",
        r#"{"a":"e1","b":["e1"],"c":{"e1":1}}"#,
    ),
    (
        r#"{"a": "0x", "b": ["0x"], "c": {"0x": 1}}"#,
        "a: 0x\nb:\n- 0x\nc:\n  0x: 1",
        r#"{"a":"0x","b":["0x"],"c":{"0x":1}}"#,
    ),
    (
        r#"{"a": "0xG", "b": ["0xG"], "c": {"0xG": 1}}"#,
        "a: 0xG\nb:\n- 0xG\nc:\n  0xG: 1",
        r#"{"a":"0xG","b":["0xG"],"c":{"0xG":1}}"#,
    ),
    (
        r#"{"a": "1_000.5", "b": ["1_000.5"], "c": {"1_000.5": 1}}"#,
        "a: \"1_000.5\"\nb:\n- \"1_000.5\"\nc:\n  \"1_000.5\": 1",
        r#"{"a":"1_000.5","b":["1_000.5"],"c":{"1_000.5":1}}"#,
    ),
    (
        r#"{"a": ".5_0", "b": [".5_0"], "c": {".5_0": 1}}"#,
        "a: \".5_0\"\nb:\n- \".5_0\"\nc:\n  \".5_0\": 1",
        r#"{"a":".5_0","b":[".5_0"],"c":{".5_0":1}}"#,
    ),
    (
        r#"{"a": "._5", "b": ["._5"], "c": {"._5": 1}}"#,
        "a: ._5\nb:\n- ._5\nc:\n  ._5: 1",
        r#"{"a":"._5","b":["._5"],"c":{"._5":1}}"#,
    ),
    (
        r#"{"a": ".5__0", "b": [".5__0"], "c": {".5__0": 1}}"#,
        "a: .5__0\nb:\n- .5__0\nc:\n  .5__0: 1",
        r#"{"a":".5__0","b":[".5__0"],"c":{".5__0":1}}"#,
    ),
    (
        r#"{"a": ".5e1_0", "b": [".5e1_0"], "c": {".5e1_0": 1}}"#,
        "a: \".5e1_0\"\nb:\n- \".5e1_0\"\nc:\n  \".5e1_0\": 1",
        r#"{"a":".5e1_0","b":[".5e1_0"],"c":{".5e1_0":1}}"#,
    ),
    (
        r#"{"a": "1.2.3", "b": ["1.2.3"], "c": {"1.2.3": 1}}"#,
        "a: 1.2.3\nb:\n- 1.2.3\nc:\n  1.2.3: 1",
        r#"{"a":"1.2.3","b":["1.2.3"],"c":{"1.2.3":1}}"#,
    ),
    (
        r#"{"a": "v1.2.3", "b": ["v1.2.3"], "c": {"v1.2.3": 1}}"#,
        "a: v1.2.3\nb:\n- v1.2.3\nc:\n  v1.2.3: 1",
        r#"{"a":"v1.2.3","b":["v1.2.3"],"c":{"v1.2.3":1}}"#,
    ),
    (
        r#"{"a": "123abc", "b": ["123abc"], "c": {"123abc": 1}}"#,
        "a: 123abc\nb:\n- 123abc\nc:\n  123abc: 1",
        r#"{"a":"123abc","b":["123abc"],"c":{"123abc":1}}"#,
    ),
    (
        r#"{"a": "1 2", "b": ["1 2"], "c": {"1 2": 1}}"#,
        "a: 1 2\nb:\n- 1 2\nc:\n  1 2: 1",
        r#"{"a":"1 2","b":["1 2"],"c":{"1 2":1}}"#,
    ),
    (
        r#"{"a": "-0x1F", "b": ["-0x1F"], "c": {"-0x1F": 1}}"#,
        "a: \"-0x1F\"\nb:\n- \"-0x1F\"\nc:\n  \"-0x1F\": 1",
        r#"{"a":"-0x1F","b":["-0x1F"],"c":{"-0x1F":1}}"#,
    ),
    (
        r#"{"a": "+0x1F", "b": ["+0x1F"], "c": {"+0x1F": 1}}"#,
        "a: \"+0x1F\"\nb:\n- \"+0x1F\"\nc:\n  \"+0x1F\": 1",
        r#"{"a":"+0x1F","b":["+0x1F"],"c":{"+0x1F":1}}"#,
    ),
    (
        r#"{"a": "0xFFFFFFFFFFFFFFFFFFFF", "b": ["0xFFFFFFFFFFFFFFFFFFFF"], "c": {"0xFFFFFFFFFFFFFFFFFFFF": 1}}"#,
        "a: 0xFFFFFFFFFFFFFFFFFFFF\nb:\n- 0xFFFFFFFFFFFFFFFFFFFF\nc:\n  0xFFFFFFFFFFFFFFFFFFFF: 1",
        r#"{"a":"0xFFFFFFFFFFFFFFFFFFFF","b":["0xFFFFFFFFFFFFFFFFFFFF"],"c":{"0xFFFFFFFFFFFFFFFFFFFF":1}}"#,
    ),
    (
        r#"{"a": "-0xFFFFFFFFFFFFFFFFFFFF", "b": ["-0xFFFFFFFFFFFFFFFFFFFF"], "c": {"-0xFFFFFFFFFFFFFFFFFFFF": 1}}"#,
        "a: -0xFFFFFFFFFFFFFFFFFFFF\nb:\n- -0xFFFFFFFFFFFFFFFFFFFF\nc:\n  -0xFFFFFFFFFFFFFFFFFFFF: 1",
        r#"{"a":"-0xFFFFFFFFFFFFFFFFFFFF","b":["-0xFFFFFFFFFFFFFFFFFFFF"],"c":{"-0xFFFFFFFFFFFFFFFFFFFF":1}}"#,
    ),
    (
        r#"{"a": "99999999999999999999", "b": ["99999999999999999999"], "c": {"99999999999999999999": 1}}"#,
        "a: \"99999999999999999999\"\nb:\n- \"99999999999999999999\"\nc:\n  \"99999999999999999999\": 1",
        r#"{"a":"99999999999999999999","b":["99999999999999999999"],"c":{"99999999999999999999":1}}"#,
    ),
    (
        r#"{"a": "99999999999999999999x", "b": ["99999999999999999999x"], "c": {"99999999999999999999x": 1}}"#,
        "a: 99999999999999999999x\nb:\n- 99999999999999999999x\nc:\n  99999999999999999999x: 1",
        r#"{"a":"99999999999999999999x","b":["99999999999999999999x"],"c":{"99999999999999999999x":1}}"#,
    ),
    (
        r#"{"a": "18446744073709551615", "b": ["18446744073709551615"], "c": {"18446744073709551615": 1}}"#,
        "a: \"18446744073709551615\"\nb:\n- \"18446744073709551615\"\nc:\n  \"18446744073709551615\": 1",
        r#"{"a":"18446744073709551615","b":["18446744073709551615"],"c":{"18446744073709551615":1}}"#,
    ),
    (
        r#"{"a": "9223372036854775808", "b": ["9223372036854775808"], "c": {"9223372036854775808": 1}}"#,
        "a: \"9223372036854775808\"\nb:\n- \"9223372036854775808\"\nc:\n  \"9223372036854775808\": 1",
        r#"{"a":"9223372036854775808","b":["9223372036854775808"],"c":{"9223372036854775808":1}}"#,
    ),
    (
        r#"{"a": "-9223372036854775809", "b": ["-9223372036854775809"], "c": {"-9223372036854775809": 1}}"#,
        "a: \"-9223372036854775809\"\nb:\n- \"-9223372036854775809\"\nc:\n  \"-9223372036854775809\": 1",
        r#"{"a":"-9223372036854775809","b":["-9223372036854775809"],"c":{"-9223372036854775809":1}}"#,
    ),
    (
        r#"{"a": "0b11111111111111111111111111111111111111111111111111111111111111111", "b": ["0b11111111111111111111111111111111111111111111111111111111111111111"], "c": {"0b11111111111111111111111111111111111111111111111111111111111111111": 1}}"#,
        "a: 0b11111111111111111111111111111111111111111111111111111111111111111\nb:\n- 0b11111111111111111111111111111111111111111111111111111111111111111\nc:\n  0b11111111111111111111111111111111111111111111111111111111111111111: 1",
        r#"{"a":"0b11111111111111111111111111111111111111111111111111111111111111111","b":["0b11111111111111111111111111111111111111111111111111111111111111111"],"c":{"0b11111111111111111111111111111111111111111111111111111111111111111":1}}"#,
    ),
    (
        r#"{"a": "1e308", "b": ["1e308"], "c": {"1e308": 1}}"#,
        "a: \"1e308\"\nb:\n- \"1e308\"\nc:\n  \"1e308\": 1",
        r#"{"a":"1e308","b":["1e308"],"c":{"1e308":1}}"#,
    ),
    (
        r#"{"a": "2e308", "b": ["2e308"], "c": {"2e308": 1}}"#,
        "a: 2e308\nb:\n- 2e308\nc:\n  2e308: 1",
        r#"{"a":"2e308","b":["2e308"],"c":{"2e308":1}}"#,
    ),
    (
        r#"{"a": ".1e999", "b": [".1e999"], "c": {".1e999": 1}}"#,
        "a: .1e999\nb:\n- .1e999\nc:\n  .1e999: 1",
        r#"{"a":".1e999","b":[".1e999"],"c":{".1e999":1}}"#,
    ),
    (
        r#"{"a": "inf", "b": ["inf"], "c": {"inf": 1}}"#,
        "a: inf\nb:\n- inf\nc:\n  inf: 1",
        r#"{"a":"inf","b":["inf"],"c":{"inf":1}}"#,
    ),
    (
        r#"{"a": "Infinity", "b": ["Infinity"], "c": {"Infinity": 1}}"#,
        "a: Infinity\nb:\n- Infinity\nc:\n  Infinity: 1",
        r#"{"a":"Infinity","b":["Infinity"],"c":{"Infinity":1}}"#,
    ),
    (
        r#"{"a": "nan", "b": ["nan"], "c": {"nan": 1}}"#,
        "a: nan\nb:\n- nan\nc:\n  nan: 1",
        r#"{"a":"nan","b":["nan"],"c":{"nan":1}}"#,
    ),
    (
        r#"{"a": "a b", "b": ["a b"], "c": {"a b": 1}}"#,
        "a: a b\nb:\n- a b\nc:\n  a b: 1",
        r#"{"a":"a b","b":["a b"],"c":{"a b":1}}"#,
    ),
    (
        r#"{"a": "a  b", "b": ["a  b"], "c": {"a  b": 1}}"#,
        "a: a  b\nb:\n- a  b\nc:\n  a  b: 1",
        r#"{"a":"a  b","b":["a  b"],"c":{"a  b":1}}"#,
    ),
    (
        r#"{"a": "a ", "b": ["a "], "c": {"a ": 1}}"#,
        "a: 'a '\nb:\n- 'a '\nc:\n  'a ': 1",
        r#"{"a":"a ","b":["a "],"c":{"a ":1}}"#,
    ),
    (
        r#"{"a": "a\u2029b", "b": ["a\u2029b"], "c": {"a\u2029b": 1}}"#,
        "a: 'a\u{2029}  b'\nb:\n- 'a\u{2029}  b'\nc:\n  ? 'a\u{2029}    b'\n  : 1",
        r#"{"a":"a\u2029b","b":["a\u2029b"],"c":{"a\u2029b":1}}"#,
    ),
    (
        r#"{"a": "multi\nline with trailing space \nx", "b": ["multi\nline with trailing space \nx"], "c": {"multi\nline with trailing space \nx": 1}}"#,
        "a: \"multi\\nline with trailing space \\nx\"\nb:\n- \"multi\\nline with trailing space \\nx\"\nc:\n  ? \"multi\\nline with trailing space \\nx\"\n  : 1",
        r#"{"a":"multi\nline with trailing space \nx","b":["multi\nline with trailing space \nx"],"c":{"multi\nline with trailing space \nx":1}}"#,
    ),
    (
        r#"{"a": "x\n\n\n", "b": ["x\n\n\n"], "c": {"x\n\n\n": 1}}"#,
        "a: |+\n  x\n\n\nb:\n- |+\n  x\n\n\nc:\n  ? |+\n    x\n\n\n  : 1",
        r#"{"a":"x\n\n\n","b":["x\n\n\n"],"c":{"x\n\n\n":1}}"#,
    ),
    (
        r#"{"a": "\n x", "b": ["\n x"], "c": {"\n x": 1}}"#,
        "a: |2-\n\n   x\nb:\n- |2-\n\n   x\nc:\n  ? |2-\n\n     x\n  : 1",
        r#"{"a":"\n x","b":["\n x"],"c":{"\n x":1}}"#,
    ),
    (
        r#"{"a": "  \n", "b": ["  \n"], "c": {"  \n": 1}}"#,
        "a: \"  \\n\"\nb:\n- \"  \\n\"\nc:\n  ? \"  \\n\"\n  : 1",
        r#"{"a":"  \n","b":["  \n"],"c":{"  \n":1}}"#,
    ),
    (
        r#"{"a": "a\n \n", "b": ["a\n \n"], "c": {"a\n \n": 1}}"#,
        "a: \"a\\n \\n\"\nb:\n- \"a\\n \\n\"\nc:\n  ? \"a\\n \\n\"\n  : 1",
        r#"{"a":"a\n \n","b":["a\n \n"],"c":{"a\n \n":1}}"#,
    ),
    (
        r#"{"a": "é́", "b": ["é́"], "c": {"é́": 1}}"#,
        "a: é́\nb:\n- é́\nc:\n  é́: 1",
        r#"{"a":"é́","b":["é́"],"c":{"é́":1}}"#,
    ),
    (
        r#""""#,
        r#""""#,
        r#""""#,
    ),
    (
        r#""a""#,
        "a",
        r#""a""#,
    ),
    (
        r#""true""#,
        r#""true""#,
        r#""true""#,
    ),
    (
        r#""- a""#,
        "'- a'",
        r#""- a""#,
    ),
    (
        r#""a\nb""#,
        "|-\n  a\n  b",
        r#""a\nb""#,
    ),
    (
        r#""a\nb\n""#,
        "|\n  a\n  b",
        r#""a\nb\n""#,
    ),
    (
        r#""a\nb\n\n""#,
        "|+\n  a\n  b\n",
        r#""a\nb\n\n""#,
    ),
    (
        r#""\n""#,
        "|2+\n",
        r#""\n""#,
    ),
    (
        r#"" a\nb""#,
        "|2-\n   a\n  b",
        r#"" a\nb""#,
    ),
    (
        r#""a \nb""#,
        r#""a \nb""#,
        r#""a \nb""#,
    ),
    (
        r#""\ufeffbom""#,
        r#""\uFEFF\x62\x6F\x6D""#,
        "\"\u{feff}bom\"",
    ),
    (
        r#""'q'""#,
        "'''q'''",
        r#""'q'""#,
    ),
    (
        r#"{"a": "\u0085nel", "b": ["\u0085nel"]}"#,
        "a: ' nel'\nb:\n- ' nel'",
        "{\"a\":\"\u{85}nel\",\"b\":[\"\u{85}nel\"]}",
    ),
    (
        r#"{"a": "x\u0085", "b": ["x\u0085"]}"#,
        "a: 'x '\nb:\n- 'x '",
        "{\"a\":\"x\u{85}\",\"b\":[\"x\u{85}\"]}",
    ),
    (
        r#"{"a": "a\u0085--- b", "b": ["a\u0085--- b"]}"#,
        "",
        "{\"a\":\"a\u{85}--- b\",\"b\":[\"a\u{85}--- b\"]}",
    ),
    (
        r#"{"a": "a\u0085---", "b": ["a\u0085---"]}"#,
        "a: a ---\nb:\n- a ---",
        "{\"a\":\"a\u{85}---\",\"b\":[\"a\u{85}---\"]}",
    ),
    (
        r#"{"a": "a\u0085... ", "b": ["a\u0085... "]}"#,
        "",
        "{\"a\":\"a\u{85}... \",\"b\":[\"a\u{85}... \"]}",
    ),
    (
        r#"{"a": "a \u0085 b", "b": ["a \u0085 b"]}"#,
        "a: a b\nb:\n- a b",
        "{\"a\":\"a \u{85} b\",\"b\":[\"a \u{85} b\"]}",
    ),
    (
        r#"{"a": "a\u0085\u0085b", "b": ["a\u0085\u0085b"]}"#,
        "a: |-\n  a\n  b\nb:\n- |-\n  a\n  b",
        "{\"a\":\"a\u{85}\u{85}b\",\"b\":[\"a\u{85}\u{85}b\"]}",
    ),
    (
        r#"{"a": "\u0085", "b": ["\u0085"]}"#,
        "a: ' '\nb:\n- ' '",
        "{\"a\":\"\u{85}\",\"b\":[\"\u{85}\"]}",
    ),
    (
        r#"{"a": "a\u0085\tb", "b": ["a\u0085\tb"]}"#,
        "a: \"a \\tb\"\nb:\n- \"a \\tb\"",
        "{\"a\":\"a\u{85}\\tb\",\"b\":[\"a\u{85}\\tb\"]}",
    ),
    (
        r#"{"a": "a\u0085\u0085\u0085b  c", "b": ["a\u0085\u0085\u0085b  c"]}"#,
        "a: |-\n  a\n\n  b  c\nb:\n- |-\n  a\n\n  b  c",
        "{\"a\":\"a\u{85}\u{85}\u{85}b  c\",\"b\":[\"a\u{85}\u{85}\u{85}b  c\"]}",
    ),
    (
        r#"{"a": "\u007fdel", "b": ["\u007fdel"]}"#,
        "",
        "{\"a\":\"\u{7f}del\",\"b\":[\"\u{7f}del\"]}",
    ),
    (
        r#"{"a": "\u0080c1", "b": ["\u0080c1"]}"#,
        "",
        "{\"a\":\"\u{80}c1\",\"b\":[\"\u{80}c1\"]}",
    ),
    (
        r#"{"a": "\u009f", "b": ["\u009f"]}"#,
        "",
        "{\"a\":\"\u{9f}\",\"b\":[\"\u{9f}\"]}",
    ),
    (
        r#"{"a": "\ufffe", "b": ["\ufffe"]}"#,
        "",
        "{\"a\":\"\u{fffe}\",\"b\":[\"\u{fffe}\"]}",
    ),
    (
        r#"{"a": "\uffff", "b": ["\uffff"]}"#,
        "",
        "{\"a\":\"\u{ffff}\",\"b\":[\"\u{ffff}\"]}",
    ),
    (
        r#"{"a\u0085b": 1}"#,
        "",
        "{\"a\u{85}b\":1}",
    ),
    (
        r#"{"\u007f": 1}"#,
        "",
        "{\"\u{7f}\":1}",
    ),
    (
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13\n  word14 word15",
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\nb:\n- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\n- - word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15\nd:\n  e:\n    f: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n      word13 word14 word15\ng:\n- h: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15",
        r#"{"a":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#,
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#,
    ),
    (
        r#"{"a": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "b": ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]], "d": {"e": {"f": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}, "g": [{"h": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}"#,
        "a: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nb:\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n- - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nd:\n  e:\n    f: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ng:\n- h: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        r#"{"a":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","b":["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]],"d":{"e":{"f":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}},"g":[{"h":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}"#,
    ),
    (
        r#""- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "'- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'",
        r#""- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'\nb:\n- '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'\n- - '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15'\nd:\n  e:\n    f: '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15'\ng:\n- h: '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15'",
        r#"{"a":"- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "\"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\"",
        r#""\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: \"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\"\nb:\n- \"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\"\n- - \"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15\"\nd:\n  e:\n    f: \"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15\"\ng:\n- h: \"\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15\"",
        r#"{"a":"\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ""#,
        "\"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n  \\ a  a  a  a  a  a  a  a  a  a  a  a  a  \"",
        r#""\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ""#,
    ),
    (
        r#"{"a": "\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ", "b": ["\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ", ["\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "]], "d": {"e": {"f": "\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "}}, "g": [{"h": "\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "}]}"#,
        "a: \"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n  \\ a  a  a  a  a  a  a  a  a  a  a  a  a  a  \"\nb:\n- \"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n  \\ a  a  a  a  a  a  a  a  a  a  a  a  a  a  \"\n- - \"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n    \\ a  a  a  a  a  a  a  a  a  a  a  a  a  a  \"\nd:\n  e:\n    f: \"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n      \\ a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  \"\ng:\n- h: \"\\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a\n    \\ a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  \"",
        r#"{"a":"\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ","b":["\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ",["\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "]],"d":{"e":{"f":"\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "}},"g":[{"h":"\ta  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  "}]}"#,
    ),
    (
        r#""a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15""#,
        "a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15",
        r#""a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15""#,
    ),
    (
        r#"{"a": "a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15", "b": ["a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15", ["a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"]], "d": {"e": {"f": "a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"}}, "g": [{"h": "a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"}]}"#,
        "a: a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15\nb:\n- a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15\n- - a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15\nd:\n  e:\n    f: a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15\ng:\n- h: a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15",
        r#"{"a":"a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15","b":["a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15",["a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"]],"d":{"e":{"f":"a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"}},"g":[{"h":"a  word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15"}]}"#,
    ),
    (
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c\n  d",
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
    ),
    (
        r#"{"a": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", "b": ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]], "d": {"e": {"f": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}}, "g": [{"h": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
        "a: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\nb:\n- bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\n- - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d\nd:\n  e:\n    f: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n      c d\ng:\n- h: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d",
        r#"{"a":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d","b":["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d",["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]],"d":{"e":{"f":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}},"g":[{"h":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
    ),
    (
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c\n  d",
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
    ),
    (
        r#"{"a": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", "b": ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]], "d": {"e": {"f": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}}, "g": [{"h": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
        "a: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\nb:\n- bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\n- - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d\nd:\n  e:\n    f: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n      c d\ng:\n- h: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d",
        r#"{"a":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d","b":["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d",["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]],"d":{"e":{"f":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}},"g":[{"h":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
    ),
    (
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d",
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d""#,
    ),
    (
        r#"{"a": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", "b": ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d", ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]], "d": {"e": {"f": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}}, "g": [{"h": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
        "a: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\nb:\n- bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  c d\n- - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d\nd:\n  e:\n    f: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n      c d\ng:\n- h: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    c d",
        r#"{"a":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d","b":["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d",["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"]],"d":{"e":{"f":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}},"g":[{"h":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d"}]}"#,
    ),
    (
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d""#,
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d",
        r#""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d""#,
    ),
    (
        r#"{"a": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d", "b": ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d", ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"]], "d": {"e": {"f": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"}}, "g": [{"h": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"}]}"#,
        "a: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d\nb:\n- bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d\n- - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d\nd:\n  e:\n    f: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d\ng:\n- h: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d",
        r#"{"a":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d","b":["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d",["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"]],"d":{"e":{"f":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"}},"g":[{"h":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c  d"}]}"#,
    ),
    (
        r#""it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15",
        r#""it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15\nb:\n- it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\n- - it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15\nd:\n  e:\n    f: it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15\ng:\n- h: it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15",
        r#"{"a":"it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast""#,
        "|-\n  line one\n  word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n  last",
        r#""line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast""#,
    ),
    (
        r#"{"a": "line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast", "b": ["line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast", ["line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"]], "d": {"e": {"f": "line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"}}, "g": [{"h": "line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"}]}"#,
        "a: |-\n  line one\n  word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n  last\nb:\n- |-\n  line one\n  word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n  last\n- - |-\n    line one\n    word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n    last\nd:\n  e:\n    f: |-\n      line one\n      word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n      last\ng:\n- h: |-\n    line one\n    word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\n    last",
        r#"{"a":"line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast","b":["line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast",["line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"]],"d":{"e":{"f":"line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"}},"g":[{"h":"line one\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15\nlast"}]}"#,
    ),
    (
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx""#,
        "\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 \\nx\"",
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx""#,
    ),
    (
        r#"{"a": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx", "b": ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx", ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"]], "d": {"e": {"f": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"}}, "g": [{"h": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"}]}"#,
        "a: \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 \\nx\"\nb:\n- \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 \\nx\"\n- - \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 \\nx\"\nd:\n  e:\n    f: \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15 \\nx\"\ng:\n- h: \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 \\nx\"",
        r#"{"a":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx","b":["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx",["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"]],"d":{"e":{"f":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"}},"g":[{"h":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 \nx"}]}"#,
    ),
    (
        r#""'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "'''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'",
        r#""'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'\nb:\n- '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15'\n- - '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15'\nd:\n  e:\n    f: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15'\ng:\n- h: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15'",
        r#"{"a":"'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y""#,
        "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  x y",
        r#""éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y""#,
    ),
    (
        r#"{"a": "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y", "b": ["éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y", ["éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"]], "d": {"e": {"f": "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"}}, "g": [{"h": "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"}]}"#,
        "a: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  x y\nb:\n- éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  x y\n- - éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y\nd:\n  e:\n    f: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n      x y\ng:\n- h: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y",
        r#"{"a":"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y","b":["éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y",["éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"]],"d":{"e":{"f":"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"}},"g":[{"h":"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y"}]}"#,
    ),
    (
        r#""😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "\"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15\"",
        r#""😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: \"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n  word11 word12 word13 word14 word15\"\nb:\n- \"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15\"\n- - \"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n    word11 word12 word13 word14 word15\"\nd:\n  e:\n    f: \"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n      word11 word12 word13 word14 word15\"\ng:\n- h: \"\\U0001F600 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n    word11 word12 word13 word14 word15\"",
        r#"{"a":"😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"😀 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d""#,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d",
        r#""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d""#,
    ),
    (
        r#"{"a": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d", "b": ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d", ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"]], "d": {"e": {"f": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"}}, "g": [{"h": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"}]}"#,
        "a: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d\nb:\n- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d\n- - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d\nd:\n  e:\n    f: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n      bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d\ng:\n- h: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d",
        r#"{"a":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d","b":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d",["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"]],"d":{"e":{"f":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"}},"g":[{"h":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb  cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc   d"}]}"#,
    ),
    (
        r#""1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15",
        r#""1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: 1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15\nb:\n- 1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\n- - 1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15\nd:\n  e:\n    f: 1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15\ng:\n- h: 1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15",
        r#"{"a":"1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"1:20 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
        "true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15",
        r#""true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15""#,
    ),
    (
        r#"{"a": "true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", "b": ["true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15", ["true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]], "d": {"e": {"f": "true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}}, "g": [{"h": "true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
        "a: true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15\nb:\n- true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15\n- - true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15\nd:\n  e:\n    f: true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15\ng:\n- h: true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15",
        r#"{"a":"true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15","b":["true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15",["true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"]],"d":{"e":{"f":"true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}},"g":[{"h":"true word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}]}"#,
    ),
    (
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ""#,
        "'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 '",
        r#""word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ""#,
    ),
    (
        r#"{"a": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ", "b": ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ", ["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "]], "d": {"e": {"f": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "}}, "g": [{"h": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "}]}"#,
        "a: 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 '\nb:\n- 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 '\n- - 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 '\nd:\n  e:\n    f: 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n      word12 word13 word14 word15 '\ng:\n- h: 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 '",
        r#"{"a":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ","b":["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 ",["word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "]],"d":{"e":{"f":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "}},"g":[{"h":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 "}]}"#,
    ),
    (
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": 1}"#,
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1",
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":1}"#,
    ),
    (
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": 1}"#,
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: 1",
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":1}"#,
    ),
    (
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": {"x": 1, "y": [1, 2]}}"#,
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: x: 1\n  \"y\":\n  - 1\n  - 2",
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":{"x":1,"y":[1,2]}}"#,
    ),
    (
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": [1, 2]}"#,
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: - 1\n  - 2",
        r#"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":[1,2]}"#,
    ),
    (
        r#"{"a\nb": 1}"#,
        "? |-\n  a\n  b\n: 1",
        r#"{"a\nb":1}"#,
    ),
    (
        r#"{"a\nb": {"c": 1}}"#,
        "? |-\n  a\n  b\n: c: 1",
        r#"{"a\nb":{"c":1}}"#,
    ),
    (
        r#"{"a\nb": [1]}"#,
        "? |-\n  a\n  b\n: - 1",
        r#"{"a\nb":[1]}"#,
    ),
    (
        r#"{"a\nb\n": "x"}"#,
        "? |\n  a\n  b\n: x",
        r#"{"a\nb\n":"x"}"#,
    ),
    (
        r#"{"": ""}"#,
        r#""": """#,
        r#"{"":""}"#,
    ),
    (
        r#"{"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w": 1}"#,
        "? w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n  w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n: 1",
        r#"{"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w":1}"#,
    ),
    (
        r#"{"x": {"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": {"z": [1]}}}"#,
        "x:\n  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : z:\n    - 1",
        r#"{"x":{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":{"z":[1]}}}"#,
    ),
    (
        r#"{"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15": "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}"#,
        "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15: word0\n  word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13\n  word14 word15",
        r#"{"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15":"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15"}"#,
    ),
    (
        r#"{"- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15": 1}"#,
        "'- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15': 1",
        r#"{"- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15":1}"#,
    ),
    (
        "[0, -1, 1.5, -1.5, 1000000.0, 1e+21, 1e-07, 123456789012, 0.1, 1234567.5, 1e+20, 1e+19, -1e+21, 2.5e-05, 9007199254740993, 1.7976931348623157e+308, 5e-324, 1e-06, 9.99e-07, 1e+21, 0.000123, 123456.789, 1000000000000000.0, 1e+16, 1e+17, 100, -0.5, 3.0, 9223372036854775808, 18446744073709551616, -9223372036854775808, 1e+100, 0.3, 0.6666666666666666, -0.0, 1e-10, 123456789.0]",
        "- 0\n- -1\n- 1.5\n- -1.5\n- 1000000\n- 1e+21\n- 1e-07\n- 123456789012\n- 0.1\n- 1.2345675e+06\n- 1e+20\n- 10000000000000000000\n- -1e+21\n- 2.5e-05\n- 9007199254740992\n- 1.7976931348623157e+308\n- 5e-324\n- 1e-06\n- 9.99e-07\n- 1e+21\n- 0.000123\n- 123456.789\n- 1000000000000000\n- 10000000000000000\n- 100000000000000000\n- 100\n- -0.5\n- 3\n- 9223372036854776000\n- 1.8446744073709552e+19\n- -9.223372036854776e+18\n- 1e+100\n- 0.3\n- 0.6666666666666666\n- 0\n- 1e-10\n- 123456789",
        "[0,-1,1.5,-1.5,1000000,1e+21,1e-7,123456789012,0.1,1234567.5,100000000000000000000,10000000000000000000,-1e+21,0.000025,9007199254740992,1.7976931348623157e+308,5e-324,0.000001,9.99e-7,1e+21,0.000123,123456.789,1000000000000000,10000000000000000,100000000000000000,100,-0.5,3,9223372036854776000,18446744073709552000,-9223372036854776000,1e+100,0.3,0.6666666666666666,-0,1e-10,123456789]",
    ),
    (
        r#"{"n00": 0, "n01": -1, "n02": 1.5, "n03": -1.5, "n04": 1000000.0, "n05": 1e+21, "n06": 1e-07, "n07": 123456789012, "n08": 0.1, "n09": 1234567.5, "n10": 1e+20, "n11": 1e+19, "n12": -1e+21, "n13": 2.5e-05, "n14": 9007199254740993, "n15": 1.7976931348623157e+308, "n16": 5e-324, "n17": 1e-06, "n18": 9.99e-07, "n19": 1e+21, "n20": 0.000123, "n21": 123456.789, "n22": 1000000000000000.0, "n23": 1e+16, "n24": 1e+17, "n25": 100, "n26": -0.5, "n27": 3.0, "n28": 9223372036854775808, "n29": 18446744073709551616, "n30": -9223372036854775808, "n31": 1e+100, "n32": 0.3, "n33": 0.6666666666666666, "n34": -0.0, "n35": 1e-10, "n36": 123456789.0}"#,
        "n00: 0\nn01: -1\nn02: 1.5\nn03: -1.5\nn04: 1000000\nn05: 1e+21\nn06: 1e-07\nn07: 123456789012\nn08: 0.1\nn09: 1.2345675e+06\nn10: 1e+20\nn11: 10000000000000000000\nn12: -1e+21\nn13: 2.5e-05\nn14: 9007199254740992\nn15: 1.7976931348623157e+308\nn16: 5e-324\nn17: 1e-06\nn18: 9.99e-07\nn19: 1e+21\nn20: 0.000123\nn21: 123456.789\nn22: 1000000000000000\nn23: 10000000000000000\nn24: 100000000000000000\nn25: 100\nn26: -0.5\nn27: 3\nn28: 9223372036854776000\nn29: 1.8446744073709552e+19\nn30: -9.223372036854776e+18\nn31: 1e+100\nn32: 0.3\nn33: 0.6666666666666666\nn34: 0\nn35: 1e-10\nn36: 123456789",
        r#"{"n00":0,"n01":-1,"n02":1.5,"n03":-1.5,"n04":1000000,"n05":1e+21,"n06":1e-7,"n07":123456789012,"n08":0.1,"n09":1234567.5,"n10":100000000000000000000,"n11":10000000000000000000,"n12":-1e+21,"n13":0.000025,"n14":9007199254740992,"n15":1.7976931348623157e+308,"n16":5e-324,"n17":0.000001,"n18":9.99e-7,"n19":1e+21,"n20":0.000123,"n21":123456.789,"n22":1000000000000000,"n23":10000000000000000,"n24":100000000000000000,"n25":100,"n26":-0.5,"n27":3,"n28":9223372036854776000,"n29":18446744073709552000,"n30":-9223372036854776000,"n31":1e+100,"n32":0.3,"n33":0.6666666666666666,"n34":-0,"n35":1e-10,"n36":123456789}"#,
    ),
    (
        "true",
        "true",
        "true",
    ),
    (
        "false",
        "false",
        "false",
    ),
    (
        "null",
        "null",
        "null",
    ),
    (
        "1.5",
        "1.5",
        "1.5",
    ),
    (
        "1e+21",
        "1e+21",
        "1e+21",
    ),
    (
        "[true, false, null]",
        "- true\n- false\n- null",
        "[true,false,null]",
    ),
    (
        r#"{"t": true, "f": false, "n": null}"#,
        "f: false\n\"n\": null\nt: true",
        r#"{"f":false,"n":null,"t":true}"#,
    ),
    (
        "{}",
        "{}",
        "{}",
    ),
    (
        "[]",
        "[]",
        "[]",
    ),
    (
        r#"{"a": {}}"#,
        "a: {}",
        r#"{"a":{}}"#,
    ),
    (
        r#"{"a": []}"#,
        "a: []",
        r#"{"a":[]}"#,
    ),
    (
        "[[]]",
        "- []",
        "[[]]",
    ),
    (
        "[{}]",
        "- {}",
        "[{}]",
    ),
    (
        "[[1, 2], [3]]",
        "- - 1\n  - 2\n- - 3",
        "[[1,2],[3]]",
    ),
    (
        r#"[{"a": 1, "b": 2}, {"c": 3}]"#,
        "- a: 1\n  b: 2\n- c: 3",
        r#"[{"a":1,"b":2},{"c":3}]"#,
    ),
    (
        r#"{"a": {"b": {"c": {"d": [1, {"e": [2, [3, {"f": "g"}]]}]}}}}"#,
        "a:\n  b:\n    c:\n      d:\n      - 1\n      - e:\n        - 2\n        - - 3\n          - f: g",
        r#"{"a":{"b":{"c":{"d":[1,{"e":[2,[3,{"f":"g"}]]}]}}}}"#,
    ),
    (
        "[[[1]]]",
        "- - - 1",
        "[[[1]]]",
    ),
    (
        r#"[[{"a": 1}]]"#,
        "- - a: 1",
        r#"[[{"a":1}]]"#,
    ),
    (
        r#"[{"a": [1, 2], "b": {"c": [3]}}]"#,
        "- a:\n  - 1\n  - 2\n  b:\n    c:\n    - 3",
        r#"[{"a":[1,2],"b":{"c":[3]}}]"#,
    ),
    (
        r#"{"a": [[1, 2], [3, [4]]]}"#,
        "a:\n- - 1\n  - 2\n- - 3\n  - - 4",
        r#"{"a":[[1,2],[3,[4]]]}"#,
    ),
    (
        r#"{"a": [{}, [], {"b": {}}]}"#,
        "a:\n- {}\n- []\n- b: {}",
        r#"{"a":[{},[],{"b":{}}]}"#,
    ),
    (
        "[null]",
        "- null",
        "[null]",
    ),
    (
        r#"{"list": [{"name": "x", "value": "y"}, {"name": "z"}]}"#,
        "list:\n- name: x\n  value: \"y\"\n- name: z",
        r#"{"list":[{"name":"x","value":"y"},{"name":"z"}]}"#,
    ),
    (
        r#"{"a": "x\ny", "b": ["p\nq", {"c": "r\ns\n"}], "d": {"e": "t\n\n"}}"#,
        "a: |-\n  x\n  y\nb:\n- |-\n  p\n  q\n- c: |\n    r\n    s\nd:\n  e: |+\n    t\n",
        r#"{"a":"x\ny","b":["p\nq",{"c":"r\ns\n"}],"d":{"e":"t\n\n"}}"#,
    ),
    (
        r#"[["a\nb"]]"#,
        "- - |-\n    a\n    b",
        r#"[["a\nb"]]"#,
    ),
    (
        r#"{"x": [[{"y": "z\nw"}]]}"#,
        "x:\n- - \"y\": |-\n      z\n      w",
        r#"{"x":[[{"y":"z\nw"}]]}"#,
    ),
    (
        r#"[{"a": {"b": [{"c": "d\ne"}]}}]"#,
        "- a:\n    b:\n    - c: |-\n        d\n        e",
        r#"[{"a":{"b":[{"c":"d\ne"}]}}]"#,
    ),
    (
        r#"{"b": 0, "a": 1, "B": 2, "A": 3, "_a": 4, "1": 5, "10": 6, "2": 7, "a10": 8, "a2": 9, "a02": 10, "ab": 11, "a_b": 12, "a-b": 13, "a.b": 14, "é": 15, "Z": 16, "z": 17, "0": 18, "00": 19, "01": 20, "aa": 21, "a1": 22, "a01": 23, "a001": 24, "a0": 25, "a00": 26, "x9y": 27, "x10y": 28, "x09y": 29, "-": 30, ".": 31, "~": 32, "Ω": 33, "ω": 34, "日": 35, "a b": 36, "A1": 37, "a100": 38, "a99": 39, "99": 40, "100": 41, "0100": 42, "010": 43, "1.5": 44, "1.10": 45, "v1.2": 46, "v1.10": 47, "img": 48, "Img": 49, "image": 50, "imagePullSecrets": 51, "image_tag": 52, "image-tag": 53, "image.tag": 54, "image0": 55, "z9": 56, "": 57, "²": 58, "١٢": 59}"#,
        "\"\": 57\n'-': 30\n.: 31\n_a: 4\n\"~\": 32\n²: 58\n\"0\": 18\n\"00\": 19\n\"1\": 5\n\"1.5\": 44\n\"1.10\": 45\n\"01\": 20\n\"2\": 7\n\"10\": 6\n\"010\": 43\n\"99\": 40\n\"100\": 41\n\"0100\": 42\n١٢: 59\nA: 3\nA1: 37\nB: 2\nImg: 49\nZ: 16\na: 1\na b: 36\na-b: 13\na.b: 14\na_b: 12\na0: 25\na00: 26\na1: 22\na01: 23\na001: 24\na2: 9\na02: 10\na10: 8\na99: 39\na100: 38\naa: 21\nab: 11\nb: 0\nimage: 50\nimage-tag: 53\nimage.tag: 54\nimage_tag: 52\nimage0: 55\nimagePullSecrets: 51\nimg: 48\nv1.2: 46\nv1.10: 47\nx9y: 27\nx09y: 29\nx10y: 28\nz: 17\nz9: 56\né: 15\nΩ: 33\nω: 34\n日: 35",
        r#"{"":57,"-":30,".":31,"0":18,"00":19,"01":20,"010":43,"0100":42,"1":5,"1.10":45,"1.5":44,"10":6,"100":41,"2":7,"99":40,"A":3,"A1":37,"B":2,"Img":49,"Z":16,"_a":4,"a":1,"a b":36,"a-b":13,"a.b":14,"a0":25,"a00":26,"a001":24,"a01":23,"a02":10,"a1":22,"a10":8,"a100":38,"a2":9,"a99":39,"a_b":12,"aa":21,"ab":11,"b":0,"image":50,"image-tag":53,"image.tag":54,"image0":55,"imagePullSecrets":51,"image_tag":52,"img":48,"v1.10":47,"v1.2":46,"x09y":29,"x10y":28,"x9y":27,"z":17,"z9":56,"~":32,"²":58,"é":15,"Ω":33,"ω":34,"١٢":59,"日":35}"#,
    ),
    (
        r##"{"true": "true", "1": "1", "a: b": "a: b", "- x": "- x", "#": "#", "key with space": "key with space", "null": "null", "~": "~", "a\tb": "a\tb", "yes": "yes", "1.5": "1.5", "on": "on", "'": "'", "\"": "\"", "2024-01-01": "2024-01-01", "1:20": "1:20", "@": "@", "!x": "!x", "&a": "&a", "*a": "*a", "%": "%", "|": "|", ">": ">", "? x": "? x", "-": "-", "<<": "<<", "a#b": "a#b", "a #b": "a #b", " x": " x", "x ": "x "}"##,
        "' x': ' x'\n'!x': '!x'\n'\"': '\"'\n'#': '#'\n'%': '%'\n'&a': '&a'\n'''': ''''\n'*a': '*a'\n'-': '-'\n'- x': '- x'\n<<: <<\n'>': '>'\n'? x': '? x'\n'@': '@'\n'|': '|'\n\"~\": \"~\"\n\"1\": \"1\"\n\"1.5\": \"1.5\"\n\"1:20\": \"1:20\"\n\"2024-01-01\": \"2024-01-01\"\n\"a\\tb\": \"a\\tb\"\n'a #b': 'a #b'\na#b: a#b\n'a: b': 'a: b'\nkey with space: key with space\n\"null\": \"null\"\n\"on\": \"on\"\n\"true\": \"true\"\n'x ': 'x '\n\"yes\": \"yes\"",
        r##"{" x":" x","!x":"!x","\"":"\"","#":"#","%":"%","\u0026a":"\u0026a","'":"'","*a":"*a","-":"-","- x":"- x","1":"1","1.5":"1.5","1:20":"1:20","2024-01-01":"2024-01-01","\u003c\u003c":"\u003c\u003c","\u003e":"\u003e","? x":"? x","@":"@","a\tb":"a\tb","a #b":"a #b","a#b":"a#b","a: b":"a: b","key with space":"key with space","null":"null","on":"on","true":"true","x ":"x ","yes":"yes","|":"|","~":"~"}"##,
    ),
    (
        r#""<>&""#,
        "<>&",
        r#""\u003c\u003e\u0026""#,
    ),
    (
        r#""\u2028\u2029""#,
        "'\u{2028}\u{2029}'",
        r#""\u2028\u2029""#,
    ),
    (
        r#""\b\f\u0000\u001f\t\n\r""#,
        r#""\b\f\0\x1F\t\n\r""#,
        r#""\b\f\u0000\u001f\t\n\r""#,
    ),
    (
        r#""\"\\/""#,
        r#"'"\/'"#,
        r#""\"\\/""#,
    ),
    (
        r#""é日😀""#,
        r#""é日\U0001F600""#,
        r#""é日😀""#,
    ),
    (
        r#"{"<k>": "&"}"#,
        "<k>: '&'",
        r#"{"\u003ck\u003e":"\u0026"}"#,
    ),
    (
        r#"{"b": 1, "a": [1.5, null, true], "B": {}}"#,
        "B: {}\na:\n- 1.5\n- null\n- true\nb: 1",
        r#"{"B":{},"a":[1.5,null,true],"b":1}"#,
    ),
    ];

    #[test]
    fn matches_helm_output() {
        let mut failures = Vec::new();
        for (input, yaml, json) in HELM_CASES {
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
            let input = Value::Map(Arc::new(BTreeMap::from([(
                Arc::from(key.as_str()),
                Value::Float(1.0),
            )])));
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
        let map = Value::Map(Arc::new(BTreeMap::from([
            (Arc::from("b"), Value::Int(1)),
            (Arc::from("a"), Value::Float(2.0)),
            (Arc::from("c"), Value::Float(1e21)),
            (Arc::from("d"), Value::Float(0.000001)),
        ])));
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
