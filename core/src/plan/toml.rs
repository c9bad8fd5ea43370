//! A strict subset of TOML 1.0 that keeps the line and column of every key and value.
//!
//! Why our own: a general TOML crate adds tens of kilobytes of wasm to every reader's download,
//! and loses the positions we need to point a statistician at the broken field. The subset is
//! documented at the end of docs/data-format.md; anything outside it is refused with a message
//! naming the line, never silently read differently.
//!
//! No input can crash, hang or exhaust it: the file size, the line length, the nesting depth
//! and the keys of one table are limited (`limits`), each with a located message; nesting is
//! the only recursion and the depth limit bounds it (in the browser a stack overflow is a trap
//! that would take the page down); a table with many keys is looked up through a hash index,
//! so the time taken grows linearly with the file.

use crate::diagnostic::{Diagnostic, Encoding, Expected, Feature, Found, Limit, Location, Problem};
use std::collections::HashMap;

/// What a plan file may hold. Each limit is far above what a real plan needs (the Can Tho plan
/// is about 250 KB, its longest line under 2,000 characters, its deepest value two levels down,
/// its largest table eleven keys) and low enough that the validator stays fast and small.
pub mod limits {
    /// Bytes in the file (16 MiB).
    pub const FILE_BYTES: usize = 16 * 1024 * 1024;
    /// Characters on one line.
    pub const LINE_CHARS: usize = 10_000;
    /// Arrays, inline tables and dotted-key segments nested in one another.
    pub const DEPTH: usize = 16;
    /// Keys in one table (a `[[observation]]` block has at most a dozen).
    pub const KEYS: usize = 1_000;
    /// Diagnostics reported for one file; one more says how many were left out.
    pub const MESSAGES: usize = 200;
}

/// A position in the file, 1-based.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub pos: Pos,
    pub value: T,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    /// Numbers keep whether they were written without a fraction, so years can insist on it,
    /// how many digits follow the point (a `4.700` may be a thousands separator), and, when
    /// the number has more digits than an f64 holds, the literal as written.
    Number {
        value: f64,
        integer: bool,
        fraction_digits: u8,
        inexact: Option<Box<str>>,
    },
    Bool(bool),
    Array(Vec<Spanned<Value>>),
    Table(Table),
    /// The `[[name]]` blocks, in file order.
    TableArray(Vec<Spanned<Table>>),
}

impl Value {
    /// A number as most of the code needs it: value and whether it was written as an integer.
    pub fn number(value: f64, integer: bool) -> Value {
        Value::Number {
            value,
            integer,
            fraction_digits: 0,
            inexact: None,
        }
    }

    pub fn type_name(&self) -> crate::diagnostic::TypeName {
        use crate::diagnostic::TypeName;
        match self {
            Value::String(_) => TypeName::String,
            Value::Number { .. } => TypeName::Number,
            Value::Bool(_) => TypeName::Bool,
            Value::Array(_) => TypeName::Array,
            Value::Table(_) => TypeName::Table,
            Value::TableArray(_) => TypeName::TableArray,
        }
    }
}

/// Tables up to this size are searched key by key; larger ones keep a hash index.
const INDEX_FROM: usize = 16;

/// Keys in file order. Plan tables have a handful of keys and are searched in order; a table
/// that grows past `INDEX_FROM` keys gets a hash index, so that a hostile file with thousands
/// of keys in one table cannot make reading it quadratic.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub entries: Vec<(Spanned<String>, Spanned<Value>)>,
    index: Option<HashMap<String, usize>>,
}

impl PartialEq for Table {
    /// Two tables are equal when their entries are; the index is only a cache.
    fn eq(&self, other: &Table) -> bool {
        self.entries == other.entries
    }
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Spanned<Value>> {
        self.position(key).map(|at| &self.entries[at].1)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Spanned<Value>> {
        self.position(key).map(|at| &mut self.entries[at].1)
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k.value == key),
        }
    }

    /// Appends a key that is not in the table yet.
    fn push(&mut self, key: Spanned<String>, value: Spanned<Value>) {
        if let Some(index) = &mut self.index {
            index.insert(key.value.clone(), self.entries.len());
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() > INDEX_FROM {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(at, (k, _))| (k.value.clone(), at))
                    .collect(),
            );
        }
    }
}

/// Reads a file's bytes: UTF-8 text is parsed; anything else gets a located `encoding` error
/// saying what the bytes look like (UTF-16, binary, another encoding) and to save as UTF-8.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Table, Diagnostic> {
    if bytes.len() > limits::FILE_BYTES {
        let prefix = String::from_utf8_lossy(&bytes[..limits::FILE_BYTES]);
        return Err(error_at(
            file,
            end_pos(&prefix),
            Problem::TooLarge {
                limit: Limit::FileSize,
                max: limits::FILE_BYTES,
            },
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes) {
        return Err(error_at(
            file,
            Pos { line: 1, column: 1 },
            Problem::Encoding {
                what: Encoding::Utf16,
            },
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(file, text),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let bad = bytes.get(err.valid_up_to()).copied().unwrap_or(0);
            Err(error_at(
                file,
                end_pos(prefix),
                Problem::Encoding {
                    what: Encoding::InvalidUtf8(bad),
                },
            ))
        }
    }
}

/// UTF-16 without a byte-order mark: ASCII text then has a NUL in every other byte, so among
/// the first bytes, most of the even (or most of the odd) ones are NUL.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return false;
    }
    let nul_at = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    nul_at(0) * 4 > pairs * 3 || nul_at(1) * 4 > pairs * 3
}

/// Parses the whole file into its root table, or returns the first syntax error with its place.
/// TOML cannot resynchronise reliably after a syntax error, so one is all we report.
pub fn parse(file: &str, text: &str) -> Result<Table, Diagnostic> {
    screen(file, text)?;
    let mut parser = Parser {
        file,
        text,
        at: 0,
        line: 1,
        column: 1,
        depth: 0,
    };
    parser.document()
}

/// One pass over the text before parsing: the size, every line's length, and characters that
/// mean the file is not the text it should be (NUL, U+FFFD).
fn screen(file: &str, text: &str) -> Result<(), Diagnostic> {
    if text.len() > limits::FILE_BYTES {
        let mut cut = limits::FILE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        return Err(error_at(
            file,
            end_pos(&text[..cut]),
            Problem::TooLarge {
                limit: Limit::FileSize,
                max: limits::FILE_BYTES,
            },
        ));
    }
    let (mut line, mut column) = (1u32, 0usize);
    for (at, c) in text.char_indices() {
        if c == '\n' {
            line += 1;
            column = 0;
            continue;
        }
        if at == 0 && c == '\u{feff}' {
            continue; // the byte-order mark takes no column
        }
        column += 1;
        let pos = Pos {
            line,
            column: column as u32,
        };
        let what = match c {
            '\0' => Some(Encoding::Nul),
            '\u{fffd}' => Some(Encoding::Replacement),
            _ => None,
        };
        if let Some(what) = what {
            return Err(error_at(file, pos, Problem::Encoding { what }));
        }
        if column > limits::LINE_CHARS {
            return Err(error_at(
                file,
                pos,
                Problem::TooLarge {
                    limit: Limit::LineLength,
                    max: limits::LINE_CHARS,
                },
            ));
        }
    }
    Ok(())
}

/// The position just after `text`, counting characters as an editor does.
fn end_pos(text: &str) -> Pos {
    let line = text.matches('\n').count() as u32 + 1;
    let last = text.rsplit('\n').next().unwrap_or_default();
    let bom = u32::from(line == 1 && last.starts_with('\u{feff}'));
    Pos {
        line,
        column: last.chars().count() as u32 + 1 - bom,
    }
}

fn error_at(file: &str, pos: Pos, problem: Problem) -> Diagnostic {
    Diagnostic::error(
        Location {
            file: file.to_string(),
            line: pos.line,
            column: pos.column,
            path: String::new(),
        },
        problem,
    )
}

struct Parser<'a> {
    file: &'a str,
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: u32,
    column: u32,
    /// Arrays and inline tables open around the value being read.
    depth: usize,
}

/// Which table the `key = value` lines currently fill.
enum Current {
    Root,
    Table(String),
    ArrayItem(String),
}

impl Parser<'_> {
    fn document(&mut self) -> Result<Table, Diagnostic> {
        let mut root = Table::default();
        let mut current = Current::Root;
        loop {
            self.skip_blank_lines()?;
            let Some(c) = self.peek() else { break };
            if c == '[' {
                current = self.header(&mut root)?;
                continue;
            }
            let (path, value) = self.key_value()?;
            self.end_of_line()?;
            let target = match &current {
                Current::Root => &mut root,
                Current::Table(name) => match root.get_mut(name).map(|v| &mut v.value) {
                    Some(Value::Table(table)) => table,
                    _ => unreachable_table(),
                },
                Current::ArrayItem(name) => match root.get_mut(name).map(|v| &mut v.value) {
                    Some(Value::TableArray(items)) => match items.last_mut() {
                        Some(item) => &mut item.value,
                        None => unreachable_table(),
                    },
                    _ => unreachable_table(),
                },
            };
            self.insert_dotted(target, path, value)?;
        }
        Ok(root)
    }

    fn header(&mut self, root: &mut Table) -> Result<Current, Diagnostic> {
        let pos = self.pos();
        self.bump();
        let is_array = self.peek() == Some('[');
        if is_array {
            self.bump();
        }
        self.skip_spaces();
        let path = self.key_path()?;
        self.skip_spaces();
        for _ in 0..(if is_array { 2 } else { 1 }) {
            if self.peek() != Some(']') {
                return Err(self.syntax(Expected::HeaderEnd));
            }
            self.bump();
        }
        self.end_of_line()?;
        if path.len() != 1 {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: Feature::NestedHeaders,
                },
            ));
        }
        let name = path.into_iter().next().map(|k| k.value).unwrap_or_default();
        let key = Spanned {
            pos,
            value: name.clone(),
        };
        if is_array {
            match root.get_mut(&name) {
                Some(Spanned {
                    value: Value::TableArray(items),
                    ..
                }) => {
                    items.push(Spanned {
                        pos,
                        value: Table::default(),
                    });
                }
                Some(_) => return Err(self.error_at(pos, Problem::DuplicateKey { key: name })),
                None => {
                    self.check_room(root, pos)?;
                    root.push(
                        key,
                        Spanned {
                            pos,
                            value: Value::TableArray(vec![Spanned {
                                pos,
                                value: Table::default(),
                            }]),
                        },
                    )
                }
            }
            Ok(Current::ArrayItem(name))
        } else {
            if root.get(&name).is_some() {
                return Err(self.error_at(pos, Problem::DuplicateKey { key: name }));
            }
            self.check_room(root, pos)?;
            root.push(
                key,
                Spanned {
                    pos,
                    value: Value::Table(Table::default()),
                },
            );
            Ok(Current::Table(name))
        }
    }

    fn key_value(&mut self) -> Result<(Vec<Spanned<String>>, Spanned<Value>), Diagnostic> {
        let path = self.key_path()?;
        self.skip_spaces();
        if self.peek() != Some('=') {
            return Err(self.syntax(Expected::Equals));
        }
        self.bump();
        self.skip_spaces();
        let start = self.at;
        let value = self.value()?;
        if matches!(value.value, Value::Number { .. }) && self.peek() == Some(',') {
            if let Some(written) = self.comma_number(start) {
                return Err(self.error_at(value.pos, Problem::CommaInNumber { written }));
            }
        }
        Ok((path, value))
    }

    /// After a number followed by a comma: `6,5` or `4,700,000` when the comma is followed by
    /// digits that are not the next key of an inline table (`{ a = 1,b = 2 }`).
    fn comma_number(&self, start: usize) -> Option<String> {
        let rest = &self.text[self.at..];
        let mut end = 0;
        let bytes = rest.as_bytes();
        while end < bytes.len()
            && bytes[end] == b','
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            end += 1;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        if end == 0 {
            return None;
        }
        let after = rest[end..].trim_start_matches([' ', '\t']);
        if after.starts_with('=') || after.starts_with('.') {
            return None;
        }
        Some(format!("{}{}", &self.text[start..self.at], &rest[..end]))
    }

    fn insert_dotted(
        &self,
        table: &mut Table,
        path: Vec<Spanned<String>>,
        value: Spanned<Value>,
    ) -> Result<(), Diagnostic> {
        // Walks down the dotted path without recursion; `key_path` bounds its length.
        let mut table = table;
        let last = path.len() - 1;
        for (index, key) in path.into_iter().enumerate() {
            if index == last {
                if table.get(&key.value).is_some() {
                    return Err(self.error_at(key.pos, Problem::DuplicateKey { key: key.value }));
                }
                self.check_room(table, key.pos)?;
                table.push(key, value);
                return Ok(());
            }
            if table.get(&key.value).is_none() {
                self.check_room(table, key.pos)?;
                let pos = key.pos;
                table.push(
                    key.clone(),
                    Spanned {
                        pos,
                        value: Value::Table(Table::default()),
                    },
                );
            }
            table = match table.get_mut(&key.value) {
                Some(Spanned {
                    value: Value::Table(inner),
                    ..
                }) => inner,
                _ => return Err(self.error_at(key.pos, Problem::DuplicateKey { key: key.value })),
            };
        }
        Ok(())
    }

    /// Refuses a key beyond the limit of one table.
    fn check_room(&self, table: &Table, pos: Pos) -> Result<(), Diagnostic> {
        if table.entries.len() >= limits::KEYS {
            return Err(self.error_at(
                pos,
                Problem::TooLarge {
                    limit: Limit::Keys,
                    max: limits::KEYS,
                },
            ));
        }
        Ok(())
    }

    fn key_path(&mut self) -> Result<Vec<Spanned<String>>, Diagnostic> {
        let mut path = vec![self.key()?];
        loop {
            self.skip_spaces();
            if self.peek() != Some('.') {
                return Ok(path);
            }
            self.bump();
            self.skip_spaces();
            let pos = self.pos();
            path.push(self.key()?);
            if self.depth + path.len() > limits::DEPTH {
                return Err(self.too_deep(pos));
            }
        }
    }

    fn key(&mut self) -> Result<Spanned<String>, Diagnostic> {
        let pos = self.pos();
        match self.peek() {
            Some('"') => {
                let value = self.basic_string()?;
                Ok(Spanned { pos, value })
            }
            Some('\'') => {
                let value = self.literal_string()?;
                Ok(Spanned { pos, value })
            }
            Some(c) if is_bare_key_char(c) => {
                let start = self.at;
                while self.peek().is_some_and(is_bare_key_char) {
                    self.bump();
                }
                Ok(Spanned {
                    pos,
                    value: self.text[start..self.at].to_string(),
                })
            }
            _ => Err(self.syntax(Expected::Key)),
        }
    }

    fn value(&mut self) -> Result<Spanned<Value>, Diagnostic> {
        let pos = self.pos();
        let value = match self.peek() {
            Some('"') => {
                if self.looking_at("\"\"\"") {
                    Value::String(self.multiline_string()?)
                } else {
                    Value::String(self.basic_string()?)
                }
            }
            Some('\'') => {
                if self.looking_at("'''") {
                    return Err(self.error_at(
                        pos,
                        Problem::Unsupported {
                            feature: Feature::MultilineLiteral,
                        },
                    ));
                }
                Value::String(self.literal_string()?)
            }
            Some('[') => self.nested(pos, Self::array)?,
            Some('{') => self.nested(pos, Self::inline_table)?,
            Some('t') if self.looking_at("true") => {
                self.advance(4);
                Value::Bool(true)
            }
            Some('f') if self.looking_at("false") => {
                self.advance(5);
                Value::Bool(false)
            }
            Some(c) if c.is_ascii_digit() || c == '-' || c == '+' => self.number()?,
            Some(c) if c.is_alphabetic() => {
                let word = self.word();
                if word == "inf" || word == "nan" {
                    return Err(self.error_at(pos, Problem::NotANumber { written: word }));
                }
                return Err(self.error_at(
                    pos,
                    Problem::Syntax {
                        expected: Expected::Value,
                        found: Found::Unquoted(word),
                    },
                ));
            }
            _ => return Err(self.syntax(Expected::Value)),
        };
        Ok(Spanned { pos, value })
    }

    /// An array or inline table, one level deeper; past `limits::DEPTH` it is refused before
    /// anything inside it is read, so the recursion of `value` stays shallow.
    fn nested(
        &mut self,
        pos: Pos,
        read: fn(&mut Self) -> Result<Value, Diagnostic>,
    ) -> Result<Value, Diagnostic> {
        if self.depth >= limits::DEPTH {
            return Err(self.too_deep(pos));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn too_deep(&self, pos: Pos) -> Diagnostic {
        self.error_at(
            pos,
            Problem::TooLarge {
                limit: Limit::Depth,
                max: limits::DEPTH,
            },
        )
    }

    fn number(&mut self) -> Result<Value, Diagnostic> {
        let pos = self.pos();
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_' | ':'))
        {
            self.bump();
        }
        let raw = &self.text[start..self.at];
        let unsigned = raw.trim_start_matches(['+', '-']);
        if unsigned.starts_with("0x") || unsigned.starts_with("0o") || unsigned.starts_with("0b") {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: Feature::NonDecimal,
                },
            ));
        }
        if unsigned == "inf" || unsigned == "nan" {
            return Err(self.error_at(
                pos,
                Problem::NotANumber {
                    written: raw.to_string(),
                },
            ));
        }
        if unsigned.contains(['e', 'E']) && !unsigned.contains(':') {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: Feature::Exponents,
                },
            ));
        }
        if raw.len() >= 7 && raw.as_bytes().get(4) == Some(&b'-') && !raw.starts_with(['+', '-']) {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: Feature::BareDates,
                },
            ));
        }
        let valid_underscores = !raw.starts_with('_')
            && !raw.ends_with('_')
            && !raw.contains("__")
            && !raw.contains("_.")
            && !raw.contains("._");
        let cleaned: String = raw.chars().filter(|c| *c != '_').collect();
        let digits = cleaned.trim_start_matches(['+', '-']);
        let groups: Vec<&str> = digits.split('.').collect();
        if groups.len() > 2
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            return Err(self.error_at(
                pos,
                Problem::DotsInNumber {
                    written: raw.to_string(),
                },
            ));
        }
        let shape_ok = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1
            && !digits.starts_with('.')
            && !digits.ends_with('.')
            && !(digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."));
        match cleaned.parse::<f64>() {
            Ok(value) if valid_underscores && shape_ok && value.is_finite() => {
                let fraction = digits.split_once('.').map_or("", |(_, f)| f);
                Ok(Value::Number {
                    value,
                    integer: !digits.contains('.'),
                    fraction_digits: u8::try_from(fraction.len()).unwrap_or(u8::MAX),
                    inexact: (!same_decimal(&cleaned, value)).then(|| raw.into()),
                })
            }
            Ok(_) if valid_underscores && shape_ok => Err(self.error_at(
                pos,
                Problem::NotANumber {
                    written: raw.to_string(),
                },
            )),
            _ => Err(self.error_at(
                pos,
                Problem::Syntax {
                    expected: Expected::Number,
                    found: Found::Written(raw.to_string()),
                },
            )),
        }
    }

    fn array(&mut self) -> Result<Value, Diagnostic> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_whitespace_and_comments()?;
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Value::Array(items));
            }
            items.push(self.value()?);
            self.skip_whitespace_and_comments()?;
            match self.peek() {
                Some(',') => self.bump(),
                Some(']') => {}
                _ => return Err(self.syntax(Expected::ArraySeparator)),
            }
        }
    }

    fn inline_table(&mut self) -> Result<Value, Diagnostic> {
        self.bump();
        let mut table = Table::default();
        self.skip_spaces();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Table(table));
        }
        loop {
            self.skip_spaces();
            let (path, value) = self.key_value()?;
            self.insert_dotted(&mut table, path, value)?;
            self.skip_spaces();
            match self.peek() {
                Some(',') => self.bump(),
                Some('}') => {
                    self.bump();
                    return Ok(Value::Table(table));
                }
                _ => return Err(self.syntax(Expected::TableSeparator)),
            }
        }
    }

    fn basic_string(&mut self) -> Result<String, Diagnostic> {
        let start = self.pos();
        self.bump();
        let mut out = String::new();
        loop {
            match self.peek() {
                None | Some('\n') => {
                    return Err(self.error_at(
                        start,
                        Problem::Syntax {
                            expected: Expected::ClosingQuote,
                            found: if self.peek().is_none() {
                                Found::EndOfFile
                            } else {
                                Found::EndOfLine
                            },
                        },
                    ))
                }
                Some('"') => {
                    self.bump();
                    return Ok(out);
                }
                Some('\\') => out.push(self.escape()?),
                Some(c) if is_forbidden_control(c) => {
                    return Err(self.syntax(Expected::NoControlInString))
                }
                Some(c) => {
                    out.push(c);
                    self.bump();
                }
            }
        }
    }

    fn multiline_string(&mut self) -> Result<String, Diagnostic> {
        let start = self.pos();
        self.advance(3);
        // A newline right after the opening quotes is not part of the string.
        if self.peek() == Some('\r') {
            self.bump();
        }
        if self.peek() == Some('\n') {
            self.bump();
        }
        let mut out = String::new();
        loop {
            if self.looking_at("\"\"\"") {
                self.advance(3);
                // Up to two quotes may sit right before the closing delimiter.
                for _ in 0..2 {
                    if self.peek() == Some('"') {
                        out.push('"');
                        self.bump();
                    }
                }
                return Ok(out);
            }
            match self.peek() {
                None => {
                    return Err(self.error_at(
                        start,
                        Problem::Syntax {
                            expected: Expected::ClosingQuote,
                            found: Found::EndOfFile,
                        },
                    ))
                }
                Some('\\') => {
                    let after = self.text[self.at + 1..].chars().next();
                    if matches!(after, Some('\n' | '\r' | ' ' | '\t')) {
                        // A line-ending backslash joins the lines, trimming the whitespace.
                        self.bump();
                        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
                            self.bump();
                        }
                    } else {
                        out.push(self.escape()?);
                    }
                }
                Some(c) if c != '\n' && c != '\r' && is_forbidden_control(c) => {
                    return Err(self.syntax(Expected::NoControlInString))
                }
                Some(c) => {
                    if c != '\r' {
                        out.push(c);
                    }
                    self.bump();
                }
            }
        }
    }

    fn literal_string(&mut self) -> Result<String, Diagnostic> {
        let start = self.pos();
        self.bump();
        let mut out = String::new();
        loop {
            match self.peek() {
                None | Some('\n') => {
                    return Err(self.error_at(
                        start,
                        Problem::Syntax {
                            expected: Expected::ClosingQuote,
                            found: if self.peek().is_none() {
                                Found::EndOfFile
                            } else {
                                Found::EndOfLine
                            },
                        },
                    ))
                }
                Some('\'') => {
                    self.bump();
                    return Ok(out);
                }
                Some(c) if is_forbidden_control(c) => {
                    return Err(self.syntax(Expected::NoControlInString))
                }
                Some(c) => {
                    out.push(c);
                    self.bump();
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, Diagnostic> {
        let pos = self.pos();
        self.bump();
        let c = self.peek();
        self.bump();
        let simple = match c {
            Some('"') => Some('"'),
            Some('\\') => Some('\\'),
            Some('n') => Some('\n'),
            Some('t') => Some('\t'),
            Some('r') => Some('\r'),
            Some('b') => Some('\u{8}'),
            Some('f') => Some('\u{c}'),
            _ => None,
        };
        if let Some(ch) = simple {
            return Ok(ch);
        }
        let width = match c {
            Some('u') => 4,
            Some('U') => 8,
            _ => {
                let found = match c {
                    Some(c) => Found::Written(format!("\\{c}")),
                    None => Found::EndOfFile,
                };
                return Err(self.error_at(
                    pos,
                    Problem::Syntax {
                        expected: Expected::Escape,
                        found,
                    },
                ));
            }
        };
        let hex: String = (0..width)
            .filter_map(|_| {
                let ch = self.peek().filter(|c| *c != '\n');
                if ch.is_some() {
                    self.bump();
                }
                ch
            })
            .collect();
        u32::from_str_radix(&hex, 16)
            .ok()
            .filter(|_| hex.len() == width && hex.is_ascii())
            .and_then(char::from_u32)
            .ok_or_else(|| {
                self.error_at(
                    pos,
                    Problem::Syntax {
                        expected: Expected::Escape,
                        found: Found::Written(format!(
                            "\\{}{hex}",
                            if width == 4 { 'u' } else { 'U' }
                        )),
                    },
                )
            })
    }

    fn end_of_line(&mut self) -> Result<(), Diagnostic> {
        self.skip_spaces();
        if self.peek() == Some('#') {
            self.skip_comment()?;
        }
        match self.peek() {
            None => Ok(()),
            Some('\n') => {
                self.bump();
                Ok(())
            }
            Some('\r') if self.looking_at("\r\n") => {
                self.advance(2);
                Ok(())
            }
            _ => Err(self.syntax(Expected::EndOfLine)),
        }
    }

    fn skip_blank_lines(&mut self) -> Result<(), Diagnostic> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some('#') => self.skip_comment()?,
                Some('\n' | '\r') => self.bump(),
                Some('\u{feff}') if self.at == 0 => self.at += '\u{feff}'.len_utf8(), // takes no column
                _ => return Ok(()),
            }
        }
    }

    fn skip_whitespace_and_comments(&mut self) -> Result<(), Diagnostic> {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\r') => self.bump(),
                Some('#') => self.skip_comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// Skips a comment to the end of its line. TOML allows no control character but the tab in
    /// a comment; one is refused at its place (a comment is never printed, but a file that holds
    /// one is not the text it looks like).
    fn skip_comment(&mut self) -> Result<(), Diagnostic> {
        while let Some(c) = self.peek().filter(|c| *c != '\n') {
            if is_forbidden_control(c) && !(c == '\r' && self.looking_at("\r\n")) {
                return Err(self.syntax(Expected::NoControlInComment));
            }
            self.bump();
        }
        Ok(())
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            self.bump();
        }
        self.text[start..self.at].to_string()
    }

    fn looking_at(&self, text: &str) -> bool {
        self.text[self.at..].starts_with(text)
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += c.len_utf8();
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
    }

    fn advance(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn syntax(&self, expected: Expected) -> Diagnostic {
        let found = match self.peek() {
            None => Found::EndOfFile,
            Some('\n') => Found::EndOfLine,
            Some(c) => Found::Char(c),
        };
        self.error_at(self.pos(), Problem::Syntax { expected, found })
    }

    fn error_at(&self, pos: Pos, problem: Problem) -> Diagnostic {
        error_at(self.file, pos, problem)
    }
}

/// Whether the number as written is the decimal the f64 holds: `0.1` is (its shortest form is
/// `0.1`), `12345678901234567890` is not (it is held as 12345678901234567000).
fn same_decimal(written: &str, value: f64) -> bool {
    let normal = |text: &str| -> String {
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    };
    normal(written) == normal(&value.to_string())
}

fn is_bare_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// `Current` only ever names a table that `header` has just created.
fn unreachable_table() -> ! {
    unreachable!("the current table was created by its header")
}
#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Table {
        match parse("t.toml", text) {
            Ok(table) => table,
            Err(err) => panic!("unexpected error: {err}"),
        }
    }

    fn parse_err(text: &str) -> String {
        match parse("t.toml", text) {
            Ok(table) => panic!("expected an error, parsed {table:?}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn reads_tables_arrays_and_positions() {
        let root = parse_ok(
            "format = 1\n[plan]\nid = \"x\" # c\ntitle = { vi = \"Kế hoạch\", en = 'Plan' }\n\n[[o]]\nv = -2.79\n[[o]]\nv = 1_000\nname.vi = \"\"\"\nhai\ndòng\"\"\"\n",
        );
        assert_eq!(
            root.get("format").map(|v| &v.value),
            Some(&Value::number(1.0, true))
        );
        let Some(Value::Table(plan)) = root.get("plan").map(|v| &v.value) else {
            panic!()
        };
        let title = plan.get("title").unwrap();
        assert_eq!(title.pos, Pos { line: 4, column: 9 });
        let Some(Value::TableArray(items)) = root.get("o").map(|v| &v.value) else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].value.get("v").unwrap().value,
            Value::Number {
                value: -2.79,
                integer: false,
                fraction_digits: 2,
                inexact: None,
            }
        );
        assert_eq!(
            items[1].value.get("v").unwrap().value,
            Value::number(1000.0, true)
        );
        let Some(Value::Table(name)) = items[1].value.get("name").map(|v| &v.value) else {
            panic!()
        };
        assert_eq!(
            name.get("vi").unwrap().value,
            Value::String("hai\ndòng".into())
        );
    }

    #[test]
    fn multiline_arrays_with_comments_and_trailing_comma() {
        let root = parse_ok("a = [\n  \"x\", # one\n  \"y\",\n]\n");
        let Some(Value::Array(items)) = root.get("a").map(|v| &v.value) else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].pos, Pos { line: 3, column: 3 });
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(
            parse_err("a = 1\nb = \"open\n"),
            "t.toml:2:5: error[syntax] syntax error: unterminated string (found the end of the line)"
        );
        assert_eq!(
            parse_err("a = 1\na = 2\n"),
            "t.toml:2:1: error[duplicate-key] key `a` is defined twice"
        );
        assert!(parse_err("d = 2025-07-01\n").contains("t.toml:1:5: error[unsupported-syntax]"));
        assert!(parse_err("n = 1e5\n").contains("exponents"));
        assert!(parse_err("k = yes\n").contains("strings need quotes"));
        assert!(parse_err("k = 1 2\n").contains("expected the end of the line"));
        assert!(parse_err("[a.b]\n").contains("nested table headers"));
        assert!(parse_err("k = [1 2]\n").contains("expected `,` or `]`"));
        assert!(parse_err("k = 01\n").contains("invalid number"));
        assert!(parse_err("k = 1.\n").contains("invalid number"));
        assert!(parse_err("k = \"\\q\"\n").contains("invalid escape"));
        assert!(parse_err("[plan]\n[plan]\n").contains("defined twice"));
        assert!(parse_err("= 3\n").contains("expected a key"));
    }

    #[test]
    fn never_panics_on_truncations_of_a_valid_file() {
        let text = "format = 1\n[plan]\ntitle = { vi = \"Kế \\u1EA1\", en = \"P\" }\nxs = [1.5, -2, \"\"\"m\nl\"\"\"]\n[[a]]\nb.c = true\n";
        for end in 0..=text.chars().count() {
            let prefix: String = text.chars().take(end).collect();
            let _ = parse("t.toml", &prefix);
        }
    }
}
