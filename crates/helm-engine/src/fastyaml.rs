//! A fast reader for the YAML that charts are almost always written in:
//! block mappings and lists, plain and quoted scalars (on one line or
//! several), literal and folded block scalars, one-line flow lists of
//! scalars, empty `{}`/`[]`, and comments.
//!
//! libyaml ([`super::libyaml`]) reads any YAML, but spends most of its time
//! on its generality: decoding the input character by character into a
//! buffer, a token queue, simple-key bookkeeping, a 64 KiB buffer per text.
//! Values files and rendered manifests are short, plain block YAML, read by
//! the hundred per chart. [`events`] reads that subset line by line and
//! gives the very events libyaml gives, with the same marks where chartgen
//! reads them (start of every node, end offset of every scalar and
//! collection). Anything outside the subset, or anything libyaml would
//! refuse, is [`None`], and the caller reads the text with libyaml: this
//! reader never decides a question libyaml would answer differently.
//! Anchors, aliases, tags, flow maps with content and flow lists over
//! several lines, tabs, document markers past the first line, explicit
//! keys, indentation indicators, control characters and YAML's other line
//! breaks are all left to libyaml.
//!
//! The equivalence is checked against libyaml on every YAML text of the
//! tests and by a fuzz target (`fuzz/fuzz_targets/fast_yaml.rs`).

use super::libyaml::{Event, Mark};

/// An event with its start and end marks, as [`super::libyaml::Parser`]
/// yields them.
pub(crate) type Item = (Event, Mark, Mark);

/// The events of the first document of `text` that a reader of nodes
/// needs (scalars, and the starts and ends of lists and maps; no stream or
/// document events), or `None` when `text` is not plain block YAML and
/// libyaml must read it.
///
/// Marks: a node's start mark is libyaml's; a scalar's end mark and a
/// collection's end event carry libyaml's end offset (`index`), and their
/// line and column are those of the same place.
pub(crate) fn events(text: &str) -> Option<Vec<Item>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        // About two events a line.
        out: Vec::with_capacity(2 * text.bytes().filter(|&b| b == b'\n').count() + 4),
        open: Vec::new(),
        pending: None,
        root_done: false,
        line: 0,
        line_start: 0,
        ascii_line: true,
    };
    reader.run()?;
    Some(reader.out)
}

/// A block collection being read: the column its entries start at.
#[derive(Debug, Clone, Copy)]
enum Open {
    Map(usize),
    /// `indentless`: a list written at its key's column (`key:\n- a`),
    /// which libyaml does not count as a level of indentation.
    Seq {
        column: usize,
        indentless: bool,
    },
}

impl Open {
    fn column(self) -> usize {
        match self {
            Open::Map(c) | Open::Seq { column: c, .. } => c,
        }
    }
}

/// A key whose value is on the following lines (`key:` and a line break):
/// the column of its map, and the place just after its `:`.
#[derive(Debug, Clone, Copy)]
struct Pending {
    map_column: usize,
    after_colon: Mark,
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    out: Vec<Item>,
    open: Vec<Open>,
    pending: Option<Pending>,
    root_done: bool,
    /// The current line: 0-based number and byte offset of its start, and
    /// whether it is all ASCII (columns are then byte distances).
    line: usize,
    line_start: usize,
    ascii_line: bool,
}

fn is_space_or_end(b: Option<&u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\n'))
}

/// The end of the line of `text` starting at `start` (the offset of its
/// `\n`, or of the end of the text) and whether the line is all ASCII.
/// `None` when the line holds a character this reader leaves to libyaml
/// (tabs, carriage returns, control characters, YAML's other line breaks,
/// a BOM).
fn check_line(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut ascii = true;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            break;
        }
        if b >= 0x80 {
            ascii = false;
            let c = text[i..].chars().next()?;
            let code = c as u32;
            let printable = (0xA0..=0xD7FF).contains(&code)
                || (0xE000..=0xFFFD).contains(&code)
                || code >= 0x10000;
            if !printable || matches!(code, 0x2028 | 0x2029 | 0xFEFF) {
                return None;
            }
            i += c.len_utf8();
            continue;
        }
        if b < 0x20 || b == 0x7F {
            return None;
        }
        i += 1;
    }
    Some((i, ascii))
}

/// A line of the text: its 0-based number, the offset of its start, and
/// whether it is all ASCII (columns are then byte distances).
#[derive(Debug, Clone, Copy)]
struct Line {
    number: usize,
    start: usize,
    ascii: bool,
}

impl Line {
    /// The mark of byte offset `index` of `text`, on this line.
    fn mark(self, text: &str, index: usize) -> Mark {
        let column = if self.ascii {
            index - self.start
        } else {
            text[self.start..index].chars().count()
        };
        Mark {
            index,
            line: self.number,
            column,
        }
    }
}

impl<'t> Reader<'t> {
    /// The current line.
    fn line(&self) -> Line {
        Line {
            number: self.line,
            start: self.line_start,
            ascii: self.ascii_line,
        }
    }

    /// The mark of byte offset `index` on the current line.
    fn mark(&self, index: usize) -> Mark {
        self.line().mark(self.text, index)
    }

    /// Makes `line` the current line.
    fn set_line(&mut self, line: Line) {
        self.line = line.number;
        self.line_start = line.start;
        self.ascii_line = line.ascii;
    }

    /// The end of the line starting at `start`, which becomes the current
    /// line's ASCII flag ([`check_line`]).
    fn line_end(&mut self, start: usize) -> Option<usize> {
        let (end, ascii) = check_line(self.text, start)?;
        self.ascii_line = ascii;
        Some(end)
    }

    fn run(&mut self) -> Option<()> {
        let len = self.bytes.len();
        let mut start = 0;
        let mut header = false;
        // A `---` that opens the text, followed by nothing or a comment.
        if self.bytes.starts_with(b"---") && is_space_or_end(self.bytes.get(3)) {
            let end = self.line_end(0)?;
            if !self.rest_is_blank(3, end) || end == len {
                return None;
            }
            header = true;
            start = end + 1;
            self.line = 1;
        }
        let mut content_seen = false;
        while start < len {
            self.line_start = start;
            let end = self.line_end(start)?;
            let indent = self.bytes[start..end]
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
            let first = start + indent;
            // Nothing, or only a comment, once the indentation is skipped.
            let blank = first == end || self.bytes[first] == b'#';
            let next = if end < len { end + 1 } else { len };
            if !blank {
                if indent == 0 && self.at_marker(first) {
                    return None;
                }
                if content_seen && self.open.is_empty() {
                    // More than one root node (or a scalar root's second line).
                    return None;
                }
                content_seen = true;
                let resume = self.content_line(first, end)?;
                if let Some(resume) = resume {
                    start = resume;
                    continue;
                }
            }
            start = next;
            self.line += 1;
        }
        // The end of the text: pending values are empty, collections end
        // there.
        self.line_start = len;
        let eof = Mark {
            index: len,
            line: self.line,
            column: 0,
        };
        if let Some(p) = self.pending.take() {
            self.empty_scalar(p.after_colon);
        }
        while let Some(open) = self.open.pop() {
            self.end(open, eof);
        }
        if content_seen && !self.root_done || header && !content_seen {
            // After a `---` alone, libyaml reads an empty scalar.
            return None;
        }
        Some(())
    }

    /// A document marker (`---` or `...` and a blank) at `at`, the start
    /// of a line.
    fn at_marker(&self, at: usize) -> bool {
        let b = &self.bytes[at..];
        (b.starts_with(b"---") || b.starts_with(b"...")) && is_space_or_end(b.get(3))
    }

    /// A block list starting at `at`, its entries at `column`.
    fn start_seq(&mut self, column: usize, indentless: bool, at: Mark) {
        self.open.push(Open::Seq { column, indentless });
        self.out
            .push((Event::SequenceStart { anchor: None }, at, at));
    }

    /// A block map starting at `at`, its keys at `column`.
    fn start_map(&mut self, column: usize, at: Mark) {
        self.open.push(Open::Map(column));
        self.out
            .push((Event::MappingStart { anchor: None }, at, at));
    }

    fn empty_scalar(&mut self, at: Mark) {
        self.out.push((
            Event::Scalar {
                anchor: None,
                tag: None,
                value: String::new(),
                plain_implicit: true,
            },
            at,
            at,
        ));
    }

    fn end(&mut self, open: Open, at: Mark) {
        let event = match open {
            Open::Map(_) => Event::MappingEnd,
            Open::Seq { .. } => Event::SequenceEnd,
        };
        self.out.push((event, at, at));
        if self.open.is_empty() {
            self.root_done = true;
        }
    }

    /// A line with content at `first` (its indentation skipped) ending at
    /// `end`. `Some(Some(offset))` when it consumed further lines (a block
    /// scalar) and reading goes on at `offset`, the start of a line.
    fn content_line(&mut self, first: usize, end: usize) -> Option<Option<usize>> {
        let column = first - self.line_start;
        let here = self.mark(first);
        let is_entry = self.bytes[first] == b'-' && is_space_or_end(self.bytes.get(first + 1));
        // A key's value on the following lines.
        if let Some(p) = self.pending.take() {
            if column > p.map_column {
                if is_entry {
                    self.start_seq(column, false, here);
                } else if self.key_at(first, end)? {
                    self.start_map(column, here);
                    return self.entry_of_map(first, end);
                } else {
                    // A value written on the line after its key.
                    return self.value(first, end);
                }
            } else if column == p.map_column && is_entry {
                self.start_seq(column, true, here);
            } else {
                self.empty_scalar(p.after_colon);
            }
        }
        // Close what this line's indentation ends.
        while let Some(&top) = self.open.last() {
            let ends = match top {
                Open::Seq {
                    column: c,
                    indentless: true,
                } => c > column || (c == column && !is_entry),
                other => other.column() > column,
            };
            if !ends {
                break;
            }
            self.open.pop();
            self.end(top, here);
        }
        match self.open.last().copied() {
            None => {
                if self.root_done {
                    return None;
                }
                if is_entry {
                    self.start_seq(column, false, here);
                    self.seq_entry(first, end)
                } else {
                    self.start_map(column, here);
                    self.entry_of_map(first, end)
                }
            }
            Some(Open::Map(c)) if c == column && !is_entry => self.entry_of_map(first, end),
            Some(Open::Seq { column: c, .. }) if c == column && is_entry => {
                self.seq_entry(first, end)
            }
            _ => None,
        }
    }

    /// A list entry: `-` at `first`.
    fn seq_entry(&mut self, first: usize, end: usize) -> Option<Option<usize>> {
        let mut at = first + 1;
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        if at == end || self.bytes[at] == b'#' {
            // An entry on the following lines, or an empty one.
            return None;
        }
        if self.bytes[at] == b'-' && is_space_or_end(self.bytes.get(at + 1)) {
            // A list in a list.
            return None;
        }
        // A map in the entry (`- key: value`) or a value.
        if self.key_at(at, end)? {
            // Only spaces and `-` precede it: its column is its byte offset.
            let here = self.mark(at);
            self.start_map(at - self.line_start, here);
            return self.entry_of_map(at, end);
        }
        self.value(at, end)
    }

    /// Whether a key starts at `at` (a scalar followed by `:` and a
    /// blank); `None` when the line is beyond this reader.
    fn key_at(&self, at: usize, end: usize) -> Option<bool> {
        match self.bytes[at] {
            b'"' | b'\'' => {
                let (_, after) = self.quoted(at, end)?;
                let mut i = after;
                while i < end && self.bytes[i] == b' ' {
                    i += 1;
                }
                Some(i < end && self.bytes[i] == b':' && is_space_or_end(self.bytes.get(i + 1)))
            }
            _ => Some(
                self.plain_start(at) && matches!(self.plain_stop(at, end), (_, Stop::Colon(_))),
            ),
        }
    }

    /// Whether a plain scalar may start at `at` (libyaml's test in block
    /// context).
    fn plain_start(&self, at: usize) -> bool {
        let b = self.bytes[at];
        let next = self.bytes.get(at + 1);
        match b {
            b'-' => !matches!(next, None | Some(b' ' | b'\n')),
            b'?' | b':' => !matches!(next, None | Some(b' ' | b'\n')),
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' | b' ' => false,
            _ => true,
        }
    }

    /// Where a one-line plain scalar starting at `at` ends (after its last
    /// non-space character), and what stops it.
    fn plain_stop(&self, at: usize, end: usize) -> (usize, Stop) {
        let b = self.bytes;
        let mut i = at;
        let mut last = at;
        while i < end {
            match b[i] {
                b' ' => {
                    // Spaces, then a comment or more of the scalar.
                    let mut j = i;
                    while j < end && b[j] == b' ' {
                        j += 1;
                    }
                    if j == end {
                        return (last, Stop::End);
                    }
                    if b[j] == b'#' {
                        return (last, Stop::Comment);
                    }
                    i = j;
                }
                b':' if i + 1 == end || b[i + 1] == b' ' => {
                    return (last, Stop::Colon(i));
                }
                _ => {
                    i += 1;
                    last = i;
                }
            }
        }
        (last, Stop::End)
    }

    /// A one-line quoted scalar at `at`: its value and the offset after its
    /// closing quote. `None` if it goes on past the line, or holds an
    /// escape this reader leaves to libyaml.
    fn quoted(&self, at: usize, end: usize) -> Option<(String, usize)> {
        let q = self.quoted_lines(at)?;
        (q.after <= end).then_some((q.value, q.after))
    }

    /// A quoted scalar at `at`, on one line or more, read as libyaml's
    /// `yaml_parser_scan_flow_scalar` reads it: spaces around a line break
    /// dropped, a line break read as a space, blank lines as line breaks,
    /// and in double quotes escapes and escaped line breaks. `None` when it
    /// does not end, holds an escape this reader leaves to libyaml, or a
    /// line this reader leaves to libyaml.
    fn quoted_lines(&self, at: usize) -> Option<Quoted> {
        let b = self.bytes;
        let single = b[at] == b'\'';
        let quote = b[at];
        let mut value = String::new();
        let mut i = at + 1;
        let mut line = self.line();
        // A new line starting at `i`: its characters checked.
        let next_line = |i: usize, line: &mut Line| {
            let (_, ascii) = check_line(self.text, i)?;
            *line = Line {
                number: line.number + 1,
                start: i,
                ascii,
            };
            Some(())
        };
        loop {
            if i == line.start && i > at {
                let rest = &b[i..];
                if (rest.starts_with(b"---") || rest.starts_with(b"..."))
                    && is_space_or_end(rest.get(3))
                {
                    return None;
                }
            }
            if i >= b.len() {
                return None;
            }
            let mut leading_blanks = false;
            // Characters up to a blank.
            while i < b.len() && !matches!(b[i], b' ' | b'\n') {
                let c = b[i];
                if single && c == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    value.push('\'');
                    i += 2;
                } else if c == quote {
                    break;
                } else if !single && c == b'\\' && b.get(i + 1) == Some(&b'\n') {
                    i += 2;
                    next_line(i, &mut line)?;
                    leading_blanks = true;
                    break;
                } else if !single && c == b'\\' {
                    i = self.escape(i, &mut value)?;
                } else {
                    let ch = self.text[i..].chars().next()?;
                    value.push(ch);
                    i += ch.len_utf8();
                }
            }
            if i < b.len() && b[i] == quote && !(single && b.get(i + 1) == Some(&b'\'')) {
                break;
            }
            // Blanks and line breaks.
            let mut whitespace = (i, i);
            let mut leading_break = false;
            let mut trailing_breaks = 0usize;
            while i < b.len() && matches!(b[i], b' ' | b'\n') {
                if b[i] == b' ' {
                    if !leading_blanks {
                        whitespace.1 = i + 1;
                    }
                    i += 1;
                } else {
                    i += 1;
                    next_line(i, &mut line)?;
                    if leading_blanks {
                        trailing_breaks += 1;
                    } else {
                        leading_break = true;
                        leading_blanks = true;
                    }
                }
            }
            if leading_blanks {
                if leading_break && trailing_breaks == 0 {
                    value.push(' ');
                } else {
                    for _ in 0..trailing_breaks {
                        value.push('\n');
                    }
                }
            } else {
                value.push_str(&self.text[whitespace.0..whitespace.1]);
            }
        }
        Some(Quoted {
            value,
            after: i + 1,
            line,
        })
    }

    /// The escape at `at` (a `\\`) in a double-quoted scalar, added to
    /// `value`: the offset after it. `None` for an escape libyaml refuses.
    fn escape(&self, at: usize, value: &mut String) -> Option<usize> {
        let b = self.bytes;
        let e = *b.get(at + 1)?;
        let i = at + 2;
        let simple = match e {
            b'0' => Some('\0'),
            b'a' => Some('\x07'),
            b'b' => Some('\x08'),
            b't' => Some('\t'),
            b'n' => Some('\n'),
            b'v' => Some('\x0b'),
            b'f' => Some('\x0c'),
            b'r' => Some('\r'),
            b'e' => Some('\x1b'),
            b' ' => Some(' '),
            b'"' => Some('"'),
            b'/' => Some('/'),
            b'\\' => Some('\\'),
            b'N' => Some('\u{85}'),
            b'_' => Some('\u{a0}'),
            b'L' => Some('\u{2028}'),
            b'P' => Some('\u{2029}'),
            _ => None,
        };
        if let Some(c) = simple {
            value.push(c);
            return Some(i);
        }
        let digits = match e {
            b'x' => 2,
            b'u' => 4,
            b'U' => 8,
            _ => return None,
        };
        let hex = self.text.get(i..i + digits)?;
        if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let code = u32::from_str_radix(hex, 16).ok()?;
        value.push(char::from_u32(code)?);
        Some(i + digits)
    }

    /// What follows a node on its line from `at`: nothing, or spaces and a
    /// comment.
    fn rest_is_blank(&self, at: usize, end: usize) -> bool {
        let mut i = at;
        while i < end && self.bytes[i] == b' ' {
            i += 1;
        }
        i == end || (self.bytes[i] == b'#' && i > at)
    }

    /// A map entry (`key: value`) at `first`.
    fn entry_of_map(&mut self, first: usize, end: usize) -> Option<Option<usize>> {
        let b = self.bytes;
        // The key.
        let colon = match b[first] {
            b'"' | b'\'' => {
                let (value, after) = self.quoted(first, end)?;
                let mut i = after;
                while i < end && b[i] == b' ' {
                    i += 1;
                }
                if !(i < end && b[i] == b':' && is_space_or_end(b.get(i + 1))) {
                    return None;
                }
                let start = self.mark(first);
                let stop = self.mark(after);
                self.push_scalar(value, false, start, stop);
                i
            }
            _ => {
                if !self.plain_start(first) {
                    return None;
                }
                let (last, stop) = self.plain_stop(first, end);
                let Stop::Colon(colon) = stop else {
                    return None;
                };
                let start = self.mark(first);
                let stop = self.mark(last);
                self.push_scalar(self.text[first..last].to_owned(), true, start, stop);
                colon
            }
        };
        // libyaml forgets a key whose `:` is more than 1024 bytes away.
        if colon - first > 1000 {
            return None;
        }
        let after_colon = self.mark(colon + 1);
        let mut at = colon + 1;
        while at < end && b[at] == b' ' {
            at += 1;
        }
        if at == end || b[at] == b'#' {
            let Some(&Open::Map(map_column)) = self.open.last() else {
                return None;
            };
            self.pending = Some(Pending {
                map_column,
                after_colon,
            });
            return Some(None);
        }
        self.value(at, end)
    }

    fn push_scalar(&mut self, value: String, plain: bool, start: Mark, end: Mark) {
        self.out.push((
            Event::Scalar {
                anchor: None,
                tag: None,
                value,
                plain_implicit: plain,
            },
            start,
            end,
        ));
    }

    /// A value on the line of its key or list entry, at `at`.
    fn value(&mut self, at: usize, end: usize) -> Option<Option<usize>> {
        let b = self.bytes;
        match b[at] {
            b'"' | b'\'' => {
                let q = self.quoted_lines(at)?;
                let start = self.mark(at);
                if q.after <= end {
                    if !self.rest_is_blank(q.after, end) {
                        return None;
                    }
                    let stop = self.mark(q.after);
                    self.push_scalar(q.value, false, start, stop);
                    return Some(None);
                }
                // It ends on a later line: reading goes on after that line.
                self.set_line(q.line);
                let line_end = self.line_end(q.line.start)?;
                if !self.rest_is_blank(q.after, line_end) {
                    return None;
                }
                let stop = self.mark(q.after);
                self.push_scalar(q.value, false, start, stop);
                self.line += 1;
                Some(Some(if line_end < b.len() {
                    line_end + 1
                } else {
                    b.len()
                }))
            }
            b'[' if b.get(at + 1) != Some(&b']') => self.flow_sequence(at, end),
            b'{' | b'[' => {
                let close = if b[at] == b'{' { b'}' } else { b']' };
                if b.get(at + 1) != Some(&close) || !self.rest_is_blank(at + 2, end) {
                    return None;
                }
                let open_mark = self.mark(at);
                let close_mark = self.mark(at + 2);
                let (start, stop) = if close == b'}' {
                    (Event::MappingStart { anchor: None }, Event::MappingEnd)
                } else {
                    (Event::SequenceStart { anchor: None }, Event::SequenceEnd)
                };
                self.out.push((start, open_mark, open_mark));
                self.out.push((stop, close_mark, close_mark));
                Some(None)
            }
            b'|' | b'>' => self.block_scalar(at, end),
            _ => {
                if !self.plain_start(at) {
                    return None;
                }
                let (last, stop) = self.plain_stop(at, end);
                if let Stop::Colon(_) = stop {
                    // `key: a: b`: libyaml refuses it.
                    return None;
                }
                let start = self.mark(at);
                let indent = self.open.last().map_or(0, |o| o.column());
                if let Stop::Comment = stop {
                    let stop_mark = self.mark(last);
                    self.push_scalar(self.text[at..last].to_owned(), true, start, stop_mark);
                    return Some(None);
                }
                self.multi_line_plain(at, last, end, indent, start)
            }
        }
    }

    /// A plain scalar from `at` to `last` on this line (ending at `end`),
    /// going on over the following lines indented beyond `indent`, folded
    /// as libyaml folds them (a line break is a space, blank lines are line
    /// breaks).
    fn multi_line_plain(
        &mut self,
        at: usize,
        last: usize,
        end: usize,
        indent: usize,
        start: Mark,
    ) -> Option<Option<usize>> {
        let b = self.bytes;
        let mut value = self.text[at..last].to_owned();
        let (mut last, mut end) = (last, end);
        // The line the scalar ends on so far.
        let mut last_line = self.line();
        let mut line = self.line;
        let mut resume = None;
        // The following lines: blank ones are skipped (and counted).
        let mut blanks = 0;
        loop {
            if end >= b.len() {
                break;
            }
            let line_start = end + 1;
            line += 1;
            let mut i = line_start;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i < b.len() && b[i] == b'\n' {
                blanks += 1;
                end = i;
                continue;
            }
            if i == b.len() || b[i] == b'#' || i - line_start <= indent {
                break;
            }
            // A continuation line.
            let (line_end, ascii) = check_line(self.text, line_start)?;
            let (stop_at, stop) = self.plain_stop(i, line_end);
            if let Stop::Colon(_) = stop {
                return None;
            }
            if blanks == 0 {
                value.push(' ');
            }
            for _ in 0..blanks {
                value.push('\n');
            }
            blanks = 0;
            value.push_str(&self.text[i..stop_at]);
            last = stop_at;
            last_line = Line {
                number: line,
                start: line_start,
                ascii,
            };
            end = line_end;
            resume = Some(if line_end < b.len() {
                line_end + 1
            } else {
                b.len()
            });
            if let Stop::Comment = stop {
                break;
            }
        }
        let stop_mark = last_line.mark(self.text, last);
        self.push_scalar(value, true, start, stop_mark);
        match resume {
            None => Some(None),
            Some(resume) => {
                self.line = last_line.number + 1;
                Some(Some(resume))
            }
        }
    }

    /// A flow list of one-line scalars at `at` (`[a, "b", 'c']`), all on
    /// this line.
    fn flow_sequence(&mut self, at: usize, end: usize) -> Option<Option<usize>> {
        let b = self.bytes;
        let open_mark = self.mark(at);
        let mut items = Vec::new();
        let mut i = at + 1;
        loop {
            while i < end && b[i] == b' ' {
                i += 1;
            }
            if i == end {
                return None;
            }
            // An item.
            let (value, plain, item_end, after) = match b[i] {
                b'"' | b'\'' => {
                    let (value, after) = self.quoted(i, end)?;
                    (value, false, after, after)
                }
                c => {
                    let indicator = matches!(
                        c,
                        b'-' | b'?'
                            | b':'
                            | b','
                            | b'['
                            | b']'
                            | b'{'
                            | b'}'
                            | b'#'
                            | b'&'
                            | b'*'
                            | b'!'
                            | b'|'
                            | b'>'
                            | b'%'
                            | b'@'
                            | b'`'
                    );
                    if indicator
                        && !(c == b'-' && b.get(i + 1).is_some_and(|&n| n != b' ' && n != b'\n'))
                    {
                        return None;
                    }
                    let mut j = i;
                    let mut last = i;
                    while j < end && !matches!(b[j], b',' | b']') {
                        match b[j] {
                            b'[' | b'{' | b'}' | b'#' | b':' => return None,
                            b' ' => {}
                            _ => last = j + 1,
                        }
                        j += 1;
                    }
                    (self.text[i..last].to_owned(), true, last, last)
                }
            };
            items.push((value, plain, i, item_end));
            i = after;
            while i < end && b[i] == b' ' {
                i += 1;
            }
            match b.get(i).filter(|_| i < end) {
                Some(b',') => {
                    i += 1;
                    // No empty entry and no trailing comma.
                    let mut j = i;
                    while j < end && b[j] == b' ' {
                        j += 1;
                    }
                    if j == end || matches!(b[j], b',' | b']') {
                        return None;
                    }
                }
                Some(b']') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
        if !self.rest_is_blank(i, end) {
            return None;
        }
        self.out
            .push((Event::SequenceStart { anchor: None }, open_mark, open_mark));
        for (value, plain, start, stop) in items {
            let (start, stop) = (self.mark(start), self.mark(stop));
            self.push_scalar(value, plain, start, stop);
        }
        let close = self.mark(i);
        self.out.push((Event::SequenceEnd, close, close));
        Some(None)
    }

    /// A block scalar whose indicator is at `at`; reading goes on at the
    /// line after it.
    fn block_scalar(&mut self, at: usize, end: usize) -> Option<Option<usize>> {
        let b = self.bytes;
        let literal = b[at] == b'|';
        let mut i = at + 1;
        let mut chomp = 0i8;
        match b.get(i) {
            Some(b'-') => {
                chomp = -1;
                i += 1;
            }
            Some(b'+') => {
                chomp = 1;
                i += 1;
            }
            _ => {}
        }
        if i < end && b[i] != b' ' {
            // An indentation indicator, or anything else.
            return None;
        }
        if !self.rest_is_blank(i, end) || end == b.len() {
            return None;
        }
        let start_mark = self.mark(at);
        let parent = self.open.last().map_or(0, |o| o.column());
        // The lines of the scalar.
        let mut value = String::new();
        let mut line_start = end + 1;
        let mut line = self.line + 1;
        let mut indent = None::<usize>;
        let mut blanks = 0usize; // blank lines since the last content line
        let mut had_content = false;
        let mut last_break = false; // the last content line ended with `\n`
        let mut leading_blank = false;
        let mut end_index;
        loop {
            end_index = line_start;
            if line_start >= b.len() {
                break;
            }
            let mut j = line_start;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            let spaces = j - line_start;
            let line_end = match b[line_start..].iter().position(|&c| c == b'\n') {
                Some(p) => line_start + p,
                None => b.len(),
            };
            let all_spaces = j == line_end;
            let Some(ind) = indent else {
                // The first line sets the indentation.
                if all_spaces || spaces <= parent {
                    return None;
                }
                indent = Some(spaces);
                continue;
            };
            if all_spaces && spaces <= ind {
                if line_end == b.len() {
                    // A last line of spaces without a line break: not
                    // consumed.
                    break;
                }
                blanks += 1;
                line_start = line_end + 1;
                line += 1;
                continue;
            }
            if spaces < ind {
                break;
            }
            // A content line: check its characters.
            check_line(self.text, line_start)?;
            let content = &self.text[line_start + ind..line_end];
            let trailing_blank = content.starts_with(' ');
            if had_content {
                if !literal && !leading_blank && !trailing_blank {
                    if blanks == 0 {
                        value.push(' ');
                    }
                } else {
                    value.push('\n');
                }
            }
            for _ in 0..blanks {
                value.push('\n');
            }
            blanks = 0;
            value.push_str(content);
            leading_blank = trailing_blank;
            had_content = true;
            last_break = line_end < b.len();
            line += 1;
            if line_end == b.len() {
                end_index = b.len();
                break;
            }
            line_start = line_end + 1;
        }
        if !had_content {
            return None;
        }
        if chomp != -1 && last_break {
            value.push('\n');
        }
        if chomp == 1 {
            for _ in 0..blanks {
                value.push('\n');
            }
        }
        let stop = Mark {
            index: end_index,
            line,
            column: 0,
        };
        self.push_scalar(value, false, start_mark, stop);
        self.line = line;
        Some(Some(end_index))
    }
}

/// A quoted scalar read by [`Reader::quoted_lines`].
struct Quoted {
    value: String,
    /// The offset after its closing quote.
    after: usize,
    /// The line that quote is on.
    line: Line,
}

/// What ends a one-line plain scalar.
enum Stop {
    /// The end of the line.
    End,
    /// A comment.
    Comment,
    /// A `:` at this offset, followed by a blank: the scalar is a key.
    Colon(usize),
}

/// What of an event the readers of [`events`] use, to compare with libyaml:
/// the event, its start mark, and the end offset of scalars and
/// collections.
fn projection(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|(event, start, end)| match event {
            Event::SequenceEnd | Event::MappingEnd => format!("{event:?} ..{}", end.index),
            Event::Scalar { .. } => format!("{event:?} {start:?}..{}", end.index),
            _ => format!("{event:?} {start:?}"),
        })
        .collect()
}

/// libyaml's events for the first document of `text`, as [`events`] gives
/// them, or its error.
fn libyaml_events(text: &str) -> Result<Vec<Item>, String> {
    let mut out = Vec::new();
    let mut root = false;
    for item in super::libyaml::Parser::new(text) {
        let (event, start, end) = item.map_err(|e| e.problem)?;
        match event {
            Event::StreamEnd => break,
            Event::DocumentEnd if root => break,
            Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => {}
            other => {
                root = true;
                out.push((other, start, end));
            }
        }
    }
    Ok(out)
}

/// Panics unless the fast reader declines `text` or gives libyaml's
/// events and marks for it.
pub(crate) fn check_against_libyaml(text: &str) {
    let Some(fast) = events(text) else {
        return;
    };
    match libyaml_events(text) {
        Err(problem) => panic!("the fast reader read {text:?}, which libyaml refuses: {problem}"),
        Ok(slow) => {
            let (fast, slow) = (projection(&fast), projection(&slow));
            assert_eq!(
                fast, slow,
                "the fast reader differs from libyaml on {text:?}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> bool {
        check_against_libyaml(text);
        events(text).is_some()
    }

    #[test]
    fn reads_plain_block_yaml_as_libyaml_does() {
        for text in [
            "",
            "# only a comment\n",
            "a: 1\n",
            "a: 1",
            "a: b c  # comment\nd: 'it''s'\ne: \"x\\ty\\u00e9\\\"\"\n",
            "a:\n  b:\n    c: d\n  e: f\ng: h\n",
            "a:\n- x\n- y\nb: z\n",
            "a:\n  - x\n  - k: v\n    l: w\n  -   m: n\nb:\n",
            "a:\nb: {}\nc: []\nd:\n",
            "- a\n- b: c\n- 'q'\n",
            "a: |\n  x\n\n  y\n\nb: >-\n  folded\n  text\n\n  para\n   more\n  end\nc: |+\n  keep\n\n",
            "a: |-\n  x\n  y",
            "a: |\n  x\n  # in the scalar\n# out\nb: 1\n",
            "---\na: 1\n",
            "--- # c\na: 1\n",
            "  a: 1\n  b: 2\n",
            "ключ: значение\nk: \"é\"\n",
            "a: x:y\nb: -1\nc: ?x\nd: :x\n\"q\" : 1\n",
            "a:b: c\n",
            "<<: x\n",
            "a: 1 #c\n\n\n   # c\n",
            "a:    \n  b: 1\n",
            "a: # c\n  b: 1\n",
            "a:\n  {}\nb:\n    []\nc:\n  x\nd:\n  \"q\"\n",
            "a: [\"x\", 'y', z w , -1]\nb: [ \"x\" ] # c\n",
            "- c: [a]\n",
            "a: one\n  two\n\n  three  # c\nb: x\n  y\n",
            "- a\n  b\n- c\n",
            "a: 'x\n  y  \n\n  ''z'' '\nb: \"p\\\n   q\\tr\n   s\"  # c\nc: 1\n",
            "a: b\n  - c\n  `d` e\n",
        ] {
            assert!(read(text), "{text:?} was left to libyaml");
        }
    }

    #[test]
    fn leaves_everything_else_to_libyaml() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: {b: 1}\n",
            "a:\tb\n",
            "? a\n: b\n",
            "a: 1\n---\nb: 2\n",
            "a: 1\n...\n",
            "---\n",
            "---",
            "%YAML 1.1\n---\na: 1\n",
            "a: |2\n   x\n",
            "a: |\n\n  x\n",
            "- - a\n",
            "-\n  a: 1\n",
            "a: b: c\n",
            "a: 1\n b: 2\n",
            "a:\n  b: 1\n c: 2\n",
            "a: \"\\q\"\n",
            "a: \"\\ud800\"\n",
            "a: x\u{85}y\n",
            "a: x\r\n",
            "a: @x\n",
            "scalar\n",
            "a: 1\n- b\n",
            "a: [1, 2,]\n",
            "a: [1, , 2]\n",
            "a: [b: 1]\n",
            "a: [[1]]\n",
            "a: [1\n",
            "a: [1] x\n",
            "a: x\n  b: y\n",
        ] {
            assert!(!read(text), "{text:?} was read by the fast reader");
        }
    }

    #[test]
    fn agrees_with_libyaml_on_the_yaml_of_this_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut stack = vec![
            root.join("tests"),
            root.join("blueprints"),
            root.join("crates"),
        ];
        // The charts of the corpus, and any folder of YAML named here (say,
        // `chartgen template` outputs).
        let corpus = std::env::var_os("CHARTGEN_CORPUS")
            .map_or_else(|| root.join("../shared/corpus/charts"), Into::into);
        stack.push(corpus);
        stack.extend(std::env::var_os("CHARTGEN_YAML_DIR").map(Into::into));
        let mut read_fast = 0;
        let mut total = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "yaml" || e == "yml" || e == "snap")
                {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    for doc in text.split("\n---") {
                        total += 1;
                        check_against_libyaml(doc);
                        read_fast += usize::from(events(doc).is_some());
                    }
                }
            }
        }
        assert!(read_fast > 100, "only {read_fast} texts read fast");
        eprintln!("{read_fast} of {total} texts read fast");
    }
}
