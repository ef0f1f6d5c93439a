//! libyaml's event parser, safely: the one place chartgen calls into
//! `unsafe-libyaml` (libyaml translated to Rust, the parser serde_yaml
//! runs on), as serde_yaml's own wrapper does.
//!
//! go-yaml v2, which Helm reads values with, is a line-by-line port of the
//! same libyaml, so both accept and refuse the same texts and report the
//! same problems.

use std::marker::PhantomData;
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
    /// What libyaml was reading ("while parsing a flow sequence"), and
    /// where that starts.
    pub context: Option<(String, Mark)>,
}

/// libyaml's parser over a text it borrows, read as an iterator of events
/// that ends after the stream's end or the first error.
///
/// The parser lives on the heap at an address that never changes, and is
/// reached only through the raw pointer [`Box::into_raw`] gave, never
/// through a `Box` or a reference (serde_yaml's `Owned`): libyaml keeps a
/// pointer to the parser itself (the read handler's data), and moving or
/// reborrowing a `Box` would invalidate that pointer under Rust's aliasing
/// rules.
pub(crate) struct Parser<'input> {
    /// Allocated by `Box::into_raw` in [`Parser::new`], freed in `Drop`;
    /// initialized by libyaml when `initialized` is set.
    sys: NonNull<unsafe_sys::yaml_parser_t>,
    /// The input libyaml reads from, borrowed as long as the parser lives.
    _input: PhantomData<&'input [u8]>,
    /// libyaml initialized the parser (it fails only when out of memory):
    /// otherwise it is never passed to libyaml, only freed.
    initialized: bool,
    /// The stream ended or an error was returned: no more events.
    done: bool,
}

impl<'input> Parser<'input> {
    /// A parser of `input`.
    pub fn new(input: &'input str) -> Self {
        let bytes = input.as_bytes();
        let boxed = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        // From here on the allocation is reached only through this pointer,
        // never through the box again.
        let sys = NonNull::from(Box::leak(boxed)).cast::<unsafe_sys::yaml_parser_t>();
        // SAFETY: `sys` points to an allocation of the parser's size and
        // alignment, valid until `Drop` frees it. `yaml_parser_initialize`
        // writes every field before any is read (it zeroes the struct
        // first); only then are the other calls made. The input pointer and
        // length describe `bytes`, which outlive the parser (`'input`), and
        // libyaml only reads them. Declaring UTF-8 (the text is a `str`)
        // keeps libyaml from guessing an encoding from the first bytes; a
        // BOM is then a character it skips at the start of a line, counted
        // in the marks, which stay byte offsets into `input`.
        let initialized = unsafe {
            let parser = sys.as_ptr();
            if unsafe_sys::yaml_parser_initialize(parser).fail {
                false
            } else {
                unsafe_sys::yaml_parser_set_encoding(parser, unsafe_sys::YAML_UTF8_ENCODING);
                unsafe_sys::yaml_parser_set_input_string(
                    parser,
                    bytes.as_ptr(),
                    bytes.len() as u64,
                );
                true
            }
        };
        Parser {
            sys,
            _input: PhantomData,
            initialized,
            done: false,
        }
    }
}

impl Iterator for Parser<'_> {
    type Item = Result<(Event, Mark, Mark), ParseError>;

    /// The next event, with where it starts and ends; `None` once the
    /// stream has ended or an error was returned.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if !self.initialized {
            self.done = true;
            return Some(Err(ParseError {
                problem: "the YAML parser could not start".into(),
                mark: Mark::default(),
                context: None,
            }));
        }
        let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialized (`initialized`) and is
        // reached only through `self.sys`; `&mut self` makes this the only
        // call into libyaml on it right now. The error fields are plain
        // data libyaml set. `yaml_parser_parse` fills `event` when it does
        // not fail, and only then is the event read, converted into owned
        // data (nothing borrowed from it survives) and deleted once.
        let item = unsafe {
            let parser = self.sys.as_ptr();
            // The fields are read through a shared reference (libyaml
            // exposes them by `Deref`), which ends before libyaml runs.
            let earlier = (&*parser).error;
            if earlier != unsafe_sys::YAML_NO_ERROR {
                Err(error(parser))
            } else {
                let event = event.as_mut_ptr();
                if unsafe_sys::yaml_parser_parse(parser, event).fail {
                    Err(error(parser))
                } else {
                    let converted = convert(&*event);
                    let start = Mark::from((*event).start_mark);
                    let end = Mark::from((*event).end_mark);
                    unsafe_sys::yaml_event_delete(event);
                    Ok((converted, start, end))
                }
            }
        };
        self.done = matches!(item, Err(_) | Ok((Event::StreamEnd, _, _)));
        Some(item)
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: `sys` came from `Box::into_raw` of a
        // `Box<MaybeUninit<yaml_parser_t>>` and is freed only here, once.
        // An initialized parser is deleted first (libyaml frees its own
        // buffers); an unusable one holds nothing libyaml allocated.
        // `MaybeUninit` has the layout of the parser, so the box rebuilt
        // from the pointer frees the allocation it came from.
        unsafe {
            if self.initialized {
                unsafe_sys::yaml_parser_delete(self.sys.as_ptr());
            }
            drop(Box::from_raw(
                self.sys
                    .as_ptr()
                    .cast::<MaybeUninit<unsafe_sys::yaml_parser_t>>(),
            ));
        }
    }
}

/// The parser's error, with the context libyaml gives it ("while parsing a
/// flow sequence", where that sequence starts).
///
/// # Safety
///
/// `parser` must point to an initialized parser.
unsafe fn error(parser: *const unsafe_sys::yaml_parser_t) -> ParseError {
    let parser = &*parser;
    ParseError {
        problem: text(parser.problem.cast())
            .unwrap_or_else(|| "unknown problem parsing YAML content".into()),
        mark: Mark::from(parser.problem_mark),
        context: text(parser.context.cast())
            .map(|context| (context, Mark::from(parser.context_mark))),
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

    fn events(text: &str) -> Result<Vec<(Event, Mark)>, ParseError> {
        Parser::new(text)
            .map(|item| item.map(|(event, start, _)| (event, start)))
            .collect()
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
        let (context, at) = error.context.unwrap();
        assert_eq!(
            (context.as_str(), at.line, at.column),
            ("while parsing a flow sequence", 0, 3)
        );
    }

    /// Marks are byte offsets into the text, a leading BOM included (it
    /// was skipped before counting, and hints quoted the wrong text).
    #[test]
    fn marks_count_a_bom() {
        let marks: Vec<usize> = events("\u{feff}ab: 12345\n")
            .unwrap()
            .into_iter()
            .filter(|(event, _)| matches!(event, Event::Scalar { .. }))
            .map(|(_, mark)| mark.index)
            .collect();
        assert_eq!(marks, [3, 7]);
    }

    /// The iterator ends after the stream's end and after an error, and a
    /// parser dropped half-way frees what it holds.
    #[test]
    fn ends_once_and_drops_anywhere() {
        let mut parser = Parser::new("a: [");
        assert!(parser.any(|item| item.is_err()));
        assert!(parser.next().is_none());
        let mut parser = Parser::new("a");
        assert_eq!(parser.by_ref().count(), 5);
        assert!(parser.next().is_none());
        let mut parser = Parser::new("a: {b: [c, d]}\n");
        assert!(parser.nth(3).is_some());
        drop(parser);
        for text in [
            "a: !<%ED%A0%80> x\n",
            "a: !<%00> x\n",
            "&a [*a]\n",
            "a: \"\\0\\x80\\uD7FF\"\n",
            "%YAML 1.1\n---\na: b\n...\n---\nc\n",
        ] {
            assert!(Parser::new(text).count() > 0, "{text:?}");
        }
    }
}
