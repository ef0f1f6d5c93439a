//! The error type, and where in a user's file a problem sits.

use std::path::PathBuf;

/// The action of an [`Error::Io`] reading an input: the input is missing or
/// unreadable, which is the user's to fix (exit status 2).
pub const READ: &str = "cannot read";

/// Result with chartgen's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub use helm_engine::Location;

/// Everything that can go wrong. [`Error::exit_code`] maps each to the CLI's
/// exit status: 2 for input and usage problems (nothing written), 1 otherwise.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input file (or a flag standing for it) is invalid.
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
    /// Checked input broke rules; the findings were reported already.
    #[error("{0}")]
    Invalid(String),
    /// A command-line argument is invalid.
    #[error("{0}")]
    Usage(String),
    /// The output directory exists and `--force` was not given.
    #[error("`{}` already exists and is not empty; nothing was written\n  help: pass `--force` to replace it", .0.display())]
    TargetExists(PathBuf),
    /// No blueprint by that name.
    #[error("blueprint: unknown blueprint `{name}`\n  help: {hint}")]
    UnknownBlueprint {
        /// The name asked for.
        name: String,
        /// The closest name, the names there are, where custom ones come from.
        hint: String,
    },
    /// A blueprint is malformed or one of its templates failed.
    #[error("blueprint {file}{}: {message}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Blueprint {
        /// Blueprint file, e.g. `web/templates/deployment.yaml.j2`.
        file: String,
        /// 1-based line in that file, when known.
        line: Option<usize>,
        /// What went wrong.
        message: String,
    },
    /// A chart directory could not be read as a chart.
    #[error("`{}`: {message}", .path.display())]
    Chart {
        /// The chart directory.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A chart's template failed to parse or to execute.
    #[error("`{name}`: {message}")]
    Template {
        /// The template's name, `<chart>/templates/<file>`.
        name: String,
        /// 1-based line in the template, for a syntax error.
        line: Option<usize>,
        /// 1-based column in the template, for a syntax error.
        column: Option<usize>,
        /// What went wrong.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{action} `{}`", .path.display())]
    Io {
        /// What was being done, e.g. `cannot write`.
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
    /// The process exit status for this error: 2 when what the user gave
    /// (a file, a chart, a flag) is invalid or cannot be read, so nothing
    /// was written; 1 for findings and for failures of chartgen's own work
    /// (writing output, a blueprint of its own).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input { .. }
            | Error::Usage(_)
            | Error::TargetExists(_)
            | Error::UnknownBlueprint { .. }
            | Error::Chart { .. }
            | Error::Template { .. }
            | Error::Io { action: READ, .. } => 2,
            Error::Invalid(_) | Error::Blueprint { .. } | Error::Io { .. } => 1,
        }
    }

    /// The same error as an input error located in `file`, whose text is
    /// `text`: one found after parsing (a key the blueprint requires, a
    /// blueprint that does not exist) gets the line and column of its key,
    /// or of the nearest key above it.
    pub fn located(self, file: &str, text: &str) -> Self {
        let at = |key: &str| {
            let path: Vec<String> = key.split('.').map(str::to_owned).collect();
            let (line, column) = crate::keys::place(text, &path);
            Some(Location {
                file: file.to_owned(),
                line: Some(line),
                column: Some(column),
            })
        };
        match self {
            Error::Input {
                location,
                key,
                message,
                hint,
            } if location.as_ref().is_none_or(|l| l.line.is_none()) => Error::Input {
                location: at(key.as_deref().unwrap_or_default()),
                key,
                message,
                hint,
            },
            Error::UnknownBlueprint { name, hint } => Error::Input {
                location: at("blueprint"),
                key: Some("blueprint".into()),
                message: format!("unknown blueprint `{name}`"),
                hint: Some(hint),
            },
            other => other,
        }
    }

    /// An error reading what the user named (a chart, a file) as invalid
    /// input located at it, with the reason.
    pub fn unreadable(self) -> Self {
        let whole = |path: &std::path::Path| {
            Some(Location {
                file: path.display().to_string(),
                line: None,
                column: None,
            })
        };
        match self {
            Error::Chart { path, message } => Error::Input {
                location: whole(&path),
                key: None,
                message,
                hint: None,
            },
            Error::Io {
                action,
                path,
                source,
            } => Error::Input {
                location: whole(&path),
                key: None,
                message: format!("{action}: {source}"),
                hint: None,
            },
            other => other,
        }
    }

    /// Names `file` as the place of an input error that has no location yet
    /// (one found after parsing, such as a key the blueprint requires).
    pub fn in_file(self, file: &str) -> Self {
        match self {
            Error::Input {
                location: None,
                key,
                message,
                hint,
            } => Error::Input {
                location: Some(Location {
                    file: file.to_owned(),
                    line: None,
                    column: None,
                }),
                key,
                message,
                hint,
            },
            other => other,
        }
    }

    /// A chart that cannot be read, as invalid input at the chart's path
    /// (exit status 2); other errors unchanged.
    pub fn chart_as_input(self) -> Self {
        match self {
            Error::Chart { path, message } => Error::Input {
                location: Some(Location {
                    file: path.display().to_string(),
                    line: None,
                    column: None,
                }),
                key: None,
                message,
                hint: None,
            },
            other => other,
        }
    }

    /// An input error with its message rewritten by `f`; other errors
    /// unchanged.
    pub fn map_message(self, f: impl FnOnce(String) -> String) -> Self {
        match self {
            Error::Input {
                location,
                key,
                message,
                hint,
            } => Error::Input {
                location,
                key,
                message: f(message),
                hint,
            },
            other => other,
        }
    }

    /// A YAML error in `file`, whose text starts at line `first_line` of it.
    pub fn yaml(file: &str, first_line: usize, e: &serde_yaml::Error) -> Self {
        helm_engine::Error::yaml(file, first_line, e).into()
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

/// The one place the engine's errors become chartgen's: each keeps its
/// kind, so its text and exit status are the engine's.
impl From<helm_engine::Error> for Error {
    fn from(e: helm_engine::Error) -> Self {
        match e {
            helm_engine::Error::Input {
                location,
                key,
                message,
                hint,
            } => Error::Input {
                location,
                key,
                message,
                hint,
            },
            helm_engine::Error::Chart { path, message } => Error::Chart { path, message },
            helm_engine::Error::Template {
                name,
                line,
                column,
                message,
            } => Error::Template {
                name,
                line,
                column,
                message,
            },
            helm_engine::Error::Io {
                action,
                path,
                source,
            } => Error::Io {
                action,
                path,
                source,
            },
        }
    }
}
