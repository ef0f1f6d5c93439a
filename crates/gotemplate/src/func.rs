//! Functions templates call: the table, and what a call sees.
//!
//! A function is a plain `fn` pointer; the table is built once per process
//! and names are resolved to [`FuncId`]s when a template is parsed, so a
//! call costs an index, not a string lookup. Functions that must re-enter
//! the executor (Helm's `include` and `tpl`) do it through [`Host`].

use std::any::Any;

use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::value::Value;

/// A template function.
pub type Func = fn(&mut Call<'_>) -> Result<Value>;

/// A function's index in its [`FuncTable`], fixed at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuncId(pub u32);

/// The functions templates may call, by name. A later registration of a
/// name replaces the earlier one, as adding to a Go `FuncMap` does (Helm's
/// `slice` is sprig's, replacing the builtin).
#[derive(Default, Clone)]
pub struct FuncTable {
    funcs: Vec<(&'static str, Func, Special)>,
    by_name: FastMap<&'static str, FuncId>,
}

/// How the executor runs a function: most are plain calls; Go's builtin
/// `and` and `or` short-circuit and `call` needs its callee's name, so the
/// executor evaluates those itself. Registering a name again makes it a
/// plain function, as a Go `FuncMap` entry overrides a builtin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A plain function.
    None,
    /// Go's builtin `and`.
    And,
    /// Go's builtin `or`.
    Or,
    /// Go's builtin `call`.
    Call,
}

impl FuncTable {
    /// An empty table (the executor's builtins are added by
    /// [`crate::builtins`]).
    pub fn new() -> Self {
        FuncTable::default()
    }

    /// Adds `f` as `name`, replacing any function of that name.
    pub fn register(&mut self, name: &'static str, f: Func) {
        self.register_special(name, f, Special::None);
    }

    /// Adds `f` as `name`, run by the executor as `special` says.
    pub fn register_special(&mut self, name: &'static str, f: Func, special: Special) {
        match self.by_name.get(name) {
            Some(id) => {
                let entry = &mut self.funcs[id.0 as usize];
                entry.1 = f;
                entry.2 = special;
            }
            None => {
                let id =
                    FuncId(u32::try_from(self.funcs.len()).expect("fewer than 2^32 functions"));
                self.funcs.push((name, f, special));
                self.by_name.insert(name, id);
            }
        }
    }

    /// The id of `name`, when it is defined: what the parser resolves.
    pub fn lookup(&self, name: &str) -> Option<FuncId> {
        self.by_name.get(name).copied()
    }

    /// The function and its name.
    pub fn get(&self, id: FuncId) -> (&'static str, Func) {
        let (name, f, _) = self.funcs[id.0 as usize];
        (name, f)
    }

    /// How the executor runs the function.
    pub fn special(&self, id: FuncId) -> Special {
        self.funcs[id.0 as usize].2
    }
}

/// What the executor offers a function that must re-enter it.
pub trait Host {
    /// Executes the template `name` of the set with `dot`, returning its
    /// text (Helm's `include`).
    fn execute_template(&mut self, name: &str, dot: Value) -> Result<String>;

    /// Parses `text` as a template named `name` in a fresh namespace laid
    /// over the set (its `define`s are seen only within it) and executes it
    /// with `dot` (Helm's `tpl`).
    fn execute_text(&mut self, name: &str, text: &str, dot: Value) -> Result<String>;

    /// The embedder's per-render state (Helm's include counts, `tpl`
    /// cache, …).
    fn state(&mut self) -> &mut dyn Any;
}

/// One call of a function: its name as written, its evaluated arguments,
/// and the executor to re-enter.
pub struct Call<'a> {
    /// The function's name.
    pub name: &'static str,
    /// The arguments, evaluated (a piped value comes last).
    pub args: &'a [Value],
    /// The executor running the call.
    pub host: &'a mut dyn Host,
}

impl Call<'_> {
    /// Go's check for a function with `want` parameters.
    pub fn arity(&self, want: usize) -> Result<()> {
        if self.args.len() == want {
            return Ok(());
        }
        Err(Error::arity(format!(
            "wrong number of args for {}: want {want} got {}",
            self.name,
            self.args.len()
        )))
    }

    /// Go's check for a variadic function with `min` fixed parameters.
    pub fn arity_min(&self, min: usize) -> Result<()> {
        if self.args.len() >= min {
            return Ok(());
        }
        Err(Error::arity(format!(
            "wrong number of args for {}: want at least {min} got {}",
            self.name,
            self.args.len()
        )))
    }

    /// The argument at `i`; nil past the end (check arity first).
    pub fn arg(&self, i: usize) -> &Value {
        const NIL: Value = Value::Nil;
        self.args.get(i).unwrap_or(&NIL)
    }

    /// A Go `string` parameter.
    pub fn str(&self, i: usize) -> Result<&str> {
        match self.arg(i) {
            Value::String(s) => Ok(s),
            other => Err(wrong_type("string", other)),
        }
    }

    /// A Go `int` parameter: an `int` only, as Go's reflection refuses a
    /// `float64` (every number from a values file) or an `int64`.
    pub fn int(&self, i: usize) -> Result<i64> {
        match self.arg(i) {
            Value::Int(n) => Ok(*n),
            other => Err(wrong_type("int", other)),
        }
    }

    /// A Go `bool` parameter.
    pub fn bool(&self, i: usize) -> Result<bool> {
        match self.arg(i) {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong_type("bool", other)),
        }
    }

    /// The function's own error, as the function words it; the executor
    /// adds `error calling NAME: ` and the place.
    pub fn fail(&self, message: impl Into<String>) -> Error {
        Error::func(message)
    }
}

/// Go's error for an argument of the wrong type: the static type of a nil
/// argument is `interface {}`.
pub fn wrong_type(expected: &str, got: &Value) -> Error {
    let got = match got {
        Value::Nil => "interface {}",
        other => other.type_name(),
    };
    Error::func(format!(
        "wrong type for value; expected {expected}; got {got}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(_: &mut Call<'_>) -> Result<Value> {
        Ok(Value::Int(1))
    }
    fn two(_: &mut Call<'_>) -> Result<Value> {
        Ok(Value::Int(2))
    }

    #[test]
    fn a_later_registration_replaces_the_function_and_keeps_its_id() {
        let mut table = FuncTable::new();
        table.register("slice", one);
        let id = table.lookup("slice").unwrap();
        table.register("slice", two);
        assert_eq!(table.lookup("slice"), Some(id));
        assert_eq!(table.get(id).1 as usize, two as Func as usize);
        assert_eq!(table.lookup("nope"), None);
    }
}
