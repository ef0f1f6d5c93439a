//! Speed figures: lexing and parsing throughput on a CRD-sized text, and
//! parse + execute of a Helm-like chart (helpers, `include`, `range`,
//! `with`, `printf`).
//!
//! `cargo run --release -p gotemplate --example speed` (times are CPU time
//! per run on Linux, so a busy machine disturbs them less).

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gotemplate::{builtins, lex, Call, FuncTable, Map, MapKind, Result, TemplateSet, Value};

/// A CRD-like text: YAML with a few actions, about 1 MB.
fn crd_text() -> String {
    let mut s = String::from("{{- if .Values.crds.enabled }}\n");
    let block = "      properties:\n        spec:\n          description: The desired state of the resource, as the user declares it.\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n";
    while s.len() < 1 << 20 {
        s.push_str(block);
        s.push_str("          # {{ .Release.Name }} managed\n");
    }
    s.push_str("{{- end }}\n");
    s
}

const HELPERS: &str = r#"
{{- define "app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "app.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
"#;

const DEPLOYMENT: &str = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "app.labels" . | nindent 6 }}
  template:
    spec:
      containers:
        {{- range $i, $c := .Values.containers }}
        - name: {{ $c.name }}
          image: "{{ $c.image.repository }}:{{ $c.image.tag | default $.Chart.AppVersion }}"
          {{- with $c.ports }}
          ports:
            {{- range . }}
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: {{ .protocol | default "TCP" }}
            {{- end }}
          {{- end }}
          {{- if $c.env }}
          env:
            {{- range $k, $v := $c.env }}
            - name: {{ $k }}
              value: {{ printf "%v" $v | quote }}
            {{- end }}
          {{- end }}
        {{- end }}
"#;

fn include(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let name = c.str(0)?.to_string();
    let dot = c.arg(1).clone();
    Ok(Value::string(c.host.execute_template(&name, dot)?))
}

fn default(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(if c.arg(1).is_true() {
        c.arg(1)
    } else {
        c.arg(0)
    }
    .clone())
}

fn trunc(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let n = usize::try_from(c.int(0)?).unwrap_or(0);
    let s = c.str(1)?;
    Ok(Value::string(s.get(..n).unwrap_or(s)))
}

fn trim_suffix(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let s = c.str(1)?;
    Ok(Value::string(s.strip_suffix(c.str(0)?).unwrap_or(s)))
}

fn contains(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(c.str(1)?.contains(c.str(0)?)))
}

fn nindent(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let pad = " ".repeat(usize::try_from(c.int(0)?).unwrap_or(0));
    let body = c.str(1)?.replace('\n', &format!("\n{pad}"));
    Ok(Value::string(format!("\n{pad}{body}")))
}

fn quote(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::string(gotemplate::fmt::quote(c.str(0)?)))
}

fn funcs() -> Arc<FuncTable> {
    let mut t = builtins::table();
    t.register("include", include);
    t.register("default", default);
    t.register("trunc", trunc);
    t.register("trimSuffix", trim_suffix);
    t.register("contains", contains);
    t.register("nindent", nindent);
    t.register("quote", quote);
    Arc::new(t)
}

fn map(entries: &[(&str, Value)]) -> Value {
    let m = Map::default();
    for (k, v) in entries {
        m.insert(*k, v.clone());
    }
    Value::Map(m)
}

fn top() -> Value {
    let containers: Vec<Value> = (0..3)
        .map(|i| {
            map(&[
                ("name", Value::string(format!("c{i}"))),
                (
                    "image",
                    map(&[
                        ("repository", Value::string("nginx")),
                        ("tag", Value::string("")),
                    ]),
                ),
                (
                    "ports",
                    Value::list(vec![map(&[
                        ("name", Value::string("http")),
                        ("port", Value::Float(8080.0)),
                    ])]),
                ),
                (
                    "env",
                    map(&[
                        ("A", Value::string("1")),
                        ("B", Value::Float(1e6)),
                        ("C", Value::Bool(true)),
                    ]),
                ),
            ])
        })
        .collect();
    let values = Map::new(MapKind::Values);
    values.insert("replicaCount", Value::Float(2.0));
    values.insert("autoscaling", map(&[("enabled", Value::Bool(false))]));
    values.insert("containers", Value::list(containers));
    values.insert("crds", map(&[("enabled", Value::Bool(true))]));
    map(&[
        ("Values", Value::Map(values)),
        (
            "Chart",
            map(&[
                ("Name", Value::string("app")),
                ("AppVersion", Value::string("1.2.3")),
            ]),
        ),
        (
            "Release",
            map(&[
                ("Name", Value::string("release-name")),
                ("Service", Value::string("Helm")),
            ]),
        ),
    ])
}

/// CPU time this thread has run, from Linux's schedstat: unlike the wall
/// clock, it does not count time spent waiting while other processes run
/// (the machine is shared). Falls back to the wall clock elsewhere.
fn cpu_now() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs `f` repeatedly for about `budget` of CPU time and returns the CPU
/// time per run.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let wall = Instant::now();
    let cpu = cpu_now();
    let spent = || match (cpu, cpu_now()) {
        (Some(a), Some(b)) => b - a,
        _ => wall.elapsed(),
    };
    let mut n = 0u32;
    while spent() < budget {
        f();
        n += 1;
    }
    spent() / n.max(1)
}

fn main() {
    let budget = Duration::from_millis(1500);
    let crd = crd_text();
    let mb = crd.len() as f64 / (1 << 20) as f64;

    let lex_time = time(budget, || {
        black_box(lex::tokens(black_box(&crd), "", "").len());
    });
    println!(
        "lex    {:.2} MiB CRD text: {:>8.1} µs  ({:.0} MiB/s)",
        mb,
        lex_time.as_secs_f64() * 1e6,
        mb / lex_time.as_secs_f64()
    );

    let plain = "x".repeat(1 << 20);
    let plain_time = time(budget, || {
        black_box(lex::tokens(black_box(&plain), "", "").len());
    });
    println!(
        "lex    1.00 MiB plain text: {:>8.1} µs  ({:.0} MiB/s)",
        plain_time.as_secs_f64() * 1e6,
        1.0 / plain_time.as_secs_f64()
    );
    println!(
        "       ({} tokens in the CRD text)",
        lex::tokens(&crd, "", "").len()
    );

    let funcs = funcs();
    let parse_time = time(budget, || {
        let mut set = TemplateSet::new(funcs.clone());
        set.parse("crd.yaml", black_box(&crd)).unwrap();
        black_box(set);
    });
    println!(
        "parse  {:.2} MiB CRD text: {:>8.1} µs  ({:.0} MiB/s)",
        mb,
        parse_time.as_secs_f64() * 1e6,
        mb / parse_time.as_secs_f64()
    );

    let dot = top();
    let mut set = TemplateSet::new(funcs.clone());
    set.parse("crd.yaml", &crd).unwrap();
    let exec_crd = time(budget, || {
        black_box(set.execute("crd.yaml", dot.clone()).unwrap());
    });
    println!(
        "exec   {:.2} MiB CRD text: {:>8.1} µs",
        mb,
        exec_crd.as_secs_f64() * 1e6
    );

    let chart_parse = time(budget, || {
        let mut set = TemplateSet::new(funcs.clone());
        set.parse("app/templates/_helpers.tpl", HELPERS).unwrap();
        set.parse("app/templates/deployment.yaml", DEPLOYMENT)
            .unwrap();
        black_box(set);
    });
    let mut set = TemplateSet::new(funcs.clone());
    set.parse("app/templates/_helpers.tpl", HELPERS).unwrap();
    set.parse("app/templates/deployment.yaml", DEPLOYMENT)
        .unwrap();
    let out = set
        .execute("app/templates/deployment.yaml", dot.clone())
        .unwrap();
    let chart_exec = time(budget, || {
        black_box(
            set.execute("app/templates/deployment.yaml", dot.clone())
                .unwrap(),
        );
    });
    println!(
        "helm-like deployment ({} bytes out): parse {:.1} µs, execute {:.1} µs",
        out.len(),
        chart_parse.as_secs_f64() * 1e6,
        chart_exec.as_secs_f64() * 1e6
    );
}
