//! Plain-language wording of targets and values, in Vietnamese and English, shared by the
//! scorecard, the chart panel, the summaries and the downloads.

use crate::number;
use crate::plan::{
    Indicator, Observation, Plan, Published, Qualifier, Source, Target, TargetShape, When,
};
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

/// A source as a reader names it: the publisher, then whom the page quotes, in the reader's
/// language: "Báo Thanh Niên (dẫn lời Chủ tịch UBND TP Cần Thơ)" / "Báo Thanh Niên (quoting the
/// Chairman of the Can Tho City People's Committee)".
pub fn source_name(source: &Source, lang: Lang) -> String {
    match &source.via {
        Some(via) => format!("{} ({})", source.publisher.get(lang), via.get(lang)),
        None => source.publisher.get(lang).to_string(),
    }
}

/// The short citation "publisher, date": "Báo Thanh Niên, 27/12/2023" / "Báo Thanh Niên, 27 Dec
/// 2023"; "date unknown" where the page shows none.
pub fn source_short(source: &Source, lang: Lang) -> String {
    let when = match source.published {
        Published::On(day) => date(day, lang),
        Published::Unknown => crate::i18n::t(crate::i18n::Ui::PublishedUnknown, lang).to_string(),
    };
    format!("{}, {when}", source.publisher.get(lang))
}

/// The page's own title, or `None` when the plan file could not read it: such a source's title
/// is its publisher and date ("Báo Thanh Niên, 07/12/2025", docs/data-format.md), which
/// `source_short` already says, so it is not printed twice.
pub fn source_title(source: &Source) -> Option<&str> {
    let fallback = Lang::ALL.iter().any(|&lang| {
        source
            .title
            .strip_prefix(source.publisher.get(lang))
            .is_some_and(|rest| rest.starts_with(", "))
    });
    (!fallback).then_some(source.title.as_str())
}

/// A derived figure's arithmetic with its numbers, for tables and downloads: "GRDP bình quân
/// đầu người (triệu đồng) × 1.000.000 ÷ Tỷ giá VND/USD năm 2024 (ngầm định) = 104,6 × 1.000.000
/// ÷ 24.255,32". `None` for a published figure.
pub fn formula(plan: &Plan, observation: &Observation, lang: Lang) -> Option<String> {
    let formula = observation.formula.as_ref()?;
    let input = plan.formula_input(observation)?;
    let input_indicator = plan.indicator(&formula.input)?;
    let reference = plan.reference(&formula.divide_by)?;
    let plain = |x: f64| {
        let decimals = if x.fract() == 0.0 { 0 } else { 2 };
        number::format(x, decimals, lang)
    };
    let times = |text: String| {
        if formula.times == 1.0 {
            text
        } else {
            format!("{text} × {}", plain(formula.times))
        }
    };
    Some(format!(
        "{} ÷ {} = {} ÷ {}",
        times(input_indicator.name.get(lang).to_string()),
        reference.name.get(lang),
        times(number::format(
            input.value,
            input_indicator.decimals.min(2),
            lang
        )),
        plain(reference.value)
    ))
}

/// A value with its unit and hedge: "khoảng 215 triệu đồng", "over 92.4 %".
pub fn value(
    indicator: &Indicator,
    value: f64,
    qualifier: Option<Qualifier>,
    lang: Lang,
) -> String {
    let hedge = hedge_word(qualifier, lang);
    format!(
        "{hedge}{}",
        number::with_unit(
            number::format(value, indicator.decimals, lang),
            indicator.unit.get(lang)
        )
    )
}

fn hedge_word(qualifier: Option<Qualifier>, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Some(Qualifier::About), Lang::Vi) => "khoảng ",
        (Some(Qualifier::Over), Lang::Vi) => "trên ",
        (Some(Qualifier::Under), Lang::Vi) => "dưới ",
        (Some(Qualifier::About), Lang::En) => "about ",
        (Some(Qualifier::Over), Lang::En) => "over ",
        (Some(Qualifier::Under), Lang::En) => "under ",
        (None, _) => "",
    }
}

/// A published figure with its unit and hedge, with no more digits than it was published
/// with: "khoảng 95 triệu đồng", not "khoảng 95,00" (the indicator's decimals are a maximum;
/// computed values keep them, `value`).
pub fn observation(indicator: &Indicator, observation: &Observation, lang: Lang) -> String {
    let hedge = hedge_word(observation.qualifier, lang);
    let figure = |v: f64| number::format_trimmed(v, indicator.decimals, lang);
    let unit = indicator.unit.get(lang);
    match observation.upper {
        // A figure published as a range: "3,1–3,2%".
        Some(upper) => format!(
            "{hedge}{}–{}",
            figure(observation.value),
            number::with_unit(figure(upper), unit)
        ),
        None => format!(
            "{hedge}{}",
            number::with_unit(figure(observation.value), unit)
        ),
    }
}

/// The unit as it follows a number: a percent sign sticks to it, a word unit follows a
/// no-break space (`number::with_unit`).
pub fn unit_suffix(indicator: &Indicator, lang: Lang) -> String {
    number::with_unit(String::new(), indicator.unit.get(lang))
}

/// A target in words: "7,5–8%/năm (bình quân 2021–2025)", "≥ 95% (năm 2025)".
pub fn target(indicator: &Indicator, target: &Target, lang: Lang) -> String {
    let (body, when) = target_parts(indicator, target, lang);
    format!("{body} ({when})")
}

/// A target's level and its time apart: ("7,5–8%/năm", "bình quân 2021–2025").
pub fn target_parts(indicator: &Indicator, target: &Target, lang: Lang) -> (String, String) {
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
            // A rate is the change within that one year ("≥ 8.4% in 2025"); a level is reached
            // by then ("≥ 95% by 2025"). Vietnamese says "năm 2025" for both.
            if vi {
                format!("năm {year}")
            } else if indicator.measure == crate::plan::Measure::Rate {
                format!("in {year}")
            } else {
                format!("by {year}")
            }
        }
    };
    (body, when)
}

/// "12/2024" / "Dec 2024": a source's date as short citations give it.
pub fn month_year(date: crate::plan::PartialDate, lang: Lang) -> String {
    match (date.month, lang) {
        (Some(m), Lang::Vi) => format!("{m}/{}", date.year),
        (Some(m), Lang::En) => format!(
            "{} {}",
            &crate::describe::MONTHS_EN[usize::from(m.clamp(1, 12)) - 1][..3],
            date.year
        ),
        (None, _) => date.year.to_string(),
    }
}

/// A territory's short name, defined once beside each chart by `territories_defined`: the
/// plan's own `short` name ("Cần Thơ (cũ)" / "Can Tho (old)"); else, for the two sides of a
/// series break, the plan's territory with "(cũ)"/"(old)" or "(mới)"/"(merged)"; else its name
/// without parenthesis or "Thành phố"/"City". One function for every surface.
pub fn territory_short(plan: &crate::plan::Plan, id: &str, lang: Lang) -> String {
    let Some(territory) = plan.territory(id) else {
        return id.to_string();
    };
    if let Some(short) = &territory.short {
        return short.get(lang).to_string();
    }
    let strip = |name: &str| -> String {
        let mut name = name.split(" (").next().unwrap_or(name).trim();
        for prefix in ["Thành phố ", "TP. ", "TP ", "Tỉnh ", "City of "] {
            if let Some(rest) = name.strip_prefix(prefix) {
                name = rest;
            }
        }
        for suffix in [" City", " Province"] {
            if let Some(rest) = name.strip_suffix(suffix) {
                name = rest;
            }
        }
        name.trim().to_string()
    };
    let base = strip(plan.meta.territory.get(lang));
    let before = plan.series_breaks.iter().any(|b| b.before == id);
    let after = plan.series_breaks.iter().any(|b| b.after == id);
    let (old, new) = match lang {
        Lang::Vi => ("cũ", "mới"),
        Lang::En => ("old", "merged"),
    };
    match (before, after) {
        (true, false) if !base.is_empty() => format!("{base} ({old})"),
        (false, true) if !base.is_empty() => format!("{base} ({new})"),
        _ => {
            let name = strip(territory.name.get(lang));
            if name.is_empty() {
                id.to_string()
            } else {
                name
            }
        }
    }
}

/// A document's short name: the plan's own `short` name; else its number when it is a real
/// document number ("03-CTr/TU"); else, in English, its issuer (a "number" given in Vietnamese
/// words is not English); its id when the plan lacks the document.
pub fn document_short(plan: &crate::plan::Plan, id: &str, lang: Lang) -> String {
    let Some(document) = plan.document(id) else {
        return id.to_string();
    };
    if let Some(short) = &document.short {
        return short.get(lang).to_string();
    }
    let number = document.number.trim();
    let coded = !number.is_empty()
        && !number.starts_with('(')
        && !number.contains(' ')
        && number.chars().any(|c| c.is_ascii_digit());
    if coded || (lang == Lang::Vi && !number.is_empty() && !number.starts_with('(')) {
        number.to_string()
    } else {
        document.issuer.get(lang).to_string()
    }
}

/// Each short territory name the indicator's figures and targets use, with its full name.
pub fn territories_defined(
    plan: &crate::plan::Plan,
    indicator: &str,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let used = plan
        .observations_of(indicator)
        .map(|o| o.territory.as_str())
        .chain(plan.targets_of(indicator).map(|t| t.territory.as_str()));
    for id in used {
        let short = territory_short(plan, id, lang);
        let full = plan
            .territory(id)
            .map_or_else(|| id.to_string(), |t| t.name.get(lang).to_string());
        if short != full && !out.iter().any(|(s, _)| *s == short) {
            out.push((short, full));
        }
    }
    out
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
            gaps: None,
        }
    }

    #[test]
    fn source_names_and_short_citations() {
        use crate::plan::{PartialDate, Reliability};
        use crate::text::Text;
        let mut source = Source {
            id: "s".into(),
            publisher: Text::new("Báo Thanh Niên", "Báo Thanh Niên"),
            title: "Báo Thanh Niên, 27/12/2023".into(),
            url: "https://example.org".into(),
            published: Published::On(PartialDate::parse("2023-12-27").expect("date")),
            reliability: Reliability::Normal,
            via: Some(Text::new(
                "dẫn lời Chủ tịch UBND TP",
                "quoting the City chairman",
            )),
        };
        assert_eq!(
            source_name(&source, Lang::Vi),
            "Báo Thanh Niên (dẫn lời Chủ tịch UBND TP)"
        );
        assert_eq!(
            source_name(&source, Lang::En),
            "Báo Thanh Niên (quoting the City chairman)"
        );
        assert_eq!(
            source_short(&source, Lang::Vi),
            "Báo Thanh Niên, 27/12/2023"
        );
        assert_eq!(
            source_short(&source, Lang::En),
            "Báo Thanh Niên, 27 Dec 2023"
        );
        assert_eq!(
            source_title(&source),
            None,
            "a publisher-and-date title is not a title"
        );
        source.title = "TP.Cần Thơ được tặng thưởng Huân chương Lao động hạng nhất".into();
        assert_eq!(source_title(&source), Some(source.title.as_str()));
        source.published = Published::Unknown;
        source.via = None;
        assert_eq!(
            source_short(&source, Lang::En),
            "Báo Thanh Niên, date unknown"
        );
        assert_eq!(source_name(&source, Lang::En), "Báo Thanh Niên");

        // An office is named in each language; its publisher-and-date title, as the page shows
        // it in Vietnamese, is still not a title.
        source.publisher = Text::new(
            "Cổng chuyển đổi số Bộ Kế hoạch và Đầu tư",
            "Ministry of Planning and Investment, digital transformation portal",
        );
        source.title = "Cổng chuyển đổi số Bộ Kế hoạch và Đầu tư, ngày đăng không rõ".into();
        assert_eq!(
            source_short(&source, Lang::En),
            "Ministry of Planning and Investment, digital transformation portal, date unknown"
        );
        assert_eq!(
            source_short(&source, Lang::Vi),
            "Cổng chuyển đổi số Bộ Kế hoạch và Đầu tư, không rõ ngày"
        );
        assert_eq!(source_title(&source), None);
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
            "7,5–8%/năm (bình quân 2021–2025)"
        );
        assert_eq!(
            target(&growth(), &band, Lang::En),
            "7.5–8%/yr (average 2021–2025)"
        );
        let floor = target_of(TargetShape::Below(0.5), When::Year(2025));
        assert_eq!(
            target(&growth(), &floor, Lang::Vi),
            "dưới 0,5%/năm (năm 2025)"
        );
        let none = target_of(
            TargetShape::EssentiallyNone { threshold: 0.0 },
            When::Year(2030),
        );
        // A yearly rate's target is within its year; a level's is reached by it.
        assert_eq!(
            target(&growth(), &none, Lang::En),
            "essentially none (in 2030)"
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
            "trên 92,40%/năm"
        );
        assert_eq!(value(&growth(), -2.79, None, Lang::En), "−2.79%/yr");
    }
}
