//! Progress status of a target: achieved, on track, at risk, off track… with the numbers behind
//! it. The rules, with the Can Tho worked examples, are in docs/methodology.md; this module is
//! their implementation and must stay in step with that page.
//!
//! Pure arithmetic: no clock (the caller passes the current year), no panics on any input
//! (empty series, NaN, zero or negative values, a fall of more than 100 %).

mod average;
mod change;
mod each_year;
mod goal;
mod level;
mod reason;
mod scorecard;
mod series;

pub use average::{PeriodPoint, RunningAverage};
pub use goal::{displayed, Goal, Reading, Sense, Verdict};
pub use reason::{
    describe_change, describe_goal, format_edge, format_value, years_text, HedgeEffect,
    RangeEffect, Reason,
};
pub use scorecard::{scorecard, tally_cards, Card};

use crate::plan::{Indicator, Measure, ObservationKind, Period, Plan, Target, TargetShape, When};
use crate::text::Lang;

/// Where a target stands. The order is the display order, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Met, and beyond the value the target names (above a band, more than "at least").
    Exceeded,
    /// Met.
    Achieved,
    /// Not met yet; the pace reaches it in time (R ≥ 0.95).
    OnTrack,
    /// Not met yet; progress, but too slow (0.60 ≤ R < 0.95).
    AtRisk,
    /// Not met and far too slow or moving away (R < 0.60), or missed at the deadline.
    OffTrack,
    /// Figures exist but cannot support a status (one point, a qualitative target, a hedge).
    NotAssessable,
    /// No figure for the target's territory.
    NoData,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Exceeded,
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NotAssessable,
        Status::NoData,
    ];

    /// Stable code for CSS classes, URLs and exports.
    pub fn code(self) -> &'static str {
        match self {
            Status::Exceeded => "exceeded",
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::NotAssessable => "not_assessable",
            Status::NoData => "no_data",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Exceeded, Lang::Vi) => "Vượt chỉ tiêu",
            (Status::Achieved, Lang::Vi) => "Đạt chỉ tiêu",
            (Status::OnTrack, Lang::Vi) => "Đúng tiến độ",
            (Status::AtRisk, Lang::Vi) => "Có nguy cơ không đạt",
            (Status::OffTrack, Lang::Vi) => "Chệch hướng",
            (Status::NotAssessable, Lang::Vi) => "Chưa thể đánh giá",
            (Status::NoData, Lang::Vi) => "Chưa có số liệu",
            (Status::Exceeded, Lang::En) => "Exceeded",
            (Status::Achieved, Lang::En) => "Achieved",
            (Status::OnTrack, Lang::En) => "On track",
            (Status::AtRisk, Lang::En) => "At risk",
            (Status::OffTrack, Lang::En) => "Off track",
            (Status::NotAssessable, Lang::En) => "Not assessable",
            (Status::NoData, Lang::En) => "No data",
        }
    }

    /// A text symbol shown with the label, so that colour is never the only signal.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Exceeded => "★",
            Status::Achieved => "✔",
            Status::OnTrack => "●",
            Status::AtRisk => "◐",
            Status::OffTrack => "✖",
            Status::NotAssessable => "?",
            Status::NoData => "–",
        }
    }

    /// Met (achieved or exceeded).
    pub fn is_met(self) -> bool {
        matches!(self, Status::Exceeded | Status::Achieved)
    }
}

/// How the observed pace is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Compound annual growth rate between two figures, in percent a year.
    Compound,
    /// Straight-line change between two figures, in the indicator's unit a year (used for counts
    /// and whenever a value or the target is zero or negative).
    Linear,
    /// Geometric mean of yearly rates: ((Π(1 + gᵢ/100))^(1/m) − 1) × 100, for rate indicators.
    GeometricMean,
    /// Arithmetic mean of yearly values, for a level or share averaged over a period.
    ArithmeticMean,
}

/// Cut-offs for the ratio R of observed to required progress (Open SDG, Statistics Canada and
/// Eurostat use 0.95 and 0.60; R < 0 is reported as moving away).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    pub on_track: f64,
    pub at_risk: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            on_track: 0.95,
            at_risk: 0.60,
        }
    }
}

impl Thresholds {
    /// The in-progress status for a ratio R.
    pub fn classify(&self, ratio: f64) -> Status {
        if !ratio.is_finite() {
            Status::NotAssessable
        } else if ratio >= self.on_track {
            Status::OnTrack
        } else if ratio >= self.at_risk {
            Status::AtRisk
        } else {
            Status::OffTrack
        }
    }
}

/// A target's status with every number behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub target_id: String,
    /// The last year whose figures were considered: the current year, or the target year when
    /// that has passed (figures after a target's year never judge it).
    pub evaluated_year: i32,
    /// The latest headline figure used (for an average target: the latest yearly figure; the
    /// compared value is `observed_rate`).
    pub latest: Option<(i32, f64)>,
    pub latest_kind: Option<ObservationKind>,
    /// The figure progress is measured from (level, count and share targets).
    pub baseline: Option<(i32, f64)>,
    /// How `observed_rate`, `required_rate` and `needed_rate` are measured.
    pub method: Option<Method>,
    /// R: observed over required progress.
    pub ratio: Option<f64>,
    /// Level targets: the yearly change needed from the baseline to the target year.
    /// Average targets: the edge of the target band that counts as met.
    pub required_rate: Option<f64>,
    /// Level targets: the yearly change from the baseline to the latest figure.
    /// Average targets: the average so far.
    pub observed_rate: Option<f64>,
    /// The yearly change (level) or average (average target) still needed from now on.
    pub needed_rate: Option<f64>,
    /// The value the current pace leads to in the target year (for an average target: the
    /// period average if the remaining years match the average so far).
    pub projected: Option<f64>,
    /// The figure for the target year (or the whole period) is in: a verdict, not a forecast.
    pub is_final: bool,
    pub reasons: Vec<Reason>,
}

impl Assessment {
    fn new(target: &Target, evaluated_year: i32) -> Assessment {
        Assessment {
            status: Status::NotAssessable,
            target_id: target.id.clone(),
            evaluated_year,
            latest: None,
            latest_kind: None,
            baseline: None,
            method: None,
            ratio: None,
            required_rate: None,
            observed_rate: None,
            needed_rate: None,
            projected: None,
            is_final: false,
            reasons: Vec::new(),
        }
    }

    /// The badge text: as `Status::label`, except that a target missed at its deadline reads
    /// "Không đạt" / "Missed" rather than "off track".
    pub fn label(&self, lang: Lang) -> &'static str {
        match (self.status, self.is_final, lang) {
            (Status::OffTrack, true, Lang::Vi) => "Không đạt",
            (Status::OffTrack, true, Lang::En) => "Missed",
            (status, _, _) => status.label(lang),
        }
    }

    /// Every reason as a sentence.
    pub fn texts(&self, indicator: &Indicator, lang: Lang) -> Vec<String> {
        self.reasons
            .iter()
            .map(|r| r.text(indicator, lang))
            .collect()
    }

    /// The status rests on figures that are not final: estimates, unqualified reports, weak
    /// sources, hedged or part-year figures, or a deadline whose figures are not in.
    pub fn is_provisional(&self) -> bool {
        self.reasons.iter().any(|r| {
            matches!(
                r,
                Reason::Provisional { .. }
                    | Reason::Unqualified { .. }
                    | Reason::Derived { .. }
                    | Reason::LowReliability { .. }
                    | Reason::AwaitingFinal { .. }
                    | Reason::PartYear { .. }
                    | Reason::Hedged { .. }
            )
        })
    }
}

/// The inputs every rule needs.
/// Closes an assessment on a sure verdict of a period that is over: final status, and the one
/// reason that says met (or exceeded) or missed with the figure it was judged on. Shared by the
/// average and the yearly-change targets, whose verdicts read alike.
fn close_on(cx: &Cx, a: &mut Assessment, verdict: Verdict, value: f64, average: bool) {
    a.is_final = true;
    a.status = verdict.final_status();
    a.reasons.push(if verdict.meets() {
        Reason::Met {
            when: cx.target.when,
            value,
            shape: cx.target.shape,
            exceeded: verdict == Verdict::Exceeded,
            average,
        }
    } else {
        Reason::Missed {
            when: cx.target.when,
            value,
            shape: cx.target.shape,
            average,
        }
    });
}

struct Cx<'a> {
    plan: &'a Plan,
    target: &'a Target,
    indicator: &'a Indicator,
    goal: Goal,
    today: i32,
    thresholds: Thresholds,
}

/// Rate indicators, and any target averaged over its period, are judged on an average; the
/// rest on the latest figure and its trend.
fn is_averaged(indicator: &Indicator, shape: TargetShape) -> bool {
    indicator.measure == Measure::Rate || matches!(shape, TargetShape::Average { .. })
}

/// Assesses a target as of `today_year` with the default thresholds.
pub fn assess(plan: &Plan, target: &Target, today_year: i32) -> Assessment {
    assess_with(plan, target, today_year, Thresholds::default())
}

/// Assesses a target as of `today_year`.
pub fn assess_with(
    plan: &Plan,
    target: &Target,
    today_year: i32,
    thresholds: Thresholds,
) -> Assessment {
    let due = target.when.end_year();
    let mut assessment = Assessment::new(target, today_year.min(due));
    if target.shape == TargetShape::Text {
        assessment.reasons.push(Reason::Qualitative);
        return assessment;
    }
    let Some(indicator) = plan.indicator(&target.indicator) else {
        assessment.reasons.push(Reason::UnknownIndicator);
        return assessment;
    };
    let Some(goal) = Goal::of(target.shape, indicator.direction) else {
        assessment.reasons.push(Reason::Qualitative);
        return assessment;
    };
    let cx = Cx {
        plan,
        target,
        indicator,
        goal,
        today: today_year,
        thresholds,
    };
    match (target.every_year, target.when) {
        (true, When::Period(period)) => each_year::assess(&cx, &mut assessment, period),
        _ if matches!(target.shape, TargetShape::YearlyChange { .. }) => {
            change::assess(&cx, &mut assessment)
        }
        _ if is_averaged(indicator, target.shape) => average::assess(&cx, &mut assessment),
        (_, When::Year(year)) => level::assess(&cx, &mut assessment, year),
        (_, When::Period(period)) => level::assess_total(&cx, &mut assessment, period),
    }
    assessment.reasons.extend(series::other_methods(
        plan,
        &indicator.id,
        target,
        today_year.min(due),
    ));
    if let Some(reason) = staleness(&assessment) {
        assessment.reasons.push(reason);
    }
    assessment
        .reasons
        .extend(series::other_territories(plan, &indicator.id, target));
    assessment
}

/// How many years older than the evaluation year the latest figure may be before the status
/// says the series is old (issue 14: "more than two years older than the evaluation year").
pub const STALE_AFTER_YEARS: i32 = 2;

/// `Reason::Stale` when the latest figure used is more than `STALE_AFTER_YEARS` before the year
/// assessed. Only figures that were used count: a target with no figure says so already.
fn staleness(assessment: &Assessment) -> Option<Reason> {
    let (latest, _) = assessment.latest?;
    (assessment.evaluated_year - latest > STALE_AFTER_YEARS).then_some(Reason::Stale {
        latest,
        evaluated: assessment.evaluated_year,
    })
}

/// One year of a trend projection: the central value and a fan around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProjectedPoint {
    pub year: i32,
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// The current pace carried forward to the target year (see docs/methodology.md, "Projection").
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub points: Vec<ProjectedPoint>,
}

impl Projection {
    /// (year, central, low, high), the shape the chart takes.
    pub fn tuples(&self) -> Vec<(i32, f64, f64, f64)> {
        self.points
            .iter()
            .map(|p| (p.year, p.value, p.low, p.high))
            .collect()
    }
}

/// The trend from the target's own headline figures to its year, with an uncertainty fan.
/// Level, count and share targets: the compound (or straight-line) pace from the baseline to
/// the latest figure, fanned by ± one standard deviation of the year-on-year changes, widening
/// with the square root of the horizon; the first point is the latest figure itself. Average
/// targets: the average so far (or the mean of the last three years) for each year still
/// without a figure, ± one standard deviation of the last five yearly figures. `None` with
/// fewer than three figures (two for an average), when the target year already has its figure,
/// or for qualitative targets and period totals.
pub fn projection(plan: &Plan, target: &Target) -> Option<Projection> {
    let indicator = plan.indicator(&target.indicator)?;
    let goal = Goal::of(target.shape, indicator.direction)?;
    if target.every_year || matches!(target.shape, TargetShape::YearlyChange { .. }) {
        return None;
    }
    if is_averaged(indicator, target.shape) {
        average::projection(plan, target, indicator)
    } else {
        match target.when {
            When::Year(due) => level::projection(plan, target, indicator, goal, due),
            When::Period(_) => None,
        }
    }
}

/// The path that meets the target exactly. Level, count and share targets: the constant yearly
/// change (compound, or straight-line for counts and non-positive values) from the baseline to
/// the edge that counts as met, one point a year. Average targets: the constant yearly value
/// needed in each year still without a figure. `None` for qualitative targets, period totals,
/// or when it cannot be computed.
pub fn required_path(plan: &Plan, target: &Target) -> Option<Vec<(i32, f64)>> {
    let indicator = plan.indicator(&target.indicator)?;
    let goal = Goal::of(target.shape, indicator.direction)?;
    if target.every_year {
        return None;
    }
    if matches!(target.shape, TargetShape::YearlyChange { .. }) {
        return change::required_path(plan, target, indicator, goal.edge);
    }
    if is_averaged(indicator, target.shape) {
        average::required_path(plan, target, indicator, goal)
    } else {
        match target.when {
            When::Year(due) => level::required_path(plan, target, indicator, goal, due),
            When::Period(_) => None,
        }
    }
}

impl Verdict {
    /// The status a figure that settles the target gives it: exceeded, achieved, or missed
    /// (off track, shown as "Không đạt / Missed" once final).
    pub fn final_status(self) -> Status {
        match self {
            Verdict::Exceeded => Status::Exceeded,
            Verdict::Met => Status::Achieved,
            Verdict::NotMet => Status::OffTrack,
        }
    }
}

/// How many targets of a period stand where: "2021–2025: 4 đạt, 2 chệch hướng, 1 chưa có số liệu".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// One entry per status, in `Status::ALL` order.
    pub counts: [(Status, u32); 7],
}

impl Tally {
    pub fn get(&self, status: Status) -> u32 {
        self.counts
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// "1 vượt chỉ tiêu, 3 đạt chỉ tiêu, 1 chưa có số liệu": the non-zero counts, best first.
    pub fn summary(&self, lang: Lang) -> String {
        self.counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}", s.label(lang).to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Counts the statuses of the targets due within `period` (a target over a period counts when
/// its last year falls inside).
pub fn tally(plan: &Plan, period: Period, today_year: i32) -> Tally {
    let mut counts = Status::ALL.map(|s| (s, 0u32));
    for target in &plan.targets {
        if !period.contains(target.when.end_year()) {
            continue;
        }
        let status = assess(plan, target, today_year).status;
        if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == status) {
            entry.1 += 1;
        }
    }
    Tally { counts }
}

/// The target the chart's required path and projection refer to: in the chosen period, the
/// plan's own target first; across all periods, the next one still due. Every target in the
/// period is still drawn and scored.
pub fn primary_target<'a>(
    plan: &'a Plan,
    indicator: &'a str,
    period: Option<Period>,
    today: i32,
) -> Option<&'a Target> {
    let targets = plan.targets_in(indicator, period);
    if period.is_some() {
        return targets.first().copied();
    }
    let mut by_due = targets.clone();
    crate::order::sort_by_key(&mut by_due, |t| t.when.end_year());
    by_due
        .iter()
        .find(|t| t.when.end_year() >= today)
        .or(by_due.last())
        .copied()
}

/// How a target is compared with the figures, which decides what a chart sets against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Footing {
    /// The figure of the target's year against the target.
    Yearly,
    /// The average over the target's period (rates, and targets worded as an average).
    Average,
    /// The total over the target's period (a level, count or share target for a period).
    Total,
}

/// The footing `assess` judges a target on.
pub fn footing(plan: &Plan, target: &Target) -> Footing {
    // A cap for every year of a period and a yearly change are judged on the yearly figures.
    let every_year = target.every_year && matches!(target.when, When::Period(_));
    if every_year || matches!(target.shape, TargetShape::YearlyChange { .. }) {
        return Footing::Yearly;
    }
    match plan.indicator(&target.indicator) {
        Some(indicator) if is_averaged(indicator, target.shape) => Footing::Average,
        Some(_) if matches!(target.when, When::Period(_)) => Footing::Total,
        _ => Footing::Yearly,
    }
}

/// The average so far of a target judged on an average, with its required path and projection
/// on the same footing (see `RunningAverage`); `None` for other targets and qualitative ones.
/// Its last point is the assessment's `observed_rate` as of `today_year`.
pub fn running_average(plan: &Plan, target: &Target, today_year: i32) -> Option<RunningAverage> {
    let indicator = plan.indicator(&target.indicator)?;
    let goal = Goal::of(target.shape, indicator.direction)?;
    if footing(plan, target) != Footing::Average {
        return None;
    }
    average::running(plan, target, indicator, goal, today_year)
}

/// The total so far of a period target on a level, year by year (see `level::running_total`);
/// `None` for targets not judged on a total.
pub fn running_total(plan: &Plan, target: &Target, today_year: i32) -> Option<Vec<PeriodPoint>> {
    let indicator = plan.indicator(&target.indicator)?;
    Goal::of(target.shape, indicator.direction)?;
    match (footing(plan, target), target.when) {
        (Footing::Total, When::Period(period)) => Some(level::running_total(
            plan, target, indicator, period, today_year,
        )),
        _ => None,
    }
}
