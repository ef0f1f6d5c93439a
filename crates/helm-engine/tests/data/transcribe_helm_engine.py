#!/usr/bin/env python3
"""Writes `helm-engine-suite-cases.json`: the cases of Helm's
`pkg/engine/engine_test.go`, `pkg/engine/files_test.go` and
`pkg/chart/common/util/values_test.go` (helm/helm, v4 layout), transcribed
by hand from the Go files read with the search tool.

These tests build their charts in Go code (`chart.Chart{Templates: ...}`,
`AddDependency`), so no pattern extracts them: each case below names its
test and gives the same charts, values and the expectation the test states,
literally. Re-run to regenerate the JSON after editing a case here.

Two kinds of case:
  - "chart": `files` is a chart folder (Chart.yaml added for each chart that
    the Go test builds from Metadata alone: apiVersion v2, version 0.1.0
    unless the test sets them); `values` are the user values, coalesced with
    the chart's defaults as `util.CoalesceValues` does; `release` is
    `.Release.Name`; `expect` maps template names to the text Helm renders;
    `error` is Helm's whole error text, `error_suffix`/`error_contains` a
    part of it, as the Go test checks it.
  - "renderables": Helm's unexported `Engine.render` on bare templates
    (`templates` is a list of [name, text], `data` the dot): the same
    function table and error wording, no chart.
Go tests that check internals (unexported functions on Go values), need a
cluster (`lookup` with a fake client), the network (DNS), or Go code (custom
function maps) are kept with `applies: false` and why.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE = "helm/helm pkg/engine/engine_test.go @ 0211dc877b962111a3b2050231f86b18d42d34bf"
FILES = "helm/helm pkg/engine/files_test.go @ 0061f66d3794e45b2be20f9fd1ece3569c1d13f7"
VALUES = "helm/helm pkg/chart/common/util/values_test.go @ 111d4e6e0e86af6ba25a355be1a7599f5258ee58"


def chart_yaml(name, version="0.1.0"):
    return f"apiVersion: v2\nname: {name}\nversion: {version}\n"


def case(test, source=ENGINE, **fields):
    return {"source": source, "test": test, **fields}


def cannot(test, why, source=ENGINE):
    return {"source": source, "test": test, "applies": False, "why": why}


CASES = []

# TestSortTemplates, TestFuncMap: internals.
CASES.append(cannot("TestSortTemplates",
                    "checks the unexported sortTemplates on a Go map of paths, not a render; "
                    "the order it gives shows in which `define` wins, which the chart cases cover"))
CASES.append(case("TestFuncMap", kind="funcmap",
                  absent=["env", "expandenv"],
                  present=["include", "required", "tpl", "toYaml", "fromYaml", "toToml", "fromToml",
                           "toJson", "fromJson", "lookup"]))

CASES.append(case(
    "TestRender", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("moby", "1.2.3"),
        "values.yaml": "outer: DEFAULT\ninner: DEFAULT\n",
        "templates/test1": "{{.Values.outer | title }} {{.Values.inner | title}}",
        "templates/test2": "{{.Values.global.callme | lower }}",
        "templates/test3": "{{.noValue}}",
        "templates/test4": "{{toJson .Values}}",
        "templates/test5": '{{getHostByName "helm.sh"}}',
    },
    values={"outer": "spouter", "inner": "inn", "global": {"callme": "Ishmael"}},
    expect={
        "moby/templates/test1": "Spouter Inn",
        "moby/templates/test2": "ishmael",
        "moby/templates/test3": "",
        "moby/templates/test4": '{"global":{"callme":"Ishmael"},"inner":"inn","outer":"spouter"}',
        "moby/templates/test5": "",
    },
    note="the Go test passes {\"Values\": {...}} to CoalesceValues, so its values are one level "
         "down; what it checks of test4 is the user values under .Values, as here"))

CASES.append(case(
    "TestRenderRefsOrdering", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("parent", "1.2.3"),
        "templates/_helpers.tpl": '{{- define "test" -}}parent value{{- end -}}',
        "templates/test.yaml": '{{ tpl "{{ include \\"test\\" . }}" . }}',
        "charts/child/Chart.yaml": chart_yaml("child", "1.2.3"),
        "charts/child/templates/_helpers.tpl": '{{- define "test" -}}child value{{- end -}}',
    },
    values={}, repeat=100,
    expect={"parent/templates/test.yaml": "parent value"}))

CASES.append(case(
    "TestRenderInternals", kind="renderables",
    templates=[["one", "Hello {{title .Name}}"], ["two", "Goodbye {{upper .Value}}"],
               ["three", '{{template "two" dict "Value" "three"}}']],
    data={"Name": "one", "Value": "two"},
    expect={"one": "Hello One", "two": "Goodbye TWO", "three": "Goodbye THREE"}))

CASES.append(cannot("TestRenderWithDNS", "needs the network: getHostByName with DNS enabled"))
CASES.append(cannot("TestRenderWithClientProvider",
                    "needs a cluster: lookup through a fake Kubernetes client holding objects; "
                    "offline, lookup gives an empty map as helm template's does"))
CASES.append(cannot("TestRenderWithClientProvider_error",
                    "needs a cluster: a client provider that fails for one kind"))

CASES.append(case(
    "TestParallelRenderInternals", kind="renderables",
    templates=[["t", "{{.val}}"]], data={"val": "expect-7"}, expect={"t": "expect-7"},
    note="the Go test renders `{{.val}}` from 20 goroutines with one Engine; each render here "
         "has its own state, so one render stands for them"))

CASES.append(case(
    "TestParseErrors", kind="renderables",
    templates=[["undefined_function", "{{foo}}"]], data={"Values": {}},
    error='parse error at (undefined_function:1): function "foo" not defined'))

for name, tname, tpl, err in [
    ("MissingRequired", "missing_required", '{{required "foo is required" .Values.foo}}',
     "execution error at (missing_required:1:2): foo is required"),
    ("MissingRequiredWithColons", "missing_required_with_colons",
     '{{required ":this: message: has many: colons:" .Values.foo}}',
     "execution error at (missing_required_with_colons:1:2): :this: message: has many: colons:"),
    ("Issue6044", "issue6044",
     '{{ $someEmptyValue := "" }}\n{{ $myvar := "abc" }}\n'
     '{{- required (printf "%s: something is missing" $myvar) $someEmptyValue | repeat 0 }}',
     "execution error at (issue6044:3:4): abc: something is missing"),
    ("MissingRequiredWithNewlines", "issue9981",
     '{{required "foo is required\\nmore info after the break" .Values.foo}}',
     "execution error at (issue9981:1:2): foo is required\nmore info after the break"),
    ("FailWithNewlines", "issue9981", '{{fail "something is wrong\\nlinebreak"}}',
     "execution error at (issue9981:1:2): something is wrong\nlinebreak"),
]:
    CASES.append(case("TestExecErrors/" + name, kind="renderables", templates=[[tname, tpl]],
                      data={"Values": {}}, error=err))

CASES.append(case(
    "TestFailErrors", kind="renderables",
    templates=[["failtpl", 'All your base are belong to us{{ fail "This is an error" }}']],
    data={"Values": {}}, error="execution error at (failtpl:1:33): This is an error"))
CASES.append(case(
    "TestFailErrors/LintMode", kind="renderables", lint=True,
    templates=[["failtpl", 'All your base are belong to us{{ fail "This is an error" }}']],
    data={"Values": {}}, expect={"failtpl": "All your base are belong to us"}))

CASES.append(case(
    "TestAllTemplates", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("ch1"),
        "templates/foo": "foo", "templates/bar": "bar",
        "charts/laboratory mice/Chart.yaml": chart_yaml("laboratory mice"),
        "charts/laboratory mice/templates/pinky": "pinky",
        "charts/laboratory mice/templates/brain": "brain",
        "charts/laboratory mice/charts/same thing we do every night/Chart.yaml":
            chart_yaml("same thing we do every night"),
        "charts/laboratory mice/charts/same thing we do every night/templates/innermost": "innermost",
    },
    values={}, expect_count=5,
    note="the Go test counts the templates allTemplates collects (5); here, the files rendered"))

CASES.append(cannot("TestRenderInvalidChartType",
                    "passes a Go struct{} where a chart is expected: a Go type check"))

CASES.append(case(
    "TestChartValuesContainsIsRoot", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("parent"),
        "templates/isroot": "{{.Chart.IsRoot}}",
        "charts/child/Chart.yaml": chart_yaml("child"),
        "charts/child/templates/isroot": "{{.Chart.IsRoot}}",
    },
    values={},
    expect={"parent/charts/child/templates/isroot": "false", "parent/templates/isroot": "true"}))

CASES.append(case(
    "TestRenderDependency", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("outerchart"),
        "templates/outer": 'Hello {{template "myblock"}}',
        "charts/innerchart/Chart.yaml": chart_yaml("innerchart"),
        "charts/innerchart/templates/inner": '{{define "myblock"}}World{{end}}',
    },
    values={}, expect_count=2,
    expect={"outerchart/templates/outer": "Hello World"}))

CASES.append(case(
    "TestRenderNestedValues", kind="chart", release="dyin",
    files={
        "Chart.yaml": chart_yaml("top"),
        "values.yaml": json.dumps({"what": "stinkweed", "who": "me",
                                   "herrick": {"who": "time", "what": "Sun"}}),
        "templates/outer.tpl": "Gather ye {{.Values.what}} while ye may",
        "templates/subcharts.tpl":
            "The glorious Lamp of {{.Subcharts.herrick.Subcharts.deepest.Values.where}}, "
            "the {{.Subcharts.herrick.Values.what}}",
        "charts/herrick/Chart.yaml": chart_yaml("herrick"),
        "charts/herrick/values.yaml": json.dumps({"who": "Robert", "what": "glasses"}),
        "charts/herrick/templates/inner.tpl": "Old {{.Values.who}} is still a-flyin'",
        "charts/herrick/charts/deepest/Chart.yaml": chart_yaml("deepest"),
        "charts/herrick/charts/deepest/values.yaml": json.dumps({"what": "milkshake", "where": "here"}),
        "charts/herrick/charts/deepest/templates/inner.tpl":
            "And this same {{.Values.what}} that smiles {{.Values.global.when}}",
        "charts/herrick/charts/deepest/templates/release.tpl":
            'Tomorrow will be {{default "happy" .Release.Name }}',
    },
    values={"what": "rosebuds", "herrick": {"deepest": {"what": "flower", "where": "Heaven"}},
            "global": {"when": "to-day"}},
    expect={
        "top/templates/outer.tpl": "Gather ye rosebuds while ye may",
        "top/charts/herrick/templates/inner.tpl": "Old time is still a-flyin'",
        "top/charts/herrick/charts/deepest/templates/inner.tpl": "And this same flower that smiles to-day",
        "top/charts/herrick/charts/deepest/templates/release.tpl": "Tomorrow will be dyin",
        "top/templates/subcharts.tpl": "The glorious Lamp of Heaven, the Sun",
    }))

CASES.append(case(
    "TestRenderBuiltinValues", kind="chart", release="Aeneid",
    files={
        "Chart.yaml": chart_yaml("Troy"),
        "templates/Aeneas": "{{.Template.Name}}{{.Chart.Name}}{{.Release.Name}}",
        "templates/Amata": '{{.Subcharts.Latium.Chart.Name}} {{.Subcharts.Latium.Files.author | printf "%s"}}',
        "charts/Latium/Chart.yaml": chart_yaml("Latium"),
        "charts/Latium/templates/Lavinia": "{{.Template.Name}}{{.Chart.Name}}{{.Release.Name}}",
        "charts/Latium/templates/From": '{{.Files.author | printf "%s"}} {{.Files.Get "book/title.txt"}}',
        "charts/Latium/author": "Virgil",
        "charts/Latium/book/title.txt": "Aeneid",
    },
    values={},
    expect={
        "Troy/charts/Latium/templates/Lavinia": "Troy/charts/Latium/templates/LaviniaLatiumAeneid",
        "Troy/templates/Aeneas": "Troy/templates/AeneasTroyAeneid",
        "Troy/templates/Amata": "Latium Virgil",
        "Troy/charts/Latium/templates/From": "Virgil Aeneid",
    }))

CASES.append(case(
    "TestAlterFuncMap_include", kind="chart", release="Mistah Kurtz",
    files={
        "Chart.yaml": chart_yaml("conrad"),
        "templates/quote": '{{include "conrad/templates/_partial" . | indent 2}} dead.',
        "templates/_partial": "{{.Release.Name}} - he",
    },
    values={}, expect={"conrad/templates/quote": "  Mistah Kurtz - he dead."}))
CASES.append(case(
    "TestAlterFuncMap_include/nested", kind="chart", release="Mistah Kurtz",
    files={
        "Chart.yaml": chart_yaml("nested"),
        "templates/quote": '{{include "nested/templates/quote" . | indent 2}} dead.',
        "templates/_partial": "{{.Release.Name}} - he",
    },
    values={}, error_contains="nested/templates/quote",
    note="the Go test only checks that the render fails; its message names the template"))

CASES.append(case(
    "TestAlterFuncMap_require", kind="chart", release="That 90s meme",
    files={
        "Chart.yaml": chart_yaml("conan"),
        "templates/quote": "All your base are belong to {{ required \"A valid 'who' is required\" .Values.who }}",
        "templates/bases": "All {{ required \"A valid 'bases' is required\" .Values.bases }} of them!",
    },
    values={"who": "us", "bases": 2},
    expect={"conan/templates/quote": "All your base are belong to us",
            "conan/templates/bases": "All 2 of them!"}))
CASES.append(case(
    "TestAlterFuncMap_require/LintMode", kind="chart", release="That 90s meme", lint=True,
    files={
        "Chart.yaml": chart_yaml("conan"),
        "templates/quote": "All your base are belong to {{ required \"A valid 'who' is required\" .Values.who }}",
        "templates/bases": "All {{ required \"A valid 'bases' is required\" .Values.bases }} of them!",
    },
    values={"who": "us"},
    expect={"conan/templates/quote": "All your base are belong to us",
            "conan/templates/bases": "All  of them!"}))

CASES.append(case(
    "TestAlterFuncMap_tpl", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplFunction"),
           "templates/base": 'Evaluate tpl {{tpl "Value: {{ .Values.value}}" .}}'},
    values={"value": "myvalue"},
    expect={"TplFunction/templates/base": "Evaluate tpl Value: myvalue"}))
CASES.append(case(
    "TestAlterFuncMap_tplfunc", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplFunction"),
           "templates/base": 'Evaluate tpl {{tpl "Value: {{ .Values.value | quote}}" .}}'},
    values={"value": "myvalue"},
    expect={"TplFunction/templates/base": 'Evaluate tpl Value: "myvalue"'}))
CASES.append(case(
    "TestAlterFuncMap_tplinclude", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplFunction"),
           "templates/base": '{{ tpl "{{include `TplFunction/templates/_partial` .  | quote }}" .}}',
           "templates/_partial": "{{.Template.Name}}"},
    values={"value": "myvalue"},
    expect={"TplFunction/templates/base": '"TplFunction/templates/base"'}))

CASES.append(case(
    "TestRenderRecursionLimit", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("bad"),
           "templates/base": '{{include "recursion" . }}',
           "templates/recursion": '{{define "recursion"}}{{include "recursion" . }}{{end}}'},
    values={},
    error_suffix="rendering template has a nested reference name: recursion: unable to execute template"))
PHRASE = "All work and no play makes Jack a dull boy"
CASES.append(case(
    "TestRenderRecursionLimit/many-calls", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("overlook"),
           "templates/quote": {"repeat": '{{include "overlook" . }}', "times": 4000},
           "templates/_function": '{{define "overlook"}}{{printf "' + PHRASE + '\\n"}}{{end}}'},
    values={},
    expect={"overlook/templates/quote": {"repeat": PHRASE + "\n", "times": 4000}}))

CASES.append(case(
    "TestRenderLoadTemplateForTplFromFile", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplLoadFromFile"),
           "templates/base": "{{ tpl (.Files.Get .Values.filename) . }}",
           "templates/_function": '{{define "test-function"}}test-function{{end}}',
           "test": "{{ tpl (.Files.Get .Values.filename2) .}}",
           "test2": '{{include "test-function" .}}{{define "nested-define"}}nested-define-content{{end}} '
                    '{{include "nested-define" .}}'},
    values={"filename": "test", "filename2": "test2"},
    expect={"TplLoadFromFile/templates/base": "test-function nested-define-content"}))

CASES.append(case(
    "TestRenderTplEmpty", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplEmpty"),
           "templates/empty-string": '{{tpl "" .}}',
           "templates/empty-action": '{{tpl "{{ \\"\\"}}" .}}',
           "templates/only-defines": '{{tpl "{{define \\"not-invoked\\"}}not-rendered{{end}}" .}}'},
    values={},
    expect={"TplEmpty/templates/empty-string": "", "TplEmpty/templates/empty-action": "",
            "TplEmpty/templates/only-defines": ""}))

CASES.append(case(
    "TestRenderTplTemplateNames", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplTemplateNames"),
           "templates/default-basepath": '{{tpl "{{ .Template.BasePath }}" .}}',
           "templates/default-name": '{{tpl "{{ .Template.Name }}" .}}',
           "templates/modified-basepath": '{{tpl "{{ .Template.BasePath }}" .Values.dot}}',
           "templates/modified-name": '{{tpl "{{ .Template.Name }}" .Values.dot}}',
           "templates/modified-field": '{{tpl "{{ .Template.Field }}" .Values.dot}}'},
    values={"dot": {"Template": {"BasePath": "path/to/template", "Name": "name-of-template",
                                 "Field": "extra-field"}}},
    expect={"TplTemplateNames/templates/default-basepath": "TplTemplateNames/templates",
            "TplTemplateNames/templates/default-name": "TplTemplateNames/templates/default-name",
            "TplTemplateNames/templates/modified-basepath": "path/to/template",
            "TplTemplateNames/templates/modified-name": "name-of-template",
            "TplTemplateNames/templates/modified-field": "extra-field"}))

CASES.append(case(
    "TestRenderTplRedefines", kind="chart", release="TestRelease",
    files={
        "Chart.yaml": chart_yaml("TplRedefines"),
        "templates/_partials": '{{define "partial"}}original-in-partial{{end}}',
        "templates/partial": 'before: {{include "partial" .}}\n{{tpl .Values.partialText .}}\n'
                             'after: {{include "partial" .}}',
        "templates/manifest": '{{define "manifest"}}original-in-manifest{{end}}'
                              'before: {{include "manifest" .}}\n{{tpl .Values.manifestText .}}\n'
                              'after: {{include "manifest" .}}',
        "templates/manifest-only": '{{define "manifest-only"}}only-in-manifest{{end}}'
                                   'before: {{include "manifest-only" .}}\n'
                                   '{{tpl .Values.manifestOnlyText .}}\n'
                                   'after: {{include "manifest-only" .}}',
        "templates/nested": '{{define "nested"}}original-in-manifest{{end}}'
                            '{{define "nested-outer"}}original-outer-in-manifest{{end}}'
                            'before: {{include "nested" .}} {{include "nested-outer" .}}\n'
                            '{{tpl .Values.nestedText .}}\n'
                            'after: {{include "nested" .}} {{include "nested-outer" .}}',
    },
    values={
        "partialText": '{{define "partial"}}redefined-in-tpl{{end}}tpl: {{include "partial" .}}',
        "manifestText": '{{define "manifest"}}redefined-in-tpl{{end}}tpl: {{include "manifest" .}}',
        "manifestOnlyText": 'tpl: {{include "manifest-only" .}}',
        "nestedText": '{{define "nested"}}redefined-in-tpl{{end}}'
                      '{{define "nested-outer"}}redefined-outer-in-tpl{{end}}'
                      'before-inner-tpl: {{include "nested" .}} {{include "nested-outer" . }}\n'
                      '{{tpl .Values.innerText .}}\n'
                      'after-inner-tpl: {{include "nested" .}} {{include "nested-outer" . }}',
        "innerText": '{{define "nested"}}redefined-in-inner-tpl{{end}}'
                     'inner-tpl: {{include "nested" .}} {{include "nested-outer" . }}',
    },
    expect={
        "TplRedefines/templates/partial":
            "before: original-in-partial\ntpl: redefined-in-tpl\nafter: original-in-partial",
        "TplRedefines/templates/manifest":
            "before: original-in-manifest\ntpl: redefined-in-tpl\nafter: original-in-manifest",
        "TplRedefines/templates/manifest-only":
            "before: only-in-manifest\ntpl: only-in-manifest\nafter: only-in-manifest",
        "TplRedefines/templates/nested":
            "before: original-in-manifest original-outer-in-manifest\n"
            "before-inner-tpl: redefined-in-tpl redefined-outer-in-tpl\n"
            "inner-tpl: redefined-in-inner-tpl redefined-outer-in-tpl\n"
            "after-inner-tpl: redefined-in-tpl redefined-outer-in-tpl\n"
            "after: original-in-manifest original-outer-in-manifest",
    }))

CASES.append(case(
    "TestRenderTplMissingKey", kind="chart", release="TestRelease",
    files={"Chart.yaml": chart_yaml("TplMissingKey"),
           "templates/manifest": 'missingValue: {{tpl "{{.Values.noSuchKey}}" .}}'},
    values={}, expect={"TplMissingKey/templates/manifest": "missingValue: "}))
CASES.append(cannot("TestRenderTplMissingKeyString",
                    "needs Engine.Strict (missingkey=error), an SDK option that neither helm template "
                    "nor chartgen template offers"))

CASES.append(case(
    "TestNestedHelpersProducesMultilineStacktrace", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("NestedHelperFunctions"),
        "templates/svc.yaml": 'name: {{ include "nested_helper.name" . }}',
        "templates/_helpers_1.tpl":
            '{{- define "nested_helper.name" -}}{{- include "common.names.get_name" . -}}{{- end -}}',
        "charts/common/Chart.yaml": chart_yaml("common"),
        "charts/common/templates/_helpers_2.tpl":
            '{{- define "common.names.get_name" -}}{{- .Values.nonexistant.key | trunc 63 | '
            'trimSuffix "-" -}}{{- end -}}',
    },
    values={},
    error='NestedHelperFunctions/templates/svc.yaml:1:9\n'
          '  executing "NestedHelperFunctions/templates/svc.yaml" at <include "nested_helper.name" .>:\n'
          '    error calling include:\n'
          'NestedHelperFunctions/templates/_helpers_1.tpl:1:39\n'
          '  executing "nested_helper.name" at <include "common.names.get_name" .>:\n'
          '    error calling include:\n'
          'NestedHelperFunctions/charts/common/templates/_helpers_2.tpl:1:49\n'
          '  executing "common.names.get_name" at <.Values.nonexistant.key>:\n'
          '    nil pointer evaluating interface {}.key',
    note="the Go test puts charts/common/templates/_helpers_2.tpl among the parent's own "
         "templates; a chart folder holds it in a subchart `common`, whose template has the "
         "same name"))

CASES.append(case(
    "TestMultilineNoTemplateAssociatedError", kind="chart", release="release-name",
    files={
        "Chart.yaml": chart_yaml("multiline"),
        "templates/svc.yaml": 'name: {{ include "nested_helper.name" . }}',
        "templates/test.yaml": "{{ toYaml .Values }}",
        "charts/common/Chart.yaml": chart_yaml("common"),
        "charts/common/templates/_helpers_2.tpl": "{{ toYaml .Values }}",
    },
    values={},
    error='multiline/templates/svc.yaml:1:9\n'
          '  executing "multiline/templates/svc.yaml" at <include "nested_helper.name" .>:\n'
          '    error calling include:\n'
          'template: no template "nested_helper.name" associated with template "gotpl"',
    note="as above, the helper lives in a subchart `common`"))

CASES.append(cannot("TestRenderCustomTemplateFuncs",
                    "adds Go functions to the engine (Engine.CustomTemplateFuncs): Go code"))
CASES.append(cannot("TestTraceableError_SimpleForm",
                    "checks the unexported parseTemplateSimpleErrorString on a Go string"))
CASES.append(cannot("TestTraceableError_ExecutingForm",
                    "checks the unexported parseTemplateExecutingAtErrorType on Go strings"))
CASES.append(cannot("TestTraceableError_NoTemplateForm",
                    "checks the unexported parseTemplateNoTemplateError on a Go string"))

CASES.append(case(
    "TestRenderSubchartDefaultNilNoStringify", kind="chart", release="test-release",
    files={
        "Chart.yaml": chart_yaml("parent"),
        "charts/child/Chart.yaml": chart_yaml("child"),
        "charts/child/values.yaml": "keyMapping:\n  password: null\n",
        "charts/child/templates/test.yaml":
            '{{- if hasKey .Values.keyMapping "password" -}}{{- printf "subPath: %s" '
            '(index .Values.keyMapping "password") -}}{{- else -}}subPath: fallback{{- end -}}',
    },
    values={}, expect={"parent/charts/child/templates/test.yaml": "subPath: fallback"}))

# files_test.go: engine.files over five files, through templates.
FILE_SET = {
    "ship/captain.txt": "The Captain",
    "ship/stowaway.txt": "Legatt",
    "story/name.txt": "The Secret Sharer",
    "story/author.txt": "Joseph Conrad",
    "multiline/test.txt": "bar\nfoo",
}


def files_case(test, templates, expect, **extra):
    files = {"Chart.yaml": chart_yaml("files")}
    files.update(FILE_SET)
    files.update({"templates/" + k: v for k, v in templates.items()})
    return case(test, source=FILES, kind="chart", release="release-name", files=files, values={},
                expect={"files/templates/" + k: v for k, v in expect.items()}, **extra)


CASES.append(files_case(
    "TestNewFiles",
    {"get-" + str(i): '{{ .Files.GetBytes "%s" | printf "%%s" }}|{{ .Files.Get "%s" }}' % (p, p)
     for i, p in enumerate(FILE_SET)},
    {"get-" + str(i): d + "|" + d for i, d in enumerate(FILE_SET.values())},
    note="GetBytes twice in Go; here GetBytes and Get, both the file's text"))
CASES.append(files_case("TestGetNonExistingFile", {"missing": '{{ .Files.Get "no_such_file.txt" }}'},
                        {"missing": ""},
                        note="Go also checks the log line `not included`, which a render does not print"))
CASES.append(files_case(
    "TestFileGlob",
    {"glob": '{{ $m := .Files.Glob "story/**" }}{{ len $m }} {{ $m.Get "story/author.txt" }}'},
    {"glob": "2 Joseph Conrad"}))
LATER_FILES = ("the stored files_test.go is from a Helm later than v4.2.3, whose {} on no files "
               "returns an error (`must pass files`); Helm v4.2.3, which chartgen renders as, "
               "gives {} (probed with the SDK)")
CASES.append(files_case(
    "TestToConfig",
    {"one": '{{ (.Files.Glob "**/captain.txt").AsConfig }}',
     "ship": '{{ (.Files.Glob "ship/**").AsConfig }}'},
    {"one": "captain.txt: The Captain", "ship": "captain.txt: The Captain\nstowaway.txt: Legatt"}))
CASES.append(cannot("TestToConfig/no-files", LATER_FILES.format("AsConfig", "`{}`"), source=FILES))
CASES.append(files_case(
    "TestToSecret",
    {"ship": '{{ (.Files.Glob "ship/**").AsSecrets }}'},
    {"ship": "captain.txt: VGhlIENhcHRhaW4=\nstowaway.txt: TGVnYXR0"}))
CASES.append(cannot("TestToSecret/no-files", LATER_FILES.format("AsSecrets", "`{}`"), source=FILES))
CASES.append(files_case(
    "TestLines",
    {"lines": '{{ $l := .Files.Lines "multiline/test.txt" }}{{ len $l }} {{ index $l 0 }}'},
    {"lines": "2 bar"}))
CASES.append(cannot("TestLines/no-file", LATER_FILES.format("Lines", "an empty list"), source=FILES))
# values_test.go: ToRenderValues' top objects, read through a template.
CASES.append(case(
    "TestToRenderValues", source=VALUES, kind="chart", release="Seven Voyages",
    files={
        "Chart.yaml": chart_yaml("test"),
        "values.yaml": json.dumps({"name": "al Rashid", "where": {"city": "Basrah", "title": "caliph"}}),
        "scheherazade/shahryar.txt": "1,001 Nights",
        "templates/values": "{{ .Chart.Name }}|{{ .Release.Name }}|{{ .Release.Namespace }}|"
                            "{{ .Release.Revision }}|{{ .Release.IsUpgrade }}|{{ .Release.IsInstall }}|"
                            '{{ .Capabilities.APIVersions.Has "v1" }}|{{ .Capabilities.KubeVersion.Major }}|'
                            "{{ .Values.name }}|{{ .Values.where.city }}|{{ .Values.where.date }}|"
                            "{{ .Values.where.title }}",
        "charts/where/Chart.yaml": chart_yaml("where"),
    },
    values={"name": "Haroun", "where": {"city": "Baghdad", "date": "809 CE"}},
    expect={"test/templates/values":
            "test|Seven Voyages|default|1|false|true|true|1|Haroun|Baghdad|809 CE|caliph"},
    note="the Go test reads the map ToRenderValues returns; here a template prints the same "
         "fields (a subchart named `where` takes the values under `where`)"))


def main():
    doc = {
        "source": "helm/helm pkg/engine/engine_test.go and files_test.go, transcribed by "
                  "transcribe_helm_engine.py",
        "cases": CASES,
    }
    with open(os.path.join(HERE, "helm-engine-suite-cases.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(CASES)} cases, {sum(1 for c in CASES if c.get('applies', True))} apply")


if __name__ == "__main__":
    main()
