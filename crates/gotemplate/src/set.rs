//! A set of templates: what `{{template}}`, `include` and `tpl` see.

use std::any::Any;
use std::sync::Arc;

use crate::ast::{is_empty_tree, Tree};
use crate::error::{Error, Result};
use crate::exec::Exec;
use crate::func::FuncTable;
use crate::hash::FastMap;
use crate::parse::{parse, parse_shared, ParseOptions};
use crate::value::{Map, Value};

/// What a missing map key gives (Go's `missingkey` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingKey {
    /// Go's default: no value (`<no value>` when printed; a field of it is
    /// no value too).
    #[default]
    Invalid,
    /// The element type's zero value: nil for `interface {}`, so a field of
    /// it fails (`nil pointer evaluating interface {}.x`). Helm's choice.
    Zero,
    /// An error: `map has no entry for key "x"`.
    Error,
}

/// Bounds of one render. Go has no bounds but its stack; these keep any
/// template from exhausting the machine, each with a clear error.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Nested template calls (`{{template}}`, `include`, `tpl`) in total.
    pub max_depth: usize,
    /// `range` iterations in the whole render.
    pub max_range_iterations: u64,
    /// Bytes of output of any one template body.
    pub max_output: usize,
    /// Template calls (`{{template}}`, `include`, `tpl`) in the whole
    /// render: with the loop bound, this bounds the time a render takes
    /// (two calls per level nest to exponential work within the depth
    /// bound).
    pub max_calls: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 10_000,
            max_range_iterations: 10_000_000,
            max_output: 256 << 20,
            max_calls: 10_000_000,
        }
    }
}

/// Execution options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// What a missing map key gives.
    pub missing_key: MissingKey,
    /// The bounds.
    pub limits: Limits,
}

/// A method of `common.Values` maps (`.Values.AsMap`, `.Values.YAML`, …),
/// which Go resolves before keys of the same name.
pub type ValuesMethod = fn(&Map, &[Value]) -> std::result::Result<Value, String>;

/// Named templates parsed with one function table: Go's associated
/// templates (`template.New(...).Funcs(...)` and its `Parse`s).
///
/// Parsed trees hold no values, so a set is `Send + Sync` and can render
/// on several threads at once.
pub struct TemplateSet {
    name: String,
    pub(crate) funcs: Arc<FuncTable>,
    pub(crate) trees: FastMap<Arc<str>, Arc<Tree>>,
    left: String,
    right: String,
    pub(crate) parse_options: ParseOptions,
    /// How templates execute.
    pub options: Options,
    pub(crate) values_methods: FastMap<&'static str, ValuesMethod>,
}

impl TemplateSet {
    /// An empty set whose templates call `funcs` (which should hold Go's
    /// builtins: [`crate::builtins::register`]).
    pub fn new(funcs: Arc<FuncTable>) -> Self {
        TemplateSet {
            name: String::new(),
            funcs,
            trees: FastMap::default(),
            left: String::new(),
            right: String::new(),
            parse_options: ParseOptions::default(),
            options: Options::default(),
            values_methods: FastMap::default(),
        }
    }

    /// Names the set as Go names the template a set hangs off
    /// (`template.New("gotpl")` in Helm): the name errors for a missing
    /// template give (`no template "x" associated with template "gotpl"`).
    pub fn set_name(&mut self, name: &str) {
        self.name = name.to_string();
    }

    /// The set's name ("" unless [`TemplateSet::set_name`] gave one).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Go's `Delims`: the action delimiters for later parses (empty means
    /// `{{` and `}}`).
    pub fn delims(&mut self, left: &str, right: &str) {
        self.left = left.to_string();
        self.right = right.to_string();
    }

    /// Parse modes for later parses.
    pub fn set_parse_options(&mut self, options: ParseOptions) {
        self.parse_options = options;
    }

    /// Adds a method of `common.Values` maps.
    pub fn register_values_method(&mut self, name: &'static str, f: ValuesMethod) {
        self.values_methods.insert(name, f);
    }

    /// The function table.
    pub fn funcs(&self) -> &Arc<FuncTable> {
        &self.funcs
    }

    /// Parses `text` as template `name`, adding it and its definitions to
    /// the set with Go's rules: a later non-empty definition replaces an
    /// earlier one; an empty one never replaces anything.
    pub fn parse(&mut self, name: &str, text: &str) -> Result<()> {
        self.parse_shared(name, Arc::from(text))
    }

    /// [`TemplateSet::parse`] of a text the caller already shares: the
    /// trees keep `text` itself instead of a copy.
    pub fn parse_shared(&mut self, name: &str, text: Arc<str>) -> Result<()> {
        let trees = parse_shared(
            name,
            text,
            &self.left,
            &self.right,
            &self.funcs,
            self.parse_options,
        )?;
        for tree in trees {
            associate(&mut self.trees, tree);
        }
        Ok(())
    }

    /// Parses `text` into trees without adding them (for an overlay such
    /// as `tpl`'s).
    pub(crate) fn parse_detached(&self, name: &str, text: &str) -> Result<Vec<Tree>> {
        parse(
            name,
            text,
            &self.left,
            &self.right,
            &self.funcs,
            self.parse_options,
        )
    }

    /// The template `name`.
    pub fn lookup(&self, name: &str) -> Option<&Arc<Tree>> {
        self.trees.get(name)
    }

    /// The names of the templates, sorted.
    pub fn names(&self) -> Vec<Arc<str>> {
        let mut names: Vec<_> = self.trees.keys().cloned().collect();
        names.sort();
        names
    }

    /// Executes template `name` with `dot`.
    pub fn execute(&self, name: &str, dot: Value) -> Result<String> {
        let mut state = ();
        self.execute_with(name, dot, &mut state)
    }

    /// Executes template `name` with `dot`; functions reach `state`
    /// through [`crate::Host::state`].
    pub fn execute_with(&self, name: &str, dot: Value, state: &mut dyn Any) -> Result<String> {
        self.executor(state).execute(name, dot)
    }

    /// An executor over the set, to run several templates (a render's
    /// files) with shared bounds and `tpl` cache.
    pub fn executor<'e>(&'e self, state: &'e mut dyn Any) -> Exec<'e> {
        Exec::new(self, state)
    }
}

impl TemplateSet {
    /// Go's `ExecuteTemplate` error for an unknown name.
    pub(crate) fn no_template(&self, name: &str) -> Error {
        let root = if self.name.is_empty() {
            name
        } else {
            &self.name
        };
        Error::func(format!(
            "template: no template {} associated with template {}",
            crate::fmt::quote(name),
            crate::fmt::quote(root)
        ))
    }
}

/// Go's `associate`: adds `tree` unless it is empty and a template of its
/// name exists.
pub(crate) fn associate(trees: &mut FastMap<Arc<str>, Arc<Tree>>, tree: Tree) {
    if trees.contains_key(&tree.name) && is_empty_tree(&tree.root, &tree.text) {
        return;
    }
    trees.insert(tree.name.clone(), Arc::new(tree));
}
