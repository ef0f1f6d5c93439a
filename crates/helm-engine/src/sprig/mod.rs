//! The sprig functions Helm's template engine offers (`sprig.TxtFuncMap()`
//! minus `env` and `expandenv`), with Go's semantics.
//!
//! Helm renders templates with Go's `text/template` plus sprig v3. Charts
//! lean on the exact Go behaviour of these functions: `toString` of a float
//! from a values file prints `1e+06`, `trunc` cuts bytes rather than
//! characters, `int "010"` is octal, `merge` keeps non-empty destination
//! values, and so on. Each function here reproduces what Helm v4 does,
//! down to the error messages Go would give where that is practical; the
//! tests pin the behaviour to renders of real Helm.
//!
//! Values arrive as `gotemplate` [`Value`]s, with Go's types: numbers from
//! values files are `float64` (Helm decodes them through JSON), numbers
//! written in a template are `int`, sprig's arithmetic returns `int64`,
//! `splitList` and friends `[]string`, `split` a `map[string]string`, `now`
//! a `time.Time` and `semver` a `*semver.Version` with its methods. Maps
//! are shared: `set`, `unset`, `merge` and `mergeOverwrite` change their
//! first map in place, as Go's references do.
//!
//! [`register`] adds them to a `gotemplate` function table, with Helm's own
//! value functions (`toYaml`, `fromJson`, …). Helm's render-bound functions
//! (`include`, `tpl`, `required`, `fail`, `lookup`) live in the render
//! layer, Go's builtins (`print`, `len`, `index`, `eq`, …) in the engine.
//!
//! Known differences of these functions on their own, each pinned by a
//! test (`DIVERGES`, `STILL_DIVERGE`):
//!
//! - `until`, `untilStep` and `chunk` return `[]int` and `[][]interface {}`
//!   in Go; `gotemplate` lists are `[]interface {}` or `[]string`, so
//!   `typeOf` differs there. Map order is sorted where Go's is random
//!   (`keys`, `values`).
//! - Named time zones are not loaded (every zone is UTC, the local zone
//!   included). DSA keys are refused (`genPrivateKey "dsa"`): Go cannot
//!   sign certificates with them either.
//! - Strings are UTF-8, so byte-wise results that Go leaves as invalid UTF-8
//!   (`trunc` mid-character, `b64dec` of binary data) carry U+FFFD instead.

mod base32;
pub(super) mod base64;
pub(crate) mod convert;
pub(super) mod crypto;
mod decimal;
mod defaults;
mod dicts;
pub(super) mod govalue;
mod hash;
mod helm;
pub(super) mod json;
mod json_check;
mod lists;
mod math;
mod path;
mod random;
mod regexp;
pub(super) mod semver;
pub(crate) use helm::go_yaml_error;
pub use semver::range as semver_range;
mod strings;
pub(crate) mod time;
mod toml;
mod url;
mod xstrings;

use std::fmt::Write as _;

use gotemplate::{Call, Error, FuncTable, Map, MapKind, Str, Value};

use convert::{atoi, to_decimal, to_float64, to_int64};
use defaults::{coalesce, default, ternary};
use dicts::{
    deep_copy, dict, dig, get, has_key, keys, merge, omit, pick, pluck, set, unset, values,
};
use govalue::{deep_equal, is_empty, strval, type_pred};
use json::{must_from_json, to_json};
use lists::{
    append, chunk, compact, concat, first, has, initial, last, prepend, rest, reverse, sprig_slice,
    uniq, without,
};
use math::{
    add1f, decimal_fold, div, max, maxf, min, minf, modulo, mul, round, seq, sub, until, until_step,
};
use random::{
    rand_bytes, rand_int, rand_string, uuidv4, ALPHABETIC, ALPHANUMERIC, NUMERIC, PRINTABLE_ASCII,
};
use regexp::{regex_find, regex_find_all, regex_match, regex_replace_all, regex_split};
use semver::{semver_compare, semver_fn};
use strings::{
    abbrev, abbrevboth, cat, go_title, go_to_lower, go_to_upper, indent, initials, join, nindent,
    nospace, plural, quote, repeat, replace, shuffle, sort_alpha, split, split_list, splitn,
    squote, strslice, substr, swap_case, trim_all, trim_prefix, trim_suffix, trunc, untitle, wrap,
    wrap_with,
};
use time::{ago, date_in_zone, date_modify, duration, duration_round, to_date, unix_epoch};
use url::{url_join, url_parse};

/// A template function's result. `E` defaults to the template error so
/// that the ports of Go packages, which fail with a `String`, can share a
/// module with the functions that wrap them.
type Result<T, E = Error> = std::result::Result<T, E>;

/// The body of one template function.
type Impl = fn(&mut Call<'_>) -> Result<Value>;

/// Adds every sprig function Helm registers to `table`, sprig's `slice`
/// included (it replaces Go's builtin of that name, as in Helm, so the
/// engine's builtins must be registered first), and Helm's own value
/// functions ([`HELM_FUNCS`]).
pub(crate) fn register(table: &mut FuncTable) {
    for &(name, body) in FUNCS.iter().chain(HELM_FUNCS) {
        table.register(name, body);
    }
    table.register("slice", sprig_slice);
}

/// Helm's own functions that need no render (`pkg/engine/funcs.go`); the
/// render layer adds `include`, `tpl`, `required`, `fail` and `lookup`.
pub(crate) const HELM_FUNCS: &[(&str, Impl)] = &[
    ("toYaml", helm::to_yaml),
    ("mustToYaml", helm::must_to_yaml),
    ("toYamlPretty", helm::to_yaml_pretty),
    ("toJson", helm::to_json),
    ("mustToJson", helm::must_to_json),
    ("fromYaml", |c| helm::from_text_map(c, helm::Text::Yaml)),
    ("fromYamlArray", |c| {
        helm::from_text_list(c, helm::Text::Yaml)
    }),
    ("fromJson", |c| helm::from_text_map(c, helm::Text::Json)),
    ("fromJsonArray", |c| {
        helm::from_text_list(c, helm::Text::Json)
    }),
    ("toToml", toml::to_toml),
    ("mustToToml", toml::must_to_toml),
    ("fromToml", toml::from_toml),
];

/// The function table; aliases point at the same body, as in sprig.
const FUNCS: &[(&str, Impl)] = &[
    // Defaults and flow.
    ("default", default),
    ("empty", |c| Ok(Value::Bool(is_empty(c.opt(0)?)))),
    ("coalesce", coalesce),
    ("all", |c| {
        Ok(Value::Bool(c.args.iter().all(|v| !is_empty(v))))
    }),
    ("any", |c| {
        Ok(Value::Bool(c.args.iter().any(|v| !is_empty(v))))
    }),
    ("ternary", ternary),
    ("hello", |c| c.arity(0).map(|()| str_value("Hello!"))),
    // Strings.
    ("toString", |c| {
        c.arity(1)?;
        Ok(str_value(strval(&c.args[0])?))
    }),
    ("quote", quote),
    ("squote", squote),
    ("cat", cat),
    ("trunc", trunc),
    ("trim", |c| map_str(c, |s| s.trim().to_string())),
    ("trimAll", trim_all),
    ("trimall", trim_all),
    ("trimSuffix", trim_suffix),
    ("trimPrefix", trim_prefix),
    ("upper", |c| map_str(c, go_to_upper)),
    ("lower", |c| map_str(c, go_to_lower)),
    ("title", |c| map_str(c, go_title)),
    ("untitle", |c| map_str(c, untitle)),
    ("swapcase", |c| map_str(c, swap_case)),
    ("camelcase", |c| map_str(c, xstrings::camel_case)),
    ("snakecase", |c| {
        map_str(c, |s| xstrings::snake_case(s, '_'))
    }),
    ("kebabcase", |c| {
        map_str(c, |s| xstrings::snake_case(s, '-'))
    }),
    ("shuffle", |c| map_str(c, shuffle)),
    ("nospace", |c| map_str(c, nospace)),
    ("initials", |c| map_str(c, initials)),
    ("replace", replace),
    ("contains", |c| str_pred(c, |sub, s| s.contains(sub))),
    ("hasPrefix", |c| str_pred(c, |p, s| s.starts_with(p))),
    ("hasSuffix", |c| str_pred(c, |p, s| s.ends_with(p))),
    ("indent", indent),
    ("nindent", nindent),
    ("repeat", repeat),
    ("substr", substr),
    ("abbrev", abbrev),
    ("abbrevboth", abbrevboth),
    ("wrap", wrap),
    ("wrapWith", wrap_with),
    ("plural", plural),
    ("split", split),
    ("splitList", split_list),
    ("splitn", splitn),
    ("join", join),
    ("sortAlpha", sort_alpha),
    ("toStrings", |c| {
        c.arity(1)?;
        Ok(str_list(strslice(&c.args[0])?))
    }),
    // Random data.
    ("randAlphaNum", |c| rand_string(c, ALPHANUMERIC)),
    ("randAlpha", |c| rand_string(c, ALPHABETIC)),
    ("randNumeric", |c| rand_string(c, NUMERIC)),
    ("randAscii", |c| rand_string(c, PRINTABLE_ASCII)),
    ("randBytes", rand_bytes),
    ("randInt", rand_int),
    ("uuidv4", uuidv4),
    // Conversions.
    ("atoi", atoi),
    ("int", |c| {
        c.arity(1).map(|()| Value::Int(to_int64(&c.args[0])))
    }),
    ("int64", |c| {
        c.arity(1).map(|()| Value::Int64(to_int64(&c.args[0])))
    }),
    ("float64", |c| {
        c.arity(1).map(|()| Value::Float(to_float64(&c.args[0])))
    }),
    ("toDecimal", to_decimal),
    // Integer math.
    ("add", |c| {
        Ok(Value::Int64(
            c.args.iter().fold(0i64, |a, v| a.wrapping_add(to_int64(v))),
        ))
    }),
    ("add1", |c| {
        c.arity(1)
            .map(|()| Value::Int64(to_int64(&c.args[0]).wrapping_add(1)))
    }),
    ("sub", sub),
    ("mul", mul),
    ("div", div),
    ("mod", modulo),
    ("max", max),
    ("biggest", max),
    ("min", min),
    // Float math, exact in decimal like sprig's shopspring/decimal.
    ("addf", |c| {
        decimal_fold(c, Some(Value::Float(0.0)), decimal::Op::Add)
    }),
    ("add1f", add1f),
    ("subf", |c| decimal_fold(c, None, decimal::Op::Sub)),
    ("mulf", |c| decimal_fold(c, None, decimal::Op::Mul)),
    ("divf", |c| decimal_fold(c, None, decimal::Op::Div)),
    ("maxf", maxf),
    ("minf", minf),
    ("floor", |c| {
        c.arity(1)
            .map(|()| Value::Float(to_float64(&c.args[0]).floor()))
    }),
    ("ceil", |c| {
        c.arity(1)
            .map(|()| Value::Float(to_float64(&c.args[0]).ceil()))
    }),
    ("round", round),
    ("until", until),
    ("untilStep", until_step),
    ("seq", seq),
    // Lists.
    ("list", |c| Ok(list_value(c.args.to_vec()))),
    ("tuple", |c| Ok(list_value(c.args.to_vec()))),
    ("append", append),
    ("push", append),
    ("mustAppend", append),
    ("mustPush", append),
    ("prepend", prepend),
    ("mustPrepend", prepend),
    ("first", first),
    ("mustFirst", first),
    ("last", last),
    ("mustLast", last),
    ("rest", rest),
    ("mustRest", rest),
    ("initial", initial),
    ("mustInitial", initial),
    ("reverse", reverse),
    ("mustReverse", reverse),
    ("uniq", uniq),
    ("mustUniq", uniq),
    ("compact", compact),
    ("mustCompact", compact),
    ("without", without),
    ("mustWithout", without),
    ("has", has),
    ("mustHas", has),
    ("mustSlice", sprig_slice),
    ("concat", concat),
    ("chunk", chunk),
    ("mustChunk", chunk),
    // Dicts.
    ("dict", dict),
    ("get", get),
    ("set", set),
    ("unset", unset),
    ("hasKey", has_key),
    ("pluck", pluck),
    ("keys", keys),
    ("values", values),
    ("pick", pick),
    ("omit", omit),
    ("dig", dig),
    ("merge", |c| merge(c, false)),
    ("mustMerge", |c| merge(c, false)),
    ("mergeOverwrite", |c| merge(c, true)),
    ("mustMergeOverwrite", |c| merge(c, true)),
    ("deepCopy", deep_copy),
    ("mustDeepCopy", deep_copy),
    // Reflection.
    ("typeOf", |c| {
        c.arity(1).map(|()| str_value(c.args[0].type_name()))
    }),
    ("typeIs", |c| type_pred(c, |t, v| t == v.type_name())),
    ("typeIsLike", |c| {
        type_pred(c, |t, v| {
            let actual = v.type_name();
            t == actual || actual.strip_prefix('*') == Some(t)
        })
    }),
    ("kindOf", |c| {
        c.arity(1).map(|()| str_value(c.args[0].kind().name()))
    }),
    ("kindIs", |c| type_pred(c, |k, v| k == v.kind().name())),
    ("deepEqual", |c| {
        c.arity(2)
            .map(|()| Value::Bool(deep_equal(&c.args[0], &c.args[1])))
    }),
    // Encoding and hashing.
    ("b64enc", |c| map_str(c, |s| base64::encode(s.as_bytes()))),
    ("b64dec", |c| map_str(c, |s| lossy(base64::decode(s)))),
    ("b32enc", |c| map_str(c, |s| base32::encode(s.as_bytes()))),
    ("b32dec", |c| map_str(c, |s| lossy(base32::decode(s)))),
    ("sha1sum", |c| {
        map_str(c, |s| hex(&hash::sha1(s.as_bytes())))
    }),
    ("sha256sum", |c| {
        map_str(c, |s| hex(&hash::sha256(s.as_bytes())))
    }),
    ("sha512sum", |c| {
        map_str(c, |s| hex(&hash::sha512(s.as_bytes())))
    }),
    ("adler32sum", |c| {
        map_str(c, |s| hash::adler32(s.as_bytes()).to_string())
    }),
    // JSON (Helm supplies toJson, mustToJson and fromJson itself).
    ("toPrettyJson", |c| to_json(c, json::Style::Pretty)),
    ("mustToPrettyJson", |c| to_json(c, json::Style::Pretty)),
    ("toRawJson", |c| to_json(c, json::Style::Raw)),
    ("mustToRawJson", |c| to_json(c, json::Style::Raw)),
    ("mustFromJson", must_from_json),
    // Regular expressions.
    ("regexMatch", |c| regex_match(c, false)),
    ("mustRegexMatch", |c| regex_match(c, true)),
    ("regexFind", |c| regex_find(c, false)),
    ("mustRegexFind", |c| regex_find(c, true)),
    ("regexFindAll", |c| regex_find_all(c, false)),
    ("mustRegexFindAll", |c| regex_find_all(c, true)),
    ("regexReplaceAll", |c| regex_replace_all(c, false, false)),
    ("mustRegexReplaceAll", |c| regex_replace_all(c, true, false)),
    ("regexReplaceAllLiteral", |c| {
        regex_replace_all(c, false, true)
    }),
    ("mustRegexReplaceAllLiteral", |c| {
        regex_replace_all(c, true, true)
    }),
    ("regexSplit", |c| regex_split(c, false)),
    ("mustRegexSplit", |c| regex_split(c, true)),
    ("regexQuoteMeta", |c| map_str(c, regexp::quote_meta)),
    // Semantic versions.
    ("semver", semver_fn),
    ("semverCompare", semver_compare),
    // Dates.
    ("now", |c| c.arity(0).map(|()| time::now_value())),
    ("date", |c| date_in_zone(c, 0, 1, None)),
    ("dateInZone", |c| date_in_zone(c, 0, 1, Some(2))),
    ("date_in_zone", |c| date_in_zone(c, 0, 1, Some(2))),
    ("htmlDate", |c| date_in_zone(c, usize::MAX, 0, None)),
    ("htmlDateInZone", |c| {
        date_in_zone(c, usize::MAX, 0, Some(1))
    }),
    ("dateModify", |c| date_modify(c, false)),
    ("date_modify", |c| date_modify(c, false)),
    ("mustDateModify", |c| date_modify(c, true)),
    ("must_date_modify", |c| date_modify(c, true)),
    ("toDate", |c| to_date(c, false)),
    ("mustToDate", |c| to_date(c, true)),
    ("unixEpoch", unix_epoch),
    ("ago", ago),
    ("duration", duration),
    ("durationRound", duration_round),
    // Paths; `os*` are the same on the Unix hosts Helm charts target.
    ("base", |c| map_str(c, path::base)),
    ("dir", |c| map_str(c, path::dir)),
    ("clean", |c| map_str(c, path::clean)),
    ("ext", |c| map_str(c, |s| path::ext(s).to_string())),
    ("isAbs", |c| {
        c.str(0).map(|s| Value::Bool(s.starts_with('/')))
    }),
    ("osBase", |c| map_str(c, path::base)),
    ("osDir", |c| map_str(c, path::dir)),
    ("osClean", |c| map_str(c, path::clean)),
    ("osExt", |c| map_str(c, |s| path::ext(s).to_string())),
    ("osIsAbs", |c| {
        c.str(0).map(|s| Value::Bool(s.starts_with('/')))
    }),
    // URLs.
    ("urlParse", url_parse),
    ("urlJoin", url_join),
    // Network: Helm answers "" unless DNS lookups are enabled, and an
    // offline renderer never enables them.
    ("getHostByName", |c| c.str(0).map(|_| str_value(""))),
    // Keys, certificates, password hashes and ciphers.
    ("bcrypt", crypto::bcrypt),
    ("htpasswd", crypto::htpasswd),
    ("derivePassword", crypto::derive_password),
    ("genPrivateKey", crypto::gen_private_key),
    ("buildCustomCert", crypto::build_custom_cert),
    ("genCA", |c| crypto::gen_ca(c, false)),
    ("genCAWithKey", |c| crypto::gen_ca(c, true)),
    ("genSelfSignedCert", |c| {
        crypto::gen_self_signed_cert(c, false)
    }),
    ("genSelfSignedCertWithKey", |c| {
        crypto::gen_self_signed_cert(c, true)
    }),
    ("genSignedCert", |c| crypto::gen_signed_cert(c, false)),
    ("genSignedCertWithKey", |c| crypto::gen_signed_cert(c, true)),
    ("encryptAES", crypto::encrypt_aes),
    ("decryptAES", crypto::decrypt_aes),
];

// ---------------------------------------------------------------------------
// Go's argument conversions beyond the engine's own
// ---------------------------------------------------------------------------

/// The parameter conversions sprig's functions need beyond [`Call`]'s.
trait Args {
    /// A single optional `interface{}` argument (`empty` accepts none).
    fn opt(&self, i: usize) -> Result<&Value>;
    /// A Go `map[string]interface{}` parameter. Helm's `.Values`
    /// (`common.Values`) is assignable to it, as Go's reflection allows a
    /// named map type where its underlying type is expected.
    fn dict(&self, i: usize) -> Result<&Map>;
}

impl Args for Call<'_> {
    fn opt(&self, i: usize) -> Result<&Value> {
        self.arity(i + 1)?;
        Ok(self.arg(i))
    }

    fn dict(&self, i: usize) -> Result<&Map> {
        match self.arg(i) {
            Value::Map(m) if m.kind() != MapKind::String => Ok(m),
            other => Err(wrong_type("map[string]interface {}", other)),
        }
    }
}

/// Go's error for an argument of the wrong type.
fn wrong_type(expected: &str, got: &Value) -> Error {
    gotemplate::func::wrong_type(expected, got)
}

/// Builds a string value.
fn str_value(s: impl Into<Str>) -> Value {
    Value::String(s.into())
}

/// Builds an `[]interface {}` value.
fn list_value(items: Vec<Value>) -> Value {
    Value::list(items)
}

/// Builds a list of strings, Go's `[]string`.
fn str_list<S: Into<Str>>(items: impl IntoIterator<Item = S>) -> Value {
    Value::strings(items)
}

/// Turns bytes Go would keep as they are into a Rust string, replacing the
/// invalid sequences that byte-wise Go functions can leave behind.
fn lossy(bytes: impl AsRef<[u8]>) -> String {
    String::from_utf8_lossy(bytes.as_ref()).into_owned()
}

/// A one-string-in, one-string-out function.
fn map_str(c: &Call<'_>, f: impl Fn(&str) -> String) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(f(c.str(0)?)))
}

/// A two-string predicate; sprig puts the needle first.
fn str_pred(c: &Call<'_>, f: impl Fn(&str, &str) -> bool) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(f(c.str(0)?, c.str(1)?)))
}

/// Lower-case hex of bytes.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests;
