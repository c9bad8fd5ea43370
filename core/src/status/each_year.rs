//! Targets that hold for every year of a period ("nợ công không quá 60 % GDP hằng năm",
//! `every_year = true`): each year's figure (or, for a yearly-change target, each year's
//! change) is judged on its own. One year that misses settles the target as missed; it is met
//! when every year of the period has a figure that meets it; until then, on track.

use super::goal::{Reading, Verdict};
use super::level::hedge_reason;
use super::reason::Reason;
use super::series::{self, Point};
use super::{Assessment, Cx, Status};
use crate::plan::{Observation, Period, TargetShape, When};

/// One year's value as judged: the figure, or the change from the year before.
struct Judged<'a> {
    year: i32,
    value: f64,
    reading: Reading,
    point: Point<'a>,
    used: Vec<&'a Observation>,
}

pub(super) fn assess(cx: &Cx, a: &mut Assessment, period: Period) {
    let territory = cx.target.territory.as_str();
    let cutoff = cx.today.min(period.last);
    let points = series::yearly(cx.plan, &cx.indicator.id, territory, cutoff);
    let change = matches!(cx.target.shape, TargetShape::YearlyChange { .. });
    let full: Vec<Point> = points.iter().copied().filter(|p| p.full_year()).collect();
    let mut judged: Vec<Judged> = Vec::new();
    for (index, p) in full.iter().enumerate() {
        if !period.contains(p.year) {
            continue;
        }
        if change {
            // The change from the year before; a range widens it by both ends.
            let Some(before) = index
                .checked_sub(1)
                .and_then(|i| full.get(i))
                .filter(|b| b.year == p.year - 1)
            else {
                continue;
            };
            let (low, high) = (p.low - before.high, p.high - before.low);
            judged.push(Judged {
                year: p.year,
                value: p.value - before.value,
                reading: cx.goal.read_figure(low, high, None),
                point: *p,
                used: vec![before.obs, p.obs],
            });
        } else {
            judged.push(Judged {
                year: p.year,
                value: p.value,
                reading: cx.goal.read_figure(p.low, p.high, p.obs.qualifier),
                point: *p,
                used: vec![p.obs],
            });
        }
    }
    let Some(latest) = judged.last() else {
        if period.first > cx.today {
            a.status = Status::NotAssessable;
            a.reasons.push(Reason::NotStarted {
                first: period.first,
            });
        } else {
            a.status = Status::NoData;
            a.reasons.push(Reason::NoFiguresInPeriod { period });
        }
        return;
    };
    a.latest = Some((latest.year, latest.value));
    a.latest_kind = Some(latest.point.obs.kind);
    let mut used: Vec<&Observation> = judged.iter().flat_map(|j| j.used.clone()).collect();
    used.dedup_by(|x, y| std::ptr::eq(*x, *y));
    let missed: Vec<&Judged> = judged
        .iter()
        .filter(|j| {
            matches!(
                j.reading,
                Reading::Sure(Verdict::NotMet) | Reading::MissedEvenSo
            )
        })
        .collect();
    let unsure: Vec<&Judged> = judged
        .iter()
        .filter(|j| matches!(j.reading, Reading::Inconclusive | Reading::Conservative))
        .collect();
    if !missed.is_empty() {
        // One year over the cap (or under the floor) and the target is missed for good.
        a.status = Status::OffTrack;
        a.is_final = true;
        for j in &missed {
            a.reasons.push(Reason::Missed {
                when: When::Year(j.year),
                value: j.value,
                shape: cx.target.shape,
                average: false,
            });
        }
    } else if !unsure.is_empty() {
        a.status = Status::NotAssessable;
    } else {
        let years: Vec<i32> = judged.iter().map(|j| j.year).collect();
        let missing: Vec<i32> = (period.first..=period.last)
            .filter(|y| !years.contains(y))
            .collect();
        a.reasons.push(Reason::EveryYearSoFar {
            years: years.clone(),
            period,
            shape: cx.target.shape,
        });
        if missing.is_empty() {
            let all_beyond = judged
                .iter()
                .all(|j| j.reading == Reading::Sure(Verdict::Exceeded));
            a.is_final = true;
            a.status = if all_beyond {
                Status::Exceeded
            } else {
                Status::Achieved
            };
        } else {
            a.status = Status::OnTrack;
            let past: Vec<i32> = missing.iter().copied().filter(|y| *y <= cutoff).collect();
            if !past.is_empty() {
                a.reasons.push(Reason::YearsMissing { years: past });
            }
            if cx.today > period.last {
                a.reasons.push(Reason::AwaitingFinal {
                    due: period.last,
                    latest: latest.year,
                });
            }
        }
    }
    for j in missed.iter().chain(unsure.iter()) {
        if let Some(reason) = hedge_reason(&j.point, j.reading) {
            a.reasons.push(reason);
        }
    }
    a.reasons.extend(series::caveats(cx.plan, &used));
}
