//! Go's template lexer (`text/template/parse/lex.go`), pull-based as Go's
//! has been since 1.20: the parser asks for one token at a time.
//!
//! Text between actions is found with `memchr::memmem`, so plain text
//! costs a vectorised search, not a step per character; inside actions the
//! lexer follows Go's state machine rune by rune (actions are short).

use memchr::memmem;

/// What a token is (Go's `itemType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A lexing error; the token's value is the message.
    Error,
    /// `true` or `false`.
    Bool,
    /// A printable ASCII character Go has no other token for (`,` …).
    Char,
    /// A character constant (`'a'`).
    CharConstant,
    /// A comment (only when comments are kept).
    Comment,
    /// A complex constant (`1+2i`).
    Complex,
    /// `=`.
    Assign,
    /// `:=`.
    Declare,
    /// The end of the input.
    Eof,
    /// `.Name`.
    Field,
    /// A name: a function.
    Identifier,
    /// The left delimiter.
    LeftDelim,
    /// `(`.
    LeftParen,
    /// A number.
    Number,
    /// `|`.
    Pipe,
    /// A raw string, with its backquotes.
    RawString,
    /// The right delimiter.
    RightDelim,
    /// `)`.
    RightParen,
    /// A run of spaces inside an action.
    Space,
    /// A quoted string, with its quotes.
    String,
    /// Text outside actions.
    Text,
    /// `$` or `$name`.
    Variable,
    /// `block`.
    Block,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `.`.
    Dot,
    /// `define`.
    Define,
    /// `else`.
    Else,
    /// `end`.
    End,
    /// `if`.
    If,
    /// `nil`.
    Nil,
    /// `range`.
    Range,
    /// `template`.
    Template,
    /// `with`.
    With,
}

impl TokenKind {
    /// Whether this is a keyword (Go prints those as `<if>`).
    pub fn is_keyword(self) -> bool {
        matches!(
            self,
            TokenKind::Block
                | TokenKind::Break
                | TokenKind::Continue
                | TokenKind::Dot
                | TokenKind::Define
                | TokenKind::Else
                | TokenKind::End
                | TokenKind::If
                | TokenKind::Nil
                | TokenKind::Range
                | TokenKind::Template
                | TokenKind::With
        )
    }

    /// The name Go's lexer tests use for the kind (`itemText` → `Text`).
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Error => "Error",
            TokenKind::Bool => "Bool",
            TokenKind::Char => "Char",
            TokenKind::CharConstant => "CharConstant",
            TokenKind::Comment => "Comment",
            TokenKind::Complex => "Complex",
            TokenKind::Assign => "Assign",
            TokenKind::Declare => "Declare",
            TokenKind::Eof => "EOF",
            TokenKind::Field => "Field",
            TokenKind::Identifier => "Identifier",
            TokenKind::LeftDelim => "LeftDelim",
            TokenKind::LeftParen => "LeftParen",
            TokenKind::Number => "Number",
            TokenKind::Pipe => "Pipe",
            TokenKind::RawString => "RawString",
            TokenKind::RightDelim => "RightDelim",
            TokenKind::RightParen => "RightParen",
            TokenKind::Space => "Space",
            TokenKind::String => "String",
            TokenKind::Text => "Text",
            TokenKind::Variable => "Variable",
            TokenKind::Block => "Block",
            TokenKind::Break => "Break",
            TokenKind::Continue => "Continue",
            TokenKind::Dot => "Dot",
            TokenKind::Define => "Define",
            TokenKind::Else => "Else",
            TokenKind::End => "End",
            TokenKind::If => "If",
            TokenKind::Nil => "Nil",
            TokenKind::Range => "Range",
            TokenKind::Template => "Template",
            TokenKind::With => "With",
        }
    }
}

fn keyword(word: &str) -> Option<TokenKind> {
    Some(match word {
        "." => TokenKind::Dot,
        "block" => TokenKind::Block,
        "break" => TokenKind::Break,
        "continue" => TokenKind::Continue,
        "define" => TokenKind::Define,
        "else" => TokenKind::Else,
        "end" => TokenKind::End,
        "if" => TokenKind::If,
        "range" => TokenKind::Range,
        "nil" => TokenKind::Nil,
        "template" => TokenKind::Template,
        "with" => TokenKind::With,
        _ => return None,
    })
}

/// A token: its kind, where it starts (byte offset and 1-based line) and
/// its text (for an error, the message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// What it is.
    pub kind: TokenKind,
    /// Byte offset of its start in the input.
    pub pos: usize,
    /// Its text, or an error's message.
    pub val: TokenVal<'a>,
    /// 1-based line of its start.
    pub line: usize,
}

/// A token's text: a slice of the input, or an error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenVal<'a> {
    /// Part of the input.
    Slice(&'a str),
    /// An error message.
    Message(String),
}

impl TokenVal<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            TokenVal::Slice(s) => s,
            TokenVal::Message(m) => m,
        }
    }
}

impl<'a> Token<'a> {
    /// The token's text.
    pub fn text(&self) -> &str {
        self.val.as_str()
    }

    /// The token's text as a slice of the input ("" for an error).
    pub fn slice(&self) -> &'a str {
        match self.val {
            TokenVal::Slice(s) => s,
            TokenVal::Message(_) => "",
        }
    }
}

impl std::fmt::Display for Token<'_> {
    /// Go's `item.String()`, as parse errors quote tokens.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let val = self.text();
        match self.kind {
            TokenKind::Eof => f.write_str("EOF"),
            TokenKind::Error => f.write_str(val),
            k if k.is_keyword() => write!(f, "<{val}>"),
            _ if val.chars().count() > 10 => {
                let head: String = val.chars().take(10).collect();
                write!(f, "{}...", crate::fmt::quote(&head))
            }
            _ => f.write_str(&crate::fmt::quote(val)),
        }
    }
}

const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const TRIM_MARKER: u8 = b'-';
const TRIM_MARKER_LEN: usize = 2;

/// Go's lexer options.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexOptions {
    /// Emit comments as tokens.
    pub emit_comment: bool,
    /// `break` is a keyword (no function of that name).
    pub break_ok: bool,
    /// `continue` is a keyword (no function of that name).
    pub continue_ok: bool,
}

/// The lexer.
pub struct Lexer<'a> {
    input: &'a str,
    left: &'a str,
    right: &'a str,
    finder: memmem::Finder<'a>,
    pos: usize,
    start: usize,
    at_eof: bool,
    paren_depth: usize,
    line: usize,
    start_line: usize,
    inside_action: bool,
    options: LexOptions,
    done: bool,
}

/// The states `next_token`'s loop steps through. The common ones (spaces,
/// names, numbers, strings, a left delimiter) are entered by a direct call
/// from the state before them: the same step, without a turn of the loop.
enum State {
    Text,
    Comment,
    RightDelim,
    InsideAction,
    Char,
    RawQuote,
}

fn is_space(r: char) -> bool {
    matches!(r, ' ' | '\t' | '\r' | '\n')
}

fn is_alnum(r: char) -> bool {
    r == '_' || r.is_alphabetic() || r.is_numeric()
}

fn has_left_trim_marker(s: &[u8]) -> bool {
    s.len() >= 2 && s[0] == TRIM_MARKER && is_space(s[1] as char)
}

fn has_right_trim_marker(s: &[u8]) -> bool {
    s.len() >= 2 && is_space(s[0] as char) && s[1] == TRIM_MARKER
}

/// Whether `s` starts with `prefix`: delimiters are a byte or two, and a
/// byte loop beats a call to `memcmp` for them.
#[inline]
fn has_prefix(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s.iter().zip(prefix).all(|(a, b)| a == b)
}

fn count_newlines(s: &str) -> usize {
    // Most spans counted are a delimiter or a few spaces long: a byte loop
    // beats setting up a vectorised count for them.
    if s.len() < 32 {
        return s.bytes().filter(|&b| b == b'\n').count();
    }
    memchr::memchr_iter(b'\n', s.as_bytes()).count()
}

fn is_space_byte(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Bytes of Go's space characters at the end of `s` (all ASCII, so a byte
/// scan finds them).
fn trailing_spaces(s: &str) -> usize {
    s.bytes().rev().take_while(is_space_byte).count()
}

/// Bytes of Go's space characters at the start of `s`.
fn leading_spaces(s: &str) -> usize {
    s.bytes().take_while(is_space_byte).count()
}

impl<'a> Lexer<'a> {
    /// A lexer over `input` with delimiters `left` and `right` (empty means
    /// Go's `{{` and `}}`).
    pub fn new(input: &'a str, left: &'a str, right: &'a str, options: LexOptions) -> Self {
        let left = if left.is_empty() { "{{" } else { left };
        let right = if right.is_empty() { "}}" } else { right };
        Lexer {
            input,
            left,
            right,
            finder: memmem::Finder::new(left.as_bytes()),
            pos: 0,
            start: 0,
            at_eof: false,
            paren_depth: 0,
            line: 1,
            start_line: 1,
            inside_action: false,
            options,
            done: false,
        }
    }

    #[inline]
    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    #[inline]
    fn next_char(&mut self) -> Option<char> {
        // Actions are nearly always ASCII: skip UTF-8 decoding for it.
        if let Some(&b) = self.input.as_bytes().get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                if b == b'\n' {
                    self.line += 1;
                }
                return Some(b as char);
            }
        }
        match self.input[self.pos..].chars().next() {
            None => {
                self.at_eof = true;
                None
            }
            Some(r) => {
                self.pos += r.len_utf8();
                if r == '\n' {
                    self.line += 1;
                }
                Some(r)
            }
        }
    }

    #[inline]
    fn peek(&mut self) -> Option<char> {
        match self.input.as_bytes().get(self.pos) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.input[self.pos..].chars().next(),
            None => None,
        }
    }

    #[inline]
    fn backup(&mut self) {
        if !self.at_eof && self.pos > 0 {
            let b = self.input.as_bytes()[self.pos - 1];
            if b < 0x80 {
                self.pos -= 1;
                if b == b'\n' {
                    self.line -= 1;
                }
                return;
            }
            if let Some(r) = self.input[..self.pos].chars().next_back() {
                self.pos -= r.len_utf8();
                if r == '\n' {
                    self.line -= 1;
                }
            }
        }
    }

    #[inline]
    fn this_token(&mut self, kind: TokenKind) -> Token<'a> {
        let t = Token {
            kind,
            pos: self.start,
            val: TokenVal::Slice(&self.input[self.start..self.pos]),
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        t
    }

    fn ignore(&mut self) {
        self.line += count_newlines(&self.input[self.start..self.pos]);
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.next_char() {
            Some(r) if valid.contains(r) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while let Some(r) = self.next_char() {
            if !valid.contains(r) {
                self.backup();
                return;
            }
        }
        self.backup();
    }

    fn error(&mut self, message: String) -> Token<'a> {
        let t = Token {
            kind: TokenKind::Error,
            pos: self.start,
            val: TokenVal::Message(message),
            line: self.start_line,
        };
        self.done = true;
        t
    }

    #[inline]
    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest().as_bytes();
        if has_right_trim_marker(rest)
            && has_prefix(&rest[TRIM_MARKER_LEN..], self.right.as_bytes())
        {
            return (true, true);
        }
        (has_prefix(rest, self.right.as_bytes()), false)
    }

    #[inline]
    fn at_terminator(&mut self) -> bool {
        match self.peek() {
            None => true,
            Some(r) if is_space(r) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            Some(_) => has_prefix(self.rest().as_bytes(), self.right.as_bytes()),
        }
    }

    /// The next token. After an error or EOF, EOF forever.
    pub fn next_token(&mut self) -> Token<'a> {
        if self.done {
            return Token {
                kind: TokenKind::Eof,
                pos: self.input.len(),
                val: TokenVal::Slice(""),
                line: self.line,
            };
        }
        let mut state = if self.inside_action {
            State::InsideAction
        } else {
            State::Text
        };
        loop {
            let step = match state {
                State::Text => self.lex_text(),
                State::Comment => self.lex_comment(),
                State::RightDelim => self.lex_right_delim(),
                State::InsideAction => self.lex_inside_action(),
                State::Char => self.lex_char(),
                State::RawQuote => self.lex_raw_quote(),
            };
            match step {
                Ok(token) => {
                    if token.kind == TokenKind::Eof {
                        self.done = true;
                    }
                    return token;
                }
                Err(next) => state = next,
            }
        }
    }

    fn lex_text(&mut self) -> Result<Token<'a>, State> {
        if let Some(x) = self.finder.find(self.rest().as_bytes()) {
            if x > 0 {
                self.pos += x;
                let delim_end = self.pos + self.left.len();
                let trim = if has_left_trim_marker(&self.input.as_bytes()[delim_end..]) {
                    let s = &self.input[self.start..self.pos];
                    trailing_spaces(s)
                } else {
                    0
                };
                self.pos -= trim;
                self.line += count_newlines(&self.input[self.start..self.pos]);
                let t = self.this_token(TokenKind::Text);
                self.pos += trim;
                self.ignore();
                if !t.text().is_empty() {
                    return Ok(t);
                }
            }
            return self.lex_left_delim();
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            self.line += count_newlines(&self.input[self.start..self.pos]);
            return Ok(self.this_token(TokenKind::Text));
        }
        Ok(self.this_token(TokenKind::Eof))
    }

    fn lex_left_delim(&mut self) -> Result<Token<'a>, State> {
        self.pos += self.left.len();
        let trim = has_left_trim_marker(self.rest().as_bytes());
        let after = if trim { TRIM_MARKER_LEN } else { 0 };
        if has_prefix(
            &self.input.as_bytes()[self.pos + after..],
            LEFT_COMMENT.as_bytes(),
        ) {
            self.pos += after;
            self.ignore();
            return Err(State::Comment);
        }
        let t = self.this_token(TokenKind::LeftDelim);
        self.inside_action = true;
        self.pos += after;
        self.ignore();
        self.paren_depth = 0;
        Ok(t)
    }

    fn lex_comment(&mut self) -> Result<Token<'a>, State> {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = memmem::find(self.rest().as_bytes(), RIGHT_COMMENT.as_bytes()) else {
            return Ok(self.error("unclosed comment".into()));
        };
        self.pos += x + RIGHT_COMMENT.len();
        let (delim, trim) = self.at_right_delim();
        if !delim {
            return Ok(self.error("comment ends before closing delimiter".into()));
        }
        self.line += count_newlines(&self.input[self.start..self.pos]);
        let t = self.this_token(TokenKind::Comment);
        if trim {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += self.right.len();
        if trim {
            let s = self.rest();
            self.pos += leading_spaces(s);
        }
        self.ignore();
        if self.options.emit_comment {
            return Ok(t);
        }
        Err(State::Text)
    }

    fn lex_right_delim(&mut self) -> Result<Token<'a>, State> {
        let (_, trim) = self.at_right_delim();
        if trim {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += self.right.len();
        let t = self.this_token(TokenKind::RightDelim);
        if trim {
            let s = self.rest();
            self.pos += leading_spaces(s);
            self.ignore();
        }
        self.inside_action = false;
        Ok(t)
    }

    fn lex_inside_action(&mut self) -> Result<Token<'a>, State> {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return Err(State::RightDelim);
            }
            return Ok(self.error("unclosed left paren".into()));
        }
        let Some(r) = self.next_char() else {
            return Ok(self.error("unclosed action".into()));
        };
        // The common states are entered by a direct call rather than a
        // turn of `next_token`'s loop (the same steps, in the same order).
        match r {
            r if is_space(r) => {
                self.backup();
                self.lex_space()
            }
            '=' => Ok(self.this_token(TokenKind::Assign)),
            ':' => {
                if self.next_char() != Some('=') {
                    return Ok(self.error("expected :=".into()));
                }
                Ok(self.this_token(TokenKind::Declare))
            }
            '|' => Ok(self.this_token(TokenKind::Pipe)),
            '"' => self.lex_quote(),
            '`' => Err(State::RawQuote),
            '$' => self.lex_variable(),
            '\'' => Err(State::Char),
            '.' => {
                // A look-ahead for ".field", so a "." can still start a number.
                if let Some(&b) = self.input.as_bytes().get(self.pos) {
                    if !b.is_ascii_digit() {
                        return self.lex_field_or_variable(TokenKind::Field);
                    }
                }
                self.backup();
                self.lex_number()
            }
            '+' | '-' | '0'..='9' => {
                self.backup();
                self.lex_number()
            }
            r if is_alnum(r) => {
                self.backup();
                self.lex_identifier()
            }
            '(' => {
                self.paren_depth += 1;
                Ok(self.this_token(TokenKind::LeftParen))
            }
            ')' => {
                if self.paren_depth == 0 {
                    return Ok(self.error("unexpected right paren".into()));
                }
                self.paren_depth -= 1;
                Ok(self.this_token(TokenKind::RightParen))
            }
            r if r.is_ascii() && !r.is_ascii_control() => Ok(self.this_token(TokenKind::Char)),
            r => Ok(self.error(format!(
                "unrecognized character in action: {}",
                crate::fmt::sharp_u(r)
            ))),
        }
    }

    fn lex_space(&mut self) -> Result<Token<'a>, State> {
        let bytes = self.input.as_bytes();
        let mut n = 0;
        while let Some(&b) = bytes.get(self.pos) {
            if !is_space_byte(&b) {
                break;
            }
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
            }
            n += 1;
        }
        if has_right_trim_marker(&bytes[self.pos - 1..])
            && has_prefix(
                &bytes[self.pos - 1 + TRIM_MARKER_LEN..],
                self.right.as_bytes(),
            )
        {
            self.backup();
            if n == 1 {
                return Err(State::RightDelim);
            }
        }
        Ok(self.this_token(TokenKind::Space))
    }

    /// Skips a run of letters, digits and `_` (Go's `isAlphaNumeric`),
    /// ASCII a byte at a time: the character after it, not consumed, or
    /// `None` at the end of the input.
    #[inline]
    fn skip_alnum(&mut self) -> Option<char> {
        let bytes = self.input.as_bytes();
        loop {
            match bytes.get(self.pos) {
                Some(&b) if b.is_ascii_alphanumeric() || b == b'_' => self.pos += 1,
                Some(&b) if b < 0x80 => return Some(b as char),
                Some(_) => {
                    let r = self.input[self.pos..].chars().next()?;
                    if !is_alnum(r) {
                        return Some(r);
                    }
                    self.pos += r.len_utf8();
                }
                None => {
                    // As `next_char` at the end: a later `backup` stays.
                    self.at_eof = true;
                    return None;
                }
            }
        }
    }

    fn lex_identifier(&mut self) -> Result<Token<'a>, State> {
        let r = self.skip_alnum();
        let word = &self.input[self.start..self.pos];
        if !self.at_terminator() {
            let r = r.unwrap_or('\u{0}');
            return Ok(self.error(format!("bad character {}", crate::fmt::sharp_u(r))));
        }
        let kind = match keyword(word) {
            Some(TokenKind::Break) if !self.options.break_ok => TokenKind::Identifier,
            Some(TokenKind::Continue) if !self.options.continue_ok => TokenKind::Identifier,
            Some(k) => k,
            None if word == "true" || word == "false" => TokenKind::Bool,
            None => TokenKind::Identifier,
        };
        Ok(self.this_token(kind))
    }

    fn lex_variable(&mut self) -> Result<Token<'a>, State> {
        if self.at_terminator() {
            Ok(self.this_token(TokenKind::Variable))
        } else {
            self.lex_field_or_variable(TokenKind::Variable)
        }
    }

    fn lex_field_or_variable(&mut self, kind: TokenKind) -> Result<Token<'a>, State> {
        if self.at_terminator() {
            let kind = if kind == TokenKind::Variable {
                TokenKind::Variable
            } else {
                TokenKind::Dot
            };
            return Ok(self.this_token(kind));
        }
        let last = self.skip_alnum();
        if !self.at_terminator() {
            let r = last.unwrap_or('\u{0}');
            return Ok(self.error(format!("bad character {}", crate::fmt::sharp_u(r))));
        }
        Ok(self.this_token(kind))
    }

    fn lex_char(&mut self) -> Result<Token<'a>, State> {
        loop {
            match self.next_char() {
                Some('\\') => match self.next_char() {
                    Some(r) if r != '\n' => {}
                    _ => return Ok(self.error("unterminated character constant".into())),
                },
                None | Some('\n') => {
                    return Ok(self.error("unterminated character constant".into()))
                }
                Some('\'') => break,
                Some(_) => {}
            }
        }
        Ok(self.this_token(TokenKind::CharConstant))
    }

    fn lex_number(&mut self) -> Result<Token<'a>, State> {
        if !self.scan_number() {
            let bad = crate::fmt::quote(&self.input[self.start..self.pos]);
            return Ok(self.error(format!("bad number syntax: {bad}")));
        }
        if let Some('+' | '-') = self.peek() {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if !self.scan_number() || !self.input[..self.pos].ends_with('i') {
                let bad = crate::fmt::quote(&self.input[self.start..self.pos]);
                return Ok(self.error(format!("bad number syntax: {bad}")));
            }
            return Ok(self.this_token(TokenKind::Complex));
        }
        Ok(self.this_token(TokenKind::Number))
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            // A leading 0 does not mean octal in floats.
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 10 + 1 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 16 + 6 + 1 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if let Some(r) = self.peek() {
            if is_alnum(r) {
                self.next_char();
                return false;
            }
        }
        true
    }

    fn lex_quote(&mut self) -> Result<Token<'a>, State> {
        loop {
            match self.next_char() {
                Some('\\') => match self.next_char() {
                    Some(r) if r != '\n' => {}
                    _ => return Ok(self.error("unterminated quoted string".into())),
                },
                None | Some('\n') => return Ok(self.error("unterminated quoted string".into())),
                Some('"') => break,
                Some(_) => {}
            }
        }
        Ok(self.this_token(TokenKind::String))
    }

    fn lex_raw_quote(&mut self) -> Result<Token<'a>, State> {
        // A raw string may span lines and holds no escapes: find its end at
        // once.
        match memchr::memchr(b'`', self.rest().as_bytes()) {
            None => {
                self.pos = self.input.len();
                self.at_eof = true;
                Ok(self.error("unterminated raw quoted string".into()))
            }
            Some(x) => {
                self.line += count_newlines(&self.input[self.pos..self.pos + x]);
                self.pos += x + 1;
                Ok(self.this_token(TokenKind::RawString))
            }
        }
    }
}

/// Every token of `input`, up to and including EOF or an error: what Go's
/// lexer tests compare.
pub fn tokens<'a>(input: &'a str, left: &'a str, right: &'a str) -> Vec<Token<'a>> {
    let mut lexer = Lexer::new(
        input,
        left,
        right,
        LexOptions {
            emit_comment: true,
            break_ok: true,
            continue_ok: true,
        },
    );
    let mut out = Vec::new();
    loop {
        let t = lexer.next_token();
        let end = matches!(t.kind, TokenKind::Eof | TokenKind::Error);
        out.push(t);
        if end {
            return out;
        }
    }
}
