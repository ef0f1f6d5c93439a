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
//! - [`fmt`]: Go's printing.

#![deny(missing_docs)]

pub mod ast;
pub mod error;
pub mod fmt;
pub mod func;
pub mod lex;
pub mod object;
pub mod parse;
mod stack;
pub mod value;

pub use error::{Details, Error, ErrorKind, Result};
pub use func::{Call, Func, FuncId, FuncTable, Host, Special};
pub use object::Object;
pub use parse::ParseOptions;
pub use value::{Kind, List, ListKind, Map, MapKind, Str, Value};
