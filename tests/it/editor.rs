//! Editor conformance: the modelines chartgen writes work in a real editor client.
//!
//! `chartgen.yaml` and every `values*.yaml` start with
//! `# yaml-language-server: $schema=<file>.schema.json`, a path relative to the
//! file, so an editor checks them offline. These tests drive the real
//! `yaml-language-server` over stdio as an editor does (`initialize`, `didOpen`
//! of a file on disk, read `publishDiagnostics`) with its schema store off, so
//! every schema diagnostic comes from the schema the modeline names. A clean
//! file must give no diagnostic; a typo or a wrong type must give one on the
//! offending line. Together they fail if a modeline is missing (no typo is
//! flagged) or points nowhere (the server reports it cannot load the schema).
//!
//! The server comes from `scripts/setup-oracles.sh` or `CHARTGEN_YAML_LS`.
//! Without it these tests skip locally; under `CI=true` they fail. One server
//! per test checks all of the test's documents at once, and every wait is
//! bounded, so a wedged server fails a test instead of hanging the suite.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chartgen::{Blueprints, Chart, Engine};
use serde_json::{json, Value};

use crate::support::fixture;

/// The longest any single exchange with the server may take.
const WAIT: Duration = Duration::from_secs(20);

/// Charts whose editor-facing files must all be clean.
const CLEAN_SPECS: &[&str] = &[
    "specs/web-full.yaml",
    "specs/cronjob.yaml",
    "specs/datastore.yaml",
];

#[test]
fn generated_files_have_no_diagnostics() {
    let Some(mut server) = server() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for spec in CLEAN_SPECS {
        let chart = chart(spec);
        let dir = chart.write(tmp.path(), false).unwrap();
        let editable: Vec<&String> = chart.files.keys().filter(|f| is_editable(f)).collect();
        assert!(
            editable.len() >= 5,
            "{spec}: expected chartgen.yaml and four values files, got {editable:?}"
        );
        files.extend(editable.into_iter().map(|f| dir.join(f)));
    }

    let found = server.diagnose(&files);
    let dirty: Vec<String> = files
        .iter()
        .zip(&found)
        .filter(|(_, diagnostics)| !diagnostics.is_empty())
        .map(|(file, diagnostics)| format!("{}:\n{}", rel(file, tmp.path()), list(diagnostics)))
        .collect();
    assert!(
        dirty.is_empty(),
        "the editor flags generated files:\n{}",
        dirty.join("\n")
    );
}

/// An edit whose result is one offending line.
enum Edit {
    /// Adds this line at the end of the file.
    Append(&'static str),
    /// Inserts the second line right after the first line starting with the first.
    InsertAfter(&'static str, &'static str),
    /// Replaces the first line starting with the first by the second.
    Replace(&'static str, &'static str),
}

const NOT_ALLOWED: &str = "is not allowed";
const WRONG_TYPE: &str = "Incorrect type";

/// Mistakes a user makes while editing the `web-full` chart: the file, the
/// edit, and a fragment of the diagnostic expected on the edited line. Every
/// values file gets a top-level typo, so each one's own modeline is exercised.
#[rustfmt::skip]
const MISTAKES: &[(&str, Edit, &str)] = &[
    ("values.yaml",         Edit::Append("replicaCunt: 2"),                          NOT_ALLOWED),
    ("values.yaml",         Edit::InsertAfter("image:", "  tga: x"),                 NOT_ALLOWED),
    ("values.yaml",         Edit::Replace("replicaCount:", "replicaCount: \"two\""), WRONG_TYPE),
    ("values-dev.yaml",     Edit::Append("replicaCunt: 2"),                          NOT_ALLOWED),
    ("values-staging.yaml", Edit::Append("replicaCunt: 2"),                          NOT_ALLOWED),
    ("values-prod.yaml",    Edit::Append("replicaCunt: 2"),                          NOT_ALLOWED),
    ("values-prod.yaml",    Edit::InsertAfter("image:", "  tga: x"),                 NOT_ALLOWED),
    ("values-prod.yaml",    Edit::Replace("replicaCount:", "replicaCount: two"),     WRONG_TYPE),
    ("chartgen.yaml",       Edit::Append("imgae: x"),                                NOT_ALLOWED),
    ("chartgen.yaml",       Edit::InsertAfter("resources:", "  cpuu: 1"),            NOT_ALLOWED),
    ("chartgen.yaml",       Edit::Replace("replicas:", "replicas: two"),             WRONG_TYPE),
];

#[test]
fn mistakes_are_flagged_on_their_line() {
    let Some(mut server) = server() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let chart = chart("specs/web-full.yaml");
    let mut files = Vec::new();
    let mut lines = Vec::new();
    // One chart folder per mistake: the edited file keeps its name beside its schema.
    for (i, (file, edit, _)) in MISTAKES.iter().enumerate() {
        let mut edited = chart.clone();
        let text = edited.files.get_mut(*file).unwrap();
        let (new_text, line) = edit.apply(text);
        *text = new_text;
        let dir = edited
            .write(&tmp.path().join(i.to_string()), false)
            .unwrap();
        files.push(dir.join(file));
        lines.push(line);
    }

    let found = server.diagnose(&files);
    let mut missed = Vec::new();
    for (((&(_, _, message), file), line), diagnostics) in
        MISTAKES.iter().zip(&files).zip(&lines).zip(&found)
    {
        // The source names the schema that judged the file: the modeline's.
        let flagged = diagnostics.iter().any(|d| {
            d.line == *line && d.message.contains(message) && d.source.starts_with("yaml-schema: ")
        });
        if !flagged {
            missed.push(format!(
                "{} (line {}: `{}`): want a diagnostic containing {:?} on that line, got:\n{}",
                rel(file, tmp.path()),
                line + 1,
                std::fs::read_to_string(file)
                    .unwrap()
                    .lines()
                    .nth(*line)
                    .unwrap(),
                message,
                list(diagnostics)
            ));
        }
    }
    assert!(
        missed.is_empty(),
        "the editor misses mistakes:\n{}",
        missed.join("\n")
    );
}

impl Edit {
    /// The edited text and the 0-based line of the offending key in it.
    fn apply(&self, text: &str) -> (String, usize) {
        let mut lines: Vec<&str> = text.lines().collect();
        let find = |prefix: &str| {
            lines
                .iter()
                .position(|l| l.starts_with(prefix))
                .unwrap_or_else(|| panic!("no line starts with `{prefix}` in:\n{text}"))
        };
        let line = match *self {
            Edit::Append(new) => {
                lines.push(new);
                lines.len() - 1
            }
            Edit::InsertAfter(prefix, new) => {
                let at = find(prefix) + 1;
                lines.insert(at, new);
                at
            }
            Edit::Replace(prefix, new) => {
                let at = find(prefix);
                lines[at] = new;
                at
            }
        };
        (lines.join("\n") + "\n", line)
    }
}

/// The chart for a fixture spec as `chartgen new` writes it: without an input
/// text, chartgen.yaml is written out commented, modeline first.
fn chart(spec: &str) -> Chart {
    let path = fixture(spec);
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = chartgen::load_spec(spec, &text).unwrap();
    Engine::new(Blueprints::embedded())
        .generate(&spec, None)
        .unwrap()
}

/// Files a user edits and an editor checks: chartgen.yaml and the values files.
fn is_editable(file: &str) -> bool {
    file == "chartgen.yaml" || (file.starts_with("values") && file.ends_with(".yaml"))
}

fn rel(file: &Path, root: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

fn list(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "  (none)".into();
    }
    diagnostics
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

// --- the LSP client ---------------------------------------------------------

/// One diagnostic of a `textDocument/publishDiagnostics`.
#[derive(Debug)]
struct Diagnostic {
    /// 0-based line the range starts on.
    line: usize,
    message: String,
    source: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {} [{}]",
            self.line + 1,
            self.message,
            self.source
        )
    }
}

/// Editor settings, answered to every `workspace/configuration` request by
/// section. The schema store and the CRD store are off: nothing is fetched,
/// so only modelines associate schemas.
fn settings() -> Value {
    json!({
        "yaml": {
            "validate": true,
            "hover": false,
            "completion": false,
            "format": { "enable": false },
            "schemaStore": { "enable": false, "url": "" },
            "kubernetesCRDStore": { "enable": false },
        },
        "http": { "proxy": "", "proxyStrictSSL": false },
        "[yaml]": { "yaml.validate": true },
        "editor": {},
    })
}

/// A running yaml-language-server, killed on drop.
struct Server {
    child: Child,
    /// Messages to the server, written by a thread of their own so that
    /// neither the test nor the reader ever blocks on a full pipe.
    outbox: Sender<Value>,
    /// Notifications and responses from the server; its requests are
    /// answered on the reader thread.
    inbox: Receiver<Value>,
    /// The server's stderr so far, for error messages.
    stderr: Arc<Mutex<String>>,
    next_id: u64,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A started server, or `None` (after printing a `skipping:` line) when it is
/// unavailable. Under `CI=true` an unavailable server is a failure.
fn server() -> Option<Server> {
    match Server::start() {
        Ok(server) => Some(server),
        Err(reason) if crate::support::is_ci() => panic!(
            "yaml-language-server unavailable in CI ({reason}); run scripts/setup-oracles.sh or set CHARTGEN_YAML_LS"
        ),
        Err(reason) => {
            eprintln!("skipping: yaml-language-server unavailable ({reason})");
            None
        }
    }
}

/// `CHARTGEN_YAML_LS`, else the one `scripts/setup-oracles.sh` installs.
fn find_server() -> Result<PathBuf, String> {
    crate::support::find_oracle(
        "CHARTGEN_YAML_LS",
        "node/node_modules/.bin/yaml-language-server",
    )
}

impl Server {
    /// Spawns the server and completes the LSP handshake, with the settings applied.
    fn start() -> Result<Server, String> {
        let program = find_server()?;
        let mut child = Command::new(&program)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();

        let (outbox, outgoing) = mpsc::channel::<Value>();
        thread::spawn(move || {
            for message in outgoing {
                if write_message(&mut stdin, &message).is_err() {
                    break;
                }
            }
        });
        let (incoming, inbox) = mpsc::channel();
        let replies = outbox.clone();
        thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            while let Some(message) = read_message(&mut stdout) {
                let sent = if message.get("method").is_some() && message.get("id").is_some() {
                    let result = answer(&message);
                    replies
                        .send(json!({ "jsonrpc": "2.0", "id": message["id"], "result": result }))
                        .is_ok()
                } else {
                    incoming.send(message).is_ok()
                };
                if !sent {
                    break;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&log);
        thread::spawn(move || {
            let mut buf = [0; 4096];
            while let Ok(n @ 1..) = stderr.read(&mut buf) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });

        let mut server = Server {
            child,
            outbox,
            inbox,
            stderr: log,
            next_id: 0,
        };
        let root = std::env::temp_dir();
        // With our process id the server also exits on its own if this test binary dies.
        server.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                "rootUri": file_uri(&root),
                "capabilities": {
                    "workspace": { "configuration": true },
                    "textDocument": { "publishDiagnostics": {} },
                },
            }),
        )?;
        server.notify("initialized", json!({}))?;
        // codeLens waits for the settings the server pulls on `initialized`:
        // documents opened after it are validated once, with those settings.
        server.request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": file_uri(&root.join("chartgen-editor-barrier.yaml")) } }),
        )?;
        Ok(server)
    }

    /// Opens each file as an editor does and returns its diagnostics, in order.
    /// Panics if the server does not answer for every file within [`WAIT`].
    fn diagnose(&mut self, files: &[PathBuf]) -> Vec<Vec<Diagnostic>> {
        let uris: Vec<String> = files.iter().map(|f| file_uri(f)).collect();
        for (file, uri) in files.iter().zip(&uris) {
            let text = std::fs::read_to_string(file).unwrap();
            let doc = json!({ "uri": uri, "languageId": "yaml", "version": 1, "text": text });
            self.notify("textDocument/didOpen", json!({ "textDocument": doc }))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let mut found: Vec<Option<Vec<Diagnostic>>> = files.iter().map(|_| None).collect();
        let deadline = Instant::now() + WAIT;
        while found.iter().any(Option::is_none) {
            let message = self.receive(deadline).unwrap_or_else(|e| {
                let waiting: Vec<&str> = uris
                    .iter()
                    .zip(&found)
                    .filter(|(_, f)| f.is_none())
                    .map(|(u, _)| u.as_str())
                    .collect();
                panic!("no diagnostics for {waiting:?}: {e}")
            });
            if message["method"] != "textDocument/publishDiagnostics" {
                continue;
            }
            let params = &message["params"];
            // The first publish after the open is the validation of the opened text.
            if let Some(i) = uris.iter().position(|u| params["uri"] == *u) {
                found[i].get_or_insert_with(|| diagnostics(&params["diagnostics"]));
            }
        }
        for uri in &uris {
            let _ = self.notify(
                "textDocument/didClose",
                json!({ "textDocument": { "uri": uri } }),
            );
        }
        found.into_iter().map(Option::unwrap).collect()
    }

    /// Sends a request and waits for its result.
    fn request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))?;
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self
                .receive(deadline)
                .map_err(|e| format!("`{method}`: {e}"))?;
            if message["id"] == id {
                return match message.get("error") {
                    Some(error) => Err(format!("`{method}` failed: {error}")),
                    None => Ok(message["result"].clone()),
                };
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) -> Result<(), String> {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
    }

    fn send(&mut self, message: Value) -> Result<(), String> {
        self.outbox
            .send(message)
            .map_err(|_| format!("cannot write to the server{}", self.log()))
    }

    fn receive(&mut self, deadline: Instant) -> Result<Value, String> {
        let left = deadline.saturating_duration_since(Instant::now());
        self.inbox.recv_timeout(left).map_err(|e| match e {
            RecvTimeoutError::Timeout => format!("no answer within {WAIT:?}{}", self.log()),
            RecvTimeoutError::Disconnected => format!("the server exited{}", self.log()),
        })
    }

    fn log(&self) -> String {
        let log = self.stderr.lock().unwrap();
        if log.trim().is_empty() {
            String::new()
        } else {
            format!("; its stderr:\n{log}")
        }
    }
}

/// The client's answer to a server request: the settings sections it asks for,
/// or `null` (an acceptable result for every other request it makes).
fn answer(request: &Value) -> Value {
    if request["method"] != "workspace/configuration" {
        return Value::Null;
    }
    let settings = settings();
    let items = request["params"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .map(|item| {
            item["section"]
                .as_str()
                .and_then(|s| settings.get(s))
                .cloned()
                .unwrap_or(Value::Null)
        })
        .collect()
}

fn diagnostics(list: &Value) -> Vec<Diagnostic> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|d| Diagnostic {
            line: d["range"]["start"]["line"]
                .as_u64()
                .map_or(usize::MAX, |l| l as usize),
            message: d["message"].as_str().unwrap_or_default().to_owned(),
            source: d["source"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// One `Content-Length`-framed message, or `None` at the end of the stream.
fn read_message(input: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if input.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; length?];
    input.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn write_message(output: &mut impl Write, message: &Value) -> std::io::Result<()> {
    let body = message.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

/// A `file://` URI, percent-encoding all but unreserved characters and `/`.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}
