#!/usr/bin/env bash
# The whole test suite: unit, snapshot, CLI and conformance tests against the
# real oracles (Helm v4 SDK, kubernetes-validate, yaml-language-server), which
# it installs first into ~/.cache/chartgen-oracles (fast when already there).
# With CI=true a missing oracle fails the run instead of skipping its tests.
# Extra arguments go to `cargo test`, e.g. `scripts/test.sh conformance`.
set -euo pipefail
cd "$(dirname "$0")/.."

CHARTGEN_ORACLE_PYTHON="$(bash scripts/setup-oracles.sh | tail -n 1)"
export CHARTGEN_ORACLE_PYTHON

if command -v rustfmt >/dev/null; then
    cargo fmt --all -- --check
fi
cargo test --locked --workspace --lib --bins --tests "$@"
