#!/usr/bin/env python3
"""JSON-lines oracle server for chartgen's integration tests.

Wraps the real Helm v4 SDK (``helm-python-sdk``) and ``kubernetes-validate``
so Rust tests can check generated charts against them. One JSON request per
line on stdin, one JSON response per line on stdout:

    {"op": "ping"}                      -> {"ok": true, "result": {...versions}}
    {"op": "lint", "path": P, ...}      -> {"ok": true, "result": {...report}}
    {"op": "nope"}                      -> {"ok": false, "error": {"type": ..., "message": ...}}

A request may carry an ``"id"``; it is echoed in the response. Ops:

* ``ping``: versions of the Helm SDK and kubernetes-validate, and the
  Kubernetes versions ``kube_validate`` accepts.
* ``lint`` (path, strict=true, kube_version="v1.29.0", values=null,
  namespace=null): the ``helm lint`` report ``{"total_charts_linted",
  "messages": [{"severity", "path", "error"}], "errors"}``. Severity is
  0 unknown, 1 info, 2 warning, 3 error; with strict, warnings are listed in
  ``errors`` too.
* ``render`` (path, values, name, namespace): ``{template path: manifest}``.
  ``path`` may be a chart directory or a ``.tgz``.
* ``validate_schema`` (path, values): ``null`` on success, a
  ``HelmValuesError`` error response on failure.
* ``kube_validate`` (manifests, kube_version): splits multi-document YAML,
  skips empty documents and validates each one strictly (unknown fields
  rejected). Returns ``[{"kind", "name", "errors": [str]}]``; ``errors`` is
  empty for a valid document. A kind/apiVersion with no schema for that
  Kubernetes version counts as an error.
* ``install`` (path, name, namespace, values): client dry-run install with
  in-memory release storage. Returns the SDK's release summary (name,
  namespace, revision, status, notes, chart_name, chart_version,
  app_version, manifest, ...) plus ``hooks``: the SDK summary carries no
  hooks, so they are taken from an offline render with the same inputs
  (``[{"path", "kind", "name", "events", "object"}]`` for every document
  with a ``helm.sh/hook`` annotation).
* ``load_archive`` (path to a .tgz): loads the bytes with
  ``Chart.load_archive``; returns name, version, metadata, sorted template
  and file names, values and schema.
* ``package`` (path, destination): the archive path.
* ``create`` (name, directory): the path of the ``helm create`` scaffold.
* ``values_yaml`` (text, reader): a values text as Helm reads it, with
  ``reader`` either ``"values_from_yaml"`` (the SDK's one-document reader)
  or ``"values_file"`` (a chart's ``values.yaml`` through the chart loader,
  as ``-f`` files are read: every document, merged). A refusal is a
  ``HelmValuesError`` or ``HelmChartLoadError`` error response.
* ``install_check`` (path, values): whether ``helm install --dry-run=client``
  accepts ``values`` for the chart: ``null`` on success, an error response
  (``HelmReleaseError`` for values the schemas refuse) otherwise; no hooks or
  manifests are returned, so it is cheap to call many times; with
  ``"manifest": true`` the rendered manifest is returned instead of ``null``.

* ``release_manifest`` (path, name, namespace, values): the two ends of
  Helm's release output layer for one install: ``{"rendered": {template
  path: text}, "manifest": text}``, the offline render (as ``install``
  renders, ``IsInstall`` true) and the ``manifest`` of ``helm install
  --dry-run=client`` (sorted documents with ``# Source:`` lines; no hooks,
  no CRDs, no NOTES.txt), and ``hooks`` read from the render as
  ``install`` reads them.
* ``parse_set`` (kind, text): a ``--set*`` flag's text as Helm parses it,
  ``kind`` one of ``set``, ``set_string``, ``set_json``, ``set_literal``,
  ``set_file``; a refusal is a ``HelmValuesError`` error response.

Nothing but responses is ever written to stdout: the real stdout is kept
private and file descriptor 1 is pointed at stderr before the Helm library
loads, so Go or Python output can never corrupt the protocol. Set
``CHARTGEN_ORACLE_DEBUG=1`` to forward Helm's own log records to stderr.
"""

from __future__ import annotations

import os
import sys

# Keep the real stdout for the protocol; everything else written to fd 1
# (Go's log package, stray prints, native libraries) lands on stderr.
_PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
os.dup2(2, 1)
sys.stdout = sys.stderr

import base64  # noqa: E402
import datetime  # noqa: E402
import functools  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import pathlib  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402
import traceback  # noqa: E402
from typing import Any, Callable  # noqa: E402

import helm_python as helm  # noqa: E402
import jsonschema  # noqa: E402
import kubernetes_validate  # noqa: E402
import yaml  # noqa: E402
from kubernetes_validate import utils as kv_utils  # noqa: E402
from referencing import Registry, Resource  # noqa: E402


class BadRequest(Exception):
    """The request itself is malformed (missing or mistyped field, unknown op)."""


class UnsupportedKubeVersion(Exception):
    """kube_validate was asked for a Kubernetes version it ships no schemas for."""


# --- request helpers --------------------------------------------------------


def _field(req: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
    """Fetch ``req[key]`` checking its type; ``default`` makes it optional (null allowed)."""
    if key not in req or (req[key] is None and default is not ...):
        if default is ...:
            raise BadRequest(f"missing field {key!r}")
        return default
    value = req[key]
    if not isinstance(value, kind):
        raise BadRequest(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _values(req: dict[str, Any]) -> dict[str, Any] | None:
    return _field(req, "values", dict, None)


# --- kube_validate ----------------------------------------------------------

# kubernetes-validate re-reads and re-parses its schema files (~2 MB of
# definitions) for every document. They never change and are never mutated,
# so parse each one once per process: ~10x faster validation.
kv_utils.schema_contents = functools.lru_cache(maxsize=None)(kv_utils.schema_contents)


class _YamlLoader(yaml.SafeLoader):
    """SafeLoader plus the '=' value fix kubernetes-validate's own CLI applies."""


def _construct_value(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_YamlLoader.add_constructor("tag:yaml.org,2002:value", _construct_value)


def _kube_versions() -> list[str]:
    return sorted(set(kv_utils.all_versions()), key=lambda v: tuple(int(p) for p in v.split(".")))


def _check_kube_version(version: str) -> str:
    """Accept only versions whose major.minor has shipped schemas.

    kubernetes-validate itself silently falls back to an older schema set
    (or crashes) for versions it does not ship, which would make a test
    quietly check the wrong thing.
    """
    wanted = kv_utils.major_minor(version[1:] if version.startswith("v") else version)
    shipped = {kv_utils.major_minor(v) for v in _kube_versions()}
    if wanted not in shipped:
        raise UnsupportedKubeVersion(
            f"kubernetes-validate {kubernetes_validate.__version__} has no schemas for "
            f"Kubernetes {version!r}; supported: {', '.join(_kube_versions())}"
        )
    return version


def _error_text(error: jsonschema.ValidationError) -> str:
    path = ".".join(str(p) for p in error.absolute_path) or "<root>"
    return f"{path}: {error.message}"


def _all_schema_errors(doc: dict[str, Any], version: str) -> list[str]:
    """Every strict-schema error for ``doc``, not just the first one.

    Mirrors how ``kubernetes_validate.utils.validate`` picks its schema, but
    iterates all errors. Only used to enrich a failure that
    ``kubernetes_validate.validate`` itself reported.
    """
    version = version[1:] if version.startswith("v") else version
    schema_version = [
        v for v in kv_utils.all_versions()
        if kv_utils.major_minor(v) <= kv_utils.major_minor(version)
    ][-1]
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", doc["apiVersion"])
    schema_dir = f"kubernetes-json-schema/v{schema_version}-local-strict"
    schema = kv_utils.schema_contents(f"{schema_dir}/{doc['kind'].lower()}-{api}.json", version)
    defs = kv_utils.schema_contents(f"{schema_dir}/_definitions.json", version)
    registry = Resource.from_contents(defs) @ (Resource.from_contents(schema) @ Registry())
    validator = jsonschema.validators.Draft202012Validator(schema, registry=registry)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [_error_text(e) for e in errors]


def _validate_doc(doc: Any, version: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        return {"kind": "", "name": "", "errors": [f"document is a {type(doc).__name__}, not a mapping"]}
    metadata = doc.get("metadata")
    name = metadata.get("name") if isinstance(metadata, dict) else None
    finding: dict[str, Any] = {
        "kind": "" if doc.get("kind") is None else str(doc.get("kind")),
        "name": "" if name is None else str(name),
        "errors": [],
    }
    for key in ("apiVersion", "kind"):
        if not isinstance(doc.get(key), str):
            finding["errors"].append(f"{key} is missing or not a string")
    if finding["errors"]:
        return finding
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as exc:
        try:
            finding["errors"] = _all_schema_errors(doc, version)
        except Exception:  # the enrichment is best effort
            finding["errors"] = []
        if not finding["errors"]:
            finding["errors"] = [_error_text(exc)]
    except kubernetes_validate.SchemaNotFoundError as exc:
        finding["errors"].append(exc.message)
    except kubernetes_validate.InvalidSchemaError as exc:
        finding["errors"].append(exc.message)
    return finding


def op_kube_validate(req: dict[str, Any]) -> list[dict[str, Any]]:
    text = _field(req, "manifests", str)
    version = _check_kube_version(_field(req, "kube_version", str))
    findings = []
    try:
        for doc in yaml.load_all(text, Loader=_YamlLoader):
            if doc is None or doc == {} or doc == []:
                continue
            findings.append(_validate_doc(doc, version))
    except yaml.YAMLError as exc:
        findings.append({"kind": "", "name": "", "errors": [f"YAML parse error: {exc}"]})
    return findings


# --- Helm ops ---------------------------------------------------------------


def op_ping(req: dict[str, Any]) -> dict[str, Any]:
    return {
        "helm_python_sdk": helm.__version__,
        "helm_c": helm.helm_c_version(),
        "helm_sdk": helm.helm_sdk_version(),
        "kubernetes_validate": kubernetes_validate.__version__,
        "kube_versions": _kube_versions(),
        "python": sys.version.split()[0],
    }


def op_lint(req: dict[str, Any]) -> dict[str, Any]:
    return helm.lint(
        _field(req, "path", str),
        values=_values(req),
        strict=_field(req, "strict", bool, True),
        kube_version=_field(req, "kube_version", str, "v1.29.0"),
        namespace=_field(req, "namespace", str, None),
    )


def _render(req: dict[str, Any], **extra: Any) -> dict[str, str]:
    with helm.Chart.load(_field(req, "path", str)) as chart:
        return chart.render(
            _values(req),
            name=_field(req, "name", str, None),
            namespace=_field(req, "namespace", str, None),
            **extra,
        )


def op_render(req: dict[str, Any]) -> dict[str, str]:
    return _render(req)


def op_validate_schema(req: dict[str, Any]) -> None:
    with helm.Chart.load(_field(req, "path", str)) as chart:
        chart.validate_schema(_values(req))


def _hooks(rendered: dict[str, str]) -> list[dict[str, Any]]:
    """Documents annotated ``helm.sh/hook``, as ``{path, kind, name, events, object}``."""
    hooks = []
    for path in sorted(rendered):
        if not path.endswith((".yaml", ".yml")):
            continue
        for doc in yaml.load_all(rendered[path], Loader=_YamlLoader):
            meta = doc.get("metadata") if isinstance(doc, dict) else None
            annotations = (meta or {}).get("annotations") or {}
            if not isinstance(annotations, dict) or "helm.sh/hook" not in annotations:
                continue
            hooks.append({
                "path": path,
                "kind": doc.get("kind"),
                "name": meta.get("name"),
                "events": [e.strip() for e in str(annotations["helm.sh/hook"]).split(",")],
                "object": doc,
            })
    return hooks


def op_install(req: dict[str, Any]) -> dict[str, Any]:
    path = _field(req, "path", str)
    name = _field(req, "name", str)
    namespace = _field(req, "namespace", str, "default")
    with helm.Config(namespace=namespace, storage_driver="memory") as cfg:
        release = cfg.install(path, name, _values(req), namespace=namespace, dry_run="client")
    try:
        release["hooks"] = _hooks(_render(req, is_install=True))
    except Exception as exc:  # the install result stands even if this extra fails
        release["hooks"] = None
        release["hooks_error"] = f"{type(exc).__name__}: {exc}"
    return release


def op_load_archive(req: dict[str, Any]) -> dict[str, Any]:
    data = pathlib.Path(_field(req, "path", str)).read_bytes()
    with helm.Chart.load_archive(data) as chart:
        return {
            "name": chart.name,
            "version": chart.version,
            "metadata": chart.metadata,
            "templates": sorted(t["name"] for t in chart.templates),
            "files": sorted(f["name"] for f in chart.files),
            "values": chart.values,
            "schema": chart.schema,
        }


def op_package(req: dict[str, Any]) -> str:
    destination = _field(req, "destination", str)
    os.makedirs(destination, exist_ok=True)
    return helm.package(_field(req, "path", str), destination=destination)


def op_create(req: dict[str, Any]) -> str:
    name = _field(req, "name", str)
    directory = os.path.abspath(_field(req, "directory", str))
    os.makedirs(directory, exist_ok=True)
    helm.Chart.create(name, directory).close()
    path = os.path.join(directory, name)
    if not os.path.isfile(os.path.join(path, "Chart.yaml")):
        raise FileNotFoundError(f"helm create reported success but {path}/Chart.yaml is missing")
    return path


def op_values_yaml(req: dict[str, Any]) -> dict[str, Any]:
    text = _field(req, "text", str)
    reader = _field(req, "reader", str)
    if reader == "values_from_yaml":
        return helm.values_from_yaml(text)
    if reader != "values_file":
        raise BadRequest(f"unknown reader {reader!r}")
    with tempfile.TemporaryDirectory() as folder:
        pathlib.Path(folder, "Chart.yaml").write_text("apiVersion: v2\nname: values\nversion: 0.1.0\n")
        pathlib.Path(folder, "values.yaml").write_text(text, encoding="utf-8")
        with helm.Chart.load(folder) as chart:
            return chart.values


def op_release_manifest(req: dict[str, Any]) -> dict[str, Any]:
    path = _field(req, "path", str)
    name = _field(req, "name", str)
    namespace = _field(req, "namespace", str, "default")
    rendered = _render(req, is_install=True)
    with helm.Config(namespace=namespace, storage_driver="memory") as cfg:
        release = cfg.install(path, name, _values(req), namespace=namespace, dry_run="client")
    # The SDK leaves `manifest` out when it is empty.
    return {"rendered": rendered, "manifest": release.get("manifest", ""), "hooks": _hooks(rendered)}


_SET_PARSERS: dict[str, Callable[[str], Any]] = {
    "set": helm.parse_set_string,
    "set_string": helm.parse_set_string_values,
    "set_json": helm.parse_set_json,
    "set_literal": helm.parse_set_literal,
    "set_file": helm.parse_set_file,
}


def op_parse_set(req: dict[str, Any]) -> Any:
    kind = _field(req, "kind", str)
    if kind not in _SET_PARSERS:
        raise BadRequest(f"unknown kind {kind!r}; known: {', '.join(_SET_PARSERS)}")
    return _SET_PARSERS[kind](_field(req, "text", str))


def op_install_check(req: dict[str, Any]) -> str | None:
    with helm.Config(storage_driver="memory") as cfg:
        release = cfg.install(_field(req, "path", str), "release-name", _values(req), dry_run="client")
    return release.get("manifest") if _field(req, "manifest", bool, False) else None


OPS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "ping": op_ping,
    "lint": op_lint,
    "render": op_render,
    "validate_schema": op_validate_schema,
    "kube_validate": op_kube_validate,
    "install": op_install,
    "load_archive": op_load_archive,
    "package": op_package,
    "create": op_create,
    "values_yaml": op_values_yaml,
    "install_check": op_install_check,
    "release_manifest": op_release_manifest,
    "parse_set": op_parse_set,
}


# --- the server loop --------------------------------------------------------


def _jsonable(obj: Any) -> Any:
    """``json.dumps`` fallback for the odd types Helm or YAML can produce."""
    if isinstance(obj, (bytes, bytearray)):
        try:
            return obj.decode("utf-8")
        except UnicodeDecodeError:
            return {"base64": base64.b64encode(obj).decode("ascii")}
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=repr)
    if isinstance(obj, (datetime.date, datetime.datetime, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return repr(obj)


def _encode(response: dict[str, Any]) -> str:
    return json.dumps(response, default=_jsonable, allow_nan=False, ensure_ascii=False)


def _error(exc: BaseException, req_id: Any) -> dict[str, Any]:
    message = str(exc) or getattr(exc, "message", "") or repr(exc)
    return {"id": req_id, "ok": False, "error": {"type": type(exc).__name__, "message": message}}


def handle(line: bytes) -> str:
    """Turn one request line into one response line (never raises)."""
    req_id = None
    try:
        req = json.loads(line)
        if not isinstance(req, dict):
            raise BadRequest("a request must be a JSON object")
        req_id = req.get("id")
        op = req.get("op")
        if op not in OPS:
            raise BadRequest(f"unknown op {op!r}; known: {', '.join(OPS)}")
        response = {"id": req_id, "ok": True, "result": OPS[op](req)}
    except Exception as exc:
        if os.environ.get("CHARTGEN_ORACLE_DEBUG"):
            traceback.print_exc()
        response = _error(exc, req_id)
    try:
        return _encode(response)
    except Exception as exc:  # result was not serialisable even with the fallback
        return _encode(_error(exc, req_id))


def main() -> int:
    if os.environ.get("CHARTGEN_ORACLE_DEBUG"):
        logging.basicConfig(stream=sys.stderr, level=logging.DEBUG)
        helm.enable_logging(logging.DEBUG)
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            return 0
        if not line.strip():
            continue
        _PROTOCOL.write(handle(line) + "\n")
        _PROTOCOL.flush()


if __name__ == "__main__":
    sys.exit(main())
