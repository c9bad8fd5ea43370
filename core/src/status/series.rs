//! Which figures count for a target: the headline figures of the target's own territory.

use super::reason::Reason;
use crate::plan::{Observation, ObservationKind, Period, Plan, Reliability, Target, When};
use crate::text::{Lang, Text};

/// One headline yearly figure.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point<'a> {
    pub year: i32,
    /// Where the figure sits on the time axis, in years: the end of its year (2024 → 2024.0), or
    /// the end of the month of `as_of` when that falls inside the year (2025-04 → 2024.33).
    pub time: f64,
    pub value: f64,
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
        Some(date) if date.year == year => match date.month {
            Some(month) if (1..12).contains(&month) => {
                f64::from(year - 1) + f64::from(month) / 12.0
            }
            _ => f64::from(year),
        },
        _ => f64::from(year),
    }
}

/// The headline yearly figures of the target's territory up to `last_year`, oldest first.
pub(super) fn yearly<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    territory: &str,
    last_year: i32,
) -> Vec<Point<'a>> {
    plan.headline_series(indicator)
        .into_iter()
        .filter(|o| o.territory == territory && o.value.is_finite())
        .filter_map(|o| match o.when {
            When::Year(year) if year <= last_year => Some(Point {
                year,
                time: time_of(o, year),
                value: o.value,
                obs: o,
            }),
            _ => None,
        })
        .collect()
}

/// The published average (or total) for a period that starts with `period` and ends inside it,
/// no later than `last_year`; the one reaching furthest wins.
pub(super) fn period_figure<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    territory: &str,
    period: Period,
    last_year: i32,
    exact: bool,
) -> Option<&'a Observation> {
    plan.observations_of(indicator)
        .filter(|o| o.territory == territory && o.value.is_finite())
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
        .filter(|o| plan.is_headline(o))
        .max_by_key(|o| (o.when, o.line))
}

/// One reason per other territory with figures for this indicator: they are never joined to
/// the target's own series (a merger changes what the number measures).
pub(super) fn other_territories(plan: &Plan, indicator: &str, target: &Target) -> Vec<Reason> {
    let mut others: Vec<(&str, usize)> = Vec::new();
    for observation in plan.observations_of(indicator) {
        if observation.territory == target.territory || !plan.is_headline(observation) {
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
