//! A strict subset of TOML 1.0 that keeps the line and column of every key and value.
//!
//! Why our own: a general TOML crate adds tens of kilobytes of wasm to every reader's download,
//! and loses the positions we need to point a statistician at the broken field. The subset is
//! documented at the end of docs/data-format.md; anything outside it is refused with a message
//! naming the line, never silently read differently.

use crate::diagnostic::{Diagnostic, Location, Problem};

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
    /// Numbers keep whether they were written without a fraction, so years can insist on it.
    Number {
        value: f64,
        integer: bool,
    },
    Bool(bool),
    Array(Vec<Spanned<Value>>),
    Table(Table),
    /// The `[[name]]` blocks, in file order.
    TableArray(Vec<Spanned<Table>>),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Number { .. } => "a number",
            Value::Bool(_) => "true or false",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
            Value::TableArray(_) => "a list of tables",
        }
    }
}

/// Keys in file order; lookups are linear because plan tables have a handful of keys.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub entries: Vec<(Spanned<String>, Spanned<Value>)>,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Spanned<Value>> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| v)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Spanned<Value>> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| v)
    }
}

/// Parses the whole file into its root table, or returns the first syntax error with its place.
/// TOML cannot resynchronise reliably after a syntax error, so one is all we report.
pub fn parse(file: &str, text: &str) -> Result<Table, Diagnostic> {
    let mut parser = Parser {
        file,
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        column: 1,
    };
    parser.document()
}

struct Parser<'a> {
    file: &'a str,
    chars: Vec<char>,
    at: usize,
    line: u32,
    column: u32,
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
            self.skip_blank_lines();
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
                return Err(self.syntax("expected `]` to close the table header"));
            }
            self.bump();
        }
        self.end_of_line()?;
        if path.len() != 1 {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: "nested table headers such as [a.b]",
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
                None => root.entries.push((
                    key,
                    Spanned {
                        pos,
                        value: Value::TableArray(vec![Spanned {
                            pos,
                            value: Table::default(),
                        }]),
                    },
                )),
            }
            Ok(Current::ArrayItem(name))
        } else {
            if root.get(&name).is_some() {
                return Err(self.error_at(pos, Problem::DuplicateKey { key: name }));
            }
            root.entries.push((
                key,
                Spanned {
                    pos,
                    value: Value::Table(Table::default()),
                },
            ));
            Ok(Current::Table(name))
        }
    }

    fn key_value(&mut self) -> Result<(Vec<Spanned<String>>, Spanned<Value>), Diagnostic> {
        let path = self.key_path()?;
        self.skip_spaces();
        if self.peek() != Some('=') {
            return Err(self.syntax("expected `=` after the key"));
        }
        self.bump();
        self.skip_spaces();
        let value = self.value()?;
        Ok((path, value))
    }

    fn insert_dotted(
        &self,
        table: &mut Table,
        mut path: Vec<Spanned<String>>,
        value: Spanned<Value>,
    ) -> Result<(), Diagnostic> {
        let key = path.remove(0);
        if path.is_empty() {
            if table.get(&key.value).is_some() {
                return Err(self.error_at(key.pos, Problem::DuplicateKey { key: key.value }));
            }
            table.entries.push((key, value));
            return Ok(());
        }
        if table.get(&key.value).is_none() {
            let pos = key.pos;
            table.entries.push((
                key.clone(),
                Spanned {
                    pos,
                    value: Value::Table(Table::default()),
                },
            ));
        }
        match table.get_mut(&key.value) {
            Some(Spanned {
                value: Value::Table(inner),
                ..
            }) => self.insert_dotted(inner, path, value),
            _ => Err(self.error_at(key.pos, Problem::DuplicateKey { key: key.value })),
        }
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
            path.push(self.key()?);
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
                let mut key = String::new();
                while let Some(c) = self.peek().filter(|c| is_bare_key_char(*c)) {
                    key.push(c);
                    self.bump();
                }
                Ok(Spanned { pos, value: key })
            }
            _ => Err(self.syntax("expected a key")),
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
                            feature: "multi-line literal strings '''…'''",
                        },
                    ));
                }
                Value::String(self.literal_string()?)
            }
            Some('[') => self.array()?,
            Some('{') => self.inline_table()?,
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
                    return Err(self.error_at(
                        pos,
                        Problem::Unsupported {
                            feature: "inf and nan",
                        },
                    ));
                }
                return Err(self.error_at(
                    pos,
                    Problem::Syntax {
                        message: "expected a value",
                        found: format!("`{word}` (strings need quotes: \"{word}\")"),
                    },
                ));
            }
            _ => return Err(self.syntax("expected a value")),
        };
        Ok(Spanned { pos, value })
    }

    fn number(&mut self) -> Result<Value, Diagnostic> {
        let pos = self.pos();
        let mut raw = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_' | ':'))
        {
            raw.push(c);
            self.bump();
        }
        let unsigned = raw.trim_start_matches(['+', '-']);
        if unsigned.starts_with("0x") || unsigned.starts_with("0o") || unsigned.starts_with("0b") {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: "hexadecimal, octal and binary numbers",
                },
            ));
        }
        if unsigned.contains(['e', 'E']) && !unsigned.contains(':') {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: "numbers with exponents (write 12000, not 1.2e4)",
                },
            ));
        }
        if raw.len() >= 7 && raw.as_bytes().get(4) == Some(&b'-') && !raw.starts_with(['+', '-']) {
            return Err(self.error_at(
                pos,
                Problem::Unsupported {
                    feature: "bare dates (write dates as strings: \"2025-07-01\")",
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
        let shape_ok = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1
            && !digits.starts_with('.')
            && !digits.ends_with('.')
            && !(digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."));
        match cleaned.parse::<f64>() {
            Ok(value) if valid_underscores && shape_ok && value.is_finite() => Ok(Value::Number {
                value,
                integer: !digits.contains('.'),
            }),
            _ => Err(self.error_at(
                pos,
                Problem::Syntax {
                    message: "invalid number",
                    found: format!("`{raw}`"),
                },
            )),
        }
    }

    fn array(&mut self) -> Result<Value, Diagnostic> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_whitespace_and_comments();
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Value::Array(items));
            }
            items.push(self.value()?);
            self.skip_whitespace_and_comments();
            match self.peek() {
                Some(',') => self.bump(),
                Some(']') => {}
                _ => return Err(self.syntax("expected `,` or `]` in array")),
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
                _ => return Err(self.syntax("expected `,` or `}` in inline table")),
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
                            message: "unterminated string",
                            found: "the end of the line".into(),
                        },
                    ))
                }
                Some('"') => {
                    self.bump();
                    return Ok(out);
                }
                Some('\\') => out.push(self.escape()?),
                Some(c) if is_forbidden_control(c) => {
                    return Err(self.syntax("control character in string"))
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
                while self.peek() == Some('"') && out.len() < usize::MAX {
                    // Up to two quotes may sit right before the closing delimiter.
                    out.push('"');
                    self.bump();
                }
                return Ok(out);
            }
            match self.peek() {
                None => {
                    return Err(self.error_at(
                        start,
                        Problem::Syntax {
                            message: "unterminated string",
                            found: "the end of the file".into(),
                        },
                    ))
                }
                Some('\\') => {
                    let after = self.chars.get(self.at + 1).copied();
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
                    return Err(self.syntax("control character in string"))
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
                            message: "unterminated string",
                            found: "the end of the line".into(),
                        },
                    ))
                }
                Some('\'') => {
                    self.bump();
                    return Ok(out);
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
                let found = c
                    .map(|c| format!("`\\{c}`"))
                    .unwrap_or_else(|| "the end of the file".into());
                return Err(self.error_at(
                    pos,
                    Problem::Syntax {
                        message: "invalid escape in string",
                        found,
                    },
                ));
            }
        };
        let hex: String = (0..width)
            .filter_map(|_| {
                let ch = self.peek();
                self.bump();
                ch
            })
            .collect();
        u32::from_str_radix(&hex, 16)
            .ok()
            .filter(|_| hex.len() == width)
            .and_then(char::from_u32)
            .ok_or_else(|| {
                self.error_at(
                    pos,
                    Problem::Syntax {
                        message: "invalid escape in string",
                        found: format!("`\\u{hex}`"),
                    },
                )
            })
    }

    fn end_of_line(&mut self) -> Result<(), Diagnostic> {
        self.skip_spaces();
        if self.peek() == Some('#') {
            self.skip_comment();
        }
        match self.peek() {
            None => Ok(()),
            Some('\n') => {
                self.bump();
                Ok(())
            }
            Some('\r') if self.chars.get(self.at + 1) == Some(&'\n') => {
                self.advance(2);
                Ok(())
            }
            _ => Err(self.syntax("expected the end of the line")),
        }
    }

    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some('#') => self.skip_comment(),
                Some('\n' | '\r') => self.bump(),
                Some('\u{feff}') if self.at == 0 => self.at += 1, // invisible: takes no column
                _ => return,
            }
        }
    }

    fn skip_whitespace_and_comments(&mut self) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\r') => self.bump(),
                Some('#') => self.skip_comment(),
                _ => return,
            }
        }
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
        {
            word.push(c);
            self.bump();
        }
        word
    }

    fn looking_at(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.at + i) == Some(&c))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += 1;
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

    fn syntax(&self, message: &'static str) -> Diagnostic {
        let found = match self.peek() {
            None => "the end of the file".to_string(),
            Some('\n') => "the end of the line".to_string(),
            Some(c) => format!("`{c}`"),
        };
        self.error_at(self.pos(), Problem::Syntax { message, found })
    }

    fn error_at(&self, pos: Pos, problem: Problem) -> Diagnostic {
        Diagnostic::error(
            Location {
                file: self.file.to_string(),
                line: pos.line,
                column: pos.column,
                path: String::new(),
            },
            problem,
        )
    }
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
            Some(&Value::Number {
                value: 1.0,
                integer: true
            })
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
                integer: false
            }
        );
        assert_eq!(
            items[1].value.get("v").unwrap().value,
            Value::Number {
                value: 1000.0,
                integer: true
            }
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
