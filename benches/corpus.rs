//! Corpus benchmark: chartgen's side of `scripts/bench.sh`'s comparison
//! with Helm's engine on real charts.
//!
//! Every scenario of the corpus (each chart with its defaults, and with each
//! of its `ci/*.yaml` values files as `-f`), release `release-name` in
//! namespace `default`, as the corpus test renders it:
//!
//! - **in process:** `chartgen template release-name CHART [-f FILE]`
//!   through [`chartgen::run`] into memory (read the values file, load the
//!   chart, process dependencies, coalesce, check the schemas, parse and
//!   render every template, Helm's release output), after one warm-up, `--reps`
//!   times (default 5); the median per scenario. The same job is also timed
//!   in phases through the engine ([`phases`]), to show where the time goes.
//! - **whole process** (with `--process BIN`): BIN spawned the same way,
//!   its standard output read to the end, `--reps` times; the median wall
//!   and CPU times (user + system, of the child waited for), and the peak RSS of one
//!   more run under GNU time.
//!
//! In process, CPU time is the process's (`CLOCK_PROCESS_CPUTIME_ID`):
//! on a busy machine it moves less than wall time.
//!
//! Writes one JSON object per scenario to `--json PATH` (JSON Lines) and
//! prints a summary. `--corpus DIR` (default `$CHARTGEN_CORPUS`, else
//! `../shared/corpus/charts`), `--only SUBSTRING` to keep matching charts,
//! `--skip A,B` to leave out charts whose path contains A or B.
//! `scripts/bench.sh` runs it with `scripts/bench_helm.py --corpus` and
//! compares. Run with `cargo bench --bench corpus -- --process
//! target/release/chartgen`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Parser;
use helm_engine::dependencies::process_dependencies;
use helm_engine::loader::load;
use helm_engine::release::output::{crd_objects, template, TemplateOptions};
use helm_engine::render::capabilities::Capabilities;
use helm_engine::render::set::{Renderer, Target};
use helm_engine::render::{funcs, objects};
use helm_engine::values::{coalesce_values, Values};
use serde_json::json;

/// The allocator the chartgen binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The release name and namespace of every scenario (`helm template`'s
/// defaults, as the corpus test uses).
const RELEASE: &str = "release-name";
const NAMESPACE: &str = "default";

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// One chart with one values file (or its defaults).
struct Scenario {
    chart: PathBuf,
    /// `defaults` or `ci/<file>`.
    what: String,
    file: Option<PathBuf>,
}

impl Scenario {
    /// `chartgen template`'s arguments for this scenario.
    fn args(&self) -> Vec<String> {
        let mut args = vec![
            "template".to_owned(),
            RELEASE.to_owned(),
            self.chart.display().to_string(),
        ];
        if let Some(file) = &self.file {
            args.extend(["-f".to_owned(), file.display().to_string()]);
        }
        args
    }
}

/// Every scenario of `dir`, in the corpus test's order.
fn scenarios(dir: &Path, only: Option<&str>, skip: Option<&str>) -> Vec<Scenario> {
    let mut charts: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Chart.yaml").is_file())
        .filter(|p| only.is_none_or(|o| p.to_string_lossy().contains(o)))
        .filter(|p| {
            skip.is_none_or(|s| {
                s.split(',')
                    .all(|s| s.is_empty() || !p.to_string_lossy().contains(s))
            })
        })
        .collect();
    charts.sort();
    let mut out = Vec::new();
    for chart in charts {
        out.push(Scenario {
            chart: chart.clone(),
            what: "defaults".into(),
            file: None,
        });
        let mut ci: Vec<PathBuf> = std::fs::read_dir(chart.join("ci"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        ci.sort();
        for file in ci {
            out.push(Scenario {
                chart: chart.clone(),
                what: format!("ci/{}", file.file_name().unwrap().to_string_lossy()),
                file: Some(file),
            });
        }
    }
    out
}

/// Whether the chart's templates (its folder's, subchart folders'
/// included) call a function that generates keys or hashes passwords:
/// RSA and bcrypt work whose cost is the same in any implementation.
fn generates_keys(chart: &Path) -> bool {
    const KEYS: [&str; 6] = [
        "genCA",
        "genPrivateKey",
        "genSelfSignedCert",
        "genSignedCert",
        "htpasswd",
        "bcrypt",
    ];
    let mut pending = vec![chart.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                if KEYS.iter().any(|k| text.contains(k))
                    && path.to_string_lossy().contains("templates")
                {
                    return true;
                }
            }
        }
    }
    false
}

/// `chartgen template` in process: the output's length, or the error.
fn run_in_process(args: &[String]) -> Result<usize, String> {
    let cli = chartgen::cli::Cli::try_parse_from(
        std::iter::once("chartgen".to_owned()).chain(args.iter().cloned()),
    )
    .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    chartgen::run(cli, &mut out).map_err(|e| e.to_string())?;
    Ok(out.len())
}

/// The phases of one render, in ms, through the engine as
/// `chartgen template` calls it (`src/commands/template.rs`), or the error.
fn phases(scenario: &Scenario) -> Result<BTreeMap<&'static str, f64>, String> {
    let mut ms = BTreeMap::new();
    let mut clock = Instant::now();
    let mut lap = |ms: &mut BTreeMap<&'static str, f64>, phase| {
        let now = Instant::now();
        ms.insert(phase, (now - clock).as_secs_f64() * 1e3);
        clock = now;
    };
    let shown = scenario.chart.display().to_string();
    let mut loaded = load(&scenario.chart, &shown).map_err(|e| e.to_string())?;
    lap(&mut ms, "load");
    let user: Values = match &scenario.file {
        Some(file) => chartgen::yaml::ValuesSource::from_path(file)
            .map_err(|e| e.to_string())?
            .values(),
        None => Values::new(),
    };
    process_dependencies(&mut loaded, &user).map_err(|e| e.to_string())?;
    let merged = coalesce_values(&loaded, &user).map_err(|e| e.to_string())?;
    lap(&mut ms, "values");
    let violations = chartgen::schema::check_chart(&loaded, &merged).map_err(|e| e.to_string())?;
    if !violations.is_empty() {
        return Err(format!("{} schema violations", violations.len()));
    }
    lap(&mut ms, "schema");
    let renderer = Renderer::new(&loaded, funcs::table()).map_err(|e| e.to_string())?;
    lap(&mut ms, "parse");
    let target = Target {
        release: objects::Release::template(RELEASE, NAMESPACE, false),
        capabilities: Capabilities::new(None, &[]),
        lint: false,
        set: Values::new(),
    };
    let rendered = renderer
        .render(&loaded, &merged, &target)
        .map_err(|e| e.to_string())?;
    lap(&mut ms, "render");
    let crds = crd_objects(&loaded).map_err(|e| e.to_string())?;
    let opts = TemplateOptions {
        include_crds: false,
        no_hooks: false,
        skip_tests: false,
        show_only: Vec::new(),
        output_dir: None,
        release_dir: None,
    };
    template(&rendered, &crds, &opts).map_err(|(_, e)| e.to_string())?;
    lap(&mut ms, "output");
    Ok(ms)
}

/// This process's CPU time so far, in ms (all its threads).
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// One run of `bin` with `args`: wall ms, CPU ms (user + system) and
/// whether it succeeded.
fn run_process(bin: &Path, args: &[String]) -> (f64, f64, bool) {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chartgen starts");
    let mut sink = Vec::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_end(&mut sink)
        .expect("stdout read");
    let before = children_cpu_ms();
    let status = child.wait().expect("chartgen waited for");
    let ms = start.elapsed().as_secs_f64() * 1e3;
    (ms, children_cpu_ms() - before, status.success())
}

/// The CPU time (user + system) in ms of this process's children that have
/// been waited for: one more child's when it has ended.
fn children_cpu_ms() -> f64 {
    // SAFETY: `rusage` is plain data that `getrusage` fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let tv = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// The peak RSS in KiB of one run of `bin` with `args`, through GNU time
/// (`/usr/bin/time -f %M`): a small process forks it, so the figure is
/// chartgen's own. (The child of a `vfork`, as std spawns, inherits its
/// parent's high-water mark: this bench's.) `None` without GNU time.
fn peak_rss_kib(bin: &Path, args: &[String]) -> Option<i64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o", "/dev/stdout", "--"])
        .arg(bin)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    // Standard output is chartgen's, then GNU time's line.
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().last()?.trim().parse().ok()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// This process's peak RSS in KiB.
fn own_peak_rss_kib() -> i64 {
    // SAFETY: as in `run_process`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss
}

fn main() {
    let reps: usize = arg("--reps").map_or(5, |r| r.parse().expect("--reps N"));
    assert!(reps > 0, "--reps must be at least 1");
    let corpus = arg("--corpus")
        .or_else(|| std::env::var("CHARTGEN_CORPUS").ok())
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/charts"),
            PathBuf::from,
        );
    let process = arg("--process").map(PathBuf::from);
    let only = arg("--only");
    let mut lines = String::new();
    let (mut rendered, mut failed) = (0, 0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut in_process = Vec::new();
    let mut whole = Vec::new();
    let mut max_rss = 0;
    for scenario in scenarios(&corpus, only.as_deref(), arg("--skip").as_deref()) {
        let args = scenario.args();
        let name = scenario.chart.file_name().unwrap().to_string_lossy();
        let mut record = json!({
            "chart": name,
            "what": scenario.what,
            "generates_keys": generates_keys(&scenario.chart),
        });
        let first = run_in_process(&args);
        match &first {
            Ok(bytes) => {
                let (mut ms, mut cpu) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
                let mut split: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
                for _ in 0..reps {
                    let (start, cpu_start) = (Instant::now(), cpu_ms());
                    run_in_process(&args).expect("renders as it did");
                    ms.push(start.elapsed().as_secs_f64() * 1e3);
                    cpu.push(cpu_ms() - cpu_start);
                    for (phase, t) in phases(&scenario).expect("the engine renders it too") {
                        split.entry(phase).or_default().push(t);
                    }
                }
                let ms = median(ms);
                in_process.push(ms);
                rendered += 1;
                record["ok"] = json!(true);
                record["bytes"] = json!(bytes);
                record["ms"] = json!(ms);
                record["cpu_ms"] = json!(median(cpu));
                record["phases_ms"] = json!(split
                    .into_iter()
                    .map(|(k, v)| (k, median(v)))
                    .collect::<BTreeMap<_, _>>());
            }
            Err(e) => {
                failed += 1;
                record["ok"] = json!(false);
                record["error"] = json!(e.chars().take(300).collect::<String>());
            }
        }
        if let Some(bin) = &process {
            let runs: Vec<_> = (0..reps).map(|_| run_process(bin, &args)).collect();
            let ms = median(runs.iter().map(|r| r.0).collect());
            let cpu = median(runs.iter().map(|r| r.1).collect());
            let rss = peak_rss_kib(bin, &args).unwrap_or(0);
            let ok = runs.iter().all(|r| r.2);
            assert_eq!(
                ok,
                first.is_ok(),
                "{name} ({}): the binary and the library disagree",
                scenario.what
            );
            if ok {
                whole.push(ms);
                max_rss = max_rss.max(rss);
            }
            record["process_ms"] = json!(ms);
            record["process_cpu_ms"] = json!(cpu);
            record["process_rss_kib"] = json!(rss);
        }
        lines.push_str(&format!("{record}\n"));
    }
    // What spawning costs on this machine: a process that does nothing,
    // and chartgen that only prints its version.
    let floor =
        |bin: &Path, args: &[String]| median((0..50).map(|_| run_process(bin, args).0).collect());
    let (floor_ms, startup_ms) = match &process {
        Some(bin) => (
            floor(Path::new("/bin/true"), &[]),
            floor(bin, &["--version".to_owned()]),
        ),
        None => (0.0, 0.0),
    };
    let summary = json!({
        "summary": true,
        "floor_process_ms": floor_ms,
        "startup_ms": startup_ms,
        "reps": reps,
        "rendered": rendered,
        "failed": failed,
        "in_process_median_ms": if in_process.is_empty() { 0.0 } else { median(in_process.clone()) },
        "in_process_total_ms": in_process.iter().sum::<f64>(),
        "process_median_ms": if whole.is_empty() { 0.0 } else { median(whole.clone()) },
        "process_total_ms": whole.iter().sum::<f64>(),
        "process_max_rss_kib": max_rss,
        "peak_rss_kib": own_peak_rss_kib(),
        "loadavg_start": load.split_whitespace().next().unwrap_or("?"),
        "loadavg_end": std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().next().unwrap_or("?"),
    });
    lines.push_str(&format!("{summary}\n"));
    println!(
        "chartgen on {} ({rendered} scenarios rendered, {failed} refused, {reps} runs each):",
        corpus.display()
    );
    println!(
        "  in process: median {:.3} ms, total {:.1} ms; peak RSS {:.1} MiB",
        summary["in_process_median_ms"].as_f64().unwrap(),
        summary["in_process_total_ms"].as_f64().unwrap(),
        own_peak_rss_kib() as f64 / 1024.0
    );
    if process.is_some() {
        println!(
            "  whole process: median {:.3} ms, total {:.1} ms; largest peak RSS {:.1} MiB",
            summary["process_median_ms"].as_f64().unwrap(),
            summary["process_total_ms"].as_f64().unwrap(),
            max_rss as f64 / 1024.0
        );
    }
    if let Some(path) = arg("--json") {
        std::fs::write(path, lines).expect("JSON written");
    }
}
