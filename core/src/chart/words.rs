//! The words a chart writes on itself and in its legend, in both languages. Kept next to the
//! chart because they are chart shorthand ("TB 2021–24"), not the sentences of `i18n`.

use crate::plan::When;
use crate::status::Footing;
use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    PercentAYear,
    Old,
    New,
    /// Before a period on a chart label: "TB 2021–24" / "avg 2021–24".
    AverageShort,
    TotalShort,
    YearlyValues,
    Official,
    Estimate,
    Required,
    Projection,
    Fan,
    Break,
    Target,
}

pub fn get(word: Word, lang: Lang) -> &'static str {
    let (vi, en) = match word {
        Word::PercentAYear => ("%/năm", "%/yr"),
        Word::Old => ("cũ", "old"),
        Word::New => ("mới", "merged"),
        Word::AverageShort => ("TB", "avg"),
        Word::TotalShort => ("Cộng dồn", "Total"),
        Word::YearlyValues => ("số từng năm", "yearly values"),
        Word::Official => ("Số chính thức", "Official figure"),
        Word::Estimate => (
            "Ước tính, sơ bộ hoặc số báo cáo",
            "Estimate, preliminary or reported",
        ),
        Word::Required => ("Lộ trình cần đạt", "Required path"),
        Word::Projection => ("Dự báo theo xu hướng", "Trend projection"),
        Word::Fan => ("Khoảng dao động của dự báo", "Projection range"),
        Word::Break => ("Gián đoạn chuỗi số liệu", "Series break"),
        Word::Target => ("Chỉ tiêu", "Target"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "2021–24": a span of years as chart labels write it (the full first year, the last two
/// digits of the second when the century is the same).
pub fn span_short(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else if first / 100 == last / 100 && last >= 0 && first >= 0 {
        format!("{first}–{:02}", last % 100)
    } else {
        format!("{first}–{last}")
    }
}

/// The legend line of a target: "Chỉ tiêu 2021–2025: bình quân 7,5–8 % · 03-CTr/TU · Cần Thơ (cũ)".
pub fn target_legend(
    when: When,
    footing: Footing,
    goal: &str,
    document: &str,
    territory: &str,
    lang: Lang,
) -> String {
    let head = match (footing, when, lang) {
        (Footing::Total, When::Period(p), Lang::Vi) => format!("Chỉ tiêu tổng {p}"),
        (Footing::Total, When::Period(p), Lang::En) => format!("Target, total {p}"),
        (_, when, lang) => format!("{} {when}", get(Word::Target, lang)),
    };
    format!("{head}: {goal} · {document} · {territory}")
}

/// The legend line of a line series: "Cần Thơ (cũ), bình quân 2021–2024: 5,78%".
pub fn line_legend(
    territory: &str,
    footing: Option<(Footing, (i32, i32))>,
    value: &str,
    year: i32,
    lang: Lang,
) -> String {
    match (footing, lang) {
        (Some((Footing::Average, (a, b))), Lang::Vi) => {
            format!("{territory}, bình quân {}: {value}", years(a, b))
        }
        (Some((Footing::Average, (a, b))), Lang::En) => {
            format!("{territory}, average {}: {value}", years(a, b))
        }
        (Some((_, (a, b))), Lang::Vi) => format!("{territory}, cộng dồn {}: {value}", years(a, b)),
        (Some((_, (a, b))), Lang::En) => format!("{territory}, total {}: {value}", years(a, b)),
        (None, _) => format!("{territory}: {value} ({year})"),
    }
}

fn years(a: i32, b: i32) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

/// The legend line of yearly values shown as context: "Cần Thơ (mới), số từng năm".
pub fn yearly_legend(territory: &str, lone: Option<(&str, i32)>, lang: Lang) -> String {
    let head = format!("{territory}, {}", get(Word::YearlyValues, lang));
    match lone {
        Some((value, year)) => format!("{head}: {value} ({year})"),
        None => head,
    }
}

/// The legend line of a required path on an average: what it is, and the yearly value the
/// remaining years need ("năm 2025 cần 14,65%").
pub fn required_legend(needed: Option<(&str, &[i32])>, lang: Lang) -> String {
    let base = get(Word::Required, lang);
    match (needed, lang) {
        (Some((value, [year])), Lang::Vi) => format!("{base} (bình quân; năm {year} cần {value})"),
        (Some((value, [year])), Lang::En) => format!("{base} (average; {year} needs {value})"),
        (Some((value, _)), Lang::Vi) => format!("{base} (bình quân; mỗi năm còn lại cần {value})"),
        (Some((value, _)), Lang::En) => {
            format!("{base} (average; each remaining year needs {value})")
        }
        (None, _) => base.to_string(),
    }
}

/// The legend line of a series break: "Gián đoạn chuỗi số liệu (1/7/2025)".
pub fn break_legend(date: &str, lang: Lang) -> String {
    format!("{} ({date})", get(Word::Break, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_spans() {
        assert_eq!(span_short(2021, 2024), "2021–24");
        assert_eq!(span_short(1999, 2004), "1999–2004");
        assert_eq!(span_short(2021, 2021), "2021");
    }
}
