//! Masterminds/semver v3: loose version parsing (`v1.2`, `1`, leading
//! zeros) and its constraint language (`>=1.21-0`, `^1.2`, `~1.2.3`,
//! `1.2 - 1.4`, `1.x`, commas and `||`), with its rule that prereleases
//! only satisfy an AND group that itself mentions a prerelease.
//!
//! sprig's `semver` and `semverCompare` on top of it.

use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::OnceLock;

use gotemplate::{Call, Kind, Object, Value};
use regex_lite::Regex;

use super::govalue::go_quote;
use super::{str_value, Result};

pub mod range;

/// A parsed version.
#[derive(Clone, Debug)]
struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: String,
    metadata: String,
    original: String,
}

/// Go's `\s`, which is ASCII-only.
const WS: &str = r"[\t\n\x0C\r ]";
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
const CV: &str = concat!(
    r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?",
    r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
    r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
);

/// The regular expressions of `constraints.go`, compiled once. Versions
/// alone ([`loose_version`]) need none of them: a process that only reads
/// Chart.yaml's version does not pay for compiling these.
struct Patterns {
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

/// semver's `versionRegex` (loose: `v`, and missing minor or patch, allowed).
fn loose_version() -> Option<&'static Regex> {
    static LOOSE: OnceLock<Option<Regex>> = OnceLock::new();
    LOOSE
        .get_or_init(|| {
            Regex::new(concat!(
                r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?",
                r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
                r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"
            ))
            .ok()
        })
        .as_ref()
}

/// semver's `NewVersion` (coercing: `1.2` is `1.2.0`).
fn parse(v: &str) -> Result<Version, String> {
    let invalid = || "invalid semantic version".to_string();
    let caps = loose_version()
        .ok_or_else(invalid)?
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
    fn canonical(&self) -> String {
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
        .ok_or_else(|| format!("improper constraint: {}", go_quote(text)))?;
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
struct Constraints {
    groups: Vec<(Vec<Constraint>, bool)>,
}

/// semver's `NewConstraint`.
fn parse_constraints(text: &str) -> Result<Constraints, String> {
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
            return Err(format!("improper constraint: {}", go_quote(group)));
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
    fn check(&self, v: &Version) -> bool {
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
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !self.minor_dirty && !self.patch_dirty {
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

/// `semver V`: the parsed version, Go's `*semver.Version`, whose methods
/// templates call (`(semver V).Major`, `.Compare (semver W)`).
pub(super) fn semver_fn(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let v = parse(c.str(0)?).map_err(|e| c.fail(e))?;
    Ok(Value::Object(Rc::new(SemverObject(v))))
}

/// A `*semver.Version` in a template.
struct SemverObject(Version);

/// The methods of `*semver.Version` a template can call.
const METHODS: &[&str] = &[
    "Compare",
    "Equal",
    "GreaterThan",
    "GreaterThanEqual",
    "LessThan",
    "LessThanEqual",
    "Major",
    "Metadata",
    "Minor",
    "Original",
    "Patch",
    "Prerelease",
    "String",
];

impl Object for SemverObject {
    fn type_name(&self) -> &str {
        "*semver.Version"
    }

    fn kind(&self) -> Kind {
        Kind::Ptr
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let v = &self.0;
        let want = if METHODS[..6].contains(&name) { 1 } else { 0 };
        if args.len() != want {
            return Err(format!(
                "wrong number of args for {name}: want {want} got {}",
                args.len()
            ));
        }
        let other = || -> Result<Version, String> {
            match &args[0] {
                Value::Object(o) if o.type_name() == "*semver.Version" => {
                    let mut text = String::new();
                    o.write_v(&mut text);
                    parse(&text)
                }
                other => Err(format!(
                    "wrong type for value; expected *semver.Version; got {}",
                    match other {
                        Value::Nil => "interface {}",
                        o => o.type_name(),
                    }
                )),
            }
        };
        Ok(match name {
            "Compare" => Value::Int(match v.compare(&other()?) {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            }),
            "Equal" => Value::Bool(v.compare(&other()?) == Ordering::Equal),
            "GreaterThan" => Value::Bool(v.compare(&other()?) == Ordering::Greater),
            "GreaterThanEqual" => Value::Bool(v.compare(&other()?) != Ordering::Less),
            "LessThan" => Value::Bool(v.compare(&other()?) == Ordering::Less),
            "LessThanEqual" => Value::Bool(v.compare(&other()?) != Ordering::Greater),
            "Major" => Value::Uint(v.major),
            "Minor" => Value::Uint(v.minor),
            "Patch" => Value::Uint(v.patch),
            "Prerelease" => str_value(v.pre.as_str()),
            "Metadata" => str_value(v.metadata.as_str()),
            "Original" => str_value(v.original.as_str()),
            _ => str_value(v.canonical()),
        })
    }

    fn field(&self, _: &str) -> Option<Value> {
        None
    }

    fn write_v(&self, out: &mut String) {
        out.push_str(&self.0.canonical());
    }
}

/// Whether Masterminds' `NewVersion` reads `v`, as Helm's chart
/// validation requires of a chart's version.
pub(crate) fn is_version(v: &str) -> bool {
    parse(v).is_ok()
}

/// Helm's `IsCompatibleRange`: whether `version` satisfies `constraint`;
/// false when either does not parse.
pub(crate) fn is_compatible_range(constraint: &str, version: &str) -> bool {
    match (parse_constraints(constraint), parse(version)) {
        (Ok(constraints), Ok(version)) => constraints.check(&version),
        _ => false,
    }
}

/// `semverCompare CONSTRAINT VERSION`.
pub(super) fn semver_compare(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let constraints = parse_constraints(c.str(0)?).map_err(|e| c.fail(e))?;
    let version = parse(c.str(1)?).map_err(|e| c.fail(e))?;
    Ok(Value::Bool(constraints.check(&version)))
}
