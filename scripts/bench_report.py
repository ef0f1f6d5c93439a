#!/usr/bin/env python3
"""Compares chartgen with Helm's engine on the chart corpus (``scripts/bench.sh``).

Reads the JSON Lines of ``cargo bench --bench corpus`` (chartgen) and of
``scripts/bench_helm.py --corpus`` (Helm SDK), keeps the scenarios both
render, and prints, for wall time and for CPU time:

* **in process**, per scenario, the ratio Helm / chartgen of the medians:
  the median ratio; the *slowest tenth*, that is the tenth of the scenarios
  on which Helm takes longest, as the ratio of the summed times (Helm's sum
  over chartgen's sum on those scenarios); and the 10th percentile of the
  per-scenario ratios (nine scenarios in ten do better than it);
* **whole process**: ``chartgen template`` spawned (median of its runs)
  against Helm's in-process time for the same scenario, the median ratio
  and the ratio over the corpus total;
* **peak memory**: chartgen's peak RSS per process (largest and median),
  the peak RSS of chartgen's whole in-process run, and the peak RSS of
  Helm's (Python with the Go runtime) over the same run.

Goals (issue 10): in process >= 10x at the median and at the slowest
tenth; whole process >= 5x.

    bench_report.py CHARTGEN.jsonl HELM.jsonl
"""

from __future__ import annotations

import json
import math
import statistics
import sys


def read(path: str) -> tuple[dict[tuple[str, str], dict], dict]:
    """Scenario records by (chart, what), and the summary line."""
    records, summary = {}, {}
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("summary"):
                summary = rec
            else:
                records[(rec["chart"], rec["what"])] = rec
    return records, summary


def slowest_tenth(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Over the tenth of ``pairs`` (helm, ours) with the largest Helm time:
    sum(helm) / sum(ours), and the Helm time where that tenth starts."""
    ranked = sorted(pairs, key=lambda p: -p[0])
    top = ranked[: max(1, math.ceil(len(ranked) / 10))]
    return sum(h for h, _ in top) / sum(o for _, o in top), top[-1][0]


def p10(ratios: list[float]) -> float:
    """The 10th percentile (nearest rank) of ``ratios``."""
    ranked = sorted(ratios)
    return ranked[max(1, math.ceil(0.1 * len(ranked))) - 1]


def verdict(value: float, goal: float) -> str:
    return f"{value:6.2f}x  ({'met' if value >= goal else 'NOT met'}, goal >= {goal:g}x)"


def main() -> int:
    ours, ours_sum = read(sys.argv[1])
    helm, helm_sum = read(sys.argv[2])
    both = [k for k in ours if ours[k].get("ok") and helm.get(k, {}).get("ok")]
    only_helm = [k for k in helm if helm[k].get("ok") and not ours.get(k, {}).get("ok")]
    only_ours = [k for k in ours if ours[k].get("ok") and not helm.get(k, {}).get("ok")]
    if not both:
        print("no scenario rendered by both")
        return 1
    print(f"scenarios rendered by both: {len(both)} "
          f"(Helm only: {len(only_helm)}, chartgen only: {len(only_ours)}, "
          f"refused by both: {len([k for k in helm if not helm[k].get('ok')]) - len(only_ours)})")
    print(f"runs per scenario: chartgen {ours_sum.get('reps')}, Helm {helm_sum.get('reps')} "
          f"(medians); load average {ours_sum.get('loadavg_start')}..{helm_sum.get('loadavg_end')} "
          f"on {_cores()} cores")
    print()
    for clock, key, pkey in (("wall", "ms", "process_ms"), ("CPU", "cpu_ms", "process_cpu_ms")):
        pairs = [(helm[k][key], ours[k][key]) for k in both]
        ratios = [h / o for h, o in pairs]
        tenth, start = slowest_tenth(pairs)
        print(f"in process, {clock} time (Helm: read values + Chart.load + render; chartgen: "
              f"`chartgen template` in memory)")
        print(f"  Helm median {statistics.median(h for h, _ in pairs):8.3f} ms   "
              f"chartgen median {statistics.median(o for _, o in pairs):8.3f} ms")
        print(f"  ratio Helm/chartgen, median of scenarios   {verdict(statistics.median(ratios), 10)}")
        print(f"  ratio over the slowest tenth (Helm >= {start:.1f} ms) {verdict(tenth, 10)}")
        print(f"  10th percentile of the ratios              {p10(ratios):6.2f}x  "
              f"(worst {min(ratios):.2f}x)")
        plain = [(helm[k][key], ours[k][key]) for k in both if not ours[k].get("generates_keys")]
        if plain and len(plain) < len(pairs):
            print(f"  slowest tenth of the {len(plain)} scenarios whose templates generate no keys "
                  f"and hash no passwords (genCA, genPrivateKey, htpasswd, ...) "
                  f"{slowest_tenth(plain)[0]:6.2f}x")
        process = [(helm[k][key], ours[k][pkey]) for k in both if pkey in ours[k]]
        if process:
            pratios = [h / o for h, o in process]
            total = sum(h for h, _ in process) / sum(o for _, o in process)
            print(f"whole process, {clock} time (`chartgen template` spawned vs Helm in process)")
            print(f"  chartgen median {statistics.median(o for _, o in process):8.3f} ms per process")
            print(f"  ratio, median of scenarios                 {verdict(statistics.median(pratios), 5)}")
            print(f"  ratio over the corpus total                {verdict(total, 5)}")
            print(f"  ratio over the slowest tenth               "
                  f"{slowest_tenth(process)[0]:6.2f}x")
            if ours_sum.get("floor_process_ms") and clock == "wall":
                floor = ours_sum["floor_process_ms"]
                helm_median = statistics.median(h for h, _ in process)
                print(f"  the floor: a process that does nothing (/bin/true) takes {floor:.3f} ms "
                      f"here, chartgen --version {ours_sum['startup_ms']:.3f} ms; Helm's median "
                      f"is {helm_median / floor:.2f}x /bin/true")
        print()
    rss = [ours[k]["process_rss_kib"] for k in both if ours[k].get("process_rss_kib")]
    print("peak memory (RSS)")
    if rss:
        print(f"  chartgen template, one process per scenario: largest {max(rss) / 1024:.1f} MiB, "
              f"median {statistics.median(rss) / 1024:.1f} MiB")
    print(f"  chartgen, all scenarios in one process:      {ours_sum['peak_rss_kib'] / 1024:.1f} MiB")
    print(f"  Helm SDK, all scenarios in one process:      {helm_sum['peak_rss_kib'] / 1024:.1f} MiB "
          f"({helm_sum['before_render_rss_kib'] / 1024:.1f} MiB before the first render)")
    print()
    print("slowest scenarios for Helm (ms wall: Helm, chartgen in process, chartgen process):")
    for k in sorted(both, key=lambda k: -helm[k]["ms"])[:5]:
        print(f"  {helm[k]['ms']:8.2f} {ours[k]['ms']:8.3f} {ours[k].get('process_ms', float('nan')):8.3f}"
              f"  {k[0].split('__')[-1]} ({k[1]})")
    print("lowest ratios in process (wall):")
    for k in sorted(both, key=lambda k: helm[k]["ms"] / ours[k]["ms"])[:5]:
        print(f"  {helm[k]['ms'] / ours[k]['ms']:6.2f}x  {helm[k]['ms']:8.2f} {ours[k]['ms']:8.3f}"
              f"  {k[0].split('__')[-1]} ({k[1]})")
    engine = [(helm[k]["render_ms"],
               sum(ours[k]["phases_ms"][p] for p in ("values", "schema", "parse", "render")))
              for k in both if "phases_ms" in ours[k] and "render_ms" in helm[k]]
    if engine:
        ratios = [h / o for h, o in engine]
        print("engine only, wall (Helm: render of a loaded chart; chartgen: dependencies, "
              "values, schemas, parse, render):")
        print(f"  median of scenarios {statistics.median(ratios):.2f}x, slowest tenth "
              f"{slowest_tenth(engine)[0]:.2f}x, 10th percentile {p10(ratios):.2f}x")
    phases: dict[str, list[float]] = {}
    for k in both:
        for phase, ms in ours[k].get("phases_ms", {}).items():
            phases.setdefault(phase, []).append(ms)
    if phases:
        print("chartgen in process by phase, ms (median, total): "
              + ", ".join(f"{p} {statistics.median(v):.3f}/{sum(v):.0f}" for p, v in phases.items()))
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main())
