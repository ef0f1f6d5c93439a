//! Errors, printed as Go's `text/template` prints them.
//!
//! Embedders (Helm's engine) reword them (`parse error at (…)`,
//! `execution error at (…)`), so an error keeps its parts: where, what was
//! being executed, the action's text, the message, and the error it wraps.

use std::fmt;

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Lexing or parsing a template (`template: NAME:LINE: MSG`).
    Parse,
    /// Executing one (`template: NAME:LINE:COL: executing "T" at <NODE>: MSG`).
    Exec,
    /// A function's own error, before the executor places it (it becomes an
    /// [`ErrorKind::Exec`] error `error calling F: MSG`).
    Func,
    /// A bound this engine sets (nesting depth, loop iterations, output
    /// size) was reached.
    Limit,
    /// A function was given the wrong number of arguments. Go checks this
    /// before calling, so the executor reports it at the function's name
    /// and without `error calling F:` (`at <ne>: wrong number of args for
    /// ne: want 2 got 1`).
    Arity,
}

/// A template error with Go's parts, boxed so results stay small.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Details>);

/// The parts of an [`Error`].
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    /// What failed.
    pub kind: ErrorKind,
    /// The name of the template whose text holds the failing node (for
    /// Helm, the file: `chart/templates/x.yaml`).
    pub template: String,
    /// 1-based line in that text (0 when unknown).
    pub line: usize,
    /// 1-based column in bytes, for execution errors.
    pub column: Option<usize>,
    /// The template being executed (`{{define}}` name), for execution
    /// errors: Go's `executing "NAME"`.
    pub executing: Option<String>,
    /// The failing action's text, Go's `at <…>`.
    pub context: Option<String>,
    /// What went wrong, in Go's words.
    pub message: String,
    /// The error this one wraps (an `include`d template's failure).
    pub cause: Option<Error>,
}

impl From<Details> for Error {
    fn from(details: Details) -> Self {
        Error(Box::new(details))
    }
}

impl std::ops::Deref for Error {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl Error {
    /// A function's error: `message` in Go's words, placed by the executor.
    pub fn func(message: impl Into<String>) -> Self {
        Details {
            kind: ErrorKind::Func,
            template: String::new(),
            line: 0,
            column: None,
            executing: None,
            context: None,
            message: message.into(),
            cause: None,
        }
        .into()
    }

    /// A function's "wrong number of args" error (see [`ErrorKind::Arity`]).
    pub fn arity(message: impl Into<String>) -> Self {
        let mut error = Error::func(message);
        error.kind = ErrorKind::Arity;
        error
    }

    /// A parse error in `template` at `line`.
    pub fn parse(template: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        let mut error = Error::func(message);
        error.kind = ErrorKind::Parse;
        error.template = template.into();
        error.line = line;
        error
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Func | ErrorKind::Arity => f.write_str(&self.message),
            ErrorKind::Parse => write!(
                f,
                "template: {}:{}: {}",
                self.template, self.line, self.message
            ),
            ErrorKind::Exec | ErrorKind::Limit => {
                write!(f, "template: {}:{}", self.template, self.line)?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
                f.write_str(": ")?;
                if let Some(executing) = &self.executing {
                    write!(f, "executing {executing:?} ")?;
                }
                if let Some(context) = &self.context {
                    write!(f, "at <{context}>")?;
                }
                if self.executing.is_some() || self.context.is_some() {
                    f.write_str(": ")?;
                }
                f.write_str(&self.message)
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_go_does() {
        let parse = Error::parse("c.yaml", 1, "function \"nosuchfn\" not defined");
        assert_eq!(
            parse.to_string(),
            "template: c.yaml:1: function \"nosuchfn\" not defined"
        );
        let exec = Error::from(Details {
            kind: ErrorKind::Exec,
            template: "ms/templates/c.yaml".into(),
            line: 1,
            column: Some(3),
            executing: Some("ms/templates/c.yaml".into()),
            context: Some("eq 1 \"a\"".into()),
            message: "error calling eq: incompatible types for comparison".into(),
            cause: None,
        });
        assert_eq!(
            exec.to_string(),
            "template: ms/templates/c.yaml:1:3: executing \"ms/templates/c.yaml\" at <eq 1 \"a\">: \
             error calling eq: incompatible types for comparison"
        );
    }
}
