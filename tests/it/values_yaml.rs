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
        let ours = helm_engine::read::read_values(&case.yaml);
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

/// No text makes the reader panic or run past 30 s or 64 MiB: the table's
/// texts, cut, joined and sprinkled with YAML's punctuation, many times
/// over (a seeded generator, so a failure repeats). libyaml-safer, tried first, panicked on
/// `a: |-\n  x` and on `[!tag, x]` within the first few hundred.
#[test]
fn no_text_makes_the_reader_panic() {
    let seeds: Vec<String> = cases().into_iter().map(|c| c.yaml).collect();
    let alphabet: &[u8] = b" \n\t:-[]{},&*!|>'\"#%@`?<.~01yYnoO";
    let mut rng = crate::support::Rng(0x9E37_79B9_7F4A_7C15);
    let mut next = move || rng.below(1 << 31);
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
        let _ = read_within("a mutated text", text.clone(), 30, 64);
        let _ = helm_engine::read::spans(&text);
    }
}

/// Bytes allocated and not yet freed by the current thread, and the most
/// there were since [`Counted::measure`] began: a thread's own count, so
/// tests running beside it on a loaded machine do not disturb it.
mod counted {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        static LIVE: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    /// The system allocator, counting per thread.
    pub struct Counted;

    fn add(bytes: isize) {
        // `try_with`: a thread being torn down has no counters left.
        let _ = LIVE.try_with(|live| {
            let now = live.get() + bytes;
            live.set(now);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        });
    }

    // SAFETY: every call is forwarded to `System` unchanged; the counting
    // around it allocates nothing (const-initialized thread-locals).
    unsafe impl GlobalAlloc for Counted {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let ptr = System.alloc(layout);
            if !ptr.is_null() {
                add(layout.size() as isize);
            }
            ptr
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            System.dealloc(ptr, layout);
            add(-(layout.size() as isize));
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let ptr = System.alloc_zeroed(layout);
            if !ptr.is_null() {
                add(layout.size() as isize);
            }
            ptr
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let new = System.realloc(ptr, layout, new_size);
            if !new.is_null() {
                add(new_size as isize - layout.size() as isize);
            }
            new
        }
    }

    impl Counted {
        /// Runs `f`, returning its result and the most bytes it held at
        /// once.
        pub fn measure<T>(f: impl FnOnce() -> T) -> (T, usize) {
            let start = LIVE.with(Cell::get);
            PEAK.with(|peak| peak.set(start));
            let out = f();
            let peak = PEAK.with(Cell::get);
            (out, usize::try_from(peak - start).unwrap_or(0))
        }
    }
}

#[global_allocator]
static ALLOCATOR: counted::Counted = counted::Counted;

/// Reads `text` as a values file on its own thread, within `seconds` (a
/// reader that runs away fails the test instead of hanging the suite) and
/// `mib` of memory held at once; the verdict, as the error's message.
fn read_within(what: &str, text: String, seconds: u64, mib: usize) -> Result<(), String> {
    let (done, verdict) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (read, peak) =
            counted::Counted::measure(|| helm_engine::read::read_values(&text).map(|_| ()));
        let _ = done.send((read.map_err(|e| e.message), peak));
    });
    let (read, peak) = verdict
        .recv_timeout(std::time::Duration::from_secs(seconds))
        .unwrap_or_else(|_| panic!("{what}: still reading after {seconds} s"));
    assert!(
        peak <= mib << 20,
        "{what}: held {} MiB at once, more than {mib}",
        peak >> 20
    );
    read
}

/// The reviewer's reproducers, each read within a time and a memory
/// budget far above what a fixed reader needs (milliseconds, a few MiB)
/// and far below what the defects took (minutes; GiB).
#[test]
fn adversarial_texts_are_read_within_bounds() {
    // Merge keys nested ten by ten: 10^11 merges, refused at once by
    // go-yaml's count.
    let mut merges = "a0: &a0 {}\n".to_owned();
    for i in 1..=11 {
        let previous = vec![format!("*a{}", i - 1); 10].join(", ");
        merges.push_str(&format!("a{i}: &a{i} {{<<: [{previous}]}}\n"));
    }
    assert_eq!(
        read_within("merge keys", merges, 30, 64),
        Err("document contains excessive aliasing".into())
    );
    // Anchors each nesting the previous one 990 deep: 19,800 levels.
    let mut chain = format!("l0: &l0 {}{}\n", "[".repeat(990), "]".repeat(990));
    for i in 1..20 {
        chain.push_str(&format!(
            "l{i}: &l{i} {}*l{}{}\n",
            "[".repeat(990),
            i - 1,
            "]".repeat(990)
        ));
    }
    assert_eq!(
        read_within("aliased depth", chain, 30, 64),
        Err("invalid character '[' exceeded max depth".into())
    );
    // Deep and wide: 997 levels around 60,000 items (a 42 KB file of this
    // shape held 1.15 GB).
    let wide = format!(
        "a: {}{}{}\n",
        "[".repeat(997),
        vec!["x"; 60_000].join(", "),
        "]".repeat(997)
    );
    assert_eq!(read_within("deep and wide", wide, 30, 128), Ok(()));
    // Many documents, many separators, many keys.
    assert_eq!(
        read_within("documents", "---\na: 1\n".repeat(300_000), 60, 256),
        Ok(())
    );
    assert_eq!(
        read_within("separators", "---\n".repeat(500_000), 60, 256),
        Ok(())
    );
    let keys: String = (0..100_000)
        .map(|i| format!("k{i}: {{v: [1, 2]}}\n"))
        .collect();
    assert_eq!(read_within("keys", keys, 60, 512), Ok(()));
}
