#!/usr/bin/env python3
"""Helm's side of ``scripts/bench.sh``: ``Chart.create`` + ``package`` N charts.

With ``--corpus DIR`` it times Helm's engine on every scenario of a chart
corpus (each chart with its defaults and with each ``ci/*.yaml`` as ``-f``,
release ``release-name`` in ``default``), the anchor of chartgen's speed goal:
per run, the values file read (``values_from_yaml``), ``Chart.load`` and
``render(..., is_install=True)``, after one warm-up, ``--reps`` times (default
5); the median per scenario, with the load and render phases apart. Writes
JSON Lines (one object per scenario, then a summary with the process's peak
RSS) to ``--json``.

With ``--template CHART_DIR`` it times the other comparison instead: the
chart's templates rendered N times (default 500, env
``CHARTGEN_BENCH_TEMPLATE_N``) with its ``values-prod.yaml``, as
``helm template`` renders them (``Chart.render``; the chart is loaded once,
outside the timing, as chartgen's side reads it once).

In one process, for N charts (default 200, env ``CHARTGEN_BENCH_N`` or
``--n``), each chart is timed on its own: ``helm.Chart.create(name, charts)``
(the ``helm create`` scaffold, which the SDK also loads back) and
``helm.package(chart, destination=dist)``. Only the two SDK calls are inside
``time.perf_counter()``; folders are made and handles closed outside it.
A short warm-up runs first.

Prints a readable summary and one ``BENCH_JSON {...}`` line; ``--json PATH``
also writes the JSON to PATH. Needs the ``helm-python-sdk`` package (Helm
v4 SDK), e.g. the venv made by ``scripts/bench.sh``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import helm_python as helm

WARMUP = 10
"""Charts created and packaged before timing starts."""

PHASES = ("create", "package")


def create_and_package(name: str, charts: Path, dist: Path) -> tuple[float, float, Path]:
    """Times one chart: returns (create ms, package ms, archive path)."""
    start = time.perf_counter()
    chart = helm.Chart.create(name, charts)
    created = time.perf_counter()
    chart.close()
    resumed = time.perf_counter()
    archive = helm.package(charts / name, destination=dist)
    done = time.perf_counter()
    return (created - start) * 1e3, (done - resumed) * 1e3, Path(archive)


def quantile(sorted_xs: list[float], q: float) -> float:
    """Nearest-rank quantile, as in the Rust bench."""
    rank = math.ceil(q * len(sorted_xs))
    return sorted_xs[min(max(rank, 1), len(sorted_xs)) - 1]


def count_files(folder: Path) -> int:
    """Regular files under ``folder`` (the chart as written on disk)."""
    return sum(len(files) for _, _, files in os.walk(folder))


def template(chart_dir: Path, n: int, json_path: Path | None) -> int:
    """Times ``Chart.render`` of ``chart_dir`` with its prod overlay, n times."""
    import yaml

    values = yaml.safe_load((chart_dir / "values-prod.yaml").read_text()) or {}
    times = []
    with helm.Chart.load(str(chart_dir)) as chart:
        for _ in range(20):
            chart.render(values, name=chart_dir.name, namespace="prod")
        for _ in range(n):
            start = time.perf_counter()
            rendered = chart.render(values, name=chart_dir.name, namespace="prod")
            times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    result = {
        "tool": "helm",
        "version": helm.helm_sdk_version(),
        "n": n,
        "median_ms": statistics.median(times),
        "p90_ms": quantile(times, 0.9),
        "rendered_bytes": sum(len(t) for t in rendered.values()),
    }
    print(f"helm SDK {result['version']} render of {chart_dir}, {n} times:")
    print(f"  per render: median {result['median_ms']:.3f} ms, p90 {result['p90_ms']:.3f} ms")
    line = json.dumps(result)
    print(f"BENCH_JSON {line}")
    if json_path:
        json_path.write_text(line + "\n")
    return 0


def corpus_scenarios(corpus: Path, only: str | None) -> list[tuple[Path, str, Path | None]]:
    """Every (chart, label, values file) of ``corpus``, in the corpus test's order."""
    out = []
    for chart in sorted(p for p in corpus.iterdir() if (p / "Chart.yaml").is_file()):
        if only and only not in str(chart):
            continue
        out.append((chart, "defaults", None))
        ci = chart / "ci"
        files = sorted(p for p in ci.iterdir() if p.suffix in (".yaml", ".yml")) if ci.is_dir() else []
        out.extend((chart, f"ci/{f.name}", f) for f in files)
    return out


def render_once(chart_dir: Path, file: Path | None) -> tuple[float, float, float, int]:
    """One ``helm template``-like render in process: (load ms, render ms, CPU
    ms, bytes).

    Timed as chartgen's side is: the values file read and parsed, the chart
    loaded, its templates rendered. CPU time is the whole process's (Go's
    threads included): on a busy machine it moves less than wall time."""
    cpu = time.process_time()
    start = time.perf_counter()
    values = helm.values_from_yaml(file.read_text()) if file else {}
    with helm.Chart.load(chart_dir) as chart:
        loaded = time.perf_counter()
        rendered = chart.render(values, name="release-name", namespace="default",
                                is_install=True)
        done = time.perf_counter()
    cpu = time.process_time() - cpu
    return ((loaded - start) * 1e3, (done - loaded) * 1e3, cpu * 1e3,
            sum(len(t) for t in rendered.values()))


def corpus(corpus_dir: Path, reps: int, only: str | None, json_path: Path | None) -> int:
    """Times Helm's engine on every scenario of ``corpus_dir``."""
    base_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load_start = os.getloadavg()[0]
    lines, totals, failed = [], [], 0
    for chart_dir, what, file in corpus_scenarios(corpus_dir, only):
        record: dict[str, object] = {"chart": chart_dir.name, "what": what}
        try:
            *_, size = render_once(chart_dir, file)
        except Exception as exc:  # Helm refuses the scenario: no timing
            failed += 1
            record.update(ok=False, error=str(exc)[:300])
            lines.append(json.dumps(record))
            continue
        runs = [render_once(chart_dir, file) for _ in range(reps)]
        ms = statistics.median(r[0] + r[1] for r in runs)
        totals.append(ms)
        record.update(ok=True, bytes=size, ms=ms, cpu_ms=statistics.median(r[2] for r in runs),
                      load_ms=statistics.median(r[0] for r in runs),
                      render_ms=statistics.median(r[1] for r in runs))
        lines.append(json.dumps(record))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = {
        "summary": True, "tool": "helm", "version": helm.helm_sdk_version(), "reps": reps,
        "rendered": len(totals), "failed": failed,
        "median_ms": statistics.median(totals) if totals else 0.0,
        "total_ms": sum(totals),
        "peak_rss_kib": peak_kib, "before_render_rss_kib": base_kib,
        "loadavg_start": load_start, "loadavg_end": os.getloadavg()[0],
    }
    lines.append(json.dumps(summary))
    print(f"helm SDK {summary['version']} on {corpus_dir} ({len(totals)} scenarios rendered, "
          f"{failed} refused, {reps} runs each):")
    print(f"  in process: median {summary['median_ms']:.3f} ms, total {summary['total_ms']:.1f} ms; "
          f"peak RSS {peak_kib / 1024:.1f} MiB ({base_kib / 1024:.1f} MiB before the first render)")
    if json_path:
        json_path.write_text("\n".join(lines) + "\n")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("CHARTGEN_BENCH_N", 200)))
    parser.add_argument("--json", type=Path, help="also write the JSON result here")
    parser.add_argument("--template", type=Path, metavar="CHART_DIR",
                        help="time rendering this chart's templates instead")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="time every scenario of this chart corpus instead")
    parser.add_argument("--reps", type=int, default=5, help="runs per corpus scenario")
    parser.add_argument("--only", help="corpus charts whose path contains this")
    args = parser.parse_args()
    if args.corpus:
        if args.reps < 1:
            parser.error("--reps must be at least 1")
        return corpus(args.corpus, args.reps, args.only, args.json)
    if args.template:
        n = int(os.environ.get("CHARTGEN_BENCH_TEMPLATE_N", 500))
        return template(args.template, n, args.json)
    if args.n < 1:
        parser.error("N must be at least 1")

    with tempfile.TemporaryDirectory(prefix="bench-helm-") as root:
        charts, dist = Path(root, "charts"), Path(root, "dist")
        charts.mkdir()
        dist.mkdir()
        for i in range(1, WARMUP + 1):
            create_and_package(f"warmup-{i:03}", charts, dist)

        phases: dict[str, list[float]] = {p: [] for p in PHASES}
        per_chart, files, sizes = [], [], []
        for i in range(1, args.n + 1):
            name = f"svc-{i:03}"
            create_ms, package_ms, archive = create_and_package(name, charts, dist)
            phases["create"].append(create_ms)
            phases["package"].append(package_ms)
            per_chart.append(create_ms + package_ms)
            files.append(count_files(charts / name))
            sizes.append(archive.stat().st_size)

    per_chart.sort()
    # ru_maxrss is KiB on Linux.
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "tool": "helm",
        "version": helm.helm_sdk_version(),
        "n": args.n,
        "warmup": WARMUP,
        "median_ms": statistics.median(per_chart),
        "p90_ms": quantile(per_chart, 0.9),
        "min_ms": per_chart[0],
        "max_ms": per_chart[-1],
        "total_ms": sum(per_chart),
        "peak_rss_kib": peak_kib,
        "files_per_chart": statistics.mean(files),
        "archive_bytes_per_chart": statistics.mean(sizes),
        "phase_median_ms": {p: statistics.median(xs) for p, xs in phases.items()},
    }

    print(f"helm SDK {result['version']} create+package, {args.n} charts in one process "
          f"({WARMUP} warm-up):")
    print(f"  per chart: median {result['median_ms']:.3f} ms, p90 {result['p90_ms']:.3f} ms; "
          f"total {result['total_ms']:.1f} ms")
    print(f"  peak RSS: {peak_kib / 1024:.1f} MiB (Python + Go runtime)")
    print("  phase medians (ms): "
          + ", ".join(f"{p} {v:.3f}" for p, v in result["phase_median_ms"].items()))
    print(f"  output: {result['files_per_chart']:.1f} files, "
          f"{result['archive_bytes_per_chart']:.0f} archive bytes per chart")
    line = json.dumps(result)
    print(f"BENCH_JSON {line}")
    if args.json:
        args.json.write_text(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
