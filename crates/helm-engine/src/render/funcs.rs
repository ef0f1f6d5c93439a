//! The functions Helm binds to each render (`pkg/engine/engine.go`
//! `initFunMap`, `includeFun`, `tplFun`; `pkg/engine/funcs.go`):
//!
//! - `include NAME DATA`: the named template's text. Helm counts how
//!   deeply each name is being included, `tpl` included, and refuses the
//!   1002nd level: `rendering template has a nested reference name: NAME:
//!   unable to execute template`. A missing name is Go's `no template
//!   "NAME" associated with template "gotpl"` (Helm's set is `gotpl`).
//! - `tpl TEXT DATA`: TEXT parsed as a template named `gotpl` over the
//!   chart's set (its `define`s seen only within it) and executed with
//!   DATA; `<no value>` removed from the result, as from a file's. Errors:
//!   `cannot parse template "TEXT": …`, `error during tpl function
//!   execution for "TEXT": …`.
//! - `required MSG V`: V, unless it is nil or "": then MSG, which Helm
//!   prints as `execution error at (FILE:L:C): MSG`;
//! - `fail MSG`: MSG, likewise;
//! - `lookup APIVERSION KIND NAMESPACE NAME`: an empty map, as `helm
//!   template` has no cluster to ask.
//!
//! In lint mode `required` and `fail` give "" instead of failing, as
//! `helm lint` renders.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use gotemplate::fmt::quote;
use gotemplate::{Call, Error, ErrorKind, FuncTable, Map, Result, Value};

use super::errors::warn_wrap;

/// Helm's `recursionMaxNums`.
const MAX_INCLUDE_NESTING: u32 = 1000;

/// What the functions of one render share: include depths by name, and
/// whether the render is a lint's.
#[derive(Debug, Default)]
pub struct State {
    included: HashMap<String, u32>,
    lint: bool,
}

impl State {
    /// The state of a render; `lint` as `helm lint` renders.
    pub fn new(lint: bool) -> State {
        State {
            included: HashMap::new(),
            lint,
        }
    }
}

/// Helm's whole function table, built once per process: Go's builtins,
/// then sprig's with Helm's value functions (sprig's `slice` replacing the
/// builtin), then the functions bound to a render ([`register`]), which
/// replace sprig's `fail`.
pub fn table() -> Arc<FuncTable> {
    static TABLE: OnceLock<Arc<FuncTable>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table = FuncTable::new();
            gotemplate::builtins::register(&mut table);
            crate::sprig::register(&mut table);
            register(&mut table);
            Arc::new(table)
        })
        .clone()
}

/// Adds Helm's bound functions to `table` (after sprig's, which they
/// replace where the names meet: sprig's `fail`).
pub fn register(table: &mut FuncTable) {
    table.register("include", include);
    table.register("tpl", tpl);
    table.register("required", required);
    table.register("fail", fail);
    table.register("lookup", lookup);
}

fn state<'a>(c: &'a mut Call<'_>) -> Option<&'a mut State> {
    c.host.state().downcast_mut::<State>()
}

fn lint(c: &mut Call<'_>) -> bool {
    state(c).is_some_and(|s| s.lint)
}

fn include(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let name = c.str(0)?.to_owned();
    let data = c.arg(1).clone();
    if let Some(state) = state(c) {
        let depth = state.included.entry(name.clone()).or_insert(0);
        if *depth > MAX_INCLUDE_NESTING {
            return Err(c.fail(format!(
                "rendering template has a nested reference name: {name}: unable to execute \
                 template"
            )));
        }
        *depth += 1;
    }
    let result = c.host.execute_template(&name, data);
    if let Some(depth) = state(c).and_then(|s| s.included.get_mut(&name)) {
        *depth -= 1;
    }
    match result {
        Ok(text) => Ok(Value::string(text)),
        Err(e) if e.kind == ErrorKind::Func && e.message.starts_with("template: no template ") => {
            Err(c.fail(format!(
                "template: no template {} associated with template \"gotpl\"",
                quote(&name)
            )))
        }
        Err(e) => Err(e),
    }
}

fn tpl(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let text = c.str(0)?.to_owned();
    let data = c.arg(1).clone();
    match c.host.execute_text("gotpl", &text, data) {
        Ok(out) => Ok(Value::string(super::set::strip_no_value(out))),
        Err(e) if e.kind == ErrorKind::Limit => Err(e),
        Err(e) if e.kind == ErrorKind::Parse => {
            Err(c.fail(format!("cannot parse template {}: {e}", quote(&text))))
        }
        Err(e) => Err(c.fail(format!(
            "error during tpl function execution for {}: {e}",
            quote(&text)
        ))),
    }
}

fn required(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let message = c.str(0)?.to_owned();
    let missing = match c.arg(1) {
        Value::Nil => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    };
    if !missing {
        return Ok(c.arg(1).clone());
    }
    if lint(c) {
        return Ok(Value::string(""));
    }
    Err(Error::func(warn_wrap(&message)))
}

fn fail(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let message = c.str(0)?.to_owned();
    if lint(c) {
        return Ok(Value::string(""));
    }
    Err(Error::func(warn_wrap(&message)))
}

fn lookup(c: &mut Call<'_>) -> Result<Value> {
    c.arity(4)?;
    for i in 0..4 {
        c.str(i)?;
    }
    Ok(Value::Map(Map::default()))
}
