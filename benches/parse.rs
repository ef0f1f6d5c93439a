//! The template engine alone on the corpus: parsing every template of a
//! chart (`Renderer::new`) and executing them (`Renderer::render`), each
//! repeated `--reps` times (default 200) per chart, with its defaults. Prints
//! the median over charts of each chart's median, and the totals; a steady
//! loop to profile the parser and executor under `perf`.
//!
//! `cargo bench --bench parse -- --corpus DIR [--reps N] [--only SUBSTRING]`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::load;
use helm_engine::render::capabilities::Capabilities;
use helm_engine::render::set::{Renderer, Target};
use helm_engine::render::{funcs, objects};
use helm_engine::values::{coalesce_values, Values};

/// The allocator the chartgen binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn main() {
    let reps: usize = arg("--reps").map_or(200, |r| r.parse().expect("--reps N"));
    let corpus = arg("--corpus").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/charts"),
        PathBuf::from,
    );
    let only = arg("--only");
    let mut charts: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Chart.yaml").is_file())
        .filter(|p| {
            only.as_deref()
                .is_none_or(|o| p.to_string_lossy().contains(o))
        })
        .collect();
    charts.sort();
    let funcs = funcs::table();
    let (mut parse_ms, mut render_ms) = (Vec::new(), Vec::new());
    for chart in &charts {
        let shown = chart.display().to_string();
        let Ok(mut loaded) = load(chart, &shown) else {
            continue;
        };
        let user = Values::new();
        if process_dependencies(&mut loaded, &user).is_err() {
            continue;
        }
        let Ok(merged) = coalesce_values(&loaded, &user) else {
            continue;
        };
        let target = Target {
            release: objects::Release::template("release-name", "default", false),
            capabilities: Capabilities::new(None, &[]),
            lint: false,
            set: Values::new(),
        };
        let Ok(renderer) = Renderer::new(&loaded, funcs.clone()) else {
            continue;
        };
        if renderer.render(&loaded, &merged, &target).is_err() {
            continue;
        }
        let (mut p, mut r) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
        for _ in 0..reps {
            let start = Instant::now();
            let renderer = Renderer::new(&loaded, funcs.clone()).expect("parses as it did");
            p.push(start.elapsed().as_secs_f64() * 1e3);
            let start = Instant::now();
            let out = renderer.render(&loaded, &merged, &target);
            r.push(start.elapsed().as_secs_f64() * 1e3);
            drop(out.expect("renders as it did"));
        }
        parse_ms.push(median(p));
        render_ms.push(median(r));
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "{} charts, {reps} runs each: parse median {:.4} ms (total {:.2} ms), render median {:.4} ms (total {:.2} ms); load {}",
        parse_ms.len(),
        median(parse_ms.clone()),
        parse_ms.iter().sum::<f64>(),
        median(render_ms.clone()),
        render_ms.iter().sum::<f64>(),
        load.split_whitespace().next().unwrap_or("?")
    );
}
