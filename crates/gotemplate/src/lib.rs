//! Go's `text/template` in Rust, with Go's semantics where they show:
//! maps are shared by reference (`set` through one path is seen through
//! every other), values have Go's types, truth and printing, objects have
//! methods (`.Files.Get "x"`), and errors read as Go's.
//!
//! Built for Helm's engine (`helm-engine`), usable on its own. The layers:
//!
//! - [`value`]: [`Value`], [`Map`] (shared), [`List`], Go's truth and type
//!   names;
//! - [`object`]: the [`Object`] trait for Go values with methods;
//! - [`func`]: the function table (names resolved to ids at parse time),
//!   [`Call`], and [`Host`] for functions that re-enter the executor;
//! - [`error`]: [`Error`] with Go's parts and wording;
//! - [`lex`], [`parse`], [`ast`]: Go's lexer and parser, names resolved at
//!   parse time, trees that are `Send + Sync`;
//! - [`TemplateSet`] and [`exec`]: the set of named templates and the
//!   executor, with Go's messages and this engine's bounds;
//! - [`builtins`] and [`fmt`]: Go's builtin functions and printing.
//!
//! ```
//! use std::sync::Arc;
//! use gotemplate::{builtins, Map, TemplateSet, Value};
//!
//! let mut set = TemplateSet::new(Arc::new(builtins::table()));
//! set.parse("t", "{{ range $k, $v := . }}{{ $k }}={{ $v }} {{ end }}").unwrap();
//! let data = Map::default();
//! data.insert("big", Value::Float(1e6));
//! assert_eq!(set.execute("t", Value::Map(data)).unwrap(), "big=1e+06 ");
//! ```

#![deny(missing_docs)]

pub mod ast;
pub mod builtins;
pub mod error;
pub mod exec;
pub mod fmt;
pub mod func;
mod hash;
pub mod lex;
pub mod object;
pub mod parse;
mod set;
mod stack;
pub mod value;

pub use error::{Details, Error, ErrorKind, Result};
pub use exec::Exec;
pub use func::{Call, Func, FuncId, FuncTable, Host, Special};
pub use object::Object;
pub use parse::ParseOptions;
pub use set::{Limits, MissingKey, Options, TemplateSet, ValuesMethod};
pub use value::{Kind, List, ListKind, Map, MapKind, Str, Value};
