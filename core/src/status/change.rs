//! Yearly-change targets tied to a level series ("tỷ lệ hộ nghèo giảm 1–1,5 điểm phần trăm mỗi
//! năm", `shape = "yearly_change"`): the average yearly change from the figure of the year
//! before the period to the latest figure, in the indicator's unit a year, against the band.

use super::goal::Reading;
use super::reason::Reason;
use super::series::{self, Point};
use super::{Assessment, Cx, Method, Status};
use crate::plan::{Indicator, Period, Plan, Target, TargetShape, When};

fn period_of(target: &Target) -> Period {
    match target.when {
        When::Year(year) => Period {
            first: year,
            last: year,
        },
        When::Period(period) => period,
    }
}

/// The figure the change is measured from: the year before the period, or, without it, the
/// earliest figure from then on (said in a reason).
fn base<'a>(points: &[Point<'a>], period: Period) -> Option<Point<'a>> {
    points
        .iter()
        .filter(|p| p.full_year() && p.year >= period.first - 1)
        .min_by_key(|p| p.year)
        .copied()
}

pub(super) fn assess(cx: &Cx, a: &mut Assessment) {
    let period = period_of(cx.target);
    let territory = cx.target.territory.as_str();
    let cutoff = cx.today.min(period.last);
    let points = series::yearly(cx.plan, &cx.indicator.id, territory, cutoff);
    let (Some(base), Some(latest)) = (base(&points, period), points.last().copied()) else {
        if points.is_empty() {
            a.status = Status::NoData;
            a.reasons.push(Reason::NoFiguresInPeriod { period });
        } else {
            a.status = Status::NotAssessable;
            a.reasons.push(Reason::TooFewPoints {
                count: points.len(),
            });
        }
        return;
    };
    a.latest = Some((latest.year, latest.value));
    a.latest_kind = Some(latest.obs.kind);
    a.baseline = Some((base.year, base.value));
    a.method = Some(Method::Linear);
    let years = latest.time - base.time;
    if years <= 0.0 {
        a.status = Status::NotAssessable;
        a.reasons.push(Reason::TooFewPoints { count: 1 });
        return;
    }
    let change = (latest.value - base.value) / years;
    // A range at either end widens the change by both ends.
    let (low, high) = (
        (latest.low - base.high) / years,
        (latest.high - base.low) / years,
    );
    let reading = cx.goal.read_figure(low, high, None);
    a.observed_rate = Some(change);
    a.required_rate = Some(cx.goal.edge);
    let is_final =
        latest.year == period.last && latest.full_year() && base.year == period.first - 1;
    let edge = cx.goal.edge;
    // R = observed / required change, when the required change points the way to go.
    let ratio = (edge != 0.0 && edge.signum() == cx.goal.sense.sign())
        .then(|| change / edge)
        .filter(|r| r.is_finite());
    if is_final {
        match reading {
            Reading::Sure(verdict) => {
                super::close_on(cx, a, verdict, change, true);
            }
            _ => a.status = Status::NotAssessable,
        }
    } else {
        a.ratio = ratio;
        a.status = match reading {
            Reading::Sure(verdict) if verdict.meets() => Status::OnTrack,
            Reading::Sure(_) => ratio.map_or(Status::OffTrack, |r| cx.thresholds.classify(r)),
            _ => Status::NotAssessable,
        };
        a.reasons.push(Reason::ChangeTrend {
            from: (base.year, base.value),
            to: (latest.year, latest.value),
            change,
            shape: cx.target.shape,
            ratio,
        });
        let level = base.value + edge * f64::from(period.last - base.year);
        let horizon = f64::from(period.last) - latest.time;
        if horizon > 0.0 {
            let needed = (level - latest.value) / horizon;
            a.needed_rate = Some(needed);
            a.reasons.push(Reason::NeededFromLatest {
                from: latest.year,
                due: period.last,
                method: Method::Linear,
                rate: needed,
                edge: level,
            });
        }
        if ratio.is_some_and(|r| r < 0.0) {
            a.reasons.push(Reason::MovingAway);
        }
        if cx.today > period.last {
            a.reasons.push(Reason::AwaitingFinal {
                due: period.last,
                latest: latest.year,
            });
        }
    }
    if base.year != period.first - 1 {
        a.reasons.push(Reason::BaselineSubstitute {
            used: base.year,
            plan: period.first - 1,
        });
    }
    for point in [base, latest] {
        if point.obs.upper.is_some() {
            a.reasons.push(super::level::range_reason(
                &point,
                super::reason::RangeEffect::Middle,
            ));
        }
    }
    a.reasons
        .extend(series::caveats(cx.plan, &[base.obs, latest.obs]));
}

/// The straight path from the figure before the period to the level the change leads to.
pub(super) fn required_path(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    edge: f64,
) -> Option<Vec<(i32, f64)>> {
    if !matches!(target.shape, TargetShape::YearlyChange { .. }) {
        return None;
    }
    let period = period_of(target);
    let points = series::yearly(plan, &indicator.id, &target.territory, period.last);
    let base = base(&points, period)?;
    let path: Vec<(i32, f64)> = (base.year..=period.last)
        .map(|year| (year, base.value + edge * f64::from(year - base.year)))
        .collect();
    (path.len() > 1 && path.iter().all(|(_, v)| v.is_finite())).then_some(path)
}
