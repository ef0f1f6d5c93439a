//! The executor (Go's `text/template/exec.go`): one per render, walking
//! parsed trees with a variable stack and one output buffer.
//!
//! `include` and `tpl` re-enter the same executor through [`Host`]: an
//! included template writes into a fresh buffer and returns it; `tpl`
//! parses its text into an overlay seen only while it runs. Depth, loop
//! iterations and output are bounded ([`crate::Limits`]); the native stack
//! grows on demand at template boundaries and nested structures, so deep
//! nesting is an error, never a crash.

use std::any::Any;
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use crate::ast::{Arg, Branch, Command, Node, Number, Pipe, Tree};
use crate::error::{Details, Error, ErrorKind, Result};
use crate::fmt::write_value;
use crate::func::{Call, FuncId, Host, Special};
use crate::hash::FastMap;
use crate::set::{associate, MissingKey, TemplateSet};
use crate::stack::grow;
use crate::value::{Kind, MapKind, Value};

/// How a walk ended.
enum Flow {
    Normal,
    Break,
    Continue,
}

/// A receiver in a field chain. Go distinguishes "no value" (a missing
/// key: fields of it are no value too) from a nil held in an interface (a
/// field of it fails).
enum Recv {
    Invalid,
    Val { value: Value, iface: bool },
}

type Overlay = Rc<FastMap<Arc<str>, Arc<Tree>>>;

/// A variable: its name, value, and whether the value is held in an
/// interface (a `range` element): a field of a nil one fails.
struct Var {
    name: Arc<str>,
    value: Value,
    held: bool,
}

impl Var {
    fn new(name: Arc<str>, value: Value) -> Self {
        Var {
            name,
            value,
            held: false,
        }
    }
}

/// The executor of one render.
pub struct Exec<'e> {
    set: &'e TemplateSet,
    state: &'e mut dyn Any,
    out: String,
    /// All variables of the running templates; those of the innermost
    /// template start at `frame` (templates do not see their callers').
    vars: Vec<Var>,
    frame: usize,
    /// Whether dot is an element held in an interface (of a list or map
    /// being ranged over): a field of it when nil fails, as in Go, where a
    /// field of "no value" is no value; errors name its type
    /// `interface {}`.
    held_dot: bool,
    dollar: Arc<str>,
    depth: usize,
    iterations: u64,
    calls: u64,
    tree: Arc<Tree>,
    overlays: Vec<Overlay>,
    tpl_cache: FastMap<(Arc<str>, Arc<str>), Overlay>,
}

/// At most this many distinct `tpl` texts are kept parsed per render.
const TPL_CACHE: usize = 4096;

impl<'e> Exec<'e> {
    /// An executor for `set`; functions reach `state` through
    /// [`Host::state`].
    pub fn new(set: &'e TemplateSet, state: &'e mut dyn Any) -> Self {
        let empty = Arc::new(Tree {
            name: Arc::from(""),
            parse_name: Arc::from(""),
            text: Arc::from(""),
            root: Vec::new(),
        });
        Exec {
            set,
            state,
            out: String::new(),
            vars: Vec::new(),
            frame: 0,
            held_dot: false,
            dollar: Arc::from("$"),
            depth: 0,
            iterations: 0,
            calls: 0,
            tree: empty,
            overlays: Vec::new(),
            tpl_cache: FastMap::default(),
        }
    }

    /// Runs `tree` with `dot` at the top level and returns its output.
    /// Executes template `name` of the set with `dot` and returns its text.
    /// One executor can run every file of a render in turn: the bounds
    /// (template calls, loop iterations) and the `tpl` cache then cover
    /// the whole render.
    pub fn execute(&mut self, name: &str, dot: Value) -> Result<String> {
        let Some(tree) = self.set.trees.get(name).cloned() else {
            return Err(self.set.no_template(name));
        };
        self.run(tree, dot)
    }

    pub(crate) fn run(&mut self, tree: Arc<Tree>, dot: Value) -> Result<String> {
        // A failed run may leave state behind; each run starts clean.
        self.vars.clear();
        self.frame = 0;
        self.depth = 0;
        self.held_dot = false;
        self.overlays.clear();
        self.vars.push(Var::new(self.dollar.clone(), dot.clone()));
        // The output is usually about as long as the text.
        self.out.clear();
        self.out
            .reserve(tree.text.len().min(self.set.options.limits.max_output));
        self.tree = tree.clone();
        let r = self.walk_list(&dot, &tree.root);
        let out = std::mem::take(&mut self.out);
        r.map(|_| out)
    }

    fn lookup(&self, name: &str) -> Option<Arc<Tree>> {
        for o in self.overlays.iter().rev() {
            if let Some(t) = o.get(name) {
                return Some(t.clone());
            }
        }
        self.set.trees.get(name).cloned()
    }

    /// An execution error at `pos` of the current tree, as Go's
    /// `state.errorf` words it.
    fn error_at(&self, pos: u32, context: impl Display, message: impl Into<String>) -> Error {
        let (line, col) = self.tree.line_col(pos);
        Details {
            kind: ErrorKind::Exec,
            template: self.tree.parse_name.to_string(),
            line,
            column: Some(col),
            executing: Some(self.tree.name.to_string()),
            context: Some(context.to_string()),
            message: message.into(),
            cause: None,
        }
        .into()
    }

    fn limit(&self, pos: u32, context: impl Display, message: String) -> Error {
        let mut e = self.error_at(pos, context, message);
        e.kind = ErrorKind::Limit;
        e
    }

    fn write(&mut self, s: &str, pos: u32) -> Result<()> {
        if self.out.len() + s.len() > self.set.options.limits.max_output {
            return Err(self.limit(
                pos,
                "output",
                format!(
                    "output exceeds {} bytes",
                    self.set.options.limits.max_output
                ),
            ));
        }
        self.out.push_str(s);
        Ok(())
    }

    fn walk_list(&mut self, dot: &Value, list: &[Node]) -> Result<Flow> {
        // Text is most of a chart: write it from the tree's source with one
        // reference per list, not one per node.
        let tree = self.tree.clone();
        for node in list {
            if let Node::Text { start, end, pos } = node {
                self.write(tree.text_of(*start, *end), *pos)?;
                continue;
            }
            match self.walk(dot, node)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn walk(&mut self, dot: &Value, node: &Node) -> Result<Flow> {
        match node {
            Node::Text { start, end, pos } => {
                let tree = self.tree.clone();
                self.write(tree.text_of(*start, *end), *pos)?;
            }
            Node::Action(pipe) => {
                // Variables declared here persist until the next "end".
                let v = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.print_value(&v, pipe.pos)?;
                }
            }
            Node::If(b) => return grow(|| self.walk_if_with(false, dot, b)),
            Node::With(b) => return grow(|| self.walk_if_with(true, dot, b)),
            Node::Range(b) => return grow(|| self.walk_range(dot, b)),
            Node::Template { pos, name, pipe } => {
                grow(|| self.walk_template(dot, *pos, name, pipe.as_ref()))?;
            }
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
            Node::Comment { .. } => {}
        }
        Ok(Flow::Normal)
    }

    fn print_value(&mut self, v: &Value, pos: u32) -> Result<()> {
        match v {
            Value::Nil => self.write("<no value>", pos),
            Value::String(s) => self.write(s, pos),
            Value::Object(o) => {
                let mut s = String::new();
                o.write_action(&mut s);
                self.write(&s, pos)
            }
            other => {
                if crate::fmt::too_deep(other) {
                    return Err(self.error_at(pos, "print", crate::value::CycleError.to_string()));
                }
                // Printing stops past the room left; writing then fails.
                let mut s = String::new();
                let room = self
                    .set
                    .options
                    .limits
                    .max_output
                    .saturating_sub(self.out.len());
                crate::fmt::write_value_limited(&mut s, other, room);
                self.write(&s, pos)
            }
        }
    }

    fn walk_if_with(&mut self, with: bool, dot: &Value, b: &Branch) -> Result<Flow> {
        let mark = self.vars.len();
        let r = (|| {
            let val = self.eval_pipeline(dot, &b.pipe)?;
            if val.is_true() {
                if with {
                    self.walk_list(&val, &b.list)
                } else {
                    self.walk_list(dot, &b.list)
                }
            } else if let Some(e) = &b.else_list {
                self.walk_list(dot, e)
            } else {
                Ok(Flow::Normal)
            }
        })();
        self.vars.truncate(mark);
        r
    }

    /// Starts a template's variable scope: only `$`, its dot.
    fn enter_frame(&mut self, dot: &Value) -> (usize, usize) {
        let mark = self.vars.len();
        let saved = std::mem::replace(&mut self.frame, mark);
        self.vars.push(Var::new(self.dollar.clone(), dot.clone()));
        (saved, mark)
    }

    fn leave_frame(&mut self, saved_frame: usize, mark: usize) {
        self.vars.truncate(mark);
        self.frame = saved_frame;
    }

    fn set_var(&mut self, name: &str, value: Value, held: bool, pos: u32) -> Result<()> {
        let frame = self.frame;
        for v in self.vars[frame..].iter_mut().rev() {
            if &*v.name == name {
                v.value = value;
                v.held = held;
                return Ok(());
            }
        }
        Err(self.error_at(pos, name, format!("undefined variable: {name}")))
    }

    fn set_top_var(&mut self, n: usize, value: Value, held: bool) {
        let len = self.vars.len();
        let v = &mut self.vars[len - n];
        v.value = value;
        v.held = held;
    }

    fn walk_range(&mut self, dot: &Value, r: &Branch) -> Result<Flow> {
        let mark = self.vars.len();
        let res = self.walk_range_inner(dot, r);
        self.vars.truncate(mark);
        res.map(|_| Flow::Normal)
    }

    /// One pass of a range body; `held` says the element came from a
    /// list, map or object, where Go holds it in an interface.
    fn one_iteration(&mut self, r: &Branch, index: Value, elem: Value, held: bool) -> Result<bool> {
        self.iterations += 1;
        if self.iterations > self.set.options.limits.max_range_iterations {
            return Err(self.limit(
                r.pos,
                &r.pipe,
                format!(
                    "range iterations exceed {}",
                    self.set.options.limits.max_range_iterations
                ),
            ));
        }
        let decl = &r.pipe.decl;
        if !decl.is_empty() {
            if r.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(&decl[0], index.clone(), false, r.pos)?;
                } else {
                    self.set_var(&decl[0], elem.clone(), held, r.pos)?;
                }
            } else {
                self.set_top_var(1, elem.clone(), held);
            }
        }
        if decl.len() > 1 {
            if r.pipe.is_assign {
                self.set_var(&decl[1], elem.clone(), held, r.pos)?;
            } else {
                self.set_top_var(2, index, false);
            }
        }
        let mark = self.vars.len();
        let saved = std::mem::replace(&mut self.held_dot, held);
        let flow = self.walk_list(&elem, &r.list);
        self.held_dot = saved;
        self.vars.truncate(mark);
        Ok(matches!(flow?, Flow::Break))
    }

    fn walk_range_inner(&mut self, dot: &Value, r: &Branch) -> Result<()> {
        let val = self.eval_pipeline(dot, &r.pipe)?;
        // Go reports range errors at the node it evaluated last.
        let last = r.pipe.cmds.last().and_then(|c| c.args.last());
        let (at, at_pos) = match last {
            Some(a) => (a.to_string(), a.pos()),
            None => (String::new(), r.pos),
        };
        let mut ran = false;
        match &val {
            Value::Int(_) | Value::Int64(_) | Value::Uint(_) => {
                if r.pipe.decl.len() > 1 {
                    let mut s = String::new();
                    write_value(&mut s, &val);
                    return Err(self.error_at(
                        at_pos,
                        &at,
                        format!("can't use {s} to iterate over more than one variable"),
                    ));
                }
                let n: u64 = match val {
                    Value::Int(n) | Value::Int64(n) => u64::try_from(n).unwrap_or(0),
                    Value::Uint(n) => n,
                    _ => 0,
                };
                for i in 0..n {
                    ran = true;
                    let elem = match val {
                        Value::Int64(_) => Value::Int64(i as i64),
                        Value::Uint(_) => Value::Uint(i),
                        _ => Value::Int(i as i64),
                    };
                    if self.one_iteration(r, Value::Nil, elem, false)? {
                        break;
                    }
                }
            }
            Value::List(l) => {
                for (i, item) in l.iter().enumerate() {
                    ran = true;
                    if self.one_iteration(r, Value::Int(i as i64), item.clone(), true)? {
                        break;
                    }
                }
            }
            Value::Bytes(b) => {
                for (i, x) in b.iter().enumerate() {
                    ran = true;
                    if self.one_iteration(
                        r,
                        Value::Int(i as i64),
                        Value::Int(i64::from(*x)),
                        false,
                    )? {
                        break;
                    }
                }
            }
            Value::Map(m) => {
                // Go ranges over the map as it is when the loop starts.
                for (k, v) in m.snapshot() {
                    ran = true;
                    if self.one_iteration(r, Value::String(k), v, true)? {
                        break;
                    }
                }
            }
            Value::Object(o) if o.entries().is_some() => {
                for (k, v) in o.entries().unwrap_or_default() {
                    ran = true;
                    if self.one_iteration(r, k, v, true)? {
                        break;
                    }
                }
            }
            Value::Nil => {}
            other => {
                let mut s = String::new();
                write_value(&mut s, other);
                return Err(self.error_at(at_pos, &at, format!("range can't iterate over {s}")));
            }
        }
        if !ran {
            if let Some(e) = &r.else_list {
                self.walk_list(dot, e)?;
            }
        }
        Ok(())
    }

    fn enter(&mut self, pos: u32, context: impl Display) -> Result<()> {
        if self.depth >= self.set.options.limits.max_depth {
            return Err(self.limit(
                pos,
                context,
                format!(
                    "exceeded maximum template depth ({})",
                    self.set.options.limits.max_depth
                ),
            ));
        }
        self.calls += 1;
        if self.calls > self.set.options.limits.max_calls {
            return Err(self.limit(
                pos,
                context,
                format!(
                    "template calls exceed {}",
                    self.set.options.limits.max_calls
                ),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    fn walk_template(
        &mut self,
        dot: &Value,
        pos: u32,
        name: &Arc<str>,
        pipe: Option<&Pipe>,
    ) -> Result<()> {
        let node = TemplateNode { name, pipe };
        let Some(tree) = self.lookup(name) else {
            return Err(self.error_at(
                pos,
                &node,
                format!("template {} not defined", crate::fmt::quote(name)),
            ));
        };
        self.enter(pos, &node)?;
        let dot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Value::Nil,
        };
        let (saved_frame, mark) = self.enter_frame(&dot);
        let saved_nil = std::mem::replace(&mut self.held_dot, false);
        let saved_tree = std::mem::replace(&mut self.tree, tree.clone());
        let r = self.walk_list(&dot, &tree.root);
        self.tree = saved_tree;
        self.held_dot = saved_nil;
        self.leave_frame(saved_frame, mark);
        self.depth -= 1;
        r.map(|_| ())
    }

    fn eval_pipeline(&mut self, dot: &Value, pipe: &Pipe) -> Result<Value> {
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            value = Some(self.eval_command(dot, cmd, value)?);
        }
        let value = value.unwrap_or(Value::Nil);
        for v in &pipe.decl {
            if pipe.is_assign {
                self.set_var(v, value.clone(), false, pipe.pos)?;
            } else {
                self.vars.push(Var::new(v.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &[Arg], has_final: bool) -> Result<()> {
        if args.len() > 1 || has_final {
            return Err(self.error_at(
                args[0].pos(),
                &args[0],
                format!("can't give argument to non-function {}", args[0]),
            ));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Value, cmd: &Command, fin: Option<Value>) -> Result<Value> {
        let first = &cmd.args[0];
        match first {
            Arg::Field { pos, idents } => {
                let recv = self.dot_recv(dot);
                self.eval_field_chain(dot, recv, *pos, first, idents, &cmd.args, fin)
            }
            Arg::Chain { pos, node, fields } => {
                if let Arg::Nil { .. } = **node {
                    return Err(self.error_at(
                        *pos,
                        first,
                        format!("indirection through explicit nil in {first}"),
                    ));
                }
                let recv = self.eval_arg(dot, node)?;
                self.eval_field_chain(dot, start(&recv), *pos, first, fields, &cmd.args, fin)
            }
            Arg::Identifier { pos, name, func } => {
                self.eval_function(dot, *pos, name, *func, cmd, &cmd.args, fin)
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, fin.is_some())?;
                grow(|| self.eval_pipeline(dot, p))
            }
            Arg::Variable { pos, name, fields } => {
                if fields.is_empty() {
                    let value = self.var_value(name, *pos)?;
                    self.not_a_function(&cmd.args, fin.is_some())?;
                    return Ok(value);
                }
                let recv = self.var_recv(name, *pos)?;
                self.eval_field_chain(dot, recv, *pos, first, fields, &cmd.args, fin)
            }
            _ => {
                self.not_a_function(&cmd.args, fin.is_some())?;
                match first {
                    Arg::Bool { value, .. } => Ok(Value::Bool(*value)),
                    Arg::Dot { .. } => Ok(dot.clone()),
                    Arg::Nil { pos } => Err(self.error_at(*pos, first, "nil is not a command")),
                    Arg::Number { pos, number } => self.ideal_constant(*pos, number),
                    Arg::String { text, .. } => Ok(Value::String(Rc::from(&**text))),
                    _ => Err(self.error_at(
                        first.pos(),
                        first,
                        format!(
                            "can't evaluate command {}",
                            crate::fmt::quote(&first.to_string())
                        ),
                    )),
                }
            }
        }
    }

    fn var(&self, name: &str, pos: u32) -> Result<&Var> {
        match self.vars[self.frame..]
            .iter()
            .rev()
            .find(|v| &*v.name == name)
        {
            Some(v) => Ok(v),
            None => Err(self.error_at(pos, name, format!("undefined variable: {name}"))),
        }
    }

    fn var_value(&self, name: &str, pos: u32) -> Result<Value> {
        self.var(name, pos).map(|v| v.value.clone())
    }

    /// A variable as the start of a field chain.
    fn var_recv(&self, name: &str, pos: u32) -> Result<Recv> {
        let v = self.var(name, pos)?;
        Ok(held(&v.value, v.held))
    }

    /// Dot as the start of a field chain.
    fn dot_recv(&self, dot: &Value) -> Recv {
        held(dot, self.held_dot)
    }

    fn ideal_constant(&self, pos: u32, n: &Number) -> Result<Value> {
        let text = &*n.text;
        let hex_int = text.len() > 2
            && text.starts_with('0')
            && matches!(text.as_bytes()[1], b'x' | b'X')
            && !text.contains(['p', 'P']);
        let rune = text.starts_with('\'');
        if n.is_complex {
            return Err(self.error_at(pos, text, "complex constants are not supported"));
        }
        if n.is_float && !hex_int && !rune && text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(Value::Float(n.float));
        }
        if n.is_int {
            return Ok(Value::Int(n.int));
        }
        if n.is_uint {
            return Err(self.error_at(pos, text, format!("{text} overflows int")));
        }
        Ok(Value::Nil)
    }

    /// Go's `evalArg` for a parameter of type `interface {}` (or
    /// `reflect.Value`): what every function of ours takes.
    fn eval_arg(&mut self, dot: &Value, arg: &Arg) -> Result<Value> {
        match arg {
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => Ok(Value::Nil),
            Arg::Field { pos, idents } => self.eval_field_chain(
                dot,
                self.dot_recv(dot),
                *pos,
                arg,
                idents,
                std::slice::from_ref(arg),
                None,
            ),
            Arg::Variable { pos, name, fields } => {
                if fields.is_empty() {
                    return self.var_value(name, *pos);
                }
                let recv = self.var_recv(name, *pos)?;
                self.eval_field_chain(dot, recv, *pos, arg, fields, &[], None)
            }
            Arg::Pipe(p) => grow(|| self.eval_pipeline(dot, p)),
            Arg::Identifier { pos, name, func } => {
                self.eval_function(dot, *pos, name, *func, arg, &[], None)
            }
            Arg::Chain { pos, node, fields } => {
                if let Arg::Nil { .. } = **node {
                    return Err(self.error_at(
                        *pos,
                        arg,
                        format!("indirection through explicit nil in {arg}"),
                    ));
                }
                let recv = self.eval_arg(dot, node)?;
                self.eval_field_chain(dot, start(&recv), *pos, arg, fields, &[], None)
            }
            Arg::Bool { value, .. } => Ok(Value::Bool(*value)),
            Arg::Number { pos, number } => self.ideal_constant(*pos, number),
            Arg::String { text, .. } => Ok(Value::String(Rc::from(&**text))),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_field_chain(
        &mut self,
        dot: &Value,
        mut recv: Recv,
        pos: u32,
        node: &Arg,
        idents: &[Arc<str>],
        args: &[Arg],
        fin: Option<Value>,
    ) -> Result<Value> {
        let n = idents.len();
        for ident in &idents[..n - 1] {
            recv = self.eval_field(dot, ident, pos, node, &[], None, recv)?;
        }
        match self.eval_field(dot, &idents[n - 1], pos, node, args, fin, recv)? {
            Recv::Invalid => Ok(Value::Nil),
            Recv::Val { value, .. } => Ok(value),
        }
    }

    /// Go's `evalField`: a method first, then a map key or a field.
    #[allow(clippy::too_many_arguments)]
    fn eval_field(
        &mut self,
        dot: &Value,
        name: &str,
        pos: u32,
        node: &Arg,
        args: &[Arg],
        fin: Option<Value>,
        recv: Recv,
    ) -> Result<Recv> {
        let missing = self.set.options.missing_key;
        let (value, iface) = match recv {
            Recv::Invalid => {
                if missing == MissingKey::Error {
                    return Err(self.error_at(
                        pos,
                        node,
                        format!("nil data; no entry for key {}", crate::fmt::quote(name)),
                    ));
                }
                return Ok(Recv::Invalid);
            }
            Recv::Val { value, iface } => (value, iface),
        };
        let has_args = args.len() > 1 || fin.is_some();
        match &value {
            Value::Nil => Err(self.error_at(
                pos,
                node,
                format!("nil pointer evaluating interface {{}}.{name}"),
            )),
            Value::Object(o) => {
                if o.has_method(name) {
                    let argv = self.eval_args(dot, args, fin)?;
                    return match o.call_method(name, &argv) {
                        Ok(v) => Ok(Recv::Val {
                            value: v,
                            iface: false,
                        }),
                        Err(msg) => {
                            Err(self.error_at(pos, node, format!("error calling {name}: {msg}")))
                        }
                    };
                }
                let kind = o.kind();
                match o.field(name) {
                    Some(v) => {
                        if has_args {
                            let what = if kind == Kind::Map {
                                "is not a method but has arguments"
                            } else {
                                "has arguments but cannot be invoked as function"
                            };
                            return Err(self.error_at(pos, node, format!("{name} {what}")));
                        }
                        Ok(Recv::Val {
                            value: v,
                            iface: kind == Kind::Map,
                        })
                    }
                    None if kind == Kind::Map => {
                        if has_args {
                            return Err(self.error_at(
                                pos,
                                node,
                                format!("{name} is not a method but has arguments"),
                            ));
                        }
                        self.missing_key(pos, node, name, Value::Nil)
                    }
                    None => Err(self.error_at(
                        pos,
                        node,
                        format!(
                            "can't evaluate field {name} in type {}",
                            if iface { "interface {}" } else { o.type_name() }
                        ),
                    )),
                }
            }
            Value::Map(m) => {
                if m.kind() == MapKind::Values {
                    if let Some(method) = self.set.values_methods.get(name) {
                        let argv = self.eval_args(dot, args, fin)?;
                        return match method(m, &argv) {
                            Ok(v) => Ok(Recv::Val {
                                value: v,
                                iface: false,
                            }),
                            Err(msg) => Err(self.error_at(
                                pos,
                                node,
                                format!("error calling {name}: {msg}"),
                            )),
                        };
                    }
                }
                if has_args {
                    return Err(self.error_at(
                        pos,
                        node,
                        format!("{name} is not a method but has arguments"),
                    ));
                }
                match m.get(name) {
                    Some(v) => Ok(Recv::Val {
                        value: v,
                        iface: m.kind() != MapKind::String,
                    }),
                    None => self.missing_key(pos, node, name, crate::builtins::zero_of(m)),
                }
            }
            other => Err(self.error_at(
                pos,
                node,
                format!(
                    "can't evaluate field {name} in type {}",
                    if iface {
                        "interface {}"
                    } else {
                        other.type_name()
                    }
                ),
            )),
        }
    }

    fn missing_key(&self, pos: u32, node: &Arg, name: &str, zero: Value) -> Result<Recv> {
        match self.set.options.missing_key {
            MissingKey::Invalid => Ok(Recv::Invalid),
            MissingKey::Zero => Ok(Recv::Val {
                value: zero,
                iface: true,
            }),
            MissingKey::Error => Err(self.error_at(
                pos,
                node,
                format!("map has no entry for key {}", crate::fmt::quote(name)),
            )),
        }
    }

    /// The arguments of a call: the words after the first, then the piped
    /// value.
    fn eval_args(&mut self, dot: &Value, args: &[Arg], fin: Option<Value>) -> Result<Vec<Value>> {
        let rest = if args.is_empty() { args } else { &args[1..] };
        let mut argv = Vec::with_capacity(rest.len() + usize::from(fin.is_some()));
        for a in rest {
            argv.push(self.eval_arg(dot, a)?);
        }
        if let Some(f) = fin {
            argv.push(f);
        }
        Ok(argv)
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_function(
        &mut self,
        dot: &Value,
        pos: u32,
        name: &str,
        func: Option<FuncId>,
        node: &dyn Display,
        args: &[Arg],
        fin: Option<Value>,
    ) -> Result<Value> {
        let Some(id) = func.or_else(|| self.set.funcs.lookup(name)) else {
            return Err(self.error_at(
                pos,
                name,
                format!("{} is not a defined function", crate::fmt::quote(name)),
            ));
        };
        let (fname, f) = self.set.funcs.get(id);
        let rest = if args.is_empty() { args } else { &args[1..] };
        match self.set.funcs.special(id) {
            Special::And | Special::Or => {
                let is_or = self.set.funcs.special(id) == Special::Or;
                if rest.is_empty() && fin.is_none() {
                    return Err(self.error_at(
                        pos,
                        name,
                        format!("wrong number of args for {fname}: want at least 1 got 0"),
                    ));
                }
                let mut v = Value::Nil;
                for a in rest {
                    v = self.eval_arg(dot, a)?;
                    if v.is_true() == is_or {
                        return Ok(v);
                    }
                }
                if let Some(f) = fin {
                    v = f;
                }
                return Ok(v);
            }
            Special::Call => {
                if rest.is_empty() && fin.is_none() {
                    return Err(self.error_at(
                        pos,
                        name,
                        format!("wrong number of args for {fname}: want at least 1 got 0"),
                    ));
                }
                let callee = match rest.first() {
                    Some(a) => a.to_string(),
                    None => String::new(),
                };
                let argv = self.eval_args(dot, args, fin)?;
                let msg = match argv.first() {
                    None | Some(Value::Nil) => "call of nil".to_string(),
                    Some(other) => {
                        format!("non-function {callee} of type {}", other.type_name())
                    }
                };
                return Err(self.error_at(pos, node, format!("error calling call: {msg}")));
            }
            Special::None => {}
        }
        let argv = self.eval_args(dot, args, fin)?;
        let mut call = Call {
            name: fname,
            args: &argv,
            host: self,
        };
        match f(&mut call) {
            Ok(v) => Ok(v),
            Err(e) if e.kind == ErrorKind::Arity => {
                Err(self.error_at(pos, name, e.message.clone()))
            }
            Err(e) => Err(self.wrap_call_error(pos, node, fname, e)),
        }
    }

    /// Go's `error calling NAME: ERR`. A bound reached deeper passes
    /// through unchanged.
    fn wrap_call_error(&self, pos: u32, node: &dyn Display, name: &str, e: Error) -> Error {
        if e.kind == ErrorKind::Limit {
            return e;
        }
        let mut wrapped = self.error_at(pos, node, format!("error calling {name}: {e}"));
        if e.kind != ErrorKind::Func {
            wrapped.cause = Some(e);
        }
        wrapped
    }

    /// Runs `tree` with `dot` into a fresh buffer, as a nested template.
    fn execute_tree(&mut self, tree: Arc<Tree>, dot: Value) -> Result<String> {
        self.enter(0, &*tree.name)?;
        let saved_out = std::mem::take(&mut self.out);
        let (saved_frame, mark) = self.enter_frame(&dot);
        let saved_nil = std::mem::replace(&mut self.held_dot, false);
        let saved_tree = std::mem::replace(&mut self.tree, tree.clone());
        let r = grow(|| self.walk_list(&dot, &tree.root));
        self.tree = saved_tree;
        self.held_dot = saved_nil;
        self.leave_frame(saved_frame, mark);
        self.depth -= 1;
        let out = std::mem::replace(&mut self.out, saved_out);
        r.map(|_| out)
    }
}

/// A chain's start that may be held in an interface.
fn held(v: &Value, held: bool) -> Recv {
    if held {
        return Recv::Val {
            value: v.clone(),
            iface: true,
        };
    }
    start(v)
}

/// The receiver a chain starts from: a parenthesised value. A nil there is
/// "no value" (Go has unwrapped it from its interface).
fn start(v: &Value) -> Recv {
    match v {
        Value::Nil => Recv::Invalid,
        other => Recv::Val {
            value: other.clone(),
            iface: false,
        },
    }
}

/// `{{template "name" pipe}}` as Go prints it in errors.
struct TemplateNode<'a> {
    name: &'a str,
    pipe: Option<&'a Pipe>,
}

impl Display for TemplateNode<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = crate::fmt::quote(self.name);
        match self.pipe {
            None => write!(f, "{{{{template {name}}}}}"),
            Some(p) => write!(f, "{{{{template {name} {p}}}}}"),
        }
    }
}

impl Host for Exec<'_> {
    fn execute_template(&mut self, name: &str, dot: Value) -> Result<String> {
        let Some(tree) = self.lookup(name) else {
            return Err(self.set.no_template(name));
        };
        self.execute_tree(tree, dot)
    }

    fn execute_text(&mut self, name: &str, text: &str, dot: Value) -> Result<String> {
        let key: (Arc<str>, Arc<str>) = (Arc::from(name), Arc::from(text));
        let overlay = match self.tpl_cache.get(&key) {
            Some(o) => o.clone(),
            None => {
                let trees = self.set.parse_detached(name, text)?;
                let mut map = FastMap::default();
                for t in trees {
                    // Go parses tpl's text into a copy of the set, where an
                    // empty definition does not replace an existing one.
                    if &*t.name != name
                        && self.set.trees.contains_key(&t.name)
                        && crate::ast::is_empty_tree(&t.root, &t.text)
                    {
                        continue;
                    }
                    associate(&mut map, t);
                }
                let o = Rc::new(map);
                if self.tpl_cache.len() < TPL_CACHE {
                    self.tpl_cache.insert(key, o.clone());
                }
                o
            }
        };
        // The text's own top level: an empty text gives "", never another
        // template of that name.
        let Some(tree) = overlay.get(name).cloned() else {
            return Ok(String::new());
        };
        self.overlays.push(overlay);
        let r = self.execute_tree(tree, dot);
        self.overlays.pop();
        r
    }

    fn state(&mut self) -> &mut dyn Any {
        &mut *self.state
    }
}
