//! Any text as a template, executed over a small values map under tight
//! bounds: parsing and executing must never panic, and every bound must
//! end the run with an error rather than exhaust the machine.
#![no_main]

use std::sync::{Arc, OnceLock};

use gotemplate::{builtins, FuncTable, Limits, Map, MapKind, MissingKey, TemplateSet, Value};
use libfuzzer_sys::fuzz_target;

fn funcs() -> Arc<FuncTable> {
    static FUNCS: OnceLock<Arc<FuncTable>> = OnceLock::new();
    FUNCS.get_or_init(|| Arc::new(builtins::table())).clone()
}

fn data() -> Value {
    let inner = Map::default();
    inner.insert("b", Value::Float(1.0));
    inner.insert("list", Value::list(vec![Value::Int(1), Value::string("x"), Value::Nil]));
    let values = Map::new(MapKind::Values);
    values.insert("a", Value::Map(inner));
    values.insert("big", Value::Float(1e6));
    values.insert("s", Value::string("text"));
    values.insert("n", Value::Nil);
    let top = Map::default();
    top.insert("Values", Value::Map(values));
    Value::Map(top)
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let mut set = TemplateSet::new(funcs());
    set.options.missing_key = if text.len() % 2 == 0 { MissingKey::Zero } else { MissingKey::Invalid };
    set.options.limits = Limits {
        max_depth: 200,
        max_range_iterations: 100_000,
        max_output: 1 << 20,
        max_calls: 100_000,
    };
    if set.parse("t", text).is_err() {
        return;
    }
    let _ = set.execute("t", data());
    // Printing a parsed tree must not panic either.
    if let Some(tree) = set.lookup("t") {
        let _ = tree.to_go_string(true);
    }
});
