//! libyaml's event parser, safely: the one place chartgen calls into
//! `unsafe-libyaml` (libyaml translated to Rust, the parser serde_yaml
//! runs on), as serde_yaml's own wrapper does.
//!
//! go-yaml v2, which Helm reads values with, is a line-by-line port of the
//! same libyaml, so both accept and refuse the same texts and report the
//! same problems.

use std::mem::MaybeUninit;
use std::ptr::NonNull;

use unsafe_libyaml as unsafe_sys;

/// A place in the input: 0-based byte offset, line and column (in
/// characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

impl From<unsafe_sys::yaml_mark_t> for Mark {
    fn from(mark: unsafe_sys::yaml_mark_t) -> Self {
        let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        Mark {
            index: size(mark.index),
            line: size(mark.line),
            column: size(mark.column),
        }
    }
}

/// A parsing event, with what chartgen reads of it.
#[derive(Debug)]
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias {
        anchor: String,
    },
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: String,
        /// Plain and untagged (or tagged `!`).
        plain_implicit: bool,
    },
    SequenceStart {
        anchor: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
    },
    MappingEnd,
}

/// What libyaml says is wrong (go-yaml reports the problem alone), and
/// where.
#[derive(Debug)]
pub(crate) struct ParseError {
    pub problem: String,
    pub mark: Mark,
}

/// libyaml's parser over a text it borrows.
pub(crate) struct Parser<'input> {
    /// Boxed so that it never moves once initialized: libyaml keeps
    /// pointers into its own buffers.
    sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
    /// The input libyaml reads from, kept alive as long as the parser.
    _input: &'input [u8],
    failed: bool,
}

impl<'input> Parser<'input> {
    /// A parser of `input`.
    pub fn new(input: &'input str) -> Self {
        let mut boxed = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        let bytes = input.as_bytes();
        // SAFETY: the parser is initialized in place in its box, which never
        // moves, before any other call; the input outlives the parser.
        let failed = unsafe {
            let parser = boxed.as_mut_ptr();
            if unsafe_sys::yaml_parser_initialize(parser).fail {
                true
            } else {
                unsafe_sys::yaml_parser_set_input_string(
                    parser,
                    bytes.as_ptr(),
                    bytes.len() as u64,
                );
                false
            }
        };
        // Only an allocation failure makes initialization fail; the box is
        // then left uninitialized, and never used nor deleted.
        Parser {
            sys: boxed,
            _input: bytes,
            failed,
        }
    }

    /// The next event, with where it starts and ends.
    pub fn next(&mut self) -> Result<(Event, Mark, Mark), ParseError> {
        if self.failed {
            return Err(ParseError {
                problem: "the YAML parser could not start".into(),
                mark: Mark::default(),
            });
        }
        let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialized (see `new`); an event is read
        // only when libyaml reports success, and deleted once converted.
        unsafe {
            let parser = self.sys.as_mut_ptr();
            let state: &unsafe_sys::yaml_parser_t = &*parser;
            if state.error != unsafe_sys::YAML_NO_ERROR {
                return Err(error(state));
            }
            let event = event.as_mut_ptr();
            if unsafe_sys::yaml_parser_parse(parser, event).fail {
                return Err(error(&*parser));
            }
            let converted = convert(&*event);
            let start = Mark::from((*event).start_mark);
            let end = Mark::from((*event).end_mark);
            unsafe_sys::yaml_event_delete(event);
            Ok((converted, start, end))
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        if !self.failed {
            // SAFETY: initialized in `new`, deleted once here.
            unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
    }
}

/// The parser's error.
///
/// # Safety
///
/// `parser` must be initialized.
unsafe fn error(parser: &unsafe_sys::yaml_parser_t) -> ParseError {
    ParseError {
        problem: text(parser.problem.cast())
            .unwrap_or_else(|| "unknown problem parsing YAML content".into()),
        mark: Mark::from(parser.problem_mark),
    }
}

/// A libyaml string (NUL-terminated), if any.
///
/// # Safety
///
/// `ptr` must be null or point to a NUL-terminated string.
unsafe fn text(ptr: *const u8) -> Option<String> {
    let ptr = NonNull::new(ptr.cast_mut())?;
    let mut len = 0;
    while *ptr.as_ptr().add(len) != 0 {
        len += 1;
    }
    let bytes = std::slice::from_raw_parts(ptr.as_ptr(), len);
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// The event libyaml produced, in owned data.
///
/// # Safety
///
/// `event` must be an event `yaml_parser_parse` filled.
unsafe fn convert(event: &unsafe_sys::yaml_event_t) -> Event {
    match event.type_ {
        unsafe_sys::YAML_STREAM_START_EVENT => Event::StreamStart,
        unsafe_sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
        unsafe_sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
        unsafe_sys::YAML_ALIAS_EVENT => Event::Alias {
            anchor: text(event.data.alias.anchor).unwrap_or_default(),
        },
        unsafe_sys::YAML_SCALAR_EVENT => {
            let scalar = &event.data.scalar;
            let value = if scalar.value.is_null() {
                String::new()
            } else {
                let len = usize::try_from(scalar.length).unwrap_or(0);
                String::from_utf8_lossy(std::slice::from_raw_parts(scalar.value, len)).into_owned()
            };
            Event::Scalar {
                anchor: text(scalar.anchor),
                tag: text(scalar.tag),
                value,
                plain_implicit: scalar.plain_implicit,
            }
        }
        unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart {
            anchor: text(event.data.sequence_start.anchor),
        },
        unsafe_sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
        unsafe_sys::YAML_MAPPING_START_EVENT => Event::MappingStart {
            anchor: text(event.data.mapping_start.anchor),
        },
        unsafe_sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
        // No other kind of event is ever produced; the end is the safe
        // reading of anything else.
        _ => Event::StreamEnd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<Event>, ParseError> {
        let mut parser = Parser::new(text);
        let mut out = Vec::new();
        loop {
            let (event, _, _) = parser.next()?;
            let end = matches!(event, Event::StreamEnd);
            out.push(event);
            if end {
                return Ok(out);
            }
        }
    }

    #[test]
    fn texts_libyaml_safer_panicked_on_parse() {
        // A block scalar at the very end, with no line break after it; a
        // tag before a comma in a flow sequence.
        for text in ["a: |-\n  x", "a: [!755, x]\n", "a: |", ""] {
            assert!(events(text).is_ok(), "{text:?}");
        }
        let error = events("a: [1, 2\n").unwrap_err();
        assert_eq!(error.problem, "did not find expected ',' or ']'");
    }
}
