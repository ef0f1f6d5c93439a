//! Template errors worded as Helm v4.2.3 words them (`pkg/engine/engine.go`):
//!
//! - a parse error: `parse error at (FILE:LINE): MSG`, where MSG is the
//!   last `: `-separated part of Go's message (`cleanupParseError`);
//! - `required` and `fail`: their message travels wrapped in
//!   `HELM_ERR_START…HELM_ERR_END` ([`warn_wrap`]) and comes out as
//!   `execution error at (FILE:L:C): MSG`, placed at the outermost action
//!   (`cleanupExecError`), however deep the `include` that failed;
//! - any other execution error whose whole chain of wrapped errors is
//!   Go template errors (a nil pointer, a field that cannot be evaluated,
//!   a wrong number of arguments, an `include` of a missing or failing
//!   template) prints one block per template it went through:
//!
//!   ```text
//!   ms/templates/c.yaml:1:3
//!     executing "ms/templates/c.yaml" at <include "h" .>:
//!       error calling include:
//!   ms/templates/_h.tpl:1:27
//!     executing "h" at <.Values.a.b>:
//!       can't evaluate field b in type interface {}
//!   ```
//!
//! - otherwise (a function's own error is in the chain: `eq`'s
//!   incompatible types, `tpl`'s wrapping, a method's failure) Go's
//!   one-line text stands: `template: FILE:L:C: executing "FILE" at
//!   <NODE>: error calling eq: …`.
//!
//! Helm decides between the last two by reading Go's error texts with
//! patterns in which `.` does not cross a line; the same reading is done
//! here on the same texts, so an error with a line break in it stays on
//! Go's one line, as in Helm.

use gotemplate::{Error, ErrorKind};

const WARN_START: &str = "HELM_ERR_START";
const WARN_END: &str = "HELM_ERR_END";

/// The error `required` and `fail` return: `message` marked for
/// [`exec_error`] to find.
pub fn warn_wrap(message: &str) -> String {
    format!("{WARN_START}{message}{WARN_END}")
}

/// Helm's `cleanupParseError` of `error`, met parsing template `file`.
pub fn parse_error(file: &str, error: &Error) -> String {
    let text = error.to_string();
    let tokens: Vec<&str> = text.split(": ").collect();
    if tokens.len() == 1 {
        return format!("parse error in ({file}): {text}");
    }
    format!(
        "parse error at ({}): {}",
        tokens[1],
        tokens[tokens.len() - 1]
    )
}

/// Helm's wording of `error`, met executing template `file`
/// (`cleanupExecError`, then v4's one block per template).
pub fn exec_error(file: &str, error: &Error) -> String {
    let text = error.to_string();
    if !matches!(error.kind, ErrorKind::Exec | ErrorKind::Limit) {
        return text;
    }
    let tokens: Vec<&str> = text.splitn(3, ": ").collect();
    if tokens.len() != 3 {
        return format!("execution error in ({file}): {text}");
    }
    if let Some(message) = warning(tokens[2]) {
        return format!("execution error at ({}): {message}", tokens[1]);
    }
    blocks(error).unwrap_or(text)
}

/// What `HELM_ERR_START((?s).*)HELM_ERR_END` captures: from the first
/// start mark to the last end mark.
fn warning(text: &str) -> Option<&str> {
    let start = text.find(WARN_START)? + WARN_START.len();
    let end = text[start..].rfind(WARN_END)? + start;
    Some(&text[start..end])
}

/// One template an error went through.
#[derive(Debug, PartialEq)]
struct Block {
    location: String,
    executing: String,
    message: String,
}

impl Block {
    fn write(&self, out: &mut String) {
        if !self.location.is_empty() {
            out.push_str(&self.location);
            out.push_str("\n  ");
        }
        if !self.executing.is_empty() {
            out.push_str(&self.executing);
            out.push_str("\n    ");
        }
        if !self.message.is_empty() {
            out.push_str(&self.message);
            out.push('\n');
        }
    }
}

/// The blocks of an error whose every wrapped error reads as a Go
/// template error; `None` when one does not (Go's text then stands).
fn blocks(error: &Error) -> Option<String> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = Some(error);
    while let Some(e) = current {
        let text = e.to_string();
        // The error itself, then the error it holds (the same text, so the
        // same block, kept once).
        let block = read_block(&text)?;
        if blocks.last() != Some(&block) {
            blocks.push(block);
        }
        current = None;
        // Go wraps a function's error (`error calling F: %w`); any other
        // execution error ends the chain.
        let Some(rest) = e.message.strip_prefix("error calling ") else {
            break;
        };
        match &e.cause {
            Some(cause) => current = Some(cause),
            None => {
                let inner = rest.split_once(": ").map_or("", |(_, inner)| inner);
                blocks.push(Block {
                    location: String::new(),
                    executing: String::new(),
                    message: no_template(inner)?.to_owned(),
                });
            }
        }
    }
    let mut out = String::new();
    for block in &blocks {
        block.write(&mut out);
    }
    Some(out.trim().to_owned())
}

/// Go's `template: no template %q associated with template %q`, the one
/// function error Helm reads as a template error.
fn no_template(text: &str) -> Option<&str> {
    text.starts_with("template: no template ").then_some(text)
}

/// Reads `template: NAME:L:C: executing "T" at <NODE>: MSG[ template:…]`
/// as Helm's pattern does: each part the shortest that lets the rest
/// match, no part crossing a line.
fn read_block(text: &str) -> Option<Block> {
    if text.contains('\n') {
        return None;
    }
    let rest = text.strip_prefix("template: ")?;
    let (location, rest) = split_nonempty(rest, ": executing ")?;
    let (function, rest) = split_nonempty(rest, " at ")?;
    let (node, rest) = split_nonempty(rest, ": ")?;
    // The message stops where a wrapped template error starts.
    let message = match rest.get(1..).and_then(|tail| tail.find(" template:")) {
        Some(i) => &rest[..=i],
        None => rest,
    };
    if message.is_empty() {
        return None;
    }
    Some(Block {
        location: location.to_owned(),
        executing: format!("executing {function} at {node}:"),
        message: message.to_owned(),
    })
}

/// `text` split at the first `sep` that leaves a non-empty head.
fn split_nonempty<'a>(text: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let i = text.get(1..)?.find(sep)? + 1;
    Some((&text[..i], &text[i + sep.len()..]))
}

#[cfg(test)]
mod tests;
