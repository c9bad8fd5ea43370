//! Level, count and share targets for a year: compare the latest figure with the target, and the
//! observed pace since the baseline with the required one (Open SDG / Statistics Canada ratio R).

use super::goal::{Goal, Reading, Sense, Verdict};
use super::reason::{HedgeEffect, RangeEffect, Reason};
use super::series::{self, Point};
use super::{Assessment, Cx, Method, ProjectedPoint, Projection, Status};
use crate::plan::{Indicator, Measure, Observation, Period, Plan, Qualifier, Target, When};
use crate::text::Text;

/// Longest horizon a projection or a required path is drawn over, in years; a guard against
/// nonsense years in plans built in code.
const MAX_YEARS: i32 = 200;

pub(super) fn assess(cx: &Cx, a: &mut Assessment, due: i32) {
    let territory = cx.target.territory.as_str();
    let points = series::yearly(cx.plan, &cx.indicator.id, territory, cx.today.min(due));
    let Some(latest) = points.last().copied() else {
        a.status = Status::NoData;
        a.reasons.push(Reason::NoFigures {
            territory: territory_name(cx.plan, territory),
            up_to: cx.today.min(due),
        });
        return;
    };
    a.latest = Some((latest.year, latest.value));
    a.latest_kind = Some(latest.obs.kind);
    let reading = cx
        .goal
        .read_figure(latest.low, latest.high, latest.obs.qualifier);
    let is_final = latest.full_year() && latest.year >= due;
    let mut used: Vec<&Observation> = vec![latest.obs];
    let mut notes: Vec<Reason> = Vec::new();
    if let Some(reason) = hedge_reason(&latest, reading) {
        notes.push(reason);
    }
    if let (false, Some(as_of)) = (latest.full_year(), latest.obs.as_of) {
        notes.push(Reason::PartYear {
            year: latest.year,
            as_of,
        });
    }
    match reading {
        Reading::Sure(verdict) if verdict.meets() => {
            a.status = verdict.final_status();
            a.is_final = is_final;
            a.reasons.push(Reason::Met {
                when: When::Year(latest.year),
                value: latest.value,
                shape: cx.target.shape,
                exceeded: verdict == Verdict::Exceeded,
                average: false,
            });
            if !is_final {
                let since = points
                    .iter()
                    .rev()
                    .take_while(|p| {
                        matches!(
                            cx.goal.read_figure(p.low, p.high, p.obs.qualifier),
                            Reading::Sure(Verdict::Met | Verdict::Exceeded)
                        )
                    })
                    .last()
                    .map_or(latest.year, |p| p.year);
                a.reasons.push(Reason::MetEarly { since, due });
                // Not final (an earlier year, or part of the due year): past the deadline, the
                // due year's figure is awaited.
                if cx.today > due {
                    a.reasons.push(Reason::AwaitingFinal {
                        due,
                        latest: latest.year,
                    });
                }
            }
        }
        Reading::Inconclusive => {
            a.status = Status::NotAssessable;
        }
        _ if is_final => {
            a.status = Status::OffTrack;
            a.is_final = true;
            a.reasons.push(Reason::Missed {
                when: When::Year(latest.year),
                value: latest.value,
                shape: cx.target.shape,
                average: false,
            });
        }
        _ => {
            if let Some(baseline) = trend(cx, a, &points, latest, due) {
                used.insert(0, baseline);
            }
            // Not final here either: past the deadline, the due year's figure is awaited.
            if cx.today > due {
                a.reasons.push(Reason::AwaitingFinal {
                    due,
                    latest: latest.year,
                });
            }
        }
    }
    a.reasons.extend(notes);
    a.reasons.extend(series::caveats(cx.plan, &used));
}

/// The trend part of an unmet target; returns the baseline observation it used.
fn trend<'a>(
    cx: &Cx,
    a: &mut Assessment,
    points: &[Point<'a>],
    latest: Point<'a>,
    due: i32,
) -> Option<&'a Observation> {
    let Some(base) = baseline(points, cx.plan.meta.baseline_year) else {
        a.status = Status::NotAssessable;
        a.reasons.push(Reason::TooFewPoints {
            count: points.len(),
        });
        return None;
    };
    a.baseline = Some((base.year, base.value));
    let edge = cx.goal.edge;
    let method = method_for(cx.indicator.measure, &[base.value, latest.value, edge]);
    a.method = Some(method);
    let observed = rate(method, base.value, latest.value, latest.time - base.time);
    let required = rate(method, base.value, edge, f64::from(due) - base.time);
    let (Some(observed), Some(required)) = (observed, required) else {
        a.status = Status::NotAssessable;
        a.reasons.push(Reason::NotComputable);
        return Some(base.obs);
    };
    let sign = cx.goal.sense.sign();
    let ratio = (required != 0.0)
        .then(|| sign * observed / required.abs())
        .filter(|r| r.is_finite());
    let scale = if method == Method::Compound {
        100.0
    } else {
        1.0
    };
    a.observed_rate = Some(observed * scale);
    a.required_rate = Some(required * scale);
    a.ratio = ratio;
    a.status = match ratio {
        Some(r) => cx.thresholds.classify(r),
        // The baseline sits exactly on the edge and the figure has left it.
        None => Status::OffTrack,
    };
    a.reasons.push(Reason::Trend {
        from: (base.year, base.value),
        to: (latest.year, latest.value),
        method,
        observed: observed * scale,
        required: required * scale,
        due,
        edge,
        ratio,
    });
    let horizon = f64::from(due) - latest.time;
    let (projected, capped) = bounded(
        cx.indicator.measure,
        advance(method, latest.value, observed, horizon),
    );
    if projected.is_finite() {
        a.projected = Some(projected);
        a.reasons.push(Reason::Projected {
            year: due,
            value: projected,
            capped,
        });
    }
    if let Some(needed) = rate(method, latest.value, edge, horizon) {
        a.needed_rate = Some(needed * scale);
        a.reasons.push(Reason::NeededFromLatest {
            from: latest.year,
            due,
            method,
            rate: needed * scale,
            edge,
        });
    }
    if ratio.is_none_or(|r| r < 0.0) {
        a.reasons.push(Reason::MovingAway);
    }
    if base.year != cx.plan.meta.baseline_year {
        a.reasons.push(Reason::BaselineSubstitute {
            used: base.year,
            plan: cx.plan.meta.baseline_year,
        });
    }
    Some(base.obs)
}

/// A period target on a level, count or share (a total over the period): only a figure for
/// that same period can judge it.
pub(super) fn assess_total(cx: &Cx, a: &mut Assessment, period: Period) {
    let territory = cx.target.territory.as_str();
    let last = cx.today.min(period.last);
    let figure = series::period_figure(cx.plan, &cx.indicator.id, territory, period, last, true);
    let Some(figure) = figure else {
        let any = cx
            .plan
            .observations_of(&cx.indicator.id)
            .any(|o| o.territory == territory && o.when.end_year() <= last);
        if any {
            a.status = Status::NotAssessable;
            a.reasons.push(Reason::PeriodTotalMissing { period });
        } else {
            a.status = Status::NoData;
            a.reasons.push(Reason::NoFigures {
                territory: territory_name(cx.plan, territory),
                up_to: last,
            });
        }
        return;
    };
    a.latest = Some((period.last, figure.value));
    a.latest_kind = Some(figure.kind);
    let (low, high) = figure.range();
    let reading = cx.goal.read_figure(low, high, figure.qualifier);
    a.is_final = true;
    match reading {
        Reading::Sure(verdict) if verdict.meets() => {
            a.status = verdict.final_status();
            a.reasons.push(Reason::Met {
                when: When::Period(period),
                value: figure.value,
                shape: cx.target.shape,
                exceeded: verdict == Verdict::Exceeded,
                average: false,
            });
        }
        Reading::Inconclusive => {
            a.status = Status::NotAssessable;
            a.is_final = false;
        }
        _ => {
            a.status = Status::OffTrack;
            a.reasons.push(Reason::Missed {
                when: When::Period(period),
                value: figure.value,
                shape: cx.target.shape,
                average: false,
            });
        }
    }
    if let Some(reason) = hedge_reason(&series::point(figure, period.last), reading) {
        a.reasons.push(reason);
    }
    a.reasons.extend(series::caveats(cx.plan, &[figure]));
}

pub(super) fn projection(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    goal: Goal,
    due: i32,
) -> Option<Projection> {
    let points = series::yearly(plan, &indicator.id, &target.territory, due);
    let latest = *points.last()?;
    if latest.time >= f64::from(due) || due - latest.year > MAX_YEARS {
        return None;
    }
    let base = baseline(&points, plan.meta.baseline_year)?;
    let method = method_for(indicator.measure, &[base.value, latest.value, goal.edge]);
    let observed = rate(method, base.value, latest.value, latest.time - base.time)?;
    let steps: Vec<f64> = points
        .windows(2)
        .filter_map(|pair| {
            let years = pair[1].time - pair[0].time;
            // The guards only spare the work: a zero value or a zero gap gives an infinite or
            // undefined step, which the `is_finite` filter below drops, and the points are in
            // time order, so `years` is never negative. Loosening any of them (`>=` for `>`,
            // `||` for the first `&&`, no guard on the straight line) changes no fan; the
            // mutation pass lists those mutants as equivalent.
            match method {
                Method::Compound if pair[0].value > 0.0 && pair[1].value > 0.0 && years > 0.0 => {
                    Some((pair[1].value / pair[0].value).ln() / years)
                }
                Method::Linear if years > 0.0 => Some((pair[1].value - pair[0].value) / years),
                _ => None,
            }
        })
        .filter(|v| v.is_finite())
        .collect();
    let spread = series::spread(&steps)?;
    let mut out = Vec::new();
    if latest.full_year() {
        out.push(ProjectedPoint {
            year: latest.year,
            value: latest.value,
            low: latest.value,
            high: latest.value,
        });
    }
    let first = if latest.full_year() {
        latest.year + 1
    } else {
        latest.year
    };
    for year in first..=due {
        let horizon = f64::from(year) - latest.time;
        let central = advance(method, latest.value, observed, horizon);
        let width = spread * horizon.max(0.0).sqrt();
        let (low, high) = match method {
            Method::Compound => (central * (-width).exp(), central * width.exp()),
            _ => (central - width, central + width),
        };
        let value = bounded(indicator.measure, central).0;
        let low = bounded(indicator.measure, low).0;
        let high = bounded(indicator.measure, high).0;
        if ![value, low, high].iter().all(|v| v.is_finite()) {
            return None;
        }
        out.push(ProjectedPoint {
            year,
            value,
            low,
            high,
        });
    }
    Some(Projection { points: out })
}

pub(super) fn required_path(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    goal: Goal,
    due: i32,
) -> Option<Vec<(i32, f64)>> {
    let points = series::yearly(plan, &indicator.id, &target.territory, due);
    let latest = *points.last()?;
    let base = if points.len() == 1 {
        latest
    } else {
        baseline(&points, plan.meta.baseline_year)?
    };
    if base.time >= f64::from(due) || due - base.year > MAX_YEARS {
        return None;
    }
    let method = method_for(indicator.measure, &[base.value, latest.value, goal.edge]);
    let required = rate(method, base.value, goal.edge, f64::from(due) - base.time)?;
    let mut path = vec![(base.year, base.value)];
    for year in (base.year + 1)..=due {
        let value = if year == due {
            goal.edge
        } else {
            advance(method, base.value, required, f64::from(year) - base.time)
        };
        if !value.is_finite() {
            return None;
        }
        path.push((year, value));
    }
    Some(path)
}

/// The baseline: the figure nearest the plan's baseline year (the earlier on a tie), among the
/// figures before the latest one.
fn baseline<'a>(points: &[Point<'a>], plan_baseline: i32) -> Option<Point<'a>> {
    let (_, earlier) = points.split_last()?;
    earlier
        .iter()
        .min_by_key(|p| ((p.year - plan_baseline).unsigned_abs(), p.year))
        .copied()
}

/// Counts always move in a straight line (communes are added, not compounded); so does anything
/// whose baseline, latest value or target is zero or negative, where growth rates mean nothing.
fn method_for(measure: Measure, values: &[f64]) -> Method {
    if measure == Measure::Count || values.iter().any(|v| *v <= 0.0) {
        Method::Linear
    } else {
        Method::Compound
    }
}

/// The average yearly change from `from` to `to` over `years` years: a fraction for compound
/// growth, units for a straight line.
fn rate(method: Method, from: f64, to: f64, years: f64) -> Option<f64> {
    if years <= 0.0 || !years.is_finite() {
        return None;
    }
    let value = match method {
        // `from >= 0.0` would be equivalent: from 0 the ratio is infinite and the last line
        // refuses it. `to > 0.0` is not: to 0 would give a rate of −100 %.
        Method::Compound if from > 0.0 && to > 0.0 => (to / from).powf(1.0 / years) - 1.0,
        Method::Compound => return None,
        _ => (to - from) / years,
    };
    value.is_finite().then_some(value)
}

fn advance(method: Method, value: f64, rate: f64, years: f64) -> f64 {
    match method {
        Method::Compound => value * (1.0 + rate).powf(years),
        _ => value + rate * years,
    }
}

/// Keeps a projected value inside what the measure allows: a share within 0–100, a count not
/// below zero. Returns whether the 100 % ceiling was hit.
fn bounded(measure: Measure, value: f64) -> (f64, bool) {
    match measure {
        Measure::Share if value > 100.0 => (100.0, true),
        // `<=`, so that a −0 lands on 0 and is never written "−0".
        Measure::Share | Measure::Count if value <= 0.0 => (0.0, false),
        _ => (value, false),
    }
}

fn territory_name(plan: &Plan, id: &str) -> Text {
    plan.territory(id)
        .map_or_else(|| Text::new(id, id), |t| t.name.clone())
}

/// What a hedge on the compared figure, or its being a range, does to the status.
pub(super) fn hedge_reason(point: &Point, reading: Reading) -> Option<Reason> {
    if point.obs.upper.is_some() {
        let effect = match reading {
            Reading::Inconclusive => RangeEffect::Straddles,
            Reading::Sure(Verdict::Met | Verdict::Exceeded) => RangeEffect::Both,
            // Not met at either end: the trend that follows is computed on the middle.
            _ => RangeEffect::Middle,
        };
        return Some(range_reason(point, effect));
    }
    let qualifier = point.obs.qualifier?;
    let effect = match (qualifier, reading) {
        (Qualifier::About, _) => HedgeEffect::Approximate,
        (_, Reading::Conservative) => HedgeEffect::Conservative,
        (_, Reading::MissedEvenSo) => HedgeEffect::Optimistic,
        (_, Reading::Inconclusive) => HedgeEffect::Inconclusive,
        (_, Reading::Sure(_)) => return None,
    };
    Some(Reason::Hedged {
        year: point.year,
        value: point.value,
        qualifier,
        effect,
    })
}

/// A figure published as a range: what was done with it.
pub(super) fn range_reason(point: &Point, effect: RangeEffect) -> Reason {
    Reason::RangeFigure {
        year: point.year,
        low: point.low,
        high: point.high,
        effect,
    }
}

/// The hedge of a figure inside an average, judged only by which way it points; a range is
/// averaged at its middle.
pub(super) fn hedge_direction(point: &Point, sense: Sense) -> Option<Reason> {
    if point.obs.upper.is_some() {
        return Some(range_reason(point, RangeEffect::Middle));
    }
    let qualifier = point.obs.qualifier?;
    let effect = match (qualifier, sense) {
        (Qualifier::About, _) => HedgeEffect::Approximate,
        (Qualifier::Over, Sense::Up) | (Qualifier::Under, Sense::Down) => HedgeEffect::Conservative,
        _ => HedgeEffect::Optimistic,
    };
    Some(Reason::Hedged {
        year: point.year,
        value: point.value,
        qualifier,
        effect,
    })
}

/// The total so far of a period target on a level (a flow such as investment, summed over the
/// period's years): for each year from the period's first with a figure for every year up to
/// it, the sum of those yearly figures; the published total for the whole period, when there
/// is one (the figure `assess_total` judges), stands for the last year. Counts and shares are
/// stocks, not flows: summing them means nothing, so only their published total is shown.
pub(super) fn running_total(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    period: Period,
    today: i32,
) -> Vec<super::average::PeriodPoint> {
    let territory = target.territory.as_str();
    let last = today.min(period.last);
    let mut out = Vec::new();
    if indicator.measure == Measure::Level {
        let points = series::yearly(plan, &indicator.id, territory, last);
        let mut sum = 0.0;
        let mut kind = crate::plan::ObservationKind::Official;
        let inside = points.iter().filter(|p| period.contains(p.year));
        for (expected, point) in (period.first..).zip(inside) {
            // A missing year (or a part-year figure) leaves the total unknown from there on.
            if point.year != expected || !point.full_year() {
                break;
            }
            sum += point.value;
            kind = kind.min(point.obs.kind);
            out.push(super::average::PeriodPoint {
                year: point.year,
                value: sum,
                kind,
                line: point.obs.line,
                covers: (period.first, point.year),
            });
        }
    }
    if let Some(figure) = series::period_figure(plan, &indicator.id, territory, period, last, true)
    {
        out.retain(|p| p.year < period.last);
        out.push(super::average::PeriodPoint {
            year: period.last,
            value: figure.value,
            kind: figure.kind,
            line: figure.line,
            covers: (period.first, period.last),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// §5: no rate over no time (or an unending one); a compound rate only between positive
    /// figures — two negatives have a positive ratio, but no growth rate.
    #[test]
    fn rates_need_time_and_for_compound_growth_positive_figures() {
        assert_eq!(rate(Method::Linear, 1.0, 2.0, 0.0), None);
        assert_eq!(rate(Method::Linear, 1.0, 2.0, -1.0), None);
        assert_eq!(rate(Method::Linear, 1.0, 2.0, f64::INFINITY), None);
        assert_eq!(rate(Method::Compound, 4.0, 5.0, 0.0), None);
        assert_eq!(rate(Method::Compound, 4.0, 1.0, 0.0), None);
        assert_eq!(rate(Method::Linear, 1.0, 3.0, 2.0), Some(1.0));
        assert_eq!(
            rate(Method::Compound, 100.0, 121.0, 2.0).map(|r| (r * 1e9).round()),
            Some(1e8)
        );
        assert_eq!(rate(Method::Compound, 0.0, 5.0, 1.0), None);
        assert_eq!(rate(Method::Compound, 5.0, 0.0, 1.0), None);
        assert_eq!(rate(Method::Compound, -5.0, -10.0, 1.0), None);
        assert_eq!(rate(Method::Compound, 5.0, 5.0, 1.0), Some(0.0));
        assert_eq!(
            advance(Method::Compound, 100.0, 0.1, 2.0),
            100.0 * 1.1f64.powi(2)
        );
        assert_eq!(advance(Method::Linear, 100.0, 3.0, 2.0), 106.0);
    }

    /// A projected share stays within 0–100 and says when the ceiling was hit (not when it was
    /// reached exactly); a count does not go below zero; a level is left alone.
    #[test]
    fn projections_stay_within_what_the_measure_allows() {
        assert_eq!(bounded(Measure::Share, 100.5), (100.0, true));
        assert_eq!(bounded(Measure::Share, 100.0), (100.0, false));
        assert_eq!(bounded(Measure::Share, -1.0), (0.0, false));
        assert_eq!(bounded(Measure::Count, -1.0), (0.0, false));
        assert!(bounded(Measure::Count, -0.0).0.is_sign_positive());
        assert_eq!(bounded(Measure::Level, -1.0), (-1.0, false));
        assert_eq!(bounded(Measure::Ratio, 150.0), (150.0, false));
    }
}
