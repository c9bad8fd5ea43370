//! One reader per record kind, each beside the list of fields that kind may hold (an unknown
//! field is an error, so a typo cannot pass silently). Targets, with their shapes, are in
//! `target`.

use super::{Cx, Record};
use crate::diagnostic::Problem;
use crate::plan::*;

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
        let date = self.date(r, "date");
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
}

pub(super) const TASK_AREA_FIELDS: &[&str] = &["id", "number", "title", "document"];

impl Cx<'_> {
    pub(super) fn task_area(&mut self, r: &Record) -> Option<TaskArea> {
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
}

pub(super) const TERRITORY_FIELDS: &[&str] = &["id", "name", "short", "from", "until"];

impl Cx<'_> {
    pub(super) fn territory(&mut self, r: &Record) -> Option<Territory> {
        let id = self.id(r, "id");
        let name = self.text(r, "name");
        let short = self.opt_text(r, "short");
        let from = self.opt_date(r, "from");
        let until = self.opt_date(r, "until");
        Some(Territory {
            id: id?,
            name: name?,
            short,
            from: from?,
            until: until?,
        })
    }
}

pub(super) const BREAK_FIELDS: &[&str] = &["date", "before", "after", "title", "note"];

impl Cx<'_> {
    pub(super) fn series_break(&mut self, r: &Record) -> Option<SeriesBreak> {
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
}

pub(super) const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "url",
    "published",
    "reliability",
];

impl Cx<'_> {
    pub(super) fn source(&mut self, r: &Record) -> Option<Source> {
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
}

pub(super) const OBSERVATION_FIELDS: &[&str] = &[
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

impl Cx<'_> {
    pub(super) fn observation(&mut self, r: &Record) -> Option<Observation> {
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
}
