//! The target reader and its shapes: which of `value`, `min`, `max` and `tolerance` each shape
//! takes, and which shapes can hold for every year of a period.

use super::{Cx, Record};
use crate::diagnostic::Problem;
use crate::plan::toml::{Spanned, Value};
use crate::plan::*;

pub(super) const TARGET_FIELDS: &[&str] = &[
    "id",
    "indicator",
    "year",
    "period",
    "every_year",
    "shape",
    "value",
    "min",
    "max",
    "tolerance",
    "document",
    "territory",
    "source",
    "text",
    "note",
];

impl Cx<'_> {
    pub(super) fn target(&mut self, r: &Record) -> Option<Target> {
        let id = self.id(r, "id");
        let indicator = self.word(r, "indicator");
        let when = self.when(r);
        let document = self.word(r, "document");
        let territory = self.word(r, "territory");
        let source = self.opt_word(r, "source");
        let text = self.opt_text(r, "text");
        let note = self.opt_text(r, "note");
        let choices = ShapeKind::ALL.map(|kind| (kind.code(), kind));
        let kind = self.one_of(r, "shape", &choices);
        let shape = match kind {
            Some(kind) => self.shape(r, kind, text.is_some()),
            None => None,
        };
        let every_year = match (self.opt_bool(r, "every_year"), kind) {
            (Some(true), Some(kind)) if !kind.every_year() => {
                self.error(
                    r.field_pos("every_year"),
                    &r.child("every_year"),
                    Problem::FieldNotForShape {
                        field: "every_year",
                        shape: kind.code(),
                    },
                );
                None
            }
            (Some(true), _) if matches!(when, Some(When::Year(_))) => {
                self.error(
                    r.field_pos("every_year"),
                    &r.child("every_year"),
                    Problem::EveryYearNeedsPeriod,
                );
                None
            }
            (flag, _) => Some(flag.unwrap_or(false)),
        };
        Some(Target {
            id: id?,
            indicator: indicator?,
            when: when?,
            shape: shape?,
            every_year: every_year?,
            document: document?,
            territory: territory?,
            source: source?,
            text,
            note,
        })
    }

    /// Reads `value` / `min` / `max` / `tolerance` as the shape requires, refusing fields the
    /// shape ignores so that a `max` written for an `at_least` target cannot be silently dropped.
    pub(super) fn shape(
        &mut self,
        r: &Record,
        kind: ShapeKind,
        has_text: bool,
    ) -> Option<TargetShape> {
        let mut ok = true;
        for field in Field::ALL {
            if !kind.takes(field) && r.has(field.name()) {
                self.error(
                    r.field_pos(field.name()),
                    &r.child(field.name()),
                    Problem::FieldNotForShape {
                        field: field.name(),
                        shape: kind.code(),
                    },
                );
                ok = false;
            }
        }
        let shape = match kind {
            ShapeKind::Exact => TargetShape::Exact(self.number(r, "value")?),
            ShapeKind::AtLeast => TargetShape::AtLeast(self.number(r, "value")?),
            ShapeKind::AtMost => TargetShape::AtMost(self.number(r, "value")?),
            ShapeKind::Above => TargetShape::Above(self.number(r, "value")?),
            ShapeKind::Below => TargetShape::Below(self.number(r, "value")?),
            ShapeKind::Range => {
                let (min, max) = (self.number(r, "min"), self.number(r, "max"));
                let (min, max) = self.band(r, min?, max?)?;
                TargetShape::Range { min, max }
            }
            ShapeKind::About => {
                let value = self.number(r, "value")?;
                let tolerance = match self.opt_number(r, "tolerance")? {
                    Some(tolerance) if tolerance < 0.0 => {
                        self.error(
                            r.field_pos("tolerance"),
                            &r.child("tolerance"),
                            Problem::NegativeTolerance { value: tolerance },
                        );
                        return None;
                    }
                    Some(tolerance) => tolerance,
                    None => half_last_digit(r.table.get("value")),
                };
                TargetShape::About { value, tolerance }
            }
            ShapeKind::Average => {
                if r.has("value") {
                    if r.has("min") || r.has("max") {
                        self.error(
                            r.field_pos("value"),
                            &r.child("value"),
                            Problem::ValueWithBand,
                        );
                        return None;
                    }
                    TargetShape::Average {
                        min: Some(self.number(r, "value")?),
                        max: None,
                    }
                } else {
                    let (min, max) = self.floor_or_ceiling(r)?;
                    TargetShape::Average { min, max }
                }
            }
            ShapeKind::YearlyChange => {
                let (min, max) = self.floor_or_ceiling(r)?;
                TargetShape::YearlyChange { min, max }
            }
            ShapeKind::EssentiallyNone => TargetShape::EssentiallyNone {
                threshold: self.opt_number(r, "value")?.unwrap_or(0.0),
            },
            ShapeKind::Text => {
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

    /// `min`, `max` or both (a floor, a ceiling or a band); at least one is required.
    fn floor_or_ceiling(&mut self, r: &Record) -> Option<(Option<f64>, Option<f64>)> {
        if !r.has("min") && !r.has("max") {
            self.error(
                r.pos,
                &r.child("min"),
                Problem::MissingField { field: "min" },
            );
            return None;
        }
        let (min, max) = (self.opt_number(r, "min"), self.opt_number(r, "max"));
        let (min, max) = (min?, max?);
        if let (Some(low), Some(high)) = (min, max) {
            self.band(r, low, high)?;
        }
        Some((min, max))
    }

    fn band(&mut self, r: &Record, min: f64, max: f64) -> Option<(f64, f64)> {
        if min > max {
            self.error(
                r.field_pos("min"),
                &r.child("min"),
                Problem::MinAboveMax { min, max },
            );
            return None;
        }
        Some((min, max))
    }
}

/// Half a unit of the last digit written: `45` → 0.5, `74.5` → 0.05, `5.90` → 0.005. "Khoảng
/// 45 %" is read as any figure that rounds to 45 at the precision the document wrote it.
fn half_last_digit(value: Option<&Spanned<Value>>) -> f64 {
    let digits = match value {
        Some(Spanned {
            value: Value::Number {
                fraction_digits, ..
            },
            ..
        }) => i32::from(*fraction_digits),
        _ => 0,
    };
    0.5 * 10f64.powi(-digits)
}

/// The number fields a shape may take.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Value,
    Min,
    Max,
    Tolerance,
}

impl Field {
    const ALL: [Field; 4] = [Field::Value, Field::Min, Field::Max, Field::Tolerance];

    fn name(self) -> &'static str {
        match self {
            Field::Value => "value",
            Field::Min => "min",
            Field::Max => "max",
            Field::Tolerance => "tolerance",
        }
    }
}

impl ShapeKind {
    /// Whether the shape reads this field (required or optional); any other is refused.
    fn takes(self, field: Field) -> bool {
        match self {
            ShapeKind::Exact
            | ShapeKind::AtLeast
            | ShapeKind::AtMost
            | ShapeKind::Above
            | ShapeKind::Below
            | ShapeKind::EssentiallyNone => field == Field::Value,
            ShapeKind::Range | ShapeKind::YearlyChange => matches!(field, Field::Min | Field::Max),
            ShapeKind::About => matches!(field, Field::Value | Field::Tolerance),
            // `value` alone for "at least", or `min` and/or `max`; the two forms together are
            // refused by the reader with its own message.
            ShapeKind::Average => field != Field::Tolerance,
            ShapeKind::Text => false,
        }
    }

    /// Shapes that can hold for every year of a period: a limit or a band on each year's
    /// figure, or on each year's change. An average is of the period as a whole.
    fn every_year(self) -> bool {
        !matches!(self, ShapeKind::Average | ShapeKind::Text)
    }
}
