#!/usr/bin/env python3
"""Helm's side of ``scripts/bench.sh``: ``Chart.create`` + ``package`` N charts.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("CHARTGEN_BENCH_N", 200)))
    parser.add_argument("--json", type=Path, help="also write the JSON result here")
    parser.add_argument("--template", type=Path, metavar="CHART_DIR",
                        help="time rendering this chart's templates instead")
    args = parser.parse_args()
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
