//! Bridge to the Python oracles (the real Helm v4 SDK and kubernetes-validate).
//!
//! One `tests/oracle/oracle.py` process serves the whole test binary over
//! JSON lines. Get it with [`oracle()`]; `None` means "skip this test" and is
//! only ever returned outside CI. Set up the oracles with
//! `scripts/setup-oracles.sh`.
//!
//! ```ignore
//! let Some(mut o) = oracle::oracle() else { return };
//! let report = o.lint(&chart_dir, "v1.29.0", None).unwrap();
//! ```

// Each test binary uses only part of this API.
#![allow(dead_code)]

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// An error reported by the oracle, or a failure to talk to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OracleError {
    /// Python exception class name, e.g. `HelmValuesError`, `HelmChartLoadError`,
    /// `BadRequest`; `OracleTransport` when the process could not be reached.
    pub kind: String,
    /// The exception message.
    pub message: String,
}

impl fmt::Display for OracleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for OracleError {}

/// The strict Kubernetes schema check of one YAML document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct KubeFinding {
    /// The document's `kind` (empty if it has none).
    pub kind: String,
    /// The document's `metadata.name` (empty if it has none).
    pub name: String,
    /// Schema violations as `path: message`; empty when the document is valid.
    pub errors: Vec<String>,
}

/// A running oracle process. Obtain one with [`oracle()`].
pub struct Oracle {
    python: PathBuf,
    process: Option<Process>,
    next_id: u64,
    versions: Value,
}

struct Process {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

static ORACLE: OnceLock<Result<Mutex<Oracle>, String>> = OnceLock::new();

/// The shared oracle, or `None` (after printing a `skipping:` line) when it is
/// unavailable. Panics instead when the `CI` env var is `true`: in CI a missing
/// oracle is a failure, never a skip. A guard poisoned by a panicking test is
/// recovered, and its process restarted in case the protocol was mid-request.
pub fn oracle() -> Option<MutexGuard<'static, Oracle>> {
    let shared = ORACLE.get_or_init(|| Oracle::start().map(Mutex::new));
    let mutex = match shared {
        Ok(mutex) => mutex,
        Err(reason) if crate::support::is_ci() => panic!(
            "oracle unavailable in CI ({reason}); run scripts/setup-oracles.sh and/or set CHARTGEN_ORACLE_PYTHON"
        ),
        Err(reason) => {
            eprintln!("skipping: oracle unavailable ({reason})");
            return None;
        }
    };
    Some(mutex.lock().unwrap_or_else(|poisoned| {
        mutex.clear_poison();
        let mut guard = poisoned.into_inner();
        guard.process = None;
        guard
    }))
}

/// `CHARTGEN_ORACLE_PYTHON`, else the venv made by `scripts/setup-oracles.sh`.
fn find_python() -> Result<PathBuf, String> {
    crate::support::find_oracle("CHARTGEN_ORACLE_PYTHON", "venv/bin/python")
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/oracle.py")
}

fn transport(message: impl Into<String>) -> OracleError {
    OracleError {
        kind: "OracleTransport".into(),
        message: message.into(),
    }
}

/// Absolute form of a path, as a string the oracle can use from any cwd.
fn path_arg(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

impl Oracle {
    fn start() -> Result<Oracle, String> {
        let python = find_python()?;
        let mut oracle = Oracle {
            python,
            process: None,
            next_id: 0,
            versions: Value::Null,
        };
        oracle.versions = oracle
            .request(json!({"op": "ping"}))
            .map_err(|e| e.to_string())?;
        Ok(oracle)
    }

    fn spawn(&self) -> Result<Process, OracleError> {
        let mut child = Command::new(&self.python)
            .arg(script())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| transport(format!("cannot run {}: {e}", self.python.display())))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        Ok(Process {
            child,
            stdin,
            stdout,
        })
    }

    /// Versions reported by `ping`: `helm_sdk`, `helm_python_sdk`,
    /// `kubernetes_validate`, `kube_versions` (those `kube_validate` accepts), ...
    pub fn versions(&self) -> &Value {
        &self.versions
    }

    /// Sends one raw request (an object with `"op"`) and returns its `result`.
    /// The process is (re)started on demand; a transport failure drops it so
    /// the next request starts a fresh one.
    pub fn request(&mut self, mut request: Value) -> Result<Value, OracleError> {
        self.next_id += 1;
        request["id"] = json!(self.next_id);
        if self.process.is_none() {
            self.process = Some(self.spawn()?);
        }
        let process = self.process.as_mut().expect("just started");
        let mut line = request.to_string();
        line.push('\n');
        let mut response = String::new();
        let io = process
            .stdin
            .write_all(line.as_bytes())
            .and_then(|()| process.stdin.flush())
            .and_then(|()| process.stdout.read_line(&mut response));
        let response: Value = match io {
            Ok(0) | Err(_) => {
                let status = (0..20)
                    .find_map(|_| {
                        let status = process.child.try_wait().ok().flatten();
                        if status.is_none() {
                            std::thread::sleep(std::time::Duration::from_millis(50));
                        }
                        status
                    })
                    .map_or_else(|| "still running".to_string(), |s| s.to_string());
                self.process = None;
                return Err(transport(format!(
                    "oracle process stopped or unreachable ({}; {status}); see its stderr above",
                    io.map_or_else(|e| e.to_string(), |_| "end of output".into())
                )));
            }
            Ok(_) => serde_json::from_str(&response).map_err(|e| {
                self.process = None;
                transport(format!("bad response line {response:?}: {e}"))
            })?,
        };
        if response["id"] != json!(self.next_id) {
            self.process = None;
            return Err(transport(format!("response out of sequence: {response}")));
        }
        if response["ok"] == json!(true) {
            return Ok(response["result"].clone());
        }
        let text = |key: &str| response["error"][key].as_str().unwrap_or("?").to_string();
        Err(OracleError {
            kind: text("type"),
            message: text("message"),
        })
    }

    /// `helm lint --strict --kube-version <kube_version>` (e.g. `"v1.29.0"`).
    /// Returns `{"total_charts_linted", "messages": [{"severity", "path",
    /// "error"}], "errors"}`; severity 0 unknown, 1 info, 2 warning, 3 error.
    /// Findings are data, not `Err`: even a missing chart gives a report.
    pub fn lint(
        &mut self,
        path: impl AsRef<Path>,
        kube_version: &str,
        values: Option<&Value>,
    ) -> Result<Value, OracleError> {
        self.request(json!({
            "op": "lint", "path": path_arg(path.as_ref()), "strict": true,
            "kube_version": kube_version, "values": values,
        }))
    }

    /// Renders a chart directory or `.tgz` offline: template path (e.g.
    /// `mychart/templates/deployment.yaml`) to manifest text. Includes
    /// `NOTES.txt` and templates that rendered empty; not `_helpers.tpl`.
    pub fn render(
        &mut self,
        path: impl AsRef<Path>,
        values: &Value,
        name: &str,
        namespace: &str,
    ) -> Result<BTreeMap<String, String>, OracleError> {
        let result = self.request(json!({
            "op": "render", "path": path_arg(path.as_ref()), "values": values,
            "name": name, "namespace": namespace,
        }))?;
        serde_json::from_value(result).map_err(|e| transport(format!("render result: {e}")))
    }

    /// Validates `values` against the chart's `values.schema.json` (charts
    /// without one always pass). A violation is `Err` with kind `HelmValuesError`.
    pub fn validate_schema(
        &mut self,
        path: impl AsRef<Path>,
        values: &Value,
    ) -> Result<Value, OracleError> {
        self.request(
            json!({"op": "validate_schema", "path": path_arg(path.as_ref()), "values": values}),
        )
    }

    /// Strictly validates every non-empty document of a multi-document YAML
    /// text against the Kubernetes schemas of `kube_version` (`"1.29.0"` or
    /// `"v1.29.0"`; see `versions()["kube_versions"]`). An unknown
    /// kind/apiVersion is a finding error; an unsupported version is `Err`.
    pub fn kube_validate(
        &mut self,
        manifests: &str,
        kube_version: &str,
    ) -> Result<Vec<KubeFinding>, OracleError> {
        let result = self.request(json!({
            "op": "kube_validate", "manifests": manifests, "kube_version": kube_version,
        }))?;
        serde_json::from_value(result).map_err(|e| transport(format!("kube_validate result: {e}")))
    }

    /// `helm install --dry-run=client` with in-memory storage. Returns the
    /// release summary (`name`, `namespace`, `revision`, `status`, `notes`,
    /// `chart_name`, `chart_version`, `app_version`, `manifest`, ...) plus
    /// `hooks`: `[{"path", "kind", "name", "events", "object"}]`, taken from
    /// an offline render because the SDK summary carries none.
    pub fn install(
        &mut self,
        path: impl AsRef<Path>,
        name: &str,
        namespace: &str,
        values: &Value,
    ) -> Result<Value, OracleError> {
        self.request(json!({
            "op": "install", "path": path_arg(path.as_ref()), "name": name,
            "namespace": namespace, "values": values,
        }))
    }

    /// Loads a `.tgz` from its bytes (`Chart.load_archive`). Returns `name`,
    /// `version`, `metadata`, sorted `templates` and `files` names, `values`
    /// and `schema` (null when the chart ships none).
    pub fn load_archive(&mut self, path: impl AsRef<Path>) -> Result<Value, OracleError> {
        self.request(json!({"op": "load_archive", "path": path_arg(path.as_ref())}))
    }

    /// `helm package` into `destination` (created if missing); returns the archive path.
    pub fn package(
        &mut self,
        path: impl AsRef<Path>,
        destination: impl AsRef<Path>,
    ) -> Result<PathBuf, OracleError> {
        let result = self.request(json!({
            "op": "package", "path": path_arg(path.as_ref()),
            "destination": path_arg(destination.as_ref()),
        }))?;
        path_result(result)
    }

    /// A values text as Helm reads it: `reader` is `"values_from_yaml"` (the
    /// SDK's one-document reader) or `"values_file"` (a chart's values.yaml
    /// through the chart loader, as `-f` files are read).
    pub fn values_yaml(&mut self, text: &str, reader: &str) -> Result<Value, OracleError> {
        self.request(json!({"op": "values_yaml", "text": text, "reader": reader}))
    }

    /// Whether `helm install --dry-run=client` accepts `values` for the chart
    /// at `path`: `Ok` when it does, its error (a `HelmReleaseError` reading
    /// "values don't meet the specifications of the schema(s)" for a schema
    /// refusal) when it does not.
    pub fn install_check(
        &mut self,
        path: impl AsRef<Path>,
        values: &Value,
    ) -> Result<(), OracleError> {
        self.request(json!({
            "op": "install_check", "path": path_arg(path.as_ref()), "values": values,
        }))
        .map(|_| ())
    }

    /// The manifest `helm install --dry-run=client` renders for the chart at
    /// `path` with `values`.
    pub fn install_manifest(
        &mut self,
        path: impl AsRef<Path>,
        values: &Value,
    ) -> Result<String, OracleError> {
        let result = self.request(json!({
            "op": "install_check", "path": path_arg(path.as_ref()), "values": values,
            "manifest": true,
        }))?;
        result
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| transport(format!("expected a manifest, got {result}")))
    }

    /// `helm create <name>` inside `dir` (created if missing); returns the chart directory.
    pub fn create(&mut self, name: &str, dir: impl AsRef<Path>) -> Result<PathBuf, OracleError> {
        let result = self
            .request(json!({"op": "create", "name": name, "directory": path_arg(dir.as_ref())}))?;
        path_result(result)
    }
}

fn path_result(result: Value) -> Result<PathBuf, OracleError> {
    match result {
        Value::String(path) => Ok(PathBuf::from(path)),
        other => Err(transport(format!("expected a path, got {other}"))),
    }
}
