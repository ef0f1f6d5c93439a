#!/usr/bin/env bash
# Three benchmarks of chartgen against the Helm SDK:
#
# 1. render + package: chartgen's `render --package` of N services against
#    Helm's `create` + `package` of N charts (what a user runs to start).
# 2. the same job: rendering one chart's templates with its production
#    overlay, chartgen's own renderer (what `chartgen lint CHART` runs)
#    against Helm's engine (`helm template`), both in memory.
#
# 3. real charts: every scenario of the chart corpus (each chart with its
#    defaults and with each ci/*.yaml), `chartgen template` in process and
#    as a whole process against Helm's engine in process (the SDK's
#    Chart.load + render), per scenario; see scripts/bench_report.py for
#    the ratios it prints (goal: >= 10x in process at the median and at the
#    slowest tenth, >= 5x as a whole process) and peak memory on both sides.
#    The corpus is $CHARTGEN_CORPUS, else ../shared/corpus/charts; without
#    it this part is skipped.
#
#   bash scripts/bench.sh            # all three; 200 charts each for 1.
#   bash scripts/bench.sh corpus     # only 3. (also: package, template)
#   CHARTGEN_BENCH_N=50 CHARTGEN_BENCH_REPS=3 bash scripts/bench.sh
#
# Builds the `render_package` bench in release mode, runs it and
# scripts/bench_helm.py with the same N, each in one process, and prints
# median ms per chart for each, the ratio Helm/chartgen (target: >= 10) and
# chartgen's peak RSS. Both write into temporary folders under ${TMPDIR:-/tmp},
# so set TMPDIR to compare on another filesystem (e.g. TMPDIR=/dev/shm).
#
# Helm comes from the Python SDK (helm-python-sdk, Helm v4) in the venv
# ~/.cache/chartgen-oracles/venv, made by scripts/setup-oracles.sh if present,
# else here.
set -euo pipefail

cd "$(dirname "$0")/.."
export CHARTGEN_BENCH_N="${CHARTGEN_BENCH_N:-200}"
ORACLES="${HOME}/.cache/chartgen-oracles"
PY="${ORACLES}/venv/bin/python"

if ! "$PY" -c 'import helm_python' 2>/dev/null; then
    if [[ -x scripts/setup-oracles.sh || -f scripts/setup-oracles.sh ]]; then
        bash scripts/setup-oracles.sh
    else
        echo "setting up ${ORACLES}/venv (helm-python-sdk)" >&2
        mkdir -p "$ORACLES"
        python3 -m venv "${ORACLES}/venv"
        "$PY" -m pip install --quiet helm-python-sdk==0.2.2
    fi
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
part="${1:-all}"
case "$part" in all|package|template|corpus) ;; *) echo "usage: $0 [all|package|template|corpus]" >&2; exit 2 ;; esac

corpus() {
    local dir="${CHARTGEN_CORPUS:-../shared/corpus/charts}"
    local reps="${CHARTGEN_BENCH_REPS:-5}"
    if [[ ! -d "$dir" ]]; then
        echo "== real charts: skipped (no corpus at $dir; set CHARTGEN_CORPUS) =="
        return
    fi
    echo "== real charts: chartgen (in process, then one process per scenario) =="
    cargo build --quiet --release --locked
    cargo bench --quiet --locked --bench corpus -- --corpus "$dir" --reps "$reps" \
        --process target/release/chartgen --json "$out/chartgen-corpus.jsonl"
    echo
    echo "== real charts: Helm SDK (in process) =="
    # Helm prints coalescing warnings on stderr, as `helm template` does.
    "$PY" scripts/bench_helm.py --corpus "$dir" --reps "$reps" \
        --json "$out/helm-corpus.jsonl" 2>/dev/null
    echo
    echo "== real charts: Helm / chartgen =="
    "$PY" scripts/bench_report.py "$out/chartgen-corpus.jsonl" "$out/helm-corpus.jsonl"
}

if [[ "$part" == corpus ]]; then
    corpus
    exit 0
fi

if [[ "$part" != template ]]; then
echo "== chartgen (cargo bench, release profile) =="
cargo bench --quiet --bench render_package -- --json "$out/chartgen.json"
echo
echo "== Helm SDK =="
"$PY" scripts/bench_helm.py --json "$out/helm.json"
echo
fi

if [[ "$part" != package ]]; then

echo "== template rendering: chartgen (cargo bench) =="
cargo bench --quiet --bench template -- --chart-dir "$out" --json "$out/chartgen-template.json"
echo
echo "== template rendering: Helm SDK =="
"$PY" scripts/bench_helm.py --template "$out/web-api" --json "$out/helm-template.json"
echo

"$PY" - "$out/chartgen-template.json" "$out/helm-template.json" <<'EOF'
import json, sys

cg, hm = (json.load(open(p)) for p in sys.argv[1:3])
ratio = hm["median_ms"] / cg["median_ms"]
print("template rendering (the same job: parse and render one chart's templates)")
print(f"  chartgen median ms/render  {cg['median_ms']:.3f}  (p90 {cg['p90_ms']:.3f})")
print(f"  Helm median ms/render      {hm['median_ms']:.3f}  (p90 {hm['p90_ms']:.3f})")
print(f"  ratio Helm/chartgen        {ratio:.2f}x  (target >= 10x: {'met' if ratio >= 10 else 'NOT met'})")
print(f"  rendered bytes             {cg['rendered_bytes']} vs {hm['rendered_bytes']}")
print()
EOF
fi

if [[ "$part" != template ]]; then

"$PY" - "$out/chartgen.json" "$out/helm.json" "${TMPDIR:-/tmp}" <<'EOF'
import json, subprocess, sys

cg, hm = (json.load(open(p)) for p in sys.argv[1:3])
fs = subprocess.run(["stat", "-f", "-c", "%T", sys.argv[3]],
                    capture_output=True, text=True).stdout.strip() or "?"
ratio = hm["median_ms"] / cg["median_ms"]
rows = [
    ("charts per tool (one process each)", f"{cg['n']}"),
    ("temp filesystem", f"{sys.argv[3]} ({fs})"),
    ("chartgen median ms/chart", f"{cg['median_ms']:.3f}  (p90 {cg['p90_ms']:.3f})"),
    ("Helm median ms/chart", f"{hm['median_ms']:.3f}  (p90 {hm['p90_ms']:.3f})"),
    ("ratio Helm/chartgen", f"{ratio:.2f}x  (target >= 10x: {'met' if ratio >= 10 else 'NOT met'})"),
    ("chartgen peak RSS MiB",
     f"{cg['peak_rss_kib'] / 1024:.1f}" if cg["peak_rss_kib"] else "n/a"),
    ("files/chart chartgen vs Helm", f"{cg['files_per_chart']:.0f} vs {hm['files_per_chart']:.0f}"),
    ("archive bytes/chart chartgen vs Helm",
     f"{cg['archive_bytes_per_chart']:.0f} vs {hm['archive_bytes_per_chart']:.0f}"),
]
width = max(len(k) for k, _ in rows)
for k, v in rows:
    print(f"{k:<{width}}  {v}")
EOF
fi

if [[ "$part" == all ]]; then
    echo
    corpus
fi
