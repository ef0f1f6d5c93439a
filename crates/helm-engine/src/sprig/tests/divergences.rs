//! Where chartgen knowingly differs from Helm v4.2.3, and why.

use super::Expect::{self, Err, Out};

/// Why chartgen differs from Helm in [`DIVERGES`].
const WHY_LITERAL: &str = "a template literal of the wrong type fails when the function runs; Go fails earlier, with the literal in the message";
const WHY_TYPES: &str = "Go types the value model cannot tell apart ([]string, int64, map[string]string, time.Time, *semver.Version)";
const WHY_SLICE: &str = "Helm's `slice` is sprig's (it replaces Go's builtin); the engine keeps Go's builtin under that name, sprig's is `mustSlice`";
const WHY_MUTATE: &str = "Go maps are references and `set`/`unset`/`merge` change them in place; template values here are immutable, so only the returned map changes";
const WHY_ORDER: &str = "Go ranges over maps in random order; here keys come sorted";
const WHY_BYTES: &str = "Go strings are bytes; a string that is not UTF-8 cannot be represented";
const WHY_SEMVER: &str = "`semver` returns a dict with the Version's method names, so `.Major` works but printing and methods with arguments do not";
const WHY_TZ: &str = "named time zones are not loaded; every zone is UTC";
const WHY_REGEXNAME: &str =
    "the `regex` crate refuses a capture-group name used twice, which Go allows";
const WHY_ENGINE: &str = "the engine prints floats itself, with Rust's formatting; sprig's own results go through `toString` in the Helm table";
const WHY_TIMEJSON: &str =
    "a time is carried as its printed string, so JSON shows that string rather than RFC 3339";
const WHY_INT64: &str =
    "Go reads only int64 here, and a template int is `int`; the value model has one integer type";
const WHY_VALUES_TYPE: &str = "Helm's `.Values` has its own Go type (`common.Values`), which `dig` refuses; here it is a plain map";

/// Where chartgen knowingly differs from Helm v4.2.3: the template,
/// Helm's output, ours, and why.
pub(super) const DIVERGES: &[(&str, &str, Expect, &str)] = &[
    (
        r#"{{ ternary "a" "b" 1 }}"#,
        r#"error: expected bool; found 1"#,
        Err(r#"wrong type for value; expected bool; got int"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ trunc 3 5 }}"#,
        r#"error: expected string; found 5"#,
        Err(r#"wrong type for value; expected string; got int"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ trunc "3" "hello" }}"#,
        r#"error: expected integer; found "3""#,
        Err(r#"wrong type for value; expected int; got string"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ typeOf (toStrings .Values.l) }}"#,
        r#"[]string"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (add 1 2) }}"#,
        r#"int64"#,
        Out(r#"int"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (until 2) }}"#,
        r#"[]int"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ slice "hello" 1 3 }}"#,
        r#"error: error calling slice: list should be type of slice or array but string"#,
        Out(r#"el"#),
        WHY_SLICE,
    ),
    (r#"{{ slice .Values.el }}"#, r#""#, Out(r#"[]"#), WHY_SLICE),
    (
        r#"{{ slice .Values.sl .Values.f }}"#,
        r#"[c a]"#,
        Err(r#"slice: index must be integer, got float64"#),
        WHY_SLICE,
    ),
    (
        r#"{{ typeOf (split "," "a") }}"#,
        r#"map[string]string"#,
        Out(r#"map[string]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (splitList "," "a") }}"#,
        r#"[]string"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}"#,
        r#"map[a:1 b:2]"#,
        Out(r#"map[a:1]"#),
        WHY_MUTATE,
    ),
    (
        r#"{{ $d := dict "a" 1 }}{{ $_ := unset $d "a" }}{{ $d }}"#,
        r#"map[]"#,
        Out(r#"map[a:1]"#),
        WHY_MUTATE,
    ),
    (
        r#"{{ typeOf (keys .Values.em) }}"#,
        r#"[]string"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ keys (dict "b" 1 "a" 2 "c" 3) }}"#,
        r#"[a c b]"#,
        Out(r#"[a b c]"#),
        WHY_ORDER,
    ),
    (
        r#"{{ $d := dict "a" 1 }}{{ $_ := merge $d (dict "b" 2) }}{{ $d }}"#,
        r#"map[a:1 b:2]"#,
        Out(r#"map[a:1]"#),
        WHY_MUTATE,
    ),
    (
        r#"{{ merge (dict "a" 1) "x" }}"#,
        r#"error: can't handle "x" for arg of type map[string]interface {}"#,
        Err(r#"wrong type for value; expected map[string]interface {}; got string"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ $s := dict "x" 1 }}{{ $d := merge (dict) (dict "a" $s) }}{{ $_ := set $s "y" 2 }}{{ $d }}"#,
        r#"map[a:map[x:1 y:2]]"#,
        Out(r#"map[a:map[x:1]]"#),
        WHY_MUTATE,
    ),
    (
        r#"{{ b64dec "/w==" | b64enc }}"#,
        r#"/w=="#,
        Out(r#"77+9"#),
        WHY_BYTES,
    ),
    (
        r#"{{ typeOf (int64 1) }}"#,
        r#"int64"#,
        Out(r#"int"#),
        WHY_TYPES,
    ),
    (
        r#"{{ kindOf (int64 1) }}"#,
        r#"int64"#,
        Out(r#"int"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (semver "1.2.3") }}"#,
        r#"*semver.Version"#,
        Out(r#"map[string]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ kindOf (semver "1.2.3") }}"#,
        r#"ptr"#,
        Out(r#"map"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf now }}"#,
        r#"time.Time"#,
        Out(r#"string"#),
        WHY_TYPES,
    ),
    (
        r#"{{ kindOf now }}"#,
        r#"struct"#,
        Out(r#"string"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (sortAlpha .Values.sl) }}"#,
        r#"[]string"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (regexFindAll "a" "a" -1) }}"#,
        r#"[]string"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (add1 1) }}"#,
        r#"int64"#,
        Out(r#"int"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (max 1 2) }}"#,
        r#"int64"#,
        Out(r#"int"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (until 1) }}"#,
        r#"[]int"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ typeOf (chunk 1 .Values.sl) }}"#,
        r#"[][]interface {}"#,
        Out(r#"[]interface {}"#),
        WHY_TYPES,
    ),
    (
        r#"{{ semver "1.2.3" }}"#,
        r#"1.2.3"#,
        Out(r#"map[Major:1 Metadata: Minor:2 Original:1.2.3 Patch:3 Prerelease: String:1.2.3]"#),
        WHY_SEMVER,
    ),
    (
        r#"{{ semver "v1" }}"#,
        r#"1.0.0"#,
        Out(r#"map[Major:1 Metadata: Minor:0 Original:v1 Patch:0 Prerelease: String:1.0.0]"#),
        WHY_SEMVER,
    ),
    (
        r#"{{ (semver "1.2.3").Compare (semver "1.2.4") }}"#,
        r#"-1"#,
        Err(r#"can't give argument to non-function <chain>"#),
        WHY_SEMVER,
    ),
    (
        r#"{{ semver "1.2.3-beta+b1" }}"#,
        r#"1.2.3-beta+b1"#,
        Out(
            r#"map[Major:1 Metadata:b1 Minor:2 Original:1.2.3-beta+b1 Patch:3 Prerelease:beta String:1.2.3-beta+b1]"#,
        ),
        WHY_SEMVER,
    ),
    (
        r#"{{ dateInZone "2006-01-02 15:04" 1700000000 "Europe/Paris" }}"#,
        r#"2023-11-14 23:13"#,
        Out(r#"2023-11-14 22:13"#),
        WHY_TZ,
    ),
    (
        r#"{{ toRawJson "\xff" }}"#,
        r#""\ufffd""#,
        Out(r#""ÿ""#),
        WHY_BYTES,
    ),
    (
        r#"{{ regexMatch "(?P<n>a)(?P<n>b)" "ab" }}"#,
        r#"true"#,
        Out(r#"false"#),
        WHY_REGEXNAME,
    ),
    (r#"{{ 1e6 }}"#, r#"1e+06"#, Out(r#"1000000"#), WHY_ENGINE),
    (
        r#"{{ .Values.n }}"#,
        r#"1e+06"#,
        Out(r#"1000000"#),
        WHY_ENGINE,
    ),
    (
        r#"{{ print .Values.n }}"#,
        r#"1e+06"#,
        Out(r#"1000000"#),
        WHY_ENGINE,
    ),
    (
        r#"{{ toRawJson (toDate "2006-01-02" "2024-02-29") }}"#,
        r#""2024-02-29T00:00:00Z""#,
        Out(r#""2024-02-29 00:00:00 +0000 UTC""#),
        WHY_TIMEJSON,
    ),
    (
        r#"{{ toRawJson (semver "1.2.3") }}"#,
        r#""1.2.3""#,
        Out(
            r#"{"Major":1,"Metadata":"","Minor":2,"Original":"1.2.3","Patch":3,"Prerelease":"","String":"1.2.3"}"#,
        ),
        WHY_SEMVER,
    ),
    (
        r#"{{ dateModify "1h" "x" }}"#,
        r#"error: can't handle "x" for arg of type time.Time"#,
        Err(r#"wrong type for value; expected time.Time; got string"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ unixEpoch "x" }}"#,
        r#"error: can't handle "x" for arg of type time.Time"#,
        Err(r#"wrong type for value; expected time.Time; got string"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ duration (int64 90) }}"#,
        r#"1m30s"#,
        Out(r#"0s"#),
        WHY_INT64,
    ),
    (
        r#"{{ durationRound (int64 90000000000) }}"#,
        r#"1m"#,
        Out(r#"0s"#),
        WHY_INT64,
    ),
    (
        r#"{{ typeOf (toDate "2006" "2020") }}"#,
        r#"time.Time"#,
        Out(r#"string"#),
        WHY_TYPES,
    ),
    (
        r#"{{ semver "v1.2.3" }}"#,
        r#"1.2.3"#,
        Out(r#"map[Major:1 Metadata: Minor:2 Original:v1.2.3 Patch:3 Prerelease: String:1.2.3]"#),
        WHY_SEMVER,
    ),
    (
        r#"{{ set (dict) 1 2 }}"#,
        r#"error: expected string; found 1"#,
        Err(r#"wrong type for value; expected string; got int"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ unset (dict) nil }}"#,
        r#"error: cannot assign nil to string"#,
        Err(r#"wrong type for value; expected string; got interface {}"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ values (dict "b" 2 "a" 1) }}"#,
        r#"[2 1]"#,
        Out(r#"[1 2]"#),
        WHY_ORDER,
    ),
    (
        r#"{{ ternary "a" "b" nil }}"#,
        r#"error: cannot assign nil to bool"#,
        Err(r#"wrong type for value; expected bool; got interface {}"#),
        WHY_LITERAL,
    ),
    (
        r#"{{ dig "maps" "dflt" .Values }}"#,
        r#"error: error calling dig: interface conversion: interface {} is common.Values, not map[string]interface {}"#,
        Out(r#"[map[name:a v:1] map[name:b]]"#),
        WHY_VALUES_TYPE,
    ),
];
