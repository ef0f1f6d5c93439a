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
//! Values arrive as [`Value`]s. Numbers from values files are floats (Helm
//! decodes them through JSON), numbers written in a template are ints.
//! Go's distinct types that the model cannot tell apart (`int` vs `int64`,
//! `[]string` vs `[]interface {}`, `time.Time`, `*semver.Version`) are
//! mapped to the closest representation; see the notes on each function.
//!
//! Helm's own functions (`include`, `tpl`, `required`, `lookup`, `toYaml`,
//! `toJson`, `fromJson`, `toToml`, `fail`, …) live in the parent module, and
//! Go's builtins (`print`, `len`, `index`, `slice`, `eq`, …) in the engine.
//!
//! Known differences from Helm, each pinned by a test (`DIVERGES`):
//!
//! - Go maps are references, so `set`, `unset` and `merge` change their
//!   first argument in place; here values are immutable and only the
//!   returned map changes (`$_ := set $d "k" v` leaves `$d` as it was).
//! - Helm's `slice` is sprig's, which replaces Go's builtin; the engine keeps
//!   the builtin under that name, and sprig's is available as `mustSlice`.
//! - `typeOf` cannot tell `int64` from `int` or `[]string` from
//!   `[]interface {}`; a `time.Time` travels as the string Go prints for it,
//!   a `*semver.Version` as a dict of its fields; map order is sorted where
//!   Go's is random (`keys`, `values`).
//! - Named time zones are not loaded (every zone is UTC, the local zone
//!   included); `bcrypt`, `htpasswd`, `derivePassword`, `genCA` and the other
//!   key and certificate generators fail with an explanation.
//! - Strings are UTF-8, so byte-wise results that Go leaves as invalid UTF-8
//!   (`trunc` mid-character, `b64dec` of binary data) carry U+FFFD instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use gotmpl::{FuncMap, TemplateError, Value};

type Result<T> = std::result::Result<T, TemplateError>;

/// A sorted string-keyed map, the shape of a Go `map[string]interface{}`.
type Dict = BTreeMap<Arc<str>, Value>;

/// The body of one template function.
type Impl = fn(&Call<'_>) -> Result<Value>;

/// Every sprig function Helm registers, by name.
pub(crate) fn funcs() -> FuncMap {
    let mut map = FuncMap::new();
    for &(name, body) in FUNCS {
        map.insert(
            name.to_string(),
            Arc::new(move |args: &[Value]| body(&Call { name, args })),
        );
    }
    map
}

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
        c.arity(1).map(|()| str_value(strval(&c.args[0])))
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
        Ok(str_list(strslice(&c.args[0])))
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
        c.arity(1).map(|()| Value::Int(to_int64(&c.args[0])))
    }),
    ("float64", |c| {
        c.arity(1).map(|()| Value::Float(to_float64(&c.args[0])))
    }),
    ("toDecimal", to_decimal),
    // Integer math.
    ("add", |c| {
        Ok(Value::Int(
            c.args.iter().fold(0i64, |a, v| a.wrapping_add(to_int64(v))),
        ))
    }),
    ("add1", |c| {
        c.arity(1)
            .map(|()| Value::Int(to_int64(&c.args[0]).wrapping_add(1)))
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
        c.arity(1).map(|()| str_value(go_type_of(&c.args[0])))
    }),
    ("typeIs", |c| type_pred(c, |t, v| t == go_type_of(v))),
    ("typeIsLike", |c| {
        type_pred(c, |t, v| {
            let actual = go_type_of(v);
            t == actual || actual.strip_prefix('*') == Some(t)
        })
    }),
    ("kindOf", |c| {
        c.arity(1).map(|()| str_value(go_kind_of(&c.args[0])))
    }),
    ("kindIs", |c| type_pred(c, |k, v| k == go_kind_of(v))),
    ("deepEqual", |c| {
        c.arity(2).map(|()| Value::Bool(c.args[0] == c.args[1]))
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
    ("regexQuoteMeta", |c| map_str(c, gore::quote_meta)),
    // Semantic versions.
    ("semver", semver_fn),
    ("semverCompare", semver_compare),
    // Dates.
    ("now", |c| {
        c.arity(0).map(|()| gotime::Time::now().into_value())
    }),
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
    ("base", |c| map_str(c, gopath::base)),
    ("dir", |c| map_str(c, gopath::dir)),
    ("clean", |c| map_str(c, gopath::clean)),
    ("ext", |c| map_str(c, |s| gopath::ext(s).to_string())),
    ("isAbs", |c| {
        c.str(0).map(|s| Value::Bool(s.starts_with('/')))
    }),
    ("osBase", |c| map_str(c, gopath::base)),
    ("osDir", |c| map_str(c, gopath::dir)),
    ("osClean", |c| map_str(c, gopath::clean)),
    ("osExt", |c| map_str(c, |s| gopath::ext(s).to_string())),
    ("osIsAbs", |c| {
        c.str(0).map(|s| Value::Bool(s.starts_with('/')))
    }),
    // URLs.
    ("urlParse", url_parse),
    ("urlJoin", url_join),
    // Network: Helm answers "" unless DNS lookups are enabled, and an
    // offline renderer never enables them.
    ("getHostByName", |c| c.str(0).map(|_| str_value(""))),
    // Cryptography that needs key generation or ciphers is not offered
    // offline; the call fails with a clear message instead.
    ("bcrypt", unsupported),
    ("htpasswd", unsupported),
    ("derivePassword", unsupported),
    ("genPrivateKey", unsupported),
    ("buildCustomCert", unsupported),
    ("genCA", unsupported),
    ("genCAWithKey", unsupported),
    ("genSelfSignedCert", unsupported),
    ("genSelfSignedCertWithKey", unsupported),
    ("genSignedCert", unsupported),
    ("genSignedCertWithKey", unsupported),
    ("encryptAES", unsupported),
    ("decryptAES", unsupported),
];

// ---------------------------------------------------------------------------
// Calls and Go's argument conversions
// ---------------------------------------------------------------------------

/// One call of a template function: its name (for error messages) and its
/// arguments, with the conversions Go's `text/template` applies to typed
/// parameters.
struct Call<'a> {
    name: &'static str,
    args: &'a [Value],
}

impl Call<'_> {
    /// Go's check for a function with a fixed number of parameters.
    fn arity(&self, want: usize) -> Result<()> {
        if self.args.len() == want {
            Ok(())
        } else {
            Err(exec(format!(
                "wrong number of args for {}: want {want} got {}",
                self.name,
                self.args.len()
            )))
        }
    }

    /// Go's check for a variadic function with `min` fixed parameters.
    fn arity_min(&self, min: usize) -> Result<()> {
        if self.args.len() >= min {
            Ok(())
        } else {
            Err(exec(format!(
                "wrong number of args for {}: want at least {min} got {}",
                self.name,
                self.args.len()
            )))
        }
    }

    /// An error the function itself reports, worded as Go does.
    fn fail(&self, msg: impl std::fmt::Display) -> TemplateError {
        exec(format!("error calling {}: {msg}", self.name))
    }

    /// The argument at `i`, which the caller has checked exists.
    fn arg(&self, i: usize) -> &Value {
        self.args.get(i).unwrap_or(&Value::Nil)
    }

    /// A single optional `interface{}` argument (`empty` accepts none).
    fn opt(&self, i: usize) -> Result<&Value> {
        self.arity(i + 1)?;
        Ok(self.arg(i))
    }

    /// A Go `string` parameter.
    fn str(&self, i: usize) -> Result<&str> {
        match self.arg(i) {
            Value::String(s) => Ok(s),
            other => Err(wrong_type("string", other)),
        }
    }

    /// A Go `int` parameter. Floats (and unsigned ints) are refused as Go
    /// refuses a `float64` value for an `int` parameter; numbers from values
    /// files are floats, so `until .Values.n` fails in Helm too.
    fn int(&self, i: usize) -> Result<i64> {
        match self.arg(i) {
            Value::Int(n) => Ok(*n),
            other => Err(wrong_type("int", other)),
        }
    }

    /// A Go `bool` parameter.
    fn bool(&self, i: usize) -> Result<bool> {
        match self.arg(i) {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong_type("bool", other)),
        }
    }

    /// A Go `map[string]interface{}` parameter.
    fn dict(&self, i: usize) -> Result<&Arc<Dict>> {
        match self.arg(i) {
            Value::Map(m) => Ok(m),
            other => Err(wrong_type("map[string]interface {}", other)),
        }
    }
}

/// An execution error with Go's wording.
fn exec(msg: impl Into<String>) -> TemplateError {
    TemplateError::Exec(msg.into())
}

/// Go's error for an argument of the wrong type.
fn wrong_type(expected: &str, got: &Value) -> TemplateError {
    exec(format!(
        "wrong type for value; expected {expected}; got {}",
        go_static_type(got)
    ))
}

/// The error for functions that need cryptography chartgen does not carry.
fn unsupported(c: &Call<'_>) -> Result<Value> {
    Err(c.fail(format!(
        "{} is not supported by chartgen's offline renderer; render this chart with Helm",
        c.name
    )))
}

/// Builds a string value.
fn str_value(s: impl Into<Arc<str>>) -> Value {
    Value::String(s.into())
}

/// Builds a list value.
fn list_value(items: Vec<Value>) -> Value {
    Value::List(items.into())
}

/// Builds a list of strings, Go's `[]string`.
fn str_list<S: Into<Arc<str>>>(items: impl IntoIterator<Item = S>) -> Value {
    list_value(items.into_iter().map(|s| Value::String(s.into())).collect())
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

// ---------------------------------------------------------------------------
// Go's view of values: types, emptiness, `%v`
// ---------------------------------------------------------------------------

/// The static Go type a value would have as a template argument, for
/// conversion errors (`got float64`). A nil from a values file is an empty
/// `interface {}`.
fn go_static_type(v: &Value) -> &'static str {
    match v {
        Value::Nil => "interface {}",
        other => go_type_of(other),
    }
}

/// Go's `%T`, what sprig's `typeOf` prints.
///
/// Ints are reported as `int`, which is what template literals and most
/// functions produce; sprig's `int64`, `add` and friends return `int64` in
/// Go, which the value model cannot tell apart.
fn go_type_of(v: &Value) -> &'static str {
    match v {
        Value::Nil => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::List(_) => "[]interface {}",
        Value::Map(_) => "map[string]interface {}",
        _ => "func()",
    }
}

/// Go's `reflect.Kind` name, what sprig's `kindOf` prints.
fn go_kind_of(v: &Value) -> &'static str {
    match v {
        Value::Nil => "invalid",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::List(_) => "slice",
        Value::Map(_) => "map",
        _ => "func",
    }
}

/// Go's type name in a failed interface conversion (`interface {} is nil`).
fn go_dynamic_type(v: &Value) -> &'static str {
    match v {
        Value::Nil => "nil",
        other => go_type_of(other),
    }
}

/// A predicate over a type or kind name and a value.
fn type_pred(c: &Call<'_>, f: impl Fn(&str, &Value) -> bool) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Bool(f(c.str(0)?, c.arg(1))))
}

/// sprig's `empty`: nil, false, zero numbers and empty strings, lists and
/// maps are empty.
fn is_empty(v: &Value) -> bool {
    !v.is_truthy()
}

/// Go's `fmt.Sprint` of one value, `%v`: floats print in the shortest form
/// with an exponent from 1e6 up and below 1e-4 (`1e+06`), nested values in
/// Go's `[a b]` and `map[k:v]` syntax.
fn go_sprint(v: &Value) -> String {
    let mut out = String::new();
    write_go_value(&mut out, v);
    out
}

/// Appends `%v` of `v` to `out`.
fn write_go_value(out: &mut String, v: &Value) {
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Uint(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(f) => out.push_str(&go_float(*f)),
        Value::String(s) => out.push_str(s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go_value(out, item);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push_str("map[");
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_go_value(out, item);
            }
            out.push(']');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// sprig's `strval`: strings as they are, everything else through `%v`.
fn strval(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        other => go_sprint(other),
    }
}

/// The shortest decimal digits of a finite, non-zero float and its decimal
/// exponent: `1234.5` is `("12345", 3)`.
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest digits that round-trip, as Go's
    // `strconv` does with precision -1.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which `%v` uses.
fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let (digits, exp) = shortest_digits(f);
    let sign = if f < 0.0 { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        format!("{sign}{}", sci_notation(&digits, exp, true))
    } else {
        format!("{sign}{}", fixed_notation(&digits, exp))
    }
}

/// `d.ddde±XX` from shortest digits; Go pads the exponent to two digits in
/// `%v` and drops the padding in JSON.
fn sci_notation(digits: &str, exp: i32, pad_exp: bool) -> String {
    let (first, rest) = digits.split_at(1.min(digits.len()));
    let mut out = String::from(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let sign = if exp < 0 { '-' } else { '+' };
    if pad_exp {
        let _ = write!(out, "e{sign}{:02}", exp.unsigned_abs());
    } else {
        let _ = write!(out, "e{sign}{}", exp.unsigned_abs());
    }
    out
}

/// Plain decimal notation from shortest digits.
fn fixed_notation(digits: &str, exp: i32) -> String {
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if exp < 0 {
        let zeros = usize::try_from(-exp - 1).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else if exp + 1 >= len {
        let zeros = usize::try_from(exp + 1 - len).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else {
        let point = usize::try_from(exp + 1).unwrap_or(0);
        format!("{}.{}", &digits[..point], &digits[point..])
    }
}

/// Go's `strconv.Quote`, what `%q` prints.
fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if go_is_print(c) => out.push(c),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols
/// and the ASCII space. Without Unicode category tables this rejects what
/// `char` can tell (controls, spaces, private use, noncharacters) and the
/// format characters listed by hand.
fn go_is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    const FORMAT: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        // Private use.
        (0xE000, 0xF8FF),
        (0xF0000, 0x10FFFF),
        // Noncharacters.
        (0xFDD0, 0xFDEF),
    ];
    if FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)) {
        return false;
    }
    u & 0xFFFE != 0xFFFE
}

// ---------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------

/// `default DEFAULT [GIVEN]`: GIVEN unless it is empty.
fn default(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(match c.args.get(1) {
        Some(given) if !is_empty(given) => given.clone(),
        _ => c.args[0].clone(),
    })
}

/// `coalesce A B …`: the first non-empty argument, or nil.
fn coalesce(c: &Call<'_>) -> Result<Value> {
    Ok(c.args
        .iter()
        .find(|v| !is_empty(v))
        .cloned()
        .unwrap_or(Value::Nil))
}

/// `ternary IF_TRUE IF_FALSE COND`; COND must be a bool.
fn ternary(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let pick = if c.bool(2)? { 0 } else { 1 };
    Ok(c.args[pick].clone())
}

// ---------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------

/// The longest string a function may build, so that `repeat` or `indent`
/// with a huge count fails instead of exhausting memory (Go would try).
const MAX_OUTPUT: usize = 64 << 20;

/// Refuses to build a string longer than [`MAX_OUTPUT`].
fn check_size(c: &Call<'_>, len: u128) -> Result<()> {
    if len > MAX_OUTPUT as u128 {
        Err(c.fail(format!("result of {len} bytes is too large")))
    } else {
        Ok(())
    }
}

/// `quote A B …`: each non-nil argument as a Go double-quoted string.
fn quote(c: &Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(|v| go_quote(&strval(v)))
        .collect();
    Ok(str_value(parts.join(" ")))
}

/// `squote A B …`: each non-nil argument in single quotes, unescaped.
fn squote(c: &Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(|v| format!("'{}'", go_sprint(v)))
        .collect();
    Ok(str_value(parts.join(" ")))
}

/// `cat A B …`: the non-nil arguments joined with spaces.
fn cat(c: &Call<'_>) -> Result<Value> {
    let parts: Vec<String> = c
        .args
        .iter()
        .filter(|v| !matches!(v, Value::Nil))
        .map(go_sprint)
        .collect();
    Ok(str_value(parts.join(" ")))
}

/// `trunc N S`: the first N bytes, or the last -N bytes. Go cuts bytes, so
/// a multi-byte character can be split (the broken half becomes U+FFFD).
fn trunc(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let n = c.int(0)?;
    let s = c.str(1)?;
    let len = s.len() as i64;
    let out = if n < 0 && len + n > 0 {
        lossy(&s.as_bytes()[(len + n) as usize..])
    } else if n >= 0 && len > n {
        lossy(&s.as_bytes()[..n as usize])
    } else {
        s.to_string()
    };
    Ok(str_value(out))
}

/// `trimAll CUTSET S`: Go's `strings.Trim`.
fn trim_all(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let cutset = c.str(0)?;
    Ok(str_value(c.str(1)?.trim_matches(|ch| cutset.contains(ch))))
}

/// `trimSuffix SUFFIX S`.
fn trim_suffix(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let suffix = c.str(0)?;
    let s = c.str(1)?;
    Ok(str_value(s.strip_suffix(suffix).unwrap_or(s)))
}

/// `trimPrefix PREFIX S`.
fn trim_prefix(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let prefix = c.str(0)?;
    let s = c.str(1)?;
    Ok(str_value(s.strip_prefix(prefix).unwrap_or(s)))
}

/// Go's `unicode.ToUpper`: the simple one-to-one mapping, so `ß` stays.
fn upper_char(ch: char) -> char {
    single(ch.to_uppercase()).unwrap_or(ch)
}

/// Go's `unicode.ToLower`: the simple one-to-one mapping.
fn lower_char(ch: char) -> char {
    if ch == 'İ' {
        return 'i';
    }
    single(ch.to_lowercase()).unwrap_or(ch)
}

/// Go's `unicode.ToTitle`: upper case, except for the Latin digraphs that
/// have a distinct title case.
fn title_char(ch: char) -> char {
    match ch {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        other => upper_char(other),
    }
}

/// Go's `unicode.IsTitle`.
fn is_title_char(ch: char) -> bool {
    matches!(ch, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | 'ᾼ' | 'ῌ' | 'ῼ')
        || matches!(ch as u32, 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF)
}

/// The only item of an iterator that yields exactly one.
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Go's `strings.ToUpper`.
fn go_to_upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

/// Go's `strings.ToLower`.
fn go_to_lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// Go's `unicode.IsSpace`.
fn go_is_space(ch: char) -> bool {
    ch.is_whitespace()
}

/// Go's `strings.Title`: title-cases the first letter of each word, where
/// words are separated by anything but ASCII alphanumerics, `_`, letters
/// and digits.
fn go_title(s: &str) -> String {
    fn is_separator(ch: char) -> bool {
        if ch.is_ascii() {
            return !(ch.is_ascii_alphanumeric() || ch == '_');
        }
        if ch.is_alphabetic() || ch.is_numeric() {
            return false;
        }
        go_is_space(ch)
    }
    let mut prev = ' ';
    s.chars()
        .map(|ch| {
            let out = if is_separator(prev) {
                title_char(ch)
            } else {
                ch
            };
            prev = ch;
            out
        })
        .collect()
}

/// goutils' `Uncapitalize`: lower-cases the first letter of each
/// whitespace-separated word.
fn untitle(s: &str) -> String {
    let mut next = true;
    s.chars()
        .map(|ch| {
            if go_is_space(ch) {
                next = true;
                ch
            } else if next {
                next = false;
                lower_char(ch)
            } else {
                ch
            }
        })
        .collect()
}

/// goutils' `SwapCase`: upper to lower, lower to upper, and a lower-case
/// letter starting a word to title case.
fn swap_case(s: &str) -> String {
    let mut whitespace = true;
    s.chars()
        .map(|ch| {
            if ch.is_uppercase() || is_title_char(ch) {
                whitespace = false;
                lower_char(ch)
            } else if ch.is_lowercase() {
                if whitespace {
                    whitespace = false;
                    title_char(ch)
                } else {
                    upper_char(ch)
                }
            } else {
                whitespace = go_is_space(ch);
                ch
            }
        })
        .collect()
}

/// Whether a byte, read as a Latin-1 rune the way goutils reads strings,
/// is a Go space.
fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | 0x85 | 0xA0)
}

/// goutils' `DeleteWhiteSpace`. It walks bytes and re-encodes each as a
/// Latin-1 rune, so a string with any space loses its non-ASCII text
/// (`"a\u00a0b"` becomes `"aÂb"`); that is what Helm prints.
fn nospace(s: &str) -> String {
    if !s.bytes().any(is_space_byte) {
        return s.to_string();
    }
    s.bytes()
        .filter(|&b| !is_space_byte(b))
        .map(char::from)
        .collect()
}

/// goutils' `Initials`, byte-wise like Go's.
fn initials(s: &str) -> String {
    let mut gap = true;
    let mut out = String::new();
    for b in s.bytes() {
        if is_space_byte(b) {
            gap = true;
        } else if gap {
            out.push(char::from(b));
            gap = false;
        }
    }
    out
}

/// xstrings' `Shuffle`: the characters in random order.
fn shuffle(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for i in (1..chars.len()).rev() {
        let j = random::below(i as u64 + 1) as usize;
        chars.swap(i, j);
    }
    chars.into_iter().collect()
}

/// `replace OLD NEW S`: every occurrence.
fn replace(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (old, new, s) = (c.str(0)?, c.str(1)?, c.str(2)?);
    let grows = new.len().saturating_sub(old.len()) as u128;
    check_size(c, s.len() as u128 + grows * (s.len() as u128 + 1))?;
    Ok(str_value(s.replace(old, new)))
}

/// Go's `strings.Repeat(" ", n)`, which panics on a negative count.
fn spaces(c: &Call<'_>, n: i64) -> Result<String> {
    if n < 0 {
        return Err(c.fail("strings: negative Repeat count"));
    }
    check_size(c, n as u128)?;
    Ok(" ".repeat(n as usize))
}

/// `indent N S`: N spaces before every line.
fn indent(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(indent_text(c, c.int(0)?, c.str(1)?)?))
}

/// `nindent N S`: a newline, then `indent N S`.
fn nindent(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(format!(
        "\n{}",
        indent_text(c, c.int(0)?, c.str(1)?)?
    )))
}

/// The body of `indent`.
fn indent_text(c: &Call<'_>, n: i64, s: &str) -> Result<String> {
    let pad = spaces(c, n)?;
    let lines = s.matches('\n').count() as u128 + 1;
    check_size(c, s.len() as u128 + lines * pad.len() as u128)?;
    Ok(format!("{pad}{}", s.replace('\n', &format!("\n{pad}"))))
}

/// `repeat N S`.
fn repeat(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let n = c.int(0)?;
    let s = c.str(1)?;
    if n < 0 {
        return Err(c.fail("strings: negative Repeat count"));
    }
    check_size(c, n as u128 * s.len() as u128)?;
    Ok(str_value(s.repeat(n as usize)))
}

/// `substr START END S`, byte-wise, with Go's slice-bounds panics.
fn substr(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (start, end, s) = (c.int(0)?, c.int(1)?, c.str(2)?);
    let len = s.len() as i64;
    let bytes = s.as_bytes();
    let out_of_range =
        |msg: String| c.fail(format!("runtime error: slice bounds out of range {msg}"));
    let out = if start < 0 {
        if end < 0 {
            return Err(out_of_range(format!("[:{end}]")));
        }
        if end > len {
            return Err(out_of_range(format!("[:{end}] with length {len}")));
        }
        &bytes[..end as usize]
    } else if end < 0 || end > len {
        if start > len {
            return Err(out_of_range(format!("[{start}:{len}]")));
        }
        &bytes[start as usize..]
    } else {
        if start > end {
            return Err(out_of_range(format!("[{start}:{end}]")));
        }
        &bytes[start as usize..end as usize]
    };
    Ok(str_value(lossy(out)))
}

/// goutils' `AbbreviateFull`, byte-wise; `None` is its error (which sprig
/// turns into an empty string).
fn abbreviate(s: &str, offset: i64, max_width: i64) -> Option<String> {
    if s.is_empty() {
        return Some(String::new());
    }
    if max_width < 4 {
        return None;
    }
    let bytes = s.as_bytes();
    let len = bytes.len() as i64;
    if len <= max_width {
        return Some(s.to_string());
    }
    // Go's int arithmetic wraps; so does this, to reach the same branch.
    let keep = max_width - 3;
    let mut offset = offset.min(len);
    if len.wrapping_sub(offset) < keep {
        offset = len - keep;
    }
    if offset <= 4 {
        return Some(format!("{}...", lossy(&bytes[..keep as usize])));
    }
    if max_width < 7 {
        return None;
    }
    if offset.wrapping_add(keep) < len {
        let rest = lossy(&bytes[offset as usize..]);
        let inner = abbreviate(&rest, 0, keep).unwrap_or_default();
        return Some(format!("...{inner}"));
    }
    Some(format!("...{}", lossy(&bytes[(len - keep) as usize..])))
}

/// `abbrev WIDTH S`: shortens S to WIDTH bytes with a trailing `...`.
fn abbrev(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let (width, s) = (c.int(0)?, c.str(1)?);
    if width < 4 {
        return Ok(str_value(s));
    }
    Ok(str_value(abbreviate(s, 0, width).unwrap_or_default()))
}

/// `abbrevboth LEFT RIGHT S`: abbreviates on both sides.
fn abbrevboth(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let (left, right, s) = (c.int(0)?, c.int(1)?, c.str(2)?);
    if right < 4 || left > 0 && right < 7 {
        return Ok(str_value(s));
    }
    Ok(str_value(abbreviate(s, left, right).unwrap_or_default()))
}

/// goutils' `WrapCustom`: breaks a line at spaces so that lines stay within
/// `width` bytes; long words are split only with `wrap_long`.
fn wrap_custom(s: &str, width: i64, newline: &str, wrap_long: bool) -> String {
    if s.is_empty() {
        return String::new();
    }
    let newline = if newline.is_empty() { "\n" } else { newline };
    let width = width.max(1) as usize;
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut offset = 0;
    let mut out: Vec<u8> = Vec::with_capacity(len + 8);
    while len - offset > width {
        if bytes[offset] == b' ' {
            offset += 1;
            continue;
        }
        let end = (width + offset + 1).min(len);
        match bytes[offset..end].iter().rposition(|&b| b == b' ') {
            Some(space) => {
                out.extend_from_slice(&bytes[offset..offset + space]);
                out.extend_from_slice(newline.as_bytes());
                offset += space + 1;
            }
            None if wrap_long => {
                out.extend_from_slice(&bytes[offset..offset + width]);
                out.extend_from_slice(newline.as_bytes());
                offset += width;
            }
            None => match bytes[offset + width..].iter().position(|&b| b == b' ') {
                Some(space) => {
                    let at = offset + width + space;
                    out.extend_from_slice(&bytes[offset..at]);
                    out.extend_from_slice(newline.as_bytes());
                    offset = at + 1;
                }
                None => {
                    out.extend_from_slice(&bytes[offset..]);
                    offset = len;
                }
            },
        }
    }
    out.extend_from_slice(&bytes[offset..]);
    lossy(out)
}

/// `wrap WIDTH S`.
fn wrap(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(wrap_custom(c.str(1)?, c.int(0)?, "", false)))
}

/// `wrapWith WIDTH SEP S`: wraps with SEP, splitting long words.
fn wrap_with(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    Ok(str_value(wrap_custom(
        c.str(2)?,
        c.int(0)?,
        c.str(1)?,
        true,
    )))
}

/// `plural ONE MANY N`.
fn plural(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let pick = if c.int(2)? == 1 { 0 } else { 1 };
    Ok(str_value(c.str(pick)?))
}

/// Go's `strings.SplitN`; a negative `n` means no limit, an empty separator
/// splits into characters.
fn go_split_n<'s>(s: &'s str, sep: &str, n: i64) -> Vec<&'s str> {
    if n == 0 {
        return Vec::new();
    }
    let limit = if n < 0 { usize::MAX } else { n as usize };
    if sep.is_empty() {
        let mut out = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if out.len() + 1 == limit {
                out.push(rest);
                break;
            }
            let width = rest.chars().next().map_or(1, char::len_utf8);
            out.push(&rest[..width]);
            rest = &rest[width..];
        }
        return out;
    }
    s.splitn(limit, sep).collect()
}

/// Go's `map[string]string{"_0": …}` that `split` and `splitn` return.
fn numbered(parts: Vec<&str>) -> Value {
    let map: Dict = parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| (Arc::from(format!("_{i}")), str_value(p)))
        .collect();
    Value::Map(Arc::new(map))
}

/// `split SEP S`: a dict `_0`, `_1`, … of the parts.
fn split(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(numbered(go_split_n(c.str(1)?, c.str(0)?, -1)))
}

/// `splitList SEP S`: the parts as a list.
fn split_list(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_list(go_split_n(c.str(1)?, c.str(0)?, -1)))
}

/// `splitn SEP N S`: at most N parts, as a dict.
fn splitn(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    Ok(numbered(go_split_n(c.str(2)?, c.str(0)?, c.int(1)?)))
}

/// sprig's `strslice`: a list's non-nil items as strings; any other value
/// is a one-item list, nil an empty one.
fn strslice(v: &Value) -> Vec<String> {
    match v {
        Value::List(items) => items
            .iter()
            .filter(|item| !matches!(item, Value::Nil))
            .map(strval)
            .collect(),
        Value::Nil => Vec::new(),
        other => vec![strval(other)],
    }
}

/// `join SEP LIST`.
fn join(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(str_value(strslice(c.arg(1)).join(c.str(0)?)))
}

/// `sortAlpha LIST`: the items as strings, sorted byte-wise.
fn sort_alpha(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let mut items = match c.arg(0) {
        list @ Value::List(_) => strslice(list),
        other => vec![strval(other)],
    };
    items.sort();
    Ok(str_list(items))
}

// ---------------------------------------------------------------------------
// Random data
// ---------------------------------------------------------------------------

/// Random numbers from the standard library alone: `RandomState` hashers
/// are keyed from the operating system's entropy, so hashing a counter and
/// the clock gives unpredictable, well-mixed values. Template randomness
/// (`randAlphaNum` for a default password) needs no more than that.
mod random {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};

    static COUNTER: AtomicU64 = AtomicU64::new(0);

    /// A random 64-bit value.
    pub(super) fn next_u64() -> u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        hasher.write_u128(nanos);
        hasher.finish()
    }

    /// A uniformly random value in `0..n` (0 when `n` is 0).
    pub(super) fn below(n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let r = next_u64();
            if r < zone {
                return r % n;
            }
        }
    }

    /// `n` random bytes.
    pub(super) fn bytes(n: usize) -> Vec<u8> {
        (0..n).map(|_| (next_u64() >> 24) as u8).collect()
    }
}

const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ALPHABETIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const NUMERIC: &[u8] = b"0123456789";
const PRINTABLE_ASCII: &[u8] =
    b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// `randAlphaNum N` and friends: N random characters from `charset`; a
/// negative N gives an empty string, as in sprig.
fn rand_string(c: &Call<'_>, charset: &[u8]) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    if n <= 0 {
        return Ok(str_value(""));
    }
    check_size(c, n as u128)?;
    let out: String = (0..n)
        .map(|_| char::from(charset[random::below(charset.len() as u64) as usize]))
        .collect();
    Ok(str_value(out))
}

/// `randBytes N`: N random bytes, base64-encoded.
fn rand_bytes(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    if n < 0 {
        return Err(c.fail("runtime error: makeslice: len out of range"));
    }
    check_size(c, n as u128 * 2)?;
    Ok(str_value(base64::encode(&random::bytes(n as usize))))
}

/// `randInt MIN MAX`: a random int in `MIN..MAX`.
fn rand_int(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let (lo, hi) = (c.int(0)?, c.int(1)?);
    let span = hi.wrapping_sub(lo);
    if span <= 0 {
        return Err(c.fail("invalid argument to Intn"));
    }
    Ok(Value::Int(
        lo.wrapping_add(random::below(span as u64) as i64),
    ))
}

/// `uuidv4`: a random version 4 UUID.
fn uuidv4(c: &Call<'_>) -> Result<Value> {
    c.arity(0)?;
    let mut b = random::bytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    Ok(str_value(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )))
}

// ---------------------------------------------------------------------------
// Number conversions (spf13/cast and strconv)
// ---------------------------------------------------------------------------

/// Go's `int64(f)` on amd64: truncation, and the "integer indefinite"
/// `MinInt64` for NaN and out-of-range values.
fn go_f64_to_i64(f: f64) -> i64 {
    let limit = -(i64::MIN as f64);
    if f.is_nan() || !(-limit..limit).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// cast's `ToInt64`: what `int`, `int64`, `add` and the other integer
/// functions do to their arguments. Anything unconvertible is 0.
fn to_int64(v: &Value) -> i64 {
    match v {
        Value::Bool(b) => i64::from(*b),
        Value::Int(n) => *n,
        Value::Uint(n) => *n as i64,
        Value::Float(f) => go_f64_to_i64(*f),
        Value::String(s) => match goparse::int(trim_zero_decimal(s), 0) {
            Some((n, true)) => n,
            _ => 0,
        },
        _ => 0,
    }
}

/// cast's `ToFloat64`.
fn to_float64(v: &Value) -> f64 {
    match v {
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Int(n) => *n as f64,
        Value::Uint(n) => *n as f64,
        Value::Float(f) => *f,
        Value::String(s) => goparse::float(s).unwrap_or(0.0),
        _ => 0.0,
    }
}

/// cast's `trimZeroDecimal`: `"12.00"` becomes `"12"`.
fn trim_zero_decimal(s: &str) -> &str {
    let mut found_zero = false;
    for (i, b) in s.bytes().enumerate().rev() {
        match b {
            b'.' if found_zero => return &s[..i],
            b'.' => {}
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// Go's `strconv` number parsing.
mod goparse {
    /// Go's `underscoreOK`: underscores only between digits (or after a
    /// base prefix).
    fn underscore_ok(s: &str) -> bool {
        let b = s.as_bytes();
        let mut i = 0;
        if matches!(b.first(), Some(b'+' | b'-')) {
            i = 1;
        }
        let mut saw = b'^';
        let mut hex = false;
        if b.len() >= i + 2 && b[i] == b'0' && matches!(b[i + 1] | 0x20, b'b' | b'o' | b'x') {
            hex = b[i + 1] | 0x20 == b'x';
            saw = b'0';
            i += 2;
        }
        for &c in &b[i..] {
            if c.is_ascii_digit() || hex && (c | 0x20).is_ascii_hexdigit() {
                saw = b'0';
            } else if c == b'_' {
                if saw != b'0' {
                    return false;
                }
                saw = b'_';
            } else {
                if saw == b'_' {
                    return false;
                }
                saw = b'!';
            }
        }
        saw != b'_'
    }

    /// Go's `strconv.ParseInt(s, base, 64)` for base 0 (prefixes and
    /// underscores allowed), 8 or 10. On overflow Go returns the clamped
    /// value with an error: that is `Some((clamped, false))`.
    pub(super) fn int(s: &str, base: u32) -> Option<(i64, bool)> {
        let (neg, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let (magnitude, ok) = uint(body, base, s)?;
        if neg {
            if magnitude > 1u64 << 63 {
                Some((i64::MIN, false))
            } else {
                Some(((magnitude as i64).wrapping_neg(), ok))
            }
        } else if magnitude >= 1u64 << 63 {
            Some((i64::MAX, false))
        } else {
            Some((magnitude as i64, ok))
        }
    }

    /// Go's `strconv.ParseUint`; `whole` is the original text for the
    /// underscore check.
    fn uint(s: &str, base: u32, whole: &str) -> Option<(u64, bool)> {
        if s.is_empty() {
            return None;
        }
        let b = s.as_bytes();
        let base0 = base == 0;
        let (base, digits) = if base0 {
            if b[0] == b'0' {
                match b.get(1).map(|c| c | 0x20) {
                    Some(b'b') if b.len() >= 3 => (2, &s[2..]),
                    Some(b'o') if b.len() >= 3 => (8, &s[2..]),
                    Some(b'x') if b.len() >= 3 => (16, &s[2..]),
                    _ => (8, &s[1..]),
                }
            } else {
                (10, s)
            }
        } else {
            (base, s)
        };
        let mut value: u64 = 0;
        let mut overflow = false;
        let mut underscores = false;
        for c in digits.chars() {
            if c == '_' && base0 {
                underscores = true;
                continue;
            }
            let d = c.to_digit(base)?;
            match value
                .checked_mul(u64::from(base))
                .and_then(|v| v.checked_add(u64::from(d)))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
        }
        if underscores && !underscore_ok(whole) {
            return None;
        }
        if overflow {
            return Some((u64::MAX, false));
        }
        Some((value, true))
    }

    /// Go's `strconv.ParseFloat(s, 64)`; `None` for syntax and range
    /// errors alike (cast turns both into 0).
    pub(super) fn float(s: &str) -> Option<f64> {
        let (neg, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let lower = body.to_ascii_lowercase();
        let special = match lower.as_str() {
            "inf" | "infinity" => Some(f64::INFINITY),
            "nan" => Some(f64::NAN),
            _ => None,
        };
        if let Some(v) = special {
            return Some(if neg { -v } else { v });
        }
        if body.contains('_') && !underscore_ok(s) {
            return None;
        }
        let cleaned: String = body.chars().filter(|&c| c != '_').collect();
        let magnitude = if lower.starts_with("0x") {
            hex_float(&cleaned[2..])?
        } else {
            let valid = !cleaned.is_empty()
                && cleaned
                    .bytes()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
            if !valid {
                return None;
            }
            cleaned.parse::<f64>().ok()?
        };
        if magnitude.is_infinite() {
            return None;
        }
        Some(if neg { -magnitude } else { magnitude })
    }

    /// A hexadecimal float body after `0x`: mantissa, `.`, and a required
    /// `p` exponent.
    fn hex_float(s: &str) -> Option<f64> {
        let (mantissa, exp) = s.split_once(['p', 'P'])?;
        let exp: i32 = exp.parse().ok()?;
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let mut value = 0f64;
        for c in int_part.chars().chain(frac_part.chars()) {
            value = value * 16.0 + f64::from(c.to_digit(16)?);
        }
        let scale = exp - 4 * i32::try_from(frac_part.len()).ok()?;
        Some(value * 2f64.powi(scale))
    }
}

/// `atoi S`: Go's `strconv.Atoi`, 0 on a syntax error and the clamped value
/// on overflow (sprig ignores the error).
fn atoi(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(Value::Int(
        goparse::int(c.str(0)?, 10).map_or(0, |(n, _)| n),
    ))
}

/// `toDecimal V`: V printed and read as an octal number (`"777"` is 511).
fn to_decimal(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = match goparse::int(&go_sprint(c.arg(0)), 8) {
        Some((n, true)) => n,
        _ => 0,
    };
    Ok(Value::Int(n))
}

// ---------------------------------------------------------------------------
// Math
// ---------------------------------------------------------------------------

/// `sub A B`.
fn sub(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    Ok(Value::Int(
        to_int64(c.arg(0)).wrapping_sub(to_int64(c.arg(1))),
    ))
}

/// `mul A B …`.
fn mul(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int(
        c.args
            .iter()
            .fold(1i64, |acc, v| acc.wrapping_mul(to_int64(v))),
    ))
}

/// `div A B`: integer division, truncating like Go.
fn div(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let b = to_int64(c.arg(1));
    if b == 0 {
        return Err(c.fail("runtime error: integer divide by zero"));
    }
    Ok(Value::Int(to_int64(c.arg(0)).wrapping_div(b)))
}

/// `mod A B`: the remainder with the sign of A, like Go.
fn modulo(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let b = to_int64(c.arg(1));
    if b == 0 {
        return Err(c.fail("runtime error: integer divide by zero"));
    }
    Ok(Value::Int(to_int64(c.arg(0)).wrapping_rem(b)))
}

/// `max A B …`, on integers.
fn max(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int(c.args.iter().map(to_int64).max().unwrap_or(0)))
}

/// `min A B …`, on integers.
fn min(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    Ok(Value::Int(c.args.iter().map(to_int64).min().unwrap_or(0)))
}

/// Go's `math.Max`.
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && x == y {
        if x.is_sign_negative() {
            y
        } else {
            x
        }
    } else if x > y {
        x
    } else {
        y
    }
}

/// Go's `math.Min`.
fn go_min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        f64::NEG_INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && x == y {
        if x.is_sign_negative() {
            x
        } else {
            y
        }
    } else if x < y {
        x
    } else {
        y
    }
}

/// `maxf A B …`.
fn maxf(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let first = to_float64(c.arg(0));
    Ok(Value::Float(
        c.args[1..]
            .iter()
            .fold(first, |a, v| go_max(a, to_float64(v))),
    ))
}

/// `minf A B …`.
fn minf(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let first = to_float64(c.arg(0));
    Ok(Value::Float(
        c.args[1..]
            .iter()
            .fold(first, |a, v| go_min(a, to_float64(v))),
    ))
}

/// A Go `float64` parameter: template literals of either kind convert.
fn float_param(v: &Value) -> Result<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(n) => Ok(*n as f64),
        Value::Uint(n) => Ok(*n as f64),
        other => Err(wrong_type("float64", other)),
    }
}

/// `round X PLACES [ROUND_ON]`: sprig's rounding, including its quirk of
/// looking at the signed fraction (`round -0.4 0` is -1).
fn round(c: &Call<'_>) -> Result<Value> {
    c.arity_min(2)?;
    let value = to_float64(c.arg(0));
    let places = c.int(1)? as f64;
    let options: Vec<f64> = c.args[2..].iter().map(float_param).collect::<Result<_>>()?;
    let round_on = options.first().copied().unwrap_or(0.5);
    let pow = 10f64.powf(places);
    let digit = pow * value;
    let rounded = if digit.fract() >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::Float(rounded / pow))
}

/// The longest list `until` and friends build; Go has no limit but would
/// exhaust memory long before a template needs this many items.
const MAX_ITEMS: i128 = 1 << 22;

/// sprig's `untilStep`: `start` towards `stop` by `step`.
fn until_step_list(c: &Call<'_>, start: i64, stop: i64, step: i64) -> Result<Vec<i64>> {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let count = if stop < start {
        if step >= 0 {
            0
        } else {
            (start - stop + (-step) - 1) / -step
        }
    } else if step <= 0 {
        0
    } else {
        (stop - start + step - 1) / step
    };
    if count > MAX_ITEMS {
        return Err(c.fail(format!("refusing to build a list of {count} items")));
    }
    Ok((0..count).map(|i| (start + i * step) as i64).collect())
}

/// `until N`: `0..N` (counting down for a negative N).
fn until(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let n = c.int(0)?;
    let step = if n < 0 { -1 } else { 1 };
    let items = until_step_list(c, 0, n, step)?;
    Ok(list_value(items.into_iter().map(Value::Int).collect()))
}

/// `untilStep START STOP STEP`.
fn until_step(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let items = until_step_list(c, c.int(0)?, c.int(1)?, c.int(2)?)?;
    Ok(list_value(items.into_iter().map(Value::Int).collect()))
}

/// `seq [START [STEP]] END`: the numbers joined with spaces, like GNU seq.
fn seq(c: &Call<'_>) -> Result<Value> {
    let params: Vec<i64> = (0..c.args.len()).map(|i| c.int(i)).collect::<Result<_>>()?;
    let items = match params[..] {
        [end] => {
            let step = if end < 1 { -1 } else { 1 };
            until_step_list(c, 1, end.saturating_add(step), step)?
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step_list(c, start, end.saturating_add(step), step)?
        }
        [start, step, end] => {
            let toward = if end < start {
                if step > 0 {
                    return Ok(str_value(""));
                }
                -1
            } else {
                1
            };
            until_step_list(c, start, end.saturating_add(toward), step)?
        }
        _ => Vec::new(),
    };
    let text: Vec<String> = items.iter().map(i64::to_string).collect();
    Ok(str_value(text.join(" ")))
}

/// Decimal arithmetic like shopspring/decimal, which sprig's float
/// functions use so that `addf 0.1 0.2` is `0.3`: each float becomes the
/// exact decimal of its shortest representation, results convert back to
/// the nearest float. Division rounds to 16 places, half away from zero.
/// Operands too far apart in magnitude for 128-bit integers fall back to
/// float arithmetic, which gives the same float in those cases.
mod decimal {
    /// An arithmetic operation.
    #[derive(Clone, Copy)]
    pub(super) enum Op {
        Add,
        Sub,
        Mul,
        Div,
    }

    /// A decimal number, exact when it fits.
    #[derive(Clone, Copy)]
    pub(super) enum Num {
        /// `mantissa * 10^exp`.
        Exact { mantissa: i128, exp: i32 },
        /// A float approximation.
        Approx(f64),
    }

    /// The exact decimal of a float's shortest representation.
    pub(super) fn from_f64(f: f64) -> Result<Num, String> {
        if !f.is_finite() {
            return Err(format!(
                "Cannot create a Decimal from {}",
                super::go_float(f)
            ));
        }
        if f == 0.0 {
            return Ok(Num::Exact {
                mantissa: 0,
                exp: 0,
            });
        }
        let (digits, exp) = super::shortest_digits(f);
        let mantissa: i128 = digits.parse().map_err(|_| "invalid float".to_string())?;
        let exp = exp - i32::try_from(digits.len()).unwrap_or(0) + 1;
        let mantissa = if f < 0.0 { -mantissa } else { mantissa };
        Ok(Num::Exact { mantissa, exp })
    }

    /// The nearest float.
    pub(super) fn to_f64(n: Num) -> f64 {
        match n {
            Num::Exact { mantissa, exp } => format!("{mantissa}e{exp}").parse().unwrap_or(f64::NAN),
            Num::Approx(f) => f,
        }
    }

    /// `10^n` if it fits.
    fn pow10(n: u32) -> Option<i128> {
        10i128.checked_pow(n)
    }

    /// Rescales `mantissa * 10^exp` to the smaller exponent `to`.
    fn rescale(mantissa: i128, exp: i32, to: i32) -> Option<i128> {
        mantissa.checked_mul(pow10(u32::try_from(exp - to).ok()?)?)
    }

    /// `a op b`.
    pub(super) fn apply(op: Op, a: Num, b: Num) -> Result<Num, String> {
        let exact = match (a, b) {
            (
                Num::Exact {
                    mantissa: am,
                    exp: ae,
                },
                Num::Exact {
                    mantissa: bm,
                    exp: be,
                },
            ) => match op {
                Op::Add | Op::Sub => {
                    let exp = ae.min(be);
                    rescale(am, ae, exp)
                        .zip(rescale(bm, be, exp))
                        .and_then(|(x, y)| {
                            let sum = if matches!(op, Op::Add) {
                                x.checked_add(y)
                            } else {
                                x.checked_sub(y)
                            };
                            sum.map(|mantissa| Num::Exact { mantissa, exp })
                        })
                }
                Op::Mul => am.checked_mul(bm).map(|mantissa| Num::Exact {
                    mantissa,
                    exp: ae + be,
                }),
                Op::Div => {
                    if bm == 0 {
                        return Err("decimal division by 0".into());
                    }
                    divide(am, ae, bm, be)
                }
            },
            _ => None,
        };
        if let Some(n) = exact {
            return Ok(n);
        }
        let (x, y) = (to_f64(a), to_f64(b));
        if matches!(op, Op::Div) && y == 0.0 {
            return Err("decimal division by 0".into());
        }
        Ok(Num::Approx(match op {
            Op::Add => x + y,
            Op::Sub => x - y,
            Op::Mul => x * y,
            Op::Div => x / y,
        }))
    }

    /// `a / b` rounded to 16 decimal places, half away from zero.
    fn divide(am: i128, ae: i32, bm: i128, be: i32) -> Option<Num> {
        const PLACES: i32 = 16;
        let k = ae - be + PLACES;
        let (num, den) = if k >= 0 {
            (am.checked_mul(pow10(u32::try_from(k).ok()?)?)?, bm)
        } else {
            (am, bm.checked_mul(pow10(u32::try_from(-k).ok()?)?)?)
        };
        let mut q = num / den;
        let r = num % den;
        if r.unsigned_abs().checked_mul(2)? >= den.unsigned_abs() {
            q += if (num < 0) != (den < 0) { -1 } else { 1 };
        }
        Some(Num::Exact {
            mantissa: q,
            exp: -PLACES,
        })
    }
}

/// sprig's `execDecimalOp`: folds `op` over the arguments, starting from
/// `init` or the first argument.
fn decimal_fold(c: &Call<'_>, init: Option<Value>, op: decimal::Op) -> Result<Value> {
    let (first, rest) = match init {
        Some(v) => (v, c.args),
        None => {
            c.arity_min(1)?;
            (c.args[0].clone(), &c.args[1..])
        }
    };
    let mut acc = decimal::from_f64(to_float64(&first)).map_err(|e| c.fail(e))?;
    for v in rest {
        let x = decimal::from_f64(to_float64(v)).map_err(|e| c.fail(e))?;
        acc = decimal::apply(op, acc, x).map_err(|e| c.fail(e))?;
    }
    Ok(Value::Float(decimal::to_f64(acc)))
}

/// `add1f X`.
fn add1f(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let x = decimal::from_f64(to_float64(c.arg(0))).map_err(|e| c.fail(e))?;
    let one = decimal::Num::Exact {
        mantissa: 1,
        exp: 0,
    };
    let sum = decimal::apply(decimal::Op::Add, x, one).map_err(|e| c.fail(e))?;
    Ok(Value::Float(decimal::to_f64(sum)))
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/// Go's panic when sprig calls `reflect.TypeOf(nil).Kind()`.
const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// A list argument of one of sprig's list functions; anything else fails
/// with the function's own message, nil with Go's nil dereference.
fn list_arg<'v>(
    c: &Call<'_>,
    v: &'v Value,
    message: impl Fn(&str) -> String,
) -> Result<&'v [Value]> {
    match v {
        Value::List(items) => Ok(items),
        Value::Nil => Err(c.fail(NIL_DEREF)),
        other => Err(c.fail(message(go_kind_of(other)))),
    }
}

/// `append LIST V` (and `push`): a new list with V at the end.
fn append(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot push on type {k}"))?;
    let mut out = items.to_vec();
    out.push(c.arg(1).clone());
    Ok(list_value(out))
}

/// `prepend LIST V`: a new list with V at the front.
fn prepend(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot prepend on type {k}"))?;
    let mut out = Vec::with_capacity(items.len() + 1);
    out.push(c.arg(1).clone());
    out.extend_from_slice(items);
    Ok(list_value(out))
}

/// `first LIST`: nil for an empty list.
fn first(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find first on type {k}"))?;
    Ok(items.first().cloned().unwrap_or(Value::Nil))
}

/// `last LIST`: nil for an empty list.
fn last(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find last on type {k}"))?;
    Ok(items.last().cloned().unwrap_or(Value::Nil))
}

/// `rest LIST`: all but the first item.
fn rest(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find rest on type {k}"))?;
    Ok(list_value(items.get(1..).unwrap_or_default().to_vec()))
}

/// `initial LIST`: all but the last item.
fn initial(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find initial on type {k}"))?;
    let keep = items.len().saturating_sub(1);
    Ok(list_value(items[..keep].to_vec()))
}

/// `reverse LIST`.
fn reverse(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find reverse on type {k}"))?;
    Ok(list_value(items.iter().rev().cloned().collect()))
}

/// `uniq LIST`: first occurrences, compared like Go's `reflect.DeepEqual`
/// (so `1` and `1.0` differ).
fn uniq(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find uniq on type {k}"))?;
    let mut out: Vec<Value> = Vec::new();
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    Ok(list_value(out))
}

/// `compact LIST`: the non-empty items.
fn compact(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot compact on type {k}"))?;
    Ok(list_value(
        items.iter().filter(|v| !is_empty(v)).cloned().collect(),
    ))
}

/// `without LIST V …`: the items not equal to any V.
fn without(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let items = list_arg(c, c.arg(0), |k| format!("Cannot find without on type {k}"))?;
    let omit = &c.args[1..];
    Ok(list_value(
        items
            .iter()
            .filter(|v| !omit.contains(v))
            .cloned()
            .collect(),
    ))
}

/// `has V LIST`: whether LIST holds V; a nil LIST holds nothing.
fn has(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    if matches!(c.arg(1), Value::Nil) {
        return Ok(Value::Bool(false));
    }
    let items = list_arg(c, c.arg(1), |k| format!("Cannot find has on type {k}"))?;
    Ok(Value::Bool(items.contains(c.arg(0))))
}

/// sprig's `slice LIST [START [END]]`, registered as `mustSlice` (Go's
/// builtin keeps the `slice` name here): nil for an empty list.
fn sprig_slice(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let items = list_arg(c, c.arg(0), |k| {
        format!("list should be type of slice or array but {k}")
    })?;
    if items.is_empty() {
        return Ok(Value::Nil);
    }
    let len = items.len() as i64;
    let start = c.args.get(1).map_or(0, to_int64);
    let end = c.args.get(2).map_or(len, to_int64);
    if start < 0 || end < start || end > len {
        return Err(c.fail("reflect.Value.Slice: slice index out of bounds"));
    }
    Ok(list_value(items[start as usize..end as usize].to_vec()))
}

/// `concat LIST …`: the lists joined.
fn concat(c: &Call<'_>) -> Result<Value> {
    let mut out = Vec::new();
    for v in c.args {
        out.extend_from_slice(list_arg(c, v, |k| {
            format!("Cannot concat type {k} as list")
        })?);
    }
    Ok(list_value(out))
}

/// `chunk SIZE LIST`: the list cut into lists of SIZE items, with sprig's
/// float arithmetic (a size below 1 fails as Go's `make` does).
fn chunk(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let size = c.int(0)?;
    let items = list_arg(c, c.arg(1), |k| format!("Cannot chunk type {k}"))?;
    let len = items.len() as i64;
    let bad_len = || c.fail("runtime error: makeslice: len out of range");
    let count = go_f64_to_i64(((len - 1) as f64 / size as f64).floor() + 1.0);
    if count < 0 {
        return Err(bad_len());
    }
    if i128::from(count) > MAX_ITEMS {
        return Err(c.fail(format!("refusing to build a list of {count} items")));
    }
    let mut chunks = Vec::with_capacity(count as usize);
    for i in 0..count {
        let mut chunk_len = size;
        if i == count - 1 {
            chunk_len = go_f64_to_i64((len as f64 % size as f64).floor());
            if chunk_len == 0 {
                chunk_len = size;
            }
        }
        if chunk_len < 0 {
            return Err(bad_len());
        }
        let mut chunk = Vec::with_capacity(chunk_len.min(len) as usize);
        for j in 0..chunk_len {
            let ix = i * size + j;
            let item = usize::try_from(ix)
                .ok()
                .and_then(|ix| items.get(ix))
                .ok_or_else(|| {
                    c.fail(format!(
                        "runtime error: index out of range [{ix}] with length {len}"
                    ))
                })?;
            chunk.push(item.clone());
        }
        chunks.push(list_value(chunk));
    }
    Ok(list_value(chunks))
}

// ---------------------------------------------------------------------------
// Dicts
// ---------------------------------------------------------------------------
//
// Go maps are references: `set $d "k" v` changes `$d` for the rest of the
// template. Values here are immutable, so `set`, `unset` and `merge` return
// the changed map and leave their argument as it was.

/// `dict K V …`: keys go through `toString`; a missing last value is "".
fn dict(c: &Call<'_>) -> Result<Value> {
    let mut map = Dict::new();
    for pair in c.args.chunks(2) {
        let key: Arc<str> = strval(&pair[0]).into();
        let value = pair.get(1).cloned().unwrap_or_else(|| str_value(""));
        map.insert(key, value);
    }
    Ok(Value::Map(Arc::new(map)))
}

/// `get DICT KEY`: the value, or "" when absent.
fn get(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    let key = c.str(1)?;
    Ok(map.get(key).cloned().unwrap_or_else(|| str_value("")))
}

/// `set DICT KEY VALUE`: the dict with KEY set.
fn set(c: &Call<'_>) -> Result<Value> {
    c.arity(3)?;
    let mut map = c.dict(0)?.clone();
    let key = c.str(1)?;
    Arc::make_mut(&mut map).insert(key.into(), c.arg(2).clone());
    Ok(Value::Map(map))
}

/// `unset DICT KEY`: the dict without KEY.
fn unset(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let mut map = c.dict(0)?.clone();
    let key = c.str(1)?;
    if map.contains_key(key) {
        Arc::make_mut(&mut map).remove(key);
    }
    Ok(Value::Map(map))
}

/// `hasKey DICT KEY`.
fn has_key(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let map = c.dict(0)?;
    Ok(Value::Bool(map.contains_key(c.str(1)?)))
}

/// `pluck KEY DICT …`: KEY's value in each dict that has it.
fn pluck(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let key = c.str(0)?;
    let mut out = Vec::new();
    for i in 1..c.args.len() {
        if let Some(v) = c.dict(i)?.get(key) {
            out.push(v.clone());
        }
    }
    Ok(list_value(out))
}

/// `keys DICT …`: the keys of each dict in turn. Go's map order is random;
/// here each dict's keys come sorted.
fn keys(c: &Call<'_>) -> Result<Value> {
    let mut out: Vec<Arc<str>> = Vec::new();
    for i in 0..c.args.len() {
        out.extend(c.dict(i)?.keys().cloned());
    }
    Ok(str_list(out))
}

/// `values DICT`: the values, in key order (Go's order is random).
fn values(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(list_value(c.dict(0)?.values().cloned().collect()))
}

/// The string parameters from `from` on (`pick`, `omit`).
fn str_args<'a>(c: &'a Call<'_>, from: usize) -> Result<Vec<&'a str>> {
    (from..c.args.len()).map(|i| c.str(i)).collect()
}

/// `pick DICT KEY …`: only the listed keys.
fn pick(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let map = c.dict(0)?;
    let wanted = str_args(c, 1)?;
    let out: Dict = map
        .iter()
        .filter(|(k, _)| wanted.contains(&k.as_ref()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Value::Map(Arc::new(out)))
}

/// `omit DICT KEY …`: all but the listed keys.
fn omit(c: &Call<'_>) -> Result<Value> {
    c.arity_min(1)?;
    let map = c.dict(0)?;
    let unwanted = str_args(c, 1)?;
    let out: Dict = map
        .iter()
        .filter(|(k, _)| !unwanted.contains(&k.as_ref()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Value::Map(Arc::new(out)))
}

/// `dig KEY … DEFAULT DICT`: the value at a path of keys, or DEFAULT.
fn dig(c: &Call<'_>) -> Result<Value> {
    if c.args.len() < 3 {
        return Err(c.fail("dig needs at least three arguments"));
    }
    let conversion = |v: &Value, want: &str| {
        c.fail(format!(
            "interface conversion: interface {{}} is {}, not {want}",
            go_dynamic_type(v)
        ))
    };
    let (path, tail) = c.args.split_at(c.args.len() - 2);
    let Value::Map(mut current) = tail[1].clone() else {
        return Err(conversion(&tail[1], "map[string]interface {}"));
    };
    let default = &tail[0];
    let keys: Vec<&str> = path
        .iter()
        .map(|k| match k {
            Value::String(s) => Ok(s.as_ref()),
            other => Err(conversion(other, "string")),
        })
        .collect::<Result<_>>()?;
    for (i, key) in keys.iter().enumerate() {
        let Some(step) = current.get(*key).cloned() else {
            return Ok(default.clone());
        };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        match step {
            Value::Map(next) => current = next,
            other => return Err(conversion(&other, "map[string]interface {}")),
        }
    }
    Ok(default.clone())
}

/// mergo's deep merge as sprig drives it: keys missing from `dst` are
/// copied; two maps merge recursively; otherwise `src` wins when
/// `overwrite` is set (even with an empty value) or when `dst`'s value is
/// empty. Without `overwrite`, nil source values are skipped entirely.
fn merge_into(dst: &mut Dict, src: &Dict, overwrite: bool) {
    for (key, src_value) in src {
        if !overwrite && matches!(src_value, Value::Nil) {
            continue;
        }
        match dst.get_mut(key) {
            None => {
                dst.insert(key.clone(), src_value.clone());
            }
            Some(dst_value) => match (&mut *dst_value, src_value) {
                (Value::Map(d), Value::Map(s)) => merge_into(Arc::make_mut(d), s, overwrite),
                (d, s) => {
                    if overwrite || is_empty(d) {
                        *d = s.clone();
                    }
                }
            },
        }
    }
}

/// `merge DST SRC …` and `mergeOverwrite DST SRC …`.
fn merge(c: &Call<'_>, overwrite: bool) -> Result<Value> {
    c.arity_min(1)?;
    let mut dst = c.dict(0)?.clone();
    for i in 1..c.args.len() {
        let src = c.dict(i)?;
        merge_into(Arc::make_mut(&mut dst), src, overwrite);
    }
    Ok(Value::Map(dst))
}

/// `deepCopy V`. Values are immutable, so a copy is the value itself.
fn deep_copy(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    match c.arg(0) {
        Value::Nil => Err(c.fail("reflect: call of reflect.Value.Type on zero Value")),
        other => Ok(other.clone()),
    }
}

// ---------------------------------------------------------------------------
// Encodings and hashes
// ---------------------------------------------------------------------------

/// Lower-case hex of bytes.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Go's `base64.StdEncoding`.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// Padded standard base64.
    pub(super) fn encode(data: &[u8]) -> String {
        let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
        for chunk in data.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// The value of a base64 digit.
    fn digit(c: u8) -> Option<u8> {
        ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
    }

    /// Go's `DecodeString`; a failure is sprig's result too: the error
    /// text, `illegal base64 data at input byte N`.
    pub(super) fn decode(s: &str) -> Vec<u8> {
        decode_go(s.as_bytes())
            .unwrap_or_else(|at| format!("illegal base64 data at input byte {at}").into_bytes())
    }

    /// Go's quantum decoder: newlines are skipped, padding is required.
    fn decode_go(src: &[u8]) -> Result<Vec<u8>, usize> {
        let mut out = Vec::with_capacity(src.len() / 4 * 3);
        let mut si = 0;
        while si < src.len() {
            let mut buf = [0u8; 4];
            let mut len = 4;
            let mut j = 0;
            let mut trailing_garbage = None;
            while j < 4 {
                if si == src.len() {
                    if j == 0 {
                        return Ok(out);
                    }
                    return Err(si - j);
                }
                let c = src[si];
                si += 1;
                if let Some(d) = digit(c) {
                    buf[j] = d;
                    j += 1;
                    continue;
                }
                if c == b'\n' || c == b'\r' {
                    continue;
                }
                if c != b'=' {
                    return Err(si - 1);
                }
                match j {
                    0 | 1 => return Err(si - 1),
                    2 => {
                        while si < src.len() && matches!(src[si], b'\n' | b'\r') {
                            si += 1;
                        }
                        if si == src.len() {
                            return Err(src.len());
                        }
                        if src[si] != b'=' {
                            return Err(si - 1);
                        }
                        si += 1;
                    }
                    _ => {}
                }
                while si < src.len() && matches!(src[si], b'\n' | b'\r') {
                    si += 1;
                }
                if si < src.len() {
                    trailing_garbage = Some(si);
                }
                len = j;
                break;
            }
            let n = u32::from(buf[0]) << 18
                | u32::from(buf[1]) << 12
                | u32::from(buf[2]) << 6
                | u32::from(buf[3]);
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..len - 1]);
            if let Some(at) = trailing_garbage {
                return Err(at);
            }
        }
        Ok(out)
    }
}

/// Go's `base32.StdEncoding`.
mod base32 {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// Padded standard base32.
    pub(super) fn encode(data: &[u8]) -> String {
        let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
        for chunk in data.chunks(5) {
            let mut block = [0u8; 5];
            block[..chunk.len()].copy_from_slice(chunk);
            let n = block.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
            let digits = (chunk.len() * 8).div_ceil(5);
            for i in 0..8 {
                if i < digits {
                    out.push(char::from(ALPHABET[(n >> (35 - 5 * i) & 31) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// Go's `DecodeString`, or the error text sprig returns.
    pub(super) fn decode(s: &str) -> Vec<u8> {
        let stripped: Vec<u8> = s.bytes().filter(|&b| b != b'\n' && b != b'\r').collect();
        decode_go(&stripped)
            .unwrap_or_else(|at| format!("illegal base32 data at input byte {at}").into_bytes())
    }

    /// Go's decoder over input without newlines.
    fn decode_go(src: &[u8]) -> Result<Vec<u8>, usize> {
        let olen = src.len();
        let mut rest = src;
        let mut out = Vec::new();
        let mut end = false;
        while !rest.is_empty() && !end {
            let mut buf = [0u8; 8];
            let mut len = 8;
            let mut j = 0;
            while j < 8 {
                let Some((&c, tail)) = rest.split_first() else {
                    return Err(olen - rest.len() - j);
                };
                rest = tail;
                if c == b'=' && j >= 2 && rest.len() < 8 {
                    if rest.len() + j < 7 {
                        return Err(olen);
                    }
                    for k in 0..7 - j {
                        if rest.len() > k && rest[k] != b'=' {
                            return Err(olen - rest.len() + k - 1);
                        }
                    }
                    len = j;
                    end = true;
                    if matches!(len, 1 | 3 | 6) {
                        return Err(olen - rest.len() - 1);
                    }
                    break;
                }
                buf[j] = ALPHABET
                    .iter()
                    .position(|&a| a == c)
                    .ok_or(olen - rest.len() - 1)? as u8;
                j += 1;
            }
            let n = buf.iter().fold(0u64, |acc, &d| acc << 5 | u64::from(d));
            let bytes = [
                (n >> 32) as u8,
                (n >> 24) as u8,
                (n >> 16) as u8,
                (n >> 8) as u8,
                n as u8,
            ];
            let count = match len {
                8 => 5,
                7 => 4,
                5 => 3,
                4 => 2,
                2 => 1,
                _ => 0,
            };
            out.extend_from_slice(&bytes[..count]);
        }
        Ok(out)
    }
}

/// The digests sprig offers, small and self-contained.
mod hash {
    /// SHA-1.
    pub(super) fn sha1(data: &[u8]) -> [u8; 20] {
        let mut h: [u32; 5] = [
            0x6745_2301,
            0xEFCD_AB89,
            0x98BA_DCFE,
            0x1032_5476,
            0xC3D2_E1F0,
        ];
        for block in pad(data, 64, 8).chunks_exact(64) {
            let mut w = [0u32; 80];
            for (i, word) in block.chunks_exact(4).enumerate() {
                w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
            }
            for i in 16..80 {
                w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
            }
            let [mut a, mut b, mut c, mut d, mut e] = h;
            for (i, &wi) in w.iter().enumerate() {
                let (f, k) = match i {
                    0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                    20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                    40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                    _ => (b ^ c ^ d, 0xCA62_C1D6),
                };
                let t = a
                    .rotate_left(5)
                    .wrapping_add(f)
                    .wrapping_add(e)
                    .wrapping_add(k)
                    .wrapping_add(wi);
                e = d;
                d = c;
                c = b.rotate_left(30);
                b = a;
                a = t;
            }
            for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
                *x = x.wrapping_add(y);
            }
        }
        let mut out = [0u8; 20];
        for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    const K256: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];

    /// SHA-256.
    pub(super) fn sha256(data: &[u8]) -> [u8; 32] {
        let mut h: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        for block in pad(data, 64, 8).chunks_exact(64) {
            let mut w = [0u32; 64];
            for (i, word) in block.chunks_exact(4).enumerate() {
                w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..64 {
                let [a, b, c, d, e, f, g, hh] = v;
                let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
                let ch = (e & f) ^ (!e & g);
                let t1 = hh
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K256[i])
                    .wrapping_add(w[i]);
                let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
                let maj = (a & b) ^ (a & c) ^ (b & c);
                let t2 = s0.wrapping_add(maj);
                v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
            }
            for (x, y) in h.iter_mut().zip(v) {
                *x = x.wrapping_add(y);
            }
        }
        let mut out = [0u8; 32];
        for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    const K512: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];

    /// SHA-512.
    pub(super) fn sha512(data: &[u8]) -> [u8; 64] {
        let mut h: [u64; 8] = [
            0x6a09e667f3bcc908,
            0xbb67ae8584caa73b,
            0x3c6ef372fe94f82b,
            0xa54ff53a5f1d36f1,
            0x510e527fade682d1,
            0x9b05688c2b3e6c1f,
            0x1f83d9abfb41bd6b,
            0x5be0cd19137e2179,
        ];
        for block in pad(data, 128, 16).chunks_exact(128) {
            let mut w = [0u64; 80];
            for (i, word) in block.chunks_exact(8).enumerate() {
                let mut b = [0u8; 8];
                b.copy_from_slice(word);
                w[i] = u64::from_be_bytes(b);
            }
            for i in 16..80 {
                let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
                let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..80 {
                let [a, b, c, d, e, f, g, hh] = v;
                let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
                let ch = (e & f) ^ (!e & g);
                let t1 = hh
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K512[i])
                    .wrapping_add(w[i]);
                let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
                let maj = (a & b) ^ (a & c) ^ (b & c);
                let t2 = s0.wrapping_add(maj);
                v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
            }
            for (x, y) in h.iter_mut().zip(v) {
                *x = x.wrapping_add(y);
            }
        }
        let mut out = [0u8; 64];
        for (chunk, word) in out.chunks_exact_mut(8).zip(h) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    /// Merkle–Damgård padding: a 1 bit, zeros, and the bit length in
    /// `len_bytes` big-endian bytes, to a multiple of `block`.
    fn pad(data: &[u8], block: usize, len_bytes: usize) -> Vec<u8> {
        let mut out = data.to_vec();
        out.push(0x80);
        while out.len() % block != block - len_bytes {
            out.push(0);
        }
        let bits = (data.len() as u128).wrapping_mul(8).to_be_bytes();
        out.extend_from_slice(&bits[16 - len_bytes..]);
        out
    }

    /// Adler-32.
    pub(super) fn adler32(data: &[u8]) -> u32 {
        const MOD: u32 = 65521;
        let (mut a, mut b) = (1u32, 0u32);
        for chunk in data.chunks(5552) {
            for &byte in chunk {
                a += u32::from(byte);
                b += a;
            }
            a %= MOD;
            b %= MOD;
        }
        b << 16 | a
    }
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

/// Go's `encoding/json` output for template values.
mod json {
    use std::fmt::Write as _;

    use gotmpl::Value;

    /// The two layouts sprig offers.
    #[derive(Clone, Copy)]
    pub(super) enum Style {
        /// `json.MarshalIndent(v, "", "  ")`, HTML characters escaped.
        Pretty,
        /// `json.Encoder` with `SetEscapeHTML(false)`, compact.
        Raw,
    }

    /// Encodes `v`; fails on NaN and infinities as Go does.
    pub(super) fn encode(v: &Value, style: Style) -> Result<String, String> {
        let mut out = String::new();
        write_value(&mut out, v, style, 0)?;
        Ok(out)
    }

    /// Go's float encoding: shortest digits, exponent only outside
    /// `[1e-6, 1e21)` and without exponent padding.
    pub(super) fn float(f: f64) -> Result<String, String> {
        if !f.is_finite() {
            return Err(format!("json: unsupported value: {}", super::go_float(f)));
        }
        let abs = f.abs();
        if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
            let (digits, exp) = super::shortest_digits(f);
            let sign = if f < 0.0 { "-" } else { "" };
            return Ok(format!(
                "{sign}{}",
                super::sci_notation(&digits, exp, false)
            ));
        }
        Ok(format!("{f}"))
    }

    fn newline(out: &mut String, style: Style, depth: usize) {
        if let Style::Pretty = style {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
    }

    fn write_value(out: &mut String, v: &Value, style: Style, depth: usize) -> Result<(), String> {
        match v {
            Value::Nil => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Uint(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Float(f) => out.push_str(&float(*f)?),
            Value::String(s) => write_string(out, s, style),
            Value::List(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, style, depth + 1);
                    write_value(out, item, style, depth + 1)?;
                }
                newline(out, style, depth);
                out.push(']');
            }
            Value::Map(map) => {
                if map.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                out.push('{');
                for (i, (key, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, style, depth + 1);
                    write_string(out, key, style);
                    out.push(':');
                    if let Style::Pretty = style {
                        out.push(' ');
                    }
                    write_value(out, item, style, depth + 1)?;
                }
                newline(out, style, depth);
                out.push('}');
            }
            _ => return Err("json: unsupported type: func()".into()),
        }
        Ok(())
    }

    /// A JSON string with Go's escapes.
    fn write_string(out: &mut String, s: &str, style: Style) {
        let escape_html = matches!(style, Style::Pretty);
        out.push('"');
        for ch in s.chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '<' | '>' | '&' if escape_html => {
                    let _ = write!(out, "\\u{:04x}", ch as u32);
                }
                '\u{2028}' | '\u{2029}' => {
                    let _ = write!(out, "\\u{:04x}", ch as u32);
                }
                c if (c as u32) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    /// Decodes JSON the way Go decodes into `interface{}`: numbers become
    /// floats.
    pub(super) fn decode(text: &str) -> Result<Value, String> {
        let parsed: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            if e.is_eof() {
                "unexpected end of JSON input".to_string()
            } else {
                e.to_string()
            }
        })?;
        Ok(convert(parsed))
    }

    fn convert(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s.into()),
            serde_json::Value::Array(items) => {
                Value::List(items.into_iter().map(convert).collect::<Vec<_>>().into())
            }
            serde_json::Value::Object(map) => Value::Map(std::sync::Arc::new(
                map.into_iter()
                    .map(|(k, v)| (k.into(), convert(v)))
                    .collect(),
            )),
        }
    }
}

/// `toPrettyJson V` and `toRawJson V` (and their `must` twins, which
/// behave the same: sprig's plain versions panic on the same errors).
fn to_json(c: &Call<'_>, style: json::Style) -> Result<Value> {
    c.arity(1)?;
    json::encode(c.arg(0), style)
        .map(str_value)
        .map_err(|e| c.fail(e))
}

/// `mustFromJson S`.
fn must_from_json(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    json::decode(c.str(0)?).map_err(|e| c.fail(e))
}

// ---------------------------------------------------------------------------
// Regular expressions
// ---------------------------------------------------------------------------

/// Go's `regexp` on top of the `regex` crate. Both implement RE2 syntax;
/// the differences that matter are bridged here: Go's `\d`, `\w`, `\s`
/// and `\b` are ASCII-only, Go has `\Q…\E`, treats `[`, `&&`, `~~` inside
/// a class literally, and iterates over empty matches and expands `$name`
/// templates its own way.
mod gore {
    use std::fmt::Write as _;

    use regex::Regex;

    /// Compiles a Go regular expression; the error is worded like Go's
    /// `error parsing regexp: …`.
    pub(super) fn compile(pattern: &str) -> Result<Regex, String> {
        if let Some(op) = nested_repetition(pattern) {
            let what = if op.starts_with('{') {
                "invalid repeat count"
            } else {
                "invalid nested repetition operator"
            };
            return Err(format!("error parsing regexp: {what}: `{op}`"));
        }
        let translated = translate(pattern);
        regex::RegexBuilder::new(&translated)
            .octal(true)
            .build()
            .map_err(|e| go_error(&e.to_string(), pattern, &translated))
    }

    /// Words a `regex` crate error as Go's `error parsing regexp: …`.
    fn go_error(text: &str, pattern: &str, translated: &str) -> String {
        let detail = text
            .lines()
            .rev()
            .find(|l| l.starts_with("error:"))
            .map_or(text, |l| l.trim_start_matches("error:").trim());
        // The span the `regex` crate marks with carets, in the translated
        // pattern.
        let span = text
            .lines()
            .find(|l| l.trim_start().starts_with('^'))
            .and_then(|l| {
                let start = l.find('^')?.checked_sub(4)?;
                let len = l[start + 4..].chars().take_while(|&c| c == '^').count();
                Some(translated.chars().skip(start).take(len).collect::<String>())
            })
            .unwrap_or_else(|| pattern.to_string());
        let (detail, fragment) = match detail {
            "unclosed character class" => {
                let from = pattern.rfind('[').unwrap_or(0);
                ("missing closing ]", pattern[from..].to_string())
            }
            "unclosed group" => ("missing closing )", pattern.to_string()),
            "unopened group" => ("unexpected )", pattern.to_string()),
            "repetition operator missing expression" => {
                ("missing argument to repetition operator", span)
            }
            "unrecognized escape sequence" => ("invalid escape sequence", span),
            d if d.starts_with("invalid character class range") => {
                ("invalid character class range", span)
            }
            d => (d, pattern.to_string()),
        };
        format!("error parsing regexp: {detail}: `{fragment}`")
    }

    /// A Go repetition `{n}`, `{n,}` or `{n,m}` at the start of `s`: its
    /// length and largest count.
    fn repeat_braces(s: &str) -> Option<(usize, u64)> {
        let end = s.find('}')?;
        let inner = s.get(1..end)?;
        let (lo, hi) = inner.split_once(',').unwrap_or((inner, inner));
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(lo) || !(hi.is_empty() || digits(hi)) {
            return None;
        }
        let max = lo
            .parse::<u64>()
            .unwrap_or(u64::MAX)
            .max(hi.parse::<u64>().unwrap_or(0));
        Some((end + 1, max))
    }

    /// Go rejects a repetition of a repetition (`a**`, `a++`, `a{2}*`),
    /// which the `regex` crate accepts; returns the offending operators.
    fn nested_repetition(pattern: &str) -> Option<String> {
        let b = pattern.as_bytes();
        let mut i = 0;
        let mut in_class = false;
        // The byte range of the previous repetition operator, if the last
        // thing read was one.
        let mut last_rep: Option<(usize, bool)> = None;
        while i < b.len() {
            let c = b[i];
            if c == b'\\' {
                i += 2;
                last_rep = None;
                continue;
            }
            if in_class {
                if c == b']' {
                    in_class = false;
                }
                i += 1;
                continue;
            }
            let rep_len = match c {
                b'*' | b'+' | b'?' => Some(1),
                b'{' => match repeat_braces(&pattern[i..]) {
                    Some((len, max)) if max > 1000 => return Some(pattern[i..i + len].to_string()),
                    Some((len, _)) => Some(len),
                    None => None,
                },
                _ => None,
            };
            match (rep_len, last_rep) {
                (Some(1), Some((start, false))) if c == b'?' => {
                    // A lazy modifier.
                    last_rep = Some((start, true));
                    i += 1;
                }
                (Some(len), Some((start, _))) => return Some(pattern[start..i + len].to_string()),
                (Some(len), None) => {
                    last_rep = Some((i, false));
                    i += len;
                }
                (None, _) => {
                    if c == b'[' {
                        in_class = true;
                        if b.get(i + 1) == Some(&b'^') {
                            i += 1;
                        }
                        if b.get(i + 1) == Some(&b']') {
                            i += 1;
                        }
                    }
                    last_rep = None;
                    i += 1;
                }
            }
        }
        None
    }

    /// The ASCII class for a Perl escape letter, if it is one.
    fn perl_class(letter: char) -> Option<(&'static str, bool)> {
        match letter {
            'd' => Some(("0-9", false)),
            'D' => Some(("0-9", true)),
            's' => Some(("\\t\\n\\x0C\\r ", false)),
            'S' => Some(("\\t\\n\\x0C\\r ", true)),
            'w' => Some(("0-9A-Za-z_", false)),
            'W' => Some(("0-9A-Za-z_", true)),
            _ => None,
        }
    }

    /// Rewrites Go syntax into equivalent Rust `regex` syntax.
    fn translate(pattern: &str) -> String {
        let chars: Vec<char> = pattern.chars().collect();
        let mut out = String::with_capacity(pattern.len() + 8);
        let mut i = 0;
        let mut in_class = false;
        let mut class_start = false;
        while i < chars.len() {
            let ch = chars[i];
            if ch == '\\' && i + 1 < chars.len() {
                let next = chars[i + 1];
                if !in_class && next == 'Q' {
                    let rest: String = chars[i + 2..].iter().collect();
                    let (literal, after) = match rest.find("\\E") {
                        Some(end) => (rest[..end].to_string(), end + 2),
                        None => (rest.clone(), rest.len()),
                    };
                    out.push_str(&regex::escape(&literal));
                    i += 2 + rest[..after].chars().count();
                    continue;
                }
                if let Some((class, negated)) = perl_class(next) {
                    match (in_class, negated) {
                        (false, false) => {
                            let _ = write!(out, "[{class}]");
                        }
                        (false, true) | (true, true) => {
                            let _ = write!(out, "[^{class}]");
                        }
                        (true, false) => out.push_str(class),
                    }
                } else if !in_class && (next == 'b' || next == 'B') {
                    let _ = write!(out, "(?-u:\\{next})");
                } else {
                    out.push(ch);
                    out.push(next);
                }
                class_start = false;
                i += 2;
                continue;
            }
            if in_class {
                match ch {
                    ']' if !class_start => in_class = false,
                    '[' if chars.get(i + 1) == Some(&':') => {
                        // A POSIX class like `[:alpha:]` passes through.
                        let rest: String = chars[i..].iter().collect();
                        if let Some(end) = rest.find(":]") {
                            out.push_str(&rest[..end + 2]);
                            i += rest[..end + 2].chars().count();
                            class_start = false;
                            continue;
                        }
                        out.push_str("\\[");
                        i += 1;
                        class_start = false;
                        continue;
                    }
                    '[' | '&' | '~' => {
                        out.push('\\');
                    }
                    _ => {}
                }
                out.push(ch);
                class_start = class_start && ch == '^';
                i += 1;
                continue;
            }
            if ch == '{' && repeat_braces(&chars[i..].iter().collect::<String>()).is_none() {
                // Go reads a brace that starts no repetition literally.
                out.push_str("\\{");
                i += 1;
                continue;
            }
            if ch == '[' {
                in_class = true;
                class_start = true;
                out.push(ch);
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                i += 1;
                continue;
            }
            out.push(ch);
            i += 1;
        }
        out
    }

    /// Go's `regexp.QuoteMeta`.
    pub(super) fn quote_meta(s: &str) -> String {
        let mut out = String::with_capacity(s.len() * 2);
        for ch in s.chars() {
            if "\\.+*?()|[]{}^$".contains(ch) {
                out.push('\\');
            }
            out.push(ch);
        }
        out
    }

    /// The width of the character at `pos`, or 0 at the end.
    fn width_at(s: &str, pos: usize) -> usize {
        s.get(pos..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8)
    }

    /// Go's `FindAllStringIndex(s, n)`: successive matches, where an empty
    /// match right after a previous match is skipped.
    pub(super) fn find_all(re: &Regex, s: &str, n: i64) -> Vec<(usize, usize)> {
        let limit = if n < 0 { s.len() + 1 } else { n as usize };
        let mut out = Vec::new();
        let mut pos = 0;
        let mut prev_end: Option<usize> = None;
        while out.len() < limit && pos <= s.len() {
            let Some(m) = re.find_at(s, pos) else { break };
            let mut accept = true;
            if m.end() == pos {
                if Some(m.start()) == prev_end {
                    accept = false;
                }
                let width = width_at(s, pos);
                pos = if width > 0 { pos + width } else { s.len() + 1 };
            } else {
                pos = m.end();
            }
            prev_end = Some(m.end());
            if accept {
                out.push((m.start(), m.end()));
            }
        }
        out
    }

    /// Go's `ReplaceAllString` / `ReplaceAllLiteralString`.
    pub(super) fn replace_all(re: &Regex, s: &str, repl: &str, literal: bool) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last_end = 0;
        let mut search = 0;
        while search <= s.len() {
            let Some(caps) = re.captures_at(s, search) else {
                break;
            };
            let Some(m) = caps.get(0) else { break };
            out.push_str(&s[last_end..m.start()]);
            if m.end() > last_end || m.start() == 0 {
                if literal {
                    out.push_str(repl);
                } else {
                    expand(re, &caps, repl, &mut out);
                }
            }
            last_end = m.end();
            let width = width_at(s, search);
            search = if search + width > m.end() {
                search + width
            } else if search + 1 > m.end() {
                search + 1
            } else {
                m.end()
            };
        }
        out.push_str(s.get(last_end..).unwrap_or_default());
        out
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name
    /// is the longest run of letters, digits and `_`, so `$1x` names `1x`.
    fn expand(re: &Regex, caps: &regex::Captures<'_>, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            rest = &rest[at + 1..];
            if let Some(after) = rest.strip_prefix('$') {
                out.push('$');
                rest = after;
                continue;
            }
            let (braced, body) = match rest.strip_prefix('{') {
                Some(b) => (true, b),
                None => (false, rest),
            };
            let name_len: usize = body
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .map(char::len_utf8)
                .sum();
            let closed = !braced || body[name_len..].starts_with('}');
            if name_len == 0 || !closed {
                out.push('$');
                continue;
            }
            let name = &body[..name_len];
            rest = &body[name_len + usize::from(braced)..];
            let number = if name.bytes().all(|b| b.is_ascii_digit())
                && !(name.len() > 1 && name.starts_with('0'))
            {
                name.parse::<usize>().ok()
            } else {
                None
            };
            let group = match number {
                Some(n) => caps.get(n),
                None => re
                    .capture_names()
                    .position(|n| n == Some(name))
                    .and_then(|i| caps.get(i)),
            };
            if let Some(g) = group {
                out.push_str(g.as_str());
            }
        }
        out.push_str(rest);
    }

    /// Go's `Regexp.Split(s, n)`.
    pub(super) fn split<'s>(re: &Regex, s: &'s str, n: i64) -> Vec<&'s str> {
        if n == 0 {
            return Vec::new();
        }
        if !re.as_str().is_empty() && s.is_empty() {
            return vec![""];
        }
        let mut out = Vec::new();
        let (mut begin, mut end) = (0, 0);
        for (start, stop) in find_all(re, s, n) {
            if n > 0 && out.len() as i64 == n - 1 {
                break;
            }
            end = start;
            if stop != 0 {
                out.push(&s[begin..end]);
            }
            begin = stop;
        }
        if end != s.len() {
            out.push(&s[begin..]);
        }
        out
    }
}

/// Compiles a pattern for a regex function: the `must` forms return Go's
/// compile error, the plain ones panic in sprig, which Go reports as
/// `regexp: Compile(…)`.
fn regex_arg(c: &Call<'_>, pattern: &str, must: bool) -> Result<regex::Regex> {
    gore::compile(pattern).map_err(|e| {
        if must {
            c.fail(e)
        } else {
            c.fail(format!("regexp: Compile(`{pattern}`): {e}"))
        }
    })
}

/// `regexMatch RE S`; the plain form answers false for a bad pattern.
fn regex_match(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let (pattern, s) = (c.str(0)?, c.str(1)?);
    match gore::compile(pattern) {
        Ok(re) => Ok(Value::Bool(re.is_match(s))),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(Value::Bool(false)),
    }
}

/// `regexFind RE S`: the first match, or "".
fn regex_find(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(re.find(c.str(1)?).map_or("", |m| m.as_str())))
}

/// `regexFindAll RE S N`: up to N matches (all for N < 0).
fn regex_find_all(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    let s = c.str(1)?;
    let n = c.int(2)?;
    Ok(str_list(
        gore::find_all(&re, s, n).into_iter().map(|(a, b)| &s[a..b]),
    ))
}

/// `regexReplaceAll RE S REPL` and the literal variant.
fn regex_replace_all(c: &Call<'_>, must: bool, literal: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_value(gore::replace_all(
        &re,
        c.str(1)?,
        c.str(2)?,
        literal,
    )))
}

/// `regexSplit RE S N`.
fn regex_split(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(3)?;
    let re = regex_arg(c, c.str(0)?, must)?;
    Ok(str_list(gore::split(&re, c.str(1)?, c.int(2)?)))
}

// ---------------------------------------------------------------------------
// Semantic versions (Masterminds/semver v3, as sprig uses it)
// ---------------------------------------------------------------------------

/// Masterminds/semver v3: loose version parsing (`v1.2`, `1`, leading
/// zeros) and its constraint language (`>=1.21-0`, `^1.2`, `~1.2.3`,
/// `1.2 - 1.4`, `1.x`, commas and `||`), with its rule that prereleases
/// only satisfy an AND group that itself mentions a prerelease.
mod semver {
    use std::cmp::Ordering;
    use std::sync::OnceLock;

    use regex::Regex;

    /// A parsed version.
    #[derive(Clone, Debug)]
    pub(super) struct Version {
        pub(super) major: u64,
        pub(super) minor: u64,
        pub(super) patch: u64,
        pub(super) pre: String,
        pub(super) metadata: String,
        pub(super) original: String,
    }

    /// Go's `\s`, which is ASCII-only.
    const WS: &str = r"[\t\n\x0C\r ]";
    const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
    const CV: &str = concat!(
        r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?",
        r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
        r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
    );

    /// The regular expressions of `constraints.go`, compiled once.
    struct Patterns {
        loose_version: Regex,
        constraint: Regex,
        range: Regex,
        find: Regex,
        valid: Regex,
    }

    fn patterns() -> Option<&'static Patterns> {
        static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
        PATTERNS
            .get_or_init(|| {
                let build = |p: String| Regex::new(&p).ok();
                Some(Patterns {
                    loose_version: build(
                        concat!(
                            r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?",
                            r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
                            r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"
                        )
                        .to_string(),
                    )?,
                    constraint: build(format!("^{WS}*({OPS}){WS}*({CV}){WS}*$"))?,
                    range: build(format!("{WS}*({CV}){WS}+-{WS}+({CV}){WS}*"))?,
                    find: build(format!("({OPS}){WS}*({CV})"))?,
                    valid: build(format!(
                        "^({WS}*({OPS}){WS}*({CV}){WS}*)((?:{WS}+|,{WS}*)({OPS}){WS}*({CV}){WS}*)*$"
                    ))?,
                })
            })
            .as_ref()
    }

    /// semver's `NewVersion` (coercing: `1.2` is `1.2.0`).
    pub(super) fn parse(v: &str) -> Result<Version, String> {
        let invalid = || "invalid semantic version".to_string();
        let caps = patterns()
            .ok_or_else(invalid)?
            .loose_version
            .captures(v)
            .ok_or_else(invalid)?;
        let group = |i: usize| caps.get(i).map_or("", |m| m.as_str());
        let segment = |s: &str| -> Result<u64, String> {
            let digits = s.trim_start_matches('.');
            if digits.is_empty() {
                return Ok(0);
            }
            digits.parse::<u64>().map_err(|_| {
                format!("error parsing version segment: strconv.ParseUint: parsing \"{digits}\": value out of range")
            })
        };
        let version = Version {
            major: segment(group(1))?,
            minor: segment(group(2))?,
            patch: segment(group(3))?,
            pre: group(5).to_string(),
            metadata: group(8).to_string(),
            original: v.to_string(),
        };
        if !version.pre.is_empty() {
            validate_prerelease(&version.pre)?;
        }
        Ok(version)
    }

    /// No empty identifiers, no leading zeros on numeric ones.
    fn validate_prerelease(pre: &str) -> Result<(), String> {
        for part in pre.split('.') {
            if part.is_empty() {
                return Err("invalid prerelease string".into());
            }
            if part.bytes().all(|b| b.is_ascii_digit()) && part.len() > 1 && part.starts_with('0') {
                return Err("version segment starts with 0".into());
            }
        }
        Ok(())
    }

    impl Version {
        /// `1.2.3-pre+meta`, without a `v`.
        pub(super) fn canonical(&self) -> String {
            let mut s = format!("{}.{}.{}", self.major, self.minor, self.patch);
            if !self.pre.is_empty() {
                s.push('-');
                s.push_str(&self.pre);
            }
            if !self.metadata.is_empty() {
                s.push('+');
                s.push_str(&self.metadata);
            }
            s
        }

        /// Precedence; metadata is ignored.
        fn compare(&self, other: &Version) -> Ordering {
            (self.major, self.minor, self.patch)
                .cmp(&(other.major, other.minor, other.patch))
                .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                    (false, false) => compare_prerelease(&self.pre, &other.pre),
                })
        }
    }

    /// Dot-separated identifiers: numbers numerically and below words.
    fn compare_prerelease(a: &str, b: &str) -> Ordering {
        let (xs, ys): (Vec<&str>, Vec<&str>) = (a.split('.').collect(), b.split('.').collect());
        for i in 0..xs.len().max(ys.len()) {
            let (x, y) = (
                xs.get(i).copied().unwrap_or(""),
                ys.get(i).copied().unwrap_or(""),
            );
            let ord = compare_part(x, y);
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    }

    fn compare_part(x: &str, y: &str) -> Ordering {
        if x == y {
            return Ordering::Equal;
        }
        if x.is_empty() {
            return Ordering::Less;
        }
        if y.is_empty() {
            return Ordering::Greater;
        }
        match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(a), Ok(b)) => {
                if a > b {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            (Err(_), Err(_)) => {
                if x > y {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
        }
    }

    /// One `OP VERSION` term.
    struct Constraint {
        op: String,
        con: Version,
        minor_dirty: bool,
        patch_dirty: bool,
        dirty: bool,
    }

    /// Whether a version segment is a wildcard.
    fn is_x(s: &str) -> bool {
        matches!(s, "x" | "X" | "*")
    }

    /// semver's `parseConstraint`.
    fn parse_constraint(text: &str, p: &Patterns) -> Result<Constraint, String> {
        let caps = p
            .constraint
            .captures(text)
            .ok_or_else(|| format!("improper constraint: {}", super::go_quote(text)))?;
        let group = |i: usize| caps.get(i).map_or("", |m| m.as_str());
        let (major, minor, patch, pre) = (group(3), group(4), group(5), group(6));
        let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
        let ver = if is_x(major) {
            dirty = true;
            format!("0.0.0{pre}")
        } else if minor.is_empty() || is_x(&minor[1..]) {
            dirty = true;
            minor_dirty = true;
            format!("{major}.0.0{pre}")
        } else if patch.is_empty() || is_x(&patch[1..]) {
            dirty = true;
            patch_dirty = true;
            format!("{major}{minor}.0{pre}")
        } else {
            group(2).to_string()
        };
        let con = parse(&ver).map_err(|_| "constraint parser error".to_string())?;
        Ok(Constraint {
            op: group(1).to_string(),
            con,
            minor_dirty,
            patch_dirty,
            dirty,
        })
    }

    /// Parsed constraints: OR groups of AND terms, and whether each group
    /// mentions a prerelease.
    pub(super) struct Constraints {
        groups: Vec<(Vec<Constraint>, bool)>,
    }

    /// semver's `NewConstraint`.
    pub(super) fn parse_constraints(text: &str) -> Result<Constraints, String> {
        const MAX_LEN: usize = 512;
        if text.len() > MAX_LEN {
            return Err(format!(
                "constraint string is too long (max {MAX_LEN} bytes)"
            ));
        }
        let p = patterns().ok_or_else(|| "constraint parser error".to_string())?;
        let mut rewritten = text.to_string();
        for caps in p.range.captures_iter(text) {
            let (Some(whole), Some(lo), Some(hi)) = (caps.get(0), caps.get(1), caps.get(11)) else {
                continue;
            };
            rewritten = rewritten.replacen(
                whole.as_str(),
                &format!(">= {}, <= {} ", lo.as_str(), hi.as_str()),
                1,
            );
        }
        let mut groups = Vec::new();
        for group in rewritten.split("||") {
            if !p.valid.is_match(group) {
                return Err(format!("improper constraint: {}", super::go_quote(group)));
            }
            let mut terms = Vec::new();
            for m in p.find.find_iter(group) {
                terms.push(parse_constraint(m.as_str(), p)?);
            }
            let has_pre = terms.iter().any(|t| !t.con.pre.is_empty());
            groups.push((terms, has_pre));
        }
        Ok(Constraints { groups })
    }

    impl Constraints {
        /// Whether `v` satisfies any OR group.
        pub(super) fn check(&self, v: &Version) -> bool {
            self.groups
                .iter()
                .any(|(terms, has_pre)| terms.iter().all(|t| t.check(v, *has_pre)))
        }
    }

    impl Constraint {
        fn check(&self, v: &Version, include_pre: bool) -> bool {
            if !v.pre.is_empty() && !include_pre {
                return false;
            }
            let c = &self.con;
            match self.op.as_str() {
                "" | "=" => {
                    if self.dirty {
                        self.tilde(v)
                    } else {
                        v.compare(c) == Ordering::Equal
                    }
                }
                "!=" => self.not_equal(v),
                ">" => {
                    if !self.dirty {
                        v.compare(c) == Ordering::Greater
                    } else if v.major != c.major {
                        v.major > c.major
                    } else if self.minor_dirty {
                        false
                    } else if self.patch_dirty {
                        v.minor > c.minor
                    } else {
                        v.compare(c) == Ordering::Greater
                    }
                }
                "<" => v.compare(c) == Ordering::Less,
                ">=" | "=>" => v.compare(c) != Ordering::Less,
                "<=" | "=<" => {
                    if !self.dirty {
                        v.compare(c) != Ordering::Greater
                    } else if v.major > c.major {
                        false
                    } else {
                        !(v.major == c.major && v.minor > c.minor && !self.minor_dirty)
                    }
                }
                "~" | "~>" => self.tilde(v),
                "^" => self.caret(v),
                _ => false,
            }
        }

        fn not_equal(&self, v: &Version) -> bool {
            let c = &self.con;
            if self.dirty {
                if c.major != v.major {
                    return true;
                }
                if c.minor != v.minor && !self.minor_dirty {
                    return true;
                }
                if self.minor_dirty {
                    return false;
                }
                if c.patch != v.patch && !self.patch_dirty {
                    return true;
                }
                if self.patch_dirty {
                    if !v.pre.is_empty() || !c.pre.is_empty() {
                        return compare_prerelease(&v.pre, &c.pre) != Ordering::Equal;
                    }
                    return false;
                }
            }
            v.compare(c) != Ordering::Equal
        }

        fn tilde(&self, v: &Version) -> bool {
            let c = &self.con;
            if v.compare(c) == Ordering::Less {
                return false;
            }
            if c.major == 0
                && c.minor == 0
                && c.patch == 0
                && !self.minor_dirty
                && !self.patch_dirty
            {
                return true;
            }
            if v.major != c.major {
                return false;
            }
            v.minor == c.minor || self.minor_dirty
        }

        fn caret(&self, v: &Version) -> bool {
            let c = &self.con;
            if v.compare(c) == Ordering::Less {
                return false;
            }
            if c.major > 0 || self.minor_dirty {
                return v.major == c.major;
            }
            if v.major > 0 {
                return false;
            }
            if c.minor > 0 || self.patch_dirty {
                return v.minor == c.minor;
            }
            if v.minor > 0 {
                return false;
            }
            c.patch == v.patch
        }
    }
}

/// `semver V`: the parsed version. Go returns a `*semver.Version` whose
/// methods templates call (`(semver V).Major`); here it is a dict with the
/// same names, so field access works but printing shows the dict.
fn semver_fn(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let v = semver::parse(c.str(0)?).map_err(|e| c.fail(e))?;
    let mut map = Dict::new();
    map.insert("Major".into(), Value::Uint(v.major));
    map.insert("Minor".into(), Value::Uint(v.minor));
    map.insert("Patch".into(), Value::Uint(v.patch));
    map.insert("Prerelease".into(), str_value(v.pre.as_str()));
    map.insert("Metadata".into(), str_value(v.metadata.as_str()));
    map.insert("Original".into(), str_value(v.original.as_str()));
    map.insert("String".into(), str_value(v.canonical()));
    Ok(Value::Map(Arc::new(map)))
}

/// `semverCompare CONSTRAINT VERSION`.
fn semver_compare(c: &Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let constraints = semver::parse_constraints(c.str(0)?).map_err(|e| c.fail(e))?;
    let version = semver::parse(c.str(1)?).map_err(|e| c.fail(e))?;
    Ok(Value::Bool(constraints.check(&version)))
}

// ---------------------------------------------------------------------------
// Dates (Go's `time` package)
// ---------------------------------------------------------------------------

/// The parts of Go's `time` package sprig's date functions use: layouts
/// (`2006-01-02 15:04:05`), parsing, durations.
///
/// A `time.Time` travels through templates as the string Go prints for it
/// (`2024-02-29 13:14:15 +0000 UTC`), which the date functions read back.
/// The local zone is UTC, as on a machine without a configured zone, and
/// named zones other than UTC are not loaded (Go falls back to UTC when it
/// cannot load one).
mod gotime {
    use std::time::{SystemTime, UNIX_EPOCH};

    use gotmpl::Value;

    /// An instant with the zone it is shown in.
    #[derive(Clone, Debug)]
    pub(super) struct Time {
        /// Seconds since the Unix epoch.
        pub(super) unix: i64,
        /// Nanoseconds within the second.
        pub(super) nsec: u32,
        /// The zone's offset east of UTC, in seconds.
        offset: i32,
        /// The zone's abbreviation; empty for an unnamed fixed offset.
        zone: String,
    }

    const LONG_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const LONG_DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];

    /// The layout of Go's `Time.String`.
    const STRING_LAYOUT: &str = "2006-01-02 15:04:05.999999999 -0700 MST";

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01.
    fn civil_from_days(days: i64) -> (i64, u32, u32) {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    fn is_leap(year: i64) -> bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    fn days_in(month: u32, year: i64) -> u32 {
        match month {
            2 if is_leap(year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// A time's calendar fields in its zone.
    struct Civil {
        year: i64,
        month: u32,
        day: u32,
        yday: i64,
        weekday: usize,
        hour: i64,
        min: i64,
        sec: i64,
    }

    impl Time {
        /// The current time, in UTC.
        pub(super) fn now() -> Time {
            let d = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            Time {
                unix: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                nsec: d.subsec_nanos(),
                offset: 0,
                zone: "UTC".into(),
            }
        }

        /// Go's `time.Unix(secs, 0)` shown in the local zone (UTC).
        pub(super) fn from_unix(unix: i64) -> Time {
            Time {
                unix,
                nsec: 0,
                offset: 0,
                zone: "UTC".into(),
            }
        }

        /// The same instant in UTC, which is also the local zone.
        pub(super) fn utc(&self) -> Time {
            Time {
                offset: 0,
                zone: "UTC".into(),
                ..self.clone()
            }
        }

        /// The instant plus `nanos`.
        pub(super) fn add(&self, nanos: i64) -> Time {
            let total = i128::from(self.nsec) + i128::from(nanos);
            let secs = total.div_euclid(1_000_000_000);
            let nsec = total.rem_euclid(1_000_000_000) as u32;
            Time {
                unix: self.unix.saturating_add(i64::try_from(secs).unwrap_or(0)),
                nsec,
                ..self.clone()
            }
        }

        /// Nanoseconds from `self` to `later`, saturating like Go's `Sub`.
        pub(super) fn until(&self, later: &Time) -> i64 {
            let diff = (i128::from(later.unix) - i128::from(self.unix)) * 1_000_000_000
                + i128::from(later.nsec)
                - i128::from(self.nsec);
            i64::try_from(diff).unwrap_or(if diff < 0 { i64::MIN } else { i64::MAX })
        }

        /// The template representation: Go's `Time.String()`.
        pub(super) fn into_value(self) -> Value {
            Value::String(self.format(STRING_LAYOUT).into())
        }

        /// Reads back a time from its template representation.
        pub(super) fn from_value(v: &Value) -> Option<Time> {
            match v {
                Value::String(s) => parse(STRING_LAYOUT, s).ok(),
                _ => None,
            }
        }

        fn civil(&self) -> Civil {
            let local = self.unix + i64::from(self.offset);
            let days = local.div_euclid(86_400);
            let secs = local.rem_euclid(86_400);
            let (year, month, day) = civil_from_days(days);
            Civil {
                year,
                month,
                day,
                yday: days - days_from_civil(year, 1, 1) + 1,
                weekday: (days + 4).rem_euclid(7) as usize,
                hour: secs / 3600,
                min: secs / 60 % 60,
                sec: secs % 60,
            }
        }

        /// Go's `Time.Format`.
        pub(super) fn format(&self, layout: &str) -> String {
            let c = self.civil();
            let mut out = String::new();
            let mut rest = layout;
            loop {
                let (prefix, std, suffix) = next_std_chunk(rest);
                out.push_str(prefix);
                let Some(std) = std else { break };
                rest = suffix;
                match std {
                    Std::Year => push_int(&mut out, c.year.abs() % 100, 2),
                    Std::LongYear => push_int(&mut out, c.year, 4),
                    Std::Month => out.push_str(&LONG_MONTHS[c.month as usize - 1][..3]),
                    Std::LongMonth => out.push_str(LONG_MONTHS[c.month as usize - 1]),
                    Std::NumMonth => push_int(&mut out, i64::from(c.month), 0),
                    Std::ZeroMonth => push_int(&mut out, i64::from(c.month), 2),
                    Std::WeekDay => out.push_str(&LONG_DAYS[c.weekday][..3]),
                    Std::LongWeekDay => out.push_str(LONG_DAYS[c.weekday]),
                    Std::Day => push_int(&mut out, i64::from(c.day), 0),
                    Std::UnderDay => {
                        if c.day < 10 {
                            out.push(' ');
                        }
                        push_int(&mut out, i64::from(c.day), 0);
                    }
                    Std::ZeroDay => push_int(&mut out, i64::from(c.day), 2),
                    Std::UnderYearDay => {
                        if c.yday < 100 {
                            out.push(' ');
                            if c.yday < 10 {
                                out.push(' ');
                            }
                        }
                        push_int(&mut out, c.yday, 0);
                    }
                    Std::ZeroYearDay => push_int(&mut out, c.yday, 3),
                    Std::Hour => push_int(&mut out, c.hour, 2),
                    Std::Hour12 | Std::ZeroHour12 => {
                        let hr = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
                        push_int(&mut out, hr, if matches!(std, Std::Hour12) { 0 } else { 2 });
                    }
                    Std::Minute => push_int(&mut out, c.min, 0),
                    Std::ZeroMinute => push_int(&mut out, c.min, 2),
                    Std::Second => push_int(&mut out, c.sec, 0),
                    Std::ZeroSecond => push_int(&mut out, c.sec, 2),
                    Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
                    Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
                    Std::Zone(kind) => self.push_zone(&mut out, kind),
                    Std::TZ => {
                        if self.zone.is_empty() {
                            self.push_zone(
                                &mut out,
                                ZoneFmt {
                                    iso: false,
                                    colon: false,
                                    minutes: true,
                                    seconds: false,
                                },
                            );
                        } else {
                            out.push_str(&self.zone);
                        }
                    }
                    Std::Frac { digits, trim, sep } => {
                        if trim && (digits == 0 || self.nsec == 0) {
                            continue;
                        }
                        let mut frac = format!("{:09}", self.nsec);
                        frac.truncate(digits);
                        if trim {
                            let kept = frac.trim_end_matches('0').len();
                            frac.truncate(kept);
                            if frac.is_empty() {
                                continue;
                            }
                        }
                        out.push(sep);
                        out.push_str(&frac);
                    }
                }
            }
            out
        }

        fn push_zone(&self, out: &mut String, f: ZoneFmt) {
            if self.offset == 0 && f.iso {
                out.push('Z');
                return;
            }
            let abs = i64::from(self.offset).abs();
            out.push(if self.offset < 0 { '-' } else { '+' });
            push_int(out, abs / 3600, 2);
            if f.minutes {
                if f.colon {
                    out.push(':');
                }
                push_int(out, abs / 60 % 60, 2);
            }
            if f.seconds {
                if f.colon {
                    out.push(':');
                }
                push_int(out, abs % 60, 2);
            }
        }
    }

    /// Go's `appendInt`: the sign, then at least `width` digits.
    fn push_int(out: &mut String, n: i64, width: usize) {
        if n < 0 {
            out.push('-');
        }
        out.push_str(&format!("{:0width$}", n.unsigned_abs()));
    }

    /// How a numeric zone prints.
    #[derive(Clone, Copy, PartialEq, Eq)]
    struct ZoneFmt {
        /// `Z` for UTC (the `Z07:00` forms).
        iso: bool,
        colon: bool,
        minutes: bool,
        seconds: bool,
    }

    /// A layout element.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Std {
        LongMonth,
        Month,
        NumMonth,
        ZeroMonth,
        LongWeekDay,
        WeekDay,
        Day,
        UnderDay,
        ZeroDay,
        UnderYearDay,
        ZeroYearDay,
        Hour,
        Hour12,
        ZeroHour12,
        Minute,
        ZeroMinute,
        Second,
        ZeroSecond,
        LongYear,
        Year,
        PM,
        Pm,
        TZ,
        Zone(ZoneFmt),
        Frac {
            digits: usize,
            trim: bool,
            sep: char,
        },
    }

    /// Go's `nextStdChunk`: the text before the first layout element, the
    /// element, and the rest.
    fn next_std_chunk(layout: &str) -> (&str, Option<Std>, &str) {
        let b = layout.as_bytes();
        let starts = |i: usize, s: &str| layout.get(i..).is_some_and(|r| r.starts_with(s));
        let lower_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_lowercase);
        let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let zone = |iso, colon, minutes, seconds| {
            Std::Zone(ZoneFmt {
                iso,
                colon,
                minutes,
                seconds,
            })
        };
        for i in 0..b.len() {
            let found: Option<(Std, usize)> = match b[i] {
                b'J' if starts(i, "January") => Some((Std::LongMonth, 7)),
                b'J' if starts(i, "Jan") && !lower_at(i + 3) => Some((Std::Month, 3)),
                b'M' if starts(i, "Monday") => Some((Std::LongWeekDay, 6)),
                b'M' if starts(i, "Mon") && !lower_at(i + 3) => Some((Std::WeekDay, 3)),
                b'M' if starts(i, "MST") => Some((Std::TZ, 3)),
                b'0' if matches!(b.get(i + 1), Some(b'1'..=b'6')) => {
                    let std = match b[i + 1] {
                        b'1' => Std::ZeroMonth,
                        b'2' => Std::ZeroDay,
                        b'3' => Std::ZeroHour12,
                        b'4' => Std::ZeroMinute,
                        b'5' => Std::ZeroSecond,
                        _ => Std::Year,
                    };
                    Some((std, 2))
                }
                b'0' if starts(i, "002") => Some((Std::ZeroYearDay, 3)),
                b'1' if starts(i, "15") => Some((Std::Hour, 2)),
                b'1' => Some((Std::NumMonth, 1)),
                b'2' if starts(i, "2006") => Some((Std::LongYear, 4)),
                b'2' => Some((Std::Day, 1)),
                b'_' if starts(i, "_2006") => {
                    return (&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..])
                }
                b'_' if starts(i, "_2") => Some((Std::UnderDay, 2)),
                b'_' if starts(i, "__2") => Some((Std::UnderYearDay, 3)),
                b'3' => Some((Std::Hour12, 1)),
                b'4' => Some((Std::Minute, 1)),
                b'5' => Some((Std::Second, 1)),
                b'P' if starts(i, "PM") => Some((Std::PM, 2)),
                b'p' if starts(i, "pm") => Some((Std::Pm, 2)),
                b'-' if starts(i, "-070000") => Some((zone(false, false, true, true), 7)),
                b'-' if starts(i, "-07:00:00") => Some((zone(false, true, true, true), 9)),
                b'-' if starts(i, "-0700") => Some((zone(false, false, true, false), 5)),
                b'-' if starts(i, "-07:00") => Some((zone(false, true, true, false), 6)),
                b'-' if starts(i, "-07") => Some((zone(false, false, false, false), 3)),
                b'Z' if starts(i, "Z070000") => Some((zone(true, false, true, true), 7)),
                b'Z' if starts(i, "Z07:00:00") => Some((zone(true, true, true, true), 9)),
                b'Z' if starts(i, "Z0700") => Some((zone(true, false, true, false), 5)),
                b'Z' if starts(i, "Z07:00") => Some((zone(true, true, true, false), 6)),
                b'Z' if starts(i, "Z07") => Some((zone(true, false, false, false), 3)),
                c @ (b'.' | b',') if matches!(b.get(i + 1), Some(b'0' | b'9')) => {
                    let ch = b[i + 1];
                    let mut j = i + 1;
                    while b.get(j) == Some(&ch) {
                        j += 1;
                    }
                    if digit_at(j) {
                        None
                    } else {
                        Some((
                            Std::Frac {
                                digits: j - (i + 1),
                                trim: ch == b'9',
                                sep: char::from(c),
                            },
                            j - i,
                        ))
                    }
                }
                _ => None,
            };
            if let Some((std, len)) = found {
                return (&layout[..i], Some(std), &layout[i + len..]);
            }
        }
        (layout, None, "")
    }

    /// Skips the literal `prefix` in `value`, where a space matches any run
    /// of spaces.
    fn skip<'v>(mut value: &'v str, mut prefix: &str) -> Option<&'v str> {
        while let Some(p) = prefix.chars().next() {
            if p == ' ' {
                if !value.is_empty() && !value.starts_with(' ') {
                    return None;
                }
                prefix = prefix.trim_start_matches(' ');
                value = value.trim_start_matches(' ');
                continue;
            }
            value = value.strip_prefix(p)?;
            prefix = &prefix[p.len_utf8()..];
        }
        Some(value)
    }

    /// One or two digits (exactly two when `fixed`).
    fn getnum(s: &str, fixed: bool) -> Option<(i64, &str)> {
        let b = s.as_bytes();
        let d0 = b.first().filter(|c| c.is_ascii_digit())?;
        match b.get(1).filter(|c| c.is_ascii_digit()) {
            Some(d1) => Some((i64::from(d0 - b'0') * 10 + i64::from(d1 - b'0'), &s[2..])),
            None if fixed => None,
            None => Some((i64::from(d0 - b'0'), &s[1..])),
        }
    }

    /// One to three digits (exactly three when `fixed`).
    fn getnum3(s: &str, fixed: bool) -> Option<(i64, &str)> {
        let n = s.bytes().take(3).take_while(u8::is_ascii_digit).count();
        if n == 0 || fixed && n != 3 {
            return None;
        }
        Some((s[..n].parse().ok()?, &s[n..]))
    }

    /// A case-insensitive prefix from `names`.
    fn lookup<'v>(names: &[&str], value: &'v str, short: bool) -> Option<(usize, &'v str)> {
        names.iter().enumerate().find_map(|(i, name)| {
            let name = if short { &name[..3] } else { name };
            let head = value.get(..name.len())?;
            head.eq_ignore_ascii_case(name)
                .then(|| (i, &value[name.len()..]))
        })
    }

    /// Go's `parseTimeZone`: how long a zone abbreviation at the start of
    /// `value` is.
    fn zone_name_len(value: &str) -> Option<usize> {
        let b = value.as_bytes();
        if b.len() < 3 {
            return None;
        }
        if value.starts_with("ChST") || value.starts_with("MeST") {
            return Some(4);
        }
        if value.starts_with("GMT") {
            return Some(3);
        }
        if b[0] == b'+' || b[0] == b'-' {
            let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            return (digits > 0).then_some(1 + digits);
        }
        let upper = b
            .iter()
            .take(6)
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        match upper {
            3 => Some(3),
            4 if b[3] == b'T' || value.starts_with("WITA") => Some(4),
            5 if b[4] == b'T' => Some(5),
            _ => None,
        }
    }

    /// Go's quoting in time errors.
    fn q(s: &str) -> String {
        super::go_quote(s)
    }

    /// Go's `time.ParseInLocation(layout, value, time.Local)` with a UTC
    /// local zone.
    pub(super) fn parse(layout: &str, value: &str) -> Result<Time, String> {
        let (full_layout, full_value) = (layout, value);
        let cannot = |value_elem: &str, layout_elem: &str| {
            format!(
                "parsing time {} as {}: cannot parse {} as {}",
                q(full_value),
                q(full_layout),
                q(value_elem),
                q(layout_elem)
            )
        };
        let fail = |msg: &str| format!("parsing time {}{msg}", q(full_value));
        let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
        let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0u32);
        let (mut am, mut pm) = (false, false);
        let mut utc = false;
        let mut zone_offset: Option<i64> = None;
        let mut zone_name = String::new();
        let mut layout = layout;
        let mut value = value;
        loop {
            let (prefix, std, suffix) = next_std_chunk(layout);
            let std_str = &layout[prefix.len()..layout.len() - suffix.len()];
            value = skip(value, prefix).ok_or_else(|| cannot(value, prefix))?;
            let Some(std) = std else {
                if !value.is_empty() {
                    return Err(fail(&format!(": extra text: {}", q(value))));
                }
                break;
            };
            layout = suffix;
            let hold = value;
            let mut range_err: Option<&str> = None;
            let parsed: Option<&str> = match std {
                Std::Year => value.get(..2).and_then(|p| {
                    let y: i64 = p
                        .parse()
                        .ok()
                        .filter(|_| p.bytes().all(|c| c.is_ascii_digit()))?;
                    year = if y >= 69 { y + 1900 } else { y + 2000 };
                    Some(&value[2..])
                }),
                Std::LongYear => value.get(..4).and_then(|p| {
                    if !p.bytes().all(|c| c.is_ascii_digit()) {
                        return None;
                    }
                    year = p.parse().ok()?;
                    Some(&value[4..])
                }),
                Std::Month | Std::LongMonth => {
                    lookup(&LONG_MONTHS, value, std == Std::Month).map(|(i, rest)| {
                        month = i as i64 + 1;
                        rest
                    })
                }
                Std::NumMonth | Std::ZeroMonth => {
                    getnum(value, std == Std::ZeroMonth).map(|(m, rest)| {
                        month = m;
                        if !(1..=12).contains(&m) {
                            range_err = Some("month");
                        }
                        rest
                    })
                }
                Std::WeekDay | Std::LongWeekDay => {
                    lookup(&LONG_DAYS, value, std == Std::WeekDay).map(|(_, rest)| rest)
                }
                Std::Day | Std::UnderDay | Std::ZeroDay => {
                    let v = if std == Std::UnderDay {
                        value.strip_prefix(' ').unwrap_or(value)
                    } else {
                        value
                    };
                    getnum(v, std == Std::ZeroDay).map(|(d, rest)| {
                        day = d;
                        rest
                    })
                }
                Std::UnderYearDay | Std::ZeroYearDay => {
                    let mut v = value;
                    if std == Std::UnderYearDay {
                        for _ in 0..2 {
                            v = v.strip_prefix(' ').unwrap_or(v);
                        }
                    }
                    getnum3(v, std == Std::ZeroYearDay).map(|(d, rest)| {
                        yday = d;
                        rest
                    })
                }
                Std::Hour => getnum(value, false).map(|(h, rest)| {
                    hour = h;
                    if !(0..24).contains(&h) {
                        range_err = Some("hour");
                    }
                    rest
                }),
                Std::Hour12 | Std::ZeroHour12 => {
                    getnum(value, std == Std::ZeroHour12).map(|(h, rest)| {
                        hour = h;
                        if !(0..=12).contains(&h) {
                            range_err = Some("hour");
                        }
                        rest
                    })
                }
                Std::Minute | Std::ZeroMinute => {
                    getnum(value, std == Std::ZeroMinute).map(|(m, rest)| {
                        min = m;
                        if !(0..60).contains(&m) {
                            range_err = Some("minute");
                        }
                        rest
                    })
                }
                Std::Second | Std::ZeroSecond => {
                    getnum(value, std == Std::ZeroSecond).map(|(s, rest)| {
                        sec = s;
                        if !(0..60).contains(&s) {
                            range_err = Some("second");
                            return rest;
                        }
                        // A fraction in the value that the layout does not ask
                        // for is still read.
                        let b = rest.as_bytes();
                        let next_is_frac =
                            matches!(next_std_chunk(layout).1, Some(Std::Frac { .. }));
                        if b.len() >= 2
                            && matches!(b[0], b'.' | b',')
                            && b[1].is_ascii_digit()
                            && !next_is_frac
                        {
                            let n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                            nsec = nanos(&rest[1..n]);
                            return &rest[n..];
                        }
                        rest
                    })
                }
                Std::PM | Std::Pm => value.get(..2).and_then(|p| {
                    let (upper, lower) = if std == Std::PM {
                        ("PM", "AM")
                    } else {
                        ("pm", "am")
                    };
                    if p == upper {
                        pm = true;
                    } else if p == lower {
                        am = true;
                    } else {
                        return None;
                    }
                    Some(&value[2..])
                }),
                Std::Zone(f) => {
                    if f.iso && value.starts_with('Z') {
                        utc = true;
                        Some(&value[1..])
                    } else {
                        parse_offset(value, f).map(|(offset, rest)| {
                            zone_offset = Some(offset);
                            rest
                        })
                    }
                }
                Std::TZ => {
                    if let Some(rest) = value.strip_prefix("UTC") {
                        utc = true;
                        Some(rest)
                    } else {
                        zone_name_len(value).map(|n| {
                            zone_name = value[..n].to_string();
                            &value[n..]
                        })
                    }
                }
                Std::Frac {
                    digits,
                    trim: false,
                    ..
                } => {
                    let b = value.as_bytes();
                    if b.len() < digits + 1
                        || !matches!(b[0], b'.' | b',')
                        || !b[1..=digits].iter().all(u8::is_ascii_digit)
                    {
                        None
                    } else {
                        nsec = nanos(&value[1..=digits]);
                        Some(&value[digits + 1..])
                    }
                }
                Std::Frac { trim: true, .. } => {
                    let b = value.as_bytes();
                    if b.len() < 2 || !matches!(b[0], b'.' | b',') || !b[1].is_ascii_digit() {
                        Some(value)
                    } else {
                        let n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                        nsec = nanos(&value[1..n]);
                        Some(&value[n..])
                    }
                }
            };
            if let Some(what) = range_err {
                return Err(fail(&format!(": {what} out of range")));
            }
            value = parsed.ok_or_else(|| cannot(hold, std_str))?;
        }
        if pm && hour < 12 {
            hour += 12;
        } else if am && hour == 12 {
            hour = 0;
        }
        if yday >= 0 {
            let mut yd = yday;
            let mut m = 0;
            let mut d = 0;
            if is_leap(year) {
                if yd == 31 + 29 {
                    m = 2;
                    d = 29;
                } else if yd > 31 + 29 {
                    yd -= 1;
                }
            }
            if !(1..=365).contains(&yd) {
                return Err(fail(": day-of-year out of range"));
            }
            if m == 0 {
                const BEFORE: [i64; 13] =
                    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
                m = (yd - 1) / 31 + 1;
                if BEFORE[m as usize] < yd {
                    m += 1;
                }
                d = yd - BEFORE[m as usize - 1];
            }
            if month >= 0 && month != m {
                return Err(fail(": day-of-year does not match month"));
            }
            month = m;
            if day >= 0 && day != d {
                return Err(fail(": day-of-year does not match day"));
            }
            day = d;
        } else {
            if month < 0 {
                month = 1;
            }
            if day < 0 {
                day = 1;
            }
        }
        if day < 1 || day > i64::from(days_in(month as u32, year)) {
            return Err(fail(": day out of range"));
        }
        let local =
            days_from_civil(year, month as u32, day as u32) * 86_400 + hour * 3600 + min * 60 + sec;
        if utc {
            return Ok(Time {
                unix: local,
                nsec,
                offset: 0,
                zone: "UTC".into(),
            });
        }
        if let Some(offset) = zone_offset {
            let unix = local - offset;
            if offset == 0 && (zone_name.is_empty() || zone_name == "UTC") {
                return Ok(Time {
                    unix,
                    nsec,
                    offset: 0,
                    zone: "UTC".into(),
                });
            }
            return Ok(Time {
                unix,
                nsec,
                offset: offset as i32,
                zone: zone_name,
            });
        }
        if !zone_name.is_empty() {
            // An abbreviation the local zone does not know: Go records it
            // with a zero offset.
            return Ok(Time {
                unix: local,
                nsec,
                offset: 0,
                zone: zone_name,
            });
        }
        Ok(Time {
            unix: local,
            nsec,
            offset: 0,
            zone: "UTC".into(),
        })
    }

    /// Fraction digits as nanoseconds (at most nine count).
    fn nanos(digits: &str) -> u32 {
        let mut padded: String = digits.chars().take(9).collect();
        while padded.len() < 9 {
            padded.push('0');
        }
        padded.parse().unwrap_or(0)
    }

    /// A numeric zone offset (`-0700`, `-07:00`, `-07`, …) in seconds.
    fn parse_offset(value: &str, f: ZoneFmt) -> Option<(i64, &str)> {
        let b = value.as_bytes();
        let two = |i: usize| -> Option<i64> {
            let pair = b.get(i..i + 2)?;
            pair.iter()
                .all(u8::is_ascii_digit)
                .then(|| i64::from(pair[0] - b'0') * 10 + i64::from(pair[1] - b'0'))
        };
        let (hh, mm, ss, len) = match (f.colon, f.minutes, f.seconds) {
            (true, true, false) => {
                if b.get(3) != Some(&b':') {
                    return None;
                }
                (two(1)?, two(4)?, 0, 6)
            }
            (_, false, _) => (two(1)?, 0, 0, 3),
            (true, true, true) => {
                if b.get(3) != Some(&b':') || b.get(6) != Some(&b':') {
                    return None;
                }
                (two(1)?, two(4)?, two(7)?, 9)
            }
            (false, true, true) => (two(1)?, two(3)?, two(5)?, 7),
            (false, true, false) => (two(1)?, two(3)?, 0, 5),
        };
        let magnitude = (hh * 60 + mm) * 60 + ss;
        let offset = match b.first() {
            Some(b'+') => magnitude,
            Some(b'-') => -magnitude,
            _ => return None,
        };
        Some((offset, &value[len..]))
    }

    /// Go's `Duration.String()`.
    pub(super) fn duration_string(d: i64) -> String {
        let neg = d < 0;
        let mut u = d.unsigned_abs();
        let mut out: Vec<u8> = Vec::new();
        let push_rev = |out: &mut Vec<u8>, s: &str| out.extend(s.bytes().rev());
        if u < 1_000_000_000 {
            if u == 0 {
                return "0s".into();
            }
            let (unit, prec) = match u {
                0..=999 => ("ns", 0),
                1_000..=999_999 => ("µs", 3),
                _ => ("ms", 6),
            };
            push_rev(&mut out, unit);
            u = push_frac(&mut out, u, prec);
            push_rev(&mut out, &u.to_string());
        } else {
            out.push(b's');
            u = push_frac(&mut out, u, 9);
            push_rev(&mut out, &(u % 60).to_string());
            u /= 60;
            if u > 0 {
                out.push(b'm');
                push_rev(&mut out, &(u % 60).to_string());
                u /= 60;
                if u > 0 {
                    out.push(b'h');
                    push_rev(&mut out, &u.to_string());
                }
            }
        }
        if neg {
            out.push(b'-');
        }
        out.reverse();
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Go's `fmtFrac`, writing reversed: the fraction of `v / 10^prec`
    /// without trailing zeros; returns the integer part.
    fn push_frac(out: &mut Vec<u8>, mut v: u64, prec: u32) -> u64 {
        let mut print = false;
        for _ in 0..prec {
            let digit = (v % 10) as u8;
            print = print || digit != 0;
            if print {
                out.push(b'0' + digit);
            }
            v /= 10;
        }
        if print {
            out.push(b'.');
        }
        v
    }

    /// Go's `time.ParseDuration`, in nanoseconds.
    pub(super) fn parse_duration(text: &str) -> Result<i64, String> {
        let invalid = || format!("time: invalid duration {}", q(text));
        let (neg, mut s) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        if s == "0" {
            return Ok(0);
        }
        if s.is_empty() {
            return Err(invalid());
        }
        const LIMIT: u64 = 1 << 63;
        let mut total: u64 = 0;
        while !s.is_empty() {
            if !(s.starts_with('.') || s.as_bytes()[0].is_ascii_digit()) {
                return Err(invalid());
            }
            let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
            let mut whole: u64 = 0;
            for c in s[..int_len].bytes() {
                whole = whole
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(c - b'0')))
                    .filter(|&v| v <= LIMIT)
                    .ok_or_else(invalid)?;
            }
            s = &s[int_len..];
            let (mut frac, mut scale, mut frac_len) = (0u64, 1f64, 0);
            if let Some(rest) = s.strip_prefix('.') {
                frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
                let mut overflow = false;
                for c in rest[..frac_len].bytes() {
                    if overflow {
                        continue;
                    }
                    match frac
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(c - b'0')))
                    {
                        Some(v) if v <= LIMIT => {
                            frac = v;
                            scale *= 10.0;
                        }
                        _ => overflow = true,
                    }
                }
                s = &rest[frac_len..];
            }
            if int_len == 0 && frac_len == 0 {
                return Err(invalid());
            }
            let unit_len = s
                .bytes()
                .take_while(|&c| c != b'.' && !c.is_ascii_digit())
                .count();
            if unit_len == 0 {
                return Err(format!("time: missing unit in duration {}", q(text)));
            }
            let unit_name = &s[..unit_len];
            s = &s[unit_len..];
            let unit: u64 = match unit_name {
                "ns" => 1,
                "us" | "µs" | "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                other => {
                    return Err(format!(
                        "time: unknown unit {} in duration {}",
                        q(other),
                        q(text)
                    ))
                }
            };
            if whole > LIMIT / unit {
                return Err(invalid());
            }
            let mut v = whole * unit;
            if frac > 0 {
                v += (frac as f64 * (unit as f64 / scale)) as u64;
                if v > LIMIT {
                    return Err(invalid());
                }
            }
            total = total
                .checked_add(v)
                .filter(|&t| t <= LIMIT)
                .ok_or_else(invalid)?;
        }
        if neg {
            return Ok((total as i64).wrapping_neg());
        }
        if total > LIMIT - 1 {
            return Err(invalid());
        }
        Ok(total as i64)
    }

    /// Go's `Duration.Round(time.Second)`.
    pub(super) fn round_to_second(d: i64) -> i64 {
        const M: i64 = 1_000_000_000;
        let r = d % M;
        if d < 0 {
            let r = -r;
            if (r as u64) * 2 < M as u64 {
                return d + r;
            }
            return d.checked_sub(M - r).unwrap_or(i64::MIN);
        }
        if (r as u64) * 2 < M as u64 {
            return d - r;
        }
        d.checked_add(M - r).unwrap_or(i64::MAX)
    }
}

/// The `date` argument of sprig's date functions: a time, a Unix time in
/// seconds, or anything else meaning now.
fn date_arg(v: &Value) -> gotime::Time {
    match v {
        Value::Int(n) => gotime::Time::from_unix(*n),
        other => gotime::Time::from_value(other).unwrap_or_else(gotime::Time::now),
    }
}

/// A Go `time.Time` parameter.
fn time_param(c: &Call<'_>, i: usize) -> Result<gotime::Time> {
    gotime::Time::from_value(c.arg(i)).ok_or_else(|| wrong_type("time.Time", c.arg(i)))
}

/// `date FMT DATE`, `dateInZone FMT DATE ZONE`, `htmlDate DATE`,
/// `htmlDateInZone DATE ZONE`. `layout_at` is `usize::MAX` for the HTML
/// forms' fixed `2006-01-02`. Every zone shows as UTC (see [`gotime`]).
fn date_in_zone(
    c: &Call<'_>,
    layout_at: usize,
    date_at: usize,
    zone_at: Option<usize>,
) -> Result<Value> {
    let fixed = layout_at == usize::MAX;
    c.arity(usize::from(!fixed) + 1 + usize::from(zone_at.is_some()))?;
    let layout = if fixed {
        "2006-01-02"
    } else {
        c.str(layout_at)?
    };
    if let Some(i) = zone_at {
        c.str(i)?;
    }
    Ok(str_value(date_arg(c.arg(date_at)).utc().format(layout)))
}

/// `dateModify DURATION DATE`: DATE moved by DURATION; the plain form
/// ignores a bad duration.
fn date_modify(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    let spec = c.str(0)?;
    let date = time_param(c, 1)?;
    match gotime::parse_duration(spec) {
        Ok(d) => Ok(date.add(d).into_value()),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(date.into_value()),
    }
}

/// `toDate LAYOUT TEXT`: the zero time when TEXT does not parse, unless
/// `must`.
fn to_date(c: &Call<'_>, must: bool) -> Result<Value> {
    c.arity(2)?;
    match gotime::parse(c.str(0)?, c.str(1)?) {
        Ok(t) => Ok(t.into_value()),
        Err(e) if must => Err(c.fail(e)),
        Err(_) => Ok(str_value("0001-01-01 00:00:00 +0000 UTC")),
    }
}

/// `unixEpoch DATE`.
fn unix_epoch(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(time_param(c, 0)?.unix.to_string()))
}

/// `ago DATE`: the time since DATE, to the second.
fn ago(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let since = date_arg(c.arg(0)).until(&gotime::Time::now());
    Ok(str_value(gotime::duration_string(gotime::round_to_second(
        since,
    ))))
}

/// `duration SECONDS`: a count of seconds as a Go duration. Go only reads
/// strings and `int64`s; a plain template int is 0 seconds there.
fn duration(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let secs = match c.arg(0) {
        Value::String(s) => goparse::int(s, 10).map_or(0, |(n, _)| n),
        _ => 0,
    };
    Ok(str_value(gotime::duration_string(
        secs.wrapping_mul(1_000_000_000),
    )))
}

/// `durationRound D`: the largest whole unit of a duration string (or the
/// time since a date): `2h`, `3mo`, `1y`.
fn duration_round(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let nanos = match c.arg(0) {
        Value::String(s) => gotime::parse_duration(s).or_else(|_| {
            gotime::Time::from_value(c.arg(0))
                .map(|t| t.until(&gotime::Time::now()))
                .ok_or(())
        }),
        _ => Err(()),
    }
    .unwrap_or(0);
    let u = nanos.unsigned_abs();
    const SECOND: u64 = 1_000_000_000;
    const MINUTE: u64 = 60 * SECOND;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const MONTH: u64 = 30 * DAY;
    const YEAR: u64 = 365 * DAY;
    let out = [
        (YEAR, "y"),
        (MONTH, "mo"),
        (DAY, "d"),
        (HOUR, "h"),
        (MINUTE, "m"),
        (SECOND, "s"),
    ]
    .iter()
    .find(|(unit, _)| u > *unit)
    .map_or_else(
        || "0s".to_string(),
        |(unit, suffix)| format!("{}{suffix}", u / unit),
    );
    Ok(str_value(out))
}

// ---------------------------------------------------------------------------
// Paths and URLs
// ---------------------------------------------------------------------------

/// Go's `path` package.
mod gopath {
    /// `path.Clean`.
    pub(super) fn clean(path: &str) -> String {
        if path.is_empty() {
            return ".".into();
        }
        let b = path.as_bytes();
        let rooted = b[0] == b'/';
        let n = b.len();
        let mut out: Vec<u8> = Vec::with_capacity(n);
        let (mut r, mut dotdot) = (0, 0);
        if rooted {
            out.push(b'/');
            r = 1;
            dotdot = 1;
        }
        while r < n {
            let dot = b[r] == b'.' && (r + 1 == n || b[r + 1] == b'/');
            if b[r] == b'/' || dot {
                r += 1;
            } else if b[r] == b'.'
                && b.get(r + 1) == Some(&b'.')
                && (r + 2 == n || b[r + 2] == b'/')
            {
                r += 2;
                if out.len() > dotdot {
                    // Back up to the previous separator, as Go's write
                    // index does.
                    let mut w = out.len() - 1;
                    while w > dotdot && out[w] != b'/' {
                        w -= 1;
                    }
                    out.truncate(w);
                } else if !rooted {
                    if !out.is_empty() {
                        out.push(b'/');
                    }
                    out.extend_from_slice(b"..");
                    dotdot = out.len();
                }
            } else {
                if rooted && out.len() != 1 || !rooted && !out.is_empty() {
                    out.push(b'/');
                }
                while r < n && b[r] != b'/' {
                    out.push(b[r]);
                    r += 1;
                }
            }
        }
        if out.is_empty() {
            return ".".into();
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// `path.Base`.
    pub(super) fn base(path: &str) -> String {
        if path.is_empty() {
            return ".".into();
        }
        let trimmed = path.trim_end_matches('/');
        let last = trimmed.rsplit('/').next().unwrap_or(trimmed);
        if last.is_empty() {
            "/".into()
        } else {
            last.into()
        }
    }

    /// `path.Dir`.
    pub(super) fn dir(path: &str) -> String {
        let cut = path.rfind('/').map_or(0, |i| i + 1);
        clean(&path[..cut])
    }

    /// `path.Ext`.
    pub(super) fn ext(path: &str) -> &str {
        for (i, b) in path.bytes().enumerate().rev() {
            match b {
                b'/' => break,
                b'.' => return &path[i..],
                _ => {}
            }
        }
        ""
    }
}

/// Go's `net/url`, the parts `urlParse` and `urlJoin` reach.
mod gourl {
    use std::fmt::Write as _;

    /// Where in a URL text is being escaped or unescaped.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub(super) enum Mode {
        Path,
        Host,
        UserPassword,
        Fragment,
    }

    /// A parsed URL.
    #[derive(Default)]
    pub(super) struct Url {
        pub(super) scheme: String,
        pub(super) opaque: String,
        /// `(username, password)`; the password is `None` when absent.
        pub(super) user: Option<(String, Option<String>)>,
        pub(super) host: String,
        pub(super) path: String,
        pub(super) raw_query: String,
        pub(super) fragment: String,
    }

    /// Go's `shouldEscape`.
    fn should_escape(c: u8, mode: Mode) -> bool {
        if c.is_ascii_alphanumeric() {
            return false;
        }
        if mode == Mode::Host && b"!$&'()*+,;=:[]<>\"".contains(&c) {
            return false;
        }
        match c {
            b'-' | b'_' | b'.' | b'~' => false,
            b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
                Mode::Path => c == b'?',
                Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
                Mode::Fragment => false,
                Mode::Host => true,
            },
            b'!' | b'(' | b')' | b'*' if mode == Mode::Fragment => false,
            _ => true,
        }
    }

    /// Go's `escape`.
    pub(super) fn escape(s: &str, mode: Mode) -> String {
        let mut out = String::with_capacity(s.len());
        for &b in s.as_bytes() {
            if should_escape(b, mode) {
                let _ = write!(out, "%{b:02X}");
            } else {
                out.push(char::from(b));
            }
        }
        out
    }

    /// Go's `unescape`.
    fn unescape(s: &str, mode: Mode) -> Result<String, String> {
        let b = s.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'%' => {
                    let pair = b
                        .get(i + 1..i + 3)
                        .filter(|p| p.iter().all(u8::is_ascii_hexdigit));
                    let Some(pair) = pair else {
                        let end = (i + 3).min(b.len());
                        return Err(format!(
                            "invalid URL escape {}",
                            super::go_quote(&String::from_utf8_lossy(&b[i..end]))
                        ));
                    };
                    let text = String::from_utf8_lossy(pair);
                    let value = u8::from_str_radix(&text, 16).unwrap_or(0);
                    if mode == Mode::Host && value < 0x80 && &b[i..i + 3] != b"%25" {
                        return Err(format!(
                            "invalid URL escape {}",
                            super::go_quote(&String::from_utf8_lossy(&b[i..i + 3]))
                        ));
                    }
                    out.push(value);
                    i += 3;
                }
                c => {
                    if mode == Mode::Host && c < 0x80 && should_escape(c, mode) {
                        return Err(format!(
                            "invalid character {} in host name",
                            super::go_quote(&char::from(c).to_string())
                        ));
                    }
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// Go's `getScheme`.
    fn get_scheme(raw: &str) -> Result<(&str, &str), String> {
        for (i, c) in raw.bytes().enumerate() {
            match c {
                b'a'..=b'z' | b'A'..=b'Z' => {}
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    if i == 0 {
                        return Ok(("", raw));
                    }
                }
                b':' => {
                    if i == 0 {
                        return Err("missing protocol scheme".into());
                    }
                    return Ok((&raw[..i], &raw[i + 1..]));
                }
                _ => return Ok(("", raw)),
            }
        }
        Ok(("", raw))
    }

    /// A `:port` suffix, or nothing.
    fn valid_optional_port(port: &str) -> bool {
        port.is_empty()
            || port
                .strip_prefix(':')
                .is_some_and(|p| p.bytes().all(|c| c.is_ascii_digit()))
    }

    /// Go's `parseHost`.
    fn parse_host(host: &str) -> Result<String, String> {
        if host.starts_with('[') {
            let end = host.rfind(']').ok_or("missing ']' in host")?;
            let port = &host[end + 1..];
            if !valid_optional_port(port) {
                return Err(format!("invalid port {} after host", super::go_quote(port)));
            }
        } else if let Some(i) = host.rfind(':') {
            let port = &host[i..];
            if !valid_optional_port(port) {
                return Err(format!("invalid port {} after host", super::go_quote(port)));
            }
        }
        unescape(host, Mode::Host)
    }

    /// Go's `validUserinfo`.
    fn valid_userinfo(s: &str) -> bool {
        s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&c))
    }

    /// Go's `url.Parse`; the error reads `parse "…": …`.
    pub(super) fn parse(raw: &str) -> Result<Url, String> {
        let (body, fragment) = match raw.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (raw, None),
        };
        let wrap = |text: &str, e: String| format!("parse {}: {e}", super::go_quote(text));
        let mut url = parse_body(body).map_err(|e| wrap(body, e))?;
        if let Some(f) = fragment {
            url.fragment = unescape(f, Mode::Fragment).map_err(|e| wrap(raw, e))?;
        }
        Ok(url)
    }

    fn parse_body(raw: &str) -> Result<Url, String> {
        if raw.bytes().any(|c| c < 0x20 || c == 0x7f) {
            return Err("net/url: invalid control character in URL".into());
        }
        let mut url = Url::default();
        if raw == "*" {
            url.path = "*".into();
            return Ok(url);
        }
        let (scheme, mut rest) = get_scheme(raw)?;
        url.scheme = scheme.to_ascii_lowercase();
        if rest.ends_with('?') && rest.matches('?').count() == 1 {
            rest = &rest[..rest.len() - 1];
        } else if let Some((before, query)) = rest.split_once('?') {
            url.raw_query = query.to_string();
            rest = before;
        }
        if !rest.starts_with('/') {
            if !url.scheme.is_empty() {
                url.opaque = rest.to_string();
                return Ok(url);
            }
            let segment = rest.split('/').next().unwrap_or_default();
            if segment.contains(':') {
                return Err("first path segment in URL cannot contain colon".into());
            }
        }
        if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
            let after = &rest[2..];
            let (authority, path) = match after.find('/') {
                Some(i) => (&after[..i], &after[i..]),
                None => (after, ""),
            };
            let (userinfo, host) = match authority.rfind('@') {
                Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
                None => (None, authority),
            };
            url.host = parse_host(host)?;
            if let Some(info) = userinfo {
                if !valid_userinfo(info) {
                    return Err("net/url: invalid userinfo".into());
                }
                url.user = Some(match info.split_once(':') {
                    Some((name, password)) => (
                        unescape(name, Mode::UserPassword)?,
                        Some(unescape(password, Mode::UserPassword)?),
                    ),
                    None => (unescape(info, Mode::UserPassword)?, None),
                });
            }
            rest = path;
        }
        url.path = unescape(rest, Mode::Path)?;
        Ok(url)
    }

    impl Url {
        /// Go's `Hostname()`: the host without port or brackets.
        pub(super) fn hostname(&self) -> &str {
            let mut host = self.host.as_str();
            if let Some(i) = host.rfind(':') {
                if valid_optional_port(&host[i..]) {
                    host = &host[..i];
                }
            }
            host.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .unwrap_or(host)
        }

        /// Go's `Userinfo.String()`.
        pub(super) fn userinfo(&self) -> String {
            match &self.user {
                None => String::new(),
                Some((name, password)) => {
                    let mut s = escape(name, Mode::UserPassword);
                    if let Some(p) = password {
                        s.push(':');
                        s.push_str(&escape(p, Mode::UserPassword));
                    }
                    s
                }
            }
        }

        /// Go's `URL.String()`.
        pub(super) fn to_go_string(&self) -> String {
            let mut out = String::new();
            if !self.scheme.is_empty() {
                out.push_str(&self.scheme);
                out.push(':');
            }
            if !self.opaque.is_empty() {
                out.push_str(&self.opaque);
            } else {
                let path = escape(&self.path, Mode::Path);
                if !self.scheme.is_empty() || !self.host.is_empty() || self.user.is_some() {
                    if !self.host.is_empty() || !self.path.is_empty() || self.user.is_some() {
                        out.push_str("//");
                    }
                    if self.user.is_some() {
                        out.push_str(&self.userinfo());
                        out.push('@');
                    }
                    out.push_str(&escape(&self.host, Mode::Host));
                }
                if !path.is_empty() && !path.starts_with('/') && !self.host.is_empty() {
                    out.push('/');
                }
                if out.is_empty() && path.split('/').next().unwrap_or_default().contains(':') {
                    out.push_str("./");
                }
                out.push_str(&path);
            }
            if !self.raw_query.is_empty() {
                out.push('?');
                out.push_str(&self.raw_query);
            }
            if !self.fragment.is_empty() {
                out.push('#');
                out.push_str(&escape(&self.fragment, Mode::Fragment));
            }
            out
        }
    }
}

/// `urlParse URL`: a dict of the URL's parts.
fn url_parse(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let url = gourl::parse(c.str(0)?).map_err(|e| c.fail(format!("unable to parse url: {e}")))?;
    let mut map = Dict::new();
    map.insert("scheme".into(), str_value(url.scheme.as_str()));
    map.insert("host".into(), str_value(url.host.as_str()));
    map.insert("hostname".into(), str_value(url.hostname()));
    map.insert("path".into(), str_value(url.path.as_str()));
    map.insert("query".into(), str_value(url.raw_query.as_str()));
    map.insert("opaque".into(), str_value(url.opaque.as_str()));
    map.insert("fragment".into(), str_value(url.fragment.as_str()));
    map.insert("userinfo".into(), str_value(url.userinfo()));
    Ok(Value::Map(Arc::new(map)))
}

/// `urlJoin DICT`: a URL from the parts `urlParse` gives.
fn url_join(c: &Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let map = c.dict(0)?;
    let part = |key: &str| -> Result<String> {
        match map.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.to_string()),
            Some(Value::Nil) => Err(c.fail(NIL_DEREF)),
            Some(other) => Err(c.fail(format!(
                "unable to parse {key} key, must be of type string, but {} found",
                go_kind_of(other)
            ))),
        }
    };
    let mut url = gourl::Url {
        scheme: part("scheme")?,
        host: part("host")?,
        path: part("path")?,
        raw_query: part("query")?,
        opaque: part("opaque")?,
        fragment: part("fragment")?,
        ..Default::default()
    };
    let userinfo = part("userinfo")?;
    if !userinfo.is_empty() {
        let parsed = gourl::parse(&format!("proto://{userinfo}@host"))
            .map_err(|e| c.fail(format!("unable to parse userinfo in dict: {e}")))?;
        url.user = parsed.user;
    }
    Ok(str_value(url.to_go_string()))
}

// ---------------------------------------------------------------------------
// Case conversion (huandu/xstrings)
// ---------------------------------------------------------------------------

/// xstrings' word-based case conversions, as the version Helm bundles
/// behaves: `camelcase` is upper camel case that lowers the rest of an
/// all-caps word (`HELLO_WORLD` → `HelloWorld`), `snakecase` and
/// `kebabcase` split words at case changes and numbers.
mod xstrings {
    /// Go's `unicode.IsPunct`: exact for ASCII, the common blocks beyond.
    fn is_punct(ch: char) -> bool {
        if ch.is_ascii() {
            return matches!(
                ch,
                '!' | '"'
                    | '#'
                    | '%'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | ','
                    | '-'
                    | '.'
                    | '/'
                    | ':'
                    | ';'
                    | '?'
                    | '@'
                    | '['
                    | '\\'
                    | ']'
                    | '_'
                    | '{'
                    | '}'
            );
        }
        matches!(
            ch as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003
                | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F
        )
    }

    /// A space, `-` or `_`.
    fn is_connector(ch: char) -> bool {
        ch == '-' || ch == '_' || super::go_is_space(ch)
    }

    /// A letter other than a CJK ideograph.
    fn is_alphabet(ch: char) -> bool {
        ch.is_alphabetic()
            && !matches!(ch as u32, 0x4E00..=0x9FCC | 0x3400..=0x4D85 | 0x20000..=0x2B81D)
    }

    /// `ToCamelCase`: connectors dropped, the next letter upper-cased, and
    /// an upper-case word's following capitals lowered.
    pub(super) fn camel_case(s: &str) -> String {
        let mut chars = s.chars();
        let mut out = String::with_capacity(s.len());
        let mut first_upper = false;
        let mut r0 = None;
        for ch in chars.by_ref() {
            if !is_connector(ch) {
                first_upper = ch.is_uppercase();
                r0 = Some(super::upper_char(ch));
                break;
            }
            out.push(ch);
        }
        let rest: Vec<char> = chars.collect();
        let Some(mut r0) = r0 else {
            // Only connectors: Go writes the last one twice.
            if let Some(last) = out.chars().last() {
                out.push(last);
            }
            return out;
        };
        for ch in rest {
            let r1 = r0;
            r0 = ch;
            if is_connector(r0) && is_connector(r1) {
                out.push(r1);
                continue;
            }
            if is_connector(r1) {
                first_upper = r0.is_uppercase();
                r0 = super::upper_char(r0);
            } else {
                if first_upper {
                    if r0.is_uppercase() {
                        r0 = super::lower_char(r0);
                    } else {
                        first_upper = false;
                    }
                }
                out.push(r1);
            }
        }
        out.push(r0);
        out
    }

    /// The kinds of word `nextWord` tells apart.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Word {
        /// The end of the text.
        Invalid,
        Number,
        Upper,
        Alphabet,
        Connector,
        Punct,
        Other,
    }

    /// xstrings' `nextWord`: the kind and text of the first word of `s`.
    fn next_word(s: &str) -> (Word, &str, &str) {
        let mut it = s.char_indices().peekable();
        let Some((_, first)) = it.next() else {
            return (Word::Invalid, "", "");
        };
        let end_while = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                         keep: &dyn Fn(char) -> bool| {
            while let Some(&(i, ch)) = it.peek() {
                if !keep(ch) {
                    return i;
                }
                it.next();
            }
            s.len()
        };
        let (kind, end) = if is_connector(first) {
            (Word::Connector, end_while(&mut it, &is_connector))
        } else if is_punct(first) {
            (Word::Punct, end_while(&mut it, &is_punct))
        } else if first.is_uppercase() {
            match it.peek().map(|&(_, c)| c) {
                Some(next) if next.is_uppercase() => {
                    // "HTTPStatus": the capitals up to, not including, the
                    // one that starts the next word.
                    let mut last_start = first.len_utf8();
                    let mut end = s.len();
                    while let Some(&(i, ch)) = it.peek() {
                        if !ch.is_uppercase() {
                            end = i;
                            break;
                        }
                        last_start = i;
                        it.next();
                    }
                    if end < s.len() && s[end..].chars().next().is_some_and(is_alphabet) {
                        end = last_start;
                    }
                    (Word::Upper, end)
                }
                Some(next) if is_alphabet(next) => (
                    Word::Upper,
                    end_while(&mut it, &|c: char| is_alphabet(c) && !c.is_uppercase()),
                ),
                _ => (Word::Upper, first.len_utf8()),
            }
        } else if is_alphabet(first) {
            (
                Word::Alphabet,
                end_while(&mut it, &|c: char| is_alphabet(c) && !c.is_uppercase()),
            )
        } else if first.is_numeric() {
            (Word::Number, end_while(&mut it, &char::is_numeric))
        } else {
            let end = end_while(&mut it, &|c: char| {
                !(is_connector(c) || is_alphabet(c) || c.is_numeric() || is_punct(c))
            });
            (Word::Other, end)
        };
        (kind, &s[..end], &s[end..])
    }

    /// xstrings' `toLower` of one word: upper-case words and connectors
    /// are lowered and turned into `connector`, others kept.
    fn push_lower(out: &mut String, kind: Word, word: &str, connector: char) {
        if kind != Word::Upper && kind != Word::Connector {
            out.push_str(word);
            return;
        }
        for ch in word.chars() {
            if is_connector(ch) {
                out.push(connector);
            } else {
                out.push(super::lower_char(ch));
            }
        }
    }

    /// `ToSnakeCase` (`connector` `_`) and `ToKebabCase` (`-`).
    pub(super) fn snake_case(s: &str, connector: char) -> String {
        if s.is_empty() {
            return String::new();
        }
        let mut out = String::with_capacity(s.len() + 4);
        let (mut kind, mut word, mut rest) = next_word(s);
        while !rest.is_empty() {
            if kind != Word::Connector {
                push_lower(&mut out, kind, word, connector);
            }
            let prev = kind;
            let last = word;
            (kind, word, rest) = next_word(rest);
            match prev {
                Word::Number => {
                    while kind == Word::Alphabet || kind == Word::Number {
                        push_lower(&mut out, kind, word, connector);
                        (kind, word, rest) = next_word(rest);
                    }
                    if kind != Word::Invalid && kind != Word::Punct && kind != Word::Connector {
                        out.push(connector);
                    }
                }
                Word::Connector => push_lower(&mut out, prev, last, connector),
                Word::Punct => {}
                _ => {
                    if kind != Word::Number {
                        if kind != Word::Connector && kind != Word::Punct {
                            out.push(connector);
                        }
                        continue;
                    }
                    if rest.is_empty() {
                        continue;
                    }
                    let number = word;
                    (kind, word, rest) = next_word(rest);
                    if kind != Word::Alphabet {
                        push_lower(&mut out, Word::Number, number, connector);
                        if kind != Word::Connector && kind != Word::Punct {
                            out.push(connector);
                        }
                        continue;
                    }
                    out.push(connector);
                    push_lower(&mut out, Word::Number, number, connector);
                    while kind == Word::Alphabet || kind == Word::Number {
                        push_lower(&mut out, kind, word, connector);
                        (kind, word, rest) = next_word(rest);
                    }
                    if kind != Word::Invalid && kind != Word::Connector && kind != Word::Punct {
                        out.push(connector);
                    }
                }
            }
        }
        push_lower(&mut out, kind, word, connector);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gotmpl::Template;

    /// What Helm printed for a template, or a fragment of its error.
    enum Expect {
        Out(&'static str),
        Err(&'static str),
    }
    use Expect::{Err, Out};

    /// The values every case renders with, as Helm sees a values file:
    /// numbers are floats.
    const VALUES: &str = r#"{"n": 1000000, "f": 2.7, "i": 3, "neg": -3.5, "s": "hello", "e": "", "z": 0,
        "b": true, "bf": false, "l": [1, "two", 3.5, null], "sl": ["b", "a", "c", "a"], "el": [],
        "m": {"a": 1, "b": {"c": "d"}, "x": null}, "em": {}, "nil": null, "u": "héllo wörld",
        "big": 1e21, "bigi": 123456789, "small": 0.0001, "tiny": 1e-05, "ver": "1.21.3", "half": 0.5,
        "nf": -1, "sn": "42", "sf": "3.14", "nums": [3, 1, 2], "maps": [{"name": "a", "v": 1}, {"name": "b"}],
        "nested": {"a": {"b": {"c": 1}}, "l": [1, 2]}, "ml": {"k": [1, 2]}, "bools": [true, false],
        "mixed": [1, "1", 1.5, true, null, [], {}]}"#;

    fn data() -> Value {
        let values = json::decode(VALUES).expect("test values are valid JSON");
        let mut root = Dict::new();
        root.insert("Values".into(), values);
        Value::Map(Arc::new(root))
    }

    /// Renders like Helm: Go prints a missing value as `<no value>`, which
    /// Helm removes.
    fn render(src: &str) -> std::result::Result<String, String> {
        Template::new("t")
            .funcs(funcs())
            .parse(src)
            .and_then(|t| t.execute_to_string(&data()))
            .map(|out| out.replace("<no value>", ""))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn matches_helm() {
        let mut failures = Vec::new();
        for (src, expect) in HELM {
            let got = render(src);
            let ok = match (expect, &got) {
                (Out(want), Ok(out)) => out == want,
                (Err(want), std::result::Result::Err(err)) => err.contains(want),
                _ => false,
            };
            if !ok {
                let want = match expect {
                    Out(s) => format!("Ok({s:?})"),
                    Err(s) => format!("Err(..{s:?}..)"),
                };
                failures.push(format!("{src}\n    helm: {want}\n    ours: {got:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases differ:\n{}",
            failures.len(),
            HELM.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn known_divergences() {
        for (src, helm, ours, why) in DIVERGES {
            let got = render(src);
            let ok = match (ours, &got) {
                (Out(want), Ok(out)) => out == want,
                (Err(want), std::result::Result::Err(err)) => err.contains(want),
                _ => false,
            };
            assert!(
                ok,
                "{src}: expected our documented result (Helm gives {helm:?}; {why}), got {got:?}"
            );
        }
    }

    /// Every function Helm v4.2.3 registers from sprig, less `env` and
    /// `expandenv` (which Helm removes), Helm's own functions and Go's
    /// `slice` builtin; probed by rendering each name in Helm.
    const SPRIG_NAMES: &str = "abbrev abbrevboth add add1 add1f addf adler32sum ago all any append atoi \
        b32dec b32enc b64dec b64enc base bcrypt biggest buildCustomCert camelcase cat ceil chunk clean \
        coalesce compact concat contains date dateInZone dateModify date_in_zone date_modify decryptAES \
        deepCopy deepEqual default derivePassword dict dig dir div divf duration durationRound empty \
        encryptAES ext first float64 floor genCA genCAWithKey genPrivateKey genSelfSignedCert \
        genSelfSignedCertWithKey genSignedCert genSignedCertWithKey get getHostByName has hasKey \
        hasPrefix hasSuffix hello htmlDate htmlDateInZone htpasswd indent initial initials int int64 \
        isAbs join kebabcase keys kindIs kindOf last list lower max maxf merge mergeOverwrite min minf \
        mod mul mulf mustAppend mustChunk mustCompact mustDateModify mustDeepCopy mustFirst \
        mustFromJson mustHas mustInitial mustLast mustMerge mustMergeOverwrite mustPrepend mustPush \
        mustRegexFind mustRegexFindAll mustRegexMatch mustRegexReplaceAll mustRegexReplaceAllLiteral \
        mustRegexSplit mustRest mustReverse mustSlice mustToDate mustToPrettyJson mustToRawJson \
        mustUniq mustWithout must_date_modify nindent nospace now omit osBase osClean osDir osExt \
        osIsAbs pick pluck plural prepend push quote randAlpha randAlphaNum randAscii randBytes \
        randInt randNumeric regexFind regexFindAll regexMatch regexQuoteMeta regexReplaceAll \
        regexReplaceAllLiteral regexSplit repeat replace rest reverse round semver semverCompare seq \
        set sha1sum sha256sum sha512sum shuffle snakecase sortAlpha split splitList splitn squote sub \
        subf substr swapcase ternary title toDate toDecimal toPrettyJson toRawJson toString toStrings \
        trim trimAll trimPrefix trimSuffix trimall trunc tuple typeIs typeIsLike typeOf uniq unixEpoch \
        unset until untilStep untitle upper urlJoin urlParse uuidv4 values without wrap wrapWith";

    #[test]
    fn registers_every_sprig_function() {
        let map = funcs();
        let missing: Vec<&str> = SPRIG_NAMES
            .split_whitespace()
            .filter(|n| !map.contains_key(*n))
            .collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
        let expected: std::collections::BTreeSet<&str> = SPRIG_NAMES.split_whitespace().collect();
        let extra: Vec<&String> = map
            .keys()
            .filter(|n| !expected.contains(n.as_str()))
            .collect();
        assert!(extra.is_empty(), "not registered by Helm: {extra:?}");
    }

    /// Renders and unwraps, for the tests of random and clock-based output.
    fn ok(src: &str) -> String {
        render(src).unwrap_or_else(|e| panic!("{src}: {e}"))
    }

    #[test]
    fn random_strings_have_the_right_length_and_alphabet() {
        type CharTest = fn(char) -> bool;
        let cases: [(&str, CharTest); 4] = [
            ("randAlphaNum", |c| c.is_ascii_alphanumeric()),
            ("randAlpha", |c| c.is_ascii_alphabetic()),
            ("randNumeric", |c| c.is_ascii_digit()),
            ("randAscii", |c| (' '..='~').contains(&c)),
        ];
        for (name, allowed) in cases {
            let out = ok(&format!("{{{{ {name} 200 }}}}"));
            assert_eq!(out.len(), 200, "{name}");
            assert!(out.chars().all(allowed), "{name}: {out}");
        }
        assert_ne!(ok("{{ randAlphaNum 32 }}"), ok("{{ randAlphaNum 32 }}"));
        let bytes = ok("{{ randBytes 12 }}");
        assert_eq!(base64::decode(&bytes).len(), 12);
        let n: i64 = ok("{{ randInt 5 8 }}").parse().expect("an int");
        assert!((5..8).contains(&n));
    }

    #[test]
    fn shuffle_keeps_the_characters() {
        let mut out: Vec<char> = ok(r#"{{ shuffle "héllo, wörld" }}"#).chars().collect();
        let mut want: Vec<char> = "héllo, wörld".chars().collect();
        out.sort_unstable();
        want.sort_unstable();
        assert_eq!(out, want);
    }

    #[test]
    fn uuidv4_is_a_version_4_uuid() {
        let id = ok("{{ uuidv4 }}");
        let re = regex::Regex::new(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
        )
        .expect("valid pattern");
        assert!(re.is_match(&id), "{id}");
        assert_ne!(id, ok("{{ uuidv4 }}"));
    }

    #[test]
    fn now_reads_back_as_a_time() {
        let now = ok("{{ now }}");
        assert!(now.ends_with(" +0000 UTC"), "{now}");
        let year = ok(r#"{{ now | date "2006" }}"#);
        assert!(now.starts_with(&year), "{now} vs {year}");
        assert_eq!(ok("{{ now | ago }}"), "0s");
        assert_eq!(ok(r#"{{ dateModify "-90m" now | ago }}"#), "1h30m0s");
        let epoch: i64 = ok("{{ now | unixEpoch }}").parse().expect("an int");
        assert!(epoch > 1_700_000_000);
        // Go's date functions read anything but a time or an int as now.
        assert_eq!(ok(r#"{{ date "2006" .Values.f }}"#), year);
        assert_eq!(ok(r#"{{ durationRound (dateModify "-49h" now) }}"#), "2d");
    }

    #[test]
    fn functions_do_not_panic_on_odd_arguments() {
        let list = list_value(vec![Value::Int(1), str_value("a"), Value::Nil]);
        let mut map = Dict::new();
        map.insert("a".into(), Value::Int(1));
        let samples = [
            Value::Nil,
            Value::Bool(true),
            Value::Int(0),
            Value::Int(-1),
            Value::Int(3),
            Value::Int(5),
            Value::Int(1 << 40),
            Value::Int(i64::MIN),
            Value::Int(i64::MAX),
            Value::Uint(u64::MAX),
            Value::Float(f64::NAN),
            Value::Float(-2.5),
            str_value(""),
            str_value("é*["),
            str_value("1.2.3"),
            list_value(Vec::new()),
            list,
            Value::Map(Arc::new(map)),
        ];
        for &(name, body) in FUNCS {
            let _ = body(&Call { name, args: &[] });
            for a in &samples {
                let _ = body(&Call {
                    name,
                    args: std::slice::from_ref(a),
                });
                for b in &samples {
                    let _ = body(&Call {
                        name,
                        args: &[a.clone(), b.clone()],
                    });
                    for c in samples.iter().step_by(2) {
                        let _ = body(&Call {
                            name,
                            args: &[a.clone(), b.clone(), c.clone()],
                        });
                    }
                }
            }
        }
    }

    /// Why chartgen differs from Helm in [`DIVERGES`].
    const WHY_LITERAL: &str = "a template literal of the wrong type fails when the function runs; Go fails earlier, with the literal in the message";
    const WHY_TYPES: &str = "Go types the value model cannot tell apart ([]string, int64, map[string]string, time.Time, *semver.Version)";
    const WHY_SLICE: &str = "Helm's `slice` is sprig's (it replaces Go's builtin); the engine keeps Go's builtin under that name, sprig's is `mustSlice`";
    const WHY_MUTATE: &str = "Go maps are references and `set`/`unset`/`merge` change them in place; template values here are immutable, so only the returned map changes";
    const WHY_ORDER: &str = "Go ranges over maps in random order; here keys come sorted";
    const WHY_BYTES: &str =
        "Go strings are bytes; a string that is not UTF-8 cannot be represented";
    const WHY_SEMVER: &str = "`semver` returns a dict with the Version's method names, so `.Major` works but printing and methods with arguments do not";
    const WHY_TZ: &str = "named time zones are not loaded; every zone is UTC";
    const WHY_JSONERR: &str = "JSON syntax errors are reported in serde_json's words";
    const WHY_REGEXNAME: &str =
        "the `regex` crate and Go disagree on capture-group names (Unicode names, duplicates)";
    const WHY_ENGINE: &str = "the engine prints floats itself, with Rust's formatting; sprig's own results go through `toString` in the Helm table";
    const WHY_TIMEJSON: &str =
        "a time is carried as its printed string, so JSON shows that string rather than RFC 3339";
    const WHY_INT64: &str = "Go reads only int64 here, and a template int is `int`; the value model has one integer type";
    const WHY_VALUES_TYPE: &str = "Helm's `.Values` has its own Go type (`common.Values`), which `dig` refuses; here it is a plain map";

    /// Where chartgen knowingly differs from Helm v4.2.3: the template,
    /// Helm's output, ours, and why.
    const DIVERGES: &[(&str, &str, Expect, &str)] = &[
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
            Out(
                r#"map[Major:1 Metadata: Minor:2 Original:1.2.3 Patch:3 Prerelease: String:1.2.3]"#,
            ),
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
            r#"{{ mustFromJson "bad" }}"#,
            r#"error: error calling mustFromJson: invalid character 'b' looking for beginning of value"#,
            Err(r#"error calling mustFromJson: expected value at line 1 column 1"#),
            WHY_JSONERR,
        ),
        (
            r#"{{ toRawJson "\xff" }}"#,
            r#""\ufffd""#,
            Out(r#""ÿ""#),
            WHY_BYTES,
        ),
        (
            r#"{{ regexReplaceAll "(?P<é>a)" "a" "[$é]" }}"#,
            r#"error: error calling regexReplaceAll: regexp: Compile(`(?P<é>a)`): error parsing regexp: invalid named capture: `(?P<é>`"#,
            Out(r#"[a]"#),
            WHY_REGEXNAME,
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
            r#"{{ mustFromJson "[1,]" }}"#,
            r#"error: error calling mustFromJson: invalid character ']' looking for beginning of value"#,
            Err(r#"error calling mustFromJson: trailing comma at line 1 column 4"#),
            WHY_JSONERR,
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
            Out(
                r#"map[Major:1 Metadata: Minor:2 Original:v1.2.3 Patch:3 Prerelease: String:1.2.3]"#,
            ),
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
        (
            r#"{{ mustFromJson "1e400" }}"#,
            r#"error: error calling mustFromJson: json: cannot unmarshal number 1e400 into Go value of type float64"#,
            Err(r#"error calling mustFromJson: number out of range at line 1 column 5"#),
            WHY_JSONERR,
        ),
    ];

    /// Cases rendered with Helm v4.2.3 (helm-python SDK, `Chart.render` with
    /// the values above); errors keep the part after Go's location prefix.
    const HELM: &[(&str, Expect)] = &[
        (r#"{{ default "d" .Values.nil }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.e }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.s }}"#, Out(r#"hello"#)),
        (r#"{{ default "d" .Values.z }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.bf }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.el }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.em }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.missing }}"#, Out(r#"d"#)),
        (r#"{{ default 5 .Values.f }}"#, Out(r#"2.7"#)),
        (r#"{{ default "d" }}"#, Out(r#"d"#)),
        (
            r#"{{ default "d" .Values.l }}"#,
            Out(r#"[1 two 3.5 <nil>]"#),
        ),
        (
            r#"{{ default "d" .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ default "d" 0.0 }}"#, Out(r#"d"#)),
        (r#"{{ .Values.nil | default "x" }}"#, Out(r#"x"#)),
        (r#"{{ default "d" .Values.b }}"#, Out(r#"true"#)),
        (r#"{{ default "d" "" "y" }}"#, Out(r#"d"#)),
        (r#"{{ default "d" .Values.s "y" }}"#, Out(r#"hello"#)),
        (r#"{{ empty .Values.nil }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.e }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.z }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.f }}"#, Out(r#"false"#)),
        (r#"{{ empty .Values.el }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.em }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.m }}"#, Out(r#"false"#)),
        (r#"{{ empty .Values.bf }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.b }}"#, Out(r#"false"#)),
        (r#"{{ empty 0 }}"#, Out(r#"true"#)),
        (r#"{{ empty .Values.missing }}"#, Out(r#"true"#)),
        (r#"{{ empty "x" }}"#, Out(r#"false"#)),
        (
            r#"{{ coalesce .Values.nil .Values.e "x" "y" }}"#,
            Out(r#"x"#),
        ),
        (r#"{{ coalesce .Values.nil .Values.e }}"#, Out(r#""#)),
        (r#"{{ coalesce }}"#, Out(r#""#)),
        (r#"{{ coalesce 0 .Values.f }}"#, Out(r#"2.7"#)),
        (
            r#"{{ coalesce .Values.em .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ typeOf (coalesce .Values.nil) }}"#, Out(r#"<nil>"#)),
        (r#"{{ ternary "a" "b" true }}"#, Out(r#"a"#)),
        (r#"{{ ternary "a" "b" false }}"#, Out(r#"b"#)),
        (r#"{{ ternary "a" "b" .Values.b }}"#, Out(r#"a"#)),
        (r#"{{ true | ternary "a" "b" }}"#, Out(r#"a"#)),
        (
            r#"{{ ternary "a" "b" .Values.s }}"#,
            Err(r#"wrong type for value; expected bool; got string"#),
        ),
        (
            r#"{{ ternary "a" "b" .Values.nil }}"#,
            Err(r#"wrong type for value; expected bool; got interface {}"#),
        ),
        (r#"{{ ternary 1 2 true }}"#, Out(r#"1"#)),
        (r#"{{ all 1 "a" true }}"#, Out(r#"true"#)),
        (r#"{{ all 1 "" true }}"#, Out(r#"false"#)),
        (r#"{{ all }}"#, Out(r#"true"#)),
        (r#"{{ any 0 "" .Values.s }}"#, Out(r#"true"#)),
        (r#"{{ any 0 "" }}"#, Out(r#"false"#)),
        (r#"{{ any }}"#, Out(r#"false"#)),
        (r#"{{ toString .Values.n }}"#, Out(r#"1e+06"#)),
        (r#"{{ toString .Values.f }}"#, Out(r#"2.7"#)),
        (r#"{{ toString .Values.i }}"#, Out(r#"3"#)),
        (r#"{{ toString .Values.neg }}"#, Out(r#"-3.5"#)),
        (r#"{{ toString .Values.big }}"#, Out(r#"1e+21"#)),
        (r#"{{ toString .Values.bigi }}"#, Out(r#"1.23456789e+08"#)),
        (r#"{{ toString .Values.small }}"#, Out(r#"0.0001"#)),
        (r#"{{ toString .Values.tiny }}"#, Out(r#"1e-05"#)),
        (r#"{{ toString .Values.half }}"#, Out(r#"0.5"#)),
        (r#"{{ toString .Values.nil }}"#, Out(r#"<nil>"#)),
        (r#"{{ toString .Values.b }}"#, Out(r#"true"#)),
        (r#"{{ toString .Values.l }}"#, Out(r#"[1 two 3.5 <nil>]"#)),
        (
            r#"{{ toString .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ toString .Values.el }}"#, Out(r#"[]"#)),
        (r#"{{ toString .Values.em }}"#, Out(r#"map[]"#)),
        (r#"{{ toString 1 }}"#, Out(r#"1"#)),
        (r#"{{ toString 1.5 }}"#, Out(r#"1.5"#)),
        (r#"{{ toString 100000.0 }}"#, Out(r#"100000"#)),
        (r#"{{ toString 123456.0 }}"#, Out(r#"123456"#)),
        (r#"{{ toString 1234567.0 }}"#, Out(r#"1.234567e+06"#)),
        (r#"{{ toString 12345678.9 }}"#, Out(r#"1.23456789e+07"#)),
        (r#"{{ toString 0.000123 }}"#, Out(r#"0.000123"#)),
        (r#"{{ toString 1e20 }}"#, Out(r#"1e+20"#)),
        (r#"{{ toString -0.0 }}"#, Out(r#"-0"#)),
        (
            r#"{{ toString .Values.mixed }}"#,
            Out(r#"[1 1 1.5 true <nil> [] map[]]"#),
        ),
        (
            r#"{{ toString .Values.nested }}"#,
            Out(r#"map[a:map[b:map[c:1]] l:[1 2]]"#),
        ),
        (r#"{{ toString 3.0 }}"#, Out(r#"3"#)),
        (r#"{{ toString 1e-7 }}"#, Out(r#"1e-07"#)),
        (
            r#"{{ toString 123456789012.0 }}"#,
            Out(r#"1.23456789012e+11"#),
        ),
        (r#"{{ toString .Values.missing }}"#, Out(r#"<nil>"#)),
        (r#"{{ toString 0.1 }}"#, Out(r#"0.1"#)),
        (r#"{{ toString 2.5e-5 }}"#, Out(r#"2.5e-05"#)),
        (r#"{{ toString 1e100 }}"#, Out(r#"1e+100"#)),
        (r#"{{ toString 5e-324 }}"#, Out(r#"5e-324"#)),
        (
            r#"{{ toString 1.7976931348623157e308 }}"#,
            Out(r#"1.7976931348623157e+308"#),
        ),
        (r#"{{ toString 0.3 }}"#, Out(r#"0.3"#)),
        (r#"{{ toString 100.0 }}"#, Out(r#"100"#)),
        (r#"{{ quote "a" }}"#, Out(r#""a""#)),
        (r#"{{ quote .Values.s .Values.i }}"#, Out(r#""hello" "3""#)),
        (r#"{{ quote .Values.nil }}"#, Out(r#""#)),
        (r#"{{ quote .Values.f }}"#, Out(r#""2.7""#)),
        (r#"{{ quote "a\"b\\c\n\t" }}"#, Out(r#""a\"b\\c\n\t""#)),
        (r#"{{ quote .Values.u }}"#, Out(r#""héllo wörld""#)),
        (
            r#"{{ quote "\u00a0x\u200b\x01\x7f" }}"#,
            Out(r#""\u00a0x\u200b\x01\x7f""#),
        ),
        (r#"{{ quote "日本" }}"#, Out(r#""日本""#)),
        (r#"{{ quote .Values.l }}"#, Out(r#""[1 two 3.5 <nil>]""#)),
        (
            r#"{{ quote .Values.m }}"#,
            Out(r#""map[a:1 b:map[c:d] x:<nil>]""#),
        ),
        (r#"{{ quote }}"#, Out(r#""#)),
        (
            r#"{{ quote .Values.b .Values.nil "x" }}"#,
            Out(r#""true" "x""#),
        ),
        (r#"{{ quote "\U0001F600" }}"#, Out(r#""😀""#)),
        (r#"{{ .Values.n | quote }}"#, Out(r#""1e+06""#)),
        (
            r#"{{ quote "\u00ad\ufeff\ue000" }}"#,
            Out(r#""\u00ad\ufeff\ue000""#),
        ),
        (r#"{{ quote "\a\b\f\v\r" }}"#, Out(r#""\a\b\f\v\r""#)),
        (r#"{{ squote "a" }}"#, Out(r#"'a'"#)),
        (r#"{{ squote .Values.s .Values.i }}"#, Out(r#"'hello' '3'"#)),
        (r#"{{ squote .Values.nil }}"#, Out(r#""#)),
        (r#"{{ squote .Values.f }}"#, Out(r#"'2.7'"#)),
        (r#"{{ squote "a'b" }}"#, Out(r#"'a'b'"#)),
        (r#"{{ squote .Values.l }}"#, Out(r#"'[1 two 3.5 <nil>]'"#)),
        (r#"{{ squote .Values.n }}"#, Out(r#"'1e+06'"#)),
        (r#"{{ squote }}"#, Out(r#""#)),
        (r#"{{ cat "a" "b" }}"#, Out(r#"a b"#)),
        (r#"{{ cat "a" .Values.nil "b" }}"#, Out(r#"a b"#)),
        (r#"{{ cat .Values.i .Values.f "x" }}"#, Out(r#"3 2.7 x"#)),
        (r#"{{ cat }}"#, Out(r#""#)),
        (
            r#"{{ cat .Values.l .Values.m }}"#,
            Out(r#"[1 two 3.5 <nil>] map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ cat "" "" }}"#, Out(r#" "#)),
        (r#"{{ trunc 5 "hello world" }}"#, Out(r#"hello"#)),
        (r#"{{ trunc -5 "hello world" }}"#, Out(r#"world"#)),
        (r#"{{ trunc 0 "hello" }}"#, Out(r#""#)),
        (r#"{{ trunc 50 "hello" }}"#, Out(r#"hello"#)),
        (r#"{{ trunc -50 "hello" }}"#, Out(r#"hello"#)),
        (r#"{{ trunc 2 .Values.u }}"#, Out(r#"h�"#)),
        (
            r#"{{ trunc .Values.i "hello" }}"#,
            Err(r#"wrong type for value; expected int; got float64"#),
        ),
        (
            r#"{{ trunc 3 .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (
            r#"{{ trunc 3 .Values.nil }}"#,
            Err(r#"wrong type for value; expected string; got interface {}"#),
        ),
        (r#"{{ "hello" | trunc 3 }}"#, Out(r#"hel"#)),
        (r#"{{ trunc 2 "héllo" }}"#, Out(r#"h�"#)),
        (r#"{{ trunc -5 "hello" }}"#, Out(r#"hello"#)),
        (r#"{{ trunc -4 "héllo" }}"#, Out(r#"�llo"#)),
        (
            r#"{{ trunc 3 .Values.missing }}"#,
            Err(r#"wrong type for value; expected string; got interface {}"#),
        ),
        (r#"{{ trim "  a b  " }}"#, Out(r#"a b"#)),
        (r#"{{ trim "\t\n a \u00a0" }}"#, Out(r#"a"#)),
        (r#"{{ trimAll "$" "$$a$b$$" }}"#, Out(r#"a$b"#)),
        (r#"{{ trimAll "ab" "abcba" }}"#, Out(r#"c"#)),
        (r#"{{ trimSuffix "-" "a-b-" }}"#, Out(r#"a-b"#)),
        (r#"{{ trimSuffix "-" "a-b--" }}"#, Out(r#"a-b-"#)),
        (r#"{{ trimPrefix "-" "-a-" }}"#, Out(r#"a-"#)),
        (r#"{{ trimall "x" "xax" }}"#, Out(r#"a"#)),
        (
            r#"{{ trim .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (r#"{{ trimSuffix "" "abc" }}"#, Out(r#"abc"#)),
        (r#"{{ trimAll "" "abc" }}"#, Out(r#"abc"#)),
        (r#"{{ upper "abc é" }}"#, Out(r#"ABC É"#)),
        (r#"{{ lower "ABC É" }}"#, Out(r#"abc é"#)),
        (
            r#"{{ title "hello world-foo bar_baz" }}"#,
            Out(r#"Hello World-Foo Bar_baz"#),
        ),
        (r#"{{ title "HELLO wORLD" }}"#, Out(r#"HELLO WORLD"#)),
        (r#"{{ untitle "Hello World" }}"#, Out(r#"hello world"#)),
        (r#"{{ title "élan vital" }}"#, Out(r#"Élan Vital"#)),
        (
            r#"{{ upper .Values.nil }}"#,
            Err(r#"wrong type for value; expected string; got interface {}"#),
        ),
        (r#"{{ title "a.b c:d e'f" }}"#, Out(r#"A.B C:D E'F"#)),
        (r#"{{ swapcase "Hello World" }}"#, Out(r#"hELLO wORLD"#)),
        (r#"{{ title "" }}"#, Out(r#""#)),
        (
            r#"{{ title "hello\tworld\nfoo" }}"#,
            Out(r#"Hello	World
Foo"#),
        ),
        (
            r#"{{ title "o'neil 123abc x1y" }}"#,
            Out(r#"O'Neil 123abc X1y"#),
        ),
        (r#"{{ replace "a" "b" "banana" }}"#, Out(r#"bbnbnb"#)),
        (r#"{{ replace "" "-" "abc" }}"#, Out(r#"-a-b-c-"#)),
        (r#"{{ replace "an" "" "banana" }}"#, Out(r#"ba"#)),
        (r#"{{ "banana" | replace "a" "o" }}"#, Out(r#"bonono"#)),
        (r#"{{ contains "an" "banana" }}"#, Out(r#"true"#)),
        (r#"{{ contains "" "x" }}"#, Out(r#"true"#)),
        (r#"{{ contains "z" "banana" }}"#, Out(r#"false"#)),
        (r#"{{ hasPrefix "ba" "banana" }}"#, Out(r#"true"#)),
        (r#"{{ hasPrefix "na" "banana" }}"#, Out(r#"false"#)),
        (r#"{{ hasSuffix "na" "banana" }}"#, Out(r#"true"#)),
        (r#"{{ hasSuffix "" "banana" }}"#, Out(r#"true"#)),
        (
            r#"{{ contains "a" .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (
            r#"{{ indent 2 "a\nb" }}"#,
            Out(r#"  a
  b"#),
        ),
        (r#"{{ indent 0 "a" }}"#, Out(r#"a"#)),
        (
            r#"{{ indent -2 "a" }}"#,
            Err(r#"error calling indent: strings: negative Repeat count"#),
        ),
        (
            r#"{{ nindent 2 "a\nb" }}"#,
            Out(r#"
  a
  b"#),
        ),
        (r#"{{ indent 2 "" }}"#, Out(r#"  "#)),
        (
            r#"{{ indent 2 "a\n" }}"#,
            Out(r#"  a
  "#),
        ),
        (
            r#"{{ nindent 4 "x" }}"#,
            Out(r#"
    x"#),
        ),
        (
            r#"{{ indent 2 .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (
            r#"{{ "a\n\nb" | indent 3 }}"#,
            Out(r#"   a
   
   b"#),
        ),
        (r#"{{ repeat 3 "ab" }}"#, Out(r#"ababab"#)),
        (r#"{{ repeat 0 "ab" }}"#, Out(r#""#)),
        (
            r#"{{ repeat -1 "ab" }}"#,
            Err(r#"error calling repeat: strings: negative Repeat count"#),
        ),
        (r#"{{ "x" | repeat 2 }}"#, Out(r#"xx"#)),
        (r#"{{ substr 1 3 "hello" }}"#, Out(r#"el"#)),
        (r#"{{ substr -1 3 "hello" }}"#, Out(r#"hel"#)),
        (r#"{{ substr 1 -1 "hello" }}"#, Out(r#"ello"#)),
        (r#"{{ substr 1 10 "hello" }}"#, Out(r#"ello"#)),
        (
            r#"{{ substr 3 1 "hello" }}"#,
            Err(r#"error calling substr: runtime error: slice bounds out of range [3:1]"#),
        ),
        (r#"{{ substr 0 10 "hello" }}"#, Out(r#"hello"#)),
        (
            r#"{{ substr -1 10 "hello" }}"#,
            Err(
                r#"error calling substr: runtime error: slice bounds out of range [:10] with length 5"#,
            ),
        ),
        (r#"{{ substr 1 2 "héllo" }}"#, Out(r#"�"#)),
        (
            r#"{{ substr 6 7 "hello" }}"#,
            Err(r#"error calling substr: runtime error: slice bounds out of range [6:5]"#),
        ),
        (r#"{{ substr 5 5 "hello" }}"#, Out(r#""#)),
        (r#"{{ nospace " a b\tc\nd " }}"#, Out(r#"abcd"#)),
        (r#"{{ nospace "a\u00a0b" }}"#, Out(r#"aÂb"#)),
        (r#"{{ abbrev 5 "hello world" }}"#, Out(r#"he..."#)),
        (r#"{{ abbrev 3 "hello world" }}"#, Out(r#"hello world"#)),
        (r#"{{ abbrev 20 "hello" }}"#, Out(r#"hello"#)),
        (r#"{{ abbrev 4 "hello" }}"#, Out(r#"h..."#)),
        (r#"{{ abbrev 5 "hello" }}"#, Out(r#"hello"#)),
        (r#"{{ abbrev 5 "héllo wörld" }}"#, Out(r#"h�..."#)),
        (
            r#"{{ abbrevboth 5 10 "1234 5678 9123" }}"#,
            Out(r#"...5678..."#),
        ),
        (
            r#"{{ abbrevboth 0 10 "1234 5678 9123" }}"#,
            Out(r#"1234 56..."#),
        ),
        (r#"{{ abbrevboth 1 6 "abcdefghij" }}"#, Out(r#"abcdefghij"#)),
        (r#"{{ initials "hello world foo" }}"#, Out(r#"hwf"#)),
        (r#"{{ initials "" }}"#, Out(r#""#)),
        (r#"{{ initials " a  b " }}"#, Out(r#"ab"#)),
        (r#"{{ plural "one" "many" 1 }}"#, Out(r#"one"#)),
        (r#"{{ plural "one" "many" 2 }}"#, Out(r#"many"#)),
        (r#"{{ plural "one" "many" 0 }}"#, Out(r#"many"#)),
        (r#"{{ snakecase "HelloWorld" }}"#, Out(r#"hello_world"#)),
        (
            r#"{{ snakecase "helloWorldFoo" }}"#,
            Out(r#"hello_world_foo"#),
        ),
        (r#"{{ snakecase "HTTPServer" }}"#, Out(r#"http_server"#)),
        (r#"{{ camelcase "hello_world" }}"#, Out(r#"HelloWorld"#)),
        (r#"{{ camelcase "http_server" }}"#, Out(r#"HttpServer"#)),
        (r#"{{ kebabcase "HelloWorld" }}"#, Out(r#"hello-world"#)),
        (
            r#"{{ kebabcase "helloWorld_foo" }}"#,
            Out(r#"hello-world-foo"#),
        ),
        (r#"{{ snakecase "hello world" }}"#, Out(r#"hello_world"#)),
        (r#"{{ camelcase "hello-world" }}"#, Out(r#"HelloWorld"#)),
        (r#"{{ camelcase "hello world" }}"#, Out(r#"HelloWorld"#)),
        (r#"{{ snakecase "ABC" }}"#, Out(r#"abc"#)),
        (r#"{{ snakecase "a1B2" }}"#, Out(r#"a1_b2"#)),
        (r#"{{ kebabcase "FooBarBAZ" }}"#, Out(r#"foo-bar-baz"#)),
        (r#"{{ camelcase "_a_b" }}"#, Out(r#"_AB"#)),
        (r#"{{ snakecase "" }}"#, Out(r#""#)),
        (
            r#"{{ wrap 5 "hello world foo" }}"#,
            Out(r#"hello
world
foo"#),
        ),
        (
            r#"{{ wrapWith 5 "\t" "hello world foo" }}"#,
            Out(r#"hello	world	foo"#),
        ),
        (
            r#"{{ wrap 3 "abcdefg hi" }}"#,
            Out(r#"abcdefg
hi"#),
        ),
        (r#"{{ wrap 10 "a b c" }}"#, Out(r#"a b c"#)),
        (r#"{{ len (shuffle "abc") }}"#, Out(r#"3"#)),
        (r#"{{ int .Values.f }}"#, Out(r#"2"#)),
        (r#"{{ int .Values.neg }}"#, Out(r#"-3"#)),
        (r#"{{ int "42" }}"#, Out(r#"42"#)),
        (r#"{{ int "4.7" }}"#, Out(r#"0"#)),
        (r#"{{ int "x" }}"#, Out(r#"0"#)),
        (r#"{{ int .Values.nil }}"#, Out(r#"0"#)),
        (r#"{{ int .Values.b }}"#, Out(r#"1"#)),
        (r#"{{ int "0x1F" }}"#, Out(r#"31"#)),
        (r#"{{ int "010" }}"#, Out(r#"8"#)),
        (r#"{{ int "08" }}"#, Out(r#"0"#)),
        (r#"{{ int "1_000" }}"#, Out(r#"1000"#)),
        (r#"{{ int "3.000" }}"#, Out(r#"3"#)),
        (r#"{{ int " 4" }}"#, Out(r#"0"#)),
        (r#"{{ int "-5" }}"#, Out(r#"-5"#)),
        (r#"{{ int "+5" }}"#, Out(r#"5"#)),
        (r#"{{ int .Values.l }}"#, Out(r#"0"#)),
        (r#"{{ int .Values.n }}"#, Out(r#"1000000"#)),
        (r#"{{ int 1e19 }}"#, Out(r#"-9223372036854775808"#)),
        (r#"{{ int .Values.big }}"#, Out(r#"-9223372036854775808"#)),
        (r#"{{ int "0b101" }}"#, Out(r#"5"#)),
        (r#"{{ int "0o17" }}"#, Out(r#"15"#)),
        (r#"{{ int "" }}"#, Out(r#"0"#)),
        (r#"{{ int "1e3" }}"#, Out(r#"0"#)),
        (r#"{{ int64 .Values.f }}"#, Out(r#"2"#)),
        (r#"{{ int64 "42" }}"#, Out(r#"42"#)),
        (r#"{{ int64 .Values.neg }}"#, Out(r#"-3"#)),
        (
            r#"{{ int64 "9223372036854775807" }}"#,
            Out(r#"9223372036854775807"#),
        ),
        (r#"{{ int64 "9223372036854775808" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "3.14" }}"#, Out(r#"3.14"#)),
        (r#"{{ float64 .Values.i }}"#, Out(r#"3"#)),
        (r#"{{ float64 "x" }}"#, Out(r#"0"#)),
        (r#"{{ float64 .Values.nil }}"#, Out(r#"0"#)),
        (r#"{{ float64 .Values.b }}"#, Out(r#"1"#)),
        (r#"{{ float64 3 }}"#, Out(r#"3"#)),
        (r#"{{ float64 "1e3" }}"#, Out(r#"1000"#)),
        (r#"{{ float64 "0x10" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "inf" | toString }}"#, Out(r#"+Inf"#)),
        (r#"{{ float64 " 1" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "1_000" }}"#, Out(r#"1000"#)),
        (r#"{{ float64 "1.5.0" }}"#, Out(r#"0"#)),
        (r#"{{ atoi "42" }}"#, Out(r#"42"#)),
        (r#"{{ atoi "x" }}"#, Out(r#"0"#)),
        (r#"{{ atoi "4.5" }}"#, Out(r#"0"#)),
        (r#"{{ atoi " 4" }}"#, Out(r#"0"#)),
        (r#"{{ atoi "-7" }}"#, Out(r#"-7"#)),
        (r#"{{ atoi "+7" }}"#, Out(r#"7"#)),
        (
            r#"{{ atoi .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (r#"{{ atoi "0x10" }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal "777" }}"#, Out(r#"511"#)),
        (r#"{{ toDecimal 777 }}"#, Out(r#"511"#)),
        (r#"{{ toDecimal "8" }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal .Values.i }}"#, Out(r#"3"#)),
        (r#"{{ toStrings .Values.l }}"#, Out(r#"[1 two 3.5]"#)),
        (r#"{{ toStrings .Values.s }}"#, Out(r#"[hello]"#)),
        (r#"{{ toStrings .Values.nil }}"#, Out(r#"[]"#)),
        (
            r#"{{ toStrings .Values.m }}"#,
            Out(r#"[map[a:1 b:map[c:d] x:<nil>]]"#),
        ),
        (
            r#"{{ toStrings (list 1 2.5 nil "a") }}"#,
            Out(r#"[1 2.5 a]"#),
        ),
        (r#"{{ len (toStrings .Values.el) }}"#, Out(r#"0"#)),
        (r#"{{ toStrings 5 }}"#, Out(r#"[5]"#)),
        (r#"{{ add 1 2 }}"#, Out(r#"3"#)),
        (r#"{{ add .Values.f .Values.f }}"#, Out(r#"4"#)),
        (r#"{{ add }}"#, Out(r#"0"#)),
        (r#"{{ add "3" 4 }}"#, Out(r#"7"#)),
        (r#"{{ add .Values.nil 1 }}"#, Out(r#"1"#)),
        (r#"{{ add1 .Values.f }}"#, Out(r#"3"#)),
        (r#"{{ add1 "x" }}"#, Out(r#"1"#)),
        (r#"{{ sub 5 .Values.f }}"#, Out(r#"3"#)),
        (r#"{{ mul 2 3 4 }}"#, Out(r#"24"#)),
        (r#"{{ mul .Values.f 2 }}"#, Out(r#"4"#)),
        (r#"{{ div 7 2 }}"#, Out(r#"3"#)),
        (r#"{{ div -7 2 }}"#, Out(r#"-3"#)),
        (
            r#"{{ div 1 0 }}"#,
            Err(r#"error calling div: runtime error: integer divide by zero"#),
        ),
        (r#"{{ mod 7 3 }}"#, Out(r#"1"#)),
        (r#"{{ mod -7 3 }}"#, Out(r#"-1"#)),
        (
            r#"{{ mod 1 0 }}"#,
            Err(r#"error calling mod: runtime error: integer divide by zero"#),
        ),
        (r#"{{ max 1 5 3 }}"#, Out(r#"5"#)),
        (r#"{{ max .Values.f 2 }}"#, Out(r#"2"#)),
        (r#"{{ min 4 2 8 }}"#, Out(r#"2"#)),
        (r#"{{ min .Values.neg 0 }}"#, Out(r#"-3"#)),
        (r#"{{ biggest 1 9 }}"#, Out(r#"9"#)),
        (r#"{{ max 1 }}"#, Out(r#"1"#)),
        (r#"{{ add1 1 }}"#, Out(r#"2"#)),
        (r#"{{ add 1 2.9 }}"#, Out(r#"3"#)),
        (r#"{{ sub "a" 1 }}"#, Out(r#"-1"#)),
        (r#"{{ mul 1 }}"#, Out(r#"1"#)),
        (r#"{{ add true 1 }}"#, Out(r#"2"#)),
        (r#"{{ addf 1.5 2 }}"#, Out(r#"3.5"#)),
        (r#"{{ addf }}"#, Out(r#"0"#)),
        (r#"{{ add1f 1.5 }}"#, Out(r#"2.5"#)),
        (r#"{{ subf 5 1.5 0.5 }}"#, Out(r#"3"#)),
        (r#"{{ mulf 1.1 3 }}"#, Out(r#"3.3"#)),
        (r#"{{ divf 10 4 }}"#, Out(r#"2.5"#)),
        (r#"{{ divf 1 3 }}"#, Out(r#"0.3333333333333333"#)),
        (r#"{{ maxf 1 2.5 }}"#, Out(r#"2.5"#)),
        (r#"{{ minf 1 2.5 -1 }}"#, Out(r#"-1"#)),
        (r#"{{ floor 2.7 }}"#, Out(r#"2"#)),
        (r#"{{ ceil 2.1 }}"#, Out(r#"3"#)),
        (r#"{{ round 2.555 2 }}"#, Out(r#"2.56"#)),
        (r#"{{ round 2.5 0 }}"#, Out(r#"3"#)),
        (r#"{{ round -2.5 0 }}"#, Out(r#"-3"#)),
        (r#"{{ round 2.4 0 0.3 }}"#, Out(r#"3"#)),
        (r#"{{ floor "3.9" }}"#, Out(r#"3"#)),
        (r#"{{ addf 0.1 0.2 }}"#, Out(r#"0.3"#)),
        (
            r#"{{ divf 1 0 }}"#,
            Err(r#"error calling divf: decimal division by 0"#),
        ),
        (r#"{{ typeOf (addf 1 2) }}"#, Out(r#"float64"#)),
        (r#"{{ mulf 3 }}"#, Out(r#"3"#)),
        (r#"{{ subf 1 }}"#, Out(r#"1"#)),
        (r#"{{ round 1234.5678 -2 }}"#, Out(r#"1200"#)),
        (r#"{{ until 5 }}"#, Out(r#"[0 1 2 3 4]"#)),
        (r#"{{ until -3 }}"#, Out(r#"[0 -1 -2]"#)),
        (r#"{{ until 0 }}"#, Out(r#"[]"#)),
        (r#"{{ untilStep 0 10 3 }}"#, Out(r#"[0 3 6 9]"#)),
        (r#"{{ untilStep 10 0 -3 }}"#, Out(r#"[10 7 4 1]"#)),
        (r#"{{ untilStep 0 10 -1 }}"#, Out(r#"[]"#)),
        (r#"{{ untilStep 0 10 0 }}"#, Out(r#"[]"#)),
        (
            r#"{{ until .Values.i }}"#,
            Err(r#"wrong type for value; expected int; got float64"#),
        ),
        (r#"{{ seq 5 }}"#, Out(r#"1 2 3 4 5"#)),
        (r#"{{ seq -3 }}"#, Out(r#"1 0 -1 -2 -3"#)),
        (r#"{{ seq 0 }}"#, Out(r#"1 0"#)),
        (r#"{{ seq 2 5 }}"#, Out(r#"2 3 4 5"#)),
        (r#"{{ seq 5 2 }}"#, Out(r#"5 4 3 2"#)),
        (r#"{{ seq 0 2 10 }}"#, Out(r#"0 2 4 6 8 10"#)),
        (r#"{{ seq 10 -3 1 }}"#, Out(r#"10 7 4 1"#)),
        (r#"{{ seq 10 3 1 }}"#, Out(r#""#)),
        (r#"{{ seq }}"#, Out(r#""#)),
        (r#"{{ seq 1 2 3 4 }}"#, Out(r#""#)),
        (r#"{{ seq 1 0 5 }}"#, Out(r#""#)),
        (r#"{{ seq 1 1 }}"#, Out(r#"1"#)),
        (r#"{{ range until 3 }}{{ . }};{{ end }}"#, Out(r#"0;1;2;"#)),
        (r#"{{ randInt 3 4 }}"#, Out(r#"3"#)),
        (r#"{{ list 1 "a" .Values.f }}"#, Out(r#"[1 a 2.7]"#)),
        (r#"{{ list }}"#, Out(r#"[]"#)),
        (r#"{{ typeOf (list) }}"#, Out(r#"[]interface {}"#)),
        (r#"{{ list .Values.nil }}"#, Out(r#"[<nil>]"#)),
        (r#"{{ first .Values.l }}"#, Out(r#"1"#)),
        (r#"{{ first .Values.el }}"#, Out(r#""#)),
        (
            r#"{{ first "abc" }}"#,
            Err(r#"error calling first: Cannot find first on type string"#),
        ),
        (
            r#"{{ first .Values.nil }}"#,
            Err(
                r#"error calling first: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (r#"{{ last .Values.l }}"#, Out(r#""#)),
        (r#"{{ last .Values.el }}"#, Out(r#""#)),
        (r#"{{ rest .Values.l }}"#, Out(r#"[two 3.5 <nil>]"#)),
        (r#"{{ rest .Values.el }}"#, Out(r#"[]"#)),
        (r#"{{ initial .Values.l }}"#, Out(r#"[1 two 3.5]"#)),
        (r#"{{ initial .Values.el }}"#, Out(r#"[]"#)),
        (
            r#"{{ typeOf (rest .Values.el) }}"#,
            Out(r#"[]interface {}"#),
        ),
        (
            r#"{{ mustFirst "abc" }}"#,
            Err(r#"error calling mustFirst: Cannot find first on type string"#),
        ),
        (r#"{{ mustLast .Values.sl }}"#, Out(r#"a"#)),
        (r#"{{ append .Values.sl "z" }}"#, Out(r#"[b a c a z]"#)),
        (
            r#"{{ append .Values.nil "z" }}"#,
            Err(
                r#"error calling append: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ append "abc" "z" }}"#,
            Err(r#"error calling append: Cannot push on type string"#),
        ),
        (r#"{{ mustAppend .Values.sl 1 }}"#, Out(r#"[b a c a 1]"#)),
        (r#"{{ push .Values.el 1 }}"#, Out(r#"[1]"#)),
        (r#"{{ prepend .Values.sl "z" }}"#, Out(r#"[z b a c a]"#)),
        (
            r#"{{ prepend "x" "z" }}"#,
            Err(r#"error calling prepend: Cannot prepend on type string"#),
        ),
        (r#"{{ mustPrepend .Values.el 0 }}"#, Out(r#"[0]"#)),
        (
            r#"{{ concat .Values.sl .Values.nums }}"#,
            Out(r#"[b a c a 3 1 2]"#),
        ),
        (r#"{{ concat }}"#, Out(r#"[]"#)),
        (
            r#"{{ concat .Values.sl "x" }}"#,
            Err(r#"error calling concat: Cannot concat type string as list"#),
        ),
        (r#"{{ concat .Values.el .Values.el }}"#, Out(r#"[]"#)),
        (r#"{{ typeOf (concat) }}"#, Out(r#"[]interface {}"#)),
        (r#"{{ uniq .Values.sl }}"#, Out(r#"[b a c]"#)),
        (
            r#"{{ uniq .Values.mixed }}"#,
            Out(r#"[1 1 1.5 true <nil> [] map[]]"#),
        ),
        (r#"{{ uniq (list 1 1.0 "1" 1) }}"#, Out(r#"[1 1 1]"#)),
        (
            r#"{{ uniq "x" }}"#,
            Err(r#"error calling uniq: Cannot find uniq on type string"#),
        ),
        (r#"{{ compact .Values.mixed }}"#, Out(r#"[1 1 1.5 true]"#)),
        (r#"{{ compact .Values.el }}"#, Out(r#"[]"#)),
        (r#"{{ reverse .Values.sl }}"#, Out(r#"[a c a b]"#)),
        (r#"{{ reverse .Values.el }}"#, Out(r#"[]"#)),
        (
            r#"{{ reverse "abc" }}"#,
            Err(r#"error calling reverse: Cannot find reverse on type string"#),
        ),
        (r#"{{ sortAlpha .Values.sl }}"#, Out(r#"[a a b c]"#)),
        (r#"{{ sortAlpha .Values.nums }}"#, Out(r#"[1 2 3]"#)),
        (
            r#"{{ sortAlpha .Values.mixed }}"#,
            Out(r#"[1 1 1.5 [] map[] true]"#),
        ),
        (r#"{{ sortAlpha "x" }}"#, Out(r#"[x]"#)),
        (r#"{{ sortAlpha .Values.nil }}"#, Out(r#"[<nil>]"#)),
        (
            r#"{{ sortAlpha (list "b" "B" "a" "_" "1") }}"#,
            Out(r#"[1 B _ a b]"#),
        ),
        (r#"{{ has "a" .Values.sl }}"#, Out(r#"true"#)),
        (r#"{{ has "z" .Values.sl }}"#, Out(r#"false"#)),
        (r#"{{ has 1 .Values.l }}"#, Out(r#"false"#)),
        (r#"{{ has 1.0 .Values.l }}"#, Out(r#"true"#)),
        (r#"{{ has nil .Values.l }}"#, Out(r#"true"#)),
        (r#"{{ has "a" .Values.nil }}"#, Out(r#"false"#)),
        (
            r#"{{ has "a" "abc" }}"#,
            Err(r#"error calling has: Cannot find has on type string"#),
        ),
        (r#"{{ .Values.sl | has "a" }}"#, Out(r#"true"#)),
        (
            r#"{{ mustHas "a" "abc" }}"#,
            Err(r#"error calling mustHas: Cannot find has on type string"#),
        ),
        (r#"{{ without .Values.sl "a" }}"#, Out(r#"[b c]"#)),
        (r#"{{ without .Values.sl "a" "b" }}"#, Out(r#"[c]"#)),
        (r#"{{ without .Values.el "a" }}"#, Out(r#"[]"#)),
        (
            r#"{{ without "abc" "a" }}"#,
            Err(r#"error calling without: Cannot find without on type string"#),
        ),
        (r#"{{ mustSlice .Values.sl 1 3 }}"#, Out(r#"[a c]"#)),
        (r#"{{ mustSlice .Values.sl 1 }}"#, Out(r#"[a c a]"#)),
        (r#"{{ mustSlice .Values.sl }}"#, Out(r#"[b a c a]"#)),
        (
            r#"{{ mustSlice .Values.sl 3 1 }}"#,
            Err(r#"error calling mustSlice: reflect.Value.Slice: slice index out of bounds"#),
        ),
        (
            r#"{{ mustSlice .Values.sl 0 10 }}"#,
            Err(r#"error calling mustSlice: reflect.Value.Slice: slice index out of bounds"#),
        ),
        (r#"{{ chunk 2 .Values.sl }}"#, Out(r#"[[b a] [c a]]"#)),
        (r#"{{ chunk 3 .Values.sl }}"#, Out(r#"[[b a c] [a]]"#)),
        (r#"{{ chunk 2 .Values.el }}"#, Out(r#"[]"#)),
        (
            r#"{{ chunk 0 .Values.sl }}"#,
            Err(r#"error calling chunk: runtime error: makeslice: len out of range"#),
        ),
        (r#"{{ has 1 .Values.nums }}"#, Out(r#"false"#)),
        (r#"{{ has 3 (list 1 2 3) }}"#, Out(r#"true"#)),
        (r#"{{ has 3.0 .Values.nums }}"#, Out(r#"true"#)),
        (r#"{{ without .Values.nums 1 }}"#, Out(r#"[3 1 2]"#)),
        (r#"{{ without .Values.nums 1.0 }}"#, Out(r#"[3 2]"#)),
        (
            r#"{{ uniq (list (list 1) (list 1) (dict "a" 1) (dict "a" 1)) }}"#,
            Out(r#"[[1] map[a:1]]"#),
        ),
        (r#"{{ has (list 1) (list (list 1)) }}"#, Out(r#"true"#)),
        (
            r#"{{ append .Values.m 1 }}"#,
            Err(r#"error calling append: Cannot push on type map"#),
        ),
        (
            r#"{{ first .Values.m }}"#,
            Err(r#"error calling first: Cannot find first on type map"#),
        ),
        (r#"{{ len (append .Values.l 1) }}"#, Out(r#"5"#)),
        (r#"{{ index (concat .Values.l) 0 }}"#, Out(r#"1"#)),
        (r#"{{ join "," .Values.sl }}"#, Out(r#"b,a,c,a"#)),
        (r#"{{ join "," .Values.l }}"#, Out(r#"1,two,3.5"#)),
        (r#"{{ join "," .Values.s }}"#, Out(r#"hello"#)),
        (r#"{{ join "," .Values.nil }}"#, Out(r#""#)),
        (r#"{{ join "," .Values.el }}"#, Out(r#""#)),
        (r#"{{ join "-" .Values.nums }}"#, Out(r#"3-1-2"#)),
        (r#"{{ .Values.sl | join "/" }}"#, Out(r#"b/a/c/a"#)),
        (
            r#"{{ join "," .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ join "," .Values.f }}"#, Out(r#"2.7"#)),
        (r#"{{ join "," (list 1.5 true nil) }}"#, Out(r#"1.5,true"#)),
        (r#"{{ split "," "a,b,c" }}"#, Out(r#"map[_0:a _1:b _2:c]"#)),
        (r#"{{ (split "," "a,b,c")._1 }}"#, Out(r#"b"#)),
        (r#"{{ split "" "abc" }}"#, Out(r#"map[_0:a _1:b _2:c]"#)),
        (r#"{{ split "," "" }}"#, Out(r#"map[_0:]"#)),
        (r#"{{ splitList "," "a,b,c" }}"#, Out(r#"[a b c]"#)),
        (r#"{{ splitList "," "" }}"#, Out(r#"[]"#)),
        (r#"{{ splitList "" "abc" }}"#, Out(r#"[a b c]"#)),
        (r#"{{ splitList "" "" }}"#, Out(r#"[]"#)),
        (r#"{{ splitn "," 2 "a,b,c" }}"#, Out(r#"map[_0:a _1:b,c]"#)),
        (r#"{{ splitn "," 0 "a,b,c" }}"#, Out(r#"map[]"#)),
        (
            r#"{{ splitn "," -1 "a,b,c" }}"#,
            Out(r#"map[_0:a _1:b _2:c]"#),
        ),
        (r#"{{ splitn "," 1 "a,b,c" }}"#, Out(r#"map[_0:a,b,c]"#)),
        (
            r#"{{ splitList "," "héllo,wörld" }}"#,
            Out(r#"[héllo wörld]"#),
        ),
        (r#"{{ splitList "ab" "xabyabz" }}"#, Out(r#"[x y z]"#)),
        (r#"{{ splitList "" "héy" }}"#, Out(r#"[h é y]"#)),
        (
            r#"{{ split "," .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (r#"{{ splitn "" 2 "abc" }}"#, Out(r#"map[_0:a _1:bc]"#)),
        (r#"{{ len (splitList "," "a,,b") }}"#, Out(r#"3"#)),
        (r#"{{ dict "a" 1 "b" "x" }}"#, Out(r#"map[a:1 b:x]"#)),
        (r#"{{ dict }}"#, Out(r#"map[]"#)),
        (r#"{{ dict "a" }}"#, Out(r#"map[a:]"#)),
        (r#"{{ dict 1 2 }}"#, Out(r#"map[1:2]"#)),
        (r#"{{ dict "a" 1 "b" }}"#, Out(r#"map[a:1 b:]"#)),
        (r#"{{ dict .Values.nil 1 }}"#, Out(r#"map[<nil>:1]"#)),
        (r#"{{ dict .Values.f 1 }}"#, Out(r#"map[2.7:1]"#)),
        (r#"{{ typeOf (dict) }}"#, Out(r#"map[string]interface {}"#)),
        (r#"{{ (dict "a" 1).a }}"#, Out(r#"1"#)),
        (r#"{{ dict "b" 1 "a" 2 "b" 3 }}"#, Out(r#"map[a:2 b:3]"#)),
        (r#"{{ get .Values.m "a" }}"#, Out(r#"1"#)),
        (r#"{{ get .Values.m "zz" }}"#, Out(r#""#)),
        (r#"{{ get .Values.m "x" }}"#, Out(r#""#)),
        (
            r#"{{ get .Values.nil "a" }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ get .Values.l "a" }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got []interface {}"#),
        ),
        (r#"{{ typeOf (get .Values.m "zz") }}"#, Out(r#"string"#)),
        (r#"{{ get .Values.em "a" }}"#, Out(r#""#)),
        (r#"{{ set (dict "a" 1) "b" 2 }}"#, Out(r#"map[a:1 b:2]"#)),
        (r#"{{ set .Values.em "b" 2 }}"#, Out(r#"map[b:2]"#)),
        (r#"{{ unset (dict "a" 1 "b" 2) "a" }}"#, Out(r#"map[b:2]"#)),
        (r#"{{ unset (dict "a" 1) "z" }}"#, Out(r#"map[a:1]"#)),
        (
            r#"{{ set .Values.nil "a" 1 }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (r#"{{ set (dict) "a" nil }}"#, Out(r#"map[a:<nil>]"#)),
        (r#"{{ hasKey .Values.m "a" }}"#, Out(r#"true"#)),
        (r#"{{ hasKey .Values.m "x" }}"#, Out(r#"true"#)),
        (r#"{{ hasKey .Values.m "zz" }}"#, Out(r#"false"#)),
        (
            r#"{{ hasKey .Values.nil "a" }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ hasKey .Values.l "a" }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got []interface {}"#),
        ),
        (r#"{{ keys .Values.m | sortAlpha }}"#, Out(r#"[a b x]"#)),
        (r#"{{ keys .Values.em }}"#, Out(r#"[]"#)),
        (
            r#"{{ keys .Values.m .Values.nested | sortAlpha }}"#,
            Out(r#"[a a b l x]"#),
        ),
        (r#"{{ keys }}"#, Out(r#"[]"#)),
        (r#"{{ keys (dict "b" 1) (dict "a" 2) }}"#, Out(r#"[b a]"#)),
        (
            r#"{{ keys .Values.nil }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (r#"{{ values (dict "a" 1) }}"#, Out(r#"[1]"#)),
        (r#"{{ values .Values.em }}"#, Out(r#"[]"#)),
        (r#"{{ values .Values.m | len }}"#, Out(r#"3"#)),
        (
            r#"{{ typeOf (values .Values.em) }}"#,
            Out(r#"[]interface {}"#),
        ),
        (
            r#"{{ values .Values.nil }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ pluck "a" .Values.m .Values.em (dict "a" 2) }}"#,
            Out(r#"[1 2]"#),
        ),
        (r#"{{ pluck "a" }}"#, Out(r#"[]"#)),
        (
            r#"{{ pluck "name" (index .Values.maps 0) (index .Values.maps 1) }}"#,
            Out(r#"[a b]"#),
        ),
        (r#"{{ pluck "x" .Values.m }}"#, Out(r#"[<nil>]"#)),
        (r#"{{ pick .Values.m "a" "zz" }}"#, Out(r#"map[a:1]"#)),
        (
            r#"{{ omit .Values.m "a" }}"#,
            Out(r#"map[b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ pick .Values.m }}"#, Out(r#"map[]"#)),
        (
            r#"{{ omit .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (
            r#"{{ pick .Values.nil "a" }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ dig "a" "b" "c" "dflt" .Values.nested }}"#,
            Out(r#"1"#),
        ),
        (
            r#"{{ dig "a" "zz" "dflt" .Values.nested }}"#,
            Out(r#"dflt"#),
        ),
        (r#"{{ dig "l" "dflt" .Values.nested }}"#, Out(r#"[1 2]"#)),
        (
            r#"{{ dig "a" "b" "c" "z" "dflt" .Values.nested }}"#,
            Err(
                r#"error calling dig: interface conversion: interface {} is float64, not map[string]interface {}"#,
            ),
        ),
        (
            r#"{{ dig "dflt" .Values.nested }}"#,
            Err(r#"error calling dig: dig needs at least three arguments"#),
        ),
        (
            r#"{{ dig "a" "dflt" .Values.nil }}"#,
            Err(
                r#"error calling dig: interface conversion: interface {} is nil, not map[string]interface {}"#,
            ),
        ),
        (
            r#"{{ dig "a" "b" "dflt" .Values.nested }}"#,
            Out(r#"map[c:1]"#),
        ),
        (r#"{{ dig "x" "dflt" .Values.m }}"#, Out(r#""#)),
        (
            r#"{{ dig 1 "dflt" .Values.m }}"#,
            Err(r#"error calling dig: interface conversion: interface {} is int, not string"#),
        ),
        (
            r#"{{ dig "a" }}"#,
            Err(r#"error calling dig: dig needs at least three arguments"#),
        ),
        (
            r#"{{ dig "l" "x" "dflt" .Values.nested }}"#,
            Err(
                r#"error calling dig: interface conversion: interface {} is []interface {}, not map[string]interface {}"#,
            ),
        ),
        (
            r#"{{ merge (dict "a" 1) (dict "a" 2 "b" 3) }}"#,
            Out(r#"map[a:1 b:3]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 1) (dict "a" 2 "b" 3) }}"#,
            Out(r#"map[a:2 b:3]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "x" 1 "y" 2)) (dict "a" (dict "y" 3 "z" 4)) }}"#,
            Out(r#"map[a:map[x:1 y:2 z:4]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "x" 1 "y" 2)) (dict "a" (dict "y" 3 "z" 4)) }}"#,
            Out(r#"map[a:map[x:1 y:3 z:4]]"#),
        ),
        (
            r#"{{ merge (dict "a" "") (dict "a" "x") }}"#,
            Out(r#"map[a:x]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" "v") (dict "a" "") }}"#,
            Out(r#"map[a:]"#),
        ),
        (
            r#"{{ merge (dict "a" 0) (dict "a" 5) }}"#,
            Out(r#"map[a:5]"#),
        ),
        (
            r#"{{ merge (dict "a" false) (dict "a" true) }}"#,
            Out(r#"map[a:true]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" true) (dict "a" false) }}"#,
            Out(r#"map[a:false]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 1) (dict "a" 0) }}"#,
            Out(r#"map[a:0]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 1) (dict "a" nil) }}"#,
            Out(r#"map[a:<nil>]"#),
        ),
        (
            r#"{{ merge (dict "a" nil) (dict "a" 1) }}"#,
            Out(r#"map[a:1]"#),
        ),
        (
            r#"{{ merge (dict "a" (list 1)) (dict "a" (list 2 3)) }}"#,
            Out(r#"map[a:[1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list 2 3)) }}"#,
            Out(r#"map[a:[2 3]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list)) }}"#,
            Out(r#"map[a:[]]"#),
        ),
        (
            r#"{{ merge (dict "a" (list)) (dict "a" (list 2)) }}"#,
            Out(r#"map[a:[2]]"#),
        ),
        (
            r#"{{ merge (dict "a" 1) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:1]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "b" 1)) (dict "a" 1) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 1) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" 1)) (dict "a" 1) }}"#,
            Out(r#"map[a:1]"#),
        ),
        (
            r#"{{ merge (dict) (dict "a" 1) (dict "a" 2 "b" 2) }}"#,
            Out(r#"map[a:1 b:2]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict) (dict "a" 1) (dict "a" 2 "b" 2) }}"#,
            Out(r#"map[a:2 b:2]"#),
        ),
        (
            r#"{{ merge .Values.m .Values.nested }}"#,
            Out(r#"map[a:1 b:map[c:d] l:[1 2] x:<nil>]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "x" 1)) (dict "a" (dict)) }}"#,
            Out(r#"map[a:map[x:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "x" 1)) (dict "a" (dict)) }}"#,
            Out(r#"map[a:map[x:1]]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict)) (dict "a" (dict "x" 1)) }}"#,
            Out(r#"map[a:map[x:1]]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "b" (dict "c" 1))) (dict "a" (dict "b" (dict "d" 2))) }}"#,
            Out(r#"map[a:map[b:map[c:1 d:2]]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" (dict "c" 1 "e" "")) ) (dict "a" (dict "b" (dict "c" 2 "e" "x" "d" 2))) }}"#,
            Out(r#"map[a:map[b:map[c:2 d:2 e:x]]]"#),
        ),
        (
            r#"{{ merge (dict "a" "x") (dict "a" "") }}"#,
            Out(r#"map[a:x]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" "x") .Values.em }}"#,
            Out(r#"map[a:x]"#),
        ),
        (
            r#"{{ merge (dict "a" 1) .Values.nil }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ merge .Values.nil (dict "a" 1) }}"#,
            Err(r#"wrong type for value; expected map[string]interface {}; got interface {}"#),
        ),
        (
            r#"{{ mustMerge (dict "a" 1) (dict "b" 2) }}"#,
            Out(r#"map[a:1 b:2]"#),
        ),
        (
            r#"{{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) }}"#,
            Out(r#"map[a:2]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (list 1 2)) (dict "a" "s") }}"#,
            Out(r#"map[a:s]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "b" nil)) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" 1)) (dict "a" (dict "b" nil)) }}"#,
            Out(r#"map[a:map[b:<nil>]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" 1)) (dict "a" nil) }}"#,
            Out(r#"map[a:<nil>]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "b" 1)) (dict "a" nil) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ merge (dict "a" nil) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 0.0) (dict "a" 2.5) }}"#,
            Out(r#"map[a:2.5]"#),
        ),
        (
            r#"{{ deepCopy .Values.m }}"#,
            Out(r#"map[a:1 b:map[c:d] x:<nil>]"#),
        ),
        (r#"{{ deepCopy .Values.l }}"#, Out(r#"[1 two 3.5 <nil>]"#)),
        (
            r#"{{ deepCopy .Values.nil }}"#,
            Err(r#"error calling deepCopy: reflect: call of reflect.Value.Type on zero Value"#),
        ),
        (r#"{{ mustDeepCopy .Values.s }}"#, Out(r#"hello"#)),
        (r#"{{ deepCopy 5 }}"#, Out(r#"5"#)),
        (
            r#"{{ $d := dict "a" (dict "b" 1) }}{{ $c := deepCopy $d }}{{ $_ := set $d.a "b" 2 }}{{ $c }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (r#"{{ regexMatch "^[a-z]+$" "abc" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "^[a-z]+$" "abc1" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "[" "abc" }}"#, Out(r#"false"#)),
        (
            r#"{{ mustRegexMatch "[" "abc" }}"#,
            Err(r#"error calling mustRegexMatch: error parsing regexp: missing closing ]: `[`"#),
        ),
        (r#"{{ regexFind "[0-9]+" "ab12cd34" }}"#, Out(r#"12"#)),
        (r#"{{ regexFind "z" "abc" }}"#, Out(r#""#)),
        (
            r#"{{ regexFindAll "[0-9]+" "ab12cd34e5" -1 }}"#,
            Out(r#"[12 34 5]"#),
        ),
        (
            r#"{{ regexFindAll "[0-9]+" "ab12cd34e5" 2 }}"#,
            Out(r#"[12 34]"#),
        ),
        (
            r#"{{ regexFindAll "[0-9]+" "ab12cd34e5" 0 }}"#,
            Out(r#"[]"#),
        ),
        (r#"{{ regexFindAll "z" "abc" -1 }}"#, Out(r#"[]"#)),
        (
            r#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}"#,
            Out(r#"-W-xxW-"#),
        ),
        (
            r#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}"#,
            Out(r#"---"#),
        ),
        (
            r#"{{ regexReplaceAll "(?P<first>[a-z]+) (?P<last>[a-z]+)" "john smith" "$last, $first" }}"#,
            Out(r#"smith, john"#),
        ),
        (r#"{{ regexReplaceAll "a" "aaa" "$$" }}"#, Out(r#"$$$"#)),
        (r#"{{ regexReplaceAll "a" "aaa" "$2x" }}"#, Out(r#""#)),
        (
            r#"{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}"#,
            Out(r#"-${1}-${1}-"#),
        ),
        (r#"{{ regexSplit "z+" "pizza" -1 }}"#, Out(r#"[pi a]"#)),
        (r#"{{ regexSplit "z+" "pizza" 1 }}"#, Out(r#"[pizza]"#)),
        (r#"{{ regexSplit "z+" "pizza" 0 }}"#, Out(r#"[]"#)),
        (r#"{{ regexSplit "" "abc" -1 }}"#, Out(r#"[a b c]"#)),
        (r#"{{ regexSplit "a*" "baaac" -1 }}"#, Out(r#"[b c]"#)),
        (r#"{{ regexSplit "," "" -1 }}"#, Out(r#"[]"#)),
        (r#"{{ regexQuoteMeta "a.b*c" }}"#, Out(r#"a\.b\*c"#)),
        (r#"{{ regexFind "(?i)ABC" "xabcx" }}"#, Out(r#"abc"#)),
        (
            r#"{{ regexReplaceAll "\\s+" "a  b   c" " " }}"#,
            Out(r#"a b c"#),
        ),
        (r#"{{ regexFindAll "a*" "baaab" -1 }}"#, Out(r#"[ aaa ]"#)),
        (r#"{{ regexReplaceAll "a*" "baaab" "-" }}"#, Out(r#"-b-b-"#)),
        (r#"{{ regexReplaceAll "" "abc" "-" }}"#, Out(r#"-a-b-c-"#)),
        (r#"{{ regexMatch "\\d" "١" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\w" "é" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\s" "\u00a0" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "[[:alpha:]]" "é" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\bé" "é" }}"#, Out(r#"false"#)),
        (
            r#"{{ regexFind "[" "a" }}"#,
            Err(
                r#"error calling regexFind: regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`"#,
            ),
        ),
        (r#"{{ regexReplaceAll "(a)" "a" "${1" }}"#, Out(r#"${1"#)),
        (r#"{{ regexReplaceAll "(a)" "a" "$1a" }}"#, Out(r#""#)),
        (
            r#"{{ regexReplaceAll "(?P<n>a)" "a" "${n}b" }}"#,
            Out(r#"ab"#),
        ),
        (r#"{{ regexReplaceAll "(a)" "a" "$0$1" }}"#, Out(r#"aa"#)),
        (r#"{{ regexReplaceAll "(a)" "a" "$10" }}"#, Out(r#""#)),
        (r#"{{ regexReplaceAll "." "héllo" "x" }}"#, Out(r#"xxxxx"#)),
        (r#"{{ regexSplit "l" "hello" 2 }}"#, Out(r#"[he lo]"#)),
        (
            r#"{{ mustRegexFindAll "[" "a" -1 }}"#,
            Err(r#"error calling mustRegexFindAll: error parsing regexp: missing closing ]: `[`"#),
        ),
        (
            r#"{{ mustRegexSplit "[" "a" -1 }}"#,
            Err(r#"error calling mustRegexSplit: error parsing regexp: missing closing ]: `[`"#),
        ),
        (
            r#"{{ mustRegexReplaceAll "[" "a" "b" }}"#,
            Err(
                r#"error calling mustRegexReplaceAll: error parsing regexp: missing closing ]: `[`"#,
            ),
        ),
        (r#"{{ regexFindAll "." "abc" 1 }}"#, Out(r#"[a]"#)),
        (r#"{{ b64enc "hello" }}"#, Out(r#"aGVsbG8="#)),
        (r#"{{ b64enc "" }}"#, Out(r#""#)),
        (
            r#"{{ b64enc "héllo wörld!?" }}"#,
            Out(r#"aMOpbGxvIHfDtnJsZCE/"#),
        ),
        (r#"{{ b64dec "aGVsbG8=" }}"#, Out(r#"hello"#)),
        (
            r#"{{ b64dec "aGVsbG8" }}"#,
            Out(r#"illegal base64 data at input byte 4"#),
        ),
        (
            r#"{{ b64dec "!!" }}"#,
            Out(r#"illegal base64 data at input byte 0"#),
        ),
        (r#"{{ b64dec "" }}"#, Out(r#""#)),
        (r#"{{ b64dec "aGVsbA==" }}"#, Out(r#"hell"#)),
        (
            r#"{{ b64dec "aGVsbA=" }}"#,
            Out(r#"illegal base64 data at input byte 7"#),
        ),
        (
            r#"{{ b64dec "aGV sbG8=" }}"#,
            Out(r#"illegal base64 data at input byte 3"#),
        ),
        (r#"{{ b64dec "aGVs\nbG8=" }}"#, Out(r#"hello"#)),
        (r#"{{ b64dec "aGVsbG9=" }}"#, Out(r#"hello"#)),
        (
            r#"{{ b64enc .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (r#"{{ b32enc "hello" }}"#, Out(r#"NBSWY3DP"#)),
        (r#"{{ b32dec "NBSWY3DP" }}"#, Out(r#"hello"#)),
        (
            r#"{{ b32dec "!!" }}"#,
            Out(r#"illegal base32 data at input byte 0"#),
        ),
        (r#"{{ b32enc "" }}"#, Out(r#""#)),
        (
            r#"{{ b32dec "NBSWY3D" }}"#,
            Out(r#"illegal base32 data at input byte 0"#),
        ),
        (
            r#"{{ sha256sum "hello" }}"#,
            Out(r#"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"#),
        ),
        (
            r#"{{ sha256sum "" }}"#,
            Out(r#"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"#),
        ),
        (
            r#"{{ sha1sum "hello" }}"#,
            Out(r#"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"#),
        ),
        (
            r#"{{ sha1sum "" }}"#,
            Out(r#"da39a3ee5e6b4b0d3255bfef95601890afd80709"#),
        ),
        (
            r#"{{ sha512sum "hello" }}"#,
            Out(
                r#"9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"#,
            ),
        ),
        (r#"{{ adler32sum "hello" }}"#, Out(r#"103547413"#)),
        (r#"{{ adler32sum "" }}"#, Out(r#"1"#)),
        (
            r#"{{ sha256sum (repeat 100 "abc") }}"#,
            Out(r#"d9f5aeb06abebb3be3f38adec9a2e3b94228d52193be923eb4e24c9b56ee0930"#),
        ),
        (
            r#"{{ sha1sum (repeat 100 "abc") }}"#,
            Out(r#"c95466320eaae6d19ee314ae4f135b12d45ced9a"#),
        ),
        (
            r#"{{ sha512sum (repeat 100 "abc") }}"#,
            Out(
                r#"01bb4dcc9a05e5e1dec199e763274f275432cefa91177f01e3d6e6353244369fa0669cddc67456c941b42ba04c7b196d6fda6700e2498dc8c83200db134b43c7"#,
            ),
        ),
        (
            r#"{{ adler32sum (repeat 10000 "xyz") }}"#,
            Out(r#"541419242"#),
        ),
        (
            r#"{{ sha256sum .Values.i }}"#,
            Err(r#"wrong type for value; expected string; got float64"#),
        ),
        (r#"{{ len (randAlphaNum 10) }}"#, Out(r#"10"#)),
        (r#"{{ len (randAlpha 7) }}"#, Out(r#"7"#)),
        (r#"{{ len (randNumeric 5) }}"#, Out(r#"5"#)),
        (r#"{{ len (randAscii 12) }}"#, Out(r#"12"#)),
        (r#"{{ randAlphaNum 0 }}"#, Out(r#""#)),
        (r#"{{ randAlpha -1 }}"#, Out(r#""#)),
        (r#"{{ len uuidv4 }}"#, Out(r#"36"#)),
        (r#"{{ len (randBytes 10) }}"#, Out(r#"16"#)),
        (r#"{{ randBytes 0 }}"#, Out(r#""#)),
        (
            r#"{{ randAlphaNum .Values.f }}"#,
            Err(r#"wrong type for value; expected int; got float64"#),
        ),
        (r#"{{ kindOf .Values.s }}"#, Out(r#"string"#)),
        (r#"{{ kindOf .Values.f }}"#, Out(r#"float64"#)),
        (r#"{{ kindOf .Values.b }}"#, Out(r#"bool"#)),
        (r#"{{ kindOf .Values.l }}"#, Out(r#"slice"#)),
        (r#"{{ kindOf .Values.m }}"#, Out(r#"map"#)),
        (r#"{{ kindOf .Values.nil }}"#, Out(r#"invalid"#)),
        (r#"{{ kindOf 1 }}"#, Out(r#"int"#)),
        (r#"{{ kindOf (list) }}"#, Out(r#"slice"#)),
        (r#"{{ kindOf (dict) }}"#, Out(r#"map"#)),
        (r#"{{ kindIs "string" .Values.s }}"#, Out(r#"true"#)),
        (r#"{{ kindIs "int" .Values.f }}"#, Out(r#"false"#)),
        (r#"{{ kindIs "invalid" .Values.nil }}"#, Out(r#"true"#)),
        (r#"{{ kindOf 1.5 }}"#, Out(r#"float64"#)),
        (r#"{{ typeOf .Values.s }}"#, Out(r#"string"#)),
        (r#"{{ typeOf .Values.f }}"#, Out(r#"float64"#)),
        (r#"{{ typeOf .Values.l }}"#, Out(r#"[]interface {}"#)),
        (
            r#"{{ typeOf .Values.m }}"#,
            Out(r#"map[string]interface {}"#),
        ),
        (r#"{{ typeOf .Values.nil }}"#, Out(r#"<nil>"#)),
        (r#"{{ typeOf 1 }}"#, Out(r#"int"#)),
        (r#"{{ typeOf true }}"#, Out(r#"bool"#)),
        (r#"{{ typeIs "string" .Values.s }}"#, Out(r#"true"#)),
        (r#"{{ typeIs "float64" .Values.f }}"#, Out(r#"true"#)),
        (r#"{{ typeIsLike "string" .Values.s }}"#, Out(r#"true"#)),
        (r#"{{ typeOf (int 1) }}"#, Out(r#"int"#)),
        (r#"{{ typeOf (float64 1) }}"#, Out(r#"float64"#)),
        (r#"{{ deepEqual .Values.l .Values.l }}"#, Out(r#"true"#)),
        (r#"{{ deepEqual 1 1.0 }}"#, Out(r#"false"#)),
        (r#"{{ deepEqual (list 1) (list 1) }}"#, Out(r#"true"#)),
        (r#"{{ deepEqual nil nil }}"#, Out(r#"true"#)),
        (
            r#"{{ deepEqual .Values.m (deepCopy .Values.m) }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ typeOf (toString 1) }}"#, Out(r#"string"#)),
        (r#"{{ typeOf (atoi "1") }}"#, Out(r#"int"#)),
        (r#"{{ typeOf (len "a") }}"#, Out(r#"int"#)),
        (r#"{{ typeOf (b64enc "a") }}"#, Out(r#"string"#)),
        (
            r#"{{ typeOf (pluck "a" .Values.m) }}"#,
            Out(r#"[]interface {}"#),
        ),
        (r#"{{ typeOf (default 1 nil) }}"#, Out(r#"int"#)),
        (r#"{{ semverCompare ">=1.21-0" "1.21.3" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">=1.21-0" "v1.22.0-eks-1234" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.21" "1.22.0-eks" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare ">=1.21-0" "1.20.9" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "^1.2" "1.9.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^1.2" "2.0.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "~1.2.3" "1.2.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~1.2.3" "1.3.0" }}"#, Out(r#"false"#)),
        (
            r#"{{ semverCompare ">=1.0, <2.0" "1.5.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.0, <2.0" "2.0.0" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare "<1.0 || >=3.0" "3.1.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "<1.0 || >=3.0" "2.0.0" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare "1.2.3 - 1.4.5" "1.4.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "1.2.3 - 1.4.5" "1.5.0" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "1.x" "1.9.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.x" "2.0.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "*" "2.0.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "" "2.0.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: """#),
        ),
        (r#"{{ semverCompare "=1.2.3" "1.2.3" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "!=1.2.3" "1.2.3" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare ">1.2" "1.2.5" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare ">1.2" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "<=1.2" "1.2.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "<=1.2.3" "1.2.4" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "^0.2.3" "0.2.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0.2.3" "0.3.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "^0.0.3" "0.0.4" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "~1" "1.9.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~>1.2" "1.2.9" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "bad" "1.0.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: "bad""#),
        ),
        (
            r#"{{ semverCompare ">=1.0" "bad" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (r#"{{ semverCompare ">=1.0" "1.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare ">=1.0" "01.0.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">= 1.0.0" " 1.0.0" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.21.0-0" "1.21.0-rc.1" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "<1.21.0-0" "1.20.0-rc.1" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-alpha" "1.0.0-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-alpha.10" "1.0.0-alpha.9" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare ">=1.0.0-alpha" "1.0.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "1.2.3+build" "1.2.3" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.21-0" .Values.ver }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "^1.2.3-beta.2" "1.2.3-beta.4" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "^1.2.3-beta.2" "1.2.4-beta.1" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.16.0-0 <1.22.0-0" "1.21.14-gke.700" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.16.0-0,<1.22.0-0" "1.23.1" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "> 1.0" "1.1.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare ">=v1.2" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.2.x" "1.2.7" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "!=1.x" "1.2.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "!=1.x" "2.2.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "!=1.2.x" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare ">1" "1.5.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare ">1.x" "2.0.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "<2" "1.9.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "<=1" "1.9.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0" "0.9.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0.0" "0.0.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0.0" "0.1.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "~0" "0.5.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~0.0.0" "5.0.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^*" "5.0.0" }}"#, Out(r#"false"#)),
        (
            r#"{{ semverCompare "1.2.3||2.0.0" "2.0.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.0 <=1.0" "1.0.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.0 - 2.0" "1.5.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: ">=>= 1.0, <= 2.0 ""#),
        ),
        (r#"{{ semverCompare "1 - 2" "2.5.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "1.0.0 - 2.0.0" "2.0.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.2.3.4" "1.2.3" }}"#,
            Err(r#"error calling semverCompare: improper constraint: ">=1.2.3.4""#),
        ),
        (
            r#"{{ semverCompare ">=1.0.0-01" "1.0.0" }}"#,
            Err(r#"error calling semverCompare: constraint parser error"#),
        ),
        (
            r#"{{ semverCompare ">=1.0" "1.0.0-01" }}"#,
            Err(r#"error calling semverCompare: version segment starts with 0"#),
        ),
        (
            r#"{{ semverCompare ">=1.0" "1.0.0+a..b" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare "=1.0.0-0" "1.0.0-0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.0.0-0" "1.0.0-x" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=99999999999999999999" "1.0.0" }}"#,
            Err(r#"error calling semverCompare: constraint parser error"#),
        ),
        (
            r#"{{ semverCompare ">=1" "99999999999999999999.0.0" }}"#,
            Err(
                r#"error calling semverCompare: error parsing version segment: strconv.ParseUint: parsing "99999999999999999999": value out of range"#,
            ),
        ),
        (r#"{{ semverCompare ">=1.x.3" "1.5.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "=*" "1.0.0-beta" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "*" "1.0.0-beta" }}"#, Out(r#"false"#)),
        (
            r#"{{ semverCompare "" "1.0.0-beta" }}"#,
            Err(r#"error calling semverCompare: improper constraint: """#),
        ),
        (
            r#"{{ semverCompare ">=0.0.0-0" "1.0.0-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "<1.0.0" "1.0.0-beta" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare "<1.0.0-0" "1.0.0-beta" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "1.2" "1.2.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.2" "1.3.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "=1" "1.3.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">=1.2.0-x.1" "1.2.0-x.10" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.2.0-x.a" "1.2.0-x.1" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "^1.x" "1.5.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~1.x" "1.5.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">= 1.2 , < 1.4" "1.3.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.2,,<1.4" "1.3.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: ">=1.2,,<1.4""#),
        ),
        (
            r#"{{ semverCompare ">=1.2 || " "1.3.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: " ""#),
        ),
        (
            r#"{{ semverCompare "V1.2" "1.2.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: "V1.2""#),
        ),
        (
            r#"{{ (semver "1.2.3-beta+b1").Prerelease }}"#,
            Out(r#"beta"#),
        ),
        (r#"{{ (semver "v1.2").Major }}"#, Out(r#"1"#)),
        (r#"{{ (semver "1.2.3").Minor }}"#, Out(r#"2"#)),
        (r#"{{ (semver "1.2.3").Patch }}"#, Out(r#"3"#)),
        (r#"{{ (semver "1.2.3+meta").Metadata }}"#, Out(r#"meta"#)),
        (r#"{{ (semver "v1.2").Original }}"#, Out(r#"v1.2"#)),
        (
            r#"{{ semver "bad" }}"#,
            Err(r#"error calling semver: invalid semantic version"#),
        ),
        (r#"{{ base "/a/b.txt" }}"#, Out(r#"b.txt"#)),
        (r#"{{ base "" }}"#, Out(r#"."#)),
        (r#"{{ base "/" }}"#, Out(r#"/"#)),
        (r#"{{ base "a/b/" }}"#, Out(r#"b"#)),
        (r#"{{ dir "/a/b.txt" }}"#, Out(r#"/a"#)),
        (r#"{{ dir "a" }}"#, Out(r#"."#)),
        (r#"{{ dir "" }}"#, Out(r#"."#)),
        (r#"{{ dir "/a/b/" }}"#, Out(r#"/a/b"#)),
        (r#"{{ clean "a//b/../c/." }}"#, Out(r#"a/c"#)),
        (r#"{{ clean "" }}"#, Out(r#"."#)),
        (r#"{{ clean "/../a" }}"#, Out(r#"/a"#)),
        (r#"{{ clean "../../a/" }}"#, Out(r#"../../a"#)),
        (r#"{{ ext "a/b.tar.gz" }}"#, Out(r#".gz"#)),
        (r#"{{ ext "a/b" }}"#, Out(r#""#)),
        (r#"{{ ext "a.b/c" }}"#, Out(r#""#)),
        (r#"{{ isAbs "/a" }}"#, Out(r#"true"#)),
        (r#"{{ isAbs "a" }}"#, Out(r#"false"#)),
        (r#"{{ osBase "/a/b.txt" }}"#, Out(r#"b.txt"#)),
        (r#"{{ osDir "/a/b" }}"#, Out(r#"/a"#)),
        (r#"{{ osClean "/a/../b" }}"#, Out(r#"/b"#)),
        (r#"{{ osExt "x.y" }}"#, Out(r#".y"#)),
        (r#"{{ osIsAbs "/x" }}"#, Out(r#"true"#)),
        (
            r#"{{ urlParse "https://user:pw@host.com:8080/p/a?q=1&r=2#frag" }}"#,
            Out(
                r#"map[fragment:frag host:host.com:8080 hostname:host.com opaque: path:/p/a query:q=1&r=2 scheme:https userinfo:user:pw]"#,
            ),
        ),
        (r#"{{ (urlParse "http://h/p").host }}"#, Out(r#"h"#)),
        (
            r#"{{ urlParse "bad url%" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "bad url%": invalid URL escape "%""#,
            ),
        ),
        (
            r#"{{ urlJoin (dict "scheme" "https" "host" "h.com" "path" "/p" "query" "a=1") }}"#,
            Out(r#"https://h.com/p?a=1"#),
        ),
        (r#"{{ urlJoin (dict "host" "h") }}"#, Out(r#"//h"#)),
        (
            r#"{{ urlParse "/relative/path?x=1" }}"#,
            Out(
                r#"map[fragment: host: hostname: opaque: path:/relative/path query:x=1 scheme: userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlJoin (dict "scheme" "http" "host" "h" "userinfo" "u:p" "fragment" "f") }}"#,
            Out(r#"http://u:p@h#f"#),
        ),
        (
            r#"{{ urlParse "mailto:a@b.c" }}"#,
            Out(
                r#"map[fragment: host: hostname: opaque:a@b.c path: query: scheme:mailto userinfo:]"#,
            ),
        ),
        (r#"{{ date "2006-01-02" 0 }}"#, Out(r#"1970-01-01"#)),
        (
            r#"{{ dateInZone "2006-01-02 15:04:05 MST" 1700000000 "UTC" }}"#,
            Out(r#"2023-11-14 22:13:20 UTC"#),
        ),
        (
            r#"{{ date "Mon Jan 2 15:04:05 2006" 1700000000 }}"#,
            Out(r#"Tue Nov 14 22:13:20 2023"#),
        ),
        (r#"{{ dateInZone "2006" 0 "Nowhere/Bad" }}"#, Out(r#"1970"#)),
        (r#"{{ htmlDate 86400 }}"#, Out(r#"1970-01-02"#)),
        (r#"{{ htmlDateInZone 86400 "UTC" }}"#, Out(r#"1970-01-02"#)),
        (
            r#"{{ toDate "2006-01-02" "2024-02-29" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02" "2024-02-29" | date "02/01/2006" }}"#,
            Out(r#"29/02/2024"#),
        ),
        (
            r#"{{ toDate "2006-01-02" "bad" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ mustToDate "2006-01-02" "bad" }}"#,
            Err(
                r#"error calling mustToDate: parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006""#,
            ),
        ),
        (
            r#"{{ toDate "2006-01-02" "2024-02-29" | unixEpoch }}"#,
            Out(r#"1709164800"#),
        ),
        (
            r#"{{ dateModify "1h" (toDate "2006-01-02" "2024-02-29") }}"#,
            Out(r#"2024-02-29 01:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ dateModify "bad" (toDate "2006-01-02" "2024-02-29") }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ mustDateModify "bad" (toDate "2006-01-02" "2024-02-29") }}"#,
            Err(r#"error calling mustDateModify: time: invalid duration "bad""#),
        ),
        (r#"{{ durationRound "2h30m" }}"#, Out(r#"2h"#)),
        (r#"{{ durationRound "400h" }}"#, Out(r#"16d"#)),
        (r#"{{ durationRound "9000h" }}"#, Out(r#"1y"#)),
        (r#"{{ durationRound "bad" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound 3600000000000 }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "-3h" }}"#, Out(r#"3h"#)),
        (r#"{{ durationRound "1s" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "1.5s" }}"#, Out(r#"1s"#)),
        (r#"{{ duration 90 }}"#, Out(r#"0s"#)),
        (r#"{{ duration "3700" }}"#, Out(r#"1h1m40s"#)),
        (r#"{{ duration 0 }}"#, Out(r#"0s"#)),
        (r#"{{ duration 0.5 }}"#, Out(r#"0s"#)),
        (
            r#"{{ date "2006-01-02T15:04:05.000Z07:00" 1700000000 }}"#,
            Out(r#"2023-11-14T22:13:20.000Z"#),
        ),
        (
            r#"{{ date "Jan _2 3:4:5 PM pm .999 .000000 -0700 Z0700 -07 Monday" 1700000000 }}"#,
            Out(r#"Nov 14 10:13:20 PM pm  .000000 +0000 Z +00 Tuesday"#),
        ),
        (
            r#"{{ date "06 1 2 __2 002" 1700000000 }}"#,
            Out(r#"23 11 14 318 318"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05" "2024-02-29 13:14:15" }}"#,
            Out(r#"2024-02-29 13:14:15 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T13:14:15+02:00" | unixEpoch }}"#,
            Out(r#"1709205255"#),
        ),
        (
            r#"{{ date "2006-01-02" (toDate "2006-01-02" "2024-02-29") }}"#,
            Out(r#"2024-02-29"#),
        ),
        (r#"{{ duration 100000 }}"#, Out(r#"0s"#)),
        (r#"{{ duration 3661.5 }}"#, Out(r#"0s"#)),
        (r#"{{ getHostByName "localhost" }}"#, Out(r#""#)),
        (r#"{{ hello }}"#, Out(r#"Hello!"#)),
        (
            r#"{{ toPrettyJson .Values.m }}"#,
            Out(r#"{
  "a": 1,
  "b": {
    "c": "d"
  },
  "x": null
}"#),
        ),
        (
            r#"{{ toRawJson (dict "a" "<b>&" "n" 1.5 "i" 1000000 "l" (list 1 nil true)) }}"#,
            Out(r#"{"a":"<b>&","i":1000000,"l":[1,null,true],"n":1.5}"#),
        ),
        (
            r#"{{ toPrettyJson (dict "a" "<b>") }}"#,
            Out(r#"{
  "a": "\u003cb\u003e"
}"#),
        ),
        (r#"{{ toPrettyJson (list) }}"#, Out(r#"[]"#)),
        (r#"{{ toPrettyJson (dict) }}"#, Out(r#"{}"#)),
        (r#"{{ toRawJson .Values.nil }}"#, Out(r#"null"#)),
        (r#"{{ toPrettyJson "s" }}"#, Out(r#""s""#)),
        (r#"{{ toRawJson 1e21 }}"#, Out(r#"1e+21"#)),
        (r#"{{ toRawJson 1e-7 }}"#, Out(r#"1e-7"#)),
        (r#"{{ toRawJson 0.000001 }}"#, Out(r#"0.000001"#)),
        (r#"{{ toRawJson 123456789.0 }}"#, Out(r#"123456789"#)),
        (
            r#"{{ toRawJson "\u2028\u0001\t\"" }}"#,
            Out(r#""\u2028\u0001\t\"""#),
        ),
        (
            r#"{{ toPrettyJson (dict "a" (dict "b" (list 1 2)) "c" (list)) }}"#,
            Out(r#"{
  "a": {
    "b": [
      1,
      2
    ]
  },
  "c": []
}"#),
        ),
        (r#"{{ mustToPrettyJson .Values.s }}"#, Out(r#""hello""#)),
        (
            r#"{{ mustToRawJson .Values.l }}"#,
            Out(r#"[1,"two",3.5,null]"#),
        ),
        (r#"{{ mustFromJson "{\"a\": 1}" }}"#, Out(r#"map[a:1]"#)),
        (
            r#"{{ (mustFromJson "[1, 2.5, \"x\", null, true]") }}"#,
            Out(r#"[1 2.5 x <nil> true]"#),
        ),
        (r#"{{ toPrettyJson 3.0 }}"#, Out(r#"3"#)),
        (r#"{{ toRawJson -0.0 }}"#, Out(r#"-0"#)),
        (r#"{{ camelcase "HELLO_WORLD" }}"#, Out(r#"HelloWorld"#)),
        (r#"{{ snakecase "HELLO_WORLD" }}"#, Out(r#"hello_world"#)),
        (r#"{{ kebabcase "HELLO_WORLD" }}"#, Out(r#"hello-world"#)),
        (r#"{{ camelcase "helloWorld" }}"#, Out(r#"HelloWorld"#)),
        (r#"{{ snakecase "helloWorld" }}"#, Out(r#"hello_world"#)),
        (r#"{{ kebabcase "helloWorld" }}"#, Out(r#"hello-world"#)),
        (r#"{{ camelcase "Hello" }}"#, Out(r#"Hello"#)),
        (r#"{{ snakecase "Hello" }}"#, Out(r#"hello"#)),
        (r#"{{ kebabcase "Hello" }}"#, Out(r#"hello"#)),
        (r#"{{ camelcase "a" }}"#, Out(r#"A"#)),
        (r#"{{ snakecase "a" }}"#, Out(r#"a"#)),
        (r#"{{ kebabcase "a" }}"#, Out(r#"a"#)),
        (r#"{{ camelcase "__" }}"#, Out(r#"___"#)),
        (r#"{{ snakecase "__" }}"#, Out(r#"__"#)),
        (r#"{{ kebabcase "__" }}"#, Out(r#"--"#)),
        (r#"{{ camelcase "ab_" }}"#, Out(r#"Ab_"#)),
        (r#"{{ snakecase "ab_" }}"#, Out(r#"ab_"#)),
        (r#"{{ kebabcase "ab_" }}"#, Out(r#"ab-"#)),
        (r#"{{ camelcase "a__b" }}"#, Out(r#"A_B"#)),
        (r#"{{ snakecase "a__b" }}"#, Out(r#"a__b"#)),
        (r#"{{ kebabcase "a__b" }}"#, Out(r#"a--b"#)),
        (r#"{{ camelcase "hello  world" }}"#, Out(r#"Hello World"#)),
        (r#"{{ snakecase "hello  world" }}"#, Out(r#"hello__world"#)),
        (r#"{{ kebabcase "hello  world" }}"#, Out(r#"hello--world"#)),
        (
            r#"{{ camelcase "http_server_URL" }}"#,
            Out(r#"HttpServerUrl"#),
        ),
        (
            r#"{{ snakecase "http_server_URL" }}"#,
            Out(r#"http_server_url"#),
        ),
        (
            r#"{{ kebabcase "http_server_URL" }}"#,
            Out(r#"http-server-url"#),
        ),
        (r#"{{ camelcase "HTTP20xOK" }}"#, Out(r#"Http20xOK"#)),
        (r#"{{ snakecase "HTTP20xOK" }}"#, Out(r#"http_20x_ok"#)),
        (r#"{{ kebabcase "HTTP20xOK" }}"#, Out(r#"http-20x-ok"#)),
        (r#"{{ camelcase "Duration2m3s" }}"#, Out(r#"Duration2m3s"#)),
        (r#"{{ snakecase "Duration2m3s" }}"#, Out(r#"duration_2m3s"#)),
        (r#"{{ kebabcase "Duration2m3s" }}"#, Out(r#"duration-2m3s"#)),
        (r#"{{ camelcase "Bld4Floor3rd" }}"#, Out(r#"Bld4Floor3rd"#)),
        (
            r#"{{ snakecase "Bld4Floor3rd" }}"#,
            Out(r#"bld4_floor_3rd"#),
        ),
        (
            r#"{{ kebabcase "Bld4Floor3rd" }}"#,
            Out(r#"bld4-floor-3rd"#),
        ),
        (r#"{{ camelcase "http2xx" }}"#, Out(r#"Http2xx"#)),
        (r#"{{ snakecase "http2xx" }}"#, Out(r#"http_2xx"#)),
        (r#"{{ kebabcase "http2xx" }}"#, Out(r#"http-2xx"#)),
        (r#"{{ camelcase "GO-PATH" }}"#, Out(r#"GoPath"#)),
        (r#"{{ snakecase "GO-PATH" }}"#, Out(r#"go_path"#)),
        (r#"{{ kebabcase "GO-PATH" }}"#, Out(r#"go-path"#)),
        (r#"{{ camelcase "FirstName" }}"#, Out(r#"FirstName"#)),
        (r#"{{ snakecase "FirstName" }}"#, Out(r#"first_name"#)),
        (r#"{{ kebabcase "FirstName" }}"#, Out(r#"first-name"#)),
        (r#"{{ camelcase "héllo Wörld" }}"#, Out(r#"HélloWörld"#)),
        (r#"{{ snakecase "héllo Wörld" }}"#, Out(r#"héllo_wörld"#)),
        (r#"{{ kebabcase "héllo Wörld" }}"#, Out(r#"héllo-wörld"#)),
        (r#"{{ camelcase "a.b" }}"#, Out(r#"A.b"#)),
        (r#"{{ snakecase "a.b" }}"#, Out(r#"a.b"#)),
        (r#"{{ kebabcase "a.b" }}"#, Out(r#"a.b"#)),
        (r#"{{ camelcase "foo_Bar" }}"#, Out(r#"FooBar"#)),
        (r#"{{ snakecase "foo_Bar" }}"#, Out(r#"foo_bar"#)),
        (r#"{{ kebabcase "foo_Bar" }}"#, Out(r#"foo-bar"#)),
        (r#"{{ camelcase "x-Y" }}"#, Out(r#"XY"#)),
        (r#"{{ snakecase "x-Y" }}"#, Out(r#"x_y"#)),
        (r#"{{ kebabcase "x-Y" }}"#, Out(r#"x-y"#)),
        (r#"{{ camelcase "ÉtéÀ" }}"#, Out(r#"ÉtéÀ"#)),
        (r#"{{ snakecase "ÉtéÀ" }}"#, Out(r#"été_à"#)),
        (r#"{{ kebabcase "ÉtéÀ" }}"#, Out(r#"été-à"#)),
        (r#"{{ camelcase "a1b" }}"#, Out(r#"A1b"#)),
        (r#"{{ snakecase "a1b" }}"#, Out(r#"a_1b"#)),
        (r#"{{ kebabcase "a1b" }}"#, Out(r#"a-1b"#)),
        (r#"{{ camelcase "1a" }}"#, Out(r#"1a"#)),
        (r#"{{ snakecase "1a" }}"#, Out(r#"1a"#)),
        (r#"{{ kebabcase "1a" }}"#, Out(r#"1a"#)),
        (r#"{{ camelcase "--a--" }}"#, Out(r#"--A--"#)),
        (r#"{{ snakecase "--a--" }}"#, Out(r#"__a__"#)),
        (r#"{{ kebabcase "--a--" }}"#, Out(r#"--a--"#)),
        (r#"{{ camelcase "a b-c_d" }}"#, Out(r#"ABCD"#)),
        (r#"{{ snakecase "a b-c_d" }}"#, Out(r#"a_b_c_d"#)),
        (r#"{{ kebabcase "a b-c_d" }}"#, Out(r#"a-b-c-d"#)),
        (r#"{{ camelcase "" }}"#, Out(r#""#)),
        (r#"{{ snakecase "" }}"#, Out(r#""#)),
        (r#"{{ kebabcase "" }}"#, Out(r#""#)),
        (r#"{{ camelcase "Ab" }}"#, Out(r#"Ab"#)),
        (r#"{{ snakecase "Ab" }}"#, Out(r#"ab"#)),
        (r#"{{ kebabcase "Ab" }}"#, Out(r#"ab"#)),
        (r#"{{ camelcase "aB" }}"#, Out(r#"AB"#)),
        (r#"{{ snakecase "aB" }}"#, Out(r#"a_b"#)),
        (r#"{{ kebabcase "aB" }}"#, Out(r#"a-b"#)),
        (r#"{{ camelcase "NoHTTPS" }}"#, Out(r#"NoHTTPS"#)),
        (r#"{{ snakecase "NoHTTPS" }}"#, Out(r#"no_https"#)),
        (r#"{{ kebabcase "NoHTTPS" }}"#, Out(r#"no-https"#)),
        (r#"{{ camelcase "a.B" }}"#, Out(r#"A.B"#)),
        (r#"{{ snakecase "a.B" }}"#, Out(r#"a.b"#)),
        (r#"{{ kebabcase "a.B" }}"#, Out(r#"a.b"#)),
        (r#"{{ camelcase "hello.world" }}"#, Out(r#"Hello.world"#)),
        (r#"{{ snakecase "hello.world" }}"#, Out(r#"hello.world"#)),
        (r#"{{ kebabcase "hello.world" }}"#, Out(r#"hello.world"#)),
        (r#"{{ camelcase "ĲK" }}"#, Out(r#"Ĳk"#)),
        (r#"{{ snakecase "ĲK" }}"#, Out(r#"ĳk"#)),
        (r#"{{ kebabcase "ĲK" }}"#, Out(r#"ĳk"#)),
        (r#"{{ swapcase "hello world" }}"#, Out(r#"HELLO WORLD"#)),
        (r#"{{ swapcase "ǅa ǆ" }}"#, Out(r#"ǆA ǅ"#)),
        (r#"{{ swapcase "hello\tworld" }}"#, Out(r#"HELLO	WORLD"#)),
        (r#"{{ title "ǆx ß ﬁ" }}"#, Out(r#"ǅx ß ﬁ"#)),
        (r#"{{ upper "ßﬁǆ" }}"#, Out(r#"ßﬁǄ"#)),
        (r#"{{ lower "İΣ" }}"#, Out(r#"iσ"#)),
        (r#"{{ untitle "ABC DEF\tGHI" }}"#, Out(r#"aBC dEF	gHI"#)),
        (r#"{{ title "x\u00a0y" }}"#, Out(r#"X Y"#)),
        (r#"{{ title "a·b a–b" }}"#, Out(r#"A·b A–b"#)),
        (r#"{{ title "٣x" }}"#, Out(r#"٣x"#)),
        (
            r#"{{ merge (dict "a" (dict)) (dict "a" 1) }}"#,
            Out(r#"map[a:1]"#),
        ),
        (
            r#"{{ merge (dict "a" 0) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" 1)) (dict "a" (dict)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ merge (dict "a" (list)) (dict "a" (dict "b" 1)) }}"#,
            Out(r#"map[a:map[b:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" "") (dict "a" nil) }}"#,
            Out(r#"map[a:<nil>]"#),
        ),
        (
            r#"{{ merge (dict "a" "") (dict "a" nil) }}"#,
            Out(r#"map[a:]"#),
        ),
        (
            r#"{{ merge (dict "a" (list 1)) (dict "a" (list)) }}"#,
            Out(r#"map[a:[1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "b" (list 1))) (dict "a" (dict "b" (list))) }}"#,
            Out(r#"map[a:map[b:[]]]"#),
        ),
        (
            r#"{{ merge (dict "a" (list (dict "x" 1))) (dict "a" (list (dict "y" 2))) }}"#,
            Out(r#"map[a:[map[x:1]]]"#),
        ),
        (
            r#"{{ merge (dict "a" nil) (dict "a" nil "b" nil) }}"#,
            Out(r#"map[a:<nil>]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" 1) (dict "b" nil) }}"#,
            Out(r#"map[a:1 b:<nil>]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "b" 0)) (dict "a" (dict "b" 5)) }}"#,
            Out(r#"map[a:map[b:5]]"#),
        ),
        (
            r#"{{ merge (dict "a" 0.0) (dict "a" 2.5) }}"#,
            Out(r#"map[a:2.5]"#),
        ),
        (
            r#"{{ merge (dict "a" false) (dict "a" nil) }}"#,
            Out(r#"map[a:false]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict) (dict "a" (dict "b" (dict))) }}"#,
            Out(r#"map[a:map[b:map[]]]"#),
        ),
        (r#"{{ chunk -1 (list 1 2) }}"#, Out(r#"[]"#)),
        (r#"{{ chunk 1 (list) }}"#, Out(r#"[]"#)),
        (r#"{{ chunk 5 (list 1 2) }}"#, Out(r#"[[1 2]]"#)),
        (
            r#"{{ randInt 4 3 }}"#,
            Err(r#"error calling randInt: invalid argument to Intn"#),
        ),
        (
            r#"{{ randInt 3 3 }}"#,
            Err(r#"error calling randInt: invalid argument to Intn"#),
        ),
        (r#"{{ randInt -5 -4 }}"#, Out(r#"-5"#)),
        (r#"{{ regexFindAll "a|" "baaab" -1 }}"#, Out(r#"[ a a a ]"#)),
        (r#"{{ regexReplaceAll "x*" "abc" "-" }}"#, Out(r#"-a-b-c-"#)),
        (
            r#"{{ regexReplaceAllLiteral "a*" "baaab" "$" }}"#,
            Out(r#"$b$b$"#),
        ),
        (r#"{{ regexSplit "x*" "axb" -1 }}"#, Out(r#"[a b]"#)),
        (r#"{{ regexSplit "," "a,b,c" 2 }}"#, Out(r#"[a b,c]"#)),
        (
            r#"{{ regexReplaceAll "(?P<x>a)" "a" "$x$" }}"#,
            Out(r#"a$"#),
        ),
        (r#"{{ regexReplaceAll "a" "a" "${}" }}"#, Out(r#"${}"#)),
        (r#"{{ regexFindAll "\\b" "ab cd" -1 }}"#, Out(r#"[   ]"#)),
        (r#"{{ regexMatch "\\Qa.b\\E" "a.b" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "\\Qa.b\\E" "axb" }}"#, Out(r#"false"#)),
        (
            r#"{{ regexFindAll "[\\d_]+" "a1_2é٣" -1 }}"#,
            Out(r#"[1_2]"#),
        ),
        (
            r#"{{ regexFindAll "[^\\d]+" "a1٣b" -1 }}"#,
            Out(r#"[a ٣b]"#),
        ),
        (r#"{{ regexFindAll "\\W+" "a é-b" -1 }}"#, Out(r#"[ é-]"#)),
        (
            r#"{{ regexReplaceAll "(a)(b)?" "a" "[$2]" }}"#,
            Out(r#"[]"#),
        ),
        (r#"{{ regexReplaceAll "a" "a" "$01" }}"#, Out(r#""#)),
        (r#"{{ regexReplaceAll "(a)" "a" "$01" }}"#, Out(r#""#)),
        (r#"{{ regexReplaceAll "(a)" "a" "${01}" }}"#, Out(r#""#)),
        (r#"{{ regexFindAll "" "héy" -1 }}"#, Out(r#"[   ]"#)),
        (r#"{{ regexSplit "" "héy" -1 }}"#, Out(r#"[h é y]"#)),
        (r#"{{ regexReplaceAll "" "héy" "-" }}"#, Out(r#"-h-é-y-"#)),
        (r#"{{ regexSplit "b" "abc" 1 }}"#, Out(r#"[abc]"#)),
        (r#"{{ regexSplit "b" "abcb" -1 }}"#, Out(r#"[a c ]"#)),
        (r#"{{ regexSplit "^" "abc" -1 }}"#, Out(r#"[abc]"#)),
        (r#"{{ regexFind "(?U)a+" "aaa" }}"#, Out(r#"a"#)),
        (r#"{{ regexMatch "a{1001}" "a" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\pL" "é" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "(?i)é" "É" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "[[:^alpha:]]" "1" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "\\z" "" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "x\\Z" "x" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\101" "A" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "\\x41" "A" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "a++" "a" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "(?=a)" "a" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "\\C" "a" }}"#, Out(r#"false"#)),
        (r#"{{ regexReplaceAll "(a)" "a" "$1_x" }}"#, Out(r#""#)),
        (
            r#"{{ atoi "9223372036854775808" }}"#,
            Out(r#"9223372036854775807"#),
        ),
        (r#"{{ int64 "0x" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "1__0" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "_1" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "1_" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "0x1p-2" }}"#, Out(r#"0.25"#)),
        (r#"{{ float64 "NaN" }}"#, Out(r#"NaN"#)),
        (r#"{{ float64 "-Inf" | toString }}"#, Out(r#"-Inf"#)),
        (r#"{{ float64 "1e400" }}"#, Out(r#"0"#)),
        (r#"{{ float64 "infinity" | toString }}"#, Out(r#"+Inf"#)),
        (r#"{{ float64 ".5" }}"#, Out(r#"0.5"#)),
        (r#"{{ float64 "5." }}"#, Out(r#"5"#)),
        (r#"{{ float64 "+.5e1" }}"#, Out(r#"5"#)),
        (r#"{{ float64 "0x1.8p1" }}"#, Out(r#"3"#)),
        (r#"{{ float64 "0X_1p0" }}"#, Out(r#"1"#)),
        (r#"{{ float64 "1_0.5" }}"#, Out(r#"10.5"#)),
        (r#"{{ float64 "1.5_0" }}"#, Out(r#"1.5"#)),
        (r#"{{ int "1__0" }}"#, Out(r#"0"#)),
        (r#"{{ int "0_1" }}"#, Out(r#"1"#)),
        (r#"{{ int "_1" }}"#, Out(r#"0"#)),
        (r#"{{ int "0x_1F" }}"#, Out(r#"31"#)),
        (r#"{{ int "-0x10" }}"#, Out(r#"-16"#)),
        (r#"{{ int "0X1f" }}"#, Out(r#"31"#)),
        (r#"{{ int "0B11" }}"#, Out(r#"3"#)),
        (r#"{{ int "00" }}"#, Out(r#"0"#)),
        (r#"{{ int "0" }}"#, Out(r#"0"#)),
        (r#"{{ int "-0" }}"#, Out(r#"0"#)),
        (r#"{{ int "0.0" }}"#, Out(r#"0"#)),
        (r#"{{ int ".0" }}"#, Out(r#"0"#)),
        (r#"{{ int "3." }}"#, Out(r#"0"#)),
        (r#"{{ int "1.50" }}"#, Out(r#"0"#)),
        (r#"{{ int "10.00" }}"#, Out(r#"10"#)),
        (r#"{{ int "0x10.0" }}"#, Out(r#"16"#)),
        (r#"{{ int "1_000.0" }}"#, Out(r#"1000"#)),
        (r#"{{ int "-3.0" }}"#, Out(r#"-3"#)),
        (r#"{{ int 2.5 }}"#, Out(r#"2"#)),
        (r#"{{ int -2.5 }}"#, Out(r#"-2"#)),
        (r#"{{ toDecimal "-17" }}"#, Out(r#"-15"#)),
        (r#"{{ toDecimal "0o17" }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal " 17" }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal 8.0 }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal true }}"#, Out(r#"0"#)),
        (r#"{{ toDecimal nil }}"#, Out(r#"0"#)),
        (r#"{{ add true "x" }}"#, Out(r#"1"#)),
        (r#"{{ div 7 2.0 }}"#, Out(r#"3"#)),
        (r#"{{ mod -7 -3 }}"#, Out(r#"-1"#)),
        (r#"{{ max "5" "10" }}"#, Out(r#"10"#)),
        (r#"{{ round 2.345 2 }}"#, Out(r#"2.35"#)),
        (r#"{{ round 1.005 2 }}"#, Out(r#"1"#)),
        (r#"{{ floor "abc" }}"#, Out(r#"0"#)),
        (r#"{{ round 2.5 -1 }}"#, Out(r#"0"#)),
        (r#"{{ round -0.4 0 }}"#, Out(r#"-1"#)),
        (r#"{{ mulf 0.1 0.2 }}"#, Out(r#"0.02"#)),
        (r#"{{ subf 0.3 0.1 }}"#, Out(r#"0.2"#)),
        (r#"{{ divf 2 3 }}"#, Out(r#"0.6666666666666667"#)),
        (r#"{{ divf -2 3 }}"#, Out(r#"-0.6666666666666667"#)),
        (r#"{{ divf 1 7 }}"#, Out(r#"0.1428571428571429"#)),
        (r#"{{ addf 1e300 1e-300 | toString }}"#, Out(r#"1e+300"#)),
        (r#"{{ mulf 1e200 1e200 | toString }}"#, Out(r#"+Inf"#)),
        (r#"{{ divf 10 3 }}"#, Out(r#"3.3333333333333335"#)),
        (r#"{{ addf "1.5" 1 }}"#, Out(r#"2.5"#)),
        (r#"{{ addf nil 1 }}"#, Out(r#"1"#)),
        (r#"{{ divf 0.1 3 }}"#, Out(r#"0.0333333333333333"#)),
        (
            r#"{{ divf 123456789 0.001 | toString }}"#,
            Out(r#"1.23456789e+11"#),
        ),
        (
            r#"{{ mulf 1.23456789 9.87654321 }}"#,
            Out(r#"12.193263111263526"#),
        ),
        (r#"{{ addf 0.1 0.7 }}"#, Out(r#"0.8"#)),
        (r#"{{ subf 1 0.9 }}"#, Out(r#"0.1"#)),
        (r#"{{ divf 5 2.5e-10 | toString }}"#, Out(r#"2e+10"#)),
        (r#"{{ maxf "x" 1 }}"#, Out(r#"1"#)),
        (r#"{{ ceil -0.5 }}"#, Out(r#"-0"#)),
        (r#"{{ floor -0.5 }}"#, Out(r#"-1"#)),
        (r#"{{ round 5.5 0 0.6 }}"#, Out(r#"5"#)),
        (r#"{{ quote 1e21 }}"#, Out(r#""1e+21""#)),
        (
            r#"{{ toString (list 1.0 2.5 1e21 true nil) }}"#,
            Out(r#"[1 2.5 1e+21 true <nil>]"#),
        ),
        (
            r#"{{ sortAlpha (list (dict "b" 1) "a") }}"#,
            Out(r#"[a map[b:1]]"#),
        ),
        (r#"{{ cat 1.0 2 }}"#, Out(r#"1 2"#)),
        (r#"{{ squote 1.0 }}"#, Out(r#"'1'"#)),
        (
            r#"{{ toString (dict "a" (list 1e7)) }}"#,
            Out(r#"map[a:[1e+07]]"#),
        ),
        (r#"{{ join ", " (list 1e6 "x") }}"#, Out(r#"1e+06, x"#)),
        (r#"{{ empty 0.0 }}"#, Out(r#"true"#)),
        (r#"{{ coalesce 0.0 "" nil }}"#, Out(r#""#)),
        (r#"{{ dict "a" 1 | toString }}"#, Out(r#"map[a:1]"#)),
        (r#"{{ print 1.0 }}"#, Out(r#"1"#)),
        (r#"{{ repeat 3 "" }}"#, Out(r#""#)),
        (r#"{{ indent 3 "" }}"#, Out(r#"   "#)),
        (
            r#"{{ nindent 0 "a" }}"#,
            Out(r#"
a"#),
        ),
        (r#"{{ substr 0 0 "" }}"#, Out(r#""#)),
        (
            r#"{{ substr -1 -1 "abc" }}"#,
            Err(r#"error calling substr: runtime error: slice bounds out of range [:-1]"#),
        ),
        (r#"{{ substr 0 -1 "abc" }}"#, Out(r#"abc"#)),
        (
            r#"{{ substr 4 -1 "abc" }}"#,
            Err(r#"error calling substr: runtime error: slice bounds out of range [4:3]"#),
        ),
        (r#"{{ trunc 0 "" }}"#, Out(r#""#)),
        (r#"{{ abbrevboth 5 7 "1234567890" }}"#, Out(r#"...6..."#)),
        (
            r#"{{ abbrevboth 10 7 "1234567890abcdef" }}"#,
            Out(r#"...a..."#),
        ),
        (
            r#"{{ abbrevboth 3 8 "1234567890abcdef" }}"#,
            Out(r#"12345..."#),
        ),
        (r#"{{ abbrev 4 "" }}"#, Out(r#""#)),
        (
            r#"{{ abbrevboth 20 10 "1234567890abcdef" }}"#,
            Out(r#"...0abcdef"#),
        ),
        (
            r#"{{ wrap 0 "a b" }}"#,
            Out(r#"a
b"#),
        ),
        (
            r#"{{ wrapWith 3 "" "abcdefgh ij" }}"#,
            Out(r#"abc
def
gh
ij"#),
        ),
        (
            r#"{{ wrap 5 "  hello world" }}"#,
            Out(r#"hello
world"#),
        ),
        (
            r#"{{ wrapWith 4 "|" "abcdefghij" }}"#,
            Out(r#"abcd|efgh|ij"#),
        ),
        (r#"{{ initials "héllo wörld" }}"#, Out(r#"hw"#)),
        (r#"{{ nospace "é" }}"#, Out(r#"é"#)),
        (r#"{{ plural "a" "b" -1 }}"#, Out(r#"b"#)),
        (
            r#"{{ urlParse "http://[::1]:80/x%20y?q#f%20g" }}"#,
            Out(
                r#"map[fragment:f g host:[::1]:80 hostname:::1 opaque: path:/x y query:q scheme:http userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "HTTP://Example.COM/" }}"#,
            Out(
                r#"map[fragment: host:Example.COM hostname:Example.COM opaque: path:/ query: scheme:http userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "//host/p" }}"#,
            Out(
                r#"map[fragment: host:host hostname:host opaque: path:/p query: scheme: userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "1http://x" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "1http://x": first path segment in URL cannot contain colon"#,
            ),
        ),
        (
            r#"{{ urlParse "a:b:c" }}"#,
            Out(r#"map[fragment: host: hostname: opaque:b:c path: query: scheme:a userinfo:]"#),
        ),
        (
            r#"{{ urlParse "" }}"#,
            Out(r#"map[fragment: host: hostname: opaque: path: query: scheme: userinfo:]"#),
        ),
        (
            r#"{{ urlParse "http://u@h" }}"#,
            Out(r#"map[fragment: host:h hostname:h opaque: path: query: scheme:http userinfo:u]"#),
        ),
        (
            r#"{{ urlParse "http://u:@h" }}"#,
            Out(r#"map[fragment: host:h hostname:h opaque: path: query: scheme:http userinfo:u:]"#),
        ),
        (
            r#"{{ urlParse "http://h:port" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "http://h:port": invalid port ":port" after host"#,
            ),
        ),
        (
            r#"{{ urlParse "p/a:b" }}"#,
            Out(r#"map[fragment: host: hostname: opaque: path:p/a:b query: scheme: userinfo:]"#),
        ),
        (
            r#"{{ urlParse "http://h/a b" }}"#,
            Out(
                r#"map[fragment: host:h hostname:h opaque: path:/a b query: scheme:http userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "http://h/%zz" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "http://h/%zz": invalid URL escape "%zz""#,
            ),
        ),
        (
            r#"{{ urlParse "http://a b.com/" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "http://a b.com/": invalid character " " in host name"#,
            ),
        ),
        (
            r#"{{ urlParse "http://h?x=%zz" }}"#,
            Out(
                r#"map[fragment: host:h hostname:h opaque: path: query:x=%zz scheme:http userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "http://h#%zz" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "http://h#%zz": invalid URL escape "%zz""#,
            ),
        ),
        (
            r#"{{ urlParse "file:///etc/hosts" }}"#,
            Out(
                r#"map[fragment: host: hostname: opaque: path:/etc/hosts query: scheme:file userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlParse "http://%41:8080/" }}"#,
            Err(
                r#"error calling urlParse: unable to parse url: parse "http://%41:8080/": invalid URL escape "%41""#,
            ),
        ),
        (
            r#"{{ urlParse "http://user%20x:p%40ss@h" }}"#,
            Out(
                r#"map[fragment: host:h hostname:h opaque: path: query: scheme:http userinfo:user%20x:p%40ss]"#,
            ),
        ),
        (
            r#"{{ urlParse "mailto:%20x" }}"#,
            Out(
                r#"map[fragment: host: hostname: opaque:%20x path: query: scheme:mailto userinfo:]"#,
            ),
        ),
        (
            r#"{{ urlJoin (dict "path" "a b/c?d#e" "fragment" "x y#" ) }}"#,
            Out(r#"a%20b/c%3Fd%23e#x%20y%23"#),
        ),
        (
            r#"{{ urlJoin (dict "scheme" "http" "host" "h" "path" "p") }}"#,
            Out(r#"http://h/p"#),
        ),
        (
            r#"{{ urlJoin (dict "opaque" "x:y" "scheme" "mailto" "query" "q") }}"#,
            Out(r#"mailto:x:y?q"#),
        ),
        (r#"{{ urlJoin (dict "path" "a:b/c") }}"#, Out(r#"./a:b/c"#)),
        (
            r#"{{ urlJoin (dict "userinfo" "u:p@x" "host" "h") }}"#,
            Out(r#"//u:p%40x@h"#),
        ),
        (
            r#"{{ urlJoin (dict "userinfo" "u x:p w" "host" "h") }}"#,
            Err(
                r#"error calling urlJoin: unable to parse userinfo in dict: parse "proto://u x:p w@host": net/url: invalid userinfo"#,
            ),
        ),
        (
            r#"{{ urlJoin (dict "host" 1) }}"#,
            Err(
                r#"error calling urlJoin: unable to parse host key, must be of type string, but int found"#,
            ),
        ),
        (r#"{{ urlJoin (dict) }}"#, Out(r#""#)),
        (
            r#"{{ urlJoin (dict "host" "a b" "scheme" "http") }}"#,
            Out(r#"http://a%20b"#),
        ),
        (
            r#"{{ urlJoin (dict "scheme" "http" "path" "/x") }}"#,
            Out(r#"http:///x"#),
        ),
        (r#"{{ base "a//" }}"#, Out(r#"a"#)),
        (r#"{{ dir "a//b" }}"#, Out(r#"a"#)),
        (r#"{{ dir "/" }}"#, Out(r#"/"#)),
        (r#"{{ clean "a/../.." }}"#, Out(r#".."#)),
        (r#"{{ clean "//a//b/" }}"#, Out(r#"/a/b"#)),
        (r#"{{ ext ".bashrc" }}"#, Out(r#".bashrc"#)),
        (r#"{{ ext "a." }}"#, Out(r#"."#)),
        (r#"{{ base "//" }}"#, Out(r#"/"#)),
        (r#"{{ dir "//a" }}"#, Out(r#"/"#)),
        (r#"{{ clean "./" }}"#, Out(r#"."#)),
        (r#"{{ typeOf .Values.n }}"#, Out(r#"float64"#)),
        (
            r#"{{ toPrettyJson (dict "a" (list (dict) (list))) }}"#,
            Out(r#"{
  "a": [
    {},
    []
  ]
}"#),
        ),
        (
            r#"{{ toRawJson (list "\b\f\u007f\u00e9") }}"#,
            Out(r#"["\b\fé"]"#),
        ),
        (r#"{{ toRawJson 1e20 }}"#, Out(r#"100000000000000000000"#)),
        (r#"{{ toRawJson 0.0000001234 }}"#, Out(r#"1.234e-7"#)),
        (r#"{{ toRawJson -1e-7 }}"#, Out(r#"-1e-7"#)),
        (
            r#"{{ toRawJson (float64 "NaN") }}"#,
            Err(r#"error calling toRawJson: json: unsupported value: NaN"#),
        ),
        (
            r#"{{ mustToRawJson (float64 "NaN") }}"#,
            Err(r#"error calling mustToRawJson: json: unsupported value: NaN"#),
        ),
        (
            r#"{{ toPrettyJson (dict "k" (dict "z" nil)) }}"#,
            Out(r#"{
  "k": {
    "z": null
  }
}"#),
        ),
        (r#"{{ mustFromJson "1" }}"#, Out(r#"1"#)),
        (
            r#"{{ mustFromJson "{\"a\":1, \"a\":2}" }}"#,
            Out(r#"map[a:2]"#),
        ),
        (
            r#"{{ mustFromJson "" }}"#,
            Err(r#"error calling mustFromJson: unexpected end of JSON input"#),
        ),
        (r#"{{ typeOf (mustFromJson "1") }}"#, Out(r#"float64"#)),
        (r#"{{ toRawJson 100 }}"#, Out(r#"100"#)),
        (
            r#"{{ date "2006-01-02 15:04:05.000000000" 1700000000 }}"#,
            Out(r#"2023-11-14 22:13:20.000000000"#),
        ),
        (
            r#"{{ date ".00 .99 ,000 ,999" 1700000000 }}"#,
            Out(r#".00  ,000 "#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05.000" "2024-02-29 13:14:15.123" }}"#,
            Out(r#"2024-02-29 13:14:15.123 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05.999999999" "2024-02-29 13:14:15.5" }}"#,
            Out(r#"2024-02-29 13:14:15.5 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "Jan 2, 2006 at 3:04pm (MST)" "Feb 3, 2013 at 7:54pm (PST)" }}"#,
            Out(r#"2013-02-03 19:54:00 +0000 PST"#),
        ),
        (
            r#"{{ toDate "02 Jan 06 15:04 -0700" "03 Feb 13 19:54 -0800" }}"#,
            Out(r#"2013-02-03 19:54:00 -0800 -0800"#),
        ),
        (
            r#"{{ toDate "2006-01-02" "2024-13-01" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02" "2023-02-29" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T13:14:15Z" }}"#,
            Out(r#"2024-02-29 13:14:15 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "Monday 2006" "Tuesday 2024" }}"#,
            Out(r#"2024-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-002" "2024-060" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ date "Mon Monday Jan January 1 01 2 02 _2 3 03 15 4 04 5 05 06 2006 PM" 0 }}"#,
            Out(r#"Thu Thursday Jan January 1 01 1 01  1 12 12 00 0 00 0 00 70 1970 AM"#),
        ),
        (
            r#"{{ date "MST -07 -0700 -07:00 Z07 Z0700 Z07:00 -070000 Z070000 -07:00:00 Z07:00:00" 0 }}"#,
            Out(r#"UTC +00 +0000 +00:00 Z Z Z +000000 Z +00:00:00 Z"#),
        ),
        (
            r#"{{ dateInZone "15:04 MST" 0 "Local" }}"#,
            Out(r#"00:00 UTC"#),
        ),
        (r#"{{ dateInZone "15:04 MST" 0 "" }}"#, Out(r#"00:00 UTC"#)),
        (
            r#"{{ unixEpoch (toDate "2006" "1960") }}"#,
            Out(r#"-315619200"#),
        ),
        (
            r#"{{ date "2006-01-02 15:04:05" -1 }}"#,
            Out(r#"1969-12-31 23:59:59"#),
        ),
        (
            r#"{{ date "2006-01-02" (toDate "2006" "0001") }}"#,
            Out(r#"0001-01-01"#),
        ),
        (
            r#"{{ dateModify "-1.5h" (toDate "2006-01-02" "2024-02-29") }}"#,
            Out(r#"2024-02-28 22:30:00 +0000 UTC"#),
        ),
        (
            r#"{{ dateModify "+25h" (toDate "2006-01-02" "2024-02-29") | date "2006-01-02 15:04" }}"#,
            Out(r#"2024-03-01 01:00"#),
        ),
        (r#"{{ durationRound "1h0m1s" }}"#, Out(r#"1h"#)),
        (r#"{{ durationRound "721h" }}"#, Out(r#"1mo"#)),
        (r#"{{ durationRound "1.5h" }}"#, Out(r#"1h"#)),
        (r#"{{ durationRound "100ms" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "1µs" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "1us2ns" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound ".5s" }}"#, Out(r#"0s"#)),
        (
            r#"{{ durationRound "9223372036854775807ns" }}"#,
            Out(r#"292y"#),
        ),
        (
            r#"{{ durationRound "9223372036854775808ns" }}"#,
            Out(r#"0s"#),
        ),
        (r#"{{ durationRound "0" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "1" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "-0" }}"#, Out(r#"0s"#)),
        (r#"{{ durationRound "1h-1m" }}"#, Out(r#"0s"#)),
        (r#"{{ duration "-90" }}"#, Out(r#"-1m30s"#)),
        (r#"{{ duration "x" }}"#, Out(r#"0s"#)),
        (r#"{{ duration "86400000" }}"#, Out(r#"24000h0m0s"#)),
        (r#"{{ duration "9223372036" }}"#, Out(r#"2562047h47m16s"#)),
        (
            r#"{{ duration "9223372037" }}"#,
            Out(r#"-2562047h47m16.709551616s"#),
        ),
        (r#"{{ date "2006" (int64 0) }}"#, Out(r#"1970"#)),
        (r#"{{ ago 0 | len | lt 3 }}"#, Out(r#"true"#)),
        (
            r#"{{ date "2006-01-02" 253402300800 }}"#,
            Out(r#"10000-01-01"#),
        ),
        (r#"{{ date "2006" -62135596801 }}"#, Out(r#"0000"#)),
        (
            r#"{{ toDate "2006-01-02 15:04 MST" "2024-02-29 13:14 CET" }}"#,
            Out(r#"2024-02-29 13:14:00 +0000 CET"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04 -07:00" "2024-02-29 13:14 +05:30" }}"#,
            Out(r#"2024-02-29 13:14:00 +0530 +0530"#),
        ),
        (
            r#"{{ toDate "15:04:05" "25:00:00" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "3:04PM" "1:05AM" }}"#,
            Out(r#"0000-01-01 01:05:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "3:04PM" "13:05AM" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02" " 2024-02-29" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-1-2" "2024-2-9" }}"#,
            Out(r#"2024-02-09 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-_2" "2024-02- 9" }}"#,
            Out(r#"2024-02-09 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ semverCompare "~1.2.3-beta" "1.2.3-beta.2" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.2.3-alpha <1.2.3" "1.2.3-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.2.3-alpha || >5" "1.2.4-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.2.3-alpha, <5" "1.2.4-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "!=1.2.3-alpha" "1.2.3-beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "!=1.2.x" "1.2.4-beta" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ semverCompare "<=1.2.x" "1.2.4" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">1.2.3 <1.2.3-0" "1.2.3" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare "1.2.3-beta" "1.2.3-beta+x" }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ semverCompare "x" "1.0.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.2.3+x" "1.2.3+y" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "=1.2|3" "1.2.3" }}"#,
            Err(r#"error calling semverCompare: constraint parser error"#),
        ),
        (
            r#"{{ semverCompare ">=1.2" "1.2.3.4" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (r#"{{ semverCompare ">=1.2" "v1.2" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">=1.2" "V1.2" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.2" "1.2.3-" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.2" "1.2.3-a..b" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.2" "1.2.3+" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.2" "1.2.3-a_b" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare "^1.2.3" "1.2.3+meta" }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ semverCompare "~0.0" "0.0.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~0.0" "0.1.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "^0.x" "0.5.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0.0.x" "0.0.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "^0.0.x" "0.1.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare ">0.x" "0.5.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "<=0.x" "0.5.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "<1.x" "1.5.0" }}"#, Out(r#"false"#)),
        (r#"{{ semverCompare "<1.x" "0.5.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">=1.21.x-0" "1.21.3-eks" }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ semverCompare "2.x-0" "2.1.0-rc1" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "*-0" "2.1.0-rc1" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~2-0" "2.1.0-rc1" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "1.2.3 -1.4.5" "1.3.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: "1.2.3 -1.4.5""#),
        ),
        (
            r#"{{ semverCompare "1.2.3 - 1.4.5 || 2.0.0" "2.0.0" }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ semverCompare " >= 1.2" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare ">=\t1.2" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "=>1.2" "1.3.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "=<1.2" "1.1.0" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "~>1" "1.9.0" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">= 1.2.3 - 2" "1.3.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: ">=>= 1.2.3, <= 2 ""#),
        ),
        (r#"{{ semverCompare "1.2 - 1.3" "1.3.9" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1 - 1.x" "1.9.9" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare ">=1.0.0-alpha.1" "1.0.0-alpha.beta" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">=1.0.0-alpha.beta" "1.0.0-alpha.1" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-alpha" "1.0.0-alpha.1" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-rc.1" "1.0.0-rc.1.0" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-2" "1.0.0-10" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare ">1.0.0-a2" "1.0.0-a10" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ (semver "1.2.3").Major | typeOf }}"#, Out(r#"uint64"#)),
        (r#"{{ (semver "1.2").Original }}"#, Out(r#"1.2"#)),
        (
            r#"{{ semver "" }}"#,
            Err(r#"error calling semver: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1" "" }}"#,
            Err(r#"error calling semverCompare: invalid semantic version"#),
        ),
        (
            r#"{{ semverCompare ">=1.2 <1.2" "1.2.0" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare "1.2.3,1.2.3" "1.2.3" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "1.2.3 ,1.2.3" "1.2.3" }}"#,
            Out(r#"true"#),
        ),
        (
            r#"{{ semverCompare "1.2.3, ,1.2.3" "1.2.3" }}"#,
            Err(r#"error calling semverCompare: improper constraint: "1.2.3, ,1.2.3""#),
        ),
        (
            r#"{{ semverCompare ">1.2.3<2" "1.5.0" }}"#,
            Err(r#"error calling semverCompare: improper constraint: ">1.2.3<2""#),
        ),
        (r#"{{ semverCompare "=v1.2.3" "1.2.3" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "vx" "1.2.3" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "1.2.3-0.x" "1.2.3-0.x" }}"#,
            Out(r#"true"#),
        ),
        (r#"{{ semverCompare "1.x.x" "1.5.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.*" "1.5.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.2.*" "1.2.5" }}"#, Out(r#"true"#)),
        (r#"{{ semverCompare "1.X" "1.5.5" }}"#, Out(r#"true"#)),
        (
            r#"{{ semverCompare "!=1.2.3" "1.2.3-beta" }}"#,
            Out(r#"false"#),
        ),
        (
            r#"{{ semverCompare ">=0.0.0" "0.0.0-0" }}"#,
            Out(r#"false"#),
        ),
        (r#"{{ has 1 (list 1) }}"#, Out(r#"true"#)),
        (r#"{{ without (list 1 "1" 1.0) 1 }}"#, Out(r#"[1 1]"#)),
        (r#"{{ uniq (list nil nil) }}"#, Out(r#"[<nil>]"#)),
        (
            r#"{{ compact (list 0 0.0 "" nil false (list) (dict) "x") }}"#,
            Out(r#"[x]"#),
        ),
        (r#"{{ reverse (list 1 2 3) | first }}"#, Out(r#"3"#)),
        (r#"{{ initial (list 1) }}"#, Out(r#"[]"#)),
        (r#"{{ rest (list 1) }}"#, Out(r#"[]"#)),
        (r#"{{ last (list 1 2) }}"#, Out(r#"2"#)),
        (
            r#"{{ prepend nil 1 }}"#,
            Err(
                r#"error calling prepend: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ concat nil }}"#,
            Err(
                r#"error calling concat: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ concat (list 1) nil }}"#,
            Err(
                r#"error calling concat: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ mustSlice (list 1 2 3) -1 }}"#,
            Err(r#"error calling mustSlice: reflect.Value.Slice: slice index out of bounds"#),
        ),
        (r#"{{ mustSlice (list 1 2 3) 1 "2" }}"#, Out(r#"[2]"#)),
        (r#"{{ mustSlice (list 1 2 3) "x" }}"#, Out(r#"[1 2 3]"#)),
        (
            r#"{{ mustSlice nil }}"#,
            Err(
                r#"error calling mustSlice: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (r#"{{ mustSlice (list 1 2) 1 }}"#, Out(r#"[2]"#)),
        (
            r#"{{ without nil 1 }}"#,
            Err(
                r#"error calling without: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ uniq nil }}"#,
            Err(
                r#"error calling uniq: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ compact nil }}"#,
            Err(
                r#"error calling compact: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ reverse nil }}"#,
            Err(
                r#"error calling reverse: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (r#"{{ sortAlpha (list nil "a") }}"#, Out(r#"[a]"#)),
        (
            r#"{{ chunk 2 nil }}"#,
            Err(
                r#"error calling chunk: runtime error: invalid memory address or nil pointer dereference"#,
            ),
        ),
        (
            r#"{{ chunk 2 "abc" }}"#,
            Err(r#"error calling chunk: Cannot chunk type string"#),
        ),
        (r#"{{ has nil nil }}"#, Out(r#"false"#)),
        (r#"{{ mustHas 1 nil }}"#, Out(r#"false"#)),
        (r#"{{ pluck "a" (dict "a" nil) }}"#, Out(r#"[<nil>]"#)),
        (r#"{{ keys (dict "a" 1) (dict "a" 2) }}"#, Out(r#"[a a]"#)),
        (r#"{{ pick (dict "a" 1) "a" "a" }}"#, Out(r#"map[a:1]"#)),
        (r#"{{ dict "a" 1 "a" }}"#, Out(r#"map[a:]"#)),
        (r#"{{ get (dict "a" nil) "a" | typeOf }}"#, Out(r#"<nil>"#)),
        (r#"{{ hasKey (dict) "" }}"#, Out(r#"false"#)),
        (r#"{{ dict "" 1 }}"#, Out(r#"map[:1]"#)),
        (r#"{{ dict nil nil }}"#, Out(r#"map[<nil>:<nil>]"#)),
        (r#"{{ dict (list 1) 1 }}"#, Out(r#"map[[1]:1]"#)),
        (r#"{{ dict 1.5 1 }}"#, Out(r#"map[1.5:1]"#)),
        (r#"{{ dict true 1 }}"#, Out(r#"map[true:1]"#)),
        (
            r#"{{ dig "a" "b" 1 (dict "a" (dict "b" 2)) }}"#,
            Out(r#"2"#),
        ),
        (
            r#"{{ deepCopy (list (dict "a" (list 1))) }}"#,
            Out(r#"[map[a:[1]]]"#),
        ),
        (r#"{{ tuple 1 2 }}"#, Out(r#"[1 2]"#)),
        (r#"{{ append (list 1) (list 2) }}"#, Out(r#"[1 [2]]"#)),
        (r#"{{ list 1 (list 2) | toString }}"#, Out(r#"[1 [2]]"#)),
        (
            r#"{{ concat (list 1) (list (list 2)) }}"#,
            Out(r#"[1 [2]]"#),
        ),
        (r#"{{ uniq (list 1 2 1 3 2) }}"#, Out(r#"[1 2 3]"#)),
        (r#"{{ without (list 1 2 3 2) 2 }}"#, Out(r#"[1 3]"#)),
        (r#"{{ default "x" (list) }}"#, Out(r#"x"#)),
        (r#"{{ default 0 .Values.f }}"#, Out(r#"2.7"#)),
        (r#"{{ empty (dict "a" nil) }}"#, Out(r#"false"#)),
        (r#"{{ empty (list nil) }}"#, Out(r#"false"#)),
        (r#"{{ all (list) }}"#, Out(r#"false"#)),
        (r#"{{ any (list) 0 }}"#, Out(r#"false"#)),
        (r#"{{ coalesce (list) (dict) 0 "" "x" }}"#, Out(r#"x"#)),
        (
            r#"{{ b64dec "YQ" }}"#,
            Out(r#"illegal base64 data at input byte 0"#),
        ),
        (
            r#"{{ b64dec "YQ=" }}"#,
            Out(r#"illegal base64 data at input byte 3"#),
        ),
        (r#"{{ b64dec "YQ==" }}"#, Out(r#"a"#)),
        (
            r#"{{ b64dec "YQ===" }}"#,
            Out(r#"illegal base64 data at input byte 4"#),
        ),
        (
            r#"{{ b64dec "Y" }}"#,
            Out(r#"illegal base64 data at input byte 0"#),
        ),
        (r#"{{ b64dec "YR==" }}"#, Out(r#"a"#)),
        (r#"{{ b64dec "\r\nYQ==\r\n" }}"#, Out(r#"a"#)),
        (
            r#"{{ b64dec "YQ==YQ==" }}"#,
            Out(r#"illegal base64 data at input byte 4"#),
        ),
        (
            r#"{{ b64dec "_-8=" }}"#,
            Out(r#"illegal base64 data at input byte 0"#),
        ),
        (r#"{{ b32dec "ME======" }}"#, Out(r#"a"#)),
        (
            r#"{{ b32dec "me======" }}"#,
            Out(r#"illegal base32 data at input byte 0"#),
        ),
        (
            r#"{{ b32dec "ME" }}"#,
            Out(r#"illegal base32 data at input byte 0"#),
        ),
        (r#"{{ b32enc "a" }}"#, Out(r#"ME======"#)),
        (r#"{{ b32dec "MFRGG===" }}"#, Out(r#"abc"#)),
        (
            r#"{{ b32dec "MFRGG" }}"#,
            Out(r#"illegal base32 data at input byte 0"#),
        ),
        (r#"{{ b32dec "M\nE======" }}"#, Out(r#"a"#)),
        (r#"{{ b32dec "MA======" }}"#, Out(r#"`"#)),
        (r#"{{ b32dec "MFRGGZA=" }}"#, Out(r#"abcd"#)),
        (r#"{{ toString (int64 5) }}"#, Out(r#"5"#)),
        (r#"{{ toString (float64 1) }}"#, Out(r#"1"#)),
        (r#"{{ toString (add1f 1e6) }}"#, Out(r#"1.000001e+06"#)),
        (r#"{{ toString (mulf 3 1e20) }}"#, Out(r#"3e+20"#)),
        (r#"{{ toString 12345678 }}"#, Out(r#"12345678"#)),
        (r#"{{ toString -1e-5 }}"#, Out(r#"-1e-05"#)),
        (r#"{{ toString 1.0e-4 }}"#, Out(r#"0.0001"#)),
        (r#"{{ toString 999999.0 }}"#, Out(r#"999999"#)),
        (r#"{{ toString 9.999999e5 }}"#, Out(r#"999999.9"#)),
        (r#"{{ toString 0.1e-3 }}"#, Out(r#"0.0001"#)),
        (r#"{{ toString 123456.7 }}"#, Out(r#"123456.7"#)),
        (r#"{{ toString 1e6 }}"#, Out(r#"1e+06"#)),
        (r#"{{ toString 1.5e300 }}"#, Out(r#"1.5e+300"#)),
        (r#"{{ toString (float64 "inf") }}"#, Out(r#"+Inf"#)),
        (r#"{{ toString (float64 "-inf") }}"#, Out(r#"-Inf"#)),
        (r#"{{ toString (float64 "nan") }}"#, Out(r#"NaN"#)),
        (r#"{{ clean "a/b/../../.." }}"#, Out(r#".."#)),
        (r#"{{ clean "/a/b/../../.." }}"#, Out(r#"/"#)),
        (r#"{{ clean "a/./b/" }}"#, Out(r#"a/b"#)),
        (r#"{{ clean ".." }}"#, Out(r#".."#)),
        (r#"{{ clean "../a/../.." }}"#, Out(r#"../.."#)),
        (r#"{{ clean "/.." }}"#, Out(r#"/"#)),
        (r#"{{ clean "a/b/c/../../d" }}"#, Out(r#"a/d"#)),
        (r#"{{ clean "abc/../../x" }}"#, Out(r#"../x"#)),
        (r#"{{ clean "/abc/def/../../.." }}"#, Out(r#"/"#)),
        (r#"{{ dir "a/b/../c" }}"#, Out(r#"a"#)),
        (r#"{{ base "a/b.c/" }}"#, Out(r#"b.c"#)),
        (r#"{{ ext "a/b.c/d.e.f" }}"#, Out(r#".f"#)),
        (
            r#"{{ date "Monday, 02-Jan-06 15:04:05 MST" 1700000000 }}"#,
            Out(r#"Tuesday, 14-Nov-23 22:13:20 UTC"#),
        ),
        (r#"{{ date "3:04PM" 1700000000 }}"#, Out(r#"10:13PM"#)),
        (
            r#"{{ date "Mon, 02 Jan 2006 15:04:05 -0700" 1700000000 }}"#,
            Out(r#"Tue, 14 Nov 2023 22:13:20 +0000"#),
        ),
        (
            r#"{{ date "2006-01-02T15:04:05Z07:00" (toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T13:14:15+05:30") }}"#,
            Out(r#"2024-02-29T07:44:15Z"#),
        ),
        (
            r#"{{ dateModify "+1h30m" (toDate "2006-01-02" "2024-02-29") }}"#,
            Out(r#"2024-02-29 01:30:00 +0000 UTC"#),
        ),
        (
            r#"{{ dateModify "-48h" (toDate "2006-01-02" "2024-03-01") | date "Jan 2" }}"#,
            Out(r#"Feb 28"#),
        ),
        (
            r#"{{ htmlDateInZone (toDate "2006-01-02" "2024-02-29") "UTC" }}"#,
            Out(r#"2024-02-29"#),
        ),
        (
            r#"{{ toDate "Jan _2 15:04:05" "Feb  3 04:05:06" }}"#,
            Out(r#"0000-02-03 04:05:06 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05.000000" "2024-02-29 13:14:15.123456" }}"#,
            Out(r#"2024-02-29 13:14:15.123456 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05" "2024-02-29 13:14:15.25" }}"#,
            Out(r#"2024-02-29 13:14:15.25 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05.00" "2024-02-29 13:14:15.2" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05,000" "2024-02-29 13:14:15,123" }}"#,
            Out(r#"2024-02-29 13:14:15.123 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "06-1-2" "99-1-2" }}"#,
            Out(r#"1999-01-02 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "06-1-2" "68-1-2" }}"#,
            Out(r#"2068-01-02 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 MST" "2024-02-29 GMT" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 GMT"#),
        ),
        (
            r#"{{ toDate "2006-01-02 MST" "2024-02-29 ABCDE" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 MST" "2024-02-29 AB" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 -0700 MST" "2024-02-29 +0200 CEST" }}"#,
            Out(r#"2024-02-29 00:00:00 +0200 CEST"#),
        ),
        (
            r#"{{ toDate "2006-01-02 -0700" "2024-02-29 +0000" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 Z07:00" "2024-02-29 Z" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 Z07:00" "2024-02-29 -03:30" }}"#,
            Out(r#"2024-02-29 00:00:00 -0330 -0330"#),
        ),
        (
            r#"{{ toDate "PM 3" "pm 3" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "pm 3" "pm 12" }}"#,
            Out(r#"0000-01-01 12:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "PM 3" "AM 12" }}"#,
            Out(r#"0000-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "January 2 2006" "february 3 2024" }}"#,
            Out(r#"2024-02-03 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ toDate "Jan 2 2006" "Febr 3 2024" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ mustToDate "2006-01-02" "2024-02-30" }}"#,
            Err(r#"error calling mustToDate: parsing time "2024-02-30": day out of range"#),
        ),
        (
            r#"{{ mustToDate "2006-01-02" "2024-02-29x" }}"#,
            Err(r#"error calling mustToDate: parsing time "2024-02-29x": extra text: "x""#),
        ),
        (
            r#"{{ mustToDate "15:04" "25:00" }}"#,
            Err(r#"error calling mustToDate: parsing time "25:00": hour out of range"#),
        ),
        (
            r#"{{ mustToDate "2006-002" "2023-366" }}"#,
            Err(r#"error calling mustToDate: parsing time "2023-366": day-of-year out of range"#),
        ),
        (
            r#"{{ mustToDate "2006-01-02 002" "2024-01-02 003" }}"#,
            Err(
                r#"error calling mustToDate: parsing time "2024-01-02 003": day-of-year does not match day"#,
            ),
        ),
        (
            r#"{{ toDate "2006 __2" "2024  60" }}"#,
            Out(r#"2024-02-29 00:00:00 +0000 UTC"#),
        ),
        (
            r#"{{ mustToDate "2006-01-02T15:04:05" "2024-02-29" }}"#,
            Err(
                r#"error calling mustToDate: parsing time "2024-02-29" as "2006-01-02T15:04:05": cannot parse "" as "T""#,
            ),
        ),
        (
            r#"{{ toDate "2006-01-02" "2024-02-29" | dateModify "1.5h" | date "15:04" }}"#,
            Out(r#"01:30"#),
        ),
        (
            r#"{{ date "2006-01-02 15:04:05.000 MST" (toDate "2006-01-02 15:04:05.999 -0700" "2024-02-29 13:14:15.5 -0700") }}"#,
            Out(r#"2024-02-29 20:14:15.500 UTC"#),
        ),
        (
            r#"{{ toDate "2006-01-02 15:04:05.999 -0700" "2024-02-29 13:14:15.5 -0700" }}"#,
            Out(r#"2024-02-29 13:14:15.5 -0700 -0700"#),
        ),
        (
            r#"{{ unixEpoch (toDate "2006-01-02 15:04:05 MST" "2024-02-29 13:14:15 PST") }}"#,
            Out(r#"1709212455"#),
        ),
        (
            r#"{{ toDate "2006" "-001" }}"#,
            Out(r#"0001-01-01 00:00:00 +0000 UTC"#),
        ),
        (r#"{{ date "2006" -62135596900 }}"#, Out(r#"0000"#)),
        (
            r#"{{ trunc 5 }}"#,
            Err(r#"wrong number of args for trunc: want 2 got 1"#),
        ),
        (
            r#"{{ default }}"#,
            Err(r#"wrong number of args for default: want at least 1 got 0"#),
        ),
        (
            r#"{{ ternary 1 2 }}"#,
            Err(r#"wrong number of args for ternary: want 3 got 2"#),
        ),
        (
            r#"{{ empty }}"#,
            Err(r#"wrong number of args for empty: want 1 got 0"#),
        ),
        (
            r#"{{ add1 }}"#,
            Err(r#"wrong number of args for add1: want 1 got 0"#),
        ),
        (
            r#"{{ upper "a" "b" }}"#,
            Err(r#"wrong number of args for upper: want 1 got 2"#),
        ),
        (r#"{{ list | len }}"#, Out(r#"0"#)),
        (
            r#"{{ .Values.sl | join "," | upper | quote }}"#,
            Out(r#""B,A,C,A""#),
        ),
        (r#"{{ ge (semver "1.21.3").Minor 21 }}"#, Out(r#"true"#)),
        (r#"{{ (semver "1.21.3").Minor | add 1 }}"#, Out(r#"22"#)),
        (r#"{{ toString (semver "1.2.3").Major }}"#, Out(r#"1"#)),
        (
            r#"{{ quote (dict "a" 1.5e7 "b" (list 1e-5)) }}"#,
            Out(r#""map[a:1.5e+07 b:[1e-05]]""#),
        ),
        (
            r#"{{ cat (list 1 2) "x" (dict) }}"#,
            Out(r#"[1 2] x map[]"#),
        ),
        (
            r#"{{ merge (dict "a" (dict "l" (list 1))) (dict "a" (dict "l" (list 2) "m" 1)) }}"#,
            Out(r#"map[a:map[l:[1] m:1]]"#),
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (dict "l" (list 1))) (dict "a" (dict "l" (list 2) "m" 1)) }}"#,
            Out(r#"map[a:map[l:[2] m:1]]"#),
        ),
        (
            r#"{{ pick .Values.m "a" "b" | keys | sortAlpha }}"#,
            Out(r#"[a b]"#),
        ),
        (r#"{{ hasKey .Values "nil" }}"#, Out(r#"true"#)),
        (r#"{{ get .Values "nil" | kindOf }}"#, Out(r#"invalid"#)),
        (r#"{{ index .Values.l 3 | kindOf }}"#, Out(r#"invalid"#)),
        (
            r#"{{ coalesce .Values.missing .Values.nil .Values.e .Values.z .Values.bf "last" }}"#,
            Out(r#"last"#),
        ),
        (r#"{{ default (list 1) .Values.el | first }}"#, Out(r#"1"#)),
        (r#"{{ until 3 | toString }}"#, Out(r#"[0 1 2]"#)),
        (r#"{{ seq 3 | splitList " " | len }}"#, Out(r#"3"#)),
        (r#"{{ splitList "," "a,b" | join "-" }}"#, Out(r#"a-b"#)),
        (
            r#"{{ regexFindAll "[a-z]+" "ab 12 cd" -1 | join "," }}"#,
            Out(r#"ab,cd"#),
        ),
        (r#"{{ sortAlpha (keys .Values.m) }}"#, Out(r#"[a b x]"#)),
        (
            r#"{{ list 3 1 2 | sortAlpha | first | typeOf }}"#,
            Out(r#"string"#),
        ),
        (r#"{{ without (list "a" nil "b") nil }}"#, Out(r#"[a b]"#)),
        (r#"{{ has "1" (list 1) }}"#, Out(r#"false"#)),
        (r#"{{ has 1 (list 1.0) }}"#, Out(r#"false"#)),
        (r#"{{ has 1.0 (list 1) }}"#, Out(r#"false"#)),
        (r#"{{ uniq (list 1 1.0) | len }}"#, Out(r#"2"#)),
        (
            r#"{{ trunc 63 "this-is-a-very-long-release-name-that-will-definitely-exceed-the-limit-of-63" | trimSuffix "-" }}"#,
            Out(r#"this-is-a-very-long-release-name-that-will-definitely-exceed-th"#),
        ),
        (
            r#"{{ printf "%s-%s" "rel" "chart" | trunc 63 | trimSuffix "-" }}"#,
            Out(r#"rel-chart"#),
        ),
        (r#"{{ "abc" | b64enc | b64dec }}"#, Out(r#"abc"#)),
        (
            r#"{{ sha256sum "héllo" }}"#,
            Out(r#"3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179"#),
        ),
        (r#"{{ sha1sum "héllo" | trunc 8 }}"#, Out(r#"35b5ea45"#)),
        (r#"{{ adler32sum "héllo wörld" }}"#, Out(r#"773523054"#)),
        (
            r#"{{ sha512sum "" }}"#,
            Out(
                r#"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"#,
            ),
        ),
        (r#"{{ b32enc "héllo" }}"#, Out(r#"NDB2S3DMN4======"#)),
        (r#"{{ b32dec (b32enc "héllo") }}"#, Out(r#"héllo"#)),
        (r#"{{ b32enc "abcde" }}"#, Out(r#"MFRGGZDF"#)),
        (r#"{{ b32enc "abcdef" }}"#, Out(r#"MFRGGZDFMY======"#)),
        (r#"{{ b64enc "ab" }}"#, Out(r#"YWI="#)),
        (r#"{{ b64enc "abcd" }}"#, Out(r#"YWJjZA=="#)),
        (
            r#"{{ toPrettyJson (list 1.5 "a<b" (dict "x" (list))) }}"#,
            Out(r#"[
  1.5,
  "a\u003cb",
  {
    "x": []
  }
]"#),
        ),
        (
            r#"{{ toRawJson (dict "a" (list 1e-6 1e21 -1e-7 0.5 100 1e20)) }}"#,
            Out(r#"{"a":[0.000001,1e+21,-1e-7,0.5,100,100000000000000000000]}"#),
        ),
        (r#"{{ toRawJson (dict "a\"b" 1) }}"#, Out(r#"{"a\"b":1}"#)),
        (
            r#"{{ mustFromJson "{\"a\": [1, {\"b\": null}], \"c\": \"x\"}" | toRawJson }}"#,
            Out(r#"{"a":[1,{"b":null}],"c":"x"}"#),
        ),
        (r#"{{ mustFromJson "\"s\"" }}"#, Out(r#"s"#)),
        (r#"{{ mustFromJson "true" | typeOf }}"#, Out(r#"bool"#)),
        (r#"{{ mustFromJson "null" | typeOf }}"#, Out(r#"<nil>"#)),
        (
            r#"{{ mustFromJson "12345678901234567890" | toString }}"#,
            Out(r#"1.2345678901234567e+19"#),
        ),
        (
            r#"{{ regexReplaceAll "([a-z]+)@([a-z]+)" "john@example bob@test" "${2}:${1}" }}"#,
            Out(r#"example:john test:bob"#),
        ),
        (r#"{{ regexReplaceAll "x" "axbxc" "$" }}"#, Out(r#"a$b$c"#)),
        (
            r#"{{ regexReplaceAll "x" "axbxc" "a$" }}"#,
            Out(r#"aa$ba$c"#),
        ),
        (
            r#"{{ regexReplaceAllLiteral "x" "axb" "$1" }}"#,
            Out(r#"a$1b"#),
        ),
        (r#"{{ regexFind "[[:digit:]]+" "ab12" }}"#, Out(r#"12"#)),
        (r#"{{ regexFind "(?m)^b" "a\nb" }}"#, Out(r#"b"#)),
        (
            r#"{{ regexFind "(?s)a.b" "a\nb" }}"#,
            Out(r#"a
b"#),
        ),
        (r#"{{ regexMatch "^\\s*$" "  " }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "^[\\w.-]+$" "a.b-c_d" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "^[\\w.-]+$" "é" }}"#, Out(r#"false"#)),
        (
            r#"{{ regexSplit "\\s*,\\s*" "a , b,c" -1 }}"#,
            Out(r#"[a b c]"#),
        ),
        (
            r#"{{ regexReplaceAll "[^a-zA-Z0-9-]" "My_App.Name" "-" | lower }}"#,
            Out(r#"my-app-name"#),
        ),
        (r#"{{ regexMatch "[]a]" "]" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "[^]a]" "]" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "[a-]" "-" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "[[]" "[" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "[a&&b]" "&" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "[a~~b]" "~" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "a{2}{3}" "aaaaaa" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "a*?" "a" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "a**" "a" }}"#, Out(r#"false"#)),
        (r#"{{ regexMatch "(a*)*" "a" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "a{,3}" "a{,3}" }}"#, Out(r#"true"#)),
        (r#"{{ regexMatch "x{2,}" "xxx" }}"#, Out(r#"true"#)),
        (r#"{{ regexFind "\\Qa*b" "xa*b" }}"#, Out(r#"a*b"#)),
        (
            r#"{{ regexQuoteMeta "a-b#c d&e~f" }}"#,
            Out(r#"a-b#c d&e~f"#),
        ),
        (
            r#"{{ mustRegexMatch "a(b" "ab" }}"#,
            Err(r#"error calling mustRegexMatch: error parsing regexp: missing closing ): `a(b`"#),
        ),
        (
            r#"{{ mustRegexMatch "ab)" "ab" }}"#,
            Err(r#"error calling mustRegexMatch: error parsing regexp: unexpected ): `ab)`"#),
        ),
        (
            r#"{{ mustRegexMatch "*a" "a" }}"#,
            Err(
                r#"error calling mustRegexMatch: error parsing regexp: missing argument to repetition operator: `*`"#,
            ),
        ),
        (
            r#"{{ mustRegexMatch "\\8" "8" }}"#,
            Err(
                r#"error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\8`"#,
            ),
        ),
        (r#"{{ regexFindAll "(?i)é" "ÉéE" -1 }}"#, Out(r#"[É é]"#)),
        (
            r#"{{ regexReplaceAll "\\bfoo\\b" "foo foobar barfoo foo" "X" }}"#,
            Out(r#"X foobar barfoo X"#),
        ),
        (
            r#"{{ regexReplaceAll "(?i)FOO" "foo Foo" "x" }}"#,
            Out(r#"x x"#),
        ),
        (r#"{{ randAlphaNum -5 }}"#, Out(r#""#)),
        (r#"{{ randNumeric 0 }}"#, Out(r#""#)),
        (r#"{{ randAscii -1 }}"#, Out(r#""#)),
        (
            r#"{{ randBytes -1 }}"#,
            Err(r#"error calling randBytes: runtime error: makeslice: len out of range"#),
        ),
        (r#"{{ shuffle "" }}"#, Out(r#""#)),
        (r#"{{ len (shuffle "héllo") }}"#, Out(r#"6"#)),
        (r#"{{ uuidv4 | len }}"#, Out(r#"36"#)),
        (r#"{{ substr 0 3 (uuidv4) | len }}"#, Out(r#"3"#)),
    ];
}
