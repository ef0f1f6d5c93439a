#!/usr/bin/env bash
# Install the test oracles used by chartgen's integration tests:
#   - a virtualenv with helm-python-sdk (the Helm v4 Go SDK) and
#     kubernetes-validate, used by tests/oracle/oracle.py;
#   - yaml-language-server, installed with npm;
#   - checkov, the security scanner, in a virtualenv of its own (its pinned
#     dependencies clash with the Helm and kubernetes-validate ones).
# Idempotent and quick on rerun: nothing is downloaded when the pinned
# versions are already there. Only pip and npm touch the network.
#
# Env: CHARTGEN_ORACLE_HOME (default ~/.cache/chartgen-oracles), PYTHON
# (interpreter used to create the venv, default python3).
# The last line printed on stdout is the venv's python (for CHARTGEN_ORACLE_PYTHON).
set -euo pipefail

ORACLE_HOME="${CHARTGEN_ORACLE_HOME:-$HOME/.cache/chartgen-oracles}"
VENV="$ORACLE_HOME/venv"
VENV_PYTHON="$VENV/bin/python"
PY_PACKAGES=("helm-python-sdk==0.2.2" "kubernetes-validate==1.37.0")
NODE_PREFIX="$ORACLE_HOME/node"
YLS_PACKAGE="yaml-language-server"
YLS_MAJOR=2

log() { echo "setup-oracles: $*" >&2; }

# --- Python oracles ---------------------------------------------------------

if [ ! -x "$VENV_PYTHON" ]; then
    log "creating virtualenv $VENV"
    mkdir -p "$ORACLE_HOME"
    "${PYTHON:-python3}" -m venv "$VENV" >&2
fi

# Succeeds only if every pinned package is installed at its version and the
# modules import (helm_python loads its native library on import).
python_oracles_ok() {
    "$VENV_PYTHON" - "${PY_PACKAGES[@]}" <<'EOF' >/dev/null 2>&1
import sys
from importlib.metadata import PackageNotFoundError, version
for spec in sys.argv[1:]:
    name, wanted = spec.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
import helm_python, kubernetes_validate  # noqa: E401,F401
EOF
}

if python_oracles_ok; then
    log "python oracles already installed (${PY_PACKAGES[*]})"
else
    log "installing ${PY_PACKAGES[*]}"
    "$VENV_PYTHON" -m pip install --disable-pip-version-check --quiet "${PY_PACKAGES[@]}" >&2
    python_oracles_ok || { log "python oracles still not importable after install"; exit 1; }
fi

# --- yaml-language-server ---------------------------------------------------

yls_version() {
    local manifest="$NODE_PREFIX/node_modules/$YLS_PACKAGE/package.json"
    [ -f "$manifest" ] || return 0
    sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -n 1
}

if [[ "$(yls_version)" == "$YLS_MAJOR".* ]]; then
    log "$YLS_PACKAGE $(yls_version) already installed"
else
    command -v npm >/dev/null || { log "npm not found: install Node.js/npm first"; exit 1; }
    log "installing $YLS_PACKAGE@$YLS_MAJOR into $NODE_PREFIX"
    mkdir -p "$NODE_PREFIX"
    npm install --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error \
        "$YLS_PACKAGE@$YLS_MAJOR" >&2
    [[ "$(yls_version)" == "$YLS_MAJOR".* ]] || { log "$YLS_PACKAGE install failed"; exit 1; }
fi

# --- SARIF 2.1.0 schema -------------------------------------------------------
# The SARIF schema ships inside Microsoft's SARIF test matchers; only the
# schema file is used, to validate `chartgen lint --format sarif`.
SARIF_PACKAGE="@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_SCHEMA="$NODE_PREFIX/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ -f "$SARIF_SCHEMA" ]; then
    log "SARIF schema already installed"
else
    log "installing $SARIF_PACKAGE into $NODE_PREFIX"
    npm install --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error "$SARIF_PACKAGE" >&2
    [ -f "$SARIF_SCHEMA" ] || { log "SARIF schema missing after install"; exit 1; }
fi

# --- checkov ------------------------------------------------------------------

CHECKOV_VENV="$ORACLE_HOME/checkov-venv"
CHECKOV_VERSION="3.3.30"

checkov_ok() {
    [ "$("$CHECKOV_VENV/bin/checkov" --version 2>/dev/null)" = "$CHECKOV_VERSION" ]
}

if checkov_ok; then
    log "checkov $CHECKOV_VERSION already installed"
else
    if [ ! -x "$CHECKOV_VENV/bin/python" ]; then
        log "creating virtualenv $CHECKOV_VENV"
        "${PYTHON:-python3}" -m venv "$CHECKOV_VENV" >&2
    fi
    log "installing checkov==$CHECKOV_VERSION"
    "$CHECKOV_VENV/bin/python" -m pip install --disable-pip-version-check --quiet "checkov==$CHECKOV_VERSION" >&2
    checkov_ok || { log "checkov $CHECKOV_VERSION not runnable after install"; exit 1; }
fi

echo "$VENV_PYTHON"
