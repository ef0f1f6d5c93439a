//! Any text, read by the fast YAML reader and by libyaml: when the fast
//! reader reads it at all, libyaml must read it too and give the same
//! events, values and marks (the fast reader only ever spares libyaml's
//! time, never decides differently).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    helm_engine::check_fast_yaml(text);
});
