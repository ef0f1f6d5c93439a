//! Key paths in a user's YAML: where a key is written in the text, and
//! which known key a typo meant. The generator, the linter and the error
//! type all point at keys, so this sits below all three.

use helm_engine::read::spans;

/// Where the value at key `path` is written in a YAML `text`, as
/// `(line, column)`: its key for a map entry, the value itself for a list
/// item (block or flow style alike). Keys are named as Helm names them
/// (`on:` is the key `true`). A path not in the text yields `None`.
pub fn locate(text: &str, path: &[String]) -> Option<(usize, usize)> {
    spans(text).get(path).map(|span| {
        let at = span.at();
        (at.line, at.column)
    })
}

/// Where an error about the key `path` points in `text`: the key itself, or
/// the closest of its parents there is (a missing key's mapping), or the
/// document's start.
pub fn place(text: &str, path: &[String]) -> (usize, usize) {
    (1..=path.len())
        .rev()
        .find_map(|n| locate(text, &path[..n]))
        .unwrap_or((1, 1))
}

/// The candidate closest to `word`, if any is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            // Swapped or dropped letters count as one edit; a short key
            // allows one, a longer one two.
            let edits = strsim::damerau_levenshtein(&word, &candidate);
            let near = edits <= if word.len() < 6 { 1 } else { 2 };
            (near, strsim::jaro_winkler(&word, &candidate), *c)
        })
        .filter(|(near, score, _)| *near || *score > 0.85)
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        let path: Vec<String> = path.split('.').map(String::from).collect();
        locate(text, &path)
    }

    #[test]
    fn locates_keys_in_block_and_flow_style_and_list_items() {
        let text = "name: a\nimage: b\nhosts:\n  - one\n  - two\nresources:\n  cpu: 1\n  memory: 2\nlist:\n  - a: 1\n    b: 2\n  - a: 3\n    b: 4\n";
        assert_eq!(at(text, "image"), Some((2, 1)));
        assert_eq!(at(text, "hosts.1"), Some((5, 5)));
        assert_eq!(at(text, "resources.memory"), Some((8, 3)));
        assert_eq!(at(text, "list.1.b"), Some((13, 5)));
        assert_eq!(at(text, "list.0.a"), Some((10, 5)));
        assert_eq!(at(text, "nope"), None);
        let flow = "a:\n  b: 1\nflow: {x: 1, z: [p, q]}\nlist:\n  - one\n  - {k: v}\non: 1\n";
        assert_eq!(at(flow, "a.b"), Some((2, 3)));
        assert_eq!(at(flow, "flow.x"), Some((3, 8)));
        assert_eq!(at(flow, "flow.z.1"), Some((3, 21)));
        assert_eq!(at(flow, "list.0"), Some((5, 5)));
        assert_eq!(at(flow, "list.1.k"), Some((6, 6)));
        // Keys are named as Helm names them: `on` is `true`.
        assert_eq!(at(flow, "true"), Some((7, 1)));
    }

    #[test]
    fn a_missing_key_points_at_its_nearest_parent() {
        let text = "a:\n  b: 1\n";
        let path = |p: &str| p.split('.').map(String::from).collect::<Vec<_>>();
        assert_eq!(place(text, &path("a.c")), (1, 1));
        assert_eq!(place(text, &path("a.b.x")), (2, 3));
        assert_eq!(place(text, &path("z")), (1, 1));
    }
}
