//! Any text as a values file, as Helm reads one: reading it (every
//! document, merged), locating its values and `fromYaml`'s one-document
//! reading must return values or an error, never panic, and stay within the
//! fuzzer's time and memory limits (`-timeout`, `-rss_limit_mb`): aliases,
//! merge keys and nesting are bounded however the text combines them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Err(e) = helm_engine::read::read_values(text) {
        let _ = e.to_string();
    }
    let _ = helm_engine::read::spans(text);
    let _ = helm_engine::read::unmarshal(text);
});
