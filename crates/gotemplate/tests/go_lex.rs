//! Go's lexer tests (`parse/lex_test.go`), as data in
//! `data/go_lex_cases.json`.

use gotemplate::lex::tokens;
use serde_json::Value as Json;

#[test]
fn go_lexer_cases_pass() {
    let data: Json =
        serde_json::from_str(include_str!("data/go_lex_cases.json")).expect("valid JSON");
    let cases = data["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or_default();
        let input = case["input"].as_str().unwrap_or_default();
        let left = case["left"].as_str().unwrap_or("");
        let right = case["right"].as_str().unwrap_or("");
        let check_pos = case["check_pos"].as_bool().unwrap_or(false);
        let got: Vec<Json> = tokens(input, left, right)
            .iter()
            .map(|t| {
                let mut item = vec![Json::from(t.kind.name()), Json::from(t.text())];
                if check_pos {
                    item.push(Json::from(t.pos));
                    item.push(Json::from(t.line));
                }
                Json::Array(item)
            })
            .collect();
        if Json::Array(got.clone()) != case["items"] {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {}", case["items"]));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!("Go lexer cases: {} of {} pass", cases.len(), cases.len());
}
