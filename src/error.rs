//! The error type, and where in a user's file a problem sits.

use std::path::PathBuf;

/// The action of an [`Error::Io`] reading an input: the input is missing or
/// unreadable, which is the user's to fix (exit status 2).
pub const READ: &str = "cannot read";

/// Result with chartgen's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub use helm_engine::{Error as EngineError, Location};

/// Everything that can go wrong. [`Error::exit_code`] maps each to the CLI's
/// exit status: 2 for input and usage problems (nothing written), 1 otherwise.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file the user gave is invalid at a place, a chart or one of its
    /// templates failed, or a file could not be read or written: the
    /// engine's error kinds, which chartgen's own input checks share.
    #[error(transparent)]
    Engine(#[from] helm_engine::Error),
    /// A chart failed to render: a template's `fail` or `required`, a
    /// missing value, or what chartgen's engine cannot render yet.
    #[error(transparent)]
    Render(helm_engine::Error),
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
}

impl Error {
    /// The process exit status for this error: 2 when what the user gave
    /// (a file, a chart, a flag) is invalid or cannot be read, so nothing
    /// was written; 1 for findings and for failures of chartgen's own work
    /// (writing output, a blueprint of its own).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Engine(EngineError::Io { action, .. }) if *action != READ => 1,
            Error::Engine(_)
            | Error::Usage(_)
            | Error::TargetExists(_)
            | Error::UnknownBlueprint { .. } => 2,
            Error::Invalid(_) | Error::Blueprint { .. } | Error::Render(_) => 1,
        }
    }

    /// An input error: `message` about the file the user gave, at `key`
    /// (dotted) when known, with a `help:` line when there is a `hint`.
    /// [`Error::located`] or [`Error::in_file`] place it.
    pub fn input(key: Option<String>, message: impl Into<String>, hint: Option<String>) -> Self {
        EngineError::Input {
            location: None,
            key,
            message: message.into(),
            hint,
        }
        .into()
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
            Error::Engine(EngineError::Input {
                location,
                key,
                message,
                hint,
            }) if location.as_ref().is_none_or(|l| l.line.is_none()) => EngineError::Input {
                location: at(key.as_deref().unwrap_or_default()),
                key,
                message,
                hint,
            }
            .into(),
            Error::UnknownBlueprint { name, hint } => EngineError::Input {
                location: at("blueprint"),
                key: Some("blueprint".into()),
                message: format!("unknown blueprint `{name}`"),
                hint: Some(hint),
            }
            .into(),
            other => other,
        }
    }

    /// An error reading what the user named (a chart, a file) as invalid
    /// input located at it, with the reason.
    pub fn unreadable(self) -> Self {
        match self {
            Error::Engine(EngineError::Io {
                action,
                path,
                source,
            }) => EngineError::Input {
                location: Some(Location::file(path.display().to_string())),
                key: None,
                message: format!("{action}: {source}"),
                hint: None,
            }
            .into(),
            other => other.chart_as_input(),
        }
    }

    /// Names `file` as the place of an input error that has no location yet
    /// (one found after parsing, such as a key the blueprint requires).
    pub fn in_file(self, file: &str) -> Self {
        match self {
            Error::Engine(EngineError::Input {
                location: None,
                key,
                message,
                hint,
            }) => EngineError::Input {
                location: Some(Location::file(file)),
                key,
                message,
                hint,
            }
            .into(),
            other => other,
        }
    }

    /// A chart that cannot be read, as invalid input at the chart's path
    /// (exit status 2); other errors unchanged.
    pub fn chart_as_input(self) -> Self {
        match self {
            Error::Engine(EngineError::Chart { path, message }) => EngineError::Input {
                location: Some(Location::file(path.display().to_string())),
                key: None,
                message,
                hint: None,
            }
            .into(),
            other => other,
        }
    }

    /// An input error with its message rewritten by `f`; other errors
    /// unchanged.
    pub fn map_message(self, f: impl FnOnce(String) -> String) -> Self {
        match self {
            Error::Engine(EngineError::Input {
                location,
                key,
                message,
                hint,
            }) => EngineError::Input {
                location,
                key,
                message: f(message),
                hint,
            }
            .into(),
            other => other,
        }
    }

    /// A YAML error in `file`, whose text starts at line `first_line` of it.
    pub fn yaml(file: &str, first_line: usize, e: &serde_yaml::Error) -> Self {
        EngineError::yaml(file, first_line, e).into()
    }

    /// An I/O error on `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        EngineError::io(action, path, source).into()
    }

    /// A chart (folder, archive, Chart.yaml) that cannot be read as one.
    pub fn chart(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        EngineError::Chart {
            path: path.into(),
            message: message.into(),
        }
        .into()
    }
}
