//! Lowers the parsed TOML tree into the validated `Plan`, collecting every problem with its place.
//!
//! Each record is read field by field: a missing, mistyped or unknown field is reported and the
//! record is skipped, so one file run shows all of its problems at once. Cross-references (ids,
//! plan years, units) are checked after every record has been read.

use super::toml::{self, Pos, Spanned, Table, Value};
use super::*;
use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::text::{Lang, Text};
use std::collections::{HashMap, HashSet};

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
const PLAN_FIELDS: &[&str] = &[
    "id",
    "title",
    "short_title",
    "issuer",
    "territory",
    "start",
    "end",
    "baseline_year",
    "periods",
    "documents",
    "note",
];
const DOCUMENT_FIELDS: &[&str] = &["id", "number", "issuer", "date", "title", "url"];
const STATEMENT_FIELDS: &[&str] = &["id", "kind", "year", "document", "text"];
const TASK_AREA_FIELDS: &[&str] = &["id", "number", "title", "document"];
const TERRITORY_FIELDS: &[&str] = &["id", "name", "from", "until"];
const BREAK_FIELDS: &[&str] = &["date", "before", "after", "title", "note"];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "url",
    "published",
    "reliability",
];
const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "unit",
    "decimals",
    "direction",
    "measure",
    "task_area",
    "definition",
    "headline",
];
const TARGET_FIELDS: &[&str] = &[
    "id",
    "indicator",
    "year",
    "period",
    "shape",
    "value",
    "min",
    "max",
    "document",
    "territory",
    "text",
    "note",
];
const OBSERVATION_FIELDS: &[&str] = &[
    "indicator",
    "year",
    "period",
    "value",
    "kind",
    "territory",
    "source",
    "as_of",
    "qualifier",
    "derived",
    "note",
];

/// One table being read: its field path for messages and the fields it may hold.
struct Record<'t> {
    table: &'t Table,
    path: String,
    pos: Pos,
}

struct Cx<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

/// Ids seen so far of one kind, with their lines, to report duplicates.
type Seen = HashMap<String, u32>;

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

    /// Checks what needs the whole file: unique ids, references, plan years, value bounds.
    /// It walks the parsed tree again so every message points at the field itself.
    fn cross_check(
        &mut self,
        root: &Table,
        meta: Option<&PlanMeta>,
        ids: &Ids,
        measures: &HashMap<String, Measure>,
    ) {
        for kind in [
            "document",
            "statement",
            "task_area",
            "territory",
            "source",
            "indicator",
            "target",
        ] {
            let mut seen = Seen::new();
            for (path, record) in raw_records(root, kind) {
                let Some(Spanned {
                    value: Value::String(id),
                    pos,
                }) = record.value.get("id")
                else {
                    continue;
                };
                if let Some(first_line) = seen.get(id) {
                    let problem = Problem::DuplicateId {
                        kind: static_kind(kind),
                        id: id.clone(),
                        first_line: *first_line,
                    };
                    self.error(*pos, &format!("{path}.id"), problem);
                } else {
                    seen.insert(id.clone(), pos.line);
                }
            }
        }
        let references: [(&str, &str, &'static str, &HashSet<String>); 11] = [
            ("statement", "document", "document", &ids.documents),
            ("task_area", "document", "document", &ids.documents),
            ("series_break", "before", "territory", &ids.territories),
            ("series_break", "after", "territory", &ids.territories),
            ("indicator", "task_area", "task area", &ids.task_areas),
            ("target", "indicator", "indicator", &ids.indicators),
            ("target", "document", "document", &ids.documents),
            ("target", "territory", "territory", &ids.territories),
            ("observation", "indicator", "indicator", &ids.indicators),
            ("observation", "territory", "territory", &ids.territories),
            ("observation", "source", "source", &ids.sources),
        ];
        for (kind, field, target_kind, known) in references {
            let records: Vec<(String, &Spanned<Table>)> = raw_records(root, kind).collect();
            for (path, record) in records {
                if let Some(Spanned {
                    value: Value::String(id),
                    pos,
                }) = record.value.get(field)
                {
                    if !known.contains(id) {
                        self.error(
                            *pos,
                            &format!("{path}.{field}"),
                            Problem::UnknownReference {
                                kind: target_kind,
                                id: id.clone(),
                            },
                        );
                    }
                }
            }
        }
        if let Some(Spanned {
            value: Value::Table(plan_table),
            ..
        }) = root.get("plan")
        {
            if let Some(Spanned {
                value: Value::Array(items),
                ..
            }) = plan_table.get("documents")
            {
                for (index, item) in items.iter().enumerate() {
                    if let Value::String(id) = &item.value {
                        if !ids.documents.contains(id) {
                            self.error(
                                item.pos,
                                &format!("plan.documents[{}]", index + 1),
                                Problem::UnknownReference {
                                    kind: "document",
                                    id: id.clone(),
                                },
                            );
                        }
                    }
                }
            }
        }
        for (path, record) in raw_records(root, "target") {
            if let Some(meta) = meta {
                self.check_in_plan(&record.value, &path, meta);
            }
            let measure = record.value.get("indicator").and_then(|v| match &v.value {
                Value::String(id) => measures.get(id).copied(),
                _ => None,
            });
            for field in ["value", "min", "max"] {
                self.check_bounds(&record.value, &path, field, measure);
            }
        }
        for (path, record) in raw_records(root, "observation") {
            let measure = record.value.get("indicator").and_then(|v| match &v.value {
                Value::String(id) => measures.get(id).copied(),
                _ => None,
            });
            self.check_bounds(&record.value, &path, "value", measure);
        }
    }

    fn check_in_plan(&mut self, record: &Table, path: &str, meta: &PlanMeta) {
        let (start, end) = (meta.start, meta.end);
        let check = |year: i32, pos: Pos, field: &str, cx: &mut Self| {
            if year < start || year > end {
                cx.error(
                    pos,
                    &format!("{path}.{field}"),
                    Problem::OutsidePlan { year, start, end },
                );
            }
        };
        if let Some(Spanned {
            value:
                Value::Number {
                    value,
                    integer: true,
                },
            pos,
        }) = record.get("year")
        {
            check(*value as i32, *pos, "year", self);
        }
        if let Some(Spanned {
            value: Value::String(text),
            pos,
        }) = record.get("period")
        {
            if let Some(period) = parse_period(text) {
                if period.first < start {
                    check(period.first, *pos, "period", self);
                } else {
                    check(period.last, *pos, "period", self);
                }
            }
        }
    }

    fn check_bounds(&mut self, record: &Table, path: &str, field: &str, measure: Option<Measure>) {
        let Some(Spanned {
            value: Value::Number { value, .. },
            pos,
        }) = record.get(field)
        else {
            return;
        };
        let path = format!("{path}.{field}");
        match measure {
            Some(Measure::Share) if *value > 100.0 => {
                self.error(*pos, &path, Problem::ShareAbove100 { value: *value })
            }
            Some(Measure::Share | Measure::Count) if *value < 0.0 => {
                self.error(*pos, &path, Problem::Negative { value: *value })
            }
            _ => {}
        }
    }

    /// Reads every `[[kind]]` block and checks its fields; records with errors are left out.
    fn records<T>(
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

    fn plan_meta(&mut self, r: &Record) -> Option<PlanMeta> {
        self.check_fields(r, PLAN_FIELDS);
        let id = self.id(r, "id");
        let title = self.text(r, "title");
        let short_title = self.opt_text(r, "short_title");
        let issuer = self.text(r, "issuer");
        let territory = self.text(r, "territory");
        let start = self.year(r, "start");
        let end = self.year(r, "end");
        let baseline_year = self.year(r, "baseline_year");
        let periods = self.periods(r);
        let documents = self.string_list(r, "documents");
        let note = self.opt_text(r, "note");
        let (start, end) = (start?, end?);
        if start > end {
            self.error(
                r.field_pos("start"),
                &r.child("start"),
                Problem::BadPlanYears { start, end },
            );
            return None;
        }
        Some(PlanMeta {
            id: id?,
            title: title?,
            short_title,
            issuer: issuer?,
            territory: territory?,
            start,
            end,
            baseline_year: baseline_year?,
            periods: periods?,
            documents: documents?,
            note,
        })
    }

    fn document(&mut self, r: &Record) -> Option<Document> {
        let id = self.id(r, "id");
        let number = self.string(r, "number");
        let issuer = self.text(r, "issuer");
        let date = self.date(r, "date");
        let title = self.text(r, "title");
        let url = self.opt_url(r, "url");
        Some(Document {
            id: id?,
            number: number?,
            issuer: issuer?,
            date: date?,
            title: title?,
            url: url?,
        })
    }

    fn statement(&mut self, r: &Record) -> Option<Statement> {
        let id = self.id(r, "id");
        let kind = self.one_of(
            r,
            "kind",
            &[
                ("goal", StatementKind::Goal),
                ("vision", StatementKind::Vision),
            ],
        );
        let year = self.year(r, "year");
        let document = self.string(r, "document");
        let text = self.text(r, "text");
        Some(Statement {
            id: id?,
            kind: kind?,
            year: year?,
            document: document?,
            text: text?,
        })
    }

    fn task_area(&mut self, r: &Record) -> Option<TaskArea> {
        let id = self.id(r, "id");
        let number = self.whole(r, "number", 1.0, 999.0);
        let title = self.text(r, "title");
        let document = self.opt_string(r, "document");
        Some(TaskArea {
            id: id?,
            number: number? as u32,
            title: title?,
            document,
        })
    }

    fn territory(&mut self, r: &Record) -> Option<Territory> {
        let id = self.id(r, "id");
        let name = self.text(r, "name");
        let from = self.opt_date(r, "from");
        let until = self.opt_date(r, "until");
        Some(Territory {
            id: id?,
            name: name?,
            from: from?,
            until: until?,
        })
    }

    fn series_break(&mut self, r: &Record) -> Option<SeriesBreak> {
        let date = self.date(r, "date");
        let before = self.string(r, "before");
        let after = self.string(r, "after");
        let title = self.text(r, "title");
        let note = self.text(r, "note");
        Some(SeriesBreak {
            date: date?,
            before: before?,
            after: after?,
            title: title?,
            note: note?,
        })
    }

    fn source(&mut self, r: &Record) -> Option<Source> {
        let id = self.id(r, "id");
        let publisher = self.string(r, "publisher");
        let title = self.string(r, "title");
        let url = match r.table.get("url") {
            None => {
                self.error(
                    r.pos,
                    &r.child("url"),
                    Problem::MissingField { field: "url" },
                );
                None
            }
            Some(_) => self.opt_url(r, "url").flatten(),
        };
        let published = match self.string(r, "published") {
            Some(text) if text == "unknown" => Some(Published::Unknown),
            Some(text) => match PartialDate::parse(&text) {
                Some(date) => Some(Published::On(date)),
                None => {
                    self.error(
                        r.field_pos("published"),
                        &r.child("published"),
                        Problem::BadDate { text },
                    );
                    None
                }
            },
            None => None,
        };
        let reliability = if r.table.get("reliability").is_some() {
            self.one_of(
                r,
                "reliability",
                &[("normal", Reliability::Normal), ("low", Reliability::Low)],
            )
        } else {
            Some(Reliability::Normal)
        };
        Some(Source {
            id: id?,
            publisher: publisher?,
            title: title?,
            url: url?,
            published: published?,
            reliability: reliability?,
        })
    }

    fn indicator(&mut self, r: &Record) -> Option<Indicator> {
        let id = self.id(r, "id");
        let name = self.text(r, "name");
        let unit = self.text(r, "unit");
        let decimals = self.whole(r, "decimals", 0.0, 4.0);
        let direction = self.one_of(
            r,
            "direction",
            &[("higher", Direction::Higher), ("lower", Direction::Lower)],
        );
        let measure = self.one_of(
            r,
            "measure",
            &[
                ("level", Measure::Level),
                ("rate", Measure::Rate),
                ("count", Measure::Count),
                ("share", Measure::Share),
            ],
        );
        let task_area = self.opt_string(r, "task_area");
        let definition = self.opt_text(r, "definition");
        let headline = self.opt_bool(r, "headline").unwrap_or(false);
        Some(Indicator {
            id: id?,
            name: name?,
            unit: unit?,
            decimals: decimals? as u8,
            direction: direction?,
            measure: measure?,
            task_area,
            definition,
            headline,
        })
    }

    fn target(&mut self, r: &Record) -> Option<Target> {
        let id = self.id(r, "id");
        let indicator = self.string(r, "indicator");
        let when = self.when(r);
        let document = self.string(r, "document");
        let territory = self.string(r, "territory");
        let text = self.opt_text(r, "text");
        let note = self.opt_text(r, "note");
        let shape_name = self.one_of(
            r,
            "shape",
            &[
                ("exact", "exact"),
                ("at_least", "at_least"),
                ("at_most", "at_most"),
                ("above", "above"),
                ("below", "below"),
                ("range", "range"),
                ("average", "average"),
                ("essentially_none", "essentially_none"),
                ("text", "text"),
            ],
        );
        let shape = match shape_name {
            Some(name) => self.shape(r, name, text.is_some()),
            None => None,
        };
        Some(Target {
            id: id?,
            indicator: indicator?,
            when: when?,
            shape: shape?,
            document: document?,
            territory: territory?,
            text,
            note,
        })
    }

    /// Reads `value` / `min` / `max` as the shape requires, refusing fields the shape ignores so
    /// that a `max` written for an `at_least` target cannot be silently dropped.
    fn shape(&mut self, r: &Record, name: &'static str, has_text: bool) -> Option<TargetShape> {
        let (needs_value, needs_band, optional_value) = match name {
            "exact" | "at_least" | "at_most" | "above" | "below" => (true, false, false),
            "range" => (false, true, false),
            "average" => (false, false, false),
            "essentially_none" => (false, false, true),
            _ => (false, false, false),
        };
        let mut ok = true;
        for field in ["value", "min", "max"] {
            let allowed = match field {
                "value" => needs_value || optional_value || name == "average",
                _ => needs_band || name == "average",
            };
            if !allowed && r.table.get(field).is_some() {
                self.error(
                    r.field_pos(field),
                    &r.child(field),
                    Problem::FieldNotForShape {
                        field: static_field(field),
                        shape: name,
                    },
                );
                ok = false;
            }
        }
        let shape = match name {
            "exact" | "at_least" | "at_most" | "above" | "below" => {
                let value = self.number(r, "value")?;
                match name {
                    "exact" => TargetShape::Exact(value),
                    "at_least" => TargetShape::AtLeast(value),
                    "at_most" => TargetShape::AtMost(value),
                    "above" => TargetShape::Above(value),
                    _ => TargetShape::Below(value),
                }
            }
            "range" => {
                let (min, max) = (self.number(r, "min"), self.number(r, "max"));
                let (min, max) = (min?, max?);
                if min > max {
                    self.error(
                        r.field_pos("min"),
                        &r.child("min"),
                        Problem::MinAboveMax { min, max },
                    );
                    return None;
                }
                TargetShape::Range { min, max }
            }
            "average" => {
                if r.table.get("value").is_some()
                    && (r.table.get("min").is_some() || r.table.get("max").is_some())
                {
                    self.error(
                        r.field_pos("value"),
                        &r.child("value"),
                        Problem::FieldNotForShape {
                            field: "value",
                            shape: "average with min/max",
                        },
                    );
                    return None;
                }
                if r.table.get("value").is_some() {
                    TargetShape::Average {
                        min: self.number(r, "value")?,
                        max: None,
                    }
                } else {
                    let min = self.number(r, "min")?;
                    let max = self.opt_number(r, "max")?;
                    if let Some(max) = max {
                        if min > max {
                            self.error(
                                r.field_pos("min"),
                                &r.child("min"),
                                Problem::MinAboveMax { min, max },
                            );
                            return None;
                        }
                    }
                    TargetShape::Average { min, max }
                }
            }
            "essentially_none" => TargetShape::EssentiallyNone {
                threshold: self.opt_number(r, "value")?.unwrap_or(0.0),
            },
            _ => {
                if !has_text {
                    self.error(
                        r.pos,
                        &r.child("text"),
                        Problem::MissingField { field: "text" },
                    );
                    return None;
                }
                TargetShape::Text
            }
        };
        ok.then_some(shape)
    }

    fn observation(&mut self, r: &Record) -> Option<Observation> {
        let indicator = self.string(r, "indicator");
        let when = self.when(r);
        let value = self.number(r, "value");
        let kind = self.one_of(
            r,
            "kind",
            &[
                ("estimate", ObservationKind::Estimate),
                ("preliminary", ObservationKind::Preliminary),
                ("official", ObservationKind::Official),
                ("reported", ObservationKind::Reported),
            ],
        );
        let territory = self.string(r, "territory");
        let source = self.string(r, "source");
        let as_of = self.opt_date(r, "as_of");
        let qualifier = if r.table.get("qualifier").is_some() {
            self.one_of(
                r,
                "qualifier",
                &[
                    ("about", Qualifier::About),
                    ("over", Qualifier::Over),
                    ("under", Qualifier::Under),
                ],
            )
            .map(Some)
        } else {
            Some(None)
        };
        let derived = self.opt_text(r, "derived");
        let note = self.opt_text(r, "note");
        Some(Observation {
            indicator: indicator?,
            when: when?,
            value: value?,
            kind: kind?,
            territory: territory?,
            source: source?,
            as_of: as_of?,
            qualifier: qualifier?,
            derived,
            note,
            line: r.pos.line,
        })
    }

    fn when(&mut self, r: &Record) -> Option<When> {
        match (r.table.get("year"), r.table.get("period")) {
            (Some(_), Some(_)) => {
                self.error(
                    r.field_pos("period"),
                    &r.child("period"),
                    Problem::YearAndPeriod,
                );
                None
            }
            (None, None) => {
                self.error(r.pos, &r.path, Problem::NoYearOrPeriod);
                None
            }
            (Some(_), None) => self.year(r, "year").map(When::Year),
            (None, Some(_)) => self.period(r, "period").map(When::Period),
        }
    }

    fn periods(&mut self, r: &Record) -> Option<Vec<Period>> {
        let items = self.array(r, "periods")?;
        let mut periods = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = format!("{}.periods[{}]", r.path, index + 1);
            match &item.value {
                Value::String(text) => match parse_period(text) {
                    Some(period) => periods.push(period),
                    None => self.error(item.pos, &path, Problem::BadPeriod { text: text.clone() }),
                },
                other => self.error(
                    item.pos,
                    &path,
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                ),
            }
        }
        (periods.len() == items.len()).then_some(periods)
    }

    fn string_list(&mut self, r: &Record, key: &'static str) -> Option<Vec<String>> {
        let items = self.array(r, key)?;
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match &item.value {
                Value::String(text) => out.push(text.clone()),
                other => self.error(
                    item.pos,
                    &format!("{}.{key}[{}]", r.path, index + 1),
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                ),
            }
        }
        (out.len() == items.len()).then_some(out)
    }

    fn array<'t>(&mut self, r: &Record<'t>, key: &'static str) -> Option<&'t Vec<Spanned<Value>>> {
        match r.table.get(key) {
            Some(Spanned {
                value: Value::Array(items),
                ..
            }) => Some(items),
            Some(other) => {
                self.error(
                    other.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "an array",
                        found: other.value.type_name(),
                    },
                );
                None
            }
            None => {
                self.error(r.pos, &r.child(key), Problem::MissingField { field: key });
                None
            }
        }
    }

    fn check_fields(&mut self, r: &Record, allowed: &'static [&'static str]) {
        for (key, _) in &r.table.entries {
            if !allowed.contains(&key.value.as_str()) {
                self.error(
                    key.pos,
                    &r.child(&key.value),
                    Problem::UnknownField {
                        field: key.value.clone(),
                        allowed: allowed.to_vec(),
                    },
                );
            }
        }
    }

    fn required<'t>(&mut self, r: &Record<'t>, key: &'static str) -> Option<&'t Spanned<Value>> {
        let value = r.table.get(key);
        if value.is_none() {
            self.error(r.pos, &r.child(key), Problem::MissingField { field: key });
        }
        value
    }

    fn string(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = self.required(r, key)?;
        self.as_string(r, key, value)
    }

    fn opt_string(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = r.table.get(key)?;
        self.as_string(r, key, value)
    }

    fn as_string(&mut self, r: &Record, key: &str, value: &Spanned<Value>) -> Option<String> {
        match &value.value {
            Value::String(text) if text.trim().is_empty() => {
                self.error(value.pos, &r.child(key), Problem::EmptyText);
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    fn id(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let id = self.string(r, key)?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !valid {
            self.error(r.field_pos(key), &r.child(key), Problem::BadId { id });
            return None;
        }
        Some(id)
    }

    fn opt_url(&mut self, r: &Record, key: &'static str) -> Option<Option<String>> {
        let Some(url) = self.opt_string(r, key) else {
            return if r.table.get(key).is_some() {
                None
            } else {
                Some(None)
            };
        };
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(host)
                if !host.is_empty()
                    && !host.starts_with('/')
                    && !url.contains(char::is_whitespace) =>
            {
                Some(Some(url))
            }
            _ => {
                self.error(r.field_pos(key), &r.child(key), Problem::BadUrl { url });
                None
            }
        }
    }

    fn text(&mut self, r: &Record, key: &'static str) -> Option<Text> {
        let value = self.required(r, key)?;
        self.as_text(r, key, value)
    }

    fn opt_text(&mut self, r: &Record, key: &'static str) -> Option<Text> {
        let value = r.table.get(key)?;
        self.as_text(r, key, value)
    }

    fn as_text(&mut self, r: &Record, key: &str, value: &Spanned<Value>) -> Option<Text> {
        let Value::Table(pair) = &value.value else {
            self.error(
                value.pos,
                &r.child(key),
                Problem::WrongType {
                    expected: "a text pair { vi, en }",
                    found: value.value.type_name(),
                },
            );
            return None;
        };
        let inner = Record {
            table: pair,
            path: r.child(key),
            pos: value.pos,
        };
        self.check_fields(&inner, &["vi", "en"]);
        let mut texts = [None, None];
        for (slot, lang) in texts.iter_mut().zip(Lang::ALL) {
            match pair.get(lang.code()) {
                None => self.error(
                    value.pos,
                    &inner.child(lang.code()),
                    Problem::MissingTranslation { lang },
                ),
                Some(item) => *slot = self.as_string(&inner, lang.code(), item),
            }
        }
        let [vi, en] = texts;
        Some(Text { vi: vi?, en: en? })
    }

    fn number(&mut self, r: &Record, key: &'static str) -> Option<f64> {
        let value = self.required(r, key)?;
        self.as_number(r, key, value)
    }

    fn opt_number(&mut self, r: &Record, key: &'static str) -> Option<Option<f64>> {
        match r.table.get(key) {
            None => Some(None),
            Some(value) => self.as_number(r, key, value).map(Some),
        }
    }

    fn as_number(&mut self, r: &Record, key: &str, value: &Spanned<Value>) -> Option<f64> {
        match value.value {
            Value::Number { value, .. } => Some(value),
            ref other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a number",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    fn whole(&mut self, r: &Record, key: &'static str, min: f64, max: f64) -> Option<f64> {
        let value = self.required(r, key)?;
        match value.value {
            Value::Number {
                value: number,
                integer: true,
            } if (min..=max).contains(&number) => Some(number),
            Value::Number {
                value: number,
                integer: true,
            } => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::OutOfRange {
                        value: number,
                        min,
                        max,
                    },
                );
                None
            }
            ref other => {
                let found = if matches!(other, Value::Number { .. }) {
                    "a decimal number"
                } else {
                    other.type_name()
                };
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a whole number",
                        found,
                    },
                );
                None
            }
        }
    }

    fn year(&mut self, r: &Record, key: &'static str) -> Option<i32> {
        self.whole(r, key, 1900.0, 2200.0).map(|y| y as i32)
    }

    fn period(&mut self, r: &Record, key: &'static str) -> Option<Period> {
        let text = self.string(r, key)?;
        let period = parse_period(&text);
        if period.is_none() {
            self.error(r.field_pos(key), &r.child(key), Problem::BadPeriod { text });
        }
        period
    }

    fn opt_bool(&mut self, r: &Record, key: &'static str) -> Option<bool> {
        let value = r.table.get(key)?;
        match value.value {
            Value::Bool(flag) => Some(flag),
            ref other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "true or false",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    fn date(&mut self, r: &Record, key: &'static str) -> Option<PartialDate> {
        let text = self.string(r, key)?;
        let date = PartialDate::parse(&text);
        if date.is_none() {
            self.error(r.field_pos(key), &r.child(key), Problem::BadDate { text });
        }
        date
    }

    fn opt_date(&mut self, r: &Record, key: &'static str) -> Option<Option<PartialDate>> {
        if r.table.get(key).is_none() {
            return Some(None);
        }
        self.date(r, key).map(Some)
    }

    fn one_of<T: Copy>(
        &mut self,
        r: &Record,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        let text = self.string(r, key)?;
        let found = choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value);
        if found.is_none() {
            self.error(
                r.field_pos(key),
                &r.child(key),
                Problem::NotOneOf {
                    found: text,
                    allowed: choices.iter().map(|(name, _)| *name).collect(),
                },
            );
        }
        found
    }

    fn error(&mut self, pos: Pos, path: &str, problem: Problem) {
        self.diagnostics
            .push(Diagnostic::error(self.location(pos, path), problem));
    }

    fn warning(&mut self, pos: Pos, path: &str, problem: Problem) {
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
    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The position of a field's value, or of the record when the field is absent.
    fn field_pos(&self, key: &str) -> Pos {
        self.table.get(key).map_or(self.pos, |value| value.pos)
    }
}

fn static_field(field: &str) -> &'static str {
    match field {
        "value" => "value",
        "min" => "min",
        _ => "max",
    }
}

/// `"2021-2025"`, first ≤ last.
pub fn parse_period(text: &str) -> Option<Period> {
    let (first, last) = text.split_once('-')?;
    let year = |part: &str| {
        (part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i32>().ok())
            .flatten()
    };
    let period = Period {
        first: year(first)?,
        last: year(last)?,
    };
    (period.first <= period.last).then_some(period)
}

struct Ids {
    documents: HashSet<String>,
    task_areas: HashSet<String>,
    territories: HashSet<String>,
    sources: HashSet<String>,
    indicators: HashSet<String>,
}

/// The string values of `field` in every `[[kind]]` block, whether or not the block is valid.
fn raw_strings<'t>(
    root: &'t Table,
    kind: &'t str,
    field: &'t str,
) -> impl Iterator<Item = String> + 't {
    raw_records(root, kind).filter_map(move |(_, record)| match record.value.get(field) {
        Some(Spanned {
            value: Value::String(text),
            ..
        }) => Some(text.clone()),
        _ => None,
    })
}

fn raw_records<'t>(
    root: &'t Table,
    kind: &'t str,
) -> impl Iterator<Item = (String, &'t Spanned<Table>)> + 't {
    let items: &'t [Spanned<Table>] = match root.get(kind) {
        Some(Spanned {
            value: Value::TableArray(items),
            ..
        }) => items,
        _ => &[],
    };
    items
        .iter()
        .enumerate()
        .map(move |(index, item)| (format!("{kind}[{}]", index + 1), item))
}

fn static_kind(kind: &str) -> &'static str {
    match kind {
        "document" => "document",
        "statement" => "statement",
        "task_area" => "task area",
        "territory" => "territory",
        "source" => "source",
        "indicator" => "indicator",
        _ => "target",
    }
}

fn strip<T>(records: Vec<(Pos, String, T)>) -> Vec<T> {
    records.into_iter().map(|(_, _, value)| value).collect()
}
