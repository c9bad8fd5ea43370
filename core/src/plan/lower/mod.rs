//! Lowers the parsed TOML tree into the validated `Plan`, collecting every problem with its place.
//!
//! Each record is read field by field: a missing, mistyped or unknown field is reported and the
//! record is skipped, so one file run shows all of its problems at once. Cross-references (ids,
//! plan years, units) are checked after every record has been read.
//!
//! The parts, by what they do: `fields` reads one field of a record (a string, an id, a date, a
//! text pair…) and reports what is wrong with it; `records` has one reader per record kind, each
//! beside the list of fields that kind may hold (`target` holds the target and its shapes); and
//! `whole` checks what needs the whole file (unique ids, references, plan years, value bounds,
//! duplicates, the method of each figure, the arithmetic of derived values); `assessment` reads
//! formulas, reference values and the city's own verdicts and tallies.

mod assessment;
mod fields;
mod records;
mod target;
mod whole;

pub use fields::parse_period;

use super::toml::{self, limits, Pos, Spanned, Table, Value};
use super::*;
use crate::diagnostic::{Diagnostic, Location, Problem, TypeName};

pub fn load(
    file: &str,
    source: &str,
    today: Option<PartialDate>,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let root = match toml::parse(file, source) {
        Ok(root) => root,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let mut cx = Cx {
        file,
        today,
        diagnostics: Vec::new(),
    };
    let plan = cx.plan(&root);
    let has_error = cx.diagnostics.iter().any(Diagnostic::is_error);
    let mut diagnostics = cx.diagnostics;
    crate::order::sort_by_key(&mut diagnostics, |d| (d.location.line, d.location.column));
    cap(&mut diagnostics);
    (plan.filter(|_| !has_error), diagnostics)
}

/// Keeps the first `limits::MESSAGES` diagnostics and says, where the next one would have
/// been, how many more there are: a file of 100,000 broken records gets a screenful, not 24 MB.
fn cap(diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.len() <= limits::MESSAGES {
        return;
    }
    let more = diagnostics.len() - limits::MESSAGES;
    let at = diagnostics[limits::MESSAGES].location.clone();
    let severity = if diagnostics[limits::MESSAGES..]
        .iter()
        .any(Diagnostic::is_error)
    {
        Diagnostic::error
    } else {
        Diagnostic::warning
    };
    diagnostics.truncate(limits::MESSAGES);
    diagnostics.push(severity(
        Location {
            path: String::new(),
            ..at
        },
        Problem::TooManyMessages {
            more,
            max: limits::MESSAGES,
        },
    ));
}

const ROOT_FIELDS: &[&str] = &[
    "format",
    "plan",
    "document",
    "statement",
    "task_area",
    "territory",
    "series_break",
    "source",
    "indicator",
    "target",
    "observation",
    "reference",
    "verdict",
    "tally",
];

/// Every record kind with the fields it may hold (in the order the file format documents them),
/// so that a test can check that docs/data-format.md documents each one.
pub const RECORD_FIELDS: [(&str, &[&str]); 14] = [
    ("(file)", ROOT_FIELDS),
    ("plan", records::PLAN_FIELDS),
    ("document", records::DOCUMENT_FIELDS),
    ("statement", records::STATEMENT_FIELDS),
    ("task_area", records::TASK_AREA_FIELDS),
    ("territory", records::TERRITORY_FIELDS),
    ("series_break", records::BREAK_FIELDS),
    ("source", records::SOURCE_FIELDS),
    ("indicator", records::INDICATOR_FIELDS),
    ("target", target::TARGET_FIELDS),
    ("observation", records::OBSERVATION_FIELDS),
    ("reference", assessment::REFERENCE_FIELDS),
    ("verdict", assessment::VERDICT_FIELDS),
    ("tally", assessment::TALLY_FIELDS),
];

/// One table being read: its field path for messages and its place.
pub(super) struct Record<'t> {
    pub table: &'t Table,
    pub path: String,
    pub pos: Pos,
}

pub(super) struct Cx<'a> {
    file: &'a str,
    /// The day the file is checked, when the caller has a clock.
    pub today: Option<PartialDate>,
    diagnostics: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn plan(&mut self, root: &Table) -> Option<Plan> {
        let root_record = Record {
            table: root,
            path: String::new(),
            pos: Pos { line: 1, column: 1 },
        };
        self.check_fields(&root_record, ROOT_FIELDS);
        match root.get("format") {
            None => self.error(
                Pos { line: 1, column: 1 },
                "format",
                Problem::MissingField { field: "format" },
            ),
            Some(Spanned {
                value:
                    Value::Number {
                        value,
                        integer: true,
                        ..
                    },
                ..
            }) if *value == 1.0 => {}
            Some(other) => {
                let found = match &other.value {
                    Value::Number { value, .. } => value.to_string(),
                    Value::String(text) => format!("\"{text}\""),
                    Value::Bool(flag) => flag.to_string(),
                    Value::Array(_) => "[…]".to_string(),
                    Value::Table(_) | Value::TableArray(_) => "{…}".to_string(),
                };
                self.error(other.pos, "format", Problem::BadFormatVersion { found });
            }
        }

        let meta = match root.get("plan") {
            Some(Spanned {
                value: Value::Table(table),
                pos,
            }) => self.plan_meta(&Record {
                table,
                path: "plan".into(),
                pos: *pos,
            }),
            Some(other) => {
                self.error(
                    other.pos,
                    "plan",
                    Problem::WrongType {
                        expected: TypeName::Table,
                        found: other.value.type_name(),
                    },
                );
                None
            }
            None => {
                self.error(
                    Pos { line: 1, column: 1 },
                    "plan",
                    Problem::MissingField { field: "plan" },
                );
                None
            }
        };

        let documents = self.records(root, "document", records::DOCUMENT_FIELDS, Self::document);
        let statements = self.records(
            root,
            "statement",
            records::STATEMENT_FIELDS,
            Self::statement,
        );
        let task_areas = self.records(
            root,
            "task_area",
            records::TASK_AREA_FIELDS,
            Self::task_area,
        );
        let territories = self.records(
            root,
            "territory",
            records::TERRITORY_FIELDS,
            Self::territory,
        );
        let series_breaks = self.records(
            root,
            "series_break",
            records::BREAK_FIELDS,
            Self::series_break,
        );
        let sources = self.records(root, "source", records::SOURCE_FIELDS, Self::source);
        let indicators = self.records(
            root,
            "indicator",
            records::INDICATOR_FIELDS,
            Self::indicator,
        );
        let targets = self.records(root, "target", target::TARGET_FIELDS, Self::target);
        let mut observations = self.records(
            root,
            "observation",
            records::OBSERVATION_FIELDS,
            Self::observation,
        );
        let references = self.records(
            root,
            "reference",
            assessment::REFERENCE_FIELDS,
            Self::reference,
        );
        let verdicts = self.records(root, "verdict", assessment::VERDICT_FIELDS, Self::verdict);
        let tallies = self.records(root, "tally", assessment::TALLY_FIELDS, Self::tally);

        self.cross_check(root, meta.as_ref(), &indicators);
        self.unused_sources(root, &sources);
        self.territories_in_time(&territories, &observations);
        self.duplicate_observations(&observations);
        self.resolve_methods(&series_breaks, &sources, &mut observations);
        self.check_arithmetic(&observations, &references, &indicators);

        Some(Plan {
            meta: meta?,
            documents: strip(documents),
            statements: strip(statements),
            task_areas: strip(task_areas),
            territories: strip(territories),
            series_breaks: strip(series_breaks),
            sources: strip(sources),
            indicators: strip(indicators),
            targets: strip(targets),
            observations: strip(observations),
            references: strip(references),
            verdicts: strip(verdicts),
            tallies: strip(tallies),
        })
    }

    /// Reads every `[[kind]]` block and checks its fields; records with errors are left out.
    pub(super) fn records<T>(
        &mut self,
        root: &Table,
        kind: &'static str,
        allowed: &'static [&'static str],
        read: fn(&mut Self, &Record) -> Option<T>,
    ) -> Vec<(Pos, String, T)> {
        let mut out = Vec::new();
        match root.get(kind) {
            None => {}
            Some(Spanned {
                value: Value::TableArray(items),
                ..
            }) => {
                for (index, item) in items.iter().enumerate() {
                    let record = Record {
                        table: &item.value,
                        path: record_name(kind, &item.value, index),
                        pos: item.pos,
                    };
                    self.check_fields(&record, allowed);
                    if let Some(value) = read(self, &record) {
                        out.push((item.pos, record.path.clone(), value));
                    }
                }
            }
            Some(other) => self.error(
                other.pos,
                kind,
                Problem::WrongType {
                    expected: TypeName::TableArray,
                    found: other.value.type_name(),
                },
            ),
        }
        out
    }

    pub(super) fn error(&mut self, pos: Pos, path: &str, problem: Problem) {
        self.diagnostics
            .push(Diagnostic::error(self.location(pos, path), problem));
    }

    pub(super) fn warning(&mut self, pos: Pos, path: &str, problem: Problem) {
        self.diagnostics
            .push(Diagnostic::warning(self.location(pos, path), problem));
    }

    fn location(&self, pos: Pos, path: &str) -> Location {
        Location {
            file: self.file.to_string(),
            line: pos.line,
            column: pos.column,
            path: path.to_string(),
        }
    }
}

/// How a message names a `[[kind]]` block: by its id (`target[gdp-2025]`), an observation by
/// its indicator and year (`observation[gdp-growth 2024]`), a series break by its date; by its
/// position (`observation[51]`) only when those are missing or unreadable.
pub(super) fn record_name(kind: &str, table: &Table, index: usize) -> String {
    let string = |key: &str| match table.get(key) {
        Some(Spanned {
            value: Value::String(text),
            ..
        }) => Some(text.as_str()),
        _ => None,
    };
    let plain = |text: &str| {
        !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    let name = match kind {
        "observation" => {
            let when = match (table.get("year"), string("period")) {
                (
                    Some(Spanned {
                        value:
                            Value::Number {
                                value,
                                integer: true,
                                ..
                            },
                        ..
                    }),
                    None,
                ) if (1000.0..=9999.0).contains(value) => Some(format!("{value}")),
                (None, Some(period)) if parse_period(period).is_some() => Some(period.to_string()),
                _ => None,
            };
            match (string("indicator").filter(|i| plain(i)), when) {
                (Some(indicator), Some(when)) => Some(format!("{indicator} {when}")),
                _ => None,
            }
        }
        "series_break" => string("date")
            .filter(|d| PartialDate::parse(d).is_some())
            .map(str::to_string),
        _ => string("id").filter(|id| plain(id)).map(str::to_string),
    };
    match name {
        Some(name) => format!("{kind}[{name}]"),
        None => format!("{kind}[{}]", index + 1),
    }
}

impl Record<'_> {
    pub(super) fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The position of a field's value, or of the record when the field is absent.
    pub(super) fn field_pos(&self, key: &str) -> Pos {
        self.table.get(key).map_or(self.pos, |value| value.pos)
    }

    pub(super) fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }
}

fn strip<T>(records: Vec<(Pos, String, T)>) -> Vec<T> {
    records.into_iter().map(|(_, _, value)| value).collect()
}
