//! The engine's error type, and where in a chart's file a problem sits.

use std::fmt;
use std::path::PathBuf;

/// Result with the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A place in a file: `file:line:column` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
}

impl Location {
    /// The whole of `file`, no line or column.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// Everything that can go wrong loading, merging or rendering a chart.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file of the chart (Chart.yaml, a values file, an archive) is
    /// invalid at a place.
    #[error("{}{}{message}{}", location_prefix(.location), key_prefix(.key), hint_suffix(.hint))]
    Input {
        /// Where the problem is.
        location: Option<Location>,
        /// Dotted key path, e.g. `image.tag`, when the problem is at a key.
        key: Option<String>,
        /// What is wrong, and what was expected.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// A chart (or one of its files) could not be read as a chart.
    #[error("`{}`: {message}", .path.display())]
    Chart {
        /// The chart directory, archive or file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A template failed to parse or to execute.
    #[error("`{name}`: {message}")]
    Template {
        /// The template's name, `<chart>/templates/<file>`.
        name: String,
        /// 1-based line in the template, for a syntax error.
        line: Option<usize>,
        /// 1-based column in the template, for a syntax error.
        column: Option<usize>,
        /// What went wrong, in the template engine's words (with a `help:`
        /// line where the engine knows one).
        message: String,
    },
    /// Reading a file failed.
    #[error("{action} `{}`", .path.display())]
    Io {
        /// What was being done, e.g. `cannot read`.
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

fn location_prefix(location: &Option<Location>) -> String {
    location
        .as_ref()
        .map(|l| format!("{l}: "))
        .unwrap_or_default()
}
fn key_prefix(key: &Option<String>) -> String {
    key.as_ref().map(|k| format!("{k}: ")).unwrap_or_default()
}
fn hint_suffix(hint: &Option<String>) -> String {
    hint.as_ref()
        .map(|h| format!("\n  help: {h}"))
        .unwrap_or_default()
}

impl Error {
    /// A YAML error in `file`, whose text starts at line `first_line` of it.
    pub fn yaml(file: &str, first_line: usize, e: &serde_yaml::Error) -> Self {
        let message = e.to_string();
        Error::Input {
            location: Some(Location {
                file: file.to_owned(),
                line: e.location().map(|l| l.line() + first_line - 1),
                column: e.location().map(|l| l.column()),
            }),
            key: None,
            message: message
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_owned(),
            hint: None,
        }
    }

    /// An I/O error on `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
