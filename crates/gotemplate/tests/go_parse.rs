//! Go's parser tests (`parse/parse_test.go`), as data in
//! `data/go_parse_cases.json`.

use gotemplate::ast::is_empty_tree;
use gotemplate::lex::TokenKind;
use gotemplate::parse::{new_number, parse};
use gotemplate::{Call, FuncTable, ParseOptions, Result, Value};
use serde_json::Value as Json;

fn nothing(_: &mut Call<'_>) -> Result<Value> {
    Ok(Value::Nil)
}

fn table(names: &[Json]) -> FuncTable {
    let mut t = FuncTable::new();
    for n in names {
        // Test names live for the whole test run.
        let name: &'static str = Box::leak(n.as_str().unwrap_or_default().to_string().into());
        t.register(name, nothing);
    }
    t
}

fn data() -> Json {
    serde_json::from_str(include_str!("data/go_parse_cases.json")).expect("valid JSON")
}

#[test]
fn go_parser_cases_pass() {
    let data = data();
    let cases = data["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or_default();
        let input = case["input"].as_str().unwrap_or_default();
        let funcs = table(case["funcs"].as_array().map(Vec::as_slice).unwrap_or(&[]));
        let options = ParseOptions {
            parse_comments: case["parse_comments"].as_bool().unwrap_or(false),
            skip_func_check: case["skip_func_check"].as_bool().unwrap_or(false),
            max_expression_depth: case["max_expression_depth"].as_u64().unwrap_or(0) as usize,
        };
        let ok = case["ok"].as_bool().unwrap_or(false);
        match parse(name, input, "", "", &funcs, options) {
            Err(e) => {
                if ok {
                    failures.push(format!("{name}: unexpected error {e}"));
                } else if let Some(want) = case["error_contains"].as_str() {
                    if !e.to_string().contains(want) {
                        failures.push(format!("{name}: error {e:?} lacks {want:?}"));
                    }
                }
            }
            Ok(trees) => {
                if !ok {
                    failures.push(format!("{name}: expected an error"));
                    continue;
                }
                let top = trees.iter().find(|t| &*t.name == name).expect("top tree");
                if let Some(want) = case["result"].as_str() {
                    let got = top.to_go_string(true);
                    if got != want {
                        failures.push(format!("{name}: got {got:?} want {want:?}"));
                    }
                }
                if let Some(want) = case["result_unquoted"].as_str() {
                    let got = top.to_go_string(false);
                    if got != want {
                        failures.push(format!("{name}: got {got:?} want {want:?}"));
                    }
                }
                if let Some(want) = case["empty"].as_bool() {
                    if is_empty_tree(&top.root, &top.text) != want {
                        failures.push(format!("{name}: empty should be {want}"));
                    }
                }
                if let Some(defs) = case["define"].as_object() {
                    for (def, want) in defs {
                        let got = trees
                            .iter()
                            .find(|t| &*t.name == def)
                            .map(|t| t.to_go_string(false));
                        if got.as_deref() != want.as_str() {
                            failures.push(format!("{name}: {def} is {got:?} want {want}"));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!("Go parser cases: {} of {} pass", cases.len(), cases.len());
}

#[test]
fn go_number_cases_pass() {
    let data = data();
    let cases = data["numbers"].as_array().expect("numbers");
    let mut failures = Vec::new();
    for case in cases {
        let text = case["text"].as_str().unwrap_or_default();
        let kind = match case["kind"].as_str() {
            Some("CharConstant") => TokenKind::CharConstant,
            Some("Complex") => TokenKind::Complex,
            _ => TokenKind::Number,
        };
        let ok = case["ok"].as_bool().unwrap_or(false);
        match new_number(text, kind) {
            Err(e) if ok => failures.push(format!("{text}: unexpected error {e}")),
            Err(_) => {}
            Ok(_) if !ok => failures.push(format!("{text}: expected an error")),
            Ok(n) => {
                let flags = (n.is_int, n.is_uint, n.is_float, n.is_complex);
                let want = (
                    case["is_int"].as_bool() == Some(true),
                    case["is_uint"].as_bool() == Some(true),
                    case["is_float"].as_bool() == Some(true),
                    case["is_complex"].as_bool() == Some(true),
                );
                if flags != want {
                    failures.push(format!("{text}: flags {flags:?} want {want:?}"));
                    continue;
                }
                if n.is_int && Some(n.int) != case["int"].as_i64() {
                    failures.push(format!("{text}: int {}", n.int));
                }
                if n.is_uint && Some(n.uint) != case["uint"].as_u64() {
                    failures.push(format!("{text}: uint {}", n.uint));
                }
                if n.is_float && Some(n.float) != case["float"].as_f64() {
                    failures.push(format!("{text}: float {}", n.float));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} number cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
