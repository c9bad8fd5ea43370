//! One reader per record kind, each beside the list of fields that kind may hold (an unknown
//! field is an error, so a typo cannot pass silently). Targets, with their shapes, are in
//! `target`.

use super::fields::{is_id, Future};
use super::{Cx, Record};
use crate::diagnostic::Problem;
use crate::plan::*;

pub(super) const PLAN_FIELDS: &[&str] = &[
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

impl Cx<'_> {
    pub(super) fn plan_meta(&mut self, r: &Record) -> Option<PlanMeta> {
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
}

pub(super) const DOCUMENT_FIELDS: &[&str] =
    &["id", "number", "short", "issuer", "date", "title", "url"];

impl Cx<'_> {
    pub(super) fn document(&mut self, r: &Record) -> Option<Document> {
        let id = self.id(r, "id");
        let number = self.string(r, "number");
        let short = self.opt_text(r, "short");
        let issuer = self.text(r, "issuer");
        let date = self.date_or_unknown(r, "date");
        let title = self.text(r, "title");
        let url = self.opt_url(r, "url");
        Some(Document {
            id: id?,
            number: number?,
            short,
            issuer: issuer?,
            date: date?,
            title: title?,
            url: url?,
        })
    }
}

pub(super) const STATEMENT_FIELDS: &[&str] = &["id", "kind", "year", "document", "text"];

impl Cx<'_> {
    pub(super) fn statement(&mut self, r: &Record) -> Option<Statement> {
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
        let document = self.word(r, "document");
        let text = self.text(r, "text");
        Some(Statement {
            id: id?,
            kind: kind?,
            year: year?,
            document: document?,
            text: text?,
        })
    }
}

pub(super) const TASK_AREA_FIELDS: &[&str] = &["id", "number", "title", "document"];

impl Cx<'_> {
    pub(super) fn task_area(&mut self, r: &Record) -> Option<TaskArea> {
        let id = self.id(r, "id");
        let number = self.whole(r, "number", 1.0, 999.0);
        let title = self.text(r, "title");
        let document = self.opt_word(r, "document");
        Some(TaskArea {
            id: id?,
            number: number? as u32,
            title: title?,
            document: document?,
        })
    }
}

pub(super) const TERRITORY_FIELDS: &[&str] = &["id", "name", "short", "from", "until"];

impl Cx<'_> {
    pub(super) fn territory(&mut self, r: &Record) -> Option<Territory> {
        let id = self.id(r, "id");
        let name = self.text(r, "name");
        let short = self.opt_text(r, "short");
        let from = self.opt_date(r, "from", Future::Allowed);
        let until = self.opt_date(r, "until", Future::Allowed);
        if let (Some(Some(from)), Some(Some(until))) = (from, until) {
            if from > until {
                self.error(
                    r.field_pos("from"),
                    &r.child("from"),
                    Problem::FromAfterUntil {
                        from: from.to_string(),
                        until: until.to_string(),
                    },
                );
                return None;
            }
        }
        Some(Territory {
            id: id?,
            name: name?,
            short,
            from: from?,
            until: until?,
        })
    }
}

pub(super) const BREAK_FIELDS: &[&str] = &[
    "kind",
    "date",
    "before",
    "after",
    "indicators",
    "title",
    "note",
];

impl Cx<'_> {
    pub(super) fn series_break(&mut self, r: &Record) -> Option<SeriesBreak> {
        let kind = self.opt_one_of(
            r,
            "kind",
            &[
                ("territory", BreakKind::Territory),
                ("method", BreakKind::Method),
            ],
            BreakKind::Territory,
        );
        let date = self.date(r, "date", Future::Allowed);
        let before = self.word(r, "before");
        let after = self.word(r, "after");
        let title = self.text(r, "title");
        let note = self.text(r, "note");
        let indicators = match kind? {
            BreakKind::Territory => {
                if r.has("indicators") {
                    self.error(
                        r.field_pos("indicators"),
                        &r.child("indicators"),
                        Problem::FieldNotForBreak {
                            field: "indicators",
                            kind: "territory",
                        },
                    );
                    return None;
                }
                Vec::new()
            }
            BreakKind::Method => {
                // A method is named by an id, as the observations' `method` field names it.
                for (key, name) in [("before", &before), ("after", &after)] {
                    if let Some(name) = name.as_ref().filter(|n| !is_id(n)) {
                        self.error(
                            r.field_pos(key),
                            &r.child(key),
                            Problem::BadId { id: name.clone() },
                        );
                        return None;
                    }
                }
                self.string_list(r, "indicators")?
            }
        };
        Some(SeriesBreak {
            kind: kind?,
            date: date?,
            before: before?,
            after: after?,
            indicators,
            title: title?,
            note: note?,
        })
    }
}

pub(super) const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "url",
    "published",
    "reliability",
    "via",
];

impl Cx<'_> {
    pub(super) fn source(&mut self, r: &Record) -> Option<Source> {
        let id = self.id(r, "id");
        let publisher = self.name_or_text(r, "publisher");
        let title = self.string(r, "title");
        let url = self.url(r, "url");
        let published = self.date_or_unknown(r, "published");
        let reliability = self.opt_one_of(
            r,
            "reliability",
            &[("normal", Reliability::Normal), ("low", Reliability::Low)],
            Reliability::Normal,
        );
        let via = self.opt_text(r, "via");
        Some(Source {
            id: id?,
            publisher: publisher?,
            title: title?,
            url: url?,
            published: published?.map_or(Published::Unknown, Published::On),
            reliability: reliability?,
            via,
        })
    }
}

pub(super) const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "unit",
    "decimals",
    "direction",
    "measure",
    "task_area",
    "definition",
    "headline",
    "gaps",
];

impl Cx<'_> {
    pub(super) fn indicator(&mut self, r: &Record) -> Option<Indicator> {
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
                ("ratio", Measure::Ratio),
            ],
        );
        let task_area = self.opt_word(r, "task_area");
        let definition = self.opt_text(r, "definition");
        let headline = self.opt_bool(r, "headline").unwrap_or(false);
        let gaps = self.opt_text(r, "gaps");
        Some(Indicator {
            id: id?,
            name: name?,
            unit: unit?,
            decimals: decimals? as u8,
            direction: direction?,
            measure: measure?,
            task_area: task_area?,
            definition,
            headline,
            gaps,
        })
    }
}

pub(super) const OBSERVATION_FIELDS: &[&str] = &[
    "indicator",
    "year",
    "period",
    "value",
    "min",
    "max",
    "kind",
    "territory",
    "source",
    "method",
    "as_of",
    "qualifier",
    "derived",
    "formula",
    "note",
];

impl Cx<'_> {
    pub(super) fn observation(&mut self, r: &Record) -> Option<Observation> {
        let indicator = self.word(r, "indicator");
        let when = self.when(r);
        let figure = self.figure(r);
        let kind = self.one_of(
            r,
            "kind",
            &[
                ("estimate", ObservationKind::Estimate),
                ("preliminary", ObservationKind::Preliminary),
                ("official", ObservationKind::Official),
                ("reported", ObservationKind::Reported),
                ("derived", ObservationKind::Derived),
            ],
        );
        let territory = self.word(r, "territory");
        let source = self.word(r, "source");
        let method = match self.opt_word(r, "method") {
            Some(Some(method)) if !is_id(&method) => {
                self.error(
                    r.field_pos("method"),
                    &r.child("method"),
                    Problem::BadId { id: method },
                );
                None
            }
            other => other,
        };
        let as_of = self.opt_date(r, "as_of", Future::Refused);
        let qualifier = if r.has("qualifier") {
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
        let formula = self.formula(r);
        let note = self.opt_text(r, "note");
        match (kind, &formula) {
            (Some(ObservationKind::Derived), Some(None)) => {
                self.error(r.pos, &r.child("formula"), Problem::DerivedWithoutFormula)
            }
            (Some(kind), Some(Some(_))) if kind != ObservationKind::Derived => self.error(
                r.field_pos("kind"),
                &r.child("kind"),
                Problem::FormulaNotDerived,
            ),
            _ => {}
        }
        if let (Some(when), Some(Some(date))) = (when, as_of) {
            // Within its year (or period), or in the January after it: the accounts of a
            // budget year close on 31 January of the next (public investment disbursed "by the
            // end of the fiscal year" is counted to that day).
            let last = when.end_year();
            let inside = (when.start_year()..=last).contains(&date.year)
                || (date.year == last + 1 && date.month == Some(1));
            if !inside {
                self.error(
                    r.field_pos("as_of"),
                    &r.child("as_of"),
                    Problem::AsOfOutside {
                        as_of: date.to_string(),
                        when: when.to_string(),
                    },
                );
                return None;
            }
        }
        let (value, upper) = figure?;
        Some(Observation {
            indicator: indicator?,
            when: when?,
            value,
            upper,
            kind: kind?,
            territory: territory?,
            source: source?,
            method: method?,
            as_of: as_of?,
            qualifier: qualifier?,
            derived,
            formula: formula?,
            note,
            line: r.pos.line,
        })
    }

    /// `value`, or `min` and `max` for a figure published as a range.
    fn figure(&mut self, r: &Record) -> Option<(f64, Option<f64>)> {
        if r.has("value") {
            if r.has("min") || r.has("max") {
                let key = if r.has("min") { "min" } else { "max" };
                self.error(r.field_pos(key), &r.child(key), Problem::ValueWithBand);
                return None;
            }
            return self.number(r, "value").map(|v| (v, None));
        }
        if !r.has("min") && !r.has("max") {
            self.error(
                r.pos,
                &r.child("value"),
                Problem::MissingField { field: "value" },
            );
            return None;
        }
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
        Some((min, Some(max)))
    }
}
