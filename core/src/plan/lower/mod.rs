//! Lowers the parsed TOML tree into the validated `Plan`, collecting every problem with its place.
//!
//! Each record is read field by field: a missing, mistyped or unknown field is reported and the
//! record is skipped, so one file run shows all of its problems at once. Cross-references (ids,
//! plan years, units) are checked after every record has been read.
//!
//! The parts, by what they do: `fields` reads one field of a record (a string, an id, a date, a
//! text pair…) and reports what is wrong with it; `records` has one reader per record kind, each
//! beside the list of fields that kind may hold (`target` holds the target and its shapes); and
//! `whole` checks what needs the whole file (unique ids, references, plan years, value bounds).

mod fields;
mod records;
mod target;
mod whole;

pub use fields::parse_period;

use super::toml::{self, Pos, Spanned, Table, Value};
use super::*;
use crate::diagnostic::{Diagnostic, Location, Problem};
use records::{
    BREAK_FIELDS, DOCUMENT_FIELDS, INDICATOR_FIELDS, OBSERVATION_FIELDS, SOURCE_FIELDS,
    STATEMENT_FIELDS, TASK_AREA_FIELDS, TERRITORY_FIELDS,
};
use std::collections::{HashMap, HashSet};
use target::TARGET_FIELDS;
use whole::{raw_strings, Ids};

pub fn load(file: &str, source: &str) -> (Option<Plan>, Vec<Diagnostic>) {
    let root = match toml::parse(file, source) {
        Ok(root) => root,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let mut cx = Cx {
        file,
        diagnostics: Vec::new(),
    };
    let plan = cx.plan(&root);
    let has_error = cx.diagnostics.iter().any(Diagnostic::is_error);
    let mut diagnostics = cx.diagnostics;
    crate::order::sort_by_key(&mut diagnostics, |d| (d.location.line, d.location.column));
    (plan.filter(|_| !has_error), diagnostics)
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
];

/// One table being read: its field path for messages and the fields it may hold.
pub(super) struct Record<'t> {
    pub table: &'t Table,
    pub path: String,
    pub pos: Pos,
}

pub(super) struct Cx<'a> {
    file: &'a str,
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
                    },
                ..
            }) if *value == 1.0 => {}
            Some(other) => {
                let found = match &other.value {
                    Value::Number { value, .. } => value.to_string(),
                    Value::String(text) => format!("\"{text}\""),
                    other_value => other_value.type_name().to_string(),
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
                        expected: "a table",
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

        let documents = self.records(root, "document", DOCUMENT_FIELDS, Self::document);
        let statements = self.records(root, "statement", STATEMENT_FIELDS, Self::statement);
        let task_areas = self.records(root, "task_area", TASK_AREA_FIELDS, Self::task_area);
        let territories = self.records(root, "territory", TERRITORY_FIELDS, Self::territory);
        let series_breaks = self.records(root, "series_break", BREAK_FIELDS, Self::series_break);
        let sources = self.records(root, "source", SOURCE_FIELDS, Self::source);
        let indicators = self.records(root, "indicator", INDICATOR_FIELDS, Self::indicator);
        let targets = self.records(root, "target", TARGET_FIELDS, Self::target);
        let observations = self.records(root, "observation", OBSERVATION_FIELDS, Self::observation);

        // Every id written in the file counts as defined, even when its record has another
        // error: that error is reported once, not again at each reference to the record.
        let ids = Ids {
            documents: raw_strings(root, "document", "id").collect(),
            task_areas: raw_strings(root, "task_area", "id").collect(),
            territories: raw_strings(root, "territory", "id").collect(),
            sources: raw_strings(root, "source", "id").collect(),
            indicators: raw_strings(root, "indicator", "id").collect(),
        };
        let measures: HashMap<String, Measure> = indicators
            .iter()
            .map(|(_, _, i)| (i.id.clone(), i.measure))
            .collect();
        self.cross_check(root, meta.as_ref(), &ids, &measures);
        let used_sources: HashSet<String> = raw_strings(root, "observation", "source").collect();
        for (pos, path, source) in &sources {
            if !used_sources.contains(source.id.as_str()) {
                self.warning(
                    *pos,
                    path,
                    Problem::UnusedSource {
                        id: source.id.clone(),
                    },
                );
            }
        }
        let territory_spans: HashMap<&str, (Option<i32>, Option<i32>)> = territories
            .iter()
            .map(|(_, _, t)| {
                (
                    t.id.as_str(),
                    (t.from.map(|d| d.year), t.until.map(|d| d.year)),
                )
            })
            .collect();
        for (pos, path, observation) in &observations {
            if let (When::Year(year), Some((from, until))) = (
                observation.when,
                territory_spans.get(observation.territory.as_str()),
            ) {
                if from.is_some_and(|from| year < from) || until.is_some_and(|until| year > until) {
                    self.warning(
                        *pos,
                        path,
                        Problem::TerritoryNotInTime {
                            territory: observation.territory.clone(),
                            year,
                        },
                    );
                }
            }
        }

        let plan = Plan {
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
        };
        Some(plan)
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
                        path: format!("{kind}[{}]", index + 1),
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
                    expected: "a list of tables",
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
}

fn strip<T>(records: Vec<(Pos, String, T)>) -> Vec<T> {
    records.into_iter().map(|(_, _, value)| value).collect()
}
