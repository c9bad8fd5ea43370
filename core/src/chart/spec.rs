//! What one indicator chart shows, as plain data: the marks, not the pixels.
//!
//! `build` reads a plan; `layout` places the marks in a box; `draw` paints them on any plotters
//! backend. The UI, the SVG export and the snapshot tests all go through these three steps.

use crate::plan::{BreakKind, Measure, ObservationKind, Period, Plan, TargetShape, When};
use crate::text::Lang;

/// The layers a reader can switch on and off from the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub actuals: bool,
    pub targets: bool,
    pub required: bool,
    pub projection: bool,
}

impl Layers {
    pub const ALL: Layers = Layers {
        actuals: true,
        targets: true,
        required: true,
        projection: true,
    };
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub lang: Lang,
    pub decimals: u8,
    pub measure: Measure,
    /// First and last year on the x axis.
    pub years: (i32, i32),
    pub series: Vec<Series>,
    pub targets: Vec<TargetMark>,
    /// Straight path from the baseline to the target (dotted).
    pub required: Vec<(i32, f64)>,
    /// Trend projection: (year, central, low, high).
    pub projection: Vec<(i32, f64, f64, f64)>,
    pub breaks: Vec<BreakMark>,
    pub layers: Layers,
}

/// One unbroken line: the headline values of one territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub territory: String,
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    /// The figure, or the middle of a figure published as a range.
    pub value: f64,
    /// A figure published as a range ("3,1–3,2 %"): drawn as a bar from low to high.
    pub range: Option<(f64, f64)>,
    pub kind: ObservationKind,
    /// Line of the observation in the plan file: the key the UI uses to find its source.
    pub line: u32,
}

impl Point {
    /// Official figures are drawn solid; everything less final is hollow, joined by dashes.
    pub fn is_final(&self) -> bool {
        self.kind == ObservationKind::Official
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TargetMark {
    /// A band between two values over a span of years (a range, or an average band).
    Band {
        first: i32,
        last: i32,
        min: f64,
        max: f64,
    },
    /// A single threshold over a span of years.
    Line { first: i32, last: i32, value: f64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakMark {
    /// Position on the year axis: between two years.
    pub at: f64,
    pub label: String,
}

/// Assembles the chart of one indicator, with the targets of `period` (all when `None`).
/// `required` and `projection` come from the status arithmetic, which the chart does not
/// depend on.
pub fn build(
    plan: &Plan,
    indicator_id: &str,
    period: Option<Period>,
    lang: Lang,
    required: Vec<(i32, f64)>,
    projection: Vec<(i32, f64, f64, f64)>,
    layers: Layers,
) -> Option<ChartSpec> {
    let indicator = plan.indicator(indicator_id)?;
    let mut series: Vec<Series> = Vec::new();
    for observation in plan.headline_series(indicator_id) {
        let When::Year(year) = observation.when else {
            continue;
        };
        let point = Point {
            year,
            value: observation.central(),
            range: observation.upper.map(|_| observation.range()),
            kind: observation.kind,
            line: observation.line,
        };
        // One line per territory and method: figures of two territories, or of two methods
        // after a rebasing, are never joined.
        let key = match &observation.method {
            Some(method) => format!("{}|{method}", observation.territory),
            None => observation.territory.clone(),
        };
        match series.iter_mut().find(|s| s.territory == key) {
            Some(existing) => existing.points.push(point),
            None => {
                let name = plan.territory(&observation.territory).map_or_else(
                    || observation.territory.clone(),
                    |t| t.name.get(lang).to_string(),
                );
                series.push(Series {
                    territory: key,
                    label: match &observation.method {
                        Some(method) => format!("{name} ({method})"),
                        None => name,
                    },
                    points: vec![point],
                })
            }
        }
    }

    let targets: Vec<TargetMark> = plan
        .targets_of(indicator_id)
        .filter(|target| period.is_none_or(|p| Plan::target_in_period(target, p)))
        .filter_map(|target| {
            let (first, last) = match target.when {
                When::Year(year) => (year, year),
                When::Period(period) => (period.first, period.last),
            };
            match target.shape {
                TargetShape::Range { min, max }
                | TargetShape::Average {
                    min: Some(min),
                    max: Some(max),
                } => Some(TargetMark::Band {
                    first,
                    last,
                    min,
                    max,
                }),
                TargetShape::About { value, tolerance } => Some(TargetMark::Band {
                    first,
                    last,
                    min: value - tolerance,
                    max: value + tolerance,
                }),
                TargetShape::Average {
                    min: Some(value),
                    max: None,
                }
                | TargetShape::Average {
                    min: None,
                    max: Some(value),
                }
                | TargetShape::Exact(value)
                | TargetShape::AtLeast(value)
                | TargetShape::AtMost(value)
                | TargetShape::Above(value)
                | TargetShape::Below(value)
                | TargetShape::EssentiallyNone { threshold: value } => {
                    Some(TargetMark::Line { first, last, value })
                }
                // A yearly change is not a level the chart's axis can show.
                TargetShape::Average {
                    min: None,
                    max: None,
                }
                | TargetShape::YearlyChange { .. }
                | TargetShape::Text => None,
            }
        })
        .collect();

    let mut first_year = plan.meta.baseline_year.min(plan.meta.start);
    let mut last_year = plan.meta.start;
    let mut extend = |year: i32| {
        first_year = first_year.min(year);
        last_year = last_year.max(year);
    };
    for s in &series {
        for p in &s.points {
            extend(p.year);
        }
    }
    for mark in &targets {
        match mark {
            TargetMark::Band { first, last, .. } | TargetMark::Line { first, last, .. } => {
                extend(*first);
                extend(*last);
            }
        }
    }
    for (year, ..) in &projection {
        extend(*year);
    }
    for (year, _) in &required {
        extend(*year);
    }

    let breaks = plan
        .series_breaks
        .iter()
        .filter(|b| {
            b.kind == BreakKind::Territory || b.indicators.iter().any(|i| i == indicator_id)
        })
        .filter(|b| (first_year..=last_year).contains(&b.date.year))
        // Yearly figures of the break year already describe the new territory (the whole year
        // is reported for it), so the rule sits between the last old year and the break year.
        .map(|b| BreakMark {
            at: f64::from(b.date.year) - 0.5,
            label: crate::describe::date(b.date, lang),
        })
        .collect();

    Some(ChartSpec {
        lang,
        decimals: indicator.decimals,
        measure: indicator.measure,
        years: (first_year, last_year),
        series,
        targets,
        required,
        projection,
        breaks,
        layers,
    })
}

impl ChartSpec {
    /// The drawn points in drawing order, as (series index, point index): the order of
    /// `Layout::points`, which the focus index counts in. None when the actual values are hidden.
    pub fn point_order(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.series
            .iter()
            .enumerate()
            .filter(|_| self.layers.actuals)
            .flat_map(|(series, s)| (0..s.points.len()).map(move |index| (series, index)))
    }

    /// The point a focus index refers to.
    pub fn point(&self, focus: usize) -> Option<&Point> {
        let (series, index) = self.point_order().nth(focus)?;
        self.series.get(series)?.points.get(index)
    }

    /// The largest value the y axis may show: shares end at 100 %.
    pub fn value_ceiling(&self) -> Option<f64> {
        (self.measure == Measure::Share).then_some(100.0)
    }

    /// The smallest and largest value the visible layers need on the y axis.
    pub fn value_extent(&self) -> Option<(f64, f64)> {
        let mut values: Vec<f64> = Vec::new();
        if self.layers.actuals {
            values.extend(
                self.series
                    .iter()
                    .flat_map(|s| s.points.iter())
                    .flat_map(|p| {
                        let (low, high) = p.range.unwrap_or((p.value, p.value));
                        [p.value, low, high]
                    }),
            );
        }
        if self.layers.targets {
            for mark in &self.targets {
                match mark {
                    TargetMark::Band { min, max, .. } => values.extend([*min, *max]),
                    TargetMark::Line { value, .. } => values.push(*value),
                }
            }
        }
        if self.layers.required {
            values.extend(self.required.iter().map(|(_, v)| *v));
        }
        if self.layers.projection {
            values.extend(
                self.projection
                    .iter()
                    .flat_map(|(_, c, lo, hi)| [*c, *lo, *hi]),
            );
        }
        values.retain(|v| v.is_finite());
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !min.is_finite() {
            return None;
        }
        // Rates are read against zero and counts from zero; shares keep their own range (a
        // coverage of 90–95 % would be a flat line on 0–100) but never pass 0 or 100.
        let min = match self.measure {
            Measure::Rate => min.min(0.0),
            Measure::Count if min >= 0.0 => 0.0,
            Measure::Share => min.max(0.0),
            _ => min,
        };
        let max = match self.measure {
            Measure::Rate => max.max(0.0),
            Measure::Share => max.min(100.0),
            _ => max,
        };
        Some((min, max))
    }
}
