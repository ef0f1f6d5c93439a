//! Render + package benchmark: chartgen's side of `scripts/bench.sh`.
//!
//! In one process, for N services (default 200, env `CHARTGEN_BENCH_N`):
//! the `chartgen.yaml` inputs are written to a temporary folder first (not
//! timed), then each service is timed on its own doing what
//! `chartgen render FILE -o DIR --force --package DIST` does: read the input,
//! `load_spec`, `generate`, write the chart folder, write its `.tgz` (built
//! from the chart in memory: the bytes `chartgen package DIR` gives, which a
//! test checks). The engine is built once, before timing, as the CLI builds
//! it once per run.
//!
//! Prints a readable summary and one `BENCH_JSON {...}` line; with
//! `--json PATH` (or env `CHARTGEN_BENCH_JSON=PATH`) the JSON is also written
//! to PATH. Run with `cargo bench --bench render_package [-- --json PATH]`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The allocator the chartgen binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Services rendered and packaged before timing starts, to warm caches.
const WARMUP: usize = 10;

/// A small but realistic `chartgen.yaml` for service number `i`.
fn input(name: &str, i: usize) -> String {
    format!(
        "name: {name}\nimage: ghcr.io/acme/{name}:1.2.{patch}\nport: {port}\n\
         config:\n  LOG_LEVEL: info\n  SERVICE_INDEX: \"{i}\"\n",
        patch = i % 10,
        port = 8000 + i % 1000,
    )
}

/// Writes `dir/<name>/chartgen.yaml` for each name; returns the input paths.
fn write_inputs(dir: &Path, names: &[String]) -> Vec<PathBuf> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let path = dir.join(name).join("chartgen.yaml");
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, input(name, i)).unwrap();
            path
        })
        .collect()
}

/// What one timed service produced, for the fairness notes.
struct Output {
    files: usize,
    archive_bytes: u64,
    /// Milliseconds spent in each of [`PHASES`].
    phase_ms: [f64; 4],
}

/// The timed steps of one service, in order.
const PHASES: [&str; 4] = ["read+load_spec", "generate", "write", "package"];

/// The timed unit: render and package one service, as the CLI does.
fn render_and_package(
    engine: &chartgen::Engine,
    input: &Path,
    out: &Path,
    dist: &Path,
) -> Result<Output, Box<dyn std::error::Error>> {
    let mut lap = Lap(Instant::now());
    let text = fs::read_to_string(input)?;
    let spec = chartgen::load_spec(&input.display().to_string(), &text)?;
    let t_load = lap.next();
    let chart = engine.generate(&spec, Some(&text))?;
    let t_generate = lap.next();
    chart.write(out, true)?;
    let t_write = lap.next();
    let tgz = chart.package(dist)?;
    let t_package = lap.next();
    Ok(Output {
        files: chart.files.len(),
        archive_bytes: fs::metadata(&tgz).map(|m| m.len()).unwrap_or(0),
        phase_ms: [t_load, t_generate, t_write, t_package],
    })
}

/// A stopwatch giving the milliseconds since its previous lap.
struct Lap(Instant);

impl Lap {
    fn next(&mut self) -> f64 {
        let now = Instant::now();
        let ms = (now - self.0).as_secs_f64() * 1e3;
        self.0 = now;
        ms
    }
}

/// The `q` quantile (0..=1) of the sorted samples, nearest-rank.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median of the sorted samples (mean of the middle two if even).
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// Peak resident set size of this process in KiB (`VmHWM`), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `--json PATH` from the arguments (cargo adds `--bench`, ignored), else
/// env `CHARTGEN_BENCH_JSON`.
fn json_path() -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1).map(PathBuf::from))
        .or_else(|| std::env::var_os("CHARTGEN_BENCH_JSON").map(PathBuf::from))
}

fn main() {
    let n: usize = std::env::var("CHARTGEN_BENCH_N")
        .ok()
        .map(|v| v.parse().expect("CHARTGEN_BENCH_N must be a number"))
        .unwrap_or(200);
    assert!(n > 0, "CHARTGEN_BENCH_N must be at least 1");

    let root = tempfile::tempdir().expect("temporary folder");
    let (inputs_dir, out, dist) = (
        root.path().join("in"),
        root.path().join("charts"),
        root.path().join("dist"),
    );
    let names: Vec<String> = (1..=n).map(|i| format!("svc-{i:03}")).collect();
    let warm: Vec<String> = (1..=WARMUP).map(|i| format!("warmup-{i:03}")).collect();
    let inputs = write_inputs(&inputs_dir, &names);
    let warm_inputs = write_inputs(&inputs_dir, &warm);

    let engine = chartgen::Engine::new(chartgen::Blueprints::embedded());
    for path in &warm_inputs {
        render_and_package(&engine, path, &out, &dist).expect("warm-up");
    }

    let mut ms = Vec::with_capacity(n);
    let mut outputs = Vec::with_capacity(n);
    let all = Instant::now();
    for path in &inputs {
        let start = Instant::now();
        let output = render_and_package(&engine, path, &out, &dist)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ms.push(start.elapsed().as_secs_f64() * 1e3);
        outputs.push(output);
    }
    let wall_ms = all.elapsed().as_secs_f64() * 1e3;
    let total_ms: f64 = ms.iter().sum();
    ms.sort_by(f64::total_cmp);
    let peak_kib = peak_rss_kib();

    let files = outputs.iter().map(|o| o.files).sum::<usize>() as f64 / n as f64;
    let bytes = outputs.iter().map(|o| o.archive_bytes).sum::<u64>() as f64 / n as f64;
    let phases: serde_json::Map<String, serde_json::Value> = PHASES
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let mut xs: Vec<f64> = outputs.iter().map(|o| o.phase_ms[i]).collect();
            xs.sort_by(f64::total_cmp);
            (phase.to_string(), median(&xs).into())
        })
        .collect();
    let json = serde_json::json!({
        "tool": "chartgen",
        "version": chartgen::VERSION,
        "n": n,
        "warmup": WARMUP,
        "median_ms": median(&ms),
        "p90_ms": quantile(&ms, 0.9),
        "min_ms": ms[0],
        "max_ms": ms[n - 1],
        "total_ms": total_ms,
        "wall_ms": wall_ms,
        "peak_rss_kib": peak_kib,
        "files_per_chart": files,
        "archive_bytes_per_chart": bytes,
        "phase_median_ms": phases,
    });

    println!("chartgen render+package, {n} services in one process ({WARMUP} warm-up):");
    println!(
        "  per chart: median {:.3} ms, p90 {:.3} ms; total {total_ms:.1} ms",
        median(&ms),
        quantile(&ms, 0.9)
    );
    match peak_kib {
        Some(kib) => println!("  peak RSS: {:.1} MiB", kib as f64 / 1024.0),
        None => println!("  peak RSS: unknown (no /proc/self/status)"),
    }
    let phase_text: Vec<String> = phases
        .iter()
        .map(|(k, v)| format!("{k} {:.3}", v.as_f64().unwrap_or(f64::NAN)))
        .collect();
    println!("  phase medians (ms): {}", phase_text.join(", "));
    println!("  output: {files:.1} files, {bytes:.0} archive bytes per chart");
    println!("BENCH_JSON {json}");
    if let Some(path) = json_path() {
        fs::write(&path, format!("{json}\n"))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
