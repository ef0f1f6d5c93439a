//! Any bytes as a chartgen.yaml: parsing and validation must return a
//! located error or a spec, never panic; a valid spec must generate a chart
//! or a located error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = chartgen::decode_input("fuzz.yaml", bytes.to_vec()) else { return };
    match chartgen::load_spec("fuzz.yaml", &text) {
        Ok(spec) => {
            thread_local! {
                static ENGINE: chartgen::Engine = chartgen::Engine::new(chartgen::Blueprints::embedded());
            }
            ENGINE.with(|engine| {
                if let Err(e) = engine.generate(&spec, Some(&text)) {
                    let _ = e.located("fuzz.yaml", &text).to_string();
                }
            });
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
