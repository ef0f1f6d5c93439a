#!/usr/bin/env python3
"""Extracts the template cases of sprig's and Helm's own Go tests into the
data files the conformance tests read (`sprig-suite-cases.json`,
`helm-funcs-suite-cases.json`).

Usage: extract_suites.py UPSTREAM_DIR [OUT_DIR]

UPSTREAM_DIR holds the Go test files as text, read from the public
repositories (they are not kept in this repository):
  UPSTREAM_DIR/sprig/*_test.go   Masterminds/sprig (v3 tests)
  UPSTREAM_DIR/helm/funcs_test.go  helm/helm pkg/engine/funcs_test.go
Each file's first line may be a `// repo path @ commit` comment, copied into
the cases' `source`.

What is extracted, with the expectation the Go test states:
  - sprig: every `runt(tpl, expect)` and `runtv(tpl, expect, vars)`, with
    `tpl`/`expect` given literally, through a variable assigned a literal
    (`tpl := ...`, `expect := ...`), or by a `for tpl, expect := range
    tests` over a `map[string]string` table or a `for _, tt := range tests`
    over a `[]string`; `assert.Error(t, runt(...))` expects an error.
    `vars` are Go literals (maps, slices, strings, numbers, bool, nil)
    turned into JSON; a case whose data is a Go-only value (`time.Time`,
    `[]byte`, `errors.New`, pointers) is kept with `applies: false`.
    Tests that call sprig's unexported Go functions directly, and
    `runRaw` checks of random output, are not template cases.
  - Helm: `TestFuncs`'s table (`tpl`, `expect`, `vars`).

A case that cannot apply to chartgen's engine (Helm's function table,
offline) says why in `why`: functions Helm does not register (Helm removes
`env` and `expandenv`; functions of a sprig branch that sprig v3.3.0, which
Helm v4 uses, lacks), Go's seeded `math/rand`, a test sprig itself skips.
"""

import base64
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Functions Helm v4.2.3 registers: sprig's (the list the engine's unit test
# `registers_every_sprig_function` holds, probed in Helm), Go's builtins and
# Helm's own.
GO_BUILTINS = (
    "and call html index slice js len not or print printf println urlquery "
    "eq ge gt le lt ne"
).split()
HELM_OWN = (
    "include tpl required fail lookup toYaml toYamlPretty mustToYaml fromYaml "
    "fromYamlArray toJson mustToJson fromJson fromJsonArray toToml mustToToml "
    "fromToml"
).split()
KEYWORDS = "if else end range with define template block break continue nil true false".split()


def helm_function_names():
    text = open(os.path.join(HERE, "..", "..", "src", "sprig", "tests.rs")).read()
    m = re.search(r'const SPRIG_NAMES: &str = "(.*?)";', text, re.S)
    names = set(m.group(1).replace("\\\n", " ").split())
    return names | set(GO_BUILTINS) | set(HELM_OWN)


def go_unquote(lit):
    """The value of a Go string literal (raw or interpreted)."""
    if lit.startswith("`"):
        return lit[1:-1]
    body = lit[1:-1]
    out = []
    i = 0
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'",
              "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            out.append(simple[e])
            i += 2
        elif e == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif e == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:
            out.append(chr(int(body[i + 1:i + 4], 8)))
            i += 4
    return "".join(out)


STRING = r'(?:`[^`]*`|"(?:[^"\\\n]|\\.)*")'


def skip_ws(src, i):
    while i < len(src):
        if src[i].isspace():
            i += 1
        elif src.startswith("//", i):
            i = src.index("\n", i) if "\n" in src[i:] else len(src)
        else:
            break
    return i


def matching(src, i, open_c, close_c):
    """The index just past the bracket that closes the one at `i`."""
    depth = 0
    while i < len(src):
        c = src[i]
        if c in "`\"":
            m = re.compile(STRING).match(src, i)
            i = m.end()
            continue
        if src.startswith("//", i):
            i = src.index("\n", i)
            continue
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced")


class GoOnly(Exception):
    """A Go value JSON cannot hold."""


def parse_literal(src, i):
    """Parses a Go literal at `i`: (JSON value, end index)."""
    i = skip_ws(src, i)
    m = re.compile(STRING).match(src, i)
    if m:
        return go_unquote(m.group(0)), m.end()
    m = re.compile(r"-?\d+\.\d*(?:[eE][-+]?\d+)?|-?\d+").match(src, i)
    if m:
        t = m.group(0)
        return (float(t) if "." in t else int(t)), m.end()
    m = re.compile(r"(int|int64)\((-?\d+)\)").match(src, i)
    if m:
        # Go's int is the template's integer; an int64 is marked for the test
        n = int(m.group(2))
        return (n if m.group(1) == "int" else {"$int64": n}), m.end()
    for word, value in (("nil", None), ("true", True), ("false", False)):
        if re.compile(word + r"\b").match(src, i):
            return value, i + len(word)
    m = re.compile(r"map\[string\](?:interface\{\}|any|string|int|map\[string\]string)\{").match(src, i)
    if m:
        end = matching(src, m.end() - 1, "{", "}")
        out = {}
        j = m.end()
        while True:
            j = skip_ws(src, j)
            if src[j] == "}":
                break
            key, j = parse_literal(src, j)
            j = skip_ws(src, j)
            assert src[j] == ":", src[j:j + 40]
            value, j = parse_literal(src, j + 1)
            out[key] = value
            j = skip_ws(src, j)
            if src[j] == ",":
                j += 1
        return out, end
    m = re.compile(r"\[\](?:interface\{\}|any|string|int)\{").match(src, i)
    if m:
        end = matching(src, m.end() - 1, "{", "}")
        out = []
        j = m.end()
        while True:
            j = skip_ws(src, j)
            if src[j] == "}":
                break
            value, j = parse_literal(src, j)
            out.append(value)
            j = skip_ws(src, j)
            if src[j] == ",":
                j += 1
        return out, end
    m = re.compile(r"\{").match(src, i)
    if m:
        # an element of a map[string]map[string]string: `{"k": "v"}`
        end = matching(src, i, "{", "}")
        inner = "map[string]string" + src[i:end]
        value, _ = parse_literal(inner, 0)
        return value, end
    raise GoOnly(src[i:i + 60].split("\n")[0])


def split_args(src, i):
    """The argument texts of the call whose `(` is at `i`, and its end."""
    end = matching(src, i, "(", ")")
    args, depth, start, j = [], 0, i + 1, i + 1
    while j < end - 1:
        c = src[j]
        if c in "`\"":
            j = re.compile(STRING).match(src, j).end()
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(src[start:j].strip())
            start = j + 1
        j += 1
    last = src[start:end - 1].strip()
    if last:
        args.append(last)
    return args, end


def test_functions(src):
    """(name, body, offset) of each `func TestX(t *testing.T) {…}`."""
    for m in re.finditer(r"^func (Test\w+)\(t \*testing\.T\) \{", src, re.M):
        end = matching(src, m.end() - 1, "{", "}")
        yield m.group(1), src[m.end():end - 1]


class Scope:
    """The literals a test body assigned, in order, to resolve names."""

    def __init__(self, body):
        self.body = body
        self.assign = []  # (pos, name, value or GoOnly)
        for m in re.finditer(r"(?m)^\s*(\w+)\s*:?=\s*", body):
            name, at = m.group(1), m.end()
            try:
                value = self.expression(body, at)
            except (GoOnly, AssertionError, ValueError) as e:
                value = GoOnly(str(e))
            self.assign.append((m.start(), name, value))

    def expression(self, body, at):
        m = re.compile(r"(base64|base32)\.StdEncoding\.EncodeToString\(\[\]byte\((\w+)\)\)").match(body, at)
        if m:
            word = self.lookup(m.group(2), at)
            enc = base64.b64encode if m.group(1) == "base64" else base64.b32encode
            return enc(word.encode()).decode()
        m = re.compile(r"fmt\.Sprintf\((" + STRING + r"), (\w+)\)").match(body, at)
        if m:
            arg = self.lookup(m.group(2), at)
            quoted = json.dumps(arg)
            return go_unquote(m.group(1)).replace("%q", quoted)
        value, _ = parse_literal(body, at)
        return value

    def lookup(self, name, at):
        found = None
        for pos, n, value in self.assign:
            if pos < at and n == name:
                found = value
        if found is None:
            raise GoOnly(f"unresolved name {name}")
        if isinstance(found, GoOnly):
            raise found
        return found

    def value(self, text, at):
        if re.fullmatch(r"\w+", text) and text not in ("nil", "true", "false") and not text[0].isdigit():
            return self.lookup(text, at)
        value, end = parse_literal(text, 0)
        if text[end:].strip():
            raise GoOnly(text)
        return value


def loops(body):
    """Each `for A, B := range NAME {` block: (start, end, A, B, NAME)."""
    for m in re.finditer(r"for (\w+), (\w+) := range (\w+) \{", body):
        yield m.start(), matching(body, m.end() - 1, "{", "}"), m.group(1), m.group(2), m.group(3)


def sprig_cases(path, names):
    src = open(path).read()
    first = src.split("\n", 1)[0]
    source = first[3:].split(" (")[0].strip() if first.startswith("//") else os.path.basename(path)
    cases = []
    for test, body in test_functions(src):
        scope = Scope(body)
        skipped = "t.Skip()" in body
        for m in re.finditer(r"\b(runtv?|runRaw)\(", body):
            prefix = body[max(0, m.start() - 20):m.start()]
            expect_error = "assert.Error(t, " in prefix
            args, _ = split_args(body, m.end() - 1)
            loop = next(((a, b, n, s, e) for s, e, a, b, n in loops(body) if s < m.start() < e), None)
            kind = m.group(1)
            if kind == "runRaw":
                # runRaw states an output only where the loop compares it:
                # `strings.Compare(out, expected)`.
                if not loop or f"strings.Compare(out, {loop[1]})" not in body[loop[3]:loop[4]]:
                    continue
                args, kind = [args[0], loop[1], args[1]], "runtv"
            rows = [None]
            if loop:
                try:
                    table = scope.lookup(loop[2], m.start())
                    rows = list(table.items()) if isinstance(table, dict) else [(None, t) for t in table]
                except GoOnly as e:
                    cases.append({"source": source, "test": test, "template": args[0],
                                  "applies": False,
                                  "why": f"the test's table holds Go values JSON cannot hold ({e})"})
                    continue
            for row in rows:
                case = {"source": source, "test": test}
                try:
                    bound = {}
                    if loop and row:
                        if loop[0] != "_":
                            bound[loop[0]] = row[0]
                        bound[loop[1]] = row[1]

                    def resolve(text):
                        return bound[text] if text in bound else scope.value(text, m.start())

                    case["template"] = resolve(args[0])
                    if expect_error:
                        case["error"] = True
                    else:
                        case["output"] = resolve(args[1])
                    if kind == "runtv":
                        case["data"] = resolve(args[2])
                    else:
                        case["data"] = {}
                except GoOnly as e:
                    case.setdefault("template", args[0])
                    case["applies"] = False
                    case["why"] = f"the test's data or expectation is a Go value JSON cannot hold ({e})"
                    cases.append(case)
                    continue
                why = cannot_apply(case["template"], names, skipped) or SUPERSEDED.get(
                    (test, case["template"], case.get("output")))
                if why:
                    case["applies"] = False
                    case["why"] = why
                cases.append(case)
    return cases


def template_functions(tpl):
    """The identifiers in function position in the actions of `tpl`."""
    found = []
    for action in re.findall(r"\{\{(.*?)\}\}", tpl, re.S):
        action = re.sub(STRING, '""', action)
        for m in re.finditer(r"(?<![\w.$])([A-Za-z_]\w*)", action):
            found.append(m.group(1))
    return [f for f in found if f not in KEYWORDS]


# Expectations the stored copy of a test states that Helm v4.2.3's sprig
# (v3.3.0) no longer gives, with the evidence.
SUPERSEDED = {
    ("TestDurationRound", "{{ durationRound .Time }}", "3m"):
        "stated by a sprig older than v3.2, which printed months as `m`; Helm v4.2.3 prints `3mo` "
        "(the SDK renders `durationRound \"721h\"` as `1mo`, sprig-helm-cases.json)",
}


def cannot_apply(tpl, names, skipped, where="the stored copy of this test comes from a sprig branch that has it"):
    if skipped:
        return "sprig itself skips this test (t.Skip)"
    for f in template_functions(tpl):
        if f in ("env", "expandenv"):
            return f"Helm removes `{f}` from its function table (no environment in a render)"
        if f not in names:
            return (f"`{f}` is not among Helm v4.2.3's functions (sprig v3.3.0's and Helm's own); "
                    + where)
    if "shuffle" in tpl:
        return "the expectation depends on Go's math/rand seeded with 1"
    return None


def helm_funcs_cases(path, names):
    src = open(path).read()
    first = src.split("\n", 1)[0]
    source = first[3:].strip() if first.startswith("//") else "pkg/engine/funcs_test.go"
    cases = []
    for test, body in test_functions(src):
        if test != "TestFuncs":
            continue
        for m in re.finditer(r"\{\s*(?://[^\n]*\n\s*)*tpl:", body):
            start = m.start()
            end = matching(body, start, "{", "}")
            block = body[start:end]
            fields = {}
            for f in ("tpl", "expect", "vars"):
                fm = re.search(r"\b" + f + r":\s*", block)
                fields[f], _ = parse_literal(block, fm.end())
            case = {"source": source, "test": test, "template": fields["tpl"],
                    "output": fields["expect"], "data": fields["vars"]}
            why = cannot_apply(fields["tpl"], names, False,
                               "the SDK (v4.2.3) says it is not defined: Helm added it later")
            if why:
                case["applies"] = False
                case["why"] = why
            if "lookup" in fields["tpl"]:
                case["note"] = "lookup gives an empty map without a cluster, as helm template does"
            cases.append(case)
    # TestMerge checks the map `merge` changed in place (dict["dst"]), not the
    # output: the same check, through what `merge` returns (that map), as JSON.
    if "func TestMerge(" in src:
        cases.append({
            "source": source, "test": "TestMerge",
            "template": "{{ merge .dst .src1 .src2 | toJson }}",
            "data": {
                "src2": {"h": 10, "i": "i", "j": "j"},
                "src1": {"a": 1, "b": 2, "d": {"e": "four"}, "g": [6, 7], "i": "aye", "j": "jay",
                         "k": {"l": False}},
                "dst": {"a": "one", "c": 3, "d": {"f": 5}, "g": [8, 9], "i": "eye", "k": {"l": True}},
            },
            "output": json.dumps({"a": "one", "b": 2, "c": 3, "d": {"e": "four", "f": 5}, "g": [8, 9],
                                  "h": 10, "i": "eye", "j": "jay", "k": {"l": True}},
                                 separators=(",", ":"), sort_keys=True),
            "note": "transcribed: Go asserts dict[\"dst\"] equals this map after the render",
        })
    return cases


def main():
    upstream = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else HERE
    names = helm_function_names()
    cases = []
    sprig_dir = os.path.join(upstream, "sprig")
    for name in sorted(os.listdir(sprig_dir)):
        if name.endswith("_test.go"):
            cases.extend(sprig_cases(os.path.join(sprig_dir, name), names))
    doc = {
        "source": "Masterminds/sprig *_test.go: runt/runtv cases (see extract_suites.py)",
        "note": "run with Helm's function table, Go's default missingkey, data as given "
                "(runt's data is an empty map); `error: true` expects an error",
        "cases": cases,
    }
    with open(os.path.join(out, "sprig-suite-cases.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    funcs = helm_funcs_cases(os.path.join(upstream, "helm", "funcs_test.go"), names)
    doc = {
        "source": "helm/helm pkg/engine/funcs_test.go TestFuncs (see extract_suites.py)",
        "note": "run with Helm's function table and Go's default missingkey on the data given",
        "cases": funcs,
    }
    with open(os.path.join(out, "helm-funcs-suite-cases.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    applies = sum(1 for c in cases if c.get("applies", True))
    print(f"sprig: {len(cases)} cases, {applies} apply; helm funcs: {len(funcs)} cases")


if __name__ == "__main__":
    main()
