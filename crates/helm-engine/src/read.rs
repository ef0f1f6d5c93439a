//! Reading YAML as Helm reads values: `sigs.k8s.io/yaml` over go-yaml v2.
//!
//! Helm reads every values file (a chart's `values.yaml`, `-f` files) with
//! `loader.LoadValues`: the text is cut into documents at `---` lines, each
//! document is read by go-yaml v2 (YAML 1.1: `on`, `yes` and `y` are
//! booleans, `0755` is octal, `1_000` an integer, timestamps stay text,
//! merge keys `<<` and tags are honoured), turned into JSON (keys become
//! strings: `on:` names the key `true`, `1.5:` the key `1.5`; NaN and
//! infinities fail), read back as Go values (every number a float64), and
//! the documents are merged. [`read_values`] does all of that, and
//! remembers where each value sits ([`Spans`]) so that every later problem
//! can be located, in block and flow style alike.
//!
//! The parser is libyaml ([`super::libyaml`]); go-yaml v2 is a line-by-line
//! port of the same libyaml to Go, so both accept and refuse the same texts.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use super::libyaml::{Event, Mark, Parser};
use serde_json::{Map, Number, Value as Json};

use super::resolve::{self, Scalar, BINARY_TAG};
use super::sprig::base64::decode_go;
use super::sprig::govalue::go_float32;
use super::values::merge_maps;

/// How deep values may nest, aliases expanded. go-yaml and Go's JSON
/// allow 10,000 levels ([`HELM_MAX_DEPTH`]); chartgen stops at 1,000 (and
/// says so), far beyond any values file, so that nothing that walks values
/// later can run out of stack.
pub const MAX_DEPTH: usize = 1_000;

/// How deep Helm lets values nest: go-yaml refuses deeper text, and Go's
/// JSON decoder deeper values (aliases expanded).
pub const HELM_MAX_DEPTH: usize = 10_000;

/// A place in a text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Where a value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Its key, for a map entry.
    pub key: Option<Pos>,
    /// The value itself (for an alias, the alias).
    pub value: Pos,
    /// The byte range of the value's text in the file.
    pub bytes: (usize, usize),
}

impl Span {
    /// Where to point a reader at: the key of a map entry, else the value.
    pub fn at(&self) -> Pos {
        self.key.unwrap_or(self.value)
    }
}

/// Where each value of a values file is written, by key path (list items
/// by their index). Values an alias or merge key copies point at the text
/// they were copied from; a later document's value replaces an earlier's.
///
/// Found the first time one is asked for (a file is read many times more
/// often than a problem in it is shown): the text is kept, and read again
/// then.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// The text, and whether it is a values file (documents merged) or a
    /// single document.
    source: Option<(Arc<str>, bool)>,
    tree: OnceLock<SpanTree>,
}

impl Spans {
    /// No spans.
    pub fn new() -> Self {
        Self::default()
    }

    fn located(tree: SpanTree) -> Self {
        Spans {
            source: None,
            tree: OnceLock::from(tree),
        }
    }

    fn lazy(text: &str, values: bool) -> Self {
        Spans {
            source: Some((Arc::from(text), values)),
            tree: OnceLock::new(),
        }
    }

    fn tree(&self) -> &SpanTree {
        self.tree.get_or_init(|| match &self.source {
            None => SpanTree::default(),
            Some((text, true)) => read(text, false, true).map(|v| v.1).unwrap_or_default(),
            Some((text, false)) => {
                let mut tree = SpanTree::default();
                match document(whole(text), false, Some(&mut tree)) {
                    Ok(_) => tree,
                    Err(_) => SpanTree::default(),
                }
            }
        })
    }

    /// Where the value at `path` is written (the whole document for an
    /// empty path).
    pub fn get(&self, path: &[String]) -> Option<&Span> {
        self.tree().get(path)
    }

    /// How many values are located.
    pub fn len(&self) -> usize {
        self.tree().spans.len()
    }

    /// Whether no value is located.
    pub fn is_empty(&self) -> bool {
        self.tree().spans.is_empty()
    }
}

/// The spans themselves, kept as a tree (each entry: its parent and its
/// own key), so that their size follows the number of values, however deep
/// they nest.
#[derive(Debug, Clone, Default)]
struct SpanTree {
    spans: Vec<Span>,
    /// An entry's children: (parent entry, key) → entry.
    children: HashMap<(usize, Box<str>), usize>,
    root: Option<usize>,
}

impl SpanTree {
    fn get(&self, path: &[String]) -> Option<&Span> {
        let mut at = self.root?;
        for segment in path {
            at = *self.children.get(&(at, segment.as_str().into()))?;
        }
        self.spans.get(at)
    }

    fn set_root(&mut self, span: Span) -> usize {
        match self.root {
            Some(root) => {
                self.spans[root] = span;
                root
            }
            None => {
                self.spans.push(span);
                let root = self.spans.len() - 1;
                self.root = Some(root);
                root
            }
        }
    }

    fn child(&mut self, parent: usize, segment: &str, span: Span) -> usize {
        match self.children.get(&(parent, segment.into())) {
            Some(&id) => {
                self.spans[id] = span;
                id
            }
            None => {
                self.spans.push(span);
                let id = self.spans.len() - 1;
                self.children.insert((parent, segment.into()), id);
                id
            }
        }
    }
}

/// A values file as Helm reads it: a map, and where its values are written.
#[derive(Debug, Clone)]
pub struct ValuesText {
    /// The values: always a JSON object.
    pub value: Json,
    /// Where each value is written.
    pub spans: Spans,
}

/// A text Helm cannot read as values, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, in go-yaml's words where it has some.
    pub message: String,
    /// Where, when known.
    pub at: Option<Pos>,
    /// How to fix it, when there is an obvious way.
    pub hint: Option<String>,
}

impl YamlError {
    /// This error as the engine's input error located in `file`.
    pub fn in_file(self, file: &str) -> crate::Error {
        crate::Error::Input {
            location: Some(crate::Location {
                file: file.to_owned(),
                line: self.at.map(|p| p.line),
                column: self.at.map(|p| p.column),
            }),
            key: None,
            message: self.message,
            hint: self.hint,
        }
    }
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Reads a values file as Helm's `loader.LoadValues` does: every document
/// read with `sigs.k8s.io/yaml`, and later documents merged over earlier
/// ones (maps key by key, anything else replaced). An empty, comment-only
/// or `null` document adds nothing; any other non-map is an error.
pub fn read_values(text: &str) -> Result<ValuesText, YamlError> {
    let (value, _) = read(text, true, false)?;
    Ok(ValuesText {
        value,
        spans: Spans::lazy(text, true),
    })
}

/// `sigs.k8s.io/yaml.Unmarshal` into `interface{}`, as `fromYaml` reads
/// text: the first document only, any JSON value (`null` when empty).
pub fn unmarshal(text: &str) -> Result<Json, YamlError> {
    document(whole(text), true, None).map(|(value, _)| value)
}

/// [`unmarshal`] when only some keys of a map document are wanted (those
/// `keep` accepts): the same value, but holding only those keys, or the
/// same error. The rest of the document is decoded only when something in
/// it could make [`unmarshal`] fail or differ (aliases, tags, merge keys,
/// keys that are not strings, infinities, great depth).
pub fn unmarshal_top(text: &str, keep: impl Fn(&str) -> bool) -> Result<Json, YamlError> {
    let Some((nodes, root)) = parse(whole(text))? else {
        return Ok(Json::Null);
    };
    let Kind::Map(children) = &nodes[root].kind else {
        return decode(&nodes, root, true, None).map(|(value, _)| value);
    };
    if nodes[root].depth >= MAX_DEPTH || !plain_strings(&nodes) {
        let (value, _) = decode(&nodes, root, true, None)?;
        return Ok(match value {
            Json::Object(map) => Json::Object(map.into_iter().filter(|(k, _)| keep(k)).collect()),
            other => other,
        });
    }
    let mut decoder = Decoder::new(&nodes, root, None);
    let place = Place {
        span: None,
        level: 1,
    };
    let mut map = MapBuilder::default();
    for pair in children.chunks(2) {
        let [key_id, value_id] = *pair else {
            continue;
        };
        let Kind::Scalar { value: name, .. } = &nodes[key_id].kind else {
            continue;
        };
        if keep(name) {
            let value = decoder.value(value_id, place)?;
            map.set(
                Key::Str(name.clone()),
                value,
                nodes[key_id].pos,
                &mut decoder.nan_keys,
            );
        }
    }
    let value = decoder.object(map);
    match decoder.late {
        Some(error) => Err(error),
        None => Ok(value),
    }
}

/// Whether decoding `nodes` can neither fail nor read a key as anything
/// but a string: no aliases, no tags, no merge keys, every key a string,
/// no infinity or NaN.
fn plain_strings(nodes: &[Node]) -> bool {
    let string_key = |id: usize| match &nodes[id].kind {
        Kind::Scalar {
            value,
            tag: None,
            implicit,
        } => {
            !*implicit
                || (value != "<<"
                    && matches!(resolve::plain(value), Scalar::Str | Scalar::Timestamp))
        }
        _ => false,
    };
    nodes.iter().all(|node| match &node.kind {
        Kind::Alias(..) => false,
        Kind::Scalar { tag: Some(_), .. } => false,
        Kind::Scalar {
            value,
            implicit: true,
            ..
        } => !matches!(resolve::plain(value), Scalar::Float(f) if !f.is_finite()),
        Kind::Scalar { .. } | Kind::Seq(_) => true,
        Kind::Map(children) => children.chunks(2).all(|pair| string_key(pair[0])),
    })
}

/// [`unmarshal`], with where each value is written: how Helm reads
/// Chart.yaml, located.
pub fn unmarshal_located(text: &str) -> Result<(Json, Spans), YamlError> {
    let (value, _) = document(whole(text), true, None)?;
    Ok((value, Spans::lazy(text, false)))
}

/// Where each value of a values file is written, as far as the file can be
/// read: values Helm would refuse only on their way to JSON (`.inf`, a
/// `null` key) are still located. Empty when the YAML itself is broken.
pub fn spans(text: &str) -> Spans {
    Spans::located(read(text, false, true).map(|v| v.1).unwrap_or_default())
}

fn whole(text: &str) -> Chunk<'_> {
    Chunk {
        text,
        line: 0,
        offset: 0,
    }
}

/// The values of a values file, and where they are written when `locate`.
fn read(text: &str, strict: bool, locate: bool) -> Result<(Json, SpanTree), YamlError> {
    let mut merged = Map::new();
    let mut spans = SpanTree::default();
    for chunk in documents(text)? {
        let (value, at) = document(chunk, strict, locate.then_some(&mut spans))?;
        match value {
            Json::Null => {}
            Json::Object(map) => merge_maps(&mut merged, map),
            other => {
                let kind = match other {
                    Json::Array(_) => "a list",
                    Json::String(_) => "a string",
                    Json::Bool(_) => "a boolean",
                    _ => "a number",
                };
                return Err(YamlError {
                    message: format!("a values file must be a map of keys, not {kind}"),
                    at,
                    hint: None,
                });
            }
        }
    }
    Ok((Json::Object(merged), spans))
}

/// One document's text, where it starts in the file.
#[derive(Debug, Clone, Copy)]
struct Chunk<'a> {
    text: &'a str,
    /// 0-based line and byte offset of its first line in the file.
    line: usize,
    offset: usize,
}

/// The documents of a text, cut as `k8s.io/apimachinery`'s `YAMLReader`
/// cuts them: at lines starting with `---`, which may be followed only by
/// spaces or a comment. A separator opening a document stays in it.
fn documents(text: &str) -> Result<Vec<Chunk<'_>>, YamlError> {
    let mut chunks = Vec::new();
    let (mut start, mut start_line) = (None::<usize>, 0);
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if let Some(rest) = line.strip_prefix("---") {
            let trimmed = rest.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(YamlError {
                    message: format!("invalid YAML document separator: {trimmed}"),
                    at: Some(Pos {
                        line: n + 1,
                        column: 1,
                    }),
                    hint: Some(
                        "a `---` line separates documents; nothing but a comment may follow it"
                            .into(),
                    ),
                });
            }
            if let Some(from) = start.take() {
                chunks.push(Chunk {
                    text: &text[from..offset],
                    line: start_line,
                    offset: from,
                });
            }
        }
        if start.is_none() {
            start = Some(offset);
            start_line = n;
        }
        offset += line.len();
    }
    if let Some(from) = start {
        chunks.push(Chunk {
            text: &text[from..],
            line: start_line,
            offset: from,
        });
    }
    Ok(chunks)
}

/// A parsed node of the first document of a chunk.
#[derive(Debug)]
struct Node {
    kind: Kind,
    pos: Pos,
    bytes: (usize, usize),
    /// How deep its value nests once aliases are expanded, as Go's JSON
    /// counts: 0 for a scalar, 1 for a list or map of scalars.
    depth: usize,
}

#[derive(Debug)]
enum Kind {
    Scalar {
        value: String,
        tag: Option<String>,
        /// Plain and untagged: its type comes from its text.
        implicit: bool,
    },
    Seq(Vec<usize>),
    /// Keys and values, alternating.
    Map(Vec<usize>),
    /// The anchored node, and the anchor's name.
    Alias(usize, String),
}

/// The first document of a chunk as go-yaml's parser builds it: nodes in
/// an arena, anchors resolved at the point of use, each collection's depth
/// (aliases expanded) known once it ends.
fn parse(chunk: Chunk<'_>) -> Result<Option<(Vec<Node>, usize)>, YamlError> {
    // go-yaml drops a BOM that opens a document's text as it guesses the
    // encoding; libyaml, told the text is UTF-8, would read it as a column
    // of the first line (and a map starting there would end at the next).
    let chunk = match chunk.text.strip_prefix('\u{feff}') {
        Some(text) => Chunk {
            text,
            offset: chunk.offset + '\u{feff}'.len_utf8(),
            ..chunk
        },
        None => chunk,
    };
    let mark = |m: Mark| Pos {
        line: chunk.line.saturating_add(m.line).saturating_add(1),
        column: m.column.saturating_add(1),
    };
    let byte = |m: Mark| chunk.offset.saturating_add(m.index);
    // Plain block YAML is read by the fast reader, anything else by
    // libyaml; both give the same events.
    let events = match super::fastyaml::events(chunk.text) {
        Some(events) => Events::Fast(events.into_iter()),
        None => Events::Libyaml(Parser::new(chunk.text)),
    };
    let mut nodes: Vec<Node> = Vec::with_capacity(events.size_hint().0);
    let mut anchors: HashMap<String, usize> = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut root = None;
    for item in events {
        let (event, start, end) = item.map_err(|e| {
            let message = match e.context {
                Some((context, at)) => {
                    let at = mark(at);
                    format!("{} {}", e.problem, context_words(&context, at))
                }
                None => e.problem,
            };
            YamlError {
                message,
                at: Some(mark(e.mark)),
                hint: None,
            }
        })?;
        let pos = mark(start);
        let bytes = (byte(start), byte(end));
        let (kind, anchor) = match event {
            Event::StreamEnd => break,
            Event::DocumentEnd if root.is_some() => break,
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(id) = open.pop() {
                    nodes[id].bytes.1 = bytes.1;
                    nodes[id].depth = depth_of(&nodes, id);
                }
                continue;
            }
            Event::Alias { anchor } => match anchors.get(&anchor) {
                Some(&target) => (Kind::Alias(target, anchor), None),
                None => {
                    return Err(YamlError {
                        message: format!("unknown anchor '{anchor}' referenced"),
                        at: Some(pos),
                        hint: None,
                    })
                }
            },
            Event::Scalar {
                anchor,
                tag,
                value,
                plain_implicit,
            } => (
                Kind::Scalar {
                    value,
                    implicit: plain_implicit,
                    tag,
                },
                anchor,
            ),
            Event::SequenceStart { anchor } => (Kind::Seq(Vec::new()), anchor),
            Event::MappingStart { anchor } => (Kind::Map(Vec::new()), anchor),
            Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => continue,
        };
        let collection = matches!(kind, Kind::Seq(_) | Kind::Map(_));
        // An alias is as deep as what it copies (an anchor still open is
        // one that contains itself, refused when it is decoded).
        let depth = match kind {
            Kind::Alias(target, _) => nodes[target].depth,
            _ => 0,
        };
        let id = nodes.len();
        nodes.push(Node {
            kind,
            pos,
            bytes,
            depth,
        });
        if let Some(anchor) = anchor {
            anchors.insert(anchor, id);
        }
        match open.last() {
            Some(&parent) => match &mut nodes[parent].kind {
                Kind::Seq(children) | Kind::Map(children) => children.push(id),
                _ => {}
            },
            None => root = Some(id),
        }
        if collection {
            if open.len() >= HELM_MAX_DEPTH {
                // go-yaml's own words; chartgen would refuse the values
                // later anyway, beyond MAX_DEPTH.
                return Err(YamlError {
                    message: format!("exceeded max depth of {HELM_MAX_DEPTH}"),
                    at: Some(pos),
                    hint: None,
                });
            }
            open.push(id);
        }
    }
    Ok(root.map(|r| (nodes, r)))
}

/// The events of a text, from the fast reader or from libyaml.
enum Events<'t> {
    Fast(std::vec::IntoIter<super::fastyaml::Item>),
    Libyaml(Parser<'t>),
}

impl Iterator for Events<'_> {
    type Item = Result<(Event, Mark, Mark), super::libyaml::ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Events::Fast(events) => events.next().map(Ok),
            Events::Libyaml(parser) => parser.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Events::Fast(events) => events.size_hint(),
            Events::Libyaml(_) => (0, None),
        }
    }
}

/// libyaml's context of a syntax error ("while parsing a flow sequence"),
/// as the place the reader should look at.
fn context_words(context: &str, at: Pos) -> String {
    let what = match context {
        "while parsing a flow sequence" => "in the list (`[`) opened at",
        "while parsing a flow mapping" => "in the map (`{`) opened at",
        "while parsing a block collection" => "in the list that starts at",
        "while parsing a block mapping" => "in the map that starts at",
        "while scanning a quoted scalar" => "in the quoted text that starts at",
        "while scanning a block scalar" => "in the block of text that starts at",
        "while scanning a simple key" => "in the key that starts at",
        "while scanning a plain scalar" => "in the text that starts at",
        "while scanning an anchor" | "while scanning an alias" => "in the anchor or alias at",
        "while parsing a node" => "in the value at",
        "while scanning a tag" | "while parsing a node tag" => "in the tag at",
        _ => return format!("({context} at {}:{})", at.line, at.column),
    };
    format!("{what} {}:{}", at.line, at.column)
}

/// The depth (as Go's JSON counts it) of collection `id`, whose children
/// are complete: a list or map is one level deeper than its deepest value;
/// what a merge key copies sits at the map's own level.
fn depth_of(nodes: &[Node], id: usize) -> usize {
    let below = |child: usize| nodes[child].depth;
    let deepest = match &nodes[id].kind {
        Kind::Seq(children) => children.iter().map(|&c| below(c) + 1).max(),
        Kind::Map(children) => children
            .chunks(2)
            .filter_map(|pair| match *pair {
                [key, value] if is_merge(&nodes[key]) => match &nodes[value].kind {
                    Kind::Seq(items) => items.iter().map(|&i| below(i)).max(),
                    _ => Some(below(value)),
                },
                [_, value] => Some(below(value) + 1),
                _ => None,
            })
            .max(),
        _ => return 0,
    };
    deepest.unwrap_or(0).max(1)
}

/// The bracket Go's JSON decoder stops at: the first collection at `level`
/// (1 for `node`) along a path deep enough to reach it.
fn bracket_at(nodes: &[Node], mut node: usize, level: usize) -> char {
    let mut here = 1;
    loop {
        node = match &nodes[node].kind {
            Kind::Alias(target, _) => *target,
            Kind::Seq(_) if here == level => return '[',
            Kind::Map(_) if here == level => return '{',
            Kind::Seq(children) | Kind::Map(children) => {
                let need = level - here;
                let next = children.iter().copied().find(|&c| {
                    nodes[c].depth >= need && !matches!(nodes[c].kind, Kind::Scalar { .. })
                });
                match next {
                    Some(next) => {
                        here += 1;
                        next
                    }
                    None => return '[',
                }
            }
            Kind::Scalar { .. } => return '[',
        }
    }
}

/// A map key as go-yaml decodes it into `interface{}`, before
/// `sigs.k8s.io/yaml` turns it into a string.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(String),
}

impl Key {
    /// Whether Go's map holds `self` and `other` as one key (of the same
    /// type, equal; NaN equals nothing).
    fn same(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Null, Key::Null) => true,
            (Key::Bool(a), Key::Bool(b)) => a == b,
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Uint(a), Key::Uint(b)) => a == b,
            #[allow(clippy::float_cmp)]
            (Key::Float(a), Key::Float(b)) => a == b,
            (Key::Str(a), Key::Str(b)) => a == b,
            _ => false,
        }
    }

    /// Go's map-key identity: equal keys overwrite each other.
    fn identity(&self, nan: &mut u64) -> (u8, String) {
        match self {
            Key::Null => (0, String::new()),
            Key::Bool(b) => (1, b.to_string()),
            Key::Int(i) => (2, i.to_string()),
            Key::Uint(u) => (3, u.to_string()),
            Key::Float(f) if f.is_nan() => {
                // NaN equals nothing, itself included.
                *nan += 1;
                (4, format!("nan{nan}"))
            }
            Key::Float(f) => (4, (f + 0.0).to_bits().to_string()),
            Key::Str(s) => (5, s.clone()),
        }
    }

    /// The string `sigs.k8s.io/yaml` names the key by.
    fn to_json_key(&self) -> Result<String, String> {
        match self {
            Key::Str(s) => Ok(s.clone()),
            Key::Bool(b) => Ok(b.to_string()),
            Key::Int(i) => Ok(i.to_string()),
            Key::Float(f) if f.is_nan() => Ok(".nan".into()),
            Key::Float(f) if f.is_infinite() => Ok(if *f > 0.0 { ".inf" } else { "-.inf" }.into()),
            Key::Float(f) => Ok(go_float32(*f)),
            Key::Uint(u) => Err(format!("unsupported map key of type: uint64, key: {u:#x}")),
            Key::Null => Err("unsupported map key of type: %!s(<nil>), key: <nil>".into()),
        }
    }
}

/// go-yaml v2's limits on alias expansion ("billion laughs").
fn allowed_alias_ratio(decodes: usize) -> f64 {
    const LOW: f64 = 400_000.0;
    const HIGH: f64 = 4_000_000.0;
    #[allow(clippy::cast_precision_loss)]
    let decodes = decodes as f64;
    if decodes <= LOW {
        0.99
    } else if decodes >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decodes - LOW) / (HIGH - LOW))
    }
}

/// go-yaml's decoder into `interface{}`, then `sigs.k8s.io/yaml`'s turn
/// to JSON, in one walk.
struct Decoder<'a> {
    nodes: &'a [Node],
    /// Where values are written, when wanted.
    spans: Option<&'a mut SpanTree>,
    /// Alias nodes being expanded, to catch an anchor that holds itself.
    expanding: HashSet<usize>,
    alias_depth: usize,
    decodes: usize,
    aliased: usize,
    /// The first problem found on the way to JSON, which go-yaml itself
    /// does not see: reported only when the whole document decodes.
    late: Option<YamlError>,
    nan_keys: u64,
    /// The document's root node.
    root: usize,
}

/// A scalar read: a value of go-yaml's kinds, or `!!binary` decoded.
enum Read {
    Scalar(Scalar),
    Binary(String),
}

/// The map being filled by a mapping node and the merges into it.
#[derive(Default)]
struct MapBuilder {
    entries: Vec<(Key, Json, Pos)>,
    /// The entries by Go identity, once there are too many to search.
    index: Option<HashMap<(u8, String), usize>>,
    /// A key that is not a string: two keys may then name the same JSON
    /// key.
    mixed: bool,
}

impl MapBuilder {
    /// Beyond this many entries, keys are looked up in an index.
    const SEARCHED: usize = 24;

    /// Sets `key` to `value`: an equal key (Go's map identity) keeps its
    /// place and takes the new value and position.
    fn set(&mut self, key: Key, value: Json, at: Pos, nan_keys: &mut u64) {
        self.mixed |= !matches!(key, Key::Str(_));
        if self.index.is_none() && self.entries.len() >= Self::SEARCHED {
            let mut index = HashMap::with_capacity(self.entries.len() * 2);
            for (i, (key, _, _)) in self.entries.iter().enumerate() {
                index.entry(key.identity(nan_keys)).or_insert(i);
            }
            self.index = Some(index);
        }
        let found = match &mut self.index {
            Some(index) => {
                let identity = key.identity(nan_keys);
                match index.get(&identity) {
                    Some(&i) => Some(i),
                    None => {
                        index.insert(identity, self.entries.len());
                        None
                    }
                }
            }
            None => self.entries.iter().position(|(k, _, _)| k.same(&key)),
        };
        match found {
            Some(i) => self.entries[i] = (key, value, at),
            None => self.entries.push((key, value, at)),
        }
    }
}

/// Where a node being decoded sits: its entry in the spans (when they are
/// kept), and how many collections hold it.
#[derive(Debug, Clone, Copy)]
struct Place {
    span: Option<usize>,
    level: usize,
}

fn number(f: f64) -> Json {
    // A float64 that is a whole number within ±2^53 prints as an integer,
    // as Go's JSON does; the value is the same either way.
    #[allow(clippy::cast_possible_truncation)]
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        return Json::Number(Number::from(f as i64));
    }
    Number::from_f64(f).map_or(Json::Null, Json::Number)
}

/// The first document of `chunk`, and where it is written; its values
/// located in `spans` when given.
fn document(
    chunk: Chunk<'_>,
    strict: bool,
    spans: Option<&mut SpanTree>,
) -> Result<(Json, Option<Pos>), YamlError> {
    let Some((nodes, root)) = parse(chunk)? else {
        return Ok((Json::Null, None));
    };
    decode(&nodes, root, strict, spans)
}

/// The value of node `root` of `nodes`, and where it is written; its
/// values located in `spans` when given.
fn decode(
    nodes: &[Node],
    root: usize,
    strict: bool,
    mut spans: Option<&mut SpanTree>,
) -> Result<(Json, Option<Pos>), YamlError> {
    let node = &nodes[root];
    let at = node.pos;
    let root_span = spans.as_deref_mut().map(|spans| {
        spans.set_root(Span {
            key: None,
            value: node.pos,
            bytes: node.bytes,
        })
    });
    let mut decoder = Decoder::new(nodes, root, spans);
    // go-yaml counts the document node itself.
    decoder.count(at)?;
    let place = Place {
        span: root_span,
        level: 0,
    };
    let value = decoder.value(root, place)?;
    match decoder.late {
        Some(error) if strict => Err(error),
        _ => Ok((value, Some(at))),
    }
}

impl<'a> Decoder<'a> {
    /// A decoder of `nodes` from `root`, locating values in `spans` when
    /// given.
    fn new(nodes: &'a [Node], root: usize, spans: Option<&'a mut SpanTree>) -> Self {
        Decoder {
            nodes,
            spans,
            expanding: HashSet::new(),
            alias_depth: 0,
            decodes: 0,
            aliased: 0,
            late: None,
            nan_keys: 0,
            root,
        }
    }

    fn late(&mut self, message: String, at: Pos, hint: Option<String>) {
        if self.late.is_none() {
            self.late = Some(YamlError {
                message,
                at: Some(at),
                hint,
            });
        }
    }

    /// go-yaml's count of every node it decodes (aliases, keys and merged
    /// maps included), and its refusal of documents that are mostly
    /// copies.
    fn count(&mut self, at: Pos) -> Result<(), YamlError> {
        self.decodes += 1;
        if self.alias_depth > 0 {
            self.aliased += 1;
        }
        #[allow(clippy::cast_precision_loss)]
        let ratio = self.aliased as f64 / self.decodes as f64;
        if self.aliased > 100 && self.decodes > 1000 && ratio > allowed_alias_ratio(self.decodes) {
            return Err(YamlError {
                message: "document contains excessive aliasing".into(),
                at: Some(at),
                hint: None,
            });
        }
        Ok(())
    }

    /// Records where the value under `segment` of `parent` is written.
    fn locate(&mut self, parent: Option<usize>, segment: &str, span: Span) -> Option<usize> {
        let spans = self.spans.as_deref_mut()?;
        Some(spans.child(parent?, segment, span))
    }

    /// Refuses a collection deeper than chartgen reads, in Helm's words
    /// when Helm refuses it too.
    fn too_deep(&self, at: Pos) -> YamlError {
        let total = self.nodes[self.root].depth;
        let message = if total > HELM_MAX_DEPTH {
            let bracket = bracket_at(self.nodes, self.root, HELM_MAX_DEPTH + 1);
            format!("invalid character '{bracket}' exceeded max depth")
        } else {
            format!(
                "values nest {total} levels deep (aliases expanded), deeper than the \
                 {MAX_DEPTH} chartgen reads (Helm reads up to {HELM_MAX_DEPTH})"
            )
        };
        YamlError {
            message,
            at: Some(at),
            hint: None,
        }
    }

    /// Decodes node `id`, found at `place`.
    fn value(&mut self, id: usize, place: Place) -> Result<Json, YamlError> {
        stacker::maybe_grow(64 << 10, 1 << 20, || self.value_here(id, place))
    }

    fn value_here(&mut self, id: usize, place: Place) -> Result<Json, YamlError> {
        let node = &self.nodes[id];
        self.count(node.pos)?;
        let inner = Place {
            span: place.span,
            level: place.level + 1,
        };
        if matches!(node.kind, Kind::Seq(_) | Kind::Map(_)) && inner.level > MAX_DEPTH {
            return Err(self.too_deep(node.pos));
        }
        match &node.kind {
            Kind::Scalar {
                value,
                tag,
                implicit,
            } => self.scalar(value, tag.as_deref(), *implicit, node.pos),
            Kind::Seq(children) => {
                let mut items = Vec::with_capacity(children.len());
                for (i, &child) in children.iter().enumerate() {
                    let at = &self.nodes[child];
                    let span = Span {
                        key: None,
                        value: at.pos,
                        bytes: at.bytes,
                    };
                    let span = self.locate(place.span, &i.to_string(), span);
                    items.push(self.value(child, Place { span, ..inner })?);
                }
                Ok(Json::Array(items))
            }
            Kind::Map(_) => {
                let mut map = MapBuilder::default();
                self.fill(id, &mut map, inner)?;
                Ok(self.object(map))
            }
            Kind::Alias(target, name) => {
                let target = *target;
                let name = name.clone();
                self.alias(id, &name, |d| d.value(target, place))
            }
        }
    }

    /// Expands alias node `id` (of anchor `name`) with `decode`.
    fn alias<T>(
        &mut self,
        id: usize,
        name: &str,
        decode: impl FnOnce(&mut Self) -> Result<T, YamlError>,
    ) -> Result<T, YamlError> {
        if !self.expanding.insert(id) {
            return Err(YamlError {
                message: format!("anchor '{name}' value contains itself"),
                at: Some(self.nodes[id].pos),
                hint: None,
            });
        }
        self.alias_depth += 1;
        let out = decode(self);
        self.alias_depth -= 1;
        self.expanding.remove(&id);
        out
    }

    /// What a scalar reads as, with its tag.
    fn read_scalar(
        text: &str,
        tag: Option<&str>,
        implicit: bool,
        at: Pos,
    ) -> Result<Read, YamlError> {
        Ok(Read::Scalar(match tag {
            // Quoted and untagged: a string, whatever it looks like.
            None if !implicit => Scalar::Str,
            None => resolve::plain(text),
            Some(BINARY_TAG) => {
                let bytes = decode_go(text.as_bytes()).map_err(|_| YamlError {
                    message: "!!binary value contains invalid base64 data".into(),
                    at: Some(at),
                    hint: None,
                })?;
                return Ok(Read::Binary(String::from_utf8_lossy(&bytes).into_owned()));
            }
            Some(tag) => resolve::tagged(tag, text).map_err(|message| YamlError {
                message,
                at: Some(at),
                hint: None,
            })?,
        }))
    }

    fn scalar(
        &mut self,
        text: &str,
        tag: Option<&str>,
        implicit: bool,
        at: Pos,
    ) -> Result<Json, YamlError> {
        let resolved = match Self::read_scalar(text, tag, implicit, at)? {
            Read::Binary(s) => return Ok(Json::String(s)),
            Read::Scalar(scalar) => scalar,
        };
        #[allow(clippy::cast_precision_loss)]
        Ok(match resolved {
            Scalar::Null => Json::Null,
            Scalar::Bool(b) => Json::Bool(b),
            // Helm reads values back from JSON as float64.
            Scalar::Int(i) => number(i as f64),
            Scalar::Uint(u) => number(u as f64),
            Scalar::Float(f) if f.is_finite() => number(f),
            Scalar::Float(f) => {
                let shown = if f.is_nan() {
                    "NaN"
                } else if f > 0.0 {
                    "+Inf"
                } else {
                    "-Inf"
                };
                self.late(
                    format!("json: unsupported value: {shown}"),
                    at,
                    Some(format!(
                        "Helm turns values into JSON, which has no infinities or NaN; quote \
                         `{text}` to keep it a string"
                    )),
                );
                Json::Null
            }
            Scalar::Str | Scalar::Timestamp => Json::String(text.to_owned()),
        })
    }

    /// A key as go-yaml decodes it: a scalar, or an alias of one; counted
    /// as every node go-yaml decodes is.
    fn key(&mut self, id: usize) -> Result<Key, YamlError> {
        let node = &self.nodes[id];
        self.count(node.pos)?;
        match &node.kind {
            Kind::Scalar {
                value,
                tag,
                implicit,
            } => Ok(
                match Self::read_scalar(value, tag.as_deref(), *implicit, node.pos)? {
                    Read::Binary(s) => Key::Str(s),
                    Read::Scalar(Scalar::Null) => Key::Null,
                    Read::Scalar(Scalar::Bool(b)) => Key::Bool(b),
                    Read::Scalar(Scalar::Int(i)) => Key::Int(i),
                    Read::Scalar(Scalar::Uint(u)) => Key::Uint(u),
                    Read::Scalar(Scalar::Float(f)) => Key::Float(f),
                    Read::Scalar(Scalar::Str | Scalar::Timestamp) => Key::Str(value.clone()),
                },
            ),
            Kind::Alias(target, name) => {
                let target = *target;
                let name = name.clone();
                self.alias(id, &name, |d| d.key(target))
            }
            Kind::Seq(_) | Kind::Map(_) => Err(YamlError {
                message: "invalid map key: a key must be a scalar, not a list or a map".into(),
                at: Some(node.pos),
                hint: None,
            }),
        }
    }

    /// Adds the entries of mapping node `id` (merges included) to `map`,
    /// whose entries sit at `place`.
    fn fill(&mut self, id: usize, map: &mut MapBuilder, place: Place) -> Result<(), YamlError> {
        let Kind::Map(children) = &self.nodes[id].kind else {
            return Ok(());
        };
        for pair in children.chunks(2) {
            let [key_id, value_id] = *pair else {
                continue;
            };
            let key_node = &self.nodes[key_id];
            if is_merge(key_node) {
                self.merge(value_id, map, place)?;
                continue;
            }
            let key = self.key(key_id)?;
            let key_pos = key_node.pos;
            let span = match self.spans {
                Some(_) => match key.to_json_key() {
                    Ok(segment) => {
                        let value_node = &self.nodes[value_id];
                        let span = Span {
                            key: Some(key_pos),
                            value: value_node.pos,
                            bytes: value_node.bytes,
                        };
                        self.locate(place.span, &segment, span)
                    }
                    Err(_) => None,
                },
                None => None,
            };
            let value = self.value(value_id, Place { span, ..place })?;
            if let Some(Err(message)) = (!matches!(key, Key::Str(_))).then(|| key.to_json_key()) {
                self.late(
                    format!("{message}, value: {}", cut(&value.to_string())),
                    key_pos,
                    Some("quote the key to make it a string".into()),
                );
                continue;
            }
            map.set(key, value, key_pos, &mut self.nan_keys);
        }
        Ok(())
    }

    /// go-yaml v2's merge key: a map, an alias of one, or a list of them
    /// (earlier ones taking precedence).
    fn merge(&mut self, id: usize, map: &mut MapBuilder, place: Place) -> Result<(), YamlError> {
        let node = &self.nodes[id];
        match &node.kind {
            Kind::Map(_) | Kind::Alias(..) => self.merged(id, map, place),
            Kind::Seq(children) => {
                for &child in children.iter().rev() {
                    self.merged(child, map, place)?;
                }
                Ok(())
            }
            Kind::Scalar { .. } => Err(want_map(node.pos)),
        }
    }

    /// One map a merge key copies: a mapping node, or an alias of one,
    /// counted as go-yaml counts every node it decodes.
    fn merged(&mut self, id: usize, map: &mut MapBuilder, place: Place) -> Result<(), YamlError> {
        let node = &self.nodes[id];
        match &node.kind {
            Kind::Map(_) => {
                self.count(node.pos)?;
                self.fill(id, map, place)
            }
            Kind::Alias(target, name) if matches!(self.nodes[*target].kind, Kind::Map(_)) => {
                self.count(node.pos)?;
                let target = *target;
                let name = name.clone();
                self.alias(id, &name, |d| d.merged(target, map, place))
            }
            _ => Err(want_map(node.pos)),
        }
    }

    /// The JSON object of a map: keys named as `sigs.k8s.io/yaml` names
    /// them. Two different YAML keys that name the same JSON key (`on` and
    /// `true`, `1` and `"1"`) are refused: Helm keeps one of them at random.
    fn object(&mut self, map: MapBuilder) -> Json {
        let mut out = Map::with_capacity(map.entries.len());
        if !map.mixed {
            // String keys, each once: each names its own JSON key.
            for (key, value, _) in map.entries {
                if let Key::Str(name) = key {
                    out.insert(name, value);
                }
            }
            return Json::Object(out);
        }
        let mut first: HashMap<String, Key> = HashMap::new();
        for (key, value, at) in map.entries {
            let Ok(name) = key.to_json_key() else {
                continue;
            };
            if let Some(other) = first.get(&name) {
                if *other != key {
                    self.late(
                        format!(
                            "two keys of this map both read as `{}`, and Helm keeps one \
                             of them at random",
                            cut(&name)
                        ),
                        at,
                        Some(
                            "YAML 1.1 reads `on`, `yes` and `y` as `true`, and `1` and `0x1` \
                             as the same number; write each key once, as a string"
                                .into(),
                        ),
                    );
                }
                continue;
            }
            first.insert(name.clone(), key);
            out.insert(name, value);
        }
        Json::Object(out)
    }
}

fn want_map(at: Pos) -> YamlError {
    YamlError {
        message: "map merge requires map or sequence of maps as the value".into(),
        at: Some(at),
        hint: None,
    }
}

/// A value's text as a message quotes it: at most about 60 characters.
pub fn cut(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

/// go-yaml v2's `isMerge`: a plain (or `!!merge`-tagged) `<<` key.
fn is_merge(node: &Node) -> bool {
    matches!(&node.kind, Kind::Scalar { value, tag, implicit }
        if value == "<<" && (*implicit || tag.as_deref() == Some("tag:yaml.org,2002:merge")))
}

#[cfg(test)]
mod tests {
    /// Reading only some keys of a document gives what reading it all and
    /// keeping those keys gives, errors included.
    #[test]
    fn unmarshal_top_is_unmarshal_filtered() {
        let keep = |k: &str| k == "kind" || k == "metadata";
        for text in [
            "kind: A\nmetadata:\n  name: x\nspec:\n  a: 1\n",
            "kind: A\nspec:\n  a: .inf\n",
            "kind: A\nspec: {on: 1}\n",
            "kind: A\nspec:\n  'on': 1\n  true: 2\n",
            "kind: A\nx: &a 1\ny: *a\n",
            "kind: A\n<<: {kind: B}\n",
            "kind: A\nspec:\n  <<: 1\n",
            "kind: A\nspec: !!binary aGk=\n",
            "kind: A\nspec: !!binary '%'\n",
            "kind: A\nkind: B\nmetadata: {a: 1}\n",
            "kind: A\nspec:\n  ~: 1\n",
            "- a\n",
            "",
            "a: [1\n",
        ] {
            let full = unmarshal(text).map(|v| match v {
                Json::Object(m) => Json::Object(m.into_iter().filter(|(k, _)| keep(k)).collect()),
                other => other,
            });
            assert_eq!(unmarshal_top(text, keep), full, "{text:?}");
        }
    }

    use serde_json::json;

    use super::*;

    fn read(text: &str) -> Json {
        read_values(text)
            .map(|v| v.value)
            .unwrap_or_else(|e| json!(e.message))
    }

    #[test]
    fn yaml_1_1_scalars() {
        assert_eq!(
            read("a: on\nb: 0755\nc: 1_000\nd: 1e3\ne: ~\nf: 2001-12-14\ng: 1:20\nh: '0755'\n"),
            json!({"a": true, "b": 493, "c": 1000, "d": 1000, "e": null, "f": "2001-12-14", "g": "1:20", "h": "0755"})
        );
        assert_eq!(read("a: .inf\n"), json!("json: unsupported value: +Inf"));
        assert_eq!(
            read("on: 1\nn: 2\n1.5: 3\n"),
            json!({"true": 1, "false": 2, "1.5": 3})
        );
    }

    #[test]
    fn documents_merge_and_non_maps_fail() {
        assert_eq!(
            read("a: {x: 1}\nl: [1]\n---\na: {z: 2}\nl: [2]\n--- # c\n---\nnull\n"),
            json!({"a": {"x": 1, "z": 2}, "l": [2]})
        );
        assert_eq!(
            read("- 1\n"),
            json!("a values file must be a map of keys, not a list")
        );
        assert_eq!(read(""), json!({}));
    }

    #[test]
    fn bounded_on_any_input() {
        let deep = |n: usize| format!("a: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert!(read_values(&deep(MAX_DEPTH - 2)).is_ok());
        let error = read_values(&deep(MAX_DEPTH)).unwrap_err();
        assert!(
            error
                .message
                .contains("deeper than the 1000 chartgen reads"),
            "{error}"
        );
        let error = read_values(&deep(HELM_MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(error.message, "exceeded max depth of 10000");
        let mut bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n".to_owned();
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
        }
        let error = read_values(&bomb).unwrap_err();
        assert_eq!(error.message, "document contains excessive aliasing");
    }

    /// Merged maps, the aliases in a merge list and keys are counted as
    /// go-yaml counts them: 740 bytes of merges nested ten by ten ran for
    /// minutes instead of being refused at once.
    #[test]
    fn merge_keys_count_towards_aliasing() {
        let mut bomb = "a0: &a0 {}\n".to_owned();
        for i in 1..=11 {
            let previous = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} {{<<: [{previous}]}}\n"));
        }
        let error = read_values(&bomb).unwrap_err();
        assert_eq!(error.message, "document contains excessive aliasing");
        // Aliased keys count too.
        let mut keys = "k: &k key\n".to_owned();
        for i in 0..2000 {
            keys.push_str(&format!("m{i}: {{*k : 1}}\n"));
        }
        assert!(read_values(&keys).is_ok());
    }

    /// Depth counts what aliases copy: anchors each nesting the previous
    /// one went past the limit that the text alone respects.
    #[test]
    fn depth_counts_aliases() {
        let chain = |levels: usize, anchors: usize| {
            let mut text = format!("l0: &l0 {}{}\n", "[".repeat(levels), "]".repeat(levels));
            for i in 1..anchors {
                text.push_str(&format!(
                    "l{i}: &l{i} {}*l{}{}\n",
                    "[".repeat(levels),
                    i - 1,
                    "]".repeat(levels)
                ));
            }
            text
        };
        let error = read_values(&chain(400, 3)).unwrap_err();
        assert!(
            error
                .message
                .starts_with("values nest 1201 levels deep (aliases expanded)"),
            "{error}"
        );
        let error = read_values(&chain(990, 20)).unwrap_err();
        assert_eq!(error.message, "invalid character '[' exceeded max depth");
        assert!(read_values(&chain(300, 3)).is_ok());
    }

    #[test]
    fn syntax_errors_say_where_the_open_collection_starts() {
        let error = read_values("a: [1, 2\n").unwrap_err();
        assert_eq!(
            error.message,
            "did not find expected ',' or ']' in the list (`[`) opened at 1:4"
        );
        assert_eq!(error.at, Some(Pos { line: 2, column: 1 }));
    }

    #[test]
    fn a_bom_moves_no_place() {
        let text = "\u{feff}nameOverride: 12345\nb: [x]\n";
        let read = read_values(text).unwrap();
        let span = read.spans.get(&["nameOverride".to_owned()]).unwrap();
        assert_eq!(&text[span.bytes.0..span.bytes.1], "12345");
        assert_eq!(span.at(), Pos { line: 1, column: 1 });
        let span = read.spans.get(&["b".to_owned(), "0".to_owned()]).unwrap();
        assert_eq!(&text[span.bytes.0..span.bytes.1], "x");
    }

    #[test]
    fn spans_find_flow_values_and_items() {
        let text = "a: {b: 1, c: [x, y]}\nl:\n  - k: v\n";
        let spans = read_values(text).unwrap().spans;
        let at = |p: &[&str]| {
            let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
            spans.get(&p).map(|s| (s.at().line, s.at().column))
        };
        assert_eq!(at(&["a", "c"]), Some((1, 11)));
        assert_eq!(at(&["a", "c", "1"]), Some((1, 18)));
        assert_eq!(at(&["l", "0", "k"]), Some((3, 5)));
        assert_eq!(at(&["l", "0"]), Some((3, 5)));
    }
}
