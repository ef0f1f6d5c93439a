#!/usr/bin/env python3
"""Writes `helm-coalesce-suite-cases.json`: the cases of Helm's
`pkg/chart/common/util/coalesce_test.go` (helm/helm, v4 layout),
transcribed by hand from the Go file read with the search tool: its charts
are built in Go code (`withDeps(&chart.Chart{...})`), so each case below
gives the same chart tree, values and checks, literally.

Kinds:
  - "coalesce" / "merge": `CoalesceValues` / `MergeValues` of `user_yaml`
    (read as `common.ReadValues` reads it) over `chart` (a tree of
    {name, values, deps}); `templates` are [template, expected] run with Go's
    text/template (no functions, default missingkey) on the result, as the
    test's `ttpl` does; `absent` lists dotted paths that must be missing,
    `null` paths that must be present and null, `equals` [path, JSON] pairs.
  - "tables": `CoalesceTables(dst, src)` / `MergeTables` (`merge: true`),
    checked with `absent`, `null` and `equals` on dst.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "helm/helm pkg/chart/common/util/coalesce_test.go @ 0298b2ffd0823eead74c75e1b890b0bf47d0db62"

VALUES_YAML = """
top: yup
bottom: null
right: Null
left: NULL
front: ~
back: ""
nested:
  boat: null

global:
  name: Ishmael
  subject: Queequeg
  nested:
    boat: true

pequod:
  boat: null
  global:
    name: Stinky
    harpooner: Tashtego
    nested:
      boat: false
      sail: true
      foo2: null
  ahab:
    scope: whale
    boat: null
    nested:
      foo: true
      boat: null
    object: null
"""


def chart(name, values, *deps):
    return {"name": name, "values": values, "deps": list(deps)}


COALESCE_CHART = chart(
    "moby",
    {"back": "exists", "bottom": "exists", "front": "exists", "left": "exists", "name": "moby",
     "nested": {"boat": True}, "override": "bad", "right": "exists", "scope": "moby", "top": "nope",
     "global": {"nested2": {"l0": "moby"}},
     "pequod": {"boat": "maybe", "ahab": {"boat": "maybe", "nested": {"boat": "maybe"}}}},
    chart("pequod",
          {"name": "pequod", "scope": "pequod", "global": {"nested2": {"l1": "pequod"}}, "boat": False,
           "ahab": {"boat": False, "nested": {"boat": False}}},
          chart("ahab",
                {"global": {"nested": {"foo": "bar", "foo2": "bar2"}, "nested2": {"l2": "ahab"}},
                 "scope": "ahab", "name": "ahab", "boat": True, "nested": {"foo": False, "boat": True},
                 "object": {"foo": "bar"}})),
    chart("spouter", {"scope": "spouter", "global": {"nested2": {"l1": "spouter"}}}),
)

MERGE_CHART = chart(
    "moby",
    {"back": "exists", "bottom": "exists", "front": "exists", "left": "exists", "name": "moby",
     "nested": {"boat": True}, "override": "bad", "right": "exists", "scope": "moby", "top": "nope",
     "global": {"nested2": {"l0": "moby"}}},
    chart("pequod",
          {"name": "pequod", "scope": "pequod", "global": {"nested2": {"l1": "pequod"}}},
          chart("ahab",
                {"global": {"nested": {"foo": "bar"}, "nested2": {"l2": "ahab"}},
                 "scope": "ahab", "name": "ahab", "boat": True, "nested": {"foo": False, "bar": True}})),
    chart("spouter", {"scope": "spouter", "global": {"nested2": {"l1": "spouter"}}}),
)


def templates(foo2):
    rows = [
        ("{{.top}}", "yup"), ("{{.back}}", ""), ("{{.name}}", "moby"),
        ("{{.global.name}}", "Ishmael"), ("{{.global.subject}}", "Queequeg"),
        ("{{.global.harpooner}}", "<no value>"), ("{{.pequod.name}}", "pequod"),
        ("{{.pequod.ahab.name}}", "ahab"), ("{{.pequod.ahab.scope}}", "whale"),
        ("{{.pequod.ahab.nested.foo}}", "true"), ("{{.pequod.ahab.global.name}}", "Ishmael"),
        ("{{.pequod.ahab.global.nested.foo}}", "bar"),
    ]
    if foo2:
        rows.append(("{{.pequod.ahab.global.nested.foo2}}", "<no value>"))
    rows += [
        ("{{.pequod.ahab.global.subject}}", "Queequeg"),
        ("{{.pequod.ahab.global.harpooner}}", "Tashtego"),
        ("{{.pequod.global.name}}", "Ishmael"), ("{{.pequod.global.nested.foo}}", "<no value>"),
        ("{{.pequod.global.subject}}", "Queequeg"), ("{{.spouter.global.name}}", "Ishmael"),
        ("{{.spouter.global.harpooner}}", "<no value>"),
        ("{{.global.nested.boat}}", "true"), ("{{.pequod.global.nested.boat}}", "true"),
        ("{{.spouter.global.nested.boat}}", "true"), ("{{.pequod.global.nested.sail}}", "true"),
        ("{{.spouter.global.nested.sail}}", "<no value>"),
        ("{{.global.nested2.l0}}", "moby"), ("{{.global.nested2.l1}}", "<no value>"),
        ("{{.global.nested2.l2}}", "<no value>"), ("{{.pequod.global.nested2.l0}}", "moby"),
        ("{{.pequod.global.nested2.l1}}", "pequod"), ("{{.pequod.global.nested2.l2}}", "<no value>"),
        ("{{.pequod.ahab.global.nested2.l0}}", "moby"),
        ("{{.pequod.ahab.global.nested2.l1}}", "pequod"),
        ("{{.pequod.ahab.global.nested2.l2}}", "ahab"), ("{{.spouter.global.nested2.l0}}", "moby"),
        ("{{.spouter.global.nested2.l1}}", "spouter"),
        ("{{.spouter.global.nested2.l2}}", "<no value>"),
    ]
    return [list(r) for r in rows]


TABLES_DST = {"name": "Ishmael",
              "address": {"street": "123 Spouter Inn Ct.", "city": "Nantucket", "country": None},
              "details": {"friends": ["Tashtego"]}, "boat": "pequod", "hole": None}
TABLES_SRC = {"occupation": "whaler",
              "address": {"state": "MA", "street": "234 Spouter Inn Ct.", "country": "US"},
              "details": "empty", "boat": {"mast": True}, "hole": "black"}
TABLES_DST2 = {"name": "Ishmael",
               "address": {"street": "123 Spouter Inn Ct.", "city": "Nantucket", "country": "US"},
               "details": {"friends": ["Tashtego"]}, "boat": "pequod", "hole": "black"}
SAME_AS_DST = [["name", "Ishmael"], ["address.street", "123 Spouter Inn Ct."],
               ["address.city", "Nantucket"], ["details.friends", ["Tashtego"]], ["boat", "pequod"]]

CASES = [
    {"test": "TestCoalesceValues", "kind": "coalesce", "chart": COALESCE_CHART,
     "user_yaml": VALUES_YAML, "templates": templates(True),
     "absent": ["bottom", "right", "left", "front", "nested.boat", "pequod.boat", "pequod.ahab.boat",
                "pequod.ahab.nested.boat", "pequod.ahab.object"]},
    {"test": "TestMergeValues", "kind": "merge", "chart": MERGE_CHART,
     "user_yaml": VALUES_YAML, "templates": templates(False),
     "null": ["bottom", "right", "left", "front"],
     "present": ["nested.boat", "pequod.ahab.boat", "pequod.ahab.nested.bar"]},
    {"test": "TestCoalesceTables", "kind": "tables", "merge": False, "dst": TABLES_DST,
     "src": TABLES_SRC,
     "equals": SAME_AS_DST + [["occupation", "whaler"], ["address.state", "MA"]],
     "absent": ["address.country", "hole"]},
    {"test": "TestCoalesceTables/nil-src", "kind": "tables", "merge": False, "dst": TABLES_DST2,
     "src": None,
     "equals": SAME_AS_DST + [["address.country", "US"], ["hole", "black"]]},
    {"test": "TestMergeTables", "kind": "tables", "merge": True, "dst": TABLES_DST, "src": TABLES_SRC,
     "equals": SAME_AS_DST + [["occupation", "whaler"], ["address.state", "MA"]],
     "null": ["address.country", "hole"]},
    {"test": "TestMergeTables/nil-src", "kind": "tables", "merge": True,
     "dst": dict(TABLES_DST2, nilval=None), "src": None,
     "equals": SAME_AS_DST + [["address.country", "US"], ["hole", "black"]], "null": ["nilval"]},
    {"test": "TestCoalesceValuesWarnings", "applies": False,
     "why": "checks the warnings coalesce logs (`skipped value for …: Not a table.`); the engine "
            "merges as Helm does but does not report these warnings, which change no output"},
    {"test": "TestConcatPrefix", "applies": False,
     "why": "checks the unexported concatPrefix on Go strings"},
    {"test": "TestCoalesceValuesEmptyMapWithNils", "kind": "coalesce",
     "chart": chart("test", {"data": {}}),
     "user": {"data": {"foo": "bar", "baz": None}},
     "equals": [["data.foo", "bar"]], "null": ["data.baz"]},
]


def main():
    for c in CASES:
        c["source"] = SOURCE
    doc = {"source": "helm/helm pkg/chart/common/util/coalesce_test.go, transcribed by "
                     "transcribe_helm_coalesce.py", "cases": CASES}
    with open(os.path.join(HERE, "helm-coalesce-suite-cases.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(CASES)} cases, {sum(1 for c in CASES if c.get('applies', True))} apply")


if __name__ == "__main__":
    main()
