//! Targets judged on an average over their years: rate indicators (growth 7.5–8 %/yr over
//! 2021–2025, never compounded as a level) and levels or shares averaged over a period.

use super::goal::{displayed, Goal, Reading, Sense};
use super::level::hedge_direction;
use super::reason::Reason;
use super::series::{self, Point};
use super::{Assessment, Cx, Method, ProjectedPoint, Projection, Status};
use crate::plan::{Indicator, Measure, Observation, ObservationKind, Period, Plan, Target, When};
use crate::text::Text;

/// Years of a trailing average (single-year rate targets before their year).
const TRAILING: usize = 3;
/// Years whose spread sets the projection fan.
const SPREAD_YEARS: usize = 5;

fn period_of(target: &Target) -> Period {
    match target.when {
        When::Year(year) => Period {
            first: year,
            last: year,
        },
        When::Period(period) => period,
    }
}

fn mean_of(indicator: &Indicator) -> Method {
    if indicator.measure == Measure::Rate {
        Method::GeometricMean
    } else {
        Method::ArithmeticMean
    }
}

/// The period's figures put together: yearly figures, and a published average for the years it
/// covers when that wins (see `combine`).
struct Combined<'a> {
    /// Years with a figure, sorted.
    years: Vec<i32>,
    /// Π(1 + g/100) for a geometric mean, Σ values for an arithmetic one.
    accumulated: f64,
    /// The same over the low and the high ends of figures published as ranges (equal to
    /// `accumulated` when there is none).
    ends: (f64, f64),
    used: Vec<&'a Observation>,
    notes: Vec<Reason>,
    /// A yearly rate of −100 % or less: no geometric mean.
    valid: bool,
}

impl Combined<'_> {
    fn average(&self, mean: Method) -> Option<f64> {
        self.mean_of(mean, self.accumulated)
    }

    /// The averages of the low and of the high ends, when a figure was published as a range.
    fn average_ends(&self, mean: Method) -> Option<(f64, f64)> {
        Some((
            self.mean_of(mean, self.ends.0)?,
            self.mean_of(mean, self.ends.1)?,
        ))
    }

    /// The mean of `m` years from what `accumulate` made of them; none without a year, or when
    /// a yearly rate of −100 % or less leaves no geometric mean (`valid`: every factor 1 + g/100
    /// is then positive, and so is their product).
    fn mean_of(&self, mean: Method, accumulated: f64) -> Option<f64> {
        let m = self.years.len();
        if m == 0 || !self.valid {
            return None;
        }
        let value = match mean {
            Method::GeometricMean => (accumulated.powf(1.0 / m as f64) - 1.0) * 100.0,
            _ => accumulated / m as f64,
        };
        value.is_finite().then_some(value)
    }

    /// The constant yearly value the years without a figure need for the period to average `edge`:
    /// ((1 + e)^n / Π(1 + gᵢ))^(1/r) − 1 for rates, (n·e − Σ)/r for levels.
    fn needed(&self, mean: Method, n: usize, edge: f64) -> Option<f64> {
        let m = self.years.len();
        if m >= n || !self.valid {
            return None;
        }
        let remaining = (n - m) as f64;
        let value = match mean {
            Method::GeometricMean => {
                let base = 1.0 + edge / 100.0;
                if base <= 0.0 || self.accumulated <= 0.0 {
                    return None;
                }
                ((base.powf(n as f64) / self.accumulated).powf(1.0 / remaining) - 1.0) * 100.0
            }
            _ => (n as f64 * edge - self.accumulated) / remaining,
        };
        value.is_finite().then_some(value)
    }
}

/// The mean of `m` years from what `accumulate` made of them.
fn mean_of_accumulated(mean: Method, accumulated: f64, m: usize) -> Option<f64> {
    if m == 0 {
        return None;
    }
    let value = match mean {
        // Equivalent mutants: the guard read as `>= 0.0` or as `true`, and the next arm
        // deleted. `accumulated` is a product of positive factors (`accumulate` refuses the
        // others), so it is positive unless it underflows to 0 — some fifty years of
        // −99.99999 % — where −100 % (the limit), 0 and no mean all say the period was wiped
        // out; no test can tell them apart on a real series.
        Method::GeometricMean if accumulated > 0.0 => {
            (accumulated.powf(1.0 / m as f64) - 1.0) * 100.0
        }
        Method::GeometricMean => return None,
        _ => accumulated / m as f64,
    };
    value.is_finite().then_some(value)
}

/// Π(1 + g/100)^years for a geometric mean, Σ value·years for an arithmetic one; `false` when a
/// yearly rate of −100 % or less makes the geometric mean meaningless.
fn accumulate(mean: Method, values: &[(f64, u32)]) -> (f64, bool) {
    let mut valid = true;
    let mut total = if mean == Method::GeometricMean {
        1.0
    } else {
        0.0
    };
    for &(value, years) in values {
        let years = i32::try_from(years).unwrap_or(i32::MAX);
        if mean == Method::GeometricMean {
            let factor = 1.0 + value / 100.0;
            if factor <= 0.0 {
                valid = false;
            }
            total *= factor.powi(years);
        } else {
            total += value * f64::from(years);
        }
    }
    (total, valid)
}

/// Puts the period's figures together. A published average starting with the period wins for
/// the years it covers, unless every one of those years has a yearly figure at least as final
/// (a higher kind) — then the yearly figures win and the published one is noted.
fn combine<'a>(
    mean: Method,
    inside: &[Point<'a>],
    published: Option<&'a Observation>,
    decimals: u8,
) -> Combined<'a> {
    // (middle, low end, high end, years covered) of every figure used.
    let mut parts: Vec<(f64, f64, f64, u32)> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut used: Vec<&Observation> = Vec::new();
    let mut notes: Vec<Reason> = Vec::new();
    let mut covered: Option<Period> = None;
    if let Some(figure) = published {
        if let When::Period(p) = figure.when {
            let within: Vec<&Point> = inside.iter().filter(|x| p.contains(x.year)).collect();
            let complete = within.len() == p.years() as usize;
            let weakest = within.iter().map(|x| x.obs.kind).min();
            let computed = if complete {
                let values: Vec<(f64, u32)> = within.iter().map(|x| (x.value, 1)).collect();
                let (total, valid) = accumulate(mean, &values);
                Combined {
                    years: within.iter().map(|x| x.year).collect(),
                    accumulated: total,
                    ends: (total, total),
                    used: Vec::new(),
                    notes: Vec::new(),
                    valid,
                }
                .average(mean)
            } else {
                None
            };
            if !complete || weakest.is_none_or(|k| figure.kind >= k) {
                covered = Some(p);
                let (low, high) = figure.range();
                parts.push((figure.central(), low, high, p.years()));
                years.extend(p.first..=p.last);
                used.push(figure);
                // Say so when it changes a number a reader would see, or fills missing years.
                let differs = computed.is_none_or(|c| {
                    displayed(c, decimals) != displayed(figure.central(), decimals)
                });
                if differs {
                    notes.push(Reason::PeriodReported {
                        period: p,
                        value: figure.value,
                        computed,
                    });
                }
            } else {
                notes.push(Reason::PeriodSuperseded {
                    period: p,
                    value: figure.value,
                });
            }
        }
    }
    for point in inside {
        if covered.is_some_and(|p| p.contains(point.year)) {
            continue;
        }
        parts.push((point.value, point.low, point.high, 1));
        years.push(point.year);
        used.push(point.obs);
    }
    crate::order::sort(&mut years);
    years.dedup();
    let pick = |at: fn(&(f64, f64, f64, u32)) -> f64| -> Vec<(f64, u32)> {
        parts.iter().map(|part| (at(part), part.3)).collect()
    };
    let (accumulated, valid) = accumulate(mean, &pick(|p| p.0));
    let (low, low_valid) = accumulate(mean, &pick(|p| p.1));
    let (high, high_valid) = accumulate(mean, &pick(|p| p.2));
    Combined {
        years,
        accumulated,
        ends: (low, high),
        used,
        notes,
        valid: valid && low_valid && high_valid,
    }
}

/// Ratio R for an average: observed over required for a floor, required over observed for a
/// ceiling; `None` when the edge (or, for a ceiling, the average) is not positive. (Whether
/// the guard on the divisor — `edge` for a floor, `average` for a ceiling — reads `> 0` or
/// `>= 0` makes no difference: a zero divisor gives an infinite or undefined value, which the
/// last line refuses. The two mutants that loosen them are equivalent. A ceiling of 0 is
/// another matter: it would give R = 0 where there is no ratio.)
fn ratio(average: f64, edge: f64, sense: Sense) -> Option<f64> {
    let value = match sense {
        Sense::Up if edge > 0.0 => average / edge,
        Sense::Down if edge > 0.0 && average > 0.0 => edge / average,
        _ => return None,
    };
    value.is_finite().then_some(value)
}

pub(super) fn assess(cx: &Cx, a: &mut Assessment) {
    let period = period_of(cx.target);
    let n = period.years() as usize;
    let mean = mean_of(cx.indicator);
    let decimals = cx.indicator.decimals;
    let territory = cx.target.territory.as_str();
    let cutoff = cx.today.min(period.last);
    let all = series::yearly(cx.plan, &cx.indicator.id, territory, cutoff);
    let inside: Vec<Point> = all
        .iter()
        .filter(|p| period.contains(p.year))
        .copied()
        .collect();
    let published =
        series::period_figure(cx.plan, &cx.indicator.id, territory, period, cutoff, false);
    let combined = combine(mean, &inside, published, decimals);
    a.method = Some(mean);
    if let Some(latest) = inside.last() {
        a.latest = Some((latest.year, latest.value));
        a.latest_kind = Some(latest.obs.kind);
    } else if let Some(figure) = published {
        a.latest = Some((figure.when.end_year(), figure.value));
        a.latest_kind = Some(figure.kind);
    }
    if combined.years.is_empty() {
        a.method = None;
        if n == 1 {
            trailing(cx, a, &all, mean);
        } else if period.first > cx.today {
            a.status = Status::NotAssessable;
            a.reasons.push(Reason::NotStarted {
                first: period.first,
            });
        } else {
            a.status = Status::NoData;
            a.reasons.push(Reason::NoFiguresInPeriod { period });
        }
        return;
    }
    let Some(average) = combined.average(mean) else {
        a.status = Status::NotAssessable;
        a.reasons.push(Reason::NotComputable);
        return;
    };
    let edge = cx.goal.edge;
    let reading = reading_of(cx, &combined, mean, average);
    a.observed_rate = Some(average);
    a.required_rate = Some(edge);
    let m = combined.years.len();
    if m >= n {
        a.projected = Some(average);
        let average_flag = n > 1;
        let Reading::Sure(verdict) = reading else {
            // A figure published as a range leaves the average on both sides of the edge.
            a.status = Status::NotAssessable;
            if let Some((low, high)) = combined.average_ends(mean) {
                a.reasons.push(Reason::RangeAverage { low, high });
            }
            a.reasons.extend(combined.notes.iter().cloned());
            notes_for(cx, a, &inside, &combined.used);
            return;
        };
        super::close_on(cx, a, verdict, average, average_flag);
    } else {
        let r = ratio(average, edge, cx.goal.sense);
        a.ratio = r;
        a.projected = Some(average);
        a.status = if m < 2 {
            Status::NotAssessable
        } else if matches!(reading, Reading::Sure(v) if v.meets()) {
            Status::OnTrack
        } else {
            r.map_or(Status::OffTrack, |r| cx.thresholds.classify(r))
        };
        a.reasons.push(Reason::PeriodAverage {
            years: combined.years.clone(),
            method: mean,
            average,
            shape: cx.target.shape,
            ratio: r,
        });
        if let Some(needed) = combined.needed(mean, n, edge) {
            a.needed_rate = Some(needed);
            a.reasons.push(Reason::NeededAverage {
                years: (period.first..=period.last)
                    .filter(|y| !combined.years.contains(y))
                    .collect(),
                period,
                method: mean,
                rate: needed,
                edge,
                ceiling: cx.goal.sense == Sense::Down,
            });
        }
        if m < 2 {
            a.reasons.push(Reason::TooFewPoints { count: m });
        }
        if cx.today > period.last {
            a.reasons.push(Reason::AwaitingFinal {
                due: period.last,
                latest: combined.years.last().copied().unwrap_or(period.first),
            });
        }
    }
    a.reasons.extend(combined.notes.iter().cloned());
    notes_for(cx, a, &inside, &combined.used);
}

/// The average against the goal: surely met or not, or, when figures published as ranges put
/// the average on both sides of the edge, inconclusive.
fn reading_of(cx: &Cx, combined: &Combined, mean: Method, average: f64) -> Reading {
    match combined.average_ends(mean) {
        // Without a range the two ends are the average itself, and the reading is sure.
        Some((low, high)) => cx.goal.read_figure(low, high, None),
        None => Reading::Sure(cx.goal.verdict(average)),
    }
}

/// A single-year rate target before its year: the mean of the last three yearly figures.
fn trailing(cx: &Cx, a: &mut Assessment, all: &[Point], mean: Method) {
    let recent: Vec<Point> = all.iter().rev().take(TRAILING).rev().copied().collect();
    match recent.len() {
        0 => {
            a.status = Status::NoData;
            a.reasons.push(Reason::NoFigures {
                territory: cx.plan.territory(&cx.target.territory).map_or_else(
                    || Text::new(&cx.target.territory, &cx.target.territory),
                    |t| t.name.clone(),
                ),
                up_to: cx.today.min(cx.target.when.end_year()),
            });
            return;
        }
        1 => {
            a.status = Status::NotAssessable;
            a.reasons.push(Reason::TooFewPoints { count: 1 });
        }
        _ => {}
    }
    if let Some(last) = recent.last() {
        a.latest = Some((last.year, last.value));
        a.latest_kind = Some(last.obs.kind);
    }
    let combined = combine(mean, &recent, None, cx.indicator.decimals);
    let Some(average) = combined.average(mean) else {
        a.status = Status::NotAssessable;
        a.reasons.push(Reason::NotComputable);
        return;
    };
    a.method = Some(mean);
    a.observed_rate = Some(average);
    a.required_rate = Some(cx.goal.edge);
    a.projected = Some(average);
    let r = ratio(average, cx.goal.edge, cx.goal.sense);
    a.ratio = r;
    if recent.len() >= 2 {
        a.status = if matches!(reading_of(cx, &combined, mean, average), Reading::Sure(v) if v.meets())
        {
            Status::OnTrack
        } else {
            r.map_or(Status::OffTrack, |r| cx.thresholds.classify(r))
        };
    }
    a.reasons.insert(
        0,
        Reason::PeriodAverage {
            years: combined.years.clone(),
            method: mean,
            average,
            shape: cx.target.shape,
            ratio: r,
        },
    );
    if cx.today > cx.target.when.end_year() {
        a.reasons.push(Reason::AwaitingFinal {
            due: cx.target.when.end_year(),
            latest: combined.years.last().copied().unwrap_or(cx.today),
        });
    }
    notes_for(cx, a, &recent, &combined.used);
}

fn notes_for(cx: &Cx, a: &mut Assessment, points: &[Point], used: &[&Observation]) {
    for point in points {
        if !used.iter().any(|o| std::ptr::eq(*o, point.obs)) {
            continue;
        }
        if let Some(reason) = hedge_direction(point, cx.goal.sense) {
            a.reasons.push(reason);
        }
        if let (false, Some(as_of)) = (point.full_year(), point.obs.as_of) {
            a.reasons.push(Reason::PartYear {
                year: point.year,
                as_of,
            });
        }
    }
    a.reasons.extend(series::caveats(cx.plan, used));
}

/// The target's own yearly figures up to the period's end, those inside the period, and its
/// published period figure: what both the projection and the required path start from.
fn period_inputs<'a>(
    plan: &'a Plan,
    target: &Target,
    indicator: &'a Indicator,
    period: Period,
) -> (Vec<Point<'a>>, Vec<Point<'a>>, Option<&'a Observation>) {
    let all = series::yearly(plan, &indicator.id, &target.territory, period.last);
    let inside = all
        .iter()
        .filter(|p| period.contains(p.year))
        .copied()
        .collect();
    let published = series::period_figure(
        plan,
        &indicator.id,
        &target.territory,
        period,
        period.last,
        false,
    );
    (all, inside, published)
}

pub(super) fn projection(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
) -> Option<Projection> {
    let period = period_of(target);
    let mean = mean_of(indicator);
    let (all, inside, published) = period_inputs(plan, target, indicator, period);
    let combined = combine(mean, &inside, published, indicator.decimals);
    let missing: Vec<i32> = (period.first..=period.last)
        .filter(|y| !combined.years.contains(y))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let central = if combined.years.len() >= 2 {
        combined.average(mean)?
    } else {
        let recent: Vec<Point> = all.iter().rev().take(TRAILING).rev().copied().collect();
        if recent.len() < 2 {
            return None;
        }
        combine(mean, &recent, None, indicator.decimals).average(mean)?
    };
    let values: Vec<f64> = all
        .iter()
        .rev()
        .take(SPREAD_YEARS)
        .map(|p| p.value)
        .collect();
    let spread = series::spread(&values)?;
    let clamp = |v: f64| {
        if indicator.measure == Measure::Share {
            v.clamp(0.0, 100.0)
        } else {
            v
        }
    };
    let points = missing
        .into_iter()
        .map(|year| ProjectedPoint {
            year,
            value: clamp(central),
            low: clamp(central - spread),
            high: clamp(central + spread),
        })
        .collect();
    Some(Projection { points })
}

pub(super) fn required_path(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    goal: Goal,
) -> Option<Vec<(i32, f64)>> {
    let period = period_of(target);
    let mean = mean_of(indicator);
    let (_, inside, published) = period_inputs(plan, target, indicator, period);
    let combined = combine(mean, &inside, published, indicator.decimals);
    let needed = if combined.years.is_empty() {
        goal.edge
    } else {
        combined.needed(mean, period.years() as usize, goal.edge)?
    };
    if !needed.is_finite() {
        return None;
    }
    let path: Vec<(i32, f64)> = (period.first..=period.last)
        .filter(|y| !combined.years.contains(y))
        .map(|y| (y, needed))
        .collect();
    (!path.is_empty()).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn combined(years: Vec<i32>, accumulated: f64, valid: bool) -> Combined<'static> {
        Combined {
            years,
            accumulated,
            ends: (accumulated, accumulated),
            used: Vec::new(),
            notes: Vec::new(),
            valid,
        }
    }

    /// No year, no average; a rate of −100 % or less, no geometric mean (§6), even when two
    /// such factors multiply to a positive product.
    #[test]
    fn no_mean_without_years_or_with_a_fall_of_all() {
        assert_eq!(
            combined(vec![], 1.0, true).average(Method::GeometricMean),
            None
        );
        assert_eq!(
            combined(vec![], 0.0, true).average(Method::ArithmeticMean),
            None
        );
        let (product, valid) = accumulate(Method::GeometricMean, &[(-150.0, 1), (-150.0, 1)]);
        assert_eq!(product, 0.25);
        assert!(!valid);
        assert_eq!(
            combined(vec![2021, 2022], product, valid).average(Method::GeometricMean),
            None
        );
        let (sum, valid) = accumulate(Method::ArithmeticMean, &[(-150.0, 1), (-150.0, 1)]);
        assert_eq!(
            combined(vec![2021, 2022], sum, valid).average(Method::ArithmeticMean),
            Some(-150.0)
        );
    }

    /// The average the remaining years need (§6): none once the period is complete, none when a
    /// rate of −100 % or less is in, none for a target of −100 % or less.
    #[test]
    fn the_need_of_the_remaining_years() {
        let (product, valid) = accumulate(Method::GeometricMean, &[(5.0, 1), (5.0, 1)]);
        let two = combined(vec![2021, 2022], product, valid);
        let need = two
            .needed(Method::GeometricMean, 3, 5.0)
            .unwrap_or(f64::NAN);
        assert!((need - 5.0).abs() < 1e-9, "{need}");
        assert_eq!(two.needed(Method::GeometricMean, 2, 5.0), None);
        assert_eq!(two.needed(Method::GeometricMean, 3, -100.0), None);
        assert_eq!(two.needed(Method::GeometricMean, 3, -150.0), None);
        let (product, valid) = accumulate(Method::GeometricMean, &[(-150.0, 1), (-150.0, 1)]);
        assert_eq!(
            combined(vec![2021, 2022], product, valid).needed(Method::GeometricMean, 3, 5.0),
            None
        );
        let (sum, valid) = accumulate(Method::ArithmeticMean, &[(3.0, 1), (4.0, 1)]);
        let levels = combined(vec![2021, 2022], sum, valid);
        assert_eq!(levels.needed(Method::ArithmeticMean, 4, 5.0), Some(6.5));
    }

    /// R for an average (§6): observed over required for a floor, required over observed for a
    /// ceiling, and no R when the edge, or the average under a ceiling, is not positive.
    #[test]
    fn the_ratio_of_an_average() {
        assert_eq!(ratio(3.0, 6.0, Sense::Up), Some(0.5));
        assert_eq!(ratio(3.0, 6.0, Sense::Down), Some(2.0));
        assert_eq!(ratio(3.0, 0.0, Sense::Up), None);
        assert_eq!(ratio(3.0, -1.0, Sense::Up), None);
        assert_eq!(ratio(3.0, 0.0, Sense::Down), None);
        assert_eq!(ratio(3.0, -1.0, Sense::Down), None);
        assert_eq!(ratio(-3.0, 1.0, Sense::Down), None);
        assert_eq!(ratio(0.0, 1.0, Sense::Down), None);
    }

    /// Π(1 + g/100)^years for rates, Σ value·years otherwise; a published average covering
    /// three years counts three times (§6).
    #[test]
    fn accumulation_weights_a_period_by_its_years() {
        let (product, valid) = accumulate(Method::GeometricMean, &[(10.0, 2), (0.0, 1)]);
        assert!((product - 1.21).abs() < 1e-12 && valid);
        let (sum, valid) = accumulate(Method::ArithmeticMean, &[(2.0, 3), (5.0, 1)]);
        assert!((sum - 11.0).abs() < 1e-12 && valid);
        let c = combined(vec![2021, 2022, 2023, 2024], sum, valid);
        assert_eq!(c.average(Method::ArithmeticMean), Some(2.75));
        // Two years of 10 % and one of 0 %: the geometric mean of 1.21 over three years.
        let g = combined(vec![2021, 2022, 2023], product, true)
            .average(Method::GeometricMean)
            .unwrap_or(f64::NAN);
        assert!((g - (1.21f64.powf(1.0 / 3.0) - 1.0) * 100.0).abs() < 1e-12);
    }
}

/// One figure of a period-to-date series: the average (or total) of the period's figures from
/// its first year up to `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodPoint {
    pub year: i32,
    pub value: f64,
    /// The least final kind among the figures it is made of: the point is only as final as its
    /// weakest part.
    pub kind: ObservationKind,
    /// Line in the plan file of the latest figure it takes in (the one that moved it last).
    pub line: u32,
    /// The years whose figures it is made of, first and last.
    pub covers: (i32, i32),
}

/// The average so far of a target judged on an average, year by year, by the very mean `assess`
/// uses: the last point is the assessment's `observed_rate`. With it, the required path and the
/// projection on the same footing (the average the period reaches by each year), so a chart
/// never sets a yearly value beside an average.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningAverage {
    pub period: Period,
    pub method: Method,
    pub points: Vec<PeriodPoint>,
    /// The yearly value every year still without a figure needs for the period to average the
    /// edge that counts as met (what `required_path` draws year by year).
    pub needed: Option<f64>,
    /// The period-to-date average if every year still without a figure comes in at `needed`:
    /// from the last point to the edge in the period's last year.
    pub required: Vec<(i32, f64)>,
    /// The period-to-date average if the years still without a figure come in at the
    /// projection's central value, and at its low and high edges (see `projection`), from the
    /// last point on.
    pub projection: Vec<ProjectedPoint>,
}

impl Combined<'_> {
    /// The average if `count` more years come in at `value` each.
    fn extended(&self, mean: Method, value: f64, count: usize) -> Option<f64> {
        let (more, valid) = accumulate(mean, &[(value, u32::try_from(count).ok()?)]);
        if !self.valid || !valid {
            return None;
        }
        let accumulated = if mean == Method::GeometricMean {
            self.accumulated * more
        } else {
            self.accumulated + more
        };
        mean_of_accumulated(mean, accumulated, self.years.len() + count)
    }
}

pub(super) fn running(
    plan: &Plan,
    target: &Target,
    indicator: &Indicator,
    goal: Goal,
    today: i32,
) -> Option<RunningAverage> {
    let period = period_of(target);
    let mean = mean_of(indicator);
    let decimals = indicator.decimals;
    let territory = target.territory.as_str();
    let cutoff = today.min(period.last);
    let all = series::yearly(plan, &indicator.id, territory, cutoff);
    let inside: Vec<Point> = all
        .iter()
        .filter(|p| period.contains(p.year))
        .copied()
        .collect();
    // Every year where the average so far changes: a yearly figure, or the end of a published
    // average for part of the period.
    let mut years: Vec<i32> = inside.iter().map(|p| p.year).collect();
    let headlines = plan.headline_index(&indicator.id);
    years.extend(
        plan.observations_of(&indicator.id)
            .filter(|o| o.territory == territory && headlines.contains(o))
            .filter_map(|o| match o.when {
                When::Period(p) if p.first == period.first && p.last <= cutoff => Some(p.last),
                _ => None,
            }),
    );
    crate::order::sort(&mut years);
    years.dedup();
    let mut points = Vec::new();
    let mut last: Option<Combined> = None;
    for year in years {
        let upto: Vec<Point> = inside.iter().filter(|p| p.year <= year).copied().collect();
        let published = series::period_figure(plan, &indicator.id, territory, period, year, false);
        let combined = combine(mean, &upto, published, decimals);
        let Some(value) = combined.average(mean) else {
            continue;
        };
        let (Some(&first), Some(&covered)) = (combined.years.first(), combined.years.last()) else {
            continue;
        };
        let (Some(kind), Some(line)) = (
            combined.used.iter().map(|o| o.kind).min(),
            combined
                .used
                .iter()
                .max_by_key(|o| o.when.end_year())
                .map(|o| o.line),
        ) else {
            continue;
        };
        points.push(PeriodPoint {
            year: covered,
            value,
            kind,
            line,
            covers: (first, covered),
        });
        last = Some(combined);
    }
    let n = period.years() as usize;
    let mut running = RunningAverage {
        period,
        method: mean,
        points,
        needed: None,
        required: Vec::new(),
        projection: Vec::new(),
    };
    let (Some(combined), Some(end)) = (last, running.points.last().cloned()) else {
        return Some(running);
    };
    let missing: Vec<i32> = (period.first..=period.last)
        .filter(|y| !combined.years.contains(y))
        .collect();
    let after: Vec<i32> = ((end.year + 1)..=period.last).collect();
    if missing.is_empty() || after.is_empty() {
        return Some(running);
    }
    let count_to = |year: i32| missing.iter().filter(|y| **y <= year).count();
    running.needed = combined.needed(mean, n, goal.edge);
    if let Some(needed) = running.needed {
        let mut path = vec![(end.year, end.value)];
        for &year in &after {
            let value = if year == period.last {
                goal.edge
            } else {
                combined.extended(mean, needed, count_to(year))?
            };
            path.push((year, value));
        }
        running.required = path;
    }
    // The projection's central value and spread, as `projection` draws them year by year.
    let central = if combined.years.len() >= 2 {
        combined.average(mean)
    } else {
        let recent: Vec<Point> = all.iter().rev().take(TRAILING).rev().copied().collect();
        (recent.len() >= 2)
            .then(|| combine(mean, &recent, None, decimals).average(mean))
            .flatten()
    };
    let values: Vec<f64> = all
        .iter()
        .rev()
        .take(SPREAD_YEARS)
        .map(|p| p.value)
        .collect();
    if let (Some(central), Some(spread)) = (central, series::spread(&values)) {
        let clamp = |v: f64| {
            if indicator.measure == Measure::Share {
                v.clamp(0.0, 100.0)
            } else {
                v
            }
        };
        let mut fan = vec![ProjectedPoint {
            year: end.year,
            value: end.value,
            low: end.value,
            high: end.value,
        }];
        for &year in &after {
            let k = count_to(year);
            let at = |yearly: f64| combined.extended(mean, clamp(yearly), k).map(clamp);
            match (at(central), at(central - spread), at(central + spread)) {
                (Some(value), Some(low), Some(high)) => fan.push(ProjectedPoint {
                    year,
                    value,
                    low: low.min(high),
                    high: high.max(low),
                }),
                _ => {
                    fan.clear();
                    break;
                }
            }
        }
        running.projection = fan;
    }
    Some(running)
}
