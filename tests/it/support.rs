//! Shared test helpers: snapshot settings, running the binary, fixtures.

use std::path::{Path, PathBuf};
use std::process::Command;

use chartgen::{Blueprints, Chart, Engine};

/// insta settings: every snapshot in the top-level `snapshots/`, flat.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// A fixture path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Generates the chart for a fixture spec with the built-in blueprints.
pub fn generate(path: &Path) -> chartgen::Result<Chart> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = chartgen::decode_input(&name, std::fs::read(path).unwrap())?;
    let spec = chartgen::load_spec(&name, &text)?;
    Engine::new(Blueprints::embedded())
        .generate(&spec, Some(&text))
        .map_err(|e| e.located(&name, &text))
}

/// Every file of a chart under `==== path ====` headers: one review shows a whole chart.
pub fn concat(chart: &Chart) -> String {
    chart
        .files
        .iter()
        .map(|(path, text)| format!("==== {path} ====\n{text}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the chartgen binary in `cwd`.
pub fn chartgen(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chartgen"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the chartgen binary runs")
}

/// `chartgen` with at most `bytes` of address space, so a run that would
/// need more fails (an allocation error) instead of slowing the machine.
pub fn chartgen_within(cwd: &Path, args: &[&str], bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_chartgen"));
    command.args(args).current_dir(cwd).env("NO_COLOR", "1");
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    command.output().expect("the chartgen binary runs")
}

/// Exit status, stdout and stderr together, for a snapshot.
pub fn transcript(output: &std::process::Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".into(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The YAML documents of a multi-document manifest text.
pub fn documents(text: &str) -> Vec<serde_yaml::Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| serde::Deserialize::deserialize(doc).expect("rendered YAML parses"))
        .filter(|doc: &serde_yaml::Value| !doc.is_null())
        .collect()
}

/// Every file (relative path) under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// Whether this run is CI, where a missing oracle fails instead of skipping.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// An oracle installed by `scripts/setup-oracles.sh`: `$override` if set, else
/// `rel` under `CHARTGEN_ORACLE_HOME` (default `~/.cache/chartgen-oracles`).
pub fn find_oracle(override_var: &str, rel: &str) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(override_var).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let home = match std::env::var_os("CHARTGEN_ORACLE_HOME").filter(|p| !p.is_empty()) {
        Some(home) => PathBuf::from(home),
        None => PathBuf::from(std::env::var_os("HOME").ok_or("HOME is not set")?)
            .join(".cache/chartgen-oracles"),
    };
    let path = home.join(rel);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("{} not found", path.display()))
    }
}

/// SplitMix64: small, seedable, the same on every machine; the one random
/// source of the integration tests, so a failure repeats from its seed.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
