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
//! - [`error`]: [`Error`] with Go's parts and wording.

#![deny(missing_docs)]

pub mod error;
pub mod func;
pub mod object;
pub mod value;

pub use error::{Details, Error, ErrorKind, Result};
pub use func::{Call, Func, FuncId, FuncTable, Host};
pub use object::Object;
pub use value::{Kind, List, ListKind, Map, MapKind, Str, Value};
