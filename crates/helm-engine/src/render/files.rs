//! `.Files`: Helm's `engine.files` (`pkg/engine/files.go`), a Go
//! `map[string][]byte` of a chart's files with methods.
//!
//! It holds every file of the chart but `Chart.yaml`, `Chart.lock`,
//! `values.yaml`, `values.schema.json`, `templates/` and `charts/` (a
//! v1 chart's `requirements.yaml` and `requirements.lock` stay, as do
//! `.helmignore`, hidden files and `charts/*.prov`): what
//! [`crate::loader::LoadedChart::files`] holds, minus what `.helmignore`
//! excluded.
//!
//! As a map it prints as Go prints one (`map[a.txt:[104 105]]`), ranges
//! in key order, has a `len`, and `index .Files "p"` or `.Files.p` gives
//! the bytes (`[]uint8`; an absent file gives an empty one, Helm's
//! `missingkey=zero`). Its methods:
//!
//! - `Get P`: the file as a string; "" when absent;
//! - `GetBytes P`: the file as `[]uint8`; empty when absent;
//! - `Glob PATTERN`: the files whose path matches ([`super::glob`]), as
//!   another `engine.files`;
//! - `Lines P`: the file split on `\n`, one final newline dropped; an
//!   empty `[]string` when absent; Go's panic on an empty file is the
//!   error Helm prints;
//! - `AsConfig`, `AsSecrets`: `toYaml` of a `map[string]string` from each
//!   file's base name to its text (or its base64).
//!
//! Two files with the same base name make `AsConfig` and `AsSecrets`
//! depend on Go's random map order in Helm; here the path that sorts last
//! wins, every time.
//!
//! Go strings hold any bytes; this engine's strings are UTF-8. `Get`,
//! `Lines` and `AsConfig` of a file that is not UTF-8 are therefore an
//! error naming the file, never different text (`GetBytes` and
//! `AsSecrets` take any bytes).

use std::collections::BTreeMap;
use std::rc::Rc;

use gotemplate::{Kind, Object, Str, Value};

use super::glob::Glob;
use super::{no_args, one_string};

/// A chart's files as templates see them: Helm's `engine.files`.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: BTreeMap<Str, Rc<[u8]>>,
}

impl Files {
    /// The files `from`, by `/`-separated path relative to the chart.
    pub fn new<'a>(from: impl IntoIterator<Item = (&'a String, &'a Vec<u8>)>) -> Files {
        Files {
            files: from
                .into_iter()
                .map(|(name, data)| (Str::from(name.as_str()), Rc::from(data.as_slice())))
                .collect(),
        }
    }

    /// The chart's `.Files`: [`crate::loader::LoadedChart::files`].
    pub fn of(chart: &crate::loader::LoadedChart) -> Files {
        Files::new(&chart.files)
    }

    /// As a template value.
    pub fn into_value(self) -> Value {
        Value::Object(Rc::new(self))
    }

    fn bytes(&self, name: &str) -> Rc<[u8]> {
        self.files
            .get(name)
            .cloned()
            .unwrap_or_else(|| Rc::from(&[][..]))
    }

    fn text(&self, name: &str) -> Result<String, String> {
        match self.files.get(name) {
            None => Ok(String::new()),
            Some(data) => utf8(name, data).map(str::to_owned),
        }
    }

    /// `Glob`: the files whose path matches `pattern`.
    pub fn glob(&self, pattern: &str) -> Files {
        let glob = Glob::new(pattern);
        Files {
            files: self
                .files
                .iter()
                .filter(|(name, _)| glob.matches(name))
                .map(|(name, data)| (name.clone(), data.clone()))
                .collect(),
        }
    }

    /// `Lines`: the file split on `\n`, a final newline dropped.
    pub fn lines(&self, name: &str) -> Result<Vec<String>, String> {
        let Some(data) = self.files.get(name) else {
            return Ok(Vec::new());
        };
        if data.is_empty() {
            // Helm indexes the last byte of the file unchecked; Go's
            // template recovers the panic as this error.
            return Err("runtime error: index out of range [-1]".into());
        }
        let text = utf8(name, data)?;
        let text = text.strip_suffix('\n').unwrap_or(text);
        Ok(text.split('\n').map(str::to_owned).collect())
    }

    /// `AsConfig`: `toYaml` of each file's base name to its text.
    pub fn as_config(&self) -> Result<String, String> {
        let mut by_base = BTreeMap::new();
        for (name, data) in &self.files {
            by_base.insert(base(name).to_owned(), utf8(name, data)?.to_owned());
        }
        Ok(yaml_of_strings(&by_base))
    }

    /// `AsSecrets`: `toYaml` of each file's base name to its base64.
    pub fn as_secrets(&self) -> String {
        let by_base = self
            .files
            .iter()
            .map(|(name, data)| (base(name).to_owned(), crate::sprig::base64::encode(data)))
            .collect();
        yaml_of_strings(&by_base)
    }
}

fn utf8<'a>(name: &str, data: &'a [u8]) -> Result<&'a str, String> {
    std::str::from_utf8(data).map_err(|_| {
        format!(
            "file {name:?} is not UTF-8 text, which chartgen cannot hold as a string (Helm can); \
             .Files.GetBytes and .Files.AsSecrets take any bytes"
        )
    })
}

/// Go's `path.Base`.
fn base(name: &str) -> &str {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.is_empty() { "." } else { "/" };
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// Helm's `toYAML` of a `map[string]string`.
fn yaml_of_strings(map: &BTreeMap<String, String>) -> String {
    let strings = gotemplate::Map::new(gotemplate::MapKind::String);
    for (k, v) in map {
        strings.insert(k.as_str(), Value::string(v.as_str()));
    }
    crate::yaml_v2::to_yaml(&Value::Map(strings))
}

impl Object for Files {
    fn type_name(&self) -> &str {
        "engine.files"
    }

    fn kind(&self) -> Kind {
        Kind::Map
    }

    fn is_true(&self) -> bool {
        !self.files.is_empty()
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "Get" | "GetBytes" | "Glob" | "Lines" | "AsConfig" | "AsSecrets"
        )
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match name {
            "Get" => Ok(Value::string(self.text(one_string(name, args)?)?)),
            "GetBytes" => Ok(Value::Bytes(self.bytes(one_string(name, args)?))),
            "Glob" => Ok(self.glob(one_string(name, args)?).into_value()),
            "Lines" => Ok(Value::strings(self.lines(one_string(name, args)?)?)),
            "AsConfig" => {
                no_args(name, args)?;
                Ok(Value::string(self.as_config()?))
            }
            "AsSecrets" => {
                no_args(name, args)?;
                Ok(Value::string(self.as_secrets()))
            }
            _ => Err(format!("can't evaluate field {name} in type engine.files")),
        }
    }

    fn field(&self, name: &str) -> Option<Value> {
        // Helm renders with `missingkey=zero`: an absent file is an empty
        // `[]uint8`, which prints `[]`.
        Some(Value::Bytes(self.bytes(name)))
    }

    fn entries(&self) -> Option<Vec<(Value, Value)>> {
        Some(
            self.files
                .iter()
                .map(|(name, data)| (Value::String(name.clone()), Value::Bytes(data.clone())))
                .collect(),
        )
    }

    fn write_v(&self, out: &mut String) {
        out.push_str("map[");
        for (i, (name, data)) in self.files.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(name);
            out.push(':');
            gotemplate::fmt::write_value(out, &Value::Bytes(data.clone()));
        }
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        Files {
            files: entries
                .iter()
                .map(|(n, d)| (Str::from(*n), Rc::from(d.as_bytes())))
                .collect(),
        }
    }

    fn call(f: &Files, method: &str, args: &[Value]) -> Result<String, String> {
        f.call_method(method, args)
            .map(|v| gotemplate::fmt::sprint_value(&v))
    }

    fn s(text: &str) -> Value {
        Value::string(text)
    }

    /// Each expectation is what the Helm v4.2.3 SDK rendered for the same
    /// files.
    #[test]
    fn methods_as_helm_runs_them() {
        let f = files(&[
            ("files/a.txt", "A\nB: c\n"),
            ("files/sub/b", "x\n"),
            ("files/sub/e", ""),
        ]);
        let all = f.glob("files/**");
        assert_eq!(
            all.as_config().unwrap(),
            "a.txt: |\n  A\n  B: c\nb: |\n  x\ne: \"\""
        );
        assert_eq!(all.as_secrets(), "a.txt: QQpCOiBjCg==\nb: eAo=\ne: \"\"");
        assert_eq!(call(&f, "Lines", &[s("files/a.txt")]).unwrap(), "[A B: c]");
        assert_eq!(call(&f, "Lines", &[s("nope")]).unwrap(), "[]");
        assert_eq!(
            call(&f, "Lines", &[s("files/sub/e")]).unwrap_err(),
            "runtime error: index out of range [-1]"
        );
        assert_eq!(call(&f, "Get", &[s("nope")]).unwrap(), "");
        assert_eq!(call(&f, "GetBytes", &[s("nope")]).unwrap(), "[]");
        assert_eq!(
            f.call_method("GetBytes", &[s("nope")]).unwrap().type_name(),
            "[]uint8"
        );
        assert_eq!(call(&f, "Glob", &[s("nope")]).unwrap(), "map[]");
        assert_eq!(
            f.call_method("Glob", &[s("x")]).unwrap().type_name(),
            "engine.files"
        );
        // An empty Files gives `{}`: Helm v4 no longer fails there.
        assert_eq!(call(&f.glob("nomatch"), "AsConfig", &[]).unwrap(), "{}");
        assert_eq!(call(&f.glob("nomatch"), "AsSecrets", &[]).unwrap(), "{}");
    }

    #[test]
    fn as_config_quotes_and_indents_as_helm() {
        let f = files(&[
            ("a/x.txt", "1"),
            ("b/x.txt", "2"),
            ("s p.txt", "  lead\n"),
            ("n", "yes"),
            ("m", "a\tb"),
        ]);
        assert_eq!(
            f.as_config().unwrap(),
            "m: \"a\\tb\"\n\"n\": \"yes\"\ns p.txt: |2\n    lead\nx.txt: \"2\""
        );
    }

    #[test]
    fn behaves_as_a_go_map() {
        let f = files(&[("README.md", "hi\n"), ("c", "y")]);
        let mut out = String::new();
        f.write_v(&mut out);
        assert_eq!(out, "map[README.md:[104 105 10] c:[121]]");
        assert_eq!(f.type_name(), "engine.files");
        assert_eq!(f.entries().unwrap().len(), 2);
        let missing = f.field("nope").unwrap();
        assert_eq!(gotemplate::fmt::sprint_value(&missing), "[]");
        assert!(f.is_true());
        assert!(!f.glob("zz").is_true());
    }

    #[test]
    fn arguments_are_checked_as_go_checks_them() {
        let f = files(&[]);
        assert_eq!(
            call(&f, "Get", &[]).unwrap_err(),
            "wrong number of args for Get: want 1 got 0"
        );
        assert_eq!(
            call(&f, "Get", &[s("a"), s("b")]).unwrap_err(),
            "wrong number of args for Get: want 1 got 2"
        );
        assert_eq!(
            call(&f, "Get", &[Value::Int(1)]).unwrap_err(),
            "expected string; found 1"
        );
        assert_eq!(
            call(&f, "Get", &[Value::Nil]).unwrap_err(),
            "cannot assign nil to string"
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_not_different_text() {
        let f = Files {
            files: BTreeMap::from([(Str::from("bin"), Rc::from(&[0xff, 0x00][..]))]),
        };
        let error = call(&f, "Get", &[s("bin")]).unwrap_err();
        assert!(error.contains("\"bin\" is not UTF-8"), "{error}");
        assert_eq!(call(&f, "GetBytes", &[s("bin")]).unwrap(), "[255 0]");
        assert_eq!(f.as_secrets(), "bin: /wA=");
    }

    /// Which files `.Files` holds, as the SDK listed them for a v2 and a
    /// v1 chart (`range $k, $v := .Files`).
    #[test]
    fn holds_what_helm_holds() {
        let load = |files: &[(&str, &str)]| {
            let files = files
                .iter()
                .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
                .collect();
            let chart = crate::loader::load_files(files, "ms").unwrap();
            Files::of(&chart)
                .entries()
                .unwrap()
                .iter()
                .map(|(k, _)| gotemplate::fmt::sprint_value(k))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let common = [
            (".helmignore", "# nothing\n"),
            ("README.md", "hi\n"),
            ("values.schema.json", "{}"),
            ("requirements.yaml", "dependencies: []\n"),
            ("requirements.lock", "x: 1\n"),
            ("Chart.lock", "x: 1\n"),
            ("ci/a.yaml", "a: 1\n"),
            ("files/a.txt", "A\nB\n"),
            ("values.yaml", "x: 1\n"),
            (".hidden", "h"),
            ("templates/_h.tpl", ""),
            ("charts/.keep", "k"),
            ("charts/sub-0.1.0.tgz.prov", "p"),
        ];
        let mut v2 = common.to_vec();
        v2.push(("Chart.yaml", "apiVersion: v2\nname: ms\nversion: 0.1.0\n"));
        assert_eq!(
            load(&v2),
            ".helmignore .hidden README.md charts/sub-0.1.0.tgz.prov ci/a.yaml files/a.txt"
        );
        let mut v1 = common.to_vec();
        v1.push(("Chart.yaml", "apiVersion: v1\nname: ms\nversion: 0.1.0\n"));
        assert_eq!(
            load(&v1),
            ".helmignore .hidden README.md charts/sub-0.1.0.tgz.prov ci/a.yaml files/a.txt \
             requirements.lock requirements.yaml"
        );
    }

    /// `.Files` in templates, as the SDK rendered the same expressions.
    #[test]
    fn templates_see_a_go_map_with_methods() {
        use std::sync::Arc;

        use gotemplate::{builtins, Map, TemplateSet};

        let dot = Map::default();
        dot.insert(
            "Files",
            files(&[("README.md", "hi\n"), ("d/f.txt", "b"), ("e.txt", "a")]).into_value(),
        );
        let run = |text: &str| {
            let mut set = TemplateSet::new(Arc::new(builtins::table()));
            set.parse("t", text).unwrap();
            set.execute("t", Value::Map(dot.clone())).unwrap()
        };
        assert_eq!(
            run(r#"{{ printf "%T" .Files }} {{ index .Files "README.md" }} {{ len .Files }}"#),
            "engine.files [104 105 10] 3"
        );
        assert_eq!(
            run(r#"{{ printf "%T %T" (.Files.Get "e.txt") (index .Files "e.txt") }}"#),
            "string []uint8"
        );
        assert_eq!(
            run(r#"{{ range $k, $v := .Files.Glob "**.txt" }}{{ $k }}={{ $v }};{{ end }}"#),
            "d/f.txt=[98];e.txt=[97];"
        );
        assert_eq!(
            run(
                r#"{{ (.Files.Glob "*.txt").Get "e.txt" }}|{{ .Files.nope }}|{{ if .Files.nope }}T{{ else }}F{{ end }}|{{ index .Files "nope" }}|{{ printf "%T" (index .Files "nope") }}"#
            ),
            "a|[]|F|[]|[]uint8"
        );
        assert_eq!(
            run("{{ .Files }}"),
            "map[README.md:[104 105 10] d/f.txt:[98] e.txt:[97]]"
        );
    }

    #[test]
    fn base_is_go_path_base() {
        assert_eq!(base("a/b/c.txt"), "c.txt");
        assert_eq!(base("c"), "c");
        assert_eq!(base("a/"), "a");
        assert_eq!(base(""), ".");
    }
}
