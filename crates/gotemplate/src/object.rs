//! Go values with methods and fields of their own.
//!
//! Helm hands templates a few Go values that are neither maps nor lists:
//! `.Files` (`engine.files`, a map with methods), `.Capabilities` and its
//! `KubeVersion` and `APIVersions` (structs and a slice with methods), and
//! `.Values` itself has methods (`YAML`, `AsMap`, …; those live on
//! [`crate::value::MapKind::Values`] maps and are the embedder's functions).
//! An embedder implements [`Object`] for each; the executor resolves
//! `.Name` on one as Go does: a method first, then a field or key.

use crate::value::{Kind, Value};

/// A Go value with methods or fields.
pub trait Object {
    /// Go's `%T`, e.g. `engine.files`, `common.VersionSet`.
    fn type_name(&self) -> &str;

    /// Go's kind: `struct` unless the value is a map or slice type.
    fn kind(&self) -> Kind {
        Kind::Struct
    }

    /// Go's truth: a struct is always true; a map or slice type is true
    /// when it is not empty.
    fn is_true(&self) -> bool {
        true
    }

    /// Whether there is a method `name`. Go looks methods up before fields
    /// and keys, so a method shadows a key of the same name.
    fn has_method(&self, name: &str) -> bool;

    /// Calls method `name` (one [`Object::has_method`] said exists) with
    /// `args`. The error is the method's own, which the executor reports as
    /// Go does (`error calling Get: …`).
    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String>;

    /// The field or key `name`; `None` when there is none (the executor
    /// then fails as Go does for a struct, or gives nil for a map kind).
    fn field(&self, name: &str) -> Option<Value>;

    /// For a map or slice kind: the (key, value) pairs in Go's range order
    /// (sorted keys for a map; indices for a slice), what `range`, `index`
    /// and `len` use. `None` for a struct.
    fn entries(&self) -> Option<Vec<(Value, Value)>> {
        None
    }

    /// A struct's fields with their values, in declaration order,
    /// unexported ones (lower-case names) included: what `%+v` and `%#v`
    /// print, and (exported ones only) what encoders that use Go names
    /// write. `None` for other kinds.
    fn fields(&self) -> Option<Vec<(&'static str, Value)>> {
        None
    }

    /// How `encoding/json` marshals the value when it is a struct: its
    /// exported fields under their JSON names, in declaration order,
    /// `omitempty` fields left out when empty. `None` for a value that
    /// marshals otherwise (a map or slice kind, through
    /// [`Object::entries`]; a type with its own `MarshalJSON`).
    fn json_fields(&self) -> Option<Vec<(&'static str, Value)>> {
        None
    }

    /// Go's `%v` of the value, e.g. `map[a.txt:[104 105]]` for `.Files`,
    /// what `print` and `printf` write.
    fn write_v(&self, out: &mut String);

    /// What an action prints for the value (`{{ .X }}`). Go's template
    /// printer, unlike `fmt`, calls a `String` method with a pointer
    /// receiver on an addressable value: `{{ .Capabilities.KubeVersion }}`
    /// prints `v1.36.0` where `print` writes the struct. The same as
    /// [`Object::write_v`] unless the type has such a method.
    fn write_action(&self, out: &mut String) {
        self.write_v(out);
    }
}
