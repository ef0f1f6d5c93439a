//! Any bytes as a chartgen.yaml: parsing and validation must return a
//! located error or a spec, never panic; a valid spec must generate a chart.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = chartgen::decode_input("fuzz.yaml", bytes.to_vec()) else { return };
    if let Ok(spec) = chartgen::load_spec("fuzz.yaml", &text) {
        thread_local! {
            static ENGINE: chartgen::Engine = chartgen::Engine::new(chartgen::Blueprints::embedded());
        }
        ENGINE.with(|engine| {
            let _ = engine.generate(&spec, Some(&text));
        });
    }
});
