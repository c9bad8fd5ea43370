//! The figure a target is judged on, as a reader should see it beside the target: for a target
//! on an average, the average so far (never one year beside a five-year average); for a total
//! over a period, the total; for a level, the latest figure of the target's own territory.

use crate::describe;
use crate::plan::{Indicator, Measure, Plan, Target, TargetShape, When};
use crate::status::{Assessment, Goal, Reason, Sense};
use crate::text::Lang;

/// What the comparable figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The average over these years (first, last), of a target on an average.
    Average { first: i32, last: i32 },
    /// The figure of one year.
    Year(i32),
    /// A figure published for the whole period (a total, or a published average).
    Period { first: i32, last: i32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparable {
    pub value: f64,
    pub basis: Basis,
    /// The latest year whose figure went into it: how old the comparison is.
    pub data_year: i32,
    /// The value with unit and hedge: "5,78%/năm".
    pub text: String,
    /// What it is: "bình quân 2021–2024" / "average 2021–24", "năm 2024" / "2024".
    pub note: String,
}

/// Rate indicators, and targets averaged over their period, are judged on an average.
pub fn is_averaged(indicator: &Indicator, target: &Target) -> bool {
    indicator.measure == Measure::Rate || matches!(target.shape, TargetShape::Average { .. })
}

/// The comparable figure of an assessment, if it has one.
pub fn comparable(
    plan: &Plan,
    indicator: &Indicator,
    target: &Target,
    assessment: &Assessment,
    lang: Lang,
) -> Option<Comparable> {
    let (latest_year, latest_value) = assessment.latest?;
    let (value, basis) = if is_averaged(indicator, target) {
        let value = assessment.observed_rate?;
        let years: Option<&Vec<i32>> = assessment.reasons.iter().find_map(|r| match r {
            Reason::PeriodAverage { years, .. } => Some(years),
            _ => None,
        });
        let basis = match (years, target.when) {
            (Some(years), _) if !years.is_empty() => Basis::Average {
                first: *years.iter().min()?,
                last: *years.iter().max()?,
            },
            (_, When::Period(p)) => Basis::Average {
                first: p.first,
                last: p.last.min(latest_year),
            },
            (_, When::Year(y)) => Basis::Year(y),
        };
        (value, basis)
    } else {
        match target.when {
            When::Period(p) => (
                latest_value,
                Basis::Period {
                    first: p.first,
                    last: p.last,
                },
            ),
            When::Year(_) => (latest_value, Basis::Year(latest_year)),
        }
    };
    // The figure as published, with its hedge ("trên 92,4%"), when it is one published figure.
    let one_year = match basis {
        Basis::Year(year) => Some(year),
        Basis::Average { first, last } if first == last => Some(first),
        _ => None,
    };
    let published = match one_year {
        Some(year) => plan.headline_series(&indicator.id).into_iter().find(|o| {
            o.when == When::Year(year)
                && o.territory == target.territory
                // A one-year average is the figure itself, up to rounding in the mean.
                && (o.value - value).abs() <= 1e-9 * value.abs().max(1.0)
        }),
        _ => None,
    };
    let text = published.map_or_else(
        || describe::value(indicator, value, None, lang),
        |o| describe::observation(indicator, o, lang),
    );
    Some(Comparable {
        value,
        basis,
        data_year: latest_year,
        text,
        note: basis_note(basis, lang),
    })
}

/// "bình quân 2021–2024", "năm 2024", "cả giai đoạn 2021–2025" and their English.
pub fn basis_note(basis: Basis, lang: Lang) -> String {
    match (basis, lang) {
        (Basis::Average { first, last }, Lang::Vi) if first == last => {
            format!("năm {first}")
        }
        (Basis::Average { first, last }, Lang::Vi) => format!("bình quân {first}–{last}"),
        (Basis::Average { first, last }, Lang::En) if first == last => first.to_string(),
        (Basis::Average { first, last }, Lang::En) => format!("average {first}–{last}"),
        (Basis::Year(year), Lang::Vi) => format!("năm {year}"),
        (Basis::Year(year), Lang::En) => year.to_string(),
        (Basis::Period { first, last }, Lang::Vi) => format!("cả giai đoạn {first}–{last}"),
        (Basis::Period { first, last }, Lang::En) => format!("whole period {first}–{last}"),
    }
}

/// How far a figure is from the edge of its target, as a share of the edge, positive on the
/// good side: +0.2 is 20 % beyond the edge, −0.23 is 23 % short. A zero edge ("no poor
/// households left") counts the distance in the indicator's unit instead.
pub fn distance(goal: &Goal, value: f64) -> f64 {
    let gap = match goal.sense {
        Sense::Up => value - goal.edge,
        Sense::Down => goal.edge - value,
    };
    let scale = goal.edge.abs();
    let d = if scale > 1e-9 { gap / scale } else { gap };
    if d.is_finite() {
        d
    } else {
        0.0
    }
}
