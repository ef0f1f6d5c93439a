//! The layout shows the design: no two top-level modules of `src/` import
//! each other, directly or through others, so data flows one way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules left out of the check: the Helm engine, which is leaving `src/`
/// for a crate of its own and whose back edges go with that move.
const OUTSIDE: &[&str] = &["helm"];

/// The top-level modules each one names through `crate::` paths.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let reexports = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let first = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let targets = graph.entry(module.clone()).or_default();
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or_default();
                for (i, _) in code.match_indices("crate::") {
                    let rest = &code[i + "crate::".len()..];
                    let names: Vec<&str> = match rest.strip_prefix('{') {
                        // `use crate::{a, b::c}`: the group's first segments.
                        Some(group) => group
                            .split(['}', ';'])
                            .next()
                            .unwrap_or_default()
                            .split(',')
                            .map(|p| p.trim().split("::").next().unwrap_or_default())
                            .collect(),
                        None => vec![rest
                            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or_default()],
                    };
                    for name in names {
                        let name = name.trim();
                        // An item the crate root re-exports names the module it is from.
                        let name = reexports.get(name).map_or(name, String::as_str);
                        let module_like =
                            name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                        if module_like && name != module && name != "self" {
                            targets.insert(name.to_owned());
                        }
                    }
                }
            }
        }
    }
    graph.retain(|m, _| !OUTSIDE.contains(&m.as_str()));
    for targets in graph.values_mut() {
        targets.retain(|t| !OUTSIDE.contains(&t.as_str()));
    }
    graph
}

/// The items `lib.rs` re-exports (`pub use module::{A, b};`), each with the
/// module it comes from.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        let rest = rest.trim_start_matches('{').trim_end_matches('}');
        for item in rest.split(',') {
            let item = item.trim().rsplit("::").next().unwrap_or_default();
            if !item.is_empty() {
                out.insert(item.to_owned(), module.trim().to_owned());
            }
        }
    }
    out
}

/// A cycle in `graph`, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(graph, start, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_each_other_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    assert!(graph.contains_key("model") && graph["render"].contains("model"));
    // `crate::Result` is the error module's, re-exported by the root.
    assert!(graph["yaml"].contains("error"));
    if let Some(found) = cycle(&graph) {
        panic!(
            "modules import each other in a cycle: {}",
            found.join(" -> ")
        );
    }
}

#[test]
fn the_check_sees_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["c".to_owned()])),
        ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]
    .into();
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
}
