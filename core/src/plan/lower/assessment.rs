//! Records that judge figures rather than report them: a derived observation's `formula`, the
//! `[[reference]]` values it divides by, and the city's own verdicts (`[[verdict]]`) and counts
//! (`[[tally]]`). The arithmetic is checked in `whole`, once every record has been read.

use super::fields::Future;
use super::{Cx, Record};
use crate::diagnostic::{Problem, TypeName};
use crate::plan::toml::{Spanned, Value};
use crate::plan::*;

pub(super) const FORMULA_FIELDS: &[&str] = &["input", "times", "divide_by"];

const GRADES: &[(&str, Grade)] = &[
    ("exceeded", Grade::Exceeded),
    ("met", Grade::Met),
    ("nearly_met", Grade::NearlyMet),
    ("on_track", Grade::OnTrack),
    ("behind", Grade::Behind),
    ("not_met", Grade::NotMet),
    ("pending", Grade::Pending),
];

impl Cx<'_> {
    /// An observation's optional `formula = { input, times, divide_by }`: `Some(None)` when
    /// absent, `None` when written wrong (already reported).
    pub(super) fn formula(&mut self, r: &Record) -> Option<Option<Formula>> {
        let value = match r.table.get("formula") {
            None => return Some(None),
            Some(value) => value,
        };
        let Spanned {
            value: Value::Table(table),
            pos,
        } = value
        else {
            self.error(
                value.pos,
                &r.child("formula"),
                Problem::WrongType {
                    expected: TypeName::Table,
                    found: value.value.type_name(),
                },
            );
            return None;
        };
        let inner = Record {
            table,
            path: r.child("formula"),
            pos: *pos,
        };
        self.check_fields(&inner, FORMULA_FIELDS);
        let input = self.word(&inner, "input");
        let times = self.opt_number(&inner, "times");
        let divide_by = self.word(&inner, "divide_by");
        Some(Some(Formula {
            input: input?,
            times: times?.unwrap_or(1.0),
            divide_by: divide_by?,
        }))
    }
}

pub(super) const REFERENCE_FIELDS: &[&str] = &[
    "id", "name", "unit", "year", "value", "source", "ratio", "note",
];

impl Cx<'_> {
    pub(super) fn reference(&mut self, r: &Record) -> Option<Reference> {
        let id = self.id(r, "id");
        let name = self.text(r, "name");
        let unit = self.text(r, "unit");
        let year = self.year(r, "year");
        let value = self.number(r, "value");
        let source = self.word(r, "source");
        let written = if r.table.get("ratio").is_some() {
            self.array(r, "ratio").map(Some)
        } else {
            Some(None)
        };
        let ratio = match written {
            Some(None) => Some(None),
            None => None,
            Some(Some(items)) => {
                let numbers: Vec<Option<f64>> = items
                    .iter()
                    .map(|item| self.as_number(r, "ratio", item))
                    .collect();
                match numbers.as_slice() {
                    [Some(a), Some(b)] if *b != 0.0 => Some(Some((*a, *b))),
                    [Some(a), Some(b)] => {
                        self.error(
                            r.field_pos("ratio"),
                            &r.child("ratio"),
                            Problem::NotANumber {
                                written: format!("{a} / {b}"),
                            },
                        );
                        None
                    }
                    [_, _] => None,
                    _ => {
                        self.error(
                            r.field_pos("ratio"),
                            &r.child("ratio"),
                            Problem::WrongType {
                                expected: TypeName::NumberPair,
                                found: TypeName::Array,
                            },
                        );
                        None
                    }
                }
            }
        };
        let note = self.opt_text(r, "note");
        Some(Reference {
            id: id?,
            name: name?,
            unit: unit?,
            year: year?,
            value: value?,
            source: source?,
            ratio: ratio?,
            note,
        })
    }
}

pub(super) const VERDICT_FIELDS: &[&str] = &[
    "target", "grade", "word", "quote", "report", "source", "date", "note",
];

impl Cx<'_> {
    pub(super) fn verdict(&mut self, r: &Record) -> Option<OfficialVerdict> {
        let target = self.word(r, "target");
        let grade = self.one_of(r, "grade", GRADES);
        let word = self.text(r, "word");
        let quote = self.text(r, "quote");
        let report = self.text(r, "report");
        let source = self.word(r, "source");
        let date = self.date(r, "date", Future::Refused);
        let note = self.opt_text(r, "note");
        Some(OfficialVerdict {
            target: target?,
            grade: grade?,
            word: word?,
            quote: quote?,
            report: report?,
            source: source?,
            date: date?,
            note,
        })
    }
}

pub(super) const TALLY_FIELDS: &[&str] = &[
    "document",
    "territory",
    "year",
    "period",
    "of",
    "counts",
    "quote",
    "report",
    "source",
    "date",
    "note",
];

const COUNT_FIELDS: &[&str] = &["grade", "word", "count"];

impl Cx<'_> {
    pub(super) fn tally(&mut self, r: &Record) -> Option<OfficialTally> {
        let document = self.word(r, "document");
        let territory = self.word(r, "territory");
        let when = self.when(r);
        let of = self.whole(r, "of", 1.0, 10_000.0);
        let counts = match self.array(r, "counts") {
            None => None,
            Some(items) => {
                let mut counts = Some(Vec::new());
                for (index, item) in items.iter().enumerate() {
                    let path = format!("{}[{}]", r.child("counts"), index + 1);
                    let Value::Table(table) = &item.value else {
                        self.error(
                            item.pos,
                            &path,
                            Problem::WrongType {
                                expected: TypeName::Table,
                                found: item.value.type_name(),
                            },
                        );
                        counts = None;
                        continue;
                    };
                    let inner = Record {
                        table,
                        path,
                        pos: item.pos,
                    };
                    self.check_fields(&inner, COUNT_FIELDS);
                    let grade = self.one_of(&inner, "grade", GRADES);
                    let word = self.text(&inner, "word");
                    let count = self.whole(&inner, "count", 0.0, 10_000.0);
                    match (grade, word, count, counts.as_mut()) {
                        (Some(grade), Some(word), Some(count), Some(list)) => {
                            list.push(TallyCount {
                                grade,
                                word,
                                count: count as u32,
                            })
                        }
                        _ => counts = None,
                    }
                }
                counts
            }
        };
        let quote = self.text(r, "quote");
        let report = self.text(r, "report");
        let source = self.word(r, "source");
        let date = self.date(r, "date", Future::Refused);
        let note = self.opt_text(r, "note");
        let (of, counts) = (of? as u32, counts?);
        let counted: u32 = counts.iter().map(|c| c.count).sum();
        if counted > of {
            self.error(
                r.field_pos("counts"),
                &r.child("counts"),
                Problem::TallyOverTotal { counted, of },
            );
            return None;
        }
        Some(OfficialTally {
            document: document?,
            territory: territory?,
            when: when?,
            of,
            counts,
            quote: quote?,
            report: report?,
            source: source?,
            date: date?,
            note,
        })
    }
}
