//! Go's template parser (`text/template/parse/parse.go`), with its
//! messages: `function "x" not defined`, `undefined variable "$x"`,
//! `unexpected <end> in …`. Function names are resolved to ids here.

use std::sync::Arc;

use crate::ast::{is_empty_tree, Arg, Branch, Command, List, Node, Number, Pipe, Tree};
use crate::error::{Error, Result};
use crate::func::FuncTable;
use crate::hash::FastMap;
use crate::lex::{LexOptions, Lexer, Token, TokenKind, TokenVal};

/// Go's parse modes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions {
    /// Keep comments in the tree (`ParseComments`).
    pub parse_comments: bool,
    /// Do not fail on unknown functions (`SkipFuncCheck`); calling one fails
    /// when executed.
    pub skip_func_check: bool,
    /// Nested parenthesised pipelines allowed; 0 is Go's 10,000.
    pub max_expression_depth: usize,
}

/// Go's `maxStackDepth`: nested parenthesised pipelines.
const MAX_STACK_DEPTH: usize = 10_000;
/// Go's `maxPipelineCmds`.
const MAX_PIPELINE_CMDS: usize = 100_000;
/// Nested control structures (`if` in `range` in `with` …): the parser
/// recurses per level, so it is bounded well inside a thread's stack.
pub const MAX_NESTING: usize = 1_000;

/// Parses `text` as template `name`: the top-level tree first, then every
/// `{{define}}`/`{{block}}` in order. Within one text, two non-empty
/// definitions of a name are an error, as in Go.
pub fn parse(
    name: &str,
    text: &str,
    left: &str,
    right: &str,
    funcs: &FuncTable,
    options: ParseOptions,
) -> Result<Vec<Tree>> {
    parse_shared(name, Arc::from(text), left, right, funcs, options)
}

/// [`parse`] of a text the caller already shares: the trees keep `text`
/// itself instead of a copy.
pub fn parse_shared(
    name: &str,
    source: Arc<str>,
    left: &str,
    right: &str,
    funcs: &FuncTable,
    options: ParseOptions,
) -> Result<Vec<Tree>> {
    let text: &str = &source;
    let name: Arc<str> = Arc::from(name);
    let mut p = Parser {
        lex: Lexer::new(
            text,
            left,
            right,
            LexOptions {
                emit_comment: options.parse_comments,
                break_ok: funcs.lookup("break").is_none(),
                continue_ok: funcs.lookup("continue").is_none(),
            },
        ),
        token: [eof_token(), eof_token(), eof_token()],
        lex_error: String::new(),
        peek_count: 0,
        vars: Vec::new(),
        parse_name: name.clone(),
        source: source.clone(),
        funcs,
        options,
        trees: Vec::new(),
        action_line: 0,
        range_depth: 0,
        stack_depth: 0,
        nesting: 0,
        // Room for a file's distinct names, so the map rarely grows.
        names: FastMap::with_capacity_and_hasher(64, Default::default()),
    };
    let dollar = p.intern("$");
    p.vars.push(dollar);
    let root = p.parse_top()?;
    p.add(name, root)?;
    Ok(p.trees)
}

fn eof_token<'a>() -> Tok<'a> {
    Tok {
        kind: TokenKind::Eof,
        pos: 0,
        val: "",
        line: 0,
    }
}

/// A token as the parser keeps it: plain data, copied freely through the
/// look-ahead buffer (a [`Token`] holds an error's message, so copying it
/// costs a branch at least). A lexing error's message waits in
/// `Parser::lex_error`.
#[derive(Clone, Copy)]
struct Tok<'a> {
    kind: TokenKind,
    pos: usize,
    line: usize,
    /// The text ("" for an error).
    val: &'a str,
}

impl<'a> Tok<'a> {
    fn text(&self) -> &'a str {
        self.val
    }

    fn slice(&self) -> &'a str {
        self.val
    }
}

impl std::fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = Token {
            kind: self.kind,
            pos: self.pos,
            val: TokenVal::Slice(self.val),
            line: self.line,
        };
        token.fmt(f)
    }
}

/// The "end" or "else" that closes a list.
enum Closer {
    End,
    Else { pos: usize },
}

struct Parser<'a, 'f> {
    lex: Lexer<'a>,
    token: [Tok<'a>; 3],
    /// The message of the lexing error, once the lexer gave one.
    lex_error: String,
    peek_count: usize,
    vars: Vec<Arc<str>>,
    parse_name: Arc<str>,
    source: Arc<str>,
    funcs: &'f FuncTable,
    options: ParseOptions,
    trees: Vec<Tree>,
    action_line: usize,
    range_depth: usize,
    stack_depth: usize,
    nesting: usize,
    /// Names seen so far, so each distinct name is allocated once.
    names: FastMap<&'a str, Arc<str>>,
}

fn pos32(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

impl<'a> Parser<'a, '_> {
    fn intern(&mut self, name: &'a str) -> Arc<str> {
        self.names
            .entry(name)
            .or_insert_with(|| Arc::from(name))
            .clone()
    }

    fn lex_next(&mut self) -> Tok<'a> {
        let t = self.lex.next_token();
        let val = match t.val {
            TokenVal::Slice(s) => s,
            TokenVal::Message(m) => {
                self.lex_error = m;
                ""
            }
        };
        Tok {
            kind: t.kind,
            pos: t.pos,
            line: t.line,
            val,
        }
    }

    fn next(&mut self) -> Tok<'a> {
        if self.peek_count > 0 {
            self.peek_count -= 1;
        } else {
            self.token[0] = self.lex_next();
        }
        self.token[self.peek_count]
    }

    fn backup(&mut self) {
        self.peek_count += 1;
    }

    fn backup2(&mut self, t1: Tok<'a>) {
        self.token[1] = t1;
        self.peek_count = 2;
    }

    fn backup3(&mut self, t2: Tok<'a>, t1: Tok<'a>) {
        self.token[1] = t1;
        self.token[2] = t2;
        self.peek_count = 3;
    }

    fn peek(&mut self) -> Tok<'a> {
        if self.peek_count > 0 {
            return self.token[self.peek_count - 1];
        }
        self.peek_count = 1;
        self.token[0] = self.lex_next();
        self.token[0]
    }

    fn next_non_space(&mut self) -> Tok<'a> {
        loop {
            let t = self.next();
            if t.kind != TokenKind::Space {
                return t;
            }
        }
    }

    fn peek_non_space(&mut self) -> Tok<'a> {
        let t = self.next_non_space();
        self.backup();
        t
    }

    fn errorf(&self, message: impl Into<String>) -> Error {
        Error::parse(&*self.parse_name, self.token[0].line, message)
    }

    fn expect(&mut self, kind: TokenKind, context: &str) -> Result<Tok<'a>> {
        let t = self.next_non_space();
        if t.kind != kind {
            return Err(self.unexpected(&t, context));
        }
        Ok(t)
    }

    fn unexpected(&self, token: &Tok<'_>, context: &str) -> Error {
        if token.kind == TokenKind::Error {
            let message = &self.lex_error;
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(
                    " in action started at {}:{}",
                    self.parse_name, self.action_line
                );
                if message.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{message}{extra}"));
        }
        self.errorf(format!("unexpected {token} in {context}"))
    }

    /// Go's `Tree.add` within one parse: a second non-empty definition of a
    /// name is an error; an empty one never replaces a non-empty one.
    fn add(&mut self, name: Arc<str>, root: List) -> Result<()> {
        if let Some(i) = self.trees.iter().position(|t| t.name == name) {
            if is_empty_tree(&self.trees[i].root, &self.source) {
                self.trees[i].root = root;
                return Ok(());
            }
            if !is_empty_tree(&root, &self.source) {
                return Err(self.errorf(format!(
                    "template: multiple definition of template {}",
                    crate::fmt::quote(&name)
                )));
            }
            return Ok(());
        }
        self.trees.push(Tree {
            name,
            parse_name: self.parse_name.clone(),
            text: self.source.clone(),
            root,
        });
        Ok(())
    }

    fn parse_top(&mut self) -> Result<List> {
        let mut root = Vec::new();
        while self.peek().kind != TokenKind::Eof {
            if self.peek().kind == TokenKind::LeftDelim {
                let delim = self.next();
                if self.next_non_space().kind == TokenKind::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.backup2(delim);
            }
            match self.text_or_action()? {
                Ok(node) => root.push(node),
                Err(Closer::End) => return Err(self.errorf("unexpected {{end}}")),
                Err(Closer::Else { .. }) => return Err(self.errorf("unexpected {{else}}")),
            }
        }
        Ok(root)
    }

    fn parse_definition(&mut self) -> Result<()> {
        const CONTEXT: &str = "define clause";
        let t = self.next_non_space();
        if t.kind != TokenKind::String && t.kind != TokenKind::RawString {
            return Err(self.unexpected(&t, CONTEXT));
        }
        let name = self.unquote_token(&t)?;
        self.expect(TokenKind::RightDelim, CONTEXT)?;
        // A definition has a variable scope of its own.
        let dollar = self.intern("$");
        let saved = std::mem::replace(&mut self.vars, vec![dollar]);
        let saved_range = std::mem::replace(&mut self.range_depth, 0);
        let (list, end) = self.item_list()?;
        self.vars = saved;
        self.range_depth = saved_range;
        if let Closer::Else { .. } = end {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {CONTEXT}")));
        }
        self.add(name, list)
    }

    fn item_list(&mut self) -> Result<(List, Closer)> {
        let mut list = Vec::new();
        while self.peek_non_space().kind != TokenKind::Eof {
            match self.text_or_action()? {
                Ok(n) => list.push(n),
                Err(closer) => return Ok((list, closer)),
            }
        }
        Err(self.errorf("unexpected EOF"))
    }

    fn text_or_action(&mut self) -> Result<Result<Node, Closer>> {
        let t = self.next_non_space();
        match t.kind {
            TokenKind::Text => {
                let start = pos32(t.pos);
                let end = pos32(t.pos + t.text().len());
                Ok(Ok(Node::Text {
                    pos: start,
                    start,
                    end,
                }))
            }
            TokenKind::LeftDelim => {
                self.action_line = t.line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            TokenKind::Comment => Ok(Ok(Node::Comment {
                pos: pos32(t.pos),
                text: Arc::from(t.text()),
            })),
            _ => Err(self.unexpected(&t, "input")),
        }
    }

    fn action(&mut self) -> Result<Result<Node, Closer>> {
        let t = self.next_non_space();
        let node = match t.kind {
            TokenKind::Block => self.block_control()?,
            TokenKind::Break | TokenKind::Continue => {
                let is_break = t.kind == TokenKind::Break;
                let context = if is_break {
                    "{{break}}"
                } else {
                    "{{continue}}"
                };
                let next = self.next_non_space();
                if next.kind != TokenKind::RightDelim {
                    return Err(self.unexpected(&next, context));
                }
                if self.range_depth == 0 {
                    return Err(self.errorf(format!("{context} outside {{{{range}}}}")));
                }
                let pos = pos32(t.pos);
                if is_break {
                    Node::Break { pos }
                } else {
                    Node::Continue { pos }
                }
            }
            TokenKind::Else => {
                let peek = self.peek_non_space();
                // "{{else if …" and "{{else with …" become
                // "{{else}}{{if …": the keyword is left pending.
                if peek.kind == TokenKind::If || peek.kind == TokenKind::With {
                    return Ok(Err(Closer::Else { pos: peek.pos }));
                }
                let t = self.expect(TokenKind::RightDelim, "else")?;
                return Ok(Err(Closer::Else { pos: t.pos }));
            }
            TokenKind::End => {
                self.expect(TokenKind::RightDelim, "end")?;
                return Ok(Err(Closer::End));
            }
            TokenKind::If => Node::If(Box::new(self.parse_control("if")?)),
            TokenKind::Range => Node::Range(Box::new(self.parse_control("range")?)),
            TokenKind::With => Node::With(Box::new(self.parse_control("with")?)),
            TokenKind::Template => self.template_control()?,
            _ => {
                self.backup();
                // Variables declared here persist until the enclosing "end".
                Node::Action(self.pipeline("command", TokenKind::RightDelim)?)
            }
        };
        Ok(Ok(node))
    }

    fn pipeline(&mut self, context: &str, end: TokenKind) -> Result<Pipe> {
        let t = self.peek_non_space();
        let mut pipe = Pipe {
            pos: pos32(t.pos),
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        // Declarations or assignments?
        'decls: loop {
            let v = self.peek_non_space();
            if v.kind != TokenKind::Variable {
                break;
            }
            self.next();
            // Space is a token, so "$x foo" needs three tokens of look-ahead
            // to tell an argument from a declaration.
            let after = self.peek();
            let next = self.peek_non_space();
            match next.kind {
                TokenKind::Assign | TokenKind::Declare => {
                    pipe.is_assign = next.kind == TokenKind::Assign;
                    self.next_non_space();
                    let name = self.intern(v.slice());
                    pipe.decl.push(name.clone());
                    self.vars.push(name);
                }
                TokenKind::Char if next.text() == "," => {
                    self.next_non_space();
                    let name = self.intern(v.slice());
                    pipe.decl.push(name.clone());
                    self.vars.push(name);
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().kind {
                            TokenKind::Variable | TokenKind::RightDelim | TokenKind::RightParen => {
                                continue 'decls;
                            }
                            _ => return Err(self.errorf("range can only initialize variables")),
                        }
                    }
                    return Err(self.errorf(format!("too many declarations in {context}")));
                }
                _ if after.kind == TokenKind::Space => self.backup3(v, after),
                _ => self.backup2(v),
            }
            break;
        }
        loop {
            let t = self.next_non_space();
            match t.kind {
                k if k == end => {
                    self.check_pipeline(&pipe, context)?;
                    return Ok(pipe);
                }
                TokenKind::Bool
                | TokenKind::CharConstant
                | TokenKind::Complex
                | TokenKind::Dot
                | TokenKind::Field
                | TokenKind::Identifier
                | TokenKind::Number
                | TokenKind::Nil
                | TokenKind::RawString
                | TokenKind::String
                | TokenKind::Variable
                | TokenKind::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                    if pipe.cmds.len() > MAX_PIPELINE_CMDS {
                        return Err(self.errorf("pipeline too long"));
                    }
                }
                _ => return Err(self.unexpected(&t, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> Result<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf(format!("missing value for {context}")));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args[0],
                Arg::Bool { .. }
                    | Arg::Dot { .. }
                    | Arg::Nil { .. }
                    | Arg::Number { .. }
                    | Arg::String { .. }
            ) {
                return Err(self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                )));
            }
        }
        Ok(())
    }

    fn parse_control(&mut self, context: &str) -> Result<Branch> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.errorf(format!(
                "control structures nested deeper than {MAX_NESTING}"
            )));
        }
        let mark = self.vars.len();
        let r = crate::stack::grow(|| self.parse_control_inner(context));
        self.vars.truncate(mark);
        self.nesting -= 1;
        r
    }

    fn parse_control_inner(&mut self, context: &str) -> Result<Branch> {
        let pipe = self.pipeline(context, TokenKind::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let r = self.item_list();
        if context == "range" {
            self.range_depth -= 1;
        }
        let (list, next) = r?;
        let else_list = match next {
            Closer::End => None,
            Closer::Else { pos } => {
                // "{{if a}}_{{else if b}}_{{end}}" is
                // "{{if a}}_{{else}}{{if b}}_{{end}}{{end}}": parse the
                // inner one up to its {{end}}; the outer end is implied.
                if context == "if" && self.peek().kind == TokenKind::If {
                    self.next();
                    let inner = self.parse_control("if")?;
                    let _ = pos;
                    Some(vec![Node::If(Box::new(inner))])
                } else if context == "with" && self.peek().kind == TokenKind::With {
                    self.next();
                    let inner = self.parse_control("with")?;
                    Some(vec![Node::With(Box::new(inner))])
                } else {
                    let (list, next) = self.item_list()?;
                    if let Closer::Else { .. } = next {
                        return Err(self.errorf("expected end; found {{else}}"));
                    }
                    Some(list)
                }
            }
        };
        Ok(Branch {
            pos: pipe.pos,
            pipe,
            list,
            else_list,
        })
    }

    fn template_name(&mut self, token: &Tok<'a>, context: &str) -> Result<Arc<str>> {
        match token.kind {
            TokenKind::String | TokenKind::RawString => self.unquote_token(token),
            _ => Err(self.unexpected(token, context)),
        }
    }

    /// The string a string token stands for, interned: charts repeat the
    /// same literals (template names, keys) many times.
    fn unquote_token(&mut self, token: &Tok<'a>) -> Result<Arc<str>> {
        let quoted = token.slice();
        if let Some(inner) = unquoted_as_is(quoted) {
            return Ok(self.intern(inner));
        }
        let text = unquote(token.text()).map_err(|e| self.errorf(e))?;
        Ok(Arc::from(text))
    }

    fn template_control(&mut self) -> Result<Node> {
        const CONTEXT: &str = "template clause";
        let t = self.next_non_space();
        let name = self.template_name(&t, CONTEXT)?;
        let pipe = if self.next_non_space().kind != TokenKind::RightDelim {
            self.backup();
            Some(self.pipeline(CONTEXT, TokenKind::RightDelim)?)
        } else {
            None
        };
        Ok(Node::Template {
            pos: pos32(t.pos),
            name,
            pipe,
        })
    }

    fn block_control(&mut self) -> Result<Node> {
        const CONTEXT: &str = "block clause";
        let t = self.next_non_space();
        let name = self.template_name(&t, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, TokenKind::RightDelim)?;
        let dollar = self.intern("$");
        let saved = std::mem::replace(&mut self.vars, vec![dollar]);
        let saved_range = std::mem::replace(&mut self.range_depth, 0);
        let r = self.item_list();
        self.vars = saved;
        self.range_depth = saved_range;
        let (list, end) = r?;
        if let Closer::Else { .. } = end {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {CONTEXT}")));
        }
        self.add(name.clone(), list)?;
        Ok(Node::Template {
            pos: pos32(t.pos),
            name,
            pipe: Some(pipe),
        })
    }

    fn command(&mut self) -> Result<Command> {
        let pos = pos32(self.peek_non_space().pos);
        let mut args = Vec::new();
        loop {
            self.peek_non_space();
            if let Some(operand) = self.operand()? {
                args.push(operand);
            }
            let t = self.next();
            match t.kind {
                TokenKind::Space => continue,
                TokenKind::RightDelim | TokenKind::RightParen => self.backup(),
                TokenKind::Pipe => {}
                _ => return Err(self.unexpected(&t, "operand")),
            }
            break;
        }
        if args.is_empty() {
            return Err(self.errorf("empty command"));
        }
        Ok(Command { pos, args })
    }

    fn operand(&mut self) -> Result<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().kind != TokenKind::Field {
            return Ok(Some(node));
        }
        let pos = pos32(self.peek().pos);
        // As Go does: a field or variable absorbs the chain, taking the
        // chain's position (that of its second name: errors on
        // `.Values.a.b` point at `.a`); literals cannot have fields.
        let mut node = node;
        let mut chain: Vec<Arc<str>> = Vec::new();
        let names = match &mut node {
            Arg::Field { idents, .. } => idents,
            Arg::Variable { fields, .. } => fields,
            _ => &mut chain,
        };
        while self.peek().kind == TokenKind::Field {
            let t = self.next();
            names.push(self.intern(&t.slice()[1..]));
        }
        Ok(Some(match node {
            Arg::Field { idents, .. } => Arg::Field { pos, idents },
            Arg::Variable { name, fields, .. } => Arg::Variable { pos, name, fields },
            Arg::Bool { .. }
            | Arg::String { .. }
            | Arg::Number { .. }
            | Arg::Nil { .. }
            | Arg::Dot { .. } => {
                return Err(self.errorf(format!(
                    "unexpected . after term {}",
                    crate::fmt::quote(&node.to_string())
                )))
            }
            other => Arg::Chain {
                pos,
                node: Box::new(other),
                fields: chain,
            },
        }))
    }

    fn term(&mut self) -> Result<Option<Arg>> {
        let t = self.next_non_space();
        let pos = pos32(t.pos);
        Ok(Some(match t.kind {
            TokenKind::Identifier => {
                let func = self.funcs.lookup(t.text());
                if func.is_none() && !self.options.skip_func_check {
                    return Err(self.errorf(format!(
                        "function {} not defined",
                        crate::fmt::quote(t.text())
                    )));
                }
                Arg::Identifier {
                    pos,
                    name: self.intern(t.slice()),
                    func,
                }
            }
            TokenKind::Dot => Arg::Dot { pos },
            TokenKind::Nil => Arg::Nil { pos },
            TokenKind::Variable => {
                let mut parts = t.slice().split('.');
                let name = parts.next().unwrap_or("$");
                if !self.vars.iter().any(|v| &**v == name) {
                    return Err(
                        self.errorf(format!("undefined variable {}", crate::fmt::quote(name)))
                    );
                }
                let name = self.intern(name);
                let fields = parts.map(|f| self.intern(f)).collect();
                Arg::Variable { pos, name, fields }
            }
            TokenKind::Field => Arg::Field {
                pos,
                idents: t.slice()[1..].split('.').map(|f| self.intern(f)).collect(),
            },
            TokenKind::Bool => Arg::Bool {
                pos,
                value: t.text() == "true",
            },
            TokenKind::CharConstant | TokenKind::Complex | TokenKind::Number => {
                let number = new_number(t.text(), t.kind).map_err(|e| self.errorf(e))?;
                Arg::Number {
                    pos,
                    number: Box::new(number),
                }
            }
            TokenKind::LeftParen => {
                let max = match self.options.max_expression_depth {
                    0 => MAX_STACK_DEPTH,
                    n => n,
                };
                if self.stack_depth >= max {
                    return Err(self.errorf("max expression depth exceeded"));
                }
                self.stack_depth += 1;
                let r = crate::stack::grow(|| {
                    self.pipeline("parenthesized pipeline", TokenKind::RightParen)
                });
                self.stack_depth -= 1;
                Arg::Pipe(Box::new(r?))
            }
            TokenKind::String | TokenKind::RawString => {
                let text = self.unquote_token(&t)?;
                Arg::String {
                    pos,
                    quoted: self.intern(t.slice()),
                    text,
                }
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

/// The inside of a quoted string that [`unquote`] would return unchanged
/// (no escapes; a raw string without carriage returns), borrowed.
fn unquoted_as_is(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b[b.len() - 1] {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    let plain = match b[0] {
        b'"' => !inner.contains(['\\', '"', '\n']),
        b'`' => !inner.contains(['`', '\r']),
        _ => false,
    };
    plain.then_some(inner)
}

/// Go's `strconv.Unquote` for the string forms the lexer produces.
pub fn unquote(s: &str) -> std::result::Result<String, String> {
    const SYNTAX: &str = "invalid syntax";
    let b = s.as_bytes();
    if b.len() < 2 {
        return Err(SYNTAX.into());
    }
    let quote = b[0];
    if b[b.len() - 1] != quote {
        return Err(SYNTAX.into());
    }
    let inner = &s[1..s.len() - 1];
    match quote {
        b'`' => {
            if inner.contains('`') {
                return Err(SYNTAX.into());
            }
            Ok(inner.replace('\r', ""))
        }
        b'"' | b'\'' => {
            if quote == b'\'' {
                let (c, tail) = unquote_char(inner, '\'')?;
                if !tail.is_empty() {
                    return Err(SYNTAX.into());
                }
                return Ok(c.map(String::from).unwrap_or_default());
            }
            if !inner.contains(['\\', '"', '\n']) {
                return Ok(inner.to_string());
            }
            let mut out = String::with_capacity(inner.len());
            let mut rest = inner;
            while !rest.is_empty() {
                if rest.starts_with('"') || rest.starts_with('\n') {
                    return Err(SYNTAX.into());
                }
                let (c, tail) = unquote_char(rest, '"')?;
                match c {
                    Some(c) => out.push(c),
                    None => return Err(SYNTAX.into()),
                }
                rest = tail;
            }
            Ok(out)
        }
        _ => Err(SYNTAX.into()),
    }
}

/// Go's `strconv.UnquoteChar`: the first (possibly escaped) character of
/// `s` and the rest. A `\x`/octal escape above 0x7f gives the byte's
/// character (Go would give a raw byte; templates rarely hold one).
fn unquote_char(s: &str, quote: char) -> std::result::Result<(Option<char>, &str), String> {
    const SYNTAX: &str = "invalid syntax";
    let mut chars = s.chars();
    let Some(c) = chars.next() else {
        return Err(SYNTAX.into());
    };
    if c == quote && (quote == '\'' || quote == '"') {
        return Err(SYNTAX.into());
    }
    if c != '\\' {
        return Ok((Some(c), chars.as_str()));
    }
    let Some(e) = chars.next() else {
        return Err(SYNTAX.into());
    };
    let rest = chars.as_str();
    let simple = match e {
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\u{b}'),
        '\\' => Some('\\'),
        '\'' | '"' => {
            if e != quote {
                return Err(SYNTAX.into());
            }
            Some(e)
        }
        _ => None,
    };
    if let Some(c) = simple {
        return Ok((Some(c), rest));
    }
    let (n, radix) = match e {
        'x' => (2, 16),
        'u' => (4, 16),
        'U' => (8, 16),
        '0'..='7' => (2, 8),
        _ => return Err(SYNTAX.into()),
    };
    if e.is_digit(8) {
        let digits = rest.get(..n).ok_or(SYNTAX)?;
        let v = u32::from_str_radix(&format!("{e}{digits}"), 8).map_err(|_| SYNTAX)?;
        if v > 255 {
            return Err(SYNTAX.into());
        }
        return Ok((char::from_u32(v), &rest[n..]));
    }
    let digits = rest.get(..n).ok_or(SYNTAX)?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(SYNTAX.into());
    }
    let v = u32::from_str_radix(digits, radix).map_err(|_| SYNTAX)?;
    let c = char::from_u32(v).ok_or(SYNTAX)?;
    Ok((Some(c), &rest[n..]))
}

/// Go's `newNumber`: the constant under every type that holds it.
pub fn new_number(text: &str, kind: TokenKind) -> std::result::Result<Number, String> {
    let mut n = Number {
        text: Arc::from(text),
        ..Number::default()
    };
    match kind {
        TokenKind::CharConstant => {
            let (c, tail) = unquote_char(&text[1..], '\'')?;
            let c = c.ok_or("invalid syntax")?;
            if tail != "'" {
                return Err(format!("malformed character constant: {text}"));
            }
            n.int = i64::from(u32::from(c));
            n.uint = u64::from(u32::from(c));
            n.float = f64::from(u32::from(c));
            n.is_int = true;
            n.is_uint = true;
            n.is_float = true;
            return Ok(n);
        }
        TokenKind::Complex => {
            let (re, im) = complex_parts(text)
                .ok_or_else(|| format!("illegal number syntax: {}", crate::fmt::quote(text)))?;
            n.is_complex = true;
            simplify_complex(&mut n, re, im);
            return Ok(n);
        }
        _ => {}
    }
    // Imaginary constants can only be complex unless they are zero.
    if let Some(imag) = text.strip_suffix('i') {
        if let Ok(f) = parse_go_float(imag) {
            n.is_complex = true;
            simplify_complex(&mut n, 0.0, f);
            return Ok(n);
        }
    }
    let u = parse_go_uint(text);
    if let Some(u) = u {
        n.is_uint = true;
        n.uint = u;
    }
    if let Some(i) = parse_go_int(text) {
        n.is_int = true;
        n.int = i;
        if i == 0 {
            n.is_uint = true;
            n.uint = u.unwrap_or(0);
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float = n.int as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float = n.uint as f64;
    } else if let Ok(f) = parse_go_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", crate::fmt::quote(text)));
        }
        n.is_float = true;
        n.float = f;
        if !n.is_int && fits_i64(f) {
            n.is_int = true;
            n.int = f as i64;
        }
        if !n.is_uint && fits_u64(f) {
            n.is_uint = true;
            n.uint = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!(
            "illegal number syntax: {}",
            crate::fmt::quote(text)
        ));
    }
    Ok(n)
}

/// 2^63 and 2^64, exactly.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;
const TWO_64: f64 = 18_446_744_073_709_551_616.0;

/// Go's `float64(int64(f)) == f`.
fn fits_i64(f: f64) -> bool {
    f.fract() == 0.0 && (-TWO_63..TWO_63).contains(&f)
}

/// Go's `float64(uint64(f)) == f`.
fn fits_u64(f: f64) -> bool {
    f.fract() == 0.0 && (0.0..TWO_64).contains(&f)
}

/// The real and imaginary parts of `a+bi` (or `bi`).
fn complex_parts(text: &str) -> Option<(f64, f64)> {
    let body = text.strip_suffix('i')?;
    let b = body.as_bytes();
    let split = (1..b.len())
        .rev()
        .find(|&k| matches!(b[k], b'+' | b'-') && !matches!(b[k - 1] | 0x20, b'e' | b'p'));
    match split {
        Some(k) => Some((
            parse_go_float(&body[..k]).ok()?,
            parse_go_float(&body[k..]).ok()?,
        )),
        None => Some((0.0, parse_go_float(body).ok()?)),
    }
}

/// Go's `simplifyComplex`: a zero imaginary part makes the constant a
/// float (and an integer when it is one).
fn simplify_complex(n: &mut Number, re: f64, im: f64) {
    n.is_float = im == 0.0;
    if n.is_float {
        n.float = re;
        if fits_i64(re) {
            n.is_int = true;
            n.int = re as i64;
        }
        if fits_u64(re) {
            n.is_uint = true;
            n.uint = re as u64;
        }
    }
}

/// Go's `underscoreOK`: underscores only between digits, or between a
/// base prefix and a digit.
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    if !b.is_empty() && (b[0] == b'-' || b[0] == b'+') {
        i = 1;
    }
    let mut hex = false;
    if b.len() - i >= 2 && b[i] == b'0' && matches!(b[i + 1] | 0x20, b'b' | b'o' | b'x') {
        hex = b[i + 1] | 0x20 == b'x';
        i += 2;
        saw = b'0';
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// Go's `strconv.ParseUint(s, 0, 64)`.
fn parse_go_uint(s: &str) -> Option<u64> {
    if s.is_empty() || s.starts_with(['+', '-']) {
        return None;
    }
    let (radix, digits) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (2, r)
    } else if s.len() > 1 && s.starts_with('0') {
        (8, &s[1..])
    } else {
        (10, s)
    };
    if s.contains('_') && !underscore_ok(s) {
        return None;
    }
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() {
        return None;
    }
    u64::from_str_radix(&digits, radix).ok()
}

/// Go's `strconv.ParseInt(s, 0, 64)`.
fn parse_go_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if body.starts_with(['+', '-']) {
        return None;
    }
    let u = parse_go_uint(body)?;
    if neg {
        if u > 1u64 << 63 {
            return None;
        }
        Some((u as i64).wrapping_neg())
    } else {
        i64::try_from(u).ok()
    }
}

/// Go's `strconv.ParseFloat(s, 64)` for the forms the lexer lets through:
/// decimal and hex (`0x1p-2`) floats, with underscores.
fn parse_go_float(s: &str) -> std::result::Result<f64, ()> {
    if s.contains('_') && !underscore_ok(s) {
        return Err(());
    }
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let v = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        parse_hex_float(hex)?
    } else {
        if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Err(());
        }
        if body
            .contains(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
        {
            return Err(());
        }
        body.parse::<f64>().map_err(|_| ())?
    };
    Ok(if neg { -v } else { v })
}

fn parse_hex_float(s: &str) -> std::result::Result<f64, ()> {
    let (mant, exp) = match s.find(['p', 'P']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().map_err(|_| ())?),
        None => return Err(()),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(());
    }
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16).ok_or(())?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += f64::from(c.to_digit(16).ok_or(())?) * scale;
        scale /= 16.0;
    }
    Ok(v * 2f64.powi(exp))
}
