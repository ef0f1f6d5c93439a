//! Template benchmark: chartgen's side of the "same job" comparison in
//! `scripts/bench.sh`, rendering one chart's templates as `helm template`
//! does.
//!
//! Not timed: the `chartgen new` example of the `web` blueprint is written to
//! a temporary folder (Helm's side loads the same folder) and read back, and
//! its `values-prod.yaml` merged over its defaults. Timed, N times (default
//! 500, env `CHARTGEN_BENCH_TEMPLATE_N`): parse every template and render the
//! chart, as Helm's engine does on each render. `--chart-dir DIR` also keeps
//! the chart in DIR for Helm's side.
//!
//! Prints a summary and one `BENCH_JSON {...}` line; `--json PATH` also
//! writes the JSON to PATH. Run with `cargo bench --bench template`.

use std::path::PathBuf;
use std::time::Instant;

use helm_engine::{coalesce, ChartFiles, Release, Renderer};

/// The allocator the chartgen binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Renders before timing starts, to warm caches.
const WARMUP: usize = 20;

fn arg(name: &str) -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).map(PathBuf::from))
}

fn main() {
    let n: usize = std::env::var("CHARTGEN_BENCH_TEMPLATE_N")
        .ok()
        .map(|v| {
            v.parse()
                .expect("CHARTGEN_BENCH_TEMPLATE_N must be a number")
        })
        .unwrap_or(500);
    assert!(n > 0, "CHARTGEN_BENCH_TEMPLATE_N must be at least 1");

    let root = tempfile::tempdir().expect("temporary folder");
    let parent = arg("--chart-dir").unwrap_or_else(|| root.path().to_owned());
    let engine = chartgen::Engine::new(chartgen::Blueprints::embedded());
    let spec = engine.example("web-api", "web").expect("the web example");
    let chart = engine
        .generate(&spec, None)
        .expect("the web example renders");
    let dir = chart.write(&parent, true).expect("chart written");
    let files = ChartFiles::from_dir(&dir).expect("chart read back");
    let defaults: serde_json::Value =
        serde_yaml::from_str(&files.files["values.yaml"]).expect("values.yaml");
    let prod: serde_json::Value =
        serde_yaml::from_str(&files.files["values-prod.yaml"]).expect("values-prod.yaml");
    let values = coalesce(&defaults, &prod);
    let release = Release {
        name: "web-api".into(),
        namespace: "prod".into(),
        install: true,
    };
    let render = || {
        Renderer::new(&files)
            .expect("templates parse")
            .render(&values, &release)
            .expect("renders")
    };
    for _ in 0..WARMUP {
        render();
    }
    let mut ms = Vec::with_capacity(n);
    let mut bytes = 0;
    for _ in 0..n {
        let start = Instant::now();
        let out = render();
        ms.push(start.elapsed().as_secs_f64() * 1e3);
        bytes = out.values().map(String::len).sum::<usize>();
    }
    ms.sort_by(f64::total_cmp);
    let median = ms[n / 2];
    let p90 = ms[((n as f64 * 0.9).ceil() as usize).clamp(1, n) - 1];
    let templates = files
        .files
        .keys()
        .filter(|k| k.starts_with("templates/"))
        .count();
    let json = serde_json::json!({
        "tool": "chartgen",
        "n": n,
        "median_ms": median,
        "p90_ms": p90,
        "templates": templates,
        "rendered_bytes": bytes,
        "chart": dir,
    });
    println!(
        "chartgen template render of {} ({templates} templates, {bytes} bytes out), {n} times:",
        dir.display()
    );
    println!("  per render: median {median:.3} ms, p90 {p90:.3} ms");
    println!("BENCH_JSON {json}");
    if let Some(path) = arg("--json") {
        std::fs::write(path, format!("{json}\n")).expect("JSON written");
    }
}
