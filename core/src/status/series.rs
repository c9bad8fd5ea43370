//! Which figures count for a target: the headline figures of the target's own territory, and,
//! after a method break, of one method only (the method of the latest figure): figures of two
//! territories or of two methods are never joined.

use super::reason::Reason;
use crate::plan::{
    BreakKind, Observation, ObservationKind, PartialDate, Period, Plan, Reliability, Target, When,
};
use crate::text::{Lang, Text};

/// One headline yearly figure.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point<'a> {
    pub year: i32,
    /// Where the figure sits on the time axis, in years: the end of its year (2024 → 2024.0), or
    /// the end of the month of `as_of` when that falls inside the year (2025-04 → 2024.33).
    pub time: f64,
    /// The figure, or the middle of a figure published as a range: what trends and averages use.
    pub value: f64,
    /// The ends of a figure published as a range (both `value` otherwise): what verdicts use.
    pub low: f64,
    pub high: f64,
    pub obs: &'a Observation,
}

impl Point<'_> {
    /// A figure for the whole of its year.
    pub fn full_year(&self) -> bool {
        self.time >= f64::from(self.year)
    }
}

fn time_of(observation: &Observation, year: i32) -> f64 {
    match observation.as_of {
        // December lands on the year's end; an `as_of` in the January after the year (a budget
        // year's accounts) is a full-year figure.
        Some(date) if date.year == year => match date.month {
            Some(month) => f64::from(year - 1) + f64::from(month) / 12.0,
            None => f64::from(year),
        },
        _ => f64::from(year),
    }
}

/// A figure as a point of its series.
pub(super) fn point(observation: &Observation, year: i32) -> Point<'_> {
    let (low, high) = observation.range();
    Point {
        year,
        time: time_of(observation, year),
        value: observation.central(),
        low,
        high,
        obs: observation,
    }
}

/// The headline yearly figures of the target's territory up to `last_year`, oldest first, of
/// the method of the latest of them (after a method break, older-method figures are left out;
/// `other_methods` says so).
pub(super) fn yearly<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    territory: &str,
    last_year: i32,
) -> Vec<Point<'a>> {
    let mut points: Vec<Point<'a>> = plan
        .headline_series(indicator)
        .into_iter()
        .filter(|o| o.territory == territory && o.value.is_finite() && o.central().is_finite())
        .filter_map(|o| match o.when {
            When::Year(year) if year <= last_year => Some(point(o, year)),
            _ => None,
        })
        .collect();
    if let Some(method) = points.last().map(|p| p.obs.method.clone()) {
        points.retain(|p| p.obs.method == method);
    }
    points
}

/// The method of the target's series: that of its latest headline figure up to `last_year`
/// (yearly, or a period figure when there is no yearly one).
pub(super) fn series_method<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    territory: &str,
    last_year: i32,
) -> Option<&'a str> {
    plan.headlines(indicator)
        .into_iter()
        .filter(|o| o.territory == territory && o.when.end_year() <= last_year)
        .max_by_key(|o| (matches!(o.when, When::Year(_)), o.when.end_year(), o.line))
        .and_then(|o| o.method.as_deref())
}

/// The published average (or total) for a period that starts with `period` and ends inside it,
/// no later than `last_year`, of the series' method; the one reaching furthest wins.
pub(super) fn period_figure<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    territory: &str,
    period: Period,
    last_year: i32,
    exact: bool,
) -> Option<&'a Observation> {
    let method = series_method(plan, indicator, territory, last_year);
    plan.headlines(indicator)
        .into_iter()
        .filter(|o| {
            o.territory == territory && o.value.is_finite() && o.method.as_deref() == method
        })
        .filter(|o| match o.when {
            When::Period(p) => {
                p.first == period.first
                    && p.last <= last_year
                    && if exact {
                        p.last == period.last
                    } else {
                        p.last <= period.last
                    }
            }
            When::Year(_) => false,
        })
        .max_by_key(|o| (o.when, o.line))
}

/// One reason per other territory with figures for this indicator: they are never joined to
/// the target's own series (a merger changes what the number measures).
pub(super) fn other_territories(plan: &Plan, indicator: &str, target: &Target) -> Vec<Reason> {
    let mut others: Vec<(&str, usize)> = Vec::new();
    for observation in plan.headlines(indicator) {
        if observation.territory == target.territory {
            continue;
        }
        match others
            .iter_mut()
            .find(|(id, _)| *id == observation.territory)
        {
            Some((_, count)) => *count += 1,
            None => others.push((&observation.territory, 1)),
        }
    }
    let name = |id: &str| {
        plan.territory(id)
            .map_or_else(|| Text::new(id, id), |t| t.name.clone())
    };
    others
        .into_iter()
        .map(|(other, count)| {
            let break_date = plan
                .series_breaks
                .iter()
                .filter(|b| b.kind == BreakKind::Territory)
                .find(|b| {
                    (b.before == target.territory && b.after == other)
                        || (b.before == other && b.after == target.territory)
                })
                .map(|b| b.date);
            Reason::OtherTerritory {
                own: name(&target.territory),
                other: name(other),
                count,
                break_date,
            }
        })
        .collect()
}

/// A reason when figures of the target's territory measured by another method than its
/// series' are left out (before a rebasing, say), with the date of the break between them.
pub(super) fn other_methods(
    plan: &Plan,
    indicator: &str,
    target: &Target,
    last_year: i32,
) -> Option<Reason> {
    let method = series_method(plan, indicator, &target.territory, last_year)?;
    // Every figure of another method, headline or not: those of a year the new method also has
    // were set aside by the headline rule, the others by the series; both are left out.
    let others: Vec<&Observation> = plan
        .observations_of(indicator)
        .filter(|o| {
            o.territory == target.territory
                && o.when.end_year() <= last_year
                && o.method.as_deref() != Some(method)
        })
        .collect();
    if others.is_empty() {
        return None;
    }
    let break_date: Option<PartialDate> = plan
        .series_breaks
        .iter()
        .filter(|b| b.kind == BreakKind::Method && b.indicators.iter().any(|i| i == indicator))
        .find(|b| b.after == method)
        .map(|b| b.date);
    let mut years: Vec<When> = others.iter().map(|o| o.when).collect();
    crate::order::sort(&mut years);
    years.dedup();
    Some(Reason::OtherMethod {
        method: method.to_string(),
        whens: years,
        break_date,
    })
}

/// Says when a status rests on estimates, unqualified reports or weak sources.
pub(super) fn caveats(plan: &Plan, used: &[&Observation]) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let whens = |keep: &dyn Fn(&Observation) -> bool| -> Vec<When> {
        let mut list: Vec<When> = used.iter().filter(|o| keep(o)).map(|o| o.when).collect();
        crate::order::sort(&mut list);
        list.dedup();
        list
    };
    for kind in [ObservationKind::Estimate, ObservationKind::Preliminary] {
        let list = whens(&|o| o.kind == kind);
        if !list.is_empty() {
            reasons.push(Reason::Provisional { kind, whens: list });
        }
    }
    let list = whens(&|o| o.kind == ObservationKind::Reported);
    if !list.is_empty() {
        reasons.push(Reason::Unqualified { whens: list });
    }
    let list = whens(&|o| o.kind == ObservationKind::Derived);
    let latest = used
        .iter()
        .filter(|o| o.kind == ObservationKind::Derived)
        .max_by_key(|o| (o.when, o.line));
    if let Some(formula) = latest.and_then(|o| formula_text(plan, o)) {
        reasons.push(Reason::Derived {
            whens: list,
            formula,
        });
    }
    let list = whens(&|o| {
        plan.source(&o.source)
            .is_some_and(|s| s.reliability == Reliability::Low)
    });
    if !list.is_empty() {
        reasons.push(Reason::LowReliability { whens: list });
    }
    reasons
}

/// A derived figure's arithmetic in words: "GRDP per capita (million VND) × 1,000,000 ÷ Average
/// VND/USD exchange rate, 2023".
pub(super) fn formula_text(plan: &Plan, observation: &Observation) -> Option<Text> {
    let formula = observation.formula.as_ref()?;
    let input = plan.indicator(&formula.input)?;
    let reference = plan.reference(&formula.divide_by)?;
    let times = |lang| {
        if formula.times == 1.0 {
            String::new()
        } else {
            let decimals = if formula.times.fract() == 0.0 { 0 } else { 4 };
            format!(
                " × {}",
                crate::number::format(formula.times, decimals, lang)
            )
        }
    };
    let side = |lang| {
        format!(
            "{}{} ÷ {}",
            input.name.get(lang),
            times(lang),
            reference.name.get(lang)
        )
    };
    Some(Text::new(side(Lang::Vi), side(Lang::En)))
}

/// Sample standard deviation; `None` below two values.
pub(super) fn spread(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let sd = variance.sqrt();
    sd.is_finite().then_some(sd)
}
