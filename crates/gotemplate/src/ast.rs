//! The parse tree (Go's `text/template/parse/node.go`).
//!
//! Trees hold no [`crate::Value`]: strings are `Arc<str>`, functions are
//! [`FuncId`]s resolved when parsing, so a parsed set is `Send + Sync` and
//! one parse can serve many renders. Text is a byte range of the tree's
//! source, written out without a copy.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::func::FuncId;

/// A parsed template: one `{{define}}` or a file's top level.
#[derive(Debug)]
pub struct Tree {
    /// The template's name (`{{define "name"}}`, or the file's).
    pub name: Arc<str>,
    /// The name of the text it was parsed from (the file), for locations.
    pub parse_name: Arc<str>,
    /// The whole source text the tree was parsed from.
    pub text: Arc<str>,
    /// The top-level nodes.
    pub root: List,
}

/// A sequence of nodes.
pub type List = Vec<Node>;

/// A node of a template body.
#[derive(Debug)]
pub enum Node {
    /// Plain text: a byte range of the tree's source.
    Text {
        /// Byte offset.
        pos: u32,
        /// Start of the text in the source.
        start: u32,
        /// End of the text in the source.
        end: u32,
    },
    /// `{{pipeline}}`.
    Action(Pipe),
    /// `{{if}}`.
    If(Box<Branch>),
    /// `{{range}}`.
    Range(Box<Branch>),
    /// `{{with}}`.
    With(Box<Branch>),
    /// `{{template "name" pipeline}}`.
    Template {
        /// Byte offset.
        pos: u32,
        /// The template's name.
        name: Arc<str>,
        /// The pipeline giving its dot.
        pipe: Option<Pipe>,
    },
    /// `{{break}}`.
    Break {
        /// Byte offset.
        pos: u32,
    },
    /// `{{continue}}`.
    Continue {
        /// Byte offset.
        pos: u32,
    },
    /// `{{/* comment */}}` (kept only when asked).
    Comment {
        /// Byte offset.
        pos: u32,
        /// The comment, delimiters excluded.
        text: Arc<str>,
    },
}

/// `if`, `range` and `with`.
#[derive(Debug)]
pub struct Branch {
    /// Byte offset of the pipeline.
    pub pos: u32,
    /// The pipeline tested or ranged over.
    pub pipe: Pipe,
    /// The body.
    pub list: List,
    /// The `{{else}}` body.
    pub else_list: Option<List>,
}

/// A pipeline, with its declarations.
#[derive(Debug)]
pub struct Pipe {
    /// Byte offset.
    pub pos: u32,
    /// `=` rather than `:=`.
    pub is_assign: bool,
    /// The declared or assigned variables.
    pub decl: Vec<Arc<str>>,
    /// The commands.
    pub cmds: Vec<Command>,
}

/// One command of a pipeline: an operand and its arguments.
#[derive(Debug)]
pub struct Command {
    /// Byte offset.
    pub pos: u32,
    /// The words.
    pub args: Vec<Arg>,
}

/// An operand.
#[derive(Debug)]
pub enum Arg {
    /// `.A.B`.
    Field {
        /// Byte offset.
        pos: u32,
        /// The names.
        idents: Vec<Arc<str>>,
    },
    /// `(pipe).A.B`, `func.A`.
    Chain {
        /// Byte offset.
        pos: u32,
        /// The term.
        node: Box<Arg>,
        /// The field names.
        fields: Vec<Arc<str>>,
    },
    /// `$x.A.B`.
    Variable {
        /// Byte offset.
        pos: u32,
        /// The name, `$` included.
        name: Arc<str>,
        /// The field names after it.
        fields: Vec<Arc<str>>,
    },
    /// `.`.
    Dot {
        /// Byte offset.
        pos: u32,
    },
    /// `nil`.
    Nil {
        /// Byte offset.
        pos: u32,
    },
    /// `true`, `false`.
    Bool {
        /// Byte offset.
        pos: u32,
        /// The value.
        value: bool,
    },
    /// A number constant.
    Number {
        /// Byte offset.
        pos: u32,
        /// The value under every type that holds it.
        number: Box<Number>,
    },
    /// A string constant.
    String {
        /// Byte offset.
        pos: u32,
        /// The text as written, quotes included.
        quoted: Arc<str>,
        /// The string.
        text: Arc<str>,
    },
    /// A function name.
    Identifier {
        /// Byte offset.
        pos: u32,
        /// The name.
        name: Arc<str>,
        /// The function, when the table has it.
        func: Option<FuncId>,
    },
    /// `(pipeline)`.
    Pipe(Box<Pipe>),
}

/// A number constant, under each type that can represent it (Go's ideal
/// constants).
#[derive(Debug, Clone, Default)]
pub struct Number {
    /// The text as written.
    pub text: Arc<str>,
    /// Fits an `int64`.
    pub is_int: bool,
    /// Fits a `uint64`.
    pub is_uint: bool,
    /// Is a float.
    pub is_float: bool,
    /// Is complex (imaginary part non-zero).
    pub is_complex: bool,
    /// The `int64` value.
    pub int: i64,
    /// The `uint64` value.
    pub uint: u64,
    /// The `float64` value.
    pub float: f64,
}

// Trees may nest thousands deep (parenthesised pipelines, control
// structures); dropping them recurses per level, so each level drops its
// children on a stack with room to spare.

impl Drop for Pipe {
    fn drop(&mut self) {
        let cmds = std::mem::take(&mut self.cmds);
        crate::stack::grow(move || drop(cmds));
    }
}

impl Drop for Branch {
    fn drop(&mut self) {
        let list = std::mem::take(&mut self.list);
        let else_list = self.else_list.take();
        crate::stack::grow(move || drop((list, else_list)));
    }
}

impl Arg {
    /// Byte offset of the operand.
    pub fn pos(&self) -> u32 {
        match self {
            Arg::Field { pos, .. }
            | Arg::Chain { pos, .. }
            | Arg::Variable { pos, .. }
            | Arg::Dot { pos }
            | Arg::Nil { pos }
            | Arg::Bool { pos, .. }
            | Arg::Number { pos, .. }
            | Arg::String { pos, .. }
            | Arg::Identifier { pos, .. } => *pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

// Go's `String()` of nodes: errors quote them (`at <.Values.x>`), and the
// parser tests compare them.

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Field { idents, .. } => {
                for id in idents {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Chain { node, fields, .. } => {
                if let Arg::Pipe(p) = &**node {
                    write!(f, "({p})")?;
                } else {
                    write!(f, "{node}")?;
                }
                for field in fields {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
            Arg::Variable { name, fields, .. } => {
                f.write_str(name)?;
                for field in fields {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
            Arg::Dot { .. } => f.write_str("."),
            Arg::Nil { .. } => f.write_str("nil"),
            Arg::Bool { value, .. } => write!(f, "{value}"),
            Arg::Number { number, .. } => f.write_str(&number.text),
            Arg::String { quoted, .. } => f.write_str(quoted),
            Arg::Identifier { name, .. } => f.write_str(name),
            Arg::Pipe(p) => crate::stack::grow(|| write!(f, "{p}")),
        }
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            if let Arg::Pipe(p) = arg {
                write!(f, "({p})")?;
            } else {
                write!(f, "{arg}")?;
            }
        }
        Ok(())
    }
}

impl std::fmt::Display for Pipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(v)?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl Node {
    /// Byte offset of the node.
    pub fn pos(&self) -> u32 {
        match self {
            Node::Text { pos, .. }
            | Node::Template { pos, .. }
            | Node::Break { pos }
            | Node::Continue { pos }
            | Node::Comment { pos, .. } => *pos,
            Node::Action(p) => p.pos,
            Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
        }
    }
}

impl Tree {
    /// Go's `String()` of the tree; `quote_text` prints text nodes as Go's
    /// parser tests do (`%q`).
    pub fn to_go_string(&self, quote_text: bool) -> String {
        let mut out = String::new();
        write_list(&mut out, &self.root, &self.text, quote_text);
        out
    }

    /// The text of a text node.
    pub fn text_of(&self, start: u32, end: u32) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// Go's `ErrorContext` location: 1-based line and byte column of `pos`.
    pub fn line_col(&self, pos: u32) -> (usize, usize) {
        let pos = (pos as usize).min(self.text.len());
        let before = &self.text.as_bytes()[..pos];
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let col = match memchr::memrchr(b'\n', before) {
            None => pos,
            Some(nl) => pos - nl - 1,
        };
        (line, col)
    }
}

fn write_list(out: &mut String, list: &List, src: &str, quote: bool) {
    for n in list {
        write_node(out, n, src, quote);
    }
}

fn write_node(out: &mut String, node: &Node, src: &str, quote: bool) {
    match node {
        Node::Text { start, end, .. } => {
            let t = &src[*start as usize..*end as usize];
            if quote {
                out.push_str(&crate::fmt::quote(t));
            } else {
                out.push_str(t);
            }
        }
        Node::Action(p) => {
            let _ = write!(out, "{{{{{p}}}}}");
        }
        Node::If(b) => write_branch(out, "if", b, src, quote),
        Node::Range(b) => write_branch(out, "range", b, src, quote),
        Node::With(b) => write_branch(out, "with", b, src, quote),
        Node::Template { name, pipe, .. } => {
            let name = crate::fmt::quote(name);
            match pipe {
                None => {
                    let _ = write!(out, "{{{{template {name}}}}}");
                }
                Some(p) => {
                    let _ = write!(out, "{{{{template {name} {p}}}}}");
                }
            }
        }
        Node::Break { .. } => out.push_str("{{break}}"),
        Node::Continue { .. } => out.push_str("{{continue}}"),
        Node::Comment { text, .. } => {
            let _ = write!(out, "{{{{{text}}}}}");
        }
    }
}

fn write_branch(out: &mut String, name: &str, b: &Branch, src: &str, quote: bool) {
    let _ = write!(out, "{{{{{name} {}}}}}", b.pipe);
    write_list(out, &b.list, src, quote);
    if let Some(e) = &b.else_list {
        out.push_str("{{else}}");
        write_list(out, e, src, quote);
    }
    out.push_str("{{end}}");
}

/// Go's `IsEmptyTree`: nothing but space and comments.
pub fn is_empty_tree(list: &List, src: &str) -> bool {
    list.iter().all(|n| match n {
        Node::Text { start, end, .. } => src[*start as usize..*end as usize].trim().is_empty(),
        Node::Comment { .. } => true,
        _ => false,
    })
}
