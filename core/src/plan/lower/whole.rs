//! Whole-file checks: what needs every record read first — unique ids, references between
//! records, target years inside the plan, value bounds that depend on the indicator's measure.
//! They walk the parsed tree again, so every message points at the field itself, and they count
//! every id written in the file as defined even when its record has another error.

use super::{parse_period, Cx};
use crate::diagnostic::Problem;
use crate::plan::toml::{Pos, Spanned, Table, Value};
use crate::plan::*;
use std::collections::{HashMap, HashSet};

/// Ids seen so far of one kind, with their lines, to report duplicates.
type Seen = HashMap<String, u32>;

impl Cx<'_> {
    /// Checks what needs the whole file: unique ids, references, plan years, value bounds.
    /// It walks the parsed tree again so every message points at the field itself.
    pub(super) fn cross_check(
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

    pub(super) fn check_in_plan(&mut self, record: &Table, path: &str, meta: &PlanMeta) {
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

    pub(super) fn check_bounds(
        &mut self,
        record: &Table,
        path: &str,
        field: &str,
        measure: Option<Measure>,
    ) {
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
}

pub(super) struct Ids {
    pub documents: HashSet<String>,
    pub task_areas: HashSet<String>,
    pub territories: HashSet<String>,
    pub sources: HashSet<String>,
    pub indicators: HashSet<String>,
}

/// The string values of `field` in every `[[kind]]` block, whether or not the block is valid.
pub(super) fn raw_strings<'t>(
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

pub(super) fn raw_records<'t>(
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
