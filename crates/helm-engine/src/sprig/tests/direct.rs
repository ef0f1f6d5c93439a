//! The Helm cases run against the functions on `gotemplate` values, called
//! directly: a small evaluator of the template subset the cases use
//! (pipelines, parentheses, `$` variables, fields, `range`, and Go's
//! builtins `len`, `index`, `print`, `printf %s %d %v`, the comparisons and
//! `not`/`and`/`or`), so the functions are judged before the engine of our
//! own exists. It is no template engine: anything else is an error here.

use std::any::Any;
use std::cmp::Ordering;
use std::collections::HashMap;

use gotemplate::{Call, Error, FuncTable, Host, Map, MapKind, Value};

use super::super::convert::from_json;
use super::super::govalue::{deep_equal, go_sprint};
use super::super::register;

/// A host for functions that would re-enter the executor: none do here.
pub(super) struct NoHost;

impl Host for NoHost {
    fn execute_template(&mut self, name: &str, _: Value) -> gotemplate::Result<String> {
        Err(Error::func(format!("no template {name:?}")))
    }

    fn execute_text(&mut self, name: &str, _: &str, _: Value) -> gotemplate::Result<String> {
        Err(Error::func(format!("no template {name:?}")))
    }

    fn state(&mut self) -> &mut dyn Any {
        self
    }
}

/// The root a case renders with: `.Values` is Helm's `common.Values`.
pub(in crate::sprig) fn root(values_json: &str) -> Value {
    let json: serde_json::Value = serde_json::from_str(values_json).expect("values are JSON");
    let values = Map::new(MapKind::Values);
    if let Value::Map(m) = from_json(&json) {
        for (k, v) in m.snapshot() {
            values.insert(k, v);
        }
    }
    let root = Map::new(MapKind::Any);
    root.insert("Values", Value::Map(values));
    Value::Map(root)
}

/// Renders `src` with `root` as Helm would print it: `<no value>` removed.
pub(in crate::sprig) fn render(src: &str, root: &Value) -> Result<String, String> {
    let mut table = FuncTable::new();
    register(&mut table);
    let nodes = parse(src)?;
    let mut ev = Eval {
        table,
        vars: vec![("$".to_string(), root.clone())],
        out: String::new(),
    };
    ev.run(&nodes, root)?;
    Ok(ev.out.replace("<no value>", ""))
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Tok {
    Str(String),
    Int(i64),
    Float(f64),
    Ident(String),
    /// `.a.b` (empty for `.`).
    Field(Vec<String>),
    /// `$x.a.b`.
    Var(String, Vec<String>),
    /// `.a.b` right after a closing parenthesis: fields of its value.
    Chained(Vec<String>),
    Open,
    Close,
    Pipe,
    Declare,
}

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Action(Option<String>, Vec<Cmd>),
    Range(Vec<Cmd>, Vec<Node>),
    If(Vec<Cmd>, Vec<Node>, Vec<Node>),
}

/// A command: its words, the first being a function or an operand.
type Cmd = Vec<Term>;

#[derive(Debug, Clone)]
enum Term {
    Lit(Value),
    Func(String),
    Field(Vec<String>),
    Var(String, Vec<String>),
    /// A parenthesised pipeline, then fields on its result.
    Sub(Vec<Cmd>, Vec<String>),
}

fn unquote(body: &str) -> String {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else { break };
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, n: usize| {
            let digits: String = (0..n).filter_map(|_| chars.next()).collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            'x' => out.extend(hex(&mut chars, 2)),
            'u' => out.extend(hex(&mut chars, 4)),
            'U' => out.extend(hex(&mut chars, 8)),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

fn number(word: &str) -> Result<Tok, String> {
    let (neg, digits) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word.strip_prefix('+').unwrap_or(word)),
    };
    let sign = if neg { -1 } else { 1 };
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        return i64::from_str_radix(hex, 16)
            .map(|n| Tok::Int(sign * n))
            .map_err(|e| e.to_string());
    }
    if digits.contains(['.', 'e', 'E']) {
        return word
            .parse::<f64>()
            .map(Tok::Float)
            .map_err(|e| format!("{word}: {e}"));
    }
    word.parse::<i64>()
        .map(Tok::Int)
        .map_err(|e| format!("{word}: {e}"))
}

fn path(s: &str) -> Vec<String> {
    s.split('.')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn lex(action: &str) -> Result<Vec<Tok>, String> {
    let b = action.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    let word_end = |mut j: usize| {
        while j < b.len() && !b" \t\n()|".contains(&b[j]) {
            j += 1;
        }
        j
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                toks.push(Tok::Open);
                i += 1;
            }
            b')' => {
                toks.push(Tok::Close);
                i += 1;
                // Fields right after a parenthesis belong to it.
                if i < b.len() && b[i] == b'.' {
                    let end = word_end(i);
                    toks.push(Tok::Chained(path(&action[i..end])));
                    i = end;
                }
            }
            b'|' => {
                toks.push(Tok::Pipe);
                i += 1;
            }
            b':' if b.get(i + 1) == Some(&b'=') => {
                toks.push(Tok::Declare);
                i += 2;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                toks.push(Tok::Str(unquote(&action[i + 1..j.min(b.len())])));
                i = j + 1;
            }
            b'`' => {
                let j = action[i + 1..].find('`').ok_or("unterminated raw string")? + i + 1;
                toks.push(Tok::Str(action[i + 1..j].to_string()));
                i = j + 1;
            }
            b'\'' => {
                let j = action[i + 1..].find('\'').ok_or("unterminated char")? + i + 1;
                let ch = unquote(&action[i + 1..j]);
                toks.push(Tok::Int(i64::from(ch.chars().next().map_or(0, u32::from))));
                i = j + 1;
            }
            b'.' => {
                let end = word_end(i);
                toks.push(Tok::Field(path(&action[i..end])));
                i = end;
            }
            b'$' => {
                let end = word_end(i);
                let word = &action[i..end];
                let (name, rest) = word.split_once('.').unwrap_or((word, ""));
                toks.push(Tok::Var(name.to_string(), path(rest)));
                i = end;
            }
            c if c.is_ascii_digit() || c == b'-' || c == b'+' => {
                let end = word_end(i);
                toks.push(number(&action[i..end])?);
                i = end;
            }
            _ => {
                let end = word_end(i);
                toks.push(Tok::Ident(action[i..end].to_string()));
                i = end;
            }
        }
    }
    Ok(toks)
}

/// Parses a pipeline from `toks[*at..]` up to a closing parenthesis or the
/// end.
fn pipeline(toks: &[Tok], at: &mut usize) -> Result<Vec<Cmd>, String> {
    let mut cmds = vec![Vec::new()];
    while *at < toks.len() {
        let tok = toks[*at].clone();
        *at += 1;
        let term = match tok {
            Tok::Close => return Ok(cmds),
            Tok::Pipe => {
                cmds.push(Vec::new());
                continue;
            }
            Tok::Declare | Tok::Chained(_) => return Err(format!("unexpected {tok:?}")),
            Tok::Open => {
                let inner = pipeline(toks, at)?;
                let fields = match toks.get(*at) {
                    Some(Tok::Chained(f)) => {
                        *at += 1;
                        f.clone()
                    }
                    _ => Vec::new(),
                };
                Term::Sub(inner, fields)
            }
            Tok::Str(s) => Term::Lit(Value::string(s)),
            Tok::Int(n) => Term::Lit(Value::Int(n)),
            Tok::Float(f) => Term::Lit(Value::Float(f)),
            Tok::Ident(w) => match w.as_str() {
                "true" => Term::Lit(Value::Bool(true)),
                "false" => Term::Lit(Value::Bool(false)),
                "nil" => Term::Lit(Value::Nil),
                _ => Term::Func(w),
            },
            Tok::Field(f) => Term::Field(f),
            Tok::Var(v, f) => Term::Var(v, f),
        };
        cmds.last_mut().expect("a command").push(term);
    }
    Ok(cmds)
}

fn action(text: &str) -> Result<(Option<String>, Vec<Cmd>), String> {
    let toks = lex(text)?;
    let (decl, rest) = match toks.as_slice() {
        [Tok::Var(name, f), Tok::Declare, rest @ ..] if f.is_empty() => (Some(name.clone()), rest),
        _ => (None, toks.as_slice()),
    };
    let mut at = 0;
    Ok((decl, pipeline(rest, &mut at)?))
}

/// An open `range` or `if`: its keyword, pipeline, and the `then` branch
/// once `else` is met.
type Block = (String, Vec<Cmd>, Option<Vec<Node>>);

fn parse(src: &str) -> Result<Vec<Node>, String> {
    let mut stack: Vec<(Vec<Node>, Option<Block>)> = vec![(Vec::new(), None)];
    let mut rest = src;
    while let Some(open) = rest.find("{{") {
        let mut text = &rest[..open];
        let mut inner = &rest[open + 2..];
        let close = inner.find("}}").ok_or("unclosed action")?;
        let mut body = &inner[..close];
        inner = &inner[close + 2..];
        if let Some(b) = body.strip_prefix("- ") {
            text = text.trim_end();
            body = b;
        }
        if let Some(b) = body.strip_suffix(" -") {
            inner = inner.trim_start();
            body = b;
        }
        let top = &mut stack.last_mut().expect("a frame").0;
        if !text.is_empty() {
            top.push(Node::Text(text.to_string()));
        }
        rest = inner;
        let body = body.trim();
        let word = body.split_whitespace().next().unwrap_or("");
        match word {
            "range" | "if" => {
                let (_, pipe) = action(&body[word.len()..])?;
                stack.push((Vec::new(), Some((word.to_string(), pipe, None))));
            }
            "else" => {
                let frame = stack.last_mut().expect("a frame");
                let done = std::mem::take(&mut frame.0);
                frame.1.as_mut().ok_or("else outside if")?.2 = Some(done);
            }
            "end" => {
                let (nodes, head) = stack.pop().expect("a frame");
                let (kind, pipe, then) = head.ok_or("end without a block")?;
                let node = match (kind.as_str(), then) {
                    ("range", _) => Node::Range(pipe, nodes),
                    (_, Some(then)) => Node::If(pipe, then, nodes),
                    (_, None) => Node::If(pipe, nodes, Vec::new()),
                };
                stack.last_mut().ok_or("end without a block")?.0.push(node);
            }
            _ if body.starts_with("/*") => {}
            _ => {
                let (decl, pipe) = action(body)?;
                stack
                    .last_mut()
                    .expect("a frame")
                    .0
                    .push(Node::Action(decl, pipe));
            }
        }
    }
    if !rest.is_empty() {
        stack
            .last_mut()
            .expect("a frame")
            .0
            .push(Node::Text(rest.to_string()));
    }
    if stack.len() != 1 {
        return Err("unclosed block".into());
    }
    Ok(stack.pop().expect("the root").0)
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

struct Eval {
    table: FuncTable,
    vars: Vec<(String, Value)>,
    out: String,
}

/// Go's `%v` of an action's value; nil prints `<no value>`.
fn print(v: &Value) -> Result<String, String> {
    match v {
        Value::Nil => Ok("<no value>".into()),
        other => go_sprint(other).map_err(|e| e.to_string()),
    }
}

fn field(v: Value, name: &str) -> Result<Value, String> {
    match &v {
        Value::Map(m) => Ok(m.get(name).unwrap_or(Value::Nil)),
        Value::Nil => Err(format!("nil pointer evaluating interface {{}}.{name}")),
        Value::Object(o) if o.has_method(name) => o.call_method(name, &[]),
        Value::Object(o) => o
            .field(name)
            .ok_or_else(|| format!("can't evaluate field {name} in type {}", o.type_name())),
        other => Err(format!(
            "can't evaluate field {name} in type {}",
            other.type_name()
        )),
    }
}

/// Go's `basicKind` classes for the comparisons.
fn compare(a: &Value, b: &Value) -> Result<Ordering, String> {
    let incompatible = || Err("incompatible types for comparison".to_string());
    match (a, b) {
        (Value::Int(x) | Value::Int64(x), Value::Int(y) | Value::Int64(y)) => Ok(x.cmp(y)),
        (Value::Uint(x), Value::Uint(y)) => Ok(x.cmp(y)),
        (Value::Int(x) | Value::Int64(x), Value::Uint(y)) => {
            Ok(i128::from(*x).cmp(&i128::from(*y)))
        }
        (Value::Uint(x), Value::Int(y) | Value::Int64(y)) => {
            Ok(i128::from(*x).cmp(&i128::from(*y)))
        }
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).ok_or_else(|| "NaN".to_string()),
        (Value::String(x), Value::String(y)) => Ok(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Ok(x.cmp(y)),
        _ => incompatible(),
    }
}

impl Eval {
    fn run(&mut self, nodes: &[Node], dot: &Value) -> Result<(), String> {
        for node in nodes {
            match node {
                Node::Text(t) => self.out.push_str(t),
                Node::Action(decl, pipe) => {
                    let v = self.pipe(pipe, dot)?;
                    match decl {
                        Some(name) => self.vars.push((name.clone(), v)),
                        None => {
                            let text = print(&v)?;
                            self.out.push_str(&text);
                        }
                    }
                }
                Node::If(pipe, then, otherwise) => {
                    let branch = if self.pipe(pipe, dot)?.is_true() {
                        then
                    } else {
                        otherwise
                    };
                    self.run(branch, dot)?;
                }
                Node::Range(pipe, body) => {
                    let items: Vec<Value> = match self.pipe(pipe, dot)? {
                        Value::List(l) => l.iter().cloned().collect(),
                        Value::Map(m) => m.snapshot().into_iter().map(|(_, v)| v).collect(),
                        Value::Int(n) => (0..n).map(Value::Int).collect(),
                        Value::Nil => Vec::new(),
                        other => return Err(format!("range can't iterate over {other:?}")),
                    };
                    for item in items {
                        self.run(body, &item)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn pipe(&mut self, cmds: &[Cmd], dot: &Value) -> Result<Value, String> {
        let mut last: Option<Value> = None;
        for cmd in cmds {
            last = Some(self.cmd(cmd, dot, last)?);
        }
        Ok(last.unwrap_or(Value::Nil))
    }

    fn term(&mut self, term: &Term, dot: &Value) -> Result<Value, String> {
        match term {
            Term::Lit(v) => Ok(v.clone()),
            Term::Func(name) => self.call(name, Vec::new()),
            Term::Field(path) => path.iter().try_fold(dot.clone(), |v, f| field(v, f)),
            Term::Var(name, path) => {
                let v = self
                    .vars
                    .iter()
                    .rev()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| format!("undefined variable {name:?}"))?;
                path.iter().try_fold(v, |v, f| field(v, f))
            }
            Term::Sub(pipe, path) => {
                let v = self.pipe(pipe, dot)?;
                path.iter().try_fold(v, |v, f| field(v, f))
            }
        }
    }

    fn cmd(&mut self, cmd: &[Term], dot: &Value, piped: Option<Value>) -> Result<Value, String> {
        let (first, rest) = cmd.split_first().ok_or("empty command")?;
        let mut args = Vec::new();
        for t in rest {
            args.push(self.term(t, dot)?);
        }
        args.extend(piped);
        match first {
            Term::Func(name) => self.call(name, args),
            // A method with arguments: `(semver "1.2.3").Compare (semver …)`.
            Term::Sub(pipe, path) if !args.is_empty() && !path.is_empty() => {
                let (method, fields) = path.split_last().expect("a field");
                let mut v = self.pipe(pipe, dot)?;
                for f in fields {
                    v = field(v, f)?;
                }
                match v {
                    Value::Object(o) if o.has_method(method) => o
                        .call_method(method, &args)
                        .map_err(|e| format!("error calling {method}: {e}")),
                    _ => Err(format!("can't give argument to non-function {method}")),
                }
            }
            other if args.is_empty() => self.term(other, dot),
            _ => Err("can't give argument to non-function".into()),
        }
    }

    fn call(&mut self, name: &str, args: Vec<Value>) -> Result<Value, String> {
        if let Some(v) = builtin(name, &args)? {
            return Ok(v);
        }
        let id = self
            .table
            .lookup(name)
            .ok_or_else(|| format!("function {name:?} not defined"))?;
        let (name, f) = self.table.get(id);
        let mut host = NoHost;
        let mut call = Call {
            name,
            args: &args,
            host: &mut host,
        };
        f(&mut call).map_err(|e| {
            let message = e.to_string();
            if message.starts_with("wrong number of args") || message.starts_with("wrong type") {
                message
            } else {
                format!("error calling {name}: {message}")
            }
        })
    }
}

/// Go's builtins the cases use (sprig's `slice` replaces Go's, so it is not
/// here).
fn builtin(name: &str, args: &[Value]) -> Result<Option<Value>, String> {
    let cmp = |f: fn(Ordering) -> bool| -> Result<Option<Value>, String> {
        let [a, b] = args else {
            return Err(format!("wrong number of args for {name}"));
        };
        compare(a, b)
            .map(|o| Some(Value::Bool(f(o))))
            .map_err(|e| format!("error calling {name}: {e}"))
    };
    Ok(Some(match name {
        "len" => Value::Int(match args {
            [Value::String(s)] => s.len(),
            [Value::List(l)] => l.len(),
            [Value::Map(m)] => m.len(),
            [Value::Bytes(b)] => b.len(),
            [other] => {
                return Err(format!(
                    "error calling len: len of type {}",
                    other.type_name()
                ))
            }
            _ => return Err("wrong number of args for len".into()),
        } as i64),
        "index" => {
            let (first, keys) = args.split_first().ok_or("wrong number of args for index")?;
            let mut v = first.clone();
            for k in keys {
                v = match (&v, k) {
                    (Value::List(l), Value::Int(i)) => l
                        .get(usize::try_from(*i).map_err(|e| e.to_string())?)
                        .cloned()
                        .ok_or("error calling index: index out of range")?,
                    (Value::Map(m), Value::String(s)) => m.get(s).unwrap_or(Value::Nil),
                    (other, _) => {
                        return Err(format!(
                            "error calling index: can't index item of type {}",
                            other.type_name()
                        ))
                    }
                };
            }
            v
        }
        "print" => {
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                let is_str = |v: &Value| matches!(v, Value::String(_));
                if i > 0 && !is_str(a) && !is_str(&args[i - 1]) {
                    out.push(' ');
                }
                out.push_str(&go_sprint(a).map_err(|e| e.to_string())?);
            }
            Value::string(out)
        }
        "printf" => {
            let (format, rest) = args.split_first().ok_or("wrong number of args")?;
            let format = format.as_str().ok_or("printf: format is not a string")?;
            let mut rest = rest.iter();
            let mut out = String::new();
            let mut chars = format.chars();
            while let Some(c) = chars.next() {
                if c != '%' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('%') => out.push('%'),
                    Some('s' | 'd' | 'v') => {
                        let v = rest.next().ok_or("printf: missing argument")?;
                        out.push_str(&go_sprint(v).map_err(|e| e.to_string())?);
                    }
                    other => return Err(format!("printf verb {other:?} not supported here")),
                }
            }
            Value::string(out)
        }
        "eq" => {
            let (first, rest) = args.split_first().ok_or("wrong number of args for eq")?;
            let mut equal = false;
            for other in rest {
                equal |= match compare(first, other) {
                    Ok(o) => o == Ordering::Equal,
                    Err(_) if first.is_nil() || other.is_nil() => deep_equal(first, other),
                    Err(e) => return Err(format!("error calling eq: {e}")),
                };
            }
            Value::Bool(equal)
        }
        "ne" => return cmp(|o| o != Ordering::Equal),
        "lt" => return cmp(|o| o == Ordering::Less),
        "le" => return cmp(|o| o != Ordering::Greater),
        "gt" => return cmp(|o| o == Ordering::Greater),
        "ge" => return cmp(|o| o != Ordering::Less),
        "not" => Value::Bool(!args.first().is_some_and(Value::is_true)),
        "and" => args
            .iter()
            .find(|v| !v.is_true())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Nil),
        "or" => args
            .iter()
            .find(|v| v.is_true())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Nil),
        _ => return Ok(None),
    }))
}

/// Runs every case of `cases` (template, Helm's output or error fragment)
/// and returns the templates that differ, with both results.
///
/// Each case renders with fresh values, as each was rendered by Helm: the
/// functions change maps in place.
pub(super) fn differences(
    cases: &[(String, Result<String, String>)],
    values_json: &str,
    skip: &HashMap<&str, &str>,
) -> Vec<String> {
    let mut failures = Vec::new();
    for (src, expect) in cases {
        if skip.contains_key(src.as_str()) {
            continue;
        }
        let started = std::time::Instant::now();
        let got = render(src, &root(values_json));
        if std::env::var_os("CASE_TIMES").is_some() {
            eprintln!(
                "{:>8.1} ms  {}",
                started.elapsed().as_secs_f64() * 1e3,
                &src[..src.len().min(60)]
            );
        }
        let ok = match (expect, &got) {
            (Ok(want), Ok(out)) => out == want,
            (Err(want), Err(err)) => err.contains(want.as_str()),
            _ => false,
        };
        if !ok {
            failures.push(format!("{src}\n    helm: {expect:?}\n    ours: {got:?}"));
        }
    }
    failures
}
