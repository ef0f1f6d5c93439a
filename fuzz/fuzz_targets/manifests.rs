//! Any bytes as a manifest stream for `chartgen lint -`: every rule must
//! cope with whatever shape the objects have, and the strict reading of a
//! stream given to lint must refuse what is no object without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let _ = chartgen::lint::parse_objects("-", text);
    if let Ok(manifests) = chartgen::lint::parse_manifests("-", text) {
        let _ = chartgen::lint::lint(&manifests, &Default::default());
    }
});
