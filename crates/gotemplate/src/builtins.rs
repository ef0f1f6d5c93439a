//! Go's builtin template functions (`text/template/funcs.go`): `and or not
//! len index slice call print printf println eq ne lt le gt ge html js
//! urlquery`, with Go's comparison rules and messages.
//!
//! `and`, `or` and `call` are evaluated by the executor (they short-circuit
//! or need the callee's name); their table entries exist so the parser
//! knows the names.

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::fmt::{sprint, sprintf, sprintln, write_value};
use crate::func::{Call, FuncTable, Special};
use crate::value::{Kind, List, Value};

/// Registers Go's builtins in `table`.
pub fn register(table: &mut FuncTable) {
    table.register_special("and", and, Special::And);
    table.register_special("or", or, Special::Or);
    table.register_special("call", call, Special::Call);
    table.register("not", not);
    table.register("len", len);
    table.register("index", index);
    table.register("slice", slice);
    table.register("print", print);
    table.register("printf", printf);
    table.register("println", println);
    table.register("eq", eq);
    table.register("ne", ne);
    table.register("lt", lt);
    table.register("le", le);
    table.register("gt", gt);
    table.register("ge", ge);
    table.register("html", html);
    table.register("js", js);
    table.register("urlquery", urlquery);
}

/// A table holding Go's builtins.
pub fn table() -> FuncTable {
    let mut t = FuncTable::new();
    register(&mut t);
    t
}

fn and(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    for a in c.args {
        if !a.is_true() {
            return Ok(a.clone());
        }
    }
    Ok(c.args[c.args.len() - 1].clone())
}

fn or(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    for a in c.args {
        if a.is_true() {
            return Ok(a.clone());
        }
    }
    Ok(c.args[c.args.len() - 1].clone())
}

fn call(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    match c.arg(0) {
        Value::Nil => Err(Error::func("call of nil")),
        other => Err(Error::func(format!(
            "non-function of type {}",
            other.type_name()
        ))),
    }
}

fn not(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::Bool(!c.arg(0).is_true()))
}

fn len(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = match c.arg(0) {
        Value::Nil => return Err(Error::func("len of nil pointer")),
        Value::String(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.len(),
        Value::Map(m) => m.len(),
        Value::Object(o) => match o.entries() {
            Some(e) => e.len(),
            None => return Err(Error::func(format!("len of type {}", o.type_name()))),
        },
        other => return Err(Error::func(format!("len of type {}", other.type_name()))),
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// Go's `indexArg`.
fn index_arg(index: &Value, cap: usize) -> Result<usize> {
    let x: i128 = match index {
        Value::Int(n) | Value::Int64(n) => i128::from(*n),
        Value::Uint(n) => i128::from(*n),
        Value::Nil => return Err(Error::func("cannot index slice/array with nil")),
        other => {
            return Err(Error::func(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            )))
        }
    };
    if x < 0 || x > cap as i128 {
        return Err(Error::func(format!("index out of range: {x}")));
    }
    Ok(x as usize)
}

/// The element of `item` at `index` as Go's `index` finds it.
pub fn index_one(item: &Value, index: &Value) -> Result<Value> {
    match item {
        Value::Nil => Err(Error::func("index of nil pointer")),
        Value::List(l) => {
            let x = index_arg(index, l.len())?;
            l.get(x)
                .cloned()
                .ok_or_else(|| Error::func("reflect: slice index out of range"))
        }
        Value::Bytes(b) => {
            let x = index_arg(index, b.len())?;
            b.get(x)
                .map(|&v| Value::Int(i64::from(v)))
                .ok_or_else(|| Error::func("reflect: slice index out of range"))
        }
        Value::String(s) => {
            let x = index_arg(index, s.len())?;
            s.as_bytes()
                .get(x)
                .map(|&v| Value::Int(i64::from(v)))
                .ok_or_else(|| Error::func("reflect: string index out of range"))
        }
        Value::Map(m) => {
            let key = map_key(index, m.kind() == crate::value::MapKind::String)?;
            Ok(m.get(&key).unwrap_or_else(|| zero_of(m)))
        }
        Value::Object(o) => match (o.kind(), o.entries()) {
            // A key of a map type is its field; an absent one is the
            // zero value of its element type, which the object knows
            // (`index .Files "x"` is an empty `[]uint8`).
            (Kind::Map, Some(_)) => {
                let key = map_key(index, false)?;
                Ok(o.field(&key).unwrap_or(Value::Nil))
            }
            (Kind::Slice, Some(entries)) => {
                let x = index_arg(index, entries.len())?;
                entries
                    .into_iter()
                    .nth(x)
                    .map(|(_, v)| v)
                    .ok_or_else(|| Error::func("reflect: slice index out of range"))
            }
            _ => Err(Error::func(format!(
                "can't index item of type {}",
                o.type_name()
            ))),
        },
        other => Err(Error::func(format!(
            "can't index item of type {}",
            other.type_name()
        ))),
    }
}

/// The zero value of a map's element type: nil, or `""` for a
/// `map[string]string`.
pub fn zero_of(m: &crate::value::Map) -> Value {
    if m.kind() == crate::value::MapKind::String {
        Value::string("")
    } else {
        Value::Nil
    }
}

/// Go's `prepareArg` for a `string` map key.
fn map_key(index: &Value, _string_map: bool) -> Result<String> {
    match index {
        Value::String(s) => Ok(s.to_string()),
        Value::Nil => Err(Error::func("value is nil; should be of type string")),
        other => Err(Error::func(format!(
            "value has type {}; should be string",
            other.type_name()
        ))),
    }
}

fn index(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let mut item = c.arg(0).clone();
    if item.is_nil() {
        return Err(Error::func("index of untyped nil"));
    }
    for i in &c.args[1..] {
        item = index_one(&item, i)?;
    }
    Ok(item)
}

fn slice(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let item = c.arg(0);
    let indexes = &c.args[1..];
    if item.is_nil() {
        return Err(Error::func("slice of untyped nil"));
    }
    if indexes.len() > 3 {
        return Err(Error::func(format!(
            "too many slice indexes: {}",
            indexes.len()
        )));
    }
    let len = match item {
        Value::String(s) => {
            if indexes.len() == 3 {
                return Err(Error::func("cannot 3-index slice a string"));
            }
            s.len()
        }
        Value::List(l) => l.len(),
        Value::Bytes(b) => b.len(),
        other => {
            return Err(Error::func(format!(
                "can't slice item of type {}",
                other.type_name()
            )))
        }
    };
    let mut idx = [0, len, len];
    for (i, index) in indexes.iter().enumerate() {
        idx[i] = index_arg(index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(Error::func(format!(
            "invalid slice index: {} > {}",
            idx[0], idx[1]
        )));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(Error::func(format!(
            "invalid slice index: {} > {}",
            idx[1], idx[2]
        )));
    }
    Ok(match item {
        Value::String(s) => match s.get(idx[0]..idx[1]) {
            Some(sub) => Value::string(sub),
            // Go slices bytes; a cut inside a character keeps the bytes.
            None => Value::string(String::from_utf8_lossy(&s.as_bytes()[idx[0]..idx[1]])),
        },
        Value::List(l) => Value::List(List::new(l.kind(), l.items()[idx[0]..idx[1]].to_vec())),
        Value::Bytes(b) => Value::Bytes(b[idx[0]..idx[1]].into()),
        _ => unreachable!("checked above"),
    })
}

/// Go overflows its stack printing a map that holds itself; this is an
/// error instead.
fn printable(args: &[Value]) -> Result<()> {
    if args.iter().any(crate::fmt::too_deep) {
        return Err(Error::func(crate::value::CycleError.to_string()));
    }
    Ok(())
}

/// A printed result, unless printing stopped at its size bound.
fn printed(s: String) -> Result<Value> {
    if s.len() > crate::fmt::MAX_PRINT_BYTES {
        return Err(Error::func("value prints longer than 256 MiB"));
    }
    Ok(Value::string(s))
}

fn print(c: &mut Call<'_>) -> Result<Value> {
    printable(c.args)?;
    printed(sprint(c.args))
}

fn println(c: &mut Call<'_>) -> Result<Value> {
    printable(c.args)?;
    printed(sprintln(c.args))
}

fn printf(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let format = c.str(0)?;
    printable(&c.args[1..])?;
    printed(sprintf(format, &c.args[1..]))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BasicKind {
    Invalid,
    Bool,
    Int,
    Float,
    String,
    Uint,
}

fn basic_kind(v: &Value) -> BasicKind {
    match v {
        Value::Bool(_) => BasicKind::Bool,
        Value::Int(_) | Value::Int64(_) => BasicKind::Int,
        Value::Uint(_) => BasicKind::Uint,
        Value::Float(_) => BasicKind::Float,
        Value::String(_) => BasicKind::String,
        _ => BasicKind::Invalid,
    }
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(n) | Value::Int64(n) => *n,
        _ => 0,
    }
}

fn uint_of(v: &Value) -> u64 {
    match v {
        Value::Uint(n) => *n,
        _ => 0,
    }
}

fn float_of(v: &Value) -> f64 {
    match v {
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn incompatible(a: &Value, b: &Value) -> Error {
    Error::func(format!(
        "incompatible types for comparison: {} and {}",
        a.type_name(),
        b.type_name()
    ))
}

fn sprint1(v: &Value) -> String {
    let mut s = String::new();
    write_value(&mut s, v);
    s
}

/// Go's `eq` of two values.
pub fn equal(a: &Value, b: &Value) -> Result<bool> {
    let (k1, k2) = (basic_kind(a), basic_kind(b));
    if k1 != k2 {
        return match (k1, k2) {
            (BasicKind::Int, BasicKind::Uint) => {
                Ok(int_of(a) >= 0 && int_of(a) as u64 == uint_of(b))
            }
            (BasicKind::Uint, BasicKind::Int) => {
                Ok(int_of(b) >= 0 && uint_of(a) == int_of(b) as u64)
            }
            _ => {
                if !a.is_nil() && !b.is_nil() {
                    Err(incompatible(a, b))
                } else {
                    Ok(false)
                }
            }
        };
    }
    Ok(match k1 {
        BasicKind::Bool => matches!((a, b), (Value::Bool(x), Value::Bool(y)) if x == y),
        BasicKind::Float => float_of(a) == float_of(b),
        BasicKind::Int => int_of(a) == int_of(b),
        BasicKind::String => a.as_str() == b.as_str(),
        BasicKind::Uint => uint_of(a) == uint_of(b),
        BasicKind::Invalid => {
            let (ka, kb) = (a.kind(), b.kind());
            if ka != kb && ka != Kind::Invalid && kb != Kind::Invalid {
                return Err(Error::func(format!(
                    "non-comparable types {}: {}, {}: {}",
                    sprintf("%s", std::slice::from_ref(a)),
                    a.type_name(),
                    b.type_name(),
                    sprint1(b)
                )));
            }
            if a.is_nil() || b.is_nil() {
                a.is_nil() == b.is_nil()
            } else {
                match (a, b) {
                    (Value::Object(x), Value::Object(y)) if x.kind() == Kind::Struct => {
                        std::rc::Rc::ptr_eq(x, y)
                    }
                    _ => {
                        return Err(Error::func(format!(
                            "non-comparable type {}: {}",
                            sprintf("%s", std::slice::from_ref(b)),
                            b.type_name()
                        )))
                    }
                }
            }
        }
    })
}

fn eq(c: &mut Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    if c.args.len() < 2 {
        return Err(Error::func("missing argument for comparison"));
    }
    let a = c.arg(0);
    for b in &c.args[1..] {
        if equal(a, b)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn ne(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(!equal(c.arg(0), c.arg(1))?))
}

/// Go's `lt`.
pub fn less(a: &Value, b: &Value) -> Result<bool> {
    let bad = || Error::func("invalid type for comparison");
    let k1 = basic_kind(a);
    if k1 == BasicKind::Invalid {
        return Err(bad());
    }
    let k2 = basic_kind(b);
    if k2 == BasicKind::Invalid {
        return Err(bad());
    }
    if k1 != k2 {
        return match (k1, k2) {
            (BasicKind::Int, BasicKind::Uint) => {
                Ok(int_of(a) < 0 || (int_of(a) as u64) < uint_of(b))
            }
            (BasicKind::Uint, BasicKind::Int) => {
                Ok(int_of(b) >= 0 && uint_of(a) < int_of(b) as u64)
            }
            _ => Err(incompatible(a, b)),
        };
    }
    Ok(match k1 {
        BasicKind::Bool | BasicKind::Invalid => return Err(bad()),
        BasicKind::Float => float_of(a) < float_of(b),
        BasicKind::Int => int_of(a) < int_of(b),
        BasicKind::String => a.as_str() < b.as_str(),
        BasicKind::Uint => uint_of(a) < uint_of(b),
    })
}

fn less_equal(a: &Value, b: &Value) -> Result<bool> {
    if less(a, b)? {
        return Ok(true);
    }
    equal(a, b)
}

fn lt(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(less(c.arg(0), c.arg(1))?))
}

fn le(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(less_equal(c.arg(0), c.arg(1))?))
}

fn gt(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(!less_equal(c.arg(0), c.arg(1))?))
}

fn ge(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(!less(c.arg(0), c.arg(1))?))
}

/// Go's `evalArgs`: one string as it is, otherwise `Sprint` with nil as
/// `<no value>`.
fn eval_args(args: &[Value]) -> String {
    if let [Value::String(s)] = args {
        return s.to_string();
    }
    let printable: Vec<Value> = args
        .iter()
        .map(|a| match a {
            Value::Nil => Value::string("<no value>"),
            other => other.clone(),
        })
        .collect();
    sprint(&printable)
}

/// Go's `template.HTMLEscapeString`.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Go's `template.JSEscapeString`.
pub fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u00{:02X}", c as u32);
            }
            c if (c as u32) < 0x80 => out.push(c),
            c => {
                let q = crate::fmt::quote(&c.to_string());
                if q.len() == c.len_utf8() + 2 {
                    out.push(c);
                } else {
                    let _ = write!(out, "\\u{:04X}", c as u32);
                }
            }
        }
    }
    out
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char);
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn html(c: &mut Call<'_>) -> Result<Value> {
    Ok(Value::string(html_escape(&eval_args(c.args))))
}

fn js(c: &mut Call<'_>) -> Result<Value> {
    Ok(Value::string(js_escape(&eval_args(c.args))))
}

fn urlquery(c: &mut Call<'_>) -> Result<Value> {
    Ok(Value::string(query_escape(&eval_args(c.args))))
}
