//! Any bytes as a manifest stream for `chartgen lint -`: every rule must
//! cope with whatever shape the objects have.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Ok(manifests) = chartgen::lint::parse_manifests("-", text) {
        let _ = chartgen::lint::lint(&manifests, &Default::default());
    }
});
