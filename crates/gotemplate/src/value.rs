//! Values as a Go template sees them.
//!
//! The one rule that shapes this module: **maps are references**, as Go's
//! are. Cloning a [`Value::Map`] clones a pointer, so `set` through `.`,
//! `.Values`, a nested field or a second variable changes the one map every
//! path reaches. Lists are immutable (every sprig function that "changes" a
//! list returns a new one), strings are shared.
//!
//! Values are `Rc`-based and live for one render on one thread; parsed
//! templates hold no `Value` and are `Send + Sync`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::object::Object;

/// A shared, immutable string.
pub type Str = Rc<str>;

/// A template value.
#[derive(Clone, Default)]
pub enum Value {
    /// Go's untyped nil: a missing map key, `nil`, a `null` from a values
    /// file. Prints `<no value>` at the top of an action, `<nil>` inside
    /// `printf`.
    #[default]
    Nil,
    /// `bool`.
    Bool(bool),
    /// `int`: integer constants, `len`, `--set` integers.
    Int(i64),
    /// `int64`: what sprig's arithmetic (`add`, `int64`, …) returns. It
    /// behaves as [`Value::Int`] everywhere but in `%T`, `typeOf` and
    /// `kindOf`.
    Int64(i64),
    /// `uint64`.
    Uint(u64),
    /// `float64`: every number read from a values file (Helm reads values
    /// through JSON) and float constants.
    Float(f64),
    /// `string`.
    String(Str),
    /// `[]uint8`: `.Files.GetBytes`, `index .Files "x"`.
    Bytes(Rc<[u8]>),
    /// A slice: `[]interface {}` or `[]string`.
    List(List),
    /// A map with string keys, shared by reference.
    Map(Map),
    /// A Go value with methods or fields of its own (`.Files`,
    /// `.Capabilities.APIVersions`, …).
    Object(Rc<dyn Object>),
}

impl Value {
    /// A string value.
    pub fn string(s: impl Into<Str>) -> Value {
        Value::String(s.into())
    }

    /// An `[]interface {}` of `items`.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(List::new(ListKind::Any, items))
    }

    /// A `[]string` of `items`.
    pub fn strings<S: Into<Str>>(items: impl IntoIterator<Item = S>) -> Value {
        Value::List(List::new(
            ListKind::String,
            items.into_iter().map(|s| Value::String(s.into())).collect(),
        ))
    }

    /// Go's truth (`if`, `and`, `or`, `not`, `with`): false, 0, nil, and
    /// empty strings, lists and maps are false. An object is true unless it
    /// says it is empty.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(n) | Value::Int64(n) => *n != 0,
            Value::Uint(n) => *n != 0,
            Value::Float(f) => *f != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Object(o) => o.is_true(),
        }
    }

    /// Go's `%T`: `int`, `float64`, `[]interface {}`,
    /// `map[string]interface {}`, `common.Values`, `engine.files`, …; `<nil>`
    /// for nil.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Int64(_) => "int64",
            Value::Uint(_) => "uint64",
            Value::Float(_) => "float64",
            Value::String(_) => "string",
            Value::Bytes(_) => "[]uint8",
            Value::List(l) => l.kind().type_name(),
            Value::Map(m) => m.kind().type_name(),
            Value::Object(o) => o.type_name(),
        }
    }

    /// Go's `reflect.Kind` name (`kindOf`): `invalid`, `int`, `slice`,
    /// `map`, `struct`, `ptr`, ….
    pub fn kind(&self) -> Kind {
        match self {
            Value::Nil => Kind::Invalid,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) => Kind::Int,
            Value::Int64(_) => Kind::Int64,
            Value::Uint(_) => Kind::Uint64,
            Value::Float(_) => Kind::Float64,
            Value::String(_) => Kind::String,
            Value::Bytes(_) | Value::List(_) => Kind::Slice,
            Value::Map(_) => Kind::Map,
            Value::Object(o) => o.kind(),
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The map, when this is one.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The list, when this is one.
    pub fn as_list(&self) -> Option<&List> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }

    /// Whether this is nil.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// A copy sharing nothing mutable with this value: maps are copied all
    /// the way down (sprig's `deepCopy`). `depth` bounds the walk, so a map
    /// that holds itself is an error, not a hang.
    pub fn deep_copy(&self, depth: usize) -> Result<Value, CycleError> {
        if depth == 0 {
            return Err(CycleError);
        }
        Ok(match self {
            Value::Map(m) => {
                let data = m.entries.borrow();
                let mut entries = BTreeMap::new();
                for (k, v) in data.iter() {
                    entries.insert(k.clone(), v.deep_copy(depth - 1)?);
                }
                let mut copy = Map::from_entries(m.kind, entries);
                copy.nil = m.nil;
                Value::Map(copy)
            }
            Value::List(l) => {
                let items = l
                    .iter()
                    .map(|v| v.deep_copy(depth - 1))
                    .collect::<Result<Vec<_>, _>>()?;
                Value::List(List::new(l.kind(), items))
            }
            other => other.clone(),
        })
    }
}

/// A value nested deeper than a walk allows: in practice a map that holds
/// itself (`set $m "self" $m`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleError;

impl fmt::Display for CycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value nested too deep (does a map hold itself?)")
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => f.write_str("Nil"),
            Value::Bool(b) => write!(f, "Bool({b})"),
            Value::Int(n) => write!(f, "Int({n})"),
            Value::Int64(n) => write!(f, "Int64({n})"),
            Value::Uint(n) => write!(f, "Uint({n})"),
            Value::Float(x) => write!(f, "Float({x:?})"),
            Value::String(s) => write!(f, "String({s:?})"),
            Value::Bytes(b) => write!(f, "Bytes({b:?})"),
            Value::List(l) => f.debug_list().entries(l.iter()).finish(),
            // A map may hold itself: show one level.
            Value::Map(m) => write!(f, "Map({} keys)", m.len()),
            Value::Object(o) => write!(f, "Object({})", o.type_name()),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s.into())
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Map(m)
    }
}
impl From<List> for Value {
    fn from(l: List) -> Self {
        Value::List(l)
    }
}

/// Go's `reflect.Kind`, as `kindOf` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Kind {
    Invalid,
    Bool,
    Int,
    Int64,
    Uint64,
    Float64,
    String,
    Slice,
    Map,
    Struct,
    Ptr,
    Func,
}

impl Kind {
    /// The name `kindOf` prints.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Invalid => "invalid",
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Int64 => "int64",
            Kind::Uint64 => "uint64",
            Kind::Float64 => "float64",
            Kind::String => "string",
            Kind::Slice => "slice",
            Kind::Map => "map",
            Kind::Struct => "struct",
            Kind::Ptr => "ptr",
            Kind::Func => "func",
        }
    }
}

/// The Go type of a list's elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// `[]interface {}`.
    Any,
    /// `[]string` (`splitList`, `keys`, `.Files.Lines`, …).
    String,
}

impl ListKind {
    fn type_name(self) -> &'static str {
        match self {
            ListKind::Any => "[]interface {}",
            ListKind::String => "[]string",
        }
    }
}

/// An immutable, shared list.
#[derive(Clone)]
pub struct List(Rc<ListData>);

struct ListData {
    kind: ListKind,
    items: Vec<Value>,
}

impl List {
    /// A list of `items` of Go type `kind`.
    pub fn new(kind: ListKind, items: Vec<Value>) -> Self {
        List(Rc::new(ListData { kind, items }))
    }

    /// The Go type of the elements.
    pub fn kind(&self) -> ListKind {
        self.0.kind
    }

    /// The elements.
    pub fn items(&self) -> &[Value] {
        &self.0.items
    }

    /// The elements, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.0.items.iter()
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.0.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.items.is_empty()
    }

    /// The element at `i`.
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.0.items.get(i)
    }
}

/// The Go type of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// `map[string]interface {}`.
    Any,
    /// Helm's `common.Values` (`.Values`): a map with methods (`YAML`,
    /// `Table`, `AsMap`, …), which shadow keys of those names.
    Values,
    /// `map[string]string` (`.Files.AsConfig`'s input, sprig's `env`
    /// results).
    String,
}

impl MapKind {
    fn type_name(self) -> &'static str {
        match self {
            MapKind::Any => "map[string]interface {}",
            MapKind::Values => "common.Values",
            MapKind::String => "map[string]string",
        }
    }
}

/// A map with string keys, in key order, shared by reference: every clone
/// is the same map.
///
/// The Go type belongs to the handle, not to the map: Go gives one map two
/// types when it converts it (a subchart's `.Values` is a `common.Values`,
/// the same map seen from its parent's values a `map[string]interface {}`),
/// so [`Map::with_kind`] makes another handle to the same entries.
///
/// The API never lends a borrow across a call: reads clone the value out,
/// writes take `&self`. So no template, however it nests `set` inside a
/// `range` over the same map, can make a borrow fail.
#[derive(Clone)]
pub struct Map {
    entries: Rc<RefCell<BTreeMap<Str, Value>>>,
    kind: MapKind,
    /// Go's nil map of this type: empty for good (encoders write `null`).
    nil: bool,
}

impl Default for Map {
    fn default() -> Self {
        Map::new(MapKind::Any)
    }
}

impl Map {
    /// An empty map of Go type `kind`.
    pub fn new(kind: MapKind) -> Self {
        Map::from_entries(kind, BTreeMap::new())
    }

    /// A map of Go type `kind` holding `entries`.
    pub fn from_entries(kind: MapKind, entries: BTreeMap<Str, Value>) -> Self {
        Map {
            entries: Rc::new(RefCell::new(entries)),
            kind,
            nil: false,
        }
    }

    /// Go's nil map of type `kind` (a struct's map field never set, such
    /// as `.Chart.Annotations` when Chart.yaml has none): it reads as an
    /// empty map, prints `map[]`, encodes as `null`, and takes no keys
    /// (see [`Map::is_nil`]).
    pub fn nil(kind: MapKind) -> Self {
        Map {
            nil: true,
            ..Map::new(kind)
        }
    }

    /// Whether this is a nil map ([`Map::nil`]), which Go cannot assign
    /// to: callers that insert for a template fail first.
    pub fn is_nil(&self) -> bool {
        self.nil
    }

    /// The same map as Go type `kind`, as a Go conversion gives it
    /// (`common.Values(m)`): changes through either are seen through both.
    pub fn with_kind(&self, kind: MapKind) -> Self {
        Map {
            entries: Rc::clone(&self.entries),
            kind,
            nil: self.nil,
        }
    }

    /// The Go type.
    pub fn kind(&self) -> MapKind {
        self.kind
    }

    /// The value at `key`, cloned out (maps inside stay shared).
    pub fn get(&self, key: &str) -> Option<Value> {
        self.entries.borrow().get(key).cloned()
    }

    /// Whether `key` is present (with any value, nil included).
    pub fn contains_key(&self, key: &str) -> bool {
        self.entries.borrow().contains_key(key)
    }

    /// Sets `key` to `value`, in place: every holder of this map sees it.
    pub fn insert(&self, key: impl Into<Str>, value: Value) {
        self.entries.borrow_mut().insert(key.into(), value);
    }

    /// Removes `key`, in place.
    pub fn remove(&self, key: &str) -> Option<Value> {
        self.entries.borrow_mut().remove(key)
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }

    /// The keys, sorted.
    pub fn keys(&self) -> Vec<Str> {
        self.entries.borrow().keys().cloned().collect()
    }

    /// The (key, value) pairs, sorted by key, as they are now: what `range`
    /// iterates, so changes made while ranging are not seen, as in Go.
    pub fn snapshot(&self) -> Vec<(Str, Value)> {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Whether `self` and `other` are the same map (not equal contents).
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Map({:?}, {} keys)", self.kind(), self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_is_changed_wherever_it_is_reached_from() {
        let values = Map::default();
        let inner = Map::default();
        values.insert("a", Value::Map(inner.clone()));
        let top = Value::Map(values.clone());
        let second = top.clone();
        if let Some(Value::Map(a)) = second.as_map().and_then(|m| m.get("a")) {
            a.insert("b", Value::Int(1));
        }
        assert!(matches!(inner.get("b"), Some(Value::Int(1))));
        assert_eq!(values.len(), 1);
    }

    #[test]
    fn a_snapshot_does_not_see_later_changes() {
        let m = Map::default();
        m.insert("a", Value::Int(1));
        let snap = m.snapshot();
        m.insert("b", Value::Int(2));
        m.remove("a");
        assert_eq!(snap.len(), 1);
        assert_eq!(&*snap[0].0, "a");
    }

    #[test]
    fn deep_copy_shares_nothing_and_refuses_a_cycle() {
        let m = Map::default();
        let inner = Map::default();
        m.insert("in", Value::Map(inner.clone()));
        let copy = Value::Map(m.clone()).deep_copy(100).unwrap();
        inner.insert("x", Value::Int(1));
        let copied_inner = copy.as_map().unwrap().get("in").unwrap();
        assert!(copied_inner.as_map().unwrap().is_empty());

        m.insert("self", Value::Map(m.clone()));
        assert_eq!(
            Value::Map(m.clone()).deep_copy(100).unwrap_err(),
            CycleError
        );
        // Break the cycle so the test does not leak.
        m.remove("self");
    }

    #[test]
    fn go_truth_and_type_names() {
        assert!(!Value::Nil.is_true());
        assert!(!Value::Float(0.0).is_true());
        assert!(Value::string("x").is_true());
        assert!(!Value::list(vec![]).is_true());
        assert_eq!(Value::Int64(1).type_name(), "int64");
        assert_eq!(Value::strings(["a"]).type_name(), "[]string");
        assert_eq!(
            Value::Map(Map::new(MapKind::Values)).type_name(),
            "common.Values"
        );
        assert_eq!(Value::Bytes(Rc::from(&b"x"[..])).kind().name(), "slice");
    }
}
