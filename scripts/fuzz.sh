#!/usr/bin/env bash
# Fuzz the input parser and validator (`input`), the linter (`manifests`),
# kubeVersion ranges (`kube_version`), the values reader (`values`), the fast
# YAML reader against libyaml (`fast_yaml`), the Go
# template engine (`template`) and the Helm engine with all of Helm's
# functions (`helm_render`) for
# SECONDS each (default 60), starting from the seeds in fuzz/corpus/. An input
# that runs past 10 s or 2 GiB is a failure too, as a crash is.
# libFuzzer needs nightly compiler flags; RUSTC_BOOTSTRAP lets the stable
# toolchain accept them. A crash leaves its input in fuzz/artifacts/ and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
export RUSTC_BOOTSTRAP=1
for target in input manifests kube_version values fast_yaml template helm_render; do
    mkdir -p "fuzz/corpus/$target"
    cargo fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$SECONDS_EACH" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 2>&1 | tail -n 3
done
