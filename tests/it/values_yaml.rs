//! Values files read exactly as Helm reads them: a table of YAML 1.1
//! scalars and structures (`tests/fixtures/values-yaml/cases.json`), each
//! with what the Helm SDK reads it as, held against chartgen's reader; and
//! the table held against the SDK itself, so that a drift fails.

use serde::Deserialize;
use serde_json::Value;

use crate::oracle::oracle;
use crate::support::fixture;

/// One case of the table.
#[derive(Debug, Deserialize)]
struct Case {
    /// The values text.
    yaml: String,
    /// The SDK reader the expectation comes from: `values_from_yaml` (one
    /// document) or `values_file` (a chart's values.yaml, every document).
    reader: String,
    /// What Helm reads, when it reads the text.
    values: Option<Value>,
    /// Helm's error, when it refuses the text.
    error: Option<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(fixture("values-yaml/cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Equal as Helm's values: every number a float64.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn chartgen_reads_every_case_as_helm_does() {
    let mut wrong = Vec::new();
    let cases = cases();
    for case in &cases {
        let ours = chartgen::helm::read::read_values(&case.yaml);
        let agree = match (&ours, &case.values, &case.error) {
            (Ok(read), Some(expected), None) => same(&read.value, expected),
            (Err(_), None, Some(_)) => true,
            _ => false,
        };
        if !agree {
            wrong.push(format!(
                "{:?}: Helm {}, chartgen {}",
                case.yaml,
                case.values
                    .as_ref()
                    .map_or_else(|| format!("refuses ({:?})", case.error), Value::to_string),
                match &ours {
                    Ok(read) => read.value.to_string(),
                    Err(e) => format!("refuses ({})", e.message),
                }
            ));
        }
    }
    assert!(cases.len() > 200, "the table has {} cases", cases.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_is_what_the_helm_sdk_reads() {
    let Some(mut o) = oracle() else { return };
    let mut drift = Vec::new();
    for case in cases() {
        let helm = o.values_yaml(&case.yaml, &case.reader);
        let agree = match (&helm, &case.values) {
            (Ok(read), Some(expected)) => same(read, expected),
            (Err(e), None) => e.kind != "OracleTransport" && e.kind != "BadRequest",
            _ => false,
        };
        if !agree {
            drift.push(format!(
                "{:?}: table {:?}/{:?}, SDK {helm:?}",
                case.yaml, case.values, case.error
            ));
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
}

/// No text makes the reader panic: the table's texts, cut, joined and
/// sprinkled with YAML's punctuation, many times over (a seeded generator,
/// so a failure repeats). libyaml-safer, tried first, panicked on
/// `a: |-\n  x` and on `[!tag, x]` within the first few hundred.
#[test]
fn no_text_makes_the_reader_panic() {
    let seeds: Vec<String> = cases().into_iter().map(|c| c.yaml).collect();
    let alphabet: &[u8] = b" \n\t:-[]{},&*!|>'\"#%@`?<.~01yYnoO";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % (1 << 31)).unwrap()
    };
    for _ in 0..20_000 {
        let mut bytes = seeds[next() % seeds.len()].clone().into_bytes();
        for _ in 0..1 + next() % 8 {
            let at = next() % (bytes.len() + 1);
            match next() % 3 {
                0 => bytes.insert(at, alphabet[next() % alphabet.len()]),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {
                    let other = seeds[next() % seeds.len()].as_bytes();
                    bytes.splice(at..at, other.iter().copied());
                }
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let _ = chartgen::helm::read::read_values(&text);
        let _ = chartgen::helm::read::spans(&text);
    }
}
