//! Any text as a `kubeVersion` range: parsing must not panic, and the lowest
//! version found must be one the range admits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(range) = helm_engine::VersionRange::parse(text) else { return };
    if let Some(lowest) = range.lowest() {
        assert!(range.admits(&lowest.to_string()), "{text}: {lowest} is not admitted");
    }
});
