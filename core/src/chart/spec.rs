//! What one indicator chart shows, as plain data: the marks, not the pixels.
//!
//! `indicator_chart` reads a plan and decides everything a chart of one indicator shows on
//! every surface (the page, the PNG and SVG downloads, the snapshots): which target leads, on
//! which footing the figures are compared with it (yearly values, the average so far, the total
//! so far), the required path and the projection on that same footing. `layout` places the
//! marks in a box; `draw` paints them on any plotters backend.

use super::words::{self, Word};
use crate::number;
use crate::plan::{
    BreakKind, Measure, ObservationKind, Period, Plan, SeriesBreak, Target, TargetShape, When,
};
use crate::status::{self, Footing};
use crate::text::Lang;

/// The layers a reader can switch on and off from the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub actuals: bool,
    pub targets: bool,
    pub required: bool,
    pub projection: bool,
    /// The targets besides the lead one of each period (other documents, other territories,
    /// other years): on demand, so a chart over every period stays readable.
    pub other_targets: bool,
}

impl Layers {
    /// What a chart shows before the reader asks for more.
    pub const DEFAULT: Layers = Layers {
        actuals: true,
        targets: true,
        required: true,
        projection: true,
        other_targets: false,
    };

    /// Every layer on, the other targets included.
    pub const ALL: Layers = Layers {
        other_targets: true,
        ..Layers::DEFAULT
    };

    /// The layers as bits (actuals 1, targets 2, required 4, projection 8, other targets 16):
    /// how the page tells the downloads module what it shows.
    pub fn to_bits(self) -> u32 {
        u32::from(self.actuals)
            | u32::from(self.targets) << 1
            | u32::from(self.required) << 2
            | u32::from(self.projection) << 3
            | u32::from(self.other_targets) << 4
    }

    pub fn from_bits(bits: u32) -> Layers {
        Layers {
            actuals: bits & 1 != 0,
            targets: bits & 2 != 0,
            required: bits & 4 != 0,
            projection: bits & 8 != 0,
            other_targets: bits & 16 != 0,
        }
    }
}

impl Default for Layers {
    fn default() -> Layers {
        Layers::DEFAULT
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub lang: Lang,
    pub decimals: u8,
    pub measure: Measure,
    /// The unit stated once, at the top of the y axis ("%/năm", "triệu đồng/người").
    pub unit: String,
    /// The indicator's unit, for values written on the chart ("7,23%", "104,6 triệu đồng").
    pub value_unit: String,
    /// How the lead target is compared with the figures.
    pub footing: Footing,
    /// First and last year on the x axis.
    pub years: (i32, i32),
    /// Lines first (average or total so far, or yearly values), then the yearly values shown as
    /// context; each series is one territory, never joined across a break.
    pub series: Vec<Series>,
    /// The targets drawn: the lead one of each period, and the others when asked for.
    pub targets: Vec<TargetMark>,
    /// The path that meets the lead target, on the chart's footing (dotted).
    pub required: Vec<(i32, f64)>,
    /// For a target on an average: the yearly value each year still without a figure needs.
    pub needed: Option<f64>,
    /// Trend projection on the chart's footing: (year, central, low, high).
    pub projection: Vec<(i32, f64, f64, f64)>,
    /// Series breaks with figures on both sides in this chart (the page shows its note only
    /// then).
    pub breaks: Vec<BreakMark>,
    pub layers: Layers,
}

/// What a series stands for, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Yearly values compared with a target for a year: a solid line with dots.
    Actual,
    /// The average so far over a target's period: a solid line with dots.
    Average(Period),
    /// The total so far over a target's period: a solid line with dots.
    Total(Period),
    /// Yearly values shown as context beside an average or a total: small dots, no line.
    Yearly,
}

impl Role {
    /// Drawn as a line (with an end-value label), not as context dots.
    pub fn is_line(self) -> bool {
        self != Role::Yearly
    }
}

/// One unbroken line (or a row of context dots): the figures of one territory, and of one
/// method after a method break.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub territory: String,
    /// The method of its figures, when the indicator has a method break.
    pub method: Option<String>,
    /// The territory's short name ("Cần Thơ (cũ)").
    pub label: String,
    pub role: Role,
    /// Which of the theme's series colours: one per territory, in the plan's order.
    pub colour: usize,
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    /// The figure, or the middle of a figure published as a range.
    pub value: f64,
    /// A figure published as a range ("3,1–3,2 %"): drawn as a bar from low to high.
    pub range: Option<(f64, f64)>,
    /// For an average or a total so far: the least final kind among its figures.
    pub kind: ObservationKind,
    /// Line of the observation in the plan file (for an average or total so far, the latest
    /// figure it takes in): the key the UI uses to find its source.
    pub line: u32,
    /// For an average or a total so far: the first and last year it covers.
    pub covers: Option<(i32, i32)>,
    /// The hedge the figure was published with ("khoảng 95", "trên 92,4"): its labels keep it.
    pub qualifier: Option<crate::plan::Qualifier>,
}

impl Point {
    /// Official figures are drawn filled; everything less final is hollow. The line through
    /// them is solid either way.
    pub fn is_final(&self) -> bool {
        self.kind == ObservationKind::Official
    }
}

/// A target as drawn: a band between two values, or a threshold when they are equal, over a
/// span of years.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    pub target_id: String,
    pub first: i32,
    pub last: i32,
    /// Where it is drawn on the year axis, from and to: its years (each ±0.4), kept on its own
    /// territory's side of a series break — the old city's 2025 target is never drawn beside
    /// the merged city's 2025 figure, a comparison across the break.
    pub span: (f64, f64),
    pub low: f64,
    pub high: f64,
    /// The lead target of its period (drawn in the target colour; the others are muted).
    pub lead: bool,
    pub footing: Footing,
    /// The value as labelled on the chart: "7,5–8%", "≥9,5%".
    pub label: String,
    /// The setting document's short name ("03-CTr/TU").
    pub document: String,
    /// The territory's short name ("Cần Thơ (cũ)").
    pub territory: String,
    /// The target in words for the legend: "Chỉ tiêu 2021–2025: bình quân 7,5–8% · 03-CTr/TU ·
    /// Cần Thơ (cũ)".
    pub legend: String,
}

impl TargetMark {
    pub fn is_band(&self) -> bool {
        self.high > self.low
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakMark {
    /// Position on the year axis: between two years.
    pub at: f64,
    /// Its date ("1/7/2025").
    pub label: String,
}

/// The targets a chart leads with, and the one whose required path and projection it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Leads<'a> {
    /// One per plan period (the period's own target first, as `status::primary_target`), or the
    /// one of the chosen period.
    pub targets: Vec<&'a Target>,
    /// Among them, the one still due (the earliest), else the last.
    pub focus: Option<&'a Target>,
}

/// The lead targets of an indicator's chart for `period` (every plan period when `None`).
pub fn leads<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    period: Option<Period>,
    today: i32,
) -> Leads<'a> {
    let mut targets: Vec<&Target> = match period {
        Some(p) => status::primary_target(plan, indicator, Some(p), today)
            .into_iter()
            .collect(),
        None => {
            let mut list: Vec<&Target> = Vec::new();
            for p in &plan.meta.periods {
                if let Some(t) = status::primary_target(plan, indicator, Some(*p), today) {
                    if !list.iter().any(|x| std::ptr::eq(*x, t)) {
                        list.push(t);
                    }
                }
            }
            if list.is_empty() {
                list.extend(status::primary_target(plan, indicator, None, today));
            }
            list
        }
    };
    crate::order::sort_by_key(&mut targets, |t| (t.when.end_year(), t.when.start_year()));
    let focus = targets
        .iter()
        .find(|t| t.when.end_year() >= today)
        .or(targets.last())
        .copied();
    Leads { targets, focus }
}

/// The chart of one indicator as every surface shows it: the lead target of `period` (of each
/// plan period when `None`; the others when `layers.other_targets`), the figures on the lead
/// target's footing, its required path and its projection (none once it is met: a trend carried
/// past a target already met misleads — 36 communes meeting a standard cannot become 40 when
/// the city has 36; none once its deadline year is over). `today` is the current year, given, never read from a clock.
pub fn indicator_chart(
    plan: &Plan,
    indicator_id: &str,
    period: Option<Period>,
    lang: Lang,
    layers: Layers,
    today: i32,
) -> Option<ChartSpec> {
    let indicator = plan.indicator(indicator_id)?;
    let leads = leads(plan, indicator_id, period, today);
    let footing = leads
        .focus
        .map_or(Footing::Yearly, |t| status::footing(plan, t));

    // Yearly figures, one series per territory.
    let mut yearly: Vec<Series> = Vec::new();
    for observation in plan.headline_series(indicator_id) {
        let When::Year(year) = observation.when else {
            continue;
        };
        if !observation.value.is_finite() {
            continue;
        }
        let point = Point {
            year,
            value: observation.central(),
            range: observation.upper.map(|_| observation.range()),
            kind: observation.kind,
            line: observation.line,
            covers: None,
            qualifier: observation.qualifier,
        };
        // One line per territory and method: figures of two territories, or of two methods
        // after a rebasing, are never joined.
        match yearly
            .iter_mut()
            .find(|s| s.territory == observation.territory && s.method == observation.method)
        {
            Some(existing) => existing.points.push(point),
            None => yearly.push(Series {
                territory: observation.territory.clone(),
                method: observation.method.clone(),
                label: match &observation.method {
                    Some(method) => format!(
                        "{} ({method})",
                        territory_short(plan, &observation.territory, lang)
                    ),
                    None => territory_short(plan, &observation.territory, lang),
                },
                role: if footing == Footing::Yearly {
                    Role::Actual
                } else {
                    Role::Yearly
                },
                colour: 0,
                points: vec![point],
            }),
        }
    }
    // One colour per territory, in the plan's order, the same in every view of the plan.
    let mut territories: Vec<String> = plan.territories.iter().map(|t| t.id.clone()).collect();
    for s in &yearly {
        if !territories.contains(&s.territory) {
            territories.push(s.territory.clone());
        }
    }
    let colour_of = |territory: &str| {
        territories
            .iter()
            .position(|t| t == territory)
            .unwrap_or(territories.len())
    };

    // The lines on the lead targets' footing: the average or the total so far.
    let mut series: Vec<Series> = Vec::new();
    for target in &leads.targets {
        let (role, points) = match status::footing(plan, target) {
            Footing::Average => {
                let Some(running) = status::running_average(plan, target, today) else {
                    continue;
                };
                (Role::Average(running.period), running.points)
            }
            Footing::Total => {
                let (Some(points), When::Period(p)) =
                    (status::running_total(plan, target, today), target.when)
                else {
                    continue;
                };
                (Role::Total(p), points)
            }
            Footing::Yearly => continue,
        };
        // One footing along the line: every point covers the years from the same first year
        // as the last one (the figure the status rests on). An "average" of 2022 alone, where
        // 2021 has no figure, is one year's value, not the average of 2021–2022: joined to the
        // averages after it, it would draw a collapse that never happened. Its yearly value
        // stays on the chart as context.
        let start = points.last().map(|p| p.covers.0);
        let points: Vec<_> = points
            .into_iter()
            .filter(|p| Some(p.covers.0) == start)
            .collect();
        if points.is_empty() {
            continue;
        }
        series.push(Series {
            territory: target.territory.clone(),
            method: None,
            label: territory_short(plan, &target.territory, lang),
            role,
            colour: colour_of(&target.territory),
            points: points
                .into_iter()
                .map(|p| Point {
                    year: p.year,
                    value: p.value,
                    range: None,
                    kind: p.kind,
                    line: p.line,
                    covers: Some(p.covers),
                    qualifier: None,
                })
                .collect(),
        });
    }
    for mut s in yearly {
        s.colour = colour_of(&s.territory);
        series.push(s);
    }

    // Required path and projection of the focus target, on its footing.
    let (mut required, mut needed, mut projection) = (Vec::new(), None, Vec::new());
    if let Some(focus) = leads.focus {
        let met = status::assess(plan, focus, today).status.is_met();
        match footing {
            Footing::Average => {
                if let Some(running) = status::running_average(plan, focus, today) {
                    required = running.required;
                    needed = running.needed.filter(|_| !required.is_empty());
                    projection = running
                        .projection
                        .iter()
                        .map(|p| (p.year, p.value, p.low, p.high))
                        .collect();
                }
            }
            Footing::Yearly => {
                required = status::required_path(plan, focus).unwrap_or_default();
                projection = status::projection(plan, focus)
                    .map(|p| p.tuples())
                    .unwrap_or_default();
            }
            Footing::Total => {}
        }
        // Neither once the target is met (nothing more is needed; a trend carried past it
        // misleads) nor once its deadline year is over (the year's own figure answers what a
        // path or a trend would guess; drawn, they crowd the last step beside the new figures).
        // Nor for a territory that ends at a break before its deadline year (the old city's 2030
        // target): its figures stop at the rule, and a path or trend carried past it would be
        // read against the new territory's figures.
        let ended = plan.series_breaks.iter().any(|b| {
            b.kind == BreakKind::Territory
                && b.before == focus.territory
                && b.date.year < focus.when.end_year()
        });
        if met || ended || focus.when.end_year() < today {
            projection.clear();
            required.clear();
            needed = None;
        }
    }

    let drawn: Vec<&Target> = plan
        .targets_in(indicator_id, period)
        .into_iter()
        .filter(|t| leads.targets.iter().any(|l| std::ptr::eq(*l, *t)) || layers.other_targets)
        .collect();
    let mut targets: Vec<(&Target, TargetMark)> = drawn
        .iter()
        .filter_map(|target| {
            let lead = leads.targets.iter().any(|l| std::ptr::eq(*l, *target));
            target_mark(plan, target, lead, lang).map(|mark| (*target, mark))
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
    for (_, mark) in &targets {
        extend(mark.first);
        extend(mark.last);
    }
    for (year, ..) in &projection {
        extend(*year);
    }
    for (year, _) in &required {
        extend(*year);
    }

    // A break rule only where the chart has figures on both sides of it, some of them of the
    // territory (or method) the break starts: a chart of the old territory alone crosses no
    // break. A method break only on the charts of its own indicators.
    let drawn_breaks: Vec<&SeriesBreak> = plan
        .series_breaks
        .iter()
        .filter(|b| {
            b.kind == BreakKind::Territory || b.indicators.iter().any(|i| i == indicator_id)
        })
        .filter(|b| (first_year..=last_year).contains(&b.date.year))
        .filter(|b| {
            let years = || series.iter().flat_map(|s| s.points.iter().map(|p| p.year));
            years().any(|y| y < b.date.year)
                && years().any(|y| y >= b.date.year)
                && series.iter().any(|s| {
                    let side = match b.kind {
                        BreakKind::Territory => Some(&s.territory),
                        BreakKind::Method => s.method.as_ref(),
                    };
                    side == Some(&b.after) && !s.points.is_empty()
                })
        })
        .collect();
    // Yearly figures of the break year already describe the new territory (the whole year is
    // reported for it), so the rule sits between the last old year and the break year.
    let rule_at = |b: &SeriesBreak| f64::from(b.date.year) - 0.5;
    // A territory that ends at a drawn rule (a city merged into a larger one) has no figures
    // after it: its target is drawn on its side, at least one year wide, never beside the new
    // territory's figure of the same year. With no rule (no figures on the far side) it stays
    // at its own years, where its legend and label say it is.
    for (target, mark) in &mut targets {
        for b in &drawn_breaks {
            let at = rule_at(b);
            if b.kind == BreakKind::Territory && b.before == target.territory && mark.span.1 > at {
                mark.span.1 = at - 0.1;
                mark.span.0 = mark.span.0.min(mark.span.1 - 0.8);
            }
        }
    }
    let targets: Vec<TargetMark> = targets.into_iter().map(|(_, mark)| mark).collect();
    let breaks = drawn_breaks
        .iter()
        .map(|b| BreakMark {
            at: rule_at(b),
            label: crate::describe::date(b.date, lang),
        })
        .collect();

    let value_unit = indicator.unit.get(lang).to_string();
    let unit = axis_unit(indicator, lang);
    Some(ChartSpec {
        lang,
        decimals: indicator.decimals,
        measure: indicator.measure,
        unit,
        value_unit,
        footing,
        years: (first_year, last_year),
        series,
        targets,
        required,
        needed,
        projection,
        breaks,
        layers,
    })
}

/// The unit the y axis states once ("%/năm" for a growth rate in %, else the indicator's unit):
/// the downloaded figure's subtitle says the same.
pub fn axis_unit(indicator: &crate::plan::Indicator, lang: Lang) -> String {
    let unit = indicator.unit.get(lang);
    if indicator.measure == Measure::Rate && unit == "%" {
        words::get(Word::PercentAYear, lang).to_string()
    } else {
        unit.to_string()
    }
}

fn target_mark(plan: &Plan, target: &Target, lead: bool, lang: Lang) -> Option<TargetMark> {
    let indicator = plan.indicator(&target.indicator)?;
    let (first, last) = match target.when {
        When::Year(year) => (year, year),
        When::Period(period) => (period.first, period.last),
    };
    let (low, high, sign) = match target.shape {
        TargetShape::Range { min, max }
        | TargetShape::Average {
            min: Some(min),
            max: Some(max),
        } => (min, max, ""),
        // "Khoảng x": the band it counts as met in, labelled by the value itself.
        TargetShape::About { value, tolerance } => (value - tolerance, value + tolerance, "≈"),
        TargetShape::Average {
            min: Some(min),
            max: None,
        }
        | TargetShape::AtLeast(min) => (min, min, "≥"),
        TargetShape::Exact(v) => (v, v, ""),
        TargetShape::Average {
            min: None,
            max: Some(v),
        }
        | TargetShape::AtMost(v)
        | TargetShape::EssentiallyNone { threshold: v } => (v, v, "≤"),
        TargetShape::Above(v) => (v, v, ">"),
        TargetShape::Below(v) => (v, v, "<"),
        // A yearly change is not a level the chart's axis can show.
        TargetShape::Average {
            min: None,
            max: None,
        }
        | TargetShape::YearlyChange { .. }
        | TargetShape::Text => return None,
    };
    let unit = indicator.unit.get(lang);
    let trimmed = |v: f64| number::format_trimmed(v, indicator.decimals.max(2), lang);
    let figure = match target.shape {
        TargetShape::About { value, .. } => format!("{sign}{}", trimmed(value)),
        _ if high > low => format!("{}–{}", trimmed(low), trimmed(high)),
        _ => format!("{sign}{}", trimmed(low)),
    };
    let label = if unit.starts_with('%') {
        format!("{figure}%")
    } else {
        figure
    };
    // Its own years; `indicator_chart` keeps it on its side of a break rule it draws.
    let span = (f64::from(first) - 0.4, f64::from(last) + 0.4);
    let document = document_short(plan, &target.document, lang);
    let territory = territory_short(plan, &target.territory, lang);
    let footing = status::footing(plan, target);
    let legend = words::target_legend(
        target.when,
        footing,
        &status::describe_goal(target.shape, indicator, lang),
        &document,
        &territory,
        lang,
    );
    Some(TargetMark {
        target_id: target.id.clone(),
        first,
        last,
        span,
        low,
        high,
        lead,
        footing,
        label,
        document,
        territory,
        legend,
    })
}

/// A territory's short name on charts and legends ("Cần Thơ (cũ)" / "Can Tho (old)"): the one
/// the plan gives, as every view names it (`describe::territory_short`).
pub fn territory_short(plan: &Plan, id: &str, lang: Lang) -> String {
    crate::describe::territory_short(plan, id, lang)
}

/// A document's short name on legends ("03-CTr/TU", "NQ Đại hội XIV"), as every view names it
/// (`view::words::document_short`).
pub fn document_short(plan: &Plan, id: &str, lang: Lang) -> String {
    crate::describe::document_short(plan, id, lang)
}

/// A value as written on a chart, in the number style of each language's press: "7,23%"
/// (no space before a percent sign), "104,6 triệu đồng/người" (a unit in words keeps its
/// space), or the bare number when `with_unit` is false and the unit is words (the axis states
/// it).
pub fn value_label(value: f64, decimals: u8, unit: &str, lang: Lang, with_unit: bool) -> String {
    let figure = number::format(value, decimals, lang);
    if unit.starts_with('%') {
        format!("{figure}%")
    } else if with_unit && !unit.is_empty() {
        format!("{figure} {unit}")
    } else {
        figure
    }
}

impl ChartSpec {
    /// A point's value as written on the chart: a published figure with the hedge it was
    /// published with and no more digits than it has ("≈95 triệu đồng/người", ">92,4%"), a
    /// computed average or total with the indicator's decimals ("5,78%"). `words` writes the
    /// hedge in words ("khoảng 95", for the legend), else as a sign (on the chart).
    pub fn point_value(&self, point: &Point, with_unit: bool, words: bool) -> String {
        use crate::plan::Qualifier;
        let figure = if point.covers.is_some() {
            value_label(
                point.value,
                self.decimals,
                &self.value_unit,
                self.lang,
                with_unit,
            )
        } else {
            let trimmed = number::format_trimmed(point.value, self.decimals, self.lang);
            if self.value_unit.starts_with('%') {
                format!("{trimmed}%")
            } else if with_unit && !self.value_unit.is_empty() {
                format!("{trimmed} {}", self.value_unit)
            } else {
                trimmed
            }
        };
        let hedge = match (point.qualifier, words, self.lang) {
            (None, ..) => "",
            (Some(Qualifier::About), false, _) => "≈",
            (Some(Qualifier::Over), false, _) => ">",
            (Some(Qualifier::Under), false, _) => "<",
            (Some(Qualifier::About), true, Lang::Vi) => "khoảng ",
            (Some(Qualifier::Over), true, Lang::Vi) => "trên ",
            (Some(Qualifier::Under), true, Lang::Vi) => "dưới ",
            (Some(Qualifier::About), true, Lang::En) => "about ",
            (Some(Qualifier::Over), true, Lang::En) => "over ",
            (Some(Qualifier::Under), true, Lang::En) => "under ",
        };
        format!("{hedge}{figure}")
    }

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

    /// The unbroken runs of a series' points (index ranges): a line is never drawn across a
    /// year without a figure, which would show a value nobody published.
    pub fn runs(series: &Series) -> Vec<std::ops::Range<usize>> {
        let mut runs = Vec::new();
        let mut start = 0;
        for i in 1..=series.points.len() {
            if i == series.points.len() || series.points[i].year - series.points[i - 1].year > 1 {
                runs.push(start..i);
                start = i;
            }
        }
        runs
    }

    /// The series a focus index is in.
    pub fn series_of(&self, focus: usize) -> Option<&Series> {
        let (series, _) = self.point_order().nth(focus)?;
        self.series.get(series)
    }

    /// Whether the page should show the series-break note: the chart has figures on both sides
    /// of a break.
    pub fn shows_break(&self) -> bool {
        !self.breaks.is_empty()
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
                values.extend([mark.low, mark.high]);
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
        // A total so far grows from zero towards its target: it is read from zero too.
        let min = match self.measure {
            Measure::Rate => min.min(0.0),
            _ if self.footing == Footing::Total => min.min(0.0),
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
