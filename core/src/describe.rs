//! Plain-language wording of targets and values, in Vietnamese and English, shared by the
//! scorecard, the chart panel, the summaries and the downloads.

use crate::number;
use crate::plan::{Indicator, Observation, Qualifier, Target, TargetShape, When};
use crate::text::Lang;

/// English month names; the short forms are their first three letters.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as each language writes it: "27/12/2023", "tháng 12/2023" / "27 Dec 2023", "Dec 2023";
/// a year alone stays a year. The data file and the CSV keep ISO dates.
pub fn date(date: crate::plan::PartialDate, lang: Lang) -> String {
    let month_name = |m: u8| &MONTHS_EN[usize::from(m.clamp(1, 12)) - 1][..3];
    match (date.day, date.month, lang) {
        (Some(day), Some(month), Lang::Vi) => format!("{day}/{month}/{}", date.year),
        (Some(day), Some(month), Lang::En) => format!("{day} {} {}", month_name(month), date.year),
        (None, Some(month), Lang::Vi) => format!("tháng {month}/{}", date.year),
        (None, Some(month), Lang::En) => format!("{} {}", month_name(month), date.year),
        _ => date.year.to_string(),
    }
}

/// A value with its unit and hedge: "khoảng 215 triệu đồng", "over 92.4 %".
pub fn value(
    indicator: &Indicator,
    value: f64,
    qualifier: Option<Qualifier>,
    lang: Lang,
) -> String {
    let hedge = match (qualifier, lang) {
        (Some(Qualifier::About), Lang::Vi) => "khoảng ",
        (Some(Qualifier::Over), Lang::Vi) => "trên ",
        (Some(Qualifier::Under), Lang::Vi) => "dưới ",
        (Some(Qualifier::About), Lang::En) => "about ",
        (Some(Qualifier::Over), Lang::En) => "over ",
        (Some(Qualifier::Under), Lang::En) => "under ",
        (None, _) => "",
    };
    format!(
        "{hedge}{}{}",
        number::format(value, indicator.decimals, lang),
        unit_suffix(indicator, lang)
    )
}

pub fn observation(indicator: &Indicator, observation: &Observation, lang: Lang) -> String {
    match observation.upper {
        // A figure published as a range: "3,1–3,2 %".
        Some(upper) => format!(
            "{}–{}",
            number::format(observation.value, indicator.decimals, lang),
            value(indicator, upper, observation.qualifier, lang)
        ),
        None => value(indicator, observation.value, observation.qualifier, lang),
    }
}

/// The unit as it follows a number: "%" sticks with a thin space, words get a space.
pub fn unit_suffix(indicator: &Indicator, lang: Lang) -> String {
    let unit = indicator.unit.get(lang);
    if unit.is_empty() {
        String::new()
    } else {
        format!("\u{a0}{unit}")
    }
}

/// A target in words: "7,5–8 %/năm (bình quân 2021–2025)", "≥ 95 % (2025)".
pub fn target(indicator: &Indicator, target: &Target, lang: Lang) -> String {
    let n = |v: f64| number::format_trimmed(v, indicator.decimals.max(2), lang);
    let unit = unit_suffix(indicator, lang);
    let vi = lang == Lang::Vi;
    let body = match target.shape {
        TargetShape::Exact(v) => format!("{}{unit}", n(v)),
        TargetShape::AtLeast(v) => format!("≥\u{a0}{}{unit}", n(v)),
        TargetShape::AtMost(v) => format!("≤\u{a0}{}{unit}", n(v)),
        TargetShape::Above(v) => format!("{}{}{unit}", if vi { "trên " } else { "above " }, n(v)),
        TargetShape::Below(v) => format!("{}{}{unit}", if vi { "dưới " } else { "below " }, n(v)),
        TargetShape::Range { min, max } => format!("{}–{}{unit}", n(min), n(max)),
        TargetShape::Average {
            min: Some(min),
            max: Some(max),
        } => format!("{}–{}{unit}", n(min), n(max)),
        TargetShape::Average {
            min: Some(min),
            max: None,
        } => format!("≥\u{a0}{}{unit}", n(min)),
        TargetShape::Average {
            min: None,
            max: Some(max),
        } => format!("≤\u{a0}{}{unit}", n(max)),
        TargetShape::Average {
            min: None,
            max: None,
        } => String::new(),
        TargetShape::About { value: v, .. } => {
            format!("{}{}{unit}", if vi { "khoảng " } else { "about " }, n(v))
        }
        TargetShape::YearlyChange { min, max } => {
            crate::status::describe_change(min, max, indicator, lang)
        }
        TargetShape::EssentiallyNone { threshold } if threshold > 0.0 => {
            format!(
                "{} (≤\u{a0}{}{unit})",
                if vi {
                    "cơ bản không còn"
                } else {
                    "essentially none"
                },
                n(threshold)
            )
        }
        TargetShape::EssentiallyNone { .. } => (if vi {
            "cơ bản không còn"
        } else {
            "essentially none"
        })
        .to_string(),
        TargetShape::Text => target
            .text
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default(),
    };
    let when = match (target.when, target.shape) {
        (When::Period(period), TargetShape::Average { .. }) => {
            if vi {
                format!("bình quân {period}")
            } else {
                format!("average {period}")
            }
        }
        (When::Period(period), _) if target.every_year => {
            if vi {
                format!("mỗi năm {period}")
            } else {
                format!("each year {period}")
            }
        }
        (When::Period(period), _) => format!("{period}"),
        (When::Year(year), _) => {
            if vi {
                format!("năm {year}")
            } else {
                format!("by {year}")
            }
        }
    };
    format!("{body} ({when})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Direction, Measure, Period};
    use crate::text::Text;

    fn growth() -> Indicator {
        Indicator {
            id: "g".into(),
            name: Text::new("Tăng trưởng", "Growth"),
            unit: Text::new("%/năm", "%/yr"),
            decimals: 2,
            direction: Direction::Higher,
            measure: Measure::Rate,
            task_area: None,
            definition: None,
            headline: true,
        }
    }

    fn target_of(shape: TargetShape, when: When) -> Target {
        Target {
            id: "t".into(),
            indicator: "g".into(),
            when,
            shape,
            every_year: false,
            document: "d".into(),
            territory: "x".into(),
            source: None,
            text: None,
            note: None,
        }
    }

    #[test]
    fn targets_read_naturally_in_both_languages() {
        let band = target_of(
            TargetShape::Average {
                min: Some(7.5),
                max: Some(8.0),
            },
            When::Period(Period {
                first: 2021,
                last: 2025,
            }),
        );
        assert_eq!(
            target(&growth(), &band, Lang::Vi),
            "7,5–8\u{a0}%/năm (bình quân 2021–2025)"
        );
        assert_eq!(
            target(&growth(), &band, Lang::En),
            "7.5–8\u{a0}%/yr (average 2021–2025)"
        );
        let floor = target_of(TargetShape::Below(0.5), When::Year(2025));
        assert_eq!(
            target(&growth(), &floor, Lang::Vi),
            "dưới 0,5\u{a0}%/năm (năm 2025)"
        );
        let none = target_of(
            TargetShape::EssentiallyNone { threshold: 0.0 },
            When::Year(2030),
        );
        assert_eq!(
            target(&growth(), &none, Lang::En),
            "essentially none (by 2030)"
        );
    }

    #[test]
    fn dates_in_each_language() {
        let day = crate::plan::PartialDate::parse("2023-12-27").expect("date");
        let month = crate::plan::PartialDate::parse("2020-11").expect("date");
        let year = crate::plan::PartialDate::parse("2021").expect("date");
        assert_eq!(date(day, Lang::Vi), "27/12/2023");
        assert_eq!(date(day, Lang::En), "27 Dec 2023");
        assert_eq!(date(month, Lang::Vi), "tháng 11/2020");
        assert_eq!(date(month, Lang::En), "Nov 2020");
        assert_eq!(date(year, Lang::En), "2021");
    }

    #[test]
    fn values_carry_hedges_and_units() {
        assert_eq!(
            value(&growth(), 92.4, Some(Qualifier::Over), Lang::Vi),
            "trên 92,40\u{a0}%/năm"
        );
        assert_eq!(value(&growth(), -2.79, None, Lang::En), "−2.79\u{a0}%/yr");
    }
}
