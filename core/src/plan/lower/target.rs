//! The target reader and its shapes: which of `value`, `min` and `max` each shape takes.

use super::{Cx, Record};
use crate::diagnostic::Problem;
use crate::plan::*;

pub(super) const TARGET_FIELDS: &[&str] = &[
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

impl Cx<'_> {
    pub(super) fn target(&mut self, r: &Record) -> Option<Target> {
        let id = self.id(r, "id");
        let indicator = self.string(r, "indicator");
        let when = self.when(r);
        let document = self.string(r, "document");
        let territory = self.string(r, "territory");
        let text = self.opt_text(r, "text");
        let note = self.opt_text(r, "note");
        let choices = ShapeKind::ALL.map(|kind| (kind.code(), kind));
        let shape = match self.one_of(r, "shape", &choices) {
            Some(kind) => self.shape(r, kind, text.is_some()),
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
    pub(super) fn shape(
        &mut self,
        r: &Record,
        kind: ShapeKind,
        has_text: bool,
    ) -> Option<TargetShape> {
        let mut ok = true;
        for field in [Field::Value, Field::Min, Field::Max] {
            if !kind.takes(field) && r.table.get(field.name()).is_some() {
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
            ShapeKind::Average => {
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
}

/// The number fields a shape may take.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Value,
    Min,
    Max,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Value => "value",
            Field::Min => "min",
            Field::Max => "max",
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
            ShapeKind::Range => field != Field::Value,
            // `value` alone for "at least", or `min` with an optional `max`; the two forms
            // together are refused by the reader with its own message.
            ShapeKind::Average => true,
            ShapeKind::Text => false,
        }
    }
}
